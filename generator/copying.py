"""Copied runs between reports: the figure Chinese 查重 tools report (复制比), beside the clause share of
`generator.similarity`.

A character counts as copied when it lies in a run of at least `RUN` identical characters (whitespace left
out) that the other report also holds. A pair's 复制比 is the copied share of the shorter report; for
`--against`, what share of last year's text is found again in this year's (one-way: `contained`).

Runs that most reports of a set share are the set's boilerplate, as MOSS's `-m` says of passages: a run held
by at least `COMMON_SHARE` of the reports (and at least `COMMON_MIN` of them) is listed once as 通用 and
left out of every pair's figure. Pure functions.
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass

RUN = 13             # CNKI and most 查重 tools count 13 identical characters in a row as copied
# A run in half the reports or more is the set's boilerplate (every village of a township quotes the same
# county document); fewer than four reports say nothing about a set.
COMMON_SHARE = 0.5
COMMON_MIN = 4
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    return _SPACE.sub("", text.replace("\u3000", ""))


def _grams(text: str) -> list[str]:
    return [text[i:i + RUN] for i in range(len(text) - RUN + 1)]


@dataclass(frozen=True)
class Copied:
    """How much of `a` is found in `b` and of `b` in `a`, in characters."""

    a: int
    b: int
    a_in_b: int
    b_in_a: int
    length_a: int
    length_b: int

    @property
    def ratio(self) -> float:
        """The copied share of the shorter report (the 复制比 查重 tools report)."""
        if self.length_a <= self.length_b:
            return self.a_in_b / max(1, self.length_a)
        return self.b_in_a / max(1, self.length_b)


def _union(starts: list[int]) -> int:
    """Characters covered by runs starting at `starts` (ascending), each RUN long."""
    covered, end = 0, -1
    for s in starts:
        covered += RUN - max(0, end - s) if s < end else RUN
        end = max(end, s + RUN)
    return covered


def compare(texts: list[str]) -> tuple[dict[tuple[int, int], Copied], list[str]]:
    """Return the copied characters of every pair that shares a run (by index, a < b), and the common runs
    of the set (its boilerplate, merged into passages), which the figures leave out."""
    texts = [normalise(t) for t in texts]
    grams = [_grams(t) for t in texts]
    holders: dict[str, set[int]] = defaultdict(set)
    for d, gs in enumerate(grams):
        for g in gs:
            holders[g].add(d)
    floor = max(COMMON_MIN, math.ceil(COMMON_SHARE * len(texts)))
    common = {g for g, ds in holders.items() if len(ds) >= floor} if len(texts) >= COMMON_MIN else set()
    starts: dict[tuple[int, int], list[int]] = defaultdict(list)   # (doc, other) -> where doc's runs start
    for d, gs in enumerate(grams):
        for i, g in enumerate(gs):
            others = holders[g]
            if len(others) > 1 and g not in common:
                for o in others:
                    if o != d:
                        starts[(d, o)].append(i)
    pairs = {}
    for (d, o), where in starts.items():
        if d < o:
            back = starts.get((o, d), [])
            pairs[(d, o)] = Copied(d, o, _union(where), _union(back), len(texts[d]), len(texts[o]))
    return pairs, _passages_of(texts, grams, common)


def _passages_of(texts: list[str], grams: list[list[str]], common: set[str]) -> list[str]:
    """The common runs as readable passages: each maximal stretch of common grams, once."""
    found: list[str] = []
    seen: set[str] = set()
    for d, gs in enumerate(grams):
        i = 0
        while i < len(gs):
            if gs[i] in common and gs[i] not in seen:
                j = i
                while j + 1 < len(gs) and gs[j + 1] in common:
                    j += 1
                passage = texts[d][i:j + RUN]
                seen.update(gs[i:j + 1])
                found.append(passage)
                i = j + 1
            else:
                i += 1
    return found


def contained(old: str, new: str) -> tuple[float, float, list[str]]:
    """(share of `old` found in `new`, share of `new` taken from `old`, the passages of `new` taken), for
    `--against`: is this year's report last year's with the figures changed?"""
    old, new = normalise(old), normalise(new)
    old_grams, new_grams = _grams(old), _grams(new)
    old_set, new_set = set(old_grams), set(new_grams)
    in_new = [i for i, g in enumerate(old_grams) if g in new_set]
    taken = [i for i, g in enumerate(new_grams) if g in old_set]
    passages: list[str] = []
    run_start: int | None = None
    last: int | None = None
    for i in [*taken, None]:
        if i is not None and last is not None and i == last + 1:
            last = i
            continue
        if run_start is not None and last is not None:
            passages.append(new[run_start:last + RUN])
        run_start = last = i
    return _union(in_new) / max(1, len(old)), _union(taken) / max(1, len(new)), passages
