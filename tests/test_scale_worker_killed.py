"""A Dask worker killed (SIGKILL) in the middle of quotegraph run: Dask runs its partitions
again elsewhere and the output still holds every article exactly once."""

import os
import signal
import subprocess
import sys
import time
from collections import Counter

import pytest

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

from test_scale_tables import story  # noqa: E402

from quotegraph.scale import read_table  # noqa: E402


def test_killed_worker_loses_and_duplicates_nothing(tmp_path):
    import json

    from distributed import Client, LocalCluster

    n = 1200
    corpus = tmp_path / "ships.jsonl"
    with corpus.open("w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps(story(i)) + "\n")
    out = tmp_path / "out"
    started = time.monotonic()
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=":0") as cluster, Client(cluster) as client:
        pids = client.run(os.getpid)
        assert len(pids) == 2
        proc = subprocess.Popen(
            [sys.executable, "-m", "quotegraph", "run", "--dask", cluster.scheduler_address,
             str(corpus), "--out", str(out), "--partition-size", "20"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            done = out / "failures"
            while proc.poll() is None and time.monotonic() - started < 40:
                if done.is_dir() and len(os.listdir(done)) >= 2:
                    break
                time.sleep(0.05)
            finished_before = len(os.listdir(done))
            assert proc.poll() is None, "the run ended before a worker could be killed"
            victim = sorted(pids.values())[0]
            os.kill(victim, signal.SIGKILL)
            stdout, stderr = proc.communicate(timeout=50)
        finally:
            if proc.poll() is None:
                proc.kill()
        # The nanny starts a new worker in its place: the cluster is whole again.
        assert victim not in client.run(os.getpid).values()
        # Partitions the dead worker held went back to the scheduler and ran again.
        log = [t[:3] for t in cluster.scheduler.transition_log]
        lost = {k for k, a, b in log if (a, b) == ("processing", "released")}
        assert lost and all((k, "processing", "memory") in log for k in lost)
    assert proc.returncode == 0, stderr
    assert 2 <= finished_before < n // 20
    assert "60 partition(s)" in stderr

    for table, key in (("records", "source"), ("articles", "id"), ("rows", "id")):
        seen = Counter(r[key] for r in read_table(str(out), table))
        assert len(seen) == n and set(seen.values()) == {1}, table
    sids = Counter(r["id"] for r in read_table(str(out), "statements"))
    assert len(sids) >= 2 * n and set(sids.values()) == {1}
    assert time.monotonic() - started < 60
