"""Real-world variants of the bundled article, made in the test from the original."""
import opencc
import pytest

from analysis.corpus import ArticleWarning, load_article
from analysis.encodings import MAX_BYTES
from analysis.errors import InputError
from analysis.text import normalize_string

HALF_TO_FULL = str.maketrans({",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"})
FULL_TO_HALF = str.maketrans({"，": ",", "：": ":", "；": ";", "？": "?", "！": "!", "（": "(", "）": ")"})
WEB_CHROME = (
    "首页 | 新闻 | 本地 | 视频 | 登录\n关闭引导\n2017-11-16 08:30:12 来源：淮海网\n"
    "分享到：微信 微博 QQ空间\n字号：大 中 小\n\n"
)


def profile_keys(article):
    return [(p.role, p.name, normalize_string(p.headline or "")) for p in article.profiles]


def load_variant(tmp_path, text: str, encoding: str = "utf-8"):
    path = tmp_path / "variant.txt"
    path.write_bytes(text.encode(encoding))
    return load_article(path)


@pytest.mark.parametrize("name, make", [
    ("full-width punctuation", lambda t: t.translate(HALF_TO_FULL)),
    ("half-width punctuation", lambda t: t.translate(FULL_TO_HALF)),
    ("CRLF", lambda t: t.replace("\n", "\r\n")),
    ("web chrome before the article", lambda t: WEB_CHROME + t),
])
def test_variants_give_the_same_profiles(article, tmp_path, name, make):
    variant = load_variant(tmp_path, make(article.text))
    assert profile_keys(variant) == profile_keys(article), name
    assert variant.metadata.reporters == article.metadata.reporters


def test_traditional_input_is_detected_converted_and_said(article, tmp_path):
    traditional = opencc.OpenCC("s2t").convert(article.text)
    with pytest.warns(ArticleWarning, match="Traditional Chinese detected"):
        variant = load_variant(tmp_path, traditional)
    assert variant.original == traditional
    assert len(variant.text) == len(traditional)
    assert [p.name for p in variant.profiles] == [p.name for p in article.profiles]
    # Spans mean the same characters in the original and in the Simplified copy.
    for profile in variant.profiles:
        assert opencc.OpenCC("t2s").convert(variant.original[profile.start:profile.end]) == \
            variant.text[profile.start:profile.end]


def test_simplified_input_is_not_converted(article):
    assert article.source_text is None and article.original is article.text


def test_oversized_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: no memory or disk spent
    with pytest.raises(InputError, match="too large for one article"):
        load_article(path)
