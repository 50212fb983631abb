"""A person's facts file changed in place: values, sections and items added, removed and moved,
with every comment of what stays kept beside it."""
import copy
import random
import re

import pytest
import yaml

from conftest import ROOT
from generator.serve import _jsonable, updated_text

EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def _load(text):
    return _jsonable(yaml.safe_load(text))


def _comments(text):
    return [line.strip() for line in text.splitlines() if line.strip().startswith("#")]


def test_moving_a_section_takes_its_heading_comment_and_keeps_every_other_comment():
    text = (ROOT / "examples" / "平昌县政协2021.yaml").read_text(encoding="utf-8")
    data = _load(text)
    sections = data["工作回顾"]["板块"]
    sections[0], sections[1] = sections[1], sections[0]
    out, kept = updated_text(text, data)
    assert kept and _load(out) == data
    assert sorted(_comments(out)) == sorted(_comments(text))      # none lost, none doubled
    first = out.index("# ---------------- 二、"), out.index("# ---------------- 一、")
    assert first[0] < first[1]
    # the comment above 协商议政 moved with it, right above its section
    assert re.search(r"# -+ 二、[^\n]*\n\s*- 标题: 以助推事业发展为主线", out)


def test_an_added_item_is_written_in_the_files_layout_and_a_removed_one_takes_its_comments():
    text = ("# 头\n板块:\n  # 一\n  - 标题: 甲\n    事项:\n      - 引语: a\n        内容: [x]\n"
            "\n  # 二\n  - 标题: 乙   # 乙的注\n    事项: []\n")
    data = _load(text)
    data["板块"][1]["事项"].append({"引语": "新的", "内容": ["第一段。\n第二段。"]})
    data["板块"].insert(0, {"标题": "丙", "事项": []})
    text, kept = updated_text(text, data)
    assert kept and _load(text) == data
    del data["板块"][1]                      # 甲 goes, with its comment
    out, kept = updated_text(text, data)
    assert kept and _load(out) == data
    assert "# 一" not in out and "# 二" in out and "# 乙的注" in out and out.startswith("# 头\n板块:\n")
    assert "      - 引语: 新的\n" in out and "|" in out   # nested in place, long text as a block


def test_keys_added_and_values_that_change_kind():
    text = "a:   # 说明\nb: [1, 2]\nc: |\n  段。\n\n# 尾\nd:\n  - x\n"
    new = {"a": ["p", "q"], "b": [], "c": {"k": 1}, "d": "y", "e": 5}
    out, kept = updated_text(text, new)
    assert kept and _load(out) == new and "# 说明" in out and "# 尾" in out


def _lists(value) -> list[list]:
    here = [value] if isinstance(value, list) and value else []
    inside = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    return here + [x for v in inside for x in _lists(v)]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_random_structural_edits_read_back_exactly_and_keep_the_comments_of_what_stays(path):
    text = path.read_text(encoding="utf-8")
    rng = random.Random(path.stem)
    for _ in range(40):
        data = _load(text)
        lists = _lists(data)
        target = rng.choice(lists)
        op = rng.choice(["swap", "drop", "copy"])
        i = rng.randrange(len(target))
        if op == "swap" and len(target) > 1:
            j = (i + 1) % len(target)
            target[i], target[j] = target[j], target[i]
        elif op == "drop":
            del target[i]
        else:
            target.insert(rng.randrange(len(target) + 1), copy.deepcopy(target[i]))
        out, kept = updated_text(text, data)
        assert _load(out) == data
        assert kept, f"{op} at {i} rewrote the file"
        if op == "swap":
            assert sorted(_comments(out)) == sorted(_comments(text))
        text = out
