"""Facts -> report text, through the one Jinja environment of the project."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import cn2an
import jinja2
import yaml

from .facts import Facts
from .resources import templates_dir
from .slots import SlotRegistry, SlotValue
from .typography import BANG, CLAUSE_MARKS, COLON, SEMI, SENTENCE_END

KIND_TEMPLATES = {"年度": "annual.txt.j2"}
_END = SENTENCE_END + SEMI + ";…"
_CLOSE = "”’》)」"


def cn(n: int) -> str:
    return cn2an.an2cn(int(n))


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


def join_clauses(clauses: list[str]) -> str:
    """Join content pieces into one paragraph, adding 。 where a piece leaves a sentence open."""
    out = ""
    for piece in (c for c in clauses if c):
        if out and not ends_sentence(out) and out[-1] not in CLAUSE_MARKS \
                and piece[0] not in CLAUSE_MARKS + "。":
            out += "。"
        out += piece
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


def names(facts: Facts) -> dict:
    """Names derived from the organisation, each overridable in the facts."""
    org, meeting = facts.org, facts.meeting
    region = org.region
    level = region[-1] if region[-1] in "县市区州旗盟省" else "县"
    place = region[:-1] if len(region) > 2 and region[-1] in "县市区州旗盟" else region
    term = cn(meeting.term)
    committee_full = org.full_name or f"中国人民政治协商会议{org.parent_region}{region}第{term}届委员会"
    return {
        "地区": region,
        "地名": place,
        "级": level,
        "简称": org.short or f"{level}政协",
        "党委": org.party or f"中共{region}委",
        "党委简称": f"{level}委",
        "人大": f"{level}人大",
        "政府": f"{level}政府",
        "全域": f"全{level}",
        "全称": committee_full,
        "委员会": f"政协{region}第{term}届委员会",
        "届": term,
        "会次": meeting.session,
        "会议": f"第{cn(meeting.session)}次会议",
    }


class Renderer:
    def __init__(self, template_dirs: list[Path] | None = None):
        dirs = [*(template_dirs or []), templates_dir()]
        self.env = jinja2.Environment(
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
                return yaml.safe_load(p.read_text(encoding="utf-8"))
        raise FileNotFoundError("slots.yaml")

    def render(self, facts: Facts) -> tuple[str, Stats]:
        stats = Stats()
        o = names(facts)
        slot_module = self.env.get_template("slots.j2").make_module({"o": o})

        def free(text) -> str:
            text = flat(text)
            stats.free += len(text)
            return text

        def slot(value: SlotValue) -> str:
            text = str(getattr(slot_module, value.type.macro)(value.values)).strip()
            stats.slot += len(text)
            return text

        def content(item) -> str:
            pieces = [slot(p) if isinstance(p, SlotValue) else free(p) for p in item.content]
            return join_clauses(pieces)

        def lead(text: str) -> str:
            return f"**{free(with_stop(text))}**" if text else ""

        template = self.env.get_template(KIND_TEMPLATES[facts.kind])
        text = template.render(facts=facts, o=o, free=free, content=content, lead=lead,
                               date=facts.meeting.date)
        text = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
        stats.total = sum(len(ln.replace("**", "")) for ln in text.splitlines())
        return text, stats
