"""The rjieba backends: the same token tests as jieba, and every difference from jieba explained."""
import difflib

import pytest

from analysis.segment import BACKENDS, domain_dictionary, get_segmenter, split_terms, tokenize
from analysis.segment_rjieba import RjiebaSegmenter

ALL_BACKENDS = ["jieba", "rjieba", "rjieba-exact"]


@pytest.fixture(scope="module", params=ALL_BACKENDS)
def backend_tokens(request, article):
    return request.param, tokenize(article, get_segmenter(request.param))


def test_backends_are_registered():
    assert set(ALL_BACKENDS) <= set(BACKENDS)
    assert get_segmenter("rjieba").name == "rjieba"


def test_every_token_slices_back_to_its_text(article, backend_tokens):
    _, tokens = backend_tokens
    assert tokens
    for token in tokens:
        assert article.text[token.start:token.end] == token.text
        section = article.section(token.section_id)
        assert section.start <= token.start < token.end <= section.end
    # Tokens tile the non-blank text: nothing is dropped or doubled.
    covered = "".join(t.text for t in tokens)
    assert covered == "".join(article.text.split())


def test_profile_names_are_single_tokens(article, backend_tokens):
    _, tokens = backend_tokens
    texts = [t.text for t in tokens]
    for profile in article.profiles:
        assert any(t.text == profile.name and t.pos == "nr" for t in tokens)
        assert texts.count(profile.name) >= article.text.count(profile.name) - 1
    assert "朋友" not in texts and "蓝蓝" not in texts


def test_no_domain_term_is_split(article, backend_tokens):
    _, tokens = backend_tokens
    assert split_terms(tokens, article) == []


def test_domain_terms_carry_their_tags(backend_tokens):
    _, tokens = backend_tokens
    tags = {e.word: e.tag for e in domain_dictionary()}
    seen = {t.text: t.pos for t in tokens if t.text in tags}
    assert seen and all(seen[word] == tags[word] for word in seen)


@pytest.mark.parametrize("backend", ALL_BACKENDS)
def test_the_dictionary_is_fixed_after_loading(article, backend):
    """An article's names are applied to its tokens; the shared dictionary never sees them."""
    segmenter = get_segmenter(backend)
    sentences = ["韩朋友是好朋友", "请拨打热线电话", "周蓝蓝说蓝蓝的天"]
    before = [segmenter.cut(s) for s in sentences]
    tokens = tokenize(article, segmenter)
    assert any(t.text == "韩朋友" and t.pos == "nr" for t in tokens)
    assert [segmenter.cut(s) for s in sentences] == before
    assert ("韩朋友", "nr") not in before[0]
    assert not hasattr(segmenter, "extra_words")


def test_exact_backend_gives_jieba_tokens(article, tokens):
    exact = tokenize(article, get_segmenter("rjieba-exact"))
    assert [(t.start, t.end, t.pos) for t in exact] == [(t.start, t.end, t.pos) for t in tokens]


def token_differences(reference, other):
    """Regions where two token lists differ: (reference tokens, other tokens), as text/pos."""
    left = [f"{t.text}/{t.pos}" for t in reference]
    right = [f"{t.text}/{t.pos}" for t in other]
    matcher = difflib.SequenceMatcher(None, left, right, autojunk=False)
    return [(left[a:b], right[c:d], reference[a:b], other[c:d])
            for op, a, b, c, d in matcher.get_opcodes() if op != "equal"]


def test_fast_backend_differs_from_jieba_only_inside_unknown_runs(article, tokens):
    """Every difference lies inside a run of characters the dictionary path leaves single.

    Reason: such a run goes to jieba-rs's HMM (segmentation, then its tagger) instead of
    jieba.posseg's joint HMM: e.g. 他来/v for 他/r 来/v, 名/m for 名/n after a number.
    """
    fast = RjiebaSegmenter(domain_dictionary())
    runs: list[str] = []
    tag_unknown = fast._tag_unknown
    fast._tag_unknown = lambda run: runs.append(run) or tag_unknown(run)
    other = tokenize(article, fast)
    differences = token_differences(tokens, other)
    assert len(differences) < len(tokens) / 20
    for _, _, ours, theirs in differences:
        assert "".join(t.text for t in ours) == "".join(t.text for t in theirs)  # same characters
        region = "".join(t.norm for t in ours)
        assert any(region in run for run in runs), f"difference outside an unknown run: {region}"
