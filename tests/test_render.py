from conftest import FIXTURES
from generator.api import draft
from generator.render import join_clauses
from generator.typography import COMMA, normalize

C = COMMA


def text_of(write, yaml_text):
    return draft(write("f.yaml", yaml_text)).text


def test_proposal_numbers_become_the_standard_sentence():
    d = draft(FIXTURES / "minimal.yaml")
    assert f"共提交提案379件{C}经审查立案交办提案279件{C}均已办结{C}推进提案工作提质增效。" in d.text


def test_unfinished_proposals_are_counted_not_called_all_done(write):
    base = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
    t = text_of(write, base.replace("办结: 279", "办结: 270"))
    assert f"经审查立案交办提案279件{C}已办结270件" in t and "均已办结" not in t


def test_empty_slot_fields_are_left_out():
    d = draft(FIXTURES / "minimal.yaml")
    assert "None" not in d.text and "重点提案" not in d.text


def test_opening_title_and_subtitle_come_from_the_facts():
    lines = draft(FIXTURES / "minimal.yaml").text.splitlines()
    assert lines[0] == "中国人民政治协商会议辽宁省丹东市第十五届委员会常务委员会工作报告"
    assert lines[1] == "——在政协丹东市第十五届委员会第三次会议上"
    assert lines[2] == "市政协主席 宋立跃"
    assert lines[3] == "2025年1月6日"
    text = "\n".join(lines)
    # the opening most real annual reports use (learned from corpus/ and corpus/openings/)
    assert f"我代表政协丹东市第十五届委员会常务委员会{C}向大会报告工作{C}请予审议。" in text
    assert "在中共丹东市委的坚强领导下" in text
    assert f"比如{C}专门协商机构作用有待进一步发挥{C}履职成果的运用落实有待进一步深化等。" in text
    assert "为丹东全面振兴新突破作出新的更大贡献!" in text.replace("\uff01", "!")


def test_free_text_wins_over_generated_formulas(write):
    base = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
    t = text_of(write, base + "标题: 政协工作报告\n开头: 现在,我代表常委会报告工作。\n")
    assert t.splitlines()[0] == "政协工作报告"
    assert f"现在{C}我代表常委会报告工作。" in t and "我受政协丹东市" not in t


def test_heading_numbers_follow_the_sections():
    t = draft(FIXTURES / "minimal.yaml").text
    assert "\n一、把握“一条主线”" in t and "\n二、服务大局" in t
    assert "\n一、坚持党的领导" in t and "\n二、围绕服务中心" in t


def test_leads_are_marked_and_end_with_a_stop():
    t = draft(FIXTURES / "minimal.yaml").text
    assert "**坚定政治站位。**认真贯彻中共中央" in t


def test_previous_session_is_named_in_the_plenary_sentence(write):
    base = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
    extra = base.replace("- 批示:", "- 协商议政: {全会议题: 政府工作报告, 全会建言: 110余}\n            - 批示:")
    t = text_of(write, extra)
    assert f"十五届二次全会期间{C}委员们围绕政府工作报告进行专题协商{C}提出意见建议110余条" in t


def test_clauses_join_into_sentences():
    fact, text = False, True
    assert join_clauses([("甲", fact), ("乙", fact)]) == "甲。乙。"
    assert join_clauses([("甲", fact), (",乙", text)]) == "甲,乙。"
    assert join_clauses([("甲,", text), ("乙", fact)]) == "甲,乙。"
    assert join_clauses([("其中:", text), ("乙", fact)]) == "其中:乙。"
    assert join_clauses([("甲。", text), ("乙!", text)]) == "甲。乙!"
    assert join_clauses([("批示:“好。”", fact)]) == "批示:“好。”"
    # free text runs on into a fact; a fact's clause closes before a new sentence
    assert join_clauses([("建成两个工作站和", text), ("7个工作室", fact), ("相继建成", text)]) == \
        "建成两个工作站和7个工作室。相继建成。"
    assert join_clauses([("工作室", fact), ("……", text)]) == "工作室……"
    # free text that finishes a fact's sentence closes it before the next fact
    assert join_clauses([("提案71件", fact), (",收到良好效果", text), ("信息13篇", fact)]) == \
        "提案71件,收到良好效果。信息13篇。"
    assert join_clauses([]) == ""


def test_stats_account_for_every_character():
    d = draft(FIXTURES / "minimal.yaml")
    s = d.stats
    assert s.slot > 0 and s.free > 0 and s.generated > 0
    assert s.slot + s.free + s.generated == s.total
    assert "事实槽位生成" in s.summary()


def test_rendered_text_is_already_normalised():
    t = draft(FIXTURES / "minimal.yaml").text
    assert normalize(t) == t and "," not in t


def test_chinese_numerals_match_cn2an():
    import cn2an

    from generator.render import cn

    assert all(cn(n) == cn2an.an2cn(n) for n in range(10000))


def test_chinese_numerals_read_back_as_cn2an_reads_them():
    import cn2an

    from generator.numbering import cn, cn_value

    assert all(cn_value(cn(n)) == n == cn2an.cn2an(cn(n), "smart") for n in range(10000))
    assert cn_value("二〇二三") == 2023 and cn_value("两") == 2 and cn_value("届") is None


def test_build_does_not_load_jieba_or_cn2an(tmp_path):
    """Commands that do not segment text never import jieba (its dictionary takes a second)."""
    import subprocess
    import sys

    code = ("import sys; from generator.cli import main; "
            "main(['build', sys.argv[1], '-o', sys.argv[2], '-q']); "
            "print('jieba' in sys.modules, 'cn2an' in sys.modules)")
    r = subprocess.run([sys.executable, "-c", code, str(FIXTURES / "minimal.yaml"), str(tmp_path / "r.docx")],
                       capture_output=True, text=True, check=True)
    assert r.stdout.strip() == "False False"
