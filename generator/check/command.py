"""`gen-report check`: what the CLI calls. Exit 1 when any file has an 错误, else 0."""
from __future__ import annotations

from pathlib import Path

from ..errors import ReportError


def check_command(files: list[Path], year: int | None, level: str | None, fmt: str,
                  template: bool = False, echo=print) -> int:
    """Check each file and print the findings; return the exit code."""
    from .api import check_file
    from .report import as_json, as_text, dumps

    if fmt not in ("text", "json"):
        raise ReportError(f"--format 只能是 text 或 json，现在是“{fmt}”。")
    if level not in (None, "镇", "村"):
        raise ReportError(f"--level 只能是 镇 或 村，现在是“{level}”。")
    any_error = False
    results = []
    for path in files:
        doc, findings = check_file(path, year, level, template)
        any_error |= any(f.is_error for f in findings)
        if fmt == "json":
            results.append(as_json(doc, findings))
        else:
            echo(as_text(doc, findings))
    if fmt == "json":
        echo(dumps(results))
    return 1 if any_error else 0
