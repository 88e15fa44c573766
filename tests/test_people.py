"""Joined year, years served and workloads with evidence, for every named person (analysis.people)."""
import warnings

import pytest

from analysis.corpus import Metadata, parse_article
from analysis.people import people, people_table, person_mentions_table, workloads_table
from analysis.tablespec import BY_NAME
from analysis.pipeline import analyse


def analysed(text, published="2017-11"):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # no profile headings in some of these texts
        return analyse(parse_article(text, Metadata(id="test", published=published)))


def person_of(body, heading="话务员张晓:认真工作", published="2017-11", name="张晓"):
    analysis = analysed(f"{heading}\n{body}" if heading else body, published)
    [person] = [p for p in people(analysis) if p.name == name]
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
    ("当2016年大学毕业的张晓第一次走进中心,她就想到了很多。", 2016),  # the degree, then the first job
    ("2016年大学毕业后,张晓第一次走进了热线中心。", 2016),
    ("张晓2010年毕业于南京大学,去年来到中心。", 2016),  # the degree's year is not the joining's
    ("2015年，张晓回到家乡干起了快递员。", 2015),
    ("张晓自1996年毕业参加公安工作后，就守护在这里。", 1996),
    ("回想2010年刚来当社区民警，张晓有些感慨。", 2010),
    ("张晓是李明的徒弟，2015年大学毕业后，来到热线中心工作。", 2015),  # the apprentice, not the possessor
])
def test_joined_year_patterns(body, year):
    person = person_of(body)
    assert person.joined_year == year
    assert person.joined_evidence and person.joined_start is not None


@pytest.mark.parametrize("body", [
    "张晓到信息科工作的时间不算长,但体会很深。",
    "1990年出生的张晓第一次走进中心,她就想到了很多。",  # 1990 dates the birth, not the joining
    "张晓工作一年多来,给自己做了一番总结。",  # 一年多 does not fix a year
    "张晓的同事李明2015年加入了热线。",  # someone else's joining
    "2014年新年第一天,张晓提着米和油来到社区孤寡老人林婆婆的家中。",  # a visit
    "2015年,一位民警走进了张晓的店里。",
    "2023年春运已经进入返程客流高峰,张晓很忙。",  # a phase, not a post
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
    assert [(w.low, w.high, w.counted) for w in person.daily_workload] == [(200, 300, "工单"), (60, None, "电话")]


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
        for start, end, evidence in ((person.joined_start, person.joined_end, person.joined_evidence),
                                     (person.served_start, person.served_end, person.served_evidence)):
            if evidence is not None:
                assert text[start:end] == evidence
        if person.profile_id is not None:
            profile = bundled.article.section(person.profile_id)
            if person.joined_evidence is not None:
                assert profile.start <= person.joined_start < person.joined_end <= profile.end
        for workload in person.workloads:
            assert text[workload.start:workload.end] == workload.text
            section = bundled.article.section(workload.profile_id)
            assert section.start <= workload.start < workload.end <= section.end
    for row in person_mentions_table(bundled).itertuples():
        assert text[row.start:row.end] == row.text
        section = bundled.article.section(row.section_id)
        assert section.start <= row.start < row.end <= section.end


def test_tables_have_the_agreed_columns(bundled):
    frame = people_table(bundled)
    assert list(frame.columns) == [
        "article_id", "person_id", "name", "role", "section_id", "sections", "mentions",
        "joined_year", "joined_evidence", "joined_start", "joined_end",
        "years_served", "served_evidence", "served_start", "served_end"]
    assert list(workloads_table(bundled).columns) == [
        "article_id", "section_id", "person_id", "name", "role", "low", "high", "approx", "counted", "period",
        "start", "end"]
    assert frame["section_id"].notna().sum() == 9
    assert set(bundled.article.metadata.reporters).isdisjoint(frame["name"])  # the byline is not the story


def test_cli_people_json(capsys):
    import json

    from analysis.__main__ import main

    assert main(["people", "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert sum(r["section_id"] is not None for r in records) == 9
    assert all(list(r) == BY_NAME["people"].names for r in records)
    by_name = {r["name"]: r for r in records}
    assert by_name["杨光"]["joined_year"] is None and by_name["杨光"]["joined_evidence"] is None
    assert main(["workloads", "--json"]) == 0
    workloads = json.loads(capsys.readouterr().out)
    assert [(w["low"], w["high"], w["counted"], w["period"]) for w in workloads if w["name"] == "孟莹"] == [
        (150, 180, "回访工单", "每天")]


# ---------------------------------------------------------------- people who are not profiled

STORY = ("两个小时后,记者见到了派出所所长李建国。2012年,李建国来到这个山区派出所,一干就是5年。\n"
         "指导员王海涛在这里工作了8年。他每天要处理50多个工单。\n"
         "话务员们每天接听3000多个电话。话务员赵文华每天接听100多个电话。\n"
         "本报记者 孙小梅")


@pytest.fixture(scope="module")
def story():
    return analysed(STORY, published="2017-06")


def test_facts_for_people_without_a_profile(story):
    found = {p.name: p for p in people(story)}
    assert found["李建国"].joined_year == 2012 and found["李建国"].profile_id is None
    assert found["王海涛"].years_served == 8 and found["王海涛"].joined_year == 2009
    assert "工作了8年" in found["王海涛"].served_evidence
    assert [(w.low, w.counted) for w in found["王海涛"].daily_workload] == [(50, "工单")]
    assert [(w.low, w.counted) for w in found["赵文华"].daily_workload] == [(100, "电话")]
    assert "孙小梅" not in found  # the reporter


def test_a_group_figure_is_no_ones(story):
    counted = [w.text for p in people(story) for w in p.workloads]
    assert counted and not any("3000" in text for text in counted)


def test_traceability_of_every_people_table(story):
    text = story.article.text
    frame = people_table(story)
    for fact in ("joined", "served"):
        for row in frame.dropna(subset=[f"{fact}_start"]).itertuples():
            assert text[getattr(row, f"{fact}_start"):getattr(row, f"{fact}_end")] == getattr(row, f"{fact}_evidence")
    for row in person_mentions_table(story).itertuples():
        assert text[row.start:row.end] == row.text
    for row in workloads_table(story).itertuples():
        section = story.article.section(row.section_id)
        assert section.start <= row.start < row.end <= section.end


def test_an_interviews_answers_give_the_joined_year_and_the_years():
    analysis = analysed("调度员李冬生每天调度400多趟列车。\n记者:李师傅,你是哪年参加工作的?\n调度员李冬生:1984年。\n"
                        "记者:连续多少年了?\n调度员李冬生:连续27年了。", published="2011-02")
    [person] = [p for p in people(analysis) if p.name == "李冬生"]
    assert (person.joined_year, person.years_served) == (1984, 27)
    assert person.joined_evidence == "调度员李冬生:1984年。"


@pytest.mark.parametrize("body, years", [
    ("张晓没离开过这片广场，一站就是13年。", 13),
    ("张晓从警17年，大半的春节都在岗位上。", 17),
    ("张晓从医5年，是急诊科的医生。", 5),
    ("张晓离开了服务30余年的港口。", 30),
    ("张晓工作已经17年了，还是那么细心。", 17),
    ("张晓当小区保安有6年了。", 6),
    ("张晓在社区当“片警”9年多了。", 9),
    ("张晓回到家乡送快递，这一干，就是9年。", 9),
    ("张晓做环卫工人四年了。", 4),
    ("张晓已在讲台上站了三十三年。", 33),
    ("张晓守护在这里，到现在已经有37个年头。", 37),
    ("今年59岁的张晓，已经在天山南北行走了四十多年。", 40),
])
def test_idioms_of_a_long_service_give_the_years_served(body, years):
    person = person_of(body)
    assert person.years_served == years
    assert person.served_evidence and person.served_evidence == person_of(body).served_evidence
    assert person.joined_year is None  # an idiom of service gives the years, never a joining date


@pytest.mark.parametrize("body, years", [
    ("护士张晓在护理岗位已经工作了 13 年，一路干到了护士长。", 13),
    ("张晓从医 5 年，是急诊科的医生。", 5),
])
def test_digits_set_apart_by_spaces_read_as_without(body, years):
    """Web copies often put a space either side of Latin digits."""
    assert person_of(body).years_served == years


def test_a_group_after_a_verb_is_its_object_not_whom_the_length_is_about():
    assert person_of("教师张晓撑起小船，接送孩子们上学，一撑就是36年。").years_served == 36
    assert person_of("张晓说，她的孩子们在外地工作了三年。").years_served is None  # the children's years


def test_a_length_qualifying_someone_elses_name_is_theirs():
    analysis = analysed("话务员张晓:认真工作\n张晓带着徒弟，从警20年的老民警李明也来帮忙。李明很忙。")
    found = {p.name: p.years_served for p in people(analysis)}
    assert found.get("李明") == 20 and found.get("张晓") is None


def test_a_later_tenure_dates_the_joining_of_the_same_years():
    person = person_of("张晓到了热线，一干就是3年。“我来这工作3年了，还没请过假。”张晓说。")
    assert (person.years_served, person.joined_year) == (3, 2014)


@pytest.mark.parametrize("body, years", [
    ("张晓扎根采油一线27年，成了专家。", 27),  # 27, not the 7 after 一线2
    ("22年警务生涯的点点滴滴，都被张晓记在了本子上。", 22),
    ("张晓在33年的从教生涯中，从没有迟到过。", 33),
    ("张晓已有30多年的警龄。", 30),
    ("今年是张晓从事热线工作的第7个年头。", 7),  # the ordinal year of the job: the count, no start date
    ("“这是我从警的第9个年头。”张晓说。", 9),
    ("20多年间，这里的学生换了一茬又一茬，但张晓始终都在。", 20),
    ("张晓和丈夫来山村支教已经整整九年了。", 9),
    ("张晓从教32载,桃李满天下。", 32),
    ("张晓已经从事建筑业30多年。", 30),
    ("张晓20年如一日,做社区居民的贴心人。", 20),
    ("张晓送外卖有三年多了。", 3),
    ("今年是张晓当出租车司机第12个年头。", 12),  # the ordinal year of the job without 的
    ("餐车里师傅们也闲不下来，有20多年工龄的张晓多少年没在家过年了。", 20),  # the length qualifies the name after it
])
def test_lengths_of_a_career_give_the_years_served(body, years):
    person = person_of(body)
    assert person.years_served == years
    assert person.joined_year is None


@pytest.mark.parametrize("body", [
    "张晓来深圳已经有三年了，后来才当上话务员。",  # a place, not the job
    "今年是张晓第4年不回家过年。",  # an ordinal year of something else
    "张晓几十年如一日,帮助着身边的孤寡老人。",  # 几十年: no number of years
])
def test_years_served_unknown_when_the_years_are_not_the_jobs(body):
    assert person_of(body).years_served is None


def test_a_date_shared_with_a_companion_is_the_subjects():
    person = person_of("2012年，她和丈夫一起干起了快递员，至今已是第7个年头。")
    assert (person.joined_year, person.years_served) == (2012, 7)
    other = person_of("2012年，她的丈夫干起了快递员。")  # the husband's joining, not hers
    assert other.joined_year is None


def test_a_length_said_of_two_people_is_each_ones():
    analysis = analysed("现年七十二岁的朱敏才和妻子孙丽娜，来贵州支教已经整整九年了。朱敏才和孙丽娜都很忙。",
                        published="2014-08")
    found = {p.name: p.years_served for p in people(analysis)}
    assert found.get("朱敏才") == 9 and found.get("孙丽娜") == 9


def test_done_for_years_is_a_tenure():
    person = person_of("张晓在这里做了七年片儿警。")
    assert (person.years_served, person.joined_year) == (7, 2010)


@pytest.mark.parametrize("body, year", [
    ("从2022年开始,他扎根网格,关心困难群体。", 2022),
    ("2013年开始张晓担任团支部组织委员。", 2013),
    ("自2006年成立社区警务室后,他就一直做这项工作。", 2006),
    ("2015年,他从森林警察大队转岗到江南派出所,成了一名社区民警。", 2015),
    ("十年前,张晓和丈夫一起,摆起了这个菜摊。", 2007),
    ("当日值班的班长叫张晓,今年45岁的她,是2003年全市首批110接警员。", 2003),  # the date nearest the verb
])
def test_a_year_the_work_starts_from(body, year):
    person = person_of(body)
    assert person.joined_year == year
    assert person.joined_evidence and body.rstrip("。") in person.joined_evidence + "。"


@pytest.mark.parametrize("body", [
    "自2020年以来,大连经历了三轮抗疫之战,张晓都在一线。",  # the city is the subject
    "从2015年开始,他每年都去献血。",  # a habit, no post or work
    "越秀公安自2009年起坚持至今。",
])
def test_a_year_something_else_starts_from_is_no_joining(body):
    assert person_of(body).joined_year is None


def test_a_completed_name_keeps_its_full_mentions():
    from pathlib import Path

    from analysis.corpus import load_article

    folder = Path(__file__).parent / "data" / "realworld" / "jhwb-2025-grid-worker-experience"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        analysis = analyse(load_article(folder))
    [person] = [p for p in people(analysis) if p.name == "方洪有"]  # LAC tags 方洪, always before 有
    full = [m for m in person.mentions if m.form == "full"]
    assert full and all(analysis.article.text[m.start:m.end] == "方洪有" for m in full)
    assert person.joined_year == 2022  # 方洪有今年44岁…。从2022年开始，他扎根网格


def test_a_subject_line_cut_from_its_verb_by_a_line_break():
    person = person_of("2012年,80后的张晓\n正式成为一名话务员")  # subtitle lines
    assert person.joined_year == 2012
    assert person.joined_evidence == "2012年,80后的张晓\n正式成为一名话务员"
    # a line that is no subject waiting for its verb (a dateline) dates nothing on the next line
    assert person_of("本报2012年9月12日讯\n张晓正式成为一名话务员").joined_year is None


@pytest.mark.parametrize("body", [
    "张晓曾经在骑士队当了五年的助教。",  # a former job
    "张晓很能干。它成为其后二十余年间所有电脑动画的基础。",  # 它: a thing's years
])
def test_years_that_are_not_this_jobs(body):
    person = person_of(body)
    assert (person.years_served, person.joined_year) == (None, None)


@pytest.mark.parametrize("body", [
    "今年55岁的张晓在县城开起了饭店。",  # 今年 gives the age
    "2010年,张晓从棉站下岗后,在县城开起了饭店。",  # the year of another event
    "张晓说,自2005年首批银行系基金公司成立以来,市场变了。",  # 首批 of companies, not of a role
])
def test_dates_that_do_not_date_the_joining(body):
    assert person_of(body).joined_year is None


def test_a_profession_entered_in_a_year_and_its_years_as_a_count_of_years():
    person = person_of("张晓1990年从警,在乘警支队工作了20个年头。")
    assert (person.joined_year, person.years_served) == (1990, 20)


@pytest.mark.parametrize("body, years", [
    ("张晓至今已经坚持了11年。", 11),  # a verb of work or of staying, then the length closing the clause
    ("张晓在养路工的岗位上已经35年了，很少休息。", 35),  # at a post, the length with no verb
    ("这片山区，她的双脚已经走了26年了。", 26),  # 走 on a route named before it
    ("张晓如今已经在护理岗位上走过20个年头。", 20),
    ("张晓说,他当货车司机8个年头,这8年的中秋都在路上。", 8),  # the job between the verb and the length
    ("张晓开了20年出租车，认识很多老乘客。", 20),  # a trade's verb with 了, the length before its object
    ("张晓已有17年社区工作经验。", 17),  # years of experience
    ("张晓说，从6年前入职那一刻开始，她每天都在练习。", 6),  # a joining N years ago
])
def test_a_length_closing_a_clause_of_work_is_the_years_served(body, years):
    person = person_of(body)
    assert person.years_served == years
    assert person.served_evidence and body.startswith(person.served_evidence.rstrip("。"))


@pytest.mark.parametrize("body", [
    "张晓的老伴已经走了三年了。",  # 走 without a route: to die, and not hers anyway
    "张晓已经三年没回家过年了。",  # a length of absence
    "张晓今年55岁，结婚已经30年了。",  # no work
    "张晓在这里生活了20年。",
    "张晓坚持了三年的晨跑。",  # a habit: the length does not close the clause
    "张晓曾是一名话务员，而且有近30年的话务员经历。",  # a former trade's experience
    "张晓开的这家有近30年历史的老店很有名。",  # the shop's age
    "张晓说：“这三年的春节假期，我都在岗位上。”",  # a count of holidays
    "当地人已经等了8年，张晓很着急。",  # 当地, no job
])
def test_lengths_that_are_no_ones_service(body):
    assert person_of(body).years_served is None


def test_one_length_is_read_once():
    """A length inside a longer reading (在某站已经干了两年) is not read again for a name nearer to it."""
    analysis = analysed("话务员张晓:认真工作\n张晓后来辞职当上了配送员，在城东李明配送站已经干了两年。")
    found = {p.name: p.years_served for p in people(analysis)}
    assert found.get("张晓") == 2 and not found.get("李明")


@pytest.mark.parametrize("body, year", [
    ("2018年4月，张晓下派到东岭村担任第一书记。", 2018),  # posted to a post
    ("张晓是2006年到市机场安检站工作的老员工。", 2006),  # going somewhere to work there
    ("1997年，张晓毕业到矿上综采队当维修电工。", 1997),  # the degree, then the first job
    ("2009年，张晓博士毕业，进入汽车研究院。", 2009),
    ("2003年，37岁的张晓从一名建筑工人成为环卫工人。", 2003),  # becoming one of a trade
    ("2017年，张晓从外地来到县城成为一名快递员。", 2017),
])
def test_joining_a_post_in_more_words(body, year):
    person = person_of(body)
    assert person.joined_year == year
    assert person.joined_evidence and body.startswith(person.joined_evidence.rstrip("。"))


@pytest.mark.parametrize("body", [
    "2月24日，记者来到张晓所在的哨所。",  # a day's visit, dated by month and day
    "7月30日一早，张晓带领家人来到果园采摘。",
    "1990年，张晓成为一名共产党员。",  # a membership, not a trade
    "2010年，张晓被评为劳动模范，成为全省劳模。",  # an honour
    "2005年，张晓曾担任村会计。",  # a former post
    "2016年，张晓收到了一份工作邀请。",  # 收到, no going somewhere
])
def test_dates_that_join_no_post(body):
    assert person_of(body).joined_year is None


def test_a_pair_pronoun_is_both_people_last_named_together():
    analysis = analysed("话务员张晓:认真工作\n张晓和李明是老搭档。自2004年到供电所从事线路维修工作以来，他俩每年除夕都在岗位上。",
                        published="2019-02")
    found = {p.name: p.joined_year for p in people(analysis)}
    assert found.get("张晓") == 2004 and found.get("李明") == 2004


@pytest.mark.parametrize("body, expected", [
    ("张晓一天要跑4趟，往返8个来回。", (4, "趟", "一天")),  # trips count themselves, like 单
    ("张晓每个班12个小时，要接100多个电话。", (100, "电话", "每个班")),  # a shift is a working day
    ("张晓日均完成700余次“手指口呼”。", (700, "手指口呼", "日均")),  # a quoted term after the measure word
])
def test_more_daily_workloads(body, expected):
    person = person_of(body)
    assert [(w.low, w.counted, w.period) for w in person.daily_workload][:1] == [expected]
    assert all(person.daily_workload[0].text in body for _ in [0])


def test_a_figure_of_a_place_or_body_opening_its_clause_is_no_ones():
    person = person_of("张晓告诉记者，长假期间工作量有所下降。平时，苏州市急救中心一天会派三百多趟车。")
    assert person.daily_workload == ()


@pytest.mark.parametrize("body, year, years", [
    ("1986年，高中毕业的张晓进入煤矿，成为一名绞车司机。", 1986, None),  # the degree qualifying the name, then the job
    ("张晓是1998年进厂的老钳工。", 1998, None),
    ("张晓从2002年开始干这行，跑遍了全国。", 2002, None),  # the verb right after the year, the person before it
    ("入行七年，张晓跑过全国大半的地方。", 2010, 7),
    ("张晓入伍22年，参加过多次演习。", 1995, 22),
    ("超过12载的从医经历让张晓走遍了山村。", None, 12),
    ("张晓15年从事特殊教育，从不言累。", None, 15),  # a length before the verb (headline style)
    ("“4年前，我入职了。”张晓说。", 2013, 4),  # a joining N years ago, its subject between
])
def test_more_words_of_joining_and_of_years(body, year, years):
    person = person_of(body)
    assert (person.joined_year, person.years_served) == (year, years)


@pytest.mark.parametrize("body", [
    "张晓已经有6个年头没有回老家过年了。",  # an absence
    "张晓父女在车库里安了家，一住就是12年。",  # living somewhere, not working
    "张晓是院长。40年来团队累计完成近2万台手术。",  # the team's, named right after the length
])
def test_more_lengths_that_are_no_ones_service(body):
    assert person_of(body).years_served is None


def test_pieces_are_counted_but_money_is_not():
    assert [(w.low, w.counted) for w in person_of("张晓每天销售冰块2000块左右。").daily_workload] == [(2000, "冰块")]
    assert person_of("张晓每天能挣200块钱。").daily_workload == ()


def test_years_stated_in_a_photo_caption():
    """A photo story states its people's years in the captions, which the analysis leaves out of its sentences."""
    analysis = analysed("张晓是夜班出租车司机，很辛苦。\n\n凌晨0点，夜班出租车司机张晓在街头等乘客。"
                        "今年是张晓当出租车司机第12个年头。新华社记者 李明 摄\n\n张晓说，夜里乘客不多。")
    assert [s.kind for s in analysis.article.sections if s.id.startswith("caption")] == ["caption"]
    [person] = [p for p in people(analysis) if p.name == "张晓"]
    assert person.years_served == 12
    assert analysis.article.text[person.served_start:person.served_end] == person.served_evidence


def test_a_group_gone_along_with_is_a_companion():
    assert person_of("2009年，25岁的张晓随爱心支教团队前往贵州支教。").joined_year == 2009
    assert person_of("张晓2008年从老家来到南京打拼，做过售货员。").joined_year is None  # a city to make a living in


def test_a_clause_set_line_by_line_keeps_its_period():
    person = person_of("张晓每天在飞机货舱内\n将1000件行李搬上搬下")
    assert [(w.low, w.counted, w.period) for w in person.daily_workload] == [(1000, "行李", "每天")]
    assert person_of("张晓每天都很忙。\n将1000件行李搬上搬下").daily_workload == ()  # a closed line carries nothing
