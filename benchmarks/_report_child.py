"""`python -m analysis report --notebooks` with a stopwatch on each stage (started by bench_report)."""
import json
import sys
import time
from functools import partial

import _common

started = time.perf_counter()
import analysis.__main__ as cli  # noqa: E402
import analysis.report as report  # noqa: E402

timings = {"import analysis (CLI, report)": time.perf_counter() - started}
stopwatch = partial(_common.stopwatch, timings)

from analysis import segment, tables  # noqa: E402

stopwatch(report, "load_article", "load the article")
stopwatch(segment.JiebaSegmenter, "__init__", "dictionary load (jieba)")
stopwatch(report, "analyse", "sentences and tokens (with dictionary load)")
stopwatch(report, "all_tables", "all tables (extractors)")
stopwatch(tables, "write_csv", "write CSV")
stopwatch(report, "write_page", "editors' page")
stopwatch(report, "build_figures", "figures (PDF, PNG, CSV, contact sheet; the notebooks' kernel starts meanwhile)")
stopwatch(report, "_run_notebooks", "notebooks (in the kernel started during the figures, reading the report's tables; HTML)")
began = time.perf_counter()
status = cli.main(["report", "--notebooks", "--out", sys.argv[1]])
total = time.perf_counter() - began
timings["other (the rest of the report, not timed separately)"] = total - sum(v for k, v in timings.items() if not k.startswith(("import", "dictionary")))
timings["report total (after imports)"] = total
print(json.dumps({"status": status, "timings": timings}))
