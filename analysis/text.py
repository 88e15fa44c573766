"""Text normalisation that keeps an offset map back to the original, and sentence splitting.

Matching works on NFKC-normalised text (so full-width "１２３４５" matches "12345"), but every
item reports its span in the *original* article; `NormalizedText.to_source` is that bridge.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from .lexicon import HAN, HAN_RE  # noqa: F401  (re-exported: what a Han character is lives in lexicon.py)

# Sentence-final punctuation (full and half width) and what may close a sentence after it.
SENTENCE_END = "。！？!?…"
CLOSERS = "”’」』）)》】\"'"
# Real sentences stay far below this (the longest in the development articles has ~130
# characters); a longer run is cut, after the last of SOFT_BREAKS where possible.
MAX_SENTENCE_CHARS = 1000
SOFT_BREAKS = "，,；;、 \u3000"
_SENTENCE_RE = re.compile(
    rf"[^\n\r]*?(?:[{re.escape(SENTENCE_END)}]+[{re.escape(CLOSERS)}]*|(?=[\r\n])|$)"
)


@lru_cache(maxsize=None)
def _nfkc_char(char: str) -> str:
    folded = unicodedata.normalize("NFKC", char)
    # "…" would become "...", which jieba glues to a preceding number; punctuation that
    # expands stays as it is.
    if len(folded) > 1 and unicodedata.category(char).startswith("P"):
        return char
    return folded


@dataclass(frozen=True)
class NormalizedText:
    """Normalised text plus, for each of its characters, the index of the source character.

    `origin` is a `range` when every character normalises to one character (most text), so the
    common case allocates nothing per character.
    """

    text: str
    origin: Sequence[int]
    source_end: int

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the normalised text to a span of the source text."""
        if start >= len(self.text):
            return self.source_end, self.source_end
        source_start = self.origin[start]
        if end <= start:
            return source_start, source_start
        return source_start, self.origin[end - 1] + 1

    def origin_array(self) -> np.ndarray:
        """`origin` as an integer array, for mapping many spans at once."""
        if isinstance(self.origin, range):
            return np.arange(self.origin.start, self.origin.stop, dtype=np.int64)
        return np.array(self.origin, dtype=np.int64)


# Corner brackets (Traditional Chinese, Japanese) read as the curly quotes Simplified text uses.
QUOTE_FOLD = {"「": "“", "」": "”", "『": "‘", "』": "’"}
LINE_BREAKS = "\r\n"


class _FoldTable(dict):
    """code point -> folded string for `str.translate`, filled on first sight of each character.

    A straight double quote stays `"` here; `normalize` then alternates it to “ or ” per line.
    """

    def __missing__(self, code: int) -> str:
        if unicodedata.category(chr(code)) == "Cf":
            self[code] = ""  # zero-width space, soft hyphen, RTL marks: invisible, they only split words
            return ""
        folded = _nfkc_char(chr(code))
        folded = folded if folded == '"' else QUOTE_FOLD.get(folded, folded)
        self[code] = folded
        return folded


_FOLD = _FoldTable()
_QUOTE_EVENT_RE = re.compile(r'["“”\r\n]')
_LINE_BREAK_RE = re.compile(r"[\r\n]")


def _alternate_straight_quotes(text: str) -> str:
    """Straight double quotes open and close alternately within a line.

    Inside a curly quote that closes later on the same line they are the inner quote, ‘ ’, as
    Chinese typesetting nests them: “=HYPERLINK("x")” stays one quote instead of ending at (.
    """
    parts, last = [], 0
    inside = inner = False
    depth, line_end, line_close = 0, -1, -1
    for match in _QUOTE_EVENT_RE.finditer(text):
        mark, at = match.group(), match.start()
        if mark in "\r\n":
            inside = inner = False
            depth = 0
            continue
        if mark == "“":
            depth += 1
            continue
        if mark == "”":
            depth, inner = max(0, depth - 1), False
            continue
        if at > line_end:  # first straight quote of this line: where the line's last ” is
            found = _LINE_BREAK_RE.search(text, at)
            line_end = found.start() if found else len(text)
            line_close = text.rfind("”", at, line_end)
        if depth and at < line_close:
            folded, inner = ("’" if inner else "‘"), not inner
        else:
            folded, inside = ("”" if inside else "“"), not inside
        parts += [text[last:at], folded]
        last = at + 1
    parts.append(text[last:])
    return "".join(parts)


# Extractors normalise the same sentences again and again; the result is immutable, so share it.
# Bounded, so that a batch over many articles does not keep them all.
@lru_cache(maxsize=4096)
def normalize(source: str, start: int = 0, end: int | None = None) -> NormalizedText:
    """NFKC-normalise source[start:end] character by character, remembering where each came from.

    Quotation marks are folded to “ ” ‘ ’: corner brackets one for one, and straight double
    quotes (`"`, or full-width `＂`) alternately opening and closing within a line, so that every
    extractor sees one quoting style. Callers normalise from a line start, so the alternation
    starts in step. Format characters (Unicode Cf: zero-width space, soft hyphen, direction marks)
    are left out, so 韩\u200b朋友 reads 韩朋友; its span in the source still covers them.
    """
    end = len(source) if end is None else end
    piece = source[start:end]
    text = piece.translate(_FOLD)  # format characters fold to nothing; none to a longer string with "
    if '"' in text:
        text = _alternate_straight_quotes(text)
    if len(text) == len(piece):
        return NormalizedText(text, range(start, end), end)
    origin: list[int] = []
    for index, char in enumerate(piece, start):
        origin.extend([index] * len(_FOLD[ord(char)]))
    return NormalizedText(text, tuple(origin), end)


class _FormatTable(dict):
    """code point -> None for format characters (Unicode Cf), itself otherwise; filled lazily."""

    def __missing__(self, code: int) -> str | None:
        self[code] = None if unicodedata.category(chr(code)) == "Cf" else chr(code)
        return self[code]


_FORMAT = _FormatTable()


def strip_format(value: str) -> str:
    """`value` without format characters (Unicode Cf), for reading headings and names."""
    return value if value.isascii() else value.translate(_FORMAT)


def normalize_string(value: str) -> str:
    """NFKC for a search term or other text that needs no offsets; format characters left out,
    as `normalize` leaves them out of the article."""
    return unicodedata.normalize("NFKC", strip_format(value))


@dataclass(frozen=True)
class Sentence:
    section_id: str
    index: int
    start: int
    end: int
    text: str


def split_sentences(source: str, start: int, end: int, section_id: str, first_index: int = 0) -> list[Sentence]:
    """Split source[start:end] into sentences; closing quotation marks stay with their sentence.

    Line breaks always end a sentence. Leading and trailing white space is left out of each span.
    """
    sentences: list[Sentence] = []
    region = source[start:end]
    for match in _SENTENCE_RE.finditer(region):
        piece = match.group(0)
        pieces = _bounded(match.start(), piece) if len(piece) > MAX_SENTENCE_CHARS else ((match.start(), piece),)
        for piece_start, piece in pieces:
            stripped = piece.strip()
            if not stripped:
                continue
            s_start = start + piece_start + piece.find(stripped[0])  # after the leading white space
            sentences.append(Sentence(section_id, first_index + len(sentences), s_start, s_start + len(stripped),
                                      stripped))
    return sentences


def _bounded(offset: int, piece: str) -> list[tuple[int, str]]:
    """`piece` cut into runs of at most MAX_SENTENCE_CHARS, each after a comma or space when there
    is one, so that a paragraph without sentence punctuation (pasted tables, repeated words) does
    not make every per-sentence step, and every hit that repeats its sentence, grow with the file."""
    parts = []
    while len(piece) > MAX_SENTENCE_CHARS:
        window = piece[:MAX_SENTENCE_CHARS]
        cut = max(window.rfind(mark) for mark in SOFT_BREAKS) + 1
        cut = cut if cut > MAX_SENTENCE_CHARS // 2 else MAX_SENTENCE_CHARS
        parts.append((offset, piece[:cut]))
        offset, piece = offset + cut, piece[cut:]
    parts.append((offset, piece))
    return parts
