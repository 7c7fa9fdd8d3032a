"""Parquet corpora through the CLI: one document per row, each bad row or file one error, and
`run --dask` reads them as it reads JSONL."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys

import pytest

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

ROWS = [
    {"id": "a1", "text": "The ferry will sail at noon, harbour master Ann Kowal said on Monday.",
     "title": "Ferry news", "outlet": "Coast Wire", "published": datetime.date(2026, 3, 2)},
    {"id": "a2", "text": None, "title": "No text", "outlet": None, "published": None},
    {"id": "a3", "text": "\"We will rebuild the pier,\" Mayor Tom Reed told reporters.",
     "title": None, "outlet": "Harbour Times", "published": datetime.date(2026, 3, 3)},
]


def cli(*args):
    return subprocess.run([sys.executable, "-m", "quotegraph", *map(str, args)],
                          capture_output=True, text=True, timeout=180)


@pytest.fixture()
def corpus(tmp_path):
    path = tmp_path / "news.parquet"
    pq.write_table(pa.Table.from_pylist(ROWS), path, row_group_size=2)
    return path


def test_extract_reads_each_row_and_names_the_bad_one(corpus):
    r = cli("extract", "--format", "jsonl", corpus)
    assert r.returncode == 1
    assert f"{corpus}:2: no 'text' field" in r.stderr, r.stderr
    records = [json.loads(line) for line in r.stdout.splitlines()]
    assert [x["title"] for x in records] == ["Ferry news", None]
    assert records[0]["published"] == "2026-03-02" and records[0]["outlet"] == "Coast Wire"
    speakers = [s["speaker"]["name"] for x in records for s in x["statements"]]
    assert speakers == ["Ann Kowal", "Tom Reed"]


def test_a_file_that_is_not_parquet_is_one_error(tmp_path):
    bad = tmp_path / "broken.parquet"
    bad.write_bytes(b"PAR1 this is not really parquet")
    good = tmp_path / "good.txt"
    good.write_text("The pier will reopen in May, Mayor Tom Reed said.", encoding="utf-8")
    r = cli("extract", "--format", "jsonl", bad, good)
    assert r.returncode == 1
    assert f"{bad}: not a Parquet file" in r.stderr, r.stderr
    assert len(r.stdout.splitlines()) == 1  # the good file is still read


def test_a_row_over_the_size_limit_costs_that_row_only(tmp_path):
    path = tmp_path / "big.parquet"
    rows = [{"text": "x " * 3000}, {"text": "The pier will reopen in May, Mayor Tom Reed said."}]
    pq.write_table(pa.Table.from_pylist(rows), path)
    r = cli("extract", "--format", "jsonl", "--max-bytes", "2K", path)
    assert f"{path}:1: row skipped" in r.stderr, r.stderr
    assert len(r.stdout.splitlines()) == 1


def test_run_dask_reads_parquet_as_extract_does(corpus, tmp_path):
    pytest.importorskip("distributed")
    from quotegraph.scale import read_records

    out = tmp_path / "out"
    run = cli("run", "--dask", "local", corpus, "--out", out, "--partition-size", "2")
    assert "1 failure(s)" in run.stderr, run.stderr
    want = [json.loads(line) for line in cli("extract", "--format", "jsonl", corpus)
            .stdout.splitlines()]
    assert sorted(map(json.dumps, read_records(str(out)))) == sorted(map(json.dumps, want))
