"""Fuzz: hostile and messy generated articles. No crash; spans slice the text; sections tile it."""
import warnings

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.corpus import ArticleWarning, Metadata, parse_article
from analysis.errors import InputError
from analysis.pipeline import all_tables, analyse
from analysis.tablespec import BY_NAME

han = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
QUOTES = ["“", "”", "‘", "’", "「", "」", "『", "』", '"', "'"]
NUMBERS = ["200到300", "六到七", "150到180个左右", "四五个小时", "１２３４５", "2017年5月18日", "去年10月3日",
           "60多个", "近12小时", "五年前", "第二天早上8点", "0517-12345", "三分之一", "百分之九十"]
ODD = ["\x00", "\x07", "\u200b", "\ufeff", "😀", "👍🏽", "\u3000", "\t", "\r", "…", "——", "、", "：", ":", "。", "！", "?"]
# Pinyin glosses of reprint copies (analysis/glosses.py), a gloss after a non-Han mark, brackets that are no gloss
GLOSSED = ["说(shuō)", "現(xiàn)", "的(de)", "点(diǎn)", "（zhāng）", "。(xiàn)", "李(化名)", "(蒲东峰 摄)"]
ROLES = ["话务员", "接线员", "质检员", "回访组组长", "信息科", ""]


@st.composite
def messy_paragraph(draw):
    parts = draw(st.lists(st.one_of(
        st.text(han, min_size=1, max_size=30),
        st.sampled_from(QUOTES), st.sampled_from(GLOSSED), st.sampled_from(NUMBERS), st.sampled_from(ODD),
        st.lists(st.text(han, min_size=2, max_size=3), min_size=2, max_size=5).map("、".join),
        st.text(han, min_size=1, max_size=8).map(lambda s: f"“{s}”"),
    ), max_size=25))
    return "".join(parts)


@st.composite
def messy_article(draw):
    blocks = [draw(messy_paragraph())]
    for _ in range(draw(st.integers(0, 4))):
        name = draw(st.sampled_from("王李张刘陈杨")) + draw(st.text(han, min_size=1, max_size=2))
        heading = draw(st.sampled_from([
            "{role}{name}:{title}", "{role}{name}：{title}", "{title}——{name}", "一、{role}{name}：{title}", "{role}：{title}",
        ])).format(role=draw(st.sampled_from(ROLES)), name=name, title=draw(st.text(han, min_size=2, max_size=10)))
        body = name + draw(messy_paragraph()) + name + draw(messy_paragraph())
        blocks.append(heading + "\n" + body)
    if draw(st.booleans()):
        blocks.append("淮海晚报记者 " + draw(st.text(han, min_size=2, max_size=3)))
    return draw(st.sampled_from(["\n\n", "\r\n", "\n", "\n\n\n\n"])).join(blocks)


def _parse(text):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ArticleWarning)
        return parse_article(text, Metadata(id="fuzz", published="2017-11"))


def check_spans(article, name, frame):
    """Every span its spec lists is inside the article (and its section) and slices out the row's evidence."""
    spec = BY_NAME[name]
    for span in spec.spans:
        rows = frame[frame[span.start].notna()]
        for start, end, row in zip(rows[span.start], rows[span.end], rows.itertuples(index=False)):
            start, end, row = int(start), int(end), row._asdict()
            assert 0 <= start <= end <= len(article.original), name
            if span.in_section and spec.section:
                section = article.section(row[spec.section])
                assert article.to_original(section.start) <= start and end <= article.to_original(section.end), \
                    (name, row[spec.section], start, end)
            # the tables of names and quotes give them as printed (analysis/printed.py), the others as read
            evidence = article.original[start:end] if spec.as_printed else article.analysed(start, end)
            if span.equals:
                assert evidence == row[span.equals], (name, start, end)
            if span.within:
                assert article.analysed(start, end) in row[span.within], (name, start, end)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(messy_article())
def test_every_extractor_survives_messy_text(text):
    try:
        article = _parse(text)
    except InputError:
        return  # no Chinese at all: refused with a message, which is the right answer
    position = 0
    for section in article.sections:
        assert section.start == position < section.end
        position = section.end
    assert position == len(article.text)
    analysis = analyse(article)
    for token in analysis.tokens:
        assert article.text[token.start:token.end] == token.text
    for name, frame in all_tables(analysis).items():
        check_spans(article, name, frame)


def test_span_checks_hold_on_the_bundled_article(article):
    tables = all_tables(analyse(article))
    assert {"theme_hits", "quotes", "facts", "dates", "people", "idioms"} <= set(tables)
    for name, frame in tables.items():
        check_spans(article, name, frame)


def test_span_check_catches_a_shifted_span(article):
    quotes = all_tables(analyse(article))["quotes"].copy()
    quotes.loc[0, "start"] += 1
    try:
        check_spans(article, "quotes", quotes)
    except AssertionError:
        return
    raise AssertionError("a shifted span passed the check")
