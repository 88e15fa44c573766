"""Pinyin glosses of reprint copies (analysis/glosses.py): read without them, spans into the original."""
import json
import warnings

import numpy as np
import pytest

from analysis.corpus import ArticleWarning, Metadata, parse_article
from analysis.glosses import is_gloss, remove_glosses
from analysis.pipeline import all_tables, analyse
from analysis.tablespec import TABLES

# An invented two-profile feature, glossed the way reprint sites gloss: inside names (张建(jiàn)国),
# verbs of saying (说(shuō), 问(wèn)道), words of a joining (进(jìn)入) and of a workload (接(jiē)听).
GLOSSED = ("社区民警张建(jiàn)国：守好千家万户\n"
           "凌晨两点，派出所的灯还亮着。“群众找得到我，我就安心。”张建(jiàn)国对记者说(shuō)。\n"
           "2012年，张建国进(jìn)入派出所工作，每天接(jiē)听100多个电话。同事李(化名)说，他从不喊累。\n"
           "“现(xiàn)在还算凉快，下午才难熬。”他一边擦汗一边说(shuō)。\n"
           "社区民警王秀(xiù)兰：不让一位老人掉队\n"
           "王秀兰每天走访社区。“阿姨，药按时吃了吗？”王秀(xiù)兰问(wèn)道。\n"
           "2015年，王秀兰来到社区工作。\n")


def _parse(text):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ArticleWarning)
        return parse_article(text, Metadata(id="glossed", published="2017-11"))


@pytest.fixture(scope="module")
def glossed():
    article = _parse(GLOSSED)
    return article, all_tables(analyse(article))


@pytest.fixture(scope="module")
def plain():
    article = _parse(remove_glosses(GLOSSED).text)
    return article, all_tables(analyse(article))


def test_only_readings_in_brackets_after_a_han_character_are_glosses():
    text = "现(xiàn)在 阿妈说(shuō) 我的(de) 周時(shí)瑩 律（lǜ）师 李(化名) (蒲东峰 摄) 腾讯(qq) 北京(Běijīng) M(mǎn) 。(xiàn) 长(zhǎngg)"
    glosses = remove_glosses(text)
    assert glosses.text == "现在 阿妈说 我的 周時瑩 律师 李(化名) (蒲东峰 摄) 腾讯(qq) 北京(Běijīng) M(mǎn) 。(xiàn) 长(zhǎngg)"
    assert [text[s:e] for s, e in glosses.removed] == ["(xiàn)", "(shuō)", "(de)", "(shí)", "（lǜ）"]
    # a toneless syllable only as the character's own reading (的 de); a toned one that is pinyin
    assert is_gloss("的", "de") and not is_gloss("公", "de") and is_gloss("行", "háng") and not is_gloss("行", "hang")
    assert is_gloss("说", "shuì") and not is_gloss("说", "shuōō")


def test_offsets_map_both_ways():
    glosses = remove_glosses(GLOSSED)
    text, original = glosses.text, glosses.original
    to_original = [glosses.to_original(i) for i in range(len(text) + 1)]
    assert [glosses.to_text(at) for at in to_original] == list(range(len(text) + 1))
    assert np.array_equal(glosses.to_original_array(np.arange(len(text) + 1)), to_original)
    assert all(original[to_original[i]] == text[i] for i in range(len(text)))
    assert to_original[-1] == len(original)
    # an end keeps the gloss of its last character: 说 ends after (shuō)
    said = text.index("说。")
    assert original[to_original[said]:to_original[said + 1]] == "说(shuō)"
    # an offset inside a gloss reads as the character after it
    inside = original.index("(jìn)") + 2
    assert text[glosses.to_text(inside)] == "入"


def test_a_text_without_glosses_is_read_as_before():
    text = remove_glosses(GLOSSED).text
    assert remove_glosses(text) is None
    article = _parse(text)
    assert article.glosses is None and article.original is article.text
    assert article.to_original(5) == 5 and article.analysed(3, 9) == text[3:9]
    assert not any("pinyin" in note for note in article.warnings)


def test_names_speakers_and_facts_are_found_as_without_glosses(glossed, plain):
    (article, tables), (_, clean) = glossed, plain
    assert article.glosses is not None and article.text == remove_glosses(GLOSSED).text
    assert any("pinyin" in note for note in article.warnings)
    assert [p.name for p in article.profiles] == ["张建国", "王秀兰"]
    for name, columns in (("people", ["name", "role", "joined_year"]), ("quotes", ["speaker", "kind"]),
                          ("workloads", ["name", "low", "counted", "period"]),
                          ("person_mentions", ["name", "form"]), ("profiles", ["name", "role"])):
        assert tables[name][columns].equals(clean[name][columns]), name
    assert tables["people"].set_index("name")["joined_year"].to_dict() == {"张建国": 2012, "王秀兰": 2015}
    speakers = dict(zip(tables["quotes"]["text"], tables["quotes"]["speaker"]))
    assert speakers["群众找得到我，我就安心。"] == "张建国" and speakers["阿姨，药按时吃了吗？"] == "王秀兰"
    # the tables the counts are made from read the same words
    for name in ("token_counts", "theme_matrix", "keywords"):
        assert tables[name].drop(columns="article_id").equals(clean[name].drop(columns="article_id")), name


def test_every_span_slices_the_original_gloss_included(glossed):
    article, tables = glossed
    original = article.original
    checked = 0
    for spec in TABLES:
        frame = tables[spec.name]
        for span in spec.spans:
            rows = frame[frame[span.start].notna()]
            for start, end, row in zip(rows[span.start], rows[span.end], rows.itertuples(index=False)):
                row, start, end = row._asdict(), int(start), int(end)
                assert 0 <= start <= end <= len(original)
                if span.equals:  # printed tables: the original's slice; the others: the words as read
                    expected = original[start:end] if spec.as_printed else article.analysed(start, end)
                    assert row[span.equals] == expected, (spec.name, start, end)
                    checked += 1
    assert checked > 50
    quotes = tables["quotes"].set_index("speaker")
    assert "现(xiàn)在还算凉快" in tables["quotes"]["text"].str.cat()
    mentions = tables["person_mentions"]
    assert "张建(jiàn)国" in set(mentions["text"]) and set(mentions["name"]) == {"张建国", "王秀兰"}
    people = tables["people"].set_index("name")
    assert original[people.loc["张建国", "joined_start"]:people.loc["张建国", "joined_end"]] == \
        "2012年，张建国进(jìn)入派出所工作，每天接(jiē)听100多个电话。"
    assert quotes.loc["王秀兰", "text"] == "阿姨，药按时吃了吗？"
    # sections tile the original text, glosses included
    sections = tables["sections"]
    assert sections["start"].iloc[0] == 0 and sections["end"].iloc[-1] == len(original)
    assert (sections["start"].iloc[1:].to_numpy() == sections["end"].iloc[:-1].to_numpy()).all()


def test_editors_evidence_marks_index_their_original_sentence(glossed):
    article, tables = glossed
    for value in tables["candidates"]["evidence"]:
        for item in json.loads(value):
            assert item["sentence"] == article.original[item["start"]:item["end"]]
            assert all(item["start"] <= s <= e <= item["end"] for s, e in item["marks"])


def test_a_traditional_glossed_copy_prints_names_without_glosses():
    import opencc

    traditional = opencc.OpenCC("s2t").convert(GLOSSED)
    assert "張建(jiàn)國" in traditional
    article = _parse(traditional)
    assert article.source_text is not None and article.glosses is not None
    tables = all_tables(analyse(article))
    assert list(tables["people"]["name"]) == ["張建國", "王秀蘭"]  # as printed, without the gloss
    assert "張建(jiàn)國" in set(tables["person_mentions"]["text"])  # the evidence, gloss included
    assert tables["people"]["joined_year"].tolist() == [2012, 2015]


def test_a_concordance_of_a_glossed_copy_points_into_the_original(glossed):
    from analysis.concordance import kwic

    article, tables = glossed
    lines = kwic("派出所", tables)
    assert len(lines) == 2
    assert all(article.original[line.start:line.end] == "派出所" for line in lines)
    assert "张建" in lines[1].left  # the text before the gloss that follows is kept
