"""WARC archives: HTML responses only, one article per record, a truncated archive named."""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from quotegraph.model import Document
from quotegraph.read import ReadFailure, iter_documents

PAGE = (Path(__file__).resolve().parents[1] / "examples" / "harbour.html").read_bytes()


def write_warc(path, records):
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=True)
        for url, ctype, body in records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                http_headers=headers))


def test_only_html_responses_become_documents(tmp_path):
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc, [("https://a.example/p", "text/html", PAGE),
                      ("https://a.example/i.png", "image/png", b"\x89PNG" + bytes(500)),
                      ("https://a.example/x", "text/html", b"<html><body><script>var a = 1;</script></body></html>")])
    items = list(iter_documents([str(warc)]))
    docs = [i for i in items if isinstance(i, Document)]
    fails = [i for i in items if isinstance(i, ReadFailure)]
    assert [d.url for d in docs] == ["https://a.example/p"]
    assert len(fails) == 1 and "no main text" in fails[0].message and "crawl.warc.gz@" in fails[0].source


def test_truncated_gzip_archive_keeps_records_before(tmp_path):
    warc = tmp_path / "cut.warc.gz"
    write_warc(warc, [("https://a.example/p", "text/html", PAGE),
                      ("https://b.example/q", "text/html", PAGE.replace(b"Harbour", b"Dock"))])
    data = warc.read_bytes()
    warc.write_bytes(data[: len(data) - 200])
    items = list(iter_documents([str(warc)]))
    assert isinstance(items[0], Document)
    assert isinstance(items[-1], ReadFailure) and "cut.warc.gz" in items[-1].source
