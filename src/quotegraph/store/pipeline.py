"""Files -> documents -> articles -> store, on every core, with the parent as the one writer.

The parent reads documents in input order, hashes each text and asks the store which ids are
already there with the current extractor version; only the others go to the worker pool
(``map``, so results come back in input order). While the workers extract batch *n+1* the
parent writes batch *n*, committing once per batch, so an interrupted run loses nothing
committed and a rerun skips finished work before extracting it.
"""

from __future__ import annotations

import importlib
import logging
import multiprocessing
import os
import signal
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import datetime, timezone
from itertools import islice
from typing import Any, BinaryIO

from quotegraph.errors import QuotegraphError
from quotegraph.model import Article, Document, unextracted, with_document_metadata
from quotegraph.read.language import is_english
from quotegraph.store.base import IngestReport, Store, current_extractor_version
from quotegraph.store.rows import ArticleRows, article_id, article_rows

log = logging.getLogger(__name__)

Extractor = Callable[[Document], Article]
# (source, message) for each input that could not be read or extracted.
FailureHook = Callable[[str, str], None]

_worker_extract: Extractor | None = None
_worker_version = "0"


def default_extractor() -> Extractor:
    """``quotegraph.extract.extract_document`` (or an adapter over ``extract(text, ...)``)."""
    try:
        mod = importlib.import_module("quotegraph.extract")
    except ImportError as e:
        raise QuotegraphError(
            "the extraction engine (quotegraph.extract) is not available: " + str(e)) from e
    fn = getattr(mod, "extract_document", None)
    if callable(fn):
        return fn
    if callable(getattr(mod, "extract", None)):
        return _extract_via_text
    raise QuotegraphError("quotegraph.extract has neither extract_document nor extract")


def _extract_via_text(doc: Document) -> Article:
    mod = importlib.import_module("quotegraph.extract")
    return mod.extract(doc.text, source=doc.source, title=doc.title, published=doc.published,
                       outlet=doc.outlet, url=doc.url)


def load_extractor(spec: str) -> Extractor:
    """``"package.module:function"`` -> the function (for ``--extractor``)."""
    module, _, name = spec.partition(":")
    if not module or not name:
        raise QuotegraphError(f"--extractor must look like package.module:function, not {spec!r}")
    try:
        fn = getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError) as e:
        raise QuotegraphError(f"cannot load extractor {spec!r}: {e}") from e
    if not callable(fn):
        raise QuotegraphError(f"extractor {spec!r} is not callable")
    return fn


def _die_with_parent(parent: int) -> None:
    """Ask Linux to kill this worker when the parent dies (even by SIGKILL), so an
    interrupted ingest never leaves orphaned workers waiting on a dead pipe."""
    try:
        import ctypes  # noqa: PLC0415

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: workers still exit on a broken pipe
        return
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def _init_worker(extract: Extractor, version: str, parent: int) -> None:
    global _worker_extract, _worker_version  # noqa: PLW0603 - one per worker process
    _die_with_parent(parent)
    # Ctrl-C is the parent's to handle (it stops after the last commit); workers just go.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_extract = extract
    _worker_version = version


def _run(extract: Extractor, version: str, doc: Document) -> tuple[str, Any]:
    """Extract one document and split it into rows (so the writing parent does less);
    an exception becomes a failure, so one bad text never stops a batch."""
    if not is_english(doc.language):
        art = unextracted(doc)  # stored as read; English patterns would mangle it
    else:
        try:
            art = with_document_metadata(extract(doc), doc)
        except Exception as e:  # noqa: BLE001 - reported per document, with its source
            return ("fail", (doc.source, f"extraction failed: {type(e).__name__}: {e}"))
    if art.text != doc.text:
        # Offsets and the id are defined on the text as read; a changed text breaks both.
        return ("fail", (doc.source, "the extractor returned a different text"))
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    return ("ok", article_rows(art, extractor_version=version, ingested_at=now))


def _work(doc: Document) -> tuple[str, Any]:
    assert _worker_extract is not None
    return _run(_worker_extract, _worker_version, doc)


class _Batch:
    def __init__(self, size: int) -> None:
        self.size = size              # inputs in the batch (for progress)
        self.failed = 0
        self.skipped = 0
        self.not_english = 0
        self.results: Iterator[tuple[str, Any]] = iter(())


def ingest_documents(store: Store, items: Iterable[Document | Any], *,
                     workers: int | None = None, batch_size: int = 500,
                     on_progress: Callable[[int], None] | None = None,
                     on_failure: FailureHook | None = None,
                     extract: Extractor | None = None,
                     extractor_version: str | None = None) -> IngestReport:
    """Extract and store documents; items that are not Documents (``ReadFailure``) count as
    failed and are passed to ``on_failure`` as ``(source, message)``.

    ``workers`` defaults to the number of cores; ``1`` extracts in this process.
    ``on_progress`` gets the number of inputs handled so far after each committed batch.
    """
    if batch_size < 1:
        raise QuotegraphError("batch size must be at least 1")
    if workers is None:
        workers = os.cpu_count() or 1
    if workers < 1:
        raise QuotegraphError("workers must be at least 1")
    extract = extract or default_extractor()
    version = extractor_version or current_extractor_version()
    fail: FailureHook = on_failure or (lambda src, msg: log.warning("%s: %s", src, msg))

    report = IngestReport()
    handled = 0
    pool = None
    if workers > 1:
        # Unlike multiprocessing.Pool, the executor notices a worker that dies (killed for
        # memory, a crash in a C extension) and fails instead of waiting forever.
        pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(),
                                   initializer=_init_worker,
                                   initargs=(extract, version, os.getpid()))
    try:
        it = iter(items)
        pending: _Batch | None = None
        while True:
            chunk = list(islice(it, batch_size))
            batch = _submit(store, chunk, pool, extract, version, fail, workers) if chunk else None
            if pending is not None:
                report = report + _finish(store, pending, version, fail)
                handled += pending.size
                if on_progress is not None:
                    on_progress(handled)
            if batch is None:
                break
            pending = batch
        store.refresh_clusters()
        store.after_ingest(report)
    except BrokenProcessPool as e:
        raise QuotegraphError(
            f"an extraction worker died (out of memory or a crash) after {handled:,} inputs "
            "were stored; run the same command again to continue") from e
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
    return report


def _submit(store: Store, chunk: Sequence[Any], pool: Any, extract: Extractor, version: str,
            fail: FailureHook, workers: int) -> _Batch:
    batch = _Batch(len(chunk))
    docs: list[Document] = []
    for item in chunk:
        if isinstance(item, Document):
            docs.append(item)
        else:
            batch.failed += 1
            fail(getattr(item, "source", "?"), getattr(item, "message", str(item)))
    # Hash first: an article stored with this extractor version is never extracted again.
    ids = [article_id(d.text) for d in docs]
    known = store.known_versions(sorted(set(ids)))
    todo: list[Document] = []
    seen: set[str] = set()
    for doc, aid in zip(docs, ids):
        if known.get(aid) == version or aid in seen:
            batch.skipped += 1
            continue
        seen.add(aid)
        todo.append(doc)
        batch.not_english += not is_english(doc.language)
    if pool is None:
        batch.results = iter([_run(extract, version, d) for d in todo])
    else:
        chunksize = max(1, len(todo) // (workers * 4))
        batch.results = pool.map(_work, todo, chunksize=chunksize)
    return batch


def _finish(store: Store, batch: _Batch, version: str, fail: FailureHook) -> IngestReport:
    rows: list[ArticleRows] = []
    failed = batch.failed
    for status, value in batch.results:
        if status == "ok":
            rows.append(value)
        else:
            failed += 1
            fail(*value)
    written = store.write_rows(rows, extractor_version=version) if rows else IngestReport()
    return written + IngestReport(unchanged=batch.skipped, failed=failed,
                                  not_english=batch.not_english)


_READER_DEFAULT = object()  # the reader's size limit, imported only when reading


def ingest_paths(store: Store, paths: Sequence[str], *, stdin: BinaryIO | None = None,
                 url_lists: Sequence[str] = (), fetcher: Any = None,
                 max_bytes: Any = _READER_DEFAULT, **options: Any) -> IngestReport:
    """Read ``paths`` (and the URL list files ``url_lists``) with
    :func:`quotegraph.read.iter_documents`, fetching URLs with ``fetcher`` and refusing
    documents over ``max_bytes`` (None: no limit; by default the reader's limit), and ingest
    them (options as for :func:`ingest_documents`)."""
    from quotegraph.read import iter_documents  # noqa: PLC0415 - keeps store importable alone
    from quotegraph.read.guard import DEFAULT_MAX_BYTES  # noqa: PLC0415

    limit = DEFAULT_MAX_BYTES if max_bytes is _READER_DEFAULT else max_bytes
    docs = iter_documents(paths, stdin=stdin, url_lists=url_lists, fetcher=fetcher,
                          max_bytes=limit)
    return ingest_documents(store, docs, **options)
