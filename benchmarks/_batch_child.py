"""One measured batch run (started by _common.batch_run): prints a JSON line of figures."""
import json
import resource
import sys
import time

from analysis.batch import run_batch

corpus, out, backend, workers = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
started = time.perf_counter()
summary = run_batch(corpus, out, workers=workers, backend=backend, progress=False, report=lambda message: None)
seconds = time.perf_counter() - started
# ru_maxrss is in KiB on Linux.
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
workers_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "bytes": summary.bytes, "succeeded": summary.succeeded,
                  "failed": summary.failed, "peak_rss_mb": own, "peak_worker_rss_mb": workers_peak}))
