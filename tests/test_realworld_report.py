"""Issue "Read the next article": the report never crashes on a real article.

For every article of the development set (tests/data/realworld), the report's content is built as
`make report` builds it: every table, every chart drawn or skipped with its one Chinese line, the
editors' page. What is left out here is only writing the files (PDF font embedding, the notebooks),
which `tests/test_report_shapes.py` runs on articles of every shape.
"""
import warnings

import matplotlib.pyplot as plt
import pytest

from analysis.corpus import load_article
from analysis.evaluate import gold_folders, load_gold
from analysis.figures import SourceNote, Skipped
from analysis.figures.build import each_chart
from analysis.figures.write import Chart
from analysis.pipeline import all_tables, analyse
from analysis.review import editors_page

REAL = [folder for folder in gold_folders() if not load_gold(folder).bundled]


@pytest.mark.parametrize("folder", REAL, ids=[folder.name for folder in REAL])
def test_a_real_article_gives_every_table_chart_and_the_editors_page(folder):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the loader's notes on real articles are not this test's subject
        article = load_article(folder)
        tables = all_tables(analyse(article))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a chart's warning (a missing glyph, pandas' deprecations) fails it
        items = list(each_chart(tables, SourceNote.from_metadata(article.metadata)))
    assert items
    for item in items:
        if isinstance(item, Skipped):
            assert item.line.startswith("图 ") and item.line.endswith("未绘制。")
        else:
            assert isinstance(item, Chart) and len(item.data)
            plt.close(item.figure)
    page = editors_page(article.id, article.metadata.title, tables)
    assert article.id in page and "<html" in page
