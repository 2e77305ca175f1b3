"""Run the checks: an explicit tuple of rule modules over one document."""
from __future__ import annotations

from pathlib import Path

from . import document as documents
from ..errors import Problem
from .findings import Finding
from .rules import (confusion, era, figures, length, placeholders, remnants, repetition, spelling, structure, terms, typography,
                    typos, years)
from .rules.context import make_context

RULES = (placeholders, years, era, structure, repetition, typography, typos, spelling, confusion, figures, terms, length,
         remnants)


def all_ids() -> tuple[str, ...]:
    return tuple(i for rule in RULES for i in rule.IDS)


def check_document(doc: documents.Document, year: int | None = None, level: str | None = None,
                   rules=RULES) -> list[Finding]:
    """Return the findings for `doc`, errors first, then in reading order."""
    ctx = make_context(doc, year, level)
    findings = [f for rule in rules for f in rule.check(doc, ctx)]
    findings += [_noted(n) for n in doc.notes]
    return sorted(findings, key=lambda f: (not f.is_error, f.paragraph, f.start, f.rule))


def _noted(problem: Problem) -> Finding:
    """A warning of drafting an input file, as a finding of the whole document (where: file, line, key)."""
    where = problem.where()
    return Finding("input.warning", "提醒", 0, 0, 0, f"{where}：{problem.message}" if where else problem.message,
                   "按提示改输入文件后再生成")


def check_paragraphs(texts: list[str], year: int | None = None, level: str | None = None) -> list[Finding]:
    """Check plain paragraphs (tests, tools)."""
    return check_document(documents.from_texts("文本", texts), year, level)


def check_file(path: Path, year: int | None = None, level: str | None = None,
               template: bool = False) -> tuple[documents.Document, list[Finding]]:
    """Read and check one file; raise `InputError` if it cannot be read."""
    doc = documents.read(path)
    doc.template = template
    return doc, check_document(doc, year, level)
