"""Saved web inputs through the CLI: pages, feeds, bad pages; each bad input one error."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

WEB = Path(__file__).resolve().parent / "fixtures" / "web"
# The two pages the README extracts are the pages read here, so its output stays tested.
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
PAGES = [EXAMPLES / "harbour.html", EXAMPLES / "peche.html"]


def test_extract_reads_pages_and_feeds_and_names_each_bad_input():
    r = subprocess.run([sys.executable, "-m", "quotegraph", "extract", *sorted(map(str, WEB.iterdir())),
                        *map(str, PAGES)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 1
    assert "Anna Lindqvist" in r.stdout and "Jonas Vik" in r.stdout
    assert "Reader99" not in r.stdout and "Copyright" not in r.stdout
    assert "notxml.rss: not an RSS or Atom feed" in r.stderr
    assert "feed.rss#3: item has no content and no link" in r.stderr
    assert "1 document(s) not in English" in r.stderr


def test_a_bug_while_reading_one_feed_item_costs_that_item_only():
    from quotegraph.read.failure import ReadFailure
    from quotegraph.read.feed import iter_feed

    def follow(link, hints):
        if link.endswith("/bad"):
            raise RuntimeError("reader bug")
        return ReadFailure(link, "HTTP 404 Not Found")

    items = "".join(f"<item><title>{n}</title><link>https://example.org/{n}</link></item>"
                    for n in ("bad", "gone"))
    data = f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}</channel></rss>'
    out = list(iter_feed(data.encode(), source="feed.xml", follow=follow))
    assert [(o.source, o.message) for o in out] == [
        ("feed.xml#1", "cannot read the item (RuntimeError: reader bug)"),
        ("https://example.org/gone", "HTTP 404 Not Found")]
