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
    bad = tmp_path / "gbk.yaml"
    bad.write_bytes("年度: 2020\n".encode("gbk"))
    with pytest.raises(ReportgenError) as e:
        load_yaml(bad)
    assert "UTF-8" in str(e.value)
    with pytest.raises(ReportgenError) as e:
        load_yaml(tmp_path)
    assert "目录" in str(e.value)
