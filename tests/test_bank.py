"""Phrase banks are data: no figures, no placeholders, every string renders for both levels, sandboxed."""
from __future__ import annotations

import re

import pytest

from generator.bank import Bank, load_bank, make_env
from generator.catalogue import load_catalogue
from generator.errors import TemplateError
from generator.resources import load_data

PLACEHOLDER = re.compile(r"[X×*]|某某|【|待补充")


def _strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for v in node.values():
            yield from _strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from _strings(v)


def _all_bank_strings():
    bank = load_bank()
    strings = [s for name in bank.data for s in _strings(bank.data[name])]
    metrics = load_data("metrics.yaml")
    for group in [metrics["基本情况"], *metrics["指标"].values()]:
        for spec in group.values():
            for key in ("说法", "变化说法", "目标说法"):
                strings += spec.get(key, [])
    return strings


def test_banks_hold_no_figures_and_no_placeholders():
    strings = _all_bank_strings()
    assert len(strings) > 300
    digits = [s for s in strings if re.search(r"[0-9０-９]", s)]
    assert not digits, digits[:5]
    leftovers = [s for s in strings if PLACEHOLDER.search(s)]
    assert not leftovers, leftovers[:5]


@pytest.mark.parametrize("level", ["镇", "村"])
def test_every_bank_string_renders(level):
    bank = load_bank()
    ctx = {k: "词" for k in ("单位", "组织", "职务", "上级", "主题", "品牌", "指导思想", "会议精神", "学习教育", "对照学习教育", "年份定位", "换届",
                            "数", "数量", "单位", "从量", "到量", "变化", "门槛", "名称")}
    ctx.update(bank.get("称谓", level), 年度=2024, 下年=2025, 层级=level)
    count = 0
    for s in _all_bank_strings():
        for option in bank.for_level([s], level):
            out = bank.render(option, ctx)
            assert (out or not option) and "{" not in out, s
            count += 1
    assert count > 300


def test_catalogue_themes_all_have_banks():
    cat = load_catalogue()
    bank = load_bank()
    for theme in cat.themes:
        spec = bank.get("亮点", "主题", theme)
        assert len(spec["要点"]) >= 4 and len(spec["概述"]) >= 6 and len(spec["收束"]) >= 3, theme
        assert len(bank.get("措施", "主题", theme)["要点"]) >= 3, theme
    for kind in cat.problems.values():
        assert kind.theme in cat.themes, kind.key


def test_unknown_variable_is_an_error_not_an_empty_string():
    with pytest.raises(TemplateError, match="不存在的变量"):
        load_bank().render("全{{域}}", {})


@pytest.mark.parametrize("source", [
    "{{ ''.__class__.__mro__ }}",
    "{{ 数.__class__.__init__.__globals__ }}",
    "{{ '{0.__class__}'.format(数) }}",
    "{% for i in range(10**9) %}x{% endfor %}",
    "{{ cycler.__init__.__globals__.os }}",
])
def test_sandbox_refuses_escapes(source):
    with pytest.raises(TemplateError):
        load_bank().render(source, {"数": "1"})


def test_env_is_sandboxed_and_strict():
    env = make_env()
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    assert isinstance(env, SandboxedEnvironment) and env.undefined is StrictUndefined
