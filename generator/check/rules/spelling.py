"""Typos beyond the curated list: rules that generalise to misspellings no list names.

typo.idiom    a four-character run one character off an idiom of jieba's dictionary (成语/习用语), the
              differing character a homophone or near-homophone of the idiom's (再接再励 → 再接再厉, 持之以衡 →
              持之以恒), where the run itself is no word, or a far rarer one than the idiom (jieba lists some
              misspellings, 迫不急待, with a count of 3). Pronunciations are pypinyin's.
typo.doubled  a character written twice where no word holds both (我们们, 的的, 我省省): the dictionary's
              reduplicated words (常常, 的的确确), two words meeting (我省|省委), a free word beside a word that
              starts or ends with it (目的|的, 了|了解), a verb or measure said twice (议议, 件件), each-to-each
              (社社联合, 村村联建), numbers (十五五) and a name (王婷婷) are left alone.

Both are reminders: a dictionary, not a reader, decides. jieba is imported by these rules (through
../segment.py), once per process; pypinyin's character table only when a candidate needs a pronunciation.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ...resources import load_data
from ..findings import WARNING, Finding

IDS = ("typo.idiom", "typo.doubled")
_RUN = re.compile(r"[\u4e00-\u9fff]{4,}")
# A run this much rarer than the idiom it is one character off is a misspelling of it, even if jieba lists
# it (挺而走险 10 against 铤而走险 128); two forms of like frequency are both in use (各行其是/各行其事).
RARER = 5
NUMERALS = set("〇一二三四五六七八九十百千万亿两")   # 十五五, 一一对应: numbers, not a slip


def check(doc, ctx) -> list[Finding]:
    return _idioms(doc) + _doubled(doc)


@lru_cache(maxsize=1)
def _settings() -> dict:
    return load_data("check/错别字.yaml").get("规则") or {}


def _idioms(doc) -> list[Finding]:
    from ..segment import lexicon
    from .typos import listed

    spots: list[tuple[int, int, str]] = []
    for p in doc.paragraphs:
        for m in _RUN.finditer(p.text):
            run = m.group()
            spots += [(p.number, m.start() + i, run[i:i + 4]) for i in range(len(run) - 3)]
    if not spots:
        return []
    lex = lexicon()
    windows = {w for _, _, w in spots}
    near = {w: hits for w, hits in lex.idioms_near(windows).items() if hits}
    if not near:
        return []
    freq = lex.frequencies(near)
    allowed = set(_settings().get("不算成语错字") or ())
    out = []
    for number, start, window in spots:
        if window not in near or window in allowed or listed(window):
            continue
        for idiom, count in sorted(near[window], key=lambda h: -h[1]):
            if freq.get(window, 0) * RARER > count:
                continue
            i = next(k for k in range(4) if idiom[k] != window[k])
            if sounds_alike(window[i], idiom[i]):
                out.append(Finding("typo.idiom", WARNING, number, start, start + 4,
                                   f"“{window}”像是成语“{idiom}”写错了一个字（“{window[i]}”应为“{idiom[i]}”）",
                                   f"如是成语，改为“{idiom}”"))
                break
    return out


# Near-homophones: the initials and finals that many speakers do not tell apart (zh/z, n/l, in/ing …).
_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("n", "l"))
_FINALS = (("ing", "in"), ("eng", "en"), ("ang", "an"))


def _plain(syllable: str) -> str:
    """lǜ → lv: tone marks off, ü as v."""
    bare = "".join(c for c in unicodedata.normalize("NFD", syllable) if not unicodedata.combining(c))
    return bare.replace("u\u0308", "v").replace("ü", "v")


def _loose(syllable: str) -> str:
    for a, b in _INITIALS:
        if syllable.startswith(a):
            syllable = b + syllable[len(a):]
            break
    for a, b in _FINALS:
        if syllable.endswith(a):
            return syllable[:-len(a)] + b
    return syllable


@lru_cache(maxsize=4096)
def readings(char: str) -> tuple[str, ...]:
    """The toneless readings of `char` in pypinyin's table, the common one first (度 → du, duo, zhai)."""
    from pypinyin.pinyin_dict import pinyin_dict  # the table alone: pypinyin's phrase data is not needed

    return tuple(dict.fromkeys(_plain(s) for s in pinyin_dict.get(ord(char), "").split(",") if s))


def sounds_alike(a: str, b: str) -> bool:
    """Whether one character's common reading is a reading of the other, or the two common readings are
    near (zh/z, in/ing …). Near rare readings would pair unrelated characters (度's zhái with 再's zài)."""
    ra, rb = readings(a), readings(b)
    if not ra or not rb:
        return False
    return ra[0] in rb or rb[0] in ra or _loose(ra[0]) == _loose(rb[0])


def _doubled(doc) -> list[Finding]:
    from ..segment import words_of

    settings = _settings()
    free = set(settings.get("可单用的虚词") or ())
    verbs = set(settings.get("可重叠的单字") or ())
    mutual = tuple(settings.get("重叠后接") or ())
    surnames = set(load_data("check/姓氏.yaml").get("单姓") or "")
    out = []
    for p in doc.paragraphs:
        text = p.text
        pairs = [i for i in range(len(text) - 1)
                 if text[i] == text[i + 1] and "\u4e00" <= text[i] <= "\u9fff"]
        if not pairs:
            continue
        token_at: list[tuple[int, int]] = []   # for each character, its word's (start, end)
        start = 0
        for word in words_of(text):
            token_at += [(start, start + len(word))] * len(word)
            start += len(word)
        for i in pairs:
            a, b = token_at[i], token_at[i + 1]
            char = text[i]
            left, right = a[1] - a[0], b[1] - b[0]
            if a == b or (left >= 2 and right >= 2) or char in NUMERALS or text.startswith(mutual, i + 2) \
                    or (char in free | verbs and max(left, right) >= 2) or (char in verbs and left == right == 1) \
                    or (i > 0 and text[i - 1] in surnames and left <= 2 and a[0] >= i - 1):
                continue
            out.append(Finding("typo.doubled", WARNING, p.number, i, i + 2,
                               f"“{char}”连写了两次（“{text[max(0, i - 2):i + 3]}”）",
                               f"删去一个“{char}”"))
    return out
