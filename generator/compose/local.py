"""本地提法 and the brand: a unit's own coined formulations (四抓两整治, 三单制) woven in where a real author
puts them — the opening names them, the item of part one they speak of carries them, and part three takes
them up again (首尾呼应). Pure: which theme a formulation belongs to is decided here, the words in the banks.
"""
from __future__ import annotations

from collections.abc import Mapping

from ..facts import Report, ThemeFacts
from .headings import _pairs


def home_themes(report: Report, order: tuple[str, ...], common: frozenset = frozenset(),
                theme_words: Mapping[str, tuple[str, ...]] | None = None) -> dict[str, list[tuple[str, str | None]]]:
    """Each 本地提法 under the theme of part one whose content shares most with its name and meaning (the
    first in the author's order on a tie); one that shares nothing is said in the opening only, not glued to the
    first item (将这项工作纳入“一坪一策”，利用农闲时节组织党员冬春训: a formulation of grassland and roads laid over
    winter training, 大坪乡, a fresh input), as part three leaves it out (plan_home). `common`: the
    pairs every report has (呼应.yaml → 通用字对), which say nothing of where it belongs (三帮三带 — 帮技术、
    帮销路…党员带头种 — went to the members' item for its 党员, not to the co-operative's); `theme_words`: the
    words that tie a text to a field (呼应.yaml → 主题词: 技术、销路、资金 → 产业发展), each one counted too."""
    out: dict[str, list] = {}
    themes = _in_order(report, order)
    for name, meaning in report.info.local:
        said = name + (meaning or "")
        words = _pairs(said) - common
        # an item whose case names it is where it works (一线三赛's 观摩 in 责任落实: its meaning's 干部 took it
        # to the cadres' item, and part three said 在“一线三赛”上不换频道 over a plan for reserve cadres: 龙潭镇)
        named = [tf for tf in themes if name in theme_content(tf)]
        best = named[0] if named else max(themes, key=lambda tf: _affinity(said, words, tf, theme_words), default=None)
        if best is None or not named and not _affinity(said, words, best, theme_words):
            continue
        out.setdefault(best.theme, []).append((name, meaning))
    return out


def _in_order(report: Report, order: tuple[str, ...]) -> list[ThemeFacts]:
    """Part one's themes in the author's order (a tie goes to the earlier)."""
    return sorted(report.themes, key=lambda tf: order.index(tf.theme) if tf.theme in order else len(order))


# A field's own word (支部, 党员, 产业) says what a formulation is about; a pair it shares with an item's case may
# only say where things happened: 茶香龙潭 (茶园里建支部、茶农中育党员) went to the study item, whose case was
# held 在茶园地头 with 茶农, not to the branches' (龙潭镇, a fresh draft). A field word outweighs two such pairs.
FIELD_WORD_WEIGHT = 3


def _affinity(said: str, words: frozenset, tf: ThemeFacts, theme_words: Mapping[str, tuple[str, ...]] | None) -> int:
    """How much a formulation's words speak of a theme of part one: the pairs it shares with what the theme
    holds, and the field's own words it says (FIELD_WORD_WEIGHT each)."""
    return len(words & _pairs(theme_content(tf))) + \
        FIELD_WORD_WEIGHT * sum(w in said for w in (theme_words or {}).get(tf.theme, ()))


def brand_home(report: Report, order: tuple[str, ...], common: frozenset = frozenset(),
               theme_words: Mapping[str, tuple[str, ...]] | None = None) -> str | None:
    """The theme a brand spelled out (品牌含义) belongs to when part one has no 品牌创建 item of its own: the one
    whose content shares most with the brand's name and meaning (沿河发展产业 → 产业发展), None when none
    does. Named in the opening and never again, a brand read to blind readers as a field filled in."""
    info = report.info
    if not (info.brand and info.brand_meaning) or any(tf.theme == "品牌创建" for tf in report.themes):
        return None
    said = info.brand + info.brand_meaning
    words = _pairs(said) - common
    themes = _in_order(report, order)
    best = max(themes, key=lambda tf: _affinity(said, words, tf, theme_words), default=None)
    return best.theme if best is not None and _affinity(said, words, best, theme_words) else None


def plan_home(said: str, themes: list[str], report: Report, common: frozenset = frozenset(),
              theme_words: Mapping[str, tuple[str, ...]] | None = None) -> str | None:
    """Where part three takes up a formulation or brand (`said`: its name and meaning) whose own theme has no
    item there: the item of `themes` it speaks of most, None when it speaks of none. Glued to the first item
    whatever it held, 对照“三事分流”的要求查漏补缺 (disputes settled by the group) stood beside a plan to have the
    county send a nursery technician (马家庄村, 38th blind reading: 关键词硬塞)."""
    words = _pairs(said) - common
    facts = {tf.theme: tf for tf in report.themes}
    best, score = None, 0
    for theme in themes:
        tf = facts.get(theme)
        here = (len(words & (_pairs(theme_content(tf)) - common)) if tf is not None else 0) \
            + sum(w in said for w in (theme_words or {}).get(theme, ()))
        if here > score:
            best, score = theme, here
    return best


def brand_told(report: Report) -> bool:
    """Whether the brand has something said about it: its meaning, or facts under 品牌创建."""
    info = report.info
    return bool(info.brand_meaning) or any(tf.theme == "品牌创建" for tf in report.themes)


def theme_content(tf: ThemeFacts) -> str:
    """What a theme of part one holds, as text: its name, its practices' names and words, its figures' names
    and the clerk's cases (what a heading or a formulation may be matched against)."""
    parts = [tf.theme]
    parts += [d.practice.key + " " + " ".join(d.practice.terms) if d.practice else d.text or "" for d in tf.practices]
    parts += [f.metric.key if f.metric else (f.name or f.key) for f in tf.facts]
    parts += list(tf.cases)
    return "；".join(parts)


__all__ = ["home_themes", "brand_home", "brand_told", "plan_home", "theme_content"]
