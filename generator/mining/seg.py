"""jieba, loaded once with the party-building user dictionary; the only place the mining imports it."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=4)
def _load(userdict: str | None, stamp: tuple = ()):
    import logging

    import jieba
    import jieba.posseg as pseg

    jieba.setLogLevel(logging.ERROR)
    tokenizer = jieba.Tokenizer()
    if userdict:
        tokenizer.load_userdict(userdict)
    # A private tokenizer, so a test's dictionary never leaks into the default one (or another's).
    return tokenizer, pseg.POSTokenizer(tokenizer)


class Segmenter:
    """Words and parts of speech of a text, with or without the user dictionary."""

    def __init__(self, userdict: Path | None = None):
        path = str(userdict) if userdict and Path(userdict).exists() else None
        # Keyed on the file's size and time too: after --grow the same path holds more words.
        stamp = (Path(path).stat().st_mtime_ns, Path(path).stat().st_size) if path else ()
        self._words, self._tagged = _load(path, stamp)

    def words(self, text: str) -> list[str]:
        return self._words.lcut(text, HMM=False)

    def tagged(self, text: str) -> list[tuple[str, str]]:
        return [(w.word, w.flag) for w in self._tagged.cut(text, HMM=False)]
