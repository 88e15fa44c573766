"""Recognise section headings and decide, on evidence, whom each one is about.

Shapes understood (`heading_shape`):

- ``ROLE+NAME:HEADLINE`` (half- or full-width colon), ``NAME:HEADLINE``: shape ``colon``;
- ``ROLE+NAME:`` alone, the headline on the next line: ``colon-line``;
- ``ROLE+NAME——`` alone, then a headline line (often a quotation): ``dash-line``;
- ``HEADLINE——NAME`` and ``NAME——HEADLINE`` on one line: ``dash``;
- ``【NAME】`` or ``【NAME】HEADLINE``: ``bracket``;
- a line opened by a vertical bar (``| UNIT ROLE NAME``, ``｜HEADLINE``): ``bar``;
- a numbered heading (``一、…``, ``1.…``, ``（三）…``): ``numbered``.

Whom a heading is about (`resolve`), and the rule that decided it:

- a person, when a name-shaped part of the heading (2-4 characters led by a common surname) recurs
  in the body on its own (``name-in-body``); a bare two-character word of the general dictionary
  (温暖, 高兴) is not taken for a name without a role beside it;
- a person, when the named-entity recogniser (Baidu LAC, `analysis.names`) tags the end of the
  heading as a person's name that the body does not repeat (``name-by-ner``);
- a person named only in the body, for a role-only heading (``114话务员:``): the person the
  recogniser finds most often in the body (``role+ner-in-body``), else the surname-led string that
  recurs most (``role+name-from-body``);
- a team or organisation, when the heading ends like one (服务队, 小组, 中心, 派出所): ``team``;
- a person, when a block above a reporter line prints ROLE, a space and a surname-led NAME
  (``…先进个人 党立``): ``role-space-name``;
- a person, when a heading naming nobody stands over a first sentence that opens with a person the
  recogniser tags and introduces (``曹群先，新渥镇新渥村人``): ``name-opens-body``;
- nobody: a thematic heading (``坚守：节日我们在岗``) is a section without a subject.

No list of people is involved; the surname list is general language data.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .lexicon import HAN

MAX_HEADING_CHARS = 40
MAX_WHO_CHARS = 15
MAX_LONG_WHO_CHARS = 30  # a heading line of its own may carry a long unit: 某县公安局某派出所所长李建国——
MAX_THEME_CHARS = 6  # 坚守：… 奉献：…; a longer lead before the colon is a sentence, not a section label
SENTENCE_FINAL = tuple("。！？!?；;…")
COLONS = ":："
QUOTE_MARKS = "“”‘’\"'「」『』《》"
OPENING_QUOTES = tuple("“\"「『‘")

_NUMBERING_RE = re.compile(
    r"^\s*(?:第?[一二三四五六七八九十百零〇两\d０-９]+[、.．:：)）](?![\d０-９])|[（(][一二三四五六七八九十\d０-９]+[)）]|"
    rf"[0０][1-9１-９](?=[{HAN}])|[①-⑳])\s*"  # 01开货车的视频博主, ①…: a zero-padded or circled number
)
_COLON_RE = re.compile(rf"^(?P<who>[^{COLONS}]{{2,{MAX_WHO_CHARS}}})[{COLONS}]\s*(?P<headline>.+)$")
_COLON_LINE_RE = re.compile(rf"^(?P<who>[^{COLONS}]{{2,{MAX_LONG_WHO_CHARS}}})[{COLONS}]\s*$")
_DASHES = r"(?:——|—|--|－－|──|─)"
_DASH_LINE_RE = re.compile(rf"^(?P<who>[^—\-－─]{{2,{MAX_LONG_WHO_CHARS}}}?)\s*{_DASHES}\s*$")
_DASH_RE = re.compile(rf"^(?P<left>[^—\-－─]+?)\s*{_DASHES}\s*(?P<right>[^—\-－─]+)$")
_BRACKET_RE = re.compile(r"^[【\[〖](?P<who>[^】\]〗]{2,30})[】\]〗]\s*(?P<headline>.*)$")
_HAN_RE = re.compile(f"^[{HAN}]+$")
# | G7次复兴号动车组列车 列车长 孙磊: a line opened by a vertical bar, as web and phone pages mark a
# subheading (｜, 丨, ▍ are the same mark).
_BAR_RE = re.compile(r"^[|｜丨▍▌▎▏](?P<who>[^|｜丨▍▌▎▏]{2,%d})$" % MAX_LONG_WHO_CHARS)
# 熊某某 地铁引导员: a name, a space and a role, as a photo feature labels each person (or glued:
# 邵某某复兴号高铁司机, at most this long).
MAX_GLUED_CHARS = 16
_NAME_ROLE_RE = re.compile(f"^(?P<name>[{HAN}·]{{2,4}})[\\s\u3000]+(?P<role>[{HAN}]{{2,12}})$")
_HAN_SEARCH_RE = re.compile(f"[{HAN}]")
# A role may carry digits or Latin letters (114话务员, 12345热线话务员, 95598值班员).
_ROLE_RE = re.compile(f"^[{HAN}0-9０-９A-Za-z“”\"·]+$")

# The last characters of Chinese job titles (话务员, 组长, 工程师, 书记 ...): a role-only heading.
PERSON_ROLE_ENDINGS = ("员", "长", "师", "手", "工", "官", "任", "理", "家", "者", "生", "警", "医", "兵", "司机",
                       "嫂", "姐", "哥", "叔", "姨", "士", "匠", "娘", "爷", "奶", "妈", "书记", "代表", "干部")
# The endings of teams and organisations (志愿服务队, 话务班, 调解小组, 服务中心, 派出所 ...).
TEAM_ENDINGS = ("队", "班", "组", "站", "中心", "团队", "协会", "委员会", "合作社", "车间", "工作室", "服务社",
                "所", "院", "局", "科", "处", "部", "室", "厂", "馆", "团", "社区", "村", "家庭", "集体", "群体")
# Units that a byname may follow in the body besides TEAM_ENDINGS (某边防连“…”, 某营“…”).
UNIT_ENDINGS = ("连", "营", "哨所", "舰", "机组")
_BYNAME_RE = re.compile(rf"[“\"]([{HAN}0-9]{{2,12}})[”\"]")
# Kept for callers of the earlier version: every ending that makes a role-only heading.
ROLE_ENDINGS = frozenset(e for e in PERSON_ROLE_ENDINGS + TEAM_ENDINGS if len(e) == 1)

# Labels of a feature's fact lines (时间：… 地点：… 人物：…): fields, not themes.
FIELD_LABELS = frozenset({"时间", "地点", "日期", "天气", "地址", "电话", "气温"})
WHO_LABELS = frozenset({"人物", "主角", "主人公", "姓名"})

# Evidence rules, as recorded in the sections table (`rule`).
NAME_IN_BODY = "name-in-body"
NAME_FROM_BODY = "role+name-from-body"
NAME_BY_NER = "name-by-ner"
NAME_FROM_BODY_NER = "role+ner-in-body"
TEAM = "team"
TEAM_BYNAME = "team-byname"  # “某某第一哨”——: a unit's byname that the body puts right after the unit
ROLE_SPACE_NAME = "role-space-name"  # the layout names the person: ROLE, a space, NAME on a line of its own
NAME_OPENS_BODY = "name-opens-body"  # a thematic heading whose first sentence introduces a person: 曹群先，…人，今年60岁
TEAM_OPENS_BODY = "team-opens-body"  # … or a unit: 某某中心社会教育科，成立于2015年
NAME_ROLE_LINE = "layout"  # 熊某某 地铁引导员, believed only in a series of such lines naming different people
NAME_OPENS_LINE = "name-opens-line"  # a caption-like line 李某某开着垃圾收集车 over a body that names the person again
WHO_LABEL = "who-label"  # 主角：NAME, 人物：NAME
PERSON_OF_SECTION = "person-of-section"  # one of a series of thematic headings over a section naming one person (or one above all)
NO_SUBJECT = "no-subject"


@lru_cache(maxsize=1)
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    """Single-character and compound surnames from the data file."""
    raw = resources.files("analysis.data").joinpath("surnames.txt").read_text(encoding="utf-8")
    words = {w for line in raw.splitlines() if not line.startswith("#") for w in line.split()}
    return frozenset(w for w in words if len(w) == 1), frozenset(w for w in words if len(w) == 2)


# A general-dictionary word this frequent, not tagged as a name, reads as a word (温暖, 高兴).
COMMON_WORD_MIN_FREQ = 100


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Two- and three-character words of jieba's general dictionary that are not names."""
    import jieba

    words = set()
    path = Path(jieba.__file__).with_name("dict.txt")
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) == 3 and len(parts[0]) in (2, 3) and not parts[2].startswith("nr") \
                    and int(parts[1]) >= COMMON_WORD_MIN_FREQ:
                words.add(parts[0])
    return frozenset(words)


def is_common_word(candidate: str) -> bool:
    return candidate in _common_words()


def looks_like_name(candidate: str) -> bool:
    """2 to 4 Han characters led by a known surname (compound surnames for 3 and 4)."""
    if not (2 <= len(candidate) <= 4 and _HAN_RE.match(candidate)):
        return False
    single, compound = surnames()
    if candidate[:2] in compound and len(candidate) >= 3:
        return True
    return candidate[0] in single and len(candidate) <= 3


@dataclass(frozen=True)
class Shape:
    """A heading line read for its form only: who it may name and its headline."""

    shape: str
    readings: tuple[tuple[str | None, str | None], ...]  # (who, headline) pairs to try in order
    lines: int = 1  # 2 when the headline is the next line


@dataclass(frozen=True)
class Heading:
    role: str | None
    name: str  # the subject's name; "" for a heading that names nobody
    headline: str | None
    subject_kind: str | None = "person"  # "person", "team" or None
    rule: str = ""  # "<shape>:<evidence>", e.g. "dash-line:name-in-body"
    label: str | None = None  # a thematic heading's lead (坚守 in 坚守：节日我们在岗)


def _standalone_count(candidate: str, before: str, body: str) -> int:
    """Occurrences of candidate in body not directly preceded by `before` (the heading's char)."""
    count = 0
    for match in re.finditer(re.escape(candidate), body):
        if not before or match.start() == 0 or body[match.start() - 1] != before:
            count += 1
    return count


def split_role_name(who: str, body: str) -> tuple[str | None, str] | None:
    """Split ``话务班长韩朋友`` into (``话务班长``, ``韩朋友``), confirmed by the body.

    Each name-shaped suffix of `who` is scored by how often it stands in the body without the
    heading character before it; the best-scoring (then the longest) wins. A `who` that is only
    a general word (温暖) is no name. A `who` that is a role word alone returns None here: see
    `name_from_body`.
    """
    who = re.sub(r"\s+", "", who)
    best: tuple[int, int, str] | None = None
    for length in range(min(4, len(who)), 1, -1):
        candidate = who[-length:]
        # 拣货员小曹: after a role, 小/老 and a surname is how a story names a person it knows.
        familiar = length == 2 < len(who) and candidate[0] in FAMILIAR_PREFIXES and candidate[1] in surnames()[0]
        if not (looks_like_name(candidate) or familiar):
            continue
        if length == len(who) and is_common_word(candidate):
            continue
        before = who[-length - 1] if length < len(who) else ""
        score = _standalone_count(candidate, before, body)
        if score and (best is None or (score, length) > best[:2]):
            best = (score, length, candidate)
    if best is None:
        return None
    name = best[2]
    role = who[: -len(name)] or None
    return role, name


def name_from_body(body: str) -> str | None:
    """The person most often named in the body: a surname-led string that recurs.

    Used for a role-only heading (``质检员：工作严肃生活暖心`` with the name in the body).
    Prefers three characters over two when both recur equally, since a two-character match
    is often the start of the three-character name. General words (高兴, 温暖) are skipped.
    """
    counts: Counter[str] = Counter()
    for length in (3, 2):
        for index in range(len(body) - length + 1):
            candidate = body[index : index + length]
            if looks_like_name(candidate) and not is_common_word(candidate):
                counts[candidate] += 1
    recurring = [(n, len(c), c) for c, n in counts.items() if n >= 2]
    if not recurring:
        return None
    top = max(recurring)
    # A three-character name counts its two-character prefix too; keep the longer one.
    longer = [c for n, length, c in recurring if length == 3 and c.startswith(top[2]) and n >= top[0] - 1]
    return longer[0] if top[1] == 2 and longer else top[2]


def is_heading_line(line: str) -> bool:
    """A short line that does not end like a sentence."""
    stripped = line.strip()
    return 0 < len(stripped) <= MAX_HEADING_CHARS and not stripped.endswith(SENTENCE_FINAL)


def heading_shape(line: str, following: str | None = None) -> Shape | None:
    """The form of a heading-like line; `following` is the next line (a possible headline)."""
    text = line.strip()
    if not is_heading_line(text):
        return None
    numbered = _NUMBERING_RE.match(text)
    if numbered:
        text = text[numbered.end():].strip()
    next_headline = following.strip() if following is not None and is_heading_line(following) else None
    bar = _BAR_RE.match(text)
    if bar:
        return Shape("bar", ((bar.group("who").strip(), None),))
    bracket = _BRACKET_RE.match(text)
    if bracket:
        headline = bracket.group("headline").strip() or None
        return Shape("bracket", ((bracket.group("who"), headline),))
    dash_line = _DASH_LINE_RE.match(text)
    if dash_line and next_headline:
        return Shape("dash-line", ((dash_line.group("who"), next_headline),), lines=2)
    colon_line = _COLON_LINE_RE.match(text)
    if colon_line and next_headline:
        return Shape("colon-line", ((colon_line.group("who"), next_headline),), lines=2)
    colon = _COLON_RE.match(text)
    if colon:
        return Shape("numbered" if numbered else "colon", ((colon.group("who"), colon.group("headline").strip()),))
    dash = _DASH_RE.match(text)
    if dash:
        left, right = dash.group("left").strip(), dash.group("right").strip()
        return Shape("dash", ((right, left), (left, right)))
    if numbered and text:
        return Shape("numbered", ((text, None),) if len(text) <= MAX_WHO_CHARS else ((None, text),))
    if dash_line:
        return Shape("dash-line", ((dash_line.group("who"), None),))
    name_role = _NAME_ROLE_RE.match(text)
    if name_role and not numbered:
        return Shape("name-role", ((name_role.group("name"), name_role.group("role")),))
    if not numbered and _ROLE_LINE_RE.match(text) and len(text) <= MAX_GLUED_CHARS and text.endswith(PERSON_ROLE_ENDINGS):
        return Shape("name-role", ((text, None),))  # 邵某某复兴号高铁司机: the name glued to the role
    return None


# A named-entity recogniser: text -> [start, end) spans and words it tags as a person.
Recogniser = Callable[[str], list[tuple[int, int, str]]]


def resolve(shape: Shape, body: str, recogniser: Recogniser | None = None) -> Heading | None:
    """Whom the heading is about, on the body's evidence; a heading without subject if nobody.

    `recogniser` (analysis.names.lac_people) is asked only when the cheap evidence fails: a name in
    the heading that the body never repeats (it says 老李 or 他), or a role-only heading.
    None when the line cannot be a section heading at all (its lead is a long phrase, or a field
    label such as 地点：).
    """
    if shape.shape == "name-role":
        name, role = shape.readings[0]
        if role is None and recogniser is not None:  # glued: the model finds where the name ends
            people = recogniser(name)
            if people and people[0][0] == 0 and len(people[0][2]) >= 2:
                name, role = people[0][2], name[people[0][1]:]
        if role and looks_like_name(name) and not is_common_word(name) and role.endswith(PERSON_ROLE_ENDINGS):
            return Heading(role, name, None, "person", f"name-role:{NAME_ROLE_LINE}")
        return None
    if shape.shape == "colon":
        label, headline = shape.readings[0]
        label = _unquote(label or "")
        if label in FIELD_LABELS:
            return None  # 时间：2月4日 / 地点：某某广场: the story's dateline fields, not a section
        if label in WHO_LABELS and recogniser is not None:
            # 主角：贺某黄某 (names may run together): the section of the first person named.
            people = [word for _, _, word in recogniser(headline or "") if len(word) >= 2]
            if people:
                return Heading(None, people[0], headline, "person", f"colon:{WHO_LABEL}")
    for who, headline in shape.readings:
        found = _person_or_team(who, body, shape.shape, recogniser) if who else None
        if found:
            role, name, subject, evidence = found
            return Heading(role, name, headline, subject, f"{shape.shape}:{evidence}")
    who, headline = shape.readings[0]
    if shape.shape in ("dash",):
        return None  # 心中的丰碑——追记某某: a title and its subtitle, not a section heading
    label = _unquote(who or "") or None
    if label and shape.shape == "colon" and len(label) > MAX_THEME_CHARS:
        return None
    role = label if label and label.endswith(PERSON_ROLE_ENDINGS) and _ROLE_RE.match(label) else None
    return Heading(role, "", headline or None, None, f"{shape.shape}:{NO_SUBJECT}", label)


def _unquote(text: str) -> str:
    """`text` without quotation marks, white space and the emoji or symbols around it (韩朋友😊)."""
    return _strip_symbols(re.sub(rf"[{QUOTE_MARKS}\s]", "", text))


def _strip_symbols(who: str) -> str:
    """`who` without emoji, other symbols, their modifiers and spaces at either end (韩朋友😊)."""
    def decoration(char: str) -> bool:
        return char.isspace() or unicodedata.category(char)[0] == "S" or unicodedata.category(char) in ("Mn", "Cf")

    start, end = 0, len(who)
    while start < end and decoration(who[start]):
        start += 1
    while end > start and decoration(who[end - 1]):
        end -= 1
    return who[start:end]


def looks_like_profile_heading(line: str) -> bool:
    """A ROLE+NAME:HEADLINE or HEADLINE——NAME line whose `who` has a role ending or a name shape,
    whether or not the name is confirmed by the text: what a reader would take for a heading."""
    text = line.strip()
    if any(mark in text for mark in SENTENCE_FINAL):
        return False  # 张晓说:“今天很忙。后来…: a sentence of speech, not a heading
    numbered = _NUMBERING_RE.match(text)
    text = text[numbered.end():].strip() if numbered else text
    readings = []
    colon = _COLON_RE.match(text)
    if colon:
        readings.append((colon.group("who"), colon.group("headline")))
    dash = _DASH_RE.match(text)
    if dash:
        readings.append((dash.group("right"), dash.group("left")))
    for who, headline in readings:
        headline = headline.strip()
        if headline.startswith(OPENING_QUOTES) or not _HAN_SEARCH_RE.search(headline):
            continue
        who = re.sub(r"\s+", "", _strip_symbols(who))
        if len(who) >= 2 and _HAN_RE.match(who):
            if who[-1] in ROLE_ENDINGS or any(looks_like_name(who[-n:]) for n in (2, 3, 4) if n <= len(who)):
                return True
    return False


def _person_or_team(who: str, body: str, shape: str,
                    recogniser: Recogniser | None = None) -> tuple[str | None, str, str, str] | None:
    """(role, name, subject kind, evidence rule) for the `who` part of a heading, or None."""
    who = who.strip()
    # 曹某某 刘某某——他和他的徒弟: two names side by side; the section is the first one's.
    parts = who.split()
    if len(parts) > 1 and all(looks_like_name(_unquote(part)) for part in parts):
        first = split_role_name(_unquote(parts[0]), body)
        if first:
            return first[0], first[1], "person", NAME_IN_BODY
        if recogniser is not None and any(word == _unquote(parts[0]) for _, _, word in recogniser(who)):
            return None, _unquote(parts[0]), "person", NAME_BY_NER
    split = split_role_name(_unquote(who), body)
    if split:
        return split[0], split[1], "person", NAME_IN_BODY
    plain = _unquote(who)
    named = _named_by_recogniser(plain, recogniser, body)
    if named:
        return named[0], named[1], "person", NAME_BY_NER
    # 直凤新——…, 曹某某 刘某某——…: a name alone (or the first of two) that the recogniser tags in the body.
    named_in_body = _tagged_in_body(who, body, recogniser)
    if named_in_body:
        return None, named_in_body, "person", NAME_BY_NER
    # A team stands on a heading line of its own (某市“红马甲”志愿服务队——, 【某某小组】); after a
    # colon only when the body names it again, since 走进社区：… is a theme, not a team.
    if plain.endswith(TEAM_ENDINGS) and len(plain) >= 3 and (shape != "colon" or plain in body):
        return None, plain, "team", TEAM
    # “某某第一哨”——: a unit's byname on a heading line of its own, which the body gives in quotation
    # marks right after the unit it names (某边防连“某某第一哨”的官兵).
    byname = _BYNAME_RE.fullmatch(who)
    if byname and shape != "colon" and re.search(
            rf"(?:{'|'.join(TEAM_ENDINGS + UNIT_ENDINGS)})[“\"]{re.escape(byname.group(1))}[”\"]", body):
        return None, byname.group(1), "team", TEAM_BYNAME
    if _name_tail(plain):
        return None  # 话务员范小丹 when the body says 范丹: a name not confirmed, not a role alone
    if plain.endswith(PERSON_ROLE_ENDINGS) and _ROLE_RE.match(plain):
        name = _most_named(body, recogniser)
        if name:
            return who, name, "person", NAME_FROM_BODY_NER
        name = name_from_body(body)
        if name:
            return who, name, "person", NAME_FROM_BODY
    return None


# The recogniser reads at most this much of a body for a role-only heading (it is slow: ~30 KB/s).
MAX_RECOGNISER_CHARS = 1500


def _named_by_recogniser(who: str, recogniser: Recogniser | None, body: str = "") -> tuple[str | None, str] | None:
    """(role, name) when the recogniser tags a name that ends the heading's `who` (所长李建国),
    unless the body names someone else of that surname again and again (范丹 under 话务员范小丹:
    a typo, not a new person)."""
    if recogniser is None or len(who) < 2:
        return None
    for start, end, word in recogniser(who):
        if end == len(who) and len(word) >= 2 and not is_common_word(word):
            others = {w for _, _, w in recogniser(body[:MAX_RECOGNISER_CHARS])
                      if w != word and len(w) >= 2 and w[0] == word[0] and body.count(w) >= 2}
            return None if others else (who[:start] or None, word)
    return None


def _tagged_in_body(who: str, body: str, recogniser: Recogniser | None) -> str | None:
    """The first whitespace-separated part of `who` that is a whole name the recogniser tags in the body."""
    if recogniser is None:
        return None
    parts = [_unquote(part) for part in who.split()]
    if not parts or not all(2 <= len(part) <= 4 and _HAN_RE.match(part) for part in parts):
        return None
    tagged = {word for _, _, word in recogniser(body[:MAX_RECOGNISER_CHARS])}
    return next((part for part in parts if part in tagged and not is_common_word(part)), None)


def _name_tail(who: str) -> str | None:
    """The name-shaped end of `who` (2-4 characters led by a surname, not a general word), if any."""
    for length in (4, 3, 2):
        tail = who[-length:]
        if len(who) >= length and looks_like_name(tail) and not is_common_word(tail):
            return tail
    return None


def _most_named(body: str, recogniser: Recogniser | None, dominant: bool = False) -> str | None:
    """The person the recogniser finds most often in the body (ties: the first named).

    Full names come before forms such as 小李 / 老刘. `dominant`: only a person named at least
    twice and more often than anyone else.
    """
    if recogniser is None:
        return None
    counts: Counter[str] = Counter(word for _, _, word in recogniser(body[:MAX_RECOGNISER_CHARS])
                                   if len(word) >= 2 and not is_common_word(word))
    ranked = sorted(counts.items(), key=lambda item: (item[0][0] in FAMILIAR_PREFIXES, -item[1]))
    if not ranked:
        return None
    if dominant and (ranked[0][1] < 2 or len(ranked) > 1 and ranked[1][1] >= ranked[0][1]):
        return None
    return ranked[0][0]


# 小李, 老刘: how a story calls a person it knows; the full name is the better subject.
FAMILIAR_PREFIXES = "小老"


def _appositive(role: str, body: str, recogniser: Recogniser | None) -> str | None:
    """A name the body gives right after the heading's role word (所长董幼平, 检验员沈岚)."""
    if recogniser is None:
        return None
    nouns = [role[-n:] for n in (3, 2) if len(role) >= n]
    for start, _, word in recogniser(body[:MAX_RECOGNISER_CHARS]):
        if len(word) >= 2 and any(body[max(0, start - len(n)):start] == n for n in nouns):
            return word
    return None


# An unmarked heading line that may name a role (单腿跳行的所长, 市动物疫病预防中心驻厂检验员).
_ROLE_LINE_RE = re.compile(f"^[{HAN}0-9０-９A-Za-z“”\"·]+$")
MAX_BLOCK_LINE_CHARS = 25


def is_quotation(line: str) -> bool:
    """A line that is one quotation printed as a headline: “灯不亮，我们不走” (no full stop inside
    the closing mark, unlike a short quoted paragraph “您好，请讲。”)."""
    text = line.strip()
    return len(text) >= 3 and text[0] in "“\"「『" and text[-1] in "”\"」』" and text[-2] not in SENTENCE_FINAL


# 锦华社区党委书记、全国抗击新冠肺炎疫情先进个人 党立: a long role, a space, the name (光明日报's layout).
_ROLE_SPACE_NAME_RE = re.compile(f"^(?P<role>[{HAN}0-9０-９、·“”\"]{{4,60}})[\\s\u3000]+(?P<name>[{HAN}·]{{2,4}})$")


def role_space_name(line: str) -> tuple[str, str] | None:
    """(role, name) of a line that prints a role, a space and a surname-led name at its end."""
    match = _ROLE_SPACE_NAME_RE.match(line.strip())
    if not match or not looks_like_name(match.group("name")) or is_common_word(match.group("name")):
        return None
    role = match.group("role")
    if not role.endswith(PERSON_ROLE_ENDINGS + ("人", "模", "兵", "星", "范")):
        return None
    return role, match.group("name")


def _name_opening_line(line: str, body: str, recogniser: Recogniser | None) -> str | None:
    """The person a short caption-like line opens with (李某某开着垃圾收集车, 林某某（左）), when the
    recogniser tags the name at the line's start and the body names the person again."""
    if recogniser is None:
        return None
    people = recogniser(line)
    if not people or people[0][0] != 0:
        return None
    word = people[0][2]
    return word if len(word) >= 2 and not is_common_word(word) and word in body else None


def resolve_block(block: list[str], body: str, recogniser: Recogniser | None = None) -> Heading | None:
    """A run of one to three short unmarked lines between paragraphs, as national papers print a
    section opening (``1:30 合肥`` / ``市动物疫病预防中心驻厂检验员`` / ``400头中检疫剔除病死猪``).

    A line that names a person (recurring in the body, or by the recogniser) or a role (the person
    then found in the body) makes the section a profile; a quotation line makes it the profile of
    the one person the body names most (``quote-line``); anything else is a thematic subheading.
    """
    lines = [line.strip() for line in block]
    for index, line in enumerate(lines):
        headline = " ".join(lines[index + 1:]) or None
        spaced = role_space_name(line)
        if spaced:
            return Heading(spaced[0], spaced[1], " ".join(lines[:index] + lines[index + 1:]) or None, "person",
                           f"line:{ROLE_SPACE_NAME}")
        if is_quotation(line) or len(line) > MAX_BLOCK_LINE_CHARS:
            continue
        opener = _name_opening_line(line, body, recogniser)
        if opener:
            # The body's first sentence introducing the same person (陈某某和她的“爱心小屋” / 陈某某是…)
            # is evidence enough without a series of such lines.
            rule = NAME_OPENS_BODY if name_opening(body, recogniser) == opener else NAME_OPENS_LINE
            return Heading(None, opener, line, "person", f"line:{rule}")
        who = _unquote(line)
        split = split_role_name(who, body) if len(who) <= MAX_WHO_CHARS else None
        if split:
            return Heading(split[0], split[1], headline, "person", f"line:{NAME_IN_BODY}")
        named = _named_by_recogniser(who, recogniser)
        if named:
            return Heading(named[0], named[1], headline, "person", f"line:{NAME_BY_NER}")
        if who.endswith(PERSON_ROLE_ENDINGS) and _ROLE_LINE_RE.match(who):
            name = _appositive(who, body, recogniser) or _most_named(body, recogniser)
            if name:
                return Heading(who, name, headline, "person", f"line:{NAME_FROM_BODY_NER}")
    quotes = [line for line in lines if is_quotation(line)]
    if quotes:
        name = _most_named(body, recogniser, dominant=True)
        if name:
            return Heading(None, name, " ".join(lines), "person", f"quote-line:{NAME_FROM_BODY_NER}")
    return Heading(None, "", " ".join(lines), None, f"line:{NO_SUBJECT}", lines[0])


# What follows a name that opens a profile's first sentence: 曹群先，新渥村人 / 刘缓是… / 张三今年…
_INTRODUCED_RE = re.compile(r"^[,，]|^(?:是|今年|出生|生于|现年|系)")
# 来自如皋的“95后”姑娘张琳婕，…: a short description without a comma may come before the name.
MAX_INTRO_PREFIX_CHARS = 16
# 某某中心社会教育科，成立于2015年: a section that opens by introducing a unit.
_TEAM_OPENING_RE = re.compile(rf"^(?P<team>[{HAN}“”\"]{{3,30}}?(?:{'|'.join(TEAM_ENDINGS)}))[,，]"
                              r"(?:成立于|成立|组建于|始建于|现有|共有|有|是|由)")


# 张某某，43岁，四川某地人，木工。: the label line of a photo series that introduces each person by
# name and age (then place, trade), over that person's words or story (ending with a colon before
# words given as theirs).
_INTRO_LINE_RE = re.compile(rf"^(?P<name>[{HAN}·]{{2,6}})[,，]\s*(?:\d{{1,3}}|[一二三四五六七八九十]{{1,3}})岁[,，。]")
MAX_INTRO_LINE_CHARS = 50  # 某某，81岁，首批国家级非物质文化遗产代表项目传承人，某地某技艺传承人：
INTRO_LINE = "intro-line"
BULLET = "bullet"
# • 王某某：某医院主任。…: a bulleted item that opens with a person's name and a colon.
_BULLET_NAME_RE = re.compile(rf"^[•·●▪■◆]\s*(?P<name>[{HAN}·]{{2,8}})[{COLONS}]")
INTRO_SERIES = "series"  # a name the model misses, on a line of a series whose other names it tags


def intro_line_name(line: str, recogniser: Recogniser | None) -> tuple[str, bool, str] | None:
    """The person a line introduces, whether the model tags the name there, and the line's shape:
    `intro-line`, a short line of one sentence giving a name and an age (张某某，43岁，四川某地人，
    木工。); `bullet`, an item of a bulleted list opening with a name and a colon (• 王某某：某医院
    主任。她…). None when the line is neither, or its name is neither tagged nor led by a surname."""
    text = line.strip()
    match = _INTRO_LINE_RE.match(text)
    shape = INTRO_LINE
    if not match or len(text) > MAX_INTRO_LINE_CHARS or any(mark in text[:-1] for mark in SENTENCE_FINAL):
        match, shape = _BULLET_NAME_RE.match(text), BULLET
        if not match:
            return None
    name, start = match.group("name"), match.start("name")
    tagged = recogniser is not None and any(s == start and word == name for s, _, word in recogniser(text))
    if tagged or looks_like_name(name) and not is_common_word(name):
        return name, tagged, shape
    return None


def _first_sentence(body: str) -> str:
    return re.split(r"[。！？!?\n]", body.lstrip(), maxsplit=1)[0]


def name_opening(body: str, recogniser: Recogniser | None) -> str | None:
    """The person a section's first sentence opens with and introduces (曹群先，新渥镇新渥村人;
    来自某地的姑娘张某某，18岁时…), as the recogniser tags the name."""
    if recogniser is None:
        return None
    first = _first_sentence(body)
    if first.startswith(OPENING_QUOTES):
        return None  # “…我的父亲刘文生，他是…”: someone named in the words, not introduced by the paper
    people = [(start, end, word) for start, end, word in recogniser(first) if len(word) >= 2 and not is_common_word(word)]
    if not people:
        return None
    start, end, word = people[0]
    prefix = first[:start]
    if start > MAX_INTRO_PREFIX_CHARS or re.search(r"[,，;；:：]", prefix) or not _INTRODUCED_RE.match(first[end:]):
        return None
    return word


def team_opening(body: str) -> str | None:
    """The unit a section's first sentence opens with and introduces (某某管理中心社会教育科，成立于…)."""
    match = _TEAM_OPENING_RE.match(_first_sentence(body))
    return match.group("team") if match else None


def section_person(body: str, recogniser: Recogniser | None) -> str | None:
    """The one person a section names, or the one it names most (twice or more, more than anyone)."""
    if recogniser is None:
        return None
    full = _full_names(body, recogniser)
    if len(full) == 1:
        return next(iter(full))
    return _most_named(body, recogniser, dominant=True)


def _full_names(body: str, recogniser: Recogniser) -> set[str]:
    """The names the model tags in a section, but familiar forms (小李, 老王), common words, and a
    short word that no surname leads, tagged once (赤诚 of 满腔赤诚; names of minorities run longer)."""
    return {word for _, _, word in recogniser(body[:MAX_RECOGNISER_CHARS])
            if len(word) >= 2 and not is_common_word(word) and word[0] not in FAMILIAR_PREFIXES
            and not _word_tagged_once(word, body)}


def _word_tagged_once(word: str, body: str) -> bool:
    """A word of the general dictionary, led by no surname, that the section uses once (赤诚 of
    满腔赤诚): the model's guess, not a person the section is about."""
    from .segment import get_segmenter

    single, compound = surnames()
    return (len(word) <= 3 and word[0] not in single and word[:2] not in compound and body.count(word) == 1
            and get_segmenter().word_freq(word) > 0)


def only_person(body: str, recogniser: Recogniser | None) -> str | None:
    """The one person a section names, at least twice and never cut short (陈泽 of 陈泽中, where LAC
    cuts the name before a character that could start a word): stricter than `section_person`,
    for a lone subheading that no series of like headings vouches for."""
    if recogniser is None:
        return None
    full = _full_names(body, recogniser)
    if len(full) != 1:
        return None
    name = full.pop()
    following = {body[m.end():m.end() + 1] for m in re.finditer(re.escape(name), body)}
    return name if len(following) > 1 and body.count(name) >= 2 else None


def parse_heading(line: str, body: str, following: str | None = None,
                  recogniser: Recogniser | None = None) -> Heading | None:
    """Read a heading line against the body that follows it; None if it names no person or team."""
    shape = heading_shape(line, following)
    if shape is None:
        return None
    heading = resolve(shape, body, recogniser)
    return heading if heading and heading.subject_kind else None
