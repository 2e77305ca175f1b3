"""Say where a problem of a table row is, in the clerk's terms: the sheet row and the column header they
wrote (`第5行第3列（C列）“发展党员”`), not the key path of the nested data the row was turned into.

A value reaches the draft from a cell of the row or from the --defaults file; a missing value is placed on
the (blank) column that would have held it, or explained when the table has no such column.
"""
from __future__ import annotations

import re

from dataclasses import dataclass, field

from ..errors import Problem

Cell = tuple[str, int]  # (column header as written, 1-based column number)

# The validator speaks of YAML lines; in a table the same advice is about a cell.
_TABLE_WORDING = (
    ("没有这项数据就删掉这一行", "没有这项数据就让这一格空着"),
    ("不需要的话请删掉这一行", "不需要的话让这一格空着"),
    ("如果是数字或日期，请用引号括起来。", ""),
    ("可以写成 {自述: …, 主题: 组织建设} 让", "可以在这条前面写上主题，如“组织建设：……”，让"),
)


# The YAML shapes a message suggests, in the cell syntax a table has for them (unflatten.py):
# {自述: X, 表现: …} → “X｜表现：……”, {自述: X} → “自述：X”
_OWN_WITH_PARTS = re.compile(r"\{自述: ([^{},]*), (表现|简称): …\}")
_OWN = re.compile(r"\{自述: ([^{}]*?)\}")


def for_table(message: str) -> str:
    for yaml_words, table_words in _TABLE_WORDING:
        message = message.replace(yaml_words, table_words)
    message = _OWN_WITH_PARTS.sub(lambda m: f"“{m.group(1)}｜{m.group(2)}：……”", message)
    return _OWN.sub(lambda m: f"“自述：{m.group(1).replace('…', '……') if m.group(1) == '…' else m.group(1)}”",
                    message)


def column_letter(col: int) -> str:
    """Return the spreadsheet letter of a 1-based column number: 1 → A, 27 → AA."""
    letters = ""
    while col > 0:
        col, rest = divmod(col - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass
class Where:
    """What is needed to place a problem of one row. `headers` and `defaults` are shared by all rows."""

    line: int | None                                          # sheet row number
    cells: dict[tuple, Cell] = field(default_factory=dict)    # key path -> the filled cell it came from
    headers: dict[tuple, Cell] = field(default_factory=dict)  # key path -> a column of the table
    defaults: dict[tuple, tuple[int, int]] = field(default_factory=dict)  # key path -> (line, col)
    defaults_name: str = ""

    def row(self) -> str:
        return f"第{self.line}行" if self.line else ""

    def column(self, col: int) -> str:
        return f"{self.row()}第{col}列（{column_letter(col)}列）"

    def cell(self, header: str, col: int) -> str:
        return f"{self.column(col)}“{header}”"

    def place(self, path: tuple) -> str | None:
        """Return where the value at `path` came from (or belongs), or None when we cannot say."""
        for cut in range(len(path), 0, -1):  # a cell holds a leaf; deeper paths are items of its list
            hit = self.cells.get(path[:cut])
            if hit:
                rest = path[cut:]
                item = f"第{rest[0] + 1}项" if rest and isinstance(rest[0], int) else ""
                return self.cell(*hit) + item
        if path in self.defaults:
            line, _ = self.defaults[path]
            return f"{self.defaults_name} 第{line}行（各村共用的设置）"
        if path in self.headers:
            return self.cell(*self.headers[path]) + "（未填写）"
        return None

    def describe(self, problem: Problem) -> str:
        """Return one problem as a sentence that names row and column."""
        where = self.place(problem.path)
        message = for_table(problem.message)
        if where:
            return f"{where}：{message}"
        if problem.path and message.startswith("缺少必填项"):
            message += (f"表格里没有“{problem.path[-1]}”这一列：请加上这一列，"
                        "或把各村相同的值写在 --defaults 文件里。")
        path = " → ".join(str(p) if not isinstance(p, int) else f"第{p + 1}项" for p in problem.path)
        return "：".join(part for part in (self.row(), path, message) if part)


def join(messages: list[str]) -> str:
    """Return several messages as one summary cell: numbered when there is more than one."""
    if len(messages) == 1:
        return messages[0]
    return " ".join(f"（{i}）{m}" for i, m in enumerate(messages, 1))
