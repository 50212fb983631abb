"""reportgen init (a skeleton that builds as is) and reportgen suggest (phrases for a topic)."""
import datetime as dt

import pytest
import yaml

from generator.api import build, draft, init, load_schema, suggest
from generator.errors import ReportgenError

TODAY = dt.date(2026, 1, 15)


@pytest.mark.parametrize("kind", ["年度", "届末", "提案", "综述"])
def test_skeleton_builds_as_is_with_nothing_printed_blank(kind, tmp_path):
    path = init(kind, tmp_path / "f.yaml", today=TODAY)
    d = draft(path)
    assert d.facts.report_type == kind
    assert "None" not in d.text and "{" not in d.text and "零届" not in d.text
    # every section in the skeleton is empty, so no section heading appears
    assert not any(p.sections for p in d.tree.parts)
    build(path, tmp_path / "r.docx")


def test_skeleton_follows_the_schema_and_names_units_and_examples(tmp_path):
    text = init("年度", tmp_path / "f.yaml", today=TODAY).read_text(encoding="utf-8")
    facts = yaml.safe_load(text)
    schema = load_schema()
    review = schema.learned("年度").part("review")
    # the schema's topics in its order, but for 疫情防控, a topic of 2020-2022 only
    assert list(facts["工作回顾"]["板块"]) == [t.topic for t in review.topics if t.topic != "疫情防控"]
    assert facts["年度"] == 2025 and facts["会议"]["日期"] == TODAY

    filed = next(ln for ln in text.splitlines() if ln.strip().startswith("立案:"))
    assert "# 件。" in filed and "例:“" in filed and "(0" in filed
    assert all(v is None for v in facts["工作回顾"]["板块"]["提案"]["事实"].values())


def test_a_filled_skeleton_section_appears(tmp_path):
    path = init("年度", tmp_path / "f.yaml", today=TODAY)
    facts = yaml.safe_load(path.read_text(encoding="utf-8"))
    facts["工作回顾"]["板块"]["提案"]["事实"].update({"提交": 71, "立案": 68, "办结": 68})
    facts["工作回顾"]["板块"]["理论学习与思想政治引领"]["事实"]["中心组学习"] = 8
    path.write_text(yaml.safe_dump(facts, allow_unicode=True), encoding="utf-8")
    d = draft(path)
    assert "共提交提案71件\uff0c经审查立案交办提案68件\uff0c均已办结" in d.text
    assert "中心组集中学习8次" in d.text
    (section,) = d.tree.parts[0].sections  # 提案 has no learned heading: its paragraph stands alone
    review = load_schema().learned("年度").part("review").topics
    theory = next(t for t in review if t.topic == "理论学习与思想政治引领")
    assert section.heading == theory.heading_examples[0].text


def test_init_keeps_an_existing_file(tmp_path):
    out = tmp_path / "f.yaml"
    out.write_text("# 我填了一半\n", encoding="utf-8")
    with pytest.raises(ReportgenError):
        init("年度", out)
    assert out.read_text(encoding="utf-8") == "# 我填了一半\n"
    init("年度", out, force=True)
    assert list(tmp_path.glob("f.备份-*.yaml"))


def test_suggest_ranks_phrases_of_the_topic_with_sources():
    found = suggest("提案")
    leads = [t for t, _, _ in found["引语"]]
    assert "提案办理关注民生民情。" in leads
    assert all(src.endswith(".txt") for _, src, _ in found["表述"])
    assert any("379件" in t for t, _, _ in found["表述"])
    scores = [s for _, _, s in found["表述"]]
    assert scores == sorted(scores, reverse=True)


def test_suggest_by_part():
    plan = suggest("理论学习与思想政治引领", part="plan")
    assert plan["标题"][0][0].startswith("坚持党的领导")
    assert all("工作回顾" not in t for t, _, _ in plan["标题"])


def test_suggest_unknown_topic(cli):
    code, _, err = cli("suggest", "提按")
    assert code == 1 and "“提按”不是已知的主题" in err and "是否想写“提案”" in err


def test_init_and_suggest_commands(cli, tmp_path):
    code, out, _ = cli("init", "--type", "届末", "-o", tmp_path / "j.yaml")
    assert code == 0 and "届末" in out and (tmp_path / "j.yaml").exists()
    code, out, _ = cli("suggest", "提案")
    assert code == 0 and "引领句:" in out and "〔004_" in out


@pytest.mark.parametrize("today, year, day", [
    (dt.date(2026, 12, 1), 2026, dt.date(2027, 1, 15)),   # drafting this year's report
    (dt.date(2026, 2, 20), 2025, dt.date(2026, 2, 20)),   # last year's, at the meeting's season
    (dt.date(2021, 2, 20), 2020, dt.date(2021, 2, 20)),
])
def test_a_skeletons_year_and_date_follow_the_meeting_season(tmp_path, today, year, day):
    facts = yaml.safe_load(init("年度", tmp_path / "f.yaml", today=today).read_text(encoding="utf-8"))
    assert facts["年度"] == year and facts["会议"]["日期"] == day
    assert ("疫情防控" in facts["工作回顾"]["板块"]) == (2020 <= year <= 2022)


def test_each_hint_comes_from_its_own_field_and_topic(tmp_path):
    import re

    from generator.extract import content_pieces
    from generator.topics import Vocabulary

    text = init("年度", tmp_path / "f.yaml", today=TODAY).read_text(encoding="utf-8")
    vocab = Vocabulary(load_schema().keywords)
    category = topic = None
    checked = 0
    for line in text.splitlines():
        if re.match(r"^    \S+:$", line):
            topic = line.strip()[:-1]
        m = re.match(r"^\s+事实:\s+# (\S+?):", line)
        if m:
            category = m.group(1)
        m = re.match(r"^\s+(\S+):\s+# .*例:“(.+?)”", line)
        if m and category:   # a field's example puts its number in that very field
            pieces = [p for p in content_pieces(m.group(2)) if isinstance(p, dict)]
            assert any(m.group(1) in p.get(category, {}) for p in pieces), line
            checked += 1
        m = re.search(r"引语例:(.+?)\(", line)
        if m and topic:      # a lead's example speaks of the section's topic
            assert vocab.about(m.group(1), topic), line
            checked += 1
    assert checked >= 10
