"""Last year's input beside this year's: its targets met or not, its problems rectified (整改), its
wordings to avoid."""
from __future__ import annotations

from typing import Any

from ..facts import Fact, Info, Item, LastYear, Report, achieved, format_number
from ..schema import InputFile
from .context import Context, sentence_body


def read_last_year(last: Report | None, info: Info, model: InputFile, themes, ctx: Context,
               problems: tuple = (), echoes: dict | None = None) -> LastYear | None:
    """Check last year's report against this one and carry what part one answers; warn on what the clerk
    has still to say (a target without this year's figure, a missed target, a problem not marked)."""
    _warn_told_twice(model, themes, echoes or {}, ctx)
    if model.rectify and last is None:   # no file of last year's: the 整改 as the clerk names it (龙井乡, a fresh
        return _rectified_alone(model, info, ctx)   # input: a township's 整改 was left out for want of one)
    if last is None:
        said = (echoes or {}).get("上年整改的说法")
        if info.tier == "镇" and said and not model.rectify and not _rectification_told(themes, said):
            ctx.warn(("报告",), RECTIFY_UNTOLD.format(做法=said["做法"], 指标=said["指标"]))
        return None
    where = ("报告", "上年")
    if last.info.year != info.year - 1:
        ctx.error(where, f"“上年”的文件是 {last.info.year} 年的，本报告是 {info.year} 年，应为 {info.year - 1} 年的输入文件。")
    if last.info.unit != info.unit:
        ctx.error(where, f"“上年”的文件是“{last.info.unit}”的，本报告是“{info.unit}”。请给出本单位去年的输入文件。")
    now = {(f.metric.key, f.params): f for t in themes for f in t.facts if f.metric}
    for target in last.targets:
        if target.metric is None:
            continue
        fact = now.get((target.metric.key, target.params))
        if fact is None:
            ctx.warn(where, f"去年定的目标“{target.key}: {format_number(target.amount)}”今年没有对应的数字，"
                            f"报告里没有写完成情况。请在“亮点”下填写今年的“{target.key}”。")
            continue
        got = achieved(target, fact)
        better = target.metric.better(target.amount, got) if got != target.amount else True
        if better is False and not _covered(target, problems, echoes or {}):
            ctx.warn(where, f"去年定的目标“{target.key}: {format_number(target.amount)}”没有完成（今年 "
                            f"{format_number(got)}）。报告里写明了差距；建议把它作为一条“问题”写进第二部分。")
    done: list = []
    ongoing: list = []
    named: set = set()
    notes: list = []
    for status, entries in model.rectify.items():
        for i, entry in enumerate(entries):
            name, note = _rectified(entry, status, ("整改", status, i), ctx)
            item = _find_problem(last.problems, name)
            if item is None:
                options = "、".join(p.called for p in last.problems)
                ctx.error(("整改", status, i), f"去年的问题里没有“{name}”。去年查摆的是：{options}。")
                continue
            (done if status == "已完成" else ongoing).append(item)
            named.add(id(item))
            if note:
                notes.append((id(item), note))
    missing = [p.called for p in last.problems if id(p) not in named]
    if missing:
        ctx.warn(("整改",), f"去年查摆的问题还没有写整改情况：{'、'.join(missing)}。请在“整改”下写明“已完成”或"
                          "“持续推进”。")
    return LastYear(year=last.info.year, source="上年", targets=last.targets, problems=last.problems,
                    done=tuple(done), ongoing=tuple(ongoing), notes=tuple(notes), report=last)


# A 整改 note that shares this share of its content pairs with a case of part one, and at least TOLD_LEAST of them,
# tells the same deed (对岩口村选派第一书记、重选支部书记，年底通过县委组织部验收 and the case 岩口村……派了一名副乡长
# 任第一书记，重新选了支部书记: 7 of 21, 6 without 年底; 龙井乡, 57th blind reading, 说了三遍). A village's name and
# a date alone (岩口, 口村, 年底) are fewer: another deed in the same village is not one.
TOLD_TWICE = 0.25
TOLD_LEAST = 5


def _warn_told_twice(model: InputFile, themes, echoes: dict, ctx: Context) -> None:
    """Warn at a 整改 entry whose how or how far tells a case of part one again: the draft would say one deed
    twice (with or without last year's file: the entry's own line either way)."""
    from ..compose.overlap import Matcher

    match = Matcher(echoes)
    cases = [c for t in themes for c in t.cases]
    for status, entries in model.rectify.items():
        for i, entry in enumerate(entries):
            note = "" if isinstance(entry, str) else entry.how or entry.progress or ""
            own = match.pairs(note)
            case = next((c for c in cases if len(own & match.pairs(c)) >= max(TOLD_LEAST, TOLD_TWICE * len(own))),
                        None)
            if note and case is not None:
                ctx.warn(("整改", status, i), f"“整改”里写的“{note[:16]}……”和亮点的事例“{case[:16]}……”说的是同一件事，"
                                            "报告里会说两遍。请在一处详写，另一处只写结果（如“已整改到位”“通过验收”）。")


def _rectified_alone(model: InputFile, info: Info, ctx: Context) -> LastYear:
    """Last year's problems as the 整改 entries name them, where there is no file of last year's to find them in:
    each named in the clerk's words, done or in hand, with how."""
    done: list = []
    ongoing: list = []
    notes: list = []
    for status, entries in model.rectify.items():
        for i, entry in enumerate(entries):
            where = ("整改", status, i)
            name, note = _rectified(entry, status, where, ctx)
            item = Item(kind=None, text=sentence_body(name, where, ctx).rstrip("。"), theme=None, path=where)
            (done if status == "已完成" else ongoing).append(item)
            if note:
                notes.append((id(item), note))
    return LastYear(year=info.year - 1, source="整改", targets=(), problems=(*done, *ongoing), done=tuple(done),
                    ongoing=tuple(ongoing), notes=tuple(notes))


# 上年度述职评议指出的问题整改得怎样，审读镇、乡、街道书记的述职必看（第五十二次盲读：五份生成稿都没有，真实的
# 镇级报告三份写了）：输入里哪儿都没说时提醒文书，说清楚写在哪里。村、社区一批二十来份，各份都提醒就成了噪声，不提醒。
# (呼应.yaml → 上年整改的说法 names the practice, the figure and the words)
RECTIFY_UNTOLD = ("报告里没有写上年度述职评议指出的问题整改得怎样（审读时要看）：在“整改”下写明“已完成”或“持续推进”"
                  "（有去年的输入文件，再写 上年: 去年的文件.yaml，问题名称就从去年的文件里对照）；或在 亮点 → 责任落实 → 做法 里加“{做法}”，"
                  "并写 {指标}: 件数，或在“事例”里写一句怎么改的。")


def _rectification_told(themes, said: dict) -> bool:
    """Whether part one says anything of last year's review put right: the practice, its figure, or a case."""
    words = tuple(said.get("字词") or ())
    for t in themes:
        if any(f.metric is not None and f.metric.key == said.get("指标") for f in t.facts):
            return True
        if any(d.practice is not None and d.practice.key == said.get("做法") for d in t.practices):
            return True
        if any(w in text for text in [*t.cases, *(d.text or "" for d in t.practices)] for w in words):
            return True
    return False


def _covered(target: Fact, problems, echoes: dict) -> bool:
    """Whether one of this year's problems already speaks of a missed target (集体经济薄弱 for 村集体经济收入):
    the test compose uses for one fact said once (overlap.Matcher: the name, a declared term, or two content
    pairs of the name). Then the missed target is not warned of again."""
    from ..compose.overlap import Matcher

    metric = target.metric
    if metric is None:
        return False
    match = Matcher(echoes)
    said = ["".join(filter(None, (p.kind, p.text, p.detail, p.name))) for p in problems]
    return any(match.entry_told((*metric.aliases, *metric.terms), metric.key, text) for text in said)


def _rectified(entry: Any, status: str, where: tuple, ctx: Context) -> tuple[str, str | None]:
    """(the problem's name, the clerk's words on how it was fixed or how far it is) of one 整改 entry."""
    if isinstance(entry, str):
        return entry, None
    told = {"做法": entry.how, "进展": entry.progress}
    said = "做法" if status == "已完成" else "进展"
    other = "进展" if said == "做法" else "做法"
    if told[other]:
        ctx.warn(where, f"“{status}”下写“{said}”：{'怎么整改的' if said == '做法' else '做到了哪一步、还差什么'}。"
                        f"这一条写的是“{other}”，已按“{said}”写进报告。")
    note = told[said] or told[other]
    return entry.problem, sentence_body(note, where + (said,), ctx) if note else None


def _find_problem(problems: tuple[Item, ...], name: str) -> Item | None:
    name = name.strip()
    for item in problems:
        if name and (name == item.kind or (item.text and (item.text.startswith(name) or name in item.text))):
            return item
    return None
