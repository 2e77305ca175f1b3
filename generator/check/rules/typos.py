"""typo.common — common 公文 misspellings (布暑→部署, 心潮澎拜→心潮澎湃, 较好的完成→较好地完成), from the curated
list in templates/check/错别字.yaml: data, not a model, so every finding names its entry and the right form."""
from __future__ import annotations

import re
from functools import lru_cache

from ...resources import load_data
from ..findings import ERROR, WARNING, Finding

IDS = ("typo.common",)


@lru_cache(maxsize=1)
def entries() -> tuple[tuple[str, str, str, str, bool], ...]:
    """(id, wrong, right, example, reminder-only) for each entry of the list."""
    out = []
    for row in load_data("check/错别字.yaml")["错别字"]:
        ident, wrong, right, example = (str(x) for x in row[:4])
        out.append((ident, wrong, right, example, "提醒" in row[4:]))
    return tuple(out)


def sources() -> dict[str, str]:
    """Each entry's id → the authority for its right form (the list's 来源 table, by its short name)."""
    data = load_data("check/错别字.yaml")
    return {str(row[0]): data["来源"][row[4]] for row in data["错别字"] if len(row) > 4 and row[4] in data["来源"]}


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    wrongs = sorted({e[1] for e in entries()}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, wrongs)))


def listed(text: str) -> bool:
    """Whether `text` holds a misspelling of the list (typo.idiom leaves those to typo.common)."""
    return _pattern().search(text) is not None


def listed_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _pattern().finditer(text)]


def check(doc, ctx) -> list[Finding]:
    table = {e[1]: e for e in entries()}
    out = []
    for p in doc.paragraphs:
        for m in _pattern().finditer(p.text):
            ident, wrong, right, _, soft = table[m.group()]
            out.append(Finding("typo.common", WARNING if soft else ERROR, p.number, m.start(), m.end(),
                               f"“{wrong}”应为“{right}”（{ident}）", f"改为“{right}”"))
    return out
