"""`gen-report batch`: what the CLI calls. Reads the table and defaults, runs, reports, returns the exit code."""
from __future__ import annotations

from pathlib import Path

from ..errors import InputError, OutputError, ReportError
from ..safeio import write_atomic
from .progress import print_summary, progress
from .runner import FAILED, SUMMARY, UNDONE, Defaults, default_jobs, plan, run, workers
from .summary import keep_known, record_written, summary_csv
from .table import read_rows

EXIT_INTERRUPTED = 130


def batch_command(table: Path, defaults: Path | None, outdir: Path | None, jobs: int | None,
                  force: bool, skip_existing: bool, strict: bool = False, last: Path | None = None,
                  only: str | None = None) -> int:
    """Generate one draft per row of `table`; return 0 if all rows succeeded, 1 if any failed."""
    if force and skip_existing:
        raise ReportError("--force（全部覆盖）和 --skip-existing（跳过已有）只能选一个。")
    rows = read_rows(table)
    if not rows:
        raise InputError(f"{Path(table).name} 里没有数据行。")
    town = _defaults(defaults)
    outdir = Path(outdir) if outdir else _default_outdir(Path(table))
    if outdir.exists() and not outdir.is_dir():
        raise OutputError(f"{outdir} 是一个文件，不是文件夹。请用 -o 指定放草稿的文件夹。")
    units = {u.strip() for u in re_split(only)} if only else None
    tasks = plan(rows, town, outdir, force=force, skip_existing=skip_existing, only=units)
    if units:
        missing = units - {t.unit for t in tasks}
        if missing:
            raise InputError(f"--only 里的 {'、'.join(sorted(missing))} 不在表格的“单位”一列里，请核对名称。")
    base = Path(table) if Path(table).is_dir() else Path(table).parent
    for task in tasks:
        task.base = base       # a 上年 column is relative to the table's folder
    if last is not None:
        _attach_last_year(tasks, Path(last))
    with workers(jobs or default_jobs(len(tasks)), len(tasks)) as pool, progress(len(tasks)) as on_result:
        results, interrupted = run(tasks, pool, strict=strict, on_result=on_result)
    record_written(outdir, results)
    previous = outdir / SUMMARY
    results = keep_known(results, previous.read_bytes() if previous.is_file() else None)
    try:
        summary, failure = _write_summary(outdir, summary_csv(results)), None
    except OutputError as exc:  # still show what happened to each row before saying so
        summary, failure = None, exc
    print_summary(results, outdir, summary)
    if failure:
        raise failure
    if interrupted:
        return EXIT_INTERRUPTED
    return 1 if any(r.status in (FAILED, UNDONE) for r in results) else 0


def _attach_last_year(tasks, folder: Path) -> None:
    """Give each row without its own 上年 the file of `folder` whose 报告 → 单位 is the row's unit."""
    from ..loader import load_yaml_file

    if not folder.is_dir():
        raise InputError(f"--last 应是放着去年输入文件（.yaml）的文件夹，{folder} 不是。")
    by_unit: dict[str, Path] = {}
    for path in sorted(folder.glob("*.y*ml")):
        try:
            data, _ = load_yaml_file(path)
        except ReportError:
            continue  # an unreadable file is said when a row needs it, not here
        unit = ((data or {}).get("报告") or {}).get("单位") if isinstance(data, dict) else None
        if isinstance(unit, str):
            by_unit.setdefault(unit.strip(), path.resolve())
    for task in tasks:
        report = (task.data or {}).get("报告") if isinstance(task.data, dict) else None
        if isinstance(report, dict) and not report.get("上年") and task.unit in by_unit:
            task.data = {**task.data, "报告": {**report, "上年": str(by_unit[task.unit])}}


def _write_summary(outdir: Path, data: bytes) -> Path:
    """Write summary.csv; if it is open in Excel (locked on Windows), write summary(2).csv… instead."""
    stem, suffix = Path(SUMMARY).stem, Path(SUMMARY).suffix
    for n in range(1, 20):
        path = outdir / (SUMMARY if n == 1 else f"{stem}({n}){suffix}")
        try:
            return write_atomic(path, data, force=True)
        except OutputError:
            if not outdir.is_dir():
                raise
    raise OutputError(f"无法写入汇总表 {outdir / SUMMARY}：请关闭正在打开它的 Excel/WPS 后重试。")


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


def re_split(text: str) -> list[str]:
    """`--only 河口村,石门村` (or 、 ， ；): the units to regenerate."""
    import re

    return [p for p in re.split(r"[,，、;；\s]+", text) if p.strip()]
