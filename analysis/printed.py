"""Names and quotations as the article prints them.

A Traditional Chinese article is analysed in its Simplified conversion (OpenCC, the same length,
so a span means the same characters in both; `Article.source_text` keeps the original). What a
journalist copies out of the tables of people and quotes -- a quotation, a name, a role -- must
read as printed, so those tables give them in the article's own script: an evidence column that
equals its span is the original's slice, and a name or phrase is the original's characters where
it stands in the text. Other tables (tokens, themes, keywords) stay in the normalised script that
every count is made in.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from .pipeline import Analysis
    from .tablespec import TableSpec

# Columns holding words of the article (a name, a role, a quotation) rather than codes or numbers.
PRINTED_COLUMNS = ("name", "speaker", "speaker_description", "role", "headline", "text")


def as_printed(spec: TableSpec, frame: pd.DataFrame, analysis: Analysis) -> pd.DataFrame:
    """`frame` with its evidence and word columns in the original script (itself for Simplified input)."""
    source = analysis.article.source_text
    if source is None or frame.empty:
        return frame
    text = analysis.article.text
    frame = frame.copy()
    evidence = set()
    for span in spec.spans:
        if span.equals and span.equals in frame.columns:
            frame[span.equals] = [value if pd.isna(start) or pd.isna(end) else source[int(start):int(end)]
                                  for start, end, value in zip(frame[span.start], frame[span.end], frame[span.equals])]
            evidence.add(span.equals)

    def printed(value):
        if not isinstance(value, str) or not value:
            return value
        at = text.find(value)
        return source[at:at + len(value)] if at >= 0 else value

    for column in PRINTED_COLUMNS:
        if column in frame.columns and column not in evidence:
            frame[column] = frame[column].map(printed)
    return frame
