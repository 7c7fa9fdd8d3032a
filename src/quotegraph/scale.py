"""Extraction scaled out over a Dask cluster.

Documents are read on the client with the same readers ``quotegraph extract`` uses, cut into
partitions, and each partition is extracted on a worker with the same extractor and the same
JSONL rendering. Each partition writes its own Parquet files (temp name, then rename) so that a
rerun skips finished partitions, and a document that fails becomes a failures row, never a
failed task.
"""

from __future__ import annotations

import json
import os
from typing import Iterable, Sequence

from quotegraph.read import ReadFailure, iter_documents

_EXTRACTORS: dict = {}  # one extractor (and knowledge base) per worker process


def _extractor(use_kb: bool, kb_paths: tuple):
    key = (use_kb, kb_paths)
    if key not in _EXTRACTORS:
        from quotegraph.pipeline import make_extractor
        _EXTRACTORS[key] = make_extractor(use_kb=use_kb, kb_paths=kb_paths)
    return _EXTRACTORS[key]


def _write(table, path: str) -> None:
    """Write to a temp name and rename, so a partial file never looks finished."""
    import pyarrow.parquet as pq
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = path + ".tmp"
    pq.write_table(table, tmp)
    os.replace(tmp, path)


def extract_partition(k: int, docs: list, out_dir: str, use_kb: bool = True,
                      kb_paths: tuple = ()) -> dict:
    """Extract one partition; write records/part-K and failures/part-K; failures go last
    because their file marks the partition done."""
    import pyarrow as pa
    from quotegraph.output import to_jsonl
    done = os.path.join(out_dir, "failures", f"part-{k}.parquet")
    if os.path.exists(done):
        return {"partition": k, "skipped": True}
    extract = _extractor(use_kb, tuple(kb_paths))
    sources, records, f_src, f_err = [], [], [], []
    for doc in docs:
        if isinstance(doc, ReadFailure):
            f_src.append(str(getattr(doc, "source", "")))
            f_err.append(str(doc))
            continue
        try:
            records.append(to_jsonl(extract(doc)))
            sources.append(doc.source)
        except Exception as e:  # noqa: BLE001 - one bad document must not cost the batch
            f_src.append(doc.source)
            f_err.append(f"{type(e).__name__}: {e}")
    _write(pa.table({"source": pa.array(sources, pa.string()),
                     "record": pa.array(records, pa.string())}),
           os.path.join(out_dir, "records", f"part-{k}.parquet"))
    _write(pa.table({"source": pa.array(f_src, pa.string()),
                     "error": pa.array(f_err, pa.string())}), done)
    return {"partition": k, "skipped": False, "records": len(records), "failures": len(f_src)}


def partitions(inputs: Sequence[str], size: int, **read_options) -> Iterable[list]:
    batch: list = []
    for item in iter_documents(inputs, **read_options):
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run_dask(inputs: Sequence[str], out_dir: str, scheduler: str = "local", *,
             partition_size: int = 500, use_kb: bool = True, kb_paths: Sequence[str] = (),
             **read_options) -> list[dict]:
    """Run extraction over ``inputs`` on a LocalCluster ("local") or a scheduler address."""
    from distributed import Client, LocalCluster
    cluster = None
    if scheduler == "local":
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True)
        client = Client(cluster)
    else:
        client = Client(scheduler)
    try:
        print(f"quotegraph: dask dashboard: {client.dashboard_link}", flush=True)
        futures = [client.submit(extract_partition, k, docs, out_dir, use_kb, tuple(kb_paths),
                                 pure=False)
                   for k, docs in enumerate(partitions(inputs, partition_size, **read_options))]
        return client.gather(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def read_records(out_dir: str) -> list[dict]:
    """All records written under OUT/records, as parsed JSON."""
    import pyarrow.parquet as pq
    d = os.path.join(out_dir, "records")
    rows = []
    for name in sorted(os.listdir(d)):
        if name.endswith(".parquet"):
            rows += [json.loads(r) for r in pq.read_table(os.path.join(d, name))["record"].to_pylist()]
    return rows
