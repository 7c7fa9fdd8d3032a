"""Where the API's time goes: the load mix of api_load.py, timed in-process, per endpoint.

    python benchmarks/api_profile.py --store /tmp/big.db            # 400 distinct requests
    python benchmarks/api_profile.py --store /tmp/big.db --all      # every distinct request

Why in-process: the load benchmark gives end-to-end latency under 20 clients, which mixes the
queries, the framework, queueing and the load client itself (all on the same cores). Here each
distinct request of the same seeded mix runs alone, on an open store, through the same query
functions the routes call: ``search`` (the page and its total) and ``facets`` are timed apart,
and every SQL statement a request runs is timed too. The report gives the median per endpoint,
the 20 slowest requests with their slowest statements, and ``EXPLAIN QUERY PLAN`` of those
statements. ``--app`` also times the whole app (routing, validation, JSON) for the same
requests through an in-process ASGI call without the response cache, to show what the
framework adds on top of the queries.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
import api_load  # noqa: E402  (the mix and the vocabulary, so both benchmarks ask the same)

from quotegraph import query  # noqa: E402
from quotegraph.store import open_store  # noqa: E402


class TimedStore:
    """The store, with every statement it runs timed (sql, params, ms) into ``log``."""

    def __init__(self, store: Any) -> None:
        self._store = store
        self.log: list[tuple[str, tuple, float]] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def _timed(self, fn: Any, sql: str, params: Any) -> Any:
        t = time.perf_counter()
        try:
            return fn(sql, params)
        finally:
            self.log.append((sql, tuple(params), (time.perf_counter() - t) * 1000))

    def rows(self, sql: str, params: Any = ()) -> Any:
        return self._timed(self._store.rows, sql, params)

    def tuples(self, sql: str, params: Any = ()) -> Any:
        return self._timed(self._store.tuples, sql, params)

    def one(self, sql: str, params: Any = ()) -> Any:
        found = self.rows(sql, params)
        return found[0] if found else None

    # fts_page / highlight call self.one / self.rows on the real store: time them whole.
    def fts_page(self, *a: Any, **kw: Any) -> Any:
        t = time.perf_counter()
        try:
            return self._store.fts_page(*a, **kw)
        finally:
            self.log.append((f"fts_page {a} {kw}", (), (time.perf_counter() - t) * 1000))


def statement_filter(params: dict[str, str]) -> query.StatementFilter:
    def day(k: str) -> date | None:
        return date.fromisoformat(params[k]) if k in params else None

    return query.StatementFilter(q=params.get("q"), speaker=params.get("speaker"),
                                 about=params.get("about"), kind=params.get("kind"),
                                 since=day("since"), until=day("until"))


def run(store: Any, path: str) -> dict[str, float]:
    """Run one request's queries; their times (ms) by part."""
    parts = urlsplit(path)
    params = dict(parse_qsl(parts.query))
    out: dict[str, float] = {}

    def timed(name: str, fn: Any) -> None:
        t = time.perf_counter()
        fn()
        out[name] = (time.perf_counter() - t) * 1000

    route = parts.path
    if route == "/api/statements":
        flt = statement_filter(params)
        page: dict[str, Any] = {}
        timed("search", lambda: page.update(query.search_statements(store, flt)))
        # as the route does: the search's exact total goes with the facets
        timed("facets", lambda: query.facets(store, flt, total=page["total"]))
    elif route.startswith("/api/speakers/"):
        timed("profile", lambda: query.get_speaker(store, unquote(route[len("/api/speakers/"):])))
    elif route.startswith("/api/actors/"):
        timed("profile", lambda: query.get_actor(store, unquote(route[len("/api/actors/"):])))
    elif route == "/api/timeline":
        timed("timeline", lambda: query.timeline(store, by=params.get("by", "speaker"),
                                                 key=params.get("key"),
                                                 flt=statement_filter(params)))
    elif route == "/api/network":
        timed("network", lambda: query.network(store, flt=statement_filter(params),
                                               min_weight=int(params.get("min_weight", 1))))
    else:
        raise SystemExit(f"api_profile: no handler for {path}")
    return out


def plan(store: Any, sql: str, params: tuple) -> list[str]:
    if sql.startswith("fts_page"):
        return []
    return [r["detail"] for r in store.rows(f"EXPLAIN QUERY PLAN {sql}", params)]


def app_times(db: Path, paths: list[str]) -> dict[str, float]:
    """Whole-app time per path (ASGI in-process, no response cache, no sockets)."""
    import asyncio

    from quotegraph.api import create_app

    app = create_app(db, cache=False)

    async def call(path: str) -> float:
        parts = urlsplit(path)
        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
                 "method": "GET", "scheme": "http", "path": unquote(parts.path),
                 "raw_path": parts.path.encode(), "query_string": parts.query.encode(),
                 "headers": [(b"host", b"127.0.0.1")], "client": ("127.0.0.1", 1),
                 "server": ("127.0.0.1", 80), "root_path": ""}
        status = []

        async def receive() -> dict:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(msg: dict) -> None:
            if msg["type"] == "http.response.start":
                status.append(msg["status"])

        t = time.perf_counter()
        await app(scope, receive, send)
        ms = (time.perf_counter() - t) * 1000
        if status != [200]:
            raise SystemExit(f"api_profile: {path} answered {status}")
        return ms

    async def all_() -> dict[str, float]:
        return {p: await call(p) for p in paths}

    return asyncio.run(all_())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", type=Path, required=True, help="a store built by api_load.py")
    ap.add_argument("--requests", type=int, default=5200, help="mix size (api_load: 5,000 + 200)")
    ap.add_argument("--sample", type=int, default=400, help="distinct requests to time")
    ap.add_argument("--all", action="store_true", help="time every distinct request")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--fixed-words", action="store_true")
    ap.add_argument("--app", action="store_true", help="also time the whole app per request")
    args = ap.parse_args()

    api_load.warm(args.store)  # as the load benchmark: a hot store, not the disk
    real = open_store(args.store, create=False)
    store = TimedStore(real)
    speakers = [s["id"] for s in query.list_speakers(real, limit=200)["items"]]
    actors = [a["id"] for a in query.list_actors(real, limit=200)["items"]]
    words = ((api_load.COMMON, api_load.RARE) if args.fixed_words
             else api_load.vocabulary(api_load.polnear_texts()))
    mix = api_load.mix_of(speakers, actors, args.requests, args.seed, words)
    distinct: dict[str, str] = {}
    for name, path in mix:
        distinct.setdefault(path, name)
    print(f"{len(mix):,} requests in the mix, {len(distinct):,} distinct "
          f"({1 - len(distinct) / len(mix):.0%} repeats)")
    paths = list(distinct)
    if not args.all and len(paths) > args.sample:
        paths = random.Random(args.seed).sample(paths, args.sample)

    results = []
    for path in paths:
        store.log = []
        parts = run(store, path)
        results.append((sum(parts.values()), distinct[path], path, parts, store.log))

    by_name: dict[str, list[dict[str, float]]] = defaultdict(list)
    for total, name, _, parts, _ in results:
        by_name[name].append({"total": total, **parts})
    print(f"\n{len(results)} distinct requests timed alone (ms, query functions only)")
    print(f"  {'endpoint':<16} {'n':>4} {'median':>8} {'p95':>8} {'max':>8}  parts (median)")
    for name in sorted(by_name):
        xs = by_name[name]
        tot = sorted(x["total"] for x in xs)
        keys = [k for k in xs[0] if k != "total"]
        med = ", ".join(f"{k} {statistics.median(x[k] for x in xs):.1f}" for k in keys)
        print(f"  {name:<16} {len(xs):>4} {statistics.median(tot):>8.1f} "
              f"{tot[int(0.95 * (len(tot) - 1))]:>8.1f} {tot[-1]:>8.1f}  {med}")
    share = defaultdict(float)
    for total, name, *_ in results:
        share[name] += total
    whole = sum(share.values())
    print("  share of all query time: " + ", ".join(
        f"{k} {v / whole:.0%}" for k, v in sorted(share.items(), key=lambda kv: -kv[1])))

    print("\nthe 20 slowest distinct requests")
    for total, name, path, parts, log in sorted(results, key=lambda r: -r[0])[:20]:
        print(f"  {total:8.1f} ms  {name:<16} {path}")
        print("             " + ", ".join(f"{k} {v:.1f}" for k, v in parts.items()))
        for sql, params, ms in sorted(log, key=lambda e: -e[2])[:2]:
            print(f"      {ms:7.1f} ms  {' '.join(sql.split())[:150]}")
            for line in plan(real, sql, params):
                print(f"                  plan: {line}")

    if args.app:
        times = app_times(args.store, [r[2] for r in results])
        print("\nwhole app, same requests (ms): endpoint, median app, median queries, app - queries")
        per: dict[str, list[tuple[float, float]]] = defaultdict(list)
        for total, name, path, *_ in results:
            per[name].append((times[path], total))
        for name in sorted(per):
            a = statistics.median(x[0] for x in per[name])
            q = statistics.median(x[1] for x in per[name])
            print(f"  {name:<16} {a:8.1f} {q:8.1f} {a - q:8.1f}")
    real.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
