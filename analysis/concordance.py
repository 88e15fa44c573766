"""Concordance (KWIC): every occurrence of a word, phrase, theme or slogan with its context.

The interface follows AntConc's concordance and quanteda's `kwic()`: a query, a window of tokens
either side, and lines sortable by the neighbouring words (L1, L2 … to the left, R1, R2 … to the
right) or by position. A word or phrase is found by a direct substring search of the article
text, so the hits are exactly those of `re.finditer(re.escape(query), text)`; the contexts are
then widened to whole tokens. `theme:ID` takes the codebook's hits and `slogan:LABEL` a discovered
slogan's occurrences, each with the span the extractor recorded.

Everything runs on tables: one article's tables in memory, or the Parquet files `batch` wrote for
an archive (`tokens`, `quotes`, `theme_hits`, `slogans`), which are read, never re-analysed. The
article text is rebuilt from the tokens table (tokens tile every non-space character), so an
archive needs no access to the original files.

Both paths read one `ArchiveIndex`: every article's rebuilt text end to end, separated by a NUL,
and the token boundaries as arrays, so a query is one regular-expression scan of that text and a
few binary searches. `kwic` builds it in memory from the tables it is given; `archive_kwic` keeps
it beside a batch output (`.kwic/`, rebuilt when tokens.parquet changes).
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import InputError

DEFAULT_WINDOW = 5
SORTS = ("position", "left", "right")
THEME_PREFIX = "theme:"
SLOGAN_PREFIX = "slogan:"
# Tables a concordance reads; an archive's other tables are left on disk.
KWIC_TABLES = ("tokens", "quotes", "theme_hits", "slogans")


@dataclass(frozen=True)
class KwicLine:
    article_id: str
    section_id: str
    start: int  # the keyword is text[start:end] of the article
    end: int
    left: str  # whole tokens (and the part of a token the keyword cuts) before the keyword
    keyword: str
    right: str
    speaker: str | None  # who speaks, when the keyword stands inside a speech quote
    left_words: tuple[str, ...]  # L1, L2 … (nearest first), for sorting
    right_words: tuple[str, ...]  # R1, R2 …


def section_column(frame: pd.DataFrame) -> pd.Series:
    """The section id column, whichever name a table version gives it."""
    for name in ("section_id", "profile_id"):
        if name in frame.columns:
            return frame[name]
    raise KeyError("section_id")


def rebuild_text(starts: list[int], ends: list[int], words: list[str]) -> str:
    """The article text from its tokens; characters no token covers (white space) become spaces.
    A token shorter than its span (its pinyin gloss left out, analysis/glosses.py) is followed by spaces."""
    length = max(ends, default=0)
    chars = [" "] * length
    for start, end, word in zip(starts, ends, words):
        chars[start:start + len(word)] = word[:end - start]
    return "".join(chars)


def kwic(query: str, tables: Mapping[str, pd.DataFrame], window: int = DEFAULT_WINDOW,
         sort: str = "position") -> list[KwicLine]:
    """Concordance lines of `query` in every article of `tables` (one article's or an archive's)."""
    _check(query, window, sort)
    return _concordance(query, ArchiveIndex.build(tables["tokens"]), tables, window, sort)


def _check(query: str, window: int, sort: str) -> None:
    """One-line errors for the arguments a concordance takes."""
    if not query.strip():
        raise InputError("kwic: the query is empty; give a word, a phrase, theme:ID or slogan:LABEL")
    if window < 0:
        raise InputError(f"kwic: --window {window} is negative; give 0 or more tokens")
    if sort not in SORTS:
        raise InputError(f"kwic: unknown sort {sort!r}; choose one of {', '.join(SORTS)}")


def sort_lines(lines: Iterable[KwicLine], sort: str = "position") -> list[KwicLine]:
    """AntConc's sorts: by position, by the words to the left (L1 first), or to the right (R1 first)."""
    if sort == "left":
        return sorted(lines, key=lambda line: (line.left_words, line.article_id, line.start))
    if sort == "right":
        return sorted(lines, key=lambda line: (line.right_words, line.article_id, line.start))
    return sorted(lines, key=lambda line: (line.article_id, line.start))


def _query_spans(query: str, tables: Mapping[str, pd.DataFrame]) -> dict[str, list[tuple[int, int]]] | None:
    """Spans per article for theme:/slogan: queries; None for a plain word or phrase."""
    if query.startswith(THEME_PREFIX):
        frame, column, value = tables.get("theme_hits"), "theme_id", query[len(THEME_PREFIX):]
    elif query.startswith(SLOGAN_PREFIX):
        frame, column, value = tables.get("slogans"), "label", query[len(SLOGAN_PREFIX):]
    else:
        return None
    if frame is None or frame.empty or column not in frame.columns:
        return {}
    chosen = frame[frame[column].astype(str) == value]
    if chosen.empty and column == "theme_id" and "theme_label" in frame.columns:
        chosen = frame[frame["theme_label"].astype(str) == value]  # theme:耐心 by its label
    spans: dict[str, list[tuple[int, int]]] = {}
    for article_id, start, end in chosen[["article_id", "start", "end"]].drop_duplicates().itertuples(index=False):
        spans.setdefault(str(article_id), []).append((int(start), int(end)))
    return spans


def _speech_spans(quotes: pd.DataFrame | None) -> dict[str, list[tuple[int, int, str | None]]]:
    if quotes is None or quotes.empty:
        return {}
    speech = quotes[quotes["kind"] == "speech"]
    result: dict[str, list[tuple[int, int, str | None]]] = {}
    for article_id, start, end, speaker in speech[["article_id", "start", "end", "speaker"]].itertuples(index=False):
        result.setdefault(str(article_id), []).append(
            (int(start), int(end), speaker if isinstance(speaker, str) and speaker else None))
    return result


def read_archive(folder: str | Path, names: Iterable[str] = KWIC_TABLES) -> dict[str, pd.DataFrame]:
    """The combined Parquet tables of a batch output folder (only those named)."""
    folder = Path(folder)
    if not (folder / "tokens.parquet").is_file():
        raise InputError(f"{folder}: no tokens.parquet here; give the --out folder of a finished "
                         "`python -m analysis batch` run")
    return {name: pd.read_parquet(folder / f"{name}.parquet")
            for name in names if (folder / f"{name}.parquet").is_file()}


def kwic_frame(lines: Iterable[KwicLine]) -> pd.DataFrame:
    """Lines as a table (the schema of `python -m analysis kwic --json`)."""
    columns = ["article_id", "section_id", "start", "end", "left", "keyword", "right", "speaker"]
    return pd.DataFrame([{c: getattr(line, c) for c in columns} for line in lines], columns=columns)


# ---------------------------------------------------------------- an archive's index

INDEX_DIR = ".kwic"
SEPARATOR = "\x00"  # between articles: no query matches across two of them


@dataclass(frozen=True)
class ArchiveIndex:
    """Every article's rebuilt text end to end, and its tokens as arrays (sorted by position)."""

    text: str
    article_ids: tuple[str, ...]
    bases: np.ndarray  # where each article's text starts in `text`
    token_starts: np.ndarray  # positions in `text`
    token_ends: np.ndarray
    token_sections: np.ndarray  # codes into `sections`
    sections: tuple[str, ...]

    @classmethod
    def build(cls, tokens: pd.DataFrame) -> ArchiveIndex:
        tokens = tokens.sort_values(["article_id", "start"], kind="stable")
        ids, pieces, bases = [], [], []
        starts, ends = [], []
        offset = 0
        for article_id, group in tokens.groupby("article_id", sort=False):
            local_starts = group["start"].to_numpy(np.int64)
            local_ends = group["end"].to_numpy(np.int64)
            text = rebuild_text(local_starts.tolist(), local_ends.tolist(), group["text"].astype(str).tolist())
            ids.append(str(article_id))
            bases.append(offset)
            starts.append(local_starts + offset)
            ends.append(local_ends + offset)
            pieces.append(text)
            offset += len(text) + len(SEPARATOR)
        sections = section_column(tokens).astype("category")
        return cls(SEPARATOR.join(pieces), tuple(ids), np.asarray(bases, np.int64),
                   np.concatenate(starts) if starts else np.zeros(0, np.int64),
                   np.concatenate(ends) if ends else np.zeros(0, np.int64),
                   sections.cat.codes.to_numpy(np.int32), tuple(str(c) for c in sections.cat.categories))

    def save(self, folder: Path, stamp: str) -> None:
        from .atomic import replacing

        folder.mkdir(parents=True, exist_ok=True)
        with replacing(folder / "text.txt") as tmp:
            Path(tmp).write_text(self.text, encoding="utf-8")
        with replacing(folder / "arrays.npz") as tmp:
            with open(tmp, "wb") as handle:
                np.savez(handle, bases=self.bases, token_starts=self.token_starts, token_ends=self.token_ends,
                         token_sections=self.token_sections)
        meta = {"stamp": stamp, "article_ids": list(self.article_ids), "sections": list(self.sections)}
        with replacing(folder / "meta.json") as tmp:
            Path(tmp).write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, folder: Path, stamp: str) -> "ArchiveIndex | None":
        try:
            meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
            if meta.get("stamp") != stamp:
                return None
            arrays = np.load(folder / "arrays.npz")
            text = (folder / "text.txt").read_text(encoding="utf-8")
        except (OSError, ValueError, KeyError):
            return None
        return cls(text, tuple(meta["article_ids"]), arrays["bases"], arrays["token_starts"], arrays["token_ends"],
                   arrays["token_sections"], tuple(meta["sections"]))

    def line(self, at: int, end: int, window: int, speaker: str | None) -> KwicLine:
        article = int(np.searchsorted(self.bases, at, side="right")) - 1
        base = int(self.bases[article])
        before = int(np.searchsorted(self.token_ends, at, side="right"))
        after = int(np.searchsorted(self.token_starts, end, side="left"))
        # Stay inside the article: its tokens lie between its base and the next one.
        limit = int(self.bases[article + 1]) if article + 1 < len(self.bases) else len(self.text) + 1
        first = max(before - window, int(np.searchsorted(self.token_starts, base, side="left")))
        last = min(after + window, int(np.searchsorted(self.token_starts, limit, side="left")))
        left_from = min(int(self.token_starts[first]) if before > first else at, at)
        right_to = max(int(self.token_ends[last - 1]) if last > after else end, end)
        words = lambda i: self.text[int(self.token_starts[i]):int(self.token_ends[i])]  # noqa: E731
        holder = max(int(np.searchsorted(self.token_starts, at, side="right")) - 1, 0)  # the last token starting at or before it
        section = self.sections[int(self.token_sections[holder])] if len(self.token_sections) else ""
        return KwicLine(self.article_ids[article], section, at - base, end - base,
                        self.text[left_from:at].strip(), self.text[at:end], self.text[end:right_to].strip(), speaker,
                        tuple(words(i) for i in range(before - 1, first - 1, -1)),
                        tuple(words(i) for i in range(after, last)))


def archive_index(folder: str | Path) -> ArchiveIndex:
    """The archive's concordance index, built once and kept in FOLDER/.kwic until tokens.parquet changes."""
    folder = Path(folder)
    tokens_path = folder / "tokens.parquet"
    if not tokens_path.is_file():
        raise InputError(f"{folder}: no tokens.parquet here; give the --out folder of a finished "
                         "`python -m analysis batch` run")
    status = tokens_path.stat()
    stamp = f"{status.st_size}:{status.st_mtime_ns}"
    cached = ArchiveIndex.load(folder / INDEX_DIR, stamp)
    if cached is not None:
        return cached
    columns = ["article_id", "section_id", "text", "start", "end"]
    import pyarrow.parquet as pq

    present = pq.read_schema(tokens_path).names
    tokens = pd.read_parquet(tokens_path, columns=[c if c in present else "profile_id" for c in columns])
    index = ArchiveIndex.build(tokens)
    try:
        index.save(folder / INDEX_DIR, stamp)
    except OSError:
        pass  # a read-only archive: answer without keeping the index
    return index


def archive_kwic(query: str, folder: str | Path, window: int = DEFAULT_WINDOW, sort: str = "position") -> list[KwicLine]:
    """`kwic` over a batch output folder, through its index: the same lines as `kwic(query, read_archive(folder))`."""
    _check(query, window, sort)
    folder = Path(folder)
    index = archive_index(folder)
    # Only the columns and tables this query needs: reading a whole table costs more than the search.
    needed = {"quotes": ["article_id", "start", "end", "kind", "speaker"]}
    if query.startswith(THEME_PREFIX):
        needed["theme_hits"] = ["article_id", "theme_id", "theme_label", "start", "end"]
    elif query.startswith(SLOGAN_PREFIX):
        needed["slogans"] = ["article_id", "label", "start", "end"]
    small = {name: pd.read_parquet(folder / f"{name}.parquet", columns=columns)
             for name, columns in needed.items() if (folder / f"{name}.parquet").is_file()}
    return _concordance(query, index, small, window, sort)


def _concordance(query: str, index: ArchiveIndex, tables: Mapping[str, pd.DataFrame], window: int,
                 sort: str) -> list[KwicLine]:
    """The lines of `query` through `index`; `tables` give theme/slogan spans and speech quotes."""
    spans = _query_spans(query, tables)
    base_of = dict(zip(index.article_ids, index.bases.tolist()))
    if spans is None:
        found = [(m.start(), m.end()) for m in re.finditer(re.escape(query), index.text)]
    else:
        found = sorted((base_of[a] + s, base_of[a] + e) for a, pairs in spans.items() if a in base_of for s, e in pairs)
    speeches = _speech_spans(tables.get("quotes"))
    lines = []
    for at, end in found:
        article = index.article_ids[int(np.searchsorted(index.bases, at, side="right")) - 1]
        base = base_of[article]
        speaker = next((who for s, e, who in speeches.get(article, []) if s <= at - base and end - base <= e), None)
        lines.append(index.line(at, end, window, speaker))
    return sort_lines(lines, sort)
