"""Actor groups: actors named together as one list ("Russia, China and India", "through the
SCO, the EAEU, the CSTO and ASEAN", "the United States and its allies").

A statement that names three states in one breath speaks of them as a bloc; counting each alone
loses that. A group is found from the article's actor mentions plus a few collective phrases
("its allies", "Western countries"): a run of at least two of them joined only by list words
(", ", " and ", ", and ", " or ", " as well as ", each optionally followed by "the "), where the
last join says "and"/"or"/"as well as" — a bare comma ("Astana, Kazakhstan") is no list. At
least one member must be a known actor and no actor may appear twice. The group's span covers
the whole list, a leading "the" included.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from quotegraph.model import ActorGroup, GroupMember, Mention, Statement
from quotegraph.spans import SpanSet

# What may stand between two members of one list.
_JOIN = re.compile(r"\s*(?:,\s*(?:(?:and|or)\s+)?|\s(?:and|or|as\s+well\s+as)\s+)(?:the\s+)?",
                   re.IGNORECASE)
_CLOSES = re.compile(r"(?:and|or|as\s+well\s+as)\s+(?:the\s+)?$", re.IGNORECASE)
# Members that name no one actor but belong in the list ("the US and its allies").
_COLLECTIVE = re.compile(
    r"\b(?:(?:its|their|his|her|our|other|Western|western|regional|European)\s+"
    r"(?:[A-Z][\w-]*\s+)?(?:allies|partners|neighbours|neighbors|satellites|proxies|countries|"
    r"states|nations|governments)|the\s+(?:collective\s+)?West\b|the\s+international\s+community)")
# Every match of _COLLECTIVE holds one of these words as written: half of the articles hold
# none, and a few substring tests cost a tenth of the scan they spare.
_COLLECTIVE_WORDS = ("allies", "partners", "neighbours", "neighbors", "satellites", "proxies",
                     "countries", "states", "nations", "governments", "West", "community")
_THE = re.compile(r"(?:the|The)\s+$")


def find_groups(text: str, mentions: Sequence[Mention]) -> tuple[ActorGroup, ...]:
    """Every list of actors named together in ``text``, in text order (rules in the module
    docstring). ``mentions`` are the article's resolved actor mentions."""
    items = _members(text, mentions)
    groups: list[ActorGroup] = []
    run: list[GroupMember] = []
    joins: list[str] = []

    def close() -> None:
        # The list ends at its last "and"/"or": "Russia, China and India, Kazakhstan" keeps
        # the first three; members after it start no list of their own with a bare comma.
        last = max((i for i, j in enumerate(joins) if _CLOSES.search(j)), default=None)
        if last is not None:
            members = run[:last + 2]
            ids = [m.id for m in members if m.id]
            if ids and len(set(ids)) == len(ids):
                groups.append(_group(text, members))
        run.clear()
        joins.clear()

    for m in items:
        if run:
            gap = text[run[-1].end:m.start]
            if _JOIN.fullmatch(gap):
                run.append(m)
                joins.append(gap)
                continue
            close()
        run.append(m)
    if run:
        close()
    return tuple(groups)


def statement_groups(st: Statement, groups: Sequence[ActorGroup]) -> tuple[ActorGroup, ...]:
    """The groups that lie inside the statement's span (``groups`` in text order, as
    find_groups gives them, so only those opening inside the span are looked at)."""
    out = []
    for k in range(bisect_left(groups, st.start, key=lambda g: g.start), len(groups)):
        g = groups[k]
        if g.start >= st.end:
            break
        if g.end <= st.end:
            out.append(g)
    return tuple(out)


def _members(text: str, mentions: Sequence[Mention]) -> list[GroupMember]:
    """Mentions and collective phrases in text order; a collective phrase covering a mention
    ("Russia's allies" is not a group "Russia" + "allies") takes its place."""
    phrases = [(m.start(), m.end()) for m in _COLLECTIVE.finditer(text)] \
        if any(w in text for w in _COLLECTIVE_WORDS) else []
    inside = SpanSet(phrases)
    out = [GroupMember(m.start, m.end, m.text, m.id, m.name) for m in mentions
           if not inside.covers(m.start, m.end)]
    taken = SpanSet((x.start, x.end) for x in out)  # phrases never overlap each other
    for s, e in phrases:
        if not taken.overlaps(s, e):
            out.append(GroupMember(s, e, text[s:e]))
    out.sort(key=lambda m: (m.start, -m.end))
    dedup: list[GroupMember] = []
    for m in out:
        if dedup and m.start < dedup[-1].end:
            continue  # overlapping mentions: keep the first, longest
        dedup.append(m)
    return dedup


def _group(text: str, members: list[GroupMember]) -> ActorGroup:
    start = members[0].start
    the = _THE.search(text, max(0, start - 4), start)
    if the is not None:
        start = the.start()
    end = members[-1].end
    return ActorGroup(start=start, end=end, text=text[start:end], members=tuple(members))
