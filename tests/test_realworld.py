"""The development set of real articles (tests/data/realworld) and `make eval`.

Two kinds of test: the gold files are consistent with their articles (so a score means what it
says), and the totals of today's code are pinned as floors, so they can only rise.

FLOORS: numbers computed by running `python -m analysis.evaluate` on this commit. When your change
raises a total, raise its floor here in the same commit (never lower one to make a test pass; if a
change must trade one score for another, say why in the commit message).
"""
import re
import warnings
from pathlib import Path

import pytest
import yaml

from analysis import evaluate
from analysis.corpus import load_article
from analysis.script import to_simplified
from analysis.evaluate import DEVSET, evaluate_folder, gold_folders, load_gold, norm, summary

# The right count per score; `invented_at_most` and `failed_at_most` are ceilings (lower them as they fall).
FLOORS = {
    "devset": {"subjects": 150, "people": 482, "quotes": 584, "speakers": 400, "unnamed": 112, "facts": 162, "invented_at_most": 26,
               "extra_subjects_at_most": 28, "failed_at_most": 0},
    "bundled": {"subjects": 9, "people": 10, "quotes": 32, "speakers": 26, "unnamed": 6, "facts": 17, "invented_at_most": 0,
                "extra_subjects_at_most": 0, "failed_at_most": 0},
}
MIN_ARTICLES = 225

FOLDERS = gold_folders()


@pytest.fixture(scope="module")
def scores():
    return evaluate.evaluate()


def test_the_development_set_has_enough_real_articles():
    real = [f for f in FOLDERS if not load_gold(f).bundled]
    assert len(real) >= MIN_ARTICLES
    assert sum(load_gold(f).bundled for f in FOLDERS) == 1


def test_every_real_article_has_one_row_in_sources_with_its_address():
    rows = re.findall(r"^\| `([^`]+)` \|[^|]*\|[^|]*\| <([^>]+)> \|", (DEVSET / "SOURCES.md").read_text(encoding="utf-8"),
                      flags=re.MULTILINE)
    slugs = [slug for slug, _ in rows]
    assert len(slugs) == len(set(slugs)), "a slug is listed twice in SOURCES.md"
    real = {f.name: load_gold(f).source.get("url") for f in FOLDERS if not load_gold(f).bundled}
    assert set(slugs) == set(real), "SOURCES.md and the article folders differ"
    assert all(real[slug] == url for slug, url in rows)


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda f: f.name)
def test_gold_is_consistent_with_its_article(folder: Path):
    gold = load_gold(folder)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "no profile headings found" is expected on some articles
        # the text as received (glosses included, as the gold quotes it), in Simplified like `text`
        text = to_simplified(load_article(gold.article_path).original).text
    flat = norm(text)
    assert gold.source.get("date") and gold.source.get("publication")
    if not gold.bundled:
        assert gold.source.get("url", "").startswith("http")
        meta = yaml.safe_load((folder / "meta.yaml").read_text(encoding="utf-8"))
        # the day, or only the month or year where the stored copy gives no more (its source_note says so)
        assert meta["id"] == folder.name and re.fullmatch(r"\d{4}(?:-\d{2}){0,2}", str(meta["published"]))
    people = {p["name"] for p in gold.people}
    for subject in gold.subjects:
        assert subject.get("team") or subject["name"] in people, f"subject {subject['name']} is not among people"
    # A Traditional article's gold gives names and quotations as printed, while `text` is the
    # article in Simplified (load_article converts it): compare in one script, as `make eval` does.
    unglossed = _PINYIN_GLOSS_RE.sub("", text)  # a damaged copy's 周時(shí)瑩 is the name 周時瑩
    for person in people:
        assert any(evaluate.one_script(person) in t or person in t for t in (text, unglossed)), \
            f"{person} does not occur in the text"
    for quote in gold.quotes:
        start = norm(str(quote["start"]))
        start = start if start in flat else norm(evaluate.one_script(str(quote["start"])))
        assert len(start) >= 2
        # The start follows an opening mark (unless the print lost it: `opening_mark_missing: true`).
        at = flat.find(start)
        assert at >= 0, f"quote start {quote['start']!r} is not in the text"
        if not quote.get("opening_mark_missing"):
            assert any(flat[i - 1] in "\"'" for i in _all(flat, start) if i), f"no opening mark before {quote['start']!r}"
        assert quote.get("speaker") is None or quote["speaker"] in people, quote
        assert quote.get("speaker") or quote.get("speaker_description"), f"unnamed speaker needs a description: {quote}"
    for fact in gold.facts:
        assert fact["person"] in people and fact["kind"] in evaluate.FACT_KINDS, fact
        assert isinstance(fact["value"], (int, float))


_PINYIN_GLOSS_RE = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")


def _all(text: str, part: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(part), text)]


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda f: f.name)
def test_every_article_is_scored_without_error(folder: Path):
    result = evaluate_folder(folder)
    assert result.error is None, result.error


@pytest.mark.parametrize("group", ["devset", "bundled"])
def test_totals_do_not_fall_below_their_floors(scores, group):
    totals = summary(scores)[group]
    floors = FLOORS[group]
    for name in evaluate.SCORES:
        assert totals[name][0] >= floors[name], f"{group} {name}: {totals[name]} below the floor {floors[name]}"
    assert totals["invented"] <= floors["invented_at_most"]
    assert totals["extra_subjects"] <= floors["extra_subjects_at_most"]
    assert totals["failed"] <= floors["failed_at_most"]


def test_a_broken_article_is_reported_not_raised(tmp_path):
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "article.txt").write_bytes(b"")  # empty: load_article raises InputError
    (folder / "gold.yaml").write_text("source: {}\nquotes:\n  - {start: 你好你好, speaker: null}\n", encoding="utf-8")
    bad_gold = tmp_path / "bad-gold"
    bad_gold.mkdir()
    (bad_gold / "gold.yaml").write_text("quotes: [", encoding="utf-8")
    results = evaluate.evaluate(tmp_path)
    assert [r.slug for r in results] == ["bad-gold", "broken"]
    assert all(r.error for r in results)
    assert "InputError" in results[1].error
    assert summary(results)["devset"]["failed"] == 2
    assert summary(results)["devset"]["quotes"] == [0, 1]  # a failed article's gold counts as missed


def test_another_folder_is_totalled_under_its_own_name(tmp_path, capsys):
    folder = tmp_path / "heldout" / "one"
    folder.mkdir(parents=True)
    (folder / "article.txt").write_text("记者来到热线中心。话务员李红说：“市民的事没有小事。”\n", encoding="utf-8")
    (folder / "gold.yaml").write_text("source: {}\nquotes:\n  - {start: 市民的事没有, speaker: 李红}\n", encoding="utf-8")
    evaluate.main(["--root", str(tmp_path / "heldout")])
    assert "TOTAL heldout (1)" in capsys.readouterr().out


def test_scoring_rules_on_a_small_case():
    gold = evaluate.Gold(
        slug="t", article_path=DEVSET, bundled=False,
        subjects=({"name": "李建国"}, {"name": "红马甲志愿服务队", "team": True}),
        people=({"name": "李建国"}, {"name": "赵文华"}),
        quotes=({"start": "群众找得到我", "speaker": "李建国"}, {"start": "这活儿不好干", "speaker": None},
                {"start": "没有找到的话", "speaker": "赵文华"}),
        facts=({"person": "李建国", "kind": "joined_year", "value": 2012},),
        source={},
    )
    prediction = evaluate.Prediction(
        subjects=("李建国", "某市红马甲志愿服务队", "坚守"),
        people=("李建国", "王小明"),
        quotes=(("群众找得到我, 我就安心", "speech", "李建国"), ("这活儿不好干啊", "speech", "几位摊主"),
                ("没有找到的话", "term", None)),
        facts=frozenset({("李建国", "joined_year", 2012.0)}),
    )
    result = evaluate.score(gold, prediction)
    assert result.subjects == (2, 2)  # the team by containment
    assert result.invented == 2  # 坚守 (a section subject) and 王小明 (a people-table name)
    assert result.people == (1, 2)  # 赵文华 is named by neither
    assert result.quotes == (2, 3)  # the term is not a speech quote; full-width comma folded
    assert result.speakers == (1, 2) and result.unnamed == (1, 1)
    assert result.facts == (1, 1)


def test_names_and_quotes_are_compared_in_one_script():
    assert evaluate.one_script({"name": "劉曉麗", "quotes": [{"start": "這個工作很辛苦"}], "n": 3}) == {
        "name": "刘晓丽", "quotes": [{"start": "这个工作很辛苦"}], "n": 3}
