"""The user's search text never becomes query syntax: any string is a valid FTS5 / tsquery."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_store_support import PG_DSN

from quotegraph.store import fts
from quotegraph.store.rows import day_date, day_number

WORDS = ["grain", "treaty", "river", "Norland", "OR", "AND", "NOT", "NEAR", "-", '"', "*",
         "(", ")", ":", "^", "'", "%", "\\", "text:", "U.S.", "Zoë", "мир", "_", "{", "}"]
queries = st.one_of(
    st.text(max_size=60),
    st.lists(st.sampled_from(WORDS), max_size=8).map(" ".join),
    st.lists(st.sampled_from(WORDS), max_size=8).map("".join),
)


@pytest.fixture(scope="module")
def fts_db():
    con = sqlite3.connect(":memory:")
    con.execute("CREATE VIRTUAL TABLE t USING fts5 (text, speaker_name, "
                "tokenize='porter unicode61 remove_diacritics 2')")
    con.executemany("INSERT INTO t VALUES (?, ?)", [
        ("Norland will keep the river treaty on grain", "Anna Berg"),
        ("The U.S. said nothing about the treaty", "Pavel Orlin"),
        ("Мир возможен, сказал он", "Zoë Lind"),
    ])
    yield con
    con.close()


@settings(max_examples=300, deadline=None)
@given(q=queries)
def test_any_text_is_a_valid_fts5_query(fts_db, q):
    expr = fts.to_fts5(q)
    if expr is None:
        assert not [p for p in fts.parse(q) if not isinstance(p, str) and not p.negated]
        return
    fts_db.execute("SELECT rowid FROM t WHERE t MATCH ?", (expr,)).fetchall()


@pytest.mark.postgres
@settings(max_examples=150, deadline=None)
@given(q=queries)
def test_any_text_is_a_valid_tsquery(q):
    if not PG_DSN:
        pytest.skip("QUOTEGRAPH_PG_DSN is not set")
    psycopg = pytest.importorskip("psycopg")
    expr = fts.to_tsquery_expr(q)
    if expr is None:
        return
    with psycopg.connect(PG_DSN) as conn:
        conn.execute("SELECT to_tsquery('english', %s)", (expr,))


@pytest.mark.parametrize(("q", "five", "ts"), [
    ("grain", '"grain"', "grain"),
    ('"river treaty" -grain', '("river treaty") NOT "grain"', "((river <-> treaty)) & !grain"),
    ("Berg OR Orlin treaty", '"Berg" OR "Orlin" "treaty"', "Berg | Orlin & treaty"),
    ("sanc*", '"sanc"*', "sanc:*"),
    ("U.S.", '"U S"', "(U <-> S)"),
    ("'; DROP TABLE x; --", '"DROP" "TABLE" "x"', "DROP & TABLE & x"),
    ("%", None, None),
    ("-grain", None, None),
])
def test_translation_table(q, five, ts):
    assert fts.to_fts5(q) == five
    assert fts.to_tsquery_expr(q) == ts


def test_search_semantics_on_fts5(fts_db):
    def hits(q):
        return sorted(r[0] for r in fts_db.execute(
            "SELECT rowid FROM t WHERE t MATCH ?", (fts.to_fts5(q),)))

    assert hits("treaty") == [1, 2]
    assert hits("treaties") == [1, 2]  # stemmed
    assert hits('"river treaty"') == [1]
    assert hits("treaty -grain") == [2]
    assert hits("grain OR zebra") == [1]
    assert hits("grain OR nothing") == [1, 2]
    assert hits("tre*") == [1, 2]
    assert hits("zoe") == [3]  # diacritics folded
    assert hits("Orlin") == [2]  # the speaker's name is indexed too


@settings(max_examples=200, deadline=None)
@given(st.dates())
def test_day_numbers_round_trip_and_keep_order(d):
    n = day_number(d)
    if d.year >= 1900:
        assert day_date(n) == d.isoformat()
        assert day_number(d.isoformat()) == n
    assert n >= 0


def test_undated_and_malformed_days_are_zero():
    assert day_number(None) == day_number("someday") == day_number("2023-13-40") == 0
    assert day_date(0) is None
    assert day_number("2023-08-19") < day_number("2023-08-20")
