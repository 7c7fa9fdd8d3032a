"""A pathological document extracts in bounded time, so it cannot stall a batch.

The shapes are the worst found by hand (``benchmarks/fuzz.py`` covers random ones): one 2 MB
line of quote marks, cue verbs and abbreviations, and 2 MB of one-line quotes with cues.
The bound (60 s for 2 MB, i.e. 30 s per MB on a loaded 2-core machine) is far above the
measured ~2-4 s per MB and far below what a quadratic path would take.
"""

from __future__ import annotations

import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

TOKENS = ['"', "\u201c", "\u201d", "said", "Mr.", "the", "U.S.", ",", ".", "(", ")", "Minister",
          "told", ":", "\u2014", "'", "according", "to", "He", "Anna", "Kovac", "\n", "\n\n"]


def soup(size: int, seed: int) -> str:
    rng = random.Random(seed)
    out, n = [], 0
    while n < size:
        t = rng.choice(TOKENS)
        out.append(t)
        n += len(t) + 1
    return " ".join(out)


@pytest.mark.parametrize("shape", ["soup", "quote lines"])
def test_a_2mb_worst_case_text_extracts_in_bounded_time(tmp_path: Path, shape: str) -> None:
    text = soup(2_000_000, 3) if shape == "soup" else '"We will act," he said.\n' * 85_000
    path = tmp_path / "worst.txt"
    path.write_text(text, encoding="utf-8")
    t0 = time.monotonic()
    r = subprocess.run([sys.executable, "-m", "quotegraph", "extract", "--max-bytes", "0",
                        str(path), "--format", "jsonl"], capture_output=True, text=True,
                       timeout=120)
    secs = time.monotonic() - t0
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stdout.strip(), "no record written"
    assert secs < 60, f"{shape}: 2 MB took {secs:.1f} s"
