"""Report text -> report tree. Reads our own rendered text and real reports alike."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache


from .resources import data_dir
from .yamlio import load_data_file
from .tree import Meta, Paragraph, Part, Report, Section
from .identity import BOOK_SECTION, DRAFTS, chronicle, glue, meeting_year, opens_with_days
from .numbering import CN_DIGITS, cn_value, numbering
from .script import simplified, simplified_lines
from .typography import LPAREN, RPAREN, SENTENCE_END, normalize_line

_BOLD_LEAD = re.compile(r"^\*\*(.+?)\*\*(.*)$")
_ORDINAL_LEAD = re.compile(rf"^([{CN_DIGITS}]{{1,3}}是|首先|其次|再次|最后)")
_DATE = re.compile(rf"^[({LPAREN}]?\s*(\d{{4}}|[{CN_DIGITS}0]{{4}})(?:\s*年\s*|(?=\d{{1,2}}月))(\d{{1,2}}|[{CN_DIGITS}]{{1,3}})\s*月"
                   rf"\s*(\d{{1,2}}|[{CN_DIGITS}]{{1,3}})\s*(?:日|(?=在))\s*[){RPAREN}]?")   # 2024年1月9日, 二〇二四年一月九日, 2012年1月8在…
_SENT_END = re.compile(f"[{SENTENCE_END}]")
ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")   # a page's stamp, 2019-01-10 17:03:00
_DAY = re.compile(r"(\d{1,2})月(\d{1,2})日")   # a day without its year (fullmatch)
_DOTTED_DATE = re.compile(r"^(\d{4})[.．](\d{1,2})[.．](\d{1,2})$")
_COMPACT_DATE = re.compile(rf"^[({LPAREN}]?(\d{{4}})(\d{{3,4}})日?[){RPAREN}]?$")   # 2020621, (2014224日): lost 年/月
_SPEAKER = re.compile(r"(主席|副主席|书记|秘书长|主任|委员)\s*(?:\S{2,4}|[\u4e00-\u9fff]{1,8}·[\u4e00-\u9fff]{1,8})$")
MAX_HEADING = 60
MAX_LEAD = 20
MAX_PLAIN_HEADING = 20


def compact_date(text: str) -> str:
    """'2020621' -> '2020-06-21' when exactly one reading is a valid date, else ''."""
    m = _COMPACT_DATE.match(text)
    if not m:
        return ""
    year = int(m.group(1))
    found = [iso for month, day in _month_days(m.group(2)) if (iso := _valid(year, month, day))]
    return found[0] if len(set(found)) == 1 else ""


def _month_days(digits: str) -> list[tuple[int, int]]:
    """The (month, day) readings of digits that lost their 月 (119 -> 1/19, 11/9), valid or not."""
    return [(int(digits[:cut]), int(digits[cut:])) for cut in (1, 2) if 0 < len(digits) - cut <= 2]


def _iso(m: re.Match) -> str:
    """The ISO date of a match (year, month, day groups); '' for a date that cannot be."""
    # (二0一一年: a typed 0 for 〇)
    year, month, day = (int(g) if g.isdigit() else cn_value(g.replace("0", "〇")) for g in m.groups()[:3])
    return _valid(year, month, day) if None not in (year, month, day) else ""



@lru_cache(maxsize=1)
def lexicon() -> dict:
    data = load_data_file(data_dir() / "lexicon.yaml")
    return {
        "part_roles": {k: [re.compile(p) for p in v] for k, v in data["part_roles"].items()},
        "not_part": [re.compile(p) for p in data["not_part"]],
        "part_closers": [re.compile(p) for p in data["part_closers"]],
        "salutation": re.compile(data["salutation"]),
        "salutation_inside": re.compile(data["salutation"].lstrip("^")),
    }


_PART_NO = re.compile(rf"^第[{CN_DIGITS}]{{1,2}}部分[\s、.:\uff1a]*")


_THEMED = re.compile(r"^[^:\uff1a。]{2,8}[:\uff1a][^。;\uff1b]+$")


_SERIES_MARK = re.compile(r"[\u2460-\u2473]|(?:回顾|回眸|综述)(?:之[一二三四五六七八九十]{1,2}|[(\uff08][一二三四五六七八九十]{1,2}[)\uff09])$")   # …履职亮点回顾④, …履职回顾(三): one article of a series


def part_role(text: str) -> str | None:
    """review, lessons or plan when `text` (simplified characters) is a part heading."""
    text = _PART_NO.sub("", text.strip()).rstrip("。:\uff1a").replace(" ", "")
    # a themed heading (2021年:锚定开局“十四五”…) runs longer than a plain one
    if not text or len(text) > (40 if _THEMED.match(text) else 24) or _SERIES_MARK.search(text) \
            or any(p.search(text) for p in lexicon()["not_part"]):
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
    key: str = ""           # the text in simplified characters, same length: what patterns read


def _numbered(text: str, key: str) -> tuple[str, str, str] | None:
    """numbering() read on the simplified key, cut from the writer's text."""
    got = numbering(key)
    if not got:
        return None
    cut = len(key) - len(got[2])
    return got[0], text[:cut].strip(), text[cut:]


_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")   # 1\. from WPS/pandoc Markdown
_BULLET = re.compile(r"^(?:[-*+]|•)\s+(?=\S)")              # a Markdown list item's marker, a page's bullet
_HEADLINE_BOLD = re.compile(r"^\*\*(?P<head>[^*]{2,60}?)\*\*(?P<rest>[^*]{0,20})$")


def _clean(raw: str) -> _Line:
    text = _MD_ESCAPE.sub(r"\1", raw.replace("\u3000", " ").strip())
    md = 0
    m = re.match(r"^(#{1,6})\s+(.*)$", text)
    if m:
        md, text = len(m.group(1)), m.group(2).strip()
    text = normalize_line(_BULLET.sub("", text))
    bold = False
    if text.startswith("**") and text.endswith("**") and text.count("**") == 2 and len(text) > 4:
        bold, text = True, text[2:-2].strip()
    elif numbering(text.lstrip("*")) and _HEADLINE_BOLD.match(text):
        # a heading only partly bold: **一、总体要求**(2023年)
        m = _HEADLINE_BOLD.match(text)
        bold, text = True, m["head"].strip() + m["rest"]
    return _Line(text, bold, md)


def split_lead(text: str, guess: bool, key: str = "") -> Paragraph:
    m = _BOLD_LEAD.match(text)
    if m:
        return Paragraph(m.group(2).strip(), m.group(1).strip())
    if _ORDINAL_LEAD.match(key or text):
        end = _SENT_END.search(text)
        if end and end.end() < len(text):
            return Paragraph(text[end.end():], text[: end.end()])
    if guess:
        end = _SENT_END.search(text)
        if end and end.end() <= MAX_LEAD + 1 and end.end() < len(text) and text[end.start()] == "。" \
                and not re.search(r"\d", text[: end.end()]):
            return Paragraph(text[end.end():], text[: end.end()])
    return Paragraph(text.replace("**", ""))


_GLUED_OPENER = re.compile(r"(?<=[\u4e00-\u9fff])(?:[一二三四五两]年来|过去(?:的)?[一五]年(?:里|中)?|今年以来|近年来|本届以来|这[一五]年)[,\uff0c]")


def _whole_title(title: str, above: list[_Line]) -> str:
    """The page's headline above when it is the title with the few characters the capture lost
    (中国人民政治协商会议届…工作报 under 中国人民政治协商会议第十届…工作报告); else the title."""
    bare = title.replace(" ", "")
    for line in above:
        whole = _CHAPTER.sub("", line.text.replace(" ", ""))   # (第一篇:…, a compilation's label)
        # (not the title with more after it: …工作报告（2）, a page's number)
        if len(bare) >= 10 and 0 < len(whole) - len(bare) <= 4 and not whole.startswith(bare) and _subsequence(bare, whole):
            return line.text
    return title


def _subsequence(short: str, long: str) -> bool:
    chars = iter(long)
    return all(ch in chars for ch in short)


_ANNOUNCES = re.compile(r"(?:共有|有|包括)[^。]{0,8}项[^。]{0,6}[:\uff1a]$|(?:议程|日程)(?:如下|是|为)?[:\uff1a]$")


def _list_item(line: _Line, form: str) -> bool:
    """A numbered item of this form that ends like a list's (一、听取…报告;)."""
    got = _numbered(line.text, line.key)
    return bool(got and got[0] == form and re.search("[;\uff1b]$", line.key))


def _heading(line: _Line) -> tuple[str, str, str, str] | None:
    """(form, number, heading, rest) when the line is a numbered heading."""
    got = _numbered(line.text, line.key)
    if not got:
        return None
    form, number, body = got
    body = body.replace("**", "")
    gap = re.search(r"(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff])", body)
    if gap and 4 <= gap.start() <= MAX_HEADING and _SENT_END.search(body[gap.end():]) \
            and not _SENT_END.search(body[:gap.start()]):  # 一、围绕中心,服务大局 五年来,……。
        return form, number, body[:gap.start()].rstrip("。"), body[gap.end():]
    if re.search("[;\uff1b]$", body):
        return None  # 一、…; : a list item in running text
    end = _SENT_END.search(body)
    glued = _GLUED_OPENER.search(body, 0, end.start() if end else len(body))
    if glued and 6 <= glued.start() <= MAX_HEADING:   # …共同思想基础一年来,我们始终…: the line break lost
        return form, number, body[:glued.start()], body[glued.start():]
    if end and end.end() < len(body):
        head, rest = body[: end.start()], body[end.end():]
        if len(head) <= MAX_HEADING:
            return form, number, head, rest
        return None
    body = body.rstrip("。")
    if len(body) > MAX_HEADING and not line.bold and not line.md_heading:
        return None
    return form, number, body, ""


FRONT_LIMIT = 40   # lines of a page searched for the report's front matter
# a date in brackets after a meeting line: …会议上 (2013年3月3日)
_DATE_IN_BRACKETS = rf"[({LPAREN}]\s*(?P<date>[\d{CN_DIGITS}]{{4}}\s*年[^){RPAREN}]{{2,12}}日)\s*"
_MEETING = re.compile(
    rf"^[—\-－]*\s*[({LPAREN}]?\s*(?:[\d{CN_DIGITS}]{{4}}(?:\s*年\s*|(?=\d{{1,2}}月))[\d{CN_DIGITS}]{{1,3}}\s*月\s*"
    rf"[\d{CN_DIGITS}]{{1,3}}\s*(?:日|(?=在))\s*|\d{{5,8}}(?:日|(?=在))\s*)?"   # (20261月5日, 201816日, 200233在, 2012年1月8在: a date that lost a 年, 月 or 日)
    rf"在.{{2,80}}?(?:会议|大会|全会)(?:开幕会)?上(?:\s*{_DATE_IN_BRACKETS}[){RPAREN}])?[^。]{{0,8}}?[){RPAREN}]?$")
_DASHED = re.compile(r"^(——|—|--|－－)\s*\S")   # not “- ”, a Markdown list item
_TITLE_WORDS = re.compile(r"报告|综述|回眸|回顾|纪实|巡礼|工作|决议")
_TITLE_PARTS = re.compile(r"政治协商会议|委员会|常务委员会|政协")
_SPACED = re.compile(r"(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff])")
_NAME = re.compile(r"^(?:[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,8}·[\u4e00-\u9fff]{1,8})$")   # 张三, 努尔兰·阿不都满金


def _title_like(line: _Line) -> bool:
    key = line.key
    return (0 < len(key) <= MAX_HEADING and not key.isascii()   # (sina.com.cn: a site's name)
            and not re.match(r"(?:本报讯|本报记者|新华社|记者)", key)   # (本报讯(记者: a byline cut short)
            and not _SENT_END.search(key) and not key.endswith((":", "\uff1a"))
            and not _DATE.match(key) and not ISO_DATE.match(key) and not numbering(key)
            and not _DAY.fullmatch(key)
            and not re.search(r"[>›»_]|https?:|\d{1,2}:\d{2}", key)
            and not re.search(r"\|(?!\s*[^|]{6,}$)|^[^|]{9,}\|", key))   # 回眸2023 | 凝心聚力…: a label and its headline


def _news_headline(line: _Line) -> bool:
    return _title_like(line) and not _DASHED.match(line.key) and bool(_NOT_TITLE.search(line.key))


# a news item's first words (本报讯, 某某网1月5日电, 1月5日上午,, 昨天下午,): what is above it is a headline
_NEWS_LEAD = re.compile(r"^(?:本报讯|本网讯|[^\s，,。]{2,10}(?:报|网)讯|[^\s，,。]{0,16}?\d{1,2}月\d{1,2}日(?:电|讯)|[(（【]?记者"
                        r"|(?:\d{1,2}月)?\d{1,2}日(?:至\d{1,2}日)?(?:上午|下午|晚上?)?[，,]|(?:今天|昨天|今日|昨日)(?:上午|下午)?[，,]"
                        r"|[^\s，,。]{2,16}报道[:：])")   # (12日至14日,…; 某某、某某报道:7月31日,…; 香港文汇报讯)


def _below_stamp(lines: list[_Line], top: int) -> str:
    """The line below a headline, past the page's stamp and the headline printed again; '' when
    the lines below are a chronicle's entries (1月23日至26日,… / 3月11日,…), not a news lead."""
    i = top + 1
    while i < min(len(lines), top + 3) and (ISO_DATE.match(lines[i].key) or lines[i].key == lines[top].key):
        i += 1
    if opens_with_days([ln.text for ln in lines[i:i + 12]]):
        return ""
    return _arabic_days(lines[i].key) if i < len(lines) else ""   # (中新社北京三月四日电: a dateline in words)


def _news_deck(line: _Line) -> bool:
    """——区政协主席王某某作工作报告 under a headline: a news item's deck, not a meeting line."""
    return bool(_DASHED.match(line.key)) and bool(_NOT_TITLE.search(line.key)) and not is_meeting(line.key)


_BRACKETED_TITLE = re.compile(r"^【([^】]{4,40})】$")
_CHANNEL_TAG = re.compile(r"^【[^】]{2,12}】(?=\S{6})")
_CHANNEL = re.compile(r"^【[^】]{2,12}】\S")   # 【关注两会】区政协回顾2010年工作…: a channel's headline


def is_meeting(key: str) -> bool:
    """——在政协…会议上, (2023年1月9日在…会议上), ——在…第一次会议开幕会上: a meeting line."""
    if len(key) > 90 or _SENT_END.search(key) or re.search("[,;\uff0c\uff1b]", key):
        return False
    if not _DASHED.match(key) and re.search("上的(?:讲话|致辞|主持词|发言)$", key):
        return False   # 在政协…会议上的讲话: a speech's title
    return bool(_MEETING.match(key)) or bool(_DASHED.match(key) and re.search(r"会议.{0,6}$", key)
                                             and not re.search("侧记|花絮|特写|纪实|综述|巡礼|掠影|速写$|祝贺|(开幕|闭幕|召开|举行)$", key))   # (——热烈祝贺…会议开幕: a headline)


def _despaced(text: str) -> str:
    """工 作 报 告 -> 工作报告; 不负党委重托 不忘人民期盼 keeps its space."""
    tokens = text.split()
    spaced = len(tokens) >= 3 and sum(len(t) == 1 for t in tokens) * 2 > len(tokens) \
        or len(tokens) == 2 and all(len(t) == 1 for t in tokens)   # 综 述
    return "".join(tokens) if spaced else text


_CHAPTER = re.compile(rf"^第[\d{CN_DIGITS}]{{1,3}}[篇章][:\uff1a\s]")


def _title_block(lines: list[_Line], end: int) -> tuple[int, str]:
    """The title right before line `end`: one line, or up to three fragments of one
    (中国人民政治协商会议 / 某某县第八届委员会常务委员会 / 工 作 报 告). Returns (first line, title)."""
    first = end
    while first > 0 and end - first < 3 and _title_like(lines[first - 1]):
        key = _SPACED.sub("", lines[first - 1].key)
        if _CHAPTER.match(key):
            break  # 第一篇:常务委员会工作报告, a compilation's chapter label above the title
        if first < end and not (_TITLE_PARTS.search(key) or _SPACED.search(lines[first - 1].key)):
            break  # a line above a title is a fragment of it only if it names the committee
        below = _SPACED.sub("", lines[first].key) if first < end else ""
        if first < end and (re.search(r"(报告|综述)(全文)?$", key) or key.startswith(below) or below.startswith(key)):
            break  # 市政协常委会工作报告全文 above the title's lines, or the title twice (…报告(摘要)(全文4995字)): a headline of its own
        # (…常务委员会工 / 作报告: a title broken mid-word, not 某某作报告)
        above = _SPACED.sub("", lines[first - 2].key) if first >= 2 and _title_like(lines[first - 2]) else ""
        broken = bool(above) and _TITLE_PARTS.search(above) and not _NOT_TITLE.search(above + key)
        if first == end and (not (_TITLE_WORDS.search(key) or _TITLE_PARTS.search(key))
                             or _NOT_TITLE.search(key) and not broken):
            break  # a title names a report or a committee; a news headline (…开幕会) is none
        first -= 1
    title = "".join(_despaced(ln.text) for ln in lines[first:end])
    # ——政协第八届某县委员会常务委员会工作报告 under a slogan headline: the report's own title;
    # …工作报告(2): the second page of a site that cuts a report into pages
    return first, re.sub(r"^(——|—|--)\s*(?=\S.*报告$)|(?<=报告)[(\uff08]\d{1,2}[)\uff09]$", "", title)


def _split_meeting(line: _Line) -> tuple[str, str] | None:
    """A title and its meeting line run together: 工作报告——在政协…会议上."""
    at = line.key.find("——")
    if at > 4 and is_meeting(line.key[at:]):
        return line.text[:at].strip(), line.text[at:]
    gap = re.search(r"(?<=报告)\s*(?=(?:\d{4}年\d{1,2}月\d{1,2}日)?在)", line.key)   # …工作报告 2019年1月5日在…会议上
    if gap and is_meeting(line.key[gap.end():]):
        return line.text[:gap.start()].strip(), line.text[gap.end():]
    return None


_CONTENTS = re.compile(r"^(?:目\s*录|提\s*纲|目录/提纲|内容提要)\s*[:\uff1a]?[…\.]*$")


def _contents(lines: list[_Line], taken: set[int]) -> set[int]:
    """A table of contents below the front matter (目录 / 一、… / 二、…) whose first heading the
    report prints again: its lines."""
    start = next((i for i in range(min(len(lines), FRONT_LIMIT)) if i not in taken and _CONTENTS.match(lines[i].key)), None)
    if start is None:
        return set()
    end = start + 1
    while end < len(lines) and _structure(lines[end]) and len(lines[end].key) <= MAX_HEADING:
        end += 1
    below = {ln.key for ln in lines[end:]}
    return set(range(start, end)) if end > start + 1 and lines[start + 1].key in below else set()


def _meta(lines: list[_Line]) -> tuple[Meta, set[int], int]:
    """Read the front matter; return it, the lines it took (the rest is the body) and the first
    line of the report (those above are the page's: site chrome, headlines).

    Real pages put site chrome, headlines and timestamps before a report; its front matter is
    found from its anchors, the salutation (各位委员:) and the meeting line (——在…会议上), and
    the title is the line or lines right above them. Lines above the title are not the report's.
    """
    meta = Meta()
    sal = lexicon()["salutation"]
    n = min(len(lines), FRONT_LIMIT)
    sal_i = next((i for i in range(n) if len(lines[i].key) <= 40 and sal.match(lines[i].key)), None)
    scope = sal_i if sal_i is not None else min(n, 12)
    meet_i = next((i for i in range(scope) if is_meeting(lines[i].key) or _split_meeting(lines[i])), None)
    anchor = meet_i if meet_i is not None else sal_i
    # (a table of contents above the title lists the headings: the page's, not the body's)
    toc = next((i for i in range(anchor or 0) if _CONTENTS.match(lines[i].key)), anchor)
    if anchor is None or any(_structure(ln) for ln in lines[:toc]):
        return _top_matter(lines)  # none, or one after the report's own headings (a cut-off report)
    if sal_i is not None:
        meta.salutation = lines[sal_i].text
    if meet_i is not None:
        split, named = _split_meeting(lines[meet_i]), []
        if split:
            meta.title, meeting = split
            start = meet_i
        else:
            # (a page's time stamp, or the speaker's name, between the title and the meeting line)
            end = meet_i
            while end > 1 and meet_i - end < 2 and (ISO_DATE.match(lines[end - 1].key) or not named
                                                    and _speaker_line(lines[end - 1]) and not _TITLE_WORDS.search(lines[end - 1].key)
                                                    and _title_like(lines[end - 2])):   # (not 工作报, a title's end that lost 告)
                end -= 1
                named += [] if ISO_DATE.match(lines[end].key) else [end]
            start, meta.title = _title_block(lines, end)
            meeting = lines[meet_i].text
        _meeting_line(meta, meeting)
        after = [*named, *range(meet_i + 1, sal_i if sal_i is not None else min(len(lines), meet_i + 4))]
        taken = set(range(start + 1 if split else start, meet_i + 1))
    else:
        # a salutation without a meeting line: date and speaker lines, then the title, above it
        top, own = sal_i, 0
        while top > 0 and own < 3 and (_date_line(lines[top - 1]) or _speaker_line(lines[top - 1])
                                       or _DECK.match(lines[top - 1].key)):   # 盛某林作市政协常委会工作报告
            top -= 1
            own += not ISO_DATE.match(lines[top].key)   # a page's stamp is not the report's
        start, meta.title = _title_block(lines, top)
        after = range(top, sal_i)
        taken = set(range(start, top))
    top = start if meta.title else 0
    taken |= set(range(top))  # above the title: the page's, not the report's
    if sal_i is not None:
        taken.add(sal_i)
    # the page's headline gives the whole title where the printed one lost its end (…常务委员会 / 工作报告)
    key = simplified(meta.title).replace(" ", "")
    whole = next((ln.text for ln in lines[:top] if key and ln.key.replace(" ", "").startswith(key)
                  and len(ln.key) > len(key) and _ENDS_TITLE.search(ln.key) and not _ENDS_TITLE.search(key)), None)
    meta.title = whole or meta.title
    stamped = False   # a page's stamp (2020-02-18) gives way to the report's own date line
    for i in after:
        line = lines[i]
        if _date_line(line) and (not meta.date or stamped):
            if not (ISO_DATE.match(line.key) and _DAY.fullmatch(meta.date_text)):
                meta.date, meta.date_text = _date_line(line)   # (the meeting's day takes the stamp's year)
                stamped = bool(ISO_DATE.match(line.key))
        elif not meta.speaker and _speaker_line(line):
            meta.speaker = _speaker_text(line)
        elif not meta.speaker and _DECK.match(line.key):
            meta.speaker = line.text[:_DECK.match(line.key).end("name")]
        elif sal_i is None:
            break  # no salutation: the body starts at the first line that is none of these
        else:
            continue  # a line between the meeting and the salutation stays in the body
        taken.add(i)
    if stamped and sal_i is not None:   # a report given at a meeting: the page's stamp is not its date
        meta.date, meta.date_text = "", ""
    return meta, taken, top


def _own_headline(lines: list[_Line], top: int) -> int:
    """The page's headline repeated as a dashed subtitle a few lines down (区政协…工作回眸 /
    时间:… / 以首善标准做好新时代政协工作 / ——区政协…工作回眸): the article's own headline is the
    line above the repetition; repeated as it is (工作报告 / 重要文件 / 工作报告), the repetition."""
    if top >= len(lines) or not _title_like(lines[top]):
        return top
    for j in range(top + 1, min(len(lines), top + 6)):
        if lines[j].key == lines[top].key and j <= top + 3:
            return j   # the title repeated below the page's channel label: the report's own
        if _DASHED.match(lines[j].key) and lines[j].key.lstrip("—-－ ") == lines[top].key \
                and _title_like(lines[j - 1]) and not _date_line(lines[j - 1]):
            return j - 1
    return top


def _date_line(line: _Line) -> tuple[str, str] | None:
    t = line.key
    m = _DATE.match(t)
    if m and (len(t) - m.end() <= 1 or t[0] in "(" + LPAREN and t[-1] in ")" + RPAREN
              and not _SENT_END.search(t) and not is_meeting(t)):   # (2018年1月11日…会议通过)
        return _iso(m), line.text
    m = ISO_DATE.match(t)
    if m:
        return _iso(m), line.text
    if compact_date(t):
        return compact_date(t), line.text
    m = _DOTTED_DATE.match(t)
    if m and (iso := _valid(int(m[1]), int(m[2]), int(m[3]))):   # 2000.03.13 under the speaker's name
        return iso, line.text
    return None


def _structure(line: _Line) -> bool:
    """A line of a report's body: a 一、/(一) heading, a part heading, a bold lead."""
    got = numbering(line.key)
    return bool(got and got[0] in ("cn", "paren_cn")) or bool(part_role(line.key)) or line.text.startswith("**")


_DECK = re.compile(r"^(?P<name>[\u4e00-\u9fff]{2,4})(?:同志)?作[^,，。]{0,16}工作报告$")   # a deck line naming the speaker
_GLYPH = re.compile(r"^[□■◆◇●○◎▪•★☆▲△]+\s*")   # □王 立: a bullet or a lost glyph before a speaker's name


def _speaker_line(line: _Line) -> bool:
    key = _SPACED.sub("", _GLYPH.sub("", line.key)).rstrip(":\uff1a").strip("[]【】")
    if key in _NOT_SPEAKERS or _CHANNEL_WORD.search(key) or _NOT_REPORTER.search(key):
        return False
    return bool(_NAME.match(key) or (len(key) <= 24 and _SPEAKER.search(key)))


_NOT_REPORTER = re.compile(r"^[\u4e00-\u9fff]{2,3}(?:委员|常委|主持)$")   # 白某委员: (a member's remarks), 王某主持 (a caption)
_CHANNEL_WORD = re.compile("(文件|讲话|要闻|动态|新闻|信息|专题|公告|通知|资料|文献|报告|工作|会议|文选|政府|部门|机构|单位|机关|中心)$")   # 重要文件, 各县政府 (a site's menu)
_NOT_SPEAKERS = {"综述", "概况", "摘要", "前言", "导语", "目录", "正文", "附件", "回顾", "专题", "要闻", "首页", "决议", "政治决议",
                 "原标题", "本期发布", "其他", "编者按", "来源", "作者", "编辑", "记者", "通讯员", "责任编辑"}


def _speaker_text(line: _Line) -> str:
    """王  某  某 -> 王某某; 乔传秀: -> 乔传秀; 市政协主席 宋立跃 as written."""
    text, key = _GLYPH.sub("", line.text).strip("[]【】"), _GLYPH.sub("", line.key).strip("[]【】")   # [罗某某]
    bare = _SPACED.sub("", text).rstrip(":\uff1a")
    if _NAME.match(_SPACED.sub("", key).rstrip(":\uff1a")):
        return bare
    tokens = text.rstrip(":\uff1a").split()
    singles = 0
    while singles < len(tokens) and len(tokens[-1 - singles]) == 1:
        singles += 1
    if singles >= 2:  # 县政协主席 王 建 国 -> 县政协主席 王建国
        return " ".join(tokens[:-singles] + ["".join(tokens[-singles:])])
    return text


_DAY_IN_MEETING = re.compile(r"^在(?P<m>\d{1,2})月(?P<d>\d{1,2})日")   # 在3月2日政协…会议上
# 1月14日在…会议上; 201816日在…, 200233在…: a date that lost its 年 and 月, kept as written (no ISO date)
_DAY_BEFORE_MEETING = re.compile(r"^(?:(?P<m>\d{1,2})月(?P<d>\d{1,2})日|\d{5,8}日?)(?=在)")


_DATE_AFTER = re.compile(rf"(?<=上)\s*{_DATE_IN_BRACKETS}[){RPAREN}]?$")   # (its closing bracket may be stripped)


def _meeting_line(meta: Meta, text: str) -> None:
    sub = text.strip().lstrip("—-－").strip().strip("()" + LPAREN + RPAREN)
    m = _DATE.match(sub)
    if m:
        meta.date = _iso(m)
        meta.date_text = sub[: m.end()]
        sub = sub[m.end():].strip()
    after = _DATE_AFTER.search(sub)
    when = _DATE.match(after.group("date")) if after and not meta.date else None
    if when:   # 在…会议上 (2013年3月3日)
        meta.date, meta.date_text = _iso(when), after.group("date")
        sub = sub[:after.start()]
    day = _DAY_IN_MEETING.match(sub)
    if day and not meta.date:   # the year comes from the page (parse: _dated_meeting)
        meta.date_text = sub[1:day.end()]
        sub = "在" + sub[day.end():]
    day = _DAY_BEFORE_MEETING.match(sub)
    if day and not meta.date:
        meta.date_text, sub = sub[:day.end()], sub[day.end():]
    meta.meeting = re.sub(r"(?<=上)的(?:工作)?报告$", "", sub)   # 在…会议上的报告


_SERIES = r"(?:之[一二三四五六七八九十]{1,2})?"   # …工作综述之二: one of a series
_ENDS_TITLE = re.compile(rf"(工作报告|报告|综述|回眸|纪实|巡礼|年鉴|(?:会议|政治|报告)决议|的决议|会议的决定"
                         rf"|(?<=政协|员会)[^,，。]{{0,16}}?(?:工作总结|工作要点|工作计划|开幕词|闭幕词|主持词)|^在[^,，。]{{4,30}}上的讲话)"
                         rf"{_SERIES}([(\uff08]摘要[)\uff09])?$")   # 县政协2020年工作要点, 在市政协…常委会议上的讲话
_ARTICLE_END = re.compile(rf"(综述|回眸|纪实|巡礼|回顾){_SERIES}$")
_SITE = re.compile(r"网$|网站|频道|首页|新闻$|正文$|数字报$|电子报$")   # (中新网新疆正文: a page's label)
_NOT_TITLE = re.compile(r"[作做]工作报告|(?<!工)作报告|(?<![工合协])[作做][^,，。、]{0,24}?报告|向大会|开幕|启幕|闭幕"
                        r"|(召开|举行|出炉|答卷|回应|(?<!上的)讲话|出席|祝贺|主持)(?:[(\uff08\[]组?图[)\uff09\]])?$"   # …召开(图), …等应邀出席
                        r"|(?:会议|常委会)(?:召开|举行)\s"                                 # …常委会第十八次会议召开 强化担当作为: a headline and its slogan
                        r"|(?:召开|举行|出席|参加|列席)[^,，。]{0,24}(?:会议|常委会|全会|[^报]会)$|当选"   # 某某县政协召开九届二十二次常委会议, 澳委员出席某某政协会议, 某某当选…常委
                        r"|报告[:\uff1a]\S"                                          # 提案工作情况报告:“经济建设”提案占比超40%
                        r"|^(?:地点|内容|议程|议题|主持人?|出席)[:\uff1a]"                  # 地点:人民大会堂 (a live text's header)
                        r"|(?:指出|表示|强调|认为|回应)[,\uff0c:\uff1a]"                 # 市政协主席某某指出,常委们对…报告: a sentence; 委员回应:…
                        r"|\d+(?:件|名|人|项|条)"                                       # …会议收到提案118件: a news headline's count
                        r"|审议(?!稿)|讨论(?!稿)"                                       # 政协委员分组讨论…工作报告
                        r"|届[一二三四五六七八九十]+次(?:全体)?会议$|^第[一二三四五六七八九十]+次(?:全体)?会议[(\uff08]"   # 某某省政协十一届三次会议: a meeting's name, 第四次会议(2001年3月3日~12日)
                        r"|人民政府$"                                                  # 某某州人民政府: a government site's name
                        r"|^[了的]"                                                    # 大会通过 / 了…决议: a sentence's second line
                        r"|^\d{1,2}月\d{1,2}日(?:上午|下午|晚上?)?$"                       # 1月11日上午 / 中国人民…会议…开幕: a sentence's start
                        r"|要闻$|解读|热点|速览|图解|一图|金句|^(?!.*——).*亮点(?![^,，。]{0,4}(?:回眸|综述|回顾))|快讯|直击|简报|侧记|花絮|来了[!！]?$"   # a news desk's words
                        r"|摄[)\uff09]?$|认真听取"                                      # a photo's caption: …记者某某摄, 委员认真听取…
                        r"|(?:会长|书记)[\u4e00-\u9fff]{2,3}$|征求[^,，。]{0,20}意见$|(?:召开|举行)第[一二三四五六七八九十\d]+次会议"   # …会长刘某某 (a caption), 省政协征求…意见
                        r"|^第[一二三四五六七八九十\d]+篇[:\uff1a]"                     # an aggregator's 第一篇:
                        r"|篇\d+$|【(第[一二三四五六七八九十\d]+篇|\d+篇)】$")          # …报告篇1, …报告【第一篇】


def _top_matter(lines: list[_Line]) -> tuple[Meta, set[int], int]:
    """No salutation and no meeting line (an article, a news item, a draft). A line near the top
    that ends like a title (…工作报告, …综述) is the title, and what is above it the page's;
    otherwise the first line is the title unless it is prose or a news headline."""
    meta = Meta()
    near = range(min(len(lines), 10))
    # (施某某:工作报告是一份…好报告 below a news item's lead: its subhead quoting a member)
    first = next((i for i in near if _title_like(lines[i]) and not _NOT_TITLE.search(lines[i].key)
                  and (_ENDS_TITLE.search(_SPACED.sub("", lines[i].key))
                       or _DASHED.match(lines[i].key) and lines[i].key.endswith("回顾"))
                  and not (_QUOTED.match(lines[i].key) and any(_prose(lines, j) for j in range(i)))), None)   # ——市政协2023年提案工作回顾
    # (a headline, not a yearbook's 综述 part heading)
    article = first is not None and len(lines[first].key) > 4 and _ARTICLE_END.search(lines[first].key)
    if first and _title_like(lines[first - 1]) and not _SITE.search(lines[first - 1].key) \
            and re.search("回眸|纪实|综述|巡礼|回顾", lines[first].key) and _own_headline(lines, first) == first:
        # (…工作综述之二 / 2024-01-17 / 服务中心大局… / ——…工作综述之二: the page's line, repeated under the headline)
        first -= 1  # 不负党委重托 不忘人民期盼 / 黔西南州政协工作回眸: a headline and its subtitle
    top = first or 0
    if first is None:   # 福协润田 / 深圳市福田区政协…开幕,…出炉: a tag or channel above a news headline
        top = next((i for i in range(1, min(len(lines), 4)) if _news_headline(lines[i])
                    and all(_title_like(ln) and len(ln.key) <= 12 and not re.search(r"\d+月\d+日|届", ln.key)
                            for ln in lines[:i])), 0)   # (1月1日 / 政协…第十三届委员会 / 第二次会议开幕: one sentence)
    page_top = top
    if top == 0 and first is None and len(lines) > 2 and ISO_DATE.match(lines[0].key):
        top = 1   # an e-paper's date above the headline, or a page's stamp above an article's text
    top = _own_headline(lines, top)
    block_end, block = top + 1, ""
    if first is not None:   # 中国人民政治协商会议 / 咸宁市第五届委员会第二次会议 / 关于提案审查情况的报告
        start, block = _title_block(lines, first + 1)
        if start < first:
            top, block_end = start, first + 1
    taken = set(range(top))
    if article:
        page_top = 0   # (人民政协报/2024年/2月/27日 above …综述: a review article's publication)
    for line in lines[page_top:top]:   # the page's stamp above the article's own headline
        if _date_line(line) and (ISO_DATE.match(line.key) or article) and not meta.date:   # (2024年01月26日 above a review)
            meta.date, meta.date_text = _date_line(line)
    limit = min(len(lines), top + 8)
    end = min(top + 1, len(lines))
    deck = first is None and (any(_news_headline(ln) or _news_deck(ln) for ln in lines[top + 1:top + 3])
                              or bool(_NEWS_LEAD.match(_below_stamp(lines, top))))
    for i in range(top, limit):
        t = lines[i].key
        named = i == top and first is not None and _TITLE_PARTS.search(t) and _ENDS_TITLE.search(_SPACED.sub("", t))
        # (县政协2020年工作要点: a plan's title, not a part)
        if (part_role(numbering(t)[2] if numbering(t) else t) and not _DASHED.match(t) and not named or numbering(t)
                or len(t) > MAX_HEADING or _SENT_END.search(t) or (i > top and t.endswith("——")) or _yearbook_part(lines, i)
                or (i == top and deck)   # 坚定信心 践行使命 / 市政协十五届一次会议开幕: a news item's headlines
                or (i == top and first is None and lines[i].md_heading != 1
                    and (_NOT_TITLE.search(t) or _SITE.search(t) or _CHANNEL.match(t)
                                                     or not _title_like(lines[i]) or len(t) < 4))):
            end = i  # a text that starts with running prose or a headline has no front matter
            break
    else:
        if article:   # (no prose in sight: a review's captions below its headline and subtitle)
            end = limit
    for i in range(top, end):
        line = lines[i]
        t = line.text
        if i == top:
            meta.title = block if block_end > top + 1 else _despaced(t)
        elif i < block_end:
            pass   # the rest of a title over several lines
        elif _date_line(line) and not meta.date:
            # a page's stamp dates an article, not a report given at a meeting
            if not (ISO_DATE.match(line.key) and "报告" in simplified(meta.title)):
                meta.date, meta.date_text = _date_line(line)
        elif not meta.speaker and _speaker_line(line):
            meta.speaker = _speaker_text(line)
        elif (t.startswith("——") or t.startswith("--")) and not meta.meeting and re.search("会议|会上", t):
            _meeting_line(meta, t)
        elif meta.title and _repeats_title(line, meta.title):
            pass   # 2023年…亮点回顾④ / 委员作业竞出彩: the headline printed again over two lines
        elif not meta.subtitle and len(t) <= 30 and (first is None or i == block_end):
            meta.subtitle = t
        else:
            break  # the first line that is none of these starts the body
        taken.add(i)
    return meta, taken, top


def _repeats_title(line: _Line, title: str) -> bool:
    """A line that is the title's first or last words (at least four characters)."""
    key, whole = _SPACED.sub("", line.key), _SPACED.sub("", simplified(title))
    return len(key) >= 4 and len(whole) > len(key) and (whole.startswith(key) or whole.endswith(key))


_CLAIM = re.compile(r"(丰硕|显著|明显|喜人|亮眼|斐然|可圈可点)$")
_NAME_DOT = re.compile(r"(?<=[\u4e00-\u9fff])[•・‧･∙](?=[\u4e00-\u9fff])")


def parse(text: str, guess: bool = True) -> Report:
    """Parse report text.

    guess: read what real reports leave unmarked (a short first sentence as a lead, a short
    line as a title); off for our own text, which marks both.
    """
    lines = [_clean(ln) for ln in text.splitlines()]
    lines = [ln for ln in lines if ln.text]
    for line, key in zip(lines, simplified_lines([ln.text for ln in lines])):
        line.key = _NAME_DOT.sub("·", key)   # 阿布都沙拉木•麦木提明: a name's dot, typed as a bullet
    lines = _join_meeting(_unglue_salutation(_join_salutation(_unglue_date(_unglue_agency_title(lines)))))
    if guess and any(_BOLD_LEAD.match(ln.text) for ln in lines):
        guess = False  # the text marks its leads itself
    if guess:
        lines = _join_broken_subheads(lines)
    meta, taken, top = _meta(lines)
    contents = _contents(lines, taken)   # (目录 and the headings it lists, printed again below: the page's)
    taken |= contents
    meta.title = _CHANNEL_TAG.sub("", _whole_title(meta.title, lines[:top]))   # 【聚焦两会】…决议
    meta.title = _BRACKETED_TITLE.sub(r"\1", meta.title)   # 【政协年中工作会议】: a yearbook entry's heading
    speaker = _TITLE_SPEAKER.match(simplified(meta.title)) if meta.title and not meta.speaker else None
    if speaker:  # 杨智同志在政协…上的工作报告: the speaker named in the title
        meta.speaker, meta.inferred = meta.title[:speaker.end("name")], meta.inferred + ("speaker",)
    report = Report(meta=meta, dropped=[ln.text for ln in lines[:top]] + [lines[i].text for i in sorted(contents)])
    # short unnumbered titles are sections of an article only when it has several of them
    # (a news item's one short line is a headline or a channel's label)
    plain = {i for i, ln in enumerate(lines) if guess and i not in taken and _plain_heading(ln.text, lines, i)}
    numbered = sum(1 for i, ln in enumerate(lines) if i not in taken and (numbering(ln.key) or ("",))[0] in ("cn", "paren_cn"))
    # (a text numbering its headings leaves none unnumbered: short lines are teasers and captions)
    # (…and one made of two phrases set apart by a space is a subhead, alone too: 倾智建言 参政议政显成效)
    # (…and in an article, addressing no meeting, one between paragraphs of running text)
    # (captions come in twos and threes: 会议现场 / 委员们认真听取…, and make it a picture story)
    short = [i for i in range(len(lines)) if i not in taken and len(lines[i].key) <= MAX_PLAIN_HEADING
             and not re.search(f"[{SENTENCE_END}:\uff1a—]$", lines[i].key) and not _CAPTION.search(lines[i].key)
             and _between_prose(lines, i, taken)]
    alone = not meta.salutation and len(plain) == 1 and short == sorted(plain)
    plain = plain if numbered < 2 and (len(plain) >= 2 or alone
                                       or any(_PAIRED.fullmatch(lines[i].key) for i in plain)) else set()
    # (lines between a news item's headline and its first sentence, none below it: its decks)
    first_said = next((i for i in range(len(lines)) if i not in taken and i not in plain
                       and _SENT_END.search(lines[i].key)), None)
    if plain and first_said is not None and max(plain) < first_said:
        plain = set()
    part: Part | None = None
    listing: str | None = None   # after a line announcing a list: the form of its items ('' before the first)
    stack: list[Section] = []
    closers = lexicon()["part_closers"]

    def container():
        if stack:
            return stack[-1]
        return part if part is not None else report

    for i, line in enumerate(lines):
        if i in taken:
            continue
        tail = _heading_tail(lines, i, taken)
        if not tail and i + 1 < len(lines) and i + 1 not in taken and _broken_heading(line, lines[i + 1]):
            tail = 1
        for j in range(i + 1, i + 1 + tail):
            nxt = lines[j]
            line = _Line(line.text + nxt.text, line.bold, line.md_heading, line.key + nxt.key)
            taken.add(j)
        t = line.text
        got = _numbered(t, line.key)
        role = part_role(line.key[len(line.key) - len(got[2]):] if got else line.key) \
            if not got or got[0] == "cn" else None
        run_in = _heading(line) if got and got[0] == "cn" and not role else None
        if run_in and run_in[3] and part_role(simplified(run_in[2])):   # 一、过去一年工作回顾。省政协…
            role, got, rest = part_role(simplified(run_in[2])), (got[0], got[1], run_in[2]), run_in[3]
        else:
            rest = ""
        intro = not got and re.search("[,\uff0c]", t) and t.endswith((":", "\uff1a"))   # 一年来,主要开展了五个方面工作:
        if role and not got and not meta.salutation and (_CLAIM.search(line.key) or i + 1 < len(lines)
                                                          and _NEWS_LEAD.match(_arabic_days(lines[i + 1].key))):
            role = None   # 过去一年工作成果丰硕 between a news item's paragraphs, …今年重点调研… over 某某报讯: no part
        if role and not intro and (got or line.md_heading or line.bold or not _SENT_END.search(t)) \
                and (got or not re.search("[、,\uff0c—]$", t)):   # (过去一年,区政协认真履行政治协商、 / 报告提出了…建议——: a sentence)
            heading = _PART_NO.sub("", got[2] if got else t).rstrip("。:\uff1a").strip()
            part = Part(heading=heading, number=got[1] if got else "",
                        form=got[0] if got else "plain", role=role)
            report.children.append(part)
            stack = []
            if rest:
                part.children.append(split_lead(rest, guess))
            continue
        sub = _SUBHEAD.fullmatch(line.key) or _BRACKETED.match(line.key)
        rest_key = line.key[sub.end():].strip() if sub else ""
        if sub and rest_key and len(rest_key) <= MAX_HEADING and not _SENT_END.search(rest_key.rstrip("?？!！")):
            sub = None   # 【聚焦两会】州政协…开幕: a channel's label on a headline, not a subhead
        if _yearbook_part(lines, i):   # 综 述 / 重 要 会 议 above 【…】 entries: a yearbook's part
            role = part_role(line.key) or ("other" if any(p.role == "review" for p in report.parts) else "review")
            part = Part(heading=_despaced(t), form="plain", role=role)
            report.children.append(part)
            stack = []
            continue
        if sub:  # ——聚焦中心 服务大局——, 【政协委员及组织机构】…: an article's or yearbook's subhead
            stack = []
            section = Section(heading=t[sub.start("head"):sub.end("head")].strip(), form="plain")
            container().children.append(section)
            stack.append(section)
            rest = t[sub.end():].strip()
            if rest:
                section.children.append(split_lead(rest, False, line.key[sub.end():].strip()))
            continue
        head = _heading(line)
        if head and i and _list_item(lines[i - 1], head[0]):
            head = None   # 六、…; / 七、选举。: the last item of a numbered list in running text
        # (闭幕会共有五项内容: / 一、通过…决议。 / 二、…: an agenda's items, announced as such)
        form = (_numbered(t, line.key) or ("",))[0]
        nxt_form = (_numbered(lines[i + 1].text, lines[i + 1].key) or ("",))[0] if i + 1 < len(lines) else ""
        if head and (listing == head[0] or listing == "" and nxt_form == head[0]):
            head = None   # (…三项任务: / 一、… / its paragraph / 二、…: headings, each over its text)
        listing = form if form and listing in ("", form) else "" if _ANNOUNCES.search(line.key) else None
        if head:
            form, number, heading, rest = head
            forms = [s.form for s in stack]
            if form in forms:
                del stack[forms.index(form):]
            section = Section(heading=heading, number=number, form=form)
            container().children.append(section)
            stack.append(section)
            if rest:
                section.children.append(split_lead(rest, guess, line.key[len(line.key) - len(rest):]))
            continue
        if line.md_heading and len(t) <= MAX_HEADING:
            # an unnumbered Markdown heading: a plain section at the top of the current part
            stack = []
            section = Section(heading=t, form="plain")
            container().children.append(section)
            stack.append(section)
            continue
        if i in plain:
            stack = []
            section = Section(heading=_GLYPH.sub("", t), form="plain")   # ■ 强化…: a bullet before a subhead
            container().children.append(section)
            stack.append(section)
            continue
        closing = any(c.match(line.key) for c in closers)
        if closing:
            stack = []  # thanks, shortcomings, exhortation, outlook: the part's, not a section's
        container().children.append(
            Paragraph("", t) if line.bold else split_lead(t, guess and not closing, line.key))
    _implicit_part(report)
    _dated_meeting(report, lines)
    _prose_meta(report, lines)
    _signed(report, lines)
    _speaker_headline(report)
    _year_themed_plans(report)
    return report


_YEAR_THEME = re.compile(r"^(\d{4})年[:\uff1a]")


def _year_themed_plans(report: Report) -> None:
    """2020年:围绕… / 2021年:聚焦“十四五”开局…: a part themed on a year is the review, unless a
    year-themed part before it names an earlier year, or its year is the meeting's own: the plan."""
    themed = [(p, int(m.group(1))) for p in report.parts if p.role == "review" and (m := _YEAR_THEME.match(p.heading))]
    if not themed:
        return
    held = meeting_year(report)
    first = themed[0][1]
    for part, year in themed:
        if year > first or held and year >= held:
            part.role = "plan"


_NAMED_HEADLINE = re.compile(r"^(?P<name>[\u4e00-\u9fff]{2,3})[:\uff1a](?P<rest>.+)$")


def _speaker_headline(report: Report) -> None:
    """张某某:中国人民政治协商会议…工作报告 / 俞某某:本届政协工作实现良好开局: a page's headline
    that names the speaker before a colon. The rest is the title when it is a report's, else the
    line is a news headline, no title. A name is a person's when the text says so
    (俞某某主席, 俞某某代表…, 张某某作…)."""
    meta = report.meta
    m = _NAMED_HEADLINE.match(simplified(meta.title))
    if not m:
        return
    name = m.group("name")
    body = simplified("\n".join(p.full for p in _news_lead(report)))
    if name != simplified(meta.speaker) and not re.search(
            rf"{name}(?:同志)?(?:主席|副主席|代表|作|向大会)|(?:主席|主任){name}", body + meta.title):
        return
    written, rest = meta.title[:m.end("name")], meta.title[m.start("rest"):].strip()
    meta.title = rest if _ENDS_TITLE.search(simplified(rest)) else ""
    if not meta.speaker:
        meta.speaker, meta.inferred = written, meta.inferred + ("speaker",)


# A news item says who gave the report and when the meeting opened in its first sentences.
_PROSE_SPEAKER = re.compile(   # names of two to four characters (多杰热旦, 索朗仁增), or 帕巴拉·格列朗杰
    # (after a headline's run-on words too: …隆重开幕任某某作工作报告, …在主席台就座周某某作…)
    r"(?:(?<=[席记长任志取了人是意准议过,，。、\s幕座贺话持由▲■●◆★])|(?<=聆听|赞同|听着)|^)(?P<name>[\u4e00-\u9fff]{2,4}?|(?:(?!主席)[\u4e00-\u9fff]){2,8}·[\u4e00-\u9fff]{2,8}"
    r"|(?<=[准取]了|主席)(?![^代]{0,4}(?:主席|主任|书记|政协|同志))[\u4e00-\u9fff]{5,6}(?=代表))(?<!工)(?:同志)?"   # (提案工|作…: 工作); 批准了苏雅勒其其格代表…, 主席李苏依勒图代表…: a long undotted name
    r"(?:和(?:副?主席)?[\u4e00-\u9fff]{2,4}(?:同志)?分别)?"   # 某某和副主席某某分别向大会作…工作报告和提案工作报告
    r"(?:主席|副主席)?"                                  # 丁某某主席作…
    r"(?:今天|今日|昨天|昨日|(?:\d{1,2}月)?\d{1,2}日)?(?:上午|下午)?(?:在[^,，。;；\n]{0,40}?(?:上|大?会)[,，]?)?"   # 某某(3月)4日在…开幕会上(,), 昨日在会上, 在大会作
    r"(?:受[^。;；]{0,50}?委托[,，]?)?"                   # 受…委托, 代表… / 受…委托,向大会…
    r"(?:代表[^,，。;；\n\s]{0,40}?(?:常务委员会|常委会|委员会)[,，]?[^,，。;；\n]{0,16}?(?:作|向大会)"
    r"(?:[^,，。;；\n《]{0,24}?|[^,，。;；\n《]{0,6}《[^》]{0,40})报告"
    r"|(?:今天|今日|昨天)?(?:上午|下午)?(?:在[^,，。;；\n]{0,30}?上)?向大会(?:作了?)?"
    r"(?:[^,，。;；\n《]{0,24}?|[^,，。;；\n《]{0,6}《[^》]{0,60})报告(?!应到|实到|出席|到会)"   # 向大会作了《…工作报告》 (not …报告应到委员306人)
    rf"|(?:在会上|向大会)?作[^,，。;；\n]{{0,30}}?(?:常委会?|常务委员会)(?:的)?工作报告(?![(\uff08]?(?:{DRAFTS}))"   # (向大会)作政协…常务委员会工作报告 (not 作了关于…报告草案…的说明)
    rf"|(?:主席|副主席)?关于[^,，。;；\n]{{0,30}}?(?:常委会|常务委员会)工作的?报告(?![(\uff08]?(?:{DRAFTS}))"   # 听取某某主席关于…常务委员会工作的报告 (not 关于…工作报告(草案)起草情况的说明)
    r"|(?:主席|副主席)?作(?:[^,，。;；\n]{0,40}?(?:常务委员会|常委会))?关于[^,，。;；\n]{0,30}?提案工作情况的?报告"   # 副主席某某作(政协…常务委员会)关于…以来提案工作情况报告
    r"|作题为《[^》]{1,80}》的(?:常委会|常务委员会)?工作报告"                   # 作题为《切实履行职能,共谋…》的工作报告
    r"|在[^,，。;；\n]{0,8}?所[做作]的(?:常委会)?工作报告"                      # 在当日所做的工作报告中
    r"|在[^,，。;；\n]{0,30}?(?:会议|大会)上的(?:常委会)?工作报告"                # 某某主席在全国政协十届五次会议上的工作报告
    r"|(?:宣读|(?<![研阅解细学导])读)[^,，。;；\n]{0,12}?(?:常委会|常务委员会)工作报告"   # 某某昨日读政协常委会工作报告 (not 研读)
    r"|(?:主席|副主席)?所[做作]的?[^,，。;；\n]{0,30}?(?:常委会|常务委员会)工作报告"     # 侯某某主席所作的…常务委员会工作报告, 所做常委会工作报告
    r"|作(?:常委会|常务委员会)?工作报告"
    r"|(?<=主席)的(?:政协)?(?:常委会|常务委员会)?工作报告"                    # 汪某主席的(政协常委会)工作报告
    r"|[作做]了[^,，。;；\n]{0,16}?工作回顾"                                    # 俞某某主席做了2014年全国政协的工作回顾
    r"|发表[^,，。;；\n]{0,12}?(?:常委会|常务委员会)?工作报告"                  # 王某某发表上任后首份工作报告 (Hong Kong)
    r"|代表[^,，。;；\n]{0,40}?(?<!委)(?:常务委员会|常委会)[,，]?(?:向大会)?报告(?:了)?工作"   # 某某代表…常务委员会报告工作 (not 市委常委会)
    r"|作报告(?=\s|$))", re.M)                                  # …开幕 胡某某出席 庄某某作报告: a headline
_IN_REPORT = r"在(?:大会|政协)?(?:工作)?报告中(?:说|称|指出|表示|强调|提到|谈到|回顾|对)"
_CHAIR_SAID = [re.compile(r"主席(?P<name>[\u4e00-\u9fff]{2,3})" + _IN_REPORT),   # 政协主席某某在大会报告中说
               re.compile(r"(?<=[,\uff0c。、;\uff1b\s])(?P<name>[\u4e00-\u9fff]{2,3})主席" + _IN_REPORT),   # …,王某某主席在报告中谈到
               re.compile(r"(?<=[,\uff0c。、;\uff1b\s])(?P<name>[\u4e00-\u9fff]{2,3})在大会报告中(?:说|称|指出|强调)"),   # …,汪某在大会报告中称
               re.compile(r"主席(?P<name>[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{2,8}·[\u4e00-\u9fff]{2,8})报告工作(?=[,\uff0c。;\uff1b])")]   # 区政协主席某某报告工作,提及…
_PROSE_MEETING = re.compile(   # the meeting a report was given at, named in full in a news sentence
    r"(?P<meeting>在(?:中国人民政治协商会议|政协)[\u4e00-\u9fff]{0,20}?第[一二三四五六七八九十]+届"
    r"[\u4e00-\u9fff]{0,12}?委员会第[一二三四五六七八九十]+次(?:全体)?会议上)(?=(?:向大会)?[作做])")
_TAGGED = re.compile(r"^\[(?P<name>[\u4e00-\u9fff·]{2,12})\](?=各位|我受|我代表)")
_NOT_NAME = re.compile("[会上天的了在是和我们午时后中今日年月并就对将作做]")
_TWO_CHAR_SURNAMES = {"上官", "欧阳", "司马", "诸葛", "东方", "皇甫", "令狐", "公孙", "慕容", "司徒", "夏侯", "尉迟", "长孙", "宇文", "西门", "南宫"}
_STUDIED = re.compile("学习|传达")
_VERB_BEFORE = re.compile("批准|同意|赞同|听取|审议|通过")
_NOT_SPEAKER = re.compile("向大会|向常委会|向常务委员会|受|代表|大会|通过|听取|审议|批准|同意|[会式]上$")   # 我受…委托,向大会作工作报告: no name said; …开幕式上作…
_HELD = r"(?<!即将)(?<!将要)(?:开幕|闭幕|帷幕|召开|举行)"   # a meeting held (拉开帷幕), not one to come (即将召开)
_PROSE_DATE = re.compile(   # (将于3月4日召开: a meeting to come)
    r"(?<!将于)(?<!定于)(?<!拟于)(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月(?P<d>\d{1,2})(?:日|号|(?=上午|下午)|(?=[至\-－—~～]\d{1,2}日))(?!讯|电|消息)(?:[至\-－—~～](?:(?P<m2>\d{1,2})月)?(?P<d2>\d{1,2})日)?(?:上午|下午|晚上|晚)?"
    rf"[^。;；月]{{0,100}}?(?:{_HELD}|开会|报告|届[^。;；]{{0,14}}?次(?:全体)?会议(?!以来))")   # no other date in between (a dateline's)
_DAY_ONLY = re.compile(rf"(?<![\d月])(?<![至—\-－~～])(?<!将于)(?<!定于)(?<!拟于)(?P<d>\d{{1,2}})[)\uff09]?日(?!讯|电|消息)(?:上午|下午|晚上|晚)?[^。;；月]{{0,60}}?(?:{_HELD}|届[^。;；]{{0,14}}?次(?:全体)?会议(?!以来))")   # (5日下午,市政协十三届一次会议开始分组审议)
_TOMORROW = re.compile(r"(?:明日|明天|后天)\s*[(\uff08]?\s*$")   # (…会在明日(12日)下午闭幕: a day to come)
_COMPACT_DAY = re.compile(rf"(?<![\d月年.\-/])(?<!将于)(?<!定于)(?<!拟于)(?P<md>\d{{2,4}})日(?!讯|电|消息)(?:上午|下午|晚上|晚)?[^。;；月]{{0,60}}?(?:{_HELD})")   # 119日上午: 月 lost
_REL_DAY = "今天|今日|今早|今晨|昨天|昨日|昨晚"
# (not 昨日听取了…政府工作报告, nor 昨日… / 今早召开…: the verb of another day)
_RELATIVE_DATE = re.compile(rf"(?P<rel>{_REL_DAY})(?:上午|下午|晚上|晚)?(?:(?!{_REL_DAY}|政府工作报告)[^。;；]){{0,80}}?(?:{_HELD}|报告)")
_STAMPS = [re.compile(r"(?<!\d)(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})"),
           re.compile(r"(?<!\d)(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>\d{4})")]   # 18.02.2020, 04/03/2016 (Hong Kong)
_URL = re.compile(r"(?:https?://|www\.)\S+", re.I)
_DATELINE = re.compile(r"(?P<m>\d{1,2})月(?P<d>\d{1,2})日(?:电|讯|消息)")
_DAY_DATELINE = re.compile(r"(?<![\d月])(?P<d>\d{1,2})日电")   # 某地29日电: the month is the stamp's


def _npc(m: re.Match) -> bool:
    """The meeting held on the day m reads is the people's congress's (全国人大…开幕), not the CPPCC's."""
    return bool(re.search("人大|人民代表大会", m.group())) and "政协" not in m.group()


def _prose_meta(report: Report, lines: list[_Line]) -> None:
    """Speaker and meeting date from a news item's prose, when the front matter has neither."""
    meta = report.meta
    stamped = bool(ISO_DATE.match(meta.date_text))   # an article's page stamp: a meeting's date wins
    if meta.speaker and meta.date and not stamped or chronicle(report):
        return   # (a chronicle's entries name their own meetings' speakers and days)
    paras = _lead_keys(report, 24)   # (the report given after a list of who attended)
    tagged = next((m for text, _ in paras if (m := _TAGGED.match(text))), None)
    # [萬鋼]我受…委托: a transcript's speaker tag; [王某]各位委员… may be the chair opening the meeting,
    # so it gives way to the news saying who gave the report
    if not meta.speaker and tagged and re.match(r"\[[^\]]+\](?:我受|我代表)", tagged.string):
        meta.speaker, meta.inferred = tagged["name"], meta.inferred + ("speaker",)
    said = next(((text, m) for text, key in paras if (m := _PROSE_MEETING.search(key))), None)
    if said and not meta.meeting:   # 刘某某在政协大连市第十一届委员会第四次会议上向大会做工作报告
        text, m = said
        meta.meeting, meta.inferred = text[m.start("meeting"):m.end("meeting")], meta.inferred + ("meeting",)
    if not meta.speaker:
        found = [(m, text) for text, key in paras for m in _PROSE_SPEAKER.finditer(key)]
        found.sort(key=lambda mt: "提案" in mt[0].group(0))  # the standing committee's report first
        found += [(m, text) for text, key in paras for rx in _CHAIR_SAID for m in rx.finditer(key)]
        for m, text in found:
            if _STUDIED.search(m.string, max(0, m.start("name") - 12), m.start("name")):
                continue   # 学习了全国政协副主席某某在…上作的常委会工作报告: a report studied, not given
            name_key = m.group("name")
            # (and 由 before a three-character name: 由王某某作)
            bad = [i for i, ch in enumerate(name_key) if (_NOT_NAME.match(ch) or ch == "由" and i == 0 and len(name_key) == 4)
                   and name_key[i:i + 2] not in _TWO_CHAR_SURNAMES]   # (上官某某: 上 is no place word here)
            start = m.start("name") + (bad[-1] + 1 if bad else 0)
            verb = _VERB_BEFORE.match(name_key)   # 批准曹某同志代表…: a resolution's verb before the name
            if verb and not bad and len(name_key) - verb.end() >= 2:
                start = m.start("name") + verb.end()
            if m.end("name") - start < 2 and bad and bad[0] > 0:
                start = m.start("name")   # 陈会龙: a name may hold 会 or 和; 会上王五 is cut at 上
            elif m.end("name") - start < 2 and bad and len(bad) > 1 and bad[1] > 1:
                start = m.start("name") + 1   # 了赵中军: cut at 了 only (赵中军 holds 中)
            if m.end("name") - start >= 2 and not _NOT_SPEAKER.match(simplified(text[start:m.end("name")])):
                meta.speaker = text[start:m.end("name")]
                meta.inferred += ("speaker",)
                break
    if not meta.speaker and tagged:
        meta.speaker, meta.inferred = tagged["name"], meta.inferred + ("speaker",)
    if meta.date and not stamped:
        return
    if BOOK_SECTION.match(simplified(meta.title)):
        return   # 第三节 参政机构: a gazetteer's section, naming the meetings of decades
    held = meeting_year(report)
    # (a date: from the first paragraphs only; 一月七日电 / 七日在此间开幕)
    paras = [(text, _arabic_days(key)) for text, key in _lead_keys(report)]
    stamp = _publication(lines, paras, held)

    def settle(date: str) -> None:
        meta.date, meta.inferred = date, meta.inferred + ("date",)
        if stamped:
            meta.date_text = ""

    def said(m: re.Match, key: str) -> str:   # a date, and what was held then (1月9日上午举行的…会议开幕大会, 1月19日召开九届…次常委会议)
        what = re.match(r"的[^。;；,，]{0,24}?(?:开幕|会议)|[^。;；,，]{0,12}?届[^。;；,，]{0,8}?次[^。;；,，]{0,6}?会议"
                        r"|[^。;；,，]{0,40}?会议?(?=[。;；,，])",   # 召开2019年工作务虚会。
                        key[m.end():]) if m.group().endswith(("举行", "召开")) else None
        return key[m.start():m.end() + (what.end() if what else 0)]

    def near(m: re.Match, key: str) -> str:   # …and the words before it on its own line
        return key[max(0, m.start() - 12, key.rfind("\n", 0, m.start()) + 1):m.start()] + said(m, key)

    def press(m: re.Match, key: str) -> bool:   # a plenary's date, not a press conference's
        return bool(re.search("发布会|记者会|见面会", key[m.start():m.end() + 16]))

    for _, key in paras:
        # (2017年1月18日 on a line of its own above the headline: the page's date, not the story's)
        # (会议决定:…第五次会议于2016年2月18日…召开: a meeting to come)
        # (三月五日上午九时,十一届全国人大一次会议…开幕 on a page about the CPPCC: the NPC's day)
        m = next((m for m in _PROSE_DATE.finditer(key) if not (m["y"] and _alone(m, key)) and not _npc(m)
                  and not _TO_COME.search(key, max(key.rfind("。", 0, m.start()), key.rfind("\n", 0, m.start()), 0), m.start())),
                 None)
        # (…全体会议于2017年2月14日至2月16日在某地举行: the meeting named just before the date)
        # (8月7日在区图书馆举行。 under 【政协年中工作会议】: the headline's meeting)
        context = (simplified(meta.title) if m.start() == 0 else "") + near(m, key) if m else ""
        # (…会议圆满完成各项议程后,于11月29日下午在某地闭幕; not 1月19日上午闭幕的…常委会议)
        closed = m and m.group().endswith("闭幕") and not key.startswith("的", m.end())
        if m and (closed or re.search("开幕|会议|报告|常委会召开|召开[^。;；,，]{0,40}会$", context)) and not press(m, key):
            month = int(m["m"])
            # (the years a news item names, read past its first subhead when its lead names none)
            named = _meeting_years(paras, month) or _meeting_years(
                [(p.full, simplified(p.full)) for p in report.paragraphs()[:12]], month)
            plenary = re.search(r"开幕|届[^。]{0,20}?次(?:全体)?会议", said(m, key))
            year = int(m["y"]) if m["y"] else held if plenary else None   # 十届四次 of a province: its year
            if not year and stamp:
                year = stamp.year - (month > stamp.month)
                if named and year > max(named):
                    year = min(named)   # a page stamped years after every year its text names: a later copy
            elif not year:
                year = _year_before(paras, month, int(m["d"])) or min(named, default=None)
            day = int(m["d"])
            if m["d2"] and re.search(r"会议[,，]于$", key[:m.start()]):   # a resolution's 会议,于1月2日至6日…举行: adopted on the last day
                month, day = int(m["m2"] or month), int(m["d2"])
            if year and _valid(year, month, day):
                settle(_valid(year, month, day))
            return
        # (…会在明日(12日)下午闭幕: a day to come)
        m = next((m for m in _DAY_ONLY.finditer(key) if not _TOMORROW.search(key, max(0, m.start() - 6), m.start())
                  and not _npc(m)), None)
        # 10日上午,省政协…开幕 / …常务委员会第四次会议20日在兰州召开: the stamp's month
        # (…第五次会议 4日下午…开幕 on a copy uploaded in 2024 of a plenary held in 2022: not the stamp's month)
        if m and stamp and re.search("开幕|闭幕|会议", near(m, key)) and not press(m, key) and held in (None, stamp.year):
            day = int(m["d"])
            month_start = stamp.replace(day=1)
            when = month_start if day <= stamp.day else (month_start - dt.timedelta(days=1)).replace(day=1)
            if _valid(when.year, when.month, day):   # (43日: a day whose 月 was lost, read below)
                settle(_valid(when.year, when.month, day))
                return
        m = _COMPACT_DAY.search(key)
        # 123日上午,…会议闭幕 under a stamp of 2024-01-24: 1月23日 (not 12月3日), the reading nearest before the stamp
        if m and stamp and re.search("开幕|闭幕|会议", near(m, key)) and not press(m, key):
            when = _compact_day(m["md"], stamp)
            if when:
                settle(when.isoformat())
                return
        m = _RELATIVE_DATE.search(key)
        own = key[key.rfind("\n", 0, m.start()) + 1:].split("\n")[0] if m else ""   # the line it is on
        headline = len(own) <= 30 and not _SENT_END.search(own)
        # (…会议今日开幕 over a copy stamped weeks later, the story giving 1月25日: the story's day)
        if m and stamp and not press(m, key) and not (headline and any(_PROSE_DATE.search(k) for _, k in paras)):
            # 今天/昨天 of a dateline's story is the dateline's; of a caption above it, the page's
            base = stamp if _DATELINE.search(key) or _DAY_DATELINE.search(key) else _stamp(lines) or stamp
            day = base - dt.timedelta(days=1 if m["rel"].startswith("昨") else 0)
            if not held or day.year == held:   # (a forum's 2002-10-07 over 今天下午的开幕会 of a 2013 plenary: no day)
                settle(day.isoformat())
                return
    if stamp and not meta.date and not meta.salutation and _DATELINE.search(_arabic_days(simplified(meta.subtitle))) \
            and meta.subtitle.endswith(("电", "讯")):
        settle(stamp.isoformat())   # 新华社北京3月1日电 under a feature's headline: the feature's date


_TO_COME = re.compile("决定|定于|拟于|将于|将在|关于$")   # (审议通过了关于2017年12月25日—28日召开…: to come)


def _alone(m: re.Match, key: str) -> bool:
    """The date m starts with is all of its line."""
    start = key.rfind("\n", 0, m.start()) + 1
    end = key.find("\n", m.start())
    return bool(_DATE.fullmatch(key[start:end if end >= 0 else len(key)].strip()))


def _dated_meeting(report: Report, lines: list[_Line]) -> None:
    """A meeting line that gives the day only (在3月2日政协…会议上): the year of the page's stamp."""
    meta = report.meta
    m = _DAY.fullmatch(meta.date_text) if not meta.date else None
    if not m:
        return
    stamp = _publication(lines, [(p.full, simplified(p.full)) for p in _news_lead(report)])
    if stamp:
        month, day = int(m.group(1)), int(m.group(2))
        meta.date = _valid(stamp.year - (month > stamp.month), month, day)


_ISSUER = re.compile(r"^(?:中国人民政治协商会议|政协)[\u4e00-\u9fff]{2,30}(?:委员会|办公室|办公厅)$")


def _signed(report: Report, lines: list[_Line]) -> None:
    """A notice dated by its signature (…委员会常务委员会 / 2011年12月9日 below the text), when
    nothing above dates it."""
    meta = report.meta
    if meta.date:
        return
    for issuer, line in reversed(list(zip(lines[3:], lines[4:]))):
        when = _date_line(line)
        if when and _ISSUER.match(_SPACED.sub("", issuer.key)) and _DATE.match(line.key):
            meta.date, meta.date_text = when
            return


def _lead_keys(report: Report, most: int = 12) -> list[tuple[str, str]]:
    """A news item's first paragraphs (picture posts' short lines glued), each with its key."""
    return [(p, _NAME_DOT.sub("·", simplified(p))) for p in glue([p.full for p in _news_lead(report, most)], "\n")]


def _news_lead(report: Report, most: int = 12) -> list[Paragraph]:
    """A news item's first paragraphs: up to its first section heading (a yearbook's 【…】 entries
    name other meetings' speakers and dates). `most` counts paragraphs of text; a page's lines
    without a sentence's end (links, captions, labels) count for a third (at most 3 × `most` in all)."""
    out = []
    weight = 0.0
    # (推动政协工作更有声色更出新彩 above a news item's first sentence: a deck line, not a section)
    stop_at_heading = bool(re.search("年鉴|大事记", simplified(report.meta.title)))
    for _, node in report.walk():
        if isinstance(node, Section) and not isinstance(node, Part) and node.heading and stop_at_heading \
                or weight >= most:
            break
        if isinstance(node, Paragraph):
            out.append(node)
            said = bool(_SENT_END.search(node.full))
            weight += 1 if said else 1 / 3
            stop_at_heading = stop_at_heading or said
    return out


_REVIEWED = [re.compile(r"(?<!\d)(\d{4})年[,，]?是"), re.compile(r"(?<!\d)(\d{4})年(?![\d\s]*\d{1,2}月)")]


_PLANNED = [re.compile(r"(?<!\d)(\d{4})年(?:度)?(?:的)?(?:[^，,。;；年]{0,6}?政协)?(?:协商|工作|履职){0,2}(?:计划|要点|安排|任务|重点工作|(?<=工作)重点)"),   # 2025年度协商工作计划, 2014年某某县政协工作计划, 2016年工作重点
            re.compile(r"(?<!\d)(\d{4})年[,，]?[^,，。;；是]{0,10}?(?:(?<![重主需必纲])要|将)(?!近)"),   # 2022年,县政协工作要… (not 重要)
            re.compile(r"(?:做好|抓好|谋划|部署)(\d{4})年"),                            # 做好2022年各方面工作
            re.compile(r"(?:强调|表示|要求)[,，:：]?(\d{4})年[,，]?是"),                  # 某某强调,2026年是“十五五”开局之年
            re.compile(r"(?<!\d)(\d{4})年[^,，。;；]{0,8}?工作(?:作|做)出了?安排部署"),   # 对2015年政协工作作出了安排部署
            re.compile(r"(?<!\d)(\d{4})年[,，]?(?!是)[^,，。;；]{0,12}?(?:工作的?|的)(?:指导思想|总体要求|总体思路|主要任务|目标任务)")]   # 2020年全区经济社会发展的总体要求


_GUIDED = re.compile(r"以[^。，,;；]{0,6}$")


def _meeting_years(paras: list[tuple[str, str]], month: int) -> list[int]:
    """The meeting's year from each year the lead names (2020年,是…): the next year for a meeting
    early in the year, the same year late in it; a year whose plan is named (认真落实2016年协商计划,
    2022年,县政协工作要…) is the meeting's own (a meeting late in the year plans the next). The
    earliest is the one looked back on (2024年,县政协… / 2025年是“十四五”规划收官之年: 2024); the
    latest tells a later copy's stamp from the text's."""
    years = []
    for _, key in paras:
        planned = {m.start(1) for rx in _PLANNED for m in rx.finditer(key)
                   if not _GUIDED.search(key, max(0, m.start(1) - 8), m.start(1))}   # (以市政协2009年工作要点为总抓手: the year looked back on)
        years += [int(m.group(1)) - (month >= 10) if m.start(1) in planned else int(m.group(1)) + (month <= 6)
                  for rx in _REVIEWED for m in rx.finditer(key)]
    return [y for y in years if 1949 <= y <= 2201]


def _compact_day(md: str, stamp: dt.date) -> dt.date | None:
    """A day whose 月 was lost (119日, 1227日): the reading that falls nearest before the page's stamp,
    within two months of it."""
    found = [dt.date.fromisoformat(when) for month, day in _month_days(md) for year in (stamp.year, stamp.year - 1)
             if (when := _valid(year, month, day))]
    return max((when for when in found if 0 <= (stamp - when).days <= 61), default=None)


def _valid(year: int, month: int, day: int) -> str:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return ""


def _stamp(lines: list[_Line]) -> dt.date | None:
    """The page's time stamp (2012年02月27日03:50, 2024-03-01 09:15) near its top."""
    for line in lines[:FRONT_LIMIT]:
        key = _URL.sub(" ", line.key)   # doc/1071/7/3/…html is an address, not a date
        if len(key) > MAX_HEADING or _SENT_END.search(key):
            continue  # a date in running text is not the page's
        for rx in _STAMPS:
            m = rx.search(key)
            if m and re.search(r"(?:截至|截止|至|到|于|从)\s*$", key[:m.start()]):
                continue   # 截至2016年12月13日…: a date the story names, not the page's
            if m and 1949 <= int(m["y"]) <= 2200 and _valid(int(m["y"]), int(m["m"]), int(m["d"])):
                return dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    return None


_CN_DAY = re.compile(r"(?<![\d〇一二三四五六七八九十])(?:(?P<m>十[一二]|[一二三四五六七八九十])月)?"
                     r"(?P<d>[一二三]?十[一二三四五六七八九]?|[廿卅][一二三四五六七八九]?|[一二三四五六七八九])日(?=电|讯|在|上午|下午|晚)")   # (廿九日电: 29)


def _arabic_days(key: str) -> str:
    """一月七日电 -> 1月7日电, 七日在此间开幕 -> 7日在此间开幕, 元月3日 -> 1月3日: a news item's
    days, for reading dates."""
    def arabic(m: re.Match) -> str:
        month = f"{cn_value(m['m'])}月" if m["m"] else ""
        day = m["d"].replace("廿", "二十").replace("卅", "三十")
        return f"{month}{cn_value(day)}日"
    key = re.sub(r"元月(?=\d{1,2}日)", "1月", key) if "元月" in key else key
    return _CN_DAY.sub(arabic, key) if "日" in key else key


def _publication(lines: list[_Line], paras: list[tuple[str, str]], held: int | None = None) -> dt.date | None:
    """The page's publication date: a dateline (3月11日电) in the year of a time stamp, or the stamp.
    A dateline without a stamp takes the year of the plenary it reports (`held`, from the terms
    table), of a full date the text gives (截至2019年2月20日) or of the year it reviews (2023年是…)."""
    stamp = _stamp(lines)
    for line in lines[:FRONT_LIMIT + 10]:
        m = _DATELINE.search(_arabic_days(line.key))
        day_only = _DAY_DATELINE.search(_arabic_days(line.key)) if stamp and not m else None
        if day_only and int(day_only["d"]) <= stamp.day:   # 乌鲁木齐廿九日电 in an issue of the 30th
            return stamp.replace(day=int(day_only["d"]))
        if not m:
            continue
        month, day = int(m["m"]), int(m["d"])
        if stamp:
            year = stamp.year - (month > stamp.month)
            return dt.date.fromisoformat(_valid(year, month, day) or stamp.isoformat())
        year = held or _year_before(paras, month, day) or min(_meeting_years(paras, month), default=None)
        return dt.date.fromisoformat(_valid(year, month, day)) if year and _valid(year, month, day) else None
    return stamp


def _year_before(paras: list[tuple[str, str]], month: int, day: int) -> int | None:
    """The year of a dateline (3月3日) from the first full date the text gives: the year that puts
    it nearest that date (截至2016年12月13日 before 1月11日: the next year; 定于2006年2月20日 after
    2月15日: the same)."""
    for _, key in paras:
        m = _STAMPS[0].search(_URL.sub(" ", key))
        if m and 1949 <= int(m["y"]) <= 2200 and _valid(int(m["y"]), int(m["m"]), int(m["d"])):
            named = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
            years = [y for y in (named.year - 1, named.year, named.year + 1) if _valid(y, month, day)]
            return min(years, key=lambda y: abs((dt.date(y, month, day) - named).days), default=None)
    return None


_TITLE_SPEAKER = re.compile(r"^(?P<name>[\u4e00-\u9fff]{2,3})同志在")
_SUBHEAD = re.compile(r"(?:——|--)\s*(?P<head>[^—\-]{2,30}?)\s*(?:——|--)")
_BRACKETED = re.compile(r"【(?!\d{1,2}[:\uff1a]\d{2}】|本报讯|导语|正文|编者按|核心提示|摘要|PDF|图文|图片新闻|图片|视频|同期声?|画面|解说|字幕|出镜|现场|[^】]{0,30}(?:[讯电台]|消息)】)(?P<head>[^】]{2,20})】")   # not 【某某网讯】, 【本报记者某某 南京5日电】, a TV script's 【图文】, a live text's 【15:54】


def _broken_heading(line: _Line, nxt: _Line) -> bool:
    """（一）坚持党的领导, / 强化思想引领 and 一、2023年 / 工作回顾: a numbered heading broken over two
    lines. The first ends with a comma, or both are short and neither says a sentence."""
    got = numbering(line.key)
    if not got or got[0] not in ("cn", "paren_cn") or numbering(nxt.key) or nxt.text.startswith("**"):
        return False
    if len(line.key) + len(nxt.key) > MAX_HEADING or _SENT_END.search(line.key) or _SENT_END.search(nxt.key[:-1]):
        return False
    return bool(re.search("[,\uff0c、]$", line.key)) or (
        len(nxt.key) <= 12 and not _SENT_END.search(nxt.key) and len(got[2]) <= 16
        and not re.search("[,\uff0c;\uff1b:\uff1a]", nxt.key))


def _heading_tail(lines: list[_Line], i: int, taken: set[int]) -> int:
    """一、在深入学习宣传贯彻 / 中共二十大精神上更进一步 / 不断加强思想政治引领 / 二、…: the short lines
    after a numbered heading that are the rest of it (an outline whose headings are set over
    two or three lines): no sentence among them, and the next heading or the end right after."""
    got = numbering(lines[i].key)
    if not got or got[0] not in ("cn", "paren_cn") or _SENT_END.search(lines[i].key):
        return 0
    n, size = 0, len(lines[i].key)
    for j in range(i + 1, min(len(lines), i + 3)):
        ln = lines[j]
        if j in taken or numbering(ln.key) or part_role(ln.key) or ln.text.startswith("**") \
                or len(ln.key) > 20 or re.search(f"[{SENTENCE_END};\uff1b:\uff1a,\uff0c]", ln.key):
            break
        n, size = n + 1, size + len(ln.key)
    if not n or size > MAX_HEADING:
        return 0
    after = i + n + 1
    if after >= len(lines):   # (an outline's last heading, or a paragraph the page cut short: 坚持把习近平新时代中国特色社会主)
        return n if all(len(lines[j].key) <= 12 for j in range(i + 1, after)) else 0
    nxt = numbering(lines[after].key)
    return n if (nxt and nxt[0] == got[0]) or part_role(lines[after].key) else 0




_MEETING_DATE_NAME = re.compile(
    rf"^(?P<meeting>[—\-－]*\s*在.{{2,80}}?(?:会议|大会)上)\s*(?P<date>[({LPAREN}][^)）]{{6,16}}[){RPAREN}])\s*"
    r"(?P<name>[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,8}·[\u4e00-\u9fff]{1,8})$")


def _join_meeting(lines: list[_Line]) -> list[_Line]:
    """A meeting line broken in two (——…在政协某区第七届委员会 / 次会议上): one line. One that
    runs on into its date and speaker (——在…会议上(2023年1月13日)努尔兰·阿不都满金): three."""
    out: list[_Line] = []
    for line in lines:
        m = _MEETING_DATE_NAME.match(line.key)
        if m and _DATE.match(m["date"]):
            for a, b in (m.span("meeting"), m.span("date"), m.span("name")):
                out.append(_Line(line.text[a:b], line.bold, 0, line.key[a:b]))
            continue
        prev = out[-1] if out else None
        joined = prev.key + line.key if prev else ""
        adopted = prev and _DATE.match(prev.key) and prev.key[:1] in "(" + LPAREN and prev.key[-1] not in ")" + RPAREN \
            and re.fullmatch(rf".{{0,24}}(?:会议|大会)通过[){RPAREN}]", line.key)   # (2025年2月9日政协… / 第四次会议通过)
        if adopted or (prev and (_DASHED.match(prev.key) or prev.key[:1] in "(" + LPAREN) and not is_meeting(prev.key)
                       and len(line.key) <= 20 and is_meeting(joined)):   # (2022年2月17日在政协第九届 / …会议上)
            out[-1] = _Line(prev.text + line.text, prev.bold, prev.md_heading, prev.key + line.key)
        else:
            out.append(line)
    return out


_GLUED_DATE = re.compile(rf"^[({LPAREN}]\d{{4}}年\d{{1,2}}月\d{{1,2}}日[){RPAREN}](?=\S{{8}})")


def _unglue_date(lines: list[_Line]) -> list[_Line]:
    """(2019年1月13日)一、过去一年工作回顾。…: a report's date run into its first paragraph."""
    for i, line in enumerate(lines[:FRONT_LIMIT]):
        m = _GLUED_DATE.match(line.key)
        if m:
            at = m.end()
            return lines[:i] + [_Line(line.text[:at], line.bold, 0, line.key[:at]),
                                 _Line(line.text[at:], line.bold, 0, line.key[at:])] + lines[i + 1:]
    return lines


_AGENCY_TITLE = re.compile(r"^(?P<dateline>[^\s,，。]{2,16}?\d{1,2}月\d{1,2}日电)\s*(?P<topic>题[:\uff1a])?\s*(?=\S)")


def _unglue_agency_title(lines: list[_Line]) -> list[_Line]:
    """新华社北京3月1日电 题:同心筑梦… / 新华社北京3月12日电 中国人民政治协商会议…工作报告 -> the
    headline, then the dateline: a news agency's feature or the full text of a report."""
    for i, line in enumerate(lines[:FRONT_LIMIT]):
        m = _AGENCY_TITLE.match(line.key)
        title = line.key[m.end():].split("——")[0] if m else ""   # (…工作报告——在政协…会议上)
        if m and (m["topic"] or _ENDS_TITLE.search(title) and len(title) <= MAX_HEADING):
            at, cut = m.end(), m.end("dateline")
            return lines[:i] + [_Line(line.text[at:], line.bold, 0, line.key[at:]),
                                _Line(line.text[:cut], False, 0, line.key[:cut])] + lines[i + 1:]
    return lines


_SALUTATION_START = re.compile(r"^(?:各位|尊敬的)[^:\uff1a。]{0,20}[、,\uff0c]$")


def _join_salutation(lines: list[_Line]) -> list[_Line]:
    """各位委员、 / 同志们: -> 各位委员、同志们: (a salutation broken over two lines)."""
    for i, (line, nxt) in enumerate(zip(lines[:FRONT_LIMIT], lines[1:])):
        if _SALUTATION_START.match(line.key) and len(nxt.key) <= 16 and nxt.key.endswith((":", "\uff1a")) \
                and not _SENT_END.search(nxt.key):
            joined = _Line(line.text + nxt.text, line.bold, line.md_heading, line.key + nxt.key)
            return lines[:i] + [joined] + lines[i + 2:]
    return lines


def _unglue_salutation(lines: list[_Line]) -> list[_Line]:
    """张某某各位委员、同志们: -> 张某某 / 各位委员、同志们: , and 主席 某某:各位委员:我代表…: the speaker,
    the salutation and the opening, run together on one line in a transcript."""
    sal = lexicon()["salutation_inside"]
    for i, line in enumerate(lines[:FRONT_LIMIT]):
        m = sal.search(line.key) or _SAL_THEN_TEXT.search(line.key)
        if m and 0 <= m.start() <= 24 and not _SENT_END.search(line.key[:m.start()]) \
                and (m.start() or m.end() < len(line.key)):
            pieces = [(a, b) for a, b in ((0, m.start()), m.span(), (m.end(), len(line.key))) if b > a]
            new = [_Line(line.text[a:b].strip().rstrip(":\uff1a") if b == m.start() else line.text[a:b].strip(),
                         False, 0, line.key[a:b].strip().rstrip(":\uff1a") if b == m.start() else line.key[a:b].strip())
                   for a, b in pieces]
            return lines[:i] + [ln for ln in new if ln.text] + lines[i + 1:]
    return lines


_SAL_THEN_TEXT = re.compile(r"(各位|尊敬的)[^:\uff1a。]{0,24}[:\uff1a](?=\S)"
                            r"|^各位委员[^:\uff1a。,\uff0c]{0,20}[,\uff0c](?=我(?:代表|受))")   # 各位委员,我代表…


def _yearbook_part(lines: list[_Line], i: int) -> bool:
    """A short line (综 述) right above a 【…】 entry that runs on in text: a yearbook's part."""
    if i + 1 >= len(lines) or len(_SPACED.sub("", lines[i].key)) > 10 or not _title_like(lines[i]):
        return False
    m = _BRACKETED.match(lines[i + 1].key)
    return bool(m) and bool(_SENT_END.search(lines[i + 1].key[m.end():]))


_PAIRED = re.compile(r"[\u4e00-\u9fff“”]{4,12} [\u4e00-\u9fff“”]{4,12}")


_CAPTION = re.compile(r"摄[)\uff09]?$|供图$|^图为"   # a photo's caption: marked, or a post and a name (大会主持人田某某)
                      r"|(?:主持人|主席|书记|[市县区州]长|发言人)[\u4e00-\u9fff]{2,3}$"
                      r"|(?:主席台|前排)就座$|(?:现场|盛况|一角)$|^[\u4e00-\u9fff]{2,3}(?:向大会)?作(?:工作)?报告$"   # 大会现场盛况, 某某向大会作报告
                      r"|(?:到会|出席会议)(?:指导|祝贺|并讲话)$|^导读$"   # 市政协副主席某某到会指导, 导读
                      r"|^(?:上午|下午|晚上)\d{1,2}[时点]|^\d{1,2}[时点](?:\d{1,2}分|许|整|半)")   # 上午9点大会在庄严的国歌声中拉开帷幕 (not 5点体会)


_QUOTED = re.compile(r"^([\u4e00-\u9fff]{2,4})[:\uff1a](?=[^:\uff1a]*[\u4e00-\u9fff]{4})")   # 某某某:…, a name and the words quoted


def _plain_heading(text: str, lines: list[_Line], i: int) -> bool:
    """A short unnumbered title line (articles: 旗帜鲜明讲政治) followed by running text."""
    key = lines[i].key
    two_clauses = re.fullmatch(r"[^,\uff0c]{4,16}[,\uff0c][^,\uff0c]{4,16}", text)   # 以理论学习为先导,筑牢…基础
    quote = _QUOTED.match(key)   # 娄某某:中央继续出台更多惠港政策措施 / 经济方面,娄某某强调…: a subhead quoting a speaker
    quote = quote if quote and i + 1 < len(lines) and quote.group(1) in lines[i + 1].key[:20] else None
    said = text[quote.end():] if quote else text
    if len(text) > (32 if two_clauses or quote else MAX_PLAIN_HEADING) or re.search(f"[{SENTENCE_END};\uff1b:\uff1a…—*]", said) \
            or _NOT_TITLE.search(key[quote.end():] if quote else key) or _CAPTION.search(key) or "记者" in key or _NAME.match(key) \
            or re.fullmatch(r"[\u4e00-\u9fff]{2,4}(?:强调|指出|表示|认为|说)", key) \
            or not _title_like(lines[i]) or _SITE.search(key) or len(key) < 4:
        return False
    nxt = lines[i + 1].key if i + 1 < len(lines) else ""
    # (running text within two lines: a run of short lines is a sentence set line by line)
    prose_near = any(len(lines[j].key) > 40 or _SENT_END.search(lines[j].key) for j in (i + 1, i + 2) if j < len(lines))
    # (凝心聚力谱新篇 / ——…会议闭幕侧记: a headline over its dashed subtitle, not a section's)
    return len(nxt) > len(text) and not numbering(nxt) and not part_role(nxt) and prose_near \
        and not (_DASHED.match(nxt) and not _SENT_END.search(nxt))   # (——扎实开展主题教育,…。: an item of the text)


_PHRASE = re.compile(r"[\u4e00-\u9fff“”]{4,12}")


def _join_broken_subheads(lines: list[_Line]) -> list[_Line]:
    """高度重视理论武装 / 从严抓好自身建设 between paragraphs: one subhead set over two lines, joined
    with a space (as a subhead of two phrases is written)."""
    out: list[_Line] = []
    i = 0
    while i < len(lines):
        if (0 < i and i + 2 < len(lines) and _PHRASE.fullmatch(lines[i].key) and _PHRASE.fullmatch(lines[i + 1].key)
                and not numbering(lines[i].key) and not part_role(lines[i].key) and not part_role(lines[i + 1].key)
                and (_prose(lines, i - 1) or numbering(lines[i - 1].key) or part_role(lines[i - 1].key))
                and _prose(lines, i + 2)):
            a, b = lines[i], lines[i + 1]
            out.append(_Line(a.text + " " + b.text, a.bold and b.bold, a.md_heading, a.key + " " + b.key))
            i += 2
            continue
        out.append(lines[i])
        i += 1
    return out


def _prose(lines: list[_Line], j: int, taken: set[int] = frozenset()) -> bool:
    """Line j is a paragraph of running text."""
    return 0 <= j < len(lines) and j not in taken and len(lines[j].key) > 40 and bool(_SENT_END.search(lines[j].key))


def _between_prose(lines: list[_Line], i: int, taken: set[int]) -> bool:
    """Line i has a paragraph of running text before and after it."""
    return _prose(lines, i - 1, taken) and (_prose(lines, i + 1, taken) or _prose(lines, i + 2, taken))


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
