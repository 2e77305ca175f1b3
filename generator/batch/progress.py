"""Progress while a batch runs and a summary at the end: rich on a terminal, plain lines otherwise."""
from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Iterator

from .runner import FAILED, OK, SKIPPED, UNDONE, Result


@contextmanager
def progress(total: int) -> Iterator:
    """Yield a callback taking each `Result` as it arrives."""
    if sys.stderr.isatty():
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        bar = Progress(TextColumn("生成中"), BarColumn(), MofNCompleteColumn(), TextColumn("剩余"),
                       TimeRemainingColumn(), console=Console(stderr=True), transient=True)
        with bar:
            job = bar.add_task("batch", total=total)
            yield lambda result: bar.advance(job)
    else:
        done = [0]

        def line(result: Result) -> None:
            done[0] += 1
            note = f"：{result.error}" if result.status == FAILED else ""
            print(f"[{done[0]}/{total}] {result.label} {result.unit or '—'} {result.status}{note}", file=sys.stderr)

        yield line


def print_summary(results: list[Result], outdir, summary_path) -> None:
    """Print the counts, then every failed or unfinished row with its message."""
    counts = {s: sum(r.status == s for r in results) for s in (OK, SKIPPED, FAILED, UNDONE)}
    head = f"共 {len(results)} 份：成功 {counts[OK]}，跳过 {counts[SKIPPED]}，失败 {counts[FAILED]}" + \
        (f"，未完成 {counts[UNDONE]}" if counts[UNDONE] else "")
    bad = [r for r in results if r.status in (FAILED, UNDONE)]
    if sys.stderr.isatty():
        from rich.console import Console
        from rich.table import Table

        console = Console(stderr=True, highlight=False)
        console.print(head)
        if bad:
            table = Table("来源", "单位", "状态", show_lines=False)
            table.add_column("原因", overflow="fold")  # the whole message: it says what to fix
            for r in bad:
                table.add_row(r.label, r.unit or "—", r.status, r.error)
            console.print(table)
    else:
        print(head, file=sys.stderr)
        for r in bad:
            print(f"  {r.label} {r.unit or '—'} {r.status}：{r.error}", file=sys.stderr)
    print(f"草稿在：{outdir}" + (f"\n汇总表：{summary_path}" if summary_path else ""), file=sys.stderr)
