"""The validated report: typed facts, resolved against the catalogue, ready for compose."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .levels import is_town
from .catalogue import Metric, Practice


def format_number(value: int | float) -> str:
    """Format a number as a clerk wrote it: 12, 52.3, 10.72 (no trailing zeros, no exponent)."""
    if isinstance(value, bool):  # pragma: no cover - rejected by validation
        raise TypeError("bool is not a number")
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return text


# A count of ten thousand or more in the larger unit, as a writer says it: 项目资金1.26亿元, not 12600万元
# (43rd blind reading: 数字按表格原样写), 常住居民2.18万人 — only where that leaves two decimals at most
# (11840人 stays: 1.184万人 is no one's way of saying it).
# (unit → the larger unit's scale word and the unit after it: 万元 → 亿 + 元)
LARGER_UNITS = {"万元": ("亿", "元"), "亩": ("万", "亩"), "人": ("万", "人")}
TEN_THOUSAND = 10000


def quantity(value: int | float, unit: str) -> str:
    """The number and its unit as a writer says them (LARGER_UNITS)."""
    return "".join(quantity_parts(value, unit))


def quantity_parts(value: int | float, unit: str) -> tuple[str, str]:
    """`quantity` as (the number with its scale word, the unit): (2.18万, 人), (1480, 人), (1.26亿, 元) — for a
    wording that names the thing counted in the unit's place (2.18万名居民)."""
    larger = LARGER_UNITS.get(unit)
    if larger and value >= TEN_THOUSAND and round(value * 100) % TEN_THOUSAND == 0:
        return f"{format_number(round(value / TEN_THOUSAND, 2))}{larger[0]}", larger[1]
    return format_number(value), unit


def _given(number: int | float | None, key: str, what: str) -> int | float:
    if number is None:   # validate never makes such a Fact: a bug, not the clerk's
        raise ValueError(f"{key}: 没有{what}")
    return number


@dataclass(frozen=True)
class Fact:
    """One stated figure: a catalogue metric (or a free-form one) with its value or change."""

    key: str                              # as the clerk wrote it
    unit: str
    value: int | float | None = None      # single value
    before: int | float | None = None     # 从…
    after: int | float | None = None      # …到
    metric: Metric | None = None          # None for free-form metrics
    params: tuple[tuple[str, str], ...] = ()
    name: str | None = None               # free-form: the verb-object phrase
    path: tuple = ()                      # key path in the input, for the source record
    aim: str | None = None                # a target: 达到 (a level to reach) or 新增 (an amount to add)

    # The numbers as a caller that knows which kind of figure it holds reads them (a change's 从 and 到, a
    # single figure's value): typed, so no caller does arithmetic on an Optional.
    @property
    def start(self) -> int | float:
        return _given(self.before, self.key, "从")

    @property
    def end(self) -> int | float:
        return _given(self.after, self.key, "到")

    @property
    def amount(self) -> int | float:
        return _given(self.value, self.key, "数值")

    @property
    def good(self) -> bool | None:
        """True if this figure can stand as an achievement, False if it must not be celebrated (a zero, or a
        change the wrong way), None when the direction says nothing (neutral metrics)."""
        if self.is_change:
            return self.metric.better(self.start, self.end) if self.metric else self.end > self.start
        if self.value == 0:
            return False
        return None if self.metric is not None and self.metric.direction == "中" else True

    @property
    def is_change(self) -> bool:
        return self.before is not None

    def numbers(self) -> list[str]:
        """Return every number this fact puts into the draft, as formatted text."""
        vals = [self.start, self.end] if self.is_change else [self.amount]
        return [format_number(v) for v in vals] + [p for _, p in self.params]


@dataclass(frozen=True)
class Done:
    """A practice the clerk confirmed: a catalogue practice, or their own words ({自述: …})."""

    practice: Practice | None
    text: str | None
    path: tuple = ()

    @property
    def said(self) -> str:
        """The clerk's own words; "" for a catalogue practice."""
        return self.text or ""

    @property
    def called(self) -> str:
        """What the practice is called: the catalogue's name and other names, or the clerk's own words."""
        p = self.practice
        return " ".join((p.key, *p.aliases)) if p is not None else self.said

    @property
    def names(self) -> str:
        """What it is called and, for a catalogue practice, the words a case uses for it (关键词)."""
        p = self.practice
        return " ".join((self.called, *p.terms)) if p is not None else self.said


@dataclass(frozen=True)
class ThemeFacts:
    theme: str
    facts: tuple[Fact, ...]
    cases: tuple[str, ...]                # 事例, verbatim
    practices: tuple[Done, ...] = ()


@dataclass(frozen=True)
class Item:
    """A problem or cause: a bank kind (rendered from the bank) or the clerk's own text."""

    kind: str | None
    text: str | None
    theme: str | None
    detail: str | None = None             # own words: the clerk's elaboration (表现)
    path: tuple = ()
    name: str | None = None               # own words: the clerk's short name for it (简称)
    like: str | None = None               # own words: the bank kind its words match (关键词), if any

    @property
    def called(self) -> str:
        """How a later text names it: the kind, or own words up to the first comma (整改, last year's file)."""
        return self.kind or (self.text or "").split("，")[0]


@dataclass(frozen=True)
class Info:
    year: int
    unit: str
    level: str            # 镇 | 乡 | 街道 | 村 | 社区
    post: str
    name: str | None
    date: dt.date | None
    superior: str | None
    org: str              # full name: 红柳镇党委, 新沟村党支部
    town: str | None
    theme: str | None
    brand: str | None
    style: int | None = None   # the author (风格 N); None: drawn from the unit's name
    brand_meaning: str | None = None
    local: tuple = ()          # (名称, 含义 or None) of each 本地提法

    @property
    def tier(self) -> str:
        """镇 for township-level reports (镇, 乡, 街道), 村 for village-level ones (村, 社区)."""
        return "镇" if is_town(self.level) else "村"


@dataclass(frozen=True)
class LastYear:
    """What this year's report answers from last year's input: its targets, its problems, and the report
    itself (compose words it to keep this year's draft from reading like last year's)."""

    year: int
    source: str                           # last year's file name, for traces
    targets: tuple[Fact, ...]
    problems: tuple[Item, ...]
    report: "Report | None" = None        # last year's validated input
    done: tuple[Item, ...] = ()           # problems the clerk marks 已完成
    notes: tuple[tuple[int, str], ...] = ()   # (id of a done or ongoing problem, how it was fixed / how far it is)
    ongoing: tuple[Item, ...] = ()        # … and 持续推进


@dataclass(frozen=True)
class Report:
    info: Info
    overview: tuple[Fact, ...]
    themes: tuple[ThemeFacts, ...]
    problems: tuple[Item, ...]
    causes: tuple[Item, ...]
    targets: tuple[Fact, ...]
    tasks: tuple[str, ...]
    idea: str | None
    warnings: tuple = field(default=())   # errors.Problem objects
    last: LastYear | None = None

    def all_facts(self) -> list[Fact]:
        return [*self.overview, *(f for t in self.themes for f in t.facts), *self.targets]


def achieved(target: Fact, fact: Fact) -> int | float:
    """This year's figure to set against last year's `target`, like with like: a level (达到) against where
    the figure stands now, an amount (新增) against what was added (到 − 从 when the clerk wrote a change)."""
    aim = target.aim or (target.metric.aim if target.metric else "达到")
    if fact.is_change:
        return fact.end - fact.start if aim == "新增" else fact.end
    return fact.amount
