"""Who says each speech quote (analysis.speakers), on small invented texts and the bundled article."""
import warnings
from pathlib import Path

import pytest

from analysis.corpus import Metadata, load_article, parse_article
from analysis.names import story_people
from analysis.pipeline import analyse
from analysis.quotes import extract_quotes


def speech(body, heading="派出所所长李建国:群众的事无小事"):
    analysis = analyse(parse_article(f"{heading}\n{body}", Metadata(id="test", published="2019-05")))
    quotes = extract_quotes(analysis)
    for quote in quotes:  # every quote slices the original text and lies in its section
        assert analysis.article.text[quote.start:quote.end] == quote.text
        assert analysis.article.section_at(quote.start).id == quote.profile_id
    return [q for q in quotes if q.kind == "speech"]


def who(quotes):
    return [(q.speaker, q.speaker_description, q.speaker_how) for q in quotes]


def test_name_before_the_quote_with_the_one_spoken_to():
    quotes = speech("李建国每天都很忙。李建国对记者说：“群众找得到我，我就安心。”")
    assert who(quotes) == [("李建国", None, "before")]


def test_name_after_the_quote_and_a_split_quote():
    quotes = speech("李建国和赵文华一起值班。“这条街我走了八年了。”赵文华回忆，“每家每户我都认识。”")
    assert [q.speaker for q in quotes] == ["赵文华", "赵文华"]


def test_reporting_clause_after_a_clause_of_circumstance():
    quotes = speech("李建国在开会。“派出所没有独立的办公场所，工作很多。”在座谈中，乡党委书记赵文华说。")
    assert who(quotes) == [("赵文华", None, "after")]


def test_role_before_the_name_and_the_role_alone_later():
    quotes = speech("派出所所长李建国笑着说：“这是我的本分。”他和同事王丽丽一起巡逻。所长又说：“大家都很辛苦。”",
                    heading="社区民警王丽丽:跟着所长学本事")
    assert [q.speaker for q in quotes] == ["李建国", "李建国"]


def test_pronoun_is_the_nearest_named_person_whose_pronoun_agrees():
    body = ("李建国是所长，他每天巡逻。社区民警王丽丽刚来不久，她很勤快，她也很细心。"
            "“我要向所长学习。”她说。“年轻人肯干就好。”他笑着说。")
    assert [q.speaker for q in speech(body)] == ["王丽丽", "李建国"]


def test_unnamed_speakers_are_descriptions_not_names():
    quotes = speech("李建国走进菜市场。几位摊主说：“这活儿不好干，多亏了李所长。”一位市民告诉记者：“他们天天来。”")
    assert who(quotes) == [(None, "几位摊主", "before"), (None, "一位市民", "before")]


def test_a_leaders_words_belong_to_the_leader_not_to_the_one_addressed():
    quotes = speech("2018年，李建国见到了总书记。总书记勉励李建国：“要把群众的事放在心上。”李建国说：“我一定做到。”")
    assert who(quotes) == [(None, "总书记", "before"), ("李建国", None, "before")]


def test_the_answer_to_a_reporters_question():
    quotes = speech("李建国在所里干了八年，同事赵文华也干了五年。采访快结束时，记者问李建国：“你后悔吗？”\n"
                    "“不后悔，这是我选的路。”\n李建国转身去了警务室。", heading="社区民警赵文华:跟着所长学本事")
    assert who(quotes) == [(None, "记者", "before"), ("李建国", None, "answer")]


def test_a_quote_in_the_heading_belongs_to_the_sections_person():
    quotes = speech("李建国在派出所工作了八年。", heading="派出所所长李建国:“群众找得到我，我就安心”")
    assert who(quotes) == [("李建国", None, "headline")]


def test_a_paragraph_that_is_only_a_quote_after_a_paragraph_that_introduces_the_speaker():
    quotes = speech("李建国和同事赵文华一起值班。说起八年的坚守，李建国的话朴实：\n“群众的事没有小事，我们得一件件办好。”")
    assert who(quotes) == [("李建国", None, "context")]


def test_a_quote_followed_by_its_speaker_in_the_next_sentence():
    quotes = speech("李建国很少回家。“这两个月我每天都在所里，连一分钟也给不了孩子。”李建国有些哽咽。")
    assert who(quotes) == [("李建国", None, "adjacent")]


def test_someone_elses_relative_is_not_the_named_person():
    quotes = speech("李建国很少回家。“爸爸，你给我一分钟好不好？”李建国的女儿最近学会了这句话。")
    assert quotes[0].speaker is None


def test_a_first_person_quote_continues_the_speaker_before_it():
    quotes = speech("“我是2012年来到所里的。”李建国笑着说。刚来时他什么都不懂。“当时我连户籍系统都不会用。”")
    assert [q.speaker for q in quotes] == ["李建国", "李建国"]


def test_titles_and_nicknames_are_not_speech():
    analysis = analyse(parse_article("派出所所长李建国:群众的事无小事\n李建国荣获“全国五一劳动奖章”，"
                                     "人称“跑不累的李所长”。他说：“荣誉属于大家，我只是做了该做的事。”",
                                     Metadata(id="test")))
    kinds = {q.text: q.kind for q in extract_quotes(analysis)}
    assert kinds == {"全国五一劳动奖章": "title", "跑不累的李所长": "title", "荣誉属于大家，我只是做了该做的事。": "speech"}


@pytest.fixture(scope="module")
def bundled_speech(article):
    return [q for q in extract_quotes(analyse(article)) if q.kind == "speech"]


def test_bundled_article_quotes_of_fan_dan_and_gu_lili(bundled_speech):
    def speaker(start):
        return next(q.speaker for q in bundled_speech if q.text.startswith(start))
    assert speaker("要站在市民的立场") == "范丹"
    assert speaker("女儿幼儿园举办的亲子活动") == "范丹"
    assert speaker("当时我的孩子才7个月大") == "谷丽丽"
    assert speaker("随后我将这一情况反馈给来电市民") == "谷丽丽"
    assert speaker("一般是在150到180个左右") == "孟莹"
    assert speaker("哎呀") is None  # one of a series of voices, nobody's in particular


def test_a_short_form_of_a_name_speaks_for_the_full_name():
    quotes = speech("李建国在所里干了八年，大家都叫他老李。“这片街区我闭着眼睛都能走。”老李笑着说。")
    assert who(quotes) == [("李建国", None, "after")]


def test_a_person_named_only_once_is_a_speaker():
    quotes = speech("李建国在开会。“派出所离不开乡里的支持。”乡党委书记陈建峰说。")
    assert [q.speaker for q in quotes] == ["陈建峰"]


def test_a_heading_line_quote_belongs_to_whoever_says_those_words_later():
    body = ("“灯不亮，我们不走”\n抢修车在夜里赶往小区，同行的还有赵文华。\n"
            "“灯灭了，我们就上，灯不亮，我们不走。”李建国说。")
    quotes = speech(body)
    assert who(quotes) == [("李建国", None, "headline"), ("李建国", None, "after")]


def test_a_heading_line_quote_without_an_echo_belongs_to_the_next_person_named():
    quotes = speech("李建国在车站干了八年。\n“我们多加些水，旅客就能多用”\n夜里十点，列车驶入车站，值班员赵文华一路小跑找到注水口。")
    assert who(quotes) == [("赵文华", None, "headline")]


def test_the_sentence_after_the_quote_may_open_with_circumstances():
    quotes = speech("李建国接起电话。“您好，这里是派出所，请问有什么可以帮您？”一个电话接完，李建国开始登记。")
    assert who(quotes) == [("李建国", None, "adjacent")]


def test_a_voice_named_before_a_colon():
    quotes = speech("李建国刚到门口，屋内传出王婆婆的声音：“好孩子，是你吗？”李建国回答：“是我。”")
    # The voice rule decides it now (传出王婆婆的声音), before the colon's introduction would.
    assert who(quotes) == [("王婆婆", None, "before"), ("李建国", None, "before")]


def test_words_alone_in_a_section_about_one_person_are_that_persons():
    quotes = speech("李建国的桌上放着一个水杯。“水杯是所里的标配，每个班要喝好几杯开水。”")
    assert who(quotes) == [("李建国", None, "section")]


def test_a_pronoun_does_not_stand_for_a_person_in_object_position():
    quotes = speech("李建国走进值班室，看到王丽丽一脸疑惑，他只说了一句“这是我的老习惯”。")
    assert who(quotes) == [("李建国", None, "before")]


def test_an_unnamed_person_opening_the_sentence_after_the_quote():
    quotes = speech("李建国扶着一位老人。“我想去车站，找不到地方。”老人家说话声音很小。")
    assert who(quotes) == [(None, "老人", "adjacent")]


def test_an_unnamed_role_just_after_the_person_who_bears_it_in_apposition():
    body = ("李建国去看望独居老人王秀英。他刚敲门，就被王秀英一把拉了进去。“孩子，你来得正好，快坐下！”"
            "老人拉着他的手坐下，不时询问“晚上值班冷不冷，吃饭了没有”。")
    assert who(speech(body)) == [("王秀英", None, "adjacent"), ("王秀英", None, "sentence")]
    # a role nobody bears in apposition, or someone else named in between, stays a description
    assert who(speech("李建国走进王秀英的小院。“孩子，你来得正好，快坐下！”老人拉着他的手坐下。")) == [
        (None, "老人", "adjacent")]
    assert who(speech("独居老人王秀英住在这里。李建国每天都来。“孩子，你来得正好，快坐下！”老人拉着他的手坐下。")) == [
        (None, "老人", "adjacent")]


def test_a_described_person_who_speaks_in_the_sentence_after_the_quote():
    body = ("李建国召集居民开会。“俺是外地来打工的，没想到警察主动上门。”在社区门前做电动车生意的外地人王秀英抢先发言。"
            "“我爱坐火车！”23岁的赵文华刚接过话头，便引起大家的关注。")
    assert who(speech(body)) == [("王秀英", None, "adjacent"), ("赵文华", None, "adjacent")]
    # the next person's story opening after the quote is no speaker of it
    body = "李建国很自豪。“选择了这个职业，就没有怨言。”在社区门前做电动车生意的外地人王秀英，今年也在值班。"
    assert who(speech(body))[0][0] != "王秀英"


def test_a_first_person_quote_after_a_transcript_marker_continues_the_sentence_before_it():
    body = ("社区民警赵文华工作已经17年了。在对家人感到歉疚的同时，他对自己的工作充满了自豪感。 【录音】“能为保一方平安做出"
            "一点贡献，就是我很自豪的事儿。” 在社区门前做生意的王秀英今年也在忙。")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # no profile headings
        assert who(speech(body, heading="民警群像")) == [("赵文华", None, "context")]


def test_the_caller_named_after_a_callers_words():
    body = ("李建国正在值班。“12345吗？我家小区停水了，请帮忙问问。”晚上8时许，一位市民拨打了12345热线电话。"
            "“您好，我们马上联系自来水公司。”李建国说。“你好，我等会儿乘坐D942次列车，你们能帮忙吗？”电话里的旅客如是咨询。")
    assert who(speech(body)) == [(None, "一位市民", "after"), ("李建国", None, "after"), (None, "电话里的旅客", "after")]


def test_words_said_to_be_in_someones_own_words():
    body = "李建国在社区干了七年，从一名普通社工成长为社区的“领头雁”。用他自己的话说“这都是源于一名共产党员的初心”。"
    assert who(speech(body)) == [("李建国", None, "before")]
    body = "王丽丽刚来不久。用李建国的话来讲，“群众的事，就是我们民警的事”。"
    assert who(speech(body, heading="社区民警王丽丽:跟着所长学本事")) == [("李建国", None, "before")]


def test_the_asker_named_after_a_question():
    body = ("快递员李建国把车停稳，村民王秀英走出站点，和李建国打了个照面。“大娘，这是买的啥啊？”面对李建国的疑问，"
            "王秀英笑着说：“孩子寄的年货，刚吃完早饭过来拿。”")
    assert who(speech(body)) == [("李建国", None, "after"), ("王秀英", None, "before")]


def test_a_person_opening_the_clause_after_a_quote_inside_a_sentence_that_names_nobody_before_it():
    body = ("开完早会，送餐员赵文华便全副武装。说完，还从车上的小包里掏出眼镜盒，戴上墨镜，“咋样？”赵文华向身边另一位送餐员炫耀。"
            "列车员开玩笑说，大家都在忙，“老赵，你这趟车可以偷个懒了。”赵文华笑了笑。")
    assert who(speech(body))[0] == ("赵文华", None, "adjacent")
    assert who(speech(body))[1][0] is None  # the words call him: someone else's


def test_a_voice_named_after_the_quote_and_a_name_in_the_words():
    quotes = speech("李建国每天都很忙。“李所长去哪了？我的项链丢了，快帮我找找看……”记者走进派出所，传来一位居民焦急的声音。")
    assert who(quotes) == [(None, "一位居民", "after")]


def test_honours_listed_before_a_title_word():
    analysis = analyse(parse_article("派出所所长李建国:群众的事无小事\n李建国先后获得“全市执法为民先进个人”、"
                                     "“全市十佳派出所长”等荣誉称号。", Metadata(id="test")))
    assert [q.kind for q in extract_quotes(analysis)] == ["title", "title"]


def test_a_campaign_named_in_the_first_person_is_a_title():
    analysis = analyse(parse_article("派出所所长李建国:群众的事无小事\n第五届“我最喜爱的人民警察”评选活动中，"
                                     "很多人推荐了李建国。", Metadata(id="test")))
    assert [q.kind for q in extract_quotes(analysis)] == ["title"]


def test_a_quote_in_a_heading_that_names_no_one_belongs_to_the_next_person_named():
    body = "李建国在所里干了八年。\n节日坚守：“万家团圆时，我们在路上”\n除夕夜里，民警赵文华和同事守在路口。"
    quotes = speech(body)
    assert who(quotes) == [("赵文华", None, "headline")]


def test_a_dialogue_of_questions_and_answers_without_tags():
    body = ("记者来到路口，环卫工人李建国已经扫完了一半。\n“每天5点上班，那你几点起床？” “4点多吧，我家离得近。” "
            "“那家里人早饭怎么办呢？” “前天晚上多做点，早上热一热。”李建国一边扫地一边说。")
    quotes = speech(body, heading="环卫工人李建国:扫净一条街")
    assert [q.speaker for q in quotes] == [None, "李建国", None, "李建国"]


def test_a_first_person_quote_after_a_sentence_about_the_persons_things():
    quotes = speech("“今天开门早。”李建国说。李建国的工具都放在院内，“我每天5点起床，7点扫完。”")
    assert [q.speaker for q in quotes] == ["李建国", "李建国"]


def test_paragraphs_of_bare_quotes_one_after_another_are_voices():
    body = "李建国在大厅里巡视。\n“您好，您反映哪里有噪音？”\n“您好，您家是集中供热吗？”\n大厅里受理员的声音此起彼伏。"
    assert [q.speaker for q in speech(body)] == [None, None]


def test_a_judgement_in_a_few_words_is_speech_and_this_role_is_the_person_last_named():
    quotes = speech("李建国很少发火。娃娃脸、长马尾，这位47岁的所长喜欢柔和地把事情解决掉，“沟通能力还算好”。")
    assert who(quotes) == [("李建国", None, "sentence")]


REALWORLD = sorted(p for p in (Path(__file__).parent / "data" / "realworld").iterdir() if (p / "article.txt").is_file())


@pytest.mark.parametrize("folder", REALWORLD, ids=lambda p: p.name)
def test_real_articles_quotes_slice_the_text_and_names_are_never_descriptions(folder):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        analysis = analyse(load_article(folder))
    names = {p.name for p in story_people(analysis)} | {p.name for p in analysis.article.profiles if p.name}
    for quote in extract_quotes(analysis):
        assert analysis.article.text[quote.start:quote.end] == quote.text
        assert analysis.article.section_at(quote.start).id == quote.profile_id
        assert not (quote.speaker and quote.speaker_description)
        assert quote.speaker is None or quote.speaker in names  # a speaker is a recognised person
        assert quote.speaker_description not in names
        assert quote.kind == "speech" or (quote.speaker, quote.speaker_description, quote.speaker_how) == (None, None, "")


def test_back_to_back_calls_named_by_the_sentence_after_them():
    quotes = speech("列车准时启动。\n“注意照顾好小孩！”“手机充电不离人！”李建国带着徒弟赵文华逐个车厢提醒。")
    assert [q.speaker for q in quotes] == ["李建国", "李建国"]


def test_the_name_that_stands_first_before_a_colon():
    quotes = speech("李建国每天都走一圈。\n王大海是李建国安排值班的司炉工之一：“我就是佩服他，他的活一点儿不比我们少。”")
    assert [q.speaker for q in quotes] == ["王大海"]


def test_a_tag_alone_on_the_line_above_speaks_the_quote_below():
    # 他说 / (blank line) / “…”: a photo feature's layout; the quote is his, not a heading.
    quotes = speech("赵文华在站台上值守，这是他春节值守的第2年。\n\n他说\n\n“让乘客安全乘车，准点归家”\n")
    assert [q.speaker for q in quotes] == ["赵文华"]


def test_a_voice_heard_speaks_its_words():
    quotes = speech("李建国拿起电话，另一端便传来一位老人急切的声音，“您好，我找不到回家的路了。”")
    assert who(quotes) == [(None, "一位老人", "before")]


def test_the_person_who_opens_the_clause_before_a_colon_speaks():
    # The sentence opens with someone else (学生); the clause just before the colon names the speaker.
    quotes = speech("学生蹲在车旁修理未果，正手足无措时，赵文华快步上前：“别急，我来试试！”")
    assert [q.speaker for q in quotes] == ["赵文华"]


def test_surname_and_title_stand_for_the_only_person_of_that_surname():
    quotes = speech("李建国带着社区民警郑冬云值班。郑警官找到车主进行劝解，“车子不能停在花坛里。”车主马上把车开走了。")
    assert [q.speaker for q in quotes] == ["郑冬云"]


def test_an_age_before_the_name_still_opens_the_clause():
    quotes = speech("记者见到了赵文华。\n34岁的赵文华是一名外卖员，一辆电动车就是他的全部装备。\n"
                    "“天气越热，订单量也越多，但我们还是会尽快把餐送到。”\n")
    assert [q.speaker for q in quotes] == ["赵文华"]


def test_the_one_who_said_it_named_after_the_words():
    quotes = speech("立春已过，山里依旧很冷。\n“师父说过，守好大伙儿的年，比啥都重要。”\n说这话的人叫赵文华，是供电所的电工。")
    assert [q.speaker for q in quotes] == ["赵文华"]


def test_a_thing_named_with_a_person_noun_is_no_speaker():
    # 无人机 (a drone) opens the clause after the quote; the next clause names the speaker.
    quotes = speech("赵文华和同事踩在田埂上。\n“今天要巡视的是东热线，每一根电杆都得过一遍。”无人机升起，赵文华盯着画面。")
    assert who(quotes) == [("赵文华", None, "adjacent")]


def test_a_quote_goes_on_with_the_words_reported_in_the_sentence_before():
    quotes = speech("赵文华说，大多数同事和他一样常常顾不上吃饭，一天只能吃一顿饭。“早晨起得太早，常常反胃，吃不下东西。”")
    assert who(quotes) == [("赵文华", None, "reported")]
    # someone else named in between: no longer the reported words
    quotes = speech("赵文华说，同事们都顾不上吃饭。王小明也来了。“早晨起得太早，常常反胃。”")
    assert [q.speaker for q in quotes] != ["赵文华"]


def test_a_transcript_marker_before_a_quote_does_not_hide_who_the_words_follow():
    quotes = speech("大年初一，急诊科里很忙。 【录音】“今天来的急诊病人都是急重病人，主要是心脑血管病。” 工作29年来，赵文华在家过年的时间很少。")
    assert who(quotes) == [("赵文华", None, "adjacent")]


def test_the_sentence_after_the_words_says_whose_they_are():
    quotes = speech("王大海话不多，做事踏实。“干活要对得起良心。”在三天的相处中，这是他说得最多的一句话。",
                    heading="护林员王大海:守山")
    assert who(quotes) == [("王大海", None, "after")]
    # heard from someone else: that someone's words, not the listener's
    quotes = speech("王大海在站里值班。“群众的小事就是我们的大事。”这是刚入职时，王大海听老站长反复叮嘱的。",
                    heading="护林员王大海:守山")
    assert who(quotes) == [(None, "老站长", "after")]
    # a message sent by someone unnamed to the section's person
    quotes = speech("“老师，谢谢您这些年的照顾。”这是毕业那天一位家长发给王大海的短信。", heading="乡村教师王大海:守着讲台")
    assert quotes[0].speaker is None and quotes[0].speaker_description


def test_a_speaker_who_gives_their_own_name():
    # the sentence before is about someone else: the name in the words decides
    quotes = speech("李春梅带来了工友王秀兰。\n“我叫王秀兰，在工地干了十年了。”", heading="钢筋工李春梅:工地上的她们")
    assert who(quotes) == [("王秀兰", None, "self")]
    # someone of theirs is not that person
    quotes = speech("李春梅带来了工友王秀兰。\n“我是王秀兰的女儿，今天来看她。”", heading="钢筋工李春梅:工地上的她们")
    assert quotes[0].speaker != "王秀兰"


def test_words_that_name_a_person_are_not_that_persons():
    # the surname with a title, in words that follow a sentence about that person
    quotes = speech("两家商户为门前空地争执不下，王建军拿出笔记本，讲起当年的约定。\n“王警官连这都记着，我们再不退让就不像话了。”",
                    heading="社区民警王建军:小本子大账本")
    assert quotes[-1].speaker is None
    # a colon after a sentence that opens with the section's person
    quotes = speech("王建军说得真切，一位老人拉着她的手打趣：“王所长上了电视，咱们也跟着沾光！”",
                    heading="社区民警王建军:小本子大账本")
    assert quotes[0].speaker != "王建军"
    # the speaker's own nickname is no call to someone else
    quotes = speech("王建军总是笑呵呵的。\n“我是个爱管闲事的民警，街坊们都叫我王警官！”", heading="社区民警王建军:小本子大账本")
    assert quotes[0].speaker == "王建军"


def test_words_put_to_the_one_named_in_the_passive():
    quotes = speech("这些天，老店长王建军被问得最多的一句话就是：“你们以后搬到哪里去？”", heading="老店长王建军:最后一班岗")
    assert quotes[0].speaker is None
    # asked, and then answering in the same clause: the answer is theirs
    quotes = speech("王建军被问起时笑着说：“搬到哪里都一样开。”", heading="老店长王建军:最后一班岗")
    assert quotes[0].speaker == "王建军"


def test_the_person_after_the_words_who_introduces_their_own_words():
    quotes = speech("王建军说，他开公交车8年了，春节都在车上过。“这些年我发现乘客对司机更理解了。”车队队长赵文华说：“大家都毫无怨言。”",
                    heading="公交司机王建军:方向盘上的年")
    assert [q.speaker for q in quotes] == ["王建军", "赵文华"]
    # the same person before the words and after them: the words were theirs already
    quotes = speech("记者看见王建军正在清扫车厢，“每跑一趟车，我们都会打扫卫生。” 王建军说：“乘客坐着也舒心。”",
                    heading="公交司机王建军:方向盘上的年")
    assert [q.speaker for q in quotes] == ["王建军", "王建军"]


def test_a_reporting_verb_with_the_one_told_and_no_subject_of_its_own():
    quotes = speech("王老汉听说儿子要参选村支书，便急匆匆来到儿子家，告诫王建军说：“当了干部会得罪人！”",
                    heading="村支书王建军:不怕得罪人")
    assert quotes[0].speaker != "王建军"


def test_a_reporting_clause_with_no_subject_goes_on_with_the_last_speaker():
    quotes = speech("修车师傅一边补胎一边絮叨，王建军一边发信息一边回应道，“我就是想开快点嘛。”说完，还有些得意地对我说，“别人要开一个半小时，我一个小时就到了。”",
                    heading="第一书记王建军:山路上的女汉子")
    assert [q.speaker for q in quotes] == ["王建军", "王建军"]
    # a subject of its own (对面, the caller) is no continuation
    quotes = speech("电话接通了，王建军问“之前相关部门是怎么答复您的呢”，对面喊道：“你别问之前，我就问你们怎么办事的！”",
                    heading="第一书记王建军:山路上的女汉子")
    assert quotes[-1].speaker != "王建军"


def test_a_speaker_doing_something_while_speaking_after_the_words():
    quotes = speech("“节日期间火险隐患高，我们每天都要反复检查装备。”市消防救援支队特勤站灭火救援二班班长王建军一边调试对讲机一边介绍。",
                    heading="消防员王建军:警铃就是命令")
    assert who(quotes) == [("王建军", None, "after")]
    # an unnamed speaker who nags while working, then the person named answers
    quotes = speech("到了修理厂。\n“女同志，开车慢一点，别火急火燎的。”店老板一边补车胎一边絮叨，王建军一边发信息一边回应道，“我就是想快点。”",
                    heading="第一书记王建军:山路上的女汉子")
    assert who(quotes)[0] == (None, "店老板", "after") and quotes[1].speaker == "王建军"


def test_a_tag_that_ends_a_sentence_of_circumstances_after_the_words():
    quotes = speech("“吃下汤圆，从心底暖了起来。”2月6日，适逢元宵节，在贵阳开往郑州的列车上，乘客王建军一边吃着汤圆，一边感叹道。",
                    heading="列车长赵文华:车上的元宵节")
    assert who(quotes) == [("王建军", None, "after")]
    # someone else referred to on the way: not that far
    quotes = speech("“吃下汤圆，从心底暖了起来。”2月6日，适逢元宵节，赵文华端来汤圆，他接过碗，乘客王建军一边吃着汤圆，一边感叹道。",
                    heading="列车长赵文华:车上的元宵节")
    assert quotes[0].speaker != "王建军"


def test_words_heard_from_many_after_which_the_sentence_says_so():
    quotes = speech("王建军是这里的话务员。\n“您好！很高兴为您服务！”11月1日，记者走进呼叫中心，这样甜美的声音此起彼伏。",
                    heading="话务员王建军:把微笑传给用户")
    assert quotes[0].speaker is None


def test_quotes_back_to_back_that_trail_off_are_sampled_voices():
    quotes = speech("王建军和同事建了36个微信群。“我要一根甘蔗，削好皮哈”“还有里脊肉吗，给我留两斤”……一天下来，上万条信息。",
                    heading="社区书记王建军:群里的上万条信息")
    assert [q.speaker for q in quotes] == [None, None]


def test_an_untagged_question_and_its_answer():
    # the question is put to the section's person, back to back with the answer
    quotes = speech("记者在会场外见到了王建军。\n“还记得您第一次登上我们杂志封面时的情景吗？”“当然了，这是我一辈子难忘的场景。”去年10月，王建军在会上发言。",
                    heading="村支书王建军:带领村民致富")
    assert [q.speaker for q in quotes] == [None, "王建军"]
    # no section subject: the one who answered before goes on answering the next question
    body = ("村支书赵文华，1972年出生，是一名退伍军人。第一书记王建军去年来到村里。\n“驻村第一书记对村里有没有用？”我们问。\n"
            "赵文华略作沉思：“说实话，派来过几批了，这一位是印象最深的。”\n“为什么？”\n“以前我总觉得，上级安排的事配合完成就行。”")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # no profile headings: one section with two people and no subject
        quotes = speech(body, heading="村里来了第一书记")
    assert quotes[-1].speaker == "赵文华"


def test_the_speaker_named_by_role_right_after_the_words():
    quotes = speech("除夕夜20时，报警电话响个不停。\n“请您详细提供一下这个孩子的信息，我们马上派警处置。”当晚值班的指挥科班长叫王建军，今年45岁。",
                    heading="接警员王建军:除夕夜的电话")
    assert who(quotes) == [("王建军", None, "adjacent")]


def test_an_unnamed_speaker_after_the_words_in_either_form_of_zhe():
    # 笑著说 (the form some copies print for 着) and 网友 are an unnamed speaker, not the section's person
    quotes = speech("王建军一进门就闻见了饭菜香。“今天特意煮了两大锅水饺，吃完再来添啊！”窗口打饭的服务员笑著说。",
                    heading="集卡司机王建军:在港口过年")
    assert quotes[0].speaker is None and quotes[0].speaker_description
    quotes = speech("王建军在井下直播。\n“今天矿长下井了没？”一名网友问。", heading="矿工王建军:井下直播")
    assert (quotes[0].speaker, quotes[0].speaker_description) == (None, "一名网友")


def test_a_long_role_before_the_name_after_the_words():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # headings that name no one: the article is one section
        quotes = speech("雨露滋养的地方，苔花正茁壮成长。\n“城里不缺老师，村里的娃娃需要我。”内蒙古某旗某乡中心学校教师王建军，见证了学校40年的变迁。",
                        heading="教书育人:扎根乡村")
        assert who(quotes) == [("王建军", None, "adjacent")]
        # a tag after the words with a long role before the name
        quotes = speech("“节日生产是我们应尽的职责，再苦再累也心甘情愿。”中国第二大油田某钻井公司第三分公司40538钻井队队长王建军对笔者说。",
                        heading="钻井工人:节日不停钻")
        assert who(quotes) == [("王建军", None, "after")]


def test_words_put_to_the_one_named_or_heard_from_a_device():
    quotes = speech("近几年，王建军遭受到一些质疑，“是不是在作秀？”“有什么目的？”当时，王建军已经在山里干了七年。",
                    heading="支教老师王建军:十一年")
    assert [q.speaker for q in quotes] == [None, None]
    quotes = speech("除夕夜，指导员王建军手中的对讲机不时传来“城东镇附近有火情，消防车已出动”等消息。",
                    heading="消防员王建军:除夕夜")
    assert [q.speaker for q in quotes] == [None]


def test_the_one_asked_about_after_the_words_answers():
    quotes = speech("王建军是所长，李春梅是值班员。\n“大家辛苦一年了，今天我来替班，让同事在家好好休息！”问起王建军为什么连续五年除夕都在所里，他回答得如此简单。",
                    heading="供电所所长王建军:除夕在所里")
    assert who(quotes) == [("王建军", None, "answer")]
