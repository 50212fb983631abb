"""A facts file moved one year on (reportgen roll): last year's facts as this year's draft.

The file is edited as text, at the places YAML says hold the values, so every comment, line
break and key order a person wrote stays as it was. What roll changes: the year, the meeting
(next session, or the next term's first), the date (a placeholder in the next meeting's
season), the years and meeting names in headings, the opening and formulas, the five-year
plan's name and the congress and plenums to 学习贯彻 (data/calendar.yaml); numbers move to
上年 beside empty slots for this year's. What it cannot know is listed under 请核对.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import yaml

from . import periods
from .errors import format_path
from .facts import PART_KEYS, Facts, raw_parts, raw_sections, validate
from .numbering import CN_YEAR, cn, cn_year, cn_year_value
from .report_types import ReportTypes
from .resources import COUNTED
from .slots import LAST_YEAR, SlotRegistry
from .yamlio import Located, TextEdits, load_data, nodes_by_path

HEADER = "# 由 reportgen roll"
_YEAR = re.compile(r"(?<!\d)(\d{4})(?=\s*年)")
_COUNT = re.compile(r"(?<![\d.])" + COUNTED)   # 379件, 90余次: a count in running text


@dataclass
class Rolled:
    text: str
    changed: list[str] = field(default_factory=list)
    todo: list[str] = field(default_factory=list)


@dataclass
class _Move:
    """What moves from last year's report to this year's."""
    years: dict[int, int]                  # 2019 -> 2020, 2020 -> 2021
    meetings: list[tuple[str, str]]        # (第十五届委员会第三次会议, 第十五届委员会第四次会议), …
    study: tuple[str, str] | None          # (old 学习贯彻 phrase, new)
    plans: tuple[str, str] | None          # (十四五, 十五五)


def yaml_root(nodes: dict) -> yaml.MappingNode:
    return nodes[()]


def _scalar(text: str, node: yaml.Node) -> str:
    return text[node.start_mark.index:node.end_mark.index]


def _set(edits: TextEdits, node: yaml.Node | None, value: str) -> bool:
    if not isinstance(node, yaml.ScalarNode):
        return False
    edits.replace(node.start_mark.index, node.end_mark.index, value)
    return True


def _next_date(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 2月29日
        return day.replace(year=day.year + 1, day=28)


def _shift(text: str, move: _Move, years: bool, study: bool, plans: bool) -> tuple[str, list[str]]:
    """Words moved one year on: `years` (and meeting names) in headings and formulas, the
    congress and plenums to 学习贯彻 in formulas and overviews, the five-year plan in formulas
    (an overview's 十三五规划收官之年 is last year's sentence); what changed, as 旧→新."""
    done: list[str] = []

    def year(m):
        old = int(m.group(1))
        if old in move.years:
            done.append(f"{old}年→{move.years[old]}年")
            return str(move.years[old])
        return m.group(0)

    def chinese(m):
        old = cn_year_value(m.group(1))
        if old in move.years:
            done.append(f"{m.group(1)}年→{cn_year(move.years[old])}年")
            return cn_year(move.years[old])
        return m.group(0)

    out = CN_YEAR.sub(chinese, _YEAR.sub(year, text)) if years else text
    for old, new in move.meetings if years else ():
        if old in out:
            out = out.replace(old, new)
            done.append(f"{old}→{new}")
    if study and move.study and move.study[0] in out:
        out = out.replace(*move.study)
        done.append(f"{move.study[0]}→{move.study[1]}")
    if plans and move.plans and move.plans[1] not in out:   # (…十四五收官、十五五开好局 stays)
        changed = periods.PLAN.sub(lambda m: move.plans[1] if m.group(1) == move.plans[0] else m.group(0), out)
        if changed != out:
            done.append(f"{move.plans[0]}→{move.plans[1]}")
            out = changed
    return out, done


def _texts(data: dict) -> tuple[list[tuple], list[tuple], list[tuple], list[tuple]]:
    """Key paths of the headings, the formulas, the parts' overviews and last year's running text."""
    headings = [("标题",), ("副标题",)]
    formulas = [("开头",), ("结束语",), ("结束语", "引语"), ("结束语", "目标"), ("工作回顾", "致谢")]
    overviews: list[tuple] = []
    body: list[tuple] = []
    for part_key, part in raw_parts(data):
        headings.append((part_key, "标题"))
        intro = part.get("概述")
        for i in range(len(intro)) if isinstance(intro, list) else [None] if intro else []:
            # a part's overview is where its formula (学习贯彻…精神) stands; its years are last year's
            overviews.append((part_key, "概述") + ((i,) if i is not None else ()))
            body.append(overviews[-1])
        for key, _, _ in raw_sections(part):
            headings.append((part_key, "板块", key, "标题"))
            body.append((part_key, "板块", key))
        body.append((part_key, "事项"))
    return headings, formulas, overviews, body


def _strings(nodes: dict, path: tuple):
    """(path, scalar node) of every string at or below `path` (nodes_by_path's map)."""
    for at, node in nodes.items():
        if at[:len(path)] == path and isinstance(node, yaml.ScalarNode) and node.tag.endswith(":str"):
            yield at, node


def _quantities(data: dict, slots: SlotRegistry):
    """(path of the fact's mapping, slot type) of every fact with a number field."""
    from .facts import _slot_pieces

    for path, piece in _slot_pieces(data):
        (name, values), = piece.items() if len(piece) == 1 else ((None, None),)
        if name in slots.types and isinstance(values, dict):
            yield path + (name,), slots.types[name]
    for part_key, part in raw_parts(data):
        for key, section, by_topic in raw_sections(part):
            if isinstance(section.get("事实"), dict):
                stype = slots.for_topic(section.get("主题") or (key if by_topic else ""))
                if stype:
                    yield (part_key, "板块", key, "事实"), stype


def _content_end(text: str, node: yaml.Node) -> int:
    """Just past the last character a node's text takes (a block collection's end mark lies at
    the start of what follows it, a line or more further on)."""
    end = node.end_mark.index
    while end > node.start_mark.index and text[end - 1] in " \t\r\n":
        end -= 1
    return end


def _line_after(text: str, at: int) -> int:
    """The start of the line after the one holding position `at`."""
    nl = text.find("\n", at)
    return len(text) if nl < 0 else nl + 1


def _move_numbers(text: str, nodes: dict, edits: TextEdits, data: dict, slots: SlotRegistry,
                  newline: str) -> int:
    """Each number of last year moves to 上年 beside its field, which is left empty."""
    moved, seen = 0, set()
    for path, stype in _quantities(data, slots):
        mapping = nodes.get(path)
        if mapping is None and len(path) >= 3 and path[-2] == 0 and path[-3] == "内容":
            mapping = nodes.get(path[:-2] + path[-1:])   # 内容: {提案: {…}}, a lone fact
        if not isinstance(mapping, yaml.MappingNode) or id(mapping) in seen or not mapping.value:
            continue
        seen.add(id(mapping))   # (an alias names the same mapping twice)
        last: list[str] = []
        for n, (k, v) in enumerate(mapping.value):
            fld = stype.fields.get(k.value)
            if fld is not None and fld.type == "数量" and fld.compared and isinstance(v, yaml.ScalarNode) \
                    and v.value != "":
                last.append(f"{k.value}: {_scalar(text, v)}")
                start = v.start_mark.index
                while not mapping.flow_style and text[start - 1] == " ":
                    start -= 1   # 提交: 379 -> 提交:
                edits.replace(start, v.end_mark.index, "")
                moved += 1
            elif k.value == LAST_YEAR:   # rolled before: last year's 上年 gives way
                if mapping.flow_style:   # with the comma that joins it to its neighbour
                    if n:
                        start = _content_end(text, mapping.value[n - 1][1])
                        edits.replace(start, _content_end(text, v), "")
                    else:
                        nxt = mapping.value[1][0].start_mark.index if len(mapping.value) > 1 else _content_end(text, v)
                        edits.replace(k.start_mark.index, nxt, "")
                else:                    # with its lines
                    start = text.rfind("\n", 0, k.start_mark.index) + 1
                    edits.replace(start, _line_after(text, _content_end(text, v)), "")
        if not last:
            continue
        entry = f"{LAST_YEAR}: {{{', '.join(last)}}}"
        kept = [(k, v) for k, v in mapping.value if k.value != LAST_YEAR]
        if mapping.flow_style:
            if kept:
                edits.insert(_content_end(text, kept[-1][1]), ", " + entry)
            continue
        column = mapping.value[0][0].start_mark.column
        end = _content_end(text, kept[-1][1] if kept else mapping.value[-1][1])
        at = _line_after(text, end)
        if at == len(text) and not text.endswith("\n"):
            edits.insert(at, newline + " " * column + entry + newline)
        else:
            edits.insert(at, " " * column + entry + newline)
    return moved


def _meeting_names(old: tuple[int, int], new: tuple[int, int], committee: tuple[int, int]) -> list[tuple[str, str]]:
    """The meeting's names as reports write them, last year's and this year's."""
    (t0, s0), (t1, s1) = old, new
    out = [(f"第{cn(t0)}届委员会第{cn(s0)}次", f"第{cn(t1)}届委员会第{cn(s1)}次"),
           (f"{cn(t0)}届{cn(s0)}次会议", f"{cn(t1)}届{cn(s1)}次会议"),
           (f"{cn(t0)}届{cn(s0)}次全会", f"{cn(t1)}届{cn(s1)}次全会")]
    if t0 == t1:
        out.append((f"第{cn(s0)}次会议", f"第{cn(s1)}次会议"))
    if committee[0] != committee[1]:   # the standing committee that reports changed its term
        out.append((f"第{cn(committee[0])}届委员会常务委员会", f"第{cn(committee[1])}届委员会常务委员会"))
    return out


def roll(src: Located, slots: SlotRegistry, types: ReportTypes, new_term: bool = False) -> Rolled:
    """Last year's facts (a validated file) as this year's draft."""
    facts: Facts = validate(src, slots, types)
    text = _without_header(src.text)
    nodes = nodes_by_path(text)
    data = load_data(text)
    edits, out = TextEdits(text), Rolled("")
    newline = "\r\n" if "\r\n" in text else "\n"   # the file's own line ends
    year = facts.year
    _set(edits, nodes.get(("年度",)), str(year + 1))
    out.changed.append(f"年度:{year}→{year + 1}")

    rtype = types[facts.report_type]
    term_end = [n for n, t in types.types.items() if t.term_report]   # 届末
    meeting = facts.meeting
    old_day = meeting.date if meeting else facts.date
    new_day = _next_date(old_day) if old_day else None
    new_type = rtype.name
    if meeting:
        old = (meeting.term, meeting.session)
        was_term_end = rtype.name in term_end
        if new_term:
            new = (meeting.term + 1, 1)
            new_type = term_end[0] if term_end else rtype.name
            if was_term_end:
                out.todo.append("会议.届次(去年已是届末报告,又按换届移了一届,请核对)")
        elif was_term_end:
            # a term's report is given at the next term's first meeting: next comes its second;
            # one given at the old term's last meeting is followed by the new term's first
            new = (meeting.term, 2) if meeting.session == 1 else (meeting.term + 1, 1)
            new_type = types.default.name
            out.todo.append("会议.届次、会议.会次(去年是届末报告,今年按新一届的年度报告移,请核对)")
        else:
            new = (meeting.term, meeting.session + 1)
            if meeting.session >= 5:
                out.todo.append(f"会议.会次(第{cn(meeting.session)}次会议之后通常换届;若今年是下一届第一次会议,"
                                "请改用 reportgen roll --new-term)")
        # the standing committee that reports: at a term report's first meeting, the outgoing one
        committee = (old[0] - (was_term_end and old[1] == 1), new[0] - (new_type in term_end and new[1] == 1))
        _set(edits, nodes.get(("会议", "届次")), str(new[0]))
        _set(edits, nodes.get(("会议", "会次")), str(new[1]))
        out.changed.append(f"会议:{cn(old[0])}届{cn(old[1])}次→{cn(new[0])}届{cn(new[1])}次")
        _set(edits, nodes.get(("会议", "日期")), new_day.isoformat())
        out.todo.append(f"会议.日期(按去年推为 {new_day.isoformat()},请改为实际开会日期)")
        if new_term:
            out.todo.append("会议.报告人(换届后请核对)")
        meetings = _meeting_names(old, new, committee)
    else:
        meetings = []
        if new_term:
            out.todo.append("--new-term 没有起作用(这类报告没有“会议”)")
        if new_day:
            _set(edits, nodes.get(("日期",)), new_day.isoformat())
            out.todo.append(f"日期(按去年推为 {new_day.isoformat()},请改为实际发布日期)")
    if new_type != rtype.name:
        if not _set(edits, nodes.get(("类型",)), new_type):   # a line of its own, before 年度
            year_key = next(k for k, _ in yaml_root(nodes).value if k.value == "年度")
            edits.insert(year_key.start_mark.index, f"类型: {new_type}{newline}")
        out.changed.append(f"类型:{rtype.name}→{new_type}")
        out.todo.append(f"各部分标题和内容(报告由“{rtype.name}”改为“{new_type}”)")

    study = None
    if old_day and new_day:
        before, after = periods.study_phrase(old_day), periods.study_phrase(new_day)
        if before and after and before != after:
            study = (before, after)
        if new_day > periods.last_known() + dt.timedelta(days=330):
            out.todo.append("学习贯彻的提法(年份表 data/calendar.yaml 可能缺了最近的全会)")
    plans = None
    if old_day and new_day and periods.plan_of(old_day.year) != periods.plan_of(new_day.year):
        plans = (periods.plan_of(old_day.year), periods.plan_of(new_day.year))
    move = _Move({year: year + 1, year + 1: year + 2}, meetings, study, plans)

    headings, formulas, overviews, body = _texts(data if isinstance(data, dict) else {})
    shifted: list[str] = []
    for paths, *what in ((headings, True, False, False), (formulas, True, True, True),
                         (overviews, False, True, False)):
        for path in paths:
            node = nodes.get(path)
            if not isinstance(node, yaml.ScalarNode) or not node.tag.endswith(":str"):
                continue
            new_text, done = _shift(_scalar(text, node), move, *what)
            if done:
                edits.replace(node.start_mark.index, node.end_mark.index, new_text)
                shifted.append(f"{format_path(path)}({'、'.join(dict.fromkeys(done))})")
    if shifted:
        out.changed.append("标题、开头和套语中的年份与提法:" + ";".join(shifted))
    if plans and any(f"{plans[0]}→{plans[1]}" in x for x in shifted):
        out.todo.append(f"五年规划的名称改成了“{plans[1]}”,请核对说法(如“收官”应为“开局”)")

    moved = _move_numbers(text, nodes, edits, data, slots, newline)
    if moved:
        out.changed.append(f"事实中的 {moved} 个数字移入“{LAST_YEAR}”,今年的数字待填")

    stale, counts = [], 0
    for path in body:
        for spath, snode in _strings(nodes, path):
            if re.search(rf"(?<!\d)({year}|{year + 1})\s*年", snode.value):
                stale.append(format_path(spath))
            if spath[0] == PART_KEYS["review"]:
                counts += len(_COUNT.findall(snode.value))
    if counts:
        out.todo.append(f"工作回顾的文字中还有 {counts} 个数字是去年的(写在文字里,没有放进事实类别),请改为今年的")
    if stale:
        shown = "、".join(stale[:6]) + (f" 等 {len(stale)} 处" if len(stale) > 6 else "")
        out.todo.append(f"正文仍是去年的文字,其中写到 {year} 年或 {year + 1} 年的:{shown}")
    out.text = _header(src.file, out, newline) + edits.apply()
    return out


_FOOTER = "# 填好今年的数字后,用 reportgen check 检查,再用 reportgen build 生成报告。"


def _without_header(text: str) -> str:
    """The file without the header an earlier roll wrote (up to its last line, which we wrote
    too), and without what an extract header asked to check about last year's file."""
    lines = text.split("\n")
    if text.startswith(HEADER):
        end = next((i for i, ln in enumerate(lines) if ln.rstrip("\r") == _FOOTER), None)
        if end is not None:
            lines = lines[end + 1:]
            if lines and not lines[0].strip():
                lines = lines[1:]
    top = 0
    while top < len(lines) and lines[top].startswith("#"):
        top += 1
    if lines and lines[0].startswith("# 由 reportgen extract"):
        lines = [ln for i, ln in enumerate(lines) if i >= top or not ln.startswith("# 请核对:")]
    return "\n".join(lines)


def _header(source: str, rolled: Rolled, newline: str) -> str:
    lines = [f"{HEADER} 从 {source} 移到下一年({dt.date.today().isoformat()})。",
             "# 已改动:"] + [f"#   - {c}" for c in rolled.changed]
    if rolled.todo:
        lines += ["# 请核对:"] + [f"#   - {t}" for t in rolled.todo]
    lines += [_FOOTER, ""]
    return newline.join(lines) + newline
