"""One run's settings, chosen once and carried with every analysis of the run.

The command line, `make report`, `batch` and the notebooks each build one frozen `RunConfig`;
`analyse(article, config)` keeps it on the `Analysis`, so every table, figure and page of the run
uses the codebook, dictionary and backend it names. Nothing deeper re-reads a default.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .codebook import Codebook

PROJECT_DIR = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = PROJECT_DIR / "output"
DEFAULT_PICKS = PROJECT_DIR / "picks"


@dataclass(frozen=True)
class RunConfig:
    codebook: Path | Codebook | None = None  # a YAML file or a parsed codebook; None: the bundled one
    dictionary: Path | None = None  # the segmenter's `word freq tag` dictionary; None: the bundled one
    backend: str = "jieba"  # segmenter backend (analysis.segment.BACKENDS)
    picks: Path = DEFAULT_PICKS  # the folder of editors' picks files, <article-id>.json
    output: Path = DEFAULT_OUTPUT  # where report writes output/<article-id>/

    def __post_init__(self) -> None:
        # Paths given as strings (command line, notebook parameters) become Paths, so configs compare equal.
        for name in ("codebook", "dictionary", "picks", "output"):
            value = getattr(self, name)
            if isinstance(value, str):
                object.__setattr__(self, name, Path(value))

    def load_codebook(self) -> Codebook:
        """The run's codebook, parsed and validated (a file is parsed once per version)."""
        from .codebook import Codebook, load_codebook

        return self.codebook if isinstance(self.codebook, Codebook) else load_codebook(self.codebook)

    def codebook_path(self) -> Path | None:
        """The codebook file, if it is one (the notebooks take a path)."""
        return self.codebook if isinstance(self.codebook, Path) else None

    def fingerprint(self) -> str:
        """What of this configuration changes the tables: backend, codebook and dictionary contents.

        Output and picks folders do not change a table, so they are not part of it; batch uses it to
        tell an up-to-date article from one to re-run."""
        digest = hashlib.sha256(self.backend.encode())
        for item in (self.codebook, self.dictionary):
            if isinstance(item, Path):
                digest.update(b"file:" + (item.read_bytes() if item.is_file() else str(item).encode()))
            elif item is not None:
                digest.update(b"parsed:" + repr(item).encode())
            else:
                digest.update(b"bundled")
        return digest.hexdigest()
