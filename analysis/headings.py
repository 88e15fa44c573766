"""Recognise profile headings such as ``话务员周蓝蓝:用“四心”换“满意”``.

Shapes understood: ``ROLE+NAME:HEADLINE`` (half- or full-width colon), ``NAME:HEADLINE``,
``HEADLINE——NAME``, a numbered heading (``一、…``, ``1.…``, ``（三）…``), and a role-only heading
whose person is named in the body. The role/name split is confirmed by the name recurring in the
body text, never by a list of people.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .lexicon import HAN

MAX_HEADING_CHARS = 40
MAX_WHO_CHARS = 15
SENTENCE_FINAL = tuple("。！？!?；;…")
COLONS = ":："
OPENING_QUOTES = tuple("“\"「『‘")

_NUMBERING_RE = re.compile(
    r"^\s*(?:第?[一二三四五六七八九十百零〇两\d０-９]+[、.．:：)）]|[（(][一二三四五六七八九十\d０-９]+[)）])\s*"
)
_COLON_RE = re.compile(rf"^(?P<who>[^{COLONS}]{{2,{MAX_WHO_CHARS}}})[{COLONS}]\s*(?P<headline>.+)$")
_DASH_RE = re.compile(rf"^(?P<headline>.+?)\s*(?:——|—|--|－－)\s*(?P<who>[^—\-－]{{2,{MAX_WHO_CHARS}}})$")
_HAN_RE = re.compile(f"^[{HAN}]+$")
_HAN_SEARCH_RE = re.compile(f"[{HAN}]")

# The last character of most Chinese job titles and units (员 话务员, 长 组长, 科 信息科 ...).
ROLE_ENDINGS = frozenset("员长科组师手工官任理家者部处室队生")


@lru_cache(maxsize=1)
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    """Single-character and compound surnames from the data file."""
    raw = resources.files("analysis.data").joinpath("surnames.txt").read_text(encoding="utf-8")
    words = {w for line in raw.splitlines() if not line.startswith("#") for w in line.split()}
    return frozenset(w for w in words if len(w) == 1), frozenset(w for w in words if len(w) == 2)


def looks_like_name(candidate: str) -> bool:
    """2 to 4 Han characters led by a known surname (compound surnames for 3 and 4)."""
    if not (2 <= len(candidate) <= 4 and _HAN_RE.match(candidate)):
        return False
    single, compound = surnames()
    if candidate[:2] in compound and len(candidate) >= 3:
        return True
    return candidate[0] in single and len(candidate) <= 3


@dataclass(frozen=True)
class Heading:
    role: str | None
    name: str
    headline: str | None


def _standalone_count(candidate: str, before: str, body: str) -> int:
    """Occurrences of candidate in body not directly preceded by `before` (the heading's char)."""
    count = 0
    for match in re.finditer(re.escape(candidate), body):
        if not before or match.start() == 0 or body[match.start() - 1] != before:
            count += 1
    return count


def split_role_name(who: str, body: str) -> tuple[str | None, str] | None:
    """Split ``话务班长韩朋友`` into (``话务班长``, ``韩朋友``), confirmed by the body.

    Each name-shaped suffix of `who` is scored by how often it stands in the body without the
    heading character before it; the best-scoring (then the longest) wins. A `who` that is a role
    word alone returns None here: see `name_from_body`.
    """
    who = re.sub(r"\s+", "", who)
    best: tuple[int, int, str] | None = None
    for length in range(min(4, len(who)), 1, -1):
        candidate = who[-length:]
        if not looks_like_name(candidate):
            continue
        before = who[-length - 1] if length < len(who) else ""
        score = _standalone_count(candidate, before, body)
        if score and (best is None or (score, length) > best[:2]):
            best = (score, length, candidate)
    if best is None:
        return None
    name = best[2]
    role = who[: -len(name)] or None
    return role, name


def name_from_body(body: str) -> str | None:
    """The person most often named in the body: a surname-led string that recurs.

    Used for a role-only heading (``质检员：工作严肃生活暖心`` with the name in the body).
    Prefers three characters over two when both recur equally, since a two-character match
    is often the start of the three-character name.
    """
    counts: Counter[str] = Counter()
    for length in (3, 2):
        for index in range(len(body) - length + 1):
            candidate = body[index : index + length]
            if looks_like_name(candidate):
                counts[candidate] += 1
    recurring = [(n, len(c), c) for c, n in counts.items() if n >= 2]
    if not recurring:
        return None
    top = max(recurring)
    # A three-character name counts its two-character prefix too; keep the longer one.
    longer = [c for n, length, c in recurring if length == 3 and c.startswith(top[2]) and n >= top[0] - 1]
    return longer[0] if top[1] == 2 and longer else top[2]


def is_heading_line(line: str) -> bool:
    """A short line that does not end like a sentence."""
    stripped = line.strip()
    return 0 < len(stripped) <= MAX_HEADING_CHARS and not stripped.endswith(SENTENCE_FINAL)


def parse_heading(line: str, body: str) -> Heading | None:
    """Read a heading line against the body that follows it; None if it names no person."""
    text = line.strip()
    numbered = _NUMBERING_RE.match(text)
    if numbered:
        text = text[numbered.end() :].strip()
    for pattern in (_COLON_RE, _DASH_RE):
        match = pattern.match(text)
        if match:
            found = _who(match.group("who"), body)
            if found:
                return Heading(found[0], found[1], match.group("headline").strip() or None)
    if numbered and len(text) <= MAX_WHO_CHARS:
        found = _who(text, body)
        if found:
            return Heading(found[0], found[1], None)
    return None


def looks_like_profile_heading(line: str) -> bool:
    """A ROLE+NAME:HEADLINE or HEADLINE——NAME line whose `who` has a role ending or a name shape,
    whether or not the name is confirmed by the text: what a reader would take for a heading."""
    text = line.strip()
    if any(mark in text for mark in SENTENCE_FINAL):
        return False  # 张晓说:“今天很忙。后来…: a sentence of speech, not a heading
    numbered = _NUMBERING_RE.match(text)
    text = text[numbered.end():].strip() if numbered else text
    for pattern in (_COLON_RE, _DASH_RE):
        match = pattern.match(text)
        headline = match.group("headline").strip() if match else ""
        if not match or headline.startswith(OPENING_QUOTES) or not _HAN_SEARCH_RE.search(headline):
            continue
        who = re.sub(r"\s+", "", _strip_symbols(match.group("who")))
        if len(who) >= 2 and _HAN_RE.match(who):
            if who[-1] in ROLE_ENDINGS or any(looks_like_name(who[-n:]) for n in (2, 3, 4) if n <= len(who)):
                return True
    return False


def _strip_symbols(who: str) -> str:
    """`who` without emoji, other symbols, their modifiers and spaces at either end (韩朋友😊)."""
    def decoration(char: str) -> bool:
        return char.isspace() or unicodedata.category(char)[0] == "S" or unicodedata.category(char) in ("Mn", "Cf")

    start, end = 0, len(who)
    while start < end and decoration(who[start]):
        start += 1
    while end > start and decoration(who[end - 1]):
        end -= 1
    return who[start:end]


def _who(who: str, body: str) -> tuple[str | None, str] | None:
    who = _strip_symbols(who)
    split = split_role_name(who, body)
    if split:
        return split
    if who and who[-1] in ROLE_ENDINGS and _HAN_RE.match(who):
        name = name_from_body(body)
        if name:
            return who, name
    return None
