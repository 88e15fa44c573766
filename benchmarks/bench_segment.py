"""Segmentation with POS tags: the rjieba backends versus jieba.posseg, MB/s and ratio.

The bundled article is repeated (about 10 MB for the rjieba backend, 1 MB for jieba.posseg,
which runs at a tenth of a MB/s) and cut one article-sized piece at a time, after loading.
"""
from __future__ import annotations

import time

import _common  # noqa: E402
from _common import QUICK, article_text, mb, table


def _rate(cut, pieces: list[str]) -> tuple[float, float]:
    started = time.perf_counter()
    for piece in pieces:
        cut(piece)
    seconds = time.perf_counter() - started
    return sum(mb(p) for p in pieces) / seconds, seconds


def run() -> tuple[str, dict]:
    import rjieba

    from analysis.segment import get_segmenter
    from analysis.segment_rjieba import RjiebaSegmenter
    from analysis.segment import domain_dictionary

    text = article_text()
    big, small = (60, 12) if QUICK else (570, 57)  # about 10 MB and 1 MB
    rows, rates = [], {}

    def measure(label, cut, copies, note):
        pieces = [text] * copies
        rate, seconds = _rate(cut, pieces)
        rates[label] = rate
        rows.append([label, round(sum(mb(p) for p in pieces), 2), rate, seconds, note])

    started = time.perf_counter()
    jieba_backend = get_segmenter("jieba")
    jieba_load = time.perf_counter() - started
    started = time.perf_counter()
    fast = get_segmenter("rjieba")
    fast_load = time.perf_counter() - started
    measure("jieba (jieba.posseg)", jieba_backend.cut, small, f"reference; dictionary load {jieba_load:.2f} s")
    measure("rjieba, cold", RjiebaSegmenter(domain_dictionary()).cut, 1, "a fresh instance, one copy")
    measure("rjieba", fast.cut, big, f"dictionary load {fast_load:.2f} s; unknown runs remembered")
    # The exact variant remembers each unknown run: measure it cold (a fresh instance, one copy)
    # and warm (the repeated text, every run seen before).
    cold = RjiebaSegmenter(domain_dictionary(), exact=True)
    measure("rjieba-exact, cold", cold.cut, 1, "every unknown run new: jieba's HMM in Python")
    measure("rjieba-exact, warm", cold.cut, small, "repeated text: every unknown run remembered")
    plain = rjieba.Jieba()
    measure("rjieba.Jieba().tag (raw)", plain.tag, big, "jieba-rs alone: its own dictionary, no spans")
    reference = rates["jieba (jieba.posseg)"]
    for row in rows:
        row.insert(3, f"{rates[row[0]] / reference:.1f}x")
    markdown = table(["segmenter", "MB", "MB/s", "vs jieba", "seconds", "note"], rows)
    return markdown, rates


if __name__ == "__main__":
    _common.main(run, __doc__)
