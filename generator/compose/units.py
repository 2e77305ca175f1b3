"""What an item of part one says, as units: a confirmed practice carrying the figures of its metrics, a
group of the remaining figures (related figures in one clause), the figures that must not be celebrated,
a case. One fact, said once: what the clerk's own words (事例, 自述) already say is not said again in the
catalogue's words, and the clerk's span records what it covers. Planned first, by matching alone (`plan_units`:
steps with no text), then worded (`word_steps`)."""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from dataclasses import dataclass, field

from ..bank import Bank
from ..facts import Done, Fact, ThemeFacts, quantity
from ..model import Source, Span
from .choose import Choose
from .habits import doubled
from .text import NAMED, figure_spans

FIGURES_PER_SENTENCE = 3


# The author's lead-in before figures (一年来，) at most this often in a draft and once a paragraph: three
# 一年来 in one item read as a tic (a blind reader counted them).
MAX_FIGURE_LEADS = 3


@dataclass
class Unit:
    """One thing an item says: a practice (with its figures), a group of figures, or a case."""

    kind: str                       # practice | figures | plain | overview | target | case | point (a case's head, listed)
    spans: list[Span] = field(default_factory=list)   # without the final full stop
    head: int = 0                   # a case's first spans that are not the clerk's words: the figures and
                                    # practices it tells of, each a sentence said just before it

    def told_before(self) -> list[list[Span]]:
        """A case's head as its sentences (each without its full stop)."""
        out: list[list[Span]] = [[]]
        for x in self.spans[:self.head]:
            if x.text == "。" and not x.source:
                out.append([])
            else:
                out[-1].append(x)
        return [sentence for sentence in out if sentence]

    @property
    def says_practice(self) -> bool:
        """Whether it words a confirmed practice (a case may open with the practice it is about)."""
        return any(x.source.startswith("做法:") for x in self.spans)


@dataclass(frozen=True)
class Step:
    """One unit of an item as planned, before any word of it: what it says (a practice with the figures it
    carries, a group of figures, a case with what it tells of), never how."""

    kind: str                                   # overview | practice | figures | plain | case
    facts: tuple[Fact, ...] = ()                # the figures it says (a case's: those it tells of)
    done: Done | None = None                    # the practice (a case's: none)
    carried: Fact | None = None                 # the figure a practice's own wording says
    dones: tuple[tuple[Done, tuple[str, ...]], ...] = ()   # a case's practices, said just before it, each with
    #                                             what it covers (the clerk's own practice: what its words say)
    case: str = ""                              # the clerk's case, verbatim
    where: str = ""                             # the case's source
    covers: tuple[str, ...] = ()                # what the clerk's words (the case, an own practice) cover


def plan_units(tf: ThemeFacts, pick: Choose) -> tuple[list[Step], bool]:
    """Return the steps of one theme and whether any figure must not be celebrated.

    One fact, said once: the clerk's own words in the theme (事例, 自述 practices) come first. A figure they
    already state (46场 in the case of the 46 talks) and a confirmed practice they carry out (订单农业 beside the
    case of the supermarket contract) are not said again in the catalogue's words; the clerk's span records
    that it covers them. A zero is left out (validate warns of it): no writer lists what did not happen.
    Matching only: no word is chosen here."""
    theme = tf.theme
    kept_facts, practices, covers = said_by_the_clerk(tf, pick.match, brand=pick.ctx.get("品牌") or "")
    steps: list[Step] = []
    # the unit's 家底, for an author who states it here rather than in the opening (compose.placed_overview):
    # one sentence of its own, with the unit's scope (全镇共有村党组织19个，现有党员847名)
    base = [f for f in kept_facts if f.path[:1] == ("基本情况",)]
    if base:
        kept_facts = [f for f in kept_facts if f.path[:1] != ("基本情况",)]
        steps.append(Step("overview", facts=tuple(pick.author.overview_order(base))))
    claimed: set[int] = set()
    good = [f for f in kept_facts if f.good is not False]
    bad_facts = [f for f in kept_facts if f.good is False]
    owner = _owners(tuple(practices), good, pick.match)
    # the clerk's own practice that a case of theirs is an instance of (公示栏里公开 and the case of the bills
    # put up at the door) goes with the case, just before it: apart, a blind reader read 公示 said twice
    # … and so does a confirmed practice of the catalogue that the case is about (党支部领办合作社 and the
    # case of what the cooperative bought: worded after it, at the end, it read as a second telling)
    instance = {i: [d for d in practices if not any(owner.get(id(f)) is d for f in good)
                    and (pick.match.shared(d.called, case) if d.practice is None
                         else pick.match.about(d.called, case))] for i, case in enumerate(tf.cases)}
    with_case = {id(d) for ds in instance.values() for d in ds}
    # a practice with no figure of its own that another practice's figure counts (先锋岗 by 党员先锋岗9个) is
    # said by that figure: practice → the practice that says it
    said_by = {id(d): by for d in practices if id(d) not in with_case and not any(owner.get(id(f)) is d for f in good)
               and (by := _counted_by(d, good, owner)) is not None}
    for done in practices:
        if id(done) in with_case or id(done) in said_by:
            continue
        mine = [f for f in good if owner.get(id(f)) is done]
        claimed.update(id(f) for f in mine)
        practice = done.practice
        carried = None
        if practice is not None:   # a wording that says the figure itself: 推行发展党员全程纪实，全年发展党员3名
            carried = next((f for f in mine if not f.is_change and f.metric is not None
                            and practice.figure_phrases(f.metric.key)), None)
        own = tuple(covers.get(Source.of("原文", done.path), ())) if practice is None else \
            tuple(Source.of("做法", d.path) for d in practices if said_by.get(id(d)) is done)
        steps.append(Step("practice", facts=tuple(f for f in mine if f is not carried), done=done,
                          carried=carried, covers=own))
    rest = [f for f in good if id(f) not in claimed]
    # a figure about what a case tells (在职党员报到158名 and the case of the members who took on the stairwells)
    # is said with the case, just before it: apart, at the end of the item, it read as the same fact twice
    beside = {i: [f for f in rest if f.metric is not None and not f.is_change
                  and pick.match.entry_told((*f.metric.terms, *f.metric.aliases), f.metric.key, case)]
              for i, case in enumerate(tf.cases)}
    taken = {id(f) for fs in beside.values() for f in fs}
    for chunk in _clauses([f for f in rest if id(f) not in taken], pick.match):
        steps.append(Step("figures", facts=tuple(chunk)))
    if bad_facts:  # stated plainly, on their own, never as a result
        steps.append(Step("plain", facts=tuple(bad_facts)))
    placed: set[int] = set()
    for i, case in enumerate(tf.cases):
        where = f"原文:亮点.{theme}.事例.{i}"
        mine = [f for f in beside[i] if id(f) not in placed]
        placed.update(id(f) for f in mine)
        dones = [d for d in instance[i] if id(d) not in placed]
        placed.update(id(d) for d in dones)
        told = tuple((d, tuple(covers.get(Source.of("原文", d.path), ())) if d.practice is None else ())
                     for d in dones)
        steps.append(Step("case", facts=tuple(mine), dones=told, case=case, where=where,
                          covers=tuple(covers[where])))
    return steps, bool(bad_facts)


def word_steps(steps: list[Step], theme: str, bank: Bank, pick: Choose, ctx: dict) -> list[Unit]:
    """The steps of one theme worded as units, in their order (the order the picks are made in)."""
    units: list[Unit] = []
    for step in steps:
        if step.kind == "overview":
            spans = figure_spans(list(step.facts), bank, pick, ctx)
            scope = ctx.get("全域") or ""
            if scope and not spans[0].text.startswith(scope):
                spans.insert(0, Span(scope, source="词库:称谓/全域"))
            units.append(Unit("overview", spans))
        elif step.kind == "practice":
            units.append(Unit("practice", _practice_spans(step, theme, bank, pick, ctx)))
        elif step.kind in ("figures", "plain"):
            units.append(Unit(step.kind, figure_spans(list(step.facts), bank, pick, ctx)))
        else:
            lead = [*figure_spans(list(step.facts), bank, pick, ctx), Span("。")] if step.facts else []
            for done, covered in step.dones:
                lead += [practice_span(done, theme, pick, ctx, covered), Span("。")]
            units.append(Unit("case", [*lead, Span(step.case, source=step.where, covers=step.covers)],
                              head=len(lead)))
    return units


def _practice_spans(step: Step, theme: str, bank: Bank, pick: Choose, ctx: dict) -> list[Span]:
    """A confirmed practice with its figures: its own wording of the figure it carries, or its wording and
    then the figures (with the author's lead-in before them where they name no scope)."""
    done, mine = step.done, list(step.facts)
    assert done is not None
    if done.practice is None:
        spans = [practice_span(done, theme, pick, ctx, step.covers)]
    elif step.carried is not None:
        spans = _carrying(done, step.carried, theme, pick, ctx)
        spans[0] = Span(spans[0].text, source=spans[0].source, covers=step.covers)
    else:
        names = tuple(n for f in mine if f.metric is not None
                      for n in (f.metric.key, *f.metric.aliases) if len(n) >= NAMED)
        spans = [practice_span(done, theme, pick, ctx, step.covers, unnamed=names)]
    if mine:
        spans.append(Span("，"))
        figures = figure_spans(mine, bank, pick, ctx, after="".join(x.text for x in spans))
        if not says_scope(figures, ctx):
            lead_in = figure_lead(bank, pick, "做法数字引语", theme,
                                  done.practice.key if done.practice else done.text,
                                  not_in="".join(x.text for x in spans))
            if lead_in:
                spans.append(Span(lead_in, source="词库:亮点/做法数字引语"))
        spans += figures
    return spans


def said_by_the_clerk(tf: ThemeFacts, match, brand: str = "") -> tuple[list[Fact], list[Done], dict[str, list[str]]]:
    """The theme's figures and practices left to word once the clerk's own words (事例, 自述) have said what
    they say, and what each of those words covers. A zero is left out (validate warns of it); a figure that
    must not be celebrated is kept, to be stated plainly. `brand`: the unit's brand, whose name in a case tells
    a practice about the brand (关键词 品牌): 结合本地特点培育党建品牌 before “草原红帆”服务队跑了140多户 said it twice."""
    theme = tf.theme
    own = [(Source.of("原文", d.path), d.text) for d in tf.practices if d.practice is None]
    told = own + [(f"原文:亮点.{theme}.事例.{i}", c) for i, c in enumerate(tf.cases)]
    covers: dict[str, list[str]] = {where: [] for where, _ in told}

    def teller(test) -> str | None:
        return next((where for where, text in told if test(text)), None)

    kept_facts = []
    for f in (f for f in tf.facts if f.is_change or f.value != 0):
        where = teller(lambda text: match.figure_told(f, text, f.metric.terms if f.metric else ()))
        if where is None or f.good is False:
            kept_facts.append(f)
        else:
            covers[where].append(Source.of("指标", f.path))
    practices = []
    for done in tf.practices:
        p = done.practice
        named = (brand.strip("“”"),) if brand and p is not None and "品牌" in p.terms else ()
        where = None if p is None else teller(lambda text: match.entry_told((*p.terms, *p.aliases, *named), p.key, text))
        if where is None:
            practices.append(done)
        else:
            covers[where].append(Source.of("做法", done.path))
    return kept_facts, practices, covers


def _clauses(facts: list[Fact], match) -> list[list[Fact]]:
    """Group figures into clauses by meaning: a figure joins a clause only beside a figure it is related to
    (12345 工单 and their on-time rate; 网格 and 网格员), at most FIGURES_PER_SENTENCE a clause — never two
    unrelated figures in one clause because they are the next two fields."""
    groups: list[list[Fact]] = []
    for f in facts:
        name = figure_name(f)
        home = next((g for g in groups if len(g) < FIGURES_PER_SENTENCE
                     and any(match.related(name, figure_name(o)) for o in g)), None)
        if home is None:
            groups.append([f])
        else:
            home.append(f)
    return groups


def figure_name(fact: Fact) -> str:
    if fact.metric is None:
        return fact.name or fact.key
    return _metric_name(fact.metric)


def _metric_name(metric) -> str:
    """What a metric counts, in all its names: the key, its aliases and its 关键词 (remembered by identity:
    hashing a catalogue entry would cost more than the join)."""
    hit = _METRIC_NAMES.get(id(metric))
    if hit is None or hit[0] is not metric:
        hit = _METRIC_NAMES[id(metric)] = (metric, " ".join((metric.key, *metric.aliases, *metric.terms)))
    return hit[1]


_METRIC_NAMES: dict = {}


def _counted_by(done: Done, facts: list[Fact], owner: dict[int, Done]) -> Done | None:
    """The practice whose figure counts what a confirmed practice with no figure of its own is, by its name:
    先锋岗 beside 设岗定责 carrying 党员先锋岗9个 said 设置先锋岗9个。在村里的重点工作中设先锋岗 (北坡村 of the
    sample)."""
    p = done.practice
    if p is None:
        return None
    return next((owner[id(f)] for f in facts if owner.get(id(f)) not in (None, done)
                 and any(n in figure_name(f) for n in (p.key, *p.aliases))), None)


def _owners(practices: tuple[Done, ...], facts: list[Fact], match) -> dict[int, Done]:
    """Give each figure to the confirmed practice it belongs to most: one that can say it in its own words
    (带数说法), else one that lists its metric (fewest related metrics first), else one whose name or terms
    speak of what the figure counts (组织在职党员回社区报到 beside 在职党员报到 213名), else none."""
    out: dict[int, Done] = {}
    for fact in facts:
        if fact.metric is None:
            continue
        key = fact.metric.key
        fits = [(d, d.practice) for d in practices if d.practice is not None and key in d.practice.metrics]
        if fits:
            out[id(fact)] = min(fits, key=lambda dp: (not dp[1].figure_phrases(key), len(dp[1].metrics)))[0]
            continue
        name = figure_name(fact)
        near = [d for d in practices if d.practice is not None
                and match.entry_told(d.practice.terms, d.practice.key, name)]
        if near:
            out[id(fact)] = near[0]
    return out


def figure_lead(bank: Bank, pick: Choose, slot: str, *key, not_in: str = "") -> str:
    """A lead-in before figures (全年, 一年来，): the author's one habit, now and then, or none; the bank's
    list for a templates folder without authors."""
    author = pick.author
    if author.figure_lead is None:
        return pick.text(bank.get("亮点", slot), slot, *key, not_in=not_in)
    # after a practice's comma (做法数字引语) only a lead-in that carries no comma of its own: 共办11个，一年来，
    # 让群众… read as a clause broken in two
    mid = slot == "做法数字引语" and author.figure_lead.endswith("，")
    if not author.figure_lead or mid or author.figure_lead.strip("，") in not_in or pick.item_leads \
            or pick.figure_leads >= MAX_FIGURE_LEADS or not pick.chance(author.figure_lead_chance, slot, *key):
        return ""
    pick.item_leads += 1
    pick.figure_leads += 1
    return pick.note(author.figure_lead)


def says_scope(spans: list[Span], ctx: Mapping) -> bool:
    """Whether a figure's own wording already says where or when (全镇……, 全年……, 谈心谈话全年40人次): a
    lead-in (全年, 年内 …) before it would double it, as in 全年全镇集体经济收入…… or 全年谈心谈话全年40人次."""
    text = next((s.text for s in spans if s.text.strip("，")), "")
    scopes = [ctx.get("全域") or "", "全年", "年内", "一年来", "这一年", f"{ctx.get('年度', '')}年"]
    return any(w and w in text for w in scopes)


def _carrying(done: Done, fact: Fact, theme: str, pick: Choose, ctx: dict) -> list[Span]:
    """Word a practice with its figure inside: the practice's words traced to the practice, the figure
    (number and unit) traced to its metric."""

    mark = "\x00"
    practice, metric = done.practice, fact.metric
    if practice is None or metric is None:   # a practice carries only a catalogue practice's catalogue figure
        raise ValueError(f"{fact.key}: 不是目录里的做法和指标")
    source = pick.one(_in_voice(_modest(_apart(practice.figure_phrases(metric.key), pick), done, pick), pick),
                      "practice-figure", theme,
                      practice.key, single=fact.value == 1, voice=False)   # 1个 is not done 逐个
    pick.done_said += "；" + source
    text = pick.bank.render(source, {**ctx, "数量": mark})
    before, _, after = text.partition(mark)
    where = Source.of("做法", done.path)
    spans = [Span(pick.note(before), source=where),
             Span(quantity(fact.amount, fact.unit), source=Source.of("指标", fact.path))]
    return spans + ([Span(pick.note(after), source=where)] if after else [])


def practice_span(done: Done, theme: str, pick: Choose, ctx: dict, covers: tuple[str, ...] = (),
                  unnamed: tuple[str, ...] = ()) -> Span:
    """`unnamed`: the names of the figures that follow it, which it leaves to them where a wording can
    (扶持党员致富带头人，带着群众干 before 培养农村党员致富带头人26名 said the thing twice; with the name taken
    out of the figure, …，共26名 left a bare number hanging: 21st and 22nd blind readings)."""
    if done.practice is None:
        return Span(pick.count(pick.note(done.said)), source=Source.of("原文", done.path), covers=covers)
    options = _in_voice(_modest(_apart(done.practice.phrases, pick), done, pick), pick)
    if unnamed:
        options = _preferred(options, lambda o: not any(n in o for n in unnamed))
    text = pick.text(options, "practice", theme, done.practice.key, voice=False)
    pick.done_said += "；" + text
    return Span(text, source=Source.of("做法", done.path), covers=covers)


# Two practices of one item may be worded so they say one thing twice (支委和老党员上门调解 … 发挥老党员、
# 老干部在调解中的作用, quoted by a blind reader): a wording that shares this many content pairs (呼应.yaml)
# with the practices the item has already said gives way to one that does not, where there is one.
APART_PAIRS = 2


def _modest(options: Sequence, done: Done, pick: Choose) -> Sequence:
    """A practice the clerk's own problems say falls short (流动党员管理办法不多) is worded without claiming it
    worked (呼应.yaml → 成效词: 去向清楚、联系畅通), where such a wording exists."""
    match = pick.match
    if not pick.troubles or not match.outcome or done.practice is None \
            or not match.entry_told(done.practice.terms, done.practice.key, pick.troubles):
        return options
    return _preferred(options, lambda o: not any(w in o for w in match.outcome))


def _in_voice(options: Sequence, pick: Choose) -> Sequence:
    """A formal author's practice wordings without the few words only speech uses (作者.yaml → 语体标记 → 口语:
    乡亲们, 咱 …: 中心组…学习12次，由本地党员给乡亲们宣讲37场次 read as two voices in one sentence, twelfth blind
    reading), nor a verb said twice around 一 (冬春时节把党员集中起来学一学、议一议 under 理论武装走在前头: 马家庄村, a
    fresh input). Only these: splitting practice wordings by the whole register made two authors of one
    register meet far more often (Choose.one)."""
    hand = pick.hand
    spoken = hand.spoken if hand is not None else ()
    if not spoken or pick.author.register != "公文":
        return options
    # the same list object for the same list: Choose's per-list caches hit, and the scan is done once
    hit = _VOICED.get(id(options))
    if hit is not None and hit[0] is options and hit[1] == spoken:
        return hit[2]
    kept = _preferred(options, lambda o: not any(w in o for w in spoken) and not doubled(o))
    if len(_VOICED) < 20_000:
        _VOICED[id(options)] = (options, spoken, kept)
    return kept


_VOICED: dict = {}


def _apart(options: Sequence, pick: Choose) -> Sequence:
    if not pick.done_said:
        return options
    said, pairs = pick.match.pairs(pick.done_said), pick.match.pairs
    return _preferred(options, lambda o: len(pairs(o) & said) < APART_PAIRS)


def _preferred(options: Sequence, good) -> Sequence:
    """The wordings that pass `good` (entries that are not plain strings always do), or all of them when
    none would be left; the same list object when none is left out (Choose caches per list)."""
    kept = [o for o in options if not isinstance(o, str) or good(o)]
    return kept if kept and len(kept) < len(options) else options
