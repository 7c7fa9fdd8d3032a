"""Ingest and search benchmark for the store: articles/s, database size, search p50/p95.

    python benchmarks/ingest.py                   # 100,000 articles, real extraction, SQLite
    python benchmarks/ingest.py --n 10000 --db postgresql://...   # PostgreSQL
    python benchmarks/ingest.py --mode synthetic  # skip extraction: invented records with
                                                  # speakers and actor mentions (store only)

``full`` mode builds N documents from the bundled samples (``src/quotegraph/samples/``) and the
PolNeAR training texts (``../shared/polnear/data/train/text``, skipped when absent), each made
unique with a reference line and given a varied date and outlet, and ingests them through the
same pipeline as ``quotegraph ingest`` (extraction on every core, the parent writing).
``synthetic`` mode writes invented articles that carry statements, speakers and actor mentions,
to measure the store and the "about" queries independently of the extraction engine.

Search latency is measured on the finished store for typical queries (a full-text word, a
speaker, an actor, a date range, a combination), each repeated with varied values.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from quotegraph import query as Q
from quotegraph.model import Article, Document, Mention, Span, Speaker, Statement
from quotegraph.store import open_store
from quotegraph.store.pipeline import ingest_documents

from shared_paths import polnear_dir

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "src" / "quotegraph" / "samples"
POLNEAR = polnear_dir() / "data" / "train" / "text"
OUTLETS = ["TASS", "BelTA", "Reuters", "AP", "Xinhua", "Kazinform", "AKIpress", "Trend",
           "RFE/RL", "Interfax", "Anadolu", "AFP"]
START = date(2019, 1, 1)


def base_texts() -> list[tuple[str, str | None]]:
    """(text, title) pairs to vary: the bundled samples, then PolNeAR when present."""
    out: list[tuple[str, str | None]] = []
    if SAMPLES.is_dir():
        for p in sorted(SAMPLES.glob("*.txt")):
            out.append((p.read_text(encoding="utf-8"), None))
        for p in sorted(SAMPLES.glob("*.jsonl")):
            for line in p.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    row = json.loads(line)
                    out.append((row["text"], row.get("title")))
    if POLNEAR.is_dir():
        out.extend((p.read_text(encoding="utf-8"), None) for p in sorted(POLNEAR.glob("*.txt")))
    if not out:
        sys.exit("no base texts: neither src/quotegraph/samples nor ../shared/polnear found")
    return out


def documents(n: int, bases: list[tuple[str, str | None]], seed: int) -> Iterator[Document]:
    rng = random.Random(seed)
    for i in range(n):
        text, title = bases[i % len(bases)]
        day = START + timedelta(days=rng.randrange(5 * 365))
        yield Document(text=f"{text.rstrip()}\n\n(ref {i:07d})\n", source=f"bench:{i}",
                       title=title, published=day.isoformat(), outlet=rng.choice(OUTLETS))


PEOPLE = [(f"Speaker {chr(65 + i % 26)}{i // 26}", f"sp-{i}") for i in range(2000)]
ACTORS = [(f"Country{i}", f"c-{i}", "country") for i in range(170)] + [
    (f"Bloc{i}", f"o-{i}", "organization") for i in range(30)]


def _zipf(n: int) -> list[float]:
    """Cumulative weights 1/rank: a few speakers and actors dominate, as in the news."""
    acc, out = 0.0, []
    for k in range(1, n + 1):
        acc += 1 / k
        out.append(acc)
    return out


PEOPLE_CUM = _zipf(len(PEOPLE))
ACTORS_CUM = _zipf(len(ACTORS))
WORDS = ("sanctions trade security pipeline tariffs grain summit treaty border energy "
         "currency migration drought elections railway nuclear fisheries visas").split()


def synthetic(n: int, seed: int) -> Iterator[Article]:
    """Invented articles with 6 statements each, Zipf-distributed speakers and actors."""
    rng = random.Random(seed)
    for i in range(n):
        day = (START + timedelta(days=rng.randrange(5 * 365))).isoformat()
        parts: list[str] = [f"Report {i}\n\n"]
        statements, mentions = [], []
        pos = len(parts[0])
        for k in range(6):
            name, sid = rng.choices(PEOPLE, cum_weights=PEOPLE_CUM)[0]
            actor = rng.choices(ACTORS, cum_weights=ACTORS_CUM)[0]
            w = rng.sample(WORDS, 3)
            content = f"{actor[0]} must settle {w[0]} and {w[1]} before the {w[2]} talks"
            sent = f'"{content}," {name} said. '
            c0 = pos + 1
            n0 = c0 + len(content) + 3
            statements.append(Statement(
                kind="direct", start=c0, end=c0 + len(content), text=content,
                speaker=Speaker(name=name, mention=name, start=n0, end=n0 + len(name), id=sid,
                                role="minister" if k % 2 else "spokesperson"),
                cue=Span(n0 + len(name) + 1, n0 + len(name) + 5, "said"), rule="bench"))
            mentions.append(Mention(c0, c0 + len(actor[0]), actor[0], actor[1], actor[0],
                                    actor[2]))
            parts.append(sent)
            pos += len(sent)
        yield Article(text="".join(parts), source=f"synthetic:{i}", title=f"Report {i}",
                      published=day, outlet=rng.choice(OUTLETS), statements=tuple(statements),
                      mentions=tuple(mentions))


def _cpu_seconds() -> float:
    """User + system CPU of this process and its finished children (the pool workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def percentile(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def time_queries(store, reps: int, seed: int) -> dict[str, list[float]]:
    rng = random.Random(seed)
    speakers = [s["id"] for s in Q.list_speakers(store, limit=50)["items"]]
    actors = [a["id"] for a in Q.list_actors(store, limit=50)["items"] if a["statements_about"]]
    words = ["sanctions", "security", "trade", "election", "minister", "economy", "border",
             "president", "summit", "energy", "war", "talks"]
    first = Q.stats(store)["first"] or "2019-01-01"
    base = date.fromisoformat(first)
    cases = {
        "full-text word": lambda: Q.StatementFilter(q=rng.choice(words)),
        "speaker": lambda: Q.StatementFilter(speaker=rng.choice(speakers)) if speakers else None,
        "about": lambda: Q.StatementFilter(about=rng.choice(actors)) if actors else None,
        "date range (1 month)": lambda: Q.StatementFilter(
            since=(d := base + timedelta(days=rng.randrange(1700))),
            until=d + timedelta(days=30)),
        "word + date range": lambda: Q.StatementFilter(
            q=rng.choice(words), since=(d := base + timedelta(days=rng.randrange(1500))),
            until=d + timedelta(days=180)),
        "speaker + kind": lambda: Q.StatementFilter(
            speaker=rng.choice(speakers), kind="direct") if speakers else None,
    }
    out: dict[str, list[float]] = {}
    for name, make in cases.items():
        times = []
        for _ in range(reps):
            flt = make()
            if flt is None:
                break
            t = time.perf_counter()
            Q.search_statements(store, flt, limit=20, offset=rng.choice([0, 0, 0, 20, 100]))
            times.append((time.perf_counter() - t) * 1000)
        if times:
            out[name] = times
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=100_000, help="articles (default 100,000)")
    ap.add_argument("--mode", choices=("full", "synthetic"), default="full")
    ap.add_argument("--db", help="SQLite path or postgresql:// URL (default: a temp file)")
    ap.add_argument("--workers", type=int, default=None, help="default: number of cores")
    ap.add_argument("--batch-size", type=int, default=500)
    ap.add_argument("--reps", type=int, default=40, help="runs per query type")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--keep", action="store_true", help="keep the temp database")
    args = ap.parse_args()

    tmp = None
    db = args.db
    if db is None:
        tmp = tempfile.mkdtemp(prefix="qg-bench-")
        db = os.path.join(tmp, "bench.db")
    store = open_store(db)
    print(f"store: {db}  mode: {args.mode}  articles: {args.n:,}", flush=True)
    t0 = time.perf_counter()
    cpu0 = _cpu_seconds()
    last = [t0]

    def progress(done: int) -> None:
        now = time.perf_counter()
        if now - last[0] > 10:
            last[0] = now
            print(f"  {done:,} articles, {done / (now - t0):,.0f}/s", flush=True)

    if args.mode == "full":
        report = ingest_documents(store, documents(args.n, base_texts(), args.seed),
                                  workers=args.workers, batch_size=args.batch_size,
                                  on_progress=progress)
    else:
        report = store.ingest(synthetic(args.n, args.seed), batch_size=args.batch_size,
                              on_progress=progress)
    secs = time.perf_counter() - t0
    cpu = _cpu_seconds() - cpu0
    st = Q.stats(store)
    print(f"ingest: {report.total:,} articles in {secs:,.1f} s = {report.total / secs:,.0f} "
          f"articles/s ({report.added:,} added, {report.unchanged:,} unchanged, "
          f"{report.failed:,} failed)")
    # On a shared machine wall-clock speed depends on the neighbours; CPU time does not.
    cores = os.cpu_count() or 1
    print(f"cpu: {cpu:,.1f} s in this process and its workers = {cpu / report.total * 1000:.2f} "
          f"ms per article, i.e. {report.total / cpu * cores:,.0f} articles/s on {cores} "
          f"dedicated cores")
    print(f"store: {st['statements']:,} statements, {st['speakers']:,} speakers, "
          f"{st['actors']:,} actors, {st['db_size'] / 1e6:,.0f} MB")
    results = time_queries(store, args.reps, args.seed)
    print(f"search latency over {args.reps} runs each (ms):")
    worst = 0.0
    for name, times in results.items():
        p50, p95 = statistics.median(times), percentile(times, 95)
        worst = max(worst, p95)
        print(f"  {name:<22} p50 {p50:7.1f}   p95 {p95:7.1f}   max {max(times):7.1f}")
    print(f"worst p95: {worst:.1f} ms (target < 50 ms); ingest target >= 200 articles/s")
    store.close()
    if tmp and not args.keep:
        for f in Path(tmp).iterdir():
            f.unlink()
        os.rmdir(tmp)
    elif tmp:
        print(f"kept {db}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
