"""Articles per second: single-process ``quotegraph extract`` vs ``quotegraph run --dask local``.

PolNeAR texts (or the gold set), repeated with unique ids, as JSONL. Peak memory is the largest
RSS of any process of each run (the Dask workers included, via RUSAGE_CHILDREN). The Dask run
writes more than extract prints: records, the store rows and the five export tables per
partition (see quotegraph/scale_parts.py), so its figure includes that work.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import WRAPPER, base_texts  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def timed(cmd: list[str], err: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    r = subprocess.run([sys.executable, "-c", WRAPPER, json.dumps(cmd), str(err)],
                       capture_output=True, text=True, env=env, check=True)
    return json.loads(r.stdout)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--n", type=int, default=200_000)
    p.add_argument("--partition-size", type=int, default=500)
    a = p.parse_args()
    label, texts = base_texts("auto")
    with tempfile.TemporaryDirectory() as d:
        corpus = Path(d) / "corpus.jsonl"
        with corpus.open("w", encoding="utf-8") as f:
            for i in range(a.n):
                f.write(json.dumps({"id": f"b{i}", "text": texts[i % len(texts)]}) + "\n")
        py = [sys.executable, "-m", "quotegraph"]
        single = timed(py + ["extract", "--format", "jsonl", str(corpus)], Path(d) / "e1")
        dask = timed(py + ["run", "--dask", "local", str(corpus), "--out", str(Path(d) / "out"),
                           "--partition-size", str(a.partition_size)], Path(d) / "e2")
    s, k = a.n / single["seconds"], a.n / dask["seconds"]
    print(f"{a.n} articles of {label}")
    print(f"extract (1 process): {s:.0f} articles/s, peak RSS {single['maxrss_kb'] / 1024:.0f} MB, rc {single['rc']}")
    print(f"run --dask local (2 workers): {k:.0f} articles/s, peak process RSS "
          f"{dask['maxrss_kb'] / 1024:.0f} MB, rc {dask['rc']}")
    print(f"ratio dask/single: {k / s:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
