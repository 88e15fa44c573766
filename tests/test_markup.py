"""Web pages given as articles (analysis.markup): read as a reader sees them, spans into that text."""
import warnings

import pytest

from analysis import markup
from analysis.corpus import ArticleWarning, load_article
from analysis.pipeline import all_tables, analyse
from tests.test_fuzz import check_spans

# A feature as a content system prints it: one line, paragraphs in <p>, headings in <strong>,
# an entity for the quotation marks, a script and a style that are no text.
PAGE = ("<!DOCTYPE html><html><head><title>寒冬里的快递员_某某网</title><style>p{margin:0}</style></head>"
        "<body><script>var a = '李四说';</script><div class=\"article\"><h1>寒冬里的快递员</h1>"
        "<p>本报记者&nbsp;王明</p><p>入冬以来，城里的快递员们依旧每天穿行在大街小巷。</p>"
        "<p><strong>快递员李建国：风雪无阻</strong></p>"
        "<p>今年是李建国当快递员的第八年。他每天要送200多件快递。&ldquo;天再冷，快递也得送到。&rdquo;李建国说。</p>"
        "<p><strong>分拣员张秀英：手快心细</strong></p>"
        "<p>张秀英2015年进入分拣中心。<br>“我们每天都要分拣上万件。”张秀英笑着说。</p></div></body></html>")


def _load(tmp_path, text, name="page.html"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ArticleWarning)
        return load_article(path)


def test_a_page_on_one_line_reads_as_paragraphs_without_markup(tmp_path):
    article = _load(tmp_path, PAGE)
    lines = article.text.splitlines()
    assert "快递员李建国：风雪无阻" in lines and "张秀英2015年进入分拣中心。" in lines
    assert "<" not in article.text and "var a" not in article.text and "某某网" not in article.text
    assert "“天再冷，快递也得送到。”" in article.text  # &ldquo; &rdquo; decoded
    assert "本报记者 王明" in lines  # &nbsp; is a space
    assert any("HTML" in note for note in article.warnings)


def test_a_page_gives_its_profiles_speakers_and_facts_with_spans_into_its_text(tmp_path):
    article = _load(tmp_path, PAGE)
    tables = all_tables(analyse(article))
    profiles = tables["sections"].query("kind == 'profile'")
    assert {"李建国", "张秀英"} <= set(profiles["name"])
    speakers = dict(zip(tables["quotes"]["text"].str[:4], tables["quotes"]["speaker"]))
    assert speakers["天再冷，"] == "李建国" and speakers["我们每天"] == "张秀英"
    joined = dict(zip(tables["people"]["name"], tables["people"]["joined_year"]))
    assert joined["张秀英"] == 2015
    for name, frame in tables.items():
        check_spans(article, name, frame)


def test_a_page_saved_as_txt_is_read_the_same(tmp_path):
    assert _load(tmp_path, PAGE, "page.txt").text == _load(tmp_path, PAGE).text


def test_plain_text_is_not_a_page_and_is_left_as_it_is(tmp_path, article):
    assert not markup.is_page(article.text)
    text = "快递员李建国：风雪无阻\n李建国说：“a<b 的时候也要送。”\n"
    assert not markup.is_page(text)
    assert _load(tmp_path, text, "plain.txt").text == text


def test_stray_tags_in_a_text_go_and_its_lines_stay():
    """A reprint site's junk line of empty tags above a text article: the tags go, every line of text stays."""
    junk = '<strike id="x1"><blockquote id="x1"><div id="x1"></div></blockquote></strike>\n'
    text = junk + "\n消防员的春节\n□ 本报记者 马丽芳\n春节是万家团圆的日子。\n“我喜欢这个职业。”闫斌说。\n"
    assert markup.is_page(text)
    assert markup.page_text(text).splitlines() == ["消防员的春节", "□ 本报记者 马丽芳", "春节是万家团圆的日子。",
                                                  "“我喜欢这个职业。”闫斌说。"]


@pytest.mark.parametrize("html, lines", [
    ("<table><tr><td>姓名</td><td>岗位</td></tr><tr><td>李建国</td><td>快递员</td></tr></table>",
     ["姓名", "岗位", "李建国", "快递员"]),
    ("<ul><li>耐心</li><li>细心</li></ul><p>服务<b>四心</b>。</p>", ["耐心", "细心", "服务四心。"]),
    ("<p>第一段</p><!-- 注释 --><p>第二<span>段</span></p>", ["第一段", "第二段"]),
])
def test_blocks_are_lines_and_inline_tags_are_not(html, lines):
    assert markup.page_text(html).splitlines() == lines


def test_a_page_with_no_chinese_text_is_refused_with_the_reason(tmp_path):
    from analysis.errors import InputError

    with pytest.raises(InputError, match="no Chinese text"):
        _load(tmp_path, "<html><body><p>Hello</p><p>world</p><p>again</p></body></html>")
