"""Cross-outlet clusters: pair precision/recall on the gold set, and time/memory at scale.

    python benchmarks/clusters.py                   # gold: tests/gold/crossoutlet
    python benchmarks/clusters.py --json            # the same figures as JSON (the test reads it)
    python benchmarks/clusters.py --scale 1000000   # N synthetic statements, planted reprints

Gold: ``articles.jsonl`` holds one invented wire story, its reprints by other outlets
(reworded, trimmed, reordered, new headlines, translated-style phrasing), a different speaker
saying similar words, and unrelated stories. Each article's ``gold`` maps a phrase to a group:
an extracted statement containing the phrase (lower-cased) belongs to that group. The articles
are ingested through the real pipeline (extraction, then the incremental cluster refresh), and
every pair of statements in one predicted cluster is scored against the pairs sharing a gold
group. Statements the extractor did not find are counted separately, not as misses.

Scale: random statements from a 5,000-word vocabulary for 20,000 speakers, a tenth of them
reprints of an earlier statement of the same speaker in another article (a word changed or
the quote trimmed); :func:`cluster_rows` is timed on them, with the peak memory of the process.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from quotegraph.store import open_store
from quotegraph.store.clusters import THRESHOLD, cluster_rows
from quotegraph.store.pipeline import ingest_paths

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "crossoutlet" / "articles.jsonl"


def _pairs(groups: dict[int, object]) -> set[tuple[int, int]]:
    by: dict[object, list[int]] = {}
    for pk, g in groups.items():
        by.setdefault(g, []).append(pk)
    return {tuple(sorted(p)) for members in by.values()
            for p in itertools.combinations(members, 2)}


def gold(path: Path = GOLD) -> dict[str, object]:
    labels = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        labels[rec["text"]] = rec["gold"]
    with tempfile.TemporaryDirectory() as tmp:
        with open_store(Path(tmp) / "gold.db") as store:
            ingest_paths(store, [str(path)], workers=1)
            rows = store.rows(
                "SELECT s.pk, s.text, a.text AS article, c.cluster FROM statements s "
                "JOIN articles a ON a.id = s.article_id "
                "LEFT JOIN statement_cluster c ON c.statement_pk = s.pk")
    truth: dict[int, object] = {}
    found_groups = set()
    for r in rows:
        for phrase, group in labels.get(r["article"], {}).items():
            if phrase in r["text"].lower():
                truth[r["pk"]] = group
                found_groups.add((r["article"], phrase))
    expected = sum(len(g) for g in labels.values())
    predicted = _pairs({r["pk"]: r["cluster"] for r in rows if r["cluster"] is not None})
    wanted = _pairs(truth)
    hit = len(predicted & wanted)
    return {"statements": len(rows), "gold_statements": expected,
            "gold_not_extracted": expected - len(found_groups),
            "predicted_pairs": len(predicted), "gold_pairs": len(wanted), "correct_pairs": hit,
            "precision": round(hit / len(predicted), 3) if predicted else 1.0,
            "recall": round(hit / len(wanted), 3) if wanted else 1.0,
            "threshold": THRESHOLD}


def scale(n: int, seed: int = 7) -> dict[str, object]:
    rnd = random.Random(seed)
    vocab = [f"w{i}" for i in range(5000)]
    rows: list[tuple[int, str, str, str]] = []
    planted: dict[int, int] = {}
    t0 = time.perf_counter()
    for pk in range(n):
        if pk > 100 and rnd.random() < 0.1:
            src = rnd.randrange(pk)
            while src in planted:
                src = planted[src]
            words = rows[src][3].split()
            if rnd.random() < 0.5:
                words[rnd.randrange(len(words))] = rnd.choice(vocab)
            else:
                words = words[:max(8, len(words) - rnd.randint(1, 4))]
            rows.append((pk, f"a{pk}", rows[src][2], " ".join(words)))
            planted[pk] = src
        else:
            rows.append((pk, f"a{pk}", f"id:s{rnd.randrange(20000)}",
                         " ".join(rnd.choices(vocab, k=rnd.randint(12, 30)))))
    made = time.perf_counter() - t0
    t0 = time.perf_counter()
    found = cluster_rows(rows)
    took = time.perf_counter() - t0
    caught = sum(1 for pk, src in planted.items() if pk in found and found.get(src) == found[pk])
    return {"statements": n, "planted_reprints": len(planted),
            "reprints_clustered": caught, "clustered": len(found),
            "clusters": len(set(found.values())), "generate_s": round(made, 1),
            "cluster_s": round(took, 1),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scale", type=int, help="cluster N synthetic statements instead")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    out = scale(args.scale) if args.scale else gold()
    if args.json:
        print(json.dumps(out))
    else:
        for k, v in out.items():
            print(f"{k:>22}: {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
