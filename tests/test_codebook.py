"""The codebook's rule language: parsing into the AST, and every kind of invalid codebook."""
import pytest
import yaml

from analysis.codebook import (AllOf, AnyOf, Literal, Near, Not, Term, load_codebook, parse_codebook,
                               parse_rule)
from analysis.errors import InputError


def test_rules_parse_into_the_ast():
    assert parse_rule("耐心") == Term("耐心")
    assert parse_rule({"text": "话毕单成"}) == Literal("话毕单成")
    assert parse_rule({"any": ["耐心", {"text": "细心"}]}) == AnyOf((Term("耐心"), Literal("细心")))
    assert parse_rule({"all": ["委屈", {"not": "满意"}]}) == AllOf((Term("委屈"), Not(Term("满意"))))
    assert parse_rule({"near": ["工单", ["派发", {"text": "完成"}], 5]}) == \
        Near((Term("工单"),), (Term("派发"), Literal("完成")), 5)


def test_terms_are_nfkc_normalised():
    assert parse_rule({"text": "２４小时"}) == Literal("24小时")
    assert parse_rule(12345) == Term("12345")


def test_bundled_codebook_is_valid_and_nested():
    codebook = load_codebook()
    assert len(codebook.themes) >= 12
    children = {t.label for t in codebook.children("four_hearts")}
    assert children == {"耐心", "细心", "用心", "爱心"}
    assert codebook.theme("four_hearts").label == "四心"


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data):
        return True


def _write(tmp_path, themes):
    path = tmp_path / "book.yaml"
    # Written out in full: shared objects would become YAML aliases, which codebooks refuse.
    path.write_text(yaml.dump({"themes": themes}, Dumper=_NoAliases, allow_unicode=True), encoding="utf-8")
    return path


GOOD = {"id": "ok", "label": "好", "rules": [{"any": ["好"]}]}


@pytest.mark.parametrize("theme, reason", [
    ({"id": "bad", "label": "坏", "rules": [{"nearby": ["a", "b"]}]}, "unknown operator 'nearby'"),
    ({"id": "bad", "label": "坏", "rules": [{"near": ["a", "b", 0]}]}, "window of 'near'"),
    ({"id": "bad", "label": "坏", "rules": [{"near": ["a", "b"]}]}, "'near' takes [a, b, n]"),
    ({"id": "bad", "label": "坏", "rules": [{"near": [{"all": ["a", "b"]}, "c", 3]}]}, "items of 'near'"),
    ({"id": "bad", "label": "坏", "rules": [{"not": "a"}]}, "nothing to find outside 'not'"),
    ({"id": "bad", "label": "坏", "rules": [{"all": [{"not": "a"}, {"not": "b"}]}]}, "nothing to find"),
    ({"id": "bad", "label": "坏", "rules": [{"any": []}]}, "non-empty list"),
    ({"id": "bad", "label": "坏", "rules": [{"any": ["a"], "all": ["b"]}]}, "exactly one operator"),
    ({"id": "bad", "label": "坏", "rules": [{"any": ["两个 词"]}]}, "white space"),
    ({"id": "bad", "label": "坏", "rules": []}, "non-empty list of rules"),
    ({"id": "bad", "rules": [{"any": ["a"]}]}, "missing 'label'"),
    ({"id": "bad", "label": "坏", "colour": "red", "rules": [{"any": ["a"]}]}, "unknown field"),
])
def test_invalid_rules_name_the_file_the_theme_and_the_reason(tmp_path, theme, reason):
    path = _write(tmp_path, [GOOD, theme])
    with pytest.raises(InputError) as error:
        load_codebook(path)
    message = str(error.value)
    assert str(path) in message and "'bad'" in message and reason in message


def test_duplicate_id(tmp_path):
    path = _write(tmp_path, [GOOD, dict(GOOD)])
    with pytest.raises(InputError, match=r"theme 'ok': duplicate id"):
        load_codebook(path)


def test_unknown_parent(tmp_path):
    path = _write(tmp_path, [GOOD, {"id": "kid", "label": "子", "parent": "nobody", "rules": ["子"]}])
    with pytest.raises(InputError, match=r"theme 'kid': unknown parent 'nobody'"):
        load_codebook(path)


def test_parent_cycle(tmp_path):
    path = _write(tmp_path, [{"id": "a", "label": "甲", "parent": "b", "rules": ["甲"]},
                             {"id": "b", "label": "乙", "parent": "a", "rules": ["乙"]}])
    with pytest.raises(InputError, match="cycle"):
        load_codebook(path)


def test_not_yaml_and_not_a_codebook(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("themes: [\n", encoding="utf-8")
    with pytest.raises(InputError, match="not valid YAML"):
        load_codebook(broken)
    with pytest.raises(InputError, match="'themes:' list"):
        parse_codebook({"theme": []}, "x.yaml")
    with pytest.raises(InputError, match="no such codebook"):
        load_codebook(tmp_path / "missing.yaml")


def test_readme_publishes_every_theme_of_the_bundled_codebook():
    from pathlib import Path

    from analysis.codebook import describe_rule

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for theme in load_codebook().themes:
        row = next((line for line in readme.splitlines() if line.startswith(f"| `{theme.id}` |")), None)
        assert row is not None, f"README lacks the codebook row of {theme.id}"
        assert theme.label in row
        for rule in theme.rules:
            assert describe_rule(rule).replace("|", "\\|") in row, f"README's rules of {theme.id} are out of date"


def test_describe_rule():
    from analysis.codebook import describe_rule

    assert describe_rule(parse_rule({"all": [{"any": ["a", "b"]}, {"not": {"text": "c"}}]})) == "(a | b) & !'c'"
    assert describe_rule(parse_rule({"near": ["a", ["b", {"text": "c"}], 3]})) == "near(a, b|'c', 3)"
