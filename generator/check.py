"""reportgen check: numbers that do not add up, wrong or outdated formulations, headings that
break the parallel pattern of their siblings, repeated and over-long sentences."""
from __future__ import annotations

import datetime as dt
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


from .errors import ERROR, WARNING, Problem, ReportgenError
from .numbering import cn_value
from .periods import congress_at, stale_references
from .resources import data_dir, repeated_verb
from .yamlio import load_data_file
from .slots import Pending, Quantity, SlotValue
from .tree import Paragraph, Report, Section, walk
from .typography import COMMA, SEMI, normalize_line

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
        if lines is None:
            try:
                raw = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                raw = ""
            lines = [normalize_line(ln) for ln in raw.splitlines()]
        self.lines = [ln.replace("**", "") for ln in lines]
        self.cursor = 0     # snippets come in the document's order: look on from the last one
        self.missing: set[str] = set()

    def line(self, snippet: str) -> int | None:
        """The line holding the snippet's first words: the next one on from the last snippet
        found (snippets come in the document's order, so a repeated heading gets its own line
        and a whole document is located in about one pass), else the first in the file."""
        probe = normalize_line(snippet.replace("**", ""))[:24]
        if not probe or probe in self.missing:
            return None
        hit = next((i for i in range(self.cursor, len(self.lines)) if probe in self.lines[i]), None)
        if hit is None:
            hit = next((i for i in range(self.cursor) if probe in self.lines[i]), None)
        if hit is None:
            self.missing.add(probe)
            return None
        self.cursor = hit
        return hit + 1


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


def slot_findings(value: SlotValue) -> list[tuple[str, str]]:
    """Order of counts within one fact (立案 ≤ 提交, 办结 ≤ 立案, 上级采用 ≤ 报送上级): each
    finding, and how number_findings words the same finding in the report's text."""
    v = {k: x.number for k, x in value.values.items() if isinstance(x, Quantity) and not isinstance(x, Pending)}
    pairs = {"提案": [("立案", "提交"), ("办结", "立案")], "社情民意": [("上级采用", "报送上级")]}
    text_names = {"上级采用": "采用", "报送上级": "报送"}
    out = []
    for small, big in pairs.get(value.type.name, []):
        if small in v and big in v and v[small] > v[big]:
            a, b = _n(float(v[small])), _n(float(v[big]))
            rule = next(m for s, g, m in _ORDER if s == text_names.get(small, small))
            out.append((f"{value.type.name}:{small}({a})多于{big}({b})", rule.format(a=a, b=b)))
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
            for ref in stale_references(t, year):
                current = congress_at(dt.date(year, 1, 1))
                out.append((p, WARNING, f"{year} 年的工作应学习贯彻党的{current.name}大以来的精神,"
                                        f"这里写的是{ref}(年份表见 generator/data/calendar.yaml)"))
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


def _alike_to(b: str):
    """A test of whether a paragraph is nearly `b` (a draft's copy left beside its edit); `b`'s
    index is made once for all the paragraphs it is compared with."""
    from difflib import SequenceMatcher

    m = SequenceMatcher(None, "", b, autojunk=False)
    limit = rules()["相近段落"]

    def alike(a: str) -> bool:
        m.set_seq1(a)
        return m.real_quick_ratio() >= limit and m.quick_ratio() >= limit and m.ratio() >= limit
    return alike


def clause_findings(paragraphs: list[Text]) -> list[tuple[Text, str]]:
    """Prose a reader stumbles on: two sentences in a row opening with 其中; two counting
    clauses in a row opening with the same verb (开展调研14次,开展视察6次)."""
    out = []
    for p in paragraphs:
        sentences = [x.strip() for x in _SENTENCES.findall(p.text) if x.strip()]
        for a, b in zip(sentences, sentences[1:]):
            if "其中" in a and b.startswith("其中"):
                out.append((p, f"相邻两句都用“其中”:“{b[:16]}……”,可并入上一句或改换说法"))
                break
        for sentence in sentences:
            clauses = [c.strip() for c in re.split(f"[{COMMA},]", sentence)]
            for a, b in zip(clauses, clauses[1:]):
                verb = repeated_verb(a, b)
                if verb:
                    out.append((p, f"相邻分句都以“{verb}”开头:“{a},{b}”,"
                                   f"可写成“{a}、{b[len(verb):]}”"))
                    break
    return out


NEAR_CANDIDATES = 8   # earlier paragraphs with the same opening (or closing) words a paragraph is compared with


def sentence_findings(paragraphs: list[Text]) -> list[tuple[Text, str]]:
    """Over-long sentences; a paragraph that repeats another (the one before it nearly, or any
    one whole); sentences that repeat a long passage of an earlier one, the standard
    formulations a report is meant to repeat left out."""
    limit, window = rules()["句长上限"], rules()["重复片段"]
    standard = sorted((_words(t) for t in rules().get("固定表述", [])), key=len, reverse=True)
    seen: dict[str, tuple[Text, int]] = {}
    whole: dict[str, Text] = {}
    probes: dict[str, list[tuple[Text, str]]] = {}   # a paragraph's opening and closing words
    out = []
    prev: Text | None = None
    for p in paragraphs:
        words = _words(p.text)
        same = whole.get(words) if len(words) >= 20 else None
        near = None
        if same is None and len(words) >= 20:
            # nearly the same as an earlier paragraph: one that starts or ends with the same words
            candidates = probes.get(words[:12], []) + probes.get(words[-12:], [])
            alike = _alike_to(words) if candidates else None
            for q, q_words in candidates:
                if alike(q_words):
                    near = q
                    break
        prev, before = p, prev
        if same is not None or near is not None:
            other = same if same is not None else near
            where = "上一段" if other is before else (f"第 {other.line} 行的一段" if other.line else "前文的一段")
            out.append((p, f"这一段与{where}{'完全' if same is not None else '几乎'}相同:“{p.text[:16]}……”"))
            continue
        whole.setdefault(words, p)
        if len(words) >= 20:
            for probe in {words[:12], words[-12:]}:
                bucket = probes.setdefault(probe, [])
                if len(bucket) < NEAR_CANDIDATES:   # (compared with a few, not with every one alike)
                    bucket.append((p, words))
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


# ---- years --------------------------------------------------------------------------------

_YEARS = re.compile(r"(?<!\d)(?:(\d{4})\s*[—–\-~至到]\s*)?(\d{4})\s*年")
_FOR_YEAR = re.compile(r"对(\d{4})\s*年")           # 对2021年政协工作提出意见: the plan's year
_OF_YEAR = re.compile(r"(\d{4})\s*年(?:的|全年)?(?:主要)?工作")   # 报告2020年工作


def reviewed_year(tree: Report) -> int | None:
    """The year a report looks back on: from its date (a meeting early in a year reviews the
    year before), or failing that from its part headings (2024年工作回顾, 2025年工作安排)."""
    if tree.meta.date:
        return int(tree.meta.date[:4]) - (int(tree.meta.date[5:7]) <= 6)
    for part in tree.parts:
        m = _YEARS.search(part.heading)
        if m and part.role in ("review", "plan"):
            return int(m.group(2)) - (part.role == "plan")
    return None


def year_findings(tree: Report, year: int, meeting: tuple[int, int] | None = None) -> list[tuple[object, str]]:
    """Years and meetings that belong to another report (a file moved on by hand): a part
    heading's year, the opening's years, the meeting line's term and session."""
    out: list[tuple[object, str]] = []
    want = {"review": year, "plan": year + 1}
    for part in tree.parts:
        m = _YEARS.search(part.heading)
        first, last = (int(m.group(1) or m.group(2)), int(m.group(2))) if m else (0, 0)
        # (2017年以来工作回顾 and 2024—2025年工作安排 are right for their year)
        if m and part.role in want and not first <= want[part.role] <= last and "以来" not in part.heading:
            out.append((part, f"部分标题“{part.heading}”的年份不对:本报告回顾 {year} 年,"
                              f"这一部分应是 {want[part.role]} 年"))
        for _, node in walk(part.children):
            if isinstance(node, Section) and node.heading:
                m = _OF_YEAR.search(node.heading)   # 2019年工作…, not 巩固2020年脱贫攻坚成果
                if m and int(m.group(1)) == year - 1:
                    out.append((node, f"标题“{node.heading}”写的是 {year - 1} 年的工作,本报告回顾 {year} 年"))
    for p in [c for c in tree.children if isinstance(c, Paragraph)][:3]:   # the opening
        text = p.full
        for m in _FOR_YEAR.finditer(text):
            if int(m.group(1)) != year + 1:
                out.append((p, f"开头写“对{m.group(1)}年”,本报告回顾 {year} 年,安排的应是 {year + 1} 年"))
        for m in _OF_YEAR.finditer(text):
            if int(m.group(1)) not in (year, year + 1):
                out.append((p, f"开头写“{m.group(0)}”,本报告回顾 {year} 年"))
    if meeting and tree.meta.meeting:
        term, session = meeting
        m = re.search(r"第([一二三四五六七八九十\d]+)届[^第]{0,8}第([一二三四五六七八九十\d]+)次", tree.meta.meeting) \
            or re.search(r"()第([一二三四五六七八九十\d]+)次会议", tree.meta.meeting)
        if m and ((m.group(1) and _ordinal(m.group(1)) != term) or _ordinal(m.group(2)) != session):
            out.append((tree.meta, f"会议行“{tree.meta.meeting}”与会议的届次、会次(第{term}届第{session}次)不符"))
    return out


def _ordinal(text: str) -> int | None:
    return int(text) if text.isdigit() else cn_value(text)


def topic_year_findings(tree: Report, year: int, guessed: bool) -> list[tuple[Section, str]]:
    """Sections on a topic of other years (疫情防控 in a 2024 report). `guessed`: the topics are
    the parser's reading of a draft, so the heading itself must name the topic's words."""
    from .resources import topic_seeds, topic_years

    years = topic_years()
    out = []
    for _, node in tree.walk():
        if isinstance(node, Section) and node.topic in years \
                and (not guessed or any(w in node.heading for w in topic_seeds().get(node.topic, []))):
            first, last = years[node.topic]
            if not first <= year <= last:
                out.append((node, f"“{node.topic}”是 {first}—{last} 年报告的主题,本报告回顾 {year} 年"))
    return out


# ---- the whole check -----------------------------------------------------------------------

def _texts(tree: Report, locate) -> tuple[list[Text], dict[int, int | None]]:
    paragraphs, heading_lines = [], {}
    for _, node in tree.walk():
        if isinstance(node, Paragraph):
            full = node.lead + node.text
            paragraphs.append(Text(full, locate(full)))
            heading_lines[id(node)] = paragraphs[-1].line   # (and the paragraphs' lines)
        elif node.heading:
            heading_lines[id(node)] = locate(node.heading)
    return paragraphs, heading_lines


def check_tree(tree: Report, file: str, locate, year: int | None, skip_numbers: set = frozenset(),
               meeting: tuple[int, int] | None = None, guessed_topics: bool = True) -> list[Problem]:
    """Text checks on a report tree of the report on `year`; `skip_numbers`: findings on
    numbers already reported with their facts' lines; `meeting`: the facts' (term, session)."""
    paragraphs, heading_lines = _texts(tree, locate)
    headings = [Text(n.heading, heading_lines.get(id(n))) for _, n in tree.walk()
                if isinstance(n, Section) and n.heading]
    problems: list[Problem] = []
    for p, msg in number_findings(paragraphs):
        if msg not in skip_numbers:
            problems.append(Problem(msg, file, p.line, (), "核对这两个数字", ERROR))
    if year:
        for node, msg in year_findings(tree, year, meeting) + topic_year_findings(tree, year, guessed_topics):
            if node is tree.meta:
                problems.append(Problem(msg, file, locate(tree.meta.meeting), (), "改为今年会议的届次和会次", WARNING))
                continue
            line = heading_lines.get(id(node))
            problems.append(Problem(msg, file, line, (), "改为本报告年度的写法", WARNING))
    for p, msg in clause_findings(paragraphs):
        problems.append(Problem(msg, file, p.line, (), "", WARNING))
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
    from .facts import slot_values
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
        # (a YAML comment that quotes a heading is not where the heading is)
        locate = Locator(path, ["" if ln.lstrip().startswith("#") else normalize_line(ln)
                                for ln in src.text.splitlines()]).line
        problems: list[Problem] = list(d.warnings)
        said: set[str] = set()
        for line_path, value in slot_values(d.facts):   # 内容 pieces and sections' 事实
            for msg, as_text in slot_findings(value):
                problems.append(src.problem(msg, line_path, "核对这两个数字"))
                said.add(as_text)
        facts = d.facts
        when = facts.meeting.date if facts.meeting else facts.date
        if when and not (facts.year <= when.year <= facts.year + 1):
            problems.append(Problem(f"会议日期 {when.isoformat()} 与回顾的年度 {facts.year} 不符(应在当年或次年)",
                                    str(path), src.line(("会议", "日期") if facts.meeting else ("日期",)),
                                    (), "核对“年度”和日期", WARNING))
        meeting = (facts.meeting.term, facts.meeting.session) if facts.meeting else None
        return problems + check_tree(d.tree, str(path), locate, facts.year, said, meeting, False), d.tree
    warnings: list[Problem] = []
    paras: list[str] = []                 # a Word file's paragraphs, from the one reading
    tree = parse_file(path, schema, warnings=warnings, paragraphs=paras)
    if suffix == ".docx":
        locate = Locator(path, [normalize_line(p) for p in paras]).line
    else:
        locate = Locator(path).line
    return warnings + check_tree(tree, str(path), locate, reviewed_year(tree)), tree


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
