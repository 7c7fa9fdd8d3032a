"""Load benchmark for the REST API: req/s and p50/p95/p99 latency per endpoint.

    python benchmarks/api_load.py                      # 100,000 articles, 5,000 requests, 20 clients
    python benchmarks/api_load.py --store /tmp/big.db  # build once there, reuse on later runs
    python benchmarks/api_load.py --requests 20000 --concurrency 40

The store is built once through the project's ingest path (``ingest_documents``, as
``quotegraph ingest`` does) from PolNeAR train texts (``$QUOTEGRAPH_SHARED/polnear`` or
``../shared/polnear`` beside the repository or its parent), each repeated with a unique reference
line, id, date and outlet, and cached (default: a file in the temp directory), because building
100,000 articles takes minutes and the point of this benchmark is the server, not ingest.

The server is the real one: ``python -m quotegraph serve`` as a subprocess on a free loopback
port. The client is one asyncio loop with ``--concurrency`` keep-alive HTTP/1.1 connections on raw
streams (an HTTP library's per-request CPU is taken from the server, on the same cores; the report
gives both CPU times), sending a fixed,
seeded mix of search (common and rare words), filters (speaker, actor, date range, kind), speaker
and actor profiles, timeline and network requests. Any status other than 200 counts as an error.

The server caches responses, so a mix that asks the same few things again measures the cache.
By default search words are drawn from the PolNeAR vocabulary (the 400 commonest words of four
letters or more, function words such as "that" left out, and words seen 2 to 5 times), so most
searches are distinct; ``--fixed-words``
uses the old 7 common and 8 rare words. The report gives the share of requests that repeat an
earlier one (an upper bound on cache hits; the workers share one cache).
Targets on a 2-core machine: >= 500 req/s, p95 < 100 ms, 0 errors.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import quote, urlencode

from shared_paths import polnear_dir

ROOT = Path(__file__).resolve().parents[1]
OUTLETS = ["TASS", "BelTA", "Reuters", "AP", "Xinhua", "Kazinform", "AKIpress", "Trend",
           "RFE/RL", "Interfax", "Anadolu", "AFP"]
START = date(2019, 1, 1)
COMMON = ["said", "president", "minister", "government", "security", "trade", "people"]
RARE = ["drought", "fisheries", "railway", "tariffs", "visas", "pipeline", "referendum",
        "xylophone"]


def polnear_texts() -> list[str]:
    """The PolNeAR train texts: $QUOTEGRAPH_SHARED first, then ``shared`` beside the repo."""
    train = polnear_dir() / "data" / "train" / "text"
    texts = [p.read_text(encoding="utf-8") for p in sorted(train.glob("*.txt"))] if train.is_dir() else []
    if texts:
        return texts
    sys.exit("api_load: no PolNeAR texts; set QUOTEGRAPH_SHARED to the folder holding polnear/")


FUNCTION_WORDS = set("""that with have from they this were been will would what their about
there which when could also into than them only other after more some then these just like
does over most even very much many where while being because should those""".split())


def vocabulary(texts: list[str]) -> tuple[list[str], list[str]]:
    """(common, rare) search words from the texts the store holds."""
    import re
    from collections import Counter

    counts = Counter(w.lower() for t in texts for w in re.findall(r"[A-Za-z]{4,}", t))
    for w in FUNCTION_WORDS:  # nobody searches a news archive for "that"
        counts.pop(w, None)
    common = [w for w, _ in counts.most_common(400)]
    rare = sorted(w for w, n in counts.items() if 2 <= n <= 5)
    return common, rare


def documents(n: int, texts: list[str], seed: int) -> Iterator:
    from quotegraph.model import Document

    rng = random.Random(seed)
    for i in range(n):
        day = START + timedelta(days=rng.randrange(5 * 365))
        yield Document(text=f"{texts[i % len(texts)].rstrip()}\n\n(ref {i:07d})\n",
                       source=f"load:{i}", published=day.isoformat(), outlet=rng.choice(OUTLETS))


def build_store(path: Path, n: int, seed: int) -> None:
    """Ingest n articles into path unless a finished build of that size is already there."""
    from quotegraph.store import open_store
    from quotegraph.store.pipeline import ingest_documents

    done = path.with_suffix(path.suffix + ".built")
    if path.exists() and done.exists() and done.read_text().strip() == str(n):
        print(f"store: reusing {path} ({n:,} articles)", flush=True)
        return
    print(f"store: building {path} with {n:,} articles ...", flush=True)
    t0 = time.perf_counter()
    last = [t0]

    def progress(k: int) -> None:
        if time.perf_counter() - last[0] > 30:
            last[0] = time.perf_counter()
            print(f"  {k:,} articles, {k / (last[0] - t0):,.0f}/s", flush=True)

    store = open_store(str(path))
    try:
        report = ingest_documents(store, documents(n, polnear_texts(), seed),
                                  on_progress=progress)
    finally:
        store.close()
    secs = time.perf_counter() - t0
    print(f"store: built in {secs:,.0f} s ({report.total / secs:,.0f} articles/s, "
          f"{report.added:,} added, {report.failed:,} failed), "
          f"{path.stat().st_size / 1e6:,.0f} MB", flush=True)
    done.write_text(str(n))


def warm(db: Path) -> None:
    """Read the store file once, so the run measures a server whose store is in the OS page
    cache (as after any while in service), not the disk: the first touch of a cold page of a
    2 GB store can take a good part of a second, once, at random in the run."""
    t0 = time.perf_counter()
    size = 0
    for path in (db, db.with_name(db.name + "-wal")):
        if path.exists():
            with open(path, "rb") as f:
                while chunk := f.read(1 << 24):
                    size += len(chunk)
    print(f"store: read {size / 1e6:,.0f} MB into the OS cache in "
          f"{time.perf_counter() - t0:.1f} s", flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int, workers: int | None = None) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep
           + os.environ.get("PYTHONPATH", "")}
    extra = ["--workers", str(workers)] if workers else []
    proc = subprocess.Popen([sys.executable, "-m", "quotegraph", "serve", "--db", str(db),
                             "--host", "127.0.0.1", "--port", str(port), *extra], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"api_load: the server exited: {proc.stderr.read().decode()[-2000:]}")
        try:
            status, _ = get(http.client.HTTPConnection("127.0.0.1", port, timeout=5), "/api/stats")
            if status == 200:
                return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    sys.exit("api_load: the server did not answer within 60 s")


def get(conn: http.client.HTTPConnection, path: str) -> tuple[int, bytes]:
    conn.request("GET", path)
    r = conn.getresponse()
    return r.status, r.read()


def request_mix(port: int, n: int, seed: int, words: tuple[list[str], list[str]] = (COMMON, RARE),
                ) -> list[tuple[str, str]]:
    """n (endpoint name, path) pairs, seeded; speakers and actors are real ids from the store."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    speakers = [s["id"] for s in json.loads(get(conn, "/api/speakers?limit=200")[1])["items"]]
    actors = [a["id"] for a in json.loads(get(conn, "/api/actors?limit=200")[1])["items"]]
    conn.close()
    return mix_of(speakers, actors, n, seed, words)


def mix_of(speakers: list[str], actors: list[str], n: int, seed: int,
           words: tuple[list[str], list[str]] = (COMMON, RARE)) -> list[tuple[str, str]]:
    """The mix itself, from the store's top 200 speaker and actor ids (api_profile.py builds
    the same mix in-process)."""
    common, rare = words
    if not speakers or not actors:
        sys.exit("api_load: the store has no speakers or actors")
    rng = random.Random(seed)

    def span() -> dict:
        d = START + timedelta(days=rng.randrange(5 * 365 - 90))
        return {"since": d.isoformat(), "until": (d + timedelta(days=rng.choice([7, 30, 90])))
                .isoformat()}

    makers = {
        "search common": lambda: ("/api/statements", {"q": rng.choice(common)}),
        "search rare": lambda: ("/api/statements", {"q": rng.choice(rare)}),
        "filter speaker": lambda: ("/api/statements", {"speaker": rng.choice(speakers),
                                                       "kind": rng.choice(["direct", "indirect"])}),
        "filter actor": lambda: ("/api/statements", {"about": rng.choice(actors)}),
        "filter dates": lambda: ("/api/statements", {**span(),
                                                     "q": rng.choice(common + rare)}),
        "speaker profile": lambda: (f"/api/speakers/{quote(rng.choice(speakers), safe='')}", {}),
        "actor profile": lambda: (f"/api/actors/{quote(rng.choice(actors), safe='')}", {}),
        "timeline": lambda: ("/api/timeline", rng.choice([{}, {"by": "actor"}, span(),
                                                          {"key": rng.choice(speakers)}])),
        "network": lambda: ("/api/network", rng.choice([{}, span(), {"about": rng.choice(actors)},
                                                        {"min_weight": 3}])),
    }
    names = list(makers)
    out = []
    for _ in range(n):
        name = rng.choice(names)
        path, params = makers[name]()
        out.append((name, path + ("?" + urlencode(params) if params else "")))
    return out


def percentile(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))] if xs else 0.0


async def _one_connection(port: int, jobs: Iterator[tuple[str, str]], times: dict,
                          errors: dict, hits: Counter) -> None:
    """One keep-alive HTTP/1.1 connection sending the next request of the mix until none is
    left. Raw asyncio streams, not an HTTP library: the client shares the server's cores, so
    every microsecond it spends parsing is taken from the server being measured."""
    import asyncio

    reader = writer = None
    for name, path in jobs:
        t = time.perf_counter()
        problem = None
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 60)
            status = int(head[9:12])
            lower = head.lower()
            if b"transfer-encoding: chunked" in lower:
                body = b""
                while True:
                    size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
                    body += await reader.readexactly(size + 2)
                    if size == 0:
                        break
            else:
                at = lower.index(b"content-length:") + 15
                body = await reader.readexactly(int(lower[at:lower.index(b"\r\n", at)]))
            if status != 200:
                problem = f"{status} {path} {body[:200]!r}"
            if b"x-cache: hit" in lower:
                hits[name] += 1
            if b"connection: close" in lower:
                writer.close()
                writer = None
        except (OSError, ValueError, asyncio.IncompleteReadError, asyncio.TimeoutError) as e:
            problem = f"{type(e).__name__} {path}: {e}"
            if writer is not None:
                writer.close()
            writer = None
        times[name].append((time.perf_counter() - t) * 1000)
        if problem:
            errors[name].append(problem)
    if writer is not None:
        writer.close()


def drive(port: int, mix: list[tuple[str, str]], concurrency: int):
    """Send the mix over `concurrency` keep-alive connections (one asyncio loop); returns the
    wall time, the latencies, errors and cache hits by endpoint, and the client's CPU seconds."""
    import asyncio

    times: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, list[str]] = defaultdict(list)
    hits: Counter = Counter()  # answers the server's response cache gave (X-Cache: hit)
    jobs = iter(mix)  # shared: each connection takes the next request when it is free

    async def run() -> None:
        await asyncio.gather(*(_one_connection(port, jobs, times, errors, hits)
                               for _ in range(concurrency)))

    cpu0, t0 = time.process_time(), time.perf_counter()
    asyncio.run(run())
    return time.perf_counter() - t0, times, errors, hits, time.process_time() - cpu0


def process_cpu(pid: int) -> float:
    """CPU seconds (user + system) of a process and all its descendants (Linux /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    total, todo = 0.0, [pid]
    while todo:
        p = todo.pop()
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
            for task in Path(f"/proc/{p}/task").iterdir():
                kids = (task / "children").read_text().split()
                todo += [int(k) for k in kids]
        except (OSError, ValueError, IndexError):
            continue
    return total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=100_000, help="store size (default 100,000)")
    ap.add_argument("--store", type=Path, help="SQLite file to build once and reuse "
                    "(default: qg-api-load-N.db in the temp directory)")
    ap.add_argument("--requests", type=int, default=5000, help="requests to send (default 5,000)")
    ap.add_argument("--concurrency", type=int, default=20, help="keep-alive connections (default 20)")
    ap.add_argument("--warmup", type=int, default=200, help="requests sent first, not counted")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--workers", type=int, help="server processes (default: serve's own, "
                    "one per core up to 4)")
    ap.add_argument("--fixed-words", action="store_true",
                    help="search only the 7 common and 8 rare words (mostly cache hits)")
    args = ap.parse_args()

    db = args.store or Path(tempfile.gettempdir()) / f"qg-api-load-{args.articles}.db"
    build_store(db, args.articles, args.seed)
    warm(db)
    port = free_port()
    server = start_server(db, port, args.workers)
    try:
        words = (COMMON, RARE) if args.fixed_words else vocabulary(polnear_texts())
        mix = request_mix(port, args.requests + args.warmup, args.seed, words)
        drive(port, mix[:args.warmup], args.concurrency)
        server_cpu0 = process_cpu(server.pid)
        secs, times, errors, hits, client_cpu = drive(port, mix[args.warmup:],
                                                      args.concurrency)
        server_cpu = process_cpu(server.pid) - server_cpu0
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
    seen = {path for _, path in mix[:args.warmup]}
    repeats = 0
    for _, path in mix[args.warmup:]:
        repeats += path in seen
        seen.add(path)
    every = [t for ts in times.values() for t in ts]
    n_err = sum(len(e) for e in errors.values())
    rate = len(every) / secs
    p95 = percentile(every, 95)
    print(f"{len(every):,} requests, concurrency {args.concurrency}, {secs:.1f} s: "
          f"{rate:,.0f} req/s, p50 {percentile(every, 50):.1f} ms, p95 {p95:.1f} ms, "
          f"p99 {percentile(every, 99):.1f} ms, errors {n_err}")
    print(f"  {repeats / max(1, len(mix) - args.warmup):.0%} of the requests repeat an earlier "
          f"one, warm-up included ({'fixed' if args.fixed_words else 'vocabulary'} search words)")
    print(f"  CPU: server {server_cpu:.1f} s ({server_cpu / max(1, len(every)) * 1000:.2f} ms "
          f"a request), load client {client_cpu:.1f} s "
          f"({client_cpu / max(1, len(every)) * 1000:.2f} ms a request), over {secs:.1f} s "
          f"on {os.cpu_count()} cores")
    print(f"  {sum(hits.values()) / max(1, len(every)):.0%} were answered from the server's "
          "response cache (X-Cache: hit; one cache for all workers)")
    print(f"  {'endpoint':<16} {'n':>5} {'p50':>7} {'p95':>7} {'p99':>7} {'max':>7} "
          f"{'cached':>6} errors")
    for name in sorted(times):
        ts = times[name]
        print(f"  {name:<16} {len(ts):>5} {percentile(ts, 50):>7.1f} {percentile(ts, 95):>7.1f} "
              f"{percentile(ts, 99):>7.1f} {max(ts):>7.1f} {hits[name] / len(ts):>6.0%} "
              f"{len(errors[name])}")
    for name, errs in errors.items():
        for e in errs[:3]:
            print(f"  error {name}: {e}")
    ok = rate >= 500 and p95 < 100 and n_err == 0
    print(f"target >= 500 req/s, p95 < 100 ms, 0 errors: {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
