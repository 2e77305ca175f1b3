"""Where the bundled data lives: `templates/` in a checkout, `generator/templates/` once installed; and the
user's cache folder, where parsed copies of it are kept."""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path

import yaml

from .errors import TemplateError

_HERE = Path(__file__).resolve().parent
# libyaml's safe loader parses the bundled banks ~10x faster than the pure-Python one (cold start).
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class MissingData(TemplateError, FileNotFoundError):
    """A data file a templates folder lacks: a TemplateError for the clerk (exit 3), and still a
    FileNotFoundError for the callers that fall back when an optional file is absent."""


@lru_cache(maxsize=None)
def templates_dir() -> Path:
    """Return the directory of the bundled phrase banks and data files."""
    installed = _HERE / "templates"
    if installed.is_dir():
        return installed
    return _HERE.parent / "templates"


@lru_cache(maxsize=None)
def load_data(name: str, root: Path | None = None):
    """Load a YAML data file from templates/ (or `root`), cached per process. Safe loader only.

    The parsed bundled data is also kept as JSON in the user's cache folder, keyed by the file's path, size
    and modification time: parsing the phrase banks is most of a single draft's rendering time (cold start), and
    JSON reads back several times faster. A file JSON cannot hold exactly (integer keys, dates) is not kept."""
    path = (root or templates_dir()) / name
    bundled = root is None  # a folder of one's own banks (--templates) is edited often: parsed each time
    stored = _stored(path) if bundled else None
    if stored is not None:
        return stored
    try:
        with open(path, encoding="utf-8") as f:
            data = yaml.load(f, Loader=_SAFE_LOADER)  # noqa: S506 - a safe loader, C-accelerated when present
    except FileNotFoundError:
        raise MissingData(f"词库文件夹 {path.parent} 里缺少 {path.name}：从自带的 templates/ 复制一份过来再改。") \
            from None
    except UnicodeDecodeError:
        raise TemplateError(f"词库文件 {path} 不是 UTF-8 编码：用记事本或 VS Code 另存为 UTF-8。") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"第{mark.line + 1}行第{mark.column + 1}列" if mark is not None else ""
        raise TemplateError(f"词库文件 {path} {where}的写法有误（{getattr(exc, 'problem', None) or exc}）："
                            "检查这一行和上一行的引号、括号、冒号和缩进（用空格，不用 Tab）。") from None
    if bundled:
        _store(path, data)
    return data


_CACHE_FORMAT = 1


def cache_dir() -> str:
    """The user's cache folder for gen-report: $XDG_CACHE_HOME or ~/.cache on Linux and macOS,
    %LOCALAPPDATA% on Windows; the temp folder only when none of these can be written."""
    base = os.environ.get("LOCALAPPDATA") if os.name == "nt" else os.environ.get("XDG_CACHE_HOME")
    base = base or os.path.join(os.path.expanduser("~"), ".cache")
    folder = os.path.join(base, "gen-report")
    try:
        os.makedirs(folder, exist_ok=True)
        if os.access(folder, os.W_OK):
            return folder
    except OSError:
        pass
    return tempfile.gettempdir()


def _cache_names(path: Path) -> tuple[str, str] | None:
    """(prefix of every copy of this file, name of the copy of its current content), or None."""
    try:
        stat = path.stat()
    except OSError:
        return None
    where = hashlib.md5(str(path.resolve()).encode("utf-8")).hexdigest()[:12]
    when = hashlib.md5(f"{_CACHE_FORMAT}:{stat.st_size}:{stat.st_mtime_ns}".encode()).hexdigest()[:12]
    return f"data-{where}-", f"data-{where}-{when}.json"


def _stored(path: Path):
    """The kept copy of `path`'s data, or None (a data file is never empty, so None means no copy)."""
    names = _cache_names(path)
    if names is None:
        return None
    try:
        with open(os.path.join(cache_dir(), names[1]), encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def _store(path: Path, data) -> None:
    """Keep a JSON copy of `data` (written atomically; older copies of the same file removed), if JSON
    holds it exactly. Failing to write is never an error: the next run parses the YAML again."""
    names = _cache_names(path)
    if names is None:
        return
    try:
        text = json.dumps(data, ensure_ascii=False)
        if json.loads(text) != data:
            return
        folder = cache_dir()
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, os.path.join(folder, names[1]))
        for old in os.listdir(folder):
            if old.startswith(names[0]) and old != names[1]:
                os.remove(os.path.join(folder, old))
    except (OSError, TypeError, ValueError):
        return
