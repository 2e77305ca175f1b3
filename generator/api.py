"""The library API: input data in, draft out. The CLI, batch runner and benchmarks all call these."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

from .model import Draft

Marks = Mapping[tuple, tuple[int, int]]


def render(data: Any, *, marks: Marks | None = None, source: str | None = None, variant: int = 0,
           templates: Path | None = None) -> Draft:
    """Validate `data` (what `yaml.safe_load` gives) and compose the draft; raise `ReportError`s."""
    from .bank import load_bank
    from .catalogue import load_catalogue
    from .compose import compose
    from .validate import validate

    report = validate(data, marks, source, catalogue=load_catalogue(templates))
    return compose(report, load_bank(templates), variant=variant)


def render_text(data: Any, **kwargs: Any) -> str:
    """Return the draft for `data` as plain text."""
    from .text import draft_to_text

    return draft_to_text(render(data, **kwargs))


def render_docx(data: Any, **kwargs: Any) -> bytes:
    """Return the draft for `data` as the bytes of a .docx file."""
    from .word.writer import write_docx

    return write_docx(render(data, **kwargs))
