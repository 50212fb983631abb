"""The layout style sheet: GB/T 9704 defaults as data, merged with local presets."""
from __future__ import annotations

import copy
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import ReportgenError
from .facts import translate, yes
from .resources import data_dir
from .yamlio import Located, load_yaml, load_yaml_text

SIZES = {"初号": 42, "小初": 36, "一号": 26, "小一": 24, "二号": 22, "小二": 18, "三号": 16,
         "小三": 15, "四号": 14, "小四": 12, "五号": 10.5, "小五": 9, "六号": 7.5}
_LEN = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(mm|cm|pt|毫米|厘米|磅)?\s*$")
_PT_PER = {"mm": 72 / 25.4, "毫米": 72 / 25.4, "cm": 720 / 25.4, "厘米": 720 / 25.4,
           "pt": 1.0, "磅": 1.0, None: 72 / 25.4}


def length_pt(v) -> float:
    """'37mm' -> points. Bare numbers are millimetres."""
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return float(v) * 72 / 25.4
    m = _LEN.match(str(v))
    if not m:
        raise ValueError(f"“{v}”不是长度,应写成 37mm、1.5cm 或 28pt 这样的形式")
    return float(m.group(1)) * _PT_PER[m.group(2)]


def size_pt(v) -> float:
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return float(v)
    v = str(v).strip()
    if v in SIZES:
        return float(SIZES[v])
    try:
        return float(v.removesuffix("磅").removesuffix("pt"))
    except ValueError:
        raise ValueError(f"“{v}”不是字号,可写 " + "、".join(SIZES) + " 或磅值") from None


class _M(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Page(_M):
    width: float = Field(alias="宽")
    height: float = Field(alias="高")
    top: float = Field(alias="上边距")
    bottom: float = Field(alias="下边距")
    left: float = Field(alias="左边距")
    right: float = Field(alias="右边距")
    lines: int = Field(alias="每页行数", ge=5, le=60)
    chars: int = Field(alias="每行字数", ge=5, le=60)

    _len = field_validator("width", "height", "top", "bottom", "left", "right",
                           mode="before")(lambda v: length_pt(v))

    @property
    def text_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def text_height(self) -> float:
        return self.height - self.top - self.bottom


class ParaStyle(_M):
    font: str | None = Field(None, alias="中文字体")
    size: float | None = Field(None, alias="字号")
    indent: float | None = Field(None, alias="首行缩进", ge=0, le=10)
    align: Literal["两端", "居中", "左", "右"] | None = Field(None, alias="对齐")
    bold: bool | None = Field(None, alias="加粗")
    before: float = Field(0, alias="段前", ge=0, le=10)
    after: float = Field(0, alias="段后", ge=0, le=10)

    _size = field_validator("size", mode="before")(lambda v: None if v is None else size_pt(v))
    _bool = field_validator("bold", mode="before")(yes)


class RunStyle(_M):
    font: str | None = Field(None, alias="中文字体")
    bold: bool | None = Field(None, alias="加粗")

    _bool = field_validator("bold", mode="before")(yes)


class PageNumber(_M):
    font: str = Field(alias="中文字体")
    size: float = Field(alias="字号")
    format: str = Field(alias="格式")
    gap: float = Field(alias="距版心")
    inset: float = Field(alias="空字", ge=0, le=5)

    _size = field_validator("size", mode="before")(lambda v: size_pt(v))
    _len = field_validator("gap", mode="before")(lambda v: length_pt(v))

    @field_validator("format")
    @classmethod
    def _has_number(cls, v: str) -> str:
        if "{页码}" not in v:
            raise ValueError("页码格式中要有“{页码}”,如“— {页码} —”")
        return v




class Paras(_M):
    body: ParaStyle = Field(alias="正文")
    title: ParaStyle = Field(alias="标题")
    subtitle: ParaStyle = Field(alias="副标题")
    byline: ParaStyle = Field(alias="署名")
    salutation: ParaStyle = Field(alias="称呼")
    part: ParaStyle = Field(alias="部分标题")
    h1: ParaStyle = Field(alias="一级标题")
    h2: ParaStyle = Field(alias="二级标题")
    h3: ParaStyle = Field(alias="三级标题")
    h4: ParaStyle = Field(alias="四级标题")


class StyleSheet(_M):
    page: Page = Field(alias="页面")
    latin_font: str = Field(alias="西文字体")
    paras: Paras = Field(alias="段落")
    lead: RunStyle = Field(alias="引语")
    page_number: PageNumber = Field(alias="页码")

    def para(self, name: str) -> ParaStyle:
        """Resolved paragraph style: unset values fall back to 正文."""
        body = self.paras.body
        own = getattr(self.paras, name)
        merged = {k: (getattr(own, k) if getattr(own, k) is not None else getattr(body, k))
                  for k in ParaStyle.model_fields}
        merged["before"], merged["after"] = own.before, own.after
        return ParaStyle.model_construct(**merged)


def _merge(base: dict, over: dict) -> dict:
    out = copy.deepcopy(base)
    for k, v in over.items():
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = _merge(out[k], v)
        else:
            out[k] = v
    return out


def default_source() -> Located:
    path = data_dir() / "gbt9704.yaml"
    return load_yaml_text(path.read_text(encoding="utf-8"), str(path))


def load_style(path=None) -> StyleSheet:
    base = default_source()
    src = base
    data = base.data
    if path is not None:
        src = load_yaml(path)
        if src.data is None:
            src.data = {}
        if not isinstance(src.data, dict):
            raise ReportgenError(src.problem("样式文件的顶层应为键值对(“键: 值”)"))
        data = _merge(base.data, src.data)
    try:
        return StyleSheet.model_validate(data)
    except ValidationError as err:
        located = Located(data, src.lines, src.file)
        raise ReportgenError(translate(err, located, StyleSheet)) from None
