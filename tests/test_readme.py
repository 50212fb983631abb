"""README stays current: every command, option and fact category is documented."""
import sys

import yaml

from conftest import ROOT
from generator.cli import make_parser
from generator.resources import templates_dir

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_two_setup_commands_are_documented():
    assert "make demo" in README and "make test" in README


def test_every_subcommand_and_option_is_in_the_readme():
    parser = make_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, sp in sub.choices.items():
        assert f"reportgen {name}" in README
        for action in sp._actions:
            for opt in action.option_strings:
                if opt not in ("-h", "--help"):
                    assert opt in README, f"{name} {opt}"


def test_every_fact_category_is_in_the_readme():
    slots = yaml.safe_load((templates_dir() / "slots.yaml").read_text(encoding="utf-8"))
    for name, spec in slots.items():
        row = next((ln for ln in README.splitlines() if ln.startswith(f"| {name} |")), None)
        assert row, name
        for field in spec["字段"]:
            assert field in row, f"{name}.{field}"


def test_chinese_prose_uses_full_width_punctuation():
    sys.path.insert(0, str(ROOT / "scripts"))
    from normalize_md import normalize_md

    assert normalize_md(README) == README
