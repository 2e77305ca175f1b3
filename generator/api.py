"""The library API: input data in, draft out. The CLI, batch runner and benchmarks all call these."""
from __future__ import annotations

from pathlib import Path
from collections.abc import Mapping
from typing import Any

from .model import Draft

Marks = Mapping[tuple, tuple[int, int]]


def render(data: Any, *, marks: Marks | None = None, source: str | None = None, variant: int = 0,
           templates: Path | None = None, base: Path | None = None, style: int | None = None,
           seat: int | None = None) -> Draft:
    """Validate `data` (what `yaml.safe_load` gives) and compose the draft; raise `ReportError`s.

    `base` is the folder 报告 → 上年 is relative to (the input file's); without it a relative 上年 is taken
    from the working folder."""
    from .bundle import load_templates
    from .compose import compose
    from .validate import validate

    bundle = load_templates(templates)
    cat, bank = bundle.catalogue, bundle.bank
    last = last_year(data, marks, source, base, cat, bank)
    report = validate(data, marks, source, catalogue=cat, last=last, era=bundle.era)
    draft = compose(report, bundle, variant=variant, style=style, seat=seat)
    if marks and any(w.line is None for w in draft.warnings):
        from dataclasses import replace

        draft = replace(draft, warnings=tuple(_located(w, marks, source) for w in draft.warnings))
    return draft


def _located(problem, marks: Marks, source: str | None):
    """A warning composing found (a problem no cause explains, a plan missing) told with the file, line and
    column of the key it speaks of, as validate's own warnings are."""
    from dataclasses import replace

    from .validation.context import locate

    if problem.line is not None or not problem.path:
        return problem
    line, column = locate(marks, tuple(problem.path))
    return problem if line is None else replace(problem, line=line, column=column, source=problem.source or source)


def render_file(path: Path, *, variant: int = 0, style: int | None = None, templates: Path | None = None,
                seat: int | None = None) -> tuple[Draft, Marks]:
    """Load the input file at `path` and render it, its 上年 found beside it: the one way a file becomes a
    draft (draft, preview, `check FILE.yaml`, the examples script). Returns the draft and the file's marks
    (key path → line, column) for traces."""
    from .loader import load_yaml_file

    data, marks = load_yaml_file(path)
    draft = render(data, marks=marks, source=path.name, variant=variant, templates=templates, base=path.parent,
                   style=style, seat=seat)
    return draft, marks


def last_year(data: Any, marks: Marks | None, source: str | None, base: Path | None, cat, bank):
    """Load and validate the file 报告 → 上年 names, or return None; its problems are said with its own name."""
    from .errors import InputError, Problem
    from .loader import load_yaml_file
    from .validate import validate

    name = (data.get("报告") or {}).get("上年") if isinstance(data, dict) and isinstance(data.get("报告"), dict) else None
    if not isinstance(name, str) or not name.strip():
        return None
    path = Path(name.strip())
    if not path.is_absolute() and base is not None:
        path = base / path
    line, column = (marks or {}).get(("报告", "上年"), (None, None))
    if not path.is_file():
        raise InputError(f"{source or '输入'} 有 1 处需要修改：", [Problem(
            f"找不到上年的输入文件“{name}”（{path}）。路径相对本文件所在的文件夹；没有去年的文件就删掉这一行。",
            path=("报告", "上年"), line=line, column=column, source=source)])
    # Last year's file was accepted last year: read it with libyaml first (a quarter of the time), and only
    # when it does not validate read it again the careful way, so every problem names its line.
    try:
        import yaml

        from .loader import decode
        from .resources import _SAFE_LOADER

        fast = yaml.load(decode(path.read_bytes(), path.name), Loader=_SAFE_LOADER)  # noqa: S506 (safe loader)
        return validate(_without_last(fast), None, path.name, catalogue=cat)
    except Exception:  # noqa: BLE001 — any doubt: the careful reading below says what is wrong
        pass
    last_data, last_marks = load_yaml_file(path)
    return validate(_without_last(last_data), last_marks, path.name, catalogue=cat)


def _without_last(data: Any) -> Any:
    """Last year's own 上年 is not followed: one year back is what a report answers."""
    if isinstance(data, dict) and isinstance(data.get("报告"), dict):
        return {**data, "报告": {k: v for k, v in data["报告"].items() if k != "上年"}}
    return data


def render_text(data: Any, **kwargs: Any) -> str:
    """Return the draft for `data` as plain text."""
    from .text import draft_to_text

    return draft_to_text(render(data, **kwargs))


def render_docx(data: Any, **kwargs: Any) -> bytes:
    """Return the draft for `data` as the bytes of a .docx file."""
    from .word.writer import write_docx

    return write_docx(render(data, **kwargs))


def draft_bytes(draft: Draft, fmt: str = "docx", marks: Marks | None = None, annotate: bool = False) -> bytes:
    """The bytes of `draft` as a Word file (with comments when `annotate`) or as plain text."""
    if fmt == "txt":
        from .text import draft_to_text

        return draft_to_text(draft).encode("utf-8")
    from .word.writer import write_docx

    notes = None
    if annotate:
        from .trace import trace

        notes = {(e["paragraph"], e["span"]): e["note"] for e in trace(draft, marks)}
    return write_docx(draft, notes)


def write_draft(data: Any, target: Path, *, marks: Marks | None = None, source: str | None = None,
                base: Path | None = None, variant: int = 0, style: int | None = None, seat: int | None = None,
                templates: Path | None = None, fmt: str = "docx",
                annotate: bool = False, force: bool = False, strict: bool = False) -> Draft:
    """Render `data` and write it to `target` atomically: the one way the draft command and batch write.

    Without `force` an existing file is never replaced, checked at the moment of writing (a clerk may save
    an edit while a batch runs); with `strict` a draft with warnings is not written (`StrictError`)."""
    draft = render(data, marks=marks, source=source, variant=variant, templates=templates, base=base, style=style,
                   seat=seat)
    write_rendered(draft, target, marks=marks, fmt=fmt, annotate=annotate, force=force, strict=strict)
    return draft


def write_rendered(draft: Draft, target: Path, *, marks: Marks | None = None, fmt: str = "docx",
                   annotate: bool = False, force: bool = False, strict: bool = False) -> None:
    """Write `draft` to `target` atomically (see write_draft)."""
    from .errors import StrictError
    from .safeio import write_atomic

    if strict and draft.warnings:
        raise StrictError(f"有 {len(draft.warnings)} 条提醒，按 --strict 要求没有生成文件。", draft.warnings)
    write_atomic(target, draft_bytes(draft, fmt, marks, annotate), force=force)
