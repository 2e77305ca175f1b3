"""An author's word habits: the small choices one person makes the same way in every sentence.

One secretary writes 将 where another writes 把, 与 for 和, 使 for 让, 仍有 for 还有, 缺乏 for 缺少. Blind readers
found the same stock clause, character for character, in drafts of different units; the banks cannot hold
enough whole sentences to keep thirty drafts of one township apart, but each author saying the shared words
in their own way keeps them apart the way real authors are kept apart. The habits are data (作者.yaml →
用词习惯): each group lists the equivalent words, which of them may be rewritten (将 also marks the future,
本人将…, so only 把 becomes 将, never the reverse), and the neighbours that make a word part of another
(把关, 和谐, 参与). An author draws one word of each group and says it in most of the places it could go
(用词习惯比例: in all of them, seven 仍 and no 还 read as a tic).

Only the tool's own words are rewritten: bank wording, the catalogue's practices and figures. The clerk's
words, the year's official formulations, names and headings stay as they are (a heading family's slots must
keep their length to stay parallel); a bold lead from a bank is the author's sentence like any other.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from ..model import Block, Role, Span

# the spans whose words are the tool's own (model.Span documents the notation)
REWORDED = ("词库:", "做法:", "指标:")
FAMILY = "词库:作者"   # a heading family's words: its slots keep their length, so its headings stay parallel
_CLAUSE = re.compile(r"[^，。；：、！？（）]+|[，。；：、！？（）]")


@dataclass(frozen=True)
class Habit:
    pattern: re.Pattern
    word: str                     # what this author writes
    unless: tuple[str, ...] = ()  # a clause holding one of these keeps its words (将 … 把 must not become 将 … 将)
    share: float = 1.0            # how often the author's word wins (a preference, not a rule)
    words: tuple[str, ...] = ()   # the words it may rewrite: a clause holding none is passed by at once
    finder: re.Pattern | None = None   # any of `words` (one search, not a test per word)
    # the words of speech (作者.yaml → 语体标记 → 平实, 口语; 学一学): a habit whose word is not the one a
    # plain author keeps (将 for 把, 与 for 和) leaves a sentence holding them as it is spoken
    speech: re.Pattern | None = None

    def holds(self, text: str) -> bool:
        """Whether `text` holds a word this habit may rewrite (a habit without a word list: always)."""
        if not self.words:
            return True
        return bool(self.finder.search(text)) if self.finder is not None else any(w in text for w in self.words)

    def apply(self, clause: str, tally: dict | None = None, spoken: bool = False) -> str:
        """`tally`: how many places this draft has offered the habit so far; the author's word takes
        `share` of them, evenly through the draft (the first ones always). `spoken`: the sentence is
        speech (see `speech`)."""
        if spoken and self.speech is not None:
            return clause
        if not self.holds(clause):
            return clause
        if any(u in clause for u in self.unless):
            return clause
        if self.share >= 1.0 or tally is None:
            return self.pattern.sub(self.word, clause)

        def one(m: re.Match) -> str:
            n = tally.get(self, 0)
            tally[self] = n + 1
            gives = 1.0 - self.share
            return m.group() if int((n + 1) * gives) > int(n * gives) else self.word

        return self.pattern.sub(one, clause)


def _pattern(words: Sequence[str], before_not: Sequence[str], after: Sequence[str],
             after_not: Sequence[str]) -> re.Pattern:
    behind = "".join(f"(?<!{re.escape(b)})" for b in before_not)
    ahead = "".join(f"(?!{re.escape(a)})" for a in after_not)
    if after:
        ahead += "(?=" + "|".join(map(re.escape, sorted(after, key=len, reverse=True))) + ")"
    return re.compile(behind + "(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + ")" + ahead)


def habits_for(groups: Iterable[Mapping[str, Any]] | None, draw: Callable[[list, str], str], register: str = "",
               share: float = 1.0, speech: Sequence[str] = ()) -> tuple[Habit, ...]:
    """An author's habits: one word of each group, chosen by `draw(words, key)` (the author's own draw, so a
    number always gives the same words; a group may fix the word of one register: 平实 authors say 把, 和, 让
    as they speak), said in `share` of the places it could be (a group's 比例 overrides it). `speech`: the
    words that mark a sentence as spoken, which a habit away from the plain word leaves alone."""
    out = []
    spoken = _speech(speech)
    for i, group in enumerate(groups or ()):
        words = [str(w) for w in group["写法"]]
        plain = (group.get("语体") or {}).get("平实")
        fixed = (group.get("语体") or {}).get(register) if register else None
        word = fixed if fixed in words else draw(words, f"words|{i}")
        movable = [w for w in (group.get("可换") or words) if w != word]
        if not movable:
            continue
        unless = tuple(group.get("句中不含") or ()) + ((word,) if group.get("句中已有不改") else ())
        out.append(Habit(_pattern(movable, group.get("前不接") or (), group.get("后接") or (),
                                  group.get("后不接") or ()), word, unless, float(group.get("比例", share)),
                         tuple(movable), _any(movable), spoken if plain and word != plain else None))
    return tuple(out)


@dataclass(frozen=True)
class Adverbs:
    """A formal author's adverbs before the verbs that open a clause (作者.yaml → 公文修饰: 深入开展, 扎实推进,
    严格落实, 进一步完善): one adverb a verb, the author's own, in `share` of the places."""
    verbs: tuple[tuple[str, str], ...]   # (verb, the author's adverb), the longer verbs first
    finder: re.Pattern | None = None     # any of the verbs: a span holding none is passed by at once
    share: float = 1.0
    after_not: tuple[str, ...] = ()      # a verb followed by these is not a clause's verb (开展了, 推进会)
    shortest: int = 8                    # a shorter clause is a slogan (抓好党建促增收) and keeps its words
    speech: re.Pattern | None = None     # a sentence of speech (学一学、议一议) takes no 公文 adverb

    def clause(self, clause: str, sentence: str, tally: dict) -> str:
        """`clause` with the author's adverb before its first verb, unless its sentence says one of the
        author's adverbs already (持续强化…，持续提高…; 精心组织…研讨，扎实开展专题研讨5次: 33rd blind reading) or
        the clause is short; `tally` spreads `share` through the draft."""
        ordinal = _ORDINAL.match(clause)
        head = ordinal.group() if ordinal else ""
        rest = clause[len(head):]
        if len(rest) < self.shortest or (self.speech is not None and self.speech.search(sentence)):
            return clause
        if _FIGURE.search(rest):   # 精心组织党员集中学习10次, 广泛开展党员志愿服务38次: read as a formula, adverb +
            return clause          # verb + number (39th blind reading); the adverb goes on deeds, not counts
        for verb, adverb in self.verbs:
            if rest.startswith(verb):
                if any(a in sentence for _, a in self.verbs) or rest[len(verb):].startswith(self.after_not):
                    return clause
                n = tally.get(verb, 0)
                tally[verb] = n + 1
                gives = 1.0 - self.share
                if int((n + 1) * gives) > int(n * gives):
                    return clause
                return head + adverb + rest
        return clause


def own_org_habit(rule: Mapping[str, Any] | None, own: str) -> Habit | None:
    """A village or community whose organisation is a 党总支 or 党委 (`own`) says so where a wording names the unit
    itself 党支部 (由党支部带头办合作社 → 由党总支带头办合作社): 称谓.yaml → 本单位改称. None for a 党支部."""
    if not rule or not own or own == "党支部":
        return None
    # 支部 too (由支部牵头，把合作社办成群众自己的事业: 北湾村, a fresh input)
    pattern = _pattern(["党支部", "支部"], rule.get("前不接") or (), rule.get("后接") or (), ())
    return Habit(pattern=pattern, word=own, words=("支部",))


def adverbs_for(spec: Mapping[str, Any] | None, draw: Callable[[list, str], str], register: str,
                part: str, speech: Sequence[str] = ()) -> Adverbs | None:
    """The adverbs of a formal author for `part` (一 or 三); None for a plain author, who says the verb bare.
    `speech`: the words that mark a sentence as spoken (冬春时节把党员集中起来学一学、议一议，精心组织… was two
    voices in one line)."""
    if not spec or register != "公文" or not spec.get(part):
        return None
    verbs = [(str(v), draw([str(a) for a in adverbs], f"adverb|{part}|{v}"))
             for v, adverbs in spec[part].items() if adverbs]
    return Adverbs(tuple(sorted(verbs, key=lambda x: -len(x[0]))), _any(v for v, _ in verbs), float(spec.get("比例", 1.0)),
                   tuple(str(w) for w in spec.get("后不接") or ()), int(spec.get("最短", 8)), _speech(speech))


def with_adverbs(blocks: Iterable[Block], adverbs: Adverbs | None, tally: dict | None = None) -> tuple[Block, ...]:
    """The body blocks with a formal author's adverbs in the tool's own words (not a heading family's, not
    the clerk's)."""
    if adverbs is None:
        return tuple(blocks)
    tally = {} if tally is None else tally
    return tuple(block if block.role is not Role.BODY else _adverbed(block, adverbs, tally) for block in blocks)


def _adverbed(block: Block, adverbs: Adverbs, tally: dict) -> Block:
    """A sentence is the block's, whatever spans it runs over: 冬春时节把党员集中起来学一学、议一议 (one span) is
    speech for the clause after it (another)."""
    whole = block.text
    if adverbs.finder is not None and not adverbs.finder.search(whole):
        return block
    ends = [m.end() for m in re.finditer("[。！？]", whole)]
    adverbed: set[int] = set()   # the sentences (by where they start) given an adverb already
    out, at = [], 0
    for span in block.spans:
        start, at = at, at + len(span.text)
        if not span.source.startswith(REWORDED) or span.source.startswith(FAMILY) \
                or (adverbs.finder is not None and not adverbs.finder.search(span.text)):
            out.append(span)
            continue
        pieces = _CLAUSE.findall(span.text)
        said, offset = [], start   # offsets in `whole`, the block as written
        for i, piece in enumerate(pieces):
            before = pieces[i - 1] if i else (whole[start - 1] if start else "。")
            first = max((e for e in ends if e <= offset), default=0)
            if before in "，；：。！？" and first not in adverbed:
                last = next((e for e in ends if e > offset), len(whole))
                said.append(adverbs.clause(piece, whole[first:last], tally))
                if said[-1] != piece:
                    adverbed.add(first)   # one adverb a sentence
            else:
                said.append(piece)
            offset += len(piece)
        text = "".join(said)
        out.append(span if text == span.text else Span(text, lead=span.lead, missing=span.missing,
                                                        source=span.source, covers=span.covers))
    return Block(block.role, tuple(out))


# 一是/二是 … before a clause's first verb
_ORDINAL = re.compile("[一二三四五六七八九十]是")
_FIGURE = re.compile(r"\d")


# a verb said twice around 一 (学一学、议一议、磨一磨): speech, whatever the words around it
DOUBLED = re.compile(r"([\u4e00-\u9fff])一\1")


@lru_cache(maxsize=16384)
def doubled(text: str) -> bool:
    """Whether `text` holds a doubled verb (remembered: practice wordings are asked about draft after draft)."""
    return DOUBLED.search(text) is not None


def _speech(words: Sequence[str]) -> re.Pattern | None:
    """A sentence of speech: one of `words`, or a doubled verb (DOUBLED)."""
    if not words:
        return None
    return re.compile("|".join([*map(re.escape, sorted(set(words), key=len, reverse=True)), DOUBLED.pattern]))


def _any(words: Iterable[str]) -> re.Pattern:
    return re.compile("|".join(map(re.escape, sorted(set(words), key=len, reverse=True))))


def reword(text: str, habits: Sequence[Habit], tally: dict | None = None) -> str:
    """`text` as this author says it, clause by clause (`tally`: the draft's count of places so far)."""
    if not habits or not text:
        return text
    # only the habits whose words the text holds (each habit on each clause was most of the time spent here)
    habits = [h for h in habits if h.holds(text)]
    if not habits:
        return text
    pieces = _CLAUSE.findall(text)
    speech = next((h.speech for h in habits if h.speech is not None), None)
    spoken = bool(speech is not None and speech.search(text))
    out = []
    for piece in pieces:
        written = piece
        for habit in habits:
            # a habit reads the words as the bank wrote them, not as another habit left them (偏少 → 较少 → 很少)
            if habit.holds(written):
                piece = habit.apply(piece, tally, spoken)
        out.append(piece)
    return "".join(out)


def _span(span: Span, habits: tuple[Habit, ...], tally: dict, words: re.Pattern,
          said: Callable[[], tuple[str, str]] | None = None) -> Span:
    """`said`: the paragraph's words before and after the span, asked for only when the span changes (building
    them for every span of every paragraph cost a sixth of a draft's time)."""
    # a span holding none of the author's movable words is passed by at once (applying each habit to each
    # clause cost a third of a draft's time)
    if not span.source.startswith(REWORDED) or span.source.startswith(FAMILY) or not words.search(span.text):
        return span
    text = reword(span.text, habits, tally)
    if text == span.text:
        return span
    before, after = said() if said is not None else ("", "")
    if (before or after) and (_new_echo(span.text, text, before + after)
                              or _openers(before + text + after) > _openers(before + span.text + after)):
        return span
    return Span(text, lead=span.lead, missing=span.missing, source=span.source, covers=span.covers)


_SENTENCE = re.compile(r"[^。！？：；]+[。！？：；]?")


def _openers(paragraph: str) -> int:
    """How many sentences open with the two characters the sentence before them opens with: 按照 and 根据 both
    said 依据 for an author who writes 依据, and the opening read 依据县委的统一安排……。依据述职评议会的议程……
    (龙潭镇, a fresh draft)."""
    heads = [m.group()[:2] for m in _SENTENCE.finditer(paragraph) if len(m.group()) > 2]
    return sum(a == b for a, b in zip(heads, heads[1:]))


def _new_echo(before: str, after: str, said: str) -> bool:
    """Whether the author's word makes a formulation the paragraph has already said (党建和中心工作融合 … 考核与
    中心工作 became 与中心工 twice once 和 turned 与): words were chosen so a paragraph says none twice."""
    from .choose import formulations

    had = set(formulations(said))
    return bool((set(formulations(after)) - set(formulations(before))) & had)


def reword_blocks(blocks: Iterable[Block], habits: Sequence[Habit], tally: dict | None = None) -> tuple[Block, ...]:
    """The body blocks with the tool's own words in this author's habits; headings stay as their family
    made them. Pass one `tally` for the whole draft, so the share of each habit runs through it."""
    if not habits:
        return tuple(blocks)
    tally = {} if tally is None else tally
    habits = tuple(habits)
    words = _any(w for h in habits for w in h.words)
    return tuple(b if b.role is not Role.BODY else _block(b, habits, tally, words) for b in blocks)


def _block(block: Block, habits: tuple[Habit, ...], tally: dict, words: re.Pattern) -> Block:
    out: list[Span] = []
    for i, span in enumerate(block.spans):
        def rest(i: int = i) -> tuple[str, str]:
            return "".join(s.text for s in out), "".join(s.text for s in block.spans[i + 1:])
        out.append(_span(span, habits, tally, words, rest))
    return Block(block.role, tuple(out))


__all__ = ["Adverbs", "Habit", "adverbs_for", "habits_for", "reword", "reword_blocks", "with_adverbs"]
