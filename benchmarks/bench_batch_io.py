"""Batch I/O: `batch` end to end on real news, beside the same analysis in one process, nothing written.

Articles: `../shared/bench/thucnews-val-1000/` (1,000 real Sina news articles, 2.9 kB each), the
first N of them or the folder copied several times (copies of the text: segmenter caches of unknown
words and of normalised sentences help copies after the first; the one-copy rows have no repeats).
Every run is a fresh process with the rjieba backend and includes loading the dictionary.
Rows: in-process analysis (the baseline: load, analyse, every table, nothing written); `batch
--workers 1` (chunks of 100 articles, combined); `--workers 2`; and, when BATCH_BASELINE_REF names
a commit, that commit's `batch` on the same articles (its code checked out with `git archive`).
Ratios compare runs of this one run. Then where the batch's time goes (a stopwatch on its phases).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import _common  # noqa: E402
from _common import PYTHON, QUICK, ROOT, THUCNEWS, mb, table

BACKEND = "rjieba"


def corpus(folder: Path, articles: int, copies: int = 1) -> Path:
    """The first `articles` files of THUCNews, `copies` times (copy-0/, copy-1/ …)."""
    files = sorted(THUCNEWS.glob("*.txt"))[:articles]
    for copy in range(copies):
        target = folder / f"copy-{copy}"
        target.mkdir(parents=True)
        for file in files:
            shutil.copyfile(file, target / file.name)
    return folder


def measure(mode: str, source: Path, workers: int = 1, code: Path = ROOT) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-batch-io-") as out:
        env = {**os.environ, "PYTHONPATH": str(code)}
        child = subprocess.run([PYTHON, str(Path(__file__).with_name("_batch_io_child.py")), mode, str(source),
                                out, BACKEND, str(workers)], capture_output=True, text=True, check=True,
                               cwd=code, env=env)
    return json.loads(child.stdout.strip().splitlines()[-1])


def baseline_code(folder: Path) -> Path | None:
    """The batch code of BATCH_BASELINE_REF (for before/after in one run), or None."""
    ref = os.environ.get("BATCH_BASELINE_REF")
    if not ref:
        return None
    archive = subprocess.run(["git", "archive", ref, "analysis"], cwd=ROOT, capture_output=True, check=True).stdout
    folder.mkdir()
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def sizes() -> tuple[int, int, int]:
    """Articles for the side-by-side runs, articles per copy and copies for the memory runs.

    The issue's sizes by default (the first 300; 10 copies of all 1,000); BATCH_IO_SIZES=300,100,10
    picks smaller ones for a machine shared with other work."""
    if os.environ.get("BATCH_IO_SIZES"):
        small, per_copy, copies = (int(n) for n in os.environ["BATCH_IO_SIZES"].split(","))
        return small, per_copy, copies
    return (40, 50, 2) if QUICK else (300, 1000, 10)


def run() -> tuple[str, dict]:
    small, per_copy, copies = sizes()
    with tempfile.TemporaryDirectory(prefix="bench-batch-io-corpus-") as tmp:
        tmp = Path(tmp)
        first = corpus(tmp / "first", small)
        runs = {"in process, nothing written": measure("inprocess", first),
                "batch --workers 1": measure("batch", first, 1),
                "batch --workers 2": measure("batch", first, 2)}
        old = baseline_code(tmp / "baseline")
        if old is not None:
            runs[f"batch --workers 1, {os.environ['BATCH_BASELINE_REF'][:10]} (before)"] = measure("batch", first, 1, old)
        one = measure("batch", corpus(tmp / "one", per_copy), 1)
        many = measure("batch", corpus(tmp / "many", per_copy, copies), 1)
    base = runs["in process, nothing written"]
    rows = [[name, small, mb(r["bytes"]), r["seconds"], mb(r["bytes"]) / r["seconds"],
             f"{base['seconds'] / r['seconds']:.2f}x", max(r["peak_rss_mb"], r["peak_worker_rss_mb"])]
            for name, r in runs.items()]
    for label, r, count in ((f"batch --workers 1, first {per_copy}", one, per_copy),
                            (f"batch --workers 1, first {per_copy} x {copies} copies", many, copies * per_copy)):
        rows.append([label, count, mb(r["bytes"]), r["seconds"], mb(r["bytes"]) / r["seconds"], "",
                     max(r["peak_rss_mb"], r["peak_worker_rss_mb"])])
    markdown = table(["run", "articles", "MB", "seconds", "MB/s", "vs in process", "peak RSS MB"], rows)
    one_worker, two = runs["batch --workers 1"], runs["batch --workers 2"]
    markdown += (f"\n\n2 workers vs 1: {one_worker['seconds'] / two['seconds']:.2f}x. Peak memory, {copies * per_copy:,} "
                 f"articles vs {per_copy:,}: {many['peak_rss_mb'] / one['peak_rss_mb']:.2f}x.\n\nWhere `batch --workers 1` spends its time "
                 f"({small} articles; seconds, and share of the run):\n\n")
    phase_rows = []
    for name, r in runs.items():
        if not name.startswith("batch --workers 1"):
            continue
        for phase, seconds in r["phases"].items():
            phase_rows.append([name, phase, seconds, f"{100 * seconds / r['seconds']:.0f}%"])
        rest = r["seconds"] - sum(r["phases"].values())
        phase_rows.append([name, "other (imports, dictionary load, finding files)", rest,
                           f"{100 * rest / r['seconds']:.0f}%"])
    markdown += table(["run", "phase", "seconds", "share"], phase_rows)
    return markdown, {"runs": runs, "one": one, "many": many}


if __name__ == "__main__":
    _common.main(run, __doc__)
