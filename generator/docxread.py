"""A Word file's whole text, read as a stream and within bounds.

Body paragraphs in order, with accepted changes (insertions in, deletions out), tables row by
row, text boxes after their paragraph, equations' text, and footnotes and endnotes at the end
(注1:…). Comments, headers and footers are not body text. What can't be shown as text
(pictures, charts, embedded objects) is reported as a warning with its paragraph.

Bounds, checked before anything is parsed: the number of parts in the package, each part's
unpacked size, and while parsing, the XML's nesting; a part with a DTD is refused (Word writes
none; it is how entity bombs come in).
"""
from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from .errors import WARNING, Problem, ReportgenError, zip_errors

MAX_PARTS = 2000                   # parts in the package
MAX_PART_BYTES = 64_000_000        # one part unpacked (document.xml of ~200,000 paragraphs)
MAX_TOTAL_BYTES = 160_000_000      # the parts read, unpacked, together
MAX_DEPTH = 200                    # XML nesting
MAX_ELEMENTS = 3_000_000           # XML elements in one part (a report of 200,000 paragraphs has fewer)
MAX_SMALL_PART = 8_000_000         # styles, relationships: read whole (Word's are well under 1 MB)
MAX_HELD = 300_000                 # elements in one paragraph or table, held at once

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
R_DOC = "/officeDocument"
CELL_SEP = " | "

# inside a paragraph: left out whole (deleted text, field codes, comments' marks)
_SKIP = {W + n for n in ("del", "moveFrom", "instrText", "delInstrText", "commentReference",
                         "pPr", "rPr", "sectPr", "footnoteReference", "endnoteReference")}
_PICTURE = {W + "drawing", W + "pict", W + "object"}


@dataclass
class DocxText:
    lines: list[str] = field(default_factory=list)        # report text: '# 标题', '**引领句**正文'
    paragraphs: list[str] = field(default_factory=list)   # each body paragraph's text (as Word counts them)
    warnings: list[Problem] = field(default_factory=list)


_ZIP_ERRORS = zip_errors()


def _bad(path: Path, message: str, hint: str = "确认文件是 Word 保存的 .docx(不是 .doc 或改了扩展名的文件)"):
    return ReportgenError(Problem(message, str(path), hint=hint))


class _Package:
    """The zip's parts, each read at most once and within the bounds."""

    def __init__(self, path, name: str = ""):
        self.path = Path(name or path)
        try:
            self.zip = zipfile.ZipFile(path)
        except _ZIP_ERRORS as e:
            raise _bad(self.path, f"无法作为 Word 文档读取({type(e).__name__})") from None
        infos = self.zip.infolist()
        if len(infos) > MAX_PARTS:
            raise _bad(self.path, f"Word 文档的部件过多({len(infos)} 个,上限 {MAX_PARTS})")
        # every part counted, read or not (python-docx, for --annotate, unpacks them all)
        big = max(infos, key=lambda i: i.file_size, default=None)
        if big is not None and big.file_size > MAX_PART_BYTES or sum(i.file_size for i in infos) > MAX_TOTAL_BYTES:
            raise _bad(self.path, f"Word 文档解压后过大({big.filename} {big.file_size} 字节;每个部件上限 "
                                  f"{MAX_PART_BYTES},合计上限 {MAX_TOTAL_BYTES})",
                       "文件可能已损坏或是恶意构造的;请在 Word 中另存一份再试")
        self.sizes = {i.filename: i.file_size for i in infos}

    def open(self, name: str):
        if name not in self.sizes:
            return None
        try:
            return self.zip.open(name)
        except _ZIP_ERRORS as e:
            raise _bad(self.path, f"Word 文档已损坏或加密,无法读出 {name}({type(e).__name__})") from None

    def events(self, name: str):
        """(event, element) pairs of a part, streamed; a DTD, the depth, the number of elements
        (in the part, and held at once) and the syntax checked."""
        from lxml import etree

        raw = self.open(name)
        if raw is None:
            return
        depth = count = 0
        try:
            with raw:
                parse = etree.iterparse(raw, events=("start", "end"), resolve_entities=False, no_network=True,
                                        load_dtd=False, huge_tree=False, remove_comments=True, remove_pis=True)
                for event, el in parse:
                    if count == 0:
                        info = el.getroottree().docinfo
                        if info.internalDTD is not None or info.doctype:
                            raise _bad(self.path, f"Word 文档的 {name} 含有 DTD 声明(Word 不会写出),拒绝读取",
                                       "文件可能是恶意构造的;请在 Word 中另存一份再试")
                    if event == "start":
                        depth += 1
                        count += 1
                        if depth > MAX_DEPTH:
                            raise _bad(self.path, f"Word 文档的 {name} 嵌套过深(超过 {MAX_DEPTH} 层)",
                                       "文件可能是恶意构造的;请在 Word 中另存一份再试")
                        if count > MAX_ELEMENTS:
                            raise _bad(self.path, f"Word 文档的 {name} 元素过多(超过 {MAX_ELEMENTS:,} 个)",
                                       "文件可能是恶意构造的;请在 Word 中另存一份再试")
                    else:
                        depth -= 1
                    yield event, el
        except etree.XMLSyntaxError as e:
            raise _bad(self.path, f"Word 文档的 {name} 不是有效的 XML({e.msg})") from None
        except _ZIP_ERRORS as e:
            raise _bad(self.path, f"Word 文档已损坏或加密,无法读出 {name}({type(e).__name__})") from None

    def tree(self, name: str):
        """A small part (relationships, styles) as one element, bounded like the rest."""
        if self.sizes.get(name, 0) > MAX_SMALL_PART:
            raise _bad(self.path, f"Word 文档的 {name} 过大({self.sizes[name]} 字节,上限 {MAX_SMALL_PART})",
                       "文件可能已损坏或是恶意构造的;请在 Word 中另存一份再试")
        root = None
        for event, el in self.events(name):
            if event == "end" and el.getparent() is None:
                root = el
        return root

    def targets(self, rels: str) -> dict[str, str]:
        """Relationship type (its last path segment) -> the target part's name."""
        root = self.tree(rels)
        base = posixpath.dirname(posixpath.dirname(rels))
        out = {}
        for rel in root if root is not None else ():
            kind, target = rel.get("Type", ""), rel.get("Target", "")
            if rel.get("TargetMode") == "External" or not target:
                continue
            name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))
            out.setdefault(kind[kind.rfind("/"):], name)
        return out


@dataclass
class _Style:
    name: str = ""
    based: str = ""
    outline: int | None = None
    bold: bool | None = None
    numbering: object = None     # w:numPr: the style numbers its paragraphs


def _on(el) -> bool:
    """A toggle property (w:b): on unless its value says off."""
    return el is not None and el.get(W + "val", "true").lower() not in ("0", "false", "off", "none")


class _Styles:
    def __init__(self, root):
        self.styles: dict[str, _Style] = {}
        self.default_para = ""
        for st in root.iter(W + "style") if root is not None else ():
            sid = st.get(W + "styleId", "")
            name = st.find(W + "name")
            based = st.find(W + "basedOn")
            outline = st.find(f"{W}pPr/{W}outlineLvl")
            bold = st.find(f"{W}rPr/{W}b")
            self.styles[sid] = _Style(name.get(W + "val", "") if name is not None else "",
                                      based.get(W + "val", "") if based is not None else "",
                                      int(outline.get(W + "val", "9")) if outline is not None
                                      and (outline.get(W + "val") or "").isdigit() else None,
                                      _on(bold) if bold is not None else None, st.find(f"{W}pPr/{W}numPr"))
            if st.get(W + "type") == "paragraph" and st.get(W + "default") in ("1", "true", "on"):
                self.default_para = sid

    def _chain(self, sid: str):
        seen = set()
        while sid and sid not in seen and sid in self.styles:
            seen.add(sid)
            yield self.styles[sid]
            sid = self.styles[sid].based

    def level(self, sid: str) -> int:
        """Heading level of a paragraph style (Heading 2, 标题 2, or an outline level), 0 if none."""
        for st in self._chain(sid or self.default_para):
            m = re.fullmatch(r"(?i)(?:heading|标题)\s*(\d)", st.name.strip())
            if m:
                return int(m.group(1))
            if st.outline is not None:
                return st.outline + 1 if st.outline < 9 else 0
        return 0

    def numbering(self, sid: str):
        """The w:numPr a paragraph style (or one it is based on) numbers its paragraphs with."""
        return next((st.numbering for st in self._chain(sid) if st.numbering is not None), None)

    def bold(self, sid: str) -> bool:
        return next((st.bold for st in self._chain(sid) if st.bold is not None), False)


def _alternative(el):
    """The one branch of mc:AlternateContent to read (Choice, else Fallback): both hold the
    same text box, drawn two ways."""
    choice = el.find(MC + "Choice")
    if choice is None:
        choice = el.find(MC + "Fallback")
    return choice


def _text_boxes(el):
    """The outermost text boxes inside a drawing (their inner ones come with their paragraphs)."""
    for box in el.iter(W + "txbxContent"):
        up = box.getparent()
        while up is not None and up is not el and up.tag != W + "txbxContent":
            up = up.getparent()
        if up is None or up is el:
            yield box


def _format(n: int, fmt: str) -> str:
    """A list number in Word's number format (chineseCounting: 三, decimal: 3, …); '' for a bullet."""
    from .numbering import cn

    n = max(n, 0)
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand",
               "ideographDigital", "japaneseCounting"):
        return cn(n) if n <= 9999 else str(n)
    if fmt in ("chineseLegalSimplified",):
        return (cn(n) if n <= 9999 else str(n)).translate(str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟"))
    if fmt == "ideographTraditional":
        return "甲乙丙丁戊己庚辛壬癸"[(n - 1) % 10] if n else ""
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n)
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (n - 1) % 26) if n else ""
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        vals = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
        out, left = "", min(n, 3999)
        for v, r in vals:
            while left >= v:
                out, left = out + r, left - v
        return out if fmt == "upperRoman" else out.lower()
    if fmt in ("bullet", "none"):
        return ""
    return str(n)    # decimal and the rest


class _Numbering:
    """Word's automatic numbering (numbering.xml): the label a numbered paragraph shows
    (一、 （一） 1. ), counted as Word counts: a level's count restarts after a higher level."""

    def __init__(self, root):
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}   # abstractNumId -> ilvl -> (start, fmt, text)
        self.nums: dict[str, str] = {}                                 # numId -> abstractNumId
        self.counts: dict[str, list[int]] = {}
        if root is None:
            return
        for ab in root.iter(W + "abstractNum"):
            levels = {}
            for lvl in ab.iter(W + "lvl"):
                start, fmt, text = lvl.find(W + "start"), lvl.find(W + "numFmt"), lvl.find(W + "lvlText")
                try:
                    i = int(lvl.get(W + "ilvl", "0"))
                    first = int(start.get(W + "val", "1")) if start is not None else 1
                except ValueError:
                    continue
                levels[i] = (first, fmt.get(W + "val", "decimal") if fmt is not None else "decimal",
                             text.get(W + "val", "") if text is not None else "")
            self.levels[ab.get(W + "abstractNumId", "")] = levels
        for num in root.iter(W + "num"):
            ref = num.find(W + "abstractNumId")
            if ref is not None:
                self.nums[num.get(W + "numId", "")] = ref.get(W + "val", "")

    def label(self, num_id: str, ilvl: int) -> str:
        levels = self.levels.get(self.nums.get(num_id, ""), {})
        if num_id == "0" or ilvl not in levels or not 0 <= ilvl < 9:
            return ""
        counts = self.counts.setdefault(num_id, [0] * 9)
        counts[ilvl] += 1
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = 0
        _, fmt, text = levels[ilvl]
        if fmt == "bullet" or not text:
            return ""

        def number(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            start, f, _ = levels.get(k, (1, "decimal", ""))
            return _format(start + max(counts[k], 1) - 1 if 0 <= k < 9 else 0, f)
        return re.sub(r"%(\d)", number, text)


_WRAPPERS = {W + "sdt", W + "sdtContent", W + "customXml", W + "smartTag"}


def _kids(el, *tags) -> list:
    """The children of `el` with these tags, in order, looking through content controls and
    custom XML wrapped around them (a row's cell inside w:sdt is still the row's cell)."""
    out = []
    for child in el:
        if child.tag in tags:
            out.append(child)
        elif child.tag in _WRAPPERS:
            out += _kids(child, *tags)
    return out


class _Reader:
    def __init__(self, package: _Package, styles: _Styles, numbers: _Numbering | None = None):
        self.package = package
        self.styles = styles
        self.numbers = numbers or _Numbering(None)
        self.out = DocxText()
        self.pictures: list[int] = []      # paragraphs holding a picture, chart or object
        self.unread: list[int] = []        # where an imported document (altChunk) stands

    # a paragraph ------------------------------------------------------------------------------
    def paragraph(self, p) -> tuple[str, str, int, list]:
        """(text, bold lead, heading level, text boxes' paragraphs) of a w:p."""
        runs: list[tuple[str, bool]] = []
        boxes: list = []
        self._walk(p, runs, boxes)
        text = "".join(t for t, _ in runs)
        lead = ""
        for t, bold in ((t, b) for t, b in runs if t):
            if not bold:
                break
            lead += t
        ppr = p.find(W + "pPr")
        sid = ""
        level = 0
        if ppr is not None:
            st = ppr.find(W + "pStyle")
            sid = st.get(W + "val", "") if st is not None else ""
            outline = ppr.find(W + "outlineLvl")
            if outline is not None and (outline.get(W + "val") or "").isdigit() and int(outline.get(W + "val")) < 9:
                level = int(outline.get(W + "val")) + 1
        level = level or self.styles.level(sid)
        num = ppr.find(W + "numPr") if ppr is not None else None
        if num is None:
            num = self.styles.numbering(sid)
        if num is not None and text.strip():
            ilvl, num_id = num.find(W + "ilvl"), num.find(W + "numId")
            try:
                label = self.numbers.label(num_id.get(W + "val", "") if num_id is not None else "",
                                           int(ilvl.get(W + "val", "0")) if ilvl is not None else 0)
            except ValueError:
                label = ""
            if label:   # the number Word shows before the text (一、 （一） 1.) is part of the heading
                text, lead = label + text.lstrip(), ""
        return text, lead, level, boxes

    def _walk(self, el, runs, boxes) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == W + "r":
                self._run(child, runs, boxes)
            elif tag == MC + "AlternateContent":
                alt = _alternative(child)
                if alt is not None:
                    self._walk(alt, runs, boxes)
            elif tag in (M + "oMath", M + "oMathPara"):
                runs.append(("".join(t.text or "" for t in child.iter(M + "t")), False))
            else:                         # w:ins, w:hyperlink, w:smartTag, w:sdt, w:fldSimple…
                self._walk(child, runs, boxes)

    def _run(self, r, runs, boxes) -> None:
        rpr = r.find(W + "rPr")
        bold = False
        if rpr is not None:
            b = rpr.find(W + "b")
            if b is not None:
                bold = _on(b)
            else:
                rs = rpr.find(W + "rStyle")
                bold = rs is not None and self.styles.bold(rs.get(W + "val", ""))
        pieces = []
        for c in r:
            tag = c.tag
            if tag == W + "t":
                pieces.append(c.text or "")
            elif tag == W + "tab":
                pieces.append("\t")
            elif tag in (W + "br", W + "cr"):
                pieces.append("\n")
            elif tag == W + "noBreakHyphen":
                pieces.append("-")
            elif tag == W + "ruby":                # 注音: the base text, not the reading above it
                base = c.find(W + "rubyBase")
                holder: list = []
                if base is not None:
                    self._walk(base, holder, boxes)
                pieces.append("".join(t for t, _ in holder))
            elif tag in _PICTURE or tag == MC + "AlternateContent":
                graphic = _alternative(c) if tag == MC + "AlternateContent" else c
                found = list(_text_boxes(graphic)) if graphic is not None else []
                for box in found:
                    boxes.extend(x for x in box if x.tag in (W + "p", W + "tbl"))
                if not found:
                    self.pictures.append(len(self.out.paragraphs) + 1)
        runs.append(("".join(pieces), bold))

    # blocks ------------------------------------------------------------------------------------
    def block(self, el, top: bool) -> None:
        """A body-level element: a paragraph or a table (a table's cells' paragraphs are not
        Word's body paragraphs, so they don't count for the paragraph numbers)."""
        if el.tag == W + "p":
            text, lead, level, boxes = self.paragraph(el)
            if top:
                self.out.paragraphs.append(text)
            self._emit(text, lead, level)
            for box in boxes:
                self.block(box, False)
        elif el.tag == W + "tbl":
            for row in _kids(el, W + "tr"):
                line = CELL_SEP.join(self._cell(tc) for tc in _kids(row, W + "tc")).strip(" |")
                if line:
                    self.out.lines.append(line)
        elif el.tag in (W + "sdt", W + "customXml"):   # content controls (a table of contents…):
            for child in _kids(el, W + "p") + _kids(el, W + "tbl"):   # not Word's body paragraphs
                self.block(child, False)
        elif el.tag == W + "altChunk":
            self.unread.append(len(self.out.paragraphs) + 1)

    def _cell(self, tc) -> str:
        """A cell's text: its paragraphs, and a table inside it row by row, on one line."""
        out = []
        for child in _kids(tc, W + "p", W + "tbl"):
            if child.tag == W + "p":
                out.append(self.paragraph(child)[0].strip())
            else:
                out += [" ".join(self._cell(c) for c in _kids(row, W + "tc")) for row in _kids(child, W + "tr")]
        return " ".join(t for t in out if t)

    def _emit(self, text: str, lead: str, level: int) -> None:
        text = text.strip()
        if not text:
            return
        if level:
            self.out.lines.append("#" * (level + 1) + " " + text.replace("\n", " "))
            return
        lead = lead.strip()
        if lead and lead != text and text.startswith(lead):
            self.out.lines.append(f"**{lead}**{text[len(lead):].lstrip()}")
        else:
            self.out.lines.append(text)

    def notes(self, name: str, label: str, start: int) -> int:
        """Footnotes or endnotes: 注N:text at the end of the text."""
        n = start
        for event, el in self.package.events(name):
            if event == "end" and el.tag in (W + "footnote", W + "endnote"):
                if el.get(W + "type") in (None, "normal"):
                    text = " ".join(t for t in (self.paragraph(p)[0].strip() for p in el.iter(W + "p")) if t)
                    if text:
                        n += 1
                        self.out.lines.append(f"{label}{n}:{text}")
                el.clear()
        return n


def read_docx(path, name: str = "") -> DocxText:
    """`path`: a file's path, or its bytes as a file object (then `name` names it in messages)."""
    package = _Package(path, name)
    path = Path(name or path)
    with package.zip:
        main = package.targets("_rels/.rels").get(R_DOC, "word/document.xml")
        if main not in package.sizes:
            raise _bad(path, "不是 Word 文档:找不到正文部件")
        rels_name = posixpath.join(posixpath.dirname(main), "_rels", posixpath.basename(main) + ".rels")
        parts = package.targets(rels_name) if rels_name in package.sizes else {}
        styles = _Styles(package.tree(parts["/styles"]) if "/styles" in parts else None)
        reader = _Reader(package, styles, _Numbering(package.tree(parts["/numbering"]) if "/numbering" in parts else None))
        body_depth = None
        depth = held = 0
        for event, el in package.events(main):
            if event == "start":
                depth += 1
                held += 1
                if el.tag == W + "body":
                    body_depth = depth
                elif held > MAX_HELD and body_depth is not None:
                    raise _bad(path, f"Word 文档中有一个段落或表格过大(超过 {MAX_HELD:,} 个元素)",
                               "文件可能是恶意构造的;请在 Word 中另存一份再试")
                continue
            depth -= 1
            if body_depth is not None and depth == body_depth:   # a child of w:body, complete
                held = 0
                reader.block(el, True)
                el.clear()
                parent = el.getparent()
                while parent is not None and el.getprevious() is not None:
                    del parent[0]
        n = reader.notes(parts["/footnotes"], "注", 0) if "/footnotes" in parts else 0
        if "/endnotes" in parts:
            reader.notes(parts["/endnotes"], "注", n)
    out = reader.out
    if reader.unread:
        out.warnings.append(Problem(f"第 {reader.unread[0]} 段后有 {len(reader.unread)} 处导入的文档片段(altChunk),"
                                    "无法读入,已略过", str(path), reader.unread[0],
                                    hint="在 Word 中另存一份(导入的片段会变成正文)再读", level=WARNING))
    where = reader.pictures
    if where:
        shown = "、".join(f"第 {i} 段" for i in where[:5]) + (f"等 {len(where)} 处" if len(where) > 5 else "")
        out.warnings.append(Problem(f"{shown}有图片、图表或嵌入对象,无法作为文字读入,已略过", str(path), where[0],
                                    hint="图中的文字请另外录入", level=WARNING))
    return out
