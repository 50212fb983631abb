"""The facts file: typed model with Chinese keys, and validation with located errors."""
from __future__ import annotations


from .errors import Problem, ReportgenError
from .records import (F, Anything, Day, Flag, Integer, ListOf, Mapping, MapOf, Nested, OneOf,
                      Record, Text, describe, nearest)
from .numbering import unnumbered
from .report_types import ReportTypes
from .slots import SlotRegistry
from .yamlio import Located, load_yaml

TEXT = Text()
PARAGRAPHS = ListOf(TEXT, single=True)


class Org(Record):
    region = F("地区", Text(min_len=1))
    parent_region = F("上级地区", TEXT, "")
    short = F("简称", TEXT, None)
    party = F("党委", TEXT, None)
    full_name = F("全称", TEXT, None)
    term = F("届次", Integer(1, 99), None)   # the committee's term, for texts without 会议 (an article)


class Meeting(Record):
    term = F("届次", Integer(1, 99))
    session = F("会次", Integer(1, 20))
    date = F("日期", Day())
    speaker = F("报告人", TEXT, "")


class Item(Record):
    lead = F("引语", TEXT, "")
    content = F("内容", ListOf(OneOf(TEXT, Mapping()), single=True), factory=list)


class Section(Record):
    heading = F("标题", TEXT, "", after=unnumbered)
    topic = F("主题", TEXT, "")
    intro = F("导语", PARAGRAPHS, factory=list)
    items = F("事项", ListOf(Nested(Item)), factory=list)
    # facts of the section's topic, written by that topic's fact category (slots.yaml 主题)
    facts = F("事实", Anything(), None)
    # leads numbered 一是、二是…
    ordinal = F("序号引语", Flag(), False)


class Closing(Record):
    motto = F("引语", TEXT, "")
    goal = F("目标", TEXT, "")


class Part(Record):
    heading = F("标题", TEXT, "")
    intro = F("概述", PARAGRAPHS, factory=list)
    # paragraphs of the part itself, before any section (the 体会 of a term-end report)
    items = F("事项", ListOf(Nested(Item)), factory=list)
    # a list or a mapping keyed by topic: the sections in the order the file gives them
    sections = F("板块", OneOf(ListOf(Nested(Section)), MapOf(Nested(Section))), factory=list)
    ordinal = F("序号引语", Flag(), None)

    @property
    def by_topic(self) -> bool:
        return isinstance(self.sections, dict)

    def keyed_sections(self):
        """(key, section): the topic for a mapping keyed by topic, the position for a list."""
        return self.sections.items() if self.by_topic else enumerate(self.sections)

    def section_list(self) -> list[Section]:
        if isinstance(self.sections, dict):
            return [s.replace(topic=s.topic or t) for t, s in self.sections.items()]
        return list(self.sections)


class ReviewPart(Part):
    thanks = F("致谢", TEXT, "")
    shortcomings = F("不足", OneOf(ListOf(TEXT), TEXT), factory=list)


# the facts key of each part role (tree.ROLES)
PART_KEYS = {"review": "工作回顾", "lessons": "主要体会", "plan": "工作安排"}


class Facts(Record):
    report_type = F("类型", Text(min_len=1), "")   # a name in report_types.yaml; empty: the default
    year = F("年度", Integer(1949, 2200))
    org = F("机构", Nested(Org))
    meeting = F("会议", Nested(Meeting), None)     # reports: required
    date = F("日期", Day(), None)                 # articles: the publication date
    title = F("标题", TEXT, "")
    subtitle = F("副标题", TEXT, "")
    salutation = F("称呼", TEXT, "各位委员:")
    opening = F("开头", TEXT, "")
    numbered_parts = F("部分编号", Flag(), False)    # 一、过去五年的工作 / (一)…
    compare = F("同比", TEXT, "")                   # every fact with 上年 compared (templates/compare.yaml)
    review = F("工作回顾", Nested(ReviewPart), factory=ReviewPart)
    lessons = F("主要体会", Nested(Part), factory=Part)
    plan = F("工作安排", Nested(Part), factory=Part)
    # reports always close (the learned formula); an article only when given one
    closing = F("结束语", OneOf(Nested(Closing), TEXT), None)

    def part(self, role: str) -> Part:
        return {"review": self.review, "lessons": self.lessons, "plan": self.plan}[role]


def _check_root(src: Located) -> None:
    if src.data is None:
        raise ReportgenError(Problem("事实文件是空的", src.file, 1,
                                     hint="参照 examples/ 中的示例填写;或运行 reportgen build --help"))
    if not isinstance(src.data, dict):
        raise ReportgenError(src.problem(
            f"事实文件的顶层应为键值对(“键: 值”),实际是{describe(src.data)}", ()))


def _item_pieces(items, path):
    for ii, item in enumerate(items if isinstance(items, list) else []):
        content = item.get("内容") if isinstance(item, dict) else None
        if isinstance(content, (str, dict)):
            content = [content]  # a lone piece stands for a one-item list
        for ci, piece in enumerate(content if isinstance(content, list) else []):
            if isinstance(piece, dict):
                yield path + ("事项", ii, "内容", ci), piece


def raw_parts(data):
    """(part key, part) of the raw data's parts that are mappings."""
    for part_key in PART_KEYS.values():
        part = data.get(part_key) if isinstance(data, dict) else None
        if isinstance(part, dict):
            yield part_key, part


def raw_sections(part: dict):
    """(key, section, keyed by topic) of a raw part's sections that are mappings: the topic for
    a mapping keyed by topic, the position for a list."""
    sections = part.get("板块")
    keyed = sections.items() if isinstance(sections, dict) else enumerate(
        sections if isinstance(sections, list) else [])
    for key, section in keyed:
        if isinstance(section, dict):
            yield key, section, isinstance(sections, dict)


def _slot_pieces(data):
    """(path, dict) of every fact piece in the raw data, wherever the structure allows."""
    for part_key, part in raw_parts(data):
        yield from _item_pieces(part.get("事项"), (part_key,))
        for si, section, _ in raw_sections(part):
            yield from _item_pieces(section.get("事项"), (part_key, "板块", si))


def _model_contents(facts: "Facts"):
    """(path, content list) of every item of the validated facts, with _slot_pieces' paths."""
    for role, part_key in PART_KEYS.items():
        part = facts.part(role)
        for ii, item in enumerate(part.items):
            yield (part_key, "事项", ii), item.content
        for si, section in part.keyed_sections():
            for ii, item in enumerate(section.items):
                yield (part_key, "板块", si, "事项", ii), item.content


def slot_values(facts: "Facts"):
    """(path, SlotValue) of every fact of the validated facts: 内容 pieces and sections' 事实."""
    from .slots import SlotValue

    for path, content in _model_contents(facts):
        for ci, piece in enumerate(content):
            if isinstance(piece, SlotValue):
                yield path + ("内容", ci, piece.type.name), piece
    for role, part_key in PART_KEYS.items():
        part = facts.part(role)
        for key, section in part.keyed_sections():
            if isinstance(section.facts, SlotValue):
                yield (part_key, "板块", key, "事实"), section.facts


def pending_numbers(facts: "Facts", src: Located) -> list[Problem]:
    """Numbers last year had (上年) and this year's file has not yet: shown as ×× in the report."""
    from .slots import unit_of

    out = []
    for path, value in slot_values(facts):
        for name in value.pending():
            p = src.problem(f"今年的数字还没填(上年 {value.last[name]}{unit_of(value, name)}),"
                            "报告中暂写作“××”", path + (name,), f"在 `{name}:` 后面填上今年的数字")
            p.level = "警告"
            out.append(p)
    return out


def validate(src: Located, slots: SlotRegistry, types: ReportTypes) -> Facts:
    """The facts of a file, or every problem it has (structure, facts, type, topics) at once."""
    _check_root(src)
    problems: list[Problem] = []
    checked = {path: slots.validate(piece, src, path, problems)
               for path, piece in _slot_pieces(src.data)}
    facts, found = Facts.read(src)
    problems += found + _type_requirements(src, types) + _unknown_topics(src)
    if facts is not None:
        facts.report_type = facts.report_type or types.default.name
        for path, content in _model_contents(facts):
            for ci in range(len(content)):
                if path + ("内容", ci) in checked:
                    content[ci] = checked[path + ("内容", ci)]
        _section_facts(facts, src, slots, problems)
        if facts.compare and facts.compare not in slots.comparisons:
            problems.append(src.problem(f"“同比”的取值“{facts.compare}”不认识", ("同比",),
                                        "可选:" + "、".join(slots.comparisons)))
    if problems:
        problems.sort(key=lambda p: (p.line or 0))
        raise ReportgenError(problems)
    return facts


_REQUIRED_HINTS = {
    "会议": ("要写明届次、会次和日期", "在文件中补上 `会议: {届次: …, 会次: …, 日期: …}`"),
    "日期": ("要写明发布日期", "在文件中补上 `日期: 2023-01-01`"),
}


def _type_requirements(src: Located, types: ReportTypes) -> list[Problem]:
    """The report type is known, and the facts have the keys and only the parts it declares
    (read from the raw data, so these come with any other problem)."""
    data = src.data
    name = data.get("类型") or types.default.name
    if not isinstance(name, str):
        return []  # Facts.read says so
    if name.strip() not in types:
        near = nearest(name, types.names)
        return [src.problem(f"未知的报告类型“{name}”", ("类型",),
                            (f"是否想写“{near}”?" if near else "") + "可用的类型:" + "、".join(types.names))]
    rtype = types[name.strip()]
    out = []
    for key in rtype.required:
        # a meeting's date is a date too
        if data.get(key) is None and not (key == "日期" and data.get("会议") is not None):
            why, hint = _REQUIRED_HINTS[key]
            out.append(src.problem(f"缺少必填的键“{key}”({rtype.label}{why})", (key,), hint))
    for role, key in PART_KEYS.items():
        if data.get(key) and role not in rtype.roles:
            out.append(src.problem(
                f"{rtype.label}没有“{key}”这一部分,这里的内容不会出现在报告中", (key,),
                "删去这个键,或把“类型”改为有这一部分的类型:"
                + "、".join(n for n, t in types.types.items() if role in t.roles)))
    return out


def _unknown_topics(src: Located) -> list[Problem]:
    """Sections keyed by topic must name known topics."""
    topics = known_topics()
    out = []
    for part_key in PART_KEYS.values():
        part = src.data.get(part_key)
        sections = part.get("板块") if isinstance(part, dict) else None
        for key in sections if isinstance(sections, dict) else ():
            if key not in topics:
                near = nearest(key, topics)
                out.append(src.problem(
                    f"“{key}”不是已知的主题", (part_key, "板块", str(key)),
                    (f"是否想写“{near}”?" if near else "") + "可用的主题:" + "、".join(topics)))
    return out


def _section_facts(facts: Facts, src: Located, slots: SlotRegistry, problems: list[Problem]) -> None:
    """A section's 事实 are written by the fact category of its topic."""
    for role, part_key in PART_KEYS.items():
        part = facts.part(role)
        for key, section in part.keyed_sections():
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


def known_topics() -> list[str]:
    from .resources import known_topics as topics

    return topics()


def load_facts(path, slots: SlotRegistry, types: ReportTypes) -> Facts:
    return validate(load_yaml(path), slots, types)
