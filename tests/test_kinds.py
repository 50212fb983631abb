"""Every report kind: annual (both hierarchies, numbered parts), term-end, review article."""
import pytest

from conftest import FIXTURES
from generator.api import draft
from generator.errors import ReportgenError
from generator.tree import Paragraph

C = "\uff0c"


def kinds_and_headings(tree):
    return [(p.role, p.number + p.heading, [s.number + s.heading for s in p.sections]) for p in tree.parts]


def test_term_end_report_has_its_three_numbered_parts():
    d = draft(FIXTURES / "termend.yaml")
    assert kinds_and_headings(d.tree) == [
        ("review", "一、过去五年的工作", [f"(一)恪守民本理念{C}促进民生改善{C}履职为民情怀更加凸显".replace("(", "\uff08").replace(")", "\uff09")]),
        ("lessons", "二、五年工作的主要体会", []),
        ("plan", "三、今后工作的建议", [f"(一)聚焦履职初心{C}肩负政治担当{C}在坚持党的领导下坚守政协初心".replace("(", "\uff08").replace(")", "\uff09")]),
    ]
    lessons = d.tree.parts[1]
    assert [p.lead for p in lessons.paragraphs if p.lead] == [
        f"一是必须坚决维护核心{C}始终坚持党对人民政协的领导。",
        f"二是必须倾力服务中心{C}始终围绕全县大局谋划推进政协工作。"]


def test_term_end_formulas_come_from_the_term_end_schema():
    text = draft(FIXTURES / "termend.yaml").text
    assert f"各位委员{C}过去五年我们取得的成绩{C}是中共代县县委坚强领导的结果" in text
    assert f"工作中还存在政协专门协商机构作用有待进一步发挥{C}联系服务委员的渠道有待进一步拓宽等一些薄弱环节" in text


def test_annual_report_with_numbered_parts(write):
    base = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
    d = draft(write("f.yaml", base + "部分编号: 是\n"))
    parts = kinds_and_headings(d.tree)
    assert [p[:2] for p in parts] == [("review", "一、过去一年的工作"), ("plan", "二、今年工作安排")]
    assert parts[0][2][0].startswith("\uff08一\uff09把握")
    assert d.tree.parts[0].sections[0].paragraphs[1].lead == "坚定政治站位。"


def test_annual_report_with_ordinal_leads(write):
    base = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
    d = draft(write("f.yaml", base.replace("      导语: 常委会坚持", "      序号引语: 是\n      导语: 常委会坚持")))
    leads = [p.lead for p in d.tree.parts[0].sections[0].paragraphs if p.lead]
    assert leads == ["一是坚定政治站位。", "二是提案工作成效显著。"]


def test_review_article_has_no_salutation_and_plain_titles():
    d = draft(FIXTURES / "article.yaml")
    m = d.tree.meta
    assert m.title.startswith("百舸争流万山过") and m.date == "2023-01-01" and not m.salutation
    assert not m.meeting and "我受" not in d.text
    (part,) = d.tree.parts
    assert part.role == "review" and [s.heading for s in part.sections] == ["旗帜鲜明讲政治", "创先争优树品牌"]
    assert all(s.form == "plain" for s in part.sections)
    closing = part.children[-1]
    assert isinstance(closing, Paragraph) and closing.text.startswith("团结奋斗集众智")
    assert closing.text.endswith("为加快建设成渝地区中部崛起示范区贡献更大力量。")


def test_article_subtitle(write):
    base = (FIXTURES / "article.yaml").read_text(encoding="utf-8")
    d = draft(write("f.yaml", base.replace("标题: 百舸争流万山过——资阳市政协2022年工作综述",
                                           "标题: 不负党委重托 不忘人民期盼\n副标题: 黔西南州政协工作回眸")))
    assert (d.tree.meta.title, d.tree.meta.subtitle) == ("不负党委重托 不忘人民期盼", "黔西南州政协工作回眸")


@pytest.mark.parametrize("fixture,drop,needs", [("minimal.yaml", "会议:", "会议"), ("article.yaml", "日期:", "日期")])
def test_each_kind_names_what_it_requires(write, fixture, drop, needs):
    lines = (FIXTURES / fixture).read_text(encoding="utf-8").splitlines()
    i = next(i for i, ln in enumerate(lines) if ln.startswith(drop))
    j = i + 1
    while j < len(lines) and lines[j].startswith("  "):
        j += 1
    with pytest.raises(ReportgenError) as e:
        draft(write("f.yaml", "\n".join(lines[:i] + lines[j:]) + "\n"))
    assert f"缺少必填的键“{needs}”" in str(e.value)


def test_unknown_kind_is_refused(write):
    base = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
    with pytest.raises(ReportgenError) as e:
        draft(write("f.yaml", "类型: 季度\n" + base))
    assert "类型" in str(e.value) and "年度" in str(e.value) and "综述" in str(e.value)


def test_a_proposal_report_names_the_session_since_which_it_reports(tmp_path):
    from generator.api import build

    src = tmp_path / "p.yaml"
    src.write_text("类型: 提案\n年度: 2024\n机构: {地区: 丹东市, 上级地区: 辽宁省}\n"
                   "会议: {届次: 15, 会次: 4, 日期: 2025-01-06, 报告人: 市政协副主席 某某}\n"
                   "工作回顾:\n  板块:\n    - 标题: 提案提交和立案情况\n      事项: [{内容: [{提案: {提交: 391, 立案: 350}}]}]\n",
                   encoding="utf-8")
    build(src, tmp_path / "p.md", "md")
    md = (tmp_path / "p.md").read_text(encoding="utf-8")
    assert md.startswith("# 中国人民政治协商会议辽宁省丹东市第十五届委员会常务委员会关于政协十五届三次会议以来提案工作情况的报告")
    assert "向大会报告政协十五届三次会议以来的提案工作情况，请予审议。" in md and "## 提案工作情况" in md
    first = src.read_text(encoding="utf-8").replace("届次: 15, 会次: 4", "届次: 16, 会次: 1")
    src.write_text(first, encoding="utf-8")
    build(src, tmp_path / "q.md", "md")
    assert "关于十五届政协提案工作情况的报告" in (tmp_path / "q.md").read_text(encoding="utf-8")


def test_a_news_item_on_the_proposal_report_is_read_as_one_and_a_plenarys_news_is_not():
    from generator.extract import extract as to_facts
    from generator.parse import parse

    facts, _ = to_facts(parse("某某社北京3月3日电 全国政协十三届二次会议今天下午开幕。全国政协副主席苏某某"
                              "向大会报告政协十三届一次会议以来的提案工作情况。\n"))
    assert facts["类型"] == "提案"
    facts, _ = to_facts(parse("1月23日,某某省政协十三届二次会议开幕。省政协主席公某某代表常务委员会向大会报告工作,"
                              "省政协副主席匡某受常务委员会委托,向大会报告一年来的提案工作情况。\n"))
    assert facts["类型"] == "年度"
    facts, _ = to_facts(parse("4月21日上午,政协第十三届某某县委员会第五次会议召开。县政协副主席白某某受常务委员会的委托,"
                              "向大会报告四次会议以来提案工作情况。\n\n一年来,共收到提案134件。\n"))
    assert facts["类型"] == "提案"
    # a continuation page: 报告指出… is the standing committee's report, the proposal report only named after it
    facts, _ = to_facts(parse("报告指出,2017年是实施“十三五”规划的重要一年。省政协要全面贯彻落实各项部署。"
                              "受省政协十一届常委会委托,赵某某向大会报告省政协十一届四次会议以来提案工作情况。\n"))
    assert facts["类型"] == "年度"
    facts, _ = to_facts(parse("全国政协十三届一次会议开幕\n\n2149名委员出席会议;俞某某向大会报告过去五年的工作\n\n"
                              "新华社消息 中国人民政治协商会议第十三届全国委员会第一次会议3日下午开幕。"
                              "受第十二届常务委员会委托,郑某某向大会作关于政协十二届五次会议以来的提案工作情况的报告。\n"))
    assert facts["类型"] == "届末"   # the first session's report on the five years, then the proposal report
    # cut off after 受…常务委员会的委托: a plenary's news, not a review article
    facts, _ = to_facts(parse("昨日下午,中国人民政治协商会议第九届某某省委员会第四次会议隆重开幕。\n\n"
                              "大会由何某某主持。受政协第九届某某省委员会常务委员会的委托,王\n"))
    assert facts["类型"] == "年度"


def test_a_chronicle_of_the_year_is_a_review_though_it_names_the_work_report():
    from generator.extract import extract as to_facts
    from generator.parse import parse

    facts, _ = to_facts(parse("2014年政协工作大事记\n\n2014年大事记\n\n1月\n\n6日至8日,区政协召开七届三次会议。"
                              "会议听取并审议了主席唐某某作的常务委员会工作报告。\n"))
    assert (facts["类型"], facts["年度"]) == ("综述", 2014)


@pytest.mark.parametrize("text, kind", [
    # a plenary's opening reported, the report not (yet) named: the work report's kind, never a review
    ("2月23日,中国人民政治协商会议第十三届某某市委员会第二次会议在市人民大会堂隆重开幕。大会应出席委员504名。\n", "年度"),
    ("1月20日下午,中国人民政治协商会议某某区第七届委员会第五次会议在城市规划中心开幕。\n", "年度"),
    ("3月3日,全国政协十三届四次会议在北京举行新闻发布会,大会新闻发言人某某介绍相关情况。\n\n"
     "2020年,全国政协举办专题议政性常委会会议。\n", "综述"),   # a press conference is no plenary
    ("政协会议昨日开幕 提案办复率100%\n\n1月2日讯 昨日上午,政协第十二届某某市委员会第三次会议开幕。"
     "十二届某某市政协常委会2013年工作报告指出,2013年市政协认真履职。提案办理工作情况的报告显示办复率100%。\n", "年度"),
    ("中国人民政治协商会议\n\n某某市第十三届委员会第二次会议决议\n\n(2013年3月8日政协某某市第十三届委员会第二次会议通过)\n\n"
     "会议审议通过了王某某主席代表常务委员会所作的工作报告。\n", "年度"),   # listed under 请核对: a resolution
])
def test_news_of_a_plenary_and_its_resolution_take_the_work_reports_kind(text, kind):
    from generator.extract import extract as to_facts
    from generator.parse import parse

    facts, todo = to_facts(parse(text))
    assert facts["类型"] == kind
    if "决议" in text:
        assert any(t.startswith("类型(原文是“") for t in todo)


def test_a_year_told_day_by_day_is_a_chronicle_though_it_names_the_work_report():
    from generator.extract import extract as to_facts
    from generator.parse import parse

    text = ("2005年度\n\n1月23日至26日,县政协七届三次会议召开。会议听取和审议了陈某某主席代表常委会所作的工作报告。\n\n"
            "3月11日,市政协调研组来我县就社会保障体系建设开展专题调研。\n\n3月24日,市政协副主席来我县了解县域经济发展情况。\n\n"
            "5月20日,县政协召开七届十三次常委会议。\n")
    facts, _ = to_facts(parse(text))
    assert facts["类型"] == "综述"
    facts, _ = to_facts(parse(text.replace("\n\n3月", "\n\n这个月")))   # one day among paragraphs: no chronicle
    assert facts["类型"] == "年度"
