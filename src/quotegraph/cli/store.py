"""Store commands: ``ingest``, ``search``, ``speakers``, ``show``, ``stats``, ``export``.

Each command parses its options, calls one library function and renders the result; the
database defaults to ``$QUOTEGRAPH_DB`` or ``quotegraph.db`` in the current directory.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from collections.abc import Sequence
from typing import Any, TextIO

from quotegraph import query
from quotegraph.cli.inputs import add_input_options, fetcher_from_args, max_bytes_from_args
from quotegraph.errors import QueryError, QuotegraphError
from quotegraph.store import open_store


def _default_db() -> str:
    return os.environ.get("QUOTEGRAPH_DB") or "quotegraph.db"


def _add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default=_default_db(),
                   help="SQLite file or postgresql:// URL (default: $QUOTEGRAPH_DB or "
                        "quotegraph.db)")


def _add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--speaker", help="speaker id or name")
    p.add_argument("--about", help="actor id or name the statement is about")
    p.add_argument("--outlet", help="outlet name, e.g. TASS")
    p.add_argument("--kind", choices=("direct", "indirect", "mixed"))
    p.add_argument("--since", help="published on or after YYYY-MM-DD")
    p.add_argument("--until", help="published on or before YYYY-MM-DD")
    p.add_argument("--article", help="article id")


def _filter(args: argparse.Namespace, q: str | None = None) -> query.StatementFilter:
    return query.StatementFilter(q=q, speaker=args.speaker, about=args.about,
                                 outlet=args.outlet, kind=args.kind, since=args.since,
                                 until=args.until, article=args.article)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ingest", help="extract statements from files and store them",
                       description="Read files, directories, JSONL/CSV corpora, HTML pages, "
                       "RSS/Atom feeds, WARC archives, http(s) URLs or - (stdin), "
                       "extract statements on every core and store them. Articles already "
                       "stored by the same extractor version are skipped; articles not in "
                       "English are stored without statements.")
    p.add_argument("paths", nargs="*", metavar="PATH")
    _add_db(p)
    p.add_argument("--workers", type=int, default=None,
                   help="extraction processes (default: number of cores)")
    p.add_argument("--batch-size", type=int, default=500,
                   help="articles per transaction (default: 500)")
    p.add_argument("--extractor", metavar="MODULE:FUNCTION",
                   help="use another Document -> Article function instead of the built-in one")
    p.add_argument("--from-parquet", metavar="DIR",
                   help="load the --out DIR of `quotegraph run --dask` instead of reading "
                        "and extracting PATHs (same skipping of stored articles)")
    add_input_options(p)
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("cluster", help="rebuild the cross-outlet statement clusters",
                       description="Recompute from scratch which statements are the same "
                       "statement of the same speaker in different articles (MinHash over "
                       "4-word shingles, estimated Jaccard >= 0.4). Ingest keeps them up to "
                       "date for the speakers it writes; this rebuilds all.")
    _add_db(p)
    p.set_defaults(func=cmd_cluster)

    p = sub.add_parser("search", help="search stored statements")
    p.add_argument("q", nargs="?", default=None, metavar="TEXT",
                   help='words, "a phrase", A OR B, -excluded, prefix*')
    _add_filters(p)
    p.add_argument("--claims", action="store_true",
                   help="list the numeric claims of the matching statements instead")
    p.add_argument("--unit", help="with --claims: percent, currency, jobs, companies, ...")
    p.add_argument("--currency", help="with --claims: ISO code such as USD, RUB")
    p.add_argument("--min", type=float, dest="min_value", help="with --claims: value at least")
    p.add_argument("--max", type=float, dest="max_value", help="with --claims: value at most")
    p.add_argument("--measure", help="with --claims: words of what is measured, e.g. trade")
    p.add_argument("--relations", action="store_true",
                   help="list the relations (who accuses, supports ... whom) instead")
    p.add_argument("--type", dest="rtype",
                   help="with --relations: accuse, criticise, demand, threaten, support, praise")
    p.add_argument("--plover", help="with --relations: ACCUSE, REQUEST, THREATEN, SUPPORT")
    p.add_argument("--target", help='with --relations: actor id or words, e.g. "the West"')
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--format", choices=("table", "jsonl"), default="table")
    _add_db(p)
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("speakers", help="list speakers by number of statements")
    p.add_argument("q", nargs="?", default=None, metavar="NAME", help="part of a name")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--format", choices=("table", "jsonl"), default="table")
    _add_db(p)
    p.set_defaults(func=cmd_speakers)

    p = sub.add_parser("show", help="show one stored article with its statements")
    p.add_argument("article_id", metavar="ARTICLE_ID")
    p.add_argument("--format", choices=("text", "json"), default="text")
    _add_db(p)
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("stats", help="counts and date range of the store")
    p.add_argument("--format", choices=("text", "json"), default="text")
    _add_db(p)
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("export", help="export statements as JSON Lines, CSV or Parquet")
    p.add_argument("--format", choices=("jsonl", "csv", "parquet"), default="jsonl")
    p.add_argument("--table", choices=("statements", "claims", "relations", "articles",
                                       "mentions"),
                   default="statements",
                   help="what to export: one row per statement, numeric claim, relation, "
                        "article or actor mention")
    p.add_argument("-o", "--output", metavar="FILE", help="output file (default: stdout)")
    p.add_argument("q", nargs="?", default=None, metavar="TEXT", help="optional full-text query")
    _add_filters(p)
    _add_db(p)
    p.set_defaults(func=cmd_export)


class Progress:
    """A carriage-return progress line on a terminal; always a summary line at the end."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self.start = time.monotonic()
        self.live = False
        self.done = 0  # inputs handled in committed batches

    def rate(self, n: int) -> float:
        return n / max(time.monotonic() - self.start, 1e-9)

    def __call__(self, n: int) -> None:
        self.done = n
        if self.tty:
            self.stream.write(f"\r{n:,} articles  {self.rate(n):,.0f} articles/s")
            self.stream.flush()
            self.live = True

    def clear(self) -> None:
        if self.live:
            self.stream.write("\r\x1b[K")
            self.live = False

    def failure(self, source: str, message: str) -> None:
        self.clear()
        self.stream.write(f"quotegraph: cannot ingest {source}: {message}\n")
        self.stream.flush()

    def summary(self, report: Any) -> None:
        self.clear()
        secs = time.monotonic() - self.start
        self.stream.write(
            f"ingested {report.total:,} input{'' if report.total == 1 else 's'} in {secs:.1f} s ({self.rate(report.total):,.0f} "
            f"articles/s): {report.added:,} added, {report.updated:,} updated, "
            f"{report.unchanged:,} unchanged, {report.failed:,} failed"
            + (f"; {report.not_english:,} not in English, stored without statements"
               if report.not_english else "") + "\n")
        self.stream.flush()


def cmd_ingest(args: argparse.Namespace) -> int:
    from quotegraph.store.pipeline import ingest_paths, load_extractor  # noqa: PLC0415

    if args.from_parquet:
        return cmd_ingest_parquet(args)
    if not args.paths and not args.urls:
        sys.stderr.write("quotegraph: error: give a PATH, --urls FILE or --from-parquet DIR\n")
        return 2
    extract = load_extractor(args.extractor) if args.extractor else None
    progress = Progress(sys.stderr)
    with open_store(args.db) as store:
        try:
            report = ingest_paths(store, args.paths, url_lists=args.urls,
                                  fetcher=fetcher_from_args(args), workers=args.workers,
                                  batch_size=args.batch_size, on_progress=progress,
                                  on_failure=progress.failure, extract=extract,
                                  max_bytes=max_bytes_from_args(args))
        except (KeyboardInterrupt, QuotegraphError):
            progress.clear()
            sys.stderr.write(f"stopped after {progress.done:,} inputs were stored; the same "
                             "command skips them and continues\n")
            raise
        finally:
            progress.clear()
    progress.summary(report)
    return 1 if report.failed else 0


def cmd_ingest_parquet(args: argparse.Namespace) -> int:
    """``ingest --from-parquet DIR``: the rows ``quotegraph run`` extracted, into the store."""
    from quotegraph.scale_load import load_parquet, part_files  # noqa: PLC0415

    if args.paths or args.urls:
        sys.stderr.write("quotegraph: error: --from-parquet loads a run's output: give no "
                         "PATH or --urls with it\n")
        return 2
    part_files(args.from_parquet, "rows")  # a missing or wrong directory: before opening the db
    progress = Progress(sys.stderr)
    kept: list[tuple[str, str]] = []
    with open_store(args.db) as store:
        try:
            report = load_parquet(store, args.from_parquet, batch_size=args.batch_size,
                                  on_progress=progress, on_failure=progress.failure, kept=kept)
        finally:
            progress.clear()
    if kept:
        versions = ", ".join(sorted({v for _, v in kept}))
        sys.stderr.write(f"quotegraph: kept {len(kept)} stored article(s) of the current "
                         f"extractor version; {args.from_parquet} has them from version "
                         f"{versions}\n")
    progress.summary(report)
    return 1 if report.failed else 0


def _clip(text: Any, width: int) -> str:
    s = "" if text is None else " ".join(str(text).split())
    return s if len(s) <= width else s[:max(width - 1, 0)] + "\u2026"


def render_table(rows: Sequence[dict[str, Any]], columns: Sequence[tuple[str, str, int]],
                 *, out: TextIO, width: int | None = None) -> None:
    """Columns are (key, header, max width); the last column takes what the terminal leaves."""
    width = width or shutil.get_terminal_size((120, 24)).columns
    widths = []
    for key, head, cap in columns[:-1]:
        widths.append(min(cap, max([len(head)] + [len(_clip(r.get(key), cap)) for r in rows])))
    last = max(20, width - sum(widths) - 2 * len(widths))
    widths.append(last)
    # Numbers line up on the right, like in any spreadsheet.
    numeric = [bool(rows) and all(isinstance(r.get(k), int) for r in rows) for k, _, _ in columns]

    def cell(value: Any, w: int, right: bool) -> str:
        text = _clip(value, w)
        return text.rjust(w) if right else text.ljust(w)

    lines = ["  ".join(cell(h, w, right) for (_, h, _), w, right
                       in zip(columns, widths, numeric)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for r in rows:
        lines.append("  ".join(cell(r.get(k), w, right) for (k, _, _), w, right
                               in zip(columns, widths, numeric)).rstrip())
    out.write("\n".join(lines) + "\n")


def cmd_search_claims(args: argparse.Namespace) -> int:
    from quotegraph.output import format_value  # noqa: PLC0415
    from quotegraph.store.claims import ClaimFilter, search_claims  # noqa: PLC0415

    cf = ClaimFilter(unit=args.unit, currency=args.currency, min_value=args.min_value,
                     max_value=args.max_value, measure=args.measure)
    with open_store(args.db, create=False) as store:
        page = search_claims(store, _filter(args, args.q), cf, limit=args.limit,
                             offset=args.offset)
    if _jsonl(args, page):
        return 0
    rows = [{"date": h["published"], "speaker": h["speaker"]["name"] if h["speaker"] else
             "(unnamed)", "claim": h["text"],
             "unit": h["currency"] if h["unit"] == "currency" else h["unit"],
             "value": format_value(h["value"]), "measure": (h["measure"] or {}).get("text"),
             "period": (h["period"] or {}).get("text")} for h in page["items"]]
    render_table(rows, [("date", "date", 10), ("speaker", "speaker", 22), ("claim", "claim", 30),
                        ("value", "value", 18), ("unit", "unit", 10),
                        ("measure", "measure", 28), ("period", "period", 0)], out=sys.stdout)
    _footer(args, page, len(rows), "claims")
    return 0


def _jsonl(args: argparse.Namespace, page: dict[str, Any]) -> bool:
    """With ``--format jsonl``, the page's items one per line (and ``True``)."""
    if args.format != "jsonl":
        return False
    for hit in page["items"]:
        sys.stdout.write(json.dumps(hit, ensure_ascii=False) + "\n")
    return True


def _footer(args: argparse.Namespace, page: dict[str, Any], shown: int, noun: str) -> None:
    span = f"{args.offset + 1}-{args.offset + shown}" if shown else "0"
    sys.stdout.write(f"{span} of {page['total']:,} {noun}\n")


def cmd_search_relations(args: argparse.Namespace) -> int:
    from quotegraph.store.relations import RelationFilter, search_relations  # noqa: PLC0415

    rf = RelationFilter(type=args.rtype, plover=args.plover, target=args.target)
    with open_store(args.db, create=False) as store:
        page = search_relations(store, _filter(args, args.q), rf, limit=args.limit,
                                offset=args.offset)
    if _jsonl(args, page):
        return 0
    rows = [{"date": h["published"], "source": h["source"]["name"] if h["source"] else
             "(unnamed)", "type": f"{h['type']} ({h['plover']})",
             "target": h["target"]["text"] + (" [collective]" if h["collective"] else ""),
             "affected": (h["affected"] or {}).get("text"), "trigger": h["trigger"]["text"]}
            for h in page["items"]]
    render_table(rows, [("date", "date", 10), ("source", "source", 22), ("type", "type", 20),
                        ("target", "target", 30), ("affected", "affected", 24),
                        ("trigger", "trigger", 0)], out=sys.stdout)
    _footer(args, page, len(rows), "relations")
    return 0


_CLAIM_OPTIONS = (("unit", "--unit"), ("currency", "--currency"), ("min_value", "--min"),
                  ("max_value", "--max"), ("measure", "--measure"))
_RELATION_OPTIONS = (("rtype", "--type"), ("plover", "--plover"), ("target", "--target"))


def _check_listing(args: argparse.Namespace) -> None:
    """Claim or relation filters without their listing would silently not apply: refuse."""
    for options, flag, on in ((_CLAIM_OPTIONS, "--claims", args.claims),
                              (_RELATION_OPTIONS, "--relations", args.relations)):
        given = [f for dest, f in options if getattr(args, dest) is not None]
        if given and not on:
            raise QueryError(f"{', '.join(given)} filter {flag[2:]}: add {flag}")
    if args.claims and args.relations:
        raise QueryError("--claims and --relations list different things: choose one")


def cmd_search(args: argparse.Namespace) -> int:
    _check_listing(args)
    if args.claims:
        return cmd_search_claims(args)
    if args.relations:
        return cmd_search_relations(args)
    with open_store(args.db, create=False) as store:
        page = query.search_statements(store, _filter(args, args.q), limit=args.limit,
                                       offset=args.offset)
    if args.format == "jsonl":
        for hit in page["items"]:
            sys.stdout.write(json.dumps(hit, ensure_ascii=False) + "\n")
        return 0
    rows = [{"date": h["article"]["published"] if h["article"] else None,
             "outlet": h["article"]["outlet"] if h["article"] else None,
             "speaker": h["speaker"]["name"] if h["speaker"] else "(unnamed)",
             "kind": h["kind"], "text": h["text"], "id": h["id"]} for h in page["items"]]
    render_table(rows, [("date", "date", 10), ("outlet", "outlet", 12),
                        ("speaker", "speaker", 24), ("kind", "kind", 8), ("text", "statement", 0)],
                 out=sys.stdout)
    for h in page["items"]:
        if h.get("also_reported_by"):
            sys.stdout.write(f"  {h['id']}: {also_reported_line(h['also_reported_by'])}\n")
    shown = f"{args.offset + 1}-{args.offset + len(rows)}" if rows else "0"
    sys.stdout.write(f"{shown} of {page['total']:,} statements\n")
    return 0


def also_reported_line(also: dict[str, Any]) -> str:
    """'also reported by: A, B (first: outlet, date)' for a clustered statement."""
    first = also["first_seen"]
    others = also["statements"] - 1
    outlets = ", ".join(also["outlets"]) or (
        f"{others} other article{'s' if others != 1 else ''} of the same outlet")
    return (f"also reported by: {outlets} (first: {first['outlet'] or '?'}, "
            f"{first['published'] or 'undated'})")


def cmd_cluster(args: argparse.Namespace) -> int:
    from quotegraph.store import clusters  # noqa: PLC0415

    started = time.perf_counter()
    with open_store(args.db, create=False) as store:
        counts = clusters.rebuild(store)
    sys.stdout.write(f"{counts['clusters']:,} clusters of {counts['clustered']:,} statements "
                     f"(of {counts['statements']:,}) in {time.perf_counter() - started:.1f}s\n")
    return 0


def cmd_speakers(args: argparse.Namespace) -> int:
    with open_store(args.db, create=False) as store:
        page = query.list_speakers(store, q=args.q, limit=args.limit, offset=args.offset)
    if args.format == "jsonl":
        for item in page["items"]:
            sys.stdout.write(json.dumps(item, ensure_ascii=False) + "\n")
        return 0
    render_table(page["items"], [("statements", "statements", 10), ("first", "first", 10),
                                 ("last", "last", 10), ("name", "name", 32), ("id", "id", 32),
                                 ("role", "role", 0)], out=sys.stdout)
    sys.stdout.write(f"{len(page['items'])} of {page['total']:,} speakers\n")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with open_store(args.db, create=False) as store:
        art = query.get_article(store, args.article_id)
    if art is None:
        sys.stderr.write(f"quotegraph: no article with id {args.article_id!r}\n")
        return 1
    if args.format == "json":
        sys.stdout.write(json.dumps(art, ensure_ascii=False, indent=2) + "\n")
        return 0
    out = sys.stdout
    out.write(f"{art['title'] or '(untitled)'}\n")
    meta = [art["outlet"], art["published"], art.get("author"), art["source"], art["url"]]
    if art.get("language"):
        meta.append(f"language {art['language']}")
    out.write(" · ".join(m for m in meta if m) + f"\nid {art['id']}\n")
    if art.get("published_how"):
        out.write(f"date from {art['published_how']}\n")
    if art.get("date_conflict"):
        out.write(f"dates disagree: {art['date_conflict']}\n")
    out.write("\n")
    for i, st in enumerate(art["statements"], 1):
        sp = st["speaker"]
        who = f"{sp['name']} (as \"{sp['mention']}\")" if sp else "(unnamed source)"
        cue = f", cue \"{st['cue']}\"" if st["cue"] else ""
        out.write(f"{i:>3}. [{st['kind']}] {who}{cue}, chars {st['start']}-{st['end']}\n")
        out.write(f"     {st['text']}\n")
        if st.get("repeats"):
            out.write(f"     repeats {st['repeats']} (counted once)\n")
        if st["about"]:
            out.write("     about: " + ", ".join(a["name"] for a in st["about"]) + "\n")
    if not art["statements"]:
        out.write("no statements found\n")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    with open_store(args.db, create=False) as store:
        s = query.stats(store)
    if args.format == "json":
        sys.stdout.write(json.dumps(s) + "\n")
        return 0
    for key in ("articles", "statements", "repeats", "speakers", "actors", "mentions", "outlets"):
        sys.stdout.write(f"{key:<11} {s[key]:>12,}\n")
    sys.stdout.write(f"{'dates':<11} {s['first'] or '-'} to {s['last'] or '-'}\n")
    sys.stdout.write(f"{'size':<11} {s['db_size'] / 1e6:>10.1f} MB ({s['backend']})\n")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from quotegraph.export import export_statements  # noqa: PLC0415

    with open_store(args.db, create=False) as store:
        n = export_statements(store, format=args.format, output=args.output,
                              stream=sys.stdout, flt=_filter(args, args.q), table=args.table)
    if args.output:
        sys.stderr.write(f"exported {n:,} {args.table} to {args.output}\n")
    return 0
