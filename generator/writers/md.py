"""Report tree -> Markdown (headings by depth, leads in bold)."""
from __future__ import annotations

from ..tree import Paragraph, Report
from .text import front_lines


def write_md(report: Report) -> str:
    out = front_lines(report)
    if report.meta.title:
        out[0] = f"# {out[0]}"
    for depth, node in report.walk():
        if isinstance(node, Paragraph):
            out.append((f"**{node.lead}**" if node.lead else "") + node.text)
        elif node.heading:
            out.append("#" * min(depth + 1, 6) + f" {node.number}{node.heading}")
    return "\n\n".join(out) + "\n"
