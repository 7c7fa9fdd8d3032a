"""Speakers and actors resolved against the shipped knowledge base: canonical names, stable ids,
the office held on the article's date, and actor mentions with ids."""

from __future__ import annotations

from quotegraph import extract


def speakers(text: str, published: str | None = None):
    return [(s.speaker.name, s.speaker.id, s.speaker.role) if s.speaker else None
            for s in extract(text, published=published).statements]


def test_name_variant_gets_canonical_name_id_and_dated_office():
    text = "The talks will go on, Russian Foreign Minister Sergei Lavrov said."
    ((name, id_, role),) = speakers(text, "2023-06-01")
    assert (name, id_) == ("Sergey Lavrov", "sergey-lavrov")
    assert "Foreign Affairs" in role
    s = extract(text, published="2023-06-01").statements[0]
    assert s.speaker.title == "Russian Foreign Minister"  # the article's own words are kept
    assert any("knowledge base" in step for step in s.speaker.how)


def test_role_without_a_name_resolves_to_the_holder_on_that_date():
    text = "According to the Russian foreign minister, the sanctions have failed."
    assert speakers(text, "2023-06-01")[0][:2] == ("Sergey Lavrov", "sergey-lavrov")
    assert speakers(text, "2002-06-01")[0][:2] == ("Igor Ivanov", "igor-ivanov")


def test_role_without_date_or_holder_stays_unresolved():
    assert speakers("According to the Russian foreign minister, the sanctions have failed.") == [None]


def test_people_outside_the_kb_keep_the_article_title_and_merge_across_spellings():
    a = extract("The plan is ready, Kazakh Deputy Trade Minister Aleksei Tumanov said.",
                published="2023-06-01").statements[0].speaker
    b = extract("The plan is late, said Alexey Tumanov.", published="2023-07-01").statements[0].speaker
    assert a.name == "Aleksei Tumanov" and a.role == "Kazakh Deputy Trade Minister"
    assert a.id == b.id


def test_actor_mentions_with_iso_and_acronym_ids():
    text = ("date 2023-03-01\nMOSCOW, March 1. /TASS/. Moscow and Astana discussed the EAEU and "
            "the CSTO, while the West pressed Central Asia, Russian Foreign Ministry Spokeswoman "
            "Maria Zakharova said.")
    article = extract(text)
    ids = {(m.id, m.type) for m in article.mentions}
    assert {("RUS", "country"), ("KAZ", "country"), ("EAEU", "organization"), ("CSTO", "organization"),
            ("the-west", "grouping"), ("central-asia", "grouping")} <= ids
    for m in article.mentions:
        assert text[m.start:m.end] == m.text
    assert article.statements[0].speaker.id == "maria-zakharova"
