"""Reading numbers in Chinese text: Arabic and Chinese numerals, ranges and approximations.

Works on one (normalised) string and returns spans into that string; `facts` maps them back
to the article. Chinese numerals are read with cn2an rather than by hand. Vague numbers become
ranges that say only what the words say: 几十 is 20 to 90, 十几 is 11 to 19, 上百 is about 100.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import cn2an

CN_DIGITS = "零〇一二两三四五六七八九"
CN_POWERS = "十百千万亿"
_ARABIC = r"\d+(?:\.\d+)?"
_CHINESE = rf"[{CN_DIGITS}{CN_POWERS}]+"
# 几十 / 十几 / 数百 / 上百: the vague numbers of reporting.
_VAGUE = rf"(?:几[{CN_POWERS}]|十几|数[{CN_POWERS}]|上[百千万])"
# 四五 / 六七十 / 三四百: two neighbouring digits read as a range.
_NEIGHBOURS = r"[一二三四五六七八][二三四五六七八九][十百千万]?"
_ATOM = rf"(?:{_VAGUE}|{_ARABIC}|{_CHINESE})"
_RANGE_LINK = r"(?:到|至|~|～|－|-|—|乃至|甚至)"
# "多"/"余" right after the number (60多个, 三十余人); after a unit they are read by facts.
_AFTER = r"(?:多|余)"
_NUMBER_RE = re.compile(rf"(?P<low>{_ATOM})(?P<after_low>{_AFTER})?(?:{_RANGE_LINK}(?P<high>{_ATOM})(?P<after_high>{_AFTER})?)?")
OPEN_ABOVE = ("超过", "至少")
_PREFIX_RE = re.compile(r"(?<![最附])(?P<word>将近|接近|大约|大概|大致|差不多|超过|至少|近|约)(?:有|是|在|达到|达)?$")


@dataclass(frozen=True)
class NumberSpan:
    """A number, range or approximation found in a string; `start`/`end` index that string."""

    start: int
    end: int
    text: str
    value: float | None  # the stated number; None for a range or a vague number
    low: float | None
    high: float | None  # None when open above (60多, 超过60)
    approx: bool
    qualifier: str  # the words that make it approximate (多, 近, 几十乃至上百 ...), "" if exact
    chinese: bool  # written (at least partly) in Chinese numerals


def read_numeral(text: str, strict: bool = False) -> float | None:
    """The value of one Arabic or Chinese numeral (365, 二十, 一百五十, 两); None if it is not one.

    The project's one numeral reader (cn2an). `strict`: only a numeral written the regular way,
    so 四五 (an estimate, 4 to 5) is None rather than 45, and 二〇一七 is None rather than 2017.
    """
    if not text:
        return None
    if re.fullmatch(_ARABIC, text):
        return float(text)
    return _read_chinese(text, strict)


@lru_cache(maxsize=1024)
def _read_chinese(text: str, strict: bool) -> float | None:
    if not re.fullmatch(_CHINESE, text):
        return None
    try:
        return float(cn2an.cn2an(text.replace("两", "二"), "strict") if strict else cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError):
        return None


def _read_atom(text: str) -> tuple[float | None, float | None, bool]:
    """(low, high, approx) for one atom: a plain numeral, neighbouring digits or a vague number."""
    if text.startswith("几") or text.startswith("数"):
        power = read_numeral("一" + text[1:])
        return (2 * power, 9 * power, True) if power else (None, None, True)
    if text == "十几":
        return 11.0, 19.0, True
    if text.startswith("上"):
        power = read_numeral("一" + text[1:])
        return power, power, True
    if re.fullmatch(_NEIGHBOURS, text):
        first, second = read_numeral(text[0]), read_numeral(text[1])
        if first is not None and second == first + 1:
            power = read_numeral("一" + text[2:]) if len(text) == 3 else 1.0
            return first * power, second * power, True
    value = read_numeral(text)
    return value, value, False


def find_numbers(text: str) -> list[NumberSpan]:
    """Every number in `text` with its range and approximation words, left to right.

    A number glued to a longer run of digits or a hyphenated code (0517-12345) is still
    returned here; deciding what counts as a quantity is the caller's job.
    """
    found = []
    position = 0
    while (match := _NUMBER_RE.search(text, position)) is not None:
        low_text, high_text = match.group("low"), match.group("high")
        if high_text is not None and _mixed_scripts(low_text, high_text):
            high_text = None  # "300到七个" is not a range: read 300, then 七 on its own
            end = match.start() + len(low_text) + len(match.group("after_low") or "")
        else:
            end = match.end()
        position = end
        low, low_high, low_approx = _read_atom(low_text)
        if low is None and low_high is None:
            continue
        qualifiers = []
        approx = low_approx or bool(match.group("after_low"))
        if high_text is not None:
            high_low, high, high_approx = _read_atom(high_text)
            if high is None:
                continue
            approx = approx or high_approx or bool(match.group("after_high"))
            value = None
        else:
            high = low_high
            value = low if low == high and not low_approx else None
        start = match.start()
        prefix = _PREFIX_RE.search(text, max(0, start - 6), start)
        if prefix and prefix.end() == start:
            approx = True
            qualifiers.append(prefix.group("word"))
        if low_approx or high_text is not None and _read_atom(high_text)[2]:
            qualifiers.append(text[start:end])
        qualifiers += [m for m in (match.group("after_low"), match.group("after_high") if high_text else None) if m]
        if (match.group("after_high") if high_text else match.group("after_low")) or \
                prefix and prefix.end() == start and prefix.group("word") in OPEN_ABOVE:
            high = None  # 60多 / 超过60: at least 60, no stated upper bound
        found.append(NumberSpan(
            start=start, end=end, text=text[start:end], value=value, low=low, high=high,
            approx=approx, qualifier="".join(dict.fromkeys(qualifiers)),
            chinese=bool(re.search(f"[{CN_DIGITS}{CN_POWERS}几数上]", text[start:end])),
        ))
    return found


def plain_number(value: float | None) -> float | int | None:
    """9.0 -> 9 for output (JSON, CSV); other values unchanged."""
    return int(value) if value is not None and float(value).is_integer() else value


def _mixed_scripts(low: str, high: str) -> bool:
    """A range joins numbers of one script (200到300, 六到七), not 300到七."""
    return bool(re.fullmatch(_ARABIC, low)) != bool(re.fullmatch(_ARABIC, high))
