"""'He said this during an interview': a demonstrative object, then a circumstance.

"this" or "so" right after the cue points back at words already reported (the sentence
before, which is its own statement); what follows says where or when, not what was said, so the
clause is no statement. Not "He said this was wrong", where "this" opens the reported clause.
"""

from __future__ import annotations

import re

_POINTS_BACK = re.compile(
    r"(?:this|so)\s+(?:during|in|at|on|while|when|after|before|to|at|from|for|via|through|"
    r"last|earlier|later|yesterday|today)\b", re.IGNORECASE)


def points_back(text: str, start: int, end: int) -> bool:
    """Whether the reported content ``text[start:end]`` is only 'this' plus a circumstance."""
    return _POINTS_BACK.match(text, start, end) is not None
