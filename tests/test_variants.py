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
    """The variant as a corpus folder with the bundled article's publication date.

    Without a date, relative dates (今年, 五年前) stay unresolved, and joined years unknown.
    """
    folder = tmp_path / "variant"
    folder.mkdir()
    (folder / "variant.txt").write_bytes(text.encode(encoding))
    (folder / "meta.yaml").write_text("file: variant.txt\npublished: 2017-11\n", encoding="utf-8")
    return load_article(folder)


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


# --- the same themes, quotes and facts where the text is the same -----------------------

from collections import Counter  # noqa: E402

from analysis.pipeline import all_tables, analyse  # noqa: E402

COMPARED = {"theme_hits": ["theme_id", "section_id", "text"], "quotes": ["section_id", "speaker", "kind", "text"],
            "facts": ["section_id", "low", "high", "counted", "period"], "people": ["name", "joined_year"]}


def extracted(article):
    tables = all_tables(analyse(article))
    result = {}
    for name, columns in COMPARED.items():
        rows = tables[name][columns].itertuples(index=False)
        result[name] = Counter(tuple(normalize_string(str(value)) for value in row) for row in rows)
    return result


@pytest.fixture(scope="module")
def reference(article):
    return extracted(article)


@pytest.mark.parametrize("name, make, encoding", [
    ("GB18030", lambda t: t, "gb18030"),
    ("UTF-8 with BOM", lambda t: t, "utf-8-sig"),
    ("CRLF", lambda t: t.replace("\n", "\r\n"), "utf-8"),
    ("full-width punctuation", lambda t: t.translate(HALF_TO_FULL), "utf-8"),
])
def test_variants_give_the_same_themes_quotes_and_facts(reference, article, tmp_path, name, make, encoding):
    variant = load_variant(tmp_path, make(article.text), encoding)
    assert extracted(variant) == reference, name


def test_traditional_variant_differs_only_where_the_conversion_changed_the_text(reference, article, tmp_path):
    from analysis.evaluate import one_script

    traditional = opencc.OpenCC("s2t").convert(article.text)
    with pytest.warns(ArticleWarning):
        variant = load_variant(tmp_path, traditional)
    changed = [i for i, (a, b) in enumerate(zip(article.text, variant.text)) if a != b]
    # The round trip Simplified -> Traditional -> Simplified is not the identity everywhere
    # (one-to-many character mappings); the differences are few and named here.
    assert len(changed) <= 3, [article.text[i - 5:i + 5] for i in changed]
    changed_chars = {article.text[i] for i in changed} | {variant.text[i] for i in changed}
    # Names and quotations come out as printed (Traditional here): compare them in one script.
    def in_one_script(tables):
        return {table: Counter({one_script(key): n for key, n in rows.items()}) for table, rows in tables.items()}

    result, reference = in_one_script(extracted(variant)), in_one_script(reference)
    for table in ("theme_hits", "quotes", "facts", "people"):
        differing = (result[table] - reference[table]) + (reference[table] - result[table])
        # Only items whose evidence holds a changed character may differ.
        assert all(changed_chars & set("".join(item)) for item in differing), (table, differing)


# --- other quoting styles --------------------------------------------------------------

from analysis.quotes import extract_quotes  # noqa: E402
from analysis.text import normalize  # noqa: E402

CORNER = str.maketrans({"“": "「", "”": "」", "‘": "『", "’": "』"})
STRAIGHT = str.maketrans({"“": '"', "”": '"'})


def quote_keys(article):
    return Counter((q.profile_id, q.kind, q.speaker, normalize(q.text).text) for q in extract_quotes(analyse(article)))


def test_corner_brackets_read_as_quotes(article, tmp_path):
    variant = load_variant(tmp_path, article.text.translate(CORNER))
    assert quote_keys(variant) == quote_keys(article)


def _alternates(text):
    """Curly marks strictly alternate “ ” “ ” (no unpaired mark)."""
    marks = [c for c in text if c in "“”"]
    return all(mark == "“”"[i % 2] for i, mark in enumerate(marks)) and len(marks) % 2 == 0


def test_straight_quotes_read_as_quotes_except_where_marks_are_unpaired(article, tmp_path):
    variant = load_variant(tmp_path, article.text.translate(STRAIGHT))
    # With straight marks an unpaired mark cannot be told opening from closing: only the
    # paragraphs whose marks do not alternate may read differently.
    odd = {p.id for p in article.profiles if not _alternates(article.body(p))}
    assert odd == {"p07"}  # 范丹's profile, as published
    ours = Counter({k: n for k, n in quote_keys(article).items() if k[0] not in odd})
    theirs = Counter({k: n for k, n in quote_keys(variant).items() if k[0] not in odd})
    assert theirs == ours and sum(ours.values()) > 30


def test_normalize_folds_quote_styles():
    assert normalize('他说"好的"，又说「走吧」『嗯』\n"').text == "他说“好的”,又说“走吧”‘嗯’\n“"
