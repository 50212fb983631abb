"""Each seed parses to its hand-checked tree; our own DOCX and Markdown parse back to what we rendered."""
import pytest
import yaml

from conftest import EXAMPLES, FIXTURES, SEEDS
from generator.api import document, draft, parse_file
from generator.tree import Paragraph

SEED_FILES = sorted(SEEDS.glob("*.txt"))


def summary(tree) -> dict:
    m = tree.meta
    out = {k: v for k, v in (("title", m.title), ("subtitle", m.subtitle), ("meeting", m.meeting),
                             ("speaker", m.speaker), ("date", m.date), ("salutation", m.salutation)) if v}
    out["parts"] = [{"role": p.role, "heading": p.number + p.heading,
                     "leads": [c.lead for c in p.children if isinstance(c, Paragraph) and c.lead],
                     "sections": [{"heading": s.number + s.heading,
                                   "leads": [c.lead for c in s.paragraphs if c.lead]}
                                  for s in p.sections]}
                    for p in tree.parts]
    return out


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.stem[:3])
def test_seed_parses_to_its_hand_checked_tree(seed):
    expected = yaml.safe_load((FIXTURES / "seeds" / (seed.stem + ".yaml")).read_text(encoding="utf-8"))
    assert summary(parse_file(seed)) == expected


def test_every_part_role_appears_in_the_fixtures():
    kinds = set()
    for seed in SEED_FILES:
        tree = yaml.safe_load((FIXTURES / "seeds" / (seed.stem + ".yaml")).read_text(encoding="utf-8"))
        kinds |= {p["role"] for p in tree["parts"]}
    assert {"review", "lessons", "plan"} <= kinds


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name[:2].encode().hex())
@pytest.mark.parametrize("fmt", ["docx", "md"])
def test_the_parser_reads_our_documents_back_to_the_tree_they_were_built_from(tmp_path, fmt, example):
    d = draft(example)
    out = tmp_path / f"r.{fmt}"
    out.write_bytes(document(d.tree, fmt))
    back = parse_file(out)
    assert summary(back) == summary(d.tree)
    assert [p.full for p in back.paragraphs()] == [p.full for p in d.tree.paragraphs()]
