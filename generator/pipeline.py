"""Facts file -> report tree -> document bytes: what build does for one report."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import Problem, ReportgenError
from .facts import Facts, validate
from .output import stamp, stamp_md
from .render import Renderer, Stats
from .style import StyleSheet, load_style
from .tree import Report
from .yamlio import Located, load_yaml

FORMATS = ("docx", "md", "html")


@dataclass
class Draft:
    facts: Facts
    tree: Report
    stats: Stats
    source: Located  # the facts file as read, with the line of every key

    @property
    def warnings(self) -> list:
        """What the facts file says that may not be what its writer meant (text cut by “ #”),
        and numbers still to fill (××)."""
        from .facts import pending_numbers
        from .yamlio import comment_warnings

        return comment_warnings(self.source) + pending_numbers(self.facts, self.source)

    @property
    def text(self) -> str:
        """The report as text, one line per paragraph (writers/text.py)."""
        from .writers.text import write_text

        return write_text(self.tree)


def draft(facts_path: str | Path, renderer: Renderer | None = None) -> Draft:
    """Validate the facts and render them into a report tree."""
    if renderer is None:
        from .schema import load_schema

        renderer = Renderer(schema=load_schema())
    src = load_yaml(facts_path)
    facts = validate(src, renderer.slots, renderer.types)
    tree, stats = renderer.render(facts)
    return Draft(facts, tree, stats, src)


def document(tree: Report, fmt: str, sheet: StyleSheet | None = None, source: str = "",
             writer=None) -> bytes:
    """Serialise a report tree, stamped with provenance. `writer`: a DocxWriter to reuse
    (it keeps the styled empty document between reports of a batch)."""
    if fmt == "docx":
        from .writers.docx import DocxWriter

        writer = writer or DocxWriter(sheet or load_style())
        base, parts = writer.write(tree)
        return stamp(base, parts, source, writer.paragraph_texts)
    if fmt == "md":
        from .writers.md import write_md

        return stamp_md(write_md(tree))
    if fmt == "html":
        from .writers.html import write_html

        return stamp_md(write_html(tree, sheet or load_style()))
    raise ReportgenError(Problem(f"不支持的输出格式“{fmt}”", hint="可选:" + "、".join(FORMATS)))
