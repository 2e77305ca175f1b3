"""The author of a draft: the habits one person keeps from the first line to the last.

Blind readers picked out every generated draft by its skeleton: the same theme order, the same kit in every
item, the same part two and three, whatever the unit. A real township's reports are written by different
people. An `Author` fixes, for a whole draft, what such a person fixes without thinking: how part one is
layered, the order of themes, one parallel heading family per part, one register, one connector used rarely
(or none), whether items ever close on a judgement, the architectures of its items, the order of the
opening, and the layout of parts two and three. The wording steps read it; they never choose these again.

An author is a number, 1 to 风格数 (templates/bank/作者.yaml), so a clerk can name one (风格: N, --style N)
and a batch can deal them out. Without one, the number comes from the unit's name: the same secretary keeps a
voice from year to year. Each dimension is drawn from the number; the ones that make a skeleton step through
their values (number × a stride coprime with the count), so neighbouring numbers — neighbouring rows of a
batch — never share a part-one shape, a heading family or a theme order.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from math import gcd
from collections.abc import Mapping, Sequence
from typing import Any

from .habits import adverbs_for, doubled, habits_for

# the default theme order, for a templates folder without 作者.yaml (the catalogue's own order)
CANONICAL = ("政治建设", "意识形态", "责任落实", "组织建设", "党员队伍", "干部队伍", "作风建设",
             "产业发展", "基层治理", "品牌创建")


@dataclass(frozen=True)
class Author:
    number: int
    part_one: str                   # 分项 | 归并 | 分层 | 平铺
    grouping: str                   # the 分组 used by 归并 and 分层
    order_name: str
    order: tuple[str, ...]
    heading_one: str                # heading family of part one
    heading_three: str              # heading family of part three
    register: str                   # 公文 | 平实
    connector: str | None           # the one connector this author uses, "" for none, None: the bank's
    link_chance: float
    close_chance: float             # 0 for the authors who never close on a judgement
    stance_rate: float
    stance_first: bool
    architectures: tuple[str, ...]
    opening: str                    # 站位在前 | 家底在前 | 简述 | 开门见山
    theory: str                     # 全称 | 简称: how the opening names the guiding thought
    part_two: str                   # 分列 | 对应
    problem_intro: bool
    pledge: bool
    part_three: str                 # 按主题 | 按问题
    outline: bool
    refers: bool = True             # part three names an own problem by its place (针对前面说的第二个问题)
    cause_links: bool = True        # a cause says which fields' problems it explains
    figure_lead: str | None = None  # the one lead-in before figures, "" none, None: the bank's
    figure_lead_chance: float = 1.0
    elaborate: str = "全"           # 全 | 表现 | 简: how far a bank problem or cause is spelled out (问题展开)
    sub_heads: bool = True          # 分列 under （一）存在的问题 / （二）…原因, or run on with lead-in lines
    causes_run_in: bool = False     # without sub-headings, the causes' lead-in and the causes one paragraph (原因连写)
    duty: bool = True               # the opening says a line of duty to the level above (开头表态)
    habits: tuple = ()              # word habits (habits.Habit): 将 for 把, 使 for 让 … (用词习惯)
    # a formal author's adverb before a clause's first verb, part one's and part three's (公文修饰: 深入开展 …)
    adverbs_one: Any = None         # habits.Adverbs, None for a plain author
    adverbs_three: Any = None
    overview_first: bool = True     # the unit's 家底 in the opening, else leading the 组织建设 item (家底)
    place_first: tuple[str, ...] = ()   # the 家底 figures said before the party's, for the authors who do (家底次序)
    frames: bool = True             # a stance clause (引出) before an item's first figures (数字帽子)
    runs_on: bool = False           # an item's practices and figures strung into long sentences (句子长短)
    led: tuple[str, ...] = ()       # the base figures a committee leads, said in the opening's first sentence
    served: tuple[tuple[str, str], ...] = ()   # … and the place's figures it serves, with their nouns
    self_first: bool = False        # part two opens with the writer's own failing, where the clerk gave one

    def overview_order(self, facts):
        """The unit's 家底 figures in this author's order: the place's (村民小组, 人口 …) first for the authors
        who say them first, each group in the clerk's order."""
        if not self.place_first:
            return list(facts)
        place = [f for f in facts if f.key in self.place_first]
        return place + [f for f in facts if f.key not in self.place_first]

    @property
    def skeleton(self) -> tuple[str, ...]:
        """What a reviewer sees of the layout at a glance (bench/skeleton.py counts these)."""
        grouped = self.part_one in ("归并", "分层")
        return (self.part_one + ("/" + self.grouping if grouped else ""), self.order_name, self.heading_one,
                self.part_two, self.part_three)


def _number(*key: Any) -> int:
    return int.from_bytes(hashlib.blake2b("|".join(map(str, key)).encode("utf-8"), digest_size=8).digest(), "big")


def unit_style(unit: str, count: int) -> int:
    """The author a unit gets when nobody names one: fixed by its name alone, not by the year."""
    return _number("author", unit) % count + 1


def _values(values) -> list:
    """A dimension's values: a list, or a mapping value → weight (an integer: how many shares it gets)."""
    if isinstance(values, Mapping):
        return [v for v, weight in values.items() for _ in range(int(weight))]
    return list(values)


def _stepped(values, n: int, stride: int, turn: bool = False) -> Any:
    """The n-th author's value: consecutive numbers step through every value. `turn`: each round of the
    values is turned, so two authors a round apart (one part-one family) differ here; turned so that any
    size − 1 consecutive authors keep different values across a round's end too (turned by one, the sample
    batch's 青杨村 and 杨家庄村, thirteen seats apart, had one part-three family)."""
    values = _values(values)
    size = len(values)
    while gcd(stride, size) != 1:   # coprime, so consecutive numbers step through every value
        stride += 1
    # authors n and m of rounds r and r+1 meet when stride·(n − m) + turn ≡ 0 (mod size); turned by one stride
    # that is n − m = size − 1: only the first and the last of `size` consecutive authors
    offset = (n // size) * stride if turn else 0
    return values[(n * stride + offset) % size]


def _drawn(values, n: int, name: str) -> Any:
    values = _values(values)
    return values[_number(name, n) % len(values)]


def make_author(spec: Mapping[str, Any], number: int) -> Author:
    """The author with this number, by the dimensions of 作者.yaml (remembered per bundle: building one,
    its word habits above all, took a tenth of a draft's time)."""
    key = (id(spec), number)
    hit = _AUTHORS.get(key)
    if hit is not None and hit[0] is spec:
        return hit[1]
    author = _make_author(spec, number)
    if len(_AUTHORS) < 4_000:
        _AUTHORS[key] = (spec, author)
    return author


_AUTHORS: dict = {}


def _make_author(spec: Mapping[str, Any], number: int) -> Author:
    n = number - 1
    markers = spec.get("语体标记") or {}
    groupings = list(spec["分组"])
    orders = list(spec["主题次序"])
    # a 替补 family stands in where an author's own is not for the level: not one any author takes first
    families = [name for name, e in spec["标题家族"].items() if not (isinstance(e, Mapping) and e.get("替补"))]
    closing = _drawn(spec["段尾评语"], n, "close")
    draw = lambda words, key: words[_number(key, number) % len(words)]   # noqa: E731  the author's own draw
    spoken = [*markers.get("平实", ()), *markers.get("口语", ())]
    return Author(
        number=number,
        part_one=_stepped(spec["第一部分"], n, 1),
        grouping=_drawn(groupings, n, "grouping"),
        order_name=(order := _stepped(orders, n, 2)),
        order=tuple(spec["主题次序"][order]),
        heading_one=_stepped(families, n, 7),
        # turned by one at each round of the families: two authors with one part-one family (numbers 24
        # apart) take different part-three families, so their headings do not meet in both parts
        heading_three=_stepped(families, n, 11, turn=True),
        register=(register := _drawn(spec["语体"], n, "register")),
        connector=_drawn(spec["连接词"], n, "connector"),
        link_chance=float(spec["连接概率"]),
        close_chance=float(spec["偶尔概率"]) if closing == "偶尔" else 0.0,
        stance_rate=float(_drawn(spec["立场频率"], n, "stance")),
        stance_first=_drawn(spec["立场位置"], n, "stance-at") == "前",
        architectures=tuple(_drawn(spec["条目写法"], n, "architectures")),
        opening=_drawn(spec["开头次序"], n, "opening"),
        theory=_drawn(spec.get("理论说法") or ["全称"], n, "theory"),
        part_two=_drawn(spec["第二部分"], n, "part-two"),   # drawn: stepped, it would move with part one
        problem_intro=_drawn(spec["问题引语"], n, "problem-intro") == "有",
        pledge=_drawn(spec["整改表态"], n, "pledge") == "有",
        duty=_drawn(spec.get("开头表态") or ["有"], n, "duty") == "有",
        part_three=_drawn(spec["第三部分"], n, "part-three"),
        outline=_drawn(spec["总体思路"], n, "outline") == "有",
        refers=_drawn(spec.get("回应点名") or ["按序"], n, "refers") == "按序",
        cause_links=_drawn(spec.get("原因呼应") or ["有"], n, "cause-links") == "有",
        figure_lead=_drawn(spec["数字引语"], n, "figure-lead") if "数字引语" in spec else None,
        figure_lead_chance=float(spec.get("数字引语概率", 1.0)),
        sub_heads=_drawn(spec.get("问题小标题") or ["有"], n, "sub-heads") == "有",
        causes_run_in=_drawn(spec.get("原因连写") or ["分段"], n, "causes-run-in") == "连写",
        elaborate=_drawn(spec.get("问题展开") or ["全"], n, "elaborate"),
        habits=habits_for(spec.get("用词习惯"), draw, register, float(spec.get("用词习惯比例", 1.0)), spoken),
        adverbs_one=adverbs_for(spec.get("公文修饰"), draw, register, "一", spoken),
        adverbs_three=adverbs_for(spec.get("公文修饰"), draw, register, "三", spoken),
        overview_first=_drawn(spec.get("家底") or ["开头"], n, "overview") == "开头",
        frames=_drawn(spec.get("数字帽子") or ["有"], n, "frames") == "有",
        runs_on=_drawn(spec.get("句子长短") or ["短"], n, "sentences") == "长",
        led=tuple(spec.get("带领的家底") or ()),
        served=tuple((str(k), str(v)) for k, v in (spec.get("服务的家底") or {}).items()),
        self_first=_drawn(spec.get("本人问题在前") or ["否"], n, "self-first") == "是",
        place_first=(tuple(spec.get("地情") or ())
                     if _drawn(spec.get("家底次序") or ["党员在前"], n, "overview-order") == "地情在前" else ()),
    )


# The author for a templates folder of an earlier version, without 作者.yaml: the layout drafts had before
# authors existed, every bank entry open to it.
PLAIN = Author(number=0, part_one="分项", grouping="", order_name="常规", order=CANONICAL, heading_one="",
               heading_three="", register="", connector=None, link_chance=0.2, close_chance=0.15,
               stance_rate=0.6, stance_first=False, architectures=("woven", "points", "case", "figures"),
               opening="站位在前", theory="全称", part_two="分列", problem_intro=True, pledge=True, part_three="按主题",
               outline=True)


MIN_OWN = 3   # fewer options than this in the author's register: the whole list (see 作者.yaml → 语体)


class Hand:
    """Which bank entries suit an author: those of its register. (A split of every list into "hands" by the
    entries' texts was measured and left out: two drafts of one hand then meet three times as often, so the
    mean stays and the max rises; batch seats keep a township's drafts apart instead, see bank.Picker.)"""

    def __init__(self, author: Author, markers: Mapping[str, Sequence[str]] | None):
        self.author = author
        markers = markers or {}
        self.plain = tuple(markers.get("平实") or ())
        self.formal = tuple(markers.get("公文") or ())
        self.spoken = tuple(markers.get("口语") or ())   # speech only: kept out of a formal author's practices
        # the choice for a list depends only on the list and the author's register: remembered across drafts
        # (a draft asks for some three thousand lists)
        self._lists = _MINE.setdefault((author.register, self.plain, self.formal), {})

    def register_of(self, text: str) -> str:
        return _register(text, self.plain, self.formal)

    def fits(self, text: str) -> bool:
        """Whether this author would say `text` at all: not in the other register."""
        if not self.author.register:
            return True
        kind = self.register_of(text)
        return not kind or kind == self.author.register

    def mine(self, options: list) -> list:
        """The options of a list this author draws from first: those of its register (all of them when fewer
        than MIN_OWN are)."""
        hit = self._lists.get(id(options))
        if hit is not None and hit[0] is options:
            return hit[1]
        strings = [o for o in options if isinstance(o, str) and o]
        fitting = [o for o in strings if self.fits(o)]
        if len(fitting) < MIN_OWN:   # too few of its register: every author may use the list
            fitting = strings
        out = fitting if len(fitting) < len(options) or any(not isinstance(o, str) for o in options) else options
        if len(self._lists) < 20_000:
            self._lists[id(options)] = (options, out)
        return out


_MINE: dict = {}


@lru_cache(maxsize=65536)
def _register(text: str, plain: tuple, formal: tuple) -> str:
    if any(w in text for w in plain) or doubled(text):   # 学一学: speech (马家庄村, a fresh input)
        return "平实"
    if any(w in text for w in formal):
        return "公文"
    return ""


__all__ = ["Author", "Hand", "make_author", "unit_style", "PLAIN", "CANONICAL"]
