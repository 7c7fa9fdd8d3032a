"""The learned pronoun/role speaker chooser (``quotegraph.resolve.antecedents``): its weights
file, its candidates and features, its override rule, its explanation, its training script.

Texts are written for these tests. The rules keep their choice unless the scorer beats it by
more than the threshold; the shipped weights keep the rules' choice (their training found no
gold decision to fix), so the overriding cases here load weights of their own.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from quotegraph import extract
from quotegraph.resolve import antecedents
from quotegraph.resolve.antecedents import NEVER, Choice, override

REPO = Path(__file__).resolve().parents[1]
# "Kaarel" says no gender, so the rules give "she" to the nearest person, Tamm, and decide he
# is a woman; the minister, named as a woman, is the scorer's other candidate.
TEXT = ("Foreign Minister Anna Lindqvist arrived in Riga on Monday for talks on the ferry link.\n\n"
        "Kaarel Tamm, who chairs the port board, said the quay was ready for the new ships.\n\n"
        "\u201cWe are ready to sign the agreement this year,\u201d she said.\n")
AGREEMENT = {"weights": {"gender=agree": 2.0, "gender=guessed_agree": -1.0}, "threshold": 0.5}


@pytest.fixture
def scorer():
    yield antecedents
    antecedents.use(None)
    antecedents.set_enabled(None)


def _speakers(text: str) -> list[tuple[str | None, tuple[str, ...]]]:
    return [(s.speaker.name, s.speaker.how) if s.speaker else (None, ())
            for s in extract(text, use_kb=False).statements]


def test_shipped_weights_load_offline_and_let_the_rules_stand_without_gold_evidence(scorer):
    m = antecedents.model()
    assert "bias" in m["weights"] and m["weights"]["rule"] > 0  # the rule's choice counts for itself
    t = m["training"]
    assert t["decisions"] > 100 and t["pretend_decisions"] > 1000
    cv = t["cross_validated"]
    # the training script sets the rules-stand threshold unless cross-validation fixed more
    # gold decisions than it broke
    assert m["threshold"] == NEVER or cv["fixed"] > cv["broken"]


def test_features_are_deterministic_and_describe_each_candidate(scorer):
    runs = []
    for _ in range(2):
        with antecedents.collecting() as bag:
            extract(TEXT, use_kb=False)
        runs.append([(d.np.text, d.rule, [(c.person.name, c.features) for c in d.choices]) for d in bag])
    assert runs[0] == runs[1]
    ((mention, rule, choices),) = runs[0]
    assert mention == "she"
    by_name = dict(choices)
    assert choices[rule][0] == "Kaarel Tamm"
    tamm, anna = by_name["Kaarel Tamm"], by_name["Anna Lindqvist"]
    assert tamm["rule"] == tamm["current"] == tamm["gender=guessed_agree"] == 1.0
    assert anna["gender=agree"] == 1.0 and "rule" not in anna and "current" not in anna
    assert tamm["rank<=0"] == anna["rank<=1"] == 1.0


def test_collecting_changes_nothing(scorer):
    plain = _speakers(TEXT)
    with antecedents.collecting():
        assert _speakers(TEXT) == plain


def test_the_scorer_overrides_the_rule_and_the_record_says_so(scorer):
    assert [n for n, _ in _speakers(TEXT)] == ["Kaarel Tamm", "Kaarel Tamm"]  # the rules
    scorer.use(AGREEMENT)
    (_, (name, how)) = _speakers(TEXT)
    assert name == "Anna Lindqvist"
    assert how[0].startswith("speaker scorer: pronoun 'she' -> 'Anna Lindqvist' (named at 17) "
                             "over the rule's 'Kaarel Tamm', margin +")
    scorer.set_enabled(False)
    assert [n for n, _ in _speakers(TEXT)] == ["Kaarel Tamm", "Kaarel Tamm"]


def test_a_name_the_rules_got_right_is_not_overridden(scorer):
    scorer.use(AGREEMENT)
    text = ("Foreign Minister Anna Lindqvist arrived in Riga on Monday.\n\n"
            "\u201cWe are ready to sign the agreement this year,\u201d she said.\n")
    assert [n for n, _ in _speakers(text)] == ["Anna Lindqvist"]


def test_override_needs_a_lead_beyond_the_threshold():
    model = {"weights": {"rule": 1.0, "agree": 2.0}, "threshold": 0.5}
    rule, other = Choice(None, 0, {"rule": 1.0}), Choice(None, 0, {"agree": 1.0})
    assert override([rule, other], 0, model) == (1, pytest.approx(0.5))
    assert override([rule, other], 0, {**model, "threshold": 1.0}) is None  # a lead of 1 is not more than 1
    assert override([other, rule], 1, {**model, "weights": {"rule": 3.0, "agree": 2.0}}) is None
    assert override([rule, other], -1, model) is None  # the rule chose someone not among them


def test_a_named_speaker_poses_as_a_pronoun_for_training(scorer):
    text = ("Foreign Minister Anna Lindqvist said the ferry link would open in May.\n\n"
            "Kaarel Tamm, who chairs the port board, said the quay was ready.\n\n"
            "Lindqvist said the tickets would cost less than last year.\n")
    with antecedents.collecting() as bag:
        extract(text, use_kb=False)
    (d,) = [d for d in bag if d.masked]
    assert d.np.text == "she" and text[d.np.start:d.np.end] == "Lindqvist"
    assert [c.person.name for c, right in zip(d.choices, d.speakers) if right] == ["Anna Lindqvist"]


def _tiny_gold(root: Path) -> Path:
    gold = root / "gold"
    gold.mkdir()
    (gold / "t1.txt").write_text(TEXT, encoding="utf-8")
    (gold / "t1.yaml").write_text(
        "id: t1\nstatements:\n"
        "  - kind: indirect\n    content: \"the quay was ready for the new ships\"\n"
        "    speaker: Kaarel Tamm\n    mention: Kaarel Tamm\n    cue: said\n"
        "  - kind: direct\n    content: \"We are ready to sign the agreement this year,\"\n"
        "    speaker: Anna Lindqvist\n    mention: she\n    cue: said\n", encoding="utf-8")
    return gold


def test_the_training_script_runs_on_a_small_set_and_writes_weights_that_load(tmp_path):
    out = tmp_path / "s.json"
    r = subprocess.run([sys.executable, str(REPO / "benchmarks" / "train_speaker.py"),
                        "--polnear", str(tmp_path / "absent"), "--gold", str(_tiny_gold(tmp_path)),
                        "--limit", "1", "--min-count", "1", "--out", str(out)],
                       capture_output=True, text=True, env={"PYTHONPATH": str(REPO / "src")}, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "PolNeAR train not used" in r.stderr
    from quotegraph.attribute.scorer import load
    m = load(out)
    t = m["training"]
    assert (t["documents"], t["decisions"], t["rule_right"]) == (1, 1, 0)
    assert m["threshold"] == NEVER  # one decision is no evidence across five folds


def test_the_training_script_refuses_the_held_out_set(tmp_path):
    r = subprocess.run([sys.executable, str(REPO / "benchmarks" / "train_speaker.py"),
                        "--polnear", str(tmp_path / "absent"),
                        "--gold", str(REPO / "tests" / "gold" / "real_holdout"), "--out", str(tmp_path / "s.json")],
                       capture_output=True, text=True, env={"PYTHONPATH": str(REPO / "src")}, timeout=120)
    assert r.returncode != 0 and "never train on it" in r.stderr
    assert not (tmp_path / "s.json").exists()
