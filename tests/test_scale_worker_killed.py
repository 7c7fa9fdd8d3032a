"""A Dask worker killed (SIGKILL) in the middle of quotegraph run: Dask runs its partitions
again elsewhere and the output (files, or a PostgreSQL store) still holds every article
exactly once."""

import json
import os
import re
import signal
import subprocess
import sys
import time
from collections import Counter

import pytest

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

from test_scale_tables import story  # noqa: E402
from test_store_support import PG_DSN, pg_schema  # noqa: E402

from quotegraph.scale import read_table  # noqa: E402

N = 1200
PART = 20


def corpus(tmp_path):
    path = tmp_path / "ships.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for i in range(N):
            f.write(json.dumps(story(i)) + "\n")
    return path


def run_and_kill_a_worker(inputs, out, started_enough, started):
    """Run quotegraph on a 2-worker LocalCluster, SIGKILL one worker once
    ``started_enough()`` says the first partitions are done; return (stderr, killed)."""
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=":0") as cluster, Client(cluster) as client:
        pids = client.run(os.getpid)
        assert len(pids) == 2
        proc = subprocess.Popen(
            [sys.executable, "-m", "quotegraph", "run", "--dask", cluster.scheduler_address,
             str(inputs), "--out", out, "--partition-size", str(PART)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            while proc.poll() is None and time.monotonic() - started < 40:
                if started_enough():
                    break
                time.sleep(0.05)
            assert proc.poll() is None, "the run ended before a worker could be killed"
            victim = sorted(pids.values())[0]
            os.kill(victim, signal.SIGKILL)
            _, stderr = proc.communicate(timeout=50)
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
    assert f"{N // PART} partition(s)" in stderr
    return stderr


def test_killed_worker_loses_and_duplicates_nothing(tmp_path):
    started = time.monotonic()
    out = tmp_path / "out"
    done = out / "failures"
    run_and_kill_a_worker(corpus(tmp_path), str(out),
                          lambda: done.is_dir() and len(os.listdir(done)) >= 2, started)
    for table, key in (("records", "source"), ("articles", "id"), ("rows", "id")):
        seen = Counter(r[key] for r in read_table(str(out), table))
        assert len(seen) == N and set(seen.values()) == {1}, table
    sids = Counter(r["id"] for r in read_table(str(out), "statements"))
    assert len(sids) >= 2 * N and set(sids.values()) == {1}
    assert time.monotonic() - started < 60


@pytest.mark.postgres
def test_killed_worker_writing_to_postgres(tmp_path):
    if not PG_DSN:
        pytest.skip("QUOTEGRAPH_PG_DSN is not set (see .ci/postgres.sh)")
    from quotegraph.store import open_store

    started = time.monotonic()
    inputs = corpus(tmp_path)
    with pg_schema() as dsn:
        open_store(dsn).close()
        watch = open_store(dsn)

        def stored() -> int:
            return watch.tuples("SELECT count(*) FROM articles")[0][0]
        try:
            stderr = run_and_kill_a_worker(inputs, dsn, lambda: stored() >= 2 * PART, started)
            # A partition committed just before its worker died is found stored on the retry.
            m = re.search(r"stored (\d+) added, 0 updated, (\d+) unchanged", stderr)
            assert m and int(m[1]) + int(m[2]) == N, stderr
            ids = watch.tuples("SELECT id, count(*) FROM articles GROUP BY id")
            assert len(ids) == N and {n for _, n in ids} == {1}
            sids = watch.tuples("SELECT count(*), count(DISTINCT id) FROM statements")[0]
            assert sids[0] == sids[1] >= 2 * N
        finally:
            watch.close()
    assert time.monotonic() - started < 60
