"""A theme's units worded as sentences: practices one by one, figures with a framing clause or the author's
lead-in, a case as a statement of its own; an author's one connector, rarely, between two practices."""
from __future__ import annotations

import re

from ..bank import Bank
from ..model import Span
from .choose import Choose
from .text import close
from .units import Unit, figure_lead, says_scope

# An author's connector at most this often in a draft: its one habit, not a tic (同时，×4 reads as one; 此外，
# opening two items in a row was what the blind reader quoted). Real reports: about 0.34 per 1,000 characters,
# under one in a draft of 2,000.
MAX_LINKS = 1


def word_units(units: list[Unit], bank: Bank, pick: Choose, theme: str, *, frame: bool = False,
               first_case: bool = False, prefix: tuple[Span, ...] = (), lead: str = "",
               stance: str = "") -> list[Span]:
    """Word units as sentences: practices one by one (a connector only between two practices), figure groups
    with a framing clause, cases as statements. `prefix`: a lead-in clause (围绕“三联三帮”，) that opens the
    first practice's sentence (else the first sentence) in place of its own frame. `lead`: the item's heading
    or lead sentence, whose frame (在…上) the first sentence's frame does not repeat. `stance`: the stance said
    before the units, whose opening the frame does not repeat either (注重学用结合，… then 注重把学习和工作结合起来，:
    the sample batch read side by side)."""
    out: list[Span] = []
    previous = ""
    joined = 0
    # the lead-in opens the first practice where the item has one: 贯彻“三帮三带”的要求，村集体经济收入由…增加到…
    # tied a formulation to an outcome (seventeenth blind reading: 口号硬连数字)
    opens = next((i for i, u in enumerate(units) if u.says_practice), 0) if prefix else -1
    for i, unit in enumerate(units):
        head: list[Span] = []
        author = pick.author
        if i == opens:
            head = list(prefix)
            # … and within a practice that opens on its figure (村集体经济收入…增加到9.6万元。支部领办…), before
            # the practice's own words
            at = next((k for k, x in enumerate(unit.spans) if x.source.startswith("做法:")), 0)
            if at and unit.spans[0].source.startswith("指标:"):
                unit = Unit(unit.kind, [*unit.spans[:at], *head, *unit.spans[at:]])
                head = []
        elif unit.kind == "practice" and previous == "practice" and author.connector != "" \
                and pick.links < MAX_LINKS and not pick.item_links \
                and pick.chance(author.link_chance, "link", theme, i):
            pick.links += 1
            pick.item_links += 1
            links = [author.connector] if author.connector else bank.get("亮点", "衔接")
            head.append(Span(pick.text(links, "link", theme, i), source="词库:亮点/衔接"))
        elif unit.kind in ("figures", "plain") and frame and i == 0 and author.frames:
            spec = bank.get("亮点", "主题", theme)
            # a frame that claims something (坚持把规矩立在前面) only over figures that bear it out (凭据词)
            said = "".join(s.text for s in unit.spans)
            frames = pick.match.supported(spec["引出"], said) or spec["引出"]
            # 在基础工作上，在居民小区建立党支部3个 (a fresh draft): no 在…上 frame before figures opening with 在
            if said.startswith("在"):
                frames = [f for f in frames if not f.endswith("上")] or frames
            # 在产业带动上着力。在发展产业上，…… read as a seam (tenth blind reading)
            avoid = "在" if "在" in lead and "上" in lead else stance[:2]
            head.append(Span(pick.text(frames, "frame", theme, avoid_start=avoid) + "，",
                             source=f"词库:亮点/{theme}/引出"))
        elif unit.kind in ("figures", "plain") and not says_scope(unit.spans, pick.ctx):
            lead_in = figure_lead(bank, pick, "数字引语", theme, i)
            if lead_in:
                head.append(Span(lead_in, source="词库:亮点/数字引语"))
        # A case enters as a statement of its own, never after 比如: what it is an instance of has been
        # merged with it (overlap), and a 比如 before anything else ties it to the wrong sentence.
        # Two groups of figures in a row make one sentence (讲党课5次，组织集中学习13次。), not two short ones
        # side by side — a blind reader took 讲党课5次。集中学习13次。 for figures hung on the end.
        # Two short practices in a row make one sentence too (合作社优先用本村劳力，和收购方签订单、保证销路。):
        # one fact to a sentence, sentence after sentence, read as 一句一事、很零碎 (eighth blind reading).
        # … and a short bare practice after a sentence of figures or practice joins it as its last clause
        # (开展党员志愿服务36次。让党员在群众中亮出身份。 read as 一句一事，没有任何过渡: eleventh blind reading)
        # (a purpose closes even a sentence that is already two joined clauses: alone it hangs the same)
        tail = _short_tail(previous, unit)
        # … and an author of long sentences strings practices and figures on (召开…9次，带头上党课4次，……)
        # … a unit of one or two clauses: a longer one strung on changed its subject mid-sentence (…谈话提醒3人次，
        # 讲清差距，联系点上的党建难题，班子成员一包到底，…: 25th blind reading)
        # … counts onto counts (…9次，…4次) and deeds onto deeds, never a bare deed glued onto a count (化解矛盾纠纷
        # 88件，党员带头清理房前屋后: 26th blind reading, 毫无关系) nor a count onto a deed — for two short
        # practices too (不以材料多少论工作好坏，面对面开展廉政谈话120人次: 42nd blind reading, 前后两句没有逻辑关系)
        run_on = author.runs_on and unit.kind in RUNS and previous in RUNS and not head and out \
            and out[-1].text.endswith("。") and len(_last_sentence(out)) + _length(unit) <= pick.run_chars \
            and sum(s.text.count("，") for s in unit.spans) <= 1 and _counts(unit) == _counting(out) \
            and not _slogan_end(out)
        if run_on or (unit.kind == previous and unit.kind in ("figures", "practice") or tail) \
                and not head and (joined < 1 or tail) and out and out[-1].text.endswith("。") \
                and (unit.kind == "figures" or _short_pair(out, unit) and (tail or _counts(unit) == _counting(out))):
            last = out[-1]
            out[-1] = Span(last.text[:-1], last.lead, last.missing, last.source, last.covers)
            out += close([Span("，"), *unit.spans])
            joined += 1
        else:
            out += close(head + unit.spans)
            joined = 0
        previous = unit.kind
    return out


# Two practices are said in one sentence only when both are short: a longer pair reads better apart.
SHORT_PRACTICE = 16
RUNS = ("figures", "practice")   # what an author of long sentences strings on (not a case, not a bad figure)


def _length(unit: Unit) -> int:
    return sum(len(s.text) for s in unit.spans)


_DIGIT = re.compile(r"\d")


def _counts(unit: Unit) -> bool:
    """Whether the unit says a figure (a catalogue wording may carry it inside a practice's span)."""
    return any(_DIGIT.search(s.text) for s in unit.spans)


def _last_sentence(out: list[Span]) -> str:
    """The last sentence said (it ends the last span)."""
    said = ""
    for span in reversed(out):
        if said and span.text.endswith("。"):
            break
        said = span.text + said
    return said


def _counting(out: list[Span]) -> bool:
    """Whether the last sentence says a figure (a count is strung onto counts, not onto a bare deed)."""
    return bool(_DIGIT.search(_last_sentence(out)))


def _slogan_end(out: list[Span]) -> bool:
    """Whether the last sentence ends on a short phrase with no figure (…观摩2次，比学赶超。): strung on, it would
    stand in the middle of the next count (…2次，比学赶超，对照评议意见列出7个…: 27th blind reading)."""
    last = _last_sentence(out).rstrip("。").split("，")[-1]
    return len(last) <= SLOGAN_CHARS and not _DIGIT.search(last)


SLOGAN_CHARS = 4


# A practice worded as what it is for (让党员在群众中亮出身份) says the purpose of the sentence before it; alone
# it hangs in the air. Any other practice is a deed of its own and stands as its own sentence (two unrelated
# deeds glued with a comma read as 胶水).
PURPOSE = ("让", "使", "为了", "以便", "推动")


def _short_tail(previous: str, unit: Unit) -> bool:
    """A practice worded as a purpose, with no figure of its own, after a sentence of figures or a practice."""
    text = "".join(s.text for s in unit.spans)
    return unit.kind == "practice" and previous in ("figures", "practice") and text.startswith(PURPOSE) \
        and not any(c.isdigit() for c in text)


def _short_pair(out: list[Span], unit: Unit) -> bool:
    """Whether the sentence just said and this practice are short enough to make one sentence: both short,
    or a bare practice short and the sentence before it no longer than two short ones, with one comma at most."""
    said = _last_sentence(out)
    this = "".join(s.text for s in unit.spans)
    if len(this) > SHORT_PRACTICE:
        return False
    if len(said) <= SHORT_PRACTICE + 1 and "，" not in said:
        return True
    purpose = this.startswith(PURPOSE) and not any(c.isdigit() for c in this)
    return purpose and len(said) <= 2 * SHORT_PRACTICE + 1 and said.count("，") <= 1


__all__ = ["word_units", "MAX_LINKS"]
