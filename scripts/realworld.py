"""Accuracy on the real-world development set (tests/fixtures/realworld/): fields right / fields
written, file by file, for the parser (title, meeting, speaker…) and extract (region, term…).

Usage: .venv/bin/python scripts/realworld.py [folder]   (make accuracy)
       .venv/bin/python scripts/realworld.py --openings corpus/openings   (the fixtures, cleaned, for learn)
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.errors import ReportgenError  # noqa: E402
from generator.typography import normalize_line  # noqa: E402

FOLDER = ROOT / "tests" / "fixtures" / "realworld"
PARSE_FIELDS = ("标题", "会议", "报告人", "日期", "称呼", "部分", "板块")
EXTRACT_FIELDS = ("类型", "地区", "级", "届次", "会次", "年度")


def _simplified(text: str) -> str:
    import opencc

    return opencc.OpenCC("t2s.json").convert(text)


def same(a, b) -> bool:
    def norm(v):
        if isinstance(v, (list, tuple)):
            return [norm(x) for x in v]
        return normalize_line(str(v)).replace(" ", "").replace("\u3000", "") if v not in (None, "") else ""
    return norm(a) == norm(b)


@dataclass
class Score:
    file: str
    right: list[str] = field(default_factory=list)
    wrong: list[tuple[str, object, object]] = field(default_factory=list)   # (field, expected, got)
    flagged: list[str] = field(default_factory=list)   # placeholders listed under 请核对
    missing: list[str] = field(default_factory=list)   # extract wrote nothing where the reader saw a value
    refused: str = ""

    @property
    def written(self) -> int:
        return len(self.right) + len(self.wrong) + len(self.flagged) + len(self.missing)


def parsed_fields(tree) -> dict:
    m = tree.meta
    return {"标题": m.title, "会议": m.meeting, "报告人": m.speaker, "日期": m.date, "称呼": m.salutation,
            "部分": [[p.role, p.heading] for p in tree.parts if p.heading],
            "板块": [s.heading for p in tree.parts for s in p.sections if s.heading]}


def extracted_fields(tree) -> tuple[dict, str]:
    from generator.extract import extract
    from generator.names import derive_names

    facts, todo = extract(tree)
    meeting = facts.get("会议") or {}
    region = facts["机构"]["地区"]
    got = {"类型": facts["类型"], "地区": region, "级": derive_names(region)["级"] if region else "",
           "届次": meeting.get("届次") or facts["机构"].get("届次"), "会次": meeting.get("会次"), "年度": facts.get("年度")}
    return got, ";".join(todo)


def capture(path: Path) -> str:
    """The captured page, without the `source:` and `kind:` lines the fixture adds."""
    lines = path.read_text(encoding="utf-8").split("\n")
    while lines and lines[0].startswith(("source:", "kind:")):
        lines.pop(0)
    return "\n".join(lines)


def score(path: Path) -> Score:
    from generator.clean import clean_text
    from generator.parse import parse

    expected = yaml.safe_load(path.with_suffix(".yaml").read_text(encoding="utf-8"))
    s = Score(path.name)
    try:
        tree = parse(clean_text(capture(path)))
    except ReportgenError as e:
        s.refused = str(e).splitlines()[0]
        s.wrong = [(f, expected[f], None) for f in PARSE_FIELDS + EXTRACT_FIELDS]
        return s
    got = parsed_fields(tree)
    facts, todo = extracted_fields(tree)
    for name in PARSE_FIELDS:
        exp, out = expected[name], got[name]
        if name in ("部分", "板块"):  # a heading's closing stop is typography, not its words
            exp = [[r, h.rstrip("。")] for r, h in exp] if name == "部分" else [h.rstrip("。") for h in exp]
        if name == "报告人":
            ok = same(exp, out) or bool(exp) and normalize_line(exp) in out.replace(" ", "") and len(out) <= len(exp) + 16
        else:
            ok = same(exp, out)
        (s.right.append(name) if ok else s.wrong.append((name, exp, out)))
    for name in EXTRACT_FIELDS:
        exp, out = expected[name], facts[name]
        key = {"级": "地区"}.get(name, name)
        if name in ("地区", "级") and exp:
            ok = same(_simplified(str(exp)), _simplified(str(out)))
        elif name == "类型" and exp == "其他":
            ok = False
        else:
            ok = same(exp, out)
        # the text does not say (or names a kind the tool has no template for), and 请核对 says so
        if ok or (exp in (None, "", "其他") and key in todo):
            s.right.append(name)
        elif key in todo:
            s.flagged.append(name)
        elif out in (None, ""):
            s.missing.append(name)
        else:
            s.wrong.append((name, exp, out))
    return s


def run(folder: Path = FOLDER, out=sys.stdout) -> list[Score]:
    scores = [score(p) for p in sorted(folder.glob("*.txt")) if p.with_suffix(".yaml").is_file()]
    for s in scores:
        mark = "拒绝:" + s.refused if s.refused else ""
        print(f"{s.file[:40]:40} {len(s.right):2}/{s.written:2}  "
              + " ".join(f"✗{f}" for f, _, _ in s.wrong) + " " + " ".join(f"?{f}" for f in s.flagged)
              + " " + " ".join(f"-{f}" for f in s.missing) + mark,
              file=out)
    total = sum(s.written for s in scores)
    right = sum(len(s.right) for s in scores)
    for group, names in (("解析", PARSE_FIELDS), ("提取", EXTRACT_FIELDS)):
        r = sum(f in s.right for s in scores for f in names)
        n = len(scores) * len(names)
        print(f"{group}:{r}/{n} ({r * 100 / max(n, 1):.0f}%)", file=out)
    print(f"合计:{right}/{total} ({right * 100 / max(total, 1):.0f}%),"
          f"待核对 {sum(len(s.flagged) for s in scores)},未写 {sum(len(s.missing) for s in scores)},"
          f"拒绝 {sum(bool(s.refused) for s in scores)} 篇", file=out)
    print("(✗ 读错,? 写了占位值并列入“请核对”,- 没有写)", file=out)
    return scores


def write_openings(target: Path) -> None:
    """The fixtures' captures, cleaned, as the corpus's openings (learned for their formulas)."""
    from generator.clean import clean_text

    target.mkdir(parents=True, exist_ok=True)
    for p in sorted(FOLDER.glob("*.txt")):
        (target / p.name).write_text(clean_text(capture(p)), encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--openings"]:
        write_openings(Path(sys.argv[2]))
    else:
        run(Path(sys.argv[1]) if len(sys.argv) > 1 else FOLDER)
