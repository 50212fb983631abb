"""Fact slots: typed groups of facts that templates turn into standard sentences.

Slot types are data (templates/slots.yaml): each has fields with a type and a unit,
and a Jinja macro in templates/slots.j2 that renders the sentence.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from .errors import Problem
from .records import _short, describe, nearest
from .resources import whole_unit
from .yamlio import Located

LAST_YEAR = "上年"     # a fact's values of last year, beside this year's
COMPARE = "同比"       # how a sentence compares this year's number with last year's
PENDING = "××"        # a number last year had and this year's file has not yet
MAX_QUANTITY = 10 ** 12     # more than any count or amount a report gives
_QTY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(余|多)?\s*$")
FIELD_TYPES = {"数量", "文字", "列表", "文件"}


@dataclass(frozen=True)
class Quantity:
    """A counted fact such as 71, 6.2 or 110余 (approximate)."""
    number: Decimal
    approx: str = ""

    def __str__(self) -> str:
        n = self.number
        text = format(n.normalize(), "f") if n != n.to_integral() else str(int(n))
        return text + self.approx

    @classmethod
    def parse(cls, value: Any) -> "Quantity | None":
        if isinstance(value, bool):
            return None
        if isinstance(value, int):
            return cls(Decimal(value)) if value >= 0 else None
        if isinstance(value, float):
            return cls(Decimal(str(value))) if math.isfinite(value) and value >= 0 else None
        if isinstance(value, str):
            m = _QTY.match(value)
            if m:
                try:
                    return cls(Decimal(m.group(1)), m.group(2) or "")
                except InvalidOperation:
                    return None
        return None


@dataclass
class SlotField:
    name: str
    type: str
    unit: str = ""
    help: str = ""
    compared: bool = True   # 同比: 否 in slots.yaml: a threshold (活动次数), not a count to compare


@dataclass
class SlotType:
    name: str
    macro: str
    topic: str
    help: str
    fields: dict[str, SlotField]


class Pending(str):
    """A number to fill: last year had one, this year's is not written yet. Shows as ××."""

    def __new__(cls, field: str):
        obj = super().__new__(cls, PENDING)
        obj.field = field
        return obj

    # two numbers still to fill are not the same number (立案 ×× and 办结 ×× say no 均已办结)
    def __eq__(self, other) -> bool:
        return self is other

    def __hash__(self) -> int:
        return id(self)


@dataclass
class SlotValue:
    """A validated slot occurrence in the facts."""
    type: SlotType
    values: dict[str, Any]
    last: dict[str, Any] = field(default_factory=dict)   # 上年
    compare: str | None = None                            # 同比: a phrasing's name, or None

    def pending(self) -> list[str]:
        return [k for k, v in self.values.items() if isinstance(v, Pending)]


class SlotRegistry:
    def __init__(self, types: dict[str, SlotType], comparisons: dict[str, dict] | None = None):
        self.types = types
        self.comparisons = comparisons or {}

    @classmethod
    def from_data(cls, data: dict, file: str = "slots.yaml", comparisons: dict | None = None) -> "SlotRegistry":
        types = {}
        for name, spec in data.items():
            fields = {}
            for fname, fspec in (spec.get("字段") or {}).items():
                ftype = fspec.get("类型", "文字")
                if ftype not in FIELD_TYPES:
                    raise ValueError(f"{file}: {name}.{fname}: unknown field type {ftype}")
                fields[fname] = SlotField(fname, ftype, fspec.get("单位", ""), fspec.get("说明", ""),
                                          fspec.get("同比", True) not in (False, "否"))
            types[name] = SlotType(name, spec["宏"], spec.get("主题", ""), spec.get("说明", ""),
                                   fields)
        return cls(types, comparisons)

    def for_topic(self, topic: str) -> SlotType | None:
        """The fact category whose topic this is (the first, in slots.yaml order)."""
        return next((t for t in self.types.values() if t.topic == topic), None)

    def validate(self, piece: dict, src: Located, path: tuple,
                 problems: list[Problem], named: bool = True) -> SlotValue | dict:
        """Check one fact; `named`: the path names the category (内容 items) or not (板块.事实)."""
        if len(piece) != 1:
            problems.append(src.problem(
                f"一条事实应只有一个键(事实类别),这里有 {len(piece)} 个:" + "、".join(map(str, piece)),
                path, "每条事实单独写一项“- 类别: {…}”"))
            return piece
        (name, values), = piece.items()
        stype = self.types.get(name)
        if stype is None:
            near = nearest(name, self.types)
            hint = (f"是否想写“{near}”?" if near else "") + "可用的事实类别:" + "、".join(self.types)
            problems.append(src.problem(f"未知的事实类别“{name}”", path + (name,), hint))
            return piece
        if values is None:
            values = {}
        if not isinstance(values, dict):
            problems.append(src.problem(
                f"事实类别“{name}”下应为键值对(如“{next(iter(stype.fields))}: …”),实际是{describe(values)}",
                path + (name,) if named else path))
            return piece
        base = path + ((name,) if named else ())
        last = values.get(LAST_YEAR)
        if last is not None and not isinstance(last, dict):
            problems.append(src.problem(f"“{LAST_YEAR}”下应为键值对(如“{next(iter(stype.fields))}: …”),"
                                        f"实际是{describe(last)}", base + (LAST_YEAR,)))
            last = None
        compare = values.get(COMPARE)
        if compare is not None and compare not in self.comparisons:
            problems.append(src.problem(f"“{COMPARE}”的取值“{compare}”不认识", base + (COMPARE,),
                                        "可选:" + "、".join(self.comparisons)))
            compare = None
        out = self._fields(stype, name, {k: v for k, v in values.items() if k not in (LAST_YEAR, COMPARE)},
                           src, base, problems)
        last_out = self._fields(stype, name, last or {}, src, base + (LAST_YEAR,), problems)
        for key, value in out.items():
            if value is None and last_out.get(key) is not None and stype.fields[key].type == "数量":
                out[key] = Pending(key)
        return SlotValue(stype, out, {k: v for k, v in last_out.items() if v is not None}, compare)

    def _fields(self, stype: SlotType, name: str, values: dict, src: Located, base: tuple,
                problems: list[Problem]) -> dict[str, Any]:
        out: dict[str, Any] = {f: None for f in stype.fields}
        for key, value in values.items():
            field = stype.fields.get(key)
            if field is None:
                near = nearest(key, stype.fields)
                hint = (f"是否想写“{near}”?" if near else "") + f"“{name}”可用的键:" + "、".join(stype.fields)
                problems.append(src.problem(f"未知的键“{key}”", base + (key,), hint))
                continue
            checked = _check_field(field, value)
            if isinstance(checked, str):
                problems.append(src.problem(checked, base + (key,), _field_hint(field)))
            else:
                out[key] = checked[0]
        own = out.get("单位")     # 数据: a fact that names its own unit (单位: 个) counts whole things too
        for key, q in out.items():
            field = stype.fields[key]
            if isinstance(q, Quantity) and not field.unit and isinstance(own, str) and whole_unit(own.strip()) \
                    and q.number != q.number.to_integral():
                problems.append(src.problem(f"以“{own.strip()}”计的数应为整数,实际是 {q}(约数写成 {int(q.number)}余)",
                                            base + (key,), "写一个整数,如 71、110余"))
        return out


def _field_hint(field: SlotField) -> str:
    return {
        "数量": ("写一个整数,如 71、110余" if whole_unit(field.unit) else "写一个数字,如 71、6.2、110余")
                + f";单位“{field.unit}”由模板加上,不要写进来",
        "文字": "写一段文字",
        "列表": "写成列表,每项一行,以“- ”开头",
        "文件": "写成列表,每项一个文件或报告的标题(书名号可省略)",
    }[field.type]


def _check_field(field: SlotField, value: Any) -> tuple | str:
    if value is None:
        return (None,)
    if field.type == "数量":
        q = Quantity.parse(value)
        if q is None:
            return f"应为数量(如 71、6.2、110余),实际是{describe(value)}"
        if q.number > MAX_QUANTITY:
            return f"数量 {_short(str(value))} 太大,不像报告里的数(上限 {MAX_QUANTITY:,})"
        if whole_unit(field.unit) and q.number != q.number.to_integral():
            return f"以“{field.unit}”计的数应为整数,实际是 {value}(如 3 或 4;约数写成 3余)"
        return (q,)
    if field.type == "文字":
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            return (str(value).strip(),)
        return f"应为文字,实际是{describe(value)}"
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return f"应为列表,实际是{describe(value)}"
    items = []
    for i, v in enumerate(value):
        if not isinstance(v, (str, int, float)) or isinstance(v, bool):
            return f"第 {i + 1} 项应为文字,实际是{describe(v)}"
        text = str(v).strip()
        if field.type == "文件" and not text.startswith("《"):
            text = f"《{text}》"
        items.append(text)
    return (items,)


def comparison(phrasing: dict | None, now, last, unit: str) -> str:
    """比上年增加12件 / 同比增长3.2% / 与上年持平; '' when either number is missing or approximate."""
    if not phrasing or not isinstance(now, Quantity) or not isinstance(last, Quantity) \
            or isinstance(now, Pending) or now.approx or last.approx:
        return ""
    diff = now.number - last.number
    key = "多" if diff > 0 else "少" if diff < 0 else "平"
    template = phrasing.get(key) or ""
    if "{比例}" in template and not last.number:
        return ""   # no percentage of nothing
    ratio = abs(diff) * 100 / last.number if last.number else Decimal(0)
    return (template.replace("{差}", str(Quantity(abs(diff))))
            .replace("{单位}", unit)
            .replace("{比例}", format(ratio.quantize(Decimal("0.1")), "f")))


class Compared(Quantity):
    """A number the sentence compares with last year's: it carries a mark (private-use
    characters around its note's index) that `place_comparisons` turns into the clause's ending."""

    def __init__(self, q: Quantity, index: int):
        object.__setattr__(self, "number", q.number)
        object.__setattr__(self, "approx", q.approx)
        object.__setattr__(self, "index", index)

    def __str__(self) -> str:
        return super().__str__() + f"\ue000{self.index}\ue001"

    def __eq__(self, other) -> bool:
        return isinstance(other, Quantity) and (self.number, self.approx) == (other.number, other.approx)

    __hash__ = Quantity.__hash__


_MARK = re.compile("\ue000(\\d+)\ue001")
_CLAUSE_END = re.compile("[,，;；。、]")


def place_comparisons(text: str, notes: list[str]) -> str:
    """A marked number's comparison at the end of its clause (共提交提案379件,比上年增加12件;
    报送44篇,比上年增加4篇、采用13篇…). A clause with two marked numbers (111名委员组成34个
    小组) says how the last one changed: a note after both would not say which it is about."""
    out, pos = [], 0
    note = ""
    for m in _MARK.finditer(text):
        out.append(text[pos:m.start()])
        pos = m.end()
        note = notes[int(m.group(1))]
        end = _CLAUSE_END.search(text, pos)
        nxt = _MARK.search(text, pos)
        if nxt is None or (end is not None and end.start() < nxt.start()):
            stop = end.start() if end else len(text)
            out.append(text[pos:stop] + "," + note)
            pos = stop
    return "".join(out) + text[pos:]


def unit_of(value: SlotValue, name: str) -> str:
    """A field's unit: the category's, or the fact's own (数据: 事项 + 数量 + 单位)."""
    unit = value.type.fields[name].unit
    if unit or "单位" not in value.type.fields:
        return unit
    return str(value.values.get("单位") or value.last.get("单位") or "")
