"""Print figures: one SC font everywhere, no missing glyphs, clean PDFs, exact sizes, CSVs that
match the marks, and reference images for a few charts built from small fixed tables."""
from __future__ import annotations

import io
import subprocess
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from matplotlib.testing.compare import compare_images
from PIL import Image, ImageFont

from analysis.figures import build_figures, house, make_charts
from analysis.figures import cloud, dispersion, fonts, keyness, matrix, pullquote, tenure, workload
from analysis.figures.write import Chart, write_chart
from analysis.pipeline import all_tables, analyse

BASELINE = Path(__file__).parent / "baseline"
PICKS = {"theme:patience": "耐心", "theme:same_day": "话毕单成"}
EXPECTED = {"01_themes_by_staff", "02_heart_family", "03_daily_workload", "04_tenure", "05_keyness",
            "06_word_cloud", "07_theme_dispersion", "08_theme_cooccurrence", "09a_themes_by_staff_picked",
            "09b_theme_dispersion_picked", "09c_theme_cooccurrence_picked", "10_pull_quote_1"}
SOURCE = house.SourceNote("淮海晚报", "2017-11", "测试标题")


@pytest.fixture(scope="session")
def tables(article):
    return all_tables(analyse(article))


@pytest.fixture(scope="session")
def source(article):
    return house.SourceNote.from_metadata(article.metadata)


@pytest.fixture(scope="session")
def picks(tables):
    """Two themes and the top pull quote, as a picks file gives them."""
    return house.Picks(PICKS, (tables["pull_quotes"]["quote_id"].iloc[0],))


@pytest.fixture(scope="session")
def built(tables, source, picks, tmp_path_factory):
    out = tmp_path_factory.mktemp("figures")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        paths = build_figures(tables, out, picks, source=source).written
    return out, paths, [str(w.message) for w in caught]


@pytest.fixture(scope="session")
def charts(tables, source, picks):
    return {chart.name: chart for chart in make_charts(tables, source, picks)}


# --- the font -----------------------------------------------------------------------------

def test_matplotlib_and_wordcloud_use_the_same_sc_face():
    from matplotlib import font_manager, ft2font, rcParams
    from wordcloud import WordCloud

    font = fonts.house_font()
    with house.style():
        found = font_manager.findfont(font_manager.FontProperties(family=rcParams["font.family"]),
                                      fallback_to_default=False)
    assert Path(found) == font.path and found.face_index == font.face_index == 0
    # Pillow (what wordcloud draws with) opens face 0 of the same file by default: the same face.
    assert ImageFont.truetype(str(font.path), 20).getname()[0] == font.family
    assert WordCloud(font_path=str(font.path)).font_path == str(font.path)
    # No face of the collection is a Japanese/Korean/Traditional variant to be picked by mistake.
    faces = ft2font.FT2Font(str(font.path)).num_faces
    assert all(ft2font.FT2Font(str(font.path), face_index=i).family_name.startswith("WenQuanYi Micro Hei")
               for i in range(faces))


def test_house_font_covers_the_whole_article(article):
    assert fonts.missing_glyphs(article.text) == []


def test_missing_glyph_is_an_error(tmp_path):
    lacking = "\U00020000"  # CJK Extension B: not in the house font
    assert fonts.missing_glyphs(lacking) == [lacking]
    with house.style():
        figure = house.new_figure(house.Frame("标题", SOURCE, "col2", 40))
        figure.add_subplot().set_xlabel(f"轴{lacking}")
    with pytest.raises(fonts.MissingGlyphError, match=lacking):  # when the figure is saved
        write_chart(Chart("lacking", figure, pd.DataFrame({"a": [1]}), 72), tmp_path)
    with pytest.raises(fonts.MissingGlyphError, match=lacking):  # when a frame measures its title
        with fonts.strict_glyphs(), house.style():
            house.new_figure(house.Frame(f"标题{lacking}", SOURCE, "col2", 40))
    # and the test suite itself turns the raw warning into an error (pyproject filterwarnings)
    with pytest.raises(UserWarning, match="missing from font"):
        with house.style():
            fresh = house.new_figure(house.Frame("标题", SOURCE, "col2", 40))
            fresh.add_subplot().set_title(f"题{lacking}")
            fresh.savefig(io.BytesIO(), format="png")


# --- the whole set from the bundled article -----------------------------------------------

def test_every_figure_is_written_without_glyph_warnings(built):
    out, paths, caught = built
    names = {p.stem for p in paths if p.suffix == ".png"}
    assert names == EXPECTED
    for name in EXPECTED:
        assert {(out / f"{name}.{ext}").exists() for ext in ("pdf", "png", "csv")} == {True}
    assert (out / "contact_sheet.pdf").exists()
    assert not [m for m in caught if "missing from font" in m]


def _pdffonts(path: Path) -> list[list[str]]:
    result = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and result.stderr.strip() == "", result.stderr
    return [line.split() for line in result.stdout.splitlines()[2:] if line.strip()]


def test_pdfs_embed_the_sc_font_and_no_type3(built):
    out, paths, _ = built
    pdfs = [p for p in paths if p.suffix == ".pdf"]
    assert len(pdfs) == len(EXPECTED) + 1
    for pdf in pdfs:
        rows = _pdffonts(pdf)
        assert rows, pdf
        for row in rows:
            name, kind = row[0], " ".join(row[1:3])
            assert name.split("+")[-1] == "WenQuanYiMicroHei", (pdf, row)
            assert kind == "CID TrueType" and "Type 3" not in " ".join(row), (pdf, row)
            assert row[-5] == "yes", (pdf, row)  # emb


def test_png_pixels_and_dpi_match_the_print_size(built):
    from pypdf import PdfReader

    out, paths, _ = built
    settings = house.load_settings()
    named = {round(settings.grid.width_mm(w), 2) for w in ("col1", "col2", "col3", "half", "full")}
    for png in (p for p in paths if p.suffix == ".png"):
        dpi = settings.raster_dpi if png.stem == "06_word_cloud" else settings.png_dpi
        box = PdfReader(png.with_suffix(".pdf")).pages[0].mediabox
        width_mm, height_mm = float(box.width) / 72 * 25.4, float(box.height) / 72 * 25.4
        assert round(width_mm, 2) in named, png
        with Image.open(png) as image:
            expected = np.array([width_mm, height_mm]) / 25.4 * dpi
            assert np.all(np.abs(np.array(image.size) - expected) < 1), (png, image.size, expected)  # matplotlib floors
            assert tuple(round(d) for d in image.info["dpi"]) == (dpi, dpi), png


def test_no_text_smaller_than_the_house_minimum(charts):
    from matplotlib.text import Text

    for name, chart in charts.items():
        sizes = [t.get_fontsize() for t in chart.figure.findobj(Text) if t.get_visible() and t.get_text().strip()]
        assert sizes and min(sizes) >= house.MIN_TEXT_PT, name
    assert charts["06_word_cloud"].data["font_pt"].min() >= house.MIN_TEXT_PT


def test_every_chart_carries_title_source_and_credit(charts, source):
    from matplotlib.text import Text

    for name, chart in charts.items():
        texts = " ".join(t.get_text() for t in chart.figure.findobj(Text))
        assert "数据来源：淮海晚报 2017年11月" in texts and house.load_settings().credit in texts, name


def test_csv_beside_each_figure_is_what_was_plotted(built, charts):
    out, _, _ = built
    for name, chart in charts.items():
        raw = (out / f"{name}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), name  # BOM for Excel and WPS
        written = pd.read_csv(out / f"{name}.csv", encoding="utf-8-sig")
        assert list(written.columns) == list(chart.data.columns) and len(written) == len(chart.data), name


def _offsets(figure):
    from matplotlib.collections import PathCollection

    return np.concatenate([c.get_offsets() for ax in figure.axes for c in ax.collections
                           if isinstance(c, PathCollection) and len(c.get_offsets())])


def test_matrix_marks_are_the_csv_rows(charts):
    chart = charts["01_themes_by_staff"]
    plotted = chart.data[chart.data["count"] > 0]
    marks = {tuple(p) for p in _offsets(chart.figure).tolist()}
    assert marks == {(float(c), float(r)) for c, r in zip(plotted["column"], plotted["row"])}


def test_dispersion_ticks_sit_at_the_hit_offsets(charts, tables):
    chart = charts["07_theme_dispersion"]
    assert sorted(_offsets(chart.figure)[:, 0]) == sorted(chart.data["start"].astype(float))
    hits = tables["theme_hits"]
    assert set(chart.data["start"]) <= set(hits["start"])


def test_highlighted_versions_mark_the_picks(charts):
    data = charts["09a_themes_by_staff_picked"].data
    assert set(data.loc[data["highlighted"], "theme_id"]) == {"patience", "same_day"}
    assert "话毕单成" in set(data.loc[data["theme_id"] == "same_day", "row_label"])  # the print label
    colours = {tuple(np.round(c, 3)) for coll in charts["09b_theme_dispersion_picked"].figure.axes[0].collections
               for c in coll.get_edgecolors()}
    assert tuple(np.round(house_rgba(house.ACCENT), 3)) in colours
    assert not charts["01_themes_by_staff"].data["highlighted"].any()


def house_rgba(colour):
    from matplotlib.colors import to_rgba

    return to_rgba(colour)


def test_word_cloud_is_horizontal_repeatable_and_keeps_names_whole(tables, charts):
    data = charts["06_word_cloud"].data
    words = set(data["word"])
    assert {"周蓝蓝", "韩朋友", "话务员"} <= words
    assert not {"蓝蓝", "朋友", "没有", "就是", "进行"} & words
    frame = cloud.cloud_frame(SOURCE)
    first, again = (cloud.cloud_data(tables["tokens"], frame, 150)[0] for _ in range(2))
    assert first.layout_ == again.layout_
    assert all(orientation is None for _, _, _, orientation, _ in first.layout_)


# --- chart functions on small tables written for the test ---------------------------------

def _workloads():
    return pd.DataFrame({
        "article_id": "t", "section_id": ["p01", "p02", "p03"], "name": ["甲一", "乙二", "丙三"],
        "role": ["话务员", "预审员", None], "low": [200.0, 60.0, 6.0], "high": [300.0, None, 7.0],
        "approx": [False, True, False], "counted": ["电话", "工单", "夜班"], "period": ["每天", "一天", "一个月"],
        "start": [10, 20, 30], "end": [15, 25, 35]})


def test_workload_ranges_and_approximation():
    data = workload.workload_data(_workloads())
    assert list(data["name"]) == ["乙二", "甲一"]  # the monthly 夜班 is not a daily workload
    assert list(data["value_label"]) == ["约60", "200—300"]
    figure = workload.draw_workload(data, SOURCE)
    lines = [line.get_xdata() for line in figure.axes[0].get_lines() if len(line.get_xdata()) == 2]
    assert [list(x) for x in lines] == [[200.0, 300.0]]
    hollow = [c for c in figure.axes[0].collections if len(c.get_facecolors()) and c.get_facecolors()[0][3] == 1
              and tuple(c.get_facecolors()[0][:3]) == (1.0, 1.0, 1.0)]
    assert len(hollow) == 1  # the approximate single figure


def _people():
    return pd.DataFrame({"article_id": "t", "section_id": ["p01", "p02", "p03"], "name": ["甲一", "乙二", "丙三"],
                         "role": ["话务员", "质检员", "话务班长"], "joined_year": pd.array([2012, None, 2016], "Int64"),
                         "joined_evidence": ["2012年", None, "2016年"], "joined_start": [1, None, 5],
                         "joined_end": [2, None, 6]})


def test_tenure_shows_unknown_as_unknown():
    data = tenure.tenure_data(_people(), 2017)
    assert list(data["name"]) == ["甲一", "丙三", "乙二"] and list(data["known"]) == [True, True, False]
    assert list(data["years"].astype("float").fillna(-1)) == [5, 1, -1]
    texts = [t.get_text() for t in tenure.draw_tenure(data, SOURCE).axes[0].texts]
    assert any(tenure.UNKNOWN_LABEL in t for t in texts) and "2012年，约5年" in texts


def _keyness():
    rows = [("p01", "孩子", 9, 300, 50.0, 20.5, 5.6, True), ("p01", "公司", 4, 300, 80.0, 9.0, 4.0, False),
            ("p01", "市民", 2, 300, 90.0, 3.0, 1.0, False), ("p02", "平台", 5, 280, 20.0, 12.0, 4.5, True),
            ("p02", "热线", 6, 280, 9.0, 30.0, 7.2, True)]
    frame = pd.DataFrame(rows, columns=["section_id", "term", "count", "section_words", "reference_per_million",
                                        "g2", "log_ratio", "reliable"])
    frame.insert(0, "article_id", "t")
    return frame


def _profiles():
    return pd.DataFrame({"id": ["p01", "p02", "p03"], "name": ["甲一", "乙二", "丙三"], "start": [0, 100, 200]})


def test_keyness_chart_keeps_only_reliable_words_and_states_the_strongest():
    data = keyness.keyness_data(_keyness(), _profiles())
    assert list(data["term"]) == ["孩子", "热线", "平台"]  # 公司 and 市民 do not pass the guard
    figure = keyness.draw_keyness(data, SOURCE)
    widths = sorted(p.get_width() for ax in figure.axes for p in ax.patches)
    assert widths == sorted(data["log_ratio"])
    assert figure.texts[0].get_text().startswith("“热线”")  # the largest G2 makes the title
    empty = keyness.keyness_data(_keyness().assign(reliable=False), _profiles())
    assert empty.empty


def _theme_matrix():
    themes = [("hearts", "四心", None), ("patience", "耐心", "hearts"), ("bridge", "桥梁", None)]
    counts = {"hearts": [3, 1, 1], "patience": [2, 0, 1], "bridge": [0, 4, 1]}
    rows = [(t, label, parent, p, n, counts[t][i], 500, round(counts[t][i] * 2.0, 2))
            for t, label, parent in themes for i, (p, n) in enumerate(zip(["p01", "p02", "p03"], ["甲一", "乙二", "丙三"]))]
    frame = pd.DataFrame(rows, columns=["theme_id", "theme_label", "parent", "section_id", "name", "count", "chars",
                                        "rate_per_1000"])
    frame.insert(0, "article_id", "t")
    return frame


def test_theme_order_puts_children_under_their_parent():
    assert matrix.theme_order(_theme_matrix()) == ["hearts", "patience", "bridge"]
    data = matrix.matrix_data(_theme_matrix())
    assert data.drop_duplicates("row")["row_label"].tolist() == ["四心", "四心·耐心", "桥梁"]


def test_grid_widths_and_source_line():
    grid = house.Grid(350, 8, 4)
    assert grid.column_mm == pytest.approx(40.25)
    assert grid.width_mm("col2") == pytest.approx(84.5) and grid.width_mm("full") == 350
    assert grid.width_mm("half") == pytest.approx(173.0)
    with pytest.raises(ValueError):
        grid.width_mm("col9")
    assert SOURCE.text == "数据来源：淮海晚报 2017年11月《测试标题》" and SOURCE.year == 2017


# --- reference images: an accidental style change is noticed ------------------------------

REFERENCE_DPI = 100


def _reference_figures():
    hits = pd.DataFrame({"theme_id": ["hearts", "patience", "bridge", "bridge"], "theme_label": ["四心", "耐心", "桥梁", "桥梁"],
                         "parent": [None, "hearts", None, None], "section_id": ["p01", "p01", "p02", "p03"],
                         "sentence_index": [1, 1, 4, 9], "text": ["耐心", "耐心", "桥梁", "桥梁"],
                         "start": [20, 20, 130, 240], "end": [22, 22, 132, 242]})
    return {
        "matrix": matrix.draw_matrix(matrix.matrix_data(_theme_matrix()), SOURCE),
        "tenure": tenure.draw_tenure(tenure.tenure_data(_people(), 2017), SOURCE),
        "workload": workload.draw_workload(workload.workload_data(_workloads()), SOURCE),
        "dispersion": dispersion.draw_dispersion(dispersion.dispersion_data(hits, ["hearts", "patience", "bridge"]),
                                                 dispersion.section_marks(_profiles()), 300, SOURCE),
        "pull_quote": pullquote.draw_pull_quote(pullquote.pull_quote_data(_pull_quote_tables(), ["q:1"])[0], SOURCE)[0],
    }


def _pull_quote_tables():
    quotes = pd.DataFrame({"quote_id": ["q:1"], "rank": [1], "score": [1.0], "section_id": ["p01"], "speaker": ["张小红"],
                           "text": ["只要市民满意,我们再累也值得。这是我们每个人的心里话,也是“四心”服务的本意"],
                           "start": [20], "end": [58]})
    people = pd.DataFrame({"name": ["张小红"], "role": ["话务员"]})
    return {"pull_quotes": quotes, "people": people}


@pytest.mark.parametrize("name", ["matrix", "tenure", "workload", "dispersion", "pull_quote"])
def test_reference_image(name, tmp_path):
    figure = _reference_figures()[name]
    actual = tmp_path / f"{name}.png"
    with house.style(), fonts.strict_glyphs():
        figure.savefig(actual, dpi=REFERENCE_DPI)
    expected = BASELINE / f"{name}.png"
    if not expected.exists():
        pytest.fail(f"no reference image {expected}; inspect {actual} and copy it there")
    assert compare_images(str(expected), str(actual), tol=3) is None


def test_contact_sheet_places_every_figure_at_print_size_without_overlap(built):
    from analysis.figures import contactsheet

    out, paths, _ = built
    pdfs = [p for p in paths if p.suffix == ".pdf" and p.name != "contact_sheet.pdf"]
    page_width = house.load_settings().grid.type_area_mm + 2 * contactsheet.MARGIN_MM
    placed = contactsheet.layout(pdfs, page_width)
    assert [p.path for p in placed] == pdfs
    for item in placed:
        assert (item.width_mm, item.height_mm) == pytest.approx(contactsheet._size_mm(item.path))
        assert item.x_mm >= contactsheet.MARGIN_MM and item.x_mm + item.width_mm <= page_width - contactsheet.MARGIN_MM + 0.01
        assert item.y_mm + item.height_mm <= contactsheet.PAGE_HEIGHT_MM - contactsheet.MARGIN_MM
    for a, b in ((a, b) for a in placed for b in placed if a is not b and a.page == b.page):
        apart = (a.x_mm + a.width_mm <= b.x_mm or b.x_mm + b.width_mm <= a.x_mm
                 or a.y_mm + a.height_mm <= b.y_mm or b.y_mm + b.height_mm <= a.y_mm)
        assert apart, (a.path.name, b.path.name)
    from pypdf import PdfReader

    assert len(PdfReader(out / "contact_sheet.pdf").pages) == max(p.page for p in placed) + 1


def test_highlight_is_shape_as_well_as_colour(charts):
    """In black and white the accent is only a grey: picked dots are solid, the others hollow rings."""
    from matplotlib.colors import to_rgba

    figure = charts["09a_themes_by_staff_picked"].figure
    collections = [c for c in figure.axes[0].collections if len(c.get_offsets())]
    solid = [c for c in collections if len(c.get_facecolors()) and tuple(c.get_facecolors()[0]) == to_rgba(house.ACCENT)]
    hollow = [c for c in collections if len(c.get_facecolors()) == 0 or c.get_facecolors()[0][3] == 0]
    data = charts["09a_themes_by_staff_picked"].data
    present = data[data["count"] > 0]
    assert sum(len(c.get_offsets()) for c in solid) == int(present["highlighted"].sum())
    assert sum(len(c.get_offsets()) for c in hollow) == int((~present["highlighted"]).sum())


def test_heart_family_keeps_every_heart_word_and_no_centre(tables):
    from analysis.figures.family import family_data

    data = family_data(tables["morpheme_families"], tables["profiles"], tables.get("slogans"))
    words = set(data["word"])
    assert {"诚心", "真心", "责任心", "耐心", "细心", "用心", "爱心"} <= words
    assert not {"中心", "服务中心"} & words
    family = tables["morpheme_families"]
    all_words = set(family[(family["morpheme"] == "心") & family["section_id"].str.startswith("p")]["word"])
    assert len(words) + data.attrs["more"] == len(all_words)  # nothing dropped without saying so


def test_cooccurrence_is_a_legible_network_or_a_matrix(tables, source):
    import matplotlib.pyplot as plt

    from analysis.figures import network

    kind, figure, data = network.theme_chart(tables["theme_hits"], source)
    if kind == "network":
        assert network.conflicts(figure) == []
    else:
        # The matrix holds every pair of leaf themes that share a sentence, once, below the diagonal.
        edges = network.cooccurrence_edges(tables["theme_hits"], min_sentences=1)
        assert len(data) == len(edges) and (data["row"] > data["column"]).all()
        assert sorted(data["sentences"]) == sorted(edges["sentences"])
    assert figure.texts[0].get_text().startswith("“") or "同句" in figure.texts[0].get_text()
    plt.close(figure)


def test_network_conflicts_are_found_on_a_crowded_layout(tables, source):
    from analysis.figures import network

    # Three themes on one line: the outer edge must pass through the middle node.
    data = pd.DataFrame([
        {"kind": "node", "theme_id": t, "label": t, "sentences": 4, "x": x, "y": 0.0, "highlighted": False}
        for t, x in (("a", -1.0), ("b", 0.0), ("c", 1.0))] + [
        {"kind": "edge", "theme_id": "a|c", "label": "a—c", "sentences": 2, "x": -1.0, "y": 0.0, "x2": 1.0,
         "y2": 0.0, "highlighted": False}])
    found = network.conflicts(network.draw_network(data, source))
    assert any("crosses b" in problem for problem in found)


def test_pull_quote_prints_the_quote_speaker_and_role_in_the_editors_order(tables, picks, charts):
    chart = charts["10_pull_quote_1"]
    row = chart.data.iloc[0]
    quote = tables["pull_quotes"].set_index("quote_id").loc[picks.quotes[0]]
    assert row["quote_id"] == picks.quotes[0] and row["pick_order"] == 1
    assert row["speaker"] == quote["speaker"] and row["attribution"].startswith("——" + quote["speaker"])
    printed = [t.get_text() for t in chart.figure.texts]
    assert "".join(row["printed"].split("\n")) in "".join(printed)
    assert not any(line[0] in pullquote.NO_LINE_START for line in row["printed"].split("\n"))
    width = chart.figure.get_figwidth() * 25.4 - 2 * house.MARGIN_MM
    assert all(house.text_width_mm(line, pullquote.QUOTE_PT) <= width for line in row["printed"].split("\n"))


def test_pull_quote_typesetting():
    assert pullquote.print_text("亲子活动,我已经缺席很多次了!") == "亲子活动，我已经缺席很多次了！"
    assert pullquote.print_text("3,000 calls, done") == "3,000 calls, done"  # Latin text keeps its commas
    assert pullquote.keep_marks_with_text(["我们再累也值得", "。”"]) == ["我们再累也值", "得。”"]
