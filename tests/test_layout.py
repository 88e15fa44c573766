"""Structure of real features: heading layouts beyond ROLE+NAME:HEADLINE, and lines that are not
body text (editor's notes, captions, credits, data sources, reporter lines, web-page chrome).

The texts are invented, in the layouts that national and city papers print; no real article's
people or words are involved.
"""
import pickle

import pytest

from analysis.corpus import ArticleWarning, Headed, Metadata, Profile, parse_article
from analysis.layout import NON_BODY_KINDS, line_kind, reporter_names
from analysis.segment import article_sentences

from test_corpus import assert_tiles


def parse(text: str):
    return parse_article(text, Metadata(id="t"))


def kinds(article) -> list[str]:
    return [s.kind for s in article.sections]


def part_text(article, kind: str) -> list[str]:
    return [article.text[s.start:s.end].strip() for s in article.sections if s.kind == kind]


NATIONAL = """守护万家灯火的人们
——记节日里坚守岗位的普通劳动者

编者按：节日期间，有这样一群人放弃与家人团聚，在各自岗位上默默奉献。今天起，本版刊发系列报道。

图①：李建国在走访辖区群众。本报记者 周明摄

某县公安局某派出所所长李建国——
“群众找得到我，我就安心”
本报记者  孙立新

凌晨两点，派出所的灯还亮着。李建国刚处理完一起纠纷，又接到了群众的求助电话。
“这活儿不好干，可总得有人干。”李建国对记者说。今年是他在派出所工作的第十二个年头。

某市“红马甲”志愿服务队——
“哪里需要，哪里就有我们”
本报记者  吴晓华

服务队成立于2015年，现有队员两百多人。队长陈芳芳说，队员们每天轮流在车站值守。
陈芳芳告诉记者，节日期间服务队每天要接待上千名旅客。

数据来源：市志愿服务联合会

分享到：
责任编辑：郑一鸣
上一篇：节日里的城市
"""


def test_dash_line_heading_with_quote_headline_and_reporter_line():
    article = parse(NATIONAL)
    assert_tiles(article)
    person, team = article.profiles
    assert (person.role, person.name, person.subject_kind) == ("某县公安局某派出所所长", "李建国", "person")
    assert person.headline == "“群众找得到我，我就安心”"
    assert person.rule == "dash-line:name-in-body"
    assert person.reporters == ("孙立新",)
    assert article.body(person).startswith("凌晨两点") and article.body(person).endswith("第十二个年头。")
    # A team as the subject, its people named in the body.
    assert (team.name, team.subject_kind, team.role, team.rule) == ("某市红马甲志愿服务队", "team", None, "dash-line:team")
    assert team.reporters == ("吴晓华",)
    # Reporters: each section's, in the metadata too.
    assert article.metadata.reporters == ("孙立新", "吴晓华")


def test_non_body_lines_are_sections_of_their_own_kind():
    article = parse(NATIONAL)
    assert part_text(article, "editor_note")[0].startswith("编者按：")
    assert part_text(article, "caption") == ["图①：李建国在走访辖区群众。本报记者 周明摄"]
    assert part_text(article, "reporter") == ["本报记者  孙立新", "本报记者  吴晓华"]
    assert part_text(article, "data_source") == ["数据来源：市志愿服务联合会"]
    assert part_text(article, "chrome") == ["分享到：\n责任编辑：郑一鸣\n上一篇：节日里的城市"]
    # The reporter line splits the profile into two parts with the same id; the whole runs from the
    # heading to the end of the body.
    person = article.profiles[0]
    assert [s.kind for s in article.parts(person.id)] == ["profile", "profile"]
    assert article.section(person.id).start == person.heading_start
    assert article.text[person.heading_start:person.heading_end].startswith("某县公安局")
    # Nothing of the body is lost: every body sentence is in a profile or the front matter.
    sentences = article_sentences(article)
    assert not any(article.section_at(s.start).kind in NON_BODY_KINDS for s in sentences)
    body_text = "".join(s.text for s in sentences)
    assert "队长陈芳芳说" in body_text and "分享到" not in body_text and "数据来源" not in body_text


BRACKET = """社区里的热心人

这个社区有一群热心人，他们用行动温暖着邻里。

【王秀英】
王秀英今年六十八岁，每天早上六点就出门巡查楼道。邻居们都说，有事找王秀英准没错。

【张德明】
张德明退休前是一名电工。谁家的灯不亮了，张德明拎起工具箱就去。
"""


def test_bracketed_names():
    article = parse(BRACKET)
    assert [(p.name, p.rule) for p in article.profiles] == [("王秀英", "bracket:name-in-body"),
                                                            ("张德明", "bracket:name-in-body")]
    assert article.profiles[0].headline is None
    assert_tiles(article)


THEMATIC = """节日里的坚守者

当人们欢度佳节时，很多人仍在岗位上忙碌。

坚守：节日我们在岗
凌晨五点，环卫工人刘桂兰已经在街头清扫了一个小时。刘桂兰说，干这一行十几年了，过节也习惯了。

奉献：为了千家万户
供电所的抢修班长赵永刚一夜没合眼。赵永刚说，只要大家家里灯亮着，他就踏实。
"""


def test_thematic_headings_are_sections_without_subject():
    with pytest.warns(ArticleWarning, match="2 section headings name no person"):
        article = parse(THEMATIC)
    assert_tiles(article)
    assert article.profiles == ()  # never a person called 坚守
    sections = [s for s in article.headed]
    assert [(s.kind, s.rule, s.headline) for s in sections] == [
        ("section", "colon:no-subject", "节日我们在岗"), ("section", "colon:no-subject", "为了千家万户")]
    assert all(not isinstance(s, Profile) for s in sections)
    assert article.warnings and "no profile headings" in article.warnings[0]
    # The report's summary says it in Chinese; a pickled article (batch workers) keeps both.
    note = pickle.loads(pickle.dumps(article.warnings[0]))
    assert note == article.warnings[0] and note.zh == article.warnings[0].zh
    assert note.zh.startswith("没有找到点出人物的小标题") and "2 个小标题没有点出人物" in note.zh


def test_a_general_word_before_a_colon_is_no_name():
    # 温 is a surname, but 温暖 is a word; the body repeats the word, not a person.
    text = ("标题一行\n\n导语。\n\n温暖：节日的问候\n温暖的问候传遍了整个社区，温暖人心。\n\n"
            "希望：新年的愿望\n新的一年，大家的希望都很朴素。\n")
    with pytest.warns(ArticleWarning, match="no profile headings found"):
        article = parse(text)
    assert article.profiles == ()
    assert [s.kind for s in article.headed] == ["section", "section"]


ROLE_ONLY = """114查号台的姑娘们

114话务员：
“您好，114为您服务”
韩晓梅每天要接听三百多个电话。韩晓梅说，最怕的是听不清对方的方言。

夜班班长：
守着电话到天明
每到夜里，杜春燕就把热水杯放在手边。同事们都叫杜春燕“杜姐”。
"""


def test_role_only_heading_with_headline_on_the_next_line():
    article = parse(ROLE_ONLY)
    first, second = article.profiles
    assert (first.role, first.name, first.headline, first.rule) == (
        "114话务员", "韩晓梅", "“您好，114为您服务”", "colon-line:role+ner-in-body")
    assert (second.role, second.name, second.headline) == ("夜班班长", "杜春燕", "守着电话到天明")
    assert_tiles(article)


SINGLE = """她在热线那头守了八年
原标题：她在热线那头守了八年

2023-01-23 09:24   来源：某某日报

1月22日，郭小红在处理热线工单。某某日报记者 钱一丁 摄

大年初一上午8时，话务员郭小红准时坐到工位上。“您好，请讲。”郭小红说。
电话那头传来一位老人的声音。

图为郭小红在接听市民来电。

半小时后，郭小红再次拨通了老人的电话。问题解决了，她也松了一口气。

版权所有 未经授权不得转载
"""


def test_single_feature_without_headings_keeps_its_body_around_a_caption():
    with pytest.warns(ArticleWarning, match="no profile headings found"):
        article = parse(SINGLE)
    assert_tiles(article)
    assert article.profiles == ()
    # The body is one section in parts, around the caption and the chrome, which are set aside.
    assert {s.id for s in article.sections if s.kind == "body"} == {"body"}
    assert [s.kind for s in article.sections][-3:] == ["caption", "body", "chrome"]
    whole = article.section("body")
    assert "大年初一" in article.text[whole.start:whole.end] and "半小时后" in article.text[whole.start:whole.end]
    assert part_text(article, "caption") == ["1月22日，郭小红在处理热线工单。某某日报记者 钱一丁 摄", "图为郭小红在接听市民来电。"]
    assert {"chrome", "caption"} <= set(kinds(article))
    assert article.section_ids(("body",)) == ["body"]


@pytest.mark.parametrize("line, kind", [
    ("编者按：这是一段编者按。", "editor_note"),
    ("图②：市民在办事大厅排队。", "caption"),
    ("（图③）", "caption"),
    ("2019-02-19 09:34:08??来源:人民网  责任编辑:王超   我来说两句", "chrome"),
    ("△上海市某医院护士 王小梅(拿“佑”字)", "caption"),  # a web page's mark under a photo
    ("本报记者 王小明摄", "credit"),
    ("新华社记者 李四 摄", "credit"),
    ("受访者供图", "credit"),
    ("数据来源：国家统计局", "data_source"),
    ("本报记者  王小明", "reporter"),
    ("（记者 李四 通讯员 王五）", "reporter"),
    ("分享到：", "chrome"),
    ("责任编辑：张三", "chrome"),
    ("下一篇：春天来了", "chrome"),
    ("Copyright © 2023 某某网 版权所有", "chrome"),
    # Body text that only looks alike stays body text.
    ("他举起相机拍摄", None),
    ("记者来到现场", None),
    ("图书馆里很安静。", None),
    ("分享快乐是她的习惯，每天都会给同事带点心。", None),
    ("编辑部的同事们都来了。", None),
    ("某县公安局某派出所所长李建国——", None),
    ("9月1日，某县某村小，孩子们在功能室上课。记者 王小明 摄/视觉某某", "caption"),
    ("记者 王小明 摄/视觉某某", "credit"),
    ("他说/我们", None),
    ("作者 史小维 李小敏", "reporter"),
    ("文、图/某城晚报全媒体记者 王小明", "reporter"),
    ("作者：本报记者 吴小琳 本报通讯员 于小新 《某某日报》（ 2021年03月30日 04版）", "reporter"),
    # a slash after the role, a site's name before 全媒体, 文/图 and a space, 报道 at the end
    ("文/图 某岛全媒体记者 钱小拓通讯员 孙小宇 报道", "reporter"),
    ("通讯员/郑小生 罗小阳", "reporter"),
    ("本报记者 钱小睿/摄", "credit"),
    # the credit of a wire photo ends the caption; 新华社记者 is no name
    ("9月9日，某市某小学的学生在展示贺卡。 新华社记者 钱小端/摄", "caption"),
    ("9月9日，某市某小学的学生在展示贺卡。 新华社记者 钱小端 摄", "caption"),
])
def test_line_kinds(line, kind):
    assert line_kind(line) == kind


def test_reporter_names():
    assert reporter_names("本报记者  王小明 李四") == ("王小明", "李四")
    assert reporter_names("记者 刘一 实习生 陈二 报道") == ("刘一", "陈二")
    assert reporter_names("记者来到现场") == ()
    assert reporter_names("作者：本报记者 吴小琳 本报通讯员 于小新 《某某日报》（ 2021年03月30日 04版）") == ("吴小琳", "于小新")
    assert reporter_names("文/本报记者 李四") == ("李四",)
    assert reporter_names("通讯员/郑小生 罗小阳") == ("郑小生", "罗小阳")
    assert reporter_names("文/图 某岛全媒体记者 钱小拓通讯员 孙小宇 报道") == ("钱小拓", "孙小宇")


def test_a_wire_photos_credit_names_its_photographer_not_the_agency():
    from analysis.layout import credit_names

    assert credit_names("9月9日，某市某小学的学生在展示贺卡。 新华社记者 钱小端/摄") == ("钱小端",)


def test_bundled_article_still_reads_nine_profiles_by_the_colon_rule(article):
    assert [p.rule for p in article.profiles] == ["colon:name-in-body"] * 9
    assert all(isinstance(p, Headed) for p in article.profiles)
    assert kinds(article) == ["front"] + ["profile"] * 9 + ["byline"]


NICKNAMED = """基层的守护者

某县公安局某派出所所长刘建军——
“群众找得到我，我就安心”

凌晨两点，派出所的灯还亮着。老刘刚处理完一起纠纷，又接到了群众的求助电话。
他对记者说：“这活儿不好干，可总得有人干。”

某乡卫生院院长——
山里人的健康守门人

卫生院离县城有六十公里。院长马德胜每周都要进山巡诊，马德胜说，山里的老人离不开他。
"""


def test_a_name_the_body_never_repeats_is_confirmed_by_the_recogniser():
    article = parse(NICKNAMED)
    first, second = article.profiles
    assert (first.role, first.name, first.rule) == ("某县公安局某派出所所长", "刘建军", "dash-line:name-by-ner")
    # A role-only heading: the person is the one the recogniser finds in the body.
    assert (second.role, second.name, second.rule) == ("某乡卫生院院长", "马德胜", "dash-line:role+ner-in-body")


def test_sections_table_names_the_rule_of_every_part():
    from analysis.tables import profiles_table, sections_table

    article = parse(NATIONAL)
    frame = sections_table(article)
    assert list(frame["kind"]) == [s.kind for s in article.sections]
    for row in frame.itertuples():
        assert article.text[row.start:row.end] == row.text  # every part's evidence is its span
    rules = dict(zip(frame["section_id"], frame["rule"]))
    assert rules["p01"] == "dash-line:name-in-body" and rules["p02"] == "dash-line:team"
    assert rules["caption01"] == "caption" and rules["chrome01"] == "chrome" and rules["front"] == "front"
    profiles = profiles_table(article)
    assert list(profiles["subject_kind"]) == ["person", "team"]
    assert list(profiles["reporters"]) == ["孙立新", "吴晓华"]


UNMARKED = """节日里的守护者

节日期间，很多人仍在岗位上忙碌。本报记者走访了几个岗位。

单腿跳行的所长
所长郑国梁上周扭伤了脚，仍坚持每天到所里。老郑说，所里人手紧，他不能歇。

会打手语的副所长
副所长叫冯志远，他的父母是聋哑人。冯志远从小就会打手语，如今常用手语帮助来办事的群众。

image.png
郑国梁

夜里十点，派出所的灯还亮着。
"""


def test_unmarked_subheadings_that_name_a_role_find_the_person_in_the_body():
    article = parse(UNMARKED)
    assert [(p.role, p.name, p.rule) for p in article.profiles] == [
        ("单腿跳行的所长", "郑国梁", "line:role+ner-in-body"), ("会打手语的副所长", "冯志远", "line:role+ner-in-body")]
    # The name under a pasted image's file name labels the image; it opens no section.
    assert part_text(article, "caption") == ["image.png\n郑国梁"]
    assert_tiles(article)


def test_a_short_quoted_paragraph_is_not_a_heading():
    text = ("标题\n\n导语一段，介绍背景。\n\n张海涛拿起电话。\n“您好，请讲。”\n电话那头是一位老人。张海涛耐心地听着。\n")
    with pytest.warns(ArticleWarning, match="no profile headings"):
        article = parse(text)
    assert article.headed == ()


def test_a_short_paragraph_ending_with_a_quotation_is_body_text():
    text = ("标题\n\n导语一段，介绍背景。\n\n务工人员张艳富健步如飞，“一年没回去，想家了！”\n"
            "不远处，列车员周元正在帮旅客搬行李。周元说，春运很忙。\n\n从一路操心，到一路温馨\n"
            "列车准时启动。车厢里很温暖，旅客们聊着天。\n")
    with pytest.warns(ArticleWarning, match="no profile headings"):
        article = parse(text)
    assert article.headed == ()


PAPER_OPENING = """某某日报 2021年03月30日 星期二

“大家在一起，就不怕”

某市某区某街道某社区党委书记、全国先进个人 祁晓军

作者：本报记者 吴小琳 本报通讯员 于小新 《某某日报》（ 2021年03月30日 04版）

那年正月初二，社区里出现了一例确诊病例，居民们都很紧张。说实话，当时我也很慌。
我们挨家挨户敲门，登记每一户的情况。居民们慢慢安下心来。
"""


def test_a_role_a_space_and_a_name_above_a_reporter_line_open_the_persons_section():
    # First-person narration: the name never recurs, the layout alone names the person.
    article = parse(PAPER_OPENING)
    (profile,) = article.profiles
    assert (profile.role, profile.name, profile.rule) == (
        "某市某区某街道某社区党委书记、全国先进个人", "祁晓军", "line:role-space-name")
    assert article.metadata.reporters == ("吴小琳", "于小新")
    assert_tiles(article)


QUOTED_TERM_OPENING = """热线背后

一条热线，连着千家万户。本期我们关注与热线有关的普通人。

“第一道关”

本报记者 任小珊

“您好，请问您需要什么帮助？”这样的问候，梁晓芸每天要说很多遍。她所在的受理组负责接听来电。
不久梁晓芸接到一个电话，事情虽小，却让她记忆犹新。梁晓芸一边记录，一边安抚老人。
"""


def test_a_single_quoted_heading_above_a_reporter_line_is_a_section_opening():
    # One such heading is believed without a series: the reporter line under it is the paper's mark.
    article = parse(QUOTED_TERM_OPENING)
    (profile,) = article.profiles
    assert (profile.name, profile.rule) == ("梁晓芸", "quote-line:role+ner-in-body")
    assert profile.headline == "“第一道关”"
    assert_tiles(article)


THEMATIC_OPENINGS = """那些年的长途台

过去挂长途电话要经过话务员转接，等上一周才接通很常见。

忙到没时间喝水

郑秀梅，某镇某村人，今年六十岁。她年轻时当上了话务员。
郑秀梅说，那时候所有的电话都是人工接线。

不上大学也要当话务员

在那个年代，新话务员大都是顶替父母上来的，还有一部分是转业来的。
"""


def test_a_thematic_heading_whose_first_sentence_introduces_a_person_is_that_persons_section():
    article = parse(THEMATIC_OPENINGS)
    (profile,) = article.profiles
    assert (profile.name, profile.rule) == ("郑秀梅", "line:name-opens-body")
    # The second heading's section introduces no one: still a section without subject.
    (section,) = [s for s in article.headed if not isinstance(s, Profile)]
    assert section.rule == "line:no-subject"
    assert_tiles(article)


NUMBERED_ONE_LINERS = """致敬这些新职业劳动者

新职业层出不穷，他们默默坚守在自己的岗位上。

01整理收纳师

△四川·成都

90后小伙郑晓东曾是一名工厂工人

2017年，郑晓东偶然接触到收纳这一行

如今他创立了自己的公司

02宠物侦探

△上海·浦东

2012年，80后的韩立新

正式成为一名宠物侦探

韩立新和团队已寻回上千只宠物
"""


def test_zero_padded_numbered_headings_over_one_line_paragraphs_find_the_person_of_each_section():
    article = parse(NUMBERED_ONE_LINERS)
    # (△四川·成都 is a photo caption, set aside: the role heading 整理收纳师 finds its person in the body)
    assert [(p.name, p.rule) for p in article.profiles] == [
        ("郑晓东", "numbered:role+ner-in-body"), ("韩立新", "numbered:person-of-section")]
    assert_tiles(article)


LABELLED_OPENINGS = """巾帼风采

三八节到来之际，我们致敬各行各业的她们。

【护佑生命 贡献医学力量】

邵晓华是某省中医院针灸科的一名中医师，她的脚步踏遍世界。邵晓华说，医疗队里的女医生越来越多。

【用心讲解 让红色故事入人心】

某某纪念馆社会教育科，成立于2015年，有女职工36名。她们扛起了宣讲红色故事的重任。

【投身公益 关爱特殊儿童】

来自如皋的“95后”姑娘蒋丽婕，18岁时发起创立了一个青年公益组织。
"""


def test_a_first_sentence_that_introduces_a_person_or_a_unit_names_the_section():
    article = parse(LABELLED_OPENINGS)
    assert [(p.name, p.subject_kind, p.rule) for p in article.profiles] == [
        ("邵晓华", "person", "bracket:name-opens-body"),
        ("某某纪念馆社会教育科", "team", "bracket:team-opens-body"),
        ("蒋丽婕", "person", "bracket:name-opens-body")]
    assert_tiles(article)


FAMILIAR_AND_PAIRS = """新职业里的年轻人

每天行走几万步——拣货员小曹

穿梭在货架之间，取到顾客购买的商品，小曹便完成了一次工作。今年是小曹参加工作的第二年。

曹鹏飞 刘嘉兴——民警和他的徒弟

在广场上巡逻，时间久、任务重。曹鹏飞带着徒弟刘嘉兴一站就是一天，刘嘉兴说师傅教会了他很多。
"""


def test_a_familiar_name_after_a_role_and_the_first_of_two_names_are_the_subjects():
    article = parse(FAMILIAR_AND_PAIRS)
    assert [(p.role, p.name) for p in article.profiles] == [("拣货员", "小曹"), (None, "曹鹏飞")]
    assert_tiles(article)


FIELD_LINES = """他们选择留下过年

新春佳节之际，记者跟随民警出更，记录下他们守护平安的场景。

选择留下是为了更多人的平安

地点：某某火车站广场

主角：贺晓毅

“从警多年，我很少有机会回家过年。”派出所教导员贺晓毅告诉记者。贺晓毅说，父母常常打电话问他过年回不回家。
"""


def test_field_lines_are_no_sections_and_a_who_label_names_the_section():
    article = parse(FIELD_LINES)
    assert [(p.name, p.rule) for p in article.profiles] == [("贺晓毅", "colon:who-label")]
    assert not any(s.kind == "section" for s in article.sections)  # 地点：… opens no section
    assert_tiles(article)


NAME_ROLE_LINES = """春节守护者

除夕守岁，团圆喜乐

而对依然奋斗在一线的他们

熊晓华 地铁引导员

春节值守第2年

他说

“让乘客安全乘车，准点归家”

张晓琴 新闻工作者

春节值守第3年

她说

“春节新闻不断档，我们永远在现场”
"""


def test_name_space_role_lines_in_a_series_open_each_persons_section():
    article = parse(NAME_ROLE_LINES)
    assert [(p.name, p.role, p.rule) for p in article.profiles] == [
        ("熊晓华", "地铁引导员", "name-role:layout"), ("张晓琴", "新闻工作者", "name-role:layout")]
    assert_tiles(article)


def test_a_single_name_role_line_is_no_heading():
    text = NAME_ROLE_LINES.split("张晓琴")[0]
    with pytest.warns(ArticleWarning, match="no profile headings"):
        article = parse(text)
    assert article.profiles == ()


CAPTION_HEADINGS = """今日是环卫工人节

我们走上街头，记录下他们工作的身影。千家万户尚熟睡，环卫工人已上岗。

李玉梅正在擦拭垃圾车

在环卫工人岗位上坚守了18年的李玉梅，每天风里来雨里去。李玉梅说，这辆车跟了她18年。

张铁林开清洗车

环卫清洗车司机张铁林说：“今年4月份开始从事这份工作，每天在路边冲洗地面。”
"""


def test_caption_lines_opening_with_two_peoples_names_open_their_sections():
    article = parse(CAPTION_HEADINGS)
    assert [(p.name, p.rule) for p in article.profiles] == [
        ("李玉梅", "line:name-opens-body"), ("张铁林", "line:name-opens-line")]  # 李玉梅's body introduces her
    assert_tiles(article)


def test_a_date_alone_on_a_line_is_page_chrome():
    assert line_kind("2018-02-09") == "chrome"
    assert line_kind("2019年01月29日 星期二") == "chrome"
    assert line_kind("2018年2月9日，记者来到社区。") is None


def test_a_numbered_role_space_name_heading_above_a_photo_caption():
    article = parse("援鄂医疗队的十个故事\n\n他们在前方有哪些故事，我们挑选了十张来自一线的照片。\n\n01\n\n某市胸科医院护士长 王小梅\n\n"
                    "话别亲人 相信春天终将到来\n\n△某市胸科医院护士 王小梅(拿“佑”字)\n\n"
                    "“我会平安回来的。”王小梅弯腰站在床前，轻声对外婆说。王小梅是一名护士长。\n")
    assert [(p.name, p.rule) for p in article.profiles] == [("王小梅", "line:role-space-name")]


def test_a_single_subheading_over_a_section_that_introduces_a_person():
    article = parse("热线无小事 真情暖民心\n\n12345，是一条能为群众排忧解难的热线。\n\n快速准确为群众解忧\n\n"
                    "张晓梅，大兴区市民服务热线管理科科长，从事热线工作已有七年。她说，热线无小事。\n")
    assert [(p.name, p.rule) for p in article.profiles] == [("张晓梅", "line:name-opens-body")]
    # a name inside the words a section opens with is not introduced by the paper
    with pytest.warns(ArticleWarning, match="no profile headings found"):
        article = parse("见面会纪实\n\n五位劳模代表与记者畅谈。\n\n传承父辈的精神\n\n"
                        "“对我影响最深的人是我的父亲刘文生，他是省劳动模范。”采油工班长刘小丽说。\n")
    assert [p.name for p in article.profiles] == []


def test_a_single_subheading_over_a_section_that_names_one_person_only():
    article = parse("奋斗者逐梦前行\n\n他们中，有的耕耘在田间地头，有的奔忙在城市一线。\n\n逆行而上 守卫一线\n\n"
                    "封控小区是否还有防疫短板？身为街道办事处主任，李永海每天都要跑遍辖区。"
                    "李永海说，居民的事再小也要办好。\n")
    assert [(p.name, p.rule) for p in article.profiles] == [("李永海", "line:person-of-section")]
    # a line that says nothing (故事一) vouches for no section
    with pytest.warns(ArticleWarning, match="no profile headings found"):
        article = parse("教师节的故事\n\n他们是老师。\n\n故事一\n\n封控小区是否还有短板？身为街道办事处主任，李永海每天都要跑遍辖区。"
                        "李永海说，居民的事再小也要办好。\n")


def test_a_page_title_that_names_no_one_opens_no_section():
    text = ("您所在的位置 应急管理网 > 英雄风采 > 正文\n\n过年的安全守护者:消防员随时准备出警 穿着战斗服吃年夜饭\n\n"
            "2019-02-19 09:34:08 来源:人民网  责任编辑:王超\n\n"
            "“这周开始平均一天两三趟。”刚刚出警回来的消防员阙江明说。阙江明今年20岁，已有三年没能回家过年。\n")
    with pytest.warns(ArticleWarning, match="no profile headings found"):
        article = parse(text)
    assert article.profiles == ()


def test_a_persons_heading_printed_on_two_lines_opens_one_section():
    """ROLE+NAME:HEADLINE, then ORG+ROLE+NAME—— naming the same person: one heading of two lines."""
    text = ("记者连线了两位一线劳动者。\n"
            "交警赵东海：我们“缺席”，是为了大家平安\n"
            "某市公安局交警支队高速大队中队负责人赵东海——\n"
            "这是我在高速公路上度过的第十个除夕。赵东海说，今天又处理了三起事故。\n"
            "护士钱晓燕：病房里的年夜饭\n"
            "钱晓燕一早就来到病房。钱晓燕说，病人比她更想家。\n")
    article = parse(text)
    assert_tiles(article)
    assert [p.name for p in article.profiles] == ["赵东海", "钱晓燕"]
    first = article.profiles[0]
    assert first.title.endswith("负责人赵东海——") and article.body(first).startswith("这是我在高速公路上")


def test_name_lines_ending_with_a_quoted_term_open_sections_across_a_photo_caption():
    # NAME HEADLINE lines that end with a short quoted term, a series of two; the first one's block
    # goes on after a photo caption with a 人物简介 line.
    text = ("乡村教师回访\n\n十年后，我们回访了当年的乡村教师。变化的是环境，不变的是热爱。\n\n"
            "冉某国 微信名还叫“花草在召唤”\n\n9月1日，某县某村小，孩子们在上课。记者 王小明 摄/视觉某某\n\n"
            "人物简介：\n冉某国，某县某村小教师。他把捡回的易拉罐做成教具。冉某国说，孩子们喜欢。\n\n"
            "徐开萍 成了学生们的“大朋友”\n\n9月1日，徐开萍在指导学生。徐开萍说，她喜欢跆拳道。\n")
    article = parse(text)
    assert [p.name for p in article.profiles] == ["冉某国", "徐开萍"]
    assert "王小明" not in [p.name for p in article.profiles]
    assert_tiles(article)


def test_a_line_opening_with_a_name_over_a_body_that_introduces_that_person_needs_no_series():
    text = ("好人风采\n\n一批好人好事感动了大家，下面是其中几位的故事。\n\n陈玉文和她的“爱心小屋”\n\n"
            "陈玉文是某县某小学的一位普通教师。她自掏腰包，把自家的房屋改建成了“爱心小屋”。\n")
    article = parse(text)
    assert [p.name for p in article.profiles] == ["陈玉文"]
    assert article.profiles[0].rule == "line:name-opens-body"


def test_a_role_only_title_over_a_one_person_story_opens_no_section():
    """The title of a single story (ROLE:HEADLINE, the person found only in the body) is no
    section heading when no like heading follows; its reporter line still names the reporter."""
    text = ("快递小哥：不畏酷暑送件忙\n快递小哥在查看订单。\n本报记者 王小良\n"
            "烈日当空，快递小哥们每天穿梭在大街小巷。\n"
            "32岁的陈小杰是一名快递员，一辆电动车就是他的全部装备。陈小杰说，天越热单子越多。\n")
    with pytest.warns(ArticleWarning, match="no profile headings found"):
        article = parse(text)
    assert article.profiles == ()
    assert article.metadata.reporters == ("王小良",)
    assert_tiles(article)


def test_a_title_naming_the_person_of_later_subheadings_opens_no_section_of_its_own():
    text = ("“最美保洁员”段秀芬：这是二十年来最大的荣誉\n"
            "“有的人在一条街上一扫就是二十年……”昨天下午，段秀芬走上领奖台，从市领导手中接过奖杯。\n"
            "临时请假来领奖\n"
            "段秀芬说，为了领奖她向班长请了半天假。段秀芬平时早上五点就上街清扫，风雨无阻。\n"
            "感谢大家为自己投票\n"
            "段秀芬说，感谢每一位投票的市民。段秀芬笑着说，明天还要早起上班。\n")
    article = parse(text)
    assert [(p.title, p.name) for p in article.profiles] == [("临时请假来领奖", "段秀芬"), ("感谢大家为自己投票", "段秀芬")]
    front = article.section("front")
    assert article.text[front.start:front.end].startswith("“最美保洁员”段秀芬")
    assert_tiles(article)


PHOTO_SERIES = ("在劳动节来临之际，某公司为几名女工友拍了一组照片。她们大多是第一次走进照相馆。\n"
                "钱秀英，46岁，湖南岳阳人，钢筋工。\n"
                "“我最想做的事，就是带女儿去一趟北京。”\n"
                "周翠兰，51岁，四川南充人，泥水工。\n"
                "“干完这个工地，我想回家歇一歇。”\n"
                "孙丽娟，29岁，甘肃天水人，资料员。\n")


def test_lines_introducing_people_by_name_and_age_open_each_persons_section():
    article = parse(PHOTO_SERIES)
    assert [p.name for p in article.profiles] == ["钱秀英", "周翠兰", "孙丽娟"]
    assert all(p.rule.startswith("intro-line:") for p in article.profiles)
    first = article.profiles[0]
    assert article.text[first.heading_start:first.heading_end] == "钱秀英，46岁，湖南岳阳人，钢筋工。"
    assert_tiles(article)


def test_a_single_line_introducing_a_person_is_a_sentence_of_the_story():
    text = ("清晨五点，工地上已经亮起了灯。\n钱秀英，46岁，湖南岳阳人。\n她在工地上干了十年钢筋工，手上全是老茧。"
            "钱秀英说，最想做的事是带女儿去一趟北京。\n")
    with pytest.warns(ArticleWarning, match="no profile headings found"):
        article = parse(text)
    assert article.profiles == ()


def test_a_dictionary_word_the_model_tags_once_is_not_the_person_of_a_section():
    from analysis.headings import section_person

    def tagger(words):
        def recogniser(text):
            return [(text.index(w), text.index(w) + len(w), w) for w in words if w in text]
        return recogniser

    body = "哨所里有一群年轻的哨兵，他们以满腔赤诚守护着边境线。"
    assert section_person(body, tagger(["赤诚"])) is None
    # a name led by a surname, named once, still is the section's person
    body = "哨所里有一群年轻的哨兵，排长霍小飞带着他们巡逻。"
    assert section_person(body, tagger(["霍小飞"])) == "霍小飞"


def test_a_line_of_names_above_the_first_paragraph_is_the_authors_byline():
    text = ("钱小剑 陆小原\n\n1\n\n村党支部要换届了。\n\n许某某听村民们议论，儿子许小兵要参选村党支部书记，便急匆匆来到儿子家。"
            "许小兵说，村里的事总要有人来干。\n")
    with pytest.warns(ArticleWarning, match="no profile headings found"):
        article = parse(text)
    assert article.metadata.reporters == ("钱小剑", "陆小原")
    assert "reporter" in kinds(article)
    assert_tiles(article)


def test_bulleted_items_opening_with_a_name_and_a_colon_open_each_persons_section():
    text = ("今年的“最美护士”揭晓，钱秀英、周翠兰等十人入选。\n\n以下是几位“最美护士”的故事：\n\n"
            "  • 钱秀英：某市第一医院急诊科护士长。她在急诊科工作了二十年，带出了一支能打硬仗的护理团队。\n\n"
            "  • 周翠兰：某县人民医院护士。她每周下乡为行动不便的老人换药，十年没有间断。\n")
    article = parse(text)
    assert [(p.name, p.rule.split(":")[0]) for p in article.profiles] == [("钱秀英", "bullet"), ("周翠兰", "bullet")]
    assert_tiles(article)


def test_a_line_introducing_a_person_may_end_with_a_colon_before_their_words():
    text = ("记者采访了几位老手艺人，把他们的话记录如下。\n"
            "钱秀英，76岁，首批省级非物质文化遗产代表性项目传承人，某地竹编技艺传人：\n"
            "我十几岁就跟着父亲学竹编，一学就是六十年。\n"
            "周翠兰，69岁，某地木偶戏传承人：\n"
            "我最担心的是，年轻人不愿意学了。\n")
    article = parse(text)
    assert [p.name for p in article.profiles] == ["钱秀英", "周翠兰"]
    assert_tiles(article)


def test_a_units_quoted_byname_over_its_section_is_a_team_subject():
    text = ("本期国防版，让我们走进几支驻守边疆的部队。\n"
            "“雪域第一哨”——\n驻守西陲送晚霞\n本报记者 钱小明\n"
            "傍晚时分，某边防连“雪域第一哨”的官兵们完成了当天最后一次巡逻。上士周大伟说，习惯了。\n")
    article = parse(text)
    (profile,) = article.profiles
    assert (profile.name, profile.subject_kind, profile.rule) == ("雪域第一哨", "team", "dash-line:team-byname")
    # a quoted phrase the body does not give as a unit's name is no team
    text = text.replace("某边防连“雪域第一哨”的官兵们", "某边防连的官兵们")
    with pytest.warns(ArticleWarning, match="no profile headings found"):
        assert parse(text).profiles == ()


def test_the_fields_of_a_fact_box_open_no_sections():
    text = ("的哥：十二年没回家过春节\n"
            "人物：赵德胜，河南某地人\n年龄：43岁\n职业：出租车司机\n工作场所：某市城中\n"
            "除夕夜，赵德胜还在街上拉客。赵德胜说，过了初五再回家，家里的老母亲等着他。\n")
    article = parse(text)
    assert [(p.name, p.rule) for p in article.profiles] == [("赵德胜", "colon:who-label")]
    assert not article.section_ids(("section",))
    assert_tiles(article)


def test_an_oral_historys_interviewers_are_byline_people():
    from test_names import analysed
    from analysis.names import story_people

    analysis = analysed("亲历者：顾德银\n访谈人：周小娟\n访谈整理：周小娟、梁小凡\n"
                        "我叫顾德银，1958年开始在村小教书。那时候学校只有一间土坯房。\n")
    story = {p.name for p in story_people(analysis)}
    assert "顾德银" in story and not {"周小娟", "梁小凡"} & story
