"""Recurring four-character phrases (全面落实, 主体责任, 软弱涣散): the 四字格 that give the reports their tone.

Candidates are the four-character words jieba keeps whole and the pairs of two-character words it
splits (严格|落实). A pair counts only where it is a phrase of its own: seen with at least two different
neighbours on each side, so 时代中国 (always 新时代中国特色) and 党委主体 (always …责任) drop out.
"""
from __future__ import annotations

import re
from collections import defaultdict

from .seg import Segmenter

HAN4 = re.compile(r"[\u4e00-\u9fff]{4}")


def phrases(text: str, seg: Segmenter) -> dict[str, bool]:
    """Return the text's four-character phrases -> True if jieba keeps it as one word."""
    words = seg.words(text)
    whole: dict[str, bool] = {}
    left: dict[str, set] = defaultdict(set)
    right: dict[str, set] = defaultdict(set)
    for i, w in enumerate(words):
        if len(w) == 4 and HAN4.fullmatch(w):
            whole[w] = True
        if len(w) == 2 and i + 1 < len(words) and len(words[i + 1]) == 2:
            pair = w + words[i + 1]
            if HAN4.fullmatch(pair):
                left[pair].add(words[i - 1] if i > 0 else "")
                right[pair].add(words[i + 2] if i + 2 < len(words) else "")
    for pair in left:
        if pair not in whole and _free(left[pair]) and _free(right[pair]):
            whole[pair] = False
    return whole


def _free(neighbours: set) -> bool:
    """A phrase is free on a side if its neighbours there vary, or one of them is punctuation."""
    return len(neighbours) >= 2 or any(not HAN4.match(n * 4) for n in neighbours if n) or "" in neighbours
