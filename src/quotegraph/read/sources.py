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
from quotegraph.read.decode import DecodeError, decode_bytes
from quotegraph.read.dedupe import Deduplicator
from quotegraph.read.failure import ReadFailure
from quotegraph.read.fetch import Fetcher, FetchOptions, default_cache_dir, is_url
from quotegraph.read.language import detect_language
from quotegraph.read.web import iter_url_list, read_url, read_web_file, web_file_kind

log = logging.getLogger(__name__)

__all__ = ["CORPUS_SUFFIXES", "iter_documents"]

# Suffix -> (reader, CSV delimiter). Every other file is one plain-text document.
CORPUS_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": ",", ".tsv": "\t"}

STDIN = "-"


def iter_documents(paths: Iterable[str], *, stdin: BinaryIO | None = None,
                   text_field: str = "text", url_lists: Sequence[str] = (),
                   fetcher: Fetcher | None = None) -> Iterator[Document | ReadFailure]:
    """Every document in ``paths``, in input order, as a Document or a ReadFailure.

    A path is a plain-text file (any extension but the corpus ones), a directory (walked
    recursively in sorted order, hidden entries skipped), ``-`` for ``stdin`` (default
    ``sys.stdin.buffer``), or a ``.jsonl``/``.ndjson``/``.csv``/``.tsv`` corpus (one document
    per row; ``text_field`` names the text column), an ``.html``/``.htm`` page, an
    ``.rss``/``.atom``/``.xml`` feed (one document per item), a ``.warc``/``.warc.gz`` archive
    (one per HTML response record) or an ``http(s)://`` URL (a page or a feed). ``url_lists``
    are files of URLs, one a line, read after ``paths``; URLs are fetched with ``fetcher``
    (default: the polite defaults, cached under ``default_cache_dir()``). The same web
    article met twice is passed on once. Never raises for a bad input: a missing,
    unreadable, binary or empty file, a malformed row or record, or a URL that fails is a
    ReadFailure and reading goes on. Corpora, archives and directories are streamed.
    """
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
            yield _read_stdin(stdin)
            continue
        try:
            st = os.stat(path)
        except OSError as e:
            yield ReadFailure(path, _os_reason(e))
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk(path, text_field=text_field, seen=set(), web=web)
        else:
            yield from _read_path(path, st, text_field=text_field, web=web)


def _with_url_lists(paths: Iterable[str], url_lists: Sequence[str]) -> Iterator[str | ReadFailure]:
    yield from paths
    for listing in url_lists:
        yield from iter_url_list(listing)


def _os_reason(e: OSError) -> str:
    return e.strerror or str(e)


def _read_stdin(stdin: BinaryIO | None) -> Document | ReadFailure:
    stream = stdin if stdin is not None else sys.stdin.buffer
    try:
        data = stream.read()
    except OSError as e:
        return ReadFailure(STDIN, _os_reason(e))
    if isinstance(data, str):  # a text stream was passed; it is already decoded
        if not data.strip():
            return ReadFailure(STDIN, "empty file")
        return Document(text=data, source=STDIN, language=detect_language(data))
    return _document(data, STDIN)


def _document(data: bytes, source: str) -> Document | ReadFailure:
    try:
        text = decode_bytes(data, source=source)
    except DecodeError as e:
        return ReadFailure(source, e.reason)
    return Document(text=text, source=source, language=detect_language(text))


def _read_path(path: str, st: os.stat_result, *, text_field: str,
               web: Deduplicator) -> Iterator[Document | ReadFailure]:
    # A device such as /dev/zero would never end; pipes (``<(cmd)``) are fine.
    if not (stat.S_ISREG(st.st_mode) or stat.S_ISFIFO(st.st_mode)):
        yield ReadFailure(path, "not a regular file")
        return
    kind = CORPUS_SUFFIXES.get(os.path.splitext(path)[1].lower()) or web_file_kind(path)
    try:
        with open(path, "rb") as raw:
            if kind is None:
                data = raw.read()
            elif kind in ("html", "feed", "warc"):
                yield from web.filter(read_web_file(raw, path=path, kind=kind, plain=_document))
                return
            elif kind == "jsonl":
                yield from iter_jsonl(raw, path=path, text_field=text_field)
                return
            else:
                yield from iter_csv(raw, path=path, text_field=text_field, delimiter=kind)
                return
    except OSError as e:
        yield ReadFailure(path, _os_reason(e))
        return
    yield _document(data, path)


def _walk(directory: str, *, text_field: str, seen: set[tuple[int, int]],
          web: Deduplicator) -> Iterator[Document | ReadFailure]:
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
            yield from _walk(entry.path, text_field=text_field, seen=seen, web=web)
        else:
            yield from _read_path(entry.path, st, text_field=text_field, web=web)  # type: ignore[arg-type]
