"""``quotegraph kb ...``: inspect, validate and extend the knowledge base."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("kb", help="inspect, validate and extend the knowledge base",
                       description="Inspect, validate and extend the knowledge base.")
    kb_sub = p.add_subparsers(dest="kb_command", metavar="KB_COMMAND")
    p.set_defaults(func=lambda args: _usage(p))

    show = kb_sub.add_parser(
        "show", help="explain what a name or role phrase resolves to on a date",
        description="Explain what a name, alias, adjective, metonym, id or role phrase "
                    "('the top Russian diplomat') resolves to on a date: actor id, type, name, "
                    "the alias matched, roles held then, members.")
    show.add_argument("name", metavar="NAME")
    show.add_argument("--date", default=None,
                      help="YYYY-MM-DD (default: the knowledge base's as_of date)")
    show.add_argument("--json", action="store_true", help="print JSON instead of text")
    _kb_option(show)
    show.set_defaults(func=run_show)

    validate = kb_sub.add_parser(
        "validate", help="check a user knowledge-base file",
        description="Load the shipped knowledge base plus PATH and report the first problem "
                    "(file, record, field) or what PATH adds and overrides.")
    validate.add_argument("paths", nargs="+", metavar="PATH")
    validate.set_defaults(func=run_validate)

    wd = kb_sub.add_parser(
        "import-wikidata", help="turn Wikidata SPARQL JSON or a JSON dump into people.yaml records",
        description="Read Wikidata SPARQL JSON results or a JSON dump subset (P39 positions "
                    "with P580/P582 dates) from FILE and write people.yaml-format records. "
                    "Nothing is fetched from the network.")
    wd.add_argument("file", metavar="FILE")
    wd.add_argument("-o", "--output", metavar="OUT.yaml", help="write here instead of stdout")
    _kb_option(wd)
    wd.set_defaults(func=run_import_wikidata)


def run_show(args: argparse.Namespace) -> int:
    from quotegraph.kb import load_kb
    from quotegraph.kb.explain import explain, render

    kb = load_kb(extra=args.kb)
    try:
        on = date.fromisoformat(args.date) if args.date else kb.as_of
    except ValueError:
        print(f"quotegraph: error: --date must be YYYY-MM-DD, got {args.date!r}", file=sys.stderr)
        return 1
    results = explain(kb, args.name, on)
    if not results:
        print(f"quotegraph: error: nothing in the knowledge base matches {args.name!r} on {on}",
              file=sys.stderr)
        return 1
    print(json.dumps(results, ensure_ascii=False, indent=2) if args.json else render(results))
    return 0


def run_validate(args: argparse.Namespace) -> int:
    from quotegraph.kb import load_kb
    from quotegraph.kb.loader import read_records

    base = load_kb()
    for path in args.paths:
        kb = load_kb(extra=[path])  # raises KnowledgeBaseError naming file, record and field
        counts: dict[str, int] = {}
        overrides = []
        for _, kind, raw in read_records(Path(path)):
            counts[kind] = counts.get(kind, 0) + 1
            if kind != "meta" and raw.get("id") in base:
                overrides.append(raw["id"])
        summary = ", ".join(f"{n} {k}" for k, n in sorted(counts.items())) or "no records"
        print(f"{path}: ok ({summary}; {len(kb)} records in the merged knowledge base)")
        if overrides:
            print(f"  overrides: {', '.join(overrides)}")
    return 0


def run_import_wikidata(args: argparse.Namespace) -> int:
    from quotegraph.kb import load_kb
    from quotegraph.kb.wikidata import import_file

    result = import_file(args.file, kb=load_kb(extra=args.kb))
    text = result.to_yaml() if result.records else "[]\n"
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    roles = sum(len(r["roles"]) for r in result.records)
    print(f"quotegraph: {len(result.records)} people with {roles} roles"
          + (f" -> {args.output}" if args.output else ""), file=sys.stderr)
    for line in result.skipped:
        print(f"quotegraph: skipped: {line}", file=sys.stderr)
    return 0


def _kb_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--kb", action="append", default=[], metavar="PATH",
                   help="extra knowledge-base file or directory (repeatable)")


def _usage(p: argparse.ArgumentParser) -> int:
    p.print_help(sys.stderr)
    return 2
