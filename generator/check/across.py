"""`gen-report check --across`: which reports in a set share wording (照搬照抄), and `--against`: is this
year's report last year's with the figures changed (旧稿改头换面). The measure is `generator.similarity`."""
from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from .. import copying, similarity
from ..errors import InputError

QUOTED = 5          # shared clauses quoted per pair in the text output
PARALLEL_FROM = 40  # below this many reports a second process costs more than it saves (measured: bench_across)
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


def load(paths: list[Path], problems: list[str]) -> list[tuple[str, str]]:
    """Read each file's body text, fast and within bounds; a file that cannot be read is told in `problems`
    and the others go on."""
    from .document import body_paragraphs

    texts, names = [], set()
    for path in paths:
        try:
            paragraphs = body_paragraphs(path)
        except InputError as exc:
            problems.append(str(exc))
            continue
        name = path.name if path.name not in names else str(path)
        names.add(name)
        # title, signature, headings and sign-off lines (short, without a comma or full stop) are the same in
        # every report of a unit by nature: only the wording of the text is compared
        texts.append((name, "\n".join(t for t in paragraphs if len(t) > 30 or re.search(r"[，。；]", t))))
    return texts


@dataclass(frozen=True)
class Result:
    """What `--across` / `--against` found: the pairs with both measures, the set's own boilerplate, and for
    each report its largest single source."""

    pairs: list[tuple[similarity.Pair, float]]      # (clause share pair, 复制比)
    common_clauses: list[str]
    common_runs: list[str]
    sources: dict[str, tuple[str, float]]           # report -> (its largest source, the copied share of it)
    against: dict[str, tuple[float, float, list[str]]] | None = None   # report -> (contained, reused, passages)

    def band(self, pair: similarity.Pair, ratio: float) -> str:
        return similarity.band(max(pair.share, ratio))


def measure(texts: list[tuple[str, str]], against: str | None = None) -> Result:
    """Both measures over the named texts; the clauses and runs most of them share are the set's boilerplate
    (as MOSS's -m), listed once and left out of every pair's figure."""
    # the two measures are independent: on a large set the copied runs are counted on the second core
    pool, pending = None, None
    if len(texts) >= PARALLEL_FROM:
        from concurrent.futures import ProcessPoolExecutor

        pool = ProcessPoolExecutor(max_workers=1)
        pending = pool.submit(copying.compare, [text for _, text in texts])
    try:
        reports = [similarity.prepare(name, text) for name, text in texts]
        common = _common_clauses(similarity.compare(reports), len(reports)) if against is None else set()
        if common:
            reports = [similarity.Report(r.name, tuple(c for c in r.clauses if c not in common)) for r in reports]
        pairs = similarity.compare(reports, only_with=against, every_pair=True)
        copied, runs = pending.result() if pending else copying.compare([text for _, text in texts])
    finally:
        if pool:
            pool.shutdown(cancel_futures=True)
    index = {name: i for i, (name, _) in enumerate(texts)}
    ratios: dict[tuple[str, str], float] = {}
    sources: dict[str, tuple[str, float]] = {}
    for (a, b), c in copied.items():
        ratios[(texts[a][0], texts[b][0])] = c.ratio
        for me, other, share in ((a, b, c.a_in_b / max(1, c.length_a)), (b, a, c.b_in_a / max(1, c.length_b))):
            if share > sources.get(texts[me][0], ("", 0.0))[1]:
                sources[texts[me][0]] = (texts[other][0], share)
    scored = []
    for p in pairs:
        first, second = sorted((p.a, p.b), key=index.__getitem__)
        scored.append((p, ratios.get((first, second), 0.0)))
    scored.sort(key=lambda pr: (-max(pr[0].share, pr[1]), pr[0].a, pr[0].b))
    kept = None
    if against is not None:
        old = next(text for name, text in texts if name == against)
        kept = {name: copying.contained(old, text) for name, text in texts if name != against}
    return Result(scored, sorted(common), [] if against is not None else runs, sources, kept)


def _common_clauses(pairs: list[similarity.Pair], count: int) -> set[str]:
    """Clauses found (or nearly) in at least half the reports, and in four at least."""
    if count < copying.COMMON_MIN:
        return set()
    holders: dict[str, set[str]] = defaultdict(set)
    for p in pairs:
        for a, b, _ in p.shared:
            holders[a] |= {p.a, p.b}
            holders[b] |= {p.a, p.b}
    floor = max(copying.COMMON_MIN, math.ceil(copying.COMMON_SHARE * count))
    return {clause for clause, who in holders.items() if len(who) >= floor}


def as_text(result: Result, count: int, against: str | None) -> str:
    worrying = [(p, r) for p, r in result.pairs if result.band(p, r) != "正常"]
    head = (f"与上年报告 {against} 比较：" if against else f"比较了 {count} 份报告、{count * (count - 1) // 2} 对：") + \
        (f"{len(worrying)} 对雷同。" if worrying else "没有雷同（各对相同分句和复制比都在 15% 以下）。")
    lines = [head]
    shown = worrying or result.pairs[:3]
    for p, ratio in shown:
        lines.append(f"{result.band(p, ratio)} 相同分句 {p.share:.0%}，复制比 {ratio:.0%}  {p.a} 与 {p.b}"
                     f"（相同或近似的分句 {len(p.shared)} 句）")
        for a, b, j in p.shared[:QUOTED]:
            lines.append(f"    “{a}”" + ("（相同）" if a == b else f" ≈ “{b}”"))
        if len(p.shared) > QUOTED:
            lines.append(f"    …… 另有 {len(p.shared) - QUOTED} 句")
    if len(result.pairs) > len(shown):
        lines.append(f"其余 {len(result.pairs) - len(shown)} 对都在正常范围。")
    for name, (kept, reused, passages) in (result.against or {}).items():
        lines.append(f"{name}：上年报告有 {kept:.0%} 的文字原样出现在这份报告里，这份报告有 {reused:.0%} 的文字取自上年"
                     f"（连续 {copying.RUN} 字以上相同才算）。" + ("最长的几段：" if passages else ""))
        for passage in sorted(passages, key=len, reverse=True)[:QUOTED]:
            lines.append(f"    “{passage}”")
    if result.common_clauses or result.common_runs:
        lines.append(f"通用（一半以上的报告都有，已不计入各对的比例）：{len(result.common_clauses)} 个分句、"
                     f"{len(result.common_runs)} 段文字，如：")
        for text in (result.common_clauses + result.common_runs)[:3]:
            lines.append(f"    “{text}”")
    return "\n".join(lines)


def as_json(result: Result, count: int) -> str:
    data: dict = {
        "reports": count,
        "bands": {name: floor for floor, name in similarity.BANDS},
        "run_length": copying.RUN,
        "common": {"clauses": result.common_clauses, "runs": result.common_runs},
        "largest_source": {name: {"source": src, "copy_ratio": round(share, 4)}
                           for name, (src, share) in sorted(result.sources.items())},
        "pairs": [{"a": p.a, "b": p.b, "share": round(p.share, 4), "copy_ratio": round(ratio, 4),
                   "band": result.band(p, ratio), "clauses_a": p.clauses_a, "clauses_b": p.clauses_b,
                   "shared": [{"a": a, "b": b, "jaccard": j} for a, b, j in p.shared]}
                  for p, ratio in result.pairs],
    }
    if result.against is not None:
        data["against"] = [{"report": name, "contained": round(kept, 4), "reused": round(reused, 4),
                            "passages": passages} for name, (kept, reused, passages) in result.against.items()]
        if len(data["against"]) == 1:   # the usual case, one report against last year's: its figures on top
            data.update({k: data["against"][0][k] for k in ("contained", "reused", "passages")})
    return json.dumps(data, ensure_ascii=False, indent=2)


def across_command(files: list[Path], against: Path | None, fmt: str, echo=print, echo_err=print) -> int:
    """Compare the reports; exit 1 when any pair is 明显雷同 or 部分雷同, 2 when a file could not be read."""
    paths = collect(files)
    if against is not None:
        paths = [p for p in paths if p.resolve() != Path(against).resolve()] + [Path(against)]
    problems: list[str] = []
    texts = load(paths, problems)
    for text in problems:
        echo_err(f"错误：{text}")
    if len(texts) < 2 or (against is not None and texts[-1][0] not in (Path(against).name, str(against))):
        raise InputError("--across 至少要有两份能读的报告（.docx 或 .txt），或者一份报告加 --against 上年报告。")
    only = texts[-1][0] if against is not None else None
    result = measure(texts, only)
    echo(as_json(result, len(texts)) if fmt == "json" else as_text(result, len(texts), only))
    return 2 if problems else 1 if any(result.band(p, r) != "正常" for p, r in result.pairs) else 0
