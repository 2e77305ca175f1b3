"""jieba, loaded once per process, with only the dictionary words a document can contain.

jieba's own start-up unmarshals its whole 350,000-word dictionary (1.2 s on a slow machine), which alone
breaks the 2 s budget of `check`. So the dictionary is copied once into an SQLite file next to jieba's own
cache, and each text brings in just the words that occur in it as substrings (plus their prefixes, which
jieba's DAG walk needs) with the dictionary's full total: the cut is exactly what the full dictionary
gives (tests/test_check_rules.py compares them). If the copy cannot be made, jieba starts up as usual.
"""
from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import tempfile
from functools import lru_cache

from ..resources import cache_dir

FORMAT = 2           # bump when the SQLite layout changes (2: the idiom table of typo.idiom)
_BATCH = 900         # SQLite's default limit on bound parameters is 999


class Segmenter:
    """A private jieba `Tokenizer` (never the global one the mining tool uses) fed word by word."""

    def __init__(self, userdict: str | None):
        import jieba

        jieba.setLogLevel(logging.ERROR)
        self.tokenizer = jieba.Tokenizer()
        self.seen: set[str] = set()
        self.db, self.maxlen = _open_copy(jieba)
        self._han = jieba.re_han_default
        if self.db is None:
            self.tokenizer.initialize()
        else:
            self.tokenizer.FREQ, self.tokenizer.total = {}, _total(self.db)
            self.tokenizer.initialized = True
        if userdict and os.path.exists(userdict):
            with open(userdict, encoding="utf-8") as f:
                # a user word without a frequency is weighed by cutting it: its pieces must be loaded first
                self.cover([line.split(" ")[0] for line in f])
            self.tokenizer.load_userdict(userdict)


    def cover(self, texts) -> None:
        """Load every dictionary word that occurs in `texts` (and its prefixes) into the tokenizer."""
        if self.db is None:
            return
        wanted: set = set()
        for text in texts:
            for block in self._han.findall(text):
                n = len(block)
                wanted.update(block[i:j] for i in range(n) for j in range(i + 1, min(n, i + self.maxlen) + 1))
        wanted -= self.seen
        self.seen |= wanted
        freq = self.tokenizer.FREQ
        batch = list(wanted)
        for k in range(0, len(batch), _BATCH):
            part = batch[k:k + _BATCH]
            sql = f"SELECT word, freq FROM words WHERE word IN ({','.join('?' * len(part))})"
            for word, count in self.db.execute(sql, part):
                if not freq.get(word):  # a user word keeps its own frequency, as with jieba's own loading
                    freq[word] = count
                for i in range(1, len(word)):
                    freq.setdefault(word[:i], 0)

    def lcut(self, text: str) -> list[str]:
        """Cut `text` with the dictionary only (no HMM guesses for unknown words)."""
        self.cover([text])
        return self.tokenizer.lcut(text, HMM=False)

    words = lcut

    def tagged(self, text: str) -> list[tuple[str, str]]:
        """Words of `text` with their parts of speech (the mining tool needs them; `check` does not)."""
        self.cover([text])
        if getattr(self, "_pos", None) is None:
            import jieba.posseg as pseg

            self._pos = pseg.POSTokenizer(self.tokenizer)
        return [(w.word, w.flag) for w in self._pos.cut(text, HMM=False)]


def _open_copy(jieba) -> tuple[sqlite3.Connection | None, int]:
    """Return a read-only connection to the SQLite copy of jieba's dictionary (made if missing)."""
    source = os.path.join(os.path.dirname(jieba.__file__), jieba.DEFAULT_DICT_NAME)
    try:
        stat = os.stat(source)
        recipe = f"{FORMAT}:{IDIOM_TAGS}:{IDIOM_MIN_FREQ}:{source}:{stat.st_size}:{stat.st_mtime_ns}"
        key = hashlib.md5(recipe.encode()).hexdigest()[:12]
        path = os.path.join(cache_dir(), f"jieba-{key}.sqlite3")
        if not os.path.exists(path):
            _make_copy(source, path)
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        maxlen = int(db.execute("SELECT value FROM meta WHERE key = 'maxlen'").fetchone()[0])
        return db, maxlen
    except (OSError, sqlite3.Error, TypeError, ValueError):
        return None, 0


def _entries(source: str):
    """(word, count, part of speech) for each line of jieba's dictionary file."""
    with open(source, encoding="utf-8") as f:
        for line in f:
            word, count, *tag = line.split()
            yield word, int(count), tag[0] if tag else ""


def _make_copy(source: str, path: str) -> None:
    """Write jieba's dictionary into an SQLite file at `path`, atomically (parallel runs may race)."""
    words: dict[str, int] = {}
    idioms: dict[str, int] = {}
    total = 0
    for word, count, tag in _entries(source):
        words[word] = count  # as jieba: a repeated word keeps its last count, total counts both
        total += count
        if is_idiom(word, count, tag):
            idioms[word] = count
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
    os.close(fd)
    try:
        db = sqlite3.connect(tmp)
        db.execute("CREATE TABLE words (word TEXT PRIMARY KEY, freq INTEGER) WITHOUT ROWID")
        db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        db.execute("CREATE TABLE idioms (key TEXT, idiom TEXT, freq INTEGER)")
        db.executemany("INSERT INTO words VALUES (?, ?)", words.items())
        db.executemany("INSERT INTO idioms VALUES (?, ?, ?)",
                       ((key, word, count) for word, count in idioms.items() for key in wildcards(word)))
        db.execute("CREATE INDEX idioms_by_key ON idioms (key)")
        db.executemany("INSERT INTO meta VALUES (?, ?)",
                       [("total", str(total)), ("maxlen", str(max(map(len, words))))])
        db.commit()
        db.close()
        os.chmod(tmp, 0o644)  # mkstemp makes it private; other users of this machine may read it too
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


# An idiom typo.idiom may correct towards: a four-character set phrase (jieba tags 成语 i, 习用语 l) seen
# often enough in jieba's corpus that it is the standard form; jieba also lists common misspellings as i
# with a count of 3 (迫不急待), and those must never be the target.
IDIOM_TAGS = ("i", "l")
IDIOM_MIN_FREQ = 10


def is_idiom(word: str, freq: int, tag: str) -> bool:
    return tag in IDIOM_TAGS and freq >= IDIOM_MIN_FREQ and len(word) == 4 and all(
        "\u4e00" <= c <= "\u9fff" for c in word)


def wildcards(word: str) -> list[str]:
    """再接再厉 → ?接再厉, 再?再厉, 再接?厉, 再接再?: the keys of the words one character off it."""
    return [word[:i] + "?" + word[i + 1:] for i in range(len(word))]


class Lexicon:
    """Frequencies and one-character-off idioms from the SQLite copy (or, if it cannot be made, the
    dictionary file read once)."""

    def __init__(self, db):
        self.db = db
        self._words: dict[str, int] | None = None
        self._idioms: dict[str, list[tuple[str, int]]] | None = None
        if db is None:
            import jieba

            words, index = {}, {}
            for word, count, tag in _entries(os.path.join(os.path.dirname(jieba.__file__), jieba.DEFAULT_DICT_NAME)):
                words[word] = count
                if is_idiom(word, count, tag):
                    for key in wildcards(word):
                        index.setdefault(key, []).append((word, count))
            self._words, self._idioms = words, index

    def _query(self, sql: str, keys: list[str]) -> list[tuple]:
        rows: list[tuple] = []
        for k in range(0, len(keys), _BATCH):
            part = keys[k:k + _BATCH]
            rows += self.db.execute(sql.format(",".join("?" * len(part))), part).fetchall()
        return rows

    def frequencies(self, words) -> dict[str, int]:
        """Return jieba's count for each of `words` that the dictionary holds."""
        words = sorted(set(words))
        if self._words is not None:
            return {w: self._words[w] for w in words if w in self._words}
        return dict(self._query("SELECT word, freq FROM words WHERE word IN ({})", words))

    def idioms_near(self, windows) -> dict[str, list[tuple[str, int]]]:
        """Return, for each four-character window, the idioms that differ from it in one character."""
        keys = sorted({k for w in windows for k in wildcards(w)})
        found: dict[str, list[tuple[str, int]]] = {}
        if self._idioms is not None:
            rows = [(k, word, freq) for k in keys for word, freq in self._idioms.get(k, ())]
        else:
            rows = self._query("SELECT key, idiom, freq FROM idioms WHERE key IN ({})", keys)
        for key, idiom, freq in rows:
            found.setdefault(key, []).append((idiom, freq))
        return {w: [hit for k in wildcards(w) for hit in found.get(k, ()) if hit[0] != w] for w in windows}


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Return the process's lexicon (shares the segmenter's copy of the dictionary)."""
    return Lexicon(segmenter().db)


@lru_cache(maxsize=1)
def segmenter() -> Segmenter:
    """Return the process's one segmenter, with the party-building terms of templates/jieba_userdict.txt."""
    from ..resources import templates_dir

    return Segmenter(str(templates_dir() / "jieba_userdict.txt"))


def words_of(text: str) -> list[str]:
    """Cut `text` into words (dictionary words only)."""
    return segmenter().lcut(text)


def _total(db) -> int:
    """The dictionary's total frequency, as jieba's tokenizer keeps it."""
    return int(db.execute("SELECT value FROM meta WHERE key = 'total'").fetchone()[0])
