"""Read a batch table: .xlsx, .csv (UTF-8, UTF-8 with BOM, GBK, or Excel's tab-separated UTF-16 “Unicode 文本”)
or a folder of YAML files."""
from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError


@dataclass
class Row:
    """One village: where it came from, and either flat cells (table) or nested data (YAML file)."""

    label: str                                  # "villages.xlsx 第5行" or "新沟村.yaml"
    number: int                                 # 1-based position in the batch
    source: str                                 # file name for messages
    line: int | None = None                     # sheet row number, for messages
    cells: dict[str, Any] = field(default_factory=dict)    # header -> value (empty cells left out)
    columns: dict[str, int] = field(default_factory=dict)  # header -> 1-based column number
    headers: dict[str, int] = field(default_factory=dict)  # every column of the table (shared by its rows)
    data: Any = None                            # nested data, for YAML rows
    marks: dict = field(default_factory=dict)   # key path -> (line, column), for YAML rows


def read_rows(path: Path) -> list[Row]:
    """Return the rows of the table at `path`; raise `InputError` if it cannot be read at all."""
    path = Path(path)
    if path.is_dir():
        return _yaml_folder(path)
    if not path.exists():
        raise InputError(f"找不到表格：{path}。请检查文件名和所在文件夹。")
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _xlsx(path)
    if suffix in (".csv", ".tsv", ".txt"):   # Excel's “Unicode 文本” is UTF-16, tab-separated, often .txt
        return _csv(path)
    if suffix == ".xls":
        raise InputError(f"{path.name} 是旧版 Excel 格式（.xls）。请在 Excel 或 WPS 里“另存为”.xlsx 后再试。")
    raise InputError(f"{path.name}：批量生成只支持 .xlsx、.csv（或 Excel 另存的“Unicode 文本”.txt）表格，"
                     "或一个放着 .yaml 文件的文件夹。")


def _xlsx(path: Path) -> list[Row]:
    import openpyxl  # only the batch path pays for openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged or mislabelled file
        raise InputError(f"{path.name} 无法作为 Excel 表格打开（{type(exc).__name__}）。"
                         "请确认它是 .xlsx 文件，并且没有被加密。") from None
    try:
        sheet = book.worksheets[0]
        rows = [[_cell_value(c) for c in r] for r in sheet.iter_rows()]
    finally:
        book.close()
    return _from_grid(path.name, rows)


def _cell_value(cell: Any) -> Any:
    """Return what the clerk sees: a cell shown as 65% holds 0.65, and 65% is what they mean."""
    value = getattr(cell, "value", None)
    if isinstance(value, (int, float)) and not isinstance(value, bool) \
            and "%" in (getattr(cell, "number_format", "") or ""):
        return f"{round(value * 100, 6):g}%"
    return value


def decode_csv(raw: bytes, name: str) -> str:
    """Return the text of a CSV file: the same decoding as an input file (UTF-8 with or without BOM,
    UTF-16, else GBK as Excel on Chinese Windows writes)."""
    from ..loader import decode

    return decode(raw, name)


def _csv(path: Path) -> list[Row]:
    text = decode_csv(path.read_bytes(), path.name)
    return _from_grid(path.name, list(csv.reader(io.StringIO(text), delimiter=_delimiter(text))))


def _delimiter(text: str) -> str:
    """A tab when the header line is split by tabs (Excel's “Unicode 文本”, a copy from WPS), else a comma."""
    header = next((line for line in text.splitlines() if line.strip()), "")
    return "\t" if header.count("\t") > header.count(",") else ","


TOTALS = {"合计", "总计", "小计"}


def _from_grid(name: str, grid: list[list[Any]]) -> list[Row]:
    header_index = _header_row(grid)
    if header_index is None:
        raise InputError(f"{name} 是空的：第一行应是列名（如 单位、姓名、亮点.组织建设.发展党员）。")
    headers = [str(_clean(c) or "").strip() for c in grid[header_index]]
    seen: dict[str, int] = {}
    for col, h in enumerate(headers, 1):
        if h and h in seen:
            raise InputError(f"{name}：列名“{h}”出现了两次（第{seen[h]}列和第{col}列），请合并或删掉一列。")
        if h:
            seen[h] = col
    rows: list = []
    for offset, values in enumerate(grid[header_index + 1:], header_index + 2):
        cells, columns = {}, {}
        for col, (header, value) in enumerate(zip(headers, values), 1):
            value = _clean(value)
            if value is None:
                continue
            if not header:
                cells[f"第{col}列"] = value
                columns[f"第{col}列"] = col
                continue
            cells[header] = value
            columns[header] = col
        if cells and not _is_total(cells):
            rows.append(Row(label=f"{name} 第{offset}行", number=len(rows) + 1, source=name, line=offset,
                            cells=cells, columns=columns, headers=seen))
    return rows


def _header_row(grid: list[list[Any]]) -> int | None:
    """Return the index of the header row: the first row with two or more cells filled, so that a title
    line above the table (“红柳镇各村党建数据统计表”, one merged cell) is passed over."""
    filled = [(i, sum(_clean(c) is not None for c in r)) for i, r in enumerate(grid[:12])]
    first = next((i for i, n in filled if n), None)
    return next((i for i, n in filled if n >= 2), first)


def _is_total(cells: dict[str, Any]) -> bool:
    """A 合计/总计 row at the foot of a township's sheet is not a village."""
    leading = [v for v in list(cells.values())[:2] if isinstance(v, str)]
    return any(v.replace(" ", "").replace("\u3000", "") in TOTALS for v in leading)


def _clean(value: Any) -> Any:
    """Return a cell's value with blanks as None and spreadsheet dates as dates."""
    if value is None:
        return None
    if isinstance(value, str):
        value = value.strip()
        return value or None
    if isinstance(value, dt.datetime):
        return value.date() if value.time() == dt.time(0) else value
    return value


def _yaml_folder(folder: Path) -> list[Row]:
    from ..loader import load_yaml_file

    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".yaml", ".yml") and p.is_file())
    if not files:
        raise InputError(f"文件夹 {folder} 里没有 .yaml 文件。")
    rows = []
    for number, path in enumerate(files, 1):
        row = Row(label=path.name, number=number, source=path.name)
        try:
            row.data, row.marks = load_yaml_file(path)
        except InputError as exc:
            row.data, row.marks = exc, {}
        rows.append(row)
    return rows
