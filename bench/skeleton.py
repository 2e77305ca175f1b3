"""The skeleton measure, beside variety.py: do drafts of different units read as written by different people?

Run it by hand:  python bench/skeleton.py
Tests import `measure` from here, so the figures in the closing notes and the test thresholds come from the
same code.

For a set of drafts it reports:
  - the share of pairs with the same part-one shape, theme order, heading family, part-two and part-three
    layout, and with the same whole skeleton (each draft's `Draft.skeleton`, the author's layout);
  - the fewest different skeletons among any ten drafts, and the most drafts of ten that share one (found
    by taking the most repeated skeletons first: no ten drafts do worse);
  - closing judgements (收束) per part-one item; connectors (另外, 此外, 同时, 与此同时 opening a clause) and
    case introducers (比如, 例如, 举个例子) per 1,000 characters;
  - clauses of 12 characters or more that three or more drafts share (headings and the year's central
    formulations — 指导思想, 会议精神, 学习教育 — left out: every report names them).
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

CONNECTORS = re.compile(r"(?:^|[。；！？\n])(?:另外|此外|与此同时|同时)，")
INTRODUCERS = re.compile(r"比如|例如|举个例子")
DIMENSIONS = ("part-one shape", "theme order", "heading family", "part-two layout", "part-three layout")
LONG_CLAUSE = 12


def measure(drafts: list, clerk: bool = True) -> dict:
    """The figures above for a list of `model.Draft`s (`clerk`: the clerk's own words counted too, as for
    the batch sample; not for variants of one input, where they are the same in every draft)."""
    from generator.model import Role

    from variety import wording

    n = len(drafts)
    pairs = list(combinations(range(n), 2))
    same = {d: sum(drafts[a].skeleton[k] == drafts[b].skeleton[k] for a, b in pairs) / len(pairs)
            for k, d in enumerate(DIMENSIONS)}
    same["whole skeleton"] = sum(drafts[a].skeleton == drafts[b].skeleton for a, b in pairs) / len(pairs)
    counts = sorted(Counter(d.skeleton for d in drafts).values(), reverse=True)
    worst, left = [], 10
    for c in counts:              # the ten drafts with the most repeated skeletons
        take = min(c, left)
        worst.append(take)
        left -= take
        if not left:
            break
    items = closings = 0
    chars = connectors = introducers = 0
    for d in drafts:
        for b in d.parts[0].blocks:
            items += any(s.lead for s in b.spans) or b.role == Role.HEADING2
            closings += any(s.source.endswith("/收束") for s in b.spans)
        text = "\n".join(b.text for b in d.blocks()[2:])
        chars += len(re.findall(r"[\u4e00-\u9fff]", text))
        connectors += len(CONNECTORS.findall(text))
        introducers += len(INTRODUCERS.findall(text))
    texts = [wording(d, clerk) for d in drafts]
    return {"drafts": n, "same": same, "fewest skeletons in ten": len(worst),
            "most of ten sharing one": worst[0] if worst else 0,
            "closings per item": closings / max(items, 1),
            "connectors per 1000": 1000 * connectors / max(chars, 1),
            "introducers per 1000": 1000 * introducers / max(chars, 1),
            "long clauses in three or more": long_clauses(texts, drafts)}


def long_clauses(texts: list[str], drafts: list) -> list[tuple[str, int]]:
    """Clauses of LONG_CLAUSE characters or more in three or more of the texts (each text counted once)."""
    from generator.similarity import clauses

    central = _central()
    heads = {s.text for d in drafts for b in d.blocks() for s in b.spans if s.lead or b.role.value != "body"}
    counts: Counter = Counter()
    for text in texts:
        counts.update({c for c in clauses(text) if len(c) >= LONG_CLAUSE
                       and not any(w in c for w in central) and not any(c in h for h in heads)})
    return [(c, k) for c, k in counts.most_common() if k >= 3]


def _central() -> tuple[str, ...]:
    """The year's central formulations (era.yaml): what every report of a year names."""
    from generator.resources import load_data

    era = load_data("era.yaml")
    words = [era["指导思想"]]
    for terms in (era.get("年度") or {}).values():
        for key in ("会议精神", "学习教育", "基层说法"):
            if terms.get(key):
                words.append(terms[key])
        words += list(terms.get("会议精神说法") or ())
    # a clause counts as the central line when it holds the telling part of one — of each piece, where the
    # formulation itself has a 、 (党的二十大和二十届二中、三中全会精神 is two clauses to the measure)
    return tuple(piece[:8] for w in words if w for piece in w.split("、") if len(piece) >= 4)


def town_variant_drafts(n: int = 30) -> list:
    from variety import town_variant_renders

    return [draft for _, draft in town_variant_renders(n)]


def main() -> None:
    from variety import sample_renders

    for label, drafts, clerk in (("24-village batch sample", [d for _, d in sample_renders()], True),
                                 ("30 town variants", town_variant_drafts(), False)):
        m = measure(drafts, clerk)
        print(f"{label} ({m['drafts']} drafts)")
        for k, v in m["same"].items():
            print(f"  pairs with the same {k}: {v:.1%}")
        print(f"  fewest different skeletons among any ten drafts: {m['fewest skeletons in ten']}, "
              f"most of ten sharing one: {m['most of ten sharing one']}")
        print(f"  closing judgements per part-one item: {m['closings per item']:.1%}")
        print(f"  connectors per 1,000 characters: {m['connectors per 1000']:.2f}; "
              f"case introducers: {m['introducers per 1000']:.2f}")
        print(f"  clauses of {LONG_CLAUSE}+ characters in three or more drafts: {len(m['long clauses in three or more'])}")
        for c, k in m["long clauses in three or more"][:12]:
            print(f"    {k:3d}  {c}")


if __name__ == "__main__":
    main()
