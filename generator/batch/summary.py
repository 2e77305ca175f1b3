"""What a batch run leaves beside the drafts: summary.csv (one row per input row, UTF-8 with BOM for
Excel), the 提醒 of rows skipped this time kept from the last summary, and the record of what was written
(rerun.MANIFEST) that the next run decides by."""
from __future__ import annotations

import csv
import io
from pathlib import Path

from ..errors import OutputError
from .runner import OK, SKIPPED, Result

def keep_known(results: list[Result], previous: bytes | None) -> list[Result]:
    """For rows skipped this time, keep what the last summary.csv knew about them (their 提醒)."""
    if not previous:
        return results
    try:
        rows = list(csv.DictReader(io.StringIO(previous.decode("utf-8-sig"))))
    except (UnicodeDecodeError, csv.Error):
        return results
    known = {(r.get("单位"), r.get("输出文件")): r for r in rows}
    out = []
    for r in results:
        old = known.get((r.unit, r.output)) if r.status == SKIPPED else None
        if old and old.get("提醒") and not r.warnings:
            r = Result(r.number, r.label, r.unit, r.status, r.output, tuple(old["提醒"].split("；")), r.error,
                       r.note)
        out.append(r)
    return out


def summary_csv(results: list[Result]) -> bytes:
    """Return summary.csv (UTF-8 with BOM so Excel shows the Chinese correctly)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    # 风格: the author batch dealt the row; a clerk who wants the same voice for one village again writes
    # 风格: N in its input (or reruns the table with --only)
    writer.writerow(["序号", "来源", "单位", "状态", "输出文件", "提醒", "错误", "说明", "风格"])
    for r in results:
        writer.writerow([r.number, r.label, r.unit, r.status, r.output, "；".join(r.warnings), r.error, r.note,
                         r.style or ""])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def record_written(outdir: Path, results: list[Result]) -> None:
    """Add what this run wrote to the record the next run decides by (rerun.MANIFEST)."""
    from . import rerun

    written = {r.output: {"input": r.digest, "draft": r.written} for r in results if r.status == OK and r.written}
    if not written:
        return
    record = rerun.load(outdir)
    record.update(written)
    try:
        rerun.save(outdir, record)
    except OutputError:  # the drafts are written; a record that could not be saved only costs a re-run
        pass
