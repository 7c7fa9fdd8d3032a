"""The numeric-claim gate: the engine on the real-news claim set stays above pinned floors.

Floors live in ``tests/claims_floors.json``; figures come from
``quotegraph.evaluate.claims.evaluate_claims`` (the same as ``python benchmarks/claims.py``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotegraph.evaluate.claims import evaluate_claims, load_claims_gold
from quotegraph.evaluate.errors import EvaluationError

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold" / "claims"
FLOORS = {k: v for k, v in json.loads((HERE / "claims_floors.json").read_text()).items()
          if not k.startswith("_")}
PARTS = {"all": "*.yaml", "held-out": "h*.yaml"}  # as benchmarks/claims.py prints them


@pytest.fixture(scope="module")
def figures():
    return {part: evaluate_claims(GOLD, pattern=PARTS[part]).to_dict() for part in FLOORS}


def test_the_gold_set_is_big_enough_and_resolves():
    excerpts = load_claims_gold(GOLD)
    claims = [c for ex in excerpts for c in ex.claims]
    assert len(claims) >= 150
    assert len([ex for ex in excerpts if ex.id.startswith("h")]) >= 8, "held-out part lost files"
    for ex in excerpts:
        for c in ex.claims:
            assert ex.text[c.start:c.end].strip()
            for span in (c.measure, c.period):
                assert span is None or ex.text[span[0]:span[1]].strip()


@pytest.mark.parametrize("part,section,metric", [
    (p, s, m) for p, sections in FLOORS.items() for s, v in sections.items() for m in v])
def test_claim_figures_stay_above_their_floors(figures, part, section, metric):
    got = figures[part][section][metric]
    floor = FLOORS[part][section][metric]
    assert got >= floor, (f"claims {part} {section} {metric} fell to {got:.3f} (floor {floor}); "
                          f"all figures: {json.dumps(figures[part])}")


def test_a_broken_gold_file_is_a_clear_error(tmp_path):
    (tmp_path / "x.txt").write_text("Trade rose 5% in 2022.", encoding="utf-8")
    (tmp_path / "x.yaml").write_text(
        "id: x\nclaims:\n- {text: 7%, value: 7, unit: percent}\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match=r"x.yaml claim 1: '7%'"):
        load_claims_gold(tmp_path)
    (tmp_path / "x.yaml").write_text(
        "id: x\nclaims:\n- {text: 5%, value: 5, unit: percent, period: in 2021}\n",
        encoding="utf-8")
    with pytest.raises(EvaluationError, match="phrase 'in 2021'"):
        load_claims_gold(tmp_path)


def test_scoring_counts_value_unit_and_phrases():
    from quotegraph.evaluate.claims import ClaimExcerpt, GoldClaim, score_excerpt
    from quotegraph.relate.claims import find_claims

    text = "Exports rose 5% in 2022 and reached $3 billion."
    gold = ClaimExcerpt(id="t", text=text, claims=(
        GoldClaim(13, 15, 5, "percent", None, None, (0, 7), (16, 23)),
        GoldClaim(37, 47, 3e9, "currency", "USD", None, (0, 7), (16, 23)),
        GoldClaim(0, 1, 9, "jobs", None, None, None, None),  # not there: a miss
    ))
    s = score_excerpt(gold, find_claims(text, 0, len(text)))
    assert (s.value_unit.correct, s.value_unit.predicted, s.value_unit.gold) == (2, 2, 3)
    assert s.measure.correct == 2 and s.period.correct == 2
