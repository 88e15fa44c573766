"""The editor's candidates: stable ids, counts, evidence that traces to the article."""
import json

import pytest

from analysis.candidates import editor_candidates
from analysis.pipeline import all_tables, analyse

ID_PREFIXES = ("theme:", "slogan:", "enumeration:", "term:", "family:", "idiom:", "keyword:")


@pytest.fixture(scope="module")
def bundled(article):
    return analyse(article)


def test_candidates_are_ranked_with_stable_ids(bundled):
    candidates = editor_candidates(bundled)
    ids = [c.candidate_id for c in candidates]
    assert len(ids) == len(set(ids))
    assert all(i.startswith(ID_PREFIXES) for i in ids)
    assert [c.score for c in candidates] == sorted((c.score for c in candidates), reverse=True)
    assert {"theme:four_hearts", "slogan:四心", "term:话毕单成", "family:心", "family:员", "idiom:一丝不苟",
            "enumeration:群众:心系群众", "enumeration:全:全覆盖"} <= set(ids)
    assert ids == [c.candidate_id for c in editor_candidates(analyse(bundled.article))]  # same on a re-run
    slogan = next(c for c in candidates if c.candidate_id == "slogan:四心")
    assert slogan.label == "四心：耐心、细心、用心、爱心"
    assert ids.index("slogan:四心") < ids.index("idiom:一丝不苟")


def test_counts_and_evidence_trace_to_the_text(bundled):
    text = bundled.article.text
    for candidate in editor_candidates(bundled):
        assert sum(candidate.counts.values()) == candidate.total
        assert 1 <= len(candidate.evidence) <= 2
        for evidence in candidate.evidence:
            assert text[evidence.start:evidence.end] == evidence.sentence
            assert evidence.marks
            assert all(evidence.start <= s < e <= evidence.end for s, e in evidence.marks)
    theme = next(c for c in editor_candidates(bundled) if c.candidate_id == "theme:four_hearts")
    assert len({e.profile_id for e in theme.evidence}) == 2  # two profiles when it spans several


def test_candidates_table(bundled):
    frame = all_tables(bundled)["candidates"]
    assert list(frame.columns) == ["article_id", "candidate_id", "label", "type", "score", "total", "counts",
                                   "first", "signal", "evidence"]
    first = frame.iloc[0]
    assert sum(json.loads(first["counts"]).values()) == first["total"]
    evidence = json.loads(first["evidence"])
    assert set(evidence[0]) == {"section_id", "sentence", "start", "end", "marks"}


def test_candidate_hits_are_every_occurrence_with_its_span(bundled):
    """A picked candidate is drawn from its own hits: each is article.text[start:end], in its section."""
    tables = all_tables(bundled)
    hits, candidates = tables["candidate_hits"], tables["candidates"]
    text = bundled.article.text
    assert all(text[s:e] == t for s, e, t in zip(hits["start"], hits["end"], hits["text"]))
    assert all(bundled.article.section_at(s).id == p for s, p in zip(hits["start"], hits["section_id"]))
    totals = hits.groupby("candidate_id").size()
    assert all(totals[c] == t for c, t in zip(candidates["candidate_id"], candidates["total"]))


def test_families_and_keywords_come_first_only_with_a_signal_from_the_data(bundled):
    frame = all_tables(bundled)["candidates"]
    first = frame[frame["first"].astype(bool)]
    assert set(frame.loc[frame["type"].isin(["theme", "slogan", "term", "idiom"]), "candidate_id"]) <= set(first["candidate_id"])
    plain = first[first["type"].isin(["family", "keyword"])]
    assert (plain["signal"].str.len() > 0).all()  # no family or keyword first without a reason
    folded = frame[~frame["first"].astype(bool)]
    assert set(folded["type"]) <= {"family", "keyword"} and len(folded) > 0
    assert (folded["signal"].fillna("") == "").all()
