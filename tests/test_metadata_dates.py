"""Full dates, day phrases and their resolution against the publication date."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotegraph.segment.dates import (
    closest_date,
    date_line,
    find_date,
    find_day_reference,
    parse_date,
    resolve_relative_day,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-08-19", "2023-08-19"),
        ("2023-08-19T10:00:00Z", "2023-08-19"),
        ("2023-08-19T23:30:00-05:00", "2023-08-19"),  # the day as written, not shifted to UTC
        ("2023-08-19 10:00", "2023-08-19"),
        ("  2023-8-9", "2023-08-09"),
        ("2023/08/19", "2023-08-19"),
        ("19.08.2023", "2023-08-19"),
        ("24/05/2023 16:05", "2023-05-24"),  # day-first
        ("05/24/2023", "2023-05-24"),  # month-first only when day-first is impossible
        ("19 August 2023", "2023-08-19"),
        ("19 Aug 2023 14:05", "2023-08-19"),
        ("Aug 19, 2023", "2023-08-19"),
        ("August 19 2023", "2023-08-19"),
        ("Aug. 19, 2023", "2023-08-19"),
        ("march 3rd, 2023", "2023-03-03"),
        ("Sat, 19 Aug 2023 10:00:00 +0000", "2023-08-19"),
        ("Saturday, August 19, 2023", "2023-08-19"),
        ("2023-02-30", None),
        ("30 February 2023", None),
        ("August 19", None),  # no year: not a full date
        ("yesterday", None),
        ("20230819", None),
        ("", None),
        ("not a date", None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Updated 6:12 PM GMT+4, May 4, 2023", (23, 34, "2023-05-04")),
        ("Xinhua| 2022-06-08 21:37:10|Editor", (8, 18, "2022-06-08")),
        ("no date 2023-02-30 here, then 1 March 2023", (30, 42, "2023-03-01")),
        ("in 2023, and 12.2023", None),
        ("Updated 3 hours ago", None),
    ],
)
def test_find_date(value, expected):
    assert find_date(value) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("4 July 2024 | 15:20", "2024-07-04"),
        ("20 December 2023, 11:42", "2023-12-20"),
        ("29.01.2024 17:10", "2024-01-29"),
        ("November 7, 2023 4:12 PM GMT+6", "2023-11-07"),
        ("Politics Materials 15 April 2024 13:42 (UTC +04:00)", "2024-04-15"),
        ("June 25, 2024 10:27 AM GMT+8 Updated 3 hours ago", "2024-06-25"),
        ("Summit on 5 March 2024", None),
        ("Talks in Astana, 5 March 2024", None),
        ("The agreement signed on 5 March 2024 enters into force next week", None),
        ("4 July", None),
        ("Ministers met " + "x" * 120 + " 4 July 2024", None),  # too long for a date line
    ],
)
def test_date_line(line, expected):
    assert date_line(line) == expected


# 2023-08-19 is a Saturday.
@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("on Saturday", "2023-08-19"),  # the same weekday is the day itself
        ("Saturday", "2023-08-19"),
        ("on Friday", "2023-08-18"),
        ("on Sunday", "2023-08-13"),
        ("on Tuesday", "2023-08-15"),
        ("Wednesday", "2023-08-16"),
        ("on Wednesday evening", "2023-08-16"),
        ("last Friday", "2023-08-18"),
        ("last Saturday", "2023-08-12"),  # "last" never means today
        ("yesterday", "2023-08-18"),
        ("the day before yesterday", "2023-08-17"),
        ("today", "2023-08-19"),
        ("earlier today", "2023-08-19"),
        ("this morning", "2023-08-19"),
        ("on March 3", "2023-03-03"),
        ("on 3 March", "2023-03-03"),
        ("on Aug. 18", "2023-08-18"),
        ("on August 21", "2023-08-21"),  # two days ahead: a time-zone slip, same year
        ("on August 25", "2022-08-25"),  # further ahead: last year's
        ("on December 30", "2022-12-30"),
        ("on 3 March 2021", "2021-03-03"),
        ("on February 29", "2020-02-29"),
        ("next year", None),
        ("", None),
    ],
)
def test_resolve_relative_day(phrase, expected):
    assert resolve_relative_day(phrase, "2023-08-19") == expected


@pytest.mark.parametrize("published", ["", "19 August 2023", "2023-02-30", None])
def test_resolve_relative_day_needs_an_iso_publication_date(published):
    assert resolve_relative_day("on Saturday", published) is None


@pytest.mark.parametrize(
    ("clause", "phrase"),
    [
        ("the spokeswoman told a briefing on Wednesday", "on Wednesday"),
        ("the spokeswoman told a briefing Wednesday", "Wednesday"),
        ("the minister said last Friday", "last Friday"),
        ("he told reporters yesterday", "yesterday"),
        ("she said on March 3 in Astana", "on March 3"),
        ("she said on 3 March, 2023", "on 3 March"),
        ("the envoy said on Tuesday morning", "on Tuesday morning"),
        ("in today\u2019s world, he said", None),
        ("he said in an interview", None),
    ],
)
def test_find_day_reference(clause, phrase):
    text = "Body first. " + clause + ". More."
    start = len("Body first. ")
    found = find_day_reference(text, start, start + len(clause))
    if phrase is None:
        assert found is None
        return
    assert found is not None
    s, e, got = found
    assert got == phrase
    assert text[s:e] == phrase


def test_find_day_reference_stays_inside_the_window():
    text = "He spoke on Monday. The minister said it was true."
    window_start = text.index("The minister")
    assert find_day_reference(text, window_start, len(text)) is None
    assert find_day_reference(text, 0, len(text))[2] == "on Monday"


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)),
       st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]))
def test_weekday_resolves_to_that_weekday_within_the_past_week(published, weekday):
    got = date.fromisoformat(resolve_relative_day(f"on {weekday}", published.isoformat()))
    assert got.strftime("%A") == weekday
    assert published - timedelta(days=6) <= got <= published


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)),
       st.integers(min_value=-150, max_value=150))
def test_closest_date_recovers_a_date_from_day_and_month(d, offset):
    near = d + timedelta(days=offset)
    assert closest_date(d.month, d.day, near) == d
