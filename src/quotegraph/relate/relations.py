"""Relations: whom a statement accuses, criticises, makes demands of, threatens or supports.

``find_relations(text, statement, mentions)`` reads the statement span (and the words between its
cue and the span, where "accused Washington of ..." names the target) and returns one
:class:`~quotegraph.model.Relation` per trigger word that has an actor to aim at. Actors are the knowledge-base
mentions of the article plus collective actors that PLOVER-style coders drop ("the West",
"Western capitals", "unfriendly states"), which are first-class targets here.

Relation types and the PLOVER event type each maps to (PLOVER files criticism under ACCUSE,
praise under SUPPORT and demands under REQUEST):

==========  ========  ===================================================================
type        PLOVER    triggers
==========  ========  ===================================================================
accuse      ACCUSE    accuse, blame, "is seeking/trying to force/pressure/impose ..."
criticise   ACCUSE    criticise, condemn, denounce, slam
demand      REQUEST   demand, urge, call on
threaten    THREATEN  threaten, warn
support     SUPPORT   support, back, welcome, stand with
praise      SUPPORT   praise, commend, hail
==========  ========  ===================================================================

A statement with none of these has no relations: it stays a plain STATEMENT. The target is the
nearest actor after the trigger in the same clause ("condemned Freeland"), except for the
"X is seeking to force Y" pattern, where X (before the trigger) is the target and Y is
``affected``. The speaker is the statement's; it is not repeated here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from quotegraph.model import Mention, Relation, Span, Statement

PLOVER = {"accuse": "ACCUSE", "criticise": "ACCUSE", "demand": "REQUEST",
          "threaten": "THREATEN", "support": "SUPPORT", "praise": "SUPPORT"}

TRIGGERS = {
    "accuse": r"accus(?:e|es|ed|ing)|blam(?:e|es|ed|ing)",
    "criticise": r"critici[sz](?:e|es|ed|ing)|condemn(?:s|ed|ing)?|denounc(?:e|es|ed|ing)"
                 r"|slam(?:s|med|ming)?",
    "demand": r"demand(?:s|ed|ing)?|urg(?:e|es|ed|ing)|call(?:s|ed|ing)?\s+on",
    "threaten": r"threat(?:en|ens|ened|ening)|warn(?:s|ed|ing)?",
    "support": r"support(?:s|ed|ing)?|back(?:s|ed|ing)?|welcom(?:e|es|ed|ing)|stands?\s+with",
    "praise": r"prais(?:e|es|ed|ing)|commend(?:s|ed|ing)?|hail(?:s|ed|ing)?",
}
_TRIGGER_RE = re.compile(
    "|".join(rf"(?P<{t}>\b(?:{p})\b)" for t, p in TRIGGERS.items()), re.IGNORECASE)
# "the West is seeking to force Russia's allies ...": the subject is accused of the pressure.
_PRESSURE_RE = re.compile(
    r"\b(?:is|are|was|were|keeps?)\s+(?:seeking|trying|attempting|working|continuing)\s+to\s+"
    r"(?:force|pressure|pressurise|pressurize|coerce|impose|undermine|destabili[sz]e|drag)\b",
    re.IGNORECASE)
COLLECTIVE_RE = re.compile(
    r"\b(?:the\s+)?(?:collective\s+West|West(?:ern)?\s+(?:countries|capitals|states|nations"
    r"|partners|governments|allies|sponsors)|West\b|unfriendly\s+(?:states|countries|nations)"
    r"|(?:some|certain)\s+(?:countries|states|forces|capitals)|international\s+community"
    r"|NATO\s+(?:countries|members|allies)|[A-Z][a-z]+(?:'s|’s)\s+(?:allies|partners|neighbours"
    r"|neighbors))\b")
_CLAUSE_END = re.compile(r"[.;!?]|,\s+(?:but|while|whereas)\b")
# "this was not about support for ...", "did not condemn": a negated trigger states no relation.
_NEGATED = re.compile(r"\b(?:not|never|no)(?:\s+\w+){0,2}\s+$|n[’']t\s+(?:\w+\s+)?$", re.IGNORECASE)
# "the anti-Russian policy of the US": Russia is the policy's object, not a party to the statement.
_AFFIX_BEFORE = re.compile(r"(?:anti|pro|non)[-‑]$", re.IGNORECASE)


@dataclass(frozen=True)
class _Actor:
    start: int
    end: int
    id: str | None
    collective: bool


def _actors(text: str, lo: int, hi: int, mentions: Sequence[Mention]) -> list[_Actor]:
    """Mentions and collective actors in ``text[lo:hi]``. A collective phrase longer than a
    mention inside it wins ("Russia's allies" is not Russia); a mention that is itself a
    collective actor ("the West" in the knowledge base) keeps its id and is marked collective."""
    groups = [(m.start(), m.end()) for m in COLLECTIVE_RE.finditer(text, lo, hi)]
    found = []
    for m in mentions:
        if not (lo <= m.start and m.end <= hi):
            continue
        if _AFFIX_BEFORE.search(text, max(0, m.start - 5), m.start):
            continue
        if any(s <= m.start and m.end <= e and e - s > m.end - m.start for s, e in groups):
            continue
        collective = m.type == "grouping" or any(s < m.end and m.start < e for s, e in groups)
        found.append(_Actor(m.start, m.end, m.id, collective))
    for s, e in groups:
        if not any(a.start < e and s < a.end for a in found):
            found.append(_Actor(s, e, None, True))
    return sorted(found, key=lambda a: a.start)


def _clause_end(text: str, pos: int, hi: int) -> int:
    m = _CLAUSE_END.search(text, pos, hi)
    return m.start() if m else hi


def _span(text: str, a: _Actor) -> Span:
    return Span(start=a.start, end=a.end, text=text[a.start:a.end])


# Stems of every trigger: most statements have none, and a substring test is far cheaper
# than the trigger patterns (this stage runs on every statement of every article).
_STEMS = ("accus", "blam", "critic", "condemn", "denounc", "slam", "demand", "urg", "call",
          "threat", "warn", "support", "back", "welcom", "stand", "prais", "commend", "hail",
          "force", "pressur", "coerce", "impose", "undermin", "destabili", "drag")


def find_relations(text: str, statement: Statement,
                   mentions: Sequence[Mention] = ()) -> tuple[Relation, ...]:
    """The relations of ``statement`` in ``text`` (offsets into ``text``), in text order."""
    lo = statement.start
    if statement.cue is not None and statement.cue.start < statement.start:
        lo = statement.cue.start  # "accused Washington of ...": the target precedes the span
    hi = statement.end
    low = text[lo:hi].lower()
    if not any(stem in low for stem in _STEMS):
        return ()
    actors = _actors(text, lo, hi, mentions)
    out: list[Relation] = []
    for m in _PRESSURE_RE.finditer(text, lo, hi):
        before = [a for a in actors if a.end <= m.start()
                  and _clause_end(text, a.end, m.start()) == m.start()]
        after = [a for a in actors if a.start >= m.end()
                 and a.start < _clause_end(text, m.end(), hi)]
        if before:
            t = before[-1]
            out.append(Relation(type="accuse", plover="ACCUSE",
                                trigger=Span(m.start(), m.end(), m.group(0)),
                                target=_span(text, t), target_id=t.id, collective=t.collective,
                                affected=_span(text, after[0]) if after else None))
    for m in _TRIGGER_RE.finditer(text, lo, hi):
        kind = m.lastgroup
        end = _clause_end(text, m.end(), hi)
        targets = [a for a in actors if m.end() <= a.start < end]
        if not targets or kind is None or _NEGATED.search(text, max(lo, m.start() - 30), m.start()):
            continue
        t = targets[0]
        out.append(Relation(type=kind, plover=PLOVER[kind],
                            trigger=Span(m.start(), m.end(), m.group(0)),
                            target=_span(text, t), target_id=t.id, collective=t.collective))
    return tuple(sorted(out, key=lambda r: r.trigger.start))
