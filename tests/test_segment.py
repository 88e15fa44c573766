"""Segmentation: spans, names kept whole, the domain dictionary, a golden test."""
from importlib import metadata, resources

import pytest

from analysis.corpus import Metadata, parse_article
from analysis.segment import (DictionaryEntry, domain_dictionary, get_segmenter, split_terms, stopwords,
                              tokenize)


def test_every_token_slices_back_to_its_text(article, tokens):
    assert tokens
    for token in tokens:
        assert article.text[token.start:token.end] == token.text
        section = article.section(token.section_id)
        assert section.start <= token.start < token.end <= section.end


def test_profile_names_are_single_tokens(article, tokens):
    texts = [t.text for t in tokens]
    for profile in article.profiles:
        assert texts.count(profile.name) >= article.text.count(profile.name) - 1  # heading + body
        assert any(t.text == profile.name and t.pos == "nr" for t in tokens)
    # 韩朋友 is never read as the word 朋友, nor 周蓝蓝 as 蓝蓝.
    assert "朋友" not in texts and "蓝蓝" not in texts


def test_no_domain_term_is_split(article, tokens):
    assert split_terms(tokens, article) == []


def test_split_terms_reports_a_term_the_tokenizer_cuts(article, tokens):
    assert split_terms(tokens, article, [DictionaryEntry("便民热线服", 1, "n")]) == ["便民热线服"]


def test_domain_terms_carry_their_tags(tokens):
    tags = {e.word: e.tag for e in domain_dictionary()}
    seen = {t.text: t.pos for t in tokens if t.text in tags}
    assert seen, "the article uses domain terms"
    assert all(seen[word] == tags[word] for word in seen)


def test_full_width_digits_match_after_normalisation():
    text = "标题\n\n话务员李小红：用心服务\n李小红说，请拨打１２３４５热线。李小红很忙。\n"
    article = parse_article(text, Metadata(id="t"))
    found = [t for t in tokenize(article) if t.norm == "12345热线"]
    assert found and found[0].text == "１２３４５热线"


def test_names_are_removed_after_the_article(article):
    segmenter = get_segmenter("jieba")
    before = segmenter.cut("韩朋友是好朋友")
    tokenize(article, segmenter)
    assert segmenter.cut("韩朋友是好朋友") == before
    with segmenter.extra_words([DictionaryEntry("韩朋友", 100000, "nr")]):
        assert ("韩朋友", "nr") in segmenter.cut("韩朋友是好朋友")


# Golden test: exact segmentation of sentences of the article with jieba 0.42.1 and the
# domain dictionary. A change here means segmentation changed: look before updating.
GOLDEN = {
    "做到“话毕单成”,也就是一个电话接完之后,单子也要写好":
        "做到/“/话毕单成/”/,/也/就是/一个/电话/接完/之后/,/单子/也/要/写/好",
    "那就是要做到“耐心、细心、用心、爱心”":
        "那/就是/要/做到/“/耐心/、/细心/、/用心/、/爱心/”",
    "每天不仅要处理市平台200到300个左右的工单":
        "每天/不仅/要/处理/市/平台/200/到/300/个/左右/的/工单",
    "作为受理科话务班长,即使在下班时间,韩朋友也随时处于待命状态。":
        "作为/受理科/话务班长/,/即使/在/下班时间/,/韩朋友/也/随时/处于/待命状态/。",
}


@pytest.mark.skipif(metadata.version("jieba") != "0.42.1", reason="golden output is for jieba 0.42.1")
@pytest.mark.parametrize("sentence", GOLDEN)
def test_golden_segmentation(article, sentence):
    segmenter = get_segmenter("jieba")
    with segmenter.extra_words([DictionaryEntry(p.name, 100000, "nr") for p in article.profiles]):
        assert "/".join(w for w, _ in segmenter.cut(sentence)) == GOLDEN[sentence]


def test_stopwords_combine_the_maintained_list_and_reasoned_additions():
    words = stopwords()
    assert {"的", "了", "进行", "就是"} <= words
    raw = resources.files("analysis.data").joinpath("stopwords.txt").read_text(encoding="utf-8")
    for line in raw.splitlines():
        if line and not line.startswith("#"):
            word, _, reason = line.partition("#")
            assert word.strip() and reason.strip(), f"stopword without a reason: {line!r}"
    # Words that carry the article's themes must never be stopwords.
    assert not {"耐心", "细心", "话务员", "工单", "市民"} & words


def test_unknown_backend_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown segmenter backend 'nope'"):
        get_segmenter("nope")
