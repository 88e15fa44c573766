"""The tables a notebook shows: read from the folder `make report` just wrote, or computed.

Run by the report, a notebook gets `TABLES` (the report's folder of CSV tables for the article)
and reads them instead of analysing the article again; run on its own (TABLES = None) it
analyses the article itself. Either way it sees the same table names and columns. A table with
no rows (no profiles, no quotes ...) is shown as one Chinese sentence, not as an empty grid.
"""
from __future__ import annotations

import warnings
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from .config import RunConfig
from .corpus import Article, HeadingWarning, StructureWarning, load_article
from .tables import CSV_ENCODING


def notebook_article(path: str | Path | None) -> Article:
    """The article, without Python's English warnings about its structure: notebook 01 prints the
    same notes in Chinese (`article.warnings`, each with its `zh`), as the report's summary does."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", StructureWarning)
        warnings.simplefilter("ignore", HeadingWarning)
        return load_article(path)


def article_tables(article: Article, tables: str | Path | None = None,
                   config: RunConfig | None = None) -> dict[str, pd.DataFrame]:
    """Every table of `article`: the CSV files in `tables` when given (the report wrote them with its
    own run configuration), else a fresh analysis with `config`."""
    if tables is None:
        from .pipeline import all_tables, analyse

        return all_tables(analyse(article, config))
    folder = Path(tables)
    found = {path.stem: pd.read_csv(path, encoding=CSV_ENCODING) for path in sorted(folder.glob("*.csv"))}
    ids = {frame["article_id"].iloc[0] for frame in found.values() if "article_id" in frame and len(frame)}
    if ids - {article.id}:  # a folder of another article's tables would show the wrong numbers
        from .errors import InputError

        raise InputError(f"{folder}: these tables are of {', '.join(sorted(ids))}, not {article.id}; "
                         "set TABLES = None to analyse the article here")
    return found


def report_figures(figures: str | Path | None) -> list[Path]:
    """The PNG previews `make report` drew into `figures` (none when not given or not there)."""
    return sorted(Path(figures).glob("*.png")) if figures is not None else []


def report_skips(tables: str | Path | None) -> list[str]:
    """The report's lines for the charts it did not draw and why (from its summary.txt in `tables`)."""
    from .figures.skipped import skip_lines
    from .report import SUMMARY_NAME

    summary = Path(tables) / SUMMARY_NAME if tables is not None else None
    if summary is None or not summary.exists():
        return []
    return skip_lines(summary.read_text(encoding="utf-8").splitlines())


def shown_or_said(frame: pd.DataFrame, sentence: str, show: Callable[[pd.DataFrame], object] | None = None):
    """What a notebook cell displays: `show(frame)` (or the frame itself), or `sentence` (Markdown)
    when the frame has no rows, as on an article without profiles or quotes."""
    if frame.empty:
        from IPython.display import Markdown

        return Markdown(sentence)
    return show(frame) if show else frame
