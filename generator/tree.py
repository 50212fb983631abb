"""The report tree: what the parser builds and the writers read (like pandoc's AST)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Union


# The role of a part in a report, and its Chinese name.
ROLES = ("review", "lessons", "plan")
PART_NAMES = {"review": "回顾", "lessons": "体会", "plan": "安排", "other": "其他"}


@dataclass
class Paragraph:
    text: str
    lead: str = ""          # bold lead sentence at the start, e.g. “坚持党的全面领导。”

    @property
    def full(self) -> str:
        return self.lead + self.text


@dataclass
class Section:
    heading: str
    number: str = ""        # “一、” “(一)” “1.” “(1)” or ""
    form: str = "plain"     # cn 一、 | paren_cn (一) | arabic 1. | paren_arabic (1) | plain
    topic: str = ""
    children: list[Union["Section", Paragraph]] = field(default_factory=list)

    @property
    def sections(self) -> list["Section"]:
        return [c for c in self.children if isinstance(c, Section)]

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [c for c in self.children if isinstance(c, Paragraph)]


@dataclass
class Part(Section):
    role: str = "other"     # review | lessons | plan | other


@dataclass
class Meta:
    title: str = ""
    subtitle: str = ""      # an article's sub-headline
    meeting: str = ""       # the meeting line without the dashes: 在政协…会议上
    speaker: str = ""
    date: str = ""          # ISO 8601 when known
    date_text: str = ""     # as written
    salutation: str = ""
    # fields read from running text (a news item's "某某代表常委会作报告"), not printed as such:
    # writers leave them out of the front matter, where they would be lines the text never had
    inferred: tuple = ()

    def shown(self, name: str) -> str:
        """A front-matter field as the document shows it ('' for an inferred one)."""
        return "" if name in self.inferred else getattr(self, name)


def walk(nodes, depth: int = 0):
    """Yield (depth, node) in document order. Headed parts and sections have depth >= 1;
    an unnamed part (an article's, or one a cut-off report lost) adds no level."""
    for n in nodes:
        if isinstance(n, Section):
            inner = depth + 1 if n.heading else depth
            yield inner, n
            yield from walk(n.children, inner)
        else:
            yield depth, n


@dataclass
class Report:
    meta: Meta = field(default_factory=Meta)
    children: list[Union[Part, Section, Paragraph]] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)   # a page's lines above the report's title

    @property
    def parts(self) -> list[Part]:
        return [c for c in self.children if isinstance(c, Part)]

    def walk(self):
        """Yield (depth, node) in document order; see `walk`."""
        yield from walk(self.children)

    def paragraphs(self) -> list[Paragraph]:
        return [n for _, n in self.walk() if isinstance(n, Paragraph)]

    def to_dict(self) -> dict:
        def node(n):
            if isinstance(n, Paragraph):
                return {"lead": n.lead, "text": n.text}
            d = {"heading": n.heading, "number": n.number, "form": n.form, "topic": n.topic}
            if isinstance(n, Part):
                d = {"role": n.role, **d}
            d["leads"] = [c.lead for c in n.children if isinstance(c, Paragraph) and c.lead]
            d["paragraphs"] = [node(c) for c in n.children if isinstance(c, Paragraph)]
            d["sections"] = [node(c) for c in n.children if isinstance(c, Section)]
            return d

        meta = {k: v for k, v in asdict(self.meta).items() if k != "inferred"}
        return {**meta,
                "preamble": [node(c) for c in self.children if isinstance(c, Paragraph)],
                "parts": [node(c) for c in self.children if isinstance(c, Part)],
                "sections": [node(c) for c in self.children
                             if isinstance(c, Section) and not isinstance(c, Part)]}
