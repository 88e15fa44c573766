"""Print figures: the house style, one module per family of charts, the contact sheet.

`build_figures(tables, out_dir, picks=..., source=...)` writes every chart the tables allow as PDF,
PNG and CSV, and the contact sheet; a chart with nothing to show is `Skipped`, with its reason.
Figure functions take tables and return matplotlib Figures; `write.write_chart` saves them.
Nothing here reads article text.
"""
from .build import FigureSet, build_figures, each_chart, make_charts
from .fonts import MissingGlyphError, house_font, strict_glyphs
from .house import Frame, Grid, Picks, PrintSettings, SourceNote, load_settings
from .skipped import Reason, Skipped

__all__ = ["FigureSet", "build_figures", "each_chart", "make_charts", "Reason", "Skipped", "MissingGlyphError",
           "house_font", "strict_glyphs", "Frame", "Grid", "Picks", "PrintSettings", "SourceNote", "load_settings"]
