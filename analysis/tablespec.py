"""Every table the pipeline writes, described once: name, builder, columns and types, spans, CLI verb.

CSV (`report`), Parquet (`batch`), the command line's `--json`, the README's schema section and the
span tests all read `TABLES`. A builder is a function of an `Analysis` marked `@table(name)` in its
module; it returns rows (dicts) or a DataFrame, and `TableSpec.build` turns them into a frame with
exactly the spec's columns, in order, with its types (an empty table keeps its types too).

A new extractor is its module plus one line here. `tests/test_tablespec.py` fails when a module
marks a table that is not listed here, or when a builder's rows do not have the listed columns.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import pyarrow as pa
from pandas.arrays import ArrowStringArray

if TYPE_CHECKING:
    from .pipeline import Analysis

# Column types, by their pandas names; every table starts with `article_id`.
DTYPES = {"str", "int64", "Int64", "float64", "bool"}  # Int64: integers that may be empty
_NUMPY = {"int64": np.int64, "float64": np.float64, "bool": np.bool_}  # the rest are pandas arrays


_STR = pd.StringDtype(na_value=np.nan)  # pandas' "str": text in a pyarrow array, missing is NaN


def _column(values: list, dtype: str):
    """One column of a table, typed as `pd.array(values, dtype)` or `np.array` would type it."""
    numpy_type = _NUMPY.get(dtype)
    if numpy_type:
        return np.array(values, dtype=numpy_type)
    if dtype == "str":
        try:  # str and None only: pyarrow takes them as they are, in a third of pd.array's time
            return ArrowStringArray(pa.array(values, type=pa.large_string()), dtype=_STR)
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            pass  # something else (a number, NaN): pandas converts it
    elif dtype == "Int64" and all(type(v) is int or v is None for v in values):
        # ints and None only (not bool, not float): the masked array directly, a fifth of the time
        missing = np.fromiter((v is None for v in values), bool, len(values))
        data = np.fromiter((0 if v is None else v for v in values), np.int64, len(values))
        return pd.arrays.IntegerArray(data, missing)
    return pd.array(values, dtype=dtype)


class SchemaMismatch(TypeError):
    """A builder returned columns its spec does not list (a bug in the code, not in the input)."""


@dataclass(frozen=True)
class Column:
    name: str
    dtype: str = "str"


@dataclass(frozen=True)
class Span:
    """A [start, end) pair of columns: offsets into `article.original` (the text as received).

    `equals`: the column that holds the span's evidence, exactly `article.original[start:end]` in a
    printed table (`as_printed`) and `article.analysed(start, end)` (what the analysis read) in the
    others, the same as `article.text[start:end]` unless the copy has pinyin glosses; `within`: a
    column that contains it (its sentence). `in_section`: the span lies inside the row's section. Rows whose
    start is empty (not known) are not checked.
    """
    start: str = "start"
    end: str = "end"
    equals: str | None = None
    within: str | None = None
    in_section: bool = True


@dataclass(frozen=True)
class TableSpec:
    name: str  # the file name: <name>.csv, <name>.parquet
    builder: str  # "module:function" under analysis/, imported when first built
    columns: tuple[Column, ...]
    spans: tuple[Span, ...] = ()
    section: str | None = "section_id"  # the column naming the section every row belongs to
    verb: str | None = None  # `python -m analysis VERB --json` prints this table's rows
    about: str = ""  # what a row is, for --help and the README
    note: str = ""  # details for the README
    as_printed: bool = False  # names and quotations in the article's own script (analysis/printed.py)
    evidence_json: str | None = None  # a JSON column of {sentence, start, end, marks} records, spans inside

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    @cached_property
    def function(self) -> Callable[[Analysis], Any]:
        module, _, attribute = self.builder.partition(":")
        return getattr(importlib.import_module(f"analysis.{module}"), attribute)

    def build(self, analysis: Analysis) -> pd.DataFrame:
        return self.function(analysis)  # a function marked @table gives the conformed table

    def conform(self, rows: pd.DataFrame | Iterable[dict], article_id: str) -> pd.DataFrame:
        """The rows as a frame with exactly this spec's columns and types; `article_id` added first."""
        if not isinstance(rows, pd.DataFrame):
            rows = rows if isinstance(rows, list) else list(rows)
            # An empty table (most tables of a news article: no slogans, no profiles ...) is a copy
            # of one built once: building it cost 0.3-0.5 ms, copying it 0.04.
            return self._from_rows(rows, article_id) if rows else self._no_rows.copy()
        frame = rows
        if "article_id" not in frame.columns:
            frame = frame.copy(deep=False)  # a builder's frame may be shared (per_analysis): never change it
            frame.insert(0, "article_id", article_id)
        self._check(set(frame.columns) if len(frame) or len(frame.columns) > 1 else set(self.names))
        frame = frame.reindex(columns=self.names) if list(frame.columns) != self.names else frame
        have = dict(zip(frame.columns, map(str, frame.dtypes)))  # one dtypes Series, not a Series per column
        types = {c.name: c.dtype for c in self.columns if have[c.name] != c.dtype}
        return frame.astype(types) if types else frame

    @cached_property
    def _no_rows(self) -> pd.DataFrame:
        return self._from_rows([], "")

    def _from_rows(self, rows: list[dict], article_id: str) -> pd.DataFrame:
        # Column by column, each typed as it is built: about three times faster than a frame of
        # records cast afterwards. Building the 22 small frames of an article was still about a
        # quarter of every table's time on news (10 ms of 38 per article): text columns go
        # through pyarrow directly (`_column`), and the frame is made from the dict alone (its
        # order is the spec's), which halved it.
        given = set().union(*rows) if rows else set(self.names)
        given.add("article_id")
        self._check(given)
        data = {}
        for column in self.columns:
            if column.name == "article_id" and rows and "article_id" not in rows[0]:
                values = [article_id] * len(rows)
            else:
                values = [row[column.name] for row in rows]
            data[column.name] = _column(values, column.dtype)
        return pd.DataFrame(data, copy=False)

    def _check(self, given: set[str]) -> None:
        names = set(self.names)
        if given != names:
            raise SchemaMismatch(f"table {self.name}: builder {self.builder} gave columns {sorted(given - names)} "
                                 f"not in its spec and lacks {sorted(names - given)}; "
                                 "make the builder and analysis/tablespec.py agree")

    def empty(self) -> pd.DataFrame:
        return self.conform([], "")

    def arrow_schema(self):
        """The Parquet schema (with pandas' metadata, so that Int64 columns read back as Int64)."""
        import pyarrow as pa

        return pa.Schema.from_pandas(self.empty(), preserve_index=False)


def rows(items: Iterable[Any]) -> list[dict]:
    """Dataclass items as table rows, field by field; an item's `profile_id` is the row's `section_id`."""
    result = []
    for item in items:
        row = dict(item.__dict__)
        if "profile_id" in row:
            row["section_id"] = row.pop("profile_id")
        result.append(row)
    return result


def columns(text: str) -> tuple[Column, ...]:
    """`"article_id quote_id start:int64"`: names separated by spaces, `:dtype` where not str."""
    result = []
    for item in text.split():
        name, _, dtype = item.partition(":")
        if (dtype or "str") not in DTYPES:
            raise ValueError(f"column {name}: unknown type {dtype!r}; use one of {sorted(DTYPES)}")
        result.append(Column(name, dtype or "str"))
    return tuple(result)


TEXT = Span(equals="text")

TABLES: tuple[TableSpec, ...] = (
    TableSpec("profiles", "pipeline:_profiles",
              columns("article_id id role name headline subject_kind rule reporters start:int64 end:int64 text chars:int64"),
              (Span(),), section="id", verb="profiles", about="one per profile: role, name, headline, span, body",
              note="text is the profile body; subject_kind person or team; rule what decided it; reporters the "
                   "section's own reporter line", as_printed=True),
    TableSpec("sections", "pipeline:_sections",
              columns("article_id section_id kind rule subject_kind name title start:int64 end:int64 text"),
              (Span(equals="text"),), section="section_id",
              note="one row per part, tiling the text; kind front, profile, section, body, byline or a "
                   "non-body kind (editor_note, caption, credit, data_source, reporter, chrome)"),
    TableSpec("tokens", "pipeline:_tokens",
              columns("article_id section_id sentence_index:int64 text norm pos start:int64 end:int64 stopword:bool"),
              (TEXT,), section="section_id", verb="tokens", about="one per token: POS tag, sentence, span"),
    TableSpec("token_counts", "pipeline:_token_counts", columns("article_id section_id norm pos count:int64"),
              section="section_id", note="without stopwords and punctuation"),
    TableSpec("theme_hits", "themes:_theme_hits",
              columns("article_id theme_id theme_label parent section_id sentence_index:int64 sentence text "
                      "start:int64 end:int64"),
              (Span(equals="text", within="sentence"),), verb="themes",
              about="codebook theme hits: theme, section, sentence, matched text and span",
              note="one row per matched occurrence; parents repeat their children's hits"),
    TableSpec("theme_matrix", "themes:_theme_matrix",
              columns("article_id theme_id theme_label parent section_id name count:int64 chars:int64 "
                      "rate_per_1000:float64"),
              note="every theme × profile, zeros included; chars = profile body length"),
    TableSpec("slogans", "discover:_slogans_table",
              columns("article_id label members section_id start:int64 end:int64 evidence_start:int64 "
                      "evidence_end:int64"),
              (Span(equals="label"), Span("evidence_start", "evidence_end", in_section=False)), verb="slogans",
              about="numbered slogans (四心) resolved to their members, with spans",
              note="members 、-joined; evidence = the enumeration resolved from"),
    TableSpec("enumerations", "discover:_enumerations_table",
              columns("article_id items shared kind section_id start:int64 end:int64"), (Span(),), verb="enumerations",
              about="enumerations and parallel clauses: items, what they share, span",
              note="items 、-joined; `kind` is `list` (、), `frame` (the slots of parallel clauses) or `parallel` (，-clauses)"),
    TableSpec("quoted_terms", "discover:_quoted_terms_table", columns("article_id term section_id start:int64 end:int64"),
              (Span(equals="term"),), note="span of the phrase inside the quotation marks"),
    TableSpec("morpheme_families", "discover:_families_table",
              columns("article_id morpheme word section_id count:int64")),
    TableSpec("idioms", "discover:_idioms_table", columns("article_id idiom section_id start:int64 end:int64"),
              (Span(equals="idiom"),)),
    TableSpec("keywords", "keywords:_keywords_table",
              columns("article_id section_id method term score:float64 rank:int64"), verb="keywords",
              about="per section: ranked terms by TF-IDF and TextRank", note="method `tfidf` or `textrank`, top 10 each"),
    TableSpec("keyness", "keywords:_keyness_table",
              columns("article_id section_id term count:int64 section_words:int64 reference_per_million:float64 "
                      "g2:float64 log_ratio:float64 reliable:bool"), verb="keyness",
              about="per section: terms more frequent there than in ordinary Chinese (G2 against wordfreq's "
                    "Chinese word list)",
              note="`reliable`: at least 3 occurrences and G2 >= 15.13 (p < 0.0001)"),
    TableSpec("candidates", "candidates:_candidates_table",
              columns("article_id candidate_id label type score:float64 total:int64 counts first:bool signal evidence"),
              section=None,
              note="first: listed before 更多; signal: why a family or keyword is; counts: JSON `{section_id: n}`; evidence: JSON list of up to 2 "
                   "`{section_id, sentence, start, end, marks: [[s, e], …]}`", evidence_json="evidence"),
    TableSpec("candidate_hits", "candidates:_candidate_hits_table",
              columns("article_id candidate_id type section_id sentence_index:int64 text start:int64 end:int64"),
              (TEXT,), note="every occurrence of every candidate, so that a picked one is drawn from its own hits"),
    TableSpec("quotes", "quotes:quotes_table",
              columns("article_id quote_id section_id speaker speaker_description speaker_how kind text start:int64 "
                      "end:int64 repaired:bool repair_note"),
              (TEXT,), verb="quotes",
              about="quoted spans: kind (speech, term, slogan, title, list), speaker, span, repaired marks",
              note="`quote_id` is `q:<start>-<end>`, `kind` is speech, term, slogan, title or list, `speaker` a name, "
                   "`speaker_description` an unnamed speaker as written, `speaker_how` the rule that found the "
                   "speaker, `text` the words inside the marks", as_printed=True),
    TableSpec("pull_quotes", "quotes:pull_quotes_table",
              columns("article_id quote_id rank:int64 score:float64 section_id speaker text start:int64 end:int64"),
              (TEXT,), note="speech of 12–45 printable characters, best first", as_printed=True),
    TableSpec("facts", "facts:facts_table",
              columns("article_id section_id person value:float64 low:float64 high:float64 approx:bool unit counted "
                      "period sentence start:int64 end:int64"),
              (Span(within="sentence"),), verb="facts",
              about="quantities with unit, what is counted and period; ranges and approximations",
              note="`start`/`end` span the quantity as written (`200到300个左右`), `sentence` is its sentence; "
                   "`value` is null for a range, `high` null when open above (`60多`); "
                   "`person` is the person the section profiles"),
    TableSpec("dates", "dates:dates_table",
              columns("article_id section_id text kind year:Int64 month:Int64 day:Int64 hour:Int64 resolved "
                      "start:int64 end:int64"),
              (TEXT,), note="`kind` is absolute, relative or clock; `resolved` is `2016-10-03`, `2017-04`, `2012`, "
                            "`21:00` or `2016-10-03T23:00`, empty when unknown"),
    TableSpec("people", "people:people_table",
              columns("article_id person_id name role section_id sections mentions:Int64 joined_year:Int64 "
                      "joined_evidence joined_start:Int64 joined_end:Int64 years_served:Int64 served_evidence "
                      "served_start:Int64 served_end:Int64"),
              (Span("joined_start", "joined_end", equals="joined_evidence", in_section=False),
               Span("served_start", "served_end", equals="served_evidence", in_section=False)), verb="people",
              about="per named person: role, sections, the year they joined and years served (with evidence)",
              note="one row per named person of the story (not the byline); `section_id` the section whose "
                   "subject they are (empty if none), `sections` space-separated; each evidence is a sentence and "
                   "its span, all empty when unknown", as_printed=True),
    TableSpec("person_mentions", "people:person_mentions_table",
              columns("article_id person_id name text form section_id start:int64 end:int64"), (TEXT,),
              section="section_id", note="every place a person is named; `form` full, given (蓝蓝), prefix (小周), "
                                         "title (董所长) or address (乐哥)", as_printed=True),
    TableSpec("workloads", "people:workloads_table",
              columns("article_id section_id person_id name role low:float64 high:float64 approx:bool counted period "
                      "start:int64 end:int64"), (Span(),), verb="workloads",
              about="per person: quantities of work per period (每天200到300个工单)",
              note="`section_id` is the section where it is stated", as_printed=True),
)

BY_NAME: dict[str, TableSpec] = {spec.name: spec for spec in TABLES}
BY_VERB: dict[str, TableSpec] = {spec.verb: spec for spec in TABLES if spec.verb}


def spec_of(name: str) -> TableSpec:
    try:
        return BY_NAME[name]
    except KeyError:
        raise KeyError(f"table {name!r} is not listed in analysis/tablespec.py; add a TableSpec line for it") from None


# ---------------------------------------------------------------- the README's schema section

README_BLOCKS = {"tables": "the output files table", "verbs": "the command line's table verbs"}


def markdown(block: str) -> str:
    """A generated block of the README (`python -m analysis.tablespec README.md` rewrites them)."""
    if block == "tables":
        rows = ["| File | Columns (text unless `:type`) |", "| --- | --- |"]
        for spec in TABLES:
            names = ", ".join(c.name if c.dtype == "str" else f"{c.name}:{c.dtype}" for c in spec.columns)
            rows.append(f"| `{spec.name}.csv` | `{names}`" + (f"; {spec.note}" if spec.note else "") + " |")
        return "\n".join(rows)
    if block == "verbs":
        return "\n".join(f"- `{spec.verb}`: {spec.about}; the rows of `{spec.name}.csv`"
                         for spec in TABLES if spec.verb)
    raise KeyError(block)


def update_readme(text: str) -> str:
    """`text` with every generated block (between `<!-- tablespec:NAME -->` and `<!-- /tablespec:NAME -->`) rebuilt."""
    for block in README_BLOCKS:
        begin, end = f"<!-- tablespec:{block} -->", f"<!-- /tablespec:{block} -->"
        head, found, rest = text.partition(begin)
        if not found or end not in rest:
            raise ValueError(f"README: markers {begin} ... {end} not found; put them around the {README_BLOCKS[block]}")
        text = f"{head}{begin}\n{markdown(block)}\n{end}{rest.partition(end)[2]}"
    return text


if __name__ == "__main__":
    import sys
    from pathlib import Path

    readme = Path(sys.argv[1] if len(sys.argv) > 1 else "README.md")
    readme.write_text(update_readme(readme.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"updated {readme}")
