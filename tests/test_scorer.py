"""The learned borderline scorer: its weights file, its arithmetic, its switch, its training script.

Texts are written for these tests. The scorer only ever adds statements for reporting cues the
rules left unused, and each one it adds says so (its margin) in the speaker's explanation.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from quotegraph import extract
from quotegraph.attribute import candidates, scorer

REPO = Path(__file__).resolve().parents[1]
# "argued" followed by a circumstance and no "that": the rules leave it, the scorer takes it
BORDERLINE = "Odd Lien argued for years the ferry should stay in public hands."


@pytest.fixture
def switch():
    yield scorer.set_enabled
    scorer.set_enabled(None)


def test_shipped_weights_load_offline_and_are_precision_first():
    m = scorer.load()
    assert m["threshold"] >= 1.0  # accept only confident candidates (see the module docstring)
    assert len(m["weights"]) > 20 and "bias" in m["weights"]
    t = m["training"]
    assert t["accepted_positive"] / t["accepted"] >= 0.9  # on its training data


def test_bad_weight_files_are_named_in_the_error(tmp_path):
    missing = tmp_path / "nope.json"
    with pytest.raises(scorer.ScorerError, match="nope.json: cannot read"):
        scorer.load(missing)
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(scorer.ScorerError, match="broken.json: not JSON"):
        scorer.load(broken)
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({"weights": {"bias": "high"}}), encoding="utf-8")
    with pytest.raises(scorer.ScorerError, match="wrong.json: expected an object"):
        scorer.load(wrong)


def test_margin_is_the_dot_product_minus_the_threshold():
    model = {"weights": {"bias": -1.0, "cue=said": 2.5, "len<=6": 0.5}, "threshold": 1.0}
    assert scorer.margin({"bias": 1.0, "cue=said": 1.0}, model) == pytest.approx(0.5)
    assert scorer.margin({"bias": 1.0, "unknown": 1.0}, model) == pytest.approx(-2.0)
    assert scorer.probability({"bias": 1.0, "cue=said": 1.0}, model) == pytest.approx(1 / (1 + 2.718281828 ** -1.5))


def test_candidates_are_the_unused_cues_with_a_speaker_before_them():
    with candidates.collecting() as bag:
        extract(BORDERLINE, use_kb=False)
    assert len(bag) == 1
    c = bag[0]
    assert BORDERLINE[c.found.cue[0]:c.found.cue[1]] == "argued"
    assert c.found.np.text == "Odd Lien"
    assert c.features["cue=argued"] == 1.0 and c.features["np=name"] == 1.0


def test_a_topic_cue_without_a_clause_is_never_a_candidate():
    with candidates.collecting() as bag:
        extract("Odd Lien spoke of a new era in relations with the islands.", use_kb=False)
    assert bag == []


def test_the_scorer_adds_a_statement_that_explains_itself_and_the_switch_turns_it_off(switch):
    switch(True)
    on = extract(BORDERLINE, use_kb=False).statements
    assert [(s.text, s.rule, s.speaker.name) for s in on] == [
        ("for years the ferry should stay in public hands", "indirect:scored-cue", "Odd Lien")]
    assert any(h.startswith("scorer margin +") for h in on[0].speaker.how)
    switch(False)
    assert list(extract(BORDERLINE, use_kb=False).statements) == []


def test_statements_the_rules_find_are_the_same_with_the_scorer_on_or_off(switch):
    text = ("Odd Lien said the ferry would stay public. \"We will not sell it,\" he added.\n\n"
            "The mayor asked the council to keep the timetable.")
    switch(True)
    on = [(s.text, s.speaker.name if s.speaker else None) for s in extract(text, use_kb=False).statements]
    switch(False)
    off = [(s.text, s.speaker.name if s.speaker else None) for s in extract(text, use_kb=False).statements]
    assert on == off and len(on) == 3


def test_the_environment_variable_switches_it_off(tmp_path):
    code = ("from quotegraph import extract; "
            f"print(len(extract({BORDERLINE!r}, use_kb=False).statements))")
    env_off = {"QUOTEGRAPH_SCORER": "off", "PYTHONPATH": str(REPO / "src")}
    env_on = {"PYTHONPATH": str(REPO / "src")}
    off = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env_off, check=True)
    on = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env_on, check=True)
    assert (off.stdout.strip(), on.stdout.strip()) == ("0", "1")


def _tiny_gold(root: Path) -> Path:
    """Three articles of our own whose cues the rules leave to the scorer, one gold each."""
    gold = root / "gold"
    gold.mkdir()
    texts = [
        ("t1", "Odd Lien argued for years the ferry should stay in public hands.",
         "the ferry should stay in public hands"),
        ("t2", "Mayor Ana Brun argued last spring the bridge was too costly to finish.",
         "the bridge was too costly to finish"),
        ("t3", "Ivo Brant spoke of a new era.\n\nIvo Brant argued for weeks the port must stay open.",
         "the port must stay open"),
    ]
    for name, text, content in texts:
        (gold / f"{name}.txt").write_text(text, encoding="utf-8")
        (gold / f"{name}.yaml").write_text(
            f"id: {name}\nstatements:\n  - kind: indirect\n    content: \"{content}\"\n"
            f"    speaker: null\n    mention: null\n    cue: argued\n", encoding="utf-8")
    return gold


def test_the_training_script_writes_weights_that_load(tmp_path):
    out = tmp_path / "w.json"
    r = subprocess.run([sys.executable, str(REPO / "benchmarks" / "train_scorer.py"),
                        "--polnear", str(tmp_path / "absent"), "--gold", str(_tiny_gold(tmp_path)),
                        "--min-count", "1", "--out", str(out)],
                       capture_output=True, text=True, env={"PYTHONPATH": str(REPO / "src")}, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "PolNeAR train not used" in r.stderr
    m = scorer.load(out)
    t = m["training"]
    assert (t["documents"], t["candidates"], t["positive"]) == (3, 3, 3)
    assert m["weights"]["cue=argued"] > 0  # every example was a statement


@pytest.mark.parametrize("folder", ["real", "real_holdout"])
def test_the_training_script_refuses_the_real_news_sets(tmp_path, folder):
    r = subprocess.run([sys.executable, str(REPO / "benchmarks" / "train_scorer.py"),
                        "--polnear", str(tmp_path / "absent"), "--gold", str(REPO / "tests" / "gold" / folder),
                        "--out", str(tmp_path / "w.json")],
                       capture_output=True, text=True, env={"PYTHONPATH": str(REPO / "src")}, timeout=120)
    assert r.returncode != 0 and "never train on it" in r.stderr
    assert not (tmp_path / "w.json").exists()
