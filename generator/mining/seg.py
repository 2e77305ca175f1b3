"""The mining tool's jieba: the same segmenter `check` uses (generator/check/segment.py: one way to cut words),
with the party-building user dictionary the mining grows; the only place the mining imports it."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=4)
def _load(userdict: str | None, stamp: tuple = ()):
    from ..check.segment import Segmenter as Shared

    return Shared(userdict)


class Segmenter:
    """Words and parts of speech of a text, with or without the user dictionary."""

    def __init__(self, userdict: Path | None = None):
        path = str(userdict) if userdict and Path(userdict).exists() else None
        # Keyed on the file's size and time too: after --grow the same path holds more words.
        stamp = (Path(path).stat().st_mtime_ns, Path(path).stat().st_size) if path else ()
        self._shared = _load(path, stamp)

    def words(self, text: str) -> list[str]:
        return self._shared.words(text)

    def tagged(self, text: str) -> list[tuple[str, str]]:
        return self._shared.tagged(text)
