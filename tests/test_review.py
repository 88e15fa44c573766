"""The editors' page (escaping, names, picks shown) and the strict reading of the picks file."""
import html
import json
import re

import pytest

from analysis.errors import InputError
from analysis.picks import Picks, QuotePick, ThemePick, load_picks, picks_path
from analysis.review import editors_page, script_json
from review_fixtures import ARTICLE_ID, ATTACK, IMG_ATTACK, sample_tables


@pytest.fixture()
def tables():
    return sample_tables()


def _page(tables, picks=None, title="测试文章"):
    return editors_page(ARTICLE_ID, title, tables, picks)


def test_article_text_is_escaped_everywhere(tables):
    page = _page(tables, title=f"标题{ATTACK}")
    assert ATTACK not in page and IMG_ATTACK not in page
    assert "<b>明</b>" not in page and html.escape("李<b>明</b>") in page
    assert html.escape(ATTACK) in page and html.escape(IMG_ATTACK) in page
    # Only the page's own two script elements: the JSON config and the script.
    assert len(re.findall(r"<script", page)) == 2
    assert "window.__pwned" not in page.split("<script", 1)[1].split("</script>")[0]


def test_script_json_cannot_close_the_script_element():
    text = script_json({"id": "</script><script>alert(1)</script>&\u2028\u2029"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == {"id": "</script><script>alert(1)</script>&\u2028\u2029"}


def test_page_heads_count_columns_with_names_and_marks_evidence(tables):
    page = _page(tables)
    themes_table = page.split('id="themes"')[1].split("</thead>")[0]
    heads = re.findall(r'<th class="n" scope="col">([^<]*)</th>', themes_table)
    assert heads == ["合计", "导语", "张小红", html.escape("李<b>明</b>")]
    assert "她总是<mark>耐心</mark>地听市民说完。" in page
    assert "<title>测试文章 · 编辑选择页</title>" in page
    for label in ("选择", "导出选择", "证据句", "印刷标签", "编码主题", "口号"):
        assert label in page


def test_page_shows_existing_picks_ticked_first_and_relabelled(tables):
    picks = Picks(ARTICLE_ID, (ThemePick("term:话毕单成", "话毕即成"), ThemePick("theme:patience", "耐心")),
                  (QuotePick("q:80-99"),))
    page = _page(tables, picks)
    order = re.findall(r'data-kind="theme" data-type="[^"]*" data-id="([^"]*)"', page)
    assert order[:2] == ["term:话毕单成", "theme:patience"]
    ticked = re.findall(r'data-id="([^"]*)"[^>]*><tr><td><input type="checkbox" class="pick"[^>]*checked', page)
    assert ticked == ["term:话毕单成", "theme:patience", "q:80-99"]
    assert '>话毕即成</textarea>' in page


def _write(tmp_path, data, name=f"{ARTICLE_ID}.json"):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _valid():
    return {"version": 1, "article_id": ARTICLE_ID,
            "themes": [{"id": "slogan:四心", "label": "四心服务"}, {"id": "theme:patience", "label": "耐心"}],
            "quotes": [{"id": "q:20-40"}]}


def test_load_picks_reads_a_valid_file_in_order(tmp_path, tables):
    picks = load_picks(_write(tmp_path, _valid()), tables["candidates"], tables["pull_quotes"], ARTICLE_ID)
    assert picks.theme_ids == ("slogan:四心", "theme:patience")
    assert picks.labels == {"slogan:四心": "四心服务", "theme:patience": "耐心"}
    assert picks.quote_ids == ("q:20-40",)
    assert picks.to_json() == _valid()


def _broken(change):
    data = _valid()
    change(data)
    return data


@pytest.mark.parametrize("data, problem", [
    ("{not json", "not valid JSON"),
    ("[]", "must be a JSON object"),
    (_broken(lambda d: d.update(extra=1)), "unknown key(s) 'extra'"),
    (_broken(lambda d: d.pop("quotes")), "lacks key(s) 'quotes'"),
    (_broken(lambda d: d.update(version=2)), "'version' is 2"),
    (_broken(lambda d: d.update(version=True)), "'version' is True"),
    (_broken(lambda d: d.update(version="1")), "'version' is '1'"),
    (_broken(lambda d: d.update(themes={"id": "x"})), "'themes' must be a list"),
    (_broken(lambda d: d["themes"].append("theme:patience")), "entry 3 of 'themes' must be a JSON object"),
    (_broken(lambda d: d["themes"][0].update(colour="red")), "entry 1 of 'themes' has unknown key(s) 'colour'"),
    (_broken(lambda d: d["themes"][0].pop("label")), "entry 1 of 'themes' lacks key(s) 'label'"),
    (_broken(lambda d: d["themes"][1].update(label=None)), "'label' of entry 2 of 'themes' must be a string"),
    (_broken(lambda d: d["quotes"][0].update(id=7)), "'id' of entry 1 of 'quotes' must be a string, not int"),
    (_broken(lambda d: d["themes"][1].update(label="  ")), "empty label"),
    (_broken(lambda d: d["quotes"].append({"id": "q:20-40"})), "'q:20-40' appears twice"),
    (_broken(lambda d: d.update(article_id="other")), "are for article 'other'"),
])
def test_load_picks_rejects_bad_files_naming_the_problem(tmp_path, tables, data, problem):
    path = _write(tmp_path, data)
    with pytest.raises(InputError) as error:
        load_picks(path, tables["candidates"], tables["pull_quotes"], ARTICLE_ID)
    message = str(error.value)
    assert str(path) in message and problem in message and "\n" not in message


def test_load_picks_names_picks_that_no_longer_exist(tmp_path, tables):
    data = _broken(lambda d: d["themes"].append({"id": "theme:gone", "label": "消失的主题"}))
    data["quotes"].append({"id": "q:1-2"})
    with pytest.raises(InputError, match=r"2 pick\(s\) no longer in the analysis: theme '消失的主题' "
                                         r"\(theme:gone\), quote q:1-2"):
        load_picks(_write(tmp_path, data), tables["candidates"], tables["pull_quotes"])


def test_load_picks_reports_a_missing_file(tmp_path, tables):
    with pytest.raises(InputError, match="no such picks file"):
        load_picks(tmp_path / "nope.json", tables["candidates"], tables["pull_quotes"])


def test_picks_live_under_picks_folder_named_by_article():
    assert picks_path("abc").parts[-2:] == ("picks", "abc.json")


def test_report_writes_the_page_and_names_a_pick_that_no_longer_exists(tmp_path):
    from analysis.report import build_report

    result = build_report(output=tmp_path / "out", picks_dir=tmp_path / "picks")
    page = (tmp_path / "out" / result.article_id / "editors.html").read_text(encoding="utf-8")
    assert "<title>12345热线“十大服务之星”评选活动 · 编辑选择页</title>" in page
    assert page.count('data-kind="theme"') >= 10 and page.count('data-kind="quote"') >= 5
    (tmp_path / "picks").mkdir()
    stale = {"version": 1, "article_id": result.article_id, "themes": [{"id": "theme:no_such_theme", "label": "旧主题"}],
             "quotes": []}
    (tmp_path / "picks" / f"{result.article_id}.json").write_text(json.dumps(stale), encoding="utf-8")
    with pytest.raises(InputError, match=r"no longer in the analysis: theme '旧主题' \(theme:no_such_theme\)"):
        build_report(output=tmp_path / "out", picks_dir=tmp_path / "picks")


def test_page_style_and_script_come_from_package_data(tables):
    """The page's CSS and JS are data files shipped with the package, inlined into the page."""
    import base64
    import hashlib
    import tomllib
    from importlib import resources
    from pathlib import Path

    css = resources.files("analysis.data").joinpath("editors.css").read_text(encoding="utf-8")
    script = resources.files("analysis.data").joinpath("editors.js").read_text(encoding="utf-8")
    page = _page(tables)
    assert f"<style>{css}</style>" in page and f"<script>{script}</script>" in page
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src &#x27;sha256-{digest}&#x27;" in page
    project = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    shipped = project["tool"]["setuptools"]["package-data"]["analysis.data"]
    assert "*.css" in shipped and "*.js" in shipped
