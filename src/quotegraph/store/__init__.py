"""The quotegraph database: SQLite by default, PostgreSQL for ``postgresql://`` URLs.

>>> with open_store("quotegraph.db") as store:          # doctest: +SKIP
...     report = store.ingest(articles)
...     report.added, report.updated, report.unchanged, report.failed

Query it with :mod:`quotegraph.query`; fill it from files with
:func:`quotegraph.store.pipeline.ingest_paths` (what ``quotegraph ingest`` runs).
"""

from __future__ import annotations

import os

from quotegraph.store.base import IngestReport, Store, current_extractor_version
from quotegraph.store.rows import article_id, slugify

__all__ = [
    "IngestReport",
    "Store",
    "article_id",
    "current_extractor_version",
    "open_store",
    "slugify",
]

_PG_SCHEMES = ("postgresql://", "postgres://")


def open_store(db: str | os.PathLike[str] = "quotegraph.db", *, create: bool = True) -> Store:
    """Open (and migrate) the store at ``db``.

    A file path opens SQLite in WAL mode; a ``postgresql://`` URL opens PostgreSQL through
    psycopg 3 (install the ``pg`` extra). With ``create=False`` a missing SQLite file is an
    error instead of a new empty database. Raises :class:`quotegraph.errors.StoreError`.
    """
    if isinstance(db, str) and db.startswith(_PG_SCHEMES):
        from quotegraph.store.postgres import PostgresStore  # noqa: PLC0415 - optional extra

        return PostgresStore(db)
    from quotegraph.store.sqlite import SQLiteStore  # noqa: PLC0415

    return SQLiteStore(db, create=create)
