"""reportgen check: numbers that do not add up, wrong or outdated formulations, headings that
break the parallel pattern of their siblings, repeated and over-long sentences."""
from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


from .errors import Problem, ReportgenError
from .resources import data_dir
from .yamlio import load_data_file
from .slots import Quantity, SlotValue
from .tree import Paragraph, Report, Section
from .typography import COMMA, SEMI, normalize_line

ERROR, WARNING = "错误", "警告"
_SENTENCES = re.compile("[^。!?\uff01\uff1f;\uff1b]+[。!?\uff01\uff1f;\uff1b]?")
_NUM = r"(\d+(?:\.\d+)?)(?:余|多)?"


@lru_cache(maxsize=1)
def rules() -> dict:
    return load_data_file(data_dir() / "checks.yaml")


@dataclass
class Text:
    """A piece of the document to check and where it sits in the file."""
    text: str
    line: int | None


class Locator:
    """Finds the line of a piece of text in the file a person edits."""

    def __init__(self, path: Path, lines: list[str] | None = None):
        self.path = path
        self.lines = lines
        if lines is None:
            try:
                raw = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                raw = ""
            self.lines = [normalize_line(ln) for ln in raw.splitlines()]

    def line(self, snippet: str) -> int | None:
        probe = normalize_line(snippet.replace("**", ""))[:24]
        for i, ln in enumerate(self.lines, start=1):
            if probe and probe in ln.replace("**", ""):
                return i
        return None


# ---- numbers -----------------------------------------------------------------------------

_EXTRACT = {
    "提交": re.compile(rf"(?:提交|征集|收到)(?:委员)?提案{_NUM}件"),
    "立案": re.compile(rf"立案(?:交办)?(?:提案)?{_NUM}件"),
    "办结": re.compile(rf"(?:办结|办复)(?:提案)?{_NUM}件"),
    "报送": re.compile(rf"报送(?:上级政协|省政协|市政协)?{_NUM}(?:篇|条)"),
    "采用": re.compile(rf"采用{_NUM}(?:篇|条)"),
}
_ORDER = [("立案", "提交", "立案的提案({a}件)多于提交的提案({b}件)"),
          ("办结", "立案", "办结的提案({a}件)多于立案的提案({b}件)"),
          ("采用", "报送", "被采用的信息({a}篇)多于报送的信息({b}篇)")]
_TOTAL_PARTS = re.compile(rf"(?:共|累计|总计|合计)[^。{SEMI};]*?{_NUM}(个|件|篇|条|名|人次|次|项|户|家)"
                          rf"[^。]*?其中([^。]*)")


def number_findings(paragraphs: list[Text]) -> list[tuple[Text, str]]:
    out = []
    for p in paragraphs:
        found = {k: float(m.group(1)) for k, rx in _EXTRACT.items() if (m := rx.search(p.text))}
        for small, big, msg in _ORDER:
            if small in found and big in found and found[small] > found[big]:
                out.append((p, msg.format(a=_n(found[small]), b=_n(found[big]))))
        m = _TOTAL_PARTS.search(p.text)
        if m:
            total, unit = float(m.group(1)), m.group(2)
            parts = [float(x) for x in re.findall(rf"{_NUM}{unit}", m.group(3))]
            if len(parts) >= 2 and sum(parts) > total:
                out.append((p, f"“其中”各项之和({_n(sum(parts))}{unit})超过总数({_n(total)}{unit})"))
    return out


def _n(x: float) -> str:
    return str(int(x)) if x == int(x) else str(x)


def slot_findings(value: SlotValue) -> list[str]:
    """Order of counts within one fact (立案 ≤ 提交, 办结 ≤ 立案, 上级采用 ≤ 报送上级)."""
    v = {k: x.number for k, x in value.values.items() if isinstance(x, Quantity)}
    pairs = {"提案": [("立案", "提交"), ("办结", "立案")], "社情民意": [("上级采用", "报送上级")]}
    out = []
    for small, big in pairs.get(value.type.name, []):
        if small in v and big in v and v[small] > v[big]:
            out.append(f"{value.type.name}:{small}({_n(float(v[small]))})多于{big}({_n(float(v[big]))})")
    return out


# ---- formulations ------------------------------------------------------------------------

def formulation_findings(paragraphs: list[Text], year: int | None) -> list[tuple[Text, str, str]]:
    r = rules()
    out = []
    for p in paragraphs:
        t = p.text
        for wrong, right in r["错误写法"]:
            if wrong in t:
                out.append((p, ERROR, f"“{wrong}”的写法不对,应为“{right}”"))
        for item in r["提法"]:
            quoted = item["写法"]
            bare = quoted.strip("“”")
            for m in re.finditer(re.escape(bare), t):
                if not (t[max(0, m.start() - 1):m.start()] == "“" and t[m.end():m.end() + 1] == "”"):
                    out.append((p, ERROR, f"固定提法“{bare}”应加引号:{quoted}"))
                    break
            if bare not in t:
                continue
            if year and item.get("起始") and year < item["起始"]:
                out.append((p, WARNING, f"{quoted}是 {item['起始']} 年起的提法,本报告是 {year} 年的"))
            group = item.get("成组")
            if group:
                for sentence in _SENTENCES.findall(t):
                    if bare in sentence:
                        missing = [g for g in group if g.strip("“”") not in sentence]
                        if missing:
                            out.append((p, WARNING, f"{''.join(group)}通常成组出现,这句缺少{''.join(missing)}"))
                            break
        if year:
            current = next((c["名称"] for c in r["党代会"] if c["起"] < year <= c["止"]), None)
            for m in re.finditer(r"(学习贯彻|贯彻落实|深入贯彻)(?:党的)?(十[八九]大|二十大)精神", t):
                if current and m.group(2) != current:
                    out.append((p, WARNING, f"{year} 年的报告应学习贯彻党的{current}精神,这里写的是{m.group(2)}"))
    # one finding per paragraph and message
    seen, unique = set(), []
    for f in out:
        key = (id(f[0]), f[2])
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique


# ---- headings and sentences ---------------------------------------------------------------

def _clauses(heading: str) -> int:
    return len([c for c in re.split(f"[{COMMA},;{SEMI}]", heading) if c])


def heading_findings(tree: Report) -> list[tuple[Section, str]]:
    low, high = rules()["标题长度偏离"]
    out = []
    groups: list[list[Section]] = []

    def collect(node):
        kids = [c for c in node.children if isinstance(c, Section) and c.heading]
        by_form: dict[str, list[Section]] = {}
        for k in kids:
            by_form.setdefault(k.form, []).append(k)
        groups.extend(by_form.values())
        for k in kids:
            collect(k)

    for part in tree.parts:
        collect(part)
    for siblings in groups:
        if len(siblings) < 3:
            continue
        lengths = [len(s.heading) for s in siblings]
        median = statistics.median(lengths)
        shapes = Counter(_clauses(s.heading) for s in siblings)
        shape, count = shapes.most_common(1)[0]
        for s in siblings:
            n = len(s.heading)
            if n < low * median or n > high * median:
                out.append((s, f"标题“{s.number}{s.heading}”{n} 字,同级标题多在 {int(median)} 字上下,不够对仗"))
            elif count >= 0.75 * len(siblings) and _clauses(s.heading) != shape:
                out.append((s, f"标题“{s.number}{s.heading}”有 {_clauses(s.heading)} 个分句,"
                               f"同级标题多为 {shape} 个分句,不够对仗"))
    return out


def _words(text: str) -> str:
    return re.sub(r"\W", "", text)


def _alike(a: str, b: str) -> bool:
    """Nearly the same paragraph (a draft's copy left beside its edit)."""
    from difflib import SequenceMatcher

    m = SequenceMatcher(None, a, b, autojunk=False)
    limit = rules()["相近段落"]
    return m.real_quick_ratio() >= limit and m.quick_ratio() >= limit and m.ratio() >= limit


def sentence_findings(paragraphs: list[Text]) -> list[tuple[Text, str]]:
    """Over-long sentences; a paragraph that repeats another (the one before it nearly, or any
    one whole); sentences that repeat a long passage of an earlier one, the standard
    formulations a report is meant to repeat left out."""
    limit, window = rules()["句长上限"], rules()["重复片段"]
    standard = sorted((_words(t) for t in rules().get("固定表述", [])), key=len, reverse=True)
    seen: dict[str, tuple[Text, int]] = {}
    whole: dict[str, Text] = {}
    out = []
    prev: Text | None = None
    for p in paragraphs:
        words = _words(p.text)
        same = whole.get(words) if len(words) >= 20 else None
        near = same is None and prev is not None and len(words) >= 20 and _alike(_words(prev.text), words)
        prev, before = p, prev
        if same is not None or near:
            where = "上一段" if near or same is before else (f"第 {same.line} 行的一段" if same.line else "前文的一段")
            out.append((p, f"这一段与{where}{'几乎' if near else '完全'}相同:“{p.text[:16]}……”"))
            continue
        whole.setdefault(words, p)
        for n, sentence in enumerate(_SENTENCES.findall(p.text)):
            s = sentence.strip()
            if len(s) > limit:
                out.append((p, f"句子长 {len(s)} 字(超过 {limit} 字),宣读困难,宜拆分:“{s[:16]}……”"))
            key = _words(s)
            for phrase in standard:
                key = key.replace(phrase, "|")  # (a formula's words never join a repeat)
            shingles = {key[i:i + window] for i in range(0, max(len(key) - window + 1, 0))
                        if "|" not in key[i:i + window]}
            earlier = next((seen[k][0] for k in sorted(shingles) if k in seen and seen[k] != (p, n)), None)
            if earlier is not None:
                where = "前一句" if earlier is p else (f"第 {earlier.line} 行" if earlier.line else "前文")
                out.append((p, f"这句与{where}有大段文字重复:“{s[:16]}……”"))
            for k in shingles:
                seen.setdefault(k, (p, n))
    return out


# ---- the whole check -----------------------------------------------------------------------

def _texts(tree: Report, locate) -> tuple[list[Text], dict[int, int | None]]:
    paragraphs, heading_lines = [], {}
    for _, node in tree.walk():
        if isinstance(node, Paragraph):
            full = node.lead + node.text
            paragraphs.append(Text(full, locate(full)))
        elif node.heading:
            heading_lines[id(node)] = locate(node.heading)
    return paragraphs, heading_lines


def check_tree(tree: Report, file: str, locate, year: int | None, numbers: bool = True) -> list[Problem]:
    """Text checks on a report tree; `numbers` off when the facts' own counts were checked."""
    paragraphs, heading_lines = _texts(tree, locate)
    headings = [Text(n.heading, heading_lines.get(id(n))) for _, n in tree.walk()
                if isinstance(n, Section) and n.heading]
    problems: list[Problem] = []
    for p, msg in (number_findings(paragraphs) if numbers else []):
        problems.append(Problem(msg, file, p.line, (), "核对这两个数字", ERROR))
    for p, level, msg in formulation_findings(headings + paragraphs, year):
        problems.append(Problem(msg, file, p.line, (), "", level))
    for s, msg in heading_findings(tree):
        problems.append(Problem(msg, file, heading_lines.get(id(s)), (), "调整字数和句式,与同级标题一致", WARNING))
    for p, msg in sentence_findings(paragraphs):
        problems.append(Problem(msg, file, p.line, (), "", WARNING))
    return sorted(problems, key=lambda p: p.line or 0)


def check_file(path: str | Path, schema=None, templates: list[Path] | None = None
               ) -> tuple[list[Problem], Report | None]:
    """Findings for a facts file (built with `templates`, if given), a Markdown/text draft or a DOCX draft."""
    from .pipeline import draft
    from .readers import parse_file
    from .render import Renderer

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        try:
            d = draft(path, Renderer(templates, schema))
        except ReportgenError as e:
            return e.problems, None
        src = d.source
        locate = Locator(path, [normalize_line(ln) for ln in src.text.splitlines()]).line
        problems: list[Problem] = list(d.warnings)
        for line_path, value in _slot_values(d.facts):
            for msg in slot_findings(value):
                problems.append(src.problem(msg, line_path, "核对这两个数字"))
        facts = d.facts
        when = facts.meeting.date if facts.meeting else facts.date
        if when and not (facts.year <= when.year <= facts.year + 1):
            problems.append(Problem(f"会议日期 {when.isoformat()} 与回顾的年度 {facts.year} 不符(应在当年或次年)",
                                    str(path), src.line(("会议", "日期") if facts.meeting else ("日期",)),
                                    (), "核对“年度”和日期", WARNING))
        year = when.year if when else facts.year + 1
        return problems + check_tree(d.tree, str(path), locate, year, numbers=False), d.tree
    tree = parse_file(path)
    if suffix == ".docx":
        paras = [normalize_line(p) for p in _docx_paragraphs(path)]
        locate = Locator(path, paras).line
    else:
        locate = Locator(path).line
    year = int(tree.meta.date[:4]) if tree.meta.date else None
    return check_tree(tree, str(path), locate, year), tree


def _docx_paragraphs(path: Path) -> list[str]:
    import docx

    return [p.text for p in docx.Document(str(path)).paragraphs]


def _slot_values(facts):
    from .facts import _model_contents

    for path, content in _model_contents(facts):
        for ci, piece in enumerate(content):
            if isinstance(piece, SlotValue):
                yield path + ("内容", ci, piece.type.name), piece


def annotate(docx_path: str | Path, problems: list[Problem]) -> tuple[bytes, int]:
    """A copy of a DOCX draft with the findings as Word comments at their paragraphs."""
    import io

    import docx

    doc = docx.Document(str(docx_path))
    paragraphs = doc.paragraphs
    placed = 0
    for p in problems:
        if not p.line or p.line > len(paragraphs):
            continue
        runs = [r for r in paragraphs[p.line - 1].runs if r.text]
        if not runs:
            continue
        text = normalize_line(f"{p.level}:{p.message}") + (f"\n{normalize_line(p.hint)}" if p.hint else "")
        doc.add_comment(runs, text=text, author="reportgen", initials="RG")
        placed += 1
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue(), placed
