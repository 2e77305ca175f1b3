"""二、存在的问题及原因: exactly the problems and causes the clerk named — bank kinds worded from the bank, the
clerk's own words verbatim (with their 表现 when given) — each as 一是/二是…, a single one unnumbered.

A bank kind's elaboration never contradicts the year's own highlights: an entry that declares 不与亮点 words
is passed over when part one holds them (no 在急难险重任务中带头作用不明显 beside the case of the hail). When
every elaboration would contradict, the kind is said in its short form and the clerk is asked for a 表现.

A cause kind says which of the clerk's problems it accounts for (its 解释, matched against the problems'
kinds, the kinds their own words resemble, and their themes), so the causes explain the problems above them;
at most one cause of a draft stands as general self-criticism, and the clerk hears of any other.

Causes are worded so that none repeats a run of words a problem already used (a cause that restates its
problem, 重业务、轻党建 twice, reads as padding)."""
from __future__ import annotations

from collections.abc import Mapping

from ..advice import own as own_words, worded
from ..bank import Bank
from ..facts import Item, Report
from ..errors import Problem
from ..model import Block, Role, Source, Span, body
from .choose import Choose, _grams, formulations
from .conditions import clashes, fitting
from .explaining import explained, in_problem_order, left_to_causes, unexplained, unsaid
from .pairing import paired as paired_blocks, pairs_up
from .text import point_number, sentence


# How often the causes' lead-in says the causes are all the writer's own (说到底还是自身的原因) when they are:
# half the time, so the plainer 究其原因 is not pushed out of such drafts altogether.
OWN_INTRO_CHANCE = 0.5
# How often a bank problem is spelled out as 表现 + 影响 rather than one whole 展开 sentence when it has both:
# the two-part form holds most of the bank's variety (any 表现 fits any 影响), the whole sentences are few.
TWO_PART_CHANCE = 0.8


def problems(report: Report, bank: Bank, pick: Choose, ctx: dict, warnings: list[Problem]) -> tuple[list[Block], str]:
    """Return part two's blocks, and its last line (part three's opening must not echo it).

    Laid out as the author lays it out: 分列 — （一）存在的问题 and （二）产生问题的主要原因, each a list; 对应 —
    no sub-headings, each problem followed by the cause that explains it, the causes that explain no one
    problem last. A lead-in line and the closing pledge only for the authors who write them."""
    spec = bank.get("问题")
    structure = bank.get("结构")
    author = pick.author
    paired = author.part_two == "对应" and bool(report.problems) and pairs_up(report, spec["原因"])
    sides = _sides(report, spec["原因"], pick) if author.part_two == "主客" else None
    pick.layout["二"] = ("对应" if paired else "主客" if sides else "分列") + ("" if paired or author.sub_heads else "/无题")
    said: set[str] = set()
    forms: set[str] = set()
    # a cause tied back to the problems it explains (…上的短板，根子多在这里): once a draft at most, from the
    # authors who tie at all; after every cause it reads as a formula (blind reading)
    ties = [1 if author.cause_links else 0]
    problem_blocks: list[Block] = []
    if report.problems:
        problem_blocks = _items(report, report.problems, spec["问题"], bank, pick, "problem", said, warnings,
                                said_forms=forms, paired=paired)
    else:
        warnings.append(Problem("没有填写“问题”，第二部分标出了【待补充：存在的问题】。", path=("问题",)))
        problem_blocks = [body(Span("【待补充：存在的问题（在“问题”下填写）】", missing=True, source="待补充:问题"))]
    cause_blocks: list[Block] = []
    if sides:   # 主观 and 客观 causes, each side numbered on its own under its lead-in
        cause_blocks = _side_blocks(report, sides, spec, bank, pick, said, warnings, forms, ties)
    elif report.causes:
        causes = report.causes if paired else in_problem_order(report, spec["原因"])
        cause_blocks = _items(report, causes, spec["原因"], bank, pick, "cause", said, warnings,
                              link=not paired, said_forms=forms, ties=ties)
    else:
        warnings.append(Problem("没有填写“原因”，第二部分标出了【待补充：产生问题的主要原因】。", path=("原因",)))
        cause_blocks = [body(Span("【待补充：产生问题的主要原因（在“原因”下填写）】", missing=True, source="待补充:原因"))]
    warnings += unexplained(report, spec["原因"])
    intro = bool(report.problems) and author.problem_intro
    blocks = paired_blocks(report, problem_blocks, cause_blocks, bank, pick, spec) if paired else None
    if paired and blocks is None:   # a cause that cannot be said with its problem: the causes as a set
        paired = False
        pick.layout["二"] = "分列" + ("" if author.sub_heads else "/无题")
    if paired and blocks is not None:
        if author.problem_intro:
            blocks.insert(0, body(Span(pick.text(spec["问题引语"], "problems", "intro"), source="词库:问题/问题引语")))
    else:
        heads = _pair(structure, pick) if author.sub_heads else None
        blocks = [Block(Role.HEADING2, (Span(heads[0], source="结构:小标题"),))] if heads else []
        if intro:
            blocks.append(body(Span(pick.text(spec["问题引语"], "problems", "intro"), source="词库:问题/问题引语")))
        blocks += problem_blocks
        if heads:
            blocks.append(Block(Role.HEADING2, (Span(heads[1], source="结构:小标题"),)))
        # without sub-headings a line must say where the causes begin (产生问题的主要原因是：), as real
        # reports do; under them only the authors who write lead-ins say one
        if sides and heads is None:   # the two sides' own lead-ins follow: first say there are two
            slot = "主客引语" if bank.has("问题", "主客引语") else "原因引语"
            blocks.append(body(Span(pick.text(spec[slot], "causes", "sides"), source=f"词库:问题/{slot}")))
        elif report.causes and (heads is None or (len(report.causes) > 1 and author.problem_intro)):
            # 说到底还是自身的原因 only where no cause is a condition of the place
            own = "原因引语主观" if bank.has("问题", "原因引语主观") and _all_subjective(report, spec["原因"], pick) \
                and pick.chance(OWN_INTRO_CHANCE, "causes", "own-intro") else "原因引语"
            lead = Span(pick.text(spec[own], "causes", "intro", single=len(report.causes) < 2),
                        source=f"词库:问题/{own}")
            if author.causes_run_in and heads is None and lead.text.endswith("："):
                # 产生问题的主要原因：一是……。二是……。 one paragraph, as most real reports write it
                pick.layout["二"] += "/连写"
                cause_blocks = [body(lead, *(x for b in cause_blocks for x in b.spans))]
            else:
                blocks.append(body(lead))
        blocks += cause_blocks
    last = ""
    if author.pledge or not report.problems:
        last = pick.text(spec["收尾"], "problems", "end", single=len(report.problems) < 2)
        blocks.append(body(Span(last, source="词库:问题/收尾")))
    return blocks, last


def _side_blocks(report: Report, sides, spec, bank: Bank, pick: Choose, said, warnings, forms, ties) -> list[Block]:
    """The causes as two sides, 主观 and 客观, each numbered on its own under its lead-in."""
    author = pick.author
    cause_blocks: list[Block] = []
    runs_in = author.causes_run_in and not author.sub_heads
    pick.layout["二"] += "/连写" if runs_in else ""
    # the two lead-ins a pair (问题.yaml: the i-th of one goes with the i-th of the other); a side of one
    # cause takes no pair that introduces several (客观上的原因，主要是： over one cause: 29th blind reading)
    slots = ("主观引语", "客观引语")
    matched = len(spec[slots[0]]) == len(spec[slots[1]])
    if matched:
        fit = [i for i in range(len(spec[slots[0]]))
               if not any(len(side) < 2 and pick.match.plural_words(spec[slot][i])
                          for side, slot in zip(sides, slots))] or list(range(len(spec[slots[0]])))
        at = fit[pick.shape(len(fit), "causes", "sides")]
    run_on = runs_in or any(len(side) == 1 for side in sides)
    for side, slot in zip(sides, slots):
        options = [spec[slot][at]] if matched else spec[slot]
        lead = Span(pick.text(options, "causes", slot, single=len(side) < 2), source=f"词库:问题/{slot}")
        items = _items(report, side, spec["原因"], bank, pick, "cause", said, warnings, said_forms=forms, ties=ties)
        if run_on and lead.text.endswith("："):
            # 从主观上看：一是……。二是……。 one paragraph a side, as the authors who run causes on write
            # them; both sides where one holds a single cause (先从主观上找：, then a paragraph of half a sentence:
            # 52nd blind reading, 填空格式; 杨家庄村 of the sample read side by side), never one side of each way
            cause_blocks.append(body(lead, *(x for b in items for x in b.spans)))
        else:
            cause_blocks += [body(lead), *items]
    return cause_blocks


def _sides(report: Report, kinds, pick: Choose) -> tuple[tuple[Item, ...], tuple[Item, ...]] | None:
    """The causes as (主观, 客观), in the clerk's order within each; None unless there are both. A bank kind is
    主观 unless it says 性质: 客观; the clerk's own cause is 主观 when it speaks of the writer and the team
    (呼应.yaml → 主观标记), else a condition of the place (客观)."""
    mine = tuple(c for c in report.causes if _subjective(c, kinds, pick))
    given = tuple(c for c in report.causes if not _subjective(c, kinds, pick))
    # a 述职 looks for causes in the writer first: a 主观 paragraph shorter than the 客观 one reads as excuses
    # (one subjective cause and two objective ones, under their own lead-ins: eighth blind reading)
    return (mine, given) if mine and given and len(mine) >= len(given) else None


def _subjective(item: Item, kinds, pick: Choose) -> bool:
    """主观: a bank kind unless it says 性质: 客观; the clerk's own cause when it speaks of the writer and the
    team (呼应.yaml → 主观标记)."""
    if item.kind is not None:
        return (kinds.get(item.kind) or {}).get("性质") != "客观"
    return any(w in (item.text or "") + (item.detail or "") for w in pick.match.subjective)


def _all_subjective(report: Report, kinds, pick: Choose) -> bool:
    """Whether every cause is the writer's and the team's own (none a condition of the place)."""
    return bool(report.causes) and all(_subjective(c, kinds, pick) for c in report.causes)


def _pair(structure, pick: Choose) -> tuple[str, str]:
    """The two sub-headings, a pair of one kind for the whole draft (the n-th of each list)."""
    first, second = structure["问题小标题"], structure["原因小标题"]
    first = [first] if isinstance(first, str) else list(first)
    second = [second] if isinstance(second, str) else list(second)
    from .author import _number

    # the author's, every year; in a batch the table's turn of the wheel, so two villages of one township
    # do not head their part two alike (团结村 and 柳树沟村 of the sample: 工作中的短板 / 根子上的原因)
    if pick.pick.seat is not None:
        k = pick.pick.draw(first, "sub-headings")
    else:
        k = _number("sub-headings", pick.author.number) if pick.author.number else 0
    return first[k % len(first)], second[k % len(second)]


def problem_label(item: Item, pick: Choose) -> str | None:
    """How a measure names the clerk's own problem or cause: by the clerk's 简称; None when there is none
    (then it is referred to by its place — never by a name part two did not print, never by a cut at a
    comma). Bank-kind problems are not named: they are answered under their theme's heading."""
    return pick.count(item.name) if item.kind is None and item.name else None


def field_name(theme: str, bank: Bank, pick: Choose, beside: str = "", near: str = "") -> str:
    """A theme's short name (党员队伍建设, 产业发展), the same one all through a draft — unless the sentence
    it joins (`beside`) already says it, where another of its names reads better than the same one twice.
    `near`: what the problems it names said, whose own word is preferred the first time (作风建设 over
    党风廉政建设 after 党员干部作风还不够扎实)."""
    chosen = pick.labels.get(("field", theme))
    names = list(bank.get("亮点", "主题", theme, "短称"))
    if chosen is None:  # the first, from a place drawn for this unit, that overuses no formulation
        start = pick.pick.number("field", theme) % len(names)
        turn = names[start:] + names[:start]
        if near:
            turn.sort(key=lambda n: not pick.match.shared(n, near))
        chosen = pick.labels[("field", theme)] = next((n for n in turn if not pick.overused(n)), turn[0])
    if beside and chosen in beside:
        chosen = next((n for n in names if n not in beside), chosen)
    return pick.count(chosen)


def _items(report: Report, items: tuple[Item, ...], kinds: dict, bank: Bank, pick: Choose, slot: str,
           said: set[str], warnings: list, link: bool = True, said_forms: set | None = None,
           ties: list[int] | None = None, paired: bool = False) -> list[Block]:
    """`said`: the runs part two has said so far; `said_forms`: the problems' formulations (a cause may be
    printed in its problem's paragraph, where a formulation said twice reads as padding); `ties`: how many
    causes may still be tied back to the problems they explain (shared by the calls of one part two);
    `paired`: each problem is followed by the cause that explains it (对应)."""
    ties = [0] if ties is None else ties
    said_forms = set() if said_forms is None else said_forms
    ordinals = bank.get("结构", "序号")
    out = []
    general = 0
    named: set[str] = set()   # fields a cause above already accounts for: each is named once
    leaving = left_to_causes(report, bank.get("问题", "原因")) if slot == "problem" else {}
    for i, item in enumerate(items):
        ordinal = "" if len(items) == 1 else point_number(i, ordinals)
        where = Source.of("原文", item.path)
        if item.kind is None:
            own = item.text or ""
            pick.count(pick.note(own))
            rest = [Span(sentence(item.detail), source=where)] if item.detail else []
            out.append(body(Span(ordinal + sentence(own), lead=True, source=where), *rest))
            continue
        pick.begin_item()
        pick.said |= said
        if slot == "cause":   # a cause may stand in its problem's paragraph (对应): not its formulations either
            pick.forms |= said_forms
        answers = explained(item, report, kinds) if slot == "cause" else ()
        explains = frozenset(x for p in answers for x in (p.kind, p.theme) if x) if slot == "cause" else None
        lead, detail = _kind_wording(kinds[item.kind], report, pick, slot, item.kind, explains,
                                     _spoken_of(kinds[item.kind], answers, bank.get("问题", "问题")) if answers else (),
                                     leaving.get(id(item), ()))
        by_clerk = slot == "problem" and _told_by_own_cause(item.kind, kinds[item.kind], report, pick)
        if by_clerk:   # the clerk's own cause says how it shows (本人把精力更多放在招商和项目上 under 精力投入不足):
            # the bank's 表现 beside it said it twice in other words (21st blind reading); what it leads to is
            # still the problem's to say — with nothing after its name, 一是组织生活的内容仍不够实在。 stood
            # alone, its cause three paragraphs on (32nd: 梨花乡, 石岭镇 fresh drafts)
            # … unless the cause follows at once (对应): then the 影响 read as an empty gloss between the two
            # (党员作用发挥还不够均衡。党员队伍的整体形象还不够好。: 35th, 36th and 38th blind readings)
            detail = "" if paired else _effect(kinds[item.kind], report, pick, item.kind)
        said |= _grams(lead) | _grams(detail)
        if slot == "problem":
            said_forms.update(formulations(lead + "，" + detail))
        source = f"词库:问题/{item.kind}"
        spans = [Span(ordinal + sentence(lead), lead=True, source=source)]
        if detail:
            spans.append(Span(sentence(detail), source=source))
        elif slot == "problem" and not by_clerk:
            spec = kinds[item.kind]
            words = clashes([*(spec.get("表现") or ()), *(spec.get("影响") or ()), *(spec.get("展开") or ())], report)
            seen = "、".join(f"“{w}”" for w in words[:4])
            text, table = worded(
                f"问题“{item.kind}”的几种展开说法都和今年亮点里写的{seen or '做法、事例'}对不上（亮点说做到了的，问题里"
                f"不能再说没做到），报告里只写了一句“{lead}”。请改写成自己的话，说清具体表现：",
                own_words(item.kind, "表现", "哪些方面、什么程度"), "。")
            warnings.append(Problem(text, path=item.path, table=table))
        if slot == "cause":
            # named by the fields they lie in (党员队伍建设、集体经济上的问题), each field once: a problem's own
            # words are part two's, and a kind's name is the bank's, not the writer's
            fields = [t for t in dict.fromkeys(p.theme for p in answers if p.theme) if t not in named]
            named.update(fields)
            if fields and link and ties[0] > 0:
                ties[0] -= 1
                told = "".join(x.text for x in spans)
                near = "".join(p.text or "" for p in answers)
                aspects = "、".join(field_name(t, bank, pick, beside=told, near=near) for t in fields)
                echo = pick.text(bank.get("问题", "原因呼应"), "cause-link", item.kind, single=len(fields) < 2,
                                 extra={"方面": aspects})
                spans.append(Span(sentence(echo), source="词库:问题/原因呼应",
                                  covers=tuple(Source.of("原文", p.path) for p in answers)))
            elif report.problems and not answers:
                general += 1
                if general > 1:
                    text, table = worded(
                        f"原因“{item.kind}”说明不了填写的哪一个问题，是一条泛泛的检讨；一份报告里这样的原因至多一条。"
                        "请换成能解释某个问题的原因，或写成自己的话 ", own_words(), "。")
                    warnings.append(Problem(text, path=item.path, table=table))
        out.append(body(*spans))
    return out


def _told_by_own_cause(name: str, kind: Mapping, report: Report, pick: Choose) -> bool:
    """Whether one of the clerk's own causes speaks of this bank problem (its 关键词: 精力, 研究党建 …)."""
    words = tuple(kind.get("关键词") or ())
    return any(c.kind is None and (c.like == name or pick.match.names_any(words, c.text or ""))
               for c in report.causes)


def _spoken_of(cause: Mapping, problems, kinds: Mapping) -> tuple[str, ...]:
    """The words of a cause kind (its 解释词) that the problems it explains speak of — their text, or their
    kind's names and 关键词: 人才总量偏少…党务骨干不多 beside 发展年轻党员的力度还不够 explained nothing (34th blind
    reading), where 本地年轻人外出务工多，愿意回来的少 would have."""
    words = tuple(cause.get("解释词") or ())
    if not words:
        return ()
    said = []
    for p in problems:
        spec = kinds.get(p.kind or "") or {}
        names = spec.get("简称") or ()
        said += [p.text or "", p.detail or "", p.kind or "", *([names] if isinstance(names, str) else names),
                 *(spec.get("关键词") or ())]
    told = "；".join(said)
    return tuple(w for w in words if w in told)


def _kind_wording(kind: Mapping, report: Report, pick: Choose, slot: str, name: str,
                  explains: frozenset[str] | None = None, near: tuple[str, ...] = (),
                  leave: tuple[str, ...] = ()) -> tuple[str, str]:
    """Return (lead, elaboration) of a problem or cause kind, each part picked independently: 要点, and
    表现 + 影响 (any 表现 fits any 影响) or a whole 展开 sentence — only those that fit the year's highlights.
    The elaboration is "" when none fits. `explains`: for a cause, the kinds and themes of the problems it
    accounts for here; an entry with its own 解释 is said only for those (做群众工作的本领还有欠缺 does not
    explain why criticism at 组织生活会 stays polite)."""
    if "说法" in kind:
        wordings = kind["说法"]
        leads, whole = [w["要点"] for w in wordings], [w["展开"] for w in wordings]
    else:
        leads, whole = kind["要点"], kind.get("展开") or []
    leads, whole = _explaining(leads, explains), _explaining(whole, explains)
    leads = unsaid(leads, leave)
    # a lead may contradict the highlights too (党员在发展一线的带动作用还不够明显 beside the members' 先锋岗);
    # the kind the clerk named is said all the same, so when every lead would, any lead does
    leads = fitting(leads, report) or [o["说"] if isinstance(o, dict) else o for o in leads]
    lead = pick.text(leads, slot, name, "lead")
    # a lead that names one side of the kind (引导群众参与治理的渠道还不够宽) is spelled out only by an
    # elaboration of that side (问题.yaml → 要点 → 配): 处理群众诉求有时等上级安排 under it answered another
    # question (21st blind reading)
    pairs = _side_words(kind["要点"] if "说法" not in kind else [], lead)
    mode = pick.author.elaborate
    if mode == "简" and slot == "cause":   # the author's habit: a cause in one line
        return lead, ""
    if mode == "简":   # … but a problem at least with how it shows: three bare one-line problems read as slots
        mode = "表现"   # left unfilled (blind reading), which real reports that do it are faulted for
    hows = pick.usable(fitting(_explaining(kind.get("表现") or [], explains), report))
    sos = pick.usable(fitting(_explaining(kind.get("影响") or [], explains), report))
    whole = pick.usable(fitting(whole, report))
    if leave:   # a problem leaves to its causes what they say (explaining.left_to_causes), its side included
        hows, whole = unsaid(hows, leave), unsaid(whole, leave)
    if pairs:
        paired = [h for h in hows if any(w in h for w in pairs)], [w for w in whole if any(x in w for x in pairs)]
        if any(paired):
            hows, whole = paired
        else:   # nothing this year says that side: a lead of the whole kind instead
            general = [x for x in leads if not _side_words(kind["要点"], x)]
            lead = pick.text(general, slot, name, "lead", "whole") if general else lead
    if near:   # a cause shows itself in the words of the problem it explains, where an entry does
        hows = _speaking(hows, near)
        whole = _speaking(whole, near)
    if mode == "表现":
        sos, whole = [], [w for w in whole if w.count("，") < 2]
    if hows and sos and (not whole or pick.chance(TWO_PART_CHANCE, slot, name, "form")):
        return lead, pick.text(hows, slot, name, "how") + "，" + pick.text(sos, slot, name, "so")
    if whole:
        return lead, pick.text(whole, slot, name, "detail")
    if hows:
        return lead, pick.text(hows, slot, name, "how")
    return lead, ""


def _effect(kind: Mapping, report: Report, pick: Choose, name: str) -> str:
    """What the problem leads to (one of its 影响 that fits the year), as a sentence of its own; "" when the
    kind has none."""
    effects = pick.usable(fitting(kind.get("影响") or [], report))
    return pick.text(effects, "problem", name, "effect") if effects else ""


# A cause's elaborations narrowed to those that speak of its problem only while this many are left: fewer, and
# drafts of one township met on the same sentence, or it repeated its own lead (a batch, read in tests)
SPEAKING_LEAST = 4


def _speaking(options: list, words: tuple[str, ...]) -> list:
    """The options that say one of `words`, when there are SPEAKING_LEAST of them; else all."""
    kept = [o for o in options if any(w in (o["说"] if isinstance(o, dict) else o) for w in words)]
    return kept if len(kept) >= SPEAKING_LEAST else options


def _side_words(leads: list, lead: str) -> tuple[str, ...]:
    """The words an elaboration of `lead` must hold (its entry's 配), () for a lead of the whole kind."""
    for option in leads:
        if isinstance(option, dict) and option.get("说") == lead:
            return tuple(option.get("配") or ())
    return ()


def _explaining(options: list, explains: frozenset[str] | None) -> list:
    """The entries that may explain these problems: all but those whose own 解释 names none of them (when
    every entry would go, the list as it is). The same list object when nothing is left out."""
    if explains is None or not any(isinstance(o, dict) and o.get("解释") for o in options):
        return options
    kept = [o for o in options if not (isinstance(o, dict) and o.get("解释") and not explains & set(o["解释"]))]
    return kept or options
