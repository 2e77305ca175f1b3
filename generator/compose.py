"""Compose: a validated `Report` plus the phrase banks → a plain `Draft` (no python-docx here).

The draft has the standard four-part shape: 开头, 一、履职工作特色和亮点 (one numbered item per theme with
facts), 二、存在的问题及原因, 三、下一步工作思路和措施 (for year + 1). Every wording choice goes through a
`Picker` seeded by (单位, 年度, variant, slot), so the same input always gives the same text and different
units read differently. Every figure comes from the report; the banks hold none.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any, Iterable, Mapping

from .bank import Bank, Picker, load_bank
from .errors import TemplateError
from .facts import Fact, Item, Report, ThemeFacts, format_number
from .model import Block, Draft, Meta, Part, Role, Span, body
from .resources import load_data

TITLE_LINE_WIDTH = 20      # 二号 characters per line in the type area
CLAUSES_PER_SENTENCE = 4   # fact clauses joined into one sentence before starting another
MIN_MEASURE_ITEMS = 3
_END = "。！？；：…"


def compose(report: Report, bank: Bank | None = None, variant: int = 0) -> Draft:
    """Return the draft for `report`; `variant` selects another wording of the same facts."""
    bank = bank or load_bank()
    info = report.info
    warnings = list(report.warnings)
    ctx = _context(report, bank, warnings)
    pick = _Choose(bank, Picker(info.unit, info.year, variant), info.level, ctx)
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

CLASH = 5  # an option sharing a run of this many characters with the item so far is passed over


@lru_cache(maxsize=8192)
def _grams(text: str) -> frozenset:
    """Return the CLASH-character runs of `text` (variables, punctuation and the names of things removed:
    two sentences may both say 基层党组织, not both say 四议两公开)."""
    plain = _VAR.sub("", text)
    for term in CLASH_TERMS:
        if term in plain:
            plain = plain.replace(term, "　")
    plain = "".join(_CJK.findall(plain))
    return frozenset(plain[i:i + CLASH] for i in range(len(plain) - CLASH + 1))


_VAR = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")
_CJK = re.compile(r"[\u4e00-\u9fff]+")
_QUOTED = re.compile(r"“[^”]*”")

# What counts as a 4-character formulation (四字格) within one draft: any four consecutive Chinese
# characters, after masking text in “…” and the names of things below, unless its last two characters are
# a noun (党员干部, 后备干部 name something; 走深走实, 干事创业 are formulations). A draft uses none more
# than MAX_FORMULATION times; tests/test_variation.py counts with this definition.
MAX_FORMULATION = 3
NOUN_HEADS = frozenset("""工作 经济 干部 党员 组织 建设 生活 队伍 书记 群众 形态 党建 产业 振兴 治理 阵地 责任 制度 机制
活动 项目 基地 收入 能力 水平 作用 意识 精神 思想 问题 任务 中心 服务 人才 班子 支部 党委 政府 农村 乡村 村民 农民
企业 合作 资源 资金 规划 环境 教育 学习 会议 纪律 作风 品牌 示范 模式 体系 格局 基础 成果 质量 效能 目标
成员 思路 措施 部署 要求 情况 小组 党课 党日 政治 主义 功能 网格""".split())
TERMS = ("基层党建", "党建工作", "党组织书记", "村党组织", "村党支部", "镇党委", "意识形态", "集体经济",
         "党员干部", "组织生活", "发展党员", "入党积极分子", "后备干部", "党风廉政", "从严治党", "中国特色社会主义",
         "习近平新时代", "党中央", "乡村振兴", "第一责任人", "主题党日", "理论学习", "产业发展", "基层治理",
         "支委委员", "班子成员", "党小组", "村干部", "合作社", "全面从严", "新时代", "两委")


@lru_cache(maxsize=8192)
def formulations(text: str) -> tuple[str, ...]:
    """Return the 4-character formulations of `text`, in order (see MAX_FORMULATION)."""
    masked = _QUOTED.sub("　", _VAR.sub("　", text))
    for term in TERMS:
        if term in masked:
            masked = masked.replace(term, "　")
    return tuple(run[i:i + 4] for run in _CJK.findall(masked) for i in range(len(run) - 3)
                 if run[i + 2:i + 4] not in NOUN_HEADS)


CLASH_TERMS = ("基层党组织", "村党组织书记", "党组织书记", "村集体经济", "集体经济", "基层党建工作", "党建工作",
               "村“两委”", "习近平新时代中国特色社会主义思想", "党员干部", "村干部")


class _Choose:
    """Pick wording for one draft: level-filtered, deterministic, never the same phrase twice, and never
    an option that repeats a run of six characters already said in the same item (a lead and a general
    sentence that say the same words, 全年…全年)."""

    def __init__(self, bank: Bank, pick: Picker, level: str, ctx: Mapping[str, Any] | None = None):
        self.bank, self.pick, self.level = bank, pick, level
        self.ctx = ctx or {}
        self.used: set[str] = set()
        self.said: set[str] = set()   # the runs of the current item
        self.counts: dict[str, int] = {}  # formulations used so far in the draft
        self.leads: set[str] = set()      # the runs of part one's leads, which part three's must not echo

    def begin_item(self) -> None:
        self.said = set()

    def note(self, text: str) -> str:
        self.said |= _grams(text)
        return text

    def count(self, text: str) -> str:
        """Count the formulations of `text` (a chosen phrase, or the clerk's own words)."""
        for w in formulations(text):
            self.counts[w] = self.counts.get(w, 0) + 1
        return text

    def _overused(self, option) -> bool:
        counts = self.counts
        return isinstance(option, str) and any(counts.get(w, 0) >= MAX_FORMULATION for w in formulations(option))

    def _fresh(self, options) -> list:
        usable = self.bank.for_level(options, self.level)
        used, said = self.used, self.said
        unused = [o for o in usable if o.__class__ is not str or not o or o not in used] if used else usable
        unused = unused or usable
        if not said:
            return unused
        return [o for o in unused if o.__class__ is not str or _grams(o).isdisjoint(said)] or unused

    def one(self, options, *key, avoid_start: str = "", not_in: str = ""):
        pool = self._fresh(options)
        if avoid_start:
            pool = [o for o in pool if not (isinstance(o, str) and o.startswith(avoid_start))] or pool
        if not_in:  # short connectors (确保, 同时) that the sentences just before already use
            pool = [o for o in pool if not (isinstance(o, str) and o and o.strip("，") in not_in)] or pool
        choice = self.pick.one(pool, *key)
        if self._overused(choice):  # rare: pick again among the options that keep within the limit
            pool = [o for o in pool if not self._overused(o)] or pool
            choice = self.pick.one(pool, *key, "again")
        if isinstance(choice, str):
            self.used.add(choice)
            self.count(choice)
        return choice

    def some(self, options, k, *key):
        chosen = self.pick.some(self._fresh(options), k, *key)
        self.used.update(c for c in chosen if isinstance(c, str))
        return chosen

    def text(self, options, *key, avoid_start: str = "", not_in: str = "") -> str:
        """Pick one entry and render it; an entry `{拼: [[…], […], …]}` is built part by part, one pick
        from each list, joined as written (the parts carry their own punctuation)."""
        if isinstance(options, dict):
            options = [options]
        choice = self.one(options, *key, avoid_start=avoid_start, not_in=not_in)
        if isinstance(choice, dict):
            parts = choice.get("拼")
            if not isinstance(parts, list) or not parts:
                raise TemplateError(f"词库条目的“拼”应是若干组说法：{' → '.join(map(str, key))}")
            out = "".join(self.bank.render(self.one(part, *key, i), self.ctx) for i, part in enumerate(parts))
        else:
            out = self.bank.render(choice, self.ctx)
        return self.note(out)

    def chance(self, p: float, *key) -> bool:
        return self.pick.chance(p, *key)

    def shape(self, n: int, *key) -> int:
        return self.pick.number("shape", *key) % n


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
        # A 学习教育 aimed at county-level leaders is not claimed as the township's or village's own
        # activity; the report measures itself against its requirement instead.
        "学习教育": "" if year_terms.get("学习教育对象") else (year_terms.get("学习教育") or ""),
        "对照学习教育": year_terms.get("基层说法") or "" if year_terms.get("学习教育对象") else "",
        "年份定位": year_terms.get("年份定位") or "",
        "换届": year_terms.get("换届") or "",
    }


def sentence(text: str) -> str:
    """Return `text` ending with a full stop (unless it already ends a sentence)."""
    text = text.strip()
    # A closing quote ends a sentence only when a full stop stands inside it (“……。”).
    last = text[-2] if text.endswith("”") and len(text) > 1 else text[-1:]
    return text if not text or last in _END else text + "。"


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
    prefix = pick.text(o["年份定位"], "open", "era") if ctx["年份定位"] else ""
    clauses = [pick.text(o["起句"], "open", "start", avoid_start="{{年度}}" if prefix else "")]
    if ctx["学习教育"]:
        clauses.append(pick.text(o["学习教育"], "open", "study"))
    elif ctx["对照学习教育"]:
        clauses.append(ctx["对照学习教育"])
    if ctx["主题"]:
        clauses.append(pick.text(o["主题"], "open", "theme"))
    if ctx["品牌"]:
        clauses.append(pick.text(o["品牌"], "open", "brand"))
    clauses.append(pick.text(o["落实"], "open", "duty"))
    clauses.append(pick.text(o["成效"], "open", "result"))
    text = prefix + sentence("，".join(clauses))
    if report.overview:
        facts = "，".join(fact_clause(f, bank, pick, ctx) for f in report.overview)
        text += sentence(pick.text(o["概况引语"], "open", "overview") + facts)
    text += pick.text(o["结句"], "open", "end")
    return body(text)


# --- 一、履职工作特色和亮点 -------------------------------------------------------------------------

def _highlights(report: Report, bank: Bank, pick: _Choose, ctx: dict) -> list[Block]:
    if not report.themes:
        return [body(Span("【待补充：本年度抓党建的主要做法和成效（在“亮点”下填写数据和事例）】",
                          missing=True))]
    out, last = [], ""
    for n, tf in enumerate(report.themes, 1):
        block, last = _theme_item(n, tf, bank, pick, ctx, last)
        out.append(block)
    return out


def _general(spec: Mapping, pick: _Choose, theme: str, i: int, *, slot: str = "general",
             whole: str = "概述", means: str = "做法", aim: str = "成效") -> str:
    """One general sentence: a whole sentence from the bank, or a means clause plus an aim clause picked
    independently (every aim of a theme fits every means of it)."""
    if spec.get(means) and spec.get(aim) and (not spec.get(whole) or pick.chance(0.55, slot, theme, i)):
        return sentence(pick.text(spec[means], slot, theme, i, "means") + "，"
                        + pick.text(spec[aim], slot, theme, i, "aim"))
    return sentence(pick.text(spec[whole], slot, theme, i))


def _theme_item(n: int, tf: ThemeFacts, bank: Bank, pick: _Choose, ctx: dict,
                last_lead: str) -> tuple[Block, str]:
    spec = bank.get("亮点", "主题", tf.theme)
    theme = tf.theme
    pick.begin_item()
    lead = pick.text(spec["要点"], "lead", theme, avoid_start=last_lead[:2])
    pick.leads |= _grams(lead)
    for case in tf.cases:  # the clerk's own words: no bank sentence may echo them
        pick.count(pick.note(case))
    clauses = [pick.note(fact_clause(f, bank, pick, ctx)) for f in tf.facts]
    # A thin item gets a third general sentence, and so does every item of a township (it speaks for
    # many villages; real township reports run to three thousand characters and more).
    thin = len(tf.facts) + len(tf.cases) <= 2
    general = [_general(spec, pick, theme, i) for i in range(3 if thin or pick.level == "镇" else 2)]
    facts: list[str] = []
    if clauses:
        opener = pick.text(spec.get("引语") or bank.get("亮点", "通用引语"), "opener", theme)
        # A framing clause before the figures ("坚持教育与管理并重，全年……"): broad enough for any figure
        # of the theme, so it never claims the figures came from one particular measure.
        if spec.get("数字引语") and pick.chance(0.5, "fact-means", theme):
            opener += pick.text(spec["数字引语"], "fact-means", theme) + "，"
        grouped = _join_clauses(clauses)
        facts.append(sentence(opener + grouped[0]))
        facts.extend(sentence(g) for g in grouped[1:])
    facts.extend(sentence(c) for c in tf.cases)
    link = pick.text(bank.get("亮点", "衔接"), "link", theme)
    second = [link + g for g in general[1:2]] + general[2:]
    # Where the figures stand varies: after the first general sentence, after both, or straight after
    # the lead (only when there are figures to lead with).
    shape = pick.shape(3 if facts else 1, "layout", theme)
    if shape == 0:
        sentences = [general[0], *facts, *second]
    elif shape == 1:
        sentences = [general[0], *second, *facts]
    else:
        sentences = [*facts, general[0], *second]
    closing = pick.text(spec["收束"], "close", theme)
    sentences.append(pick.text(bank.get("亮点", "收束引语"), "close-lead", theme) + closing)
    return _numbered(n, lead, (sentence(s) for s in sentences)), lead


# --- 二、存在的问题及原因 ---------------------------------------------------------------------------

def _problems(report: Report, bank: Bank, pick: _Choose, ctx: dict, warnings: list[str]) -> list[Block]:
    spec = bank.get("问题")
    structure = bank.get("结构")
    blocks = [Block(Role.HEADING2, (Span(structure["问题小标题"]),))]
    if report.problems:
        blocks.append(body(pick.text(spec["问题引语"], "problems", "intro")))
        blocks += _items(report.problems, spec["问题"], bank, pick, ctx, "problem")
    else:
        warnings.append("没有填写“问题”，第二部分标出了【待补充：存在的问题】。")
        blocks.append(body(Span("【待补充：存在的问题（在“问题”下填写）】", missing=True)))
    blocks.append(Block(Role.HEADING2, (Span(structure["原因小标题"]),)))
    if report.causes:
        blocks.append(body(pick.text(spec["原因引语"], "causes", "intro")))
        blocks += _items(report.causes, spec["原因"], bank, pick, ctx, "cause")
    else:
        warnings.append("没有填写“原因”，第二部分标出了【待补充：产生问题的主要原因】。")
        blocks.append(body(Span("【待补充：产生问题的主要原因（在“原因”下填写）】", missing=True)))
    blocks.append(body(pick.text(spec["收尾"], "problems", "end")))
    return blocks


def _items(items: tuple[Item, ...], kinds: dict, bank: Bank, pick: _Choose, ctx: dict,
           slot: str) -> list[Block]:
    out = []
    for i, item in enumerate(items):
        ordinal = _ordinal(bank, i)
        if item.kind is None:
            out.append(body(Span(ordinal, lead=True), sentence(item.text)))
            continue
        pick.begin_item()
        lead, detail = _kind_wording(kinds[item.kind], pick, slot, item.kind)
        out.append(body(Span(ordinal + sentence(lead), lead=True), sentence(detail)))
    return out


def _kind_wording(kind: Mapping, pick: _Choose, slot: str, name: str) -> tuple[str, str]:
    """Return (lead, elaboration) of a problem or cause kind, each part picked independently.

    A kind lists 要点 (leads), and its elaboration as 表现 (what happens) plus 影响 (what it leads to),
    any 表现 fitting any 影响, and/or whole 展开 sentences. The older shape, 说法: [{要点, 展开}, …], still
    works: every wording of a kind describes the same problem, so any lead fits any elaboration.
    """
    if "说法" in kind:
        wordings = kind["说法"]
        leads, whole = [w["要点"] for w in wordings], [w["展开"] for w in wordings]
    else:
        leads, whole = kind["要点"], kind.get("展开") or []
    lead = pick.text(leads, slot, name, "lead")
    if kind.get("表现") and kind.get("影响") and (not whole or pick.chance(0.8, slot, name, "form")):
        detail = pick.text(kind["表现"], slot, name, "how") + "，" + pick.text(kind["影响"], slot, name, "so")
    else:
        detail = pick.text(whole, slot, name, "detail")
    return lead, detail


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
        intro = pick.text(spec["引言"], "measures", "intro")
    blocks = [body(intro)]
    for item in report.problems:
        if item.kind is None and item.theme is None:
            warnings.append(f"自述问题“{item.text[:16]}…”没有写主题，第三部分没有专门针对它的措施。"
                            "可以写成 {自述: …, 主题: 组织建设} 让第三部分对应回应。")
    n, last = 0, ""
    for n, theme in enumerate(measure_themes(report, order), 1):
        t = spec["主题"][theme]
        pick.begin_item()
        pick.said = set(pick.leads)  # a plan that repeats last year's heading reads like a copy
        lead = last = pick.text(t["要点"], "measure-lead", theme, avoid_start=last[:2])
        sentences = [_general(t, pick, theme, i, slot="measure", whole="展开", means="举措", aim="目的")
                     for i in range(4 if pick.level == "镇" else 3)]
        sentences[1] = pick.text(spec["衔接"], "measure-link", theme) + sentences[1]
        targets = [f for f in report.targets if f.metric.theme == theme]
        if targets:
            opener = pick.text(spec["目标引语"], "target", theme, not_in="".join(sentences))
            clauses = [fact_clause(f, bank, pick, ctx, target=True) for f in targets]
            sentences.append(sentence(opener + "，".join(clauses)))
        blocks.append(_numbered(n, lead, (sentence(s) for s in sentences)))
    if report.tasks:
        lead = pick.text(spec["事项要点"], "tasks")
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
