"""The store CLI as a user runs it: ``python -m quotegraph`` in a subprocess, real files."""

from __future__ import annotations

import importlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_store_support import write_corpus

from quotegraph import query as Q
from quotegraph.cli import main
from quotegraph.export import COLUMNS, iter_rows, read_rows
from quotegraph.store import open_store

TESTS = Path(__file__).resolve().parent
TOY = "test_store_support:toy_extract"


def run(*args, cwd=None, timeout=120):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(TESTS),
                                                        os.environ.get("PYTHONPATH", "")])}
    env.pop("QUOTEGRAPH_DB", None)
    return subprocess.run([sys.executable, "-m", "quotegraph", *map(str, args)], cwd=cwd,
                          env=env, capture_output=True, text=True, timeout=timeout)


def ingest_texts(directory, texts: dict[str, str], db_name: str = "t.db"):
    """A store made by `quotegraph ingest` of ``texts`` (file name -> text) written as files
    under DIRECTORY/texts; the path of the database."""
    (directory / "texts").mkdir()
    for name, text in texts.items():
        (directory / "texts" / name).write_text(text, encoding="utf-8")
    r = run("ingest", directory / "texts", "--db", directory / db_name)
    assert r.returncode == 0, r.stderr
    return directory / db_name


class Result:
    def __init__(self, returncode, stdout, stderr):
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


@pytest.fixture
def inproc(capsys, monkeypatch):
    """The same CLI in this process (fast), for the commands already covered by subprocesses."""
    monkeypatch.delenv("QUOTEGRAPH_DB", raising=False)

    def call(*args):
        capsys.readouterr()
        code = main([str(a) for a in args])
        out = capsys.readouterr()
        return Result(code, out.out, out.err)

    return call


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    d = tmp_path_factory.mktemp("cli")
    corpus = write_corpus(d / "corpus.jsonl", 60)
    r = run("ingest", corpus, "--db", d / "q.db", "--extractor", TOY, "--batch-size", 16)
    assert r.returncode == 0, r.stderr
    assert "60 added, 0 updated, 0 unchanged, 0 failed" in r.stderr
    assert "articles/s" in r.stderr
    return d / "q.db"


def test_ingest_is_idempotent_from_the_command_line(db, tmp_path):
    corpus = write_corpus(tmp_path / "again.jsonl", 60)
    r = run("ingest", corpus, "--db", db, "--extractor", TOY, "--workers", 1)
    assert r.returncode == 0, r.stderr
    assert "0 added, 0 updated, 60 unchanged, 0 failed" in r.stderr


def test_read_failures_are_reported_and_set_the_exit_status(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text('"Nothing changes," Ola Nord said.\n', encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    r = run("ingest", good, empty, tmp_path / "missing.txt", "--db", tmp_path / "f.db",
            "--extractor", TOY)
    assert r.returncode == 1
    assert "empty.txt" in r.stderr and "missing.txt" in r.stderr
    assert "1 added, 0 updated, 0 unchanged, 2 failed" in r.stderr
    with open_store(tmp_path / "f.db") as s:
        assert Q.stats(s)["articles"] == 1


def test_search_table_and_jsonl(db):
    r = run("search", "grain", "--db", db, "--limit", 3)
    assert r.returncode == 0, r.stderr
    lines = [x for x in r.stdout.splitlines() if not x.startswith("  ")]  # not 'also reported by'
    assert lines[0].split() == ["date", "outlet", "speaker", "kind", "statement"]
    assert len(lines) == 2 + 3 + 1 and lines[-1].startswith("1-3 of ")
    r = run("search", "--speaker", "Mira Santos", "--kind", "direct", "--format", "jsonl",
            "--limit", 200, "--db", db)
    hits = [json.loads(x) for x in r.stdout.splitlines()]
    assert hits and all(h["speaker"]["name"] == "Mira Santos" for h in hits)
    with open_store(db) as s:
        assert len(hits) == Q.search_statements(
            s, Q.StatementFilter(speaker="Mira Santos", kind="direct"))["total"]
    r = run("search", "--since", "2023-06-01", "--until", "2023-06-30", "--outlet",
            "Harbour Post", "--format", "jsonl", "--db", db)
    assert all("2023-06" in json.loads(x)["article"]["published"] for x in r.stdout.splitlines())


def test_search_errors_are_clear(db, tmp_path, inproc):
    r = run("search", "x", "--since", "2023-05-01", "--until", "2023-01-01", "--db", db)
    assert r.returncode == 1 and "since" in r.stderr and "Traceback" not in r.stderr
    r = inproc("search", "x", "--limit", 1000, "--db", db)
    assert r.returncode == 1 and "limit" in r.stderr
    r = inproc("search", "x", "--db", tmp_path / "nothing.db")
    assert r.returncode == 1 and "no database" in r.stderr
    assert not (tmp_path / "nothing.db").exists()


def test_speakers_show_stats(db, inproc):
    r = inproc("speakers", "--db", db)
    assert r.returncode == 0 and "Anna Berg" in r.stdout and "3 of 3 speakers" in r.stdout
    hit = json.loads(inproc("search", "--format", "jsonl", "--limit", 1, "--db", db).stdout)
    r = inproc("show", hit["article_id"], "--db", db)
    assert r.returncode == 0 and hit["text"] in r.stdout and hit["article_id"] in r.stdout
    art = json.loads(inproc("show", hit["article_id"], "--format", "json", "--db", db).stdout)
    assert art["text"][hit["start"]:hit["end"]] == hit["text"]
    r = inproc("show", "0000000000000000", "--db", db)
    assert r.returncode == 1 and "no article" in r.stderr
    stats = json.loads(inproc("stats", "--format", "json", "--db", db).stdout)
    assert stats["articles"] == 60 and stats["speakers"] == 3
    assert "articles" in inproc("stats", "--db", db).stdout


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_round_trip(db, tmp_path, fmt, inproc):
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    out = tmp_path / f"out.{fmt}"
    r = (run if fmt == "jsonl" else inproc)("export", "--format", fmt, "-o", out, "--db", db)
    assert r.returncode == 0, r.stderr
    back = read_rows(out, format=fmt)
    with open_store(db) as s:
        expected = list(iter_rows(s))
        assert back == expected and len(back) == Q.stats(s)["statements"]
        assert list(back[0]) == list(COLUMNS)
        texts = {a["id"]: a["text"] for a in s.rows("SELECT id, text FROM articles")}
    for row in back:
        assert texts[row["article_id"]][row["start"]:row["end"]] == row["text"]
    assert any(row["about"] for row in back)


def test_export_with_filter_to_stdout(db, inproc):
    r = inproc("export", "--format", "jsonl", "--speaker", "anna-berg", "--db", db)
    rows = [json.loads(x) for x in r.stdout.splitlines()]
    assert rows and {x["speaker_id"] for x in rows} == {"anna-berg"}
    r = inproc("export", "--format", "csv", "--db", db)
    assert r.stdout.splitlines()[0] == ",".join(COLUMNS)
    r = inproc("export", "--format", "parquet", "--db", db)
    assert r.returncode == 1 and "-o FILE" in r.stderr


def test_sigkill_mid_ingest_then_rerun_stores_everything_once(tmp_path):
    corpus = write_corpus(tmp_path / "big.jsonl", 2000)
    dbp = tmp_path / "k.db"
    env = {**os.environ, "PYTHONPATH": str(TESTS)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "quotegraph", "ingest", str(corpus), "--db", str(dbp),
         "--batch-size", "25", "--workers", "2", "--extractor",
         "test_store_support:slow_toy_extract"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    committed = 0
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if dbp.exists():
                try:
                    con = sqlite3.connect(f"file:{dbp}?mode=ro", uri=True, timeout=1)
                    committed = con.execute("SELECT count(*) FROM articles").fetchone()[0]
                    con.close()
                except sqlite3.Error:
                    committed = 0
                if committed:
                    break
            time.sleep(0.02)
        assert committed, "no commit became visible"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    with open_store(dbp) as s:
        done = Q.stats(s)["articles"]
    assert 0 < done < 2000, "the ingest finished before it could be interrupted"
    r = run("ingest", corpus, "--db", dbp, "--batch-size", 100, "--extractor", TOY)
    assert r.returncode == 0, r.stderr
    assert f"{2000 - done:,} added, 0 updated, {done:,} unchanged, 0 failed" in r.stderr
    with open_store(dbp) as s:
        assert Q.stats(s)["articles"] == 2000
        assert s.one("SELECT count(DISTINCT id) AS n FROM articles")["n"] == 2000
        sources = {r["source"] for r in s.rows("SELECT source FROM articles")}
        assert sources == {f"{corpus}:{i}" for i in range(1, 2001)}
        assert Q.stats(s)["statements"] == 2000
        assert s.one("SELECT count(DISTINCT id) AS n FROM statements")["n"] == 2000


def _real_extractor_available() -> bool:
    try:
        mod = importlib.import_module("quotegraph.extract")
    except ImportError:
        return False
    return callable(getattr(mod, "extract_document", None)) or callable(
        getattr(mod, "extract", None))


@pytest.mark.skipif(not _real_extractor_available(), reason="quotegraph.extract not there yet")
def test_end_to_end_with_the_real_extractor(tmp_path):
    text = ("Harbour ministers meet on grain\n\n"
            'NORDHAVEN, March 3. "We will not accept new duties on grain," Foreign Minister '
            "Anna Berg said on Friday. She added that talks with Freeland would resume "
            "next week.\n")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text.replace("grain", "timber"), encoding="utf-8")
    r = run("ingest", tmp_path / "a.txt", tmp_path / "b.txt", "--db", tmp_path / "e.db")
    assert r.returncode == 0, r.stderr
    assert "2 added" in r.stderr
    r = run("ingest", tmp_path, "--db", tmp_path / "e.db")
    assert "0 added, 0 updated, 2 unchanged" in r.stderr
    with open_store(tmp_path / "e.db") as s:
        for art in s.rows("SELECT id FROM articles"):
            full = Q.get_article(s, art["id"])
            for st in full["statements"]:
                assert full["text"][st["start"]:st["end"]] == st["text"]
        hits = Q.search_statements(s, Q.StatementFilter(q="duties"))["items"]
        assert hits and hits[0]["speaker"] and "Berg" in hits[0]["speaker"]["name"]


def test_progress_line_on_a_terminal_and_summary_always():
    import io

    from quotegraph.cli.store import Progress
    from quotegraph.store import IngestReport

    class Tty(io.StringIO):
        def isatty(self):
            return True

    tty = Tty()
    p = Progress(tty)
    p(200)
    p.failure("bad.txt", "empty file")
    p(400)
    p.summary(IngestReport(added=398, failed=2))
    out = tty.getvalue()
    assert out.startswith("\r200 articles") and "articles/s" in out
    assert "\r\x1b[Kquotegraph: cannot ingest bad.txt: empty file\n" in out
    assert out.endswith("398 added, 0 updated, 0 unchanged, 2 failed\n")

    plain = io.StringIO()
    p = Progress(plain)
    p(200)
    p.summary(IngestReport(added=200))
    assert plain.getvalue().startswith("ingested 200 inputs")  # no carriage returns in logs
    assert "\r" not in plain.getvalue()


def test_tables_fit_the_terminal():
    import io

    from quotegraph.cli.store import render_table

    out = io.StringIO()
    rows = [{"n": 5, "name": "Anna Berg", "text": "x" * 300}, {"n": 12, "name": "B", "text": "y"}]
    render_table(rows, [("n", "count", 8), ("name", "name", 20), ("text", "text", 0)],
                 out=out, width=60)
    lines = out.getvalue().splitlines()
    assert all(len(line) <= 60 for line in lines)
    assert lines[2].startswith("    5  Anna Berg") and lines[3].startswith("   12  B")
    assert lines[2].endswith("\u2026")


def test_parquet_without_pyarrow_is_a_clear_error(db, tmp_path, inproc, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    r = inproc("export", "--format", "parquet", "-o", tmp_path / "x.parquet", "--db", db)
    assert r.returncode == 1 and "pip install 'quotegraph[export]'" in r.stderr


def test_ctrl_c_stops_after_the_last_commit(tmp_path):
    corpus = write_corpus(tmp_path / "big.jsonl", 2000)
    dbp = tmp_path / "i.db"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(TESTS),
                                                        os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.Popen(
        [sys.executable, "-m", "quotegraph", "ingest", str(corpus), "--db", str(dbp),
         "--batch-size", "25", "--extractor", "test_store_support:slow_toy_extract"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        # a shell's background jobs ignore SIGINT; a user's terminal does not
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if dbp.exists():
            try:
                con = sqlite3.connect(f"file:{dbp}?mode=ro", uri=True, timeout=1)
                n = con.execute("SELECT count(*) FROM articles").fetchone()[0]
                con.close()
            except sqlite3.Error:
                n = 0
            if n:
                break
        time.sleep(0.02)
    proc.send_signal(signal.SIGINT)
    err = proc.communicate(timeout=60)[1]
    assert proc.returncode == 130, err
    assert "stopped after" in err and "quotegraph: interrupted" in err
    assert "Traceback" not in err
    with open_store(dbp) as s:
        assert 0 < Q.stats(s)["articles"] < 2000
