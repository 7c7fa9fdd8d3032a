"""Transcripts and briefings: each labelled turn is a direct statement by its labelled speaker.

Every text here is written for these tests, in the layouts of ministry briefing pages.
"""

from __future__ import annotations

from quotegraph import extract


def _turns(text):
    article = extract(text, use_kb=False)
    out = []
    for s in article.statements:
        assert text[s.start:s.end] == s.text
        who = s.speaker.name if s.speaker else None
        mention = s.speaker.mention if s.speaker else (s.source_mention.text if s.source_mention else None)
        out.append((s.text, who, mention, s.rule))
    return out


STATE_BRIEFING = (
    "Department Press Briefing\n"
    "Daniel Ortega-Smith, Deputy Spokesperson\n"
    "Washington, D.C.\n\n"
    "MR ORTEGA-SMITH: Good afternoon. I have one announcement before your questions.\n\n"
    "The Secretary will host the foreign ministers of the five Central Asian states next week.\n\n"
    "QUESTION: Will the talks cover the rail corridor through Afghanistan?\n\n"
    "MR ORTEGA-SMITH: I expect transport links to be on the agenda, yes.\n\n"
    "Q: And sanctions?\n\n"
    "MR ORTEGA-SMITH: I will not preview every item of a meeting that has not happened.\n"
)


def test_state_department_turns_and_continuation():
    turns = _turns(STATE_BRIEFING)
    assert [(t[0][:30], t[1]) for t in turns] == [
        ("Good afternoon. I have one ann", "Daniel Ortega-Smith"),
        ("The Secretary will host the fo", "Daniel Ortega-Smith"),
        ("Will the talks cover the rail ", None),
        ("I expect transport links to be", "Daniel Ortega-Smith"),
        ("I will not preview every item ", "Daniel Ortega-Smith"),
    ]
    assert turns[1][3] == "direct:transcript-continued"
    assert turns[2][2] == "QUESTION"  # a journalist's turn keeps its label, no speaker


MFA_BRIEFING = (
    "Foreign Ministry Spokesperson Lin Qiao's Regular Press Conference\n\n"
    "Global Times: The new export rules take effect on Monday. What is China's response?\n\n"
    "Lin Qiao: We have stated our position many times. The rules harm supply chains.\n\n"
    "Kyodo News: Is a meeting of the two leaders being planned?\n\n"
    "Lin Qiao: I have no information to release at the moment.\n"
)


def test_foreign_ministry_turns_with_outlet_labels():
    turns = _turns(MFA_BRIEFING)
    assert [(t[1], t[2]) for t in turns] == [
        (None, "Global Times"), ("Lin Qiao", "Lin Qiao"), (None, "Kyodo News"), ("Lin Qiao", "Lin Qiao"),
    ]
    assert turns[1][0] == "We have stated our position many times. The rules harm supply chains."


def test_one_label_is_not_a_transcript():
    text = ("Note: the figures below are provisional.\n\n"
            "Trade between the two countries grew last year, officials said.\n")
    assert all(t[3] != "direct:transcript-turn" for t in _turns(text))


def test_page_furniture_labels_are_not_speakers():
    text = ("Photo: a delegation arrives in Astana for the talks.\n\n"
            "Source: the ministry's website and its press office.\n\n"
            "Read more: other stories from the summit in Astana.\n")
    assert _turns(text) == []


def test_answer_label_is_the_person_the_header_names():
    text = ("Comment of the MFA Spokesperson Lusine Harutyunyan on the statement of the day\n"
            "Question: How do you assess yesterday's remarks on the border talks?\n"
            "Answer: We regard them as unhelpful. The talks continue on the agreed basis.\n")
    turns = _turns(text)
    assert [(t[1], t[2]) for t in turns] == [(None, "Question"), ("Lusine Harutyunyan", "Answer")]


def test_outlet_labels_that_ask_are_questions_not_speakers():
    text = (
        "Foreign Ministry Spokesperson Lin Hao's Regular Press Conference\n\n"
        "Lin Hao: Good afternoon. Let me start with a visit announcement for next week.\n\n"
        "The Herald: A senator said yesterday that the tariffs would stay. What is your comment?\n\n"
        "Lin Hao: Our position on tariffs is consistent and clear, and it has not changed.\n\n"
        "Civicnet: Will the minister attend the summit in person?\n\n"
        "Lin Hao: I have no information to release on that at the moment.\n"
    )
    turns = [(t[0][:20], t[1]) for t in _turns(text) if t[3].startswith("direct:transcript")]
    assert turns == [
        ("Good afternoon. Let ", "Lin Hao"),
        ("A senator said yeste", None),
        ("Our position on tari", "Lin Hao"),
        ("Will the minister at", None),
        ("I have no informatio", "Lin Hao"),
    ]
