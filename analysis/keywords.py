"""Keywords per profile: TF-IDF against jieba's bundled IDF, TextRank, and keyness (G2).

All three read the tokens already cut for the article (never jieba's global tokenizer).

Keyness compares each section with a reference corpus of ordinary Chinese, not with the other
sections (nine short profiles compared with each other cannot carry keyness: every count is
small). The reference is wordfreq's Chinese word list (`wordfreq.get_frequency_dict("zh")`:
frequencies from news, subtitles, Wikipedia and web text, shipped in the wheel, read offline).
Against a reference that large the test is the one-sample log-likelihood G2 of the section's
count a out of n words against the reference probability p, with the log ratio log2((a/n)/p)
as effect size. A word missing from the list gets the list's smallest frequency. `reliable`: at
least MIN_OBSERVED occurrences in the section and G2 >= KEY_G2 (p < 0.0001, Rayson's strictest
cut-off, since every section tests hundreds of words).
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from statistics import median

from .lexicon import HAN
from .pipeline import Analysis, per_analysis, table
from .segment import Token, stopwords
from .tablespec import rows

TOP_N = 10
TEXTRANK_WINDOW = 5  # jieba's default span
TEXTRANK_POS = ("n", "vn", "v", "ns", "nz", "nt", "l", "a")  # jieba's ('ns', 'n', 'vn', 'v') plus terms
DAMPING = 0.85
# Rayson, Berridge & Francis (2004): G2 behaves once every expected count is at least 1; and a
# word seen fewer than three times in a profile is an anecdote, not a keyword.
MIN_EXPECTED = 1.0
MIN_OBSERVED = 3
_CONTENT = re.compile(rf"[{HAN}]{{2,}}|[A-Za-z]{{2,}}")


@dataclass(frozen=True)
class Keyword:
    profile_id: str
    method: str  # "tfidf" or "textrank"
    term: str
    score: float
    rank: int


@dataclass(frozen=True)
class Keyness:
    profile_id: str
    term: str
    count: int  # in this section
    section_words: int  # content words in the section
    reference_per_million: float  # the word's frequency in the reference corpus
    g2: float
    log_ratio: float  # log2(section frequency / reference frequency); +1 = twice as frequent
    reliable: bool


def is_content(token: Token) -> bool:
    """Words worth ranking: two or more characters, no stopword, no number, name or punctuation."""
    return _is_content_word(token.norm, token.pos)


@lru_cache(maxsize=1 << 16)
def _is_content_word(norm: str, pos: str) -> bool:
    # Keyed on the word, not the token: an article asks about each token several times.
    return bool(_CONTENT.fullmatch(norm)) and norm not in stopwords() and not pos.startswith(("nr", "m", "x"))


def target_sections(analysis: Analysis) -> list[str]:
    """The profiles; else the sections under headings that name no one; else the unsplit body."""
    ids = [p.id for p in analysis.article.profiles]
    return ids or analysis.article.section_ids(("section",)) or analysis.article.section_ids(("body",))


@per_analysis
def _by_section(analysis: Analysis) -> dict[str, list[Token]]:
    grouped: dict[str, list[Token]] = defaultdict(list)
    for token in analysis.tokens:
        grouped[token.section_id].append(token)
    return grouped


@lru_cache(maxsize=1)
def jieba_idf() -> tuple[dict[str, float], float]:
    """jieba's bundled IDF table and its median (jieba's value for unseen words)."""
    # Located through the `jieba` package: resources.files("jieba.analyse") would import
    # jieba.analyse, which loads its own copy of this table (0.7-1.9 s) that we never use.
    raw = resources.files("jieba").joinpath("analyse", "idf.txt").read_text(encoding="utf-8")
    table = {}
    for line in raw.splitlines():
        word, _, value = line.strip().partition(" ")
        if value:
            table[word] = float(value)
    return table, median(table.values())


@per_analysis
def _content_counts(analysis: Analysis) -> dict[str, Counter]:
    """Each target section's content words and their counts (tf-idf and keyness both read them)."""
    grouped = _by_section(analysis)
    return {section_id: Counter(t.norm for t in grouped[section_id] if is_content(t))
            for section_id in target_sections(analysis)}


@per_analysis
def tfidf(analysis: Analysis, top_n: int = TOP_N) -> list[Keyword]:
    idf, default = jieba_idf()
    result = []
    for section_id, counts in _content_counts(analysis).items():
        total = sum(counts.values())
        scores = {term: n / total * idf.get(term, default) for term, n in counts.items()}
        result.extend(_ranked(section_id, "tfidf", scores, top_n))
    return result


def textrank(analysis: Analysis, top_n: int = TOP_N) -> list[Keyword]:
    """PageRank over co-occurrence within TEXTRANK_WINDOW tokens, as jieba's TextRank does."""
    result = []
    grouped = _by_section(analysis)
    for section_id in target_sections(analysis):
        tokens = grouped[section_id]
        ranked = [is_content(t) and t.pos.startswith(TEXTRANK_POS) for t in tokens]
        norms = [t.norm for t in tokens]
        weights: dict[tuple[str, str], int] = Counter()
        for i in [i for i, keep in enumerate(ranked) if keep]:
            norm = norms[i]
            for j in range(i + 1, min(i + TEXTRANK_WINDOW, len(tokens))):
                if ranked[j] and norms[j] != norm:
                    weights[(norm, norms[j])] += 1
        result.extend(_ranked(section_id, "textrank", pagerank(weights), top_n))
    return result


def pagerank(weights: dict[tuple[str, str], int], iterations: int = 10) -> dict[str, float]:
    """Weighted undirected PageRank, scaled so that the top node scores 1 (jieba's convention)."""
    graph: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for (a, b), weight in weights.items():
        graph[a][b] += weight
        graph[b][a] += weight
    if not graph:
        return {}
    score = {node: 1 / len(graph) for node in graph}
    out = {node: sum(edges.values()) for node, edges in graph.items()}
    # Each edge's share of its neighbour's weight, computed once rather than every iteration.
    shares = {node: [(other, w / out[other]) for other, w in edges.items()] for node, edges in graph.items()}
    for _ in range(iterations):
        score = {node: (1 - DAMPING) + DAMPING * sum(share * score[other] for other, share in edges)
                 for node, edges in shares.items()}
    top = max(score.values())
    return {node: value / top for node, value in score.items()}


def _ranked(section_id: str, method: str, scores: dict[str, float], top_n: int) -> list[Keyword]:
    ordered = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:top_n]
    return [Keyword(section_id, method, term, round(score, 4), rank)
            for rank, (term, score) in enumerate(ordered, 1)]


KEY_G2 = 15.13  # G2 for p < 0.0001 with one degree of freedom (Rayson, Berridge & Francis 2004)


@lru_cache(maxsize=1)
def reference_frequencies() -> tuple[dict[str, float], float]:
    """wordfreq's Chinese frequencies (proportions of all words) and the smallest of them."""
    import wordfreq

    table = wordfreq.get_frequency_dict("zh", wordlist="best")
    return table, min(table.values())


@per_analysis
def keyness(analysis: Analysis, top_n: int = TOP_N) -> tuple[Keyness, ...]:
    """Words a section uses more than ordinary Chinese does, by G2 against the reference corpus
    (computed once per analysis: the keyness table and the editor's candidates read it)."""
    reference, floor = reference_frequencies()
    result = []
    for section_id, counts in _content_counts(analysis).items():
        size = sum(counts.values())
        rows = []
        for term, count in counts.items():
            p = reference.get(term, floor)
            if count / size <= p:
                continue  # only what the section over-uses
            g2 = one_sample_g2(count, size, p)
            ratio = math.log2((count / size) / p)
            reliable = count >= MIN_OBSERVED and g2 >= KEY_G2
            rows.append(Keyness(section_id, term, count, size, round(p * 1e6, 3), round(g2, 3), round(ratio, 3),
                                reliable))
        rows.sort(key=lambda r: (not r.reliable, -r.g2, r.term))
        result.extend(rows[:top_n])
    return tuple(result)


def one_sample_g2(count: int, size: int, p: float) -> float:
    """G2 of `count` occurrences in `size` words against a reference probability `p`."""
    expected = size * p
    g2 = count * math.log(count / expected)
    if size > count:
        g2 += (size - count) * math.log((size - count) / (size - expected))
    return 2 * g2


def log_likelihood(a: int, b: int, size_a: int, size_b: int) -> tuple[float, tuple[float, ...]]:
    """G2 of the 2 x 2 table (word / other words) x (corpus a / corpus b), and its expected counts
    (collocations and the archive's keyness, where both corpora are counted)."""
    observed = (a, b, size_a - a, size_b - b)
    total = size_a + size_b
    word, other = a + b, total - a - b
    expected = (size_a * word / total, size_b * word / total, size_a * other / total, size_b * other / total)
    g2 = 2 * sum(o * math.log(o / e) for o, e in zip(observed, expected) if o > 0)
    return g2, expected


@table("keywords")
def _keywords_table(analysis: Analysis) -> list[dict]:
    return rows((*tfidf(analysis), *textrank(analysis)))


@table("keyness")
def _keyness_table(analysis: Analysis) -> list[dict]:
    return rows(keyness(analysis))
