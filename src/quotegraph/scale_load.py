"""``quotegraph ingest --from-parquet DIR``: load what ``quotegraph run --dask`` wrote into a store.

OUT/rows holds each article's store rows exactly as ingest's workers make them, so loading is
ingest without the extraction: the same writer, the same skipping of articles stored with the
same extractor version (a rerun adds nothing), the same clusters refresh at the end. Rows an
older (or other) extractor version made never replace an article this installation's version
stored: loading an old run's output into a fresh store keeps the fresh copies.
OUT/failures rows count as failed inputs, as unreadable inputs do in ingest.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from itertools import groupby, islice

from quotegraph.errors import QuotegraphError
from quotegraph.scale_parts import rows_from_json
from quotegraph.store.base import IngestReport, Store, current_extractor_version
from quotegraph.store.rows import ARTICLE_COLUMNS, ArticleRows

_VERSION = ARTICLE_COLUMNS.index("extractor_version")


class ParquetInputError(QuotegraphError):
    """The directory is not the output of ``quotegraph run`` (missing, or no row files)."""


def part_files(out_dir: str, table: str) -> list[str]:
    """OUT/TABLE/part-K.parquet in partition order; an error naming the directory if the
    output is not there at all."""
    d = os.path.join(out_dir, table)
    if not os.path.isdir(out_dir):
        problem = "not a directory" if os.path.exists(out_dir) else "no such directory"
        raise ParquetInputError(f"{out_dir}: {problem} (give the --out DIR of "
                                "`quotegraph run`)")
    if not os.path.isdir(d):
        raise ParquetInputError(f"{out_dir} is not the output of `quotegraph run`: it has no "
                                f"{table}/ directory")
    names = [n for n in os.listdir(d) if n.startswith("part-") and n.endswith(".parquet")]
    if table == "rows" and not names:
        raise ParquetInputError(f"{d} holds no part-K.parquet files")

    def k(name: str) -> tuple[int, str]:
        digits = name[len("part-"):-len(".parquet")]
        return (int(digits), name) if digits.isdigit() else (-1, name)
    return [os.path.join(d, n) for n in sorted(names, key=k)]


def _read(path: str, columns: list[str], fail: Callable[[str, str], None]) -> list[dict] | None:
    import pyarrow.parquet as pq
    try:
        return pq.read_table(path, columns=columns).to_pylist()
    except Exception as e:  # noqa: BLE001 - one bad part file must not cost the others
        fail(path, f"cannot read Parquet: {e}")
        return None


def iter_rows(out_dir: str, fail: Callable[[str, str], None]) -> Iterator[ArticleRows]:
    for path in part_files(out_dir, "rows"):
        table = _read(path, ["rows"], fail)
        for i, r in enumerate(table or ()):
            try:
                yield rows_from_json(r["rows"])
            except (ValueError, KeyError, TypeError) as e:
                fail(f"{path} row {i}", f"not a row of `quotegraph run`: {e}")


def load_parquet(store: Store, out_dir: str, *, batch_size: int = 500,
                 on_progress: Callable[[int], None] | None = None,
                 on_failure: Callable[[str, str], None] | None = None,
                 kept: list[tuple[str, str]] | None = None) -> IngestReport:
    """Write OUT/rows into ``store`` in transactions of ``batch_size`` articles. An article
    the store holds from the current extractor version is not replaced by rows of another
    version: it counts as unchanged, and (id, the rows' version) goes to ``kept``."""
    if batch_size < 1:
        raise QuotegraphError("batch size must be at least 1")
    bad = 0

    def fail(source: str, message: str) -> None:
        nonlocal bad
        bad += 1
        if on_failure is not None:
            on_failure(source, message)

    part_files(out_dir, "rows")  # not a run's output: the one error, before any write
    failures_files = (part_files(out_dir, "failures")
                      if os.path.isdir(os.path.join(out_dir, "failures")) else [])
    report = IngestReport()
    current = current_extractor_version()
    it = iter_rows(out_dir, fail)
    while batch := list(islice(it, batch_size)):
        known = store.known_versions(sorted({r.id for r in batch}))
        todo = []
        for r in batch:
            stored, theirs = known.get(r.id), r.article[_VERSION]
            if stored == current and theirs != current:
                if kept is not None:
                    kept.append((r.id, theirs))
            elif stored != theirs:
                todo.append(r)
        report = report + IngestReport(unchanged=len(batch) - len(todo))
        for version, group in groupby(todo, key=lambda r: r.article[_VERSION]):
            report = report + store.write_rows(list(group), extractor_version=version)
        if on_progress is not None:
            on_progress(report.total)
    for path in failures_files:
        for r in _read(path, ["source", "error"], fail) or ():
            fail(r["source"], r["error"])
    store.refresh_clusters()
    store.after_ingest(report)
    return report + IngestReport(failed=bad)
