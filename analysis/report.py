"""What `make report` runs: every table for one article, written under one output folder."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import tables
from .corpus import load_article
from .pipeline import all_tables, analyse
from .segment import split_terms

DEFAULT_OUTPUT = Path(__file__).resolve().parent.parent / "output"


@dataclass
class ReportResult:
    article_id: str
    written: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def build_report(article_path: str | Path | None = None, output: Path = DEFAULT_OUTPUT,
                 backend: str = "jieba") -> ReportResult:
    article = load_article(article_path)
    analysis = analyse(article, backend)
    folder = output / article.id
    result = ReportResult(article.id)
    for name, frame in all_tables(analysis).items():
        result.written.append(tables.write_csv(frame, folder / f"{name}.csv"))
    result.notes.append(f"{len(article.profiles)} profiles, {len(analysis.tokens)} tokens")
    result.notes += [f"domain term split by the segmenter: {term}" for term in split_terms(analysis.tokens, article)]
    result.notes += [f"warning: {w}" for w in article.warnings]
    return result
