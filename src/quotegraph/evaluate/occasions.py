"""Measuring occasions against the hand-annotated list in ``tests/gold/occasions.yaml``.

Each item names a real excerpt of ``tests/gold/real``, one statement in it by the first words of
its content, and the occasion the text gives for it (or none); format in the file's header.
:func:`evaluate_occasions` extracts each excerpt once and looks the statement up among the
extracted ones (its text starts with, else contains, the given words):

- ``kind``: a predicted occasion counts when the statement has a gold occasion of the same
  kind and the two spans' words overlap (one text contains the other);
- ``venue``: of those, the predicted venue equals the gold venue (both given).

Precision is over the occasions predicted for the listed statements, recall over the gold
occasions; a listed statement the engine does not find counts as predicting nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from quotegraph.evaluate.errors import EvaluationError
from quotegraph.evaluate.score import Counts
from quotegraph.extract import extract_document
from quotegraph.model import Article, Document, Occasion


@dataclass(frozen=True)
class GoldOccasion:
    file: str
    statement: str
    kind: str | None
    text: str | None
    venue: str | None
    part: str = "tuning"  # "held-out": annotated after the rules were written


@dataclass(frozen=True)
class OccasionScore:
    items: int
    kind: Counts
    venue: Counts
    unmatched: tuple[str, ...] = ()  # listed statements the engine did not extract
    errors: tuple[str, ...] = field(default=(), compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {"items": self.items, "kind": self.kind.to_dict(), "venue": self.venue.to_dict(),
                "unmatched": len(self.unmatched)}


def load_occasions_gold(path: Path) -> list[GoldOccasion]:
    """The items of ``path``; an :class:`EvaluationError` names the item that is malformed."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise EvaluationError(f"{path}: cannot read the occasion gold: {e}") from e
    out = []
    for n, item in enumerate((data or {}).get("items") or [], 1):
        try:
            occ = item.get("occasion")
            out.append(GoldOccasion(
                file=str(item["file"]), statement=str(item["statement"]),
                kind=occ["kind"] if occ else None, text=occ["text"] if occ else None,
                venue=occ.get("venue") if occ else None,
                part=str(item.get("part", "tuning"))))
        except (KeyError, TypeError, AttributeError) as e:
            raise EvaluationError(f"{path}: item {n} is malformed ({e!r})") from e
    return out


def _article(real: Path, stem: str) -> Article:
    txt, meta = real / f"{stem}.txt", real / f"{stem}.yaml"
    try:
        text = txt.read_text(encoding="utf-8")
        info = yaml.safe_load(meta.read_text(encoding="utf-8")) if meta.exists() else {}
    except (OSError, yaml.YAMLError) as e:
        raise EvaluationError(f"{txt}: cannot read the excerpt: {e}") from e
    published = info.get("published")
    return extract_document(Document(
        text=text, source=str(txt), outlet=info.get("outlet"),
        published=str(published) if published else None))


def predicted(article: Article, words: str) -> tuple[bool, Occasion | None]:
    """Whether the statement starting with (else containing) ``words`` was extracted, and its
    occasion."""
    for test in (lambda t: t.startswith(words), lambda t: words in t):
        for st in article.statements:
            if test(st.text):
                return True, st.occasion
    return False, None


def _overlaps(a: str, b: str) -> bool:
    return a in b or b in a


def evaluate_occasions(gold_file: Path, real: Path, part: str = "all") -> OccasionScore:
    """Score the engine on ``gold_file``, reading excerpts from the ``real`` directory;
    ``part`` is ``all``, ``tuning`` or ``held-out``."""
    items = [g for g in load_occasions_gold(gold_file) if part in ("all", g.part)]
    articles: dict[str, Article] = {}
    kind, venue = Counts(), Counts()
    unmatched, errors = [], []
    for g in items:
        if g.file not in articles:
            articles[g.file] = _article(real, g.file)
        found, p = predicted(articles[g.file], g.statement)
        if not found:
            unmatched.append(f"{g.file}: {g.statement!r}")
        ok = p is not None and g.kind is not None and p.kind == g.kind and \
            _overlaps(p.text, g.text or "")
        kind = kind + Counts(predicted=int(p is not None), correct=int(ok),
                             gold=int(g.kind is not None), found=int(ok))
        pv = p.venue.text if p is not None and p.venue else None
        vok = ok and pv is not None and pv == g.venue
        venue = venue + Counts(predicted=int(ok and pv is not None), correct=int(vok),
                               gold=int(g.venue is not None), found=int(vok))
        if not ok and (p is not None or g.kind is not None):
            got = f"{p.kind}: {p.text!r}" if p else "nothing"
            want = f"{g.kind}: {g.text!r}" if g.kind else "nothing"
            errors.append(f"{g.file}: {g.statement!r}: want {want}, got {got}")
        elif ok and pv != g.venue:
            errors.append(f"{g.file}: {g.statement!r}: venue want {g.venue!r}, got {pv!r}")
    return OccasionScore(items=len(items), kind=kind, venue=venue, unmatched=tuple(unmatched),
                         errors=tuple(errors))
