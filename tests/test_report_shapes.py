"""`make report` never crashes: articles with many profiles, one, none, and no headings at all.

Each shape is a small invented text (from helper `structure`'s branch, reduced to what main's
report promises today: it finishes, writes its tables, page and the figures that have data, and
says when no headings were found). The notebooks run once, on the text without headings (slow).
"""
import warnings
from pathlib import Path

import pytest

from analysis.corpus import ArticleWarning
from analysis.report import build_report

BODY = "{name}自2015年进入热线中心以来，每天接听200多个电话。{name}说：“市民的事没有小事。”同事们都说{name}很耐心。"
ROLES = ["话务员", "接线员", "质检员", "回访员", "预审员", "班长", "信息员", "督办员", "组长"]
NAMES = ["李小红", "张建华", "王秀兰", "刘志强", "陈美玲", "杨国庆", "赵丽娟", "周海波", "吴春梅"]


def _profiles(count: int) -> str:
    blocks = [f"{ROLES[i]}{NAMES[i]}：用心服务每一天\n{BODY.format(name=NAMES[i])}" for i in range(count)]
    return "热线里的服务之星\n\n导语一段，介绍评选活动。\n\n" + "\n\n".join(blocks) + "\n\n本报记者 孙一鸣\n"


SHAPES = {
    "nine": _profiles(9),
    "one": _profiles(1),
    "themes": ("节日里的坚守者\n\n当人们欢度佳节时，很多人仍在岗位上忙碌。\n\n"
               "坚守：节日我们在岗\n凌晨五点，环卫工人已经在街头清扫了一个小时。大家说，过节也习惯了。\n\n"
               "奉献：为了千家万户\n供电所的抢修班一夜没合眼。只要家家户户灯亮着，大家就踏实。\n"),
    "plain": "这是一篇没有小标题的短文。记者来到社区，看到居民们在排队办事。一位居民说：“现在办事方便多了。”\n",
}


def _report(tmp_path: Path, shape: str, notebooks: bool = False):
    path = tmp_path / f"{shape}.txt"
    path.write_text(SHAPES[shape], encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ArticleWarning)
        return build_report(path, output=tmp_path / "out", picks_dir=tmp_path / "picks", notebooks=notebooks)


@pytest.mark.parametrize("shape, profiles", [("nine", 9), ("one", 1), ("themes", 0), ("plain", 0)])
def test_report_finishes_on_every_shape(tmp_path, shape, profiles):
    result = _report(tmp_path, shape)
    assert any(f"{profiles} " in note for note in result.notes), result.notes
    assert all(path.exists() for path in result.written)
    names = {path.name for path in result.written}
    assert {"profiles.csv", "sections.csv", "editors.html"} <= names
    tenure = any(name.startswith("04_tenure") and name.endswith(".pdf") for name in names)
    assert tenure == (profiles > 0)  # no people with a known year: no tenure chart, and no crash
    if shape == "plain":
        assert any("no profile headings found" in note for note in result.notes)


def test_a_year_unknown_for_everyone_skips_the_tenure_chart(tmp_path):
    SHAPES["noyear"] = _profiles(2).replace("自2015年进入热线中心以来", "在热线中心")
    result = _report(tmp_path, "noyear")
    assert not any(path.name.startswith("04_tenure") for path in result.written)


def test_notebooks_run_on_an_article_without_headings(tmp_path):
    result = _report(tmp_path, "plain", notebooks=True)
    executed = [p for p in result.written if p.suffix == ".ipynb"]
    assert len(executed) == 4
