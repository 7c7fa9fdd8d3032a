"""Options shared by the commands that read inputs (``extract``, ``ingest``): URL lists and
how URLs are fetched."""

from __future__ import annotations

import argparse

from quotegraph.read.fetch import Fetcher, FetchOptions, default_cache_dir

__all__ = ["add_input_options", "fetcher_from_args"]


def add_input_options(p: argparse.ArgumentParser) -> None:
    defaults = FetchOptions()
    p.add_argument("--urls", action="append", default=[], metavar="FILE",
                   help="file of URLs to fetch, one a line (# comments allowed; repeatable)")
    p.add_argument("--fetch-cache", metavar="DIR", default=None,
                   help="where fetched pages are kept so a rerun fetches none of them "
                        "again (a feed is asked again, with its ETag, to see new items) "
                        f"(default: $QUOTEGRAPH_FETCH_CACHE or {default_cache_dir()})")
    p.add_argument("--no-fetch-cache", action="store_true", help="fetch every URL anew")
    p.add_argument("--delay", type=float, default=defaults.delay, metavar="SECONDS",
                   help=f"pause between requests to one host (default: {defaults.delay:g}; "
                        "a longer robots.txt Crawl-delay wins)")
    p.add_argument("--timeout", type=float, default=defaults.timeout, metavar="SECONDS",
                   help=f"per request (default: {defaults.timeout:g})")
    p.add_argument("--retries", type=int, default=defaults.retries,
                   help=f"more attempts after a timeout or a 5xx (default: {defaults.retries})")
    p.add_argument("--backoff", type=float, default=defaults.backoff, metavar="SECONDS",
                   help=f"wait before the first retry, doubled for each next one "
                        f"(default: {defaults.backoff:g})")
    p.add_argument("--max-size", type=float, default=defaults.max_bytes / 2**20, metavar="MB",
                   help=f"largest page or feed fetched (default: {defaults.max_bytes / 2**20:g})")


def fetcher_from_args(args: argparse.Namespace) -> Fetcher:
    cache = None if args.no_fetch_cache else (args.fetch_cache or default_cache_dir())
    return Fetcher(FetchOptions(timeout=args.timeout, delay=args.delay, retries=args.retries,
                                backoff=args.backoff, max_bytes=int(args.max_size * 2**20),
                                cache_dir=cache))
