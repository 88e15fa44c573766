"""The one CJK font of every figure, registered by file path, and missing glyphs as errors.

WenQuanYi Micro Hei (Debian `fonts-wqy-microhei`, Apache-2.0 or GPL-3+ with font exception) is
chosen because its outlines are TrueType (`glyf`), so matplotlib's `pdf.fonttype: 42` embeds it
as the CID TrueType font it really is and poppler reports no type mismatch (Noto CJK is CFF).
It has one design, with mainland (GB) glyph forms: its .ttc holds only "WenQuanYi Micro Hei"
(face 0) and its monospaced twin (face 1), so Pillow's default face 0, which wordcloud opens,
is the same face matplotlib draws with. It covers all 850 distinct non-ASCII characters of the
bundled article and Latin and digits too, so no second font is ever needed.
"""
from __future__ import annotations

import contextlib
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import InputError

FONT_PACKAGE = "fonts-wqy-microhei"  # scripts/system-packages.txt installs it
FONT_FILE = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
FONT_FACE_INDEX = 0  # the proportional Micro Hei; Pillow and matplotlib both default to face 0
FONT_FAMILY = "WenQuanYi Micro Hei"

_MISSING_GLYPH = re.compile(r"Glyph (\d+) .*missing from font")


class MissingGlyphError(RuntimeError):
    """A figure asked for a character that the house font cannot draw."""


@dataclass(frozen=True)
class HouseFont:
    path: Path
    face_index: int
    family: str


@lru_cache(maxsize=1)
def house_font() -> HouseFont:
    """Register the house font with matplotlib (once per process) and return where it lives."""
    from matplotlib import font_manager, ft2font

    if not FONT_FILE.exists():
        raise InputError(f"{FONT_FILE}: the figures' font is not installed; "
                         f"run `make setup` or `apt-get install {FONT_PACKAGE}`")
    face = ft2font.FT2Font(str(FONT_FILE), face_index=FONT_FACE_INDEX)
    if face.family_name != FONT_FAMILY:
        raise InputError(f"{FONT_FILE}: face {FONT_FACE_INDEX} is {face.family_name!r}, "
                         f"expected {FONT_FAMILY!r}; reinstall {FONT_PACKAGE}")
    font_manager.fontManager.addfont(str(FONT_FILE))
    return HouseFont(FONT_FILE, FONT_FACE_INDEX, FONT_FAMILY)


def missing_glyphs(text: str) -> list[str]:
    """The characters of `text` (other than whitespace) that the house font has no glyph for."""
    from matplotlib import ft2font

    face = ft2font.FT2Font(str(house_font().path), face_index=FONT_FACE_INDEX)
    charmap = face.get_charmap()
    return sorted({c for c in text if not c.isspace() and ord(c) not in charmap})


@contextlib.contextmanager
def strict_glyphs() -> Iterator[None]:
    """Turn matplotlib's "Glyph ... missing from font(s)" warning into `MissingGlyphError`.

    Matplotlib draws an empty box for a missing glyph, which no text extraction can detect;
    the warning is the only sign, so a build must fail on it.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield
    missing = []
    for record in caught:
        match = _MISSING_GLYPH.search(str(record.message))
        if match:
            missing.append(chr(int(match.group(1))))
        else:
            warnings.warn_explicit(record.message, record.category, record.filename, record.lineno)
    if missing:
        chars = "".join(sorted(set(missing)))
        raise MissingGlyphError(f"the house font {FONT_FAMILY} ({FONT_FILE.name}) has no glyph for: {chars}")
