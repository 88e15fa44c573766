"""Quoted spans: where they are, what kind they are, who said them; pull-quote candidates.

Quotes are found paragraph by paragraph (a quote never crosses a line break) in the normalised
text. Marks that do not pair up are repaired the way a reader would read them, and flagged:

* an opening mark with no closing mark before the next opening mark (or the paragraph end)
  is closed at the end of its first sentence: the narration that follows stays narration;
* a closing mark with no opening mark is opened at the start of its sentence, after the
  previous quote or sentence end: one sentence is taken, never the paragraph before it.

Each quote gets a kind: "speech" (someone's words), "term" (a short quoted term of art such as
“四心” or “话毕单成”: never speech), "slogan" (a motto or a text on a wall, recognised by
words such as 墙上/写着/理念/口号 around it) or "list" (“请、您好、谢谢” : short items joined by 、).

Speakers come from a reporting verb right before the quote (值班组长焦急地说：“…”), right after it
(“…”杨光说), earlier in the same sentence (谷丽丽感慨道，…，“…”), from the tag between two parts of
one quote (“…”杨光说，“…”), or from a sentence that names one person and ends with a colon (or,
for a first-person quote, a comma). 她/他 and role phrases are resolved to the profiled person
only when the text makes it clear (see `_resolve_pronoun`); otherwise a role phrase is kept
as written and a bare pronoun gives no speaker (None).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from .corpus import Article, Profile, Section
from .pipeline import Analysis, per_analysis, table
from .text import NormalizedText, normalize

SENTENCE_END = "。！？!?"
CLAUSE_MARKS = "，,；;：:、"
REPORTING_VERBS = (
    "告诉记者", "对记者说", "向记者介绍", "感慨道", "感叹道", "笑着说", "说道", "回忆道", "回忆说", "解释道",
    "解释说", "补充道", "答道", "问道", "笑道", "叹道", "坦言", "表示", "介绍", "回忆", "强调", "透露",
    "感慨", "要求自己", "说",
)
_VERB = "|".join(sorted(REPORTING_VERBS, key=len, reverse=True))
# Adverbials between a speaker and the verb: 焦急地, 笑着, 这样, 也, 一直 ...
_ADVERBIAL = r"(?:[\u4e00-\u9fff]{2}地|[\u4e00-\u9fff]着|这样|也|还|又|就|都|曾|曾经|一直|常常|总是|再次|随后|便)"
_SUBJECT = r"[^，,。！？!?；;：:“”‘’「」『』、…\s]"
_TAG_AFTER_RE = re.compile(rf"^(?P<subject>{_SUBJECT}{{0,24}}?)(?P<verb>{_VERB})(?=[，,。：:！？!?；;]|$)")
_TAG_BEFORE_RE = re.compile(rf"(?P<subject>{_SUBJECT}{{0,24}}?)(?P<verb>{_VERB})[：:，,]?\s*$")
_TAG_INSIDE_RE = re.compile(rf"(?P<subject>{_SUBJECT}{{1,24}}?)(?P<verb>{_VERB})[：:，,]")
_BELIEF_AFTER_RE = re.compile(
    rf"^这(?:就)?是(?P<subject>{_SUBJECT}{{1,30}}?)(?:一直|始终|常常|所)?(?:秉持|坚持|信奉|奉行|常说|挂在嘴边)的"
    r"(?:观念|理念|信条|座右铭|话|原则)"
)
_STRIP_SUBJECT_RE = re.compile(rf"{_ADVERBIAL}+$")
_PERCEPTION_RE = re.compile(r"^(?:听到|听见|听|看到|只听|每当)")
# A role phrase names a person by what they are: it ends like one.
_PERSON_NOUN_RE = re.compile(r"(?:员|长|者|人|民|士|生|姐|哥|师|官|主任|书记|经理|记者|同事|领导|姑娘|女儿|儿子|孩子|妈妈|家人|先生|女士)$")
# Someone other than the profiled person who could be 她/他 (checked between name and pronoun).
_OTHER_PERSON_RE = re.compile(r"先生|女士|姑娘|女儿|儿子|孩子|患者|丈夫|妻子|母亲|父亲|同事|组长|班长|领导|家人|大姐|小伙")
_SLOGAN_CUES = re.compile(r"墙上|写着|标语|口号|横幅|牌子|理念|宗旨|座右铭|校训|警示|牌匾")
_TERM_PARTICLES = ("了", "吗", "呢", "吧", "啊", "呀", "哦")
MAX_TERM_CHARS = 7
SLOGAN_CUE_REACH = 60  # how far from the marks (in characters, same sentence) a cue such as 理念 may stand
_FIRST_PERSON_RE = re.compile(r"我")
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
    speaker: str | None  # a name, else a role phrase, else None
    speaker_how: str  # "before", "after", "continued", "earlier", "introduced", "belief" or ""
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


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in re.finditer(r"[\r\n]+", text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if e > s]


# ---------------------------------------------------------------- kinds

def classify(inner: str, before: str, after: str) -> str:
    """The kind of a quote from its words and the narration just before and after it."""
    words = inner.strip()
    clause_before = re.split(rf"[{SENTENCE_END}]", before)[-1]
    clause_after = re.split(rf"[{SENTENCE_END}]", after)[0]
    spoken = bool(re.search(rf"(?:{_VERB})[：:，,]?\s*$", clause_before))
    if not spoken and (_SLOGAN_CUES.search(clause_before[-SLOGAN_CUE_REACH:])
                       or _SLOGAN_CUES.search(clause_after[:SLOGAN_CUE_REACH])):
        return "slogan"
    items = [item.strip("。！？!? ") for item in words.split("、")]
    if len(items) >= 3 and all(0 < len(item) <= 4 for item in items):
        return "list"
    if (len(words) <= MAX_TERM_CHARS and not re.search(rf"[{SENTENCE_END}{CLAUSE_MARKS}…]", words)
            and not words.endswith(_TERM_PARTICLES) and not spoken):
        return "term"
    return "speech"


# ---------------------------------------------------------------- speakers

def _clean_subject(subject: str) -> str:
    subject = _STRIP_SUBJECT_RE.sub("", subject)
    return _PERCEPTION_RE.sub("", subject).strip()


def _person_in(subject: str, names: list[str]) -> str | None:
    hits = [(subject.rfind(name), name) for name in names if name and name in subject]
    return max(hits)[1] if hits else None


def _speaker_from_subject(subject: str, context: "_Context", at: int) -> str | None:
    """A name, a role phrase, or the profiled person behind 她/他; None when unclear."""
    subject = _clean_subject(subject)
    if not subject:
        return None
    name = _person_in(subject, context.names)
    if name:
        return name
    if subject in ("她", "他"):
        return _resolve_pronoun(subject, context, at)
    if _PERSON_NOUN_RE.search(subject) and len(subject) <= 15:
        bare = re.sub(r"^(?:这位|这名|该|那位)", "", subject)
        profile = context.profile
        if profile is not None and profile.role and bare == profile.role and subject != bare:
            return profile.name  # 这位预审员 in 预审员沈玥's profile
        return subject
    return None


def _resolve_pronoun(pronoun: str, context: "_Context", at: int) -> str | None:
    """她/他 is the profiled person only if (1) the profile refers to its person with this pronoun
    (it is the more frequent singular one in the section), (2) the person's name occurs before
    it in the section and (3) no other person is mentioned in between (quotes left out)."""
    profile = context.profile
    if profile is None or not profile.name:
        return None
    text = context.text
    counts = {p: len(re.findall(f"{p}(?!们)", text)) for p in ("她", "他")}
    other = "他" if pronoun == "她" else "她"
    if counts[pronoun] <= counts[other]:
        return None
    last_name = text.rfind(profile.name, 0, at)
    if last_name < 0:
        return None
    between = context.outside_quotes(last_name + len(profile.name), at)
    if _OTHER_PERSON_RE.search(between) or _person_in(between, [n for n in context.names if n != profile.name]):
        return None
    return profile.name


@dataclass(frozen=True)
class _Context:
    text: str  # normalised section text
    profile: Profile | None
    names: list[str]
    quoted: tuple[tuple[int, int], ...]  # inner spans of the section's quotes

    def outside_quotes(self, start: int, end: int) -> str:
        chars = list(self.text[start:end])
        for q_start, q_end in self.quoted:
            for index in range(max(q_start, start), min(q_end, end)):
                chars[index - start] = " "
        return "".join(chars)


def _attribute(spans: list[_Span], kinds: list[str], context: _Context, first: int, last: int
               ) -> list[tuple[str | None, str]]:
    """(speaker, how) for each quote of one paragraph, in order."""
    text = context.text
    result: list[tuple[str | None, str]] = [(None, "")] * len(spans)
    carried: tuple[str | None, str] | None = None
    for index, span in enumerate(spans):
        prev_end = spans[index - 1].close_at + 1 if index else first
        next_open = spans[index + 1].open_at if index + 1 < len(spans) else last
        before = text[prev_end:span.open_at]
        sentence_before = re.split(rf"[{SENTENCE_END}]", before)[-1]
        after = text[min(span.close_at + 1, last):next_open]
        found: tuple[str | None, str] = (None, "")
        if kinds[index] == "speech":
            found = _find_speaker(span, sentence_before, after, context, carried, index > 0)
        result[index] = found
        # “…”杨光说，“…”: the tag between two quotes speaks for both.
        tag = _TAG_AFTER_RE.match(after)
        carried = None
        if tag and after[tag.end():].strip() in ("", "，", ",", "：", ":") and index + 1 < len(spans):
            speaker = _speaker_from_subject(tag.group("subject"), context, span.close_at + 1)
            if speaker:
                carried = (speaker, "continued")
    return result


def _find_speaker(span: _Span, sentence_before: str, after: str, context: _Context,
                  carried: tuple[str | None, str] | None, has_previous: bool) -> tuple[str | None, str]:
    attempts = []
    tag = _TAG_BEFORE_RE.search(sentence_before)
    if tag:
        attempts.append((tag.group("subject"), "before", span.open_at))
    tag = _TAG_AFTER_RE.match(after)
    if tag:
        attempts.append((tag.group("subject"), "after", span.close_at + 1))
    for subject, how, at in attempts:
        speaker = _speaker_from_subject(subject, context, at)
        if speaker:
            return speaker, how
    if carried:
        return carried
    belief = _BELIEF_AFTER_RE.match(after)
    if belief:
        name = _person_in(belief.group("subject"), context.names)
        if name:
            return name, "belief"
    # 谷丽丽感慨道，12345是一座桥梁，更是一个承诺，“…”: a tag earlier in the same sentence.
    inner = [m for m in _TAG_INSIDE_RE.finditer(sentence_before)]
    if inner:
        subject = inner[-1].group("subject")
        clause_subject = re.split(rf"[{CLAUSE_MARKS}]", subject)[-1]
        name = _person_in(clause_subject, context.names)
        if name:
            return name, "earlier"
    # A sentence that names one person and ends with a colon introduces that person's words;
    # with a comma, only when the quote speaks in the first person.
    stripped = sentence_before.rstrip()
    if stripped.endswith(("：", ":", "，", ",")):
        colon = stripped.endswith(("：", ":"))
        clause = re.split(rf"[{CLAUSE_MARKS}]", stripped[:-1])[-1]  # the clause right before the quote
        named = [n for n in context.names if n and n in clause]
        first_person = bool(_FIRST_PERSON_RE.search(context.text[span.inner_start:span.inner_end]))
        if len(named) == 1 and (colon or first_person) and not _OTHER_PERSON_RE.search(clause):
            return named[0], "introduced"
    return None, ""


# ---------------------------------------------------------------- extraction

def _section_quotes(article: Article, section: Section) -> list[Quote]:
    norm = normalize(article.text, section.start, section.end)
    text = norm.text
    profile = section if isinstance(section, Profile) else None
    names = sorted({p.name for p in article.profiles if p.name}, key=len, reverse=True)
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
    context = _Context(text, profile, names, quoted)

    quotes: list[Quote] = []
    for paragraph in _paragraphs(text):
        spans = [s for s, p in outer_spans if p == paragraph]
        kinds = [_kind(text, s, paragraph[0], paragraph[1]) for s in spans]
        speakers = _attribute(spans, kinds, context, *paragraph)
        for span, kind, (speaker, how) in zip(spans, kinds, speakers):
            quotes.append(_quote(article, section, norm, span, kind, speaker, how, nested=False))
    for span in inner_spans:
        outer = next(o for o, _ in outer_spans if o.inner_start <= span.open_at < o.inner_end)
        kind = _kind(text, span, outer.inner_start, outer.inner_end)
        before = re.split(rf"[{SENTENCE_END}]", text[outer.inner_start:span.open_at])[-1]
        tag = _TAG_BEFORE_RE.search(before) if kind == "speech" else None
        speaker = None
        if tag:  # inside a quote, 她/他 is not the profiled person; only names and roles count
            subject = _clean_subject(tag.group("subject"))
            speaker = _person_in(subject, names) or (
                subject if _PERSON_NOUN_RE.search(subject) and subject not in ("她", "他") else None)
        quotes.append(_quote(article, section, norm, span, kind, speaker, "before" if speaker else "", nested=True))
    return sorted(quotes, key=lambda q: (q.start, q.end))


def _kind(text: str, span: _Span, first: int, last: int) -> str:
    return classify(text[span.inner_start:span.inner_end], text[first:span.open_at], text[span.close_at + 1:last])


def _quote(article: Article, section: Section, norm: NormalizedText, span: _Span, kind: str,
           speaker: str | None, how: str, nested: bool) -> Quote:
    start, end = norm.to_source(span.inner_start, span.inner_end)
    if kind != "speech":
        speaker, how = None, ""
    return Quote(profile_id=section.id, quote_id=f"q:{start}-{end}", text=article.text[start:end],
                 start=start, end=end, kind=kind, speaker=speaker, speaker_how=how,
                 repaired=bool(span.repair_note), repair_note=span.repair_note, nested=nested)


@per_analysis
def extract_quotes(analysis: Analysis) -> list[Quote]:
    """Every quoted span of the article with its kind and speaker, in text order."""
    article = analysis.article
    quotes: list[Quote] = []
    for section in article.sections:
        quotes.extend(q for q in _section_quotes(article, section) if q.text.strip())
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
        score += 1.0 if _PERSON_NOUN_RE.search(quote.speaker) else 3.0  # a role phrase, or a name
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

QUOTE_COLUMNS = ["article_id", "quote_id", "profile_id", "speaker", "kind", "text", "start", "end", "repaired",
                 "repair_note"]
PULL_QUOTE_COLUMNS = ["article_id", "quote_id", "rank", "score", "profile_id", "speaker", "text", "start", "end"]


def quote_record(quote: Quote) -> dict:
    """One quote in the schema of `python -m analysis quotes --json`."""
    return {"profile_id": quote.profile_id, "speaker": quote.speaker, "kind": quote.kind, "text": quote.text,
            "start": quote.start, "end": quote.end, "repaired": quote.repaired}


@table("quotes")
def quotes_table(analysis: Analysis) -> pd.DataFrame:
    rows = [{"article_id": analysis.article.id, "quote_id": q.quote_id, **quote_record(q),
             "repair_note": q.repair_note} for q in extract_quotes(analysis)]
    return pd.DataFrame(rows, columns=QUOTE_COLUMNS)


@table("pull_quotes")
def pull_quotes_table(analysis: Analysis) -> pd.DataFrame:
    rows = [{"article_id": analysis.article.id, "quote_id": p.quote.quote_id, "rank": p.rank, "score": p.score,
             "profile_id": p.quote.profile_id, "speaker": p.quote.speaker, "text": p.quote.text,
             "start": p.quote.start, "end": p.quote.end} for p in ranked_pull_quotes(analysis)]
    return pd.DataFrame(rows, columns=PULL_QUOTE_COLUMNS)
