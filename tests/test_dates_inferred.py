"""Dateline years from the text's own evidence, date conflicts, and said_on for day phrases.

Texts are written for these tests in the patterns of wire copy; none is taken from a real
article.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from quotegraph import extract
from quotegraph.extract import extract_document
from quotegraph.read import iter_documents
from quotegraph.segment.metadata import read_metadata

HEAD = "Minister says corridor talks go on\n\n"

# (text, published, how): the dateline gives day and month; the lede and the years decide.
YEAR_CASES = [
    # 2022-12-10 was a Saturday; of 2021-2023 only 2022 puts December 10 on a Saturday.
    (HEAD + "ASTANA, December 10. /TASS/. Kazakhstan will keep its transit route open, the "
     "deputy minister said on Saturday.\n\nTrade in January-September 2022 grew by 7%.",
     "2022-12-10", "dateline+weekday+text-years"),
    # A weekday written without "on" ("told a briefing Wednesday"); 2023-05-17 was a Wednesday.
    (HEAD + "MOSCOW, May 17. /TASS/. The deputy minister told a briefing Wednesday that the "
     "corridor was on schedule.\n\nThe line is to open in 2024, he said.",
     "2023-05-17", "dateline+weekday+text-years"),
    # The year named may be the one before: figures for 2023 in a January 2024 story.
    (HEAD + "TASHKENT, January 12. /TASS/. The minister said on Friday the route was ready."
     "\n\nIn 2023, freight on the route doubled.", "2024-01-12", "dateline+weekday+text-years"),
]

# (text, why): evidence that is missing or disagrees gives no date at all.
NO_YEAR_CASES = [
    (HEAD + "ASTANA, December 10. /TASS/. The deputy minister said on Saturday the route was "
     "open.", "no year named in the text"),
    (HEAD + "ASTANA, December 10. /TASS/. The deputy minister said the route was open.\n\n"
     "Trade in 2022 grew by 7%.", "no weekday in the lede"),
    (HEAD + "ASTANA, December 10. /TASS/. The deputy minister said on Saturday, after talks "
     "on Friday, that the route was open.\n\nTrade in 2022 grew.", "two weekdays disagree"),
    (HEAD + "ASTANA, December 10. /TASS/. The deputy minister said on Monday the route was "
     "open.\n\nTrade in 2022 grew by 7%.", "no year near 2022 has December 10 on a Monday"),
    (HEAD + "ASTANA, December 12. /TASS/. The deputy minister said on Tuesday the route was "
     "open.\n\nTrade grew in 2017, 2022 and 2023.", "two years fit (2017 and 2023)"),
]


@pytest.mark.parametrize(("text", "published", "how"), YEAR_CASES)
def test_year_from_weekday_and_text_years(text, published, how):
    m = read_metadata(text)
    assert (m.published, m.published_source, m.date_conflict) == (published, how, None)
    a = extract(text)
    assert (a.published, a.published_how) == (published, how)


@pytest.mark.parametrize(("text", "why"), NO_YEAR_CASES)
def test_no_year_when_evidence_is_missing_or_disagrees(text, why):
    m = read_metadata(text)
    assert (m.published, m.published_source) == (None, None), why


def test_a_year_in_the_dateline_is_not_second_guessed():
    text = HEAD + "ASTANA, December 10, 2021. /TASS/. The minister said on Saturday it was open."
    m = read_metadata(text)
    assert (m.published, m.published_source) == ("2021-12-10", "dateline")


@pytest.mark.parametrize(("text", "published", "how", "conflict"), [
    # The date line is a day behind the dateline: the dateline wins, the disagreement stays.
    ("date 2024-04-02 MINSK, April 3. /BelTA/. The council met, the minister said.",
     "2024-04-03", "dateline+date-line", "date-line 2024-04-02 disagrees with dateline 2024-04-03"),
    ("date 2024-04-03 MINSK, April 3. /BelTA/. The council met, the minister said.",
     "2024-04-03", "dateline+date-line", None),
    ("date 2024-04-01 MINSK, April 3, 2024. /BelTA/. The council met, the minister said.",
     "2024-04-03", "dateline", "date-line 2024-04-01 disagrees with dateline 2024-04-03"),
])  # fmt: skip
def test_date_line_that_disagrees_is_a_conflict(text, published, how, conflict):
    a = extract(text)
    assert (a.published, a.published_how, a.date_conflict) == (published, how, conflict)
    record = a.to_dict()
    assert record["published_how"] == how
    assert record.get("date_conflict") == conflict


def test_conflict_in_the_cli_record():
    text = "date 2024-04-02 MINSK, April 3. /BelTA/. The council met, the minister said.\n"
    out = subprocess.run([sys.executable, "-m", "quotegraph", "extract", "--format", "jsonl", "-"],
                         input=text, capture_output=True, text=True, check=True).stdout
    record = json.loads(out)
    assert record["published"] == "2024-04-03"
    assert record["date_conflict"] == "date-line 2024-04-02 disagrees with dateline 2024-04-03"


# 2024-03-14 was a Thursday. (sentence after the dateline, said_on of its one statement)
SAID_ON_CASES = [
    ("On Tuesday, Armenian Foreign Minister Ararat Mirzoyan said that the border talks would "
     "resume on Friday.", "2024-03-12"),
    ("Foreign Ministry spokesman Aykhan Hajizada told a briefing Wednesday that the talks would "
     "resume.", "2024-03-13"),
    ("Aykhan Hajizada said yesterday that the talks would resume.", "2024-03-13"),
    ("\"The talks will resume on Friday,\" Aykhan Hajizada told reporters on Monday.",
     "2024-03-11"),
    ("The talks will resume next month, Aykhan Hajizada said on Tuesday.", "2024-03-12"),
    # the publication weekday is the publication day itself; "last" goes a week back
    ("Aykhan Hajizada said on Thursday that the talks would resume.", "2024-03-14"),
    ("Aykhan Hajizada said last Thursday that the talks would resume.", "2024-03-07"),
    ("Aykhan Hajizada said today that the talks would resume.", "2024-03-14"),
    # a day inside the content says when the talks are, not when it was said
    ("Aykhan Hajizada said the talks would resume on Friday.", None),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "said_on"), SAID_ON_CASES)
def test_said_on_from_the_attribution(sentence, said_on):
    a = extract("BAKU, March 14. /TASS/. " + sentence, published="2024-03-14")
    assert a.published == "2024-03-14"
    (st,) = a.statements
    assert st.said_on == said_on


def test_no_said_on_when_the_article_is_undated():
    a = extract("BAKU, March 14. /TASS/. On Tuesday, Deputy Minister Pavel Orlov said that the "
                "talks would resume.")
    assert a.published is None
    assert [s.said_on for s in a.statements] == [None]


def test_said_on_against_an_inferred_year():
    text = (HEAD + "ASTANA, December 10. /TASS/. The route is open, Kazakh Deputy Foreign "
            "Minister Roman Vassilenko said on Saturday.\n\nOn Friday, Uzbek Transport Minister "
            "Ilkhom Makhkamov said that the corridor would carry more freight.\n\nFreight in "
            "January-November 2022 grew by a tenth.")
    a = extract(text)
    assert a.published == "2022-12-10"
    body = [s for s in a.statements if s.start >= a.body_start]
    assert [s.said_on for s in body] == ["2022-12-10", "2022-12-09"]


# (text, published, how, said_on of each statement). The knowledge base has Maria Zakharova as
# spokeswoman from 2015-08-10 and Mikhail Galuzin as deputy minister from 2023-01-01; March 15
# was a Wednesday in 2017 and 2023.
OFFICE_CASES = [
    ("MOSCOW, March 15. /TASS/. Russian Foreign Ministry Spokeswoman Maria Zakharova told a "
     "briefing Wednesday that the talks were over.\n\nOn Tuesday, Russian Deputy Foreign Minister "
     "Mikhail Galuzin said that the consultations would go on.\n",
     "2023-03-15", "dateline+weekday+speaker-offices", ["2023-03-15", "2023-03-14"]),
    # Zakharova alone fits 2017 and 2023: no guess
    ("MOSCOW, March 15. /TASS/. Russian Foreign Ministry Spokeswoman Maria Zakharova told a "
     "briefing Wednesday that the talks were over.\n", None, None, [None]),
    # a speaker the knowledge base does not know dates nothing
    ("MOSCOW, March 15. /TASS/. Deputy minister Pavel Orlov said on Wednesday that the talks "
     "were over.\n", None, None, [None]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "published", "how", "said_on"), OFFICE_CASES)
def test_year_from_the_speakers_offices(text, published, how, said_on):
    a = extract(text)
    assert (a.published, a.published_how) == (published, how)
    assert [s.said_on for s in a.statements] == said_on


SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not present")
@pytest.mark.parametrize(("prefix", "published", "how", "days"), [
    ("000", "2023-08-19", "dateline+date-line", set()),
    ("001", "2023-05-17", "date-line", set()),
    ("002", "2022-12-10", "dateline+weekday+text-years", {"2022-12-10"}),
    ("003", "2023-05-17", "dateline+weekday+speaker-offices", {"2023-05-17", "2023-05-16"}),
    ("004", None, None, set()),
])  # fmt: skip
def test_real_seed_dates(prefix, published, how, days):
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    (doc,) = iter_documents([str(path)])
    a = extract_document(doc)
    assert (a.published, a.published_how) == (published, how)
    assert {s.said_on for s in a.statements} - {None} == days
