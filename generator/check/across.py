"""`gen-report check --across`: which reports in a set share wording (照搬照抄), and `--against`: is this
year's report last year's with the figures changed (旧稿改头换面). The measure is `generator.similarity`."""
from __future__ import annotations

import json
import re
from pathlib import Path

from ..errors import InputError
from .. import similarity

QUOTED = 5          # shared clauses quoted per pair in the text output
SUFFIXES = (".docx", ".txt")


def collect(paths: list[Path]) -> list[Path]:
    """Expand folders into their .docx/.txt files (Word's ~$ lock files skipped), in a stable order. A
    folder's 2024.txt beside 2024.docx is the same report in two formats (as `examples/` keeps them), not a
    copy to report: the .docx stands for both. Files named one by one are taken as given."""
    out: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            found = [p for p in path.iterdir() if p.suffix.lower() in SUFFIXES and not p.name.startswith(("~$", "."))]
            words = {p.stem for p in found if p.suffix.lower() == ".docx"}
            out += sorted(p for p in found if p.suffix.lower() == ".docx" or p.stem not in words)
        else:
            out.append(path)
    return out


def load(paths: list[Path], problems: list[str]) -> list[similarity.Report]:
    from .document import read

    reports, names = [], set()
    for path in paths:
        try:
            doc = read(path)
        except InputError as exc:
            problems.append(str(exc))
            continue
        name = path.name if path.name not in names else str(path)
        names.add(name)
        # title, signature, headings and sign-off lines (short, without a comma or full stop) are the same in
        # every report of a unit by nature: only the wording of the text is compared
        texts = [t for t in doc.texts if len(t) > 30 or re.search(r"[，。；]", t)]
        reports.append(similarity.prepare(name, "\n".join(texts)))
    return reports


def as_text(pairs: list[similarity.Pair], count: int, against: str | None) -> str:
    worrying = [p for p in pairs if p.band != "正常"]
    head = (f"与上年报告 {against} 比较：" if against else f"比较了 {count} 份报告、{count * (count - 1) // 2} 对：") + \
        (f"{len(worrying)} 对雷同。" if worrying else "没有雷同（各对相同分句都在 15% 以下）。")
    lines = [head]
    shown = worrying or pairs[:3]
    for p in shown:
        lines.append(f"{p.band} {p.share:.0%}  {p.a} 与 {p.b}（相同或近似的分句 {len(p.shared)} 句）")
        for a, b, j in p.shared[:QUOTED]:
            lines.append(f"    “{a}”" + ("（相同）" if a == b else f" ≈ “{b}”"))
        if len(p.shared) > QUOTED:
            lines.append(f"    …… 另有 {len(p.shared) - QUOTED} 句")
    if len(pairs) > len(shown):
        lines.append(f"其余 {len(pairs) - len(shown)} 对都在正常范围。")
    return "\n".join(lines)


def as_json(pairs: list[similarity.Pair], count: int) -> str:
    return json.dumps({
        "reports": count,
        "bands": {name: floor for floor, name in similarity.BANDS},
        "pairs": [{"a": p.a, "b": p.b, "share": round(p.share, 4), "band": p.band,
                   "clauses_a": p.clauses_a, "clauses_b": p.clauses_b,
                   "shared": [{"a": a, "b": b, "jaccard": j} for a, b, j in p.shared]} for p in pairs],
    }, ensure_ascii=False, indent=2)


def across_command(files: list[Path], against: Path | None, fmt: str, echo=print, echo_err=print) -> int:
    """Compare the reports; exit 1 when any pair is 明显雷同 or 部分雷同, 2 when a file could not be read."""
    paths = collect(files)
    if against is not None:
        paths = [p for p in paths if p.resolve() != Path(against).resolve()] + [Path(against)]
    problems: list[str] = []
    reports = load(paths, problems)
    for text in problems:
        echo_err(f"错误：{text}")
    if len(reports) < 2:
        raise InputError("--across 至少要有两份能读的报告（.docx 或 .txt），或者一份报告加 --against 上年报告。")
    only = reports[-1].name if against is not None else None
    pairs = similarity.compare(reports, only_with=only, every_pair=True)
    echo(as_json(pairs, len(reports)) if fmt == "json" else as_text(pairs, len(reports), only))
    return 2 if problems else 1 if any(p.band != "正常" for p in pairs) else 0
