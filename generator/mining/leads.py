"""Lead sentences of numbered items and the shapes they share (坚持把X作为Y，Z / 聚焦X，Y全面落实).

A shape keeps what a phrase bank reuses, the frame, and abstracts what each report fills in:
- frame words (坚持, 聚焦, 全面, 不断, 不到位, 有待…) are kept where they open or close a clause;
- structural words (把…作为, 以…为, 的, 和, 对) and quotation marks are kept anywhere;
- every other run of words becomes X, Y, Z in order (jieba parts of speech decide what an adverb is).
Frame words inside a clause stay content: 坚持把夯实基础作为重要途径 is 坚持把X作为Y, not 坚持把夯实X作为Y.
The skeleton also abstracts the frame verbs (V), so 强化X，Y不断加强 and 聚焦X，Y全面落实 meet as VX，Y副V.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .seg import Segmenter

_NUM = "一二三四五六七八九十"
# 1. / 1、 / （一） / 一是 / 第一，  at the start of a paragraph or after 。；：
ITEM = re.compile(rf"(?:^|(?<=[。；;：:]))\s*(?:\d{{1,2}}[.．、](?![\d.])|[（(][{_NUM}]{{1,3}}[）)]|[{_NUM}]{{1,2}}是"
                  rf"|第[{_NUM}]{{1,2}}[，,、])")
HEADING = re.compile(rf"^[{_NUM}]+、")
PART_HEADING = re.compile(r"特色|亮点|问题|原因|下一步|下步|打算|措施|思路|方向")
SENTENCE_END = re.compile(r"[。；;！？!?]")
CLAUSE_END = re.compile(r"[，,：:]")

# Verbs, adverbs and evaluations that frame a clause in these reports. A compound jieba keeps whole
# (全面落实, 不断加强, 成效显著) counts as framing when it is two framing words joined.
FRAME_VERBS = set("""坚持 聚焦 围绕 紧紧围绕 紧扣 紧盯 强化 加强 深化 推动 推进 提升 夯实 筑牢 打造 创新 压实 落实 抓好
    抓实 做实 做好 建强 巩固 健全 完善 规范 优化 发挥 加大 实施 开展 推行 执行 贯彻 得到 彰显 增强 提高 凝聚 助推
    激发 拓展 构建 建立 压紧 靠实 加快 补齐 保持 履行 缺乏 欠缺 有待 需要 亟待 到位 不够 不足 不力 不强 不高 不严
    严格 显著 明显 有效 均衡 强 高 好 活 成效 依托 结合 按照 通过 围绕 立足 着眼 紧跟""".split())
ADVERBS = set("""全面 不断 进一步 持续 深入 切实 扎实 始终 坚决 着力 突出 牢牢 大力 积极 认真 努力 充分 从严 继续 高站位
    高质量 高标准 高效率 还 仍 仍然 较 强力 很 更 更加 真正 全力 主动 有力 稳步 紧紧 严格""".split())
NEGATIONS = set("不 不够 不足 不力 不强 不高 不严 不到位 缺乏 欠缺 有待 亟待 还需 需".split())
STRUCT = {"把", "作为", "以", "为", "的", "和", "与", "及", "对", "在", "将", "从", "向", "由", "“", "”", "、", "+"}
PLACES = {"上", "中", "下", "里", "方面", "之中", "以来"}      # 在X上 / 在X中: kept only where a clause closes
LETTERS = "XYZWU"


@dataclass(frozen=True)
class Lead:
    part: str
    style: str      # 1. / 一是 / （一） / 第一， / 一、
    text: str       # the item's first sentence, ordinal removed
    shape: str      # frame words kept, content as X/Y/Z (first two clauses)
    first: str      # shape of the first clause alone
    skeleton: str   # shape with frame verbs as V


def items(part: str, paragraphs: list[str]) -> list[tuple[str, str]]:
    """Return (numbering style, first sentence without its ordinal) for each numbered item in the part."""
    out = []
    for i, paragraph in enumerate(paragraphs):
        if HEADING.match(paragraph):
            if i == 0 and PART_HEADING.search(paragraph):
                continue                               # the part's own heading, not an item
            heading = HEADING.match(paragraph)
            out.append(("一、", _first_sentence(paragraph[heading.end() if heading else 0:])))
            continue
        for m in ITEM.finditer(paragraph):
            out.append((style(m.group().strip()), _first_sentence(paragraph[m.end():])))
    return [(s, t) for s, t in out if len(t) >= 3]


def sentences(paragraphs: list[str]) -> list[str]:
    """Return every sentence of the body paragraphs, ordinals removed (headings are leads, not body)."""
    out = []
    for paragraph in paragraphs:
        if HEADING.match(paragraph) and not SENTENCE_END.search(paragraph[:-1]):
            continue
        for sentence in SENTENCE_END.split(paragraph):
            sentence = ITEM.sub("", sentence.strip()).strip()
            if len(sentence) >= 4:
                out.append(sentence)
    return out


def _first_sentence(text: str) -> str:
    return SENTENCE_END.split(text, maxsplit=1)[0].strip()


def clauses(text: str) -> list[str]:
    return [c for c in CLAUSE_END.split(text) if c]


def shape(clause_texts: list[str], seg: Segmenter, skeleton: bool = False) -> str:
    """Return the shape of the clauses, one letter per content run, letters running on across clauses."""
    letters = iter(LETTERS)
    return "，".join(_clause_shape(c, seg, letters, skeleton) for c in clause_texts)


def _clause_shape(clause: str, seg: Segmenter, letters, skeleton: bool) -> str:
    tokens = seg.tagged(clause)
    n = len(tokens)
    frame = [False] * n
    i = 0
    while i < n and _framing(*tokens[i]):              # opening run: 坚持 / 全面推行 / 始终
        frame[i] = True
        i += 1
    if i < n and tokens[i][1] == "p":                  # 以 / 按照 / 通过 open the content, and end the run
        frame[i] = True
        i += 1
    j = n - 1
    while j >= i and (_framing(*tokens[j]) or tokens[j][0] in PLACES):  # closing run: 全面落实 / 不到位
        frame[j] = True
        j -= 1
    out: list[str] = []
    for k, (word, flag) in enumerate(tokens):
        if frame[k] or word in STRUCT:
            if skeleton and frame[k]:
                word = _skeleton_word(word, flag)
            if not (word == "V" and out and out[-1].endswith("V")):
                out.append(word)
        elif not out or out[-1] not in LETTERS + "…":
            out.append(next(letters, "…"))
    return "".join(out)


def _framing(word: str, flag: str) -> bool:
    if word in FRAME_VERBS or word in ADVERBS or flag in ("d", "ad", "vd"):
        return True
    return any(_framing(word[:k], "") and _framing(word[k:], "") for k in range(1, len(word)))

def _skeleton_word(word: str, flag: str) -> str:
    """Return the word as the skeleton shows it: adverbs, negations and prepositions kept, verbs as V."""
    if word in ADVERBS or word in NEGATIONS or word in PLACES or flag in ("d", "p"):
        return word
    for k in range(len(word) - 1, 0, -1):             # 全面落实 -> 全面V, 有待加强 -> 有待V
        if word[:k] in ADVERBS or word[:k] in NEGATIONS:
            return word[:k] + _skeleton_word(word[k:], "")
    return "V"



def informative(shape: str) -> bool:
    """Return False for shapes that are only content (X / X的Y / X、Y): nothing a bank can reuse."""
    return bool(re.sub(r"[XYZWU…，、“”+的和与及]", "", shape))


def leads(part: str, paragraphs: list[str], seg: Segmenter) -> list[Lead]:
    """Return the part's item leads with their shapes."""
    out = []
    for numbering, text in items(part, paragraphs):
        cs = clauses(text)
        head = cs[:2]
        out.append(Lead(part, numbering, text, shape(head, seg) + ("，…" if len(cs) > 2 else ""),
                        shape(cs[:1], seg), shape(head, seg, skeleton=True)))
    return out


def openings(paragraphs: list[str], seg: Segmenter) -> list[tuple[str, str, str]]:
    """Return (first clause, shape, core) for every body sentence: how the reports open a sentence."""
    out = []
    for sentence in sentences(paragraphs):
        first = clauses(sentence)[:1]
        if first:
            out.append((first[0], shape(first, seg), core(shape(first, seg, skeleton=True))))
    return out


PREPOSITIONS = ("把", "以", "对", "在", "将", "从", "向", "由", "为", "按照", "通过", "根据", "用", "与")


def core(skeleton: str) -> str:
    """Return the skeleton without its opening verbs and adverbs: 坚持把X作为Y and 始终把X作为Y are both 把X作为Y."""
    rest = skeleton
    for i in range(len(skeleton)):
        if skeleton[i] in LETTERS or skeleton.startswith(PREPOSITIONS, i):
            rest = skeleton[i:]
            break
    # Content written as a list or a quotation (把“三项机制”贯彻落实作为, 把忠诚、干净、担当作为) is still one slot.
    rest = re.sub(r"[“”、+的和与及]*[XYZWU…][XYZWU…“”、+的和与及]*", "□", rest)
    letters = iter(LETTERS)
    return re.sub("□", lambda _: next(letters, "…"), rest)


def style(paragraph_start: str) -> str:
    """Return how an item is numbered: 1. / 一是 / （一） / 第一， / 一、 (for the layout the banks copy)."""
    for pattern, name in ((r"\d", "1."), (r"[（(]", "（一）"), (r"第", "第一，"), (rf"[{_NUM}]+是", "一是"),
                          (rf"[{_NUM}]+、", "一、")):
        if re.match(pattern, paragraph_start):
            return name
    return ""
