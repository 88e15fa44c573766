"""The theme codebook: a YAML file that editors read and edit, parsed into a small rule AST.

A theme has an `id`, a Chinese `label`, a one-line `description`, an optional `parent` and a
list of `rules`; a sentence belongs to the theme when any rule matches it. A rule is a mapping
with exactly one operator (modelled on KH Coder's coding rules and quanteda's dictionaries):

    any:  [耐心, 细心]            any of the items (a plain string is a term: one whole token)
    all:  [委屈, 市民]            every item within the same sentence
    not:  不耐心                  the item must not occur in the sentence
    near: [工单, 派发, 5]          the two items within 5 tokens of each other, in one sentence
    text: 话毕单成                 a literal string in the normalised sentence text, however
                                   jieba segmented it (KH Coder's 'string'); a list means any of
    term: 耐心                     the explicit form of a plain string

Items of `any`/`all` are strings (terms) or nested rule mappings; `near` takes two atoms (a term,
`{text: ...}`, or a list of them meaning any of) and a positive window. Parsing never evaluates
code: the YAML becomes the dataclasses below, or an InputError naming the file, the theme and
the reason.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from .errors import InputError
from .safeyaml import load_yaml_file
from .text import normalize_string

DEFAULT_CODEBOOK = "codebook.yaml"
OPERATORS = ("any", "all", "not", "near", "text", "term")


@dataclass(frozen=True)
class Term:
    """A whole token whose normalised form equals `text`."""
    text: str


@dataclass(frozen=True)
class Literal:
    """A string anywhere in the normalised sentence text, across token boundaries."""
    text: str


Atom = Term | Literal


@dataclass(frozen=True)
class AnyOf:
    items: tuple[Rule, ...]


@dataclass(frozen=True)
class AllOf:
    items: tuple[Rule, ...]


@dataclass(frozen=True)
class Not:
    item: Rule


@dataclass(frozen=True)
class Near:
    left: tuple[Atom, ...]  # any of these ...
    right: tuple[Atom, ...]  # ... within `window` tokens of any of these
    window: int


Rule = Term | Literal | AnyOf | AllOf | Not | Near


@dataclass(frozen=True)
class Theme:
    id: str
    label: str
    description: str
    parent: str | None
    rules: tuple[Rule, ...]


@dataclass(frozen=True)
class Codebook:
    themes: tuple[Theme, ...]
    source: str

    def theme(self, theme_id: str) -> Theme:
        for theme in self.themes:
            if theme.id == theme_id:
                return theme
        raise KeyError(theme_id)

    def children(self, theme_id: str) -> tuple[Theme, ...]:
        return tuple(t for t in self.themes if t.parent == theme_id)

    def atoms(self) -> set[Atom]:
        """Every term and literal string in the codebook: what the one matching pass looks for."""
        return {atom for theme in self.themes for rule in theme.rules for atom in rule_atoms(rule)}


class RuleError(ValueError):
    """A rule that cannot be parsed; the loader adds the file and the theme."""


def rule_atoms(rule: Rule) -> Iterator[Atom]:
    if isinstance(rule, (Term, Literal)):
        yield rule
    elif isinstance(rule, (AnyOf, AllOf)):
        for item in rule.items:
            yield from rule_atoms(item)
    elif isinstance(rule, Not):
        yield from rule_atoms(rule.item)
    else:
        yield from rule.left
        yield from rule.right


def default_codebook_path() -> Path:
    return Path(str(resources.files("analysis.data").joinpath(DEFAULT_CODEBOOK)))


def load_codebook(path: str | Path | None = None) -> Codebook:
    """Read and validate a codebook file (default: the bundled analysis/data/codebook.yaml)."""
    path = Path(path) if path is not None else default_codebook_path()
    if not path.is_file():
        raise InputError(f"{path}: no such codebook file; give the path of a YAML codebook (see the README)")
    stat = path.stat()
    return _read_codebook(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _read_codebook(path: Path, mtime_ns: int, size: int) -> Codebook:
    """Parse once per file version (the key has its mtime and size): a batch reads it per article.
    Errors are not cached, so a fixed file is read again."""
    return parse_codebook(load_yaml_file(path, "fix the codebook"), str(path))


def parse_codebook(data: object, source: str = "<codebook>") -> Codebook:
    """Validate parsed YAML and build the codebook; every error names `source` and the theme."""
    if not isinstance(data, dict) or not isinstance(data.get("themes"), list) or not data["themes"]:
        raise InputError(f"{source}: expected a mapping with a non-empty 'themes:' list; fix the codebook")
    themes: list[Theme] = []
    seen: set[str] = set()
    for number, entry in enumerate(data["themes"], 1):
        theme = _parse_theme(entry, number, source)
        if theme.id in seen:
            raise InputError(f"{source}: theme {theme.id!r}: duplicate id; give each theme its own id")
        seen.add(theme.id)
        themes.append(theme)
    for theme in themes:
        if theme.parent is not None and theme.parent not in seen:
            raise InputError(f"{source}: theme {theme.id!r}: unknown parent {theme.parent!r}; "
                             f"use the id of another theme in this file")
    _check_no_cycles(themes, source)
    return Codebook(tuple(themes), source)


def _parse_theme(entry: object, number: int, source: str) -> Theme:
    if not isinstance(entry, dict):
        raise InputError(f"{source}: theme #{number}: expected a mapping (id, label, description, rules)")
    theme_id = entry.get("id")
    if not isinstance(theme_id, str) or not theme_id.strip():
        raise InputError(f"{source}: theme #{number}: missing 'id'; give every theme a short id")
    where = f"{source}: theme {theme_id!r}"
    unknown = set(entry) - {"id", "label", "description", "parent", "rules"}
    if unknown:
        raise InputError(f"{where}: unknown field(s) {sorted(map(str, unknown))}; use id, label, description, parent, rules")
    label = entry.get("label")
    if not isinstance(label, str) or not label.strip():
        raise InputError(f"{where}: missing 'label'; give the theme a Chinese label")
    parent = entry.get("parent")
    if parent is not None and not isinstance(parent, str):
        raise InputError(f"{where}: 'parent' must be a theme id")
    rules = entry.get("rules")
    if not isinstance(rules, list) or not rules:
        raise InputError(f"{where}: 'rules' must be a non-empty list of rules")
    parsed = []
    for rule in rules:
        try:
            parsed.append(parse_rule(rule))
            _check_positive(parsed[-1])
        except RuleError as error:
            raise InputError(f"{where}: invalid rule {_show(rule)}: {error}") from None
    return Theme(theme_id, label.strip(), str(entry.get("description") or "").strip(), parent, tuple(parsed))


def parse_rule(node: object) -> Rule:
    """One YAML node -> rule AST. Strings are terms; mappings hold exactly one operator."""
    if isinstance(node, str):
        return Term(_clean(node))
    if isinstance(node, (int, float)) and not isinstance(node, bool):
        return Term(_clean(str(node)))  # 12345 written without quotes
    if not isinstance(node, dict):
        raise RuleError(f"expected a term or a mapping with one of {', '.join(OPERATORS)}")
    if len(node) != 1:
        raise RuleError(f"a rule mapping holds exactly one operator ({', '.join(OPERATORS)}), got {sorted(map(str, node))}")
    (operator, value), = node.items()
    if operator in ("any", "all"):
        if not isinstance(value, list) or not value:
            raise RuleError(f"'{operator}' takes a non-empty list")
        items = tuple(parse_rule(item) for item in value)
        return AnyOf(items) if operator == "any" else AllOf(items)
    if operator == "not":
        return Not(parse_rule(value))
    if operator in ("text", "term"):
        kind = Literal if operator == "text" else Term
        values = value if isinstance(value, list) else [value]
        if not values or not all(isinstance(v, (str, int)) and not isinstance(v, bool) for v in values):
            raise RuleError(f"'{operator}' takes a string or a list of strings")
        atoms = tuple(kind(_clean(str(v), spaces=operator == "text")) for v in values)
        return atoms[0] if len(atoms) == 1 else AnyOf(atoms)
    if operator == "near":
        if not isinstance(value, list) or len(value) != 3:
            raise RuleError("'near' takes [a, b, n]: two items and a window in tokens")
        window = value[2]
        if isinstance(window, bool) or not isinstance(window, int) or window < 1:
            raise RuleError(f"the window of 'near' must be a whole number of tokens >= 1, got {window!r}")
        return Near(_near_operand(value[0]), _near_operand(value[1]), window)
    raise RuleError(f"unknown operator {operator!r}; use one of {', '.join(OPERATORS)}")


def _near_operand(node: object) -> tuple[Atom, ...]:
    if isinstance(node, list) and node:
        node = {"any": node}
    rule = parse_rule(node)
    if isinstance(rule, (Term, Literal)):
        return (rule,)
    if isinstance(rule, AnyOf) and all(isinstance(item, (Term, Literal)) for item in rule.items):
        return rule.items  # type: ignore[return-value]
    raise RuleError("the items of 'near' must be terms, {text: ...} or lists of them")


def _clean(value: str, spaces: bool = False) -> str:
    text = normalize_string(value).strip()
    if not text:
        raise RuleError("empty term")
    if not spaces and any(ch.isspace() for ch in text):
        raise RuleError(f"term {value!r} contains white space; a term is one word, use text: for a phrase")
    return text


def _check_positive(rule: Rule) -> None:
    """A rule must be able to point at something: NOT alone would match every sentence."""
    if not _has_positive(rule):
        raise RuleError("it has nothing to find outside 'not' (a rule made only of 'not' matches every sentence)")


def _has_positive(rule: Rule) -> bool:
    if isinstance(rule, Not):
        return False
    if isinstance(rule, AnyOf):
        return all(_has_positive(item) for item in rule.items)
    if isinstance(rule, AllOf):
        return any(_has_positive(item) for item in rule.items)
    return True


def _check_no_cycles(themes: list[Theme], source: str) -> None:
    parents = {t.id: t.parent for t in themes}
    for theme in themes:
        seen, current = {theme.id}, theme.parent
        while current is not None:
            if current in seen:
                raise InputError(f"{source}: theme {theme.id!r}: its parents form a cycle; a theme cannot be its own ancestor")
            seen.add(current)
            current = parents[current]


def _show(rule: object) -> str:
    shown = " ".join(yaml.safe_dump(rule, allow_unicode=True, default_flow_style=True, width=10**6).split())
    return shown if len(shown) <= 120 else shown[:117] + "..."  # the error stays one short line


def describe_rule(rule: Rule) -> str:
    """A rule in one line, KH Coder style, for the README table and the editors: 耐心 | 细心,
    near(当天, 派发|完成, 6), '话毕单成' (a literal string), !'不理解' (NOT)."""
    if isinstance(rule, Term):
        return rule.text
    if isinstance(rule, Literal):
        return f"'{rule.text}'"
    if isinstance(rule, AnyOf):
        return " | ".join(describe_rule(item) for item in rule.items)
    if isinstance(rule, AllOf):
        return " & ".join(_grouped(item) for item in rule.items)
    if isinstance(rule, Not):
        return f"!{_grouped(rule.item)}"
    left = "|".join(describe_rule(a) for a in rule.left)
    right = "|".join(describe_rule(a) for a in rule.right)
    return f"near({left}, {right}, {rule.window})"


def _grouped(rule: Rule) -> str:
    text = describe_rule(rule)
    return f"({text})" if isinstance(rule, AnyOf) and len(rule.items) > 1 else text
