from conftest import FIXTURES
from generator.api import draft
from generator.numbering import numbering
from generator.parse import parse, part_role
from generator.tree import Paragraph, Part, Section

REPORT = """中国人民政治协商会议某市第一届委员会常务委员会工作报告
——2025年1月6日在政协某市第一届委员会第三次会议上
市政协主席 张三

各位委员:

我受政协某市第一届委员会常务委员会的委托,向大会报告工作,请予审议。

一、2024年工作回顾

(一)强化政治忠诚,坚持党对政协工作的全面领导。把坚持党的领导贯穿始终。

旗帜鲜明加强党的领导。中共某市委高度重视政协工作。

1.加强理论武装

一是坚定政治站位,牢牢把握正确方向。认真贯彻中央部署。

(二)聚焦中心大局

提案工作成效显著。共提交提案100件。

各位委员,过去一年的成绩来之不易。

二、2025年工作安排

(一)坚持党的领导

要坚持把学习贯彻放在首位。
"""


def test_front_matter_is_read():
    r = parse(REPORT)
    m = r.meta
    assert m.title.endswith("工作报告")
    assert m.meeting == "在政协某市第一届委员会第三次会议上"
    assert m.date == "2025-01-06" and m.speaker == "市政协主席 张三"
    assert m.salutation.startswith("各位委员")


def test_numbered_parts_with_nested_sections_and_leads():
    r = parse(REPORT)
    kinds = [(p.role, p.number, p.heading) for p in r.parts]
    assert kinds == [("review", "一、", "2024年工作回顾"), ("plan", "二、", "2025年工作安排")]
    review = r.parts[0]
    s1, s2 = review.sections
    assert s1.form == "paren_cn" and s1.heading.startswith("强化政治忠诚")
    # the run-in text after the heading sentence is kept as a paragraph
    assert s1.paragraphs[0].text == "把坚持党的领导贯穿始终。"
    assert s1.paragraphs[1].lead == "旗帜鲜明加强党的领导。"
    (sub,) = s1.sections
    assert sub.form == "arabic" and sub.heading == "加强理论武装"
    assert sub.paragraphs[0].lead == "一是坚定政治站位,牢牢把握正确方向。".replace(",", "\uff0c")
    assert s2.paragraphs[0].lead == "提案工作成效显著。"


def test_closing_formula_belongs_to_the_part_not_the_last_section():
    review = parse(REPORT).parts[0]
    assert isinstance(review.children[-1], Paragraph)
    assert review.children[-1].text.startswith("各位委员")


def test_lead_guessing_can_be_turned_off():
    text = "标题\n\n各位委员:\n\n过去一年的工作\n\n坚持党的全面领导。切实提高政治站位。\n"
    assert parse(text).parts[0].paragraphs[0].lead == "坚持党的全面领导。"
    assert parse(text, guess=False).parts[0].paragraphs[0].lead == ""


def test_a_text_that_marks_its_leads_gets_no_guessed_ones():
    text = "标题\n\n各位委员:\n\n过去一年的工作\n\n春秋代序,冬夏轮回。五年时光。\n\n**一是必须坚持。**政治清醒。\n"
    paras = parse(text).parts[0].paragraphs
    assert [p.lead for p in paras] == ["", "一是必须坚持。"]


def test_part_roles_from_headings():
    assert part_role("过去一年的工作") == "review"
    assert part_role("2019年工作回顾") == "review"
    assert part_role("五年工作的主要体会") == "lessons"
    assert part_role("今后工作的建议") == "plan"
    assert part_role("今年工作安排") == "plan"
    assert part_role("以坚持党的领导为根本,一以贯之抓好理论武装") is None


def test_numbering_forms():
    assert numbering("一、总体要求")[:2] == ("cn", "一、")
    assert numbering("(二)协商")[0] == "paren_cn"
    assert numbering("3.加强")[0] == "arabic"
    assert numbering("(4)加强")[0] == "paren_arabic"
    assert numbering("2020年是非常不平凡的一年") is None
    assert numbering("6.2亿元") is None


def test_markdown_headings_and_bold_lines_are_understood():
    text = "# 标题\n\n## 二、五年工作的主要体会\n\n**一是必须坚决维护核心。**政治清醒。\n\n**三、恪守民本理念**\n\n正文。\n"
    r = parse(text)
    (part,) = r.parts
    assert part.role == "lessons" and part.number == "二、"
    assert part.paragraphs[0].lead == "一是必须坚决维护核心。"
    assert part.sections[0].heading == "恪守民本理念"


def test_our_rendered_text_parses_back_to_the_facts_structure():
    d = draft(FIXTURES / "minimal.yaml")
    r = d.tree
    assert [p.role for p in r.parts] == ["review", "plan"]
    review, plan = r.parts
    assert [s.heading for s in review.sections] == [s.heading.replace(",", "\uff0c")
                                                    for s in d.facts.review.sections]
    assert all(isinstance(s, Section) and s.form == "cn" for s in review.sections)
    assert review.sections[0].paragraphs[1].lead == "坚定政治站位。"
    assert [s.heading for s in plan.sections][0].startswith("坚持党的领导")
    assert isinstance(r.children[0], Paragraph) and r.children[0].text.startswith("我受")
    assert all(isinstance(p, Part) for p in r.children[1:])
