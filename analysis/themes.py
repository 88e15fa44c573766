"""Codebook themes matched in one pass: hits with spans, the theme x profile matrix, evidence.

Every term and literal string of the codebook goes into one Aho-Corasick automaton, which runs
once over the normalised article whatever the codebook's size. Its occurrences are sorted into
sentences; a term occurrence counts only where it is exactly one token, a literal one anywhere.
Each theme's rules are then evaluated per sentence from those occurrences alone. A parent theme
counts its own hits and those of its descendants (四心 counts 耐心, 细心 ...).
"""
from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick
from .codebook import (AllOf, AnyOf, Atom, Codebook, Literal, Near, Not, Rule, Term, Theme,
                       rule_atoms)
from .corpus import Article
from .pipeline import Analysis, per_analysis, table
from .segment import Token
from .tablespec import rows
from .text import Sentence, normalize


@dataclass(frozen=True)
class Occurrence:
    """Where an atom of the codebook was found: a source span and the token position it falls on."""
    atom: Atom
    sentence_index: int
    token_index: int  # index into the article's tokens, for near()
    start: int
    end: int


@dataclass(frozen=True)
class ThemeHit:
    theme_id: str
    theme_label: str
    parent: str | None
    profile_id: str
    sentence_index: int
    sentence: str
    text: str  # exactly article.text[start:end]
    start: int
    end: int


@dataclass(frozen=True)
class ThemeCount:
    theme_id: str
    theme_label: str
    parent: str | None
    profile_id: str
    name: str
    count: int
    chars: int  # length of the profile body
    rate_per_1000: float


@lru_cache(maxsize=8)
def _automaton(atoms: frozenset[Atom]) -> ahocorasick.Automaton:
    by_string: dict[str, list[Atom]] = defaultdict(list)
    for atom in atoms:
        by_string[atom.text].append(atom)
    automaton = ahocorasick.Automaton()
    for string, found in by_string.items():
        automaton.add_word(string, (len(string), tuple(found)))
    automaton.make_automaton()
    return automaton


def find_occurrences(article: Article, sentences: Sequence[Sentence], tokens: Sequence[Token],
                     atoms: Iterable[Atom]) -> dict[int, list[Occurrence]]:
    """All occurrences of the atoms, grouped by sentence index: one pass over the normalised text."""
    atoms = frozenset(atoms)
    if not atoms:
        return {}
    normalized = normalize(article.text)
    sentence_starts = [s.start for s in sentences]
    token_starts = [t.start for t in tokens]
    token_at = {(t.start, t.end): index for index, t in enumerate(tokens)}
    found: dict[int, list[Occurrence]] = defaultdict(list)
    for last, (length, candidates) in _automaton(atoms).iter(normalized.text):
        start, end = normalized.to_source(last - length + 1, last + 1)
        position = bisect.bisect_right(sentence_starts, start) - 1
        if position < 0 or end > sentences[position].end:
            continue  # outside any sentence, or running across a sentence break
        whole_token = token_at.get((start, end))
        for atom in candidates:
            if isinstance(atom, Term):
                if whole_token is None:
                    continue
                token_index = whole_token
            else:
                token_index = max(0, bisect.bisect_right(token_starts, start) - 1)
            found[sentences[position].index].append(Occurrence(atom, sentences[position].index, token_index, start, end))
    return found


def evaluate(rule: Rule, occurrences: dict[Atom, list[Occurrence]]) -> list[Occurrence] | None:
    """The occurrences that make `rule` true in one sentence, or None when it is false there.

    A satisfied NOT contributes no occurrences (an empty list), so it never becomes a hit's text.
    """
    if isinstance(rule, (Term, Literal)):
        return occurrences.get(rule) or None
    if isinstance(rule, AnyOf):
        parts = [evaluate(item, occurrences) for item in rule.items]
        matched = [part for part in parts if part is not None]
        return [o for part in matched for o in part] if matched else None
    if isinstance(rule, AllOf):
        marks: list[Occurrence] = []
        for item in rule.items:
            part = evaluate(item, occurrences)
            if part is None:
                return None
            marks.extend(part)
        return marks
    if isinstance(rule, Not):
        return None if evaluate(rule.item, occurrences) is not None else []
    return _near(rule, occurrences)


def _near(rule: Near, occurrences: dict[Atom, list[Occurrence]]) -> list[Occurrence] | None:
    """Occurrences of either side that have one of the other side within the window.

    n log n in the number of occurrences (sorted positions and binary search), never every pair:
    a sentence of 20,000 repeated hits must not take minutes.
    """
    left = _by_token({(o.start, o.end): o for atom in rule.left for o in occurrences.get(atom, ())})
    right = _by_token({(o.start, o.end): o for atom in rule.right for o in occurrences.get(atom, ())})
    marks = {**_partnered(left, right, rule.window), **_partnered(right, left, rule.window)}
    return list(marks.values()) or None


def _by_token(spans: dict[tuple[int, int], Occurrence]) -> list[Occurrence]:
    return sorted(spans.values(), key=lambda o: (o.token_index, o.start, o.end))


def _partnered(these: list[Occurrence], others: list[Occurrence], window: int) -> dict[tuple[int, int], Occurrence]:
    """Those of `these` with an occurrence of `others` at another span within `window` tokens.
    Spans are unique on each side, so at most one of the others in the window can be the same span."""
    positions = [o.token_index for o in others]
    found = {}
    for occurrence in these:
        low = bisect.bisect_left(positions, occurrence.token_index - window)
        high = bisect.bisect_right(positions, occurrence.token_index + window)
        if high - low >= 2 or (high - low == 1 and (others[low].start, others[low].end) != (occurrence.start, occurrence.end)):
            found[(occurrence.start, occurrence.end)] = occurrence
    return found


def match_themes(analysis: Analysis, codebook: Codebook) -> list[ThemeHit]:
    """Every theme hit in the article, in text order; parents include their descendants' hits."""
    article, sentences = analysis.article, analysis.sentences
    found = find_occurrences(article, sentences, analysis.tokens, codebook.atoms())
    own: dict[str, dict[int, dict[tuple[int, int], Occurrence]]] = {t.id: {} for t in codebook.themes}
    # Only the themes that use an atom found in a sentence can match there (every rule needs one).
    themes_of: dict[Atom, list[Theme]] = defaultdict(list)
    for theme in codebook.themes:
        for atom in {a for rule in theme.rules for a in rule_atoms(rule)}:
            themes_of[atom].append(theme)
    order = {theme.id: index for index, theme in enumerate(codebook.themes)}
    for sentence_index, occurrences in found.items():
        by_atom: dict[Atom, list[Occurrence]] = defaultdict(list)
        for occurrence in occurrences:
            by_atom[occurrence.atom].append(occurrence)
        candidates = {theme.id: theme for atom in by_atom for theme in themes_of[atom]}
        for theme in sorted(candidates.values(), key=lambda t: order[t.id]):
            marks: dict[tuple[int, int], Occurrence] = {}
            for rule in theme.rules:
                for occurrence in evaluate(rule, by_atom) or ():
                    marks[(occurrence.start, occurrence.end)] = occurrence
            if marks:
                own[theme.id][sentence_index] = marks
    children: dict[str | None, list[Theme]] = defaultdict(list)
    for theme in codebook.themes:
        children[theme.parent].append(theme)
    hits: list[ThemeHit] = []
    for theme in codebook.themes:
        merged: dict[int, dict[tuple[int, int], Occurrence]] = defaultdict(dict)
        for member in (theme, *_descendants(children, theme.id)):
            for sentence_index, marks in own[member.id].items():
                merged[sentence_index].update(marks)
        for sentence_index in sorted(merged):
            sentence = sentences[sentence_index]
            for (start, end) in sorted(merged[sentence_index]):
                hits.append(ThemeHit(theme.id, theme.label, theme.parent, sentence.section_id, sentence_index,
                                     sentence.text, article.text[start:end], start, end))
    return sorted(hits, key=lambda h: (h.start, h.end, order[h.theme_id]))


def _descendants(children: dict[str | None, list[Theme]], theme_id: str) -> list[Theme]:
    result = []
    for child in children[theme_id]:
        result.append(child)
        result.extend(_descendants(children, child.id))
    return result


def theme_matrix(analysis: Analysis, codebook: Codebook, hits: Iterable[ThemeHit]) -> list[ThemeCount]:
    """One row per theme x profile, zeros included; rates per 1,000 characters of profile body."""
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for hit in hits:
        counts[(hit.theme_id, hit.profile_id)] += 1
    rows = []
    for theme in codebook.themes:
        for profile in analysis.article.profiles:
            chars = profile.body_end - profile.body_start
            count = counts[(theme.id, profile.id)]
            rate = round(1000 * count / chars, 2) if chars else 0.0
            rows.append(ThemeCount(theme.id, theme.label, theme.parent, profile.id, profile.name, count, chars, rate))
    return rows


@dataclass(frozen=True)
class EvidenceSentence:
    theme_id: str
    profile_id: str
    sentence_index: int
    sentence: str
    start: int
    end: int
    marks: tuple[tuple[int, int], ...]  # spans of the matched text, in the original article


def theme_evidence(analysis: Analysis, hits: Iterable[ThemeHit]) -> dict[str, list[EvidenceSentence]]:
    """For each theme, the sentences that carry it, with the matched spans to highlight."""
    grouped: dict[tuple[str, int], list[ThemeHit]] = defaultdict(list)
    for hit in hits:
        grouped[(hit.theme_id, hit.sentence_index)].append(hit)
    evidence: dict[str, list[EvidenceSentence]] = defaultdict(list)
    for (theme_id, sentence_index), group in sorted(grouped.items(), key=lambda item: item[0][1]):
        sentence = analysis.sentences[sentence_index]
        evidence[theme_id].append(EvidenceSentence(
            theme_id, sentence.section_id, sentence_index, sentence.text, sentence.start, sentence.end,
            tuple(sorted({(h.start, h.end) for h in group}))))
    return dict(evidence)


@per_analysis
def default_hits(analysis: Analysis) -> tuple[ThemeHit, ...]:
    """Hits of the run's codebook (`analysis.config`), computed once per analysis (tables and candidates share them)."""
    return tuple(match_themes(analysis, analysis.config.load_codebook()))


@table("theme_hits")
def _theme_hits(analysis: Analysis) -> list[dict]:
    return rows(default_hits(analysis))


@table("theme_matrix")
def _theme_matrix(analysis: Analysis) -> list[dict]:
    return rows(theme_matrix(analysis, analysis.config.load_codebook(), default_hits(analysis)))
