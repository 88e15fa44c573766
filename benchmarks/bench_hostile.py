"""Pathological input against a normal article of the same size: `电话单子` repeated 20,000 times.

One 80,000-character paragraph with no sentence punctuation and 40,000 hits of the default
codebook's `near(电话, 单子, 12)` rule, versus the bundled article repeated to the same number of
characters. Both are loaded, segmented (jieba) and matched against the default codebook in this
process; the ratio is pathological / normal. Before issue 14, near() compared every pair of hits
in a sentence and the pathological text took 136 s on the command line.
"""
from __future__ import annotations

import time
import warnings

import _common  # noqa: F401,E402
from _common import QUICK, article_text, table

REPEATS = 2_000 if QUICK else 20_000


def _seconds(text: str) -> tuple[float, int]:
    from analysis.codebook import load_codebook
    from analysis.corpus import Metadata, parse_article
    from analysis.pipeline import analyse
    from analysis.themes import match_themes

    started = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        analysis = analyse(parse_article(text, Metadata(id="bench")))
    hits = match_themes(analysis, load_codebook())
    return time.perf_counter() - started, len(hits)


def run() -> tuple[str, dict]:
    hostile = "电话单子" * REPEATS
    source = article_text()
    normal = "\n\n".join([source] * (len(hostile) // len(source) + 1))[: len(hostile)]
    _seconds(source)  # load the dictionary and the codebook outside the measurement
    normal_s, normal_hits = _seconds(normal)
    hostile_s, hostile_hits = _seconds(hostile)
    rows = [["normal article (bundled, repeated)", len(normal), normal_hits, normal_s, 1.0],
            [f"电话单子 x {REPEATS:,}", len(hostile), hostile_hits, hostile_s, hostile_s / normal_s]]
    markdown = table(["text", "characters", "theme hits", "seconds (load, segment, match)", "ratio"], rows)
    return markdown, {"ratio": hostile_s / normal_s}


if __name__ == "__main__":
    _common.main(run, __doc__)
