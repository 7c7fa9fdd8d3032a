"""Inputs that used to stall or sink a batch, run as a user runs them: lone surrogates in a
JSON row, a CSV quote that never closes, FIFOs and devices, and documents over --max-bytes.
Each bad input must cost itself only, with a message naming it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

GOOD_1 = "The border will reopen on Monday, Kulubaev said."
GOOD_2 = "Aid to the farmers will continue, Borrell said."
# Valid JSON: the escape \ud800 is a lone high surrogate, which is not a Unicode character.
SURROGATE_ROW = r'{"id": "a", "text": "He said \"x\ud800y\" and left."}'


def run(*args: object, timeout: int = 120) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "QUOTEGRAPH_DB"}
    return subprocess.run([sys.executable, "-m", "quotegraph", *map(str, args)],
                          capture_output=True, timeout=timeout, env=env)


def records(out: bytes) -> list[dict]:
    return [json.loads(line) for line in out.decode("utf-8").splitlines() if line.strip()]


def speakers(out: bytes) -> list[str]:
    return [r["statements"][0]["speaker"]["name"] for r in records(out)]


def write_surrogate_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "rows.jsonl"
    corpus.write_text(json.dumps({"id": "g1", "text": GOOD_1}) + "\n" + SURROGATE_ROW + "\n"
                      + json.dumps({"id": "g2", "text": GOOD_2}) + "\n", encoding="ascii")
    json.loads(SURROGATE_ROW)  # the bad row really is valid JSON
    return corpus


def test_extract_rejects_a_lone_surrogate_row_and_prints_the_others(tmp_path):
    corpus = write_surrogate_corpus(tmp_path)
    proc = run("extract", "--format", "jsonl", "--no-kb", corpus)
    err = proc.stderr.decode()
    assert proc.returncode == 1, err
    assert "Traceback" not in err
    assert f"{corpus}:2: " in err and "'a'" in err and "surrogate" in err and "U+D800" in err
    assert speakers(proc.stdout) == ["Kulubaev", "Borrell"]
    assert [r["source"] for r in records(proc.stdout)] == [f"{corpus}:1", f"{corpus}:3"]


def test_extract_table_format_survives_a_lone_surrogate_too(tmp_path):
    corpus = write_surrogate_corpus(tmp_path)
    proc = run("extract", "--no-kb", corpus)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr.decode()
    out = proc.stdout.decode()
    assert "Kulubaev" in out and "Borrell" in out


def test_a_lone_surrogate_in_a_title_is_named_as_well(tmp_path):
    corpus = tmp_path / "titles.jsonl"
    corpus.write_text(r'{"text": "Talks will go on, Lavrov said.", "title": "Bad \udc01 title"}'
                      + "\n" + json.dumps({"text": GOOD_2}) + "\n", encoding="ascii")
    proc = run("extract", "--format", "jsonl", "--no-kb", corpus)
    err = proc.stderr.decode()
    assert proc.returncode == 1
    assert f"{corpus}:1: " in err and "'title'" in err and "U+DC01" in err
    assert speakers(proc.stdout) == ["Borrell"]


def test_ingest_rejects_a_lone_surrogate_row_and_stores_the_others(tmp_path):
    corpus = write_surrogate_corpus(tmp_path)
    db = tmp_path / "q.db"
    proc = run("ingest", "--db", db, "--workers", "1", corpus)
    err = proc.stderr.decode()
    assert proc.returncode == 1, err
    assert "Traceback" not in err
    assert f"{corpus}:2: " in err and "surrogate" in err
    assert "2 added" in err and "1 failed" in err
    exported = run("export", "--db", db, "--format", "jsonl")
    assert exported.returncode == 0, exported.stderr
    names = sorted({r["speaker_name"] for r in records(exported.stdout)})
    assert any("Kulubaev" in n for n in names) and any("Borrell" in n for n in names)


def test_csv_with_an_unterminated_quote_is_reported(tmp_path):
    corpus = tmp_path / "rows.csv"
    corpus.write_text(
        "id,text\n"
        f'1,"{GOOD_1}"\n'
        f'2,"{GOOD_2}"\n'
        '3,"The quote opens here and never closes, the envoy said.\n'
        "4,The ministry denied it.\n"
        "5,Nothing more was said.\n", encoding="utf-8")
    proc = run("extract", "--format", "jsonl", "--no-kb", corpus)
    err = proc.stderr.decode()
    assert proc.returncode == 1, err
    assert f"{corpus}:4: " in err
    assert "never closed" in err and "line 4" in err and "2 row(s) read" in err
    assert speakers(proc.stdout) == ["Kulubaev", "Borrell"]


def test_csv_whose_quote_opens_in_the_header_is_reported(tmp_path):
    corpus = tmp_path / "head.tsv"
    corpus.write_text('id\t"text\n1\tThe border will reopen, Kulubaev said.\n', encoding="utf-8")
    proc = run("extract", "--format", "jsonl", corpus)
    err = proc.stderr.decode()
    assert proc.returncode == 1
    assert f"{corpus}:1: " in err and "never closed" in err and "0 row(s)" in err
    assert records(proc.stdout) == []


def test_well_formed_csv_with_multiline_quotes_reports_nothing(tmp_path):
    corpus = tmp_path / "ok.csv"
    corpus.write_text(f'id,text\n1,"First line.\n{GOOD_1}"\n2,"{GOOD_2}"', encoding="utf-8")
    proc = run("extract", "--format", "jsonl", "--no-kb", corpus)
    assert proc.returncode == 0, proc.stderr
    assert speakers(proc.stdout) == ["Kulubaev", "Borrell"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_fifos_are_skipped_without_opening_them(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD_1, encoding="utf-8")
    direct = tmp_path / "direct.txt"
    os.mkfifo(direct)
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD_2, encoding="utf-8")
    os.mkfifo(folder / "b.txt")
    # Nobody ever writes to either FIFO: opening one would block until the timeout.
    proc = run("extract", "--format", "jsonl", "--no-kb", direct, folder, good, timeout=30)
    err = proc.stderr.decode()
    assert proc.returncode == 1, err
    assert f"{direct}: " in err and f"{folder / 'b.txt'}: " in err
    assert err.count("named pipe (FIFO)") == 2
    assert speakers(proc.stdout) == ["Borrell", "Kulubaev"]


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_a_device_is_skipped(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD_1, encoding="utf-8")
    proc = run("extract", "--format", "jsonl", "--no-kb", "/dev/zero", good, timeout=30)
    assert proc.returncode == 1
    assert "/dev/zero: a device" in proc.stderr.decode()
    assert speakers(proc.stdout) == ["Kulubaev"]


@pytest.mark.skipif(not os.path.exists("/dev/fd"), reason="no /dev/fd")
def test_process_substitution_pipes_are_still_read(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD_1, encoding="utf-8")
    proc = subprocess.run(["bash", "-c", f'{sys.executable} -m quotegraph extract --format jsonl '
                           f'--no-kb <(cat "{good}")'], capture_output=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert speakers(proc.stdout) == ["Kulubaev"]


def test_max_bytes_skips_big_files_and_rows_and_reads_the_rest(tmp_path):
    small = tmp_path / "small.txt"
    small.write_text(GOOD_1, encoding="utf-8")
    big = tmp_path / "big.txt"
    big.write_text("The talks went on for hours, the envoy said. " * 40, encoding="utf-8")
    corpus = tmp_path / "rows.jsonl"
    corpus.write_text(json.dumps({"text": "Long talks, long text, the envoy said. " * 30}) + "\n"
                      + json.dumps({"text": GOOD_2}) + "\n", encoding="utf-8")
    table = tmp_path / "rows.csv"
    table.write_text("text\n" + "Longer still, the envoy said. " * 40 + "\n"
                     + '"Trade will grow, Lavrov said."\n', encoding="utf-8")
    proc = run("extract", "--format", "jsonl", "--no-kb", "--max-bytes", "1K",
               big, corpus, table, small)
    err = proc.stderr.decode()
    assert proc.returncode == 1, err
    assert f"{big}: " in err and f"{corpus}:1: " in err and f"{table}:2: " in err
    assert err.count("more than the limit of 1,024") == 3
    assert speakers(proc.stdout) == ["Borrell", "Lavrov", "Kulubaev"]
    # Without the option the default limit lets all of them through.
    proc = run("extract", "--format", "jsonl", "--no-kb", big, corpus, table, small)
    assert proc.returncode == 0, proc.stderr
    assert len(records(proc.stdout)) == 6


def test_max_bytes_applies_to_stdin_and_ingest(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "quotegraph", "extract", "--max-bytes", "20", "-"],
                          input=GOOD_1.encode(), capture_output=True, timeout=120)
    assert proc.returncode == 1
    assert "-: skipped: more than the limit of 20 bytes" in proc.stderr.decode()
    small = tmp_path / "small.txt"
    small.write_text(GOOD_2, encoding="utf-8")
    big = tmp_path / "big.txt"
    big.write_text(GOOD_1 * 50, encoding="utf-8")
    proc = run("ingest", "--db", tmp_path / "q.db", "--workers", "1", "--max-bytes", "2K", big, small)
    err = proc.stderr.decode()
    assert proc.returncode == 1, err
    assert f"{big}: skipped" in err and "1 added" in err and "1 failed" in err


def test_a_bad_max_bytes_value_is_a_usage_error():
    proc = run("extract", "--max-bytes", "lots", "-")
    assert proc.returncode == 2
    assert "not a size: 'lots'" in proc.stderr.decode()
