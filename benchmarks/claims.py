#!/usr/bin/env python3
"""How accurately quotegraph reads numeric claims: the real-news claim set in tests/gold/claims.

    python benchmarks/claims.py            # P/R/F1 for value+unit, measure, period, hedge:
                                           # whole set, tuning part, held-out part (h*)
    python benchmarks/claims.py --json     # machine-readable
    python benchmarks/claims.py --errors   # every gold claim missed or misread, and false hits

Scoring rules are in ``quotegraph.evaluate.claims``; the floors are pinned in
``tests/accuracy_floors.json`` (section ``claims``) and checked by ``tests/test_claims_gold.py``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from quotegraph.evaluate.claims import evaluate_claims, load_claims_gold
from quotegraph.evaluate.score import counts_table
from quotegraph.relate.claims import find_claims

GOLD = Path(__file__).resolve().parents[1] / "tests" / "gold" / "claims"


def show_errors(directory: Path) -> None:
    for ex in load_claims_gold(directory):
        pred = list(find_claims(ex.text, 0, len(ex.text)))
        for g in ex.claims:
            hit = next((p for p in pred if p.start < g.end and g.start < p.end), None)
            gtxt = ex.text[g.start:g.end]
            if hit is None:
                print(f"{ex.id}: MISSED {gtxt!r} ({g.value:g} {g.unit} {g.currency or ''})")
                continue
            pred.remove(hit)
            notes = []
            if abs(hit.value - g.value) > 1e-6 * abs(g.value) or hit.unit != g.unit \
                    or hit.currency != g.currency:
                notes.append(f"value/unit {hit.value:g} {hit.unit} {hit.currency or ''}")
            for name, gs, ps in (("measure", g.measure, hit.measure),
                                 ("period", g.period, hit.period)):
                gp = ex.text[gs[0]:gs[1]] if gs else None
                pp = ps.text if ps else None
                if (gs is None) != (ps is None) or (gs and ps and not
                                                    (ps.start < gs[1] and gs[0] < ps.end)):
                    notes.append(f"{name} {pp!r} (gold {gp!r})")
            if notes:
                print(f"{ex.id}: {gtxt!r}: " + "; ".join(notes))
        for p in pred:
            print(f"{ex.id}: FALSE {p.text!r} ({p.value:g} {p.unit})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--errors", action="store_true")
    args = ap.parse_args(argv)
    parts = {"all": "*.yaml", "tuning": "[cr]*.yaml", "held-out": "h*.yaml"}
    scores = {name: evaluate_claims(args.gold, pattern=p) for name, p in parts.items()
              if any(args.gold.glob(p))}
    if args.json:
        json.dump({k: s.to_dict() for k, s in scores.items()}, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    for part, score in scores.items():
        vu = score.value_unit
        print(f"numeric claims, {part}: {score.excerpts} real excerpts, {vu.gold} gold claims, "
              f"{vu.predicted} predicted")
        print("\n".join(counts_table(score, ("value_unit", "measure", "period", "approx"))))
        print()
    if args.errors:
        show_errors(args.gold)
    return 0


if __name__ == "__main__":
    sys.exit(main())
