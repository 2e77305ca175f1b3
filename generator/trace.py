"""Where each figure, practice, case and gap of a draft came from, for the clerk: the input's key path and
line, or the computation of a derived figure. `--annotate` puts these as Word comments (批注) on the
draft; `--format json` prints them. Built on the source every span of the document model records."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .model import Draft, Source, source_of

KINDS = {"指标": "数字", "做法": "做法", "原文": "原文", "计算": "计算", "待补充": "待补充"}


def _where(path: tuple, marks: Mapping) -> str:
    names = " → ".join(f"第{p + 1}项" if isinstance(p, int) else p for p in path)
    line = _line(path, marks)
    return f"{names}（第{line}行）" if line else names


def _line(path: tuple, marks: Mapping) -> int | None:
    for cut in range(len(path), 0, -1):
        if path[:cut] in marks:
            return marks[path[:cut]][0]
    return None


def note(source: str, text: str, marks: Mapping) -> str | None:
    """The comment for one span, or None when the words are the tool's (bank) or punctuation."""
    source = source_of(source)
    kind, path = source.kind, source.path
    if kind == "指标":
        if source.last_year:
            return f"数字：来自上年的输入文件，{_where(path, {})}"
        return f"数字：来自输入文件 {_where(path, marks)}"
    if kind == "做法":
        return f"做法：您在 {_where(path, marks)} 确认做过；这里是目录里的说法，可改写"
    if kind == "原文":
        if source.last_year:
            return "原文：上年输入文件里的问题名称"
        return f"原文：照抄 {_where(path, marks)}"
    if kind == "计算":   # 计算:<this year's key path>−上年.<last year's target key path>
        now, _, target = source.slot.partition("−")
        return (f"计算：今年的数字（{_where(Source('指标:' + now).path, marks)}）与上年的目标"
                f"（上年 {_where(Source('指标:' + target).path, {})}）之差")
    if kind == "待补充":
        return f"待补充：在输入文件的 {_where(path, marks)} 填写后重新生成"
    return None


def trace(draft: Draft, marks: Mapping | None = None) -> list[dict[str, Any]]:
    """One entry per traced span, in reading order: paragraph number (of the draft's blocks), text, kind,
    key path, line, and the note `--annotate` shows."""
    marks = marks or {}
    out = []
    for number, block in enumerate(draft.blocks(), 1):
        for index, span in enumerate(block.spans):
            text = note(span.source, span.text, marks)
            also = _covers(span.covers, marks)
            if text is None and also:  # the tool's words naming the problem a measure answers
                text = "回应：" + "、".join(also)
            elif text is not None and also:  # the clerk's case that also says a figure or practice
                text += "；这句话也说了 " + "、".join(also) + "，所以那里不再重复"
            if text is None:
                continue
            source = span.origin
            path = () if source.last_year else source.path
            out.append({"paragraph": number, "span": index, "text": span.text,
                        "kind": KINDS.get(source.kind, source.kind), "path": " → ".join(map(str, path)),
                        "keys": list(path), "line": _line(path, marks) if path else None,
                        "note": text, "covers": list(span.covers)})
    return out


def _covers(covers: tuple, marks: Mapping) -> list[str]:
    out = []
    for source in covers:
        source = source_of(source)
        label = {"指标": "数字", "做法": "做法", "原文": ""}.get(source.kind, source.kind)
        out.append(f"{label} {_where(source.path, marks)}" if label else _where(source.path, marks))
    return out


def warning_record(problem) -> dict:
    """A warning as data for scripts (--format json): where it points — file, line, column and the input's
    key path — what to do, and the sentence a clerk reads."""
    path = [p + 1 if isinstance(p, int) else p for p in problem.path]   # items counted from 1, as the text says
    return {"message": problem.message, "file": problem.source, "line": problem.line, "column": problem.column,
            "path": path, "text": str(problem)}
