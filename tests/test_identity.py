"""Who, where and when a report is, read from its front matter or a news item's first lines."""
import pytest

from generator import identity
from generator.names import derive_names
from generator.parse import parse


def tree(text):
    return parse(text)


@pytest.mark.parametrize("text, region, parent", [
    ("中国人民政治协商会议天津市西青区第十届委员会第四次会议开幕。", "西青区", "天津市"),
    ("中国人民政治协商会议第十五届代县委员会常务委员会工作报告\n\n各位委员:\n\n正文。", "代县", ""),
    ("政协第十三届贵州省委员会第一次会议今天开幕。", "贵州省", ""),
    ("在政協雲南省第十三屆委員會第三次會議上", "雲南省", ""),   # the writer's own characters
    ("中國人民政治協商會議全國委員會常務委員會工作報告\n\n各位委員:\n\n正文。", "全国", ""),
    ("1月26日上午,省政协主席葛慧君代表政协第十三届山东省委员会常务委员会作报告。在全国政协有力指导下。",
     "山东省", ""),
    ("会上,刘伟代表十二届省政协常委会作工作报告。", "", ""),          # no name: flagged, never guessed
    ("深圳市福田区政协六届六次会议开幕。", "福田区", "深圳市"),
    ("以科学发展观为指导,认真贯彻市政协六届一次会议精神。", "", ""),      # 贯彻 is no place's name
    ("各位委员:\n\n我受中国人民政治协商会议第十二届全国委员会常务委员会委托,向大会报告提案工作情况,请予审议。", "全国", ""),
    ("在自治区政协十三届四次会议上。中国人民政治协商会议新疆维吾尔自治区委员会", "新疆维吾尔自治区", ""),
    ("1月25日上午,政协珠海市香洲区八届七次会议开幕。区政协主席林某某代表区政协八届委员会作工作报告。",
     "香洲区", "珠海市"),   # 政协…八届 without 第; 林某某代表区 is no name
    ("1月23日上午,中国人民政治协商会议乌审旗第十五届委员会第三次会议胜利闭幕。", "乌审旗", ""),   # 审 may be in a name
    ("会议通过了关于旗政协十五届二次会议以来提案工作情况报告的决议。", "", ""),   # 关于 is no name
    ("大会选举县政协第一届委员会主席、副主席。", "", ""),
    ("热烈祝贺县政协七届三次会议隆重召开。", "", ""),
    ("区委统战部副部长就区政协第十届委员会委员建议名单作了说明。", "", ""),   # 就 starts no name
    ("要精心筹划县政协七届一次会议,精心做好会议材料。", "", ""),
    ("5月14日,区政协召开主席会议,专题研究区政协七届二次会议的有关事项。", "", ""),
    ("市委书记丁某某预祝市政协八届二次会议圆满成功。", "", ""),
    ("要聚焦区政协十五届六次会议部署的各项任务。", "", ""),
    ("中国人民政治协商会议北京市海淀区委员会2006年年鉴\n\n常委会议传达全国政协十届四次会议精神。", "海淀区", "北京市"),
])
def test_the_region_is_read_from_where_it_is_named(text, region, parent):
    where = identity.region(tree(text))
    assert (where.region, where.parent) == (region, parent)


@pytest.mark.parametrize("text, region, sure", [
    ("回眸2025年,市政协牢牢把握团结和民主两大主题,为美丽厦门建设献计出力。\n\n厦门是“海丝”战略支点城市。", "厦门市", True),
    ("2025年,自治区政协围绕建设富裕文明新广西履职尽责,全年召开协商会议12次。", "广西壮族自治区", False),  # named once
    ("2025年,州政协围绕延边民宿产业开展协商,全州政协委员积极建言。", "延边朝鲜族自治州", False),
    ("市政协组织委员赴苏州、无锡考察学习。", "", True),             # two cities: neither is the committee's
    ("市政协围绕长治久安协商建言,助力社会长治久安。", "", True),      # a saying, not 长治
    ("委员分组审议市政协常委会工作报告和市政协十四届三次会议以来提案工作情况的报告。天津开启新征程,天津仍处在负重前行期。",
     "天津市", True),   # 会工作报告和市 is no name
    ("来自全市各条战线的政协委员参加市政协十一届三次会议。肩负着推进保定又好又快发展的使命。", "保定市", False),
])
def test_a_committee_naming_only_its_level_is_placed_by_the_one_place_it_names(text, region, sure):
    where = identity.region(tree(text))
    assert where.region == region
    assert not region or where.sure == sure   # once only: listed under 请核对


@pytest.mark.parametrize("text, region", [
    ("2016年12月30日,政协第十四届委员会第二十次主席会议于北京市政协召开。", "北京市"),    # cut to the place
    ("各界人士串聯起綿陽市政協的履職故事。", "綿陽市"),                      # the writer's characters
    ("会议号召组织市政协委员深入基层。", ""),                               # 组织市 is no place
    ("全体区政协委员团结带领区政协机关干部开展工作。", ""),
    ("芜湖县政协召开常委会议。", "芜湖县"),                                # a name no longer in use
    ("红河州政协委员深入调研。", "红河哈尼族彝族自治州"),                  # a short form, known and spelled out
])
def test_a_region_named_in_passing_must_be_a_real_place(text, region):
    where = identity.region(tree(text))
    assert where.region == region and where.sure is False or not region and not where.region


@pytest.mark.parametrize("text, level", [
    ("昨天下午,区政协召开十届二十八次常委会议。区政协领导出席。全国政协委员列席。", "区"),
    ("2024年,自治区政协围绕中心工作履职尽责。", "自治区"),
    ("全国政协委员某某参加讨论。", ""),
])
def test_the_level_a_text_calls_its_committee_by_is_read_when_it_names_no_place(text, level):
    assert identity.level_said(tree(text)) == level


@pytest.mark.parametrize("text, term, session, sure", [
    ("——在政协第十四届全国委员会第一次会议上", 14, 1, True),
    ("省政协十一届五次会议在广州开幕。", 11, 5, True),
    ("勉縣政協十三屆二次會議開幕。", 13, 2, True),
    ("中国人民政治协商会议某某县十三届委员会第二次会议隆重开幕。", 13, 2, True),   # the term without 第
    ("某某省十届第三次会议24日上午隆重开幕。", 10, 3, True),
    ("各位委员:\n\n一、2012年工作回顾\n\n九届一次会议期间,组织广大委员通过分组讨论等形式协商。", None, None, False),   # a past session
    ("杜伟代表政协第十一届南宁市委员会常务委员会向大会报告工作。", 11, None, False),
    ("政协第十二届全国委员会第一次主席会议12日下午举行。刚刚闭幕的全国政协十二届一次会议,选举组成主席会议。", 12, None, False),   # a plenary just closed
])
def test_the_meeting_is_read_in_any_of_its_forms(text, term, session, sure):
    m = identity.meeting(tree("标题\n\n" + text))
    assert (m.term, m.session, m.sure) == (term, session, sure)


@pytest.mark.parametrize("text, term", [
    ("这一年,是十三届市政协履职的第二年。", 13),
    ("十四届全国政协以高度的政治责任感履职尽责。", 14),
    ("2月16日下午,县政协召开九届九次常委会。", 9),
    ("区政协召开十届二十八次常委会议。", 10),
    ("县政协召开六届第52次主席(扩大)会议。", 6),
    ("今年是新一届政协的开局之年。", None),               # 新一届: no term
    ("学习贯彻党的十八届三中全会精神。", None),            # a party's plenum
    ("认真落实区委十三届十次全会部署。", None),
    ("县委十四届第95次常委会研究了政协工作。", None),      # a party's standing committee
])
def test_a_committees_term_said_in_passing_is_read_as_its_term_only(text, term):
    m = identity.meeting(tree("标题\n\n" + text))
    assert (m.term, m.session, m.sure) == (term, None, False)


def test_levels_include_autonomous_regions_and_the_national_committee():
    assert derive_names("广西壮族自治区")["级"] == "自治区" and derive_names("广西壮族自治区")["简称"] == "自治区政协"
    national = derive_names("全国", term=14, session=1)
    assert national["简称"] == "全国政协" and national["委员会"] == "政协第十四届全国委员会"


@pytest.mark.parametrize("region, place, level", [
    ("恩施土家族苗族自治州", "恩施州", "州"), ("黔西南布依族苗族自治州", "黔西南州", "州"), ("陵水黎族自治县", "陵水", "县"),
    ("广西壮族自治区", "广西", "自治区"), ("内蒙古自治区", "内蒙古", "自治区"), ("浦东新区", "浦东新区", "区"),
    ("锡林郭勒盟", "锡林郭勒盟", "盟"), ("鄂伦春自治旗", "鄂伦春自治旗", "旗"),
    ("平昌县", "平昌", "县"), ("黔西南州", "黔西南", "州"), ("代县", "代县", "县"), ("贵州省", "贵州省", "省"),
    ("內蒙古自治區", "內蒙古", "自治区"), ("大渡口區", "大渡口", "区"),   # traditional, kept as written
])
def test_a_regions_short_name_and_level_come_from_the_names_table(region, place, level):
    names = derive_names(region)
    assert (names["地名"], names["级"], names["简称"]) == (place, level, level + "政协")


def test_an_autonomous_prefecture_is_named_by_its_short_form_in_the_closing(write):
    from generator.api import draft

    from conftest import FIXTURES

    base = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
    facts = base.replace("  地区: 丹东市\n  上级地区: 辽宁省", "  地区: 恩施土家族苗族自治州\n  上级地区: 湖北省")
    facts = facts.replace("  目标: 为丹东全面振兴新突破作出新的更大贡献\n", "")
    text = draft(write("f.yaml", facts)).text
    assert "为推动恩施州高质量发展" in text and "恩施土家族苗族自治高质量" not in text
    assert "中共恩施土家族苗族自治州委" in text


def test_a_proposal_report_is_known_for_another_kind():
    t = tree("摘要\n\n各位委员:我代表政协某某省第十二届委员会常务委员会,向大会报告二次会议以来的提案工作情况,请予审议。\n")
    assert identity.other_kind(t).startswith("报告") and identity.other_kind(tree("各位委员:\n\n我代表常委会报告工作。\n")) == ""


@pytest.mark.parametrize("text, year", [
    ("1月15日讯 中国人民政治协商会议第十届浙江省委员会第四次会议今天上午开幕。", 2011),
    ("政协第十三届贵州省委员会第一次会议今天举行开幕会。", 2023),
    ("全国政协十二届四次会议今天开幕。中国人民政治协商会议全国委员会常务委员会作报告。", 2016),
    ("政协第十二届某某市委员会第二次会议开幕。", None),          # a city's terms are its own
    ("政协甘肃省第十三届委员会常务委员会第四次会议召开。", None),   # a standing committee's meeting
    ("政协第五届浙江省委员会第二次会议开幕。", None),              # before the table's years
])
def test_a_provincial_plenarys_year_comes_from_its_term_and_session(text, year):
    assert identity.meeting_year(tree(text)) == year


def test_a_province_named_in_passing_is_the_committees_when_the_text_says_provincial_committee():
    text = "27日上午,省政协十一届三次会议在福州开幕。张某平代表十一届省政协常委会向大会作工作报告。在中共福建省委的领导下。"
    assert identity.meeting_year(tree(text)) == 2015
    assert identity.meeting_year(tree(text.replace("省政协", "县政协"))) is None


def test_a_picture_posts_short_lines_are_read_as_one_sentence():
    t = tree("1月1日\n\n政协某某区第十三届委员会\n\n第二次会议隆重开幕\n\n在过去的2022年里\n\n区政协都做了哪些工作呢?\n")
    assert identity.meeting(t).session == 2 and identity.region(t).region == "某某区"
    assert identity.glue(["短句一", "短句二", "一句完整的话。", "又一句"]) == ["短句一短句二一句完整的话。", "又一句"]


def test_a_meeting_whose_spirit_is_implemented_is_not_the_one_reported_to():
    assert identity.meeting(tree("认真贯彻市政协六届一次会议精神,开展工作。")).session is None
    assert identity.meeting(tree("顺利完成了十届四次会议确定的目标任务。")).session is None


def test_the_committee_a_report_names_first_is_its_own_not_the_national_one_it_mentions():
    t = tree("各位委員:\n\n我受中國人民政治協商會議天津市第十一屆委員會常務委員會的委託,向大會作工作報告。\n\n"
             "一、工作回顧\n\n在全國政協十屆四次會議上,在津全國政協委員聯名提出建議。\n")
    assert identity.region(t).region == "天津市" and identity.meeting(t).session is None
    assert t.meta.speaker == ""


def test_a_transcripts_slip_naming_the_committees_meeting_keeps_the_plenarys_year():
    tree = parse("全国政协十三届一次会议开幕会\n\n据新华社3月3日消息,全国政协十三届一次会议开幕会3日15时在人民大会堂举行。\n\n"
                 "请俞某某同志代表政协第十二届全国委员会常务委员会会议作工作报告。\n")
    assert identity.meeting_year(tree) == 2018


def test_the_place_table_covers_every_province_and_city_the_other_tables_name():
    from generator.resources import data_dir
    from generator.yamlio import load_data_file

    divisions = load_data_file(data_dir() / "divisions.yaml")
    places = load_data_file(data_dir() / "places.yaml")
    terms = load_data_file(data_dir() / "terms.yaml")
    assert {p for p in terms if p != "全国"} <= set(divisions)
    for province, cities in places.items():
        if province in divisions:
            assert {c + "市" for c in cities} <= set(divisions[province]), province


@pytest.mark.parametrize("text, region", [
    ("昨天上午,区政协召开常委会议。会议听取了金安区2023年民生实事的通报。", "金安区"),
    ("區政協組織委員視察。委員們來到長寧區某街道。", "長寧區"),             # the writer's characters
    ("区政协组织委员视察,走访了金安区和裕安区的企业。", ""),               # two places: neither
    ("区政协组织委员走访城区企业。", ""),                                  # 城区 is a word, not a place
])
def test_a_committee_naming_only_its_level_is_placed_by_the_one_known_place_of_that_level(text, region):
    where = identity.region(tree(text))
    assert where.region == region and (not region or where.sure is False)


def test_a_text_that_speaks_only_of_the_national_committee_is_placed_there_unsure():
    where = identity.region(tree("一年来,全国政协围绕中心建言。全国政协委员积极履职。\n"))
    assert (where.region, where.sure) == ("全国", False)
    assert identity.region(tree("全国政协委员、市政协主席某某指出,全国政协的部署要落实。\n")).region != "全国"
