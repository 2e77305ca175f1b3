"""Headings in one family: the items of a part worded in one parallel form (高站位抓学习 / 高标准建支部 …).

A family (作者.yaml → 标题家族) is a pattern for part one and one for part three; its {槽} are filled from
the vocabulary of the item's theme or group (词汇), one wording per theme for the whole draft, and its
{序:名} from a series, a different member for each item (高站位, 高标准 …), so the headings are parallel in
form and never the same twice. A heading sets a direction; it claims no result (the facts below it do).
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

SLOT = re.compile(r"\{(序:)?([^{}]+)\}")
RETRIES = 3   # draws of a heading whose slots repeat each other before it gives way to the theme's leads
#               (抓实中心工作，服务中心大局 was kept after the last draw: 21st blind reading)


class Headings:
    """The heading family of each part of one draft."""

    def __init__(self, spec: Mapping[str, Any] | None, families: Mapping[str, str], number, stale=None,
                 draw=None, avoid: tuple[str, ...] = (), fits=None, shared=None):
        self.spec = spec or {}
        self.stale = stale or (lambda text: False)   # last year's words: a wording said then is passed over
        self.avoid = avoid   # the level's 不用词 (称谓.yaml): no 强村富民 in a 社区's headings
        # (options, content) → the options that promise nothing the content lacks (overlap.Matcher.supported,
        # 呼应.yaml → 凭据词): no 年轻干部压担历练 over an item that says nothing of young cadres
        self.fits = fits
        # (a, b) → the content pairs two texts share, the common ones (建设, 党员, 工作 …) left out
        # (overlap.Matcher.shared): 阵地建设 is not a field an item on 组织建设 speaks of
        self.shared = shared or (lambda a, b: _pairs(a) & _pairs(b))
        self.families = {part: f for part, f in families.items() if f}
        self.number = number          # Picker.number: fixed by (unit, year, key)
        self.draw = draw or (lambda options, *key: number(*key) % len(options))   # Picker.draw: by seat
        self.used: dict[str, set[str]] = {}
        self.taken: dict[tuple[str, str], dict[str, str]] = {}
        self._taking: list[tuple[dict[str, str], str, str | None]] = []
        self.part_words: dict[str, list[str]] = {}
        self.opening = ""             # the opening paragraph: part one's first heading does not echo it

    def after_opening(self, text: str) -> None:
        """The opening paragraph as worded: part one's first heading does not echo it."""
        self.opening = text

    def family(self, part: str) -> str:
        return self.families.get(part, "")

    def has(self, part: str, key: str) -> bool:
        """Whether the part's family can head an item of this theme or group."""
        pattern = self._pattern(part)
        words = (self.spec.get("词汇") or {}).get(key) or {}
        return bool(pattern) and all(bool(series) or name in words for series, name in SLOT.findall(pattern))

    def heading(self, part: str, key: str, position: int, content: str | tuple[str, ...] = "",
                worded: str = "", field: str = "") -> str | None:
        """The heading of the `position`-th item (0-based) of `part`, for a theme or group; None when the
        family cannot say it (the caller uses the theme's own bank leads). `content`, what the item holds
        (for a group, what each of its themes holds): a slot word that speaks of part of the field
        (后备培养, 一岗双责) is taken only when the item speaks of it too, else the words of the whole field
        (干部队伍, 责任落实); a word that promises something (宣传阵地可管可控) only when every theme of
        the item bears it out — a group heading speaks for the whole group, not for one of its members.
        `worded`: the item's own words when they are worded first, so the heading does not repeat them.
        `field`: the names of the item's field (品牌创建, 示范创建): a field word may come from them, a promise
        never (示范带动再攻坚 over a plan to try new ways, because the theme is called 示范创建 too)."""
        if not self.has(part, key):
            return None
        each = (content,) if isinstance(content, str) else tuple(content)
        content = "；".join(each)
        pattern = self._pattern(part)
        words = (self.spec.get("词汇") or {})[key]
        used = self.used.setdefault(part, set())
        others = self.part_words.setdefault(part, [])   # the slot words of the part's other headings
        earlier = list(others)
        # a heading whose slots cannot all be filled without one repeating another (抓服务，强化民生服务:
        # every 强 word the item bears out says 服务) is drawn again, up to RETRIES times, before the theme's
        # own leads take over; the drafts' state is put back between the tries
        for attempt in range(RETRIES + 1):
            kept_used, kept_others = set(used), list(others)
            self._taking = []   # what this try writes into `taken`, to be undone (copying it each try was slow)
            heading, clean = self._fill(part, key, position, pattern, words, each, content, worded, earlier, attempt,
                                        field)
            if clean:
                return heading
            used.clear()
            used.update(kept_used)
            for taken, slot, before in reversed(self._taking):
                if before is None:
                    del taken[slot]
                else:
                    taken[slot] = before
            others[:] = kept_others
        return None

    def _fill(self, part: str, key: str, position: int, pattern: str, words, each: tuple, content: str,
              worded: str, earlier: list, attempt: int, field: str = "") -> tuple[str | None, bool]:
        """One try at the heading: (the heading or None when the family cannot say the item, whether every
        slot word is fresh)."""
        used = self.used[part]
        others = self.part_words[part]
        again = (attempt,) if attempt else ()
        said: list[str] = []   # the slot words of this heading: no second slot repeats them (聚焦理论武装，强化理论武装)
        clash: list[str] = []

        def fill(match: re.Match) -> str:
            word = _fill(match)
            if not fresh(word):
                clash.append(word)
            said.append(word)
            return word

        def fresh(word: str) -> bool:
            return not any(_pairs(word) & _pairs(w) for w in said)

        def new_in_part(word: str) -> bool:   # 要有厚度 / 要有厚度 / 要有厚度 is no parallel (other headings only)
            return not any(_pairs(word) & _pairs(w) for w in earlier)

        def _fill(match: re.Match) -> str:
            series, name = match.groups()
            if series:
                word = self._series_word(part, name, position, used, _literal(match.string), again, key)
                if word is None:   # every member said in this part: no heading says one again (抓早抓小 first
                    blocked.append(name)   # and eighth, 23rd blind reading); the theme's lead instead
                    return ""
                used.add(word)
                return word
            # one wording per theme and part; part three says it otherwise than part one where it can
            options = words[name]
            options = [options] if isinstance(options, str) else list(options)
            # no word that opens with a character the pattern says (强化{强} and 强村富民: 强化强村富民),
            # unless only such a word keeps the heading from saying one word twice
            plain = [o for o in options if o[:1] not in _literal(match.string)]
            options = [o for o in plain if fresh(o)] or [o for o in options if fresh(o)] or plain or options
            options = [o for o in options if not any(w in o for w in self.avoid)] or options
            if self.fits and content:
                kept = options
                for told in each:
                    kept = self.fits(kept, told)
                if not kept and name in self.spec.get("须有凭据", ()):
                    blocked.append(name)   # every word of this slot names a means the item does not show
                if kept and len(kept) < len(options) and not any(new_in_part(o) for o in kept):
                    # what the item bears out is said already in this part (以建强基 twice): the family cannot
                    # say this item without repeating itself or promising what is not there; the caller uses
                    # the theme's own leads
                    blocked.append(name)
                options = kept or options
            if part == "一" and position == 0 and self.opening:   # 在抓实学习教育上下功夫 / 在学习教育上着力
                options = [o for o in options if o not in self.opening] or options
            if content and name in self.spec.get("按内容取", ()):   # a field word the item speaks of, else any
                near = [o for o in options if self.shared(o, field + "；" + content if field else content)]
                # … not word for word: 组织覆盖再加力 over 党组织覆盖不到位 says the same formulation twice;
                # and never at the price of saying the heading's other slot again (压责任，以党建责任为重点:
                # blind readers quoted such headings as 同义反复), which outweighs the field word
                unsaid = [o for o in near if o not in content and o not in worded]
                options = ([o for o in unsaid if fresh(o)] or [o for o in options if o not in worded and fresh(o)]
                           or unsaid or [o for o in options if o not in worded] or near or options)
            start = self.draw(options, "heading-word", key, name, *again)
            taken = self.taken.setdefault((key, name), {})
            if part in taken and fresh(taken[part]) and taken[part] not in worded and taken[part] in options:
                others.append(taken[part])
                return taken[part]
            turn = options[start:] + options[:start]
            word = next((o for o in turn if o not in taken.values() and not self.stale(o) and fresh(o)
                         and new_in_part(o)),
                        next((o for o in turn if not self.stale(o) and fresh(o) and new_in_part(o)),
                        next((o for o in turn if o not in taken.values() and not self.stale(o) and fresh(o)),
                             next((o for o in turn if fresh(o)),
                                  next((o for o in turn if o not in taken.values()), turn[0])))))
            self._taking.append((taken, part, taken.get(part)))
            taken[part] = word
            others.append(word)
            return word

        blocked: list[str] = []
        heading = SLOT.sub(fill, pattern)
        return (None, False) if blocked else (heading, not clash)

    def aim(self, key: str, content: tuple[str, ...], position: int) -> str | None:
        """A group's heading when its family cannot say it: one of the group's own aims (词汇 → 标) that every
        theme of the group bears out — not the first theme's lead, which spoke for that theme alone
        (以理论学习的深度带动工作的力度 over a group holding 责任落实: 34th blind reading)."""
        options = list(((self.spec.get("词汇") or {}).get(key) or {}).get("标") or ())
        for told in content:
            options = self.fits(options, told) if self.fits else options
        if not options:
            return None
        return options[self.number("group-aim", key, position) % len(options)]

    def _series_word(self, part: str, name: str, position: int, used: set, literal: frozenset,
                     again: tuple, key: str = "") -> str | None:
        """The `position`-th item's member of a series, a different one for each item; not one opening with a
        character the pattern says (注重{强}，{序:求实效} and 重日常: 注重政治学习，重日常), nor last year's, where
        another is left; not one said only of some fields (作者.yaml → 序列只配) over another field's item."""
        members = list((self.spec.get("序列") or {}).get(name) or ())
        if not members:
            return ""
        only = self.spec.get("序列只配") or {}
        members = [m for m in members if m not in only or any(t in key for t in only[m])] or members
        # in an order of this draft's own, not the list's turned: two drafts of one family said 抓关键、强基础、
        # 求精准、抓根本、破难题 item after item (43rd blind reading: 顺序都一样), and any two turns of one list
        # share runs in the same order
        turn = sorted(members, key=lambda m: self.number("heading-series", part, name, m, *again))
        ahead = turn[position % len(turn):] + turn[:position % len(turn)]
        free = [m for m in ahead if m not in used]
        if not free:
            return None
        return next((m for m in free if not self.stale(m) and m[:1] not in literal),
                    next((m for m in free if m[:1] not in literal),
                         next((m for m in free if not self.stale(m)), free[0])))

    def _pattern(self, part: str) -> str:
        """The family's pattern for `part`, its {领} (the family's own opening word, 作者.yaml → 标题家族 → 领)
        drawn once for the draft: 聚焦/紧扣/紧盯 are one family's form, three authors' words."""
        family = self.families.get(part)
        entry = (self.spec.get("标题家族") or {}).get(family) if family else None
        if not isinstance(entry, Mapping):
            return ""
        pattern = entry.get(part, "")
        leads = entry.get("领")
        if leads and "{领}" in pattern:
            pattern = pattern.replace("{领}", leads[self.draw(leads, "heading-lead", family)])
        return pattern


@lru_cache(maxsize=256)
def _literal(pattern: str) -> frozenset[str]:
    """The characters a family's pattern says itself, outside its slots."""
    return frozenset(c for c in SLOT.sub("", pattern) if "\u4e00" <= c <= "\u9fff")


@lru_cache(maxsize=16384)   # a heading's slot words are tested against each other some three hundred times a draft
def _pairs(word: str) -> frozenset[str]:
    chars = re.sub(r"[^\u4e00-\u9fff]", "", word)
    return frozenset(chars[i:i + 2] for i in range(len(chars) - 1))


def pattern_of(heading: str, pattern: str, vocabulary: Mapping[str, Any], series: Mapping[str, Any]) -> bool:
    """Whether `heading` is an instance of `pattern` (a test and bench/skeleton.py check parallel headings
    with this): every {槽} stands for one of its words, every {序:名} for a member of its series."""
    def alternatives(match: re.Match) -> str:
        is_series, name = match.groups()
        if is_series:
            words = series.get(name) or ()
        else:
            words = {w for theme in vocabulary.values() for w in
                     ([theme[name]] if isinstance(theme.get(name), str) else theme.get(name) or ())}
        return "(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + ")"

    regex = "".join(alternatives(m) if isinstance(m, re.Match) else re.escape(m) for m in _pieces(pattern))
    return re.fullmatch(regex, heading.rstrip("。")) is not None


def _pieces(pattern: str):
    at = 0
    for m in SLOT.finditer(pattern):
        if m.start() > at:
            yield pattern[at:m.start()]
        yield m
        at = m.end()
    if at < len(pattern):
        yield pattern[at:]


__all__ = ["Headings", "pattern_of"]
