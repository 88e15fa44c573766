"""One measured run for bench_batch_io (a fresh process): prints a JSON line of figures.

`inprocess`: load, analyse and build every table of each article, nothing written (the baseline).
`batch`: `run_batch` end to end, with a stopwatch on its phases (wrapped module functions; the
wrappers cost a clock read per call). Peak memory is this process's ru_maxrss (workers: children's).
"""
import json
import resource
import sys
import time
import warnings
from functools import partial
from pathlib import Path

from _common import stopwatch

mode, corpus, out, backend, workers = sys.argv[1], Path(sys.argv[2]), sys.argv[3], sys.argv[4], int(sys.argv[5])
phases: dict[str, float] = {}
timed = partial(stopwatch, phases)

started = time.perf_counter()
if mode == "inprocess":
    from analysis.corpus import load_article
    from analysis.pipeline import all_tables, analyse
    from analysis.segment import get_segmenter

    get_segmenter(backend)
    size = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for path in sorted(corpus.rglob("*.txt")):
            article = load_article(path)
            size += len(article.text.encode("utf-8"))
            all_tables(analyse(article, backend))
    result = {"bytes": size, "succeeded": None}
else:
    from analysis import batch

    timed(batch, "make_job", "hash inputs")
    timed(batch, "_analyse_one", "analyse (load, tokens, every table)")
    timed(batch, "process_article", "analyse and write parts (old: per article)")
    timed(batch, "_write_chunk", "write chunks (Parquet, manifest)")
    timed(batch, "read_chunks", "check earlier chunks")
    timed(batch, "combine", "combine (Parquet and CSV)")
    summary = batch.run_batch(corpus, out, workers=workers, backend=backend, progress=False,
                              report=lambda message: None)
    result = {"bytes": summary.bytes, "succeeded": summary.succeeded}
seconds = time.perf_counter() - started
print(json.dumps({**result, "seconds": seconds, "phases": phases,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "peak_worker_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
