"""One article through every step: `analyse` once, then every table of `tablespec.TABLES` from it.

Extractors take an `Analysis` (the article, its sentences and tokens, computed once) and
return dataclasses; a builder marked `@table(name)` turns them into the rows of one tidy table,
whose columns are listed in `analysis/tablespec.py`. `report` writes them as CSV for one
article; `batch` writes the same tables for many.

The run's settings (codebook, dictionary, backend ...) are one frozen `RunConfig`, kept on the
analysis: extractors read them from `analysis.config`, never from defaults of their own.

Results that several extractors need (dates, facts, quotes, theme hits, the tokens table) are
computed once per analysis with `@per_analysis`: they live on the `Analysis` itself, so they
are shared between tables of one article and go away with it (no cache across articles).
"""
from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import pandas as pd

from . import tables
from .config import RunConfig
from .corpus import Article
from .segment import Token, Tokens, apply_names, article_sentences, get_segmenter, stopwords, tokenize
from .text import Sentence


@dataclass(frozen=True)
class Analysis:
    article: Article
    sentences: tuple[Sentence, ...]
    tokens: Tokens  # columns; iterating gives Token objects
    config: RunConfig = RunConfig()
    # Results derived from this analysis, filled by `per_analysis` functions; not part of its identity.
    derived: dict[tuple, Any] = field(default_factory=dict, init=False, compare=False, repr=False)

    @property
    def backend(self) -> str:
        return self.config.backend

    def sentence_of(self, token: Token) -> Sentence:
        return self.sentences[token.sentence_index]


def analyse(article: Article, config: RunConfig | str | None = None) -> Analysis:
    """Sentences and tokens of an article; every recognised person's name is one `nr` token.

    `config` is the run's configuration, kept on the analysis (a string: just the backend). The
    person recogniser reads a first analysis (it needs jieba's name tags); the names it finds
    are then applied to the tokens by the segmenter's name pass (`apply_names`), and its results
    carry over to the final analysis, since they depend on the text, not on the name tokens.
    """
    from .names import name_spans  # names builds on an Analysis, so it is imported here

    if not isinstance(config, RunConfig):
        config = RunConfig(backend=config) if config else RunConfig()
    sentences = tuple(article_sentences(article))
    segmenter = get_segmenter(config.backend, config.dictionary)
    first = Analysis(article, sentences, tokenize(article, segmenter, list(sentences)), config)
    spans = name_spans(first)
    if not spans:
        return first
    final = Analysis(article, sentences, apply_names(first.tokens, spans, segmenter), config)
    final.derived.update(first.derived)
    return final


Result = TypeVar("Result")


def per_analysis(compute: Callable[..., Result]) -> Callable[..., Result]:
    """Compute `compute(analysis, *args)` once per analysis and argument values, then share it.

    The result is kept in `analysis.derived`, so it lives exactly as long as the analysis. Callers
    must treat it as read-only (return tuples or frozen dataclasses where possible).
    """
    @functools.wraps(compute)
    def shared(analysis: Analysis, *args: Any) -> Result:
        key = (compute.__module__, compute.__qualname__, *args)
        try:
            return analysis.derived[key]
        except KeyError:
            result = analysis.derived[key] = compute(analysis, *args)
            return result
    return shared


TableBuilder = Callable[[Analysis], Any]


def table(name: str) -> Callable[[TableBuilder], Callable[[Analysis], pd.DataFrame]]:
    """Mark a function of an analysis that returns the rows of table `name` (dicts or a frame).

    The marked function returns the table itself: the rows with exactly the columns and types its
    spec in `analysis/tablespec.py` lists (a test fails when a marked table is not listed there).
    `.rows` is the unmarked function.
    """
    def mark(rows_of: TableBuilder) -> Callable[[Analysis], pd.DataFrame]:
        @functools.wraps(rows_of)
        def build(analysis: Analysis) -> pd.DataFrame:
            from .printed import as_printed, in_original
            from .tablespec import spec_of

            spec = spec_of(name)
            frame = spec.conform(rows_of(analysis), analysis.article.id)
            frame = as_printed(spec, frame, analysis) if spec.as_printed else frame
            return in_original(spec, frame, analysis.article)
        build.table_name = name
        build.rows = rows_of
        return build
    return mark


@table("profiles")
def _profiles(analysis: Analysis) -> pd.DataFrame:
    return tables.profiles_table(analysis.article)


@table("sections")
def _sections(analysis: Analysis) -> pd.DataFrame:
    return tables.sections_table(analysis.article)


@table("tokens")
@per_analysis
def _tokens(analysis: Analysis) -> pd.DataFrame:
    return tables.tokens_table(analysis.article, analysis.tokens, stopwords())


@table("token_counts")
def _token_counts(analysis: Analysis) -> pd.DataFrame:
    return tables.token_counts(_tokens(analysis))


def all_tables(analysis: Analysis) -> dict[str, pd.DataFrame]:
    """Every table of `tablespec.TABLES` for one article, each with its spec's columns, `article_id` first.

    After the first article of a process, what it loaded stays out of the garbage collector's
    way (`_keep_loaded`).
    """
    from .tablespec import TABLES

    frames = {spec.name: spec.build(analysis) for spec in TABLES}
    _keep_loaded()
    return frames


@functools.lru_cache(maxsize=1)
def _keep_loaded() -> None:
    """Move everything alive now (dictionaries, the LAC model, word lists, automata, all loaded by
    the first article) to the collector's permanent generation, once per process.

    Python's full collections walk every container that is alive; with the dictionaries and
    automata loaded that took about 50 ms, four times per 100 news articles (2.2 ms per article,
    7 % of every table). Frozen objects are still freed when nothing refers to them; only a cycle
    among them would never be collected. This changes no result.
    """
    gc.freeze()
