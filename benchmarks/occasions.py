#!/usr/bin/env python3
"""How accurately quotegraph reads the occasion of a statement (interview, briefing, meeting,
press conference, statement, social media post, speech, and the venue) on the real-news
excerpts listed in tests/gold/occasions.yaml.

    python benchmarks/occasions.py            # P/R/F1 for the kind and the venue: whole list,
                                              # tuning part, held-out part
    python benchmarks/occasions.py --json     # machine-readable
    python benchmarks/occasions.py --errors   # every item misread, missed or falsely given

Scoring rules are in ``quotegraph.evaluate.occasions``; floors are pinned in
``tests/occasions_floors.json`` and checked by ``tests/test_occasions_gold.py``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from quotegraph.evaluate.occasions import evaluate_occasions
from quotegraph.evaluate.score import counts_table

TESTS = Path(__file__).resolve().parents[1] / "tests"
GOLD = TESTS / "gold" / "occasions.yaml"
REAL = TESTS / "gold" / "real"
PARTS = ("all", "tuning", "held-out")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--real", type=Path, default=REAL)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--errors", action="store_true")
    args = ap.parse_args(argv)
    scores = {part: evaluate_occasions(args.gold, args.real, part) for part in PARTS}
    if args.json:
        json.dump({k: s.to_dict() for k, s in scores.items()}, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    for part, s in scores.items():
        print(f"occasions, {part}: {s.items} statements of real excerpts, {s.kind.gold} with an "
              f"occasion, {s.kind.predicted} predicted, {len(s.unmatched)} not extracted")
        print("\n".join(counts_table(s, ("kind", "venue"), width=6)))
    if args.errors:
        s = scores["all"]
        for line in (*s.errors, *(f"NOT EXTRACTED {u}" for u in s.unmatched)):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
