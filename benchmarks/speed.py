#!/usr/bin/env python3
"""How fast quotegraph extracts, and whether its memory stays flat as the corpus grows.

    python benchmarks/speed.py                       # 4,000 and 12,000 articles, one core
    python benchmarks/speed.py --sizes 1000,3000     # other corpus sizes
    python benchmarks/speed.py --json                # machine-readable

The corpus is real news: PolNeAR train texts from ``../shared/polnear`` repeated (the gold-set
texts repeated when ``../shared`` is absent), written as one JSONL file per size to a temporary
directory. Each size runs ``quotegraph extract CORPUS --format jsonl > /dev/null`` in a fresh
child pinned to one core (``taskset -c 0``); peak RSS is that child's ``ru_maxrss``, read by a
wrapper process of its own so one run's peak never leaks into the next. A one-article run gives
the start-up cost, which is subtracted for the net rate. The in-process figure calls
``quotegraph.extract`` on the same texts in this process (pinned to core 0 too), with no I/O.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from shared_paths import polnear_dir

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "tests" / "gold"
POLNEAR = polnear_dir()

# Runs the command given as JSON in argv[1] with stdout to /dev/null and reports, as JSON,
# its exit status, wall time, CPU time (user + system) and the peak RSS of its process tree
# (KB on Linux). CPU time is the figure to compare when other jobs share the machine.
WRAPPER = """
import json, resource, subprocess, sys, time
cmd, err_path = json.loads(sys.argv[1]), sys.argv[2]
with open(err_path, "wb") as err:
    t = time.perf_counter()
    rc = subprocess.call(cmd, stdout=subprocess.DEVNULL, stderr=err)
    seconds = time.perf_counter() - t
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"rc": rc, "seconds": seconds, "cpu_seconds": usage.ru_utime + usage.ru_stime,
                  "maxrss_kb": usage.ru_maxrss}))
"""


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default="4000,12000",
                   help="comma-separated corpus sizes in articles (default 4000,12000)")
    p.add_argument("--source", choices=("auto", "polnear", "gold"), default="auto",
                   help="texts to repeat: PolNeAR train, the gold set, or PolNeAR when present")
    p.add_argument("--in-process", type=int, default=4000, metavar="N",
                   help="articles for the in-process figure (0 to skip; default 4000)")
    p.add_argument("--no-pin", action="store_true", help="do not pin to one core")
    p.add_argument("--timeout", type=float, default=1800, help="seconds allowed per run")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    return p


def base_texts(source: str) -> tuple[str, list[str]]:
    """The texts to repeat and a label saying where they come from."""
    train = POLNEAR / "data" / "train" / "text"
    if source == "polnear" or (source == "auto" and train.is_dir()):
        paths = sorted(train.glob("*.txt"))
        if not paths:
            raise SystemExit(f"speed: no PolNeAR train texts in {train}")
        return "PolNeAR train", [p.read_bytes().decode("utf-8") for p in paths]
    paths = sorted((GOLD / "articles").glob("*.txt"))
    if not paths:
        raise SystemExit(f"speed: no gold-set texts in {GOLD / 'articles'}")
    return "gold set", [p.read_bytes().decode("utf-8-sig") for p in paths]


def write_corpus(path: Path, texts: list[str], size: int) -> int:
    """Write ``size`` articles (the texts repeated) as JSONL; returns the file's size in bytes."""
    with path.open("w", encoding="utf-8") as f:
        for i in range(size):
            f.write(json.dumps({"text": texts[i % len(texts)]}, ensure_ascii=False) + "\n")
    return path.stat().st_size


def cli_command(corpus: Path, *, pin: bool) -> list[str]:
    exe = Path(sys.executable).with_name("quotegraph")
    base = [str(exe)] if exe.exists() else [sys.executable, "-m", "quotegraph"]
    cmd = [*base, "extract", str(corpus), "--format", "jsonl"]
    if pin and shutil.which("taskset"):
        cmd = ["taskset", "-c", "0", *cmd]
    return cmd


def run_cli(corpus: Path, *, pin: bool, timeout: float) -> dict[str, Any]:
    """One measured run in a fresh wrapper process; adds ``error`` when the run failed."""
    err_path = corpus.with_suffix(".stderr")
    cmd = cli_command(corpus, pin=pin)
    out = subprocess.run([sys.executable, "-c", WRAPPER, json.dumps(cmd), str(err_path)],
                         capture_output=True, text=True, timeout=timeout, check=False)
    if out.returncode != 0:
        return {"error": f"wrapper failed: {out.stderr.strip()[-400:]}"}
    result = json.loads(out.stdout)
    if result["rc"] != 0:
        tail = err_path.read_text(encoding="utf-8", errors="replace").strip()[-400:]
        result["error"] = f"{' '.join(cmd[-4:])} exited {result['rc']}: {tail}"
    return result


def in_process(texts: list[str], n: int, *, pin: bool) -> dict[str, Any]:
    try:
        from quotegraph.evaluate import load_engine

        extract = load_engine()
    except Exception as e:  # the engine may not exist yet; say so instead of failing
        return {"error": str(e)}
    if pin and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {0})
    extract(texts[0])  # load the knowledge base and build its matcher before timing
    chars = statements = 0
    t, cpu = time.perf_counter(), time.process_time()
    for i in range(n):
        text = texts[i % len(texts)]
        statements += len(extract(text, source=f"article-{i}").statements)
        chars += len(text.encode("utf-8"))
    seconds, cpu = time.perf_counter() - t, time.process_time() - cpu
    return {"articles": n, "seconds": seconds, "articles_per_s": n / seconds,
            "cpu_seconds": cpu, "cpu_articles_per_s": n / cpu,
            "mb_per_s": chars / 1e6 / seconds, "statements": statements}


def measure(args: argparse.Namespace) -> dict[str, Any]:
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    label, texts = base_texts(args.source)
    pin = not args.no_pin
    report: dict[str, Any] = {
        "corpus": {"source": label, "distinct_texts": len(texts)},
        "pinned": pin and bool(shutil.which("taskset")),
        "runs": [],
    }
    with tempfile.TemporaryDirectory(prefix="quotegraph-speed-") as tmp:
        one = Path(tmp) / "one.jsonl"
        write_corpus(one, texts, 1)
        startup = run_cli(one, pin=pin, timeout=args.timeout)
        report["startup"] = startup
        for size in sizes:
            corpus = Path(tmp) / f"corpus-{size}.jsonl"
            nbytes = write_corpus(corpus, texts, size)
            run = {"articles": size, "mb": nbytes / 1e6, **run_cli(corpus, pin=pin,
                                                                  timeout=args.timeout)}
            if "error" not in run:
                net = run["seconds"] - startup.get("seconds", 0.0)
                run["articles_per_s"] = size / run["seconds"]
                run["cpu_articles_per_s"] = size / run["cpu_seconds"]
                cpu_net = run["cpu_seconds"] - startup.get("cpu_seconds", 0.0)
                run["cpu_net_articles_per_s"] = size / cpu_net if cpu_net > 0 else None
                run["net_articles_per_s"] = size / net if net > 0 else None
                run["mb_per_s"] = run["mb"] / run["seconds"]
                run["peak_rss_mb"] = run["maxrss_kb"] / 1024
            report["runs"].append(run)
            corpus.unlink()
    if args.in_process:
        report["in_process"] = in_process(texts, args.in_process, pin=pin)
    return report


def text_report(r: dict[str, Any]) -> str:
    pin = "pinned to core 0" if r["pinned"] else "not pinned"
    lines = [f"corpus: {r['corpus']['source']} ({r['corpus']['distinct_texts']} distinct texts,"
             f" repeated); CLI {pin}"]
    s = r["startup"]
    if "error" in s:
        lines.append(f"CLI not measured: {s['error']}")
    else:
        lines.append(f"start-up (one article): {s['seconds']:.2f} s ({s['cpu_seconds']:.2f} CPU s),"
                     f" peak RSS {s['maxrss_kb'] / 1024:.0f} MB")
        lines.append(f"{'articles':>9} {'MB':>7} {'seconds':>8} {'articles/s':>11}"
                     f" {'net art/s':>10} {'MB/s':>7} {'peak RSS MB':>12}")
        for run in r["runs"]:
            if "error" in run:
                lines.append(f"{run['articles']:>9} failed: {run['error']}")
                continue
            net = run["net_articles_per_s"]
            lines.append(f"{run['articles']:>9} {run['mb']:>7.1f} {run['seconds']:>8.2f}"
                         f" {run['articles_per_s']:>11.1f} {net or float('nan'):>10.1f}"
                         f" {run['mb_per_s']:>7.2f} {run['peak_rss_mb']:>12.1f}")
            cpu_net = run["cpu_net_articles_per_s"]
            lines.append(f"{'':>9} CPU: {run['cpu_seconds']:.2f} s = {run['cpu_articles_per_s']:.1f}"
                         f" articles/s, {cpu_net or float('nan'):.1f} net of start-up")
        ok = [run for run in r["runs"] if "error" not in run]
        if len(ok) >= 2:
            small, large = ok[0], ok[-1]
            growth = large["peak_rss_mb"] / small["peak_rss_mb"] - 1
            lines.append(f"peak RSS {small['articles']} -> {large['articles']} articles:"
                         f" {small['peak_rss_mb']:.1f} -> {large['peak_rss_mb']:.1f} MB"
                         f" ({growth:+.1%}) for {large['articles'] / small['articles']:.0f}x"
                         " the articles")
    ip = r.get("in_process")
    if ip is not None:
        if "error" in ip:
            lines.append(f"in-process not measured: {ip['error']}")
        else:
            lines.append(f"in-process quotegraph.extract: {ip['articles']} articles in"
                         f" {ip['seconds']:.2f} s = {ip['articles_per_s']:.1f} articles/s,"
                         f" {ip['mb_per_s']:.2f} MB/s, {ip['statements']} statements;"
                         f" CPU {ip['cpu_seconds']:.2f} s = {ip['cpu_articles_per_s']:.1f} articles/s")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    report = measure(args)
    print(json.dumps(report, indent=2) if args.json else text_report(report))
    measured = [run for run in report["runs"] if "error" not in run]
    return 0 if measured or "error" not in report.get("in_process", {"error": 1}) else 1


if __name__ == "__main__":
    sys.exit(main())
