"""Extracted items as tidy pandas tables, and CSV output that Excel and WPS open (UTF-8 with BOM)."""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TextIO

import numpy as np
import pandas as pd

from .atomic import replacing
from .corpus import Article
from .segment import Tokens

CSV_ENCODING = "utf-8-sig"


def profiles_table(article: Article) -> pd.DataFrame:
    """One row per profile: its heading's parts, the span of the whole section, the body.

    `subject_kind` is "person" or "team"; `rule` says what decided the profile (see `headings`);
    `reporters` are the section's own reporter line, if the paper gives one.
    """
    from .tablespec import BY_NAME

    rows = [{"id": p.id, "role": p.role, "name": p.name, "headline": p.headline, "subject_kind": p.subject_kind,
             "rule": p.rule, "reporters": "、".join(p.reporters), "start": p.start, "end": p.end,
             "text": article.body(p), "chars": p.body_end - p.body_start} for p in article.profiles]
    return BY_NAME["profiles"].conform(rows, article.id)


def sections_table(article: Article) -> pd.DataFrame:
    """One row per part of the text, in order; the parts tile the article (see `Article.sections`).

    `rule` says what decided each part: the heading rule of a section (``dash-line:name-in-body``,
    ``colon:no-subject``), ``front``, ``no-headings``, ``byline``, or the kind of a non-body line
    (``caption``, ``credit``, ``editor_note``, ``data_source``, ``reporter``, ``chrome``).
    """
    from .tablespec import BY_NAME

    rows = [{"section_id": s.id, "kind": s.kind, "rule": s.rule,
             "subject_kind": getattr(s, "subject_kind", None), "name": getattr(s, "name", None) or None,
             "title": getattr(s, "title", None) or None, "start": s.start, "end": s.end,
             "text": article.text[s.start:s.end]}
            for s in article.sections]
    return BY_NAME["sections"].conform(rows, article.id)


def tokens_table(article: Article, tokens: Tokens, stopwords: frozenset[str] = frozenset()) -> pd.DataFrame:
    """One row per token, built from the token columns in one go (no per-token objects)."""
    return pd.DataFrame({
        "article_id": article.id,
        "section_id": np.array(tokens.section_ids, dtype=object)[tokens.section] if len(tokens) else [],
        "sentence_index": tokens.sentence,
        "text": tokens.text,
        "norm": tokens.norm,
        "pos": tokens.pos,
        "start": tokens.start,
        "end": tokens.end,
        "stopword": np.fromiter(map(stopwords.__contains__, tokens.norm), bool, len(tokens)),
    })


def token_counts(tokens_frame: pd.DataFrame) -> pd.DataFrame:
    """Word frequencies per section, without stopwords and punctuation (POS x)."""
    # A Counter over plain lists: a pandas filter, groupby and sort cost several times as much per article.
    keys = zip(*(tokens_frame[column].tolist() for column in ("section_id", "norm", "pos", "stopword")))
    counts = Counter((section, norm, pos) for section, norm, pos, stopword in keys if not stopword and pos != "x")
    rows = sorted(counts.items(), key=lambda item: (item[0][0], -item[1], item[0][1], item[0][2]))
    columns = list(zip(*(key for key, _ in rows))) or [(), (), ()]
    return pd.DataFrame({"section_id": pd.Series(columns[0], dtype="str"), "norm": pd.Series(columns[1], dtype="str"),
                         "pos": pd.Series(columns[2], dtype="str"),
                         "count": np.fromiter((count for _, count in rows), np.int64, len(rows))})


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
    """The whole table as one CSV file, written whole or not at all."""
    with replacing(path) as partial, open(partial, "w", encoding=CSV_ENCODING, newline="") as handle:
        append_csv(frame, handle)
    return path


def append_csv(frame: pd.DataFrame, handle: TextIO, header: bool = True) -> None:
    """Rows of `frame` onto an open CSV file (the batch writes a combined table chunk by chunk),
    formula-like text cells neutralised."""
    csv_cells(frame).to_csv(handle, index=False, header=header)
