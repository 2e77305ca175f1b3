"""Output file names for a batch: from the draft's own data, sanitised, unique within the batch."""
from __future__ import annotations

from typing import Any

from ..safeio import sanitize_filename

TITLE_TAIL = "年度抓基层党建工作述职报告"


def draft_name(data: Any, number: int) -> str:
    """Return the file stem for a row: `{单位}{职务}{年度}年度抓基层党建工作述职报告`, or `第N份` if unknown."""
    report = data.get("报告") if isinstance(data, dict) else None
    if isinstance(report, dict) and report.get("单位"):
        stem = f"{report.get('单位', '')}{report.get('职务', '')}{report.get('年度', '')}{TITLE_TAIL}"
    else:
        stem = f"第{number}份述职报告"
    return sanitize_filename(str(stem), fallback=f"第{number}份述职报告")


def unique(stem: str, taken: set[str], suffix: str = ".docx") -> str:
    """Return `stem + suffix`, or `stem(2) + suffix`… so no two rows of a batch share a file."""
    name = stem + suffix
    n = 2
    while name.lower() in taken:
        name = f"{stem}({n}){suffix}"
        n += 1
    taken.add(name.lower())
    return name
