"""The plan of one item of part one: what it says and in which architecture, chosen before any word of it.

`plan_item` turns a theme's input into *units* — a confirmed practice carrying the figures of its metrics,
a group of the remaining figures, a case — and picks an *architecture* by what the item holds, never the
same as the item before when another fits (see compose/highlights.py for the architectures); `highlights`
words the plan."""
from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Mapping

from ..bank import Bank
from ..facts import Fact, ThemeFacts
from .choose import Choose
from .follow_up import completion
from .units import Step, Unit, plan_units, word_steps

# How often connectors (另外, 同时 …) and closing judgements appear is the author's (作者.yaml): real authors
# use few connectors (0.3 per 1,000 characters in the seeds) and close no item on a judgement.
ARCHITECTURES = ("woven", "points", "case", "figures", "short")


@dataclass
class Plan:
    """An item as planned: its themes, each theme's steps (units before any word: units.Step), and the
    architecture; `word_plan` words it."""

    themes: tuple[ThemeFacts, ...]  # one, or two when merged
    steps: list[tuple[ThemeFacts, list[tuple[Fact, Fact]], list[Step]]]   # a theme, its targets met, its steps
    architecture: str
    supported: bool                 # a judgement of results has something under it
    bad: bool                       # a figure went the wrong way or is zero


def plan_item(themes: tuple[ThemeFacts, ...], bank: Bank, pick: Choose, ctx: dict, before: Mapping,
              first: bool = False, targets: dict | None = None, nested: bool = False, keep: bool = False) -> Plan:
    """`before`: the item before — its architecture (not repeated) and whether it ended on the clerk's story
    (this one, if it has a story, then opens with it: every item ending 套话 + 数字 + 小故事 was what a blind
    reader called the assembly line). `nested`: the item is itself a point (一是…) of a paragraph, so it
    cannot be worded as points. No word is chosen here (word_plan)."""
    pick.begin_item(keep=first or keep)  # item 1 must not echo the opening; a point, its paragraph
    planned = []
    bad = False
    supported = False
    count = 0
    kinds: set[str] = set()
    for tf in themes:
        answered = [(targets[(f.metric.key, f.params)], f) for f in tf.facts
                    if f.metric is not None and targets and (f.metric.key, f.params) in targets]
        if answered:
            tf = ThemeFacts(tf.theme, tuple(f for f in tf.facts if all(f is not a for _, a in answered)),
                            tf.cases, tf.practices)
        steps, theme_bad = plan_units(tf, pick)
        planned.append((tf, answered, steps))
        count += len(answered) + len(steps)
        kinds |= {"target"} if answered else set()
        kinds |= {s.kind for s in steps}
        bad |= theme_bad
        supported |= bool(tf.practices or tf.cases or any(f.good for f in tf.facts))
    if len(themes) > 1:
        return Plan(themes, planned, "merged", supported, bad)
    fits = ["woven"]
    if count >= 2:
        fits.append("points")
    if "case" in kinds and count >= 2:
        fits.append("case")
    if "figures" in kinds and "practice" in kinds:
        fits.append("figures")
    if count <= 1 and "case" not in kinds:
        fits = ["short"]
    if nested:
        fits = [a for a in fits if a != "points"] or ["woven"]
    # the author's own architectures, never the same twice running when another of them fits
    own = [a for a in fits if a in pick.author.architectures or a == "short"] or fits
    if before.get("case_last") and "case" in fits and not nested:
        own = ["case"]
    choices = [a for a in own if a != before.get("architecture")] or own
    architecture = choices[pick.shape(len(choices), "architecture", themes[0].theme)]
    planned = [(tf, answered, _beside_the_figures(steps, architecture)) for tf, answered, steps in planned]
    return Plan(themes, planned, architecture, supported, bad)


def _beside_the_figures(steps: list, architecture: str) -> list:
    """The practices that say a count next to the figures of no practice, so an author of long sentences strings
    count onto count (遇到群众意见不一的事，先开议事会议一议。兑现为民实事42件。 left the figure alone: 49th blind
    reading): last where the figures follow the practices (woven), first where they come before them."""
    if architecture not in ("woven", "figures") or not any(st.kind == "figures" for st in steps):
        return steps
    counted = [st for st in steps if st.kind == "practice" and (st.facts or st.carried)]
    if not counted:
        return steps
    rest = [st for st in steps if not (st.kind == "practice" and (st.facts or st.carried))]
    at = next((i for i, st in enumerate(rest) if st.kind == "practice"), len(rest)) if architecture == "figures" \
        else max((i + 1 for i, st in enumerate(rest) if st.kind == "practice"), default=0)
    return rest[:at] + counted + rest[at:]


def word_plan(plan: Plan, bank: Bank, pick: Choose, ctx: dict) -> list[Unit]:
    """The item's units, worded theme by theme: the clerk's cases noted first (no bank sentence may echo
    them), then last year's targets met (年初定下……的目标，……), then the steps in their order."""
    units: list[Unit] = []
    for tf, answered, steps in plan.steps:
        for case in tf.cases:
            pick.count(pick.note(case))
        for target, fact in answered:
            units.append(Unit("target", completion(target, fact, bank, pick, ctx, tf.theme)))
        units += word_steps(steps, tf.theme, bank, pick, ctx)
    return units



__all__ = ["Plan", "plan_item", "word_plan", "ARCHITECTURES"]
