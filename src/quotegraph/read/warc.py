"""WARC archives (``.warc``, ``.warc.gz``): one Document per HTML response record, streamed.

Crawls such as Common Crawl's news WARCs run to gigabytes, so records are read one at a
time with warcio and each payload is dropped before the next is read: memory stays flat
however long the archive. Only ``response`` records whose HTTP status is 200 and whose
Content-Type is HTML become articles; requests, metadata, images and scripts are skipped.

A record's ``source`` is ``archive.warc.gz@OFFSET`` (the byte offset of the record, which
``warcio extract`` takes to show it) and its ``url`` is the record's WARC-Target-URI.
A record that cannot be read costs that record; an archive that ends mid-record (a
truncated download) is reported once, after every complete record before it.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from quotegraph.errors import MissingExtraError
from quotegraph.model import Document
from quotegraph.read.extras import require
from quotegraph.read.failure import ReadFailure
from quotegraph.read.html import read_html

log = logging.getLogger(__name__)

__all__ = ["HTML_TYPES", "MAX_RECORD_BYTES", "WARC_SUFFIXES", "iter_warc", "is_warc_path"]

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")
# A news page is well under this; a bigger "HTML" payload is a data dump, not an article.
MAX_RECORD_BYTES = 10 * 1024 * 1024
_CHUNK = 1 << 16


def is_warc_path(path: str) -> bool:
    return path.lower().endswith(WARC_SUFFIXES)


def iter_warc(raw: BinaryIO, *, path: str) -> Iterator[Document | ReadFailure]:
    """One Document or ReadFailure per HTML response record of the archive in ``raw``."""
    try:
        archive = require("warcio.archiveiterator", purpose="reading WARC archives")
    except MissingExtraError as e:
        yield ReadFailure(path, str(e))
        return
    records = archive.ArchiveIterator(raw, check_digests=False)
    seen = 0
    html = 0
    while True:
        try:
            record = next(records)
        except StopIteration:
            break
        except (zlib.error, EOFError, OSError) as e:
            yield ReadFailure(path, f"archive unreadable after {seen} record(s) ({e}); "
                                    "the records before it were read")
            return
        except Exception as e:  # noqa: BLE001 - warcio's ArchiveLoadFailed and parse errors
            yield ReadFailure(path, f"not a readable WARC record after {seen} record(s) "
                                    f"({type(e).__name__}: {_short(e)})")
            return
        seen += 1
        try:
            item = _record(record, records, path=path)
        except (zlib.error, EOFError, OSError) as e:
            yield ReadFailure(path, f"archive unreadable in record {seen} ({e}); "
                                    "the records before it were read")
            return
        if isinstance(item, _Truncated):
            yield ReadFailure(f"{path}@{item.offset}", "the archive ends in the middle of this "
                              "record (truncated file?); the records before it were read")
            return
        if item is not None:
            html += 1
            yield item
    log.info("%s: %d record(s), %d HTML response(s)", path, seen, html)


class _Truncated:
    def __init__(self, offset: int) -> None:
        self.offset = offset


def _record(record: Any, records: Any, *, path: str) -> Document | ReadFailure | _Truncated | None:
    """The record as a Document, a failure, a truncation mark, or ``None`` to skip it.

    The payload is always read to its end: warcio reports a short record only through the
    bytes left unread, and its offset is known only once the record is consumed.
    """
    wanted = record.rec_type == "response" and _is_html_ok(record)
    body = bytearray()
    too_big = False
    stream = record.content_stream() if wanted else record.raw_stream
    while chunk := stream.read(_CHUNK):
        if wanted and not too_big:
            body += chunk
            if len(body) > MAX_RECORD_BYTES:
                too_big = True
                body.clear()
    offset = records.get_record_offset()
    if getattr(record.raw_stream, "limit", 0) > 0:
        return _Truncated(offset)
    if not wanted:
        return None
    source = f"{path}@{offset}"
    if too_big:
        return ReadFailure(source, f"HTML payload larger than {MAX_RECORD_BYTES // 2**20} MB; skipped")
    url = record.rec_headers.get_header("WARC-Target-URI")
    return read_html(bytes(body), source=source, url=url)


def _is_html_ok(record: Any) -> bool:
    http = record.http_headers
    if http is None:
        return False
    status = (http.get_statuscode() or "").strip()
    kind = (http.get_header("Content-Type") or "").split(";", 1)[0].strip().lower()
    return status == "200" and kind in HTML_TYPES


def _short(e: Exception) -> str:
    text = " ".join(str(e).split())
    return text if len(text) <= 160 else text[:157] + "..."
