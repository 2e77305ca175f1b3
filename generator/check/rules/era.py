"""era.stale — formulations out of date for the report year, from templates/era.yaml (the same data
the phrase banks use); era.unknown-year — a report year era.yaml does not cover yet.

When the year is not stated, a lower bound read from era markers (党史学习教育 → 2021 …) is used, so
“两学一做” in a report that speaks of 党史学习教育 is still caught.
"""
from __future__ import annotations

import re

from ..findings import ERROR, WARNING, Finding

IDS = ("era.stale", "era.unknown-year")


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
                     if not any(u in p.text[max(0, m.start() - 6):m.start()] for u in unless)]
            if spots:
                times = f"（本段共 {len(spots)} 处）" if len(spots) > 1 else ""
                severity = ERROR if entry.get("严重") else WARNING
                out.append(Finding("era.stale", severity, p.number, spots[0], spots[0] + len(word),
                                   f"“{word}”对 {year} 年度的报告已过时{times}：{entry['说明']}",
                                   "改用当年的提法，或说明是对以往工作的回顾"))
    return out
