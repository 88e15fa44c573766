"""The editors' page in a real browser: Debian's headless Chromium, driven by Playwright.

No browser is downloaded (`playwright install` is never run): Playwright launches /usr/bin/chromium,
which scripts/system-packages.txt installs through `make test`'s bootstrap.
"""
import json
from pathlib import Path

import pytest

from analysis.picks import load_picks
from analysis.review import write_page
from review_fixtures import ARTICLE_ID, sample_tables

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason=f"Debian's chromium is not installed at {CHROMIUM} (scripts/system-packages.txt; "
                                       "run make setup as root)")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


def _open(page, path: Path):
    page.goto(path.as_uri())
    page.wait_for_load_state("load")


def _theme(page, candidate_id):
    return page.locator(f'tbody.item[data-id="{candidate_id}"]')


def _save(page, folder: Path) -> Path:
    with page.expect_download() as download_info:
        page.get_by_role("button", name="导出选择").click()
    download = download_info.value
    target = folder / download.suggested_filename
    download.save_as(target)
    return target


def test_article_html_shows_as_text_and_runs_nothing(page, tmp_path):
    path = write_page(tmp_path / "editors.html", ARTICLE_ID, "<script>window.__pwned = 9</script>标题", sample_tables())
    _open(page, path)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.dialogs == [] and page.errors == []
    assert page.locator("img").count() == 0
    evidence = _theme(page, "slogan:四心").locator("tr.evidence").inner_text()
    assert "<script>window.__pwned = 1; alert(1)</script>" in evidence
    assert "<img src=x onerror=" in page.locator("#quotes").inner_text()
    assert page.title() == "<script>window.__pwned = 9</script>标题 · 编辑选择页"
    # The status line is the script's work: it ran, and only it did.
    assert page.locator("#status").inner_text() == "已选：主题 0 个，引语 0 条"


def test_ticked_themes_are_saved_in_order_with_print_labels(page, tmp_path):
    tables = sample_tables()
    _open(page, write_page(tmp_path / "editors.html", ARTICLE_ID, "测试文章", tables))
    _theme(page, "theme:patience").locator("input.pick").check()
    _theme(page, "term:话毕单成").locator("input.pick").check()
    _theme(page, "term:话毕单成").locator("textarea.label").fill("话毕即成")
    _theme(page, "term:话毕单成").get_by_role("button", name="上移").click()  # above 四心
    _theme(page, "term:话毕单成").get_by_role("button", name="上移").click()  # above 耐心服务
    page.locator('tbody.item[data-id="q:80-99"] input.pick').check()
    assert page.locator("#status").inner_text() == "已选：主题 2 个，引语 1 条"

    saved = _save(page, tmp_path)
    assert saved.name == f"{ARTICLE_ID}.json"
    assert json.loads(saved.read_text(encoding="utf-8")) == {
        "version": 1, "article_id": ARTICLE_ID,
        "themes": [{"id": "term:话毕单成", "label": "话毕即成"}, {"id": "theme:patience", "label": "耐心服务"}],
        "quotes": [{"id": "q:80-99"}]}
    picks = load_picks(saved, tables["candidates"], tables["pull_quotes"], ARTICLE_ID)
    assert picks.labels == {"term:话毕单成": "话毕即成", "theme:patience": "耐心服务"}

    # The page built with these picks shows them ticked, first and relabelled; saving again gives the same.
    _open(page, write_page(tmp_path / "again.html", ARTICLE_ID, "测试文章", tables, picks))
    assert _save(page, tmp_path / "again").read_text(encoding="utf-8") == saved.read_text(encoding="utf-8")


def test_a_hostile_candidate_id_round_trips_as_data(page, tmp_path):
    tables = sample_tables()
    hostile = "keyword:</script><script>window.__pwned=3</script>"
    _open(page, write_page(tmp_path / "editors.html", ARTICLE_ID, "测试文章", tables))
    _theme(page, hostile).locator("input.pick").check()
    saved = _save(page, tmp_path)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    picks = load_picks(saved, tables["candidates"], tables["pull_quotes"], ARTICLE_ID)
    assert picks.theme_ids == (hostile,)
    assert picks.labels[hostile] == "标签<script>window.__pwned = 1; alert(1)</script>"


def test_long_labels_wrap_and_are_never_cut(page, tmp_path):
    tables = sample_tables()
    _open(page, write_page(tmp_path / "editors.html", ARTICLE_ID, "测试文章", tables))
    box = _theme(page, "theme:patience").locator("textarea.label")
    box.fill("一个很长很长的印刷标签，" * 6)
    assert box.evaluate("b => b.scrollHeight <= b.clientHeight + 1 && b.scrollWidth <= b.clientWidth + 1")
    assert box.evaluate("b => b.clientHeight > 2 * parseFloat(getComputedStyle(b).fontSize)")  # wrapped


def test_folded_candidates_are_one_click_away(page, tmp_path):
    tables = sample_tables()
    tables["candidates"]["first"] = [True, True, True, False]
    keyword = "keyword:</script><script>window.__pwned=3</script>"
    _open(page, write_page(tmp_path / "editors.html", ARTICLE_ID, "测试文章", tables))
    assert not _theme(page, keyword).is_visible()
    page.locator("#show-more").check()
    assert _theme(page, keyword).is_visible()


def test_editor_picks_theme_slogan_and_quote_and_the_report_prints_exactly_those(page, tmp_path):
    """The whole loop on the bundled article: report -> page -> tick a codebook theme, a slogan or
    idiom and a quote, reorder and relabel them -> save -> picks/ -> report: the picked figures'
    CSVs mark exactly those picks, in that order, with those labels, and the quote is a pull quote."""
    import pandas as pd

    from analysis.report import build_report

    picks_dir, output = tmp_path / "picks", tmp_path / "output"
    first = build_report(output=output, picks_dir=picks_dir)
    folder = output / first.article_id
    candidates = pd.read_csv(folder / "candidates.csv", encoding="utf-8-sig")
    parents = set(pd.read_csv(folder / "theme_hits.csv", encoding="utf-8-sig")["parent"].dropna())
    theme = next(c for c in candidates["candidate_id"] if c.startswith("theme:") and c[6:] not in parents)
    found = next(c for c in candidates["candidate_id"] if c.startswith(("slogan:", "idiom:")))
    quote = pd.read_csv(folder / "pull_quotes.csv", encoding="utf-8-sig")["quote_id"].iloc[1]

    _open(page, folder / "editors.html")
    assert page.errors == []
    for candidate_id in (theme, found):
        _theme(page, candidate_id).locator("input.pick").check()
    page.locator(f'tbody.item[data-id="{quote}"] input.pick').check()
    _theme(page, theme).locator("textarea.label").fill("编辑改写的主题")
    _theme(page, found).locator("textarea.label").fill("编辑改写的口号")
    # The slogan or idiom goes above the theme: the editor's order, whatever the list's order was.
    while page.locator("tbody.item[data-kind=theme]").first.get_attribute("data-id") != found:
        _theme(page, found).get_by_role("button", name="上移").click()
    saved = _save(page, picks_dir)
    assert json.loads(saved.read_text(encoding="utf-8"))["themes"] == [
        {"id": found, "label": "编辑改写的口号"}, {"id": theme, "label": "编辑改写的主题"}]

    second = build_report(output=output, picks_dir=picks_dir)
    figures = folder / "figures"
    expected = [(found, "编辑改写的口号", 1), (theme, "编辑改写的主题", 2)]
    for name in ("09a_themes_by_staff_picked", "09b_theme_dispersion_picked"):
        data = pd.read_csv(figures / f"{name}.csv", encoding="utf-8-sig")
        marked = data[data["highlighted"]].drop_duplicates("candidate_id").sort_values("row")
        assert list(zip(marked["candidate_id"], marked["row_label"], marked["pick_order"])) == expected, name
        assert list(marked["row"]) == [0, 1]
    network = pd.read_csv(figures / "09c_theme_cooccurrence_picked.csv", encoding="utf-8-sig")
    assert "编辑改写的主题" in set(network.filter(like="label").stack())
    pull = pd.read_csv(figures / "10_pull_quote_1.csv", encoding="utf-8-sig")
    assert list(pull["quote_id"]) == [quote]
    assert (figures / "10_pull_quote_1.pdf").exists() and (figures / "10_pull_quote_1.png").exists()
    assert not (figures / "10_pull_quote_2.csv").exists()
    summary = "\n".join(second.notes)
    assert f"选用 {found}：09a（第 1 行" in summary and f"选用 {theme}：09a（第 2 行" in summary
    assert f"选用 {quote}：10_pull_quote_1" in summary
    # The new page shows the picks ticked, first, relabelled.
    _open(page, folder / "editors.html")
    assert page.locator("tbody.item[data-kind=theme]").first.get_attribute("data-id") == found
    assert _theme(page, theme).locator("textarea.label").input_value() == "编辑改写的主题"
