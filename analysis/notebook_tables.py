"""The tables a notebook shows: read from the folder `make report` just wrote, or computed.

Run by the report, a notebook gets `TABLES` (the report's folder of CSV tables for the article)
and reads them instead of analysing the article again; run on its own (TABLES = None) it
analyses the article itself. Either way it sees the same table names and columns.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .config import RunConfig
from .corpus import Article
from .tables import CSV_ENCODING


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
