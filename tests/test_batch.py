"""The batch command: many articles, combined tables, failures reported, up-to-date articles skipped."""
import shutil

import pandas as pd
import pytest

from analysis import batch, pipeline
from analysis.__main__ import main
from analysis.batch import PARTS, combine, find_articles, run_batch
from analysis.corpus import BUNDLED_CORPUS, DEFAULT_ARTICLE_ID

REAL_CODE_VERSION = batch.code_version
BACKEND = "rjieba"  # the fast one; the backends' tokens are compared in test_rjieba.py


@pytest.fixture(autouse=True, scope="module")
def fixed_code_version():
    """The code's hash, fixed: the up-to-date checks must not see edits made while tests run."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(batch, "code_version", lambda: "test-code-version")
        yield


def make_corpus(folder):
    """An article folder, the same text as a plain file, and a file that is not an article."""
    source = BUNDLED_CORPUS / DEFAULT_ARTICLE_ID
    shutil.copytree(source, folder / "stars")
    text_file = next(source.glob("*.txt"))
    (folder / "plain").mkdir()
    shutil.copy(text_file, folder / "plain" / "second.txt")
    (folder / "broken.txt").write_text("no Chinese here\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def first_run(tmp_path_factory):
    corpus = make_corpus(tmp_path_factory.mktemp("corpus"))
    out = tmp_path_factory.mktemp("out")
    messages = []
    summary = run_batch(corpus, out, backend=BACKEND, progress=False, report=messages.append)
    return corpus, out, summary, messages


def test_finds_folders_and_text_files(tmp_path):
    corpus = make_corpus(tmp_path)
    assert [p.relative_to(corpus).as_posix() for p in find_articles(corpus)] == \
        ["broken.txt", "plain/second.txt", "stars"]


def test_a_failing_article_is_reported_and_the_batch_goes_on(first_run):
    corpus, _, summary, messages = first_run
    assert (summary.succeeded, summary.failed) == (2, 1)
    assert summary.line() == "2 succeeded, 1 failed"
    [(path, reason)] = summary.failures
    assert path == str(corpus / "broken.txt") and "no Chinese text" in reason
    assert any(m.startswith(f"{corpus / 'broken.txt'}: failed:") for m in messages)


def test_every_registered_table_is_combined_with_article_ids(first_run):
    _, out, _, _ = first_run
    names = set(pipeline.TABLES)
    assert {"profiles", "tokens", "sections"} <= names
    for name in names:
        frame = pd.read_parquet(out / f"{name}.parquet")
        assert frame.columns[0] == "article_id"
        parts = [pd.read_parquet(p) for p in sorted((out / PARTS / name).glob("*.parquet"))]
        assert len(parts) == 2 and len(frame) == sum(len(p) for p in parts)
        assert pd.read_csv(out / f"{name}.csv", encoding="utf-8-sig").shape == frame.shape
        assert (out / f"{name}.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # BOM for Excel
    tokens = pd.read_parquet(out / "tokens.parquet")
    assert set(tokens["article_id"]) == {DEFAULT_ARTICLE_ID, "second"}
    # Spans still point into each article's original text.
    text = next((BUNDLED_CORPUS / DEFAULT_ARTICLE_ID).glob("*.txt")).read_text(encoding="utf-8")
    sample = tokens[tokens["article_id"] == "second"].head(200)
    assert all(text[s:e] == t for s, e, t in zip(sample["start"], sample["end"], sample["text"]))


def test_rerun_skips_up_to_date_articles_and_redoes_changed_ones(first_run, tmp_path):
    corpus, out, _, _ = first_run
    work_corpus, work_out = tmp_path / "corpus", tmp_path / "out"
    shutil.copytree(corpus, work_corpus)
    run_batch(work_corpus, work_out, backend=BACKEND, progress=False, report=lambda m: None)
    part = work_out / PARTS / "tokens" / "stars.parquet"
    written_at = part.stat().st_mtime_ns
    again = run_batch(work_corpus, work_out, backend=BACKEND, progress=False, report=lambda m: None)
    assert (again.skipped, again.succeeded, again.failed) == (2, 2, 1)
    assert part.stat().st_mtime_ns == written_at
    # Change one input: only that one is analysed again.
    second = work_corpus / "plain" / "second.txt"
    second.write_text(second.read_text(encoding="utf-8") + "\n补记：热线全天开通。\n", encoding="utf-8")
    changed = run_batch(work_corpus, work_out, backend=BACKEND, progress=False, report=lambda m: None)
    assert changed.skipped == 1 and changed.succeeded == 2
    assert part.stat().st_mtime_ns == written_at
    # A different backend is a different output.
    other = run_batch(work_corpus, work_out, backend="rjieba-exact", progress=False, report=lambda m: None)
    assert other.skipped == 0


def test_two_worker_processes_give_the_same_tables(first_run, tmp_path):
    corpus, out, _, _ = first_run
    summary = run_batch(corpus, tmp_path, workers=2, backend=BACKEND, progress=False, report=lambda m: None)
    assert (summary.succeeded, summary.failed) == (2, 1)
    for name in ("tokens", "profiles"):
        pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / f"{name}.parquet"),
                                      pd.read_parquet(out / f"{name}.parquet"))


def test_combine_unifies_a_column_empty_in_one_article(tmp_path):
    folder = tmp_path / PARTS / "people"
    folder.mkdir(parents=True)
    pd.DataFrame({"article_id": ["a"], "role": [None]}).to_parquet(folder / "a.parquet", index=False)
    pd.DataFrame({"article_id": ["b"], "role": ["话务员"]}).to_parquet(folder / "b.parquet", index=False)
    combine(tmp_path, ["a", "b"])
    frame = pd.read_parquet(tmp_path / "people.parquet")
    assert frame["article_id"].tolist() == ["a", "b"] and frame["role"].tolist()[1] == "话务员"


def test_cli_batch_prints_the_summary_and_exits_1_on_failures(first_run, tmp_path, capsys):
    corpus, _, _, _ = first_run
    status = main(["batch", str(corpus), "--out", str(tmp_path), "--backend", BACKEND, "--no-progress"])
    captured = capsys.readouterr()
    assert status == 1
    assert captured.out.strip().splitlines()[-1] == "2 succeeded, 1 failed"
    assert "broken.txt: failed:" in captured.err


def test_code_version_changes_with_the_code(tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "PACKAGE_DIR", tmp_path)
    (tmp_path / "module.py").write_text("x = 1\n")
    before = REAL_CODE_VERSION()
    assert REAL_CODE_VERSION() == before
    (tmp_path / "module.py").write_text("x = 2\n")
    assert REAL_CODE_VERSION() != before


def test_cli_batch_on_a_missing_folder_is_a_one_line_error(tmp_path, capsys):
    assert main(["batch", str(tmp_path / "nope"), "--out", str(tmp_path / "out")]) == 2
    assert "not a folder" in capsys.readouterr().err
