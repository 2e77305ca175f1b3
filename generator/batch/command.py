"""`gen-report batch`: what the CLI calls. Reads the table and defaults, runs, reports, returns the exit code."""
from __future__ import annotations

from pathlib import Path

from ..errors import InputError, ReportError
from ..safeio import write_atomic
from .progress import print_summary, progress
from .runner import FAILED, SUMMARY, UNDONE, Defaults, default_jobs, plan, run, summary_csv
from .table import read_rows

EXIT_INTERRUPTED = 130


def batch_command(table: Path, defaults: Path | None, outdir: Path | None, jobs: int | None,
                  force: bool, skip_existing: bool, strict: bool = False) -> int:
    """Generate one draft per row of `table`; return 0 if all rows succeeded, 1 if any failed."""
    if force and skip_existing:
        raise ReportError("--force（全部覆盖）和 --skip-existing（跳过已有）只能选一个。")
    rows = read_rows(table)
    if not rows:
        raise InputError(f"{Path(table).name} 里没有数据行。")
    town = _defaults(defaults)
    outdir = Path(outdir) if outdir else _default_outdir(Path(table))
    tasks = plan(rows, town, outdir, force=force, skip_existing=skip_existing)
    with progress(len(tasks)) as on_result:
        results, interrupted = run(tasks, jobs or default_jobs(), strict=strict, on_result=on_result)
    summary = outdir / SUMMARY
    write_atomic(summary, summary_csv(results), force=True)
    print_summary(results, outdir, summary)
    if interrupted:
        return EXIT_INTERRUPTED
    return 1 if any(r.status in (FAILED, UNDONE) for r in results) else 0


def _defaults(path: Path | None) -> Defaults:
    if path is None:
        return Defaults()
    from ..loader import load_yaml_file

    data, marks = load_yaml_file(path)
    if not isinstance(data, dict):
        raise InputError(f"{Path(path).name}：共用设置文件的最外层应为“键: 值”（如 报告: 上级: 镇党委）。")
    return Defaults(data, marks, Path(path).name)


def _default_outdir(table: Path) -> Path:
    base = table if table.is_dir() else table.with_suffix("")
    return base.parent / f"{base.name}-草稿"
