"""Patterns and limits that several extractors share: one home for each rule.

- `HAN` / `HAN_RE`: what counts as a Han character, everywhere (every CJK ideograph block: the
  basic block, Extension A such as 䶮, compatibility ideographs, Extensions B to I). `HAN` is a
  character-class body, so patterns embed it: `rf"[{HAN}]{{2,4}}"`.
- `QUOTED_TERM_MAX_CHARS`: the longest quoted phrase that can be a term of art (“话毕单成”) rather
  than speech. `quotes.classify` is the one rule that uses it; discovery's quoted terms are the
  quotes it classifies as terms or titles, so a phrase gets the same kind in every table.

Numbers have their own module (`numerals`), dates theirs (`dates`).
"""
from __future__ import annotations

import re

HAN = ("\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
       "\U00020000-\U0002a6df\U0002a700-\U0002ee5f\U0002f800-\U0002fa1f\U00030000-\U000323af")
HAN_RE = re.compile(f"[{HAN}]")

QUOTED_TERM_MAX_CHARS = 10
