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


def test_a_file_moved_on_by_hand_has_its_stale_years_and_meeting_flagged(write):
    text = (EXAMPLES / "丹东市政协2020.yaml").read_text(encoding="utf-8")
    moved = text.replace("年度: 2019", "年度: 2020").replace("会次: 3", "会次: 4") \
                .replace("日期: 2020-01-06", "日期: 2021-01-06") \
                .replace("称呼: 各位委员：", "副标题: ——在政协丹东市第十五届委员会第三次会议上\n称呼: 各位委员：")
    got = findings(write("moved.yaml", moved))
    messages = [m for _, _, m in got]
    assert any("2019年工作回顾" in m and "回顾 2020 年" in m for m in messages)
    assert any("对2020年" in m for m in messages)
    assert any("2020年工作安排" in m and "2021 年" in m for m in messages)
    assert any("第三次会议" in m and "第15届第4次" in m for m in messages)
    lines = moved.splitlines()
    assert any(line == next(i for i, ln in enumerate(lines, 1) if "标题: 2019年工作回顾" in ln)
               for line, _, m in got if "2019年工作回顾" in m)


def test_topic_keyed_facts_are_checked_like_listed_ones(write):
    text = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8").replace(
        "工作安排:", "  \n工作安排:").replace(
        "  不足:", "    - 主题: 提案\n      事实: {提交: 100, 立案: 162, 办结: 170}\n  不足:")
    got = findings(write("f.yaml", text))
    assert sum("多于" in m for _, _, m in got) == 2
    assert any("立案(162)多于提交(100)" in m for _, _, m in got)


def test_a_2024_draft_studying_a_19th_plenum_and_repeating_itself(write):
    stale = "一年来,常委会深入学习贯彻党的十九大和十九届二中、三中、四中全会精神,推动各项工作取得新进展。"
    other = "县政协围绕乡村振兴开展专题协商,形成协商建议十二条,多条建议被县委县政府采纳并转化为具体政策措施。"
    path = write("d.md", f"某县政协常委会工作报告\n\n各位委员:\n\n2024年工作回顾\n\n一、加强学习\n\n{stale}\n\n"
                         f"{PARA}\n\n{PARA}\n\n{other}\n\n{PARA.replace('八篇', '九篇')}\n\n"
                         f"{FORMULA}县政协深入开展理论学习。\n\n{FORMULA}县政协积极开展民主监督。\n")
    messages = [m for _, _, m in findings(path)]
    assert any("十九大" in m and "2024 年" in m for m in messages)
    assert any("十九届二中、三中、四中全会" in m for m in messages)
    assert sum("完全相同" in m for m in messages) == 1
    assert any("几乎相同" in m and "行的一段" in m for m in messages)   # not the paragraph before it
    assert not any("重复" in m for m in messages)


def test_a_past_years_topic_and_prose_that_stumbles(write):
    text = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8").replace(
        "  不足:", "    - 主题: 疫情防控\n      事项: [{内容: 全力支持疫情防控工作。}]\n  不足:")
    assert any("“疫情防控”是 2020—2022 年报告的主题" in m for _, _, m in findings(write("f.yaml", text)))
    draft = draft_with(write, "共反映社情民意信息90篇,其中向上级政协报送32篇、采用11篇。其中2篇获省领导批示。",
                       "全年开展调研14次,开展视察6次,形成调研报告八篇。")
    messages = [m for _, _, m in findings(draft)]
    assert any("“其中”" in m for m in messages)
    assert any("都以“开展”开头" in m and "开展调研14次、视察6次" in m for m in messages)


def test_generated_counts_do_not_repeat_their_verb(write, tmp_path):
    text = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8").replace(
        "调研视察: {课题: [提高学前教育普惠率, 坚决打好污染防治攻坚战], 调研: 150多}",
        "调研视察: {调研: 14, 视察: 6}").replace(
        "- 认真贯彻中共中央《关于加强新时代人民政协党的建设工作的若干意见》。",
        "- 协商议政: {专题协商: 6}\n            - ，\n            - 民主监督: {视察: 4}")
    out = tmp_path / "r.md"
    build(write("f.yaml", text), out)
    md = out.read_text(encoding="utf-8")
    assert "开展调研14次、视察6次" in md and "开展专题协商6次、专项视察4次" in md


def test_history_a_provinces_plenum_and_years_that_are_right_are_not_flagged(write):
    path = write("d.md", "某县政协常委会工作报告\n\n2023年1月9日\n\n各位委员:\n\n2017年以来工作回顾\n\n"
                         "一、巩固2021年脱贫攻坚成果\n\n广泛宣传党的十八大以来的伟大成就,认真贯彻落实省委十五届三中全会精神。\n\n"
                         "2023—2024年工作安排\n\n一、加强学习\n\n深入学习贯彻党的二十大精神。\n")
    messages = [m for _, _, m in findings(path)]
    assert not any("年份" in m or "十八大" in m or "十五届" in m or "2021 年" in m for m in messages), messages


def test_a_meeting_line_finding_points_at_the_subtitle(write):
    text = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8").replace(
        "工作回顾:", "副标题: ——在政协丹东市第十五届委员会第二次会议上\n工作回顾:")
    got = findings(write("f.yaml", text))
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if ln.startswith("副标题"))
    assert any(ln == line and "第二次会议" in m for ln, _, m in got)
