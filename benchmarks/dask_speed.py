"""Articles per second: single-process ``quotegraph extract`` vs ``quotegraph run --dask local``.

PolNeAR texts (or the gold set), repeated as JSONL, each with a line of its own number at
the end: an article's id is the hash of its text, and both ``run`` and ``ingest`` keep one
article per text, so without it the run would measure a few hundred articles. Peak memory is the largest
RSS of any process of each run (the Dask workers included, via RUSAGE_CHILDREN). During the Dask
run every process under it is sampled (psutil, every ``--sample-seconds``), so the output shows
each worker's RSS at each quarter of the run: flat memory means the last quarter is no larger
than the first. The Dask run writes more than extract prints: records, the store rows and the
five export tables per partition (see quotegraph/scale_parts.py), so its figure includes that work.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import WRAPPER, base_texts  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def timed(cmd: list[str], err: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    r = subprocess.run([sys.executable, "-c", WRAPPER, json.dumps(cmd), str(err)],
                       capture_output=True, text=True, env=env, check=True)
    return json.loads(r.stdout)


class RssSampler(threading.Thread):
    """RSS in MB of every process below this one, sampled until stopped: {pid: [(t, mb), ...]}."""

    def __init__(self, every: float) -> None:
        super().__init__(daemon=True)
        self.every, self.samples, self.names = every, {}, {}
        self._done = threading.Event()

    def run(self) -> None:
        import psutil

        me, t0 = psutil.Process(), time.perf_counter()
        while not self._done.wait(self.every):
            for p in me.children(recursive=True):
                try:
                    mb = p.memory_info().rss / 2**20
                    cmd = " ".join(p.cmdline()[1:4])
                    self.names.setdefault(p.pid, f"Dask worker {p.pid}" if "spawn" in cmd
                                          else cmd[:40])
                except psutil.Error:
                    continue
                self.samples.setdefault(p.pid, []).append((time.perf_counter() - t0, mb))

    def stop(self) -> None:
        self._done.set()
        self.join()


def quarters(series: list[tuple[float, float]], end: float) -> list[float]:
    """The largest RSS seen in each quarter of the run (0 where the process was not alive)."""
    out = []
    for q in range(4):
        lo, hi = end * q / 4, end * (q + 1) / 4
        out.append(max((mb for t, mb in series if lo <= t < hi or (q == 3 and t >= hi)),
                       default=0.0))
    return out


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--n", type=int, default=200_000)
    p.add_argument("--partition-size", type=int, default=500)
    p.add_argument("--sample-seconds", type=float, default=2.0)
    a = p.parse_args()
    label, texts = base_texts("auto")
    with tempfile.TemporaryDirectory() as d:
        corpus = Path(d) / "corpus.jsonl"
        with corpus.open("w", encoding="utf-8") as f:
            for i in range(a.n):
                text = f"{texts[i % len(texts)]}\n\nReference b{i}.\n"
                f.write(json.dumps({"id": f"b{i}", "text": text}) + "\n")
        py = [sys.executable, "-m", "quotegraph"]
        single = timed(py + ["extract", "--format", "jsonl", str(corpus)], Path(d) / "e1")
        sampler = RssSampler(a.sample_seconds)
        sampler.start()
        dask = timed(py + ["run", "--dask", "local", str(corpus), "--out", str(Path(d) / "out"),
                           "--partition-size", str(a.partition_size)], Path(d) / "e2")
        sampler.stop()
    s, k = a.n / single["seconds"], a.n / dask["seconds"]
    print(f"{a.n} articles of {label}")
    print(f"extract (1 process): {s:.0f} articles/s, peak RSS {single['maxrss_kb'] / 1024:.0f} MB, rc {single['rc']}")
    print(f"run --dask local (2 workers): {k:.0f} articles/s, peak process RSS "
          f"{dask['maxrss_kb'] / 1024:.0f} MB, rc {dask['rc']}")
    print(f"ratio dask/single: {k / s:.2f}")
    print("RSS in MB by quarter of the Dask run (largest sample in each), processes above 100 MB;\n"
          "  the first quarter includes start-up:")
    for pid, series in sorted(sampler.samples.items()):
        qs = quarters(series, dask["seconds"])
        if max(qs) >= 100:
            print(f"  {sampler.names[pid]:<40} " + " ".join(f"{mb:6.0f}" for mb in qs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
