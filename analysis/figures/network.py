"""Chart 8: which themes turn up in the same sentence (a co-occurrence network, networkx).

A node is a theme, its area the number of sentences that carry it; an edge joins two themes that
share at least `min_sentences` sentences, its width (and the number on it) the number shared.
A parent theme is the union of its sub-themes, so where sub-themes exist only they are nodes; a
theme that shares no sentence stays as a lone node. A picked parent highlights its sub-themes.
The layout is seeded, so it repeats.

A network is only drawn when it can be read: `theme_chart` tries a few seeded layouts and keeps
the first in which no edge passes through a node it does not join and no label touches another
label or node (checked on the rendered figure). When none qualifies, it draws the same counts
as a co-occurrence matrix, which is always legible.
"""
from __future__ import annotations

from itertools import combinations

import networkx as nx
import numpy as np
import pandas as pd

from . import house

LAYOUT_SEED = 12345
NODE_AREA_PER_SENTENCE = 9.0
LONE_ROW_Y = -1.45
LONE_NOTE = "以下主题与其他任何主题同句都不足两次"


def leaf_hits(theme_hits: pd.DataFrame) -> pd.DataFrame:
    """The hits of themes that are nobody's parent."""
    parents = set(theme_hits["parent"].dropna())
    return theme_hits[~theme_hits["theme_id"].isin(parents)]


def cooccurrence_edges(theme_hits: pd.DataFrame, min_sentences: int = 2) -> pd.DataFrame:
    """Pairs of leaf themes and how many sentences hold both."""
    per_sentence = leaf_hits(theme_hits).groupby("sentence_index")["theme_id"].agg(lambda s: sorted(set(s)))
    counts: dict[tuple[str, str], int] = {}
    for themes in per_sentence:
        for a, b in combinations(themes, 2):
            counts[(a, b)] = counts.get((a, b), 0) + 1
    edges = pd.DataFrame([(a, b, n) for (a, b), n in counts.items()], columns=["source", "target", "sentences"])
    return edges[edges["sentences"] >= min_sentences].sort_values(["sentences", "source", "target"],
                                                                   ascending=[False, True, True], ignore_index=True)


def network_data(theme_hits: pd.DataFrame, picks=None, min_sentences: int = 2, seed: int = LAYOUT_SEED) -> pd.DataFrame:
    """One row per drawn mark: nodes (kind=node, with x, y) and edges (kind=edge, with both ends)."""
    picked = house.Picks.of(picks).row_labels()
    parents = dict(zip(theme_hits["theme_id"], theme_hits["parent"]))
    picked = {t: picked.get(t) for t in parents if t in picked or parents[t] in picked}
    edges = cooccurrence_edges(theme_hits, min_sentences)
    leaves = leaf_hits(theme_hits)
    sizes = leaves.groupby("theme_id")["sentence_index"].nunique()
    labels = theme_hits.groupby("theme_id")["theme_label"].first()
    graph = nx.Graph()
    graph.add_nodes_from(sorted(sizes.index))
    graph.add_weighted_edges_from(edges[["source", "target", "sentences"]].itertuples(index=False))
    positions = _layout(graph, seed)
    name = {t: picked.get(t) or labels[t] for t in labels.index}  # the editor's label where there is one
    order = {t: i for i, t in enumerate(house.Picks.of(picks).row_labels(), 1)}
    nodes = pd.DataFrame([{"kind": "node", "theme_id": t, "label": name[t],
                           "sentences": int(sizes[t]), "x": round(float(x), 4), "y": round(float(y), 4),
                           "highlighted": t in picked, "pick_order": order.get(t)}
                          for t, (x, y) in sorted(positions.items(), key=lambda item: (order.get(item[0], len(order) + 1), item[0]))])
    links = pd.DataFrame([{"kind": "edge", "theme_id": f"{a}|{b}", "label": f"{name[a]}—{name[b]}",
                           "sentences": int(n), "x": round(float(positions[a][0]), 4),
                           "y": round(float(positions[a][1]), 4), "x2": round(float(positions[b][0]), 4),
                           "y2": round(float(positions[b][1]), 4), "highlighted": a in picked or b in picked}
                          for a, b, n in edges.itertuples(index=False)])
    data = pd.concat([nodes, links], ignore_index=True)
    if "pick_order" in data:
        data["pick_order"] = data["pick_order"].astype("Int64")
    return data


def _layout(graph: nx.Graph, seed: int = LAYOUT_SEED) -> dict[str, tuple[float, float]]:
    """Connected themes by a seeded attractive-repulsive (ARF) layout stretched to [-1, 1] on each
    axis (it kept nodes further apart than spring, spectral or ForceAtlas2 on the bundled article);
    lone themes in a row underneath, so they neither crowd the web nor vanish from the chart."""
    linked = graph.subgraph([n for n in graph if graph.degree(n) > 0])
    positions = {}
    if len(linked):
        layout = nx.arf_layout(linked, seed=seed)
        xy = np.array([layout[n] for n in linked])
        low, span = xy.min(axis=0), np.maximum(xy.max(axis=0) - xy.min(axis=0), 1e-9)
        stretched = (xy - low) / span * 2 - 1
        positions.update({n: (float(x), float(y)) for n, (x, y) in zip(linked, stretched)})
    lone = sorted(n for n in graph if graph.degree(n) == 0)
    for i, node in enumerate(lone):
        positions[node] = (-1.0 + 2.0 * (i + 0.5) / len(lone), LONE_ROW_Y)
    return positions


def finding(data: pd.DataFrame, first: str, second: str) -> str | None:
    """The chart's title: the pair of themes that share the most sentences."""
    pairs = data[data["sentences"].notna() & data[first].notna()] if first in data else data.iloc[0:0]
    if pairs.empty:
        return None
    top = pairs.sort_values("sentences", ascending=False, kind="stable").iloc[0]
    return f"“{top[first]}”与“{top[second]}”最常同句出现：{int(top['sentences'])}句"


def draw_network(data: pd.DataFrame, source: house.SourceNote, *, highlight: bool = False,
                 width="col3", height_mm: float = 110, settings=None):
    nodes, edges = data[data["kind"] == "node"], data[data["kind"] == "edge"]
    ends = edges.assign(a=edges["label"].str.split("—").str[0], b=edges["label"].str.split("—").str[-1])
    title = finding(ends, "a", "b") or "哪些主题常在同一句里出现"
    standfirst = ("哪些主题常在同一句里出现。圆点面积＝含该主题的句数；连线越粗，两主题同句出现的句数越多"
                  "（只画至少两句的）；有子主题的主题以子主题出现" + ("；◆为编辑选定的主题" if highlight else ""))
    with house.style():
        figure = house.new_figure(house.Frame(title, source, width, height_mm, standfirst, settings))
        axes = figure.add_subplot()
        axes.set_axis_off()
        for edge in edges.itertuples():
            colour = house.ACCENT if highlight and edge.highlighted else house.GREY_LIGHT if highlight else house.GREY
            # No number on the line: numbers on nearly parallel lines could not be told apart (the CSV has them).
            axes.plot([edge.x, edge.x2], [edge.y, edge.y2], color=colour, linewidth=0.5 * edge.sentences,
                      solid_capstyle="round", zorder=1, gid=f"edge:{edge.theme_id}")
        for node in nodes.itertuples():
            picked = highlight and node.highlighted
            face = house.ACCENT if picked else ("white" if highlight else house.INK)
            axes.scatter([node.x], [node.y], s=node.sentences * NODE_AREA_PER_SENTENCE, color=face,
                         edgecolors=house.GREY if highlight and not picked else face, linewidths=0.6, zorder=2,
                         gid=f"node:{node.theme_id}")
            axes.annotate(("◆ " if picked else "") + node.label, (node.x, node.y), xytext=(0, 4 + node.sentences ** 0.5 * 1.2),
                          textcoords="offset points", ha="center", va="bottom", fontsize=house.LABEL_PT,
                          color=house.ACCENT if picked else house.INK, zorder=3, gid=f"label:{node.theme_id}")
        if (nodes["y"] == LONE_ROW_Y).any():
            axes.text(-1.1, LONE_ROW_Y + 0.22, LONE_NOTE, fontsize=house.SMALL_PT, color=house.GREY_DARK, va="bottom")
            axes.axhline(LONE_ROW_Y + 0.2, color=house.GREY_RULE, linewidth=0.4)
        axes.margins(0.1)
    return figure


# ---------------------------------------------------------------- legibility, and the matrix instead

LAYOUT_TRIES = 12
CLEARANCE_PT = 1.5  # white space an edge must leave around a node it does not join


def conflicts(figure) -> list[str]:
    """What makes a drawn network hard to read: an edge through a node it does not join, or a label
    touching another label or another node. Measured on the rendered figure, in display units."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure)
    with house.style():
        # Laid out as for saving (the Agg renderer measures the text), but no pixel is drawn: only
        # positions and extents are read. About a third of a full draw.
        figure.draw_without_rendering()
    renderer = figure.canvas.get_renderer()
    axes = figure.axes[0]
    scale = figure.dpi / 72
    nodes, edges, labels = {}, [], {}
    for artist in axes.get_children():
        gid = artist.get_gid() or ""
        kind, _, name = gid.partition(":")
        if kind == "node":
            (x, y), = artist.get_offset_transform().transform(artist.get_offsets())
            radius = (artist.get_sizes()[0] ** 0.5) / 2 * scale
            nodes[name] = (x, y, radius)
        elif kind == "edge":
            points = artist.get_transform().transform(artist.get_xydata())
            edges.append((name.split("|"), points[0], points[1]))
        elif kind == "label":
            labels[name] = artist.get_window_extent(renderer)
    found = []
    for (a, b), start, end in edges:
        for name, (x, y, radius) in nodes.items():
            if name not in (a, b) and _distance_to_segment((x, y), start, end) < radius + CLEARANCE_PT * scale:
                found.append(f"edge {a}—{b} crosses {name}")
        for name, box in labels.items():
            if _segment_hits_box(start, end, box):
                found.append(f"edge {a}—{b} crosses the label of {name}")
    names = sorted(labels)
    for i, first in enumerate(names):
        for second in names[i + 1:]:
            if labels[first].overlaps(labels[second]):
                found.append(f"labels {first} and {second} collide")
        for name, (x, y, radius) in nodes.items():
            box = labels[first]
            if name != first and box.x0 - radius < x < box.x1 + radius and box.y0 - radius < y < box.y1 + radius:
                found.append(f"label {first} covers {name}")
    return found


def _segment_hits_box(start, end, box, samples: int = 64) -> bool:
    """Whether the segment passes through the box (sampled finely enough for print sizes)."""
    t = np.linspace(0.02, 0.98, samples)[:, None]
    x, y = (start + t * (np.asarray(end) - start)).T
    return bool(((box.x0 <= x) & (x <= box.x1) & (box.y0 <= y) & (y <= box.y1)).any())


def _distance_to_segment(point, start, end) -> float:
    p, a, b = np.asarray(point), np.asarray(start), np.asarray(end)
    span = b - a
    t = 0.0 if not span.any() else float(np.clip(np.dot(p - a, span) / np.dot(span, span), 0, 1))
    return float(np.linalg.norm(p - (a + t * span)))


def cooccurrence_data(theme_hits: pd.DataFrame, picks=None) -> pd.DataFrame:
    """The matrix version: one row per pair of leaf themes sharing at least one sentence (lower triangle)."""
    picked = house.Picks.of(picks).row_labels()
    parents = dict(zip(theme_hits["theme_id"], theme_hits["parent"]))
    picked = {t: picked.get(t) for t in parents if t in picked or parents[t] in picked}
    labels = theme_hits.groupby("theme_id")["theme_label"].first()
    edges = cooccurrence_edges(theme_hits, min_sentences=1)
    by_size = list(leaf_hits(theme_hits).groupby("theme_id")["sentence_index"].nunique()
                   .sort_values(ascending=False, kind="stable").index)
    editor = [t for t in house.Picks.of(picks).row_labels() if t in by_size]  # the editor's order first
    order = editor + [t for t in by_size if t not in editor]
    position = {t: i for i, t in enumerate(order)}
    rows = []
    for a, b, n in edges.itertuples(index=False):
        row, column = max(position[a], position[b]), min(position[a], position[b])
        rows.append({"row_theme": order[row], "column_theme": order[column],
                     "row_label": picked.get(order[row]) or labels[order[row]],
                     "column_label": picked.get(order[column]) or labels[order[column]],
                     "sentences": int(n), "row": row, "column": column,
                     "highlighted": order[row] in picked or order[column] in picked})
    frame = pd.DataFrame(rows, columns=["row_theme", "column_theme", "row_label", "column_label", "sentences",
                                        "row", "column", "highlighted"])
    frame.attrs["order"] = [picked.get(t) or labels[t] for t in order]
    frame.attrs["picked"] = [t in picked for t in order]
    return frame.sort_values(["row", "column"], ignore_index=True)


def draw_cooccurrence(data: pd.DataFrame, source: house.SourceNote, *, highlight: bool = False, width="col3",
                      height_mm: float | None = None, settings=None):
    order, picked = data.attrs["order"], data.attrs["picked"]
    size = len(order)
    title = finding(data, "row_label", "column_label") or "哪些主题常在同一句里出现"
    standfirst = ("哪些主题常在同一句里出现。格中数字＝两个主题同句出现的句数，颜色越深越多；"
                  "有子主题的主题以子主题出现" + ("；◆为编辑选定的主题" if highlight else ""))
    height = height_mm or 40 + 5.0 * size
    with house.style():
        figure = house.new_figure(house.Frame(title, source, width, height, standfirst, settings))
        axes = figure.add_subplot()
        grid = np.full((size, size), np.nan)
        for item in data.itertuples():
            grid[item.row, item.column] = item.sentences
        top = max(float(np.nanmax(grid)) if data.size else 1.0, 1.0)
        axes.imshow(np.ma.masked_invalid(grid), cmap="Greys", vmin=0, vmax=top * 1.2, aspect="auto")
        for item in data.itertuples():
            dark = item.sentences > 0.6 * top
            axes.text(item.column, item.row, str(item.sentences), ha="center", va="center", fontsize=house.SMALL_PT,
                      color="white" if dark else house.INK)
        marks = [("◆ " if highlight and p else "") + label for label, p in zip(order, picked)]
        axes.set_yticks(range(size), marks, fontsize=house.SMALL_PT)
        axes.set_xticks(range(size), marks, fontsize=house.SMALL_PT, rotation=90)
        for ticks in (axes.get_yticklabels(), axes.get_xticklabels()):
            for tick, p in zip(ticks, picked):
                tick.set_color(house.ACCENT if highlight and p else house.INK)
        axes.tick_params(length=0)
        for spine in axes.spines.values():
            spine.set_visible(False)
    return figure


def theme_chart(theme_hits: pd.DataFrame, source: house.SourceNote, picks=None, *, highlight: bool = False,
                settings=None) -> tuple[str, object, pd.DataFrame]:
    """("network" or "matrix", figure, data): the first legible seeded network, else the matrix."""
    import matplotlib.pyplot as plt

    for attempt in range(LAYOUT_TRIES):
        data = network_data(theme_hits, picks, seed=LAYOUT_SEED + attempt)
        if data.empty:
            break
        figure = draw_network(data, source, highlight=highlight, settings=settings)
        if not conflicts(figure):
            return "network", figure, data
        plt.close(figure)
    data = cooccurrence_data(theme_hits, picks)
    return "matrix", draw_cooccurrence(data, source, highlight=highlight, settings=settings), data
