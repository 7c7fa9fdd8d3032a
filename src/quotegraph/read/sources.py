"""From paths on the command line to Documents: files, directories, stdin, corpora, and (in
``quotegraph.read.web``) saved pages, feeds, WARC archives and URLs."""

from __future__ import annotations

import logging
import os
import stat
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import BinaryIO

from quotegraph.model import Document
from quotegraph.read.corpus import iter_csv, iter_jsonl
from quotegraph.read.parquet import iter_parquet
from quotegraph.read.decode import DecodeError, decode_bytes
from quotegraph.read.dedupe import Deduplicator
from quotegraph.read.failure import ReadFailure
from quotegraph.read.guard import DEFAULT_MAX_BYTES, check_document, too_big
from quotegraph.read.fetch import Fetcher, FetchOptions, default_cache_dir, is_url
from quotegraph.read.language import detect_language
from quotegraph.read.web import iter_url_list, read_url, read_web_file, web_file_kind

log = logging.getLogger(__name__)

__all__ = ["CORPUS_SUFFIXES", "DEFAULT_MAX_BYTES", "iter_documents"]

# Suffix -> (reader, CSV delimiter). Every other file is one plain-text document.
CORPUS_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": ",", ".tsv": "\t",
                   ".parquet": "parquet"}

STDIN = "-"

# Where a shell puts the pipe of ``<(cmd)``: a descriptor the caller already holds open with
# a writer at the other end, so reading it ends. A named FIFO elsewhere may have no writer,
# and merely opening it would then wait forever.
_INHERITED_FDS = ("/dev/fd/", "/proc/self/fd/")


def iter_documents(paths: Iterable[str], *, stdin: BinaryIO | None = None,
                   text_field: str = "text", url_lists: Sequence[str] = (),
                   fetcher: Fetcher | None = None,
                   max_bytes: int | None = DEFAULT_MAX_BYTES) -> Iterator[Document | ReadFailure]:
    """Every document in ``paths``, in input order, as a Document or a ReadFailure.

    A path is a plain-text file (any extension but the corpus ones), a directory (walked
    recursively in sorted order, hidden entries skipped), ``-`` for ``stdin`` (default
    ``sys.stdin.buffer``), or a ``.jsonl``/``.ndjson``/``.csv``/``.tsv``/``.parquet`` corpus (one document
    per row; ``text_field`` names the text column), an ``.html``/``.htm`` page, an
    ``.rss``/``.atom``/``.xml`` feed (one document per item), a ``.warc``/``.warc.gz`` archive
    (one per HTML response record) or an ``http(s)://`` URL (a page or a feed). ``url_lists``
    are files of URLs, one a line, read after ``paths``; URLs are fetched with ``fetcher``
    (default: the polite defaults, cached under ``default_cache_dir()``). The same web
    article met twice is passed on once. Never raises for a bad input: a missing,
    unreadable, binary or empty file, a malformed row or record, or a URL that fails is a
    ReadFailure and reading goes on. Corpora, archives and directories are streamed.

    Never blocks or sinks the batch either: a named pipe (FIFO), a device or a socket is a
    ReadFailure without being opened (``<(cmd)`` paths under /dev/fd are read); a file, row
    or record over ``max_bytes`` (UTF-8 bytes; None for no limit) is a ReadFailure; a text
    field holding a lone surrogate (possible through a JSON ``\\ud800`` escape) is a
    ReadFailure naming the field, since it cannot be written out or stored.
    """
    for item in _iter_unchecked(paths, stdin=stdin, text_field=text_field, url_lists=url_lists,
                                fetcher=fetcher, max_bytes=max_bytes):
        yield item if isinstance(item, ReadFailure) else check_document(item, max_bytes=max_bytes)


def _iter_unchecked(paths: Iterable[str], *, stdin: BinaryIO | None, text_field: str,
                    url_lists: Sequence[str], fetcher: Fetcher | None,
                    max_bytes: int | None) -> Iterator[Document | ReadFailure]:
    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = [paths]  # one path, not an iterable of its characters
    fetcher = fetcher or Fetcher(FetchOptions(cache_dir=default_cache_dir()))
    web = Deduplicator()
    for path in _with_url_lists(paths, url_lists):
        if isinstance(path, ReadFailure):
            yield path
            continue
        path = os.fsdecode(path)
        if is_url(path):
            yield from web.filter(read_url(path, fetcher))
            continue
        if path == STDIN:
            yield _read_stdin(stdin, max_bytes)
            continue
        try:
            st = os.stat(path)
        except OSError as e:
            yield ReadFailure(path, _os_reason(e))
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk(path, text_field=text_field, seen=set(), web=web, max_bytes=max_bytes)
        else:
            yield from _read_path(path, st, text_field=text_field, web=web, max_bytes=max_bytes,
                                  given=True)


def _with_url_lists(paths: Iterable[str], url_lists: Sequence[str]) -> Iterator[str | ReadFailure]:
    yield from paths
    for listing in url_lists:
        yield from iter_url_list(listing)


def _os_reason(e: OSError) -> str:
    return e.strerror or str(e)


def _read_stdin(stdin: BinaryIO | None, max_bytes: int | None) -> Document | ReadFailure:
    stream = stdin if stdin is not None else sys.stdin.buffer
    try:
        data = _read_bounded(stream, max_bytes)
    except OSError as e:
        return ReadFailure(STDIN, _os_reason(e))
    if (message := _over(data, max_bytes)) is not None:
        return ReadFailure(STDIN, message)
    if isinstance(data, str):  # a text stream was passed; it is already decoded
        if not data.strip():
            return ReadFailure(STDIN, "empty file")
        return Document(text=data, source=STDIN, language=detect_language(data))
    return _document(data, STDIN)


def _read_bounded(stream: BinaryIO, max_bytes: int | None):  # bytes, or str from a text stream
    """At most one byte more than ``max_bytes``: enough to know the input is too big without
    holding all of it."""
    return stream.read() if max_bytes is None else stream.read(max_bytes + 1)


def _over(data: bytes | str, max_bytes: int | None) -> str | None:
    if max_bytes is None or len(data) <= max_bytes:
        return None
    return f"skipped: more than the limit of {max_bytes:,} bytes (raise it with --max-bytes)"


def _not_regular(path: str, mode: int, *, given: bool) -> str | None:
    """Why ``path`` must not be opened, or None when it may be read."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        if given and path.startswith(_INHERITED_FDS):
            return None
        return "a named pipe (FIFO), not a regular file: skipped without opening it"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a regular file: skipped"
    if stat.S_ISSOCK(mode):
        return "a socket, not a regular file: skipped"
    return "not a regular file: skipped"


def _document(data: bytes, source: str) -> Document | ReadFailure:
    try:
        text = decode_bytes(data, source=source)
    except DecodeError as e:
        return ReadFailure(source, e.reason)
    return Document(text=text, source=source, language=detect_language(text))


def _read_path(path: str, st: os.stat_result, *, text_field: str, web: Deduplicator,
               max_bytes: int | None, given: bool = False) -> Iterator[Document | ReadFailure]:
    """One file's documents. ``given`` is True for a path named on the command line (only
    those may be a ``<(cmd)`` pipe)."""
    reason = _not_regular(path, st.st_mode, given=given)
    if reason is not None:
        yield ReadFailure(path, reason)
        return
    kind = CORPUS_SUFFIXES.get(os.path.splitext(path)[1].lower()) or web_file_kind(path)
    # Corpora and archives are limited per row or record, everything else as a whole file.
    if kind not in ("jsonl", ",", "\t", "warc", "parquet") and (
            message := too_big(st.st_size, max_bytes)):
        yield ReadFailure(path, message)
        return
    try:
        with open(path, "rb") as raw:
            if kind is None:
                data = _read_bounded(raw, max_bytes)
            elif kind in ("html", "feed", "warc"):
                yield from web.filter(read_web_file(raw, path=path, kind=kind, plain=_document))
                return
            elif kind == "jsonl":
                yield from iter_jsonl(raw, path=path, text_field=text_field, max_bytes=max_bytes)
                return
            elif kind == "parquet":
                yield from iter_parquet(raw, path=path, text_field=text_field, max_bytes=max_bytes)
                return
            else:
                yield from iter_csv(raw, path=path, text_field=text_field, delimiter=kind,
                                    max_bytes=max_bytes)
                return
    except OSError as e:
        yield ReadFailure(path, _os_reason(e))
        return
    if (message := _over(data, max_bytes)) is not None:
        yield ReadFailure(path, message)
        return
    yield _document(data, path)


def _walk(directory: str, *, text_field: str, seen: set[tuple[int, int]],
          web: Deduplicator, max_bytes: int | None) -> Iterator[Document | ReadFailure]:
    """Depth-first, by name, skipping dot-files and dot-directories; a directory reached
    again through a symlink is read once."""
    try:
        st = os.stat(directory)
        key = (st.st_dev, st.st_ino)
        if key in seen:
            log.warning("%s: already read (symlink loop?); skipping", directory)
            return
        seen.add(key)
        with os.scandir(directory) as it:
            entries = sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError as e:
        yield ReadFailure(directory, _os_reason(e))
        return
    for entry in entries:
        try:
            is_dir = entry.is_dir()
            st = None if is_dir else os.stat(entry.path)
        except OSError as e:
            yield ReadFailure(entry.path, _os_reason(e))
            continue
        if is_dir:
            yield from _walk(entry.path, text_field=text_field, seen=seen, web=web, max_bytes=max_bytes)
        else:
            yield from _read_path(entry.path, st, text_field=text_field, web=web,  # type: ignore[arg-type]
                                  max_bytes=max_bytes)
