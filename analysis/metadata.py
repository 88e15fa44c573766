"""meta.yaml: the fields of an article folder, validated by a schema before anything uses them.

The `id` names the output folder and the picks file, so it must be a plain name (a slug), never a
path; `file:` must stay inside the article's folder; `reporters` is a list of names (a single
name is accepted as a list of one). Every problem is one InputError line naming the field.
"""
from __future__ import annotations

import datetime
import re
import warnings
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, ValidationError, field_validator

from .errors import InputError

# Letters of any script, digits, "_", "-" and "."; no separators, no leading dot, at most 120.
SLUG_RE = re.compile(r"^(?!\.)[\w.\-]{1,120}$")
_UNSAFE_RE = re.compile(r"[^\w.\-]+")
_PUBLISHED_RE = re.compile(r"^\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?$")
KNOWN_FIELDS = ("id", "file", "sha256", "title", "publication", "publication_place", "published", "reporters",
                "organisation", "language", "source_note", "url")
FIX = "fix the metadata file"


def is_slug(value: str) -> bool:
    return bool(SLUG_RE.match(value)) and ".." not in value


def slug_from_name(name: str) -> str:
    """A safe id made from a file or folder name: unsafe runs become "-" (文章 (1) -> 文章-1)."""
    slug = _UNSAFE_RE.sub("-", name).strip("-.").replace("..", ".")[:120]
    return slug or "article"


def _to_text(value: object) -> object:
    if isinstance(value, bool):
        return value  # left for the type check to refuse
    return str(value) if isinstance(value, (int, float, datetime.date)) else value


def _to_names(value: object) -> object:
    if value is None:
        return []
    return [value] if isinstance(value, str) else value  # "姜晴" is one reporter, not 姜 and 晴


Text = Annotated[str, BeforeValidator(_to_text)]


class MetaFile(BaseModel):
    """The fields a meta.yaml may hold; unknown ones are kept out, with a warning."""

    model_config = ConfigDict(extra="ignore", frozen=True, strict=False)

    id: Text
    file: Text | None = None
    sha256: Text | None = None
    title: Text | None = None
    publication: Text | None = None
    publication_place: Text | None = None
    published: Text | None = None
    reporters: Annotated[list[str], BeforeValidator(_to_names)] = []
    organisation: Text | None = None
    language: Text | None = None  # absent or empty: zh-Hans
    source_note: Text | None = None
    url: Text | None = None

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not is_slug(value):
            raise ValueError(f"{value[:60]!r} is not a plain name: use letters, digits, '-', '_' or '.' "
                             "(no '/', '\\', '..' or spaces), e.g. huaihai-2017-12345-stars")
        return value

    @field_validator("published")
    @classmethod
    def _date(cls, value: str | None) -> str | None:
        if value is not None and not _PUBLISHED_RE.match(value):
            raise ValueError(f"{value[:40]!r} is not a date: write YYYY-MM-DD or YYYY-MM")
        return value

    @field_validator("reporters")
    @classmethod
    def _names(cls, value: list[str]) -> list[str]:
        return [name.strip() for name in value if name.strip()]


def validate_meta(data: object, meta_path: Path, default_id: str) -> MetaFile:
    """`data` from meta.yaml as a MetaFile; the id defaults to the folder's name made safe."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(f"{meta_path}: expected a mapping of fields (id, file, published ...); {FIX}")
    unknown = sorted(str(key) for key in data if key not in KNOWN_FIELDS)
    if unknown:
        warnings.warn(f"{meta_path}: unknown field(s) {', '.join(unknown)} ignored "
                      f"(known: {', '.join(KNOWN_FIELDS)})", UserWarning, stacklevel=3)
    fields = {key: value for key, value in data.items() if key in KNOWN_FIELDS}
    fields.setdefault("id", default_id)
    try:
        return MetaFile.model_validate(fields)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"]) or "meta.yaml"
        message = first["msg"].removeprefix("Value error, ")
        raise InputError(f"{meta_path}: field '{field}': {message}; {FIX}") from None


def text_file_inside(folder: Path, name: str, meta_path: Path) -> Path:
    """The article file named by `file:`, refused unless it lies inside `folder` (links resolved)."""
    candidate = Path(name)
    resolved = (folder / candidate).resolve()
    if candidate.is_absolute() or not resolved.is_relative_to(folder.resolve()):
        raise InputError(f"{meta_path}: field 'file': {name!r} is outside the article's folder; "
                         f"put the text file in {folder} and give its name only")
    return folder / candidate
