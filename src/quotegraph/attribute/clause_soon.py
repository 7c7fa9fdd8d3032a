"""Whether a cue that may take a plain object reports a clause: "wrote the deal was dead".

"wrote a check", "reported earnings of $8 a share" and "tweeted a chart" name a thing; "wrote
the deal was dead", "reported it sold $30 billion in goods" and "reported spending $6 million on
ads" pass on what the speaker stated. Without a "that" the clause shows itself by a finite
auxiliary within a few words, by a subject pronoun with its verb right after the cue, or (for
"reported" only, the verb of filings and counts) by a gerund naming what was declared.
"""

from __future__ import annotations

import re

from quotegraph.attribute import lexicon as lx

_AUX_SOON = re.compile(
    r"\s+(?!to\b|about\b|on\b|for\b|with\b)(?:[\w’'\-$%.]+,?\s+){0,7}?"
    rf"(?:{lx.AUX}|{lx.NEGATED_AUX})\b")

# A subject pronoun, then a verb in the past or the present: "reported it sold", "wrote they
# lost"; not "reported it to the police", "wrote it down" (no verb after the pronoun).
_PRONOUN_VERB = re.compile(
    r"\s+(?:he|she|they|we|I|it)\s+(?:[a-z]{2,}ed|[a-z]{3,}s|sold|bought|lost|won|made|took|gave|"
    r"had|did|saw|knew|thought|spent|paid|ran|left|met|kept|held|sent|got|came|went|grew|rose|"
    r"fell|began|found|felt|heard|told|said|wrote|raised|cut)\b(?!\s+(?:by|to)\b)")

# A gerund after "reported": "reported spending $1 million", "reported having $3 million in cash";
# not the nouns in -ing ("reported nothing", "reported funding of ...", "reported a meeting").
_GERUND = re.compile(
    r"\s+(?!(?:nothing|something|anything|everything|morning|evening|meeting|building|funding|"
    r"bleeding|ceiling|clothing|housing|wedding|pudding|sibling|string|thing|king|ring|wing|"
    r"during|shooting|shootings|bombing|bombings|killing|killings|warning|warnings|findings?)\b)"
    r"[a-z]{3,}ing\s+(?!of\b)")

_REPORTED = frozenset({"reported", "reports"})


def clause_soon(text: str, pos: int, end: int, cue_text: str) -> bool:
    """Whether ``text[pos:end]``, right after the cue ``cue_text``, opens a reported clause."""
    if _AUX_SOON.match(text, pos, end) or _PRONOUN_VERB.match(text, pos, end):
        return True
    return cue_text in _REPORTED and _GERUND.match(text, pos, end) is not None
