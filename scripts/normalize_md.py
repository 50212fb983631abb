"""Normalise Chinese punctuation in Markdown prose (outside code fences and inline code).

Usage: .venv/bin/python scripts/normalize_md.py README.md corpus/README.md
"""
import re
import sys
from pathlib import Path

from generator.typography import normalize_line

INLINE_CODE = re.compile(r"(`[^`]*`)")


def normalize_md(text: str) -> str:
    out, fenced = [], False
    for line in text.split("\n"):
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced:
            parts = INLINE_CODE.split(line)
            line = "".join(p if p.startswith("`") else normalize_line(p) for p in parts)
        out.append(line)
    return "\n".join(out)


if __name__ == "__main__":
    for name in sys.argv[1:]:
        p = Path(name)
        p.write_text(normalize_md(p.read_text(encoding="utf-8")), encoding="utf-8")
