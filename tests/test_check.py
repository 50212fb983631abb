"""reportgen check: catches a planted error of each kind and stays quiet on the examples."""
import re
import zipfile

import pytest

from conftest import EXAMPLES, FIXTURES
from generator.api import build, check
from generator.errors import ReportgenError

DRAFT = FIXTURES / "draft_errors.md"


def findings(path, **kw):
    problems, _ = check(path, **kw)
    return [(p.line, p.level, p.message) for p in problems]


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name[:2].encode().hex())
def test_quiet_on_the_bundled_examples_and_their_documents(example, tmp_path):
    assert findings(example) == []
    out = tmp_path / "r.docx"
    build(example, out)
    assert findings(out) == []


def test_a_planted_error_of_each_kind_is_caught_on_its_line():
    got = findings(DRAFT)
    expect = [
        (11, "错误", "中国特色主义思想"),
        (11, "警告", "二十大"),
        (13, "错误", "应加引号"),          # in a heading
        (15, "错误", "应加引号"),
        (15, "警告", "缺少“两个维护”"),
        (19, "错误", "立案的提案(130件)多于提交的提案(120件)"),
        (23, "错误", "被采用的信息(55篇)多于报送的信息(40篇)"),
        (25, "警告", "不够对仗"),
        (27, "警告", "重复"),
        (31, "错误", "之和(350人次)超过总数(300人次)"),
    ]
    norm = [(line, level, msg.replace("\uff08", "(").replace("\uff09", ")")) for line, level, msg in got]
    for line, level, words in expect:
        assert any(l == line and lv == level and words in m for l, lv, m in norm), (line, level, words, norm)


def test_facts_file_numbers_and_dates(write):
    base = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
    bad = base.replace("提案: {提交: 379, 立案: 279, 办结: 279}", "提案: {提交: 379, 立案: 400, 办结: 279}") \
              .replace("日期: 2025-01-06", "日期: 2027-01-06")
    got = findings(write("f.yaml", bad))
    lines = base.splitlines()
    slot_line = next(i for i, ln in enumerate(lines, 1) if "提案: {提交" in ln)
    date_line = next(i for i, ln in enumerate(lines, 1) if "日期: 2025-01-06" in ln)
    assert (slot_line, "错误", "提案:立案(400)多于提交(379)") in got
    assert len([g for g in got if "立案" in g[2]]) == 1
    assert any(line == date_line and "与回顾的年度 2024 不符" in msg for line, _, msg in got)


def test_a_formulation_used_before_its_year(write):
    text = DRAFT.read_text(encoding="utf-8").replace("2024年1月10日", "2019年1月10日")
    text += "\n我们坚决拥护“两个确立”。\n"
    got = findings(write("old.md", text))
    assert any("“两个确立”是 2021 年起的提法" in m for _, _, m in got)


def test_invalid_facts_are_reported_as_errors(write):
    got = findings(write("f.yaml", "年度: 2020\n"))
    assert got and all(level == "错误" for _, level, _ in got)


def test_annotate_writes_comments_at_the_paragraphs(tmp_path):
    from generator.api import typeset

    draft_docx = tmp_path / "草稿.docx"
    typeset(DRAFT, draft_docx)
    problems, (out, placed) = check(draft_docx, annotate_to=tmp_path / "批注.docx")
    assert placed == len(problems) > 5
    z = zipfile.ZipFile(out)
    comments = z.read("word/comments.xml").decode()
    assert comments.count("<w:comment ") == placed and "立案的提案" in comments
    body = z.read("word/document.xml").decode()
    # the comment about 立案 is anchored in the paragraph that says so
    para = next(p for p in re.findall(r"<w:p[ >].*?</w:p>", body, re.S) if "立案交办提案" in p)
    assert "commentRangeStart" in para


def test_annotate_needs_a_docx_and_a_new_file(tmp_path):
    with pytest.raises(ReportgenError) as e:
        check(DRAFT, annotate_to=tmp_path / "x.docx")
    assert "只用于 Word 草稿" in str(e.value)


def test_check_command_exit_codes(cli, tmp_path):
    code, out, _ = cli("check", EXAMPLES / "平昌县政协2021.yaml")
    assert code == 0 and "未发现问题" in out
    code, out, _ = cli("check", DRAFT)
    assert code == 1 and "draft_errors.md:19: 错误:" in out and "共 " in out
    code, _, err = cli("check", tmp_path / "none.md")
    assert code == 1 and "文件不存在" in err


PARA = "县政协围绕全县中心工作,组织委员深入乡镇开展专题调研,形成调研报告八篇,为县委县政府科学决策提供了参考依据。"
FORMULA = "坚持以习近平新时代中国特色社会主义思想为指导,"


def draft_with(write, *paragraphs):
    body = "\n\n".join(paragraphs)
    return write("d.md", f"某县政协常委会工作报告\n\n各位委员:\n\n过去一年的工作\n\n一、加强学习\n\n{body}\n")


def test_a_paragraph_repeated_is_one_finding_nearly_or_whole(write):
    problems, _ = check(draft_with(write, PARA, PARA))
    same = [p.message for p in problems if "相同" in p.message]
    assert len(same) == 1 and same[0].startswith("这一段与上一段完全相同")
    assert not any("大段文字重复" in p.message for p in problems)
    problems, _ = check(draft_with(write, PARA, PARA.replace("八篇", "九篇")))
    assert any("几乎相同" in p.message for p in problems)


def test_the_standard_formulations_are_not_repeats(write):
    a = FORMULA + "县政协深入开展理论学习,全年组织集中学习十二次。"
    b = FORMULA + "县政协积极开展民主监督,全年组织专项视察六次。"
    problems, _ = check(draft_with(write, a, b))
    assert not any("重复" in p.message or "相同" in p.message for p in problems), problems
