from conftest import FIXTURES
from generator.api import draft
import pytest

from generator.numbering import numbering
from generator.parse import parse, part_role
from generator.tree import Paragraph, Part, Section


def read(text: str):
    """A captured page, cleaned and parsed as typeset and extract read it."""
    from generator.clean import clean_text

    return parse(clean_text(text))

REPORT = """中国人民政治协商会议某市第一届委员会常务委员会工作报告
——2025年1月6日在政协某市第一届委员会第三次会议上
市政协主席 张三

各位委员:

我受政协某市第一届委员会常务委员会的委托,向大会报告工作,请予审议。

一、2024年工作回顾

(一)强化政治忠诚,坚持党对政协工作的全面领导。把坚持党的领导贯穿始终。

旗帜鲜明加强党的领导。中共某市委高度重视政协工作。

1.加强理论武装

一是坚定政治站位,牢牢把握正确方向。认真贯彻中央部署。

(二)聚焦中心大局

提案工作成效显著。共提交提案100件。

各位委员,过去一年的成绩来之不易。

二、2025年工作安排

(一)坚持党的领导

要坚持把学习贯彻放在首位。
"""


def test_front_matter_is_read():
    r = parse(REPORT)
    m = r.meta
    assert m.title.endswith("工作报告")
    assert m.meeting == "在政协某市第一届委员会第三次会议上"
    assert m.date == "2025-01-06" and m.speaker == "市政协主席 张三"
    assert m.salutation.startswith("各位委员")


def test_numbered_parts_with_nested_sections_and_leads():
    r = parse(REPORT)
    kinds = [(p.role, p.number, p.heading) for p in r.parts]
    assert kinds == [("review", "一、", "2024年工作回顾"), ("plan", "二、", "2025年工作安排")]
    review = r.parts[0]
    s1, s2 = review.sections
    assert s1.form == "paren_cn" and s1.heading.startswith("强化政治忠诚")
    # the run-in text after the heading sentence is kept as a paragraph
    assert s1.paragraphs[0].text == "把坚持党的领导贯穿始终。"
    assert s1.paragraphs[1].lead == "旗帜鲜明加强党的领导。"
    (sub,) = s1.sections
    assert sub.form == "arabic" and sub.heading == "加强理论武装"
    assert sub.paragraphs[0].lead == "一是坚定政治站位,牢牢把握正确方向。".replace(",", "\uff0c")
    assert s2.paragraphs[0].lead == "提案工作成效显著。"


def test_closing_formula_belongs_to_the_part_not_the_last_section():
    review = parse(REPORT).parts[0]
    assert isinstance(review.children[-1], Paragraph)
    assert review.children[-1].text.startswith("各位委员")


def test_lead_guessing_can_be_turned_off():
    text = "标题\n\n各位委员:\n\n过去一年的工作\n\n坚持党的全面领导。切实提高政治站位。\n"
    assert parse(text).parts[0].paragraphs[0].lead == "坚持党的全面领导。"
    assert parse(text, guess=False).parts[0].paragraphs[0].lead == ""


def test_a_text_that_marks_its_leads_gets_no_guessed_ones():
    text = "标题\n\n各位委员:\n\n过去一年的工作\n\n春秋代序,冬夏轮回。五年时光。\n\n**一是必须坚持。**政治清醒。\n"
    paras = parse(text).parts[0].paragraphs
    assert [p.lead for p in paras] == ["", "一是必须坚持。"]


def test_part_roles_from_headings():
    assert part_role("过去一年的工作") == "review"
    assert part_role("2019年工作回顾") == "review"
    assert part_role("五年工作的主要体会") == "lessons"
    assert part_role("过去五年的主要经验") == "lessons"   # lessons, though it starts like a review
    assert part_role("今后工作的建议") == "plan"
    assert part_role("今年工作安排") == "plan"
    assert part_role("以坚持党的领导为根本,一以贯之抓好理论武装") is None
    # a sentence or a link that names a review is none
    assert part_role("报告从五个方面回顾总结了十四届区政协五年来的工作:") is None
    assert part_role("过去五年取得了显著成绩") == "review"   # (了 in a heading is no sentence yet)


def test_numbering_forms():
    assert numbering("一、总体要求")[:2] == ("cn", "一、")
    assert numbering("(二)协商")[0] == "paren_cn"
    assert numbering("3.加强")[0] == "arabic"
    assert numbering("(4)加强")[0] == "paren_arabic"
    assert numbering("2020年是非常不平凡的一年") is None
    assert numbering("6.2亿元") is None


def test_markdown_headings_and_bold_lines_are_understood():
    text = "# 标题\n\n## 二、五年工作的主要体会\n\n**一是必须坚决维护核心。**政治清醒。\n\n**三、恪守民本理念**\n\n正文。\n"
    r = parse(text)
    (part,) = r.parts
    assert part.role == "lessons" and part.number == "二、"
    assert part.paragraphs[0].lead == "一是必须坚决维护核心。"
    assert part.sections[0].heading == "恪守民本理念"


def test_our_rendered_text_parses_back_to_the_facts_structure():
    d = draft(FIXTURES / "minimal.yaml")
    r = d.tree
    assert [p.role for p in r.parts] == ["review", "plan"]
    review, plan = r.parts
    assert [s.heading for s in review.sections] == [s.heading.replace(",", "\uff0c")
                                                    for s in d.facts.review.sections]
    assert all(isinstance(s, Section) and s.form == "cn" for s in review.sections)
    assert review.sections[0].paragraphs[1].lead == "坚定政治站位。"
    assert [s.heading for s in plan.sections][0].startswith("坚持党的领导")
    assert isinstance(r.children[0], Paragraph) and r.children[0].text.startswith("我代表")
    assert all(isinstance(p, Part) for p in r.children[1:])


def test_front_matter_is_found_below_site_chrome_in_either_script():
    text = ("當前位置: 首頁 > 兩會熱點\n\n政協全國委員會常務委員會工作報告\n\n發布時間:2023-03-11 23:45 來源:新華社\n\n"
            "中國人民政治協商會議全國委員會常務委員會工作報告\n\n——在政協第十四屆全國委員會第一次會議上\n\n"
            "(2023年3月4日)\n\n汪洋\n\n各位委員:\n\n我代表常務委員會,向大會報告工作。\n\n一、過去五年工作的回顧\n\n正文。\n")
    r = parse(text)
    m = r.meta
    assert m.title == "中國人民政治協商會議全國委員會常務委員會工作報告"  # the writer's own characters
    assert m.meeting == "在政協第十四屆全國委員會第一次會議上" and m.date == "2023-03-04"
    assert m.speaker == "汪洋" and m.salutation == "各位委員:".replace(":", "\uff1a")
    assert [(p.role, p.heading) for p in r.parts] == [("review", "過去五年工作的回顧")]
    assert "當前位置" not in "".join(p.text for p in r.paragraphs())


@pytest.mark.parametrize("lines, title, meeting", [
    (["中国人民政治协商会议", "某某县第八届委员会常务委员会", "工 作 报 告", "——在政协某某县第八届委员会第三次会议上"],
     "中国人民政治协商会议某某县第八届委员会常务委员会工作报告", "在政协某某县第八届委员会第三次会议上"),
    (["中国人民政治协商会议普洱市第五届委员会常务委员会工作报告——在政协普洱市第五届委员会第五次会议上"],
     "中国人民政治协商会议普洱市第五届委员会常务委员会工作报告", "在政协普洱市第五届委员会第五次会议上"),
    (["原标题:", "政协某县委员会常务委员会工作报告", "——2024年1月20日在政协第六届某县委员会第二次会议上"],
     "政协某县委员会常务委员会工作报告", "在政协第六届某县委员会第二次会议上"),
    (["某县政协常委会工作报告", "(2023年1月9日在政协某县第九届委员会第二次会议上)"],
     "某县政协常委会工作报告", "在政协某县第九届委员会第二次会议上"),
])
def test_titles_and_meeting_lines_in_the_forms_pages_use(lines, title, meeting):
    m = parse("\n\n".join(lines + ["王  某  某", "各位委员:", "现在报告工作。"])).meta
    assert (m.title, m.meeting, m.speaker) == (title, meeting, "王某某")


def test_an_impossible_date_is_not_made_an_iso_date():
    m = parse("某县政协工作报告\n\n2020年2月30日\n\n各位委员:\n\n正文。\n").meta
    assert m.date == ""


@pytest.mark.parametrize("heading, role", [
    ("过去五年的工作回顾", "review"), ("过去一年主要工作", "review"), ("一年来的主要工作", "review"),
    ("回首2023:砥砺奋进谱新篇", "review"), ("第一部分 2022年工作回顾", "review"), ("2022年 工作回顾:", "review"),
    ("五年工作的主要体会", "lessons"), ("几点体会", "lessons"), ("2024年工作安排", "plan"),
    ("今后五年工作建议", "plan"), ("新的一年主要任务", "plan"),
    ("交流经验", None), ("加强理论学习", None), ("坚持党的领导,坚定政治方向", None),
])
def test_part_headings_are_known_by_what_they_say(heading, role):
    assert part_role(heading.replace(":", "\uff1a")) == role


def test_a_numbered_section_is_not_a_part_even_when_it_says_review():
    r = parse("各位委员:\n\n过去一年的工作\n\n（一）工作回顾与总结\n\n正文。\n")
    assert [p.heading for p in r.parts] == ["过去一年的工作"]
    assert r.parts[0].sections[0].heading == "工作回顾与总结"


@pytest.mark.parametrize("text, speaker, date", [
    ("2026-01-27 09:51:11 来源:大众日报\n\n1月26日上午,省政协主席葛慧君代表政协第十三届山东省委员会常务委员会作工作报告。", "葛慧君", "2026-01-26"),
    ("東南網1月16日訊 發布時間:2018-01-16\n\n昨天上午,福清市政協十四屆二次會議開幕。林健向大會作工作報告。", "林健", "2018-01-15"),
    ("区政协主席、党组书记于强代表区政协十届常委会作工作报告。区政协副主席邵岗代表区政协十届常委会作提案工作报告。", "于强", ""),
    ("大会主席团常务主席苏忠仕代表政协第十届委员会常务委员会向大会作过去五年的工作报告。", "苏忠仕", ""),
])
def test_a_news_item_says_who_gave_the_report_and_when(text, speaker, date):
    m = parse(text).meta
    assert (m.speaker, m.date) == (speaker, date)


def test_a_date_in_running_text_is_not_the_pages_but_gives_the_datelines_year():
    text = "中评社北京3月3日电\n\n苏辉今天下午向大会报告提案工作情况。截至2019年2月20日,99.2%已经办复。\n"
    m = parse(text).meta
    assert m.date == "2019-03-03" and "date" in m.inferred   # 今天 of the 3月3日 dateline, not 2月20日


def test_a_live_transcript_keeps_its_salutation_and_speaker():
    text = ("1月20日上午9点,浙江省政协十一届三次会议在省人民大会堂隆重开幕。\n\n"
            "政协第十一届浙江省委员会共有委员737名,出席今天会议的委员有704名,符合规定人数。\n\n"
            "乔传秀:\n\n各位委员:\n\n我代表常务委员会,向大会报告工作。\n\n一、2014年主要工作\n\n正文。\n")
    r = parse(text)
    assert (r.meta.speaker, r.meta.salutation) == ("乔传秀", "各位委员\uff1a")
    assert r.paragraphs()[0].text.startswith("1月20日上午9点")  # the news lines above stay


@pytest.mark.parametrize("line", ["一、二季度，全县经济运行总体平稳。", "3、4月份，开展专题调研。",
                                  "一、深入开展调查研究；", "(二)三季度以来的工作，按计划推进；"])
def test_numbers_and_list_items_in_running_text_are_not_headings(line):
    r = parse("各位委员:\n\n过去一年的工作\n\n" + line + "\n\n正文。\n")
    assert r.parts[0].sections == [] and r.parts[0].paragraphs[0].full[-4:] == line[-4:]


@pytest.mark.parametrize("line, heading", [
    ("1\\. 加强理论学习", "加强理论学习"), ("- 一、总体要求", "总体要求"), ("**一、总体要求**（2023年）", "总体要求（2023年）"),
    ("（一）五年来的主要做法", "五年来的主要做法"),
])
def test_markdown_from_wps_and_pandoc_keeps_its_headings(line, heading):
    r = parse("各位委员:\n\n过去一年的工作\n\n" + line + "\n\n正文。\n")
    assert [s.heading for s in r.parts[0].sections] == [heading]


def test_article_subheads_and_yearbook_brackets_are_headings():
    r = parse("某市政协2023年工作综述\n\n一年来,市政协履职尽责。\n\n——聚焦中心 服务大局——\n\n围绕中心开展协商。\n\n"
              "【政协委员及组织机构】 2014年,共有30个界别。\n")
    assert [s.heading for s in r.parts[0].sections] == ["聚焦中心 服务大局", "政协委员及组织机构"]
    assert r.parts[0].sections[1].paragraphs[0].text == "2014年\uff0c共有30个界别。"


def test_a_heading_broken_over_two_lines_is_joined():
    r = parse("各位委员:\n\n过去一年的工作\n\n（一）坚持党的领导,\n\n强化思想引领\n\n正文一段。\n")
    assert [s.heading for s in r.parts[0].sections] == ["坚持党的领导\uff0c强化思想引领"]


def test_full_width_digits_in_dates_are_read():
    m = parse("某县政协常委会工作报告\n\n（２０２３年１月９日）\n\n各位委员:\n\n正文。\n").meta
    assert m.date == "2023-01-09" and m.date_text.startswith("（２０２３")


def test_without_a_page_stamp_the_meeting_year_follows_the_year_looked_back_on():
    text = "大河网讯 1月17日上午9时,省政协十二届四次会议开幕。\n\n2020年,是全面建成小康社会的收官之年。\n"
    assert parse(text).meta.date == "2021-01-17"


def test_a_press_conference_date_is_not_a_meeting_date():
    text = "新京报讯 今天(1月8日),北京市政协举行新闻发布会。2022年,北京市政协组织履职活动840余次。\n"
    assert parse(text).meta.date == ""


@pytest.mark.parametrize("first", ["人民網", "|", "通版阅读请点击:", "省政协专委会:担当有为的一年_政协要闻_浙江政协"])
def test_a_site_name_or_a_portal_line_is_not_a_title(first):
    assert parse(first + "\n\n1月20日上午,省政协十一届三次会议开幕。\n").meta.title == ""


def test_a_dateline_is_not_the_meeting_date():
    text = "央广网昆明1月28日消息(记者 魏文青)1月27日上午,政协某某市第十三届委员会第四次会议开幕。\n"
    assert parse(text).meta.date == ""  # no year on the page: no date rather than a guess
    # a province's plenary: the year of its term and session (data/terms.yaml)
    assert parse(text.replace("某某市", "云南省")).meta.date == "2026-01-27"


def test_a_speaker_glued_to_the_salutation_and_a_meeting_line_dated_in_chinese_numerals():
    m = parse("某某县政协常委会工作报告\n\n（二〇二四年一月九日在政协某某县第九届委员会第三次会议上）\n\n"
              "县政协主席　王　建　国各位委员，同志们：\n\n正文。\n").meta
    assert (m.meeting, m.date, m.speaker) == ("在政协某某县第九届委员会第三次会议上", "2024-01-09", "县政协主席 王建国")
    assert m.salutation == "各位委员\uff0c同志们\uff1a"


def test_a_part_heading_broken_over_two_lines_and_a_list_of_numbers():
    r = parse("各位委员:\n\n一、2023年\n\n工作回顾\n\n（一）坚持政治引领，筑牢共同\n\n思想政治基础\n\n"
              "一、二、三产业协调发展。\n\n（二）加强学习\n\n全年学习12次。\n")
    assert [(p.role, p.heading) for p in r.parts] == [("review", "2023年工作回顾")]
    assert [s.heading for s in r.parts[0].sections] == ["坚持政治引领\uff0c筑牢共同思想政治基础", "加强学习"]


def test_a_speaker_read_from_a_news_sentence_is_not_printed_as_a_byline(tmp_path):
    import docx

    from generator.api import document

    r = parse("1月9日上午,政协某某县第九届委员会第三次会议开幕。县政协主席王建国代表常委会作工作报告。\n")
    assert r.meta.speaker == "王建国" and "speaker" in r.meta.inferred
    out = tmp_path / "n.docx"
    out.write_bytes(document(r, "docx"))
    assert "王建国" not in [p.text for p in docx.Document(str(out)).paragraphs]


def test_a_bilingual_page_with_a_watermark_on_every_line():
    mark = "文章源自英文巴士-https://www.example.com/1.html"
    text = (f"中国人民政治协商会议全国委员会常务委员会工作报告{mark}\nReport on the Work of the Standing Committee{mark}\n"
            f"——在政协第十三届全国委员会第五次会议上{mark}\n2022年3月4日{mark}\n汪洋{mark}\n各位委员:\nFellow Members,\n"
            "我代表常务委员会,向大会报告工作,请予审议。\n一、2021年工作回顾\n正文。\n")
    m = read(text).meta
    assert (m.title, m.meeting, m.date, m.speaker) == (
        "中国人民政治协商会议全国委员会常务委员会工作报告", "在政协第十三届全国委员会第五次会议上", "2022-03-04", "汪洋")


def test_a_transcript_line_with_speaker_salutation_and_opening():
    r = parse("全國政協十三屆一次會議開幕會\n\n全國政協主席 俞正聲:各位委員:我代表常務委員會,向大會報告過去五年工作,請予審議。\n\n"
              "一、五年工作的回顧\n\n正文。\n")
    assert r.meta.title == "" and r.meta.salutation == "各位委員\uff1a" and r.meta.speaker == "全國政協主席 俞正聲"
    assert [p.text[:8] for p in r.children if isinstance(p, Paragraph)] == ["全國政協十三屆一", "我代表常務委員會"]


def test_a_day_without_its_month_takes_the_page_stamps():
    text = "省政协十一届四次会议开幕\n\n11.01.2016  08:06\n\n福建日报讯 10日上午,省政协十一届四次会议在福州开幕。\n"
    assert parse(text).meta.date == "2016-01-10"


def test_a_speaker_named_in_the_title_and_a_themed_review_heading():
    r = parse("杨智同志在政协武汉市第十三届委员会常务委员会工作报告\n\n(2022年1月10日在政协武汉市第十四届委员会第一次会议上)\n\n"
              "各位委员:\n\n我代表常务委员会,向大会报告工作。\n\n回望2024:初心如磐担使命\n\n正文。\n")
    assert r.meta.speaker == "杨智" and "speaker" in r.meta.inferred
    assert [(p.role, p.heading) for p in r.parts] == [("review", "回望2024\uff1a初心如磐担使命")]


def test_a_heading_and_its_text_separated_by_a_space():
    r = parse("各位委员:\n\n过去一年的工作\n\n一、围绕中心,服务大局 五年来,区政协重视政治协商。\n")
    (s,) = r.parts[0].sections
    assert s.heading == "围绕中心\uff0c服务大局" and s.paragraphs[0].text.startswith("五年来")


def test_a_dateline_takes_the_reviewed_year_and_a_bare_day_after_the_meeting_it_names():
    text = ("某某网12月22日讯 政协某某省第十三届委员会常务委员会第五次会议21日在省会召开。\n\n"
            "主席指出,2024年是实现规划目标任务的关键一年。\n")
    assert parse(text).meta.date == "2024-12-21"


def test_a_press_conference_day_is_not_the_meetings_date():
    text = ("发布时间:2024-03-03 16:00\n\n某某网3月3日讯 全国政协十四届二次会议3日在北京举行新闻发布会,"
            "发言人介绍,2023年全国政协组织视察考察调研80项。\n")
    assert parse(text).meta.date == ""


def test_a_channel_label_on_a_headline_is_no_subhead_and_a_tag_above_a_headline_no_title():
    r = parse("【聚焦全县两会】县政协九届四次会议隆重开幕\n\n3月1日上午,政协某某县第九届委员会第四次会议开幕。\n")
    assert r.meta.title == "" and not [s for p in r.parts for s in p.sections]
    r = parse("协商润民\n\n某某区政协六届六次会议开幕,今年区政协重点工作出炉\n\n全年开展协商活动167场。\n")
    assert r.meta.title == "" and r.dropped == ["协商润民"]


def test_a_yearbooks_spaced_lines_above_bracketed_entries_are_its_parts():
    r = parse("某 某 市 政 协\n\n综 述\n\n【思想政治建设】全年召开学习会25次。\n\n【协商民主】全年召开协商会17次。\n\n"
              "重 要 会 议\n\n【市政协十届二次会议】1月10日至13日举行。会议听取主席王某某所作的工作报告。\n")
    assert [(p.role, p.heading) for p in r.parts] == [("review", "综述"), ("other", "重要会议")]
    assert [s.heading for s in r.parts[0].sections] == ["思想政治建设", "协商民主"]
    assert r.meta.speaker == "" and r.meta.subtitle == ""


def test_a_pages_address_is_never_a_date():
    text = ("https://example.com/doc/1071/7/3/0/107173045.html\n\n"
            "某某社北京3月4日电 3月4日下午,全国政协十四届四次会议在北京开幕。2026年3月4日,会议听取报告。\n")
    assert parse(text).meta.date == "2026-03-04"


def test_a_meeting_line_with_the_day_inside_and_the_words_de_baogao():
    r = parse("时间:2025-03-05 10:02\n\n某某市政协常务委员会工作报告\n\n—在3月2日政协某某市第十一届委员会第五次会议上\n\n"
              "各位委员:\n\n我代表常务委员会,向大会报告工作。\n")
    assert (r.meta.meeting, r.meta.date) == ("在政协某某市第十一届委员会第五次会议上", "2025-03-02")
    r = parse("——2024年12月22日在政协某某市第九届委员会第四次会议上的报告\n\n各位委员:\n\n我代表常务委员会,向大会报告工作。\n")
    assert (r.meta.meeting, r.meta.date) == ("在政协某某市第九届委员会第四次会议上", "2024-12-22")


def test_a_title_over_three_lines_an_adoption_date_and_a_mangled_date():
    r = parse("中国人民政治协商会议\n\n某某市第五届委员会第二次会议\n\n关于提案审查情况的报告\n\n"
              "(2018年1月11日市政协五届二次会议通过)\n\n大会期间,共收到提案156件。\n")
    assert r.meta.title == "中国人民政治协商会议某某市第五届委员会第二次会议关于提案审查情况的报告"
    assert r.meta.date == "2018-01-11"
    r = parse("某某州政协常委会工作报告\n\n(2014224日)\n\n各位委员:\n\n一、服务中心工作,助推科学发展\n\n正文。\n")
    assert r.meta.date == "2014-02-24" and [s.heading for s in r.parts[0].sections] == ["服务中心工作\uff0c助推科学发展"]


def test_the_year_a_news_item_looks_back_on_is_the_earliest_it_names():
    text = ("本报讯 3月11日,某某县政协十届四次会议开幕。县政协主席王某代表常委会作工作报告。\n\n"
            "王某指出,2024年,县政协扎实履职。\n\n王某表示,2025年是“十四五”规划收官之年。\n")
    assert parse(text).meta.date == "2025-03-11"


def test_a_speaker_who_reports_for_the_committee_or_names_the_report_in_book_marks():
    r = parse("1月25日上午,政协某某市某区八届七次会议开幕。\n\n区政协主席林某某代表区政协八届委员会作工作报告。\n")
    assert r.meta.speaker == "林某某"
    r = parse("3月11日下午,政协某某旗第十五届委员会第三次会议开幕。\n\n"
              "岳某某代表政协某某旗第十五届委员会常务委员会,向大会作《政协某某旗第十五届委员会常务委员会工作报告》。\n")
    assert r.meta.speaker == "岳某某"


def test_a_headline_with_a_picture_mark_is_no_title():
    r = parse("政协某某州十届五次会议隆重开幕(图)\n\n上午10时,318位州政协委员步入会场。\n")
    assert r.meta.title == ""


@pytest.mark.parametrize("sentence, speaker", [
    ("省政协主席多杰某某代表政协第十二届某某省委员会常务委员会作工作报告。", "多杰某某"),   # four characters
    ("政协副主席索朗某某受政协主席某某某委托,代表政协第十一届某某自治区委员会常务委员会向大会报告工作。", "索朗某某"),
    ("崔某某受政协某某省第十一届委员会常务委员会委托,向大会作工作报告。", "崔某某"),
    ("省政协主席薛某某在会上作政协某某省委员会常务委员会工作报告。", "薛某某"),
    ("全国政协主席王某某作全国政协常委会工作报告。", "王某某"),
    ("内蒙古政协主席任某某在当日所做的工作报告中谈及港澳台侨工作。", "任某某"),
    ("受政协某某市第十三届委员会常务委员会委托,马某向大会作政协某某市第十三届委员会常务委员会工作报告。", "马某"),
    ("这是俞某某代表政协全国委员会常务委员会作工作报告。新华社记者某某摄", "俞某某"),
    ("大会听取俞某某主席关于政协全国委员会常务委员会工作的报告。", "俞某某"),
    ("会议同意张某某同志所作的《政协某某县第七届委员会常务委员会工作报告》。", "张某某"),
    ("自治区政协副主席李某某作关于自治区政协十届一次会议以来提案工作情况报告。", "李某某"),
    ("会议审议批准汪某某同志代表政协第六届某某市委员会常务委员会所作的工作报告。", "汪某某"),
    ("作工作报告的是市政协主席蒋某某。蒋某某受十届市政协常务委员会委托作工作报告。", "蒋某某"),   # 作工 is no name
    ("在热烈的掌声中,县政协主席任某代表政协某某县第十一届委员会常务委员会报告工作。", "任某"),
    ("市委书记张某某代表市委常委会报告工作。县政协主席任某代表政协某某县委员会常务委员会报告工作。", "任某"),
    ("▲杨某峰作工作报告\n\n据悉,本届市政协共有委员525名。", "杨某峰"),                                 # a caption's glyph
    ("福田区政协主席李某伟作政协常委工作报告时指出,区政协努力履职。", "李某伟"),
    ("市政协主席张某雄受政协某某市第五届委员会常务委员会委托,作题为《切实履行职能,共谋富民强市》的工作报告。", "张某雄"),
    ("冯某光作政协第十届某某省委员会常务委员会关于十届四次会议以来提案工作情况的报告。", "冯某光"),
])
def test_a_news_items_speaker_in_its_many_wordings(sentence, speaker):
    assert parse("1月25日上午,政协某某会议开幕。\n\n" + sentence + "\n").meta.speaker == speaker


@pytest.mark.parametrize("headline", [
    "政协某某市四届一次会议开幕 李某某作政协某某市三届常委会工作报告",
    "石某某王某某孙某等应邀出席",                               # a deck of names
    "政协提案工作情况报告:“经济建设”提案占比超40%",              # a report's name, then what it found
    "政协委员分组讨论区政协常委会工作报告和提案工作报告",          # a plenary's group sessions
    "围绕中心 服务大局 不断提升政协履职水平\n\n——区政协主席王某某作工作报告",   # a slogan over a news deck
    "某某省政协十一届三次会议\n\n目录",                               # a meeting's name alone
    "与会委员认真听取工作报告",                                      # a photo's caption
    "大会会场 记者 某某 摄",
])
def test_a_news_headline_is_no_title(headline):
    r = parse(headline + "\n\n1月5日上午,会议开幕。\n")
    assert r.meta.title == ""


def test_a_meeting_line_broken_in_two_with_a_date_that_lost_its_nian_and_a_stamp_above_it():
    r = parse("中国人民政治协商会议\n\n某某市某某区第七届委员会常务委员会\n\n工作报告\n\n"
              "——20261月5日在政协某某市某某区第七届委员会\n\n第五次会议上\n\n张某某\n\n各位委员:\n\n正文。\n")
    assert r.meta.title == "中国人民政治协商会议某某市某某区第七届委员会常务委员会工作报告"
    assert (r.meta.meeting, r.meta.date, r.meta.speaker) == (
        "在政协某某市某某区第七届委员会第五次会议上", "2026-01-05", "张某某")
    r = parse("中国人民政治协商会议某某省第十一届委员会常务委员会工作报告\n\n2014-01-27 19:52:22\n\n"
              "(2014年1月16日在政协某某省第十一届委员会第二次会议上)\n\n杨某\n\n各位委员:\n\n正文。\n")
    assert r.meta.title == "中国人民政治协商会议某某省第十一届委员会常务委员会工作报告" and r.meta.date == "2014-01-16"


def test_a_deck_line_naming_who_gave_which_report_is_no_title():
    r = parse("政协某某市四届一次会议开幕\n\n龙某某主持 陈某某作政协某某市三届常委会提案工作情况报告\n\n"
              "10月31日上午,政协某某市四届一次会议隆重召开。\n")
    assert r.meta.title == ""


def test_a_meeting_line_running_on_into_its_date_and_speaker_and_a_chapter_label_above_the_title():
    r = parse("中国人民政治协商会议某某自治区委员会常务委员会工作报告\n\n"
              "——在自治区政协十三届一次会议上(2023年1月13日)努尔兰·阿不都某某\n\n各位委员:\n\n正文。\n")
    assert (r.meta.meeting, r.meta.date, r.meta.speaker) == ("在自治区政协十三届一次会议上", "2023-01-13", "努尔兰·阿不都某某")
    r = parse("第一篇:常务委员会工作报告\n\n中国人民政治协商会议某某市第四届\n\n委员会常务委员会工作报告\n\n"
              "——2012年2月20日在政协某某市委员会四届五次会议上\n\n各位委员:\n\n正文。\n")
    assert r.meta.title == "中国人民政治协商会议某某市第四届委员会常务委员会工作报告"


def test_a_speakers_name_between_the_title_and_a_meeting_line_and_not_a_titles_cut_end():
    r = read("全国政协委员履职报告范文第1篇\n\n中国人民政治协商会议\n\n第八届某某县委员会常务委员会工作报告\n\n王某\n\n"
             "(2012年1月14日在县政协九届一次会议上)\n\n各位委员:\n\n正文。\n")
    assert (r.meta.title, r.meta.speaker, r.meta.date) == (
        "中国人民政治协商会议第八届某某县委员会常务委员会工作报告", "王某", "2012-01-14")
    r = read("中国人民政治协商会议\n届某某区委员会常务委员会\n工作报\n——2025年1月7日在政协第十届某某区委员会第五次会议上\n"
             "李某某\n各位委员:\n正文。\n")   # (工作报: the title's end that lost 告, no name)
    assert (r.meta.title, r.meta.speaker) == ("中国人民政治协商会议届某某区委员会常务委员会工作报", "李某某")


def test_a_members_remarks_label_and_a_hosts_caption_name_no_speaker():
    r = read("市政协八届三次委员发言摘要\n白某委员:\n杨某主席的政协常委会工作报告文风朴实。\n")
    assert r.meta.speaker == "杨某"   # (the chair whose report the member speaks of, not 白某)
    r = read("某某市政協五屆三次會議開幕\n某某市政協五屆三次會議開幕\n"
             "聽取政協某某市第五屆委員會常務委員會工作報告和五屆二次會議以來提案工作情況的報告\n丁某強 肖某到會祝賀\n王某主持\n"
             "2月27日下午,在雄壯的國歌聲中,中國人民政治協商會議某某市第五屆委員會第三次會議開幕。\n")
    assert r.meta.speaker == ""   # (王某主持: the host, under the headline and its deck)


def test_a_photos_caption_is_no_section_and_the_speaker_below_it_is_read():
    r = read("奋进十五五,聚力启新程。12月26日上午,中国人民政治协商会议第十届某某县委员会第六次会议隆重开幕。\n"
             "上午9点大会在庄严的国歌声中拉开帷幕\n1766995512105272.jpg\n"
             "县委书记李某某,县委副书记、代县长许某某到会祝贺,并在主席台前排就座。\n"
             "县政协十届六次会议第一次全体会议执行主席高某某、薛某、于某某、李某某、刘某某、史某某。\n"
             "县政协主席高某某代表政协第十届某某县委员会常务委员会向大会作工作报告。\n")
    assert (r.meta.speaker, _headings(r)) == ("高某某", [])


def test_a_channels_headline_yesterday_of_a_caption_and_a_speaker_with_his_title():
    r = parse("【关注两会】区政协回顾2010年工作 描绘开局宏伟蓝图\n\n2011年1月10日 10:04\n\n"
              "某某新闻网1月10日讯 今天上午,某某区政协二届五次会议隆重开幕。\n")
    assert r.meta.title == "" and r.meta.date == "2011-01-10"
    r = parse("市政协十三届一次会议开幕\n\n2012年02月27日03:50 某某日报\n\n昨天上午,中国人民政治协商会议第十三届某某市委员会"
              "第一次会议在某某会堂隆重开幕。\n\n本报2月26日讯 今天的会堂内华灯璀璨。\n")
    assert r.meta.date == "2012-02-26"
    assert parse("1月18日下午,某某区政协七届六次会议开幕。\n\n在会上,丁某某主席作常委会工作报告。\n").meta.speaker == "丁某某"


def test_a_pages_time_stamp_under_the_title_is_neither_the_title_nor_the_reports_date():
    tree = read("中国人民政治协商会议某某省第十二届委员会常务委员会工作报告\n\n18.02.2020  12:01\n\n"
                            "(2020年1月14日)\n\n王某某\n\n各位委员、同志们:\n\n我受委托,向大会报告工作。\n\n"
                            "一、2019年工作回顾\n\n正文。\n")
    assert tree.meta.title.startswith("中国人民政治协商会议") and tree.meta.date == "2020-01-14"
    assert tree.meta.speaker == "王某某"


def test_an_outline_with_headings_set_over_lines_and_teasers_above_it():
    tree = parse("1月1日\n\n政协某某区第十三届委员会\n\n第二次会议隆重开幕\n\n在过去的2022年里\n\n区政协都做了哪些工作呢?\n\n"
                 "2022年工作回顾\n\n一、加强党的建设\n\n共同思想政治基础实现新提升\n\n二、坚持民生为本\n\n助力民生福祉改善取得新进展\n\n"
                 "2023年主要任务\n\n一、在深入学习宣传贯彻\n\n中共二十大精神上更进一步\n\n不断加强思想政治引领\n")
    assert [(p.role, p.heading) for p in tree.parts if p.heading] == [("review", "2022年工作回顾"), ("plan", "2023年主要任务")]
    # the post's first lines are one sentence: kept as text, and read for the meeting and its day
    assert tree.dropped == [] and tree.paragraphs()[0].full == "1月1日" and tree.meta.date == "2023-01-01"
    assert [s.heading for p in tree.parts for s in p.sections] == [
        "加强党的建设共同思想政治基础实现新提升", "坚持民生为本助力民生福祉改善取得新进展",
        "在深入学习宣传贯彻中共二十大精神上更进一步不断加强思想政治引领"]


def test_a_themed_year_heading_opens_the_review_and_a_short_line_after_a_heading_with_text_stays_text():
    tree = parse("各位委员:\n\n一、2021年:锚定开局“十四五”、开启新征程履职尽责\n\n2021年是里程碑意义的一年。\n\n"
                 "二、2022年:工作安排\n\n做好今年的工作。\n")
    assert [(p.role, p.heading) for p in tree.parts] == [
        ("review", "2021年：锚定开局“十四五”、开启新征程履职尽责"), ("plan", "2022年：工作安排")]
    tree = parse("各位委员:\n\n一、工作回顾\n\n（一）坚持党的领导\n\n强化思想引领\n\n全年开展学习20次,取得成效。\n\n（二）服务大局\n\n正文。\n")
    assert [s.heading for p in tree.parts for s in p.sections][0] in ("坚持党的领导", "坚持党的领导强化思想引领")


def test_a_news_desks_headline_is_no_title_and_a_caption_names_the_speaker():
    tree = parse("第一篇:2015两会热点解读-全国政协常委会工作报告:近20年来首次提反腐\n\n"
                 "昨天,政协第十二届全国委员会第三次会议在人民大会堂开幕。\n")
    assert tree.meta.title == ""
    tree = parse("全国政协主席王某某在会上代表政协第十四届全国委员会常务委员会作工作报告。(林某摄)\n\n"
                 "以下是报告全文:\n\n一、2023年主要工作\n\n正文。\n")
    assert tree.meta.speaker == "王某某"


def test_a_headline_naming_the_speaker_before_a_colon():
    tree = read("张某平:中国人民政治协商会议第十一届某某省委员会常务委员会工作报告\n\n"
                            "各位委员:\n\n张某平代表常务委员会向大会报告工作。\n\n一、过去五年工作回顾\n\n正文。\n")
    assert tree.meta.title == "中国人民政治协商会议第十一届某某省委员会常务委员会工作报告"
    tree = read("俞某声:本届政协工作实现良好开局\n\n2014年3月3日下午,全国政协十二届二次会议开幕,"
                            "听取俞某声主席作政协全国委员会常务委员会工作报告。\n\n"
                            "[全国政协主席俞某声]一、2013年工作回顾\n\n正文。\n")
    assert (tree.meta.title, tree.meta.speaker) == ("", "俞某声")
    assert [p.heading for p in tree.parts if p.heading] == ["2013年工作回顾"]


def test_a_whole_headline_above_the_titles_lines_and_an_articles_two_clause_headings():
    tree = parse("市政协常委会工作报告全文\n\n中国人民政治协商会议第八届某某市委员会\n\n常务委员会工作报告\n\n"
                 "—2023年1月17日在政协第八届某某市委员会第五次会议上\n\n各位委员:\n\n我代表常务委员会报告工作。\n")
    assert tree.meta.title == "中国人民政治协商会议第八届某某市委员会常务委员会工作报告"
    tree = parse("履职担当促发展 凝心聚力谱新篇\n\n一年来,常务委员会团结引领广大委员履职尽责,实现了良好开局。\n\n"
                 "以理论学习为先导,筑牢共同团结奋斗的思想政治基础\n\n一年来,常委会按照部署要求,及时启动、扎实推进学习研讨活动,取得成效。\n\n"
                 "加强思想政治引领,凝心聚力助推社会和谐稳定\n\n常委会组织委员深入基层开展宣讲活动二十余场,引导各界群众凝聚共识,反响良好。\n")
    assert [s.heading for p in tree.parts for s in p.sections] == [
        "以理论学习为先导，筑牢共同团结奋斗的思想政治基础", "加强思想政治引领，凝心聚力助推社会和谐稳定"]
    tree = parse("各位委员:\n\n一、2020年:围绕党和国家中心任务凝心聚力\n\n2020年极不平凡。\n")
    assert [p.role for p in tree.parts if p.heading] == ["review"]


def test_a_years_plan_named_in_the_news_gives_the_meetings_own_year():
    tree = parse("3月3日15:00,全国政协十二届四次会议在人民大会堂开幕。俞某某代表政协第十二届全国委员会常务委员会"
                 "作工作报告。\n\n报告说,要聚焦“十三五”规划实施,认真落实2016年协商计划,组织开展调研。\n")
    assert tree.meta.date == "2016-03-03"
    tree = parse("3月3日,全国政协十二届四次会议开幕。\n\n2015年,政协工作取得新进展。\n")
    assert tree.meta.date == "2016-03-03"


def test_a_pages_stamp_dates_an_article_but_gives_way_to_the_meeting_a_news_item_reports():
    tree = read("区政协2019年专门委员会工作回眸\n\n时间:2019-12-23\n\n一年来,区政协各专门委员会履职尽责。\n")
    assert tree.meta.date == "2019-12-23"
    # a template site stamped years after the meeting: the text's own year wins
    tree = read("县政协会议简报\n\n时间:2021-08-31\n\n1月26日上午,某某县政协八届四次会议开幕。\n\n"
                            "会上,县政协主席郑某某代表常务委员会向大会报告工作。报告指出,2014年是全面深化改革的开局之年。\n")
    assert (tree.meta.title, tree.meta.date, tree.meta.date_text) == ("", "2015-01-26", "")
    tree = read("某某区政协八届二次会议开幕\n\n2021-01-20 10:00\n\n1月19日上午,某某区政协八届二次会议开幕。"
                            "2015年以来,区政协持续开展协商。2020年,区政协工作取得新进展。\n")
    assert tree.meta.date == "2021-01-19"   # a stamp in step with the text stays the year's source


@pytest.mark.parametrize("sentence, speaker", [
    ("我受政协某某市第四届委员会常务委员会的委托,向大会作工作报告,请予审议。", ""),
    ("会议开幕。刘某党受政协第十二届某某市委员会常务委员会的委托,向大会作了《中国人民政治协商会议第十二届某某市委员会"
     "常务委员会工作报告》。", "刘某党"),
    ("大会开幕。吴某阳副主席在大会上作政协某某州第十届委员会常务委员会工作报告(另附文发)。", "吴某阳"),
    # who explained how the draft was written gave no report
    ("会议听取了全国政协秘书长郑某通关于政协常委会工作报告(草案)起草情况的说明。", ""),
    # a headline's clauses: the party secretary's greeting, then who gave the report
    ("冯某谱代表中共某某市委到会祝贺并作重要讲话 李某忠作政协常委会工作报告", "李某忠"),
])
def test_to_the_plenary_is_no_speaker_and_a_vice_chair_reports_at_the_plenary(sentence, speaker):
    assert parse("1月7日上午,政协某某市十二届二次会议开幕。\n\n" + sentence + "\n").meta.speaker == speaker


def test_the_year_whose_work_a_news_item_plans_is_the_meetings_own():
    tree = parse("3月15日,某某县政协十届一次会议开幕。\n\n报告认为,五年来县政协常委会坚持两大主题。"
                 "2022年,县政协工作要认真贯彻落实各项部署。\n")
    assert tree.meta.date == "2022-03-15"
    tree = parse("2月20日上午,中国人民政治协商会议某某县十三届委员会第二次会议隆重开幕。\n\n"
                 "报告指出,2013年县政协工作的指导思想是:认真贯彻落实党的十八大精神。\n")
    assert tree.meta.date == "2013-02-20"
    tree = parse("1月20日上午,政协某某州第十三届委员会第三次会议隆重开幕。\n\n州政协副主席权某某作常务委员会工作报告。"
                 "2018年,充分发挥协商民主重要渠道作用,工作迈上新台阶。\n")
    assert tree.meta.date == "2019-01-20"   # 重要 is no plan's 要


def test_a_headlines_dashed_subtitle_is_no_meeting_line():
    tree = parse("创新出特色,务实出成效\n\n——某某市政协2013年工作回眸\n\n2013年,市政协履职脚步更加坚实。\n")
    assert (tree.meta.title, tree.meta.subtitle, tree.meta.meeting) == (
        "创新出特色，务实出成效", "——某某市政协2013年工作回眸", "")


def test_a_proposal_reports_outline_gives_its_parts():
    tree = parse("各位委员:\n\n我受常务委员会委托,向大会报告十二届政协提案工作情况,请予审议。\n\n一、提案总体情况\n\n五年来,共收到提案。\n\n"
                 "二、主要做法和体会\n\n正文。\n\n三、今后提案工作的意见\n\n正文。\n")
    assert [(p.role, p.heading) for p in tree.parts if p.heading] == [
        ("review", "提案总体情况"), ("lessons", "主要做法和体会"), ("plan", "今后提案工作的意见")]


def test_a_pages_headline_repeated_as_the_subtitle_of_the_articles_own():
    tree = read("区政协2019年专门委员会工作回眸\n\n时间:2019-12-23\n\n以首善标准做好新时代政协工作\n\n"
                            "——区政协2019年专门委员会工作回眸\n\n今年是人民政协成立70周年。一年来,区政协全面履职。\n")
    m = tree.meta
    assert (m.title, m.subtitle, m.date) == ("以首善标准做好新时代政协工作", "——区政协2019年专门委员会工作回眸", "2019-12-23")


def test_a_provincial_plenarys_date_without_its_year_takes_the_year_of_its_term_and_session():
    from generator.extract import extract

    tree = parse("浙江日报杭州1月15日讯 备受关注的中国人民政治协商会议第十届浙江省委员会第四次会议今天上午在杭州开幕。\n\n"
                 "周某某代表省政协常委会作工作报告。\n")
    assert tree.meta.date == "2011-01-15"
    facts, todo = extract(tree)
    assert facts["年度"] == 2010 and not [t for t in todo if t.startswith("年度")]


def test_a_single_subhead_of_two_phrases_set_apart_by_a_space_is_a_heading():
    text = ("创新出特色,务实出成效\n\n——某某市政协2013年工作回眸\n\n2013年,市政协履职脚步更稳健更加坚实,做了大量工作。\n\n"
            "倾智建言 参政议政显成效\n\n8月13日,市委书记到市政协机关调研,对政协工作给予充分肯定,寄语市政协大有作为。\n")
    assert [s.heading for p in parse(text).parts for s in p.sections] == ["倾智建言 参政议政显成效"]
    # one short line of a single phrase stays text: it may be a caption or a teaser
    assert [s.heading for p in parse(text.replace("倾智建言 参政议政显成效", "倾智建言参政议政")).parts
            for s in p.sections] == []


def test_a_news_items_decks_above_its_first_sentence_are_no_headings():
    text = ("大竹县政协第十三届一次会议胜利闭幕\n\n2012-01-06\n\n助推科学发展  建设“幸福某某”\n\n"
            "元月3日至6日,某某县政协第十三届一次会议胜利召开,300名政协委员出席会议,大会听取了常委会工作报告。\n\n"
            "会议审议并通过了政协常委会工作报告和提案工作报告。委员们一致认为,十二届县政协坚持团结和民主两大主题。\n")
    assert _headings(parse(text)) == []
    text = ("市政协委员分组审议政协两个报告\n\n推动政协工作更有声色更出新彩\n\n奋力为全市经济社会高质量发展聚势赋能\n\n"
            "1月31日下午,出席市政协十三届四次会议的委员们在各驻地分组学习讨论,审议政协两个报告。\n\n"
            "讨论现场气氛热烈,委员们认真学习,积极踊跃发言,以高度的政治责任感和饱满的政治热情建言献策。\n")
    tree = parse(text)
    assert _headings(tree) == [] and "推动政协工作更有声色更出新彩" in [p.full for p in tree.paragraphs()]


def test_an_articles_one_subhead_between_paragraphs_is_a_heading_but_captions_in_twos_are_not():
    para = "2025年,某某市政协紧紧围绕市委中心工作,组织开展了一系列主题鲜明、成效明显的协商活动,取得了良好效果。"
    article = f"某某市政协2025年工作综述\n\n{para}\n\n专题协商聚焦创新发展\n\n{para}\n\n{para}\n"
    assert [s.heading for p in parse(article).parts for s in p.sections] == ["专题协商聚焦创新发展"]
    captioned = article.replace("专题协商聚焦创新发展\n\n", "专题协商聚焦创新发展\n\n" + para + "\n\n图为协商会现场 受访者供图\n\n")
    assert [s.heading for p in parse(captioned).parts for s in p.sections] == ["专题协商聚焦创新发展"]   # a marked caption
    news = (f"某某县政协十二届五次会议开幕\n\n{para}\n\n会议现场\n\n{para}\n\n委员们认真听取会议有关内容\n\n{para}\n")
    assert [s.heading for p in parse(news).parts for s in p.sections] == []


def test_a_committees_own_meeting_is_not_dated_by_the_plenary_it_prepares_for():
    tree = parse("省政协提案委召开主任会议\n\n本报讯 1月11日,省政协提案委员会召开第八次主任会议,审议拟向省政协十三届二次会议"
                 "提交的提案工作报告(草案)。在中共陕西省委的领导下。\n")
    assert tree.meta.date == ""


def test_a_meeting_line_dated_by_day_and_a_speakers_posts_before_a_name_with_a_dot():
    tree = read("市政协常务委员会工作报告\n\n——1月14日在中国人民政治协商会议某某市第八届委员会第四次会议上\n\n"
                            "作者:    2020-01-22\n\n市政协党组副书记、主席  包尔汉·卡哈尔\n\n各位委员、同志们:\n\n我代表常务委员会,向大会报告工作。\n")
    m = tree.meta
    assert (m.meeting, m.date, m.speaker) == ("在中国人民政治协商会议某某市第八届委员会第四次会议上", "2020-01-14",
                                              "市政协党组副书记、主席 包尔汉·卡哈尔")
    assert [s.heading for p in tree.parts for s in p.sections] == []


@pytest.mark.parametrize("text, front", [
    # a title and its meeting line on one line, a source line ending in the site's address
    ("某某新闻 某某区新闻\n\n中国人民政治协商会议某某市第五届委员会常务委员会工作报告 2019年1月5日在政协某某市"
     "第五届委员会第三次会议上\n\n来源:某某日报 2019-01-25 01:01   https://www.example.net/\n\n"
     "市政协主席 吕某某\n\n各位委员、同志们:\n\n我代表常务委员会向大会报告工作。\n",
     ("中国人民政治协商会议某某市第五届委员会常务委员会工作报告", "在政协某某市第五届委员会第三次会议上", "2019-01-05",
      "市政协主席 吕某某")),
    # a meeting line in brackets over two lines, a speaker behind a lost glyph
    ("当前位置:网站首页 > 文史 > 中国人民政治协商会议第八届某某市委员会常务委员会工作报告\n\n"
     "中国人民政治协商会议\n\n第八届某某市委员会常务委员会工作报告\n\n(2022年2月17日在政协第九届\n\n"
     "某某市委员会第一次会议上)\n\n□王 立\n\n各位委员:\n\n我受常务委员会委托,向大会报告工作。\n",
     ("中国人民政治协商会议第八届某某市委员会常务委员会工作报告", "在政协第九届某某市委员会第一次会议上", "2022-02-17", "王立")),
])
def test_front_matter_run_together_or_broken_apart_on_real_pages(text, front):
    m = read(text).meta
    assert (m.title, m.meeting, m.date, m.speaker) == front


def test_the_pages_headline_completes_a_printed_title_that_lost_its_end():
    tree = read("中国人民政治协商会议某某区第十三届委员会常务委员会工作报告\n发布时间:2018-06-25 10:25:38\n\n"
                            "中国人民政治协商会议\n\n某某区第十三届委员会常务委员会\n\n(2018年1月22日在某某区政协十三届三次会议上)\n\n"
                            "张某明\n\n各位委员、各位同志:\n\n我代表常务委员会向大会报告工作。\n")
    assert tree.meta.title == "中国人民政治协商会议某某区第十三届委员会常务委员会工作报告"


def test_a_transcripts_bracketed_speaker_and_a_portals_banner_and_empty_bullet():
    tree = read("今天是:2025年12月07日\n\n某某市经济合作局\n\n市政协七届六次会议开幕\n\n"
                            "2月4日上午,中国人民政治协商会议某某市第七届委员会第六次会议开幕。\n")
    assert tree.meta.title == ""
    tree = read("• -\n\n某某网消息:2010年3月3日15时,全国政协十一届三次会议举行开幕会。\n\n"
                            "[罗某和]各位委员:我代表常务委员会,向大会报告政协十一届二次会议以来的提案工作,请予审议。\n")
    assert tree.meta.speaker == "罗某和" and "•" not in tree.paragraphs()[0].full


@pytest.mark.parametrize("sentence, speaker", [
    ("政协党组副书记、主席阿达力别克·库尔曼代表政协某某县第十四届委员会常务委员会向大会报告工作。", "阿达力别克·库尔曼"),
])
def test_a_long_name_with_a_dot_reports_for_the_committee(sentence, speaker):
    assert parse("1月26日,某某县政协十四届六次会议召开。\n\n" + sentence + "\n").meta.speaker == speaker


def test_a_reposts_stamp_under_a_reports_title_is_not_its_date_but_dates_an_article():
    tree = read("中国人民政治协商会议某某省第十一届委员会常务委员会工作报告\n\n"
                            "发布时间: 2018-02-06 09:09 | 来源: 某某日报 | 作者: | 责任编辑: 李某某\n\n各位委员:\n\n"
                            "现在,我代表常务委员会,向大会报告工作,请予审议。\n")
    assert tree.meta.date == ""
    tree = read("砥砺筑梦新时代协力共担新使命 省政协2018年工作综述\n  来源:某某日报客户端  作者:袁某山王某斌\n"
                            "2019-01-10 17:03:00\n\n2018年,是贯彻落实中共十九大精神开局之年。\n")
    assert (tree.meta.date, tree.meta.subtitle) == ("2019-01-10", "")


def test_an_e_papers_furniture_and_its_date_above_the_headline():
    from generator.clean import clean_text

    removed: list[str] = []
    text = clean_text("某某日报报业集团旗下媒体: 某某日报 |某某网 返回首页\n2026年01月22日 星期四  报料热线:966123\n"
                      "当前版: 002版 上一版 下一版 上一期 下一期\n放大 缩小 默认   \n以高水平履职助推高质量发展\n\n"
                      "  ■ 某某日报全媒体记者 黎某\n\n回望一年来省政协的履职答卷,成绩亮眼。\n", removed)
    assert text.split("\n\n")[:2] == ["2026-01-22", "以高水平履职助推高质量发展"] and "黎某" not in text
    tree = parse(text)
    assert (tree.meta.title, tree.meta.date) == ("以高水平履职助推高质量发展", "2026-01-22")


def test_a_breadcrumb_and_a_headline_behind_a_columns_label():
    tree = read("首頁>專題>協商花開香北疆 同心聚力向未來>政在協商\n回眸2023 | 凝心聚力促團結 石榴花開香北疆\n"
                            "2023年9月8日,在某某鄉,烏蘭牧騎小分隊為村民們帶來了主題演出,引來大家陣陣掌聲。\n")
    assert tree.meta.title == "回眸2023 | 凝心聚力促團結 石榴花開香北疆"
    assert parse("首页 | 新闻 | 政务\n\n正文第一段,写得很长很长。\n").meta.title == ""   # a menu is no headline


def test_a_special_committees_year_summary_is_a_review_part():
    tree = parse("港澳台侨联络委员会2012年工作报告\n\n2012年工作总结\n\n(一)抓好学习,开好局\n\n正文。\n")
    assert [(p.role, p.heading) for p in tree.parts if p.heading] == [("review", "2012年工作总结")]


def test_a_title_repeated_below_a_channel_label_and_a_date_run_into_a_run_in_part_heading():
    tree = parse("您的当前位置:\n\n常务委员会工作报告\n\n重要文件\n\n常务委员会工作报告\n\n"
                 "(2019年1月13日)一、过去一年工作回顾。省政协准确把握新时代新任务新要求,夯实了工作基础。\n")
    m = tree.meta
    assert (m.title, m.subtitle, m.speaker, m.date) == ("常务委员会工作报告", "", "", "2019-01-13")
    assert [(p.role, p.heading) for p in tree.parts] == [("review", "过去一年工作回顾")]
    assert tree.parts[0].paragraphs[0].full.startswith("省政协准确把握")


def test_a_news_agencys_days_in_chinese_numerals():
    tree = read("河北省政协十届二次会议开幕 共克时艰成主题\n2009年01月07日 14:36 来源:某某新闻网 发表评论\n\n"
                            "某某社石家庄一月七日电 (记者 牛某)河北省政协十届二次会议七日在此间开幕。\n")
    assert tree.meta.date == "2009-01-07"


def test_a_review_headline_with_its_highlights_and_a_dashed_subtitle_that_names_a_review():
    tree = read("砥砺奋进又一年——某某区政协2023年履职亮点回眸\n\n2024-01-18 16:15:01  来源:某某新闻网\n\n"
                            "回望2023年履职图谱,区政协紧扣中心履职尽责。\n")
    assert (tree.meta.title, tree.meta.date) == ("砥砺奋进又一年——某某区政协2023年履职亮点回眸", "2024-01-18")
    tree = read("通版阅读请点击:\n展开通版\n当前版:03版\n发布日期:2026年02月27日 上一版  下一版\n字体:\n"
                            "放大 缩小 默认\n朗读:\n锚定中心献良策 履职尽责显担当\n——某某区政协2025年工作回顾\n文章字数:2680\n"
                            "    区委政协工作会议召开,区委书记出席会议并讲话。\n")
    m = tree.meta
    assert (m.title, m.subtitle, m.date) == ("锚定中心献良策 履职尽责显担当", "——某某区政协2025年工作回顾", "2026-02-27")
    assert [p.heading for p in tree.parts] == [""]


def test_a_share_widget_and_a_public_accounts_post_line_are_page_furniture():
    from generator.clean import clean_text

    removed: list[str] = []
    text = clean_text("点击右上角微信好友\n朋友圈\n请使用浏览器分享功能进行分享\n正在阅读:某某会议隆重开幕\n看啥推荐读物\n"
                      "专栏名称: 某某发布\n今天看啥  ›  专栏  ›  某某发布\n市政协十三届四次会议今天上午开幕\n"
                      "某某发布  · 公众号  · 上海  · 2021-01-23 12:42\n会议1月23日上午开幕。\n原文地址:访问原文地址\n", removed)
    assert text.split("\n\n") == ["市政协十三届四次会议今天上午开幕", "2021-01-23", "会议1月23日上午开幕。\n"]


def test_a_transcripts_speaker_tag_before_the_reports_first_words():
    tree = read("2013年3月3日下午3时,全国政协十二届一次会议举行开幕会,听取政协全国委员会常务委员会工作报告。\n"
                            "[萬某]我受中國人民政治協商會議第十一屆全國委員會常務委員會委托,向大會報告十一屆政協的提案工作情況,請予審議。\n")
    assert tree.meta.speaker == "萬某"


def test_an_aggregators_numbered_piece_is_no_title_and_a_headline_names_who_reports():
    assert parse("杭州市政协工作报告篇1\n\n各位委员:\n\n我代表常务委员会,向大会报告工作。\n").meta.title == ""
    assert parse("政协提案报告【第一篇】\n\n各位委员:\n\n我受常务委员会委托,向大会报告工作。\n").meta.title == ""
    tree = parse("某某网兰州1月22日讯 政协某某省第十三届委员会第二次会议今天上午在兰州隆重开幕。\n\n"
                 "政协某某省十三届二次会议隆重开幕 胡某升任某鹤出席 庄某泰作报告\n\n会议应到委员502名。\n")
    assert tree.meta.speaker == "庄某泰"


def test_a_deck_line_naming_the_speaker_above_the_salutation_and_a_slogans_dashed_formal_title():
    tree = read("政协某某市委员会常务委员会工作报告\n\n23.01.2020  10:44\n\n盛某林作市政协常委会工作报告\n\n"
                            "各位委员:\n\n我代表市政协常委会,向大会报告工作,请予审议。\n")
    assert (tree.meta.title, tree.meta.speaker) == ("政协某某市委员会常务委员会工作报告", "盛某林")
    tree = read("中国人民政治协商会议某某市第十四届委员会常务委员会工作报告\n\n日期:2024-01-31 07:59    来源:某某日报\n\n"
                            "分享:\n字号:        \n\n——2024年1月20日在政协某某市第十四届委员会第二次会议上\n\n市政协主席 魏某东\n\n"
                            "各位委员:\n\n我代表常务委员会报告工作。\n")
    assert tree.meta.title == "中国人民政治协商会议某某市第十四届委员会常务委员会工作报告"
    tree = read("同心同德共克时艰   竭智尽职谋求发展\n\n为促进我县经济平稳较快发展做出新贡献\n\n"
                            "——政协第八届某某县委员会常务委员会工作报告\n\n(2009年2月13日)\n\n"
                            "各位委员:\n\n我代表常务委员会报告工作。\n")
    assert tree.meta.title == "政协第八届某某县委员会常务委员会工作报告"


def test_a_stamp_atop_an_articles_text_dates_it_and_a_candidate_reports():
    tree = read("当前位置:首页 / 政协会议 / 全体会议 / 工作回顾\n发布日期:2017-02-03 10:51 来源: 本站原创\n\n"
                            "    2016年,省政协紧紧围绕省委、省政府中心工作,组织开展了一系列协商议政活动。\n\n专题协商聚焦创新发展\n\n"
                            "    我省首次评选和公布了创新型企业100强,自主创新能力强的企业榜上有名。\n\n民主监督助推生态保护\n\n"
                            "    省政协组织委员开展专项民主监督,推动问题整改落实到位。\n")
    assert tree.meta.date == "2017-02-03"
    tree = parse("12月28日上午,在县政协十一届五次会议上,县政协党组书记、主席候选人林某财作十一届县政协常委会工作报告。\n\n"
                 "王某指出,做好2022年各方面工作,要高举旗帜。\n")
    assert tree.meta.speaker == "林某财"
    tree = parse("1月24日上午,政协某某市第六届委员会第一次会议隆重开幕。\n\n王某指出,做好2022年各方面工作,全市各级政协组织要高举旗帜。\n")
    assert tree.meta.date == "2022-01-24"


def test_a_toolbars_empty_labels_an_e_papers_page_code_and_a_news_pages_section_labels():
    tree = read("今天是\n某某区政协2015年工作亮点回眸\n  • 来源:\n  • 作者:\n  • 2016年01月14日\n  • 审核:\n  • 收藏\n"
                            "浏览字号:\n履职更严更实     特色更显更优\n某某区政协2015年工作亮点回眸\n \n"
                            "    2015年是“十二五”规划的收官之年,区政协履职尽责,成效明显。\n")
    assert (tree.meta.title, tree.meta.speaker) == ("某某区政协2015年工作亮点回眸", "")
    tree = read("第A1版:要闻 4下一版\n标题导航\ndlrb\n \n2017年04月08日 星期六  \n\n市政协十五届一次会议开幕\n\n"
                            "    本报讯(记者龚某明)昨日上午,市政协委员激情满怀步入会场。\n")
    assert tree.meta.speaker == "" and "dlrb" not in "".join(p.full for p in tree.paragraphs())
    tree = read("【导语】参政议政献良策。1月17日,政协某某区第十届委员会第二次会议开幕。\n"
                            "【正文】下午2时,区政协十届二次会议隆重开幕。\n  【本报讯】1月5日上午9时,会议开幕。\n"
                            "■ 强化党的创新理论武装,不断夯实履职根基\n\n我们坚持学习,组织委员开展专题学习研讨二十余场,成效明显。\n"
                            "■ 聚焦中心大局,积极建言献策\n\n我们围绕中心工作,开展调研视察十余次,提出建议百余条,被采纳多条。\n")
    assert [s.heading for p in tree.parts for s in p.sections] == [
        "强化党的创新理论武装，不断夯实履职根基", "聚焦中心大局，积极建言献策"]


def test_a_kicker_above_a_news_headline_is_no_title():
    tree = read("2017年04月08日 星期六  \n\n坚定信心 践行使命 万众一心 奋发前行\n\n市政协十五届一次会议开幕\n\n"
                            "杨某标作工作报告 唐某军等到会祝贺\n\n    本报讯(记者龚某明)昨日上午,市政协委员激情满怀步入会场。\n")
    assert (tree.meta.title, tree.meta.subtitle) == ("", "")
    assert tree.paragraphs()[0].full == "坚定信心 践行使命 万众一心 奋发前行"   # kept as text


def test_a_stamp_with_its_time_and_source_run_together_is_no_subtitle():
    tree = read("福建省政协:凝心聚力助力高质量发展超越\n\n2021年01月19日07:58  来源:某某日报\n \n"
                            "  2020年,是全面建成小康社会和“十三五”规划收官之年。\n")
    assert (tree.meta.subtitle, tree.meta.date) == ("", "2021-01-19")


def test_a_news_agencys_feature_headline_after_its_dateline_and_a_meeting_to_come():
    tree = parse("新华社北京3月1日电 题:同心筑梦襄伟业——人民政协五年工作回眸\n\n新华社记者某某\n\n"
                 "春回大地、万物萌发。全国政协十四届一次会议将于3月4日在北京召开。\n\n"
                 "回眸过去的五年,人民政协事业在继承中发展、在守正中创新。\n")
    assert tree.meta.title == "同心筑梦襄伟业——人民政协五年工作回眸"
    assert tree.meta.date == "2023-03-01"   # the dateline's, in the year of the meeting it looks ahead to
    tree = parse("新华社北京3月12日电 中国人民政治协商会议全国委员会常务委员会工作报告——在政协第十一届全国委员会第二次会议上\n\n"
                 "(2009年3月3日)\n\n贾某某\n\n各位委员:\n\n我代表常务委员会,向大会报告工作,请予审议。\n")
    assert (tree.meta.title, tree.meta.meeting, tree.meta.speaker, tree.meta.date) == (
        "中国人民政治协商会议全国委员会常务委员会工作报告", "在政协第十一届全国委员会第二次会议上", "贾某某", "2009-03-03")


def test_yesterday_with_its_day_in_brackets_takes_the_month_of_the_pages_stamp():
    tree = parse("省政协九届四次会议隆重开幕\n\nhttp://www.example.cn 2006年01月14日05:38 某某早报\n\n"
                 "早报讯昨(13)日,中国人民政治协商会议第九届某某省委员会第四次会议在成都隆重开幕。\n")
    assert tree.meta.date == "2006-01-13"


def test_a_date_on_which_the_plenarys_opening_was_held_takes_the_year_of_its_session():
    tree = parse("本网1月9日讯 (某某报道)在1月9日上午举行的自治区政协十届二次会议开幕大会上,"
                 "自治区政协副主席李某某作关于自治区政协十届一次会议以来提案工作情况报告。建设富裕文明新广西。\n")
    assert tree.meta.date == "2009-01-09"   # 广西's tenth term opened in 2008


def test_the_day_members_came_to_a_plenary_session_is_its_date():
    tree = parse("市政协十一届三次会议隆重开幕\n\n2010-01-26 10:39:00\n\n"
                 "1月25日上午,来自全市各条战线的政协委员走进会展中心,参加市政协十一届三次会议,履行神圣职责。\n")
    assert tree.meta.date == "2010-01-25"
    # a press conference during the plenary is not its opening
    tree = parse("3月3日,全国政协十三届四次会议在北京举行新闻发布会,大会新闻发言人某某介绍相关情况。\n")
    assert tree.meta.date == ""


def test_a_title_printed_twice_with_its_page_number_is_one_title():
    tree = parse("中国人民政治协商会议全国委员会常务委员会工作报告(2)\n\n中国人民政治协商会议全国委员会常务委员会工作报告(2)\n\n"
                 "——在政协第十二届全国委员会第五次会议上\n\n二、2017年主要任务\n\n2017年是实施规划的重要一年。\n")
    assert (tree.meta.title, tree.meta.meeting) == ("中国人民政治协商会议全国委员会常务委员会工作报告", "在政协第十二届全国委员会第五次会议上")


def test_a_caption_naming_a_post_and_a_person_is_no_subhead():
    tree = parse("23日上午9时,省政协十届一次会议开幕。\n\n23日,主席团常务主席杨某某作九届省政协常务委员会工作报告。(某某摄)\n\n"
                 "大会主持人田某某\n\n1月23日上午9时,安徽省政协十届一次会议隆重开幕。主席团常务主席田某某主持大会。\n")
    assert [s.heading for p in tree.parts for s in p.sections] == []
    assert tree.meta.date == "2008-01-23"   # read past the caption: 安徽's tenth term opened in 2008


def test_the_meeting_named_in_full_in_a_news_sentence_is_read_but_not_printed():
    tree = parse("大连市政协十一届四次会议10日开幕\n\n1月10日下午,市政协主席刘某某在政协大连市第十一届委员会第四次会议上"
                 "向大会做工作报告时说,今年将继续关注民生。\n")
    assert tree.meta.meeting == "在政协大连市第十一届委员会第四次会议上" and tree.meta.shown("meeting") == ""


def test_a_subhead_set_over_two_short_lines_between_paragraphs_is_one_heading():
    para = "过去的一年,是团结奋进的一年。省政协坚持以习近平新时代中国特色社会主义思想为指导,各项工作取得新进展。"
    tree = parse(f"各位委员:\n\n一、2019年工作回顾\n\n{para}\n\n高度重视理论武装\n\n从严抓好自身建设\n\n{para}\n")
    assert [s.heading for p in tree.parts for s in p.sections] == ["高度重视理论武装 从严抓好自身建设"]


def test_a_meeting_line_whose_date_lost_its_year_and_month_and_a_list_intro_that_is_no_part():
    tree = parse("中国人民政治协商会议\n\n第十五届某某市委员会常务委员会\n\n工 作 报 告\n\n"
                 "201816日在政协第十五届某某市委员会第三次会议上)\n\n杨 某 某\n\n各位委员:\n\n"
                 "我代表常务委员会,向大会报告工作,请予审议。\n\n2017年工作回顾\n\n2017年是不平凡的一年。\n\n"
                 "一年来,主要开展了五个方面工作:\n\n(一)注重加强理论武装,凝聚思想共识\n\n正文。\n")
    assert tree.meta.title == "中国人民政治协商会议第十五届某某市委员会常务委员会工作报告"
    assert (tree.meta.meeting, tree.meta.date) == ("在政协第十五届某某市委员会第三次会议上", "")   # no day can be told
    assert [p.heading for p in tree.parts if p.heading] == ["2017年工作回顾"]


def test_a_page_that_cuts_the_paragraph_under_a_heading_short_keeps_the_heading_whole():
    tree = parse("各位委员、同志们:\n\n我受常务委员会的委托,向大会报告工作。\n\n2018年工作回顾\n\n2018年是开局之年。\n\n"
                 "一、以某某思想为统领,牢牢把握政协工作正确方向\n\n坚持把习近平新时代中国特色社会主\n")
    assert [s.heading for p in tree.parts for s in p.sections] == ["以某某思想为统领，牢牢把握政协工作正确方向"]


def test_a_news_sources_bracketed_tag_and_a_pdf_button_are_no_subheads():
    para = "18日,某某区政协第五届委员会第二次会议开幕,区政协主席吴某某向大会作了工作报告。他指出,2017年要努力提出意见建议。"
    tree = parse(f"【某某商报网讯】记者某某报道:{para}\n\n{para}\n")
    assert [s.heading for p in tree.parts for s in p.sections] == [] and tree.meta.speaker == "吴某某"
    tree = parse(f"【PDF版】\n\n本报2月23日讯 {para}\n")
    assert [s.heading for p in tree.parts for s in p.sections] == []
    tree = parse("某某市政协十三届一次会议开幕\n\nhttp://www.example.com   [2013-01-06]\n\n"
                 "【本报记者某某 实习记者某某 南京5日电】1月5日,中国人民政治协商会议某某市第十三届委员会第一次会议隆重举行。\n")
    assert [s.heading for p in tree.parts for s in p.sections] == [] and tree.meta.date == "2013-01-05"


def test_a_plenarys_resolution_has_its_title_and_the_day_it_was_adopted():
    tree = parse("中国人民政治协商会议\n\n某某市第十三届委员会第二次会议决议\n\n(2013年3月8日政协某某市第十三届委员会第二次会议通过)\n\n"
                 "中国人民政治协商会议某某市第十三届委员会第二次会议,于2013年3月4日至3月8日举行。\n")
    assert (tree.meta.title, tree.meta.date) == ("中国人民政治协商会议某某市第十三届委员会第二次会议决议", "2013-03-08")
    tree = parse("中国人民政治协商会议\n\n第六届某某市委员会第四次会议政治决议\n\n(2025年2月9日政协第六届某某市委员会\n\n"
                 "第四次会议通过)\n\n中国人民政治协商会议第六届某某市委员会第四次会议,于2025年2月7日至9日召开。\n")
    assert (tree.meta.title, tree.meta.date) == ("中国人民政治协商会议第六届某某市委员会第四次会议政治决议", "2025-02-09")
    tree = parse("中国人民政治协商会议\n\n某某市第十三届委员会第四次会议\n\n政治决议\n\n"
                 "(2014年2月20日政协某某市第十三届委员会第四次会议通过)\n\n会议于2014年2月18日至20日举行。\n")
    assert (tree.meta.title, tree.meta.speaker, tree.meta.date) == (
        "中国人民政治协商会议某某市第十三届委员会第四次会议政治决议", "", "2014-02-20")


def test_a_day_on_a_line_of_its_own_is_no_title_and_a_day_that_lost_its_ri():
    tree = parse("1月11日上午\n\n中国人民政治协商会议某某市第八届委员会第五次会议在庄严的国歌声中隆重开幕!\n\n"
                 "2020年,市政协围绕中心履职尽责。\n")
    assert (tree.meta.title, tree.meta.date) == ("", "2021-01-11")
    tree = parse("州政协十四届一次会议隆重开幕\n\n发布时间:2022-02-14 22:09\n\n"
                 "2月14上午,中国人民政治协商会议某某州第十届委员会第一次会议在下关隆重开幕。\n")
    assert tree.meta.date == "2022-02-14"


def test_the_year_of_a_plenarys_day_is_read_past_the_news_items_first_subhead():
    tree = parse("1月20日下午,中国人民政治协商会议某某区第七届委员会第五次会议在规划中心开幕。\n\n摄影:某某\n\n"
                 "围绕打造引领区的工作主线\n\n2025年,区政协常委会在区委坚强领导下,紧紧围绕工作主线履职尽责,各项工作取得新进展。\n\n"
                 "一批优秀提案等获表彰\n\n2026年是“十五五”规划的开局之年。区政协将坚持党的领导,推动各项工作再上新台阶。\n")
    assert [s.heading for p in tree.parts for s in p.sections] == ["围绕打造引领区的工作主线", "一批优秀提案等获表彰"]
    assert tree.meta.date == "2026-01-20"


def test_a_transcript_salutation_with_a_comma_and_a_meeting_line_whose_date_lost_its_ri():
    tree = parse("中国人民政治协商会议全国委员会常务委员会工作报告\n\n——在政协第十一届全国委员会第五次会议上\n\n贾某某\n\n"
                 "各位委员,我代表中国人民政治协商会议第十一届全国委员会常务委员会,向大会报告工作,请予审议。\n")
    assert tree.meta.salutation == "各位委员，"
    tree = parse("中国人民政治协商会议南通市第十届委员会常务委员会工作报告\n\n"
                 "——2012年1月8在政协南通市第十届委员会第五次会议上\n\n各位委员:\n\n正文。\n")
    assert (tree.meta.meeting, tree.meta.date) == ("在政协南通市第十届委员会第五次会议上", "2012-01-08")


def test_todays_opening_in_a_later_copys_headline_gives_way_to_the_storys_own_day():
    tree = parse("省政协十一届四次会议今日开幕\n\n2016-02-08\n\n图 本刊记者 某某\n\n"
                 "1月25日上午9时,贵州省政协十一届四次会议第一次全体会议在贵阳隆重举行。今天大会应到委员600名。\n")
    assert tree.meta.date == "2016-01-25"


def test_a_part_themed_on_the_meetings_own_year_is_the_plan():
    tree = parse("各位委员:\n\n一、2020年:围绕党和国家中心任务凝心聚力\n\n2020年极不平凡。\n\n"
                 "二、2021年:聚焦“十四五”开局起步履职尽责\n\n2021年是开局之年。\n")
    assert [p.role for p in tree.parts if p.heading] == ["review", "plan"]
    tree = parse("全国政协十三届四次会议于3月4日下午3时在北京人民大会堂开幕。\n\n"
                 "2021年:聚焦“十四五”开局起步履职尽责\n\n(一)深化理论学习,夯实共同思想政治基础。\n")
    assert [p.role for p in tree.parts if p.heading] == ["plan"]   # 十三届四次 of the national committee: 2021


def test_a_numbered_heading_glued_to_its_paragraphs_opening_is_cut_where_the_paragraph_starts():
    tree = parse("各位委员：\n一、2014年工作回顾\n（一）坚持正确的政治方向，筑牢共同思想基础一年来，我们始终把思想政治建设放在首位。\n"
                 "（二）聚焦中心任务过去一年里，常委会组织协商八次。\n（三）今年以来的工作安排，常委会研究确定。\n")
    sections = [s for p in tree.parts for s in p.sections]
    assert [s.heading for s in sections] == ["坚持正确的政治方向，筑牢共同思想基础", "聚焦中心任务", "今年以来的工作安排，常委会研究确定"]
    assert sections[0].children[0].full.startswith("一年来，我们始终")


def test_a_news_items_meeting_day_reads_past_the_pages_date_line_a_deadline_and_a_run_of_short_lines():
    tree = read("2017年1月18日\n\n自治区政协十一届五次会议胜利闭幕\n\n"
                "新报讯 1月17日下午,历时5天的自治区政协十一届五次会议圆满完成各项议程。\n")
    assert tree.meta.date == "2017-01-17"
    # 截至2016年12月13日 in a sentence set line by line is no page stamp (the day after it in the
    # year is in the next year), and those lines are no subheads
    tree = read("1月11日上午,某某市政协六届三次会议隆重开幕。某某某代表常委会向大会作工作报告。\n\n市政协六届二次会议期间\n\n"
                "市政府系统共办理提案572件\n\n截至2016年12月13日全部答复完毕\n\n占38.8%\n\n"
                "市政府认真吸纳提案建议,进一步推进政府工作,取得了很好的效果,群众满意。\n")
    assert tree.meta.date == "2017-01-11" and not [s.heading for p in tree.parts for s in p.sections]


def test_a_names_dot_typed_as_a_bullet_and_a_report_called_ti_an_gong_zuo():
    tree = read("1月8日上午,某某县政协第十四届委员会第七次会议隆重开幕。阿布都沙拉木•麦木提明代表县政协常委会向大会作工作报告。\n")
    assert tree.meta.speaker == "阿布都沙拉木•麦木提明"
    tree = read("12月21日,县政协召开十一届五次常委会。会议审议了县政协常务委员会工作报告、提案工作报告(征求意见稿)、"
                "县政协常务委员会工作报告的报告人建议名单。\n")
    assert tree.meta.speaker != "提案工"


def test_page_labels_tv_script_markers_and_glyphs_are_no_title_or_subhead():
    tree = read("中新网新疆正文\n\n某某县政协第十四届委员会第七次会议隆重开幕\n\n"
                "1月8日上午,某某县政协第十四届委员会第七次会议在县会议中心隆重开幕,委员们认真听取了工作报告。\n\n"
                "【图文】委员们认为,常委会工作报告主题鲜明、重点突出、思路清晰,体现了求真务实的精神。\n\n"
                "【图文】委员们还围绕提升委员履职水平、发挥委员作用等方面积极建言献策,提出了很多好的意见。\n")
    assert tree.meta.title == "" and not [s.heading for p in tree.parts for s in p.sections]
    tree = read("3月4日下午,全国政协十三届五次会议开幕,委员们认真听取并讨论了常委会工作报告,大家深受鼓舞。\n\n"
                "■■■ 筑牢共同思想政治基础\n\n刘某某委员:报告具有很强的政治性、时代性、指导性、实践性,是一个好报告。\n\n"
                "■■■ 广泛凝聚共识\n\n洪某某委员:报告字字句句诠释实干担当,真真切切记录履职成效,是一个好报告。\n")
    assert [s.heading for p in tree.parts for s in p.sections] == ["筑牢共同思想政治基础", "广泛凝聚共识"]


def test_a_news_items_results_subhead_is_no_part_and_you_before_a_name_is_no_part_of_it():
    tree = read("3月4日下午,全国政协十四届四次会议开幕,由全国政协主席王某某作常委会工作报告。\n\n过去一年工作成果丰硕\n\n"
                "王某某表示,全国政协过去一年紧密围绕国家发展大局,认真履职,取得了新的成效。\n\n深入基层服务为民\n\n"
                "全国政协亦着力将履职工作与服务社会结合,委员们深入基层调研,为群众办实事。\n")
    assert tree.meta.speaker == "王某某"
    assert [p.heading for p in tree.parts] == [""]
    assert [s.heading for p in tree.parts for s in p.sections] == ["过去一年工作成果丰硕", "深入基层服务为民"]


def test_hong_kong_and_macao_news_items_name_their_speaker_and_their_tags_are_no_subheads():
    tree = read("閩政協開幕澳委員出席\n\n【本報消息】福建省政協第十三屆二次會議昨日上午在福州開幕,會期四天半。\n\n"
                "滕某某作十三屆省政協常委會工作報告,其中聚焦探索海峽兩岸融合發展新路。\n\n三澳委員膺優秀委員\n\n"
                "會上,三位澳區委員獲評優秀政協委員,大家表示將繼續履職盡責,為澳門和內地發展貢獻力量。\n")
    assert tree.meta.speaker == "滕某某" and [p.heading for p in tree.parts] == [""]
    assert "本報消息" not in [s.heading for p in tree.parts for s in p.sections]
    tree = read("全國政協會議開幕 王某某發表工作報告\n\n【Now新聞台】全國政協十四屆二次會議在北京開幕。\n\n網上圖片\n\n"
                "國家主席等領導人出席全國政協會議,政協主席王某某發表上任後首份工作報告,提到委員履職成效。\n")
    assert tree.meta.speaker == "王某某" and not [s.heading for p in tree.parts for s in p.sections]
    tree = read("【全國兩會】俞某某任內最後工作報告 港澳工作部份只剩一句?\n\n"
                "全國政協十三屆一次會議今日下午舉行,國家主席等領導人出席。閩政協主席梁某某在大會報告中說,要做好港澳工作。\n")
    assert tree.meta.speaker == "梁某某" and not [s.heading for p in tree.parts for s in p.sections]


def test_a_table_of_contents_above_the_title_and_a_salutation_over_two_lines():
    tree = read("目录/提纲:……\n一、2018年工作回顾\n(一)坚持党的领导,筑牢政治基础\n二、2019年主要任务\n……\n"
                "政协某某区第五届委员会常务委员会工作报告\n各位委员、\n同志们:\n"
                "我代表政协某某区第五届委员会常务委员会,向大会报告工作,请予审议。\n一、2018年工作回顾\n"
                "(一)坚持党的领导,筑牢政治基础\n一年来,区政协常委会筑牢共同思想政治基础。\n")
    assert tree.meta.title == "政协某某区第五届委员会常务委员会工作报告"
    assert tree.meta.salutation == "各位委员、同志们："
    assert [(p.role, p.heading) for p in tree.parts] == [("review", "2018年工作回顾")]


def test_a_proposal_reports_part_named_for_its_session_or_term():
    assert part_role("八届二次会议提案工作情况") == "review" and part_role("XX届市政协提案工作总体情况") == "review"


def test_a_host_reporting_the_attendance_is_no_speaker_and_a_line_cut_mid_sentence_no_part():
    tree = read("1月10日上午,政协某某区第十二届委员会第三次会议开幕。上午,主持人黄某某向大会报告应到委员306人,实到286人。"
                "区政协主席沈某代表政协某某区委员会常务委员会,向大会报告工作。\n")
    assert tree.meta.speaker == "沈某"
    tree = read("某某区政协五届四次会议开幕\n\n当日上午,大会在雄壮的国歌声中拉开帷幕,区委书记出席会议并讲话,委员们认真听取报告。\n\n"
                "过去一年,区政协认真履行政治协商、\n\n民主监督、参政议政职能,取得了明显成效,得到各方面好评。\n")
    assert not [p.heading for p in tree.parts if p.heading]


def test_a_sidebars_dashed_subtitle_is_no_meeting_line():
    tree = read("凝心聚力谱新篇\n——自治区政协十二届三次会议闭幕侧记\n\n1月21日上午,自治区政协十二届三次会议胜利闭幕。\n")
    assert tree.meta.meeting == ""


def test_a_speakers_sentence_is_no_title_and_a_line_leading_into_a_quote_no_part():
    tree = read("1月7日上午,政协第十三届某某市委员会常务委员会第十七次会议召开。\n\n"
                "市政协主席管某某指出,常委们对市政协常委会工作报告、提案工作情况报告\n")
    assert tree.meta.title == ""
    tree = read("3月1日,某某县政协十一届四次会议开幕,县政协副主席作提案工作报告,委员们认真听取。\n\n报告提出了对2025年提案工作的建议——\n\n"
                "要进一步提高提案质量,完善提案办理协商机制,推动提案成果转化,更好服务全县发展大局。\n")
    assert [p.heading for p in tree.parts if p.heading] == []


# What a page says of itself, read from real layouts (invented text): the meeting's day, the speaker
# and the title. `how`: "==" exact; "startswith"; "nospace" compared without spaces.
def _check(got: str, want: str, how: str) -> None:
    if how == "startswith":
        assert got.startswith(want)
    elif how == "nospace":
        assert got.replace(" ", "") == want
    else:
        assert got == want


DATES = [
    pytest.param("2月6日上午8点30分,县政协十四届五次会议在县文化体育中心隆重开幕。\n\n报告指出,2025年,县政协常委会工作的总体要求是:以习近平新时代中国特色社会主义思想为指导。\n",
                 "2025-02-06", "==", id="the-year-whose-requirements-the-report-sets"),
    pytest.param("委员分组审议常委会工作报告和提案工作报告\n\n2018-01-06\n\n5日下午,市政协十三届一次会议开始分组审议。委员们就政协常委会工作报告进行了审议。\n",
                 "2018-01-05", "==", id="a-day-of-a-named-plenary-without-opening-words"),
    pytest.param("2016-11-30\n\n红网某某县分站11月30日讯(通讯员某某)政协某某县第九届委员会第一次会议圆满完成各项议程后,于11月29日下午在花鼓剧院闭幕。\n",
                 "2016-11-29", "==", id="the-closing-day"),
    pytest.param("2018-01-20\n\n据了解,目前会议各项准备工作已全部就绪。1月19日上午闭幕的政协某某自治区第十一届二十一次常委会议,协商产生了新一届委员名单。\n",
                 "", "==", id="not-the-day-a-standing-committee-meeting-closed"),
    pytest.param("市政协委员分组学习讨论书记讲话审议政协两个报告\n\n2024-01-31\n\n推动政协工作更有声色更出新彩\n\n奋力为全市经济社会高质量发展聚势赋能\n\n"
                 "1月31日下午,出席市政协十三届四次会议的委员们在各驻地分组学习讨论书记在开幕会上的讲话。\n",
                 "2024-01-31", "==", id="past-deck-lines-above-the-first-sentence"),
    pytest.param("来源:时间: 2024-01-24 09:25:00\n\n123日上午,中国人民政治协商会议某某旗第十五届委员会第三次会议在行政服务中心胜利闭幕。\n",
                 "2024-01-23", "==", id="a-day-that-lost-its-month-nearest-before-the-stamp"),
    pytest.param("发布时间:2020-04-04 19:34\n\n43日,旗政协十届九次常委会会议召开,旗政协主席某某某主持会议并讲话。\n",
                 "2020-04-03", "==", id="a-two-digit-day-that-lost-its-month"),
    pytest.param("——202311日在政协某某区第三届委员会第二次会议上\n\n各位委员:\n\n我代表常务委员会向大会报告工作。\n",
                 "", "==", id="a-meeting-lines-date-that-lost-year-and-month-is-not-guessed"),
    pytest.param("某某县政协第十三届一次会议胜利闭幕\n\n发表于:2012年01月06日\n\n元月3日至6日,某某县政协第十三届一次会议胜利召开,300名政协委员出席会议。\n",
                 "2012-01-03", "==", id="yuanyue-is-january"),
    pytest.param("【政协年中工作会议】\n\n2015-09-23\n\n8月7日在区图书馆举行。与会委员听取了区政府2012年上半年工作总结。\n",
                 "2012-08-07", "==", id="day-of-the-headlines-meeting-in-a-later-copy"),
    pytest.param("第三节 参政机构\n\n全体会议1984年1月至2006年底,7届全体会议均在县城召开。第一届委员会第一次会议于1984年1月10日至15日举行。\n",
                 "", "==", id="a-gazetteers-section-names-decades-of-meetings"),
    pytest.param("发布时间:2019-02-27 03:58\n\n2月25号下午,出席县政协十四届三次会议的委员们分组讨论常委会工作报告。\n",
                 "2019-02-25", "==", id="hao-after-a-stamp"),
    pytest.param("2月28日-3月1日,某某县政协第十届委员会第四次会议召开。报告指出,2023年,县政协紧扣县委决策部署。\n",
                 "2024-02-28", "==", id="range-first-day"),
    pytest.param("1月19日召开的州政协十三届五次会议第一次全体会议,听取了提案工作情况的报告。\n\n报告明确,2025年底前完成各项任务。\n",
                 "2026-01-19", "==", id="held-at-a-meeting-named-after-the-day"),
    pytest.param("12月24日下午,政协第十六届某某县委员会第五次会议圆满完成各项议程,胜利闭幕。\n\n会议强调,2026年县政协常委会要以习近平新时代中国特色社会主义思想为指导,紧紧围绕主线。\n",
                 "2025-12-24", "==", id="december-plans-next-year"),
    pytest.param("5月13日,县政协召开常委会议。会议强调,2020年是全面建成小康社会和“十三五”规划的收官之年,要担当作为。\n",
                 "2020-05-13", "==", id="stressed-year-is-the-meetings-own"),
    pytest.param("1月9日上午,市政协召开十二届五次会议预备会议。要求认真总结一年来的工作,进一步明确2016年工作重点。\n",
                 "2016-01-09", "==", id="work-priorities-are-the-meetings-year"),
    pytest.param("2月23日,区政协召开十五届一次常委会会议。听取了2021年重点民生实事完成情况的通报。\n",
                 "2022-02-23", "==", id="priorities-done-are-the-year-before"),
    pytest.param("奋斗新时代 奋进新征程——十二届省政协常委会2020年亮点工作综述\n\n发布时间:2021年01月24日 07:50:00  来源:某某网\n\n2020年是全面建成小康社会和“十三五”规划的收官之年。一年来,省政协深入学习贯彻重要讲话精神。\n",
                 "2021-01-24", "==", id="review-article-stamp"),
    pytest.param("• 某某县政协召开九届二十二次常委会议\n\n1月19日下午,某某县政协召开九届二十二次常委会议。会议审议通过了常委会工作报告(讨论稿)。2017年县政协工作要点同时印发。\n",
                 "2017-01-19", "==", id="standing-committee-meeting-day"),
    pytest.param("4月7日,区政协十届五次常委会召开。会议审议通过了区政协2023年工作要点(征求意见稿)。\n",
                 "2023-04-07", "==", id="standing-committee-meeting-changwei-hui"),
    pytest.param("本报讯 昨日下午,市政协十二届二十四次常委会议召开。会议决定:政协第十二届某某市委员会第五次会议于2016年2月18日至21日在市行政管理中心召开。\n",
                 "", "==", id="meeting-to-come-is-no-day"),
    pytest.param("2014年政协工作大事记\n\n发布时间:2017-05-03 文章来源: 放大 缩小 关闭 浏览量:\n\n1月\n\n6日至8日,区政协召开七届三次会议。会议听取并审议了常务委员会工作报告。\n\n2月\n\n12日,区政协召开主席会议,研究全年工作。\n\n3月\n\n5日,区政协组织委员视察。\n",
                 "2017-05-03", "==", id="chronicle-keeps-its-page-date"),
    pytest.param("东北网某某2月16日电 在15日上午召开的某某市政协三届五次会议新闻发布会上,市政协副主席王某就会议作了介绍。政协某某市第三届委员会第五次会议定于2006年2月20日至22日召开。\n",
                 "2006-", "startswith", id="nearest-year-to-a-date-to-come"),
    pytest.param("县政协召开十三届十八次常委会\n\n4月15日上午,政协某某县第十三届委员会常务委员会第十八次会议召开。会议通过政协某某县十三届五次会议于2015年4月24日至26日在县城召开的决定。\n",
                 "2015-04-15", "==", id="nearest-year-to-a-date-decided"),
    pytest.param("政协第十二届某某市某某区委员会第二次会议,2012年12月30日在某某饭店胜利闭幕。\n",
                 "2012-12-30", "==", id="closing-day-with-its-year"),
    pytest.param("中国人民政治协商会议天津市某某区第五届委员会第四次会议圆满完成各项议程,1月7日下午胜利闭幕。\n\n会议提出了2020年全区经济社会发展的总体要求、主要目标和重点任务。\n",
                 "2020-01-07", "==", id="plan-year-of-the-regions-development"),
    pytest.param("龙湾区政协五届一次会议胜利闭幕\n\n来源:某某新闻网编辑:林某某2017-02-16 18:26:00\n\n16日下午,政协某某区第五届委员会第一次会议圆满完成各项议程后胜利闭幕。\n",
                 "2017-02-16", "==", id="closing-day-in-the-stamps-month"),
    pytest.param("发布时间:2024-01-22 10:00\n\n某某省政协十三届二次会议开幕,至24日下午闭幕,共有726名委员出席。\n",
                 "", "==", id="end-of-a-range-is-no-day"),
    pytest.param("中国人民政治协商会议某某县第十届委员会第四次会议,于2020年5月12日至14日召开。\n\n会议审议批准了刘某某同志代表常务委员会所作的工作报告。\n",
                 "2020-05-14", "==", id="resolution-last-day"),
    pytest.param("1月4日至6日,某某县政协第十届委员会第二次会议召开。会议听取了常委会工作报告。2023年县政协要继续努力。\n",
                 "2023-01-04", "==", id="news-first-day"),
    pytest.param("市政协十三届一次会议隆重开幕http://www.sina.com.cn 2008年01月14日06:00某某新闻网-某某晚报\n\n(特别报道组)昨日上午,中国人民政治协商会议第十三届某某市委员会第一次会议在会议中心开幕。\n",
                 "2008-01-13", "==", id="stamp-after-an-address"),
    pytest.param("某某某全國政協工作報告\n\n04/03/2016\n\n政協主席某某某昨日在會上作工作報告表示,2016年是決勝階段的開局之年。\n",
                 "2016-03-03", "==", id="hong-kong-day-month-year"),
    pytest.param("市政协广泛征求“两报告”意见\n\n2010年01月06日 05:43某某日报\n\n本报讯(记者 傅某) 昨日,市政协领导分赴各区县(市)政协,"
                 "征求各地对《中国人民政治协商会议第九届某某市委员会常务委员会工作报告》的意见。\n",
                 "2010-01-05", "==", id="yesterday-far-before-the-report-it-names"),
    pytest.param("2011年01月08日 10:15 某某网\n\n中新网某某1月8日电 中国人民政治协商会议某某市第三届委员会第四次会议8日拉开帷幕。\n",
                 "2011-01-08", "==", id="a-day-the-curtain-rises"),
    pytest.param("2012-01-06\n今天上午,市政协主席王某来到某某区调研,深入企业、社区,……为即将召开的市政协十一届五次会议作准备。\n",
                 "", "==", id="today-before-a-meeting-to-come"),
    pytest.param("县政协十届一次会议开幕\n2022-01-17\n" + "".join(f"县政协开展第{i}次调研活动\n" for i in range(1, 15))
                 + "1月16日上午,政协某某县第十届委员会第一次会议隆重开幕。\n",
                 "2022-01-16", "==", id="a-lead-below-a-pages-many-links"),
    pytest.param("俞某某宣布全国政协十二届一次会议开幕\n开始时间\n2002-10-07\n俞某某宣布全国政协十二届一次会议开幕,全场起立唱国歌。\n"
                 "今天下午的开幕会有两项议程,现在进行第一项议程。\n",
                 "", "==", id="today-of-a-forums-stamp-years-off-the-plenary"),
    pytest.param("2007年01月12日08:54 某某网\n\n某某日报消息(记者 张某)昨日上午,中国人民政治协商会议某某市第十一届委员会第五次会议"
                 "圆满完成各项议程后落下帷幕。\n", "2007-01-11", "==", id="yesterday-the-curtain-falls"),
    pytest.param("某某区第六届政协第一次会议于2017年1月8-11日胜利召开。会议听取了五届政协工作报告。\n",
                 "2017-01-08", "==", id="range-with-a-hyphen"),
    pytest.param("3月14日上午,政协第十届某某县委员会常务委员会第十八次会议召开。某某通报了《政协某某县委员会 2025年度协商工作计划》。\n",
                 "2025-03-14", "==", id="a-years-consultation-plan-is-the-meetings-year"),
    pytest.param("12月28日,参加县政协十一届五次会议的政协委员分组讨论了常委会工作报告。委员们认为,报告客观总结了过去一年来政协工作,明确提出了2026年工作任务。\n",
                 "2025-12-28", "==", id="a-december-meeting-sets-next-years-tasks"),
    pytest.param("某某新闻网12月14日讯 昨日,十三届某某市政协常委会第四次会议召开,会议审议通过了关于2017年12月25日—28日召开政协第十三届某某市委员会第二次会议的决定。\n",
                 "2017-12-13", "==", id="a-plenary-decided-on-is-to-come"),
    pytest.param("某某区政协召开2019年工作务虚会\n2018-12-25 14:56:00发布65次查看\n12月20日下午,区政协召开2019年工作务虚会。会议总结2018年工作,谋划2019年工作。\n",
                 "2018-12-20", "==", id="a-planning-retreat-under-a-stamp-with-a-read-count"),
    pytest.param("某某县政协召开联络组年度工作总结会\n发布时间:2020-11-20 来源:某某新闻网\n"
                 "11月19日,某某县政协召开各专委(室)和乡镇(街道)联络组2020年度工作总结会议。县政协领导参加。\n",
                 "2020-11-19", "==", id="the-day-of-a-meeting-named-at-length"),
    pytest.param("本网拉萨12月17日讯 12月17日,政协第十届某某自治区委员会召开第22次主席会议,审议常务委员会工作报告。"
                 "会议对2015年政协工作作出了安排部署。\n",
                 "2014-12-17", "==", id="a-december-meeting-arranging-next-years-work"),
    pytest.param("今天是:\n\n会议纪要\n\n1月21日上午,市政协召开了八届九次常委会议。会议认为,一年来,市政协以市政协2009年工作要点为总抓手,扎实工作。\n",
                 "2010-01-21", "==", id="a-years-plan-that-guided-the-year-looked-back-on"),
    pytest.param("正文复制\n人民政协报/2024 年/2 月/27 日/第 001 版\n为推进中国式现代化凝心聚力\n——某某政协2023年协商议政活动综述\n"
                 "本报记者 某某\n2023年是全面贯彻落实二十大精神的开局之年。\n",
                 "2024-02-27", "==", id="review-dated-by-the-paper-line-above-its-headline"),
    pytest.param("江苏省政协\n2015-11-15\n江苏年鉴2015\n综述\n【思想政治建设】以学习为引领,全面落实学习制度。\n",
                 "", "==", id="a-yearbook-part-is-no-dated-headline"),
]


SPEAKERS = [
    pytest.param("某某州人民政府\n\n政府工作部门\n\n各县政府\n\n2月10日上午,中国人民政治协商会议第十届某某县委员会第六次会议开幕。"
                 "县政协主席关某代表政协第十届某某县委员会常务委员会向大会作工作报告。\n",
                 "关某", "==", id="a-sites-menu-is-no-name"),
    pytest.param("2月24日,政协某某旗第十三届委员会第四次会议开幕。旗政协主席李苏依勒图代表中国人民政治协商会议某某旗第十三届委员会常务委员会向大会报告工作。\n",
                 "李苏依勒图", "==", id="long-undotted-name-after-the-post"),
    pytest.param("于某某说,要在从严治党中凝心聚力\n\n于某某发表讲话\n\n李某某作工作报告\n\n1月9日,政协某某市第十五届委员会第一次会议隆重开幕。\n",
                 "李某某", "==", id="not-across-captions"),
    pytest.param("1月30日上午,政协某某市第八届委员会第五次会议闭幕。会议审议批准了苏雅勒其其格代表政协某某市第八届委员会常务委员会所作的工作报告,"
                 "审议批准了刘某某代表政协某某市第八届委员会常务委员会所作的提案工作情况报告。\n",
                 "苏雅勒其其格", "==", id="long-undotted-name"),
    pytest.param("查看原文\n\n其他\n\n今天,市政协十一届五次会议开幕!\n\n陈某某作常委会工作报告\n\n今天上午,328位市政协委员出席会议。\n",
                 "陈某某", "==", id="a-mirrors-category-is-no-name"),
    pytest.param("同心发力团结奋斗市政协五届五次会议隆重开幕任某某作工作报告吴某某等到会祝贺\n\n1月20日上午,政协某某市第五届委员会第五次会议隆重开幕。\n",
                 "任某某", "==", id="headline-run-into-the-name"),
    pytest.param("全国政协主席贾某某代表政协第十一届全国委员会常务委员会向大会作工作报告。\n\n[王某]各位委员,各位朋友,中国人民政治协商会议第十一届全国委员会第二次会议现在开幕。\n",
                 "贾某某", "==", id="chair-tag-gives-way-to-the-news"),
    pytest.param("1月5日,政协某某县第十届委员会第一次会议开幕。政协某某县第九届委员会主席丁某某向大会作政协某某县第九届委员会常务工作报告。\n",
                 "丁某某", "==", id="long-report-name"),
    pytest.param("1月18日,自治区政协十二届一次会议开幕。十一届自治区政协主席崔某代表自治区政协十一届常委会,向大会作宁夏回族自治区政协十一届常委会工作报告。\n",
                 "崔某", "==", id="long-committee-name"),
    pytest.param("今天,十三届全国政协主席汪某在报告中谈到的第一个“首次”是政协党建。\n",
                 "汪某", "==", id="said-in-the-report"),
]


TITLES = [
    pytest.param("县政协2020年工作要点\n\n县政协2020年工作要点\n\n2020年是具有里程碑意义的一年。\n\n一、坚持党的领导,筑牢共同思想政治基础\n\n正文。\n",
                 "县政协2020年工作要点", "==", id="a-plan-named-for-its-committee"),
    pytest.param("2023年自治区政协履职亮点回顾④ 委员作业竞出彩\n\n2024-01-21\n\n2023年自治区政协履职亮点回顾④\n\n委员作业竞出彩\n\n"
                 "冬至阳生春又来,盘点2023年履职工作,用数据说话,以实绩答卷。\n\n培育民族团结进步之花\n\n2023年,自治区政协以委员行动为统领。\n",
                 "2023年自治区政协履职亮点回顾④委员作业竞出彩", "nospace", id="one-of-a-series-repeated-over-two-lines"),
    pytest.param("谱写政协履职尽责奋进奋斗的新篇章——热烈祝贺政协某某州第十二届委员会第四次会议开幕\n\n2019-02-13\n\n砥砺奋进助发展,锐意履职显担当。\n",
                 "", "==", id="greeting-headline-is-no-title-and-meeting"),
    pytest.param("政讯通中心\n\n自治区政协2023年工作综述之二\n\n2024-01-17\n\n服务中心大局 不断彰显政协担当作为\n\n——自治区政协2023年工作综述之二\n\n"
                 "党委政府中心工作推进到哪里,政协履职就跟进到哪里。\n",
                 "服务中心大局 不断彰显政协担当作为", "==", id="one-review-of-a-series"),
    pytest.param("奋斗新时代 奋进新征程——十二届省政协常委会2020年亮点工作综述\n\n发布时间:2021年01月24日 07:50:00  来源:某某网\n\n2020年是全面建成小康社会和“十三五”规划的收官之年。一年来,省政协深入学习贯彻重要讲话精神。\n",
                 "奋斗新时代奋进新征程——十二届省政协常委会2020年亮点工作综述", "nospace", id="review-headline-with-dashed-subtitle"),
    pytest.param("• 某某县政协召开九届二十二次常委会议\n\n1月19日下午,某某县政协召开九届二十二次常委会议。会议审议通过了常委会工作报告(讨论稿)。2017年县政协工作要点同时印发。\n",
                 "", "==", id="bulleted-standing-committee-headline"),
    pytest.param("关于召开中国人民政治协商会议某某县\n第九届委员会第五次会议的决定\n(2016年1月10日县政协九届十八次常委会议通过)\n经县政协九届十八次常委会议协商决定:政协第九届委员会第五次会议于2016年1月20日召开。\n",
                 "关于召开中国人民政治协商会议某某县第九届委员会第五次会议的决定", "==", id="decision-over-two-lines"),
    pytest.param("澳委員出席莆田政協會議\n\n【本報消息】莆田市政协八届一次会议昨日开幕。\n",
                 "", "==", id="attending-headline"),
    pytest.param("县政协召开十三届十八次常委会\n\n4月15日上午,政协某某县第十三届委员会常务委员会第十八次会议召开。会议通过政协某某县十三届五次会议于2015年4月24日至26日在县城召开的决定。\n",
                 "", "==", id="standing-committee-headline"),
    pytest.param("我会顾问戴某某当选某某区政协常委\n\n1月5日,政协某某区第六届委员会第一次会议开幕。\n",
                 "", "==", id="election-headline"),
    pytest.param("中国人民政治协商会议某某市第八届委员会常务委员会工作报告(摘要)(全文4\n\n中国人民政治协商会议某某市第八届委员会常务委员会工作报告(摘要)\n——2020年1月6日在政协某某市第八届委员会第四次会议上\n陈某\n\n各位委员、同志们:\n\n我代表常务委员会向大会报告工作。\n",
                 "中国人民政治协商会议某某市第八届委员会常务委员会工作报告（摘要）", "==", id="title-repeated-with-its-length"),
    pytest.param("sina.com.cn\n\n本报讯 政协某某区第八届委员会第三次会议昨日开幕。\n",
                 "", "==", id="site-domain"),
    pytest.param("本报讯(记者\n\n王某)1月5日,政协某某州第十三届委员会第三次会议开幕。\n",
                 "", "==", id="cut-byline"),
    pytest.param("市政协十五届一次会议举行主席团第二次会议\n\n1月5日,会议举行主席团第二次会议。\n",
                 "", "==", id="presidium-headline"),
    pytest.param("市政协九届二次会议收到提案118件\n\n1月5日,政协某某市第九届委员会第二次会议开幕。\n",
                 "", "==", id="headline-that-counts"),
    pytest.param("当前位置: 首页 > 领导讲话\n中国人民政治协商会议第十届某某市某区委员会常务委员会工作报告\n发布日期:2025-01-07 02:43\n"
                 "中国人民政治协商会议届某某市某区委员会\n常务委员会工作报\n——在政协第届某某市某区委员会第次会议上\n王某某\n各位委员:\n",
                 "中国人民政治协商会议第十届某某市某区委员会常务委员会工作报告", "==", id="the-pages-headline-where-the-capture-lost-the-titles-numbers"),
    pytest.param("省政协征求常委会工作报告稿意见\n乔某某等参加\n本报讯 1月10日上午,省政协召开主席会议,研究常委会工作报告稿。\n",
                 "", "==", id="a-headline-on-seeking-comments"),
    pytest.param("全國政協常委、澳門歸僑總會會長劉某某\n全國政協十四屆三次會議今日下午在北京開幕。\n",
                 "", "==", id="a-captions-post-and-name"),
    pytest.param("2024年01月26日\n第01版:01\n围绕大局履职 聚焦中心尽责\n——市政协2023年提案工作回顾\n本报通讯员 某某\n2023年,市政协坚持围绕中心。\n",
                 "围绕大局履职 聚焦中心尽责", "==", id="a-review-headline-over-its-dashed-subtitle-ending-in-review"),
    pytest.param("今天是:\n【聚焦两会】中国人民政治协商会议第十届某某县委员会第五次会议决议\n中国人民政治协商会议第十届某某县委员会第五次会议,于2020年5月24日至25日在县城召开。\n",
                 "中国人民政治协商会议第十届某某县委员会第五次会议决议", "==", id="a-channel-tag-before-a-resolutions-title"),
    pytest.param("某某区政协召开2019年工作务虚会\n2018-12-25 14:56:00发布65次查看\n12月20日下午,区政协召开2019年工作务虚会。\n",
                 "", "==", id="a-headline-on-a-meeting-held"),
    pytest.param("【政协年中工作会议】\n\n2015-09-23 来源: 某某区\n\n8月7日在区图书馆举行。与会委员列席区人大常委会会议。\n",
                 "政协年中工作会议", "==", id="a-yearbook-entrys-bracketed-heading"),
    pytest.param("欢迎您访问某某县政协网 今天是2026年02月04日\n\n工作动态\n\n中国人民政治协商会议第十届某某县委员会第六次会议隆重开幕\n\n12月26日上午,会议开幕。\n",
                 "", "==", id="a-welcome-banner-with-the-day"),
    pytest.param("两会进行时\n\n政协十届四次会议关于提案情况报告决议\n\n时间:2006-03-13 09:28\n\n会议同意罗某某副主席代表常务委员会所作的报告。\n",
                 "政协十届四次会议关于提案情况报告决议", "==", id="resolution-under-a-channel-label"),
    pytest.param("某某网\n政协常委会五年工作报告(范文推荐)\n时间:2023-01-29 14:05:43 来源:网友投稿\n政协常委会工作报告\n各位委员:\n"
                 "现在,我代表政协第X届某某区委员会常务委员会,向大会报告工作,请予审议。\n",
                 "政协常委会工作报告", "==", id="writing-sample-sites-headline"),
    pytest.param("甘孜日報 2018年01月03日\n圖為州領導與委員們一一握手。\n本網訊 政協甘孜州第十三屆委員會第二次會議今(3)日開幕。\n",
                 "", "==", id="a-papers-date-line"),
    pytest.param("市政协五届常委会第十八次会议召开 强化担当作为 精准建言促发展\n2025-09-30 16:28\n"
                 "9月29日上午,政协第五届某某市委员会常务委员会第十八次会议召开。\n",
                 "", "==", id="a-meetings-headline-and-its-slogan"),
    pytest.param("時間: 2008年3月14日9時\n地點: 人民大會堂\n內容: 通過政協第十一屆全國委員會第一次會議政治決議\n"
                 "[賈某某]各位委員,現在開會。\n", "", "==", id="a-live-texts-place-and-agenda-header"),
    pytest.param("第四次会议(2001年3月3日~12日)\n中国人民政治协商会议第九届全国委员会第四次全体会议于2001年3月3日在北京开幕。\n",
                 "", "==", id="a-sessions-name-and-its-days"),
    pytest.param("某某州人民政府\n政府工作部门\n2月10日,州政协十四届五次会议开幕。\n", "", "==", id="a-government-sites-name"),
    pytest.param("省政协十三届三次会议提案复审工作有序开展\n2025-01-15\n12日至14日,省政协提案委员会组织开展十三届三次会议提案复审工作。\n",
                 "", "==", id="a-news-headline-over-its-stamp-and-a-day-range"),
    pytest.param("某某市政协组织政协委员视察本市重点工作情况\n2013-08-03\n刘某平、杨某报道:7月31日,某某市政协组织80余名政协委员进行视察。\n",
                 "", "==", id="a-news-headline-over-a-reporters-credit"),
    pytest.param("2005年度\n2007-11-14\n1月23日至26日,县政协七届三次会议召开。\n3月11日,市政协调研组来我县调研。\n"
                 "3月24日,市政协副主席来我县了解情况。\n5月20日,县政协召开七届十三次常委会议。\n",
                 "2005年度", "==", id="a-chronicles-heading-over-its-entries"),
]


def test_the_report_given_after_a_long_list_of_who_attended_and_not_one_studied():
    attended = "".join(f"县领导某{i}某出席会议。\n\n" for i in range(14))
    tree = read("1月5日上午,政协某某县第九届委员会第三次会议开幕。\n\n" + attended
                + "县政协主席华某某代表政协某某县第九届委员会常务委员会,向大会作工作报告。\n")
    assert tree.meta.speaker == "华某某"
    tree = read("4月25日,市政协五届五次会议开幕。会议学习了全国政协副主席胡某某在全国政协六届四次会议上作的常委会工作报告。\n\n"
                "市政协副主席黄某某作常委会工作报告。\n")
    assert tree.meta.speaker == "黄某某"
    tree = read("中国人民政治协商会议第十一届某某市委员会第二次会议,批准曹某同志代表政协第十一届某某市委员会常务委员会所作的工作报告。\n")
    assert tree.meta.speaker == "曹某"


def _headings(tree):
    from generator.tree import Section
    return [n.heading for _, n in tree.walk() if isinstance(n, Section) and n.heading]


def test_a_dotted_date_under_the_speaker_and_an_explanation_of_a_draft_report():
    tree = read("叶某某\n2000.03.13\n各位委员:我受中国人民政治协商会议第九届全国委员会常务委员会的委托,向大会作工作报告,请予审议。\n")
    assert (tree.meta.speaker, tree.meta.date) == ("叶某某", "2000-03-13")
    tree = read("会议审议魏某某同志代表政协某某区第八届委员会常务委员会所作的工作报告,审议刘某同志代表常务委员会所作的提案工作情况报告。\n")
    assert tree.meta.speaker == "魏某某"
    tree = read("会议审议通过了县政协常委会工作报告和提案工作情况报告。\n")
    assert tree.meta.speaker == ""
    tree = read("2月8日,区政协九届二次会议开幕。区政协主席上官某某代表区政协常委会向大会作工作报告。\n")
    assert tree.meta.speaker == "上官某某"
    tree = read("会议审议通过了赵中军和姜某某分别代表政协某某区第十六届委员会常务委员会所作的工作报告和提案工作情况报告。\n")
    assert tree.meta.speaker == "赵中军"
    tree = read("会议听取并审议通过李某某同志代表政协第十四届某某市委员会常务委员会所作的工作报告;听取并审议柳某同志代表常务委员会所作的提案工作情况报告。\n")
    assert tree.meta.speaker == "李某某"
    tree = read("会上,某某区政协主席陈某某和副主席黄某某分别向大会作政协第七届某某区委员会常务委员会工作报告和提案工作报告。\n")
    assert tree.meta.speaker == "陈某某"
    tree = read("据新华社北京2月27日电 政协第九届全国委员会常务委员会第四次会议今天在京开幕。\n\n"
                "全国政协秘书长郑某某在会上作了关于政协常委会工作报告草案、议程草案的说明。\n")
    assert tree.meta.speaker == ""


def test_an_agenda_lists_last_item_captions_and_a_picture_channel_are_no_sections():
    tree = read("政协某某区第十六届委员会第五次会议定于2026年3月2日召开。建议会议主要议程是:\n\n"
                "一、听取并审议常务委员会工作报告;\n\n二、委员大会发言;\n\n三、选举。\n\n特此公告。\n")
    assert _headings(tree) == []
    tree = read("区政协五届二次会议隆重开幕\n\n本网讯 3月12日,政协第五届某某区委员会第二次会议开幕。\n\n区政协主席、副主席在主席台前排就座\n\n"
                "区委书记某某出席会议。\n\n大会现场盛况\n\n上午9时整,大会在国歌声中开幕。\n\n贾某某向大会作报告\n\n贾某某代表常务委员会向大会作工作报告。\n")
    assert _headings(tree) == []
    tree = read("【图片新闻】\n\n8月28日下午,县领导看望政协委员。\n\n县政协十四届一次会议即将闭幕。\n")
    assert _headings(tree) == []


def test_subheads_marked_with_a_double_circle():
    tree = read("2018年,是改革开放40周年。区政协紧扣中心工作。\n\n◎突出讲政治,坚持正确的政治方向\n\n从人民政协的政治性出发,教育和引导全体政协委员增强“四个意识”。\n\n"
                "◎聚焦主战场,履职尽责做贡献\n\n紧紧围绕区委、区政府中心工作,研究制定年度工作要点和年度协商计划。\n")
    assert _headings(tree) == ["突出讲政治，坚持正确的政治方向", "聚焦主战场，履职尽责做贡献"]


def test_captions_of_a_visit_and_a_greeting_and_a_reading_guide_are_no_sections():
    tree = read("3月4日上午,中国人民政治协商会议某某县第九届委员会第五次会议在县艺术中心开幕。\n会议现场\n"
                "会议应出席委员214人,实到188人,符合规定人数。\n上午9时,大会在雄壮的国歌声中开幕。\n开幕会主席台\n"
                "县委书记杨某某出席会议并讲话\n县委书记杨某某,县委副书记、县长刘某某,县政协主席陈某某,县人大常委会主任班某某出席会议并在主席台就座。\n"
                "市政协副主席黄某到会指导\n市政协副主席黄某到会指导。\n"
                "覃某某、邱某某等县领导到会祝贺并在主席台就座,陈某某等原县四家班子老领导代表应邀出席。\n大会由宾某某主持。\n"
                "导读\n县政协主席陈某某代表县政协常委会向大会作工作报告,回顾了一年来的工作。\n")
    assert _headings(tree) == []


def test_a_reviews_subtitle_over_picture_captions_is_no_part():
    tree = read("同心奋楫谋发展 履职担当谱新篇\n\n——某某区政协2025年重点工作回眸\n\n2026-01-28\n\n党组理论学习中心组(扩大)会议\n\n"
                "专题协商会议\n\n理论研究成果交流暨建言资政大会\n\n视察某某研究院\n\n助力城市综合品质提升专项视察\n\n"
                "时间镌刻出攀登的高度,岁月勾勒出奋斗的轨迹。\n\n2025年,是“十四五”规划收官之年。\n")
    assert tree.meta.subtitle == "——某某区政协2025年重点工作回眸"
    assert [p.role for p in tree.parts if p.heading] == []
    assert tree.meta.date == "2026-01-28"


@pytest.mark.parametrize("text, want, how", DATES)
def test_a_pages_meeting_day(text, want, how):
    _check(read(text).meta.date, want, how)


@pytest.mark.parametrize("text, want, how", SPEAKERS)
def test_a_pages_speaker(text, want, how):
    _check(read(text).meta.speaker, want, how)


@pytest.mark.parametrize("text, want, how", TITLES)
def test_a_pages_title(text, want, how):
    _check(read(text).meta.title, want, how)


def test_a_section_number_with_a_stray_mark_after_its_bracket():
    tree = read("各位委员:\n\n一、五年来提案工作回顾\n\n五年来,提案工作成效明显。\n\n"
                "(一)、领导重视,提案工作力度加大\n\n县委高度重视提案工作。\n")
    assert [s.heading for p in tree.parts for s in p.sections] == ["领导重视，提案工作力度加大"]


def test_one_article_of_a_series_is_no_part_and_its_headline_repeated_over_two_lines_no_section():
    tree = read("2023年自治区政协履职亮点回顾④ 委员作业竞出彩\n\n2024-01-21\n\n2023年自治区政协履职亮点回顾④\n\n委员作业竞出彩\n\n"
                "冬至阳生春又来,盘点2023年履职工作,用数据说话,以实绩答卷。\n\n培育民族团结进步之花\n\n2023年,自治区政协以委员行动为统领。\n")
    assert [p.heading for p in tree.parts if p.heading] == []
    assert "委员作业竞出彩" not in [s.heading for p in tree.parts for s in p.sections]
    assert tree.meta.date == "2024-01-21"
    assert part_role("自治区政协2023年履职回顾(三)") is None and part_role("2023年工作回顾") == "review"


def test_a_chronicle_keeps_its_entries_speakers_and_days_and_a_picture_storys_captions_of_one_day_are_none():
    tree = read("首页>政协大事记\n\n2005年\n\n3月3日——12日 政协第十届全国委员会第三次会议举行。贾某某作政协常委会工作报告。\n\n"
                "会议增选三人为副主席。\n\n3月18至19日 全国政协人资环委员会举办论坛。\n\n4月3日至5日 贾某某到天津调研。\n\n"
                "4月19日至20日 全国政协京外委员活动联络员会议在京召开。\n")
    assert (tree.meta.speaker, tree.meta.date) == ("", "")
    tree = read("23日上午9时,省政协十届一次会议开幕。\n\n23日,省政协十届一次会议主席团常务主席杨某某作九届省政协常务委员会工作报告。\n\n"
                "23日,省政协十届一次会议主席团常务主席刘某某作提案工作情况的报告。\n\n大会主持人田某某\n\n"
                "1月23日上午9时,某某省政协十届一次会议隆重开幕。\n")
    assert tree.meta.speaker == "杨某某"


def test_a_day_is_not_given_the_month_of_a_copy_stamped_years_after_the_plenary():
    tree = read("发布时间:2024-05-11\n\n一、全国政协十三届五次会议在京开幕\n\n"
                "中国人民政治协商会议第十三届全国委员会第五次会议4日下午在人民大会堂开幕。\n")
    assert tree.meta.date != "2024-05-04"


def test_a_name_leading_into_what_was_said_is_no_section():
    tree = read("1月10日上午,县政协十五届三次会议开幕。县委书记出席会议并讲话,他对过去一年县政协的工作给予充分肯定。\n\n"
                "杨某某强调\n\n要提高政治站位,增强履职本领,以实际行动推动全县经济社会高质量发展,为建设美丽家园贡献力量。\n\n"
                "会议听取了县政协主席代表常务委员会所作的工作报告,委员们一致认为报告实事求是、重点突出。\n")
    assert "杨某某强调" not in [s.heading for p in tree.parts for s in p.sections]


def test_a_title_broken_mid_word_under_a_compilations_label_is_whole():
    r = parse("第一篇:中国人民政治协商会议第十届某某省委员会常务委员会工作报告\n"
              "中国人民政治协商会议第十届某某省委员会常务委员会工\n作报告\n各位委员:\n"
              "我代表政协第十届某某省委员会常务委员会,向大会报告工作,请予审议。\n")
    assert r.meta.title == "中国人民政治协商会议第十届某某省委员会常务委员会工作报告"
    assert r.meta.salutation == "各位委员\uff1a" and len(r.dropped) == 1 and r.dropped[0].startswith("第一篇")


def test_a_speech_titled_after_its_meeting_keeps_its_title_and_has_no_meeting_line():
    r = parse("在政协某某州九届五次会议上的讲话\n(2026年1月12日)\n胡某某\n各位委员、同志们:\n"
              "政协某某州第九届委员会第五次全体会议隆重开幕!\n")
    assert r.meta.title == "在政协某某州九届五次会议上的讲话" and r.meta.meeting == ""
    assert r.meta.speaker == "胡某某" and r.meta.date == "2026-01-12"


def test_a_notice_is_dated_by_its_signature_and_a_review_by_the_date_above_its_headline():
    r = parse("关于召开政协某某市第五届委员会第五次会议的公告\n政协某某市第五届委员会常务委员会第二十四次会议决定:"
              "第五次会议于2026年2月26日在某地召开。\n建议会议的议程为:\n一、听取和审议常务委员会工作报告;\n"
              "政协某某市第五届委员会常务委员会\n2026年1月16日\n")
    assert r.meta.date == "2026-01-16"
    r = parse("2024年01月26日\n围绕大局履职 聚焦中心尽责\n——市政协2023年提案工作回顾\n"
              "2023年,广大市政协委员以习近平新时代中国特色社会主义思想为指导,积极建言。\n")
    assert r.meta.date == "2024-01-26"


def test_a_meeting_line_dated_after_and_a_table_of_contents_below_the_front_matter():
    r = parse("某某委员会常务委员会工作报告\n——在政协第十二届某某委员会第一次会议上 (2013年3月3日)\n贾某某\n"
              "目录\n一、过去五年工作的回顾\n二、过去五年的主要经验\n各位委员:\n我代表常务委员会,向大会报告工作,请予审议。\n"
              "一、过去五年工作的回顾\n过去五年,我们扎实履职。\n")
    assert (r.meta.meeting, r.meta.date, r.meta.speaker) == ("在政协第十二届某某委员会第一次会议上", "2013-03-03", "贾某某")
    assert [p.heading for p in r.parts] == ["过去五年工作的回顾"]      # the contents are the page's, listed as dropped
    assert r.dropped == ["目录", "一、过去五年工作的回顾", "二、过去五年的主要经验"]


def test_a_meeting_line_dated_after_with_an_impossible_date_keeps_no_date():
    r = parse("——在政协某县第九届委员会第三次会议上 (2013年13月3日)\n各位委员:\n正文。\n")
    assert r.meta.meeting == "在政协某县第九届委员会第三次会议上" and r.meta.date == ""


def test_a_headline_above_a_news_lead_is_no_title():
    assert parse("在“一线工作”中展现新作为\n本报讯 3月5日,区政协召开常委会议,部署全年工作。\n").meta.title == ""
    assert parse("市政协召开各工作办事机构工作情况汇报会\n1月8日上午,市政协召开汇报会。\n").meta.title == ""
    assert parse("县政协2023年工作综述\n1月8日上午,县政协召开汇报会。\n").meta.title == "县政协2023年工作综述"


def test_a_day_to_come_or_the_peoples_congress_day_is_not_the_meetings():
    # the page's day over a closing held 早上, the NPC's 明日(12日) below: the stamp's day, not 12日
    page = ("2026-03-11\n\n全国政协十四届四次会议早上在北京人民大会堂举行闭幕会。\n\n"
            "今年的会议会期七日。十四届全国人大四次会议就会在明日( 12日 )下午闭幕。\n")
    assert parse(page).meta.date == "2026-03-11"
    # 三月五日…全国人大…开幕 in a caption above 全国政协…3日下午…开幕 (no stamp: no day of the CPPCC's)
    assert parse("三月五日上午九时,十一届全国人大一次会议在北京人民大会堂隆重开幕。\n\n"
                 "中国全国政协十一届一次会议3日下午在北京人民大会堂开幕。贾某某向大会作工作报告。\n").meta.date == ""
    # 将于4日下午…召开,将于11日上午闭幕: days to come, not 1月1日
    page = ("2026-03-03\n\n全国政协十四届四次会议新闻发布会于今日下午在北京人民大会堂举行。发言人表示,"
            "全国政协十四届四次会议将于4日下午在北京人民大会堂召开,将于11日上午闭幕。\n")
    assert parse(page).meta.date == "2026-03-03"


def test_a_subhead_quoting_a_speaker_is_a_section_and_no_title_under_the_lead():
    lead = "港澳全国政协委员今日下午在驻地召开会议,审议常委会工作报告和提案工作情况报告,委员们踊跃发言,积极建言献策。"
    page = ("2026-03-05\n\n" + lead + "\n\n施某某:工作报告是一份求真务实、催人奋进好报告\n\n"
            "施某某指,政协常委会工作报告全面回顾去年全国政协履职实践,系统部署2026年重点工作,是一份好报告。\n\n"
            "施某某对政协工作提三建议\n\n施某某续称,今年是规划开局之年,对政协工作提三点建议,包括深化协商议政体系建设。\n")
    tree = parse(page)
    assert tree.meta.title == ""
    assert [s.heading for p in tree.parts for s in p.sections] == [
        "施某某：工作报告是一份求真务实、催人奋进好报告", "施某某对政协工作提三建议"]
    # 报告:… over 解读:…: a label, not a speaker quoted
    page = ("记者 某某\n\n" + lead + "\n\n加强能力建设,服务大局有成效\n\n报告:协商民主体系不断完善\n\n"
            "解读:先后召开5次全会和20次常委会,提出意见建议230余条,报告说的这些工作都落到了实处。\n")
    assert "报告：协商民主体系不断完善" not in [s.heading for p in parse(page).parts for s in p.sections]


def test_a_live_texts_timestamps_are_no_subheads_and_a_chairs_report_is_his():
    page = ("全国政协十三届一次会议3日下午在北京人民大会堂开幕。2000多名委员听取和审议常务委员会工作报告。\n\n"
            "【15:54】俞某某:“推动参加人民政协的各党派团体和各族各界人士自觉接受中国共产党的领导。”\n\n"
            "【15:45】俞某某:“党政军民学,东西南北中,党是领导一切的。”\n")
    assert [s.heading for p in parse(page).parts for s in p.sections] == []
    said = "全国政协十四届三次会议今天(4日)下午在北京开幕。委员谭某某表示,王某某主席在报告中谈到香港。\n"
    assert parse(said).meta.speaker == "王某某"
    said = "全国政协十四届三次会议开幕。委员姚某某表示,王某某主席的政协常委会工作报告,高度总结了过去一年工作成果。\n"
    assert parse(said).meta.speaker == "王某某"
    assert parse("委员回应:齐助力规划良好开局\n\n多名全国政协委员在开幕会后表示,工作报告总结了过去一年的工作。\n").meta.title == ""
    assert parse("兩會要聞\n\n政協委員建議兩岸共同紀念百年辛亥革命,全國政協十一屆三次會議今天在北京開幕。\n").meta.title == ""


def test_a_text_that_ends_with_its_title_is_read_and_a_sentences_second_line_is_no_title():
    # (nothing below the title to compare it with: once an IndexError)
    assert parse("政协第六届某某市委员会第一次会议决议\n").meta.title == "政协第六届某某市委员会第一次会议决议"
    page = "市政协六届一次会议胜利闭幕\n会议圆满完成各项议程后,于1月8日上午胜利闭幕。\n中国人民政治协商会议某某市第六届委员会第一次会议决议\n"
    assert parse(page).meta.title == "中国人民政治协商会议某某市第六届委员会第一次会议决议"
    page = "市政协六届一次会议胜利闭幕\n政协第六届某某市委员会第一次会议圆满完成各项议程后胜利闭幕。大会通过\n了市政协六届一次会议决议\n"
    assert parse(page).meta.title == ""


@pytest.mark.parametrize("text, speaker", [
    ("3月4日下午,委员们聆听王某某主席发表常委会工作报告,感悟颇多。\n", "王某某"),
    ("大会审议通过议程,之后便由汪某代表政协第十三届全国委员会常务委员会向大会进行报告工作。\n", "汪某"),
    ("委员们表示赞同王某主席所作政协第十二届某某省委员会常务委员会工作报告,认为报告内容详实。\n", "王某"),
    ("全国政协十一届三次会议3日开幕。对于全国政协主席贾某某所做常委会工作报告,港澳报章十分关注。\n", "贾某某"),
    ("据新华社报道,汪某在大会报告中称过去五年极不平凡。\n", "汪某"),
    ("全国政协主席贾某某在政协工作报告中对加强港澳台侨工作的表述,使委员们感到振奋。\n", "贾某某"),
    ("某某自治区政协十三届二次会议今日开幕。区政协主席努尔兰·阿不都满金报告工作,提及去年的交流。\n", "努尔兰·阿不都满金"),
    # (…开幕式上作…, 向常委会报告工作: no name)
    ("台湾各界也就高度关注汪某主席在昨日的开幕式上作常委会工作报告时的涉台内容。\n", ""),
    ("各位常委:我受政协某县第九届委员会委员工作委员会的委托,向常委会报告工作,请各位委员审议。\n", ""),
    ("全国政协十四届三次会议开幕。他还在报告中指出,要加强团结。常委会在报告中指出,要凝聚共识。\n", ""),
    ("【明报专讯】全国政协主席俞某某昨日读政协常委会工作报告期间,主席台上的委员认真聆听。\n", "俞某某"),
    ("委员李某表示,认真研读区政协常委会工作报告,深受鼓舞。\n", ""),
    ("大陆全国政协主席俞某某3月3日在全国政协十二届五次会议开幕会上,代表政协全国委员会常委会向大会报告工作时说,要加强团结。\n", "俞某某"),
    ("刘某说,贾某某主席在全国政协十届五次会议上的工作报告对港澳工作提出了要求。\n", "贾某某"),
    ("听着贾某某主席代表政协第十一届全国委员会常委会所作的报告,委员们心潮澎湃。\n", "贾某某"),
    ("中国人民政治协商会议某市委员会常务委员会工作报告\n\n各位委员:\n\n受常务委员会委托,现在由我报告工作,请予审议。"
     "坚持党组书记向市委报告工作,听取秘书长报告工作。\n", ""),
])
def test_a_news_items_wordings_of_who_gave_the_report(text, speaker):
    assert parse(text).meta.speaker == speaker


def test_this_mornings_meeting_and_a_dateline_in_words_date_the_news_and_the_governments_report_does_not():
    page = ("2026-03-06\n\n会议由梁某主持,他在开场时说,昨日听取了国务院总理李某的政府工作报告,大家深受鼓舞,"
            "今早召开联组会议讨论工作报告和审议政协常委会的工作报告。\n")
    assert parse(page).meta.date == "2026-03-06"
    page = ("2024年01月30日\n\n【本报驻北京记者某某乌鲁木齐廿九日电】某某自治区政协十三届二次会议,今日在人民会堂开幕。"
            "区政协主席某某报告工作。\n")
    assert parse(page).meta.date == "2024-01-29"


def test_an_announced_agendas_items_are_no_sections_and_a_papers_news_lead_makes_its_headline_no_part():
    page = ("中新社3月14日电 全国政协十届一次会议今天上午九时在人民大会堂举行闭幕会。\n\n根据日程,闭幕会共有五项内容:\n\n"
            "一、通过政协第十届全国委员会第一次会议政治决议。\n\n二、通过关于常务委员会工作报告的决议。\n\n五、主席讲话。\n\n"
            "全国政协十届一次会议于三月三日开幕,为期11天。\n")
    assert [s.heading for p in parse(page).parts for s in p.sections] == []
    page = ("各位委员:\n\n今年的工作共有三项主要任务:\n\n一、聚焦中心大局\n\n围绕全市发展开展协商。\n\n"
            "二、深化民主监督\n\n围绕重点工作开展监督。\n\n三、加强自身建设\n\n提高履职能力。\n")
    assert [s.heading for p in parse(page).parts for s in p.sections] == ["聚焦中心大局", "深化民主监督", "加强自身建设"]
    page = ("广东政协今年重点调研大湾区市场一体化\n\n香港文汇报讯(记者某某广州报道)政协第十三届广东省委员会第三次会议14日在广州开幕,"
            "省政协主席林某某作工作报告。\n")
    assert [p.heading for p in parse(page).parts if p.heading] == []
