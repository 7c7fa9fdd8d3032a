"""The HTML reader's main-text accuracy on benchmarks/html_gold must not drop silently."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("trafilatura")

ROOT = Path(__file__).resolve().parent.parent


def test_html_reader_stays_above_floors():
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks/html_text.py"), "--json"],
                         capture_output=True, text=True, check=True, env=os.environ.copy())
    got = json.loads(out.stdout)["quotegraph"]
    floors = json.loads((ROOT / "tests/html_text_floors.json").read_text())
    assert got["pages"] >= 60
    for key in ("precision", "recall", "f1", "title", "date"):
        assert got[key] >= floors[key], f"{key} {got[key]} fell below the floor {floors[key]}"


def test_gold_pages_come_from_real_excerpts():
    gold = sorted((ROOT / "benchmarks/html_gold").glob("*.json"))
    layouts = {json.loads(p.read_text())["layout"] for p in gold}
    assert len(gold) >= 60 and len(layouts) >= 8
    for p in gold:
        g = json.loads(p.read_text())
        src = next((ROOT / "tests/gold").glob(f"*/{g['source']}.txt"))
        excerpt = " ".join(src.read_text(encoding="utf-8").split())
        assert " ".join(g["text"].split()[:12]) in excerpt, p.name


def test_read_also_and_paywall_lines_are_dropped_but_reporting_stays():
    from quotegraph.read.html import read_html
    body = ("<p>The minister said on Tuesday that the talks in the capital had been useful and "
            "would continue next month.</p><p>Read also: Parliament passes the budget</p>"
            "<p>Related reporting: the envoy said the meeting was frank.</p>"
            "<p>Officials added that a joint statement would follow after the second round.</p>"
            "<h4>Subscribe to keep reading</h4>")
    doc = read_html(f"<html><body><article><h1>Talks</h1>{body}</article></body></html>",
                    source="t.html")
    assert "Read also" not in doc.text and "Subscribe" not in doc.text
    assert "Related reporting: the envoy said" in doc.text
    assert "joint statement" in doc.text
