"""The archive view over a batch output: aggregates, keyness against the rest, the notebook and its figure."""
from __future__ import annotations

import shutil

import pandas as pd
import pytest

from analysis.archive import (FieldPattern, archive_discoveries, article_index, article_keyness, article_table,
                              article_theme_matrix, load_archive, theme_prevalence)
from analysis.corpus import BUNDLED_CORPUS, DEFAULT_ARTICLE_ID
from analysis.errors import InputError

SMALL = {
    "0001_hotline.txt": "热线故事\n话务员每天耐心接听市民来电，耐心解答群众的问题，做到“话毕单成”。",
    "0002_hotline.txt": "窗口服务\n工作人员热情周到，耐心细致，群众满意。",
    "0003_sports.txt": "比赛报道\n主队在主场以三比一战胜客队，球迷热情高涨。",
}
CATEGORY = FieldPattern.parse("category=_([a-z]+)$")


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    from analysis.batch import run_batch

    root = tmp_path_factory.mktemp("archive")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in SMALL.items():
        (corpus / name).write_text(text, encoding="utf-8")
    shutil.copytree(BUNDLED_CORPUS / DEFAULT_ARTICLE_ID, corpus / "0004_feature")
    run_batch(corpus, root / "tables", progress=False)
    return root


@pytest.fixture(scope="module")
def tables(archive):
    return load_archive(archive / "tables")


def test_article_index_reads_fields_from_ids(tables):
    index = article_index(tables, (CATEGORY,))
    assert set(index["article_id"]) == {"0001_hotline", "0002_hotline", "0003_sports", DEFAULT_ARTICLE_ID}
    categories = dict(zip(index["article_id"], index["category"]))
    assert categories["0001_hotline"] == "hotline" and categories["0003_sports"] == "sports"
    assert pd.isna(categories[DEFAULT_ARTICLE_ID])  # the bundled article's id carries no category
    assert int(index.set_index("article_id").loc[DEFAULT_ARTICLE_ID, "profiles"]) == 9


def test_theme_prevalence_is_the_share_of_articles_mentioning_a_theme(tables):
    index = article_index(tables, (CATEGORY,))
    prevalence = theme_prevalence(tables, index, "category")
    hits = tables["theme_hits"]
    groups = dict(zip(index["article_id"], index["category"].fillna("（未知）")))
    for row in prevalence.itertuples():
        members = [a for a, g in groups.items() if g == row.group]
        with_theme = hits[(hits["theme_id"] == row.theme_id) & hits["article_id"].isin(members)]["article_id"].nunique()
        assert row.articles == len(members)
        assert row.articles_with == with_theme
        assert row.share == pytest.approx(with_theme / len(members), abs=1e-4)
    assert set(prevalence["group"]) <= {"hotline", "sports", "（未知）"}


def test_article_theme_matrix_rates_per_thousand_characters(tables):
    index = article_index(tables)
    matrix = article_theme_matrix(tables, index)
    hits = tables["theme_hits"]
    article, label = DEFAULT_ARTICLE_ID, hits[hits["article_id"] == DEFAULT_ARTICLE_ID]["theme_label"].iloc[0]
    count = ((hits["article_id"] == article) & (hits["theme_label"] == label)).sum()
    chars = index.set_index("article_id").loc[article, "chars"]
    assert matrix.loc[article, label] == pytest.approx(round(count / chars * 1000, 2))


def test_discoveries_count_articles_and_point_at_the_text(tables, archive):
    found = archive_discoveries(tables)
    assert not found.empty
    assert found["articles"].is_monotonic_decreasing
    term = found[found["label"] == "话毕单成"]
    assert not term.empty and int(term["articles"].iloc[0]) == 2  # 0001 and the bundled article
    row = found.iloc[0]
    text = _article_text(archive, row["example_article"])
    assert text[int(row["start"]):int(row["end"])] == row["label"]


def _article_text(archive, article_id: str) -> str:
    from analysis.concordance import ArchiveIndex

    tokens = load_archive(archive / "tables")["tokens"]
    return ArchiveIndex.build(tokens[tokens["article_id"] == article_id]).text


def test_keyness_against_the_rest_of_the_archive(tables):
    result = article_keyness(tables, DEFAULT_ARTICLE_ID)
    assert not result.empty
    # Only words the article over-uses relative to the rest (the log ratio may still be negative here,
    # where the tiny reference makes the 0.5 smoothing of a zero count large).
    counts = tables["token_counts"]
    size = counts[counts["article_id"] == DEFAULT_ARTICLE_ID]["count"].sum()
    assert ((result["other_count"] == 0) | (result["count"] / size > 0)).all()
    assert result["g2"].is_monotonic_decreasing or result["reliable"].any()
    reliable = result[result["reliable"]]
    assert (reliable["count"] >= 3).all()
    with pytest.raises(InputError, match="not in this archive"):
        article_keyness(tables, "no-such-article")


def test_article_table_links_each_editors_page(tables, tmp_path):
    table = article_table(article_index(tables), tmp_path)
    assert all(str(tmp_path) in page for page in table["editors_page"])
    assert not table["page_written"].any()


@pytest.mark.parametrize("spec, problem", [("category", "NAME=REGEX"), ("c=([a-z]", "regular expression"),
                                           ("c=[a-z]+", "group")])
def test_field_patterns_are_checked(spec, problem):
    with pytest.raises(InputError, match=problem):
        FieldPattern.parse(spec)


def test_archive_notebook_runs_headless_and_writes_its_figure(archive, tmp_path):
    from analysis.notebooks import ARCHIVE_NOTEBOOK, NOTEBOOKS_DIR, ArchiveParameters, run_notebooks

    parameters = ArchiveParameters(archive=archive / "tables", output=tmp_path / "figures", reports=tmp_path,
                                   fields=("category=_([a-z]+)$",), group_by="category", query="耐心")
    run = run_notebooks(parameters, tmp_path / "notebook", [NOTEBOOKS_DIR / ARCHIVE_NOTEBOOK])
    assert run.executed[0].is_file() and run.pages[0].is_file()
    csv = tmp_path / "figures" / "archive_theme_prevalence.csv"
    assert csv.is_file() and (tmp_path / "figures" / "archive_theme_prevalence.pdf").is_file()
    data = pd.read_csv(csv, encoding="utf-8-sig")
    assert {"theme_label", "group", "share"} <= set(data.columns)
    assert data["share"].between(0, 1).all()
