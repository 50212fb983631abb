"""The DOCX is checked by reading it back: python-docx and the raw OOXML."""
import io
import re
import zipfile

import docx
import pytest
from docx.oxml.ns import qn

from conftest import FIXTURES
from generator.api import document, draft
from generator.style import load_style
from generator.writers.docx import Grid


@pytest.fixture(scope="module")
def built():
    d = draft(FIXTURES / "minimal.yaml")
    data = document(d.tree, "docx", load_style(), source="minimal.yaml")
    return d, data, docx.Document(io.BytesIO(data))


def xml(data, part):
    return zipfile.ZipFile(io.BytesIO(data)).read(part).decode()


def test_text_read_back_equals_what_was_rendered(built):
    d, _, doc = built
    paras = [p.text for p in doc.paragraphs]
    expected = [ln.replace("**", "") for ln in d.text.splitlines() if ln.strip()]
    assert paras == expected


def test_headings_use_named_styles_with_outline_levels(built):
    _, data, doc = built
    by_style = {}
    for p in doc.paragraphs:
        by_style.setdefault(p.style.name, []).append(p.text)
    assert by_style["Heading 1"] == ["过去一年的工作", "今年工作安排"]
    assert by_style["Heading 2"][0].startswith("一、把握")
    assert by_style["Title"][0].endswith("工作报告")
    assert by_style["Subtitle"][0].startswith("——在政协")
    assert by_style["称呼"] == ["各位委员\uff1a"]
    styles = xml(data, "word/styles.xml")
    for level in (0, 1):
        style = re.search(rf'<w:style [^>]*w:styleId="Heading{level + 1}".*?</w:style>', styles, re.S).group(0)
        assert f'<w:outlineLvl w:val="{level}"/>' in style and "<w:keepNext/>" in style


def test_heading_looks_follow_the_numbering_form(built):
    _, _, doc = built
    styles = doc.styles
    assert styles["Heading 1"].element.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"
    assert styles["Heading 1"].paragraph_format.alignment == 1  # part headings centred
    assert styles["Heading 2"].element.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"
    assert styles["Heading 2"].paragraph_format.first_line_indent > 0
    assert styles["Normal"].element.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert styles["Title"].element.rPr.rFonts.get(qn("w:eastAsia")) == "方正小标宋简体"
    assert styles["Title"].font.size.pt == 22 and styles["Normal"].font.size.pt == 16


def test_every_run_names_its_fonts_in_all_four_slots(built):
    _, data, doc = built
    for part in ("word/document.xml", "word/footer1.xml", "word/footer2.xml"):
        body = xml(data, part)
        runs = re.findall(r"<w:r>.*?</w:r>", body, re.S)
        assert runs
        for run in runs:
            fonts = re.search(r"<w:rFonts [^>]*/>", run).group(0)
            for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
                assert f"w:{slot}=" in fonts, fonts
            assert 'w:hint="eastAsia"' in fonts
            assert "Theme" not in fonts and "theme" not in fonts
    assert "Theme" not in re.search(r"<w:docDefaults>.*?</w:docDefaults>", xml(data, "word/styles.xml"), re.S).group(0)


def test_leads_are_bold_runs_inside_their_paragraph(built):
    _, _, doc = built
    p = next(p for p in doc.paragraphs if p.text.startswith("坚定政治站位。"))
    lead, rest = p.runs[0], p.runs[1]
    assert lead.text == "坚定政治站位。" and lead.bold is True
    assert rest.text.startswith("认真贯彻") and not rest.bold
    assert p.style.name == "Normal"


def test_page_setup_and_document_grid(built):
    _, data, doc = built
    sec = doc.sections[0]
    assert sec.page_width.mm == pytest.approx(210, abs=0.1)
    assert sec.page_height.mm == pytest.approx(297, abs=0.1)
    assert (sec.top_margin.mm, sec.bottom_margin.mm) == pytest.approx((37, 35), abs=0.1)
    assert (sec.left_margin.mm, sec.right_margin.mm) == pytest.approx((28, 26), abs=0.1)
    grid = re.search(r"<w:docGrid [^>]*/>", xml(data, "word/document.xml")).group(0)
    assert 'w:type="lines"' in grid
    pitch = int(re.search(r'w:linePitch="(\d+)"', grid).group(1)) / 20
    assert pitch == pytest.approx(28.9, abs=0.1)
    assert 22 * pitch <= (297 - 37 - 35) / 25.4 * 72 < 23 * pitch
    # characters are condensed so that 28, and not 29, fit the 156 mm line
    g = Grid(load_style())
    width = (210 - 28 - 26) / 25.4 * 72
    advance = 16 - g.condense / 20
    assert 28 * advance <= width < 29 * advance
    defaults = re.search(r"<w:docDefaults>.*?</w:docDefaults>", xml(data, "word/styles.xml"), re.S).group(0)
    assert f'<w:spacing w:val="-{g.condense}"/>' in defaults


def test_odd_and_even_page_numbers(built):
    _, data, doc = built
    assert "<w:evenAndOddHeaders/>" in xml(data, "word/settings.xml")
    sec = doc.sections[0]
    odd, even = sec.footer.paragraphs[0], sec.even_page_footer.paragraphs[0]
    assert odd.text == "— 1 —" and even.text == "— 1 —"
    assert odd.alignment == 2 and even.alignment == 0  # right, left
    assert odd.paragraph_format.right_indent.pt == pytest.approx(14)
    assert even.paragraph_format.left_indent.pt == pytest.approx(14)
    assert "PAGE" in odd._p.xml and 'w:fldCharType="begin"' in odd._p.xml
    assert doc.styles["页码"].font.size.pt == 14
    assert doc.styles["页码"].element.rPr.rFonts.get(qn("w:eastAsia")) == "宋体"


def test_style_sheet_changes_reach_the_document(write):
    d = draft(FIXTURES / "minimal.yaml")
    sheet = load_style(write("s.yaml", "页面:\n  左边距: 30mm\n段落:\n  一级标题: {中文字体: 方正黑体简体}\n"))
    doc = docx.Document(io.BytesIO(document(d.tree, "docx", sheet)))
    assert doc.sections[0].left_margin.mm == pytest.approx(30, abs=0.1)
    assert doc.styles["Heading 2"].element.rPr.rFonts.get(qn("w:eastAsia")) == "方正黑体简体"


def test_markdown_output(built):
    d, _, _ = built
    md = document(d.tree, "md").decode()
    assert md.startswith("# 中国人民政治协商会议辽宁省丹东市")
    assert "\n## 过去一年的工作\n" in md and "\n### 一、把握" in md
    assert "**坚定政治站位。**认真贯彻" in md


def test_properties_follow_the_schema_order_word_requires(built):
    """Word refuses files whose w:pPr / w:rPr children are out of the ECMA-376 order."""
    from lxml import etree

    from generator.writers.docx import SCHEMA_ORDER

    _, data, _ = built
    z = zipfile.ZipFile(io.BytesIO(data))
    checked = 0
    for part in ("word/document.xml", "word/styles.xml", "word/footer1.xml", "word/footer2.xml"):
        root = etree.fromstring(z.read(part))
        for parent_tag, order in SCHEMA_ORDER.items():
            for el in root.iter(qn(parent_tag)):
                names = [etree.QName(c).localname for c in el]
                ranks = [order.index(n) for n in names if n in order]
                assert ranks == sorted(ranks), f"{part}: {parent_tag} {names}"
                checked += 1
    assert checked > 50


def _parts(data):
    z = zipfile.ZipFile(io.BytesIO(data))
    return {n: z.read(n) for n in z.namelist() if not n.startswith("docProps/")}


def test_the_styled_template_is_kept_in_the_user_cache_and_gives_the_same_document(tmp_path, monkeypatch):
    from generator.writers.docx import DocxWriter

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    tree = draft(FIXTURES / "minimal.yaml").tree
    fresh = document(tree, "docx", load_style())
    (cached,) = (tmp_path / "reportgen" / "docx").iterdir()
    # a new writer finds the template in the cache and never builds it again
    writer = DocxWriter(load_style())
    monkeypatch.setattr(DocxWriter, "_make_template", lambda *a: pytest.fail("rebuilt"))
    again = document(tree, "docx", writer=writer)
    assert _parts(again) == _parts(fresh)
    monkeypatch.undo()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    cached.write_bytes(b"not marshal data")  # a damaged cache is rebuilt
    assert _parts(document(tree, "docx", load_style())) == _parts(fresh)
    monkeypatch.setenv("REPORTGEN_NO_CACHE", "1")
    assert _parts(document(tree, "docx", load_style())) == _parts(fresh)


def test_a_different_style_sheet_gets_its_own_template(tmp_path, monkeypatch, write):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    tree = draft(FIXTURES / "minimal.yaml").tree
    plain = document(tree, "docx", load_style())
    local = document(tree, "docx", load_style(write("s.yaml", "段落:\n  正文:\n    中文字体: 华文中宋\n")))
    assert len(list((tmp_path / "reportgen" / "docx").iterdir())) == 2
    assert "华文中宋" in xml(local, "word/styles.xml") and "华文中宋" not in xml(plain, "word/styles.xml")


def test_a_build_with_a_cached_template_loads_neither_python_docx_nor_lxml(tmp_path):
    import subprocess
    import sys

    code = ("import sys; from generator.cli import main; "
            "main(['build', sys.argv[1], '-o', sys.argv[2], '-q', '--force']); "
            "print(any(m == 'docx' or m.startswith(('docx.', 'lxml')) for m in sys.modules))")
    env = {**__import__("os").environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    args = [sys.executable, "-c", code, str(FIXTURES / "minimal.yaml"), str(tmp_path / "r.docx")]
    first = subprocess.run(args, capture_output=True, text=True, check=True, env=env)
    second = subprocess.run(args, capture_output=True, text=True, check=True, env=env)
    assert (first.stdout.strip(), second.stdout.strip()) == ("True", "False")


def test_no_sample_thumbnail_and_real_core_properties(built):
    _, data, doc = built
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert "docProps/thumbnail.jpeg" not in names and "thumbnail" not in xml(data, "_rels/.rels")
    assert doc.core_properties.title == built[0].tree.meta.title
    assert doc.core_properties.author == "reportgen"
    assert doc.core_properties.created.year >= 2024
