"""The schema is learned from the corpus, deterministically, and drives generation."""
import re

import pytest
import yaml

from conftest import FIXTURES, ROOT, SEEDS
from generator.api import draft, load_schema, parse_file
from generator.errors import ReportgenError
from generator.learn import dump, learn
from generator.render import Renderer

SCHEMA = ROOT / "corpus" / "schema.yaml"


@pytest.fixture(scope="module")
def schema():
    return learn(ROOT / "corpus")


def test_committed_schema_is_a_fresh_learn(schema):
    assert SCHEMA.read_text(encoding="utf-8") == dump(schema)
    assert dump(learn(ROOT / "corpus")) == dump(schema)  # and learning again changes nothing


def test_report_kinds_and_their_parts(schema):
    kinds = schema["报告类型"]
    assert {k: v["篇数"] for k, v in kinds.items()} == {"年度": 2, "届末": 1, "综述": 2}
    annual = kinds["年度"]["部分"]
    assert [p["类别"] for p in annual] == ["review", "plan"]
    # years become placeholders; ties keep the corpus order
    assert list(annual[0]["标题"].items()) == [("过去一年的工作", 1), ("{去年}年工作回顾", 1)]
    assert [p["类别"] for p in kinds["届末"]["部分"]] == ["review", "lessons", "plan"]


def test_topics_carry_examples_with_their_sources(schema):
    review = schema["报告类型"]["年度"]["部分"][0]["主题"]
    theory = next(t for t in review if t["主题"] == "理论学习与思想政治引领")
    assert theory["出现"] == 2 and theory["位置"] < 0.5
    assert any(e["来源"].startswith("000") for e in theory["标题示例"])
    positions = [t["位置"] for t in review]
    assert positions == sorted(positions)


def test_fact_slots_are_found_with_units(schema):
    slots = {(f["名词"], f["单位"]) for f in schema["主题"]["提案"]["事实"]}
    assert ("提案", "件") in slots and ("立案", "件") in slots
    example = schema["主题"]["提案"]["事实"][0]["例句"][0]
    assert example["来源"].endswith(".txt") and any(ch.isdigit() for ch in example["文字"])


def test_keywords_are_learned_beyond_the_seed_words(schema):
    seeds = yaml.safe_load((ROOT / "generator" / "data" / "topics.yaml").read_text(encoding="utf-8"))
    for topic, info in schema["主题"].items():
        assert set(seeds[topic]) <= set(info["关键词"])
    learned = set(schema["主题"]["理论学习与思想政治引领"]["关键词"]) - set(seeds["理论学习与思想政治引领"])
    assert {"党组", "引领"} & learned


def test_formulas_are_abstracted_and_corrected(schema):
    annual = schema["套语"]["年度"]
    opening = [v["文本"] for v in annual["开头"]]
    assert all(("{委员会}" in t or "{全称}" in t) and not re.search("平昌|丹东|云南|新疆|重庆|浙江", t) for t in opening)
    assert any("{今年}年" in t for t in opening)
    thanks = annual["致谢"][0]["文本"]
    assert "中国特色社会主义思想" in thanks and "县政协" not in thanks and "{全域}政协组织" in thanks
    assert "{不足}" in annual["不足"][0]["文本"]
    closing = annual["结束语"][0]["文本"]
    assert closing.startswith("{呼语}{引语}让我们") and "{党委}" in closing and closing.endswith("{目标}!".replace("!", "\uff01"))
    assert "{党委}" in schema["套语"]["届末"]["致谢"][0]["文本"]


def test_parse_assigns_topics_from_the_schema():
    tree = parse_file(SEEDS / "000_380862c437f24e92.txt", load_schema())
    topics = [s.topic for s in tree.parts[0].sections]
    assert topics[0] == "理论学习与思想政治引领" and topics[-1] == "委员队伍与机关建设"


def test_learning_bad_folders(tmp_path):
    with pytest.raises(ReportgenError) as e:
        learn(tmp_path / "none")
    assert "不存在" in str(e.value)
    with pytest.raises(ReportgenError) as e:
        learn(tmp_path)
    assert "没有报告" in str(e.value)


OWN = """中国人民政治协商会议某某县第{n}届委员会常务委员会工作报告

——在政协某某县第{n}届委员会第二次会议上

各位委员:

受政协某某县第{n}届委员会常务委员会委托,现将一年来的工作报告如下,请予审议。

一年来的工作

一、强化自身建设,锻造过硬委员队伍

加强委员培训,提升履职能力。组织委员培训{k}期,参训委员{m}人次。

二、加强理论武装,筑牢思想根基

坚持党组中心组学习。党组理论学习中心组集中学习{k}次。
"""


def test_an_offices_own_reports_change_what_is_built(tmp_path):
    corpus = tmp_path / "本办语料"
    corpus.mkdir()
    for n, (k, m) in enumerate([(3, 120), (4, 150)], start=1):
        (corpus / f"r{n}.txt").write_text(OWN.format(n="一二"[n - 1], k=k, m=m), encoding="utf-8")
    own = learn(corpus)
    opening = own["套语"]["年度"]["开头"][0]["文本"]
    assert opening.startswith("受{委员会}常务委员会委托,现将一年来的工作报告如下".replace(",", "\uff0c"))
    built = draft(FIXTURES / "minimal.yaml", Renderer(schema=own)).text
    assert "受政协丹东市第十五届委员会常务委员会委托\uff0c现将一年来的工作报告如下" in built
    bundled = draft(FIXTURES / "minimal.yaml").text
    assert "现将一年来的工作报告如下" not in bundled and "我代表政协丹东市" in bundled


TOPICAL = """年度: 2024
机构: {地区: 丹东市}
会议: {届次: 15, 会次: 3, 日期: 2025-01-06}
工作回顾:
  板块:
    委员队伍与机关建设:
      事项: [{内容: 增补政协委员16名。}]
    理论学习与思想政治引领:
      事项: [{内容: [{理论学习: {中心组学习: 8}}]}]
"""


def test_sections_keyed_by_topic_keep_the_writers_order_and_get_the_schemas_headings(write):
    text = draft(write("f.yaml", TOPICAL)).text
    first = text.index("二、")
    assert text.index("增补政协委员16名") < text.index("中心组集中学习8次")   # as the file has them
    schema = load_schema()
    review = schema.learned("年度").part("review").topics
    heading = next(t for t in review if t.topic == "理论学习与思想政治引领").heading_examples[0].text
    assert text[first:].startswith("二、" + heading)


def test_unknown_topic_key_is_reported(write):
    with pytest.raises(ReportgenError) as e:
        draft(write("f.yaml", TOPICAL.replace("委员队伍与机关建设:", "委员队伍建设:")))
    p = e.value.problems[0]
    assert "不是已知的主题" in p.message and "委员队伍与机关建设" in p.hint and p.line == 6


def test_build_with_a_schema_file(cli, tmp_path):
    out = tmp_path / "r.md"
    code, _, err = cli("build", FIXTURES / "minimal.yaml", "-o", out, "--schema", SCHEMA)
    assert code == 0, err
    code, _, err = cli("build", FIXTURES / "minimal.yaml", "-o", out, "--schema", FIXTURES / "minimal.yaml")
    assert code == 1 and "不是 reportgen learn 生成的结构文件" in err


def test_learn_command_writes_the_schema(cli, tmp_path):
    out = tmp_path / "s.yaml"
    code, stdout, err = cli("learn", ROOT / "corpus", "-o", out)
    assert code == 0, err
    assert "5 篇报告" in stdout and out.read_text(encoding="utf-8") == SCHEMA.read_text(encoding="utf-8")


def test_a_sections_facts_are_written_by_its_topic(write):
    text = draft(write("f.yaml", TOPICAL + "    提案:\n      事实: {提交: 71, 立案: 68, 办结: 68}\n")).text
    assert "共提交提案71件\uff0c经审查立案交办提案68件\uff0c均已办结。" in text


def test_section_facts_are_checked_against_the_topics_fields(write):
    with pytest.raises(ReportgenError) as e:
        draft(write("f.yaml", TOPICAL + "    提案:\n      事实: {提交: 很多, 立按: 3}\n"))
    by_key = {p.path[-1]: p for p in e.value.problems}
    assert by_key["提交"].path == ("工作回顾", "板块", "提案", "事实", "提交") and "应为数量" in by_key["提交"].message
    assert "立案" in by_key["立按"].hint
    listed = TOPICAL.split("工作回顾:")[0] + "工作回顾:\n  板块:\n    - 标题: 某板块\n      事实: {提交: 3}\n"
    with pytest.raises(ReportgenError) as e:
        draft(write("g.yaml", listed))
    (p,) = e.value.problems
    assert "没有写主题" in p.message and p.path == ("工作回顾", "板块", 0, "事实") and p.line == 7
