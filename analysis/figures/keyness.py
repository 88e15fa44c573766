"""Chart 5: keyness per profile, the words that set each person's story apart from ordinary Chinese.

Small multiples, one panel per profile in article order: the words a profile uses far more often
than the reference corpus does (the keyness table: G2 against wordfreq's Chinese list), only those
that pass the small-sample guard (`reliable`). The bar is the effect size, how many times more
often than in ordinary Chinese (log scale, labelled ×N). When no word passes the guard there is
no chart: `keyness_data` is empty and the report says why.
"""
from __future__ import annotations

import math

import pandas as pd

from . import house


def keyness_data(keyness: pd.DataFrame, profiles: pd.DataFrame, top: int = 5) -> pd.DataFrame:
    """Up to `top` reliable key terms per profile, strongest first (by G2)."""
    names = dict(zip(profiles["id"], profiles["name"]))
    order = {p: i for i, p in enumerate(profiles["id"])}
    key = keyness[(keyness["log_ratio"] > 0) & keyness["reliable"].astype(bool)
                  & keyness["section_id"].isin(order)].copy()
    key = key.sort_values(["section_id", "g2", "term"], ascending=[True, False, True], kind="stable")
    key = key.groupby("section_id", sort=False).head(top).copy()
    key["panel"] = key["section_id"].map(order)
    key["rank"] = key.groupby("section_id").cumcount()
    key["panel_label"] = [house.profile_label(p, names.get(p)) for p in key["section_id"]]
    key["times"] = (2 ** key["log_ratio"]).round(1)
    columns = ["section_id", "panel_label", "panel", "rank", "term", "count", "section_words",
               "reference_per_million", "times", "g2", "log_ratio", "reliable"]
    return key[columns].sort_values(["panel", "rank"], ignore_index=True)


def finding(data: pd.DataFrame) -> str:
    """The title: the strongest key word and whose story it marks."""
    top = data.sort_values("g2", ascending=False).iloc[0]
    name = top["panel_label"].split("（")[0].split("(")[0]
    return f"“{top['term']}”最能标出{name}的故事：用得比日常中文多{_times(top['times'])}"


def _times(times: float) -> str:
    return f"{times:,.0f}倍" if times >= 10 else f"{times:.1f}倍"


def draw_keyness(data: pd.DataFrame, source: house.SourceNote, *, columns: int = 3, width="half",
                 height_mm: float | None = None, settings=None):
    panels = sorted(data["panel"].unique())
    columns = min(columns, len(panels))
    rows = math.ceil(len(panels) / columns)
    top = int(data["rank"].max()) + 1
    height = height_mm or 30 + rows * (8 + 4.2 * top)
    standfirst = ("每篇人物稿里比日常中文（wordfreq 中文词频表）用得多得多的词，按对数似然比G²排序；"
                  "条长＝多用的倍数（对数刻度），只列出在该篇出现至少3次、统计上可靠的词")
    with house.style():
        figure = house.new_figure(house.Frame(finding(data), source, width, height, standfirst, settings))
        grid = figure.add_gridspec(rows, columns)
        longest = data["log_ratio"].max()
        for index, panel in enumerate(panels):
            axes = figure.add_subplot(grid[index // columns, index % columns])
            words = data[data["panel"] == panel]
            axes.barh(words["rank"], words["log_ratio"], height=0.62, edgecolor="none", color=house.GREY_DARK)
            axes.set_yticks(words["rank"], words["term"], fontsize=house.LABEL_PT)
            for item in words.itertuples():
                axes.text(item.log_ratio + longest * 0.03, item.rank, "×" + _times(item.times).removesuffix("倍"),
                          va="center", ha="left", fontsize=house.SMALL_PT, color=house.GREY_DARK)
            axes.set_title(words["panel_label"].iloc[0], fontsize=house.LABEL_PT)
            axes.set_ylim(top - 0.5, -0.5)
            axes.set_xlim(0, longest * 1.45)
            axes.set_xticks([])
            axes.tick_params(axis="y", length=0)
            for side in ("left", "top", "right", "bottom"):
                axes.spines[side].set_visible(side == "bottom")
    return figure
