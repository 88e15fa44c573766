"""The fast segmenter backend: jieba-rs (through `rjieba`) finds the best path, jieba's rules tag it.

jieba.posseg spends its time building the word graph and scoring paths in Python. This backend
asks jieba-rs for that path (`tag(..., hmm=False)`: the dictionary-only route, with each
dictionary word's tag) and then runs jieba.posseg's own steps on it: the same text blocks, the same buffering of single characters,
jieba's dictionary tags. Only a *run of unknown characters* (single characters in a row that
do not form a dictionary word) goes to an HMM: jieba-rs's (backend `rjieba`, fast; it cuts and
tags some runs differently, see the README) or jieba's own (`rjieba-exact`: the same tokens as `jieba`,
slow on text it has not seen). Both remember the runs they tagged.

What rjieba 0.2 can and cannot do, and the work-arounds:
- It cannot read a dictionary file (no `load_dict`, `load_userdict`, or path argument);
  `Jieba()` embeds jieba-rs's own copy. So an empty instance is filled with `add_word` from
  jieba's `dict.txt` plus the domain dictionary, merged as jieba merges them: the same words
  and frequencies as `JiebaSegmenter`. Frequencies and tags are also kept here, since rjieba
  cannot report them (and keeps a word's first tag when it is added again).
- It cannot remove a word. No need: the dictionary is filled once and never changed (people's
  names are applied to the tokens afterwards, `segment.apply_names`).
- jieba's `add_word` adds a re-added word's frequency to its total without subtracting the old
  one; jieba-rs keeps the exact sum. A ballast entry that no text can match holds jieba-rs's total
  at jieba's, so paths score the same.
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from operator import itemgetter

import numpy as np

from .segment import DictionaryEntry

# Plane-16 private-use characters: outside jieba-rs's Han pattern, so never part of a path.
BALLAST_WORD = "\U0010fffd\U0010fffd"
UNKNOWN_CACHE = 100_000  # runs of unknown characters remembered (a few MB)
_WORD, _TAG = itemgetter(0), itemgetter(1)


def jieba_dictionary() -> tuple[dict[str, tuple[int, str]], int]:
    """jieba's main dictionary as {word: (freq, tag)}, and the total jieba computes from it."""
    raw = resources.files("jieba").joinpath("dict.txt").read_text(encoding="utf-8")
    words: dict[str, tuple[int, str]] = {}
    total = 0
    for line in raw.splitlines():
        word, freq, tag = line.split()
        words[word] = (int(freq), tag)
        total += int(freq)  # jieba counts a repeated line twice; so does this total
    return words, total


@lru_cache(maxsize=1)
def _han_characters() -> frozenset[str]:
    """The characters of jieba.posseg's Han blocks (`re_han_internal`: CJK to U+9FD5, ASCII
    letters and digits, +#&._%-), as a set for fast tests."""
    import jieba.posseg

    return frozenset(chr(c) for c in range(0x10000) if jieba.posseg.re_han_internal.fullmatch(chr(c)))


@lru_cache(maxsize=1)
def _han_table() -> np.ndarray:
    """`_han_characters` as a lookup table by code point (all of Unicode, so any code indexes it)."""
    table = np.zeros(0x110000, bool)
    table[[ord(c) for c in _han_characters()]] = True
    return table


class RjiebaSegmenter:
    """jieba-rs paths with jieba.posseg's tagging, over the same dictionary as `JiebaSegmenter`."""

    name = "rjieba"

    def __init__(self, entries: Iterable[DictionaryEntry] = (), exact: bool = False) -> None:
        import jieba.posseg

        import rjieba

        self._posseg = jieba.posseg
        if exact:
            # jieba's own HMM tagger (it reads no tokenizer state): slow, exact.
            jieba_tagger = object.__new__(jieba.posseg.POSTokenizer)._POSTokenizer__cut_detail

            def tag_run(run: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
                pairs = list(jieba_tagger(run))
                return tuple(pair.word for pair in pairs), tuple(pair.flag for pair in pairs)
        else:
            # jieba-rs's HMM alone (an instance without words, so nothing added can change it).
            rust_tagger = rjieba.Jieba.empty().tag

            def tag_run(run: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
                words, tags = zip(*rust_tagger(run))
                return words, tags
        # A run's words and tags depend on its characters only; short runs recur, so remember them.
        self._tag_unknown = lru_cache(maxsize=UNKNOWN_CACHE)(tag_run)
        self._flush = lru_cache(maxsize=UNKNOWN_CACHE)(self._flush_run)  # runs of known characters recur too
        self._words, total = jieba_dictionary()  # word -> (freq, tag), as jieba holds them
        self._total = total  # jieba's total
        for entry in entries:
            self._words[entry.word] = (entry.freq, entry.tag)
            self._total += entry.freq
        # One jieba-rs instance holding exactly `_words`, filled once and never changed.
        self._jieba = rjieba.Jieba.empty()
        add = self._jieba.add_word
        for word, (freq, tag) in self._words.items():
            add(word, freq, tag)
        self._tags = {word: tag for word, (_, tag) in self._words.items()}
        # Which characters are one-character words, by code point (for `cut_columns`).
        self._single_words = np.zeros(0x110000, bool)
        self._single_words[[ord(word) for word in self._tags if len(word) == 1]] = True
        exact_sum = sum(freq for freq, _ in self._words.values())
        add(BALLAST_WORD, self._total - exact_sum, "x")

    def word_freq(self, word: str) -> int:
        """How often jieba's dictionary has seen `word` (0 for a word it does not know)."""
        entry = self._words.get(word)
        return entry[0] if entry else 0

    def cut(self, text: str) -> list[tuple[str, str]]:
        return list(zip(*self.cut_columns(text)))

    def cut_columns(self, text: str) -> tuple[list[str], list[str]]:
        """jieba.posseg's `__cut_DAG` on the path jieba-rs found, for the whole text in one call.

        jieba-rs splits the text into blocks as jieba does (with a wider Han range; a character
        outside jieba's range stays a single `x` token, as jieba makes it) and cuts each block
        without its HMM. Runs of single characters, and ASCII words jieba-rs joined that are not
        dictionary words, are buffered as jieba.posseg buffers them and flushed the same way
        (`_flush`). Per-token work is done by jieba-rs (`tag`: the path and each word's tag) and
        numpy over the code points; Python loops over runs and ASCII words only. Where the time
        goes (cProfile on news): the jieba-rs call is about 40 % of this method.
        """
        pairs = self._jieba.tag(text, False)
        if not pairs:
            return [], []
        words, tags = list(map(_WORD, pairs)), list(map(_TAG, pairs))  # zip(*pairs) is slower on long lists
        count = len(words)
        lengths = np.fromiter(map(len, words), np.int64, count)
        single = lengths == 1
        first_codes = np.frombuffer("".join(words).encode("utf-32-le"), np.uint32)[np.cumsum(lengths) - lengths]
        # A single character of jieba.posseg's Han blocks is buffered (a word of two or more never is).
        buffered = single & _han_table()[first_codes]
        # jieba-rs tags a dictionary word with its dictionary tag (the one added here) and guesses
        # any other: m or eng for ASCII letters and digits, its own HMM's tag for a Han character.
        # Without its HMM, a word that is not in the dictionary is one character (known by code
        # point here) or a run of ASCII letters and digits (its first character ASCII); jieba.posseg's
        # path tags both x.
        for index in np.flatnonzero(single & ~self._single_words[first_codes]).tolist():
            tags[index] = "x"
        for index in np.flatnonzero(~single & (first_codes < 0x80)).tolist():
            word = words[index]
            if word not in self._tags:
                tags[index] = "x"
                if word.isascii() and word.isalnum():
                    buffered[index] = True  # jieba-rs joins single ASCII letters and digits of the path
        padded = np.zeros(count + 2, bool)
        padded[1:-1] = buffered
        edges = np.flatnonzero(padded[1:] != padded[:-1])  # where each run of buffered words starts and ends
        firsts, lasts = edges[::2], edges[1::2]
        # One single character keeps its dictionary tag (or x): only longer runs are flushed.
        flushed = (lasts - firsts > 1) | (lengths[firsts] > 1)
        if not flushed.any():
            return words, tags
        out_words: list[str] = []
        out_tags: list[str] = []
        done = 0
        for first, last in zip(firsts[flushed].tolist(), lasts[flushed].tolist()):
            run_words, run_tags = self._flush("".join(words[first:last]))
            out_words += words[done:first]
            out_words += run_words
            out_tags += tags[done:first]
            out_tags += run_tags
            done = last
        return out_words + words[done:], out_tags + tags[done:]

    def _flush_run(self, buffer: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """jieba.posseg's flush of buffered single characters: the words and tags they become."""
        words = self._words
        if len(buffer) == 1:
            return (buffer,), (self._tags.get(buffer, "x"),)
        if buffer not in words or not words[buffer][0]:
            return self._tag_unknown(buffer)
        chars = tuple(buffer)
        return chars, tuple(self._tags.get(char, "x") for char in chars)
