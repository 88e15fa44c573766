"""Hostile input, round two (issue 14): bounded work, safe paths and cells, nobody silently lost.

Speed is never timed here: growth is checked by counting the lines Python executes, which does
not depend on the machine or its load (the timings are in benchmarks/bench_hostile.py).
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from analysis import themes
from analysis.codebook import Literal, Near, Term, load_codebook
from analysis.corpus import Metadata, parse_article
from analysis.pipeline import analyse
from analysis.text import MAX_SENTENCE_CHARS, split_sentences
from analysis.themes import Occurrence, evaluate, match_themes


def executed_lines(function, *args, module_file=themes.__file__):
    """How many lines of `module_file` run while `function(*args)` runs."""
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def calls(frame, event, arg):
        return local if frame.f_code.co_filename == module_file else None

    sys.settrace(calls)
    try:
        function(*args)
    finally:
        sys.settrace(None)
    return count


# ---- 1. near() is n log n in the hits, not every pair ------------------------------------------

def _occurrences(n):
    left, right = Literal("电话"), Literal("单子")
    found = {left: [], right: []}
    for i in range(n):
        found[left].append(Occurrence(left, 0, 2 * i, 4 * i, 4 * i + 2))
        found[right].append(Occurrence(right, 0, 2 * i + 1, 4 * i + 2, 4 * i + 4))
    return found


def test_near_work_grows_linearly_with_the_hits():
    rule = Near((Literal("电话"),), (Literal("单子"),), 12)
    small = executed_lines(evaluate, rule, _occurrences(500))
    large = executed_lines(evaluate, rule, _occurrences(2000))
    assert large / small < 5  # every pair would be 16 times the work for 4 times the hits


def _brute_force(rule, occurrences):
    left = [o for a in rule.left for o in occurrences.get(a, ())]
    right = [o for a in rule.right for o in occurrences.get(a, ())]
    marks = set()
    for a in left:
        for b in right:
            if (a.start, a.end) != (b.start, b.end) and abs(a.token_index - b.token_index) <= rule.window:
                marks |= {(a.start, a.end), (b.start, b.end)}
    return marks


@pytest.mark.parametrize("seed", range(30))
def test_near_marks_exactly_what_every_pair_would(seed):
    rng = random.Random(seed)
    atoms = [Term("甲"), Literal("甲"), Term("乙")]
    occurrences = {atom: [] for atom in atoms}
    for _ in range(rng.randint(0, 25)):
        atom, token = rng.choice(atoms), rng.randint(0, 30)
        occurrences[atom].append(Occurrence(atom, 0, token, token * 2, token * 2 + 1))
    rule = Near(tuple(rng.sample(atoms, rng.randint(1, 3))), tuple(rng.sample(atoms, rng.randint(1, 3))),
                rng.randint(1, 6))
    found = evaluate(rule, occurrences)
    assert {(o.start, o.end) for o in found or ()} == _brute_force(rule, occurrences)
    assert (found is None) == (not _brute_force(rule, occurrences))


def test_theme_matching_on_one_endless_sentence_grows_linearly():
    codebook = load_codebook()

    def analysed(repeats):
        return analyse(parse_article("电话单子" * repeats, Metadata(id="endless")))

    with pytest.warns(UserWarning):
        small, large = analysed(500), analysed(2000)
    assert max(s.end - s.start for s in large.sentences) <= MAX_SENTENCE_CHARS
    small_lines = executed_lines(match_themes, small, codebook)
    large_lines = executed_lines(match_themes, large, codebook)
    assert large_lines / small_lines < 5


def test_a_run_without_sentence_punctuation_is_cut_at_a_comma_and_keeps_its_spans():
    text = "开头。" + "话务员接听电话，" * 300 + "结束。"
    sentences = split_sentences(text, 0, len(text), "body")
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in sentences)
    assert all(text[s.start:s.end] == s.text for s in sentences)
    assert all(s.text.endswith(("，", "。")) for s in sentences)
    assert "".join(s.text for s in sentences) == text
