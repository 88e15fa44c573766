"""The loader: profiles, byline, lossless spans, heading shapes, metadata."""
import hashlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.corpus import ArticleWarning, Metadata, Profile, load_article, parse_article
from analysis.errors import InputError

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_4b14cdfcb8240824.txt"


def assert_tiles(article):
    position = 0
    for section in article.sections:
        assert section.start == position
        assert section.end > section.start
        position = section.end
    assert position == len(article.text)


def test_bundled_article_is_the_seed_byte_for_byte(article):
    raw = Path(article.metadata.source_path).read_bytes()
    assert hashlib.sha256(raw).hexdigest() == article.metadata.sha256
    if SEED.exists():
        assert raw == SEED.read_bytes()


def test_bundled_article_has_nine_profiles_with_roles_and_names(article):
    profiles = article.profiles
    assert len(profiles) == 9
    for profile in profiles:
        heading = article.text[profile.heading_start:profile.heading_end]
        assert heading.startswith((profile.role or "") + profile.name)
        assert heading.endswith(profile.headline)
        # The name recurs in the body: that is what confirmed the split.
        assert profile.name in article.body(profile)


def test_byline_moves_into_metadata_and_out_of_the_last_body(article):
    assert article.metadata.reporters == ("姜晴", "刘晓兰", "孙婧")
    last = article.profiles[-1]
    assert "淮海晚报记者" not in article.body(last)
    assert article.body(last).endswith("孟莹这样说道。")
    byline = article.section("byline")
    assert article.text[byline.start:byline.end].strip() == "淮海晚报记者 姜晴 刘晓兰 孙婧"


def test_sections_tile_the_bundled_article(article):
    assert_tiles(article)
    assert article.sections[0].kind == "front"
    assert "十大服务之星" in article.text[article.sections[0].start:article.sections[0].end]


def test_metadata_anchors_dates(article):
    assert article.metadata.published == "2017-11"
    assert article.metadata.publication == "淮海晚报"


# --- heading shapes beyond the seed -------------------------------------------------

BODY = "{name}今年已经在中心工作五年。{name}说，每天都要接听很多电话。同事们都很喜欢{name}。"


def _article(*blocks: str) -> str:
    return "标题：测试文章\n\n导语一段，介绍活动的背景。\n\n" + "\n\n".join(blocks) + "\n"


@pytest.mark.parametrize("heading, role, name, headline", [
    ("话务员李小红：用心服务", "话务员", "李小红", "用心服务"),
    ("话务员李小红:用心服务", "话务员", "李小红", "用心服务"),
    ("李小红：用心服务", None, "李小红", "用心服务"),
    ("用心服务——话务员李小红", "话务员", "李小红", "用心服务"),
    ("一、回访员张伟：做好细节", "回访员", "张伟", "做好细节"),
    ("主任李强：一心为民", "主任", "李强", "一心为民"),
])
def test_heading_shapes(heading, role, name, headline):
    text = _article(heading + "\n" + BODY.format(name=name), "质检员王芳：严肃认真\n" + BODY.format(name="王芳"))
    article = parse_article(text, Metadata(id="t"))
    first = article.profiles[0]
    assert (first.role, first.name, first.headline) == (role, name, headline)
    assert article.profiles[1].name == "王芳"
    assert_tiles(article)


def test_a_line_opened_by_a_vertical_bar_is_a_heading():
    # Web pages mark a subheading with a bar; UNIT ROLE NAME, spaced, is the person's.
    text = _article("| 某市火车站客运车间 值班员 李小红\n" + BODY.format(name="李小红"),
                    "｜北京某某物流公司 分拣员 王芳\n" + BODY.format(name="王芳"))
    article = parse_article(text, Metadata(id="t"))
    assert [p.name for p in article.profiles] == ["李小红", "王芳"]
    assert all(p.rule.startswith("bar:") for p in article.profiles)
    assert_tiles(article)
    # a bar between two parts of a title is no heading mark
    from analysis.headings import heading_shape

    assert heading_shape("百姓说新年 | 一年将尽夜") is None
    assert heading_shape("| 某市火车站客运车间 值班员 李小红").shape == "bar"


def test_role_only_heading_takes_the_name_from_the_body():
    text = _article("质检员：工作严肃生活暖心\n" + BODY.format(name="王燕"))
    profile = parse_article(text, Metadata(id="t")).profiles[0]
    assert (profile.role, profile.name, profile.headline) == ("质检员", "王燕", "工作严肃生活暖心")


def test_heading_broken_over_two_lines():
    text = _article("话务员李小红：\n用心服务\n" + BODY.format(name="李小红"))
    article = parse_article(text, Metadata(id="t"))
    profile = article.profiles[0]
    assert (profile.role, profile.name, profile.headline) == ("话务员", "李小红", "用心服务")
    assert article.body(profile).startswith("李小红今年")


def test_name_must_recur_in_the_body():
    # "服务" after a role-like prefix is not a person: nothing in the body confirms a name.
    text = _article("热线：服务很贴心\n今天的市民来电很多，大家都很忙碌。")
    with pytest.warns(ArticleWarning, match="no profile headings"):
        article = parse_article(text, Metadata(id="t"))
    assert [s.kind for s in article.sections] == ["body"]
    assert_tiles(article)


# --- lossless: property test ---------------------------------------------------------

han = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
names = st.tuples(st.sampled_from("王李张刘陈杨黄赵周吴"), st.text(han, min_size=1, max_size=2)).map("".join)
roles = st.sampled_from(["话务员", "接线员", "质检员", "回访组组长", ""])
sentences = st.text(han, min_size=8, max_size=40).map(lambda s: s + "。")
junk = st.text(st.sampled_from("，。“”\n\r 　abc123１２３"), max_size=12)


@st.composite
def articles(draw):
    blocks = [draw(st.text(han, min_size=3, max_size=20))]
    for _ in range(draw(st.integers(0, 4))):
        name = draw(names)
        body = name + draw(sentences) + draw(junk) + name + draw(sentences)
        blocks.append(draw(roles) + name + draw(st.sampled_from([":", "："])) + draw(st.text(han, min_size=2, max_size=10)) + "\n" + body)
    separator = draw(st.sampled_from(["\n\n", "\r\n\r\n", "\n"]))
    return draw(junk) + separator.join(blocks) + draw(junk)


@settings(max_examples=150, deadline=None)
@given(articles())
def test_sections_always_tile_the_text(text):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ArticleWarning)
        article = parse_article(text, Metadata(id="t"))
    assert_tiles(article)
    for profile in article.profiles:
        assert isinstance(profile, Profile)
        assert profile.start <= profile.heading_start < profile.heading_end <= profile.body_start <= profile.body_end <= profile.end
        # The subject's name is evidence in the section: in its heading, or (a heading that names
        # no one, or only a role) in its body.
        where = profile.heading_end if profile.rule.endswith(("name-in-body", "by-ner")) else profile.end
        assert profile.name in article.text[profile.heading_start:where]


# --- input robustness ----------------------------------------------------------------

def _write(tmp_path, data: bytes, name="a.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_encodings_give_the_same_profiles(article, tmp_path, encoding):
    path = _write(tmp_path, article.text.encode(encoding))
    other = load_article(path)
    assert [(p.role, p.name, p.headline) for p in other.profiles] == [(p.role, p.name, p.headline) for p in article.profiles]
    assert other.text == article.text


def test_crlf_line_endings_keep_profiles_and_tile(article, tmp_path):
    other = load_article(_write(tmp_path, article.text.replace("\n", "\r\n").encode("utf-8")))
    assert [p.name for p in other.profiles] == [p.name for p in article.profiles]
    assert_tiles(other)
    assert all("\r" not in other.body(p) for p in other.profiles if "\n" not in other.body(p))


@pytest.mark.parametrize("data, message", [
    (b"", "empty"),
    (b"   \n\n", "empty"),
    (b"Hello world, this is English.", "no Chinese"),
    (bytes(range(128, 256)) * 20, "cannot read"),
])
def test_bad_input_gets_a_clear_error(tmp_path, data, message):
    with pytest.raises(InputError, match=message) as caught:
        load_article(_write(tmp_path, data))
    assert "a.txt" in str(caught.value)


def test_missing_file_error_names_the_path(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_article(tmp_path / "missing.txt")


def test_corpus_folder_without_meta_uses_its_single_text(article, tmp_path):
    folder = tmp_path / "story"
    folder.mkdir()
    _write(folder, article.text.encode("utf-8"), "text.txt")
    loaded = load_article(folder)
    assert loaded.id == "story" and len(loaded.profiles) == 9
