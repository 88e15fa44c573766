"""The house style: the paper's grid in millimetres, type sizes, greys and one accent, and the
frame every chart sits in (title, optional standfirst, source line and credit).

Figure functions build their Figure inside `style()` and start it with `new_figure(frame)`;
everything else about the look lives in house.mplstyle and print.yaml beside this file.
"""
from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .fonts import house_font

STYLE_FILE = Path(__file__).with_name("house.mplstyle")
SETTINGS_FILE = Path(__file__).with_name("print.yaml")
MM_PER_INCH = 25.4
MM_PER_PT = MM_PER_INCH / 72

# Type sizes in points (Chinese sizes: 五号 10.5, 小五 9, 六号 7.5, 小六 6.5).
TITLE_PT = 11  # Micro Hei has no bold: size and ink set the title apart
STANDFIRST_PT = 7.5
LABEL_PT = 7.5
SMALL_PT = 6.5  # the smallest text on any figure: tick labels of dense charts, the source line
MIN_TEXT_PT = 6.5

# One accent (a spot red that prints as a mid grey in black and white) and greys for the rest.
ACCENT = "#c8102e"
INK = "#1a1a1a"
GREY_DARK = "#4d4d4d"
GREY = "#8c8c8c"
GREY_LIGHT = "#c8c8c8"
GREY_RULE = "#e0e0e0"

MARGIN_MM = 1.5  # white space around the frame's text
LINE_SPACING = 1.3


@dataclass(frozen=True)
class Grid:
    """The page's type area in columns; widths of n columns include the gutters between them."""
    type_area_mm: float
    columns: int
    gutter_mm: float

    @property
    def column_mm(self) -> float:
        return (self.type_area_mm - (self.columns - 1) * self.gutter_mm) / self.columns

    def span_mm(self, columns: int) -> float:
        if not 1 <= columns <= self.columns:
            raise ValueError(f"a figure spans 1 to {self.columns} columns, not {columns}")
        return columns * self.column_mm + (columns - 1) * self.gutter_mm

    def width_mm(self, width: str | float) -> float:
        """A named width (col1, col2, col3, half, full) or a number of millimetres."""
        if not isinstance(width, str):
            return float(width)
        named = {"col1": 1, "col2": 2, "col3": 3, "half": self.columns // 2}
        if width in named:
            return self.span_mm(named[width])
        if width == "full":
            return self.type_area_mm
        raise ValueError(f"unknown figure width {width!r}; use col1, col2, col3, half, full or millimetres")


@dataclass(frozen=True)
class PrintSettings:
    grid: Grid
    credit: str
    png_dpi: int
    raster_dpi: int
    titles: tuple[tuple[str, str], ...] = ()  # (chart name, the editor's title): replaces the computed finding

    def title_for(self, chart: str) -> str | None:
        return dict(self.titles).get(chart)


_EDITOR_TITLE: ContextVar[str | None] = ContextVar("editor_title", default=None)


@contextlib.contextmanager
def editor_title(title: str | None) -> Iterator[None]:
    """Figures framed inside this block carry `title` (an editor's, from print.yaml) instead of their own."""
    token = _EDITOR_TITLE.set(title)
    try:
        yield
    finally:
        _EDITOR_TITLE.reset(token)


@lru_cache(maxsize=4)
def load_settings(path: Path = SETTINGS_FILE) -> PrintSettings:
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    return PrintSettings(
        grid=Grid(float(raw["type_area_mm"]), int(raw["columns"]), float(raw["gutter_mm"])),
        credit=str(raw["credit"]), png_dpi=int(raw["png_dpi"]), raster_dpi=int(raw["raster_dpi"]),
        titles=tuple((str(chart), str(title)) for chart, title in (raw.get("titles") or {}).items() if title),
    )


@dataclass(frozen=True)
class SourceNote:
    """Where the data comes from, as printed under every chart: 数据来源：淮海晚报 2017年11月《…》."""
    publication: str | None
    published: str | None  # "YYYY-MM" or "YYYY-MM-DD"
    title: str | None

    @classmethod
    def from_metadata(cls, metadata) -> SourceNote:
        """From an `analysis.corpus.Metadata` (publication, published, title)."""
        return cls(metadata.publication, metadata.published, metadata.title)

    @property
    def year(self) -> int | None:
        return int(self.published[:4]) if self.published and self.published[:4].isdigit() else None

    @property
    def text(self) -> str:
        parts = [self.publication or "原文"]
        if self.published:
            year, _, rest = self.published.partition("-")
            month = rest.split("-")[0]
            parts.append(f"{year}年{int(month)}月" if month.isdigit() else f"{year}年")
        line = "数据来源：" + " ".join(parts)
        if self.title:
            line += f"《{self.title}》"
        return line


@dataclass(frozen=True)
class Frame:
    """What surrounds a plot: the words a reader sees first and last, and the print size."""
    title: str
    source: SourceNote
    width: str | float = "col2"
    height_mm: float = 60.0
    standfirst: str | None = None
    settings: PrintSettings | None = None

    @property
    def print_settings(self) -> PrintSettings:
        return self.settings or load_settings()

    @property
    def width_mm(self) -> float:
        return self.print_settings.grid.width_mm(self.width)


@contextlib.contextmanager
def style() -> Iterator[None]:
    """The house rcParams (font registered by path first) for building and saving figures."""
    import matplotlib

    house_font()
    with matplotlib.rc_context(fname=str(STYLE_FILE)):
        yield


@lru_cache(maxsize=8192)
def text_width_mm(text: str, size_pt: float, weight: str = "normal") -> float:
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    font = house_font()
    prop = FontProperties(fname=str(font.path), size=size_pt, weight=weight)
    width, _, _ = TextToPath().get_text_width_height_descent(text, prop, ismath=False)
    return width * MM_PER_PT


def wrap_mm(text: str, width_mm: float, size_pt: float, weight: str = "normal") -> list[str]:
    """Break `text` into lines no wider than `width_mm`: between any two Chinese characters,
    never inside a run of Latin letters or digits."""
    pieces: list[str] = []
    for char in text:
        if pieces and char.isascii() and char.isalnum() and pieces[-1][-1].isascii() and pieces[-1][-1].isalnum():
            pieces[-1] += char
        else:
            pieces.append(char)
    # A line's width is the sum of its pieces' (Chinese type has no kerning; the pieces are cached):
    # measuring every longer prefix again was a tenth of the figures' time.
    lines, line, width = [], "", 0.0
    for piece in pieces:
        piece_width = text_width_mm(piece, size_pt, weight)
        if line and width + piece_width > width_mm:
            lines.append(line.rstrip())
            line = piece.lstrip()
            width = text_width_mm(line, size_pt, weight) if line else 0.0
        else:
            line += piece
            width += piece_width
    return lines + [line] if line else lines


def _line_mm(size_pt: float) -> float:
    return size_pt * MM_PER_PT * LINE_SPACING


@dataclass(frozen=True)
class FrameText:
    """The frame's words broken into lines, and the bands (mm) they take at the top and bottom."""
    title: list[str]
    standfirst: list[str]
    source: list[str]
    credit_own_line: bool
    header_mm: float
    footer_mm: float


def frame_text(frame: Frame) -> FrameText:
    text_width = frame.width_mm - 2 * MARGIN_MM
    title = wrap_mm(_EDITOR_TITLE.get() or frame.title, text_width, TITLE_PT)
    standfirst = wrap_mm(frame.standfirst, text_width, STANDFIRST_PT) if frame.standfirst else []
    source = wrap_mm(frame.source.text, text_width, SMALL_PT)
    credit_own_line = text_width_mm(source[-1] + "　" + frame.print_settings.credit, SMALL_PT) > text_width
    header = MARGIN_MM + len(title) * _line_mm(TITLE_PT) + len(standfirst) * _line_mm(STANDFIRST_PT) + 1.0
    footer = MARGIN_MM + (len(source) + credit_own_line) * _line_mm(SMALL_PT) + 0.5
    return FrameText(title, standfirst, source, credit_own_line, header, footer)


def plot_rect(frame: Frame) -> tuple[float, float, float, float]:
    """(left, bottom, width, height) in figure fractions: the space between header and footer."""
    bands = frame_text(frame)
    bottom, top = bands.footer_mm / frame.height_mm, 1 - bands.header_mm / frame.height_mm
    if top - bottom < 0.2:
        raise ValueError(f"{frame.title}: {frame.height_mm} mm leaves no room for the chart under its words")
    return 0.0, bottom, 1.0, top - bottom


def new_figure(frame: Frame, constrained: bool = True):
    """A Figure of exactly the frame's print size with title, standfirst, source and credit set,
    and (unless the caller places its axes itself) constrained layout confined to the space between them."""
    from matplotlib.figure import Figure

    width, height = frame.width_mm, frame.height_mm
    figure = Figure(figsize=(width / MM_PER_INCH, height / MM_PER_INCH), layout="constrained" if constrained else None)
    bands = frame_text(frame)

    def put(y_mm: float, line: str, size: float, *, color=INK, right=False) -> None:
        x = (width - MARGIN_MM) / width if right else MARGIN_MM / width
        figure.text(x, 1 - y_mm / height, line, fontsize=size, color=color,
                    ha="right" if right else "left", va="top")

    y = MARGIN_MM
    for line in bands.title:
        put(y, line, TITLE_PT)
        y += _line_mm(TITLE_PT)
    for line in bands.standfirst:
        put(y, line, STANDFIRST_PT, color=GREY_DARK)
        y += _line_mm(STANDFIRST_PT)
    y = height - bands.footer_mm + 0.5
    for line in bands.source:
        put(y, line, SMALL_PT, color=GREY_DARK)
        y += _line_mm(SMALL_PT)
    credit_y = y if bands.credit_own_line else y - _line_mm(SMALL_PT)
    put(credit_y, frame.print_settings.credit, SMALL_PT, color=GREY_DARK, right=True)
    if constrained:
        figure.get_layout_engine().set(rect=plot_rect(frame), w_pad=1 / MM_PER_INCH, h_pad=1 / MM_PER_INCH)
    return figure


def name_role(name, role) -> str:
    """A person with their role as a chart label: 孟莹(回访组组长). Half-width brackets: the house
    font's full-width ones carry half an em of blank each, which reads as spaces (孟莹 （回访组组长 ）)."""
    return f"{name}({role})" if isinstance(role, str) and role else str(name)


def profile_label(profile_id: str, name) -> str:
    """How a chart names a section: the person's name, or what a non-profile section is."""
    if isinstance(name, str) and name:
        return name
    return {"front": "导语", "byline": "署名", "body": "正文"}.get(profile_id, profile_id)


@dataclass(frozen=True)
class Picks:
    """The editors' picks as the figures use them: candidate id -> print label (or None), in the
    editor's order, and the picked quote ids in order."""
    labels: Mapping[str, str | None]
    quotes: tuple[str, ...] = ()

    @classmethod
    def of(cls, picks) -> Picks:
        """From a picks file's `Picks` (labels and quote_ids), a mapping id -> label, an iterable of
        ids, or None (nothing picked)."""
        if picks is None:
            return cls({})
        if isinstance(picks, Picks):
            return picks
        if hasattr(picks, "labels") and hasattr(picks, "quote_ids"):
            return cls(dict(picks.labels), tuple(picks.quote_ids))
        if isinstance(picks, Mapping):
            return cls(dict(picks))
        return cls({str(pick): None for pick in picks})

    def __bool__(self) -> bool:
        return bool(self.labels or self.quotes)

    def row_labels(self) -> dict[str, str | None]:
        """Every pick by the id its row has in a chart's data, in the editor's order: a codebook
        theme by its theme id ("patience"), any other candidate by its candidate id ("idiom:默默无闻")."""
        return {key.removeprefix("theme:"): label for key, label in self.labels.items()}

    def ids(self, kind: str) -> dict[str, str | None]:
        """Picked ids of one candidate type ("theme", "slogan"), without the "type:" prefix."""
        prefix = f"{kind}:"
        return {key[len(prefix):]: label for key, label in self.labels.items() if key.startswith(prefix)}
