import pytest

from conftest import FIXTURES
from generator.errors import ReportgenError
from generator.facts import load_facts
from generator.render import Renderer
from generator.slots import Quantity, SlotValue

_RENDERER = Renderer()
SLOTS, TYPES = _RENDERER.slots, _RENDERER.types
BASE = """年度: 2020
机构:
  地区: 平昌县
会议:
  届次: 10
  会次: 6
  日期: 2020-06-21
"""


def problems(write, text):
    with pytest.raises(ReportgenError) as e:
        load_facts(write("f.yaml", text), SLOTS, TYPES)
    return e.value.problems


def test_minimal_fixture_validates_with_typed_slots():
    facts = load_facts(FIXTURES / "minimal.yaml", SLOTS, TYPES)
    assert facts.org.region == "丹东市" and facts.meeting.term == 15
    piece = facts.review.sections[0].items[1].content[0]
    assert isinstance(piece, SlotValue) and piece.type.name == "提案"
    assert piece.values["提交"] == Quantity.parse(379)
    assert piece.values["重点提案"] is None  # unused fields are present and empty


def test_unknown_key_names_line_path_and_nearest_key(write):
    (p,) = problems(write, BASE + "工作回顾:\n  板快: []\n")
    assert p.line == 9
    assert p.path == ("工作回顾", "板快")
    assert "未知的键“板快”" in p.message and "板块" in p.hint


def test_missing_required_key(write):
    (p,) = problems(write, "年度: 2020\n机构:\n  地区: 平昌县\n")
    assert "缺少必填的键“会议”" in p.message


def test_wrong_type_says_what_was_expected(write):
    (p,) = problems(write, BASE.replace("届次: 10", "届次: 第十届"))
    assert p.line == 5 and p.path == ("会议", "届次")
    assert "应为整数" in p.message and "第十届" in p.message


def test_bad_date(write):
    (p,) = problems(write, BASE.replace("2020-06-21", "2020年6月21日"))
    assert p.path == ("会议", "日期") and "日期" in p.message


def test_unknown_slot_category_suggests_the_nearest(write):
    text = BASE + "工作回顾:\n  板块:\n    - 事项:\n        - 内容:\n            - 提按: {提交: 3}\n"
    (p,) = problems(write, text)
    assert p.line == 12 and "未知的事实类别“提按”" in p.message and "提案" in p.hint


def test_slot_field_errors_are_located(write):
    text = (BASE + "工作回顾:\n  板块:\n    - 事项:\n        - 内容:\n"
            "            - 提案: {提交: 很多, 立按: 3}\n")
    ps = problems(write, text)
    messages = {p.path[-1]: p for p in ps}
    assert "应为数量" in messages["提交"].message and messages["提交"].line == 12
    assert "立案" in messages["立按"].hint


def test_content_item_must_be_text_or_fact(write):
    text = BASE + "工作回顾:\n  板块:\n    - 事项:\n        - 内容:\n            - 42\n"
    (p,) = problems(write, text)
    assert p.path == ("工作回顾", "板块", 0, "事项", 0, "内容", 0)
    assert "文字或键值对" in p.message


def test_empty_and_non_mapping_files(write):
    (p,) = problems(write, "")
    assert "空的" in p.message
    (p,) = problems(write, "- 一\n- 二\n")
    assert "顶层应为键值对" in p.message


@pytest.mark.parametrize("text,expected", [
    (71, "71"), ("110余", "110余"), (6.2, "6.2"), ("280多", "280多"), ("11.65", "11.65")])
def test_quantities_keep_their_written_form(text, expected):
    assert str(Quantity.parse(text)) == expected


@pytest.mark.parametrize("bad", ["很多", -3, True, "3件", None])
def test_quantities_reject_non_numbers(bad):
    assert Quantity.parse(bad) is None


def test_structure_and_fact_errors_are_reported_together_in_line_order(write):
    text = (BASE + "工作回顾:\n  板块:\n    - 事项:\n        - 内容:\n"
            "            - 提案: {提交: 很多}\n      事项s: []\n")
    ps = problems(write, text)
    assert [p.line for p in ps] == [12, 13]
    assert "应为数量" in ps[0].message and "未知的键“事项s”" in ps[1].message


def test_a_top_level_key_indented_too_far_is_called_out(write):
    ps = problems(write, "年度: 2020\n机构:\n  地区: 平昌县\n  会议: {届次: 1, 会次: 1, 日期: 2020-01-01}\n")
    indented = next(p for p in ps if p.path == ("机构", "会议"))
    assert "顶层" in indented.hint and "缩进" in indented.hint


def test_numbers_typed_into_section_headings_are_dropped(write):
    text = BASE + "工作回顾:\n  板块:\n    - 标题: 一、坚持党的领导\n    - 标题: (二)服务大局\n"
    facts = load_facts(write("f.yaml", text), SLOTS, TYPES)
    assert [s.heading for s in facts.review.sections] == ["坚持党的领导", "服务大局"]


def test_a_lone_fact_under_content_is_checked_like_a_list_of_one(write):
    base = BASE + "工作回顾:\n  板块:\n    - 事项:\n        - 内容:\n            "
    (p,) = problems(write, base + "提按: {提交: 3}\n")
    assert "未知的事实类别“提按”" in p.message and p.path[:6] == ("工作回顾", "板块", 0, "事项", 0, "内容")
    facts = load_facts(write("ok.yaml", base + "提案: {提交: 379}\n"), SLOTS, TYPES)
    piece = facts.review.sections[0].items[0].content[0]
    assert isinstance(piece, SlotValue) and piece.values["提交"] == Quantity.parse(379)


def test_kind_requirements_and_topics_come_with_structure_errors(write):
    ps = problems(write, "年度: 二〇二〇\n机构:\n  地区: 平昌县\n工作回顾:\n  板块:\n    提按工作: {}\n")
    messages = " / ".join(p.message for p in ps)
    assert "应为整数" in messages and "缺少必填的键“会议”" in messages and "不是已知的主题" in messages


@pytest.mark.parametrize("value,expected", [("是", True), ("否", False), (1, True), (0, False),
                                            ("true", True), ("No", False), (True, True)])
def test_yes_no_keys_take_the_usual_spellings(write, value, expected):
    facts = load_facts(write("f.yaml", BASE + f"部分编号: {value!r}\n".replace("'", '"')), SLOTS, TYPES)
    assert facts.numbered_parts is expected


def test_an_empty_key_means_its_default(write):
    facts = load_facts(write("f.yaml", BASE + "标题:\n工作回顾:\n副标题:\n"), SLOTS, TYPES)
    assert facts.title == "" and facts.review.sections == []


def test_an_articles_committee_term_names_the_committee_and_is_checked(write):
    from generator.render import names

    article = "类型: 综述\n年度: 2020\n日期: 2021-01-05\n机构:\n  地区: 平昌县\n  届次: 10\n"
    facts = load_facts(write("a.yaml", article), SLOTS, TYPES)
    assert names(facts)["委员会"] == "政协平昌县第十届委员会"
    (p,) = problems(write, article.replace("届次: 10", "届次: 第十届"))
    assert p.path == ("机构", "届次") and p.line == 6
