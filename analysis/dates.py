"""Dates and clock times: absolute (2017年5月18日), relative (今年4月, 五年前, 当天) and clock times.

Read sentence by sentence from the normalised text, each with a span in the original article.
Relative dates are resolved against `article.metadata.published`; without it they stay
unresolved. 当天/第二天 resolve to a full date stated at most three sentences earlier in the same
section; a clock time joins a full date of its sentence. Quantities (`facts`) leave these spans out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .corpus import Article
from .numerals import read_numeral
from .pipeline import Analysis, per_analysis, table
from .text import Sentence, normalize

_CN_SMALL = "一二三四五六七八九十两〇零"
_DATE_RE = re.compile(
    rf"(?P<rel>今年|去年|前年|明年|本月|上个月)?"
    rf"(?:(?P<y>\d{{4}})年)?"
    rf"(?:(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月份?)?"
    rf"(?:(?P<d>3[01]|[12]\d|0?[1-9]|[{_CN_SMALL}]{{1,3}})[日号])?"
)
_AGO_RE = re.compile(rf"(?P<n>\d+|[{_CN_SMALL}]{{1,3}})(?P<unit>年|个月|天)(?:前|之前|以前)")
_SAME_DAY_RE = re.compile(r"当天|当日|当晚|那天|次日|第二天")
_CLOCK_RE = re.compile(
    r"(?P<day>第二天|次日|当天|当晚)?"
    r"(?P<part>凌晨|早上|早晨|清晨|上午|中午|午后|下午|傍晚|晚上|夜里|夜间|深夜|半夜)?"
    rf"(?P<h>\d{{1,2}}|[{_CN_SMALL}]{{1,3}})点(?:(?P<half>半)|(?P<min>\d{{1,2}})分)?(?P<more>多)?钟?(?P<around>左右)?"
)
_AFTERNOON = ("下午", "傍晚", "晚上", "夜里", "夜间", "深夜", "午后")


@dataclass(frozen=True)
class DateMention:
    profile_id: str
    text: str  # article.text[start:end]
    kind: str  # "absolute", "relative" (needs the publication date or an earlier date) or "clock"
    year: int | None
    month: int | None
    day: int | None
    hour: int | None
    resolved: str  # "2016-10-03", "2017-04", "2012", "21:00", "2016-10-03T23:00"; "" if unknown
    approx: bool
    start: int
    end: int


def published_date(article: Article) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) of publication from the metadata ("2017-11" or "2017-11-17")."""
    match = re.match(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", article.metadata.published or "")
    if not match:
        return None
    year, month, day = match.groups()
    return int(year), int(month) if month else None, int(day) if day else None


def _number(text: str | None) -> int | None:
    value = read_numeral(text) if text else None
    return int(value) if value is not None else None


def _iso(year: int | None, month: int | None = None, day: int | None = None) -> str:
    if year is None:
        return ""
    return "-".join([f"{year:04d}"] + [f"{v:02d}" for v in (month, day) if v is not None][: (2 if day else 1 if month else 0)])


def _sentence_dates(sentence: Sentence, article: Article) -> list[tuple[int, int, dict]]:
    """Raw date and clock matches of one sentence: (normalised start, end, fields)."""
    norm = normalize(article.text, sentence.start, sentence.end)
    text = norm.text
    found: list[tuple[int, int, dict]] = []
    taken = [False] * len(text)

    def add(start: int, end: int, fields: dict) -> None:
        if any(taken[start:end]):
            return
        taken[start:end] = [True] * (end - start)
        found.append((start, end, fields))

    for match in _CLOCK_RE.finditer(text):
        hour = _number(match.group("h"))
        chinese_bare = not match.group("h").isdigit() and not match.group("part")
        if hour is None or hour > 24 or chinese_bare or text[match.end():match.end() + 1] in ("儿", "点"):
            continue
        if match.group("part") in _AFTERNOON and 1 <= hour < 12 and not (match.group("part") in ("夜里", "深夜", "夜间") and hour < 5):
            hour += 12
        minute = 30 if match.group("half") else _number(match.group("min")) or 0
        add(match.start(), match.end(), {"kind": "clock", "hour": hour % 24, "minute": minute,
                                        "next_day": match.group("day") in ("第二天", "次日"),
                                        "approx": bool(match.group("more") or match.group("around"))})
    for match in _AGO_RE.finditer(text):
        if match.start() > 0 and text[match.start() - 1] in "第":
            continue
        add(match.start(), match.end(), {"kind": "ago", "n": _number(match.group("n")), "unit": match.group("unit")})
    for match in _DATE_RE.finditer(text):
        if not match.group(0):
            continue
        rel, year, month, day = match.group("rel"), match.group("y"), match.group("m"), match.group("d")
        if not (rel or year or month):
            continue
        if month and not (year or rel or day) and match.group(0).endswith("月"):
            # "7月" alone is a date, but "一个月"/"十月怀胎" style counts are not: need 份 or a digit month
            if not re.fullmatch(r"\d{1,2}月份?", match.group(0)):
                continue
        if match.start() > 0 and text[match.start() - 1].isdigit():
            continue
        if year and not (rel or month) and match.end() < len(text) and text[match.end()] in "前":
            continue
        add(match.start(), match.end(), {"kind": "date", "rel": rel, "year": int(year) if year else None,
                                        "month": _number(month), "day": _number(day)})
    for match in _SAME_DAY_RE.finditer(text):
        add(match.start(), match.end(), {"kind": "same_day", "word": match.group(0)})
    spans = []
    for start, end, fields in sorted(found, key=lambda item: item[0]):
        source_start, source_end = norm.to_source(start, end)
        spans.append((source_start, source_end, fields))
    return spans


@per_analysis
def extract_dates(analysis: Analysis) -> list[DateMention]:
    """Dates, relative dates and clock times of the whole article, in text order."""
    article = analysis.article
    anchor = published_date(article)
    mentions: list[DateMention] = []
    last_full: dict[str, tuple[int, date]] = {}  # section -> (sentence index, latest full date)
    for sentence in analysis.sentences:
        sentence_date: date | None = None
        for start, end, fields in _sentence_dates(sentence, article):
            mention = _resolve(article, sentence, start, end, fields, anchor, last_full, sentence_date)
            mentions.append(mention)
            if mention.kind != "clock" and mention.day is not None and mention.year is not None:
                sentence_date = date(mention.year, mention.month, mention.day)
                last_full[sentence.section_id] = (sentence.index, sentence_date)
    return mentions


def _resolve(article: Article, sentence: Sentence, start: int, end: int, fields: dict, anchor,
             last_full: dict[str, tuple[int, date]], sentence_date: date | None) -> DateMention:
    text = article.text[start:end]
    base = dict(profile_id=sentence.section_id, text=text, start=start, end=end, approx=False,
                year=None, month=None, day=None, hour=None)
    anchor_year = anchor[0] if anchor else None
    kind = fields["kind"]
    if kind == "clock":
        resolved = f"{fields['hour']:02d}:{fields['minute']:02d}"
        day = sentence_date
        if day and fields["next_day"]:
            day = day + timedelta(days=1)
        if day:
            resolved = f"{day.isoformat()}T{resolved}"
        return DateMention(**{**base, "kind": "clock", "hour": fields["hour"], "resolved": resolved,
                              "approx": fields["approx"],
                              "year": day.year if day else None, "month": day.month if day else None,
                              "day": day.day if day else None})
    if kind == "ago":
        if fields["unit"] == "年" and anchor_year and fields["n"] is not None:
            year = anchor_year - fields["n"]
            return DateMention(**{**base, "kind": "relative", "year": year, "resolved": str(year)})
        return DateMention(**{**base, "kind": "relative", "resolved": ""})
    if kind == "same_day":
        recent = last_full.get(sentence.section_id)
        # 当天 refers back to a full date stated shortly before in the same profile, if any.
        if recent and sentence.index - recent[0] <= 3:
            day = recent[1] + timedelta(days=1) if fields["word"] in ("次日", "第二天") else recent[1]
            return DateMention(**{**base, "kind": "relative", "year": day.year, "month": day.month,
                                  "day": day.day, "resolved": day.isoformat()})
        return DateMention(**{**base, "kind": "relative", "resolved": ""})
    rel, year, month, day = fields["rel"], fields["year"], fields["month"], fields["day"]
    relative = year is None
    if year is None and anchor_year:
        offsets = {"今年": 0, "本月": 0, "去年": -1, "前年": -2, "明年": 1, "上个月": 0, None: 0}
        year = anchor_year + offsets[rel]
        if rel in ("本月", "上个月") and anchor and anchor[1]:
            month = anchor[1] - (1 if rel == "上个月" else 0)
            if month == 0:
                year, month = year - 1, 12
    if month and day:
        try:
            date(year or 2000, month, day)
        except ValueError:
            month = day = None
    return DateMention(**{**base, "kind": "relative" if relative else "absolute", "year": year,
                          "month": month, "day": day, "resolved": _iso(year, month, day)})


@table("dates")
def dates_table(analysis: Analysis) -> list[dict]:
    return [{"section_id": d.profile_id, "text": d.text, "kind": d.kind, "year": d.year, "month": d.month,
             "day": d.day, "hour": d.hour, "resolved": d.resolved, "start": d.start, "end": d.end}
            for d in extract_dates(analysis)]
