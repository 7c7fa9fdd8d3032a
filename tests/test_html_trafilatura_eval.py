"""`benchmarks/html_text.py --trafilatura-eval DIR` scores real saved pages the way
trafilatura scores itself; these pages and snippets are written here, so every count is known."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "benchmarks" / "html_text.py"

_spec = importlib.util.spec_from_file_location("html_text_bench", SCRIPT)
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)

NAV = ("<header><nav><ul><li><a href='/'>Front page</a></li><li><a href='/world'>World desk</a></li>"
       "<li><a href='/sport'>Sport results</a></li></ul></nav></header>")
FOOT = "<footer><p>Copyright Harbour Ledger Media Group, all rights reserved.</p></footer>"


def _page(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body>{NAV}<main><article><h1>{title}</h1>{body}</article></main>{FOOT}</body></html>")


FERRY = _page("Ferry link to the islands resumes", [
    "The ferry service between the port and the outer islands resumed on Thursday after a "
    "three-week pause caused by repairs to the main landing stage.",
    "Harbour master Ilse Brandvold said the new stage could take vessels twice the size of the "
    "old ones and would stay open through the winter storms.",
    "Residents of the islands had relied on a single fishing boat for medicine and post while "
    "the work went on, the council said in a statement.",
])
LIBRARY = _page("Town library extends its opening hours", [
    "The town library will open until nine in the evening from next month, the culture "
    "committee decided at its meeting on Tuesday after a petition signed by students.",
    "Committee chair Tomas Ekwall said the extra hours would be paid for by closing the "
    "reading room on Sunday mornings, when few people visit.",
])

# Two pages saved, one listed but not saved; a statement after the table that would stop the
# run if the file were executed rather than read as a literal.
EVALDATA = """# written by the test
EVAL_PAGES = {
'https://ledger.example/ferry': {
    'file': 'ledger.ferry.html',
    'with': ['resumed on Thursday after a', 'twice the size of the', 'a sentence the page never had'],
    'without': ['Sport results', 'Copyright Harbour Ledger', 'a single fishing boat'],
},
'https://ledger.example/library': {
    'file': 'ledger.library.html',
    'with': ['open until nine in the evening', 'closing the reading room'],
    'without': ['World desk', 'all rights reserved'],
    'comments': ['not scored'],
},
'https://ledger.example/gone': {
    'file': 'ledger.gone.html',
    'with': ['anything'],
    'without': ['else'],
},
}
raise SystemExit("evaldata.py was executed")
"""


def _layout(root: Path, nested: bool) -> Path:
    base = root / "tests" if nested else root
    (base / "cache").mkdir(parents=True)
    (base / "cache" / "ledger.ferry.html").write_text(FERRY, encoding="utf-8")
    (base / "cache" / "ledger.library.html").write_text(LIBRARY, encoding="utf-8")
    (base / "evaldata.py").write_text(EVALDATA, encoding="utf-8")
    return root


def test_snippet_counts_follow_trafilatura_scoring():
    entry = {"with": ["alpha beta", "gamma", "missing one"], "without": ["delta", "epsilon"]}
    got = bench.snippet_counts("alpha beta and gamma, then delta", entry)
    assert (got["tp"], got["fn"], got["fp"], got["tn"]) == (2, 1, 1, 1)
    assert got["missed"] == ["missing one"] and got["kept"] == ["delta"]
    # a reader that returns nothing finds no wanted snippet and keeps no unwanted one
    empty = bench.snippet_counts(None, entry)
    assert (empty["tp"], empty["fn"], empty["fp"], empty["tn"]) == (0, 3, 0, 2)
    # verbatim, as trafilatura matches: case counts
    assert bench.snippet_counts("Alpha Beta", {"with": ["alpha beta"], "without": []})["tp"] == 0
    r = bench.rates({"tp": 3, "fn": 1, "fp": 1, "tn": 5})
    assert r == {"precision": 0.75, "recall": 0.75, "f1": 0.75, "accuracy": 0.8}


def test_evaldata_is_read_as_a_literal_not_run(tmp_path):
    _layout(tmp_path, nested=False)
    cache, evaldata = bench.eval_layout(tmp_path)
    assert cache == tmp_path / "cache"
    table = bench.load_evaldata(evaldata)
    assert table["https://ledger.example/library"]["comments"] == ["not scored"]
    bad = tmp_path / "bad.py"
    bad.write_text("EVAL_PAGES = {'x': open('/etc/passwd').read()}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.py"):
        bench.load_evaldata(bad)


def test_cli_scores_both_readers_on_a_checkout_layout(tmp_path):
    pytest.importorskip("trafilatura")
    _layout(tmp_path, nested=True)
    out = subprocess.run([sys.executable, str(SCRIPT), "--trafilatura-eval", str(tmp_path), "--json"],
                         capture_output=True, text=True, env=os.environ.copy())
    assert out.returncode == 0, out.stderr
    assert "ledger.gone.html" in out.stderr
    rows = json.loads(out.stdout)
    for name in ("quotegraph", "trafilatura"):
        m = rows[name]
        # ferry: 2 found + 1 never on the page; the navigation and footer left out, one
        # unwanted snippet sits in the article itself. library: all found, none kept.
        assert (m["pages"], m["tp"], m["fn"], m["fp"], m["tn"]) == (2, 4, 1, 1, 4), name
        assert (m["precision"], m["recall"], m["f1"], m["accuracy"]) == (0.8, 0.8, 0.8, 0.8)
        assert m["pages_per_s"] > 0


def test_cli_table_and_misses_name_the_page_and_snippet(tmp_path):
    pytest.importorskip("trafilatura")
    _layout(tmp_path, nested=False)
    out = subprocess.run([sys.executable, str(SCRIPT), "--trafilatura-eval", str(tmp_path), "--misses"],
                         capture_output=True, text=True, check=True, env=os.environ.copy())
    lines = out.stdout.splitlines()
    assert lines[0].split()[:7] == ["reader", "pages", "TP", "FN", "FP", "TN", "P"]
    assert lines[1].split()[:6] == ["quotegraph", "2", "4", "1", "1", "4"]
    assert "ledger.ferry.html\tquotegraph\tmissed\ta sentence the page never had" in lines
    assert "ledger.ferry.html\ttrafilatura\tkept\ta single fishing boat" in lines


def test_cli_says_what_is_missing_in_a_wrong_directory(tmp_path):
    out = subprocess.run([sys.executable, str(SCRIPT), "--trafilatura-eval", str(tmp_path)],
                         capture_output=True, text=True, env=os.environ.copy())
    assert out.returncode == 2
    assert str(tmp_path) in out.stderr and "evaldata.py" in out.stderr
