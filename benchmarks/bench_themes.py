"""Theme matching against segmentation on a large text: the bundled article repeated to ~10 MB.

    .venv/bin/python benchmarks/bench_themes.py [--mb 10]

Prints the seconds for segmentation alone (jieba with POS tags, as the pipeline runs it) and for
the theme pass (one Aho-Corasick pass for every codebook atom, then the rules per sentence), and
their ratio. The theme pass is also timed with the codebook copied ten times over, to show that
the text is still read once whatever the codebook's size.
"""
from __future__ import annotations

import argparse
import time

from analysis import load_article
from analysis.codebook import Codebook, load_codebook
from analysis.corpus import Metadata, parse_article
from analysis.pipeline import Analysis
from analysis.segment import article_sentences, get_segmenter, tokenize
from analysis.themes import match_themes


def repeated_article(megabytes: float):
    source = load_article().text
    copies = max(1, round(megabytes * 1_000_000 / len(source.encode("utf-8"))))
    return parse_article("\n\n".join([source] * copies), Metadata(id="bench")), copies


def bigger_codebook(codebook: Codebook, times: int) -> Codebook:
    """The same themes under new ids, `times` over (parents renamed alike)."""
    from dataclasses import replace

    themes = [replace(t, id=f"{t.id}_{n}", parent=f"{t.parent}_{n}" if t.parent else None)
              for n in range(times) for t in codebook.themes]
    return Codebook(tuple(themes), codebook.source)


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--mb", type=float, default=10.0, help="size of the text in MB of UTF-8 (default 10)")
    args = options.parse_args()

    article, copies = repeated_article(args.mb)
    size = len(article.text.encode("utf-8")) / 1e6
    segmenter = get_segmenter("jieba")
    sentences = article_sentences(article)
    print(f"text: {copies} copies of the article, {size:.1f} MB, {len(article.text):,} characters, "
          f"{len(sentences):,} sentences")

    started = time.perf_counter()
    tokens = tokenize(article, segmenter, sentences)
    segmentation = time.perf_counter() - started
    print(f"segmentation (jieba, POS tags): {segmentation:.1f} s, {len(tokens):,} tokens")

    analysis = Analysis(article, tuple(sentences), tuple(tokens))
    codebook = load_codebook()
    for label, book in (("codebook", codebook), ("codebook x10", bigger_codebook(codebook, 10))):
        started = time.perf_counter()
        hits = match_themes(analysis, book)
        elapsed = time.perf_counter() - started
        print(f"theme pass, {label} ({len(book.themes)} themes, {len(book.atoms())} atoms): {elapsed:.1f} s, "
              f"{len(hits):,} hits; ratio to segmentation {elapsed / segmentation:.2f}")


if __name__ == "__main__":
    main()
