#!/usr/bin/env python3
"""Whether ingesting a WARC archive keeps memory flat: records/s and peak RSS at two sizes.

    python benchmarks/warc.py                    # 1,000 and 5,000 records
    python benchmarks/warc.py --sizes 500,2000   # other sizes
    python benchmarks/warc.py --json             # machine-readable

Each archive is a gzipped WARC written for the run: HTML pages built from real news text
(PolNeAR train from ``../shared/polnear`` or ``$QUOTEGRAPH_SHARED/polnear``, else the bundled samples), each page wrapped in
navigation, a share block and a footer so the extractor has boilerplate to drop, with every
tenth record an image and every twentieth a 404 response, the way a crawl mixes them. Each
size runs ``quotegraph extract ARCHIVE --format jsonl`` (reading and extraction) and then
``quotegraph ingest ARCHIVE --db TMP.db`` (the same plus the store), each in a fresh child; peak
RSS is the largest resident size of that child or any of its workers (``RUSAGE_CHILDREN`` of a
wrapper process). If the reader streams, the extract peak at 5,000 records is close to the peak
at 1,000. The ingest peak also holds the pages of the SQLite file it writes (the store maps up
to 2 GB of it and caches up to 512 MB), so it grows with the store, not with the archive.
"""

from __future__ import annotations

import argparse
import html
import io
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from shared_paths import polnear_dir

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = polnear_dir() / "data" / "train" / "text"
SAMPLES = ROOT / "src" / "quotegraph" / "samples"

# Run in a child: start the ingest as a grandchild, wait, report the peak RSS of the tree.
_WRAPPER = """
import json, resource, subprocess, sys, time
t = time.perf_counter()
rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE).returncode
dt = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"rc": rc, "seconds": dt, "peak_kb": peak}))
"""


def texts() -> list[str]:
    src = sorted(POLNEAR.glob("*.txt")) if POLNEAR.is_dir() else sorted(SAMPLES.glob("*.txt"))
    out = [p.read_text(encoding="utf-8") for p in src]
    if not out:
        sys.exit("warc benchmark: no texts found (neither ../shared/polnear nor the samples)")
    return out


def page(text: str, n: int, copy: int) -> bytes:
    # A text used again is tagged in every paragraph: the reader rightly stores the same story
    # once, and the benchmark wants every page to be an article.
    tag = f" [{copy}]" if copy else ""
    paras = "".join(f"<p>{html.escape(p)}{tag}</p>" for p in text.split("\n") if p.strip())
    body = (f"<html><head><title>Report {n}</title>"
            f'<meta name="date" content="2024-{n % 12 + 1:02d}-{n % 27 + 1:02d}"></head><body>'
            "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/sport'>Sport</a></nav>"
            f"<article><h1>Report {n}</h1>{paras}</article>"
            "<div class='share'>Share this story on social media</div>"
            "<footer>All rights reserved. Contact the newsroom.</footer></body></html>")
    return body.encode("utf-8")


def write_archive(path: Path, n: int, corpus: list[str]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=True)
        for i in range(n):
            url = f"https://news{i % 7}.example/story/{i}"
            if i % 10 == 9:
                status, ctype, body = "200 OK", "image/jpeg", b"\xff\xd8" + os.urandom(2000)
            elif i % 20 == 4:
                status, ctype, body = "404 Not Found", "text/html", b"<html>Not found</html>"
            else:
                text = corpus[i % len(corpus)]
                status, ctype, body = "200 OK", "text/html; charset=utf-8", page(text, i, i // len(corpus))
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                http_headers=headers))


def measure(cmd: list[str]) -> dict:
    out = subprocess.run([sys.executable, "-c", _WRAPPER, *cmd], capture_output=True, text=True,
                         check=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    return json.loads(out.stdout)


def run(n: int, corpus: list[str], tmp: Path) -> dict:
    archive = tmp / f"crawl-{n}.warc.gz"
    write_archive(archive, n, corpus)
    qg = [sys.executable, "-m", "quotegraph"]
    ex = measure([*qg, "extract", str(archive), "--format", "jsonl"])
    db = tmp / f"store-{n}.db"
    ing = measure([*qg, "ingest", str(archive), "--db", str(db)])
    with sqlite3.connect(db) as con:
        articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        statements = con.execute("SELECT count(*) FROM statements").fetchone()[0]
    return {"records": n, "archive_mb": archive.stat().st_size / 1e6, "articles": articles,
            "statements": statements, "db_mb": db.stat().st_size / 1e6,
            "extract_seconds": ex["seconds"], "extract_records_per_s": n / ex["seconds"],
            "extract_peak_rss_mb": ex["peak_kb"] / 1024,
            "ingest_seconds": ing["seconds"], "ingest_records_per_s": n / ing["seconds"],
            "ingest_peak_rss_mb": ing["peak_kb"] / 1024, "rc": max(ex["rc"], ing["rc"])}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,5000", help="records per archive, comma-separated")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args()
    corpus = texts()
    rows = []
    with tempfile.TemporaryDirectory(prefix="qg-warc-") as d:
        for n in (int(s) for s in args.sizes.split(",")):
            rows.append(run(n, corpus, Path(d)))
    if args.json:
        print(json.dumps(rows))
        return
    for r in rows:
        if r["rc"] not in (0, 1):
            sys.exit(f"warc benchmark: a run over {r['records']} records exited {r['rc']}")
    print(f"{'records':>8} {'MB':>5} {'articles':>8} {'statements':>10} | {'extract rec/s':>13} "
          f"{'peak MB':>7} | {'ingest rec/s':>12} {'peak MB':>7} {'store MB':>8}")
    for r in rows:
        print(f"{r['records']:>8,} {r['archive_mb']:>5.1f} {r['articles']:>8,} {r['statements']:>10,} | "
              f"{r['extract_records_per_s']:>13.0f} {r['extract_peak_rss_mb']:>7.0f} | "
              f"{r['ingest_records_per_s']:>12.0f} {r['ingest_peak_rss_mb']:>7.0f} {r['db_mb']:>8.0f}")
    a, b = rows[0], rows[-1]
    print(f"extract peak RSS ratio {b['extract_peak_rss_mb'] / a['extract_peak_rss_mb']:.2f} "
          f"({b['records']:,} vs {a['records']:,} records; flat is close to 1); ingest grows by "
          f"{b['ingest_peak_rss_mb'] - a['ingest_peak_rss_mb']:.0f} MB for a store "
          f"{b['db_mb'] - a['db_mb']:.0f} MB bigger (SQLite maps the file it writes)")

if __name__ == "__main__":
    main()
