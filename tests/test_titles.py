"""Finding titles: each chart's title states what its own data shows, and an editor can replace it."""
import warnings
from pathlib import Path

import matplotlib
import pandas as pd
import pytest

from analysis.corpus import load_article
from analysis.figures import house, make_charts, titles
from analysis.figures import tenure, workload
from analysis.pipeline import all_tables, analyse

matplotlib.use("Agg")
REALWORLD = Path(__file__).parent / "data" / "realworld"
SOURCE = house.SourceNote("某报", "2017-11", "一篇报道")


def _people(years):
    return pd.DataFrame({"section_id": [f"p{i:02d}" for i in range(len(years))],
                         "name": [f"人{i}" for i in range(len(years))], "role": ["话务员"] * len(years),
                         "joined_year": years})


def _workloads(rows):
    return pd.DataFrame([{"section_id": f"p{i:02d}", "name": name, "role": "", "counted": counted, "low": low,
                          "high": high, "approx": False, "period": "天", "start": i, "end": i + 1}
                         for i, (name, counted, low, high) in enumerate(rows)])


def test_tenure_title_names_the_year_most_people_joined():
    data = tenure.tenure_data(_people([2012, 2014, 2012, None, 2012]), 2017)
    assert titles.tenure_finding(data) == "3人在2012年入职"


def test_tenure_title_gives_the_span_when_no_year_is_shared_or_the_largest_groups_tie():
    assert titles.tenure_finding(tenure.tenure_data(_people([2016, 2009, 2011]), 2017)) == "入职年份从2009年到2016年，相隔7年"
    tied = tenure.tenure_data(_people([2010, 2010, 2015, 2015]), 2017)
    assert titles.tenure_finding(tied) == "入职年份从2010年到2015年，相隔5年"
    assert titles.tenure_finding(tenure.tenure_data(_people([None, None]), 2017)) == "文中没有给出2人的入职年份"


def test_workload_title_names_the_busiest_and_no_one_on_a_tie():
    data = workload.workload_data(_workloads([("甲", "电话", 60, 60), ("乙", "工单", 200, 300)]))
    assert titles.workload_finding(data) == "乙每天处理工单最多：200—300件"
    tie = workload.workload_data(_workloads([("甲", "电话", 100, 100), ("乙", "工单", 100, 100)]))
    assert titles.workload_finding(tie) == "2人每天最多处理100件"


def test_matrix_and_dispersion_titles_name_the_theme_that_reaches_most_people():
    data = pd.DataFrame({"row_label": ["四心·耐心", "四心·耐心", "桥梁", "桥梁"], "column": [0, 1, 0, 1],
                         "count": [2, 1, 1, 0], "highlighted": [False] * 4})
    assert titles.matrix_finding(data) == "2位人物的稿子都讲到“耐心”"
    data["highlighted"] = [False, False, True, True]  # picked: the finding is about the picks
    assert titles.matrix_finding(data) == "“桥梁”最常见：2位人物中1位的稿子讲到"
    hits = pd.DataFrame({"row_label": ["耐心", "耐心", "桥梁"], "section_id": ["p01", "p02", "p01"],
                         "highlighted": [False] * 3})
    sections = pd.DataFrame({"start": [0, 50, 90], "section_id": ["p01", "p02", "p03"]})
    assert titles.dispersion_finding(hits, sections) == "“耐心”分布最广：出现在3段人物稿中的2段"
    one = hits.assign(section_id="p01")  # a tie is named as one, never as the leader
    assert titles.dispersion_finding(one, sections) == "“耐心”等2个分布最广：出现在3段人物稿中的1段"
    assert titles.dispersion_finding(hits.iloc[1:], sections.iloc[:1]) == "“耐心”等2个提及最多：各1次"


def test_cloud_and_family_titles_name_the_most_frequent_word():
    assert titles.cloud_finding(pd.DataFrame({"word": ["市民", "电话"], "count": [9, 12]})) == "说得最多的词是“电话”：12次"
    assert titles.cloud_finding(pd.DataFrame({"word": ["市民", "电话"], "count": [12, 12]})) == "说得最多的词是“市民”等2个：各12次"
    family = pd.DataFrame({"word": ["耐心", "耐心", "爱心"], "count": [2, 3, 4]})
    family.attrs["more"] = 3
    assert titles.family_finding(family, "心") == "5个“心”字词里，“耐心”最多：5次"


def _title(figure) -> str:
    return figure.texts[0].get_text()


def test_an_editor_title_from_print_yaml_replaces_the_finding(tmp_path):
    text = house.SETTINGS_FILE.read_text(encoding="utf-8").replace("titles: {}", "titles:\n  04_tenure: 编辑写的标题")
    (tmp_path / "print.yaml").write_text(text, encoding="utf-8")
    settings = house.load_settings(tmp_path / "print.yaml")
    assert settings.title_for("04_tenure") == "编辑写的标题" and settings.title_for("03_daily_workload") is None
    tables = {"profiles": pd.DataFrame({"id": ["p00"], "name": ["人0"], "start": [0]}),
              "people": _people([2012]).assign(section_id=["p00"])}
    charts = {chart.name: chart for chart in make_charts(tables, SOURCE, settings=settings)}
    assert _title(charts["04_tenure"].figure) == "编辑写的标题"
    default = {chart.name: chart for chart in make_charts(tables, SOURCE)}
    assert _title(default["04_tenure"].figure) == "人02012年入职"


def test_people_labels_use_half_width_brackets_which_take_less_room():
    data = workload.workload_data(_workloads([("孟莹", "回访工单", 150, 180)]).assign(role=["回访组组长"]))
    assert data["row_label"].tolist() == ["孟莹(回访组组长)"]
    assert (house.text_width_mm("孟莹(回访组组长)", house.LABEL_PT)
            < house.text_width_mm("孟莹（回访组组长）", house.LABEL_PT) - 1.0)


@pytest.fixture(scope="module", params=["xinhua-2011-train-dispatcher-li-dongsheng", "hainan-2023-12345-guo-yingnan"])
def realworld_charts(request):
    with warnings.catch_warnings():  # the loader's notes on real articles are not this test's subject
        warnings.simplefilter("ignore")
        article = load_article(REALWORLD / request.param)
        tables = all_tables(analyse(article))
    return tables, {c.name: c for c in make_charts(tables, house.SourceNote.from_metadata(article.metadata))}


def test_every_chart_of_a_real_article_has_a_finding_title_true_to_its_data(realworld_charts):
    tables, charts = realworld_charts
    assert charts
    descriptive = {"他们何时入职", "每天要处理多少件", "主题在全文中的位置", "报道里说得最多的词"}
    for name, chart in charts.items():
        title = _title(chart.figure)
        assert title and title not in descriptive, (name, title)
    if "04_tenure" in charts:
        assert _title(charts["04_tenure"].figure).startswith(titles.tenure_finding(charts["04_tenure"].data)[:6])
    if "06_word_cloud" in charts:
        top = charts["06_word_cloud"].data.sort_values("count", ascending=False).iloc[0]
        assert f"“{top['word']}”：{top['count']}次" in _title(charts["06_word_cloud"].figure)
