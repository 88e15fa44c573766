"""Chart 2: the 四心 and the whole 心 family, which member words each profile uses and how often.

Rows are the family's words (the slogan's members first, marked ★), columns the profiles in
article order; the dot's area and the number beside it are the count. The slogan that names the
family (a `slogans` row whose members all contain the morpheme) decides which words are members.
"""
from __future__ import annotations

import json
import re

import pandas as pd

from . import house, titles

AREA_PER_COUNT = 14.0
MEMBER_MARK = "★"
MAX_ROWS = 24  # more words than this are named as "另有N个词" in the standfirst, never dropped silently


def slogan_members(slogans: pd.DataFrame | None, morpheme: str) -> tuple[str | None, list[str]]:
    """(label, members) of the first slogan whose members all contain `morpheme`, else (None, [])."""
    if slogans is None or slogans.empty:
        return None, []
    for label, members in zip(slogans["label"], slogans["members"]):
        words = _members(members)
        if words and all(morpheme in w for w in words):
            return label, words
    return None, []


def _members(members) -> list[str]:
    if isinstance(members, (list, tuple)):
        return [str(m) for m in members]
    if not isinstance(members, str):
        return []
    if members.startswith("["):
        return [str(m) for m in json.loads(members)]
    return [m for m in re.split(r"[、,，|;；\s]+", members) if m]


def family_data(morpheme_families: pd.DataFrame, profiles: pd.DataFrame, slogans: pd.DataFrame | None = None,
                morpheme: str = "心", max_words: int = MAX_ROWS) -> pd.DataFrame:
    """One row per (word, profile) with a count > 0: grid position, count, slogan membership.

    Words beyond `max_words` (the rarest) are counted in `data.attrs["more"]` for the standfirst."""
    label, members = slogan_members(slogans, morpheme)
    family = morpheme_families[(morpheme_families["morpheme"] == morpheme) & (morpheme_families["count"] > 0)]
    family = family[family["section_id"].isin(profiles["id"])]
    totals = family.groupby("word")["count"].sum()
    others = [w for w in totals.sort_values(ascending=False, kind="stable").index if w not in members]
    ranked = [w for w in members if w in totals.index] + others
    words = ranked[:max_words]
    family = family[family["word"].isin(words)]
    names = dict(zip(profiles["id"], profiles["name"]))
    columns = {p: i for i, p in enumerate(profiles["id"])}
    data = pd.DataFrame({
        "word": family["word"], "section_id": family["section_id"],
        "column_label": [house.profile_label(p, names.get(p)) for p in family["section_id"]],
        "count": family["count"].astype(int),
        "member_of": [label if w in members else "" for w in family["word"]],
        "row": family["word"].map({w: i for i, w in enumerate(words)}),
        "column": family["section_id"].map(columns),
    })
    data = data.groupby(["word", "section_id", "column_label", "member_of", "row", "column"], as_index=False)["count"] \
        .sum().sort_values(["row", "column"], ignore_index=True)
    data.attrs["more"] = len(ranked) - len(words)
    return data


def draw_family(data: pd.DataFrame, profiles: pd.DataFrame, source: house.SourceNote, morpheme: str = "心", *,
                width="col3", height_mm: float | None = None, settings=None):
    rows = int(data["row"].max()) + 1
    height = height_mm or 36 + 5.0 * rows
    slogan = next((m for m in data["member_of"] if m), None)
    described = f"“{slogan}”与“{morpheme}”字词族：谁说了哪一颗心" if slogan else f"“{morpheme}”字词族：谁说了什么"
    title = titles.family_finding(data, morpheme) or described
    standfirst = described + (f"。数字＝该词在人物稿中出现的次数；{MEMBER_MARK}为“{slogan}”的成员词" if slogan
                              else "。数字＝该词在人物稿中出现的次数")
    if data.attrs.get("more"):
        standfirst += f"；另有{data.attrs['more']}个词各出现较少，未列出（见表格 morpheme_families.csv）"
    with house.style():
        figure = house.new_figure(house.Frame(title, source, width, height, standfirst, settings))
        axes = figure.add_subplot()
        members = data["member_of"] != ""
        for row in range(rows):
            axes.axhline(row, color=house.GREY_RULE, linewidth=0.4, zorder=0)
        axes.scatter(data["column"], data["row"], s=data["count"] * AREA_PER_COUNT, linewidths=0,
                     c=[house.INK if m else house.GREY for m in members], zorder=2)
        for item in data.itertuples():
            axes.annotate(str(item.count), (item.column, item.row), xytext=(3 + item.count ** 0.5 * 1.9, 0),
                          textcoords="offset points", va="center", fontsize=house.SMALL_PT, color=house.GREY_DARK)
        labels = data.drop_duplicates("row").sort_values("row")
        axes.set_yticks(labels["row"], [(MEMBER_MARK + " " if m else "") + w for w, m in zip(labels["word"], labels["member_of"])])
        axes.set_xticks(range(len(profiles)), [house.profile_label(p, n) for p, n in zip(profiles["id"], profiles["name"])])
        axes.xaxis.tick_top()
        axes.set_xlim(-0.6, len(profiles) - 0.3)
        axes.set_ylim(rows - 0.5, -0.6)
        axes.tick_params(length=0)
        for spine in axes.spines.values():
            spine.set_visible(False)
    return figure
