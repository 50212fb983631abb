"""Each bundled example rebuilds its seed: both are parsed (the seed, and the DOCX built from
the example) and compared: parts, headings, lead sentences and every number of the seed."""
import pytest

from compare import NUMBER, plain, texts
from conftest import EXAMPLES, SEEDS
from generator.api import build, parse_file

PAIRS = {
    "平昌县政协2021.yaml": "000_380862c437f24e92.txt",
    "资阳市政协2022综述.yaml": "001_580fe89a2b738e05.txt",
    "黔西南州政协2018回眸.yaml": "002_99d8bbc1db2c3ee8.txt",
    "丹东市政协2020.yaml": "003_cbf5ea202d683762.txt",
    "代县政协届末2021.yaml": "004_80b9ded64eff503d.txt",
}
@pytest.fixture(scope="module", params=sorted(PAIRS), ids=lambda n: "seed" + PAIRS[n][:3])
def pair(request, tmp_path_factory):
    example = EXAMPLES / request.param
    out = tmp_path_factory.mktemp("ex") / "r.docx"
    result = build(example, out)
    return parse_file(SEEDS / PAIRS[request.param]), parse_file(out), result


def test_every_example_is_paired_with_a_seed():
    assert sorted(p.name for p in EXAMPLES.glob("*.yaml")) == sorted(PAIRS)
    assert sorted(p.name for p in SEEDS.glob("*.txt")) == sorted(PAIRS.values())


def test_part_roles_and_headings(pair):
    seed, ours, _ = pair
    kinds = [p.role for p in ours.parts]
    it = iter(kinds)
    assert all(k in it for k in [p.role for p in seed.parts]), (kinds, [p.role for p in seed.parts])
    ours_headings = {plain(p.heading) for p in ours.parts}
    for p in seed.parts:
        if p.heading:
            assert plain(p.heading) in ours_headings, p.heading


def test_section_headings(pair):
    seed, ours, _ = pair
    ours_headings = [plain(s.heading) for p in ours.parts for s in p.sections]
    for p in seed.parts:
        for s in p.sections:
            assert plain(s.heading) in ours_headings, s.heading


def test_lead_sentences(pair):
    seed, ours, _ = pair
    ours_leads = {plain(x.lead) for x in ours.paragraphs() if x.lead}
    seed_leads = [x.lead for x in seed.paragraphs() if x.lead]
    assert seed_leads
    for lead in seed_leads:
        assert plain(lead) in ours_leads, lead


def test_every_number_of_the_seed(pair):
    seed, ours, _ = pair
    seed_numbers = NUMBER.findall("\n".join(texts(seed)))
    ours_numbers = NUMBER.findall("\n".join(texts(ours)))
    missing = sorted({n for n in seed_numbers if ours_numbers.count(n) < seed_numbers.count(n)})
    assert not missing


def test_title_and_metadata(pair):
    seed, ours, _ = pair
    assert plain(ours.meta.title) == plain(seed.meta.title)
    for key in ("subtitle", "meeting", "speaker", "date"):
        if getattr(seed.meta, key):
            assert plain(getattr(ours.meta, key)) == plain(getattr(seed.meta, key)), key


def test_numbers_are_mostly_facts_not_prose(pair):
    _, _, result = pair
    assert result.draft.stats.slot > 0
