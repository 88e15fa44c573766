"""Extracted items as tidy pandas tables, and CSV output that Excel and WPS open (UTF-8 with BOM)."""
from __future__ import annotations

from collections.abc import Iterable
from operator import attrgetter
from pathlib import Path

import pandas as pd

from .corpus import Article
from .segment import Token

CSV_ENCODING = "utf-8-sig"


def profiles_records(article: Article) -> list[dict]:
    """One record per profile, in the schema of `python -m analysis profiles --json`."""
    return [
        {"id": p.id, "role": p.role, "name": p.name, "headline": p.headline,
         "start": p.start, "end": p.end, "text": article.body(p)}
        for p in article.profiles
    ]


def profiles_table(article: Article) -> pd.DataFrame:
    frame = pd.DataFrame(profiles_records(article),
                         columns=["id", "role", "name", "headline", "start", "end", "text"])
    frame.insert(0, "article_id", article.id)
    frame["chars"] = frame["text"].str.len()
    return frame


def sections_table(article: Article) -> pd.DataFrame:
    rows = [{"article_id": article.id, "section_id": s.id, "kind": s.kind, "start": s.start, "end": s.end}
            for s in article.sections]
    return pd.DataFrame(rows)


def tokens_records(tokens: Iterable[Token]) -> list[dict]:
    """One record per token, in the schema of `python -m analysis tokens --json`."""
    return [{"profile_id": t.section_id, "text": t.text, "pos": t.pos, "start": t.start, "end": t.end}
            for t in tokens]


def tokens_table(article: Article, tokens: Iterable[Token], stopwords: frozenset[str] = frozenset()) -> pd.DataFrame:
    columns = ["section_id", "sentence_index", "text", "norm", "pos", "start", "end"]
    # Plain tuples, not dataclasses.asdict: asdict deep-copies every field and was most of the time.
    frame = pd.DataFrame(list(map(attrgetter(*columns), tokens)), columns=columns)
    frame.insert(0, "article_id", article.id)
    frame["stopword"] = frame["norm"].isin(stopwords)
    return frame


def token_counts(tokens_frame: pd.DataFrame) -> pd.DataFrame:
    """Word frequencies per section, without stopwords and punctuation (POS x)."""
    content = tokens_frame[~tokens_frame["stopword"] & (tokens_frame["pos"] != "x")]
    counts = content.groupby(["section_id", "norm", "pos"]).size().rename("count").reset_index()
    return counts.sort_values(["section_id", "count", "norm"], ascending=[True, False, True], ignore_index=True)


# A cell starting with one of these is a formula to Excel and WPS (=HYPERLINK(...), +cmd|..., @SUM).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cells(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with every text cell that a spreadsheet would run as a formula prefixed by "'"
    (OWASP, CSV injection). Numbers stay numbers, so -2 in a numeric column is untouched; only
    CSV gets this, Parquet and JSON keep the exact text."""
    safe = None
    for column in frame.columns:
        series = frame[column]
        if pd.api.types.is_string_dtype(series.dtype) and series.dtype != object:
            mask = series.str.startswith(FORMULA_STARTS).fillna(False).astype(bool)
        elif series.dtype == object:
            mask = series.map(lambda value: isinstance(value, str) and value.startswith(FORMULA_STARTS)).astype(bool)
        else:
            continue
        if mask.any():
            safe = frame.copy() if safe is None else safe
            safe[column] = series.astype(object).where(~mask, "'" + series[mask].astype(str))
    return frame if safe is None else safe


def write_csv(frame: pd.DataFrame, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    csv_cells(frame).to_csv(path, index=False, encoding=CSV_ENCODING)
    return path
