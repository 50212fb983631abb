"""Report tree -> report text: one line per paragraph of the document, leads in **…**.

The form reportgen reads back (README: 报告文本格式) and the one tests compare documents with.
"""
from __future__ import annotations

from ..tree import Paragraph, Report


def front_blocks(report: Report) -> list[tuple[str, str]]:
    """(look, text) of the front matter as the document shows it, empty lines left out; the
    look is the style sheet's paragraph (title, subtitle, byline, salutation)."""
    m = report.meta
    blocks = [("title", m.title), ("subtitle", m.subtitle), ("subtitle", "——" + m.meeting if m.meeting else ""),
              ("byline", m.shown("speaker")), ("byline", m.date_text), ("salutation", m.salutation)]
    return [(look, text) for look, text in blocks if text]


def front_lines(report: Report) -> list[str]:
    """The front matter as the document shows it, empty lines left out."""
    return [text for _, text in front_blocks(report)]


def write_text(report: Report) -> str:
    out = front_lines(report)
    for _, node in report.walk():
        if isinstance(node, Paragraph):
            out.append((f"**{node.lead}**" if node.lead else "") + node.text)
        elif node.heading:
            out.append(node.number + node.heading)
    return "\n".join(out) + "\n"
