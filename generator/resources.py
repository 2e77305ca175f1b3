"""Where the bundled data lives: `templates/` in a checkout, `generator/templates/` once installed."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

_HERE = Path(__file__).resolve().parent
# libyaml's safe loader parses the bundled banks ~10x faster than the pure-Python one (cold start).
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=None)
def templates_dir() -> Path:
    """Return the directory of the bundled phrase banks and data files."""
    installed = _HERE / "templates"
    if installed.is_dir():
        return installed
    return _HERE.parent / "templates"


@lru_cache(maxsize=None)
def load_data(name: str, root: Path | None = None):
    """Load a YAML data file from templates/ (or `root`), cached per process. Safe loader only."""
    path = (root or templates_dir()) / name
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=_SAFE_LOADER)  # noqa: S506 - a safe loader, C-accelerated when present
