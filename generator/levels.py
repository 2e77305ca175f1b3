"""The levels a report is written for (镇, 乡, 街道, 村, 社区) and their two tiers (镇 for the township
levels, 村 for the village ones): the one definition every module reads."""
from __future__ import annotations

TIERS = {"镇": "镇", "乡": "镇", "街道": "镇", "村": "村", "社区": "村"}
LEVELS = tuple(TIERS)
# 层级 in metrics.yaml and 做法.yaml: the levels by name, or a whole tier by 镇级 (镇、乡、街道) / 村级 (村、社区).
# The one field `metrics`, `init`, the workbook, the JSON Schema and the validator all read.
LEVEL_GROUPS = {"镇级": ("镇", "乡", "街道"), "村级": ("村", "社区")}
# the urban levels: a year's central task is written for them apart (era.yaml → 中心工作 → 城市)
URBAN = ("街道", "社区")


LEVEL_HELP = "可写 镇、乡、街道、村、社区，或 镇级（镇、乡、街道）、村级（村、社区）。"


def tier(level: str) -> str:
    """Return 镇 or 村: the tier a level (镇/乡/街道/村/社区) belongs to."""
    return TIERS[level]


def expand_levels(written) -> tuple[tuple[str, ...], list[str]]:
    """(the levels `written` names, in the order of LEVELS; the words that are no level)."""
    found: set[str] = set()
    wrong: list[str] = []
    for word in written or ("镇级", "村级"):
        if word in LEVEL_GROUPS:
            found.update(LEVEL_GROUPS[word])
        elif word in TIERS:
            found.add(word)
        else:
            wrong.append(str(word))
    return tuple(lv for lv in LEVELS if lv in found), wrong


def levels_text(levels) -> str:
    """镇级（镇、乡、街道）/ 街道、社区 / 各级: the levels as a clerk reads them."""
    levels = tuple(levels)
    if set(levels) == set(LEVELS):
        return "各级"
    for group, members in LEVEL_GROUPS.items():
        if set(levels) == set(members):
            return f"{group}（{'、'.join(members)}）"
    return "、".join(levels)


def fits_tier(levels, tier_: str) -> bool:
    """Whether some level of `tier_` (镇 or 村) may carry it (the workbook knows only the tier)."""
    return any(TIERS[lv] == tier_ for lv in levels)


def is_town(level: str | None) -> bool:
    """Whether `level` is a township level (镇, 乡, 街道); an unknown level counts as a village one."""
    return TIERS.get(level or "") == "镇"
