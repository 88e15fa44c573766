"""What a run wrote, told by folder (for the console), not file by file."""
from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

_KINDS = {".csv": "张表格（CSV）", ".pdf": "个 PDF", ".png": "张 PNG 预览", ".html": "个网页（HTML）",
          ".ipynb": "本执行过的笔记本", ".txt": "个文本文件", ".json": "个 JSON 文件", ".parquet": "个 Parquet 文件"}


def shown(path: Path) -> str:
    """`path` relative to the working folder when it lies inside it (shorter to read), else as given."""
    try:
        return os.path.relpath(path) if Path(path).resolve().is_relative_to(Path.cwd()) else str(path)
    except ValueError:  # another drive
        return str(path)


def folder_lines(paths: Iterable[Path]) -> list[str]:
    """One line per folder, in the order first written: the folder and how many files of each kind."""
    by_folder: dict[Path, Counter] = {}
    for path in paths:
        by_folder.setdefault(Path(path).parent, Counter())[Path(path).suffix.lower()] += 1
    lines = []
    for folder, kinds in by_folder.items():
        counts = "、".join(f"{n} {_kind(suffix)}" for suffix, n in kinds.items())
        lines.append(f"写入 {shown(folder)}{os.sep}：{counts}")
    return lines


def _kind(suffix: str) -> str:
    return _KINDS.get(suffix, f"个 {suffix} 文件" if suffix else "个文件")
