"""pydantic's findings on the input's fixed structure, said to a clerk: in Chinese, with the key,
what is wrong and what to write instead (the nearest known key for a misspelt one)."""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from ..advice import QUOTE, worded
from ..errors import Problem
from .context import Context

def without_blanks(value: Any, path: tuple, blank: set[tuple]) -> Any:
    """Drop keys left empty (`单位:` with nothing after it): an empty field means "not given"."""
    if isinstance(value, Mapping):
        out = {}
        for k, v in value.items():
            if v is None:
                blank.add(path + (k,))
            else:
                out[k] = without_blanks(v, path + (k,), blank)
        return out
    return value


def translate(exc: ValidationError, blank: set[tuple], ctx: Context) -> list[Problem]:
    problems = []
    handled_own = {"基本情况", "亮点", "问题", "原因"}  # checked by the catalogue pass
    for err in exc.errors():
        loc = tuple(err["loc"])
        if loc and loc[0] in handled_own:
            continue
        if loc[:2] == ("措施", "目标") and len(loc) > 2:
            continue
        if err["type"] == "missing" and loc in blank:
            problems.append(ctx.at(loc, f"“{loc[-1]}”还没有填写。"))
        else:
            problems.append(ctx.at(loc, _message(err, loc)))
    return problems


def _message(err: Mapping, loc: tuple) -> str | tuple[str, str]:
    kind = err["type"]
    field = loc[-1] if loc else ""
    got = err.get("input")
    if kind == "missing":
        return f"缺少必填项“{field}”。"
    if kind == "extra_forbidden":
        siblings = _known_siblings(loc)
        hint = did_you_mean(str(field), siblings)
        return f"不认识的项目“{field}”。{hint}可以写的项目有：{'、'.join(siblings)}。"
    if kind == "literal_error":
        if field == "格式版本":
            return f"格式版本应为 1（这个版本的 gen-report 只认格式版本 1），现在是“{got}”。"
        if field == "层级":
            return (f"层级应为 镇、乡、街道（镇级报告）或 村、社区（村级报告）之一，现在是“{got}”。"
                    "县、区或部门的报告不适用本工具。")
        expected = re.findall(r"'([^']*)'", err.get("ctx", {}).get("expected", ""))
        return f"应为{'、'.join(f'“{e}”' for e in expected)}之一，现在是“{got}”。"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"应为整数（阿拉伯数字，例如 2024），现在是“{got}”。"
    if kind in ("greater_than_equal", "less_than_equal"):
        if field == "年度":
            return f"年度“{got}”不在 2000—2100 之间，请写四位数的年份，例如 2024。"
        return f"数值“{got}”超出范围。"
    if kind.startswith("date"):
        return f"日期“{got}”不对，请写成 2024-12-20 的形式（年-月-日，日期要存在）。"
    if kind in ("string_type",):
        return worded(f"应为文字，现在是“{got}”。", QUOTE)
    if kind == "string_too_short":
        return "不能为空。"
    if kind == "string_too_long":
        return f"太长了（最多 {err.get('ctx', {}).get('max_length')} 个字）。"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"这里应为“键: 值”的形式（下一行缩进写各项），现在是“{got}”。"
    if kind == "list_type":
        return f"这里应为列表（每项一行，以“- ”开头），现在是“{got}”。"
    return f"{err.get('msg')}（现在是“{got}”）。"


def _known_siblings(loc: tuple) -> list[str]:
    from ..schema import InputFile, Measures, ReportInfo  # local: only needed for error messages

    model = {(): InputFile, ("报告",): ReportInfo, ("措施",): Measures}.get(loc[:-1])
    if model is None:
        return []
    fields = getattr(model, "model_fields", {})
    return [f.alias for f in fields.values() if f.alias]


def did_you_mean(word: str, names: list[str]) -> str:
    from ..catalogue import _close

    close = _close(word, names)
    return f"您是不是想写“{'”或“'.join(close)}”？" if close else ""
