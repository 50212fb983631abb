"""build makes the report tree from the facts: structure is never guessed back from text."""
import subprocess
import sys

import docx
import pytest

from conftest import FIXTURES, ROOT

BASE = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")


def paragraphs(path):
    return [(p.style.name, p.text) for p in docx.Document(str(path)).paragraphs]


def test_a_part_heading_the_lexicon_does_not_know_stays_a_part_heading(write, tmp_path, cli):
    facts = write("f.yaml", BASE.replace("工作回顾:\n  概述:", "工作回顾:\n  标题: 一年来的主要工作\n  概述:"))
    code, _, err = cli("build", facts, "-o", tmp_path / "f.docx")
    assert code == 0, err
    paras = paragraphs(tmp_path / "f.docx")
    assert ("Heading 1", "一年来的主要工作") in paras
    assert ("Heading 1", "2025年工作安排") in paras or ("Heading 1", "今年工作安排") in paras
    sections = [t for s, t in paras if s == "Heading 2"]
    # sections of both parts at the same level, numbered afresh in each part
    assert [t[:2] for t in sections] == ["一、", "二、", "一、", "二、"]


def test_free_text_that_looks_numbered_stays_body_text_with_its_stop(write, tmp_path, cli):
    facts = write("f.yaml", BASE.replace("        - 内容: 聚焦全市高质量发展开展专题协商。",
                                         "        - 内容: 1.开展专题视察5次，提出建议40条。"))
    code, _, err = cli("build", facts, "-o", tmp_path / "f.docx")
    assert code == 0, err
    assert ("Normal", "1.开展专题视察5次，提出建议40条。") in paragraphs(tmp_path / "f.docx")


def test_an_intro_paragraph_starting_like_a_heading_stays_a_paragraph(write):
    from generator.api import draft

    d = draft(write("f.yaml", BASE.replace("  概述: 2025年是“十四五”规划收官之年。",
                                           "  概述: 一、总的要求是稳中求进。")))
    plan = d.tree.parts[-1]
    assert plan.children[0].text == "一、总的要求是稳中求进。"
    assert [s.number for s in plan.sections] == ["一、", "二、"]


def test_facts_of_a_part_the_report_type_lacks_are_refused(write, cli):
    article = (FIXTURES / "article.yaml").read_text(encoding="utf-8")
    facts = write("a.yaml", article + "工作安排:\n  概述: 明年继续努力。\n")
    code, _, err = cli("build", facts, "-o", facts.with_suffix(".md"))
    assert code == 1 and "工作安排" in err and "工作综述没有" in err and "a.yaml:" in err


NEW_TYPE = """\
专题:
  名称: 专题工作报告
  模板: special.j2
  必填: [会议]
  部分:
    - {类别: review, 标题: 专题工作情况, 之后: [summary]}
    - {类别: plan, 标题: 下一步打算}
  板块编号: 是
  结尾: [closing]
"""

NEW_TEMPLATE = """\
{% macro title() %}{{ o.地区 }}政协关于{{ free(facts.title) }}的报告{% endmacro %}
{% macro meeting() %}在{{ o.委员会 }}常务委员会{{ o.会议 }}上{% endmacro %}
{% macro summary() %}总的看,专题工作取得了阶段性成效。{% endmacro %}
{% macro closing() %}以上报告,请予审议。{% endmacro %}
"""

NEW_FACTS = """\
类型: 专题
年度: 2025
标题: 民营经济发展专题协商
机构: {地区: 某某县}
会议: {届次: 9, 会次: 12, 日期: 2026-03-01}
工作回顾:
  板块:
    - 标题: 深入调研
      事项:
        - 引语: 摸清底数
          内容: [走访企业, {调研视察: {调研: 12}}]
工作安排:
  板块:
    - 标题: 跟踪落实
      事项: [{内容: 推动协商成果转化。}]
"""


def test_a_new_report_type_is_one_declaration_and_one_template(tmp_path, cli):
    tpl = tmp_path / "tpl"
    tpl.mkdir()
    (tpl / "report_types.yaml").write_text(NEW_TYPE, encoding="utf-8")
    (tpl / "special.j2").write_text(NEW_TEMPLATE, encoding="utf-8")
    facts = tmp_path / "f.yaml"
    facts.write_text(NEW_FACTS, encoding="utf-8")
    code, out, err = cli("build", facts, "-o", tmp_path / "f.docx", "--templates", tpl)
    assert code == 0, err
    paras = paragraphs(tmp_path / "f.docx")
    assert paras[0] == ("Title", "某某县政协关于民营经济发展专题协商的报告")
    assert paras[1][1] == "——在政协某某县第九届委员会常务委员会第十二次会议上"
    assert [t for s, t in paras if s == "Heading 1"] == ["专题工作情况", "下一步打算"]
    assert [t for s, t in paras if s == "Heading 2"] == ["一、深入调研", "一、跟踪落实"]
    body = [t for s, t in paras if s == "Normal"]
    assert body[0] == "摸清底数。走访企业开展调研12次。"
    assert body[1] == "总的看\uff0c专题工作取得了阶段性成效。"
    assert body[-1] == "以上报告\uff0c请予审议。"
    # the same declaration gives init its choice and its skeleton, which builds as is
    code, _, err = cli("init", "--type", "专题", "--templates", tpl, "-o", tmp_path / "s.yaml")
    assert code == 0, err
    skeleton = (tmp_path / "s.yaml").read_text(encoding="utf-8")
    assert "类型: 专题" in skeleton and "工作安排:" in skeleton and "主要体会" not in skeleton
    code, _, err = cli("build", tmp_path / "s.yaml", "-o", tmp_path / "s.md", "--templates", tpl)
    assert code == 0, err
    code, out, err = cli("check", facts, "--templates", tpl)
    assert code == 0 and "未发现问题" in out, err + out
    # without the folder the type is unknown, and the message says which types there are
    code, _, err = cli("build", facts, "-o", tmp_path / "g.md")
    assert code == 1 and "未知的报告类型“专题”" in err and "年度、提案、届末、综述" in err


def test_a_macro_the_declaration_names_but_the_template_lacks_is_located(tmp_path, cli):
    tpl = tmp_path / "tpl"
    tpl.mkdir()
    (tpl / "report_types.yaml").write_text(NEW_TYPE.replace("之后: [summary]", "之后: [summery]"),
                                           encoding="utf-8")
    (tpl / "special.j2").write_text(NEW_TEMPLATE, encoding="utf-8")
    facts = tmp_path / "f.yaml"
    facts.write_text(NEW_FACTS, encoding="utf-8")
    code, _, err = cli("build", facts, "-o", tmp_path / "f.md", "--templates", tpl)
    assert code == 1 and "Traceback" not in err, err
    assert "report_types.yaml:6:" in err and "没有宏“summery”" in err and "专题.部分[1].之后[1]" in err


def test_a_slot_macro_missing_from_slots_j2_is_located(tmp_path, cli):
    tpl = tmp_path / "tpl"
    tpl.mkdir()
    slots = (ROOT / "templates" / "slots.yaml").read_text(encoding="utf-8")
    (tpl / "slots.yaml").write_text(slots.replace("宏: proposals", "宏: proposal"), encoding="utf-8")
    code, _, err = cli("build", FIXTURES / "minimal.yaml", "-o", tmp_path / "f.md", "--templates", tpl)
    assert code == 1 and "Traceback" not in err, err
    line = slots.splitlines().index("  宏: proposals") + 1
    assert f"slots.yaml:{line}:" in err and "没有宏“proposal”" in err and "提案.宏" in err


@pytest.mark.parametrize("edit, words", [
    (("类别: plan", "类别: 安排"), "类别"),
    (("模板: special.j2", "模板: ''"), "不能为空"),
    (("  板块编号: 是", "  板块编号: 也许"), "是/否"),
    (("专题:", "专题: 一份报告\n专门:"), "应为键值对"),
])
def test_report_type_declarations_get_located_errors(tmp_path, cli, edit, words):
    tpl = tmp_path / "tpl"
    tpl.mkdir()
    (tpl / "report_types.yaml").write_text(NEW_TYPE.replace(*edit), encoding="utf-8")
    (tpl / "special.j2").write_text(NEW_TEMPLATE, encoding="utf-8")
    code, _, err = cli("build", FIXTURES / "minimal.yaml", "-o", tmp_path / "f.md", "--templates", tpl)
    assert code == 1 and "Traceback" not in err and words in err and "report_types.yaml:" in err, err


def test_a_second_default_type_is_refused(tmp_path, cli):
    tpl = tmp_path / "tpl"
    tpl.mkdir()
    (tpl / "report_types.yaml").write_text(NEW_TYPE.replace("  必填:", "  默认: 是\n  必填:"), encoding="utf-8")
    code, _, err = cli("build", FIXTURES / "minimal.yaml", "-o", tmp_path / "f.md", "--templates", tpl)
    assert code == 1 and "默认" in err and "年度、专题" in err


@pytest.mark.parametrize("edit, words", [
    (("    出现: 1\n", "    出现: 很多\n"), "整数"),
    (("报告类型:\n", "报告类型: 三类\n旧报告类型:\n"), "报告类型"),
    (("- 类别: review\n", "- 类别: 回顾\n"), "类别"),
])
def test_a_hand_edited_schema_gets_located_chinese_errors(tmp_path, cli, edit, words):
    schema = (ROOT / "corpus" / "schema.yaml").read_text(encoding="utf-8")
    assert edit[0] in schema
    bad = tmp_path / "schema.yaml"
    bad.write_text(schema.replace(*edit, 1), encoding="utf-8")
    code, _, err = cli("build", FIXTURES / "minimal.yaml", "-o", tmp_path / "f.md", "--schema", bad)
    assert code == 1 and "Traceback" not in err and words in err and "schema.yaml:" in err, err
    line = int(err.split("schema.yaml:")[1].split(":")[0])
    assert bad.read_text(encoding="utf-8").splitlines()[line - 1].strip().lstrip("- ").startswith(
        edit[1].split(":")[0].strip().lstrip("- "))


def test_build_does_not_import_the_parser_or_the_cleaner(tmp_path):
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "generator", "build", str(FIXTURES / "minimal.yaml"),
         "-o", str(tmp_path / "f.docx")], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    imported = {line.split("|")[-1].strip() for line in out.stderr.splitlines() if "import time:" in line}
    assert "generator.render" in imported and "generator.writers.docx" in imported
    assert not imported & {"generator.parse", "generator.clean", "generator.readers", "jieba"}


def test_an_annual_report_may_have_a_lessons_part(write):
    from generator.api import draft

    d = draft(write("f.yaml", BASE + "主要体会:\n  事项:\n    - {引语: 必须坚持党的领导, 内容: 这是根本。}\n"))
    assert [(p.role, p.heading) for p in d.tree.parts][1] == ("lessons", "工作体会")
    assert d.tree.parts[1].children[0].lead == "一是必须坚持党的领导。"


def test_an_article_with_a_plan_extracts_to_facts_that_build_with_every_heading(tmp_path, cli):
    art = tmp_path / "art.md"
    art.write_text("某某县政协2024年工作综述\n\n2025年1月10日\n\n一年来，各项工作取得新成效。\n\n"
                   "一、强化理论武装\n\n全年组织集中学习12次。\n\n2025年工作安排\n\n"
                   "一、继续加强学习\n\n深入学习贯彻全会精神。\n", encoding="utf-8")
    code, _, err = cli("extract", art, "-o", tmp_path / "a.yaml")
    assert code == 0, err
    assert "并入" in (tmp_path / "a.yaml").read_text(encoding="utf-8")
    code, _, err = cli("build", tmp_path / "a.yaml", "-o", tmp_path / "a.md")
    assert code == 0, err
    text = (tmp_path / "a.md").read_text(encoding="utf-8")
    for words in ("强化理论武装", "2025年工作安排", "继续加强学习", "深入学习贯彻全会精神。"):
        assert words in text


@pytest.mark.parametrize("declaration, template, words, line", [
    (NEW_TYPE.replace("  板块编号: 是", "  板块编号: [是"), NEW_TEMPLATE, "YAML", None),
    (NEW_TYPE.replace("模板: special.j2", "模板: missing.j2"), NEW_TEMPLATE, "找不到模板“missing.j2”", 3),
    (NEW_TYPE.replace("{类别: plan,", "{类别: review,"), NEW_TEMPLATE, "出现了两次", 7),
    (NEW_TYPE.replace("之后: [summary]", "之后: [summery, sumary]"), NEW_TEMPLATE, "没有宏“sumary”", 6),
    (NEW_TYPE, NEW_TEMPLATE.replace("总的看", "{{ formula('小结', '总的看,{委员}') }}"), "填不上的空“{委员}”", 3),
    (NEW_TYPE, NEW_TEMPLATE.replace("总的看", "{{ 1 // 0 }}"), "ZeroDivisionError", 3),
    (NEW_TYPE, NEW_TEMPLATE.encode("gbk"), "不是 UTF-8", None),
])
def test_faults_of_a_declaration_or_its_template_are_explained(tmp_path, cli, declaration, template, words, line):
    tpl = tmp_path / "tpl"
    tpl.mkdir()
    (tpl / "report_types.yaml").write_text(declaration, encoding="utf-8")
    if isinstance(template, bytes):
        (tpl / "special.j2").write_bytes(template)
    else:
        (tpl / "special.j2").write_text(template, encoding="utf-8")
    facts = tmp_path / "f.yaml"
    facts.write_text(NEW_FACTS, encoding="utf-8")
    code, _, err = cli("build", facts, "-o", tmp_path / "f.md", "--templates", tpl)
    assert code == 1 and "Traceback" not in err and "内部错误" not in err and words in err, err
    if line:
        assert f":{line}: " in err, err
    if "sumary" in words:
        assert "没有宏“summery”" in err  # every missing macro at once


def test_the_message_for_a_missing_meeting_names_the_report_type_once(write, cli):
    facts = write("f.yaml", "类型: 届末\n年度: 2024\n机构: {地区: 某某县}\n")
    code, _, err = cli("build", facts, "-o", facts.with_suffix(".md"))
    assert code == 1 and "届末工作报告要写明届次" in err and "工作报告工作报告" not in err


def test_the_readme_example_of_a_new_report_type_builds(tmp_path, cli):
    import textwrap

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### 开发者：加一类报告"):]
    tpl = tmp_path / "tpl"
    tpl.mkdir()
    for fence, name in (("```yaml\n", "report_types.yaml"), ("```jinja\n", "special.j2")):
        block = section.split(fence, 1)[1].split("```", 1)[0]
        (tpl / name).write_text(textwrap.dedent(block), encoding="utf-8")
    facts = tmp_path / "f.yaml"
    facts.write_text(NEW_FACTS, encoding="utf-8")
    code, _, err = cli("build", facts, "-o", tmp_path / "f.md", "--templates", tpl)
    assert code == 0, err
    code, _, err = cli("init", "--type", "专题", "--templates", tpl, "-o", tmp_path / "s.yaml")
    assert code == 0, err
    skeleton = (tmp_path / "s.yaml").read_text(encoding="utf-8")
    assert "工作回顾:              # 默认标题:专题工作情况" in skeleton and "# ;" not in skeleton
