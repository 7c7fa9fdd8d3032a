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
    ("Norland and the Coastal Union support Freeland in the dispute",  # a verb after a subject
     [("support", "SUPPORT", "Freeland", "freeland", False, None)]),
    ("we fully support Freeland in its bid for membership",
     [("support", "SUPPORT", "Freeland", "freeland", False, None)]),
    ("the president praised the Coastal Union for its mediation",
     [("praise", "SUPPORT", "the Coastal Union", "coastal-union", False, None)]),
    ("Norland welcomed the decision of the international community",
     [("support", "SUPPORT", "the international community", None, True, None)]),
    # "called for", "asked X to", "requested that X": demands with the addressee as object
    ("the ministry called for Norland to pull its troops back from the river",
     [("demand", "REQUEST", "Norland", "norland", False, None)]),
    ("the envoy asked Freeland to explain the seizure of the trawler",
     [("demand", "REQUEST", "Freeland", "freeland", False, None)]),
    ("she requested that the Coastal Union reopen the harbour",
     [("demand", "REQUEST", "the Coastal Union", "coastal-union", False, None)]),
    # "called on X and Y to ...": one demand per addressee
    ("the mediator called on Norland and Freeland to return to the talks",
     [("demand", "REQUEST", "Norland", "norland", False, None),
      ("demand", "REQUEST", "Freeland", "freeland", False, None)]),
    # generic addressees of diplomatic copy are collective targets
    ("the ministry urged all sides to show restraint",
     [("demand", "REQUEST", "all sides", None, True, None)]),
    ("the secretary called on the member states to share border data",
     [("demand", "REQUEST", "the member states", None, True, None)]),
    # "made threats against X" is a threat issued; "the threat of" names none
    ("the admiral made threats against Freeland during the parade",
     [("threaten", "THREATEN", "Freeland", "freeland", False, None)]),
    ("Norland and its coast guard must leave the disputed shoals",
     [("demand", "REQUEST", "Norland", "norland", False, None)]),
    # "X must ...": the subject is pressed, also with an aside before "must"
    ("Norland must withdraw its vessels from our waters",
     [("demand", "REQUEST", "Norland", "norland", False, None)]),
    ("Freeland, in turn, must respect the fishing quotas",
     [("demand", "REQUEST", "Freeland", "freeland", False, None)]),
    # more criticism verbs, and stance nouns voiced by the speaker
    ("the spokesman lambasted Norland over the new tariffs",
     [("criticise", "ACCUSE", "Norland", "norland", False, None)]),
    ("the minister complained about Freeland closing the port",
     [("criticise", "ACCUSE", "Freeland", "freeland", False, None)]),
    ("the ministry expressed firm opposition to the tariffs imposed by Norland",
     [("criticise", "ACCUSE", "Norland", "norland", False, None)]),
    ("the president voiced his support for Freeland in the dispute",
     [("support", "SUPPORT", "Freeland", "freeland", False, None)]),
    ("we thank Freeland for its help after the floods",
     [("praise", "SUPPORT", "Freeland", "freeland", False, None)]),
    # criticism by an evaluative word aimed at an actor, once per actor and clause
    ("we regard the statements from Freeland on the dam as irresponsible and absurd",
     [("criticise", "ACCUSE", "Freeland", "freeland", False, None)]),
    ("the unjust Norland blockade must end",
     [("criticise", "ACCUSE", "Norland", "norland", False, None)]),
    ("Freeland's reckless manoeuvres put the fleet at risk",
     [("criticise", "ACCUSE", "Freeland", "freeland", False, None)]),
    ("the hostile rhetoric coming from Norland worries the region",
     [("criticise", "ACCUSE", "Norland", "norland", False, None)]),
    # blame with no accusing verb
    ("all responsibility for the escalation will be borne by Norland",
     [("accuse", "ACCUSE", "Norland", "norland", False, None)]),
    ("the clashes followed provocations by Freeland at the checkpoint",
     [("accuse", "ACCUSE", "Freeland", "freeland", False, None)]),
    # "countries threatened by X": X is accused, not threatened by the speaker
    ("help must reach the villages threatened by Norland",
     [("accuse", "ACCUSE", "Norland", "norland", False, None)]),
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
    "he warned about the situation in Norland",                # "warn about": no threat to Norland
    "the minister warned, in a long speech, of floods in Freeland",
    "we believe that accusing Freeland will not help anyone",  # a gerund subject is a topic
    "threatening remarks from Norland officials are irresponsible",  # whose threat? not ours
    "this amounts to a direct support for breaking the laws of Norland",  # "support" as a noun
    "the request by Freeland for a closed session was unusual",
    "the military aid to Freeland should be stepped up",       # Freeland is not the subject
    "the ships are able to threaten not only Norland but the whole coast",  # a capacity
    "the threat of sanctions against Norland is growing",       # a noun: nobody threatens here
    "it is not unacceptable for Freeland to ask for time",      # a negated evaluation
    "nobody is asking Freeland to close its embassy",           # negated by its subject
    "what action does Norland call for from Freeland?",         # a question states no demand
    "she called for closer coordination with Norland and Freeland",  # topics, not addressees
    "the delegation will fly back from Norland on Friday",      # "back" is no support here
    "the banks cut back on transfers to Freeland",
    "illegal fishing in the waters near Norland has fallen",    # no framing, no actor next to it
    "the condemned attack on Norland shocked the region",      # an adjective, not a verb
    "he criticised the tone of relations with Norland",        # a topic, not a target
    "they condemned the shelling even as reports said Freeland had withdrawn",
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


def test_act_before_a_participle_cue_belongs_to_the_statement():
    text = "Norland's government has blamed Freeland, saying the trawler was seized illegally."
    cue = text.index("saying")
    s0 = text.index("the trawler")
    st = Statement(kind="indirect", start=s0, end=len(text) - 1, text=text[s0:-1], speaker=None,
                   cue=Span(cue, cue + 6, "saying"), rule="t")
    (r,) = find_relations(text, st, mentions(text))
    assert (r.type, r.target.text, r.trigger.text) == ("accuse", "Freeland", "blamed")


def test_an_office_holder_named_after_a_nationality_is_the_target():
    text = "the ministry condemned Norland Fisheries Minister Anna Berg's remarks on the quotas"
    (r,) = find_relations(text, whole(text), mentions(text))
    assert (r.type, r.target.text, r.target_id) == ("criticise", "Anna Berg", None)


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


def test_the_relate_stage_gives_find_relations_the_mentions_before_a_participle_cue():
    """relate() hands each statement only the mentions near it (long texts stay linear); for a
    participle cue that window starts at the sentence, where find_relations reads from."""
    from quotegraph.relate import relate

    text = "Norland's government has blamed Freeland, saying the trawler was seized illegally."
    cue = text.index("saying")
    s0 = text.index("the trawler")
    st = Statement(kind="indirect", start=s0, end=len(text) - 1, text=text[s0:-1], speaker=None,
                   cue=Span(cue, cue + 6, "saying"), rule="t")
    (out,) = relate(text, [st], mentions(text))
    assert [(r.type, r.target.text) for r in out.relations] == [("accuse", "Freeland")]
