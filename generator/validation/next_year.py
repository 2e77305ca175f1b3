"""What the coming year is known to bring everywhere (era.yaml → 年度 → 换届): a report written in December
plans for it, and a clerk whose plans leave it out is asked about it, not written for (principle 1)."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..advice import Advice, worded
from ..levels import URBAN
from .context import Context

# how the plans name the event (换届, 换一届: 村“两委”换届 is also written 选举 or 班子届满)
SAID = ("换届", "届满", "选举")


def warn_next_year(era: Mapping[str, Any] | None, year: int, plans: Iterable[str], ctx: Context) -> None:
    """Warn when next year holds a nationwide event (村（社区）“两委”换届 in 2021 and 2026) and no plan speaks
    of it: the reviewers of the 31st blind reading asked of three 2025 drafts why their secretaries' first
    task of 2026 was missing."""
    terms = ((era or {}).get("年度") or {}).get(year + 1) or {}
    event = terms.get("换届")
    if event and ctx.level in URBAN:   # a 社区 or 街道 elects its 社区“两委” (新华社区 2020, a fresh input)
        event = event.replace("村“两委”", "社区“两委”")
    if not event or any(w in plan for plan in plans for w in SAID):
        return
    where = Advice("在“措施 → 事项”里写一条", "在“措施.事项”一格里写一条")
    ctx.warn(("措施",), worded(f"{year + 1}年是{event}之年，下一步打算里没有说到换届。有安排的话，请",
                              where, "（怎样摸排人选、怎样把关，写本单位的具体做法）；没有就不用管这条提醒。"))


# a plan that counts the year from the day of writing: the report is heard early in the next year, when 明年
# points one year on (进入2025年……明年春茶前: 56th blind reading of 石塘村 and 桃源镇, 时间错位). 来年 is the
# genre's own word for the year planned and reads right at either date.
RELATIVE = "明年"


def warn_relative_year(year: int, tasks: Iterable[str], ctx: Context) -> None:
    """Warn of a plan of the clerk's that dates itself by 明年: part three is the plan for year + 1, heard in that
    year, when 明年 reads as year + 2."""
    for i, task in enumerate(tasks):
        if RELATIVE in task:
            ctx.warn(("措施", "事项", i), f"事项里的“{RELATIVE}”：第三部分写的就是{year + 1}年的打算，述职多在{year + 1}年年初，"
                                         f"那时“{RELATIVE}”会读成{year + 2}年。请写成“{year + 1}年……”，或直接写时间节点"
                                         "（如“春耕前”“年底前”）。")
