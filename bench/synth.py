"""Synthetic facts and reports for benchmarks: the five examples varied at random (seeded)."""
from __future__ import annotations

import copy
import random
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
REGIONS = ["平昌县", "丹东市", "资阳市", "代县", "通江县", "南江县", "巴州区", "恩阳区", "宣汉县", "渠县",
           "大竹县", "邻水县", "武胜县", "岳池县", "华蓥市", "阆中市", "南部县", "仪陇县", "营山县", "蓬安县"]


def _examples() -> list[dict]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "examples").glob("*.yaml"))]


def _vary_numbers(value, rng: random.Random):
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return max(1, int(value * rng.uniform(0.5, 1.8)))
    if isinstance(value, dict):
        return {k: _vary_numbers(v, rng) for k, v in value.items()}
    if isinstance(value, list):
        return [_vary_numbers(v, rng) for v in value]
    return value


def varied_facts(n: int, seed: int = 20261121) -> list[dict]:
    rng = random.Random(seed)
    base = _examples()
    out = []
    for i in range(n):
        facts = copy.deepcopy(base[i % len(base)])
        facts["机构"]["地区"] = rng.choice(REGIONS)
        facts["机构"].pop("党委", None)
        facts["机构"].pop("全称", None)
        facts.pop("标题", None)
        year = rng.randint(2016, 2024)
        facts["年度"] = year
        for key in ("会议", "日期"):
            if key in facts:
                if key == "会议":
                    facts[key]["日期"] = f"{year + 1}-01-{rng.randint(10, 28)}"
                else:
                    facts[key] = f"{year + 1}-01-{rng.randint(10, 28)}"
        for part in ("工作回顾", "工作安排"):
            sections = (facts.get(part) or {}).get("板块")
            if isinstance(sections, list):
                rng.shuffle(sections)
                for s in sections:
                    items = s.get("事项") or []
                    if len(items) > 2:
                        s["事项"] = rng.sample(items, rng.randint(2, len(items)))
        for part in ("工作回顾", "主要体会", "工作安排"):
            if part in facts:
                facts[part] = _vary_numbers(facts[part], rng)
        out.append(facts)
    return out


def write_facts(folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, facts in enumerate(varied_facts(n)):
        p = folder / f"r{i:04d}.yaml"
        p.write_text(yaml.safe_dump(facts, allow_unicode=True, sort_keys=False), encoding="utf-8")
        paths.append(p)
    return paths


def write_reports(folder: Path, n: int) -> list[Path]:
    """Report texts rendered by the generator from varied facts: a corpus to learn from."""
    from generator.schema import load_schema
    from generator.facts import validate
    from generator.render import Renderer
    from generator.writers.text import write_text
    from generator.yamlio import Located

    folder.mkdir(parents=True, exist_ok=True)
    renderer = Renderer(schema=load_schema())
    paths = []
    for i, facts in enumerate(varied_facts(n)):
        tree, _ = renderer.render(validate(Located(facts, {}, f"r{i}"), renderer.slots, renderer.types))
        p = folder / f"r{i:04d}.txt"
        p.write_text(write_text(tree).replace("**", ""), encoding="utf-8")
        paths.append(p)
    return paths
