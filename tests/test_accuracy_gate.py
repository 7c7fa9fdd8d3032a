"""The accuracy gate: the engine on the gold set and PolNeAR dev stays at or above pinned floors.

Floors live in ``tests/accuracy_floors.json``; the figures come from ``quotegraph.evaluate``
(the same as ``python benchmarks/accuracy.py --json``). On failure the message prints every
measured figure, so whoever broke it sees by how much.
"""

from __future__ import annotations

import json
from numbers import Real
from pathlib import Path
from typing import Any

import pytest

from quotegraph.evaluate import (
    evaluate_gold,
    evaluate_polnear,
    score_gold,
    score_polnear,
)

HERE = Path(__file__).resolve().parent
FLOORS_FILE = HERE / "accuracy_floors.json"
FLOORS: dict[str, Any] = json.loads(FLOORS_FILE.read_text(encoding="utf-8"))
GOLD = HERE / "gold"
POLNEAR = HERE.parents[1] / "shared" / "polnear"

# What each section of the floors file measures, and the figures an empty score already has
# (to check the floors name real figures without running the engine).
SECTIONS = {
    "real": score_gold([]).to_dict(),
    "real_holdout": score_gold([]).to_dict(),
    "gold": score_gold([]).to_dict(),
    "polnear_dev": score_polnear([]).to_dict(),
}
REAL = GOLD / "real"
HOLDOUT = GOLD / "real_holdout"  # measured only, never tuned on (its README)


@pytest.fixture(scope="module")
def real_figures() -> dict[str, Any]:
    excerpts = list(REAL.glob("*.yaml"))
    assert len(excerpts) >= 50, "the real-news set lost excerpts"
    return evaluate_gold(REAL).to_dict()


@pytest.fixture(scope="module")
def real_holdout_figures() -> dict[str, Any]:
    assert len(list(HOLDOUT.glob("*.yaml"))) >= 30, "the held-out real-news set lost excerpts"
    return evaluate_gold(HOLDOUT).to_dict()


@pytest.fixture(scope="module")
def gold_figures() -> dict[str, Any]:
    assert len(list((GOLD / "articles").glob("*.yaml"))) >= 30, "the gold set lost articles"
    return evaluate_gold(GOLD).to_dict()


@pytest.fixture(scope="module")
def polnear_dev_figures() -> dict[str, Any]:
    if not POLNEAR.is_dir():
        pytest.skip("../shared/polnear is not beside the repository")
    return evaluate_polnear(POLNEAR, "dev").to_dict()


def below_floors(section: str, figures: dict[str, Any]) -> list[str]:
    return [
        f"{section}.{name} = {figures[name]:.4f} < floor {floor}"
        for name, floor in FLOORS[section].items()
        if figures[name] < floor
    ]


def check(section: str, figures: dict[str, Any]) -> None:
    shown = {k: v for k, v in figures.items() if not isinstance(v, dict)}
    print(f"{section}: {json.dumps(shown)}")  # shown by pytest on failure, or with -s
    failed = below_floors(section, figures)
    if failed:
        pytest.fail(
            "accuracy fell below its floor:\n  " + "\n  ".join(failed)
            + f"\nmeasured {section}: {json.dumps(figures, indent=1)}"
            + f"\nfloors: {FLOORS_FILE}",
            pytrace=False,
        )


def test_real_news_set_at_or_above_floors(real_figures):
    check("real", real_figures)


def test_real_news_holdout_set_at_or_above_floors(real_holdout_figures):
    check("real_holdout", real_holdout_figures)


def test_gold_set_at_or_above_floors(gold_figures):
    check("gold", gold_figures)


def test_polnear_dev_at_or_above_floors(polnear_dev_figures):
    check("polnear_dev", polnear_dev_figures)


def test_floors_name_real_figures():
    """A misspelt floor would gate nothing; every floor must be a known figure in [0, 1]."""
    assert isinstance(FLOORS.get("_note"), str)
    assert set(FLOORS) - {"_note"} == set(SECTIONS)
    for section, floors in FLOORS.items():
        if section == "_note":
            continue
        assert floors, f"{section} pins no figure"
        for name, floor in floors.items():
            assert isinstance(SECTIONS[section].get(name), Real), f"{section}.{name} is no figure"
            assert isinstance(floor, Real) and 0.0 <= floor <= 1.0, f"{section}.{name} = {floor}"
    for required in (("real", "f1"), ("real", "speaker_accuracy"), ("real_holdout", "f1"),
                     ("real_holdout", "speaker_accuracy"), ("gold", "f1"), ("gold", "speaker_accuracy"),
                     ("polnear_dev", "f1"), ("polnear_dev", "speaker_overlap")):
        assert required[1] in FLOORS[required[0]]


def test_gate_reports_figures_below_floors():
    figures = {**SECTIONS["gold"], **{name: 1.0 for name in FLOORS["gold"]}, "f1": -1.0}
    assert below_floors("gold", figures) == [f"gold.f1 = -1.0000 < floor {FLOORS['gold']['f1']}"]
    with pytest.raises(pytest.fail.Exception, match=r"gold\.f1 = -1\.0000 < floor[\s\S]*measured"):
        check("gold", figures)
