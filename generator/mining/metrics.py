"""Figures the reports state (发展党员17名) and in what words, and the placeholders they left (X名, *个).

The wording is what stands before the number in its clause, trimmed to the verb that governs it:
召开专题会议研究部署党建工作8次 -> 召开专题会议研究部署党建工作; 发展党员 17 名 -> 发展党员 / 名.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .seg import Segmenter

UNITS = ("万元", "亿元", "人次", "场次", "公里", "个", "名", "人", "次", "%", "％", "岁", "亩", "件", "户", "支", "座",
         "期", "条", "份", "项", "篇", "处", "米", "万亩")
_UNIT = "|".join(sorted(map(re.escape, UNITS), key=len, reverse=True))
# A number (52.3, 1,000, 20余) and its unit; 余/多 between them is part of the figure.
FIGURE = re.compile(rf"(?<![\d.])(\d+(?:[.,]\d+)?)\s*([余多])?\s*({_UNIT})")
# X, XX, ×, ××, *, ** standing where a number or name should be; not X in 支部+X+农户 (a formulation).
PLACEHOLDER = re.compile(r"(?<![A-Za-z+＋])(X{1,3}|Ｘ{1,3}|×{1,3}|\*{1,3})(?![A-Za-z+＋])")
CLAUSE_START = re.compile(r".*[，。；：、,;:（(“”]")
LEADING = re.compile(r"^(?:共|累计|全年|年内|先后|其中|分别|全镇|今年以来|上半年|虽然|但|并|新|已|达|达到|为)+")
MAX_WORDING = 14


@dataclass(frozen=True)
class Figure:
    wording: str
    number: str
    unit: str


@dataclass(frozen=True)
class Placeholder:
    mark: str
    context: str
    unit: str       # the unit after it, "" when it stands for a name (××镇, *实际)


def figures(text: str, seg: Segmenter) -> list[Figure]:
    """Return the figures of the text in order, each with the words that state it."""
    out: list[Figure] = []
    for m in FIGURE.finditer(text):
        before = text[max(0, m.start() - 30):m.start()]
        words = wording(before, seg)
        if not words and before.rstrip().endswith("、") and out:
            words = out[-1].wording                    # 承诺事项23件、35件: the list shares its wording
        elif len(words) <= 2:                          # 先后8次召开… / 完成13个村…: the words follow the number
            after = re.split(r"[，。；：、,;:]", text[m.end():m.end() + 14], maxsplit=1)[0]
            words = words + "#" + m.group(3) + after
        out.append(Figure(words, m.group(1) + (m.group(2) or ""), m.group(3).replace("％", "%")))
    return out


def wording(before: str, seg: Segmenter) -> str:
    """Return the clause before a number, trimmed to at most MAX_WORDING characters at a verb."""
    clause = CLAUSE_START.sub("", before)
    clause = re.sub(r"\d+(?:\.\d+)?", "#", clause)     # 平均年龄从#岁下降到: earlier figures as #
    clause = LEADING.sub("", clause.strip())
    if len(clause) <= MAX_WORDING:
        return clause
    tokens = seg.tagged(clause)
    pos, best = 0, None
    for word, flag in tokens:                          # the first verb close enough to the number
        rest = len(clause) - pos
        if flag == "v" and 4 <= rest <= MAX_WORDING:
            return clause[pos:]
        if rest <= MAX_WORDING and best is None:
            best = pos                                 # else the longest whole-word tail that fits
        pos += len(word)
    return clause[best:] if best is not None else clause[-MAX_WORDING:]


def placeholders(text: str) -> list[Placeholder]:
    """Return every placeholder left in the text, with a few characters either side."""
    out = []
    for m in PLACEHOLDER.finditer(text):
        after = text[m.end():m.end() + 4].lstrip("余多")
        unit = next((u for u in sorted(UNITS, key=len, reverse=True) if after.startswith(u)), "")
        context = text[max(0, m.start() - 8):m.end() + 6].replace("\n", " ")
        out.append(Placeholder(m.group(1), context, unit))
    return out
