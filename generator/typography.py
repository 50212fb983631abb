"""Chinese typography: full-width punctuation and curly quotes in Chinese text.

Full-width marks are written as escapes here: COMMA is U+FF0C and so on.
"""
from __future__ import annotations

import re

COMMA, COLON, SEMI, BANG, QUERY, LPAREN, RPAREN = (
    "\uff0c", "\uff1a", "\uff1b", "\uff01", "\uff1f", "\uff08", "\uff09")
_FULL = {",": COMMA, ":": COLON, ";": SEMI, "!": BANG, "?": QUERY, "(": LPAREN, ")": RPAREN}
# marks that end a sentence, and marks that continue one, in either width
SENTENCE_END = "。!?" + BANG + QUERY
CLAUSE_MARKS = ",;:" + COMMA + SEMI + COLON + "、"


def is_cjk(ch: str) -> bool:
    o = ord(ch)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x3000 <= o <= 0x303F
            or 0xFF00 <= o <= 0xFFEF or ch in "“”‘’《》—…·")


def _neighbour_cjk(chars: list[str], i: int) -> bool:
    """Is the nearest non-space character on either side Chinese (or already full-width)?"""
    j = i - 1
    while j >= 0 and chars[j] == " ":
        j -= 1
    k = i + 1
    while k < len(chars) and chars[k] == " ":
        k += 1
    return (j >= 0 and is_cjk(chars[j])) or (k < len(chars) and is_cjk(chars[k]))


_PAREN_NUM = re.compile(r"^\((\d{1,3})\)")
_TIGHT = re.compile(" *([" + COMMA + COLON + SEMI + BANG + QUERY + LPAREN + RPAREN + "“”、。]) *")


def _quotes(line: str) -> str:
    if '"' not in line:
        return line
    out, open_ = [], True
    for ch in line:
        if ch == '"':
            out.append("“" if open_ else "”")
            open_ = not open_
        else:
            out.append(ch)
    return "".join(out)


_WORK = re.compile(r'[,:;!?()"]')


def normalize_line(line: str) -> str:
    """ASCII punctuation next to Chinese text becomes full-width; straight quotes curl."""
    if not _WORK.search(line) or not any(is_cjk(c) for c in line):
        return line  # nothing it could change
    line = _PAREN_NUM.sub(LPAREN + r"\1" + RPAREN, line)
    chars = list(line)
    opened: list[bool] = []  # whether each open "(" was made full-width
    for i, ch in enumerate(chars):
        if ch not in _FULL:
            continue
        if ch == ")" and opened:
            if opened.pop():
                chars[i] = RPAREN
            continue
        wide = _neighbour_cjk(chars, i)
        if ch in ":," and 0 < i < len(line) - 1 and line[i - 1].isdigit() and line[i + 1].isdigit():
            wide = False
        if ch == "(":
            opened.append(wide)
        if wide:
            chars[i] = _FULL[ch]
    line = _TIGHT.sub(r"\1", "".join(chars))
    return _quotes(line)


def normalize(text: str) -> str:
    return "\n".join(normalize_line(ln) for ln in text.split("\n"))


# Characters XML 1.0 (and so a DOCX) cannot hold: C0 controls other than tab and newlines,
# lone surrogates, U+FFFE/U+FFFF. They arrive invisibly with copy-paste from Word and PDF.
# (written as the few ranges to drop: the complement class takes milliseconds to compile)
_NOT_XML = "\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff"
# Invisible characters that change what text means or how it is read: bidi controls (an RLO
# turns 一、工作回顾 around on screen) and zero-width ones (ZWSP inside a heading stops it
# being recognised). A Chinese report has no use for them.
INVISIBLE = "\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_DROPPED = re.compile(f"[{_NOT_XML}{INVISIBLE}]")
_INVISIBLE = re.compile(f"[{INVISIBLE}]")


def xml_safe(text: str) -> str:
    """Text without what XML can't hold and without invisible controls."""
    return _DROPPED.sub("", text)


def invisible(text: str) -> list[str]:
    """The invisible characters in `text`, named (U+202E), for a list of what was removed."""
    return sorted({f"U+{ord(ch):04X}" for ch in _INVISIBLE.findall(text)})
