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


def test_keyness_flags_small_counts(bundled):
    rows = keyness(bundled, 50)
    assert rows
    for row in rows:
        assert row.count / 1 > 0 and row.log_ratio > 0  # only what a profile over-uses
        if row.count < 3:
            assert not row.reliable
    assert any(r.reliable for r in rows) and not all(r.reliable for r in rows)
    informatics = next(r for r in rows if r.profile_id == "p02" and r.term == "信息科")
    assert informatics.other_count == 0 and informatics.g2 > 10


def test_pagerank_prefers_the_hub():
    scores = pagerank({("hub", "a"): 1, ("hub", "b"): 1, ("hub", "c"): 1})
    assert scores["hub"] == 1.0 and all(scores[n] < 1 for n in "abc")


def test_content_filter(bundled):
    kept = {t.norm for t in bundled.tokens if is_content(t)}
    assert "话务员" in kept and "的" not in kept and "，" not in kept
