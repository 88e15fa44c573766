"""Quoted spans, their kinds and speakers, repaired marks and pull quotes (analysis.quotes)."""
import re

import pytest

from analysis.corpus import Metadata, parse_article
from analysis.pipeline import analyse
from analysis.quotes import (classify, extract_quotes, printable_length, pull_quotes, pull_quotes_table,
                             quotes_table, ranked_pull_quotes)
from analysis.tablespec import BY_NAME


def quotes_of(body, heading="话务员张晓:认真工作"):
    analysis = analyse(parse_article(f"{heading}\n{body}", Metadata(id="test", published="2017-11")))
    quotes = extract_quotes(analysis)
    for quote in quotes:
        assert analysis.article.text[quote.start:quote.end] == quote.text
    return quotes


def one(quotes, text):
    found = [q for q in quotes if q.text == text]
    assert len(found) == 1, [q.text for q in quotes]
    return found[0]


@pytest.fixture(scope="module")
def bundled(article):
    return analyse(article)


@pytest.fixture(scope="module")
def bundled_quotes(bundled):
    return extract_quotes(bundled)


def test_speaker_after_the_quote_and_a_continued_quote():
    quotes = quotes_of("杨光很忙。“信息科工作比较杂,但每做好一件事都能提升自己。”杨光说,“保证每一通电话都能打进来。”",
                       heading="信息科杨光:做守护者")
    assert [(q.speaker, q.speaker_how) for q in quotes] == [("杨光", "after"), ("杨光", "before")]
    quotes = quotes_of("杨光很忙。“信息科工作比较杂,但每做好一件事都能提升自己。”杨光说,“保证每一通电话都能打进来。”",
                       heading="信息科杨光:做守护者")
    assert all(q.kind == "speech" for q in quotes)


def test_continued_quote_without_its_own_tag():
    quotes = quotes_of("“信息科工作比较杂,但都能提升自己。”杨光表示,“保证每一通电话都能打进来。”", heading="信息科杨光:做守护者")
    assert [q.speaker for q in quotes] == ["杨光", "杨光"]


def test_role_phrase_before_the_quote_with_an_adverb():
    quote = quotes_of("张晓接起电话。电话那头,当天的值班组长焦急地说:“班长,市民来电反映,楼裂了很大的缝隙。”")[0]
    assert (quote.speaker, quote.speaker_description, quote.kind) == (None, "当天的值班组长", "speech")


def test_pronoun_resolves_to_the_profiled_person_when_clear():
    quote = quotes_of("张晓说,她很喜欢这份工作。“这是我的第一份工作,刚开始挺害怕接电话的。”她说。"
                      "张晓觉得她成长了。")[0]
    assert (quote.speaker, quote.speaker_how) == ("张晓", "after")


def test_pronoun_stays_unknown_when_someone_else_comes_between():
    quote = quotes_of("张晓接到一位女士的电话,她很着急。“我的手机掉进窨井里了,请帮帮我。”她说。她是张晓。")[0]
    assert quote.speaker is None and quote.kind == "speech"


def test_pronoun_of_the_other_gender_is_not_the_profiled_person():
    quote = quotes_of("张晓说,她很忙,她每天都加班。“我们交给该公司很多遍了,他们也回复了。”他说。")[0]
    assert quote.speaker is None


def test_sentence_that_names_the_speaker_and_ends_with_a_colon():
    quote = quotes_of("谈起工作,张晓很激动:“每一个电话都要认真接好,这是责任。”")[0]
    assert (quote.speaker, quote.speaker_how) == ("张晓", "introduced")


def test_reporting_verb_earlier_in_the_sentence():
    quote = quotes_of("张晓感慨道,12345是一座桥梁,更是一个承诺,“要成为一名合格的话务员不是件容易的事情。”")[0]
    assert (quote.speaker, quote.speaker_how) == ("张晓", "earlier")


def test_quote_without_a_speaker():
    quotes = quotes_of("张晓记得那天。“哎呀,我的电脑坏了”、“话务区电脑全部无法接听了”……平台全线崩溃。")
    assert [(q.kind, q.speaker) for q in quotes] == [("speech", None), ("speech", None)]


def test_terms_are_never_speech():
    quotes = quotes_of("张晓说,要做到“话毕单成”。她以为工作就是“接接电话”,用“四心”换“满意”。",
                       heading="话务员张晓:用“四心”换“满意”")
    assert {q.text for q in quotes} == {"话毕单成", "接接电话", "四心", "满意"}
    assert all(q.kind == "term" and q.speaker is None for q in quotes)


def test_lists_and_slogans():
    quotes = quotes_of("张晓避免使用“请、您好、谢谢、对不起、再见。”礼貌用语之外还有很多。"
                       "在话务中心的墙上写着这样一段话:“虽默默无闻,但联系千家万户。”张晓每天都看。")
    assert one(quotes, "请、您好、谢谢、对不起、再见。").kind == "list"
    assert one(quotes, "虽默默无闻,但联系千家万户。").kind == "slogan"
    assert all(q.speaker is None for q in quotes)


def test_classify_directly():
    assert classify("四心", "做到这", "。") == "term"
    assert classify("谢谢", "听到市民说", "的时候") == "speech"
    assert classify("耐心、细心、用心、爱心", "那就是要做到", "。") == "list"
    assert classify("听民声、聚民智、解民忧", "", ",得知12345的工作理念时") == "slogan"
    assert classify("我的系统无法登陆了", "", "、") == "speech"


def test_unbalanced_marks_are_repaired_and_flagged_without_swallowing_the_paragraph():
    body = ("墙上写着:“虽默默无闻,但联系千家万户。”这段话让我深深感动。”组长张晓感慨道,作为一名话务员要牢记职责。"
            "“刚开始我以为很简单。”张晓笑着说,“没想到完全不同。入职四年,张晓学会了很多,“要站在市民的立场去思考问题。”")
    quotes = quotes_of(body)
    texts = [q.text for q in quotes]
    assert texts == ["虽默默无闻,但联系千家万户。", "这段话让我深深感动。", "刚开始我以为很简单。", "没想到完全不同。",
                     "要站在市民的立场去思考问题。"]
    repaired = {q.text: q for q in quotes if q.repaired}
    assert set(repaired) == {"这段话让我深深感动。", "没想到完全不同。"}
    assert "closing mark without an opening" in repaired["这段话让我深深感动。"].repair_note
    assert "opening mark without a closing" in repaired["没想到完全不同。"].repair_note
    assert repaired["这段话让我深深感动。"].speaker == "张晓"
    assert repaired["没想到完全不同。"].speaker == "张晓"
    assert not any("入职四年" in q.text for q in quotes)


def test_unclosed_quote_at_the_end_of_a_paragraph_stays_in_its_paragraph():
    quotes = quotes_of("张晓说:“今天很忙。后来也很忙\n张晓第二段落的文字很长。")
    assert [(q.text, q.repaired) for q in quotes] == [("今天很忙。", True)]


def test_only_marks_and_empty_quotes_do_not_crash():
    quotes = quotes_of("张晓说:“”。”“‘’“")
    assert all(q.text.strip() for q in quotes)


def test_nested_quote():
    quotes = quotes_of("张晓感到很自豪,“她从来没有责怪过我,反而还会安慰我说,‘没关系的,我知道妈妈是要去帮助别人’。”")
    outer = one(quotes, "她从来没有责怪过我,反而还会安慰我说,‘没关系的,我知道妈妈是要去帮助别人’。")
    inner = one(quotes, "没关系的,我知道妈妈是要去帮助别人")
    assert not outer.nested and inner.nested
    assert outer.speaker == "张晓"
    assert inner.speaker is None  # 她 inside the quote is the daughter, not the profiled person


def test_bundled_article_terms_lists_and_slogans(bundled_quotes):
    kinds = {(q.text, q.kind) for q in bundled_quotes}
    for term in ("四心", "话毕单成", "十大服务之星", "接接电话"):
        assert (term, "term") in kinds
    assert ("请、您好、谢谢、对不起、再见。", "list") in kinds
    assert ("虽默默无闻,但联系千家万户。", "slogan") in kinds
    assert not [q for q in bundled_quotes if q.kind != "speech" and q.speaker is not None]


def test_bundled_article_speakers(bundled_quotes):
    def speaker(start_of_text):
        return next(q.speaker for q in bundled_quotes if q.text.startswith(start_of_text))
    assert speaker("班长,市民来电反映") is None
    assert next(q for q in bundled_quotes if q.text.startswith("班长")).speaker_description == "当天的值班组长"
    assert speaker("信息科工作比较杂") == "杨光"
    assert speaker("保证市民每一通电话") == "杨光"
    assert speaker("这是我大学毕业后的第一份工作") == "周蓝蓝"
    assert speaker("我是2012年走上这个岗位的") == "谷丽丽"
    assert speaker("一般是在150到180个左右") == "孟莹"
    assert speaker("哎呀") is None


def test_bundled_article_unbalanced_quotes_in_fan_dans_profile(bundled, bundled_quotes):
    fan = next(p for p in bundled.article.profiles if p.name == "范丹")
    repaired = [q for q in bundled_quotes if q.repaired]
    assert len(repaired) >= 2 and all(q.profile_id == fan.id for q in repaired)
    assert all(q.repair_note for q in repaired)
    body_length = fan.body_end - fan.body_start
    for quote in bundled_quotes:
        assert len(quote.text) < body_length / 3
        assert "入职四年" not in quote.text
        assert "\n" not in quote.text


def test_bundled_article_span_invariant_and_ids(bundled, bundled_quotes):
    text = bundled.article.text
    assert len(bundled_quotes) > 30
    for quote in bundled_quotes:
        assert text[quote.start:quote.end] == quote.text
        assert quote.quote_id == f"q:{quote.start}-{quote.end}"
        assert bundled.article.section_at(quote.start).id == quote.profile_id
    assert len({q.quote_id for q in bundled_quotes}) == len(bundled_quotes)


def test_pull_quotes_are_printable_speech_ranked(bundled):
    picks = pull_quotes(bundled)
    assert picks
    assert all(q.kind == "speech" and 12 <= printable_length(q.text) <= 45 for q in picks)
    ranked = ranked_pull_quotes(bundled)
    assert [p.rank for p in ranked] == list(range(1, len(ranked) + 1))
    assert [p.score for p in ranked] == sorted((p.score for p in ranked), reverse=True)
    assert picks[0].speaker is not None


def test_pull_quote_length_is_configurable(bundled):
    short = pull_quotes(bundled, min_chars=5, max_chars=15)
    assert short and all(5 <= printable_length(q.text) <= 15 for q in short)
    assert {q.quote_id for q in short} != {q.quote_id for q in pull_quotes(bundled)}
    with pytest.raises(ValueError):
        pull_quotes(bundled, min_chars=50, max_chars=10)


def test_tables_have_the_agreed_columns(bundled):
    frame = quotes_table(bundled)
    assert list(frame.columns) == ["article_id", "quote_id", "section_id", "speaker", "speaker_description",
                                   "speaker_how", "kind", "text", "start", "end", "repaired", "repair_note"]
    assert set(frame["kind"]) <= {"speech", "term", "slogan", "title", "list"}
    assert list(pull_quotes_table(bundled).columns) == ["article_id", "quote_id", "rank", "score", "section_id",
                                                        "speaker", "text", "start", "end"]
    assert all(re.fullmatch(r"q:\d+-\d+", qid) for qid in frame["quote_id"])


def test_cli_quotes_json(capsys, article):
    import json

    from analysis.__main__ import main

    assert main(["quotes", "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert records and all(list(r) == BY_NAME["quotes"].names for r in records)
    assert all(article.text[r["start"]:r["end"]] == r["text"] for r in records)
    assert any(r["repaired"] for r in records)


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

MARKS_AND_WORDS = st.text(alphabet="“”‘’。，,:：说道她他张晓我很好工作\n ", min_size=1, max_size=80)


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=MARKS_AND_WORDS)
def test_span_invariant_on_any_arrangement_of_marks(body):
    analysis = analyse(parse_article(f"话务员张晓:认真工作\n张晓{body}", Metadata(id="t", published="2017-11")))
    for quote in extract_quotes(analysis) + pull_quotes(analysis, min_chars=1, max_chars=80):
        assert analysis.article.text[quote.start:quote.end] == quote.text
        assert quote.text.strip() and "\n" not in quote.text


def test_a_quote_set_line_by_line_is_one_quote():
    from analysis.corpus import Metadata, parse_article
    from analysis.pipeline import analyse
    from analysis.quotes import extract_quotes

    text = ("春运里的他们\n\n01\n邵晓明复兴号高铁司机\n“今年是复兴号高铁首次春运\n我的工作就是驾驶复兴号高铁\n"
            "让成千上万的旅客平安回家”\n02\n罗德友12306送餐小哥\n“千千万万的旅客在春运归途中\n能品尝到我们送上的美味餐食\n"
            "心中还是很自豪的”\n")
    analysis = analyse(parse_article(text, Metadata(id="t")))
    speech = [q for q in extract_quotes(analysis) if q.kind == "speech"]
    assert [q.text.count("\n") for q in speech] == [2, 2]
    assert all(text[q.start:q.end] == q.text for q in speech)
    assert [q.speaker for q in speech] == ["邵晓明", "罗德友"]
    assert [(p.name, p.role) for p in analysis.article.profiles] == [
        ("邵晓明", "复兴号高铁司机"), ("罗德友", "12306送餐小哥")]


def test_paragraphs_each_opening_a_quote_are_not_joined():
    from analysis.quotes import _paragraphs

    text = "“第一段话，说了很多\n“第二段话，也说了很多。”"
    assert _paragraphs(text) == [(0, 10), (11, len(text))]
