"""Normalise Chinese punctuation in Markdown prose (outside code fences and inline code).

Usage: .venv/bin/python scripts/normalize_md.py README.md corpus/README.md
"""
import re
import sys
from pathlib import Path

from generator.typography import normalize_line

INLINE_CODE = re.compile(r"`[^`]*`")
HOLD = "\u303f"  # stands for an inline code span: counts as Chinese text, never changed


def normalize_prose(line: str) -> str:
    codes = INLINE_CODE.findall(line)
    text = normalize_line(INLINE_CODE.sub(HOLD, line))
    for code in codes:
        text = text.replace(HOLD, code, 1)
    return text


def normalize_md(text: str) -> str:
    out, fenced = [], False
    for line in text.split("\n"):
        if line.lstrip().startswith("```"):
            fenced = not fenced
        elif not fenced:
            line = normalize_prose(line)
        out.append(line)
    return "\n".join(out)


if __name__ == "__main__":
    for name in sys.argv[1:]:
        p = Path(name)
        p.write_text(normalize_md(p.read_text(encoding="utf-8")), encoding="utf-8")
