"""Two ``quotegraph ingest`` processes at once, and a disk that fills up mid-ingest.

Both are what happens on a real server: a cron job starts while a manual backfill runs, or
the volume holding the database runs out of space. Neither may lose or double an article, and
the database must open and pass SQLite's integrity check afterwards.
"""

from __future__ import annotations

import json
import resource
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

TOWNS = ["Arlen", "Brisk", "Corvo", "Dunmere", "Esk", "Fallow", "Garrow", "Hale"]


def article(i: int) -> dict:
    """A small unique article with one attributed direct quote."""
    town = TOWNS[i % len(TOWNS)]
    return {
        "title": f"Bridge {i} in {town} to be repaired",
        "text": (f"{town.upper()}, May {1 + i % 28}, 2024. /Valewire/. Mayor Petra Quill said on "
                 f"Monday that bridge number {i} in {town} would be repaired by the autumn.\n\n"
                 f"\"Bridge {i} will carry traffic again before the first frost,\" Quill told "
                 f"reporters in {town}.\n"),
        "published": f"2024-05-{1 + i % 28:02d}",
        "outlet": "Valewire",
    }


def write_jsonl(path: Path, ids: range) -> Path:
    path.write_text("".join(json.dumps(article(i)) + "\n" for i in ids), encoding="utf-8")
    return path


def ingest_cmd(db: Path, *inputs: Path, batch: int = 5) -> list[str]:
    return [sys.executable, "-m", "quotegraph", "ingest", *map(str, inputs), "--db", str(db),
            "--batch-size", str(batch), "--workers", "1"]


def stored(db: Path) -> tuple[list[str], str]:
    con = sqlite3.connect(db)
    try:
        titles = [r[0] for r in con.execute("SELECT title FROM articles ORDER BY title")]
        ok = con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()
    return titles, ok


def test_two_ingests_at_once_store_every_article_once(tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    a = write_jsonl(tmp_path / "a.jsonl", range(0, 60))
    b = write_jsonl(tmp_path / "b.jsonl", range(40, 100))  # 40..59 in both
    procs = [subprocess.Popen(ingest_cmd(db, src), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for src in (a, b)]
    results = [(p.wait(timeout=300), p.stdout.read(), p.stderr.read()) for p in procs]
    for p in procs:
        p.stdout.close()
        p.stderr.close()
    for code, out, err in results:
        # Either both succeed (the second waited for the lock) or one refuses with a one-line
        # message naming the database; never a traceback.
        assert "Traceback" not in err, err
        if code != 0:
            assert str(db) in err and "lock" in err.lower(), err
    titles, ok = stored(db)
    assert ok == "ok"
    if all(code == 0 for code, _, _ in results):
        assert titles == sorted(f"Bridge {i} in {TOWNS[i % 8]} to be repaired" for i in range(100))
    # Whatever happened, nothing is doubled, and a rerun completes the set.
    assert len(titles) == len(set(titles))
    for src in (a, b):
        r = subprocess.run(ingest_cmd(db, src), capture_output=True, text=True, timeout=300)
        assert r.returncode == 0, r.stderr
    titles, ok = stored(db)
    assert ok == "ok" and len(titles) == 100 == len(set(titles))


def _limit_file_size(limit: int):
    def apply() -> None:
        # Past the limit write() fails with EFBIG; SIGXFSZ would kill the process instead.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


@pytest.mark.skipif(not hasattr(resource, "RLIMIT_FSIZE"), reason="no RLIMIT_FSIZE here")
def test_a_full_disk_stops_ingest_with_one_line_and_keeps_the_store(tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    first = write_jsonl(tmp_path / "first.jsonl", range(0, 20))
    r = subprocess.run(ingest_cmd(db, first), capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    before, _ = stored(db)
    assert len(before) == 20
    size = max(p.stat().st_size for p in tmp_path.glob("q.db*"))
    big = write_jsonl(tmp_path / "big.jsonl", range(1000, 3000))
    r = subprocess.run(ingest_cmd(db, big, batch=50), capture_output=True, text=True,
                       timeout=600, preexec_fn=_limit_file_size(size + 256 * 1024))
    assert r.returncode != 0
    assert "Traceback" not in r.stderr, r.stderr
    errors = [line for line in r.stderr.splitlines() if line.strip()]
    assert errors and str(db) in errors[-1], r.stderr
    assert any(w in errors[-1].lower() for w in ("full", "space", "too large", "size")), errors
    after, ok = stored(db)
    assert ok == "ok"
    assert set(before) <= set(after) and len(after) == len(set(after))
    # What got committed is whole: every stored article has its statement.
    con = sqlite3.connect(db)
    try:
        bare = con.execute("SELECT count(*) FROM articles a WHERE NOT EXISTS "
                           "(SELECT 1 FROM statements s WHERE s.article_id = a.id)").fetchone()[0]
    finally:
        con.close()
    assert bare == 0
    # With room again, the same command finishes the job.
    r = subprocess.run(ingest_cmd(db, big, batch=50), capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    final, ok = stored(db)
    assert ok == "ok" and len(final) == 2020 == len(set(final))
