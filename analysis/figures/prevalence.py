"""Archive chart: theme prevalence by group, a heatmap of the share of articles mentioning each theme.

Rows are themes (the most widespread first), columns the groups of a metadata field (publication,
year, category). Each cell is shaded by the share of the group's articles that mention the theme
and carries the percentage as a number, so the chart reads in grey. It aggregates: any number of
articles gives at most (themes x groups) cells.
"""
from __future__ import annotations

import pandas as pd

from . import house

MAX_THEMES = 15
MAX_GROUPS = 12


def prevalence_data(prevalence: pd.DataFrame, max_themes: int = MAX_THEMES, max_groups: int = MAX_GROUPS) -> pd.DataFrame:
    """The plotted cells: themes by overall reach (top `max_themes`), groups by size (top `max_groups`)."""
    if prevalence.empty:
        return prevalence.assign(row=pd.Series(dtype=int), column=pd.Series(dtype=int))
    groups = (prevalence.drop_duplicates("group").sort_values(["articles", "group"], ascending=[False, True])
              ["group"].head(max_groups).tolist())
    frame = prevalence[prevalence["group"].isin(groups)]
    reach = frame.groupby("theme_label")["articles_with"].sum().sort_values(ascending=False, kind="stable")
    themes = reach.head(max_themes).index.tolist()
    frame = frame[frame["theme_label"].isin(themes)].copy()
    # Every theme x group cell, zero where no article of the group mentions the theme.
    sizes = prevalence.drop_duplicates("group").set_index("group")["articles"]
    full = pd.MultiIndex.from_product([themes, groups], names=["theme_label", "group"]).to_frame(index=False)
    full = full.merge(frame[["theme_label", "group", "articles_with"]], on=["theme_label", "group"], how="left")
    full["articles_with"] = full["articles_with"].fillna(0).astype(int)
    full["articles"] = full["group"].map(sizes).astype(int)
    full["share"] = (full["articles_with"] / full["articles"]).round(4)
    full["row"] = full["theme_label"].map({t: i for i, t in enumerate(themes)})
    full["column"] = full["group"].map({g: i for i, g in enumerate(groups)})
    return full.sort_values(["row", "column"], ignore_index=True)


def finding(data: pd.DataFrame) -> str:
    """The chart's title: the most widespread theme and where it is most common."""
    top = data.sort_values(["share", "articles_with"], ascending=False).iloc[0]
    return f"“{top['theme_label']}”在{top['group']}稿件中最常见：{top['share']:.0%}的稿件提到"


def draw_prevalence(data: pd.DataFrame, source: house.SourceNote, *, width="col3", height_mm: float | None = None,
                    settings=None):
    rows, columns = int(data["row"].max()) + 1, int(data["column"].max()) + 1
    height = height_mm or 40 + 5.5 * rows
    standfirst = "各类稿件中提到该主题的稿件所占比例（%），颜色越深比例越高"
    with house.style():
        figure = house.new_figure(house.Frame(finding(data), source, width, height, standfirst, settings))
        axes = figure.add_subplot()
        grid = data.pivot(index="row", columns="column", values="share").to_numpy()
        axes.imshow(grid, cmap="Greys", vmin=0, vmax=max(float(grid.max()), 0.01), aspect="auto")
        for item in data.itertuples():
            dark = item.share > 0.6 * max(float(grid.max()), 0.01)
            axes.text(item.column, item.row, f"{item.share * 100:.0f}", ha="center", va="center",
                      fontsize=house.SMALL_PT, color="white" if dark else house.INK)
        labels = data.drop_duplicates("row").sort_values("row")
        heads = data.drop_duplicates("column").sort_values("column")
        axes.set_yticks(labels["row"], labels["theme_label"], fontsize=house.LABEL_PT)
        axes.set_xticks(heads["column"], [f"{g}\n({n}篇)" for g, n in zip(heads["group"], heads["articles"])],
                        fontsize=house.SMALL_PT)
        axes.xaxis.tick_top()
        axes.tick_params(length=0)
        for spine in axes.spines.values():
            spine.set_visible(False)
    return figure
