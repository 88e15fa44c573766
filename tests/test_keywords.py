"""Keywords: TF-IDF with jieba's IDF, TextRank, and keyness (G2, log ratio, reliability flag)."""
import math

import pytest

from analysis.keywords import is_content, keyness, log_likelihood, pagerank, textrank, tfidf
from analysis.pipeline import analyse


@pytest.fixture(scope="module")
def bundled(article):
    return analyse(article)


def test_tfidf_and_textrank_rank_each_profile(bundled):
    profiles = {p.id for p in bundled.article.profiles}
    for method in (tfidf, textrank):
        keywords = method(bundled, 5)
        assert {k.profile_id for k in keywords} == profiles
        for profile in profiles:
            ranked = [k for k in keywords if k.profile_id == profile]
            assert [k.rank for k in ranked] == list(range(1, len(ranked) + 1))
            assert [k.score for k in ranked] == sorted((k.score for k in ranked), reverse=True)
    assert "信息科" in {k.term for k in tfidf(bundled, 3) if k.profile_id == "p02"}
    names = {p.name for p in bundled.article.profiles}
    assert not names & {k.term for k in tfidf(bundled)}  # names are known, not keywords


def test_g2_matches_a_hand_computed_table():
    # 10 of 100 words in the profile, 10 of 1000 in the rest.
    g2, expected = log_likelihood(10, 10, 100, 1000)
    e1, e2 = 100 * 20 / 1100, 1000 * 20 / 1100
    e3, e4 = 100 * 1080 / 1100, 1000 * 1080 / 1100
    by_hand = 2 * (10 * math.log(10 / e1) + 10 * math.log(10 / e2) + 90 * math.log(90 / e3) + 990 * math.log(990 / e4))
    assert g2 == pytest.approx(by_hand)
    assert expected[0] == pytest.approx(e1)


def test_keyness_against_the_reference_corpus(bundled):
    from analysis.keywords import KEY_G2, MIN_OBSERVED, one_sample_g2, reference_frequencies

    rows = keyness(bundled, 50)
    assert rows
    reference, floor = reference_frequencies()
    for row in rows:
        assert row.log_ratio > 0  # only what a section over-uses
        assert row.reliable == (row.count >= MIN_OBSERVED and row.g2 >= KEY_G2)
        p = reference.get(row.term, floor)
        assert row.reference_per_million == pytest.approx(round(p * 1e6, 3))
        assert row.g2 == pytest.approx(round(one_sample_g2(row.count, row.section_words, p), 3))
    reliable = {r.term for r in rows if r.reliable}
    # The hotline's own vocabulary stands out against ordinary Chinese; everyday words do not.
    assert {"话务员", "热线"} & reliable
    assert not {"一定", "不敢", "很大", "其实"} & reliable  # the filler of the old within-article chart


def test_one_sample_g2_by_hand():
    from analysis.keywords import one_sample_g2

    # 5 of 100 words against p = 0.01: expected 1.
    by_hand = 2 * (5 * math.log(5 / 1) + 95 * math.log(95 / 99))
    assert one_sample_g2(5, 100, 0.01) == pytest.approx(by_hand)
    assert one_sample_g2(1, 100, 0.01) == pytest.approx(2 * 99 * math.log(99 / 99), abs=1e-9)


def test_pagerank_prefers_the_hub():
    scores = pagerank({("hub", "a"): 1, ("hub", "b"): 1, ("hub", "c"): 1})
    assert scores["hub"] == 1.0 and all(scores[n] < 1 for n in "abc")


def test_content_filter(bundled):
    kept = {t.norm for t in bundled.tokens if is_content(t)}
    assert "话务员" in kept and "的" not in kept and "，" not in kept
