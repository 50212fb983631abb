"""Report tree -> report text: one line per paragraph of the document, leads in **…**.

The form reportgen reads back (README: 报告文本格式) and the one tests compare documents with.
"""
from __future__ import annotations

from ..tree import Paragraph, Report


def front_lines(report: Report) -> list[str]:
    """The front matter as the document shows it, empty lines left out."""
    m = report.meta
    lines = [m.title, m.subtitle, "——" + m.meeting if m.meeting else "", m.shown("speaker"), m.date_text,
             m.salutation]
    return [ln for ln in lines if ln]


def write_text(report: Report) -> str:
    out = front_lines(report)
    for _, node in report.walk():
        if isinstance(node, Paragraph):
            out.append((f"**{node.lead}**" if node.lead else "") + node.text)
        elif node.heading:
            out.append(node.number + node.heading)
    return "\n".join(out) + "\n"
