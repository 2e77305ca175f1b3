"""Which of a slot's options this report allows. A bank entry may be written {说: …, 不与: […], 需: […]}:
  不与  problems or causes (a bank kind's name, or words in the clerk's own) that it would contradict —
        no 结构进一步优化 beside a problem of 党员老化 — or practices it would only say again: a stance
        坚持联系不断线 is not wanted where the item already states the confirmed 流动党员管理;
  需    practices the clerk must have confirmed — 完善党员积分制管理 says the unit keeps 积分制管理.
Plain strings always fit. One rule for every slot, so a maintainer may write either key anywhere."""
from __future__ import annotations

from ..facts import Report


_FITTED: dict = {}


def fitting(options: list, report: Report) -> list:
    """The options `report` allows, each as its text. The same list object for the same bank list and the
    same choice of entries, so Choose's per-list cache hits instead of filling with one-off lists."""
    if not any(_conditional(o) for o in options):
        return options
    kept = tuple(i for i, o in enumerate(options) if not _conditional(o) or _allowed(o, report))
    key = (id(options), kept)
    hit = _FITTED.get(key)
    if hit is not None and hit[0] is options:
        return hit[1]
    fitted = [options[i]["说"] if _conditional(options[i]) else options[i] for i in kept]
    _FITTED[key] = (options, fitted)
    return fitted


def _conditional(option) -> bool:
    return isinstance(option, dict) and "说" in option


def _allowed(option: dict, report: Report) -> bool:
    against = option.get("不与") or ()
    for item in report.problems + report.causes:
        text = (item.text or "") + (item.detail or "")
        if item.kind in against or any(w in text for w in against):
            return False
    confirmed = {done.practice.key for tf in report.themes for done in tf.practices if done.practice}
    if confirmed & set(against):
        return False
    needs = option.get("需") or ()
    return not needs or set(needs) <= confirmed
