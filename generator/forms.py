"""The forms people write a value in, read the same way wherever they come from (a YAML file or a table
cell): dates (2024-12-26, 2024/12/26, 2024.12.26, 2024年12月26日), years (2024, 2024年, 2024年度),
changes (8.6→12.3, 8.6->12.3, 8.6～12.3) and thousands (1,200). Anything else is returned as it is, and the
validator explains the expected form. Also the small numbers people write in words (六, 十二, 二十三, 两): the
checker reads ordinals with it (三是, （十二）), validation the groups a case names (六组)."""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

DATE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")
YEAR = re.compile(r"^\s*(\d{4})\s*年度?\s*$")
CHANGE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*\S*?\s*(?:→|->|—>|～|~)\s*(\d+(?:\.\d+)?)\s*\S*\s*$")
THOUSANDS = re.compile(r"^\s*\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?\s*(\D*)$")


def date(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        m = DATE.match(value)
        if m:
            try:
                return dt.date(*map(int, m.groups()))
            except ValueError:
                return value
    return value


def year(value: Any) -> Any:
    if isinstance(value, str):
        m = YEAR.match(value)
        if m:
            return int(m.group(1))
    return value


def number_text(value: Any) -> Any:
    """12 → 12, "12.5" → 12.5, "1,200" → 1200 (with its unit kept: "1,200人" → "1200人")."""
    if isinstance(value, str):
        if THOUSANDS.match(value):
            value = re.sub(r"[,，]", "", value)
        text = value.strip()
        if re.fullmatch(r"\d+(\.\d+)?", text):
            return float(text) if "." in text else int(text)
    return value


def change(value: Any) -> Any:
    """"8.6→12.3" → {从: 8.6, 到: 12.3}; anything else as it is."""
    if isinstance(value, str):
        m = CHANGE.match(value)
        if m:
            return {"从": number_text(m.group(1)), "到": number_text(m.group(2))}
    return value


_NUMERALS = "零一二三四五六七八九"


def small_number(text: str) -> int | None:
    """1–99 written in figures or in Chinese numerals (六, 十, 十二, 二十, 二十三, 两), else None."""
    if text.isdigit():
        return int(text)
    text = text.replace("两", "二")
    if not text or any(c not in _NUMERALS + "十" for c in text):
        return None
    if "十" not in text:
        return _NUMERALS.index(text) if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return None
    return (_NUMERALS.index(tens) if tens else 1) * 10 + (_NUMERALS.index(ones) if ones else 0)
