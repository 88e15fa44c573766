"""The article data model and the loader: file or corpus folder -> `Article`.

An `Article` keeps the original text exactly as decoded; its sections (front matter, one
`Profile` per person, the byline) carry [start, end) spans that tile the whole text.
"""
from __future__ import annotations

import hashlib
import re
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from . import encodings, markup
from .errors import InputError
from .headings import (INTRO_SERIES, WHO_LABELS, NAME_BY_NER, NAME_OPENS_BODY, NAME_OPENS_LINE, NAME_ROLE_LINE, PERSON_OF_SECTION, SENTENCE_FINAL, TEAM_OPENS_BODY, Heading, Recogniser, heading_shape, is_heading_line, is_quotation,
                       intro_line_name, looks_like_profile_heading, name_opening, only_person, resolve, resolve_block,
                       section_person, team_opening)
from .layout import CAPTION, CHROME, CREDIT, REPORTER, author_names, byline_names, credit_names, line_kind, reporter_names
from .metadata import FIX, MetaFile, slug_from_name, text_file_inside, validate_meta
from .safeyaml import load_yaml_file
from .glosses import GlossMap, remove_glosses
from .script import to_simplified
from .lexicon import HAN, HAN_RE, QUOTED_TERM_MAX_CHARS
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


class StructureWarning(ArticleWarning):
    """How the article's structure was read (no profile headings, Traditional Chinese): the same
    note is in `Article.warnings`, with its Chinese text for the report's summary."""


class HeadingWarning(UserWarning):
    """A line looks like a profile heading but was not taken as one: a reader should check it."""


class ArticleNote(str):
    """A note about how the article was read: the English text (warned, logged) and `zh`, the
    same in Chinese for the report's summary. `heading`: a line shaped like a profile heading was
    not taken (a HeadingWarning, a guess rather than a certainty)."""

    def __new__(cls, text: str, zh: str, heading: bool = False):
        note = super().__new__(cls, text)
        note.zh, note.heading = zh, heading
        return note

    def __getnewargs__(self):  # a pickled article (batch workers) keeps its notes whole
        return str(self), self.zh, self.heading


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
    # "front" (title block and lede), "profile", "section" (a heading naming no one), "byline",
    # "body" (no headings), or a non-body kind of `layout` (caption, credit, chrome ...).
    kind: str
    start: int
    end: int
    rule: str = ""  # what decided this section: a heading rule ("dash-line:name-in-body") or a layout kind


@dataclass(frozen=True)
class Headed(Section):
    """A section under a heading line; `title` is the heading as printed (one or two lines)."""

    title: str = ""
    headline: str | None = None
    heading_start: int = 0
    heading_end: int = 0
    body_start: int = 0
    body_end: int = 0
    reporters: tuple[str, ...] = ()  # the section's own reporter line (本报记者 某某), if it has one


@dataclass(frozen=True)
class Profile(Headed):
    """A headed section with a subject: a person (`name`, `role`) or a team (`subject_kind` "team")."""

    role: str | None = None
    name: str = ""
    subject_kind: str = "person"  # or "team"


@dataclass(frozen=True)
class Article:
    """An article: `text` is what the analysis reads, and every span is an offset into it.

    `sections` tile the text in order. A section interrupted by a line that is not body text (a
    photo caption inside a profile, the reporter line under a heading) appears as several parts
    with the same id; `section(id)`, `section_at` and `profiles` give the whole section, its span
    running from its first part to its last.

    For Traditional Chinese input, `text` is the Simplified conversion and `source_text` the text
    in its own script; both have the same length, so a span means the same characters in each. For an
    HTML page, the text as received is the page's text taken out of its markup (analysis.markup).

    A copy with pinyin glosses after characters (`说(shuō)`, analysis/glosses.py) is read without
    them: `glosses` maps offsets of `text` (and `source_text`) to `original`, the text as received.
    The tables map their spans with it (analysis/printed.py); without glosses `original` is
    `source_text` or `text`, and every offset means the same in all of them.
    """

    metadata: Metadata
    text: str
    sections: tuple[Section, ...]
    warnings: tuple[str, ...] = field(default=())
    source_text: str | None = None
    glosses: GlossMap | None = None

    @property
    def original(self) -> str:
        """The text as received: as decoded from the file (an HTML page's text out of its markup)."""
        if self.glosses is not None:
            return self.glosses.original
        return self.source_text if self.source_text is not None else self.text

    def to_original(self, offset: int) -> int:
        """The offset in `original` of `offset` of `text` (a section's start or end, an extractor's span)."""
        return offset if self.glosses is None else self.glosses.to_original(offset)

    def analysed(self, start: int, end: int) -> str:
        """What the analysis read at the span [start, end) of `original` (a table's span)."""
        if self.glosses is None:
            return self.text[start:end]
        return self.text[self.glosses.to_text(start):self.glosses.to_text(end)]

    @property
    def id(self) -> str:
        return self.metadata.id

    @cached_property
    def _whole(self) -> dict[str, Section]:
        """Each section id -> the whole section (its parts joined), in article order."""
        whole: dict[str, Section] = {}
        for part in self.sections:
            first = whole.get(part.id)
            whole[part.id] = part if first is None else replace(first, end=part.end)
        return whole

    @property
    def profiles(self) -> tuple[Profile, ...]:
        return tuple(s for s in self._whole.values() if isinstance(s, Profile))

    @property
    def headed(self) -> tuple[Headed, ...]:
        """Every section under a heading, with or without a subject."""
        return tuple(s for s in self._whole.values() if isinstance(s, Headed))

    def section_ids(self, kinds: Iterable[str] | None = None) -> list[str]:
        """Section ids in article order, each once; only those of `kinds` if given."""
        return [i for i, s in self._whole.items() if kinds is None or s.kind in kinds]

    def parts(self, section_id: str) -> tuple[Section, ...]:
        return tuple(s for s in self.sections if s.id == section_id)

    def section(self, section_id: str) -> Section:
        try:
            return self._whole[section_id]
        except KeyError:
            raise KeyError(section_id) from None

    def section_at(self, offset: int) -> Section:
        """The (whole) section holding the character at `offset`."""
        for part in self.sections:
            if part.start <= offset < part.end:
                return self._whole[part.id]
        raise IndexError(offset)

    @cached_property
    def credited(self) -> tuple[str, ...]:
        """Photographers named by the credits and captions set aside (byline people, like reporters)."""
        names = (name for part in self.sections if part.kind in (CAPTION, CREDIT)
                 for line in self.text[part.start:part.end].splitlines() for name in credit_names(line))
        return tuple(dict.fromkeys(names))

    def body(self, profile: Headed) -> str:
        return self.text[profile.body_start : profile.body_end]


@dataclass(frozen=True)
class _Line:
    start: int
    end: int  # excludes the line break
    text: str
    kind: str | None = None  # a non-body kind from `layout`, or None


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


@dataclass(frozen=True)
class _Found:
    """A recognised heading: its first line, the lines it uses and what it says."""

    index: int  # of its first line in the list of non-empty lines
    lines: int
    heading: Heading
    shape: str


def _find_headings(lines: list[_Line], recogniser: Recogniser | None = None) -> list[_Found]:
    """Headings with a subject, and thematic headings that come in a series of one shape."""
    found: list[_Found] = []
    fields = _fact_box(lines)
    for index, line in enumerate(lines):
        if line.kind or not is_heading_line(line.text):
            continue
        if index in fields and not line.text.strip().startswith(tuple(WHO_LABELS)):
            continue  # 年龄：43岁 / 访谈人：某某: a field of a fact box, not a section heading
        following = lines[index + 1] if index + 1 < len(lines) and not lines[index + 1].kind else None
        shape = heading_shape(line.text, following.text if following else None)
        if shape is None:
            continue
        body = _body_after(lines, index + shape.lines)
        if not body:
            continue
        heading = resolve(shape, body, recogniser)
        if heading and _page_title(lines, index + shape.lines) and (heading.name or "") not in line.text:
            continue  # a page title that names no one: its person, found in the body, opens no section
        if heading:
            found.append(_Found(index, shape.lines, heading, shape.shape))
    found = _series(found)
    found = sorted(found + _intro_lines(lines, found, recogniser), key=lambda f: f.index)
    found = sorted(found + _series(_opened_by_person(_unmarked_headings(lines, found, recogniser), lines, recogniser)),
                   key=lambda f: f.index)
    found = sorted(found + _reporter_headings(lines, found, recogniser), key=lambda f: f.index)
    # Two lines read as one heading and the next as another: keep the first reading.
    kept: list[_Found] = []
    for f in found:
        if kept and f.index < kept[-1].index + kept[-1].lines:
            continue
        if (kept and f.heading.name and f.index == kept[-1].index + kept[-1].lines
                and f.heading.name == kept[-1].heading.name):
            # the same person's heading printed on two lines (交警王善云：HEADLINE / ORG负责人王善云——)
            kept[-1] = replace(kept[-1], lines=kept[-1].lines + f.lines)
            continue
        kept.append(f)
    ends = [f.index for f in kept[1:]] + [len(lines)]
    return _without_title([_introduced(f, _region_text(lines, f.index + f.lines, end), recogniser)
                           for f, end in zip(kept, ends)], lines)


def _without_title(found: list[_Found], lines: list[_Line]) -> list[_Found]:
    """Drop the article's title from the headings: the first heading with a subject, when no body paragraph stands
    before it (only set-aside and short lines: a page's menu, dateline, column tag), opens no
    section of its own if its person is not named in it (外卖小哥：不畏酷暑送餐忙, the person found in
    the body) and no heading found by the same rule follows it (a series: 114话务员： … 夜班班长： …), or if a later
    heading is about the same person (the title of a story cut by subheadings about that person);
    a title that names its person over an undivided story stays."""
    first = next((f for f in found if f.heading.subject_kind), None)
    if first is None:
        return found
    if any(not line.kind and not _block_line(line.text) for line in lines[:first.index]):
        return found
    title = re.sub(r"\s+", "", "".join(line.text for line in lines[first.index:first.index + first.lines]))  # 李 杰
    name = first.heading.name or ""
    others = [f for f in found if f is not first]
    if name in title:
        title_only = any(f.heading.name == name for f in others)
    else:  # the first of a series of like headings (114话务员： … 夜班班长： …) opens the first section
        title_only = not any(f.heading.rule == first.heading.rule for f in others)
    return others if title_only else found


_FIELD_LINE_RE = re.compile(rf"^[{HAN}]{{2,6}}[:：]\s*\S")
MAX_FIELD_LINE_CHARS = 30
MIN_FIELD_LINES = 3


def _fact_box(lines: list[_Line]) -> set[int]:
    """Indices of the lines of a fact box: three short LABEL：value lines or more in a row (人物：某某 /
    年龄：43岁 / 职业：出租车司机, or 访谈人：某某 / 访谈时间：… / 访谈地点：…). Its fields name no
    section; a who-label among them (人物：某某) still names the story's person."""
    found: set[int] = set()
    run: list[int] = []
    for index, line in enumerate(lines + [_Line(0, 0, "", None)]):
        text = line.text.strip()
        if (index < len(lines) and not line.kind and len(text) <= MAX_FIELD_LINE_CHARS and _FIELD_LINE_RE.match(text)
                and not any(mark in text[:-1] for mark in SENTENCE_FINAL)):
            run.append(index)
            continue
        if len(run) >= MIN_FIELD_LINES:
            found.update(run)
        run = []
    return found


def _opened_by_person(found: list[_Found], lines: list[_Line], recogniser: Recogniser | None) -> list[_Found]:
    """An unmarked subheading whose section's first sentence introduces a person (快速准确为群众解忧 /
    张景怡，…), or that says something over a section naming one person only, is that person's,
    alone as well as in a series."""
    result = []
    for f in found:
        if not f.heading.subject_kind:
            body = _body_after(lines, f.index + f.lines)
            name, rule = name_opening(body, recogniser), NAME_OPENS_BODY
            if not name and len(HAN_RE.findall(f.heading.headline or "")) >= MIN_SUBHEADING_HAN:
                name, rule = only_person(body, recogniser), PERSON_OF_SECTION
            if name:
                f = _with_subject(f, name, "person", rule)
        result.append(f)
    return result


MIN_SUBHEADING_HAN = 4  # a lone subheading over one person's section says something (not 故事一 or |||)


def _page_title(lines: list[_Line], after: int) -> bool:
    """The line before is a web page's title: the page's dateline or source line follows it
    (过年的安全守护者：消防员随时准备出警 / 2019-02-19 09:34 来源：人民网 责任编辑：…)."""
    return after < len(lines) and lines[after].kind == CHROME


def _region_text(lines: list[_Line], start: int, end: int) -> str:
    """The body lines of a section (not captions, credits ...) from `start` to `end`."""
    return "\n".join(line.text for line in lines[start:end] if not line.kind)


def _introduced(found: _Found, body: str, recogniser: Recogniser | None) -> _Found:
    """A heading that names nobody, over a section about one person or unit: that one's section.

    The section's first sentence introduces a person (忙到没时间上厕所 / 曹群先，新渥镇新渥村人) or a
    unit (某某中心社会教育科，成立于2015年); else, since thematic headings stand here only as a series
    (see `_series`), a section that names one person, or one far more than anyone else, unless the
    heading is a labelled theme."""
    heading = found.heading
    if heading.subject_kind:
        return found
    shape = heading.rule.split(":")[0]
    name = name_opening(body, recogniser)
    if name:
        return _with_subject(found, name, "person", NAME_OPENS_BODY)
    team = team_opening(body)
    if team:
        return _with_subject(found, team, "team", TEAM_OPENS_BODY)
    # A labelled theme (坚守：节日我们在岗, 奉献：…) groups stories by a value, not by a person: it
    # takes a subject only from an opening that introduces one.
    name = None if shape == "colon" else section_person(body, recogniser)
    if name:
        return _with_subject(found, name, "person", PERSON_OF_SECTION)
    return found


def _with_subject(found: _Found, name: str, kind: str, rule: str) -> _Found:
    """The heading given the subject its section shows, and the rule that found it after its shape's."""
    shape = found.heading.rule.split(":")[0]
    return replace(found, heading=replace(found.heading, name=name, subject_kind=kind, rule=f"{shape}:{rule}"))


def _series(found: list[_Found]) -> list[_Found]:
    """Keep a heading that names nobody only as one of a series (坚守：… 奉献：…), so that a stray
    short line with a colon (地址：…) does not cut the article; the article's first line is its
    title, never such a heading. A quotation line's subject is a guess: it too needs a series."""
    found = [f for f in found if f.heading.subject_kind or f.index > 0]
    # Distinct headings only: a page that prints its title twice has no series of sections.
    shapes = Counter(shape for shape, _, _ in {(f.shape, f.heading.headline, f.heading.label) for f in found})
    # Rules that read a person off a line's layout alone need lines naming two people or more.
    # (A line opening with a name whose body introduces that person counts in the series too.)
    layout_names = {rule: {f.heading.name for f in found if f.heading.rule.endswith(rule)
                           or rule == NAME_OPENS_LINE and f.heading.rule == f"line:{NAME_OPENS_BODY}"}
                    for rule in (NAME_ROLE_LINE, NAME_OPENS_LINE)}
    return [f for f in found
            if (f.heading.subject_kind and not f.heading.rule.startswith("quote-line") or shapes[f.shape] >= 2)
            and not any(f.heading.rule.endswith(rule) and len(names) < 2 for rule, names in layout_names.items())]


MAX_BLOCK_LINES = 3


def _block_line(text: str) -> bool:
    """A line that may belong to an unmarked heading block: short, no sentence punctuation inside,
    and not a sentence that ends with a quotation (务工人员张艳富健步如飞，“一年没回去，想家了！”);
    a heading may end with a short quoted term (陈某某和她的“爱心小屋”)."""
    stripped = text.strip()
    if not is_heading_line(stripped) or any(mark in stripped for mark in SENTENCE_FINAL):
        return False
    return not stripped.endswith(("”", "」", "』")) or is_quotation(stripped) or _ends_with_term(stripped)


def _ends_with_term(line: str) -> bool:
    """The line ends with a short quoted term and has no comma: a phrase, not a sentence with speech."""
    opening = max(line.rfind(mark) for mark in ("“", "「", "『"))
    return 0 < opening and len(line) - opening - 2 <= QUOTED_TERM_MAX_CHARS and not any(c in line for c in "，,")


def _unmarked_headings(lines: list[_Line], marked: list[_Found], recogniser: Recogniser | None) -> list[_Found]:
    """Runs of one to three short lines with no heading mark, between two body paragraphs
    (subheadings such as 单腿跳行的所长, or 1:30 合肥 / a role line / a headline)."""
    taken = {i for f in marked for i in range(f.index, f.index + f.lines)}
    body_line = [not line.kind and not _block_line(line.text) for line in lines]
    found: list[_Found] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        previous = next((j for j in range(index - 1, -1, -1) if not lines[j].kind), None)
        if line.kind or index in taken or body_line[index] or previous is None or not body_line[previous]:
            index += 1
            continue
        end = index
        # A photo caption may stand inside the block (NAME HEADLINE / caption / 人物简介:).
        while end < len(lines) and (lines[end].kind == CAPTION or not lines[end].kind and not body_line[end]) \
                and end not in taken:
            end += 1
        following = next((j for j in range(end, len(lines)) if not lines[j].kind), None)
        block = [lines[j].text for j in range(index, end) if not lines[j].kind]
        if len(block) <= MAX_BLOCK_LINES and following is not None and body_line[following]:
            heading = resolve_block(block, _body_after(lines, end), recogniser)
            if heading:
                found.append(_Found(index, end - index, heading, "line"))
        index = end
    return found


def _reporter_headings(lines: list[_Line], marked: list[_Found], recogniser: Recogniser | None) -> list[_Found]:
    """The one to three short lines right above a reporter line (本报记者 某某), when they name a
    person or a team: a section opening printed the way a paper opens a story, which needs no
    series of like headings to be believed (“第一道关” / 本报记者 任珊, or a quotation headline /
    ROLE NAME / 作者：本报记者 …)."""
    taken = {i for f in marked for i in range(f.index, f.index + f.lines)}
    found: list[_Found] = []
    for index, line in enumerate(lines):
        if line.kind != REPORTER:
            continue
        start = index
        while (start > 0 and index - start < MAX_BLOCK_LINES and not lines[start - 1].kind
               and start - 1 not in taken and _block_line(lines[start - 1].text)):
            start -= 1
        # The body starts within a few lines (a column tag such as 【我的抗疫故事】 may come first).
        following = next((j for j in range(index + 1, min(len(lines), index + 1 + MAX_BLOCK_LINES))
                          if not lines[j].kind and not _block_line(lines[j].text)), None)
        if start == index or following is None:
            continue
        heading = resolve_block([lines[j].text for j in range(start, index)], _body_after(lines, following),
                                recogniser)
        if heading and heading.subject_kind:
            found.append(_Found(start, index - start, heading, "line"))
    return found


def _intro_lines(lines: list[_Line], marked: list[_Found], recogniser: Recogniser | None) -> list[_Found]:
    """Lines that introduce a person: short lines giving a name and an age (张某某，43岁，四川某地人，
    木工。), as a photo series labels each picture, or bulleted items opening with a name and a colon
    (• 王某某：…). Each opens that person's section when the model tags the names of two lines of the
    same shape or more (a single one is a sentence of the story); in that series, a line whose
    surname-led name the model misses counts too."""
    taken = {i for f in marked for i in range(f.index, f.index + f.lines)}
    found, tagged = [], set()
    for index, line in enumerate(lines):
        intro = None if line.kind or index in taken else intro_line_name(line.text, recogniser)
        if intro:
            name, by_model, shape = intro
            evidence = NAME_BY_NER if by_model else INTRO_SERIES
            found.append(_Found(index, 1, Heading(None, name, None, "person", f"{shape}:{evidence}"), shape))
            tagged |= {(shape, name)} if by_model or recogniser is None else set()
    shapes = Counter(shape for shape, _ in tagged)
    return [f for f in found if shapes[f.shape] >= 2]


def person_recogniser() -> Recogniser | None:
    """The named-entity recogniser that confirms names in headings (Baidu LAC via analysis.names)."""
    try:
        from .names import lac_people
    except ImportError:  # the model's package is missing: headings rely on recurrence alone
        return None
    return lac_people


def _trailing_chrome(text: str) -> int:
    """Where the web-page chrome pasted after the article begins (分享到, 责任编辑, 上一篇 ...), or len(text)."""
    start = len(text)
    for line in reversed(_lines(text)):
        content = strip_format(line.text)
        if content.strip() and line_kind(content) != CHROME:
            break
        start = line.start
    return start


def split_sections(text: str, recogniser: Recogniser | None = None,
                   ) -> tuple[tuple[Section, ...], tuple[str, ...], tuple[str, ...]]:
    """Sections tiling `text`, the reporters (closing byline, then each section's), and warnings.

    `recogniser` confirms names that the cheap evidence leaves open (see `headings.resolve`). The
    closing byline is looked for before any chrome pasted after it, which stays set aside.
    """
    tail = _trailing_chrome(text)
    byline = find_byline(text[:tail])
    content_end = byline[0] if byline else len(text)
    # Lines are read without format characters (韩\u200b朋友 is 韩朋友); spans stay those of the text.
    lines = [replace(line, text=strip_format(line.text)) for line in _lines(text[:content_end])]
    lines = _author_lines(_label_image_lines([replace(line, kind=line_kind(line.text)) for line in lines if line.text.strip()]))
    found = _find_headings(lines, recogniser)
    # Regions: [start line index, end line index) with what heads them (None: front or whole body).
    bounds = [f.index for f in found]
    regions: list[tuple[int, int, _Found | None]] = []
    if not found or bounds[0] > 0:
        regions.append((0, bounds[0] if found else len(lines), None))
    for number, f in enumerate(found):
        regions.append((f.index, bounds[number + 1] if number + 1 < len(found) else len(lines), f))

    parts: list[Section] = []
    counters: Counter[str] = Counter()
    reporters: list[str] = list(byline[1]) if byline else []
    subject_count = 0
    for first, stop, head in regions:
        region_lines = lines[first:stop]
        if head is None:
            section_id = "front" if found else "body"
            template: Section = Section(section_id, section_id, 0, 0, "front" if found else "no-headings")
            # a reporter line under the title (本报记者 某某) names the story's reporters too
            own = [name for line in region_lines if line.kind == REPORTER for name in byline_names(line.text)]
            reporters += [r for r in own if r not in reporters]
        else:
            template, own_reporters = _headed(text, region_lines, head, counters)
            reporters += [r for r in own_reporters if r not in reporters]
            subject_count += bool(head.heading.subject_kind)
        parts += _parts(region_lines, template, counters)
    if parts:
        # Whitespace before the first line belongs to the first part; the last part runs to the byline.
        parts[0] = replace(parts[0], start=0)
        parts[-1] = replace(parts[-1], end=content_end)
    else:
        parts = [Section("body", "body", 0, content_end, "no-headings")] if content_end else []
    parts = _merge_same(parts)
    if byline:
        parts.append(Section("byline", "byline", byline[0], tail, "byline"))
        chrome = [replace(line, kind=CHROME) for line in _lines(text) if line.start >= tail and line.text.strip()]
        after = _parts(chrome, Section("byline", "byline", 0, 0), counters)
        if after:
            after[-1] = replace(after[-1], end=len(text))
            parts += _merge_same(after)
        else:
            parts[-1] = replace(parts[-1], end=len(text))

    notes: tuple[str, ...] = tuple(_passed_over_notes(text, lines, found, parts)) if subject_count else ()
    if not subject_count:
        themed = len(found)
        notes = (ArticleNote(
            "no profile headings found (ROLE+NAME:HEADLINE lines); "
            + (f"{themed} section headings name no person" if themed else "loaded as one section"),
            "没有找到点出人物的小标题（如“职务+姓名：标题”）"
            + (f"，{themed} 个小标题没有点出人物，作为无主角的分节" if themed else "，全文作为一节分析")
            + "；依赖人物段落的图表不画"),)
    return tuple(parts), tuple(reporters), notes


def _passed_over_notes(text: str, lines: list[_Line], found: list[_Found], parts: list[Section]) -> Iterator[str]:
    """A warning for each line shaped like a profile heading whose person was not confirmed."""
    used = {i for f in found if f.heading.subject_kind for i in range(f.index, f.index + f.lines)}
    for index, line in enumerate(lines):
        if line.kind or index in used or not looks_like_profile_heading(line.text):
            continue
        part = next(p for p in parts if p.start <= line.start < p.end)
        where = {"front": "the front section", "body": "the body"}.get(
            part.kind, f"{part.kind} {part.id}" + (" (a section without subject)" if part.kind == "section" else ""))
        where_zh = {"front": "导语", "body": "正文", "profile": f"人物段落 {part.id} ",
                    "section": f"无主角的分节 {part.id} "}.get(part.kind, f"{part.kind} {part.id} ")
        line_number = text.count("\n", 0, line.start) + 1
        shown = line.text.strip()[:30]
        yield ArticleNote(f"line {line_number} ({shown!r}) looks like a profile heading, but no "
                          f"name in it recurs in the text below, so it was not taken as a person's heading and "
                          f"its text counts in {where}; check the name's spelling in the heading and the text",
                          f"第 {line_number} 行（{shown}）像人物小标题，但其中的名字在下文没有再出现，没有当作人物"
                          f"小标题，它的文字算在{where_zh}里；请核对小标题和正文里名字的写法", heading=True)


_IMAGE_FILE_RE = re.compile(r"^\s*\S+\.(?:png|jpe?g|gif|webp|bmp)\s*$", re.IGNORECASE)
MAX_IMAGE_LABEL_CHARS = 8


def _label_image_lines(lines: list[_Line]) -> list[_Line]:
    """A short line right under a pasted image's file name (image.png / 陈小静) is the image's label."""
    for index in range(1, len(lines)):
        line, above = lines[index], lines[index - 1]
        if (not line.kind and above.kind == CAPTION and _IMAGE_FILE_RE.match(above.text)
                and len(line.text.strip()) <= MAX_IMAGE_LABEL_CHARS and is_heading_line(line.text)):
            lines[index] = replace(line, kind=CAPTION)
    return lines


def _author_lines(lines: list[_Line]) -> list[_Line]:
    """A line of two names or more and nothing else (张某某 陆某) above the first paragraph is the
    authors' byline (a reportage or a repost prints its authors so), not a heading."""
    for index, line in enumerate(lines):
        if not line.kind and not _block_line(line.text):
            break  # the first paragraph
        if not line.kind and author_names(line.text):
            lines[index] = replace(line, kind=REPORTER)
    return lines


def _headed(text: str, region: list[_Line], head: _Found, counters: Counter[str]) -> tuple[Headed, tuple[str, ...]]:
    """The section a heading opens (without its span yet), and its own reporters."""
    heading_lines = region[: head.lines]
    heading_end = heading_lines[-1].end
    body_lines = [line for line in region[head.lines:] if not line.kind]
    own_reporters = tuple(name for line in region if line.kind == REPORTER for name in byline_names(line.text))
    body_start = body_lines[0].start if body_lines else heading_end
    body_end = body_lines[-1].end if body_lines else heading_end
    h = head.heading
    title = " ".join(line.text.strip() for line in heading_lines)
    common = dict(start=0, end=0, rule=h.rule, title=title, headline=h.headline,
                  heading_start=heading_lines[0].start, heading_end=heading_end,
                  body_start=body_start, body_end=body_end, reporters=own_reporters)
    if h.subject_kind:
        counters["profile"] += 1
        return Profile(id=f"p{counters['profile']:02d}", kind="profile", role=h.role, name=h.name,
                       subject_kind=h.subject_kind, **common), own_reporters
    counters["section"] += 1
    return Headed(id=f"s{counters['section']:02d}", kind="section", **common), own_reporters


def _parts(region: list[_Line], template: Section, counters: Counter[str]) -> list[Section]:
    """The region cut into parts: runs of body lines (the template's id) and of each non-body kind."""
    parts: list[Section] = []
    for line in region:
        kind = line.kind or template.kind
        if parts and parts[-1].kind == kind and (line.kind is None or parts[-1].id.startswith(line.kind)):
            parts[-1] = replace(parts[-1], end=line.start)
            continue
        if parts:
            parts[-1] = replace(parts[-1], end=line.start)
        if line.kind:
            counters[line.kind] += 1
            parts.append(Section(f"{line.kind}{counters[line.kind]:02d}", line.kind, line.start, line.start, line.kind))
        else:
            parts.append(replace(template, start=line.start, end=line.start))
    return parts


def _merge_same(parts: list[Section]) -> list[Section]:
    """Set each part's end to the next part's start, so that the parts tile the text."""
    for number in range(len(parts) - 1):
        parts[number] = replace(parts[number], end=parts[number + 1].start)
    return [p for p in parts if p.end > p.start]


def _body_after(lines: list[_Line], index: int) -> str:
    """Text of the body paragraphs after a heading (not captions, credits ...), up to the next
    short heading-like line."""
    parts = []
    for line in lines[index:]:
        if line.kind:
            continue
        if parts and is_heading_line(line.text):
            break
        parts.append(line.text)
    return "\n".join(parts)


def parse_article(text: str, metadata: Metadata) -> Article:
    """Build an `Article` from decoded text; raises InputError for empty or non-Chinese text."""
    where = metadata.source_path or metadata.id
    if not text.strip():
        raise InputError(f"{where}: the file is empty; give a file that holds the article text")
    page = markup.is_page(text)
    if page:
        text = markup.page_text(text)
    if not HAN_RE.search(text):
        raise InputError(f"{where}: no Chinese text found; this tool reads Chinese articles (check the file and its encoding)")
    glosses = remove_glosses(text)
    text = glosses.text if glosses else text
    conversion = to_simplified(text)
    source_text = text if conversion.traditional else None
    text = conversion.text
    sections, reporters, notes = split_sections(text, person_recogniser())
    if conversion.traditional:
        notes += (ArticleNote(f"Traditional Chinese detected ({conversion.changed} characters differ); analysed after "
                              "conversion to Simplified (OpenCC t2s), spans are the same in the original",
                              f"这是繁体中文（{conversion.changed} 个字不同）：转换成简体（OpenCC t2s）后分析，"
                              "位置仍对应原文"),)
    if page:
        notes = (ArticleNote("an HTML page: its text was taken out of the markup (one line per paragraph) and "
                             "analysed; spans are offsets into that text",
                             "这是网页（HTML）：先去掉网页标记、取出正文（每段一行）再分析，位置对应取出的正文"),) + notes
    if glosses:
        notes += (ArticleNote(f"{len(glosses.removed)} pinyin glosses after characters (说(shuō)) read as if absent; "
                              "spans point into the text as received, glosses included",
                              f"原文字后有 {len(glosses.removed)} 处拼音注音（说(shuō)）：分析时略去，"
                              "位置仍对应原文（含注音）"),)
    for note in notes:
        category = HeadingWarning if note.heading else StructureWarning
        warnings.warn(f"{where}: {note}", category, stacklevel=2)
    if reporters and not metadata.reporters:
        metadata = replace(metadata, reporters=reporters)
    return Article(metadata=metadata, text=text, sections=sections, warnings=notes, source_text=source_text,
                   glosses=glosses)


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
