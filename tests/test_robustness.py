"""Hostile input: regex-looking codebooks, bad files through the command line, nothing executed."""
import subprocess
import sys

import pytest

from analysis.codebook import parse_codebook
from analysis.corpus import Metadata, parse_article
from analysis.pipeline import analyse
from analysis.themes import match_themes

PATHOLOGICAL = "(a+)+$"


def test_codebook_strings_are_literals_not_regular_expressions():
    # A classic catastrophic-backtracking pattern: as a literal it matches only itself, and the
    # one-pass automaton never backtracks, whatever the text.
    codebook = parse_codebook({"themes": [{"id": "evil", "label": "恶意", "description": "正则",
                                           "rules": [{"text": [PATHOLOGICAL, ".*"]}]}]})
    text = "标题\n\n话务员李小红：用心服务\n李小红说" + "a" * 20000 + "!。李小红写下(a+)+$。\n"
    analysis = analyse(parse_article(text, Metadata(id="t")))
    hits = match_themes(analysis, codebook)
    assert [analysis.article.text[h.start:h.end] for h in hits] == [PATHOLOGICAL]


def run(*args):
    return subprocess.run([sys.executable, "-m", "analysis", *args], capture_output=True, text=True,
                          encoding="utf-8")


@pytest.mark.parametrize("content, problem", [
    ("themes: [\n", "not valid YAML"),
    ("themes:\n  - id: a\n    label: 甲\n    description: x\n    rules: [{regex: '.*'}]\n", "regex"),
    ("!!python/object/apply:os.system ['echo pwned']\n", "YAML"),
])
def test_bad_codebook_is_one_line_naming_the_file(tmp_path, content, problem):
    path = tmp_path / "codebook.yaml"
    path.write_text(content, encoding="utf-8")
    result = run("themes", "--codebook", str(path), "--json")
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert str(path) in lines[0] and problem in lines[0]
    assert "pwned" not in result.stdout + result.stderr
