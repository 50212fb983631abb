"""Command line: a thin layer over generator.api, in Chinese."""
from __future__ import annotations

import argparse
import os
import sys

from . import __version__
from .errors import ReportgenError
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
               "  reportgen build 事实.yaml --style 本地样式.yaml --force")
    b.add_argument("facts", metavar="事实文件", help="YAML 格式的事实文件")
    b.add_argument("-o", "--output", metavar="输出文件", help="输出路径(默认:事实文件同名,扩展名按格式)")
    b.add_argument("--format", choices=["docx", "md"], help="输出格式(默认按输出文件扩展名,否则 docx)")
    b.add_argument("--style", metavar="样式文件", help="覆盖默认版式的 YAML 样式表(只需写要改的项)")
    b.add_argument("--force", action="store_true", help="覆盖被修改过或非本工具生成的输出文件(先备份)")
    b.add_argument("-q", "--quiet", action="store_true", help="只报告错误")
    return parser


def _build(args) -> int:
    from .api import build

    result = build(args.facts, args.output, args.format, args.style, args.force)
    if not args.quiet:
        w = result.write
        if w.backup:
            print(f"原文件已备份为 {w.backup}")
        print(f"已生成 {w.path}")
        print(normalize_line(result.draft.stats.summary()))
    return 0


COMMANDS = {"build": _build}


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except ReportgenError as e:
        print(str(e), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("已中断", file=sys.stderr)
        return 130
    except Exception as e:  # never show a traceback to a person
        if os.environ.get("REPORTGEN_DEBUG"):
            raise
        print(f"reportgen: 内部错误:{type(e).__name__}: {e}\n"
              "    这是 reportgen 的缺陷,请附上输入文件报告给维护者;"
              "设置环境变量 REPORTGEN_DEBUG=1 可看到详细信息。", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
