"""Whether two pieces of a draft speak of the same thing: a figure and the clerk's case that already states it,
a confirmed practice and the case that carries it out, a problem and the 事项 that answers it.

One fact is said once (principle 2): compose asks these questions *before* wording, and states each thing in
its richest form — the clerk's own words over the catalogue's. The test is shared content words: two-character
pairs (字对) of Chinese text, less the pairs every report has (`templates/呼应.yaml` → 通用字对), plus the
terms a catalogue entry declares (关键词) and its own name. Pure functions over plain data."""
from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Iterable

from ..facts import Fact, format_number, quantity

_CJK = re.compile(r"[\u4e00-\u9fff]+")


class Matcher:
    """The matching word lists of one templates folder (`templates/呼应.yaml`)."""

    def __init__(self, data: dict):
        self.stop = frozenset(data.get("通用字对") or ())
        self.plural = tuple(data.get("数量词") or ())
        self.subjective = tuple(data.get("主观标记") or ())   # an own cause that speaks of the writer (problems._sides)
        self.outcome = tuple(data.get("成效词") or ())   # a practice's wording that claims it worked (units._modest)
        # figures said as of now (现有) and a lead-in that dates them (到年底): opening.opening
        self.now = tuple(data.get("现时词") or ())
        self.dated = tuple(data.get("时点词") or ())
        # what a noun list of things ends on (…任务清单和问题整改台账): a meaning that names things, not deeds
        self.thing_ends = tuple(data.get("名词尾") or ())
        # pairs common enough to say nothing of whether a text *tells* a thing, yet naming the thing a text is
        # *about* (合作社: a case of what the cooperative bought is about 党支部领办合作社, without telling it)
        self.things = frozenset(data.get("事物字对") or ())
        self.one_units = tuple(data.get("一件的单位") or ())   # one of a thing a case speaks of is that thing
        self.once = tuple(data.get("段内一次") or ())   # words a paragraph says once (Choose._said_once_here)
        self.evidence: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in (data.get("凭据词") or {}).items()}
        # the words that tie a unit's own formulation or brand to a field (local.home_themes)
        self.theme_words: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in (data.get("主题词") or {}).items()}
        self._claims: dict[str, tuple[str, ...]] = {}
        self._claiming: dict[int, tuple[list, set]] = {}   # per option list: which entries use 凭据词
        self._plural: dict[str, bool] = {}
        self._singular: dict[int, tuple[list, list]] = {}
        self._kept: dict[tuple, tuple[list, list]] = {}
        self._content: dict[str, frozenset] = {}

    def pairs(self, text: str) -> frozenset:
        """The content pairs of `text`: every two consecutive Chinese characters, less the common ones."""
        hit = self._content.get(text)
        if hit is None:
            hit = _pairs(text or "") - self.stop
            if len(self._content) < 50_000:   # a draft asks for the same practice wordings again and again
                self._content[text] = hit
        return hit

    def shared(self, a: str, b: str) -> frozenset:
        return self.pairs(a) & self.pairs(b)

    def about(self, name: str, text: str) -> bool:
        """Whether `text` (a case) is about the thing `name` (a practice) speaks of: two pairs shared, the
        common pairs left out except those that name things (事物字对)."""
        stop = self.stop - self.things
        return len((_pairs(name or "") - stop) & (_pairs(text or "") - stop)) >= 2

    def names_any(self, terms: Iterable[str], text: str) -> bool:
        return any(t and t in text for t in terms)

    def entry_told(self, terms: Iterable[str], name: str, text: str) -> bool:
        """Whether `text` (the clerk's words) speaks of a catalogue entry named `name` with declared `terms`:
        it holds a declared term or the name, or two content pairs of the name."""
        if self.names_any((name, *terms), text):
            return True
        return len(self.pairs(name) & self.pairs(text)) >= 2

    def figure_told(self, fact: Fact, text: str, terms: Iterable[str] = ()) -> bool:
        """Whether `text` already states `fact`: every number of the fact stands in it as a number, and either
        the fact's unit follows one of them (46场, 13支) or the text names what is counted."""
        values = (fact.start, fact.end) if fact.is_change else (fact.amount,)
        name = fact.metric.key if fact.metric is not None else (fact.name or fact.key)
        # one of a thing, and the case names that thing (合作社1个 beside 支部领办的脐橙合作社今年……): the end of
        # the figure's name, three characters or more — 整顿的瓦窑村 does not say it was 软弱涣散 (石岭镇)
        if not fact.is_change and fact.amount == 1 and (fact.unit or "") in self.one_units \
                and any(name[-k:] in text for k in range(3, len(name) + 1)):
            return True
        # … or in the larger unit a writer uses (1.26亿元 for 12600万元: facts.quantity)
        larger = [quantity(v, fact.unit or "") for v in values]
        if any(q != f"{format_number(v)}{fact.unit or ''}" for q, v in zip(larger, values)) \
                and all(q in text for q in larger):
            return True
        numbers = [format_number(v) for v in values]
        if not all(n in text for n in numbers):  # the cheap test first: most cases hold none of the numbers
            return False
        spots = [[m.end() for m in re.finditer(rf"(?<![\d.]){re.escape(n)}(?![\d.])", text)] for n in numbers]
        if not all(spots):
            return False
        unit = fact.unit or ""
        if unit and any(text[end:end + len(unit)] == unit or text[end:end + 1] == unit[:1]
                        for ends in spots for end in ends):
            return True
        # two content pairs of the name, as entry_told asks: one (学习) made 近三年上马的12个项目 in a case of the
        # year's 学习教育 state 中心组学习12次, and the figure was left out (a fresh input, 东城街道)
        return self.names_any(terms, text) or len(self.pairs(name) & self.pairs(text)) >= 2

    def related(self, a: str, b: str) -> bool:
        """Whether two figure names belong in one clause (12345工单 and its on-time rate, yes; a renovation
        count beside them, no): they share a content pair."""
        return bool(self.shared(a, b))

    def plural_words(self, text: str) -> bool:
        hit = self._plural.get(text)
        if hit is None:
            hit = self._plural[text] = any(w in text for w in self.plural)
        return hit

    def names_things(self, meaning: str) -> bool:
        """Whether a formulation's meaning names things (班子成员履职清单、村级党建任务清单和问题整改台账) rather than
        deeds (班子成员联村、党员联户): it is set beside its name, not run on after a comma as what was done."""
        return meaning.rstrip("。；， ").endswith(self.thing_ends) if self.thing_ends else False

    def singular(self, options: list) -> list:
        """The options that do not speak of several things (逐项, 一件一件 …); the list itself when none does.
        Remembered per list."""
        hit = self._singular.get(id(options))
        if hit is None or hit[0] is not options:
            from .conditions import subset

            kept = subset(options, lambda o: not (isinstance(o, str) and self.plural_words(o))) or options
            hit = self._singular[id(options)] = (options, kept)
        return hit[1]

    def unsupported(self, text: str, content: str) -> bool:
        """Whether `text` (a heading, a closing) names something `content` does not hold (后进 with no 后进 fact)."""
        return any(not any(v in content for v in self.evidence[word]) for word in self.claims(text))

    def claims(self, text) -> tuple[str, ...]:
        """The 凭据词 `text` uses (remembered: most headings use none)."""
        if not isinstance(text, str):
            return ()
        hit = self._claims.get(text)
        if hit is None:
            hit = self._claims[text] = tuple(w for w in self.evidence if w in text)
        return hit

    def supported(self, options: list, content: str) -> list:
        """The options that promise nothing `content` lacks; the same list object when none is left out."""
        hit = self._claiming.get(id(options))
        if hit is None or hit[0] is not options:
            hit = self._claiming[id(options)] = (options, {i for i, o in enumerate(options) if self.claims(o)})
        claiming = hit[1]
        if not claiming:
            return options
        dropped = frozenset(i for i in claiming if self.unsupported(options[i], content))
        if not dropped:
            return options
        key = (id(options), dropped)
        kept = self._kept.get(key)
        if kept is None or kept[0] is not options:
            kept = self._kept[key] = (options, [o for i, o in enumerate(options) if i not in dropped])
        return kept[1]


@lru_cache(maxsize=16384)
def _pairs(text: str) -> frozenset:
    return frozenset(run[i:i + 2] for run in _CJK.findall(text) for i in range(len(run) - 1))

