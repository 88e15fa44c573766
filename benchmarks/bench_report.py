"""`make report` on the bundled article, end to end, and where its time goes.

Four measurements: the wall time of `make report` itself; the same command (`report --notebooks
--figures`, warm caches) by this tree and by an earlier commit, one after the other in this run,
as a ratio (REPORT_BASELINE_REF, default the commit before the notebooks read the report's tables;
it is exported with `git archive` into a temporary folder and run with the same interpreter); the
same report in a fresh process with a stopwatch on each stage; the import time of the heavy
libraries, each in a fresh interpreter (minus the interpreter's own start-up).
"""
from __future__ import annotations

import json
import os
import subprocess
import tempfile
import time
from pathlib import Path

import _common  # noqa: E402
from _common import PYTHON, ROOT, table

HEAVY_IMPORTS = ["pandas", "matplotlib.pyplot", "jieba.analyse", "papermill", "pyarrow.parquet",
                 "dask.distributed", "rjieba", "analysis.pipeline"]


def _seconds(command: list[str]) -> tuple[float, subprocess.CompletedProcess]:
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    return time.perf_counter() - started, done


# main before the report's notebooks read its tables (one kernel, finding titles): the "before" of results.md.
BASELINE_REF = os.environ.get("REPORT_BASELINE_REF", "6cbf20d")


def _report_seconds(tree: Path, out: Path) -> tuple[float, int]:
    """`python -m analysis report --notebooks --figures` run by the code in `tree`, warm: once to warm
    the caches (jieba's, the font cache), then timed."""
    command = [PYTHON, "-m", "analysis", "report", "--notebooks", "--figures", str(out / "figures"), "--out", str(out)]
    env = {**os.environ, "PYTHONPATH": str(tree)}
    subprocess.run(command, cwd=tree, env=env, capture_output=True)
    started = time.perf_counter()
    done = subprocess.run(command, cwd=tree, env=env, capture_output=True)
    return time.perf_counter() - started, done.returncode


def before_and_after() -> list[list]:
    """This tree's report beside BASELINE_REF's, measured in the same run (the machine is shared:
    only the ratio carries over between runs)."""
    with tempfile.TemporaryDirectory(prefix="bench-report-before-") as tmp:
        before_tree = Path(tmp) / "tree"
        before_tree.mkdir()
        archive = subprocess.run(["git", "archive", BASELINE_REF], cwd=ROOT, capture_output=True)
        if archive.returncode != 0:
            return [[f"before ({BASELINE_REF})", 0.0, "git archive failed"]]
        subprocess.run(["tar", "-x", "-C", str(before_tree)], input=archive.stdout, check=True)
        before, before_status = _report_seconds(before_tree, Path(tmp) / "before")
        after, after_status = _report_seconds(ROOT, Path(tmp) / "after")
    status = {0: "ok"}
    return [[f"report --notebooks --figures, warm: before ({BASELINE_REF})", before, status.get(before_status, f"exit {before_status}")],
            ["report --notebooks --figures, warm: this tree", after, status.get(after_status, f"exit {after_status}")],
            ["ratio before / after", before / after if after else 0.0, "same run"]]


def run() -> tuple[str, dict]:
    total, make = _seconds(["make", "report"])
    rows = [["`make report` (wall, whole command)", total, "ok" if make.returncode == 0 else f"exit {make.returncode}"]]
    rows += before_and_after()
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
