#!/usr/bin/env python3
"""Where extraction spends its time: cProfile over PolNeAR texts, sorted by own (tottime) time.

    python benchmarks/hotspots.py                 # 2,000 articles, top 20 by tottime
    python benchmarks/hotspots.py --n 500 --top 40 --sort cumulative

The texts are the PolNeAR train texts from ``../shared/polnear`` (the gold set when absent),
repeated, passed one by one to the same ``quotegraph.extract`` that ``quotegraph extract`` and
``benchmarks/speed.py`` use. The first article is extracted before profiling so the knowledge
base load and matcher build are not counted. CPU seconds (``time.process_time``) without the
profiler are printed too, since wall time moves with whatever else shares the machine.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import base_texts  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--n", type=int, default=2000, help="articles to extract (default 2000)")
    p.add_argument("--top", type=int, default=20, help="rows to print (default 20)")
    p.add_argument("--sort", default="tottime", help="pstats sort key (default tottime)")
    p.add_argument("--source", choices=("auto", "polnear", "gold"), default="auto")
    args = p.parse_args(argv)
    label, texts = base_texts(args.source)
    from quotegraph.evaluate import load_engine

    extract = load_engine()
    extract(texts[0])
    cpu = time.process_time()
    for i in range(args.n):
        extract(texts[i % len(texts)], source=f"article-{i}")
    cpu = time.process_time() - cpu
    print(f"{label}: {args.n} articles in {cpu:.2f} CPU s = {args.n / cpu:.0f} articles/s"
          " (CPU time, no profiler)")
    prof = cProfile.Profile()
    prof.enable()
    for i in range(args.n):
        extract(texts[i % len(texts)], source=f"article-{i}")
    prof.disable()
    pstats.Stats(prof).strip_dirs().sort_stats(args.sort).print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
