"""Text normalisation that keeps an offset map back to the original, and sentence splitting.

Matching works on NFKC-normalised text (so full-width "１２３４５" matches "12345"), but every
item reports its span in the *original* article; `NormalizedText.to_source` is that bridge.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# One Han character of the CJK Unified Ideographs block: what "Chinese text" means to the checks.
HAN_RE = re.compile(r"[\u4e00-\u9fff]")

# Sentence-final punctuation (full and half width) and what may close a sentence after it.
SENTENCE_END = "。！？!?…"
CLOSERS = "”’」』）)》】\"'"
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
    """Normalised text plus, for each of its characters, the index of the source character."""

    text: str
    origin: tuple[int, ...]
    source_end: int

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the normalised text to a span of the source text."""
        if start >= len(self.text):
            return self.source_end, self.source_end
        source_start = self.origin[start]
        if end <= start:
            return source_start, source_start
        return source_start, self.origin[end - 1] + 1


# Corner brackets (Traditional Chinese, Japanese) read as the curly quotes Simplified text uses.
QUOTE_FOLD = {"「": "“", "」": "”", "『": "‘", "』": "’"}
LINE_BREAKS = "\r\n"


# Extractors normalise the same sentences again and again; the result is immutable, so share it.
# Bounded, so that a batch over many articles does not keep them all.
@lru_cache(maxsize=4096)
def normalize(source: str, start: int = 0, end: int | None = None) -> NormalizedText:
    """NFKC-normalise source[start:end] character by character, remembering where each came from.

    Quotation marks are folded to “ ” ‘ ’: corner brackets one for one, and straight double
    quotes (`"`, or full-width `＂`) alternately opening and closing within a line, so that every
    extractor sees one quoting style. Callers normalise from a line start, so the alternation
    starts in step.
    """
    end = len(source) if end is None else end
    chars: list[str] = []
    origin: list[int] = []
    inside_straight_quote = False
    for index in range(start, end):
        char = source[index]
        folded = _nfkc_char(char)
        if folded == '"':
            folded = "”" if inside_straight_quote else "“"
            inside_straight_quote = not inside_straight_quote
        elif char in LINE_BREAKS:
            inside_straight_quote = False
        else:
            folded = QUOTE_FOLD.get(folded, folded)
        chars.append(folded)
        origin.extend([index] * len(folded))
    return NormalizedText("".join(chars), tuple(origin), end)


def normalize_string(value: str) -> str:
    """NFKC for a search term or other text that needs no offsets."""
    return unicodedata.normalize("NFKC", value)


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
        stripped = piece.strip()
        if not stripped:
            continue
        lead = len(piece) - len(piece.lstrip())
        s_start = start + match.start() + lead
        s_end = s_start + len(stripped)
        sentences.append(Sentence(section_id, first_index + len(sentences), s_start, s_end, stripped))
    return sentences
