#!/usr/bin/env python3
"""Machine instructions per extracted article, counted by valgrind: a speed figure that other
jobs on the machine do not move.

    python benchmarks/instructions.py                 # 300 PolNeAR train texts, in-process
    python benchmarks/instructions.py --n 100 --cli   # through `quotegraph extract --format jsonl`

On a shared machine CPU time swings by 10% or more between runs of the same code, so a change
worth 1-2% cannot be seen in articles/s. Valgrind's cachegrind counts the instructions the
interpreter executes, which (with a fixed hash seed) barely move between runs of the same
code and input. Each figure
is one run with N articles minus one run with none (in-process) or one (CLI), so the start-up
(imports, knowledge base, matcher build) is left out. Needs ``valgrind`` (Debian package
``valgrind``); a run takes about 30 s plus 0.2 s per article.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import base_texts  # noqa: E402

# Extracts the first N texts of the JSON list in argv[1] (after one warm-up article, so that
# N = 0 still loads everything the extraction needs).
IN_PROCESS = """
import json, sys
from quotegraph.evaluate import load_engine
texts, n = json.load(open(sys.argv[1])), int(sys.argv[2])
extract = load_engine()
extract(texts[0])
for i in range(n):
    extract(texts[i % len(texts)], source=f"article-{i}")
"""

_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def instruction_refs(valgrind_stderr: str) -> int:
    """The ``I refs`` total from cachegrind's summary on stderr."""
    m = _REFS.search(valgrind_stderr)
    if m is None:
        raise ValueError("no 'I refs' line in valgrind's output:\n" + valgrind_stderr[-2000:])
    return int(m.group(1).replace(",", ""))


def count(argv: list[str]) -> int:
    """Instructions executed by ``python argv...`` (the interpreter itself, not a shim)."""
    cmd = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
           sys.executable, *argv]
    # A fixed hash seed: set and dict orders, and so the work done, are then the same each run.
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    run = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    if run.returncode != 0:
        raise SystemExit(f"instructions: {' '.join(cmd)} failed:\n{run.stderr[-2000:]}")
    return instruction_refs(run.stderr)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--n", type=int, default=300, help="articles to extract (default 300)")
    p.add_argument("--cli", action="store_true", help="count the CLI on a JSONL corpus instead")
    p.add_argument("--source", choices=("auto", "polnear", "gold"), default="auto")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    args = p.parse_args(argv)
    if shutil.which("valgrind") is None:
        raise SystemExit("instructions: valgrind is not installed (apt-get install valgrind)")
    label, texts = base_texts(args.source)
    texts = [texts[i % len(texts)] for i in range(args.n)]
    with tempfile.TemporaryDirectory() as tmp:
        if args.cli:
            def corpus(k: int) -> str:
                path = Path(tmp) / f"{k}.jsonl"
                path.write_text("".join(json.dumps({"id": f"article-{i}", "text": t}) + "\n"
                                        for i, t in enumerate(texts[:k])), encoding="utf-8")
                return str(path)
            base = count(["-m", "quotegraph", "extract", "--format", "jsonl", corpus(1)])
            full = count(["-m", "quotegraph", "extract", "--format", "jsonl", corpus(args.n)])
            per = (full - base) / max(1, args.n - 1)
        else:
            path = Path(tmp) / "texts.json"
            path.write_text(json.dumps(texts), encoding="utf-8")
            base = count(["-c", IN_PROCESS, str(path), "0"])
            full = count(["-c", IN_PROCESS, str(path), str(args.n)])
            per = (full - base) / args.n
    where = "CLI" if args.cli else "in-process"
    if args.json:
        print(json.dumps({"corpus": label, "articles": args.n, "mode": where,
                          "startup_instructions": base, "instructions_per_article": round(per)}))
    else:
        print(f"{label}, {args.n} articles, {where}: {per / 1e6:.2f} M instructions per article "
              f"(start-up run {base / 1e9:.2f} G)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
