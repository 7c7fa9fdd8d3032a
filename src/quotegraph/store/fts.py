"""Turn what a user types into a safe SQLite FTS5 query.

FTS5's own syntax rejects stray quotes, colons and parentheses with an error, and would let a
user address columns or operators by accident. We accept a small web-search-like language
instead and always emit quoted phrases:

- words are ANDed: ``sanctions trade``
- ``"a phrase"`` matches the words in order
- ``OR`` (upper case) between terms: ``Lavrov OR Zakharova``
- ``-word`` or ``-"phrase"`` excludes
- ``word*`` matches a prefix

Punctuation inside a word splits it into a phrase (``U.S.`` -> ``"U S"``), exactly as the
tokenizer splits the indexed text, so anything typed is searchable and nothing is an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]
    prefix: bool = False
    negated: bool = False

    def fts5(self) -> str:
        phrase = '"' + " ".join(self.words).replace('"', '""') + '"'
        return phrase + "*" if self.prefix else phrase


def parse(q: str) -> list[Term | str]:
    """Terms and the string ``"OR"`` in the order typed; empty when nothing is searchable."""
    out: list[Term | str] = []
    for m in _TOKEN.finditer(q):
        neg, phrase, bare = m.group(1), m.group(2), m.group(3)
        if phrase is not None:
            words = tuple(_WORD.findall(phrase))
            if words:
                out.append(Term(words, negated=bool(neg)))
            continue
        if bare == "OR":
            out.append("OR")
            continue
        negated = bare.startswith("-") and len(bare) > 1
        body = bare[1:] if negated else bare
        prefix = body.endswith("*")
        words = tuple(_WORD.findall(body))
        if words:
            out.append(Term(words, prefix=prefix, negated=negated))
    return out


def to_fts5(q: str) -> str | None:
    """The FTS5 MATCH expression for ``q``, or ``None`` if it has no positive term."""
    parts = parse(q)
    positive: list[str] = []
    negative: list[str] = []
    pending_or = False
    for p in parts:
        if p == "OR":
            pending_or = bool(positive)
            continue
        assert isinstance(p, Term)
        if p.negated:
            negative.append(p.fts5())
            continue
        if pending_or:
            positive.append("OR")
        positive.append(p.fts5())
        pending_or = False
    if not positive:
        return None
    expr = " ".join(positive)
    if negative:
        expr = f"({expr})" + "".join(f" NOT {n}" for n in negative)
    return expr


def plain_words(q: str) -> list[str]:
    """The positive words of ``q`` (for backends that tokenise the query themselves)."""
    return [w for p in parse(q) if isinstance(p, Term) and not p.negated for w in p.words]


def to_tsquery_expr(q: str) -> str | None:
    """The same query for PostgreSQL's ``to_tsquery``: ``&``, ``|``, ``!``, ``<->``, ``:*``.

    Operands are ``\\w+`` words only, so nothing typed can reach tsquery's operator syntax.
    """
    parts = parse(q)
    positive: list[str] = []
    negative: list[str] = []
    pending_or = False

    def render(t: Term) -> str:
        body = " <-> ".join(t.words)
        if t.prefix:
            body += ":*"
        return f"({body})" if len(t.words) > 1 else body

    for p in parts:
        if p == "OR":
            pending_or = bool(positive)
            continue
        assert isinstance(p, Term)
        if p.negated:
            negative.append("!" + render(p))
            continue
        if positive:
            positive.append("|" if pending_or else "&")
        positive.append(render(p))
        pending_or = False
    if not positive:
        return None
    expr = " ".join(positive)
    if negative:
        expr = f"({expr}) & " + " & ".join(negative)
    return expr
