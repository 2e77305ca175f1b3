"""Print findings for a clerk (Chinese, with the spot marked) or as JSON for tools."""
from __future__ import annotations

import json

from .document import Document
from .findings import Finding

CONTEXT = 14


def excerpt(text: str, f: Finding) -> str:
    """Return a short excerpt of the paragraph with the offending text marked 「like this」 (GBK has 「」, not
    «»: a Chinese Windows console or a redirected file would not take the latter)."""
    a, b = max(0, f.start - CONTEXT), min(len(text), f.end + CONTEXT)
    head = ("…" if a > 0 else "") + text[a:f.start]
    tail = text[f.end:b] + ("…" if b < len(text) else "")
    return f"{head}「{text[f.start:f.end]}」{tail}"


def as_text(doc: Document, findings: list[Finding]) -> str:
    lines = []
    errors = sum(f.is_error for f in findings)
    for f in findings:
        where = f"第{f.paragraph}段" if f.paragraph else "全文"
        para = doc.paragraphs[f.paragraph - 1] if f.paragraph else None
        if para is not None and para.where:
            where += f"（{para.where}）"
        lines.append(f"{f.severity} {where}：{f.message}")
        if para is not None and f.end > f.start:
            lines.append(f"    {excerpt(para.text, f)}")
        lines.append(f"    → {f.fix}  [{f.rule}]")
    summary = f"{doc.name}：{errors} 个错误，{len(findings) - errors} 个提醒" if findings else f"{doc.name}：没有发现问题"
    return "\n".join([summary, *lines])


def as_json(doc: Document, findings: list[Finding]) -> dict:
    return {"file": doc.name, "errors": sum(f.is_error for f in findings), "findings": [
        {"rule": f.rule, "severity": f.severity, "paragraph": f.paragraph, "start": f.start, "end": f.end,
         "text": doc.paragraphs[f.paragraph - 1].text[f.start:f.end] if f.paragraph else "",
         "message": f.message, "fix": f.fix} for f in findings]}


def dumps(results: list[dict]) -> str:
    return json.dumps(results if len(results) != 1 else results[0], ensure_ascii=False, indent=2)
