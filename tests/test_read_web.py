"""Saved web inputs through the CLI: pages, feeds, bad pages; each bad input one error."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

WEB = Path(__file__).resolve().parent / "fixtures" / "web"


def test_extract_reads_pages_and_feeds_and_names_each_bad_input():
    r = subprocess.run([sys.executable, "-m", "quotegraph", "extract", *sorted(map(str, WEB.iterdir()))],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 1
    assert "Anna Lindqvist" in r.stdout and "Jonas Vik" in r.stdout
    assert "Reader99" not in r.stdout and "Copyright" not in r.stdout
    assert "notxml.rss: not an RSS or Atom feed" in r.stderr
    assert "feed.rss#3: item has no content and no link" in r.stderr
    assert "1 document(s) not in English" in r.stderr
