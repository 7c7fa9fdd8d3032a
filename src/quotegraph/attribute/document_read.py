"""A document closing a quotation with the past tense of "reads": '“...,” the statement read.'

"read" is no reporting verb in general ("the minister read the letter", "I read it once"), so
it is not in the lexicon; right after a quotation, with a document as its subject and nothing
after it in the clause, it attributes the quotation to the document, which resolution gives to
the body that issued it (``resolve.speakers._issuer`` / ``_issued_by``).
"""

from __future__ import annotations

import re

from quotegraph.attribute.found import Found
from quotegraph.attribute.mentions import SpeakerNP
from quotegraph.segment.quotes import Quote

# ', the statement read.' / ', the statement on Monday (Aug 12) read.' / ', its communiqué read;'
_READ = re.compile(
    r"[\s,—–-]*(?P<np>(?:the|its|this)\s+(?:joint\s+|press\s+|official\s+|ministry(?:’s|'s)?\s+)?"
    r"(?P<doc>statement|communiqu[eé]|press\s+release|declaration|readout))"
    r"(?:\s+(?:on|of|issued|released|last|late|early)\b[^,;:.“”\"«»]{0,40}?)?"
    r"\s+(?P<cue>read)\s*(?=[.;]|$)")


def document_read(text: str, q: Quote, e: int) -> Found | None:
    """A direct statement for ``q`` when the clause after its closing mark is '<document> read'."""
    if q.close is None:
        return None
    m = _READ.match(text, q.close + 1, e)
    if m is None:
        return None
    np = SpeakerNP("unnamed", m.start("np"), m.end("np"), m.group("np"), head="statement")
    return Found("direct", q.start, q.end, m.span("cue"), np, "direct:document-read", q.paragraph,
                 clause=(q.close + 1, m.end("cue")))
