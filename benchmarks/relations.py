#!/usr/bin/env python3
"""How accurately quotegraph reads relations (accuse, criticise, demand, threaten, support,
praise) on the real-news relation set in tests/gold/relations.

    python benchmarks/relations.py            # P/R/F1 for type+target and type only:
                                              # whole set, tuning part, held-out part (h_*)
    python benchmarks/relations.py --json     # machine-readable
    python benchmarks/relations.py --errors   # every gold relation missed or misread, and false hits
    python benchmarks/relations.py --errors 40  # ... the first 40 of them

Scoring rules are in ``quotegraph.evaluate.relations``; floors are pinned in
``tests/relations_floors.json`` and checked by ``tests/test_relations_gold.py``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from quotegraph.evaluate.relations import (evaluate_relations, load_relations_gold, pair,
                                           predict, same_target)
from quotegraph.evaluate.score import counts_table

GOLD = Path(__file__).resolve().parents[1] / "tests" / "gold" / "relations"
PARTS = {"all": "*.yaml", "tuning": "r*.yaml", "held-out": "h*.yaml"}


def show_errors(directory: Path, limit: int | None = None) -> None:
    lines = _errors(directory)
    for line in lines[:limit]:
        print(line)
    if limit is not None and len(lines) > limit:
        print(f"... {len(lines) - limit} more (--errors without a number shows all)")


def _errors(directory: Path) -> list[str]:
    out = []
    for ex in load_relations_gold(directory):
        for g, p in pair(ex, predict(ex.text)):
            if g is None:
                out.append(f"{ex.id}: FALSE {p.type} {p.trigger.text!r} -> {p.target.text!r}")
                continue
            gdesc = (f"{g.type} {ex.text[g.trigger[0]:g.trigger[1]]!r} -> "
                     f"{ex.text[g.target[0]:g.target[1]]!r}")
            if p is None:
                out.append(f"{ex.id}: MISSED {gdesc}")
            elif p.type != g.type or not same_target(g, p):
                out.append(f"{ex.id}: {gdesc}: got {p.type} -> {p.target.text!r}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--errors", nargs="?", type=int, const=-1, default=None, metavar="N",
                    help="list misses, misreadings and false hits (the first N)")
    args = ap.parse_args(argv)
    scores = {name: evaluate_relations(args.gold, p) for name, p in PARTS.items()
              if any(args.gold.glob(p))}
    if args.json:
        json.dump({k: s.to_dict() for k, s in scores.items()}, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    for part, s in scores.items():
        print(f"relations, {part}: {s.excerpts} real excerpts, {s.type.gold} gold relations, "
              f"{s.type.predicted} predicted")
        print("\n".join(counts_table(s, ("type_target", "type"))))
        print()
    if args.errors is not None:
        show_errors(args.gold, None if args.errors < 0 else args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
