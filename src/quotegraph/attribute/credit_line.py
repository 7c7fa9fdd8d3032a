"""The wire's own credit line: "X, Trend reports." in a Trend story is no statement by Trend.

An agency that closes its lead with its own name ("ALMATY. KAZINFORM ... , Kazinform reports.",
"(MENAFN- Trend News Agency) ... , Trend reports.") credits the story, it does not report what
someone else said. Only a known outlet that the article has already named counts; "X, reports
Akorda" (a presidential press service) or another outlet relaying is still a statement.
"""

from __future__ import annotations

import re

from quotegraph.read.outlets import KNOWN_OUTLETS

_SENTENCE_END = re.compile(r"\s*(?:[.!?]|$)")


def own_credit(text: str, np_start: int, np_text: str, cue_end: int) -> bool:
    """Whether ``np_text`` (at ``np_start``) before a closing "reports" is the article's own wire."""
    name = np_text.lower()
    if name not in KNOWN_OUTLETS or not _SENTENCE_END.match(text, cue_end):
        return False
    return text.lower().find(name, 0, np_start) >= 0
