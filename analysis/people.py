"""Per profiled person: the year they joined (with the sentence that says so) and their stated workload.

The joined year comes only from the person's own profile and only from a sentence that ties
a year to joining: "2012年进入中心", "今年4月…加入", "五年前…加入", "从2014年到现在",
"我是2012年走上这个岗位的" (in a quote of the person), or a stated length of service
("入职四年" = publication year minus four). A length with 多 ("工作一年多") does not fix a year
and is not used. When nothing says it, the year is unknown (None): it is never guessed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from .corpus import Article, Profile
from .facts import DAILY_PERIODS, TIME_UNITS, DateMention, Fact, extract_dates, extract_facts, published_date
from .numerals import plain_number, read_numeral
from .pipeline import Analysis, per_analysis, table
from .quotes import Quote, extract_quotes
from .text import Sentence, normalize

# Verbs of joining; a year in the same clause chain as one of them dates the joining.
_JOIN_RE = re.compile(r"进入|加入|入职|走进|走上|来到|到岗|参加工作|就在|开始在|从事")
# A year that dates another life event (2016年大学毕业的周蓝蓝 …) does not date the joining.
_OTHER_EVENT_RE = re.compile(r"毕业|出生|结婚|退休|退伍|转业|生下")
# Other people who could be the one joining (the profile names its person; these are not them).
_OTHER_PERSON_RE = re.compile(r"同事|丈夫|妻子|女儿|儿子|孩子|母亲|父亲|姑娘|先生|女士|市民|徒弟|师傅|新人")
_SINCE_RE = re.compile(r"从(?P<year>\d{4})年(?:起|开始)?(?:到现在|至今|到今天)")
_TENURE_RE = re.compile(r"(?:入职|工作了?|在[^，,。]{1,12}工作了?)(?P<n>\d+|[一二三四五六七八九十两]{1,3})年(?P<more>多|余)?(?!前)")
_PRONOUNS = ("她", "他", "我")
MAX_YEAR_TO_VERB = 40  # characters between the year and the verb of joining, at most


@dataclass(frozen=True)
class Workload:
    profile_id: str
    name: str
    role: str | None
    low: float | None
    high: float | None
    approx: bool
    counted: str | None
    period: str
    text: str  # article.text[start:end]
    start: int
    end: int


@dataclass(frozen=True)
class Person:
    profile_id: str
    name: str
    role: str | None
    joined_year: int | None
    joined_evidence: str | None  # the sentence that says it; article.text[joined_start:joined_end]
    joined_start: int | None
    joined_end: int | None
    workloads: tuple[Workload, ...]

    @property
    def daily_workload(self) -> tuple[Workload, ...]:
        return tuple(w for w in self.workloads if w.period in DAILY_PERIODS)


@per_analysis
def people(analysis: Analysis) -> list[Person]:
    """One record per profiled person, in the order of the article."""
    article = analysis.article
    dates = extract_dates(analysis)
    facts = extract_facts(analysis)
    quotes = extract_quotes(analysis)
    anchor = published_date(article)
    result = []
    for profile in article.profiles:
        sentences = [s for s in analysis.sentences
                     if s.section_id == profile.id and s.start >= profile.body_start]
        joined = _joined(article, profile, sentences, dates, quotes, anchor[0] if anchor else None)
        year, sentence = joined if joined else (None, None)
        result.append(Person(
            profile_id=profile.id, name=profile.name, role=profile.role, joined_year=year,
            joined_evidence=sentence.text if sentence else None,
            joined_start=sentence.start if sentence else None, joined_end=sentence.end if sentence else None,
            workloads=tuple(_workloads(profile, facts)),
        ))
    return result


def _about(article: Article, profile: Profile, sentence: Sentence, quotes: list[Quote]) -> bool:
    """The sentence is about the profiled person: it names them, or refers to them with a pronoun
    (or 我 inside their own quote) and names no other profiled person."""
    others = [p.name for p in article.profiles if p.name and p.name != profile.name]
    if any(name in sentence.text for name in others):
        return False
    if profile.name in sentence.text:
        return True
    own_quote = any(q.speaker == profile.name and q.start < sentence.end and sentence.start < q.end for q in quotes)
    return any(p in sentence.text for p in _PRONOUNS[:2]) or own_quote and "我" in sentence.text


def _joined(article: Article, profile: Profile, sentences: list[Sentence], dates: list[DateMention],
            quotes: list[Quote], anchor_year: int | None) -> tuple[int, Sentence] | None:
    """The first sentence of the profile that dates the joining, and the year it gives."""
    for sentence in sentences:
        if not _about(article, profile, sentence, quotes):
            continue
        norm = normalize(article.text, sentence.start, sentence.end)
        since = _SINCE_RE.search(norm.text)
        if since:
            return int(since.group("year")), sentence
        joining = _JOIN_RE.search(norm.text)
        if joining:
            join_at = norm.to_source(joining.start(), joining.end())[0]
            for mention in dates:
                if mention.kind == "clock" or mention.year is None:
                    continue
                if not (sentence.start <= mention.start and mention.end <= join_at):
                    continue
                between = article.text[mention.end:join_at]
                if (len(between) <= MAX_YEAR_TO_VERB and not _OTHER_EVENT_RE.search(between)
                        and not _someone_else_joins(article.text[sentence.start:join_at], profile.name)):
                    return mention.year, sentence
        tenure = _TENURE_RE.search(norm.text)
        if tenure and not tenure.group("more") and anchor_year:
            years = read_numeral(tenure.group("n"))
            if years is not None:
                return anchor_year - int(years), sentence
    return None


def _someone_else_joins(before_verb: str, name: str) -> bool:
    """The person mentioned last before the verb of joining is someone else (同事李明2015年加入)."""
    references = [(m.end(), "self") for m in re.finditer(re.escape(name) + "|[她他我](?!们)", before_verb)]
    references += [(m.end(), "other") for m in _OTHER_PERSON_RE.finditer(before_verb)]
    return bool(references) and max(references)[1] == "other"


def _workloads(profile: Profile, facts: list[Fact]) -> list[Workload]:
    """The profile's quantities of work per period (每天200到300个工单, 一个月六到七个夜班).

    Counts of time (24小时) or of people are not workloads."""
    result = []
    for fact in facts:
        if fact.profile_id != profile.id or not fact.period or fact.unit in TIME_UNITS or fact.counted is None:
            continue
        if fact.unit in ("名", "位", "人"):
            continue
        result.append(Workload(profile.id, profile.name, profile.role, fact.low, fact.high, fact.approx,
                               fact.counted, fact.period, fact.text, fact.start, fact.end))
    return result


# ---------------------------------------------------------------- records and tables

def person_record(person: Person) -> dict:
    """One person in the schema of `python -m analysis people --json`."""
    return {"name": person.name, "role": person.role, "joined_year": person.joined_year,
            "joined_evidence": person.joined_evidence,
            "daily_workload": [{"low": plain_number(w.low), "high": plain_number(w.high), "counted": w.counted} for w in person.daily_workload]}


@table("people")
def people_table(analysis: Analysis) -> pd.DataFrame:
    rows = [{"article_id": analysis.article.id, "profile_id": p.profile_id, "name": p.name, "role": p.role,
             "joined_year": p.joined_year, "joined_evidence": p.joined_evidence,
             "joined_start": p.joined_start, "joined_end": p.joined_end} for p in people(analysis)]
    columns = ["article_id", "profile_id", "name", "role", "joined_year", "joined_evidence", "joined_start", "joined_end"]
    return pd.DataFrame(rows, columns=columns).astype({"joined_year": "Int64", "joined_start": "Int64",
                                                        "joined_end": "Int64"})


@table("workloads")
def workloads_table(analysis: Analysis) -> pd.DataFrame:
    rows = [{"article_id": analysis.article.id, "profile_id": w.profile_id, "name": w.name, "role": w.role,
             "low": w.low, "high": w.high, "approx": w.approx, "counted": w.counted, "period": w.period,
             "start": w.start, "end": w.end}
            for p in people(analysis) for w in p.workloads]
    columns = ["article_id", "profile_id", "name", "role", "low", "high", "approx", "counted", "period", "start", "end"]
    return pd.DataFrame(rows, columns=columns)
