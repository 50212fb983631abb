"""The layout style sheet: GB/T 9704 defaults as data, merged with local presets."""
from __future__ import annotations

import copy
import re

from .errors import ReportgenError
from .records import F, Choice, Converted, Flag, Integer, Nested, Number, Record, Text, finite
from .resources import data_dir
from .yamlio import Located, load_yaml, load_yaml_text

SIZES = {"初号": 42, "小初": 36, "一号": 26, "小一": 24, "二号": 22, "小二": 18, "三号": 16,
         "小三": 15, "四号": 14, "小四": 12, "五号": 10.5, "小五": 9, "六号": 7.5}
_LEN = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(mm|cm|pt|毫米|厘米|磅)?\s*$")
_PT_PER = {"mm": 72 / 25.4, "毫米": 72 / 25.4, "cm": 720 / 25.4, "厘米": 720 / 25.4,
           "pt": 1.0, "磅": 1.0, None: 72 / 25.4}


def length_pt(v) -> float:
    """'37mm' -> points. Bare numbers are millimetres; a length is finite and not negative."""
    number = finite(v)
    if number is not None:
        pt = number * 72 / 25.4
    else:
        m = _LEN.match(str(v))
        if not m:
            raise ValueError(f"“{v}”不是长度,应写成 37mm、1.5cm 或 28pt 这样的形式")
        pt = float(m.group(1)) * _PT_PER[m.group(2)]
    if not 0 <= pt <= 2000:
        raise ValueError(f"长度“{v}”不合理,应在 0 到 700mm 之间")
    return pt


def size_pt(v) -> float:
    """'三号' or 16 -> points."""
    text = str(v).strip()
    pt = float(SIZES[text]) if text in SIZES else finite(text.removesuffix("磅").removesuffix("pt"))
    if pt is None:
        raise ValueError(f"“{v}”不是字号,可写 " + "、".join(SIZES) + " 或磅值")
    if not 1 <= pt <= 200:
        raise ValueError(f"字号“{v}”不合理,应在 1 到 200 磅之间")
    return pt


LENGTH = Converted(length_pt, "长度(如 37mm、1.5cm、28pt)")
SIZE = Converted(size_pt, "字号(如 三号、16)")
TEXT = Text(min_len=1)


def _has_number(v: str) -> str:
    if "{页码}" not in v:
        raise ValueError("页码格式中要有“{页码}”,如“— {页码} —”")
    return v


class Page(Record):
    width = F("宽", LENGTH)
    height = F("高", LENGTH)
    top = F("上边距", LENGTH)
    bottom = F("下边距", LENGTH)
    left = F("左边距", LENGTH)
    right = F("右边距", LENGTH)
    lines = F("每页行数", Integer(5, 60))
    chars = F("每行字数", Integer(5, 60))

    @property
    def text_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def text_height(self) -> float:
        return self.height - self.top - self.bottom


class ParaStyle(Record):
    font = F("中文字体", TEXT, None)
    size = F("字号", SIZE, None)
    indent = F("首行缩进", Number(0, 10), None)
    align = F("对齐", Choice("两端", "居中", "左", "右"), None)
    bold = F("加粗", Flag(), None)
    before = F("段前", Number(0, 10), 0)
    after = F("段后", Number(0, 10), 0)


class RunStyle(Record):
    font = F("中文字体", TEXT, None)
    bold = F("加粗", Flag(), None)


class PageNumber(Record):
    font = F("中文字体", TEXT)
    size = F("字号", SIZE)
    format = F("格式", Text(min_len=1, strip=False), after=_has_number)
    gap = F("距版心", LENGTH)
    inset = F("空字", Number(0, 5))


def _complete(body: ParaStyle) -> ParaStyle:
    """正文 is what the other styles fall back to: it needs a font and a size of its own."""
    if body.font is None or body.size is None:
        raise ValueError("正文要写明“中文字体”和“字号”(其他段落样式未写的都取正文的)")
    return body


def _text_area(page: Page) -> Page:
    if page.text_width < 72 or page.text_height < 72:
        raise ValueError(f"页边距过大:版心只剩 {page.text_width * 25.4 / 72:.0f}mm × "
                         f"{page.text_height * 25.4 / 72:.0f}mm,应至少 25mm × 25mm")
    return page


class Paras(Record):
    body = F("正文", Nested(ParaStyle), after=_complete)
    title = F("标题", Nested(ParaStyle))
    subtitle = F("副标题", Nested(ParaStyle))
    byline = F("署名", Nested(ParaStyle))
    salutation = F("称呼", Nested(ParaStyle))
    part = F("部分标题", Nested(ParaStyle))
    h1 = F("一级标题", Nested(ParaStyle))
    h2 = F("二级标题", Nested(ParaStyle))
    h3 = F("三级标题", Nested(ParaStyle))
    h4 = F("四级标题", Nested(ParaStyle))


class StyleSheet(Record):
    page = F("页面", Nested(Page), after=_text_area)
    latin_font = F("西文字体", TEXT)
    paras = F("段落", Nested(Paras))
    lead = F("引语", Nested(RunStyle))
    page_number = F("页码", Nested(PageNumber))

    def para(self, name: str) -> ParaStyle:
        """Resolved paragraph style: unset values fall back to 正文."""
        body = self.paras.body
        own = getattr(self.paras, name)
        merged = {k: (getattr(own, k) if getattr(own, k) is not None else getattr(body, k))
                  for k in ParaStyle._fields}
        merged["before"], merged["after"] = own.before, own.after
        return ParaStyle(**merged)


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
    sheet, problems = StyleSheet.read(Located(data, src.lines, src.file))
    if problems:
        raise ReportgenError(problems)
    return sheet
