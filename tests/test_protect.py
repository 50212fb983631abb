"""Every write of a person's file goes one protected way: nothing replaced that isn't ours and
unedited (document properties count), backups whole, collisions refused up front, temporary
files owned per process, devices refused as inputs and outputs."""
import os
import shutil
import subprocess
import sys

import docx
import pytest

from conftest import FIXTURES, SEEDS, rewrite_part
from generator.api import build
from generator.errors import ReportgenError
from generator.output import docx_stamp, write_atomic

FACTS = FIXTURES / "minimal.yaml"


def test_an_edit_of_the_documents_properties_alone_is_an_edit(tmp_path):
    out = tmp_path / "r.docx"
    build(FACTS, out)
    d = docx.Document(str(out))
    d.core_properties.title = "审阅稿"
    d.save(str(out))
    assert docx_stamp(out)["edited"] is True
    with pytest.raises(ReportgenError, match="修改过"):
        build(FACTS, out)
    build(FACTS, out, force=True)
    # a reviewer's own custom property beside ours
    rewrite_part(out, "docProps/custom.xml", lambda xml: xml.replace(
        b"</Properties>", b'<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="99" name="\xe5\xae\xa1\xe9\x98\x85\xe4\xba\xba">'
                          b"<vt:lpwstr>\xe5\xbc\xa0</vt:lpwstr></property></Properties>"))
    assert docx_stamp(out)["edited"] is True


def test_a_batch_whose_outputs_collide_writes_nothing_and_lists_them(tmp_path, cli):
    for d in ("d1", "d2"):
        (tmp_path / d).mkdir()
        shutil.copy(FACTS, tmp_path / d / "x.yaml")
    code, out, err = cli("build", tmp_path / "d1" / "x.yaml", tmp_path / "d2" / "x.yaml", "-o", tmp_path / "out")
    assert code == 1 and "2 个文件都会写到这里" in err and "d1" in err and "d2" in err
    assert not list((tmp_path / "out").glob("*.docx"))


def test_corpus_never_replaces_a_persons_file(tmp_path, cli):
    d = tmp_path / "d"
    d.mkdir()
    shutil.copy(SEEDS / "003_cbf5ea202d683762.txt", d / "报告.md")
    (d / "报告.txt").write_text("我的笔记:不要丢。\n", encoding="utf-8")
    code, _, err = cli("corpus", d, d)          # cleaned in place: 报告.md would become 报告.txt
    assert code == 1 and "都会写到这里" in err
    assert (d / "报告.txt").read_text(encoding="utf-8") == "我的笔记:不要丢。\n"
    # a corpus folder: a file corpus did not write stays unless --force, then backed up
    src, dst = tmp_path / "src", tmp_path / "dst"
    src.mkdir()
    shutil.copy(SEEDS / "003_cbf5ea202d683762.txt", src / "a.txt")
    dst.mkdir()
    (dst / "a.txt").write_text("别人的文件\n", encoding="utf-8")
    code, _, err = cli("corpus", src, dst)
    assert code == 1 and "--force" in err and (dst / "a.txt").read_text(encoding="utf-8") == "别人的文件\n"
    code, out, _ = cli("corpus", src, dst, "--force")
    assert code == 0 and "已备份" in out
    assert [p.read_text(encoding="utf-8") for p in dst.glob("a.备份-*.txt")] == ["别人的文件\n"]
    code, out, _ = cli("corpus", src, dst)       # its own output, unedited: replaced freely
    assert code == 0 and "已备份" not in out


def test_learn_replaces_only_its_own_unedited_schema(tmp_path, cli):
    from conftest import ROOT

    out = tmp_path / "s.yaml"
    out.write_text("# 我手写的结构\n", encoding="utf-8")
    code, _, err = cli("learn", ROOT / "corpus", "-o", out)
    assert code == 1 and "--force" in err and out.read_text(encoding="utf-8") == "# 我手写的结构\n"
    code, stdout, _ = cli("learn", ROOT / "corpus", "-o", out, "--force")
    assert code == 0 and "已备份" in stdout
    code, stdout, _ = cli("learn", ROOT / "corpus", "-o", out)
    assert code == 0 and "已备份" not in stdout
    out.write_text(out.read_text(encoding="utf-8").replace("来源:", "来源: \n# 改过", 1), encoding="utf-8")
    assert cli("learn", ROOT / "corpus", "-o", out)[0] == 1


def test_a_writer_leaves_a_running_processs_temporary_file_alone(tmp_path):
    target = tmp_path / "r.txt"
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        live = tmp_path / f".r.txt.{sleeper.pid}.abc.tmp"
        live.write_bytes(b"half")
        dead = tmp_path / ".r.txt.999999999.abc.tmp"
        dead.write_bytes(b"half")
        write_atomic(target, b"new")
        assert live.exists() and not dead.exists() and target.read_bytes() == b"new"
    finally:
        sleeper.kill()
        sleeper.wait()
    write_atomic(target, b"newer")
    assert not live.exists()


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_devices_are_refused_as_inputs_and_outputs(tmp_path, cli):
    code, _, err = cli("build", "/dev/zero")
    assert code == 1 and "不是普通文件" in err
    code, _, err = cli("typeset", "/dev/zero")
    assert code == 1
    code, _, err = cli("build", FACTS, "-o", "/dev/full")
    assert code == 1 and "特殊文件" in err


def test_a_file_size_limit_is_a_located_message_not_an_internal_error(tmp_path):
    import resource

    from conftest import ROOT

    def limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (20000, 20000))

    env = {**os.environ, "PYTHONPATH": str(ROOT), "REPORTGEN_NO_CACHE": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    for args in (["learn", ROOT / "corpus", "-o", "s.yaml"], ["corpus", SEEDS, "c"],
                 ["build", ROOT / "examples" / "平昌县政协2021.yaml", "-o", "p.docx"]):
        r = subprocess.run([sys.executable, "-m", "generator", *map(str, args)], cwd=tmp_path, preexec_fn=limit,
                           capture_output=True, text=True, env=env)
        assert r.returncode == 1 and "无法写入" in r.stderr and "Traceback" not in r.stderr, (args, r.stderr)


def test_init_into_a_folder_is_a_message_even_with_force(tmp_path, cli):
    code, _, err = cli("init", "-o", tmp_path, "--force")
    assert code == 1 and "目录" in err and "Traceback" not in err


def test_a_fifo_as_input_is_refused_at_once(tmp_path, cli):
    fifo = tmp_path / "f.yaml"
    os.mkfifo(fifo)
    code, _, err = cli("build", fifo)
    assert code == 1 and "不是普通文件" in err


def test_temporary_files_of_other_names_are_left_alone(tmp_path):
    other = tmp_path / ".a.docx.x.999999999.abc.tmp"     # a live or dead writer of "a.docx.x"
    other.write_bytes(b"half")
    write_atomic(tmp_path / "a.docx", b"new")
    assert other.exists()
    write_atomic(tmp_path / "[a].docx", b"new")           # glob characters in a name
    assert (tmp_path / "[a].docx").read_bytes() == b"new"


def test_a_corpus_run_that_stops_half_way_remembers_what_it_wrote(tmp_path, cli):
    src, dst = tmp_path / "src", tmp_path / "dst"
    src.mkdir()
    shutil.copy(SEEDS / "003_cbf5ea202d683762.txt", src / "a.txt")
    (src / "b.docx").write_bytes(b"PK\x03\x04 broken")
    code, _, err = cli("corpus", src, dst)
    assert code == 1 and "b.docx" in err and (dst / "a.txt").exists()
    (src / "b.docx").unlink()
    assert cli("corpus", src, dst)[0] == 0            # a.txt is known as its own: replaced freely
    (tmp_path / "file").write_text("x", encoding="utf-8")
    code, _, err = cli("corpus", src, tmp_path / "file")
    assert code == 1 and "已有一个文件" in err
