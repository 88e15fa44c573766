"""Theme matching: rules that must and must not match, parents, the matrix, and spans."""
import pytest

from analysis.codebook import parse_codebook
from analysis.corpus import Metadata, parse_article
from analysis.pipeline import all_tables, analyse
from analysis.themes import match_themes, theme_evidence, theme_matrix

TEXT = """热线故事

话务员张明：用心服务每一天
张明每天接听电话。他对市民很耐心，从不抱怨。张明说，工单必须当天派发。市民没有委屈。
工单写好以后，过了很久很久很久很久的一段时间才派发。
"""


@pytest.fixture(scope="module")
def small():
    return analyse(parse_article(TEXT, Metadata(id="test")))


def _hits(analysis, *rules, extra=()):
    codebook = parse_codebook({"themes": [{"id": "t", "label": "测试", "rules": list(rules)}, *extra]}, "test.yaml")
    return match_themes(analysis, codebook)


def _sentences(hits):
    return {h.sentence for h in hits}


def test_any_of_terms(small):
    hits = _hits(small, {"any": ["耐心", "委屈"]})
    assert [h.text for h in hits] == ["耐心", "委屈"]


def test_terms_match_whole_tokens_only_literals_match_raw_text(small):
    # jieba keeps 接听电话 as one token: the term 电话 is not in it, the literal string is.
    assert _hits(small, "电话") == []
    literal = _hits(small, {"text": "电话"})
    assert [h.text for h in literal] == ["电话"]
    assert literal[0].sentence == "张明每天接听电话。"


def test_all_of_needs_one_sentence(small):
    assert _sentences(_hits(small, {"all": ["工单", "派发"]})) == {"张明说，工单必须当天派发。", "工单写好以后，过了很久很久很久很久的一段时间才派发。"}
    # 耐心 and 委屈 are in different sentences: all-of must fail.
    assert _hits(small, {"all": ["耐心", "委屈"]}) == []


def test_not_excludes_a_sentence(small):
    assert _sentences(_hits(small, {"all": ["市民", {"not": "委屈"}]})) == {"他对市民很耐心，从不抱怨。"}
    hits = _hits(small, {"all": ["市民", {"not": "耐心"}]})
    assert _sentences(hits) == {"市民没有委屈。"}
    assert {h.text for h in hits} == {"市民"}  # a satisfied NOT marks nothing


def test_near_counts_tokens(small):
    assert _sentences(_hits(small, {"near": ["工单", "派发", 3]})) == {"张明说，工单必须当天派发。"}
    assert len(_sentences(_hits(small, {"near": ["工单", "派发", 20]}))) == 2
    assert _hits(small, {"near": ["耐心", "委屈", 50]}) == []  # near never crosses sentences


def test_parent_counts_its_children(small):
    extra = [{"id": "kid", "label": "子", "parent": "t", "rules": ["委屈"]}]
    hits = _hits(small, "耐心", extra=extra)
    assert sorted((h.theme_id, h.text) for h in hits) == [("kid", "委屈"), ("t", "委屈"), ("t", "耐心")]


def test_matrix_has_every_theme_and_profile_with_rates(small):
    codebook = parse_codebook({"themes": [{"id": "a", "label": "甲", "rules": ["耐心"]},
                                          {"id": "b", "label": "乙", "rules": ["不存在的词"]}]}, "x")
    rows = theme_matrix(small, codebook, match_themes(small, codebook))
    assert [(r.theme_id, r.profile_id, r.count) for r in rows] == [("a", "p01", 1), ("b", "p01", 0)]
    profile = small.article.profiles[0]
    assert rows[0].chars == profile.body_end - profile.body_start
    assert rows[0].rate_per_1000 == round(1000 / rows[0].chars, 2)


def test_bundled_article_spans_and_evidence(article):
    analysis = analyse(article)
    tables = all_tables(analysis)
    hits = tables["theme_hits"]
    assert len(hits) > 100
    for row in hits.itertuples():
        assert article.text[row.start:row.end] == row.text
        assert row.text in row.sentence
    four = hits[hits.theme_id == "four_hearts"]
    assert {"耐心", "细心", "用心", "爱心", "四心"} <= set(four.text)
    assert "话毕单成" in set(hits[hits.theme_id == "same_day"].text)
    matrix = tables["theme_matrix"]
    assert len(matrix) == matrix.theme_id.nunique() * len(article.profiles)
    assert list(matrix.columns) == ["article_id", "theme_id", "theme_label", "parent", "section_id", "name",
                                    "count", "chars", "rate_per_1000"]
    from analysis.themes import default_hits
    evidence = theme_evidence(analysis, default_hits(analysis))
    for item in evidence["family_sacrifice"]:
        assert article.text[item.start:item.end] == item.sentence
        assert all(item.start <= s < e <= item.end for s, e in item.marks)


def test_cli_themes_with_a_codebook(tmp_path, capsys):
    import json

    from analysis.__main__ import main

    book = tmp_path / "book.yaml"
    book.write_text("themes:\n  - id: recipe\n    label: 话毕单成\n    rules:\n      - text: 话毕单成\n", encoding="utf-8")
    assert main(["themes", "--codebook", str(book), "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert [h["text"] for h in hits] == ["话毕单成", "话毕单成"]
    assert set(hits[0]) == {"article_id", "theme_id", "theme_label", "parent", "section_id", "sentence_index",
                            "sentence", "text", "start", "end"}
    book.write_text("themes:\n  - id: bad\n    label: 坏\n    rules:\n      - near: [a, b, -1]\n", encoding="utf-8")
    assert main(["themes", "--codebook", str(book)]) == 2
    error = capsys.readouterr().err
    assert str(book) in error and "'bad'" in error and "window" in error


def test_spans_point_into_the_original_even_when_normalisation_changes_it():
    text = "热线故事\n\n话务员张明：全天值守\n张明说，热线２４小时有人接听，ＡＰＰ也能留言。张明很耐心。\n"
    analysis = analyse(parse_article(text, Metadata(id="wide")))
    hits = _hits(analysis, {"text": ["24小时", "APP"]}, "耐心")
    assert [h.text for h in hits] == ["２４小时", "ＡＰＰ", "耐心"]
    for hit in hits:
        assert text[hit.start:hit.end] == hit.text
