"""JSONL/NDJSON and CSV/TSV corpora, read row by row: one Document or ReadFailure per row.

Rows are streamed (a corpus can be far larger than memory) and each row is judged on its own,
so a malformed line costs that line only. A row's ``source`` is ``path:LINE`` with the 1-based
line where the row starts, so a user can open the file at the bad row.
"""

from __future__ import annotations

import csv
import json
import logging
from collections.abc import Iterator, Mapping
from typing import Any, BinaryIO

from quotegraph.model import Document
from quotegraph.read.decode import LongLine, iter_decoded_lines
from quotegraph.read.failure import ReadFailure
from quotegraph.read.guard import check_row, too_big
from quotegraph.read.language import detect_language
from quotegraph.segment.dates import parse_date

log = logging.getLogger(__name__)

__all__ = ["FIELD_ALIASES", "TEXT_FALLBACKS", "iter_csv", "iter_jsonl", "row_to_document"]

# Row field names, in order of preference, for each Document field.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "published": ("published", "date", "publication_date"),
    "url": ("url", "link"),
    "outlet": ("outlet", "source", "publisher"),
    "author": ("author", "byline"),
    "language": ("language", "lang"),
}
# Fields that carry the text when the default ``text`` field is absent.
TEXT_FALLBACKS = ("body", "content")

# csv's default 128 KB field limit is smaller than a long article; the limit is
# process-wide, so it is only ever raised.
_CSV_FIELD_LIMIT = 2**31 - 1


def row_to_document(row: Mapping[str, Any], *, source: str,
                    text_field: str = "text") -> Document | ReadFailure:
    """A Document from one corpus row (a JSON object or CSV record), or why it cannot be one.

    The text comes from ``text_field``; with the default ``text``, also from ``body`` or
    ``content``. Title, date, URL and outlet come from their usual field names; a date that
    does not parse is dropped with a warning rather than failing the row.
    """
    names = (text_field, *TEXT_FALLBACKS) if text_field == "text" else (text_field,)
    name = next((n for n in names if row.get(n) is not None), None)
    if name is None:
        also = f" (nor {' or '.join(repr(n) for n in names[1:])})" if len(names) > 1 else ""
        return ReadFailure(source, f"no {text_field!r} field{also}")
    text = row[name]
    if not isinstance(text, str):
        return ReadFailure(source, f"field {name!r} is {type(text).__name__}, not text")
    if not text or text.isspace():
        return ReadFailure(source, f"field {name!r} is empty")
    fields = {key: _first_text(row, aliases, source) for key, aliases in FIELD_ALIASES.items()}
    raw_date = fields["published"]
    published = parse_date(raw_date) if raw_date else None
    if raw_date and published is None:
        log.warning("%s: cannot read date %r; leaving it empty", source, raw_date)
    return Document(
        text=text,
        source=source,
        title=fields["title"],
        published=published,
        outlet=fields["outlet"],
        url=fields["url"],
        author=fields["author"],
        language=fields["language"] or detect_language(text),
    )


def _first_text(row: Mapping[str, Any], aliases: tuple[str, ...], source: str) -> str | None:
    for key in aliases:
        value = row.get(key)
        if value is None:
            continue
        if isinstance(value, str):
            value = value.strip()
            if value:
                return value
        else:
            log.warning("%s: field %r is %s, not text; ignoring it", source, key, type(value).__name__)
    return None


def iter_jsonl(raw: BinaryIO, *, path: str, text_field: str = "text",
               max_bytes: int | None = None) -> Iterator[Document | ReadFailure]:
    """One Document or ReadFailure per non-blank line of a JSON Lines stream; a line over
    ``max_bytes`` is a failure without being parsed."""
    for line_no, line in enumerate(iter_decoded_lines(raw, source=path, max_bytes=max_bytes), 1):
        source = f"{path}:{line_no}"
        if isinstance(line, LongLine):
            yield ReadFailure(source, f"row {too_big(line.size, max_bytes)}")
            continue
        if not line or line.isspace():
            continue
        if max_bytes is not None and len(line) > max_bytes // 4:
            message = too_big(len(line.encode("utf-8", "surrogatepass")), max_bytes)
            if message:
                yield ReadFailure(source, f"row {message}")
                continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            yield ReadFailure(source, f"not valid JSON ({e.msg}: column {e.colno})")
            continue
        except RecursionError:
            yield ReadFailure(source, "not valid JSON (nested too deeply)")
            continue
        except ValueError as e:  # e.g. an integer longer than Python's 4300-digit limit
            yield ReadFailure(source, f"not readable JSON ({e})")
            continue
        if not isinstance(row, dict):
            yield ReadFailure(source, f"row is a JSON {_json_type(row)}, not an object")
            continue
        bad = check_row(row, source=source)
        if bad is not None:
            yield bad
            continue
        yield row_to_document(row, source=source, text_field=text_field)


def _json_type(value: Any) -> str:
    return {list: "array", str: "string", bool: "boolean", type(None): "null"}.get(type(value), "number")


def iter_csv(raw: BinaryIO, *, path: str, text_field: str = "text",
             delimiter: str = ",", max_bytes: int | None = None) -> Iterator[Document | ReadFailure]:
    """One Document or ReadFailure per record of a CSV/TSV stream with a header row.

    A header without the text column is one failure for the whole file (not one per row).
    A record's line is where it starts, so a quoted multi-line text points at its first line.
    A quote that is never closed would make the rest of the file one field; that record is
    a failure naming the line where the field opened and how many rows came before it, and
    nothing after it is read. A record over ``max_bytes`` is a failure.
    """
    if csv.field_size_limit() < _CSV_FIELD_LIMIT:
        csv.field_size_limit(_CSV_FIELD_LIMIT)
    lines = _Lines(iter_decoded_lines(raw, source=path))
    reader = csv.reader(lines, delimiter=delimiter)
    try:
        header = _next_record(reader)
        while header is not None and not any(h.strip() for h in header):
            header = _next_record(reader)  # leading blank lines
    except csv.Error as e:
        yield ReadFailure(f"{path}:{reader.line_num or 1}", f"cannot read the CSV header ({e})")
        return
    if header is None:
        yield ReadFailure(path, "empty file")
        return
    if lines.ended_inside:
        yield _unterminated(path, reader.line_num, header, rows=0)
        return
    header = [h.strip().lstrip("\ufeff") for h in header]
    names = (text_field, *TEXT_FALLBACKS) if text_field == "text" else (text_field,)
    if not any(n in header for n in names):
        wanted = " or ".join(repr(n) for n in names)
        yield ReadFailure(
            f"{path}:{reader.line_num}", f"no {wanted} column in the header (columns: {', '.join(header)})"
        )
        return
    rows = 0
    while True:
        start = reader.line_num + 1
        try:
            record = _next_record(reader)
        except csv.Error as e:
            yield ReadFailure(f"{path}:{start}", f"not a valid CSV record ({e})")
            if reader.line_num < start:
                return  # the reader made no progress; stop rather than loop
            continue
        if record is None:
            return
        if lines.ended_inside:
            yield _unterminated(path, reader.line_num, record, rows=rows)
            return
        if not record or (len(record) == 1 and not record[0].strip()):
            continue  # blank line
        rows += 1
        source = f"{path}:{start}"
        size = sum(len(field) for field in record)
        if max_bytes is not None and size > max_bytes // 4:
            message = too_big(sum(len(field.encode("utf-8", "surrogatepass")) for field in record), max_bytes)
            if message:
                yield ReadFailure(source, f"row {message}")
                continue
        if len(record) > len(header):
            log.warning("%s: %d fields but %d columns; extra fields ignored", source, len(record), len(header))
        row = dict(zip(header, record))
        yield row_to_document(row, source=source, text_field=text_field)


class _Lines:
    """The decoded lines for ``csv.reader``, noting when the reader asked past the last one
    while a record was still open: the csv module (not strict) then returns the open quoted
    field as it stands, which is the only sign that its quote never closed."""

    def __init__(self, lines: Iterator[str]) -> None:
        self._lines = lines
        self.ended_inside = False

    def __iter__(self) -> "_Lines":
        return self

    def __next__(self) -> str:
        try:
            return next(self._lines)
        except StopIteration:
            self.ended_inside = True  # meaningful only if the reader then returns a record
            raise


def _unterminated(path: str, last_line: int, record: list[str], *, rows: int) -> ReadFailure:
    # The open field holds every line from its opening quote on, the last one's ending too.
    spanned = record[-1].removesuffix("\n").count("\n") if record else 0
    opened = max(1, last_line - spanned)
    return ReadFailure(
        f"{path}:{opened}",
        f"a quoted field opened on line {opened} is never closed, so the rest of the file "
        f"(to line {last_line}) cannot be read as CSV; {rows} row(s) read before it",
    )


def _next_record(reader: Any) -> list[str] | None:
    try:
        return next(reader)
    except StopIteration:
        return None
