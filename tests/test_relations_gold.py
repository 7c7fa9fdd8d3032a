"""The relation gate: the engine on the real-news relation set stays above pinned floors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from quotegraph.evaluate.relations import evaluate_relations, load_relations_gold

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold" / "relations"
FLOORS = {k: v for k, v in json.loads((HERE / "relations_floors.json").read_text()).items()
          if not k.startswith("_")}
PARTS = {"all": "*.yaml", "held-out": "h*.yaml"}


def test_gold_offsets_resolve_and_held_out_exists():
    excerpts = load_relations_gold(GOLD)
    assert sum(len(e.relations) for e in excerpts) >= 150
    assert len([e for e in excerpts if e.id.startswith("h")]) >= 10


@pytest.mark.parametrize("part", sorted(FLOORS))
def test_floors(part):
    got = evaluate_relations(GOLD, PARTS[part]).to_dict()
    for measure, floors in FLOORS[part].items():
        for name, floor in floors.items():
            assert got[measure][name] >= floor, (part, measure, name, got[measure][name])


def test_benchmark_cli_json():
    out = subprocess.run([sys.executable, str(HERE.parent / "benchmarks" / "relations.py"),
                          "--json"], capture_output=True, text=True, check=True)
    data = json.loads(out.stdout)
    assert set(data) == {"all", "tuning", "held-out"}
    assert data["all"]["type"]["gold"] == 187


def test_benchmark_cli_errors_limit():
    """`--errors N` lists the first N problems and says how many more there are."""
    script = str(HERE.parent / "benchmarks" / "relations.py")
    full = subprocess.run([sys.executable, script, "--errors"], capture_output=True, text=True,
                          check=True).stdout.splitlines()
    listed = [l for l in full if ": MISSED " in l or ": FALSE " in l or ": got " in l
              or " got " in l]
    assert len(listed) > 5
    short = subprocess.run([sys.executable, script, "--errors", "5"], capture_output=True,
                           text=True, check=True).stdout.splitlines()
    tail = short[-6:]
    assert tail[:5] == listed[:5]
    assert tail[5] == f"... {len(listed) - 5} more (--errors without a number shows all)"
