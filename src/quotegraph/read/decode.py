"""Bytes to text the way news files really arrive: UTF-8 (BOM or not), UTF-16/32 with a BOM,
or an old 8-bit encoding; and a refusal for what is not text at all.

The decoded text is never normalised (no newline or Unicode folding): every offset quotegraph
stores points into exactly this string. A UTF-8 BOM is dropped because it is not part of the
text a reader sees, and leaving it would shift every offset by one.
"""

from __future__ import annotations

import codecs
import io
import logging
from collections.abc import Iterator
from typing import BinaryIO

from quotegraph.errors import ReadError

log = logging.getLogger(__name__)

__all__ = ["LEGACY_ENCODINGS", "DecodeError", "LongLine", "decode_bytes", "iter_decoded_lines", "looks_binary"]

LEGACY_ENCODINGS = ("cp1252", "latin-1")  # latin-1 decodes any byte, so the chain always ends

SNIFF_BYTES = 8192
# Share of control bytes in the first 8 KB above which a file is not text.
_CONTROL_SHARE = 0.10
# Bytes that occur in real text files: tab, newlines, form feed, and everything printable.
_TEXT_BYTES = bytes([7, 8, 9, 10, 11, 12, 13, 27]) + bytes(range(0x20, 0x100))

# Longest first, so that a UTF-32 LE BOM (FF FE 00 00) is not taken for UTF-16 LE.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class DecodeError(ReadError):
    """Bytes that are not a readable text; ``reason`` says why without the file name."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


def sniff_bom(data: bytes) -> tuple[str | None, int]:
    """``(encoding, bom_length)`` for a byte-order mark at the start of ``data``."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None, 0


def looks_binary(sample: bytes) -> bool:
    """True when ``sample`` (the first bytes of a file with no UTF-16/32 BOM) is not text:
    it holds a NUL byte, or more than a tenth of it is control bytes."""
    if b"\x00" in sample:
        return True
    if not sample:
        return False
    control = len(sample.translate(None, _TEXT_BYTES))
    return control > _CONTROL_SHARE * len(sample)


def decode_bytes(data: bytes, *, source: str) -> str:
    """The text of a whole file's bytes; raises ``DecodeError`` when it is binary or empty.

    UTF-8 with or without BOM, UTF-16/32 with BOM (stray bytes replaced by U+FFFD, with a
    warning); anything else is decoded as cp1252 (then latin-1) with a warning naming
    ``source``, because a wrong-looking character beats losing the article.
    """
    encoding, skip = sniff_bom(data)
    if encoding is None and looks_binary(data[:SNIFF_BYTES]):
        raise DecodeError(source, "looks like a binary file")
    if encoding is not None and encoding != "utf-8":
        try:
            text = data[skip:].decode(encoding)
        except UnicodeDecodeError as e:
            log.warning("%s: not valid %s (%s at byte %d); such bytes replaced by U+FFFD",
                        source, encoding, e.reason, e.start + skip)
            text = data[skip:].decode(encoding, errors="replace")
    else:
        text = _decode_8bit(data[skip:], source=source)
    if not text or text.isspace():
        raise DecodeError(source, "empty file")
    return text


def _decode_8bit(data: bytes, *, source: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        first_error = e
    for encoding in LEGACY_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        log.warning(
            "%s: not valid UTF-8 (%s at byte %d); decoded as %s",
            source, first_error.reason, first_error.start, encoding,
        )
        return text
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


class LongLine(str):
    """Stands in (as an empty string) for a line longer than the limit given to
    ``iter_decoded_lines``, which was skipped unread; ``size`` is its length in bytes."""

    size: int

    def __new__(cls, size: int) -> "LongLine":
        line = super().__new__(cls, "")
        line.size = size
        return line


_CHUNK = 1 << 20


def _bounded_lines(stream: io.BufferedReader, max_bytes: int | None) -> Iterator[bytes | LongLine]:
    """The byte lines of ``stream``; one over ``max_bytes`` is skipped in 1 MB steps and given
    as a LongLine, so a huge single-line file never has to fit in memory."""
    if max_bytes is None:
        yield from stream
        return
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        if len(line) <= max_bytes or line.endswith(b"\n"):
            yield line
            continue
        size = len(line)
        while not line.endswith(b"\n"):
            line = stream.readline(_CHUNK)
            if not line:
                break
            size += len(line)
        yield LongLine(size)


def iter_decoded_lines(raw: BinaryIO, *, source: str, max_bytes: int | None = None) -> Iterator[str]:
    """The lines of a corpus file, decoded one by one, each with its line ending.

    UTF-8 lines that fail to decode fall back to cp1252/latin-1 on their own, with a warning,
    so one mis-encoded row does not cost the rest of the file. Files with a UTF-16/32 BOM are
    decoded as a stream (their newlines are not single bytes), with undecodable units replaced
    by U+FFFD and a warning: the stream decodes in blocks, so failing there would lose good
    rows too. Only line feeds (and, in UTF-16/32, carriage returns) end a line, so a U+2028
    inside a JSON string stays inside its row. A UTF-8/8-bit line over ``max_bytes`` bytes
    is not read into memory but yielded as a ``LongLine``.
    """
    head = raw.read(4)
    encoding, skip = sniff_bom(head)
    rest = io.BufferedReader(_Prefixed(head[skip:], raw))
    if encoding is not None and encoding != "utf-8":
        warned = False
        for line_no, line in enumerate(io.TextIOWrapper(rest, encoding=encoding, errors="replace", newline=""), 1):
            if not warned and "\ufffd" in line:
                log.warning("%s:%d: bytes that are not %s, replaced by U+FFFD", source, line_no, encoding)
                warned = True
            yield line
        return
    warned = False
    for line_no, line in enumerate(_bounded_lines(rest, max_bytes), 1):
        if isinstance(line, LongLine):
            yield line
            continue
        try:
            yield line.decode("utf-8")
        except UnicodeDecodeError as e:
            if not warned:
                log.warning(
                    "%s:%d: not valid UTF-8 (%s); decoding such lines as cp1252",
                    source, line_no, e.reason,
                )
                warned = True
            yield _decode_legacy_quiet(line)


def _decode_legacy_quiet(line: bytes) -> str:
    try:
        return line.decode("cp1252")
    except UnicodeDecodeError:
        return line.decode("latin-1")


class _Prefixed(io.RawIOBase):
    """A readable stream of ``prefix`` followed by the rest of ``raw`` (the bytes sniffed
    for a BOM are given back without seeking, so pipes work too)."""

    def __init__(self, prefix: bytes, raw: BinaryIO) -> None:
        self._prefix = prefix
        self._raw = raw

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        if self._prefix:
            n = min(len(buffer), len(self._prefix))
            buffer[:n] = self._prefix[:n]
            self._prefix = self._prefix[n:]
            return n
        data = self._raw.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)
