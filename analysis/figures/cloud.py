"""Chart 6: a word cloud from the segmented tokens, not from raw text.

Words come from the `tokens` table: stopwords (flagged there) and punctuation, numerals,
pronouns, adverbs and particles are left out by part of speech, single characters too; names and
roles arrive whole because the segmenter keeps them whole (韩朋友, 话务员). Text is horizontal, the
layout seeded (the same input gives the same picture), the font the house font, passed to
wordcloud by the same file path and face matplotlib uses. The cloud is a raster, so its PNG is
written at 600 dpi and the PDF embeds the same pixels.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from . import house
from .fonts import house_font

CONTENT_POS = ("n", "v", "a", "i", "l", "j")  # jieba POS prefixes kept: nouns (names too), verbs, adjectives, idioms
RANDOM_STATE = 12345
LAYOUT_SCALE = 4  # lay out at a quarter of the pixels, render at full size: same picture, 16x less work


def word_frequencies(tokens: pd.DataFrame, max_words: int = 120) -> pd.DataFrame:
    """Content words and their counts, most frequent first (ties in code-point order)."""
    content = tokens[~tokens["stopword"].astype(bool)
                     & tokens["pos"].astype(str).str.startswith(CONTENT_POS)
                     & (tokens["norm"].str.len() >= 2)]
    counts = content.groupby("norm").size().rename("count").reset_index().rename(columns={"norm": "word"})
    return counts.sort_values(["count", "word"], ascending=[False, True], ignore_index=True).head(max_words)


def _grey_for(rank: int, words: int) -> str:
    level = int(0x1a + (0x9a - 0x1a) * min(rank / max(words - 1, 1), 1.0) ** 0.6)
    return f"#{level:02x}{level:02x}{level:02x}"


def cloud_layout(frequencies: pd.DataFrame, width_px: int, height_px: int, dpi: int):
    """The fitted `WordCloud` (its `layout_` is what is drawn); no word smaller than 6.5 pt at `dpi`."""
    from wordcloud import WordCloud

    font = house_font()
    ranks = {w: i for i, w in enumerate(frequencies["word"])}
    smallest_px = math.ceil(house.MIN_TEXT_PT / 72 * dpi / LAYOUT_SCALE)
    cloud = WordCloud(
        font_path=str(font.path), width=width_px // LAYOUT_SCALE, height=height_px // LAYOUT_SCALE,
        scale=LAYOUT_SCALE, prefer_horizontal=1.0, random_state=RANDOM_STATE, background_color="white",
        max_words=len(frequencies), min_font_size=smallest_px, relative_scaling=0.5, margin=2,
        collocations=False, color_func=lambda word, **_: _grey_for(ranks[word], len(ranks)),
    )
    return cloud.generate_from_frequencies(dict(zip(frequencies["word"], frequencies["count"])))


def cloud_frame(source: house.SourceNote, width="col3", height_mm: float = 80, settings=None,
                title: str | None = None) -> house.Frame:
    """The cloud's frame; its title (the finding, see `titles.cloud_finding`) is set before the layout,
    since the words around the cloud decide how much room it has."""
    return house.Frame(title or "报道里说得最多的词", source, width, height_mm,
                       "报道里说得最多的词。字越大，该词在全文出现越多；已去除虚词、数字和单字，人名与岗位名保持完整",
                       settings)


def cloud_data(tokens: pd.DataFrame, frame: house.Frame, dpi: int, max_words: int = 120):
    """(the fitted cloud, one row per drawn word: count, font size in px and pt, position, colour).

    The cloud is laid out at exactly the pixel size of the frame's plot area at `dpi`, so it is
    drawn 1:1 and font sizes in the CSV are the printed sizes.
    """
    frequencies = word_frequencies(tokens, max_words)
    width_px, height_px = plot_pixels(frame, dpi)
    cloud = cloud_layout(frequencies, width_px, height_px, dpi)
    counts = dict(zip(frequencies["word"], frequencies["count"]))
    rows = [{"word": word, "count": int(counts[word]), "relative": round(float(weight), 4),
             "font_px": size * LAYOUT_SCALE, "font_pt": round(size * LAYOUT_SCALE * 72 / dpi, 2),
             "x_px": pos[1] * LAYOUT_SCALE, "y_px": pos[0] * LAYOUT_SCALE, "colour": colour}
            for (word, weight), size, pos, _, colour in cloud.layout_]
    return cloud, pd.DataFrame(rows)


def plot_pixels(frame: house.Frame, dpi: int) -> tuple[int, int]:
    _, _, width, height = house.plot_rect(frame)
    scale = dpi / house.MM_PER_INCH
    # whole multiples of the layout scale, so wordcloud's upscaled image is exactly this size
    return (int(frame.width_mm * width * scale) // LAYOUT_SCALE * LAYOUT_SCALE,
            int(frame.height_mm * height * scale) // LAYOUT_SCALE * LAYOUT_SCALE)


def draw_cloud(cloud, frame: house.Frame):
    """The cloud's pixels in an axes of exactly their size, so 1 image pixel = 1 printed pixel at the cloud's dpi."""
    with house.style():
        figure = house.new_figure(frame, constrained=False)
        left, bottom, width, height = house.plot_rect(frame)
        image = np.asarray(cloud.to_image())
        axes = figure.add_axes((left, bottom, width, height))  # outside constrained layout: exactly the plot area
        axes.imshow(image, interpolation="none", aspect="auto")
        axes.set_axis_off()
    return figure
