"""Collocations: the words that keep company with a term, and an article's multi-word units.

Collocates (AntConc's Collocates tool): every content word within `window` tokens either side of
the node term, inside the same sentence. For each collocate c with frequency f_c in the corpus of
N content tokens, O co-occurrences and W tokens inside all of the node's windows:

* MI = log2(O * N / (f_node * f_c * span)), span = 2 * window (Church & Hanks 1990, with the
  window correction AntConc applies);
* G2 = the log-likelihood of the 2 x 2 table (c / other words) x (inside the windows / outside),
  the same statistic as the keyness table (`keywords.log_likelihood`);
* `reliable`: at least MIN_OBSERVED co-occurrences and every expected count at least
  MIN_EXPECTED, the keyness table's small-sample guard.

Multi-word units (quanteda's `textstat_collocations`, size 2): adjacent content-word pairs that
recur, scored by lambda, the log odds ratio of the pair's 2 x 2 table with 0.5 added to each cell,
and z = lambda / its standard error. Each unit carries the section and span of its first
occurrence, so the phrase can be found in the text.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from .concordance import section_column
from .errors import InputError
from .keywords import MIN_EXPECTED, MIN_OBSERVED, _is_content_word, log_likelihood

DEFAULT_WINDOW = 5
MIN_UNIT_COUNT = 2


@dataclass(frozen=True)
class Collocate:
    term: str
    collocate: str
    count: int  # co-occurrences within the window
    collocate_total: int  # the collocate's frequency in the whole text
    mi: float
    g2: float
    reliable: bool


@dataclass(frozen=True)
class MultiWordUnit:
    article_id: str
    section_id: str  # of the first occurrence
    unit: str  # the two words as written, joined
    words: tuple[str, str]
    count: int
    lambda_: float
    z: float
    start: int  # first occurrence: text[start:end] == unit
    end: int


def content_tokens(tokens: pd.DataFrame) -> pd.DataFrame:
    """Content words (as the keyword tables define them), in text order within each article."""
    keep = [_is_content_word(norm, pos) for norm, pos in zip(tokens["norm"], tokens["pos"])]
    return tokens[keep].sort_values(["article_id", "start"], kind="stable")


def collocates(term: str, tables: Mapping[str, pd.DataFrame], window: int = DEFAULT_WINDOW,
               min_count: int = 1) -> list[Collocate]:
    """Collocates of `term` (a word, as segmented) within `window` content tokens, same sentence."""
    if window < 1:
        raise InputError(f"collocations: --window {window} is too small; give 1 or more tokens")
    words = content_tokens(tables["tokens"])
    totals = Counter(words["norm"])
    corpus_size = sum(totals.values())
    node_total = totals.get(term, 0)
    together: Counter[str] = Counter()
    inside = 0  # tokens inside all of the node's windows
    for _, sentence in words.groupby(["article_id", "sentence_index"], sort=False):
        norms = sentence["norm"].tolist()
        for position, norm in enumerate(norms):
            if norm != term:
                continue
            context = norms[max(0, position - window):position] + norms[position + 1:position + 1 + window]
            inside += len(context)
            together.update(context)
    result = []
    span = 2 * window
    for collocate, count in together.items():
        if count < min_count:
            continue
        f_c = totals[collocate]
        mi = math.log2(count * corpus_size / (node_total * f_c * span))
        g2, expected = log_likelihood(count, max(f_c - count, 0), inside, max(corpus_size - inside, 1))
        reliable = count >= MIN_OBSERVED and min(expected) >= MIN_EXPECTED
        result.append(Collocate(term, collocate, count, f_c, round(mi, 3), round(g2, 3), reliable))
    return sorted(result, key=lambda c: (-c.g2, -c.count, c.collocate))


def multiword_units(tokens: pd.DataFrame, min_count: int = MIN_UNIT_COUNT, top_n: int | None = None) -> list[MultiWordUnit]:
    """Recurring adjacent pairs of content words (no gap in the text between them), by lambda."""
    words = content_tokens(tokens)
    pairs: Counter[tuple[str, str]] = Counter()
    first: dict[tuple[str, str], tuple[str, str, int, int, str]] = {}
    firsts: Counter[str] = Counter()
    seconds: Counter[str] = Counter()
    sections = section_column(words).astype(str).tolist()
    rows = list(zip(words["article_id"].astype(str), words["sentence_index"], words["norm"], words["text"],
                    words["start"].astype(int), words["end"].astype(int), sections))
    for left, right in zip(rows, rows[1:]):
        if left[0] != right[0] or left[1] != right[1]:
            continue
        firsts[left[2]] += 1
        seconds[right[2]] += 1
        if left[5] != right[4]:
            continue  # something (a stopword, a mark) stands between them: not a unit
        key = (left[2], right[2])
        pairs[key] += 1
        first.setdefault(key, (left[0], left[6], left[4], right[5], left[3] + right[3]))
    total = sum(firsts.values())
    units = []
    for key, n11 in pairs.items():
        if n11 < min_count:
            continue
        n12, n21 = firsts[key[0]] - n11, seconds[key[1]] - n11
        n22 = total - n11 - n12 - n21
        cells = [n + 0.5 for n in (n11, n12, n21, n22)]
        lam = math.log(cells[0] * cells[3] / (cells[1] * cells[2]))
        z = lam / math.sqrt(sum(1 / c for c in cells))
        article_id, section_id, start, end, text = first[key]
        units.append(MultiWordUnit(article_id, section_id, text, key, n11, round(lam, 3), round(z, 3), start, end))
    units.sort(key=lambda u: (-u.z, -u.count, u.unit))
    return units[:top_n] if top_n else units


def collocates_frame(rows: list[Collocate]) -> pd.DataFrame:
    columns = ["term", "collocate", "count", "collocate_total", "mi", "g2", "reliable"]
    return pd.DataFrame([{c: getattr(r, c) for c in columns} for r in rows], columns=columns)


def units_frame(units: list[MultiWordUnit]) -> pd.DataFrame:
    columns = ["article_id", "section_id", "unit", "count", "lambda", "z", "start", "end"]
    return pd.DataFrame([{"article_id": u.article_id, "section_id": u.section_id, "unit": u.unit, "count": u.count,
                          "lambda": u.lambda_, "z": u.z, "start": u.start, "end": u.end} for u in units],
                        columns=columns)
