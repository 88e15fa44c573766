"""Chart 4: when each person joined, as a timeline up to the article's date; unknown shown as unknown.

A known year is a dot with a line to the year of publication (the length is the tenure); a person
whose profile gives no year keeps a row, with a hollow question mark and "文中未提入职年份"
instead of a guessed bar.
"""
from __future__ import annotations

import pandas as pd

from . import house, titles

UNKNOWN_LABEL = "文中未提入职年份"


def tenure_data(people: pd.DataFrame, as_of_year: int | None) -> pd.DataFrame:
    """One row per person: joined year (or none), the years up to `as_of_year`, and the row order.

    The people drawn are the profiled ones (a year or an unknown) and anyone else whose joining
    year the text gives; a person merely named in passing (a caller) is not a row."""
    joined_known = pd.to_numeric(people["joined_year"], errors="coerce").notna()
    people = people[people["section_id"].notna() | joined_known].drop_duplicates("name")
    joined = pd.to_numeric(people["joined_year"], errors="coerce")
    data = pd.DataFrame({
        "section_id": people["section_id"], "name": people["name"], "role": people["role"].astype(object).fillna(""),
        "joined_year": joined.astype("Int64"), "known": joined.notna(),
        "as_of_year": as_of_year,
        "years": (as_of_year - joined).astype("Int64") if as_of_year else pd.array([pd.NA] * len(people), "Int64"),
    })
    data = data.sort_values(["known", "joined_year", "section_id"], ascending=[False, True, True], kind="stable")
    data["row"] = range(len(data))
    data["row_label"] = [house.name_role(n, r) for n, r in zip(data["name"], data["role"])]
    return data.reset_index(drop=True)


def draw_tenure(data: pd.DataFrame, source: house.SourceNote, *, width="col2", height_mm: float | None = None,
                settings=None):
    as_of = data["as_of_year"].dropna()
    as_of = int(as_of.iloc[0]) if len(as_of) else None
    known = data[data["known"]]
    first = int(known["joined_year"].min()) if len(known) else (as_of or 2000) - 10
    last = as_of or int(known["joined_year"].max())
    height = height_mm or 34 + 5.6 * len(data)
    standfirst = "他们何时入职。" + (f"圆点为入职年份，横线到{last}年（报道之时）" if as_of else "圆点为入职年份")
    title = titles.tenure_finding(data) or "他们何时入职"
    with house.style():
        figure = house.new_figure(house.Frame(title, source, width, height, standfirst, settings))
        axes = figure.add_subplot()
        for item in data.itertuples():
            if item.known:
                if as_of:
                    axes.plot([item.joined_year, as_of], [item.row, item.row], color=house.GREY, linewidth=1.6,
                              solid_capstyle="butt", zorder=1)
                axes.scatter([item.joined_year], [item.row], s=18, color=house.INK, zorder=2)
                note = f"{item.joined_year}年" + ((f"，约{item.years}年" if item.years else "，当年") if as_of else "")
                axes.annotate(note, (item.joined_year, item.row), xytext=(-4, 0), textcoords="offset points",
                              ha="right", va="center", fontsize=house.SMALL_PT, color=house.GREY_DARK)
            else:
                axes.annotate("？ " + UNKNOWN_LABEL, (last, item.row), xytext=(0, 0), textcoords="offset points",
                              ha="right", va="center", fontsize=house.SMALL_PT, color=house.GREY)
        axes.set_yticks(data["row"], data["row_label"])
        axes.set_ylim(len(data) - 0.5, -0.5)
        axes.set_xlim(first - 4.5, last + 0.8)
        axes.xaxis.set_major_locator(_year_locator(first - 3, last))
        axes.xaxis.set_major_formatter(lambda value, _: f"{int(value)}")
        axes.tick_params(axis="y", length=0)
        axes.spines["left"].set_visible(False)
        axes.grid(axis="x")
        axes.set_axisbelow(True)
    return figure


def _year_locator(first: int, last: int):
    from matplotlib.ticker import MaxNLocator

    return MaxNLocator(nbins=min(8, max(2, last - first)), integer=True)
