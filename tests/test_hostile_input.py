"""Hostile input, round two (issue 14): bounded work, safe paths and cells, nobody silently lost.

Speed is never timed here: growth is checked by counting the lines Python executes, which does
not depend on the machine or its load (the timings are in benchmarks/bench_hostile.py).
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from analysis import themes
from analysis.codebook import Literal, Near, Term, load_codebook
from analysis.corpus import Metadata, parse_article
from analysis.pipeline import analyse
from analysis.text import MAX_SENTENCE_CHARS, split_sentences
from analysis.themes import Occurrence, evaluate, match_themes


def executed_lines(function, *args, module_file=themes.__file__):
    """How many lines of `module_file` run while `function(*args)` runs."""
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def calls(frame, event, arg):
        return local if frame.f_code.co_filename == module_file else None

    sys.settrace(calls)
    try:
        function(*args)
    finally:
        sys.settrace(None)
    return count


# ---- 1. near() is n log n in the hits, not every pair ------------------------------------------

def _occurrences(n):
    left, right = Literal("电话"), Literal("单子")
    found = {left: [], right: []}
    for i in range(n):
        found[left].append(Occurrence(left, 0, 2 * i, 4 * i, 4 * i + 2))
        found[right].append(Occurrence(right, 0, 2 * i + 1, 4 * i + 2, 4 * i + 4))
    return found


def test_near_work_grows_linearly_with_the_hits():
    rule = Near((Literal("电话"),), (Literal("单子"),), 12)
    small = executed_lines(evaluate, rule, _occurrences(500))
    large = executed_lines(evaluate, rule, _occurrences(2000))
    assert large / small < 5  # every pair would be 16 times the work for 4 times the hits


def _brute_force(rule, occurrences):
    left = [o for a in rule.left for o in occurrences.get(a, ())]
    right = [o for a in rule.right for o in occurrences.get(a, ())]
    marks = set()
    for a in left:
        for b in right:
            if (a.start, a.end) != (b.start, b.end) and abs(a.token_index - b.token_index) <= rule.window:
                marks |= {(a.start, a.end), (b.start, b.end)}
    return marks


@pytest.mark.parametrize("seed", range(30))
def test_near_marks_exactly_what_every_pair_would(seed):
    rng = random.Random(seed)
    atoms = [Term("甲"), Literal("甲"), Term("乙")]
    occurrences = {atom: [] for atom in atoms}
    for _ in range(rng.randint(0, 25)):
        atom, token = rng.choice(atoms), rng.randint(0, 30)
        occurrences[atom].append(Occurrence(atom, 0, token, token * 2, token * 2 + 1))
    rule = Near(tuple(rng.sample(atoms, rng.randint(1, 3))), tuple(rng.sample(atoms, rng.randint(1, 3))),
                rng.randint(1, 6))
    found = evaluate(rule, occurrences)
    assert {(o.start, o.end) for o in found or ()} == _brute_force(rule, occurrences)
    assert (found is None) == (not _brute_force(rule, occurrences))


def test_theme_matching_on_one_endless_sentence_grows_linearly():
    codebook = load_codebook()

    def analysed(repeats):
        return analyse(parse_article("电话单子" * repeats, Metadata(id="endless")))

    with pytest.warns(UserWarning):
        small, large = analysed(500), analysed(2000)
    assert max(s.end - s.start for s in large.sentences) <= MAX_SENTENCE_CHARS
    small_lines = executed_lines(match_themes, small, codebook)
    large_lines = executed_lines(match_themes, large, codebook)
    assert large_lines / small_lines < 5


def test_a_run_without_sentence_punctuation_is_cut_at_a_comma_and_keeps_its_spans():
    text = "开头。" + "话务员接听电话，" * 300 + "结束。"
    sentences = split_sentences(text, 0, len(text), "body")
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in sentences)
    assert all(text[s.start:s.end] == s.text for s in sentences)
    assert all(s.text.endswith(("，", "。")) for s in sentences)
    assert "".join(s.text for s in sentences) == text


# ---- the command line: one line on stderr, exit 2, never a traceback --------------------------

import codecs  # noqa: E402
import json  # noqa: E402
import subprocess  # noqa: E402

import pandas as pd  # noqa: E402

from analysis.errors import InputError  # noqa: E402

ARTICLE = "热线故事\n\n话务员张明：用心服务每一天\n张明每天接听电话。张明说，工单必须当天派发。\n"


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "analysis", *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=cwd)


def one_line_error(result, *words):
    assert result.returncode == 2, (result.returncode, result.stderr[-2000:])
    lines = result.stderr.strip().splitlines()
    assert "Traceback" not in result.stderr and len(lines) == 1, result.stderr[-2000:]
    assert len(lines[0]) < 600, lines[0][:300]
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


# ---- 2. codebook YAML: no alias expansion, bounded depth ---------------------------------------

BOMB = """a: &a ["电话","电话","电话","电话","电话","电话","电话","电话","电话"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
themes:
  - id: bomb
    label: 炸弹
    rules: [{any: *i}]
"""


@pytest.mark.parametrize("content, problem", [
    (BOMB, "aliases"),
    ("themes: &t\n  - id: self\n    label: 自\n    rules: [*t]\n", "aliases"),
    ("themes:\n  - id: deep\n    label: 深\n    rules: [" + "{any: [" * 3000 + "耐心" + "]}" * 3000 + "]\n", "nested"),
    ("themes: " + "[" * 3000 + "]" * 3000 + "\n", "nested"),
    ("themes:\n  - {id: a, label: 甲, rules: [耐心], 1: x}\n", "unknown field"),
])
def test_hostile_codebook_is_refused_in_one_line(tmp_path, content, problem):
    path = tmp_path / "codebook.yaml"
    path.write_text(content, encoding="utf-8")
    one_line_error(run("themes", "--codebook", str(path), "--json"), str(path), problem)


def test_a_codebook_larger_than_the_bound_is_refused_before_parsing(tmp_path):
    from analysis.safeyaml import MAX_BYTES

    path = tmp_path / "codebook.yaml"
    path.write_text("themes:\n" + "  # 注释\n" * (MAX_BYTES // 8), encoding="utf-8")
    with pytest.raises(InputError, match="too large"):
        load_codebook(path)


# ---- 3. picks files: size and depth bounded before parsing, error listing capped ----------------

def _picks_tables():
    candidates = pd.DataFrame({"candidate_id": ["theme:patience"]})
    quotes = pd.DataFrame({"quote_id": ["q:1-2"]})
    return candidates, quotes


@pytest.mark.parametrize("content, problem", [
    ("[" * 100_000 + "]" * 100_000, "nested"),
    ('{"version": 1, "article_id": "a", "themes": ' + "[" * 500 + "]" * 500 + ', "quotes": []}', "nested"),
    ('{"version": 1, "article_id": "a", "themes": [], "quotes": [], "' + "x" * 5000 + '": 1}', "unknown key"),
    ('{"version": ' + "[" * 15 + "]" * 15 + ', "article_id": "a", "themes": [], "quotes": []}', "version"),
])
def test_hostile_picks_file_is_refused_in_one_short_line(tmp_path, content, problem):
    from analysis.picks import load_picks

    path = tmp_path / "a.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_picks(path, *_picks_tables(), "a")
    message = str(error.value)
    assert problem in message and "\n" not in message and len(message) < 600, message[:300]


def test_a_huge_picks_file_is_refused_by_size_and_a_long_list_of_stale_picks_is_capped(tmp_path):
    from analysis.picks import MAX_LISTED, MAX_PICKS_BYTES, load_picks

    stale = [{"id": f"theme:gone{n}", "label": f"消失{n}"} for n in range(50_000)]
    big = tmp_path / "big.json"
    big.write_text(json.dumps({"version": 1, "article_id": "a", "themes": stale, "quotes": []}), encoding="utf-8")
    assert big.stat().st_size > MAX_PICKS_BYTES
    with pytest.raises(InputError, match="too large for a picks file"):
        load_picks(big, *_picks_tables(), "a")
    small = tmp_path / "small.json"
    small.write_text(json.dumps({"version": 1, "article_id": "a", "themes": stale[:200], "quotes": []}),
                     encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_picks(small, *_picks_tables(), "a")
    message = str(error.value)
    assert "200 pick(s)" in message and "and 190 more" in message
    assert message.count("theme:gone") == MAX_LISTED


def test_the_picks_lookup_never_leaves_the_picks_folder(tmp_path):
    from analysis.picks import picks_path

    assert picks_path("huaihai-2017", tmp_path) == tmp_path / "huaihai-2017.json"
    for article_id in ("../../escaped_here", "/etc/passwd", "a/../../b"):
        with pytest.raises(InputError, match="outside"):
            picks_path(article_id, tmp_path)


# ---- 5. CSV cells that a spreadsheet would run are neutralised, Parquet/JSON keep the text --------

FORMULAS = ['=HYPERLINK("http://x","点我")', "+cmd|' /C calc'!A0", "@SUM(A1)", "-2+3", "\t=1+1", "\r=1+1"]


def test_csv_neutralises_formula_cells_and_keeps_numbers():
    from analysis.tables import csv_cells

    frame = pd.DataFrame({"text": FORMULAS + ["普通文字"], "start": [-2, 0, 1, 2, 3, 4, 5],
                          "rate": [-0.5, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0], "mixed": [None, "=1", 3, "-x", 2.5, "a", "+"]})
    safe = csv_cells(frame)
    assert list(safe["text"]) == ["'" + f for f in FORMULAS] + ["普通文字"]
    assert list(safe["start"]) == [-2, 0, 1, 2, 3, 4, 5] and safe["start"].dtype == frame["start"].dtype
    assert list(safe["rate"]) == list(frame["rate"])
    assert list(safe["mixed"])[1:] == ["'=1", 3, "'-x", 2.5, "a", "'+"]
    assert list(frame["text"]) == FORMULAS + ["普通文字"]  # the frame itself keeps the exact text


def test_report_csvs_neutralise_a_formula_headline_and_quote(tmp_path):
    from analysis.report import build_report  # noqa: F401 (imported for the write path below)
    from analysis.pipeline import all_tables
    from analysis.tables import CSV_ENCODING, write_csv

    text = ("=HYPERLINK(\"http://x\",\"点我\")\n\n话务员张明：@SUM(A1)\n"
            "张明每天接听电话。张明说：“-2+3是他说的话。”张明说，工单必须当天派发。\n")
    tables = all_tables(analyse(parse_article(text, Metadata(id="csv"))))
    profiles = tables["profiles"]
    assert profiles.loc[0, "headline"] == "@SUM(A1)"  # the table (and so Parquet, JSON) keeps it
    write_csv(profiles, tmp_path / "profiles.csv")
    read = pd.read_csv(tmp_path / "profiles.csv", encoding=CSV_ENCODING, dtype=str, keep_default_na=False)
    assert read.loc[0, "headline"] == "'@SUM(A1)"
    assert int(read.loc[0, "start"]) == profiles.loc[0, "start"]
    for name, frame in tables.items():
        write_csv(frame, tmp_path / f"{name}.csv")
        cells = pd.read_csv(tmp_path / f"{name}.csv", encoding=CSV_ENCODING, dtype=str, keep_default_na=False)
        for column in cells.columns:
            if pd.api.types.is_numeric_dtype(frame[column]):
                continue
            assert not cells[column].str.startswith(("=", "+", "@", "\t", "\r")).any(), (name, column)
            assert not cells[column].str.match(r"-\D").any(), (name, column)


# ---- 6, 7. meta.yaml: a schema, a safe id, the file inside the folder ----------------------------

def _folder(tmp_path, meta, name="article"):
    folder = tmp_path / name
    folder.mkdir()
    (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "meta.yaml").write_text(meta, encoding="utf-8")
    return folder


@pytest.mark.parametrize("meta, problem", [
    ('id: "../../escaped_here"\n', "'id'"),
    ("id: /tmp/absolute\n", "'id'"),
    ("id: a/b\n", "'id'"),
    ("id: ..\n", "'id'"),
    ("file: /etc/hostname\n", "outside the article's folder"),
    ("file: ../article.txt\n", "outside the article's folder"),
    ("reporters: 5\n", "'reporters'"),
    ("reporters: [姜晴, {a: 1}]\n", "'reporters"),
    ("published: 去年\n", "'published'"),
    ("title: [a, b]\n", "'title'"),
    ("- just\n- a list\n", "expected a mapping"),
    ("id: &x a\ntitle: *x\n", "aliases"),
])
def test_bad_metadata_is_one_line_naming_the_field(tmp_path, meta, problem):
    folder = _folder(tmp_path, meta)
    one_line_error(run("profiles", str(folder), "--json"), "meta.yaml", problem)


def test_an_id_outside_the_output_folder_writes_nothing_there(tmp_path):
    folder = _folder(tmp_path, 'id: "../../escaped_here"\n', name="deep")
    out = tmp_path / "a" / "b" / "out"
    one_line_error(run("report", str(folder), "--out", str(out)), "'id'")
    assert not (tmp_path / "escaped_here").exists() and not (tmp_path / "a" / "escaped_here").exists()


def test_metadata_accepts_todays_fields_and_one_reporter_as_a_string(tmp_path):
    from analysis.corpus import load_article

    folder = _folder(tmp_path, "id: 文章-1\ntitle: 2017\npublished: 2017-11-06\nreporters: 姜晴\n"
                               "publication: 淮海晚报\npublication_place: 淮安\nlanguage: zh-Hans\n")
    article = load_article(folder)
    assert article.id == "文章-1" and article.metadata.title == "2017"
    assert article.metadata.reporters == ("姜晴",)  # one reporter, not 姜 and 晴
    assert article.metadata.published == "2017-11-06"
    assert load_article(_folder(tmp_path, "language:\n", name="empty-language")).metadata.language == "zh-Hans"


def test_a_file_name_that_is_not_a_slug_gives_a_safe_id(tmp_path):
    from analysis.corpus import load_article

    path = tmp_path / "我的 文章 (1).txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert load_article(path).id == "我的-文章-1"


# ---- 10. UTF-32 with BOM is UTF-32, and decoded text is checked ----------------------------------

@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be"])
def test_utf32_and_utf16_with_bom_are_read_as_such(tmp_path, encoding):
    from analysis.corpus import load_article

    bom = {"utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE,
           "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(encoding, b"")
    path = tmp_path / "a.txt"
    path.write_bytes(bom + ARTICLE.encode(encoding))
    article = load_article(path)
    assert article.text == ARTICLE and [p.name for p in article.profiles] == ["张明"]


def test_text_full_of_nuls_is_refused(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + ARTICLE.encode("utf-32-le"))
    one_line_error(run("profiles", str(path), "--json"), "NUL", "UTF-8")


# ---- 14. labels are plain text, never mathtext ---------------------------------------------------

def test_a_picks_label_with_mathtext_is_drawn_as_plain_text(tmp_path, article):
    import io

    from analysis.figures import house, make_charts
    from analysis.figures.house import style
    from analysis.pipeline import all_tables

    labels = {"theme:patience": r"耐心$\frac{$", "theme:same_day": "话毕$x^2$单成"}
    charts = [c for c in make_charts(all_tables(analyse(article)), house.SourceNote("报", "2017-11", "题"), labels)
              if c.name.startswith("09")]
    texts = set()
    for chart in charts:
        with style():
            chart.figure.savefig(io.BytesIO(), format="pdf")  # mathtext would raise ValueError here
        texts |= {t.get_text() for t in chart.figure.findobj(lambda o: hasattr(o, "get_text"))}
    assert any(r"耐心$\frac{$" in t for t in texts)
    assert any("话毕$x^2$单成" in t for t in texts)


# ---- 8. format characters, emoji and every CJK block: nobody silently lost -----------------------

PERSON_VARIANTS = {
    "zero-width space": ("话务班长韩朋友", "话务班长韩\u200b朋友"),
    "soft hyphen": ("信息科杨光", "信息科杨\u00ad光"),
    "right-to-left mark": ("话务员周蓝蓝", "话务员周\u200f蓝蓝"),
    "word joiner in every mention": ("倪玉美", "倪\u2060玉美"),
    "emoji after the name": ("预审员沈玥:", "预审员沈玥😊:"),
    "emoji with variation selector": ("话务员谷丽丽:", "话务员谷丽丽❤️:"),
    "Extension A name": ("王燕", "王䶮"),
}


@pytest.mark.parametrize("variant", sorted(PERSON_VARIANTS))
def test_every_person_keeps_a_profile(article, variant):
    from analysis.pipeline import all_tables

    old, new = PERSON_VARIANTS[variant]
    changed = parse_article(article.text.replace(old, new), Metadata(id="variant"))
    expected = [p.name for p in article.profiles]
    if variant == "Extension A name":
        expected = [name.replace("王燕", "王䶮") for name in expected]
    assert [p.name for p in changed.profiles] == expected
    # The hits of each person stay in their own profile, and every span slices the original text.
    tables = all_tables(analyse(changed))
    hits = tables["theme_hits"]
    assert all(changed.text[s:e] == t for s, e, t in zip(hits["start"], hits["end"], hits["text"]))
    for profile in changed.profiles:
        inside = hits[(hits["start"] >= profile.start) & (hits["end"] <= profile.end)]
        assert set(inside["section_id"]) <= {profile.id}


def test_format_characters_are_invisible_to_matching_but_inside_the_span():
    from analysis.text import normalize

    source = "韩\u200b朋\u00ad友说"
    normalized = normalize(source)
    assert normalized.text == "韩朋友说"
    assert normalized.to_source(0, 3) == (0, 5) and source[0:5].replace("\u200b", "").replace("\u00ad", "") == "韩朋友"


def test_a_heading_whose_name_is_not_confirmed_is_warned_not_dropped(article):
    from analysis.corpus import HeadingWarning

    text = article.text.replace("话务员范丹:", "话务员范小丹:", 1)
    # In a series of headings of its shape, it opens a section without subject (not a person called
    # 范小丹, and not more text for the previous profile).
    with pytest.warns(HeadingWarning, match=r"范小丹.*not taken.*section s01 \(a section without subject\)"):
        changed = parse_article(text, Metadata(id="misspelt"))
    assert "范小丹" not in [p.name for p in changed.profiles]
    assert any("范小丹" in note for note in changed.warnings)
    # The report's summary says it in Chinese, with the same line and where its text went.
    assert any("范小丹" in note.zh and "无主角的分节 s01" in note.zh for note in changed.warnings)


# ---- 12. a straight quote inside curly quotes does not cut the quote short ----------------------

@pytest.mark.parametrize("inner", ['=HYPERLINK("http://x","点我")', '他说"好"就好', '"四心"'])
def test_straight_quotes_inside_curly_quotes_are_the_inner_quote(inner):
    from analysis.quotes import extract_quotes

    text = f"热线故事\n\n话务员张明：用心服务\n张明说：“{inner}，这是我的话。”张明每天接听电话。\n"
    analysis = analyse(parse_article(text, Metadata(id="quotes")))
    outer = [q for q in extract_quotes(analysis) if not q.nested]
    assert [q.text for q in outer] == [f"{inner}，这是我的话。"]
    assert all(analysis.article.text[q.start:q.end] == q.text for q in extract_quotes(analysis))


def test_straight_quotes_outside_curly_ones_still_pair_up():
    from analysis.text import normalize

    assert normalize('他说"你好"，又说“再见”。').text == "他说“你好”,又说“再见”。"
    assert normalize('“没有结束的"引号').text == "“没有结束的“引号"  # no closing ” on the line: not inner
    assert normalize('“a"b"c” "d"').text == "“a‘b’c” “d”"


# ---- 9. web-page chrome pasted after the article hides nothing of the body ----------------------

CHROME = ("\n\n责任编辑：王小明\n上一篇：市区新增三处便民服务点\n下一篇：淮安开展冬季消防检查\n"
          "版权所有 © 淮海晚报社 未经授权禁止转载\n分享到：微信 微博 QQ空间\n")


def test_web_chrome_after_the_byline_hides_nothing_of_the_body(article):
    changed = parse_article(article.text + CHROME, Metadata(id="chrome"))
    assert changed.metadata.reporters == article.metadata.reporters == ("姜晴", "刘晓兰", "孙婧")
    assert [p.name for p in changed.profiles] == [p.name for p in article.profiles]
    last, original = changed.profiles[-1], article.profiles[-1]
    # Every character of the last profile's body is still its body, and no chrome joined it.
    assert changed.text[last.body_start:last.body_end] == article.text[original.body_start:original.body_end]
    for chrome in ("责任编辑", "上一篇", "下一篇", "版权所有", "分享到"):
        assert chrome not in changed.text[last.start:last.end]


def test_a_text_ending_in_sentences_has_no_byline_even_with_a_byline_further_up():
    from analysis.corpus import find_byline

    assert find_byline("正文。\n本报记者 张三\n后来他又说了很多话。\n责任编辑：王五\n") is None
    assert find_byline("正文。\n本报记者 张三 李四\n\n责任编辑：王五\n上一篇：新闻\n") == (4, ("张三", "李四"))
