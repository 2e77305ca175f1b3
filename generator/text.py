"""Render a `Draft` as plain text: what `--format txt` prints and what tests read."""
from __future__ import annotations

from .model import Draft, Role

_INDENT = "\u3000\u3000"  # two full-width spaces, the text equivalent of the first-line indent


def draft_to_text(draft: Draft) -> str:
    """Return the draft as text: title lines centred by blank lines, paragraphs indented."""
    lines: list[str] = []
    for block in draft.blocks():
        if block.role is Role.TITLE:
            lines.extend(s.text for s in block.spans)
            lines.append("")
        elif block.role is Role.SIGNATURE:
            lines.extend([block.text, ""])
        elif block.role is Role.SIGN_NAME:
            lines.extend(["", block.text])
        elif block.role is Role.SIGN_DATE:
            lines.append(block.text)
        else:
            lines.append(_INDENT + block.text)
    return "\n".join(lines) + "\n"
