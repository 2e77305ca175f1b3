"""Render a batch: plan every row in the parent (names, overwrite rules), render in worker processes,
write each draft atomically, and always finish with summary.csv — also after Ctrl+C.

A bad row fails alone; its message names the row and the column. Workers ignore SIGINT so that only the
parent decides what an interrupt means: stop the pool, drop temp files, mark the unfinished rows.
"""
from __future__ import annotations

import csv
import io
import multiprocessing as mp
import os
import signal
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from ..errors import ReportError
from .naming import draft_name, unique
from .table import Row
from .unflatten import merge, unflatten

OK, FAILED, SKIPPED, UNDONE = "成功", "失败", "跳过", "未完成"
SUMMARY = "summary.csv"


@dataclass
class Task:
    number: int
    label: str
    unit: str
    target: Path
    data: Any = None
    marks: dict = field(default_factory=dict)
    source: str = ""
    error: str | None = None     # failed already while planning
    skip: bool = False
    existed: bool = False        # the target was there before this run


@dataclass
class Result:
    number: int
    label: str
    unit: str
    status: str
    output: str = ""
    warnings: tuple[str, ...] = ()
    error: str = ""


def plan(rows: list[Row], defaults: Any, outdir: Path, *, force: bool, skip_existing: bool) -> list[Task]:
    """Return one task per row: its merged data, its unique target file, or why it already failed."""
    from ..catalogue import load_catalogue

    cat = load_catalogue()
    taken: set[str] = {SUMMARY.lower()}
    tasks = []
    for row in rows:
        if isinstance(row.data, ReportError):  # a YAML file that did not even parse
            tasks.append(Task(row.number, row.label, "", outdir, error=str(row.data)))
            continue
        if row.data is not None:
            data, marks, problems = row.data, row.marks, []
        else:
            data, marks, problems = unflatten(row, cat)
        data = merge(defaults or {}, data) if isinstance(data, dict) else data
        unit = str(((data or {}).get("报告") or {}).get("单位", "")) if isinstance(data, dict) else ""
        target = outdir / unique(draft_name(data, row.number), taken)
        task = Task(row.number, row.label, unit, target, data, marks, row.source, existed=target.exists())
        if problems:
            task.error = _problems_text(row.label, problems)
        elif target.exists() and not force:
            if skip_existing:
                task.skip = True
            else:
                task.error = (f"{target.name} 已存在，没有覆盖（可能是改过的草稿）。"
                              "要重新生成请加 --force，只补齐没有的请加 --skip-existing。")
        tasks.append(task)
    return tasks


def _problems_text(label: str, problems: Iterable) -> str:
    return "；".join(str(p) for p in problems)


def render_task(task: Task, strict: bool = False) -> Result:
    """Render and write one task; every `ReportError` becomes a failed result, never an exception."""
    base = dict(number=task.number, label=task.label, unit=task.unit)
    if task.error:
        return Result(**base, status=FAILED, error=task.error)
    if task.skip:
        return Result(**base, status=SKIPPED, output=task.target.name)
    try:
        from ..api import render
        from ..safeio import write_atomic
        from ..word.writer import write_docx

        draft = render(task.data, marks=task.marks, source=task.source)
        if strict and draft.warnings:
            return Result(**base, status=FAILED, warnings=draft.warnings,
                          error=f"有 {len(draft.warnings)} 条提醒（--strict）")
        write_atomic(task.target, write_docx(draft), force=True)
        return Result(**base, status=OK, output=task.target.name, warnings=draft.warnings)
    except ReportError as exc:
        return Result(**base, status=FAILED, error=str(exc).replace("\n", " "))
    except Exception as exc:  # a bug must not take the other rows down
        return Result(**base, status=FAILED, error=f"程序内部错误（{type(exc).__name__}: {exc}）")


def _init_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl+C for everyone
    from ..bank import load_bank
    from ..catalogue import load_catalogue
    from ..word.writer import write_docx  # noqa: F401 - import once per worker, not per row

    load_catalogue()
    load_bank()


def _render_strict(task: Task) -> Result:
    return render_task(task, strict=True)


def run(tasks: list[Task], jobs: int, *, strict: bool = False,
        on_result: Callable[[Result], None] = lambda r: None) -> tuple[list[Result], bool]:
    """Render `tasks` with `jobs` processes; return (results in row order, interrupted?)."""
    results: dict[int, Result] = {}
    interrupted = False
    work = render_task if not strict else _render_strict
    try:
        for result in _results(tasks, jobs, work):
            results[result.number] = result
            on_result(result)
    except KeyboardInterrupt:
        interrupted = True
    for task in tasks:
        if task.number in results:
            continue
        if not task.existed and task.target.exists():
            # Written (atomically, so complete) but its result was still on its way when we stopped.
            results[task.number] = Result(task.number, task.label, task.unit, OK, output=task.target.name)
        else:
            results[task.number] = Result(task.number, task.label, task.unit, UNDONE,
                                          error="运行被中断，这一行还没有生成；用 --skip-existing 再运行一次即可补齐")
    if interrupted and tasks:
        _remove_temp_files(tasks[0].target.parent)
    return [results[t.number] for t in tasks], interrupted


def _results(tasks: list[Task], jobs: int, work) -> Iterator[Result]:
    if jobs <= 1 or len(tasks) <= 2:
        for task in tasks:
            yield work(task)
        return
    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    ctx = mp.get_context(method)
    chunk = max(1, min(8, len(tasks) // (jobs * 8)))
    pool = ctx.Pool(jobs, initializer=_init_worker)
    try:
        yield from pool.imap_unordered(work, tasks, chunksize=chunk)
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()


def _remove_temp_files(folder: Path) -> None:
    """Remove the temp files a killed worker may have left (write_atomic names them `.~*.tmp`)."""
    for path in folder.glob(".~*.tmp"):
        try:
            path.unlink()
        except OSError:
            pass


def summary_csv(results: list[Result]) -> bytes:
    """Return summary.csv (UTF-8 with BOM so Excel shows the Chinese correctly)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["序号", "来源", "单位", "状态", "输出文件", "提醒", "错误"])
    for r in results:
        writer.writerow([r.number, r.label, r.unit, r.status, r.output, "；".join(r.warnings), r.error])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def default_jobs() -> int:
    return os.cpu_count() or 1
