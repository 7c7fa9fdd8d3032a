"""The relate stage: what each statement says — numeric claims, relations, actor groups,
the occasion — computed from the article text and the statements already attributed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from quotegraph.model import Mention, Statement
from quotegraph.relate.claims import find_claims
from quotegraph.relate.relations import find_relations

__all__ = ["find_claims", "find_relations", "relate"]


def relate(text: str, statements: Sequence[Statement],
           mentions: Sequence[Mention] = ()) -> list[Statement]:
    """``statements`` with what each one says filled in: its numeric claims and relations."""
    return [replace(st, claims=find_claims(text, st.start, st.end),
                    relations=find_relations(text, st, mentions)) for st in statements]
