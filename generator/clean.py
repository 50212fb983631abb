"""Captured reports -> clean report text: noise out, not one word of the report changed."""
from __future__ import annotations

import re
from functools import lru_cache

from .parse import ISO_DATE, is_meeting, part_role
from .resources import data_dir
from .script import simplified, simplified_lines
from .yamlio import load_data_file
from .typography import SENTENCE_END, invisible, is_cjk, xml_safe

_SPACES = re.compile(r"[ \t\u00a0\u3000]+")
_NUMBERED = re.compile(r"^([一二三四五六七八九十]{1,3}[、是]|[(\uff08][一二三四五六七八九十]{1,3}[)\uff09]|\d{1,2}[.、])")
_BR = re.compile(r"<br\s*/?>", re.I)
_ORDINAL = re.compile(r"^[一二三四五六七八九十]{1,3}是")


@lru_cache(maxsize=1)
def _rules() -> dict:
    data = load_data_file(data_dir() / "cleaning.yaml")
    rules = {k: [re.compile(p) for p in v] for k, v in data.items()}
    # one search a line: is it a publication line, has it any inline noise?
    rules["dated"] = re.compile(re.sub(r"\?P<\w+>", "", "|".join(f"(?:{p})" for p in data["dated_lines"])))
    rules["noise"] = re.compile("|".join(f"(?:{p})" for p in data["inline"] + data["pdf_inline"]))
    rules["chrome_lines"] += rules["upload_site"]
    return rules


_WORD_BEFORE = re.compile(r"[\u4e00-\u9fff]{2}$")
_WORD_AFTER = re.compile(r"[\u4e00-\u9fff]{2}")


_HEAD_GAP = re.compile(rf"^[一二三四五六七八九十]{{1,3}}、[^\s{SENTENCE_END}]{{4,40}}(?<=[\u4e00-\u9fff])( +)(?=[\u4e00-\u9fff])")


def _join_spaces(text: str) -> str:
    """Drop spaces a PDF put between Chinese characters and numbers; keep others."""
    head = _HEAD_GAP.match(text)
    if head and len(text) - head.end() >= 15 and re.search(f"[{SENTENCE_END}]", text[head.end():]):
        cut = head.start(1)   # 一、围绕中心,服务大局 五年来,…。: a heading run into its paragraph
        return _join_spaces(text[:cut]) + " " + _join_spaces(text[head.end():])

    def keep(m: re.Match) -> str:
        a, b = text[m.start() - 1] if m.start() else "", text[m.end()] if m.end() < len(text) else ""
        if not a or not b:
            return ""
        if len(m.group()) >= 2 and _WORD_BEFORE.search(text, 0, m.start()) and _WORD_AFTER.match(text, m.end()):
            return " "    # 到会指导  朱某某作…报告: a headline's phrases, not a PDF's spaced letters
        if (is_cjk(a) or a.isdigit()) and (is_cjk(b) or b.isdigit()) and not (a.isdigit() and b.isdigit()):
            return ""
        return " "
    return _SPACES.sub(keep, text)


_FRONT = re.compile(
    r"^(?P<title>.{6,80}?(报告|综述|回眸))\s*(?P<sub>——.{4,60}?会议上)\s*"
    r"(?P<speaker>.{0,20}?)\s*(?P<sal>(各位|尊敬的)\S{0,20}[:\uff1a])\s*(?P<rest>.*)$", re.S)


def _width(seg: str) -> float:
    """Visual width in characters: digits and Latin letters are half as wide."""
    return sum(0.5 if ch.isascii() else 1.0 for ch in seg)


def _numeric_gap(prev: str, seg: str) -> bool:
    """A PDF puts spaces around numbers and Latin words inside a line, never after a stop."""
    if prev[-1:] in SENTENCE_END:
        return False
    return (prev[-1:].isascii() and prev[-1:].isalnum()) or (seg[:1].isascii() and seg[:1].isalnum())


def _paragraphs(text: str) -> list[str]:
    """Rebuild PDF lines from space-separated segments, then paragraphs from short lines."""
    segments = [seg for seg in _SPACES.split(text) if seg]
    if not segments:
        return []
    widths = sorted(_width(seg) for seg in segments)
    full = widths[int(len(widths) * 0.9)]
    paragraphs, para, line, line_w, prev = [], "", "", 0.0, ""
    for seg in segments:
        w = _width(seg)
        if line and _numeric_gap(prev, seg) and line_w + 0.5 + w <= full + 1 and not part_role(line):
            line, line_w = line + seg, line_w + 0.5 + w   # the PDF's own space around a number
        else:
            if line:
                para += line
                # a short line ends a paragraph where a sentence or a heading ends (极不平凡的五 / 年。 is one)
                ends = line[-1:] in SENTENCE_END + "”’）)：:;；" or bool(_NUMBERED.match(para)) and len(para) <= 40
                heading = part_role(line) and not re.search("[,\uff0c]", line)   # (过去五年,是… is prose)
                if line_w < full - 3 and ends or _NUMBERED.match(seg) or heading:
                    paragraphs.append(para)
                    para = ""
            line, line_w = seg, w
        prev = seg
    para += line
    if para:
        paragraphs.append(para)
    return paragraphs


def _unwrap(text: str) -> list[str]:
    """A whole document extracted as one line (a newspaper PDF): split it back into paragraphs."""
    lines = []
    m = _FRONT.match(text)
    if m:
        lines += [_join_spaces(m["title"]), _join_spaces(m["sub"])]
        speaker = m["speaker"].strip()
        dated = re.match(r"[(\uff08][^)\uff09]{6,16}[)\uff09]", speaker)   # (2018年1月21日) 张某某
        if dated:
            lines.append(dated.group())
            speaker = speaker[dated.end():].strip()
        if speaker:
            lines.append(_SPACES.sub(" ", speaker))
        lines.append(m["sal"])
        text = m["rest"]
    return lines + _paragraphs(text)


def _markdown(line: str) -> str:
    """A wholly bold numbered line is a heading line; # headings and **leads** (一是…) stay marked."""
    m = re.fullmatch(r"\*\*(.+?)\*\*", line)
    if m and _NUMBERED.match(m.group(1)) and not _ORDINAL.match(m.group(1)):
        return m.group(1)
    return line


def clean_text(raw: str, removed: list[str] | None = None, markdown: bool = False) -> str:
    """Report text of a capture: page noise out, every word of the report kept. What was taken
    out is added to `removed` (whole lines, or the pieces cut from a line). `markdown`: lines
    wrapped inside a paragraph (pandoc's, an editor's) are one paragraph."""
    rules = _rules()
    gone = removed if removed is not None else []
    hidden = invisible(raw)
    if hidden:
        gone.append("看不见的控制字符 " + "、".join(hidden))
    raw = xml_safe(raw)
    lines: list[str] = []
    from_pdf = False  # page markers or newspaper notes: lines may be cut mid-sentence
    raw = _BR.sub("\n", raw.replace("\r\n", "\n").replace("\r", "\n"))  # a WPS/pandoc line break
    raw_lines = _markdown_blocks([ln.strip(" \t\u00a0\u3000") for ln in raw.split("\n")], gone)
    raw_lines = _link_lists(raw_lines, gone, rules["dated"])
    raw_lines = _unwrap_fixed(raw_lines, rules["pdf_inline"])
    if markdown:
        raw_lines = _unwrap_soft(raw_lines)
    keys = simplified_lines(raw_lines)
    # (a document-sharing site's time line is the upload's: no date of the report)
    uploaded = any(p.search(k) for k in keys[:60] for p in rules["upload_site"])
    for line, key in zip(raw_lines, keys):
        stamp = next((m for m in (p.match(key) for p in rules["dated_prefix"]) if m), None)
        if stamp:
            gone.append(line[:stamp.end()].strip())
            lines.append(stamp["date"])
            line, key = line[stamp.end():].strip(), key[stamp.end():].strip()
        if not line:
            continue
        kind = _whole_line(key, rules)  # a publication or chrome line, as captured
        if kind and uploaded or uploaded and ISO_DATE.match(key):
            kind = ""   # (2024-05-11 alone on a shared document's page: its upload)
        if kind is None and rules["noise"].search(key):
            cut = False
            for p in rules["inline"] + rules["pdf_inline"]:
                spans = [m.span() for m in p.finditer(key)]
                for a, b in reversed(spans):  # cut from the writer's text where the key matched
                    gone.append(line[a:b].strip())
                    # a space keeps two Latin words apart; Chinese and punctuation need none
                    sep = " " if line[a - 1:a].isalnum() and line[a - 1:a].isascii() \
                        and line[b:b + 1].isalnum() and line[b:b + 1].isascii() else ""
                    line, key = line[:a] + sep + line[b:], key[:a] + sep + key[b:]
                from_pdf = from_pdf or bool(spans and p in rules["pdf_inline"])
                cut = cut or bool(spans)
            line, key = line.strip(), key.strip()
            if cut and line:  # or once its inline noise is cut
                kind = _whole_line(key, rules)
        if kind is not None:
            gone.append(line)
            if kind:
                lines.append(kind)  # a publication line's date is kept: a page's stamp
            continue
        if len(line) > 3000 or len(line) > 300 and _FRONT.match(line):   # a document run into one line
            from_pdf = True
            lines.extend(_unwrap(line))
        elif line:
            lines.append(_join_spaces(line) if not re.search(r"[\u4e00-\u9fff] [\u4e00-\u9fff]{2,}$", line)
                         or len(line) > 40 else line)
    lines = [_markdown(ln) for ln in lines]
    return "\n\n".join(_rejoin(lines) if from_pdf else lines) + "\n"


_META_KEYS = {"title": 0, "subtitle": 1, "author": 2, "date": 3}


def _markdown_blocks(lines: list[str], gone: list[str]) -> list[str]:
    """pandoc's front matter and underlined headings as report lines: a YAML metadata block
    (--- title: … ---) gives the title, subtitle, author and date lines; Title/=== is a heading."""
    out = list(lines)
    if out and out[0] == "---" and any(ln in ("---", "...") for ln in out[1:40]):
        end = next(i for i in range(1, len(out)) if out[i] in ("---", "..."))
        front: dict[int, str] = {}
        for ln in out[1:end]:
            key, _, value = ln.partition(":")
            value = value.strip().strip("'\"")
            if key.strip().lower() in _META_KEYS and value:
                front[_META_KEYS[key.strip().lower()]] = value
            elif ln:
                gone.append(ln)
        out = [x for k in sorted(front) for x in (front[k], "")] + out[end + 1:]
    for i in range(1, len(out)):
        if out[i - 1] and re.fullmatch(r"={3,}|-{3,}", out[i]) and not re.fullmatch(r"[=\-\s]+", out[i - 1]):
            out[i - 1] = ("# " if out[i][0] == "=" else "## ") + out[i - 1]
            out[i] = ""
    return out


_LINK_ITEM = re.compile(r"^(?:[-*+•·]\s*)(?P<text>\S.{1,58})$")


def _link_lists(lines: list[str], gone: list[str], dated: re.Pattern) -> list[str]:
    """A page's list of links (3 or more short bulleted headlines) above the text is the page's;
    a publication line among them (• 发布时间 :2019-02-27) is not a link."""
    out: list[str] = []
    run: list[str] = []
    body = False   # past the first paragraph: lists from here on are the report's
    for line in lines + [None]:
        m = None if body or line is None else _LINK_ITEM.match(line)
        if m and not _NUMBERED.match(m["text"]) and m["text"][-1] not in SENTENCE_END:
            run.append(line)
            continue
        if line == "" and run:
            run.append(line)   # blank lines between the items
            continue
        items = [x for x in run if x]
        if len(items) >= 3:
            for x in items:
                (out if dated.search(x) else gone).append(x)
        else:
            out.extend(run)
        run = []
        if line is not None:
            body = body or len(line) > 60
            out.append(line)
    return out


_HAN = re.compile("[\u4e00-\u9fff]")


def _unwrap_fixed(lines: list[str], markers: list[re.Pattern]) -> list[str]:
    """A text wrapped at a fixed width (a gazetteer database's page: every full line 36 to 37
    characters wide, 数的40.68%;非中共委员l56名,占委员总 / 数的59.32%) has its paragraphs joined back:
    a full line runs on into the line right below it. A line cut short by a capture (…�) is no
    wrapped line; a page's number between two lines of a paragraph (— 3 —) is passed over."""
    widths = [_width(ln) if _HAN.search(ln) and not ln.endswith("\ufffd") else 0 for ln in lines]   # (not an address line)
    wide = [w for w in widths if w >= 20]
    if len(wide) < 4:
        return lines
    full = max(wide) - 3
    if sum(w >= full for w in wide) * 2 < len(wide) or sum(w >= full for w in wide) < 4:
        return lines
    marked = [bool(line) and any(p.fullmatch(line) for p in markers) for line in lines]
    # (…作为首 / (blank) / — 3 — / (blank) / 要政治任务: the blank lines around a page's number go with it)
    keep = [line != "" or not (i and marked[i - 1] or i + 1 < len(lines) and marked[i + 1]) for i, line in enumerate(lines)]
    lines, widths, marked = ([x for x, k in zip(xs, keep) if k] for xs in (lines, widths, marked))
    out: list[str] = []
    run_on, last = False, 0   # (last: the line in out a paragraph's next line runs on into)
    for line, w, mark in zip(lines, widths, marked):
        if mark:
            out.append(line)
            continue
        if run_on and line and not _front_break(out[last], line):
            out[last] += line
        else:
            out.append(line)
            last = len(out) - 1
        run_on = bool(line) and w >= full
    return out


_FRONT_START = re.compile(r"^(?:各位|尊敬的)[^。,\uff0c]{0,20}[:\uff1a]$|^[(\uff08]\s*\d{4}\s*年[^)\uff09]{2,40}[)\uff09]$")   # 各位委员: / (2025年…通过)
_BULLET = re.compile(r"^[•·]\s*")
_SENT_END_IN = re.compile(f"[{SENTENCE_END}]")
_HEADING_MARK = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|[(\uff08][一二三四五六七八九十]{1,3}[)\uff09])")


def _front_break(line: str, nxt: str) -> bool:
    """No run-on from a full line that ends a unit of front matter into one that starts another:
    a title as wide as the text over its stamp, meeting line, date or speaker, a meeting line
    over the speaker, a title printed twice, any line over the salutation; nor from a line
    ending a sentence into a heading (…。 / (一)…, …。 / 2023年工作回顾)."""
    a, b = (_BULLET.sub("", simplified(x).strip()) for x in (line, nxt))
    return bool(ISO_DATE.match(b) or _FRONT_START.match(b) or is_meeting(a) or is_meeting(b) or a == b
                or re.search("(报告|决议)$", a) and re.fullmatch(r"[\u4e00-\u9fff ]{2,14}", b)
                or a[-1:] in SENTENCE_END + ":\uff1a;\uff1b" and (_HEADING_MARK.match(b) or len(b) <= 16 and part_role(b) and not _SENT_END_IN.search(b)))


_BLOCK_START = re.compile(r"^(#|[-*+>|]\s|!\[|\*\*|\d{1,2}[.、]|[(\uff08]?[一二三四五六七八九十]{1,3}[、)\uff09])")


def _unwrap_soft(lines: list[str]) -> list[str]:
    """Markdown: a line that continues a paragraph (no blank line, no heading or list mark, the
    line before it not ended by a stop) is joined to it; a space only between two Latin words."""
    out: list[str] = []
    for line in lines:
        prev = out[-1] if out else ""
        if (prev and line and not _BLOCK_START.match(line) and not prev.startswith("#")
                and prev[-1] not in SENTENCE_END + "”:\uff1a;\uff1b"):  # a Chinese paragraph ends with a stop
            sep = " " if prev[-1].isascii() and line[0].isascii() and prev[-1].isalnum() else ""
            out[-1] = prev + sep + line
        else:
            out.append(line)
    return out


WHOLE_LINE_MAX = 160   # page furniture is short: a longer line is text (and checked no further)


def _whole_line(key: str, rules: dict) -> str | None:
    """The date a publication line keeps, '' for a line of page furniture, None for text."""
    if len(key) > WHOLE_LINE_MAX:
        return None
    if rules["dated"].search(key):
        m = next(m for m in (p.search(key) for p in rules["dated_lines"]) if m)
        return m["date"] if "date" in m.re.groupindex else f"{m['y']}-{int(m['m']):02}-{int(m['d']):02}"
    return "" if any(p.search(key) for p in rules["chrome_lines"]) else None


def _rejoin(lines: list[str]) -> list[str]:
    """Re-join a paragraph that a page break cut mid-sentence (in linear time: a paragraph's
    pieces are gathered and joined once)."""
    out: list[list[str]] = []
    size = 0          # characters in the paragraph being gathered
    for line in lines:
        if out:
            first, last = out[-1][0], out[-1][-1]
            is_text = size > 60 or re.match(r"^\*\*.+?\*\*.", first)
            if (is_text and last[-1] not in SENTENCE_END + "”:\uff1a;\uff1b*—"
                    and not _NUMBERED.match(line) and not line.startswith("**")):
                out[-1].append(line)
                size += len(line)
                continue
        out.append([line])
        size = len(line)
    return ["".join(pieces) for pieces in out]
