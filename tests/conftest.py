"""Shared fixtures: the repository's paths, the example inputs and the seeds (read, never copied)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
INPUTS = ROOT / "inputs"
EXAMPLES = ROOT / "examples"
SEEDS = ROOT.parent / "shared" / "seeds"
EXAMPLE_INPUTS = sorted(INPUTS.glob("*.yaml"))
# bench/variety.py holds the measures and the batch sample the tests share with bench/ (one definition)
sys.path.insert(0, str(ROOT / "bench"))


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The five real reports of ../shared/seeds/ (beside the checkout, never copied into it). CI has them:
    there a missing folder fails the run instead of skipping two dozen tests; elsewhere the tests skip."""
    if not SEEDS.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{SEEDS} is missing: CI runs with ../shared beside the checkout")
        pytest.skip("../shared/seeds is not next to this checkout")
    return SEEDS


def load_example(path: Path):
    from generator.loader import load_yaml_file

    return load_yaml_file(path)


def minimal(**overrides):
    """Return a small valid input mapping; keyword arguments replace top-level sections."""
    data = {
        "格式版本": 1,
        "报告": {"年度": 2024, "单位": "红柳镇", "层级": "镇", "职务": "党委书记", "姓名": "王建平",
                 "日期": __import__("datetime").date(2025, 1, 10), "上级": "区委"},
        "亮点": {"组织建设": {"发展党员": 12, "入党积极分子": 14}},
        "问题": ["精力投入不足", "组织生活质量不高"],
        "原因": ["思想认识不到位"],
        "措施": {"目标": {"发展党员": 15}},
    }
    data.update(overrides)
    return data


def style_where(**want) -> int:
    """The first author number (风格) whose dimensions are `want` (opening="站位在前", part_two="分列" …): for a
    test about one layout, which other authors do not write."""
    from generator.compose import author_spec
    from generator.compose.author import make_author

    spec = author_spec(None)
    for n in range(1, int(spec["风格数"]) + 1):
        author = make_author(spec, n)
        if all(getattr(author, k) == v for k, v in want.items()):
            return n
    raise LookupError(want)
