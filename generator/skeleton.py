"""reportgen init: a skeleton facts file from the learned schema, commented for the person filling it."""
from __future__ import annotations

import datetime as dt

from .facts import PART_KEYS
from .resources import topic_years
from .render import Renderer
from .report_types import ReportType
from .schema import FactUse, Schema
from .slots import SlotType
from .topics import Vocabulary

def _field_examples(stype: SlotType, topic_facts: list[FactUse]) -> dict[str, str]:
    """For each field, a corpus clause whose number is that field's (read as extract reads
    numbers into facts), with its source; a field no clause fills has none."""
    from .extract import content_pieces

    out: dict[str, str] = {}
    for entry in topic_facts:
        for ex in entry.examples:
            for piece in content_pieces(ex.text):
                for name in piece.get(stype.name, {}) if isinstance(piece, dict) else ():
                    out.setdefault(name, f"例:“{ex.text}”({ex.source[:3]})")
    return out


def _own_topic(examples, topic: str, vocabulary):
    """The first example whose own words are about `topic` (a lead learned under a section
    can be about something else: 聚焦热点,更加有效献计出力 under 社情民意信息)."""
    if vocabulary is None:
        return examples[0] if examples else None
    return next((ex for ex in examples if vocabulary.about(ex.text, topic)), None)


def _slot_lines(stype: SlotType, topic_facts: list[FactUse], pad: str) -> list[str]:
    lines = [f"{pad}事实:{' ' * 10}# {stype.name}:{stype.help}"]
    examples = _field_examples(stype, topic_facts)
    for field in stype.fields.values():
        unit = f"{field.unit}。" if field.unit else {"列表": "列表。", "文件": "文件标题的列表。"}.get(field.type, "")
        note = " ".join(x for x in (unit + (field.help or ""), examples.get(field.name, "")) if x)
        lines.append(f"{pad}  {field.name}:{' ' * max(1, 10 - len(field.name) * 2)}# {note}".rstrip())
    return lines


def skeleton(rtype: ReportType, schema: Schema, renderer: Renderer, today: dt.date | None = None) -> str:
    today = today or dt.date.today()
    # drafting in the second half of a year is drafting that year's report; in the first half,
    # the last year's. The plenary where it is given meets early in the next year.
    year = today.year if today.month >= 7 else today.year - 1
    meeting_day = max(dt.date(year + 1, 1, 15), today)
    years = topic_years()
    vocabulary = Vocabulary(schema.keywords) if schema.keywords else None
    learned = schema.learned(rtype.name)
    meeting = "会议" in rtype.required
    out = [f"# reportgen init 生成的{rtype.label}事实骨架。",
           "# 按注释填写;空着的事实、标题和段落不会出现在正文里,现在就能生成:",
           "#   reportgen build 本文件 -o 报告.docx",
           "# 板块以主题为键,按往年报告中的通常顺序排列;没写标题的用该主题最常见的标题。",
           f"类型: {rtype.name}",
           f"年度: {year}              # 回顾的年份",
           "机构:",
           "  地区: 某某县          # 改成本地区,如 平昌县;“县政协”“县委”等称谓由此推出",
           "  上级地区: ''          # 全称中的省份,如 辽宁省(县级可空)"]
    if meeting:
        out += ["会议:",
                "  届次: 1               # 第几届委员会",
                "  会次: 1               # 第几次会议",
                f"  日期: {meeting_day.isoformat()}     # 会议日期(示例:改成实际日期)",
                "  报告人: ''            # 如 县政协主席 某某(可空)",
                "称呼: '各位委员\uff1a'     # 报告开头的称呼"]
    else:
        out += [f"日期: {meeting_day.isoformat()}     # 发布日期(示例:改成实际日期)",
                f"标题: ''                # 如 某某县政协{year}年{rtype.label}(空着则自动生成)",
                "副标题: ''"]
    for spec in rtype.parts:
        part = learned.part(spec.role)
        if learned.parts and not part:
            continue  # a part past reports of this type never had (年度: 主要体会)
        topics = part.topics if part else []
        heading = next((h for h in (part.headings if part else ()) if not h.startswith("(")), "")
        notes = [spec.note, f"往年常用标题:{heading}" if heading else
                 f"默认标题:{spec.heading}" if spec.heading else ""]
        note = ";".join(n for n in notes if n)
        out += [f"{PART_KEYS[spec.role]}:" + (f"{' ' * 14}# {note}" if note else ""),
                "  概述: []              # 本部分开头的段落,每段一项"]
        if spec.ordinal:
            out += ["  事项: []              # 每条一项:{引语: 必须……,始终……, 内容: ……},自动编为“一是……”"]
        out.append("  板块:" + ("" if topics else " []"))
        for topic in topics:
            name = topic.topic
            first, last = years.get(name, (0, 9999))
            if not first <= year <= last:
                continue  # a topic of other years (疫情防控 after 2022)
            heading_ex = _own_topic(topic.heading_examples, name, vocabulary)
            lead_ex = _own_topic(topic.lead_examples, name, vocabulary)
            out.append(f"    {name}:")
            out.append("      标题: ''          # " + (f"例:{heading_ex.text}({heading_ex.source[:3]})"
                                                   if heading_ex else "这一板块的标题"))
            out.append("      事项: []          # 每段一项:{引语: 段首加粗的一句, 内容: [文字, {类别: {…}}]}"
                       + (f";引语例:{lead_ex.text}({lead_ex.source[:3]})" if lead_ex else ""))
            stype = renderer.slots.for_topic(name)
            if stype:
                learned_topic = schema.topics.get(name)
                out += _slot_lines(stype, learned_topic.facts if learned_topic else [], "      ")
        if "shortcomings" in spec.after:
            out += ["  不足: []              # 工作中的不足,每条一项,生成“同时,我们也清醒地认识到……”"]
    out += ["结束语:                # 结尾:引语是开头的一句警句,目标是最后的落脚点(都可空)",
            "  引语: ''",
            "  目标: ''"]
    return "\n".join(out) + "\n"
