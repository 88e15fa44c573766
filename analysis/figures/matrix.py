"""Chart 1: themes x staff, a dot matrix of each theme's rate per 1,000 characters of a profile.

Rows are themes: top-level themes by how many people they reach, then by their total rate, each
followed by its sub-themes (indented). Columns are the profiles in the order the article prints
them. Dot area carries the rate, so the chart reads in black and white; the highlighted version
draws picked themes in the accent colour and the rest in grey.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from . import house, titles

CHILD_JOINER = "·"  # a sub-theme's row reads 四心·耐心
SIZE_PER_RATE = 4.0  # marker area (pt^2) per unit of rate; the legend shows the scale


def theme_order(frame: pd.DataFrame) -> list[str]:
    """Theme ids in reading order: parents by reach then total rate, each followed by its children."""
    stats = frame.groupby("theme_id").agg(reach=("count", lambda c: int((c > 0).sum())),
                                          total=("rate_per_1000", "sum"), parent=("parent", "first"))
    stats = stats[stats["total"] > 0]
    ranked = stats.sort_values(["reach", "total"], ascending=False, kind="stable")
    parents = [t for t, row in ranked.iterrows() if not isinstance(row["parent"], str) or row["parent"] not in stats.index]
    order = []
    for parent in parents:
        order.append(parent)
        order += [t for t, row in ranked.iterrows() if row["parent"] == parent]
    return order


def matrix_data(theme_matrix: pd.DataFrame, picks=None) -> pd.DataFrame:
    """The plotted cells: one row per theme and profile with its grid position and highlight."""
    picked = house.Picks.of(picks).ids("theme")
    frame = theme_matrix[theme_matrix["section_id"].map(lambda p: p not in ("front", "byline"))].copy()
    order = theme_order(frame)
    frame = frame[frame["theme_id"].isin(order)]
    profiles = list(dict.fromkeys(frame["section_id"]))
    # A plain boolean array: on an all-missing string column, map() keeps the string dtype.
    is_child = np.array([isinstance(p, str) and p in order for p in frame["parent"]], dtype=bool)
    # Python lists, not Series arithmetic: an all-missing parent column has no string dtype to add to.
    label = [picked.get(t) or str(l) for t, l in zip(frame["theme_id"], frame["theme_label"])]
    theme_labels = dict(zip(frame["theme_id"], frame["theme_label"]))
    row_label = [f"{theme_labels[p]}{CHILD_JOINER}{own}" if child else own
                 for p, own, child in zip(frame["parent"], label, is_child)]
    data = pd.DataFrame({
        "theme_id": frame["theme_id"], "row_label": row_label,
        "section_id": frame["section_id"],
        "column_label": [house.profile_label(p, n) for p, n in zip(frame["section_id"], frame["name"])],
        "count": frame["count"], "rate_per_1000": frame["rate_per_1000"],
        "row": frame["theme_id"].map({t: i for i, t in enumerate(order)}),
        "column": frame["section_id"].map({p: i for i, p in enumerate(profiles)}),
        "highlighted": frame["theme_id"].isin(picked),
    })
    return data.sort_values(["row", "column"], ignore_index=True)


def draw_matrix(data: pd.DataFrame, source: house.SourceNote, *, highlight: bool = False,
                width="col3", height_mm: float | None = None, settings=None):
    rows = int(data["row"].max()) + 1
    columns = int(data["column"].max()) + 1
    height = height_mm or 34 + 5.2 * rows
    described = "编辑选定的主题在各人物稿中的分布" if highlight else f"{columns}篇人物稿，各讲了哪些主题"
    title = titles.matrix_finding(data) or described
    standfirst = described + ("。圆点面积＝每千字提及次数；实心◆为编辑选定的主题，空心为其他主题" if highlight
                              else "。圆点面积＝该主题在人物稿中每千字的提及次数，按覆盖人数排序")
    with house.style():
        figure = house.new_figure(house.Frame(title, source, width, height, standfirst, settings))
        axes = figure.add_subplot()
        axes.set_xlim(-0.6, columns - 0.4)
        axes.set_ylim(rows - 0.5, -0.5)
        for row in range(rows):
            axes.axhline(row, color=house.GREY_RULE, linewidth=0.4, zorder=0)
        present = data[data["count"] > 0]
        sizes = present["rate_per_1000"] * SIZE_PER_RATE
        if highlight:  # picked: solid accent dots; the rest: hollow grey rings (shape, not only colour)
            picked = present[present["highlighted"]]
            axes.scatter(picked["column"], picked["row"], s=picked["rate_per_1000"] * SIZE_PER_RATE,
                         color=house.ACCENT, linewidths=0, zorder=2)
            other = present[~present["highlighted"]]
            axes.scatter(other["column"], other["row"], s=other["rate_per_1000"] * SIZE_PER_RATE,
                         facecolors="none", edgecolors=house.GREY, linewidths=0.6, zorder=2)
        else:
            axes.scatter(present["column"], present["row"], s=sizes, color=house.INK, linewidths=0, zorder=2)
        labels = data.drop_duplicates("row").sort_values("row")
        axes.set_yticks(labels["row"], labels["row_label"])
        heads = data.drop_duplicates("column").sort_values("column")
        axes.set_xticks(heads["column"], heads["column_label"])
        axes.xaxis.tick_top()
        axes.tick_params(length=0)
        for spine in axes.spines.values():
            spine.set_visible(False)
        if highlight:
            names = [("◆ " if picked else "") + label for label, picked in zip(labels["row_label"], labels["highlighted"])]
            axes.set_yticks(labels["row"], names)
            for tick, picked in zip(axes.get_yticklabels(), labels["highlighted"]):
                tick.set_color(house.ACCENT if picked else house.GREY_DARK)
        _size_legend(axes, data["rate_per_1000"].max())
    return figure


def _size_legend(axes, largest: float) -> None:
    steps = [v for v in (5, 10, 20, 40) if v <= max(largest, 5)][-3:]
    handles = [axes.scatter([], [], s=v * SIZE_PER_RATE, color=house.INK, linewidths=0) for v in steps]
    axes.legend(handles, [f"{v}" for v in steps], title="每千字", loc="upper left", bbox_to_anchor=(1.0, 1.0),
                fontsize=house.SMALL_PT, title_fontsize=house.SMALL_PT, labelspacing=1.2, borderaxespad=0.2,
                handletextpad=0.8)


def theme_matrix_figure(theme_matrix: pd.DataFrame, source: house.SourceNote, picks=None, *,
                        width="col3", height_mm: float | None = None):
    """Chart 1 from the `theme_matrix` table; with picks, the highlighted version."""
    return draw_matrix(matrix_data(theme_matrix, picks), source, highlight=picks is not None,
                       width=width, height_mm=height_mm)
