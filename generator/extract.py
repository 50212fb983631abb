"""A report turned back into a facts file: structure, leads and text, numbers in fact slots."""
from __future__ import annotations

import re
from functools import lru_cache

import yaml

from .facts import PART_KEYS
from . import identity
from .learn import formula_name
from .names import derive_names, full_name
from .numbering import arabic_years, cn
from .report_types import bundled as bundled_types
from .resources import data_dir
from .yamlio import load_data_file
from .slots import Quantity
from .tree import Paragraph, Report, Section

_N = r"\d+(?:\.\d+)?(?:余|多)?"
_ORDINAL = re.compile(r"^[一二三四五六七八九十]{1,3}是")
MAX_SPAN = 40


@lru_cache(maxsize=1)
def _patterns() -> dict[str, list[re.Pattern]]:
    data = load_data_file(data_dir() / "extract.yaml")
    return {slot: [re.compile(p.replace("N", _N)) for p in pats] for slot, pats in data.items()}


def _value(text: str):
    q = Quantity.parse(text)
    if q is None:
        return text
    return int(q.number) if not q.approx and q.number == q.number.to_integral() else str(q)


_UNPUNCTUATED = re.compile(r"[\s,;:。、!?()\uff0c\uff1b\uff1a\uff01\uff1f\uff08\uff09“”]")


def _same_words(a: str, b: str) -> bool:
    return _UNPUNCTUATED.sub("", a) == _UNPUNCTUATED.sub("", b)


def content_pieces(text: str, said=None) -> list:
    """A paragraph as free text and facts: numbers go into slots where a pattern fits and, with
    `said` (category, values -> the sentence build writes), only where that sentence is the
    report's own: everything else stays the report's words."""
    pieces: list = []
    for sentence in re.findall(r"[^。;\uff1b]+[。;\uff1b]?", text):
        found = []  # (start, end, slot, field, value)
        for slot, patterns in _patterns().items():
            for rx in patterns:
                m = rx.search(sentence)
                if m:
                    field = next(k for k, v in m.groupdict().items() if v)
                    found.append((m.start(), m.end(), slot, field, m.group(field)))
        found.sort()
        groups: list[list] = []
        for f in found:
            if groups and groups[-1][0][2] == f[2] and f[0] - groups[-1][-1][1] <= MAX_SPAN \
                    and f[0] >= groups[-1][-1][1]:
                groups[-1].append(f)
            elif not groups or f[0] >= groups[-1][-1][1]:
                groups.append([f])
        for g in groups:
            fields = {f[3]: f[4] for f in g}
            if g[0][2] == "提案" and g[-1][3] == "办结" and fields.get("立案") == fields["办结"]:
                g.pop()  # the sentence would say 均已办结 and drop the number: keep it as written
        if said is not None:
            groups = [g for g in groups if _same_words(said(g[0][2], {f[3]: _value(f[4]) for f in g}),
                                                       sentence[g[0][0]:g[-1][1]])]
        pos = 0
        for g in groups:
            if g[0][0] > pos:
                pieces.append(sentence[pos:g[0][0]])
            pieces.append({g[0][2]: {f[3]: _value(f[4]) for f in g}})
            pos = g[-1][1]
        if pos < len(sentence):
            pieces.append(sentence[pos:])
    merged: list = []
    for p in pieces:  # adjacent text pieces become one
        if isinstance(p, str) and merged and isinstance(merged[-1], str):
            merged[-1] += p
        elif p:
            merged.append(p)
    return merged


def _item(p: Paragraph, ordinal: bool, said=None) -> dict:
    item: dict = {}
    if p.lead:
        lead = _ORDINAL.sub("", p.lead) if ordinal else p.lead
        item["引语"] = lead.rstrip("。")
    pieces = content_pieces(p.text, said)
    if pieces:
        item["内容"] = pieces[0] if len(pieces) == 1 and isinstance(pieces[0], str) else pieces
    return item


def _ordinal(paragraphs: list[Paragraph]) -> bool:
    leads = [p.lead for p in paragraphs if p.lead]
    return bool(leads) and all(_ORDINAL.match(x) for x in leads)


def _section(s: Section, said=None) -> dict:
    out: dict = {"标题": s.heading} if s.heading else {}
    if s.topic:
        out["主题"] = s.topic
    paras = [c for c in s.children if isinstance(c, Paragraph)]
    # deeper levels (1./(1)) become items led by their heading
    for sub in (c for c in s.children if isinstance(c, Section)):
        paras.append(Paragraph("".join(p.full for p in sub.paragraphs), sub.number + sub.heading + "。"))
    ordinal = _ordinal(paras)
    if ordinal:
        out["序号引语"] = "是"
    if paras and not paras[0].lead and any(p.lead for p in paras[1:]):
        out["导语"] = paras.pop(0).text
    out["事项"] = [_item(p, ordinal, said) for p in paras]
    return out


def _as_sections(part: dict) -> list[dict]:
    """A part's facts as sections of another part: its heading and paragraphs become a section."""
    head = {k: part[k] for k in ("标题", "事项") if k in part}
    if part.get("概述"):
        head["导语"] = part["概述"]
    if part.get("序号引语"):
        head["序号引语"] = part["序号引语"]
    return ([head] if head else []) + part.get("板块", [])


_YEAR = re.compile(r"(\d{4})年")
_TITLE_YEAR = re.compile(r"(\d{4})年|(?<=回眸|回顾|盘点|巡礼)\W?(\d{4})(?!\d)")   # (回眸2023: an article's)
_ARTICLE_TITLE = re.compile("综述|回眸|回顾|年鉴|巡礼|纪实")


def _first_words(tree: Report) -> str:
    """The opening paragraph after the salutation."""
    first = next(iter(tree.paragraphs()), None)
    return first.full if first else ""


def _year(tree: Report, article: bool, date: str, term_end: bool = False) -> tuple[int | None, bool, bool]:
    """The year a report looks back on, whether the text says so plainly (a review part's heading
    2023年工作回顾, an article's title 2022年工作综述, the meeting's date) and whether it is the
    text's own words rather than worked out from a date."""
    from .script import simplified

    for part in tree.parts:
        m = _YEAR.match(arabic_years(simplified(part.heading)))
        if m and part.role == "review":
            return int(m.group(1)), True, True
    title = _TITLE_YEAR.search(arabic_years(tree.meta.title + tree.meta.subtitle))
    title = title and int(title.group(1) or title.group(2))
    # 某县年鉴(2021): an edition of 2021 mostly records 2020, one that came out late in 2021 the year itself
    edition = re.search(r"年[鉴鑑]\W{0,2}(\d{4})(?!\d)", tree.meta.title)
    if article and title:
        return title, True, True
    if article and edition:
        year = int(edition.group(1))
        return (year, True, True) if date[:4] == str(year) else (year - 1, False, False)
    held = identity.meeting_year(tree, term_end)   # a provincial plenary's year, from the terms table
    if date:  # a meeting early in the year looks back on the year before; a late one, on its own
        # (a year the parser worked out for a dateline is a guess: 请核对, unless the table agrees)
        return int(date[:4]) - (int(date[5:7]) <= 6), "date" not in tree.meta.inferred or held == int(date[:4]), False
    if held and not article:
        return held - 1, True, False
    if title:
        return title - (0 if article else 1), False, False
    first = _YEAR.search(identity.body_text(tree)[:300])
    if first:
        return int(first.group(1)), False, False
    return None, False, False


def extract(tree: Report, renderer=None) -> tuple[dict, list[str]]:
    """The facts of a report, and what the report did not say (filled with placeholders). With a
    renderer, a number goes into a fact slot only where build would write the report's sentence."""
    import datetime as dt

    todo: list[str] = []
    from .script import simplified

    types = bundled_types()
    rtype = types[types.recognise(tree)]
    # an article is dated by its publication and names the year it reviews in its title
    article = "会议" not in rtype.required
    where = identity.region(tree)
    met = identity.meeting(tree, where)
    names = derive_names(where.region, where.parent, term=met.term, session=met.session) if where.region else {}
    said = renderer.slot_writer(names) if renderer is not None else None
    m = tree.meta
    facts: dict = {"类型": rtype.name}
    # (a type a rule named is another report already: only a text that is no report is told apart)
    other = identity.other_kind(tree, reports=rtype.name == types.default.name or rtype.term_report)
    entry = identity.reference_entry(tree)
    if other:
        todo.append(f"类型(原文是“{other}”一类的报告,不是常委会工作报告,按“{rtype.name}”提取)")
    elif rtype.name == types.default.name and not rtype.recognise and not (m.salutation or m.meeting) \
            and not identity.work_report_said(tree):
        todo.append(f"类型(原文不像常委会工作报告,按“{rtype.name}”提取)")
    elif rtype.name == types.default.name and not met.session:
        todo.append(f"类型(原文没有写明在哪一次会议上作,按“{rtype.name}”提取;若是一届最后的(届末)报告请改写)")
    elif rtype.term_report and not (m.salutation or m.meeting) and met.sure and met.session == 1 \
            and not identity.work_report_said(tree):
        # (news of a term's first plenary: the standing committee's report given there is the term's)
        todo.append(f"类型(原文是一届第一次会议的新闻,没有说到常委会工作报告,按“{rtype.name}”提取)")
    elif m.salutation and not m.title and not re.search("报告|审议", simplified(_first_words(tree))):
        # 各位委员、同志们: / 今天,…会议隆重开幕了!: a speech at the meeting, not the report given to it
        todo.append(f"类型(原文开头没有说向大会报告工作,可能是讲话等其他文稿,按“{rtype.name}”提取)")
    elif entry:
        todo.append(f"类型(原文像年鉴、地方志的条目,按“{rtype.name}”提取)")
    elif article and not _ARTICLE_TITLE.search(simplified(m.title + m.subtitle)):
        todo.append(f"类型(原文没有报告的称呼和会议行,按“{rtype.name}”提取;若是提案、专委会等报告请改写)")
    date = m.date or ""
    kind_unsure = bool(todo)   # (so far todo holds only the doubts about the kind)
    year, sure, worded = _year(tree, article, date, bool(rtype.term_report))
    if year is None:  # (no date either: a date gives a year)
        year = dt.date.today().year - 1
        todo.append(f"年度(原文没有写明,填的是 {year})")
    elif not sure or kind_unsure and (not worded or other):
        # (a text of a kind not told for sure may look back on no year at all, whatever its date)
        todo.append(f"年度(按原文推断为 {year})")
    if not date:
        date = f"{year + 1}-01-01"
        todo.append(f"日期(原文没有写明,填的是 {date})")
    facts["年度"] = year
    facts["机构"] = {"地区": full_name(where.region)}   # 黔东南州 -> 黔东南苗族侗族自治州
    if where.others:
        todo.append(f"机构.地区(原文还说到{'、'.join(where.others)}的委员会,填的是先说到的“{where.region}”,请核对)")
    elif where.region and not where.sure:
        todo.append(f"机构.地区(原文只顺带提到“{where.region}”,请核对)")
    if where.parent:
        facts["机构"]["上级地区"] = where.parent
    facts["标题"] = m.title
    if m.subtitle:
        facts["副标题"] = m.subtitle
    if article:
        facts["日期"] = date
        # an article's meeting or committee, where it names one (never sure it is the one it is
        # about; a yearbook's or gazetteer's entry records several)
        if met.sure and not entry:
            facts["会议"] = {"届次": met.term, "会次": met.session, "日期": date}
            todo.append(f"会议.届次、会议.会次(原文提到“{met.said}”,未必是这篇{rtype.name}所记的会议,"
                        f"不是就删去“会议”;会议.日期填的是{rtype.name}的日期)")
        elif met.term and not entry:
            facts["机构"]["届次"] = met.term
            todo.append(f"机构.届次(按原文提到的“{met.said}”推断为 {met.term})")
    else:
        term, session = met.term or 1, met.session or 1
        no_report = bool(other) and bool(identity.other_kind(tree, reports=False))   # (a meeting's news, a resolution)
        if where.others and met.session:
            todo.append(f"会议.届次、会议.会次(原文说到几个委员会的会议,填的是先说到的“{met.said}”,请核对)")
        elif met.term and not met.sure and not met.session and rtype.term_report:
            # only the reporting committee is named: a term's report is given at the next
            # term's first meeting (as build writes it: 第十五届…常务委员会 / 在…第十六届…第一次会议上)
            term, session = met.term + 1, 1
            todo.append(f"会议.届次、会议.会次(原文只写了报告的委员会:第{met.term}届;"
                        f"届末报告在下一届第一次会议上作,填的是第{term}届第1次)")
        else:
            if not met.term:
                todo.append("会议.届次(原文没有写明,填的是 1)")
            elif entry:
                todo.append(f"会议.届次(原文像年鉴、地方志的条目,所记的第{cn(met.term)}届未必是报告所在的会议)")
            elif not met.sure:
                todo.append(f"会议.届次(按报告的委员会推断为 {met.term},届末报告是下一届的会议)")
            if not met.session:
                todo.append("会议.会次(原文没有写明,填的是 1)")
            elif met.since:
                todo.append(f"会议.会次(原文又说“{cn(met.since)}次会议以来”,与第{cn(met.session)}次会议不合,请核对)")
            elif entry:
                todo.append(f"会议.会次(原文像年鉴、地方志的条目,所记的第{cn(met.session)}次会议未必是报告所在的会议)")
            elif kind_unsure and not no_report:
                todo.append(f"会议.会次(原文不像常委会工作报告,所说的第{cn(met.session)}次会议未必是报告所在的会议)")
            elif no_report and not identity.plenary_ahead(tree):
                # a standing committee's own meeting naming a plenary in passing (…会议闭幕会上的讲话)
                todo.append(f"会议.会次(原文是会议的新闻,没有说为哪一次全体会议作准备,填的是第{cn(met.session)}次会议)")
        facts["会议"] = {"届次": term, "会次": session, "日期": date}
        if m.speaker:
            facts["会议"]["报告人"] = m.speaker
        if m.meeting and m.meeting != f"在{names.get('委员会', '')}{names.get('会议', '')}上":
            facts["副标题"] = "——" + m.meeting  # worded otherwise than build would word it
        if m.salutation:
            facts["称呼"] = m.salutation
    preamble = [p.full for p in tree.children if isinstance(p, Paragraph)]
    opening = next((t for t in preamble if formula_name(simplified(t)) == "开头"), None)
    if opening is None and preamble and not article:
        opening = preamble[0]  # the report's own first words, whatever they are
    if opening is not None:
        facts["开头"] = opening
        preamble.remove(opening)
    if any(p.number for p in tree.parts if p.heading):
        facts["部分编号"] = "是"
    trailing: list[str] = []
    keys = [PART_KEYS[r] for r in rtype.roles]  # the parts this type of report has
    for part in tree.parts:
        key = PART_KEYS.get(part.role)
        if key not in keys or key in facts:  # a part the type lacks, or a second of a role
            key = next((k for k in keys if k not in facts), None)
        data: dict = {}
        if part.heading:
            data["标题"] = part.heading
        paras_before = []
        sections = []
        for child in part.children:
            if isinstance(child, Section):
                sections.append(child)
            elif not sections:
                paras_before.append(child)
            else:
                formula = formula_name(simplified(child.full))
                if formula == "致谢":
                    facts.setdefault("工作回顾", {})["致谢"] = child.full
                elif formula == "不足":
                    facts.setdefault("工作回顾", {})["不足"] = child.full
                else:
                    trailing.append(child.full)
        intro = [p.full for p in paras_before if not p.lead]
        led = [p for p in paras_before if p.lead]
        if intro:
            data["概述"] = intro
        if led:
            ordinal = _ordinal(led)
            if ordinal != (part.role == "lessons"):
                data["序号引语"] = "是" if ordinal else "否"
            data["事项"] = [_item(p, ordinal, said) for p in led]
        if sections:
            data["板块"] = [_section(s, said) for s in sections]
        if key is None:
            # more parts than the type has: this one joins the last part, its heading a section's
            key = next(k for k in reversed(keys) if k in facts)
            data = _as_sections(data)
            facts[key].setdefault("板块", []).extend(data)
            todo.append(f"{key}(原文的“{part.heading or '未标明的部分'}”一部分并入了这里)")
            continue
        facts[key] = {**data, **facts.get(key, {})}
    if preamble:  # other paragraphs before the first part open it: moved, never dropped
        first = next((k for k in keys if k in facts), keys[0])
        part = facts.get(first, {})
        intro = {"概述": preamble + part.get("概述", [])}
        facts[first] = ({"标题": part["标题"], **intro} if "标题" in part else intro) | part | intro
        todo.append(f"{first}.概述(原文第一部分之前的 {len(preamble)} 段移到了这里)")
    if trailing:
        facts["结束语"] = "".join(trailing[-1:])
        if len(trailing) > 1:  # other closing paragraphs stay with the last part's last section
            last = next(facts[k] for k in reversed(keys) if k in facts)
            target = last.setdefault("板块", [{}])[-1]
            target.setdefault("事项", []).extend({"内容": t} for t in trailing[:-1])
    if not facts["机构"]["地区"]:
        level = identity.level_said(tree)
        facts["机构"]["地区"] = "某某" + (level or "县")
        todo.append(f"机构.地区(没能从原文看出地区;原文称“{level}政协”,填的是{facts['机构']['地区']})" if level
                    else "机构.地区(没能从原文看出地区)")
    return facts, todo


def dump(facts: dict, source: str, todo: list[str] = ()) -> str:
    header = (f"# 由 reportgen extract 从《{source}》提取的事实文件。\n"
              "# 数字尽量放进了事实类别(见 templates/slots.yaml),其余文字照录;\n"
              "# 开头、致谢、不足、结束语保留原文,删去这些键则按学得的结构自动生成。\n"
              "# 改写后用 reportgen build 生成报告,用 reportgen check 检查。\n")
    if todo:
        header += "# 请核对:" + ";".join(todo) + "\n"
    text = yaml.safe_dump(facts, allow_unicode=True, sort_keys=False, width=100000)
    return header + text
