"""Turn one table row (column → cell) into the nested input mapping a YAML file would give.

Column names are the YAML keys joined with a dot (`亮点.组织建设.发展党员`, `报告.单位`, `措施.目标.发展党员`)
or, where unambiguous, the bare name (`单位`, `发展党员`). List columns (问题, 原因, 事例, 事项) hold several
items separated by `；` or new lines. A change is `52.3→49.8` in one cell, or two columns ending in `.从`
and `.到`. Every value keeps the position of its cell, so validation messages name row and column.
"""
from __future__ import annotations

import re
from typing import Any

from ..catalogue import Catalogue, _close
from ..errors import Problem
from ..schema import Measures, ReportInfo
from .table import Row

TOP = ("格式版本", "报告", "基本情况", "亮点", "问题", "原因", "措施")
REPORT_FIELDS = tuple(f.alias for f in ReportInfo.model_fields.values())
MEASURE_FIELDS = tuple(f.alias for f in Measures.model_fields.values())
LIST_LEAVES = ("问题", "原因", "事例", "事项")
_SPLIT = re.compile(r"[；;\n]+")
_CHANGE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*\S*?\s*(?:→|->|—>|～|~)\s*(\d+(?:\.\d+)?)\s*\S*\s*$")
OWN_TEXT_MIN = 10  # a problem/cause cell item this long (or with a comma) is the clerk's own words


def unflatten(row: Row, cat: Catalogue) -> tuple[dict, dict, list[Problem]]:
    """Return (data, marks, problems) for a table row; problems name the row and the column."""
    data: dict = {}
    marks: dict = {}
    problems: list[Problem] = []
    for header, value in row.cells.items():
        where = (row.line, row.columns.get(header))
        path, error = column_path(header, cat)
        if error:
            problems.append(Problem(error, path=(header,), line=row.line, column=where[1], source=row.source))
            continue
        try:
            if path[-1] in ("从", "到"):
                _put(data, marks, path, _number_text(value), where)
            elif path[-1] in LIST_LEAVES and path[0] != "报告":
                items = _items(value, path[-1], cat)
                _put(data, marks, path, items, where)
                for i in range(len(items)):
                    marks[path + (i,)] = where
            else:
                _put(data, marks, path, _value(value), where)
        except ValueError as exc:
            problems.append(Problem(str(exc), path=(header,), line=row.line, column=where[1], source=row.source))
    return data, marks, problems


def column_path(header: str, cat: Catalogue) -> tuple[tuple, str | None]:
    """Return the key path a column header stands for, or an error message in Chinese."""
    parts = [p.strip() for p in re.split(r"[.．]", header) if p.strip()]
    if not parts:
        return (), "列名是空的。"
    change = parts[-1] if parts[-1] in ("从", "到") and len(parts) > 1 else None
    if change:
        parts = parts[:-1]
    path, error = _resolve(parts, cat)
    if error:
        return (), error
    if change:
        if path[0] not in ("亮点", "基本情况"):
            return (), f"“{header}”：只有指标才能写“从/到”。"
        path = path + (change,)
    return path, None


def _resolve(parts: list[str], cat: Catalogue) -> tuple[tuple, str | None]:
    head = parts[0]
    if head in TOP:
        if head == "亮点" and len(parts) >= 2:
            theme = cat.theme(parts[1])
            if theme is None:
                return (), f"列名里的主题“{parts[1]}”不认识。可写的主题：{'、'.join(cat.themes)}。"
            return ("亮点", theme, *parts[2:]), None
        return tuple(parts), None
    if len(parts) == 1:
        return _bare(head, cat)
    theme = cat.theme(head)
    if theme is not None:
        return ("亮点", theme, *parts[1:]), None
    if head == "目标":
        return ("措施", "目标", *parts[1:]), None
    return (), _unknown(".".join(parts), cat)


def _bare(name: str, cat: Catalogue) -> tuple[tuple, str | None]:
    if name in REPORT_FIELDS:
        return ("报告", name), None
    if name in MEASURE_FIELDS:
        return ("措施", name), None
    if name in ("问题", "原因"):
        return (name,), None
    hits = []
    if cat.lookup("基本情况", name):
        hits.append(("基本情况", name))
    hits += [("亮点", theme, name) for theme in cat.themes if cat.lookup(theme, name)]
    if len(hits) == 1:
        return hits[0], None
    if len(hits) > 1:
        options = "、".join(".".join(h) for h in hits)
        return (), f"列名“{name}”不明确，可能是 {options}。请写完整的列名。"
    if name == "事例":
        return (), "列名“事例”要写明主题，例如 亮点.产业发展.事例。"
    return (), _unknown(name, cat)


def _unknown(name: str, cat: Catalogue) -> str:
    known = list(REPORT_FIELDS) + list(MEASURE_FIELDS) + ["问题", "原因"]
    known += [m.display() for t in cat.metrics for m in cat.metrics[t]]
    close = _close(name, known)
    hint = f"您是不是想写“{'”或“'.join(close)}”？" if close else "用 gen-report metrics 查看可写的指标。"
    return f"不认识的列“{name}”。{hint}"


def _items(value: Any, leaf: str, cat: Catalogue) -> list:
    items = [s.strip() for s in _SPLIT.split(str(value)) if s.strip()]
    if leaf not in ("问题", "原因"):
        return items
    kinds = cat.problems if leaf == "问题" else cat.causes
    out: list = []
    for item in items:
        if item in kinds or (len(item) < OWN_TEXT_MIN and "，" not in item):
            out.append(item)  # a bank name, or a short typo the validator answers with "did you mean"
        else:
            out.append({"自述": item})
    return out


def _value(value: Any) -> Any:
    if isinstance(value, str):
        m = _CHANGE.match(value)
        if m:
            return {"从": _number_text(m.group(1)), "到": _number_text(m.group(2))}
    return value


def _number_text(value: Any) -> Any:
    if isinstance(value, str) and re.fullmatch(r"\d+(\.\d+)?", value.strip()):
        text = value.strip()
        return float(text) if "." in text else int(text)
    return value


def _put(data: dict, marks: dict, path: tuple, value: Any, where: tuple) -> None:
    node = data
    for i, key in enumerate(path[:-1]):
        if not isinstance(node.get(key, {}), dict):
            raise ValueError(f"“{'.'.join(path[:i + 1])}”既有单独一列，又有下一级的列，请只保留一种写法。")
        node = node.setdefault(key, {})
        marks.setdefault(path[:i + 1], where)
    node[path[-1]] = value
    marks[path] = where


def merge(defaults: Any, row: Any) -> Any:
    """Return `row` laid over `defaults`: mappings merge key by key, anything else in `row` wins."""
    if isinstance(defaults, dict) and isinstance(row, dict):
        out = dict(defaults)
        for key, value in row.items():
            out[key] = merge(defaults.get(key), value) if key in defaults else value
        return out
    return row
