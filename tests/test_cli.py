"""The CLI speaks Chinese, exits non-zero on bad input, and never shows a traceback."""
import subprocess
import sys

import pytest

from conftest import FIXTURES, ROOT

FACTS = FIXTURES / "minimal.yaml"


def test_help_is_in_chinese(cli):
    code, out, _ = cli("--help")
    assert code == 0 and "用法" in out and "子命令" in out and "显示本帮助并退出" in out
    code, out, _ = cli("build", "--help")
    assert code == 0 and "事实文件" in out and "--force" in out and "示例" in out


def test_build_writes_docx_and_reports_origin_of_text(cli, tmp_path):
    out = tmp_path / "报告.docx"
    code, stdout, err = cli("build", FACTS, "-o", out)
    assert code == 0, err
    assert out.exists() and "已生成" in stdout and "事实槽位生成" in stdout


def test_default_output_sits_beside_the_facts(cli, tmp_path):
    facts = tmp_path / "f.yaml"
    facts.write_bytes(FACTS.read_bytes())
    code, _, _ = cli("build", facts, "--format", "md", "-q")
    assert code == 0 and (tmp_path / "f.md").exists()


@pytest.mark.parametrize("content,expect", [
    ("年度: 2020\n机构: [\n", "YAML 语法错误"),
    ("年度: 2020\n", "缺少必填的键"),
    ("年度: 二〇二〇\n", "应为整数"),
    ("", "空的"),
])
def test_bad_facts_give_a_located_message_and_exit_1(cli, write, tmp_path, content, expect):
    f = write("f.yaml", content)
    code, out, err = cli("build", f, "-o", tmp_path / "o.docx")
    assert code == 1 and out == ""
    assert expect in err and str(f) in err and "Traceback" not in err
    assert not (tmp_path / "o.docx").exists()


def test_missing_file_and_usage_errors(cli, tmp_path):
    code, _, err = cli("build", tmp_path / "nope.yaml")
    assert code == 1 and "文件不存在" in err
    code, _, err = cli("build")
    assert code == 2 and "缺少必需的参数" in err
    code, _, err = cli("build", FACTS, "--format", "pdf")
    assert code == 2 and "无效的选择" in err


def test_refuses_to_overwrite_edited_output(cli, tmp_path):
    out = tmp_path / "r.docx"
    out.write_bytes(b"PK\x03\x04 someone else's file")
    code, _, err = cli("build", FACTS, "-o", out)
    assert code == 1 and "--force" in err
    code, stdout, _ = cli("build", FACTS, "-o", out, "--force")
    assert code == 0 and "备份" in stdout


def test_bad_style_file_is_reported(cli, write, tmp_path):
    style = write("s.yaml", "页面:\n  左边距: 宽一点\n")
    code, _, err = cli("build", FACTS, "-o", tmp_path / "o.docx", "--style", style)
    assert code == 1 and "s.yaml:2" in err and "页面.左边距" in err


def test_runs_as_a_module():
    r = subprocess.run([sys.executable, "-m", "generator", "--version"], capture_output=True,
                       text=True, cwd=ROOT)
    assert r.returncode == 0 and r.stdout.startswith("reportgen ")


def test_internal_errors_are_reported_without_traceback(cli, monkeypatch):
    import generator.cli as c

    def broken(args):
        raise RuntimeError("boom")

    monkeypatch.setitem(c.COMMANDS, "build", broken)
    monkeypatch.delenv("REPORTGEN_DEBUG", raising=False)
    code, _, err = cli("build", FACTS)
    assert code == 3 and "内部错误" in err and "Traceback" not in err


def test_corpus_command_cleans_a_folder(cli, tmp_path):
    from conftest import SEEDS

    code, out, err = cli("corpus", SEEDS, tmp_path / "c")
    assert code == 0, err
    assert len(list((tmp_path / "c").glob("*.txt"))) == 5 and "共 5 篇" in out


def test_corpus_command_reports_bad_files_and_keeps_going(cli, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("标题\n\n过去一年的工作\n\n一、某事\n\n正文。\n", encoding="utf-8")
    (src / "b.docx").write_bytes(b"junk")
    code, out, err = cli("corpus", src, tmp_path / "dst")
    assert code == 1 and "b.docx" in err and (tmp_path / "dst" / "a.txt").exists()
    code, _, err = cli("corpus", tmp_path / "nowhere", tmp_path / "dst")
    assert code == 1 and "来源目录不存在" in err


def test_parse_command_outline_and_json(cli):
    import json

    from conftest import SEEDS

    code, out, _ = cli("parse", SEEDS / "003_cbf5ea202d683762.txt")
    assert code == 0 and "【回顾】2019年工作回顾" in out and "一是坚定政治站位" in out
    code, out, _ = cli("parse", SEEDS / "004_80b9ded64eff503d.txt", "--json")
    tree = json.loads(out)
    assert [p["role"] for p in tree["parts"]] == ["review", "lessons", "plan"]
    assert tree["parts"][2]["sections"][0]["leads"][0] == "加强理论武装,把牢政治方向。".replace(",", "\uff0c")
    assert {"title", "meeting", "speaker", "date", "parts"} <= tree.keys()


def test_typeset_command(cli, tmp_path):
    from conftest import SEEDS

    out = tmp_path / "丹东.docx"
    code, stdout, err = cli("typeset", SEEDS / "003_cbf5ea202d683762.txt", "-o", out)
    assert code == 0 and out.exists() and "已生成" in stdout, err
    code, _, err = cli("typeset", SEEDS / "003_cbf5ea202d683762.txt", "-o", out)
    assert code == 0  # our own untouched output is replaced freely


@pytest.mark.parametrize("command", ["typeset", "check", "extract", "parse"])
def test_drafting_commands_on_bad_files(cli, tmp_path, command):
    for name, content, words in [("none.txt", None, "文件不存在"),
                                 ("latin.txt", bytes(range(128, 256)) * 8, "编码"),
                                 ("fake.docx", b"not a zip", "Word"),
                                 ("x.pdf", b"%PDF", "不支持的文件类型")]:
        path = tmp_path / name
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        elif content is not None:
            path.write_bytes(content)
        extra = ["-o", tmp_path / "out.docx"] if command == "typeset" else []
        code, _, err = cli(command, path, *extra)
        assert code == 1 and words in err and "Traceback" not in err, (command, name, err)


def test_choices_are_checked(cli):
    code, _, err = cli("init", "--type", "季度")
    assert code == 1 and "未知的报告类型“季度”" in err and "年度、提案、届末、综述" in err
    code, _, err = cli("suggest", "提案", "--part", "other")
    assert code == 2 and "无效的选择" in err


def test_parse_outline_indents_what_an_unnamed_part_holds(cli):
    from conftest import SEEDS

    code, out, _ = cli("parse", SEEDS / "001_580fe89a2b738e05.txt")
    lines = out.splitlines()
    part = next(i for i, ln in enumerate(lines) if ln.startswith("【回顾】"))
    assert lines[part + 1].startswith("  旗帜鲜明讲政治")
    assert any(ln.startswith("    · 围绕") for ln in lines)


def test_a_reader_that_stops_early_ends_the_output_quietly(tmp_path):
    """reportgen parse big.txt | head: no traceback, the exit status of a closed pipe."""
    from conftest import SEEDS

    seed = (SEEDS / "000_380862c437f24e92.txt").read_text(encoding="utf-8")
    big = tmp_path / "big.txt"  # more output than a pipe holds
    big.write_text(seed + "\n".join(seed.split("\n")[8:]) * 10, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "generator", "parse", str(big), "--json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    proc.stdout.readline()
    proc.stdout.close()  # what head does after its lines
    err = proc.stderr.read().decode("utf-8")
    proc.wait()
    assert proc.returncode == 141 and "Traceback" not in err and "内部错误" not in err, err
