"""Report tree -> DOCX laid out by the style sheet (GB/T 9704 by default)."""
from __future__ import annotations

import copy
import io
import math

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from ..style import ParaStyle, StyleSheet
from ..tree import Paragraph, Part, Report, Section

# Which look of the style sheet a heading gets, by its numbering form.
LOOK_BY_FORM = {"cn": "h1", "paren_cn": "h2", "arabic": "h3", "paren_arabic": "h4", "plain": "h1"}
JC = {"两端": "both", "居中": "center", "左": "left", "右": "right"}
CUSTOM_STYLES = {"byline": "署名", "salutation": "称呼", "page_number": "页码"}


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
        el = _insert(parent, OxmlElement(tag))
    for k, v in attrs.items():
        el.set(qn(f"w:{k}"), str(v))
    return el


def _clear(el):
    for child in list(el):
        el.remove(child)


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


class DocxWriter:
    def __init__(self, sheet: StyleSheet, reuse: bool = False):
        """`reuse`: many reports will be written (a batch): keep the styled base document."""
        self.sheet = sheet
        self.reuse = reuse
        self.grid = Grid(sheet)
        self._rpr_cache: dict = {}
        self._base_cache: dict = {}
        self.paragraph_texts: list[str] = []

    # ---- fonts and styles ------------------------------------------------------------
    def _fonts(self, rpr, east_asian: str):
        latin = self.sheet.latin_font
        rf = rpr.find(qn("w:rFonts"))
        if rf is not None:
            rpr.remove(rf)
        rf = OxmlElement("w:rFonts")
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
            grid = OxmlElement("w:docGrid")
            sectpr.append(grid)
        grid.set(qn("w:type"), "lines")
        grid.set(qn("w:linePitch"), _tw(self.grid.line))

    def _footers(self, doc):
        pn = self.sheet.page_number
        ps = ParaStyle.model_construct(font=pn.font, size=pn.size, indent=0, align="右", bold=False,
                                       before=0, after=0)
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

    # ---- content -----------------------------------------------------------------------
    def _text_run(self, p, text: str, font: str, bold: bool | None = None):
        if not text:
            return None
        r = p.add_run(text)
        rpr = r._r.get_or_add_rPr()
        self._fonts(rpr, font)
        if bold is not None:
            _set(rpr, "w:b", val="1" if bold else "0")
            _set(rpr, "w:bCs", val="1" if bold else "0")
        return r

    def _field(self, p, instr: str, font: str):
        def run():
            r = p.add_run()
            self._fonts(r._r.get_or_add_rPr(), font)
            return r

        def char(kind: str):
            fc = OxmlElement("w:fldChar")
            fc.set(qn("w:fldCharType"), kind)
            run()._r.append(fc)

        char("begin")
        it = OxmlElement("w:instrText")
        it.set(qn("xml:space"), "preserve")
        it.text = f" {instr} "
        run()._r.append(it)
        char("separate")
        run().text = "1"
        char("end")

    def _run_props(self, font: str, bold: bool | None):
        """The w:rPr of a text run, built once per font and weight and copied after that."""
        key = (font, bold)
        rpr = self._rpr_cache.get(key)
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            self._fonts(rpr, font)
            if bold is not None:
                _set(rpr, "w:b", val="1" if bold else "0")
                _set(rpr, "w:bCs", val="1" if bold else "0")
            self._rpr_cache[key] = rpr
        return copy.deepcopy(rpr)

    def _run(self, p, text: str, font: str, bold: bool | None = None):
        r = OxmlElement("w:r")
        r.append(self._run_props(font, bold))
        t = OxmlElement("w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = text
        r.append(t)
        p.append(r)

    def _para(self, body, style_id: str, ps: ParaStyle, text: str, lead: str = ""):
        """A paragraph written straight into the body (python-docx's per-paragraph style
        lookup by name is most of the writing time)."""
        p = OxmlElement("w:p")
        ppr = OxmlElement("w:pPr")
        pstyle = OxmlElement("w:pStyle")
        pstyle.set(qn("w:val"), style_id)
        ppr.append(pstyle)
        p.append(ppr)
        if lead:
            self._run(p, lead, self.sheet.lead.font or ps.font, bold=self.sheet.lead.bold)
        if text:
            self._run(p, text, ps.font)
        body.insert(len(body) - 1, p)  # before the section properties, which close the body
        self.paragraph_texts.append(lead + text)
        return p

    def _base(self, looks: dict[int, str]):
        """The styled empty document (page, styles, footers) for these heading looks; in a
        batch it is kept as bytes and reopened for each report."""
        key = tuple(sorted(looks.items()))
        if key in self._base_cache:
            return Document(io.BytesIO(self._base_cache[key]))
        doc = Document()
        body = doc.element.body
        for p in list(body.iterchildren(qn("w:p"))):
            body.remove(p)
        self._defaults(doc)
        self._page(doc)
        names = {"body": "Normal", "title": "Title", "subtitle": "Subtitle",
                 "byline": CUSTOM_STYLES["byline"], "salutation": CUSTOM_STYLES["salutation"]}
        for k, name in names.items():
            self._style(doc, name, self.sheet.para(k))
        for depth, look in looks.items():
            self._style(doc, f"Heading {depth}", self.sheet.para(look), outline=depth - 1, keep_next=True)
        self._footers(doc)
        if self.reuse:
            out = io.BytesIO()
            doc.save(out)
            self._base_cache[key] = out.getvalue()
        return doc

    def build(self, report: Report):
        """The report as a python-docx Document (not yet saved)."""
        sheet = self.sheet
        looks = self._heading_looks(report)
        doc = self._base(looks)
        body = doc.element.body
        ids = {name: doc.styles[name].style_id for name in
               ("Normal", "Title", "Subtitle", CUSTOM_STYLES["byline"], CUSTOM_STYLES["salutation"],
                *(f"Heading {d}" for d in looks))}
        self.paragraph_texts = []

        meta = report.meta
        front = [("Title", "title", meta.title), ("Subtitle", "subtitle", meta.subtitle),
                 ("Subtitle", "subtitle", "——" + meta.meeting if meta.meeting else ""),
                 (CUSTOM_STYLES["byline"], "byline", meta.speaker),
                 (CUSTOM_STYLES["byline"], "byline", meta.date_text),
                 (CUSTOM_STYLES["salutation"], "salutation", meta.salutation)]
        for style, look, text in front:
            if text:
                self._para(body, ids[style], sheet.para(look), text)
        body_style = sheet.para("body")
        for depth, node in report.walk():
            if isinstance(node, Paragraph):
                self._para(body, ids["Normal"], body_style, node.text, node.lead)
            elif node.heading:
                look = self._look(node)
                ps = sheet.para(look)
                p = self._para(body, ids[f"Heading {depth}"], ps, node.number + node.heading)
                if look != looks.get(depth):
                    # a heading whose numbering differs from its level's style: direct formatting
                    ppr = p.find(qn("w:pPr"))
                    pstyle = ppr.find(qn("w:pStyle"))
                    self._ppr(ppr, ps, depth - 1, keep_next=True)
                    ppr.insert(0, pstyle)
                    for r in p.findall(qn("w:r")):
                        self._rpr(r.find(qn("w:rPr")), ps)
        doc.core_properties.title = meta.title
        doc.core_properties.author = "reportgen"
        return doc


    @staticmethod
    def _look(node: Section) -> str:
        if isinstance(node, Part) and node.form == "plain":
            return "part"
        return LOOK_BY_FORM.get(node.form, "h1")

    def _heading_looks(self, report: Report) -> dict[int, str]:
        looks: dict[int, str] = {}
        for depth, node in report.walk():
            if isinstance(node, Section) and node.heading:
                looks.setdefault(depth, self._look(node))
        return looks
