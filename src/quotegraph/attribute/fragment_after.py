"""A sentence quoting a fragment right after an attributed quotation is the same speaker's.

``“We will not wait,” Ms. Ode said. Her plan is “a bridge, not a wall.”``: the second sentence
has no cue of its own, yet the quoted words in it are the speaker's, and the writer's sentence
around them reports what she means. The whole sentence is a mixed statement of the speaker of
the direct quotation in the sentence just before it, in the same paragraph. A sentence that
opens with its quotation is the continuation rule's (``direct.continue_quotes``).
"""

from __future__ import annotations

from quotegraph.attribute.direct import is_title_like
from quotegraph.attribute.found import Found
from quotegraph.segment.quotes import Quote, word_count

_MIN_FRAGMENT_WORDS = 2
_STRIP = " \t\n.!?"


def fragment_after(text: str, s: int, e: int, quotes: list[Quote], prev: Found | None,
                   paragraph: int) -> Found | None:
    """The mixed statement for sentence ``text[s:e]``, or None.

    ``prev``: the direct statement with a speaker phrase found in the sentence before, in the
    same paragraph (None when there is none). The caller only asks for sentences with no cue
    and no statement of their own.
    """
    if prev is None or prev.kind != "direct" or prev.np is None or prev.paragraph != paragraph:
        return None
    inner = [q for q in quotes if s <= q.open < e]
    if not inner or any(not text[s:q.open].strip() for q in inner):
        return None  # a quotation opening its sentence is a continuation, not a fragment
    if not any(word_count(text, q.start, q.end) >= _MIN_FRAGMENT_WORDS and not is_title_like(text, q, s)
               for q in inner):
        return None  # a quoted name ("the «North Line» operator") is nobody's words
    start, end = s, e
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in _STRIP:
        end -= 1
    if word_count(text, start, end) < 4:
        return None
    return Found("mixed", start, end, None, prev.np, "mixed:fragment-after-quote", paragraph,
                 how="a quoted fragment right after the speaker's attributed quotation")
