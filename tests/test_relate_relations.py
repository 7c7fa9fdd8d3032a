"""Relations of a statement: ``(text, expected)`` tables of triggers, targets and PLOVER types.

Sentences are written for these tests (invented countries Norland and Freeland, and the
collective actors of real diplomatic copy: "the West", "Western capitals", "unfriendly states").
"""

from __future__ import annotations

import re

import pytest

from quotegraph.model import Mention, Span, Statement
from quotegraph.relate.relations import find_relations

ACTORS = {"Norland": ("norland", "country"), "Freeland": ("freeland", "country"),
          "Washington": ("united-states", "country"), "the Coastal Union": ("coastal-union",
                                                                           "organization")}


def mentions(text: str) -> list[Mention]:
    out = []
    for surface, (aid, typ) in ACTORS.items():
        for m in re.finditer(re.escape(surface), text):
            out.append(Mention(m.start(), m.end(), surface, aid, surface, typ))
    return out


def whole(text: str) -> Statement:
    return Statement(kind="indirect", start=0, end=len(text), text=text, speaker=None,
                     cue=None, rule="t")


# text, [(type, plover, target text, target id, collective, affected text)]
CASES = [
    ("the West is seeking to force Russia's allies to give up their neutrality",
     [("accuse", "ACCUSE", "the West", None, True, "Russia's allies")]),
    ("Western capitals are trying to pressure Freeland into new sanctions",
     [("accuse", "ACCUSE", "Western capitals", None, True, "Freeland")]),
    ("he accused Washington of blocking the talks",
     [("accuse", "ACCUSE", "Washington", "united-states", False, None)]),
    ("the ministry condemned Norland for the border incident",
     [("criticise", "ACCUSE", "Norland", "norland", False, None)]),
    ("she criticised unfriendly states for freezing the assets",
     [("criticise", "ACCUSE", "unfriendly states", None, True, None)]),
    ("we urge Freeland to return to the negotiating table",
     [("demand", "REQUEST", "Freeland", "freeland", False, None)]),
    ("the minister called on the Coastal Union to lift the duties",
     [("demand", "REQUEST", "the Coastal Union", "coastal-union", False, None)]),
    ("he warned Norland against any provocation",
     [("threaten", "THREATEN", "Norland", "norland", False, None)]),
    ("we fully support Freeland in its bid for membership",
     [("support", "SUPPORT", "Freeland", "freeland", False, None)]),
    ("the president praised the Coastal Union for its mediation",
     [("praise", "SUPPORT", "the Coastal Union", "coastal-union", False, None)]),
    ("Norland welcomed the decision of the international community",
     [("support", "SUPPORT", "the international community", None, True, None)]),
]
NO_RELATION = [
    "trade with Norland grew by ten percent last year",  # actors, no trigger: a plain STATEMENT
    "we condemn violence in all its forms",               # trigger, no actor
    "Norland and Freeland signed an agreement on fishing",
    "the talks will continue. Freeland was not mentioned",
    "this was not about support for the policy of Freeland",  # a negated trigger
    "we did not condemn Norland for the incident",
    "we won't back Freeland in this",
    "they support the anti-Norland measures",                 # Norland is no party here
]


@pytest.mark.parametrize("text,expected", CASES, ids=[t for t, _ in CASES])
def test_relations(text, expected):
    got = find_relations(text, whole(text), mentions(text))
    assert [(r.type, r.plover, r.target.text, r.target_id, r.collective,
             r.affected.text if r.affected else None) for r in got] == expected
    for r in got:
        for span in (r.trigger, r.target, r.affected):
            if span is not None:
                assert text[span.start:span.end] == span.text


@pytest.mark.parametrize("text", NO_RELATION)
def test_statements_without_relations(text):
    assert find_relations(text, whole(text), mentions(text)) == ()


def test_target_between_cue_and_span_counts():
    text = "Minister Orlin accused Freeland of stalling the river treaty."
    cue = text.index("accused")
    s0 = text.index("stalling")
    st = Statement(kind="indirect", start=s0, end=len(text) - 1, text=text[s0:-1], speaker=None,
                   cue=Span(cue, cue + 7, "accused"), rule="t")
    (r,) = find_relations(text, st, mentions(text))
    assert (r.type, r.target.text, r.trigger.text) == ("accuse", "Freeland", "accused")


def test_target_stays_in_the_clause():
    text = "we condemn the attack; Norland has said nothing"
    assert find_relations(text, whole(text), mentions(text)) == ()


def test_to_dict():
    text = "he accused Washington of blocking the talks"
    (r,) = find_relations(text, whole(text), mentions(text))
    d = r.to_dict()
    assert d["plover"] == "ACCUSE" and d["target"]["text"] == "Washington"
    assert d["affected"] is None


def test_knowledge_base_mentions_and_collective_phrases_combine():
    text = "the West is seeking to force Russia's allies to choose"
    kb = [Mention(0, 8, "the West", "the-west", "the West", "grouping"),
          Mention(29, 35, "Russia", "russia", "Russia", "country")]
    (r,) = find_relations(text, whole(text), kb)
    assert (r.target.text, r.target_id, r.collective) == ("the West", "the-west", True)
    assert r.affected.text == "Russia's allies"  # not Russia itself


def test_extract_fills_relations_in_the_record():
    from quotegraph.extract import extract

    text = ("Talks on the river treaty\n\nNORDHAVEN, March 3, 2023. Foreign Minister Anna Berg "
            "said the West is seeking to force Kazakhstan to give up its neutrality.\n")
    art = extract(text)
    rels = [r for st in art.statements for r in st.relations]
    assert [(r.type, r.target.text, r.affected.text if r.affected else None) for r in rels] == [
        ("accuse", "the West", "Kazakhstan")]
    st = next(s for s in art.statements if s.relations)
    assert Statement.from_dict(st.to_dict()) == st
    assert st.to_dict()["relations"][0]["plover"] == "ACCUSE"
