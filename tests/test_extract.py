"""reportgen extract: a report turned back into facts; building them gives the report back."""
import re
import sys

import pytest
import yaml

from compare import differences
from conftest import ROOT, SEEDS
from generator.api import build, extract, parse_file
from generator.errors import ReportgenError
from generator.extract import content_pieces

SEED_FILES = sorted(SEEDS.glob("*.txt"))


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.stem[:3])
def test_extract_then_build_gives_the_seeds_structure_and_numbers(seed, tmp_path):
    facts = extract(seed, tmp_path / "f.yaml")
    out = tmp_path / "r.docx"
    build(facts, out)
    assert differences(parse_file(seed), parse_file(out)) == []


def test_numbers_go_into_fact_slots_where_one_fits():
    pieces = content_pieces("全年共征集提案379件,经审查立案279件,全部按时办结。")
    assert pieces[0] == "全年"  # 共 is the sentence's own: 共提交提案…
    assert pieces[1] == {"提案": {"提交": 379, "立案": 279}}
    assert pieces[2].startswith(",全部按时办结")
    assert content_pieces("累计捐款捐物150余万元。") == [{"疫情防控": {"捐款捐物": "150余"}}, "。"]
    assert content_pieces("立案93件,办复93件。")[0] == {"提案": {"立案": 93}}
    # a count the sentence would swallow (均已办结) stays as written
    assert content_pieces("立案93件,办复93件。")[-1] == ",办复93件。"
    assert content_pieces("没有数字的一句话。") == ["没有数字的一句话。"]


def test_extracted_file_reads_like_a_facts_file(tmp_path):
    path = extract(SEEDS / "003_cbf5ea202d683762.txt", tmp_path / "丹东.yaml")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# 由 reportgen extract")
    facts = yaml.safe_load(text)
    assert facts["类型"] == "年度" and facts["年度"] == 2019
    assert facts["机构"] == {"地区": "丹东市", "上级地区": "辽宁省"}
    assert facts["会议"]["届次"] == 15 and facts["会议"]["会次"] == 3
    section = facts["工作回顾"]["板块"][0]
    assert section["序号引语"] == "是"
    assert section["事项"][0]["引语"] == "坚定政治站位\uff0c牢牢把握正确方向"


def test_what_the_report_does_not_say_is_marked(tmp_path):
    text = extract(SEEDS / "004_80b9ded64eff503d.txt", tmp_path / "代县.yaml").read_text(encoding="utf-8")
    assert "# 请核对:" in text and "会次" in text
    facts = yaml.safe_load(text)
    assert facts["类型"] == "届末" and facts["部分编号"] == "是"
    assert facts["主要体会"]["事项"][0]["引语"].startswith("必须坚决维护核心")


def test_extract_keeps_an_existing_file(tmp_path, cli):
    out = tmp_path / "f.yaml"
    out.write_text("# 我写的事实\n", encoding="utf-8")
    with pytest.raises(ReportgenError) as e:
        extract(SEEDS / "000_380862c437f24e92.txt", out)
    assert "已存在" in str(e.value) and out.read_text(encoding="utf-8") == "# 我写的事实\n"
    code, stdout, _ = cli("extract", SEEDS / "000_380862c437f24e92.txt", "-o", out, "--force")
    assert code == 0 and "已写出" in stdout
    assert list(tmp_path.glob("f.备份-*.yaml"))
    code, _, err = cli("extract", tmp_path / "none.docx")
    assert code == 1 and "文件不存在" in err


PUNCT = re.compile(r"[\s，。；：！？、“”‘’《》（）()【】\-—…·,.;:!?\"'*#]")


def body_sentences(tree) -> list[str]:
    """The report's sentences (paragraphs and headings, without numbers or punctuation)."""
    from generator.tree import Paragraph

    out = []
    for _, node in tree.walk():
        for s in re.split("[。！？；]", node.full if isinstance(node, Paragraph) else node.heading):
            s = PUNCT.sub("", s)
            if len(s) >= 6:
                out.append(s)
    return out


def real_reports(tmp_path):
    sys.path.insert(0, str(ROOT / "scripts"))
    import realworld

    files = sorted(SEEDS.glob("*.txt"))
    for p in sorted(realworld.FOLDER.glob("*.txt")):
        copy = tmp_path / p.name
        copy.write_text(realworld.capture(p), encoding="utf-8")
        files.append(copy)
    return files


def test_extract_then_build_gives_back_every_sentence_of_every_report(tmp_path):
    """A number goes into a fact slot only where build writes the report's own sentence."""
    worst = []
    for path in real_reports(tmp_path):
        facts = extract(path, tmp_path / (path.stem + ".yaml"))
        build(facts, tmp_path / (path.stem + ".md"))
        built = PUNCT.sub("", (tmp_path / (path.stem + ".md")).read_text(encoding="utf-8"))
        sentences = body_sentences(parse_file(path))
        lost = [s for s in sentences if s not in built]
        worst.append((1 - len(lost) / len(sentences), path.name, lost[:2]))
    assert min(worst)[0] >= 0.99, min(worst)


def test_a_region_named_in_passing_a_meeting_since_and_a_guessed_year_are_to_check(tmp_path):
    from generator.extract import extract as to_facts
    from generator.parse import parse

    facts, todo = to_facts(parse("今年的政协工作\n\n走进市政协的2020,一年来,在中共某某市委的坚强领导下,"
                                 "市政协十三届四次会议以来,共收到提案500件。\n"))
    assert facts["机构"]["地区"] == "某某市" and any(t.startswith("机构.地区") for t in todo)
    from generator import identity

    assert identity.meeting(parse("各位委员:\n\n市政协十三届四次会议以来,共收到提案500件。\n")).session is None
    facts, todo = to_facts(parse("某某网1月25日电 政协某某自治区第十一届委员会第三次会议25日上午开幕。"
                                 "主席任某某谈及2015年工作。\n"))
    assert any(t.startswith("年度") for t in todo)


def test_a_committee_reporting_at_the_next_terms_meeting_gives_a_term_report():
    from generator.extract import extract as to_facts
    from generator.parse import parse

    facts, _ = to_facts(parse("(2012年2月25日在政协某某区第十三届委员会第一次会议上)\n\n翁某某\n\n各位委员:\n\n"
                              "我受政协某某区第十二届委员会常务委员会的委托,向大会报告工作。\n\n十二届区政协工作回顾\n\n正文。\n"))
    assert facts["类型"] == "届末" and (facts["会议"]["届次"], facts["会议"]["会次"]) == (13, 1)


def test_a_year_in_chinese_numerals_a_yearbooks_year_and_an_outgoing_committee_named_without_di():
    from generator.extract import extract as to_facts
    from generator.parse import parse

    facts, todo = to_facts(parse("各位委员:\n\n二〇二〇年工作回顾\n\n一、坚持党的领导\n\n正文。\n"))
    assert facts["年度"] == 2020 and not any(t.startswith("年度") for t in todo)
    facts, todo = to_facts(parse("政协某某市委员会年鉴-2023\n\n综述\n\n【协商民主】全年召开协商会议17次。\n"))
    assert facts["年度"] == 2022 and any(t.startswith("年度") for t in todo)   # (an edition of 2023 mostly records 2022)
    facts, todo = to_facts(parse("政协某某市委员会年鉴-2023\n\n2023-12-01\n\n【协商民主】全年召开协商会议17次。\n"))
    assert facts["年度"] == 2023 and not any(t.startswith("年度") for t in todo)   # (out in 2023: records 2023)
    facts, _ = to_facts(parse("某某网1月25日讯 25日上午,省政协十二届一次会议开幕。\n\n"
                              "十一届省政协主席张某某代表十一届省政协常委会向大会作工作报告。\n"))
    assert facts["类型"] == "届末"


def test_a_news_item_on_the_plenary_gives_the_kind_of_the_report_it_reports():
    from generator.extract import extract as to_facts
    from generator.parse import parse

    def kind(text):
        facts, todo = to_facts(parse(text))
        return facts["类型"], [t for t in todo if t.startswith("类型")]

    # a term's first meeting: the outgoing committee's term report, named before the proposal report
    assert kind("州政协十四届一次会议开幕\n\n朱某某作常委会工作报告  沙某某作提案工作情况报告\n\n"
                "2月14日上午,政协某某州第十四届委员会第一次会议开幕。\n") == ("届末", [])
    # another meeting: the year's report, even when its title is quoted in the news
    assert kind("3月11日下午,政协某某旗第十五届委员会第三次会议开幕。\n\n"
                "岳某某代表常务委员会,向大会作《政协某某旗第十五届委员会常务委员会工作报告》。\n") == ("年度", [])
    # a resolution on the report is no report: kept as the default and listed to check
    assert kind("政协某某区第九届委员会第四次会议关于常务委员会工作报告的决议\n\n会议审议并通过了区政协工作报告。\n")[1]
    # a report whose meeting is not named could be a term's last: listed to check
    got = kind("政协某某省第十一届委员会常务委员会工作报告\n\n一、工作回顾\n\n正文。\n")
    assert got[0] == "年度" and got[1]
    # 做工作报告 as well as 作
    assert kind("政协某某朝鲜族自治州第十三届委员会第五次会议今日上午隆重开幕。\n\n"
                "会议第一项,州政协主席韩某海代表州政协第十三届委员会常务委员会做工作报告。\n") == ("年度", [])
    # a proposal report below a news lead that names both reports: its own opening says what it is
    assert kind("某某网消息:3月3日,全国政协十一届三次会议开幕,听取贾某林主席作政协全国委员会常务委员会工作报告;"
                "听取罗某和副主席作提案工作情况的报告。\n\n各位委员:\n\n我代表常务委员会,向大会报告政协十一届二次会议以来的"
                "提案工作,请予审议。\n")[0] == "提案"
    assert kind("各位委员:\n\n我受常务委员会委托,向大会报告政协某某市第六届委员会第三次会议以来提案工作的情况,请予审议。\n")[0] == "提案"
    assert kind("某某网1月22日讯 政协某某省第十三届委员会第二次会议今天上午隆重开幕。\n\n"
                "政协某某省十三届二次会议隆重开幕 胡某升出席 庄某泰作报告\n") == ("年度", [])
    # a speech at the plenary's opening is listed to check: it does not report to the plenary
    assert kind("(二0一一年一月十日)\n\n各位委员、同志们:\n\n今天,政协第八届某某县委员会第五次会议隆重开幕了!\n")[1]
    # a special committee's report over its five years is listed to check, whatever its period
    assert kind("中国人民政治协商会议\n\n某某省第十届委员会学习委员会\n\n工作报告\n\n各位委员:\n\n"
                "过去五年的工作,学习委员会认真履职。\n")[1]
    # a digest of both reports is no proposal report
    assert kind("政协某某市第五届委员会常务委员会工作报告和提案工作情况报告(摘登)\n\n过去五年,市政协坚持团结和民主两大主题。\n")[0] != "提案"
    # a proposal report that starts at its salutation
    assert kind("各位委员:\n\n我受常务委员会委托,向大会报告十二届政协提案工作情况,请予审议。\n\n"
                "一、提案总体情况\n\n五年来,共收到提案29378件。\n")[0] == "提案"


def test_a_name_holding_a_character_of_running_text_is_still_the_speaker():
    from generator.parse import parse

    tree = parse("1月19日上午,县政协十四届四次会议开幕。\n\n开幕式现场\n\n"
                 "陈会龙代表政协某某县第十四届委员会常务委员会向大会作工作报告。\n")
    assert tree.meta.speaker == "陈会龙"


def test_an_agenda_that_hears_the_report_is_not_the_report_and_a_headlines_phrases_stay_apart():
    from generator.clean import clean_text
    from generator.extract import extract as to_facts
    from generator.parse import parse

    facts, todo = to_facts(parse("今天上午,某某省政协举行十二届三次会议新闻发布会。\n\n"
                                 "本次大会的主要议程包括:听取和审议政协某某省委员会常务委员会工作报告;"
                                 "听取和审议常务委员会关于十二届二次会议以来提案工作情况的报告。\n"))
    assert facts["类型"] not in ("年度", "提案") or any(t.startswith("类型") for t in todo)
    tree = parse(clean_text("州政协十四届一次会议开幕\n\n杨某某出席并讲话陈某某等到会祝贺  朱建斌作常委会工作报告"
                            "  沙某某作提案工作情况报告\n\n2月14日上午,政协某某州第十四届委员会第一次会议开幕。\n"))
    assert tree.meta.speaker == "朱建斌"


def test_a_closing_news_item_names_the_report_heard_its_speaker_and_the_meetings_days():
    from generator.extract import extract as to_facts
    from generator.parse import parse

    tree = parse("政协某某旗第九届委员会第六次会议胜利闭幕\n\n中国人民政治协商会议某某旗第九届委员会第六次全体会议于"
                 "2017年2月14日至2月16日在经棚举行。会议听取并审议了侯国有主席所作的政协某某旗九届委员会常务委员会工作报告"
                 "和孙某某副主席所作的提案工作报告。\n")
    assert (tree.meta.speaker, tree.meta.date) == ("侯国有", "2017-02-14")
    facts, todo = to_facts(tree)
    assert facts["类型"] == "年度" and not [t for t in todo if t.startswith("类型")]
    facts, todo = to_facts(parse("3月3日,全国政协十二届四次会议开幕。听取俞某某主席关于政协全国委员会常务委员会工作的报告,"
                                 "听取陈某某副主席关于政协十二届三次会议以来提案工作情况的报告。\n"))
    assert facts["类型"] == "年度" and not [t for t in todo if "提案工作情况" in t]


def test_a_provincial_term_reports_year_from_its_committee_when_the_meeting_is_not_named():
    from generator.clean import clean_text
    from generator.extract import extract as to_facts
    from generator.parse import parse

    tree = parse(clean_text("首页 >> 两会专题 >> 正文\n\n政协河北省第十一届委员会常务委员会工作报告\n\n"
                            "发稿时间:2018-01-25 11:29:40 来源: 某某网\n\n艾某礼\n\n一、工作回顾\n\n"
                            "过去的五年,是全省上下抢抓机遇、攻坚克难的五年。\n"))
    assert (tree.meta.subtitle, tree.meta.date) == ("", "")   # the posting time is no subtitle, nor the report's date
    facts, todo = to_facts(tree)
    assert (facts["类型"], facts["年度"]) == ("届末", 2017) and not [t for t in todo if t.startswith("年度")]


def test_an_autonomous_prefecture_named_by_its_short_form_gets_its_full_name():
    from generator.extract import extract as to_facts
    from generator.names import full_name, short_name
    from generator.parse import parse

    facts, _ = to_facts(parse("中国人民政治协商会议黔東南州第十届委员会常务委员会工作报告\n\n各位委员:\n\n我代表常务委员会报告工作。\n"))
    assert facts["机构"]["地区"] == "黔东南苗族侗族自治州"
    assert short_name("伊犁哈萨克自治州") == ("伊犁州", "州") and full_name("平昌县") == "平昌县"


def test_a_session_the_text_contradicts_is_listed_for_checking():
    from generator.extract import extract as to_facts
    from generator.parse import parse

    text = ("上午10时10分,大会执行主席宣布:中国人民政治协商会议某某州第十届委员会第三次会议开幕。\n\n"
            "吴某某副主席在大会上作政协某某州第十届委员会常务委员会工作报告;熊某某副主席作关于十届四次会议以来提案工作情况的报告。\n")
    facts, todo = to_facts(parse(text))
    assert facts["会议"]["会次"] == 3
    assert any(t.startswith("会议.会次(原文又说“四次会议以来”") for t in todo)
    facts, todo = to_facts(parse(text.replace("十届四次会议以来", "十届二次会议以来")))
    assert not any(t.startswith("会议.会次") for t in todo)


def _facts(text: str):
    from generator.extract import extract as to_facts
    from generator.parse import parse

    return to_facts(parse(text))


@pytest.mark.parametrize("text", [
    # a standing committee's or chairs' own meeting
    "4月7日,区政协十届五次常委会召开。会议审议通过了区政协第十届委员会常务委员会工作报告(送审稿)。\n",
    "12月21日至23日,某某自治区政协九届常委会第八次会议在南宁召开。会议审议通过了常务委员会工作报告。\n",
    "政协第十一届全国委员会常务委员会第十六次会议26日在北京开幕。本次常委会议审议通过政协第十一届全国委员会第五次会议议程(草案)。\n",
    "11月2日下午,市政协主席容某某主持召开市政协第51次党组、31次主席会议。会议研究审议《政协某某市第六届委员会常务委员会工作报告》。\n",
    # a resolution's body, a sidebar
    "中国人民政治协商会议某某县第十届委员会第四次会议,于2020年5月12日至14日召开。\n\n"
    "会议审议批准了刘某某同志代表政协某某县第十届委员会常务委员会所作的工作报告,审议批准了提案工作报告。\n",
    "凝心聚力谱新篇\n——自治区政协十二届三次会议闭幕侧记\n\n1月21日上午,自治区政协十二届三次会议胜利闭幕。委员们认真履职,积极建言。\n",
    "中国人民政治协商会议第十届某某市委员会第一次会议,于2017年1月2日至6日在市区举行。\n\n会议听取并赞同市长所作的政府工作报告。\n",
    # a resolution on the proposal report; a standing committee's meeting deciding on the plenary
    "中国人民政治协商会议第九届全国委员会第五次会议,同意罗某某副主席代表常务委员会所作的关于政协九届四次会议以来提案工作情况的报告。\n",
    "中新社北京二月二十六日电 今天上午在北京开幕的政协十届全国委员会常务委员会第十六次会议决定,全国政协十届五次会议于3月3日开幕。\n",
    # a standing committee's meeting numbered in figures
    "石家庄市政协第十一届24次常委会召开\n\n昨天(4月2日),政协石家庄市第十一届委员会第24次常委会议召开。会议协商通过了工作报告(草案)。\n",
    # a chairs' meeting held
    "省政协征求常委会工作报告稿意见\n\n本报讯 1月10日上午,省政协召开主席会议,为即将提交省政协十一届二次会议审议的常委会工作报告再把一次关。\n",
    # a press conference before the plenary; the plenary's preparations
    "3月2日,全国政协十三届一次会议新闻发言人举行新闻发布会。发言人介绍,十二届全国政协常委会将向大会作工作报告。\n",
    "2月20日,记者从州政协了解到,为了召开好政协某某州十届四次会议,州政协专门成立了筹备工作领导小组。\n",
    # a standing committee's meeting choosing who is to give the reports at the plenary
    "会议通过了关于召开政协第二届某某市委员会第五次会议的决定;通过了市政协二届五次会议议程、日程(草案);"
    "通过了市政协常委会工作报告和提案工作报告报告人名单;通过了关于授权主席会议审议市政协二届十七次常委会议未尽事宜的决定。"
    "会议审议了市政协常委会工作报告(稿)、提案工作报告(稿),提交市政协二届五次会议审议。\n",
    # a standing committee's meeting hearing the proposal report: no proposal report either
    "日前,在政协某某市第十三届委员会常务委员会第二十二次会议上,市政协通报了十三届四次会议以来提案工作情况。\n\n"
    "十三届四次会议以来,委员共提交提案材料578件,经审查立案470件。\n",
])
def test_a_text_that_is_no_work_report_has_its_kind_listed_for_checking(text):
    facts, todo = _facts(text)
    assert any(t.startswith("类型") for t in todo)
    assert facts.get("会议", {}).get("会次") != 16   # a standing committee's own meeting number is no session


def test_news_of_a_sessions_proposals_and_a_report_given_on_the_committees_behalf():
    facts, _ = _facts("本报讯 1月12日,记者从市政协八届二次会议上获悉,市政协八届一次会议以来的政协提案已经全部办复。\n\n"
                      "据悉,市政协八届一次会议以来,委员共提交提案原件187件,经审查立案175件。\n")
    assert facts["机构"]["地区"] != "记者从市"
    assert (facts["类型"], facts["会议"]["届次"], facts["会议"]["会次"]) == ("提案", 8, 2)
    facts, _ = _facts("区*协十届二次会议开幕。区*协主席王某某受*协某某区第十届委员会常务委员会委托向大会作报告。\n\n"
                      "区*协副主席邹某代表常务委员会作关于十届一次会议以来提案工作情况的报告。\n")
    assert facts["类型"] == "年度"
    facts, _ = _facts("党的十九大以来的五年,是极不寻常、极不平凡的五年。五年来,人民政协砥砺前行。\n\n"
                      "过去的五年,人民政协迈出的脚步铿锵有力。\n")
    assert facts["类型"] == "综述"   # a five-year review article, not a term-end report


def test_a_closings_resolutions_are_no_proposal_report_and_a_government_handling_proposals_no_place():
    facts, todo = _facts("某某同志当选某某市新一届政协主席\n\n大会通过了政协某某市第十一届委员会第一次会议政治决议;"
                         "通过了关于政协某某市第十届委员会工作报告的决议;通过了关于第十届委员会提案工作情况报告的决议。\n\n"
                         "据介绍,本届政协会共收到419件提案,十届四次会议以来提案工作情况良好。\n")
    assert facts["类型"] != "提案" or any(t.startswith("类型") for t in todo)
    assert (facts["会议"]["届次"], facts["会议"]["会次"]) == (11, 1)
    facts, _ = _facts("1月18日,市政协召开六届四次常委会议。2017年,市政府共承办市政协六届一次会议提案132件。\n")
    assert "承办" not in (facts["机构"]["地区"] or "")
    facts, _ = _facts("1月16日下午,省政协十二届五次会议举行分组会议。委员们建议深入推动解决市县政协工作中的难题。\n")
    assert "推动" not in (facts["机构"]["地区"] or "")
    facts, _ = _facts("市政协2021年大事记\n\n1月5日,市政协主席周某某前往市政协委员工作室调研。\n")
    assert "前往" not in (facts["机构"]["地区"] or "")
    facts, _ = _facts("1月9日上午,区政协主席王某某主持召开九届十次主席会议。会议要求确保区政协九届二次会议顺利召开。\n")
    assert "确保" not in (facts["机构"]["地区"] or "")


def test_a_gazetteers_chapter_is_a_review_without_a_session():
    facts, _ = _facts("第三章 中国人民政治协商会议某某县委员会\n\nOriginal URL: http://lib.example.cn/bin/mse.exe?rec=56\n\n第一节政协委员会\n\n"
                      "中国人民政治协商会议某某县委员会,于1980年12月成立,至1987年已历三届,第三届一次会议于1987年4月召开,本志接记之。\n")
    assert facts["类型"] == "综述" and "会议" not in facts


def test_an_autonomous_county_by_its_full_name_and_a_channels_label_is_no_place():
    facts, _ = _facts("上午八时三十分,政协河口县第十三届委员会第二次会议开幕。大会审议通过了《政协河口瑶族自治县第十三届委员会第二次会议议程》。\n")
    assert facts["机构"]["地区"] == "河口瑶族自治县"
    facts, _ = _facts("2026九龙坡两会丨区政协十一届七次会议召集人会议召开\n\n1月19日,区政协召开召集人会议。\n")
    assert "丨" not in (facts["机构"]["地区"] or "")


def test_news_of_a_plenary_naming_the_proposal_report_given_is_no_proposal_report():
    facts, todo = _facts("报告要求全体政协委员更加紧密地团结起来。\n\n陈某某向大会作了政协第十届某某市委员会常务委员会关于十届四次会议以来提案工作情况的报告。\n")
    assert facts["类型"] != "提案"
    facts, _ = _facts("委会工作报告和提案工作情况报告\n\n时间:2012-03-05\n\n委员们讨论全国政协常委会工作报告。\n")
    assert facts["类型"] != "提案"


def test_a_standing_committees_meeting_takes_the_plenary_it_prepares_or_lists_it_for_checking():
    facts, todo = _facts("12月23日,市政协十届十六次常委会议召开。会议听取市政府关于政协十届四次会议提案办理情况通报。"
                         "主席说,即将召开的市政协十届五次会议是一次重要会议。\n")
    assert facts["会议"]["会次"] == 5
    facts, todo = _facts("2月23日,区政协主席某某主持召开区政协十五届一次常委会会议。会议组织学习了某某在区政协十五届一次会议闭幕会上的讲话精神,"
                         "听取了区政协十五届一次会议提案审查情况汇报。\n")
    assert any(t.startswith("会议.会次") for t in todo)


def test_a_proposal_reports_title_names_its_kind_and_a_name_printed_twice_is_named_once():
    facts, todo = _facts("政协某某县第十二届委员会常务委员会五年来提案工作报告\n\n各位委员:\n\n"
                         "我受常务委员会的委托,向大会报告十二届县政协提案工作情况,并对今后提案工作提出建议,请予审议。\n\n"
                         "一、五年来提案工作回顾\n\n五年来,共收到提案512件。\n")
    assert facts["类型"] == "提案"
    assert not any(t.startswith("类型") for t in todo)
    facts, _ = _facts("中國人民政治協商會議第七屆汶上汶上縣委員會第一次會議開幕\n")
    assert facts["机构"]["地区"] == "汶上縣"


@pytest.mark.parametrize("text", ["会议指出,要确定县政协十一届二次会议的各项工作。\n", "会议指出,要办好县政协十一届二次会议。\n",
                                  "会议决定,召开县政协十一届二次会议。\n",
                                  "(2016年1月10日县政协九届十八次常委会议通过县政协九届五次会议议程)\n"])
def test_a_verb_before_a_committee_is_no_place_name(text):
    facts, _ = _facts(text)
    assert facts["机构"]["地区"] in ("", None) or not re.match("(确定|办好|召开|通过|定|好|开)县", facts["机构"]["地区"])


def test_a_standing_committees_numbered_meeting_held_and_accepted_on_behalf_is_no_place():
    facts, todo = _facts("1月7日上午,政协第十三届某某市委员会常务委员会第十七次会议召开,协商讨论《政府工作报告(征求意见稿)》等。\n")
    assert any(t.startswith("类型") for t in todo)
    facts, _ = _facts("会上,受县政协常委会委托,县政协副主席作提案工作情况报告。\n")
    assert facts["机构"]["地区"] != "受县"


def test_a_presidiums_meeting_is_no_work_report_and_verbs_before_a_district_are_no_place():
    facts, todo = _facts("1月5日,市政协十五届一次会议举行主席团第二次会议,审议通过了会议各项议程。\n")
    assert any(t.startswith("类型") for t in todo)
    for text in ("会议听取区政协常委会工作报告。\n", "委员们全身心投入到县政协十一届一次会议中。\n"):
        facts, _ = _facts(text)
        assert facts["机构"]["地区"] not in ("听取区", "全身心投入到县")


def test_a_meeting_the_report_says_was_held_is_not_its_own_and_a_report_given_for_the_committee():
    facts, todo = _facts("各位委员、各位同志:\n\n我受政协某某区第四届委员会常务委员会的委托,向大会作工作报告,请予审议。\n\n"
                         "一、2014年主要工作回顾\n\n年初区政协召开四届三次全体会议,委员们围绕全区发展建言献策。\n")
    assert facts["会议"]["会次"] != 3
    facts, _ = _facts("3月3日,政协第十二届全国委员会第一次会议在北京开幕。贾某某代表政协第十一届全国委员会常务委员会向大会作报告。"
                      "受常务委员会委托,万某向大会报告十一届政协的提案工作情况。\n")
    assert facts["类型"] != "提案"


def test_the_national_committee_named_in_a_documents_title_or_in_passing_is_not_the_committee():
    facts, _ = _facts("县政协十四届六次会议期间,大会共收到委员提案184件。根据《中国人民政治协商会议全国委员会提案工作条例》,"
                      "提案审查委员会进行了审查。\n")
    assert facts["机构"]["地区"] != "全国"
    facts, _ = _facts("3月30日上午,区政协召开四届六次常委会议。会议通报了全国政协十三届一次会议主要情况。\n")
    assert facts["机构"]["地区"] != "全国"
    facts, _ = _facts("中国人民政治协商会议永州冷水滩区第十届委员会第一次会议开幕。\n")
    assert (facts["机构"]["地区"], facts["机构"].get("上级地区")) == ("冷水滩区", "永州市")


def test_a_yearbooks_entry_under_a_committees_name_is_flagged_for_its_kind_and_session():
    facts, todo = _facts("中国人民政治协商会议某某市委员会\n\n【中国人民政治协商会议第九届某某市委员会第五次会议】会议于3月19~22日在某地召开,"
                         "会议听取并审议了冯某某主席所作的政协第九届某某市委员会常务委员会工作报告。\n")
    assert any(t.startswith("类型") and "年鉴" in t for t in todo)
    assert any(t.startswith("会议.会次") for t in todo)


def test_the_year_of_a_text_of_unsure_kind_is_flagged_unless_the_text_says_it():
    facts, todo = _facts("某某县政协安排工作突出“早”字\n\n2011-02-16\n\n会议围绕县委中心工作,认真谋划全年工作。\n")
    assert facts["年度"] == 2010 and any(t.startswith("年度") for t in todo)
    facts, todo = _facts("某某政协十一届二次会议期间共收到提案586件\n\n2014年01月19日 22:43 来源:某某新闻网\n\n"
                         "1月19日,政协第十一届某某自治区委员会第二次会议通过提案委员会关于政协十一届二次会议提案审查情况的报告。\n")
    assert any(t.startswith("年度") for t in todo)


def test_a_gazetteers_chapter_a_speech_named_by_the_pages_headline_and_a_text_of_unsure_kind_are_flagged():
    facts, todo = _facts("第三章 中国人民政治协商会议某某县委员会\n\n第三届政协委员会\n\n第一次会议1987年4月召开。"
                         "听取并审议政协副主席马某某作的《政协某某县第二届委员会常务委员会工作报告》。\n")
    assert any(t.startswith("类型") for t in todo) and any(t.startswith("会议.届次") for t in todo)
    facts, todo = _facts("您现在的位置: 某某文史网 > 政协工作 > 正文\n\n政协某某县十三届一次会议开幕词\n\n发布日期:2012/4/1 9:02:05\n\n"
                         "中国人民政治协商会议\n\n某某县第十三届委员会第一次会议\n\n各位委员、同志们:\n\n政协某某县第十三届委员会第一次会议,今天隆重开幕了。\n")
    assert any(t.startswith("类型") and "开幕词" in t for t in todo)
    facts, todo = _facts("某某区政协工作总结\n\n今年以来,在区委的领导下,区政协紧扣中心工作。年初召开八届四次全体会议,委员们积极建言。\n")
    assert any("会议.会次" in t for t in todo) or "会议" not in facts


def test_an_articles_committee_and_meeting_are_written_and_listed_to_check(tmp_path):
    from generator.api import build

    facts, todo = _facts("某某县政协2013年工作综述\n\n一年来,九届县政协紧扣中心工作,围绕全县发展大局协商议政。\n")
    assert facts["类型"] == "综述" and facts["机构"]["届次"] == 9 and "会议" not in facts
    assert any(t.startswith("机构.届次") and "九届县政协" in t for t in todo)
    facts, todo = _facts("回眸2023:某某市政协工作综述\n\n1月8日,市政协九届二次会议胜利闭幕,会议期间共收到委员提案118件。\n")
    assert facts["类型"] == "综述" and facts["年度"] == 2023   # (the year its title looks back on)
    assert facts["会议"]["届次"] == 9 and facts["会议"]["会次"] == 2
    assert any("会议.会次" in t and "九届二次会议" in t for t in todo)
    # what extract writes, build reads
    import yaml
    src = tmp_path / "f.yaml"
    src.write_text(yaml.safe_dump(facts, allow_unicode=True), encoding="utf-8")
    build(src, tmp_path / "f.docx")
    assert (tmp_path / "f.docx").stat().st_size > 0


def test_a_region_that_cannot_be_told_keeps_the_level_the_text_says():
    facts, todo = _facts("区政协召开十届二十八次常委会议\n\n本报讯 昨天下午,区政协召开十届二十八次常委会议。\n")
    assert facts["机构"]["地区"] == "某某区"
    assert any(t.startswith("机构.地区") and "区政协" in t for t in todo)


def test_news_of_a_terms_first_plenary_is_read_as_the_term_end_report_under_check():
    facts, todo = _facts("2017年12月6日上午,政协某某旗第十四届委员会第一次会议隆重开幕。来自全旗各族各界的政协委员齐聚一堂。\n")
    assert facts["类型"] == "届末" and facts["会议"]["届次"] == 14 and facts["会议"]["会次"] == 1
    assert any(t.startswith("类型") and "第一次会议" in t for t in todo)
    facts, _ = _facts("某某县政协工作综述\n\n全县政协十四届一次会议将于1月4日在某地召开。一年来,县政协扎实履职。\n")
    assert facts["类型"] != "届末"   # a first plenary to come is not one reported


@pytest.mark.parametrize("text, term, session", [
    ("中國全國政協14屆4次會議今日在北京人民大會堂開幕,王滬寧作常委會工作報告。\n", 14, 4),
    ("中國人民政治協商會議第13屆全國委員會第5次會議下午開幕,汪洋代表常務委員會作工作報告。\n", 13, 5),
    ("第十四屆全國政協一次會議今日開幕,汪洋作常委會工作報告。\n", 14, 1),
])
def test_a_term_and_session_in_figures_or_before_the_national_committee_are_read(text, term, session):
    facts, todo = _facts(text)
    assert (facts["会议"]["届次"], facts["会议"]["会次"]) == (term, session)
    assert not any(t.startswith(("会议.届次", "会议.会次")) for t in todo)



def test_a_round_up_of_several_committees_plenaries_lists_the_committee_and_meeting_for_checking():
    facts, todo = _facts("日前,政协延吉市第十五届委员会第三次会议、政协珲春市第十四届委员会第三次会议、"
                         "政协延边州第十四届委员会第三次会议分别召开。我校政协委员认真履职,积极建言献策。\n")
    assert facts["机构"]["地区"] == "延吉市" and facts["会议"]["届次"] == 15
    assert any(t.startswith("机构.地区(原文还说到珲春市、延边州的委员会") for t in todo)
    assert any(t.startswith("会议.届次、会议.会次(原文说到几个委员会的会议") for t in todo)
