"""Regenerate examples/ from inputs/: a .docx and a .txt per example input.

Run `make examples` (or `python scripts/make_examples.py`). tests/test_examples.py fails when examples/
drifts from what the code produces, so commit the regenerated files with the change that caused them.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.loader import load_yaml_file  # noqa: E402
from generator.api import render  # noqa: E402
from generator.text import draft_to_text  # noqa: E402
from generator.word.writer import write_docx  # noqa: E402


def outputs(path: Path) -> dict[str, bytes]:
    """Return the example files (name → bytes) that `path` produces."""
    data, marks = load_yaml_file(path)
    draft = render(data, marks=marks, source=path.name)
    return {f"{path.stem}.docx": write_docx(draft), f"{path.stem}.txt": draft_to_text(draft).encode("utf-8")}


def main() -> None:
    out = ROOT / "examples"
    out.mkdir(exist_ok=True)
    for path in sorted((ROOT / "inputs").glob("*.yaml")):
        for name, data in outputs(path).items():
            (out / name).write_bytes(data)
            print(f"examples/{name}")


if __name__ == "__main__":
    main()
