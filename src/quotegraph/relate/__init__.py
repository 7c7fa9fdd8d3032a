"""The relate stage: what each statement says — numeric claims, relations, actor groups,
the occasion — computed from the article text and the statements already attributed."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from quotegraph.model import Mention, Statement
from quotegraph.relate.claims import find_claims
from quotegraph.relate.groups import find_groups, statement_groups
from quotegraph.relate.occasions import find_occasion, find_occasions
from quotegraph.relate.relations import find_relations, statement_start

__all__ = ["find_claims", "find_groups", "find_occasion", "find_occasions", "find_relations",
           "relate"]


def relate(text: str, statements: Sequence[Statement],
           mentions: Sequence[Mention] = ()) -> list[Statement]:
    """``statements`` with what each one says filled in: its numeric claims, relations, the
    lists of actors it names together and the occasion it was made on."""
    if not statements:
        return []  # groups and occasions are only ever read through statements
    groups = find_groups(text, mentions)
    occasions = find_occasions(text, statements)
    near = _Near(text, mentions)
    out = []
    for st, occasion in zip(statements, occasions):
        claims = find_claims(text, st.start, st.end)
        relations = find_relations(text, st, near.around(st))
        in_groups = statement_groups(st, groups)
        if (claims, relations, in_groups, occasion) == (st.claims, st.relations, st.groups,
                                                         st.occasion):
            out.append(st)  # most statements say nothing of these: no copy (an equal value)
        else:
            out.append(replace(st, claims=claims, relations=relations, groups=in_groups,
                               occasion=occasion))
    return out


class _Near:
    """The mentions that can matter to one statement: those starting between where
    find_relations reads it from (its cue, or its sentence for a participle cue) and its end, in their original order. Giving every statement all
    the article's mentions made a long text quadratic (statements times mentions)."""

    def __init__(self, text: str, mentions: Sequence[Mention]) -> None:
        self.text = text
        self.order = sorted(range(len(mentions)), key=lambda k: mentions[k].start)
        self.starts = [mentions[k].start for k in self.order]
        self.mentions = mentions

    def around(self, st: Statement) -> list[Mention]:
        lo = statement_start(self.text, st)  # where find_relations reads from
        a, b = bisect_left(self.starts, lo), bisect_left(self.starts, st.end + 1)
        return [self.mentions[k] for k in sorted(self.order[a:b])]
