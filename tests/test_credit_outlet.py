"""An agency's own credit closing the lede ("..., Trend reports.") names the outlet."""

from __future__ import annotations

import pytest

from quotegraph import extract
from quotegraph.segment.credit import credit_outlet

LEDE = ("BAKU, Azerbaijan, May 3. The two ministers agreed to open a second ferry line across the "
        "Caspian, Foreign Minister Ivo Brant said at a news conference, {credit}.\n\n"
        "\u201cThe line will carry grain first,\u201d he said.\n")


@pytest.mark.parametrize("credit, outlet", [
    ("Trend reports", "Trend"),
    ("Kazinform correspondent reports", "Kazinform"),
    ("AFP reports citing the Financial Times", None),  # another outlet cited, not the credit
    ("Bloomberg reported", None),                       # past tense cites a report
    ("Harbour Gazette reports", None),                  # not an outlet the project knows
])
def test_credit_line_of_the_lede(credit, outlet):
    text = LEDE.format(credit=credit)
    assert credit_outlet(text, 0) == outlet


def test_a_credit_after_the_first_paragraph_is_not_the_outlet():
    text = "The talks ended late on Friday.\n\nThe ministers met twice, Trend reports.\n"
    assert credit_outlet(text, 0) is None


def test_extract_uses_the_credit_below_a_known_host_and_above_an_unknown_one():
    text = LEDE.format(credit="Trend reports")
    assert extract(text).outlet == "Trend"
    assert extract(text, url="https://news-aggregator.example/item/1").outlet == "Trend"
    assert extract(text, url="https://www.reuters.com/world/x").outlet == "Reuters"
    assert extract(text, outlet="Kabar").outlet == "Kabar"
