"""The contact sheet: one PDF with every figure at its actual print size, for the print desk to proof.

Pages are a broadsheet type area plus margins. Figures are placed in reading order, left to right
in rows (shelf packing), each under a caption with its file name and size in millimetres and a
hairline frame at its trim. The figures' own PDF pages are merged in as vector graphics (pypdf),
so the sheet shows exactly the files that go to print, fonts and all.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from ..atomic import replacing
from . import house
from .fonts import strict_glyphs

MARGIN_MM = 15.0
GAP_MM = 8.0
CAPTION_MM = 5.0
PAGE_HEIGHT_MM = 520.0  # a broadsheet page, about 350 x 500 mm of type area
PT_PER_MM = 72 / house.MM_PER_INCH


@dataclass(frozen=True)
class Placement:
    path: Path
    page: int
    x_mm: float  # from the page's left edge
    y_mm: float  # of the figure's top edge, from the page's top edge
    width_mm: float
    height_mm: float


def _size_mm(path: Path) -> tuple[float, float]:
    from pypdf import PdfReader

    box = PdfReader(path).pages[0].mediabox
    return float(box.width) / PT_PER_MM, float(box.height) / PT_PER_MM


def layout(paths: list[Path], page_width_mm: float, page_height_mm: float = PAGE_HEIGHT_MM) -> list[Placement]:
    """Shelf packing in the given order: fill a row, then start the next row or page."""
    placements, page, x, y, row_height = [], 0, MARGIN_MM, MARGIN_MM + CAPTION_MM, 0.0
    for path in paths:
        width, height = _size_mm(path)
        if x + width > page_width_mm - MARGIN_MM + 0.01 and x > MARGIN_MM:
            x, y, row_height = MARGIN_MM, y + row_height + GAP_MM + CAPTION_MM, 0.0
        if y + height > page_height_mm - MARGIN_MM and y > MARGIN_MM + CAPTION_MM:
            page, x, y, row_height = page + 1, MARGIN_MM, MARGIN_MM + CAPTION_MM, 0.0
        placements.append(Placement(path, page, x, y, width, height))
        x += width + GAP_MM
        row_height = max(row_height, height)
    return placements


def _background(placements: list[Placement], number: int, pages: int, width_mm: float, height_mm: float,
                source: house.SourceNote) -> bytes:
    """A page with the captions and trim frames, drawn in the house font."""
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

    with house.style(), strict_glyphs():
        figure = Figure(figsize=(width_mm / house.MM_PER_INCH, height_mm / house.MM_PER_INCH))
        axes = figure.add_axes((0, 0, 1, 1))
        axes.set_xlim(0, width_mm)
        axes.set_ylim(height_mm, 0)
        axes.set_axis_off()
        axes.text(MARGIN_MM, MARGIN_MM - 6, f"图表校样（实际印刷尺寸）　{source.text}　第{number + 1}/{pages}页",
                  fontsize=house.LABEL_PT, va="bottom", color=house.INK)
        for item in placements:
            axes.add_patch(Rectangle((item.x_mm, item.y_mm), item.width_mm, item.height_mm, fill=False,
                                     linewidth=0.3, edgecolor=house.GREY))
            axes.text(item.x_mm, item.y_mm - 1.2, f"{item.path.stem}　{item.width_mm:.1f} × {item.height_mm:.1f} mm",
                      fontsize=house.SMALL_PT, va="bottom", color=house.GREY_DARK)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="pdf", metadata={"CreationDate": None, "Producer": None, "Creator": None})
    return buffer.getvalue()


def write_contact_sheet(paths: list[Path], out: Path, source: house.SourceNote,
                        settings: house.PrintSettings | None = None) -> Path:
    from pypdf import PdfReader, PdfWriter, Transformation

    settings = settings or house.load_settings()
    page_width = settings.grid.type_area_mm + 2 * MARGIN_MM
    placements = layout(list(paths), page_width)
    pages = max(p.page for p in placements) + 1
    writer = PdfWriter()
    for number in range(pages):
        on_page = [p for p in placements if p.page == number]
        background = PdfReader(io.BytesIO(_background(on_page, number, pages, page_width, PAGE_HEIGHT_MM, source)))
        sheet = writer.add_page(background.pages[0])
        for item in on_page:
            figure_page = PdfReader(item.path).pages[0]
            bottom_mm = PAGE_HEIGHT_MM - item.y_mm - item.height_mm
            sheet.merge_transformed_page(figure_page, Transformation().translate(item.x_mm * PT_PER_MM,
                                                                                 bottom_mm * PT_PER_MM))
    writer.add_metadata({"/Title": "图表校样"})
    with replacing(out) as partial, open(partial, "wb") as handle:
        writer.write(handle)
    return out
