import pytest

from analysis import load_article
from analysis.segment import get_segmenter, tokenize


@pytest.fixture(scope="session")
def article():
    return load_article()


@pytest.fixture(scope="session")
def tokens(article):
    return tokenize(article, get_segmenter("jieba"))
