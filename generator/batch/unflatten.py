"""Turn one table row (column → cell) into the nested input mapping a YAML file would give.

Column names are the YAML keys joined with a dot (`亮点.组织建设.发展党员`, `报告.单位`, `措施.目标.发展党员`)
or, where unambiguous, the bare name (`单位`, `发展党员`). List columns (问题, 原因, 事例, 事项, 做法) hold several
items separated by `；` or new lines, or are spread over numbered columns (`问题1`, `问题2`…); a problem in
the clerk's own words may start with its theme (`党员队伍：年轻党员大多外出务工…`), with `｜表现：…` or `｜简称：…` after it; a practice in the clerk's own words
is `自述：…`; cases are split by line breaks only (a case may hold a `；`), and a bare 事例 column starts each
with its theme; a `主题.其他` column holds `名称 数值 单位` items; `整改.已完成` and `整改.持续推进` hold last
year's problems. A change is
`52.3→49.8` in one cell, or two columns ending in `.从` and `.到`. Every value remembers its cell, so
messages name row and column.
"""
from __future__ import annotations

import re
from typing import Any

from .. import forms
from ..catalogue import Catalogue, _close
from ..schema import Measures, ReportInfo
from .locate import Cell
from .table import Row

TOP = ("格式版本", "报告", "基本情况", "亮点", "问题", "原因", "措施", "整改")
REPORT_FIELDS = tuple(f.alias for f in ReportInfo.model_fields.values())
MEASURE_FIELDS = tuple(f.alias for f in Measures.model_fields.values())
TEXT_FIELDS = tuple(f for f in REPORT_FIELDS if f != "年度" and f != "日期")
LIST_LEAVES = ("问题", "原因", "事例", "事项", "做法")
_SPLIT = re.compile(r"[；;\n]+")
# `问题1`, `问题.2`, `原因（3）`: one item per column, for tables that spread a list over columns.
_NUMBERED = re.compile(r"^(.*?(?:问题|原因|事项|事例|做法))\s*[.．]?\s*[（(]?\s*(\d{1,2})\s*[）)]?$")
_THEMED = re.compile(r"^\s*[【\[]?([^：:】\]]{2,6})[】\]]?\s*[：:]\s*(.+)$", re.S)
OWN_TEXT_MIN = 10  # a problem/cause cell item this long (or with a comma) is the clerk's own words


def unflatten(row: Row, cat: Catalogue) -> tuple[dict, dict[tuple, Cell], list[tuple[int, str]]]:
    """Return (data, cells, problems) for a table row.

    `cells` maps each key path filled from the row (leaves and list items) to its (header, column);
    `problems` are (column, Chinese message) for columns that cannot be placed at all.
    """
    data: dict = {}
    cells: dict[tuple, Cell] = {}
    problems: list[tuple[int, str]] = []
    plain: set[tuple] = set()  # list paths filled by an unnumbered column (only one may be)
    for header, value in row.cells.items():
        col = row.columns.get(header, 0)
        if row.headers and header not in row.headers:
            problems.append((col, "这一列没有列名，请在表头写上列名（如 发展党员），或清空这一列。"))
            continue
        path, numbered, error = resolve_header(header, cat)
        if error:
            problems.append((col, error))
            continue
        try:
            if path in (("做法",), ("事例",)):  # a bare column: each item goes to its theme
                leaf = path[0]
                for name in _items(value, leaf, cat):
                    theme, item = _practice_theme(name, cat) if leaf == "做法" else _case_theme(name, cat)
                    start = _extend(data, ("亮点", theme, leaf), [item])
                    cells.setdefault(("亮点", theme, leaf), (header, col))
                    cells[("亮点", theme, leaf, start)] = (header, col)
            elif path[0] == "整改" and len(path) == 2:   # 整改.已完成 / 整改.持续推进: a list of last year's problems
                items = _items(value, "整改", cat)
                start = _extend(data, path, items)
                cells.setdefault(path, (header, col))
                for i in range(len(items)):
                    cells[path + (start + i,)] = (header, col)
            elif path[-1] == "其他" and path[0] in ("亮点", "基本情况", "措施"):
                _put(data, cells, path, _others(value), (header, col))
            elif path[-1] in ("从", "到"):
                _put(data, cells, path, _number_text(value), (header, col))
            elif path[-1] in LIST_LEAVES and path[0] != "报告":
                if not numbered and path in plain:
                    raise ValueError(f"与“{cells[path][0]}”列是同一项，请把内容合并到一列。")
                if not numbered:
                    plain.add(path)
                items = _items(value, path[-1], cat)
                start = _extend(data, path, items)
                cells.setdefault(path, (header, col))
                for i in range(len(items)):
                    cells[path + (start + i,)] = (header, col)
            else:
                _put(data, cells, path, _value(path, value), (header, col))
        except ValueError as exc:
            problems.append((col, str(exc)))
    return data, cells, problems


def resolve_header(header: str, cat: Catalogue) -> tuple[tuple, bool, str | None]:
    """Return (key path, numbered list column?, error) for a header."""
    m = _NUMBERED.match(header)
    if m:
        path, error = column_path(m.group(1), cat)
        if not error and path and path[-1] in LIST_LEAVES:
            return path, True, None
    path, error = column_path(header, cat)
    return path, False, error


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
    if head in ("问题", "原因") and len(parts) > 1:
        return (), (f"列名“{'.'.join(parts)}”不对：{head}写在一列里（多条用“；”分开），"
                    f"或分成“{head}1”“{head}2”……几列。")
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
    if name in ("问题", "原因", "做法", "事例"):
        return (name,), None
    hits: list[tuple[str, ...]] = []
    if cat.lookup("基本情况", name):
        hits.append(("基本情况", name))
    hits += [("亮点", theme, name) for theme in cat.themes if cat.lookup(theme, name)]
    if len(hits) == 1:
        return hits[0], None
    if len(hits) > 1:
        options = "、".join(".".join(h) for h in hits)
        return (), f"列名“{name}”不明确，可能是 {options}。请写完整的列名。"
    return (), _unknown(name, cat)


def _unknown(name: str, cat: Catalogue) -> str:
    known: list[str] = [k for k in (*REPORT_FIELDS, *MEASURE_FIELDS) if k] + ["问题", "原因"]
    known += [m.display() or m.key for t in cat.metrics for m in cat.metrics[t]]
    close = _close(name, known)
    hint = f"您是不是想写“{'”或“'.join(close)}”？" if close else "用 gen-report metrics 查看可写的指标。"
    return f"不认识的列“{name}”。{hint}"


def _items(value: Any, leaf: str, cat: Catalogue) -> list:
    # A case is a story and may hold a “；” of its own: cases are split by line breaks (Alt+Enter) only.
    split = _LINES if leaf == "事例" else _SPLIT
    items = [s.strip() for s in split.split(str(value)) if s.strip()]
    if leaf == "做法":
        return [_own_practice(item) for item in items]
    if leaf not in ("问题", "原因"):
        return items
    kinds = cat.problems if leaf == "问题" else cat.causes
    out: list = []
    for item in items:
        item, extra = _parts(item)
        # a leading theme, in a problem's cell as in a cause's (`产业发展：支部对合作社往深加工上走想得不多`: read
        # as the words of the cause, the label was printed in the draft — sixteenth blind reading)
        theme, text = _themed(item, cat)
        if theme:
            out.append({"自述": text, "主题": theme, **extra})  # `党员队伍：村里年轻党员大多外出务工…`
        elif not extra and (item in kinds or (len(item) < OWN_TEXT_MIN and "，" not in item)):
            out.append(item)  # a bank name, or a short typo the validator answers with "did you mean"
        else:
            out.append({"自述": item, **extra})
    return out


_LINES = re.compile(r"\n+")
# `…｜表现：…｜简称：…` in a problem or cause cell: the clerk's 表现 and 简称 of their own words
_PART = re.compile(r"\s*[｜|]\s*(表现|简称|主题)\s*[：:]\s*")


def _parts(item: str) -> tuple[str, dict]:
    pieces = _PART.split(item)
    extra = {pieces[i]: pieces[i + 1].strip() for i in range(1, len(pieces) - 1, 2) if pieces[i + 1].strip()}
    return pieces[0].strip(), extra


def _own_practice(item: str) -> Any:
    """`自述：自己的说法` in a 做法 cell is a practice in the clerk's own words ({自述: …} in a YAML file)."""
    m = re.match(r"^\s*自述\s*[：:]\s*(.+)$", item, re.S)
    return {"自述": m.group(1).strip()} if m else item


# `换栽脐橙 140 亩`, `发蚕种860张`: a figure of the catalogue's 其他, as 名称 数值 单位
_OTHER = re.compile(r"^\s*(.+?)\s*(\d+(?:\.\d+)?)\s*([^\d\s]{1,4})\s*$")


def _others(value: Any) -> list[dict]:
    out = []
    for item in (s.strip() for s in _SPLIT.split(str(value)) if s.strip()):
        m = _OTHER.match(item)
        if not m:
            raise ValueError(f"“{item}”看不出名称、数字和单位。“其他”一格里每项写成“名称 数字 单位”，"
                             "如“换栽脐橙 140 亩”，多项用“；”分开。")
        number = float(m.group(2)) if "." in m.group(2) else int(m.group(2))
        out.append({"名称": m.group(1).strip(), "数值": number, "单位": m.group(3)})
    return out


def _case_theme(item: str, cat: Catalogue) -> tuple[str, str]:
    """Place a case of a bare 事例 column: it starts with its theme (`产业发展：……`)."""
    theme, text = _themed(item, cat)
    if theme:
        return theme, text
    raise ValueError(f"“事例”一列里的每件事要先写主题，如“产业发展：{item[:12]}……”；或用“亮点.产业发展.事例”这样的列名。")


def _practice_theme(item: Any, cat: Catalogue) -> tuple[str, Any]:
    """Place a practice of a bare 做法 column: `主题：名称` or `主题：自述：自己的说法` or `主题：自己的一句话`
    (a name of eight characters or more that the theme does not list is the clerk's own words), or a name
    only one theme has."""
    if isinstance(item, dict):
        raise ValueError(f"自己写的做法要写明主题，如“产业发展：自述：{item['自述'][:12]}”。")
    theme, name = _themed(item, cat)
    if theme:
        own = _own_practice(name)
        if isinstance(own, str) and not cat.practice(theme, own) and len(own) >= 8:
            own = {"自述": own}
        return theme, own
    themes = [t for t in cat.themes if cat.practice(t, name)]
    if len(themes) == 1:
        return themes[0], name
    if themes:
        raise ValueError(f"做法“{name}”在{'、'.join(themes)}下都有，请写成“{themes[0]}：{name}”。")
    raise ValueError(f"不认识的做法“{name}”。可选的做法用 gen-report metrics 做法 查看；"
                     f"也可以写成“组织建设.做法”列，或在“主题：做法”前写明主题。")


def _themed(item: str, cat: Catalogue) -> tuple[str | None, str]:
    """Split `主题：自己写的问题` into (theme, text); (None, item) when it does not start with a theme."""
    m = _THEMED.match(item)
    if m and cat.theme(m.group(1).strip()):
        return cat.theme(m.group(1).strip()), m.group(2).strip()
    return None, item


def _value(path: tuple, value: Any) -> Any:
    if path[0] == "报告":
        if path[-1] == "日期":
            return _date(value)
        if path[-1] in TEXT_FIELDS and isinstance(value, (int, float)) and not isinstance(value, bool):
            # A spreadsheet turns a name like 品牌 "123" into a number; here it is text.
            return str(int(value)) if float(value).is_integer() else str(value)
        return value
    if isinstance(value, str):
        changed = forms.change(value)
        if changed is not value:
            return changed
    return value


def _date(value: Any) -> Any:
    return forms.date(value)


def _number_text(value: Any) -> Any:
    if isinstance(value, str) and re.fullmatch(r"\d+(\.\d+)?", value.strip()):
        text = value.strip()
        return float(text) if "." in text else int(text)
    return value


def _parent(data: dict, path: tuple) -> dict:
    node = data
    for i, key in enumerate(path[:-1]):
        if not isinstance(node.get(key, {}), dict):
            raise ValueError(f"“{'.'.join(path[:i + 1])}”既有单独一列，又有下一级的列，请只保留一种写法。")
        node = node.setdefault(key, {})
    return node


def _put(data: dict, cells: dict, path: tuple, value: Any, cell: Cell) -> None:
    node = _parent(data, path)
    if path[-1] in node and path in cells:
        raise ValueError(f"与“{cells[path][0]}”列是同一项，请只保留一列。")
    node[path[-1]] = value
    cells[path] = cell


def _extend(data: dict, path: tuple, items: list) -> int:
    """Append `items` to the list at `path` (numbered columns add up); return the index of the first."""
    node = _parent(data, path)
    current = node.get(path[-1]) or []
    if not isinstance(current, list):
        raise ValueError(f"“{'.'.join(path)}”既有单独一列，又有下一级的列，请只保留一种写法。")
    node[path[-1]] = current + items
    return len(current)


def merge(defaults: Any, row: Any) -> Any:
    """Return `row` laid over `defaults`: mappings merge key by key, anything else in `row` wins."""
    if isinstance(defaults, dict) and isinstance(row, dict):
        out = dict(defaults)
        for key, value in row.items():
            out[key] = merge(defaults.get(key), value) if key in defaults else value
        return out
    return row
