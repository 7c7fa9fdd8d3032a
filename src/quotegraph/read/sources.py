"""From paths on the command line to Documents: files, directories, stdin and corpora."""

from __future__ import annotations

import logging
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from quotegraph.model import Document
from quotegraph.read.corpus import iter_csv, iter_jsonl
from quotegraph.read.decode import DecodeError, decode_bytes
from quotegraph.read.failure import ReadFailure

log = logging.getLogger(__name__)

__all__ = ["CORPUS_SUFFIXES", "iter_documents"]

# Suffix -> (reader, CSV delimiter). Every other file is one plain-text document.
CORPUS_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": ",", ".tsv": "\t"}

STDIN = "-"


def iter_documents(paths: Iterable[str], *, stdin: BinaryIO | None = None,
                   text_field: str = "text") -> Iterator[Document | ReadFailure]:
    """Every document in ``paths``, in input order, as a Document or a ReadFailure.

    A path is a plain-text file (any extension but the corpus ones), a directory (walked
    recursively in sorted order, hidden entries skipped), ``-`` for ``stdin`` (default
    ``sys.stdin.buffer``), or a ``.jsonl``/``.ndjson``/``.csv``/``.tsv`` corpus (one document
    per row; ``text_field`` names the text column). Never raises for a bad input: a missing,
    unreadable, binary or empty file, or a malformed row, is a ReadFailure and reading goes
    on. Corpora and directories are streamed, never held whole in memory.
    """
    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = [paths]  # one path, not an iterable of its characters
    for path in paths:
        path = os.fsdecode(path)
        if path == STDIN:
            yield _read_stdin(stdin)
            continue
        try:
            st = os.stat(path)
        except OSError as e:
            yield ReadFailure(path, _os_reason(e))
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk(path, text_field=text_field, seen=set())
        else:
            yield from _read_path(path, st, text_field=text_field)


def _os_reason(e: OSError) -> str:
    return e.strerror or str(e)


def _read_stdin(stdin: BinaryIO | None) -> Document | ReadFailure:
    stream = stdin if stdin is not None else sys.stdin.buffer
    try:
        data = stream.read()
    except OSError as e:
        return ReadFailure(STDIN, _os_reason(e))
    if isinstance(data, str):  # a text stream was passed; it is already decoded
        return Document(text=data, source=STDIN) if data.strip() else ReadFailure(STDIN, "empty file")
    return _document(data, STDIN)


def _document(data: bytes, source: str) -> Document | ReadFailure:
    try:
        return Document(text=decode_bytes(data, source=source), source=source)
    except DecodeError as e:
        return ReadFailure(source, e.reason)


def _read_path(path: str, st: os.stat_result, *, text_field: str) -> Iterator[Document | ReadFailure]:
    # A device such as /dev/zero would never end; pipes (``<(cmd)``) are fine.
    if not (stat.S_ISREG(st.st_mode) or stat.S_ISFIFO(st.st_mode)):
        yield ReadFailure(path, "not a regular file")
        return
    kind = CORPUS_SUFFIXES.get(os.path.splitext(path)[1].lower())
    try:
        with open(path, "rb") as raw:
            if kind is None:
                data = raw.read()
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


def _walk(directory: str, *, text_field: str, seen: set[tuple[int, int]]) -> Iterator[Document | ReadFailure]:
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
            yield from _walk(entry.path, text_field=text_field, seen=seen)
        else:
            yield from _read_path(entry.path, st, text_field=text_field)  # type: ignore[arg-type]
