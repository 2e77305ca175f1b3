"""The plain document model that compose produces and the writers consume.

No python-docx here: a draft is a title, a signature line, and blocks of text whose spans may be a bold
run-in lead or a highlighted 【待补充：…】 marker. `Draft.blocks()` flattens the structure in reading order;
the .docx writer, the text renderer and the checker all work from that flat list.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from enum import Enum


class Role(str, Enum):
    """What a block is; each maps to one paragraph style in the .docx."""

    TITLE = "title"          # Title style, 方正小标宋简体 二号, centred; may hold line breaks
    SIGNATURE = "signature"  # under the title: 单位职务 姓名, 楷体 三号, centred
    HEADING1 = "heading1"    # 一、… Heading 1, 黑体 三号
    HEADING2 = "heading2"    # （一）… Heading 2, 楷体 三号
    BODY = "body"            # 仿宋 三号, first line indented two characters
    SIGN_NAME = "sign_name"  # signature at the end, right side
    SIGN_DATE = "sign_date"  # date at the end, under the signature


def key_text(path) -> str:
    """The input's key path as text, keys joined by “.”; a “.” inside a key (集体经济收入超12.5万元的村) is
    written “\\.”, so the path reads back whole (`Source.path`)."""
    return ".".join(str(p).replace(".", "\\.") for p in path)


_KEY_DOT = re.compile(r"(?<!\\)\.")
# the kinds whose rest is the input's key path (the others name a bank slot or a fixed place)
INPUT_KINDS = ("做法", "指标", "原文", "待补充")


class Source(str):
    """Where a span's words came from, as a value: its `kind` (词库, 做法, 指标, 原文, 年度, 序号, 结构, 报告, 计算,
    待补充), the input's key `path` as a tuple with every key whole (for the input kinds), the bank or layout
    `slot` (词库:亮点/组织建设/要点 → 亮点/组织建设/要点), and whether it is `last_year`'s file. It is also its
    notation as text (see Span), so code and tests that compare it with a string keep working; the parts
    are read from it in one place, here, never split again elsewhere."""

    __slots__ = ()

    @classmethod
    def of(cls, kind: str, path=(), *, last_year: bool = False) -> Source:
        """The source of words from the input: `kind` and the key path (keys kept whole)."""
        return cls(f"{kind}:{'上年.' if last_year else ''}{key_text(path)}")

    @property
    def kind(self) -> str:
        return self.partition(":")[0]

    @property
    def last_year(self) -> bool:
        return self.partition(":")[2].startswith("上年.")

    @property
    def path(self) -> tuple:
        """The key path for the input kinds (items as ints), else ()."""
        kind, _, rest = self.partition(":")
        if kind not in INPUT_KINDS or not rest:
            return ()
        if rest.startswith("上年."):
            rest = rest[3:]
        parts = (p.replace("\\.", ".") for p in _KEY_DOT.split(rest))
        return tuple(int(p) if p.isdigit() else p for p in parts)

    @property
    def slot(self) -> str:
        """The bank or layout slot (词库, 结构, 报告, 计算), else ""."""
        kind, _, rest = self.partition(":")
        return "" if kind in INPUT_KINDS else rest


_SOURCES: dict[str, Source] = {}


def source_of(notation: str) -> Source:
    """The Source of a notation, one value per distinct notation."""
    found = _SOURCES.get(notation)
    if found is None:
        found = _SOURCES[notation] = notation if isinstance(notation, Source) else Source(notation)
    return found


@dataclass(frozen=True)
class Span:
    """A run of text. `lead` marks the bold run-in lead sentence; `missing` a 【待补充：…】 marker.

    `source` records where the words came from, so tests (and the clerk, with --annotate) can trace every
    deed and figure to the input:
      ""                       punctuation and joins
      "词库:<file>/<slot>"     stance and framing from a phrase bank (never a deed, never a figure)
      "做法:<key path>"        a practice the clerk confirmed, in the catalogue's wording
      "指标:<key path>"        a figure from the input, in the catalogue's wording
      "原文:<key path>"        the clerk's own words (事例, 自述, 事项, 思路), verbatim
      "年度"                   the year's formulations from era.yaml
      "序号"                   an item number (1. 2.) or a point's ordinal (一是)
      "结构:<slot>"            the layout's fixed words from 结构.yaml (部分标题, 小标题)
      "报告:<what>"            the report's particulars as the clerk gave them (标题, 署名, 姓名, 日期)
    A key path is the input's keys joined by “.”, e.g. 亮点.组织建设.做法.0. Every span that holds a word
    or a figure has one (tests/test_provenance.py): only punctuation and joins are left without.
    """

    text: str
    lead: bool = False
    missing: bool = False
    source: str = ""           # its notation; `origin` is the value
    # what else these words state, in the same notation: the practice or figure a clerk's case already
    # says, so it is not said again in the catalogue's words (one fact, said once)
    covers: tuple[str, ...] = ()

    @property
    def origin(self) -> Source:
        """The source as a value (its parts read once per distinct notation, not per span: building a value for
        every span cost a draft 5–10%, measured side by side)."""
        return source_of(self.source)

    @property
    def also(self) -> tuple[Source, ...]:
        """`covers` as values."""
        return tuple(source_of(c) for c in self.covers)


@dataclass(frozen=True)
class Block:
    role: Role
    spans: tuple[Span, ...]

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


def body(*spans: Span | str) -> Block:
    """Build a BODY block; plain strings become ordinary spans."""
    return Block(Role.BODY, tuple(Span(s) if isinstance(s, str) else s for s in spans))


@dataclass(frozen=True)
class Part:
    """One of the numbered parts: its heading (`一、履职工作特色和亮点`) and its blocks in order."""

    heading: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Meta:
    """Core properties; taken from the input, never from the clock, so output is reproducible."""

    title: str
    author: str
    subject: str
    created: _dt.datetime


@dataclass(frozen=True)
class Draft:
    title_lines: tuple[str, ...]          # the title, already broken into display lines
    signature: tuple[Span, ...]           # may be empty: then no signature line
    opening: tuple[Block, ...]
    parts: tuple[Part, ...]
    sign_name: tuple[Span, ...]
    sign_date: tuple[Span, ...]
    meta: Meta
    warnings: tuple = field(default=())   # errors.Problem objects: str() says them, batch places them by cell
    style: int = 0                        # the author's number (风格), 0 for a templates folder without authors
    skeleton: tuple = field(default=())   # the author's layout: part-one shape, theme order, heading family …

    @property
    def title(self) -> str:
        return "".join(self.title_lines)

    def blocks(self) -> list[Block]:
        """All blocks in reading order, the title first."""
        out = [Block(Role.TITLE, tuple(Span(line, source="报告:标题") for line in self.title_lines))]
        if self.signature:
            out.append(Block(Role.SIGNATURE, self.signature))
        out.extend(self.opening)
        for part in self.parts:
            out.append(Block(Role.HEADING1, (Span(part.heading, source="结构:部分标题"),)))
            out.extend(part.blocks)
        if self.sign_name:
            out.append(Block(Role.SIGN_NAME, self.sign_name))
        if self.sign_date:
            out.append(Block(Role.SIGN_DATE, self.sign_date))
        return out
