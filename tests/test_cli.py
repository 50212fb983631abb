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
