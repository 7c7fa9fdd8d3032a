"""``quotegraph extract`` as a user runs it: a subprocess over real files, good and bad."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = (
    "Minsk hosts CSTO talks, says Aleinik\n\n"
    "MINSK, 3 March (BelTA) - The CSTO will hold its next exercises in Belarus, Belarusian "
    "Foreign Minister Sergei Aleinik said on Friday.\n\n"
    "“Our allies know that they can rely on us,” the minister said.\n"
)


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "quotegraph", *args],
        input=stdin, capture_output=True, cwd=cwd, timeout=120,
    )


def records(out: bytes) -> list[dict]:
    return [json.loads(line) for line in out.decode("utf-8").splitlines() if line.strip()]


def test_jsonl_record_matches_design(tmp_path):
    path = tmp_path / "belta.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    proc = run("extract", "--format", "jsonl", str(path))
    assert proc.returncode == 0, proc.stderr
    (rec,) = records(proc.stdout)
    assert rec["source"] == str(path)
    assert rec["outlet"] == "BelTA"
    assert rec["title"] == "Minsk hosts CSTO talks, says Aleinik"
    kinds = [s["kind"] for s in rec["statements"]]
    assert kinds == ["indirect", "indirect", "direct"]
    for s in rec["statements"]:
        assert ARTICLE[s["start"]:s["end"]] == s["text"]
        assert s["speaker"]["name"] == "Sergei Aleinik"
        sp = s["speaker"]
        assert ARTICLE[sp["start"]:sp["end"]] == sp["mention"]
        assert ARTICLE[s["cue"]["start"]:s["cue"]["end"]] == s["cue"]["text"]
    assert rec["statements"][2]["speaker"]["mention"] == "the minister"


def test_table_is_the_default_and_readable(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    proc = run("extract", str(path))
    assert proc.returncode == 0
    out = proc.stdout.decode()
    assert "Sergei Aleinik" in out and "[direct]" in out and "BelTA" in out


def test_directories_corpora_and_stdin_in_input_order(tmp_path):
    d = tmp_path / "dir"
    (d / "sub").mkdir(parents=True)
    (d / "b.txt").write_text("The talks went well, Lavrov said.", encoding="utf-8")
    (d / "sub" / "a.txt").write_text("The talks failed, Zakharova said.", encoding="utf-8")
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        json.dumps({"text": "Trade grew by 10 percent, Overchuk said.", "title": "T", "date": "2023-04-01",
                    "outlet": "TASS", "url": "https://example.org/1"}) + "\n", encoding="utf-8")
    table = tmp_path / "c.csv"
    table.write_text("text,title\n\"Prices will fall, Peskov said.\",Prices\n", encoding="utf-8")
    proc = run("extract", "--format", "jsonl", str(d), str(corpus), str(table), "-",
               stdin="Nothing changed, Mirzoyan said.".encode())
    assert proc.returncode == 0, proc.stderr
    recs = records(proc.stdout)
    speakers = [r["statements"][0]["speaker"]["name"] for r in recs]
    # A surname alone resolves to the KB person it names (Overchuk, dated 2023, holds no KB office then).
    assert speakers == ["Sergey Lavrov", "Maria Zakharova", "Overchuk", "Dmitry Peskov",
                        "Ararat Mirzoyan"]
    assert recs[2]["published"] == "2023-04-01" and recs[2]["url"] == "https://example.org/1"
    assert recs[2]["source"] == f"{corpus}:1"
    assert recs[4]["source"] == "-"


def test_encodings_keep_offsets_into_decoded_text(tmp_path):
    text = "«Мы готовы», — said the envoy. The deal is close, Lavrov said."
    for name, data in {
        "bom.txt": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "utf16.txt": text.encode("utf-16"),
    }.items():
        (tmp_path / name).write_bytes(data)
    proc = run("extract", "--format", "jsonl", str(tmp_path / "bom.txt"), str(tmp_path / "utf16.txt"))
    assert proc.returncode == 0, proc.stderr
    for rec in records(proc.stdout):
        s = rec["statements"][-1]
        assert text[s["start"]:s["end"]] == s["text"] == "The deal is close"


def test_bad_inputs_are_reported_and_the_rest_is_processed(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("The border will reopen, Kulubaev said.", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    corpus = tmp_path / "rows.jsonl"
    corpus.write_text('{"text": "Aid will continue, Borrell said."}\n{"text": broken\n'
                      '{"title": "no text"}\n', encoding="utf-8")
    missing = tmp_path / "missing.txt"
    proc = run("extract", "--format", "jsonl", str(empty), str(binary), str(corpus), str(missing), str(good))
    assert proc.returncode == 1
    err = proc.stderr.decode()
    assert "Traceback" not in err
    assert f"{empty}: empty file" in err
    assert f"{binary}: " in err and "binary" in err
    assert f"{corpus}:2: " in err
    assert f"{corpus}:3: " in err and "text" in err
    assert f"{missing}: " in err
    recs = records(proc.stdout)
    assert [r["statements"][0]["speaker"]["name"] for r in recs] == ["Josep Borrell", "Jeenbek Kulubaev"]


def test_unbalanced_quotes_and_a_long_single_line(tmp_path):
    line = ("“This quotation never closes, the diplomat said, and the text goes on " * 2000
            + "The sides agreed, Lavrov said.")
    big = tmp_path / "big.txt"
    big.write_text(line * 12, encoding="utf-8")
    assert big.stat().st_size > 10_000_000 / 6
    proc = run("extract", "--format", "jsonl", str(big))
    assert proc.returncode == 0, proc.stderr
    (rec,) = records(proc.stdout)
    text = big.read_text(encoding="utf-8")
    for s in rec["statements"]:
        assert text[s["start"]:s["end"]] == s["text"]


@pytest.mark.slow
def test_ten_megabyte_single_line_file(tmp_path):
    unit = "Trade grew by a tenth, the minister said, and \"more will follow\" within a year; "
    big = tmp_path / "ten.txt"
    big.write_text(unit * (10_000_000 // len(unit) + 1), encoding="utf-8")
    assert big.stat().st_size >= 10_000_000
    proc = run("extract", "--format", "jsonl", str(big))
    assert proc.returncode == 0, proc.stderr[-500:]
    assert len(records(proc.stdout)) == 1


def test_no_kb_keeps_the_article_names(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("The border will reopen, Kulubaev said.", encoding="utf-8")
    proc = run("extract", "--format", "jsonl", "--no-kb", str(path))
    (rec,) = records(proc.stdout)
    assert rec["statements"][0]["speaker"]["name"] == "Kulubaev"
    assert rec["mentions"] == []


def test_no_arguments_prints_usage():
    proc = run()
    assert proc.returncode == 2
    assert b"extract" in proc.stderr
