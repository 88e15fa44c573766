"""Word segmentation behind one small interface, with the domain dictionary and people's names.

`Segmenter` is what callers use; `JiebaSegmenter` is the reference backend (an explicit
`jieba.Tokenizer`, never jieba's global one). `get_segmenter` builds each backend once per process.
Tokens are cut from NFKC-normalised sentences and carry spans in the original text.
"""
from __future__ import annotations

import bisect
import contextlib
import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Protocol

from .corpus import Article
from .text import Sentence, normalize, normalize_string, split_sentences

CACHE_DIR = Path(__file__).resolve().parent.parent / ".cache" / "jieba"
NAME_TAG = "nr"
NAME_FREQ = 100_000  # high enough that a profiled person's name is never split (韩朋友, not 韩 + 朋友)


@dataclass(frozen=True)
class DictionaryEntry:
    word: str
    freq: int
    tag: str


@dataclass(frozen=True)
class Token:
    section_id: str
    sentence_index: int
    text: str  # exactly article.text[start:end]
    norm: str  # NFKC form used for matching
    pos: str
    start: int
    end: int


class Segmenter(Protocol):
    name: str

    def cut(self, text: str) -> list[tuple[str, str]]:
        """(word, part-of-speech tag) pairs that concatenate back to `text`."""

    def extra_words(self, entries: Iterable[DictionaryEntry]) -> contextlib.AbstractContextManager:
        """Add words (such as an article's names) for the duration of a `with` block."""


@lru_cache(maxsize=1)
def domain_dictionary() -> tuple[DictionaryEntry, ...]:
    """The project's `word freq tag` dictionary (analysis/data/domain_dict.txt)."""
    raw = resources.files("analysis.data").joinpath("domain_dict.txt").read_text(encoding="utf-8")
    entries = []
    for line in raw.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            word, freq, tag = line.split()
            entries.append(DictionaryEntry(word, int(freq), tag))
    return tuple(entries)


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """stopwordsiso's Chinese list plus the project's additions (data/stopwords.txt, with reasons)."""
    import stopwordsiso

    raw = resources.files("analysis.data").joinpath("stopwords.txt").read_text(encoding="utf-8")
    project = {line.split("#", 1)[0].strip() for line in raw.splitlines()}
    return frozenset(stopwordsiso.stopwords("zh")) | frozenset(w for w in project if w)


class JiebaSegmenter:
    """jieba with POS tags: one `jieba.Tokenizer` and its `POSTokenizer`, domain dictionary loaded."""

    name = "jieba"

    def __init__(self, entries: Iterable[DictionaryEntry] = ()) -> None:
        import jieba
        import jieba.posseg

        jieba.setLogLevel(logging.WARNING)
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        self._tokenizer = jieba.Tokenizer()
        self._tokenizer.tmp_dir = str(CACHE_DIR)
        self._tokenizer.initialize()
        self._pos = jieba.posseg.POSTokenizer(self._tokenizer)
        for entry in entries:
            self._add(entry)

    def _add(self, entry: DictionaryEntry) -> None:
        self._tokenizer.add_word(entry.word, entry.freq, entry.tag)
        self._pos.word_tag_tab[entry.word] = entry.tag

    def cut(self, text: str) -> list[tuple[str, str]]:
        return [(pair.word, pair.flag) for pair in self._pos.cut(text)]

    def word_freq(self, word: str) -> int:
        """How often jieba's dictionary has seen `word` (0 for a word it does not know)."""
        return self._tokenizer.FREQ.get(word) or 0

    @contextlib.contextmanager
    def extra_words(self, entries: Iterable[DictionaryEntry]) -> Iterator[None]:
        """Add words, then restore the dictionary exactly as it was (frequencies, total, tags)."""
        freq, tags = self._tokenizer.FREQ, self._pos.word_tag_tab
        saved_total = self._tokenizer.total
        saved_freq: dict[str, int | None] = {}
        saved_tags: dict[str, str | None] = {}
        for entry in entries:
            for end in range(1, len(entry.word) + 1):
                saved_freq.setdefault(entry.word[:end], freq.get(entry.word[:end]))
            saved_tags.setdefault(entry.word, tags.get(entry.word))
            self._add(entry)
        try:
            yield
        finally:
            for word, value in saved_freq.items():
                if value is None:
                    freq.pop(word, None)
                else:
                    freq[word] = value
            for word, tag in saved_tags.items():
                if tag is None:
                    tags.pop(word, None)
                else:
                    tags[word] = tag
            self._tokenizer.total = saved_total


def _rjieba_segmenter(entries: Iterable[DictionaryEntry], exact: bool = False) -> Segmenter:
    from .segment_rjieba import RjiebaSegmenter  # imported here: it imports this module

    return RjiebaSegmenter(entries, exact)


BACKENDS = {"jieba": JiebaSegmenter, "rjieba": _rjieba_segmenter,
            "rjieba-exact": lambda entries: _rjieba_segmenter(entries, exact=True)}
BACKEND_VARIABLE = "ANALYSIS_BACKEND"


def default_backend() -> str:
    """The backend named by $ANALYSIS_BACKEND (the one place it is read), else jieba, the reference."""
    return os.environ.get(BACKEND_VARIABLE) or "jieba"


@lru_cache(maxsize=None)
def get_segmenter(backend: str = "jieba") -> Segmenter:
    """One segmenter per backend per process, with the domain dictionary loaded."""
    try:
        factory = BACKENDS[backend]
    except KeyError:
        raise ValueError(f"unknown segmenter backend {backend!r}; choose one of {sorted(BACKENDS)}") from None
    return factory(domain_dictionary())


def name_entries(article: Article) -> list[DictionaryEntry]:
    """The profiled people's names, so that 韩朋友 is one token and never counted as 朋友."""
    names = {p.name for p in article.profiles if p.name} | set(article.metadata.reporters)
    return [DictionaryEntry(name, NAME_FREQ, NAME_TAG) for name in sorted(names)]


def article_sentences(article: Article) -> list[Sentence]:
    """Every sentence of every section, numbered through the article."""
    sentences: list[Sentence] = []
    for section in article.sections:
        sentences.extend(split_sentences(article.text, section.start, section.end, section.id, len(sentences)))
    return sentences


def tokenize(article: Article, segmenter: Segmenter | None = None,
             sentences: list[Sentence] | None = None) -> list[Token]:
    """Tokens of the whole article, each with its section, sentence and original span."""
    segmenter = segmenter or get_segmenter()
    sentences = article_sentences(article) if sentences is None else sentences
    tokens: list[Token] = []
    with segmenter.extra_words(name_entries(article)):
        for sentence in sentences:
            normalized = normalize(article.text, sentence.start, sentence.end)
            offset = 0
            for word, pos in segmenter.cut(normalized.text):
                start, end = normalized.to_source(offset, offset + len(word))
                offset += len(word)
                if word.strip():
                    tokens.append(Token(sentence.section_id, sentence.index, article.text[start:end],
                                        word, pos, start, end))
    return tokens


def split_terms(tokens: Iterable[Token], article: Article,
                entries: Iterable[DictionaryEntry] | None = None) -> list[str]:
    """Domain terms with an occurrence that token boundaries cut through.

    An occurrence inside a longer token (回访组 inside 回访组组长) counts as kept whole.
    """
    whole = normalize(article.text)
    spans = sorted((t.start, t.end) for t in tokens)
    starts = [start for start, _ in spans]

    def inside_one_token(start: int, end: int) -> bool:
        # Tokens do not overlap: only the last token starting at or before `start` can cover it.
        index = bisect.bisect_right(starts, start) - 1
        return index >= 0 and spans[index][1] >= end

    split = set()
    for entry in domain_dictionary() if entries is None else entries:
        term = normalize_string(entry.word)
        at = whole.text.find(term)
        while at != -1:
            if not inside_one_token(*whole.to_source(at, at + len(term))):
                split.add(entry.word)
                break
            at = whole.text.find(term, at + 1)
    return sorted(split)
