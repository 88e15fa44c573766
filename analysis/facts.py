"""Facts with numbers: quantities (unit, what is counted, period). Dates are in `dates`.

Everything is read sentence by sentence from the normalised text and reported with a span in
the original article. A number becomes a quantity only when a unit or measure word follows it
(so 12345 in 12345热线 and the phone number 0517-12345 are not quantities), and never when it
is part of a date, a clock time or an ordinal (第一).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .corpus import Article, Profile
from .dates import DateMention, extract_dates, published_date  # noqa: F401  (re-exported)
from .lexicon import QUOTED_TERM_MAX_CHARS
from .numerals import NumberSpan, find_numbers, plain_number
from .pipeline import Analysis, per_analysis, table
from .segment import Token
from .text import Sentence, normalize

# Units that measure time or age: what is counted is the unit itself (四五个小时 counts hours).
# No bare 周 or 星期: 四周 is "all around", 星期三 a weekday.
TIME_UNITS = ("个小时", "小时", "分钟", "个星期", "个月", "天", "年", "岁")
PERSON_MEASURES = ("名", "位", "人")
MEASURE_WORDS = ("个", "名", "位", "次", "件", "通", "台", "户", "人", "条", "项", "起", "元", "万元", "份",
                 "遍", "所", "辆", "部", "家", "张", "本", "套", "公里", "米", "斤", "批", "场", "单",
                 # trips, flights, rounds and the containers of a day's work (一天4趟, 每天为10多架飞机“体检”,
                 # 每天送200多袋, 每晚巡查3轮)
                 "趟", "架次", "架", "车次", "班次", "圈", "轮", "袋", "箱", "桶", "盒", "桌", "封", "票", "间", "篇",
                 "块")  # 每天销售冰块2000块左右 (not 200块钱: money, see _skip)
_UNIT_RE = re.compile(
    "(?P<unit>" + "|".join(sorted(TIME_UNITS + MEASURE_WORDS, key=len, reverse=True)) + ")"
    r"(?P<more>多|余)?(?P<around>左右|上下|出头)?"
)
# 每天 / 一天 / 一个月 / 一年 ... before a number: the period the quantity is per. A night comes once
# a day: 每晚 is the working day of a night worker (平均每晚会有30单).
# A shift is the working day of a shift worker too (每个班12个小时，要接100多个电话).
_PERIOD_RE = re.compile(r"每天|每日|天天|日均|每晚|每夜|每个班|每班|一个班|每周|每星期|每个月|每月|月均|每年|年均|"
                        r"一天|一周|一个星期|一个月|一年")
DAILY_PERIODS = frozenset({"每天", "每日", "天天", "日均", "每晚", "每夜", "每个班", "每班", "一个班", "一天"})
# An amount per period named earlier in the sentence, whose value comes later: 他每天收发快递的数量
# 相比于往常增加了一倍，能达400多单.
_PERIOD_AMOUNT_RE = re.compile(r"(?P<period>每天|每日|日均|每晚)[^，,。；;：:]{0,10}的?(?:数量|工作量|单量|件量|量)")
# Measure words that name what they count: 单 is an order (订单, 运单), so 一天能接30多单 counts orders.
SELF_COUNTING = ("单", "趟", "架次", "车次", "班次", "圈", "轮")
# a quoted term, as long as quotes.classify lets a term be
_QUOTED_RE = re.compile(rf"[“\"「『]([^”\"」』，,。]{{1,{QUOTED_TERM_MAX_CHARS}}})[”\"」』]")
_PHONE_RE = re.compile(r"\d{3,4}[-－]\d{4,8}|\d{7,}")
_NOUN_TAGS = ("n", "nz", "nt", "ns", "ng")  # jieba noun tags that can name what is counted



@dataclass(frozen=True)
class Fact:
    profile_id: str
    person: str | None  # the person the section profiles; None outside profiles
    text: str  # the quantity as written: article.text[start:end]
    value: float | None  # the stated number; None for a range
    low: float | None
    high: float | None  # None when open above (60多)
    approx: bool
    qualifier: str  # 多, 左右, 近, 几十乃至上百 ... ("" when exact)
    unit: str
    counted: str | None
    period: str | None
    sentence: str
    sentence_start: int
    start: int
    end: int


# ---------------------------------------------------------------- quantities

@per_analysis
def extract_facts(analysis: Analysis) -> list[Fact]:
    """Quantities with their unit, what is counted and the period, in text order."""
    article = analysis.article
    excluded = [(d.start, d.end) for d in extract_dates(analysis)]
    tokens_by_sentence: dict[int, list[Token]] = {}
    for token in analysis.tokens:
        tokens_by_sentence.setdefault(token.sentence_index, []).append(token)
    facts: list[Fact] = []
    previous: Sentence | None = None
    for sentence in analysis.sentences:
        if previous is not None and previous.section_id != sentence.section_id:
            previous = None
        tokens = tokens_by_sentence.get(sentence.index, [])
        facts.extend(_sentence_facts(article, sentence, tokens, excluded,
                                     previous, tokens_by_sentence.get(previous.index, []) if previous else []))
        previous = sentence
    return facts


def _sentence_facts(article: Article, sentence: Sentence, tokens: list[Token], excluded: list[tuple[int, int]],
                    previous: Sentence | None, previous_tokens: list[Token]) -> list[Fact]:
    norm = normalize(article.text, sentence.start, sentence.end)
    text = norm.text
    codes = [m.span() for m in _PHONE_RE.finditer(text)]
    person = _person(article, sentence.section_id)
    line_period = _line_period(article, previous, sentence)
    facts = []
    for number in find_numbers(text):
        unit = _UNIT_RE.match(text, number.end)
        if not unit or _skip(number, unit, text, codes):
            continue
        start, end = norm.to_source(number.start, unit.end())
        if any(s < end and start < e for s, e in excluded):
            continue
        if _inside_word(tokens, start, end):
            continue
        unit_text = unit.group("unit")
        approx_words = [w for w in (unit.group("more"), unit.group("around")) if w]
        high = None if unit.group("more") else number.high
        counted = _counted(unit_text, tokens, start, end)
        quoted = _QUOTED_RE.match(text, unit.end())
        if counted is None and quoted:
            counted = quoted.group(1)  # 日均完成700余次“手指口呼”: a quoted term after the measure word
        period = (_period(_clause_before(text, number.start)) or _amount_period(text[:number.start])
                  or _shift_period(text[:number.start]))
        if period is None and line_period and not any(mark in text[:number.start] for mark in ",，;；:："):
            period = line_period  # the line before ends with no punctuation: the same clause, set line by line
        if counted is None and previous is not None:
            counted, borrowed_period = _asked_before(article, previous, previous_tokens)
            period = period or borrowed_period
        facts.append(Fact(
            profile_id=sentence.section_id, person=person, text=article.text[start:end],
            value=number.value, low=number.low, high=high,
            approx=number.approx or bool(approx_words),
            qualifier="".join(dict.fromkeys([number.qualifier] * bool(number.qualifier) + approx_words)),
            unit=unit_text.removeprefix("个") if unit_text in ("个小时", "个星期") else unit_text,
            counted=counted, period=period, sentence=sentence.text, sentence_start=sentence.start,
            start=start, end=end,
        ))
    return facts


def _person(article: Article, section_id: str) -> str | None:
    section = article.section(section_id)
    return section.name if isinstance(section, Profile) and section.name else None


def _skip(number: NumberSpan, unit: re.Match, text: str, codes: list[tuple[int, int]]) -> bool:
    before = text[number.start - 1] if number.start else ""
    if before == "第" or before.isdigit() or before in "-－":
        return True
    if any(s < number.end and number.start < e for s, e in codes):
        return True
    if unit.group("unit") == "块" and text[unit.end():unit.end() + 1] == "钱":
        return True  # 200块钱 is money
    # a bare 一 is an article or a period (一名话务员, 有一天, 一年365天), unless approximate (一年多)
    if number.text == "一" and not (unit.group("more") or unit.group("around")):
        return True
    # 一天 inside 每一天 / 一年365天 etc. are periods, caught above; 两 + 个 is a count and stays.
    return False


def _inside_word(tokens: Sequence[Token], start: int, end: int) -> bool:
    """The number is part of a longer word or idiom (千家万户, 统一, 一丝不苟)."""
    for token in tokens:
        if token.start < start < token.end:
            return True
        if start <= token.start < end and token.end > end and token.pos in ("i", "l", "n", "nz"):
            return True
    return False


def _noun_run(tokens: Sequence[Token], first: int, limit: int = 3) -> str | None:
    """The run of nouns starting at tokens[first], skipping 的 and approximation words before it."""
    index = first
    while index < len(tokens) and tokens[index].norm in ("的", "左右", "上下", "多", "余", "多个"):
        index += 1
    words = []
    while index < len(tokens) and tokens[index].pos in _NOUN_TAGS and len(words) < limit:
        words.append(tokens[index].text)
        index += 1
    return "".join(words) or None


def _counted(unit: str, tokens: Sequence[Token], start: int, end: int) -> str | None:
    """What is counted: the unit for time and age, else the nouns after the measure word, else
    the last noun before the number in the same clause (电话 in 接听电话能达到60多个)."""
    if unit in TIME_UNITS:
        return unit.removeprefix("个")
    after = next((i for i, t in enumerate(tokens) if t.start >= end), len(tokens))
    # a measure word glued to the number in one token (七个, 百个) ends inside the quantity span
    # people are counted by one noun: 19名市民 (来电反映 ...), not 市民来电
    run = _noun_run(tokens, after, 1 if unit in PERSON_MEASURES else 3)
    if run:
        return run
    if unit in SELF_COUNTING:
        return unit
    clause_start = 0
    for index, token in enumerate(tokens):
        if token.start >= start:
            break
        if token.pos == "x" and token.norm in ",，;；:：":
            clause_start = index + 1
    before = [t for t in tokens[clause_start:] if t.end <= start]
    for token in reversed(before):
        if token.pos in ("n", "nz", "vn"):
            return token.text
    return None


def _clause_before(text: str, end: int) -> str:
    """The text of the clause that ends at `end` (from the last comma, semicolon or colon)."""
    cut = max(text.rfind(mark, 0, end) for mark in ",，;；:：")
    return text[cut + 1:end]


def _period(before: str) -> str | None:
    """The nearest period word (每天, 一个月 ...) in `before`, the text just before a number."""
    matches = list(_PERIOD_RE.finditer(before))
    return matches[-1].group(0) if matches else None


def _amount_period(before: str) -> str | None:
    """The period of an amount named earlier in the sentence (每天收发快递的数量…增加了一倍，能达400多单),
    when no other quantity (a number with a unit) stands between it and this one."""
    matches = list(_PERIOD_AMOUNT_RE.finditer(before))
    if not matches:
        return None
    between = before[matches[-1].end():]
    if any(_UNIT_RE.match(between, number.end) for number in find_numbers(between)):
        return None
    return matches[-1].group("period")


def _line_period(article: Article, previous: Sentence | None, sentence: Sentence) -> str | None:
    """The period of the last clause of the line before `sentence`, when that line ends with no
    punctuation at a line break: a clause set line by line (韩某每天在货舱内 / 将1000件行李搬上搬下)."""
    if previous is None or previous.text.rstrip()[-1:] in "。！？!?…；;：:，,”\"』」)）" or (
            "\n" not in article.text[previous.end:sentence.start]):
        return None
    before = normalize(article.text, previous.start, previous.end).text
    return _period(_clause_before(before, len(before)))


def _shift_period(before: str) -> str | None:
    """A period that an earlier clause of the sentence gives a length of time (每个班12个小时，要接100多个
    电话; 每天工作10个小时，能送80多单): the working day it measures is the period of what follows,
    when nothing but that length stands between them."""
    matches = list(_PERIOD_RE.finditer(before))
    if not matches:
        return None
    between = before[matches[-1].end():]
    units = [_UNIT_RE.match(between, number.end) for number in find_numbers(between)]
    hours = [u for u in units if u and u.group("unit") in ("个小时", "小时")]
    if len(hours) != 1 or any(u and u.group("unit") not in ("个小时", "小时") for u in units):
        return None
    return matches[-1].group(0)


def _asked_before(article: Article, previous: Sentence, tokens: Sequence[Token]) -> tuple[str | None, str | None]:
    """An answer like "一般是在150到180个左右" counts what the sentence before asked 多少 of
    (查看有多少未签发的回访工单); the period comes along from that sentence."""
    for index, token in enumerate(tokens):
        if token.norm in ("多少", "几个"):
            for later in range(index + 1, min(index + 6, len(tokens))):
                if tokens[later].pos in ("n", "nz"):
                    run = _noun_run(tokens, later)
                    period = _period(normalize(article.text, previous.start, tokens[index].start).text)
                    if period is None:
                        period = _period(normalize(article.text, previous.start, previous.end).text)
                    return run, period
    return None, None


# ---------------------------------------------------------------- tables

def fact_row(fact: Fact) -> dict:
    """One fact as a row of the facts table."""
    return {"section_id": fact.profile_id, "person": fact.person, "value": plain_number(fact.value),
            "low": plain_number(fact.low), "high": plain_number(fact.high), "approx": fact.approx, "unit": fact.unit, "counted": fact.counted,
            "period": fact.period, "sentence": fact.sentence, "start": fact.start, "end": fact.end}


@table("facts")
def facts_table(analysis: Analysis) -> list[dict]:
    return [fact_row(f) for f in extract_facts(analysis)]
