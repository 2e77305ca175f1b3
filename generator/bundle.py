"""The templates of one run, loaded once: the practice catalogue, the phrase banks, the authors (作者.yaml),
the matching word lists (呼应.yaml), the year's formulations (era.yaml) and the names (名称.yaml).

`load_templates(root)` is the one place a run reads its templates; `api.render` passes the bundle to validate
and compose, and nothing downstream opens a templates file. Each loader checks what it reads and reports a
broken file as a `TemplateError` (exit 3, file and line); `gen-report check-templates DIR` runs the same
loaders. Cached per folder: a batch of a hundred drafts loads its templates once."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .bank import Bank, load_bank
from .catalogue import Catalogue, load_catalogue
from .resources import load_data


@dataclass(frozen=True)
class Templates:
    root: Path | None             # the folder (None: the bundled templates)
    catalogue: Catalogue
    bank: Bank
    authors: dict | None          # 作者.yaml; None for a township's folder of an earlier version (one layout)
    echoes: dict                  # 呼应.yaml; empty for a folder without it (matching by names alone)
    era: dict                     # era.yaml
    names: dict                   # 名称.yaml: noun heads, names of things, verbs a name opens with (always the
    #                               bundled file: the checker reads the same one, so a draft and its check agree)
    _matcher: list = field(default_factory=list, repr=False, compare=False)

    @property
    def matcher(self) -> Any:
        """The `compose.overlap.Matcher` over 呼应.yaml, built on first use and kept with the bundle."""
        if not self._matcher:
            from .compose.overlap import Matcher

            self._matcher.append(Matcher(self.echoes))
        return self._matcher[0]


@lru_cache(maxsize=8)
def load_templates(root: Path | None = None) -> Templates:
    """Load the templates of `root` (None: the bundled ones), every file checked as it is read."""
    return Templates(root=root, catalogue=load_catalogue(root), bank=load_bank(root),
                     authors=_optional("作者.yaml", root), echoes=_optional("呼应.yaml", root) or {},
                     era=load_data("era.yaml", root), names=load_data("名称.yaml"))


def _optional(name: str, root: Path | None):
    try:
        return load_data(name, root)
    except FileNotFoundError:
        return None


__all__ = ["Templates", "load_templates"]
