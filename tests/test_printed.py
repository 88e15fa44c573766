"""Names and quotations of a Traditional Chinese article come out as printed (analysis.printed)."""
import warnings

from analysis.corpus import Metadata, parse_article
from analysis.pipeline import all_tables, analyse

TRADITIONAL = ("熱線裡的聲音\n\n話務員劉曉麗：用心傾聽每一個來電\n"
               "劉曉麗在熱線工作了八年。劉曉麗說：「這個工作很辛苦，但是我喜歡幫助別人。」"
               "她每天接聽一百多個電話，總是耐心地解答市民的問題。\n")


def tables():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the Traditional-input note
        article = parse_article(TRADITIONAL, Metadata(id="t", published="2020-01"))
        return article, all_tables(analyse(article))


def test_names_and_quotes_of_a_traditional_article_read_as_printed():
    article, frames = tables()
    assert article.source_text == TRADITIONAL and article.text != TRADITIONAL  # analysed in Simplified
    assert list(frames["people"]["name"]) == ["劉曉麗"]
    assert list(frames["profiles"]["name"]) == ["劉曉麗"]
    speech = frames["quotes"][frames["quotes"]["kind"] == "speech"]
    assert list(speech["speaker"]) == ["劉曉麗"]
    for row in speech.itertuples():  # the evidence is the original's slice
        assert TRADITIONAL[row.start:row.end] == row.text and "這個工作很辛苦" in row.text
    mentions = frames["person_mentions"]
    assert all(TRADITIONAL[s:e] == t for s, e, t in zip(mentions["start"], mentions["end"], mentions["text"]))


def test_counting_tables_stay_in_the_normalised_script():
    _, frames = tables()
    assert "热线" in set(frames["tokens"]["text"])  # tokens are counted in Simplified
