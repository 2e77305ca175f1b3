"""The clerk's figures read against the catalogue: each known metric's unit, bounds and parameters
(集体经济收入超{门槛}万元的村), the figures the catalogue does not know (其他), and next year's targets."""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..advice import leave_out, worded
from ..catalogue import AIMS, Catalogue, Metric, levels_text, tier
from ..facts import Fact, ThemeFacts, format_number
from .context import Context, own_unit

_NUMBER_WITH_UNIT = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*([^\d\s]*)\s*$")


_PLACEHOLDER = re.compile(r"^[\sXx×＊*某]+$")


_CHINESE_NUMERAL = re.compile(r"^[零一二两三四五六七八九十百千万亿]+")


# The example a starter file shows in its comments: a clerk who uncomments it must not see it as a fact.
STARTER_EXAMPLES = {("建成党员活动阵地", 3, "个")}


def facts_block(raw: Any, path: tuple, theme: str, cat: Catalogue, ctx: Context) -> tuple[Fact, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, Mapping):
        ctx.error(path, "这里应逐行写“指标: 数字”。")
        return ()
    facts: list[Fact] = []
    seen: dict[tuple[str, tuple], str] = {}
    for key, value in raw.items():
        key = str(key)
        where = path + (key,)
        hit = cat.lookup(theme, key)
        elsewhere = cat.lookup_any(key) if hit is None and theme != "基本情况" else None
        if elsewhere is not None:   # 发展党员 under 党员队伍: it belongs under 组织建设, say so
            owner = elsewhere[0].theme
            ctx.error(where, f"“{key}”属于“{owner}”，不属于“{theme}”。请把这一行移到 亮点 → {owner} 下面。")
            continue
        if hit is None:
            written = _NUMBER_WITH_UNIT.match(value) if isinstance(value, str) else None
            suggestions = cat.suggestions(key, theme, unit=written.group(2) if written and written.group(2) else None)
            hint = f"您是不是想写“{'”或“'.join(suggestions)}”？" if suggestions else ""
            ctx.error(where, f"“{theme}”下没有“{key}”这个指标。{hint}用 gen-report metrics {theme} "
                             "查看可写的指标；目录里没有的数据请写在“其他”下（名称、数值、单位）。")
            continue
        metric, params = hit
        if ctx.level and ctx.level not in metric.levels:
            if ctx.tier == "村" and not any(tier(lv) == "村" for lv in metric.levels):
                why = (f"{ctx.level}级报告由书记本人述职，说的是本{ctx.level}的事；"
                       if "书记" in metric.key or "村" in metric.key else "这是镇里统筹的工作；")
                ctx.error(where, worded(f"“{key}”只适用于{levels_text(metric.levels)}的报告。{why}",
                                        leave_out("请"), f"，或把{own_unit(ctx)}的情况写成一个做法或事例。"))
            else:
                ctx.error(where, worded(f"“{key}”只适用于{levels_text(metric.levels)}的报告，",
                                        leave_out(f"{ctx.level}的报告请"), "。"))
            continue
        ident = (metric.key, tuple(sorted(params.items())))
        if ident in seen:
            ctx.error(where, f"“{key}”与前面的“{seen[ident]}”是同一个指标，请只写一次。")
            continue
        seen[ident] = key
        fact = _fact(key, value, metric, params, where, cat, ctx)
        if fact is not None:
            facts.append(fact)
    return tuple(facts)


def _fact(key: str, value: Any, metric: Metric, params: dict, where: tuple, cat: Catalogue,
          ctx: Context, allow_change: bool = True) -> Fact | None:
    if value is None or value == "":
        ctx.warn(where, worded(f"“{key}”没有填写数值，已跳过。", leave_out("不需要的话请"), "。"))
        return None
    params_t = tuple(sorted(params.items()))
    if isinstance(value, Mapping) and not allow_change and len(value) == 1 and next(iter(value)) in AIMS:
        # a target that says its kind: {达到: 1500} (a level to reach) or {新增: 100} (an amount to add)
        aim, amount = next(iter(value.items()))
        number = _number(amount, metric.unit, where + (aim,), cat, ctx, metric=metric)
        return None if number is None else Fact(key, metric.unit, value=number, metric=metric, params=params_t,
                                                path=where, aim=aim)
    if isinstance(value, Mapping) and not allow_change:
        ctx.error(where, f"目标写一个数，或写成 {{达到: 数}}（一年后要达到的总数）、{{新增: 数}}（一年里新增多少）。"
                         f"“{key}”只写数时，按“{metric.aim}”理解。")
        return None
    if isinstance(value, Mapping) and allow_change:
        if set(value) != {"从", "到"}:
            ctx.error(where, "写变化时请用 {从: 原来的数, 到: 现在的数} 的形式。")
            return None
        if not metric.change_phrases:
            ctx.error(where, f"“{key}”不支持“从…到…”的写法，请只写现在的数值。")
            return None
        before = _number(value["从"], metric.unit, where + ("从",), cat, ctx)
        after = _number(value["到"], metric.unit, where + ("到",), cat, ctx)
        if before is None or after is None:
            return None
        if before == after:
            ctx.error(where, "“从”和“到”的数值相同，没有变化。请只写一个数值。")
            return None
        fact = Fact(key, metric.unit, before=before, after=after, metric=metric, params=params_t, path=where)
        if allow_change and where[0] == "亮点" and fact.good is False:
            ctx.warn(where, f"“{key}”从 {format_number(before)} 变为 {format_number(after)}，是往不好的方向变了。"
                            "报告里只平铺直叙地写这个数字，不写成绩；建议把它写进“问题”，说明原因和打算。")
        return fact
    unit = _written_unit(value, metric, cat)
    number = _number(value, unit, where, cat, ctx, metric=metric)
    if number is None:
        return None
    fact = Fact(key, unit, value=number, metric=metric, params=params_t, path=where)
    if allow_change and where[0] == "亮点" and number == 0:
        ctx.warn(where, worded(f"“{key}”是 0。零不是亮点：报告里不写成成绩；如果这是一项短板，请写进“问题”，",
                               leave_out("不需要的话"), "。"))
    return fact


def _written_unit(value: Any, metric: Metric, cat: Catalogue) -> str:
    """The unit a figure counts in: the catalogue's, or another the metric accepts (民主评议党员: 2次)."""
    if isinstance(value, str):
        m = _NUMBER_WITH_UNIT.match(value)
        if m and m.group(2):
            return cat.unit_for(metric, m.group(2)) or metric.unit
    return metric.unit


def _number(value: Any, unit: str, where: tuple, cat: Catalogue, ctx: Context,
            metric: Metric | None = None) -> int | float | None:
    """Parse a figure: a number, or a number followed by the catalogue's unit (`12名`, `12起` for 件)."""
    spec = cat.units[unit]
    if isinstance(value, bool) or isinstance(value, (list, dict)) or value is None:
        ctx.error(where, f"应填写一个数字（单位：{unit}），例如 12。")
        return None
    if isinstance(value, str):
        text = value.strip()
        if _PLACEHOLDER.match(text):
            ctx.error(where, worded(f"数值还是占位符“{text}”，请填写实际数字；", leave_out("没有这项数据就"), "。"))
            return None
        if _CHINESE_NUMERAL.match(text):
            ctx.error(where, f"“{text}”请用阿拉伯数字填写，例如 12。")
            return None
        m = _NUMBER_WITH_UNIT.match(text)
        if not m:
            ctx.error(where, f"“{text}”不是一个数字。请只写数字（单位：{unit}），例如 12。")
            return None
        if m.group(2) and m.group(2) != unit and cat.unit_aliases.get(m.group(2)) != unit:
            others = "、".join(u for u, _ in metric.other_units) if metric and metric.other_units else ""
            also = f"（也可以写“{others}”）" if others else ""
            ctx.error(where, f"单位应为“{unit}”{also}，这里写的是“{m.group(2)}”。请只写数字，单位会自动加上。")
            return None
        value = float(m.group(1)) if "." in m.group(1) else int(m.group(1))
    if value != value or value in (float("inf"), float("-inf")):
        ctx.error(where, "不是一个有效的数字。")
        return None
    if value < 0:
        ctx.error(where, f"数值不能是负数（现在是 {format_number(value)}）。")
        return None
    if spec.integer:
        if isinstance(value, float) and not value.is_integer():
            ctx.error(where, f"“{unit}”只能是整数，现在是 {format_number(value)}。")
            return None
        value = int(value)
    if value > spec.maximum:
        ctx.error(where, f"数值 {format_number(value)}{unit} 大得不合常理（上限 {format_number(spec.maximum)}），"
                         "请核对是否多打了零。")
        return None
    if value < spec.minimum:
        ctx.error(where, f"数值 {format_number(value)}{unit} 小得不合常理（下限 {format_number(spec.minimum)}），"
                         "请核对。")
        return None
    return value


def free_facts(raw: Any, path: tuple, ctx: Context) -> tuple[Fact, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        ctx.error(path, "“其他”应为列表，每项写 {名称: …, 数值: …, 单位: …}。")
        return ()
    out = []
    for i, entry in enumerate(raw):
        where = path + (i,)
        if not isinstance(entry, Mapping) or set(entry) - {"名称", "数值", "单位"} \
                or not {"名称", "数值", "单位"} <= set(entry):
            ctx.error(where, "每项应写成 {名称: 建成党员活动阵地, 数值: 3, 单位: 个}，三项都要有。")
            continue
        name, value, unit = entry["名称"], entry["数值"], entry["单位"]
        if not isinstance(name, str) or not name.strip() or not isinstance(unit, str) or not unit.strip() \
                or re.search(r"\d", unit):
            ctx.error(where, "“名称”和“单位”应是文字，单位里不要写数字。")
            continue
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0 or value > 1e9:
            ctx.error(where + ("数值",), "“数值”应是一个不小于 0 的阿拉伯数字。")
            continue
        if (name.strip(), value, unit.strip()) in STARTER_EXAMPLES:
            ctx.error(where, worded("这一项是填写模板里的示例，不是您单位的数据。请改成实际的名称、数值和单位，",
                                    leave_out("没有的话"), "。"))
            continue
        out.append(Fact(name.strip(), unit.strip(), value=value, name=name.strip(), path=where))
    return tuple(out)


def read_targets(raw: Any, cat: Catalogue, ctx: Context) -> tuple[Fact, ...]:
    if not isinstance(raw, Mapping):
        return ()
    out = list(free_facts(raw.get("其他"), ("措施", "目标", "其他"), ctx))
    for key, value in raw.items():
        key = str(key)
        if key == "其他":
            continue
        where = ("措施", "目标", key)
        hit = cat.lookup_any(key)
        if hit is None:
            suggestions = cat.suggestions(key)
            hint = f"您是不是想写“{'”或“'.join(suggestions)}”？" if suggestions else ""
            ctx.error(where, f"目标“{key}”不在指标目录里。{hint}用 gen-report metrics 查看可写的指标。")
            continue
        metric, params = hit
        if ctx.level and ctx.level not in metric.levels:
            ctx.error(where, worded(f"目标“{key}”只适用于{levels_text(metric.levels)}的报告，", leave_out("请"), "。"))
            continue
        fact = _fact(key, value, metric, params, where, cat, ctx, allow_change=False)
        if fact is not None:
            out.append(fact)
    return tuple(out)


def warn_targets(themes: tuple[ThemeFacts, ...], targets: tuple[Fact, ...], ctx: Context,
                 wanting: Mapping[str, str] | None = None) -> None:
    """`wanting`: the words of the plans the clerk's problems call for (a kind's 事项词, an own problem's
    text), each with the problem's name: a year's amount planned below this year's is questioned only where
    a problem asks for more of it (党员队伍老化 and 发展党员 10 after 12: 48th blind reading)."""
    current = {(f.metric.key, f.params): f for t in themes for f in t.facts if f.metric}
    for target in targets:
        if target.metric is None:
            continue
        pool = current.get((target.metric.cap, ())) if target.metric.cap else None
        if pool is not None and not pool.is_change and target.value is not None and pool.value is not None \
                and target.value > pool.value:   # 发展党员 next year come from this year's 入党积极分子
            ctx.warn(("措施", "目标", target.key),
                     f"目标“{target.key}: {format_number(target.value)}”多于今年的“{target.metric.cap}”"
                     f"（{format_number(pool.value)}），明年能发展的一般出自今年已有的{target.metric.cap}，请核对。")
        now = current.get((target.metric.key, target.params))
        if now is None:
            continue
        if (target.aim or target.metric.aim) == "新增":   # an amount to add next year is no level to reach …
            names = (target.metric.key, *target.metric.aliases)
            asking = next((name for word, name in (wanting or {}).items() if any(n in word for n in names)), None)
            if asking and target.value is not None and now.value is not None and not now.is_change \
                    and target.value < now.value:
                ctx.warn(("措施", "目标", target.key),
                         f"目标“{target.key}: {format_number(target.value)}”比今年的 {format_number(now.value)} 少，"
                         f"而“问题”里写了“{asking}”：读的人会问明年为什么反倒少了。请核对，或在“事项”里写明缘由。")
            continue   # … only where a problem asks for more of it
        reached = now.after if now.is_change else now.value
        cap = target.metric.rise_cap
        if cap and target.value is not None and reached and target.value > reached * (1 + cap / 100):
            ctx.warn(("措施", "目标", target.key),
                     f"目标“{target.key}: {format_number(target.value)}”比今年的 {format_number(reached)} 高出"
                     f"{round((target.value / reached - 1) * 100)}%，读的人会问靠什么实现。请核对，或在“事项”里写明"
                     "增收的项目。")
        # only where more is better (方向: 升): a lower 平均年龄 or 六十岁以上党员 is the aim, not a slip; a
        # figure given as this year's change (10.3→12.3) is compared with where it ended (高崖村 aimed at 12)
        if target.value is not None and reached is not None and target.value < reached \
                and target.metric.direction == "升":
            ctx.warn(("措施", "目标", target.key),
                     f"目标“{target.key}: {format_number(target.value)}”低于今年已达到的 "
                     f"{format_number(reached)}，请核对。")
