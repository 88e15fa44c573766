"""The per-analysis memo: shared results are computed once per analysis, equal fresh ones, and stay
with their analysis (nothing carries over to the next article)."""
import subprocess
import sys

import pandas as pd
import pytest

from analysis import codebook, dates, facts
from analysis.candidates import editor_candidates
from analysis.discover import discover
from analysis.keywords import tfidf
from analysis.people import people
from analysis.pipeline import Analysis, all_tables, analyse, per_analysis
from analysis.quotes import extract_quotes
from analysis.themes import default_hits

SHARED = [dates.extract_dates, facts.extract_facts, extract_quotes, discover, default_hits, people, tfidf]


@pytest.fixture(scope="module")
def analysed(article):
    analysis = analyse(article)
    return analysis, all_tables(analysis)


def test_dates_are_found_once_per_sentence_for_all_tables(article, monkeypatch):
    calls = []
    original = dates._sentence_dates
    monkeypatch.setattr(dates, "_sentence_dates", lambda *args: calls.append(1) or original(*args))
    analysis = analyse(article)
    all_tables(analysis)  # dates, facts, people and workloads all use the dates
    assert len(calls) == len(analysis.sentences)


@pytest.mark.parametrize("compute", SHARED, ids=lambda f: f.__name__)
def test_shared_result_is_kept_and_equals_a_fresh_one(analysed, compute):
    analysis, _ = analysed
    kept = compute(analysis)
    assert compute(analysis) is kept
    assert compute.__wrapped__(analysis) == kept


def test_a_new_analysis_starts_empty_and_gives_the_same_tables(article, analysed):
    first, tables = analysed
    second = analyse(article)
    assert second == first and second.derived is not first.derived
    # only the person recogniser's results, which `analyse` needs for the name tokens
    assert {key[0] for key in second.derived} <= {"analysis.names"}
    again = all_tables(second)
    assert list(again) == list(tables)
    for name, frame in tables.items():
        pd.testing.assert_frame_equal(again[name], frame, obj=name)


def test_candidates_use_the_shared_hits_and_discoveries(analysed):
    analysis, _ = analysed
    assert editor_candidates(analysis)  # the bundled article has candidates
    assert any(key[1] == "default_hits" for key in analysis.derived)
    assert any(key[1] == "discover" for key in analysis.derived)


def test_per_analysis_keys_on_the_arguments(article):
    seen = []

    @per_analysis
    def first_tokens(analysis: Analysis, count: int) -> tuple:
        seen.append(count)
        return analysis.tokens[:count]

    analysis = analyse(article)
    assert len(first_tokens(analysis, 3)) == 3 and len(first_tokens(analysis, 5)) == 5
    first_tokens(analysis, 3)
    assert seen == [3, 5]


def test_codebook_is_parsed_once_per_file_version(tmp_path):
    path = tmp_path / "codebook.yaml"
    path.write_text(codebook.default_codebook_path().read_text(encoding="utf-8"), encoding="utf-8")
    first = codebook.load_codebook(path)
    assert codebook.load_codebook(path) is first
    assert codebook.load_codebook() is codebook.load_codebook()
    # An edited file is read again (a comment added: another size and mtime, so another key).
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\n# edited\n", encoding="utf-8")
    edited = codebook.load_codebook(path)
    assert edited is not first and edited == first


def test_idf_table_is_read_without_importing_jieba_analyse():
    # jieba.analyse loads its own copy of the table at import (about a second per process).
    code = ("import sys; from analysis.keywords import jieba_idf; table, default = jieba_idf(); "
            "assert len(table) > 100_000 and default > 0; print('jieba.analyse' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
