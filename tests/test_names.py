"""Person names anywhere in the text (analysis.names): recognition, spans, roles, short forms."""
import warnings

import pytest

from analysis.corpus import Metadata, parse_article
from analysis.names import is_person_name, people_in, person_at, person_names, story_people
from analysis.pipeline import analyse


def analysed(text, **meta):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "no profile headings found" is expected for most of these
        return analyse(parse_article(text, Metadata(id="test", published="2019-05", **meta)))


def by_name(analysis, recogniser="lac"):
    return {p.name: p for p in people_in(analysis, recogniser)}


def assert_traceable(analysis):
    article = analysis.article
    for person in people_in(analysis):
        for mention in person.mentions:
            assert article.text[mention.start:mention.end] == mention.text
            section = article.section(mention.section_id)
            assert section.start <= mention.start and mention.end <= section.end
        if person.role is not None:
            assert article.text[person.role_start:person.role_end] == person.role


BODY = ("两个小时后，记者见到了派出所所长李建国。他对记者说，辖区里的事再小也要管。\n"
        "“群众找得到我，我就安心。”李建国说。指导员王海涛在一旁点头。\n"
        "李建国的妻子赵文华也是一名民警。赵文华说：“他常常一个月不回家。”\n"
        "本报记者 孙小梅")


def test_names_in_the_body_with_roles_and_spans():
    analysis = analysed(BODY)
    people = by_name(analysis)
    assert {"李建国", "王海涛", "赵文华"} <= set(people)
    assert people["李建国"].role.endswith("所长")
    assert people["王海涛"].role == "指导员"
    assert people["赵文华"].role == "李建国的妻子"
    assert len(people["李建国"].mentions) == 3
    assert_traceable(analysis)


def test_reporters_are_byline_people_not_story_people():
    analysis = analysed(BODY)
    assert people_in(analysis)[-1].name == "孙小梅" and people_in(analysis)[-1].byline
    assert "孙小梅" not in {p.name for p in story_people(analysis)}
    credit = analysed("话务员张晓明在接听电话。张晓明说，每天都很忙。\n图为张晓明在工作。陈大伟 摄")
    assert by_name(credit)["陈大伟"].byline
    assert not by_name(credit)["张晓明"].byline


def test_short_forms_link_to_the_full_name():
    analysis = analysed("话务员周蓝蓝今年24岁。同事们都叫她小周。“小周做事细心。”组长孟莹说。蓝蓝听了很开心。")
    people = by_name(analysis)
    forms = {m.text: m.form for m in people["周蓝蓝"].mentions}
    assert forms == {"周蓝蓝": "full", "小周": "prefix", "蓝蓝": "given"}
    assert person_at(analysis, *[(m.start, m.end) for m in people["周蓝蓝"].mentions if m.text == "小周"][0]).name == "周蓝蓝"
    assert_traceable(analysis)


def test_a_shorter_candidate_inside_a_longer_name_is_not_a_person():
    analysis = analysed("龙崇内开着车往所里赶。龙崇内停好车。教导员杨双乐在所里值班。龙崇内找出一瓶酒来。")
    names = person_names(analysis)
    assert "龙崇内" in names and "龙崇" not in names


def test_words_are_not_people():
    analysis = analysed("她的声音清晰、洪亮，这是一名话务员最基本的要求。话务员田磊做到了“话毕单成”。田磊说，这很难。")
    assert set(person_names(analysis)) == {"田磊"}


def test_profile_subjects():
    analysis = analysed("话务员周蓝蓝:用心服务\n周蓝蓝每天接听电话。周蓝蓝说，她很喜欢这份工作。")
    person = by_name(analysis)["周蓝蓝"]
    assert person.subject_of == ("p01",) and person.evidence == "heading"


def test_is_person_name():
    assert is_person_name("李建国", "某县公安局某派出所所长李建国——")
    assert not is_person_name("坚守", "坚守：节日我们在岗")
    assert not is_person_name("奉献", "奉献：为了千家万户")


def test_jieba_baseline_and_unknown_recogniser():
    analysis = analysed(BODY)
    assert "李建国" in by_name(analysis, "jieba")
    with pytest.raises(ValueError, match="unknown person recogniser"):
        people_in(analysis, "bert")


def test_bundled_article(article):
    analysis = analyse(article)
    people = by_name(analysis)
    assert {p.name for p in article.profiles} <= set(people)
    assert all(people[p.name].subject_of == (p.id,) for p in article.profiles)
    assert {p.name for p in people.values() if p.byline} == set(article.metadata.reporters)
    assert_traceable(analysis)


def test_photo_credits_with_places_are_byline_and_roles_cut_by_the_segmenter_join():
    analysis = analysed("记者周人杰(右二)、张炜(右三)、琼达卓嘎(右一)在波玛村采访。\n"
                        "河南兰考张庄村,记者朱佩娴(左)和脱贫户翟进喜在他的蛋鸡场交谈。翟进喜说,日子越过越好。")
    people = by_name(analysis)
    assert all(people[n].byline for n in ("周人杰", "张炜", "琼达卓嘎", "朱佩娴"))
    assert not people["翟进喜"].byline and people["翟进喜"].role == "脱贫户"
    assert_traceable(analysis)


def test_recognised_names_are_one_token_each():
    analysis = analysed("2016年大学毕业后,话务员周蓝蓝第一次走进中心。周蓝蓝说,刚开始很紧张。同事都叫她蓝蓝。")
    names = [(t.text, t.pos) for t in analysis.tokens if "蓝" in t.text]
    assert names == [("周蓝蓝", "nr"), ("周蓝蓝", "nr"), ("蓝蓝", "nr")]


def test_the_first_part_of_a_place_name_is_not_a_person():
    analysis = analysed("侯北编组站是我省最大的铁路编组站。调度员李冬生每天都在侯北编组站值班。李冬生说,春运很忙。")
    assert set(person_names(analysis)) == {"李冬生"}


def test_dotted_names_compound_surnames_and_titles():
    analysis = analysed("网格员阿不都热依木·买买提每天要走访20多户居民。阿不都热依木·买买提说,群众的事没有小事。\n"
                        "社区书记欧阳晓峰介绍,今年以来共化解矛盾纠纷30多起。欧阳晓峰说,大家信任我们。同事小欧阳也点头称是。\n"
                        "公交司机张师傅每天要跑8趟。张建国今年52岁,开了30年公交车。")
    people = by_name(analysis)
    assert people["阿不都热依木·买买提"].role == "网格员" and len(people["阿不都热依木·买买提"].mentions) == 2
    assert {m.text: m.form for m in people["欧阳晓峰"].mentions}["小欧阳"] == "prefix"
    assert {m.text: m.form for m in people["张建国"].mentions}["张师傅"] == "title"
    assert people["张建国"].role == "公交司机"
    assert_traceable(analysis)


def test_a_long_name_without_a_dot():
    analysis = analysed("车厢内,乘警长周元带着乘警巴图克西克已经完成了列车消毒。巴图克西克说,春运期间每天都很忙。")
    assert {"周元", "巴图克西克"} <= set(person_names(analysis))


def test_a_two_character_name_always_followed_by_the_same_character_is_a_cut_three_character_name():
    from analysis.names import _always_followed

    text = "方洪有今年44岁。早上8点，方洪有带我去楼道。"
    spans = [(m, m + 2) for m in (0, text.index("方洪", 5))]
    assert _always_followed(text, spans, "方洪") == "方洪有"
    said = "李明说，他很忙。李明说完就走了。"
    assert _always_followed(said, [(0, 2), (8, 10)], "李明") is None  # 说 follows names: no part of one
    once = "方洪有今年44岁。"
    assert _always_followed(once, [(0, 2)], "方洪") is None  # one mention proves nothing


def test_a_name_after_a_role_and_twice_before_a_verb_of_speech_is_a_person():
    from analysis.names import _role_and_speech_names

    text = ("清涧县快递员惠诚发动了三轮车。“大家都叫我熟悉的陌生人。”惠诚笑着说。"
            "“舍小家为大家不是口号。”惠诚说。他们说，快递员很辛苦。")
    assert _role_and_speech_names(text) == {"惠诚"}
    assert _role_and_speech_names("惠诚笑着说，快递很忙。惠诚说完就走了。") == set()  # never after a role


def test_surname_led():
    from analysis.names import _surname_led

    assert _surname_led("张三") and _surname_led("欧阳晓峰") and _surname_led("帕尔哈提·吐尔逊")
    assert not _surname_led("夜巡")


def test_surname_and_a_form_of_address_is_a_person_or_the_full_names_short_form():
    # 刘大哥 is a person of his own (no other 刘 in the story), 小刘 his son; the reporter 刘春鹏
    # of the byline owns no short form in the story.
    analysis = analysed("社区民警宋健路过3号楼时，刘大哥特意迎上来道谢。宋健察觉到刘大哥的儿子小刘情绪异常。"
                        "“要不是宋警官心细，孩子可就耽误了。”刘大哥感激不已。\n本报记者 刘春鹏")
    people = by_name(analysis)
    assert {"刘大哥", "小刘", "宋健"} <= set(people)
    assert {m.text for m in people["刘春鹏"].mentions} == {"刘春鹏"}
    # 张大妈 and 张大娘 are forms of the only 张 the story names in full.
    analysis = analysed("她就是一名61岁的环卫工人张苏林大妈。凌晨4点，张大妈就已经起床了。张大娘做环卫工人已经9年了。")
    people = by_name(analysis)
    assert "张大妈" not in people and "张大娘" not in people
    assert {m.text for m in people["张苏林"].mentions} == {"张苏林", "张大妈", "张大娘"}
    assert_traceable(analysis)


def test_a_doubled_syllable_is_no_name():
    analysis = analysed("她就是环卫工人张苏林大妈。天蒙蒙亮，来往车辆也渐渐变多，张大娘掏出里兜的手机看了看时间，"
                        "“7点了，该倒垃圾去了。”")
    assert set(by_name(analysis)) == {"张苏林"}


def test_uncle_forms_are_short_forms_of_the_only_full_name_with_that_surname():
    analysis = analysed("电工林则群和同事拐进了村子，来到村民王忠吉家。“王叔，插座、开关都给您查了一遍。”林则群说。"
                        "王叔连声道谢。")
    people = by_name(analysis)
    assert "王叔" not in people
    assert "王叔" in {m.text for m in people["王忠吉"].mentions}


def test_a_rarer_surname_of_the_list():
    analysis = analysed("“这周开始平均一天两三趟。”刚刚出警回来的消防员阙江明说。阙江明今年20岁，已有三年没能回家过年。")
    assert "阙江明" in by_name(analysis)


def test_a_role_right_before_a_name_counts_where_the_model_reads_it_otherwise():
    # LAC reads 周清慧 as a time after 列车长, and as a person in the second sentence.
    analysis = analysed("“不要慌张，人多时提前到岗开门，防止旅客坐过站。”列车长周清慧手把手指导年轻乘务员注意事项。\n"
                        "从列车员到列车长，自2013年从事客运工作以来，35岁的周清慧没有换过别的线路。")
    assert "周清慧" in by_name(analysis)


def test_an_author_credited_in_the_page_chrome_is_a_byline_person():
    analysis = analysed("2012-01-30 13:29来源:某县供电公司作者:王培关键词:供电所\n"
                        "除夕夜，供电所所长宋清斌拎着水饺走进所里。宋清斌说：“今天我来替班。”")
    assert "王培" not in {p.name for p in story_people(analysis)}
    assert "宋清斌" in {p.name for p in story_people(analysis)}


def test_a_compound_surname_always_followed_by_the_same_given_name_is_a_cut_name():
    # The model reads 欧阳 + 起 + 虎 in both sentences: a compound surname takes two given characters.
    analysis = analysed("在长沙市一条街道上，环卫工欧阳起虎顶着烈日，有条不紊地清扫着大街。小屋已住5年，58岁的欧阳起虎"
                        "知足常乐。欧阳师傅说，他在街上扫地，脚底下就跟着了火一样。")
    people = by_name(analysis)
    assert "欧阳起虎" in people and not {"欧阳", "欧阳起"} & set(people)
    assert_traceable(analysis)


def test_a_graphics_credit_is_a_byline_person():
    analysis = analysed("快递员张晓明每天送200多件快递。张晓明说，夏天最难熬。\n\n郁斐 设计\n\n"
                        "环卫工人李桂兰凌晨4点就上街了。李桂兰说，习惯了。")
    assert "郁斐" not in {p.name for p in story_people(analysis)}
    assert {"张晓明", "李桂兰"} <= {p.name for p in story_people(analysis)}


def test_four_characters_made_of_two_words_named_once_are_no_name():
    analysis = analysed("因奋斗而繁盛\n亿万人民\n以劳动而闪光\n从田野阡陌\n到浩渺星辰\n他们以汗水汇聚时代洪流\n"
                        "电焊工人王建军在车间里忙碌。王建军说，这是他的第20个年头。")
    names = {p.name for p in story_people(analysis)}
    assert "田野阡陌" not in names and "王建军" in names


def test_a_role_right_before_an_unknown_name_brings_its_sentence_to_the_model():
    # 柏 is no surname of the list, so jieba's name tag on 柏健 alone would not bring the sentences.
    analysis = analysed("“每两小时，就要全车巡逻一次。”乘警长柏健带着乘警人员，一直忙着排查车厢。这趟列车客流多。"
                        "“很累，但也习惯了。”柏健说。")
    assert "柏健" in {p.name for p in story_people(analysis)}
    assert_traceable(analysis)


def test_a_line_of_role_and_name_gives_the_whole_name_where_the_model_cuts_it():
    # A speaker's label over a sound bite; LAC reads 古丽 + 给 + 娜.
    analysis = analysed("列车驶出乌鲁木齐站，车厢里坐满了回家过年的旅客。\n乘务员古丽给娜\n"
                        "“过春节最想念的是我的妈妈，可是今年又要在车上过了。”\n列车一路向东。")
    names = {p.name for p in story_people(analysis)}
    assert "古丽给娜" in names and "古丽" not in names
    assert_traceable(analysis)


def test_people_named_only_in_photo_captions():
    text = ("除夕夜，伊春市的许多人仍坚守在岗位上。\n\n值班医生王秋艳为患者听诊。东北网记者 郑超 摄\n\n"
            "王秋艳说，今晚要值通宵。\n\n火车站铁路值班员庞忠鹤。东北网记者 郑超 摄\n\n图为清洗工人正在作业\n\n"
            "新年的钟声敲响，城市灯火通明。")
    analysis = analysed(text)
    assert any(s.kind == "caption" for s in analysis.article.sections)
    story = {p.name for p in story_people(analysis)}
    assert {"王秋艳", "庞忠鹤"} <= story and "郑超" not in story
    assert_traceable(analysis)


def test_a_wire_datelines_brackets_name_its_reporters():
    analysis = analysed("新华社哈尔滨1月3日电(孙晓宇 杨思琪 徐凯鑫)零下20摄氏度的清晨，快递员贲广雨派完一个件，赶紧捂住耳朵。"
                        "贲广雨说，习惯了。\n新华社北京1月1日电（记者张小明、李大伟）除夕夜，民警王建国在路口执勤。王建国说，不冷。")
    story = {p.name for p in story_people(analysis)}
    assert not {"孙晓宇", "杨思琪", "徐凯鑫", "张小明", "李大伟"} & story
    assert "王建国" in story
    assert_traceable(analysis)


def test_a_surname_before_a_character_jieba_cannot_read_brings_its_sentence_to_the_model():
    # jieba reads 于 + 赟 as a preposition and an untagged character; LAC reads 于赟 each time.
    analysis = analysed("“妈妈，你给我一分钟好不好？”于赟两岁半的小女儿，最近新学会了这句话。\n"
                        "疫情防控期间，于赟负责热线运营。频繁接打电话，于赟生生烧坏了一张电话卡。")
    assert "于赟" in {p.name for p in story_people(analysis)}


def test_a_name_cut_before_a_photos_position_mark_is_whole_with_one_mention():
    from analysis.names import _always_followed

    text = "社区志愿者蒋晨一(左)和下沉干部谢文先来到一名独居老人家中。"
    start = text.index("蒋晨")
    assert _always_followed(text, [(start, start + 2)], "蒋晨") == "蒋晨一"
    plain = "社区志愿者蒋晨一和下沉干部谢文先来到一名独居老人家中。"
    assert _always_followed(plain, [(start, start + 2)], "蒋晨") is None  # one mention, no mark: no proof
    whole = "社区志愿者蒋晨(左)和干部谢文先来到老人家中。"
    assert _always_followed(whole, [(start, start + 2)], "蒋晨") is None  # the mark right after: whole already


def test_a_name_in_a_photo_caption_is_completed_by_jiebas_name_there_too():
    # LAC reads 谢明 + 先来到 in the caption; jieba's 谢明先 completes it, as in body sentences.
    text = ("春节前，某区的干部们下沉到社区。\n\n"
            "社区干部谢明先来到一位独居老人家中送菜(3月2日摄)。 新华社记者 钱小端 摄\n\n"
            "老人说，有人惦记着，心里暖和。\n")
    analysis = analysed(text)
    assert [s.kind for s in analysis.article.sections].count("caption") == 1
    story = {p.name for p in story_people(analysis)}
    assert "谢明先" in story and "谢明" not in story and "钱小端" not in story
    assert_traceable(analysis)


def test_a_name_twice_a_sound_bites_speaker_label_after_a_role_is_a_person():
    from analysis.names import _role_and_speech_names

    text = ("夜市里人来人往。\n某区夜市摊主  钱趁意：我小时候就跟着妈妈出摊。\n她一边说一边翻动锅里的包子。\n"
            "某区夜市摊主  钱趁意：要两笼包子吗？\n市民  张三：好嘞\n")
    assert _role_and_speech_names(text) == {"钱趁意"}


def test_a_surname_and_a_title_is_a_form_of_the_person_named_in_full():
    # 邱老 (an elder named with respect) is 邱文彬, not a second person.
    analysis = analysed("退休前担任市文化馆馆长的邱文彬也在服务队里。邱老得知队里想要一首队歌，立即表示要免费写词。"
                        "邱老说，写歌是他的老本行。\n")
    people = {p.name: [m.text for m in p.mentions] for p in story_people(analysis)}
    assert "邱老" not in people and people["邱文彬"].count("邱老") == 2
    assert_traceable(analysis)


def test_the_full_name_printed_before_the_same_title_is_the_person_of_the_title_form():
    # The model reads 黎明 + 远 and tags 黎副处长; the text prints 黎明远副处长 first.
    analysis = analysed("此行陪同我们的是省扶贫办的黎明远副处长，他一年前还是驻村干部。一路上，黎副处长给我们讲村里的变化。\n")
    people = {p.name: [m.text for m in p.mentions] for p in story_people(analysis)}
    assert set(people) == {"黎明远"} and "黎副处长" in people["黎明远"]
    assert_traceable(analysis)


def test_a_form_of_address_with_no_full_name_stays_a_person_of_its_own():
    analysis = analysed("一位姓蔡的老大爷打来电话。到了现场，蔡大爷拉着他的手不放。蔡大爷说，天冷了，炉子却打不着。\n")
    assert {p.name for p in story_people(analysis)} == {"蔡大爷"}


def test_a_byname_given_once_after_jiao_wo_is_no_person():
    # a pun on a film star's name: 大家都叫我 + a star's name, said once
    analysis = analysed("木工钱碧云今年四十三岁。“我回老家以后，大家都叫我刘嘉玲。”钱碧云笑着说，女儿爱美，她也爱美。\n")
    story = {p.name for p in story_people(analysis)}
    assert "钱碧云" in story and "刘嘉玲" not in story
