"""Whose statement "the statement" is when a person issued it: 'Spokesperson X said in a
statement. ... “...,” the statement read.'

``speakers._issuer`` gives "the statement" to the institution that spoke just before; a person
who spoke "in a statement" (or "issued a statement") is that statement's author as well. The
turn may go on between them ("he said, adding ..."), as long as nobody else speaks.
"""

from __future__ import annotations

import re

from quotegraph.attribute.found import Found
from quotegraph.model import Speaker

# "in a statement", "in a written statement", "issued a statement", "in its press release"
_IN_STATEMENT = re.compile(
    r"\b(?:in|issued|released|put\s+out)\s+(?:a|an|his|her|its|their|the)\s+(?:[\w\-]+\s+)?"
    r"(?:statement|communiqu[eé]|press\s+release|declaration)\b", re.I)
_WINDOW = 80  # characters around the cue searched for "in a statement"


def _said_in_statement(text: str, f: Found) -> bool:
    if f.cue is None:
        return False
    a, b = f.cue
    lo = max(text.rfind("\n", 0, a) + 1, a - _WINDOW)
    stop = [i for i in (text.find("\n", b), text.find(". ", b)) if i >= 0]
    hi = min([b + _WINDOW] + stop)
    return _IN_STATEMENT.search(text, lo, hi) is not None


def statement_author(text: str, f: Found, resolved) -> Speaker | None:
    """The person whose statement ``f``'s "the statement" is: the current turn's speaker, when
    one of the turn's statements (within two paragraphs) was made "in a statement"."""
    author = None
    for prev_f, prev in reversed(resolved[-6:]):
        if f.paragraph - prev_f.paragraph > 2:
            break
        if prev is None:
            continue
        if author is not None and prev.name != author.name:
            break  # someone else spoke in between
        author = prev
        if _said_in_statement(text, prev_f):
            how = (f"'{f.np.text}' -> '{prev.name}' (who spoke in a statement at {prev_f.start})",)
            return Speaker(name=prev.name, mention=f.np.text, start=f.np.start, end=f.np.end,
                           id=prev.id, role=prev.role, title=prev.title, how=how)
    return None
