"""`make report` never crashes: articles with many profiles, one, none, and no headings at all.

Each shape is a small invented text. The report finishes, writes its tables, page and the figures
that have data; every chart it does not draw has one Chinese line in its summary (and in
summary.txt) saying why, and a drawn chart has none; the warning that no headings were found is in
the summary too, in Chinese. The notebooks run once, on the text without headings (slow).
"""
import warnings
from dataclasses import dataclass
from pathlib import Path

import pytest

from analysis.corpus import ArticleWarning
from analysis.figures import Reason, Skipped
from analysis.figures.skipped import CHART_NAMES, skip_lines
from analysis.report import SUMMARY_NAME, ReportResult, build_report

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


@dataclass
class Reported:
    result: ReportResult
    summary: list[str]  # the lines of summary.txt

    @property
    def drawn(self) -> set[str]:
        return {path.stem for path in self.result.written if path.suffix == ".pdf" and path.parent.name == "figures"}

    def skip_line(self, chart: str) -> list[str]:
        return [line for line in skip_lines(self.summary) if line.startswith(f"图 {chart.split('_')[0]} ")]


@pytest.fixture(scope="module")
def reported(tmp_path_factory):
    """Each shape's report, run once for the tests of this module."""
    done: dict[str, Reported] = {}

    def run(shape: str) -> Reported:
        if shape not in done:
            folder = tmp_path_factory.mktemp(shape)
            result = _report(folder, shape)
            summary = (folder / "out" / shape / SUMMARY_NAME).read_text(encoding="utf-8").splitlines()
            done[shape] = Reported(result, summary)
        return done[shape]
    return run


@pytest.mark.parametrize("shape, profiles", [("nine", 9), ("one", 1), ("themes", 0), ("plain", 0)])
def test_report_finishes_on_every_shape(reported, shape, profiles):
    report = reported(shape)
    assert any(f"{profiles} " in note for note in report.result.notes), report.result.notes
    assert all(path.exists() for path in report.result.written)
    names = {path.name for path in report.result.written}
    assert {"profiles.csv", "sections.csv", "editors.html", SUMMARY_NAME} <= names
    assert ("04_tenure" in report.drawn) == (profiles > 0)  # no people with a known year: no chart, no crash


@pytest.mark.parametrize("shape", ["nine", "one", "themes", "plain"])
def test_each_chart_is_drawn_or_has_one_line_saying_why(reported, shape):
    report = reported(shape)
    assert report.summary == report.result.notes  # summary.txt: what the console prints after the folders
    for chart in (c for c in CHART_NAMES if not c.startswith(("09", "10"))):  # 9, 10: only with picks
        lines = report.skip_line(chart)
        assert len(lines) == (chart not in report.drawn), (chart, report.drawn, lines)
        assert all(line.endswith("，未绘制。") and CHART_NAMES[chart] in line for line in lines)
    assert not any(line.startswith(("图 09", "图 10")) for line in skip_lines(report.summary))


@pytest.mark.parametrize("shape", ["themes", "plain"])
def test_an_article_without_profiles_says_so_in_chinese(reported, shape):
    report = reported(shape)
    warning = [line for line in report.summary if line.startswith("注意：没有找到点出人物的小标题")]
    assert len(warning) == 1 and "no profile headings" not in "".join(report.summary)
    assert ("无主角的分节" in warning[0]) == (shape == "themes")
    for chart in ("01_themes_by_staff", "02_heart_family", "05_keyness"):
        assert report.skip_line(chart) == [Skipped(chart, Reason.NO_PROFILES).line]
    assert "06_word_cloud" in report.drawn and not report.skip_line("06_word_cloud")


def test_profiles_with_years_and_workloads_draw_those_charts(reported):
    report = reported("nine")
    assert {"01_themes_by_staff", "03_daily_workload", "04_tenure"} <= report.drawn
    assert not any(line.startswith("注意：") for line in report.summary)


def test_a_year_unknown_for_everyone_skips_the_tenure_chart(reported):
    SHAPES["noyear"] = _profiles(2).replace("自2015年进入热线中心以来", "在热线中心")
    report = reported("noyear")
    assert "04_tenure" not in report.drawn
    assert report.skip_line("04_tenure") == ["图 04 入职年份：文中没有人物的入职年份，未绘制。"]


@pytest.mark.parametrize("shape", ["nine", "plain"])
def test_with_picks_each_picked_chart_is_drawn_or_skipped_once(shape):
    from analysis.corpus import Metadata, parse_article
    from analysis.figures import each_chart, house
    from analysis.pipeline import all_tables, analyse

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ArticleWarning)
        tables = all_tables(analyse(parse_article(SHAPES[shape], Metadata(id=shape, published="2017-11"))))
    picks = house.Picks({tables["candidates"]["candidate_id"].iloc[0]: None},
                        tuple(tables["pull_quotes"]["quote_id"].head(1)))
    charts = list(each_chart(tables, house.SourceNote("报", "2017-11", "题"), picks))
    ids = [c.chart if isinstance(c, Skipped) else c.name for c in charts]
    assert sorted(i for i in ids if not i.startswith("10")) == sorted(c for c in CHART_NAMES if not c.startswith("10"))
    assert len([i for i in ids if i.startswith("10_pull_quote")]) == len(picks.quotes)
    reasons = {c.chart: c.reason for c in charts if isinstance(c, Skipped)}
    if shape == "plain":  # a picked keyword: its own dispersion row, but no profile and no theme to share sentences
        assert "09b_theme_dispersion_picked" not in reasons
        assert reasons["09a_themes_by_staff_picked"] == Reason.NO_PROFILES
        assert reasons["09c_theme_cooccurrence_picked"] == Reason.NO_THEME_HITS
    else:
        assert not any(chart.startswith("09") for chart in reasons)


def test_skip_reasons_and_chart_names_are_chinese():
    for text in [reason.value for reason in Reason] + list(CHART_NAMES.values()):
        assert not any("a" <= char.lower() <= "z" for char in text), text
    assert Skipped("10_pull_quote_2", Reason.NO_QUOTE_DATA).line.startswith("图 10 提要引语：")


def test_the_report_console_keeps_english_structure_warnings_off_stderr(tmp_path, capsys):
    from analysis.__main__ import main

    folder = tmp_path / "plain"  # a corpus folder whose text no longer matches its checksum
    folder.mkdir()
    (folder / "article.txt").write_text(SHAPES["plain"], encoding="utf-8")
    (folder / "meta.yaml").write_text(f"id: plain\nsha256: {'0' * 64}\n", encoding="utf-8")
    assert main(["report", str(folder), "--out", str(tmp_path / "out"), "--picks", str(tmp_path / "picks")]) == 0
    out, err = capsys.readouterr()
    assert "no profile headings" not in err and "注意：没有找到点出人物的小标题" in out
    assert "图 01 各人物的主题：文中没有人物段落，未绘制。" in out.splitlines()
    assert "checksum differs" in err  # not a note of the summary: still said, on stderr


def _outputs(notebook: Path) -> str:
    """Every output of an executed notebook as text: streams, Markdown and plain displays, errors."""
    import nbformat

    parts = []
    for cell in nbformat.read(notebook, as_version=4).cells:
        for output in cell.get("outputs", ()):
            parts.append(output.get("text", "") + output.get("ename", ""))
            parts += [output.get("data", {}).get(kind, "") for kind in ("text/markdown", "text/plain")]
    return "\n".join(parts)


def test_notebooks_run_on_an_article_without_headings(tmp_path):
    result = _report(tmp_path, "plain", notebooks=True)
    executed = {p.stem: _outputs(p) for p in result.written if p.suffix == ".ipynb"}
    assert len(executed) == 4
    # Where there is nothing to show, a Chinese sentence; the structure note in Chinese, not in English.
    assert "这篇文章没有人物段落" in executed["01_corpus"] and "注意： 没有找到点出人物的小标题" in executed["01_corpus"]
    assert "没有可比的人物段落" in executed["02_themes"]
    assert not any("no profile headings" in text for text in executed.values())
    # Notebook 04 shows the charts the report drew and says which it did not draw, from summary.txt.
    skipped = skip_lines(result.notes)
    assert skipped and all(line in executed["04_figures"] for line in skipped)
