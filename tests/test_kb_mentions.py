"""Actor mentions: (text, expected) cases for each rule of quotegraph.resolve.actors."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotegraph.resolve.actors import find_mentions
from kb_fixtures import kb, private_kb_cache  # noqa: F401 (fixtures)


def found(kb, text, published="2023-06-01", **kw):
    return [(m.text, m.id) for m in find_mentions(text, published=published, kb=kb, **kw)]


CASES = [
    # longest match wins; an adjective alone is its country
    ("The Russian Foreign Ministry said so.", [("Russian Foreign Ministry", "russian-foreign-ministry")]),
    ("The Eurasian Economic Union grew.", [("Eurasian Economic Union", "EAEU")]),
    ("Eurasian integration and Russian gas.", [("Russian", "RUS")]),
    ("the US State Department", [("US State Department", "us-state-department")]),
    # titles before names: a country for the adjective, a person for the name
    ("Russian Foreign Minister Sergey Lavrov spoke.", [("Russian", "RUS"), ("Sergey Lavrov", "sergey-lavrov")]),
    # acronyms, Title-case acronyms, Cyrillic acronyms, OPEC+ before OPEC
    ("Nato, NATO, Opec, OPEC+ and ЕАЭС.", [("Nato", "NATO"), ("NATO", "NATO"), ("Opec", "OPEC"),
                                         ("OPEC+", "OPEC-PLUS"), ("ЕАЭС", "EAEU")]),
    ("Us and them, un and eu.", []),
    # groupings keep "the" only where the bare word is no name
    ("The West and the collective West; the Baltics and Baltic states.",
     [("The West", "the-west"), ("the collective West", "the-west"), ("the Baltics", "the-baltics"),
      ("Baltic states", "the-baltics")]),
    ("Western sanctions hit the post-Soviet space.", [("Western", "the-west"), ("post-Soviet space", "post-soviet-space")]),
    ("Western Sahara and the West Bank.", [("Western Sahara", "ESH"), ("the West Bank", "PSE")]),
    ("Fires on the West Coast.", []),
    # metonyms: Brussels is the EU; institutions beat metonyms
    ("Brussels and Washington agreed; the Kremlin and the White House did not.",
     [("Brussels", "EU"), ("Washington", "USA"), ("Kremlin", "kremlin"), ("White House", "the-white-house")]),
    # ambiguous forms name nobody
    ("Congo and the Dominican delegation.", []),
    ("DR Congo and the Republic of the Congo.", [("DR Congo", "COD"), ("Republic of the Congo", "COG")]),
    # datelines in capitals are places; possessives keep the name only
    ("MOSCOW, May 5. /TASS/. Russia's envoy spoke.", [("Russia", "RUS")]),
    ("Kazakhstan’s envoy", [("Kazakhstan", "KAZ")]),
    # hyphenated pairs and prefixes
    ("Russian-Chinese and anti-Western moods", [("Russian", "RUS"), ("Chinese", "CHN"), ("Western", "the-west")]),
    # a language is no state
    ("The text, published in Russian, was read in Kazakh.", []),
    ("He spoke in Russian as usual.", []),
    ("in Russian territory", [("Russian", "RUS")]),
    # months and common words are not surnames
    ("In May, the talks resumed.", []),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_cases(kb, text, expected):
    assert found(kb, text) == expected


def test_offsets_slice_the_text(kb):
    text = "Zakharova said the Kremlin and Astana agreed. Lavrov met Tokayev."
    for m in find_mentions(text, published="2023-01-01", kb=kb):
        assert text[m.start:m.end] == m.text
        assert m.name and m.type in {"person", "country", "organization", "grouping", "institution"}


def test_start_skips_the_headline(kb):
    text = "Russia warns\n\nKazakhstan replies."
    body = text.index("Kazakhstan")
    assert found(kb, text, start=body) == [("Kazakhstan", "KAZ")]
    assert find_mentions(text, published=None, kb=kb, start=body)[0].start == body


@pytest.mark.parametrize("published, expected", [("2020-05-01", "KAZ"), ("2024-05-01", "KAZ"), (None, "KAZ")])
def test_metonym_outside_its_dates_is_still_the_state(kb, published, expected):
    assert found(kb, "Talks in Nur-Sultan.", published=published) == [("Nur-Sultan", expected)]


def test_bad_published_date_is_ignored(kb):
    assert found(kb, "Talks in Nur-Sultan.", published="yesterday") == [("Nur-Sultan", "KAZ")]


# -- generic institutions ----------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Kazakhstan's Foreign Ministry said.", [("Kazakhstan's Foreign Ministry", "kazakh-foreign-ministry")]),
    ("Moscow's foreign ministry said.", [("Moscow's foreign ministry", "russian-foreign-ministry")]),
    ("The Foreign Ministry of Uzbekistan said.", [("Foreign Ministry of Uzbekistan", "uzbek-foreign-ministry")]),
    ("The Foreign Ministry said.", []),  # no country anywhere: left out
    ("The Kazakh Foreign Ministry spoke. Later the Foreign Ministry added.",
     [("Kazakh Foreign Ministry", "kazakh-foreign-ministry"), ("Foreign Ministry", "kazakh-foreign-ministry")]),
    ("MINSK, 3 March (BelTA) - The Foreign Ministry said.", [("Foreign Ministry", "belarusian-foreign-ministry")]),
    ("ASTANA, Nov 7 (Reuters) - Russia's Foreign Ministry said. The Foreign Ministry added.",
     [("Russia's Foreign Ministry", "russian-foreign-ministry"), ("Foreign Ministry", "russian-foreign-ministry")]),
    ("KYIV, Nov 15 - Ukraine's Foreign Ministry answered the Russian Foreign Ministry. "
     "The Foreign Ministry added.",
     [("Ukraine's Foreign Ministry", "ukrainian-foreign-ministry"),
      ("Russian Foreign Ministry", "russian-foreign-ministry"), ("Foreign Ministry", "ukrainian-foreign-ministry")]),
])
def test_generic_foreign_ministry(kb, text, expected):
    assert found(kb, text) == expected


# -- surnames ----------------------------------------------------------------------------

def test_surname_of_a_person_named_in_full(kb):
    text = "Lavrov: talks go on. Sergey Lavrov said Lavrov's plan stands."
    assert found(kb, text) == [("Lavrov", "sergey-lavrov"), ("Sergey Lavrov", "sergey-lavrov"),
                               ("Lavrov", "sergey-lavrov")]


def test_unique_surname_without_a_full_name(kb):
    assert found(kb, "Peskov declined to comment.") == [("Peskov", "dmitry-peskov")]


def test_unique_surname_needs_the_person_in_office_around_the_date(kb):
    if len(kb.surnames.get("Shevardnadze", ())) != 1:
        pytest.skip("people.yaml has no single Shevardnadze")
    text = "Shevardnadze spoke."
    assert found(kb, text, published="2002-05-01") == [("Shevardnadze", "eduard-shevardnadze")]
    assert found(kb, text, published="2023-05-01") == []  # twenty years out of office
    assert found(kb, "Eduard Shevardnadze spoke. Shevardnadze left.", published="2023-05-01") == [
        ("Eduard Shevardnadze", "eduard-shevardnadze"), ("Shevardnadze", "eduard-shevardnadze")]


def test_another_romanisation_of_the_given_name_joins_the_mention(kb):
    person = kb.get("sergey-lavrov")
    assert "Sergiy Lavrov" not in (person.name, *person.aliases)
    assert found(kb, "Sergiy Lavrov arrived.") == [("Sergiy Lavrov", "sergey-lavrov")]
    assert found(kb, "Minister Lavrov arrived.") == [("Lavrov", "sergey-lavrov")]


def test_shared_surname_resolves_to_the_nearest_full_name(kb):
    if kb.get("akylbek-japarov") is None or kb.get("sadyr-japarov") is None:
        pytest.skip("people.yaml lacks the two Japarovs")
    text = ("Japarov spoke first. President Sadyr Japarov said yes. Japarov smiled. "
            "Akylbek Japarov said no. Japarov left.")
    got = [i for t, i in found(kb, text) if t == "Japarov"]
    assert got == ["sadyr-japarov", "sadyr-japarov", "akylbek-japarov"]


def test_shared_surname_without_a_full_name_is_nobody(kb):
    if len(kb.surnames.get("Japarov", ())) < 2:
        pytest.skip("people.yaml has fewer than two Japarovs")
    assert found(kb, "Japarov spoke.") == []


# -- robustness --------------------------------------------------------------------------

@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Russia Kazakh-’'s.,MOSCOW Lavrov EAEU the West\n"
                                             "ЕАЭСé\u0301")), max_size=200),
       st.sampled_from([None, "2020-01-01", "not a date", "2023-08-19T10:00:00Z"]))
def test_never_crashes_and_offsets_hold(kb, text, published):
    for m in find_mentions(text, published=published, kb=kb):
        assert text[m.start:m.end] == m.text
        assert 0 <= m.start < m.end <= len(text)
