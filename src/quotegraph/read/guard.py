"""Checks every document passes before it leaves the readers: no lone surrogates, no
oversized text.

A lone surrogate (U+D800-U+DFFF on its own) is valid in a JSON string escape (``"\\ud800"``)
but is not a Unicode character: it cannot be written as UTF-8, so it breaks JSON output, the
SQLite store and the web API alike. Such a document is *rejected* (one ReadFailure naming the
field and position), not silently repaired: replacing the character would change the text a
user gave, and offsets would then point into something they never wrote.

The size limit exists so one giant input (a dump mistaken for an article, a CSV whose quote
never closes) cannot take the memory and time of a whole batch.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import fields
from typing import Any

from quotegraph.model import Document
from quotegraph.read.failure import ReadFailure

__all__ = ["DEFAULT_MAX_BYTES", "check_document", "check_row", "lone_surrogate", "too_big"]

# Larger than any real article (a 10 MB transcript still passes), small enough that a
# mistaken input is refused before it costs minutes.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

_SURROGATE = re.compile("[\ud800-\udfff]")


def lone_surrogate(text: str) -> str | None:
    """Where the first lone surrogate of ``text`` is, in words, or None when there is none."""
    m = _SURROGATE.search(text)
    if m is None:
        return None
    return f"U+{ord(m.group()):04X} at character {m.start()}"


def check_row(row: Mapping[str, Any], *, source: str) -> ReadFailure | None:
    """A failure for a corpus row with a lone surrogate in any of its text fields (the
    row's ``id`` is named when it has one), else None."""
    if any(isinstance(key, str) and lone_surrogate(key) for key in row):
        return ReadFailure(source, "row skipped: a field name holds a lone surrogate, "
                                   "which is not valid Unicode")
    for key, value in row.items():
        if isinstance(value, str) and (where := lone_surrogate(value)):
            rid = row.get("id")
            named = f" (id {rid!r})" if isinstance(rid, (str, int)) and not isinstance(rid, bool) else ""
            return ReadFailure(source, f"row{named} skipped: field {key!r} holds a lone "
                                       f"surrogate ({where}), which is not valid Unicode")
    return None


def too_big(size: int, max_bytes: int | None) -> str | None:
    """The message for an input of ``size`` bytes over ``max_bytes``, or None."""
    if max_bytes is None or size <= max_bytes:
        return None
    return (f"skipped: {size:,} bytes, more than the limit of {max_bytes:,} "
            "(raise it with --max-bytes)")


def check_document(doc: Document, *, max_bytes: int | None) -> Document | ReadFailure:
    """``doc`` itself, or a ReadFailure when its text is over ``max_bytes`` (in UTF-8) or a
    text field holds a lone surrogate. Applied to every reader's output, web ones included."""
    for f in fields(doc):
        if f.name == "source":  # a path may carry surrogate escapes of undecodable bytes
            continue
        value = getattr(doc, f.name)
        if isinstance(value, str) and (where := lone_surrogate(value)):
            return ReadFailure(doc.source, f"skipped: field {f.name!r} holds a lone surrogate "
                                           f"({where}), which is not valid Unicode")
    if max_bytes is not None and len(doc.text) > max_bytes // 4:  # cheap bound before encoding
        message = too_big(len(doc.text.encode("utf-8")), max_bytes)
        if message:
            return ReadFailure(doc.source, message)
    return doc
