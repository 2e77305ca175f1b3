"""Say where a problem of a table row is, in the clerk's terms: the sheet row and the column header they
wrote (`第5行第3列（C列）“发展党员”`), not the key path of the nested data the row was turned into.

A value reaches the draft from a cell of the row or from the --defaults file; a missing value is placed on
the (blank) column that would have held it, or explained when the table has no such column.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import Problem

Cell = tuple[str, int]  # (column header as written, 1-based column number)

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
        message = problem.text("table")
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
