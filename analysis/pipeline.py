"""One article through every step: `analyse` once, then every registered table from it.

Extractors take an `Analysis` (the article, its sentences and tokens, computed once) and
return dataclasses; `TABLES` names the tidy table each one contributes. `report` writes them as
CSV for one article; `batch` writes the same tables for many.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from . import tables
from .corpus import Article
from .segment import Token, article_sentences, get_segmenter, stopwords, tokenize
from .text import Sentence


@dataclass(frozen=True)
class Analysis:
    article: Article
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]
    backend: str = "jieba"

    def sentence_of(self, token: Token) -> Sentence:
        return self.sentences[token.sentence_index]


def analyse(article: Article, backend: str = "jieba") -> Analysis:
    sentences = article_sentences(article)
    tokens = tokenize(article, get_segmenter(backend), sentences)
    return Analysis(article, tuple(sentences), tuple(tokens), backend)


TableBuilder = Callable[[Analysis], pd.DataFrame]
TABLES: dict[str, TableBuilder] = {}


def table(name: str) -> Callable[[TableBuilder], TableBuilder]:
    """Register a table builder under the file name it is written to (without extension)."""
    def register(builder: TableBuilder) -> TableBuilder:
        TABLES[name] = builder
        return builder
    return register


@table("profiles")
def _profiles(analysis: Analysis) -> pd.DataFrame:
    return tables.profiles_table(analysis.article)


@table("sections")
def _sections(analysis: Analysis) -> pd.DataFrame:
    return tables.sections_table(analysis.article)


@table("tokens")
def _tokens(analysis: Analysis) -> pd.DataFrame:
    return tables.tokens_table(analysis.article, analysis.tokens, stopwords())


@table("token_counts")
def _token_counts(analysis: Analysis) -> pd.DataFrame:
    return tables.token_counts(_tokens(analysis))


def all_tables(analysis: Analysis) -> dict[str, pd.DataFrame]:
    """Every registered table for one article, each with an `article_id` column first."""
    _load_extractors()
    result = {}
    for name, builder in TABLES.items():
        frame = builder(analysis)
        if "article_id" not in frame.columns:
            frame.insert(0, "article_id", analysis.article.id)
        result[name] = frame
    return result


def _load_extractors() -> None:
    """Import the extractor modules so that their @table builders register."""
    import importlib

    for module in EXTRACTOR_MODULES:
        importlib.import_module(f"analysis.{module}")


# Modules that register tables with @table; add a new extractor here.
EXTRACTOR_MODULES: list[str] = ["themes", "discover", "keywords", "candidates", "quotes", "facts", "people"]
