"""A statement as attribution finds it, before its speaker mention is resolved."""

from __future__ import annotations

from dataclasses import dataclass

from quotegraph.attribute.mentions import SpeakerNP


@dataclass(frozen=True)
class Found:
    """Content span, cue span and the speaker phrase next to the cue (``np``).

    ``inherit`` marks a statement whose speaker comes from its neighbour: ``previous`` (a quote
    that continues the last speaker's turn) or ``next`` (a quote that runs on into an attributed
    one). ``clause`` is the attribution clause, where a statement's own date ("on Saturday") is
    looked for. ``source_span`` keeps the words of an unnamed source ("according to sources").
    """

    kind: str
    start: int
    end: int
    cue: tuple[int, int] | None
    np: SpeakerNP | None
    rule: str
    paragraph: int
    inherit: str | None = None
    clause: tuple[int, int] | None = None
    source_span: tuple[int, int] | None = None
    how: str | None = None
