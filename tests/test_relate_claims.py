"""Numeric claims in statement text: ``(text, expected)`` tables for quantities and claims.

The sentences are written for these tests on the patterns of real trade and economy copy
(officials citing turnover, shares, counts of companies and jobs, periods); none is copied.
"""

from __future__ import annotations

import pytest

from quotegraph.model import Claim, Statement
from quotegraph.relate import relate
from quotegraph.relate.claims import find_claims
from quotegraph.relate.quantities import find_quantities, parse_number

B = 1e9
M = 1e6


def claims_of(text: str) -> tuple[Claim, ...]:
    return find_claims(text, 0, len(text))


def check_offsets(text: str, c: Claim) -> None:
    assert text[c.start:c.end] == c.text
    for span in (c.measure, c.period):
        if span is not None:
            assert text[span.start:span.end] == span.text


# text, [(claim text, value, unit, currency, approx)]
QUANTITIES = [
    ("Trade reached $22 billion in annual terms.", [("$22 billion", 22 * B, "currency", "USD", None)]),
    ("It stood at 1.5 trillion rubles.", [("1.5 trillion rubles", 1.5e12, "currency", "RUB", None)]),
    ("Exports hit US$ 3.2 bln last year.", [("US$ 3.2 bln", 3.2 * B, "currency", "USD", None)]),
    ("The fund holds €450 million.", [("€450 million", 450 * M, "currency", "EUR", None)]),
    ("A loan of 12 billion yuan was agreed.", [("12 billion yuan", 12 * B, "currency", "CNY", None)]),
    ("They paid 300 million tenge.", [("300 million tenge", 300 * M, "currency", "KZT", None)]),
    ("The deal is worth USD 40 million.", [("USD 40 million", 40 * M, "currency", "USD", None)]),
    ("China accounts for 40% of foreign trade.", [("40%", 40, "percent", None, None)]),
    ("Growth was 4.8 per cent.", [("4.8 per cent", 4.8, "percent", None, None)]),
    ("Inflation eased 1.2 percentage points.", [("1.2 percentage points", 1.2, "percentage points", None, None)]),
    ("more than 10,000 companies operate there", [("more than 10,000 companies", 10000, "companies", None, "more than")]),
    ("The plant will create around 900,000 jobs.", [("around 900,000 jobs", 900000, "jobs", None, "about")]),
    ("Trade grew 2.5 times in five years.", [("2.5 times", 2.5, "times", None, None)]),
    ("Seventy-six direct agreements were signed.", [("Seventy-six direct agreements", 76, "agreements", None, None)]),
    ("The port handled 8 million tonnes of grain.", [("8 million tonnes", 8 * M, "tonnes", None, None)]),
    ("Europe received 12 billion cubic meters of gas.", [("12 billion cubic meters", 12 * B, "cubic metres", None, None)]),
    ("Turnover may reach $24-24.5 billion.", [("$24-24.5 billion", 24 * B, "currency", "USD", None)]),
    ("nearly 2,000 Russian companies took part", [("nearly 2,000 Russian companies", 2000, "companies", None, "nearly")]),
    ("at least 3,000 workers were hired", [("at least 3,000 workers", 3000, "workers", None, "at least")]),
    ("up to 50,000 tourists a year", [("up to 50,000 tourists", 50000, "tourists", None, "up to")]),
    ("less than 1% of the total", [("less than 1%", 1, "percent", None, "less than")]),
    ("The budget is $5.6 bln.", [("$5.6 bln", 5.6 * B, "currency", "USD", None)]),
    ("Growth of 2,5 percent is expected.", [("2,5 percent", 2.5, "percent", None, None)]),
]

# Numbers that are not claims: dates, years, ordinals, ages of articles, "one of", phone-like
# numbers, counts that refer back to something already named.
NOT_CLAIMS = [
    "On 12 March 2023 the ministers met again.",
    "The two leaders met in 2022 and again in 2024.",
    "It was the 26th meeting of the commission.",
    "He called it one of the best years.",
    "Call +7 701 555 1234 for details.",
    "Published 3 days ago, updated 5 hours ago.",
    "The talks began at 10:30 in Hall 4.",
    "Article 5 of the treaty applies.",
    "The F-16 and the 5G network were discussed.",
    "Both countries agreed; the two sides will meet.",
    "These three states signed the declaration.",
    "The commission held its 3rd session in 2021.",
    "In 2023 companies paid less tax.",
]


def test_bare_numbers_are_not_quantities():
    assert find_quantities("In 2023 the 12 and 40 were listed as 7.") == []


@pytest.mark.parametrize("text,expected", QUANTITIES, ids=[t for t, _ in QUANTITIES])
def test_quantities(text, expected):
    got = claims_of(text)
    assert [(c.text, c.value, c.unit, c.currency, c.approx) for c in got] == [
        (t, pytest.approx(v), u, cur, a) for t, v, u, cur, a in expected]
    for c in got:
        check_offsets(text, c)


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_numbers_that_are_not_claims(text):
    assert claims_of(text) == ()


def test_range_keeps_its_top():
    (c,) = claims_of("Turnover may reach $24-24.5 billion.")
    assert c.value_max == pytest.approx(24.5 * B)


# text, claim text, measure, period, change
CONTEXT = [
    ("Trade turnover rose by about 10% in January-October 2022.", "about 10%",
     "Trade turnover", "in January-October 2022", "increase"),
    ("In the first ten months, exports grew 15 percent.", "15 percent",
     "exports", "In the first ten months", "increase"),
    ("Trade reached $22 billion in annual terms.", "$22 billion", "Trade", "in annual terms", None),
    ("China accounts for 40% of foreign trade.", "40%", "foreign trade", None, None),
    ("The share of national currencies in settlements exceeded 90%.", "exceeded 90%",
     "share of national currencies", None, None),
    ("Investments amounted to 1.5 trillion rubles in 2023.", "1.5 trillion rubles",
     "Investments", "in 2023", None),
    ("Inflation fell by 2.5 percentage points this year.", "2.5 percentage points",
     "Inflation", "this year", "decrease"),
    ("Bilateral trade grew 2.5 times over the past five years.", "2.5 times",
     "Bilateral trade", "over the past five years", "increase"),
    ("Exports dropped 7% in the first quarter of 2023.", "7%", "Exports",
     "in the first quarter of 2023", "decrease"),
    ("The port handled 8 million tonnes of grain in 2022.", "8 million tonnes", "grain", "in 2022", None),
    ("The new plant will create around 900,000 jobs by 2030.", "around 900,000 jobs", None,
     "by 2030", None),
    ("more than 1,200 companies with foreign capital operate here", "more than 1,200 companies",
     None, None, None),
    ("Since 2021, mutual investment has reached $6 billion.", "$6 billion", "mutual investment",
     "Since 2021", None),
    ("In 2021 trade grew by 57% to $33 billion.", "57%", "trade", "In 2021", "increase"),
    ("In 2021 trade grew by 57% to $33 billion.", "$33 billion", "trade", "In 2021", None),
    ("Exports fell from $9 billion to $7 billion last year.", "$9 billion", "Exports",
     "last year", None),
    ("Shipments were up 11.3 percent in May.", "11.3 percent", "Shipments", "in May", "increase"),
]


@pytest.mark.parametrize("text,claim,measure,period,change", CONTEXT, ids=[c[0] for c in CONTEXT])
def test_measure_period_and_change(text, claim, measure, period, change):
    got = {c.text: c for c in claims_of(text)}
    c = got[claim]
    check_offsets(text, c)
    assert (c.measure.text if c.measure else None) == measure
    assert (c.period.text if c.period else None) == period
    assert c.change == change


def test_measure_does_not_cross_sentences():
    text = "Trade grew last year. Now 500 people work at the plant and 30% of them are women."
    for c in claims_of(text):
        check_offsets(text, c)
        if c.measure:
            assert c.measure.start > text.index("Now")


def test_claims_stay_inside_the_statement_span():
    text = 'Trade hit $5 billion in 2022. "Exports rose 12%," she said. Imports were 3 billion euros.'
    s, e = text.index("Exports"), text.index(',"')
    got = find_claims(text, s, e)
    assert [c.text for c in got] == ["12%"]
    assert got[0].measure.text == "Exports"
    assert got[0].period is None  # the previous sentence's year is not borrowed


def test_relate_fills_each_statement():
    text = 'She said trade rose 9% to $3 billion. "Nothing changes," he said.'
    st1 = Statement(kind="indirect", start=9, end=text.index("."), text=text[9:text.index(".")],
                    speaker=None, cue=None, rule="t")
    q0 = text.index("Nothing")
    q1 = text.index(',"')
    st2 = Statement(kind="direct", start=q0, end=q1, text=text[q0:q1], speaker=None, cue=None,
                    rule="t")
    a, b = relate(text, [st1, st2])
    assert [c.text for c in a.claims] == ["9%", "$3 billion"]
    assert b.claims == ()


def test_claims_survive_the_record_round_trip():
    text = "Trade turnover rose by about 10% in January-October 2022 to $4 billion."
    st = Statement(kind="indirect", start=0, end=len(text) - 1, text=text[:-1], speaker=None,
                   cue=None, rule="t", claims=claims_of(text))
    assert Statement.from_dict(st.to_dict()) == st
    assert "claims" not in Statement(kind="direct", start=0, end=1, text="x", speaker=None,
                                     cue=None, rule="t").to_dict()


@pytest.mark.parametrize("raw,value", [("10,000", 10000), ("26.1", 26.1), ("seventy-six", 76),
                                       ("2,5", 2.5), ("a dozen", 12), ("ten", 10)])
def test_parse_number(raw, value):
    assert parse_number(raw) == pytest.approx(value)


def test_parse_number_rejects_words():
    assert parse_number("several") is None
