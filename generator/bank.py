"""Phrase banks: YAML files of Jinja2 strings in `templates/bank/`, rendered in a sandbox.

One `make_env()` (sandboxed, `StrictUndefined`) for every bank string; strings are compiled lazily and
cached, so a draft only pays for the variants it uses. Values from the input are passed as variables and
never compiled, so `{{ 7*7 }}` typed by a clerk comes out literally.
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path
from collections.abc import Mapping, Sequence
from typing import Any

from jinja2 import StrictUndefined, TemplateError as JinjaError
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from .errors import TemplateError
from .resources import load_data, templates_dir

BANK_FILES = ("称谓", "结构", "开头", "亮点", "问题", "措施")
MAX_OUTPUT = 4000  # characters one bank string may produce; a phrase is a sentence or two


MAX_RANGE = 1000        # a phrase never needs a long loop
MAX_ITERATIONS = 10_000  # range() items one phrase may draw in all, so nested loops stay bounded too


class _Sandbox(SandboxedEnvironment):
    """Jinja's sandbox, plus bounds on time and memory for templates from other townships."""

    intercepted_binops = frozenset(["*", "**"])

    def __init__(self, **options: Any):
        super().__init__(**options)
        self.budget = MAX_ITERATIONS
        self.globals["range"] = self._range

    def _range(self, *args: int) -> range:
        """Return `range(*args)`, refusing long ranges and too many in one phrase."""
        r = range(*args)
        self.budget -= len(r)
        if len(r) > MAX_RANGE or self.budget < 0:
            raise SecurityError(f"range() 太大或循环太多（单个上限 {MAX_RANGE}，每条共 {MAX_ITERATIONS}）")
        return r

    def call_binop(self, context, operator, left, right):
        """Refuse `'很长' * 10**9` and `10**10**10` before they exhaust memory."""
        if operator == "**" and isinstance(right, int) and abs(right) > 64:
            raise SecurityError("乘方的指数太大")
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(n, int) and len(seq) * n > MAX_OUTPUT:
                    raise SecurityError("重复生成的内容太长")
        return super().call_binop(context, operator, left, right)


def make_env() -> _Sandbox:
    """Return the one Jinja2 environment every phrase is rendered in: sandboxed, StrictUndefined."""
    return _Sandbox(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False,
                    trim_blocks=True, lstrip_blocks=True)


class Bank:
    """The phrase banks of one templates directory."""

    def __init__(self, root: Path | None = None):
        self.root = root or templates_dir()
        self.env = make_env()
        self.data: dict[str, Any] = {}
        for name in BANK_FILES:
            try:
                self.data[name] = load_data(f"bank/{name}.yaml", self.root)
            except FileNotFoundError:
                raise TemplateError(f"词库文件缺失：{self.root / 'bank' / (name + '.yaml')}") from None
            except Exception as exc:  # yaml errors in a maintainer-edited bank
                raise TemplateError(f"词库文件 bank/{name}.yaml 无法读取：{exc}") from None
        self._compiled: dict[str, Any] = {}
        self._levels: dict[tuple[int, str], tuple[Any, list]] = {}

    def get(self, *path: str) -> Any:
        """Return the bank entry at `path` (file, then keys); raise `TemplateError` when absent."""
        node: Any = self.data
        for key in path:
            if not isinstance(node, dict) or key not in node:
                raise TemplateError(f"词库缺少条目：{' → '.join(path)}")
            node = node[key]
        return node

    def has(self, *path: str) -> bool:
        try:
            self.get(*path)
            return True
        except TemplateError:
            return False

    def for_level(self, options: Sequence[Any], level: str) -> list[Any]:
        """Return the options usable at `level`: a string prefixed `镇|` or `村|` is only for that level.

        Lists of the bank are filtered once per level and remembered (with the list itself, so an id is
        never mistaken for another list's)."""
        cached = self._levels.get((id(options), level))
        if cached is not None and cached[0] is options:
            return cached[1]
        out = self.level_filter(options, level)
        if len(self._levels) < 20_000:
            self._levels[(id(options), level)] = (options, out)
        return out

    @staticmethod
    def level_filter(options: Sequence[Any], level: str) -> list[Any]:
        out = []
        for option in options:
            if isinstance(option, str) and option[1:2] == "|" and option[0] in "镇村":
                if option[0] == level:
                    out.append(option[2:])
            else:
                out.append(option)
        return out

    def render(self, source: str, context: Mapping[str, Any]) -> str:
        """Render one bank string with `context`; map every Jinja failure to `TemplateError`. Alternatives
        not chosen by an author before (`Choose.one`) are said by their first."""
        if "〔" in source:
            source = first_alternatives(source)
        if "{" not in source:
            return source
        if _SIMPLE.fullmatch(source):
            return _substitute(source, context)
        template = self._compiled.get(source)
        self.env.budget = MAX_ITERATIONS
        try:
            if template is None:
                template = self._compiled[source] = self.env.from_string(source)
            out: list[str] = []
            size = 0
            for chunk in template.generate(context):
                size += len(chunk)
                if size > MAX_OUTPUT:
                    raise TemplateError(f"词库条目输出过长（超过 {MAX_OUTPUT} 字）：{source[:40]}")
                out.append(chunk)
            return "".join(out)
        except TemplateError:
            raise
        except JinjaError as exc:
            raise TemplateError(f"词库条目“{source[:40]}”无法生成：{_jinja_reason(exc)}") from None
        except RecursionError:
            raise TemplateError(f"词库条目“{source[:40]}”递归过深。") from None
        except Exception as exc:  # a bank string is data: whatever it does wrong is a template error
            raise TemplateError(f"词库条目“{source[:40]}”无法生成：{type(exc).__name__}：{exc}") from None


# Most phrases only substitute variables ("发展党员{{数量}}"). Those skip Jinja's compiler (~0.5 ms a
# string, most of a cold start) and are filled in directly, with the same strictness: an unknown name
# is an error, never an empty string.
_VARIABLE = re.compile(r"\{\{\s*([^\W\d]\w*)\s*\}\}")
_SIMPLE = re.compile(r"(?:[^{}]|\{\{\s*[^\W\d]\w*\s*\}\})*")


@lru_cache(maxsize=256)
def _stride(n: int) -> int:
    """A step coprime with n near n × 0.618: consecutive seats land far apart on the wheel, so a seat's
    second choice is not its neighbour's first."""
    from math import gcd

    step = max(1, round(n * 0.618))
    while gcd(step, n) != 1:
        step += 1
    return step


def _turned(slot: bytes, turn: int, n: int, stride: int) -> int:
    """How far the wheel of a slot is rotated on its `turn`-th round (seats turn·n … turn·n + n − 1): each
    round serves every option once, as the first does, but rotated by an amount hashed from the slot, so
    seats n apart do not meet on every list of n options (南滩村 and 永丰村, eleven seats apart, said the same
    wordings of every list of eleven: 8 of 41 clauses), and never by an amount that gives the round's first
    seat the option of the seat before it."""
    offset = 0
    for t in range(1, turn + 1):
        previous = offset
        offset = int.from_bytes(hashlib.blake2b(slot + b"|%d" % t, digest_size=8).digest(), "big") % n
        if (stride + offset - previous) % n == 0:
            offset += 1
    return offset


def _substitute(source: str, context: Mapping[str, Any]) -> str:
    def value(match: re.Match) -> str:
        name = match.group(1)
        if name not in context:
            raise TemplateError(f"词库条目“{source[:40]}”无法生成：用到了不存在的变量（'{name}' is undefined）")
        return str(context[name])

    return _VARIABLE.sub(value, source)


def _jinja_reason(exc: JinjaError) -> str:
    name = type(exc).__name__
    if name == "UndefinedError":
        return f"用到了不存在的变量（{exc.message}）"
    if name == "SecurityError":
        return f"做了沙箱不允许的操作（{exc.message}）"
    if name == "TemplateSyntaxError":
        return f"Jinja2 语法错误（{exc.message}）"
    return str(exc)


# Alternatives inside one entry: 专门为党建腾出的时间〔不多|偏少|有限〕. Each author says one of them (the same
# one wherever the same choice comes again in the draft: a habit, as 用词习惯 are), so one entry is several
# sentences. Thirty drafts of one township's facts drew the same whole clause of a list of thirty-eight three
# times and more (birthday odds: n³ / N²); the alternatives multiply N where the words allow it, written by the
# maintainer where they read right, not swapped blindly everywhere as a habit is. A group needs its |:
# 〔2024〕 in a document number is text.
ALTERNATIVES = re.compile(r"〔([^〔〕|]*(?:\|[^〔〕|]*)+)〕")


def first_alternatives(text: str) -> str:
    """`text` with each group of alternatives said by its first: what a reader of the bank sees as the entry
    (`gen-report metrics`, the checks) and what any wording not chosen through an author says."""
    if "〔" not in text:
        return text
    return ALTERNATIVES.sub(lambda m: m.group(1).split("|", 1)[0], text)


def expansions(text: str) -> list[str]:
    """Every sentence `text` can say, one per combination of its alternatives (for the checks that read each
    wording: no figure, no copied seed sentence, no level word out of place)."""
    m = ALTERNATIVES.search(text)
    if m is None:
        return [text]
    head, tail = text[:m.start()], text[m.end():]
    return [head + word + rest for word in m.group(1).split("|") for rest in expansions(tail)]


def wording_count(options: Any) -> int:
    """How many wordings a slot's list can say: an entry {拼: [[…], […]]} says every combination of its parts
    (词库规模.yaml counts these: one 拼 of six, twenty-nine and twenty-nine parts is no single wording), and
    an entry with alternatives (〔不多|偏少〕) each combination of them."""
    if not isinstance(options, list):
        return len(options) if isinstance(options, dict) else 0
    total = 0
    for o in options:
        parts = o.get("拼") if isinstance(o, dict) else None
        if isinstance(parts, list) and parts:
            n = 1
            for part in parts:
                n *= wording_count(part) if isinstance(part, list) else 1
            total += n
        else:
            text = o.get("说", "") if isinstance(o, dict) else o
            n = 1
            for m in ALTERNATIVES.finditer(text if isinstance(text, str) else ""):
                n *= m.group(1).count("|") + 1
            total += n
    return total


@lru_cache(maxsize=8)
def load_bank(root: Path | None = None) -> Bank:
    """Return the (cached) bank for `root`, default the bundled templates. A township's own folder is
    checked whole when loaded (`audit`): an entry this draft happens not to use is no less broken."""
    bank = Bank(root)
    if root is not None and Path(root).resolve() != templates_dir().resolve():
        audit(bank)
    return bank


# The variables compose gives the bank strings besides the level words of 称谓.yaml: the report's (context)
# and those one kind of sentence fills in (数量 of a figure, 第 of a place in part two …).
VARIABLES = ("单位", "组织", "职务", "上级", "层级", "年度", "下年", "主题", "品牌", "指导思想", "理论", "会议精神",
             "学习教育", "对照学习教育", "年份定位", "换届", "中心工作", "数量", "从量", "到量", "变化", "第", "问题", "方面",
             "目标", "实际", "差", "甲", "乙", "门槛", "数", "提法", "含义", "品牌含义", "经过")


def audit(bank: Bank) -> None:
    """Try every entry of the banks once, with stand-in values: an unknown variable, a syntax error, a
    sandbox escape or a runaway loop anywhere is a `TemplateError` naming them all, before any draft."""
    names = set(VARIABLES)
    for level in (bank.data.get("称谓") or {}).values():
        if isinstance(level, dict):
            names.update(k for k, v in level.items() if isinstance(v, str))
    stand_in = {n: ("2024" if n in ("年度", "下年") else "某") for n in names}
    problems: list[str] = []

    def walk(node, where: tuple) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, (*where, str(key)))
        elif isinstance(node, list):
            for value in node:
                walk(value, where)
        elif isinstance(node, str) and "{" in node:
            text = node[2:] if node[1:2] == "|" and node[0] in "镇村" else node
            try:
                bank.render(text, stand_in)
            except TemplateError as exc:
                problems.append(f"bank/{where[0]}.yaml → {' → '.join(where[1:])}：{exc}")

    for name, data in bank.data.items():
        walk(data, (name,))
    if problems:
        shown = "\n".join(problems[:20]) + (f"\n……另有 {len(problems) - 20} 处" if len(problems) > 20 else "")
        raise TemplateError(f"词库条目有 {len(problems)} 处无法生成：\n{shown}")


class Picker:
    """Deterministic choices: the same (unit, year, variant, key) always picks the same option.

    A choice is a hash of the key, not a seeded `random.Random` (seeding costs more than the hash, and a
    draft makes some two hundred choices).

    With a `seat` (a draft's place among the drafts of one batch), the first draw for a slot is not a hash
    of the unit but a turn of the wheel: the slot's start, the same for every draft of the year, plus the
    seat times a stride coprime with the list's length. Neighbouring seats then take different options of
    every list, and a list of n options serves n seats before any option comes round again; hashed draws
    would give two drafts the same option one time in n, whatever their seats. Each later round of the wheel
    is rotated by the slot (`_turned`), so the seats that meet on one list are not the seats that meet on the
    next. (Measured: a wheel of
    places hashed from the options' texts, robust to a list filtered for one draft, did worse — its arcs
    are unequal, so some options serve many seats.)"""

    def __init__(self, unit: str, year: int, variant: int = 0, seat: int | None = None):
        self.base = f"{unit}|{year}|{variant}"
        self.shared = f"{year}|{variant}"
        self.seat = seat

    def number(self, *key: Any) -> int:
        """Return a 64-bit number fixed by the key."""
        text = "|".join([self.base, *map(str, key)]).encode("utf-8")
        return int.from_bytes(hashlib.blake2b(text, digest_size=8).digest(), "big")

    def draw(self, options: Sequence[Any], *key: Any) -> int:
        """The index of the first option to try of `options` for this slot (see the class)."""
        n = len(options)
        if self.seat is None or n < 2:
            return self.number(*key) % n
        text = "|".join([self.shared, *map(str, key)]).encode("utf-8")
        start = int.from_bytes(hashlib.blake2b(text, digest_size=8).digest(), "big")
        stride = _stride(n)
        return (start + self.seat * stride + _turned(text, self.seat // n, n, stride)) % n

    def one(self, options: Sequence[Any], *key: Any) -> Any:
        if not options:
            raise TemplateError(f"词库条目为空：{' → '.join(map(str, key))}")
        return options[self.number(*key) % len(options)]

    def chance(self, p: float, *key: Any) -> bool:
        return self.number("chance", *key) % 10_000 < p * 10_000

