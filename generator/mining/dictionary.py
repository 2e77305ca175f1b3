"""The user dictionary jieba shares with `gen-report check`: read it, propose words, append them.

Append-only: other people add lines by hand, so nothing is ever rewritten or removed, and a word
already present (in any line's first field) is never added twice.
"""
from __future__ import annotations

from pathlib import Path

from .seg import Segmenter

FREQ, TAG = 30, "nz"


def words(userdict: Path) -> set[str]:
    """Return the words the dictionary already has."""
    if not userdict.exists():
        return set()
    lines = userdict.read_text(encoding="utf-8").splitlines()
    return {line.split()[0] for line in lines if line.strip() and not line.startswith("#")}


def candidates(quoted: dict[str, set], phrases: dict[str, set], seg: Segmenter, known: set[str]) -> list[str]:
    """Return the terms worth teaching jieba: quoted formulations of two or more reports and recurring
    four-character phrases it splits, both only where jieba (with the dictionary) cuts them apart."""
    out = set()
    for term, reports in quoted.items():
        if len(reports) >= 2 and 2 <= len(term) <= 10 and term.isalnum() and not term.isascii():
            out.add(term)
    for term, reports in phrases.items():
        if len(reports) >= 3 and _nominal(term, seg):
            out.add(term)
    return sorted(t for t in out if t not in known and len(seg.words(t)) > 1)


def _nominal(term: str, seg: Segmenter) -> bool:
    """A split phrase is a term when both halves are nouns (主体|责任), not adverb + verb (严格|落实)."""
    tags = seg.tagged(term)
    return len(tags) == 2 and all(flag[:1] in ("n", "j") or flag == "vn" for _, flag in tags)


def grow(userdict: Path, new_words: list[str]) -> list[str]:
    """Append the words the dictionary lacks (sorted, one `词 频率 词性` line each); return them."""
    known = words(userdict)
    added = sorted({w.strip() for w in new_words if w.strip()} - known)
    if added:
        text = userdict.read_text(encoding="utf-8") if userdict.exists() else ""
        with open(userdict, "a", encoding="utf-8", newline="\n") as f:
            if text and not text.endswith("\n"):
                f.write("\n")                          # never glue onto someone's last line
            f.writelines(f"{w} {FREQ} {TAG}\n" for w in added)
    return added
