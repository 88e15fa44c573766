"""Run the notebooks headless, never in place, and render a copy of each for readers who don't code.

Each notebook in `notebooks/` (numbered in run order) has one cell tagged `parameters`; papermill
executes a copy with the article, codebook, picks file and output folder filled in, using the
project's registered kernel, and nbconvert renders the executed copy as HTML without code cells.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from . import atomic

NOTEBOOKS_DIR = Path(__file__).resolve().parent.parent / "notebooks"
KERNEL_NAME = "analysis"  # registered by scripts/bootstrap.sh (python -m ipykernel install --sys-prefix)


@dataclass(frozen=True)
class NotebookParameters:
    """The values of the `parameters` cell; paths are absolute when the notebooks run headless."""

    article: Path
    output: Path
    codebook: Path | None = None  # None: the bundled codebook
    picks: Path | None = None  # None or a missing file: nothing picked

    def as_papermill(self) -> dict[str, str | None]:
        def text(path: Path | None) -> str | None:
            return str(Path(path).resolve()) if path is not None else None

        return {"ARTICLE": text(self.article), "CODEBOOK": text(self.codebook), "PICKS": text(self.picks),
                "OUTPUT": text(self.output)}


@dataclass
class NotebookRun:
    executed: list[Path] = field(default_factory=list)  # the executed .ipynb copies
    pages: list[Path] = field(default_factory=list)  # their HTML renderings without code


ARCHIVE_NOTEBOOK = "05_archive.ipynb"  # reads a batch output folder, not one article: `make archive`


def notebook_paths(folder: Path = NOTEBOOKS_DIR) -> list[Path]:
    """The article notebooks in run order: `NN_name.ipynb`, without the archive notebook."""
    return sorted(p for p in folder.glob("[0-9][0-9]_*.ipynb") if p.name != ARCHIVE_NOTEBOOK)


@dataclass(frozen=True)
class ArchiveParameters:
    """The values of the archive notebook's `parameters` cell."""

    archive: Path  # a batch output folder
    output: Path  # where the archive figures go
    reports: Path  # where `make report` wrote the editors' pages
    fields: tuple[str, ...] = ()  # NAME=REGEX read from article ids
    group_by: str | None = None
    query: str = "服务"

    def as_papermill(self) -> dict:
        return {"ARCHIVE": str(Path(self.archive).resolve()), "FIELDS": list(self.fields), "GROUP_BY": self.group_by,
                "QUERY": self.query, "REPORTS": str(Path(self.reports).resolve()),
                "OUTPUT": str(Path(self.output).resolve())}


def run_notebooks(parameters: NotebookParameters | ArchiveParameters, out_dir: Path, notebooks: list[Path] | None = None,
                  kernel: str = KERNEL_NAME) -> NotebookRun:
    """Execute each notebook into `out_dir` (the sources stay untouched) and write an HTML copy beside it."""
    import papermill
    from jupyter_client.kernelspec import NoSuchKernel

    from .errors import InputError

    out_dir.mkdir(parents=True, exist_ok=True)
    run = NotebookRun()
    for notebook in notebooks if notebooks is not None else notebook_paths():
        executed = out_dir / notebook.name
        # papermill saves the copy after every cell: run into a temporary file, then rename it
        # (also when a cell fails, so the error can be read in the copy).
        partial = atomic.temporary_name(executed)
        try:
            papermill.execute_notebook(str(notebook), str(partial), parameters=parameters.as_papermill(),
                                       kernel_name=kernel, cwd=str(notebook.parent), progress_bar=False)
        except NoSuchKernel:
            raise InputError(f"{notebook}: the Jupyter kernel '{kernel}' is not registered; run `make setup` "
                             f"(it runs python -m ipykernel install --sys-prefix --name {kernel})") from None
        except papermill.PapermillExecutionError as error:
            raise InputError(f"{notebook}: cell {error.exec_count} failed ({error.ename}: {error.evalue}); "
                             f"see the executed copy {executed}") from None
        finally:
            if partial.exists():
                os.replace(partial, executed)
        run.executed.append(executed)
        run.pages.append(render_html(executed))
    return run


def render_html(executed: Path) -> Path:
    """An HTML copy of an executed notebook without code: prose, tables and figures only."""
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nbformat.read(executed, as_version=4))
    return atomic.write_text(executed.with_suffix(".html"), body)
