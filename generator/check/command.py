"""`gen-report check`: what the CLI calls. Exit 2 if a file could not be read, else 1 when any file has an
错误, else 0. A file that cannot be read is reported (in Chinese) and the other files are still checked."""
from __future__ import annotations

import sys
from pathlib import Path

from ..errors import ReportError

HELP = ("检查草稿里的常见错误：遗留占位符（X、**、某某）、年份、过时提法、序号、重复、标点、篇幅、"
        "从别的材料复制来的用语。有“错误”时退出码为 1。\n\n例：gen-report check 2024.docx --year 2024")
HELP_FILES = "要检查的文件：.docx（改过的草稿）、.txt 或 .yaml（先生成再检查）。可以一次给多个。"
HELP_YEAR = "报告年度（默认从标题或开头读出；读不出时跳过与年度有关的检查）。"
HELP_LEVEL = "镇 或 村（默认从标题或开头读出）。"
HELP_FORMAT = "text：给人看；json：给程序用。"
HELP_TEMPLATE = "这是一份模板：其中的 ××、X 等占位符是有意留的，不报。"


def check_command(files: list[Path], year: int | None, level: str | None, fmt: str,
                  template: bool = False, echo=print, echo_err=None) -> int:
    """Check each of `files`, print the findings with `echo`, and return the exit code (0, 1 or 2)."""
    from .api import check_file
    from .report import as_json, as_text, dumps

    echo_err = echo_err or (lambda text: print(text, file=sys.stderr))
    if fmt not in ("text", "json"):
        raise ReportError(f"--format 只能是 text 或 json，现在是“{fmt}”。")
    if level not in (None, "镇", "村"):
        raise ReportError(f"--level 只能是 镇 或 村，现在是“{level}”。")
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
