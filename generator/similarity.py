"""Near-duplicate clauses between reports: the measure `check --across`, the variety tests and bench/ share.

A *clause* is a run of text between ，；。：、！？ (and line ends) of at least `MIN_CLAUSE` characters that
holds no digit: figures differ from report to report by nature, wording should. Two clauses are
*near-duplicates* when the Jaccard index of their character-bigram sets is at least `THRESHOLD`, so a
synonym swap that leaves a sentence recognisably the same still counts.

The share of a pair of reports is the fraction of the shorter report's clauses (by clause count) that have a
near-duplicate in the other. Clauses that every report shares by genre (“四个意识”…) are discounted: they are
listed in `templates/check/通用语句.yaml` and left out of both the numerator and the denominator.

Pairs are found through an index, not by comparing every clause with every other: each clause is indexed by
its rarest bigrams only (prefix filtering: two sets with Jaccard ≥ t share at least one of their
⌊(1 − t)·|A|⌋ + 1 rarest elements under one global order), and candidates are verified exactly. Pure
functions; no I/O here except reading the bundled genre list.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from collections.abc import Iterable, Sequence

MIN_CLAUSE = 8
THRESHOLD = 0.5
# Bands for a pair's share, documented in README (check --across). Real reports by different authors share
# about 2% (at most 7%); one draft copied from another with its figures changed shares 80% and more.
BANDS = ((0.40, "明显雷同"), (0.15, "部分雷同"), (0.0, "正常"))

_SPLIT = re.compile(r"[，；。：、！？,;:!?\n\r]+")
_DIGIT = re.compile(r"[0-9０-９]")
_SPACE = re.compile(r"[\s\u3000]+")


def clauses(text: str) -> list[str]:
    """Return the clauses of `text` that the measure counts (see module docstring)."""
    out = []
    for piece in _SPLIT.split(text):
        piece = _SPACE.sub("", piece)
        if len(piece) >= MIN_CLAUSE and not _DIGIT.search(piece):
            out.append(piece)
    return out


def bigrams(clause: str) -> frozenset[str]:
    return frozenset(clause[i:i + 2] for i in range(len(clause) - 1))


def jaccard(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def band(share: float) -> str:
    return next(name for floor, name in BANDS if share >= floor)


@lru_cache(maxsize=4)
def genre_clauses(root: str | None = None) -> tuple[frozenset, ...]:
    """Return the bigram sets of the genre clauses that are discounted (templates/check/通用语句.yaml)."""
    from pathlib import Path

    from .resources import load_data

    base = Path(root) if root else None
    data = load_data("check/通用语句.yaml", base)
    # the year's congress and plenum formulation is one every report of that year must use
    era = load_data("era.yaml", base)
    entries = list(data.get("通用语句") or [])
    for terms in (era.get("年度") or {}).values():
        # the year's line in every wording era.yaml knows (2026: 党的二十大和二十届四中全会精神 …), the line a
        # township or village report measures itself against (2026: 坚持为民出政绩、以实干出政绩) and the year's
        # place (“十五五”开局之年): every report of that year says them
        for line in [terms.get("会议精神")] + list(terms.get("会议精神说法") or []):
            if line:
                entries.append(f"深入学习贯彻{line}")
        for line in [terms.get("基层说法")] + list(terms.get("基层说法说法") or []):
            if line:
                entries.append(line)
        if terms.get("年份定位"):
            entries.append(f"今年是{terms['年份定位']}")
        if terms.get("学习教育"):  # every report of the year says it ran that year's 学习教育
            entries.append(f"开展{terms['学习教育']}")
    return tuple(bigrams(c) for entry in entries for c in clauses(entry))


@dataclass(frozen=True)
class Report:
    """One report's countable clauses (genre clauses already left out)."""

    name: str
    clauses: tuple[str, ...]


# The three part headings every 述职报告 must carry, word for word (the only wording no author chooses).
MANDATED = ("一、履职工作特色和亮点", "二、存在的问题及原因", "三、下一步工作思路和措施")


def prepare(name: str, text: str, *, discount: bool | str = True) -> Report:
    """`discount`: True leaves out the genre clauses (check --across, for reviewers); "mandated" only the
    mandated part headings (the variety measure: a year's central line is phrased by each author in
    their own words, so it counts); False nothing."""
    kept = clauses(text)
    if discount == "mandated":
        heads = {c for h in MANDATED for c in clauses(h)}
        kept = [c for c in kept if c not in heads]
    elif discount:
        genre = genre_clauses()
        kept = [c for c in kept if not any(jaccard(bigrams(c), g) >= THRESHOLD for g in genre)]
    return Report(name, tuple(kept))


@dataclass(frozen=True)
class Pair:
    a: str
    b: str
    share: float                       # of the shorter report's clauses
    shared: tuple[tuple[str, str, float], ...]   # (clause in a, clause in b, Jaccard), best match per clause
    clauses_a: int
    clauses_b: int

    @property
    def band(self) -> str:
        return band(self.share)


def compare(reports: Sequence[Report], *, only_with: str | None = None, threshold: float = THRESHOLD,
            every_pair: bool = False) -> list[Pair]:
    """Return the pairs of `reports` that share at least one near-duplicate clause, worst first.

    `only_with` limits the pairs to those that include the report of that name (`--against`);
    `every_pair` adds the pairs that share nothing, at 0 (for means over a set)."""
    target = None if only_with is None else next((i for i, r in enumerate(reports) if r.name == only_with), None)
    best = _best_matches([[bigrams(c) for c in r.clauses] for r in reports], threshold, target)
    pairs = _pairs(reports, best)
    if every_pair:
        pairs += _empty_pairs(reports, {(p.a, p.b) for p in pairs}, target)
    return sorted(pairs, key=lambda p: (-p.share, p.a, p.b))


def _best_matches(sets: list[list[frozenset]], threshold: float, target: int | None) -> dict:
    """(doc a, doc b) → a's clause → (b's clause, Jaccard) for every near-duplicate pair of clauses, found
    through an index of each clause's rarest bigrams (a prefix filter: a pair at the threshold must share
    one of them)."""
    freq: Counter = Counter(g for doc in sets for s in doc for g in s)
    rank = {g: (n, g) for g, n in freq.items()}
    index: dict[str, list[tuple[int, int]]] = defaultdict(list)
    best: dict[tuple[int, int], dict[int, tuple[int, float]]] = defaultdict(dict)
    for d, doc in enumerate(sets):
        for c, s in enumerate(doc):
            ordered = sorted(s, key=rank.__getitem__)
            prefix = ordered[:len(ordered) - math.ceil(threshold * len(ordered)) + 1]
            seen: set[tuple[int, int]] = set()
            for g in prefix:
                for other in index.get(g, ()):
                    if other[0] == d or other in seen:
                        continue
                    seen.add(other)
                    od, oc = other
                    if target is not None and target not in (d, od):
                        continue
                    t = sets[od][oc]
                    # a cheap bound first: Jaccard ≤ min/max of the sizes
                    if min(len(s), len(t)) < threshold * max(len(s), len(t)):
                        continue
                    j = jaccard(s, t)
                    if j >= threshold:
                        for x, xc, y, yc in ((d, c, od, oc), (od, oc, d, c)):
                            kept = best[(x, y)].get(xc)
                            if kept is None or j > kept[1]:
                                best[(x, y)][xc] = (yc, j)
            for g in prefix:
                index[g].append((d, c))
    return best


def _pairs(reports: Sequence[Report], best: dict) -> list[Pair]:
    """One Pair per two reports that share a clause; the share is of the shorter report: how much of it is
    found again in the other."""
    pairs = []
    for (x, y), matches in best.items():
        if x > y:
            continue
        back = best.get((y, x), {})
        nx, ny = len(reports[x].clauses), len(reports[y].clauses)
        short, long_ = (x, y) if nx <= ny else (y, x)
        hits = best[(short, long_)] if (short, long_) in best else back
        share = len(hits) / max(1, len(reports[short].clauses))
        shared = tuple(sorted(((reports[x].clauses[xc], reports[y].clauses[yc], round(j, 2))
                               for xc, (yc, j) in matches.items()), key=lambda t: -t[2]))
        pairs.append(Pair(reports[x].name, reports[y].name, share, shared, nx, ny))
    return pairs


def _empty_pairs(reports: Sequence[Report], found: set, target: int | None) -> list[Pair]:
    """The pairs that share nothing, at 0 (for means over a set)."""
    out = []
    for x in range(len(reports)):
        for y in range(x + 1, len(reports)):
            a, b = reports[x], reports[y]
            if (target is None or target in (x, y)) and (a.name, b.name) not in found:
                out.append(Pair(a.name, b.name, 0.0, (), len(a.clauses), len(b.clauses)))
    return out


def shares(texts: Iterable[tuple[str, str]], *, discount: bool | str = True, **kwargs) -> list[Pair]:
    """Compare named texts; the convenience the tests and bench/ use."""
    return compare([prepare(name, text, discount=discount) for name, text in texts], **kwargs)
