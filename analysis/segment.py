"""Word segmentation behind one small interface, with the domain dictionary and people's names.

`Segmenter` is what callers use; `JiebaSegmenter` is the reference backend (an explicit
`jieba.Tokenizer`, never jieba's global one). `get_segmenter` builds each backend once per process,
and its dictionary is never changed after that: it is shared, read-only state.

An article's tokens (`Tokens`) are columns built in one go from the tagger's output: one cut per
section of the NFKC-normalised text, spans mapped back to the original with one array lookup.
People's names are not dictionary words; `apply_names` makes each occurrence one `nr` token
afterwards, merging or splitting the tokens at its span (韩朋友, never 韩 + 朋友).
"""
from __future__ import annotations

import bisect
import logging
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from itertools import chain, compress
from pathlib import Path
from typing import Protocol, overload

import ahocorasick
import numpy as np

from .corpus import Article
from .errors import InputError
from .layout import NON_BODY_KINDS
from .text import NormalizedText, Sentence, normalize, normalize_string, split_sentences

CACHE_DIR = Path(__file__).resolve().parent.parent / ".cache" / "jieba"
NAME_TAG = "nr"
_WHITE_SPACE = re.compile(r"\s")  # str.isspace's characters


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

    def cut_columns(self, text: str) -> tuple[list[str], list[str]]:
        """The same as `cut`, as a list of words and a list of tags."""

    def word_freq(self, word: str) -> int:
        """How often the dictionary has seen `word` (0 for a word it does not know)."""


@lru_cache(maxsize=4)
def domain_dictionary(path: Path | None = None) -> tuple[DictionaryEntry, ...]:
    """The project's `word freq tag` dictionary (analysis/data/domain_dict.txt), or the one at `path`."""
    if path is None:
        raw = resources.files("analysis.data").joinpath("domain_dict.txt").read_text(encoding="utf-8")
    else:
        try:
            raw = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise InputError(f"{path}: cannot read the dictionary ({type(error).__name__}); "
                             "give a UTF-8 file of `word freq tag` lines") from None
    entries = []
    for number, line in enumerate(raw.splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if line:
            parts = line.split()
            if len(parts) != 3 or not parts[1].isdigit():
                raise InputError(f"{path or 'domain_dict.txt'}: line {number}: expected `word freq tag`; fix the line")
            entries.append(DictionaryEntry(parts[0], int(parts[1]), parts[2]))
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

    def cut_columns(self, text: str) -> tuple[list[str], list[str]]:
        pairs = self._pos.lcut(text)
        return [pair.word for pair in pairs], [pair.flag for pair in pairs]

    def word_freq(self, word: str) -> int:
        """How often jieba's dictionary has seen `word` (0 for a word it does not know)."""
        return self._tokenizer.FREQ.get(word) or 0


def _rjieba_segmenter(entries: Iterable[DictionaryEntry], exact: bool = False) -> Segmenter:
    from .segment_rjieba import RjiebaSegmenter  # imported here: it imports this module

    return RjiebaSegmenter(entries, exact)


BACKENDS = {"jieba": JiebaSegmenter, "rjieba": _rjieba_segmenter,
            "rjieba-exact": lambda entries: _rjieba_segmenter(entries, exact=True)}
BACKEND_VARIABLE = "ANALYSIS_BACKEND"


def default_backend() -> str:
    """The backend named by $ANALYSIS_BACKEND (the one place it is read), else jieba, the reference."""
    return os.environ.get(BACKEND_VARIABLE) or "jieba"


def get_segmenter(backend: str = "jieba", dictionary: Path | None = None) -> Segmenter:
    """One segmenter per backend and dictionary per process, with the domain dictionary (or `dictionary`) loaded."""
    # One cache key however it is called: cached directly, get_segmenter("rjieba") and
    # get_segmenter("rjieba", None) were two keys, so a second dictionary was loaded (about 1 s
    # and its memory; the benchmarks' `tokenize` step and the batch benchmark's baseline paid it).
    return _segmenter(backend, Path(dictionary) if dictionary is not None else None)


@lru_cache(maxsize=None)
def _segmenter(backend: str, dictionary: Path | None) -> Segmenter:
    try:
        factory = BACKENDS[backend]
    except KeyError:
        raise ValueError(f"unknown segmenter backend {backend!r}; choose one of {sorted(BACKENDS)}") from None
    return factory(domain_dictionary(dictionary))


def article_names(article: Article) -> list[str]:
    """The profiled people's names and the reporters: the names `tokenize` applies."""
    return sorted({p.name for p in article.profiles if p.name} | set(article.metadata.reporters))


def article_sentences(article: Article) -> list[Sentence]:
    """Every sentence of every section, numbered through the article; lines that are not body
    text (captions, credits, web-page chrome ...) are left out."""
    sentences: list[Sentence] = []
    for section in article.sections:
        if section.kind in NON_BODY_KINDS:
            continue
        sentences.extend(split_sentences(article.text, section.start, section.end, section.id, len(sentences)))
    return sentences


@dataclass(frozen=True, eq=False)
class Tokens(Sequence[Token]):
    """An article's tokens as columns (one entry per token, in text order).

    `start`/`end` are spans in the original text (`source`), `norm_start`/`norm_end` the same
    tokens in `normalize(source).text`. Indexing or iterating gives `Token` objects, made once
    on first use; code that scans every token can read the columns instead.
    """

    source: str
    section_ids: tuple[str, ...]  # the article's section ids; `section` indexes into it
    section: np.ndarray
    sentence: np.ndarray
    start: np.ndarray
    end: np.ndarray
    norm_start: np.ndarray
    norm_end: np.ndarray
    norm: tuple[str, ...]
    pos: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.norm)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Tokens):
            return NotImplemented
        return (self.source == other.source and self.section_ids == other.section_ids and self.norm == other.norm
                and self.pos == other.pos and all(np.array_equal(getattr(self, name), getattr(other, name))
                                                  for name in ("section", "sentence", "start", "end")))

    def __hash__(self) -> int:
        return hash((self.source, self.norm, self.pos))

    @overload
    def __getitem__(self, index: int) -> Token: ...
    @overload
    def __getitem__(self, index: slice) -> list[Token]: ...
    def __getitem__(self, index):
        return self.objects[index]

    def __iter__(self) -> Iterator[Token]:
        return iter(self.objects)

    @cached_property
    def objects(self) -> tuple[Token, ...]:
        ids, source = self.section_ids, self.source
        return tuple(Token(ids[section], sentence, source[start:end], norm, pos, start, end)
                     for section, sentence, start, end, norm, pos in zip(
                         self.section.tolist(), self.sentence.tolist(), self.start.tolist(),
                         self.end.tolist(), self.norm, self.pos))

    @cached_property
    def text(self) -> tuple[str, ...]:
        """Each token's text in the original, `source[start:end]`."""
        source = self.source
        return tuple(source[s:e] for s, e in zip(self.start.tolist(), self.end.tolist()))


def _columns(cut: tuple[list[str], list[str]], offset: int) -> tuple[np.ndarray, np.ndarray, list[str], list[str]]:
    """Normalised [start, end) of each non-blank word of a cut starting at `offset`, its word and tag."""
    words, tags = cut
    if not words:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), [], []
    ends = np.cumsum(np.fromiter(map(len, words), np.int64, len(words))) + offset
    starts = np.empty_like(ends)
    starts[0], starts[1:] = offset, ends[:-1]
    blank = np.fromiter(map(str.isspace, words), bool, len(words))
    if not blank.any():
        return starts, ends, words, tags
    keep = (~blank).tolist()
    return starts[~blank], ends[~blank], list(compress(words, keep)), list(compress(tags, keep))


def _build(article_text: str, whole: NormalizedText, origin: np.ndarray, sentences: Sequence[Sentence],
           section_ids: tuple[str, ...], parts: list[tuple[int, np.ndarray, np.ndarray, list[str], list[str]]]
           ) -> Tokens:
    """`Tokens` from per-section columns (section index, normalised starts and ends, words, tags)."""
    norm_start = np.concatenate([p[1] for p in parts]) if parts else np.zeros(0, np.int64)
    norm_end = np.concatenate([p[2] for p in parts]) if parts else np.zeros(0, np.int64)
    section = np.concatenate([np.full(len(p[1]), p[0], np.int32) for p in parts]) if parts else np.zeros(0, np.int32)
    start = origin[norm_start] if len(norm_start) else norm_start
    end = origin[norm_end - 1] + 1 if len(norm_end) else norm_end
    sentence_starts = np.fromiter((s.start for s in sentences), np.int64, len(sentences))
    sentence = np.searchsorted(sentence_starts, start, side="right") - 1
    norm = tuple(chain.from_iterable(p[3] for p in parts))
    pos = tuple(chain.from_iterable(p[4] for p in parts))
    return Tokens(article_text, section_ids, section, sentence, start, end, norm_start, norm_end, norm, pos)


def tokenize(article: Article, segmenter: Segmenter | None = None, sentences: list[Sentence] | None = None,
             names: Iterable[str | tuple[int, int]] | None = None) -> Tokens:
    """Tokens of the whole article, each with its section, sentence and original span.

    Each section is cut once, as normalised text; the dictionary is not touched. `names`
    (default: `article_names(article)`) are then applied with `apply_names`.
    """
    segmenter = segmenter or get_segmenter()
    sentences = article_sentences(article) if sentences is None else sentences
    whole = normalize(article.text)
    origin = whole.origin_array()
    section_ids = tuple(section.id for section in article.sections)
    # Section spans in normalised offsets: the first normalised character of each source offset.
    bounds = np.searchsorted(origin, [offset for s in article.sections for offset in (s.start, s.end)])
    parts = []
    for index in range(len(section_ids)):
        if article.sections[index].kind in NON_BODY_KINDS:  # captions, chrome ...: no sentences, no tokens
            continue
        first, last = int(bounds[2 * index]), int(bounds[2 * index + 1])
        parts.append((index, *_columns(segmenter.cut_columns(whole.text[first:last]), first)))
    tokens = _build(article.text, whole, origin, sentences, section_ids, parts)
    return apply_names(tokens, article_names(article) if names is None else names, segmenter)


def _name_spans(whole: NormalizedText, origin: np.ndarray,
                names: Iterable[str | tuple[int, int]]) -> list[tuple[int, int]]:
    """Non-overlapping normalised spans of the names: strings found in the text (longest
    first from the left), source spans mapped; an earlier, then longer, span wins an overlap."""
    spans: list[tuple[int, int]] = []
    automaton = ahocorasick.Automaton()
    for name in names:
        if isinstance(name, str):
            key = normalize_string(name).strip()
            if key:
                automaton.add_word(key, len(key))
        else:
            first, last = np.searchsorted(origin, name).tolist()
            if first < last:
                spans.append((first, last))
    if len(automaton):
        automaton.make_automaton()
        spans += [(end + 1 - length, end + 1) for end, length in automaton.iter_long(whole.text)]
    chosen: list[tuple[int, int]] = []
    for first, last in sorted(spans, key=lambda span: (span[0], -span[1])):
        if not chosen or first >= chosen[-1][1]:
            chosen.append((first, last))
    return chosen


def apply_names(tokens: Tokens, names: Iterable[str | tuple[int, int]], segmenter: Segmenter) -> Tokens:
    """Make every occurrence of each name one token tagged `nr`: the per-article dictionary pass.

    `names` are strings (every occurrence in the text, compared after NFKC) or [start, end)
    spans of the original text (a person recogniser's findings). The tokens a name overlaps are
    replaced by the name and, around it, the rest of those tokens cut again by `segmenter`
    (韩/朋友 -> 韩朋友; 周蓝/蓝天 -> 周蓝蓝/天). A name that would cross a sentence or contain white
    space is left alone. The segmenter's dictionary is not changed.
    """
    whole = normalize(tokens.source)
    origin = whole.origin_array()
    # Each name's tokens: the first one ending after its start .. the last one starting before its end.
    regions: list[list] = []  # [first token, last token + 1, [(name start, name end), ...]]
    spans = _name_spans(whole, origin, names)
    if not spans:
        return tokens
    firsts, lasts = np.array(spans, np.int64).T
    starts_at = np.searchsorted(tokens.norm_end, firsts, side="right")
    ends_at = np.searchsorted(tokens.norm_start, lasts, side="left")
    # Within one sentence (a name over no token, i >= j, is dropped below before this is read).
    sentences = tokens.sentence[np.minimum(starts_at, len(tokens) - 1)] if len(tokens) else starts_at
    same = sentences == (tokens.sentence[np.maximum(ends_at - 1, 0)] if len(tokens) else ends_at)
    for first, last, i, j, one_sentence in zip(firsts.tolist(), lasts.tolist(), starts_at.tolist(), ends_at.tolist(),
                                               same.tolist()):
        if i >= j or not one_sentence or _WHITE_SPACE.search(whole.text, first, last):
            continue
        if regions and i < regions[-1][1]:  # shares a token with the previous name
            regions[-1][1] = max(regions[-1][1], j)
            regions[-1][2].append((first, last))
        else:
            regions.append([i, j, [(first, last)]])
    if not regions:
        return tokens
    pieces = []  # (first token replaced, last + 1, normalised starts, words, tags of the new tokens)
    for i, j, spans in regions:
        starts: list[int] = []
        words: list[str] = []
        tags: list[str] = []
        cursor = int(tokens.norm_start[i])
        for first, last in [*spans, (int(tokens.norm_end[j - 1]), None)]:
            if cursor < first:  # the rest of the overlapped tokens, cut again
                gap_starts, _, gap_words, gap_tags = _columns(segmenter.cut_columns(whole.text[cursor:first]), cursor)
                starts += gap_starts.tolist()
                words += gap_words
                tags += gap_tags
            if last is not None:
                starts.append(first)
                words.append(whole.text[first:last])
                tags.append(NAME_TAG)
                cursor = last
        pieces.append((i, j, starts, words, tags))
    return _splice(tokens, origin, pieces)


def _splice(tokens: Tokens, origin: np.ndarray, pieces: list) -> Tokens:
    """`tokens` with the token ranges [i, j) replaced by new (normalised start, norm, tag) columns."""
    norm: list[str] = []
    pos: list[str] = []
    at = 0
    for i, j, _, words, tags in pieces:
        norm += tokens.norm[at:i]
        norm += words
        pos += tokens.pos[at:i]
        pos += tags
        at = j
    norm += tokens.norm[at:]
    pos += tokens.pos[at:]
    # The numeric columns in one go: old tokens outside every [i, j) keep their place (key 2k + 1),
    # a piece's new tokens take the place of its first replaced token (key 2i, in their order).
    first = np.fromiter((p[0] for p in pieces), np.int64, len(pieces))
    last = np.fromiter((p[1] for p in pieces), np.int64, len(pieces))
    counts = np.fromiter((len(p[3]) for p in pieces), np.int64, len(pieces))
    replaced = np.zeros(len(tokens) + 1, np.int64)
    np.add.at(replaced, first, 1)
    np.add.at(replaced, last, -1)
    kept = np.flatnonzero(np.cumsum(replaced[:-1]) == 0)
    order = np.argsort(np.concatenate([2 * kept + 1, np.repeat(2 * first, counts)]), kind="stable")
    new_starts = np.fromiter(chain.from_iterable(p[2] for p in pieces), np.int64, int(counts.sum()))
    norm_start = np.concatenate([tokens.norm_start[kept], new_starts])[order]
    sec = np.concatenate([tokens.section[kept], np.repeat(tokens.section[first], counts)])[order]
    sen = np.concatenate([tokens.sentence[kept], np.repeat(tokens.sentence[first], counts)])[order]
    norm_end = norm_start + np.fromiter(map(len, norm), np.int64, len(norm))
    return Tokens(tokens.source, tokens.section_ids, sec, sen, origin[norm_start], origin[norm_end - 1] + 1,
                  norm_start, norm_end, tuple(norm), tuple(pos))


def split_terms(tokens: Tokens, article: Article,
                entries: Iterable[DictionaryEntry] | None = None) -> list[str]:
    """Domain terms with an occurrence that token boundaries cut through.

    An occurrence inside a longer token (回访组 inside 回访组组长) counts as kept whole.
    """
    whole = normalize(article.text)
    starts, ends = tokens.start.tolist(), tokens.end.tolist()  # in text order, never overlapping

    def inside_one_token(start: int, end: int) -> bool:
        # Only the last token starting at or before `start` can cover it.
        index = bisect.bisect_right(starts, start) - 1
        return index >= 0 and ends[index] >= end

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
