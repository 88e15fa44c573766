"""Peak memory of the batch on 100 versus 1,000 articles (one worker, rjieba).

Measured as the peak resident set size of the batch process (`resource.getrusage(RUSAGE_SELF)
.ru_maxrss`, read by the process itself at the end, combining included).
"""
from __future__ import annotations

import _common  # noqa: E402
from _common import QUICK, batch_run, table


def run() -> tuple[str, dict]:
    small, large = (10, 50) if QUICK else (100, 1000)
    runs = [batch_run(small, "rjieba"), batch_run(large, "rjieba")]
    rows = [[r.articles, round(r.bytes / 1e6, 1), r.peak_rss_mb, r.seconds] for r in runs]
    return (table(["articles", "MB of text", "peak RSS MB", "seconds"], rows),
            {"ratio": runs[1].peak_rss_mb / runs[0].peak_rss_mb})


if __name__ == "__main__":
    _common.main(run, __doc__)
