"""Command line: a thin layer over generator.api, in Chinese."""
from __future__ import annotations

import argparse
import os
import sys

from . import __version__
from .errors import Problem, ReportgenError
from .report_types import bundled as bundled_types
from .resources import known_topics
from .tree import PART_NAMES
from .typography import normalize_line

_ZH = {
    "usage: ": "用法:",
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s: 错误: %(message)s\n",
    "the following arguments are required: %s": "缺少必需的参数:%s",
    "unrecognized arguments: %s": "无法识别的参数:%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选择:%(value)r(可选:%(choices)s)",
    "expected one argument": "需要一个参数值",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s:%(message)s",
    "ambiguous option: %(option)s could match %(matches)s": "选项不明确:%(option)s 可匹配 %(matches)s",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值:%(value)r",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
}


def _zh(message: str) -> str:
    return _ZH.get(message, message)


argparse._ = _zh  # argparse looks its messages up through this module global
argparse.ngettext = lambda s, p, n: _zh(s if n == 1 else p)


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def _format_text(self, text):
        return super()._format_text(normalize_line(text) if text else text)

    def _expand_help(self, action):
        return normalize_line(super()._expand_help(action))


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self.add_argument("-h", "--help", action="help", help="显示本帮助并退出")


def _force(p, what: str = "被修改过或非本工具生成的输出文件") -> None:
    p.add_argument("--force", action="store_true", help=f"覆盖{what}(先备份)")


def _show_removed(p) -> None:
    p.add_argument("--show-removed", action="store_true",
                   help="列出作为网页或 PDF 杂质去掉的行和片段,核对没有去掉报告的内容")


def _print_removed(lines: list[str], where: str = "") -> None:
    print(f"{where}去掉的杂质 {len(lines)} 处" + (":" if lines else ""))
    for line in lines:
        print("  - " + (line if len(line) <= 60 else line[:60] + "…"))


def _templates(p) -> None:
    p.add_argument("--templates", metavar="模板目录",
                   help="自定义模板目录:其中的同名文件代替内置模板,report_types.yaml 可增加报告类型(在沙箱中运行)")


def _report(p) -> None:
    p.add_argument("report", metavar="报告文件", help=".txt、.md 或 .docx 文件")


def _schema(p, use: str = "默认用内置的 corpus/schema.yaml") -> None:
    p.add_argument("--schema", metavar="结构文件", help=f"reportgen learn 学得的结构文件;{use}")


def make_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="reportgen",
        description="从事实(YAML)起草政协常委会工作报告,排成符合 GB/T 9704 的 Word 文档。",
        epilog="示例:\n  reportgen build examples/平昌县政协2021.yaml -o out/平昌.docx\n\n"
               "各子命令的说明:reportgen 子命令 --help")
    parser.add_argument("--version", action="version", version=f"reportgen {__version__}",
                        help="显示版本号并退出")
    sub = parser.add_subparsers(dest="command", title="子命令", metavar="子命令",
                                parser_class=_Parser)
    sub.required = True

    b = sub.add_parser(
        "build", help="由事实文件生成报告(DOCX 或 Markdown)",
        description="由事实文件(YAML)生成报告。默认输出与事实文件同名的 .docx。\n"
                    "已存在的输出文件:若是 reportgen 生成且未被修改,直接替换;"
                    "若被人修改过或不是 reportgen 生成的,除非加 --force,否则不覆盖"
                    "(加 --force 时先备份原文件)。",
        epilog="示例:\n  reportgen build examples/平昌县政协2021.yaml -o out/平昌.docx\n"
               "  reportgen build examples/平昌县政协2021.yaml --format md -o out/平昌.md\n"
               "  reportgen build examples/ -o out/          # 一次生成目录中的全部事实文件\n"
               "  reportgen build 事实.yaml --style 本地样式.yaml --force")
    b.add_argument("facts", metavar="事实文件", nargs="+",
                   help="YAML 格式的事实文件;可以写多个,或写一个目录(其中所有 .yaml)")
    b.add_argument("-o", "--output", metavar="输出文件",
                   help="输出路径(默认:事实文件同名,扩展名按格式);生成多个文件时是输出目录")
    b.add_argument("--format", choices=["docx", "md", "html"], help="输出格式(默认按输出文件扩展名,否则 docx);html 是在浏览器中预览、打印的分页版面")
    b.add_argument("--style", metavar="样式文件", help="覆盖默认版式的 YAML 样式表(只需写要改的项)")
    _schema(b)
    _templates(b)
    _force(b)
    b.add_argument("-q", "--quiet", action="store_true", help="只报告错误")
    b.add_argument("--compare", metavar="对比表", nargs="?", const="-",
                   help="列出今年与上年的每个数字(事实中写了“上年”的);不写文件名则打印在屏幕上,"
                        "写 .xlsx 或 .csv 文件名则存成表格")

    c = sub.add_parser(
        "corpus", help="清洗往年报告,生成语料(去掉网页和 PDF 杂质)",
        description="把目录中的往年报告(.txt、.md、.docx)清洗成语料文本:去掉网站导航、"
                    "【字体】、阅读次数、PDF 页码和报头等杂质,接回被分页截断的段落,"
                    "报告正文一字不改。每个文件输出为目标目录中的同名 .txt:上次由 corpus 写出、没有被改过的"
                    "同名文件直接替换,其他已有的文件不覆盖(加 --force 先备份再覆盖);两份来源写到同一个文件时"
                    "(如 报告.md 和 报告.txt),什么都不写,列出冲突。",
        epilog="示例:\n  reportgen corpus seeds/ corpus/")
    c.add_argument("source", metavar="来源目录", help="存放往年报告的目录")
    c.add_argument("target", metavar="语料目录", help="输出清洗后文本的目录(不存在则创建)")
    _show_removed(c)
    _force(c, "语料目录中被修改过或非本工具写出的同名文件")

    p = sub.add_parser(
        "parse", help="解析一篇报告,显示其结构",
        description="解析一篇报告(.txt、.md、.docx),显示标题、会议、报告人、日期,"
                    "以及各部分(回顾/体会/安排)、各层标题和段首引领句。",
        epilog="示例:\n  reportgen parse seeds/000_380862c437f24e92.txt\n"
               "  reportgen parse out/平昌.docx --json")
    _report(p)
    p.add_argument("--json", action="store_true", help="以 JSON 输出完整的结构树")
    _schema(p, "用来判断各板块的主题,默认用内置的 corpus/schema.yaml")

    t = sub.add_parser(
        "typeset", help="把任意报告文字一次排成公文格式的 Word 文档",
        description="读入一篇报告(.txt、.md 或 .docx),由解析器找出标题、副标题、称呼、部分标题、"
                    "“一、”“(一)”“1.”“(1)”各级标题和段首引领句,排成 GB/T 9704 格式的 DOCX。"
                    "网页和 PDF 的杂质自动清除。已存在的输出文件按 build 的规则保护。",
        epilog="示例:\n  reportgen typeset 草稿.txt -o 草稿.docx\n"
               "  reportgen typeset seeds/003_cbf5ea202d683762.txt -o out/丹东原文.docx")
    _report(t)
    t.add_argument("-o", "--output", metavar="输出文件", help="输出的 .docx(默认:同名 .docx)")
    t.add_argument("--style", metavar="样式文件", help="覆盖默认版式的 YAML 样式表")
    _show_removed(t)
    _force(t)

    ck = sub.add_parser(
        "check", help="检查事实文件或草稿中的数字、提法、标题和句子",
        description="检查事实文件(.yaml)、Markdown/文本草稿或 Word 草稿(.docx),"
                    "每条问题按“文件:行: 级别: 说明”列出(DOCX 的“行”是段落序号):\n"
                    "  数字:立案多于提交、办结多于立案、采用多于报送、“其中”各项之和超过总数,会议日期与年度不符;\n"
                    "  提法:固定提法的引号和成组(“四个意识”“四个自信”“两个维护”),提法的起用年份,"
                    "错误写法,报告年份应学习贯彻的党代会精神;\n"
                    "  标题:同级标题字数或句式不对仗;\n"
                    "  段落和句子:整段相同或几乎相同、大段重复(固定表述除外)、过长的句子。\n"
                    "有“错误”时退出码为 1。规则在 generator/data/checks.yaml。",
        epilog="示例:\n  reportgen check examples/平昌县政协2021.yaml\n"
               "  reportgen check 草稿.md\n"
               "  reportgen check 草稿.docx --annotate 草稿-批注.docx")
    ck.add_argument("file", metavar="文件", help="事实文件(.yaml)或草稿(.md、.txt、.docx)")
    ck.add_argument("--annotate", metavar="输出.docx",
                    help="把检查结果作为 Word 批注写进 DOCX 草稿的副本")
    _force(ck, "被修改过的批注副本")
    _schema(ck, "检查事实文件时使用")
    _templates(ck)

    ex = sub.add_parser(
        "extract", help="把往年报告变回事实文件",
        description="读入往年的报告(.txt、.md 或 .docx),写出本工具格式的事实文件:"
                    "标题、会议、报告人、日期,各部分、各板块的标题,引领句和正文;"
                    "数字能放进事实类别的就放进去(提案、社情民意、捐款捐物……),其余照录;"
                    "开头、致谢、不足、结束语保留原文。用它作为今年事实文件的起点。",
        epilog="示例:\n  reportgen extract 去年的报告.docx -o 今年事实.yaml\n"
               "  reportgen extract seeds/003_cbf5ea202d683762.txt -o 丹东.yaml")
    _report(ex)
    ex.add_argument("-o", "--output", metavar="事实文件", help="输出的 .yaml(默认:同名 .yaml)")
    _force(ex, "已有的输出文件")

    ro = sub.add_parser(
        "roll", help="把去年的事实文件移到今年",
        description="以去年的事实文件为起点写出今年的:年度加一;会次加一(换届时用 --new-term,"
                    "改为下一届第一次会议、届末报告);日期按去年推算(请改为实际日期);"
                    "标题、开头和套语中的年份与会次,五年规划的名称,学习贯彻的党代会和全会"
                    "(按 generator/data/calendar.yaml 的年份表)随之改写;事实中的数字移入“上年”,"
                    "今年的数字空着待填(生成时显示为 ××)。注释和原有写法都保留;文件开头列出改了什么、"
                    "还要核对什么。",
        epilog="示例:\n  reportgen roll 丹东市政协2020.yaml -o 丹东市政协2021.yaml\n"
               "  reportgen roll 县政协2025.yaml --new-term -o 县政协2026届末.yaml")
    ro.add_argument("facts", metavar="去年事实.yaml", help="去年的事实文件(可以是 reportgen extract 的结果)")
    ro.add_argument("-o", "--output", metavar="今年事实.yaml",
                    help="输出路径(默认:文件名中的年份加一,如 县政协2025.yaml → 县政协2026.yaml)")
    ro.add_argument("--new-term", action="store_true",
                    help="今年是换届的会议:下一届第一次会议,报告改为届末报告")
    _force(ro, "已有的输出文件")
    _templates(ro)

    sv = sub.add_parser(
        "serve", help="在浏览器中填写事实、预览报告(只在本机)",
        description="启动本机的起草台并打开浏览器:把事实文件当作表单来填(部分、板块、事项、数字),"
                    "右边是与 Word 版式相同的分页预览,下面是检查结果;改动随时保存回事实文件"
                    "(只改动过的值,注释和顺序保留),也可以下载 Word 和 Markdown。"
                    "只监听 127.0.0.1;只能打开启动目录中的文件。按 Ctrl+C 结束。",
        epilog="示例:\n  reportgen serve 今年事实.yaml\n  reportgen serve 今年事实.yaml --port 8080 --no-browser\n"
               "  reportgen serve 今年事实.yaml --host 0.0.0.0     # 同一网络的同事也能打开(凭令牌)")
    sv.add_argument("facts", metavar="事实文件", nargs="?", default="事实.yaml",
                    help="要填写的事实文件(默认:事实.yaml;不存在时先生成一份年度报告的骨架)")
    sv.add_argument("--port", type=int, default=8000, help="端口(默认 8000;0 表示任选一个空闲端口)")
    sv.add_argument("--no-browser", action="store_true", help="不自动打开浏览器")
    sv.add_argument("--host", default="127.0.0.1",
                    help="监听的地址(默认 127.0.0.1,只有本机能用);写本机的局域网地址或 0.0.0.0 则同一网络的"
                         "其他电脑也能打开,此时必须用终端里给出的带令牌的地址")

    it = sub.add_parser(
        "init", help="生成一份待填写的事实文件骨架",
        description="按学得的结构生成某类报告的事实文件骨架:各部分和各主题按往年报告的顺序排列,"
                    "每个事实都写明单位,附中文注释说明填什么,并给出语料中的例句和出处。"
                    "骨架现在就能生成报告:空着的事实、标题和段落不会出现在正文里。",
        epilog="示例:\n  reportgen init -o 今年事实.yaml\n  reportgen init --type 届末 -o 届末事实.yaml")
    types = bundled_types()
    it.add_argument("--type", dest="report_type", metavar="类型", default=types.default.name,
                    help=f"报告类型:{'、'.join(types.names)}(默认:{types.default.name});"
                         "自定义模板目录中声明的类型也可以")
    _templates(it)
    it.add_argument("-o", "--output", metavar="事实文件", default="事实.yaml", help="输出路径(默认:事实.yaml)")
    _schema(it)
    _force(it, "已有的输出文件")

    sg = sub.add_parser(
        "suggest", help="从往年报告中找某个主题的标题、引领句和常用表述",
        description="从语料中找出属于某个主题的板块标题、段首引领句和常用表述,按与主题的贴合程度排序,"
                    "每条注明出自哪篇报告。主题:" + "、".join(known_topics()) + "。",
        epilog="示例:\n  reportgen suggest 提案\n  reportgen suggest 理论学习与思想政治引领 --part plan\n"
               "  reportgen suggest 协商议政 --corpus 本办语料/ --schema 本办结构.yaml")
    sg.add_argument("topic", metavar="主题", help="如 提案、协商议政")
    sg.add_argument("--part", choices=["review", "plan", "lessons"],
                    help="只看某一部分:review 回顾、plan 安排、lessons 体会")
    sg.add_argument("--corpus", metavar="语料目录", help="默认:内置语料")
    _schema(sg)

    lr = sub.add_parser(
        "learn", help="从语料学习章节结构(schema)",
        description="从语料目录中的每篇报告学习章节结构:报告类型及其各部分(顺序、标题的各种写法和出现次数),"
                    "各部分的主题(出现次数、通常的位置、标题和引领句示例及出处),"
                    "各主题的关键词和事实(数字及其单位、所计的事物),以及开头语、致谢、不足、结束语等套语的各种写法。"
                    "结果是确定的:同样的语料总是得到同样的结构文件。",
        epilog="示例:\n  reportgen learn corpus/ -o corpus/schema.yaml\n"
               "  reportgen learn 本办往年报告/ -o 本办结构.yaml\n"
               "  reportgen build 事实.yaml --schema 本办结构.yaml")
    lr.add_argument("corpus", metavar="语料目录", nargs="?", default="corpus", help="默认 corpus/")
    lr.add_argument("-o", "--output", metavar="结构文件", default=None,
                    help="输出路径(默认:语料目录中的 schema.yaml)")
    _force(lr, "被修改过或非本工具写出的结构文件")
    return parser


def _build(args) -> int:
    from pathlib import Path

    from .api import build, build_many

    if len(args.facts) > 1 or Path(args.facts[0]).is_dir():
        if args.compare:
            raise ReportgenError(Problem("--compare 只用于一个事实文件", hint="分别对每个事实文件运行 build --compare"))
        batch = build_many(args.facts, args.output, args.format, args.style, args.force,
                           args.schema, args.templates)
        for r in batch.built:
            for warning in r.draft.warnings:
                print(str(warning), file=sys.stderr)
            if r.write.backup and not args.quiet:
                print(f"原文件已备份为 {r.write.backup}")
        for p in batch.problems:
            print(str(p), file=sys.stderr)
        if not args.quiet:
            print(normalize_line(f"已生成 {len(batch.built)} 份" +
                                 (f",{len({p.file for p in batch.problems})} 份出错" if batch.problems else "")))
        return 1 if batch.problems else 0
    result = build(args.facts[0], args.output, args.format, args.style, args.force,
                   schema_path=args.schema, templates=args.templates)
    for warning in result.draft.warnings:
        print(str(warning), file=sys.stderr)
    if not args.quiet:
        w = result.write
        if w.backup:
            print(f"原文件已备份为 {w.backup}")
        print(f"已生成 {w.path}")
        print(normalize_line(result.draft.stats.summary()))
    if args.compare:
        from .api import compare_table

        got = compare_table(result.draft, None if args.compare == "-" else args.compare, args.force)
        if args.compare == "-":
            print(got or "事实中没有写“上年”的数字,没有可对比的")
        else:
            print(f"已写出对比表 {got}")
    return 0


def _corpus(args) -> int:
    from .api import build_corpus

    removed: dict | None = {} if args.show_removed else None
    written, problems, backups = build_corpus(args.source, args.target, removed, args.force)
    for path in backups:
        print(f"原文件已备份为 {path}")
    for path in written:
        print(f"已写入 {path}")
    for source, lines in (removed or {}).items():
        _print_removed(lines, f"{source.name}:")
    for problem in problems:
        print(str(problem), file=sys.stderr)
    print(f"共 {len(written)} 篇" + (f",{len(problems)} 篇出错" if problems else ""))
    return 1 if problems else 0


def _parse(args) -> int:
    import json

    from .api import load_schema, parse_file

    warnings: list = []
    tree = parse_file(args.report, load_schema(args.schema), warnings)
    _print_warnings(warnings)
    if args.json:
        print(json.dumps(tree.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(outline(tree))
    return 0


def outline(tree) -> str:
    """A human-readable outline of a report tree."""
    from .tree import Paragraph, Part

    m = tree.meta
    lines = [normalize_line(f"标题:{m.title}")]
    for label, name, value in (("副标题", "subtitle", m.subtitle), ("会议", "meeting", m.meeting),
                               ("报告人", "speaker", m.speaker), ("日期", "date", m.date or m.date_text),
                               ("称呼", "salutation", m.salutation)):
        if value:
            lines.append(normalize_line(f"{label}:{value}" + ("(据正文)" if name in m.inferred else "")))
    shift = 0  # an unnamed part adds no heading level, but its line still heads what follows
    for depth, node in tree.walk():
        if isinstance(node, Part):
            shift = 0 if node.heading else 1
        pad = "  " * max(depth - 1 + shift, 0)
        if isinstance(node, Part):
            text = f"【{PART_NAMES[node.role]}】{node.number}{node.heading or '(未标明的部分)'}"
        elif isinstance(node, Paragraph):
            if not node.lead:
                continue
            pad, text = "  " * (depth + shift), f"· {node.lead}"
        else:
            text = f"{node.number}{node.heading}" + (f"  〔{node.topic}〕" if node.topic else "")
        lines.append(pad + normalize_line(text))
    return "\n".join(lines)


def _learn(args) -> int:
    from pathlib import Path

    from .api import learn_schema

    output = args.output or str(Path(args.corpus) / "schema.yaml")
    schema, written = learn_schema(args.corpus, output, args.force)
    if written.backup:
        print(f"原文件已备份为 {written.backup}")
    types = "、".join(f"{k} {v['篇数']} 篇" for k, v in schema["报告类型"].items())
    print(f"已从 {len(schema['来源'])} 篇报告({types})学得结构,写入 {output}")
    return 0


def _typeset(args) -> int:
    from .api import typeset

    removed: list[str] | None = [] if args.show_removed else None
    warnings: list = []
    w = typeset(args.report, args.output, args.style, args.force, removed, warnings)
    _print_warnings(warnings)
    if removed is not None:
        _print_removed(removed)
    if w.backup:
        print(f"原文件已备份为 {w.backup}")
    print(f"已生成 {w.path}")
    return 0


def _print_warnings(warnings) -> None:
    for w in warnings:
        print(str(w), file=sys.stderr)


def _check(args) -> int:
    from .api import check

    problems, annotated = check(args.file, args.annotate, args.schema, args.force, args.templates)
    for p in problems:
        print(str(p))
    errors = sum(p.level == "错误" for p in problems)
    if problems:
        print(normalize_line(f"共 {len(problems)} 处:错误 {errors} 处,警告 {len(problems) - errors} 处"))
    else:
        print("未发现问题")
    if annotated:
        print(f"已把 {annotated[1]} 条批注写入 {annotated[0]}")
    return 1 if errors else 0


def _extract(args) -> int:
    from .api import extract

    warnings: list = []
    out = extract(args.report, args.output, args.force, warnings)
    _print_warnings(warnings)
    print(f"已写出事实文件 {out}")
    return 0


def _roll(args) -> int:
    from .api import roll

    out, rolled = roll(args.facts, args.output, args.new_term, args.force, args.templates)
    print(f"已写出今年的事实文件 {out}")
    print("已改动:")
    for line in rolled.changed:
        print(normalize_line(f"  - {line}"))
    if rolled.todo:
        print("请核对:")
        for line in rolled.todo:
            print(normalize_line(f"  - {line}"))
    return 0


def _serve(args) -> int:
    from pathlib import Path

    from .api import init
    from .serve import address, make_server

    facts = Path(args.facts)
    if not facts.exists():
        init(bundled_types().default.name, facts)
        print(f"已生成事实文件骨架 {facts}")
    server, bench = make_server(facts, args.port, args.host)
    url = address(server, bench, args.host)
    print(f"起草台已启动,请用这个地址打开(地址中的令牌只有你知道):\n  {url}")
    if args.host in ("127.0.0.1", "localhost"):
        print("只在本机可用;按 Ctrl+C 结束。")
    else:
        print(f"注意:正在监听 {args.host},同一网络的其他电脑也能连上;没有令牌的请求一律拒绝。按 Ctrl+C 结束。")
    if not args.no_browser:
        import webbrowser

        webbrowser.open(url)
    try:
        server.serve_forever()
    finally:
        server.server_close()
    return 0


def _init(args) -> int:
    from .api import init

    out = init(args.report_type, args.output, args.schema, args.force, templates=args.templates)
    print(normalize_line(f"已生成“{args.report_type}”类报告的事实骨架 {out};填写后运行 reportgen build {out}"))
    return 0


def _suggest(args) -> int:
    from .api import suggest

    found = suggest(args.topic, args.part, args.schema, args.corpus)
    where = {"review": "回顾部分", "plan": "安排部分", "lessons": "体会部分"}.get(args.part, "")
    print(normalize_line(f"主题:{args.topic}" + (f"({where})" if where else "")))
    for label, key in (("标题", "标题"), ("引领句", "引语"), ("常用表述", "表述")):
        print(f"{label}:")
        if not found[key]:
            print("  (语料中没有)")
        for i, (text, source, _) in enumerate(found[key], start=1):
            print(f"  {i}. {text}  〔{source}〕")
    return 0


COMMANDS = {"build": _build, "corpus": _corpus, "parse": _parse, "learn": _learn,
            "typeset": _typeset, "check": _check, "extract": _extract, "roll": _roll, "serve": _serve, "init": _init,
            "suggest": _suggest}


def main(argv: list[str] | None = None) -> int:
    try:
        args = make_parser().parse_args(argv)
        return COMMANDS[args.command](args)
    except ReportgenError as e:
        print(str(e), file=sys.stderr)
        return 1
    except BrokenPipeError:
        # the reader went away (reportgen parse … | head): stop quietly, as Unix tools do
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except KeyboardInterrupt:
        print("已中断", file=sys.stderr)
        return 130
    except Exception as e:  # never show a traceback to a person
        if os.environ.get("REPORTGEN_DEBUG"):
            raise
        print(f"reportgen: 内部错误: {type(e).__name__}: {e}\n    "
              + normalize_line("这是 reportgen 的缺陷,请附上输入文件报告给维护者;"
                               "设置环境变量 REPORTGEN_DEBUG=1 可看到详细信息。"), file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
