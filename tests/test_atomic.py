"""Output files are written whole (temporary file, then os.replace), and runs on one output folder take turns."""
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis import atomic
from analysis.batch import run_batch
from analysis.errors import InputError
from analysis.outlock import LOCK_NAME, output_lock
from analysis.report import build_report

ROOT = Path(__file__).resolve().parents[1]
BACKEND = "rjieba"


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path):
    target = atomic.write_text(tmp_path / "table.csv", "old\n")
    with pytest.raises(RuntimeError):
        with atomic.replacing(target) as partial:
            partial.write_text("half a ne", encoding="utf-8")
            raise RuntimeError("disk full")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["table.csv"]


def test_the_temporary_name_keeps_the_suffix_and_is_recognised_as_a_leftover(tmp_path):
    partial = atomic.temporary_name(tmp_path / "chart.pdf")
    assert partial.suffix == ".pdf" and partial.name.startswith(".") and partial.parent == tmp_path
    partial.write_bytes(b"%PDF half")
    assert atomic.remove_leftovers(tmp_path) == 1 and not partial.exists()


@pytest.fixture
def replaced(monkeypatch):
    """Every target of os.replace during the test."""
    targets = []
    real = os.replace

    def recording(source, target):
        targets.append(Path(target))
        return real(source, target)

    monkeypatch.setattr(os, "replace", recording)
    return targets


def test_every_file_of_a_report_is_written_through_a_temporary_file(tmp_path, replaced):
    result = build_report(output=tmp_path / "out", backend=BACKEND, figures=tmp_path / "figures")
    kinds = {path.suffix for path in result.written}
    assert {".csv", ".html", ".pdf", ".png"} <= kinds
    assert set(result.written) <= set(replaced)
    leftovers = [p for p in tmp_path.rglob(".*") if p.name != LOCK_NAME]
    assert leftovers == []


def test_every_combined_table_of_a_batch_is_written_through_a_temporary_file(tmp_path, replaced):
    from test_batch import small_corpus

    summary = run_batch(small_corpus(tmp_path / "corpus", 2), tmp_path / "out", backend=BACKEND, progress=False,
                        report=lambda message: None)
    assert {p.suffix for p in summary.written} == {".csv", ".parquet"}
    assert set(summary.written) <= set(replaced)
    assert tmp_path / "out" / "parts" / "chunk-000001" in replaced  # the chunk folder, renamed into place whole


def test_a_held_output_folder_names_its_holder(tmp_path):
    with output_lock(tmp_path, "python -m analysis report other.txt"):
        with pytest.raises(InputError) as error:
            with output_lock(tmp_path, "second", timeout=0):
                pass
    message = str(error.value)
    assert f"in use by pid {os.getpid()} on" in message and "python -m analysis report other.txt" in message
    assert "\n" not in message
    with output_lock(tmp_path, "third", timeout=0):  # released: the next run goes ahead
        pass


def test_a_run_that_waits_says_for_whom(tmp_path):
    import threading

    said = []
    with output_lock(tmp_path, "first run"):
        waiter = threading.Thread(target=lambda: output_lock(tmp_path, "second run", say=said.append).__enter__())
        waiter.start()
        waiter.join(timeout=0.5)
    waiter.join()
    assert len(said) == 1 and "first run" in said[0] and "waiting for it to finish" in said[0]


def test_two_reports_on_one_article_at_once_both_succeed(tmp_path):
    from pypdf import PdfReader

    command = [sys.executable, "-m", "analysis", "report", "--out", str(tmp_path / "out"), "--backend", BACKEND]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
            for _ in range(2)]
    outputs = [run.communicate(timeout=600) for run in runs]
    for run, (_, err) in zip(runs, outputs):
        assert run.returncode == 0, err
        assert "Traceback" not in err
    article = next(p for p in (tmp_path / "out").iterdir() if p.is_dir())
    assert len(PdfReader(article / "figures" / "contact_sheet.pdf").pages) >= 1
    assert len(pd.read_csv(article / "tokens.csv", encoding="utf-8-sig")) > 1000
    assert not [p for p in (tmp_path / "out").rglob(".*") if p.name != LOCK_NAME]
