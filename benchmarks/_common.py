"""Shared by the benchmarks: the synthetic corpus, one batch run in a fresh process, tables."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from functools import lru_cache, wraps
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# ../shared/bench/thucnews-val-1000 beside the checkout (a worktree under wt/ looks one level further
# up); $BENCH_NEWS overrides it.
THUCNEWS = Path(os.environ.get("BENCH_NEWS") or next(
    (str(base / "shared" / "bench" / "thucnews-val-1000") for base in (ROOT.parent, ROOT.parent.parent)
     if (base / "shared" / "bench" / "thucnews-val-1000").is_dir()), ROOT.parent / "shared" / "bench" / "thucnews-val-1000"))
PYTHON = sys.executable
QUICK = os.environ.get("BENCH_QUICK") == "1"  # small sizes while developing: BENCH_QUICK=1


def article_text() -> str:
    from analysis import load_article

    return load_article().text


def mb(text_or_bytes: str | int) -> float:
    size = text_or_bytes if isinstance(text_or_bytes, int) else len(text_or_bytes.encode("utf-8"))
    return size / 1_000_000


def build_corpus(folder: Path, count: int) -> Path:
    """`count` plain-text articles made from the bundled one, each with its own id and title."""
    text = article_text()
    first_line, rest = text.split("\n", 1)
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        varied = f"{first_line}（第{index + 1}期）\n{rest}"
        (folder / f"article_{index:05d}.txt").write_text(varied, encoding="utf-8")
    return folder


@dataclass(frozen=True)
class BatchRun:
    articles: int
    backend: str
    workers: int
    seconds: float
    bytes: int
    succeeded: int
    failed: int
    peak_rss_mb: float  # the batch process (ru_maxrss of RUSAGE_SELF)
    peak_worker_rss_mb: float  # the largest worker process, if any (RUSAGE_CHILDREN)

    @property
    def mb_per_s(self) -> float:
        return mb(self.bytes) / self.seconds


@lru_cache(maxsize=None)
def batch_run(articles: int, backend: str, workers: int = 1) -> BatchRun:
    """`python -m analysis batch` over a fresh synthetic corpus, measured in its own process."""
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        corpus = build_corpus(Path(tmp) / "corpus", articles)
        out = Path(tmp) / "out"
        child = subprocess.run(
            [PYTHON, str(Path(__file__).with_name("_batch_child.py")), str(corpus), str(out), backend, str(workers)],
            capture_output=True, text=True, check=True, cwd=ROOT)
        result = json.loads(child.stdout.strip().splitlines()[-1])
    return BatchRun(articles, backend, workers, **result)


def stopwatch(timings: dict[str, float], owner, name: str, label: str) -> None:
    """Add the time of every call of owner.name to timings[label], if the project still has it."""
    function = getattr(owner, name, None)
    if function is None:
        return

    @wraps(function)
    def timed(*args, **options):
        began = time.perf_counter()
        try:
            return function(*args, **options)
        finally:
            timings[label] = timings.get(label, 0.0) + time.perf_counter() - began
    setattr(owner, name, timed)


def table(headers: list[str], rows: list[list]) -> str:
    """A Markdown table; floats to three significant figures."""
    def cell(value):
        return f"{value:.3g}" if isinstance(value, float) else str(value)
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join("---" for _ in headers) + " |"]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def main(run, doc: str | None) -> None:
    """Command line of one benchmark: `--help` explains it; otherwise run it and print its table."""
    import argparse

    argparse.ArgumentParser(description=doc, epilog="Set BENCH_QUICK=1 for small sizes.").parse_args()
    print(run()[0])
