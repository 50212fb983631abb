"""Report text -> report tree. Reads our own rendered text and real reports alike."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache


from .resources import data_dir
from .yamlio import load_data_file
from .tree import Meta, Paragraph, Part, Report, Section
from .numbering import CN_DIGITS, numbering
from .typography import LPAREN, RPAREN, SENTENCE_END, normalize_line

_BOLD_LEAD = re.compile(r"^\*\*(.+?)\*\*(.*)$")
_ORDINAL_LEAD = re.compile(rf"^([{CN_DIGITS}]{{1,3}}是|首先|其次|再次|最后)")
_DATE = re.compile(rf"^[({LPAREN}]?\s*(\d{{4}})\s*年\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*日\s*[){RPAREN}]?")
_SENT_END = re.compile(f"[{SENTENCE_END}]")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{3,4})$")   # 2020621: a date that lost 年/月/日
_SPEAKER = re.compile(r"(主席|副主席|书记|秘书长|主任|委员)\s*\S{2,4}$")
MAX_HEADING = 60
MAX_LEAD = 20
MAX_PLAIN_HEADING = 20


def compact_date(text: str) -> str:
    """'2020621' -> '2020-06-21' when exactly one reading is a valid date, else ''."""
    m = _COMPACT_DATE.match(text)
    if not m:
        return ""
    year, rest = int(m.group(1)), m.group(2)
    found = []
    for cut in range(1, len(rest)):
        month, day = rest[:cut], rest[cut:]
        if len(month) > 2 or len(day) > 2:
            continue
        try:
            found.append(dt.date(year, int(month), int(day)).isoformat())
        except ValueError:
            pass
    return found[0] if len(set(found)) == 1 else ""


def _iso(m: re.Match) -> str:
    return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"



@lru_cache(maxsize=1)
def lexicon() -> dict:
    data = load_data_file(data_dir() / "lexicon.yaml")
    return {
        "part_roles": {k: [re.compile(p) for p in v] for k, v in data["part_roles"].items()},
        "part_closers": [re.compile(p) for p in data["part_closers"]],
        "salutation": re.compile(data["salutation"]),
    }


def part_role(text: str) -> str | None:
    text = text.strip().rstrip("。")
    if not text or len(text) > 20:
        return None
    for role, patterns in lexicon()["part_roles"].items():
        if any(p.search(text) for p in patterns):
            return role
    return None


@dataclass
class _Line:
    text: str
    bold: bool = False      # the whole line was bold
    md_heading: int = 0     # number of '#' in a Markdown heading


def _clean(raw: str) -> _Line:
    text = raw.replace("\u3000", " ").strip()
    md = 0
    m = re.match(r"^(#{1,6})\s+(.*)$", text)
    if m:
        md, text = len(m.group(1)), m.group(2).strip()
    text = normalize_line(text)
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
            if (part_role(numbering(t)[2] if numbering(t) else t) or numbering(t)
                    or len(t) > MAX_HEADING or _SENT_END.search(t)
                    or (i and t.endswith("——"))):
                end = i  # a text that starts with running prose has no front matter
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
                meta.date = _iso(m)
                meta.date_text = sub[: m.end()]
                sub = sub[m.end():].strip()
            meta.meeting = sub
        elif (_DATE.match(t) and _DATE.match(t).end() == len(t)) or _ISO_DATE.match(t):
            meta.date = _iso(_DATE.match(t) or _ISO_DATE.match(t))
            meta.date_text = t
        elif compact_date(t):
            meta.date, meta.date_text = compact_date(t), t
        elif not meta.speaker and _SPEAKER.search(t):
            meta.speaker = t
        elif not meta.subtitle and len(t) <= 30:
            meta.subtitle = t
    return meta, end


def parse(text: str, guess: bool = True) -> Report:
    """Parse report text.

    guess: read what real reports leave unmarked (a short first sentence as a lead, a short
    line as a title); off for our own text, which marks both.
    """
    lines = [_clean(ln) for ln in text.splitlines()]
    lines = [ln for ln in lines if ln.text]
    if guess and any(_BOLD_LEAD.match(ln.text) for ln in lines):
        guess = False  # the text marks its leads itself
    meta, start = _meta(lines)
    report = Report(meta=meta)
    part: Part | None = None
    stack: list[Section] = []
    closers = lexicon()["part_closers"]

    def container():
        if stack:
            return stack[-1]
        return part if part is not None else report

    for i, line in enumerate(lines):
        if i < start:
            continue
        t = line.text
        got = numbering(t)
        role = part_role(got[2] if got else t)
        if role and (got or line.md_heading or line.bold or not _SENT_END.search(t)):
            part = Part(heading=(got[2] if got else t).rstrip("。"), number=got[1] if got else "",
                        form=got[0] if got else "plain", role=role)
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
                section.children.append(split_lead(rest, guess))
            continue
        if line.md_heading and len(t) <= MAX_HEADING:
            # an unnumbered Markdown heading: a plain section at the top of the current part
            stack = []
            section = Section(heading=t, form="plain")
            container().children.append(section)
            stack.append(section)
            continue
        if guess and _plain_heading(t, lines, i):
            stack = []
            section = Section(heading=t, form="plain")
            container().children.append(section)
            stack.append(section)
            continue
        closing = any(c.match(t) for c in closers)
        if closing:
            stack = []  # thanks, shortcomings, exhortation, outlook: the part's, not a section's
        container().children.append(
            Paragraph("", t) if line.bold else split_lead(t, guess and not closing))
    _implicit_part(report)
    return report


def _plain_heading(text: str, lines: list[_Line], i: int) -> bool:
    """A short unnumbered title line (articles: 旗帜鲜明讲政治) followed by running text."""
    if len(text) > MAX_PLAIN_HEADING or re.search(f"[{SENTENCE_END};\uff1b:\uff1a…—*]", text):
        return False
    nxt = lines[i + 1].text if i + 1 < len(lines) else ""
    return len(nxt) > len(text) and not numbering(nxt) and not part_role(nxt)


def _implicit_part(report: Report) -> None:
    """Sections before the first part belong to a part the text does not name.

    Articles have no part headings; a report cut off at the start (代县) lost its first
    part heading. Wrap those sections, and what follows them, in an unnamed part: a review,
    unless the first named part is itself the review. A text with neither parts nor headings
    is one unnamed part with all its paragraphs.
    """
    if report.children and not any(isinstance(c, Section) for c in report.children):
        report.children = [Part(heading="", role="review", children=report.children)]
        return
    first_section = next((i for i, c in enumerate(report.children) if isinstance(c, Section)
                          and not isinstance(c, Part)), None)
    if first_section is None:
        return
    if not report.meta.salutation:
        # no address to a meeting: the text before the first section opens the part
        first_section = 0
    first_part = next((i for i, c in enumerate(report.children) if isinstance(c, Part)),
                      len(report.children))
    if first_section > first_part:
        return
    roles = [p.role for p in report.parts]
    part = Part(heading="", role="other" if "review" in roles else "review")
    part.children = report.children[first_section:first_part]
    report.children[first_section:first_part] = [part]
