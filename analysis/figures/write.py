"""Saving a chart: PDF (vector), PNG at the declared dpi and the CSV of exactly what it plots."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .. import tables
from ..atomic import replacing
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


def write_chart(chart: Chart, out_dir: Path) -> list[Path]:
    """Write name.pdf, name.png and name.csv; a glyph missing from the house font is an error."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    pdf, png = out_dir / f"{chart.name}.pdf", out_dir / f"{chart.name}.png"
    # Through temporary files: the contact sheet (or a second run) never reads half a PDF.
    with house.style(), strict_glyphs(), replacing(pdf) as pdf_tmp, replacing(png) as png_tmp:
        chart.figure.savefig(pdf_tmp, format="pdf", metadata=PDF_METADATA)
        chart.figure.savefig(png_tmp, format="png", dpi=chart.dpi, metadata=PNG_METADATA)
    return [pdf, png, tables.write_csv(chart.data, out_dir / f"{chart.name}.csv")]
