""""Also reported by" from the kept cluster summaries equals a fresh read, and follows every commit.

Each cluster's summary (member count, earliest member, outlets in order) is kept in the
``cluster_summary`` table by every write that adds or removes members (store.clusters). These
tests build a real store of reprints written here, read the hits through one long-lived store
object, change the data through another connection and through the same object, and compare
with a store opened afresh and with answers computed row by row from the members.
"""

from __future__ import annotations

import pytest

from quotegraph import query as Q
from quotegraph.model import Document
from quotegraph.query import StatementFilter as F
from quotegraph.store import open_store
from quotegraph.store.pipeline import ingest_documents

QUOTE = ("\"The new bridge over the fjord will carry its first trains before the end of the "
         "decade, whatever the cost overruns,\" Infrastructure Minister Tove Lunde said.")
OUTLETS = ["Fjord Post", "Rail Weekly", "Harbour Herald", "Evening Ledger", "Coast Radio"]


def reprint(i: int, day: int) -> Document:
    text = f"Bridge plans, part {i}\n\n{QUOTE} She spoke in Bergen on day {i}.\n"
    return Document(text=text, source=f"bridge:{i}", published=f"2025-04-{day:02d}",
                    outlet=OUTLETS[i % len(OUTLETS)])


def reported(store) -> list:
    return [h["also_reported_by"] for h in Q.search_statements(store, F(q="fjord"))["items"]]


def fresh(path) -> list:
    s = open_store(str(path), create=False)
    try:
        return reported(s)
    finally:
        s.close()


@pytest.fixture()
def path(tmp_path):
    p = tmp_path / "bridge.db"
    s = open_store(str(p))
    ingest_documents(s, [reprint(i, 10 + i) for i in range(3)])
    s.close()
    return p


def count_member_reads(store) -> list[int]:
    reads = [0]
    real = store.tuples

    def tuples(sql, params=()):
        if "WHERE c.cluster IN" in sql:  # the members of whole clusters
            reads[0] += 1
        return real(sql, params)

    store.tuples = tuples
    return reads


def test_the_fixture_clusters_the_reprints(path):
    got = fresh(path)
    assert len(got) == 3 and all(r is not None for r in got)
    assert {r["statements"] for r in got} == {3}


def test_kept_summaries_answer_without_reading_members_and_equal_a_fresh_read(path):
    s = open_store(str(path), create=False)
    try:
        reads = count_member_reads(s)
        first = reported(s)
        assert reported(s) == first == fresh(path)
        assert reads[0] == 0  # one summary row per cluster, not its members
    finally:
        s.close()


def test_a_commit_by_another_connection_is_seen(path):
    s = open_store(str(path), create=False)
    try:
        before = reported(s)
        other = open_store(str(path), create=False)
        try:  # a later reprint from a new outlet: the cluster (its id) stays, it grows
            ingest_documents(other, [reprint(3, 27)])
        finally:
            other.close()
        after = reported(s)
        assert after == fresh(path) != before
        assert {r["cluster"] for r in after} == {r["cluster"] for r in before}
        assert {r["statements"] for r in after} == {4}
        assert sum("Evening Ledger" in r["outlets"] for r in after) == 3  # all but its own
    finally:
        s.close()


def test_a_commit_through_the_same_store_is_seen(path):
    s = open_store(str(path), create=False)
    try:
        before = reported(s)
        ingest_documents(s, [reprint(4, 28)])
        after = reported(s)
        assert after == fresh(path) != before
        assert {r["cluster"] for r in after} == {r["cluster"] for r in before}
        assert any("Coast Radio" in r["outlets"] for r in after)
    finally:
        s.close()


def test_an_in_memory_store_keeps_summaries_too():
    s = open_store(":memory:")
    try:
        ingest_documents(s, [reprint(i, 10 + i) for i in range(3)])
        reads = count_member_reads(s)
        assert reported(s) == reported(s)
        assert {r["statements"] for r in reported(s)} == {3}
        assert reads[0] == 0
    finally:
        s.close()


def test_a_path_with_uri_characters_is_kept_apart(tmp_path):
    # the version connection opens the store by URI: '?', '#' and '%' must stay in the name
    odd = tmp_path / "a?b#c%d.db"
    decoy = tmp_path / "a"  # what an unquoted "file:.../a?b#c%d.db" URI would open
    open_store(str(decoy)).close()
    s = open_store(str(odd))
    try:
        ingest_documents(s, [reprint(i, 10 + i) for i in range(2)])
        before = s.data_token()
        assert before is not None
        ingest_documents(s, [reprint(2, 20)])
        assert s.data_token() != before
        assert {r["statements"] for r in reported(s)} == {3}
    finally:
        s.close()


def plain_summaries(store) -> dict:
    """Every cluster's summary computed from its member rows, as the writer computes it."""
    from quotegraph.store.clusters import _MEMBER_ORDER, _MEMBERS, summaries_of

    return summaries_of(store.tuples(f"{_MEMBERS} {_MEMBER_ORDER}"))


def kept_summaries(store) -> dict:
    import json

    return {c: (n, first, json.loads(outlets)) for c, n, first, outlets in store.tuples(
        "SELECT cluster, statements, first_pk, outlets FROM cluster_summary")}


def test_kept_summaries_follow_reextraction_edits_and_rebuild(tmp_path):
    from quotegraph.store import clusters

    s = open_store(str(tmp_path / "edits.db"))
    try:
        ingest_documents(s, [reprint(i, 1 + (i * 5) % 28) for i in range(8)])
        assert kept_summaries(s) == plain_summaries(s) and kept_summaries(s)
        # a new extractor version rewrites some articles (their members leave and come back)
        ingest_documents(s, [reprint(i, 1 + (i * 5) % 28) for i in range(0, 8, 3)],
                         extractor_version="bridge-v2")
        assert kept_summaries(s) == plain_summaries(s)
        # an article now dated earlier and by another outlet: the cluster's first member and
        # outlet order change
        moved = reprint(5, 1)
        moved = Document(text=moved.text, source=moved.source, published="2025-03-01",
                         outlet="Night Desk")
        ingest_documents(s, [moved], extractor_version="bridge-v3")
        kept = kept_summaries_before = kept_summaries(s)
        assert kept == plain_summaries(s)
        assert any(outlets[0] == "Night Desk" for _, _, outlets in kept.values())
        # A re-extraction that finds no statement of that speaker in an article: the writer
        # removes the article's rows (its delete path) and no refresh covers the speaker.
        aid = s.tuples("SELECT s.article_id FROM statement_cluster c JOIN statements s "
                       "ON s.pk = c.statement_pk ORDER BY s.pk LIMIT 1")[0][0]
        with s._write() as cur:
            s._delete_children(cur, [aid])
        kept = kept_summaries(s)
        assert kept == plain_summaries(s)
        assert sum(n for n, _, _ in kept.values()) < sum(
            n for n, _, _ in kept_summaries_before.values())
        clusters.rebuild(s)
        assert kept_summaries(s) == plain_summaries(s)
    finally:
        s.close()


def test_the_migration_fills_summaries_of_an_existing_store(path):
    import sqlite3

    before = fresh(path)
    con = sqlite3.connect(path)
    con.executescript("DROP TABLE cluster_summary; "
                      "DELETE FROM migrations WHERE name = '0011_cluster_summary';")
    con.close()
    s = open_store(str(path))
    try:
        assert kept_summaries(s) == plain_summaries(s) and kept_summaries(s)
        assert reported(s) == before
    finally:
        s.close()


def row_by_row(store, pk: int) -> dict | None:
    """"Also reported by" of one statement as first written: every member row, in order."""
    found = store.tuples("SELECT cluster FROM statement_cluster WHERE statement_pk = ?", (pk,))
    if not found:
        return None
    group = store.tuples(
        "SELECT s.pk, s.id, a.outlet, a.published FROM statement_cluster c "
        "JOIN statements s ON s.pk = c.statement_pk JOIN articles a ON a.id = s.article_id "
        "WHERE c.cluster = ? ORDER BY a.published IS NULL, a.published, s.pk", found[0])
    own = next(m[2] for m in group if m[0] == pk)
    outlets: list[str] = []
    for _, _, outlet, _ in group:
        if outlet and outlet != own and outlet not in outlets:
            outlets.append(outlet)
    return {"cluster": found[0][0], "outlets": outlets, "statements": len(group),
            "first_seen": {"statement_id": group[0][1], "outlet": group[0][2],
                           "published": group[0][3]}}


def test_summaries_equal_the_row_by_row_answer(tmp_path):
    from quotegraph.store.clusters import also_reported_by

    s = open_store(str(tmp_path / "many.db"))
    try:  # repeated outlets, one undated reprint, two clusters' worth of days
        docs = [reprint(i, 1 + (i * 7) % 28) for i in range(9)]
        docs.append(Document(text=docs[0].text.replace("part 0", "part 99"), source="bridge:99",
                             published=None, outlet="Rail Weekly"))
        ingest_documents(s, docs)
        pks = [pk for (pk,) in s.tuples("SELECT statement_pk FROM statement_cluster")]
        assert len(pks) >= 10
        for _ in range(2):  # computed, then from the kept summaries
            got = also_reported_by(s, pks)
            assert got == {pk: row_by_row(s, pk) for pk in pks}
    finally:
        s.close()
