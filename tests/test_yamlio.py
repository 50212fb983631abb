import pytest

from generator.errors import ReportgenError
from generator.yamlio import load_yaml, load_yaml_text


def problem_of(text, file="x.yaml"):
    with pytest.raises(ReportgenError) as e:
        load_yaml_text(text, file)
    return e.value.problems[0]


def test_keeps_the_line_of_every_key_and_item():
    src = load_yaml_text("a:\n  b: 1\n  c:\n    - x\n    - y\n", "f.yaml")
    assert src.line(("a", "b")) == 2
    assert src.line(("a", "c", 1)) == 5
    assert src.line(("a", "c", 1, "deeper")) == 5  # falls back to the nearest known path


def test_syntax_error_names_the_line_in_chinese():
    p = problem_of("年度: 2020\n机构:\n  地区: 平昌县\n 会议: [\n")
    assert p.file == "x.yaml" and p.line is not None
    assert "YAML 语法错误" in p.message


def test_tab_indentation_is_explained():
    p = problem_of("机构:\n\t地区: 平昌县\n")
    assert p.line == 2 and "制表符" in p.message


def test_duplicate_key_is_an_error_with_both_lines():
    p = problem_of("年度: 2020\n年度: 2021\n")
    assert p.line == 2 and "重复" in p.message and "第 1 行" in p.message


def test_alias_bomb_is_refused():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for name, prev in zip("bcdefgh", "abcdefg"):
        bomb += f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]\n"
    p = problem_of(bomb)
    assert "别名" in p.message


def test_unreadable_and_missing_files(tmp_path):
    with pytest.raises(ReportgenError) as e:
        load_yaml(tmp_path / "nope.yaml")
    assert "文件不存在" in str(e.value)
    gbk = tmp_path / "gbk.yaml"  # saved by Notepad as “ANSI” on a Chinese Windows
    gbk.write_bytes("年度: 2020\n机构: {地区: 平昌县}\n".encode("gbk"))
    assert load_yaml(gbk).data == {"年度": 2020, "机构": {"地区": "平昌县"}}
    bad = tmp_path / "latin.yaml"
    bad.write_bytes("name: café\n".encode("latin-1") * 3)
    with pytest.raises(ReportgenError) as e:
        load_yaml(bad)
    assert "编码" in str(e.value) and "UTF-8" in str(e.value)
    with pytest.raises(ReportgenError) as e:
        load_yaml(tmp_path)
    assert "目录" in str(e.value)


def test_data_files_are_parsed_once_then_read_from_the_cache(tmp_path, monkeypatch):
    from generator import yamlio

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    f = tmp_path / "d.yaml"
    f.write_text("甲: [1, 2.5, 是]\n乙: {丙: null}\n", encoding="utf-8")
    first = yamlio.load_data_file(f)
    assert first == {"甲": [1, 2.5, "是"], "乙": {"丙": None}}
    assert len(list((tmp_path / "cache" / "reportgen" / "data").iterdir())) == 1
    calls = []
    monkeypatch.setattr(yamlio, "load_data", lambda text: calls.append(text))
    assert yamlio.load_data_file(f) == first and calls == []
    f.write_text("甲: 2\n", encoding="utf-8")  # a changed file is parsed again
    yamlio.load_data_file(f)
    assert len(calls) == 1


def test_a_damaged_or_impossible_cache_only_costs_time(tmp_path, monkeypatch):
    from generator import yamlio

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    f = tmp_path / "d.yaml"
    f.write_text("甲: 1\n", encoding="utf-8")
    yamlio.load_data_file(f)
    (cached,) = (tmp_path / "cache" / "reportgen" / "data").iterdir()
    cached.write_bytes(b"\x00garbage")
    assert yamlio.load_data_file(f) == {"甲": 1}
    dated = tmp_path / "dated.yaml"  # dates cannot be kept with marshal: parsed every time
    dated.write_text("日期: 2021-06-21\n", encoding="utf-8")
    assert str(yamlio.load_data_file(dated)["日期"]) == "2021-06-21"
    monkeypatch.setenv("REPORTGEN_NO_CACHE", "1")
    assert yamlio.load_data_file(f) == {"甲": 1}



@pytest.mark.parametrize("text,line", [("a: 1\n日期: 2025-02-30\n", 2), ("a: 1\nb: [1, " + "9" * 5000 + "]\n", 2)])
def test_values_yaml_cannot_make_are_located(text, line):
    p = problem_of(text)
    assert p.line == line and "无法识别的值" in p.message


def test_keys_that_are_not_text_are_located_at_their_line():
    src = load_yaml_text("a: 1\n1: x\nb:\n  2021-01-01: y\n  true: z\n")
    assert src.line(("1",)) == 2 and src.line(("b", "2021-01-01")) == 4 and src.line(("b", "True")) == 5


def test_a_paragraph_wrapped_over_lines_joins_without_spaces_between_chinese():
    data = load_yaml_text("概述: 第一句话,\n  接着写的第二行。\n标题: 不负党委重托 不忘人民期盼\n英文: hello\n  world\n").data
    assert data == {"概述": "第一句话,接着写的第二行。", "标题": "不负党委重托 不忘人民期盼", "英文": "hello world"}


@pytest.mark.parametrize("text, line, words, fix", [
    ("类型: 年度\n年度\uff1a2025\n机构: {地区: 某县}\n", 2, "全角冒号", "年度: 2025"),
    ("类型: 年度\n标题: 报告: 第一部分\n", 2, "半角冒号加空格", "标题: '报告: 第一部分'"),
])
def test_yaml_traps_of_chinese_text_get_the_fix_written_as_it_must_be_typed(text, line, words, fix):
    with pytest.raises(ReportgenError) as e:
        load_yaml_text(text, "f.yaml")
    message = str(e.value)
    assert f"f.yaml:{line}:" in message and words in message and fix in message  # ASCII colon kept


def test_text_cut_by_a_hash_is_warned_about_and_comments_are_not(cli, write):
    from conftest import EXAMPLES

    facts = write("f.yaml", "类型: 年度\n年度: 2025\n机构: {地区: 某县}\n会议: {届次: 9, 会次: 3, 日期: 2026-01-15}\n"
                            "工作回顾:\n  概述: 开展“我为群众办实事” #实践活动 12次\n  板块: []   # 说明:可空\n")
    code, _, err = cli("build", facts, "-o", facts.with_suffix(".md"))
    assert code == 0 and "f.yaml:6: 警告" in err and "实践活动" in err and "'开展“我为群众办实事” #实践活动 12次'" in err
    assert "f.yaml:7" not in err  # “  # 说明” is a comment, written as one
    code, out, _ = cli("check", facts)
    assert "f.yaml:6: 警告" in out
    for example in sorted(EXAMPLES.glob("*.yaml")):
        code, _, err = cli("build", example, "-o", write("x.md", "").parent / "x.md", "--force")
        assert "警告" not in err, (example.name, err)
