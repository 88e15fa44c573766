"""Finding titles: each chart's headline states what its data shows, computed from that data.

A news graphic's title says the finding ("4人在2012年入职"); what the chart shows ("他们何时入职")
moves to the standfirst. Every function here takes exactly the frame the chart plots and returns
a title, or None when the data has no single finding (the chart then keeps its descriptive title).
Nothing here knows the article: the words come from the data. An editor can replace any chart's
title in analysis/figures/print.yaml (`titles:`, by chart name), see `house.PrintSettings`.
"""
from __future__ import annotations

import pandas as pd


def matrix_finding(data: pd.DataFrame) -> str | None:
    """The theme that reaches the most people (picked themes only, when any is highlighted)."""
    if data.empty:
        return None
    people = data["column"].nunique()
    rows = data[data["highlighted"]] if data["highlighted"].any() else data
    reach = rows[rows["count"] > 0].groupby("row_label", sort=False)["column"].nunique()
    if reach.empty:
        return None
    label, count, ties = _leader(reach)
    name = _named(label, ties)
    if people == 1:
        return f"{name}出现在这篇人物稿中"
    if count == people:
        return f"{people}位人物的稿子都讲到{name}"
    return f"{name}最常见：{people}位人物中{count}位的稿子讲到"


def family_finding(data: pd.DataFrame, morpheme: str) -> str | None:
    """The most frequent word of the family and how many words it has."""
    if data.empty:
        return None
    totals = data.groupby("word", sort=False)["count"].sum()
    words = len(totals) + int(data.attrs.get("more", 0))
    top, count, ties = _leader(totals)
    return f"{words}个“{morpheme}”字词里，{_named(top, ties, short=False)}最多：{_each(ties)}{count}次"


def workload_finding(data: pd.DataFrame) -> str | None:
    """The busiest stated day (by the upper end of a range); a tie names no one."""
    if data.empty:
        return None
    top = data[data["high"] == data["high"].max()]
    item = top.iloc[0]
    if top["name"].nunique() > 1:
        return f"{top['name'].nunique()}人每天最多处理{item['value_label']}件"
    what = str(item["counted"]).strip() if isinstance(item["counted"], str) else ""
    if len(data) == 1:
        return f"{item['name']}每天处理{what}{item['value_label']}件"
    return f"{item['name']}每天处理{what}最多：{item['value_label']}件"


def tenure_finding(data: pd.DataFrame) -> str | None:
    """The year most people joined, or the span of years when no year is shared."""
    known = data[data["known"]]
    if known.empty:
        return f"文中没有给出{len(data)}人的入职年份" if len(data) else None
    years = known["joined_year"].astype(int)
    counts = years.value_counts()
    top = counts[counts == counts.max()]
    if counts.max() > 1 and len(top) == 1:
        return f"{int(counts.max())}人在{int(top.index[0])}年入职"
    if len(known) == 1:
        return f"{known.iloc[0]['name']}{int(years.iloc[0])}年入职"
    return f"入职年份从{years.min()}年到{years.max()}年，相隔{years.max() - years.min()}年"


def cloud_finding(data: pd.DataFrame) -> str | None:
    """The most frequent content word."""
    if data.empty:
        return None
    word, count, ties = _leader(data.set_index("word")["count"])
    return f"说得最多的词是{_named(word, ties, short=False)}：{_each(ties)}{count}次"


def dispersion_finding(data: pd.DataFrame, sections: pd.DataFrame) -> str | None:
    """The theme spread over the most profiles (picked themes only, when any is highlighted)."""
    if data.empty:
        return None
    rows = data[data["highlighted"]] if data["highlighted"].any() else data
    profiled = rows[rows["section_id"].isin(sections["section_id"])] if "section_id" in sections else rows.iloc[0:0]
    if len(sections) > 1 and not profiled.empty:
        label, count, ties = _leader(profiled.groupby("row_label", sort=False)["section_id"].nunique())
        if count == len(sections):
            return f"{_named(label, ties)}贯穿全文：{count}段人物稿都有"
        return f"{_named(label, ties)}分布最广：出现在{len(sections)}段人物稿中的{count}段"
    label, count, ties = _leader(rows.groupby("row_label", sort=False).size())
    return f"{_named(label, ties)}提及最多：{_each(ties)}{count}次"


def _leader(values: pd.Series) -> tuple[str, int, int]:
    """The first label with the largest value (in the chart's own order), the value, and how many share it."""
    top = values.max()
    leaders = values[values == top]
    return str(leaders.index[0]), int(top), len(leaders)


def _named(label: str, ties: int, short: bool = True) -> str:
    """“耐心”, or “耐心”等3个 when others share the lead: a title never crowns one of a tie."""
    quoted = f"“{_short(label) if short else label}”"
    return quoted if ties == 1 else f"{quoted}等{ties}个"


def _each(ties: int) -> str:
    return "各" if ties > 1 else ""


def _short(label: str) -> str:
    """A sub-theme's row label without its parent (四心·耐心 -> 耐心) reads better in a headline."""
    return str(label).split("·")[-1]
