"""What `make archive` runs: `batch` over a corpus folder, then the archive notebook over its output."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .notebooks import ARCHIVE_NOTEBOOK, NOTEBOOKS_DIR, ArchiveParameters, run_notebooks

DEFAULT_ARCHIVE_OUTPUT = Path(__file__).resolve().parent.parent / "output" / "archive"


@dataclass
class ArchiveResult:
    tables: Path  # the batch output folder
    written: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def build_archive(corpus: str | Path, out: str | Path = DEFAULT_ARCHIVE_OUTPUT, fields: tuple[str, ...] = (),
                  group_by: str | None = None, workers: int = 1, backend: str = "jieba",
                  reports: str | Path | None = None, progress: bool = True) -> ArchiveResult:
    """Analyse every article of `corpus` into OUT/<corpus-name>/ (skipping those already done), then run
    the archive notebook into OUT/<corpus-name>/notebook/ with its figures in OUT/<corpus-name>/figures/."""
    from .archive import FieldPattern
    from .batch import run_batch

    for spec in fields:
        FieldPattern.parse(spec)  # a bad pattern fails before the batch runs
    corpus = Path(corpus)
    folder = Path(out) / corpus.resolve().name
    summary = run_batch(corpus, folder / "tables", workers=workers, backend=backend, progress=progress)
    result = ArchiveResult(folder / "tables")
    result.notes.append(f"batch: {summary.line()}, {summary.skipped} up to date")
    parameters = ArchiveParameters(archive=folder / "tables", output=folder / "figures",
                                   reports=Path(reports) if reports else Path(out).parent, fields=tuple(fields),
                                   group_by=group_by)
    run = run_notebooks(parameters, folder / "notebook", [NOTEBOOKS_DIR / ARCHIVE_NOTEBOOK])
    result.written += run.executed + run.pages + sorted((folder / "figures").glob("*"))
    return result
