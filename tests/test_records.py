"""Typed records: every problem of a file found in one pass, worded in Chinese, with its path."""
import datetime as dt

import pytest

from generator.records import (F, Choice, Converted, Day, Flag, Integer, ListOf, Mapping, MapOf,
                               Nested, Number, OneOf, Record, Text, describe)
from generator.yamlio import load_yaml_text


class Inner(Record):
    name = F("名称", Text(min_len=1))
    count = F("数量", Integer(1, 9), 1)


class Outer(Record):
    year = F("年度", Integer(1949, 2200))
    kind = F("类型", Choice("年度", "综述"), "年度")
    on = F("开关", Flag(), False)
    day = F("日期", Day(), None)
    share = F("比例", Number(0, 1), 0.5)
    lines = F("段落", ListOf(Text(), single=True), factory=list)
    inner = F("内部", Nested(Inner), None)
    many = F("多个", OneOf(ListOf(Nested(Inner)), MapOf(Nested(Inner))), factory=list)
    loose = F("松散", ListOf(OneOf(Text(), Mapping())), factory=list)
    size = F("长度", Converted(lambda v: float(str(v).removesuffix("mm")), "长度"), None)
    upper = F("大写", Text(), "", after=str.upper)


def read(text):
    src = load_yaml_text(text, "t.yaml")
    return Outer.read(src)


def messages(text):
    obj, problems = read(text)
    assert obj is None
    return [(p.path, p.line, p.message, p.hint) for p in problems]


def test_valid_data_becomes_typed_attributes_with_defaults():
    obj, problems = read("年度: 2021\n段落: 一段话\n内部: {名称: ' 张三 '}\n大写: ab\n开关: 是\n")
    assert problems == []
    assert (obj.year, obj.kind, obj.on, obj.share) == (2021, "年度", True, 0.5)
    assert obj.lines == ["一段话"] and obj.inner.name == "张三" and obj.inner.count == 1
    assert obj.many == [] and obj.upper == "AB"


def test_every_problem_is_reported_at_once_with_path_and_line():
    found = messages("年度: 第十届\n类型: 月度\n内部: {数量: 0}\n多个: [{名称: 甲}, {名陈: 乙}]\n")
    paths = [f[0] for f in found]
    assert ("年度",) in paths and ("类型",) in paths
    assert ("内部", "数量") in paths and ("内部", "名称") in paths
    assert ("多个", 1, "名陈") in paths and ("多个", 1, "名称") in paths
    lines = {f[0]: f[1] for f in found}
    assert lines[("年度",)] == 1 and lines[("多个", 1, "名陈")] == 4


def test_messages_say_what_was_expected_and_what_was_found():
    found = {f[0]: f for f in messages("年度: 第十届\n类型: 月度\n内部: {数量: 0}\n")}
    assert found[("年度",)][2] == "应为整数,实际是文字“第十届”"
    assert found[("类型",)][2] == "取值“月度”无效,可选:年度、综述"
    assert found[("内部", "数量")][2] == "数值 0 超出范围,应不小于 1"
    assert found[("内部", "名称")][2] == "缺少必填的键“名称”"
    assert "在“内部”下补上" in found[("内部", "名称")][3]


def test_unknown_key_gets_the_nearest_key_and_the_valid_ones():
    (path, _, message, hint), = messages("年度: 2021\n内部: {名陈: 甲}\n")[:1]
    assert path == ("内部", "名陈") and message == "未知的键“名陈”"
    assert "是否想写“名称”" in hint and "此处可用的键:名称、数量" in hint


def test_top_level_key_written_inside_another_is_called_an_indentation_slip():
    found = messages("年度: 2021\n内部:\n  名称: 甲\n  开关: 是\n")
    (hint,) = [f[3] for f in found if f[0] == ("内部", "开关")]
    assert "顶层" in hint and "缩进" in hint


def test_alternatives_are_chosen_by_shape_and_named_together_when_none_fits():
    obj, _ = read("年度: 2021\n多个: {甲: {名称: 甲}}\n")
    assert obj.many["甲"].name == "甲"
    (found,) = [f for f in messages("年度: 2021\n多个: 3\n") if f[0] == ("多个",)]
    assert found[2].startswith("应为列表") and "或键值对" in found[2]
    (found,) = [f for f in messages("年度: 2021\n松散: [1]\n") if f[0] == ("松散", 0)]
    assert "文字或键值对" in found[2]


def test_an_empty_value_stands_for_the_default_but_not_for_a_required_key():
    obj, problems = read("年度: 2021\n类型:\n段落:\n")
    assert problems == [] and obj.kind == "年度" and obj.lines == []
    (found,) = messages("年度:\n")
    assert found[0] == ("年度",) and "空值" in found[2]


@pytest.mark.parametrize("kind,value,expected", [
    (Integer(), "12", 12), (Integer(), 3.0, 3), (Number(), "0.25", 0.25), (Flag(), "否", False),
    (Flag(), True, True), (Day(), "2021-06-21", dt.date(2021, 6, 21)),
    (Day(), dt.datetime(2021, 6, 21, 9, 30), dt.date(2021, 6, 21)), (Text(), "  a ", "a"),
])
def test_values_people_write_are_read_leniently(kind, value, expected):
    class One(Record):
        v = F("值", kind)

    obj, problems = One.read(load_yaml_text("{}"), {"值": value})
    assert problems == [] and obj.v == expected


@pytest.mark.parametrize("kind,value,word", [
    (Integer(), True, "整数"), (Integer(), 2.5, "整数"), (Number(), "很多", "数字"),
    (Number(), float("nan"), "数字"), (Flag(), "对", "是/否"), (Day(), "2021年6月21日", "日期"),
    (Day(), dt.date(1800, 1, 1), "年份不合理"), (Text(), 3, "文字"), (Text(min_len=1), " ", "不能为空"),
    (ListOf(Text()), "一段", "列表"), (MapOf(Text()), [], "键值对"),
    (Converted(float, "长度"), [], "长度"), (Integer(), "1" * 5000, "整数"),
    (Number(0, 10), 10 ** 400, "超出范围"), (Number(), float("inf"), "有限"), (Number(), "inf", "数字"),
    (Converted(lambda v: float(v) * 2.0 ** 1100, "长度"), 1, "过大"), (Flag(), 2, "是/否"),
])
def test_wrong_values_are_refused_with_the_expected_kind_named(kind, value, word):
    class One(Record):
        v = F("值", kind)

    obj, problems = One.read(load_yaml_text("{}"), {"值": value})
    assert obj is None and len(problems) == 1 and word in problems[0].message


def test_a_failing_after_check_is_a_located_problem():
    def even(v):
        if v % 2:
            raise ValueError("应为偶数")
        return v

    class One(Record):
        v = F("值", Integer(), after=even)

    obj, problems = One.read(load_yaml_text("值: 3\n"))
    assert obj is None and problems[0].message == "应为偶数" and problems[0].line == 1


def test_records_made_in_code_take_defaults_and_copy_with_changes():
    a = Inner(name="甲")
    assert a.count == 1 and a == Inner(name="甲", count=1)
    b = a.replace(count=3)
    assert (a.count, b.count, b.name) == (1, 3, "甲")
    with pytest.raises(TypeError):
        Inner(nmae="甲")
    assert Outer().many == [] and Outer().many is not Outer().many


def test_describe_names_what_a_person_wrote():
    assert describe(None) == "空值" and describe(True) == "是/否" and describe(3) == "数字 3"
    assert describe("x" * 30).endswith("…”") and describe(dt.date(2021, 1, 2)) == "日期 2021-01-02"


def test_keys_that_are_not_text_are_named_as_text_in_the_path():
    obj, problems = Outer.read(load_yaml_text("年度: 2021\n1: x\n"))
    (p,) = problems
    assert p.path == ("1",) and p.line == 2 and "未知的键“1”" in p.message


def test_many_problems_are_gathered_without_slowing_down():
    class Many(Record):
        items = F("项", ListOf(Integer()))

    obj, problems = Many.read(load_yaml_text("{}"), {"项": ["x"] * 20000})
    assert obj is None and len(problems) == 20000
