"""Which of a slot's options this report allows. A bank entry may be written {说: …, 不与问题: […], 需: […]}:
  不与问题  problem or cause kinds of the bank (or their names in the clerk's own words) it would contradict —
        no 结构进一步优化 beside a problem of 后备干部不足;
  不与字词  words of the clerk's own problems and causes it would contradict — none beside 党员老化, 年龄偏大;
  不与做法  confirmed practices it would only say again: a stance 坚持联系不断线 is not wanted where the item
        already states the confirmed 流动党员管理;
  不与  the three above in one list, as township folders of earlier versions wrote it (still read; gen-report
        check-templates says which key each name belongs under);
  需    practices the clerk must have confirmed — 完善党员积分制管理 says the unit keeps 积分制管理;
  不与亮点  words of the year's highlights (practice and metric names, the clerk's cases and own words) that
        it would contradict — a problem's 在急难险重任务中带头作用不明显 is not said of a draft whose case has
        eight Party members re-covering hail-damaged greenhouses (抢险, 冰雹 …);
  需提及  words one of which the clerk's input must hold (part one, problems, causes, 事项): a stance or plan
        about 外出党员 only in a draft whose clerk wrote of members away (外出, 流动, 在外).
Plain strings always fit. One rule for every slot, so a maintainer may write either key anywhere."""
from __future__ import annotations

from ..facts import Report


_FITTED: dict = {}


def fitting(options: list, report: Report) -> list:
    """The options `report` allows, each as its text. The same list object for the same bank list and the
    same choice of entries, so Choose's per-list cache hits instead of filling with one-off lists."""
    memo = _memo(report)
    hit = memo.get(id(options))
    if hit is not None and hit[0] is options:
        return hit[1]
    known = _CONDITIONAL.get(id(options))
    if known is None or known[0] is not options:
        known = _CONDITIONAL[id(options)] = (options, frozenset(i for i, o in enumerate(options) if _conditional(o)))
    conditional = known[1]
    if not conditional:
        return options
    banned = frozenset(i for i in conditional if not _allowed(options[i], report, memo))  # the few with conditions
    key = (id(options), banned)
    hit = _FITTED.get(key)
    if hit is None or hit[0] is not options:
        hit = _FITTED[key] = (options, [o["说"] if i in conditional else o for i, o in enumerate(options)
                                        if i not in banned])
    memo[id(options)] = (options, hit[1])
    return hit[1]


# One draft asks for the same list many times: the answers for the report being composed, and for it only
# (keeping every report alive would make the garbage collector walk them all, batch after batch).
_CURRENT: list = [None, {}]


def _memo(report: Report) -> dict:
    if _CURRENT[0] is not report:
        _CURRENT[0], _CURRENT[1] = report, {}
    return _CURRENT[1]
_CONDITIONAL: dict = {}   # per bank list: which entries carry conditions


_SUBSETS: dict = {}


def subset(options: list, keep) -> list:
    """The options for which `keep` is true, as the same list object every time the same entries are kept
    (the list itself when all are), so Choose's per-list caches keep hitting."""
    kept = tuple(i for i, o in enumerate(options) if keep(o))
    if len(kept) == len(options):
        return options
    key = (id(options), kept)
    hit = _SUBSETS.get(key)
    if hit is not None and hit[0] is options:
        return hit[1]
    out = [options[i] for i in kept]
    if len(_SUBSETS) > 20_000:
        _SUBSETS.clear()
    _SUBSETS[key] = (options, out)
    return out


def _conditional(option) -> bool:
    return isinstance(option, dict) and "说" in option


def _rules(option: dict) -> tuple:
    """An entry's conditions as tuples, read once per entry."""
    hit = _RULES.get(id(option))
    if hit is None or hit[0] is not option:
        old = tuple(option.get("不与") or ())   # an earlier version's one list: each name in all three senses
        against = (tuple(option.get("不与问题") or ()) + old, tuple(option.get("不与字词") or ()) + old,
                   frozenset(option.get("不与做法") or ()) | frozenset(old))
        hit = _RULES[id(option)] = (option, against, frozenset(option.get("需") or ()),
                                    tuple(option.get("不与亮点") or ()), tuple(option.get("需提及") or ()))
    return hit


_RULES: dict = {}


def _allowed(option: dict, report: Report, memo: dict | None = None) -> bool:
    _, (kinds, words, practices), needs, clash, mentioned = _rules(option)
    if kinds or words:
        for item in report.problems + report.causes:
            text = (item.text or "") + (item.detail or "")
            if item.kind in kinds or any(w in text for w in kinds + words):
                return False
    if practices or needs:
        confirmed = {done.practice.key for tf in report.themes for done in tf.practices if done.practice}
        if confirmed.intersection(practices) or not needs <= confirmed:
            return False
    if clash:
        told = highlights_text(report)
        if any(w in told for w in clash):
            return False
    if not mentioned:
        return True
    given = input_text(report)
    return any(w in given for w in mentioned)


def input_text(report: Report) -> str:
    """Everything the clerk wrote that a stock sentence may lean on: part one, the problems and causes (names
    and own words), the 事项 and 思路, the targets' names. Remembered per report."""
    memo = _memo(report)
    if "given" in memo:
        return memo["given"]
    own = [x for i in report.problems + report.causes for x in (i.kind, i.text, i.detail) if x]
    text = "；".join([highlights_text(report), *own, *report.tasks, report.idea or "",
                     *(t.key for t in report.targets)])
    memo["given"] = text
    return text


def highlights_text(report: Report) -> str:
    """What the year's part one holds, as one text: the confirmed practices (names and aliases), the figures'
    names, the clerk's cases and own words. Remembered per report (compose asks for it many times)."""
    memo = _memo(report)
    if "told" in memo:
        return memo["told"]
    parts: list[str] = []
    for tf in report.themes:
        for done in tf.practices:
            parts += [done.practice.key, *done.practice.aliases] if done.practice else [done.text or ""]
        parts += [f.metric.key if f.metric else (f.name or f.key) for f in tf.facts]
        parts += list(tf.cases)
    text = memo["told"] = "；".join(parts)
    return text


def clashes(options: list, report: Report) -> list[str]:
    """The words of the year's highlights that rule out some of `options` (不与亮点), for telling the clerk
    why a problem's stock elaboration was left out."""
    told = highlights_text(report)
    words = [w for o in options if _conditional(o) for w in (o.get("不与亮点") or ()) if w in told]
    return list(dict.fromkeys(words))
