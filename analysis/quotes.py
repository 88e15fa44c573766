"""Quoted spans: where they are, what kind they are, who said them; pull-quote candidates.

Quotes are found paragraph by paragraph (a quote never crosses a line break) in the normalised
text. Marks that do not pair up are repaired the way a reader would read them, and flagged:

* an opening mark with no closing mark before the next opening mark (or the paragraph end)
  is closed at the end of its first sentence: the narration that follows stays narration;
* a closing mark with no opening mark is opened at the start of its sentence, after the
  previous quote or sentence end: one sentence is taken, never the paragraph before it.

Each quote gets a kind: "speech" (someone's words), "term" (a short quoted term of art such as
“四心” or “话毕单成”: never speech), "slogan" (a motto or a text on a wall, recognised by
words such as 墙上/写着/理念/口号 around it), "title" (the name of an honour, programme, campaign,
work or a nickname: 荣获“全国五一劳动奖章”, “最美话务员”称号, 人称“拼命三郎”) or "list"
(“请、您好、谢谢” : short items joined by 、).

Speakers of speech are found by `analysis.speakers` (reporting clauses before or after the
quote, split quotes, answers, headlines, the sentence or paragraph that introduces the words,
他/她 resolved to the nearest named person whose pronoun agrees); a speaker is a name, and an
unnamed one (几位摊主, 当天的值班组长) is kept in `speaker_description`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .corpus import Article, Profile, Section
from .lexicon import HAN, QUOTED_TERM_MAX_CHARS
from .layout import NON_BODY_KINDS
from .pipeline import Analysis, per_analysis, table
from .names import story_people, subject_profiles
from .speakers import (CLAUSE_MARKS, NOBODY, PERSON_NOUN_RE, SENTENCE_END, VERB_PATTERN, QuoteSpan, SectionPeople,
                       Speaker, attribute, tag_before)
from .text import NormalizedText, normalize

_SLOGAN_CUES = re.compile(r"墙上|写着|标语|口号|横幅|牌子|理念|宗旨|座右铭|校训|警示|牌匾")
_TERM_PARTICLES = ("了", "吗", "呢", "吧", "啊", "呀", "啦", "哦")
# A degree word before a predicate (“沟通能力还算好”, “很有收获”) makes a short quote someone's judgement, not a term.
_JUDGEMENT_RE = re.compile(rf"(?:很|挺|还算|比较|非常|特别|蛮|有点|不太|真是|实在)[{HAN}]")
SLOGAN_CUE_REACH = 60  # how far from the marks (in characters, same sentence) a cue such as 理念 may stand
_FIRST_PERSON_RE = re.compile(r"我")
# The name of an honour, a programme, a campaign, a work or a nickname (荣获“全国五一劳动奖章”,
# “最美话务员”称号, 人称“拼命三郎”): a title, not someone's words.
_TITLE_AFTER_RE = re.compile(
    r"^(?:等|这个|这一|这些|的)?(?:荣誉)?(?:称号|荣誉|奖章|奖杯|奖状|勋章|奖|节目|栏目|专栏|专题|活动|评选|工程|项目|行动|计划|品牌|工作法|工作室|"
    r"服务队|志愿服务队|示范岗|示范点|先锋岗|标兵|系列|丛书|一书|一文|一剧|一片|一曲|课题|比赛|大赛|竞赛|平台|小程序)")
_TITLE_BEFORE_RE = re.compile(
    r"(?:荣获|获得|获评|被评为|评为|授予|当选|入选|称为|称作|叫做|被誉为|誉为|人称|号称|外号|昵称|绰号|名为|取名|"
    r"起名|题为|叫他|叫她|开展|推出|启动|发起|参加|命名为)[了过]?[" + HAN + "]{0,6}$")
# “…”张婷婷说道。: a reporting clause right after the marks makes the words speech, whatever cue came before.
_SPOKEN_AFTER_RE = re.compile(rf"^[^，,。！？!?；;：:“”]{{0,16}}?(?:{VERB_PATTERN})(?=[，,。：:！？!?；;]|$)")
MAX_TITLE_CHARS = 20
TITLE_CUE_REACH = 12  # characters of the clause before the marks where 荣获 / 人称 may stand
# Openings that lean on the story around the quote; such a quote reads badly on its own.
_NEEDS_CONTEXT_RE = re.compile(r"(?:这位|那位|他们|她们|他|她|随后|一般|所以|但是|而且|并且|然后|经过)")


@dataclass(frozen=True)
class Quote:
    profile_id: str
    quote_id: str  # "q:<start>-<end>", stable for the same text
    text: str  # the words inside the marks: article.text[start:end]
    start: int
    end: int
    kind: str  # "speech", "term", "slogan" or "list"
    speaker: str | None  # the name of the person who speaks, else None
    speaker_description: str | None  # an unnamed speaker as written (几位摊主, 当天的值班组长), else None
    speaker_how: str  # the rule that found the speaker (see analysis/speakers.py), or ""
    repaired: bool
    repair_note: str
    nested: bool  # inside another quote (‘…’ within “…”)


@dataclass(frozen=True)
class _Span:
    """A quote found in one paragraph, in normalised offsets of the section text."""

    open_at: int  # index of the opening mark, or where a repaired quote starts
    close_at: int  # index of the closing mark, or of the last character of a repaired quote
    inner_start: int
    inner_end: int
    repair_note: str = ""


# ---------------------------------------------------------------- finding the spans

def _scan(text: str, first: int, last: int, opener: str, closer: str) -> list[_Span]:
    """Quotes marked opener…closer in text[first:last] (one paragraph), repairing unpaired marks."""
    spans: list[_Span] = []
    open_at: int | None = None
    boundary = first  # where the current stretch of narration began (after the last quote)
    for index in range(first, last):
        char = text[index]
        if char == opener:
            if open_at is not None:
                spans.append(_close_unclosed(text, open_at, index))
            open_at = index
        elif char == closer:
            if open_at is not None:
                spans.append(_Span(open_at, index, open_at + 1, index))
                open_at = None
            else:
                spans.append(_open_unopened(text, boundary, index))
            boundary = index + 1
    if open_at is not None:
        spans.append(_close_unclosed(text, open_at, last))
    return spans


def _close_unclosed(text: str, open_at: int, limit: int) -> _Span:
    """An opening mark with no closing mark: the quote ends with its first sentence."""
    end = limit
    for index in range(open_at + 1, limit):
        if text[index] in SENTENCE_END:
            end = index + 1
            while end < limit and text[end] in SENTENCE_END:
                end += 1
            break
    inner_end = end
    while inner_end > open_at + 1 and text[inner_end - 1] in CLAUSE_MARKS + " \t":
        inner_end -= 1
    return _Span(open_at, end - 1, open_at + 1, inner_end,
                 "opening mark without a closing mark; closed at the end of its first sentence")


def _open_unopened(text: str, boundary: int, close_at: int) -> _Span:
    """A closing mark with no opening mark: the quote starts at the start of its sentence."""
    start = boundary
    index = close_at - 1
    while index >= boundary and text[index] in SENTENCE_END:  # the quote's own final 。
        index -= 1
    while index >= boundary:
        if text[index] in SENTENCE_END:
            start = index + 1
            break
        index -= 1
    while start < close_at and text[start].isspace():
        start += 1
    return _Span(start, close_at, start, close_at,
                 "closing mark without an opening mark; opened at the start of its sentence")


# A quote printed as verse, one short line after another (“今年是…首次春运 / 我的工作就是… / …回家”),
# is one paragraph for the quote scan when no line of it opens another quote: at most this many lines.
MAX_VERSE_LINES = 20


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in re.finditer(r"[\r\n]+", text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return _verse_quotes(text, [(s, e) for s, e in spans if e > s])


def _verse_quotes(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Lines joined where a line opens a quote that a later line closes, no line between opening
    another: a quote set line by line. A paragraph that opens a quote and the next that opens one
    too (a quote of several paragraphs, each opened) stays as it is."""
    merged: list[tuple[int, int]] = []
    index = 0
    while index < len(spans):
        first, last = spans[index]
        line = text[first:last]
        end = index
        if line.count("“") > line.count("”"):
            for ahead in range(index + 1, min(len(spans), index + 1 + MAX_VERSE_LINES)):
                following = text[spans[ahead][0]:spans[ahead][1]]
                if "“" in following:
                    break
                if "”" in following:
                    end = ahead
                    break
        merged.append((first, spans[end][1]))
        index = end + 1
    return merged


# ---------------------------------------------------------------- kinds

def classify(inner: str, before: str, after: str) -> str:
    """The kind of a quote from its words and the narration just before and after it."""
    words = inner.strip()
    clause_before = re.split(rf"[{SENTENCE_END}]", before)[-1]
    clause_after = re.split(rf"[{SENTENCE_END}]", after)[0]
    spoken = bool(re.search(rf"(?:{VERB_PATTERN})[：:，,]?\s*$", clause_before)
                  or _SPOKEN_AFTER_RE.match(clause_after))
    if not spoken and (_SLOGAN_CUES.search(clause_before[-SLOGAN_CUE_REACH:])
                       or _SLOGAN_CUES.search(clause_after[:SLOGAN_CUE_REACH])):
        return "slogan"
    items = [item.strip("。！？!? ") for item in words.split("、")]
    if len(items) >= 3 and all(0 < len(item) <= 4 for item in items):
        return "list"
    if (not spoken and len(words) <= MAX_TITLE_CHARS and not re.search(rf"[{SENTENCE_END}…]", words)
            and (_TITLE_AFTER_RE.match(clause_after)
                 or _TITLE_BEFORE_RE.search(re.split(rf"[{CLAUSE_MARKS}]", clause_before)[-1][-TITLE_CUE_REACH:]))):
        return "title"
    if (len(words) <= QUOTED_TERM_MAX_CHARS and not re.search(rf"[{SENTENCE_END}{CLAUSE_MARKS}…]", words)
            and not words.endswith(_TERM_PARTICLES) and not spoken and not _JUDGEMENT_RE.search(words)):
        return "term"
    return "speech"


# ---------------------------------------------------------------- speakers

def _name_forms(analysis: Analysis) -> dict[str, str]:
    """Each written form of a story person's name (full, 小周, 蓝蓝) -> the full name (analysis.names)."""
    forms: dict[str, str] = {}
    for person in story_people(analysis):
        forms[person.name] = person.name
        for mention in person.mentions:
            if mention.text != person.name and PERSON_NOUN_RE.search(mention.text) \
                    and mention.form not in ("prefix", "title"):
                continue  # a bare role word (所长) is not a short form of one name; 郑警官 (title) is
            forms.setdefault(mention.text, person.name)
    for profile in analysis.article.profiles:
        if profile.name:
            forms.setdefault(profile.name, profile.name)
    return forms


# Words for whole groups of people: never a role that stands for one person (市民高女士 ≠ every 市民).
_GROUP_WORDS = re.compile(r"(?:市民|群众|村民|居民|乘客|旅客|游客|患者|病人|老人|孩子|学生|网友|顾客|用户|家长|业主|来电人)$")


def _roles(text: str, forms: dict[str, str]) -> dict[str, str]:
    """Role words given in apposition (所长李建国) that belong to one person only in the section."""
    seen: dict[str, set[str]] = {}
    for form, name in forms.items():
        for match in re.finditer(re.escape(form), text):
            before = text[max(0, match.start() - 6):match.start()]
            for size in range(2, len(before) + 1):
                role = before[-size:]
                if not re.fullmatch(rf"[{HAN}]+", role):
                    break
                if PERSON_NOUN_RE.search(role) and not _GROUP_WORDS.search(role):
                    seen.setdefault(role, set()).add(name)
    return {role: next(iter(owners)) for role, owners in seen.items() if len(owners) == 1}


def _section_quotes(article: Article, section: Section, names: dict[str, str], subject: str | None) -> list[Quote]:
    norm = normalize(article.text, section.start, section.end)
    text = norm.text
    outer_spans: list[tuple[_Span, tuple[int, int]]] = []
    for first, last in _paragraphs(text):
        for span in _scan(text, first, last, "“", "”"):
            outer_spans.append((span, (first, last)))
    inner_spans: list[_Span] = []
    for span, _ in outer_spans:
        inner_spans.extend(_scan(text, span.inner_start, span.inner_end, "‘", "’"))
    # ‘…’ outside any “…” quote is a quote in its own right
    for first, last in _paragraphs(text):
        for span in _scan(text, first, last, "‘", "’"):
            if not any(o.inner_start <= span.open_at < o.inner_end for o, _ in outer_spans):
                outer_spans.append((span, (first, last)))
    outer_spans.sort(key=lambda item: item[0].open_at)
    quoted = tuple((s.inner_start, s.inner_end) for s, _ in outer_spans)
    people = SectionPeople(text, names, quoted, subject=subject, roles=_roles(text, names))
    spans = [QuoteSpan(s.open_at, s.close_at, s.inner_start, s.inner_end, paragraph,
                       _kind(text, s, paragraph[0], paragraph[1])) for s, paragraph in outer_spans]
    heading_end = None  # any section under a heading line (a profile, or a heading that names no one)
    heading_start, heading_stop = getattr(section, "heading_start", 0), getattr(section, "heading_end", 0)
    if heading_stop > heading_start and section.start <= heading_start < section.end:
        heading_end = len(normalize(article.text, section.start, heading_stop).text)
    speakers = attribute(people, spans, heading_end)
    quotes = [_quote(article, section, norm, span, q.kind, found, nested=False)
              for (span, _), q, found in zip(outer_spans, spans, speakers)]
    for span in inner_spans:
        outer = next(o for o, _ in outer_spans if o.inner_start <= span.open_at < o.inner_end)
        kind = _kind(text, span, outer.inner_start, outer.inner_end)
        before = text[outer.inner_start:span.open_at]
        found = NOBODY
        if kind == "speech":  # inside a quote, 她/他 is not resolved: only names and roles count
            found = tag_before(people, re.split(rf"[{SENTENCE_END}]", before)[-1], span.open_at, allow_pronoun=False)
        quotes.append(_quote(article, section, norm, span, kind, found, nested=True))
    return sorted(quotes, key=lambda q: (q.start, q.end))


def _kind(text: str, span: _Span, first: int, last: int) -> str:
    return classify(text[span.inner_start:span.inner_end], text[first:span.open_at], text[span.close_at + 1:last])


def _quote(article: Article, section: Section, norm: NormalizedText, span: _Span, kind: str, found: Speaker,
           nested: bool) -> Quote:
    start, end = norm.to_source(span.inner_start, span.inner_end)
    if kind != "speech":
        found = NOBODY
    return Quote(profile_id=section.id, quote_id=f"q:{start}-{end}", text=article.text[start:end],
                 start=start, end=end, kind=kind, speaker=found.name, speaker_description=found.description,
                 speaker_how=found.how,
                 repaired=bool(span.repair_note), repair_note=span.repair_note, nested=nested)


@per_analysis
def extract_quotes(analysis: Analysis) -> list[Quote]:
    """Every quoted span of the article with its kind and speaker, in text order."""
    article = analysis.article
    names = _name_forms(analysis)
    subjects = {section_id: person.name for section_id, person in subject_profiles(analysis).items()}
    quotes: list[Quote] = []
    # Whole sections, so that a caption inside a profile does not cut the story's people off; the
    # captions, credits and chrome themselves hold no speech to attribute.
    set_aside = [(p.start, p.end) for p in article.sections if p.kind in NON_BODY_KINDS]
    for section_id in article.section_ids():
        section = article.section(section_id)
        if section.kind in NON_BODY_KINDS:
            continue
        subject = subjects.get(section.id) or (section.name if isinstance(section, Profile) and section.name else None)
        quotes.extend(q for q in _section_quotes(article, section, names, subject)
                      if q.text.strip() and not any(s <= q.start < e for s, e in set_aside))
    return quotes


# ---------------------------------------------------------------- pull quotes

@dataclass(frozen=True)
class PullQuote:
    quote: Quote
    rank: int
    score: float


def printable_length(text: str) -> int:
    """Characters that print: white space left out."""
    return len(re.sub(r"\s", "", text))


def score_pull_quote(quote: Quote, ideal_chars: int = 28) -> float:
    """Higher is better: a named speaker, first person, a whole sentence, near the ideal length,
    readable on its own (not opening with 他们/这位/随后 …), not repaired, no quote inside it."""
    length = printable_length(quote.text)
    score = 0.0
    if quote.speaker:
        score += 3.0  # a named speaker
    elif quote.speaker_description:
        score += 1.0
    score += 1.0 if _FIRST_PERSON_RE.search(quote.text) else 0.0
    score += 1.0 if quote.text.rstrip().endswith(tuple(SENTENCE_END)) else 0.0
    score += max(0.0, 1.0 - abs(length - ideal_chars) / ideal_chars)
    score -= 1.0 if _NEEDS_CONTEXT_RE.match(quote.text) else 0.0
    score -= 2.0 if quote.repaired else 0.0
    score -= 1.0 if re.search(r"[‘’“”]", quote.text) else 0.0
    return round(score, 3)


def pull_quotes(analysis: Analysis, min_chars: int = 12, max_chars: int = 45) -> list[Quote]:
    """Speech quotes of a printable length, best first (see `score_pull_quote`)."""
    return [p.quote for p in ranked_pull_quotes(analysis, min_chars, max_chars)]


def ranked_pull_quotes(analysis: Analysis, min_chars: int = 12, max_chars: int = 45) -> list[PullQuote]:
    if min_chars > max_chars:
        raise ValueError(f"min_chars ({min_chars}) is larger than max_chars ({max_chars}); give min_chars <= max_chars")
    candidates = [q for q in extract_quotes(analysis)
                  if q.kind == "speech" and not q.nested and min_chars <= printable_length(q.text) <= max_chars]
    scored = sorted(((score_pull_quote(q), q) for q in candidates), key=lambda item: (-item[0], item[1].start))
    return [PullQuote(q, rank, score) for rank, (score, q) in enumerate(scored, 1)]


# ---------------------------------------------------------------- records and tables

@table("quotes")
def quotes_table(analysis: Analysis) -> list[dict]:
    return [{"quote_id": q.quote_id, "section_id": q.profile_id, "speaker": q.speaker,
             "speaker_description": q.speaker_description, "speaker_how": q.speaker_how, "kind": q.kind,
             "text": q.text, "start": q.start, "end": q.end, "repaired": q.repaired, "repair_note": q.repair_note}
            for q in extract_quotes(analysis)]


@table("pull_quotes")
def pull_quotes_table(analysis: Analysis) -> list[dict]:
    return [{"quote_id": p.quote.quote_id, "rank": p.rank, "score": p.score, "section_id": p.quote.profile_id,
             "speaker": p.quote.speaker, "text": p.quote.text, "start": p.quote.start, "end": p.quote.end}
            for p in ranked_pull_quotes(analysis)]
