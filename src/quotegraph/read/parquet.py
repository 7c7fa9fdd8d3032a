"""Parquet corpora: one document per row, the same fields as a JSONL or CSV corpus.

Rows are read a batch at a time (``iter_batches``), so a file of millions of articles is
streamed. Date and timestamp columns become ISO strings before the row is read as a corpus
row; a row's text over the size limit, a row without text and a lone surrogate are failures
for that row only. A file that is not Parquet, or a row group that cannot be decoded, is one
failure naming the file (and the first row lost) and costs nothing already read.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any, BinaryIO

from quotegraph.read.corpus import row_to_document
from quotegraph.read.failure import ReadFailure
from quotegraph.read.guard import check_row, too_big

BATCH_ROWS = 1000


def iter_parquet(raw: BinaryIO, *, path: str, text_field: str = "text",
                 max_bytes: int | None = None) -> Iterator[Any]:
    """One Document or ReadFailure per row of the Parquet file open as ``raw``."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        yield ReadFailure(path, "reading Parquet needs pyarrow: pip install 'quotegraph[export]'")
        return
    try:
        batches = pq.ParquetFile(raw).iter_batches(batch_size=BATCH_ROWS)
    except Exception as e:  # noqa: BLE001 - pyarrow raises several types for a bad file
        yield ReadFailure(path, f"not a Parquet file ({_reason(e)})")
        return
    row_no = 0
    try:
        for batch in batches:
            for row in batch.to_pylist():
                row_no += 1
                yield _document(row, source=f"{path}:{row_no}", text_field=text_field,
                                max_bytes=max_bytes)
    except Exception as e:  # noqa: BLE001 - a damaged row group ends the file, not the batch
        yield ReadFailure(f"{path}:{row_no + 1}", f"cannot read the rest of the file "
                                                  f"({_reason(e)}); {row_no:,} rows read")


def _document(row: dict, *, source: str, text_field: str, max_bytes: int | None):
    row = {k: (v.isoformat() if isinstance(v, (datetime.date, datetime.datetime)) else v)
           for k, v in row.items()}
    text = row.get(text_field)
    if isinstance(text, str) and max_bytes is not None and len(text) > max_bytes // 4:
        message = too_big(len(text.encode("utf-8", "surrogatepass")), max_bytes)
        if message:
            return ReadFailure(source, f"row {message}")
    bad = check_row(row, source=source)
    if bad is not None:
        return bad
    return row_to_document(row, source=source, text_field=text_field)


def _reason(e: Exception) -> str:
    return str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
