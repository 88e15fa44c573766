"""The editors' page: one self-contained HTML file to pick what goes to print.

`editors_page` renders it (Chinese interface, no network, no server) from the tables `candidates`,
`pull_quotes` and `profiles`: editors tick the candidates and quotes to print, reorder them, rename a
candidate's print label and save a small JSON picks file (its format: analysis.picks). The page's
style and script are data files (analysis/data/editors.css, editors.js), inlined into the page.

Every piece of article text is escaped on the server (`html.escape`); the script builds nothing from
data with innerHTML, and the JSON it reads is escaped so that `</script>` in an article cannot end the
script block. A Content-Security-Policy lets only the page's own script (by hash) run.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import pandas as pd

from . import atomic
from .picks import PAGE_NAME, PICKS_VERSION, Picks

__all__ = ["PAGE_NAME", "editors_page", "write_page", "script_json", "TYPE_NAMES", "SECTION_NAMES"]

STYLE_FILE = "editors.css"
SCRIPT_FILE = "editors.js"

# What an editor reads for each candidate type (the part of candidate_id before the colon).
TYPE_NAMES = {
    "theme": "编码主题",
    "slogan": "口号",
    "enumeration": "列举",
    "term": "引号术语",
    "family": "词族",
    "idiom": "成语",
    "keyword": "关键词",
}
# Column heads for sections that are not a person's profile.
SECTION_NAMES = {"front": "导语", "byline": "署名", "body": "全文"}


@dataclass(frozen=True)
class _Column:
    section_id: str
    head: str  # the person's name, or 导语 / 署名


def write_page(path: Path, article_id: str, title: str | None, tables: Mapping[str, pd.DataFrame],
               picks: Picks | None = None) -> Path:
    return atomic.write_text(path, editors_page(article_id, title, tables, picks))


def editors_page(article_id: str, title: str | None, tables: Mapping[str, pd.DataFrame],
                 picks: Picks | None = None) -> str:
    """The editors' page as one HTML string; `picks` (if any) are ticked, ordered and labelled."""
    candidates, quotes, profiles = tables["candidates"], tables["pull_quotes"], tables["profiles"]
    names = {str(row.id): str(row.name) for row in profiles.itertuples()}
    columns = _columns(profiles, candidates)
    picks = picks or Picks(article_id)
    heading = f"{title or article_id} · 编辑选择页"
    config = {"version": PICKS_VERSION, "article_id": article_id, "file_name": f"{article_id}.json"}
    script, css = _asset(SCRIPT_FILE), _asset(STYLE_FILE)
    csp = (f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
           f"script-src 'sha256-{base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()}'")
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{html.escape(csp)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(heading)}</title>",
        f"<style>{css}</style></head><body>",
        f'<header><h1>{html.escape(heading)}</h1>',
        "<p class=\"how\">① 在“选择”一栏勾选要在印刷图表中突出的主题和引语；② 用 ↑ ↓ 调整顺序，"
        "在“印刷标签”里可改写主题名称；③ 点“导出选择”保存文件 "
        f"<code>{html.escape(article_id)}.json</code>，交给数据记者放进项目的 <code>picks/</code> 文件夹，"
        "再运行 <code>make report</code>：勾选的主题在图 9a、9b、9c 中按你的顺序和标签突出，勾选的引语各成一张引语图（图 10）；"
        "“进图”一栏写明去处。本页不联网，也不会自动保存。</p>",
        '<div class="bar"><button type="button" id="save">导出选择</button>'
        '<span id="status" role="status">已选：主题 0 个，引语 0 条</span></div></header>',
        "<main>",
        _themes_section(candidates, columns, picks),
        _quotes_section(quotes, names, picks),
        "</main>",
        f'<script type="application/json" id="picks-config">{script_json(config)}</script>',
        f"<script>{script}</script>",
        "</body></html>",
    ]
    return "\n".join(parts)


def script_json(value: object) -> str:
    """JSON safe inside a <script> element: no `<`, `>`, `&` or line separators appear literally."""
    text = json.dumps(value, ensure_ascii=False)
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                          ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text


def _columns(profiles: pd.DataFrame, candidates: pd.DataFrame) -> list[_Column]:
    """A column per profile (headed by the name) plus any other section that holds a count."""
    counted = set()
    for counts in candidates["counts"] if len(candidates) else ():
        counted |= set(_json(counts))
    people = [_Column(str(row.id), str(row.name) or str(row.id)) for row in profiles.itertuples()]
    known = {column.section_id for column in people}
    others = sorted(counted - known)
    front = [_Column(s, SECTION_NAMES.get(s, s)) for s in others if s in ("front", "body")]
    rest = [_Column(s, SECTION_NAMES.get(s, s)) for s in others if s not in ("front", "body")]
    return front + people + rest


def _json(value: object):
    return json.loads(value) if isinstance(value, str) else value


def _ordered(frame: pd.DataFrame, id_column: str, picked: tuple[str, ...]) -> list:
    """Rows with the picked ones first, in the editor's order, then the rest as the table has them."""
    rows = list(frame.itertuples(index=False))
    position = {item_id: index for index, item_id in enumerate(picked)}
    return sorted(rows, key=lambda row: (position.get(str(getattr(row, id_column)), len(position)),))


def _themes_section(candidates: pd.DataFrame, columns: list[_Column], picks: Picks) -> str:
    e = html.escape
    heads = "".join(f'<th class="n" scope="col">{e(c.head)}</th>' for c in columns)
    types = sorted({str(t) for t in candidates["type"]}) if len(candidates) else []
    options = "".join(f'<option value="{e(t)}">{e(TYPE_NAMES.get(t, t))}</option>' for t in types)
    rows = _ordered(candidates, "candidate_id", picks.theme_ids)
    labels = picks.labels
    first = [row for row in rows if str(row.candidate_id) in labels or _first(row)]
    more = [row for row in rows if row not in first]
    out = [
        '<section><h2>候选主题</h2>',
        f'<p class="filter"><label>类型 <select id="type-filter"><option value="">全部</option>{options}</select></label> '
        f'<label><input type="checkbox" id="only-picked"> 只看已选</label> '
        f'<label><input type="checkbox" id="show-more"> 更多（另有 {len(more)} 个词族和关键词）</label> '
        f'<span class="note">先列编码主题和文章自己的口号、引号术语、成语；词族和关键词有依据（如口号的共同语素、'
        f'某人段落的可靠关键词）才列在前面，其余在“更多”里。数字：每人段落中出现的次数；<mark>黄底</mark>是匹配到的词。</span></p>',
        '<table id="themes"><thead><tr><th scope="col">选择</th><th scope="col">顺序</th>'
        f'<th scope="col">印刷标签</th><th scope="col">类型</th><th scope="col">进图</th><th class="n" scope="col">合计</th>'
        f'{heads}</tr></thead>',
    ]
    width = 6 + len(columns)
    profile_ids = {c.section_id for c in columns if c.section_id not in SECTION_NAMES}
    for row in first + more:
        item_id, label, kind = str(row.candidate_id), str(row.label), str(row.type)
        counts = _json(row.counts)
        checked = " checked" if item_id in labels else ""
        cells = "".join(_count_cell(int(counts.get(c.section_id, 0)), c.head) for c in columns)
        evidence = "".join(_evidence_html(item, columns) for item in _json(row.evidence))
        signal = str(getattr(row, "signal", "") or "")
        why = f'<span class="signal">{e(signal)}</span>' if signal else ""
        folded = ' data-more="1"' if row in more else ""
        out.append(
            f'<tbody class="item" data-kind="theme" data-type="{e(kind)}" data-id="{e(item_id)}" data-label="{e(label)}"{folded}>'
            f'<tr><td><input type="checkbox" class="pick" aria-label="选择 {e(label)}"{checked}></td>'
            f'<td class="move">{_MOVE_BUTTONS}</td>'
            f'<td class="labelcell" title="{e(item_id)}"><textarea class="label" rows="1" aria-label="印刷标签">'
            f'{e(labels.get(item_id, label))}</textarea>{why}</td>'
            f'<td class="type">{e(TYPE_NAMES.get(kind, kind))}</td>'
            f'<td class="print">{e(_print_note(counts, profile_ids))}</td><td class="n total">{int(row.total)}</td>{cells}</tr>'
            f'<tr class="evidence"><td></td><td colspan="{width - 1}"><span class="tag">证据句</span>{evidence}</td></tr>'
            "</tbody>"
        )
    if not len(candidates):
        out.append(f'<tbody><tr><td colspan="{width}">（没有候选主题）</td></tr></tbody>')
    out.append("</table></section>")
    return "".join(out)


def _first(row) -> bool:
    """Whether a candidate is listed before 更多 (the `candidates` table's `first`; all, if absent)."""
    first = getattr(row, "first", True)
    return first is True or str(first).lower() in ("true", "1")


def _quote_print_note(text: str) -> str:
    """A ticked quote becomes a pull-quote graphic (chart 10), unless the house font lacks a character."""
    from .errors import InputError
    from .figures.fonts import missing_glyphs

    try:
        missing = missing_glyphs(text)
    except InputError:  # no house font on this machine: the report will say so
        missing = []
    return f"不进图：印刷字体缺“{''.join(missing)}”" if missing else "引语图（图10）"


def _print_note(counts: Mapping[str, int], profile_ids: set[str]) -> str:
    """Where a ticked candidate goes: rows of charts 9a (people x themes) and 9b (where in the text),
    a node of 9c; 9a only draws profiles, so a candidate found only outside them says so."""
    if not profile_ids:
        return "图9b·9c（文章没有人物段落，不画 9a）"
    if any(counts.get(p) for p in profile_ids):
        return "图9a·9b·9c"
    return "图9b·9c（9a 无点：不在人物段落里）"


def _count_cell(count: int, head: str) -> str:
    level = 0 if count == 0 else 1 if count == 1 else 2 if count <= 3 else 3
    shown = str(count) if count else "·"
    return f'<td class="n c{level}" title="{html.escape(head)}：{count}">{shown}</td>'


def _evidence_html(item: Mapping, columns: list[_Column]) -> str:
    """One evidence sentence with its matched words in <mark>; mark spans are article offsets."""
    sentence, start = str(item["sentence"]), int(item["start"])
    pieces, cursor = [], 0
    for mark_start, mark_end in sorted((int(s) - start, int(t) - start) for s, t in item["marks"]):
        mark_start, mark_end = max(mark_start, cursor), min(mark_end, len(sentence))
        if mark_start >= mark_end:
            continue
        pieces.append(html.escape(sentence[cursor:mark_start]))
        pieces.append(f"<mark>{html.escape(sentence[mark_start:mark_end])}</mark>")
        cursor = mark_end
    pieces.append(html.escape(sentence[cursor:]))
    who = {c.section_id: c.head for c in columns}.get(str(item["section_id"]), str(item["section_id"]))
    return f'<p class="sentence"><span class="who">{html.escape(who)}</span>{"".join(pieces)}</p>'


def _quotes_section(quotes: pd.DataFrame, names: Mapping[str, str], picks: Picks) -> str:
    e = html.escape
    picked = set(picks.quote_ids)
    out = ['<section><h2>候选引语</h2>',
           '<table id="quotes"><thead><tr><th scope="col">选择</th><th scope="col">顺序</th>'
           '<th class="n" scope="col">排名</th><th scope="col">引语</th><th scope="col">说话人</th>'
           '<th scope="col">所在段落</th><th scope="col">进图</th></tr></thead>']
    for row in _ordered(quotes, "quote_id", picks.quote_ids):
        item_id, text = str(row.quote_id), str(row.text)
        speaker = "" if pd.isna(row.speaker) else str(row.speaker)
        where = names.get(str(row.section_id), SECTION_NAMES.get(str(row.section_id), str(row.section_id)))
        checked = " checked" if item_id in picked else ""
        out.append(
            f'<tbody class="item" data-kind="quote" data-id="{e(item_id)}">'
            f'<tr><td><input type="checkbox" class="pick" aria-label="选择引语 {int(row.rank)}"{checked}></td>'
            f'<td class="move">{_MOVE_BUTTONS}</td><td class="n">{int(row.rank)}</td>'
            f'<td class="quote">“{e(text)}”</td><td>{e(speaker) or "—"}</td><td>{e(where)}</td>'
            f'<td class="print">{e(_quote_print_note(text))}</td></tr></tbody>'
        )
    if not len(quotes):
        out.append('<tbody><tr><td colspan="7">（没有候选引语）</td></tr></tbody>')
    out.append("</table></section>")
    return "".join(out)


_MOVE_BUTTONS = ('<button type="button" data-move="up" title="上移" aria-label="上移">↑</button>'
                 '<button type="button" data-move="down" title="下移" aria-label="下移">↓</button>')


@cache
def _asset(name: str) -> str:
    """A page asset from analysis/data (package data), read once."""
    return resources.files("analysis.data").joinpath(name).read_text(encoding="utf-8")
