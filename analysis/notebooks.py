"""Run the notebooks headless, never in place, and render a copy of each for readers who don't code.

Each notebook in `notebooks/` (numbered in run order) has one cell tagged `parameters`; papermill
executes a copy with the article, codebook, picks file and output folder filled in, using the
project's registered kernel, and nbconvert renders the executed copy as HTML without code cells.
"""
from __future__ import annotations

import tempfile
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
    tables: Path | None = None  # the report's CSV tables of the article; None: each notebook analyses it
    figures: Path | None = None  # the report's figures of the article; None: notebook 04 draws them

    def as_papermill(self) -> dict[str, str | None]:
        def text(path: Path | None) -> str | None:
            return str(Path(path).resolve()) if path is not None else None

        return {"ARTICLE": text(self.article), "CODEBOOK": text(self.codebook), "PICKS": text(self.picks),
                "OUTPUT": text(self.output), "TABLES": text(self.tables), "FIGURES": text(self.figures)}


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
    """Execute each notebook into `out_dir` (the sources stay untouched) and write an HTML copy beside it.

    All notebooks run in one kernel, started once (a kernel start-up and the imports cost seconds
    each); its namespace is cleared between notebooks, so each sees only its own variables. The
    kernel talks over IPC sockets, not TCP, so it has nothing to warn about encryption.
    """
    from jupyter_client.kernelspec import NoSuchKernel
    from jupyter_client.manager import KernelManager

    from .errors import InputError

    paths = notebooks if notebooks is not None else notebook_paths()
    out_dir.mkdir(parents=True, exist_ok=True)
    run = NotebookRun()
    if not paths:
        return run
    with tempfile.TemporaryDirectory(prefix="analysis-kernel-") as sockets:
        manager = KernelManager(kernel_name=kernel, transport="ipc", ip=str(Path(sockets) / "kernel"))
        try:
            manager.start_kernel(cwd=str(paths[0].parent))
        except NoSuchKernel:
            raise InputError(f"{paths[0]}: the Jupyter kernel '{kernel}' is not registered; run `make setup` "
                             f"(it runs python -m ipykernel install --sys-prefix --name {kernel})") from None
        try:
            for index, notebook in enumerate(paths):
                if index:
                    _reset(manager)
                executed = out_dir / notebook.name
                _execute(notebook, executed, parameters, manager, kernel)
                run.executed.append(executed)
                run.pages.append(render_html(executed))
        finally:
            manager.shutdown_kernel(now=True)
    return run


def _execute(notebook: Path, executed: Path, parameters, manager, kernel: str) -> None:
    """One notebook in the shared kernel, its parameters injected as papermill does."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    from .errors import InputError

    node = parameterize_notebook(load_notebook_node(str(notebook)), parameters.as_papermill(), kernel_name=kernel)
    client = NotebookClient(node, km=manager, kernel_name=kernel, resources={"metadata": {"path": str(notebook.parent)}})
    try:
        client.execute(cleanup_kc=False)
    except CellExecutionError as error:
        failed = next((c for c in node.cells if c.cell_type == "code"
                       and any(o.output_type == "error" for o in c.get("outputs", ()))), None)
        count = failed.execution_count if failed is not None else "?"
        raise InputError(f"{notebook}: cell {count} failed ({error.ename}: {error.evalue}); "
                         f"see the executed copy {executed}") from None
    finally:
        # Written whole, also when a cell failed, so the error can be read in the copy.
        atomic.write_text(executed, nbformat.writes(node))
        if client.kc is not None:
            client.kc.stop_channels()


def _reset(manager) -> None:
    """Clear the shared kernel's namespace, so a notebook cannot lean on another's variables."""
    client = manager.blocking_client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=60)
        # Modules stay imported (that is the time saved); variables, history and outputs go.
        reply = client.execute_interactive("get_ipython().reset(new_session=False)", timeout=60,
                                           output_hook=lambda message: None)
        if reply["content"]["status"] != "ok":
            raise RuntimeError(f"could not clear the notebook kernel: {reply['content'].get('evalue')}")
    finally:
        client.stop_channels()


def render_html(executed: Path) -> Path:
    """An HTML copy of an executed notebook without code: prose, tables and figures only."""
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nbformat.read(executed, as_version=4))
    return atomic.write_text(executed.with_suffix(".html"), body)
