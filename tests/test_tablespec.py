"""One description per table: every marked builder is listed, its rows have the listed columns,
spans are declared wherever a table has them, and the README's schema section is the spec's."""
import importlib
import pkgutil
from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis.corpus import Metadata, parse_article
from analysis.pipeline import all_tables, analyse
from analysis.tablespec import BY_NAME, TABLES, SchemaMismatch, TableSpec, columns, update_readme

ROOT = Path(__file__).resolve().parent.parent
SMALL = ("城市热线\n\n话务员王小红：耐心听完每一句\n"
         "王小红2015年加入热线，每天接听200到300个电话。她说：“群众的事没有小事，我们要耐心。”\n\n"
         "淮海晚报记者 李明")


def marked_builders() -> dict[str, str]:
    """Every function under analysis/ marked with @table: table name -> "module:function"."""
    found = {}
    for module_info in pkgutil.walk_packages(analysis.__path__, "analysis."):
        if module_info.name.endswith("__main__"):
            continue
        module = importlib.import_module(module_info.name)
        for attribute, value in vars(module).items():
            name = getattr(value, "table_name", None)
            if callable(value) and isinstance(name, str) and getattr(value, "__module__", None) == module.__name__:
                found[name] = f"{module_info.name.removeprefix('analysis.')}:{attribute}"
    return found


def test_every_marked_table_is_listed_once_with_its_builder():
    assert len(BY_NAME) == len(TABLES)
    assert marked_builders() == {spec.name: spec.builder for spec in TABLES}


@pytest.fixture(scope="module", params=["bundled", "small"])
def analysed(request, article):
    return analyse(article if request.param == "bundled" else parse_article(SMALL, Metadata(id="small",
                                                                                          published="2017-11")))


@pytest.mark.parametrize("spec", TABLES, ids=lambda s: s.name)
def test_builder_rows_have_exactly_the_spec_columns(analysed, spec):
    rows = spec.function.rows(analysed)
    frame = rows if isinstance(rows, pd.DataFrame) else pd.DataFrame(list(rows))
    if len(frame):
        assert set(frame.columns) - {"article_id"} == set(spec.names) - {"article_id"}
    built = spec.build(analysed)
    assert list(built.columns) == spec.names and spec.names[0] == "article_id"
    assert {c: str(t) for c, t in built.dtypes.items()} == {c.name: c.dtype for c in spec.columns}


def test_tables_are_built_in_spec_order_and_keep_types_when_empty(article):
    assert list(all_tables(analyse(article))) == [spec.name for spec in TABLES]
    for spec in TABLES:
        empty = spec.empty()
        assert len(empty) == 0 and [str(t) for t in empty.dtypes] == [c.dtype for c in spec.columns]


def test_a_builder_that_disagrees_with_its_spec_fails():
    spec = TableSpec("t", "x:y", columns("article_id a b:int64"))
    assert list(spec.conform([{"a": "x", "b": 1}], "art").iloc[0]) == ["art", "x", 1]
    with pytest.raises(SchemaMismatch, match="table t"):
        spec.conform([{"a": "x", "c": 1}], "art")
    with pytest.raises(ValueError, match="unknown type"):
        columns("a:integer")


@pytest.mark.parametrize("spec", TABLES, ids=lambda s: s.name)
def test_every_span_column_pair_is_declared(spec):
    """A table with start/end columns names them as a span, so the fuzz test checks their evidence."""
    names = spec.names
    starts = {n for n in names if n == "start" or n.endswith("_start")}
    assert starts == {span.start for span in spec.spans}
    for span in spec.spans:
        assert {span.start, span.end} <= set(names)
        assert {span.equals, span.within} - {None} <= set(names)
    assert spec.section is None or spec.section in names


def test_readme_schema_section_is_generated_from_the_spec():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert update_readme(readme) == readme, "run: python -m analysis.tablespec README.md"
