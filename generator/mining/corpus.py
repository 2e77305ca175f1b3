"""One report's findings, and what recurs across reports. Pure: texts in, counts out."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from . import leads as leads_mod
from .metrics import Figure, Placeholder, figures, placeholders
from .parts import split
from .phrases import phrases
from .quotes import quotes
from .seg import Segmenter


@dataclass
class Report:
    name: str
    parts: dict[str, list[str]]
    leads: list[leads_mod.Lead]
    openings: list[tuple[str, str, str, str]]          # (part, first clause, shape, core)
    quotes: Counter
    phrases: dict[str, bool]                           # phrase -> jieba keeps it whole
    figures: list[Figure]
    placeholders: list[Placeholder]


def analyse(name: str, text: str, seg: Segmenter) -> Report:
    """Return what one report holds."""
    parts = split(text)
    leads, openings = [], []
    for part, paragraphs in parts.items():
        if part == "标题":
            continue
        leads += leads_mod.leads(part, paragraphs, seg)
        openings += [(part, *o) for o in leads_mod.openings(paragraphs, seg)]
    return Report(name, parts, leads, openings, quotes(text), phrases(text, seg), figures(text, seg),
                  placeholders(text))


@dataclass
class Tally:
    """A count with the reports it comes from and a few examples, for every table of the report."""
    count: int = 0
    reports: set = field(default_factory=set)
    examples: list = field(default_factory=list)

    def add(self, report: str, example: str = "", keep: int = 3) -> None:
        self.count += 1
        self.reports.add(report)
        if example and example not in self.examples and len(self.examples) < keep:
            self.examples.append(example)


def tally(rows) -> dict[str, Tally]:
    """Return key -> Tally for (key, report, example) rows."""
    out: dict[str, Tally] = defaultdict(Tally)
    for key, report, example in rows:
        out[key].add(report, example)
    return dict(out)


def ranked(tallies: dict[str, Tally], min_reports: int = 1, min_count: int = 1) -> list[tuple[str, Tally]]:
    """Return the tallies most common first (count, then reports), ties by text: a stable order."""
    rows = [(k, t) for k, t in tallies.items() if len(t.reports) >= min_reports and t.count >= min_count]
    return sorted(rows, key=lambda kv: (-kv[1].count, -len(kv[1].reports), kv[0]))


def aggregate(reports: list[Report]) -> dict:
    """Return the cross-report tables: shapes per part, openings, quotes, phrases, figure wordings."""
    by_part: dict[str, dict] = {}
    for part in ("开头", "亮点", "问题", "原因", "措施"):
        leads = [(r.name, lead) for r in reports for lead in r.leads if lead.part == part]
        if not leads:
            continue
        by_part[part] = {
            "first": tally((lead.first, name, lead.text) for name, lead in leads),
            "shape": tally((lead.shape, name, lead.text) for name, lead in leads),
            "skeleton": tally((lead.skeleton, name, lead.text) for name, lead in leads),
            "style": tally((lead.style, name, "") for name, lead in leads),
        }
    return {
        "parts": by_part,
        "openings": tally((shape, r.name, clause) for r in reports for _, clause, shape, _ in r.openings),
        "cores": tally((core, r.name, clause) for r in reports for _, clause, _, core in r.openings),
        "quotes": tally((q, r.name, "") for r in reports for q, n in r.quotes.items() for _ in range(n)),
        "phrases": tally((p, r.name, "") for r in reports for p in r.phrases),
        "figures": tally((f"{f.wording}|{f.unit}", r.name, f"{f.wording}{f.number}{f.unit}")
                         for r in reports for f in r.figures),
        "units": tally((f.unit, r.name, f.wording) for r in reports for f in r.figures),
    }
