"""The metrics catalogue (`templates/metrics.yaml`) and the problem/cause kinds of the phrase bank.

A metric key may carry parameters written as `{name}`: `集体经济收入超{门槛}万元的村` matches the input key
`集体经济收入超10万元的村` with 门槛 = 10. Numbers in keys are input too, so the catalogue itself never holds
a figure.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from collections.abc import Mapping

from .errors import TemplateError
from .levels import LEVEL_GROUPS, LEVEL_HELP, LEVELS, TIERS, expand_levels, fits_tier, levels_text, tier  # noqa: F401 — re-exported
from .resources import load_data, templates_dir

_PARAM = re.compile(r"\{(\w+)\}")
_NUMBER = r"(?P<{}>\d+(?:\.\d+)?)"


@dataclass(frozen=True)
class Unit:
    name: str
    integer: bool
    minimum: float
    maximum: float


@dataclass(frozen=True)
class Metric:
    key: str                      # canonical key, possibly with {params}
    theme: str                    # theme name, or "基本情况"
    unit: str
    phrases: tuple[str, ...]
    change_phrases: tuple[str, ...]
    target_phrases: tuple[str, ...]
    aliases: tuple[str, ...]
    params: tuple[str, ...]
    rise_word: str = "提高"
    fall_word: str = "下降"
    levels: tuple[str, ...] = ("镇", "乡", "街道", "村", "社区")   # the levels whose reports may carry it
    direction: str = "升"                      # 升 | 降 | 中: which way is better
    other_units: tuple[tuple[str, tuple[str, ...]], ...] = ()   # (unit, phrases) also accepted
    terms: tuple[str, ...] = ()                # 关键词: words a clerk's case uses for what this counts
    aim: str = "达到"                          # 目标是: what a bare target means, 达到 (a level) or 新增 (an amount)
    aim_phrases: tuple[tuple[str, tuple[str, ...]], ...] = ()   # 达到说法 / 新增说法: a target of either kind
    cap: str | None = None                     # 目标不超过: the metric whose count this year bounds next year's target
    rise_cap: float | None = None              # 目标增幅上限: % above this year's level past which a target is questioned
    at_least: tuple[str, ...] = ()             # 不少于: 基本情况 totals a smaller figure is questioned against

    def target_wordings(self, aim: str | None) -> tuple[str, ...]:
        """The wordings of a target of `aim` (达到 or 新增; None: the metric's own kind)."""
        aim = aim or self.aim
        own = dict(self.aim_phrases).get(aim)
        if own:
            return own
        return self.target_phrases if aim == self.aim else ()

    def better(self, before: float, after: float) -> bool | None:
        """True if before → after is the good direction, False if the bad one, None if neutral."""
        if self.direction == "中":
            return None
        return after < before if self.direction == "降" else after > before

    def display(self) -> str:
        """Return the key as a clerk would type it, with N for each parameter."""
        return _PARAM.sub("N", self.key)


@dataclass(frozen=True)
class Practice:
    """A concrete practice (做法) of `templates/做法.yaml` that a clerk can confirm."""

    key: str
    theme: str
    levels: tuple[str, ...]
    metrics: tuple[str, ...]      # metric keys whose figures this practice carries
    phrases: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    with_figure: tuple[tuple[str, tuple[str, ...]], ...] = ()   # (metric key, wordings with {{数量}})
    terms: tuple[str, ...] = ()   # 关键词: words a clerk's case uses when it tells of this practice

    def figure_phrases(self, metric_key: str) -> tuple[str, ...]:
        return dict(self.with_figure).get(metric_key, ())


METRIC_KEYS = ("单位", "别名", "说法", "变化说法", "目标说法", "变化词", "层级", "方向", "其他单位", "关键词",
               "目标是", "达到说法", "新增说法", "目标不超过", "目标增幅上限", "不少于")
AIMS = ("达到", "新增")
THEME_KEYS = ("别名", "关键词")
PRACTICE_KEYS = ("层级", "别名", "指标", "说法", "带数说法", "关键词")

@dataclass(frozen=True)
class Kind:
    """A problem or cause kind of the phrase bank."""

    key: str
    theme: str | None
    name: str | None = None          # 简称: how part three names it (针对……的问题); the key when absent
    terms: tuple[str, ...] = ()      # 关键词: words of a clerk's own problem that make it this kind
    explains: tuple[str, ...] = ()   # causes: 解释, the problem kinds (or themes) this cause accounts for
    plans: tuple[str, ...] = ()      # 事项词: words of the plans that answer it (发展党员 for 党员队伍老化)

    @property
    def label(self) -> str:
        return self.name or self.key


class Catalogue:
    """Lookups over the catalogue; build with `load_catalogue()`."""

    def __init__(self, data: dict, kinds: dict[str, dict[str, Kind]], practices: dict | None = None):
        self.found: list[str] = []   # problems in the maintainer's files, all said at once (load_catalogue)
        self._unsayable: dict = {}   # (practice, level's 不用词) → the word that blocks it (unsayable)
        self.units = {name: Unit(name, bool(u.get("整数")), float(u.get("下限", 0)),
                                 float(u.get("上限", 1e12)))
                      for name, u in (data.get("单位") or {}).items()}
        self.unit_aliases: dict[str, str] = dict(data.get("单位别名") or {})
        self.themes: tuple[str, ...] = tuple(data["主题"])
        for name, spec in data["主题"].items():
            self._keys(f"metrics.yaml → 主题 → {name}", spec or {}, THEME_KEYS)
        self._theme_alias = {}
        self.keywords: tuple[tuple[str, str], ...] = tuple(
            (word, name) for name, spec in data["主题"].items() for word in (spec or {}).get("关键词", []))
        for name, spec in data["主题"].items():
            self._theme_alias[name] = name
            for alias in (spec or {}).get("别名", []):
                self._theme_alias[alias] = name
        self.metrics: dict[str, tuple[Metric, ...]] = {}
        groups = {"基本情况": data.get("基本情况") or {}, **(data.get("指标") or {})}
        for theme, entries in groups.items():
            if theme != "基本情况" and theme not in self.themes:
                self.found.append(f"metrics.yaml → 指标 → {theme}：这个分组不在“主题”列表里。")
                continue
            built = (self._metric(theme, key, spec or {}) for key, spec in (entries or {}).items())
            self.metrics[theme] = tuple(m for m in built if m is not None)
            keys = {m.key for m in self.metrics[theme]}
            self.found += [f"metrics.yaml → 指标 → {theme} → {m.key} → 目标不超过：“{m.cap}”不是“{theme}”的指标。"
                           for m in self.metrics[theme] if m.cap and m.cap not in keys]
        basics = {m.key for m in self.metrics.get("基本情况", ())}
        self.found += [f"metrics.yaml → 指标 → {t} → {m.key} → 不少于：“{k}”不是“基本情况”里的指标。"
                       for t, ms in self.metrics.items() for m in ms for k in m.at_least if k not in basics]
        self._exact: dict[tuple[str, str], Metric] = {}
        self._patterns: list[tuple[str, re.Pattern, Metric]] = []
        for theme, metrics in self.metrics.items():
            for m in metrics:
                for form in (m.key, *m.aliases):
                    if m.params:
                        self._patterns.append((theme, _compile(form), m))
                    else:
                        self._exact[(theme, form)] = m
        self.problems = kinds["问题"]
        self.causes = kinds["原因"]
        self.practices: dict[str, tuple[Practice, ...]] = {}
        self._practice_names: dict[tuple[str, str], Practice] = {}
        for theme, entries in (practices or {}).items():
            if theme not in self.themes:
                self.found.append(f"做法.yaml → 做法 → {theme}：这个主题不在 metrics.yaml 的“主题”列表里。")
                continue
            found = []
            for key, spec in (entries or {}).items():
                p = self._practice(theme, key, spec or {})
                if p is None:
                    continue
                found.append(p)
                for name in (key, *p.aliases):
                    self._practice_names[(theme, name)] = p
            self.practices[theme] = tuple(found)

    def _practice(self, theme: str, key: str, spec: dict) -> Practice | None:
        where = f"做法.yaml → 做法 → {theme} → {key}"
        before = len(self.found)
        self._keys(where, spec, PRACTICE_KEYS)
        phrases = tuple(spec.get("说法") or ())
        levels, wrong = expand_levels(spec.get("层级"))
        if len(phrases) < 2:
            self.found.append(f"{where} → 说法：至少要有两种说法。")
        if wrong:
            self.found.append(f"{where} → 层级：{'、'.join(wrong)} 不是层级。{LEVEL_HELP}")
        known = {m.key for m in self.metrics.get(theme, ())}
        metrics = tuple(spec.get("指标") or ())
        unknown = [m for m in metrics if m not in known]
        if unknown:
            self.found.append(f"{where} → 指标：{'、'.join(unknown)} 不在“{theme}”的指标里。")
        with_figure = tuple((m, tuple(w)) for m, w in (spec.get("带数说法") or {}).items())
        stray = [m for m, w in with_figure if m not in metrics or not all("{{数量}}" in x for x in w)]
        if stray:
            self.found.append(f"{where} → 带数说法：{'、'.join(stray)} 要属于它的“指标”，每种说法都要有 {{{{数量}}}}。")
        if len(self.found) > before:
            return None
        return Practice(key, theme, levels, metrics, phrases, tuple(spec.get("别名") or ()), with_figure,
                        tuple(spec.get("关键词") or ()))

    def _keys(self, where: str, spec: dict, allowed: tuple[str, ...]) -> None:
        """Unknown keys are typos (别名x): said with the path and a close name, as mkdocs says of its config."""
        for k in spec:
            if k not in allowed:
                close = _close(str(k), list(allowed))
                hint = f"您是不是想写“{close[0]}”？" if close else f"可写的项目：{'、'.join(allowed)}。"
                self.found.append(f"{where}：不认识的项目“{k}”。{hint}")

    avoid_words: dict[str, list[str]] = {}
    self_words: dict[str, tuple[str, ...]] = {}   # 称谓.yaml → 自称: how each township level names itself
    echoes: dict = {}   # 呼应.yaml: whether a problem already speaks of a missed target (validation.last_year)

    def fits_level(self, practice: Practice, level: str) -> bool:
        """True if `practice` is one of `level`'s and can be worded for its report (社区 has no 村民, 街道 no
        田间)."""
        return level in practice.levels and self.unsayable(practice, level) is None

    def unsayable(self, practice: Practice, level: str) -> str | None:
        """The word that keeps every wording of `practice` out of a `level` report (村 in 对村干部履职情况定期
        考核 for a 社区), else None."""
        avoid = self.avoid_words.get(level) or ()
        key = (id(practice), id(avoid))   # asked some thirty times a draft of the same practices
        hit = self._unsayable.get(key)
        if hit is not None and hit[0] is practice and hit[1] is avoid:
            return hit[2]
        blocked = [next((w for w in avoid if w in p), None) for p in practice.phrases]
        word = None if not blocked or not all(blocked) else blocked[0]
        self._unsayable[key] = (practice, avoid, word)
        return word

    def practice(self, theme: str, name: str) -> Practice | None:
        return self._practice_names.get((theme, name))

    def practice_suggestions(self, theme: str, name: str) -> list[str]:
        return _close(name, [p.key for p in self.practices.get(theme, ())])

    def unit_for(self, metric: Metric, written: str) -> str | None:
        """Return the unit a figure written with `written` counts in for `metric`, or None if it does not fit."""
        if not written or written == metric.unit:
            return metric.unit
        if written in dict(metric.other_units):
            return written
        return metric.unit if self.unit_aliases.get(written) == metric.unit else None

    def _metric(self, theme: str, key: str, spec: dict) -> Metric | None:
        where = f"metrics.yaml → {'基本情况' if theme == '基本情况' else '指标 → ' + theme} → {key}"
        before = len(self.found)
        self._keys(where, spec, METRIC_KEYS)
        unit = spec.get("单位")
        if unit not in self.units:
            self.found.append(f"{where} → 单位：“{unit}”没有在“单位”里定义。")
        phrases = tuple(spec.get("说法") or ())
        if len(phrases) < 2:
            self.found.append(f"{where} → 说法：至少要有两种说法。")
        words = spec.get("变化词") or {}
        levels, wrong = expand_levels(spec.get("层级"))
        direction = spec.get("方向") or "升"
        if wrong:
            self.found.append(f"{where} → 层级：{'、'.join(wrong)} 不是层级。{LEVEL_HELP}")
        aim = spec.get("目标是") or "达到"
        if aim not in AIMS:
            self.found.append(f"{where} → 目标是：只能写 达到 或 新增，现在是“{aim}”。")
        if direction not in ("升", "降", "中"):
            self.found.append(f"{where} → 方向：只能写 升、降、中，现在是“{direction}”。")
        others = tuple((u, tuple(ph)) for u, ph in (spec.get("其他单位") or {}).items())
        for u, _ in others:
            if u not in self.units:
                self.found.append(f"{where} → 其他单位：“{u}”没有在“单位”里定义。")
        if not isinstance(spec.get("不少于") or [], list):
            self.found.append(f"{where} → 不少于：写成“基本情况”里指标名称的列表（如 [村党组织, 社区党组织]）。")
        rise_cap = spec.get("目标增幅上限")
        if rise_cap is not None and (isinstance(rise_cap, bool) or not isinstance(rise_cap, (int, float))
                                     or rise_cap <= 0):
            self.found.append(f"{where} → 目标增幅上限：写一个大于 0 的百分数（如 50），现在是“{rise_cap}”。")
        if len(self.found) > before:
            return None
        return Metric(key=key, theme=theme, unit=str(unit), phrases=phrases, levels=levels, direction=direction,
                      other_units=others,
                      change_phrases=tuple(spec.get("变化说法") or ()),
                      target_phrases=tuple(spec.get("目标说法") or ()),
                      aliases=tuple(spec.get("别名") or ()), params=tuple(_PARAM.findall(key)),
                      terms=tuple(spec.get("关键词") or ()),
                      rise_word=words.get("增", "提高"), fall_word=words.get("减", "下降"), aim=aim,
                      aim_phrases=tuple((a, tuple(spec[f"{a}说法"])) for a in AIMS if spec.get(f"{a}说法")),
                      cap=spec.get("目标不超过"), rise_cap=spec.get("目标增幅上限"),
                      at_least=tuple(map(str, spec.get("不少于") or ())))

    def theme(self, name: str) -> str | None:
        """Return the canonical theme for `name` (or an alias of it), else None."""
        return self._theme_alias.get(name)

    def theme_of_text(self, text: str) -> str | None:
        """Return the theme an own-words problem belongs to, by the first catalogue keyword it contains."""
        hit = self.theme_word_at(text)
        return hit[1] if hit else None

    def theme_word_at(self, text: str) -> tuple[int, str] | None:
        """Where the first catalogue keyword of `text` stands, and its theme."""
        hits = [(text.find(word), -len(word), theme) for word, theme in self.keywords if word in text]
        return (min(hits)[0], min(hits)[2]) if hits else None

    def kind_of_text(self, kinds: Mapping, text: str) -> "Kind | None":
        """The bank kind an own-words problem or cause speaks of, by the kind's 关键词 (the earliest in the
        text, the longest on a tie), else None."""
        hits = [(text.find(w), -len(w), k.key) for k in kinds.values() for w in k.terms if w in text]
        return kinds[min(hits)[2]] if hits else None

    def theme_suggestions(self, name: str) -> list[str]:
        return _close(name, list(self._theme_alias))

    def lookup(self, theme: str, key: str) -> tuple[Metric, dict[str, str]] | None:
        """Return the metric `key` names within `theme` and its parameters, else None."""
        m = self._exact.get((theme, key))
        if m is not None:
            return m, {}
        for t, pattern, metric in self._patterns:
            if t == theme:
                hit = pattern.fullmatch(key)
                if hit:
                    return metric, hit.groupdict()
        return None

    def lookup_any(self, key: str) -> tuple[Metric, dict[str, str]] | None:
        """Return the metric `key` names in any theme (targets are not grouped by theme)."""
        for theme in self.metrics:
            if theme == "基本情况":
                continue
            hit = self.lookup(theme, key)
            if hit:
                return hit
        return None

    def suggestions(self, key: str, theme: str | None = None, unit: str | None = None) -> list[str]:
        """Return close catalogue keys for a mistyped `key`, the given theme's first; with `unit` (the unit
        the clerk wrote after the figure), only metrics counted in that unit."""
        themes = [theme] if theme else [t for t in self.metrics if t != "基本情况"]
        names = [form for t in themes for m in self.metrics.get(t, ())
                 if unit is None or self.unit_for(m, unit) is not None
                 for form in (m.display(), *(_PARAM.sub("N", a) for a in m.aliases))]
        close = _close(key, names)
        if not close and theme:
            other = self.suggestions(key, unit=unit)
            return [f"{n}（属于“{self.owner(n)}”）" for n in other]
        return close

    def owner(self, display_key: str) -> str:
        for theme, metrics in self.metrics.items():
            for m in metrics:
                if display_key in (m.display(), *(_PARAM.sub("N", a) for a in m.aliases)):
                    return theme
        return ""


def _compile(form: str) -> re.Pattern:
    pieces = []
    last = 0
    for hit in _PARAM.finditer(form):
        pieces.append(re.escape(form[last:hit.start()]))
        pieces.append(_NUMBER.format(hit.group(1)))
        last = hit.end()
    pieces.append(re.escape(form[last:]))
    return re.compile("".join(pieces))


def _close(word: str, names: list[str]) -> list[str]:
    """Return up to three names close to `word`; Chinese keys are short, so the cutoff is lenient."""
    close = difflib.get_close_matches(word, names, n=3, cutoff=0.5)
    if not close:
        close = [n for n in names if word and (word in n or n in word)][:3]
    return list(dict.fromkeys(close))


@lru_cache(maxsize=None)
def load_catalogue(root: Path | None = None) -> Catalogue:
    """Load the catalogue and problem/cause kinds from `root` (default: the bundled templates)."""
    root = root or templates_dir()
    data = load_data("metrics.yaml", root)
    bank = load_data("bank/问题.yaml", root)
    kinds = {section: {key: Kind(key, (spec or {}).get("主题"), (spec or {}).get("简称"),
                                 tuple((spec or {}).get("关键词") or ()), tuple((spec or {}).get("解释") or ()),
                                 tuple((spec or {}).get("事项词") or ()))
                       for key, spec in (bank.get(section) or {}).items()}
             for section in ("问题", "原因")}
    try:
        practices = load_data("做法.yaml", root).get("做法") or {}
    except FileNotFoundError:  # a township's own templates folder from before the practice catalogue
        practices = {}
    try:
        cat = Catalogue(data, kinds, practices)
    except (KeyError, TypeError, AttributeError, ValueError) as exc:  # a shape no check above foresaw
        raise TemplateError(f"{root}：metrics.yaml 或 做法.yaml 的结构不对（{type(exc).__name__}：{exc}）。"
                            "请对照 docs/phrase-banks.md 里的例子检查。") from None
    if cat.found:
        raise TemplateError(f"词库文件夹 {root} 有 {len(cat.found)} 处需要修改：\n" +
                            "\n".join(f"  {i}. {m}" for i, m in enumerate(cat.found, 1)))
    words = load_data("bank/称谓.yaml", root)
    cat.avoid_words = dict(words.get("不用词") or {})
    cat.self_words = {level: tuple(ws) for level, ws in (words.get("自称") or {}).items()}
    try:
        cat.echoes = load_data("呼应.yaml", root) or {}
    except FileNotFoundError:   # a township's folder from before 呼应.yaml: matching by names alone
        cat.echoes = {}
    return cat
