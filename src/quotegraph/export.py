"""Export statements from a store as JSON Lines, CSV or Parquet: one flat row per statement.

Rows carry the statement, its speaker and cue, the article's metadata, the actors it is
about, the lists of actors it names together (``groups``: one list of actor ids per list, with
``group_texts`` the lists as written) and its occasion (``occasion``, ``occasion_kind``,
``occasion_venue``), so a spreadsheet or a dataframe needs no joins. Every stored statement is a row, also
one that repeats another of its article (``repeats`` holds the id of the one it restates, so
a count that should take each statement once filters on an empty ``repeats``). The store is read page by page in
insertion order, so exports of any size run in constant memory.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from quotegraph.errors import QuotegraphError
from quotegraph.query import StatementFilter
from quotegraph.store.base import Store, chunks, placeholders
from quotegraph.store.claims import EXPORT_COLUMNS as CLAIM_EXPORT_COLUMNS
from quotegraph.store.claims import iter_claim_rows
from quotegraph.store.relations import EXPORT_COLUMNS as RELATION_EXPORT_COLUMNS
from quotegraph.store.relations import iter_relation_rows
from quotegraph.store.filters import build_where
from quotegraph.store.groups import statement_groups, statement_occasions
from quotegraph.store.rows import ARTICLE_COLUMNS, MENTION_COLUMNS

log = logging.getLogger(__name__)

FORMATS = ("jsonl", "csv", "parquet")
COLUMNS = (
    "id", "article_id", "kind", "start", "end", "text",
    "speaker_id", "speaker_name", "speaker_role", "speaker_mention", "cue", "rule", "said_on",
    "published", "outlet", "title", "url", "source", "about", "about_names",
    "repeats", "published_how", "date_conflict",
    "groups", "group_texts", "occasion", "occasion_kind", "occasion_venue",
)
INT_COLUMNS = ("start", "end")
LIST_COLUMNS = ("about", "about_names", "group_texts")
# ``groups`` is a list of lists: each list of actors named together, as its known ids.
NESTED_COLUMNS = ("groups",)
# How list columns are joined in CSV (ids and names never contain it in practice); the ids of
# one group are joined with CSV_GROUP_SEP ("RUS+CHN+IND|USA+GBR").
CSV_LIST_SEP = "|"
CSV_GROUP_SEP = "+"
PAGE = 5000


class ExportError(QuotegraphError):
    """An export could not be written (unknown format, missing pyarrow, unwritable file)."""


def iter_rows(store: Store, flt: StatementFilter = StatementFilter(), *,
              page: int = PAGE) -> Iterator[dict[str, Any]]:
    """Every statement matching ``flt`` as a flat dict with the keys in :data:`COLUMNS`."""
    where = build_where(store, flt)
    if where.empty:
        return
    last = -1  # day 0 (the undated) starts at key 0
    while True:
        rows = store.rows(
            'SELECT s.pk, s.id, s.article_id, s.kind, s.start, s."end", s.text, s.speaker_id, '
            "s.speaker_name, s.speaker_role, s.speaker_mention, s.cue, s.rule, s.said_on, "
            "s.published, s.outlet, a.title, a.url, a.source, s.repeats, a.published_how, "
            "a.date_conflict FROM statements s "
            "JOIN articles a ON a.id = s.article_id "
            f"WHERE {where.sql} AND s.pk > ? ORDER BY s.pk LIMIT ?",
            (*where.params, last, page))
        if not rows:
            return
        about: dict[int, list[tuple[str, str]]] = {}
        for part in chunks([r["pk"] for r in rows]):
            for a in store.rows(
                "SELECT sa.statement_pk AS spk, a.id, a.name FROM statement_about sa "
                "JOIN actors a ON a.id = sa.actor_id "
                f"WHERE sa.statement_pk IN ({placeholders(len(part))}) ORDER BY a.id", part,
            ):
                about.setdefault(a["spk"], []).append((a["id"], a["name"]))
        groups = statement_groups(store, rows)
        occasions = statement_occasions(store, rows)
        for r in rows:
            last = r.pop("pk")
            links = about.get(last, [])
            r["about"] = [i for i, _ in links]
            r["about_names"] = [n for _, n in links]
            key = (r["article_id"], r["start"], r["end"])
            r["groups"] = [g["ids"] for g in groups.get(key, [])]
            r["group_texts"] = [g["text"] for g in groups.get(key, [])]
            occ = occasions.get(key)
            r["occasion"] = occ["text"] if occ else None
            r["occasion_kind"] = occ["kind"] if occ else None
            r["occasion_venue"] = occ["venue"]["text"] if occ and occ["venue"] else None
            yield {c: r[c] for c in COLUMNS}


# Articles as stored (the store's own columns), and mentions with their actor's name and type.
ARTICLE_EXPORT_COLUMNS = ARTICLE_COLUMNS
MENTION_EXPORT_COLUMNS = (*MENTION_COLUMNS, "actor_name", "actor_type")


def _article_scope(store: Store, flt: StatementFilter) -> tuple[str, tuple[Any, ...]] | None:
    """SQL on alias ``a`` (articles) for the articles ``flt`` selects: all of them when it is
    unfiltered (also those without statements), else those with a matching statement;
    ``None`` when the filter matched nothing."""
    if flt == StatementFilter():
        return "1=1", ()
    where = build_where(store, flt)
    if where.empty:
        return None
    return f"a.id IN (SELECT s.article_id FROM statements s WHERE {where.sql})", where.params


def _article_pages(store: Store, flt: StatementFilter, cols: str,
                   page: int) -> Iterator[list[dict[str, Any]]]:
    """The articles ``flt`` selects (see :func:`_article_scope`), ``cols`` of alias ``a``,
    a page at a time in insertion order (keyset paging on the key, so no row is read twice
    or skipped however the store grows meanwhile)."""
    scope = _article_scope(store, flt)
    if scope is None:
        return
    last = -1
    while True:
        rows = store.rows(f"SELECT a.pk AS pk_, {cols} FROM articles a WHERE {scope[0]} "
                          "AND a.pk > ? ORDER BY a.pk LIMIT ?", (*scope[1], last, page))
        if not rows:
            return
        last = rows[-1]["pk_"]
        yield rows


def iter_article_rows(store: Store, flt: StatementFilter = StatementFilter(), *,
                      page: int = PAGE) -> Iterator[dict[str, Any]]:
    """Every article ``flt`` selects as a row of :data:`ARTICLE_EXPORT_COLUMNS`, in
    insertion order, paged."""
    cols = ", ".join(f'a."{c}"' for c in ARTICLE_EXPORT_COLUMNS)
    for rows in _article_pages(store, flt, cols, page):
        for r in rows:
            yield {c: r[c] for c in ARTICLE_EXPORT_COLUMNS}


def iter_mention_rows(store: Store, flt: StatementFilter = StatementFilter(), *,
                      page: int = PAGE) -> Iterator[dict[str, Any]]:
    """Every mention of the articles ``flt`` selects, with its actor's name and type, as a
    row of :data:`MENTION_EXPORT_COLUMNS`: article by article, by offset."""
    for ids in _article_pages(store, flt, "a.id", page):
        order = {r["id"]: i for i, r in enumerate(ids)}
        found: list[dict[str, Any]] = []
        for part in chunks(list(order)):
            found += store.rows(
                'SELECT m.article_id, m.start, m."end", m.text, m.actor_id, '
                "x.name AS actor_name, x.type AS actor_type FROM mentions m "
                "JOIN actors x ON x.id = m.actor_id "
                f"WHERE m.article_id IN ({placeholders(len(part))})", part)
        found.sort(key=lambda r: (order[r["article_id"]], r["start"], r["end"], r["actor_id"]))
        for r in found:
            yield {c: r[c] for c in MENTION_EXPORT_COLUMNS}


@dataclass(frozen=True)
class Table:
    """What one export table holds: its columns and which of them are ints, floats, lists."""

    columns: tuple[str, ...]
    ints: tuple[str, ...] = ()
    floats: tuple[str, ...] = ()
    lists: tuple[str, ...] = ()
    bools: tuple[str, ...] = ()
    nested: tuple[str, ...] = ()  # lists of lists of strings


STATEMENTS = Table(COLUMNS, ints=INT_COLUMNS, lists=LIST_COLUMNS, nested=NESTED_COLUMNS)
CLAIMS = Table(CLAIM_EXPORT_COLUMNS, ints=("start", "end"), floats=("value", "value_max"))
RELATIONS = Table(RELATION_EXPORT_COLUMNS, ints=("target_start", "target_end"),
                  bools=("collective",))
ARTICLES = Table(ARTICLE_EXPORT_COLUMNS, ints=("body_start", "dateline_start", "dateline_end"))
MENTIONS = Table(MENTION_EXPORT_COLUMNS, ints=("start", "end"))
TABLES = {"statements": STATEMENTS, "claims": CLAIMS, "relations": RELATIONS,
          "articles": ARTICLES, "mentions": MENTIONS}
ROWS = {"statements": iter_rows, "claims": iter_claim_rows, "relations": iter_relation_rows,
        "articles": iter_article_rows, "mentions": iter_mention_rows}


def _write_jsonl(rows: Iterator[dict[str, Any]], out: IO[str], table: Table = STATEMENTS) -> int:
    n = 0
    for r in rows:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")
        n += 1
    return n


def _write_csv(rows: Iterator[dict[str, Any]], out: IO[str], table: Table = STATEMENTS) -> int:
    w = csv.DictWriter(out, fieldnames=table.columns, lineterminator="\n")
    w.writeheader()
    n = 0
    for r in rows:
        w.writerow({**r, **{c: CSV_LIST_SEP.join(r[c]) for c in table.lists},
                    **{c: CSV_LIST_SEP.join(CSV_GROUP_SEP.join(g) for g in r[c])
                       for c in table.nested}})
        n += 1
    return n


def arrow_schema(table: Table) -> Any:
    """The Parquet/Arrow schema of ``table`` (needs pyarrow): lists of lists of strings, lists
    of strings, int64, float64, bool, else strings."""
    import pyarrow as pa  # noqa: PLC0415 - optional extra

    return pa.schema([
        (c, pa.list_(pa.list_(pa.string())) if c in table.nested
         else pa.list_(pa.string()) if c in table.lists
         else pa.int64() if c in table.ints else pa.float64() if c in table.floats
         else pa.bool_() if c in table.bools else pa.string())
        for c in table.columns
    ])


def _write_parquet(rows: Iterator[dict[str, Any]], path: str | os.PathLike[str],
                   table: Table = STATEMENTS) -> int:
    try:
        import pyarrow as pa  # noqa: PLC0415 - optional extra
        import pyarrow.parquet as pq  # noqa: PLC0415
    except ImportError as e:
        raise ExportError("Parquet export needs pyarrow: pip install 'quotegraph[export]'") from e
    schema = arrow_schema(table)
    n = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        buf: list[dict[str, Any]] = []
        for r in rows:
            buf.append(r)
            if len(buf) >= PAGE:
                writer.write_table(pa.Table.from_pylist(buf, schema=schema))
                n += len(buf)
                buf = []
        if buf or n == 0:
            writer.write_table(pa.Table.from_pylist(buf, schema=schema))
            n += len(buf)
    return n


def export_statements(store: Store, *, format: str, output: str | os.PathLike[str] | None = None,  # noqa: A002
                      stream: IO[str] | None = None,
                      flt: StatementFilter = StatementFilter(), table: str = "statements") -> int:
    """Write the statements matching ``flt`` to ``output`` (a path) or ``stream`` (text, for
    jsonl/csv only); returns the number of rows written. Parquet needs a path.

    ``table="claims"`` writes the numeric claims of those statements instead, one row per
    claim with its statement id and speaker; ``table="relations"`` their relations;
    ``table="articles"`` the articles (all, or those with a matching statement) and
    ``table="mentions"`` their actor mentions."""
    if format not in FORMATS:
        raise ExportError(f"unknown export format {format!r}; use one of {', '.join(FORMATS)}")
    if table not in TABLES:
        raise ExportError(f"unknown export table {table!r}; use one of {', '.join(TABLES)}")
    spec = TABLES[table]
    rows = ROWS[table](store, flt)
    if format == "parquet":
        if output is None:
            raise ExportError("Parquet is a binary file format: give an output file (-o FILE)")
        return _write_parquet(rows, output, spec)
    writer = _write_jsonl if format == "jsonl" else _write_csv
    if output is None:
        if stream is None:
            raise ExportError("give an output path or a stream")
        return writer(rows, stream, spec)
    try:
        with open(output, "w", encoding="utf-8", newline="") as f:
            return writer(rows, f, spec)
    except OSError as e:
        raise ExportError(f"cannot write {output}: {e.strerror or e}") from e


def read_rows(path: str | os.PathLike[str], *, format: str,  # noqa: A002
              table: str = "statements") -> list[dict[str, Any]]:
    """Read an export back into the dicts :func:`iter_rows` yields (for checks and round trips)."""
    spec = TABLES[table]
    if format == "jsonl":
        with open(path, encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]
    if format == "csv":
        with open(path, encoding="utf-8", newline="") as f:
            out = []
            for r in csv.DictReader(io.StringIO(f.read())):
                row: dict[str, Any] = {k: (v if v != "" else None) for k, v in r.items()}
                for c in spec.ints:
                    row[c] = int(row[c]) if row[c] is not None else None
                for c in spec.floats:
                    row[c] = float(row[c]) if row[c] is not None else None
                for c in spec.lists:
                    row[c] = row[c].split(CSV_LIST_SEP) if row[c] else []
                for c in spec.bools:
                    row[c] = row[c] == "True"
                for c in spec.nested:
                    row[c] = ([g.split(CSV_GROUP_SEP) for g in row[c].split(CSV_LIST_SEP)]
                              if row[c] else [])
                out.append(row)
            return out
    if format == "parquet":
        import pyarrow.parquet as pq  # noqa: PLC0415

        return pq.read_table(str(path)).to_pylist()
    raise ExportError(f"unknown export format {format!r}")
