"""The validated report: typed facts, resolved against the catalogue, ready for compose."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .catalogue import Metric


def format_number(value: int | float) -> str:
    """Format a number as a clerk wrote it: 12, 52.3, 10.72 (no trailing zeros, no exponent)."""
    if isinstance(value, bool):  # pragma: no cover - rejected by validation
        raise TypeError("bool is not a number")
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return text


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

    @property
    def is_change(self) -> bool:
        return self.before is not None

    def numbers(self) -> list[str]:
        """Return every number this fact puts into the draft, as formatted text."""
        vals = [self.before, self.after] if self.is_change else [self.value]
        return [format_number(v) for v in vals] + [p for _, p in self.params]


@dataclass(frozen=True)
class ThemeFacts:
    theme: str
    facts: tuple[Fact, ...]
    cases: tuple[str, ...]                # 事例, verbatim


@dataclass(frozen=True)
class Item:
    """A problem or cause: a bank kind (rendered from the bank) or the clerk's own text."""

    kind: str | None
    text: str | None
    theme: str | None


@dataclass(frozen=True)
class Info:
    year: int
    unit: str
    level: str            # 镇 | 村
    post: str
    name: str | None
    date: dt.date | None
    superior: str | None
    org: str              # full name: 红柳镇党委, 新沟村党支部
    town: str | None
    theme: str | None
    brand: str | None


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
    warnings: tuple[str, ...] = field(default=())

    def all_facts(self) -> list[Fact]:
        return [*self.overview, *(f for t in self.themes for f in t.facts), *self.targets]
