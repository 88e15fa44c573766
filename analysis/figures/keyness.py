"""Chart 5: keyness per profile, the few words that set each person's story apart.

Small multiples, one panel per profile in article order: the top over-used words (positive log
ratio) by log-likelihood (G2) against the other profiles. A word the keyness table flags as not
reliable (too few occurrences) is drawn as a light bar rather than left out, since in nine short
profiles most key words are rare; reliable ones are dark. Tone, not hue, carries the difference,
and the G2 value is written beside each bar.
"""
from __future__ import annotations

import math

import pandas as pd

from . import house


def keyness_data(keyness: pd.DataFrame, profiles: pd.DataFrame, top: int = 5) -> pd.DataFrame:
    """Up to `top` positively key terms per profile, strongest first, with their reliability."""
    names = dict(zip(profiles["id"], profiles["name"]))
    order = {p: i for i, p in enumerate(profiles["id"])}
    key = keyness[(keyness["log_ratio"] > 0) & keyness["section_id"].isin(order)].copy()
    key["reliable"] = key["reliable"].astype(bool)
    key = key.sort_values(["section_id", "g2", "term"], ascending=[True, False, True], kind="stable")
    key = key.groupby("section_id", sort=False).head(top).copy()
    key["panel"] = key["section_id"].map(order)
    key["rank"] = key.groupby("section_id").cumcount()
    key["panel_label"] = [house.profile_label(p, names.get(p)) for p in key["section_id"]]
    columns = ["section_id", "panel_label", "panel", "rank", "term", "count", "other_count", "g2", "log_ratio", "reliable"]
    return key[columns].sort_values(["panel", "rank"], ignore_index=True)


def draw_keyness(data: pd.DataFrame, source: house.SourceNote, *, columns: int = 3, width="half",
                 height_mm: float | None = None, settings=None):
    panels = sorted(data["panel"].unique())
    rows = math.ceil(len(panels) / columns)
    top = int(data["rank"].max()) + 1
    height = height_mm or 30 + rows * (8 + 4.2 * top)
    with house.style():
        figure = house.new_figure(house.Frame("每个人的故事，靠哪些词与众不同", source, width, height,
                                              "各篇相对其余人物稿用得偏多的词，按对数似然比G²排序；深色条＝统计上可靠，浅色条＝出现次数太少，仅供参考",
                                              settings))
        grid = figure.add_gridspec(rows, columns)
        g2_max = data["g2"].max()
        for index, panel in enumerate(panels):
            axes = figure.add_subplot(grid[index // columns, index % columns])
            words = data[data["panel"] == panel]
            axes.barh(words["rank"], words["g2"], height=0.62, edgecolor="none",
                      color=[house.GREY_DARK if r else house.GREY_LIGHT for r in words["reliable"]])
            axes.set_yticks(words["rank"], words["term"], fontsize=house.LABEL_PT)
            for item in words.itertuples():
                axes.text(item.g2 + g2_max * 0.02, item.rank, f"{item.g2:.1f}", va="center", ha="left",
                          fontsize=house.SMALL_PT, color=house.GREY_DARK)
            axes.set_title(words["panel_label"].iloc[0], fontsize=house.LABEL_PT)
            axes.set_ylim(top - 0.5, -0.5)
            axes.set_xlim(0, g2_max * 1.25)
            axes.tick_params(axis="y", length=0)
            axes.tick_params(axis="x", labelsize=house.SMALL_PT)
            axes.spines["left"].set_visible(False)
    return figure
