"""Joined year with evidence, and workloads, per profiled person (analysis.people)."""
import pytest

from analysis.corpus import Metadata, parse_article
from analysis.people import people, people_table, person_record, workloads_table
from analysis.pipeline import analyse


def person_of(body, heading="话务员张晓:认真工作", published="2017-11"):
    analysis = analyse(parse_article(f"{heading}\n{body}", Metadata(id="test", published=published)))
    [person] = people(analysis)
    if person.joined_evidence is not None:
        assert analysis.article.text[person.joined_start:person.joined_end] == person.joined_evidence
    return person


@pytest.mark.parametrize("body, year", [
    ("张晓是一名预审员,自2012年进入中心工作以来,她已经工作了很久。", 2012),
    ("今年4月,张晓正式加入12345热线,成为一名接线员。", 2017),
    ("张晓很忙。从2014年到现在,三年多的时光飞逝,他早已习惯。", 2014),
    ("五年前热线刚刚成立,张晓在那时就加入了热线。", 2012),
    ("2013年,23岁的张晓第一次走进热线中心。", 2013),
    ("张晓是热线的第一批话务员。“我是2012年走上这个岗位的。”张晓笑着告诉记者。", 2012),
    ("入职四年,张晓学会了很多。", 2013),
])
def test_joined_year_patterns(body, year):
    person = person_of(body)
    assert person.joined_year == year
    assert person.joined_evidence and person.joined_start is not None


@pytest.mark.parametrize("body", [
    "张晓到信息科工作的时间不算长,但体会很深。",
    "当2016年大学毕业的张晓第一次走进中心,她就想到了很多。",  # 2016 dates the degree, not the joining
    "张晓工作一年多来,给自己做了一番总结。",  # 一年多 does not fix a year
    "张晓的同事李明2015年加入了热线。",  # someone else's joining
])
def test_joined_year_unknown_when_the_text_does_not_say(body):
    person = person_of(body)
    assert (person.joined_year, person.joined_evidence, person.joined_start) == (None, None, None)


def test_relative_joining_needs_a_publication_date():
    assert person_of("入职四年,张晓学会了很多。", published=None).joined_year is None
    assert person_of("今年4月,张晓正式加入热线。", published=None).joined_year is None


def test_daily_workload():
    person = person_of("张晓每天要处理200到300个左右的工单。一天接听和拨打电话能达到60多个。"
                       "一个月大概有六到七个夜班。一年365天,一天24小时,热线都有人。")
    assert [(w.low, w.high, w.counted, w.period) for w in person.workloads] == [
        (200, 300, "工单", "每天"), (60, None, "电话", "一天"), (6, 7, "夜班", "一个月")]
    assert person_record(person)["daily_workload"] == [
        {"low": 200, "high": 300, "counted": "工单"}, {"low": 60, "high": None, "counted": "电话"}]


@pytest.fixture(scope="module")
def bundled(article):
    return analyse(article)


@pytest.fixture(scope="module")
def bundled_people(bundled):
    return {p.name: p for p in people(bundled)}


def test_bundled_joined_years(bundled_people):
    years = {name: p.joined_year for name, p in bundled_people.items()}
    assert years["沈玥"] == 2012
    assert years["倪玉美"] == 2017
    assert years["杨光"] is None
    assert years["韩朋友"] == 2014
    assert years["王燕"] == 2012
    assert years["范丹"] == 2013
    assert years["谷丽丽"] == 2012
    assert years["孟莹"] == 2012
    assert "2012年进入中心" in bundled_people["沈玥"].joined_evidence


def test_bundled_workloads(bundled_people):
    daily = {name: [(w.low, w.high, w.counted) for w in p.daily_workload] for name, p in bundled_people.items()}
    assert daily["孟莹"] == [(150, 180, "回访工单")]
    assert daily["沈玥"] == [(200, 300, "工单")]
    assert daily["倪玉美"] == [(60, None, "电话")]
    assert daily["韩朋友"] == [] and daily["杨光"] == []
    assert [(w.low, w.high, w.counted, w.period) for w in bundled_people["范丹"].workloads] == [(6, 7, "夜班", "一个月")]


def test_bundled_span_invariant(bundled, bundled_people):
    text = bundled.article.text
    for person in bundled_people.values():
        profile = bundled.article.section(person.profile_id)
        if person.joined_evidence is not None:
            assert text[person.joined_start:person.joined_end] == person.joined_evidence
            assert profile.start <= person.joined_start < person.joined_end <= profile.end
        for workload in person.workloads:
            assert text[workload.start:workload.end] == workload.text
            assert profile.start <= workload.start < workload.end <= profile.end


def test_tables_have_the_agreed_columns(bundled):
    assert list(people_table(bundled).columns) == [
        "article_id", "profile_id", "name", "role", "joined_year", "joined_evidence", "joined_start", "joined_end"]
    assert list(workloads_table(bundled).columns) == [
        "article_id", "profile_id", "name", "role", "low", "high", "approx", "counted", "period", "start", "end"]
    assert len(people_table(bundled)) == 9


def test_cli_people_json(capsys):
    import json

    from analysis.__main__ import main

    assert main(["people", "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert len(records) == 9
    assert all(set(r) == {"name", "role", "joined_year", "joined_evidence", "daily_workload"} for r in records)
    by_name = {r["name"]: r for r in records}
    assert by_name["杨光"]["joined_year"] is None and by_name["杨光"]["joined_evidence"] is None
    assert by_name["孟莹"]["daily_workload"] == [{"low": 150, "high": 180, "counted": "回访工单"}]
