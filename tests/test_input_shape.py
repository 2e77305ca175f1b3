"""One input shape: the validator and the JSON Schema editors use (generator/jsonschema.py, generated from the
same pydantic models and catalogue) accept and refuse the same samples."""
from __future__ import annotations

import copy
import datetime as dt
import json

import pytest

from conftest import minimal
from generator.catalogue import load_catalogue
from generator.errors import InputError
from generator.jsonschema import input_schema
from generator.validate import validate


def _with(path, value, base=None):
    data = copy.deepcopy(base or minimal())
    node = data
    for key in path[:-1]:
        node = node.setdefault(key, {})
    node[path[-1]] = value
    return data


SAMPLES = [
    ("minimal", minimal(), True),
    ("theme by another name", _with(("亮点", "基层组织建设"), {"发展党员": 3}, minimal(亮点={})), True),
    ("事例 as one string", _with(("亮点", "组织建设", "事例"), "一件事"), True),
    ("figure with its unit", _with(("亮点", "组织建设", "发展党员"), "12名"), True),
    ("figure with another unit", _with(("亮点", "组织建设", "发展党员"), "12个"), False),
    ("thousands", _with(("亮点", "党员队伍", "党员培训"), "1,200"), True),
    ("change in one cell", _with(("亮点", "产业发展", "村集体经济收入"), "8.6→12.3"), True),
    ("change as a mapping", _with(("亮点", "产业发展", "村集体经济收入"), {"从": 8.6, "到": 12.3}), True),
    ("year written 2024年", _with(("报告", "年度"), "2024年"), True),
    ("date written 2025年1月10日", _with(("报告", "日期"), "2025年1月10日"), True),
    ("practices", _with(("亮点", "组织建设", "做法"), ["三会一课", {"自述": "每月评星级党员"}]), True),
    ("unknown practice", _with(("亮点", "组织建设", "做法"), ["没有这项做法"]), False),
    ("unknown metric", _with(("亮点", "组织建设", "发展党圆"), 1), False),
    ("unknown theme", _with(("亮点", "文化建设"), {"发展党员": 1}), False),
    ("level 社区", _with(("报告", "层级"), "社区", _with(("报告", "职务"), "党委书记")), True),
    ("level 县", _with(("报告", "层级"), "县"), False),
    ("format version 2", minimal(格式版本=2), False),
    ("negative", _with(("亮点", "组织建设", "发展党员"), -1), False),
    ("other figures in 基本情况", _with(("基本情况", "其他"), [{"名称": "流动党员", "数值": 3, "单位": "名"}]), True),
    ("unknown top-level key", minimal(附件="无"), False),
    ("own-words problem with 表现", minimal(问题=[{"自述": "组织生活不够规范", "表现": "有时开会凑不齐人"}]), True),
]


@pytest.fixture(scope="module")
def schema_validator():
    import jsonschema

    return jsonschema.Draft202012Validator(input_schema(load_catalogue()))


@pytest.mark.parametrize("name, data, valid", SAMPLES, ids=[s[0] for s in SAMPLES])
def test_validator_and_schema_agree(name, data, valid, schema_validator):
    try:
        validate(data)
        accepted = True
    except InputError:
        accepted = False
    as_json = json.loads(json.dumps(data, default=lambda v: v.isoformat() if isinstance(v, dt.date) else str(v)))
    schema_ok = not list(schema_validator.iter_errors(as_json))
    assert (accepted, schema_ok) == (valid, valid), name


def _bad_inputs():
    """The bad inputs that read as YAML: the others fail in the loader, before any schema or validator."""
    from conftest import ROOT
    from generator.errors import ReportError
    from generator.loader import load_yaml_file

    out = []
    for path in sorted((ROOT / "tests" / "bad_inputs").glob("*.yaml")):
        try:
            load_yaml_file(path)
        except ReportError:
            continue
        out.append(path)
    return out


@pytest.mark.parametrize("path", _bad_inputs(), ids=lambda p: p.name)
def test_schema_refuses_what_the_validator_refuses(path, schema_validator):
    """Every file of tests/bad_inputs that reads as YAML: the editor's schema and the validator agree (they
    did not on fractions of a count, absurd figures, NaN, % over 100, a day no calendar has, a pasted control
    character and a text past MAX_TEXT)."""
    from generator.loader import load_yaml_file

    data, marks = load_yaml_file(path)
    try:
        validate(data, marks, path.name)
        accepted = True
    except InputError:
        accepted = False
    as_json = json.loads(json.dumps(data, default=lambda v: v.isoformat() if isinstance(v, dt.date) else str(v)))
    assert accepted == (not list(schema_validator.iter_errors(as_json))), path.name
