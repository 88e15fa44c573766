"""Many articles through the whole pipeline: `python -m analysis batch CORPUS_DIR --out DIR`.

Articles go to the workers in chunks (at most `CHUNK_ARTICLES` articles or `CHUNK_BYTES` of
input each). A worker analyses a chunk's articles one at a time and writes the chunk as one
folder, `DIR/parts/chunk-NNNNNN/`: one Parquet file per table for all its articles, then a
manifest (each article's content hash and row counts, each file's SHA-256). The folder is built
under a temporary name and renamed into place, so a chunk is either complete or absent, and an
interrupted batch keeps every chunk it finished. A re-run skips articles whose content hash is in
a sound chunk, and analyses again the articles of a chunk whose file is missing or corrupt,
naming the file. At the end the chunks are combined table by table, one chunk at a time, into
`DIR/<table>.parquet` and `DIR/<table>.csv`, each written whole (temporary file, then rename).
The same `process_chunk` runs in this process, in a pool of processes (`workers`), or on a Dask
cluster (`scheduler`). One batch at a time per output folder (a lock file, `analysis.outlock`).
"""
from __future__ import annotations

import hashlib
import json
import math
import os
import shutil
import signal
import sys
import threading
import time
import traceback
import uuid
import warnings
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from .atomic import PARTIAL, remove_leftovers, replacing
from .config import RunConfig
from .corpus import META_FILE
from .encodings import MAX_BYTES

PARTS = "parts"
MANIFEST = "manifest.json"
CHUNK_PREFIX = "chunk-"
CHUNK_ARTICLES = 100  # articles per chunk: one Parquet file per table per chunk
CHUNK_BYTES = 8 * 2**20  # input bytes per chunk, so a chunk of long articles stays small in memory
PACKAGE_DIR = Path(__file__).resolve().parent
# One article at a time per process, only because `warnings.catch_warnings`, which records each
# article's own warnings, changes process-wide state. (The segmenter needs no lock: its dictionary
# is fixed after loading and names are applied to each article's tokens.)
_ANALYSIS_LOCK = threading.Lock()


@dataclass(frozen=True)
class ArticleJob:
    path: str  # an article text file or an article folder
    key: str  # its name in the batch: the path relative to the corpus folder, flattened
    fingerprint: str  # hash of the input bytes, the code and the run configuration (backend, codebook, dictionary)
    size: int = 0  # bytes of input


@dataclass(frozen=True)
class Chunk:
    name: str  # chunk-NNNNNN, its folder under DIR/parts/
    jobs: tuple[ArticleJob, ...]


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


@dataclass(frozen=True)
class ChunkResult:
    chunk: Chunk
    results: tuple[ArticleResult, ...]
    manifest: dict | None = None  # None: nothing written (every article failed, or the write failed)


@dataclass
class BatchSummary:
    succeeded: int = 0
    failed: int = 0
    skipped: int = 0  # up to date from an earlier run (counted in succeeded too)
    failures: list[tuple[str, str]] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    bytes: int = 0  # UTF-8 size of the articles analysed in this run
    seconds: float = 0.0
    rebuilt: list[str] = field(default_factory=list)  # chunks found missing or corrupt, analysed again
    # How many articles gave each warning (the message without the article's path): on a large
    # corpus the same warning ("no profile headings found") would otherwise fill the console.
    warning_counts: Counter = field(default_factory=Counter)

    def line(self) -> str:
        return f"{self.succeeded} succeeded, {self.failed} failed"


# --- finding the articles ----------------------------------------------------------------------

def find_articles(corpus: Path, skipped: list[Path] | None = None) -> list[Path]:
    """Article folders (with meta.yaml) and plain .txt files under `corpus`, in a stable order.

    Symbolic links are not followed: one that leads out of the corpus would read files the user
    did not give, one that leads back into it would read articles twice (or forever, in a loop).
    They are listed in `skipped`. Folders are searched once each, by resolved path.
    """
    skipped = skipped if skipped is not None else []
    seen: set[Path] = set()
    found: list[Path] = []

    def visit(folder: Path) -> None:
        real = folder.resolve()
        if real in seen:
            return
        seen.add(real)
        if (folder / META_FILE).exists():
            found.append(folder)
            return
        for entry in sorted(folder.iterdir()):
            if entry.name.startswith("."):
                continue
            if entry.is_symlink():
                skipped.append(entry)
            elif entry.is_dir():
                visit(entry)
            elif entry.suffix.lower() == ".txt" and entry.is_file():
                found.append(entry)

    visit(Path(corpus))
    return found


def code_version() -> str:
    """Hash of the package's code and data: a change re-runs every article."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".txt", ".yaml", ".yml", ".json"}:
            digest.update(str(path.relative_to(PACKAGE_DIR)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _input_files(path: Path) -> list[Path]:
    if not path.is_dir():
        return [path]
    return sorted(p for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def _input_hash(files: list[Path]) -> str:
    """SHA-256 of the input, read in blocks. A file over the size limit is not read at all: its
    name, size and time stand in for it, and loading the article refuses it (one failure, not the run)."""
    digest = hashlib.sha256()
    for file in files:
        digest.update(file.name.encode())
        stat = file.stat()
        if stat.st_size > MAX_BYTES:
            digest.update(f"too large:{stat.st_size}:{stat.st_mtime_ns}".encode())
            continue
        with open(file, "rb") as handle:
            digest.update(hashlib.file_digest(handle, "sha256").digest())
    return digest.hexdigest()


def make_job(path: Path, corpus: Path, code: str, settings: str) -> ArticleJob:
    """`settings`: `RunConfig.fingerprint()`, so a changed codebook or backend analyses the article again."""
    relative = path.relative_to(corpus).as_posix() if path != corpus else path.name
    key = relative.removesuffix(".txt").replace("/", "__") or path.name
    files = _input_files(path)
    fingerprint = hashlib.sha256(f"{_input_hash(files)}:{code}:{settings}".encode()).hexdigest()
    return ArticleJob(str(path), key, fingerprint, sum(f.stat().st_size for f in files))


def plan_chunks(jobs: list[ArticleJob], first_number: int, lanes: int = 1) -> list[Chunk]:
    """Consecutive jobs in chunks of at most CHUNK_ARTICLES articles and CHUNK_BYTES bytes, and
    small enough that every lane (worker) gets a few chunks."""
    per_chunk = CHUNK_ARTICLES if lanes <= 1 else max(1, min(CHUNK_ARTICLES, math.ceil(len(jobs) / (4 * lanes))))
    chunks: list[Chunk] = []
    current: list[ArticleJob] = []
    size = 0
    for job in jobs:
        if current and (len(current) >= per_chunk or size + job.size > CHUNK_BYTES):
            chunks.append(Chunk(_chunk_name(first_number + len(chunks)), tuple(current)))
            current, size = [], 0
        current.append(job)
        size += job.size
    if current:
        chunks.append(Chunk(_chunk_name(first_number + len(chunks)), tuple(current)))
    return chunks


def _chunk_name(number: int) -> str:
    return f"{CHUNK_PREFIX}{number:06d}"


def _chunk_number(name: str) -> int:
    return int(name.removeprefix(CHUNK_PREFIX))


# --- one chunk: analyse its articles, write one file per table ---------------------------------

def _analyse_one(job: ArticleJob, config: RunConfig) -> tuple[ArticleResult, dict]:
    """One article's tables, or the reason it failed; never raises (one bad article must not stop the batch)."""
    from .corpus import load_article
    from .pipeline import all_tables, analyse

    started = time.perf_counter()
    try:
        with _ANALYSIS_LOCK, warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            article = load_article(job.path)
            frames = all_tables(analyse(article, config))
        return ArticleResult(job, True, article.id, tuple(sorted(frames)), len(article.text),
                             len(article.text.encode("utf-8")), time.perf_counter() - started,
                             # The article's own warnings, not libraries' resource or deprecation noise.
                             warnings=tuple(str(w.message) for w in caught if issubclass(w.category, UserWarning))), frames
    except Exception as error:
        reason = f"{type(error).__name__}: {error}".splitlines()[0]
        if os.environ.get("ANALYSIS_DEBUG"):
            reason += "\n" + traceback.format_exc()
        return ArticleResult(job, False, error=reason, seconds=time.perf_counter() - started), {}


def process_chunk(chunk: Chunk, out: str, config: RunConfig) -> ChunkResult:
    """Analyse a chunk's articles and write them as DIR/parts/<chunk>/; never raises."""
    results: list[ArticleResult] = []
    frames_by_table: dict[str, list] = {}
    rows: list[dict[str, int]] = []
    for job in chunk.jobs:
        result, frames = _analyse_one(job, config)
        results.append(result)
        if result.ok:
            for name, frame in frames.items():
                frames_by_table.setdefault(name, []).append(frame)
            rows.append({name: len(frame) for name, frame in frames.items()})
    done = [r for r in results if r.ok]
    if not done:
        return ChunkResult(chunk, tuple(results))
    try:
        manifest = _write_chunk(Path(out) / PARTS, chunk.name, done, rows, frames_by_table)
    except Exception as error:  # a full disk, a permission: every article of the chunk failed
        reason = f"writing {chunk.name} failed: {type(error).__name__}: {error}".splitlines()[0]
        return ChunkResult(chunk, tuple(r if not r.ok else ArticleResult(r.job, False, error=reason) for r in results))
    return ChunkResult(chunk, tuple(results), manifest)


def _write_chunk(parts: Path, name: str, done: list[ArticleResult], rows: list[dict[str, int]],
                 frames_by_table: dict[str, list]) -> dict:
    """The chunk's tables and manifest in a temporary folder, renamed into place when complete."""
    import pyarrow.parquet as pq

    building = parts / f".{name}.{os.getpid()}-{uuid.uuid4().hex[:8]}{PARTIAL}"
    building.mkdir(parents=True)
    try:
        files = {}
        for table_name, frames in sorted(frames_by_table.items()):
            path = building / f"{table_name}.parquet"
            table = _arrow_table(frames)
            pq.write_table(table, path)
            files[table_name] = {"rows": table.num_rows, "sha256": _file_hash(path)}
        manifest = {"chunk": name, "files": files,
                    "articles": [{"key": r.job.key, "path": r.job.path, "fingerprint": r.job.fingerprint,
                                  "article_id": r.article_id, "chars": r.chars, "rows": counts}
                                 for r, counts in zip(done, rows)]}
        (building / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
        target = parts / name
        if target.exists():  # left by an earlier run under the same number: not in any manifest we trust
            shutil.rmtree(target)
        os.replace(building, target)
        return manifest
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise


def _arrow_table(frames: list):
    """One Arrow table from the articles' frames; columns typed alike when one article's is all empty."""
    import pandas as pd
    import pyarrow as pa

    try:
        return pa.Table.from_pandas(pd.concat(frames, ignore_index=True), preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError):  # e.g. numbers in one article, text in another
        tables = [pa.Table.from_pandas(f, preserve_index=False) for f in frames]
        return pa.concat_tables(tables, promote_options="permissive")


def _file_hash(path: Path) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


# --- chunks already on disk --------------------------------------------------------------------

def read_chunks(out: Path, say: Callable[[str], None]) -> tuple[dict[str, dict], list[str]]:
    """Sound chunks of earlier runs by name; a chunk with a missing or corrupt file is named, removed
    and listed second (its articles are then analysed again)."""
    parts = out / PARTS
    sound: dict[str, dict] = {}
    broken: list[str] = []
    for folder in sorted(parts.glob(f"{CHUNK_PREFIX}*")) if parts.exists() else []:
        if not folder.is_dir() or folder.is_symlink():
            continue
        problem = _chunk_problem(folder)
        if problem is None:
            sound[folder.name] = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        else:
            say(f"{problem}; chunk {folder.name} is rebuilt (its articles are analysed again)")
            shutil.rmtree(folder, ignore_errors=True)
            broken.append(folder.name)
    return sound, broken


def _chunk_problem(folder: Path) -> str | None:
    """What is wrong with a chunk folder, naming the file, or None when every file is as written."""
    manifest_path = folder / MANIFEST
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        files, articles = manifest["files"], manifest["articles"]
        assert isinstance(files, dict) and isinstance(articles, list)
    except FileNotFoundError:
        return f"{manifest_path}: missing"
    except (OSError, ValueError, KeyError, TypeError, AssertionError):
        return f"{manifest_path}: unreadable or incomplete"
    for table_name, entry in files.items():
        path = folder / f"{table_name}.parquet"
        if not path.is_file():
            return f"{path}: missing"
        if _file_hash(path) != entry.get("sha256"):
            return f"{path}: corrupt (its content differs from what was written)"
    return None


# --- running chunks: here, in local processes, on Dask -----------------------------------------

def _init_worker(config: RunConfig) -> None:
    """Build the segmenter once per worker process; Ctrl-C is the parent's to handle, not the workers'."""
    from .segment import get_segmenter

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    get_segmenter(config.backend, config.dictionary)


def _run_local(chunks: list[Chunk], out: Path, config: RunConfig, workers: int) -> Iterator[ChunkResult]:
    if workers <= 1:
        for chunk in chunks:
            yield process_chunk(chunk, str(out), config)
        return
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(config,))
    try:
        yield from _windowed(chunks, lambda chunk: pool.submit(process_chunk, chunk, str(out), config),
                             window=2 * workers)
    except BaseException:  # Ctrl-C, or the consumer stopped: do not wait for the chunks in flight
        _stop_workers(pool)
        raise
    pool.shutdown()


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """End the pool's processes now. A chunk they were writing is only a temporary folder, removed next run."""
    pool.shutdown(wait=False, cancel_futures=True)
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14
    if terminate is not None:
        terminate()
        return
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.terminate()


def _windowed(chunks: list[Chunk], submit: Callable[[Chunk], Future], window: int) -> Iterator[ChunkResult]:
    """Keep at most `window` chunks in flight: results come back as they finish."""
    pending: dict[Future, Chunk] = {}
    queue = iter(chunks)
    for chunk in queue:
        pending[submit(chunk)] = chunk
        if len(pending) >= window:
            break
    while pending:
        done, _ = wait(pending, return_when=FIRST_COMPLETED)
        for future in done:
            chunk = pending.pop(future)
            yield _result_of(future, chunk)
            next_chunk = next(queue, None)
            if next_chunk is not None:
                pending[submit(next_chunk)] = next_chunk


def _result_of(future, chunk: Chunk) -> ChunkResult:
    try:
        return future.result()
    except Exception as error:  # the worker itself died (killed, out of memory)
        reason = f"worker failed: {type(error).__name__}: {error}".splitlines()[0]
        return ChunkResult(chunk, tuple(ArticleResult(job, False, error=reason) for job in chunk.jobs))


def _dask_client(scheduler):
    from dask.distributed import Client

    return scheduler if isinstance(scheduler, Client) else Client(scheduler)


def _run_dask(chunks: list[Chunk], out: Path, config: RunConfig, client) -> Iterator[ChunkResult]:
    """The same `process_chunk` on a Dask cluster (a `distributed.Client`)."""
    # A concurrent.futures view of the cluster; pure=False: a chunk is re-run when asked.
    executor = client.get_executor(pure=False)
    window = 2 * _dask_lanes(client)
    yield from _windowed(chunks, lambda chunk: executor.submit(process_chunk, chunk, str(out), config), window)


def _dask_lanes(client) -> int:
    return max(1, sum(client.nthreads().values()))


# --- combining the chunks ----------------------------------------------------------------------

def combine(out: Path, chunks: list[tuple[str, dict, set[str]]]) -> list[Path]:
    """Each table of the given chunks into DIR/<table>.parquet and .csv, reading one chunk at a time.

    `chunks`: (name, manifest, keys of the articles to take from it), in output order. An article
    that was analysed again since sits in a later chunk; its old rows are left out here.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .tables import CSV_ENCODING, append_csv
    from .tablespec import BY_NAME

    parts = out / PARTS
    written = []
    names = sorted({name for _, manifest, _ in chunks for name in manifest["files"]})
    for table_name in names:
        sources = [(parts / chunk / f"{table_name}.parquet", manifest, keys) for chunk, manifest, keys in chunks
                   if table_name in manifest["files"]]
        spec = BY_NAME.get(table_name)
        if spec is not None:  # the columns and types of analysis/tablespec.py
            schema = spec.arrow_schema()
        else:  # a table no spec lists (left by other code): unify the chunks' types, then cast
            schema = pa.unify_schemas([pq.read_schema(path) for path, _, _ in sources], promote_options="permissive")
            schema = pa.schema([f for f in schema if not f.name.startswith("__index")])
        parquet_path, csv_path = out / f"{table_name}.parquet", out / f"{table_name}.csv"
        with replacing(parquet_path) as parquet_tmp, replacing(csv_path) as csv_tmp:
            with pq.ParquetWriter(parquet_tmp, schema) as writer, \
                    open(csv_tmp, "w", encoding=CSV_ENCODING, newline="") as csv_file:
                header = True
                for path, manifest, keys in sources:
                    table = _selected_rows(pq.read_table(path), table_name, manifest, keys)
                    columns = [table.column(f.name).cast(f.type) if f.name in table.column_names
                               else pa.nulls(table.num_rows, f.type) for f in schema]
                    table = pa.Table.from_arrays(columns, schema=schema)
                    writer.write_table(table)
                    append_csv(_csv_frame(table), csv_file, header=header)
                    header = False
        written += [parquet_path, csv_path]
    return written


def _csv_frame(table):
    """A chunk as a pandas frame for CSV: integers with a gap stay integers (3, not 3.0)."""
    import pandas as pd
    import pyarrow as pa

    def dtype(arrow_type):
        if pa.types.is_integer(arrow_type):
            return pd.Int64Dtype()
        return pd.BooleanDtype() if pa.types.is_boolean(arrow_type) else None

    return table.to_pandas(types_mapper=dtype)


def _selected_rows(table, table_name: str, manifest: dict, keys: set[str]):
    """The rows of the chunk's articles listed in `keys` (all of them, usually)."""
    import pyarrow as pa

    articles = manifest["articles"]
    if all(a["key"] in keys for a in articles):
        return table
    pieces, offset = [], 0
    for article in articles:
        count = article["rows"].get(table_name, 0)
        if article["key"] in keys:
            pieces.append(table.slice(offset, count))
        offset += count
    return pa.concat_tables(pieces) if pieces else table.slice(0, 0)


# --- the batch ---------------------------------------------------------------------------------

def run_batch(corpus: str | Path, out: str | Path, workers: int = 1, scheduler=None,
              backend: str = "jieba", progress: bool = True,
              report: Callable[[str], None] | None = None, lock_timeout: float | None = None,
              config: RunConfig | None = None) -> BatchSummary:
    """Analyse every article under `corpus` into `out`; skip those whose outputs are up to date.

    Every article is analysed with one run configuration: `config`, or one made from `backend`."""
    from tqdm import tqdm

    from .errors import InputError
    from .outlock import output_lock
    from .segment import BACKENDS

    corpus, out = Path(corpus), Path(out)
    if not corpus.is_dir():
        raise InputError(f"{corpus}: not a folder; give a folder of article .txt files or article folders")
    config = config or RunConfig(backend=backend, output=out)
    if config.backend not in BACKENDS:
        raise ValueError(f"unknown segmenter backend {config.backend!r}; choose one of {sorted(BACKENDS)}")
    say = report or (lambda message: tqdm.write(message, file=sys.stderr))
    started = time.perf_counter()
    links: list[Path] = []
    paths = find_articles(corpus, links)
    _report_links(links, corpus, say)
    code = code_version()
    settings = config.fingerprint()
    jobs = [make_job(path, corpus, code, settings) for path in paths]
    if not jobs:
        raise InputError(f"{corpus}: no articles found (.txt files or folders with {META_FILE}); check the folder")
    keys = [job.key for job in jobs]
    if len(set(keys)) != len(keys):
        raise InputError(f"{corpus}: two articles map to the same output name; rename one of them")
    with output_lock(out, say=say, timeout=lock_timeout):
        parts = out / PARTS
        _remove_unfinished(parts)
        on_disk, broken = read_chunks(out, say)
        summary = BatchSummary(rebuilt=broken)
        # Which chunk holds each article as it is now (the latest, if an earlier one holds it too).
        holder: dict[str, str] = {}
        current = {(job.key, job.fingerprint) for job in jobs}
        for name, manifest in sorted(on_disk.items(), key=lambda item: _chunk_number(item[0])):
            for article in manifest["articles"]:
                if (article["key"], article["fingerprint"]) in current:
                    holder[article["key"]] = name
        todo = [job for job in jobs if job.key not in holder]
        summary.skipped = summary.succeeded = len(jobs) - len(todo)
        client = _dask_client(scheduler) if scheduler is not None else None
        try:
            lanes = _dask_lanes(client) if client is not None else workers
            first = max([_chunk_number(name) for name in on_disk] + [_chunk_number(name) for name in broken] + [0]) + 1
            chunks = plan_chunks(todo, first, lanes)
            results = (_run_dask(chunks, out, config, client) if client is not None
                       else _run_local(chunks, out, config, workers))
            with tqdm(total=len(jobs), initial=summary.skipped, unit="article", file=sys.stderr,
                      disable=not progress, desc="batch") as bar:
                for chunk_result in results:
                    bar.update(len(chunk_result.results))
                    if chunk_result.manifest is not None:
                        on_disk[chunk_result.chunk.name] = chunk_result.manifest
                    for result in chunk_result.results:
                        _count(result, summary, say)
                        if result.ok:
                            holder[result.job.key] = chunk_result.chunk.name
        finally:
            if client is not None and client is not scheduler:
                client.close()
        selected: dict[str, set[str]] = {}
        for key, name in holder.items():
            selected.setdefault(name, set()).add(key)
        order = sorted(selected, key=_chunk_number)
        summary.written = combine(out, [(name, on_disk[name], selected[name]) for name in order])
        for name in set(on_disk) - set(selected):  # every article in it changed or left the corpus
            shutil.rmtree(parts / name, ignore_errors=True)
    for kind, count in summary.warning_counts.items():
        if count > WARNINGS_SHOWN:
            say(f"warning in {count - WARNINGS_SHOWN} more articles: {kind}")
    summary.seconds = time.perf_counter() - started
    return summary


WARNINGS_SHOWN = 3  # articles named per kind of warning; the rest are counted at the end


def _count(result: ArticleResult, summary: BatchSummary, say: Callable[[str], None]) -> None:
    for message in result.warnings:
        kind = message.removeprefix(f"{result.job.path}: ")
        summary.warning_counts[kind] += 1
        if summary.warning_counts[kind] <= WARNINGS_SHOWN:
            say(f"{result.job.path}: warning: {kind}")
    if result.ok:
        summary.succeeded += 1
        summary.bytes += result.bytes
    else:
        summary.failed += 1
        summary.failures.append((result.job.path, result.error or "unknown error"))
        say(f"{result.job.path}: failed: {result.error}")


def _remove_unfinished(parts: Path) -> None:
    """Temporary chunk folders and files of a run that was killed half-way."""
    for leftover in parts.glob(f".*{PARTIAL}*") if parts.exists() else []:
        if leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover, ignore_errors=True)
    remove_leftovers(parts, recursive=True)
    remove_leftovers(parts.parent)


def _report_links(links: list[Path], corpus: Path, say: Callable[[str], None], shown: int = 5) -> None:
    for link in links[:shown]:
        say(f"{link}: symbolic link not followed (batch reads only the files inside {corpus}); "
            "copy the article into the folder instead")
    if len(links) > shown:
        say(f"{len(links) - shown} more symbolic links under {corpus} not followed")
