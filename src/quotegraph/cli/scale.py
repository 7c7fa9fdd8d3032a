"""``quotegraph run --dask local|ADDRESS INPUT... --out DIR|postgresql://...``: extraction on a
Dask cluster, into Parquet tables or straight into a PostgreSQL store."""

from __future__ import annotations

import argparse
import importlib.util
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("run", help="extract on a Dask cluster into Parquet files or PostgreSQL",
                       description="Extract every input on a Dask cluster (local or an address). "
                                   "With --out DIR, write OUT/articles, statements, mentions, "
                                   "claims and relations (as `quotegraph export` writes them), "
                                   "OUT/records (the extract records), OUT/rows (for `ingest "
                                   "--from-parquet`) and OUT/failures as Parquet; rerunning "
                                   "skips finished partitions. With --out postgresql://..., "
                                   "workers write into that store as ingest does.")
    p.add_argument("paths", nargs="+", metavar="INPUT")
    p.add_argument("--dask", required=True, metavar="local|ADDRESS")
    p.add_argument("--out", required=True, metavar="DIR|postgresql://...")
    p.add_argument("--partition-size", type=int, default=500, metavar="N")
    p.add_argument("--batch-size", type=int, default=500, metavar="N",
                   help="with --out postgresql://: articles per transaction (default: 500)")
    p.add_argument("--workers", type=int, default=2, metavar="N",
                   help="with --dask local: worker processes (default: 2)")
    p.add_argument("--progress", action="store_true",
                   help="show partitions done even when stderr is not a terminal")
    p.add_argument("--text-field", default="text")
    p.add_argument("--no-kb", action="store_true")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if importlib.util.find_spec("distributed") is None:
        print("quotegraph: error: dask is not installed: pip install quotegraph[dask]", file=sys.stderr)
        return 2
    from quotegraph.scale import PartitionProgress, run_dask, stderr_is_tty
    progress = PartitionProgress(sys.stderr, args.progress or stderr_is_tty())
    try:
        results = run_dask(args.paths, args.out, args.dask, partition_size=args.partition_size,
                           use_kb=not args.no_kb, text_field=args.text_field,
                           batch_size=args.batch_size, n_workers=args.workers,
                           verbose=getattr(args, "verbose", False), on_progress=progress)
    finally:
        progress.end()
    for r in results:
        for source, message in r.get("failed", ()):
            print(f"quotegraph: cannot extract {source}: {message}", file=sys.stderr)
    failures = sum(r.get("failures", 0) for r in results)
    repeats = sum(r.get("repeats", 0) for r in results)
    if repeats:
        print(f"quotegraph: {repeats} document(s) repeat the text of an earlier one: "
              "records kept, stored and tabled once", file=sys.stderr)
    print(f"quotegraph: {len(results)} partition(s), "
          f"{sum(r['skipped'] for r in results)} skipped, {failures} failure(s)", file=sys.stderr)
    if any("added" in r for r in results):
        print("quotegraph: stored {} added, {} updated, {} unchanged".format(
            *(sum(r.get(k, 0) for r in results) for k in ("added", "updated", "unchanged"))),
            file=sys.stderr)
    return 1 if failures else 0
