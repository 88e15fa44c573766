"""Small tables in the schema of `candidates`, `pull_quotes` and `profiles`, written for the tests.

Profile names, labels and sentences carry HTML and script on purpose: the page must show them as text.
"""
import json

import pandas as pd

ARTICLE_ID = "test-article"
ATTACK = "<script>window.__pwned = 1; alert(1)</script>"
IMG_ATTACK = "<img src=x onerror=\"window.__pwned = 2\">"


def _evidence(profile_id, sentence, start, words):
    marks = [[start + sentence.index(word), start + sentence.index(word) + len(word)] for word in words]
    return {"section_id": profile_id, "sentence": sentence, "start": start, "end": start + len(sentence),
            "marks": marks}


def sample_tables() -> dict[str, pd.DataFrame]:
    profiles = pd.DataFrame([
        {"article_id": ARTICLE_ID, "id": "p01", "role": "话务员", "name": "张小红", "headline": "耐心", "start": 10,
         "end": 60, "text": "…", "chars": 1},
        {"article_id": ARTICLE_ID, "id": "p02", "role": "班长", "name": "李<b>明</b>", "headline": "细心",
         "start": 60, "end": 120, "text": "…", "chars": 1},
    ])
    rows = [
        ("theme:patience", "耐心服务", "theme", 3.0, 4, {"p01": 3, "p02": 1},
         [_evidence("p01", "她总是耐心地听市民说完。", 12, ["耐心"])]),
        ("slogan:四心", "四心", "slogan", 2.5, 2, {"p02": 2, "front": 1},
         [_evidence("p02", f"“四心”服务{ATTACK}不打折。", 70, ["四心"])]),
        ("term:话毕单成", "话毕单成", "term", 2.0, 1, {"p01": 1},
         [_evidence("p01", f"她说{IMG_ATTACK}话毕单成。", 30, ["话毕单成"])]),
        ("keyword:</script><script>window.__pwned=3</script>", f"标签{ATTACK}", "keyword", 1.0, 1, {"p02": 1},
         [_evidence("p02", "一句\u2028分隔符。", 90, ["分隔符"])]),
    ]
    candidates = pd.DataFrame([
        {"article_id": ARTICLE_ID, "candidate_id": i, "label": label, "type": kind, "score": score, "total": total,
         "counts": json.dumps(counts, ensure_ascii=False), "evidence": json.dumps(evidence, ensure_ascii=False)}
        for i, label, kind, score, total, counts, evidence in rows
    ])
    quotes = pd.DataFrame([
        {"article_id": ARTICLE_ID, "quote_id": "q:20-40", "rank": 1, "score": 0.9, "section_id": "p01",
         "speaker": "张小红", "text": "只要市民满意，我们再累也值得", "start": 20, "end": 40},
        {"article_id": ARTICLE_ID, "quote_id": "q:80-99", "rank": 2, "score": 0.5, "section_id": "p02",
         "speaker": None, "text": f"我们{IMG_ATTACK}一直在{ATTACK}", "start": 80, "end": 99},
    ])
    return {"profiles": profiles, "candidates": candidates, "pull_quotes": quotes}
