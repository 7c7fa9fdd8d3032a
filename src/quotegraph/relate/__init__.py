"""The relate stage: what each statement says — numeric claims, relations, actor groups,
the occasion — computed from the article text and the statements already attributed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from quotegraph.model import Mention, Statement
from quotegraph.relate.claims import find_claims
from quotegraph.relate.groups import find_groups, statement_groups
from quotegraph.relate.occasions import find_occasion, find_occasions
from quotegraph.relate.relations import find_relations

__all__ = ["find_claims", "find_groups", "find_occasion", "find_occasions", "find_relations",
           "relate"]


def relate(text: str, statements: Sequence[Statement],
           mentions: Sequence[Mention] = ()) -> list[Statement]:
    """``statements`` with what each one says filled in: its numeric claims, relations, the
    lists of actors it names together and the occasion it was made on."""
    groups = find_groups(text, mentions)
    occasions = find_occasions(text, statements) if statements else []
    return [replace(st, claims=find_claims(text, st.start, st.end),
                    relations=find_relations(text, st, mentions),
                    groups=statement_groups(st, groups), occasion=occasion)
            for st, occasion in zip(statements, occasions)]
