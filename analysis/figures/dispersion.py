"""Chart 7: where each theme falls through the article (a lexical dispersion plot).

x is the character offset of each hit in the original text; one row per theme, in the order of
chart 1; thin rules and names on top mark where each profile begins. The highlighted version
draws picked themes' ticks in the accent colour and the rest in light grey.
"""
from __future__ import annotations

import pandas as pd

from . import house, titles


def dispersion_data(theme_hits: pd.DataFrame, theme_order: list[str] | None = None, picks=None) -> pd.DataFrame:
    """One row per hit: its theme row, its offset and whether the theme is picked."""
    picked = house.Picks.of(picks).ids("theme")
    hits = theme_hits.drop_duplicates(["theme_id", "start", "end"])
    if theme_order is None:
        theme_order = list(hits["theme_id"].value_counts().index)
    hits = hits[hits["theme_id"].isin(theme_order)]
    labels = hits.groupby("theme_id")["theme_label"].first()
    data = pd.DataFrame({
        "theme_id": hits["theme_id"],
        "row_label": [picked.get(t) or labels[t] for t in hits["theme_id"]],
        "section_id": hits["section_id"], "text": hits["text"],
        "start": hits["start"], "end": hits["end"],
        "row": hits["theme_id"].map({t: i for i, t in enumerate(theme_order)}),
        "highlighted": hits["theme_id"].isin(picked),
    })
    return data.sort_values(["row", "start"], ignore_index=True)


def section_marks(profiles: pd.DataFrame) -> pd.DataFrame:
    """Where each profile starts, for the rules and names along the top."""
    return pd.DataFrame({"start": profiles["start"], "section_id": profiles["id"],
                         "label": [house.profile_label(p, n) for p, n in zip(profiles["id"], profiles["name"])]})


def draw_dispersion(data: pd.DataFrame, sections: pd.DataFrame, text_length: int, source: house.SourceNote, *,
                    highlight: bool = False, width="half", height_mm: float | None = None, settings=None):
    rows = int(data["row"].max()) + 1
    height = height_mm or 32 + 4.2 * rows
    described = "编辑选定的主题出现在文章哪里" if highlight else "主题在全文中的位置"
    title = titles.dispersion_finding(data, sections) or described
    standfirst = described + ("。每一短竖线是一次提及，横轴为在原文中的字符位置；◆与深色（彩印为红色）为编辑选定的主题" if highlight
                              else "。每一短竖线是一次提及，横轴为在原文中的字符位置；细线为每篇人物稿的开头")
    with house.style():
        figure = house.new_figure(house.Frame(title, source, width, height, standfirst, settings))
        axes = figure.add_subplot()
        for start in sections["start"]:
            axes.axvline(start, color=house.GREY_LIGHT, linewidth=0.5, zorder=0)
        top = axes.secondary_xaxis("top")
        top.set_xticks(list(sections["start"]), list(sections["label"]), ha="left", fontsize=house.SMALL_PT)
        top.tick_params(length=0, pad=1)
        top.spines["top"].set_visible(False)
        if highlight:
            colours = [house.ACCENT if h else house.GREY_LIGHT for h in data["highlighted"]]
        else:
            colours = house.INK
        axes.scatter(data["start"], data["row"], marker="|", s=40, linewidths=0.9, c=colours, zorder=2)
        labels = data.drop_duplicates("row").sort_values("row")
        names = [("◆ " if highlight and h else "") + label for label, h in zip(labels["row_label"], labels["highlighted"])]
        axes.set_yticks(labels["row"], names)
        if highlight:
            for tick, picked in zip(axes.get_yticklabels(), labels["highlighted"]):
                tick.set_color(house.ACCENT if picked else house.GREY_DARK)
        axes.set_ylim(rows - 0.5, -0.5)
        axes.set_xlim(0, text_length)
        axes.set_xlabel("原文字符位置")
        axes.spines["left"].set_visible(False)
        axes.tick_params(axis="y", length=0)
    return figure
