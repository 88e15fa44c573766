"""The figure set: every chart the tables allow, written as PDF, PNG and CSV, plus the contact sheet.

`plan_charts` decides which charts to draw from which tables (`each_chart` draws them as it goes):
a chart with nothing to show (no profile, no joined year, no theme hit ...) comes out as a
`Skipped` record with its reason (analysis/figures/skipped.py), which the report prints in its
summary. `build_figures` writes the charts (in worker processes when there are cores to spare)
and the contact sheet and returns both what it wrote and what it skipped.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import pandas as pd

from . import cloud, dispersion, family, house, keyness, matrix, network, picked, pullquote, tenure, titles, workload
from .contactsheet import write_contact_sheet
from .fonts import strict_glyphs
from .skipped import Reason, Skipped
from .write import Chart, render_chart, write_chart, write_rendered

CONTACT_SHEET = "contact_sheet.pdf"


def _has(tables: Mapping[str, pd.DataFrame], *names: str) -> bool:
    return all(n in tables and not tables[n].empty for n in names)


@dataclass(frozen=True)
class Planned:
    """A chart that will be drawn: its name, and how to draw it (a call with everything it needs bound,
    so it can run later, or in a worker process)."""

    name: str
    draw: Callable[[], Chart]
    slow: bool = False  # seconds, not tenths: drawn first when charts are drawn in parallel


def _draw_titled(title: str | None, name: str, draw: Callable[[pd.DataFrame], object], data: pd.DataFrame,
                 dpi: int) -> Chart:
    with house.editor_title(title):
        return Chart(name, draw(data), data, dpi)


def _titled(settings: house.PrintSettings, name: str, draw: Callable[[pd.DataFrame], object], data: pd.DataFrame,
            dpi: int) -> Planned:
    """The chart `name` of `data`, drawn with the editor's title from print.yaml if there is one (else its finding)."""
    return Planned(name, partial(_draw_titled, settings.title_for(name), name, draw, data, dpi))


def make_charts(tables: Mapping[str, pd.DataFrame], source: house.SourceNote, picks=None,
                settings: house.PrintSettings | None = None) -> Iterator[Chart]:
    """Each chart with exactly the data it plots (the charts `each_chart` does not skip)."""
    return (chart for chart in each_chart(tables, source, picks, settings) if isinstance(chart, Chart))


def each_chart(tables: Mapping[str, pd.DataFrame], source: house.SourceNote, picks=None,
               settings: house.PrintSettings | None = None) -> Iterator[Chart | Skipped]:
    """Each chart with exactly the data it plots, or `Skipped` with the reason when it has nothing to
    show; highlighted versions (9, 10) only when something is picked."""
    return (item.draw() if isinstance(item, Planned) else item for item in plan_charts(tables, source, picks, settings))


def plan_charts(tables: Mapping[str, pd.DataFrame], source: house.SourceNote, picks=None,
                settings: house.PrintSettings | None = None) -> Iterator[Planned | Skipped]:
    """`each_chart` before drawing: which charts there are (drawn later by `Planned.draw`) and which
    are skipped, with the reason."""
    settings = settings or house.load_settings()
    dpi = settings.png_dpi
    picks = house.Picks.of(picks)
    profiles = tables["profiles"]
    no_profiles = not _has(tables, "profiles")
    no_hits = not _has(tables, "theme_hits")
    order: list[str] | None = None
    data = matrix.matrix_data(tables["theme_matrix"]) if _has(tables, "theme_matrix") else pd.DataFrame()
    if not data.empty and bool(data["count"].any()):  # hits only outside the sections: nothing to draw
        order = list(data.drop_duplicates("row").sort_values("row")["theme_id"])
        yield _titled(settings, "01_themes_by_staff", partial(matrix.draw_matrix, source=source, settings=settings),
                      data, dpi)
    else:
        yield Skipped("01_themes_by_staff", Reason.NO_PROFILES if no_profiles else
                      Reason.NO_THEME_HITS if no_hits else Reason.NO_THEME_IN_PROFILES)
    yield _family(tables, source, settings, no_profiles)
    data = workload.workload_data(tables["workloads"]) if _has(tables, "workloads") else pd.DataFrame()
    if data.empty:
        yield Skipped("03_daily_workload", Reason.NO_WORKLOAD)
    else:
        yield _titled(settings, "03_daily_workload", partial(workload.draw_workload, source=source, settings=settings),
                      data, dpi)
    yield _tenure(tables, source, settings)
    data = keyness.keyness_data(tables["keyness"], profiles) if _has(tables, "keyness") else pd.DataFrame()
    if data.empty:  # no profile, or no word passes the small-sample guard
        yield Skipped("05_keyness", Reason.NO_PROFILES if no_profiles else Reason.NO_KEY_WORDS)
    else:
        yield _titled(settings, "05_keyness", partial(keyness.draw_keyness, source=source, settings=settings),
                      data, dpi)
    yield _cloud(tables, source, settings)
    if no_hits:
        yield Skipped("07_theme_dispersion", Reason.NO_THEME_HITS)
        yield Skipped("08_theme_cooccurrence", Reason.NO_THEME_HITS)
    else:
        text_length = int(tables["sections"]["end"].max())
        sections = dispersion.section_marks(profiles)
        data = dispersion.dispersion_data(tables["theme_hits"], order)
        yield _titled(settings, "07_theme_dispersion", partial(
            dispersion.draw_dispersion, sections=sections, text_length=text_length, source=source, settings=settings),
            data, dpi)
        if len(network.leaf_hits(tables["theme_hits"])["theme_id"].unique()) > 1:
            yield Planned("08_theme_cooccurrence", partial(
                _theme_chart, "08_theme_cooccurrence", tables["theme_hits"], source, None, False, settings), slow=True)
        else:
            yield Skipped("08_theme_cooccurrence", Reason.ONE_THEME)
    if picks:  # nothing picked: the report already says that the picked charts are not drawn
        yield from picked_charts(tables, source, picks, order, settings)


def _family(tables: Mapping[str, pd.DataFrame], source: house.SourceNote, settings: house.PrintSettings,
            no_profiles: bool) -> Chart | Skipped:
    profiles = tables["profiles"]
    data = (family.family_data(tables["morpheme_families"], profiles, tables.get("slogans"))
            if _has(tables, "morpheme_families") else pd.DataFrame())
    if data.empty:
        return Skipped("02_heart_family", Reason.NO_PROFILES if no_profiles else Reason.NO_FAMILY_WORDS)
    return _titled(settings, "02_heart_family", partial(family.draw_family, profiles=profiles, source=source,
                                                         settings=settings), data, settings.png_dpi)


def _tenure(tables: Mapping[str, pd.DataFrame], source: house.SourceNote,
            settings: house.PrintSettings) -> Chart | Skipped:
    if not _has(tables, "people"):
        return Skipped("04_tenure", Reason.NO_PEOPLE)
    data = tenure.tenure_data(tables["people"], source.year)
    if not data["known"].any():  # no joined year for anyone: nothing to draw (int(<NA>) crashed here)
        return Skipped("04_tenure", Reason.NO_JOINED_YEAR)
    return _titled(settings, "04_tenure", partial(tenure.draw_tenure, source=source, settings=settings), data,
                   settings.png_dpi)


def _cloud(tables: Mapping[str, pd.DataFrame], source: house.SourceNote,
           settings: house.PrintSettings) -> Planned | Skipped:
    frequencies = cloud.word_frequencies(tables["tokens"]) if _has(tables, "tokens") else pd.DataFrame()
    if frequencies.empty:  # wordcloud cannot lay out zero words
        return Skipped("06_word_cloud", Reason.NO_WORDS)
    title = settings.title_for("06_word_cloud") or titles.cloud_finding(frequencies)
    return Planned("06_word_cloud", partial(_draw_cloud, tables["tokens"], source, settings, title), slow=True)


def _draw_cloud(tokens: pd.DataFrame, source: house.SourceNote, settings: house.PrintSettings, title: str) -> Chart:
    frame = cloud.cloud_frame(source, settings=settings, title=title)
    fitted, data = cloud.cloud_data(tokens, frame, settings.raster_dpi)
    return Chart("06_word_cloud", cloud.draw_cloud(fitted, frame), data, settings.raster_dpi)


def _theme_chart(name: str, hits: pd.DataFrame, source: house.SourceNote, picks, highlight: bool,
                 settings: house.PrintSettings) -> Chart:
    """Chart 8 or 9c: the network (or the matrix when no layout is legible), data from the layout search."""
    with house.editor_title(settings.title_for(name)):
        _, figure, data = network.theme_chart(hits, source, picks, highlight=highlight, settings=settings)
    return Chart(name, figure, data, settings.png_dpi)


def _draw_pull_quote(name: str, data: pd.DataFrame, source: house.SourceNote, settings: house.PrintSettings) -> Chart:
    figure, data = pullquote.draw_pull_quote(data, source, settings=settings)
    return Chart(name, figure, data, settings.png_dpi)


def picked_charts(tables: Mapping[str, pd.DataFrame], source: house.SourceNote, picks: house.Picks,
                  order: list[str] | None, settings: house.PrintSettings) -> Iterator[Chart | Skipped]:
    """Chart 9 (every theme-like pick a highlighted row, in the editor's order and labels) and
    chart 10 (a pull quote per picked quote)."""
    dpi = settings.png_dpi
    rows = picked.picked_rows(picks, tables.get("candidates"))
    data = picked.picked_matrix_data(tables, rows) if rows and _has(tables, "profiles") else pd.DataFrame()
    if not data.empty:
        yield _titled(settings, "09a_themes_by_staff_picked", partial(
            matrix.draw_matrix, source=source, highlight=True, settings=settings), data, dpi)
    else:
        yield Skipped("09a_themes_by_staff_picked", Reason.NO_PICKED_THEMES if not rows else
                      Reason.PICKS_NOT_IN_PROFILES if _has(tables, "profiles") else Reason.NO_PROFILES)
    data = picked.picked_dispersion_data(tables, rows, order) if rows else pd.DataFrame()
    if not data.empty:
        sections = dispersion.section_marks(tables["profiles"])
        text_length = int(tables["sections"]["end"].max())
        yield _titled(settings, "09b_theme_dispersion_picked", partial(
            dispersion.draw_dispersion, sections=sections, text_length=text_length, source=source, highlight=True,
            settings=settings), data, dpi)
    else:
        yield Skipped("09b_theme_dispersion_picked", Reason.PICKS_NOT_FOUND if rows else Reason.NO_PICKED_THEMES)
    no_hits = not _has(tables, "theme_hits")  # the network is the codebook themes' with the picks among them
    hits = picked.network_hits(tables, rows)[0] if rows and not no_hits else pd.DataFrame()
    themes = len(network.leaf_hits(hits)["theme_id"].unique()) if not hits.empty else 0
    if themes > 1:
        yield Planned("09c_theme_cooccurrence_picked", partial(
            _theme_chart, "09c_theme_cooccurrence_picked", hits, source, picks, True, settings), slow=True)
    else:
        yield Skipped("09c_theme_cooccurrence_picked", Reason.NO_PICKED_THEMES if not rows else
                      Reason.NO_THEME_HITS if no_hits else Reason.ONE_PICKED_THEME)
    quotes = (pullquote.pull_quote_data(tables, list(picks.quotes))
              if picks.quotes and _has(tables, "pull_quotes") else [])
    for data in quotes:
        yield Planned(f"10_pull_quote_{int(data['pick_order'].iloc[0])}", partial(
            _draw_pull_quote, f"10_pull_quote_{int(data['pick_order'].iloc[0])}", data, source, settings))
    if picks.quotes and not quotes:
        yield Skipped("10_pull_quote", Reason.NO_QUOTE_DATA)


@dataclass
class FigureSet:
    """What `build_figures` wrote (PDF, PNG, CSV per chart, the contact sheet) and the charts it skipped."""

    written: list[Path] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def build_figures(tables: Mapping[str, pd.DataFrame], out_dir: str | Path, picks=None, *,
                  source: house.SourceNote, settings: house.PrintSettings | None = None, workers: int | None = None,
                  meanwhile: Callable[[], object] | None = None) -> FigureSet:
    """Write every chart (PDF, PNG, CSV) and the contact sheet into `out_dir`; say which were skipped.

    `picks`: the editors' picks (a picks file's `Picks`), or the picked candidate ids as a mapping
    id -> print label (or None) or a plain iterable of ids; theme-like picks drive the highlighted
    versions (chart 9), picked quotes the pull quotes (chart 10). The charts are drawn by `workers`
    forked processes (default: one per core this process may use); `meanwhile` is called in this
    process while they draw.
    """
    import matplotlib

    matplotlib.use("Agg")
    out_dir = Path(out_dir)
    result = FigureSet()
    with strict_glyphs():  # planning reads the tables only; drawing measures and lays out text (in _write_one)
        plan = list(plan_charts(tables, source, picks, settings))
    result.skipped = [item for item in plan if isinstance(item, Skipped)]
    charts = [item for item in plan if isinstance(item, Planned)]
    per_chart = _write_all(charts, out_dir, workers, meanwhile)
    result.written = [path for paths in per_chart for path in paths]
    if per_chart:
        pdfs = [paths[0] for paths in per_chart]
        result.written.append(write_contact_sheet(pdfs, out_dir / CONTACT_SHEET, source, settings))
    return result


# Drawing the figures is most of `make report` (layout search, font subsetting per PDF, 600 dpi PNG),
# and the charts are independent: each is drawn by a forked worker, which inherits the tables, the
# plan and the loaded fonts, so nothing is pickled but a chart's index, its PDF and PNG bytes and
# the data it plots. This process writes every file (through a temporary file, as everywhere).
_CHARTS: list[Planned] = []


def _write_one(chart: Planned, out_dir: Path) -> list[Path]:
    """Draw one planned chart and write its PDF, PNG and CSV; a missing glyph is an error."""
    with strict_glyphs():  # building measures and lays out text too, not only saving
        return write_chart(chart.draw(), out_dir)


def _adopt(charts: list[Planned]) -> None:
    global _CHARTS
    _CHARTS = charts


def _render_nth(index: int) -> tuple[int, bytes, bytes, pd.DataFrame]:
    with strict_glyphs():
        chart = _CHARTS[index].draw()
        return (index, *render_chart(chart), chart.data)


def _worker_count(requested: int | None, charts: int) -> int:
    import multiprocessing
    import os

    if "fork" not in multiprocessing.get_all_start_methods() or multiprocessing.current_process().daemon:
        return 1  # no fork (Windows), or inside a pool's worker, which may not have children
    return max(1, min(requested or len(os.sched_getaffinity(0)), charts))


def _write_all(charts: list[Planned], out_dir: Path, workers: int | None,
               meanwhile: Callable[[], object] | None) -> list[list[Path]]:
    """Each chart's written paths, in plan order."""
    import multiprocessing

    workers = _worker_count(workers, len(charts) - 1)
    if workers == 1:
        if meanwhile is not None:
            meanwhile()
        return [_write_one(chart, out_dir) for chart in charts]
    # The first chart here: it loads what every chart needs (the font, the PDF subsetter, the PNG
    # writer, text measures), which the workers then inherit instead of each loading it again.
    written = {0: _write_one(charts[0], out_dir)}
    # The slow charts first, so that no worker starts one when the others are nearly done.
    order = sorted(range(1, len(charts)), key=lambda i: not charts[i].slow)
    with multiprocessing.get_context("fork").Pool(workers, _adopt, (charts,)) as pool:
        pending = pool.imap_unordered(_render_nth, order)
        if meanwhile is not None:
            meanwhile()
        for index, pdf, png, data in pending:
            written[index] = write_rendered(charts[index].name, pdf, png, data, out_dir)
    return [written[i] for i in range(len(charts))]
