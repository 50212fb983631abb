"""Facts -> report text, through the one Jinja environment of the project."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import traceback

import jinja2
import jinja2.sandbox

from .errors import Problem, ReportgenError
from .facts import Closing, Facts
from .resources import templates_dir
from .slots import SlotRegistry, SlotValue
from .yamlio import load_data_file
from .typography import BANG, CLAUSE_MARKS, COLON, SEMI, SENTENCE_END

KIND_TEMPLATES = {"年度": "report.txt.j2", "届末": "report.txt.j2", "综述": "article.txt.j2"}
PART_ORDER = ("review", "lessons", "plan")
_END = SENTENCE_END + SEMI + ";…"
_CLOSE = "”’》)」"


_DIGITS = "零一二三四五六七八九"


def cn(n: int) -> str:
    """0 … 9999 in Chinese numerals, as headings and 届次 are written: 十、十五、二十一、一百零五."""
    n = int(n)
    if not 0 <= n <= 9999:
        raise ValueError(f"{n} is out of range for Chinese numerals here")
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // value % 10
        if d:
            out += ("零" if zero else "") + _DIGITS[d] + unit
            zero = False
        elif out:
            zero = True
    return out


def quoted(text: str) -> str:
    text = str(text).strip()
    return text if text.startswith("“") else f"“{text}”"


def booktitle(text: str) -> str:
    text = str(text).strip()
    return text if text.startswith("《") else f"《{text}》"


def flat(text: str) -> str:
    """One paragraph on one line: join wrapped lines (no spaces between CJK)."""
    lines = [ln.strip() for ln in str(text).splitlines()]
    out = ""
    for ln in lines:
        if not ln:
            continue
        if out and out[-1].isascii() and ln[0].isascii() and out[-1].isalnum() and ln[0].isalnum():
            out += " "
        out += ln
    return out


def ends_sentence(text: str) -> bool:
    t = text.rstrip(_CLOSE) if text.endswith(("”", "’")) else text
    return bool(t) and t[-1] in _END


def join_clauses(pieces: list[tuple[str, bool]]) -> str:
    """Join content pieces, (text, is_free_text), into one paragraph.

    Free text that leads into the next piece (“两个政协工作站和” + “7个委员工作室”) runs
    straight on. A fact's clause, or free text that finishes a sentence (“,收到了良好的效果”),
    is closed with 。 when a new sentence follows; a piece opening with a clause mark continues it.
    """
    out, leads_in = "", True
    for text, free in ((t, f) for t, f in pieces if t):
        opens_with_mark = text[0] in CLAUSE_MARKS + "。…—)\uff09”"
        if (out and not leads_in and not ends_sentence(out) and out[-1] not in CLAUSE_MARKS
                and not opens_with_mark):
            out += "。"
        out += text
        leads_in = free and not opens_with_mark
    if out and not ends_sentence(out) and not out.endswith((":", COLON)):
        out += "。"
    return out


def exclaim(salutation: str) -> str:
    """'各位委员,各位同志:' -> '各位委员,各位同志!' (the closing call)."""
    return salutation.strip().rstrip(":" + COLON) + BANG


def with_stop(text: str) -> str:
    text = text.strip()
    return text if ends_sentence(text) else text + "。"


@dataclass
class Stats:
    """Characters of body text by origin."""
    slot: int = 0
    free: int = 0
    total: int = 0

    @property
    def generated(self) -> int:
        return max(self.total - self.slot - self.free, 0)

    def summary(self) -> str:
        if not self.total:
            return "正文为空"
        pct = lambda n: f"{n * 100 / self.total:.0f}%"  # noqa: E731
        return (f"正文 {self.total} 字:事实槽位生成 {self.slot} 字({pct(self.slot)}),"
                f"自由文本 {self.free} 字({pct(self.free)}),"
                f"套语与编号 {self.generated} 字({pct(self.generated)})")


def derive_names(region: str, parent: str = "", short: str | None = None, party: str | None = None,
                 full_name: str | None = None, term: int | None = None,
                 session: int | None = None) -> dict:
    """The names a report uses for its organisation, derived from the region."""
    level = region[-1] if region[-1] in "县市区州旗盟省" else "县"
    place = region[:-1] if len(region) > 2 and region[-1] in "县市区州旗盟" else region
    out = {
        "地区": region,
        "地名": place,
        "级": level,
        "简称": short or f"{level}政协",
        "党委": party or f"中共{region}委",
        "党委简称": f"{level}委",
        "人大": f"{level}人大",
        "政府": f"{level}政府",
        "全域": f"全{level}",
    }
    if term:
        t = cn(term)
        out.update({"届": t, "全称": full_name or f"中国人民政治协商会议{parent}{region}第{t}届委员会",
                    "委员会": f"政协{region}第{t}届委员会"})
    if session:
        out.update({"会次": session, "会议": f"第{cn(session)}次会议"})
    return out


def names(facts: Facts) -> dict:
    """Names derived from the organisation, each overridable in the facts."""
    org, meeting = facts.org, facts.meeting
    return derive_names(org.region, org.parent_region, org.short, org.party, org.full_name,
                        meeting.term if meeting else None, meeting.session if meeting else None)


_HOLE = re.compile(r"\{([^{}]+)\}")


def has_content(section) -> bool:
    """A section with nothing to say is left out, heading and all (a skeleton builds as is)."""
    facts = section.facts
    filled = isinstance(facts, SlotValue) and any(v not in (None, "", []) for v in facts.values.values())
    return bool(section.intro or any(i.lead or i.content for i in section.items) or filled)


def part_has_content(part) -> bool:
    return bool(part.intro or part.items or any(has_content(s) for s in part.section_list()))


def fill(template: str, values: dict) -> str | None:
    """Fill {placeholders}; None when one has no value (the caller tries another variant)."""
    missing = [k for k in _HOLE.findall(template) if values.get(k) is None]
    if missing:
        return None
    return _HOLE.sub(lambda m: str(values[m.group(1)]), template)


def _bytecode_cache():
    """Compiled templates kept between runs (keyed on the template source)."""
    from .cache import folder as cache_folder

    folder = cache_folder("jinja")
    return jinja2.FileSystemBytecodeCache(str(folder)) if folder else None


def _template_frame(error: Exception) -> tuple[str | None, int | None]:
    """The template file and line an error was raised in (Jinja keeps them in the traceback)."""
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if frame.filename.endswith(".j2"):
            return frame.filename, frame.lineno
    return None, None


class Renderer:
    def __init__(self, template_dirs: list[Path] | None = None, schema: dict | None = None):
        self.schema = schema or {}
        dirs = [*(template_dirs or []), templates_dir()]
        for d in template_dirs or []:
            if not Path(d).is_dir():
                raise ReportgenError(Problem("模板目录不存在或不是目录", str(d)))
        # user templates may come from anywhere: they run in Jinja's sandbox
        self.env = jinja2.sandbox.SandboxedEnvironment(
            bytecode_cache=_bytecode_cache(),
            loader=jinja2.FileSystemLoader([str(d) for d in dirs]),
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            autoescape=False,
        )
        self.env.filters.update(cn=cn, quoted=quoted, booktitle=booktitle, exclaim=exclaim)
        self.slots = SlotRegistry.from_data(self._slot_data(dirs))

    @staticmethod
    def _slot_data(dirs: list[Path]) -> dict:
        for d in dirs:
            p = Path(d) / "slots.yaml"
            if p.is_file():
                return load_data_file(p)
        raise FileNotFoundError("slots.yaml")

    def render(self, facts: Facts) -> tuple[str, Stats]:
        try:
            return self._render(facts)
        except jinja2.TemplateSyntaxError as e:
            raise ReportgenError(Problem(f"模板语法错误:{e.message}", e.filename or e.name, e.lineno,
                                         hint="检查该行的 {{ }} 与 {% %} 是否成对")) from None
        except jinja2.sandbox.SecurityError as e:
            file, line = _template_frame(e)
            raise ReportgenError(Problem("模板试图访问不允许的内容(Python 内部对象或文件),已被沙箱阻止",
                                         file, line, hint=f"模板只能使用事实和本工具提供的函数({e})")) from None
        except jinja2.UndefinedError as e:
            file, line = _template_frame(e)
            raise ReportgenError(Problem(f"模板用到了不存在的名字:{e.message}", file, line,
                                         hint="检查拼写;可用的名字见 templates/ 中的内置模板")) from None
        except jinja2.TemplateNotFound as e:
            raise ReportgenError(Problem(f"找不到模板“{e.name}”",
                                         hint="自定义模板目录中的文件名要与内置模板一致")) from None

    def _render(self, facts: Facts) -> tuple[str, Stats]:
        stats = Stats()
        o = names(facts)
        slot_module = self.env.get_template("slots.j2").make_module({"o": o})

        def free(text, sep: str = ",") -> str:
            """User-written text, counted as such; a list is joined with `sep`."""
            if isinstance(text, (list, tuple)):
                return sep.join(free(t) for t in text)
            text = flat(text)
            stats.free += len(text)
            return text

        def slot(value: SlotValue) -> str:
            text = str(getattr(slot_module, value.type.macro)(value.values)).strip()
            stats.slot += len(text)
            return text

        def topic_facts(value: SlotValue) -> str:
            """A section's own facts, in the sentence of its topic's fact category."""
            return join_clauses([(slot(value), False)])

        def content(item) -> str:
            return join_clauses([(slot(p), False) if isinstance(p, SlotValue) else (free(p), True)
                                 for p in item.content])

        def lead(text: str, ordinal: int = 0) -> str:
            """A bold lead sentence; numbered 一是、二是… when `ordinal` is given."""
            if not text:
                return ""
            prefix = cn(ordinal) + "是" if ordinal and not text.startswith(cn(ordinal) + "是") else ""
            return f"**{prefix}{free(with_stop(text))}**"

        kind_formulas = (self.schema.get("套语") or {}).get(facts.kind, {})
        base = {**o, "今年": facts.year + 1, "去年": facts.year}

        def formula(name: str, fallback: str, **values) -> str:
            """The schema's most common variant of a formula the facts can fill, else the fallback.

            Variants and fallback have {holes}: the organisation's names, {今年}/{去年}, and
            the values given here (the list of shortcomings, the motto, the goal…).
            """
            for variant in [*(v["文本"] for v in kind_formulas.get(name, [])), fallback]:
                text = fill(variant, {**base, **values})
                if text is not None:
                    return text
            raise ValueError(f"fallback of formula {name} has an unfilled hole")

        kind_schema = (self.schema.get("报告类型") or {}).get(facts.kind, {})

        def sections(part, part_kind: str) -> list:
            """The part's sections: in the schema's topic order when keyed by topic, and with
            the schema's most common heading for a topic when the facts give none."""
            schema_part = next((p for p in kind_schema.get("部分", []) if p.get("类别") == part_kind), {})
            topics = {t["主题"]: t for t in schema_part.get("主题", [])}
            out = [s for s in part.section_list() if has_content(s)]
            if part.by_topic:
                order = list(topics)
                out.sort(key=lambda s: order.index(s.topic) if s.topic in order else len(order))
            for i, s in enumerate(out):
                examples = topics.get(s.topic, {}).get("标题示例", [])
                if not s.heading and examples:
                    out[i] = s.replace(heading=examples[0]["文字"])
            return out

        def part_order() -> list[str]:
            """The parts the facts fill, in the order of the schema for this kind."""
            learned = [p.get("类别") for p in kind_schema.get("部分", [])]
            order = [k for k in learned if k in PART_ORDER] + [k for k in PART_ORDER if k not in learned]
            return [k for k in order if part_has_content(facts.part(k))]

        def part_heading(kind: str, fallback: str) -> str:
            """The schema's most common heading for this part, else the template's."""
            from .parse import numbering

            schema_part = next((p for p in kind_schema.get("部分", []) if p.get("类别") == kind), {})
            for heading in schema_part.get("标题", {}):
                got = numbering(heading)
                text = fill(got[2] if got else heading, base)
                if text and not text.startswith("("):
                    return text
            return fallback

        template = self.env.get_template(KIND_TEMPLATES[facts.kind])
        text = template.render(facts=facts, o=o, free=free, content=content, lead=lead,
                               formula=formula, sections=sections, topic_facts=topic_facts,
                               part_order=part_order, part_heading=part_heading,
                               closing_defaults=Closing,
                               date=facts.meeting.date if facts.meeting else facts.date)
        text = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
        stats.total = sum(len(ln.replace("**", "")) for ln in text.splitlines())
        return text, stats
