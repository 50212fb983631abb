"""Bad input never crashes reportgen: property tests over facts, limits, deep nesting."""
import docx
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.api import build, draft
from generator.errors import ReportgenError
from generator.yamlio import load_yaml_text

ANY_TEXT = st.text(alphabet=st.characters(codec=None, categories=None), max_size=40)
LONG_TEXT = st.text(alphabet="政协委员提案,。“”", min_size=2000, max_size=5000)
SCALAR = st.one_of(ANY_TEXT, st.integers(-10**9, 10**9), st.floats(allow_nan=True), st.booleans(), st.none())
JUNK = st.recursive(SCALAR, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                    st.dictionaries(ANY_TEXT, inner, max_size=3)),
                    max_leaves=8)
TEXTISH = st.one_of(ANY_TEXT, LONG_TEXT, JUNK)
SLOT = st.fixed_dictionaries({}, optional={
    "提案": st.dictionaries(st.sampled_from(["提交", "立案", "办结", "重点提案", "其他"]),
                          st.one_of(st.integers(-5, 10**6), st.sampled_from(["110余", "很多", ""]), JUNK),
                          max_size=4),
    "数据": st.dictionaries(st.sampled_from(["事项", "数量", "单位"]), TEXTISH, max_size=3),
})
ITEM = st.fixed_dictionaries({}, optional={"引语": TEXTISH,
                                           "内容": st.one_of(TEXTISH, st.lists(st.one_of(ANY_TEXT, SLOT), max_size=4))})
SECTION = st.fixed_dictionaries({}, optional={"标题": TEXTISH, "导语": TEXTISH, "事项": st.one_of(st.lists(ITEM, max_size=3), JUNK),
                                              "序号引语": st.one_of(st.sampled_from(["是", "否"]), JUNK)})
PART = st.fixed_dictionaries({}, optional={"标题": TEXTISH, "概述": st.one_of(TEXTISH, st.lists(ANY_TEXT, max_size=3)),
                                           "板块": st.one_of(st.lists(SECTION, max_size=3), JUNK),
                                           "不足": st.one_of(st.lists(ANY_TEXT, max_size=3), ANY_TEXT)})
FACTS = st.fixed_dictionaries(
    {"年度": st.one_of(st.integers(1900, 2100), JUNK),
     "机构": st.one_of(st.fixed_dictionaries({"地区": st.one_of(ANY_TEXT, st.just("平昌县"))}), JUNK),
     "会议": st.one_of(st.fixed_dictionaries({"届次": st.integers(0, 30), "会次": st.integers(0, 9),
                                             "日期": st.dates()}), JUNK)},
    optional={"类型": st.one_of(st.sampled_from(["年度", "届末", "综述"]), JUNK), "日期": st.dates(),
              "标题": TEXTISH, "称呼": TEXTISH, "工作回顾": PART, "工作安排": PART, "主要体会": PART,
              "结束语": st.one_of(TEXTISH, st.fixed_dictionaries({"引语": TEXTISH, "目标": TEXTISH})),
              "部分编号": st.one_of(st.sampled_from(["是", "否"]), JUNK)})


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                 HealthCheck.data_too_large])
@given(facts=st.one_of(FACTS, JUNK))
def test_any_facts_give_a_document_or_a_clear_message(tmp_path_factory, facts):
    folder = tmp_path_factory.mktemp("prop")
    src = folder / "f.yaml"
    src.write_text(yaml.safe_dump(facts, allow_unicode=False), encoding="utf-8")
    out = folder / "r.docx"
    try:
        result = build(src, out)
    except ReportgenError as e:
        message = str(e)
        assert str(src) in message and "错误" in message
        assert not out.exists()
        assert [p.name for p in folder.iterdir()] == ["f.yaml"]  # no partial output, no temp file
        return
    assert result.write.path == out
    paragraphs = [p.text for p in docx.Document(str(out)).paragraphs]
    rendered = [ln.replace("**", "") for ln in result.draft.text.splitlines() if ln.strip()]
    assert paragraphs == rendered


def test_deep_nesting_is_refused_clearly():
    deep = "a: " + "[" * 3000 + "]" * 3000 + "\n"
    with pytest.raises(ReportgenError) as e:
        load_yaml_text(deep, "deep.yaml")
    assert "嵌套" in str(e.value)


def test_oversized_facts_file_is_refused(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_text("年度: 2020\n概述: '" + "字" * 1_000_000 + "'\n", encoding="utf-8")
    with pytest.raises(ReportgenError) as e:
        draft(big)
    assert "文件过大" in str(e.value)


def test_control_characters_from_copy_paste_are_dropped(write):
    path = write("f.yaml", '年度: 2020\n机构: {地区: "平昌\\x0b县"}\n会议: {届次: 1, 会次: 1, 日期: 2021-01-01}\n'
                           '工作回顾:\n  概述: "正文\\x0c带控制字符\\ud800"\n')
    d = draft(path)
    assert d.facts.org.region == "平昌县" and "正文带控制字符" in d.text


def test_invisible_controls_are_removed_on_input_and_listed(write):
    from generator.clean import clean_text
    from generator.parse import parse

    path = write("f.yaml", '年度: 2020\n机构: {地区: "平昌\u200b县"}\n会议: {届次: 1, 会次: 1, 日期: 2021-01-01}\n'
                           '工作回顾:\n  概述: "\u202e正文"\n')
    d = draft(path)
    assert d.facts.org.region == "平昌县" and "\u202e" not in d.text
    gone = []
    tree = parse(clean_text("各位委员:\r\u202e一、工作\u200b回顾\r正文。\r", gone))
    assert [p.heading for p in tree.parts] == ["工作回顾"] and gone == ["看不见的控制字符 U+200B、U+202E"]


@pytest.mark.parametrize("value, message", [(".inf", "应为数量"), ("1.0e+309", "应为数量"), ("3.7", "应为整数"),
                                            ("9" * 40, "太大"), ("-5", "应为数量")])
def test_counts_are_whole_finite_and_sane(write, cli, value, message):
    from conftest import FIXTURES

    text = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8").replace("提交: 379", f"提交: {value}")
    code, _, err = cli("build", write("f.yaml", text), "-o", write("f.docx", "").with_suffix(".out.docx"))
    assert code == 1 and message in err and "提案.提交" in err and "Traceback" not in err


def test_amounts_of_money_may_be_decimal(write):
    text = ('年度: 2020\n机构: {地区: 平昌县}\n会议: {届次: 1, 会次: 1, 日期: 2021-01-01}\n'
            '工作回顾:\n  板块:\n    - 标题: 助力发展\n      事项:\n        - 内容:\n            - 脱贫攻坚: {招商引资: 6.2}\n')
    assert "6.2" in draft(write("f.yaml", text)).text


def test_user_templates_override_and_run_in_the_sandbox(tmp_path, cli):
    from conftest import FIXTURES, ROOT

    tpl = tmp_path / "tpl"
    tpl.mkdir()
    report = (ROOT / "templates" / "report.j2").read_text(encoding="utf-8")
    (tpl / "report.j2").write_text(report.replace('"常务委员会工作报告"', '"常务委员会工作报告(本地版)"', 1),
                                   encoding="utf-8")
    code, _, err = cli("build", FIXTURES / "minimal.yaml", "-o", tmp_path / "a.md", "--templates", tpl)
    assert code == 0, err
    assert (tmp_path / "a.md").read_text(encoding="utf-8").splitlines()[0].endswith("(本地版)".replace("(", "\uff08").replace(")", "\uff09"))
    for body, words in [("{{ facts.__class__.__mro__ }}", "沙箱"),
                        ("{{ cycler.__init__.__globals__.os.popen('id').read() }}", "沙箱"),
                        ("{{ lipsum.__globals__['os'] }}", "沙箱"),
                        ("{% if x %}", "模板语法错误"),
                        ("第一行\n{{ nosuch.thing }}", "不存在的名字")]:
        (tpl / "report.j2").write_text("{% macro title() %}" + body + "{% endmacro %}"
                                       + report[report.index("{% macro meeting"):], encoding="utf-8")
        out = tmp_path / "b.md"
        code, _, err = cli("build", FIXTURES / "minimal.yaml", "-o", out, "--templates", tpl)
        assert code == 1 and words in err and "report.j2:" in err and "Traceback" not in err, err
        assert not out.exists()
    assert "report.j2:2:" in err  # the line of the undefined name
    code, _, err = cli("build", FIXTURES / "minimal.yaml", "--templates", tmp_path / "nowhere")
    assert code == 1 and "模板目录不存在" in err


def _user_template(tmp_path, title_body: str):
    from conftest import ROOT

    tpl = tmp_path / "tpl"
    tpl.mkdir(exist_ok=True)
    report = (ROOT / "templates" / "report.j2").read_text(encoding="utf-8")
    (tpl / "report.j2").write_text("{% macro title() %}" + title_body + "{% endmacro %}"
                                   + report[report.index("{% macro meeting"):], encoding="utf-8")
    return tpl


@pytest.mark.parametrize("body, words", [
    ("{{ 'x' * 10**10 }}", "乘法"),
    ("{% set s = 'x' * 900000 %}{{ s + s }}", "加法"),
    ("{{ 7 ** 100000 }}", "乘方"),
    ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}", "秒"),
])
def test_user_templates_that_would_run_away_are_stopped_with_their_line(tmp_path, cli, monkeypatch, body, words):
    from conftest import FIXTURES
    from generator import sandbox

    monkeypatch.setattr(sandbox, "MAX_SECONDS", 2)
    tpl = _user_template(tmp_path, body)
    code, _, err = cli("build", FIXTURES / "minimal.yaml", "-o", tmp_path / "b.md", "--templates", tpl)
    assert code == 1 and words in err and "report.j2" in err and "Traceback" not in err, err


def test_a_user_template_that_eats_memory_is_stopped(tmp_path, cli, monkeypatch):
    from conftest import FIXTURES
    from generator import sandbox

    monkeypatch.setattr(sandbox, "MAX_MEMORY", 300 * 1024 ** 2)
    tpl = _user_template(tmp_path, "{% for i in range(100000) %}{{ 'x' * 900000 }}{% endfor %}")
    code, _, err = cli("build", FIXTURES / "minimal.yaml", "-o", tmp_path / "b.md", "--templates", tpl)
    assert code == 1 and "内存" in err and "Traceback" not in err, err
    assert cli("build", FIXTURES / "minimal.yaml", "-o", tmp_path / "c.md")[0] == 0   # and the process goes on


def test_a_link_out_of_the_templates_folder_is_not_followed(tmp_path, cli):
    from conftest import FIXTURES

    secret = tmp_path / "secret.txt"
    secret.write_text("机密", encoding="utf-8")
    tpl = _user_template(tmp_path, "标题")
    (tpl / "report.j2").unlink()
    (tpl / "report.j2").symlink_to(secret)
    code, _, err = cli("build", FIXTURES / "minimal.yaml", "-o", tmp_path / "b.md", "--templates", tpl)
    assert code == 1 and "链接" in err and "机密" not in err and not (tmp_path / "b.md").exists()


def test_the_template_cache_survives_damage_and_keeps_no_users_template(tmp_path, cli, monkeypatch):
    from conftest import FIXTURES

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("REPORTGEN_NO_CACHE", raising=False)
    assert cli("build", FIXTURES / "minimal.yaml", "-o", tmp_path / "a.md")[0] == 0
    entries = list((tmp_path / "cache" / "reportgen" / "jinja").iterdir())
    assert entries
    for e in entries:                          # truncated entries: made again, every run works
        e.write_bytes(e.read_bytes()[:40])
    assert cli("build", FIXTURES / "minimal.yaml", "-o", tmp_path / "a.md")[0] == 0
    assert cli("build", FIXTURES / "minimal.yaml", "-o", tmp_path / "a.md")[0] == 0
    before = {e.name for e in (tmp_path / "cache" / "reportgen" / "jinja").iterdir()}
    tpl = _user_template(tmp_path, "{{ '" + "长" * 200000 + "' }}")
    assert cli("build", FIXTURES / "minimal.yaml", "-o", tmp_path / "c.md", "--templates", tpl)[0] == 0
    assert {e.name for e in (tmp_path / "cache" / "reportgen" / "jinja").iterdir()} == before


def test_a_build_killed_while_writing_leaves_the_old_document(tmp_path):
    """SIGKILL in the middle of writing the new file: the old one is untouched."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from conftest import FIXTURES
    from generator.api import build
    from generator.output import docx_stamp

    out = tmp_path / "r.docx"
    build(FIXTURES / "minimal.yaml", out)
    before = out.read_bytes()
    # a build that stalls inside the write, after the temporary file is created
    code = ("import os, time, sys; os.fsync = lambda fd: time.sleep(60); "
            "from generator.api import build; build(sys.argv[1], sys.argv[2], force=True)")
    proc = subprocess.Popen([sys.executable, "-c", code, str(FIXTURES / "minimal.yaml"), str(out)])
    deadline = time.time() + 60
    while not list(tmp_path.glob(".r.docx.*.tmp")) and time.time() < deadline:
        time.sleep(0.05)
    assert list(tmp_path.glob(".r.docx.*.tmp")), "the build never started writing"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert out.read_bytes() == before and docx_stamp(out)["edited"] is False
    build(FIXTURES / "minimal.yaml", out)  # the next build works and clears the debris
    assert [p.name for p in tmp_path.iterdir()] == ["r.docx"]


@settings(max_examples=60, deadline=None)
@given(text=st.text(alphabet=st.characters(codec=None, categories=None), max_size=300))
def test_any_text_parses_or_is_refused_clearly(text):
    from generator.clean import clean_text
    from generator.parse import parse

    tree = parse(clean_text(text))
    assert tree.meta is not None


def test_more_user_template_faults_are_located_messages(tmp_path, cli):
    from conftest import FIXTURES

    for body, words in [("{{ title() }}", "调用自己"), ("{{ '\\ud800' }}标题", None)]:
        tpl = _user_template(tmp_path, body)
        code, _, err = cli("build", FIXTURES / "minimal.yaml", "-o", tmp_path / "b.docx", "--templates", tpl, "--force")
        assert "Traceback" not in err and (code == 1 and words in err if words else code == 0), err
    (tpl / "slots.yaml").write_text("理论学习: 5\n", encoding="utf-8")
    code, _, err = cli("build", FIXTURES / "minimal.yaml", "-o", tmp_path / "c.md", "--templates", tpl)
    assert code == 1 and "slots.yaml" in err and "格式不对" in err


def test_the_time_limit_gives_a_callers_timer_back(tmp_path):
    import signal

    from conftest import FIXTURES
    from generator.api import build as build_file

    tpl = _user_template(tmp_path, "标题")
    signal.setitimer(signal.ITIMER_REAL, 300)
    old = signal.signal(signal.SIGALRM, lambda *a: None)
    try:
        build_file(FIXTURES / "minimal.yaml", tmp_path / "a.md", templates=tpl)
        left = signal.getitimer(signal.ITIMER_REAL)[0]
        assert 250 < left <= 300
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def test_numbers_read_as_people_write_them_and_a_facts_own_unit_counts_whole(write):
    from generator.yamlio import load_yaml_text

    data = load_yaml_text("a: 9:30\nb: 0x10\nc: 010\nd: 12\ne: 6.2\nf: .inf\n").data
    assert data["a"] == "9:30" and data["b"] == "0x10" and data["c"] == "010" and data["d"] == 12 and data["e"] == 6.2
    text = ('年度: 2020\n机构: {地区: 平昌县}\n会议: {届次: 1, 会次: 1, 日期: 2021-01-01}\n'
            '工作回顾:\n  板块:\n    - 标题: 助力发展\n      事项:\n        - 内容:\n'
            '            - 数据: {事项: 成立临时党支部, 数量: 2.5, 单位: 个}\n')
    with pytest.raises(ReportgenError, match="以“个”计的数应为整数"):
        draft(write("f.yaml", text))
