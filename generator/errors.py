"""The project's exceptions and notices.

Every error a clerk can meet derives from `ReportError`; the CLI catches that one class and prints its
Chinese message, so no traceback ever reaches the clerk. Messages are written for people: where (file,
line, key path), what is wrong, and how to fix it.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth a look) in an input, located as precisely as we can.

    `path` is the Chinese key path, e.g. ("亮点", "组织建设", "发展党员"); `line`/`column` are 1-based, or
    None when the spot is unknown (e.g. a missing top-level key).
    """

    message: str
    path: tuple[str | int, ...] = ()
    line: int | None = None
    column: int | None = None
    source: str | None = None  # file name, or "第3行" of a table
    table: str | None = None   # the message as a table's reader needs it, where it differs (advice.worded)

    def text(self, medium: str = "yaml") -> str:
        """The message for a reader of a YAML file or of a table (a cell, not a line; cell syntax)."""
        return self.table if medium == "table" and self.table is not None else self.message

    def where(self) -> str:
        parts = []
        if self.source:
            parts.append(self.source)
        if self.line is not None:
            parts.append(f"第{self.line}行" + (f"第{self.column}列" if self.column else ""))
        if self.path:
            parts.append(" → ".join(str(p) if not isinstance(p, int) else f"第{p + 1}项" for p in self.path))
        return "，".join(parts)

    def __str__(self) -> str:
        where = self.where()
        return f"{where}：{self.message}" if where else self.message


class ReportError(Exception):
    """Base of every error shown to a clerk. `exit_code` follows the CLI's contract."""

    exit_code = 1

    def __init__(self, message: str, problems: tuple[Problem, ...] | list[Problem] = ()):
        super().__init__(message)
        self.message = message
        self.problems = tuple(problems)

    def __str__(self) -> str:
        if not self.problems:
            return self.message
        lines = [self.message] + [f"  {i}. {p}" for i, p in enumerate(self.problems, 1)]
        return "\n".join(lines)


class InputError(ReportError):
    """The input (YAML, table row, or data mapping) cannot be read or does not validate. Exit 2."""

    exit_code = 2


class TemplateError(ReportError):
    """A phrase bank or catalogue in templates/ is broken or tried something the sandbox forbids."""

    exit_code = 3


class OutputError(ReportError):
    """The draft cannot be written: target exists (without --force), read-only, locked, or bad path."""

    exit_code = 1


class StrictError(ReportError):
    """--strict was given and the draft has warnings (`warnings`: the draft's, for batch to place by cell)."""

    exit_code = 1

    def __init__(self, message: str, warnings: tuple[Problem, ...] = ()):
        super().__init__(message)
        self.warnings = tuple(warnings)
