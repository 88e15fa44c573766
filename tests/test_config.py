"""One run configuration: the codebook (and dictionary) it names reach every table, the candidates,
the editors' page and batch output; nothing re-reads the bundled defaults behind its back."""
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from analysis.__main__ import main
from analysis.batch import run_batch
from analysis.config import RunConfig
from analysis.corpus import BUNDLED_CORPUS, DEFAULT_ARTICLE_ID
from analysis.pipeline import all_tables, analyse
from analysis.report import build_report

# A small codebook of its own: one literal theme and one term theme, ids the bundled one lacks.
BOOK = """themes:
  - id: recipe
    label: 办事口诀
    rules:
      - text: 话毕单成
  - id: phone
    label: 电话
    rules:
      - 电话
"""


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    path = tmp_path_factory.mktemp("codebook") / "book.yaml"
    path.write_text(BOOK, encoding="utf-8")
    return path


def theme_ids(frame: pd.DataFrame) -> set[str]:
    return set(frame["theme_id"])


def test_the_config_travels_with_the_analysis_and_sets_every_theme_table(article, book):
    config = RunConfig(codebook=str(book))
    assert config.codebook == book and config == RunConfig(codebook=book)  # strings become paths
    analysis = analyse(article, config)
    assert analysis.config is config and analysis.backend == "jieba"
    tables = all_tables(analysis)
    assert theme_ids(tables["theme_hits"]) == {"recipe", "phone"}
    assert theme_ids(tables["theme_matrix"]) == {"recipe", "phone"}
    themes = {c for c in tables["candidates"]["candidate_id"] if c.startswith("theme:")}
    assert themes == {"theme:recipe", "theme:phone"}
    bundled = all_tables(analyse(article))  # the default config: the bundled codebook, unchanged
    assert "four_hearts" in theme_ids(bundled["theme_hits"]) and "recipe" not in theme_ids(bundled["theme_hits"])


def test_a_parsed_codebook_works_as_well_as_a_file(article, book):
    parsed = RunConfig(codebook=book).load_codebook()
    hits = all_tables(analyse(article, RunConfig(codebook=parsed)))["theme_hits"]
    assert theme_ids(hits) == {"recipe", "phone"}


def test_report_tables_candidates_and_page_use_the_codebook(tmp_path, book):
    config = RunConfig(codebook=book, output=tmp_path / "out", picks=tmp_path / "picks")
    result = build_report(config=config, figures=tmp_path / "figures")
    folder = tmp_path / "out" / DEFAULT_ARTICLE_ID
    assert folder / "theme_hits.csv" in result.written
    assert theme_ids(pd.read_csv(folder / "theme_hits.csv", encoding="utf-8-sig")) == {"recipe", "phone"}
    assert theme_ids(pd.read_csv(folder / "theme_matrix.csv", encoding="utf-8-sig")) == {"recipe", "phone"}
    candidates = pd.read_csv(folder / "candidates.csv", encoding="utf-8-sig")
    assert {c for c in candidates["candidate_id"] if c.startswith("theme:")} == {"theme:recipe", "theme:phone"}
    page = (folder / "editors.html").read_text(encoding="utf-8")
    assert "theme:recipe" in page and "办事口诀" in page and "theme:four_hearts" not in page
    # The run's picks folder (the config's), not the repository's, is where the report looked.
    assert any("没有编辑的选择文件" in note and str(tmp_path / "picks") in note for note in result.notes)


def test_batch_uses_the_codebook_and_reruns_when_it_changes(tmp_path, book):
    corpus = tmp_path / "corpus"
    shutil.copytree(BUNDLED_CORPUS / DEFAULT_ARTICLE_ID, corpus / "one")
    out = tmp_path / "out"
    run_batch(corpus, out, progress=False, report=lambda m: None, config=RunConfig(codebook=book, output=out))
    assert theme_ids(pd.read_parquet(out / "theme_hits.parquet")) == {"recipe", "phone"}
    again = run_batch(corpus, out, progress=False, report=lambda m: None)  # the bundled codebook: not up to date
    assert again.skipped == 0
    assert "four_hearts" in theme_ids(pd.read_parquet(out / "theme_hits.parquet"))


def test_the_command_line_builds_one_config_for_any_verb(book, capsys):
    assert main(["themes", "--codebook", str(book), "--json"]) == 0
    assert {h["theme_id"] for h in json.loads(capsys.readouterr().out)} == {"recipe", "phone"}
    assert main(["keywords", "--codebook", str(book / "missing.yaml")]) == 2  # checked before any article is cut
    assert "no such codebook file" in capsys.readouterr().err


def test_a_custom_dictionary_reaches_the_segmenter(tmp_path, article):
    bundled = Path(__file__).resolve().parent.parent / "analysis" / "data" / "domain_dict.txt"
    dictionary = tmp_path / "dict.txt"
    dictionary.write_text(bundled.read_text(encoding="utf-8") + "\n窖井 2000 n\n", encoding="utf-8")
    assert "窖井" not in {t.text for t in analyse(article).tokens}
    assert "窖井" in {t.text for t in analyse(article, RunConfig(dictionary=dictionary)).tokens}
    broken = tmp_path / "broken.txt"
    broken.write_text("窖井 many n\n", encoding="utf-8")
    assert main(["tokens", "--dictionary", str(broken)]) == 2
