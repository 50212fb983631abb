"""Report tree -> Markdown (headings by depth, leads in bold)."""
from __future__ import annotations

from ..tree import Paragraph, Report


def write_md(report: Report) -> str:
    meta = report.meta
    out: list[str] = []
    if meta.title:
        out.append(f"# {meta.title}")
    for line in (meta.subtitle, ("——" + meta.meeting) if meta.meeting else "", meta.speaker,
                 meta.date_text):
        if line:
            out.append(line)
    if meta.salutation:
        out.append(meta.salutation)
    for depth, node in report.walk():
        if isinstance(node, Paragraph):
            out.append((f"**{node.lead}**" if node.lead else "") + node.text)
        elif node.heading:
            out.append("#" * min(depth + 1, 6) + f" {node.number}{node.heading}")
    return "\n\n".join(out) + "\n"
