"""Chart 10: a pull quote for each quote the editor picked, ready for the page.

The quote (wrapped between Chinese characters, never inside a Latin word), an accent opening mark, and
the attribution "——name，role" under it, in the house frame with the source line. The speaker and the
role come from the tables (`pull_quotes`, `quotes` for an unnamed speaker's description, `people` and
`profiles` for the role); the CSV holds the printed lines with the quote's span in the article.
"""
from __future__ import annotations

import pandas as pd

from . import house

QUOTE_PT = 12.0  # the quote: larger than a title, it is the graphic
MARK_PT = 28.0  # the accent opening quotation mark
ATTRIBUTION_PT = house.LABEL_PT
WIDTH = "col2"
NO_LINE_START = set("，。、；：？！”’）》」』…—")  # closing marks never begin a printed line
HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}


def print_text(text: str) -> str:
    """Half-width punctuation next to a Chinese character in its full-width print form (,→，)."""
    chars = list(text)
    for i, char in enumerate(chars):
        if char in HALF_TO_FULL and ((i and ord(chars[i - 1]) > 0x2E7F) or (i + 1 < len(chars) and ord(chars[i + 1]) > 0x2E7F)):
            chars[i] = HALF_TO_FULL[char]
    return "".join(chars)


def keep_marks_with_text(lines: list[str]) -> list[str]:
    """Move a line's leading closing marks up to the end of the line before, with the character before
    them (the usual rule of Chinese typesetting), so no line starts with ，。” …"""
    lines = list(lines)
    for i in range(1, len(lines)):
        while lines[i] and lines[i][0] in NO_LINE_START and len(lines[i - 1]) > 1:
            lines[i] = lines[i - 1][-1] + lines[i]
            lines[i - 1] = lines[i - 1][:-1]
            if lines[i][0] not in NO_LINE_START:
                break
    return [line for line in lines if line]


def _role(name: str, tables) -> str:
    """The speaker's role: from the people table, else from the profile they head."""
    for table, name_column in (("people", "name"), ("profiles", "name")):
        frame = tables.get(table)
        if frame is None or not len(frame) or "role" not in frame:
            continue
        roles = frame.loc[frame[name_column] == name, "role"].dropna().astype(str)
        roles = roles[roles.str.strip() != ""]
        if len(roles):
            return roles.iloc[0]
    return ""


def pull_quote_data(tables, quote_ids: list[str]) -> list[pd.DataFrame]:
    """One frame per picked quote, in the editor's order: the quote's printed lines and attribution."""
    quotes = tables["pull_quotes"].set_index("quote_id", drop=False)
    described = {}
    if "quotes" in tables and "speaker_description" in tables["quotes"]:
        all_quotes = tables["quotes"]
        described = dict(zip(all_quotes["quote_id"], all_quotes["speaker_description"]))
    result = []
    for order, quote_id in enumerate(quote_ids, 1):
        if quote_id not in quotes.index:
            continue
        row = quotes.loc[quote_id]
        speaker = "" if pd.isna(row["speaker"]) else str(row["speaker"])
        description = described.get(quote_id)
        who = speaker or ("" if description is None or pd.isna(description) else str(description))
        role = _role(speaker, tables) if speaker else ""
        attribution = "——" + who + (f"，{role}" if role else "") if who else ""
        result.append(pd.DataFrame([{
            "pick_order": order, "quote_id": quote_id, "text": str(row["text"]), "speaker": who, "role": role,
            "attribution": attribution, "section_id": row["section_id"], "start": int(row["start"]),
            "end": int(row["end"])}]))
    return result


def draw_pull_quote(data: pd.DataFrame, source: house.SourceNote, *, width=WIDTH, settings=None):
    """The graphic for one quote (a one-row frame from `pull_quote_data`)."""
    item = data.iloc[0]
    frame = house.Frame("", source, width, 20.0, None, settings)  # height set below, once the lines are known
    text_width = frame.width_mm - 2 * house.MARGIN_MM
    # Wrapped two characters short of the width: moving a character down to keep a closing mark
    # company lengthens the next line by one character and marks are full-width.
    em_mm = QUOTE_PT * house.MM_PER_PT
    lines = keep_marks_with_text(house.wrap_mm(f"{print_text(item['text'])}”", text_width - 2 * em_mm, QUOTE_PT))
    attribution = house.wrap_mm(item["attribution"], text_width, ATTRIBUTION_PT) if item["attribution"] else []
    line_mm = QUOTE_PT * house.MM_PER_PT * house.LINE_SPACING
    mark_mm = MARK_PT * house.MM_PER_PT * 0.45  # the mark's ink sits in the top half of its em
    body_mm = mark_mm + len(lines) * line_mm + 1.5 + len(attribution) * ATTRIBUTION_PT * house.MM_PER_PT * house.LINE_SPACING
    bands = house.frame_text(frame)
    height = bands.header_mm + body_mm + bands.footer_mm + 2.0
    frame = house.Frame("", source, width, height, None, settings)
    with house.style():
        figure = house.new_figure(frame, constrained=False)
        x = house.MARGIN_MM / frame.width_mm

        def y(mm: float) -> float:
            return 1 - mm / height

        top = bands.header_mm
        # The font draws “ in the right half of its em: start the em half an em to the left.
        shift = MARK_PT * house.MM_PER_PT * 0.45 / frame.width_mm
        figure.text(x - shift, y(top - 1.0), "“", fontsize=MARK_PT, color=house.ACCENT, va="top", ha="left")
        cursor = top + mark_mm
        for line in lines:
            figure.text(x, y(cursor), line, fontsize=QUOTE_PT, color=house.INK, va="top", ha="left")
            cursor += line_mm
        cursor += 1.5
        for line in attribution:
            figure.text(x, y(cursor), line, fontsize=ATTRIBUTION_PT, color=house.GREY_DARK, va="top", ha="left")
            cursor += ATTRIBUTION_PT * house.MM_PER_PT * house.LINE_SPACING
    data = data.assign(lines=len(lines), printed="\n".join(lines))
    return figure, data
