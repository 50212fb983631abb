"""Measure a rendered PDF: rows of text per page, their extent and characters."""
from __future__ import annotations

import collections
from dataclasses import dataclass

import pymupdf

MM = 72 / 25.4


@dataclass
class Row:
    baseline: float
    x0: float
    x1: float
    chars: list  # (x0, x1, char, font)

    @property
    def text(self) -> str:
        return "".join(c[2] for c in self.chars)

    @property
    def font(self) -> str:
        return self.chars[0][3]


@dataclass
class Page:
    number: int
    width: float
    height: float
    rows: list[Row]


def pages(pdf_path) -> list[Page]:
    out = []
    with pymupdf.open(pdf_path) as doc:
        for i, page in enumerate(doc):
            rows = collections.defaultdict(list)
            for block in page.get_text("rawdict")["blocks"]:
                for line in block.get("lines", []):
                    for span in line["spans"]:
                        for c in span["chars"]:
                            if c["c"].strip():
                                rows[round(c["origin"][1], 1)].append(
                                    (c["bbox"][0], c["bbox"][2], c["c"], span["font"]))
            built = [Row(y, min(c[0] for c in cs), max(c[1] for c in cs), sorted(cs))
                     for y, cs in sorted(rows.items())]
            out.append(Page(i + 1, page.rect.width, page.rect.height, built))
    return out


# marks that may not begin a line (kinsoku): a character before one moves down with it
NO_LINE_START = "》”’)、,。;:!?），；：！？…—"
# marks that may not end a line: one moves down to the next line's start
NO_LINE_END = "《“‘(\uff08"
