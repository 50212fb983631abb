"""The learned section schema (corpus/schema.yaml), read through typed records.

`reportgen learn` writes it; an office may keep its own, edited by hand: every problem of
such a file is reported in Chinese with its line and key path.
"""
from __future__ import annotations

from pathlib import Path

from .errors import Problem, ReportgenError
from .records import F, Findings, Integer, ListOf, MapOf, Nested, Number, Choice, Record, Text
from .tree import PART_NAMES

TEXTS = ListOf(Text())


class Example(Record):
    text = F("文字", Text())
    source = F("来源", Text(), "")


class TopicUse(Record):
    """A topic as a part of one report type uses it."""
    topic = F("主题", Text(min_len=1))
    seen = F("出现", Integer(0), 0)
    position = F("位置", Number(0, 1), 0.0)
    heading_examples = F("标题示例", ListOf(Nested(Example)), factory=list)
    lead_examples = F("引语示例", ListOf(Nested(Example)), factory=list)


class LearnedPart(Record):
    role = F("类别", Choice(*PART_NAMES))
    name = F("名称", Text(), "")
    seen = F("出现", Integer(0), 0)
    headings = F("标题", MapOf(Integer(0)), factory=dict)   # heading -> reports using it, most first
    topics = F("主题", ListOf(Nested(TopicUse)), factory=list)


class LearnedType(Record):
    count = F("篇数", Integer(0), 0)
    sources = F("来源", TEXTS, factory=list)
    parts = F("部分", ListOf(Nested(LearnedPart)), factory=list)

    def part(self, role: str) -> LearnedPart | None:
        return next((p for p in self.parts if p.role == role), None)


class FactUse(Record):
    noun = F("名词", Text())
    unit = F("单位", Text())
    count = F("次数", Integer(0), 0)
    examples = F("例句", ListOf(Nested(Example)), factory=list)


class LearnedTopic(Record):
    keywords = F("关键词", MapOf(Number()), factory=dict)
    facts = F("事实", ListOf(Nested(FactUse)), factory=list)


class Variant(Record):
    text = F("文本", Text())
    sources = F("来源", TEXTS, factory=list)


class Schema(Record):
    sources = F("来源", TEXTS, factory=list)
    types = F("报告类型", MapOf(Nested(LearnedType)))
    topics = F("主题", MapOf(Nested(LearnedTopic)))
    formulas = F("套语", MapOf(MapOf(ListOf(Nested(Variant)))), factory=dict)  # type -> name -> variants

    def learned(self, report_type: str) -> LearnedType:
        return self.types.get(report_type) or LearnedType()

    @property
    def keywords(self) -> dict[str, dict[str, float]]:
        return {t: v.keywords for t, v in self.topics.items()}

    @classmethod
    def of(cls, data: "Schema | dict | None") -> "Schema":
        """A schema from what `learn` returns (or an empty one); plain data is checked."""
        if isinstance(data, Schema):
            return data
        if not data:
            return cls(types={}, topics={})
        found = Findings(cls)
        got = cls.check(data, (), found)
        if found.items:
            raise ReportgenError([Problem(m, "schema", None, p, h) for p, m, h in found.items])
        return got


HINT = "用 reportgen learn 语料目录 -o 文件 重新生成"


def load_schema(path: str | Path | None = None) -> Schema:
    """The learned schema: the bundled corpus/schema.yaml, or an office's own."""
    import yaml

    from .resources import schema_path
    from .yamlio import load_data_file, load_yaml

    path = Path(path or schema_path())
    try:
        data = load_data_file(path)  # fast: no line tracking while all is well
    except (ReportgenError, yaml.YAMLError):
        data = None  # read again below, with lines, for the located message
    if isinstance(data, dict):
        found = Findings(Schema)
        got = Schema.check(data, (), found)
        if not found.items:
            return got
    src = load_yaml(path)  # read again with lines, for a located message
    if not isinstance(src.data, dict) or "报告类型" not in src.data or "主题" not in src.data:
        raise ReportgenError(src.problem("不是 reportgen learn 生成的结构文件(缺少“报告类型”或“主题”)", hint=HINT))
    _, problems = Schema.read(src)
    for p in problems:
        p.hint = p.hint or HINT
    raise ReportgenError(problems)
