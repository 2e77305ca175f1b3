"""The clerk's words against the unit's own totals: a case that speaks of 六组 in a village of five 村民小组, or of
8个村 in a township of seven, has one of them wrong (柳溪村, a fresh input; 53rd blind reading: 一处硬伤就足以让
整篇失去可信度). The words that count each total are data (呼应.yaml → 家底的说法)."""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from ..facts import Fact, format_number
from ..forms import small_number
from .context import Context

def _pattern(word: str) -> re.Pattern:
    # 五组 and 第六组 are groups by number; 分3组, 编成两组, 党小组 and 工作组成员 are not
    ahead = "(?![织成建员长])" if word == "组" else ""
    return re.compile(r"(?<![0-9零一二三四五六七八九十两分编成个小])([0-9]{1,3}|[一二三四五六七八九十两]{1,3})"
                      + re.escape(word) + ahead)


def warn_counts(overview: Iterable[Fact], texts: Iterable[tuple[tuple, str]], words: Mapping[str, str],
                ctx: Context) -> None:
    """Warn at each text that names more of a thing than the unit's total of it (基本情况)."""
    totals = {f.key: f.amount for f in overview if not f.is_change}
    checks = [(key, _pattern(word), totals[key]) for key, word in words.items() if key in totals]
    if not checks:
        return
    for path, text in texts:
        for key, pattern, total in checks:
            for m in pattern.finditer(text or ""):
                n = small_number(m.group(1))
                if n is not None and n > total:
                    ctx.warn(path, f"这里说到“{m.group()}”，“基本情况”里的“{key}”是 {format_number(total)}：请核对，"
                                   "改对其中一处。")
                    break


def warn_thin_figures(overview: Iterable[Fact], themes, ctx: Context) -> None:
    """Warn at a figure smaller than the total it is questioned against (metrics.yaml → 不少于): 村干部培训 6人次
    in a township of sixteen villages is most likely six sessions."""
    totals = {f.key: f for f in overview if not f.is_change}
    for tf in themes:
        for f in tf.facts:
            metric = f.metric
            if metric is None or f.is_change or not metric.at_least:
                continue
            total = next((totals[k] for k in metric.at_least if k in totals), None)
            if total is not None and f.amount < total.amount:
                ctx.warn(f.path, f"“{f.key}”写的是 {format_number(f.amount)}{metric.unit}，“基本情况”里{total.key}有 "
                                 f"{format_number(total.amount)} 个，平均每个不到 1 {metric.unit}：{metric.unit}是参加的"
                                 "人数加起来；办了几期、几场，请写在“事例”里。请核对。")
