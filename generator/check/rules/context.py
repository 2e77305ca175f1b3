"""What the rules know besides the text: the report year (exact, or only a lower bound), the level."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ...levels import TIERS
from ...resources import load_data
from ..document import Document

# A title names its year (2024年度…述职报告, 2024年抓基层党建工作述职报告), a date line under it does not.
# A date (2018年3月…, 2018年X月X日) names when something happened, not the report year.
_NOT_DATE = r"(?![\dXx×Ｘ一二三四五六七八九十]{1,2}月)"
YEAR_IN_TITLE = re.compile(r"(20\d\d)年(?:度)?" + _NOT_DATE)
YEAR_AT_START = re.compile(r"^(20\d\d)年" + _NOT_DATE)
YEAR_REPORTED = re.compile(r"(?:现[将就把]|现将)?本人(20\d\d)年(?:度)?" + _NOT_DATE)


@dataclass
class Context:
    year: int | None          # the report year, when the document (or --year) says it
    year_min: int | None      # a lower bound, from era markers, when the year itself is unknown
    level: str | None         # 镇 | 村 | None: the tier
    era: dict[str, Any]
    stated: tuple = ()        # (paragraph number, start, end, year) for each year the title/opening states
    unit_level: str | None = None  # 镇 | 乡 | 街道 | 村 | 社区, when the title, opening or --level says which

    def at_least(self) -> int | None:
        """Return the year the report is at least about (exact year, else the lower bound)."""
        return self.year if self.year is not None else self.year_min


def make_context(doc: Document, year: int | None = None, level: str | None = None) -> Context:
    era = load_data("era.yaml")
    stated = stated_years(doc)
    found = year if year is not None else stated[0][3] if stated else None
    exact = level if level in ("乡", "街道", "社区") else None
    exact = exact or guess_unit_level(doc) if level in (None, "镇", "村") else exact
    if level in ("镇", "村") and exact is not None and TIERS[exact] != level:
        exact = level   # --level says otherwise: it wins
    tier = TIERS.get(level or "") or guess_level(doc) or (TIERS[exact] if exact else None)
    return Context(found, None if found else year_lower_bound(doc, era), tier, era,
                   stated=tuple(stated), unit_level=exact)


# 白石村党支部书记, 桐岭乡党委, 鼓楼街道党工委, 枫林社区党委: the unit's own level, by the organisation it names
_UNIT = re.compile(r"[\u4e00-\u9fff]{1,8}?(街道|社区|镇|乡|村)(?:党委|党工委|党总支|党支部|党组织)")


# a sign-off line naming the writer's post: 白沙村党支部书记 王建平
_SIGNED_BY = re.compile(r"[\u4e00-\u9fff]{1,8}?(街道|社区|镇|乡|村)(?:党委|党工委|党总支|党支部)(?:书记|副书记)?"
                        r"(?:\s*[\u4e00-\u9fff]{2,4})?")
_SELF_WORD = re.compile(r"(?:全|我|本)(街道|社区|镇|乡|村)(?![镇村])")


def guess_unit_level(doc: Document) -> str | None:
    """Return 镇, 乡, 街道, 村 or 社区 from the organisation the title names, else from the opening's first
    words (镇党委… or 2023年，全镇…); None when neither says (the body's 村党组织 says nothing of the writer)."""
    a, b = doc.parts.get("标题", (0, -1))
    title = "".join(doc.texts[a:b + 1])
    m = _UNIT.search(title)
    if m:
        return m.group(1)
    if "开头" in doc.parts:
        opening = doc.texts[doc.parts["开头"][0]][:40]
        m = _UNIT.search(opening) or _SELF_WORD.search(opening)
        if m:
            return m.group(1)
    for text in doc.texts[-3:]:   # the sign-off: 白沙村党支部 / 2025年1月8日
        m = _UNIT.fullmatch(text.strip()) or _SIGNED_BY.fullmatch(text.strip())
        if m:
            return m.group(1)
    return None


def stated_years(doc: Document) -> list[tuple[int, int, int, int]]:
    """Return where the title and the opening's first sentence state the report year, title first."""
    out = []
    if "标题" in doc.parts:
        a, b = doc.parts["标题"]
        if re.search(r"述职|报告|总结", "".join(doc.texts[a:b + 1])):  # a heading-less start is not a title
            for p in doc.paragraphs[a:b + 1]:
                m = YEAR_IN_TITLE.search(p.text[:80])
                if m:
                    out.append((p.number, m.start(1), m.end(1) + 1, int(m.group(1))))
    if "开头" in doc.parts:
        a, b = doc.parts["开头"]
        # the opening's first words (2024年，…) and, wherever it stands, 现将本人2024年度…
        m = YEAR_AT_START.search(doc.paragraphs[a].text)
        if m:
            out.append((a + 1, m.start(1), m.end(1) + 1, int(m.group(1))))
        for p in doc.paragraphs[a:b + 1]:
            for m in YEAR_REPORTED.finditer(p.text):
                out.append((p.number, m.start(1), m.end(1) + 1, int(m.group(1))))
    return out


def year_lower_bound(doc: Document, era: dict) -> int | None:
    """Return the latest year an era marker in the text implies (十九届六中全会 → 2021), if any."""
    text = "".join(doc.texts)
    years = [y for marker, y in (era.get("年份标志") or {}).items() if marker in text]
    return max(years) if years else None


def guess_level(doc: Document) -> str | None:
    """Return 镇 or 村 from the title, or from how the opening names its own Party organisation."""
    a, b = doc.parts.get("标题", (0, -1))
    title = "".join(doc.texts[a:b + 1])
    opening = doc.texts[doc.parts["开头"][0]][:30] if "开头" in doc.parts else ""
    for text in (title, opening):
        if re.search(r"(镇|乡)党委(书记)?|街道党工委", text):
            return "镇"
        if re.search(r"(?:村|社区)党(?:总支|支部|委)", text):   # 村党总支 too, not only 村党总支部
            return "村"
    return None
