"""Extraction scaled out over a Dask cluster.

Documents are read on the client with the same readers ``quotegraph extract`` uses and cut into
partitions; each partition is extracted on a worker (:mod:`quotegraph.scale_parts`) into
Parquet files under OUT or straight into a PostgreSQL store. Only a few partitions are in
flight at a time, so the client never holds the whole input, and a partition lost with a
killed worker is simply run again by Dask: its files are written whole or not at all, and the
store skips what it already holds, so every article ends up in the output exactly once.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from typing import Callable, Iterable, Sequence, TextIO

from quotegraph.model import Document
from quotegraph.read import iter_documents
from quotegraph.scale_parts import extract_partition, is_postgres
from quotegraph.store.rows import article_id

# Partitions in flight per worker thread: enough to keep workers busy while the client reads.
IN_FLIGHT_PER_THREAD = 2
_DASK_LOGGERS = ("distributed", "dask", "bokeh", "tornado")


def partitions(inputs: Sequence[str], size: int,
               **read_options) -> Iterable[tuple[list, frozenset[int]]]:
    """Batches of ``size`` read items, each with the positions in it of documents whose text
    an earlier document already had.

    An article is identified by its text (:func:`article_id`), so a repeat is the same
    article: the worker still writes its record (as ``extract`` prints one per input) but not
    its store rows or table rows, which ``ingest`` would have kept once. Seen ids are kept as
    64-bit integers, about 70 bytes per article on the client.
    """
    seen: set[int] = set()
    batch: list = []
    repeats: set[int] = set()
    for item in iter_documents(inputs, **read_options):
        if isinstance(item, Document):
            key = int(article_id(item.text), 16)
            if key in seen:
                repeats.add(len(batch))
            seen.add(key)
        batch.append(item)
        if len(batch) >= size:
            yield batch, frozenset(repeats)
            batch, repeats = [], set()
    if batch:
        yield batch, frozenset(repeats)


class PartitionProgress:
    """``partitions done/submitted`` on one stderr line ("+" while input is still being read)."""

    def __init__(self, stream: TextIO, enabled: bool) -> None:
        self.stream, self.enabled, self.live = stream, enabled, False

    def __call__(self, done: int, submitted: int, reading: bool) -> None:
        if self.enabled:
            more = "+" if reading else ""
            self.stream.write(f"\rquotegraph: {done}/{submitted}{more} partitions done")
            self.stream.flush()
            self.live = True

    def end(self) -> None:
        if self.live:
            self.stream.write("\n")
            self.stream.flush()
            self.live = False


def quiet_dask_logs(verbose: bool) -> int:
    """Distributed's INFO lines off (workers and client) unless ``verbose``; the level to
    give LocalCluster's ``silence_logs``."""
    level = logging.INFO if verbose else logging.WARNING
    for name in _DASK_LOGGERS:
        logging.getLogger(name).setLevel(level)
    return level


def run_dask(inputs: Sequence[str], out: str, scheduler: str = "local", *,
             partition_size: int = 500, use_kb: bool = True, kb_paths: Sequence[str] = (),
             batch_size: int = 500, n_workers: int = 2, verbose: bool = False,
             on_progress: Callable[[int, int, bool], None] | None = None,
             **read_options) -> list[dict]:
    """Run extraction over ``inputs`` on a LocalCluster ("local") or a scheduler address,
    into the directory or postgresql:// URL ``out``; one result dict per partition."""
    from distributed import Client, LocalCluster, as_completed
    from quotegraph.store.base import current_extractor_version
    level = quiet_dask_logs(verbose)
    version = current_extractor_version()
    if is_postgres(out):
        from quotegraph.store import open_store
        open_store(out).close()  # migrate once here, not racing in every worker
    cluster = None
    if scheduler == "local":
        cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                               silence_logs=level)
        client = Client(cluster)
    else:
        client = Client(scheduler)
    results: list[dict] = []
    try:
        print(f"quotegraph: dask dashboard: {client.dashboard_link}", flush=True)
        threads = sum(client.nthreads().values()) or 1
        window = max(2, IN_FLIGHT_PER_THREAD * threads)
        pending = as_completed()
        submitted = 0
        parts = iter(enumerate(partitions(inputs, partition_size, **read_options)))
        reading = True

        def submit_next() -> None:
            nonlocal submitted, reading
            item = next(parts, None)
            if item is None:
                reading = False
                return
            k, (docs, repeats) = item
            pending.add(client.submit(extract_partition, k, docs, out, use_kb,
                                      tuple(kb_paths), version, batch_size, repeats,
                                      pure=False))
            submitted += 1

        while reading and submitted < window:
            submit_next()
        for fut in pending:
            results.append(fut.result())
            if reading:
                submit_next()
            if on_progress is not None:
                on_progress(len(results), submitted, reading)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    if is_postgres(out):
        finish_postgres(out, results)
    return sorted(results, key=lambda r: r["partition"])


def finish_postgres(dsn: str, results: list[dict]) -> None:
    """What ingest does once at its end: clusters of the speakers written, then statistics."""
    from quotegraph.store import clusters, open_store
    from quotegraph.store.base import IngestReport
    written = {i for r in results for i in r.get("written", ())}
    report = IngestReport(added=sum(r.get("added", 0) for r in results),
                          updated=sum(r.get("updated", 0) for r in results))
    with open_store(dsn) as store:
        if written:
            clusters.refresh(store, written)
        store.after_ingest(report)


def read_records(out_dir: str) -> list[dict]:
    """All records written under OUT/records, as parsed JSON."""
    import pyarrow.parquet as pq
    d = os.path.join(out_dir, "records")
    rows = []
    for name in sorted(os.listdir(d)):
        if name.endswith(".parquet"):
            rows += [json.loads(r) for r in pq.read_table(os.path.join(d, name))["record"].to_pylist()]
    return rows


def read_table(out_dir: str, name: str) -> list[dict]:
    """All rows of OUT/NAME (an export table, records, rows or failures), partition by
    partition."""
    import pyarrow.parquet as pq
    d = os.path.join(out_dir, name)
    rows: list[dict] = []
    for part in sorted(os.listdir(d)):
        if part.endswith(".parquet"):
            rows += pq.read_table(os.path.join(d, part)).to_pylist()
    return rows


def stderr_is_tty() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False
