"""What a Dask worker does with one partition of documents.

Each document is extracted with the extractor ``quotegraph extract`` and ``quotegraph ingest``
use and split into the rows the store writes (:func:`quotegraph.store.rows.article_rows`). Then
either

* files: OUT/records (the JSONL record, as ``extract`` prints it), OUT/rows (the store rows,
  lossless, for ``ingest --from-parquet``), OUT/articles, statements, mentions, claims and
  relations (exactly what ``quotegraph export --table T`` writes: the partition goes through a
  scratch SQLite store and export's own row builders, so there is one copy of each field
  list), and OUT/failures last, because its file marks the partition done; or
* a PostgreSQL store: articles already stored by this extractor version are skipped before
  extracting, the rest written in transactions of ``batch_size`` (ingest's own writer, so a
  rerun duplicates nothing).

A document that fails becomes a failures row, never a failed task.
"""

from __future__ import annotations

import dataclasses
import json
import os
import tempfile
from datetime import datetime, timezone
from typing import Any

from quotegraph.read import ReadFailure
from quotegraph.store.rows import ArticleRows, article_id, article_rows

# The export-shaped tables a files run writes, each as ``quotegraph export --table T``.
EXPORT_TABLES = ("articles", "statements", "mentions", "claims", "relations")
PG_SCHEMES = ("postgresql://", "postgres://")

_EXTRACTORS: dict = {}  # one extractor (and knowledge base) per worker process
_STORES: dict = {}  # one PostgreSQL connection pool per worker process


def is_postgres(out: str) -> bool:
    return out.startswith(PG_SCHEMES)


def _extractor(use_kb: bool, kb_paths: tuple):
    key = (use_kb, kb_paths)
    if key not in _EXTRACTORS:
        from quotegraph.pipeline import make_extractor
        _EXTRACTORS[key] = make_extractor(use_kb=use_kb, kb_paths=kb_paths)
    return _EXTRACTORS[key]


def _write(table, path: str) -> None:
    """Write to a temp name and rename, so a partial file never looks finished (the pid in
    the temp name keeps a retried task clear of a killed one's leftovers)."""
    import pyarrow.parquet as pq
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = f"{path}.{os.getpid()}.tmp"
    pq.write_table(table, tmp)
    os.replace(tmp, path)


def rows_to_json(r: ArticleRows) -> str:
    """One article's store rows as JSON (tuples become lists; :func:`rows_from_json` undoes it)."""
    return json.dumps(dataclasses.asdict(r), ensure_ascii=False)


def rows_from_json(text: str) -> ArticleRows:
    d = json.loads(text)
    return ArticleRows(article=tuple(d["article"]),
                       **{f.name: tuple(tuple(x) for x in d[f.name])
                          for f in dataclasses.fields(ArticleRows) if f.name != "article"})


def _extract(docs: list, use_kb: bool, kb_paths: tuple, version: str,
             repeats: frozenset[int] = frozenset()):
    """(records, store rows, failures) of ``docs``; failures are (source, message). Documents
    at the positions ``repeats`` (a text seen earlier in the run) get a record but no rows."""
    from quotegraph.output import to_jsonl
    extract = _extractor(use_kb, tuple(kb_paths))
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    records, rows, failures = [], [], []
    for i, doc in enumerate(docs):
        if isinstance(doc, ReadFailure):
            failures.append((str(getattr(doc, "source", "")),
                             str(getattr(doc, "message", doc))))
            continue
        try:
            art = extract(doc)
            if art.text != doc.text:
                # Offsets and the id are defined on the text as read (as in ingest).
                raise ValueError("the extractor returned a different text")
            if i not in repeats:
                rows.append(article_rows(art, extractor_version=version, ingested_at=now))
            records.append((doc.source, to_jsonl(art)))
        except Exception as e:  # noqa: BLE001 - one bad document must not cost the batch
            failures.append((doc.source, f"{type(e).__name__}: {e}"))
    return records, rows, failures


def export_tables(rows: list[ArticleRows], version: str) -> dict[str, Any]:
    """The export tables of these articles, built by export's row builders over a scratch
    SQLite store (so values are exactly those of ``quotegraph export``)."""
    import pyarrow as pa
    from quotegraph.export import ROWS, TABLES, arrow_schema
    from quotegraph.store import open_store
    with tempfile.TemporaryDirectory(prefix="quotegraph-part-") as d:
        with open_store(os.path.join(d, "part.db")) as store:
            store.write_rows(rows, extractor_version=version)
            return {name: pa.Table.from_pylist(list(ROWS[name](store)),
                                               schema=arrow_schema(TABLES[name]))
                    for name in EXPORT_TABLES}


def _to_files(k: int, out_dir: str, records, rows, failures, version: str) -> None:
    import pyarrow as pa
    part = f"part-{k}.parquet"
    _write(pa.table({"source": pa.array([s for s, _ in records], pa.string()),
                     "record": pa.array([r for _, r in records], pa.string())}),
           os.path.join(out_dir, "records", part))
    _write(pa.table({"id": pa.array([r.id for r in rows], pa.string()),
                     "rows": pa.array([rows_to_json(r) for r in rows], pa.string())}),
           os.path.join(out_dir, "rows", part))
    for name, table in export_tables(rows, version).items():
        _write(table, os.path.join(out_dir, name, part))
    _write(pa.table({"source": pa.array([s for s, _ in failures], pa.string()),
                     "error": pa.array([m for _, m in failures], pa.string())}),
           os.path.join(out_dir, "failures", part))


def _pg_store(dsn: str):
    if dsn not in _STORES:
        from quotegraph.store import open_store
        _STORES[dsn] = open_store(dsn)
    return _STORES[dsn]


def _to_postgres(dsn: str, docs: list, use_kb: bool, kb_paths: tuple, version: str,
                 batch_size: int, repeats: frozenset[int] = frozenset()) -> dict:
    """Skip what is stored with this version (and texts seen earlier in the run), extract
    the rest, write in batches."""
    from quotegraph.model import Document
    store = _pg_store(dsn)
    docs = [d for i, d in enumerate(docs) if i not in repeats]
    ids = [article_id(d.text) if isinstance(d, Document) else None for d in docs]
    known = store.known_versions(sorted({i for i in ids if i}))
    todo = [d for d, i in zip(docs, ids) if i is None or known.get(i) != version]
    _, rows, failures = _extract(todo, use_kb, kb_paths, version)
    added = updated = unchanged = 0
    for start in range(0, len(rows), batch_size):
        rep = store.write_rows(rows[start:start + batch_size], extractor_version=version)
        added, updated, unchanged = (added + rep.added, updated + rep.updated,
                                     unchanged + rep.unchanged)
    store.touched.clear()  # the client refreshes clusters once, for the ids returned
    return {"records": len(rows), "failures": len(failures), "failed": failures,
            "added": added, "updated": updated,
            "unchanged": unchanged + len(docs) - len(todo) + len(repeats), "repeats": len(repeats),
            "written": [r.id for r in rows]}


def extract_partition(k: int, docs: list, out: str, use_kb: bool = True,
                      kb_paths: tuple = (), version: str | None = None,
                      batch_size: int = 500, repeats: frozenset[int] = frozenset()) -> dict:
    """Extract partition ``k`` into ``out`` (a directory or a postgresql:// URL); the
    documents at positions ``repeats`` repeat an earlier text of the run."""
    from quotegraph.store.base import current_extractor_version
    version = version or current_extractor_version()
    if is_postgres(out):
        return {"partition": k, "skipped": False,
                **_to_postgres(out, docs, use_kb, tuple(kb_paths), version, batch_size,
                               frozenset(repeats))}
    if os.path.exists(os.path.join(out, "failures", f"part-{k}.parquet")):
        return {"partition": k, "skipped": True}
    records, rows, failures = _extract(docs, use_kb, tuple(kb_paths), version,
                                       frozenset(repeats))
    _to_files(k, out, records, rows, failures, version)
    return {"partition": k, "skipped": False, "records": len(records),
            "failures": len(failures), "failed": failures, "repeats": len(repeats)}
