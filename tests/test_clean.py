"""Cleaning removes web and PDF noise and changes not one word of the report."""
import re
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS
from generator.clean import clean_text
from generator.parse import parse

SEED_FILES = sorted(SEEDS.glob("*.txt"))
HAN = re.compile(r"[\u4e00-\u9fff]")


def han(text: str) -> str:
    return "".join(HAN.findall(text))


def is_subsequence(small: str, big: str) -> bool:
    it = iter(big)
    return all(ch in it for ch in small)


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.stem[:3])
def test_cleaning_keeps_every_word_in_order(seed):
    raw = seed.read_text(encoding="utf-8")
    cleaned = clean_text(raw)
    assert is_subsequence(han(cleaned), han(raw))
    # what went is noise: at most a few hundred characters of site chrome and PDF headers
    assert len(han(raw)) - len(han(cleaned)) < 150


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.stem[:3])
def test_noise_is_gone(seed):
    cleaned = clean_text(seed.read_text(encoding="utf-8"))
    for noise in ("【字体", "阅读次数", "返回首页", "您现在的位置", "您当前的位置", "页 共", "日报/",
                  "购物车", "加入Vip", "上接第", "下转", "编辑:", "\u00a0"):
        assert noise not in cleaned, noise


def test_one_line_pdf_is_split_back_into_paragraphs():
    cleaned = clean_text((SEEDS / "003_cbf5ea202d683762.txt").read_text(encoding="utf-8"))
    paras = cleaned.split("\n\n")
    assert paras[:4] == ["中国人民政治协商会议辽宁省丹东市第十五届委员会常务委员会工作报告",
                         "——2020年1月6日在政协丹东市第十五届委员会第三次会议上",
                         "市政协主席 宋立跃", "各位委员:"]
    assert "2019年工作回顾" in paras
    assert any(p.startswith("二是扎实深入开展“不忘初心,牢记使命”主题教育。") for p in paras)
    # the PDF's spaces around numbers are gone, the words stay
    assert "组织学习研讨90余次" in cleaned and "丹东高质量发展" in cleaned


def test_a_paragraph_cut_by_a_page_break_is_joined():
    cleaned = clean_text((SEEDS / "004_80b9ded64eff503d.txt").read_text(encoding="utf-8"))
    assert "充分发挥文史资料存史、资政、团结、育人作用" in cleaned
    assert "作为政协全部工作的出发点" in cleaned


def test_web_text_paragraphs_are_never_joined():
    # 平昌's web copy lost a final stop; its next paragraph must stay separate
    cleaned = clean_text((SEEDS / "000_380862c437f24e92.txt").read_text(encoding="utf-8"))
    assert "\n\n关注焦点,更加务实监督建言。" in cleaned


def test_markdown_marks_become_report_text():
    cleaned = clean_text("# 标题\n\n**三、恪守民本理念**\n\n**提案办理关注民生民情。**把提案工作……\n")
    assert cleaned.split("\n\n") == ["# 标题", "三、恪守民本理念", "**提案办理关注民生民情。**把提案工作……\n"]


def test_committed_corpus_is_a_fresh_clean_of_the_seeds():
    for seed in SEED_FILES:
        committed = ROOT / "corpus" / (seed.stem + ".txt")
        assert committed.read_text(encoding="utf-8") == clean_text(seed.read_text(encoding="utf-8")), seed.name


def test_seeds_are_the_shared_originals():
    shared = ROOT.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("shared/ is not beside this checkout")
    for seed in SEED_FILES:
        assert seed.read_bytes() == (shared / seed.name).read_bytes()
    assert len(SEED_FILES) == len(list(Path(shared).glob("*.txt")))


def test_a_wholly_bold_ordinal_lead_keeps_its_bold_and_a_bold_heading_loses_it():
    from generator.clean import clean_text

    assert clean_text("**一是加强理论学习。**\n\n**二、总体要求**\n") == "**一是加强理论学习。**\n\n二、总体要求\n"


def test_committed_openings_are_a_fresh_clean_of_the_real_world_fixtures():
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    import realworld

    fixtures = sorted(realworld.FOLDER.glob("*.txt"))
    committed = sorted((ROOT / "corpus" / "openings").glob("*.txt"))
    assert [p.name for p in committed] == [p.name for p in fixtures]
    for fixture, opening in zip(fixtures, committed):
        assert opening.read_text(encoding="utf-8") == clean_text(realworld.capture(fixture)), fixture.name


def test_pandoc_markdown_front_matter_underlined_headings_and_wrapped_lines():
    text = ("---\ntitle: 某某县政协常委会工作报告\nauthor: 王建国\ndate: 2024-01-09\nlang: zh\n---\n\n各位委员：\n\n"
            "过去一年的工作\n---------------\n\n我受常务委员会委托，向大会报告工作，请予审\n议。\n\n![图](a.png)\n")
    removed: list[str] = []
    cleaned = clean_text(text, removed, markdown=True)
    assert cleaned.split("\n\n")[:6] == ["某某县政协常委会工作报告", "王建国", "2024-01-09", "各位委员：",
                                        "## 过去一年的工作", "我受常务委员会委托，向大会报告工作，请予审议。\n"]
    assert "lang: zh" in removed and "![图](a.png)" in removed


def test_a_byline_keeps_only_its_date():
    removed: list[str] = []
    assert clean_text("某县政协工作报告\n作者：张敏  发布时间：2024-01-10\n各位委员：\n", removed) == \
        "某县政协工作报告\n\n2024-01-10\n\n各位委员：\n"
    assert removed == ["作者：张敏  发布时间：2024-01-10"]
    assert clean_text("正文 发布时间:2026-01-27\n图说某某工作\n") == "2026-01-27\n\n图说某某工作\n"   # a label glued on


@pytest.mark.parametrize("line", ["责任编辑：李晓梅", "扫一扫在手机打开当前页",
                                  "上一篇：某某县召开会议", "版权所有 某某县政协 备案号：京ICP备123号",
                                  "（编辑：王五 审核：赵六）", "正文", "本文图片均来自“某某发布”微信公号",
                                  "“某某发布”微信公号", "Page 247 - 某某年鉴2017", "P. 247",
                                  "版面:第02版:要闻       上一篇    下一篇", "当前报纸名称:某某日报", "日期:01-24",
                                  "今天是:", "关注我们", "简体 繁体", "政务服务登录", "进入适老版",
                                  "---|---|---|", "• 0 条评论", "• T小字 T大字"])
def test_credits_and_page_furniture_are_removed(line):
    removed: list[str] = []
    assert clean_text(f"某县政协工作报告\n{line}\n各位委员：\n", removed) == "某县政协工作报告\n\n各位委员：\n"
    assert removed


def test_a_wps_line_break_is_a_new_line():
    assert clean_text("标题<br>正文一段。<BR/>正文二段。\n").split("\n\n") == ["标题", "正文一段。", "正文二段。\n"]


def test_a_pages_list_of_linked_headlines_above_the_text_is_removed_but_a_reports_list_stays():
    from generator.clean import clean_text

    links = ["- 某某深入基层调研并主持召开协调会", "- “书画名家采风行”活动举行", "- 全区政协工作推进会在某市召开"]
    text = "\n".join(links) + "\n牢记嘱托 凝聚力量\n" + "岁月流转不止。" * 12 + "\n- 开展调研\n- 开展视察\n- 开展协商\n"
    removed: list[str] = []
    out = clean_text(text, removed)
    assert removed == links and out.startswith("牢记嘱托 凝聚力量")
    assert "- 开展调研" in out and "- 开展协商" in out


def test_a_broken_conversions_doubled_commas_and_a_headlines_stars_are_noise():
    from generator.clean import clean_text

    removed: list[str] = []
    out = clean_text("欢迎来到某某新闻网 今天是2024年9月27日 星期五\n投稿邮箱:news@example.com\n"
                     "政协某某省第十三届委员会第一次会议在蓉开幕******\n一,、2023年主要工作\n"
                     "我代表常务委员会,,向大会报告工作,,请予审议。\n", removed)
    assert [x.strip() for x in out.split("\n\n")[:3]] == ["政协某某省第十三届委员会第一次会议在蓉开幕", "一、2023年主要工作",
                                     "我代表常务委员会,向大会报告工作,请予审议。"]
    assert removed[:3] == ["欢迎来到某某新闻网 今天是2024年9月27日 星期五", "投稿邮箱:news@example.com", "******"]


def test_a_pages_pinyin_and_a_reporters_name_without_a_colon_are_noise():
    from generator.clean import clean_text

    removed: list[str] = []
    out = clean_text("中國人民政治協(xié)商會議全國委員會常務(wù)委員會工作報告\n记者 沈某某\n各位委员:\n", removed)
    assert out.split("\n\n")[0] == "中國人民政治協商會議全國委員會常務委員會工作報告"
    assert "记者 沈某某" in removed and "(xié)" in removed


def test_a_short_document_run_into_one_line_is_split_back_at_its_front_matter_and_sentences():
    line = ("中国人民政治协商会议第十一届某某省委 员会常务委员会工作报告 ——在政协第十二届某某省委员会第一次会议上 "
            "(2018年1月21日) 张某平 各位委员:   现在,我受常务委员会的委托,向大会报告过去五年工作,请予审议。 "
            "这次会议是在全省上下深入学习贯彻中共十九大精神的形势下召开的一次重要会议。 一、过去五年工作回顾 "
            "过去五年,是党和国家事业发展进程中极不平凡的五 年。以习近平同志为核心的中共中央团结带领全党全国各族人民, "
            "推动党和国家事业取得历史性成就。 (一)思想政治建设显著加强。常委会始终把思想政治建设摆在首位,"
            "坚持用党的创新理论武装头脑、指导实践、推动工作,组织委员深入学习,不断筑牢团结奋斗的共同思想政治基础。")
    lines = clean_text(line).split("\n\n")
    assert lines[:5] == ["中国人民政治协商会议第十一届某某省委员会常务委员会工作报告", "——在政协第十二届某某省委员会第一次会议上",
                         "(2018年1月21日)", "张某平", "各位委员:"]
    assert any(ln.startswith("过去五年,是党和国家事业发展进程中极不平凡的五年。") for ln in lines)


def test_a_portals_hot_search_line_is_noise():
    from generator.clean import clean_text

    removed: list[str] = []
    out = clean_text("推广 热搜:   App  青田  中国地震台网  质检\n\n政协某某省第十二届委员会第四次会议开幕\n", removed)
    assert "热搜" not in out and any("热搜" in r for r in removed)


def test_a_page_tables_empty_cells_after_a_headline_are_noise():
    assert clean_text("上海市政协十届三次会议开幕 某某某作工作报告 | ||||||||\n各位委员：\n") == \
        "上海市政协十届三次会议开幕 某某某作工作报告\n\n各位委员：\n"


def test_a_numbered_heading_run_into_its_paragraph_keeps_the_space_that_ends_it():
    text = clean_text("一、围绕中心，服务大局，政治协商逐步规范 五年来，区政协重视研究政治协商的有效形式和方法。\n")
    assert text == "一、围绕中心，服务大局，政治协商逐步规范 五年来，区政协重视研究政治协商的有效形式和方法。\n"
    tree = parse(text)
    assert [s.heading for p in tree.parts for s in p.sections] == ["围绕中心，服务大局，政治协商逐步规范"]
    # a spaced heading, or one of phrases, is still one heading
    assert clean_text("一、坚 持 党 的 领 导\n") == "一、坚持党的领导\n"
    assert clean_text("一、加强学习 提高素质 增强本领\n") == "一、加强学习 提高素质 增强本领\n"


def test_bracketed_credits_a_site_menu_bar_and_a_library_records_fields_are_noise():
    removed: list[str] = []
    text = clean_text("某某市政协会议开幕\n【编辑:李某某】\n【作者】 王某\n首页|安徽|北京|上海|重庆|福建\n"
                      "【类型】报纸\n【分类号】BG28C\n【全文】\n本报讯,政协会议今天开幕。\n", removed)
    assert text == "某某市政协会议开幕\n\n本报讯,政协会议今天开幕。\n"
    assert "【编辑:李某某】" in removed and "【全文】" in removed
    # a table row (cells set apart by spaces) is text
    assert clean_text("单位 | 数量 | 金额 | 占比 | 备注 | 说明\n") == "单位 | 数量 | 金额 | 占比 | 备注 | 说明\n"


def test_a_publication_line_keeps_its_date_among_bulleted_page_details_and_after_a_client_name():
    text = clean_text("标题\n  • 作者 :王某\n  • 来源 :本站原创\n  • 访问次数 :\n  • 发布时间 :2019-02-27 03:58\n正文很长的一段话。\n")
    assert text == "标题\n\n2019-02-27\n\n正文很长的一段话。\n"
    assert clean_text("2021-01-26 13:59 新某某客户端 编辑:王某某\n正文。\n") == "2021-01-26\n\n正文。\n"
    assert clean_text("2021-01-26 13:59 市政协召开会议\n") == "2021-01-26 13:59市政协召开会议\n"   # a headline, not a stamp


def test_a_document_sharing_sites_details_are_noise_and_its_upload_time_dates_nothing():
    removed: list[str] = []
    text = clean_text("欢迎来到某某文库\n浏览记录\nID:7157896\n大小:33.47 KB\n页数:7页\n时间:2018-02-06\n"
                      "《县政协八届二次会议提案工作报告》由会员上传分享,免费在线阅读\n【第1篇】政协提案工作情况报告\n11.jpg\n", removed)
    assert text == "政协提案工作情况报告\n"
    assert "时间:2018-02-06" in removed
    assert clean_text("第1篇 提案工作情况报告\n") == "提案工作情况报告\n"
    assert clean_text("时间:2018-02-06\n正文。\n") == "2018-02-06\n\n正文。\n"   # elsewhere a page's stamp


def test_a_writing_sample_sites_blurb_is_noise_and_its_time_line_dates_nothing():
    removed: list[str] = []
    text = clean_text("某某县政协提案工作报告\n时间:2024-06-12 15:13:08 来源:网友投稿\n"
                      "下面是小编为大家整理的某某县政协提案工作报告,供大家参考。\n"
                      "某某的提案已被采纳,下面是小编给大家带来的某某县政协提案工作报告,希望大家喜欢。\n各位委员:\n", removed)
    assert text == "某某县政协提案工作报告\n\n各位委员:\n"
    assert any("小编" in r for r in removed)


def test_a_sites_support_line_a_pictures_buttons_and_a_stamp_with_its_authors():
    removed: list[str] = []
    text = clean_text("某某网 网络支持:某某网络传媒有限公司\n保存到相册\n2012年02月12日12:15  来源:某某新闻网  作者:颜某 谢某某\n正文。\n",
                      removed)
    assert text == "2012-02-12\n\n正文。\n"


def test_a_share_button_is_noise_alone_or_run_into_a_caption():
    assert clean_text("—分享—\n会议现场\n") == "会议现场\n"
    assert clean_text("分享—会议现场\n") == "会议现场\n"


def test_print_buttons_a_bracketed_stamp_and_a_breadcrumb_without_its_first_step():
    removed: list[str] = []
    text = clean_text("县政协召开年度工作述职会\n【信息时间: 2015-12-25\n阅读次数:】\n【我要打印】 【关闭】\n"
                      "首页\n>要闻动态>图片新闻\n12月24日,县政协召开述职会议。\n", removed)
    assert text == "县政协召开年度工作述职会\n\n2015-12-25\n\n首页\n\n12月24日,县政协召开述职会议。\n"
    assert ">要闻动态>图片新闻" in removed
    assert clean_text("甘孜日報 2018年01月03日\n正文。\n") == "2018-01-03\n\n正文。\n"
    assert clean_text("人民政协报/2024 年/2 月/27 日/第 001 版\n正文。\n") == "2024-02-27\n\n正文。\n"


def test_picture_file_names_share_prompts_and_a_stamp_with_its_source_and_share_button():
    removed: list[str] = []
    text = clean_text("2026年01月28日 10:12  |  来源:人民政协报 分享到: \na53878439a03210671a13beb7c3373c1\n会议现场\n"
                      "用微信扫描二维码\n分享至好友和朋友圈\n文章二维码\n扫码手机阅读\n正文。\n", removed)
    assert text == "2026-01-28\n\n会议现场\n\n正文。\n"
    assert "a53878439a03210671a13beb7c3373c1" in removed


def test_a_paper_repositorys_seo_title_and_keywords():
    text = clean_text("政协常委会举行第十一次会议,李某某主持_政协常委会工作报告论文\n"
                      "政协常委会举行第十一次会议——李某某主持,本文主要内容关键词为:决议论文,草案论文\n本报北京3月11日讯 会议今天举行。\n")
    assert text == "政协常委会举行第十一次会议——李某某主持\n\n本报北京3月11日讯会议今天举行。\n"
    assert clean_text("登錄湛江云媒賬號\n第01版:01\n正文。\n") == "正文。\n"


def test_any_byline_with_a_date_keeps_only_its_date_and_a_meeting_notice_keeps_its_words():
    assert clean_text("来源:秘书科     发表于: 2017年12月21日   浏览:\n正文。\n") == "2017-12-21\n\n正文。\n"
    assert clean_text("新闻眼|来源:某某台综合广播2024-01-18 08:36:39|网络编辑:罗某某\n正文。\n") == "2024-01-18\n\n正文。\n"
    assert clean_text("2024-01-21 | 来源:某某政协报\n正文。\n") == "2024-01-21\n\n正文。\n"
    assert clean_text("作者:未知 时间:2019/2/13 16:49:59 来源:某某日报\n正文。\n") == "2019-02-13\n\n正文。\n"
    # (a line naming a meeting is the text's, whatever labels it carries)
    assert clean_text("发布:县政协2024年1月5日召开第十次会议\n") == "发布:县政协2024年1月5日召开第十次会议\n"


def test_a_mastheads_contacts_and_serial_number_a_sites_name_and_a_mirrors_link_are_noise():
    removed: list[str] = []
    text = clean_text("某某政协报新闻中心(某某政协报创办的权威新闻综合网站)\n投稿热线:0771-8802228\n投稿邮箱\n"
                      "2018年1月5日| 联系热线:0352-2050288 投稿邮箱:ab110@qq.com\n"
                      "某某自治区政协主管主办国内统一刊号:CN64-0011 某某时报社出版\n查看原文\n手機看文章\n当前所在:首页 > 政协知识 > 正文\n要闻\n"
                      "会议现场\n", removed)
    assert text == "会议现场\n"
    assert len(removed) == 9
    assert clean_text("咨询热线:\n\n400-887-1095\n\n会议现场\n") == "会议现场\n"


def test_html_tags_left_in_a_capture_are_noise_and_a_copy_from_a_sharing_site_dates_nothing():
    assert clean_text('<p class="ql-block">  5月18日上午,会议开幕。</p>\n') == "5月18日上午,会议开幕。\n"
    assert clean_text("刘某、杨某报道:7月</span>31日,市政协组织委员视察。\n") == "刘某、杨某报道:7月31日,市政协组织委员视察。\n"
    removed: list[str] = []
    assert clean_text("来源:百度文库 编辑:某某网 时间:2024/05/03 06:15:17\n1月16日,会议开幕。\n", removed) == "1月16日,会议开幕。\n"
    assert removed


def test_a_text_wrapped_at_a_fixed_width_is_joined_back_but_lines_cut_by_a_capture_are_not():
    wrapped = ("中国人民政治协商会议某某市委员会\n\n"
               "【概况】中国人民政治协商会议山东省某某市委员会第九届委员会于1998年2月换届\n"
               "产生,任期5年。至1998年底,有委员263名,常委53名。其中,中共委员107名,占委员总\n"
               "数的40.68%;非中共委员156名,占委员总数的59.32%。委员中大专以上文化程度的2\n"
               "00名,占委员总数的76.05%。市政协第九届委员会下设办公室和提案法制、经济、科\n"
               "教文史、三胞联谊四个专门委员会。\n")
    text = clean_text(wrapped)
    assert "占委员总数的40.68%" in text and "文化程度的200名" in text and "科教文史" in text
    cut = "".join(f"第{n}段话说的是会议的情况,委员们认真审议了常务委员会工作报告并提出意见和建议\ufffd\n" for n in range(5))
    assert clean_text(cut).count("\n\n") == 4


def test_a_pdf_copy_wrapped_at_the_text_width_keeps_its_front_matter_lines_and_headings_apart():
    # a copy from a PDF: every line of a paragraph 28 characters wide, and the title, the dated
    # meeting line and a paragraph's last line (…。 over (一)…) as wide as the text by chance
    def wrapped(paragraph: str) -> str:
        return "\n".join(paragraph[i:i + 28] for i in range(0, len(paragraph), 28))
    review = "过去一年,在中共某某市委的坚强领导下,市政协常委会坚持团结和民主两大主题,认真履行各项职能,各项工作取得新进展。"
    study = "我们坚持把学习贯彻习近平新时代中国特色社会主义思想作为首要政治任务,组织委员开展专题学习,不断筑牢团结奋斗的共同思想政治基础。"
    assert len(review) == 56
    opening = "现在，我受政协某某市第九届委员会常务委员会的委托，向大会报告一年来的工作，请予审议，并请列席会议的同志提出意见。"
    broad = "全市工作大局就是政协工作大局，全市工作重点就是政协工作重点。我们主动关注事关发展的重要问题，提出有价值的意见建议。"
    # (a run-in item whose first line is as wide as the text, a short last sentence after a full line)
    item = "（三）坚持党的全面领导，深入学习贯彻党的二十大精神和习近平总书记关于加强和改进人民政协工作的重要思想。"
    last = "一年来，各项工作取得新进展，成绩来之不易，值得倍加珍惜。过去一年工作成绩来之不易。"
    assert len(review) == len(opening) == 56 and len(last) == 41
    page = "\n".join(["中国人民政治协商会议某某市第九届委员会常务委员会工作报告",
                     "——2024年1月10日在政协某某市第九届委员会第三次会议上", "王某某", "2024-01-12", "各位委员:",
                     wrapped(opening), "2023年工作回顾", wrapped(review), "(一)加强思想政治引领。", wrapped(study),
                     "（二）围绕中心，突出重点，为经济社会又好又快发展献计出力。", wrapped(broad), wrapped(item), wrapped(last)]) + "\n"
    tree = parse(clean_text(page))
    assert tree.meta.title == "中国人民政治协商会议某某市第九届委员会常务委员会工作报告"
    assert tree.meta.meeting == "在政协某某市第九届委员会第三次会议上" and tree.meta.speaker == "王某某"
    assert tree.meta.date == "2024-01-10" and tree.meta.salutation == "各位委员："
    assert [p.heading for p in tree.parts] == ["2023年工作回顾"]
    assert [s.heading for p in tree.parts for s in p.sections if s.heading] == [
        "加强思想政治引领", "围绕中心，突出重点，为经济社会又好又快发展献计出力", item[3:-1]]
    assert all(t in clean_text(page) for t in (opening, review, study, broad, item, last))
    # an official document's page number (— 2 —) between two lines of a paragraph, blank lines around it or not
    for mark in ("\n— 2 —\n", "\n\n— 2 —\n\n"):
        numbered = page.replace(study[:28] + "\n", study[:28] + mark)
        assert "— 2 —" in numbered and study in clean_text(numbered) and "— 2 —" not in clean_text(numbered)


def test_a_pages_date_label_glued_to_its_first_line_keeps_its_date_and_promoted_links_are_noise():
    removed: list[str] = []
    text = clean_text(" date 2026-03-11 全國政協十四屆四次會議今日舉行閉幕會。\n", removed)
    assert text == "2026-03-11\n\n全國政協十四屆四次會議今日舉行閉幕會。\n" and removed == ["date 2026-03-11"]
    assert parse(text).meta.date == "2026-03-11"
    page = ("正文。\n\n責任編輯 王某某 報導\n\n◤人氣精選文◢\n\n👉 小資守財不易!5大易破財行徑大公開\n\nVOA卫视最新视频\n\n"
            "大陸中心 / 綜合報導\n\n我是廣告 請繼續往下閱讀\n")
    assert clean_text(page) == "正文。\n"
    assert clean_text("http://www.sina.com.cn 2005年03月04日22:44中国新闻网\n正文。\n") == "2005-03-04\n\n正文。\n"
    assert clean_text("date 2026-03-11全國政協今日閉幕。\n") == "2026-03-11\n\n全國政協今日閉幕。\n"
    assert clean_text("👉王某某委员:建议加快推进城乡融合发展。\n") == "👉王某某委员:建议加快推进城乡融合发展。\n"


def test_a_shared_documents_details_and_bare_upload_date_and_a_sites_name_with_its_address_are_noise():
    removed: list[str] = []
    text = clean_text("2022年全国会精神传达提纲\nVIP专免\n2024-05-11\n999+\n32.44KB\n41 页\n海报\n侵权投诉\n正文。\n", removed)
    assert "2024-05-11" not in text and "32.44KB" in removed and "侵权投诉" in removed
    assert clean_text("中国政协网www.cppcc.gov.cn\n正文。\n") == "正文。\n"
    assert clean_text("县政协2020年工作要点(2800字)\n") == "县政协2020年工作要点\n"


def test_a_reposts_dated_label_keeps_its_date_and_a_site_groups_menu_is_noise():
    assert clean_text("参考消息网2026-01-26号报道\n正文。\n") == "2026-01-26\n\n正文。\n"
    assert clean_text("站群导航\n正文。\n") == "正文。\n"


def test_a_pages_reading_guide_and_live_stream_labels_are_noise():
    assert clean_text("导读\n直播请点击\n正文。\n") == "正文。\n"


def test_a_bilingual_tables_english_cells_and_a_posts_view_count_are_noise():
    text = clean_text("某某委员会常务委员会工作报告 | REPORT ON THE WORK OF THE STANDING COMMITTEE |\n"
                      "贾某某 | Jia Mou |\n2012/03/28 | 766\n各位委员:\n")
    assert text == "某某委员会常务委员会工作报告\n\n贾某某\n\n2012-03-28\n\n各位委员:\n"
    assert clean_text("新闻眼|来源:某台\n") == "新闻眼|来源:某台\n"   # a Chinese cell stays


def test_a_newspaper_clients_byline_a_reposts_stamp_and_its_buttons_keep_only_the_date():
    assert clean_text("李某 王某某 某某日报·新某某客户端 2026-02-08 11:33:47\n正文。\n") == "2026-02-08\n\n正文。\n"
    assert clean_text("2010年01月06日 05:43某某日报 】 【打印共有评论0\n正文。\n") == "2010-01-06\n\n正文。\n"
    assert clean_text("【 新浪财经吧 】\n不支持Flash\n正文。\n") == "正文。\n"


def test_a_pages_photo_label_more_link_site_blurb_comment_rules_and_special_menu_are_noise():
    for line in ["【资料图】", "更多内容↓↓↓", "网友 分享 时间:", "大理时讯拥有管理笔名和留言的一切权力。",
                 "【阅读指引】某某网友为您分享整理的“政协工作总结”范文资料,以供您参考学习之用",
                 "1. 2019某某州两会专题首页", "2. 评论员文章"]:
        assert clean_text(line + "\n正文。\n") == "正文。\n", line
    assert clean_text("委员们认真阅读资料图表。\n") == "委员们认真阅读资料图表。\n"


def test_a_live_texts_time_header_keeps_its_date_and_a_writing_sample_sites_piece_label_is_noise():
    assert clean_text("時間: 2008年3月14日9時\n地點: 人民大會堂\n") == "2008-03-14\n\n地點: 人民大會堂\n"
    assert clean_text("时间:2012年3月3日至13日\n") == "时间:2012年3月3日至13日\n"   # (a meeting's span, no stamp)
    assert clean_text("提案工作报告范文第1篇\n正文。\n") == "正文。\n"


def test_a_lost_indents_question_marks_go_and_a_lost_character_stays():
    assert clean_text("? ? ? ?陳某代表市政協常務委員會向大會作工作報告。\n") == "陳某代表市政協常務委員會向大會作工作報告。\n"
    assert clean_text("????李某指出,2009年是極不平凡的一年。\n") == "李某指出,2009年是極不平凡的一年。\n"
    assert clean_text("?华同志代表常务委员会作工作报告。\n") == "?华同志代表常务委员会作工作报告。\n"


def test_a_pages_tag_line_is_noise():
    assert clean_text("相關Tag | [兩會] [政協] [和諧社會] |\n正文。\n") == "正文。\n"
    assert clean_text("相关标签:[政协]\n正文。\n") == "正文。\n"


def test_a_sites_links_to_past_issues_and_a_bulleted_next_item_are_noise():
    for line in ["往期回顾", "往日回顾:", "- 下一篇: 市政协提案委员会2023年工作要点"]:
        assert clean_text(line + "\n正文。\n") == "正文。\n", line
    assert clean_text("历史回顾\n正文。\n") == "历史回顾\n\n正文。\n"   # (a gazetteer's part may be so named)
