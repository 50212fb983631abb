"""Typed records read from YAML: fields declared with their Chinese keys and value shapes.

One pass over the data finds every problem (unknown and missing keys, wrong types, values
out of range) and words it in Chinese with its key path. Checking is plain Python with no
import cost, which matters because every `build` starts by validating a facts file and a
style sheet (bench/ measures the whole process).
"""
from __future__ import annotations

import copy
import datetime as dt
import difflib
import math
import re
from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:
    from .errors import Problem
    from .yamlio import Located

INVALID = object()     # a value that failed its check (the problem is already recorded)
_REQUIRED = object()


def describe(value: Any) -> str:
    """What a person wrote, in words: 文字“…”, 数字 3, 列表…"""
    if value is None:
        return "空值"
    if isinstance(value, bool):
        return "是/否"
    if isinstance(value, (int, float)):
        return f"数字 {_short(str(value))}"
    if isinstance(value, str):
        return f"文字“{_short(value)}”"
    if isinstance(value, list):
        return "列表"
    if isinstance(value, dict):
        return "键值对"
    if isinstance(value, dt.date):
        return f"日期 {value.isoformat()}"
    return type(value).__name__


def _short(text: str) -> str:
    return text if len(text) <= 20 else text[:20] + "…"


def nearest(name: Any, choices) -> str | None:
    got = difflib.get_close_matches(str(name), [str(c) for c in choices], n=1, cutoff=0.3)
    return got[0] if got else None


class Findings:
    """Problems found in one check: (key path, message, hint), in the order found."""

    def __init__(self, root: type[Record]):
        self.root = root
        self.items: list[tuple[tuple, str, str]] = []
        self._seen: set[tuple[tuple, str]] = set()

    def add(self, path: tuple, message: str, hint: str = "") -> object:
        if (path, message) not in self._seen:
            self._seen.add((path, message))
            self.items.append((path, message, hint))
        return INVALID


# ---- value shapes ------------------------------------------------------------------

class Shape:
    """The shape of a value. `check` returns the value to keep, or INVALID after recording why."""

    label = ""
    types: tuple = ()

    def accepts(self, v: Any) -> bool:
        """Whether `v` has this shape (chooses the branch of a OneOf)."""
        return isinstance(v, self.types) and (bool in self.types or not isinstance(v, bool))

    def check(self, v: Any, path: tuple, found: Findings) -> Any:
        return v if self.accepts(v) else self.wrong(v, path, found)

    def wrong(self, v: Any, path: tuple, found: Findings) -> object:
        return found.add(path, f"应为{self.label},实际是{describe(v)}")


class Text(Shape):
    label, types = "文字", (str,)

    def __init__(self, min_len: int = 0, strip: bool = True):
        self.min_len, self.strip = min_len, strip

    def check(self, v, path, found):
        if not isinstance(v, str):
            return self.wrong(v, path, found)
        if self.strip:
            v = v.strip()
        if len(v.strip()) < self.min_len:
            return found.add(path, "不能为空", "填写内容,或删除这个键")
        return v


def _bounds(v, path, found, ge, le):
    if ge is not None and v < ge:
        return found.add(path, f"数值 {_short(str(v))} 超出范围,应不小于 {ge}")
    if le is not None and v > le:
        return found.add(path, f"数值 {_short(str(v))} 超出范围,应不大于 {le}")
    return v


class Integer(Shape):
    label, types = "整数", (int, float, str)
    _DIGITS = re.compile(r"\s*[+-]?\d+\s*")

    def __init__(self, ge: int | None = None, le: int | None = None):
        self.ge, self.le = ge, le

    def check(self, v, path, found):
        if isinstance(v, str) and len(v) < 30 and self._DIGITS.fullmatch(v):
            v = int(v)
        elif isinstance(v, float) and v.is_integer():
            v = int(v)
        if not isinstance(v, int) or isinstance(v, bool):
            return self.wrong(v, path, found)
        return _bounds(v, path, found, self.ge, self.le)


class Number(Shape):
    label, types = "数字", (int, float, str)

    def __init__(self, ge: float | None = None, le: float | None = None):
        self.ge, self.le = ge, le

    def check(self, v, path, found):
        if isinstance(v, int) and not isinstance(v, bool):  # exact, however large
            if _bounds(v, path, found, self.ge, self.le) is INVALID:
                return INVALID
        got = finite(v)
        if got is None:
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                return found.add(path, f"数值 {_short(str(v))} 无效,应为有限的数字")
            return self.wrong(v, path, found)
        return _bounds(got, path, found, self.ge, self.le)


def finite(v: Any) -> float | None:
    """A number written as a number or as text, if it is a finite one."""
    if isinstance(v, bool) or not isinstance(v, (int, float, str)):
        return None
    try:
        f = float(v)
    except (ValueError, OverflowError):
        return None
    return f if math.isfinite(f) else None


class Flag(Shape):
    """是/否; also the usual spellings of true and false (true/yes/on/1 …)."""

    label, types = "是/否", (bool, int, str)
    _WORDS = {"是": True, "否": False, "true": True, "false": False, "yes": True, "no": False,
              "on": True, "off": False, "1": True, "0": False}

    def check(self, v, path, found):
        if isinstance(v, bool):
            return v
        if isinstance(v, int) and v in (0, 1):
            return bool(v)
        if isinstance(v, str) and v.strip().lower() in self._WORDS:
            return self._WORDS[v.strip().lower()]
        return self.wrong(v, path, found)


class Day(Shape):
    """A date written 2021-06-21, with a plausible year."""

    label, types = "日期(如 2021-06-21)", (dt.date, str)

    def __init__(self, first: int = 1949, last: int = 2200):
        self.first, self.last = first, last

    def check(self, v, path, found):
        if isinstance(v, dt.datetime):
            v = v.date()
        elif isinstance(v, str):
            try:
                v = dt.date.fromisoformat(v.strip())
            except ValueError:
                return self.wrong(v, path, found)
        if not isinstance(v, dt.date):
            return self.wrong(v, path, found)
        if not self.first <= v.year <= self.last:
            return found.add(path, f"日期 {v.isoformat()} 的年份不合理(应在 {self.first} 到 {self.last} 之间)")
        return v


class Choice(Shape):
    types = (str,)

    def __init__(self, *values: str):
        self.values = values
        self.label = "、".join(values) + "之一"

    def check(self, v, path, found):
        if isinstance(v, str) and v.strip() in self.values:
            return v.strip()
        return found.add(path, f"取值“{v}”无效,可选:" + "、".join(self.values))


class Converted(Shape):
    """A value turned into another by `convert`, whose ValueError says what is wrong."""

    def __init__(self, convert: Callable[[Any], Any], label: str, types: tuple = (int, float, str)):
        self.convert, self.label, self.types = convert, label, types

    def check(self, v, path, found):
        if not self.accepts(v):
            return self.wrong(v, path, found)
        try:
            return self.convert(v)
        except (ValueError, OverflowError) as e:
            return found.add(path, str(e) if isinstance(e, ValueError) else f"数值过大:{describe(v)}")


class Anything(Shape):
    def accepts(self, v):
        return True


class Mapping(Shape):
    """Any mapping, unchecked inside (checked elsewhere, e.g. facts by slots.py)."""

    label, types = "键值对(“键: 值”)", (dict,)


class ListOf(Shape):
    """A list; with `single`, a lone value stands for a one-item list."""

    types = (list,)

    def __init__(self, item: Shape, single: bool = False):
        self.item, self.single = item, single
        self.label = "列表(每项另起一行,行首写短横线和空格)"

    def accepts(self, v):
        return isinstance(v, list) or (self.single and self.item.accepts(v))

    def check(self, v, path, found):
        if not isinstance(v, list):
            if not self.accepts(v):
                return self.wrong(v, path, found)
            v = [v]
        out = [self.item.check(x, path + (i,), found) for i, x in enumerate(v)]
        return INVALID if any(x is INVALID for x in out) else out


class MapOf(Shape):
    """A mapping from names (e.g. topics) to values of one shape."""

    label, types = "键值对(“键: 值”)", (dict,)

    def __init__(self, value: Shape):
        self.value = value

    def check(self, v, path, found):
        if not isinstance(v, dict):
            return self.wrong(v, path, found)
        out = {}
        for key, x in v.items():
            if not isinstance(key, str):
                found.add(path + (str(key),), f"键应为文字,实际是{describe(key)}")
                out[key] = INVALID
            else:
                out[key] = self.value.check(x, path + (key,), found)
        return INVALID if any(x is INVALID for x in out.values()) else out


class OneOf(Shape):
    """The first shape the value has; e.g. a list of sections or a mapping of them."""

    def __init__(self, *shapes: Shape):
        self.shapes = shapes
        self.label = "或".join(k.label for k in shapes)

    def accepts(self, v):
        return any(k.accepts(v) for k in self.shapes)

    def check(self, v, path, found):
        shape = next((k for k in self.shapes if k.accepts(v)), None)
        return shape.check(v, path, found) if shape else self.wrong(v, path, found)


class Nested(Shape):
    """A record inside a record."""

    label, types = "键值对(“键: 值”)", (dict,)

    def __init__(self, record: type[Record]):
        self.record = record

    def check(self, v, path, found):
        return self.record.check(v, path, found)


# ---- records -----------------------------------------------------------------------

class F:
    """A field: its key in the file, its shape, and a default (none: the key is required).
    `after` takes the checked value and returns it, or raises ValueError with the reason."""

    __slots__ = ("key", "shape", "default", "factory", "after", "name")

    def __init__(self, key: str, shape: Shape, default: Any = _REQUIRED, *,
                 factory: Callable[[], Any] | None = None, after: Callable[[Any], Any] | None = None):
        self.key, self.shape, self.default, self.factory, self.after = key, shape, default, factory, after
        self.name = ""

    @property
    def required(self) -> bool:
        return self.default is _REQUIRED and self.factory is None

    def fresh(self) -> Any:
        return self.factory() if self.factory else copy.copy(self.default)


class Record:
    """Base of typed records: subclasses declare class attributes `name = F(...)`."""

    _fields: dict[str, F] = {}
    _keys: dict[str, F] = {}

    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        fields = dict(cls._fields)
        for name, value in list(vars(cls).items()):
            if isinstance(value, F):
                value.name = name
                fields[name] = value
                delattr(cls, name)
        cls._fields = fields
        cls._keys = {f.key: f for f in fields.values()}

    def __init__(self, **values: Any):
        """A record from code, unchecked: given values, defaults for the rest."""
        unknown = set(values) - set(self._fields)
        if unknown:
            raise TypeError(f"{type(self).__name__}: unknown fields {sorted(unknown)}")
        for name, f in self._fields.items():
            setattr(self, name, values[name] if name in values else
                    (None if f.required else f.fresh()))

    def replace(self, **changes: Any):
        new = copy.copy(self)
        for name, value in changes.items():
            setattr(new, name, value)
        return new

    def __eq__(self, other: Any) -> bool:
        return type(other) is type(self) and vars(other) == vars(self)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in vars(self).items())})"

    @classmethod
    def keys(cls) -> list[str]:
        return list(cls._keys)

    @classmethod
    def check(cls, data: Any, path: tuple, found: Findings) -> Any:
        """The record read from `data`, or INVALID; every problem goes to `found`."""
        if not isinstance(data, dict):
            return found.add(path, f"应为键值对(“键: 值”),实际是{describe(data)}")
        values: dict[str, Any] = {}
        ok = True
        for key, v in data.items():
            f = cls._keys.get(key)
            if f is None:
                cls._unknown(key, path, found)
                ok = False
                continue
            if v is None and not f.required:
                continue  # an empty key stands for its default
            got = f.shape.check(v, path + (key,), found)
            if got is not INVALID and f.after is not None:
                try:
                    got = f.after(got)
                except ValueError as e:
                    got = found.add(path + (key,), str(e))
            if got is INVALID:
                ok = False
            values[f.name] = got
        for f in cls._fields.values():
            if f.required and f.key not in data:
                ok = False
                where = f"在“{path[-1]}”下" if path and isinstance(path[-1], str) else "在文件中"
                found.add(path + (f.key,), f"缺少必填的键“{f.key}”", f"{where}补上 `{f.key}: …`")
        if not ok:
            return INVALID
        obj = cls.__new__(cls)
        for name, f in cls._fields.items():
            setattr(obj, name, values[name] if name in values else f.fresh())
        return obj

    @classmethod
    def _unknown(cls, key: Any, path: tuple, found: Findings) -> None:
        valid = cls.keys()
        near = nearest(key, valid)
        hint = f"是否想写“{near}”?" if near else ""
        if not near and path and key in found.root._keys:
            hint = f"“{key}”是顶层的键,应顶格书写;检查它的缩进。"
        elif valid:
            hint += (" " if hint else "") + "此处可用的键:" + "、".join(valid)
        found.add(path + (key if isinstance(key, str) else str(key),), f"未知的键“{key}”", hint)

    @classmethod
    def read(cls, src: Located, data: Any = None) -> tuple[Any, list[Problem]]:
        """(record or None, problems located in `src`)."""
        found = Findings(cls)
        obj = cls.check(src.data if data is None else data, (), found)
        problems = [src.problem(message, path, hint) for path, message, hint in found.items]
        return (None if obj is INVALID else obj), problems
