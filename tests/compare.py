"""Compare a report we built with the report it rebuilds: structure, leads and numbers."""
import re

from generator.numbering import numbering
from generator.typography import normalize_line

NUMBER = re.compile(r"\d+(?:\.\d+)?")


def plain(text: str) -> str:
    """Compare regardless of numbering, punctuation width and the quotes web copies lost."""
    got = numbering(text)
    text = got[2] if got else text
    return re.sub(r"[“”‘’\s]", "", normalize_line(text))


def texts(tree):
    return [node.full if hasattr(node, "full") else node.number + node.heading for _, node in tree.walk()]


def differences(seed, ours) -> list[str]:
    """What of the seed's structure, leads and numbers the rebuilt report lacks."""
    out = []
    it = iter([p.role for p in ours.parts])
    if not all(k in it for k in [p.role for p in seed.parts]):
        out.append(f"part kinds {[p.role for p in seed.parts]} not in {[p.role for p in ours.parts]}")
    ours_parts = {plain(p.heading) for p in ours.parts}
    out += [f"part heading {p.heading}" for p in seed.parts if p.heading and plain(p.heading) not in ours_parts]
    ours_sections = [plain(s.heading) for p in ours.parts for s in p.sections]
    out += [f"section {s.heading}" for p in seed.parts for s in p.sections if plain(s.heading) not in ours_sections]
    ours_leads = {plain(x.lead) for x in ours.paragraphs() if x.lead}
    out += [f"lead {x.lead}" for x in seed.paragraphs() if x.lead and plain(x.lead) not in ours_leads]
    seed_numbers = NUMBER.findall("\n".join(texts(seed)))
    ours_numbers = NUMBER.findall("\n".join(texts(ours)))
    out += [f"number {n}" for n in sorted(set(seed_numbers)) if ours_numbers.count(n) < seed_numbers.count(n)]
    return out
