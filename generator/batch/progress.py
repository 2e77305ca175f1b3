"""Progress while a batch runs and a summary at the end: rich on a terminal, plain lines otherwise."""
from __future__ import annotations

import sys
from contextlib import contextmanager
from collections.abc import Iterator

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
            # the reasons of a failure are said once, in the summary at the end; a reminder is said here,
            # the count and the first, so a 成功 with something to add is not taken for done
            note = f"（{len(result.warnings)} 条提醒：{_clip(result.warnings[0])}）" if result.warnings else ""
            why = f"：{result.note}" if result.note else ""
            print(f"[{done[0]}/{total}] {result.label} {result.unit or '—'} {result.status}{why}{note}",
                  file=sys.stderr)

        yield line


def _clip(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[:width] + "…"


def _problems(result: Result) -> set[str]:
    """The problems of a failed row without its row and column, to see which the whole table shares."""
    import re

    parts = [p for p in re.split(r"（\d+）|[\n]", result.error) if p.strip()]
    return {re.sub(r"^[^：]*第\d+行[^：]*：", "", p).strip() for p in parts}


def _shared_problems(failed: list[Result]) -> list[tuple[str, int]]:
    """Problems every failed row has (a column missing from the table, --defaults not given): said once."""
    if len(failed) < 2:
        return []
    common = set.intersection(*(_problems(r) for r in failed))
    return [(p, len(failed)) for p in sorted(common)]


def print_summary(results: list[Result], outdir, summary_path) -> None:
    """Print the counts, then every failed or unfinished row with its message."""
    counts = {s: sum(r.status == s for r in results) for s in (OK, SKIPPED, FAILED, UNDONE)}
    head = f"共 {len(results)} 份：成功 {counts[OK]}，跳过 {counts[SKIPPED]}，失败 {counts[FAILED]}" + \
        (f"，未完成 {counts[UNDONE]}" if counts[UNDONE] else "")
    failed = [r for r in results if r.status == FAILED]
    lines = _shared_problems(failed)
    shared = {line for line, _ in lines}
    # a row that fails only with problems every failed row has is said once, above, not again
    bad = [r for r in failed if _problems(r) - shared]
    if counts[UNDONE]:
        head += f"（中断：{counts[UNDONE]} 份没有生成，用 --skip-existing 重新运行即可补齐）"
    if lines:
        head += "\n" + "\n".join(f"全部 {n} 个失败行都有这个问题：{line}" for line, n in lines)
    if sys.stderr.isatty():
        from rich.console import Console
        from rich.table import Table

        console = Console(stderr=True, highlight=False)
        console.print(head)
        if bad:
            table = Table("来源", "单位", "状态", show_lines=False)
            table.add_column("原因", overflow="fold")  # the whole message: it says what to fix
            for r in bad:
                rest = [p for p in _problems(r) if p not in shared] if shared else [r.error]
                table.add_row(r.label, r.unit or "—", r.status, "；".join(rest))
            console.print(table)
    else:
        print(head, file=sys.stderr)
        for r in bad:
            rest = [p for p in _problems(r) if p not in shared] if shared else [r.error]
            print(f"  {r.label} {r.unit or '—'} {r.status}：{'；'.join(rest)}", file=sys.stderr)
    notes: dict[str, int] = {}
    for r in results:
        if r.note and r.status == SKIPPED:
            notes[r.note] = notes.get(r.note, 0) + 1
    for note, n in notes.items():
        print(f"跳过 {n} 份：{note}", file=sys.stderr)
    for r in results:
        if r.note and r.status == OK:   # regenerated, written beside, or backed up: said row by row
            print(f"  {r.label} {r.unit or '—'}：{r.note}（{r.output}）", file=sys.stderr)
    reminded = [r for r in results if r.warnings and r.status == OK]
    if reminded:
        print(f"{len(reminded)} 个单位的草稿有提醒（要补充的内容），见汇总表的“提醒”一列。", file=sys.stderr)
    print(f"草稿在：{outdir}" + (f"\n汇总表：{summary_path}" if summary_path else ""), file=sys.stderr)
