"""The cross-outlet gold set: benchmarks/clusters.py pair precision/recall stay above floors
(measured 2026-12-07: precision 1.000, recall 0.800 on 25 gold pairs)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_gold_pairs_precision_and_recall_floors():
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "clusters.py"), "--json"],
                         capture_output=True, text=True, env=env, timeout=300, check=True)
    fig = json.loads(out.stdout)
    assert fig["gold_pairs"] >= 20
    assert fig["precision"] >= 0.95
    assert fig["recall"] >= 0.75
