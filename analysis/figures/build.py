"""The figure set: every chart the tables allow, written as PDF, PNG and CSV, plus the contact sheet.

`make_charts` decides which charts to draw from which tables (a chart whose table is missing or
empty is skipped and named in the log); `build_figures` writes them and the contact sheet.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pandas as pd

from . import cloud, dispersion, family, house, keyness, matrix, network, picked, pullquote, tenure, titles, workload
from .contactsheet import write_contact_sheet
from .fonts import strict_glyphs
from .write import Chart, write_chart

log = logging.getLogger(__name__)
CONTACT_SHEET = "contact_sheet.pdf"


def _has(tables: Mapping[str, pd.DataFrame], *names: str) -> bool:
    missing = [n for n in names if n not in tables or tables[n].empty]
    if missing:
        log.info("figures: skipped a chart, no table %s", ", ".join(missing))
    return not missing


def _titled(settings: house.PrintSettings, name: str, draw: Callable[[], object], data: pd.DataFrame,
            dpi: int) -> Chart:
    """The chart `name`, drawn with the editor's title from print.yaml if there is one (else its finding)."""
    with house.editor_title(settings.title_for(name)):
        return Chart(name, draw(), data, dpi)


def make_charts(tables: Mapping[str, pd.DataFrame], source: house.SourceNote, picks=None,
                settings: house.PrintSettings | None = None) -> Iterator[Chart]:
    """Each chart with exactly the data it plots; highlighted versions only when something is picked."""
    settings = settings or house.load_settings()
    dpi = settings.png_dpi
    picks = house.Picks.of(picks)
    profiles = tables["profiles"]
    order: list[str] | None = None
    if _has(tables, "theme_matrix"):
        data = matrix.matrix_data(tables["theme_matrix"])
        drawn = not data.empty and bool(data["count"].any())
        order = list(data.drop_duplicates("row").sort_values("row")["theme_id"]) if drawn else None
        if drawn:  # hits only outside the sections: nothing to draw
            yield _titled(settings, "01_themes_by_staff", lambda: matrix.draw_matrix(data, source, settings=settings),
                          data, dpi)
    if _has(tables, "morpheme_families"):
        data = family.family_data(tables["morpheme_families"], profiles, tables.get("slogans"))
        if not data.empty:
            yield _titled(settings, "02_heart_family", lambda: family.draw_family(data, profiles, source, settings=settings),
                         data, dpi)
    if _has(tables, "workloads"):
        data = workload.workload_data(tables["workloads"])
        if not data.empty:
            yield _titled(settings, "03_daily_workload", lambda: workload.draw_workload(data, source, settings=settings),
                         data, dpi)
    if _has(tables, "people"):
        data = tenure.tenure_data(tables["people"], source.year)
        if data["known"].any():  # no joined year for anyone: nothing to draw (int(<NA>) crashed here)
            yield _titled(settings, "04_tenure", lambda: tenure.draw_tenure(data, source, settings=settings), data, dpi)
        else:
            log.warning("figures: 04_tenure not drawn: 文中没有任何人的入职年份")
    if _has(tables, "keyness"):
        data = keyness.keyness_data(tables["keyness"], profiles)
        if not data.empty:
            yield _titled(settings, "05_keyness", lambda: keyness.draw_keyness(data, source, settings=settings), data, dpi)
    if _has(tables, "tokens"):
        title = settings.title_for("06_word_cloud") or titles.cloud_finding(cloud.word_frequencies(tables["tokens"]))
        frame = cloud.cloud_frame(source, settings=settings, title=title)
        fitted, data = cloud.cloud_data(tables["tokens"], frame, settings.raster_dpi)
        yield Chart("06_word_cloud", cloud.draw_cloud(fitted, frame), data, settings.raster_dpi)
    if _has(tables, "theme_hits"):
        text_length = int(tables["sections"]["end"].max())
        sections = dispersion.section_marks(profiles)
        data = dispersion.dispersion_data(tables["theme_hits"], order)
        yield _titled(settings, "07_theme_dispersion", lambda: dispersion.draw_dispersion(
            data, sections, text_length, source, settings=settings), data, dpi)
        if len(network.leaf_hits(tables["theme_hits"])["theme_id"].unique()) > 1:
            with house.editor_title(settings.title_for("08_theme_cooccurrence")):
                _, figure, net = network.theme_chart(tables["theme_hits"], source, settings=settings)
            yield Chart("08_theme_cooccurrence", figure, net, dpi)
    yield from picked_charts(tables, source, picks, order, settings)


def picked_charts(tables: Mapping[str, pd.DataFrame], source: house.SourceNote, picks: house.Picks,
                  order: list[str] | None, settings: house.PrintSettings) -> Iterator[Chart]:
    """Chart 9 (every theme-like pick a highlighted row, in the editor's order and labels) and
    chart 10 (a pull quote per picked quote)."""
    dpi = settings.png_dpi
    rows = picked.picked_rows(picks, tables.get("candidates"))
    if rows and _has(tables, "profiles"):
        data = picked.picked_matrix_data(tables, rows)
        if not data.empty:
            yield _titled(settings, "09a_themes_by_staff_picked", lambda: matrix.draw_matrix(
                data, source, highlight=True, settings=settings), data, dpi)
    if rows and _has(tables, "sections"):
        data = picked.picked_dispersion_data(tables, rows, order)
        if not data.empty:
            sections = dispersion.section_marks(tables["profiles"])
            text_length = int(tables["sections"]["end"].max())
            yield _titled(settings, "09b_theme_dispersion_picked", lambda: dispersion.draw_dispersion(
                data, sections, text_length, source, highlight=True, settings=settings), data, dpi)
    if rows and _has(tables, "theme_hits"):
        hits, _ = picked.network_hits(tables, rows)
        if len(network.leaf_hits(hits)["theme_id"].unique()) > 1:
            with house.editor_title(settings.title_for("09c_theme_cooccurrence_picked")):
                _, figure, net = network.theme_chart(hits, source, picks, highlight=True, settings=settings)
            yield Chart("09c_theme_cooccurrence_picked", figure, net, dpi)
    if picks.quotes and _has(tables, "pull_quotes"):
        for data in pullquote.pull_quote_data(tables, list(picks.quotes)):
            figure, data = pullquote.draw_pull_quote(data, source, settings=settings)
            yield Chart(f"10_pull_quote_{int(data['pick_order'].iloc[0])}", figure, data, dpi)

def build_figures(tables: Mapping[str, pd.DataFrame], out_dir: str | Path, picks=None, *,
                  source: house.SourceNote, settings: house.PrintSettings | None = None) -> list[Path]:
    """Write every chart (PDF, PNG, CSV) and the contact sheet into `out_dir`; return the paths.

    `picks`: the editors' picks (a picks file's `Picks`), or the picked candidate ids as a mapping
    id -> print label (or None) or a plain iterable of ids; theme-like picks drive the highlighted
    versions (chart 9), picked quotes the pull quotes (chart 10).
    """
    import matplotlib

    matplotlib.use("Agg")
    out_dir = Path(out_dir)
    written: list[Path] = []
    pdfs: list[Path] = []
    with strict_glyphs():  # building measures and lays out text too, not only saving
        for chart in make_charts(tables, source, picks, settings):
            paths = write_chart(chart, out_dir)
            pdfs.append(paths[0])
            written += paths
    if pdfs:
        written.append(write_contact_sheet(pdfs, out_dir / CONTACT_SHEET, source, settings))
    return written
