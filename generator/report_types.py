"""Report types (年度, 届末, 综述 …), each declared once in templates/report_types.yaml."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import Problem, ReportgenError
from .records import F, Findings, Flag, ListOf, MapOf, Nested, Choice, Record, Text
from .tree import ROLES, Report

FILE = "report_types.yaml"
TEXTS = ListOf(Text(min_len=1), single=True)


class PartSpec(Record):
    role = F("类别", Choice(*ROLES))
    heading = F("标题", Text(), "")
    note = F("说明", Text(), "")
    ordinal = F("序号引语", Flag(), False)
    after = F("之后", TEXTS, factory=list)


class Rule(Record):
    """One way to recognise a type in a parsed report: every condition given must hold."""
    has_parts = F("有部分", ListOf(Choice(*ROLES), single=True), factory=list)
    part_heading_has = F("部分标题含", TEXTS, factory=list)
    title_has = F("标题含", TEXTS, factory=list)
    title_lacks = F("标题不含", TEXTS, factory=list)
    salutation = F("有称呼", Flag(), None)
    meeting = F("有会议", Flag(), None)
    part_headings = F("有部分标题", Flag(), None)
    body_has = F("正文含", TEXTS, factory=list)        # any of these in the opening paragraphs
    body_lacks = F("正文不含", TEXTS, factory=list)    # none of these there
    body_also = F("正文也含", TEXTS, factory=list)     # and any of these too
    # the committee reporting is of the term before the meeting's (第十二届常委会 at 第十三届…第一次会议)
    term_change = F("换届", Flag(), None)
    first_session = F("首次会议", Flag(), None)     # the meeting is a term's first (十四届一次会议)
    work_report = F("作工作报告", Flag(), None)     # the text says a standing committee's work report is given
    plenary = F("报道全会", Flag(), None)           # the opening reports a plenary held (…第五次会议…开幕)
    chronicle = F("逐日记事", Flag(), None)         # most paragraphs open with a day (3月11日,…): a chronicle
    at_meeting = F("会上文稿", Flag(), None)        # said at a meeting or reporting one (any of the four above)

    def holds(self, tree: Report) -> bool:
        from .identity import body_text, chronicle, first_session, plenary_reported, work_report_said
        from .script import simplified

        roles = {p.role for p in tree.parts}
        headings = simplified("".join(p.heading for p in tree.parts))
        title = simplified(tree.meta.title)
        body = body_text(tree) if self.body_has or self.body_lacks or self.body_also else ""
        return ((not self.body_has or any(w in body for w in self.body_has))
                and (not self.body_also or any(w in body for w in self.body_also))
                and not any(w in body for w in self.body_lacks)
                and all(r in roles for r in self.has_parts)
                and all(w in headings for w in self.part_heading_has)
                and all(w in title for w in self.title_has)
                and not any(w in title for w in self.title_lacks)
                and self.salutation in (None, bool(tree.meta.salutation))
                and self.meeting in (None, bool(tree.meta.meeting))
                and self.part_headings in (None, any(p.heading for p in tree.parts))
                and (self.term_change is None or self.term_change == _term_change(tree))
                and (self.first_session is None or self.first_session == first_session(tree))
                and (self.work_report is None or self.work_report == work_report_said(tree))
                and (self.plenary is None or self.plenary == plenary_reported(tree))
                and (self.chronicle is None or self.chronicle == chronicle(tree))
                and (self.at_meeting is None or self.at_meeting == (
                    bool(tree.meta.salutation or tree.meta.meeting) or work_report_said(tree) or plenary_reported(tree))))


def _term_change(tree: Report) -> bool:
    from .identity import meeting, reporting_term

    met, reporting = meeting(tree), reporting_term(tree)
    return bool(met.sure and reporting and met.term == reporting + 1)


class ReportType(Record):
    label = F("名称", Text(min_len=1))
    template = F("模板", Text(min_len=1))
    default = F("默认", Flag(), False)
    required = F("必填", ListOf(Choice("会议", "日期"), single=True), factory=list)
    period = F("回顾时段", Text(), "")
    parts = F("部分", ListOf(Nested(PartSpec)))
    numbered_sections = F("板块编号", Flag(), True)
    opening = F("开头", TEXTS, factory=list)
    closing = F("结尾", TEXTS, factory=list)
    recognise = F("识别", ListOf(Nested(Rule)), factory=list)
    name = ""             # the key it is declared under
    file: Path = Path()   # the file it is declared in

    def part(self, role: str) -> PartSpec | None:
        return next((p for p in self.parts if p.role == role), None)

    @property
    def roles(self) -> list[str]:
        return [p.role for p in self.parts]

    @property
    def term_report(self) -> bool:
        """A report on a whole term (回顾时段 过去五年): given at the next term's first meeting."""
        return "五年" in self.period

    def macro_paths(self) -> dict[str, tuple]:
        """The template's macros this declaration names, each with its key path in the file."""
        out = {m: (self.name, "开头", i) for i, m in enumerate(self.opening)}
        for pi, p in enumerate(self.parts):
            out.update({m: (self.name, "部分", pi, "之后", i) for i, m in enumerate(p.after)})
        out.update({m: (self.name, "结尾", i) for i, m in enumerate(self.closing)})
        return out


@dataclass
class ReportTypes:
    types: dict[str, ReportType]
    files: list[Path]

    @property
    def names(self) -> list[str]:
        return list(self.types)

    @property
    def default(self) -> ReportType:
        return next(t for t in self.types.values() if t.default)

    def __getitem__(self, name: str) -> ReportType:
        return self.types[name]

    def __contains__(self, name: str) -> bool:
        return name in self.types

    def recognise(self, tree: Report) -> str:
        """The type of a parsed report: the first whose rules hold, else the default."""
        for t in self.types.values():
            if any(rule.holds(tree) for rule in t.recognise):
                return t.name
        return self.default.name


def load(dirs: list[Path]) -> ReportTypes:
    """The bundled declarations, extended or replaced by name by those of each template folder
    (`dirs`: the user's folders first, as the template loader searches them)."""
    import yaml

    from .yamlio import load_data_file, load_yaml

    types: dict[str, ReportType] = {}
    from .sandbox import inside

    files = [inside(Path(d) / FILE, [Path(d)]) for d in reversed(dirs) if (Path(d) / FILE).is_file()]
    for path in files:
        try:
            data = load_data_file(path)
        except (ReportgenError, yaml.YAMLError):
            data = load_yaml(path).data  # raises the located message
        found = Findings(ReportType)
        got = MapOf(Nested(ReportType)).check(data, (), found) if isinstance(data, dict) else None
        for name, rtype in got.items() if isinstance(got, dict) else ():
            roles = [p.role for p in rtype.parts]
            for i, role in enumerate(roles):
                if role in roles[:i]:
                    found.add((name, "部分", i, "类别"), f"类别“{role}”出现了两次,每类部分只能有一个",
                              "删去重复的一项,或改为另一类别")
        if not isinstance(got, dict) or found.items:
            src = load_yaml(path)
            problems = [src.problem(m, p, h) for p, m, h in found.items] or [
                src.problem("报告类型文件的顶层应为“类型名: {…}”的键值对", ())]
            raise ReportgenError(problems)
        for name, rtype in got.items():
            rtype.name, rtype.file = name, path
            types[name] = rtype
    defaults = [n for n, t in types.items() if t.default]
    if len(defaults) != 1:
        raise ReportgenError(Problem(
            f"报告类型中应恰有一类标明“默认: 是”,现在有 {len(defaults)} 类" + (":" + "、".join(defaults) if defaults else ""),
            str(files[-1]) if files else FILE, hint="只在一类报告下写“默认: 是”"))
    return ReportTypes(types, files)


_bundled: ReportTypes | None = None


def bundled() -> ReportTypes:
    """The types shipped with reportgen (the CLI's choices)."""
    global _bundled
    if _bundled is None:
        from .resources import templates_dir

        _bundled = load([templates_dir()])
    return _bundled
