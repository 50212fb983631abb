"""The facts file: typed model with Chinese keys, and validation with located errors."""
from __future__ import annotations

import datetime as dt
import difflib
from typing import Any, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import Problem, ReportgenError
from .slots import SlotRegistry
from .yamlio import Located, load_yaml

Text = str
Paragraphs = list[str]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=False, frozen=False,
                              str_strip_whitespace=True)


def _as_list(v: Any) -> Any:
    if isinstance(v, str):
        return [v]
    return v


class Org(Model):
    region: Text = Field(alias="地区", min_length=1)
    parent_region: Text = Field("", alias="上级地区")
    short: Text | None = Field(None, alias="简称")
    party: Text | None = Field(None, alias="党委")
    full_name: Text | None = Field(None, alias="全称")


def _sensible_date(v: Any) -> Any:
    if isinstance(v, dt.date) and not 1949 <= v.year <= 2200:
        raise ValueError(f"日期 {v.isoformat()} 的年份不合理(应在 1949 到 2200 之间)")
    return v


class Meeting(Model):
    term: int = Field(alias="届次", ge=1, le=99)
    session: int = Field(alias="会次", ge=1, le=20)
    date: dt.date = Field(alias="日期")
    speaker: Text = Field("", alias="报告人")

    _date = field_validator("date")(_sensible_date)


def yes(v: Any) -> Any:
    """是/否 in a YAML file mean true/false."""
    if isinstance(v, str) and v.strip() in ("是", "否"):
        return v.strip() == "是"
    return v


class Item(Model):
    lead: Text = Field("", alias="引语")
    content: list[Union[str, dict]] = Field(default_factory=list, alias="内容")

    _norm = field_validator("content", mode="before")(_as_list)


class Section(Model):
    heading: Text = Field("", alias="标题")
    topic: Text = Field("", alias="主题")
    intro: Paragraphs = Field(default_factory=list, alias="导语")
    items: list[Item] = Field(default_factory=list, alias="事项")
    # facts of the section's topic, written by that topic's fact category (slots.yaml 主题)
    facts: Any = Field(None, alias="事实")
    # leads numbered 一是、二是…
    ordinal: bool = Field(False, alias="序号引语")

    _norm = field_validator("intro", mode="before")(_as_list)
    _bool = field_validator("ordinal", mode="before")(yes)

    @field_validator("heading")
    @classmethod
    def _unnumbered(cls, v: str) -> str:
        """Headings are numbered by the template: drop a number typed in (“一、”)."""
        from .parse import numbering

        got = numbering(v)
        return got[2].strip() if got else v


class Closing(Model):
    motto: Text = Field("", alias="引语")
    goal: Text = Field("", alias="目标")


class Part(Model):
    heading: Text = Field("", alias="标题")
    intro: Paragraphs = Field(default_factory=list, alias="概述")
    # paragraphs of the part itself, before any section (the 体会 of a term-end report)
    items: list[Item] = Field(default_factory=list, alias="事项")
    # a list keeps its order; a mapping keyed by topic is put in the schema's order
    sections: Union[list[Section], dict[str, Section]] = Field(default_factory=list, alias="板块")
    ordinal: Optional[bool] = Field(None, alias="序号引语")

    _norm = field_validator("intro", mode="before")(_as_list)
    _bool = field_validator("ordinal", mode="before")(yes)

    @property
    def by_topic(self) -> bool:
        return isinstance(self.sections, dict)

    def section_list(self) -> list[Section]:
        if isinstance(self.sections, dict):
            return [s.model_copy(update={"topic": s.topic or t}) for t, s in self.sections.items()]
        return list(self.sections)


class ReviewPart(Part):
    thanks: Text = Field("", alias="致谢")
    shortcomings: Union[list[str], str] = Field(default_factory=list, alias="不足")


PART_KEYS = {"review": "工作回顾", "lessons": "主要体会", "plan": "工作安排"}


class Facts(Model):
    kind: Literal["年度", "届末", "综述"] = Field("年度", alias="类型")
    year: int = Field(alias="年度", ge=1949, le=2200)
    org: Org = Field(alias="机构")
    meeting: Optional[Meeting] = Field(None, alias="会议")     # reports: required
    date: Optional[dt.date] = Field(None, alias="日期")         # articles: the publication date
    title: Text = Field("", alias="标题")
    subtitle: Text = Field("", alias="副标题")
    salutation: Text = Field("各位委员:", alias="称呼")
    opening: Text = Field("", alias="开头")
    numbered_parts: bool = Field(False, alias="部分编号")    # 一、过去五年的工作 / (一)…
    review: ReviewPart = Field(default_factory=ReviewPart, alias="工作回顾")
    lessons: Part = Field(default_factory=Part, alias="主要体会")
    plan: Part = Field(default_factory=Part, alias="工作安排")
    # reports always close (the learned formula); an article only when given one
    closing: Union[Closing, str, None] = Field(None, alias="结束语")

    _bool = field_validator("numbered_parts", mode="before")(yes)
    _date = field_validator("date")(_sensible_date)

    def part(self, kind: str) -> Part:
        return {"review": self.review, "lessons": self.lessons, "plan": self.plan}[kind]


# ---- error translation -------------------------------------------------------------

_TYPE_NAMES = {
    "string_type": "文字", "int_type": "整数", "int_parsing": "整数", "int_from_float": "整数",
    "float_type": "数字", "float_parsing": "数字", "bool_type": "是/否",
    "list_type": "列表(每项另起一行,行首写短横线和空格)", "dict_type": "键值对(“键: 值”)",
    "model_type": "键值对(“键: 值”)", "model_attributes_type": "键值对(“键: 值”)",
    "date_type": "日期(如 2021-06-21)", "date_parsing": "日期(如 2021-06-21)",
    "date_from_datetime_parsing": "日期(如 2021-06-21)",
    "date_from_datetime_inexact": "日期(如 2021-06-21)",
}


def _describe(value: Any) -> str:
    if value is None:
        return "空值"
    if isinstance(value, bool):
        return "是/否"
    if isinstance(value, (int, float)):
        return f"数字 {value}"
    if isinstance(value, str):
        short = value if len(value) <= 20 else value[:20] + "…"
        return f"文字“{short}”"
    if isinstance(value, list):
        return "列表"
    if isinstance(value, dict):
        return "键值对"
    return type(value).__name__


def nearest(name: str, choices) -> str | None:
    got = difflib.get_close_matches(str(name), list(choices), n=1, cutoff=0.3)
    return got[0] if got else None


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """Walk a pydantic model class along an alias path; return the model at the end."""
    import typing

    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = next((f for f in current.model_fields.values() if f.alias == part), None)
        if field is None:
            return None
        ann = field.annotation
        found = None
        for cand in (ann, *typing.get_args(ann), *[a for t in typing.get_args(ann)
                                                  for a in typing.get_args(t)]):
            if isinstance(cand, type) and issubclass(cand, BaseModel):
                found = cand
                break
        current = found
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _clean_loc(loc: tuple, data: Any, keep_last: bool) -> tuple:
    """Drop pydantic's union member tags: loc parts that are not keys in the data."""
    out: list = []
    current = data
    for i, part in enumerate(loc):
        if isinstance(part, int):
            out.append(part)
            current = current[part] if isinstance(current, list) and part < len(current) else None
        elif isinstance(current, dict) and part in current:
            out.append(part)
            current = current[part]
        elif keep_last and i == len(loc) - 1:
            out.append(part)
    return tuple(out)


def _wrong_branch(loc: tuple, data: Any) -> bool:
    """An error from the list branch of a list-or-mapping union when the data is a mapping
    (or the other way round): the person wrote the other form, so it is not theirs."""
    current = data
    for part in loc:
        if isinstance(part, int):
            current = current[part] if isinstance(current, list) and part < len(current) else None
        elif isinstance(current, dict) and part in current:
            current = current[part]
        elif part.startswith("list[") and isinstance(current, dict):
            return True
        elif part.startswith("dict[") and isinstance(current, list):
            return True
    return False


def translate(err: ValidationError, src: Located, model: type[BaseModel],
              prefix: tuple = (), data: Any = None) -> list[Problem]:
    """pydantic errors -> Chinese problems located in the YAML source."""
    problems: list[Problem] = []
    seen = set()
    types_at: dict[tuple, list[str]] = {}
    data = src.data if data is None else data
    errors = err.errors()
    own = [e for e in errors if not _wrong_branch(tuple(e["loc"]), data)]
    for e in own or errors:
        kind = e["type"]
        loc = prefix + _clean_loc(tuple(e["loc"]), data,
                                  kind in ("missing", "extra_forbidden"))
        if kind == "extra_forbidden":
            key = loc[-1]
            owner = _model_at(model, loc[len(prefix):-1])
            valid = [f.alias for f in owner.model_fields.values()] if owner else []
            near = nearest(key, valid)
            hint = f"是否想写“{near}”?" if near else ""
            root_keys = [f.alias for f in model.model_fields.values()]
            if not near and key in root_keys and len(loc) > len(prefix) + 1:
                hint = f"“{key}”是顶层的键,应顶格书写;检查它的缩进。"
            elif valid:
                hint += ("" if not hint else " ") + "此处可用的键:" + "、".join(valid)
            msg, path = f"未知的键“{key}”", loc
        elif kind == "missing":
            msg, path = f"缺少必填的键“{loc[-1]}”", loc
            hint = f"在“{loc[-2]}”下补上“{loc[-1]}: …”" if len(loc) > 1 and isinstance(loc[-2], str) \
                else f"在文件中补上“{loc[-1]}: …”"
        elif kind in _TYPE_NAMES:
            names = types_at.setdefault(loc, [])
            if _TYPE_NAMES[kind] not in names:
                names.append(_TYPE_NAMES[kind])
            msg = f"应为{'或'.join(names)},实际是{_describe(e.get('input'))}"
            path, hint = loc, ""
            problems = [p for p in problems if p.path != loc]
            seen = {s for s in seen if s[0] != loc}
        elif kind == "literal_error":
            expected = e.get("ctx", {}).get("expected", "")
            msg = f"取值“{e.get('input')}”无效,可选:{expected}"
            path, hint = loc, ""
        elif kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
            ctx = e.get("ctx", {})
            bound = next(iter(ctx.values()), "")
            rel = {"greater_than_equal": "不小于", "less_than_equal": "不大于",
                   "greater_than": "大于", "less_than": "小于"}[kind]
            msg, path, hint = f"数值 {e.get('input')} 超出范围,应{rel} {bound}", loc, ""
        elif kind in ("string_too_short", "too_short"):
            msg, path, hint = "不能为空", loc, "填写内容,或删除这个键"
        elif kind == "value_error":
            msg, path, hint = str(e.get("ctx", {}).get("error", e["msg"])), loc, ""
        else:
            msg, path, hint = f"取值不合要求({_describe(e.get('input'))})", loc, ""
        key = (path, msg)
        if key in seen:
            continue
        seen.add(key)
        problems.append(src.problem(msg, path, hint))
    return problems


def _check_root(src: Located) -> None:
    if src.data is None:
        raise ReportgenError(Problem("事实文件是空的", src.file, 1,
                                     hint="参照 examples/ 中的示例填写;或运行 reportgen build --help"))
    if not isinstance(src.data, dict):
        raise ReportgenError(src.problem(
            f"事实文件的顶层应为键值对(“键: 值”),实际是{_describe(src.data)}", ()))


def _item_pieces(items, path):
    for ii, item in enumerate(items if isinstance(items, list) else []):
        content = item.get("内容") if isinstance(item, dict) else None
        for ci, piece in enumerate(content if isinstance(content, list) else []):
            if isinstance(piece, dict):
                yield path + ("事项", ii, "内容", ci), piece


def _slot_pieces(data):
    """(path, dict) of every fact piece in the raw data, wherever the structure allows."""
    if not isinstance(data, dict):
        return
    for part_key in PART_KEYS.values():
        part = data.get(part_key)
        if not isinstance(part, dict):
            continue
        yield from _item_pieces(part.get("事项"), (part_key,))
        sections = part.get("板块")
        keyed = sections.items() if isinstance(sections, dict) else enumerate(
            sections if isinstance(sections, list) else [])
        for si, section in keyed:
            if isinstance(section, dict):
                yield from _item_pieces(section.get("事项"), (part_key, "板块", si))


def _model_contents(facts: "Facts"):
    """(path, content list) of every item of the validated facts, with _slot_pieces' paths."""
    for kind, part_key in PART_KEYS.items():
        part = facts.part(kind)
        for ii, item in enumerate(part.items):
            yield (part_key, "事项", ii), item.content
        keyed = part.sections.items() if part.by_topic else enumerate(part.sections)
        for si, section in keyed:
            for ii, item in enumerate(section.items):
                yield (part_key, "板块", si, "事项", ii), item.content


def validate(src: Located, slots: SlotRegistry) -> Facts:
    _check_root(src)
    problems: list[Problem] = []
    checked = {path: slots.validate(piece, src, path, problems)
               for path, piece in _slot_pieces(src.data)}
    try:
        facts = Facts.model_validate(src.data)
    except ValidationError as err:
        problems += translate(err, src, Facts)
        facts = None
    if problems:
        problems.sort(key=lambda p: (p.line or 0))
        raise ReportgenError(problems)
    for path, content in _model_contents(facts):
        for ci in range(len(content)):
            if path + ("内容", ci) in checked:
                content[ci] = checked[path + ("内容", ci)]
    if facts.kind != "综述" and facts.meeting is None:
        problems.append(src.problem("缺少必填的键“会议”(工作报告要写明届次、会次和日期)", ("会议",),
                                    "在文件中补上“会议: {届次: …, 会次: …, 日期: …}”"))
    if facts.kind == "综述" and facts.date is None and facts.meeting is None:
        problems.append(src.problem("缺少必填的键“日期”(综述要写明发布日期)", ("日期",),
                                    "在文件中补上“日期: 2023-01-01”"))
    for kind, part_key in PART_KEYS.items():
        part = facts.part(kind)
        keyed = part.sections.items() if part.by_topic else enumerate(part.sections)
        for key, section in keyed:
            if section.facts is None:
                continue
            topic = section.topic or (key if part.by_topic else "")
            path = (part_key, "板块", key)
            stype = slots.for_topic(topic)
            if stype is None:
                problems.append(src.problem(
                    f"“事实”要按板块的主题写,但{'没有写主题' if not topic else f'主题“{topic}”没有对应的事实类别'}",
                    path + ("事实",), "写明“主题”,或把这些事实写进“事项”的“内容”"))
                continue
            section.facts = slots.validate({stype.name: section.facts}, src, path + ("事实",),
                                           problems, named=False)
    topics = known_topics()
    for kind, part_key in PART_KEYS.items():
        part = facts.part(kind)
        if part.by_topic:
            for key in part.sections:
                if key not in topics:
                    near = nearest(key, topics)
                    problems.append(src.problem(
                        f"“{key}”不是已知的主题", (part_key, "板块", key),
                        (f"是否想写“{near}”?" if near else "") + "可用的主题:" + "、".join(topics)))
    if problems:
        raise ReportgenError(problems)
    return facts


def known_topics() -> list[str]:
    from .resources import known_topics as topics

    return topics()


def load_facts(path, slots: SlotRegistry) -> Facts:
    return validate(load_yaml(path), slots)
