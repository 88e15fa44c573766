"""The editors' picks file: what it holds, where it lives, and reading it back strictly.

An editor saves picks/<article-id>.json from the editors' page (analysis.review): the theme-like
candidates to highlight ("themes": codebook themes, slogans, idioms, quoted terms, keywords,
families), each with its print label, and the quotes to print as pull quotes, both in the editor's
order. `load_picks` reads the file with `json.loads` only, bounded in size and depth, and checks
every pick against the analysis; every problem is one InputError naming the file and the fix.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .config import DEFAULT_PICKS
from .errors import InputError

PICKS_VERSION = 1
PICKS_DIR = DEFAULT_PICKS
PAGE_NAME = "editors.html"  # the page that writes picks files (named in error messages)


@dataclass(frozen=True)
class ThemePick:
    id: str
    label: str  # the label to print


@dataclass(frozen=True)
class QuotePick:
    id: str


@dataclass(frozen=True)
class Picks:
    """What the editor picked, in the editor's order."""

    article_id: str
    themes: tuple[ThemePick, ...] = ()
    quotes: tuple[QuotePick, ...] = ()

    @property
    def theme_ids(self) -> tuple[str, ...]:
        return tuple(pick.id for pick in self.themes)

    @property
    def quote_ids(self) -> tuple[str, ...]:
        return tuple(pick.id for pick in self.quotes)

    @property
    def labels(self) -> dict[str, str]:
        """Print label of each picked theme, by candidate id."""
        return {pick.id: pick.label for pick in self.themes}

    def to_json(self) -> dict:
        return {"version": PICKS_VERSION, "article_id": self.article_id,
                "themes": [{"id": p.id, "label": p.label} for p in self.themes],
                "quotes": [{"id": p.id} for p in self.quotes]}


def picks_path(article_id: str, folder: Path = PICKS_DIR) -> Path:
    """Where the picks file of an article lives in the repository: picks/<article-id>.json.
    An id that would lead out of `folder` (an absolute path, "..") is refused."""
    path = folder / f"{article_id}.json"
    if Path(article_id).is_absolute() or not path.resolve().is_relative_to(folder.resolve()):
        raise InputError(f"article id {_short(article_id)} would put its picks file outside {folder}; "
                         "give the article a plain id (letters, digits, '-') in its meta.yaml")
    return path


# --- reading the picks file back ------------------------------------------------------------

MAX_PICKS_BYTES = 1024 * 1024
MAX_PICKS_DEPTH = 20
MAX_LISTED = 10  # entries named in one error line; the rest are counted
_TOP_KEYS = ("version", "article_id", "themes", "quotes")
_THEME_KEYS = ("id", "label")
_QUOTE_KEYS = ("id",)


def load_picks(path: str | Path, candidates: pd.DataFrame, quotes: pd.DataFrame,
               article_id: str | None = None) -> Picks:
    """Read and validate a picks file against the `candidates` and `pull_quotes` tables.

    Only `json.loads` touches the file (nothing is evaluated). Unknown or missing keys, wrong
    types, duplicates, another article's file and picks that no longer exist in the analysis
    raise InputError naming the file, the problem and the fix.
    """
    path = Path(path)
    fix = f"export the picks again from the editors' page ({PAGE_NAME}) or correct the file"
    try:
        size = path.stat().st_size
        if size > MAX_PICKS_BYTES:  # checked before reading: a picks file is a few kB
            raise InputError(f"{path}: {size:,} bytes is too large for a picks file (limit "
                             f"{MAX_PICKS_BYTES // 1024} kB); {fix}")
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{path}: no such picks file; save one from the editors' page ({PAGE_NAME})") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot be read as UTF-8 text ({error}); {fix}") from None
    if _nesting(text) > MAX_PICKS_DEPTH:
        raise InputError(f"{path}: nested more than {MAX_PICKS_DEPTH} levels deep, a picks file has 3; {fix}")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"{path}: not valid JSON ({error.msg} at line {error.lineno}, column {error.colno}); {fix}") from None
    except RecursionError:
        raise InputError(f"{path}: nested too deeply to read; {fix}") from None

    def fail(problem: str) -> InputError:
        return InputError(f"{path}: {problem}; {fix}")

    _check_keys(data, _TOP_KEYS, "the file", fail)
    if type(data["version"]) is not int or data["version"] != PICKS_VERSION:
        raise fail(f"'version' is {_short(data['version'])}, this tool reads version {PICKS_VERSION}")
    if not isinstance(data["article_id"], str) or not data["article_id"]:
        raise fail("'article_id' must be a non-empty string")
    if article_id is not None and data["article_id"] != article_id:
        raise InputError(f"{path}: the picks are for article {_short(data['article_id'])}, not '{article_id}'; "
                         f"use the picks file saved from this article's page, named {article_id}.json")
    themes = tuple(ThemePick(entry["id"], entry["label"])
                   for entry in _entries(data["themes"], "themes", _THEME_KEYS, fail))
    quote_picks = tuple(QuotePick(entry["id"]) for entry in _entries(data["quotes"], "quotes", _QUOTE_KEYS, fail))
    for pick in themes:
        if not pick.label.strip():
            raise fail(f"theme '{pick.id}' has an empty label")

    missing = [f"theme '{p.label}' ({p.id})" for p in themes if p.id not in _ids(candidates, "candidate_id")]
    missing += [f"quote {p.id}" for p in quote_picks if p.id not in _ids(quotes, "quote_id")]
    if missing:
        shown = ", ".join(missing[:MAX_LISTED]) + (f" and {len(missing) - MAX_LISTED} more" if len(missing) > MAX_LISTED else "")
        raise InputError(f"{path}: {len(missing)} pick(s) no longer in the analysis: {shown}; "
                         f"pick again on the new {PAGE_NAME} and save the file, or delete these entries")
    return Picks(data["article_id"], themes, quote_picks)


def _check_keys(value: object, keys: tuple[str, ...], where: str, fail) -> None:
    if not isinstance(value, dict):
        raise fail(f"{where} must be a JSON object with keys {', '.join(keys)}")
    unknown = sorted(set(value) - set(keys))
    if unknown:
        raise fail(f"{where} has unknown key(s) {', '.join(map(_short, unknown[:MAX_LISTED]))} (allowed: {', '.join(keys)})")
    absent = [key for key in keys if key not in value]
    if absent:
        raise fail(f"{where} lacks key(s) {', '.join(map(repr, absent))}")


def _entries(value: object, name: str, keys: tuple[str, ...], fail) -> list[dict]:
    if not isinstance(value, list):
        raise fail(f"'{name}' must be a list")
    seen = set()
    for number, entry in enumerate(value, 1):
        where = f"entry {number} of '{name}'"
        _check_keys(entry, keys, where, fail)
        for key in keys:
            if not isinstance(entry[key], str):
                raise fail(f"'{key}' of {where} must be a string, not {type(entry[key]).__name__}")
        if entry["id"] in seen:
            raise fail(f"{_short(entry['id'])} appears twice in '{name}'")
        seen.add(entry["id"])
    return value


def _nesting(text: str) -> int:
    """The deepest [ or { nesting of JSON text, strings skipped; read before parsing, in one pass."""
    depth = deepest = 0
    inside = escaped = False
    for char in text:
        if inside:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                inside = False
        elif char == '"':
            inside = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def _short(value: object) -> str:
    """A value for an error line: repr, cut to a readable length."""
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _ids(frame: pd.DataFrame, column: str) -> set[str]:
    return set(frame[column].astype(str)) if len(frame) else set()
