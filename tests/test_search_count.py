"""A text search's total counts each statement once: all full-text matches less the matching
repeats, both counted by FTS5 (the repeats have a full-text index of their own, repeats_fts).

The expected totals are the straightforward count: statements with no ``repeats`` whose key is
among the FTS5 matches. They must agree on a real store with repeats, after re-ingesting
changed articles, after edits and deletes of statement rows, within date ranges, and on a
store whose repeats index was built by the migration rather than by the writer.
"""

from __future__ import annotations

import pytest

from quotegraph import query as Q
from quotegraph.model import Document
from quotegraph.query import StatementFilter as F
from quotegraph.store import open_store
from quotegraph.store.pipeline import ingest_documents
from quotegraph.store.rows import DAY_SPAN, day_number

PORTS = ["grain port", "ferry terminal", "fishing harbour", "container quay"]
MONTHS = ["May", "June", "July", "August"]
NAMES = [("Kari Halvorsen", "Fisheries Minister"), ("Jonas Eide", "Transport Minister"),
         ("Sigrid Moe", "Trade Minister")]


def article(i: int) -> Document:
    port, month = PORTS[i % 4], MONTHS[(i // 4) % 4]
    name, role = NAMES[i % 3]
    surname = name.split()[1]
    text = (f"The {port} will reopen in {month}, says {surname}\n\n"
            f"BERGEN, March {1 + i % 27}. /NTB/. The northern {port} will reopen in {month} "
            f"after the repairs, Norwegian {role} {name} said on Wednesday.\n\n"
            f"\"We will cut the harbour fees for the first season,\" {surname} told "
            f"reporters.\n")
    return Document(text=text, source=f"port:{i}", published=f"2023-{1 + i % 12:02d}-05",
                    outlet="Coast Wire")


WORDS = ["reopen", "harbour", "port", "fees", "grain", "August", "terminal", "nothing"]


def straight_total(store, word: str, lo: int | None = None, hi: int | None = None) -> int:
    cond, params = "statements_fts MATCH ?", [f'"{word}"']
    if lo is not None:
        cond, params = cond + " AND rowid >= ?", [*params, lo]
    if hi is not None:
        cond, params = cond + " AND rowid < ?", [*params, hi]
    return store.tuples("SELECT count(*) FROM statements s WHERE s.repeats IS NULL AND s.pk IN "
                        f"(SELECT rowid FROM statements_fts WHERE {cond})", params)[0][0]


def assert_totals_match(store) -> None:
    for word in WORDS:
        assert Q.search_statements(store, F(q=word))["total"] == straight_total(store, word), word


@pytest.fixture()
def store(tmp_path):
    s = open_store(str(tmp_path / "ports.db"))
    assert ingest_documents(s, [article(i) for i in range(24)]).failed == 0
    yield s
    s.close()


def test_the_store_has_repeats_that_match(store):
    repeats = store.tuples("SELECT count(*) FROM statements WHERE repeats IS NOT NULL")[0][0]
    assert repeats >= 20  # every headline restates its body statement
    # "reopen" is in the headline and the body: counted once per article
    assert Q.search_statements(store, F(q="reopen"))["total"] == 24
    assert straight_total(store, "reopen") == 24


def test_totals_equal_the_straightforward_count(store):
    assert_totals_match(store)


def test_totals_within_a_date_range(store):
    from datetime import date

    lo, hi = date(2023, 3, 1), date(2023, 8, 31)
    klo, khi = day_number(lo) * DAY_SPAN, (day_number(hi) + 1) * DAY_SPAN
    for word in WORDS:
        got = Q.search_statements(store, F(q=word, since=lo, until=hi))["total"]
        assert got == straight_total(store, word, klo, khi), word


def test_totals_after_reingesting_changed_articles(store):
    # a new extractor version rewrites the articles' statements (deleted, inserted anew)
    again = [article(i) for i in range(0, 24, 2)]
    report = ingest_documents(store, again, extractor_version="test-2")
    assert report.updated == len(again)
    assert_totals_match(store)


def test_totals_after_edits_and_deletes_of_statement_rows(store):
    with store._write() as cur:
        # a repeat that stops being one, one that becomes one, a repeat's text edited
        first, second = store.tuples("SELECT pk FROM statements WHERE repeats IS NOT NULL "
                                     "ORDER BY pk LIMIT 2")
        cur.execute("UPDATE statements SET repeats = NULL WHERE pk = ?", first)
        cur.execute("UPDATE statements SET text = 'The terminal will close' WHERE pk = ?", second)
        plain = store.tuples("SELECT pk, id FROM statements WHERE repeats IS NULL "
                             "AND text LIKE 'We will cut%' ORDER BY pk LIMIT 1")[0]
        cur.execute("UPDATE statements SET repeats = ? WHERE pk = ?", (plain[1], plain[0]))
        cur.execute("DELETE FROM statements WHERE pk IN (SELECT pk FROM statements "
                    "WHERE repeats IS NOT NULL ORDER BY pk DESC LIMIT 3)")
    assert_totals_match(store)


def test_the_migration_indexes_the_repeats_of_an_older_store(tmp_path):
    path = tmp_path / "older.db"
    s = open_store(str(path))
    ingest_documents(s, [article(i) for i in range(12)])
    with s._write() as cur:  # as a store written before migration 0009
        for sql in ("DROP TRIGGER statements_repeats_ad", "DROP TRIGGER statements_repeats_au",
                    "DROP TABLE repeats_fts",
                    "DELETE FROM migrations WHERE name = '0009_repeats_fts'"):
            cur.execute(sql)
    s.close()
    s = open_store(str(path))
    try:
        assert s.tuples("SELECT count(*) FROM repeats_fts WHERE repeats_fts MATCH 'reopen'")[0][0] \
            == s.tuples("SELECT count(*) FROM statements WHERE repeats IS NOT NULL")[0][0] > 0
        assert_totals_match(s)
    finally:
        s.close()


def straight_by(store, sql: str, key: str) -> int:
    return store.tuples(f"SELECT count(DISTINCT s.pk) FROM statements s {sql} "
                        "AND s.repeats IS NULL", (key,))[0][0]


def assert_kept_totals_match(store) -> None:
    speakers = [k for (k,) in store.tuples("SELECT id FROM speakers")]
    actors = [k for (k,) in store.tuples("SELECT id FROM actors")]
    assert speakers and actors
    for sid in speakers:
        assert Q.search_statements(store, F(speaker=sid))["total"] == straight_by(
            store, "WHERE s.speaker_id = ?", sid), sid
    for aid in actors:
        assert Q.search_statements(store, F(about=aid))["total"] == straight_by(
            store, "JOIN statement_about sa ON sa.statement_pk = s.pk WHERE sa.actor_id = ?",
            aid), aid


def test_one_speaker_or_actor_totals_equal_the_straightforward_count(store):
    # these totals come from the kept per-speaker and per-actor counts
    assert_kept_totals_match(store)
    again = [article(i) for i in range(0, 24, 3)]
    ingest_documents(store, again, extractor_version="test-3")
    ingest_documents(store, [article(i) for i in range(24, 30)])
    assert_kept_totals_match(store)


def test_highlights_of_near_and_far_keys_equal_one_lookup_per_key(store):
    from quotegraph.store import fts
    from quotegraph.store.base import MARK_CLOSE, MARK_OPEN

    def one_by_one(pks, word):
        out = {}
        for pk in pks:
            for (marked,) in store.tuples(
                    "SELECT highlight(statements_fts, 0, ?, ?) FROM statements_fts "
                    "WHERE statements_fts MATCH ? AND rowid = ?",
                    (MARK_OPEN, MARK_CLOSE, fts.to_fts5(word), pk)):
                out[pk] = marked
        return out

    every = [pk for (pk,) in store.tuples("SELECT pk FROM statements ORDER BY pk")]
    harbour = sorted(one_by_one(every, "harbour"))
    ends = [harbour[0], harbour[-1]]  # far apart: more matches between them than the bound
    for slack in (50, 0):  # 0: the range scan stops early and the keys are looked up
        store.highlight_slack = slack
        for word in ("harbour", "reopen", "fees", "nothing"):
            for pks in (every[-12:], every[::9], every, every[:1], ends):
                got = store.highlight(pks, word)
                assert got == one_by_one(pks, word), (slack, word, len(pks))
    assert len(harbour) > 8
