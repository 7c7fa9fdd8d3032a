#!/usr/bin/env python3
"""Train the borderline-statement scorer (``quotegraph.attribute.scorer``) and write its weights.

Training data: PolNeAR TRAIN and the invented gold set (tests/gold/articles). Never PolNeAR dev
or tests/gold/real: those measure the scorer. Each borderline candidate the rules expose
(``quotegraph.attribute.candidates``) is labelled 1 when at least half of its words fall inside
one gold content span, else 0; an L2-regularised logistic regression is fitted by full-batch
gradient descent (numpy, fixed seed, fixed iterations), so the same data gives the same file.

    python benchmarks/train_scorer.py                       # writes src/quotegraph/data/scorer.json
    python benchmarks/train_scorer.py --limit 5 --out /tmp/w.json
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from shared_paths import polnear_dir

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "tests" / "gold" / "articles"
POLNEAR = polnear_dir()
OUT = REPO / "src" / "quotegraph" / "data" / "scorer.json"


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--polnear", type=Path, default=POLNEAR, help="PolNeAR root (train split is read)")
    p.add_argument("--gold", type=Path, default=GOLD, help="invented gold articles directory")
    p.add_argument("--limit", type=int, help="use only the first N documents of each source")
    p.add_argument("--out", type=Path, default=OUT, help=f"weights file to write (default {OUT})")
    p.add_argument("--l2", type=float, default=1.0, help="L2 penalty (default 1.0)")
    p.add_argument("--iterations", type=int, default=400)
    p.add_argument("--min-count", type=int, default=3, help="drop features seen fewer times")
    p.add_argument("--threshold", type=float, default=1.5,
                   help="log-odds a candidate must exceed to be accepted (default 1.5: precision first)")
    return p


# Gold folders that measure the scorer (tests/gold/real and the held-out real_holdout).
MEASURED_ONLY = {"real", "real_holdout"}


def documents(args) -> list[tuple[str, str, list[tuple[int, int]]]]:
    """(name, text, gold content spans) for every training document."""
    from quotegraph.evaluate.gold import load_gold
    from quotegraph.evaluate.polnear import load_polnear

    docs = []
    if args.polnear.is_dir():
        for a in load_polnear(args.polnear, "train", limit=args.limit):
            docs.append((a.id, a.text, [frag for att in a.attributions for frag in att.content]))
    else:
        print(f"train_scorer: {args.polnear} is absent; PolNeAR train not used", file=sys.stderr)
    gold = load_gold(args.gold)
    if set(args.gold.resolve().parts) & MEASURED_ONLY:
        raise SystemExit(f"train_scorer: {args.gold}: the real-news sets measure the scorer; never train on it")
    for g in gold[: args.limit] if args.limit else gold:
        docs.append((g.id, g.text, [(s.start, s.end) for s in g.statements]))
    return docs


def examples(docs) -> tuple[list[dict[str, float]], list[int]]:
    from quotegraph.attribute import candidates
    from quotegraph.evaluate.overlap import TokenIndex
    from quotegraph.extract import extract

    xs, ys = [], []
    for name, text, spans in docs:
        with candidates.collecting() as bag:
            try:
                extract(text, source=name, use_kb=False)
            except Exception as e:  # one bad document never costs the batch
                print(f"train_scorer: {name}: extraction failed ({e})", file=sys.stderr)
                continue
        index = TokenIndex(text)
        gold = [index.tokens([sp]) for sp in spans]
        for c in bag:
            toks = index.tokens([(c.found.start, c.found.end)])
            hit = bool(toks) and any(len(toks & g) * 2 >= len(toks) for g in gold)
            xs.append(c.features)
            ys.append(1 if hit else 0)
    return xs, ys


def fit(xs, ys, *, l2: float, iterations: int, min_count: int) -> dict[str, float]:
    import numpy as np

    np.random.seed(7)  # nothing random is drawn today; fixed so any later sampling stays reproducible
    counts: dict[str, int] = {}
    for x in xs:
        for k in x:
            counts[k] = counts.get(k, 0) + 1
    names = sorted(k for k, n in counts.items() if n >= min_count or k == "bias")
    col = {k: i for i, k in enumerate(names)}
    X = np.zeros((len(xs), len(names)))
    for r, x in enumerate(xs):
        for k, v in x.items():
            if k in col:
                X[r, col[k]] = v
    y = np.array(ys, dtype=float)
    w = np.zeros(len(names))
    penalty = np.full(len(names), l2)
    if "bias" in col:
        penalty[col["bias"]] = 0.0
    n = max(len(ys), 1)
    lr = 1.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(X @ w, -30, 30)))
        grad = X.T @ (p - y) / n + penalty * w / n
        w -= lr * grad
    return {k: round(float(w[col[k]]), 4) for k in names if abs(w[col[k]]) >= 1e-4 or k == "bias"}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    docs = documents(args)
    xs, ys = examples(docs)
    if not xs:
        print("train_scorer: no candidates in the training documents; nothing written", file=sys.stderr)
        return 1
    weights = fit(xs, ys, l2=args.l2, iterations=args.iterations, min_count=args.min_count)
    from quotegraph.attribute.scorer import margin
    model = {"weights": weights, "threshold": args.threshold}
    accepted = [y for x, y in zip(xs, ys) if margin(x, model) > 0]
    out = {
        "about": "Logistic-regression weights for borderline statements; written by "
                 "benchmarks/train_scorer.py from PolNeAR train and tests/gold/articles.",
        "threshold": args.threshold,
        "training": {"documents": len(docs), "candidates": len(ys), "positive": sum(ys),
                     "accepted": len(accepted), "accepted_positive": sum(accepted),
                     "l2": args.l2, "iterations": args.iterations, "min_count": args.min_count},
        "weights": weights,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    t = out["training"]
    print(f"{args.out}: {len(weights)} weights from {t['candidates']} candidates "
          f"({t['positive']} positive) in {t['documents']} documents; accepts {t['accepted']} "
          f"of which {t['accepted_positive']} positive")
    return 0


if __name__ == "__main__":
    sys.exit(main())
