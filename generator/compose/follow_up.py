"""Last year's input in part one: a target set last year and this year's figure against it (年初定下……的
target, 完成了/超额完成), and last year's problems rectified or still in hand (整改)."""
from __future__ import annotations

import re
from ..bank import Bank
from ..facts import Fact, Report, achieved, quantity
from ..model import Block, Source, Span, body, key_text
from .choose import Choose
from .text import fact_clause, sentence

def last_targets(report: Report) -> dict:
    """Last year's targets by (metric, params), for the themes whose figures answer them."""
    if report.last is None:
        return {}
    return {(t.metric.key, t.params): t for t in report.last.targets if t.metric is not None}


def completion(target: Fact, fact: Fact, bank: Bank, pick: Choose, ctx: dict, theme: str) -> list[Span]:
    """年初定下发展党员15名的目标，全年发展党员17名，超额完成2名: both figures, and the gap computed from them."""

    got = achieved(target, fact)
    gap = abs(got - target.amount)
    better = target.metric.better(target.amount, got) if target.metric else None
    kind = "完成" if gap == 0 else ("超额" if better in (True, None) else "未完成")
    options = bank.get("亮点", "完成", kind)
    source = pick.one(options, "completion", theme, target.key)
    marks = {"目标": "\x01", "实际": "\x02", "差": "\x03"}
    text = bank.render(source, {**ctx, **marks})
    goal = fact_clause(Fact(target.key, target.unit, value=target.value, metric=target.metric, params=target.params,
                            aim=target.aim), bank, pick, ctx)
    now = _achieved(fact, bank, pick, ctx, theme)
    pieces = {"\x01": Span(goal, source=Source.of("指标", ("措施", "目标", target.key), last_year=True)),
              "\x02": Span(now, source=Source.of("指标", fact.path)),
              "\x03": Span(quantity(round(gap, 6), fact.unit),
                            source=f"计算:{key_text(fact.path)}−{key_text(('上年', '措施', '目标', target.key))}")}
    out: list[Span] = []
    for part in re.split("([\x01\x02\x03])", text):
        if part in pieces:
            out.append(pieces[part])
        elif part:
            out.append(Span(pick.note(part), source="词库:亮点/完成"))
    return out


def _achieved(fact: Fact, bank: Bank, pick: Choose, ctx: dict, theme: str) -> str:
    """This year's figure beside last year's target, without naming the metric a second time
    (目标是储备后备干部3名，实际完成3名; not …，储备村级后备干部3名)."""

    if fact.is_change:
        metric = fact.metric
        rise, fall = (metric.rise_word, metric.fall_word) if metric else ("提高", "下降")
        word = rise if fact.end > fact.start else fall
        source = pick.one(bank.get("亮点", "完成实际", "变化"), "achieved", theme, fact.key)
        return bank.render(source, {**ctx, "从量": quantity(fact.start, fact.unit),
                                    "到量": quantity(fact.end, fact.unit), "变化": word})
    source = pick.one(bank.get("亮点", "完成实际", "单值"), "achieved", theme, fact.key)
    return bank.render(source, {**ctx, "数量": quantity(fact.amount, fact.unit)})


def rectified(report: Report) -> str:
    """What the 整改 item bears out, for its heading: all of last year's problems put right, or not (上年问题对账清零
    over a problem still in hand: 龙井乡, a fresh input; 呼应.yaml → 凭据词 清零, 销号, 兑现 want 全部)."""
    last = report.last
    return "上年问题部分仍在整改" if last is not None and last.ongoing else "上年问题全部整改到位"


def rectify_item(marker: str, report: Report, bank: Bank, pick: Choose, position: int) -> Block:
    """The last item of part one, the `position`-th (0-based): last year's problems, each named, done or still in
    hand, under the author's heading (or the bank's 整改要点 where the family cannot head it)."""
    lead = pick.heads.heading("一", "整改", position, content=rectified(report))
    pick.begin_item()
    lead = lead or pick.text(bank.get("亮点", "整改要点"), "rectify-lead")
    spans = [Span(marker, lead=True, source="序号")] if marker else []
    spans.append(Span(sentence(lead), lead=True, source="词库:亮点/整改要点"))
    last = report.last
    if last is None:   # compose adds this item only for a report with last year's 整改
        return body(*spans)
    notes = dict(last.notes)
    for status, items in (("整改完成", last.done), ("整改推进", last.ongoing)):
        told = [i for i in items if id(i) in notes]   # the clerk said how: one sentence each, in their words
        plain = [i for i in items if id(i) not in notes]
        for item in told:
            spans += _rectify_told(item, notes[id(item)], status, bank, pick)
        if not plain:
            continue
        names = "".join(f"“{i.called}”" for i in plain)
        text = bank.render(pick.one(bank.get("亮点", status), "rectify", status), {"问题": "\x01"})
        before, _, after = text.partition("\x01")
        spans += [Span(before, source=f"词库:亮点/{status}"), Span(names, source="原文:上年.问题"),
                  Span(sentence(after), source=f"词库:亮点/{status}")]
    return body(*spans)


def _rectify_told(item, note: str, status: str, bank: Bank, pick: Choose) -> list[Span]:
    """去年查摆的“大棚卖菜没销路”，和两家超市签了直供协议，已整改到位: the problem, the clerk's how, the status."""
    slot = status + "经过"
    text = bank.render(pick.one(bank.get("亮点", slot), "rectify-told", status), {"问题": "\x01", "经过": "\x02"})
    out: list[Span] = []
    for part in re.split("([\x01\x02])", text):
        if part == "\x01":
            out.append(Span(f"“{item.called}”", source="原文:上年.问题"))
        elif part == "\x02":
            out.append(Span(note, source="原文:整改"))
        elif part:
            out.append(Span(part, source=f"词库:亮点/{slot}"))
    out[-1] = Span(sentence(out[-1].text), source=out[-1].source)
    return out
