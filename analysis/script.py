"""Traditional Chinese input: detect it and convert it to Simplified, keeping every offset.

The analysis (dictionary, codebook, stopwords) is Simplified; a Traditional article is analysed
in a Simplified copy of exactly the same length, so that every span means the same characters in
the original and in the copy.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .text import HAN_RE

# Share of Han characters that t2s changes above which a text counts as Traditional. Simplified
# text changes by 0 (the bundled article) or a handful of variant characters.
TRADITIONAL_SHARE = 0.02
MIN_CHANGED = 3


@dataclass(frozen=True)
class Conversion:
    text: str  # Simplified, same length as the source
    traditional: bool
    changed: int  # characters that differ from the source


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(source: str) -> Conversion:
    """Detect Traditional text and convert it with OpenCC (t2s), length-preserving."""
    converter = _t2s()
    converted = converter.convert(source)
    if len(converted) != len(source):
        # A phrase conversion changed the length: fall back to one character at a time.
        converted = "".join(converter.convert(char) if len(converter.convert(char)) == 1 else char
                            for char in source)
    changed = sum(1 for a, b in zip(source, converted) if a != b)
    han = len(HAN_RE.findall(source)) or 1
    traditional = changed >= MIN_CHANGED and changed / han >= TRADITIONAL_SHARE
    return Conversion(converted if traditional else source, traditional, changed if traditional else 0)
