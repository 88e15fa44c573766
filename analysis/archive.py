"""The archive view: many articles at once, read back from a `batch` output folder.

Like Voyant's Trends, KH Coder's document x code table and AntConc's corpus keyword list, but on
the tables `batch` already wrote (Parquet), so nothing is analysed again:

* `article_index`: one row per article (size, sections, profiles) and metadata fields, taken from
  the `articles` table when the batch wrote one, or read from the article ids with a pattern
  (THUCNews' `0001_sports` carries its category: `--field 'category=_(?P<value>[a-z]+)$'`);
* `theme_prevalence`: the share of articles in each group that mention each codebook theme;
* `article_theme_matrix`: articles x themes, mentions per 1,000 characters;
* `archive_discoveries`: slogans, quoted terms and idioms ranked by how many articles carry them;
* `article_keyness`: one article against the rest of the archive as reference corpus (G2, log
  ratio and the keyness table's small-sample guard);
* `article_table`: the article list with the path of each article's editors' page.

Every function aggregates: an archive of 10,000 articles gives tables of at most a few hundred
rows (themes x groups, ranked lists), never a plot per article.
"""
from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .concordance import read_archive
from .errors import InputError
from .keywords import MIN_EXPECTED, MIN_OBSERVED, _is_content_word, log_likelihood

ARCHIVE_TABLES = ("tokens", "token_counts", "sections", "profiles", "theme_hits", "theme_matrix",
                  "slogans", "quoted_terms", "idioms", "quotes", "articles")
ALL_GROUP = "全部"


@dataclass(frozen=True)
class FieldPattern:
    """A metadata field read from article ids: `name=REGEX`, REGEX with one group (the value)."""

    name: str
    pattern: re.Pattern

    @classmethod
    def parse(cls, spec: str) -> "FieldPattern":
        name, sep, regex = spec.partition("=")
        if not sep or not name.strip() or not regex:
            raise InputError(f"field {spec!r}: write NAME=REGEX, for example category=_([a-z]+)$")
        try:
            pattern = re.compile(regex)
        except re.error as error:
            raise InputError(f"field {spec!r}: not a valid regular expression ({error}); fix the pattern") from None
        if pattern.groups < 1:
            raise InputError(f"field {spec!r}: the pattern needs one group ( ... ) around the value")
        return cls(name.strip(), pattern)

    def value(self, article_id: str) -> str | None:
        match = self.pattern.search(article_id)
        return match.group(1) if match else None


def load_archive(folder: str | Path) -> dict[str, pd.DataFrame]:
    """The tables the archive view reads (those the batch wrote)."""
    return read_archive(folder, ARCHIVE_TABLES)


def article_index(tables: Mapping[str, pd.DataFrame], fields: tuple[FieldPattern, ...] = ()) -> pd.DataFrame:
    """One row per article: chars, sections, profiles, and metadata fields."""
    sections = tables["sections"]
    index = sections.groupby("article_id").agg(chars=("end", "max"), sections=("section_id", "nunique"))
    profiles = tables.get("profiles")
    index["profiles"] = (profiles.groupby("article_id").size() if profiles is not None and not profiles.empty
                         else 0)
    index["profiles"] = index["profiles"].fillna(0).astype(int)
    index = index.reset_index()
    articles = tables.get("articles")
    if articles is not None and not articles.empty:
        extra = [c for c in articles.columns if c not in index.columns or c == "article_id"]
        index = index.merge(articles[extra], on="article_id", how="left")
    for field in fields:
        index[field.name] = index["article_id"].astype(str).map(field.value)
    return index


def theme_prevalence(tables: Mapping[str, pd.DataFrame], index: pd.DataFrame, by: str | None = None) -> pd.DataFrame:
    """Per group (a metadata field, or the whole archive) and theme: articles mentioning it, and their share."""
    groups = index[["article_id"]].assign(group=index[by].fillna("（未知）") if by else ALL_GROUP)
    sizes = groups.groupby("group").size().rename("articles")
    hits = tables.get("theme_hits")
    columns = ["group", "theme_id", "theme_label", "articles_with", "articles", "share"]
    if hits is None or hits.empty:
        return pd.DataFrame(columns=columns)
    present = hits[["article_id", "theme_id", "theme_label"]].drop_duplicates(["article_id", "theme_id"])
    present = present.merge(groups, on="article_id")
    counts = present.groupby(["group", "theme_id", "theme_label"]).size().rename("articles_with").reset_index()
    counts = counts.merge(sizes.reset_index(), on="group")
    counts["share"] = (counts["articles_with"] / counts["articles"]).round(4)
    return counts.sort_values(["group", "share", "theme_id"], ascending=[True, False, True], ignore_index=True)[columns]


def article_theme_matrix(tables: Mapping[str, pd.DataFrame], index: pd.DataFrame) -> pd.DataFrame:
    """Articles x themes: mentions per 1,000 characters (rows: articles with at least one mention)."""
    hits = tables.get("theme_hits")
    if hits is None or hits.empty:
        return pd.DataFrame()
    counts = hits.groupby(["article_id", "theme_label"]).size().unstack(fill_value=0)
    chars = index.set_index("article_id")["chars"].reindex(counts.index)
    return (counts.div(chars, axis=0) * 1000).round(2)


def archive_discoveries(tables: Mapping[str, pd.DataFrame], top_n: int = 30) -> pd.DataFrame:
    """Slogans, quoted terms and idioms, by how many articles carry each; with one example span."""
    sources = (("slogans", "label", "口号"), ("quoted_terms", "term", "引号术语"), ("idioms", "idiom", "成语"))
    frames = []
    for table, column, kind in sources:
        frame = tables.get(table)
        if frame is None or frame.empty:
            continue
        grouped = frame.groupby(column).agg(articles=("article_id", "nunique"), occurrences=("article_id", "size"),
                                            example_article=("article_id", "first"),
                                            start=("start", "first"), end=("end", "first"))
        frames.append(grouped.reset_index().rename(columns={column: "label"}).assign(kind=kind))
    columns = ["kind", "label", "articles", "occurrences", "example_article", "start", "end"]
    if not frames:
        return pd.DataFrame(columns=columns)
    result = pd.concat(frames, ignore_index=True)
    return result.sort_values(["articles", "occurrences", "label"], ascending=[False, False, True],
                              ignore_index=True)[columns].head(top_n)


def article_keyness(tables: Mapping[str, pd.DataFrame], article_id: str, top_n: int = 20) -> pd.DataFrame:
    """Words the article uses more than the rest of the archive: G2, log ratio, reliable."""
    counts = tables["token_counts"]
    if article_id not in set(counts["article_id"]):
        raise InputError(f"article {article_id!r} is not in this archive; pick an id from the article table")
    content = counts[[_is_content_word(n, p) for n, p in zip(counts["norm"], counts["pos"])]]
    per_word = content.groupby(["article_id", "norm"])["count"].sum()
    mine = per_word.xs(article_id, level="article_id")
    everywhere = per_word.groupby(level="norm").sum()
    size, total = int(mine.sum()), int(everywhere.sum())
    rest = total - size
    columns = ["article_id", "term", "count", "other_count", "g2", "log_ratio", "reliable"]
    if not size or not rest:
        return pd.DataFrame(columns=columns)
    rows = []
    for term, count in mine.items():
        other = int(everywhere[term]) - int(count)
        if count / size <= other / rest:
            continue
        g2, expected = log_likelihood(int(count), other, size, rest)
        ratio = math.log2((count / size) / (max(other, 0.5) / rest))
        reliable = min(expected) >= MIN_EXPECTED and count >= MIN_OBSERVED
        rows.append({"article_id": article_id, "term": term, "count": int(count), "other_count": other,
                     "g2": round(g2, 3), "log_ratio": round(ratio, 3), "reliable": reliable})
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(["reliable", "g2"], ascending=[False, False], ignore_index=True).head(top_n)


def article_table(index: pd.DataFrame, reports: str | Path) -> pd.DataFrame:
    """The article list with the path of each one's editors' page (written by `make report`)."""
    from .picks import PAGE_NAME

    reports = Path(reports)
    table = index.copy()
    table["editors_page"] = [str(reports / str(article_id) / PAGE_NAME) for article_id in table["article_id"]]
    table["page_written"] = [Path(p).is_file() for p in table["editors_page"]]
    return table
