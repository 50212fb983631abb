"""Report text -> report tree. Reads our own rendered text and real reports alike."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

from .resources import data_dir
from .tree import Meta, Paragraph, Part, Report, Section
from .typography import LPAREN, RPAREN, SENTENCE_END, normalize_line

CN_DIGITS = "〇一二三四五六七八九十百零两"
_NUMBERED = [
    ("cn", re.compile(rf"^([{CN_DIGITS}]{{1,4}})、\s*")),
    ("paren_cn", re.compile(rf"^[({LPAREN}]([{CN_DIGITS}]{{1,4}})[){RPAREN}]\s*")),
    ("arabic", re.compile(r"^(\d{1,2})[.．、](?!\d)\s*")),
    ("paren_arabic", re.compile(rf"^[({LPAREN}](\d{{1,2}})[){RPAREN}]\s*")),
]
_BOLD_LEAD = re.compile(r"^\*\*(.+?)\*\*(.*)$")
_ORDINAL_LEAD = re.compile(rf"^([{CN_DIGITS}]{{1,3}}是|首先|其次|再次|最后)")
_DATE = re.compile(rf"^[({LPAREN}]?\s*(\d{{4}})\s*年\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*日\s*[){RPAREN}]?")
_SENT_END = re.compile(f"[{SENTENCE_END}]")
MAX_HEADING = 60
MAX_LEAD = 20


@lru_cache(maxsize=1)
def lexicon() -> dict:
    data = yaml.safe_load((data_dir() / "lexicon.yaml").read_text(encoding="utf-8"))
    return {
        "part_kinds": {k: [re.compile(p) for p in v] for k, v in data["part_kinds"].items()},
        "part_closers": [re.compile(p) for p in data["part_closers"]],
        "salutation": re.compile(data["salutation"]),
    }


def part_kind(text: str) -> str | None:
    text = text.strip().rstrip("。")
    if not text or len(text) > 20:
        return None
    for kind, patterns in lexicon()["part_kinds"].items():
        if any(p.search(text) for p in patterns):
            return kind
    return None


def numbering(text: str) -> tuple[str, str, str] | None:
    """'一、标题' -> ('cn', '一、', '标题')."""
    for form, rx in _NUMBERED:
        m = rx.match(text)
        if m:
            return form, text[: m.end()].strip(), text[m.end():]
    return None


@dataclass
class _Line:
    text: str
    bold: bool = False      # the whole line was bold
    md_heading: int = 0     # number of '#' in a Markdown heading


def _clean(raw: str) -> _Line:
    text = normalize_line(raw.replace("\u3000", " ").strip())
    md = 0
    m = re.match(r"^(#{1,6})\s+(.*)$", text)
    if m:
        md, text = len(m.group(1)), m.group(2).strip()
    bold = False
    if text.startswith("**") and text.endswith("**") and text.count("**") == 2 and len(text) > 4:
        bold, text = True, text[2:-2].strip()
    return _Line(text, bold, md)


def split_lead(text: str, guess: bool) -> Paragraph:
    m = _BOLD_LEAD.match(text)
    if m:
        return Paragraph(m.group(2).strip(), m.group(1).strip())
    if _ORDINAL_LEAD.match(text):
        end = _SENT_END.search(text)
        if end and end.end() < len(text):
            return Paragraph(text[end.end():], text[: end.end()])
    if guess:
        end = _SENT_END.search(text)
        if end and end.end() <= MAX_LEAD + 1 and end.end() < len(text) and text[end.start()] == "。" \
                and not re.search(r"\d", text[: end.end()]):
            return Paragraph(text[end.end():], text[: end.end()])
    return Paragraph(text.replace("**", ""))


def _heading(line: _Line) -> tuple[str, str, str, str] | None:
    """(form, number, heading, rest) when the line is a numbered heading."""
    got = numbering(line.text)
    if not got:
        return None
    form, number, body = got
    body = body.replace("**", "")
    end = _SENT_END.search(body)
    if end and end.end() < len(body):
        head, rest = body[: end.start()], body[end.end():]
        if len(head) <= MAX_HEADING:
            return form, number, head, rest
        return None
    body = body.rstrip("。")
    if len(body) > MAX_HEADING and not line.bold and not line.md_heading:
        return None
    return form, number, body, ""


def _meta(lines: list[_Line]) -> tuple[Meta, int]:
    """Read the front matter; return it and the index of the first body line."""
    meta = Meta()
    sal = lexicon()["salutation"]
    limit = min(len(lines), 8)
    end = 0
    for i in range(limit):
        t = lines[i].text
        if sal.match(t):
            meta.salutation = t
            end = i + 1
            break
    else:
        # no salutation: front matter ends before the first part, heading or long paragraph
        for i in range(limit):
            t = lines[i].text
            if i and (part_kind(numbering(t)[2] if numbering(t) else t) or numbering(t)
                      or len(t) > MAX_HEADING):
                end = i
                break
        else:
            end = min(1, len(lines))
    for i, line in enumerate(lines[:end]):
        t = line.text
        if sal.match(t):
            continue
        if i == 0:
            meta.title = t
        elif t.startswith("——") or t.startswith("--") or re.match(r"^在.*会议上$", t):
            sub = t.lstrip("—-").strip()
            m = _DATE.match(sub)
            if m:
                meta.date = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
                meta.date_text = sub[: m.end()]
                sub = sub[m.end():].strip()
            meta.meeting = sub
        elif _DATE.match(t) and _DATE.match(t).end() == len(t):
            m = _DATE.match(t)
            meta.date = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
            meta.date_text = t
        elif not meta.speaker and len(t) <= 30:
            meta.speaker = t
    return meta, end


def parse(text: str, guess_leads: bool = True) -> Report:
    """Parse report text. guess_leads: treat a short first sentence as a lead (real reports)."""
    lines = [_clean(ln) for ln in text.splitlines()]
    lines = [ln for ln in lines if ln.text]
    meta, start = _meta(lines)
    report = Report(meta=meta)
    part: Part | None = None
    stack: list[Section] = []
    closers = lexicon()["part_closers"]

    def container():
        if stack:
            return stack[-1]
        return part if part is not None else report

    for line in lines[start:]:
        t = line.text
        got = numbering(t)
        kind = part_kind(got[2] if got else t)
        if kind and (got or line.md_heading or line.bold or not _SENT_END.search(t)):
            part = Part(heading=(got[2] if got else t).rstrip("。"), number=got[1] if got else "",
                        form=got[0] if got else "plain", kind=kind)
            report.children.append(part)
            stack = []
            continue
        head = _heading(line)
        if head:
            form, number, heading, rest = head
            forms = [s.form for s in stack]
            if form in forms:
                del stack[forms.index(form):]
            section = Section(heading=heading, number=number, form=form)
            container().children.append(section)
            stack.append(section)
            if rest:
                section.children.append(split_lead(rest, guess_leads))
            continue
        if line.md_heading and len(t) <= MAX_HEADING:
            # an unnumbered Markdown heading: a plain section at the top of the current part
            stack = []
            section = Section(heading=t, form="plain")
            container().children.append(section)
            stack.append(section)
            continue
        if any(c.match(t) for c in closers):
            stack = []
        container().children.append(
            Paragraph("", t) if line.bold else split_lead(t, guess_leads))
    return report
