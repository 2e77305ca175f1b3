"""`gen-report check`: what the CLI calls. Exit 2 if a file could not be read, else 1 when any file has an
错误, else 0. A file that cannot be read is reported (in Chinese) and the other files are still checked."""
from __future__ import annotations

import sys
from pathlib import Path

from ..errors import ReportError

def check_command(files: list[Path], year: int | None, level: str | None, fmt: str,
                  template: bool = False, echo=print, echo_err=None) -> int:
    """Check each of `files`, print the findings with `echo`, and return the exit code (0, 1 or 2)."""
    from .api import check_file
    from .report import as_json, as_text, dumps

    echo_err = echo_err or (lambda text: print(text, file=sys.stderr))
    if fmt not in ("text", "json"):
        raise ReportError(f"--format 只能是 text 或 json，现在是“{fmt}”。")
    if level not in (None, "镇", "乡", "街道", "村", "社区"):
        raise ReportError(f"--level 只能是 镇、乡、街道、村 或 社区，现在是“{level}”。")
    any_error = unreadable = False
    results = []
    for path in files:
        try:
            doc, findings = check_file(path, year, level, template)
        except ReportError as exc:  # this file only: the others are still checked
            unreadable = True
            if fmt == "json":
                results.append({"file": Path(path).name, "error": str(exc)})
            else:
                echo_err(f"错误：{exc}")
            continue
        any_error |= any(f.is_error for f in findings)
        if fmt == "json":
            results.append(as_json(doc, findings))
        else:
            echo(as_text(doc, findings))
    if fmt == "json":
        echo(dumps(results))
    return 2 if unreadable else 1 if any_error else 0
