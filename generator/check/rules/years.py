"""Years: part three plans for the year after the report; dates exist; no year after the report's.

year.plan-not-next  part three opens a sentence with the report year or an earlier one (seed 004)
year.opening        the title or opening states another year than the one given with --year
year.future         a year later than the report year + 1
year.date           a date that does not exist, or a sign-off date far from the report year
year.unknown        the report year could not be read (year checks skipped)
"""
from __future__ import annotations

import datetime as dt
import re

from ..findings import ERROR, WARNING, Finding

IDS = ("year.plan-not-next", "year.opening", "year.future", "year.date", "year.unknown")
SENTENCE_YEAR = re.compile(r"(?:^|[。；：！？])\s*((20\d\d)年)(?!\d{1,2}月)")
ANY_YEAR = re.compile(r"(?<!\d)(20\d\d)年")
DATE = re.compile(r"(20\d\d)年(\d{1,2})月(\d{1,2})日")


def check(doc, ctx) -> list[Finding]:
    if ctx.year is None:
        return [Finding("year.unknown", WARNING, 0, 0, 0,
                        "无法从标题或开头读出报告年度，年份检查已跳过",
                        "在开头写明年度（如“2024年，……”），或用 --year 指定")]
    out = []
    year = ctx.year
    if ctx.stated_year is not None and ctx.stated_year != year:
        out.append(Finding("year.opening", ERROR, 0, 0, 0,
                           f"标题或开头写的是 {ctx.stated_year} 年度，检查指定的是 {year} 年度",
                           "核对标题和开头的年度"))
    three = doc.parts.get("三")
    for p in doc.paragraphs:
        index = p.number - 1
        if three and three[0] <= index <= three[1]:
            for m in SENTENCE_YEAR.finditer(p.text):
                if int(m.group(2)) <= year:
                    out.append(Finding("year.plan-not-next", ERROR, p.number, m.start(1), m.end(1),
                                       f"第三部分写的是下一年的打算，这里却是“{m.group(1)}”",
                                       f"改为“{year + 1}年”"))
        for m in ANY_YEAR.finditer(p.text):
            if int(m.group(1)) > year + 1 and not _is_target_horizon(p.text, m.start()):
                out.append(Finding("year.future", WARNING, p.number, m.start(), m.end(),
                                   f"“{m.group()}”晚于报告年度 {year} 的下一年",
                                   "核对年份是否写错"))
        for m in DATE.finditer(p.text):
            y, mo, d = map(int, m.groups())
            try:
                dt.date(y, mo, d)
            except ValueError:
                out.append(Finding("year.date", ERROR, p.number, m.start(), m.end(),
                                   f"日期“{m.group()}”不存在", "核对月份和日期"))
    return out


def _is_target_horizon(text: str, start: int) -> bool:
    """Return True for long-range goals such as 到2035年 or “十五五”期间, which may lie far ahead."""
    return text[max(0, start - 2):start].endswith(("到", "至"))
