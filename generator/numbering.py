"""Chinese heading numbers: written (cn) and read back (numbering)."""
from __future__ import annotations

import re

from .typography import LPAREN, RPAREN

_DIGITS = "零一二三四五六七八九"
CN_DIGITS = "〇一二三四五六七八九十百零两"
# a number followed by more numbers is running text: 一、二季度, 一、二、三产业, 3、4月份
_NOT_A_HEADING = rf"(?![{CN_DIGITS}\d]{{1,2}}(?:季度|月|日|号|、))"
NUMBER_FORMS = [
    ("cn", re.compile(rf"^([{CN_DIGITS}]{{1,4}})、\s*(?!\s){_NOT_A_HEADING}")),
    # (（一）、 with a stray 、 after the bracket is the same number)
    ("paren_cn", re.compile(rf"^[({LPAREN}]([{CN_DIGITS}]{{1,4}})[){RPAREN}]、?\s*(?!\s){_NOT_A_HEADING}")),
    ("arabic", re.compile(rf"^(\d{{1,2}})[.．、](?!\d)\s*(?!\s){_NOT_A_HEADING}")),
    ("paren_arabic", re.compile(rf"^[({LPAREN}](\d{{1,2}})[){RPAREN}]、?\s*")),
]


def cn(n: int) -> str:
    """0 … 9999 in Chinese numerals, as headings and 届次 are written: 十、十五、二十一、一百零五."""
    n = int(n)
    if not 0 <= n <= 9999:
        raise ValueError(f"{n} is out of range for Chinese numerals here")
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // value % 10
        if d:
            out += ("零" if zero else "") + _DIGITS[d] + unit
            zero = False
        elif out:
            zero = True
    return out


_ARABIC_COUNT = re.compile(r"(?<![\d.])(\d{1,2})(?=\s*(?:届|次(?:全体)?会议))")


def cn_counts(text: str) -> str:
    """14届4次会议 -> 十四届四次会议: a term and a session in Arabic numerals (a Taiwan or Hong Kong
    paper's, 第13届全国委员会第5次会议) as Chinese numerals, as the committee writes them."""
    return _ARABIC_COUNT.sub(lambda m: cn(int(m.group(1))), text)


_VALUES = {**{d: i for i, d in enumerate(_DIGITS)}, "〇": 0, "两": 2}
_UNITS = {"十": 10, "百": 100, "千": 1000}


def cn_value(text: str) -> int | None:
    """十五 -> 15, 二十一 -> 21, 一百零五 -> 105: Chinese numerals as 届次 and 会次 are written."""
    if not text or any(ch not in _VALUES and ch not in _UNITS for ch in text):
        return None
    total, digit = 0, None
    for ch in text:
        if ch in _UNITS:
            total += (1 if digit is None else digit) * _UNITS[ch]
            digit = None
        else:
            digit = _VALUES[ch] if digit is None else digit * 10 + _VALUES[ch]  # 二〇二三
    return total + (digit or 0)


def label(form: str, n: int) -> str:
    """The number a heading of this form carries: 一、 （一） 1. （1）."""
    return {"cn": f"{cn(n)}、", "paren_cn": f"{LPAREN}{cn(n)}{RPAREN}", "arabic": f"{n}.",
            "paren_arabic": f"{LPAREN}{n}{RPAREN}", "plain": ""}[form]


def numbering(text: str) -> tuple[str, str, str] | None:
    """'一、标题' -> ('cn', '一、', '标题')."""
    for form, rx in NUMBER_FORMS:
        m = rx.match(text)
        if m:
            return form, text[: m.end()].strip(), text[m.end():]
    return None


def unnumbered(heading: str) -> str:
    """A heading without the number typed in front of it."""
    got = numbering(heading)
    return got[2].strip() if got else heading


# A year in Chinese numerals (二〇二〇年), each digit on its own.
CN_YEAR = re.compile("([〇零一二三四五六七八九]{4})(?=年)")
_YEAR_DIGITS = "〇一二三四五六七八九"


def cn_year_value(text: str) -> int:
    """二〇二〇 -> 2020."""
    return int("".join(str(_YEAR_DIGITS.index("〇" if ch == "零" else ch)) for ch in text))


def cn_year(year: int) -> str:
    """2020 -> 二〇二〇."""
    return "".join(_YEAR_DIGITS[int(d)] for d in str(year))


def arabic_years(text: str) -> str:
    """二〇二〇年工作回顾 -> 2020年工作回顾."""
    return CN_YEAR.sub(lambda m: str(cn_year_value(m.group(1))), text)
