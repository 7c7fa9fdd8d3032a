"""``quotegraph extract PATH...``: statements from files, directories, corpora or stdin."""

from __future__ import annotations

import argparse
import sys

from quotegraph.output import to_jsonl_bytes, to_table
from quotegraph.read import ReadFailure, iter_documents


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "extract",
        help="print the attributed statements of each document",
        description="Find every attributed statement in each document and print it, one "
                    "document after another in input order. Paths may be text files, "
                    "directories, .jsonl/.csv corpora, or - for stdin.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--format", choices=("table", "jsonl"), default="table",
                   help="table (readable, default) or jsonl (one record per document)")
    p.add_argument("--text-field", default="text", help="text column of JSONL/CSV corpora")
    p.add_argument("--no-kb", action="store_true",
                   help="do not resolve speakers and actors against the knowledge base")
    p.add_argument("--kb", action="append", default=[], metavar="PATH",
                   help="extra knowledge-base file (repeatable)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from quotegraph.pipeline import make_extractor

    extract = make_extractor(use_kb=not args.no_kb, kb_paths=args.kb)
    jsonl = args.format == "jsonl"
    out = sys.stdout.buffer if jsonl else sys.stdout
    failed = 0
    for item in iter_documents(args.paths, text_field=args.text_field):
        if isinstance(item, ReadFailure):
            failed += 1
            out.flush()
            print(f"quotegraph: error: {item}", file=sys.stderr)
            continue
        if jsonl:
            out.write(to_jsonl_bytes(extract(item)))
        else:
            out.write(to_table(extract(item)))
            out.write("\n")
    out.flush()
    if failed:
        print(f"quotegraph: {failed} input(s) could not be read", file=sys.stderr)
    return 1 if failed else 0
