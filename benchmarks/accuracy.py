#!/usr/bin/env python3
"""How accurately quotegraph finds statements: real news, the invented gold set, PolNeAR.

The real-news sets are measured first and are the figures that count: ``tests/gold/real``
(excerpts of real articles, annotated by the project, whose errors rules have been written
against) and ``tests/gold/real_holdout`` (the same kind of excerpts, measured only, never tuned
on: what a new user sees). The invented set (``tests/gold/articles``) guards
the patterns it was written for; PolNeAR is reported overall and by cue class (speech cues
such as "said", "told", "according to" against thoughts, intentions and evidence).

    python benchmarks/accuracy.py                  # table: P/R/F1, speakers, per-kind recall
    python benchmarks/accuracy.py --split dev      # PolNeAR dev only (plus the gold set)
    python benchmarks/accuracy.py --limit 50       # first 50 articles of each data set
    python benchmarks/accuracy.py --json           # machine-readable
    python benchmarks/accuracy.py --errors 5       # the 5 worst articles' misses, false positives

Scoring rules are in ``quotegraph.evaluate.score``: token overlap (half of a prediction's words
inside one gold span; half of a gold span's words covered), micro-averaged. PolNeAR is read
from ``../shared/polnear`` beside the repository and skipped with a message when it is absent.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from pathlib import Path
from typing import Any

from quotegraph.evaluate import (
    SPLITS,
    ArticleScore,
    EvaluationError,
    GoldScore,
    evaluate_gold,
    evaluate_polnear,
    load_engine,
)
from quotegraph.evaluate.run import Extract
from quotegraph.model import KINDS

from shared_paths import polnear_dir

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "tests" / "gold"
POLNEAR = polnear_dir()
# The real-news sets, measured first and in this order: (result name, folder in the gold dir).
REAL_SETS = (("real", "real"), ("real_holdout", "real_holdout"))


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--split", choices=[*SPLITS, "all", "none"], default="all",
                   help="which PolNeAR split(s) to score besides the gold set (default: all)")
    p.add_argument("--limit", type=int, metavar="N", help="score only the first N articles of each")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    p.add_argument("--errors", type=int, default=0, metavar="N",
                   help="also list the misses and false positives of the N worst articles")
    p.add_argument("--gold", type=Path, default=GOLD, help=f"gold-set directory (default {GOLD})")
    p.add_argument("--real", type=Path, default=None,
                   help="real-news gold directory (default: real/ in the --gold directory; the "
                        "held-out set is always real_holdout/ there)")
    p.add_argument("--polnear", type=Path, default=POLNEAR,
                   help=f"PolNeAR directory (default {POLNEAR})")
    p.add_argument("--engine", metavar="MODULE:FUNCTION",
                   help="score another extract function (default quotegraph.extract)")
    return p


def engine_from(spec: str | None) -> Extract:
    if spec is None:
        return load_engine()
    module, _, name = spec.partition(":")
    try:
        return getattr(importlib.import_module(module), name or "extract")
    except (ImportError, AttributeError) as e:
        raise EvaluationError(f"--engine {spec}: cannot load it ({e})") from e


def measure(args: argparse.Namespace, extract: Extract) -> tuple[dict[str, Any], list[str]]:
    """Run every data set asked for; returns {name: (score, seconds)} and skip messages."""
    results: dict[str, Any] = {}
    skipped: list[str] = []
    for name, folder in REAL_SETS:
        where = args.real if name == "real" and args.real else args.gold / folder
        if where.is_dir():
            t = time.perf_counter()
            results[name] = (evaluate_gold(where, extract=extract, limit=args.limit),
                             time.perf_counter() - t)
        else:
            skipped.append(f"real-news set skipped: {where} is absent")
    t = time.perf_counter()
    results["gold"] = (evaluate_gold(args.gold, extract=extract, limit=args.limit),
                       time.perf_counter() - t)
    splits = {"all": SPLITS, "none": ()}.get(args.split, (args.split,))
    if splits and not args.polnear.is_dir():
        skipped.append(f"PolNeAR skipped: {args.polnear} is absent")
        splits = ()
    for split in splits:
        t = time.perf_counter()
        score = evaluate_polnear(args.polnear, split, extract=extract, limit=args.limit)
        results[f"polnear_{split}"] = (score, time.perf_counter() - t)
    return results, skipped


def as_json(results: dict[str, Any], skipped: list[str], errors: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, (score, seconds) in results.items():
        d = score.to_dict()
        d["seconds"] = round(seconds, 3)
        if errors:
            d["worst"] = [a.to_dict() for a in score.worst(errors)]
        out[name] = d
    out["skipped"] = skipped
    return out


_LABELS = {"real": "real news", "real_holdout": "real news, held out", "gold": "invented set"}


def _ratio(hits: int, total: int) -> str:
    return f"{hits / total:.3f} ({hits}/{total})" if total else "-"


def table(results: dict[str, Any], skipped: list[str]) -> str:
    lines = [f"{'data set':<20} {'articles':>8} {'predicted':>9} {'gold':>6}  "
             f"{'P':>5}  {'R':>5}  {'F1':>5}  {'speaker':<24} {'seconds':>7}"]
    for name, (score, seconds) in results.items():
        c = score.statements
        what = "accuracy" if isinstance(score, GoldScore) else "overlap"
        lines.append(
            f"{_LABELS.get(name, name.replace('_', ' ')):<20} {len(score.articles):>8} {c.predicted:>9} {c.gold:>6}  "
            f"{c.precision:.3f}  {c.recall:.3f}  {c.f1:.3f}  "
            f"{what + ' ' + _ratio(score.speaker.hits, score.speaker.total):<24} {seconds:>7.1f}"
        )
    for name in (*(n for n, _ in REAL_SETS), "gold"):
        gold = results.get(name, (None,))[0]
        if gold is None:
            continue
        label = _LABELS[name]
        lines.append("")
        lines.append(f"{label + ' by kind':<28} recall (found/gold)      precision (correct/predicted)")
        for kind in KINDS:
            k = gold.kind(kind)
            lines.append(f"  {kind:<26} {_ratio(k.found, k.gold):<24} "
                         f"{_ratio(k.correct, k.predicted)}")
        published, outlet = gold.published, gold.outlet
        lines.append(f"{label + ' metadata':<28} published date {_ratio(published.hits, published.total)}"
                     f", outlet {_ratio(outlet.hits, outlet.total)}")
    polnear = [(n, sc) for n, (sc, _) in results.items() if n.startswith("polnear_")]
    if polnear:
        lines.append("")
        lines.append("PolNeAR by cue               recall (found/gold)      precision (correct/predicted)")
        for name, score in polnear:
            for cls, k in score.by_cue:
                lines.append(f"  {name[8:] + ' ' + cls:<26} {_ratio(k.found, k.gold):<24} "
                             f"{_ratio(k.correct, k.predicted)}")
    lines.extend(skipped)
    return "\n".join(lines)


def worst_table(name: str, worst: list[ArticleScore]) -> str:
    lines = [f"\n== {name.replace('_', ' ')}: the {len(worst)} worst articles =="]
    for a in worst:
        c = a.counts
        lines.append(f"-- {a.id}: P {c.precision:.2f} R {c.recall:.2f} F1 {c.f1:.2f}, "
                     f"{a.errors} issues")
        for i in a.issues:
            kind = f"[{i.kind}]" if i.kind else ""
            lines.append(f"   {i.what:<14} {kind:<10} {i.start}-{i.end} {i.text!r}")
            lines.append(f"   {'':<25} {i.detail}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        extract = engine_from(args.engine)
        results, skipped = measure(args, extract)
    except EvaluationError as e:
        print(f"accuracy: {e}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(as_json(results, skipped, args.errors), indent=2))
        return 0
    print(table(results, skipped))
    if args.errors:
        for name, (score, _) in results.items():
            print(worst_table(name, score.worst(args.errors)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
