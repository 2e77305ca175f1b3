"""Property tests over the schema: any valid input renders with only its own figures; any single
mutation that makes it invalid is refused with exit 2, a Chinese message, and no file."""
from __future__ import annotations

import datetime as dt
import re
import sys

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.api import render_text
from generator.catalogue import load_catalogue
from generator.errors import InputError
from generator.facts import format_number
from generator.validate import validate

CAT = load_catalogue()
NUMBER = re.compile(r"\d+(?:\.\d+)?")
ORDINAL = re.compile(r"^\u3000*\d+\.", re.M)
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _value(unit: str):
    spec = CAT.units[unit]
    lo, hi = max(0, int(spec.minimum)), int(min(spec.maximum, 5000))
    if spec.integer:
        return st.integers(lo, hi)
    return st.integers(lo * 10, hi * 10).map(lambda v: v / 10)


@st.composite
def valid_inputs(draw):
    level = draw(st.sampled_from(["镇", "乡", "街道", "村", "社区"]))
    year = draw(st.integers(2019, 2026))
    unit = draw(st.sampled_from(["红柳", "青石", "杏林", "白杨"])) + level
    highlights = {}
    for theme in draw(st.lists(st.sampled_from(CAT.themes), max_size=5, unique=True)):
        fit = [m for m in CAT.metrics[theme] if level in m.levels]
        metrics = draw(st.lists(st.sampled_from(fit), max_size=4, unique_by=lambda m: m.key))
        facts = {}
        for m in metrics:
            key = m.key.replace("{门槛}", str(draw(st.integers(1, 50))))
            if m.change_phrases and draw(st.booleans()):
                a, b = draw(_value(m.unit)), draw(_value(m.unit))
                if a == b:
                    continue
                facts[key] = {"从": a, "到": b}
            else:
                facts[key] = draw(_value(m.unit))
        if draw(st.booleans()):
            facts["事例"] = [f"建成示范基地{draw(st.integers(1, 99))}个"]
        done = [p.key for p in CAT.practices[theme] if CAT.fits_level(p, level)]
        if done and draw(st.booleans()):
            facts["做法"] = draw(st.lists(st.sampled_from(done), min_size=1, max_size=3, unique=True))
        if facts:
            highlights[theme] = facts
    problems = draw(st.lists(st.sampled_from(list(CAT.problems)), max_size=4, unique=True))
    if draw(st.booleans()):
        problems.append({"自述": f"还有{draw(st.integers(2, 9))}个村集体经济偏弱"})
    data = {
        "格式版本": 1,
        "报告": {"年度": year, "单位": unit, "层级": level, "职务": "党委书记" if level == "镇" else "党支部书记",
                 "姓名": "王建平", "日期": dt.date(year, 12, 20), "上级": "区委"},
        "亮点": highlights,
        "问题": problems,
        "原因": draw(st.lists(st.sampled_from(list(CAT.causes)), max_size=3, unique=True)),
    }
    targets = draw(st.lists(st.sampled_from([m for m in CAT.metrics["组织建设"] if level in m.levels]), max_size=2,
                            unique_by=lambda m: m.key))
    if targets:
        data["措施"] = {"目标": {m.key: draw(_value(m.unit)) for m in targets}}
    return data


def _numbers(value) -> set[str]:
    if isinstance(value, dict):
        return set().union(*(_numbers(k) | _numbers(v) for k, v in value.items())) if value else set()
    if isinstance(value, list):
        return set().union(*map(_numbers, value)) if value else set()
    if isinstance(value, dt.date):
        return {str(value.year), str(value.month), str(value.day)}
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return {format_number(value)}
    return set(NUMBER.findall(str(value)))


def _at(data, path: str):
    node = data
    for key in path.split("."):
        node = node[int(key)] if isinstance(node, list) else node[key]
    return node


@SETTINGS
@given(valid_inputs(), st.integers(0, 3))
def test_valid_inputs_render_with_only_their_own_figures(data, variant):
    from generator.api import render

    text = render_text(data, variant=variant)
    year = data["报告"]["年度"]
    allowed = _numbers(data) | {str(year), str(year + 1)}
    tokens = NUMBER.findall(ORDINAL.sub("", text))
    assert set(tokens) <= allowed
    for fact in validate(data).all_facts():
        if fact.value == 0 and fact.path[:1] == ("亮点",):
            continue  # a zero is no highlight: left out of part one, and warned of
        for number in fact.numbers():  # whole numbers, not a digit inside 2024
            assert number in tokens, number
    # Every deed and figure traces to the input: a practice span to a 做法 the clerk confirmed, a figure
    # span to a metric they filled in; bank spans hold no figure.
    for block in render(data, variant=variant).blocks():
        for span in block.spans:
            kind, _, path = span.source.partition(":")
            if kind == "做法":
                assert path.split(".")[-2] == "做法" and _at(data, path), span
            elif kind == "指标":
                assert _at(data, path) is not None, span
            elif kind == "词库":  # the year is the report's, not a figure
                years = {str(year), str(year + 1)}
                assert set(NUMBER.findall(span.text)) <= years, span


MUTATIONS = {
    "unknown metric": lambda d: d["亮点"].setdefault("组织建设", {}).__setitem__("发展党圆", 1),
    "negative": lambda d: d["亮点"].setdefault("组织建设", {}).__setitem__("发展党员", -1),
    "words for a number": lambda d: d["亮点"].setdefault("组织建设", {}).__setitem__("发展党员", "若干"),
    "no unit name": lambda d: d["报告"].pop("单位"),
    "bad level": lambda d: d["报告"].__setitem__("层级", "县"),
    "year out of range": lambda d: d["报告"].__setitem__("年度", 3000),
    "unknown problem": lambda d: d["问题"].append("没有这个问题"),
    "unknown theme": lambda d: d["亮点"].__setitem__("文化建设", {"发展党员": 1}),
    "unknown top key": lambda d: d.__setitem__("附件", "无"),
    "control character": lambda d: d["报告"].__setitem__("姓名", "王\x0b建平"),
}


@SETTINGS
@given(valid_inputs(), st.sampled_from(sorted(MUTATIONS)))
def test_mutated_inputs_are_refused(data, mutation):
    MUTATIONS[mutation](data)
    with pytest.raises(InputError) as info:
        validate(data)
    assert info.value.problems and all(re.search(r"[\u4e00-\u9fff]", str(p)) for p in info.value.problems)


@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
def test_mutated_input_through_cli_exit_2_and_no_file(mutation, tmp_path, monkeypatch, capsys):
    from conftest import minimal
    from generator.cli import main

    data = minimal()
    MUTATIONS[mutation](data)
    src = tmp_path / "in.yaml"
    src.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["gen-report", str(src)])
    with pytest.raises(SystemExit) as info:
        main()
    err = capsys.readouterr().err
    assert info.value.code == 2 and err.startswith("错误：") and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.yaml"]
