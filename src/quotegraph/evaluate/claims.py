"""Measuring numeric claims against the hand-annotated set in ``tests/gold/claims``.

Each ``.yaml`` there lists the numeric claims of one real news excerpt (its ``.txt`` beside it,
or ``text_file`` pointing at one); the format is in ``tests/gold/claims/README.md``.
:func:`evaluate_claims` runs :func:`~quotegraph.relate.claims.find_claims` over each whole
excerpt and scores three things separately, micro-averaged over the set:

- ``value_unit``: a predicted claim is correct when it overlaps a gold claim (one to one, in
  text order) with the same value (relative tolerance 1e-6), unit and currency;
- ``measure`` and ``period``: on the overlapping pairs only, a predicted phrase is correct when
  its span overlaps the gold phrase's span; precision over pairs where the engine gave one,
  recall over pairs where the gold has one;
- ``approx``: on the overlapping pairs, the normalised hedge, the same way.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from quotegraph.evaluate.errors import EvaluationError
from quotegraph.evaluate.score import Counts
from quotegraph.model import Claim
from quotegraph.relate.claims import find_claims


_SENTENCE_END = re.compile(r"[.!?](?=\s+[^a-z\s])|\n")


@dataclass(frozen=True)
class GoldClaim:
    """One annotated claim: the number's span, what it says, and its phrases' spans."""

    start: int
    end: int
    value: float
    unit: str
    currency: str | None
    approx: str | None
    measure: tuple[int, int] | None
    period: tuple[int, int] | None


@dataclass(frozen=True)
class ClaimExcerpt:
    id: str
    text: str
    claims: tuple[GoldClaim, ...]


def _nth(text: str, needle: str, n: int, where: str) -> int:
    at = -1
    for _ in range(n):
        at = text.find(needle, at + 1)
        if at < 0:
            raise EvaluationError(f"{where}: {needle!r} (occurrence {n}) is not in the text")
    return at


def _nearest(text: str, phrase: str | None, pos: int, where: str) -> tuple[int, int] | None:
    """The occurrence of ``phrase`` closest to ``pos`` (phrases repeat in wire copy)."""
    if phrase is None:
        return None
    starts = []
    at = text.find(phrase)
    while at >= 0:
        starts.append(at)
        at = text.find(phrase, at + 1)
    if not starts:
        raise EvaluationError(f"{where}: phrase {phrase!r} is not in the text")
    # Prefer the claim's own sentence, then the nearest occurrence anywhere.
    lo = max([m.end() for m in _SENTENCE_END.finditer(text, 0, pos)], default=0)
    nxt = _SENTENCE_END.search(text, pos)
    hi = nxt.start() if nxt else len(text)
    inside = [s for s in starts if lo <= s and s + len(phrase) <= hi]
    best = min(inside or starts, key=lambda s: abs(s - pos))
    return best, best + len(phrase)


def load_excerpt(path: Path) -> ClaimExcerpt:
    """One gold file, offsets resolved and checked; a clear error names the file and claim."""
    try:
        meta = yaml.safe_load(path.read_text(encoding="utf-8"))
        text_path = path.parent / meta.get("text_file", f"{path.stem}.txt")
        text = text_path.read_text(encoding="utf-8")
    except (OSError, yaml.YAMLError, AttributeError) as e:
        raise EvaluationError(f"{path}: cannot read the excerpt: {e}") from e
    claims = []
    for i, c in enumerate(meta.get("claims") or [], 1):
        where = f"{path.name} claim {i}"
        try:
            start = _nth(text, c["text"], c.get("nth", 1), where)
            end = start + len(c["text"])
            claims.append(GoldClaim(
                start=start, end=end, value=float(c["value"]), unit=c["unit"],
                currency=c.get("currency"), approx=c.get("approx"),
                measure=_nearest(text, c.get("measure"), start, where),
                period=_nearest(text, c.get("period"), start, where)))
        except (KeyError, TypeError, ValueError) as e:
            raise EvaluationError(f"{where}: malformed claim ({e})") from e
    return ClaimExcerpt(id=meta.get("id", path.stem), text=text, claims=tuple(claims))


def load_claims_gold(directory: str | Path, *, pattern: str = "*.yaml") -> list[ClaimExcerpt]:
    """Every gold file in ``directory`` whose name matches ``pattern``."""
    files = sorted(Path(directory).glob(pattern))
    if not files:
        raise EvaluationError(f"{directory}: no gold claim files (*.yaml)")
    return [load_excerpt(p) for p in files]


@dataclass(frozen=True)
class ClaimScore:
    value_unit: Counts
    measure: Counts
    period: Counts
    approx: Counts
    excerpts: int

    def to_dict(self) -> dict[str, Any]:
        return {"excerpts": self.excerpts, "value_unit": self.value_unit.to_dict(),
                "measure": self.measure.to_dict(), "period": self.period.to_dict(),
                "approx": self.approx.to_dict()}


def _overlaps(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def _same(g: GoldClaim, p: Claim) -> bool:
    return (math.isclose(g.value, p.value, rel_tol=1e-6) and g.unit == p.unit
            and (g.currency or None) == (p.currency or None))


def _phrase(pairs: list[tuple[GoldClaim, Claim]], gold_of, pred_of, same) -> Counts:
    predicted = sum(1 for _, p in pairs if pred_of(p) is not None)
    gold = sum(1 for g, _ in pairs if gold_of(g) is not None)
    correct = sum(1 for g, p in pairs if same(gold_of(g), pred_of(p)))
    return Counts(predicted=predicted, correct=correct, gold=gold, found=correct)


def score_excerpt(ex: ClaimExcerpt, predicted: tuple[Claim, ...]) -> ClaimScore:
    pairs: list[tuple[GoldClaim, Claim]] = []
    used: set[int] = set()
    for g in ex.claims:
        for i, p in enumerate(predicted):
            if i not in used and _overlaps((g.start, g.end), (p.start, p.end)):
                used.add(i)
                pairs.append((g, p))
                break
    right = sum(1 for g, p in pairs if _same(g, p))
    span = lambda s: (s.start, s.end) if s is not None else None  # noqa: E731
    return ClaimScore(
        value_unit=Counts(predicted=len(predicted), correct=right, gold=len(ex.claims),
                          found=right),
        measure=_phrase(pairs, lambda g: g.measure, lambda p: span(p.measure), _overlaps),
        period=_phrase(pairs, lambda g: g.period, lambda p: span(p.period), _overlaps),
        approx=_phrase(pairs, lambda g: g.approx, lambda p: p.approx,
                       lambda a, b: a is not None and a == b),
        excerpts=1)


def evaluate_claims(directory: str | Path, *, pattern: str = "*.yaml") -> ClaimScore:
    """The engine's claim figures on the gold files of ``directory`` matching ``pattern``
    (see the module doc)."""
    total = ClaimScore(Counts(), Counts(), Counts(), Counts(), 0)
    for ex in load_claims_gold(directory, pattern=pattern):
        s = score_excerpt(ex, find_claims(ex.text, 0, len(ex.text)))
        total = ClaimScore(total.value_unit + s.value_unit, total.measure + s.measure,
                           total.period + s.period, total.approx + s.approx,
                           total.excerpts + 1)
    return total
