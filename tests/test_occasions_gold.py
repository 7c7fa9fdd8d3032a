"""The occasion gate: the engine on the occasions of real excerpts stays above pinned floors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from quotegraph.evaluate.errors import EvaluationError
from quotegraph.evaluate.occasions import evaluate_occasions, load_occasions_gold
from quotegraph.model import OCCASION_KINDS

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold" / "occasions.yaml"
REAL = HERE / "gold" / "real"
FLOORS = {k: v for k, v in json.loads((HERE / "occasions_floors.json").read_text()).items()
          if not k.startswith("_")}


def test_gold_is_well_formed_and_its_words_are_in_the_excerpts():
    items = load_occasions_gold(GOLD)
    assert len(items) >= 40 and sum(g.kind is not None for g in items) >= 25
    assert sum(g.part == "held-out" for g in items) >= 10
    for g in items:
        text = (REAL / f"{g.file}.txt").read_text(encoding="utf-8")
        assert g.statement in text, (g.file, g.statement)
        if g.kind is not None:
            assert g.kind in OCCASION_KINDS, g
            assert g.text in text, (g.file, g.text)
            assert g.venue is None or g.venue in g.text, g


@pytest.mark.parametrize("part", sorted(FLOORS))
def test_floors(part):
    got = evaluate_occasions(GOLD, REAL, part)
    assert not got.unmatched, got.unmatched
    got = got.to_dict()
    for measure, floors in FLOORS[part].items():
        for name, floor in floors.items():
            assert got[measure][name] >= floor, (part, measure, name, got[measure][name])


def test_a_malformed_gold_names_its_item(tmp_path):
    bad = tmp_path / "o.yaml"
    bad.write_text("items:\n  - file: r001\n    occasion: null\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match="item 1"):
        load_occasions_gold(bad)


def test_benchmark_cli():
    bench = HERE.parent / "benchmarks" / "occasions.py"
    out = subprocess.run([sys.executable, str(bench), "--json"], capture_output=True, text=True,
                         check=True)
    data = json.loads(out.stdout)
    assert set(data) == {"all", "tuning", "held-out"}
    assert data["all"]["items"] == len(load_occasions_gold(GOLD))
    text = subprocess.run([sys.executable, str(bench)], capture_output=True, text=True,
                          check=True).stdout
    assert "occasions, held-out:" in text and "kind " in text
