"""Nothing a person wrote is lost: atomic writes, provenance, no silent overwrite."""
import io
import os
import zipfile

import docx
import pytest

from conftest import FIXTURES
from generator.api import build
from generator.errors import ReportgenError
from generator.output import docx_stamp, md_stamp, write_atomic

FACTS = FIXTURES / "minimal.yaml"


def edit_docx(path):
    d = docx.Document(str(path))
    d.add_paragraph("张科长补充的一段话。")
    d.save(str(path))


def test_docx_records_what_it_wrote(tmp_path):
    out = tmp_path / "r.docx"
    build(FACTS, out)
    stamp = docx_stamp(out)
    assert stamp["reportgen.source"] == "minimal.yaml"
    assert stamp["edited"] is False
    edit_docx(out)
    assert docx_stamp(out)["edited"] is True


def test_untouched_output_is_replaced_freely(tmp_path):
    out = tmp_path / "r.docx"
    build(FACTS, out)
    result = build(FACTS, out)
    assert result.write.replaced and result.write.backup is None
    assert list(tmp_path.iterdir()) == [out]


def test_edited_output_is_not_overwritten(tmp_path):
    out = tmp_path / "r.docx"
    build(FACTS, out)
    edit_docx(out)
    before = out.read_bytes()
    with pytest.raises(ReportgenError) as e:
        build(FACTS, out)
    assert "修改过" in str(e.value) and "--force" in str(e.value)
    assert out.read_bytes() == before


def test_force_keeps_a_backup_of_the_edited_file(tmp_path):
    out = tmp_path / "r.docx"
    build(FACTS, out)
    edit_docx(out)
    edited = out.read_bytes()
    result = build(FACTS, out, force=True)
    assert result.write.backup.read_bytes() == edited
    assert result.write.backup.name.startswith("r.备份-")
    assert docx_stamp(out)["edited"] is False


def test_foreign_file_is_not_overwritten(tmp_path):
    out = tmp_path / "r.docx"
    docx.Document().save(str(out))
    with pytest.raises(ReportgenError) as e:
        build(FACTS, out)
    assert "不是 reportgen 生成" in str(e.value)
    out.write_text("not a zip")
    with pytest.raises(ReportgenError):
        build(FACTS, out)
    assert out.read_text() == "not a zip"


def test_markdown_is_protected_the_same_way(tmp_path):
    out = tmp_path / "r.md"
    build(FACTS, out)
    assert md_stamp(out)["edited"] is False
    build(FACTS, out)  # untouched: replaced
    out.write_text(out.read_text(encoding="utf-8").replace("各位委员", "各位代表"), encoding="utf-8")
    with pytest.raises(ReportgenError):
        build(FACTS, out)


def test_failed_write_leaves_the_previous_file_and_no_temp(tmp_path, monkeypatch):
    out = tmp_path / "r.docx"
    build(FACTS, out)
    before = out.read_bytes()

    def boom(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(ReportgenError) as e:
        build(FACTS, out)
    assert "无法写入" in str(e.value)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.docx"]


def test_bad_facts_write_nothing(tmp_path, write):
    bad = write("bad.yaml", "年度: 2020\n")
    out = tmp_path / "r.docx"
    with pytest.raises(ReportgenError):
        build(bad, out)
    assert not out.exists()


def test_write_atomic_replaces_in_one_step(tmp_path):
    p = tmp_path / "a.bin"
    write_atomic(p, b"one")
    write_atomic(p, b"two")
    assert p.read_bytes() == b"two"
    assert [x.name for x in tmp_path.iterdir()] == ["a.bin"]


def test_stamped_docx_is_a_valid_package(tmp_path):
    out = tmp_path / "r.docx"
    build(FACTS, out)
    z = zipfile.ZipFile(out)
    assert z.testzip() is None
    assert "docProps/custom.xml" in z.read("[Content_Types].xml").decode()
    docx.Document(io.BytesIO(out.read_bytes()))


def test_an_edit_that_keeps_the_size_is_still_noticed(tmp_path):
    out = tmp_path / "r.docx"
    build(FACTS, out)
    z = zipfile.ZipFile(out)
    parts = {n: z.read(n) for n in z.namelist()}
    body = parts["word/document.xml"].decode()
    i = body.index("政协")
    parts["word/document.xml"] = (body[:i] + "人大" + body[i + 2:]).encode()  # same length
    with zipfile.ZipFile(out, "w") as dst:
        for name, data in parts.items():
            dst.writestr(name, data)
    assert docx_stamp(out)["edited"] is True
    with pytest.raises(ReportgenError):
        build(FACTS, out)


def test_annotated_copies_are_stamped_too(tmp_path):
    from generator.output import stamp_docx

    out = tmp_path / "r.docx"
    build(FACTS, out)
    copy = tmp_path / "c.docx"
    copy.write_bytes(stamp_docx(out.read_bytes(), "r.docx"))
    stamp = docx_stamp(copy)
    assert stamp["reportgen.source"] == "r.docx" and stamp["edited"] is False
    z = zipfile.ZipFile(copy)
    assert z.namelist().count("docProps/custom.xml") == 1 and z.testzip() is None


def test_odd_file_names_still_give_well_formed_properties(tmp_path):
    from lxml import etree

    from generator.output import package, stamp

    data = stamp(package({"[Content_Types].xml": b"<Types></Types>", "_rels/.rels": b"<Relationships></Relationships>",
                          "word/document.xml": b"<x/>"}), {}, 'a\x01b&<"\udcff".yaml')
    xml = zipfile.ZipFile(io.BytesIO(data)).read("docProps/custom.xml")
    props = etree.fromstring(xml)
    assert 'ab&<"".yaml' in [v.text for v in props.iter("{*}lpwstr")]
