"""Main-text accuracy of quotegraph's HTML reader against benchmarks/html_gold/.

Scores the text each reader returns against the gold paragraphs as bag-of-words token
precision/recall/F1 (the measure trafilatura's own evaluation uses), micro-averaged over
pages, plus the share of pages whose title and date match the gold. Two rows: quotegraph's
``read_html`` (what ``quotegraph extract page.html`` runs) and ``trafilatura.extract`` with
defaults. ``--json`` prints the figures only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

GOLD = Path(__file__).resolve().parent / "html_gold"
_TOKEN = re.compile(r"\w+", re.UNICODE)


def tokens(text: str | None) -> Counter:
    return Counter(t.casefold() for t in _TOKEN.findall(text or ""))


def _fold(s):
    return " ".join((s or "").split()).casefold()


def _quotegraph(html: str):
    from quotegraph.read.html import read_html
    doc = read_html(html, source="page.html")
    if not hasattr(doc, "text"):
        return "", None, None
    return doc.text, doc.title, doc.published


def _trafilatura(html: str):
    import trafilatura
    text = trafilatura.extract(html) or ""
    meta = trafilatura.extract_metadata(html)
    return text, getattr(meta, "title", None), getattr(meta, "date", None)


def score(reader) -> dict:
    tp = fp = fn = 0
    title_ok = date_ok = 0
    pages = sorted(GOLD.glob("*.html"))
    start = time.perf_counter()
    for page in pages:
        gold = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
        text, title, date = reader(page.read_text(encoding="utf-8"))
        got, want = tokens(text), tokens(gold["text"])
        common = sum((got & want).values())
        tp += common
        fp += sum(got.values()) - common
        fn += sum(want.values()) - common
        title_ok += _fold(title) == _fold(gold["title"])
        date_ok += (date or "")[:10] == gold["date"]
    secs = time.perf_counter() - start
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    n = len(pages)
    return {"pages": n, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "title": round(title_ok / n, 4), "date": round(date_ok / n, 4),
            "pages_per_s": round(n / secs, 1)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    rows = {"quotegraph": score(_quotegraph), "trafilatura": score(_trafilatura)}
    if args.json:
        print(json.dumps(rows, indent=1))
        return 0
    print(f"{'reader':<12} {'pages':>5} {'P':>6} {'R':>6} {'F1':>6} {'title':>6} {'date':>6} {'pages/s':>8}")
    for name, m in rows.items():
        print(f"{name:<12} {m['pages']:>5} {m['precision']:>6.3f} {m['recall']:>6.3f} {m['f1']:>6.3f} "
              f"{m['title']:>6.3f} {m['date']:>6.3f} {m['pages_per_s']:>8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
