"""Output files written whole or not at all: a temporary file beside the target, then `os.replace`.

A reader (or a second run, or a crash half-way) never sees a half-written CSV, Parquet, PDF, PNG,
HTML or JSON file: the target is either the old file or the new one. The temporary name keeps the
target's suffix (matplotlib and pandas choose the format from it) and starts with a dot.
"""
from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PARTIAL = ".partial"  # in every temporary name: left-overs of a killed run are recognisable


def temporary_name(path: Path) -> Path:
    """A unique hidden name in the target's folder (same file system, so the rename is atomic)."""
    return path.with_name(f".{path.stem}.{os.getpid()}-{uuid.uuid4().hex[:8]}{PARTIAL}{path.suffix}")


@contextmanager
def replacing(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces `path`, on failure it is removed."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = temporary_name(path)
    try:
        yield partial
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def write_text(path: str | Path, text: str, encoding: str = "utf-8") -> Path:
    with replacing(path) as partial:
        partial.write_text(text, encoding=encoding)
    return Path(path)


def write_bytes(path: str | Path, data: bytes) -> Path:
    with replacing(path) as partial:
        partial.write_bytes(data)
    return Path(path)


def remove_leftovers(folder: Path, recursive: bool = False) -> int:
    """Delete temporary files a killed run left in `folder` (and below it); returns how many."""
    count = 0
    pattern = f".*{PARTIAL}*"
    for leftover in (folder.rglob(pattern) if recursive else folder.glob(pattern)) if folder.exists() else ():
        if leftover.is_file() and not leftover.is_symlink():
            leftover.unlink(missing_ok=True)
            count += 1
    return count
