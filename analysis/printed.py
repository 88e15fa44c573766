"""Names and quotations as the article prints them.

A Traditional Chinese article is analysed in its Simplified conversion (OpenCC, the same length,
so a span means the same characters in both; `Article.source_text` keeps the original). What a
journalist copies out of the tables of people and quotes -- a quotation, a name, a role -- must
read as printed, so those tables give them in the article's own script: an evidence column that
equals its span is the original's slice, and a name or phrase is the original's characters where
it stands in the text. Other tables (tokens, themes, keywords) stay in the normalised script that
every count is made in.

A copy with pinyin glosses (`现(xiàn)在`, analysis/glosses.py) is analysed without them, in a
shorter text. `in_original` maps every table's spans back into the text as received, the one
place where this happens: each start and end column of the spec's spans (and the spans inside a
JSON evidence column) goes through the article's `GlossMap`. A printed table's evidence column is
then the original's slice, gloss included, so `article.original[start:end]` is the evidence in
every printed table; the other tables keep the words the analysis counted (glosses removed, in
Simplified), which `article.analysed(start, end)` gives back from the same span.
"""
from __future__ import annotations

import json
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from .corpus import Article
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


def in_original(spec: TableSpec, frame: pd.DataFrame, article: Article) -> pd.DataFrame:
    """`frame` with every span an offset of `article.original` (itself for a text without glosses)."""
    glosses = article.glosses
    if glosses is None or frame.empty:
        return frame
    frame = frame.copy()
    for span in spec.spans:
        for column in (span.start, span.end):
            values = frame[column]
            mapped = glosses.to_original_array(values.to_numpy(dtype=np.int64, na_value=0))
            # Int64 spans may be empty (a person's unknown joining): they stay empty
            frame[column] = (pd.arrays.IntegerArray(mapped, values.isna().to_numpy()) if values.dtype == "Int64"
                             else mapped)
        if spec.as_printed and span.equals:
            frame[span.equals] = [value if pd.isna(start) or pd.isna(end) else glosses.original[int(start):int(end)]
                                  for start, end, value in zip(frame[span.start], frame[span.end], frame[span.equals])]
    if spec.evidence_json:
        frame[spec.evidence_json] = [_evidence_in_original(value, glosses.original, glosses.to_original)
                                     for value in frame[spec.evidence_json]]
    return frame


def _evidence_in_original(value: str, original: str, to_original) -> str:
    """A JSON list of `{sentence, start, end, marks}` with its spans mapped and the sentence as received,
    so that a mark minus the start still indexes the sentence (the editors' page highlights so)."""
    items = json.loads(value)
    for item in items:
        item["start"], item["end"] = to_original(item["start"]), to_original(item["end"])
        item["sentence"] = original[item["start"]:item["end"]]
        item["marks"] = [[to_original(s), to_original(e)] for s, e in item["marks"]]
    return json.dumps(items, ensure_ascii=False)
