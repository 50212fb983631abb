"""The user cache only ever costs or saves time: damaged, stale or unusable entries are made again."""
from pathlib import Path

import pytest

from conftest import FIXTURES
from generator import cache


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("REPORTGEN_NO_CACHE", raising=False)
    return tmp_path / "reportgen"


def test_values_come_back_as_they_were_kept(home):
    cache.save("t", "k", {"a": [1, 2.5, None, (True, "字")], "b": b"\x00"})
    assert cache.load("t", "k") == {"a": [1, 2.5, None, (True, "字")], "b": b"\x00"}
    assert cache.load("t", "other") is cache.MISS


def test_a_damaged_entry_reads_as_missing(home):
    cache.save("t", "k", {"a": "x" * 100})
    f = home / "t" / "k.marshal"
    raw = bytearray(f.read_bytes())
    raw[-10] ^= 0x01  # one bit flipped inside the payload
    f.write_bytes(bytes(raw))
    assert cache.load("t", "k") is cache.MISS
    f.write_bytes(b"short")
    assert cache.load("t", "k") is cache.MISS


def test_values_marshal_cannot_hold_are_not_kept(home):
    import datetime as dt

    cache.save("t", "k", {"d": dt.date(2021, 1, 1)})
    assert cache.load("t", "k") is cache.MISS and not (home / "t" / "k.marshal").exists()


def test_no_home_no_cache_and_no_error(monkeypatch):
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def no_home():
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    assert cache.folder("t") is None and cache.load("t", "k") is cache.MISS
    cache.save("t", "k", 1)


def test_keys_change_with_the_code(monkeypatch):
    first = cache.key("docx", "sheet")
    monkeypatch.setattr(cache, "code_stamp", lambda: "another version")
    assert cache.key("docx", "sheet") != first
    assert cache.code_stamp() == "another version"


def test_editing_any_module_changes_the_code_stamp():
    import os

    import generator.output

    module = Path(generator.output.__file__)
    before = cache.code_stamp.__wrapped__()
    st = module.stat()
    try:
        os.utime(module, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
        assert cache.code_stamp.__wrapped__() != before
    finally:
        os.utime(module, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert cache.code_stamp.__wrapped__() == before


def test_a_template_entry_of_the_wrong_shape_is_made_again(home):
    from generator.api import document, draft
    from generator.style import load_style

    tree = draft(FIXTURES / "minimal.yaml").tree
    good = document(tree, "docx", load_style())
    (entry,) = (home / "docx").iterdir()
    cache.save("docx", entry.stem, {"zip": b"x"})
    again = document(tree, "docx", load_style())
    import io
    import zipfile

    assert zipfile.ZipFile(io.BytesIO(again)).testzip() is None and len(again) == pytest.approx(len(good), rel=0.01)


def test_help_works_without_a_home(monkeypatch, cli):
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def no_home():
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    code, out, _ = cli("build", "--help")
    assert code == 0 and "事实" in out
