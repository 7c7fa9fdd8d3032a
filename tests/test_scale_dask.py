"""quotegraph run --dask local writes the same records as quotegraph extract --format jsonl."""

import json
import os
import subprocess
import sys

import pytest

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

from quotegraph.scale import read_records  # noqa: E402

SPEAKERS = ["Maria Lopez", "the harbour master", "Tom Reed", "a council spokesperson"]


def _corpus(path, n):
    with open(path, "w") as f:
        for i in range(n):
            who = SPEAKERS[i % len(SPEAKERS)]
            text = (f"Ferry number {i} was delayed by fog. \"We will sail by noon,\" said {who}. "
                    f"{who} added that passengers would get refunds.")
            f.write(json.dumps({"id": f"ferry-{i}", "text": text}) + "\n")
        f.write("{not json\n")  # a bad row


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "quotegraph", *args], capture_output=True,
                          text=True, timeout=120)


def _key(r):
    return json.dumps(r, sort_keys=True)


def test_run_dask_matches_extract_and_resumes(tmp_path):
    corpus = tmp_path / "ferries.jsonl"
    _corpus(corpus, 300)
    out = tmp_path / "out"
    run = _cli("run", "--dask", "local", str(corpus), "--out", str(out), "--partition-size", "100")
    assert "dashboard" in run.stdout
    expected = [json.loads(line) for line in _cli("extract", "--format", "jsonl", str(corpus))
                .stdout.splitlines()]
    got = read_records(str(out))
    assert len(got) == 300
    assert sorted(map(_key, got)) == sorted(map(_key, expected))

    import pyarrow.parquet as pq
    fail_rows = sum(pq.read_table(out / "failures" / n).num_rows
                    for n in os.listdir(out / "failures"))
    assert fail_rows == 1

    before = {n: os.stat(out / "records" / n).st_mtime_ns for n in os.listdir(out / "records")}
    rerun = _cli("run", "--dask", "local", str(corpus), "--out", str(out), "--partition-size", "100")
    assert "skipped" in rerun.stderr
    after = {n: os.stat(out / "records" / n).st_mtime_ns for n in os.listdir(out / "records")}
    assert before == after
