"""Command line: `python -m analysis VERB [ARTICLE] --json`.

A table verb prints the rows of the table whose spec names it (analysis/tablespec.py).
"""
from __future__ import annotations

import argparse
import json
import math
import sys
import warnings
from pathlib import Path

import pandas as pd

from .corpus import load_article
from .errors import InputError
from .segment import BACKEND_VARIABLE, BACKENDS, default_backend
from .tablespec import BY_VERB


def run_config(args: argparse.Namespace):
    """The run's one configuration, from the options; a bad codebook fails here, before any article is cut."""
    from .config import DEFAULT_OUTPUT, DEFAULT_PICKS, RunConfig

    out = getattr(args, "out", None)
    config = RunConfig(codebook=getattr(args, "codebook", None), dictionary=getattr(args, "dictionary", None),
                       backend=args.backend, picks=getattr(args, "picks", None) or DEFAULT_PICKS,
                       output=Path(out) if out else DEFAULT_OUTPUT)
    config.load_codebook()
    return config


def _analysis(args: argparse.Namespace):
    from .pipeline import analyse

    return analyse(load_article(args.article), args.config)


def table_records(frame: pd.DataFrame) -> list[dict]:
    """A table's rows for JSON: empty cells as null, whole floats as integers (200, not 200.0)."""
    def plain(value):
        if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
            return None
        if isinstance(value, float) and value.is_integer():
            return int(value)
        return value.item() if hasattr(value, "item") else value

    return [{name: plain(value) for name, value in row.items()} for row in frame.astype(object).to_dict("records")]


def _table_verb(args: argparse.Namespace) -> list[dict]:
    """The rows of the table whose spec names this verb (analysis/tablespec.py), as JSON records."""
    return table_records(BY_VERB[args.verb].build(_analysis(args)))


def _report(args: argparse.Namespace) -> int:
    from .report import build_report

    from .written import folder_lines

    result = build_report(args.article, config=args.config, notebooks=args.notebooks,
                          figures=Path(args.figures) if args.figures else None,
                          progress=lambda step: print(step, flush=True))  # stdout: an error stays one line on stderr
    # One short summary: what was written where (by folder), then what to know about this article.
    print(f"报告完成：{result.article_id}")
    for line in folder_lines(result.written) + result.notes:
        print(line)
    return 0


def _batch(args: argparse.Namespace) -> int:
    from .batch import run_batch

    try:
        summary = run_batch(args.corpus, args.out, workers=args.workers, scheduler=args.scheduler,
                            progress=not args.no_progress, config=args.config)
    except KeyboardInterrupt:  # finished chunks are kept whole: say how to go on, no traceback
        print(f"interrupted; the chunks already finished are kept in {Path(args.out) / 'parts'}. "
              "Run the same command again to resume: articles already done are skipped", file=sys.stderr)
        return 130
    print(f"{summary.skipped} up to date, skipped; tables in {args.out}", file=sys.stderr)
    print(summary.line())
    return 1 if summary.failed else 0


def _desk_tables(args: argparse.Namespace) -> dict:
    """An archive's tables (--corpus: a batch output folder, read not re-analysed), or one article's."""
    from .concordance import read_archive
    from .pipeline import all_tables

    if args.corpus:
        return read_archive(args.corpus)
    return all_tables(_analysis(args))


def _kwic(args: argparse.Namespace) -> list[dict]:
    from .concordance import archive_kwic, kwic, kwic_frame

    lines = (archive_kwic(args.query, args.corpus, args.window, args.sort) if args.corpus
             else kwic(args.query, _desk_tables(args), args.window, args.sort))
    return kwic_frame(lines).astype(object).where(lambda f: f.notna(), None).to_dict("records")


def _collocations(args: argparse.Namespace) -> dict:
    from .collocations import collocates, collocates_frame, multiword_units, units_frame

    tables_ = _desk_tables(args)
    clean = lambda frame: frame.astype(object).where(frame.notna(), None).to_dict("records")  # noqa: E731
    return {"collocates": clean(collocates_frame(collocates(args.term, tables_, args.window, args.min_count))),
            "multiword_units": clean(units_frame(multiword_units(tables_["tokens"], top_n=args.top)))}


DESK_VERBS = {"kwic": _kwic, "collocations": _collocations}


def _desk_parsers(sub) -> None:
    from .collocations import DEFAULT_WINDOW as COLLOCATION_WINDOW
    from .concordance import DEFAULT_WINDOW, SORTS

    kwic = sub.add_parser("kwic", help="concordance: every occurrence of QUERY (word, phrase, theme:ID, "
                          "slogan:LABEL) with context, span, section and speaker")
    kwic.add_argument("query")
    kwic.add_argument("--window", type=int, default=DEFAULT_WINDOW, help=f"tokens each side (default {DEFAULT_WINDOW})")
    kwic.add_argument("--sort", choices=SORTS, default="position",
                      help="position, or by the words to the left (L1, L2 ...) or right (R1 ...), as AntConc")
    colloc = sub.add_parser("collocations", help="collocates of TERM (frequency, G2, MI) and the strongest "
                            "multi-word units")
    colloc.add_argument("term")
    colloc.add_argument("--window", type=int, default=COLLOCATION_WINDOW, help="tokens each side, same sentence")
    colloc.add_argument("--min-count", type=int, default=1, help="least co-occurrences to list (default 1)")
    colloc.add_argument("--top", type=int, default=20, help="multi-word units to list (default 20)")
    for command in (kwic, colloc):
        _common(command)
        command.add_argument("--corpus", help="a batch output folder (its Parquet tables) instead of one article")
        command.add_argument("--json", action="store_true", help="JSON on stdout (the default output)")


def _archive(args: argparse.Namespace) -> int:
    from .archive_report import DEFAULT_ARCHIVE_OUTPUT, build_archive

    result = build_archive(args.corpus, Path(args.out) if args.out else DEFAULT_ARCHIVE_OUTPUT, tuple(args.field),
                           args.group_by, args.workers, args.backend, progress=not args.no_progress)
    for note in result.notes:
        print(note)
    print(f"稿库表格：{result.tables}")
    for path in result.written:
        print(f"写出：{path}")
    return 0


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="python -m analysis", description=__doc__)
    root.add_argument("--debug", action="store_true", help="show tracebacks")
    sub = root.add_subparsers(dest="verb", required=True)
    for name, spec in BY_VERB.items():
        command = sub.add_parser(name, help=f"{spec.about} (the rows of {spec.name}.csv)")
        _common(command)
        command.add_argument("--json", action="store_true", help="JSON on stdout (the default output)")
    _desk_parsers(sub)
    archive = sub.add_parser("archive", help="batch over a corpus folder, then the archive notebook (make archive)")
    archive.add_argument("corpus", help="folder of article .txt files and/or article folders")
    archive.add_argument("--out", help="output folder (default: output/archive/); the tables, figures and "
                         "notebook go to OUT/<corpus-name>/")
    archive.add_argument("--field", action="append", default=[], metavar="NAME=REGEX",
                         help="a metadata field read from article ids, e.g. category=_([a-z]+)$ (repeatable)")
    archive.add_argument("--group-by", help="the field to group theme prevalence by (default: the whole archive)")
    archive.add_argument("--workers", type=int, default=1, help="worker processes for the batch (default: 1)")
    archive.add_argument("--backend", default=default_backend(), choices=sorted(BACKENDS),
                         help=f"segmenter backend (default: ${BACKEND_VARIABLE} or jieba)")
    archive.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    archive.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks")
    report = sub.add_parser("report", help="write every table for an article")
    _common(report)
    report.add_argument("--out", help="output folder (default: output/)")
    report.add_argument("--picks", help="folder of editors' picks files <article-id>.json (default: picks/)")
    report.add_argument("--notebooks", action="store_true",
                        help="also run the notebooks headless into OUT/notebooks/<article-id>/ (make report does)")
    report.add_argument("--figures", help="write the figure set to FIGURES/<article-id>/ (make report: figures/); "
                        "default OUT/<article-id>/figures/")
    batch = sub.add_parser("batch", help="every table for every article in a folder, combined (Parquet and CSV)")
    batch.add_argument("corpus", help="folder of article .txt files and/or article folders (with meta.yaml)")
    batch.add_argument("--out", required=True, help="output folder: DIR/<table>.parquet and .csv, DIR/parts/")
    batch.add_argument("--workers", type=int, default=1, help="worker processes on this machine (default: 1)")
    batch.add_argument("--scheduler", help="address of a Dask scheduler (tcp://host:8786) to run the batch on")
    batch.add_argument("--backend", default=default_backend(), choices=sorted(BACKENDS),
                       help=f"segmenter backend (default: ${BACKEND_VARIABLE} or jieba)")
    _settings(batch)
    batch.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    batch.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks")
    return root


def _common(command: argparse.ArgumentParser) -> None:
    command.add_argument("article", nargs="?", help="article text file or corpus folder (default: the bundled article)")
    command.add_argument("--backend", default=default_backend(), choices=sorted(BACKENDS),
                         help=f"segmenter backend (default: ${BACKEND_VARIABLE} or jieba)")
    _settings(command)
    # SUPPRESS: a --debug given before the verb is not reset by the verb's own default.
    command.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks")


def _settings(command: argparse.ArgumentParser) -> None:
    """The run's settings besides the backend: every table, figure and page of the run uses them."""
    command.add_argument("--codebook", help="codebook YAML file (default: analysis/data/codebook.yaml)")
    command.add_argument("--dictionary", help="segmenter dictionary, `word freq tag` lines "
                         "(default: analysis/data/domain_dict.txt)")


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    sys.stdout.reconfigure(encoding="utf-8")
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            # jieba.analyse leaves its IDF file open; that is jieba's, not the user's business.
            warnings.simplefilter("ignore", ResourceWarning)
            if args.verb != "archive":
                args.config = run_config(args)
            if args.verb == "report":
                status = _report(args)
            elif args.verb == "batch":
                status = _batch(args)
            elif args.verb == "archive":
                status = _archive(args)
            else:
                records = (DESK_VERBS.get(args.verb) or _table_verb)(args)
                json.dump(records, sys.stdout, ensure_ascii=False, indent=1)
                sys.stdout.write("\n")
                status = 0
        if args.verb == "report":  # the report's summary already says these, in Chinese
            from .corpus import HeadingWarning, StructureWarning

            caught = [w for w in caught if not issubclass(w.category, (StructureWarning, HeadingWarning))]
        for warning in caught:
            print(f"warning: {warning.message}", file=sys.stderr)
        return status
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0
    except (InputError, ValueError) as error:
        if args.debug:
            raise
        print(f"error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
