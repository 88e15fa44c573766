"""Pinyin glosses that reprint sites insert after characters, removed with an offset map back.

Many stored web copies of articles come from sites that print a character's reading after it:
`现(xiàn)在还算凉快`, `阿妈说(shuō)`, `周時(shí)瑩`. The glosses cut words, names and verbs of
saying, so the analysis reads the text without them (`GlossMap.text`), while every span it
writes is mapped back into the text as received (`GlossMap.original`) in one place, when a table
is built (analysis/spans.py).

A gloss is a parenthesised run right after a Han character that is one pinyin syllable and
either one of that character's readings (pypinyin's dictionary, all readings of a heteronym; a
neutral-tone reading like 的(de) has no tone mark) or a syllable with a tone mark (a reprint site
may gloss a heteronym with a reading the dictionary lacks). Every gloss found in the development
set is a reading of its character. Other brackets stay: `(蒲东峰 摄)`, `(化名)`, `(图)`, a run after
a Latin letter or a digit, a toneless Latin word (`(app)`), several syllables (`(Běijīng)`).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache

import numpy as np

from .lexicon import HAN

# Lower-case pinyin letters, tone-marked vowels included (ü and its tones, ḿ ń ň ǹ of 呣 嗯).
_PINYIN_LETTERS = "a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüḿńňǹ"
# At most six letters (zhuàng): a longer run is a word, not a syllable. Half- or full-width brackets.
_CANDIDATE_RE = re.compile(rf"(?<=[{HAN}])(?:\(([{_PINYIN_LETTERS}]{{1,6}})\)|（([{_PINYIN_LETTERS}]{{1,6}})）)")


@dataclass(frozen=True)
class GlossMap:
    """The text as received (`original`), the text without its glosses (`text`), and where each
    gloss stood: `removed` holds the original [start, end) of every gloss, in order.

    Offsets map one way by adding the length of the glosses before them. A position of `text`
    maps to the position of the same character in `original`; an end maps to the character after
    it, so a span ending in a glossed character keeps its gloss (`说` of `说(shuō)` spans all six),
    and spans that tile `text` still tile `original`.
    """

    original: str
    text: str
    removed: tuple[tuple[int, int], ...]

    @cached_property
    def _starts(self) -> np.ndarray:
        """Where each gloss starts in `original`."""
        return np.array([start for start, _ in self.removed], dtype=np.int64)

    @cached_property
    def _shift(self) -> np.ndarray:
        """How many gloss characters lie before the k-th gloss, k = 0 .. len(removed)."""
        return np.cumsum([0] + [end - start for start, end in self.removed], dtype=np.int64)

    @cached_property
    def _clean_at(self) -> np.ndarray:
        """Position in `text` of the character each gloss precedes (equal to `len(text)` at the end)."""
        return self._starts - self._shift[:-1]

    def to_original(self, at: int) -> int:
        """The offset in `original` of offset `at` of `text` (a start or an end)."""
        return int(at + self._shift[np.searchsorted(self._clean_at, at, side="right")])

    def to_original_array(self, values: np.ndarray) -> np.ndarray:
        """`to_original` of every offset in an integer array."""
        return values + self._shift[np.searchsorted(self._clean_at, values, side="right")]

    def to_text(self, at: int) -> int:
        """The offset in `text` of offset `at` of `original`; inside a gloss, the character after it."""
        index = int(np.searchsorted(self._starts, at, side="right"))
        if index and at < self.removed[index - 1][1]:  # inside the gloss: where it was cut out
            return self.to_text(self.removed[index - 1][1])
        return int(at - self._shift[index])


def remove_glosses(original: str) -> GlossMap | None:
    """The text without its pinyin glosses and the map back; None when it has none (most texts)."""
    removed = tuple(match.span() for match in _CANDIDATE_RE.finditer(original)
                    if is_gloss(original[match.start() - 1], match.group(1) or match.group(2)))
    if not removed:
        return None
    pieces, last = [], 0
    for start, end in removed:
        pieces.append(original[last:start])
        last = end
    pieces.append(original[last:])
    return GlossMap(original, "".join(pieces), removed)


def is_gloss(char: str, syllable: str) -> bool:
    """`syllable`, in brackets after `char`, is its reading: one of the character's readings, or a
    pinyin syllable with a tone mark."""
    return syllable in _readings(char) or (_toneless(syllable) != syllable and _toneless(syllable) in _syllables())


def _readings(char: str) -> tuple[str, ...]:
    from pypinyin.constants import PINYIN_DICT  # loaded only when a text has a candidate gloss

    found = PINYIN_DICT.get(ord(char))
    return tuple(found.split(",")) if found else ()


def _toneless(syllable: str) -> str:
    """`xiàn` -> `xian`, `lǜ` -> `lü`: the tone marks dropped, ü kept."""
    decomposed = unicodedata.normalize("NFD", syllable)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in "\u0300\u0301\u0304\u030c"))


@lru_cache(maxsize=1)
def _syllables() -> frozenset[str]:
    """Every toneless syllable of pypinyin's dictionary (about 420: xian, lü, ng ...)."""
    from pypinyin.constants import PINYIN_DICT

    return frozenset(_toneless(reading) for readings in PINYIN_DICT.values() for reading in readings.split(","))
