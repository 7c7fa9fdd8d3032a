"""The outlet an agency's own credit line names: "..., Trend reports." closing the lede.

Agencies of the region (Trend, Kazinform, AzerTAc, APA) end their first sentence with their own
name and "reports", and reprints on other sites keep it. The credit counts only in the first
paragraph of the body, only for an outlet the project knows, and only when "reports" ends the
sentence: "AFP reports citing the Financial Times" and "Bloomberg reported" cite another outlet.
"""

from __future__ import annotations

import re

from quotegraph.read.outlets import KNOWN_OUTLETS

__all__ = ["credit_outlet"]

_CREDIT = re.compile(
    r",\s+(?P<name>[A-Z][\w.\-]*(?:[ \t][A-Z][\w.\-]*){0,3})(?:[ \t]+correspondent)?[ \t]+reports"
    r"[ \t]*\.(?=\s|$)"
)
_LEDE_CHARS = 1500  # a first paragraph longer than this is no lede worth reading


def credit_outlet(text: str, body_start: int) -> str | None:
    """The known outlet whose credit ends a sentence of the body's first paragraph, else ``None``."""
    end = text.find("\n\n", body_start)
    lede = text[body_start:end if end >= 0 else len(text)][:_LEDE_CHARS]
    for m in _CREDIT.finditer(lede):
        name = KNOWN_OUTLETS.get(m.group("name").lower())
        if name is not None:
            return name
    return None
