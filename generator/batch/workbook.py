"""`gen-report init --batch 各村.xlsx`: a workbook a township hands out, one row per village.

Sheet 各村数据: a header row in the words of the input file (the columns batch reads back unchanged), text
format where a value must stay as typed, and dropdowns — the practices of each theme, the problem and cause
kinds, the levels — that still take free text (several items with “；”, or one's own words). Sheet 说明:
what each column takes, with one filled example row (batch reads only the first sheet, so it is ignored).
Sheet 选项: the dropdown lists. openpyxl is imported here only, never on the single-draft path.
"""
from __future__ import annotations

import io
from collections.abc import Iterable

from ..levels import is_town
from ..catalogue import Catalogue, fits_tier

DATA, HELP, LISTS = "各村数据", "说明", "选项"
LEVELS = ("村", "社区", "镇", "乡", "街道")
# the facts of 基本情况 a report of the tier opens with
BASE = {"村": ("党员", "党小组", "村民小组"), "镇": ("村党组织", "党员")}
# the targets a village plan most often sets (措施 → 目标), by tier
TARGETS = {"村": ("发展党员", "村集体经济收入", "储备后备干部"), "镇": ("发展党员", "储备后备干部")}


def columns(cat: Catalogue, level: str, themes: Iterable[str] | None = None) -> list[tuple[str, str, str | None]]:
    """(header, what it takes, dropdown list name or None) for each column, in order."""
    tier = "镇" if is_town(level) else "村"
    chosen = [t for t in cat.themes if themes is None or t in set(themes)]
    out: list[tuple[str, str, str | None]] = [
        ("单位", "村（社区）的名称，如 河口村", None),
        ("姓名", "述职人姓名", None),
        ("职务", "如 党支部书记、党总支书记（不填用默认）", None),
        ("层级", "村、社区（或 镇、乡、街道）", "层级"),
        ("党组织", "可选：党组织全称，如 河口村党总支", None),
        ("品牌", "可选：党建品牌名称", None),
        ("品牌含义", "可选：一句话说明品牌的意思（只写名字的品牌不写进报告）", None),
    ]
    base = {m.key: m for m in cat.metrics.get("基本情况", ())}
    out += [(f"基本情况.{key}", f"基本情况：{base[key].unit}", None) for key in BASE[tier] if key in base]
    for theme in chosen:
        for m in cat.metrics.get(theme, ()):
            if fits_tier(m.levels, tier) and not m.params:
                change = "；写变化用 6.8→9.1" if m.change_phrases else ""
                out.append((f"亮点.{theme}.{m.key}", f"{theme}：{m.unit}，阿拉伯数字{change}", None))
        out.append((f"亮点.{theme}.做法", f"{theme}确实做过的做法（下拉选，或写“自述：自己的说法”），多项用“；”",
                    f"做法·{theme}"))
        out.append((f"亮点.{theme}.事例", f"{theme}的具体事例，原样写进报告；多件事用 Alt+Enter 换行分开", None))
        out.append((f"亮点.{theme}.其他", "目录里没有的数据：名称 数字 单位，如“换栽脐橙 140 亩”，多项用“；”", None))
    out += [
        ("问题", "下拉选问题名称，或写自己的话：主题：……｜表现：……｜简称：……；多条用“；”", "问题"),
        ("原因", "下拉选原因名称，或写自己的话：主题：……；多条用“；”", "原因"),
    ]
    out += [(f"措施.目标.{key}", "下一年的目标数字", None) for key in TARGETS[tier]]
    out += [("措施.事项", "下一年的具体打算，用上它针对的问题里的词；多条用“；”", None),
            ("整改.已完成", "有上年的文件时：去年的问题已整改完成的，写名称，多条用“；”", None),
            ("整改.持续推进", "去年的问题还在整改的", None)]
    return out


def lists(cat: Catalogue, level: str) -> dict[str, list[str]]:
    out = {"层级": list(LEVELS), "问题": list(cat.problems), "原因": list(cat.causes)}
    for theme in cat.themes:
        out[f"做法·{theme}"] = [p.key for p in cat.practices.get(theme, ()) if cat.fits_level(p, level)]
    return out


EXAMPLE = {"单位": "河口村", "姓名": "刘春生", "职务": "党支部书记", "层级": "村",
           "亮点.组织建设.发展党员": "2", "亮点.组织建设.做法": "三会一课；自述：支部会挪到晚上开",
           "亮点.产业发展.事例": "村里把老粮站租给加工厂；租金每年两万元",
           "问题": "集体经济薄弱；党员队伍：年轻党员大多外出务工｜表现：组织生活常常凑不齐人",
           "原因": "人才支撑不足", "措施.事项": "争取项目资金建一座冷库"}


def starter_workbook(cat: Catalogue, level: str = "村", year: int | None = None,
                     themes: Iterable[str] | None = None) -> bytes:
    import openpyxl
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    cols = columns(cat, level, themes)
    book = openpyxl.Workbook()
    data = book.active
    data.title = DATA
    head = PatternFill("solid", fgColor="DDEBF7")
    options = book.create_sheet(LISTS)
    ranges: dict[str, str] = {}
    for i, (name, items) in enumerate(lists(cat, level).items(), 1):
        letter = get_column_letter(i)
        options.cell(1, i, name)
        for j, item in enumerate(items, 2):
            options.cell(j, i, item)
        ranges[name] = f"'{LISTS}'!${letter}$2:${letter}${max(2, len(items) + 1)}"
    options.sheet_state = "hidden"
    for c, (header, _, dropdown) in enumerate(cols, 1):
        cell = data.cell(1, c, header)
        cell.font, cell.fill = Font(bold=True), head
        letter = get_column_letter(c)
        data.column_dimensions[letter].width = max(10, min(30, len(header) * 2))
        for r in range(2, 202):   # text, so 0.50 stays 0.50, 001 stays 001 and 6.8→9.1 is not a formula
            data.cell(r, c).number_format = "@"
        if dropdown:
            # free text stays allowed: several items with “；”, or the clerk's own words
            check = DataValidation(type="list", formula1=f"={ranges[dropdown]}", allow_blank=True,
                                   showErrorMessage=False)
            check.add(f"{letter}2:{letter}201")
            data.add_data_validation(check)
    data.freeze_panes = "B2"
    help_sheet = book.create_sheet(HELP, 1)
    help_sheet.append(["列名", "填什么", f"示例（这一页不会被读取；{year or ''}年度）".replace("；年度", "")])
    for header, what, _ in cols:
        help_sheet.append([header, what, EXAMPLE.get(header, "")])
    for cell in help_sheet[1]:
        cell.font, cell.fill = Font(bold=True), head
    for letter, width in (("A", 28), ("B", 60), ("C", 40)):
        help_sheet.column_dimensions[letter].width = width
    for row in help_sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
