"""Years: part three plans for the year after the report; dates exist; no year after the report's.

year.plan-not-next  part three opens a sentence with the report year or an earlier one (seed 004)
year.opening        the title, the opening's first words or its 现将本人…年度 state another year than the
                    report's (the one given with --year, or the title's); a date (2018年X月X日) is not a year
year.part-one       part one opens a sentence with another year than the report's (2023年，发展党员2名 in a
                    2024 report): last year's text kept by mistake
year.future         a year later than the report year + 1
year.date           a date that does not exist; a sign-off not between November of the report year and April
                    of the next; 截至2022年底 in a 2023 report (another year's end)
year.unknown        the report year could not be read (year checks skipped)
"""
from __future__ import annotations

import datetime as dt
import re

from ..findings import ERROR, WARNING, Finding

IDS = ("year.plan-not-next", "year.opening", "year.part-one", "year.future", "year.date", "year.unknown")
SENTENCE_YEAR = re.compile(r"(?:^(?:[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．、]|[一二三四五六七八九十]是)?|[。；：！？])"
                           r"\s*((20\d\d)年)(?![\dXx×]{1,2}月)")
PLANNED_YEAR = re.compile(r"(?:力争|确保|计划|争取|预计|到)((20\d\d)年)")
SIGN_OFF = re.compile(r"[（(]?((?:19|20)\d\d)年(\d{1,2})月\d{1,2}日[）)]?")
ANY_YEAR = re.compile(r"(?<!\d)(20\d\d)年")
DATE = re.compile(r"((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日")
# 截至2022年底 in a 2023 report: the figures of another year's end (kept from last year's text)
AS_OF = re.compile(r"(?:截至|截止到?|到)((?:19|20)\d\d)年(?:底|末|年底|12月(?:底|末)?)")
# The sign-off falls after the year's work, by the first months of the next year: November of the report
# year to April of the next (述职评议 is held at year's end or early in the new year).
SIGN_FROM, SIGN_TO = 11, 4


def check(doc, ctx) -> list[Finding]:
    if ctx.year is None:
        return [Finding("year.unknown", WARNING, 0, 0, 0,
                        "无法从标题或开头读出报告年度，年份检查已跳过",
                        "在开头写明年度（如“2024年，……”），或用 --year 指定")]
    year = ctx.year
    out = [Finding("year.opening", ERROR, number, start, end, f"这里写的是 {said} 年，报告年度是 {year} 年",
                   f"核对后统一为“{year}年”") for number, start, end, said in ctx.stated if said != year]
    three = doc.parts.get("三")
    one = doc.parts.get("一")
    last = len(doc.paragraphs)
    for p in doc.paragraphs:
        index = p.number - 1
        in_three = bool(three and three[0] <= index <= three[1])
        if one and one[0] < index <= one[1]:
            out += _part_one(p, year)
        if in_three:
            out += _plans(p, year)
        if p.number > last - 3:
            out += _sign_off(p, year)
        out += _dates(p, year, in_three)
    return out


def _part_one(p, year: int) -> list[Finding]:
    """A sentence of part one opening with another year (last year's text kept by mistake)."""
    return [Finding("year.part-one", WARNING, p.number, m.start(1), m.end(1),
                    f"第一部分写的是 {year} 年的工作，这一句却以“{m.group(1)}”开头",
                    f"核对是否沿用了上年的材料，改为“{year}年”或删去年份")
            for m in SENTENCE_YEAR.finditer(p.text)
            if int(m.group(2)) != year and not p.text[m.end(1):m.end(1) + 2].startswith(("以来", "底", "年"))
            and not _anecdote(p.text, m.end(1))]


def _plans(p, year: int) -> list[Finding]:
    """Part three planning for the report year or an earlier one."""
    spots = {m.start(1): m for m in SENTENCE_YEAR.finditer(p.text)}
    spots.update({m.start(1): m for m in PLANNED_YEAR.finditer(p.text)})
    return [Finding("year.plan-not-next", ERROR, p.number, m.start(1), m.end(1),
                    f"第三部分写的是下一年的打算，这里却是“{m.group(1)}”", f"改为“{year + 1}年”")
            for m in sorted(spots.values(), key=lambda m: m.start(1)) if int(m.group(2)) <= year]


def _sign_off(p, year: int) -> list[Finding]:
    """The sign-off date (one of the last lines) outside November of the year to April of the next."""
    signed = SIGN_OFF.fullmatch(p.text)
    if not signed:
        return []
    y, month = int(signed.group(1)), int(signed.group(2))
    if y not in (year, year + 1):
        return [Finding("year.date", WARNING, p.number, 0, len(p.text), f"落款日期是 {signed.group(1)} 年，报告年度是 {year} 年",
                        f"落款应在 {year} 年底或 {year + 1} 年初，核对年份")]
    if (y == year and month < SIGN_FROM) or (y == year + 1 and month > SIGN_TO):
        return [Finding("year.date", WARNING, p.number, 0, len(p.text),
                        f"落款是 {y} 年 {month} 月：{year} 年度的述职一般在年底或 {year + 1} 年初",
                        f"核对落款日期（{year} 年 11 月到 {year + 1} 年 4 月之间）")]
    return []


def _dates(p, year: int, in_three: bool) -> list[Finding]:
    """Another year's 截至…年底 (outside the plans), a year past the next, a date no calendar has."""
    out = [Finding("year.date", WARNING, p.number, m.start(), m.end(),
                   f"“{m.group()}”：报告写的是 {year} 年，这里却是 {m.group(1)} 年的年底",
                   f"核对是否沿用了上年的材料，改为“截至{year}年底”")
           for m in AS_OF.finditer(p.text) if int(m.group(1)) != year and not in_three]
    out += [Finding("year.future", WARNING, p.number, m.start(), m.end(), f"“{m.group()}”晚于报告年度 {year} 的下一年",
                    "核对年份是否写错")
            for m in ANY_YEAR.finditer(p.text)
            if int(m.group(1)) > year + 1 and not _is_target_horizon(p.text, m.start())]
    for m in DATE.finditer(p.text):
        try:
            dt.date(*map(int, m.groups()))
        except ValueError:
            out.append(Finding("year.date", ERROR, p.number, m.start(), m.end(), f"日期“{m.group()}”不存在", "核对月份和日期"))
    return out


# 2020年夏天，本人到…蹲点时: a past year that opens a story (a season or month after it, or a sentence told as
# then: 时，/ 那时 / 当时 / 曾) is a memory, not last year's figures kept by mistake.
STORY_TIME = re.compile(r"^(?:春|夏|秋|冬|初|上半年|下半年|汛期|春节|国庆|中秋|端午|元旦|前后|的一天|那|刚|我|本人|"
                        r"[一二三四五六七八九十\d]{1,2}月)")
TOLD_AS_THEN = re.compile(r"时[，,]|那时|当时|那年|那一年|曾经|曾")


def _anecdote(text: str, after: int) -> bool:
    if STORY_TIME.match(text[after:after + 4]):
        return True
    end = re.search(r"[。！？]", text[after:])
    return TOLD_AS_THEN.search(text, after, after + end.start() if end else len(text)) is not None


def _is_target_horizon(text: str, start: int) -> bool:
    """Return True for long-range goals such as 到2035年 or “十五五”期间, which may lie far ahead."""
    return text[max(0, start - 2):start].endswith(("到", "至"))
