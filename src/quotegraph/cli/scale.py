"""``quotegraph run --dask local|ADDRESS INPUT... --out DIR``: extraction on a Dask cluster."""

from __future__ import annotations

import argparse
import importlib.util
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("run", help="extract on a Dask cluster into Parquet files",
                       description="Extract every input on a Dask cluster (local or an address) "
                                   "and write OUT/records and OUT/failures as Parquet; rerunning "
                                   "skips finished partitions.")
    p.add_argument("paths", nargs="+", metavar="INPUT")
    p.add_argument("--dask", required=True, metavar="local|ADDRESS")
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument("--partition-size", type=int, default=500, metavar="N")
    p.add_argument("--text-field", default="text")
    p.add_argument("--no-kb", action="store_true")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if importlib.util.find_spec("distributed") is None:
        print("quotegraph: error: dask is not installed: pip install quotegraph[dask]", file=sys.stderr)
        return 2
    from quotegraph.scale import run_dask
    results = run_dask(args.paths, args.out, args.dask, partition_size=args.partition_size,
                       use_kb=not args.no_kb, text_field=args.text_field)
    failures = sum(r.get("failures", 0) for r in results)
    print(f"quotegraph: {len(results)} partition(s), "
          f"{sum(r['skipped'] for r in results)} skipped, {failures} failure(s)", file=sys.stderr)
    return 1 if failures else 0
