"""What `make report` runs: every table for one article, written under one output folder."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import tables
from .corpus import load_article
from .segment import get_segmenter, split_terms, stopwords, tokenize

DEFAULT_OUTPUT = Path(__file__).resolve().parent.parent / "output"


@dataclass
class ReportResult:
    article_id: str
    written: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def build_report(article_path: str | Path | None = None, output: Path = DEFAULT_OUTPUT,
                 backend: str = "jieba") -> ReportResult:
    article = load_article(article_path)
    folder = output / article.id
    result = ReportResult(article.id)
    tokens = tokenize(article, get_segmenter(backend))
    token_frame = tables.tokens_table(article, tokens, stopwords())
    result.written += [
        tables.write_csv(tables.profiles_table(article), folder / "profiles.csv"),
        tables.write_csv(tables.sections_table(article), folder / "sections.csv"),
        tables.write_csv(token_frame, folder / "tokens.csv"),
        tables.write_csv(tables.token_counts(token_frame), folder / "token_counts.csv"),
    ]
    result.notes += [f"{len(article.profiles)} profiles, {len(tokens)} tokens"]
    result.notes += [f"domain term split by the segmenter: {term}" for term in split_terms(tokens, article)]
    result.notes += [f"warning: {w}" for w in article.warnings]
    return result
