"""Many articles through the whole pipeline: `python -m analysis batch CORPUS_DIR --out DIR`.

Articles stream through one at a time per worker; `process_article` writes each article's tables
as it finishes (`DIR/parts/<table>/<key>.parquet`, then a manifest), so memory stays flat and an
interrupted batch keeps what it did. At the end the parts are combined table by table, one part
at a time, into `DIR/<table>.parquet` and `DIR/<table>.csv`. The same `process_article` runs in
this process, in a pool of processes (`workers`), or on a Dask cluster (`scheduler`).
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
import threading
import time
import traceback
import warnings
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from .corpus import META_FILE

PARTS = "parts"
MANIFESTS = "_manifests"
PACKAGE_DIR = Path(__file__).resolve().parent
# One article at a time per process, only because `warnings.catch_warnings`, which records each
# article's own warnings, changes process-wide state. (The segmenter needs no lock: its dictionary
# is fixed after loading and names are applied to each article's tokens.)
_ANALYSIS_LOCK = threading.Lock()


@dataclass(frozen=True)
class ArticleJob:
    path: str  # an article text file or an article folder
    key: str  # file name of its parts: the path relative to the corpus folder, flattened
    fingerprint: str  # hash of the input bytes, the code and the backend


@dataclass(frozen=True)
class ArticleResult:
    job: ArticleJob
    ok: bool
    article_id: str | None = None
    tables: tuple[str, ...] = ()
    chars: int = 0
    bytes: int = 0
    seconds: float = 0.0
    error: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass
class BatchSummary:
    succeeded: int = 0
    failed: int = 0
    skipped: int = 0  # up to date from an earlier run (counted in succeeded too)
    failures: list[tuple[str, str]] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    bytes: int = 0  # UTF-8 size of the articles analysed in this run
    seconds: float = 0.0

    def line(self) -> str:
        return f"{self.succeeded} succeeded, {self.failed} failed"


def find_articles(corpus: Path) -> list[Path]:
    """Article folders (with meta.yaml) and plain .txt files under `corpus`, in a stable order."""
    if (corpus / META_FILE).exists():
        return [corpus]
    found: list[Path] = []
    for entry in sorted(corpus.iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            found.extend(find_articles(entry))
        elif entry.suffix.lower() == ".txt":
            found.append(entry)
    return found


def code_version() -> str:
    """Hash of the package's code and data: a change re-runs every article."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".txt", ".yaml", ".yml", ".json"}:
            digest.update(str(path.relative_to(PACKAGE_DIR)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _input_hash(path: Path) -> str:
    digest = hashlib.sha256()
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    for file in files:
        digest.update(file.name.encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()


def make_job(path: Path, corpus: Path, code: str, backend: str) -> ArticleJob:
    relative = path.relative_to(corpus).as_posix() if path != corpus else path.name
    key = relative.removesuffix(".txt").replace("/", "__") or path.name
    fingerprint = hashlib.sha256(f"{_input_hash(path)}:{code}:{backend}".encode()).hexdigest()
    return ArticleJob(str(path), key, fingerprint)


def _manifest_path(out: Path, key: str) -> Path:
    return out / PARTS / MANIFESTS / f"{key}.json"


def read_manifest(out: Path, job: ArticleJob) -> dict | None:
    """The manifest of an earlier run, if it is for exactly this input, code and backend."""
    path = _manifest_path(out, job.key)
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    tables_there = all((out / PARTS / name / f"{job.key}.parquet").exists() for name in manifest.get("tables", []))
    return manifest if manifest.get("fingerprint") == job.fingerprint and tables_there else None


def process_article(job: ArticleJob, out: str, backend: str) -> ArticleResult:
    """Analyse one article and write its tables as parts; never raises (failures are results)."""
    from .corpus import load_article
    from .pipeline import all_tables, analyse

    started = time.perf_counter()
    out_dir = Path(out)
    try:
        with _ANALYSIS_LOCK, warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            article = load_article(job.path)
            frames = all_tables(analyse(article, backend))
        for name, frame in frames.items():
            _write_atomic(out_dir / PARTS / name / f"{job.key}.parquet", frame.to_parquet, index=False)
        manifest = {"fingerprint": job.fingerprint, "path": job.path, "article_id": article.id,
                    "tables": sorted(frames), "chars": len(article.text)}
        _write_atomic(_manifest_path(out_dir, job.key),
                      lambda path: Path(path).write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8"))
        return ArticleResult(job, True, article.id, tuple(sorted(frames)), len(article.text),
                             len(article.text.encode("utf-8")), time.perf_counter() - started,
                             # The article's own warnings, not libraries' resource or deprecation noise.
                             warnings=tuple(str(w.message) for w in caught if issubclass(w.category, UserWarning)))
    except Exception as error:  # one bad article must not stop the batch: report it and go on
        _manifest_path(out_dir, job.key).unlink(missing_ok=True)
        reason = f"{type(error).__name__}: {error}".splitlines()[0]
        if os.environ.get("ANALYSIS_DEBUG"):
            reason += "\n" + traceback.format_exc()
        return ArticleResult(job, False, error=reason, seconds=time.perf_counter() - started)


def _write_atomic(path: Path, write: Callable, **options) -> None:
    """Write through a temporary name, so a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    write(partial, **options)
    os.replace(partial, path)


def _init_worker(backend: str) -> None:
    """Build the segmenter once per worker process, before its first article."""
    from .segment import get_segmenter

    get_segmenter(backend)


def _run_local(jobs: list[ArticleJob], out: Path, backend: str, workers: int) -> Iterator[ArticleResult]:
    if workers <= 1:
        for job in jobs:
            yield process_article(job, str(out), backend)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(backend,)) as pool:
        yield from _windowed(jobs, lambda job: pool.submit(process_article, job, str(out), backend),
                             window=2 * workers)


def _windowed(jobs: list[ArticleJob], submit: Callable[[ArticleJob], Future], window: int) -> Iterator[ArticleResult]:
    """Keep at most `window` articles in flight: results come back as they finish."""
    pending: dict[Future, ArticleJob] = {}
    queue = iter(jobs)
    for job in queue:
        pending[submit(job)] = job
        if len(pending) >= window:
            break
    while pending:
        done, _ = wait(pending, return_when=FIRST_COMPLETED)
        for future in done:
            job = pending.pop(future)
            yield _result_of(future, job)
            next_job = next(queue, None)
            if next_job is not None:
                pending[submit(next_job)] = next_job


def _result_of(future, job: ArticleJob) -> ArticleResult:
    try:
        return future.result()
    except Exception as error:  # the worker itself died (killed, out of memory)
        return ArticleResult(job, False, error=f"worker failed: {type(error).__name__}: {error}".splitlines()[0])


def _run_dask(jobs: list[ArticleJob], out: Path, backend: str, scheduler) -> Iterator[ArticleResult]:
    """The same `process_article` on a Dask cluster: an address, or a `distributed.Client`."""
    from dask.distributed import Client

    client = scheduler if isinstance(scheduler, Client) else Client(scheduler)
    try:
        # A concurrent.futures view of the cluster; pure=False: an article is re-run when asked.
        executor = client.get_executor(pure=False)
        window = 2 * max(1, sum(client.nthreads().values()))
        yield from _windowed(jobs, lambda job: executor.submit(process_article, job, str(out), backend), window)
    finally:
        if client is not scheduler:
            client.close()


def combine(out: Path, keys: list[str]) -> list[Path]:
    """Each table's parts into DIR/<table>.parquet and .csv, reading one part at a time."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .tables import CSV_ENCODING, csv_cells

    written = []
    parts_dir = out / PARTS
    for table_dir in sorted(p for p in parts_dir.iterdir() if p.is_dir() and p.name != MANIFESTS) if parts_dir.exists() else []:
        parts = [table_dir / f"{key}.parquet" for key in keys if (table_dir / f"{key}.parquet").exists()]
        if not parts:
            continue
        # Parts may disagree on a column's type (all-empty in one article): unify, then cast.
        schema = pa.unify_schemas([pq.read_schema(p) for p in parts], promote_options="permissive")
        schema = pa.schema([f for f in schema if not f.name.startswith("__index")])
        parquet_path, csv_path = out / f"{table_dir.name}.parquet", out / f"{table_dir.name}.csv"
        parquet_tmp, csv_tmp = parquet_path.with_suffix(".parquet.partial"), csv_path.with_suffix(".csv.partial")
        with pq.ParquetWriter(parquet_tmp, schema) as writer, open(csv_tmp, "w", encoding=CSV_ENCODING, newline="") as csv_file:
            for index, part in enumerate(parts):
                table = pq.read_table(part)
                columns = [table.column(f.name).cast(f.type) if f.name in table.column_names
                           else pa.nulls(table.num_rows, f.type) for f in schema]
                table = pa.Table.from_arrays(columns, schema=schema)
                writer.write_table(table)
                csv_cells(table.to_pandas()).to_csv(csv_file, index=False, header=index == 0)
        os.replace(parquet_tmp, parquet_path)
        os.replace(csv_tmp, csv_path)
        written += [parquet_path, csv_path]
    return written


def run_batch(corpus: str | Path, out: str | Path, workers: int = 1, scheduler=None,
              backend: str = "jieba", progress: bool = True,
              report: Callable[[str], None] | None = None) -> BatchSummary:
    """Analyse every article under `corpus` into `out`; skip those whose outputs are up to date."""
    from tqdm import tqdm

    from .errors import InputError
    from .segment import BACKENDS

    corpus, out = Path(corpus), Path(out)
    if not corpus.is_dir():
        raise InputError(f"{corpus}: not a folder; give a folder of article .txt files or article folders")
    if backend not in BACKENDS:
        raise ValueError(f"unknown segmenter backend {backend!r}; choose one of {sorted(BACKENDS)}")
    started = time.perf_counter()
    code = code_version()
    jobs = [make_job(path, corpus, code, backend) for path in find_articles(corpus)]
    if not jobs:
        raise InputError(f"{corpus}: no articles found (.txt files or folders with {META_FILE}); check the folder")
    keys = [job.key for job in jobs]
    if len(set(keys)) != len(keys):
        raise InputError(f"{corpus}: two articles map to the same output name; rename one of them")
    out.mkdir(parents=True, exist_ok=True)
    summary = BatchSummary()
    todo = []
    for job in jobs:
        if read_manifest(out, job):
            summary.skipped += 1
            summary.succeeded += 1
        else:
            todo.append(job)
    say = report or (lambda message: tqdm.write(message, file=sys.stderr))
    done_keys = {job.key for job in jobs} - {job.key for job in todo}
    results = (_run_dask(todo, out, backend, scheduler) if scheduler is not None
               else _run_local(todo, out, backend, workers))
    with tqdm(total=len(jobs), initial=summary.skipped, unit="article", file=sys.stderr,
              disable=not progress, desc="batch") as bar:
        for result in results:
            bar.update(1)
            for message in result.warnings:
                say(f"{result.job.path}: warning: {message}")
            if result.ok:
                summary.succeeded += 1
                summary.bytes += result.bytes
                done_keys.add(result.job.key)
            else:
                summary.failed += 1
                summary.failures.append((result.job.path, result.error or "unknown error"))
                say(f"{result.job.path}: failed: {result.error}")
    summary.written = combine(out, [key for key in keys if key in done_keys])
    summary.seconds = time.perf_counter() - started
    return summary
