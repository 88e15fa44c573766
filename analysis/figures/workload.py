"""Chart 3: daily workload by role, drawn as ranges where the text gives one ("200到300").

One row per stated workload (person, role; what is counted is written beside the value), on one
shared scale of items per day. A range is a bar from low to high
with end caps; a single figure is a dot. An approximate figure ("近百", "200多") gets a hollow
marker and the word 约 in its label, so the approximation shows in black and white too.
"""
from __future__ import annotations

import pandas as pd

from . import house, titles

DAILY = {"日", "天", "每天", "每日", "一天", "day", "daily", "per day"}


def workload_data(workloads: pd.DataFrame) -> pd.DataFrame:
    """The daily workloads, one row per bar or dot, in the order of the article."""
    daily = workloads[workloads["period"].astype(str).str.strip().str.lower().isin(DAILY)]
    daily = daily.sort_values(["counted", "start"], kind="stable")
    high = daily["high"].where(daily["high"].notna(), daily["low"])
    approx = daily["approx"].astype(bool)
    data = pd.DataFrame({
        "section_id": daily["section_id"], "name": daily["name"], "role": daily["role"].astype(object).fillna(""),
        "counted": daily["counted"], "low": daily["low"].astype(float), "high": high.astype(float),
        "approx": approx, "is_range": daily["low"].astype(float) != high.astype(float),
        "start": daily["start"], "end": daily["end"],
    })
    data["row_label"] = [house.name_role(n, r) for n, r in zip(data["name"], data["role"])]
    data["value_label"] = [("约" if a else "") + (f"{lo:g}—{hi:g}" if lo != hi else f"{lo:g}")
                           for lo, hi, a in zip(data["low"], data["high"], data["approx"])]
    return data.reset_index(drop=True)


def draw_workload(data: pd.DataFrame, source: house.SourceNote, *, width="col3", height_mm: float | None = None,
                  settings=None):
    height = height_mm or 36 + 7.0 * len(data)
    title = titles.workload_finding(data) or "每天要处理多少件"
    with house.style():
        figure = house.new_figure(house.Frame(title, source, width, height,
                                              "每天要处理多少件。横条为原文给出的区间（如“200到300”），圆点为单一数字；"
                                              "虚线、空心与“约”表示约数", settings))
        axes = figure.add_subplot()
        for y, item in data.iterrows():
            if item["is_range"]:
                axes.plot([item["low"], item["high"]], [y, y], color=house.INK, linewidth=2.2,
                          linestyle=(0, (2, 1)) if item["approx"] else "-", solid_capstyle="butt")
                axes.scatter([item["low"], item["high"]], [y, y], marker="|", s=30, color=house.INK, linewidths=0.8)
            else:
                face = "white" if item["approx"] else house.INK
                axes.scatter([item["low"]], [y], s=16, facecolors=face, edgecolors=house.INK, linewidths=0.8, zorder=3)
            axes.annotate(f"{item['value_label']} {item['counted']}", (item["high"], y), xytext=(4, 0),
                          textcoords="offset points", va="center", fontsize=house.SMALL_PT, color=house.GREY_DARK)
        axes.set_yticks(range(len(data)), data["row_label"])
        axes.set_ylim(len(data) - 0.5, -0.5)
        axes.set_xlim(0, data["high"].max() * 1.3)
        axes.set_xlabel("件/天")
        axes.tick_params(axis="y", length=0)
        axes.spines["left"].set_visible(False)
        axes.grid(axis="x")
        axes.set_axisbelow(True)
    return figure
