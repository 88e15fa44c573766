"""`analyse` and every table in one process, beside the taggers, on real news and on the bundled article.

Two corpora: the 1,000 real news articles of `../shared/bench/thucnews-val-1000/` (about 2.9 kB
each, one section each) and the bundled article repeated with a numbered title (about 18 kB,
profiles and names). Every figure is MB of UTF-8 per second on one core, measured in this one
process after loading (dictionaries, models and extractor modules are loaded first):
`jieba.lcut` and `jieba.posseg.lcut` (jieba's global tokenizer, the usual way to call it),
`rjieba.tag` (jieba-rs alone: its own dictionary, no spans; the bound for a jieba-family tagger),
the project's `analyse` (sentences, tokens with spans, names applied) and every table
(`analyse` plus every registered table builder), with the time of each table. Slow steps run on
the first articles only (the size is in the table). A result shared by several tables is charged
to the first table that asks for it. `tokenize` is sentences and tokens with the profiled names
applied; `analyse` adds the person recogniser (LAC, `analysis.names`) and applies the names it
finds, so the difference between the two is the recogniser's share.

`python benchmarks/bench_analyse.py --before DIR` also measures the package in DIR (a checkout of
an earlier commit), one corpus after the other, for before/after figures from one run.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common  # noqa: E402
from _common import PYTHON, QUICK, ROOT, THUCNEWS, build_corpus, table  # noqa: E402

TARGET_ANALYSE = 1.5  # MB/s per core, and at least a fifth of rjieba.tag
TARGET_TABLES = 1.0  # MB/s per core, every table in one process


def _sizes() -> dict[str, int]:
    if QUICK:
        return {"news": 100, "news_slow": 30, "bundled": 10, "bundled_slow": 3}
    return {"news": 1000, "news_slow": 200, "bundled": 100, "bundled_slow": 20}


def _load(corpus: str, count: int):
    from analysis import load_article

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # real news has no headings: one section each, with a warning
        if corpus == "news":
            paths = sorted(THUCNEWS.glob("*.txt"))[:count]
            if not paths:
                raise SystemExit(f"{THUCNEWS}: no articles; set BENCH_NEWS to the thucnews-val-1000 folder")
            return [load_article(path) for path in paths]
        with tempfile.TemporaryDirectory(prefix="bench-analyse-") as tmp:
            return [load_article(path) for path in sorted(build_corpus(Path(tmp), count).iterdir())]


def _rate(step, items) -> float:
    """MB/s of `step` over `items` (articles), one call per article."""
    size = sum(len(a.text.encode("utf-8")) for a in items)
    started = time.perf_counter()
    for item in items:
        step(item)
    return size / 1e6 / (time.perf_counter() - started)


def measure(corpus: str) -> dict:
    """Every rate for one corpus, in this process."""
    import jieba
    import jieba.posseg
    import rjieba

    from analysis import tablespec
    from analysis.pipeline import all_tables, analyse
    from analysis.segment import get_segmenter, tokenize

    sizes = _sizes()
    articles = _load(corpus, sizes[corpus])
    slow = articles[:sizes[f"{corpus}_slow"]]
    jieba.setLogLevel(60)
    jieba.lcut("预热"), jieba.posseg.lcut("预热")
    tagger = rjieba.Jieba()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        all_tables(analyse(_load(corpus, 1)[0], "rjieba"))  # load dictionaries, models, extractors
        all_tables(analyse(_load(corpus, 1)[0], "jieba"))
        rates = {
            "jieba.lcut": _rate(lambda a: jieba.lcut(a.text), articles),
            "jieba.posseg.lcut": _rate(lambda a: jieba.posseg.lcut(a.text), slow),
            "rjieba.tag": _rate(lambda a: tagger.tag(a.text), articles),
            "tokenize, rjieba": _rate(lambda a: tokenize(a, get_segmenter("rjieba")), articles),
            "analyse, rjieba": _rate(lambda a: analyse(a, "rjieba"), articles),
            "analyse, jieba": _rate(lambda a: analyse(a, "jieba"), slow),
        }
        per_table: dict[str, float] = {}

        def every_table(article) -> None:
            started = time.perf_counter()
            analysis = analyse(article, "rjieba")
            per_table["analyse"] = per_table.get("analyse", 0.0) + time.perf_counter() - started
            for spec in tablespec.TABLES:
                started = time.perf_counter()
                spec.build(analysis)
                per_table[spec.name] = per_table.get(spec.name, 0.0) + time.perf_counter() - started

        rates["every table, rjieba"] = _rate(every_table, articles)
    def mb(items) -> float:
        return sum(len(a.text.encode("utf-8")) for a in items) / 1e6

    return {"articles": len(articles), "slow_articles": len(slow), "mb": mb(articles), "slow_mb": mb(slow),
            "rates": rates,
            "ms_per_article": {name: 1000 * seconds / len(articles) for name, seconds in per_table.items()}}


def _child(code: Path, corpus: str) -> dict:
    """`measure` in a fresh process importing the package from `code`."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    out = subprocess.run([PYTHON, __file__, "--child", corpus], capture_output=True, text=True, check=True,
                         env=env, cwd=code)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _markdown(results: dict[str, dict], before: dict[str, dict] | None = None) -> str:
    parts = []
    for corpus, label in (("news", "real news (thucnews-val-1000)"), ("bundled", "the bundled article, repeated")):
        result = results[corpus]
        tag = result["rates"]["rjieba.tag"]
        rows = []
        for step, rate in result["rates"].items():
            slow = step in ("jieba.posseg.lcut", "analyse, jieba")
            count, size = (result["slow_articles"], result["slow_mb"]) if slow else (result["articles"], result["mb"])
            row = [step, count, rate, 1000 * size / rate / count, f"{rate / tag:.2f}"]
            if before:
                old = before[corpus]["rates"].get(step)
                row += [old if old is not None else "", f"{rate / old:.1f}x" if old else ""]
            rows.append(row)
        headers = ["step", "articles", "MB/s per core", "ms per article", "÷ rjieba.tag"]
        if before:
            headers += ["before MB/s", "speed-up"]
        parts.append(f"On {label}, {result['mb']:.2f} MB:\n\n" + table(headers, rows))
        breakdown = result["ms_per_article"]
        rows = [[name, ms] + ([before[corpus]["ms_per_article"].get(name, "")] if before else [])
                for name, ms in sorted(breakdown.items(), key=lambda item: -item[1])]
        rows.append(["total", sum(breakdown.values())] + ([sum(before[corpus]["ms_per_article"].values())]
                                                          if before else []))
        parts.append(f"Every table on {label}, rjieba, ms per article (largest first):\n\n"
                     + table(["step", "ms"] + (["before ms"] if before else []), rows))
    return "\n\n".join(parts)


def run(before_code: Path | None = None) -> tuple[str, dict]:
    results = {corpus: _child(ROOT, corpus) for corpus in ("news", "bundled")}
    before = {corpus: _child(before_code, corpus) for corpus in ("news", "bundled")} if before_code else None
    return _markdown(results, before), results


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        print(json.dumps(measure(sys.argv[2])))
    elif len(sys.argv) == 3 and sys.argv[1] == "--before":
        print(run(Path(sys.argv[2]).resolve())[0])
    else:
        _common.main(run, __doc__)
