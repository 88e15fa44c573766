"""Every benchmark, one after the other: prints each table and writes benchmarks/results.md.

`make bench` runs this; `BENCH_QUICK=1 make bench` uses small sizes (for trying changes).
"""
from __future__ import annotations

import datetime
import os
import platform
import sys
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_analyse  # noqa: E402
import bench_batch_io  # noqa: E402
import bench_hostile  # noqa: E402
import bench_kwic  # noqa: E402
import bench_memory  # noqa: E402
import bench_pipeline  # noqa: E402
import bench_report  # noqa: E402
import bench_scaling  # noqa: E402
import bench_segment  # noqa: E402
from _common import QUICK  # noqa: E402

SECTIONS = [
    ("Segmentation with POS tags", bench_segment),
    ("`analyse` and every table in one process, beside the taggers", bench_analyse),
    ("Whole pipeline per core (batch, 1 worker)", bench_pipeline),
    ("Scaling: 1 versus 2 workers", bench_scaling),
    ("Peak memory: 100 versus 1,000 articles", bench_memory),
    ("Batch I/O on real news: chunks, beside in-process analysis", bench_batch_io),
    ("`make report` end to end", bench_report),
    ("Pathological input: one endless sentence of hits", bench_hostile),
    ("Concordance over an archive, against its re-analysis", bench_kwic),
]


def main() -> int:
    versions = ", ".join(f"{name} {metadata.version(name)}" for name in ("jieba", "rjieba", "dask", "pyarrow"))
    header = (f"# Benchmark results\n\n{datetime.date.today()}, Python {platform.python_version()}, "
              f"{os.cpu_count()} cores shared with other work, {versions}"
              f"{' (BENCH_QUICK: small sizes)' if QUICK else ''}. Ratios compare runs within this one run.\n")
    parts = [header]
    for title, module in SECTIONS:
        print(f"## {title}", flush=True)
        markdown, _ = module.run()
        print(markdown + "\n", flush=True)
        parts.append(f"## {title}\n\n{(module.__doc__ or '').strip()}\n\n{markdown}\n")
    out = Path(__file__).with_name("results.md")
    out.write_text("\n".join(parts), encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
