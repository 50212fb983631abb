"""Word files read whole and within bounds: tracked changes, tables, text boxes and notes in,
comments out, pictures reported; bombs refused before they cost memory or time."""
import zipfile

import pytest

from conftest import rewrite_part
from generator.docxread import MAX_DEPTH, MAX_PART_BYTES, read_docx
from generator.errors import ReportgenError

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:v="urn:schemas-microsoft-com:vml" '
      'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"')
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def package(path, body: str, parts: dict[str, str] | None = None, document: str | None = None):
    """A minimal .docx: the body's XML, and footnotes/styles/comments parts by relationship type."""
    parts = parts or {}
    rels = "".join(f'<Relationship Id="r{i}" Type="{REL}/{kind}" Target="{kind}.xml"/>'
                   for i, kind in enumerate(parts))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/_rels/document.xml.rels", '<?xml version="1.0"?><Relationships xmlns='
                   f'"http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>')
        z.writestr("word/document.xml", document if document is not None else
                   f'<?xml version="1.0"?><w:document {NS}><w:body>{body}</w:body></w:document>')
        for kind, xml in parts.items():
            z.writestr(f"word/{kind}.xml", f'<?xml version="1.0"?>{xml}')
    return path


def p(*runs, style=""):
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def r(text, bold=False):
    return f'<w:r>{"<w:rPr><w:b/></w:rPr>" if bold else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'


def test_accepted_changes_tables_text_boxes_equations_and_notes_are_read_comments_are_not(tmp_path):
    box = ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>'
           + p(r("文本框里的话。")) + '</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict>'
           '<v:textbox><w:txbxContent>' + p(r("文本框里的话。")) + '</w:txbxContent></v:textbox></w:pict>'
           '</mc:Fallback></mc:AlternateContent></w:r>')
    body = (p(r("一年来,共提交提案"), '<w:ins w:id="1" w:author="a"><w:r><w:t>379</w:t></w:r></w:ins>',
              '<w:del w:id="2" w:author="a"><w:r><w:delText>300</w:delText></w:r></w:del>', r("件。"),
              '<w:commentRangeStart w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>')
            + p(r("见下图。"), box)
            + '<w:tbl><w:tr><w:tc>' + p(r("项目")) + '</w:tc><w:tc>' + p(r("件数")) + '</w:tc></w:tr>'
            + '<w:tr><w:tc>' + p(r("立案")) + '</w:tc><w:tc>' + p(r("279")) + '</w:tc></w:tr></w:tbl>'
            + p(r("增长率"), '<m:oMath><m:r><m:t>a/b</m:t></m:r></m:oMath>', r("。"),
                '<w:r><w:footnoteReference w:id="1"/></w:r>'))
    notes = (f'<w:footnotes {NS}><w:footnote w:type="separator" w:id="-1">{p(r("——"))}</w:footnote>'
             f'<w:footnote w:id="1">{p(r("数据截至12月底。"))}</w:footnote></w:footnotes>')
    comments = f'<w:comments {NS}><w:comment w:id="0">{p(r("批注不是正文"))}</w:comment></w:comments>'
    got = read_docx(package(tmp_path / "a.docx", body, {"footnotes": notes, "comments": comments}))
    assert got.lines == ["一年来,共提交提案379件。", "见下图。", "文本框里的话。", "项目 | 件数", "立案 | 279",
                         "增长率a/b。", "注1:数据截至12月底。"]
    assert got.paragraphs[0] == "一年来,共提交提案379件。" and len(got.paragraphs) == 3   # the table's are not Word's body paragraphs
    assert not got.warnings


def test_headings_by_style_or_outline_level_bold_leads_and_a_picture_reported_with_its_paragraph(tmp_path):
    styles = (f'<w:styles {NS}><w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="my"><w:name w:val="我的标题"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
              '<w:style w:type="character" w:styleId="strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style></w:styles>')
    body = (p(r("一、过去一年的工作"), style="my") + p(r("（一）坚持党的领导"), style="2")
            + p(r("坚定政治站位。", bold=True), r("正文。"))
            + p('<w:r><w:rPr><w:rStyle w:val="strong"/></w:rPr><w:t>加强理论武装。</w:t></w:r>', r("正文二。"))
            + p(r("全体会议现场"), '<w:r><w:drawing><pic/></w:drawing></w:r>'))
    got = read_docx(package(tmp_path / "b.docx", body, {"styles": styles}))
    assert got.lines == ["## 一、过去一年的工作", "### （一）坚持党的领导", "**坚定政治站位。**正文。",
                         "**加强理论武装。**正文二。", "全体会议现场"]
    (w,) = got.warnings
    assert w.level == "警告" and w.line == 5 and "第 5 段" in w.message and "图片" in w.message


def test_a_decompression_bomb_is_refused_before_it_is_unpacked(tmp_path):
    huge = '<?xml version="1.0"?><w:document ' + NS + '><w:body>' + "<w:p/>" * (MAX_PART_BYTES // 6 + 10) + "</w:body></w:document>"
    path = package(tmp_path / "bomb.docx", "", document=huge)
    assert path.stat().st_size < 1_000_000
    with pytest.raises(ReportgenError, match="解压后过大"):
        read_docx(path)


def test_entity_bombs_and_deep_nesting_are_refused(tmp_path):
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
              f'<w:document {NS}><w:body>{p(r("&lol2;"))}</w:body></w:document>')
    with pytest.raises(ReportgenError, match="DTD"):
        read_docx(package(tmp_path / "laughs.docx", "", document=laughs))
    deep = "<w:sdt><w:sdtContent>" * (MAX_DEPTH + 5) + "</w:sdtContent></w:sdt>" * (MAX_DEPTH + 5)
    with pytest.raises(ReportgenError, match="嵌套过深|不是有效的 XML"):
        read_docx(package(tmp_path / "deep.docx", deep))


def test_not_a_word_file_gets_a_message(tmp_path):
    bad = tmp_path / "x.docx"
    bad.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(ReportgenError, match="无法作为 Word 文档读取"):
        read_docx(bad)


def test_check_reads_a_word_draft_once_and_reports_its_pictures(tmp_path, monkeypatch):
    from generator import docxread
    from generator.check import check_file

    calls = []
    real = docxread.read_docx
    monkeypatch.setattr(docxread, "read_docx", lambda *a: calls.append(a) or real(*a))
    path = package(tmp_path / "c.docx", p(r("各位委员:")) + p(r("一、工作回顾"))
                   + p(r("全年提交提案379件,立案400件。")) + p('<w:r><w:drawing><pic/></w:drawing></w:r>'))
    problems, _ = check_file(path)
    assert len(calls) == 1
    assert any("图片" in x.message for x in problems) and any("400" in x.message and x.line == 3 for x in problems)


def test_content_controls_nested_tables_and_ruby_are_read_once_and_a_toc_is_not_a_body_paragraph(tmp_path):
    toc = "<w:sdt><w:sdtContent>" + p(r("目录")) + p(r("一、工作回顾……1")) + "</w:sdtContent></w:sdt>"
    inner = "<w:tbl><w:tr><w:tc>" + p(r("内B")) + "</w:tc><w:tc>" + p(r("内C")) + "</w:tc></w:tr></w:tbl>"
    table = ("<w:tbl><w:tr><w:tc>" + p(r("外A")) + inner + "</w:tc><w:sdt><w:sdtContent><w:tc>" + p(r("外D"))
             + "</w:tc></w:sdtContent></w:sdt></w:tr></w:tbl>")
    ruby = '<w:r><w:ruby><w:rt><w:r><w:t>zhù</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>注</w:t></w:r></w:rubyBase></w:ruby></w:r>'
    body = toc + p(r("一、工作回顾")) + table + p(ruby, r("音。")) + '<w:altChunk r:id="x" xmlns:r="r"/>'
    got = read_docx(package(tmp_path / "a.docx", body))
    assert got.lines == ["目录", "一、工作回顾……1", "一、工作回顾", "外A 内B 内C | 外D", "注音。"]
    assert got.paragraphs == ["一、工作回顾", "注音。"]          # as python-docx (and --annotate) counts them
    assert any("altChunk" in w.message for w in got.warnings)


def test_every_part_is_bounded_and_damaged_or_encrypted_packages_get_a_message(tmp_path):
    path = package(tmp_path / "img.docx", p(r("正文。")))
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as z:   # a picture no reader opens, 100 MB unpacked
        z.writestr("word/media/image1.png", b"\0" * (MAX_PART_BYTES + 1))
    with pytest.raises(ReportgenError, match="解压后过大"):
        read_docx(path)
    stored = package(tmp_path / "s.docx", p(r("正文。")))
    data = bytearray(stored.read_bytes())
    at = data.find(b"word/document.xml") + len("word/document.xml")   # damage the body's compressed bytes
    data[at + 5:at + 40] = b"\xff" * 35
    (tmp_path / "bad.docx").write_bytes(bytes(data))
    with pytest.raises(ReportgenError, match="损坏|无法"):
        read_docx(tmp_path / "bad.docx")


def test_a_dtd_after_a_long_comment_is_still_refused(tmp_path):
    late = ('<?xml version="1.0"?><!--' + "x" * 3000 + '--><!DOCTYPE d [<!ENTITY x "坏">]>'
            f'<w:document {NS}><w:body>{p(r("正文&x;结束"))}</w:body></w:document>')
    with pytest.raises(ReportgenError, match="DTD"):
        read_docx(package(tmp_path / "late.docx", "", document=late))


def test_one_paragraph_of_millions_of_runs_is_refused_without_holding_them(tmp_path):
    body = "<w:p>" + "<w:r><w:t>字</w:t></w:r>" * 160_000 + "</w:p>"
    with pytest.raises(ReportgenError, match="过大"):
        read_docx(package(tmp_path / "runs.docx", body))


def test_annotations_land_on_their_paragraph_past_a_table_of_contents(tmp_path, cli):
    import docx as python_docx

    doc = python_docx.Document()
    for text in ("各位委员:", "一、工作回顾", "全年提交提案379件,立案400件。", "二、今年的工作"):
        doc.add_paragraph(text)
    path = tmp_path / "d.docx"
    doc.save(str(path))
    rewrite_part(path, "word/document.xml", lambda xml: xml.replace(
        b"<w:body>", b"<w:body><w:sdt><w:sdtContent>" + p(r("目录")).encode() + p(r("一、工作回顾 1")).encode()
        + b"</w:sdtContent></w:sdt>"))
    code, out, _ = cli("check", path, "--annotate", tmp_path / "n.docx")
    annotated = python_docx.Document(str(tmp_path / "n.docx"))
    commented = [q.text for q in annotated.paragraphs if q._p.xpath(".//w:commentRangeStart")]
    assert commented == ["全年提交提案379件,立案400件。"], out

