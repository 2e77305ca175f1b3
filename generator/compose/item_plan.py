"""The plan of one item of part one: what it says and in which architecture, chosen before any word of it.

`plan_item` turns a theme's input into *units* — a confirmed practice carrying the figures of its metrics,
a group of the remaining figures, a case — and picks an *architecture* by what the item holds, never the
same as the item before when another fits (see compose/highlights.py for the architectures); `highlights`
words the plan."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from ..bank import Bank
from ..facts import ThemeFacts
from .choose import Choose
from .follow_up import completion
from .units import Unit, units_of

# How often connectors (另外, 同时 …) and closing judgements appear is the author's (作者.yaml): real authors
# use few connectors (0.3 per 1,000 characters in the seeds) and close no item on a judgement.
ARCHITECTURES = ("woven", "points", "case", "figures", "short")


@dataclass
class Plan:
    themes: tuple[ThemeFacts, ...]  # one, or two when merged
    units: list[Unit]
    architecture: str
    supported: bool                 # a judgement of results has something under it
    bad: bool                       # a figure went the wrong way or is zero


def plan_item(themes: tuple[ThemeFacts, ...], bank: Bank, pick: Choose, ctx: dict, before: Mapping,
              first: bool = False, targets: dict | None = None, nested: bool = False, keep: bool = False) -> Plan:
    """`before`: the item before — its architecture (not repeated) and whether it ended on the clerk's story
    (this one, if it has a story, then opens with it: every item ending 套话 + 数字 + 小故事 was what a blind
    reader called the assembly line). `nested`: the item is itself a point (一是…) of a paragraph, so it
    cannot be worded as points."""
    pick.begin_item(keep=first or keep)  # item 1 must not echo the opening; a point, its paragraph
    units: list[Unit] = []
    bad = False
    supported = False
    for tf in themes:
        for case in tf.cases:  # the clerk's own words: no bank sentence may echo them
            pick.count(pick.note(case))
        answered = [(targets[(f.metric.key, f.params)], f) for f in tf.facts
                    if f.metric is not None and targets and (f.metric.key, f.params) in targets]
        for target, fact in answered:   # last year's target first: 年初定下……的目标，……
            units.append(Unit("target", completion(target, fact, bank, pick, ctx, tf.theme)))
        if answered:
            tf = ThemeFacts(tf.theme, tuple(f for f in tf.facts if all(f is not a for _, a in answered)),
                            tf.cases, tf.practices)
        theme_units, theme_bad = units_of(tf, bank, pick, ctx)
        units += theme_units
        bad |= theme_bad
        supported |= bool(tf.practices or tf.cases or any(f.good for f in tf.facts))
    kinds = {u.kind for u in units}
    if len(themes) > 1:
        return Plan(themes, units, "merged", supported, bad)
    fits = ["woven"]
    if len(units) >= 2:
        fits.append("points")
    if "case" in kinds and len(units) >= 2:
        fits.append("case")
    if "figures" in kinds and "practice" in kinds:
        fits.append("figures")
    if len(units) <= 1 and "case" not in kinds:
        fits = ["short"]
    if nested:
        fits = [a for a in fits if a != "points"] or ["woven"]
    # the author's own architectures, never the same twice running when another of them fits
    own = [a for a in fits if a in pick.author.architectures or a == "short"] or fits
    if before.get("case_last") and "case" in fits and not nested:
        own = ["case"]
    choices = [a for a in own if a != before.get("architecture")] or own
    architecture = choices[pick.shape(len(choices), "architecture", themes[0].theme)]
    return Plan(themes, units, architecture, supported, bad)



__all__ = ["Plan", "plan_item", "ARCHITECTURES"]
