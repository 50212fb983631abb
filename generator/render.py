"""Facts -> report tree. The structure comes from the facts and the report type's declaration;
Jinja, the one template environment of the project, writes the text: titles, formulas and the
sentences of fact slots."""
from __future__ import annotations

import re
import traceback
from dataclasses import dataclass
from pathlib import Path

import jinja2
import jinja2.sandbox

from .cache import template_cache

from . import report_types
from .errors import Problem, ReportgenError
from .facts import Closing, Facts
from .names import derive_names
from .numbering import cn, label, unnumbered
from .report_types import ReportType, ReportTypes
from .sandbox import MAX_OUTPUT, BoundedEnvironment, ConfinedLoader, TemplateLimit, inside, limits
from .resources import repeated_verb, templates_dir
from .schema import Schema
from .slots import Compared, Quantity, SlotRegistry, SlotValue, comparison, place_comparisons, unit_of
from .tree import Meta, Paragraph, Part, Report, Section
from .typography import BANG, CLAUSE_MARKS, COLON, SEMI, SENTENCE_END, normalize_line, xml_safe
from .yamlio import load_data_file, load_yaml
_END = SENTENCE_END + SEMI + ";…"
_CLOSE = "”’》)」"


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

    def count(self, report: Report) -> None:
        """All the text of the report, as the reader sees it."""
        from .writers.text import front_lines

        self.total = sum(map(len, front_lines(report)))
        for _, node in report.walk():
            self.total += len(node.full) if isinstance(node, Paragraph) else len(node.number + node.heading)

    def summary(self) -> str:
        if not self.total:
            return "正文为空"
        pct = lambda n: f"{n * 100 / self.total:.0f}%"  # noqa: E731
        return (f"正文 {self.total} 字:事实槽位生成 {self.slot} 字({pct(self.slot)}),"
                f"自由文本 {self.free} 字({pct(self.free)}),"
                f"套语与编号 {self.generated} 字({pct(self.generated)})")


def names(facts: Facts, term_review: bool = False) -> dict:
    """Names derived from the organisation, each overridable in the facts. `term_review`: a
    report on a whole term, which at the next term's first meeting the outgoing standing
    committee gives (第十五届委员会常务委员会, 在…第十六届委员会第一次会议上)."""
    org, meeting = facts.org, facts.meeting
    term, session = (meeting.term, meeting.session) if meeting else (org.term, None)
    out = derive_names(org.region, org.parent_region, org.short, org.party, org.full_name, term, session)
    if term and session:
        out["会议全称"] = out["委员会"] + out["会议"]
        if term_review and session == 1 and term > 1 and not org.full_name:
            outgoing = derive_names(org.region, org.parent_region, term=term - 1)
            out.update({k: outgoing[k] for k in ("届", "全称", "委员会")})
    return out


_HOLE = re.compile(r"\{([^{}]+)\}")


def has_content(section) -> bool:
    """A section with nothing to say is left out (a skeleton builds as is); a heading someone
    wrote is something to say."""
    facts = section.facts
    filled = isinstance(facts, SlotValue) and any(v not in (None, "", []) for v in facts.values.values())
    return bool(section.heading or section.intro or any(i.lead or i.content for i in section.items) or filled)


def part_has_content(part) -> bool:
    return bool(part.intro or part.items or any(has_content(s) for s in part.section_list()))


def fill(template: str, values: dict) -> str | None:
    """Fill {placeholders}; None when one has no value (the caller tries another variant)."""
    missing = [k for k in _HOLE.findall(template) if values.get(k) is None]
    if missing:
        return None
    return _HOLE.sub(lambda m: str(values[m.group(1)]), template)


def _template_frame(error: Exception) -> tuple[str | None, int | None]:
    """The template file and line an error was raised in (Jinja keeps them in the traceback)."""
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if frame.filename.endswith(".j2"):
            return frame.filename, frame.lineno
    return None, None


class TemplateFault(Exception):
    """A template asked for something the facts and names cannot give."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.hint = hint


class Renderer:
    """One per run: the template environment, the fact categories and the report types."""

    def __init__(self, template_dirs: list[Path] | None = None, schema: Schema | dict | None = None):
        self.schema = Schema.of(schema)
        for d in template_dirs or []:
            if not Path(d).is_dir():
                raise ReportgenError(Problem("模板目录不存在或不是目录", str(d)))
        self.dirs = [*(Path(d) for d in template_dirs or []), templates_dir()]
        self.user = bool(template_dirs)
        # user templates may come from anywhere: they run in the sandbox, within bounds
        self.env = BoundedEnvironment(
            bytecode_cache=template_cache(templates_dir()),
            loader=ConfinedLoader([str(d) for d in self.dirs]),
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            autoescape=False,
        )
        self.env.filters.update(cn=cn, quoted=quoted, booktitle=booktitle, exclaim=exclaim)
        # macros are called through a template, so that errors in them carry template lines
        self.call = self.env.from_string("{{ macro(*args) }}")
        self.slots = self._slots()
        self.types: ReportTypes = report_types.load(self.dirs) if template_dirs else report_types.bundled()

    def _slots(self) -> SlotRegistry:
        """The fact categories; a user's slots.yaml or compare.yaml that isn't right is a
        located message."""
        slots, compare = self._first("slots.yaml"), self._first("compare.yaml")
        try:
            return SlotRegistry.from_data(_data(slots), comparisons=_data(compare))
        except (AttributeError, TypeError, KeyError, ValueError) as e:
            raise ReportgenError(Problem(f"事实类别文件的格式不对({type(e).__name__}: {e})", str(slots),
                                         hint="对照内置的 templates/slots.yaml:每个类别是一个映射,含 宏、主题、字段")) from None

    def _first(self, name: str) -> Path:
        path, folder = next((d / name, d) for d in self.dirs if (d / name).is_file())
        return inside(path, [folder])

    def render(self, facts: Facts) -> tuple[Report, Stats]:
        try:
            with limits(self.user):
                tree, stats = _Build(self, facts).report()
            if self.user and _size(tree) > MAX_OUTPUT:
                raise ReportgenError(Problem(f"模板生成的报告超过 {MAX_OUTPUT:,} 个字符,不像一份报告",
                                             hint="检查自定义模板中的循环和重复"))
            return tree, stats
        except TemplateLimit as e:
            file, line = _template_frame(e)
            raise ReportgenError(Problem(str(e), file, line, hint="检查自定义模板中的循环和重复")) from None
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
                                         hint="模板文件名要与 report_types.yaml 中的“模板”一致")) from None
        except TemplateFault as e:
            file, line = _template_frame(e)
            raise ReportgenError(Problem(str(e), file, line, hint=e.hint)) from None
        except RecursionError as e:
            file, line = _template_frame(e)
            raise ReportgenError(Problem("模板中的宏或导入无限地调用自己", file, line,
                                         hint="检查这一行的宏调用或 import")) from None
        except (ArithmeticError, LookupError, TypeError, ValueError) as e:
            file, line = _template_frame(e)
            if file is None:
                raise  # not the template's doing: a defect of reportgen
            raise ReportgenError(Problem(f"模板运行出错:{type(e).__name__}: {e}", file, line,
                                         hint="检查该行的表达式")) from None

    def slot_writer(self, names: dict):
        """category, {field: value} -> the sentence build writes for that fact (for extract, to
        keep a number in a slot only where the slot says what the report said)."""
        module = self.env.get_template("slots.j2").make_module({"o": names})

        def write(category: str, values: dict) -> str:
            stype = self.slots.types[category]
            full = {f: None for f in stype.fields}
            for key, value in values.items():
                field = stype.fields[key]
                full[key] = Quantity.parse(value) if field.type == "数量" else value
            try:
                return str(getattr(module, stype.macro)(full)).strip()
            except jinja2.UndefinedError:  # a name the report did not give (届次 …): say nothing
                return ""
        return write

    def module(self, name: str, context: dict, macros: dict[str, tuple], declared_in: Path,
               name_path: tuple | None = None):
        """A template's macros bound to `context`. `macros`: each macro it must define, with
        the key path in `declared_in` that names it; `name_path`: the key that names the template."""
        try:
            template = self.env.get_template(name)
        except UnicodeDecodeError:
            raise ReportgenError(Problem(f"模板“{name}”不是 UTF-8 编码的文本", str(declared_in),
                                         hint="用记事本或 WPS 把模板另存为 UTF-8 编码")) from None
        except jinja2.TemplateNotFound:
            if name_path is None:
                raise
            raise ReportgenError(load_yaml(declared_in).problem(
                f"找不到模板“{name}”", name_path,
                hint="模板文件要放在内置模板目录或 --templates 指定的目录中;或改正这里的文件名")) from None
        module = template.make_module(context)
        missing = [m for m in macros if not callable(getattr(module, m, None))]
        if missing:
            src = load_yaml(declared_in)
            raise ReportgenError([src.problem(
                f"模板 {template.filename} 中没有宏“{m}”", macros[m],
                hint=f"在模板中写 {{% macro {m}() %}}…{{% endmacro %}},或改正这里的名字") for m in missing])
        return module


def _data(path: Path):
    """A data file's contents; YAML that doesn't read is a located message."""
    import yaml

    try:
        return load_data_file(path)
    except yaml.YAMLError:
        return load_yaml(path).data   # raises the located message


def text(value) -> str:
    """Macro output as one normalised line of text (what XML can't hold dropped)."""
    return normalize_line(flat(xml_safe(str(value))))


def _size(tree: Report) -> int:
    """Characters of a report's text: front matter, headings and paragraphs."""
    m = tree.meta
    size = sum(len(x) for x in (m.title, m.subtitle, m.meeting, m.speaker, m.date_text, m.salutation))
    for _, node in tree.walk():
        size += len(node.full) if isinstance(node, Paragraph) else len(getattr(node, "heading", "") or "")
    return size


class _Build:
    """Facts -> report tree, for one report."""

    def __init__(self, renderer: Renderer, facts: Facts):
        self.r, self.facts = renderer, facts
        self.stats = Stats()
        self.rtype: ReportType = renderer.types[facts.report_type]
        self.names = names(facts, term_review=self.rtype.term_report)
        self.base = {**self.names, "今年": facts.year + 1, "去年": facts.year}
        self.learned_formulas = renderer.schema.formulas.get(facts.report_type, {})
        self.learned = renderer.schema.learned(facts.report_type)
        self.slot_module = renderer.module(
            "slots.j2", {"o": self.names},
            {t.macro: (t.name, "宏") for t in reversed(renderer.slots.types.values())},
            renderer._first("slots.yaml"))
        rtype = self.rtype
        self.module = renderer.module(
            rtype.template,
            {"facts": facts, "o": self.names, "report_type": rtype, "free": self.free,
             "formula": self.formula, "closing_defaults": Closing},
            {"title": (rtype.name, "模板"), **rtype.macro_paths()}, rtype.file, (rtype.name, "模板"))

    # -- text ------------------------------------------------------------------------

    def free(self, value, sep: str = ",") -> str:
        """User-written text, counted as such; a list is joined with `sep`."""
        if isinstance(value, (list, tuple)):
            return sep.join(self.free(t) for t in value)
        value = flat(value)
        self.stats.free += len(value)
        return value

    def slot(self, value: SlotValue) -> str:
        values, notes = value.values, []
        mode = value.compare if value.compare is not None else self.facts.compare
        phrasing = self.r.slots.comparisons.get(mode) if mode and value.last else None
        if phrasing:   # 比上年增加12件: each compared number marked, its note placed after its clause
            values = dict(values)
            for key, v in value.values.items():
                if not value.type.fields[key].compared:
                    continue
                note = comparison(phrasing, v, value.last.get(key), unit_of(value, key))
                if note:
                    values[key] = Compared(v, len(notes))
                    notes.append(note)
        out = self.r.call.render(macro=getattr(self.slot_module, value.type.macro), args=[values]).strip()
        out = place_comparisons(out, notes) if notes else out
        self.stats.slot += len(out)
        return out

    def formula(self, name: str, fallback: str, **values) -> str:
        """The schema's most common variant of a formula the facts can fill, else the fallback.

        Variants and fallback have {holes}: the organisation's names, {今年}/{去年}, and
        the values given here (the list of shortcomings, the motto, the goal…).
        """
        for variant in [*(v.text for v in self.learned_formulas.get(name, [])), fallback]:
            got = fill(variant, {**self.base, **values})
            if got is not None:
                return got
        holes = [h for h in _HOLE.findall(fallback) if {**self.base, **values}.get(h) is None]
        raise TemplateFault(f"套语“{name}”的缺省文本中有填不上的空“{{{holes[0]}}}”",
                            "空只能是机构的称谓(如 {简称}、{委员会})、{今年}、{去年},或调用 formula() 时给出的值")

    def macro(self, name: str) -> str:
        fn = getattr(self.module, name, None)
        return text(self.r.call.render(macro=fn, args=[])) if callable(fn) else ""

    def content(self, item) -> str:
        pieces: list[tuple[str, bool]] = []
        for p in item.content:
            if not isinstance(p, SlotValue):
                pieces.append((self.free(p), True))
                continue
            text = self.slot(p)
            j = len(pieces) - 1
            while j >= 0 and pieces[j][1] and not pieces[j][0].strip(",\uff0c "):
                j -= 1   # (a lone “,” between two facts; a “;” the writer put there stays)
            if j >= 0 and not pieces[j][1] and pieces[j][0]:
                # 开展专题协商6次 + 开展专项视察4次 -> 开展专题协商6次、专项视察4次
                verb = repeated_verb(re.split(f"[{CLAUSE_MARKS}]", pieces[j][0])[-1], text)
                if verb:
                    del pieces[j + 1:]
                    text = "、" + text[len(verb):]
            pieces.append((text, False))
        return join_clauses(pieces)

    # -- structure -------------------------------------------------------------------

    def report(self) -> tuple[Report, Stats]:
        facts = self.facts
        when = facts.meeting.date if facts.meeting else facts.date
        meta = Meta(title=self.macro("title"), subtitle=self.macro("subtitle"),
                    meeting=self.macro("meeting").lstrip("—-").strip(), speaker=self.macro("speaker"),
                    date=when.isoformat() if when else "",
                    date_text=f"{when.year}年{when.month}月{when.day}日" if when else "",
                    salutation=self.macro("salutation"))
        report = Report(meta=meta)
        report.children += self.paragraphs(self.macro(m) for m in self.rtype.opening)
        for number, role in enumerate(self.part_order(), start=1):
            report.children.append(self.part(role, number if facts.numbered_parts else 0))
        last = report.parts[-1] if report.parts else report
        last.children += self.paragraphs(self.macro(m) for m in self.rtype.closing)
        self.stats.count(report)
        return report, self.stats

    @staticmethod
    def paragraphs(texts) -> list[Paragraph]:
        return [Paragraph(normalize_line(t)) for t in texts if t]

    def part_order(self) -> list[str]:
        """The parts the facts fill, in the order the report type declares."""
        return [r for r in self.rtype.roles if part_has_content(self.facts.part(r))]

    def part(self, role: str, number: int) -> Part:
        spec = self.rtype.part(role)
        data = self.facts.part(role)
        heading = self.free(data.heading) if data.heading else self.part_heading(role, spec.heading)
        part = Part(heading=normalize_line(heading), number=label("cn", number) if number and heading else "",
                    form="cn" if number and heading else "plain", role=role)
        part.children += self.paragraphs(self.free(p) for p in data.intro)
        ordinal = data.ordinal if data.ordinal is not None else spec.ordinal
        part.children += self.items(data.items, ordinal)
        form = ("paren_cn" if number else "cn") if self.rtype.numbered_sections else "plain"
        n = 0
        for s in self.sections(data, role):
            if not s.heading:  # paragraphs without a heading of their own join the part
                part.children += self.section_body(s)
                continue
            n += 1
            section = Section(heading=normalize_line(self.free(s.heading)), number=label(form, n),
                              form=form, topic=s.topic)
            section.children += self.section_body(s)
            part.children.append(section)
        part.children += self.paragraphs(self.macro(m) for m in spec.after)
        return part

    def section_body(self, s) -> list[Paragraph]:
        out = self.paragraphs(self.free(p) for p in s.intro) + self.items(s.items, s.ordinal)
        if s.facts:
            out += self.paragraphs([join_clauses([(self.slot(s.facts), False)])])
        return out

    def items(self, items, ordinal: bool) -> list[Paragraph]:
        """One paragraph per item; its lead numbered 一是、二是… when `ordinal`."""
        out, n = [], 0
        for item in items:
            lead = ""
            if item.lead:
                n += 1
                prefix = f"{cn(n)}是" if ordinal and not item.lead.startswith(f"{cn(n)}是") else ""
                lead = prefix + self.free(with_stop(item.lead))
            body = self.content(item)
            if lead or body:
                out.append(Paragraph(normalize_line(body), normalize_line(lead)))
        return out

    def sections(self, part, role: str) -> list:
        """The part's sections in the order the file gives them (keyed by topic too: the writer
        chose it; init writes a skeleton in the schema's usual order), with the schema's most
        common heading for a topic when the facts give none."""
        learned = self.learned.part(role)
        topics = {t.topic: t for t in learned.topics} if learned else {}
        out = [s for s in part.section_list() if has_content(s)]
        for i, s in enumerate(out):
            examples = topics[s.topic].heading_examples if s.topic in topics else []
            if not s.heading and examples:
                out[i] = s.replace(heading=examples[0].text)
        return out

    def part_heading(self, role: str, fallback: str) -> str:
        """The schema's most common heading for this part, else the declaration's."""
        learned = self.learned.part(role)
        for heading in learned.headings if learned else ():
            got = fill(unnumbered(heading), self.base)
            if got and not got.startswith("("):
                return got
        return fallback
