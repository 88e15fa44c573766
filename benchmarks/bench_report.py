"""`make report` on the bundled article, end to end, and where its time goes.

Three measurements: the wall time of `make report` itself; the same report in a fresh process
with a stopwatch on each stage; the import time of the heavy libraries, each in a fresh
interpreter (minus the interpreter's own start-up).
"""
from __future__ import annotations

import json
import subprocess
import tempfile
import time

import _common  # noqa: E402
from _common import PYTHON, ROOT, table

HEAVY_IMPORTS = ["pandas", "matplotlib.pyplot", "jieba.analyse", "papermill", "pyarrow.parquet",
                 "dask.distributed", "rjieba", "analysis.pipeline"]


def _seconds(command: list[str]) -> tuple[float, subprocess.CompletedProcess]:
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    return time.perf_counter() - started, done


def run() -> tuple[str, dict]:
    total, make = _seconds(["make", "report"])
    rows = [["`make report` (wall, whole command)", total, "ok" if make.returncode == 0 else f"exit {make.returncode}"]]
    with tempfile.TemporaryDirectory(prefix="bench-report-") as tmp:
        _, child = _seconds([PYTHON, str(ROOT / "benchmarks" / "_report_child.py"), tmp])
    if child.returncode == 0:
        result = json.loads(child.stdout.strip().splitlines()[-1])
        rows += [[f"stage: {label}", seconds, ""] for label, seconds in result["timings"].items()]
    else:
        rows.append(["stages", 0.0, f"failed: {child.stderr.strip().splitlines()[-1:]}"])
    bare, _ = _seconds([PYTHON, "-c", "pass"])
    for module in HEAVY_IMPORTS:
        seconds, done = _seconds([PYTHON, "-c", f"import {module}"])
        rows.append([f"import {module}", seconds - bare, "" if done.returncode == 0 else "failed"])
    markdown = table(["what", "seconds", "note"], rows)
    return markdown, {"make_report": total}


if __name__ == "__main__":
    _common.main(run, __doc__)
