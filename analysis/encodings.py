"""Decoding article bytes: UTF-8 (with or without BOM), UTF-16 or UTF-32 with BOM, GB18030/GBK, Big5.

Detection beyond UTF-8 uses charset-normalizer, limited to the encodings Chinese newsrooms
actually meet, and is accepted only when the result reads as Chinese text.
"""
from __future__ import annotations

import codecs
from pathlib import Path

from charset_normalizer import from_bytes

from .errors import InputError
from .lexicon import HAN_RE

MAX_BYTES = 20 * 1024 * 1024  # one article: a larger file is refused, by `batch` too
CHINESE_ENCODINGS = ["gb18030", "big5", "utf_16", "utf_32"]
# UTF-32 first: its little-endian BOM (FF FE 00 00) begins with UTF-16's (FF FE).
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
MAX_NUL_SHARE = 0.01  # text decoded with the wrong width has a NUL every other or every fourth character


def decode(raw: bytes, path: Path | str) -> tuple[str, str]:
    """Decoded text and the encoding's name; InputError names the file and the fix."""
    check_size(len(raw), path)
    text, name = _decode(raw, path)
    if text.count("\x00") > MAX_NUL_SHARE * len(text):
        raise InputError(f"{path}: read as {name}, the text is full of NUL characters: the file's encoding "
                         "is not what its first bytes say (UTF-16 or UTF-32?); re-save the file as UTF-8")
    return text, name


def _decode(raw: bytes, path: Path | str) -> tuple[str, str]:
    for bom, name in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(name), name
            except UnicodeDecodeError:
                break
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for name in ("gb18030", "big5"):
        try:
            text = raw.decode(name)
        except UnicodeDecodeError:
            continue
        if _reads_as_chinese(text):
            return text, name
    best = from_bytes(raw, cp_isolation=CHINESE_ENCODINGS).best()
    if best is not None and _reads_as_chinese(str(best)):
        return str(best), best.encoding
    raise InputError(
        f"{path}: cannot read the text: it is not UTF-8, GB18030/GBK or Big5; "
        "re-save the file as UTF-8 (in Word or Notepad: Save as, Encoding: UTF-8)"
    )


def check_size(size: int, path: Path | str) -> None:
    """Refuse a file too large to be one article, before reading it into memory."""
    if size > MAX_BYTES:
        raise InputError(
            f"{path}: {size / 2**20:,.0f} MiB is too large for one article (the limit is {MAX_BYTES // 2**20} MiB "
            "per file, in the batch command too); split it into one .txt file per article in a folder "
            "and run `python -m analysis batch FOLDER --out DIR`"
        )


def _reads_as_chinese(text: str) -> bool:
    """Most non-space characters are common Han characters or punctuation, not mojibake."""
    visible = [c for c in text if not c.isspace()]
    if not visible:
        return False
    han = sum(1 for c in visible if HAN_RE.match(c))
    odd = sum(1 for c in visible if not c.isprintable() or "\ue000" <= c <= "\uf8ff")
    return han / len(visible) > 0.3 and odd / len(visible) < 0.01
