"""The editors' page and its picks file.

`editors_page` renders one self-contained HTML file (Chinese interface, inline CSS and script, no
network, no server) from the tables `candidates`, `pull_quotes` and `profiles`: editors tick the themes
and quotes to highlight, reorder them, rename a theme's label for print and save a small JSON picks
file. `load_picks` reads that file back, strictly, and checks every pick against the analysis.

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
from pathlib import Path

import pandas as pd

from . import atomic
from .errors import InputError

PICKS_VERSION = 1
PICKS_DIR = Path(__file__).resolve().parent.parent / "picks"
PAGE_NAME = "editors.html"

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
class ThemePick:
    id: str
    label: str  # the label to print


@dataclass(frozen=True)
class QuotePick:
    id: str


@dataclass(frozen=True)
class Picks:
    """What the editor picked, in the editor's order."""

    article_id: str
    themes: tuple[ThemePick, ...] = ()
    quotes: tuple[QuotePick, ...] = ()

    @property
    def theme_ids(self) -> tuple[str, ...]:
        return tuple(pick.id for pick in self.themes)

    @property
    def quote_ids(self) -> tuple[str, ...]:
        return tuple(pick.id for pick in self.quotes)

    @property
    def labels(self) -> dict[str, str]:
        """Print label of each picked theme, by candidate id."""
        return {pick.id: pick.label for pick in self.themes}

    def to_json(self) -> dict:
        return {"version": PICKS_VERSION, "article_id": self.article_id,
                "themes": [{"id": p.id, "label": p.label} for p in self.themes],
                "quotes": [{"id": p.id} for p in self.quotes]}


def picks_path(article_id: str, folder: Path = PICKS_DIR) -> Path:
    """Where the picks file of an article lives in the repository: picks/<article-id>.json.
    An id that would lead out of `folder` (an absolute path, "..") is refused."""
    path = folder / f"{article_id}.json"
    if Path(article_id).is_absolute() or not path.resolve().is_relative_to(folder.resolve()):
        raise InputError(f"article id {_short(article_id)} would put its picks file outside {folder}; "
                         "give the article a plain id (letters, digits, '-') in its meta.yaml")
    return path


# --- reading the picks file back ------------------------------------------------------------

MAX_PICKS_BYTES = 1024 * 1024
MAX_PICKS_DEPTH = 20
MAX_LISTED = 10  # entries named in one error line; the rest are counted
_TOP_KEYS = ("version", "article_id", "themes", "quotes")
_THEME_KEYS = ("id", "label")
_QUOTE_KEYS = ("id",)


def load_picks(path: str | Path, candidates: pd.DataFrame, quotes: pd.DataFrame,
               article_id: str | None = None) -> Picks:
    """Read and validate a picks file against the `candidates` and `pull_quotes` tables.

    Only `json.loads` touches the file (nothing is evaluated). Unknown or missing keys, wrong
    types, duplicates, another article's file and picks that no longer exist in the analysis
    raise InputError naming the file, the problem and the fix.
    """
    path = Path(path)
    fix = f"export the picks again from the editors' page ({PAGE_NAME}) or correct the file"
    try:
        size = path.stat().st_size
        if size > MAX_PICKS_BYTES:  # checked before reading: a picks file is a few kB
            raise InputError(f"{path}: {size:,} bytes is too large for a picks file (limit "
                             f"{MAX_PICKS_BYTES // 1024} kB); {fix}")
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{path}: no such picks file; save one from the editors' page ({PAGE_NAME})") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot be read as UTF-8 text ({error}); {fix}") from None
    if _nesting(text) > MAX_PICKS_DEPTH:
        raise InputError(f"{path}: nested more than {MAX_PICKS_DEPTH} levels deep, a picks file has 3; {fix}")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"{path}: not valid JSON ({error.msg} at line {error.lineno}, column {error.colno}); {fix}") from None
    except RecursionError:
        raise InputError(f"{path}: nested too deeply to read; {fix}") from None

    def fail(problem: str) -> InputError:
        return InputError(f"{path}: {problem}; {fix}")

    _check_keys(data, _TOP_KEYS, "the file", fail)
    if type(data["version"]) is not int or data["version"] != PICKS_VERSION:
        raise fail(f"'version' is {_short(data['version'])}, this tool reads version {PICKS_VERSION}")
    if not isinstance(data["article_id"], str) or not data["article_id"]:
        raise fail("'article_id' must be a non-empty string")
    if article_id is not None and data["article_id"] != article_id:
        raise InputError(f"{path}: the picks are for article {_short(data['article_id'])}, not '{article_id}'; "
                         f"use the picks file saved from this article's page, named {article_id}.json")
    themes = tuple(ThemePick(entry["id"], entry["label"])
                   for entry in _entries(data["themes"], "themes", _THEME_KEYS, fail))
    quote_picks = tuple(QuotePick(entry["id"]) for entry in _entries(data["quotes"], "quotes", _QUOTE_KEYS, fail))
    for pick in themes:
        if not pick.label.strip():
            raise fail(f"theme '{pick.id}' has an empty label")

    missing = [f"theme '{p.label}' ({p.id})" for p in themes if p.id not in _ids(candidates, "candidate_id")]
    missing += [f"quote {p.id}" for p in quote_picks if p.id not in _ids(quotes, "quote_id")]
    if missing:
        shown = ", ".join(missing[:MAX_LISTED]) + (f" and {len(missing) - MAX_LISTED} more" if len(missing) > MAX_LISTED else "")
        raise InputError(f"{path}: {len(missing)} pick(s) no longer in the analysis: {shown}; "
                         f"pick again on the new {PAGE_NAME} and save the file, or delete these entries")
    return Picks(data["article_id"], themes, quote_picks)


def _check_keys(value: object, keys: tuple[str, ...], where: str, fail) -> None:
    if not isinstance(value, dict):
        raise fail(f"{where} must be a JSON object with keys {', '.join(keys)}")
    unknown = sorted(set(value) - set(keys))
    if unknown:
        raise fail(f"{where} has unknown key(s) {', '.join(map(_short, unknown[:MAX_LISTED]))} (allowed: {', '.join(keys)})")
    absent = [key for key in keys if key not in value]
    if absent:
        raise fail(f"{where} lacks key(s) {', '.join(map(repr, absent))}")


def _entries(value: object, name: str, keys: tuple[str, ...], fail) -> list[dict]:
    if not isinstance(value, list):
        raise fail(f"'{name}' must be a list")
    seen = set()
    for number, entry in enumerate(value, 1):
        where = f"entry {number} of '{name}'"
        _check_keys(entry, keys, where, fail)
        for key in keys:
            if not isinstance(entry[key], str):
                raise fail(f"'{key}' of {where} must be a string, not {type(entry[key]).__name__}")
        if entry["id"] in seen:
            raise fail(f"{_short(entry['id'])} appears twice in '{name}'")
        seen.add(entry["id"])
    return value


def _nesting(text: str) -> int:
    """The deepest [ or { nesting of JSON text, strings skipped; read before parsing, in one pass."""
    depth = deepest = 0
    inside = escaped = False
    for char in text:
        if inside:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                inside = False
        elif char == '"':
            inside = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def _short(value: object) -> str:
    """A value for an error line: repr, cut to a readable length."""
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _ids(frame: pd.DataFrame, column: str) -> set[str]:
    return set(frame[column].astype(str)) if len(frame) else set()


# --- the page ---------------------------------------------------------------------------------

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
    script = _SCRIPT
    csp = (f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
           f"script-src 'sha256-{base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()}'")
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{html.escape(csp)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(heading)}</title>",
        f"<style>{_CSS}</style></head><body>",
        f'<header><h1>{html.escape(heading)}</h1>',
        "<p class=\"how\">① 在“选择”一栏勾选要在印刷图表中突出的主题和引语；② 用 ↑ ↓ 调整顺序，"
        "在“印刷标签”里可改写主题名称；③ 点“导出选择”保存文件 "
        f"<code>{html.escape(article_id)}.json</code>，交给数据记者放进项目的 <code>picks/</code> 文件夹，"
        "再运行 <code>make report</code>，图表就会突出这些选择。本页不联网，也不会自动保存。</p>",
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
    out = [
        '<section><h2>候选主题</h2>',
        f'<p class="filter"><label>类型 <select id="type-filter"><option value="">全部</option>{options}</select></label> '
        f'<label><input type="checkbox" id="only-picked"> 只看已选</label> <span class="note">数字：每人段落中出现的次数；'
        f'<mark>黄底</mark>是匹配到的词。</span></p>',
        '<table id="themes"><thead><tr><th scope="col">选择</th><th scope="col">顺序</th>'
        f'<th scope="col">印刷标签</th><th scope="col">类型</th><th class="n" scope="col">合计</th>{heads}</tr></thead>',
    ]
    labels = picks.labels
    width = 5 + len(columns)
    for row in _ordered(candidates, "candidate_id", picks.theme_ids):
        item_id, label, kind = str(row.candidate_id), str(row.label), str(row.type)
        counts = _json(row.counts)
        checked = " checked" if item_id in labels else ""
        cells = "".join(_count_cell(int(counts.get(c.section_id, 0)), c.head) for c in columns)
        evidence = "".join(_evidence_html(item, columns) for item in _json(row.evidence))
        out.append(
            f'<tbody class="item" data-kind="theme" data-type="{e(kind)}" data-id="{e(item_id)}" data-label="{e(label)}">'
            f'<tr><td><input type="checkbox" class="pick" aria-label="选择 {e(label)}"{checked}></td>'
            f'<td class="move">{_MOVE_BUTTONS}</td>'
            f'<td title="{e(item_id)}"><input type="text" class="label" value="{e(labels.get(item_id, label))}" aria-label="印刷标签"></td>'
            f'<td class="type">{e(TYPE_NAMES.get(kind, kind))}</td><td class="n total">{int(row.total)}</td>{cells}</tr>'
            f'<tr class="evidence"><td></td><td colspan="{width - 1}"><span class="tag">证据句</span>{evidence}</td></tr>'
            "</tbody>"
        )
    if not len(candidates):
        out.append(f'<tbody><tr><td colspan="{width}">（没有候选主题）</td></tr></tbody>')
    out.append("</table></section>")
    return "".join(out)


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
    who = {c.section_id: c.head for c in columns}.get(str(item["profile_id"]), str(item["profile_id"]))
    return f'<p class="sentence"><span class="who">{html.escape(who)}</span>{"".join(pieces)}</p>'


def _quotes_section(quotes: pd.DataFrame, names: Mapping[str, str], picks: Picks) -> str:
    e = html.escape
    picked = set(picks.quote_ids)
    out = ['<section><h2>候选引语</h2>',
           '<table id="quotes"><thead><tr><th scope="col">选择</th><th scope="col">顺序</th>'
           '<th class="n" scope="col">排名</th><th scope="col">引语</th><th scope="col">说话人</th>'
           '<th scope="col">所在段落</th></tr></thead>']
    for row in _ordered(quotes, "quote_id", picks.quote_ids):
        item_id, text = str(row.quote_id), str(row.text)
        speaker = "" if pd.isna(row.speaker) else str(row.speaker)
        where = names.get(str(row.profile_id), SECTION_NAMES.get(str(row.profile_id), str(row.profile_id)))
        checked = " checked" if item_id in picked else ""
        out.append(
            f'<tbody class="item" data-kind="quote" data-id="{e(item_id)}">'
            f'<tr><td><input type="checkbox" class="pick" aria-label="选择引语 {int(row.rank)}"{checked}></td>'
            f'<td class="move">{_MOVE_BUTTONS}</td><td class="n">{int(row.rank)}</td>'
            f'<td class="quote">“{e(text)}”</td><td>{e(speaker) or "—"}</td><td>{e(where)}</td></tr></tbody>'
        )
    if not len(quotes):
        out.append('<tbody><tr><td colspan="6">（没有候选引语）</td></tr></tbody>')
    out.append("</table></section>")
    return "".join(out)


_MOVE_BUTTONS = ('<button type="button" data-move="up" title="上移" aria-label="上移">↑</button>'
                 '<button type="button" data-move="down" title="下移" aria-label="下移">↓</button>')

_CSS = """
body{font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;
margin:0;color:#1a1a1a;background:#fafaf7;font-size:15px;line-height:1.6}
header{position:sticky;top:0;background:#fff;border-bottom:2px solid #1a1a1a;padding:.6em 1.2em;z-index:2}
h1{font-size:1.35em;margin:.1em 0}h2{font-size:1.15em;margin:1.2em 0 .4em;border-left:5px solid #b5121b;padding-left:.4em}
.how{margin:.2em 0;color:#444;font-size:.92em}.bar{display:flex;gap:1em;align-items:center;margin-top:.3em}
#save{font-size:1em;padding:.35em 1.4em;background:#b5121b;color:#fff;border:0;border-radius:4px;cursor:pointer}
#save:hover{background:#8c0e15}#status{color:#333}
main{padding:0 1.2em 3em}table{border-collapse:collapse;background:#fff;width:100%}
th{background:#eee;font-weight:600;padding:.3em .4em;text-align:left;font-size:.9em;white-space:nowrap}
td{padding:.25em .4em;vertical-align:top}tbody.item{border-top:1px solid #ccc}
tbody.item.picked{background:#fff8e1}th.n,td.n{text-align:center;min-width:2.2em}
td.c0{color:#bbb}td.c1{background:#e3eef9}td.c2{background:#b9d3ee;font-weight:600}td.c3{background:#7fa9d6;font-weight:700}
tr.evidence td{padding-top:0;padding-bottom:.5em;font-size:.9em;color:#333}
.sentence{margin:.1em 0}.who{display:inline-block;min-width:3.5em;color:#666;margin-right:.5em}
.who::before{content:"【"}.who::after{content:"】"}
.tag{float:left;font-size:.8em;color:#fff;background:#777;border-radius:3px;padding:0 .35em;margin:.2em .6em 0 0}
mark{background:#ffe066;padding:0 1px}input.label{width:14em;font-size:1em}td.type{white-space:nowrap;color:#555}
td.move{white-space:nowrap}td.move button{border:1px solid #aaa;background:#fff;cursor:pointer;padding:0 .35em;margin-right:2px}
td.quote{max-width:40em}.filter{font-size:.9em}.note{color:#666;margin-left:1em}
code{background:#f0f0f0;padding:0 .25em}section{scroll-margin-top:9em}
"""

# Reads ticks, labels and row order from the DOM; writes text only with textContent.
_SCRIPT = """
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("picks-config").textContent);
  function items(kind) {
    return Array.prototype.slice.call(document.querySelectorAll('tbody.item[data-kind="' + kind + '"]'));
  }
  function isPicked(item) { return item.querySelector("input.pick").checked; }
  function collect() {
    return {
      version: config.version,
      article_id: config.article_id,
      themes: items("theme").filter(isPicked).map(function (item) {
        var label = item.querySelector("input.label").value.trim();
        return {id: item.dataset.id, label: label || item.dataset.label};
      }),
      quotes: items("quote").filter(isPicked).map(function (item) { return {id: item.dataset.id}; })
    };
  }
  function refresh() {
    items("theme").concat(items("quote")).forEach(function (item) {
      item.classList.toggle("picked", isPicked(item));
    });
    var picks = collect();
    document.getElementById("status").textContent =
      "已选：主题 " + picks.themes.length + " 个，引语 " + picks.quotes.length + " 条";
    filter();
  }
  function sibling(item, step) {
    var next = step < 0 ? item.previousElementSibling : item.nextElementSibling;
    while (next && !(next.matches("tbody.item") && !next.hidden)) {
      next = step < 0 ? next.previousElementSibling : next.nextElementSibling;
    }
    return next;
  }
  function filter() {
    var type = document.getElementById("type-filter").value;
    var only = document.getElementById("only-picked").checked;
    items("theme").forEach(function (item) {
      item.hidden = (type !== "" && item.dataset.type !== type) || (only && !isPicked(item));
    });
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-move]");
    if (!button) { return; }
    var item = button.closest("tbody.item");
    var other = sibling(item, button.dataset.move === "up" ? -1 : 1);
    if (!other) { return; }
    if (button.dataset.move === "up") { item.parentNode.insertBefore(item, other); }
    else { item.parentNode.insertBefore(other, item); }
    button.focus();
  });
  document.addEventListener("change", refresh);
  document.getElementById("save").addEventListener("click", function () {
    var picks = collect();
    var blob = new Blob([JSON.stringify(picks, null, 1) + "\\n"], {type: "application/json"});
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = config.file_name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    document.getElementById("status").textContent = "已保存 " + config.file_name + "（主题 " +
      picks.themes.length + " 个，引语 " + picks.quotes.length + " 条）：请放进项目的 picks/ 文件夹，再运行 make report";
  });
  refresh();
})();
"""
