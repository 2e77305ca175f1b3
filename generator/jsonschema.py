"""The JSON Schema of an input file, for editors: the pydantic schema plus what the catalogue knows.

`gen-report schema` prints it and `gen-report init` writes it next to the input, so VS Code (YAML
extension) completes theme and metric names and flags mistakes while the clerk types.
"""
from __future__ import annotations

import re
from typing import Any

from . import forms
from .catalogue import Catalogue, Metric
from .schema import FreeMetric, InputFile
from .validate import MAX_TEXT

_NUMBER = {"type": "number", "minimum": 0}
# Every free text, as validate reads it: no character Word cannot hold (normalise.XML_ILLEGAL), at most
# MAX_TEXT characters. Written as a JSON Schema pattern, so editors flag a pasted control character.
_TEXT = {"pattern": "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\ufffe\\uffff]*$", "maxLength": MAX_TEXT}


def input_schema(cat: Catalogue) -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of an input file with catalogue-aware sections."""
    schema = InputFile.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$comment"] = "由 gen-report schema 生成，请勿手改。"
    props = schema["properties"]
    # the forms the validator reads as meant (generator/forms.py): 2024年, 2024年12月18日, 2024/12/18
    info = schema["$defs"]["ReportInfo"]["properties"]
    info["年度"] = {**{k: v for k, v in info["年度"].items() if k not in ("type", "minimum", "maximum")},
                  "anyOf": [{"type": "integer", "minimum": 2000, "maximum": 2100},
                            {"type": "string", "pattern": forms.YEAR.pattern}]}
    # (format: date alone asserts nothing in most validators: the pattern and the no-such-day rule do)
    info["日期"]["anyOf"] = [{"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$",
                            "not": {"pattern": _NO_SUCH_DAY}},
                           {"type": "string", "pattern": forms.DATE.pattern, "not": {"pattern": _NO_SUCH_DAY}},
                           {"type": "null"}]
    props["基本情况"] = _metrics_object(cat.metrics["基本情况"], "基本情况", "写在开头的概况", cat=cat)
    props["基本情况"]["properties"]["其他"] = _free_list()
    # a theme may be written by any of its names (组织建设 or 基层组织建设), as the validator accepts
    themes = {name: _theme_object(cat, cat.theme(name) or name) for name in cat._theme_alias}
    props["亮点"] = {
        "title": "亮点", "description": "按主题填写的做法、数据和事例", "type": "object",
        "additionalProperties": False, "properties": themes,
    }
    props["问题"] = {**props["问题"], "type": "array",
                   "items": {"anyOf": [{"enum": list(cat.problems)}, {"$ref": "#/$defs/OwnText"}]}}
    props["原因"] = {**props["原因"], "type": "array",
                   "items": {"anyOf": [{"enum": list(cat.causes)}, {"$ref": "#/$defs/OwnText"}]}}
    for key in ("问题", "原因"):
        props[key].pop("anyOf", None)
    schema["$defs"]["FreeMetric"] = FreeMetric.model_json_schema(by_alias=True)
    targets = {m.key: m for t in cat.themes for m in cat.metrics[t]}
    schema["$defs"]["Measures"]["properties"]["目标"] = {
        **_metrics_object(tuple(targets.values()), "目标", "下一年要达到的数字", allow_change=False, cat=cat)}
    schema["$defs"]["Measures"]["properties"]["目标"]["properties"]["其他"] = _free_list()
    _strict_texts(schema)
    return schema


# A day no calendar has, in the forms people write (2025年2月30日, 2025/4/31, 2025.13.01): the pattern alone
# would pass them, the validator does not.
_NO_SUCH_DAY = (r"[年/.\-]\s*(0?2[月/.\-]\s*3[01]|(0?[469]|11)[月/.\-]\s*31|(0?0|1[3-9]|[2-9]\d)[月/.\-]"
                r"|\d{1,2}[月/.\-]\s*(0?0|3[2-9]|[4-9]\d)(?!\d))")


def _strict_texts(node: Any) -> None:
    """Give every free-text string schema (no enum, no pattern of its own) the validator's text rule."""
    if isinstance(node, dict):
        if node.get("type") == "string" and "enum" not in node and "pattern" not in node and "format" not in node:
            node.update(_TEXT)
        for value in node.values():
            _strict_texts(value)
    elif isinstance(node, list):
        for value in node:
            _strict_texts(value)


def _free_list() -> dict[str, Any]:
    return {"description": "目录里没有的数据：名称、数值、单位", "type": "array",
            "items": {"$ref": "#/$defs/FreeMetric"}}


def _units(metric: Metric, cat: Catalogue | None) -> list[str]:
    """The units a figure of `metric` may be written with: its own, its other units, and their aliases."""
    units = [metric.unit, *(u for u, _ in metric.other_units)]
    if cat is not None:
        units += [a for a, u in cat.unit_aliases.items() if u in units]
    return units


def _value_schema(metric: Metric, allow_change: bool = True, cat: Catalogue | None = None) -> dict[str, Any]:
    desc = f"单位：{metric.unit}。填阿拉伯数字" + ("，或 {从: 原来, 到: 现在}" if metric.change_phrases else "")
    units = "|".join(re.escape(u) for u in _units(metric, cat))
    number = r"(\d{1,3}(?:[,，]\d{3})+|\d+)(\.\d+)?"   # 1,200 is read as 1200 (generator/forms.py)
    options: list[dict[str, Any]] = [_number(metric, cat),
                                     {"type": "string", "pattern": rf"^\s*{number}\s*({units})?\s*$"}]
    if allow_change and metric.change_phrases:
        options.append({"type": "string", "pattern": forms.CHANGE.pattern})
    if allow_change and metric.change_phrases:
        options.append({"type": "object", "required": ["从", "到"], "additionalProperties": False,
                        "properties": {"从": _NUMBER, "到": _NUMBER}})
    if not allow_change:   # a target may say its kind: {达到: 1500} or {新增: 100} (metrics.yaml → 目标是)
        desc = f"单位：{metric.unit}。填阿拉伯数字（按“{metric.aim}”理解），或 {{达到: 数}}、{{新增: 数}}"
        options += [{"type": "object", "required": [aim], "additionalProperties": False,
                     "properties": {aim: _NUMBER}} for aim in ("达到", "新增")]
    return {"description": desc, "anyOf": options}


def _number(metric: Metric, cat: Catalogue | None) -> dict[str, Any]:
    """A figure as a bare number, within the unit's bounds (metrics.yaml → 单位): whole for counts, at most 100
    for %, no more than the 上限 that catches a few zeros too many — what validate refuses, flagged as typed."""
    unit = cat.units.get(metric.unit) if cat is not None else None
    if unit is None or metric.other_units:   # another unit may have other bounds: the validator decides
        return _NUMBER
    out: dict[str, Any] = {"type": "integer" if unit.integer else "number", "minimum": 0}
    if unit.maximum < 1e12:
        out["maximum"] = unit.maximum
    return out


def _metrics_object(metrics: tuple[Metric, ...], title: str, description: str,
                    allow_change: bool = True, cat: Catalogue | None = None) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    patterns: dict[str, Any] = {}
    for m in metrics:
        for form in (m.key, *m.aliases):
            if m.params:
                regex = "^" + re.sub(r"\\\{\w+\\\}", r"\\d+(\\.\\d+)?", re.escape(form)) + "$"
                patterns[regex] = _value_schema(m, allow_change, cat)
            else:
                properties[form] = _value_schema(m, allow_change, cat)
    out: dict[str, Any] = {"title": title, "description": description, "type": "object",
                           "properties": properties, "additionalProperties": False}
    if patterns:
        out["patternProperties"] = patterns
    return out


def _theme_object(cat: Catalogue, theme: str) -> dict[str, Any]:
    obj = _metrics_object(cat.metrics[theme], theme, f"“{theme}”的做法、数据和事例", cat=cat)
    obj["properties"]["事例"] = {"description": "原样写进报告的具体事例（一条写一行，以“- ”开头）",
                                 "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
    names = sorted({n for p in cat.practices.get(theme, ()) for n in (p.key, *p.aliases)})
    practice = {"anyOf": [{"enum": names}, {"type": "object", "required": ["自述"], "additionalProperties": False,
                                             "properties": {"自述": {"type": "string", "minLength": 4}}}]}
    obj["properties"]["做法"] = {"description": f"确实做过的做法（gen-report metrics 做法 {theme}），或 {{自述: …}}",
                                 "anyOf": [practice, {"type": "array", "items": practice}]}
    obj["properties"]["其他"] = _free_list()
    return obj
