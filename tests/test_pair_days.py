"""The kept per-day speaker -> actor edge counts (pair_days) equal the statements they count.

A network over a date range sums these counts instead of joining the range's statements to
their actors, so a count that drifted would give a wrong graph without any error. Each test
builds a real store through the ingest path (the project's sample articles and texts written
here), then compares the kept rows and the networks read from them with plain GROUP BY
queries over the statements themselves.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest

from quotegraph import query as Q
from quotegraph.model import Document
from quotegraph.query import StatementFilter as F
from quotegraph.store import open_store
from quotegraph.store.pipeline import ingest_documents

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "quotegraph" / "samples"
PEOPLE = [("Foreign Minister", "Ilse Varga"), ("Prime Minister", "Oskar Brandt"),
          ("Deputy Minister", "Lena Kovac")]
PLACES = ["Russia", "China", "Kazakhstan", "the European Union", "NATO"]


def written(i: int, *, dated: bool = True) -> Document:
    role, name = PEOPLE[i % 3]
    a, b = PLACES[i % 5], PLACES[(i + 2) % 5]
    text = (f"{role} {name} said on Tuesday that {a} and {b} must settle the dispute over "
            f"transit fees, in the {i}th meeting on the matter.\n\n"
            f"\"Nobody in {a} wants a trade war,\" {name} told a news conference.\n\n"
            f"According to {name}, {b} has yet to reply to the offer.\n")
    day = (date(2022, 1, 1) + timedelta(days=(i * 11) % 200)).isoformat() if dated else None
    return Document(text=text, source=f"pairs:{i}", published=day, outlet="Gamma Post")


def samples() -> list[Document]:
    docs = []
    for k, path in enumerate(sorted(SAMPLES.glob("*.txt"))):
        day = (date(2022, 2, 1) + timedelta(days=9 * k)).isoformat()
        docs.append(Document(text=path.read_text(encoding="utf-8"), source=str(path),
                             published=day, outlet="Sample Wire"))
    return docs


def plain_pair_days(store) -> Counter:
    return Counter({(d, s, a): n for d, s, a, n in store.tuples(
        "SELECT sa.statement_pk >> 40, s.speaker_id, sa.actor_id, count(*) "
        "FROM statement_about sa JOIN statements s ON s.pk = sa.statement_pk "
        "WHERE s.repeats IS NULL AND s.speaker_id IS NOT NULL GROUP BY 1, 2, 3")})


def kept(store) -> Counter:
    return Counter({(d, s, a): n for d, s, a, n in store.tuples(
        "SELECT day, speaker_id, actor_id, statements FROM pair_days")})


def plain_edges(store, since: date | None, until: date | None, min_weight: int = 1,
                limit: int = 200) -> list[tuple[str, str, int]]:
    lo = since.isoformat() if since else "0000"
    hi = until.isoformat() if until else "9999"
    return [tuple(r) for r in store.tuples(
        "SELECT s.speaker_id, sa.actor_id, count(*) AS n FROM statements s "
        "JOIN statement_about sa ON sa.statement_pk = s.pk WHERE s.repeats IS NULL "
        "AND s.speaker_id IS NOT NULL AND s.published >= ? AND s.published <= ? "
        "GROUP BY 1, 2 HAVING count(*) >= ? ORDER BY n DESC, 1, 2 LIMIT ?",
        (lo, hi, min_weight, limit))]


@pytest.fixture()
def store(tmp_path):
    s = open_store(str(tmp_path / "pairs.db"))
    ingest_documents(s, samples() + [written(i) for i in range(40)]
                     + [written(77, dated=False)], workers=1, batch_size=6)
    yield s
    s.close()


def test_kept_edge_days_equal_group_by(store):
    assert kept(store) == plain_pair_days(store)
    assert sum(kept(store).values()) > 40
    assert any(d == 0 for d, _, _ in kept(store))  # the undated article counts on day 0


def test_edge_days_follow_reextraction_and_new_articles(store):
    report = ingest_documents(store, [written(i) for i in range(0, 40, 3)] + samples()[:2],
                              workers=1, batch_size=4, extractor_version="pairs-v2")
    assert report.updated == 16
    ingest_documents(store, [written(i) for i in range(40, 52)], workers=1)
    assert kept(store) == plain_pair_days(store)


def test_migration_fills_edge_days_of_an_existing_store(store, tmp_path):
    before = kept(store)
    store.close()
    con = sqlite3.connect(tmp_path / "pairs.db")
    con.executescript("DROP TABLE pair_days; "
                      "DELETE FROM migrations WHERE name = '0010_pair_days';")
    con.close()
    again = open_store(str(tmp_path / "pairs.db"))
    try:
        assert kept(again) == plain_pair_days(again) == before
    finally:
        again.close()


@pytest.mark.parametrize("since, until", [
    (date(2022, 1, 1), date(2022, 1, 31)),
    (date(2022, 2, 10), date(2022, 5, 1)),
    (date(2022, 3, 8), date(2022, 3, 8)),  # one day (written(6))
    (date(2022, 4, 1), None),
    (None, date(2022, 2, 15)),             # leaves the undated article out
    (date(2030, 1, 1), None),              # nothing in range
])
@pytest.mark.parametrize("min_weight", [1, 2])
def test_network_over_dates_equals_plain_query(store, since, until, min_weight):
    got = Q.network(store, flt=F(since=since, until=until), min_weight=min_weight)
    edges = [(e["source"], e["target"], e["weight"]) for e in got["edges"]]
    assert edges == plain_edges(store, since, until, min_weight)
    if since != date(2030, 1, 1) and min_weight == 1:
        assert edges
    weights = Counter()
    for s, a, n in edges:
        weights[s] += n
        weights[a] += n
    assert {nd["id"]: nd["weight"] for nd in got["nodes"]} == dict(weights)


def test_network_over_dates_limit_keeps_heaviest(store):
    since, until = date(2022, 1, 1), date(2022, 7, 31)
    got = Q.network(store, flt=F(since=since, until=until), limit=3)
    assert [(e["source"], e["target"], e["weight"]) for e in got["edges"]] == \
        plain_edges(store, since, until, limit=3)
