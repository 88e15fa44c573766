"""`make eval`: score the extractors against the hand-annotated development set of real articles.

The set lives in tests/data/realworld/<slug>/ (article.txt, meta.yaml, gold.yaml; format in the
README). This module only reads the gold files to score; nothing in the package reads them to
predict. All access to predictions is in `predict`, so a change of table or column names is
fixed in one place.

Scores per article (and totals, the bundled article reported apart from the real unseen set):
  subjects  gold section subjects matched by a predicted subject of the same name (a team by
            containment of either name in the other)
  extra     predicted section subjects that match no gold subject (a wrong or surplus profile)
  invented  predicted subjects, and names of a people table or of the person recogniser
            (analysis.names), that are neither a gold subject nor a gold person
  people    gold people that the pipeline names (as a subject, or through the recogniser)
  quotes    gold speech quotes found: a predicted quote of kind "speech" whose text starts with
            the gold `start` (whitespace and punctuation width ignored)
  speakers  of the gold quotes with a named speaker, how many were found with that name
  unnamed   of the gold quotes with no named speaker, how many were found and given no person's
            name (None or a description)
  facts     joined_year / years_served / daily_workload per person: same name and value
An article that fails to load or analyse is reported with its error and scores nothing.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import traceback
import unicodedata
import warnings
from dataclasses import replace, asdict, dataclass, field
from pathlib import Path

import yaml

DEVSET = Path(__file__).resolve().parent.parent / "tests" / "data" / "realworld"
FACT_KINDS = ("joined_year", "years_served", "daily_workload")
SCORES = ("subjects", "people", "quotes", "speakers", "unnamed", "facts")  # each a (right, total) pair


# ---------------------------------------------------------------- gold

@dataclass(frozen=True)
class Gold:
    slug: str
    article_path: Path
    bundled: bool  # the bundled article: reported apart from the real unseen set
    subjects: tuple[dict, ...]
    people: tuple[dict, ...]
    quotes: tuple[dict, ...]
    facts: tuple[dict, ...]
    source: dict


def one_script(value):
    """Strings in Simplified characters (OpenCC t2s), in any structure of dicts, lists and tuples: a
    name or quotation given in Traditional characters, as printed in a Traditional article, is
    the same name or quotation as its Simplified form, in the gold and in the predictions alike."""
    from .script import _t2s

    if isinstance(value, str):
        return _t2s().convert(value) if value else value
    if isinstance(value, dict):
        return {key: one_script(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(one_script(item) for item in value)
    return value


def load_gold(folder: Path) -> Gold:
    data = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8")) or {}
    source = data.get("source") or {}
    # `article:` points elsewhere (the bundled corpus folder); by default the folder itself.
    article = (folder / data["article"]).resolve() if data.get("article") else folder
    return Gold(
        slug=folder.name, article_path=article, bundled=bool(data.get("bundled")),
        subjects=tuple(data.get("subjects") or ()), people=tuple(data.get("people") or ()),
        quotes=tuple(data.get("quotes") or ()), facts=tuple(data.get("facts") or ()),
        source=source,
    )


def gold_folders(root: Path = DEVSET) -> list[Path]:
    return sorted(p for p in root.iterdir() if (p / "gold.yaml").is_file())


# ---------------------------------------------------------------- predictions

@dataclass(frozen=True)
class Prediction:
    subjects: tuple[str, ...]  # names of the sections' subjects (people or teams)
    people: tuple[str, ...] | None  # every person the pipeline names, when it has such a table
    quotes: tuple[tuple[str, str, str | None], ...]  # (text, kind, speaker)
    facts: frozenset[tuple[str, str, float]]  # (person, kind, value)


def _name(value) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def predict(article_path: Path) -> Prediction:
    """What the package says about one article, through its public functions only."""
    from . import pipeline
    from .corpus import load_article

    try:
        from .facts import DAILY_PERIODS
    except ImportError:  # pragma: no cover - the constant moved
        DAILY_PERIODS = frozenset({"每天", "每日", "天天", "日均", "一天"})

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        article = load_article(article_path)
        analysis = pipeline.analyse(article)
        tables = pipeline.all_tables(analysis)
        recognised = _story_people(analysis)

    subjects = []
    # Whole profiles, one per section id (a caption or reporter line may cut a profile into parts);
    # a profile's subject is a person or a team (`subject_kind`), named by `name`.
    for section in article.profiles:
        name = _name(section.name)
        if name:
            subjects.append(name)

    people_frame = tables.get("people")
    people = None
    if people_frame is not None and "name" in people_frame.columns:
        people = tuple(n for n in people_frame["name"] if _name(n))
    if recognised is not None:
        people = tuple(dict.fromkeys((people or ()) + recognised))

    quotes_frame = tables["quotes"]
    quotes = tuple((str(row.text), str(row.kind), _name(row.speaker)) for row in quotes_frame.itertuples())

    facts = set()
    if people_frame is not None:
        for kind in ("joined_year", "years_served"):
            if kind in people_frame.columns:
                for name, value in zip(people_frame["name"], people_frame[kind]):
                    if _name(name) and _number(value) is not None:
                        facts.add((name, kind, _number(value)))
    workloads = tables.get("workloads")
    if workloads is not None:
        for row in workloads.itertuples():
            if row.period in DAILY_PERIODS and _name(row.name) and _number(row.low) is not None:
                facts.add((row.name, "daily_workload", _number(row.low)))
    return Prediction(tuple(subjects), people, quotes, frozenset(facts))


def _story_people(analysis) -> tuple[str, ...] | None:
    """Names from the person recogniser (analysis.names), when the package has one."""
    try:
        from .names import story_people
    except ImportError:
        return None
    return tuple(p.name for p in story_people(analysis))


def _number(value) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if number != number else number  # NaN / <NA>


# ---------------------------------------------------------------- scoring

_SPACE_RE = re.compile(r"\s+")
_PUNCT = str.maketrans({"“": '"', "”": '"', "„": '"', "「": '"', "」": '"', "‘": "'", "’": "'",
                        "『": "'", "』": "'", "。": ".", "、": ","})


def norm(text: str) -> str:
    """Text for matching: no whitespace, full-width forms folded, quote marks unified."""
    return _SPACE_RE.sub("", unicodedata.normalize("NFKC", text)).translate(_PUNCT)


@dataclass
class ArticleScore:
    slug: str
    bundled: bool
    error: str | None = None
    subjects: tuple[int, int] = (0, 0)
    people: tuple[int, int] = (0, 0)  # gold people the pipeline names (0/n when it names no one)
    invented: int = 0
    extra_subjects: int = 0  # predicted section subjects that match no gold subject (wrong or surplus profiles)
    quotes: tuple[int, int] = (0, 0)
    speakers: tuple[int, int] = (0, 0)
    unnamed: tuple[int, int] = (0, 0)
    facts: tuple[int, int] = (0, 0)
    misses: dict[str, list[str]] = field(default_factory=dict)


def _subject_matches(gold: dict, predicted: str) -> bool:
    if gold.get("team"):
        return gold["name"] in predicted or predicted in gold["name"]
    return gold["name"] == predicted


def score(gold: Gold, prediction: Prediction) -> ArticleScore:
    # Both sides in one script (OpenCC's t2s maps a few Simplified characters too, 沈 to 沉, but
    # the same way on both sides, so equal names stay equal).
    gold = replace(gold, subjects=one_script(gold.subjects), people=one_script(gold.people),
                   quotes=one_script(gold.quotes), facts=one_script(gold.facts))
    prediction = Prediction(one_script(prediction.subjects), one_script(prediction.people),
                            one_script(prediction.quotes), frozenset(one_script(tuple(prediction.facts))))
    result = ArticleScore(gold.slug, gold.bundled)
    misses: dict[str, list[str]] = {"subjects": [], "extra_subjects": [], "invented": [], "people": [], "quotes": [], "speakers": [],
                                    "unnamed": [], "facts": []}

    # Subjects: each predicted subject is used once.
    remaining = list(prediction.subjects)
    right = 0
    for subject in gold.subjects:
        hit = next((p for p in remaining if _subject_matches(subject, p)), None)
        if hit is None:
            misses["subjects"].append(subject["name"])
        else:
            remaining.remove(hit)
            right += 1
    result.subjects = (right, len(gold.subjects))
    result.extra_subjects = len(remaining)
    misses["extra_subjects"] = list(remaining)

    # Invented: predicted names that are nobody of the story.
    known = {p["name"] for p in gold.people} | {s["name"] for s in gold.subjects}
    teams = [s["name"] for s in gold.subjects if s.get("team")]
    invented = {p for p in remaining if p not in known and not any(t in p or p in t for t in teams)}
    invented |= {p for p in (prediction.people or ()) if p not in known}
    result.invented = len(invented)
    misses["invented"] = sorted(invented)
    named = set(prediction.people or ()) | set(prediction.subjects)
    result.people = (sum(p["name"] in named for p in gold.people), len(gold.people))
    misses["people"] = [p["name"] for p in gold.people if p["name"] not in named]

    # Quotes and their speakers.
    speech = [(norm(text), speaker) for text, kind, speaker in prediction.quotes if kind == "speech"]
    used: set[int] = set()
    found = named = named_right = unnamed = unnamed_right = 0
    for quote in gold.quotes:
        start = norm(str(quote["start"]))
        index = next((i for i, (text, _) in enumerate(speech)
                      if i not in used and text and (text.startswith(start) or len(text) >= 6 and start.startswith(text))),
                     None)
        speaker = speech[index][1] if index is not None else None
        if index is None:
            misses["quotes"].append(quote["start"])
        else:
            used.add(index)
            found += 1
        if quote.get("speaker"):
            named += 1
            if index is not None and speaker == quote["speaker"]:
                named_right += 1
            else:
                misses["speakers"].append(f"{quote['start']} → {speaker if index is not None else '(not found)'}"
                                          f" (gold {quote['speaker']})")
        else:
            unnamed += 1
            if index is not None and (speaker is None or speaker not in known):
                unnamed_right += 1
            else:
                misses["unnamed"].append(f"{quote['start']} → {speaker if index is not None else '(not found)'}")
    result.quotes = (found, len(gold.quotes))
    result.speakers = (named_right, named)
    result.unnamed = (unnamed_right, unnamed)

    # Facts.
    right = 0
    for fact in gold.facts:
        if (fact["person"], fact["kind"], float(fact["value"])) in prediction.facts:
            right += 1
        else:
            misses["facts"].append(f"{fact['person']} {fact['kind']}={fact['value']}")
    result.facts = (right, len(gold.facts))
    result.misses = {k: v for k, v in misses.items() if v}
    return result


def evaluate_folder(folder: Path) -> ArticleScore:
    """Score one gold folder; any failure becomes the article's error, never an exception."""
    try:
        gold = load_gold(folder)
    except Exception as error:  # noqa: BLE001 - a broken gold file is reported, not raised
        return ArticleScore(folder.name, False, error=f"gold.yaml: {type(error).__name__}: {error}")
    try:
        return score(gold, predict(gold.article_path))
    except Exception as error:  # noqa: BLE001 - one bad article must not stop the evaluation
        where = traceback.extract_tb(error.__traceback__)[-1]
        # Scored against nothing, so its gold counts as missed: a crash never raises a percentage.
        result = score(gold, Prediction((), None, (), frozenset()))
        result.error = f"{type(error).__name__}: {error} ({Path(where.filename).name}:{where.lineno})"
        return result


def evaluate(root: Path = DEVSET) -> list[ArticleScore]:
    return [evaluate_folder(folder) for folder in gold_folders(root)]


def totals(scores: list[ArticleScore]) -> dict:
    """Summed scores of a group of articles (failed articles count their gold totals as missed)."""
    result: dict = {"articles": len(scores), "failed": sum(1 for s in scores if s.error),
                    "invented": sum(s.invented for s in scores),
                    "extra_subjects": sum(s.extra_subjects for s in scores)}
    for name in SCORES:
        result[name] = [sum(getattr(s, name)[0] for s in scores), sum(getattr(s, name)[1] for s in scores)]
    return result


def summary(scores: list[ArticleScore]) -> dict:
    """The two groups reported: the real development set, and the bundled article apart."""
    return {"devset": totals([s for s in scores if not s.bundled]),
            "bundled": totals([s for s in scores if s.bundled])}


# ---------------------------------------------------------------- output

def _cell(pair: tuple[int, int] | list[int]) -> str:
    return f"{pair[0]}/{pair[1]}" if pair[1] else "-"


def table(scores: list[ArticleScore], label: str = "devset"):
    """Per-article rows and the totals; `label` names the real articles' total (their folder's name
    when it is not the development set)."""
    import pandas as pd

    rows = []
    for s in scores:
        rows.append({"article": s.slug + (" (bundled)" if s.bundled else ""),
                     **{name: _cell(getattr(s, name)) for name in ("subjects",)},
                     "extra": s.extra_subjects, "invented": s.invented,
                     **{name: _cell(getattr(s, name)) for name in SCORES[1:]},
                     "error": s.error or ""})
    for group_name, group in summary(scores).items():
        if group["articles"]:
            name = label if group_name == "devset" else group_name
            rows.append({"article": f"TOTAL {name} ({group['articles']})", "subjects": _cell(group["subjects"]),
                         "extra": group["extra_subjects"], "invented": group["invented"], **{n: _cell(group[n]) for n in SCORES[1:]},
                         "error": f"{group['failed']} failed" if group["failed"] else ""})
    frame = pd.DataFrame(rows)
    return frame if frame["error"].any() else frame.drop(columns="error")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.evaluate",
                                     description="Score the extractors on the development set (tests/data/realworld).")
    parser.add_argument("--json", action="store_true", help="print every score and miss as JSON")
    parser.add_argument("--misses", action="store_true", help="list what each article missed")
    parser.add_argument("--root", type=Path, default=DEVSET, help="folder of gold folders (default: the dev set)")
    args = parser.parse_args(argv)
    scores = evaluate(args.root)
    if args.json:
        print(json.dumps({"articles": [asdict(s) for s in scores], **summary(scores)}, ensure_ascii=False, indent=1))
        return 0
    frame = table(scores, "devset" if args.root.resolve() == DEVSET else args.root.resolve().name)
    print(frame.to_string(index=False))
    if args.misses:
        for s in scores:
            for kind, items in s.misses.items():
                print(f"{s.slug} {kind}: " + "; ".join(items))
    return 0


if __name__ == "__main__":
    sys.exit(main())
