"""The command line: JSON on stdout, one-line errors."""
import json
import subprocess
import sys

import pytest


def run(*args):
    return subprocess.run([sys.executable, "-m", "analysis", *args], capture_output=True, text=True, encoding="utf-8")


def test_profiles_json_schema(article):
    result = run("profiles", "--json")
    assert result.returncode == 0, result.stderr
    records = json.loads(result.stdout)
    assert [r["name"] for r in records] == [p.name for p in article.profiles]
    assert set(records[0]) == {"article_id", "id", "role", "name", "headline", "subject_kind", "rule", "reporters",
                               "start", "end", "text", "chars"}
    assert "\\u" not in result.stdout  # not ASCII-escaped
    for record in records:
        assert record["text"] in article.text[record["start"]:record["end"]]


def test_tokens_json_schema(article):
    result = run("tokens", "--json")
    assert result.returncode == 0, result.stderr
    records = json.loads(result.stdout)
    assert set(records[0]) == {"article_id", "section_id", "sentence_index", "text", "norm", "pos", "start", "end",
                               "stopword"}
    assert all(article.text[r["start"]:r["end"]] == r["text"] for r in records)


@pytest.mark.parametrize("content, message", [(None, "no such file"), (b"\xff\xfe\xfa" * 50 + b"\x81", "cannot read")])
def test_errors_are_one_line_without_traceback(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    if content is not None:
        path.write_bytes(content)
    result = run("profiles", str(path), "--json")
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_report_writes_tables(tmp_path):
    result = run("report", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "huaihai-2017-12345-stars"
    assert (folder / "profiles.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # BOM for Excel/WPS
    assert (folder / "tokens.csv").exists()
