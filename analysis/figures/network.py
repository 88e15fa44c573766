"""Chart 8: which themes turn up in the same sentence (a co-occurrence network, networkx).

A node is a theme, its area the number of sentences that carry it; an edge joins two themes that
share at least `min_sentences` sentences, its width (and the number on it) the number shared.
A parent theme is the union of its sub-themes, so where sub-themes exist only they are nodes; a
theme that shares no sentence stays as a lone node. A picked parent highlights its sub-themes.
The layout is seeded, so it repeats.
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


def network_data(theme_hits: pd.DataFrame, picks=None, min_sentences: int = 2) -> pd.DataFrame:
    """One row per drawn mark: nodes (kind=node, with x, y) and edges (kind=edge, with both ends)."""
    picked = house.Picks.of(picks).ids("theme")
    parents = dict(zip(theme_hits["theme_id"], theme_hits["parent"]))
    picked = {t: picked.get(t) for t in parents if t in picked or parents[t] in picked}
    edges = cooccurrence_edges(theme_hits, min_sentences)
    leaves = leaf_hits(theme_hits)
    sizes = leaves.groupby("theme_id")["sentence_index"].nunique()
    labels = theme_hits.groupby("theme_id")["theme_label"].first()
    graph = nx.Graph()
    graph.add_nodes_from(sorted(sizes.index))
    graph.add_weighted_edges_from(edges[["source", "target", "sentences"]].itertuples(index=False))
    positions = _layout(graph)
    nodes = pd.DataFrame([{"kind": "node", "theme_id": t, "label": picked.get(t) or labels[t],
                           "sentences": int(sizes[t]), "x": round(float(x), 4), "y": round(float(y), 4),
                           "highlighted": t in picked} for t, (x, y) in sorted(positions.items())])
    links = pd.DataFrame([{"kind": "edge", "theme_id": f"{a}|{b}", "label": f"{labels[a]}—{labels[b]}",
                           "sentences": int(n), "x": round(float(positions[a][0]), 4),
                           "y": round(float(positions[a][1]), 4), "x2": round(float(positions[b][0]), 4),
                           "y2": round(float(positions[b][1]), 4), "highlighted": a in picked or b in picked}
                          for a, b, n in edges.itertuples(index=False)])
    return pd.concat([nodes, links], ignore_index=True)


def _layout(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    """Connected themes by a seeded attractive-repulsive (ARF) layout stretched to [-1, 1] on each
    axis (it kept nodes further apart than spring, spectral or ForceAtlas2 on the bundled article);
    lone themes in a row underneath, so they neither crowd the web nor vanish from the chart."""
    linked = graph.subgraph([n for n in graph if graph.degree(n) > 0])
    positions = {}
    if len(linked):
        layout = nx.arf_layout(linked, seed=LAYOUT_SEED)
        xy = np.array([layout[n] for n in linked])
        low, span = xy.min(axis=0), np.maximum(xy.max(axis=0) - xy.min(axis=0), 1e-9)
        stretched = (xy - low) / span * 2 - 1
        positions.update({n: (float(x), float(y)) for n, (x, y) in zip(linked, stretched)})
    lone = sorted(n for n in graph if graph.degree(n) == 0)
    for i, node in enumerate(lone):
        positions[node] = (-1.0 + 2.0 * (i + 0.5) / len(lone), LONE_ROW_Y)
    return positions


def draw_network(data: pd.DataFrame, source: house.SourceNote, *, highlight: bool = False,
                 width="col3", height_mm: float = 110, settings=None):
    title = "编辑选定的主题与哪些主题同句出现" if highlight else "哪些主题常在同一句里出现"
    standfirst = ("圆点面积＝含该主题的句数；连线上的数字＝两主题同句出现的句数（只画至少两句的）；"
                  "有子主题的主题以子主题出现")
    nodes, edges = data[data["kind"] == "node"], data[data["kind"] == "edge"]
    with house.style():
        figure = house.new_figure(house.Frame(title, source, width, height_mm, standfirst, settings))
        axes = figure.add_subplot()
        axes.set_axis_off()
        for edge in edges.itertuples():
            colour = house.ACCENT if highlight and edge.highlighted else house.GREY_LIGHT if highlight else house.GREY
            axes.plot([edge.x, edge.x2], [edge.y, edge.y2], color=colour, linewidth=0.5 * edge.sentences,
                      solid_capstyle="round", zorder=1)
            # The count itself, at the middle of the line: widths 2 and 3 alone are hard to tell apart.
            axes.text((edge.x + edge.x2) / 2, (edge.y + edge.y2) / 2, str(edge.sentences), fontsize=house.SMALL_PT,
                      color=house.GREY_DARK, ha="center", va="center", zorder=1.5,
                      bbox={"boxstyle": "circle,pad=0.15", "facecolor": "white", "edgecolor": "none"})
        for node in nodes.itertuples():
            picked = highlight and node.highlighted
            face = house.ACCENT if picked else ("white" if highlight else house.INK)
            axes.scatter([node.x], [node.y], s=node.sentences * NODE_AREA_PER_SENTENCE, color=face,
                         edgecolors=house.GREY if highlight and not picked else face, linewidths=0.6, zorder=2)
            axes.annotate(("◆ " if picked else "") + node.label, (node.x, node.y), xytext=(0, 4 + node.sentences ** 0.5 * 1.2),
                          textcoords="offset points", ha="center", va="bottom", fontsize=house.LABEL_PT,
                          color=house.ACCENT if picked else house.INK, zorder=3)
        if (nodes["y"] == LONE_ROW_Y).any():
            axes.text(-1.1, LONE_ROW_Y + 0.22, LONE_NOTE, fontsize=house.SMALL_PT, color=house.GREY_DARK, va="bottom")
            axes.axhline(LONE_ROW_Y + 0.2, color=house.GREY_RULE, linewidth=0.4)
        axes.margins(0.1)
    return figure
