"""reportgen roll: last year's facts file as this year's draft, comments and wording kept."""
import re

import pytest
import yaml

from conftest import ROOT, SEEDS
from generator.api import build, extract, roll
from generator.cli import main
from generator.errors import ReportgenError

DANDONG = ROOT / "examples" / "丹东市政协2020.yaml"
MINIMAL = ROOT / "tests" / "fixtures" / "minimal.yaml"


def _md(facts, tmp_path, name="r.md"):
    out = tmp_path / name
    result = build(facts, out, "md")
    return out.read_text(encoding="utf-8"), result


def test_rolling_the_dandong_example_moves_year_meeting_headings_and_opening(tmp_path):
    out, rolled = roll(DANDONG, tmp_path / "丹东2021.yaml")
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["年度"] == 2020 and data["会议"]["会次"] == 4 and str(data["会议"]["日期"]) == "2021-01-06"
    assert data["工作回顾"]["标题"] == "2020年工作回顾" and data["工作安排"]["标题"] == "2021年工作安排"
    assert "对2021年政协工作提出意见" in data["开头"]
    # every comment the person wrote is still there, and the file says what changed and what to check
    text = out.read_text(encoding="utf-8")
    comments = [ln.strip() for ln in DANDONG.read_text(encoding="utf-8").splitlines() if ln.strip().startswith("#")]
    assert all(c in text for c in comments)
    assert text.startswith("# 由 reportgen roll") and "# 请核对:" in text and "会议.日期" in text
    assert any("上年" in c for c in rolled.changed)
    md, result = _md(out, tmp_path)
    assert "第十五届委员会第四次会议上" in md and "2019年工作回顾" not in md and "对2020年" not in md
    assert "××" in md   # this year's numbers, still to fill
    assert any("今年的数字还没填" in w.message for w in result.draft.warnings)


def test_extract_then_roll_of_the_dandong_seed_builds_the_next_years_report(tmp_path):
    facts = extract(SEEDS / "003_cbf5ea202d683762.txt", tmp_path / "丹东.yaml")
    out, _ = roll(facts, tmp_path / "丹东2021.yaml")
    md, _ = _md(out, tmp_path)
    assert "——在政协丹东市第十五届委员会第四次会议上" in md
    assert "2020年工作回顾" in md and "2019年工作回顾" not in md
    opening = md.split("各位委员")[1][:120]
    assert "对2021年" in opening and "对2020年" not in opening


def test_numbers_move_beside_empty_fields_in_flow_and_block_style(tmp_path):
    src = tmp_path / "f.yaml"
    src.write_text(MINIMAL.read_text(encoding="utf-8").replace(
        "            - 理论学习: {学习研讨: 90余, 讲党课: 20余}\n",
        "            - 理论学习:\n                学习研讨: 90余   # 集体学习\n                讲党课: 20余\n"),
        encoding="utf-8")
    out, _ = roll(src, tmp_path / "g.yaml")
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    items = data["工作回顾"]["板块"][0]["事项"]
    assert items[0]["内容"][1]["理论学习"] == {"学习研讨": None, "讲党课": None,
                                              "上年": {"学习研讨": "90余", "讲党课": "20余"}}
    assert "# 集体学习" in out.read_text(encoding="utf-8")
    assert items[1]["内容"][0]["提案"] == {"提交": None, "立案": None, "办结": None,
                                          "上年": {"提交": 379, "立案": 279, "办结": 279}}
    # texts and lists stay: they are last year's words, for the person to rewrite
    assert data["工作回顾"]["板块"][1]["事项"][0]["内容"][0]["调研视察"]["课题"][0] == "提高学前教育普惠率"
    # filled in, then rolled again: this year's numbers become 上年, last year's give way
    filled = out.read_text(encoding="utf-8").replace("提交: ,", "提交: 400,").replace("立案: ,", "立案: 300,")
    out.write_text(filled, encoding="utf-8")
    again, _ = roll(out, tmp_path / "h.yaml")
    proposals = yaml.safe_load(again.read_text(encoding="utf-8"))["工作回顾"]["板块"][0]["事项"][1]["内容"][0]["提案"]
    assert proposals["上年"] == {"提交": 400, "立案": 300}
    assert again.read_text(encoding="utf-8").count("# 由 reportgen roll") == 1


def test_a_new_term_gives_the_outgoing_committees_term_end_report(tmp_path):
    out, rolled = roll(DANDONG, tmp_path / "x.yaml", new_term=True)
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["类型"] == "届末" and (data["会议"]["届次"], data["会议"]["会次"]) == (16, 1)
    assert any("报告人" in t for t in rolled.todo)
    md, _ = _md(out, tmp_path)
    assert md.startswith("# 中国人民政治协商会议辽宁省丹东市第十五届委员会常务委员会工作报告")
    assert "——在政协丹东市第十六届委员会第一次会议上" in md
    assert "我受政协丹东市第十五届委员会常务委员会" in md


def test_the_congress_and_plenums_and_the_plan_move_with_the_meeting_date(tmp_path):
    text = MINIMAL.read_text(encoding="utf-8").replace(
        "结束语:\n  目标: 为丹东全面振兴新突破作出新的更大贡献",
        "开头: 我受常务委员会委托,报告2024年工作,并对2025年工作提出意见。\n"
        "结束语: 让我们深入学习贯彻党的二十大和二十届二中、三中全会精神,为“十四五”规划圆满收官而团结奋斗!")
    src = tmp_path / "f.yaml"
    src.write_text(text.replace("  概述:\n    - 2024年是新中国成立75周年。",
                                "  概述:\n    - 一年来,我们深入学习贯彻党的二十大和二十届二中、三中全会精神。"),
                   encoding="utf-8")
    out, rolled = roll(src, tmp_path / "g.yaml")
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["开头"] == "我受常务委员会委托,报告2025年工作,并对2026年工作提出意见。"
    assert "党的二十大和二十届二中、三中、四中全会精神" in data["结束语"] and "“十五五”规划" in data["结束语"]
    assert "二十届二中、三中、四中全会" in data["工作回顾"]["概述"][0]
    # an overview's sentence about last year's plan is last year's: its plan keeps its name
    assert data["工作安排"]["概述"] == "2025年是“十四五”规划收官之年。"
    assert any("工作安排.概述" in t for t in rolled.todo)


def test_roll_refuses_to_replace_a_file_and_names_the_next_year_by_default(tmp_path, capsys):
    src = tmp_path / "县政协2024.yaml"
    src.write_text(MINIMAL.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["roll", str(src)]) == 0
    assert (tmp_path / "县政协2025.yaml").is_file()
    assert "已写出今年的事实文件" in capsys.readouterr().out
    assert main(["roll", str(src)]) == 1
    assert "没有覆盖" in capsys.readouterr().err


def test_roll_of_a_bad_facts_file_says_where_without_writing(tmp_path, capsys):
    src = tmp_path / "bad.yaml"
    src.write_text(MINIMAL.read_text(encoding="utf-8").replace("会次: 3", "会次: 三"), encoding="utf-8")
    assert main(["roll", str(src), "-o", str(tmp_path / "out.yaml")]) == 1
    err = capsys.readouterr().err
    assert re.search(r"bad\.yaml:\d+: 错误: 会议\.会次", err) and not (tmp_path / "out.yaml").exists()
    with pytest.raises(ReportgenError):
        roll(src, tmp_path / "out.yaml")


# ---- year over year --------------------------------------------------------------------

def _proposals(tmp_path, fact: str, top: str = "") -> str:
    src = tmp_path / "f.yaml"
    src.write_text(top + MINIMAL.read_text(encoding="utf-8").replace(
        "- 提案: {提交: 379, 立案: 279, 办结: 279}", f"- 提案: {fact}"), encoding="utf-8")
    md, _ = _md(src, tmp_path)
    return next(ln for ln in md.splitlines() if "提案" in ln and "件" in ln)


def test_a_number_compared_with_last_years_says_by_how_much(tmp_path):
    line = _proposals(tmp_path, "{提交: 391, 立案: 279, 办结: 279, 上年: {提交: 379, 立案: 290}, 同比: 增减}")
    assert "共提交提案391件，比上年增加12件，经审查立案交办提案279件，比上年减少11件，均已办结" in line
    line = _proposals(tmp_path, "{提交: 391, 上年: {提交: 379}}", top="同比: 百分比\n")
    assert "共提交提案391件，同比增长3.2%" in line
    # a slot can opt out of the report's comparison; an approximate number is never compared
    assert "比上年" not in _proposals(tmp_path, "{提交: 391, 上年: {提交: 379}, 同比: 不比}", top="同比: 增减\n")
    assert "比上年" not in _proposals(tmp_path, "{提交: 390余, 上年: {提交: 379}}", top="同比: 增减\n")
    assert "与上年持平" in _proposals(tmp_path, "{提交: 379, 上年: {提交: 379}, 同比: 增减}")


def test_an_unknown_comparison_or_a_bad_last_year_value_is_located(tmp_path):
    with pytest.raises(ReportgenError) as e:
        _proposals(tmp_path, "{提交: 391, 上年: {提交: 多}, 同比: 同比}")
    text = str(e.value)
    assert "提案.同比" in text and "增减" in text and "提案.上年.提交" in text


def _compare_facts(tmp_path):
    src = tmp_path / "c.yaml"
    src.write_text(MINIMAL.read_text(encoding="utf-8").replace(
        "- 提案: {提交: 379, 立案: 279, 办结: 279}", "- 提案: {提交: 391, 立案: 279, 上年: {提交: 379, 立案: 290}}")
        .replace("- 理论学习: {学习研讨: 90余, 讲党课: 20余}", "- 理论学习: {学习研讨: 90余, 上年: {学习研讨: 80}}"),
        encoding="utf-8")
    return src


def test_build_compare_prints_this_year_against_last_year(tmp_path, capsys):
    src = _compare_facts(tmp_path)
    assert main(["build", str(src), "-o", str(tmp_path / "r.md"), "--compare"]) == 0
    lines = capsys.readouterr().out.splitlines()
    row = next(ln for ln in lines if "提交" in ln).split()
    assert row[-5:] == ["件", "391", "379", "+12", "+3.2%"]
    assert next(ln for ln in lines if "学习研讨" in ln).split()[-2:] == ["90余", "80"]   # no sum of an estimate


def test_build_compare_writes_a_csv_and_an_xlsx_that_read_back(tmp_path):
    import csv

    import openpyxl

    src = _compare_facts(tmp_path)
    assert main(["build", str(src), "-o", str(tmp_path / "r.md"), "--compare", str(tmp_path / "t.csv")]) == 0
    with open(tmp_path / "t.csv", encoding="utf-8-sig", newline="") as f:
        table = list(csv.reader(f))
    assert table[0][:3] == ["位置", "事实类别", "项目"]
    assert ["提案", "立案", "件", "279", "290", "-11", "-3.8%"] in [r[1:] for r in table]
    assert main(["build", str(src), "-o", str(tmp_path / "r.md"), "--compare", str(tmp_path / "t.xlsx")]) == 0
    rows = list(openpyxl.load_workbook(tmp_path / "t.xlsx").active.values)
    assert ("提案", "提交", "件", 391, 379, 12, "+3.2%") in [r[1:] for r in rows]
    # an existing table is not replaced without --force; a table of another kind is refused
    assert main(["build", str(src), "-o", str(tmp_path / "r.md"), "--compare", str(tmp_path / "t.xlsx")]) == 1
    assert main(["build", str(src), "-o", str(tmp_path / "r.md"), "--compare", str(tmp_path / "t.txt")]) == 1


@pytest.mark.parametrize("example", sorted((ROOT / "examples").glob("*.yaml")), ids=lambda p: p.name[:2].encode().hex())
def test_every_example_rolls_into_a_file_that_builds(example, tmp_path):
    out, _ = roll(example, tmp_path / "next.yaml")
    yaml.safe_load(out.read_text(encoding="utf-8"))
    build(out, tmp_path / "next.md", "md")


def _rolled(tmp_path, old: str, new: str, **kw):
    src = tmp_path / "f.yaml"
    text = MINIMAL.read_text(encoding="utf-8")
    assert old in text
    src.write_text(text.replace(old, new), encoding="utf-8", newline=kw.pop("newline", None))
    out, rolled = roll(src, tmp_path / "g.yaml", force=True, **kw)
    build(out, tmp_path / "g.md", "md", force=True)   # it still parses and builds
    return out.read_text(encoding="utf-8"), rolled


PROPOSALS = "            - 提案: {提交: 379, 立案: 279, 办结: 279}\n"


@pytest.mark.parametrize("written", [
    "            - 提案: {上年: {提交: 300}, 提交: 379, 立案: 279, 办结: 279}\n",           # 上年 first, flow
    "            - 提案: {提交: 379, 立案: 279, 办结: 279, }\n",                            # a trailing comma
    "            - 提案:\n                上年:\n                  提交: 300\n                提交: 379\n"
    "                立案: 279\n                办结: 279\n",                                   # 上年 first, block
    "            - 提案:\n                提交: 379\n                立案: 279\n                办结: 279\n"
    "                上年:\n                  提交: 300\n",                                   # 上年 last, block
    "            - 提案:\n                提交: 379\n                立案: 279\n                办结: 279\n"
    "                重点提案:\n                  - 关于加强疾病防控体系建设的建议\n",          # a list last
])
def test_numbers_move_whatever_the_shape_of_the_fact(written, tmp_path):
    text, _ = _rolled(tmp_path, PROPOSALS, written)
    data = yaml.safe_load(text)
    item = data["工作回顾"]["板块"][0]["事项"][1]
    fact = item["内容"][0]["提案"]
    assert fact["上年"] == {"提交": 379, "立案": 279, "办结": 279} and fact["提交"] is None
    assert item["内容"][1] == ",推进提案工作提质增效"     # the next piece is untouched


def test_a_lone_fact_an_alias_a_document_marker_and_crlf_line_ends(tmp_path):
    lone = "            - 提案: {提交: 379, 立案: 279, 办结: 279}\n            - \",推进提案工作提质增效\"\n"
    text, _ = _rolled(tmp_path, lone, "            - 提案: &p {提交: 379, 立案: 279, 办结: 279}\n"
                                      "            - 提案: *p\n")
    assert text.count("上年: {提交: 379") == 1
    text, _ = _rolled(tmp_path, "年度: 2024", "---\n年度: 2024", new_term=True)
    assert yaml.safe_load(text)["类型"] == "届末"
    text, _ = _rolled(tmp_path, "年度: 2024", "年度: 2024", newline="\r\n")
    raw = (tmp_path / "g.yaml").read_bytes()
    assert raw.count(b"\r\n") == raw.count(b"\n")   # the file's own line ends throughout


def test_after_a_term_report_comes_the_new_terms_second_session(tmp_path):
    out, rolled = roll(ROOT / "examples" / "代县政协届末2021.yaml", tmp_path / "x.yaml")
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["类型"] == "年度" and (data["会议"]["届次"], data["会议"]["会次"]) == (16, 1)
    first = tmp_path / "first.yaml"
    first.write_text(out.read_text(encoding="utf-8").replace("类型: 年度", "类型: 届末"), encoding="utf-8")
    again = yaml.safe_load(roll(first, tmp_path / "y.yaml")[0].read_text(encoding="utf-8"))
    assert (again["会议"]["届次"], again["会议"]["会次"]) == (16, 2)
    _, rolled = roll(ROOT / "examples" / "资阳市政协2022综述.yaml", tmp_path / "z.yaml", new_term=True)
    assert any("--new-term 没有起作用" in t for t in rolled.todo)


def test_a_plan_name_already_moved_on_is_left_and_a_renamed_one_is_to_check(tmp_path):
    text, rolled = _rolled(tmp_path, "结束语:\n  目标: 为丹东全面振兴新突破作出新的更大贡献",
                           "开头: 我受常务委员会委托报告工作。\n结束语: 为“十四五”规划圆满收官、“十五五”开好局而奋斗!")
    assert "为“十四五”规划圆满收官、“十五五”开好局" in yaml.safe_load(text)["结束语"]
    text, rolled = _rolled(tmp_path, "结束语:\n  目标: 为丹东全面振兴新突破作出新的更大贡献",
                           "结束语: 为“十四五”规划圆满收官而奋斗!")
    assert any("十五五" in t and "开局" in t for t in rolled.todo)


def test_the_default_name_bumps_a_year_and_nothing_else(tmp_path):
    src = tmp_path / "政协报告0106.yaml"
    src.write_text(MINIMAL.read_text(encoding="utf-8"), encoding="utf-8")
    out, _ = roll(src)
    assert out.name == "政协报告0106-下一年.yaml"


def test_comparisons_in_a_list_of_counts_and_in_a_clause_of_two(tmp_path):
    line = _proposals(tmp_path, "{提交: 391, 上年: {提交: 379}, 同比: 增减}")
    src = tmp_path / "o.yaml"
    src.write_text(MINIMAL.read_text(encoding="utf-8").replace(
        "社情民意: {征集: 311, 反映: 76, 报送上级: 44, 上级采用: 13}",
        "社情民意: {反映: 76, 报送上级: 44, 上级采用: 13, 上年: {报送上级: 40, 上级采用: 15}, 同比: 增减}")
        .replace("调研视察: {课题: [提高学前教育普惠率, 坚决打好污染防治攻坚战], 调研: 150多}",
                 "民主监督: {监督委员: 111, 监督小组: 34, 上年: {监督委员: 100, 监督小组: 36}, 同比: 增减}"),
        encoding="utf-8")
    md, _ = _md(src, tmp_path, "o.md")
    assert "其中向上级政协报送44篇，比上年增加4篇、采用13篇，比上年减少2篇" in md
    assert "111名委员组成34个民主监督小组，比上年减少2个" in md and "增加11名" not in md
    assert line


def test_unfilled_numbers_do_not_say_they_are_equal(tmp_path):
    line = _proposals(tmp_path, "{提交: , 立案: , 办结: , 上年: {提交: 379, 立案: 279, 办结: 279}}")
    assert "均已办结" not in line and "已办结××件" in line


def test_build_compare_without_last_years_numbers_says_so(tmp_path, capsys):
    assert main(["build", str(MINIMAL), "-o", str(tmp_path / "r.md"), "--compare"]) == 0
    assert "没有写“上年”的数字" in capsys.readouterr().out
