"""Compose: a validated `Report` plus the phrase banks → a plain `Draft` (no python-docx here).

The draft has the standard four-part shape: 开头, 一、履职工作特色和亮点 (one numbered item per theme with
facts), 二、存在的问题及原因, 三、下一步工作思路和措施 (for year + 1). Every wording choice goes through a
`Picker` seeded by (单位, 年度, variant, slot), so the same input always gives the same text and different
units read differently. Every figure comes from the report; the banks hold none.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Iterable

from .bank import Bank, Picker, load_bank
from .facts import Fact, Item, Report, ThemeFacts, format_number
from .model import Block, Draft, Meta, Part, Role, Span, body
from .resources import load_data

TITLE_LINE_WIDTH = 20      # 二号 characters per line in the type area
CLAUSES_PER_SENTENCE = 4   # fact clauses joined into one sentence before starting another
MIN_MEASURE_ITEMS = 3
_END = "。！？；：…”"


def compose(report: Report, bank: Bank | None = None, variant: int = 0) -> Draft:
    """Return the draft for `report`; `variant` selects another wording of the same facts."""
    bank = bank or load_bank()
    info = report.info
    pick = _Choose(bank, Picker(info.unit, info.year, variant), info.level)
    warnings = list(report.warnings)
    ctx = _context(report, bank, warnings)
    structure = bank.get("结构")

    parts = (
        Part(structure["第一部分"], tuple(_highlights(report, bank, pick, ctx))),
        Part(structure["第二部分"], tuple(_problems(report, bank, pick, ctx, warnings))),
        Part(structure["第三部分"], tuple(_measures(report, bank, pick, ctx, warnings))),
    )
    title = f"{info.unit}{info.post}{info.year}年度{structure['标题尾']}"
    signature = (Span(f"{info.unit}{info.post}\u3000{info.name}"),) if info.name else ()
    return Draft(
        title_lines=break_title(f"{info.unit}{info.post}{info.year}年度", structure["标题尾"]),
        signature=signature,
        opening=(_opening(report, bank, pick, ctx),),
        parts=parts,
        sign_name=(Span(info.name),) if info.name else (Span("【待补充：姓名】", missing=True),),
        sign_date=(Span(chinese_date(info.date)),) if info.date
        else (Span("【待补充：日期】", missing=True),),
        meta=Meta(title=title, author=info.name or info.org,
                  subject=f"{info.year}年度抓基层党建工作述职报告",
                  created=dt.datetime.combine(info.date or dt.date(info.year, 12, 31), dt.time(9, 0))),
        warnings=tuple(warnings),
    )


# --- helpers shared by the parts ------------------------------------------------------------------

class _Choose:
    """Pick wording for one draft: level-filtered, deterministic, and never the same phrase twice."""

    def __init__(self, bank: Bank, pick: Picker, level: str):
        self.bank, self.pick, self.level = bank, pick, level
        self.used: set[str] = set()

    def _fresh(self, options) -> list:
        usable = self.bank.for_level(options, self.level)
        fresh = [o for o in usable if not (isinstance(o, str) and o and o in self.used)]
        return fresh or usable

    def one(self, options, *key):
        choice = self.pick.one(self._fresh(options), *key)
        if isinstance(choice, str):
            self.used.add(choice)
        return choice

    def some(self, options, k, *key):
        chosen = self.pick.some(self._fresh(options), k, *key)
        self.used.update(c for c in chosen if isinstance(c, str))
        return chosen


def _context(report: Report, bank: Bank, warnings: list[str]) -> dict[str, Any]:
    """Return the variables every bank string may use: level nouns, names, era formulations."""
    info = report.info
    words = dict(bank.get("称谓", info.level))
    if info.level == "村" and info.org.startswith(info.unit):
        words["本级"] = "村" + info.org[len(info.unit):]
    era = load_data("era.yaml")
    year_terms = (era.get("年度") or {}).get(info.year)
    if year_terms is None:
        year_terms = era["通用"]
        warnings.append(f"年度提法文件 era.yaml 里没有 {info.year} 年，开头只用了通用提法（不点名会议和学习教育）。"
                        "请核对当年的会议精神和学习教育提法，或请维护者更新 templates/era.yaml。")
    return {
        **words,
        "单位": info.unit,
        "组织": info.org,
        "职务": info.post,
        "上级": info.superior or "上级党委",
        "层级": info.level,
        "年度": info.year,
        "下年": info.year + 1,
        "主题": info.theme or "",
        "品牌": info.brand or "",
        "指导思想": era["指导思想"],
        "会议精神": year_terms["会议精神"],
        "学习教育": year_terms.get("学习教育") or "",
        "大会": year_terms.get("大会") or "",
    }


def sentence(text: str) -> str:
    """Return `text` ending with a full stop (unless it already ends a sentence)."""
    text = text.strip()
    return text if not text or text[-1] in _END else text + "。"


def _join_clauses(clauses: list[str]) -> list[str]:
    """Group fact clauses into sentences of a few clauses each."""
    return ["，".join(clauses[i:i + CLAUSES_PER_SENTENCE])
            for i in range(0, len(clauses), CLAUSES_PER_SENTENCE)]


def fact_clause(fact: Fact, bank: Bank, pick: _Choose, ctx: dict, *, target: bool = False) -> str:
    """Render one figure as a clause in the catalogue's wording (or the free-form name)."""
    if fact.metric is None:
        return f"{fact.name}{format_number(fact.value)}{fact.unit}"
    metric = fact.metric
    variables = {**ctx, **dict(fact.params), "单位": fact.unit}
    if fact.is_change:
        phrases = metric.change_phrases
        variables.update(从量=f"{format_number(fact.before)}{fact.unit}",
                         到量=f"{format_number(fact.after)}{fact.unit}",
                         变化=metric.rise_word if fact.after > fact.before else metric.fall_word)
    else:
        phrases = metric.target_phrases if target and metric.target_phrases else metric.phrases
        if target and not metric.target_phrases:
            phrases = ("{{名称}}达到{{数量}}",)
            variables["名称"] = fact.key
        variables.update(数=format_number(fact.value), 数量=f"{format_number(fact.value)}{fact.unit}")
    source = pick.one(phrases, "fact", metric.key, fact.key, target)
    return bank.render(source, variables)


def _numbered(n: int, lead: str, rest: Iterable[str]) -> Block:
    return body(Span(f"{n}.{sentence(lead)}", lead=True), "".join(rest))


def _ordinal(bank: Bank, i: int) -> str:
    ordinals = bank.get("结构", "序号")
    return ordinals[i] if i < len(ordinals) else f"第{i + 1}"


# --- 开头 ---------------------------------------------------------------------------------------

def _opening(report: Report, bank: Bank, pick: _Choose, ctx: dict) -> Block:
    o = bank.get("开头")
    clauses = [pick.one(o["起句"], "open", "start")]
    if ctx["学习教育"]:
        clauses.append(pick.one(o["学习教育"], "open", "study"))
    if ctx["主题"]:
        clauses.append(pick.one(o["主题"], "open", "theme"))
    if ctx["品牌"]:
        clauses.append(pick.one(o["品牌"], "open", "brand"))
    clauses.append(pick.one(o["落实"], "open", "duty"))
    clauses.append(pick.one(o["成效"], "open", "result"))
    text = sentence("，".join(bank.render(c, ctx) for c in clauses))
    if report.overview:
        facts = "，".join(fact_clause(f, bank, pick, ctx) for f in report.overview)
        text += sentence(bank.render(pick.one(o["概况引语"], "open", "overview"), ctx) + facts)
    text += bank.render(pick.one(o["结句"], "open", "end"), ctx)
    return body(text)


# --- 一、履职工作特色和亮点 -------------------------------------------------------------------------

def _highlights(report: Report, bank: Bank, pick: _Choose, ctx: dict) -> list[Block]:
    if not report.themes:
        return [body(Span("【待补充：本年度抓党建的主要做法和成效（在“亮点”下填写数据和事例）】",
                          missing=True))]
    return [_theme_item(n, tf, bank, pick, ctx) for n, tf in enumerate(report.themes, 1)]


def _theme_item(n: int, tf: ThemeFacts, bank: Bank, pick: _Choose, ctx: dict) -> Block:
    spec = bank.get("亮点", "主题", tf.theme)
    lead = bank.render(pick.one(spec["要点"], "lead", tf.theme), ctx)
    thin = len(tf.facts) + len(tf.cases) <= 2  # a thin item gets a third general sentence
    general = [bank.render(s, ctx) for s in pick.some(spec["概述"], 3 if thin else 2, "general", tf.theme)]
    clauses = [fact_clause(f, bank, pick, ctx) for f in tf.facts]
    sentences = [general[0]]
    if clauses:
        opener = bank.render(pick.one(spec.get("引语") or bank.get("亮点", "通用引语"), "opener", tf.theme),
                             ctx)
        grouped = _join_clauses(clauses)
        sentences.append(sentence(opener + grouped[0]))
        sentences.extend(sentence(g) for g in grouped[1:])
    sentences.extend(sentence(c) for c in tf.cases)
    if len(general) > 1:
        link = bank.render(pick.one(bank.get("亮点", "衔接"), "link", tf.theme), ctx)
        sentences.append(link + general[1])
    sentences.extend(general[2:])
    closing = bank.render(pick.one(spec["收束"], "close", tf.theme), ctx)
    sentences.append(bank.render(pick.one(bank.get("亮点", "收束引语"), "close-lead", tf.theme), ctx) + closing)
    return _numbered(n, lead, (sentence(s) for s in sentences))


# --- 二、存在的问题及原因 ---------------------------------------------------------------------------

def _problems(report: Report, bank: Bank, pick: _Choose, ctx: dict, warnings: list[str]) -> list[Block]:
    spec = bank.get("问题")
    structure = bank.get("结构")
    blocks = [Block(Role.HEADING2, (Span(structure["问题小标题"]),))]
    if report.problems:
        blocks.append(body(bank.render(pick.one(spec["问题引语"], "problems", "intro"), ctx)))
        blocks += _items(report.problems, spec["问题"], bank, pick, ctx, "problem")
    else:
        warnings.append("没有填写“问题”，第二部分标出了【待补充：存在的问题】。")
        blocks.append(body(Span("【待补充：存在的问题（在“问题”下填写）】", missing=True)))
    blocks.append(Block(Role.HEADING2, (Span(structure["原因小标题"]),)))
    if report.causes:
        blocks.append(body(bank.render(pick.one(spec["原因引语"], "causes", "intro"), ctx)))
        blocks += _items(report.causes, spec["原因"], bank, pick, ctx, "cause")
    else:
        warnings.append("没有填写“原因”，第二部分标出了【待补充：产生问题的主要原因】。")
        blocks.append(body(Span("【待补充：产生问题的主要原因（在“原因”下填写）】", missing=True)))
    blocks.append(body(bank.render(pick.one(spec["收尾"], "problems", "end"), ctx)))
    return blocks


def _items(items: tuple[Item, ...], kinds: dict, bank: Bank, pick: _Choose, ctx: dict,
           slot: str) -> list[Block]:
    out = []
    for i, item in enumerate(items):
        ordinal = _ordinal(bank, i)
        if item.kind is None:
            out.append(body(Span(ordinal, lead=True), sentence(item.text)))
            continue
        # The lead and the elaboration are picked independently: every wording of a kind describes the
        # same problem, so any lead fits any elaboration, and 3 × 3 combinations read differently.
        wordings = kinds[item.kind]["说法"]
        lead = pick.one([w["要点"] for w in wordings], slot, item.kind, "lead")
        detail = pick.one([w["展开"] for w in wordings], slot, item.kind, "detail")
        out.append(body(Span(ordinal + sentence(bank.render(lead, ctx)), lead=True),
                        sentence(bank.render(detail, ctx))))
    return out


# --- 三、下一步工作思路和措施 -----------------------------------------------------------------------

def measure_themes(report: Report, themes_order: tuple[str, ...]) -> list[str]:
    """Return the themes part three covers: those of the problems and targets, topped up to three."""
    wanted = {i.theme for i in report.problems if i.theme}
    wanted |= {t.metric.theme for t in report.targets}
    for tf in report.themes:
        if len(wanted) >= MIN_MEASURE_ITEMS:
            break
        wanted.add(tf.theme)
    for theme in ("政治建设", "组织建设", "产业发展"):
        if len(wanted) >= MIN_MEASURE_ITEMS:
            break
        wanted.add(theme)
    return [t for t in themes_order if t in wanted]


def _measures(report: Report, bank: Bank, pick: _Choose, ctx: dict, warnings: list[str]) -> list[Block]:
    spec = bank.get("措施")
    from .catalogue import load_catalogue  # the theme order lives in the catalogue

    order = load_catalogue(bank.root).themes
    if report.idea:
        intro = sentence(report.idea)
    else:
        intro = bank.render(pick.one(spec["引言"], "measures", "intro"), ctx)
    blocks = [body(intro)]
    for item in report.problems:
        if item.kind is None and item.theme is None:
            warnings.append(f"自述问题“{item.text[:16]}…”没有写主题，第三部分没有专门针对它的措施。"
                            "可以写成 {自述: …, 主题: 组织建设} 让第三部分对应回应。")
    n = 0
    for n, theme in enumerate(measure_themes(report, order), 1):
        t = spec["主题"][theme]
        lead = bank.render(pick.one(t["要点"], "measure-lead", theme), ctx)
        sentences = [bank.render(s, ctx) for s in pick.some(t["展开"], 3, "measure", theme)]
        sentences[1] = bank.render(pick.one(spec["衔接"], "measure-link", theme), ctx) + sentences[1]
        targets = [f for f in report.targets if f.metric.theme == theme]
        if targets:
            opener = bank.render(pick.one(spec["目标引语"], "target", theme), ctx)
            clauses = [fact_clause(f, bank, pick, ctx, target=True) for f in targets]
            sentences.append(sentence(opener + "，".join(clauses)))
        blocks.append(_numbered(n, lead, (sentence(s) for s in sentences)))
    if report.tasks:
        lead = bank.render(pick.one(spec["事项要点"], "tasks"), ctx)
        blocks.append(_numbered(n + 1, lead, (sentence(t) for t in report.tasks)))
    return blocks


# --- title and date -------------------------------------------------------------------------------

def text_width(text: str) -> float:
    """Return the width of `text` in full-width characters (ASCII counts half)."""
    return sum(0.5 if ord(ch) < 128 else 1 for ch in text)


def break_title(head: str, tail: str) -> tuple[str, ...]:
    """Break the title into display lines at a meaningful boundary (never inside a word)."""
    if text_width(head + tail) <= TITLE_LINE_WIDTH:
        return (head + tail,)
    if text_width(head) <= TITLE_LINE_WIDTH:
        return (head, tail)
    # A very long unit name: keep the year phrase with the tail so no line is a stub.
    cut = head.rfind("党")
    cut = cut if cut > 0 else len(head) // 2
    return (head[:cut], head[cut:], tail) if text_width(head[cut:] + tail) > TITLE_LINE_WIDTH \
        else (head[:cut], head[cut:] + tail)


def chinese_date(d: dt.date) -> str:
    """Return a date the official way: 2024年12月5日 (Arabic numerals, no leading zeros)."""
    return f"{d.year}年{d.month}月{d.day}日"
