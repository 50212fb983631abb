"""Who, where and when a parsed report is: region, meeting term and session, speaker.

Read from the front matter first, then from the first paragraphs (a news item names the
meeting in its first sentence). Patterns are data (data/identity.yaml), read on the text in
simplified characters; what they find is cut from the writer's own characters.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .names import prefectures, short_name
from .numbering import cn_counts, cn_value
from .resources import data_dir
from .script import simplified
from .tree import Report
from .yamlio import load_data_file

BODY_CHARS = 3000   # how far into the text a news item is read for the meeting and region


@lru_cache(maxsize=1)
def _rules() -> dict:
    data = load_data_file(data_dir() / "identity.yaml")
    name = data["name"]
    return {
        "region": [re.compile(p.replace("{名}", name)) for p in data["region"]],
        "region_loose": [re.compile(p.replace("{名}", name)) for p in data["region_loose"]],
        "national": re.compile(data["national"]),
        "national_loose": re.compile(data["national_loose"]),
        "not_in_name": set(data["not_in_name"]),
        "not_a_name": re.compile(data["not_a_name"]),
        "provinces": re.compile(data["provinces"]),
        "shortest": data["shortest"], "shortest_other": data["shortest_other"],
        "parent": re.compile(data["parent"]),
        "meeting": [re.compile(p) for p in data["meeting"]],
        "committee": re.compile(data["committee"]),
        "committee_loose": [re.compile(p) for p in data["committee_loose"]],
        "other_text": re.compile(data["other_text"]),
        "other_kind": re.compile(data["other_text"] + "|" + data["other_report"]),
        "reporting": re.compile(data["reporting"]),
        "work_report": re.compile(data["work_report"]),
    }


@dataclass
class Where:
    region: str = ""      # 普洱市, 西青区, 全国
    parent: str = ""      # 天津市 for 西青区, 辽宁省 for 盘锦市
    sure: bool = True     # named as the committee's region, not only as “某市政协” in passing
    others: tuple[str, ...] = ()   # other committees named alike beside it (a round-up of several plenaries)


@dataclass
class Meeting:
    term: int | None = None
    session: int | None = None
    sure: bool = False     # from a meeting's name, not only from the reporting committee's
    since: int | None = None   # a session the text counts from (十届四次会议以来) that is not before it
    said: str = ""             # the words it was read from (十三届二次会议, 十三届市政协)


_FRAGMENT = re.compile(r"[^。！？!?；;，,：:、\s]{1,20}")


def glue(paragraphs: list[str], sep: str = "") -> list[str]:
    """Paragraphs with the short unpunctuated lines of a picture post joined to what follows
    (1月1日 / 政协某某区第十三届委员会 / 第二次会议隆重开幕: one sentence)."""
    out: list[str] = []
    open_end = False
    for p in paragraphs:
        if open_end:
            out[-1] += sep + p
        else:
            out.append(p)
        open_end = bool(_FRAGMENT.fullmatch(p))
    return out


def texts(tree: Report) -> list[str]:
    """Where to look, most telling first: the front matter, then the opening paragraphs."""
    m = tree.meta
    body, size = [], 0
    for p in tree.paragraphs():
        if size > BODY_CHARS:
            break
        body.append(p.full)
        size += len(p.full)
    heads = [s.heading for p in tree.parts for s in p.sections][:3]
    return [t for t in (m.title, m.meeting, m.subtitle, "\n".join(glue(body)), "\n".join(heads)) if t]


# after a meeting's name: a meeting the year began from or implements, not the one reported to
_PAST = ("以来", "精神", "确定", "部署")
_IMPLEMENTED = re.compile(rf"[一二三四五六七八九十]*次?(?:全体)?会议(?:{'|'.join(_PAST)})")


_LOCAL = re.compile("(?<![全])[区县市州旗盟]政协")


def region(tree: Report) -> Where:
    """The committee's region, by its full name where the text gives one too (河口县 and
    河口瑶族自治县: the autonomous county)."""
    where = _region(tree)
    if where.region.endswith(("县", "縣")):
        rx = re.compile(re.escape(where.region[:-1]) + r"[\u4e00-\u9fff]{1,8}?自治[县縣]")
        full = next((m.group() for t in texts(tree) if (m := rx.search(t))), None)
        if full:
            where.region = full
    return where


def _region(tree: Report) -> Where:
    rules = _rules()
    keys = [(t, simplified(t)) for t in texts(tree)]
    for text, key in keys:
        # 我受…天津市第十一届委员会…委托 before 在全国政协十届四次会议上: the committee named first
        # (传达全国政协十届四次会议精神: a meeting implemented, not the committee reporting)
        national = next((m for m in rules["national"].finditer(key) if not _IMPLEMENTED.match(key, m.end())
                         and key.rfind("《", 0, m.start()) <= key.rfind("》", 0, m.start())), None)   # (《…全国委员会提案工作条例》)
        local = _LOCAL.search(key)
        if national and local and local.start() < national.start():
            national = None   # 区政协召开四届六次常委会议…通报了全国政协十三届一次会议主要情况: in passing
        for rx in rules["region"]:
            named = [(w, m.start()) for m in rx.finditer(key) if (w := _name(text, key, m, rules))]
            if named:
                if national and national.start() < named[0][1]:
                    return Where("全国")
                # (政协延吉市第十五届…会议、…政协珲春市第十四届…会议;政协延边州…: which one is the text's?)
                found = named[0][0]
                found.others = tuple(dict.fromkeys(w.region for w, _ in named if w.region != found.region))
                found.sure = not found.others
                return found
        if national:
            return Where("全国")
    for text, key in keys:  # 全国政协 is named in provincial reports too: a region first
        for rx in rules["region_loose"]:
            found = next(filter(None, (_known(_name(text, key, m, rules)) for m in rx.finditer(key))), None)
            if found:
                found.sure = False
                return found
    m = tree.meta
    if rules["national_loose"].search(simplified(m.title + m.meeting + m.subtitle)):  # not prose's
        return Where("全国")
    joined = "\n".join(key for _, key in keys)
    where = _place_in_passing(joined)
    if where.region:
        return where
    level = _ANY_LEVEL.search(joined)
    if level:
        return _known_in_passing("\n".join(text for text, _ in keys), joined, level.group(1))
    if joined.count("全国政协") >= 2:
        return Where("全国", sure=False)   # (全国政协 said again and again, no other committee: unsure)
    return Where()


# 红河哈尼族彝族自治州 -> 红河州, 木里藏族自治县 -> 木里县: the short forms texts use
_AUTONOMOUS = re.compile(r"^(.+?)(?:[\u4e00-\u9fff]{1,5}?族)+自治([县州旗])$")


@lru_cache(maxsize=1)
def _known_places() -> frozenset[str]:
    """Every county- and prefecture-level place name, past and present (data/divisions.yaml)."""
    data = load_data_file(data_dir() / "divisions.yaml")
    names = {name for places in data.values() for name in places} | set(data)
    return frozenset(names | {m.group(1) + m.group(2) for n in names if (m := _AUTONOMOUS.match(n))})


def _known(where: Where | None) -> Where | None:
    """A region named in passing, cut to the place name it ends with (于北京市政协 -> 北京市);
    None when it ends with none (组织市政协, 团结带领区政协: words before a level's 政协)."""
    if where is None:
        return None
    key, known = simplified(where.region), _known_places()
    cut = next((i for i in range(len(key) - 1) if key[i:] in known), None)
    if cut is None:
        return None
    where.region = where.region[cut:] if len(key) == len(where.region) else key[cut:]
    return where


@lru_cache(maxsize=1)
def _places() -> tuple[dict[str, dict[str, str]], re.Pattern]:
    """Short place names by the level a committee calls itself (省, 自治区, 市, 州) -> full name."""
    data = load_data_file(data_dir() / "places.yaml")
    by_level: dict[str, dict[str, str]] = {"省": {}, "自治区": {}, "市": {}, "州": {}}
    for province in _terms():
        if province == "全国":
            continue
        level = "自治区" if province.endswith("自治区") else province[-1]
        by_level[level][short_name(province)[0] if level == "自治区" else province[:-1]] = province
        for city in data.get(province, []):
            by_level["市"][city] = city + "市"
    by_level["州"] = {short[:-1]: full for short, full in prefectures().items()}
    return by_level, re.compile(data["not_places"])


_BY_LEVEL = re.compile("(自治区|省|市|州)政协")
_ANY_LEVEL = re.compile("(?<!全)(自治区|[省市县区州旗盟])政协")


def level_said(tree: Report) -> str:
    """The level the text calls its committee by (区政协召开…: 区) when it names no place; the
    most said, the first said of equals; '' when none."""
    said = [m.group(1) for t in texts(tree) for m in _ANY_LEVEL.finditer(simplified(t))]
    return max(said, key=said.count) if said else ""   # (max keeps the first of equals)


def _known_in_passing(text: str, key: str, level: str) -> Where:
    """A committee that calls itself only 区政协 (县政协…: `level`) and names one known place of
    that level in full (金安区, 大石桥市): that place, unsure. `key`: `text` in simplified characters."""
    if len(level) > 1:
        return Where()
    found = {n for n in _known_places() if n.endswith(level) and len(n) >= 3 and n in key}
    found = {n for n in found if not any(n != other and n in other for other in found)}   # (浦东新区, not 东新区)
    if len(found) != 1:
        return Where()
    (name,) = found
    at = key.find(name)
    return Where(text[at:at + len(name)] if len(text) == len(key) else name, sure=False)


def _place_in_passing(key: str) -> Where:
    """A committee that calls itself only 市政协 (省政协…) and names one place of that level in
    passing (美丽厦门, 新广西): that place; unsure when it is named only once."""
    level = _BY_LEVEL.search(key)
    if not level:
        return Where()
    names, not_places = _places()
    key = not_places.sub("", key)
    found = {full: key.count(short) for short, full in names[level.group(1)].items() if short in key}
    if len(found) != 1:
        return Where()
    (full, count), = found.items()
    return Where(full, sure=count >= 2)


_DOUBLED = re.compile(r"^([\u4e00-\u9fff]{2,4})(?=\1)")


def _name(text: str, key: str, m: re.Match, rules: dict) -> Where | None:
    """The region a match names, cut back to where a name can start; None if it is no name."""
    start, end = m.span("region")
    name_key = key[start:end]
    bad = [i for i, ch in enumerate(name_key) if ch in rules["not_in_name"]]
    if bad:
        start += bad[-1] + 1
        name_key = key[start:end]
    doubled = _DOUBLED.match(name_key)   # 汶上汶上縣: a capture that printed the name twice
    if doubled:
        start += doubled.end()
        name_key = key[start:end]
    if name_key.endswith(("省", "自治区")):  # a province's name is one of the few there are
        known = rules["provinces"].search(name_key)
        if not known:
            return None
        start += known.start()
        name_key = key[start:end]
    if len(name_key) < rules["shortest"].get(name_key[-1], rules["shortest_other"]) \
            or rules["not_a_name"].search(name_key):
        return None
    name = text[start:end]
    split = rules["parent"].match(name_key)
    if split:
        return Where(name[split.start("region"):], name[:split.end("parent")])
    cities = _places()[0]["市"]   # 永州冷水滩区: a city's short name before its district or county
    city = next((c for c in (name_key[:2], name_key[:3]) if c in cities and len(name_key) - len(c) >= 3
                 and name_key[-1] in "区县"), None)
    if city:
        return Where(name[len(city):], cities[city])
    return Where(name)


_SPIRIT = re.compile(r"[^。，,;；]{0,12}?精神")
_COMING = re.compile(r"(?:即将|关于)(?:召开|举行)的?[^。，,;；]{0,8}$")


def meeting(tree: Report, where: Where | None = None) -> Meeting:
    """The meeting a report is given at; `where`, the report's region when the caller has it."""
    rules = _rules()
    # (在全国政协十届四次会议上 in a city's report: not its meeting)
    national = (where or region(tree)).region == "全国"
    # (十三届四次会议以来, …会议精神; and in a report addressing its meeting, 九届一次会议期间: a past session)
    # (关于召开…第一次会议的决定: a meeting to come)
    past = _PAST + ("的决定", "的通知") + (("期间",) if tree.meta.salutation else ())
    for text in texts(tree):
        key = cn_counts(simplified(text))
        for rx in rules["meeting"]:
            found = [m for m in rx.finditer(key) if not key.startswith(past, m.end())
                     and not _SPIRIT.match(key, m.end())   # (…会议闭幕会上的讲话精神: a meeting studied)
                     and (national or not key.endswith(("全国政协", "全国"), 0, m.start()))
                     # (年初区政协召开四届三次全体会议 in a report: a meeting held before the one it addresses)
                     and not (tree.meta.salutation and re.search("(?:召开|举行)了?(?:的)?$", key[max(0, m.start() - 4):m.start()]))
                     # (刚刚闭幕的全国政协十二届一次会议 in the news of a meeting after it)
                     and not re.search("(?:刚刚|刚|已经|前不久)(?:胜利)?(?:闭幕|结束)的[^。，,]{0,8}$", key[max(0, m.start() - 18):m.start()])]
            # (…十届四次会议提案办理情况…即将召开的市政协十届五次会议: the one a meeting prepares)
            m = next((m for m in found if _COMING.search(key, max(0, m.start() - 12), m.start())), found[0] if found else None)
            if m:
                term, session = cn_value(m.group("term")), cn_value(m.group("session"))
                return Meeting(term, session, True, _since_not_before(tree, term, session), m.group(0))
    for patterns in ([rules["committee"]], rules["committee_loose"]):
        for text in texts(tree):
            key = cn_counts(simplified(text))
            m = next(filter(None, (rx.search(key) for rx in patterns)), None)
            if m:
                return Meeting(cn_value(m.group("term")), None, False, said=m.group(0))
    return Meeting()


_SINCE = re.compile(r"(?P<term>[一二三四五六七八九十]+)届(?:[\u4e00-\u9fff]{0,12}?委员会)?第?(?P<session>[一二三四五六七八九十]+)次"
                    r"(?:全体)?会议以来")


def _since_not_before(tree: Report, term: int, session: int) -> int | None:
    """十届四次会议以来 in a report said to be given at 十届三次: the text contradicts itself (a
    typing slip in one of the two), and the session is in doubt."""
    for text in texts(tree):
        for m in _SINCE.finditer(simplified(text)):
            if cn_value(m.group("term")) == term and cn_value(m.group("session")) >= session:
                return cn_value(m.group("session"))
    return None


@lru_cache(maxsize=1)
def _terms() -> dict[str, int]:
    return {str(k): int(v) for k, v in load_data_file(data_dir() / "terms.yaml").items()}


# (…常务委员会会议作工作报告: a slip for the committee reporting at the plenary, not its own meeting)
_STANDING_MEETING = re.compile(r"(?:常务委员会|常委会)(?:第[一二三四五六七八九十]+次)?会议(?![^。，,]{0,3}[作做])")


def meeting_year(tree: Report, term_end: bool = False) -> int | None:
    """The year of the plenary a provincial or the national committee holds (十届四次会议 of
    浙江: 2011), from the terms table (data/terms.yaml); None for other committees, for a
    standing committee's own meetings and before 2003. A term's report (term_end) that names
    only its committee (第十一届…常务委员会) is given at the next term's first plenary."""
    where = region(tree)
    met = meeting(tree, where)
    name = simplified(where.region)
    # 省政协十一届三次会议 beside 中共福建省委: the province named in passing is the committee's
    level = re.search("(省|自治区)$", name) if not where.sure else None
    own = where.sure or level and re.search(
        f"{level.group(1)}政协(?:第?[一二三四五六七八九十]+届)|[一二三四五六七八九十]+届{level.group(1)}政协",
        simplified("\n".join(texts(tree))))
    first = _terms().get(name) if own else None
    if met.sure and met.term and met.session:
        term, session = met.term, met.session
    elif term_end and met.term and not met.sure:
        term, session = met.term + 1, 1
    else:
        return None
    if not first or not 1 <= session <= 5 or any(_STANDING_MEETING.search(simplified(t)) for t in texts(tree)[:4]):
        return None
    start = 2023 + 5 * (term - first)
    return start + session - 1 if start >= 2003 else None


def body_text(tree: Report) -> str:
    """The opening paragraphs, in simplified characters (for recognising the report type)."""
    return simplified("\n".join(p.full for p in tree.paragraphs()[:12]))


def other_kind(tree: Report, reports: bool = True) -> str:
    """What the title or the opening says the report is, when it is not a standing committee's
    work report (提案工作情况的报告; with `reports` false, only texts that are no report at all:
    a standing committee's own meeting, a resolution); '' otherwise, and when the standing
    committee's work report is named first (朱某作常委会工作报告、沙某作提案工作情况报告)."""
    rules = _rules()
    said_is = rules["other_kind" if reports else "other_text"]
    # (the page's headline above the text names it too: 政协某县十三届一次会议开幕词)
    for text in (tree.meta.title + "\n" + tree.meta.subtitle, *tree.dropped[-3:], body_text(tree)[:300]):
        key = simplified(text)
        m = said_is.search(key)
        if m:
            said = _given(key, drafts=False)
            return "" if said and said.start() < m.start() else m.group(0)
    return ""


_AGENDA = re.compile("议程|将|拟")
DRAFTS = "草案|送审稿|征求意见稿|讨论稿"   # a report's draft, named after it: …工作报告(草案)
_DRAFT = re.compile(rf"稿|草案|[(\uff08](?:{DRAFTS})")   # 常委会工作报告稿: a draft, not a report given


def _given(key: str, start: int = 0, drafts: bool = True):
    """The first place `key` says a standing committee's work report is given, not only on an
    agenda to come (主要议程包括:听取和审议…常务委员会工作报告); without `drafts`, not as a
    draft either (征求常委会工作报告稿意见: a meeting on the draft)."""
    for m in _rules()["work_report"].finditer(key, start):
        clause = re.split("[。,，;；]", key[max(0, m.start() - 40):m.start()])[-1]
        # (通过了…常委会工作报告和提案工作报告报告人名单: who is to give them, chosen ahead)
        if not _AGENDA.search(clause) and (drafts or not _DRAFT.match(key, m.end())) and not _REPORTERS.match(key, m.end()):
            return m
    return None


_REPORTERS = re.compile(r"[^。,\uff0c;\uff1b]{0,16}?报告人(?:名单|人选)")


_PLENARY = re.compile(r"(?:届|次)[^。]{0,24}?(?:全体)?会议[^。，,]{0,30}?(?:开幕|闭幕|召开|举行)(?![^。，,]{0,4}(?:发布会|记者会|见面会))"
                      r"|(?:大会|会议)(?:审议|表决)?通过了?[^。]{0,60}?(?:政治决议|工作报告的决议)")   # a closing's resolutions


_TO_COME = re.compile("将于|定于|拟于|即将|将在")


def plenary_reported(tree: Report) -> bool:
    """The title or the opening reports a plenary session held (…第五次会议在…开幕): a news item on
    the meeting, not a review article."""
    m = tree.meta
    key = simplified(m.title + "\n" + m.subtitle) + "\n" + body_text(tree)[:600]
    # (…十四届一次会议将于3月4日在北京召开: a plenary to come)
    return any(not _TO_COME.search(found.group(0)) for found in _PLENARY.finditer(key))


_DAY_FIRST = re.compile(r"^(?:\d{1,2}月)?\d{1,2}(?:日|至\d)|^\d{1,2}月$")   # 3月11日, 6日至8日 under a month line (1月), 3月18至19日


def chronicle(tree: Report) -> bool:
    """A year's chronicle (大事记), whatever reports it names: see `opens_with_days`."""
    return opens_with_days([p.full for p in tree.paragraphs()[:12]])


def opens_with_days(paragraphs: list[str]) -> bool:
    """Most of these paragraphs open with a day, three days at least (1月23日至26日,… /
    3月11日,…): a chronicle's entries; not a picture story's captions of one day
    (23日,…开幕 / 23日,…作工作报告)."""
    paras = [p for p in paragraphs if len(p) > 12 or _DAY_FIRST.match(p)]   # (not 首页>政协大事记, 2005年)
    days = [m.group() for p in paras if (m := _DAY_FIRST.match(p))]
    return len(paras) >= 4 and len(days) * 5 >= len(paras) * 3 and len(set(days)) >= 3


_AHEAD = re.compile(rf"即将|筹备|关于召开|召开[^。]{{0,30}}的决定|议程|日程|拟于|将于|定于|为召开|开好|报告[(\uff08]?(?:{DRAFTS})|工作报告稿")


def plenary_ahead(tree: Report) -> bool:
    """The opening speaks of a plenary to come (即将召开, 筹备, 议程草案, 工作报告稿): a meeting
    that prepares it, whose session is the one to come."""
    return bool(_AHEAD.search(body_text(tree)[:1500]))


def work_report_said(tree: Report) -> bool:
    """The title or the opening says a standing committee's work report is given."""
    m = tree.meta
    return bool(_given(simplified(m.title + "\n" + m.subtitle) + "\n" + body_text(tree)[:1500]))


def first_session(tree: Report) -> bool:
    """The meeting is a term's first (十四届一次会议): its work report is the outgoing term's."""
    met = meeting(tree)
    return met.sure and met.session == 1


def reporting_term(tree: Report) -> int | None:
    """The term of the standing committee the report is given for (受/代表…第十二届…常务委员会)."""
    m = _rules()["reporting"].search(body_text(tree)[:600])
    return cn_value(m.group("term")) if m else None


_COMMITTEE = re.compile(r"(?:中国人民政治协商会议|政协)[\u4e00-\u9fff]{2,16}?(?:委员会|政协)")


BOOK_SECTION = re.compile(r"^第[一二三四五六七八九十\d]{1,3}[章节篇]")   # 第三章 …, 第一节 …: a book's chapter


def reference_entry(tree: Report) -> bool:
    """The title names a committee only (中国人民政治协商会议某市委员会) or a book's chapter
    (第三章 …, 第一节 …), and nothing is said at a meeting: a yearbook's or gazetteer's entry,
    recording meetings rather than reporting to one."""
    title = simplified(tree.meta.title).replace(" ", "")
    return bool(_COMMITTEE.fullmatch(title) or BOOK_SECTION.match(title)) and not (tree.meta.salutation or tree.meta.meeting)
