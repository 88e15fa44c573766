"""Facts for every named person of the story: joined year, years served, daily workload, with evidence.

The people come from the person recogniser (`names.story_people`); a fact belongs to the person
the text says it is about, found by `_referent`: the last person referred to before the fact in
its sentence (a name or short form, 他/她, 我 inside that person's quote), else the subject of the
profile, else the person named last in the sentence before. A group (他们, 话务员们, 大家 …) as the
last referent makes the figure the team's, and no person's.

The joined year comes only from a sentence that ties a year to joining: "2012年进入中心", "今年4月…
加入", "五年前…加入", "从2014年到现在", "我是2012年走上这个岗位的", and the first job after a
degree ("2016年大学毕业后……第一次走进……中心"). A stated length of service ("工作了8年",
"入职四年", "从业十年") is the years served, and dates the joining (publication year minus the
years) when nothing else does. A length with 多 ("工作一年多") fixes no year. When nothing says it,
the year is unknown (None): it is never guessed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from .corpus import Article, Profile
from .dates import DateMention, extract_dates, published_date
from .facts import DAILY_PERIODS, TIME_UNITS, Fact, extract_facts
from .lexicon import HAN
from .names import NameMention, PersonName, caption_sentences, story_people
from .numerals import read_numeral
from .pipeline import Analysis, per_analysis, table
from .quotes import Quote, extract_quotes
from .text import Sentence, normalize

# Verbs of joining; a year in the same clause chain as one of them dates the joining.
# (转岗到, 调到: a transfer into the post is its start; 摆起了这个菜摊: V起 of a trade, to begin it.)
_JOIN_RE = re.compile(r"进入|加入|入职|走进|走上|来到|到岗|参加[^，,。]{0,4}工作|就在|开始在|从事|干起|当上|当起|来当|入行|"
                      r"做起|摆起|开起|转岗到|调到|调入|调任|(?:从警|从教|从医|从军)(?![\d一二三四五六七八九十两])|"
                      r"正式成为|接触到[^，,。]{0,8}这一行|(?:首批|第一批)[^，,。]{0,8}?[员工警兵师者](?![\u4e00-\u9fff])|"
                      # posted to a post (下派到…村担任第一书记), or going somewhere to work there (到…机场工作,
                      # 毕业到…三队当维修电工; not 收到, 得到, 看到 …), or becoming one of a trade (从一名建筑工人成为环卫工人,
                      # 来到抚远市成为一名快递员; not 成为全国劳动模范, 成为一名党员)
                      r"下派|选派|派驻|被派到|担任|进厂|进矿|"
                      r"(?:(?<![收得遇想看听感受达直等提找迟])到|前往|奔赴)[^，,。]{1,16}?(?:工作|上班|任职|支教|任教)"
                      r"(?=的|了|以来|至今|[^\u4e00-\u9fff]|$)|"
                      r"(?<![收得遇想看听感受达直等提找迟])到[^，,。]{1,16}?(?:当|担任)(?![时地年天日初然])|"
                      r"成为(?:了)?(?:一名|一位|一个)?[^，,。]{0,8}?(?:员|工|工人|师|警|兵|医生|护士|司机|书记|干部|主任|所长|队长|站长)"
                      r"(?<!党员)(?<!团员)(?<!会员)(?<!委员)(?<!劳模)(?![\u4e00-\u9fff])")
# A year that dates another life event (2016年大学毕业的周蓝蓝 …) does not date the joining,
_OTHER_EVENT_RE = re.compile(r"毕业|出生|结婚|退休|退伍|转业|下岗|生下")
# 今年55岁的张合义: a date that gives an age dates no joining.
_AGE_AFTER_RE = re.compile(r"的?(?:\d+|[一二三四五六七八九十]{1,3})(?:多)?岁")
# 他曾经在骑士队当了五年的助教: a former job (曾, 曾经), whose years are not this one's.
_FORMER_RE = re.compile(r"曾经|曾(?=[在任是当做干于担从])")
# unless it is the degree right before the first job: 毕业后…走进, 毕业的X第一次走进.
_FIRST_JOB_RE = re.compile(r"毕业(?:后|之后|以后|就|即|参加)|毕业的.{0,12}(?:第一次|首次|初次)"
                           r"|毕业[，,]?(?:到|进入|来到|加入|入职|走上|走进|分配|考入|成为)"
                           r"|毕业的[^，,。]{1,12}?(?:进入|加入|来到|走进|走上|入职|进厂|进矿)")  # 博士毕业，进入某厂; 毕业到某队当电工
# 今年是她从事热线工作的第7个年头: the year of the job, counted (years served), not its start.
_ORDINAL_YEAR_RE = re.compile(r"[^，,。]{0,12}?的第(?:\d+|[一二三四五六七八九十两]{1,3})(?:个年头|年)")
# What is entered is a home, a shop or a period, not a post: a visit (来到…林婆婆的家中, 走进了她的店里),
# a phase (2023年春运已经进入返程客流高峰) or a city to make a living in (来到南京打拼).
_NO_POST_RE = re.compile(r"了?[^，,。]{0,14}?(?:家中|家里|的家|店里|病房|高峰|阶段|节奏|战备|打拼|闯荡|谋生|定居|安家)")
_SINCE_RE = re.compile(r"从(?P<year>\d{4})年(?:起|开始)?(?:到现在|至今|到今天)")
# A year the person's work starts from: 从2022年开始，他扎根网格; 2013年开始倪海兵担任…; 自2006年成立社区
# 警务室后，他就一直做这项工作. The person must be the subject right after it (not 自2020年以来，大连经历了…)
# and take up a post or a work (not 从2015年开始，他每年都去献血).
_STARTED_RE = re.compile(r"(?:从|自)?(?P<year>\d{4})年(?:起|开始|以来)|自(?P<year2>\d{4})年[^，,。]{1,12}?(?:后|以来|起)")
_STARTED_WORK_RE = re.compile(r"(?:一直|就|便|都|也|开始)*(?:担任|扎根|从事|做|干|当|守|负责|投身|加入|进入|成为)")
# A number of years, not the tail of a longer number (扎根采油一线27年 is 27, not 7).
_DIGITS = "一二三四五六七八九十两"


def _years(group: str) -> str:
    # (几十年, 数十年: a vague number, no length). Web copies often set Latin digits apart with
    # spaces (工作了 13 年): one space either side of digits is read as none.
    return rf"(?<![\d{_DIGITS}几数])[ \u00a0]?(?P<{group}>\d+|[{_DIGITS}]{{1,3}})[ \u00a0]?"


_NUMBER = _years("n")
# What a length of years is not: a date (三年前), a thing's age (近30年历史的老店), the count of a
# holiday spent somewhere (这三年的春节).
_NOT_SERVICE = r"(?!前|的?(?:历史|春节|除夕|中秋|假期|寒假|暑假|年夜饭))"
# A stated length of service: 入职四年, 入行七年, 入伍52年, 工作了8年, 做了七年 (these also date the joining) …
_TENURE_RE = re.compile(
    rf"(?:入职|入行|入伍|参军|从业|工作了?|干了|做了|当了|坚守了?|在[^，,。]{{1,12}}(?:工作|干|做|当)了?){_NUMBER}(?:个年头|年)(?P<more>多|余)?(?!前)")
# … and 三年多的时光, 5年中, 6年下来, 两年多来, 20多年间, 在中心工作的五年, 担任民警的3年时间 (years served only).
_SERVED_RE = re.compile(
    rf"(?:(?:工作|担任[^，,。]{{1,10}})的|这|近){_years('n')}年(?P<more>多|余)?{_NOT_SERVICE}"
    rf"|(?<![第每]){_years('n2')}(?:多|余)?年(?P<more2>多|余)?"
    r"(?:的(?:时光|时间|工作|光阴|岁月|锻炼|坚守)|时间|中|下来|来|里|间)")
# … and the idioms of a long service: 一站就是13年, 一干就是二十年; 从警17年, 从医5年, 从教33年, 服务30余年;
# 从事建筑业30多年, 从教32载, 20年如一日, 送外卖有三年多了;
# 工作已经17年了, 当小区保安有6年了, 当“片警”9年多了, 来贵州支教已经整整九年了 (a place alone, 来深圳已经三年了, is
# no job) (years served only); the length of a
# career: 22年警务生涯, 33年的从教生涯, 30多年的警龄, 教龄20年; and the ordinal year of the job, which
# states the count of years (从警的第9个年头, 成为快递员的第七年, 至今已是第7个年头, 当出租车司机第12个年头: without
# 的 only before 个年头); 在天山南北行走了四十多年 as 在讲台上站了三十三年.
_SERVED_IDIOM_RE = re.compile(
    rf"一(?![住等病躺睡])[\u4e00-\u9fff][，,]?就是{_years('n')}(?:多|余)?(?:个年头|年)(?P<more>多|余)?"
    rf"|(?:从医|从警|从教|任教|执教|从军|扎根[^，,。]{{1,8}}|从事[^，,。]{{1,8}}?|服务了?)(?:了|已经|已|有)?"
    rf"{_years('n2')}(?:多|余)?[年载](?P<more2>多|余)?(?!前)"
    rf"|{_years('n11')}(?:多|余)?年如一日"
    rf"|(?:工作|干|当[^，,。]{{1,10}}|做[^，,。]{{1,10}}|送[^，,。]{{1,6}}"
    rf"|来[^，,。]{{1,8}}?(?:支教|工作|任教|执教|服务|从事|当|做|干)[^，,。]{{0,6}}?)(?:已经|已有|已|有)+(?:整整)?"
    rf"{_years('n3')}(?:多|余)?(?:个年头|年)(?P<more3>多|余)?(?!前)"
    rf"|(?:当|做|干)[^，,。]{{1,10}}?{_years('n4')}年(?P<more4>多|余)?了"
    rf"|在[^，,。]{{1,12}}?(?:站|守|待|坚守|扎根|行走|走)了{_years('n5')}(?:多|余)?年(?P<more5>多|余)?"
    rf"|(?:已经|已)有{_years('n6')}个年头(?!没|未)"
    rf"|{_years('n7')}(?:多|余)?年(?P<more7>多|余)?(?:的)?(?:[\u4e00-\u9fff]{{0,4}}?生涯|警龄|教龄|工龄|军龄)"
    rf"|(?:警龄|教龄|工龄|军龄)(?:已经|已有|已|有|长达|达)*{_years('n8')}年(?P<more8>多|余)?"
    rf"|(?:从事|成为|从警|从医|从教|执教|任教|工作|干|当|做|坚守|扎根|入职|加入|来到|参加)[^，,。]{{0,12}}?"
    rf"的第{_years('n9')}(?:个年头|年)"
    rf"|(?:从事|成为|从警|从医|从教|执教|任教|工作|干|当|做|坚守|扎根)[^，,。的]{{1,12}}?第{_years('n12')}个年头"
    rf"|至今(?:已经|已|也)?是?第{_years('n10')}(?:个年头|年)")
# A length of years that ends the predicate of a verb of work or of staying at a post: the
# general shape behind the idioms above (至今已经坚持了11年, 在一线坚守24年, 在这个岗位上已经35年了,
# 在幼教岗位上走过20个年头, 他的双脚已经走了35年了, 当公交车司机8个年头, 开了20年出租车). The length must close the clause
# (then 了, 之久, 有余 or punctuation) or, after a verb of a trade with 了, come before its object.
_WORK_VERB = ("坚持|坚守|守护|值守|驻守|守|奋战|耕耘|深耕|扎根|奉献|服务|工作|干|做|当|走过|走|站|巡逻|执勤|"
              "任教|执教|从教|从医|从警|从业|行医|教书|支教|驾驶")
_POST = "岗位|一线|线路|战线|讲台|工地|窗口|基层|前线|路段|位置"
_ADVERBS = "(?:已经|已有|已|有|整整|足足|将近|近|快|了)*"
_DURATION_RE = re.compile(
    rf"(?:(?P<verb>{_WORK_VERB})(?:了|过|着)?|在[^，,。]{{1,15}}?(?:{_POST})上?"
    rf"|(?:当(?![时地年天日初然前中])|做|干|从事)[^，,。了的]{{1,10}}?){_ADVERBS}"
    rf"{_years('n')}(?:多|余)?(?:个年头|年|载)(?P<more>多|余)?{_NOT_SERVICE}"
    rf"(?=了|之久|有余|[，,。；;！!？?…”」』]|$)"
    rf"|(?P<trade>开|送|扫|教|跑|修)了{_years('n2')}(?:多|余)?年(?P<more2>多|余)?的?(?=[{HAN}])(?!的?(?:时间|历史))")
# 走 is also to die (老伴走了三年): a length walked is a post's only on a route or at a place named
# in the sentence before it (这片区域，他的双脚已经走了35年了; 在幼教岗位上走过20个年头).
_ROUTE_RE = re.compile(r"在|这片|这条|这段|这里")
# 已有17年村务工作经验, 有近30年的话务员经历: years of experience in a trade (a former trade if 曾
# anywhere before it in the sentence: 曾是一名话务员，而且有近30年的话务员经历).
_EXPERIENCE_RE = re.compile(
    rf"(?:有|具有|拥有|积累了|超过|长达)(?:近|超过|了)?{_years('n')}(?:多|余)?[年载](?P<more>多|余)?的?[^，,。]{{0,8}}?"
    r"(?:经验|经历|资历)")
# 15年从事特殊教育, 30年坚守乡村: a length put before a verb of a long work (headline style).
_LEADING_RE = re.compile(rf"{_years('n')}(?:多|余)?[年载](?P<more>多|余)?(?:来)?(?:从事|坚守|扎根|投身|深耕|致力于|奋战在)")
# 从6年前入职那一刻开始: a joining N years ago is N years served (and dates the joining).
_AGO_RE = re.compile(rf"{_years('n')}年前")
# People other than the one a sentence is about, who could be the subject of its verb.
# (它, a thing: 它成为其后二十余年间所有电脑动画的基础 is about the thing, not a person.)
_OTHER_PERSON_RE = re.compile(r"同事|丈夫|妻子|女儿|儿子|孩子|母亲|父亲|姑娘|先生|女士|市民|徒弟|师傅|新人|它(?!们)")
# 和/与/跟/同 before a companion (她和丈夫一起…), and what joins two people into one subject
# (朱敏才和妻子孙丽娜, 张三、李四).
_WITH = "和与跟同"
_COMPANION_RE = re.compile(r"丈夫|妻子|女儿|儿子|孩子|母亲|父亲|同事|徒弟|师傅")
_JOINED_SUBJECT_RE = re.compile(r"[和与跟同、及](?:妻子|丈夫|爱人|老伴|同事)?")
# 随爱心支教团队前往…: a group that someone goes along with is a companion, not whom the clause is about.
_ALONG_RE = re.compile(r"(?:随|跟随|跟着|随同)[^，,。]{0,8}$")
# Groups: a figure said of them is the team's (每天接听数百通电话 of 话务员们), not one person's.
_GROUP_RE = re.compile(rf"他们|她们|我们|大家|咱们|[{HAN}]{{1,2}}们|团队|全体|整个|所有|每位|每个人|每名|各位|班组")
# An interview's questions: when did you join (哪年参加工作的？), how many years (多少年了？).
_ASK_WHEN_RE = re.compile(r"哪年|哪一年|什么时候|何时|几几年")
_ASK_HOW_LONG_RE = re.compile(r"多少年|几年")
_YEARS_RE = re.compile(rf"(?<![\d{_DIGITS}第每])(?P<n>\d+|[{_DIGITS}]{{1,3}})年(?P<more>多|余)?(?![前\d])")
_SINGULAR_RE = re.compile(r"[她他](?!们)")
# A description of the person already named (是一名山西姑娘), not another person.
_PREDICATE_RE = re.compile(rf"(?:是|成为|作为)(?:一名|一位|一个|个|位|名)?[{HAN}]{{0,6}}$")
# X是Y的徒弟: Y, before 的, only describes X
_IS_RE = re.compile("(?:也|就|正|便)?是")
_NUMBER_GROUPS = ("n", "n2", "n3", "n4", "n5", "n6", "n7", "n8", "n9", "n10", "n11", "n12")
_MORE_GROUPS = ("more", "more2", "more3", "more4", "more5", "more7", "more8")
_CLAUSE_MARKS = "，,；;：:。！？!?"
_CLOSING = "。！？!?…；;”\"』」)）"
MAX_QUALIFIED_ROLE = 6  # 有20多年工龄的老乘务员张国强: a role word at most this long between 的 and the name
MAX_YEAR_TO_VERB = 40  # characters between the year and the verb of joining, at most


@dataclass(frozen=True)
class Workload:
    profile_id: str  # the section where it is stated
    person_id: str
    name: str
    role: str | None
    low: float | None
    high: float | None
    approx: bool
    counted: str | None
    period: str
    text: str  # article.text[start:end]
    start: int
    end: int


@dataclass(frozen=True)
class Person:
    person_id: str  # "n01", "n02" … in order of first mention
    name: str
    role: str | None  # the profile heading's role, else the role phrase in apposition
    profile_id: str | None  # the section whose subject this person is, if any
    sections: tuple[str, ...]
    mentions: tuple[NameMention, ...]
    joined_year: int | None
    joined_evidence: str | None  # the sentence that says it; article.text[joined_start:joined_end]
    joined_start: int | None
    joined_end: int | None
    years_served: int | None  # 工作了8年; None when not stated (or stated with 多)
    served_evidence: str | None  # article.text[served_start:served_end]
    served_start: int | None
    served_end: int | None
    workloads: tuple[Workload, ...]

    @property
    def daily_workload(self) -> tuple[Workload, ...]:
        return tuple(w for w in self.workloads if w.period in DAILY_PERIODS)


# ---------------------------------------------------------------- who a place in the text is about

@dataclass(frozen=True)
class _Reference:
    start: int
    end: int
    person: str | None  # a name; None for a group
    kind: str  # "name", "pronoun", "group", "other"


class _Referents:
    """Who the text is about at a given offset (see the module docstring)."""

    def __init__(self, analysis: Analysis, persons: tuple[PersonName, ...], quotes: list[Quote]) -> None:
        self.article = analysis.article
        self.sentences = _sentences(analysis)
        self.subjects = {section: p.name for p in persons for section in p.subject_of}
        self.main = _main_person(persons) if not self.subjects else None
        self.names = {p.name for p in persons}
        self.mentions = sorted(((m.start, m.end, p.name) for p in persons for m in p.mentions))
        self.quotes = [q for q in quotes if q.kind == "speech"]
        self.tokens = analysis.tokens

    def references(self, sentence: Sentence, until: int, since: int | None = None,
                   at: int | None = None, companions: bool = False) -> list[_Reference]:
        """References to people in `sentence` between `since` (default: its start) and `until`, in
        text order. Inside someone's quote only if `at` (default: `until`) is inside it too: the
        words of a quote speak of other people than the narration around it. With `companions`,
        an unnamed person joined to the subject by 和/与/跟/同 (她和丈夫一起干起了快递员) is left
        out: a date or a length shared with a companion is still the subject's."""
        since = sentence.start if since is None else since
        at = until if at is None else at
        refs = [_Reference(s, e, name, "name") for s, e, name in self.mentions if since <= s and e <= until]
        text = self.article.text
        taken = [(r.start, r.end) for r in refs]

        def free(start: int, end: int) -> bool:
            return not any(s < end and start < e for s, e in taken)

        for pattern, kind in ((_SINGULAR_RE, "pronoun"), (_GROUP_RE, "group"), (_OTHER_PERSON_RE, "other")):
            for match in pattern.finditer(text, since, until):
                if kind == "other" and _PREDICATE_RE.search(text, max(sentence.start, match.start() - 10),
                                                            match.start()):
                    continue  # 郭颖楠是一名山西姑娘: the same person, described
                if free(*match.span()):
                    if kind == "pronoun" or not (self._object(match.start()) or kind == "group" and _ALONG_RE.search(
                            text, max(sentence.start, match.start() - 10), match.start())):
                        refs.append(_Reference(match.start(), match.end(), None, kind))
                    taken.append(match.span())
        around = [q for q in self.quotes if q.start <= at < q.end]
        for quote in around:
            if quote.speaker in self.names:
                for match in re.finditer("我(?!们)", text[max(quote.start, since):min(quote.end, until)]):
                    offset = max(quote.start, since) + match.start()
                    refs.append(_Reference(offset, offset + 1, quote.speaker, "name"))
        outside = [q for q in self.quotes if q not in around and q.start < until and since < q.end]
        refs = [r for r in refs if not any(q.start <= r.start < q.end for q in outside)]
        if companions:
            refs = [r for r in refs if not (r.kind == "other" and text[r.start - 1:r.start] in _WITH
                                            and _COMPANION_RE.fullmatch(text, r.start, r.end))]
        return sorted(refs, key=lambda r: r.start)

    def _object(self, start: int) -> bool:
        """A group or another person right after a verb is its object (接送孩子们上学, 看望老人),
        not whom the clause is about."""
        index = int(np.searchsorted(self.tokens.end, start))
        return index < len(self.tokens) and self.tokens.end[index] == start and self.tokens.pos[index].startswith("v")

    def at(self, sentence: Sentence, offset: int, companions: bool = False) -> str | None:
        """The person `offset` (in `sentence`) is about; None for a group, someone else or no one."""
        refs = self.references(sentence, offset, companions=companions)
        if refs:
            last = refs[-1]
            if (len(refs) > 1 and last.kind == "name" and refs[-2].kind in ("name", "pronoun")
                    and self.article.text[last.end:last.end + 1] == "的"
                    and _IS_RE.fullmatch(self.article.text, refs[-2].end, last.start)):
                last = refs[-2]  # 黄崇柱是夏军的徒弟，2015年…来到…: the one before 是, not the possessor
            if last.kind == "name":
                return last.person
            if last.kind == "pronoun":
                return self._pronoun(sentence, last.start, companions)
            return None
        # 担任社区民警的3年时间，逢年过节胡敏都会…: a phrase put first, its person named after it
        after = self.references(sentence, sentence.end, since=offset, at=offset)
        if after and after[0].kind == "name":
            return after[0].person
        if after and after[0].kind == "group" and after[0].start - offset <= MAX_QUALIFIED_ROLE:
            return None  # 40年来团队累计完成…: the group's, right after the phrase
        return self._default(sentence)

    def place_subject(self, sentence: Sentence, offset: int) -> bool:
        """The clause of `offset` opens with a place or an organisation (郑州市120急救一天会派四百多趟):
        its figure is that body's, not that of a person named before the clause."""
        text = self.article.text
        cut = max(text.rfind(mark, sentence.start, offset) for mark in _CLAUSE_MARKS)
        start = max(cut + 1, sentence.start)
        while start < offset and text[start].isspace():
            start += 1
        index = int(np.searchsorted(self.tokens.start, start))
        return index < len(self.tokens) and self.tokens.start[index] == start and self.tokens.pos[index] in ("ns", "nt")

    def qualified(self, end: int) -> str | None:
        """有20多年工龄的张国强 / 从警20年的老民警李建国: a phrase ending at `end` that qualifies the name
        right after it (的, then at most a role word) is that person's."""
        text = self.article.text
        if text[end:end + 1] != "的":
            return None
        for start, _, name in self.mentions:
            if end < start <= end + 1 + MAX_QUALIFIED_ROLE:
                return name if re.fullmatch(rf"[{HAN}]*", text[end + 1:start]) else None
        return None

    def all_at(self, sentence: Sentence, offset: int) -> list[str]:
        """The people a date or a length of service at `offset` is about: as `at`, with companions
        left out, and every person of a joined subject (朱敏才和妻子孙丽娜，来贵州支教已经整整九年了;
        张三、李四从警20年): a date or a length said of two people is each one's."""
        pair = self._pair(sentence, offset)
        if pair:
            return pair
        person = self.at(sentence, offset, companions=True)
        if person is None:
            return []
        refs = [r for r in self.references(sentence, offset, companions=True) if r.kind in ("name", "pronoun")]
        if not refs or refs[-1].kind != "name" or refs[-1].person != person:
            return [person]
        people = [person]
        text = self.article.text
        for earlier, later in zip(reversed(refs[:-1]), reversed(refs)):
            if not _JOINED_SUBJECT_RE.fullmatch(text, earlier.end, later.start):
                break
            name = earlier.person if earlier.kind == "name" else self._pronoun(sentence, earlier.start, True)
            if name and name not in people:
                people.insert(0, name)
        return people

    def _pair(self, sentence: Sentence, offset: int) -> list[str]:
        """他俩/她俩/两人 as whom `offset` is about (the last reference before it, else the first after
        it): the two people last named together (和平和霍建平…。自2004年…以来，他俩…)."""
        text = self.article.text
        refs = self.references(sentence, offset)
        ref = refs[-1] if refs else next(iter(self.references(sentence, sentence.end, since=offset, at=offset)), None)
        if ref is None or not (ref.kind == "pronoun" and text[ref.end:ref.end + 1] == "俩"):
            return []
        for where in (sentence, self.sentences[sentence.index - 1] if sentence.index else None):
            if where is None or where.section_id != sentence.section_id:
                break
            names = [r for r in self.references(where, min(where.end, ref.start)) if r.kind == "name"]
            for earlier, later in zip(reversed(names[:-1]), reversed(names)):
                if earlier.person != later.person and _JOINED_SUBJECT_RE.fullmatch(text, earlier.end, later.start):
                    return [earlier.person, later.person]
        return []

    def _default(self, sentence: Sentence) -> str | None:
        """With no reference in the sentence: the profile's subject, the person named last in the
        sentence before, or the person the whole article is about."""
        return self.subjects.get(sentence.section_id) or self._carried_over(sentence) or self.main

    def _pronoun(self, sentence: Sentence, at: int, companions: bool = False) -> str | None:
        """他/她: the profile's subject unless someone else is named before it in the sentence;
        elsewhere the person named last before it (this sentence or the one before)."""
        named = [r for r in self.references(sentence, at, companions=companions) if r.kind in ("name", "other")]
        subject = self.subjects.get(sentence.section_id)
        if subject and not any(r.person != subject for r in named):
            return subject
        if named:
            return named[-1].person
        return self._default(sentence)

    def _carried_over(self, sentence: Sentence) -> str | None:
        if sentence.index == 0:
            return None
        previous = self.sentences[sentence.index - 1]
        if previous.section_id != sentence.section_id:
            return None
        refs = [r for r in self.references(previous, previous.end) if r.kind != "pronoun"]
        return refs[-1].person if refs and refs[-1].kind == "name" else None


@per_analysis
def _sentences(analysis: Analysis) -> tuple[Sentence, ...]:
    """The body's sentences, then those of the photo captions (numbered after them): a photo story
    states its people's years only there (凌晨0点，夜班出租车司机王某在街头等乘客。今年是王某当出租车司机第12个年头)."""
    return tuple(analysis.sentences) + caption_sentences(analysis)


def _main_person(persons: tuple[PersonName, ...]) -> str | None:
    """The person an article without profiles is about: named at least three times, and more
    than half of all the mentions of people."""
    counts = {p.name: len(p.mentions) for p in persons}
    total = sum(counts.values())
    top = max(counts, key=counts.get, default=None)
    return top if top and counts[top] >= 3 and 2 * counts[top] > total else None


# ---------------------------------------------------------------- facts

@per_analysis
def people(analysis: Analysis) -> tuple[Person, ...]:
    """One record per named person of the story (not the byline), in order of first mention."""
    article = analysis.article
    persons = story_people(analysis)
    referents = _Referents(analysis, persons, extract_quotes(analysis))
    dates = extract_dates(analysis)
    anchor = published_date(article)
    anchor_year = anchor[0] if anchor else None
    joined = _joined_years(analysis, referents, dates)
    served = _years_served(analysis, referents)
    workloads = _workloads(analysis, referents, extract_facts(analysis))
    result = []
    for number, person in enumerate(persons, 1):
        person_id = f"n{number:02d}"
        year_sentence = joined.get(person.name)
        served_fact = served.get(person.name)
        if year_sentence is None and served_fact and served_fact[2] and anchor_year:
            year_sentence = (anchor_year - served_fact[0], served_fact[1])  # 入职四年: 2017 - 4
        year, sentence = year_sentence if year_sentence else (None, None)
        years, served_sentence = (served_fact[0], served_fact[1]) if served_fact else (None, None)
        subject = person.subject_of[0] if person.subject_of else None
        role = _heading_role(article, subject) or person.role
        result.append(Person(
            person_id=person_id, name=person.name, role=role, profile_id=subject, sections=person.sections,
            mentions=person.mentions, joined_year=year,
            joined_evidence=sentence.text if sentence else None,
            joined_start=sentence.start if sentence else None, joined_end=sentence.end if sentence else None,
            years_served=years, served_evidence=served_sentence.text if served_sentence else None,
            served_start=served_sentence.start if served_sentence else None,
            served_end=served_sentence.end if served_sentence else None,
            workloads=tuple(_with_person(w, person_id, person.name, role)
                            for w in workloads.get(person.name, ())),
        ))
    return tuple(result)


def _heading_role(article: Article, section_id: str | None) -> str | None:
    if section_id is None:
        return None
    section = article.section(section_id)
    return section.role if isinstance(section, Profile) else None


def _with_person(workload: Workload, person_id: str, name: str, role: str | None) -> Workload:
    return Workload(workload.profile_id, person_id, name, role, workload.low, workload.high, workload.approx,
                    workload.counted, workload.period, workload.text, workload.start, workload.end)


def _joined_years(analysis: Analysis, referents: _Referents,
                  dates: list[DateMention]) -> dict[str, tuple[int, Sentence]]:
    """Name -> (year, sentence): the first sentence that dates the person's joining."""
    article = analysis.article
    found: dict[str, tuple[int, Sentence]] = {}
    for sentence in _sentences(analysis):
        norm = normalize(article.text, sentence.start, sentence.end)
        asked = _asked(analysis, sentence)
        if asked and _JOIN_RE.search(asked) and _ASK_WHEN_RE.search(asked):
            # 记者：你是哪年参加工作的？ / 调度员李冬生：1984年。
            for mention in dates:
                if sentence.start <= mention.start < sentence.end and mention.kind == "absolute" and mention.year:
                    person = referents.at(sentence, mention.start)
                    if person and person not in found:
                        found[person] = (mention.year, sentence)
                    break
            continue
        since = _SINCE_RE.search(norm.text)
        if since:
            at = norm.to_source(since.start(), since.end())[0]
            person = referents.at(sentence, at) or referents.at(sentence, sentence.end)
            if person and person not in found:
                found[person] = (int(since.group("year")), sentence)
            continue
        started = _STARTED_RE.search(norm.text)
        if started:
            at = norm.to_source(started.end(), started.end())[0]
            person = _started_by(referents, sentence, at)
            if person is None and _STARTED_WORK_RE.match(article.text, at, sentence.end) and not _FORMER_RE.search(
                    article.text, sentence.start, at):
                # 从2002年开始干这行: whom the sentence is about before the year
                person = referents.at(sentence, norm.to_source(started.start(), started.start())[0])
            if person and person not in found:
                found[person] = (int(started.group("year") or started.group("year2")), sentence)
                continue
        joining = _JOIN_RE.search(norm.text)
        if not joining or _ORDINAL_YEAR_RE.match(norm.text, joining.end()) or _NO_POST_RE.match(
                norm.text, joining.end()):
            continue
        join_at = norm.to_source(joining.start(), joining.end())[0]
        persons = [p for p in referents.all_at(sentence, join_at) if p not in found]
        if not persons:
            continue
        scope = _run_on(analysis, referents, sentence)
        # the date nearest the verb dates it (今年45岁的她，是2003年…首批…接警员: 2003, not 今年)
        for mention in reversed(dates):
            if mention.kind == "clock" or mention.year is None or _AGE_AFTER_RE.match(article.text, mention.end):
                continue
            if not (scope.start <= mention.start and mention.end <= join_at):
                continue
            if mention.day is not None and "年" not in mention.text:
                continue  # a day's event, dated by month and day (2月24日，记者来到哨所): a visit, not a joining
            between = article.text[mention.end:join_at]
            if _FORMER_RE.search(article.text[mention.end:join_at + 1]):  # (曾 needs the verb after it)
                break  # 2005年曾担任…: a former post
            # (the verb's first characters too: 毕业参加工作 is the degree right before the first job)
            other_event = _OTHER_EVENT_RE.search(between) and not _FIRST_JOB_RE.search(
                article.text[mention.end:join_at + 2])
            if len(between) <= MAX_YEAR_TO_VERB and not other_event:
                found.update((person, (mention.year, scope)) for person in persons)
                break
    return found


def _run_on(analysis: Analysis, referents: _Referents, sentence: Sentence) -> Sentence:
    """`sentence`, with the line before it when that line is a subject waiting for its predicate:
    no closing punctuation and a person named last (subtitle lines: 2012年,80后的孙锦荣 / 正式成为
    一名宠物侦探). Line breaks end sentences, so such a clause is cut from its verb."""
    if sentence.index == 0:
        return sentence
    previous = _sentences(analysis)[sentence.index - 1]
    text = referents.article.text
    if previous.section_id != sentence.section_id or previous.text.rstrip()[-1:] in _CLOSING or (
            text[previous.end:sentence.start].count("\n") == 0):
        return sentence
    refs = referents.references(previous, previous.end)
    if not refs or refs[-1].kind != "name" or text[refs[-1].end:previous.end].strip():
        return sentence
    return Sentence(sentence.section_id, sentence.index, previous.start, sentence.end,
                    text[previous.start:sentence.end])


def _started_by(referents: _Referents, sentence: Sentence, offset: int) -> str | None:
    """The person named (or 他/她) right after a year the work starts from, if a verb of a post or
    a work follows (see _STARTED_RE)."""
    text = referents.article.text
    offset += text[offset:offset + 1] in ",，"
    refs = referents.references(sentence, sentence.end, since=offset, at=offset)
    if not refs or refs[0].start != offset or refs[0].kind not in ("name", "pronoun"):
        return None
    if not _STARTED_WORK_RE.match(text, refs[0].end, sentence.end):
        return None
    return refs[0].person if refs[0].kind == "name" else referents._pronoun(sentence, refs[0].start)


def _asked(analysis: Analysis, sentence: Sentence) -> str | None:
    """The question just before `sentence` in its section (an interview's question), if any."""
    if sentence.index == 0:
        return None
    previous = _sentences(analysis)[sentence.index - 1]
    if previous.section_id != sentence.section_id or not previous.text.rstrip().endswith(("?", "？")):
        return None
    return previous.text


def _years_served(analysis: Analysis, referents: _Referents) -> dict[str, tuple[int, Sentence, bool]]:
    """Name -> (years, sentence, dates the joining): the first stated length of service.

    工作了8年 / 入职四年 date the joining too; 三年多, 5年中, 6年下来 give the years only (the
    lower number of 三年多), and 一年中 alone is a phrase, not a length of service."""
    article = analysis.article
    found: dict[str, tuple[int, Sentence, bool]] = {}
    for sentence in _sentences(analysis):
        norm = normalize(article.text, sentence.start, sentence.end)
        matches = [(m, True) for m in _TENURE_RE.finditer(norm.text)]
        matches += [(m, False) for m in _SERVED_RE.finditer(norm.text)]
        matches += [(m, False) for m in _SERVED_IDIOM_RE.finditer(norm.text)]
        matches += [(m, False) for m in _DURATION_RE.finditer(norm.text)
                    if not (m.group("verb") or "").startswith("走") or _ROUTE_RE.search(norm.text, 0, m.start())]
        experience = list(_EXPERIENCE_RE.finditer(norm.text))
        # a former trade's experience (曾是…，而且有近30年的…经历) is no one's years here, nor any length inside it
        former = [m.span() for m in experience if _FORMER_RE.search(norm.text, 0, m.start())]
        matches += [(m, False) for m in experience if m.span() not in former]
        matches = [(m, tenure) for m, tenure in matches if not any(s <= m.start() < e for s, e in former)]
        matches += [(m, True) for m in _AGO_RE.finditer(norm.text) if _joins_after(norm.text, m.end())]
        matches += [(m, False) for m in _LEADING_RE.finditer(norm.text)]
        asked = _asked(analysis, sentence)
        if asked and _ASK_HOW_LONG_RE.search(asked):  # 记者：连续多少年了？ / 李冬生：连续27年了。
            matches += [(m, False) for m in _YEARS_RE.finditer(norm.text)][:1]
        used: list[tuple[int, int]] = []
        for match, tenure in sorted(matches, key=lambda item: item[0].start()):
            # 在京东物流某站已经干了两年: one length is one person's (read from 在, not again from 干);
            # a second reading of it may only say that it dates the joining (从事消防工作6年)
            again = any(s < match.end() and match.start() < e for s, e in used)
            groups = match.groupdict()
            number = next((groups[key] for key in _NUMBER_GROUPS if groups.get(key)), None)
            more = next((groups[key] for key in _MORE_GROUPS if groups.get(key)), None)
            years = read_numeral(number) if number else None
            if years is None or years > 60 or number == "一" and not more:
                continue
            clause = norm.text[:match.start()].rsplit("，", 1)[-1].rsplit(",", 1)[-1]
            if _FORMER_RE.search(clause):
                continue
            at, end = norm.to_source(match.start(), match.end())
            used.append(match.span())
            qualified = referents.qualified(end)
            for person in [qualified] if qualified else referents.all_at(sentence, at):
                if person not in found and not again:
                    found[person] = (int(years), sentence, tenure and not more)
                elif person in found and tenure and not more and not found[person][2] and found[person][0] == years:
                    found[person] = (int(years), sentence, True)  # 一干就是3年 … 我来这工作3年了: this one dates the joining
    return found


def _joins_after(text: str, end: int) -> bool:
    """A verb of joining a post right after `end` (6年前入职, 三年前来到热线), not a visit or a phase."""
    start = end + (text[end:end + 1] in ",，")
    joining = _JOIN_RE.search(text, start, start + 4 + 16)
    # (the verb first, or after a short subject: 4年前，我入职了; 三年前她加入了热线)
    if not joining or joining.start() - start > 4 or re.search(r"[，,。；;]", text[start:joining.start()]):
        return False
    return not _NO_POST_RE.match(text, joining.end())


def _workloads(analysis: Analysis, referents: _Referents, facts: list[Fact]) -> dict[str, list[Workload]]:
    """Name -> quantities of work per period (每天200到300个工单, 一个月六到七个夜班).

    Counts of time (24小时) or of people are not workloads; a group's figure is no one's."""
    by_index = {s.start: s for s in analysis.sentences}
    result: dict[str, list[Workload]] = {}
    for fact in facts:
        if not fact.period or fact.unit in TIME_UNITS or fact.counted is None or fact.unit in ("名", "位", "人"):
            continue
        sentence = by_index.get(fact.sentence_start)
        person = referents.at(sentence, fact.start) if sentence else None
        if person is None or not referents.references(sentence, fact.start) and referents.place_subject(
                sentence, fact.start):
            continue
        result.setdefault(person, []).append(Workload(
            fact.profile_id, "", person, None, fact.low, fact.high, fact.approx, fact.counted, fact.period,
            fact.text, fact.start, fact.end))
    return result


# ---------------------------------------------------------------- records and tables

@table("people")
def people_table(analysis: Analysis) -> list[dict]:
    """One row per named person of the story: role, the section they are the subject of, facts."""
    return [{"person_id": p.person_id, "name": p.name, "role": p.role,
             "section_id": p.profile_id, "sections": " ".join(p.sections), "mentions": len(p.mentions),
             "joined_year": p.joined_year, "joined_evidence": p.joined_evidence,
             "joined_start": p.joined_start, "joined_end": p.joined_end,
             "years_served": p.years_served, "served_evidence": p.served_evidence,
             "served_start": p.served_start, "served_end": p.served_end} for p in people(analysis)]


@table("person_mentions")
def person_mentions_table(analysis: Analysis) -> list[dict]:
    """Every place a person of the story is named (full name or short form), with its span."""
    return [{"person_id": p.person_id, "name": p.name, "text": m.text, "form": m.form, "section_id": m.section_id,
             "start": m.start, "end": m.end} for p in people(analysis) for m in p.mentions]


@table("workloads")
def workloads_table(analysis: Analysis) -> list[dict]:
    return [{"section_id": w.profile_id, "person_id": w.person_id, "name": w.name, "role": w.role, "low": w.low,
             "high": w.high, "approx": w.approx, "counted": w.counted, "period": w.period, "start": w.start,
             "end": w.end} for p in people(analysis) for w in p.workloads]
