"""Saving a chart: PDF (vector), PNG at the declared dpi and the CSV of exactly what it plots."""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .. import atomic, tables
from . import house
from .fonts import strict_glyphs

# No creation date or software version in the files, so an unchanged figure is an unchanged file.
PDF_METADATA = {"CreationDate": None, "ModDate": None, "Producer": None, "Creator": None}
PNG_METADATA = {"Software": None}


@dataclass(frozen=True)
class Chart:
    name: str  # the file stem under figures/
    figure: object  # matplotlib Figure
    data: pd.DataFrame  # exactly what the figure plots, one row per mark
    dpi: int  # PNG resolution: 300, or 600 for raster text


def render_chart(chart: Chart) -> tuple[bytes, bytes]:
    """The chart's PDF and PNG (at its dpi), in memory; a glyph missing from the house font is an error."""
    pdf, png = io.BytesIO(), io.BytesIO()
    with house.style(), strict_glyphs():
        chart.figure.savefig(pdf, format="pdf", metadata=PDF_METADATA)
        chart.figure.savefig(png, format="png", dpi=chart.dpi, metadata=PNG_METADATA)
    return pdf.getvalue(), png.getvalue()


def write_rendered(name: str, pdf: bytes, png: bytes, data: pd.DataFrame, out_dir: Path) -> list[Path]:
    """Write name.pdf, name.png and name.csv, each through a temporary file: the contact sheet (or a
    second run) never reads half a PDF."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    return [atomic.write_bytes(out_dir / f"{name}.pdf", pdf), atomic.write_bytes(out_dir / f"{name}.png", png),
            tables.write_csv(data, out_dir / f"{name}.csv")]


def write_chart(chart: Chart, out_dir: Path) -> list[Path]:
    """Write name.pdf, name.png and name.csv; a glyph missing from the house font is an error."""
    return write_rendered(chart.name, *render_chart(chart), chart.data, out_dir)
