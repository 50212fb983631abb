"""Fact slots: typed groups of facts that templates turn into standard sentences.

Slot types are data (templates/slots.yaml): each has fields with a type and a unit,
and a Jinja macro in templates/slots.j2 that renders the sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from .errors import Problem
from .records import describe, nearest
from .yamlio import Located

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
            return cls(Decimal(str(value))) if value >= 0 else None
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


@dataclass
class SlotType:
    name: str
    macro: str
    topic: str
    help: str
    fields: dict[str, SlotField]


@dataclass
class SlotValue:
    """A validated slot occurrence in the facts."""
    type: SlotType
    values: dict[str, Any]


class SlotRegistry:
    def __init__(self, types: dict[str, SlotType]):
        self.types = types

    @classmethod
    def from_data(cls, data: dict, file: str = "slots.yaml") -> "SlotRegistry":
        types = {}
        for name, spec in data.items():
            fields = {}
            for fname, fspec in (spec.get("字段") or {}).items():
                ftype = fspec.get("类型", "文字")
                if ftype not in FIELD_TYPES:
                    raise ValueError(f"{file}: {name}.{fname}: unknown field type {ftype}")
                fields[fname] = SlotField(fname, ftype, fspec.get("单位", ""), fspec.get("说明", ""))
            types[name] = SlotType(name, spec["宏"], spec.get("主题", ""), spec.get("说明", ""),
                                   fields)
        return cls(types)

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
        out: dict[str, Any] = {f: None for f in stype.fields}
        for key, value in values.items():
            fpath = path + ((name, key) if named else (key,))
            field = stype.fields.get(key)
            if field is None:
                near = nearest(key, stype.fields)
                hint = (f"是否想写“{near}”?" if near else "") + f"“{name}”可用的键:" + "、".join(stype.fields)
                problems.append(src.problem(f"未知的键“{key}”", fpath, hint))
                continue
            checked = _check_field(field, value)
            if isinstance(checked, str):
                problems.append(src.problem(checked, fpath, _field_hint(field)))
            else:
                out[key] = checked[0]
        return SlotValue(stype, out)


def _field_hint(field: SlotField) -> str:
    return {
        "数量": f"写一个数字,如 71、6.2、110余;单位“{field.unit}”由模板加上,不要写进来",
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
