"""Accuracy gate: actor mentions on the gold set must stay at or above the pinned floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotegraph.kb import load_kb
from quotegraph.kb.gold import load_gold, score
from quotegraph.resolve.actors import find_mentions

GOLD = Path(__file__).resolve().parent / "gold" / "mentions"
FLOORS = json.loads((GOLD / "floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def articles():
    return load_gold(GOLD)


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def _score(articles, kb):
    return score(articles, lambda a: find_mentions(a.text, published=a.published, kb=kb))


def test_gold_set_is_large_enough(articles):
    written = [a for a in articles if a.id.startswith("m")]
    assert len(written) >= 20
    assert sum(len(a.mentions) for a in articles) >= 400
    assert {m.type for a in articles for m in a.mentions} == {
        "person", "country", "organization", "grouping", "institution"}


@pytest.mark.parametrize("subset", ["all", "held_out"])
def test_mention_scores_stay_above_floors(articles, kb, subset):
    chosen = articles if subset == "all" else [a for a in articles if a.id.startswith("x")]
    s = _score(chosen, kb)
    floors = FLOORS[subset]
    report = "\n".join(s.errors[:30])
    assert s.precision >= floors["precision"], report
    assert s.recall >= floors["recall"], report
    assert s.f1 >= floors["f1"], report


def test_person_mentions_stay_above_floors(articles, kb):
    person = _score(articles, kb).to_dict()["by_type"]["person"]
    assert person["precision"] >= FLOORS["person"]["precision"]
    assert person["recall"] >= FLOORS["person"]["recall"]


def test_scorer_counts_a_wrong_id_as_both_errors(articles):
    art = articles[0]
    wrong = [m.__class__(**{**m.to_dict(), "id": "XXX"}) for m in art.mentions[:1]]
    s = score([art], lambda a: wrong)
    assert s.tp == 0 and s.fp == 1 and s.fn == len(art.mentions)
