"""Web pages given as articles: the text a reader sees, taken out of the page's HTML.

A stored web copy is sometimes the page's markup (a `.html` file saved from the browser, or the
source pasted into a `.txt`), often on one line. Read as text, the whole story would be one line:
no headings, no paragraphs, tags inside names and quotes. Here such a page becomes plain text
the way a browser lays it out: one line per paragraph, heading, list item or table row (`<br>`
and a line break in the text itself break a line), scripts, styles and the page's `<head>` left out, runs of white space shown as
one space, entities decoded. BeautifulSoup (with Python's own `html.parser`) does the parsing.

The analysis then reads that text, and every span is an offset into it (`Article.text`); the
markup itself is kept in the file, not indexed. A text that merely contains a stray tag (a
reprint site's junk line) is not a page and is left as it is.
"""
from __future__ import annotations

import re

BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "caption", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
    "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
})
# Not shown to a reader: code, styles, the page's head (its <title> repeats the headline with the
# site's name), embedded media.
HIDDEN_TAGS = ("head", "script", "style", "noscript", "template", "svg", "iframe", "object")
_TAG_RE = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)\b[^<>]*>")
_PAGE_START_RE = re.compile(r"\A\s*(?:<!DOCTYPE\s+html|<html[\s>])", re.IGNORECASE)
_SPACE_RE = re.compile(r"[ \t\r\f\v\xa0]+")  # HTML's white space (and &nbsp;); not the ideographic space
MIN_BLOCK_TAGS = 3
MIN_MARKUP_SHARE = 0.1  # of the text's visible characters: a page is mostly markup, an article with a junk line is not


def is_page(text: str) -> bool:
    """True for an HTML page (a document, or paragraphs in block tags), not text with a stray tag."""
    if _PAGE_START_RE.match(text):
        return True
    tags = list(_TAG_RE.finditer(text))
    blocks = sum(1 for tag in tags if tag.group(1).lower() in BLOCK_TAGS or tag.group(1).lower() == "br")
    markup = sum(tag.end() - tag.start() for tag in tags)
    visible = len(text) - text.count(" ") - text.count("\n")
    return blocks >= MIN_BLOCK_TAGS and markup >= MIN_MARKUP_SHARE * max(visible, 1)


def page_text(html: str) -> str:
    """The page's text, one line per block (paragraph, heading, list item, table row or cell)."""
    from bs4 import BeautifulSoup
    from bs4.element import NavigableString, Tag

    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup.find_all(HIDDEN_TAGS):
        hidden.decompose()
    lines: list[str] = []
    current: list[str] = []

    def end_line() -> None:
        line = _SPACE_RE.sub(" ", "".join(current)).strip(" ")
        if line:
            lines.append(line)
        current.clear()

    def walk(node: Tag) -> None:
        for child in node.children:
            if isinstance(child, Tag):
                name = child.name.lower()
                if name == "br":
                    end_line()
                elif name in BLOCK_TAGS:
                    end_line()
                    walk(child)
                    end_line()
                else:
                    walk(child)
            elif type(child) is NavigableString:  # not a comment, doctype or processing instruction
                # A line break in the text itself stays one: pages pasted from text keep their
                # paragraphs, and a page's indentation between tags gives only empty lines.
                first, *rest = str(child).split("\n")
                current.append(first)
                for piece in rest:
                    end_line()
                    current.append(piece)

    walk(soup)
    end_line()
    return "\n".join(lines) + "\n"
