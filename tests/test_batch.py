"""The batch command: many articles, combined tables, failures reported, up-to-date articles skipped."""
import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from analysis import batch, tablespec
from analysis.__main__ import main
from analysis.batch import MANIFEST, PARTS, combine, find_articles, run_batch
from analysis.corpus import BUNDLED_CORPUS, DEFAULT_ARTICLE_ID

REAL_CODE_VERSION = batch.code_version
ROOT = Path(__file__).resolve().parents[1]
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


def chunk_files(out, name):
    """The Parquet files of one table, one per chunk."""
    return sorted((out / PARTS).glob(f"chunk-*/{name}.parquet"))


def test_every_registered_table_is_combined_with_article_ids(first_run):
    _, out, _, _ = first_run
    names = set(tablespec.BY_NAME)
    assert {"profiles", "tokens", "sections"} <= names
    for name in names:
        frame = pd.read_parquet(out / f"{name}.parquet")
        assert frame.columns[0] == "article_id"
        parts = [pd.read_parquet(p) for p in chunk_files(out, name)]
        assert len(parts) == 1 and len(frame) == len(parts[0])  # both articles in one chunk file
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
    manifest = work_out / PARTS / "chunk-000001" / MANIFEST
    written_at = manifest.stat().st_mtime_ns
    tokens_before = pd.read_parquet(work_out / "tokens.parquet")
    again = run_batch(work_corpus, work_out, backend=BACKEND, progress=False, report=lambda m: None)
    assert (again.skipped, again.succeeded, again.failed) == (2, 2, 1)
    assert manifest.stat().st_mtime_ns == written_at
    # Change one input: only that one is analysed again, into a new chunk; its old rows are left out.
    second = work_corpus / "plain" / "second.txt"
    second.write_text(second.read_text(encoding="utf-8") + "\n补记：热线全天开通。\n", encoding="utf-8")
    changed = run_batch(work_corpus, work_out, backend=BACKEND, progress=False, report=lambda m: None)
    assert changed.skipped == 1 and changed.succeeded == 2
    assert manifest.stat().st_mtime_ns == written_at
    tokens = pd.read_parquet(work_out / "tokens.parquet")
    counts, before = tokens["article_id"].value_counts(), tokens_before["article_id"].value_counts()
    assert counts[DEFAULT_ARTICLE_ID] == before[DEFAULT_ARTICLE_ID]
    assert before["second"] < counts["second"] < 2 * before["second"]
    assert tokens[tokens["article_id"] == "second"]["text"].str.cat().endswith("补记：热线全天开通。")
    # A different backend is a different output; chunks that no article uses any more are removed.
    other = run_batch(work_corpus, work_out, backend="rjieba-exact", progress=False, report=lambda m: None)
    assert other.skipped == 0
    assert [p.name for p in sorted((work_out / PARTS).iterdir())] == ["chunk-000003"]


def test_two_worker_processes_give_the_same_tables(first_run, tmp_path):
    corpus, out, _, _ = first_run
    summary = run_batch(corpus, tmp_path, workers=2, backend=BACKEND, progress=False, report=lambda m: None)
    assert (summary.succeeded, summary.failed) == (2, 1)
    for name in ("tokens", "profiles"):
        pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / f"{name}.parquet"),
                                      pd.read_parquet(out / f"{name}.parquet"))


def test_combine_unifies_a_column_empty_in_one_chunk(tmp_path):
    for name, article, role in (("chunk-000001", "a", None), ("chunk-000002", "b", "话务员")):
        folder = tmp_path / PARTS / name
        folder.mkdir(parents=True)
        pd.DataFrame({"article_id": [article], "role": [role]}).to_parquet(folder / "people.parquet", index=False)
    manifest = {"files": {"people": {}}, "articles": [{"key": "k", "rows": {"people": 1}}]}
    combine(tmp_path, [("chunk-000001", manifest, {"k"}), ("chunk-000002", manifest, {"k"})])
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


# --- chunks, resuming, hostile folders ----------------------------------------------------------

def small_corpus(folder, count):
    """`count` short, different articles as plain text files."""
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        (folder / f"a{index:03d}.txt").write_text(
            f"社区新闻第{index + 1}期\n居民李明说：“这里的变化很大。”今年他在小区种了{index + 3}棵树，"
            f"邻居们都来帮忙。\n", encoding="utf-8")
    return folder


def quiet_run(corpus, out, **options):
    messages = []
    summary = run_batch(corpus, out, backend=BACKEND, progress=False, report=messages.append, **options)
    return summary, messages


def test_one_file_per_table_per_chunk_not_per_article(tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "CHUNK_ARTICLES", 4)
    corpus = small_corpus(tmp_path / "corpus", 10)
    summary, _ = quiet_run(corpus, tmp_path / "out")
    assert (summary.succeeded, summary.failed) == (10, 0)
    chunks = sorted(p.name for p in (tmp_path / "out" / PARTS).iterdir())
    assert chunks == ["chunk-000001", "chunk-000002", "chunk-000003"]  # 4 + 4 + 2 articles
    assert len(chunk_files(tmp_path / "out", "tokens")) == 3
    tokens = pd.read_parquet(tmp_path / "out" / "tokens.parquet")
    assert tokens["article_id"].unique().tolist() == [f"a{i:03d}" for i in range(10)]  # in corpus order


def test_a_corrupt_or_missing_chunk_file_is_named_and_rebuilt(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(batch, "CHUNK_ARTICLES", 4)
    corpus, out = small_corpus(tmp_path / "corpus", 10), tmp_path / "out"
    quiet_run(corpus, out)
    expected = pd.read_parquet(out / "tokens.parquet")
    corrupt = out / PARTS / "chunk-000002" / "tokens.parquet"
    corrupt.write_bytes(corrupt.read_bytes()[:100])  # cut short, as by a full disk
    (out / PARTS / "chunk-000003" / "quotes.parquet").unlink()
    # Through the command line: a warning naming each file, exit 0, not a stop with exit 2.
    status = main(["batch", str(corpus), "--out", str(out), "--backend", BACKEND, "--no-progress"])
    err = capsys.readouterr().err
    assert status == 0
    assert f"{corrupt}: corrupt" in err and "chunk-000002 is rebuilt" in err
    assert f"{out / PARTS / 'chunk-000003' / 'quotes.parquet'}: missing" in err
    again, _ = quiet_run(corpus, out)
    assert again.skipped == 10 and not again.rebuilt
    pd.testing.assert_frame_equal(pd.read_parquet(out / "tokens.parquet"), expected)


def test_an_interrupted_batch_says_how_to_resume_and_resumes(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(batch, "CHUNK_ARTICLES", 2)
    corpus, out = small_corpus(tmp_path / "corpus", 5), tmp_path / "out"
    real = batch._analyse_one
    calls = []

    def interrupted_at_the_fourth(job, backend):
        calls.append(job.key)
        if len(calls) == 4:
            raise KeyboardInterrupt
        return real(job, backend)

    monkeypatch.setattr(batch, "_analyse_one", interrupted_at_the_fourth)
    status = main(["batch", str(corpus), "--out", str(out), "--backend", BACKEND, "--no-progress"])
    err = capsys.readouterr().err.strip()
    assert status == 130
    assert "Traceback" not in err and "no profile headings" in err  # the articles' own warnings came first
    assert err.splitlines()[-1].startswith("interrupted; the chunks already finished are kept in")
    assert "Run the same command again to resume" in err.splitlines()[-1]
    assert not list((out / PARTS).glob(".*"))  # the chunk being written is not left half-made
    monkeypatch.setattr(batch, "_analyse_one", real)
    resumed, _ = quiet_run(corpus, out)
    assert (resumed.skipped, resumed.succeeded) == (2, 5)


def test_ctrl_c_on_a_batch_with_workers_prints_one_line(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    corpus, out = small_corpus(tmp_path / "corpus", 120), tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen([sys.executable, "-m", "analysis", "batch", str(corpus), "--out", str(out),
                                "--workers", "2", "--backend", BACKEND, "--no-progress"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    while process.poll() is None and not list((out / PARTS).glob("chunk-*")):
        time.sleep(0.05)  # until the first chunk is written
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 130, err
    assert "Traceback" not in err and "resume" in err


def test_size_is_checked_before_hashing_a_huge_file_fails_only_that_article(tmp_path):
    corpus = small_corpus(tmp_path / "corpus", 2)
    with open(corpus / "huge.txt", "wb") as handle:
        handle.truncate(8 * 2**30)  # 8 GiB, sparse: reading it would exhaust memory
    summary, messages = quiet_run(corpus, tmp_path / "out")
    assert (summary.succeeded, summary.failed) == (2, 1)
    [(path, reason)] = summary.failures
    assert path.endswith("huge.txt")
    assert "8,192 MiB is too large" in reason and "limit is 20 MiB" in reason
    assert "split it into one .txt file per article" in reason


def test_symlink_loops_and_links_out_of_the_corpus_are_not_followed(tmp_path):
    corpus = small_corpus(tmp_path / "corpus", 2)
    (corpus / "sub").mkdir()
    (corpus / "a000.txt").rename(corpus / "sub" / "a000.txt")
    outside = small_corpus(tmp_path / "elsewhere", 1)
    (corpus / "sub" / "loop").symlink_to(corpus, target_is_directory=True)
    (corpus / "sub" / "back").symlink_to(corpus / "sub", target_is_directory=True)
    (corpus / "out").symlink_to(outside, target_is_directory=True)
    (corpus / "copy.txt").symlink_to(corpus / "a001.txt")
    skipped = []
    found = find_articles(corpus, skipped)
    assert [p.relative_to(corpus).as_posix() for p in found] == ["a001.txt", "sub/a000.txt"]
    assert sorted(p.name for p in skipped) == ["back", "copy.txt", "loop", "out"]
    summary, messages = quiet_run(corpus, tmp_path / "out")
    assert (summary.succeeded, summary.failed) == (2, 0)
    assert sum("symbolic link not followed" in m for m in messages) == 4
    assert pd.read_parquet(tmp_path / "out" / "sections.parquet")["article_id"].tolist() == ["a001", "a000"]


def test_two_batches_into_one_folder_take_turns_and_say_who_holds_it(tmp_path):
    from analysis.errors import InputError
    from analysis.outlock import output_lock

    corpus, out = small_corpus(tmp_path / "corpus", 1), tmp_path / "out"
    with output_lock(out, "python -m analysis batch elsewhere"):
        with pytest.raises(InputError, match=rf"in use by pid {os.getpid()} .*python -m analysis batch elsewhere"):
            quiet_run(corpus, out, lock_timeout=0)
    summary, _ = quiet_run(corpus, out, lock_timeout=0)
    assert summary.succeeded == 1


def test_a_warning_many_articles_share_is_named_a_few_times_then_counted(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number in range(6):
        (corpus / f"a{number}.txt").write_text(f"没有小标题的稿件{number}\n市民来电反映问题，话务员耐心解答。", encoding="utf-8")
    said: list[str] = []
    summary = run_batch(corpus, tmp_path / "out", progress=False, report=said.append)
    assert summary.succeeded == 6
    named = [line for line in said if "no profile headings" in line and line.startswith(str(corpus))]
    assert len(named) == 3
    assert any(line.startswith("warning in 3 more articles: no profile headings") for line in said)
