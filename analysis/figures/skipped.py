"""Charts not drawn, and why: one record per chart, one Chinese line in the report's summary.

A chart with nothing to show (no profile, no joined year, no theme hit ...) is not an error: the
figure set goes on without it, and the report says which chart and why, e.g.
"图 04 入职年份：文中没有人物的入职年份，未绘制。". The chart names and the reasons live here only;
`build.py` decides which reason applies.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

# The short Chinese name of each chart, by the chart's file stem (its id).
CHART_NAMES = {
    "01_themes_by_staff": "各人物的主题", "02_heart_family": "“心”字词族", "03_daily_workload": "每日工作量",
    "04_tenure": "入职年份", "05_keyness": "各人物的关键词", "06_word_cloud": "词云",
    "07_theme_dispersion": "主题在全文的分布", "08_theme_cooccurrence": "主题共现",
    "09a_themes_by_staff_picked": "编辑选定的主题（各人物）", "09b_theme_dispersion_picked": "编辑选定的主题（全文分布）",
    "09c_theme_cooccurrence_picked": "编辑选定的主题（共现）", "10_pull_quote": "提要引语",
}


class Reason(Enum):
    """Why a chart has nothing to show (the value is the sentence the summary prints)."""

    NO_PROFILES = "文中没有人物段落"
    NO_THEME_HITS = "编码表的主题在文中一次也没有命中"
    NO_THEME_IN_PROFILES = "编码表的主题在人物段落里一次也没有命中"
    ONE_THEME = "文中只命中了一个主题，谈不上共现"
    NO_FAMILY_WORDS = "人物段落里没有“心”字词"
    NO_WORKLOAD = "文中没有人物的每日工作量"
    NO_PEOPLE = "文中没有认出人物"
    NO_JOINED_YEAR = "文中没有人物的入职年份"
    NO_KEY_WORDS = "人物段落里没有可靠的关键词（至少出现 3 次、且明显多于日常中文）"
    NO_WORDS = "文中没有可以入图的词"
    NO_PICKED_THEMES = "编辑没有选主题或候选词"
    PICKS_NOT_IN_PROFILES = "编辑选定的主题在人物段落里没有命中"
    PICKS_NOT_FOUND = "编辑选定的主题在文中没有命中"
    ONE_PICKED_THEME = "算上编辑选定的，文中也只有一个主题有命中，谈不上共现"
    NO_QUOTE_DATA = "编辑选定的引语在引语表里找不到"


SKIP_LINE = re.compile(r"^图 \d\d\w? ")  # how a skip line starts in the summary (notebook 04 reads them back)


@dataclass(frozen=True)
class Skipped:
    """A chart not drawn: its id (file stem, e.g. 04_tenure) and the reason."""

    chart: str
    reason: Reason

    @property
    def line(self) -> str:
        number = self.chart.split("_")[0]
        return f"图 {number} {chart_name(self.chart)}：{self.reason.value}，未绘制。"


def chart_name(chart: str) -> str:
    """The Chinese name of a chart id; a pull quote's number (10_pull_quote_2) is not part of it."""
    return CHART_NAMES.get(chart) or CHART_NAMES.get(re.sub(r"_\d+$", "", chart), chart)


def skip_lines(lines: list[str]) -> list[str]:
    """The skip lines among a summary's lines."""
    return [line for line in lines if SKIP_LINE.match(line)]
