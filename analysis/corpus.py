"""The article data model and the loader: file or corpus folder -> `Article`.

An `Article` keeps the original text exactly as decoded; its sections (front matter, one
`Profile` per person, the byline) carry [start, end) spans that tile the whole text.
"""
from __future__ import annotations

import hashlib
import re
import warnings
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import encodings
from .errors import InputError
from .metadata import FIX, MetaFile, slug_from_name, text_file_inside, validate_meta
from .safeyaml import load_yaml_file
from .headings import Heading, is_heading_line, looks_like_profile_heading, parse_heading
from .script import to_simplified
from .lexicon import HAN, HAN_RE
from .text import strip_format

BUNDLED_CORPUS = Path(__file__).resolve().parent.parent / "corpus"
DEFAULT_ARTICLE_ID = "huaihai-2017-12345-stars"
META_FILE = "meta.yaml"

_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
# 淮海晚报记者 姜晴 刘晓兰 孙婧 / 本报记者 张三 / （记者 李四 通讯员 王五）, at the very end.
_BYLINE_RE = re.compile(
    r"(?:(?<=[。！？!?”’\s])|^)[（(]?"
    rf"(?P<outlet>本报|[{HAN}]{{2,8}}?(?:晚报|日报|时报|报社|报|电视台|台|社|网))?"
    r"(?P<kind>记者|通讯员|实习生)[\s\u3000:：]*"
    rf"(?P<names>[{HAN}]{{2,4}}(?:(?:[\s\u3000、,，]+|[\s\u3000]*(?:记者|通讯员|实习生)[\s\u3000]*)[{HAN}]{{2,4}})*)"
    r"[)）]?\s*$"
)


class ArticleWarning(UserWarning):
    """The article loaded, but not as expected (for example no profile headings found)."""


class HeadingWarning(UserWarning):
    """A line looks like a profile heading but was not taken as one: a reader should check it."""


class _HeadingNote(str):
    """A note of split_sections to be warned as a HeadingWarning (a guess, not a certainty)."""


@dataclass(frozen=True)
class Metadata:
    id: str
    title: str | None = None
    publication: str | None = None
    published: str | None = None  # "YYYY-MM" or "YYYY-MM-DD": anchors 今年 / 去年
    reporters: tuple[str, ...] = ()
    organisation: str | None = None
    language: str = "zh-Hans"
    source_note: str | None = None
    source_path: str | None = None
    encoding: str = "utf-8"
    sha256: str | None = None


@dataclass(frozen=True)
class Section:
    id: str
    kind: str  # "front" (title block and lede), "profile", "byline" or "body" (unsplit)
    start: int
    end: int


@dataclass(frozen=True)
class Profile(Section):
    role: str | None = None
    name: str = ""
    headline: str | None = None
    heading_start: int = 0
    heading_end: int = 0
    body_start: int = 0
    body_end: int = 0


@dataclass(frozen=True)
class Article:
    """An article: `text` is what the analysis reads, and every span is an offset into it.

    For Traditional Chinese input, `text` is the Simplified conversion and `source_text` the text
    as received; both have the same length, so a span means the same characters in each.
    """

    metadata: Metadata
    text: str
    sections: tuple[Section, ...]
    warnings: tuple[str, ...] = field(default=())
    source_text: str | None = None

    @property
    def original(self) -> str:
        """The text exactly as decoded from the file."""
        return self.source_text if self.source_text is not None else self.text

    @property
    def id(self) -> str:
        return self.metadata.id

    @property
    def profiles(self) -> tuple[Profile, ...]:
        return tuple(s for s in self.sections if isinstance(s, Profile))

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    def section_at(self, offset: int) -> Section:
        """The section holding the character at `offset`."""
        for section in self.sections:
            if section.start <= offset < section.end:
                return section
        raise IndexError(offset)

    def body(self, profile: Profile) -> str:
        return self.text[profile.body_start : profile.body_end]


@dataclass(frozen=True)
class _Line:
    start: int
    end: int  # excludes the line break
    text: str


def _lines(text: str) -> list[_Line]:
    lines = []
    for match in _LINE_RE.finditer(text):
        if match.start() == len(text) and lines:
            break
        raw = match.group(0)
        content = raw.rstrip("\r\n")
        lines.append(_Line(match.start(), match.start() + len(content), content))
    return lines


# Lines pasted after a closing byline (责任编辑, 上一篇/下一篇, copyright, share buttons) looked past.
MAX_TRAILING_LINES = 8


def find_byline(text: str) -> tuple[int, tuple[str, ...]] | None:
    """Start offset and reporter names of a closing byline: at the very end of the text, or
    followed only by a few short lines that do not read as sentences (web-page chrome pasted with
    the article), which then belong to the byline's section rather than to the last profile."""
    end = len(text.rstrip())
    for _ in range(MAX_TRAILING_LINES + 1):
        found = _byline_ending_at(text, end)
        if found or end == 0:
            return found
        line_start = max(text.rfind("\n", 0, end), text.rfind("\r", 0, end)) + 1
        if line_start == 0 or not is_heading_line(strip_format(text[line_start:end])):
            return None  # a sentence: the text does not end with a byline
        end = len(text[:line_start].rstrip())
    return None


def _byline_ending_at(text: str, end: int) -> tuple[int, tuple[str, ...]] | None:
    match = _BYLINE_RE.search(text[:end], max(0, end - 60))
    if not match:
        return None
    names = re.split(r"[\s\u3000、,，]+|记者|通讯员|实习生", match.group("names"))
    return match.start(), tuple(n for n in names if n)


def split_sections(text: str) -> tuple[tuple[Section, ...], tuple[str, ...], tuple[str, ...]]:
    """Sections tiling `text`, the byline's reporters, and warnings."""
    byline = find_byline(text)
    content_end = byline[0] if byline else len(text)
    # Headings are read without format characters (韩\u200b朋友 is 韩朋友); spans stay those of the text.
    lines = [replace(line, text=strip_format(line.text)) for line in _lines(text[:content_end])]
    lines = [line for line in lines if line.text.strip()]
    headings: list[tuple[_Line, _Line | None, Heading]] = []
    passed_over: list[_Line] = []
    for index, line in enumerate(lines):
        if not is_heading_line(line.text):
            continue
        following = lines[index + 1] if index + 1 < len(lines) else None
        heading_text, second = line.text, None
        # A heading broken over two lines: "ROLE NAME:" then the headline.
        if line.text.rstrip().endswith((":", "：")) and following and is_heading_line(following.text):
            heading_text, second = line.text.strip() + following.text.strip(), following
        body = _body_after(lines, index + (2 if second else 1))
        parsed = parse_heading(heading_text, body) if body else None
        if parsed:
            headings.append((line, second, parsed))
        elif body and looks_like_profile_heading(heading_text):  # with no text below, nothing is lost
            passed_over.append(line)

    notes = tuple(_passed_over_note(line, text, headings) for line in passed_over if headings)
    if not headings:
        message = "no profile headings found (ROLE+NAME:HEADLINE lines); loaded as one section"
        return (Section("body", "body", 0, content_end),) + _byline_section(byline, text), \
            (byline[1] if byline else ()), (message,)

    sections: list[Section] = []
    first_start = headings[0][0].start
    if first_start > 0:
        sections.append(Section("front", "front", 0, first_start))
    for number, (line, second, heading) in enumerate(headings, 1):
        end = headings[number][0].start if number < len(headings) else content_end
        heading_end = (second or line).end
        body_text = text[heading_end:end]
        body_start = heading_end + (len(body_text) - len(body_text.lstrip()))
        body_end = heading_end + len(body_text.rstrip())
        sections.append(
            Profile(
                id=f"p{number:02d}", kind="profile", start=line.start, end=end,
                role=heading.role, name=heading.name, headline=heading.headline,
                heading_start=line.start, heading_end=heading_end,
                body_start=body_start, body_end=max(body_start, body_end),
            )
        )
    sections.extend(_byline_section(byline, text))
    return tuple(sections), (byline[1] if byline else ()), notes


def _passed_over_note(line: _Line, text: str, headings: list) -> str:
    """A warning for a line shaped like a profile heading whose person was not confirmed."""
    before = [number for number, (heading, _, _) in enumerate(headings, 1) if heading.start < line.start]
    where = f"profile p{before[-1]:02d}" if before else "the front section"
    line_number = text.count("\n", 0, line.start) + 1
    return _HeadingNote(f"line {line_number} ({line.text.strip()[:30]!r}) looks like a profile heading, but no "
                        f"name in it recurs in the text below, so it was not taken and its text counts in {where}; "
                        "check the name's spelling in the heading and the text")


def _byline_section(byline: tuple[int, tuple[str, ...]] | None, text: str) -> tuple[Section, ...]:
    return (Section("byline", "byline", byline[0], len(text)),) if byline else ()


def _body_after(lines: list[_Line], index: int) -> str:
    """Text of the paragraphs after a heading, up to the next short heading-like line."""
    parts = []
    for line in lines[index:]:
        if parts and is_heading_line(line.text):
            break
        parts.append(line.text)
    return "\n".join(parts)


def parse_article(text: str, metadata: Metadata) -> Article:
    """Build an `Article` from decoded text; raises InputError for empty or non-Chinese text."""
    where = metadata.source_path or metadata.id
    if not text.strip():
        raise InputError(f"{where}: the file is empty; give a file that holds the article text")
    if not HAN_RE.search(text):
        raise InputError(f"{where}: no Chinese text found; this tool reads Chinese articles (check the file and its encoding)")
    conversion = to_simplified(text)
    source_text = text if conversion.traditional else None
    text = conversion.text
    sections, reporters, notes = split_sections(text)
    if conversion.traditional:
        notes += (f"Traditional Chinese detected ({conversion.changed} characters differ); analysed after "
                  "conversion to Simplified (OpenCC t2s), spans are the same in the original",)
    for note in notes:
        category = HeadingWarning if isinstance(note, _HeadingNote) else ArticleWarning
        warnings.warn(f"{where}: {note}", category, stacklevel=2)
    if reporters and not metadata.reporters:
        metadata = replace(metadata, reporters=reporters)
    return Article(metadata=metadata, text=text, sections=sections, warnings=notes, source_text=source_text)


def load_article(path: str | Path | None = None) -> Article:
    """Load an article from a text file or a corpus folder (with meta.yaml); default: the bundled one."""
    path = Path(path) if path is not None else BUNDLED_CORPUS / DEFAULT_ARTICLE_ID
    if not path.exists():
        raise InputError(f"{path}: no such file or folder; give the path of an article text file or a corpus folder")
    if path.is_dir():
        text_path, meta = _read_folder(path)
    else:
        text_path, meta = path, validate_meta({}, path, slug_from_name(path.stem))
    if not text_path.is_file():
        raise InputError(f"{text_path}: not a readable file; give the path of an article text file")
    encodings.check_size(text_path.stat().st_size, text_path)
    try:
        raw = text_path.read_bytes()
    except OSError as error:
        raise InputError(f"{text_path}: cannot be read ({error.strerror}); check the path and its permissions") from None
    text, encoding = encodings.decode(raw, text_path)
    metadata = _metadata(meta, text_path, encoding, hashlib.sha256(raw).hexdigest())
    return parse_article(text, metadata)


def _read_folder(folder: Path) -> tuple[Path, MetaFile]:
    meta_path = folder / META_FILE
    data = load_yaml_file(meta_path, FIX) if meta_path.exists() else {}
    meta = validate_meta(data, meta_path, slug_from_name(folder.resolve().name))
    if meta.file is not None:
        return text_file_inside(folder, meta.file, meta_path), meta
    texts = sorted(folder.glob("*.txt"))
    if len(texts) != 1:
        raise InputError(
            f"{folder}: expected one .txt article (found {len(texts)}); add 'file:' to {META_FILE} or keep one text file"
        )
    return texts[0], meta


def _metadata(meta: MetaFile, text_path: Path, encoding: str, digest: str) -> Metadata:
    if meta.sha256 and meta.sha256 != digest:
        warnings.warn(f"{text_path}: checksum differs from {META_FILE}; the text was changed since it was received",
                      ArticleWarning, stacklevel=3)
    return Metadata(
        id=meta.id,
        title=meta.title,
        publication=meta.publication,
        published=meta.published,
        reporters=tuple(meta.reporters),
        organisation=meta.organisation,
        language=meta.language or "zh-Hans",
        source_note=meta.source_note,
        source_path=str(text_path),
        encoding=encoding,
        sha256=digest,
    )
