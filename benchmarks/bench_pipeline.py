"""The whole pipeline per core: `batch` with one worker on many articles, rjieba versus jieba.

Articles are the bundled one with a numbered title (about 18 kB of UTF-8 each). Each batch runs
in a fresh process: the figure includes loading the dictionary and combining the tables. The
jieba run uses fewer articles (it is a rate; the size is in the table). Also: milliseconds per
article for each registered table, to show where the time goes.
"""
from __future__ import annotations

import tempfile
import time
from pathlib import Path

import _common  # noqa: E402
from _common import QUICK, batch_run, build_corpus, table


def table_breakdown(backends=("rjieba", "jieba"), repeats: int = 5) -> str:
    from analysis import load_article, tablespec
    from analysis.pipeline import all_tables, analyse

    # A different article each repeat (numbered titles, as in the batch), so that nothing
    # computed for one repeat can be reused by the next: each repeat costs what a new article does.
    with tempfile.TemporaryDirectory(prefix="bench-breakdown-") as tmp:
        articles = [load_article(path) for path in sorted(build_corpus(Path(tmp), repeats + 1).iterdir())]
    timings: dict[str, dict[str, float]] = {}
    for backend in backends:
        all_tables(analyse(articles[-1], backend))  # load dictionaries and extractor modules first
        times = timings[backend] = {}
        for article in articles[:repeats]:
            started = time.perf_counter()
            analysis = analyse(article, backend)
            times["analyse (sentences, tokens)"] = times.get("analyse (sentences, tokens)", 0) + time.perf_counter() - started
            for spec in tablespec.TABLES:
                started = time.perf_counter()
                spec.build(analysis)
                times[spec.name] = times.get(spec.name, 0) + time.perf_counter() - started
    names = list(timings[backends[0]])
    rows = [[name] + [1000 * timings[b][name] / repeats for b in backends] for name in names]
    rows.append(["total"] + [1000 * sum(timings[b].values()) / repeats for b in backends])
    return table(["step", *[f"{b} ms/article" for b in backends]], rows)


def run() -> tuple[str, dict]:
    many, few = (50, 10) if QUICK else (1000, 100)
    fast = batch_run(many, "rjieba")
    slow = batch_run(few, "jieba")
    rows = [[run.backend, run.articles, round(run.bytes / 1e6, 2), run.seconds, run.mb_per_s,
             f"{run.mb_per_s / slow.mb_per_s:.1f}x"] for run in (fast, slow)]
    markdown = table(["backend", "articles", "MB", "seconds", "MB/s per core", "vs jieba"], rows)
    markdown += "\n\nWhere one article's time goes (the bundled article, a new numbered title each repeat, in one process):\n\n" + table_breakdown()
    return markdown, {"rjieba": fast.mb_per_s, "jieba": slow.mb_per_s}


if __name__ == "__main__":
    _common.main(run, __doc__)
