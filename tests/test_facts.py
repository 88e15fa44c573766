"""Quantities, dates and clock times (analysis.facts), on test sentences and the bundled article."""
import pytest

from analysis.corpus import Metadata, parse_article
from analysis.dates import dates_table, extract_dates
from analysis.facts import extract_facts, facts_table
from analysis.pipeline import analyse


def analysis_of(body, heading="话务员张晓:认真工作", published="2017-11"):
    return analyse(parse_article(f"{heading}\n{body}", Metadata(id="test", published=published)))


@pytest.fixture(scope="module")
def bundled(article):
    return analyse(article)


def by_text(facts):
    return {f.text: f for f in facts}


def test_ranges_units_counted_and_periods():
    facts = by_text(extract_facts(analysis_of(
        "张晓每天要处理200到300个左右的工单。张晓说,一个月大概有六到七个夜班。"
        "张晓常常一坐就是四五个小时。一天接听和拨打电话能达到60多个。热线中心有58名话务员。")))
    assert set(facts) == {"200到300个左右", "六到七个", "四五个小时", "60多个", "58名"}
    workload = facts["200到300个左右"]
    assert (workload.low, workload.high, workload.approx, workload.unit, workload.counted, workload.period) \
        == (200, 300, True, "个", "工单", "每天")
    nights = facts["六到七个"]
    assert (nights.low, nights.high, nights.approx, nights.counted, nights.period) == (6, 7, True, "夜班", "一个月")
    hours = facts["四五个小时"]
    assert (hours.low, hours.high, hours.unit, hours.counted, hours.period) == (4, 5, "小时", "小时", None)
    calls = facts["60多个"]
    assert (calls.value, calls.low, calls.high, calls.approx, calls.counted, calls.period) \
        == (60, 60, None, True, "电话", "一天")
    staff = facts["58名"]
    assert (staff.value, staff.approx, staff.unit, staff.counted) == (58, False, "名", "话务员")
    assert all(f.person == "张晓" and f.profile_id == "p01" for f in facts.values())


def test_vague_numbers_and_nearly():
    facts = by_text(extract_facts(analysis_of("全市有几十乃至上百个政府职能部门。张晓经过近12小时的抢修。")))
    departments = facts["几十乃至上百个"]
    assert (departments.low, departments.high, departments.approx, departments.counted) == (20, 100, True, "政府职能部门")
    repair = facts["12小时"]
    assert repair.approx and repair.qualifier == "近" and repair.unit == "小时"


def test_phone_numbers_the_hotline_name_dates_and_ordinals_are_not_quantities():
    facts = extract_facts(analysis_of(
        "来电显示:0517-12345,张晓赶紧接起了电话。12345热线全天服务。张晓2012年进入中心,"
        "是第一批话务员,第二个家就是这里。张晓记得每一个电话,在四周设立护栏,联系千家万户。"))
    assert facts == []


def test_answer_to_a_how_many_question_takes_what_was_asked():
    facts = extract_facts(analysis_of(
        "张晓每天上班先查看系统里有多少未签发的回访工单。“一般是在150到180个左右。”张晓说。"))
    assert len(facts) == 1
    assert (facts[0].low, facts[0].high, facts[0].counted, facts[0].period) == (150, 180, "回访工单", "每天")


def dates_of(body, published="2017-11"):
    return {d.text: d for d in extract_dates(analysis_of(body, published=published))}


def test_relative_dates_resolve_against_publication():
    dates = dates_of("去年10月3日,夜里11点左右,张晓被叫醒。电话那头,当天的值班组长说了情况。"
                     "今年4月,张晓加入热线。五年前热线刚成立。2017年5月18日中午,张晓接到电话。")
    assert dates["去年10月3日"].resolved == "2016-10-03" and dates["去年10月3日"].kind == "relative"
    assert dates["当天"].resolved == "2016-10-03"
    assert (dates["今年4月"].year, dates["今年4月"].month, dates["今年4月"].resolved) == (2017, 4, "2017-04")
    assert dates["五年前"].resolved == "2012" and dates["五年前"].year == 2012
    assert dates["2017年5月18日"].kind == "absolute" and dates["2017年5月18日"].resolved == "2017-05-18"
    clock = dates["夜里11点左右"]
    assert (clock.kind, clock.hour, clock.approx, clock.resolved) == ("clock", 23, True, "2016-10-03T23:00")


def test_clock_times_and_the_next_day():
    dates = dates_of("张晓说,夜班从晚上9点到第二天早上8点。每天8点多钟,张晓到岗。")
    assert dates["晚上9点"].hour == 21 and dates["晚上9点"].resolved == "21:00"
    assert dates["第二天早上8点"].hour == 8
    assert dates["8点多钟"].hour == 8 and dates["8点多钟"].approx
    assert all(d.kind == "clock" for d in dates.values())


def test_without_a_publication_date_relative_dates_stay_unresolved():
    dates = dates_of("去年10月3日,张晓值班。五年前张晓加入。", published=None)
    assert dates["去年10月3日"].resolved == "" and dates["五年前"].resolved == ""
    assert dates["去年10月3日"].month == 10 and dates["去年10月3日"].day == 3


def test_same_day_without_an_earlier_date_is_not_resolved():
    dates = dates_of("张晓力争当天的工单当天派发完毕。")
    assert [d.resolved for d in dates.values()] == [""]


def test_bundled_article_workloads(bundled):
    facts = extract_facts(bundled)
    found = {(f.person, f.low, f.high, f.counted, f.period) for f in facts}
    assert ("沈玥", 200, 300, "工单", "每天") in found
    assert ("孟莹", 150, 180, "回访工单", "每天") in found
    assert ("范丹", 6, 7, "夜班", "一个月") in found
    assert ("倪玉美", 60, None, "电话", "一天") in found
    assert ("倪玉美", 4, 5, "小时", None) in found
    assert not [f for f in facts if f.value in (12345, 517, 10086, 120)]


def test_bundled_article_dates(bundled):
    dates = extract_dates(bundled)
    resolved = {(d.profile_id, d.text): d.resolved for d in dates}
    assert resolved[("p01", "去年10月3日")] == "2016-10-03"
    assert resolved[("p04", "今年4月")] == "2017-04"
    assert resolved[("p06", "五年前")] == "2012"
    assert resolved[("p07", "晚上9点")] == "21:00"
    assert resolved[("p01", "夜里11点左右")] == "2016-10-03T23:00"


def test_span_invariant(bundled):
    text = bundled.article.text
    facts, dates = extract_facts(bundled), extract_dates(bundled)
    assert facts and dates
    for fact in facts:
        assert text[fact.start:fact.end] == fact.text
        assert text[fact.sentence_start:fact.sentence_start + len(fact.sentence)] == fact.sentence
        assert fact.sentence_start <= fact.start < fact.end
        assert bundled.article.section_at(fact.start).id == fact.profile_id
    for mention in dates:
        assert text[mention.start:mention.end] == mention.text
        assert bundled.article.section_at(mention.start).id == mention.profile_id


def test_tables_have_the_agreed_columns(bundled):
    assert list(facts_table(bundled).columns) == [
        "article_id", "section_id", "person", "value", "low", "high", "approx", "unit", "counted", "period",
        "sentence", "start", "end"]
    assert list(dates_table(bundled).columns) == [
        "article_id", "section_id", "text", "kind", "year", "month", "day", "hour", "resolved", "start", "end"]


def test_cli_facts_json(capsys, article):
    import json

    from analysis.__main__ import main

    assert main(["facts", "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert records and all(set(r) == {"article_id", "section_id", "person", "value", "low", "high", "approx", "unit", "counted",
                                      "period", "sentence", "start", "end"} for r in records)
    assert {"low": 150, "high": 180, "counted": "回访工单"}.items() <= next(
        r for r in records if r["low"] == 150).items()


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

NUMBERS_AND_UNITS = st.text(alphabet="0123456789一二三四五六七十百几多到至-个名天年月日号点晚上今年去年前当天左右近，。张晓",
                            min_size=1, max_size=60)


@settings(max_examples=40, deadline=None, derandomize=True)
@given(body=NUMBERS_AND_UNITS)
def test_span_invariant_on_any_run_of_numbers_and_units(body):
    analysis = analysis_of("张晓" + body)
    text = analysis.article.text
    for fact in extract_facts(analysis):
        assert text[fact.start:fact.end] == fact.text
    for mention in extract_dates(analysis):
        assert text[mention.start:mention.end] == mention.text


def test_orders_nights_and_an_amount_named_before_its_value():
    facts = by_text(extract_facts(analysis_of(
        "张晓以前一天能接30多单。夜里平均每晚会有20单。"
        "张晓每天收发快递的数量比往常增加了一倍,能达400多单。"
        "张晓每天的工作量很大,走了10公里,送了90多个包裹。")))
    assert (facts["30多单"].counted, facts["30多单"].period) == ("单", "一天")  # 单 is an order
    assert (facts["20单"].counted, facts["20单"].period) == ("单", "每晚")
    assert (facts["400多单"].low, facts["400多单"].period) == (400, "每天")  # the period of 每天…的数量
    # another quantity between the amount and the number: the period does not reach across it
    assert facts["90多个"].period is None
