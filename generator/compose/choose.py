"""Word choice for one draft: deterministic picks from the phrase banks that never repeat a phrase, never echo
a run of five characters already said in the same item, and never use a four-character formulation more
than MAX_FORMULATION times. Pure: no I/O beyond the bank it is given."""
from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Mapping, Set as AbstractSet
from typing import Any

from ..bank import ALTERNATIVES, Bank, Picker, first_alternatives
from ..errors import TemplateError
from .overlap import _pairs

CLASH = 5  # an option sharing a run of this many characters with the item so far is passed over
RUN_CHARS = 90   # an author of long sentences strings deeds and figures on up to this many characters, when a
#                  templates folder does not say (作者.yaml → 连句字数)


@lru_cache(maxsize=8192)
def _grams(text: str) -> frozenset:
    """Return the CLASH-character runs of `text` (variables, punctuation and the names of things removed:
    two sentences may both say 基层党组织, not both say 四议两公开)."""
    plain = _VAR.sub("", first_alternatives(text))
    for term in _names()[2]:
        if term in plain:
            plain = plain.replace(term, "　")
    plain = "".join(_CJK.findall(plain))
    return frozenset(plain[i:i + CLASH] for i in range(len(plain) - CLASH + 1))


_VAR = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")
_CJK = re.compile(r"[\u4e00-\u9fff]+")
_QUOTED = re.compile(r"“[^”]*”")

# What counts as a 4-character formulation (四字格) within one draft: any four consecutive Chinese
# characters, after masking text in “…” and the names of things below, unless its last two characters are
# a noun (党员干部, 后备干部 name something; 走深走实, 干事创业 are formulations). A draft uses none more
# than MAX_FORMULATION times; tests/test_variation.py counts with this definition.
MAX_FORMULATION = 3


@lru_cache(maxsize=1)
def _names() -> tuple[frozenset, tuple, tuple]:
    """名称.yaml (one file of names, shared with the checker), read on first use, not at import: the noun
    heads, the names of things a formulation is not, the names two sentences may share."""
    from ..bundle import load_templates

    data = load_templates().names
    return frozenset(data["名词词尾"]), tuple(data["事物名称"]), tuple(data["撞词不计"])


@lru_cache(maxsize=8192)
def formulations(text: str) -> tuple[str, ...]:
    """Return the 4-character formulations of `text`, in order (see MAX_FORMULATION)."""
    masked = _QUOTED.sub("　", _VAR.sub("　", first_alternatives(text)))
    heads, terms, _ = _names()
    for term in terms:
        if term in masked:
            masked = masked.replace(term, "　")
    return tuple(run[i:i + 4] for run in _CJK.findall(masked) for i in range(len(run) - 3)
                 if run[i + 2:i + 4] not in heads)


_FULL = 0xFF           # the score of an option that meets every preference of Choose.one
_DRAWS = 6             # draws Choose.one tries before it scores the whole list


_LEVEL_CACHE: dict = {}
_STRICT_CACHE: dict = {}


class Choose:
    """Pick wording for one draft: level-filtered, deterministic, never the same phrase twice, and never
    an option that repeats a run of six characters already said in the same item (a lead and a general
    sentence that say the same words, 全年…全年)."""

    def __init__(self, bank: Bank, pick: Picker, level: str, ctx: Mapping[str, Any] | None = None, *,
                 later: tuple[str, ...] = (), run_chars: int = 0):
        self.bank, self.pick, self.level = bank, pick, level   # level: the tier, 镇 or 村
        self.ctx = ctx or {}
        # words a report of this exact level (社区, 街道 …) must not use, and formulations of later years
        # (`later`): options holding them are passed over
        avoid = bank.get("称谓", "不用词") if bank.has("称谓", "不用词") else {}
        self.avoid: tuple[str, ...] = tuple(avoid.get(self.ctx.get("层级", level)) or ()) + later
        self.used: set[str] = set()
        self.said: set[str] = set()   # the runs of the current item
        self.forms: set[str] = set()  # the 4-character formulations of the current paragraph
        self.para = ""                # the current paragraph's words so far (呼应.yaml → 段内一次)
        self._once_in: tuple = ("", ())   # (para, the once-words it holds): see _said_once_here
        self.avoid_grams: set[str] = set()  # last year's wording (上年): not said again this year
        self.counts: dict[str, int] = {}  # formulations used so far in the draft
        self.leads: set[str] = set()      # the runs of part one's leads, which part three's must not echo
        # a writer's once-a-report asides (本人始终认为, 本人体会 …): one family is one aside; once any of
        # its phrases is said, none of the family is said again in the draft
        families = bank.get("亮点", "一稿一次") if bank.has("亮点", "一稿一次") else ()
        self.once: tuple[tuple[str, ...], ...] = tuple(
            (f,) if isinstance(f, str) else tuple(f) for f in families)
        self.said_once: set[str] = set()
        self.labels: dict[tuple, str] = {}  # names fixed for the whole draft (a theme's field name)
        from .overlap import Matcher

        self.match = Matcher({})      # compose sets the templates' own word lists (呼应.yaml)
        self.layout: dict[str, str] = {}   # the layout each part took (the author's, or what the facts allowed)
        self.links = 0                # connectors said so far (highlights.MAX_LINKS)
        self.run_chars = run_chars or RUN_CHARS   # the longest sentence strung on (作者.yaml → 连句字数)
        self.last_leads: tuple = ()   # the leads of last year's part three (compose.last_wording)
        self.local: dict = {}         # 本地提法 by the theme of part one that carries it (compose/local.py)
        self.local_plan: dict = {}    # … and of part three
        self.line_said = False        # the year's line (指导思想, 会议精神) said: by the opening, else by 政治建设
        self.brand_home: str | None = None   # the theme whose item names the brand again (local.brand_home)
        self.brand_plan: str | None = None   # … and of part three
        self.item_links = 0           # and in the current paragraph (one at most)
        self.done_said = ""           # the practices the current paragraph has worded (units._apart)
        self.troubles = ""            # the clerk's own problems and causes, as text (units._modest)
        self.figure_leads = 0         # the author's lead-ins before figures (highlights.MAX_FIGURE_LEADS)
        self.item_leads = 0
        self.hand = None              # compose sets the author's share of the banks (author.Hand)
        from .author import PLAIN

        self.author = PLAIN           # compose sets the draft's author (author.Author)
        from .headings import Headings

        self.heads = Headings(None, {}, pick.number)   # and its heading families

    def set_draft(self, *, author, hand, match, troubles: str, last_leads: tuple, avoid_grams: set, heads,
                  local: dict, brand: str | None, ctx: dict) -> None:
        """What compose fixes for the whole draft before any word is chosen: the author and its share of the
        banks, the templates' word lists, the clerk's own problems (units._modest), last year's leads and
        wording (not said again), the heading families, where the 本地提法 and the brand are taken up again
        (part one's item and part three's), and the variables."""
        self.author, self.hand, self.match, self.troubles = author, hand, match, troubles
        self.last_leads, self.avoid_grams, self.heads, self.ctx = last_leads, avoid_grams, heads, ctx
        self.local = local
        self.local_plan = {k: list(v) for k, v in local.items()}
        self.brand_home = self.brand_plan = brand
        self.brand_said = (ctx.get("品牌") or "") + (ctx.get("品牌含义") or "")

    def year_line_said(self) -> None:
        """The year's political line (指导思想 and 会议精神) has been said: not again by the 政治建设 item."""
        self.line_said = True

    def brand_taken_up(self, part: str) -> None:
        """The brand has been named again in part one's item ("一") or in part three ("三"): once each."""
        if part == "一":
            self.brand_home = None
        else:
            self.brand_plan = None

    def plans_move_to(self, home) -> None:
        """A formulation (or the brand) whose theme has no item in part three is taken up by the item `home`
        gives it (its name and meaning → a theme of part three, or None: not taken up)."""
        for t in list(self.local_plan):
            for entry in self.local_plan.pop(t):
                to = home(t, entry[0] + (entry[1] or ""))
                if to is not None:
                    self.local_plan.setdefault(to, []).append(entry)
        if self.brand_plan is not None:
            self.brand_plan = home(self.brand_plan, self.brand_said)

    def begin_after(self, grams: AbstractSet) -> None:
        """Start a paragraph that must not echo these runs (part two's last line, part one's leads)."""
        self.begin_item()
        self.said = set(grams)

    def begin_item(self, keep: bool = False) -> None:
        """Start a paragraph: what it says is checked afresh (`keep`: go on from the paragraph before, as
        item 1 does from the opening, so the two do not echo each other)."""
        if not keep:
            self.said = set()
            self.forms = set()
            self.para = ""
            self.item_links = 0
            self.item_leads = 0
            self.done_said = ""

    def note(self, text: str) -> str:
        self.said |= _grams(text)
        self.forms.update(formulations(text))
        if self.match.once:
            self.para += text
        return text

    def count(self, text: str) -> str:
        """Count the formulations of `text` (a chosen phrase, or the clerk's own words)."""
        for w in formulations(text):
            self.counts[w] = self.counts.get(w, 0) + 1
        return text

    def overused(self, text: str) -> bool:
        """Whether saying `text` would use a formulation a MAX_FORMULATION-th time."""
        return self._overused(text)

    def _said_once_here(self, option: str) -> bool:
        """Whether `option` holds a word the paragraph has said already that a paragraph says once (主线: 把
        “以茶兴乡”作为全年工作的主线，抓住“茶园里的党支部”这条主线 — read in a fresh draft)."""
        para = self.para
        if not para:
            return False
        if self._once_in[0] is not para:   # the paragraph's once-words, found again only when it grows
            self._once_in = (para, tuple(w for w in self.match.once if w in para))
        return any(w in option for w in self._once_in[1])

    def _overused(self, option) -> bool:
        counts = self.counts
        return isinstance(option, str) and any(counts.get(w, 0) >= MAX_FORMULATION for w in formulations(option))

    def _usable(self, options) -> list:
        """The options of this level without its 不用词, filtered once per list and remembered."""
        key = (id(options), self.avoid)
        hit = _LEVEL_CACHE.get(key)
        if hit is not None and hit[0] is options:
            return hit[1]
        usable = self.bank.for_level(options, self.level)
        if self.avoid:
            usable = [o for o in usable if not (isinstance(o, str) and any(w in o for w in self.avoid))] or usable
        if len(_LEVEL_CACHE) < 20_000:
            _LEVEL_CACHE[key] = (options, usable)
        return usable

    def usable(self, options) -> list:
        """The options a report of this level may say at all: its tier's, none holding its 不用词 (an empty
        list when none is left, where `one` would fall back to the whole list)."""
        if not options:
            return []
        key = (id(options), self.level, self.avoid)
        hit = _STRICT_CACHE.get(key)
        if hit is not None and hit[0] is options:
            return hit[1]
        from .conditions import subset

        kept = self.bank.for_level(options, self.level)
        if self.avoid:
            avoid = self.avoid
            kept = subset(kept, lambda o: not (isinstance(o, str) and any(w in o for w in avoid)))
        if len(_STRICT_CACHE) < 20_000:
            _STRICT_CACHE[key] = (options, kept)
        return kept

    def one(self, options, *key, avoid_start: str = "", not_in: str = "", single: bool = False, voice: bool = True):
        """Pick one option, uniformly among those that pass every preference: unused; not last year's
        words (上年); not echoing the paragraph so far; no formulation the paragraph already has; not opening
        like `avoid_start`; not a connector `not_in` already holds; not a once-a-report phrase already
        said; no formulation used MAX_FORMULATION times. When none passes them all, uniformly among those
        that pass the most, weighed in that order (each preference gives way when it would leave nothing).

        A few draws from the whole list come first, each kept only if it passes everything: that is the
        same uniform choice, and it usually ends at the first or second draw, where scoring every option
        of a twenty-option list for every word choice of a draft would not.

        `voice`: the author's register decides among the entries (stance, framing); not for what the
        clerk confirmed was done (a practice's wordings), where splitting the list by register made two
        authors of one register meet far more often (30 town variants: max pair 22.9% with, 16.7% without)."""
        usable = self._usable(options)
        if not usable:
            return self.pick.one(usable, *key)  # raises the bank's own error
        if single:  # one thing to speak of: no 逐项, 一件一件, 几项 (数量词)
            usable = self.match.singular(usable)
        # the author's own entries first (its register); the others only when those would all repeat
        # something
        own = self.hand.mine(usable) if self.hand is not None and voice else usable
        mine = None if own is usable else frozenset(own)
        choice = None
        if own:
            n = len(own)
            first = self.pick.draw(own, *key)
            for attempt in range(min(n, _DRAWS)):
                option = own[first if attempt == 0 else self.pick.number(*key, attempt) % n]
                if self._score(option, avoid_start, not_in, mine) == _FULL:
                    choice = option
                    break
        if choice is None:
            scores = [self._score(o, avoid_start, not_in, mine) for o in usable]
            top = max(scores)
            pool = [o for o, s in zip(usable, scores) if s == top] if top >= 0 else usable
            choice = pool[self.pick.number(*key) % len(pool)]
        if isinstance(choice, str):
            self.used.add(choice)
            if "〔" in choice:
                choice = self.alternatives(choice)
            self.count(choice)
            self.said_once.update(w for family in self.once if any(p in choice for p in family) for w in family)
        return choice

    def alternatives(self, entry: str) -> str:
        """`entry` with each group of alternatives (bank.ALTERNATIVES) said the author's way: drawn by the
        group's words, so the author says 不多 or 偏少 wherever that choice comes again in the draft, and a
        batch's seats spread over them as over a list."""
        def said(m: re.Match) -> str:
            words = m.group(1).split("|")
            return words[self.pick.draw(words, "alternatives", m.group(1))]

        return ALTERNATIVES.sub(said, entry)

    def _score(self, option, avoid_start: str, not_in: str, mine=None) -> int:
        """How well `option` meets the preferences of `one`, one bit each, the weightier higher (-1: already
        used): not last year's words; not echoing the paragraph; the author's own; no formulation the
        paragraph has; not opening like the item before; not a connector already there; no once-a-report
        phrase said again; no formulation overused."""
        if option.__class__ is not str or not option:
            return _FULL
        if option in self.used:
            return -1
        avoid, said, forms = self.avoid_grams, self.said, self.forms
        grams = _grams(option) if (avoid or said) else frozenset()
        score = 0
        if not (avoid and not grams.isdisjoint(avoid)):
            score |= 128
        if not (said and not grams.isdisjoint(said)):
            score |= 64
        if mine is None or option in mine:
            score |= 32
        if not (forms and not forms.isdisjoint(formulations(option))) and not self._said_once_here(option):
            score |= 16
        if not (avoid_start and option.startswith(avoid_start)):
            score |= 8
        if not (not_in and option.strip("，") in not_in):
            score |= 4
        if not (self.said_once and any(w in option for w in self.said_once)):
            score |= 2
        if not self._overused(option):
            score |= 1
        return score

    def text(self, options, *key, avoid_start: str = "", not_in: str = "", single: bool = False,
             extra: Mapping[str, Any] | None = None, voice: bool = True) -> str:
        """Pick one entry and render it; an entry `{拼: [[…], […], …]}` is built part by part, one pick
        from each list, joined as written (the parts carry their own punctuation)."""
        if isinstance(options, dict):
            options = [options]
        choice = self.one(options, *key, avoid_start=avoid_start, not_in=not_in, single=single, voice=voice)
        ctx = {**self.ctx, **extra} if extra else self.ctx   # 方面, 问题: what this one sentence names
        if isinstance(choice, dict):
            parts = choice.get("拼")
            if not isinstance(parts, list) or not parts:
                raise TemplateError(f"词库条目的“拼”应是若干组说法：{' → '.join(map(str, key))}")
            out = ""
            for i, part in enumerate(parts):   # no part says a word an earlier part said (细想起来，归结起来有这样几点)
                said = _pairs(_VAR.sub("", out))
                fresh = [o for o in part if not (isinstance(o, str) and said & _pairs(_VAR.sub("", o)))] if said else part
                out += self.bank.render(self.one(fresh or part, *key, i, single=single,
                                                 avoid_start=avoid_start if i == 0 else ""), ctx)
        else:
            out = self.bank.render(choice, ctx)
        return self.note(out)

    def chance(self, p: float, *key) -> bool:
        return self.pick.chance(p, *key)

    def shape(self, n: int, *key) -> int:
        return self.pick.number("shape", *key) % n


