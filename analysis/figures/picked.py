"""Chart 9: the editors' picks, each a highlighted row in the editor's order under the editor's label.

Every theme-like pick becomes a row drawn from its own hits: a codebook theme from `theme_hits` and
`theme_matrix`, any other candidate (slogan, idiom, quoted term, keyword, family, enumeration) from
`candidate_hits`. The picked rows come first, in the order set on the editors' page (↑↓), each
labelled exactly as the editor wrote it; the codebook themes not picked follow in grey, in the order
of chart 1. The same rows, labels and order serve the matrix (9a) and the dispersion plot (9b);
their CSVs carry `candidate_id` and `pick_order` so a reader can check them against the picks file.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import dispersion, house, matrix

THEME_PREFIX = "theme:"


@dataclass(frozen=True)
class PickedRow:
    row_id: str  # the id in the figure data: a codebook theme's id, or the candidate id
    candidate_id: str
    label: str  # the editor's print label
    order: int  # 1 = first on the editors' page


def picked_rows(picks, candidates: pd.DataFrame | None = None) -> list[PickedRow]:
    """The theme-like picks in the editor's order. A pick without a label takes the candidate's."""
    labels = dict(zip(candidates["candidate_id"], candidates["label"])) if candidates is not None and len(candidates) else {}
    rows = []
    for order, (candidate_id, label) in enumerate(house.Picks.of(picks).labels.items(), 1):
        row_id = candidate_id.removeprefix(THEME_PREFIX)
        rows.append(PickedRow(row_id, candidate_id, label or labels.get(candidate_id, row_id), order))
    return rows


def picked_hits(tables, rows: list[PickedRow]) -> pd.DataFrame:
    """The picks' own hits in the schema of `theme_hits` (theme_id = the row id, label = the print label)."""
    theme_hits = tables.get("theme_hits")
    candidate_hits = tables.get("candidate_hits")
    frames = []
    for row in rows:
        if row.candidate_id.startswith(THEME_PREFIX) and theme_hits is not None:
            hits = theme_hits[theme_hits["theme_id"] == row.row_id]
        elif candidate_hits is not None:
            hits = candidate_hits[candidate_hits["candidate_id"] == row.candidate_id]
        else:
            continue
        frames.append(pd.DataFrame({
            "theme_id": row.row_id, "theme_label": row.label, "parent": None,
            "section_id": hits["section_id"].to_numpy(), "sentence_index": hits["sentence_index"].to_numpy(),
            "text": hits["text"].to_numpy(), "start": hits["start"].to_numpy(), "end": hits["end"].to_numpy(),
            "candidate_id": row.candidate_id, "pick_order": row.order}))
    columns = ["theme_id", "theme_label", "parent", "section_id", "sentence_index", "text", "start", "end",
               "candidate_id", "pick_order"]
    if not frames:
        return pd.DataFrame(columns=columns)
    return pd.concat(frames, ignore_index=True)[columns].drop_duplicates(["theme_id", "start", "end"])


def _marks(frame: pd.DataFrame, rows: list[PickedRow], id_column: str = "theme_id") -> pd.DataFrame:
    """`candidate_id` and `pick_order` columns: set on picked rows, empty on the rest."""
    by_id = {r.row_id: r for r in rows}
    frame = frame.copy()
    frame["candidate_id"] = [by_id[t].candidate_id if t in by_id else "" for t in frame[id_column]]
    frame["pick_order"] = pd.array([by_id[t].order if t in by_id else None for t in frame[id_column]], dtype="Int64")
    frame["highlighted"] = frame[id_column].isin(by_id)
    return frame


def _section_chars(tables) -> pd.DataFrame:
    """Each profile's id, name and body length, in the article's order (the matrix's columns)."""
    theme_matrix = tables.get("theme_matrix")
    if theme_matrix is not None and len(theme_matrix):
        frame = theme_matrix.drop_duplicates("section_id")[["section_id", "name", "chars"]]
    else:
        profiles = tables["profiles"]
        frame = pd.DataFrame({"section_id": profiles["id"], "name": profiles["name"],
                              "chars": profiles["end"] - profiles["start"]})
    return frame[~frame["section_id"].isin(("front", "byline"))].reset_index(drop=True)


def picked_matrix_data(tables, rows: list[PickedRow]) -> pd.DataFrame:
    """Chart 9a: the picks' rows (counts and rates per profile from their own hits), then the other themes."""
    hits = picked_hits(tables, rows)
    sections = _section_chars(tables)
    picked = []
    for row in rows:
        counts = hits[hits["theme_id"] == row.row_id].groupby("section_id").size()
        for column, section in enumerate(sections.itertuples(index=False)):
            count = int(counts.get(section.section_id, 0))
            picked.append({"theme_id": row.row_id, "row_label": row.label, "section_id": section.section_id,
                           "column_label": house.profile_label(section.section_id, section.name), "count": count,
                           "rate_per_1000": round(1000 * count / section.chars, 2) if section.chars else 0.0,
                           "row": row.order - 1, "column": column})
    picked_frame = pd.DataFrame(picked, columns=["theme_id", "row_label", "section_id", "column_label", "count",
                                                 "rate_per_1000", "row", "column"])
    theme_matrix = tables.get("theme_matrix")
    rest = matrix.matrix_data(theme_matrix) if theme_matrix is not None and len(theme_matrix) else picked_frame.iloc[0:0]
    rest = _after(rest.drop(columns="highlighted", errors="ignore"), rows)
    return _marks(pd.concat([picked_frame, rest], ignore_index=True), rows).sort_values(["row", "column"], ignore_index=True)


def picked_dispersion_data(tables, rows: list[PickedRow], theme_order: list[str] | None) -> pd.DataFrame:
    """Chart 9b: one row per hit, the picks' rows first in the editor's order, then the other themes."""
    hits = picked_hits(tables, rows)
    picked = pd.DataFrame({"theme_id": hits["theme_id"], "row_label": hits["theme_label"],
                           "section_id": hits["section_id"], "text": hits["text"], "start": hits["start"],
                           "end": hits["end"], "row": hits["pick_order"].astype(int) - 1})
    theme_hits = tables.get("theme_hits")
    rest = dispersion.dispersion_data(theme_hits, theme_order) if theme_hits is not None and len(theme_hits) else picked.iloc[0:0]
    theme_matrix = tables.get("theme_matrix")
    if theme_matrix is not None and len(theme_matrix) and len(rest):  # the same row names as chart 9a (四心·耐心)
        names = matrix.matrix_data(theme_matrix).drop_duplicates("theme_id").set_index("theme_id")["row_label"]
        rest["row_label"] = [names.get(t, label) for t, label in zip(rest["theme_id"], rest["row_label"])]
    rest = _after(rest.drop(columns="highlighted", errors="ignore"), rows)
    return _marks(pd.concat([picked, rest], ignore_index=True), rows).sort_values(["row", "start"], ignore_index=True)


def _after(rest: pd.DataFrame, rows: list[PickedRow]) -> pd.DataFrame:
    """The unpicked themes' rows, renumbered to follow the picked rows without gaps."""
    rest = rest[~rest["theme_id"].isin({r.row_id for r in rows})].copy()
    renumber = {old: len(rows) + new for new, old in enumerate(sorted(rest["row"].unique()))}
    rest["row"] = rest["row"].map(renumber)
    return rest


def network_hits(tables, rows: list[PickedRow]) -> tuple[pd.DataFrame, dict[str, str]]:
    """Chart 9c's input: theme hits plus the non-theme picks' own hits as extra themes, and the print
    label of every picked row id."""
    theme_hits = tables["theme_hits"]
    extra = picked_hits(tables, [r for r in rows if not r.candidate_id.startswith(THEME_PREFIX)])
    combined = pd.concat([theme_hits, extra[[c for c in extra.columns if c in theme_hits.columns]]],
                         ignore_index=True) if len(extra) else theme_hits
    return combined, {r.row_id: r.label for r in rows}


def printable_picks(picks, tables) -> tuple[house.Picks, list[str]]:
    """The picks the house font can print, and a line for each one it cannot (never a silent drop):
    an editor's label or a picked quote with a character the font lacks stays out of the figures."""
    from .fonts import missing_glyphs

    picks = house.Picks.of(picks)
    quotes = tables["pull_quotes"].set_index("quote_id")["text"] if len(tables["pull_quotes"]) else {}
    labels, kept_quotes, dropped = {}, [], []
    for candidate_id, label in picks.labels.items():
        missing = missing_glyphs(label or "")
        if missing:
            dropped.append(f"{candidate_id}（{label}）：未印出，字库缺少“{''.join(missing)}”；请在编辑页上改它的标签")
        else:
            labels[candidate_id] = label
    for quote_id in picks.quotes:
        missing = missing_glyphs(str(quotes.get(quote_id, "")))
        if missing:
            dropped.append(f"{quote_id}：未印成引语图，字库缺少“{''.join(missing)}”")
        else:
            kept_quotes.append(quote_id)
    return house.Picks(labels, tuple(kept_quotes)), dropped


PICKED_FIGURES = ("09a_themes_by_staff_picked", "09b_theme_dispersion_picked", "09c_theme_cooccurrence_picked")


def pick_destinations(picks, written) -> list[str]:
    """For each pick, in the editor's order, the figures that show it (read back from their CSVs),
    or why none does: "theme:patience：09a（第 1 行，“耐心”）、09b（第 1 行，“耐心”）、09c"."""
    picks = house.Picks.of(picks)
    csvs = {Path(p).stem: Path(p) for p in written if Path(p).suffix == ".csv"}
    frames = {name: pd.read_csv(csvs[name], encoding="utf-8-sig", dtype=str) for name in PICKED_FIGURES if name in csvs}
    lines = []
    for candidate_id, label in picks.labels.items():
        row_id = candidate_id.removeprefix(THEME_PREFIX)
        shown = []
        for name, frame in frames.items():
            short = name.split("_")[0]
            if "candidate_id" in frame:
                rows = frame.loc[frame["candidate_id"] == candidate_id, "row"]
                if len(rows):
                    shown.append(f"{short}（第 {int(rows.iloc[0]) + 1} 行，“{label}”）")
            elif "kind" in frame and ((frame["theme_id"] == row_id) & (frame["kind"] == "node")).any():
                shown.append(short)
            elif "row_theme" in frame and ((frame["row_theme"] == row_id) | (frame["column_theme"] == row_id)).any():
                shown.append(short)
        lines.append(f"{candidate_id}：" + ("、".join(shown) if shown else "没有进任何图（表中没有命中）"))
    for order, quote_id in enumerate(picks.quotes, 1):
        name = f"10_pull_quote_{order}"
        lines.append(f"{quote_id}：" + (f"{name}（引语图）" if name in csvs else "没有进任何图（不是本次的引语候选）"))
    return lines
