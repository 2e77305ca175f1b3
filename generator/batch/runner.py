"""Render a batch: plan every row in the parent (names, overwrite rules), render in worker processes,
write each draft atomically, and always finish with summary.csv — also after Ctrl+C.

A bad row fails alone; its message names the row and the column. Workers ignore SIGINT so that only the
parent decides what an interrupt means: stop the pool, drop temp files, mark the unfinished rows.
"""
from __future__ import annotations

from functools import partial

import multiprocessing as mp
import os
import signal
import sys
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..errors import InputError, OutputError, ReportError, StrictError
from .locate import Where, join
from .naming import draft_name, unique
from .table import Row
from .unflatten import merge, resolve_header, unflatten

OK, FAILED, SKIPPED, UNDONE = "成功", "失败", "跳过", "未完成"
SUMMARY = "summary.csv"


@dataclass
class Task:
    number: int
    label: str
    unit: str
    target: Path
    data: Any = None
    where: Where = field(default_factory=lambda: Where(None))
    yaml: bool = False           # a YAML file of a folder: its own marks place its problems
    marks: dict = field(default_factory=dict)
    source: str = ""
    errors: list[str] = field(default_factory=list)  # columns that could not be placed; still validated
    fatal: str | None = None     # cannot be rendered at all (file did not parse, target exists)
    skip: bool = False
    skip_existing: bool = False  # --skip-existing: a draft found when writing is skipped, not failed
    existed: bool = False        # the target was there before this run
    base: Path | None = None     # the folder a relative 上年 is taken from
    force: bool = False          # --force: replace a draft that exists when this row is written
    digest: str = ""             # fingerprint of the row's input (rerun.py)
    reason: str = ""             # why the draft is skipped, regenerated or written beside, said on screen
    backup: bool = False         # copy the existing (edited) draft before replacing it
    style: int | None = None     # the author batch deals this row (authors.deal), unless the row names one
    seat: int | None = None      # the row's place among the drafts: neighbours choose different wordings


@dataclass
class Result:
    number: int
    label: str
    unit: str
    status: str
    output: str = ""
    warnings: tuple[str, ...] = ()
    error: str = ""
    note: str = ""               # why it was skipped, regenerated or written beside (rerun.py)
    digest: str = ""             # the input's fingerprint and the written file's, for the record
    written: str = ""
    style: int = 0               # the author the draft was written by (风格), to say in summary.csv


@dataclass
class Defaults:
    """The --defaults file: its data, and where each of its keys is, to place problems it causes."""

    data: dict = field(default_factory=dict)
    marks: dict = field(default_factory=dict)
    name: str = ""


def plan(rows: list[Row], defaults: Defaults, outdir: Path, *, force: bool, skip_existing: bool,
         only: set[str] | None = None) -> list[Task]:
    """Return one task per row: its merged data, its unique target file, or why it already failed; what to
    do with a draft already there is rerun.decide's (by the record of the last run)."""
    from ..catalogue import load_catalogue
    from . import rerun

    cat = load_catalogue()
    record = rerun.load(outdir)
    taken: set[str] = {SUMMARY.lower()}
    columns: dict[int, dict] = {}  # one header map per table, shared by its rows
    tasks = []
    for row in rows:
        if isinstance(row.data, ReportError):  # a YAML file that did not even parse
            tasks.append(Task(row.number, row.label, "", outdir, fatal=_flat(str(row.data))))
            continue
        where = Where(row.line, defaults=defaults.marks, defaults_name=defaults.name)
        errors: list[str] = []
        if row.data is not None:
            data = row.data
        else:
            data, where.cells, problems = unflatten(row, cat)
            if id(row.headers) not in columns:
                columns[id(row.headers)] = header_paths(row.headers, cat)
            where.headers = columns[id(row.headers)]
            errors = [f"{where.column(col)}：{message}" for col, message in problems]
        data = merge(defaults.data, data) if isinstance(data, dict) else data
        unit = str(((data or {}).get("报告") or {}).get("单位", "")) if isinstance(data, dict) else ""
        target = outdir / unique(draft_name(data, row.number), taken)
        digest = rerun.fingerprint(data)
        decision = rerun.decide(target, digest, record, force=force, skip_existing=skip_existing,
                                only=only is None or unit in only)
        if decision.action == "beside":
            target = rerun.beside(target, taken, record)
        task = Task(row.number, row.label, unit, target, data, where, yaml=row.data is not None,
                    marks=row.marks, source=row.source if row.data is not None else "", errors=errors,
                    existed=target.exists(), force=decision.action == "replace" or target.exists(),
                    skip_existing=skip_existing,
                    digest=digest, reason=decision.reason, backup=decision.backup)
        # an existing draft may hold the clerk's edits: skipped (and told why), or written beside, never
        # replaced unless the record shows it untouched or --force (with a copy first)
        task.skip = decision.action == "skip"
        tasks.append(task)
    deal(tasks, defaults)
    return tasks


def deal(tasks: list[Task], defaults: Defaults) -> None:
    """Deal the authors out: the rows of one table take consecutive author numbers from a start fixed by
    the township (so a table gives the same drafts every run), so neighbouring rows never share an author
    and the table spreads evenly over them; a row that names its 风格 keeps it. Each row also gets its seat,
    by which neighbours choose different wordings of the same slot (compose.choose)."""
    from ..compose import author_spec
    from ..compose.author import unit_style

    spec = author_spec(None)
    count = int(spec["风格数"]) if spec else 0
    given = defaults.data.get("报告")
    report: dict = given if isinstance(given, dict) else {}
    town = str(report.get("所属镇") or report.get("上级") or defaults.name or "")
    start = unit_style(town, count) - 1 if count else 0
    for seat, task in enumerate(t for t in tasks if t.data is not None and not t.fatal):
        task.seat = seat
        named = ((task.data or {}).get("报告") or {}).get("风格") if isinstance(task.data, dict) else None
        if count and not named:
            task.style = (start + seat) % count + 1


def header_paths(headers: dict[str, int], cat) -> dict[tuple, tuple[str, int]]:
    """Map the key path of every column of a table to (header, column), to place missing values."""
    out: dict[tuple, tuple[str, int]] = {}
    for header, col in headers.items():
        path, _, error = resolve_header(header, cat)
        if not error:
            out.setdefault(path, (header, col))
    return out


def _flat(text: str) -> str:
    return " ".join(line.strip() for line in text.splitlines() if line.strip())


def _messages(task: Task, exc: ReportError) -> list[str]:
    """Return the Chinese messages of a failed row, each placed by row and column (or file and line)."""
    if not exc.problems:
        return [_flat(exc.message)]
    if not task.yaml:
        return [task.where.describe(p) for p in exc.problems]
    out = []
    for p in exc.problems:  # a YAML row: its own marks, unless the value came from --defaults
        placed = task.where.place(p.path) if p.path not in task.marks else None
        out.append(f"{placed}：{p.message}" if placed else str(p))
    return out


def _warnings(task: Task, problems) -> tuple[str, ...]:
    """A row's warnings in the clerk's terms: a table row's by sheet row and column, a YAML file's by line."""
    if task.yaml:
        return tuple(str(p) for p in problems)
    return tuple(task.where.describe(p) for p in problems)


def render_task(task: Task, strict: bool = False) -> Result:
    """Render and write one task; every `ReportError` becomes a failed result, never an exception."""
    made = partial(Result, task.number, task.label, task.unit)
    if task.fatal:
        return made(status=FAILED, error=task.fatal)
    if task.skip:
        return made(status=SKIPPED, output=task.target.name, note=task.reason)
    try:
        from ..api import render, write_draft

        if task.errors:
            try:  # the row's own problems first, then the unplaceable columns, all at once
                render(task.data, marks=None, source=None, base=task.base, style=task.style, seat=task.seat)
            except InputError as exc:
                return made(status=FAILED, error=join(task.errors + _messages(task, exc)))
            return made(status=FAILED, error=join(task.errors))
        note = task.reason
        if task.backup and task.target.exists():
            import shutil

            from .rerun import backup_path

            kept = backup_path(task.target)
            shutil.copy2(task.target, kept)
            note += f"（原稿另存为 {kept.name}）"
        try:
            # replaced only when the record shows the draft untouched, or with --force (after the copy above)
            draft = write_draft(task.data, task.target, marks=task.marks if task.yaml else None,
                                source=task.source or None, base=task.base, force=task.force, strict=strict,
                                style=task.style, seat=task.seat)
        except StrictError as exc:
            warnings = _warnings(task, exc.warnings)
            return made(status=FAILED, warnings=warnings, error=f"有 {len(warnings)} 条提醒（--strict）")
        except InputError as exc:
            return made(status=FAILED, error=join(_messages(task, exc)))
        except OutputError as exc:
            if task.target.exists() and not task.force:  # appeared since the plan: someone's draft, kept
                return made(status=SKIPPED if task.skip_existing else FAILED, output=task.target.name,
                              error="" if task.skip_existing else str(exc))
            raise
        from .rerun import file_hash

        warnings = _warnings(task, draft.warnings)
        return made(status=OK, output=task.target.name, warnings=warnings, note=note,
                      digest=task.digest, written=file_hash(task.target), style=draft.style)
    except ReportError as exc:
        return made(status=FAILED, error=join(_messages(task, exc)))
    except Exception as exc:  # a bug must not take the other rows down
        return made(status=FAILED, error=f"程序内部错误（{type(exc).__name__}: {exc}）")


def _init_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl+C for everyone
    _warm()


def _warm() -> None:
    """Import the renderer and load catalogue and banks. Done in the parent before forking, the workers
    inherit all of it and start at once; with spawn each worker does it once, never per row."""
    from ..bank import load_bank
    from ..catalogue import load_catalogue
    from ..word.writer import write_docx  # noqa: F401 - imported once per worker, not per row

    load_catalogue()
    load_bank()


def _render_strict(task: Task) -> Result:
    return render_task(task, strict=True)


@contextmanager
def workers(jobs: int, count: int) -> Iterator[Any]:
    """Yield a process pool for `count` tasks (None: render in this process).

    Open it before the progress bar starts: forking while rich's refresh thread runs could hand a worker a
    lock held by that thread. Fork (Linux) lets workers inherit the warm renderer; elsewhere spawn, and each
    worker warms up once in its initializer."""
    if jobs <= 1 or count <= 2:
        yield None
        return
    fork = sys.platform.startswith("linux") and "fork" in mp.get_all_start_methods()
    if fork:
        _warm()
    processes = min(jobs, count, MAX_WORKERS)
    with _workers_deaf_to_ctrl_c():
        pool = mp.get_context("fork" if fork else "spawn").Pool(processes, initializer=_init_worker)
    try:
        yield _Workers(pool, processes)
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()


@contextmanager
def _workers_deaf_to_ctrl_c() -> Iterator[None]:
    """Start worker processes that ignore Ctrl+C, so that the parent alone answers it with one Chinese line.

    A forked worker inherits the parent's SIG_IGN. On Windows a console's Ctrl+C reaches every process in it,
    and a spawned worker still booting printed an English traceback; ignoring Ctrl+C through the console API
    is the one setting child processes inherit there. Both are restored in the parent once the pool exists."""
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    kernel32 = _kernel32()
    if kernel32 is not None:
        kernel32.SetConsoleCtrlHandler(None, True)
    try:
        yield
    finally:
        if kernel32 is not None:
            kernel32.SetConsoleCtrlHandler(None, False)
        signal.signal(signal.SIGINT, previous)


def _kernel32():
    if os.name != "nt":
        return None
    import ctypes

    return ctypes.windll.kernel32


@dataclass
class _Workers:
    pool: Any
    processes: int

    def imap(self, work: Callable[[Task], Result], tasks: list[Task]) -> Iterable[Result]:
        """Results as they come; chunks of up to 8 rows save pickling round trips, small enough that
        the progress bar and its ETA move steadily."""
        chunk = max(1, min(8, len(tasks) // (self.processes * 8)))
        return self.pool.imap_unordered(work, tasks, chunksize=chunk)

    def terminate(self) -> None:
        self.pool.terminate()


def run(tasks: list[Task], pool: _Workers | None, *, strict: bool = False,
        on_result: Callable[[Result], None] = lambda r: None) -> tuple[list[Result], bool]:
    """Render `tasks` in `pool` (or here when None); return (results in row order, interrupted?)."""
    results: dict[int, Result] = {}
    interrupted = False
    work = render_task if not strict else _render_strict
    if pool is None:
        stream: Iterable[Result] = map(work, tasks)
    else:
        stream = pool.imap(work, tasks)
    try:
        for result in stream:
            results[result.number] = result
            on_result(result)
    except KeyboardInterrupt:
        interrupted = True
        if pool is not None:
            pool.terminate()
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


def _remove_temp_files(folder: Path) -> None:
    """Remove the temp files a killed worker may have left (write_atomic names them `.~*.tmp`)."""
    for path in folder.glob(".~*.tmp"):
        try:
            path.unlink()
        except OSError:
            pass


ROWS_PER_WORKER = 8   # a worker costs ~0.3 s to start (spawn on Windows: 24 villages took 3.0 s on all cores, 1.6 s
                      # on one), so a table gets one worker per eight rows at most
MAX_WORKERS = 61      # Windows waits on at most 63 handles; the pool needs two of its own


def default_jobs(rows: int | None = None) -> int:
    """Worker processes for a table of `rows`: the cores, but no more than one per ROWS_PER_WORKER rows."""
    cores = os.cpu_count() or 1
    if rows is None:
        return cores
    return max(1, min(cores, rows // ROWS_PER_WORKER))


