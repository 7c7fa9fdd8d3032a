"""Options shared by the commands that read inputs (``extract``, ``ingest``): URL lists, how
URLs are fetched, and the largest document accepted."""

from __future__ import annotations

import argparse

from quotegraph.read.fetch import Fetcher, FetchOptions, default_cache_dir
from quotegraph.read.guard import DEFAULT_MAX_BYTES

__all__ = ["add_input_options", "fetcher_from_args", "max_bytes_from_args"]


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
    p.add_argument("--max-fetch", type=_size, default=defaults.max_bytes, metavar="SIZE",
                   help="largest page or feed fetched; a size as for --max-bytes, 0 for no limit "
                        f"(default: {defaults.max_bytes // 2**20}M)")
    p.add_argument("--max-bytes", type=_size, default=DEFAULT_MAX_BYTES, metavar="SIZE",
                   help="largest document (a file, or a row or record of a corpus or archive) "
                        "to read; bigger ones are reported and skipped. Bytes, or with K, M "
                        f"or G; 0 for no limit (default: {DEFAULT_MAX_BYTES // 2**20}M)")


_UNITS = {"": 1, "K": 2**10, "M": 2**20, "G": 2**30}


def _size(value: str) -> int:
    """``--max-bytes`` as bytes: ``5000000``, ``512K``, ``5M``, ``1G`` (KiB, MiB, GiB)."""
    text = value.strip().upper().removesuffix("B")
    unit = text[-1:] if text[-1:] in ("K", "M", "G") else ""
    number = text[: len(text) - len(unit)]
    try:
        size = float(number) * _UNITS[unit]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (try 5M or 5000000)") from None
    if size < 0:
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (it is negative)")
    return int(size)


def max_bytes_from_args(args: argparse.Namespace) -> int | None:
    """The ``--max-bytes`` limit for ``iter_documents``: None when it is 0 (no limit)."""
    return args.max_bytes or None


def fetcher_from_args(args: argparse.Namespace) -> Fetcher:
    cache = None if args.no_fetch_cache else (args.fetch_cache or default_cache_dir())
    return Fetcher(FetchOptions(timeout=args.timeout, delay=args.delay, retries=args.retries,
                                backoff=args.backoff, max_bytes=args.max_fetch or 2**62,
                                cache_dir=cache))
