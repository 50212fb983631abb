"""This year against last year: one row per number a facts file holds with its 上年 value
(reportgen build --compare), for the terminal, a .csv or an .xlsx."""
from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from .errors import format_path
from .facts import Facts, slot_values
from .slots import Pending, Quantity, unit_of

HEADER = ("位置", "事实类别", "项目", "单位", "今年", "上年", "增减", "增幅")


@dataclass
class Row:
    where: str
    category: str
    field: str
    unit: str
    now: str
    last: str
    change: str
    ratio: str

    def cells(self) -> tuple[str, ...]:
        return (self.where, self.category, self.field, self.unit, self.now, self.last, self.change, self.ratio)


def rows(facts: Facts) -> list[Row]:
    """Every number field of every fact that has a value this year or last year."""
    out = []
    for path, value in slot_values(facts):
        for name, field in value.type.fields.items():
            if field.type != "数量" or not field.compared:
                continue
            now, last = value.values.get(name), value.last.get(name)
            if last is None:
                continue   # a number of this year only: nothing to compare it with
            change = ratio = ""
            exact = all(isinstance(q, Quantity) and not isinstance(q, Pending) and not q.approx for q in (now, last))
            if exact:
                diff = now.number - last.number
                change = ("+" if diff > 0 else "-" if diff < 0 else "") + str(Quantity(abs(diff)))
                if last.number:
                    ratio = f"{diff * 100 / last.number:+.1f}%"
            where = format_path(path[:-1] if path[-1] == value.type.name else path)
            label, unit = name, unit_of(value, name)
            if "事项" in value.type.fields:   # 数据: its own words
                words = str(value.values.get("事项") or value.last.get("事项") or name)
                label = words if len(words) <= 16 else words[:15] + "…"
            out.append(Row(where, value.type.name, label, unit, _show(now), _show(last), change, ratio))
    return out


def _show(q) -> str:
    if q is None:
        return ""
    return "待填" if isinstance(q, Pending) else str(q)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def table(found: list[Row]) -> str:
    """The rows as aligned columns for a terminal (Chinese characters are two columns wide)."""
    lines = [HEADER] + [r.cells() for r in found]
    widths = [max(_width(line[i]) for line in lines) for i in range(len(HEADER))]
    right = {4, 5, 6, 7}   # numbers align right
    out = []
    for line in lines:
        out.append("  ".join((" " * (w - _width(c)) + c) if i in right else (c + " " * (w - _width(c)))
                             for i, (c, w) in enumerate(zip(line, widths))).rstrip())
    return "\n".join(out)


def to_csv(found: list[Row]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(HEADER)
    writer.writerows(r.cells() for r in found)
    return buf.getvalue().encode("utf-8-sig")   # the BOM lets Excel and WPS read it as UTF-8


def to_xlsx(found: list[Row]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "今年与上年"
    sheet.append(HEADER)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for r in found:
        sheet.append([r.where, r.category, r.field, r.unit, _number(r.now), _number(r.last), _number(r.change),
                      r.ratio])
    for column, width in zip("ABCDEFGH", (34, 12, 12, 8, 10, 10, 10, 10)):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def _number(text: str):
    """A plain number as a number (Excel can sum it); 90余, 待填 stay text."""
    try:
        value = Decimal(text)
    except ArithmeticError:
        return text
    return int(value) if value == value.to_integral() else float(value)
