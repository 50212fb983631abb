"""Traditional and simplified characters: patterns are written in simplified characters and
matched against a simplified copy of the text (OpenCC), of the same length, so that what a
match finds is cut from the writer's own characters."""
from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s.json")


def _likely_traditional(text: str) -> bool:
    """Cheap test: any character outside ASCII that OpenCC would change."""
    return not text.isascii() and _converter().convert(text) != text


# full-width digits (２０２３年) read as ASCII ones, also character for character
_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_FULL_WIDTH_DIGIT = re.compile("[０-９]")


def _digits(text: str) -> str:
    return text.translate(_DIGITS) if _FULL_WIDTH_DIGIT.search(text) else text  # (translate is slow)


def simplified(text: str) -> str:
    """`text` in simplified characters, character for character (same length, same offsets)."""
    if text.isascii():
        return text
    text = _digits(text)
    out = _converter().convert(text)
    if len(out) == len(text):
        return out
    # a phrase rule changed the length: convert character by character instead
    conv = _converter().convert
    return "".join(c if len(c) == 1 else ch for ch, c in ((ch, conv(ch)) for ch in text))


def simplified_lines(lines: list[str]) -> list[str]:
    """Each line in simplified characters; the whole text is converted once when nothing changes."""
    joined = "\n".join(lines)
    if joined.isascii() or not _likely_traditional(joined):
        return [_digits(ln) for ln in lines] if _FULL_WIDTH_DIGIT.search(joined) else list(lines)
    return [simplified(ln) for ln in lines]
