"""``quotegraph extract PATH...``: statements from files, directories, corpora or stdin."""

from __future__ import annotations

import argparse
import sys

from quotegraph.cli.inputs import add_input_options, fetcher_from_args, max_bytes_from_args
from quotegraph.read.language import is_english
from quotegraph.output import to_jsonl_bytes, to_table
from quotegraph.read import ReadFailure, iter_documents


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "extract",
        help="print the attributed statements of each document",
        description="Find every attributed statement in each document and print it, one "
                    "document after another in input order. Paths may be text files, "
                    "directories, .jsonl/.csv corpora, .html pages, .rss/.atom feeds, "
                    ".warc/.warc.gz archives, http(s) URLs, or - for stdin.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH")
    p.add_argument("--format", choices=("table", "jsonl"), default="table",
                   help="table (readable, default) or jsonl (one record per document)")
    p.add_argument("--text-field", default="text", help="text column of JSONL/CSV corpora")
    p.add_argument("--no-kb", action="store_true",
                   help="do not resolve speakers and actors against the knowledge base")
    p.add_argument("--kb", action="append", default=[], metavar="PATH",
                   help="extra knowledge-base file (repeatable)")
    add_input_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from quotegraph.pipeline import make_extractor

    extract = make_extractor(use_kb=not args.no_kb, kb_paths=args.kb)
    jsonl = args.format == "jsonl"
    out = sys.stdout.buffer if jsonl else sys.stdout
    if not args.paths and not args.urls:
        print("quotegraph: error: give a PATH or --urls FILE", file=sys.stderr)
        return 2
    failed = 0
    other_language = 0
    items = iter_documents(args.paths, text_field=args.text_field, url_lists=args.urls,
                           fetcher=fetcher_from_args(args), max_bytes=max_bytes_from_args(args))
    for item in items:
        if isinstance(item, ReadFailure):
            failed += 1
            out.flush()
            print(f"quotegraph: error: {item}", file=sys.stderr)
            continue
        try:
            rendered = _render(extract(item), jsonl)
        except Exception as e:  # noqa: BLE001 - one bad document must not cost the batch
            failed += 1
            out.flush()
            print(f"quotegraph: error: {item.source}: cannot extract or print "
                  f"({type(e).__name__}: {e})", file=sys.stderr)
            continue
        other_language += not is_english(item.language)
        out.write(rendered)
    out.flush()
    if other_language:
        print(f"quotegraph: {other_language} document(s) not in English: left without "
              "statements", file=sys.stderr)
    if failed:
        print(f"quotegraph: {failed} input(s) could not be read", file=sys.stderr)
    return 1 if failed else 0


def _render(article, jsonl: bool) -> bytes | str:
    """The article as it is printed, built in full first so that a failure prints nothing
    half-way."""
    return to_jsonl_bytes(article) if jsonl else to_table(article) + "\n"
