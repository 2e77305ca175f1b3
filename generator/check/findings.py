"""What a rule returns: a located finding with a stable id, a severity and a one-line fix."""
from __future__ import annotations

from dataclasses import dataclass

ERROR, WARNING = "错误", "提醒"


@dataclass(frozen=True)
class Finding:
    rule: str            # stable dotted id, e.g. "placeholder.leftover"
    severity: str        # 错误 | 提醒
    paragraph: int       # 1-based paragraph number in the document (0: the document as a whole)
    start: int           # span of the offending text within the paragraph
    end: int
    message: str         # what is wrong
    fix: str             # how to fix it, one line

    @property
    def rule_id(self) -> str:
        return self.rule

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR
