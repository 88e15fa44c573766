"""The figure set: every chart the tables allow, written as PDF, PNG and CSV, plus the contact sheet.

`each_chart` decides which charts to draw from which tables: a chart with nothing to show (no
profile, no joined year, no theme hit ...) comes out as a `Skipped` record with its reason
(analysis/figures/skipped.py), which the report prints in its summary. `build_figures` writes the
charts and the contact sheet and returns both what it wrote and what it skipped.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import cloud, dispersion, family, house, keyness, matrix, network, picked, pullquote, tenure, titles, workload
from .contactsheet import write_contact_sheet
from .fonts import strict_glyphs
from .skipped import Reason, Skipped
from .write import Chart, write_chart

CONTACT_SHEET = "contact_sheet.pdf"


def _has(tables: Mapping[str, pd.DataFrame], *names: str) -> bool:
    return all(n in tables and not tables[n].empty for n in names)


def _titled(settings: house.PrintSettings, name: str, draw: Callable[[], object], data: pd.DataFrame,
            dpi: int) -> Chart:
    """The chart `name`, drawn with the editor's title from print.yaml if there is one (else its finding)."""
    with house.editor_title(settings.title_for(name)):
        return Chart(name, draw(), data, dpi)


def make_charts(tables: Mapping[str, pd.DataFrame], source: house.SourceNote, picks=None,
                settings: house.PrintSettings | None = None) -> Iterator[Chart]:
    """Each chart with exactly the data it plots (the charts `each_chart` does not skip)."""
    return (chart for chart in each_chart(tables, source, picks, settings) if isinstance(chart, Chart))


def each_chart(tables: Mapping[str, pd.DataFrame], source: house.SourceNote, picks=None,
               settings: house.PrintSettings | None = None) -> Iterator[Chart | Skipped]:
    """Each chart with exactly the data it plots, or `Skipped` with the reason when it has nothing to
    show; highlighted versions (9, 10) only when something is picked."""
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
        yield _titled(settings, "01_themes_by_staff", lambda: matrix.draw_matrix(data, source, settings=settings),
                      data, dpi)
    else:
        yield Skipped("01_themes_by_staff", Reason.NO_PROFILES if no_profiles else
                      Reason.NO_THEME_HITS if no_hits else Reason.NO_THEME_IN_PROFILES)
    yield _family(tables, source, settings, no_profiles)
    data = workload.workload_data(tables["workloads"]) if _has(tables, "workloads") else pd.DataFrame()
    if data.empty:
        yield Skipped("03_daily_workload", Reason.NO_WORKLOAD)
    else:
        yield _titled(settings, "03_daily_workload", lambda: workload.draw_workload(data, source, settings=settings),
                      data, dpi)
    yield _tenure(tables, source, settings)
    data = keyness.keyness_data(tables["keyness"], profiles) if _has(tables, "keyness") else pd.DataFrame()
    if data.empty:  # no profile, or no word passes the small-sample guard
        yield Skipped("05_keyness", Reason.NO_PROFILES if no_profiles else Reason.NO_KEY_WORDS)
    else:
        yield _titled(settings, "05_keyness", lambda: keyness.draw_keyness(data, source, settings=settings), data, dpi)
    yield _cloud(tables, source, settings)
    if no_hits:
        yield Skipped("07_theme_dispersion", Reason.NO_THEME_HITS)
        yield Skipped("08_theme_cooccurrence", Reason.NO_THEME_HITS)
    else:
        text_length = int(tables["sections"]["end"].max())
        sections = dispersion.section_marks(profiles)
        data = dispersion.dispersion_data(tables["theme_hits"], order)
        yield _titled(settings, "07_theme_dispersion", lambda: dispersion.draw_dispersion(
            data, sections, text_length, source, settings=settings), data, dpi)
        if len(network.leaf_hits(tables["theme_hits"])["theme_id"].unique()) > 1:
            with house.editor_title(settings.title_for("08_theme_cooccurrence")):
                _, figure, net = network.theme_chart(tables["theme_hits"], source, settings=settings)
            yield Chart("08_theme_cooccurrence", figure, net, dpi)
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
    return _titled(settings, "02_heart_family", lambda: family.draw_family(data, profiles, source, settings=settings),
                   data, settings.png_dpi)


def _tenure(tables: Mapping[str, pd.DataFrame], source: house.SourceNote,
            settings: house.PrintSettings) -> Chart | Skipped:
    if not _has(tables, "people"):
        return Skipped("04_tenure", Reason.NO_PEOPLE)
    data = tenure.tenure_data(tables["people"], source.year)
    if not data["known"].any():  # no joined year for anyone: nothing to draw (int(<NA>) crashed here)
        return Skipped("04_tenure", Reason.NO_JOINED_YEAR)
    return _titled(settings, "04_tenure", lambda: tenure.draw_tenure(data, source, settings=settings), data,
                   settings.png_dpi)


def _cloud(tables: Mapping[str, pd.DataFrame], source: house.SourceNote,
           settings: house.PrintSettings) -> Chart | Skipped:
    frequencies = cloud.word_frequencies(tables["tokens"]) if _has(tables, "tokens") else pd.DataFrame()
    if frequencies.empty:  # wordcloud cannot lay out zero words
        return Skipped("06_word_cloud", Reason.NO_WORDS)
    title = settings.title_for("06_word_cloud") or titles.cloud_finding(frequencies)
    frame = cloud.cloud_frame(source, settings=settings, title=title)
    fitted, data = cloud.cloud_data(tables["tokens"], frame, settings.raster_dpi)
    return Chart("06_word_cloud", cloud.draw_cloud(fitted, frame), data, settings.raster_dpi)


def picked_charts(tables: Mapping[str, pd.DataFrame], source: house.SourceNote, picks: house.Picks,
                  order: list[str] | None, settings: house.PrintSettings) -> Iterator[Chart | Skipped]:
    """Chart 9 (every theme-like pick a highlighted row, in the editor's order and labels) and
    chart 10 (a pull quote per picked quote)."""
    dpi = settings.png_dpi
    rows = picked.picked_rows(picks, tables.get("candidates"))
    data = picked.picked_matrix_data(tables, rows) if rows and _has(tables, "profiles") else pd.DataFrame()
    if not data.empty:
        yield _titled(settings, "09a_themes_by_staff_picked", lambda: matrix.draw_matrix(
            data, source, highlight=True, settings=settings), data, dpi)
    else:
        yield Skipped("09a_themes_by_staff_picked", Reason.NO_PICKED_THEMES if not rows else
                      Reason.PICKS_NOT_IN_PROFILES if _has(tables, "profiles") else Reason.NO_PROFILES)
    data = picked.picked_dispersion_data(tables, rows, order) if rows else pd.DataFrame()
    if not data.empty:
        sections = dispersion.section_marks(tables["profiles"])
        text_length = int(tables["sections"]["end"].max())
        yield _titled(settings, "09b_theme_dispersion_picked", lambda: dispersion.draw_dispersion(
            data, sections, text_length, source, highlight=True, settings=settings), data, dpi)
    else:
        yield Skipped("09b_theme_dispersion_picked", Reason.PICKS_NOT_FOUND if rows else Reason.NO_PICKED_THEMES)
    no_hits = not _has(tables, "theme_hits")  # the network is the codebook themes' with the picks among them
    hits = picked.network_hits(tables, rows)[0] if rows and not no_hits else pd.DataFrame()
    themes = len(network.leaf_hits(hits)["theme_id"].unique()) if not hits.empty else 0
    if themes > 1:
        with house.editor_title(settings.title_for("09c_theme_cooccurrence_picked")):
            _, figure, net = network.theme_chart(hits, source, picks, highlight=True, settings=settings)
        yield Chart("09c_theme_cooccurrence_picked", figure, net, dpi)
    else:
        yield Skipped("09c_theme_cooccurrence_picked", Reason.NO_PICKED_THEMES if not rows else
                      Reason.NO_THEME_HITS if no_hits else Reason.ONE_PICKED_THEME)
    quotes = (pullquote.pull_quote_data(tables, list(picks.quotes))
              if picks.quotes and _has(tables, "pull_quotes") else [])
    for data in quotes:
        figure, data = pullquote.draw_pull_quote(data, source, settings=settings)
        yield Chart(f"10_pull_quote_{int(data['pick_order'].iloc[0])}", figure, data, dpi)
    if picks.quotes and not quotes:
        yield Skipped("10_pull_quote", Reason.NO_QUOTE_DATA)


@dataclass
class FigureSet:
    """What `build_figures` wrote (PDF, PNG, CSV per chart, the contact sheet) and the charts it skipped."""

    written: list[Path] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def build_figures(tables: Mapping[str, pd.DataFrame], out_dir: str | Path, picks=None, *,
                  source: house.SourceNote, settings: house.PrintSettings | None = None) -> FigureSet:
    """Write every chart (PDF, PNG, CSV) and the contact sheet into `out_dir`; say which were skipped.

    `picks`: the editors' picks (a picks file's `Picks`), or the picked candidate ids as a mapping
    id -> print label (or None) or a plain iterable of ids; theme-like picks drive the highlighted
    versions (chart 9), picked quotes the pull quotes (chart 10).
    """
    import matplotlib

    matplotlib.use("Agg")
    out_dir = Path(out_dir)
    result = FigureSet()
    pdfs: list[Path] = []
    with strict_glyphs():  # building measures and lays out text too, not only saving
        for chart in each_chart(tables, source, picks, settings):
            if isinstance(chart, Skipped):
                result.skipped.append(chart)
                continue
            paths = write_chart(chart, out_dir)
            pdfs.append(paths[0])
            result.written += paths
    if pdfs:
        result.written.append(write_contact_sheet(pdfs, out_dir / CONTACT_SHEET, source, settings))
    return result
