"""Concordance (kwic) and collocations: spans, agreement with a substring search, hand-computed statistics."""
from __future__ import annotations

import math
import re
import warnings

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.collocations import collocates, multiword_units
from analysis.concordance import archive_kwic, kwic, kwic_frame, read_archive, rebuild_text
from analysis.corpus import ArticleWarning, Metadata, load_article, parse_article
from analysis.errors import InputError
from analysis.pipeline import all_tables, analyse


@pytest.fixture(scope="module")
def bundled():
    analysis = analyse(load_article())
    return analysis.article, all_tables(analysis)


@pytest.mark.parametrize("query", ["耐心", "市民", "话毕单成", "12345", "不存在的词"])
def test_kwic_agrees_with_a_substring_search(bundled, query):
    article, tables = bundled
    lines = kwic(query, tables)
    expected = [(m.start(), m.end()) for m in re.finditer(re.escape(query), article.text)]
    assert [(line.start, line.end) for line in lines] == expected
    for line in lines:
        assert article.text[line.start:line.end] == line.keyword == query
        assert article.section_at(line.start).id == line.section_id


def test_kwic_context_is_whole_tokens_around_the_keyword(bundled):
    article, tables = bundled
    tokens = tables["tokens"]
    token_starts, token_ends = set(tokens["start"]), set(tokens["end"])
    for line in kwic("耐心", tables, window=3):
        left_from = line.start - len(line.left)
        right_to = line.end + len(line.right)
        # Contexts start and end at token boundaries (no white space inside this article's sentences).
        assert left_from in token_starts or left_from == line.start
        assert right_to in token_ends or right_to == line.end
        assert article.text[left_from:line.start] == line.left
        assert len(line.left_words) <= 3 and len(line.right_words) <= 3


def test_kwic_sorts_like_antconc(bundled):
    _, tables = bundled
    by_right = kwic("市民", tables, sort="right")
    assert [line.right_words for line in by_right] == sorted(line.right_words for line in by_right)
    by_left = kwic("市民", tables, sort="left")
    assert [line.left_words for line in by_left] == sorted(line.left_words for line in by_left)
    by_position = kwic("市民", tables)
    assert [line.start for line in by_position] == sorted(line.start for line in by_position)


def test_kwic_theme_and_slogan_queries_use_the_extractors_spans(bundled):
    article, tables = bundled
    hits = tables["theme_hits"]
    theme_id = hits["theme_id"].iloc[0]
    lines = kwic(f"theme:{theme_id}", tables)
    expected = set(map(tuple, hits[hits["theme_id"] == theme_id][["start", "end"]].itertuples(index=False)))
    assert {(line.start, line.end) for line in lines} == expected
    for line in lines:
        assert article.text[line.start:line.end] == line.keyword
    slogans = tables["slogans"]
    if not slogans.empty:
        label = slogans["label"].iloc[0]
        assert {line.keyword for line in kwic(f"slogan:{label}", tables)} == {label}


def test_kwic_names_the_speaker_inside_a_speech_quote(bundled):
    _, tables = bundled
    quotes = tables["quotes"]
    speech = quotes[(quotes["kind"] == "speech") & quotes["speaker"].notna()].iloc[0]
    word = speech["text"][:2]
    inside = [line for line in kwic(word, tables) if speech["start"] <= line.start < speech["end"]]
    assert inside and inside[0].speaker == speech["speaker"]


def test_kwic_refuses_bad_arguments(bundled):
    _, tables = bundled
    with pytest.raises(InputError, match="empty"):
        kwic("  ", tables)
    with pytest.raises(InputError, match="sort"):
        kwic("耐心", tables, sort="middle")


@settings(max_examples=25, deadline=None)
@given(st.text(alphabet="热线耐心服务市民。，说", min_size=1, max_size=60), st.text(alphabet="热线耐心", min_size=1, max_size=3))
def test_kwic_matches_substring_search_on_any_text(body, query):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ArticleWarning)  # no headings in a random text: expected
        article = parse_article("热线服务\n" + body + "。", Metadata(id="fuzz"))
    tables = {"tokens": all_tables_tokens(article)}
    expected = [(m.start(), m.end()) for m in re.finditer(re.escape(query), article.text)]
    assert [(line.start, line.end) for line in kwic(query, tables)] == expected


def all_tables_tokens(article) -> pd.DataFrame:
    from analysis.tables import tokens_table

    return tokens_table(article, analyse(article).tokens)


def test_rebuild_text_fills_gaps_with_spaces():
    assert rebuild_text([0, 3], [2, 4], ["ab", "c"]) == "ab c"


# ---------------------------------------------------------------- on an archive (batch output)

def test_kwic_on_a_batch_output_reads_parquet_and_matches_each_article(tmp_path):
    from analysis.batch import run_batch

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    texts = {"a": "热线的故事\n话务员每天耐心接听市民来电，耐心解答。", "b": "另一篇稿件\n她说：“耐心是第一位的。”"}
    for name, text in texts.items():
        (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
    run_batch(corpus, tmp_path / "out", progress=False)
    archive = read_archive(tmp_path / "out")
    lines = kwic("耐心", archive)
    assert {line.article_id for line in lines} == {"a", "b"}
    for name, text in texts.items():
        expected = [(m.start(), m.end()) for m in re.finditer("耐心", text)]
        assert [(l.start, l.end) for l in lines if l.article_id == name] == expected
    frame = kwic_frame(lines)
    assert list(frame.columns) == ["article_id", "section_id", "start", "end", "left", "keyword", "right", "speaker"]
    # Through the archive's index (built once, kept in .kwic/): the very same lines, every sort.
    for sort in ("position", "left", "right"):
        for query in ("耐心", "热线", "。", "theme:patience"):
            assert archive_kwic(query, tmp_path / "out", 3, sort) == kwic(query, archive, 3, sort)
    assert (tmp_path / "out" / ".kwic" / "meta.json").is_file()
    assert archive_kwic("耐心", tmp_path / "out") == kwic("耐心", archive)  # from the kept index


def test_read_archive_names_the_fix_for_a_wrong_folder(tmp_path):
    with pytest.raises(InputError, match="batch"):
        read_archive(tmp_path)


# ---------------------------------------------------------------- collocation statistics by hand

def _toy_tokens() -> pd.DataFrame:
    """Two sentences of content words, spans laid end to end: A B C A D / B A E."""
    words = [("A", 0), ("B", 0), ("C", 0), ("A", 0), ("D", 0), ("B", 1), ("A", 1), ("E", 1)]
    rows, offset = [], 0
    for word, sentence in words:
        norm = {"A": "耐心", "B": "热情", "C": "服务", "D": "市民", "E": "电话"}[word]
        rows.append({"article_id": "toy", "section_id": "body", "sentence_index": sentence, "text": norm,
                     "norm": norm, "pos": "n", "start": offset, "end": offset + 2, "stopword": False})
        offset += 2
    return pd.DataFrame(rows)


def test_collocates_match_a_hand_computation():
    tokens = _toy_tokens()
    rows = {c.collocate: c for c in collocates("耐心", {"tokens": tokens}, window=1)}
    # 耐心 at positions 0, 3 (sentence 0) and 1 (sentence 1); window 1 within the sentence:
    # [热情], [服务, 市民], [热情, 电话] -> 热情 2, 服务 1, 市民 1, 电话 1; five tokens inside the windows.
    assert {k: v.count for k, v in rows.items()} == {"热情": 2, "服务": 1, "市民": 1, "电话": 1}
    n, f_node, f_c, o, span = 8, 3, 2, 2, 2
    assert rows["热情"].mi == pytest.approx(round(math.log2(o * n / (f_node * f_c * span)), 3))
    # G2 by hand: inside = 5 tokens (热情 2 of them), outside = 3 tokens (热情 0 of them).
    observed = [2, 0, 3, 3]
    expected = [5 * 2 / 8, 3 * 2 / 8, 5 * 6 / 8, 3 * 6 / 8]
    g2 = 2 * sum(o * math.log(o / e) for o, e in zip(observed, expected) if o)
    assert rows["热情"].g2 == pytest.approx(round(g2, 3))
    assert not rows["热情"].reliable  # two co-occurrences: below the small-sample guard


def test_multiword_units_lambda_matches_a_hand_computation():
    tokens = _toy_tokens()
    units = {u.words: u for u in multiword_units(tokens, min_count=1)}
    # Adjacent pairs within sentences: AB BC CA AD | BA AE -> 6 pairs.
    unit = units[("耐心", "热情")]
    n11, n12, n21 = 1, 3 - 1, 1 - 1  # 耐心 first in 3 pairs (AB, AD, AE), 热情 second in 1 (AB)
    n22 = 6 - n11 - n12 - n21
    cells = [n11 + .5, n12 + .5, n21 + .5, n22 + .5]
    lam = math.log(cells[0] * cells[3] / (cells[1] * cells[2]))
    assert unit.lambda_ == pytest.approx(round(lam, 3))
    assert unit.z == pytest.approx(round(lam / math.sqrt(sum(1 / c for c in cells)), 3))
    assert (unit.start, unit.end, unit.unit) == (0, 4, "耐心热情")


def test_multiword_units_carry_spans_that_slice_the_text(bundled):
    article, tables = bundled
    units = multiword_units(tables["tokens"])
    assert units
    for unit in units:
        assert article.text[unit.start:unit.end] == unit.unit
        assert article.section_at(unit.start).id == unit.section_id
