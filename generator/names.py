"""The names a report uses for its organisation: 县政协, 中共某县委, 全县…"""
from __future__ import annotations

import re
from functools import lru_cache

from .numbering import cn


@lru_cache(maxsize=1)
def _rules() -> list[tuple[re.Pattern, str, str]]:
    from .resources import data_dir
    from .yamlio import load_data_file

    data = load_data_file(data_dir() / "names.yaml")
    return [(re.compile(r["名"].replace("{民族}", data["ethnic"])), r["地名"], r["级"]) for r in data["rules"]]


@lru_cache(maxsize=1)
def prefectures() -> dict[str, str]:
    """The autonomous prefectures by short name: 黔东南州 -> 黔东南苗族侗族自治州."""
    from .resources import data_dir
    from .yamlio import load_data_file

    full = load_data_file(data_dir() / "names.yaml")["prefectures"]
    return {short_name(name)[0]: name for name in full}


def full_name(region: str) -> str:
    """An autonomous prefecture's full name for its short form (黔東南州 -> 黔东南苗族侗族自治州);
    any other region as it is."""
    from .script import simplified

    return prefectures().get(simplified(region), region)


def short_name(region: str) -> tuple[str, str]:
    """(地名, 级): 平昌县 -> (平昌, 县), 恩施土家族苗族自治州 -> (恩施州, 州), 浦东新区 -> (浦东新区, 区).
    Traditional characters are read as simplified (內蒙古自治區 is an 自治区) and kept as written."""
    from .script import simplified

    key = simplified(region)
    for rx, place, level in _rules():
        m = rx.match(key)
        if m:
            return place.replace("{short}", region[m.start("short"):m.end("short")]), level
    level = key[-1] if key[-1] in "县市区州旗盟省" else "县"
    return (region[:-1] if len(region) > 2 and key[-1] in "县市区州旗盟" else region), level


def derive_names(region: str, parent: str = "", short: str | None = None, party: str | None = None,
                 full_name: str | None = None, term: int | None = None,
                 session: int | None = None) -> dict:
    """The names a report uses for its organisation, derived from the region."""
    if region == "全国":
        return _national(full_name, term, session)
    place, level = short_name(region)
    out = {
        "地区": region,
        "地名": place,
        "级": level,
        "简称": short or f"{level}政协",
        "党委": party or f"中共{region}委",
        "党委简称": f"{level}委",
        "人大": f"{level}人大",
        "政府": f"{level}政府",
        "全域": f"全{level}",
    }
    return _meeting(out, f"{parent}{region}第{{t}}届委员会", f"{region}第{{t}}届委员会", full_name, term, session)


def _national(full_name: str | None, term: int | None, session: int | None) -> dict:
    """The national committee's names: 全国政协, 中共中央, 国务院."""
    out = {"地区": "全国", "地名": "全国", "级": "全国", "简称": "全国政协", "党委": "中共中央",
           "党委简称": "党中央", "人大": "全国人大", "政府": "国务院", "全域": "全国"}
    return _meeting(out, "第{t}届全国委员会", "第{t}届全国委员会", full_name, term, session)


def _meeting(out: dict, full: str, committee: str, full_name: str | None, term: int | None,
             session: int | None) -> dict:
    """The names of the committee and its meeting; `full`, `committee`: after 中国人民政治协商会议
    and after 政协, with {t} for the term (平昌县第十届委员会, 第十四届全国委员会)."""
    if term:
        t = cn(term)
        out.update({"届": t, "全称": full_name or "中国人民政治协商会议" + full.replace("{t}", t),
                    "委员会": "政协" + committee.replace("{t}", t)})
    if session:
        out.update({"会次": session, "会议": f"第{cn(session)}次会议"})
    return out
