"""Lines that are not body text: editor's notes, photo captions and credits, data sources,
reporter lines and web-page chrome pasted with an article.

`line_kind` looks at one line on its own and names its kind, or returns None for a line that may
be body text. The cues are the conventions of Chinese newspapers and news sites (``编者按：``,
``图①：``, ``某某 摄``, ``本报记者 某某``, ``责任编辑：``), never words of one article. A line is set
aside only when the cue opens it or the whole line is the cue, so that a body sentence that
mentions 分享 or 编辑 stays body text.
"""
from __future__ import annotations

import re

from .headings import surnames

EDITOR_NOTE = "editor_note"
CAPTION = "caption"
CREDIT = "credit"
DATA_SOURCE = "data_source"
REPORTER = "reporter"
CHROME = "chrome"
# Kinds of section that hold no body text: kept with their spans, left out of the analysis.
NON_BODY_KINDS = frozenset({EDITOR_NOTE, CAPTION, CREDIT, DATA_SOURCE, REPORTER, CHROME})

_COLON = "[:：]"
# not an outlet's reporter (新华社记者 is who took the photo, not a name)
_NAME = r"(?![\u4e00-\u9fff]{0,4}(?:特约记者|见习记者|记者|通讯员|实习生|摄影))[\u4e00-\u9fff·]{2,6}"
_NAMES = rf"{_NAME}(?:[\s\u3000、,，]+{_NAME})*"
_OUTLET = r"(?:本报|本刊|本台|新华社|中新社|[\u4e00-\u9fff]{2,8}?(?:晚报|日报|时报|报社|报|电视台|台|社|网))"
_ROLES = r"(?:特约记者|见习记者|记者|通讯员|实习生|摄影|摄像|撰文|文字|文|图)"

_EDITOR_NOTE_RE = re.compile(rf"^\s*[【\[（(]?\s*(?:编者按|编者的话|编后|编后语|编辑手记){_COLON}?\s*[】\]）)]?")
# 图①： 图1： 图为 上图： 左图 下图为 （图①） 组图 资料图片; △/▲ marks a caption under a web page's photo
_CAPTION_RE = re.compile(
    rf"^\s*(?:[△▲]|[（(]?(?:组?图|题图|上图|下图|左图|右图|左上图|右上图|左下图|右下图)\s*"
    rf"(?:[①-⑳\d一二三四五六七八九十]+|为)?\s*(?:{_COLON}|[)）]|为)|图为|资料图片|图片来源|"
    rf"\S+\.(?:png|jpe?g|gif|webp|bmp)\b)"
)
# ... 张三 摄 / 记者 李四摄 / 新华社记者 王五 摄 / 某某供图 / （受访者供图）, ending the line; the photo
# desk or agency may follow the verb after a slash (记者 郑宇 摄/视觉重庆).
_CREDIT_TAIL_RE = re.compile(
    rf"(?:^|(?<=[\s\u3000。，,！？!?）)”]))(?:(?P<by>{_OUTLET}?{_ROLES}|{_OUTLET})?\s*(?P<names>{_NAMES})\s*[/／]?\s*"
    rf"(?P<verb>摄影?|摄制|绘|制图|供图)(?:\s*[/／]\s*[\u4e00-\u9fff]{{2,6}})?|受访者供图|资料图片|"
    rf"视觉中国|图片来源{_COLON}.*|IC\s*photo|新华社发)\s*[)）]?\s*$"
)
_DATA_SOURCE_RE = re.compile(rf"^\s*[（(]?\s*(?:数据来源|资料来源|数据|信息来源|图表来源|制图){_COLON}")
# 本报记者  王小明 / □本报记者张玉凤赵子超 / 记者 刘杭慧 实习生 陈震 报道 / （记者 李四 通讯员 王五）
_REPORTER_RE = re.compile(
    rf"^\s*[□■◎●▲]?\s*[（(]?\s*(?:(?:文|图|文图|文、图|文/图)(?:\s*[/／|｜:：]\s*|[\s\u3000]+))?"
    rf"(?:{_OUTLET}|[\u4e00-\u9fff]{{2,6}}?(?=全媒体|融媒体))?(?:全媒体|融媒体|首席|驻站)?"
    rf"(?:特约记者|见习记者|记者|通讯员|实习生)[\s\u3000:：/／]*"
    rf"(?P<names>[\u4e00-\u9fff·]{{2,4}}(?:(?:[\s\u3000、,，]*|[\s\u3000]*{_OUTLET}?(?:记者|通讯员|实习生)[\s\u3000]*)[\u4e00-\u9fff·]{{2,4}})*)"
    rf"\s*[)）]?\s*$"
)
_CHROME_START_RE = re.compile(
    rf"^[\s•·●▪■◆]*[【\[（(]?\s*(?:您的位置|你的位置|所在位置|当前位置|首页\s*[>＞»]|"
    rf"(?:发表时间|发布时间|发稿时间|更新时间|时间|来源|作者|责任编辑|责编|编辑|网络编辑|审核|校对|初审编辑|初审|二审|三审|终审|审校|编审|监制|出品人|策划|统筹|"
    rf"本文来源|本文来自|原标题|原题|浏览次数|阅读[数量]|分享[到至]?|相关新闻|相关阅读|延伸阅读|推荐阅读)\s*[:：|｜]|"
    rf"分享到|上一篇|下一篇|上一页|下一页|版权所有|版权声明|Copyright|©|未经授权|欢迎分享|扫一扫|扫描二维码|"
    rf"微信扫|手机看新闻|【纠错】)",
    re.IGNORECASE,
)
# A page menu item alone on its line (• 打印, 网摘, 纠错, 字号, 返回顶部, （完）).
_MENU_RE = re.compile(
    r"^[\s•·●▪■◆]*[【\[（(]?\s*(?:打印|打印本页|网摘|纠错|商城|推荐|收藏|字号|举报|关闭|关闭窗口|返回顶部|返回首页|"
    r"返回目录|相关新闻|相关阅读|延伸阅读|推荐阅读|热点推荐|完|大|中|小|[\s大中小]+)\s*[】\]）)]?\s*$"
)
# 2012年05月02日00:00    来源:人民网 / 2023-01-23 09:24   来源: 海南日报: a dateline of the web page.
_PAGE_DATELINE_RE = re.compile(r"^\s*(?:\d{4}年\d{1,2}月\d{1,2}日|\d{4}-\d{1,2}-\d{1,2})\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s|$)")
# 2018-02-09 / 2019年01月29日 alone on a line (a web page's date under the title).
_DATE_ONLY_RE = re.compile(r"^\s*(?:\d{4}-\d{1,2}-\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日)\s*(?:星期[一二三四五六日天])?\s*$")
_PAPER_EDITION_RE = re.compile(r"^\s*《\s*[\u4e00-\u9fff]{2,10}\s*》\s*[（(]\s*\d{4}年\d{1,2}月\d{1,2}日.*[)）]\s*$")
# 来源:人民网  责任编辑:王超   我来说两句: the page's editor named anywhere in a short line.
_EDITOR_CREDIT_RE = re.compile(r"(?:责任编辑|责编)\s*[:：]")
_COPYRIGHT_RE = re.compile(r"(?:版权所有|未经授权.{0,12}不得转载|Copyright|©|All Rights Reserved)", re.IGNORECASE)
# A caption or chrome line is short; a longer line is a paragraph that happens to start alike.
MAX_CAPTION_CHARS = 150
MAX_CHROME_CHARS = 80


def line_kind(line: str) -> str | None:
    """The non-body kind of one line, or None when it may be body text (or a heading)."""
    text = line.strip()
    if not text:
        return None
    if _EDITOR_NOTE_RE.match(text) and re.match(r"^\s*[【\[（(]?\s*编", text):
        return EDITOR_NOTE
    credit = _CREDIT_TAIL_RE.search(text) if len(text) <= MAX_CAPTION_CHARS else None
    if credit and _credited(credit):
        # A line that is only a credit, or a caption ending with one (1月22日，某某在值班。 记者 某某 摄).
        return CREDIT if not text[: credit.start()].strip() else CAPTION
    if reporter_names(text):
        return REPORTER
    if len(text) <= MAX_CAPTION_CHARS and _CAPTION_RE.match(text):
        return CAPTION
    if len(text) <= MAX_CAPTION_CHARS and _DATA_SOURCE_RE.match(text):
        return DATA_SOURCE
    if len(text) <= MAX_CHROME_CHARS and (_CHROME_START_RE.match(text) or _MENU_RE.match(text) or _PAPER_EDITION_RE.match(text)
                                          or _PAGE_DATELINE_RE.match(text) or _DATE_ONLY_RE.match(text)
                                          or _EDITOR_CREDIT_RE.search(text)):
        return CHROME
    if len(text) <= MAX_CHROME_CHARS * 2 and _COPYRIGHT_RE.search(text):
        return CHROME
    return None


def _credited(match: re.Match) -> bool:
    """A credit names a photographer (led by a surname) unless an outlet or role says who it is."""
    if match.group("names") is None or match.group("by") or match.group("verb") == "供图":
        return True
    return _all_names([n for n in re.split(r"[\s\u3000、,，]+", match.group("names")) if n], max_chars=4)


def _all_names(names: list[str], max_chars: int = 12) -> bool:
    """Every string starts like a person's name (a common surname) and is short enough to be one."""
    single, compound = surnames()
    return bool(names) and all((n[0] in single or n[:2] in compound) and len(n) <= max_chars for n in names)


_AUTHOR_RE = re.compile(r"^(?:作者|文|撰文|文/图|文图)[\s\u3000:：|｜/]+(?P<names>[\u4e00-\u9fff·]{2,4}(?:[\s\u3000、,，]+[\u4e00-\u9fff·]{2,4})*)\s*$")


def credit_names(line: str) -> tuple[str, ...]:
    """The photographers a credit or caption line names (``图为…。陈大伟 摄`` -> 陈大伟)."""
    match = _CREDIT_TAIL_RE.search(line.strip())
    if not match or match.group("names") is None or not _credited(match):
        return ()
    names = [n for n in re.split(r"[\s\u3000、,，]+", match.group("names")) if n]
    return tuple(n for n in names if _all_names([n], max_chars=4))


def reporter_names(line: str) -> tuple[str, ...]:
    """The names on a reporter line (``本报记者  王小明``), or () if the line is not one."""
    text = re.sub(r"[\s\u3000]*(?:报道|采写)[)）]?$", "", line.strip())
    # 作者：本报记者 某某 本报通讯员 某某 《光明日报》（2021年03月30日 04版）: a paper's byline with its edition.
    text = re.sub(r"[\s\u3000]*《[^》]{2,12}》\s*[（(][^）)]*[)）]$", "", text)
    text = re.sub(rf"^(?:作者){_COLON}[\s\u3000]*(?={_OUTLET}?(?:特约记者|见习记者|记者|通讯员|实习生))", "", text)
    author = _AUTHOR_RE.match(text)
    if author:  # 作者 史某 李某: the page's byline
        names = [n for n in re.split(r"[\s\u3000、,，]+", author.group("names")) if n]
        if _all_names(names, max_chars=4):
            return tuple(names)
    match = _REPORTER_RE.match(text)
    if not match:
        return ()
    names = [n for n in re.split(rf"[\s\u3000、,，]+|{_OUTLET}?(?:记者|通讯员|实习生)", match.group("names")) if n]
    # Every name must start like a person's name; 记者来到现场 is a sentence, not a reporter line.
    return tuple(names) if _all_names(names) else ()


def author_names(line: str) -> tuple[str, ...]:
    """The names of a line that is two to four names and nothing else (张某某 陆某), each led by a
    common surname and no common word; () otherwise. Such a line is a byline only where it stands
    (above the first paragraph), which the caller judges."""
    from .headings import is_common_word

    names = line.split()
    if not 2 <= len(names) <= 4 or not all(re.fullmatch(r"[\u4e00-\u9fff]{2,3}", n) for n in names):
        return ()
    return tuple(names) if _all_names(names, max_chars=3) and not any(is_common_word(n) for n in names) else ()


def byline_names(line: str) -> tuple[str, ...]:
    """The reporters or authors a line set aside as a reporter line names."""
    return reporter_names(line) or author_names(line)

