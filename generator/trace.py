"""Where each figure, practice, case and gap of a draft came from, for the clerk: the input's key path and
line, or the computation of a derived figure. `--annotate` puts these as Word comments (批注) on the
draft; `--format json` prints them. Built on the source every span of the document model records."""
from __future__ import annotations

import re
from typing import Any, Mapping

from .model import Draft

KINDS = {"指标": "数字", "做法": "做法", "原文": "原文", "计算": "计算", "待补充": "待补充"}


def _path(text: str) -> tuple:
    """A key path back from its text (compose.text.key_path): split at “.”, not at an escaped “\\.”."""
    parts = (p.replace("\\.", ".") for p in re.split(r"(?<!\\)\.", text))
    return tuple(int(p) if p.isdigit() else p for p in parts)


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
    kind, _, rest = source.partition(":")
    if kind == "指标":
        if rest.startswith("上年."):
            return f"数字：来自上年的输入文件，{_where(_path(rest[3:]), {})}"
        return f"数字：来自输入文件 {_where(_path(rest), marks)}"
    if kind == "做法":
        return f"做法：您在 {_where(_path(rest), marks)} 确认做过；这里是目录里的说法，可改写"
    if kind == "原文":
        if rest.startswith("上年."):
            return "原文：上年输入文件里的问题名称"
        return f"原文：照抄 {_where(_path(rest), marks)}"
    if kind == "计算":
        now, _, target = rest.partition("−")
        return (f"计算：今年的数字（{_where(_path(now), marks)}）与上年的目标"
                f"（上年 {_where(_path(target[3:]), {})}）之差")
    if kind == "待补充":
        return f"待补充：在输入文件的 {_where(_path(rest), marks)} 填写后重新生成"
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
            kind, _, rest = span.source.partition(":")
            path = _path(rest) if rest and not rest.startswith("上年") and kind != "计算" else ()
            out.append({"paragraph": number, "span": index, "text": span.text, "kind": KINDS.get(kind, kind),
                        "path": " → ".join(map(str, path)), "line": _line(path, marks) if path else None,
                        "note": text, "covers": list(span.covers)})
    return out


def _covers(covers: tuple, marks: Mapping) -> list[str]:
    out = []
    for source in covers:
        kind, _, rest = source.partition(":")
        label = {"指标": "数字", "做法": "做法", "原文": ""}.get(kind, kind)
        out.append(f"{label} {_where(_path(rest), marks)}" if label else _where(_path(rest), marks))
    return out


def warning_record(problem) -> dict:
    """A warning as data for scripts (--format json): where it points — file, line, column and the input's
    key path — what to do, and the sentence a clerk reads."""
    path = [p + 1 if isinstance(p, int) else p for p in problem.path]   # items counted from 1, as the text says
    return {"message": problem.message, "file": problem.source, "line": problem.line, "column": problem.column,
            "path": path, "text": str(problem)}
