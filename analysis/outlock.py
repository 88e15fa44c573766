"""One run at a time per output folder: a lock file (`OUT/.analysis.lock`) that says who holds it.

`report` and `batch` take it before writing, so two runs into one folder wait for each other
instead of interleaving their files. The holder writes its process id, host, command and start
time into the lock file (filelock's `on_acquired` hook); a run that has to wait prints them.
"""
from __future__ import annotations

import datetime
import json
import os
import socket
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from .errors import InputError

LOCK_NAME = ".analysis.lock"


def holder_of(lock_path: Path) -> str:
    """Who holds the lock, as the holder wrote it: `pid 123 on host (python -m analysis batch …, since …)`."""
    try:
        holder = json.loads(lock_path.read_text(encoding="utf-8"))
        return f"pid {holder['pid']} on {holder['host']} ({holder['command']}, since {holder['since']})"
    except (OSError, ValueError, KeyError, TypeError):
        return "another run (it has not said who it is yet)"


@contextmanager
def output_lock(folder: str | Path, command: str | None = None, timeout: float | None = None,
                say: Callable[[str], None] | None = None) -> Iterator[Path]:
    """Hold `folder`'s lock for the block; wait for a run that holds it (at most `timeout` seconds)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    lock_path = folder / LOCK_NAME
    holder = json.dumps({"pid": os.getpid(), "host": socket.gethostname(),
                         "command": command or " ".join(["python", *sys.argv]),
                         "since": datetime.datetime.now().astimezone().isoformat(timespec="seconds")},
                        ensure_ascii=False).encode("utf-8")

    def record(descriptor: int) -> None:
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, holder, 0)

    lock = FileLock(lock_path, on_acquired=record, thread_local=False)
    try:
        lock.acquire(blocking=False)
    except Timeout:
        who = holder_of(lock_path)
        if timeout is not None and timeout <= 0:
            raise InputError(f"{folder}: in use by {who}; wait for that run to finish or give another output folder") from None
        (say or (lambda message: print(message, file=sys.stderr)))(f"{folder}: in use by {who}; waiting for it to finish")
        try:
            lock.acquire(timeout=-1 if timeout is None else timeout)
        except Timeout:
            raise InputError(f"{folder}: still in use by {holder_of(lock_path)} after {timeout:g} s; wait for that run "
                             "to finish or give another output folder") from None
    try:
        yield lock_path
    finally:
        lock.release()
