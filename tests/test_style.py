import pytest

from generator.errors import ReportgenError
from generator.style import length_pt, load_style, size_pt


def test_defaults_are_gbt9704():
    s = load_style()
    assert s.page.top == pytest.approx(length_pt("37mm"))
    assert (s.page.lines, s.page.chars) == (22, 28)
    assert s.paras.body.font == "仿宋_GB2312" and s.paras.body.size == 16
    assert s.para("title").size == 22 and s.para("title").align == "居中"
    assert s.para("h1").font == "黑体" and s.para("h2").font == "楷体_GB2312"
    assert s.para("h3").bold is True
    assert s.page_number.size == 14 and "{页码}" in s.page_number.format


def test_local_preset_overrides_only_what_it_names(write):
    s = load_style(write("local.yaml", "页面:\n  左边距: 30mm\n段落:\n  正文: {字号: 小三}\n"))
    assert s.page.left == pytest.approx(length_pt("30mm"))
    assert s.page.top == pytest.approx(length_pt("37mm"))
    assert s.paras.body.size == 15 and s.paras.body.font == "仿宋_GB2312"


@pytest.mark.parametrize("text,where,what", [
    ("页面:\n  左边距: 三厘米\n", ("页面", "左边距"), "不是长度"),
    ("段落:\n  正文: {字号: 特大}\n", ("段落", "正文", "字号"), "不是字号"),
    ("页面:\n  每页行数: 100\n", ("页面", "每页行数"), "超出范围"),
    ("段落:\n  正文: {对齐: 中间}\n", ("段落", "正文", "对齐"), "无效"),
    ("页码:\n  格式: 第 N 页\n", ("页码", "格式"), "{页码}"),
    ("页面:\n  左边据: 30mm\n", ("页面", "左边据"), "未知的键"),
    ("页面:\n  宽: .nan\n", ("页面", "宽"), "不是长度"),
    ("页面:\n  宽: -10\n", ("页面", "宽"), "不合理"),
    ("页面:\n  宽: 99999999999999999999999999999999999999\n", ("页面", "宽"), "不合理"),
    ("段落:\n  正文: {字号: .inf}\n", ("段落", "正文", "字号"), "不是字号"),
    ("段落:\n  正文: {字号: 0}\n", ("段落", "正文", "字号"), "不合理"),
    ("段落:\n  正文: {首行缩进: 99999999999999999999999999999999999}\n", ("段落", "正文", "首行缩进"), "超出范围"),
    ("页码:\n  空字: .inf\n", ("页码", "空字"), "有限"),
])
def test_bad_style_values_are_located(write, text, where, what):
    with pytest.raises(ReportgenError) as e:
        load_style(write("bad.yaml", text))
    p = e.value.problems[0]
    assert p.path == where and what in (p.message + p.hint) and p.line == 2


def test_unknown_key_in_style_suggests_nearest(write):
    with pytest.raises(ReportgenError) as e:
        load_style(write("bad.yaml", "页面:\n  左边据: 30mm\n"))
    assert "左边距" in e.value.problems[0].hint


@pytest.mark.parametrize("v,pt", [("三号", 16), ("小四", 12), (10.5, 10.5), ("12pt", 12)])
def test_font_sizes(v, pt):
    assert size_pt(v) == pt


@pytest.mark.parametrize("text,where,what", [
    ("段落:\n  正文: {中文字体: null}\n", ("段落", "正文"), "正文要写明"),
    ("段落:\n  正文: {字号: null}\n", ("段落", "正文"), "正文要写明"),
    ("页面:\n  左边距: 180mm\n", ("页面",), "页边距过大"),
    ("页面:\n  宽: 0\n", ("页面",), "页边距过大"),
])
def test_a_sheet_that_leaves_nothing_to_lay_out_is_refused(write, text, where, what):
    with pytest.raises(ReportgenError) as e:
        load_style(write("bad.yaml", text))
    (p,) = e.value.problems
    assert p.path == where and what in p.message


def test_page_number_format_keeps_its_spaces(write):
    s = load_style(write("s.yaml", "页码:\n  格式: ' — {页码} — '\n"))
    assert s.page_number.format == " — {页码} — "
