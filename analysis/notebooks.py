"""Run the notebooks headless, never in place, and render a copy of each for readers who don't code.

Each notebook in `notebooks/` (numbered in run order) has one cell tagged `parameters`; papermill
executes a copy with the article, codebook, picks file and output folder filled in, using the
project's registered kernel, and nbconvert renders the executed copy as HTML without code cells.
"""
from __future__ import annotations

import contextlib
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


# What the article notebooks import: loaded by a kernel started ahead of them (`NotebookKernel.start`).
WARM_IMPORTS = ("pandas", "IPython.display", "analysis.config", "analysis.figures", "analysis.notebook_tables",
                "analysis.picks", "analysis.review", "analysis.segment")


class NotebookKernel:
    """The one kernel a run of notebooks shares, with one client that stays connected.

    `start` launches it and has it import what the notebooks import, without waiting for that, and
    loads this process's side (nbformat, nbclient, papermill, nbconvert: about a second); the report
    calls it while its figures are drawn in other processes, so that none of this is waited for
    afterwards. The kernel talks over IPC sockets, not TCP, so it has nothing to warn about encryption.
    """

    def __init__(self, kernel: str = KERNEL_NAME, cwd: Path = NOTEBOOKS_DIR):
        self.kernel, self.cwd = kernel, cwd
        self.manager = self.client = None
        self._sockets: tempfile.TemporaryDirectory | None = None

    def start(self, warm: tuple[str, ...] = WARM_IMPORTS) -> NotebookKernel:
        from jupyter_client.kernelspec import NoSuchKernel
        from jupyter_client.manager import KernelManager

        from .errors import InputError

        if self.manager is not None:
            return self
        self._sockets = tempfile.TemporaryDirectory(prefix="analysis-kernel-")
        manager = KernelManager(kernel_name=self.kernel, transport="ipc", ip=str(Path(self._sockets.name) / "kernel"))
        try:
            manager.start_kernel(cwd=str(self.cwd))
        except NoSuchKernel:
            self.close()
            raise InputError(f"{self.cwd}: the Jupyter kernel '{self.kernel}' is not registered; run `make setup` "
                             f"(it runs python -m ipykernel install --sys-prefix --name {self.kernel})") from None
        self.manager = manager
        self.client = manager.client()
        self.client.start_channels()
        self.client.allow_stdin = False
        if warm:  # not waited for: the first notebook's reset queues behind it
            self.client.execute("import importlib\n" + "".join(f"importlib.import_module({m!r})\n" for m in warm),
                                silent=True, store_history=False)
        import nbclient  # noqa: F401  (this process's side, loaded while the kernel starts)
        import nbconvert  # noqa: F401
        import nbformat  # noqa: F401
        import papermill.parameterize  # noqa: F401
        self.client.wait_for_ready(timeout=60)
        return self

    def reset(self) -> None:
        """Clear the namespace, so a notebook cannot lean on another's variables (or the warm-up's);
        modules stay imported (that is the time saved); variables, history and outputs go."""
        reply = self.client.execute_interactive("get_ipython().reset(new_session=False)", timeout=60,
                                                output_hook=lambda message: None)
        if reply["content"]["status"] != "ok":
            raise RuntimeError(f"could not clear the notebook kernel: {reply['content'].get('evalue')}")

    def close(self) -> None:
        if self.client is not None:
            self.client.stop_channels()
        if self.manager is not None:
            self.manager.shutdown_kernel(now=True)
        if self._sockets is not None:
            self._sockets.cleanup()
        self.manager = self.client = self._sockets = None

    def __enter__(self) -> NotebookKernel:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def run_notebooks(parameters: NotebookParameters | ArchiveParameters, out_dir: Path, notebooks: list[Path] | None = None,
                  kernel: str = KERNEL_NAME, started: NotebookKernel | None = None) -> NotebookRun:
    """Execute each notebook into `out_dir` (the sources stay untouched) and write an HTML copy beside it.

    All notebooks run in one kernel, started once (a kernel start-up and the imports cost seconds
    each), or in `started` (a `NotebookKernel` started ahead; the caller closes it); its namespace
    is cleared before each notebook, so each sees only its own variables.
    """
    paths = notebooks if notebooks is not None else notebook_paths()
    out_dir.mkdir(parents=True, exist_ok=True)
    run = NotebookRun()
    if not paths:
        return run
    with contextlib.ExitStack() as stack:
        if started is None:
            started = stack.enter_context(NotebookKernel(kernel, paths[0].parent)).start(warm=())
        for index, notebook in enumerate(paths):
            started.reset()
            executed = out_dir / notebook.name
            _execute(notebook, executed, parameters, started, kernel)
            run.executed.append(executed)
            run.pages.append(render_html(executed))
    return run


def _execute(notebook: Path, executed: Path, parameters, started: NotebookKernel, kernel: str) -> None:
    """One notebook in the shared kernel, its parameters injected as papermill does."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    from .errors import InputError

    node = parameterize_notebook(load_notebook_node(str(notebook)), parameters.as_papermill(), kernel_name=kernel)
    client = NotebookClient(node, km=started.manager, kernel_name=kernel,
                            resources={"metadata": {"path": str(notebook.parent)}})
    client.kc = started.client  # connected and ready: no second wait per notebook
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


def render_html(executed: Path) -> Path:
    """An HTML copy of an executed notebook without code: prose, tables and figures only."""
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nbformat.read(executed, as_version=4))
    return atomic.write_text(executed.with_suffix(".html"), body)
