"""era.stale — formulations out of date for the report year, from templates/era.yaml (the same data
the phrase banks use), unless the text looks back (十九大以来); era.future — a plenum, congress or campaign
later than the report's year (二十届三中全会 in a 2023 report); era.unknown-year — a report year era.yaml does
not cover yet.

When the year is not stated, a lower bound read from era markers (党史学习教育 → 2021 …) is used, so
“两学一做” in a report that speaks of 党史学习教育 is still caught.
"""
from __future__ import annotations

import re

from ..findings import ERROR, WARNING, Finding

IDS = ("era.stale", "era.unknown-year", "era.future")
# 十九大以来, 十九届五中全会期间: looking back, not current work
LOOKING_BACK = re.compile(r"^[”’」]?(?:规划)?(?:[一二三四五六七八九、]+中全会)?(?:召开)?(?:圆满|胜利|顺利)?"
                          r"(?:以来|期间|以后|之后|时期|收官|末|成果|成就|的成绩)")
# 脱贫攻坚取得全面胜利后，……; “十三五”规划完成时，……: the term in a clause of time that looks back
BACK_CLAUSE = re.compile(r"^[^，。；！？]{0,14}?(?:以来|以后|之后|后|时)[，,]")
# 回顾脱贫攻坚那几年, 过去精准扶贫时: a sentence that looks back before the term names it
BACK_BEFORE = re.compile(r"回顾|过去|曾经|曾|当年|那几年|那时")
_SENTENCE_START = re.compile(r"[。！？；]")
# a bare 六中全会 may be any congress's: only a marker that names its congress (or is unique) dates a text
_AMBIGUOUS = re.compile(r"^[一二三四五六七八九]中全会$")


def check(doc, ctx) -> list[Finding]:
    year = ctx.at_least()
    if year is None:
        return []
    out = []
    if ctx.year is not None and ctx.year not in (ctx.era.get("年度") or {}):
        out.append(Finding("era.unknown-year", WARNING, 0, 0, 0,
                           f"年度提法文件里还没有 {ctx.year} 年，无法核对当年的会议精神和学习教育提法",
                           "请维护者在 templates/era.yaml 里补上这一年"))
    for entry in ctx.era.get("过时提法") or []:
        if entry["自"] > year:
            continue
        word, unless = entry["词"], entry.get("除非前有") or []
        for p in doc.paragraphs:
            # one finding per word and paragraph (seed 004 says 贫困户 six times in one paragraph)
            spots = [m.start() for m in re.finditer(re.escape(word), p.text)
                     if not any(u in p.text[max(0, m.start() - 6):m.start()] for u in unless)
                     and not _looks_back(p.text, m.start(), m.end())]
            if spots:
                times = f"（本段共 {len(spots)} 处）" if len(spots) > 1 else ""
                severity = ERROR if entry.get("严重") else WARNING
                out.append(Finding("era.stale", severity, p.number, spots[0], spots[0] + len(word),
                                   f"“{word}”对 {year} 年度的报告已过时{times}：{entry['说明']}",
                                   "改用当年的提法，或说明是对以往工作的回顾"))
    if ctx.year is not None:
        out += _later_than(doc, ctx)
    return out


def _looks_back(text: str, start: int, end: int) -> bool:
    """十九大以来, “十四五”期间, 回顾脱贫攻坚那几年: the term names past work, not this year's."""
    if LOOKING_BACK.match(text[end:end + 12]) or BACK_CLAUSE.match(text[end:end + 20]):
        return True
    begin = max((m.end() for m in _SENTENCE_START.finditer(text, 0, start)), default=0)
    return BACK_BEFORE.search(text, begin, start) is not None


def _later_than(doc, ctx) -> list[Finding]:
    """A plenum, congress or campaign that had not happened by the report's year (二十届三中全会 in a 2023
    report): from era.yaml's 年份标志, each marker dated to the year it began."""
    out = []
    markers = sorted(((w, y) for w, y in (ctx.era.get("年份标志") or {}).items()
                      if y > ctx.year and not _AMBIGUOUS.match(w)), key=lambda wy: -len(wy[0]))
    for p in doc.paragraphs:
        taken: list[tuple[int, int]] = []
        for word, year in markers:
            for m in re.finditer(re.escape(word), p.text):
                if any(a <= m.start() < b for a, b in taken):   # 二十届三中全会 once, not also 三中全会
                    continue
                taken.append((m.start(), m.end()))
                out.append(Finding("era.future", ERROR, p.number, m.start(), m.end(),
                                   f"“{word}”是 {year} 年的事，报告年度是 {ctx.year} 年，那时还没有",
                                   "核对报告年度，或改成当年的提法"))
    return out
