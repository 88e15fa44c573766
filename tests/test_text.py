"""Normalisation with offsets, and sentences."""
from hypothesis import given
from hypothesis import strategies as st

from analysis.text import normalize, split_sentences


def test_full_width_digits_normalise_and_map_back():
    source = "请拨打１２３４５热线。"
    normalized = normalize(source)
    at = normalized.text.index("12345")
    start, end = normalized.to_source(at, at + 5)
    assert source[start:end] == "１２３４５"


def test_ellipsis_is_not_expanded():
    assert normalize("打12345……").text == "打12345……"


@given(st.text())
def test_normalized_spans_map_inside_the_source(source):
    normalized = normalize(source)
    assert len(normalized.origin) == len(normalized.text)
    for index in range(len(normalized.text)):
        start, end = normalized.to_source(index, index + 1)
        assert 0 <= start < end <= len(source)


def test_sentences_keep_closing_quotes():
    source = "他说：“好的。”然后走了！\n第二行……还有"
    texts = [s.text for s in split_sentences(source, 0, len(source), "x")]
    assert texts == ["他说：“好的。”", "然后走了！", "第二行……", "还有"]


@given(st.text())
def test_sentences_slice_back(source):
    for sentence in split_sentences(source, 0, len(source), "x"):
        assert source[sentence.start:sentence.end] == sentence.text
        assert sentence.text.strip() == sentence.text != ""
