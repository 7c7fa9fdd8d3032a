#!/usr/bin/env python3
"""Fuzzing at scale: a million generated texts through ``extract``, no exception, exact offsets.

    python benchmarks/fuzz.py                   # 1,000,000 texts on every core
    python benchmarks/fuzz.py --n 20000         # a quick run
    python benchmarks/fuzz.py --seed 7 --json   # another sample, machine-readable

Texts are built from a seeded generator (the same seed gives the same texts): news-like
sentences and attribution phrases mixed with quotation marks of every script, cue words,
names and titles, datelines, arbitrary unicode (combining marks, right-to-left text, emoji,
lone surrogates are left out since no reader can produce them), control characters, and huge
tokens (a 20,000-character word, a run of 5,000 quotation marks). Each text is extracted with
the knowledge base, and every span of the record is checked against the text: a statement,
cue, speaker mention, source mention, claim, claim measure and period, relation trigger,
target and affected party, actor mention and dateline must each satisfy
``text[start:end] == field``. The figures printed are texts/s, exceptions and offset
violations; the last two must be 0, and the first example of each is printed to reproduce.
The Hypothesis property tests in ``tests/test_extract_property.py`` stay the unit-level guard.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

SENTENCES = [
    "The talks in the capital ended without agreement on the border.",
    "Trade between the two countries rose by about 10% in January-October.",
    "The ministry said the convoy had crossed the river overnight.",
    "Officials described the plan as a step towards a lasting settlement.",
    "More than 10,000 companies with foreign capital now work in the region.",
]
PIECES = [
    "“", "”", "«", "»", "„", "‹", "›", '"', "'", "‘", "’", "「", "」", "''", "``", ",", ".", ":",
    ";", " — ", " – ", "\n", "\n\n", "\t", " said", " says", " told reporters", " according to",
    " added", " warned", " noted", " claimed", " wrote", " stressed that", " who said", " he",
    " she", " they", " the minister", " the top Russian diplomat", " a source", " the Kremlin",
    " Lavrov", " Wang Yi", " Kassym-Jomart Tokayev", " the EAEU", " the CSTO", " the West",
    " Russian Foreign Minister Sergey Lavrov", " the Foreign Ministry spokeswoman", " that",
    " MOSCOW, May 3. /TASS/.", " ASTANA, December 10 (Reuters) -", "date 2023-01-02 ",
    " On Tuesday,", " told a briefing Wednesday", " $22 billion", " 40%", " around 900,000 jobs",
    " QUESTION:", "\nMR MILLER:", "\nQ:", "\nMao Ning:", " (", ")", "[", "]", " ...", "…",
]
ODD = [
    "\x00", "\x07", "\x1b[31m", "\x7f", "\u200b", "\u200d", "\u2028", "\u2029", "\ufeff",
    "\u0301", "\u0627\u0644\u0633\u0644\u0627\u0645", "\u05e9\u05dc\u05d5\u05dd", "\u202e",
    "\U0001f600", "\U0001f1f7\U0001f1fa", "ﬁ", "Ⅻ", "١٢٣", "\r\n", "\r", "\x0c", "\x85",
]


def make_text(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.002:
        return rng.choice(['"' * 5000, "a" * 20000, "“" + "x " * 8000, ("He said. " * 3000)])
    parts: list[str] = []
    for _ in range(rng.randint(1, 60)):
        r = rng.random()
        if r < 0.1:
            parts.append(" " + rng.choice(SENTENCES))
        elif r < 0.75:
            parts.append(rng.choice(PIECES))
        elif r < 0.85:
            parts.append(rng.choice(ODD))
        elif r < 0.97:
            parts.append("".join(chr(rng.choice((rng.randint(32, 0x2FF), rng.randint(0x370, 0xD7FF))))
                                 for _ in range(rng.randint(1, 12))))
        else:
            parts.append(rng.choice("abcxyz\"“") * rng.randint(100, 3000))
    return "".join(parts)


def _spans(d, path: str = ""):
    """Every (path, start, end, text) in a record dict: any mapping with int offsets and text."""
    if isinstance(d, dict):
        if isinstance(d.get("start"), int) and isinstance(d.get("end"), int):
            field = d.get("mention") if path.endswith("speaker") else d.get("text")
            if isinstance(field, str):
                yield path, d["start"], d["end"], field
        for k, v in d.items():
            if k not in ("repeats",):
                yield from _spans(v, f"{path}.{k}")
    elif isinstance(d, list):
        for i, v in enumerate(d):
            yield from _spans(v, f"{path}[{i}]")


def run_chunk(args: tuple[int, int, int]) -> dict:
    from quotegraph import extract

    seed, start, count = args
    rng = random.Random(f"{seed}:{start}")
    out = {"texts": 0, "chars": 0, "statements": 0, "exceptions": 0, "violations": 0,
           "first_exception": None, "first_violation": None}
    for i in range(count):
        text = make_text(rng)
        out["texts"] += 1
        out["chars"] += len(text)
        try:
            record = extract(text).to_dict()
        except Exception:
            out["exceptions"] += 1
            if out["first_exception"] is None:
                out["first_exception"] = {"text": text, "error": traceback.format_exc(limit=4)}
            continue
        out["statements"] += len(record.get("statements", ()))
        for path, s, e, field in _spans(record):
            if not (0 <= s <= e <= len(text)) or text[s:e] != field:
                out["violations"] += 1
                if out["first_violation"] is None:
                    out["first_violation"] = {"text": text, "path": path, "start": s, "end": e,
                                              "field": field}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1_000_000, help="texts to generate (default 1,000,000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args()
    chunk = 2000
    jobs = [(args.seed, s, min(chunk, args.n - s)) for s in range(0, args.n, chunk)]
    total = {"texts": 0, "chars": 0, "statements": 0, "exceptions": 0, "violations": 0,
             "first_exception": None, "first_violation": None}
    t = time.perf_counter()
    with ProcessPoolExecutor(args.workers) as pool:
        for n, part in enumerate(pool.map(run_chunk, jobs), 1):
            for k in ("texts", "chars", "statements", "exceptions", "violations"):
                total[k] += part[k]
            for k in ("first_exception", "first_violation"):
                total[k] = total[k] or part[k]
            if not args.json and n % 50 == 0:
                print(f"  {total['texts']:,} texts, {total['exceptions']} exceptions, "
                      f"{total['violations']} violations", file=sys.stderr)
    dt = time.perf_counter() - t
    total.update(seconds=dt, texts_per_s=total["texts"] / dt, workers=args.workers, seed=args.seed)
    if args.json:
        print(json.dumps(total))
    else:
        print(f"texts {total['texts']:,} ({total['chars'] / 1e6:.0f} M chars, "
              f"{total['statements']:,} statements) in {dt:.0f} s on {args.workers} workers "
              f"= {total['texts_per_s']:,.0f} texts/s")
        print(f"exceptions {total['exceptions']}  offset violations {total['violations']}")
        for k in ("first_exception", "first_violation"):
            if total[k]:
                print(f"{k}: {json.dumps(total[k])[:2000]}")
    sys.exit(1 if total["exceptions"] or total["violations"] else 0)


if __name__ == "__main__":
    main()
