"""The notebooks: committed without outputs, in step with their py:percent twins, and runnable headless."""
import hashlib
from pathlib import Path

import jupytext
import nbformat
import pytest

from analysis.corpus import BUNDLED_CORPUS, DEFAULT_ARTICLE_ID
from analysis.errors import InputError
from analysis.notebooks import (ARCHIVE_NOTEBOOK, KERNEL_NAME, NOTEBOOKS_DIR, NotebookParameters, notebook_paths,
                                run_notebooks)

NOTEBOOKS = notebook_paths()
ALL_NOTEBOOKS = [*NOTEBOOKS, NOTEBOOKS_DIR / ARCHIVE_NOTEBOOK]
PARAMETERS = ("ARTICLE", "CODEBOOK", "PICKS", "OUTPUT", "TABLES", "FIGURES")


def _cells(notebook):
    """What a notebook says, independent of file times, outputs and jupytext's bookkeeping."""
    return [(cell.cell_type, cell.source.strip(), tuple(cell.metadata.get("tags", ()))) for cell in notebook.cells]


def test_notebooks_are_numbered_and_paired():
    assert [path.stem[:3] for path in NOTEBOOKS] == [f"{n:02d}_" for n in range(1, len(NOTEBOOKS) + 1)]
    assert len(NOTEBOOKS) >= 4
    twins = sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]_*.py"))
    assert [p.stem for p in twins] == [p.stem for p in ALL_NOTEBOOKS]


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=lambda p: p.name)
def test_committed_notebook_holds_no_outputs(path):
    notebook = nbformat.read(path, as_version=4)
    dirty = [index for index, cell in enumerate(notebook.cells)
             if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None)]
    assert not dirty, f"{path.name}: cells {dirty} hold outputs; run `make notebooks` to rewrite it from its .py twin"


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_in_sync_with_its_py_twin(path):
    # By content, not by file time: after a checkout either file may look newer.
    twin = jupytext.read(path.with_suffix(".py"))
    notebook = nbformat.read(path, as_version=4)
    assert _cells(notebook) == _cells(twin), f"{path.name} differs from its .py twin; run `make notebooks`"
    assert notebook.metadata["kernelspec"]["name"] == KERNEL_NAME


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_has_one_parameters_cell_with_every_parameter(path):
    cells = [c for c in nbformat.read(path, as_version=4).cells if "parameters" in c.metadata.get("tags", ())]
    assert len(cells) == 1
    assigned = [line.split("=")[0].strip() for line in cells[0].source.splitlines() if "=" in line and not line.startswith("#")]
    assert assigned == list(PARAMETERS)


def _digests():
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in NOTEBOOKS_DIR.iterdir() if path.is_file()}


def test_every_notebook_executes_headless_into_another_folder(tmp_path):
    before = _digests()
    parameters = NotebookParameters(article=BUNDLED_CORPUS / DEFAULT_ARTICLE_ID, output=tmp_path / "written",
                                     picks=tmp_path / "no-picks.json")
    run = run_notebooks(parameters, tmp_path / "executed")
    assert [p.name for p in run.executed] == [p.name for p in NOTEBOOKS]
    for executed, page in zip(run.executed, run.pages):
        notebook = nbformat.read(executed, as_version=4)
        errors = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
        assert not errors
        injected = [c for c in notebook.cells if "injected-parameters" in c.metadata.get("tags", ())]
        assert str(tmp_path / "written") in injected[0].source
        html = page.read_text(encoding="utf-8")
        assert "load_article" not in html and "import" not in html.split("<body", 1)[1]  # no code for readers
        assert "<h1" in html
    assert _digests() == before, "the notebooks were executed in place"


def _notebook(tmp_path, source):
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": KERNEL_NAME, "display_name": "Python (analysis)", "language": "python"}
    parameters = nbformat.v4.new_code_cell("ARTICLE = None\nCODEBOOK = None\nPICKS = None\nOUTPUT = None")
    parameters.metadata["tags"] = ["parameters"]
    notebook.cells = [parameters, nbformat.v4.new_code_cell(source)]
    path = tmp_path / "01_test.ipynb"
    nbformat.write(notebook, path)
    return path


def test_a_failing_cell_is_reported_with_its_error(tmp_path):
    path = _notebook(tmp_path, "raise ValueError('坏了')")
    with pytest.raises(InputError, match=r"01_test.ipynb: cell \d+ failed \(ValueError: 坏了\)"):
        run_notebooks(NotebookParameters(Path("a.txt"), tmp_path), tmp_path / "out", [path])


def test_an_unregistered_kernel_says_how_to_register_it(tmp_path):
    path = _notebook(tmp_path, "1")
    with pytest.raises(InputError, match="kernel 'no-such-kernel' is not registered; run `make setup`"):
        run_notebooks(NotebookParameters(Path("a.txt"), tmp_path), tmp_path / "out", [path], kernel="no-such-kernel")


def test_tables_the_report_wrote_read_back_as_computed(tmp_path):
    from analysis.corpus import load_article
    from analysis.notebook_tables import article_tables
    from analysis.tables import write_csv

    article = load_article(BUNDLED_CORPUS / DEFAULT_ARTICLE_ID)
    computed = article_tables(article)
    for name, frame in computed.items():
        write_csv(frame, tmp_path / f"{name}.csv")
    read = article_tables(article, tmp_path)
    assert set(read) == set(computed)
    for name, frame in computed.items():
        assert list(read[name].columns) == list(frame.columns) and len(read[name]) == len(frame), name


def test_tables_of_another_article_are_refused(tmp_path):
    from analysis.corpus import load_article
    from analysis.notebook_tables import article_tables

    (tmp_path / "profiles.csv").write_text("article_id,id\nsomeone-else,p01\n", encoding="utf-8")
    with pytest.raises(InputError, match="not huaihai-2017-12345-stars; set TABLES = None"):
        article_tables(load_article(BUNDLED_CORPUS / DEFAULT_ARTICLE_ID), tmp_path)


def test_notebooks_share_one_quiet_kernel_and_start_with_an_empty_namespace(tmp_path, capfd):
    first = _notebook(tmp_path, f"import os\nleaked = 1\nopen({str(tmp_path / 'pid1')!r}, 'w').write(str(os.getpid()))")
    first = first.rename(tmp_path / "01_first.ipynb")
    second = _notebook(tmp_path, f"import os\nassert 'leaked' not in globals()\n"
                                 f"open({str(tmp_path / 'pid2')!r}, 'w').write(str(os.getpid()))")
    run = run_notebooks(NotebookParameters(Path("a.txt"), tmp_path), tmp_path / "out", [first, second])
    assert len(run.executed) == 2
    assert (tmp_path / "pid1").read_text() == (tmp_path / "pid2").read_text()  # one kernel start-up
    assert "without encryption" not in capfd.readouterr().err  # IPC transport: nothing to warn about
