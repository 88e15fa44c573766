"""Print figures: the house style, one module per family of charts, the contact sheet.

`build_figures(tables, out_dir, picks=..., source=...)` writes every chart the tables allow as PDF,
PNG and CSV, and the contact sheet. Figure functions take tables and return matplotlib Figures;
`write.write_chart` saves them. Nothing here reads article text.
"""
from .build import build_figures, make_charts
from .fonts import MissingGlyphError, house_font, strict_glyphs
from .house import Frame, Grid, Picks, PrintSettings, SourceNote, load_settings

__all__ = ["build_figures", "make_charts", "MissingGlyphError", "house_font", "strict_glyphs", "Frame", "Grid",
           "Picks", "PrintSettings", "SourceNote", "load_settings"]
