"""Who says each speech quote: the grammar of attribution, over one section's normalised text.

A quote's speaker is looked for in this order (the first rule that finds someone wins; `how`
names it in the quotes table):

* ``before``: a reporting clause right before the quote (`李建国对记者说：“`, `他笑着说：“`,
  `总书记勉励某某：“` where the speaker is the one who speaks, not the one addressed);
* ``after``: a reporting clause right after it (`”赵文华说`, `”在座谈中，书记陈建峰说。`);
* ``continued``: the tag between the two parts of a split quote (`“…”赵文华说，“…”`);
* ``self``: the words give the speaker's own name (`“我叫张碧玉，…”`);
* ``introduced``: a clause ending with a colon, or (for a first-person quote) a comma, that
  names one speaker (`他的第一句话竟是：“`);
* ``earlier``: a reporting verb earlier in the same sentence (`谷丽丽感慨道，…，“…”`);
* ``adjacent``: the sentence right after the quote opens with a person (`“…”于赟有些哽咽。`);
* ``headline``: a quote in a section's heading belongs to the section's person;
* ``answer``: the quote that answers a question put in the previous quote;
* ``sentence`` / ``context``: a quote inside a sentence belongs to that sentence's subject;
  a first-person quote on its own belongs to the speaker of the quote before it in the
  paragraph, or to the person the previous sentence (or paragraph) is about.

The subject of a reporting clause is the first reference to a person in it: a name (a role
phrase before it, `派出所所长李建国`, is dropped), 他/她 (resolved to the nearest named person
before it whose pronoun agrees, see `SectionPeople.resolve_pronoun`), a role that an apposition
elsewhere ties to one name (`所长` after `所长李建国`), or an unnamed speaker (`几位摊主`,
`一位市民`, `记者`), which is kept as a description, never as a name.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .lexicon import HAN

SENTENCE_END = "。！？!?"
CLAUSE_MARKS = "，,；;：:、"

REPORTING_VERBS = (
    "絮叨", "念叨", "唠叨", "嘟囔", "嘀咕", "吆喝", "抱怨", "埋怨", "回应", "告诉记者", "对记者说", "向记者介绍", "向记者讲述", "对记者讲", "感慨道", "感叹道", "笑着说", "说道", "回忆道",
    "回忆说", "解释道", "解释说", "补充道", "补充说", "答道", "回答说", "回答", "问道", "笑道", "叹道", "说到",
    "坦言", "表示", "介绍", "回忆", "强调", "透露", "感慨", "感叹", "直言", "坦承", "笑言", "指出", "认为",
    "要求自己", "常说", "总说", "喊道", "叫道", "嘱咐道", "叮嘱道", "应道", "追问", "反问", "如是说", "如是问", "如是咨询", "如是回答", "说",
)
# 他只说了一句“…” / 回了一句 / 喊了一声: a reporting verb with a count of what was said.
_SAID_ONCE = r"(?:说|讲|问|答|回|喊|叫|留下)了?(?:这么|这样)?(?:一|几)?(?:句|声)(?:话)?"
# 一边调试对讲机一边(介绍) / 边走边(说): what the speaker does while speaking, between the subject and the verb.
_WHILE = r"(?:(?:一边|边)[^，,。；;：:“”‘’\s]{1,12}?(?:一边|边))"
# Verbs that take the person spoken to as an object: the speaker is the subject, not the object.
ADDRESS_VERBS = ("告诉", "叮嘱", "嘱咐", "勉励", "鼓励", "提醒", "安慰", "告诫", "劝", "问", "对", "向", "跟", "冲", "朝")
VERB_PATTERN = _SAID_ONCE + "|" + "|".join(sorted(REPORTING_VERBS, key=len, reverse=True))
_ADDRESS = "|".join(sorted(ADDRESS_VERBS, key=len, reverse=True))
# Adverbials between a speaker and the verb: 焦急地, 笑着, 这样, 也, 一直 ...
_ADVERBIAL = rf"(?:[{HAN}]{{2}}地|[{HAN}][着著]|这样|也|还|又|就|都|曾|曾经|一直|常常|总是|再次|随后|便|便会|不禁|忍不住|动情|激动)"
_CLAUSE = rf"[^{SENTENCE_END}{CLAUSE_MARKS}“”‘’\s]"
# SUBJECT + a verb of addressing + the one addressed, ending the clause (总书记勉励李建国：).
_ADDRESS_TAG_RE = re.compile(
    rf"(?P<subject>{_CLAUSE}{{1,20}}?)(?:{_ADVERBIAL})*(?:{_ADDRESS})(?P<object>{_CLAUSE}{{1,12}}?)"
    rf"(?:说|讲|道|表示|介绍|强调)?$")
_STRIP_ADVERBIAL_RE = re.compile(rf"(?:{_ADVERBIAL})+$")
_OPENINGS = ("当(?=[他她我])", "听到", "听见", "听", "看到", "只听到", "只听见", "只听", "每当", "所以", "因此", "但是", "可是", "不过", "而且",
             "并且", "后来", "如今", "现在", "当时", "但", "而", "可", "于是", "随即", "接着", "然后", "对此", "为此", "其中")
_STRIP_OPENING_RE = re.compile("^(?:" + "|".join(sorted(_OPENINGS, key=len, reverse=True)) + ")")
_PREPOSITION_TAIL_RE = re.compile(rf"(?:对|向|跟|和|给|冲|朝|同)(?:{_CLAUSE}{{1,10}})$")
_FIRST_PERSON_RE = re.compile(r"我|俺|咱")
QUESTION_RE = re.compile(r"[？?]\s*$")
_REPORTER_RE = re.compile(r"记者")
# A phrase names a person by what they are when it ends like one (员 话务员, 长 所长, 们 乡亲们 ...).
PERSON_NOUN = (
    r"(?:员|长|者|人|民|士|生|姐|哥|弟|妹|师|官|警|医|主任|书记|经理|记者|同事|领导|姑娘|女儿|儿子|孩子|妈妈|爸爸|"
    r"母亲|父亲|丈夫|妻子|老伴|家人|先生|女士|大爷|大妈|大娘|大伯|阿姨|叔叔|奶奶|爷爷|老人|乡亲|村民|群众|市民|"
    r"摊主|店主|老板|师傅|徒弟|小伙|伙子|旅客|乘客|顾客|游客|网友|工友|病友|们|总书记|主席|总理|部长|省长|市长|县长|乡长|镇长|村长|支书)")
PERSON_NOUN_RE = re.compile(PERSON_NOUN + "$")
# Unnamed people who could be 她/他, with the pronoun each takes (None: either).
_OTHER_PERSON_RE = re.compile(
    r"(?P<f>女士|姑娘|大姐|妻子|母亲|女儿|妈妈|奶奶|阿姨|大妈|大娘|老伴儿?|女子|妇女)|(?P<m>先生|丈夫|父亲|儿子|"
    r"爸爸|爷爷|大爷|大伯|叔叔|小伙子?|男子|老汉)|(?P<n>患者|同事|组长|班长|领导|家人|孩子|老人|一位市民|一名市民|这位市民|来电市民|"
    rf"那位市民|一位[{HAN}]{{1,4}}(?:员|者|人)|一名[{HAN}]{{1,4}}(?:员|者|人))")
# An age in apposition before a name (34岁的张杰, 今年61岁的): the name still opens the clause.
_AGE_RE = re.compile(r"(?:今年|现年|年仅|已经|已)?(?:\d{1,3}|[一二三四五六七八九十]{1,3})岁的")
_THIS_ROLE_RE = re.compile(r"^(?:这位|这名|该|那位)")
_THIS_PERSON_RE = re.compile(r"^(?:这位|这名)[^，,。；;：:“”]{0,12}?" + PERSON_NOUN)
_POSSESSIVE_RE = re.compile(rf"^的(?P<noun>{_CLAUSE}{{1,12}}?)(?=$|[{_CLAUSE[1:-1]}]*$)")
# 李建国的话 / 他的第一句话 / 她的回答: the person's own words, not someone of theirs.
_OWN_WORDS_RE = re.compile(r"^的(?:第一句|一句|这句|那句|这番|一番|一席)?(?:话|回答|答复|声音|心声|心里话|口头禅)")
# A verb or preposition before a name in its clause makes the name an object, not a subject.
_GOVERNED_RE = re.compile(r"(?:看到|看见|接到|让|叫|给|对|向|跟|和|与|同|把|被|帮|陪|找|问|告诉|带着|替|为|见到)$")
# A title after a surname, as people call someone (陈警官, 邵所长, 王师傅, 李阿姨).
_TITLE = (r"(?:警官|所长|书记|师傅|老师|队长|班长|站长|主任|科长|局长|院长|校长|村长|支书|经理|老板|医生|大夫|护士|"
          r"阿姨|大姐|大哥|大爷|大妈|奶奶|爷爷|叔叔|叔|姐|哥|姨|同志|总)")
MAX_HEADING_CHARS = 30  # a quote paragraph this short with no sentence-final mark is a heading
MIN_ECHO_CHARS = 4  # a heading quote this long is matched against the section's other quotes
HEADLINE_REACH = 4  # paragraphs after a heading quote in which its person must be named
DOMINANT_SHARE = 0.6  # a section's main person, when it has no subject: this share of the named mentions
MAX_TAG_GAP = 2  # clauses of narration between a quote and the reporting clause after it
MAX_ANSWER_REACH = 300  # characters between an untagged question and the last named speaker's words before it
MAX_FAR_TAG = 6  # clauses in a sentence after a quote whose last clause may still be its tag
MAX_ROLE_CHARS = 30  # a role phrase in apposition before a name (湖南省…人大常委会副主任石红) is at most this long
# Someone of a named person's, unnamed (李建国的女儿, 于赟两岁半的小女儿).
RELATIVE_NOUN = (r"(?:妻子|丈夫|爱人|老伴儿?|女儿|儿子|孩子|母亲|父亲|妈妈|爸爸|家人|姐姐|妹妹|哥哥|弟弟|孙女|孙子|外孙女?|"
                 r"婆婆|公公|岳父|岳母|同事|徒弟|师傅|朋友|邻居|队友|战友|学生|老师|领导|搭档)")
_RELATIVE_RE = re.compile(rf"^[{HAN}\d]{{0,5}}?的[{HAN}]{{0,3}}?" + RELATIVE_NOUN)
# An unnamed person opening a clause (老人, 几位摊主, 一位市民): a description, never a name.
_UNNAMED_RE = re.compile(r"^(?:(?:一位|几位|一名|这位|那位|两位|多位|不少|许多|很多|一些)[" + HAN + "]{0,4}?|"
                         r"(?![在对向跟和给让被把与同从当据为因将使令每这那所但而无])[" + HAN + "]?)"
                         + PERSON_NOUN + "们?(?=[" + HAN + "])(?!的)")


@dataclass(frozen=True)
class Speaker:
    name: str | None  # a named person
    description: str | None  # an unnamed speaker or a role as written (几位摊主, 当天的值班组长, 记者)
    how: str  # the rule that decided ("before", "after", ...), "" when nobody was found

    def __bool__(self) -> bool:
        return bool(self.name or self.description)


NOBODY = Speaker(None, None, "")
# The text names the speaker with a pronoun that cannot be resolved: stop looking elsewhere.
UNCLEAR = Speaker(None, None, "unclear")


@dataclass(frozen=True)
class QuoteSpan:
    """A quote of the section, in normalised offsets: the marks and the words between them."""

    open_at: int
    close_at: int
    inner_start: int
    inner_end: int
    paragraph: tuple[int, int]
    kind: str


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    name: str | None  # None for an unnamed person (一位女士)
    gender: str | None  # "f", "m" or None


class SectionPeople:
    """The people of one section: named mentions outside quotes, their pronoun, roles given in apposition."""

    def __init__(self, text: str, names: Sequence[str] | Mapping[str, str], quoted: Sequence[tuple[int, int]],
                 subject: str | None = None, roles: dict[str, str] | None = None) -> None:
        """`names` are the written forms of people's names, or a mapping of each written form
        (a full name, or a short form such as 小周 or 蓝蓝) to the full name."""
        self.text = text
        self.full = dict(names) if isinstance(names, Mapping) else {n: n for n in names}
        self.names = sorted({n for n in self.full if n}, key=len, reverse=True)
        self.subject = subject
        self.roles = roles or {}
        self.masked = self._mask(text, quoted)
        self.mentions = self._find_mentions()
        self.genders = self._genders()
        self.main = subject or self._dominant()
        self.narration = self.masked  # `attribute` blanks the marks of quotes that are not speech

    def _dominant(self) -> str | None:
        """The person a section without a subject is about: the only one it names, or most of its
        named mentions (three at least)."""
        counts = Counter(m.name for m in self.mentions if m.name)
        if not counts:
            return None
        (name, count), = counts.most_common(1)
        if len(counts) == 1:
            return name  # the only person the section names
        return name if count >= 3 and count >= DOMINANT_SHARE * sum(counts.values()) else None

    @staticmethod
    def _mask(text: str, quoted: Sequence[tuple[int, int]]) -> str:
        chars = list(text)
        for start, end in quoted:
            for index in range(start, end):
                if chars[index] not in "\r\n":
                    chars[index] = " "
        return "".join(chars)

    def _find_mentions(self) -> list[Mention]:
        taken = [False] * len(self.masked)
        mentions = []
        for name in self.names:  # longest first, so 李建国 is not also 建国
            for match in re.finditer(re.escape(name), self.masked):
                if any(taken[match.start():match.end()]):
                    continue
                taken[match.start():match.end()] = [True] * (match.end() - match.start())
                mentions.append(Mention(match.start(), match.end(), self.full[name], None))
        for match in _OTHER_PERSON_RE.finditer(self.masked):
            if any(taken[match.start():match.end()]) or self._is_apposition(match):
                continue
            gender = "f" if match.group("f") else "m" if match.group("m") else None
            mentions.append(Mention(match.start(), match.end(), None, gender))
        return sorted(mentions, key=lambda m: m.start)

    def _is_apposition(self, match: re.Match) -> bool:
        """组长范丹: the role word is the named person, not someone else."""
        following = self.masked[match.end():match.end() + 4]
        return any(following.startswith(name) for name in self.names)

    def _genders(self) -> dict[str, str]:
        """A named person's pronoun: the one that most often follows their name, before anyone else."""
        votes: dict[str, Counter] = {}
        for match in re.finditer(r"[他她](?!们)", self.masked):
            before = [m for m in self.mentions if m.end <= match.start()]
            if before and before[-1].name and match.start() - before[-1].end <= 60:
                votes.setdefault(before[-1].name, Counter())[match.group()] += 1
        result = {}
        for name, counter in votes.items():
            (top, count), = counter.most_common(1)
            if count > counter[("她" if top == "他" else "他")]:
                result[name] = "f" if top == "她" else "m"
        return result

    # ------------------------------------------------------------ references

    def resolve_pronoun(self, pronoun: str, at: int) -> Speaker:
        """她/他 at `at`: the nearest person mentioned before it (outside quotes) whose pronoun agrees.
        An unnamed person nearer than any named one makes it unclear (None); with nobody before
        it, the section's own person."""
        gender = "f" if pronoun == "她" else "m"
        for mention in reversed([m for m in self.mentions if m.end <= at]):
            known = self.genders.get(mention.name) if mention.name else mention.gender
            if known and known != gender:
                continue
            if self._object_position(mention, strict=not mention.name and not mention.gender):
                continue  # 看到小李…，他说 / 接到同事打来的电话。她说: not the one 他/她 stands for
            if mention.name:
                return Speaker(mention.name, None, "")
            return Speaker(None, self._unnamed(mention), "")
        if self.subject and self.genders.get(self.subject, gender) == gender:
            return Speaker(self.subject, None, "")
        return UNCLEAR

    def _object_position(self, mention: Mention, strict: bool) -> bool:
        """The mention is governed by a verb or preposition in its clause (看到小李, 给同事); with
        `strict`, anything but the opening of its clause counts."""
        clause_start = max(self.masked.rfind(mark, 0, mention.start) for mark in SENTENCE_END + CLAUSE_MARKS + "\n”“")
        before = self.masked[clause_start + 1:mention.start].strip()
        if strict:
            return bool(re.sub(r"^(?:一|这|那|该|几|两)(?:位|名|个)", "", before))
        return bool(_GOVERNED_RE.search(before))

    def _unnamed(self, mention: Mention) -> str:
        """一位女士, not just 女士."""
        start = mention.start
        quantifier = re.search(r"(?:一|这|那|该)(?:位|名|个)$", self.masked[max(0, start - 2):start])
        return self.masked[start - (len(quantifier.group()) if quantifier else 0):mention.end]

    def reference(self, phrase: str, at: int, allow_pronoun: bool = True) -> Speaker:
        """The person a subject phrase refers to; `at` is where the phrase ends in the section text."""
        phrase = _clean(phrase)
        if not phrase:
            return NOBODY
        offset = at - len(phrase)
        hits = []
        for name in self.names:
            index = phrase.find(name)
            if index >= 0:
                hits.append((index, -len(name), "name", name))
        if allow_pronoun:
            for match in re.finditer(r"[他她我](?!们)", phrase):
                hits.append((match.start(), -1, "pronoun", match.group()))
        if hits:
            index, _, kind, value = min(hits)
            if kind == "pronoun" and value == "我":  # the narrator (a reporter's own account)
                return Speaker(None, "我", "") if index == 0 else NOBODY
            if kind == "pronoun":
                if index > 0 and not re.fullmatch(rf"(?:{_ADVERBIAL})*", phrase[:index]):
                    return NOBODY  # 他 is not where the subject stands (看到他 …)
                return self.resolve_pronoun(value, offset + index)
            rest = phrase[index + len(value):]
            possessive = _POSSESSIVE_RE.match(rest)
            if possessive and PERSON_NOUN_RE.search(rest):
                return Speaker(None, phrase[index:], "")  # 于赟的小女儿: someone else
            return Speaker(self.full[value], None, "")
        if PERSON_NOUN_RE.search(phrase) and len(phrase) <= 15:
            bare = _THIS_ROLE_RE.sub("", phrase)
            if bare != phrase and self.subject and self.roles.get(bare) == self.subject:
                return Speaker(self.subject, None, "")  # 这位预审员 in 预审员沈玥's section
            if bare in self.roles:
                return Speaker(self.roles[bare], None, "")  # 所长, after 派出所所长李建国
            return Speaker(None, phrase, "")
        return NOBODY

    def first_reference(self, clause_text: str, at: int) -> Speaker:
        """The first person a stretch of narration refers to at the start of one of its clauses."""
        start = at - len(clause_text)
        position = 0
        for clause in re.split(rf"([{CLAUSE_MARKS}])", clause_text):
            if clause and clause not in CLAUSE_MARKS:
                found = self._subject_of_clause(clause, start + position + len(clause))
                if found:
                    return found
            position += len(clause)
        return NOBODY

    def _subject_of_clause(self, clause: str, at: int) -> Speaker:
        """The person a clause opens with: a name (after a role in apposition), NAME的+relative
        (unnamed), 他/她 (resolved), or an unnamed person (老人, 几位摊主)."""
        stripped = _STRIP_OPENING_RE.sub("", clause.strip())
        head = stripped[:MAX_ROLE_CHARS + 4]
        # the name that stands first (苗宝峰是郑洪涛…的司炉工之一 is about 苗宝峰), the longest at a tie
        for name in sorted((n for n in self.names if n in head), key=lambda n: (head.find(n), -len(n))):
            index = head.find(name)
            if index >= 0 and (index == 0 or PERSON_NOUN_RE.search(head[:index]) or _AGE_RE.fullmatch(head[:index])
                               or re.search(r"(?:的|，)$", head[:index]) is None and index <= 6
                               and not re.search(r"[对向跟和给让被把与同]", head[:index])):
                rest = stripped[index + len(name):]
                if _OWN_WORDS_RE.match(rest):
                    return Speaker(self.full[name], None, "")  # 李建国的话朴实：
                relative = _RELATIVE_RE.match(rest)
                if relative:  # 楼干强的妈妈: someone of theirs, unnamed
                    return Speaker(None, stripped[index:index + len(name) + relative.end()], "")
                if _POSSESSIVE_RE.match(rest):
                    return NOBODY
                return Speaker(self.full[name], None, "")
        match = re.match(r"[他她](?!们)", stripped)
        if match:
            return self.resolve_pronoun(match.group(), at - len(clause) + clause.find(match.group()))
        this = _THIS_PERSON_RE.match(stripped)
        if this:  # 这位47岁的社区党委书记…: the person last named
            return self.nearest_named(at - len(clause) + clause.find(this.group()))
        unnamed = _UNNAMED_RE.match(stripped)
        if unnamed and len(unnamed.group()) >= 2:  # 老人, 村民; not the 长 of 长马尾
            return self.unnamed_or_apposed(unnamed.group(), at - len(clause))
        return NOBODY

    def unnamed_or_apposed(self, description: str, at: int) -> Speaker:
        """An unnamed role word (老人) just after a person was named who bears it in apposition
        (…被独居老人宋显新拉了进去。“…”老人拉着她的手): that person; else the description as written."""
        before = [m for m in self.mentions if m.end <= at]
        if before and before[-1].name and "\n" not in self.masked[before[-1].end:at]:
            name = before[-1].name
            forms = [form for form, full in self.full.items() if full == name]
            if any(self.masked[max(0, m.start() - len(description)):m.start()] == description
                   for form in forms for m in re.finditer(re.escape(form), self.masked)):
                return Speaker(name, None, "")
        return Speaker(None, description, "")

    def nearest_named(self, at: int) -> Speaker:
        for mention in reversed([m for m in self.mentions if m.end <= at]):
            if mention.name and not self._object_position(mention, strict=False):
                return Speaker(mention.name, None, "")
        return Speaker(self.main, None, "") if self.main else NOBODY

    def words_of(self, clause: str, at: int) -> Speaker:
        """屋内传出林婆婆的声音 / 他的第一句话竟是: a clause that names someone's words or voice."""
        for name in self.names:
            index = clause.find(name)
            if index >= 0 and _OWN_WORDS_RE.match(clause[index + len(name):]):
                return Speaker(self.full[name], None, "")
        match = re.search(r"[他她](?=的(?:第一句|一句|这句|那句|这番|一番|一席)?(?:话|回答|答复|声音))", clause)
        if match:
            return self.resolve_pronoun(match.group(), at - len(clause) + match.start())
        match = re.search(rf"(?P<who>(?:一个|一位|一名)?[{HAN}]{{0,4}}?(?:" + PERSON_NOUN[3:-1] + r"|男子|女子))"
                          rf"[{HAN}]{{0,4}}?的(?:声音|喊声|叫声|问话)", clause)
        if match:
            return Speaker(None, match.group("who"), "")
        return NOBODY

    def called_in(self, words: str, name: str) -> bool:
        """The words name `name`: a written form of the name (小浩, 李建国), or the surname with a title
        (陈警官, 邵所长): said to or about that person, not by them (“陈警官连这都记着”)."""
        forms = [re.escape(form) for form, full in self.full.items() if full == name]
        surname = name[:2] if len(name) >= 4 else name[:1]
        called = "|".join(forms + [re.escape(surname) + _TITLE])
        # 请叫我‘老吕’ / 我叫李建国: the speaker's own name
        return re.search(rf"(?<!我叫)(?<!我是)(?<!叫我)(?<!叫我‘)(?<!叫我“)(?<!喊我)(?<!喊我‘)(?:{called})", words) is not None

    def others_between(self, start: int, end: int, speaker: str) -> bool:
        """Someone other than `speaker` is mentioned in text[start:end] outside quotes."""
        return any(m.name != speaker for m in self.mentions if start <= m.start and m.end <= end)


def _clean(phrase: str) -> str:
    phrase = phrase.strip()
    phrase = _STRIP_OPENING_RE.sub("", phrase)
    phrase = _STRIP_ADVERBIAL_RE.sub("", phrase)
    phrase = _PREPOSITION_TAIL_RE.sub("", phrase)
    return _STRIP_ADVERBIAL_RE.sub("", phrase).strip()


# ---------------------------------------------------------------- reporting clauses

# 传来一位老人急切的声音 / 响起他熟悉的声音: whose voice is heard.
_VOICE_RE = re.compile(rf"(?:传来|响起|传出|听到|听见)(?P<who>[{HAN}]{{1,12}}?)的?"
                       r"(?:急切|焦急|着急|熟悉|温柔|沙哑|激动|颤抖|虚弱|洪亮|清脆|稚嫩|苍老|哽咽|低沉)?的?声音$")


# 用他自己的话说 / 用张宇的话来讲: the quote is in that person's own words.
_IN_OWN_WORDS_RE = re.compile(rf"用(?P<who>{_CLAUSE}{{1,8}}?)(?:自己)?的话(?:来)?(?:说|讲)$")


# 被问 / 被追问 / 被叮嘱: the one named is spoken to.
_PASSIVE_RE = re.compile(r"被(?:人|大家|顾客|市民|记者)?(?:问|追问|询问|问到|叮嘱|嘱咐|告知|提醒|质问)")


def tag_before(people: SectionPeople, before: str, at: int, allow_pronoun: bool = True) -> Speaker:
    """A reporting clause that ends right before the quote (`…说：` / `…告诉记者，` / `…勉励他：`)."""
    stripped = before.rstrip()
    body = stripped.rstrip("：:，,")
    if body == stripped and stripped:  # the clause must end with a mark or touch the quote
        if stripped[-1] in CLAUSE_MARKS + SENTENCE_END:
            return NOBODY
    clause = re.split(rf"[{SENTENCE_END}{CLAUSE_MARKS}]", body)[-1]
    clause_at = at - (len(before) - len(body))
    own = _IN_OWN_WORDS_RE.search(clause)
    if own:  # 用他自己的话说“…”: the words of the one whose words they are
        found = people.reference(own.group("who"), clause_at - len(clause) + own.end("who"), allow_pronoun)
        if found or found is UNCLEAR:
            return found if found is UNCLEAR else Speaker(found.name, found.description, "before")
    passive = _PASSIVE_RE.search(clause)
    if passive and not re.search(rf"(?:{VERB_PATTERN})$", clause[passive.end():]):
        return UNCLEAR  # 他被问得最多的一句话是：the words are put to the one named, by someone unsaid
    match = re.search(rf"(?P<subject>{_CLAUSE}{{0,30}}?)(?P<verb>{VERB_PATTERN})$", clause)
    if match:
        earlier = body[:len(body) - len(clause)]
        if re.match(rf"(?:{_ADVERBIAL})*(?:{_ADDRESS})", match.group("subject").strip()):
            found = NOBODY  # …，告诫许子兵说：the one told is no speaker; the sentence's subject is
        else:
            found = people.reference(match.group("subject"), clause_at - len(match.group("verb")), allow_pronoun)
        if not found and found is not UNCLEAR and earlier.strip() and allow_pronoun:
            found = people.first_reference(earlier, clause_at - len(clause))  # …照片，高兴地说：the sentence's subject
        if found or found is UNCLEAR:
            return found if found is UNCLEAR else Speaker(found.name, found.description, "before")
    voice = _VOICE_RE.search(clause)
    if voice:  # 另一端传来一位老人急切的声音，“…”: the voice's owner speaks
        found = people.reference(voice.group("who"), clause_at - len(clause) + voice.end("who"), allow_pronoun)
        if found or found is UNCLEAR:
            return found if found is UNCLEAR else Speaker(found.name, found.description, "before")
        if _UNNAMED_RE.match(voice.group("who") + "说"):  # (the pattern wants the clause to go on)
            return Speaker(None, voice.group("who"), "before")
    if stripped.endswith(("：", ":")):
        address = _ADDRESS_TAG_RE.search(clause)
        if address:
            found = people.reference(address.group("subject"), clause_at - len(clause) + address.end("subject"),
                                     allow_pronoun)
            if found:
                return Speaker(found.name, found.description, "before")
    return NOBODY


# A whole clause that is a reporting tag: a subject (a role of up to 40 characters before the name),
# what the speaker does meanwhile, the verb (”…40538队队长赵洪秀对笔者说 / 一边调试对讲机一边介绍).
_TAG_CLAUSE_RE = re.compile(rf"^(?P<subject>{_CLAUSE}{{0,40}}?){_WHILE}?(?P<verb>{VERB_PATTERN})$")


def tag_after(people: SectionPeople, after: str, at: int) -> Speaker:
    """A reporting clause in the sentence right after the quote (`”赵文华说。`, `”在座谈中，书记陈建峰说。`)."""
    sentence = re.split(rf"[{SENTENCE_END}“]", after, maxsplit=1)[0]
    position = 0
    clauses = re.split(rf"(?<=[{CLAUSE_MARKS}])", sentence)
    for number, clause in enumerate(clauses):
        if number > MAX_TAG_GAP:
            # the clause that ends the sentence may still be its tag, after clauses of time and place that
            # refer to no one else (”2月6日，适逢元宵节，在…火车上，乘客陈德意一边吃着汤圆，一边感叹道。)
            found = _far_tag(people, sentence, clauses, at)
            if found:
                return found
            break
        words = clause.rstrip(CLAUSE_MARKS)
        if clause.rstrip().endswith(("：", ":")) and sentence.rstrip() == (sentence[:position] + clause).rstrip():
            break  # ”胡敏回答：“…”: the clause introduces the next quote
        match = _TAG_CLAUSE_RE.match(words)
        if match:
            found = people.reference(match.group("subject"), at + position + match.end("subject"))
            if not found and found is not UNCLEAR and number:  # …照片，高兴地说: the sentence's subject
                found = people.first_reference(sentence[:position], at + position)
            if found or found is UNCLEAR:
                return found if found is UNCLEAR else Speaker(found.name, found.description, "after")
        position += len(clause)
    voice = re.search(r"(?:传来|响起|听到|听见)(?P<who>[^，,。；;]{1,16}?的(?:声音|喊声|叫声|问话|话))$", sentence.rstrip())
    if voice:  # “…”记者走进派出所，传来一位居民焦急的声音。
        found = people.words_of(voice.group("who"), at + voice.end("who"))
        if found:
            return Speaker(found.name, found.description, "after")
    found = who_said(people, sentence, at)
    if found:
        return found
    position = 0
    for clause in clauses[:MAX_TAG_GAP + 1]:
        called = _CALLED_RE.match(clause.rstrip(CLAUSE_MARKS))
        if called:  # “110吗？我要报警…”除夕夜20时05分，一家网购平台的工作人员拨打110报警电话。
            found = people.reference(called.group("subject"), at + position + called.end("subject"),
                                     allow_pronoun=False)
            return Speaker(found.name, found.description, "after") if found else NOBODY
        position += len(clause)
    asked = _ASKED_BY_RE.match(sentence)
    if asked:  # “大娘，这是买的啥啊？”面对小宋的疑问，…: the question is 小宋's
        found = people.reference(asked.group("subject"), at + asked.end("subject"), allow_pronoun=False)
        if found:
            return Speaker(found.name, found.description, "after")
    asked_about = _ASKED_ABOUT_RE.match(sentence)
    if asked_about:  # “…”问起宋所长为什么…，他回答得如此简单: the words answer the one asked
        found = people.reference(asked_about.group("subject"), at + asked_about.end("subject"))
        if found.name:
            return Speaker(found.name, None, "answer")
    said_by = _SAID_BY_RE.match(sentence)
    if said_by:  # “…”这是他说得最多的一句话 / 这是刚来时，她听前辈反复交代的: the one who said them
        subject = said_by.group("subject")
        heard = _HEARD_FROM_RE.search(subject)
        end = at + said_by.end("subject")
        if heard:  # she heard them from someone: that someone's words, not hers
            subject = heard.group("source")
        found = people.reference(subject, end)
        if heard and not found and found is not UNCLEAR:
            found = Speaker(None, subject, "")  # 前辈: whoever she heard them from, as written
        if found or found is UNCLEAR:
            return Speaker(found.name, found.description, "after") if found else NOBODY
    words_of = _WORDS_OF_RE.match(sentence)
    if words_of:
        found = people.reference(words_of.group("subject"), at + words_of.end("subject"))
        if found:
            return Speaker(found.name, found.description, "after")
    if _MANY_VOICES_RE.search(sentence):
        return UNCLEAR  # ”…这样甜美的声音此起彼伏: words heard from many, nobody's in particular
    return NOBODY


def _far_tag(people: SectionPeople, sentence: str, clauses: Sequence[str], at: int) -> Speaker:
    """The last clause of the sentence after a quote, further than MAX_TAG_GAP clauses, as its tag:
    only a named person who is the only one referred to in the sentence."""
    if len(clauses) > MAX_FAR_TAG or not sentence.strip():
        return NOBODY
    last = clauses[-1].rstrip(CLAUSE_MARKS + " ")
    position = len(sentence) - len(clauses[-1])
    match = _TAG_CLAUSE_RE.match(last)
    if not match or re.search(r"[他她我]", people.narration[at:at + position]):
        return NOBODY
    found = people.reference(match.group("subject"), at + position + match.end("subject"), allow_pronoun=False)
    if not found:
        found = people.first_reference(sentence[:position], at + position)
    if not found.name or people.others_between(at, at + len(sentence), found.name):
        return NOBODY
    return Speaker(found.name, None, "after")


_MANY_VOICES_RE = re.compile(r"此起彼伏|不绝于耳|响成一片|络绎不绝地传来")


def who_said(people: SectionPeople, sentence: str, at: int) -> Speaker:
    """“…”说这话的人叫林则群，…: the speaker named after the words, in the sentence after the quote
    (`at` is where `sentence` starts), or opening the paragraph after a quote that ends its own."""
    return _named_by(_WHO_SAID_RE, people, sentence, at, "after")


def _named_by(pattern: re.Pattern, people: SectionPeople, text: str, at: int, how: str) -> Speaker:
    """The named person of `pattern`'s subject group, matched at the start of `text` (which starts at `at`)."""
    match = pattern.match(text)
    if match:
        found = people.reference(match.group("subject"), at + match.end("subject"), allow_pronoun=False)
        if found.name:
            return Speaker(found.name, None, how)
    return NOBODY


# “…”一位市民拨打了12345热线电话: the caller says the words the sentence before quotes.
_CALLED_RE = re.compile(rf"^\s*(?P<subject>{_CLAUSE}{{1,30}}?)(?:又|再次|也)?(?:拨打|拨通|打来|打进|打通)了?{_CLAUSE}{{0,20}}?电话$")
# “…”面对小宋的疑问 / 听到记者的提问: the words are that person's question or request.
_ASKED_BY_RE = re.compile(rf"^\s*(?:面对|听到|听了|针对)(?P<subject>{_CLAUSE}{{1,12}}?)的(?:疑问|提问|追问|询问|问话|请求|求助)")
# “…”说这话的人叫林则群 / 说这番话的是…: the speaker named after the words.
_WHO_SAID_RE = re.compile(rf"^\s*说(?:这|此|这番|这句|出这番|出这句)话的(?:人|就|正)?(?:是|叫|名叫|便是)(?P<subject>{_CLAUSE}{{2,30}})")
# “…”问起宋所长为什么…，他回答得如此“简单”: the one asked (first in the clause) answers with the words.
_ASKED_ABOUT_RE = re.compile(rf"^\s*(?:当|在)?(?:记者)?(?:问起|问及|问到)(?P<subject>{_CLAUSE}{{1,30}})[，,]"
                             rf"{_CLAUSE}{{0,12}}?(?:回答|答道|答|说)")
# “…”这是他说的最多的一句话 / （在…时，）这是一位学生发给老师的短信 / 这是她听前辈反复交代的: the
# sentence after the words says who said (or sent) them; a circumstance clause may come first.
_SAID_BY_RE = re.compile(
    rf"^\s*(?:{_CLAUSE}{{1,20}}[，,])?这(?:就|也|便|正)?是(?:{_CLAUSE}{{1,12}}[，,])?(?P<subject>{_CLAUSE}{{1,24}}?)"
    rf"(?:{_ADVERBIAL}|反复|经常|最常|常|总|曾|最爱|最)*"
    rf"(?:说|讲|交代|叮嘱|嘱咐|发给|写给|留给|寄给|问)(?:{_CLAUSE}{{0,6}}?)?的")
# 听前辈反复交代的: the words came from the one heard.
_HEARD_FROM_RE = re.compile(rf"(?:听到|听见|听)(?P<source>{_CLAUSE}{{1,12}})$")
# “…”总书记的话情真意切 / “…”李建国这番话: the words are named as someone's.
_WORDS_OF_RE = re.compile(rf"^(?P<subject>{_CLAUSE}{{1,20}}?)(?:的|这|那)(?:一席|这番|一番|这句|那句)?话")


_BELIEF_AFTER_RE = re.compile(
    rf"^这(?:就|也)?是(?P<subject>{_CLAUSE}{{1,40}}?)的(?:一句|第一句|一贯)?"
    r"(?:观念|理念|信条|座右铭|话|原则|口头禅|心里话|心声|承诺|感受)")


def belief(people: SectionPeople, after: str, at: int) -> Speaker:
    """“…”这是孟莹一直秉持的观念。 / “…”这是黄文颖开启一天接线工作的一句话。"""
    return _named_by(_BELIEF_AFTER_RE, people, after, at, "belief")


def introduces_self(people: SectionPeople, words: str) -> Speaker:
    """“我叫张碧玉，…” / “我是李建国，…”: the one who gives their own name (not 我是李建国的妻子)."""
    for match in _SELF_RE.finditer(words):
        name = next((n for n in people.names if words.startswith(n, match.end())), None)
        if name and not re.match(rf"[{HAN}]", words[match.end() + len(name):match.end() + len(name) + 1]):
            return Speaker(people.full[name], None, "self")
    return NOBODY


_SELF_RE = re.compile(r"(?:^|[，,。！!？?\s])(?:我叫|我是|我名叫|俺叫|俺是)")


def tag_earlier(people: SectionPeople, sentence_before: str, at: int) -> Speaker:
    """谷丽丽感慨道，12345是一座桥梁，…，“…”: a reporting verb earlier in the sentence."""
    position = 0
    found = NOBODY
    for clause in re.split(rf"(?<=[{CLAUSE_MARKS}])", sentence_before):
        words = clause.rstrip(CLAUSE_MARKS)
        if words != clause:  # a clause closed by a mark, with a verb at its end
            match = re.match(rf"^(?P<subject>{_CLAUSE}{{0,30}}?)(?P<verb>{VERB_PATTERN})$", words)
            if match:
                candidate = people.reference(match.group("subject"), at - len(sentence_before) + position
                                             + match.end("subject"))
                if candidate.name:
                    found = Speaker(candidate.name, None, "earlier")
        position += len(clause)
    return found


def introduced(people: SectionPeople, sentence_before: str, at: int, first_person: bool) -> Speaker:
    """A sentence ending with a colon (or a comma, for a first-person quote) that names the speaker
    at the start of its last clause (他的第一句话竟是：)."""
    stripped = sentence_before.rstrip()
    if not stripped.endswith(("：", ":", "，", ",")):
        return NOBODY
    colon = stripped.endswith(("：", ":"))
    if not (colon or first_person):
        return NOBODY
    clause_at = at - (len(sentence_before) - len(stripped)) - 1
    if colon:  # 屋内传出林婆婆的声音： / …，朱琼玲快步上前：the last clause's person; else the sentence's subject
        last_clause = re.split(rf"[{CLAUSE_MARKS}]", stripped[:-1])[-1]
        found = (people.words_of(last_clause, clause_at) or people._subject_of_clause(last_clause, clause_at)
                 or people.first_reference(stripped[:-1], clause_at))
        return Speaker(found.name, found.description, "introduced") if found else NOBODY
    clause = re.split(rf"[{CLAUSE_MARKS}]", stripped[:-1])[-1]
    found = people._subject_of_clause(clause, clause_at)
    if found.name:
        return Speaker(found.name, None, "introduced")
    return NOBODY


# A verb of speaking or of voicing a view (抢先发言, 接过话头, 表达了…决心): the person introduced after a
# quote with a long description speaks, rather than opening the next person's story.
_SPEAKS_RE = re.compile(r"说|道|讲|发言|话头|插话|表示|表达|介绍|回忆|感慨|感叹|坦言|告诉|问|答|喊|强调|附和|补充")
# A verb or preposition in a description before a name makes the name its object (见到了刚下班的护士长王某).
_GOVERNS_RE = re.compile(r"看到|看见|见到|遇到|找到|接到|问|告诉|[对向跟和给让被把与同帮陪替请叫]")


def _described_speaker(description: str, rest: str) -> bool:
    """在金海社区门前做电动车生意的焦作人杨春霞抢先发言 / 23岁的赵晓刚接过话头: a name after an age or a
    longer description ending like a person, in a sentence where that person speaks."""
    return bool((_AGE_RE.fullmatch(description) or len(description) <= MAX_ROLE_CHARS
                 and PERSON_NOUN_RE.search(description)) and not _GOVERNS_RE.search(description)
                and _SPEAKS_RE.search(rest))


# ”当日值班的班长叫刘燕 / 这名快递小哥名叫余浩: the one who spoke, named by role after the words.
_NAMED_AS_RE = re.compile(rf"(?![^，,]*[他她我]的)[^对向跟和给让被把与同，,]{{0,{MAX_ROLE_CHARS}}}?{PERSON_NOUN}(?:名叫|叫做|叫)")


def adjacent(people: SectionPeople, after: str, at: int) -> Speaker:
    """“…”于赟有些哽咽。 / “…”一个电话接完，尤娟开始了转交。: the sentence right after the quote
    opens with a named person (after clauses of circumstance that name nobody)."""
    sentence = re.split(rf"[{SENTENCE_END}“]", after, maxsplit=1)[0]
    if not sentence.strip():
        return NOBODY
    if sentence.rstrip().endswith(("：", ":")):
        # ”张永坚说：“…”: the person after the words introduces words of their own, unless the words
        # were already theirs (看见杨井生正在清扫车厢，“…” 杨井生说：“…”)
        found = adjacent(people, sentence.rstrip().rstrip("：:") + "。", at)
        last = next((m for m in reversed(people.mentions) if m.end <= at and m.name), None)
        if found.name and last and last.name == found.name and "\n" not in people.text[last.end:at]:
            return found
        return NOBODY
    for number, clause in enumerate(re.split(rf"[{CLAUSE_MARKS}]", sentence)[:MAX_TAG_GAP + 1]):
        clause = _STRIP_OPENING_RE.sub("", clause.strip())
        for name in sorted((n for n in people.names if n in clause), key=lambda n: (clause.find(n), -len(n))):
            index = clause.find(name)
            if index >= 0 and (index == 0 or PERSON_NOUN_RE.search(clause[:index])
                               and (index <= 10 or number == 0 and index <= MAX_ROLE_CHARS)
                               and not re.search(r"[的对向跟和给让被把与同]", clause[:index])
                               or _NAMED_AS_RE.fullmatch(clause[:index])
                               or _described_speaker(clause[:index], sentence[sentence.find(clause) + index:])):
                rest = clause[index + len(name):]
                relative = _RELATIVE_RE.match(rest)
                if relative:  # 李建国的女儿: someone of theirs, unnamed
                    return Speaker(None, clause[index:index + len(name) + relative.end()], "adjacent")
                if rest.startswith(("的", "和", "与", "、", "跟", "同")):
                    return NOBODY
                return Speaker(people.full[name], None, "adjacent")
        if number == 0:
            pronoun = re.match(r"[他她](?![们的])", clause)
            if pronoun:
                found = people.resolve_pronoun(pronoun.group(), at + after.find(clause))
                return Speaker(found.name, found.description, "adjacent") if found else NOBODY
            unnamed = _UNNAMED_RE.match(clause)
            if unnamed:  # “…”老人家说话声音很小
                found = people.unnamed_or_apposed(unnamed.group(), at + after.find(clause))
                return Speaker(found.name, found.description, "adjacent")
        if any(name in clause for name in people.names):
            return NOBODY  # someone is named, but not where the subject stands
    return NOBODY


def reported_before(people: SectionPeople, span: QuoteSpan, sentence_before: str) -> Speaker:
    """陈泽中说，大多数同事…。“早晨…” / 于广生告诉记者，他每天…。最怕的是…，“爬一趟楼…”: the sentence
    before the quote's own, in its paragraph, reports a named person's words (NAME说，…), and nobody
    else is named after them: the quote goes on with that person's words."""
    start = span.paragraph[0]
    prior = people.narration[start:span.open_at - len(sentence_before)]
    previous = _previous_sentence(prior)
    match = re.match(rf"^\s*(?P<subject>{_CLAUSE}{{1,30}}?)(?:{VERB_PATTERN})[{CLAUSE_MARKS}]", previous)
    if not match:
        return NOBODY
    previous_at = start + len(prior.rstrip()) - len(previous.rstrip())
    found = people.reference(match.group("subject"), previous_at + match.end("subject"))
    if not found.name or any(m.name and m.name != found.name for m in people.mentions
                             if previous_at <= m.start and m.end <= span.open_at):
        return NOBODY
    return Speaker(found.name, None, "reported")


def first_person(text: str) -> bool:
    return bool(_FIRST_PERSON_RE.search(text))


def is_reporter(speaker: Speaker) -> bool:
    return bool(speaker.description and _REPORTER_RE.search(speaker.description))


def addressed(people: SectionPeople, before: str, at: int) -> str | None:
    """记者问李建国：: the one a question is put to, when named."""
    clause = re.split(rf"[{SENTENCE_END}{CLAUSE_MARKS}]", before.rstrip().rstrip("：:，,"))[-1]
    match = re.search(rf"问(?P<object>[{HAN}]{{2,8}}?)(?:道|说)?$", clause)
    if match:
        found = people.reference(match.group("object"), at)
        return found.name
    return None


# ---------------------------------------------------------------- the order of the rules

# 他说 / 李某某笑着说 alone on the line before a quote that opens its paragraph: the tag of that quote.
# Bracketed markers a broadcast transcript puts before a quote (【录音】, 【同期声】).
_MARKER_RE = re.compile(r"【[^】]{1,6}】")
_BARE_TAG_RE = re.compile(r"^[^，,。；;“”\s]{1,8}(?:说|道|讲|表示|坦言|感慨|回忆|告诉记者)$")


def _last_sentence(text: str) -> str:
    return re.split(rf"[{SENTENCE_END}]", text)[-1]


def _previous_sentence(text: str) -> str:
    """The last whole sentence of `text` (which ends where the quote's own sentence starts), after
    any quote in it."""
    parts = [p for p in re.split(rf"(?<=[{SENTENCE_END}“”])", text.rstrip()) if p.strip()]
    return parts[-1] if parts else ""


def attribute(people: SectionPeople, spans: Sequence[QuoteSpan], heading_end: int | None = None) -> list[Speaker]:
    """The speaker of each quote of one section (NOBODY for terms, slogans and lists), in order."""
    text = people.text
    # narration with the marks of terms and titles blanked too: only speech ends a stretch of narration
    narration = list(people.masked)
    for span in spans:
        if span.kind != "speech":
            for index in (span.open_at, span.close_at):
                if 0 <= index < len(narration) and narration[index] in "“”‘’":
                    narration[index] = " "
    people.narration = "".join(narration)
    result: list[Speaker] = []
    previous_speech: tuple[QuoteSpan, Speaker] | None = None
    for index, span in enumerate(spans):
        if span.kind != "speech":
            result.append(NOBODY)
            continue
        first, last = span.paragraph
        # the speech quotes around it in the paragraph (a quoted term inside the narration is narration)
        prev = next((o for o in reversed(spans[:index]) if o.paragraph == span.paragraph and o.kind == "speech"),
                    None)
        nxt = next((o for o in spans[index + 1:] if o.paragraph == span.paragraph and o.kind == "speech"), None)
        prev_end = prev.close_at + 1 if prev else first
        before = text[prev_end:span.open_at]
        sentence_before = _last_sentence(before)
        after = text[span.close_at + 1:nxt.open_at if nxt else last]
        words = text[span.inner_start:span.inner_end]
        in_series = (bool(nxt and after.strip() in ("、", "，", ",")) or bool(prev and before.strip() in ("、", "，", ","))
                     or _sampled_voices(text, spans, index))
        in_dialogue = bool(nxt and not after.strip()) or bool(prev and not before.strip())
        asks_next = bool(nxt and not after.strip() and QUESTION_RE.search(words)
                         and not QUESTION_RE.search(text[nxt.inner_start:nxt.inner_end]))
        last_named = next(((spans[i], r) for i, r in reversed(list(enumerate(result)))
                           if r.name and spans[i].kind == "speech"), None)
        in_heading = heading_end is not None and span.open_at < heading_end
        if in_heading and people.subject:
            found = Speaker(people.subject, None, "headline")
        elif in_heading or _heading_quote(text, span):
            found = NOBODY  # decided below, once the section's other quotes have their speakers
        else:
            found = _find(people, span, before, sentence_before, after, words, heading_end, prev, previous_speech,
                          result[spans.index(prev)] if prev else NOBODY, in_series, in_dialogue, asks_next,
                          last_named)
            if found.name and found.how in _INFERRED and people.called_in(words, found.name):
                found = NOBODY  # “陈警官连这都记着”: words that name a person are said to or about them
            if found.name and found.how in _INFERRED and _HEARD_FROM_DEVICE_RE.search(sentence_before.rstrip()):
                found = NOBODY  # 对讲机不时传来“…”: words heard from somewhere, not said by the one holding it
            if found.name and found.how in _INFERRED and _received(text, spans, index):
                found = NOBODY  # 遭受到一些质疑，“…？”“…？”: the questions of a run put to the one named
        result.append(found)
        previous_speech = (span, found)
    _share_run_speaker(text, spans, result)
    for index, span in enumerate(spans):
        in_heading = heading_end is not None and span.open_at < heading_end
        if span.kind == "speech" and not result[index] and (in_heading or _heading_quote(text, span)):
            result[index] = _headline_speaker(people, spans, result, index)
    return result


# 遭受到一些质疑， / 听到不少议论： / 面对网友的追问，: the words that follow are others', put to the one named.
_RECEIVED_WORDS_RE = re.compile(
    r"(?:遭受到?|遭到|受到|听到|听见|面对|面临|收到|招来|引来)[^，,。；;：:“”]{0,8}?"
    r"(?:质疑|议论|非议|指责|批评|质问|追问|嘲讽|冷嘲热讽|闲话|风言风语|疑问|不解|抱怨|投诉)[，,：:]?$")
# Rules that infer the speaker from the story around the words rather than from a reporting verb.
_INFERRED = frozenset({"adjacent", "sentence", "context", "section", "introduced", "earlier", "reported", "answer"})


# A reporting clause with no subject of its own (说完，还有些得意地对我说，): only adverbials, the one
# spoken to, and the verb.
_BARE_SUBJECT_TAG_RE = re.compile(
    rf"(?:^|[，,])\s*(?:{_ADVERBIAL}|[{HAN}]{{1,3}}地|还|又|有些|有点|接着|然后|继续|转身|回头|"
    rf"(?:对|向|跟|冲|朝)(?:我|记者|大家))*(?:{VERB_PATTERN})[，,：:]?\s*$")
MAX_BARE_TAG_CHARS = 20  # 说完，还有些得意地对我说，: a short aside between one speaker's quotes


# 对讲机不时传来“ / 喇叭里循环播放“: words that come out of somewhere.
_HEARD_FROM_DEVICE_RE = re.compile(r"(?:传来|传出|播放着?|播报着?|循环播放)(?:着|了)?$")


def _received(text: str, spans: Sequence[QuoteSpan], index: int) -> bool:
    """The run of back-to-back quotes this one belongs to follows words like 遭受到一些质疑，."""
    first = index
    while (first > 0 and spans[first - 1].paragraph == spans[index].paragraph
           and not text[spans[first - 1].close_at + 1:spans[first].open_at].strip()):
        first -= 1
    return bool(_RECEIVED_WORDS_RE.search(_last_sentence(text[spans[index].paragraph[0]:spans[first].open_at]).rstrip()))


def _sampled_voices(text: str, spans: Sequence[QuoteSpan], index: int) -> bool:
    """“我要一根甘蔗”“还有里脊肉吗”“能帮忙带袋红糖不”……: quotes set back to back and trailing off
    with an ellipsis are samples of many voices, nobody's in particular."""
    span = spans[index]
    run = [span]
    for step in (-1, 1):
        position = index + step
        while 0 <= position < len(spans) and spans[position].paragraph == span.paragraph:
            left, right = sorted((run[0] if step < 0 else run[-1], spans[position]), key=lambda s: s.open_at)
            if text[left.close_at + 1:right.open_at].strip():
                break
            if step < 0:
                run.insert(0, spans[position])
            else:
                run.append(spans[position])
            position += step
    return len(run) >= 2 and text[run[-1].close_at + 1:span.paragraph[1]].lstrip().startswith(("…", "⋯", "..."))


def _share_run_speaker(text: str, spans: Sequence[QuoteSpan], result: list[Speaker]) -> None:
    """“注意照顾好小孩！”“手机充电不离人！”周元带着徒弟…: back-to-back quotes with no question among
    them, the last named by the sentence after it, are one person's calls."""
    speech = [i for i, span in enumerate(spans) if span.kind == "speech"]
    run: list[int] = []
    for position, index in enumerate(speech):
        run.append(index)
        following = speech[position + 1] if position + 1 < len(speech) else None
        if (following is not None and spans[following].paragraph == spans[index].paragraph
                and not text[spans[index].close_at + 1:spans[following].open_at].strip()):
            continue
        last = result[run[-1]]
        if (len(run) > 1 and last.name and last.how in ("adjacent", "after")
                and not any(QUESTION_RE.search(text[spans[i].inner_start:spans[i].inner_end]) for i in run)
                and not any(result[i] for i in run[:-1])):
            for i in run[:-1]:
                result[i] = Speaker(last.name, None, "continued")
        run = []


def _quote_paragraph(masked: str, start: int, end: int) -> bool:
    """The paragraph text[start:end] is one quote and nothing else (masked: only the marks remain)."""
    return re.fullmatch(r"\s*“\s*”\s*", masked[start:end]) is not None


def _in_run_of_quote_paragraphs(people: SectionPeople, span: QuoteSpan) -> bool:
    """The quote is a paragraph of its own next to another such paragraph (blank lines skipped)."""
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\r\n]*\S[^\r\n]*", people.text)]
    here = next((i for i, (start, end) in enumerate(paragraphs) if start <= span.open_at < end), None)
    if here is None or not _quote_paragraph(people.masked, *paragraphs[here]):
        return False
    neighbours = [paragraphs[i] for i in (here - 1, here + 1) if 0 <= i < len(paragraphs)]
    return any(_quote_paragraph(people.masked, *p) for p in neighbours)


def _heading_quote(text: str, span: QuoteSpan) -> bool:
    """A quote that is a heading line of its own (“灯不亮，我们不走”, or 会“胆怯”的勇士：“可以哭，但绝不撤防”):
    the paragraph ends with it, is short, and has no sentence-final mark."""
    first, last = span.paragraph
    paragraph = text[first:last].strip()
    above = text[:first].rstrip()
    if _BARE_TAG_RE.match(above[above.rfind("\n") + 1:].strip()):
        return False  # 他说 / “…”: the words of the tag above, not a heading
    return (paragraph.endswith(("”", "’")) and text[span.close_at + 1:last].strip() == ""
            and len(paragraph) <= MAX_HEADING_CHARS
            and not re.search(rf"[{SENTENCE_END}]", paragraph.rstrip("”’")))


def _headline_speaker(people: SectionPeople, spans: Sequence[QuoteSpan], found: Sequence[Speaker],
                      index: int) -> Speaker:
    """A heading quote belongs to whoever says the same words in a quote of the section, else to the
    first person named in the paragraphs that follow it."""
    text = people.text
    span = spans[index]
    words = re.sub(rf"[^{HAN}\w]", "", text[span.inner_start:span.inner_end])
    if len(words) >= MIN_ECHO_CHARS:
        for other, speaker in zip(spans, found):
            other_words = re.sub(rf"[^{HAN}\w]", "", text[other.inner_start:other.inner_end])
            if other is not span and speaker.name and words in other_words:
                return Speaker(speaker.name, None, "headline")
    following = [m for m in people.mentions if m.start >= span.paragraph[1]]
    if following and following[0].name and text.count("\n", span.paragraph[1], following[0].start) <= HEADLINE_REACH:
        return Speaker(following[0].name, None, "headline")
    return NOBODY


def _find(people: SectionPeople, span: QuoteSpan, before: str, sentence_before: str, after: str, words: str,
          heading_end: int | None, prev: QuoteSpan | None, previous_speech: tuple[QuoteSpan, Speaker] | None,
          prev_speaker: Speaker, in_series: bool, in_dialogue: bool, asks_next: bool = False,
          last_named: tuple[QuoteSpan, Speaker] | None = None) -> Speaker:
    text = people.text
    found = tag_before(people, sentence_before, span.open_at)
    if found or found is UNCLEAR:
        return found if found else NOBODY
    between = text[prev.close_at + 1:span.open_at] if prev is not None else ""
    bare = _BARE_SUBJECT_TAG_RE.search(between)
    if (prev is not None and prev_speaker.name and bare and len(between.strip()) <= MAX_BARE_TAG_CHARS
            and not re.search(rf"[{SENTENCE_END}]", between)
            and not people.others_between(prev.close_at + 1, span.open_at, prev_speaker.name)):
        # “…”说完，他又得意地对我说，“…”: a reporting clause with no subject goes on with the one
        # who spoke the words before it
        return Speaker(prev_speaker.name, None, "continued")
    found = tag_after(people, after, span.close_at + 1)
    if found or found is UNCLEAR:
        return found if found else NOBODY
    if not after.strip():  # the quote ends its paragraph: 说这话的人叫… may open the next one
        following = text[span.paragraph[1]:].lstrip()
        found = who_said(people, following, len(text) - len(following))
        if found:
            return found
    found = belief(people, after, span.close_at + 1) or introduces_self(people, words)
    if found:
        return found
    # “…”杨光说，“…”: the tag between the two parts speaks for both.
    if prev is not None and prev_speaker.how == "after" and not text[prev.close_at + 1:span.open_at].strip(
            ).rstrip("，,：:").count("，") and re.sub(r"\s", "", sentence_before).rstrip("，,：:") == re.sub(
            r"\s", "", text[prev.close_at + 1:span.open_at]).rstrip("，,：:") and not re.search(
            rf"[{SENTENCE_END}]", text[prev.close_at + 1:span.open_at]):
        return Speaker(prev_speaker.name, prev_speaker.description, "continued")
    # The answer to a question put in the quote before (记者问：“…？” “…”).
    if previous_speech is not None and QUESTION_RE.search(text[previous_speech[0].inner_start:
                                                               previous_speech[0].inner_end]):
        asker = previous_speech[1]
        between = text[previous_speech[0].close_at + 1:span.open_at]
        # asked by the reporter or someone other than the section's person; or, in a dialogue of
        # quotes with no tags (“…？” “…”), by whoever talks to that person
        untagged_dialogue = not asker and not between.strip() and not QUESTION_RE.search(words)
        if is_reporter(asker) or (asker.name and asker.name != people.main) or untagged_dialogue:
            question_before = _last_sentence(text[previous_speech[0].paragraph[0]:previous_speech[0].open_at])
            name = addressed(people, question_before, previous_speech[0].open_at)
            answerer = name or (people.main if people.main != asker.name else None)
            if (not answerer and untagged_dialogue and last_named and last_named[1].name != asker.name
                    and previous_speech[0].open_at - last_named[0].close_at <= MAX_ANSWER_REACH):
                answerer = last_named[1].name  # the one who answered the question before goes on answering
            if answerer and not re.search(rf"[{HAN}]{{4}}", re.sub(r"\s", "", between).strip("。，,")):
                return Speaker(answerer, None, "answer")
    speaks_first_person = first_person(words)
    found = introduced(people, sentence_before, span.open_at, speaks_first_person)
    if found:
        return found
    found = tag_earlier(people, sentence_before, span.open_at)
    if found:
        return found
    opens_sentence = not _MARKER_RE.sub("", sentence_before).strip()  # 【录音】“…”: a transcript's marker
    if opens_sentence:
        found = adjacent(people, after, span.close_at + 1) or reported_before(people, span, sentence_before)
        if found:
            return found
    else:
        found = people.first_reference(sentence_before, span.open_at)
        if found.name:
            return Speaker(found.name, None, "sentence")
        topic = _STRIP_OPENING_RE.sub("", sentence_before.strip())
        owner = next((n for n in people.names if topic.startswith(n + "的")), None)
        if owner and speaks_first_person and not found:  # 王恒清的工具都存放在院内，“我每天都5点起床…”
            return Speaker(people.full[owner], None, "sentence")
        found = reported_before(people, span, sentence_before)
        if (not found and sentence_before.rstrip().endswith(("，", ",")) and sentence_before.count("”") == 0
                and not people.first_reference(sentence_before, span.open_at)):
            # …戴上墨镜，“咋样？”小武向身边另一位送餐员炫耀: a clause that names nobody before the quote;
            # the person opening the clause after it speaks, unless the words call that person (“老卫，…”)
            found = adjacent(people, after, span.close_at + 1)
            if found.name and people.called_in(words, found.name):
                found = NOBODY
        return found
    if in_series:
        return NOBODY  # one of a series of voices (“哎呀…”、“…”)
    if asks_next:
        return NOBODY  # “还记得…吗？”“当然了，…”: the asking half of an untagged exchange, not the section's person
    # A quote on its own: the speaker of the quote before it in the paragraph, if nobody else
    # came in between; else, for first-person words or after a colon, whom the previous sentence is about.
    if prev is not None and prev_speaker.name and before.strip() and not people.others_between(
            prev.close_at + 1, span.open_at, prev_speaker.name):  # (back-to-back quotes are a dialogue)
        return Speaker(prev_speaker.name, None, "context")
    first = span.paragraph[0]
    region_start, region_end = first, span.open_at
    if not people.masked[first:span.open_at].strip():  # the quote opens its paragraph: the paragraph before
        region_end = len(text[:first].rstrip())  # past blank lines between the paragraphs
        region_start = text.rfind("\n", 0, region_end) + 1
    # (a transcript's marker right before the quote, 【录音】, is no sentence of its own)
    narration = _MARKER_RE.sub(lambda m: " " * len(m.group()), people.narration[region_start:region_end]).rstrip()
    previous = _previous_sentence(narration)
    if previous and (speaks_first_person or previous.endswith(("：", ":")) or _BARE_TAG_RE.match(previous.strip())):
        clause_text = previous.rstrip("：:")
        found = people.first_reference(clause_text, region_start + len(narration) - (len(previous) - len(clause_text)))
        if found.name:
            return Speaker(found.name, None, "context")
    # Words standing alone in a section about one person, with nobody else in sight: that person's.
    main = people.main
    if _in_run_of_quote_paragraphs(people, span):
        return NOBODY  # paragraphs of bare quotes one after another: voices, not one person's words
    addressed_in_words = bool(main) and people.called_in(words, main)
    if (main and not in_dialogue and not addressed_in_words  # “袁所长去哪了？”: nobody calls themself
            and not people.others_between(region_start, span.open_at, main)
            and not people.others_between(span.close_at + 1, span.paragraph[1], main)):
        return Speaker(main, None, "section")
    return NOBODY
