"""Concordance over an archive: `kwic` on the batch output of the THUCNews articles, against the
full re-analysis that the batch itself is.

The batch (rjieba, 1 worker) analyses every article and writes its tables; that time is the
baseline. Then `archive_kwic` answers three queries: the first call builds the archive's index
(kept in .kwic/ beside the tables), the next ones read it. The ratio is one warm query's time over
the batch's time, both in this run. Issue 15's goal: a warm query under a second.
"""
from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

import _common  # noqa: F401,E402
from _common import QUICK, THUCNEWS, table

CORPUS = THUCNEWS
QUERIES = ("市场", "记者", "比赛")


def run() -> tuple[str, dict]:
    from analysis.batch import run_batch
    from analysis.concordance import archive_kwic

    with tempfile.TemporaryDirectory(prefix="bench-kwic-") as tmp:
        corpus = CORPUS
        if QUICK:
            corpus = Path(tmp) / "corpus"
            corpus.mkdir()
            for path in sorted(CORPUS.glob("*.txt"))[:100]:
                (corpus / path.name).write_bytes(path.read_bytes())
        articles = len(list(corpus.glob("*.txt")))
        out = Path(tmp) / "out"
        started = time.perf_counter()
        run_batch(corpus, out, backend="rjieba", progress=False, report=lambda message: None)
        batch_s = time.perf_counter() - started
        started = time.perf_counter()
        lines = len(archive_kwic(QUERIES[0], out))
        first_s = time.perf_counter() - started
        warm = []
        for query in QUERIES:
            started = time.perf_counter()
            archive_kwic(query, out)
            warm.append(time.perf_counter() - started)
    warm_s = statistics.median(warm)
    rows = [["batch (the full re-analysis)", articles, batch_s, 1.0],
            ["kwic, first query (builds the index)", articles, first_s, first_s / batch_s],
            [f"kwic, warm query (median of {len(QUERIES)})", articles, warm_s, warm_s / batch_s]]
    markdown = table(["step", "articles", "seconds", "ratio to batch"], rows)
    markdown += f"\n\n`{QUERIES[0]}`: {lines} lines. Goal: a warm query under 1 s ({'met' if warm_s < 1 else 'missed'})."
    return markdown, {"batch_s": batch_s, "first_s": first_s, "warm_s": warm_s}


if __name__ == "__main__":
    _common.main(run, __doc__)
