"""Scaling: the same batch with 1 and 2 worker processes (this machine has 2 cores)."""
from __future__ import annotations

import _common  # noqa: E402
from _common import QUICK, batch_run, table


def run() -> tuple[str, dict]:
    articles = 40 if QUICK else 200
    one, two = batch_run(articles, "rjieba", 1), batch_run(articles, "rjieba", 2)
    rows = [[r.workers, r.articles, r.seconds, r.mb_per_s, f"{one.seconds / r.seconds:.2f}x"] for r in (one, two)]
    return table(["workers", "articles", "seconds", "MB/s", "speed-up"], rows), {"speedup": one.seconds / two.seconds}


if __name__ == "__main__":
    _common.main(run, __doc__)
