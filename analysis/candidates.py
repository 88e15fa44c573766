"""The editor's candidates: codebook themes and everything discovery found, in one ranked list.

Each candidate has a stable id ("theme:four_hearts", "slogan:四心", "term:话毕单成" …) so that an
editor's picks survive a re-run, its counts per profile, and up to two evidence sentences (from
different profiles where possible) with the matched spans marked. The editors' page calls
`editor_candidates(analysis)`.

Score = type weight x (1 + ln total) x (0.5 + share of profiles where it occurs): a slogan or a
codebook theme that runs through many profiles comes first, a one-off idiom last.
"""
from __future__ import annotations

import bisect
import json
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from .discover import discover
from .keywords import keyness, tfidf
from .pipeline import Analysis, per_analysis, table
from .text import normalize
from .themes import default_hits

TYPE_WEIGHTS = {"slogan": 3.0, "theme": 2.0, "term": 2.0, "enumeration": 1.5, "family": 1.5,
                "keyword": 1.0, "idiom": 0.8}
TOP_FAMILIES = 5  # the largest morpheme families, besides those of the slogans
KEYWORDS_PER_PROFILE = 3
EVIDENCE_SENTENCES = 2
FAMILY_LABEL_WORDS = 6


@dataclass(frozen=True)
class Evidence:
    profile_id: str
    sentence: str  # exactly article.text[start:end]
    start: int
    end: int
    marks: tuple[tuple[int, int], ...]  # spans in the original article to highlight


@dataclass(frozen=True)
class Candidate:
    candidate_id: str
    label: str
    type: str
    score: float
    total: int
    counts: Mapping[str, int]  # section id -> occurrences
    evidence: tuple[Evidence, ...]
    spans: tuple[tuple[int, int], ...] = ()  # every occurrence in the original article, in text order
    signal: str = ""  # why a family or keyword deserves the editor's first look ("" = folded under 更多)


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int


def editor_candidates(analysis: Analysis) -> list[Candidate]:
    """One ranked list of everything worth an editor's look, highest score first."""
    return list(_candidates(analysis))


@per_analysis
def _candidates(analysis: Analysis) -> tuple[Candidate, ...]:
    raw: dict[str, tuple[str, str, list[_Mark]]] = {}

    def add(candidate_id: str, label: str, kind: str, marks: Iterable[_Mark]) -> None:
        if candidate_id in raw:
            raw[candidate_id][2].extend(marks)
        else:
            raw[candidate_id] = (label, kind, list(marks))

    article = analysis.article
    by_theme: dict[str, list] = defaultdict(list)
    for hit in default_hits(analysis):
        by_theme[hit.theme_id].append(hit)
    for theme_id, hits in by_theme.items():
        add(f"theme:{theme_id}", hits[0].theme_label, "theme", (_Mark(h.start, h.end) for h in hits))

    found = discover(analysis)
    normalized = normalize(article.text)
    # Tokens by surface and normal form, in text order: one pass instead of one per term.
    by_text: dict[str, list] = defaultdict(list)
    by_norm: dict[str, list] = defaultdict(list)
    for token in analysis.tokens:
        by_text[token.text].append(token)
        by_norm[token.norm].append(token)
    for slogan in found.slogans:
        # A slogan reaches as far as its members do: 四心 is also every 耐心, 细心 … in the article.
        members = [m for member in slogan.members for m in _literal_marks(normalized, member)]
        add(f"slogan:{slogan.label}", f"{slogan.label}：{'、'.join(slogan.members)}", "slogan",
            [_Mark(slogan.start, slogan.end), *members])
    for enumeration in found.enumerations:
        add(f"enumeration:{enumeration.shared}:{enumeration.items[0].text}",
            "、".join(i.text for i in enumeration.items), "enumeration",
            [_Mark(enumeration.start, enumeration.end)])

    for term in sorted({t.term for t in found.quoted_terms}):
        # Quoted, or used as a word of its own (话毕单成 unquoted); not inside longer words (便民热线).
        quoted = [_Mark(t.start, t.end) for t in found.quoted_terms if t.term == term]
        add(f"term:{term}", term, "term", [*quoted, *(_Mark(t.start, t.end) for t in by_text.get(term, ()))])

    family_words: dict[str, set[str]] = defaultdict(set)
    for row in found.families:
        family_words[row.morpheme].add(row.word)
    chosen = sorted(family_words, key=lambda m: (-len(family_words[m]), m))[:TOP_FAMILIES]
    chosen += [s.morpheme for s in found.slogans if s.morpheme in family_words and s.morpheme not in chosen]
    for morpheme in chosen:
        words = family_words[morpheme]
        marks = [_Mark(t.start, t.end) for word in words for t in by_norm.get(word, ())]  # any order: _build sorts
        top = sorted(words, key=lambda w: (-len(by_norm.get(w, ())), w))[:FAMILY_LABEL_WORDS]
        add(f"family:{morpheme}", f"{morpheme}：{'、'.join(top)}", "family", marks)

    by_idiom: dict[str, list[_Mark]] = defaultdict(list)
    for idiom in found.idioms:
        by_idiom[idiom.idiom].append(_Mark(idiom.start, idiom.end))
    for idiom, marks in by_idiom.items():
        add(f"idiom:{idiom}", idiom, "idiom", marks)

    covered = {label for label, _, _ in raw.values()}
    for keyword in tfidf(analysis, KEYWORDS_PER_PROFILE):
        if keyword.term not in covered and f"keyword:{keyword.term}" not in raw:
            add(f"keyword:{keyword.term}", keyword.term, "keyword",
                [_Mark(t.start, t.end) for t in by_norm.get(keyword.term, ())])

    profiles = [p.id for p in article.profiles] or [s.id for s in article.sections]
    signals = _signals(analysis, found)
    starts = [s.start for s in analysis.sentences]
    candidates = [replace(_build(analysis, cid, label, kind, marks, profiles, starts), signal=signals.get(cid, ""))
                  for cid, (label, kind, marks) in raw.items()]
    return tuple(sorted(candidates, key=lambda c: (-c.score, c.candidate_id)))


# The article's own discoveries and the codebook come first on the editors' page; a morpheme family
# or a plain keyword only when the data give it a signal (below), the rest under 更多.
FIRST_TYPES = frozenset({"theme", "slogan", "term", "idiom", "enumeration"})


def _signals(analysis: Analysis, found) -> dict[str, str]:
    """The signal of each family and keyword that has one: a family whose morpheme is the shared
    morpheme of a numbered slogan (心 of 四心), a keyword that is reliably key to a section (the
    keyness table's small-sample guard passed, more frequent there than elsewhere)."""
    signals = {}
    for slogan in found.slogans:
        if slogan.morpheme:
            signals[f"family:{slogan.morpheme}"] = f"口号“{slogan.label}”的共同语素"
    names = {p.id: p.name for p in analysis.article.profiles}
    for row in keyness(analysis):
        if row.reliable and row.log_ratio > 0 and f"keyword:{row.term}" not in signals:
            who = names.get(row.profile_id) or row.profile_id
            signals[f"keyword:{row.term}"] = f"{who}段落的关键词（对数似然 {row.g2:g}）"
    return signals


def _literal_marks(normalized, term: str) -> list[_Mark]:
    needle = normalize(term).text
    marks, at = [], normalized.text.find(needle)
    while at != -1:
        marks.append(_Mark(*normalized.to_source(at, at + len(needle))))
        at = normalized.text.find(needle, at + len(needle))
    return marks


def _build(analysis: Analysis, candidate_id: str, label: str, kind: str, marks: list[_Mark],
           profiles: list[str], starts: list[int]) -> Candidate:
    """`starts`: each sentence's start, in order."""
    by_sentence: dict[int, set[tuple[int, int]]] = defaultdict(set)
    for mark in marks:
        index = bisect.bisect_right(starts, mark.start) - 1
        if index >= 0:
            by_sentence[index].add((mark.start, mark.end))
    unique = sorted({(m.start, m.end) for m in marks})
    counts: dict[str, int] = defaultdict(int)
    for start, _ in unique:
        counts[analysis.article.section_at(start).id] += 1
    spread = sum(1 for p in profiles if counts.get(p)) / max(len(profiles), 1)
    score = TYPE_WEIGHTS[kind] * (1 + math.log(max(len(unique), 1))) * (0.5 + spread)
    return Candidate(candidate_id, label, kind, round(score, 3), len(unique), dict(counts),
                     _evidence(analysis, by_sentence), tuple(unique))


def _evidence(analysis: Analysis, by_sentence: dict[int, set[tuple[int, int]]]) -> tuple[Evidence, ...]:
    """Up to two sentences, from different profiles when the candidate occurs in more than one."""
    chosen, seen_profiles = [], set()
    ordered = sorted(by_sentence)
    for prefer_new_profile in (True, False):
        for index in ordered:
            sentence = analysis.sentences[index]
            if len(chosen) == EVIDENCE_SENTENCES or index in chosen:
                continue
            if prefer_new_profile and sentence.section_id in seen_profiles:
                continue
            chosen.append(index)
            seen_profiles.add(sentence.section_id)
    result = []
    for index in sorted(chosen):
        sentence = analysis.sentences[index]
        marks = tuple(sorted((max(s, sentence.start), min(e, sentence.end)) for s, e in by_sentence[index]))
        result.append(Evidence(sentence.section_id, sentence.text, sentence.start, sentence.end, marks))
    return tuple(result)


def candidate_records(candidates: Iterable[Candidate]) -> list[dict]:
    return [{"candidate_id": c.candidate_id, "label": c.label, "type": c.type, "score": c.score, "total": c.total,
             "counts": dict(c.counts), "first": c.type in FIRST_TYPES or bool(c.signal), "signal": c.signal,
             "evidence": [{"section_id": e.profile_id, "sentence": e.sentence, "start": e.start, "end": e.end,
                           "marks": [list(m) for m in e.marks]} for e in c.evidence]}
            for c in candidates]


@table("candidates")
def _candidates_table(analysis: Analysis) -> list[dict]:
    return [{**r, "counts": json.dumps(r["counts"], ensure_ascii=False),
             "evidence": json.dumps(r["evidence"], ensure_ascii=False)}
            for r in candidate_records(editor_candidates(analysis))]


@table("candidate_hits")
def _candidate_hits_table(analysis: Analysis) -> list[dict]:
    """Every occurrence of every candidate, so that a picked one can be drawn from its own hits."""
    starts = [s.start for s in analysis.sentences]
    text = analysis.article.text
    return [{"candidate_id": c.candidate_id, "type": c.type, "section_id": analysis.article.section_at(start).id,
             "sentence_index": bisect.bisect_right(starts, start) - 1, "text": text[start:end],
             "start": start, "end": end}
            for c in editor_candidates(analysis) for start, end in c.spans]
