"""Discovery: slogans, enumerations, quoted terms, morpheme families, idioms; spans for each."""
import pytest

from analysis.corpus import Metadata, parse_article
from analysis.discover import (discover, find_enumerations, find_quoted_terms, find_slogans, is_term_of_art,
                               read_numeral, shared_affix)
from analysis.pipeline import analyse

MADE_UP = """服务故事

接线员李红：用三心和五个坚持服务
李红把工作总结为“三心”：耐心、诚心、热心。她还提出五个坚持：坚持学习、坚持创新、坚持服务、坚持团结、坚持奉献。
她有两台电脑，负责回访、质检。李红说：“今天的工单都派发了。”同事都叫她“小太阳”。
"""


@pytest.fixture(scope="module")
def bundled(article):
    return analyse(article)


@pytest.fixture(scope="module")
def made_up():
    return analyse(parse_article(MADE_UP, Metadata(id="made-up")))


def test_four_hearts_resolved_from_the_bundled_article(bundled):
    slogans = find_slogans(bundled)
    assert {s.label for s in slogans} == {"四心"}
    for slogan in slogans:
        assert slogan.members == ("耐心", "细心", "用心", "爱心")
        assert slogan.profile_id == "p03"
        text = bundled.article.text
        assert text[slogan.start:slogan.end] == "四心"
        assert text[slogan.evidence_start:slogan.evidence_end] == "耐心、细心、用心、爱心"


def test_the_same_mechanism_on_a_made_up_text(made_up):
    slogans = {s.label: s.members for s in find_slogans(made_up)}
    assert slogans == {"三心": ("耐心", "诚心", "热心"),
                       "五个坚持": ("坚持学习", "坚持创新", "坚持服务", "坚持团结", "坚持奉献")}


def test_a_numeral_without_a_matching_list_is_no_slogan():
    text = "服务故事\n\n接线员李红：三心服务\n李红有三心，还有耐心、诚心两样。两台电脑。\n"
    assert find_slogans(analyse(parse_article(text, Metadata(id="x")))) == []


def test_numerals_are_read_by_cn2an():
    assert [read_numeral(n) for n in ("四", "两", "十二", "5")] == [4, 2, 12, 5]
    assert read_numeral("四五") is None


def _items(enumerations):
    return {(tuple(i.text for i in e.items), e.shared) for e in enumerations}


def test_enumerations_and_parallel_frames(bundled):
    found = _items(find_enumerations(bundled))
    assert (("全覆盖", "全方位", "全媒体"), "全") in found
    assert (("受理", "办理", "反馈", "办结"), "") in found
    assert (("热心", "诚心", "细心", "真心"), "心") in found  # 接听电话要热心、聆听意见要诚心 …
    assert (("心系群众", "方便群众", "服务群众"), "群众") in found
    assert (("想市民所想", "急市民所急"), "市民所") in found


def test_enumeration_items_trace_to_the_text(bundled, made_up):
    for analysis in (bundled, made_up):
        text = analysis.article.text
        for enumeration in find_enumerations(analysis):
            if enumeration.kind != "frame":  # a frame's items are slots inside its clauses
                assert text[enumeration.start:enumeration.end].startswith(enumeration.items[0].text)
                assert text[enumeration.start:enumeration.end].endswith(enumeration.items[-1].text)
            for item in enumeration.items:
                assert text[item.start:item.end] == item.text
                assert enumeration.start <= item.start < item.end <= enumeration.end
            section = analysis.article.section(enumeration.profile_id)
            assert section.start <= enumeration.start < enumeration.end <= section.end


def test_shared_affix():
    assert shared_affix(["耐心", "细心", "用心"]) == "心"
    assert shared_affix(["全覆盖", "全方位"]) == "全"
    assert shared_affix(["受理", "反馈"]) == ""
    assert shared_affix(["心", "耐心"]) == ""  # an item that is only the affix shares nothing


def test_quoted_terms_are_not_speech(bundled, made_up):
    terms = {t.term for t in find_quoted_terms(bundled)}
    assert {"话毕单成", "四心", "接接电话", "满意"} <= terms
    assert "谢谢" not in terms  # 市民说“谢谢”: speech
    assert not any("，" in t or "。" in t for t in terms)
    made = [t.term for t in find_quoted_terms(made_up)]
    assert made == ["三心", "小太阳"]
    assert not is_term_of_art("我的系统无法登陆了", "")
    assert not is_term_of_art("好的", "他说：")


def test_quoted_terms_trace_to_the_text(bundled):
    for term in find_quoted_terms(bundled):
        assert bundled.article.text[term.start:term.end] == term.term
        assert bundled.article.text[term.start - 1] in "“「『‘"


def test_morpheme_families_from_the_text(bundled):
    families = discover(bundled).families
    words = {}
    for row in families:
        words.setdefault(row.morpheme, set()).add(row.word)
        assert row.count >= 1 and row.morpheme in row.word
    assert {"耐心", "细心", "用心", "爱心", "热心", "诚心", "真心", "暖心", "贴心", "责任心"} <= words["心"]
    assert {"话务员", "接线员", "预审员", "回访员", "质检员"} <= words["员"]
    assert "不" not in words  # function characters make no family
    # 心 as "centre" is another sense, not a heart word (data/morpheme_senses.txt)
    assert not {"中心", "服务中心", "核心"} & words["心"]


def test_other_senses_exclude_the_listed_words_and_their_compounds():
    from analysis.discover import carries_meaning, other_senses

    assert "中心" in other_senses()["心"]
    assert not carries_meaning("心", "中心") and not carries_meaning("心", "市民服务中心")
    assert carries_meaning("心", "耐心") and carries_meaning("心", "心系群众")
    assert carries_meaning("员", "话务员")  # no listed senses: every word keeps the family's meaning


def test_idioms(bundled):
    idioms = discover(bundled).idioms
    found = {i.idiom for i in idioms}
    assert {"一丝不苟", "事无巨细", "口干舌燥", "不偏不倚", "五花八门"} <= found
    for idiom in idioms:
        assert bundled.article.text[idiom.start:idiom.end] == idiom.idiom
        section = bundled.article.section(idiom.profile_id)
        assert section.start <= idiom.start < idiom.end <= section.end


def test_cli_slogans_enumerations_keywords(capsys):
    import json

    from analysis.__main__ import main

    assert main(["slogans", "--json"]) == 0
    slogans = json.loads(capsys.readouterr().out)
    assert slogans[0]["label"] == "四心" and slogans[0]["members"] == "耐心、细心、用心、爱心"
    assert main(["enumerations", "--json"]) == 0
    enumerations = json.loads(capsys.readouterr().out)
    assert {"items", "shared", "kind", "section_id", "start", "end"} <= set(enumerations[0])
    assert main(["keywords", "--json"]) == 0
    keywords = json.loads(capsys.readouterr().out)
    assert {k["method"] for k in keywords} == {"tfidf", "textrank"}
    assert {(k["section_id"], k["method"]) for k in keywords if k["rank"] == 1} == {
        (k["section_id"], k["method"]) for k in keywords}  # every section and method ranks from 1
    assert main(["keyness", "--json"]) == 0
    keyness = json.loads(capsys.readouterr().out)
    assert keyness and {"section_id", "term", "g2", "log_ratio", "reliable"} <= set(keyness[0])


def test_spans_survive_full_width_text():
    text = "服务故事\n\n接线员李红：四项服务\n李红提供ＡＰＰ、微信、网站、热线四种渠道。她努力做到“话毕单成”。\n"
    analysis = analyse(parse_article(text, Metadata(id="wide")))
    found = discover(analysis)
    (enumeration,) = found.enumerations
    assert [i.text for i in enumeration.items] == ["ＡＰＰ", "微信", "网站", "热线"]
    assert text[enumeration.start:enumeration.end] == "ＡＰＰ、微信、网站、热线"
    assert [(t.term, text[t.start:t.end]) for t in found.quoted_terms] == [("话毕单成", "话毕单成")]
