"""examples/ is what the code makes from inputs/: regenerate with `make examples` when this fails."""
from __future__ import annotations

import importlib.util

import pytest

from conftest import EXAMPLE_INPUTS, EXAMPLES, ROOT

_spec = importlib.util.spec_from_file_location("make_examples", ROOT / "scripts" / "make_examples.py")
make_examples = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_examples)


@pytest.mark.parametrize("path", EXAMPLE_INPUTS, ids=lambda p: p.name)
def test_examples_match_inputs(path):
    for name, data in make_examples.outputs(path).items():
        committed = EXAMPLES / name
        assert committed.exists(), f"examples/{name} missing: run `make examples`"
        assert committed.read_bytes() == data, f"examples/{name} drifted from inputs/: run `make examples`"


def test_no_stray_examples():
    expected = {f"{p.stem}{ext}" for p in EXAMPLE_INPUTS for ext in (".docx", ".txt", "-page1.png")}
    assert {p.name for p in EXAMPLES.iterdir()} <= expected
