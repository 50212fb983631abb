"""Report tree -> DOCX laid out by the style sheet (GB/T 9704 by default).

Writing has two steps. The styled empty document (page set-up, named styles, footers) is
made with python-docx once per style sheet and heading scheme, then kept in memory and in
the user cache (~/.cache/reportgen/docx) as a ready package. Each report then only adds its
paragraphs to the body, as XML text built from fragments that were serialised with that
package, so a build needs neither python-docx nor lxml unless the style sheet is new.
"""
from __future__ import annotations

import datetime as dt
import math

from .. import cache
from ..output import package, xml_escape
from ..style import ParaStyle, StyleSheet
from ..tree import Paragraph, Report, Section
from . import look_of
from .text import front_blocks

LOOKS = ("part", "h1", "h2", "h3", "h4")
JC = {"两端": "both", "居中": "center", "左": "left", "右": "right"}
CUSTOM_STYLES = {"byline": "署名", "salutation": "称呼", "page_number": "页码"}
FRONT_STYLES = {"body": "Normal", "title": "Title", "subtitle": "Subtitle",
                "byline": CUSTOM_STYLES["byline"], "salutation": CUSTOM_STYLES["salutation"]}
MAX_DEPTH = 9  # deepest heading level given direct formatting
_NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
       "xml": "http://www.w3.org/XML/1998/namespace"}
_W_DECL = f' xmlns:w="{_NS["w"]}"'
CORE_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:title>{title}</dc:title><dc:creator>reportgen</dc:creator>"
    "<cp:lastModifiedBy>reportgen</cp:lastModifiedBy><cp:revision>1</cp:revision>"
    '<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
    '<dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified></cp:coreProperties>')


def qn(tag: str) -> str:
    prefix, local = tag.split(":")
    return f"{{{_NS[prefix]}}}{local}"


def _tw(pt: float) -> str:
    return str(int(round(pt * 20)))


# Child order that ECMA-376 requires inside w:pPr and w:rPr (Word rejects other orders).
SCHEMA_ORDER = {
    "w:pPr": ("pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
              "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct "
              "topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind "
              "contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
              "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange").split(),
    "w:rPr": ("rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint "
              "noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u "
              "effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath").split(),
}
_PARENT_TAG = {qn(k): v for k, v in SCHEMA_ORDER.items()}


def _new(tag: str):
    from docx.oxml import OxmlElement

    return OxmlElement(tag)


def _insert(parent, el):
    """Insert `el` into `parent` at the place the schema gives it."""
    order = _PARENT_TAG.get(parent.tag)
    if order:
        rank = order.index(el.tag.split("}")[1])
        for i, sibling in enumerate(parent):
            local = sibling.tag.split("}")[1] if "}" in str(sibling.tag) else ""
            if local in order and order.index(local) > rank:
                parent.insert(i, el)
                return el
    parent.append(el)
    return el


def _set(parent, tag: str, **attrs):
    """Get or create child `tag` of `parent` (in schema order) and set w: attributes."""
    el = parent.find(qn(tag))
    if el is None:
        el = _insert(parent, _new(tag))
    for k, v in attrs.items():
        el.set(qn(f"w:{k}"), str(v))
    return el


def _clear(el):
    for child in list(el):
        el.remove(child)


def _xml(el) -> str:
    """An element as XML text for the body, where the w: prefix is already declared."""
    from lxml import etree

    return etree.tostring(el, encoding="unicode").replace(_W_DECL, "")


class Grid:
    """The page grid: line pitch and character pitch, in points.

    Lines sit on a line grid (w:docGrid type="lines"). Characters are condensed a little
    so that exactly `chars` of them fill a line: LibreOffice's character grid ignores
    character spacing and gives an over-wide glyph two cells, so a character grid cannot
    fit 28 characters of 16 pt into 156 mm there; condensing works in Word, WPS and LibreOffice.
    """

    def __init__(self, sheet: StyleSheet):
        page = sheet.page
        self.line = math.floor(page.text_height / page.lines * 20) / 20
        self.char = page.text_width / page.chars
        self.body_size = sheet.paras.body.size or 16
        # twentieths of a point taken off each character (with a little headroom)
        over = self.body_size - self.char
        self.condense = math.ceil(over * 20) + 2 if over > 0 else 0


_TEMPLATE_TYPES = {"zip": bytes, "head": str, "tail": str, "ids": dict, "rpr": dict, "heading": dict}


class Template(dict):
    """The styled empty document for one style sheet and heading scheme (plain data, so it
    can be kept with marshal): `zip` the package without the per-report parts, `head` and
    `tail` of word/document.xml around the body's paragraphs, `ids` style ids by style name,
    `rpr` run properties by (font, bold), `heading` direct formatting by (look, depth)."""


class DocxWriter:
    def __init__(self, sheet: StyleSheet):
        self.sheet = sheet
        self.grid = Grid(sheet)
        self._templates: dict = {}
        self.paragraph_texts: list[str] = []

    # ---- the styled empty document (python-docx; once per style sheet) -----------------
    def _fonts(self, rpr, east_asian: str):
        latin = self.sheet.latin_font
        rf = rpr.find(qn("w:rFonts"))
        if rf is not None:
            rpr.remove(rf)
        rf = _new("w:rFonts")
        rf.set(qn("w:ascii"), latin)
        rf.set(qn("w:hAnsi"), latin)
        rf.set(qn("w:eastAsia"), east_asian)
        rf.set(qn("w:cs"), latin)
        rf.set(qn("w:hint"), "eastAsia")
        _insert(rpr, rf)

    def _rpr(self, rpr, ps: ParaStyle, with_size=True):
        self._fonts(rpr, ps.font)
        for tag in ("w:b", "w:bCs"):
            _set(rpr, tag, val="1" if ps.bold else "0")
        if with_size:
            _set(rpr, "w:sz", val=int(round(ps.size * 2)))
            _set(rpr, "w:szCs", val=int(round(ps.size * 2)))
        for tag in ("w:color", "w:kern", "w:i", "w:iCs", "w:caps"):
            el = rpr.find(qn(tag))
            if el is not None:
                rpr.remove(el)

    def _ppr(self, ppr, ps: ParaStyle, outline: int | None = None, keep_next=False):
        _clear(ppr)
        if keep_next:
            _set(ppr, "w:keepNext")
        _set(ppr, "w:widowControl", val="0")
        _set(ppr, "w:spacing", before=_tw(ps.before * self.grid.line),
             after=_tw(ps.after * self.grid.line), line=_tw(self.grid.line), lineRule="exact")
        indent = ps.indent or 0
        _set(ppr, "w:ind", firstLine=_tw(indent * self.grid.char),
             firstLineChars=str(int(round(indent * 100))))
        _set(ppr, "w:jc", val=JC[ps.align or "两端"])
        if ps.size and ps.size > self.grid.char + 1:
            # large type (the title) is laid out freely, not one character per grid cell
            _set(ppr, "w:snapToGrid", val="0")
        if outline is not None:
            _set(ppr, "w:outlineLvl", val=outline)

    def _style(self, doc, name: str, ps: ParaStyle, outline=None, keep_next=False):
        from docx.enum.style import WD_STYLE_TYPE

        try:
            st = doc.styles[name]
        except KeyError:
            st = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            st.base_style = doc.styles["Normal"]
            st.quick_style = True
        el = st.element
        self._ppr(el.get_or_add_pPr(), ps, outline, keep_next)
        self._rpr(el.get_or_add_rPr(), ps)
        return st

    def _defaults(self, doc):
        styles = doc.styles.element
        rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
        self._fonts(rpr, self.sheet.paras.body.font)
        _set(rpr, "w:sz", val=int(round(self.grid.body_size * 2)))
        _set(rpr, "w:szCs", val=int(round(self.grid.body_size * 2)))
        _set(rpr, "w:lang", val="en-US", eastAsia="zh-CN", bidi="ar-SA")
        if self.grid.condense:
            # characters a little narrower than the grid cell, so each takes one cell
            _set(rpr, "w:spacing", val=-self.grid.condense)
        ppr = styles.find(qn("w:docDefaults")).find(qn("w:pPrDefault")).find(qn("w:pPr"))
        _clear(ppr)
        _set(ppr, "w:spacing", after="0", line=_tw(self.grid.line), lineRule="exact")

    def _page(self, doc):
        from docx.shared import Pt

        page = self.sheet.page
        sec = doc.sections[0]
        sec.page_width, sec.page_height = Pt(page.width), Pt(page.height)
        sec.top_margin, sec.bottom_margin = Pt(page.top), Pt(page.bottom)
        sec.left_margin, sec.right_margin = Pt(page.left), Pt(page.right)
        pn = self.sheet.page_number
        sec.header_distance = Pt(max(page.top - 2 * self.grid.line, 10))
        sec.footer_distance = Pt(max(page.bottom - pn.gap - pn.size, 5))
        sectpr = sec._sectPr
        grid = sectpr.find(qn("w:docGrid"))
        if grid is None:
            grid = _new("w:docGrid")
            sectpr.append(grid)
        grid.set(qn("w:type"), "lines")
        grid.set(qn("w:linePitch"), _tw(self.grid.line))

    def _footers(self, doc):
        pn = self.sheet.page_number
        ps = ParaStyle(font=pn.font, size=pn.size, indent=0, align="右", bold=False, before=0, after=0)
        st = self._style(doc, CUSTOM_STYLES["page_number"], ps)
        ppr = st.element.get_or_add_pPr()
        _set(ppr, "w:spacing", before="0", after="0", line="240", lineRule="auto")
        _set(ppr, "w:snapToGrid", val="0")
        doc.settings.odd_and_even_pages_header_footer = True
        sec = doc.sections[0]
        inset = _tw(pn.inset * pn.size)
        for footer, align, side in ((sec.footer, "right", "right"),
                                    (sec.even_page_footer, "left", "left")):
            footer.is_linked_to_previous = False
            p = footer.paragraphs[0]
            p.style = st
            ppr = p._p.get_or_add_pPr()
            _set(ppr, "w:jc", val=align)
            _set(ppr, "w:ind", **{side: inset})
            before, _, after = pn.format.partition("{页码}")
            self._text_run(p, before, pn.font)
            self._field(p, "PAGE", pn.font)
            self._text_run(p, after, pn.font)

    def _text_run(self, p, text: str, font: str):
        if text:
            self._fonts(p.add_run(text)._r.get_or_add_rPr(), font)

    def _field(self, p, instr: str, font: str):
        def run():
            r = p.add_run()
            self._fonts(r._r.get_or_add_rPr(), font)
            return r

        def char(kind: str):
            fc = _new("w:fldChar")
            fc.set(qn("w:fldCharType"), kind)
            run()._r.append(fc)

        char("begin")
        it = _new("w:instrText")
        it.set(qn("xml:space"), "preserve")
        it.text = f" {instr} "
        run()._r.append(it)
        char("separate")
        run().text = "1"
        char("end")

    def _run_props(self, font: str, bold: bool | None) -> str:
        rpr = _new("w:rPr")
        self._fonts(rpr, font)
        if bold is not None:
            _set(rpr, "w:b", val="1" if bold else "0")
            _set(rpr, "w:bCs", val="1" if bold else "0")
        return _xml(rpr)

    def _make_template(self, looks: dict[int, str]) -> Template:
        """Build the styled empty document with python-docx and cut it into plain data."""
        import io
        import zipfile

        from docx import Document

        doc = Document()
        body = doc.element.body
        for p in list(body.iterchildren(qn("w:p"))):
            body.remove(p)
        self._defaults(doc)
        self._page(doc)
        for k, name in FRONT_STYLES.items():
            self._style(doc, name, self.sheet.para(k))
        for depth, look in looks.items():
            self._style(doc, f"Heading {depth}", self.sheet.para(look), outline=depth - 1, keep_next=True)
        self._footers(doc)
        for rel in list(doc.part.package.rels.values()):
            if rel.reltype.endswith("/thumbnail"):  # python-docx's sample page, not ours
                doc.part.package.rels.pop(rel.rId)
        ids = {name: doc.styles[name].style_id for name in
               (*FRONT_STYLES.values(), *(f"Heading {d}" for d in looks))}
        lead = self.sheet.lead
        body_font = self.sheet.para("body").font
        fonts = {(self.sheet.para(k).font, None) for k in (*FRONT_STYLES, *LOOKS)}
        fonts.add((lead.font or body_font, lead.bold))
        heading = {}
        for look in LOOKS:
            ps = self.sheet.para(look)
            rpr = _new("w:rPr")
            self._rpr(rpr, ps)
            for depth in range(1, MAX_DEPTH + 1):
                ppr = _new("w:pPr")
                self._ppr(ppr, ps, depth - 1, keep_next=True)
                heading[(look, depth)] = ("".join(_xml(c) for c in ppr), _xml(rpr))
        raw = io.BytesIO()
        doc.save(raw)
        with zipfile.ZipFile(raw) as z:
            entries = {n: z.read(n) for n in z.namelist()}
        xml = entries.pop("word/document.xml").decode("utf-8")
        entries.pop("docProps/core.xml", None)
        cut = xml.rindex("<w:sectPr")
        return Template(zip=package(entries), head=xml[:cut], tail=xml[cut:], ids=ids,
                        rpr={f: self._run_props(*f) for f in fonts}, heading=heading)

    def _template(self, looks: dict[int, str]) -> Template:
        """The template for these heading looks: from memory, from the user cache, or new."""
        looks_key = tuple(sorted(looks.items()))
        if looks_key in self._templates:
            return self._templates[looks_key]
        entry = cache.key("docx", repr(self.sheet), looks_key)
        data = cache.load("docx", entry)
        if isinstance(data, dict) and _TEMPLATE_TYPES.items() <= {k: type(v) for k, v in data.items()}.items():
            template = Template(data)
        else:
            template = self._make_template(looks)
            cache.save("docx", entry, dict(template))
        self._templates[looks_key] = template
        return template

    # ---- the report (plain text assembly) ----------------------------------------------
    def write(self, report: Report) -> tuple[bytes, dict[str, bytes]]:
        """(base package, the report's own parts): for output.stamp to put together."""
        sheet = self.sheet
        looks = self._heading_looks(report)
        t = self._template(looks)
        ids, rprs = t["ids"], t["rpr"]
        lead_font, lead_bold = sheet.lead.font or sheet.para("body").font, sheet.lead.bold
        texts: list[str] = []
        out: list[str] = []

        def run(text: str, font: str, bold=None) -> str:
            return f'<w:r>{rprs[(font, bold)]}<w:t xml:space="preserve">{xml_escape(text)}</w:t></w:r>'

        def para(style: str, font: str, text: str, lead: str = "", ppr: str = "", rpr: str = ""):
            runs = run(lead, lead_font, lead_bold) if lead else ""
            if text:
                runs += (f'<w:r>{rpr}<w:t xml:space="preserve">{xml_escape(text)}</w:t></w:r>' if rpr
                         else run(text, font))
            out.append(f'<w:p><w:pPr><w:pStyle w:val="{ids[style]}"/>{ppr}</w:pPr>{runs}</w:p>')
            texts.append(lead + text)

        meta = report.meta
        for look, text in front_blocks(report):
            para(FRONT_STYLES[look], sheet.para(look).font, text)
        body_font = sheet.para("body").font
        for depth, node in report.walk():
            if isinstance(node, Paragraph):
                para("Normal", body_font, node.text, node.lead)
            elif node.heading:
                look = self._look(node)
                style = f"Heading {depth}"
                if look == looks.get(depth) or depth > MAX_DEPTH:
                    para(style, sheet.para(look).font, node.number + node.heading)
                else:
                    # a heading whose numbering differs from its level's style: direct formatting
                    ppr, rpr = t["heading"][(look, depth)]
                    para(style, "", node.number + node.heading, ppr=ppr, rpr=rpr)
        self.paragraph_texts = texts
        now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        document = t["head"] + "".join(out) + t["tail"]
        return t["zip"], {"word/document.xml": document.encode("utf-8"),
                          "docProps/core.xml": CORE_XML.format(title=xml_escape(meta.title), now=now).encode("utf-8")}

    _look = staticmethod(look_of)

    def _heading_looks(self, report: Report) -> dict[int, str]:
        looks: dict[int, str] = {}
        for depth, node in report.walk():
            if isinstance(node, Section) and node.heading:
                looks.setdefault(depth, self._look(node))
        return looks
