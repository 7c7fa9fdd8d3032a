"""Actor mentions: accuracy on the mention gold set and speed of ``find_mentions``.

    python benchmarks/mentions.py [--articles N] [--size BYTES] [--errors]

Prints precision/recall/F1 (exact span + id) on ``tests/gold/mentions`` (the ``m*`` articles
written for it and the ``x*`` held-out articles whose text other people wrote), the knowledge-
base load time (YAML, then the pickled cache), the matcher build time, and mention-finding
throughput on synthetic 4 KB articles made from the gold texts.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from quotegraph.kb import gold as gold_mod  # noqa: E402
from quotegraph.kb import loader  # noqa: E402
from quotegraph.resolve import actors  # noqa: E402

GOLD = ROOT / "tests" / "gold" / "mentions"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=2000, help="synthetic articles to time")
    ap.add_argument("--size", type=int, default=4096, help="characters per synthetic article")
    ap.add_argument("--errors", action="store_true", help="list every wrong or missed mention")
    args = ap.parse_args()

    # Load times: cold (YAML parsed and validated, cache written) and warm (pickled cache).
    with tempfile.TemporaryDirectory() as cache:
        os.environ[loader.CACHE_ENV_VAR] = cache
        t0 = time.perf_counter()
        loader._cache.clear()
        loader.load_kb()
        cold = time.perf_counter() - t0
        loader._cache.clear()
        t0 = time.perf_counter()
        kb = loader.load_kb()
        warm = time.perf_counter() - t0
    t0 = time.perf_counter()
    actors.find_mentions("", published=None, kb=kb)
    build = time.perf_counter() - t0
    print(f"knowledge base: {len(kb)} records ({len(kb.people)} people), "
          f"{len(kb.surfaces)} surface forms")
    print(f"load: {cold * 1000:.0f} ms from YAML, {warm * 1000:.0f} ms from the cache; "
          f"matcher build {build * 1000:.0f} ms")

    articles = gold_mod.load_gold(GOLD)
    print(f"\n{'gold set':<28}{'articles':>9}{'gold':>7}{'P':>8}{'R':>8}{'F1':>8}")
    for label, prefix in (("written for the set (m*)", "m"), ("held-out texts (x*)", "x"),
                          ("all", "")):
        subset = [a for a in articles if a.id.startswith(prefix)]
        s = gold_mod.score(subset, lambda a: actors.find_mentions(
            a.text, published=a.published, kb=kb))
        print(f"{label:<28}{len(subset):>9}{s.tp + s.fn:>7}{s.precision:>8.3f}"
              f"{s.recall:>8.3f}{s.f1:>8.3f}")
        if not prefix:
            total = s
    print("by type: " + ", ".join(f"{t} P {v['precision']:.3f} R {v['recall']:.3f} ({v['gold']})"
                                  for t, v in total.to_dict()["by_type"].items()))
    if args.errors:
        print("\n".join(total.errors) or "no errors")

    # Speed: synthetic articles of ~size characters cut from the gold texts, each with a date.
    corpus = "\n\n".join(a.text for a in articles)
    docs = []
    for i in range(args.articles):
        start = (i * 997) % max(1, len(corpus) - args.size)
        docs.append(corpus[start:start + args.size])
    # CPU time is reported beside wall time: on a shared machine the wall clock mostly measures
    # the neighbours.
    t0, c0 = time.perf_counter(), time.process_time()
    n = 0
    for i, text in enumerate(docs):
        n += len(actors.find_mentions(text, published="2023-06-01" if i % 2 else None, kb=kb))
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nspeed: {len(docs)} articles of {args.size} chars, {n} mentions "
          f"({n / len(docs):.0f} per article)")
    print(f"  {len(docs) / cpu:,.0f} articles/s per core (CPU {cpu:.2f} s); "
          f"{len(docs) / wall:,.0f} articles/s wall ({wall:.2f} s); peak RSS {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
