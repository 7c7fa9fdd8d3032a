"""Actors the knowledge base must get right in headlines and geography: "West" without "the",
China's Belt and Road Initiative, and features such as the Taiwan Strait that are no actor.

Texts are written for these tests.
"""

from __future__ import annotations

import pytest

from quotegraph import extract
from quotegraph.kb import load_kb
from quotegraph.resolve.actors import find_mentions


@pytest.fixture(scope="module")
def kb():
    return load_kb()


CASES = [
    # "West" in a headline, without "the": the collective West
    ("West presses Kazakhstan to cut trade, says minister", [("West", "the-west"), ("Kazakhstan", "KAZ")]),
    ("Minister: West tries to split the region", [("West", "the-west")]),
    ("Partners were asked to join West’s restrictions.", [("West", "the-west")]),
    # ... but never as part of a longer name, or the direction
    ("Talks on West Africa and with Kanye West.", []),
    ("Rain moved to the west of the country.", []),
    ("The West Bank and the West.", [("The West Bank", "PSE"), ("the West", "the-west")]),
    # China's initiative, under its common names
    ("Beijing praised the Belt and Road Initiative.", [("Beijing", "CHN"), ("Belt and Road Initiative", "BRI")]),
    ("Belt and Road projects and BRI loans grew.", [("Belt and Road", "BRI"), ("BRI", "BRI")]),
    # a strait is not the actor it is named after
    ("Destroyers crossed the Taiwan Strait.", []),
    ("Taiwan protested after ships entered the Taiwan Strait.", [("Taiwan", "TWN")]),
    ("Patrols in the South China Sea worry China.", [("China", "CHN")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_mentions(kb, text, expected):
    assert [(m.text, m.id) for m in find_mentions(text, published="2024-05-01", kb=kb)] == expected


def test_the_bri_is_an_organisation_of_the_kb(kb):
    bri = kb.get("BRI")
    assert bri is not None and bri.type == "organization" and bri.name == "Belt and Road Initiative"


def test_statements_are_about_the_west_not_taiwan():
    text = ("West should stay out of the region, says Chinese ministry\n\n"
            "BEIJING, May 1 (Xinhua) -- Countries outside the region should not send warships "
            "through the Taiwan Strait, a Chinese Foreign Ministry spokesperson said on Wednesday, "
            "adding that the Belt and Road Initiative was open to all.\n")
    a = extract(text, published="2024-05-01")
    ids = {m.id for m in a.mentions}
    assert {"the-west", "BRI"} <= ids
    assert "TWN" not in ids


def test_a_user_file_extends_not_actors_and_bare_names(tmp_path):
    from quotegraph.errors import KnowledgeBaseError

    extra = tmp_path / "mine.yaml"
    extra.write_text("not_actors: [Kazakh Steppe]\nbare_names: {Baltics: the-baltics}\n",
                     encoding="utf-8")
    kb = load_kb(extra=[extra])
    found = [(m.text, m.id) for m in find_mentions(
        "Herders crossed the Kazakh Steppe. Baltics push for more aid; Taiwan Strait calm.",
        published="2024-05-01", kb=kb)]
    assert found == [("Baltics", "the-baltics")]
    bad = tmp_path / "bad.yaml"
    bad.write_text("not_actors: Taiwan Strait\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="not_actors"):
        load_kb(extra=[bad])
