"""Reading the YAML files people write (the codebook, meta.yaml): bounded, and without aliases.

`yaml.safe_load` builds no Python objects, but it still expands aliases (a "billion laughs" file of
a few hundred bytes grows to gigabytes) and recurses once per level of nesting (a few thousand
levels raise RecursionError). These files are small and flat, so aliases are refused outright
and size and depth are bounded before anything is built; every failure is one InputError line.
"""
from __future__ import annotations

from pathlib import Path

import yaml
from yaml.events import AliasEvent

from .errors import InputError

MAX_BYTES = 1024 * 1024  # the bundled codebook is 8 kB, a meta.yaml a few hundred bytes
MAX_DEPTH = 40  # nesting levels; a deeply nested codebook rule has about ten


class _Refused(Exception):
    """A construct this loader does not accept; the message says which."""


class _BoundedLoader(yaml.SafeLoader):
    """SafeLoader without aliases and with a bound on nesting."""

    def __init__(self, stream):
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent, index):
        if self.check_event(AliasEvent):
            mark = self.peek_event().start_mark
            raise _Refused(f"YAML aliases (*name) are not accepted (line {mark.line + 1}), "
                           "write the value out in full")
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Refused(f"nested more than {MAX_DEPTH} levels deep")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def load_yaml_text(text: str, where: str | Path, fix: str) -> object:
    """Parse YAML text; InputError "<where>: <problem>; <fix>" on anything unexpected."""
    if len(text) > MAX_BYTES:
        raise InputError(f"{where}: {len(text):,} characters is too large for this file "
                         f"(limit {MAX_BYTES // 1024} kB); {fix}")
    try:
        return yaml.load(text, Loader=_BoundedLoader)  # noqa: S506 (a SafeLoader subclass)
    except _Refused as error:
        raise InputError(f"{where}: {error}; {fix}") from None
    except yaml.YAMLError as error:
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        mark = getattr(error, "problem_mark", None)
        at = f" at line {mark.line + 1}" if mark is not None else ""
        raise InputError(f"{where}: not valid YAML ({problem}{at}); {fix}") from None
    except (RecursionError, MemoryError):
        raise InputError(f"{where}: too deeply nested to read; {fix}") from None
    except (ValueError, TypeError, OverflowError) as error:  # values the safe constructors reject
        raise InputError(f"{where}: not valid YAML ({str(error).splitlines()[0] if str(error) else type(error).__name__}); "
                         f"{fix}") from None


def load_yaml_file(path: Path, fix: str) -> object:
    """Read a UTF-8 YAML file with a size bound checked before reading it."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror}); {fix}") from None
    if size > MAX_BYTES:
        raise InputError(f"{path}: {size:,} bytes is too large for this file (limit {MAX_BYTES // 1024} kB); {fix}")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text; save it as UTF-8") from None
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror}); {fix}") from None
    return load_yaml_text(text, path, fix)
