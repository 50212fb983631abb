"""Dated references of a report: the five-year plan of a year, and the party congress and
plenums a meeting on some date 学习贯彻 (data/calendar.yaml)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from .resources import data_dir
from .yamlio import load_data_file

CN_ORD = "一二三四五六七八九十"
_CONGRESS = rf"(?:十[{CN_ORD[:9]}]?|二十[{CN_ORD[:9]}]?)"
# 党的二十大和二十届二中、三中全会精神 / 党的二十大精神
STUDY = re.compile(rf"党的(?P<c>{_CONGRESS})大(?:(?:和|以及|、)(?P<c2>{_CONGRESS})届"
                   rf"(?P<p>[{CN_ORD[:7]}]中(?:[、和][{CN_ORD[:7]}]中)*)全会)?精神")
# a reference of one congress: 党的十九大, 十九届四中全会, 十九届二中、三中全会
# (省委十五届三中全会 is a province's plenum: 委 before the term rules it out)
REFERENCE = re.compile(rf"(?:党的(?P<c>{_CONGRESS})大|(?<!委)(?P<c2>{_CONGRESS})届[{CN_ORD[:7]}]中(?:[、和][{CN_ORD[:7]}]中)*全会)")
PLAN = re.compile(r"(?<![一二三四五六七八九十])(十[一二三四五六七八九]五)(?=[”\"’]?(?:规划|时期|期间|开局|收官|目标|发展))")


@dataclass(frozen=True)
class Congress:
    name: str                      # 二十
    date: dt.date
    plenums: tuple[tuple[str, dt.date], ...]   # (二中, date), in order


@lru_cache(maxsize=1)
def _calendar() -> tuple[dict[str, tuple[int, int]], tuple[Congress, ...]]:
    data = load_data_file(data_dir() / "calendar.yaml")
    plans = {name: (int(a), int(b)) for name, (a, b) in data["五年规划"].items()}
    congresses = tuple(
        Congress(name, _day(spec["大会"]), tuple((p, _day(d)) for p, d in spec["全会"].items()))
        for name, spec in data["党代会"].items())
    return plans, tuple(sorted(congresses, key=lambda c: c.date))


def _day(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def plan_of(year: int) -> str | None:
    """十四五 for 2021–2025."""
    return next((n for n, (a, b) in _calendar()[0].items() if a <= year <= b), None)


def congress_at(day: dt.date) -> Congress | None:
    """The latest congress held before `day`."""
    held = [c for c in _calendar()[1] if c.date < day]
    return held[-1] if held else None


def last_known() -> dt.date:
    """The latest date the table knows of."""
    last = _calendar()[1][-1]
    return max([last.date] + [d for _, d in last.plenums])


def study_phrase(day: dt.date) -> str | None:
    """党的二十大和二十届二中、三中全会精神: the congress and the plenums held before `day`
    (the first plenum, which only elects, is not named)."""
    c = congress_at(day)
    if c is None:
        return None
    plenums = [p for p, d in c.plenums if d < day and p != "一中"]
    return f"党的{c.name}大" + (f"和{c.name}届{'、'.join(plenums)}全会" if plenums else "") + "精神"


def congress_number(name: str) -> int:
    """十九 -> 19, 二十 -> 20."""
    from .numbering import cn_value

    return cn_value(name) or 0


_STUDIED = re.compile("学习|贯彻|落实|领会|宣传")


def stale_references(text: str, year: int) -> list[str]:
    """References a report on `year` studies that belong to an earlier congress than the one
    current when the year began (a 2024 report that 学习贯彻 a 十九届 plenum)."""
    current = congress_at(dt.date(year, 1, 1))
    if current is None:
        return []
    out = []
    for m in REFERENCE.finditer(text):
        name = m["c"] or m["c2"]
        after = text[m.end():m.end() + 24]
        # 学习贯彻…精神 is what a year studies; 党的十八大以来 is history
        if congress_number(name) < congress_number(current.name) and not after.startswith("以来") \
                and _STUDIED.search(text[max(0, m.start() - 12):m.start()]) and "精神" in after.split("。")[0]:
            out.append(m.group(0))
    return out
