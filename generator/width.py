"""How wide a text prints, in characters of its font: the one measure the title breaking, the sign-off
alignment and the starter file's comment columns share."""
from __future__ import annotations


def text_width(text: str) -> float:
    """The width of `text` in full-width characters (ASCII counts half)."""
    return sum(0.5 if ord(ch) < 128 else 1 for ch in text)


def title_width(text: str) -> float:
    """The printed width of a title line: `text_width`, plus the quarter character Word and LibreOffice add
    between Chinese characters and digits (autoSpaceDN) at each such boundary."""
    width = text_width(text)
    for a, b in zip(text, text[1:]):
        if a.isdigit() != b.isdigit() and not (a.isascii() and b.isascii()):
            width += 0.25
    return width


def columns(text: str) -> int:
    """The columns `text` takes in a monospaced editor (a Chinese character takes two)."""
    return int(text_width(text) * 2)
