"""Repeats: a headline or body line restating a statement of the same article is linked to it
and counted once everywhere, while the store and exports keep every row.

Texts are written for these tests; names are invented.
"""

from __future__ import annotations

import sqlite3

import pytest
from test_store_support import any_store  # noqa: F401 - fixture

from quotegraph import extract, query
from quotegraph.export import FORMATS, export_statements, read_rows
from quotegraph.store import open_store
from quotegraph.store.migrate import DATES_AND_REPEATS

HEADLINE = (
    "Freight corridor will open by spring, says Varga\n\n"
    "ASTANA, October 3. /TASS/. The new freight corridor across the Caspian will open by "
    "spring, Kazakh Transport Minister Elena Varga said on Tuesday.\n\n"
    "\"We will lower transit fees for our partners next year,\" Varga told reporters.\n"
)
MINISTRY = (
    "Joining sanctions would cost Central Asian states dearly — Foreign Ministry\n\n"
    "ASTANA, October 3. /TASS/. Joining the sanctions would cost Central Asian states more than "
    "any pressure from outside, Kazakh Foreign Ministry spokesman Daniyar Omarov told a briefing "
    "on Tuesday.\n"
)
BODY_TWICE = (
    "ASTANA, October 3. /TASS/. The corridor will open by spring, Elena Varga said. The corridor "
    "is the shortest route to Europe, she added.\n\n"
    "\"The corridor will open by spring,\" she said later.\n"
)
OTHER_SPEAKER = (
    "Varga says tariffs will fall\n\n"
    "ASTANA, October 3. /TASS/. The corridor will open by spring, Elena Varga said. Daniyar "
    "Omarov said that tariffs would fall next year.\n"
)

# (text, [(repeat's text, repeated statement's text)])
CASES = [
    (HEADLINE, [("Freight corridor will open by spring",
                 "The new freight corridor across the Caspian will open by spring")]),
    # the headline credits the ministry whose spokesman the body quotes
    (MINISTRY, [("Joining sanctions would cost Central Asian states dearly",
                 "Joining the sanctions would cost Central Asian states more than any pressure "
                 "from outside")]),
    (BODY_TWICE, [("The corridor will open by spring", "The corridor will open by spring")]),
    # same words, another speaker: not a repeat; different words: not a repeat
    (OTHER_SPEAKER, []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_repeats_are_linked(text, expected):
    a = extract(text, published="2024-10-03")
    by_span = {(s.start, s.end): s for s in a.statements}
    found = [(s.text, by_span[s.repeats].text) for s in a.statements if s.repeats]
    assert found == expected
    for s in a.statements:
        if s.repeats:
            assert by_span[s.repeats].repeats is None  # always the first telling
    # the record carries the link as offsets, and reads back
    record = a.to_dict()
    links = [s["repeats"] for s in record["statements"] if "repeats" in s]
    assert len(links) == len(expected)
    assert type(a).from_dict(record, text=text).statements == a.statements


ARTICLES = [HEADLINE, MINISTRY, BODY_TWICE, OTHER_SPEAKER]


def _fill(store):
    store.ingest([extract(t, published="2024-10-03") for t in ARTICLES], extractor_version="1")
    rows = store.rows("SELECT id, repeats, speaker_id FROM statements")
    once = [r for r in rows if r["repeats"] is None]
    assert len(rows) - len(once) == 3
    ids = {r["id"] for r in rows}
    assert all(r["repeats"] in ids for r in rows if r["repeats"])
    return rows, once


def test_store_counts_each_statement_once(any_store):  # noqa: F811
    rows, once = _fill(any_store)
    assert query.stats(any_store)["statements"] == len(once)
    assert query.stats(any_store)["repeats"] == len(rows) - len(once)
    page = query.search_statements(any_store, query.StatementFilter(), limit=100)
    assert page["total"] == len(once) == len(page["items"])
    assert all(h["repeats"] is None for h in page["items"])
    text_hits = query.search_statements(any_store, query.StatementFilter(q="corridor"), limit=100)
    assert all(h["repeats"] is None for h in text_hits["items"])
    assert text_hits["total"] == len(text_hits["items"])
    varga = query.get_speaker(any_store, "Elena Varga")
    stored = sum(r["speaker_id"] == varga["id"] for r in once)
    assert varga["statements"] == stored
    assert sum(p["count"] for p in varga["timeline"]) + varga["undated"] == stored
    for by in ("speaker", "actor", "outlet"):
        for series in query.timeline(any_store, by=by)["series"]:
            flt = {"speaker": {"speaker": series["key"]}, "actor": {"about": series["key"]},
                   "outlet": {"outlet": series["key"]}}[by]
            total = query.search_statements(any_store, query.StatementFilter(**flt),
                                            limit=1)["total"]
            assert sum(p["count"] for p in series["points"]) + series["undated"] == total
    facets = query.facets(any_store, query.StatementFilter(speaker=varga["id"]))
    assert sum(f["count"] for f in facets["kind"]) == stored
    edges = query.network(any_store)["edges"]
    filtered = query.network(any_store, flt=query.StatementFilter(since="2024-01-01"))["edges"]
    assert edges == filtered  # kept counts and grouped counts agree


def test_article_page_and_exports_keep_every_row(any_store, tmp_path):  # noqa: F811
    rows, once = _fill(any_store)
    art = next(r for r in any_store.rows("SELECT id, title FROM articles")
               if r["title"].startswith("Freight"))
    page = query.get_article(any_store, art["id"])
    head, body = page["statements"][0], page["statements"][1]
    assert head["repeats"] == body["id"] and body["repeats"] is None
    assert query.get_statement(any_store, head["id"])["repeats"] == body["id"]
    for fmt in FORMATS:
        out = tmp_path / f"all.{fmt}"
        assert export_statements(any_store, format=fmt, output=out) == len(rows)
        exported = read_rows(out, format=fmt)
        assert sorted((r["id"], r["repeats"]) for r in exported) == \
            sorted((r["id"], r["repeats"]) for r in rows)


def test_replacing_an_article_keeps_counts_exact(any_store):  # noqa: F811
    _, once = _fill(any_store)
    before = query.stats(any_store)["statements"]
    any_store.ingest([extract(t, published="2024-10-03") for t in ARTICLES], extractor_version="2")
    assert query.stats(any_store)["statements"] == before == len(once)
    # the ministry's only statement is a repeat: it counts none but its row stays referable
    head = any_store.one("SELECT speaker_id FROM statements WHERE repeats IS NOT NULL "
                         "AND text LIKE 'Joining sanctions%'")
    ministry = any_store.one("SELECT statements FROM speakers WHERE id = ?", (head["speaker_id"],))
    assert ministry is not None and ministry["statements"] == 0
    assert query.get_speaker(any_store, head["speaker_id"]) is None


def test_migration_0002_upgrades_an_old_sqlite_file(tmp_path, monkeypatch):
    import quotegraph.store.sqlite as backend

    db = tmp_path / "old.db"
    monkeypatch.setattr(backend, "MIGRATIONS", backend.MIGRATIONS[:1])
    open_store(db).close()
    con = sqlite3.connect(db)
    assert "repeats" not in {r[1] for r in con.execute("PRAGMA table_info(statements)")}
    con.close()
    monkeypatch.undo()
    with open_store(db) as s:
        s.ingest([extract(HEADLINE, published="2024-10-03")], extractor_version="1")
        names = [r["name"] for r in s.rows("SELECT name FROM migrations ORDER BY name")]
        assert DATES_AND_REPEATS.name in names
        assert s.one("SELECT count(*) AS n FROM statements WHERE repeats IS NOT NULL")["n"] == 1


def test_dates_stored_and_shown(any_store):  # noqa: F811
    text = ("date 2024-04-02 MINSK, April 3. /BelTA/. The council will meet in May, "
            "the minister said.\n")
    any_store.ingest([extract(text)], extractor_version="1")
    art = any_store.one("SELECT id FROM articles")
    page = query.get_article(any_store, art["id"])
    assert (page["published"], page["published_how"], page["date_conflict"]) == (
        "2024-04-03", "dateline+date-line",
        "date-line 2024-04-02 disagrees with dateline 2024-04-03")


def test_migration_0002_upgrades_an_old_postgres_schema(monkeypatch):
    import quotegraph.store.postgres as backend
    from test_store_support import pg_schema

    with pg_schema() as dsn:
        monkeypatch.setattr(backend, "MIGRATIONS", backend.MIGRATIONS[:1])
        open_store(dsn).close()
        monkeypatch.undo()
        with open_store(dsn) as s:
            assert DATES_AND_REPEATS.name in [
                r["name"] for r in s.rows("SELECT name FROM migrations ORDER BY name")]
            s.ingest([extract(HEADLINE, published="2024-10-03")], extractor_version="1")
            assert s.one("SELECT count(*) AS n FROM statements "
                         "WHERE repeats IS NOT NULL")["n"] == 1
            assert query.stats(s)["statements"] == 2


def test_cli_show_and_stats(tmp_path):
    import subprocess
    import sys

    src = tmp_path / "corridor.txt"
    src.write_text("date 2024-10-02 " + HEADLINE, encoding="utf-8")
    db = tmp_path / "c.db"

    def run(*args):
        return subprocess.run([sys.executable, "-m", "quotegraph", *args, "--db", str(db)],
                              capture_output=True, text=True, check=True).stdout

    run("ingest", str(src))
    with open_store(db) as s:
        aid = s.one("SELECT id FROM articles")["id"]
        body = s.one("SELECT id FROM statements WHERE repeats IS NULL ORDER BY start")["id"]
    shown = run("show", aid)
    assert "date from dateline+date-line" in shown
    assert "dates disagree: date-line 2024-10-02 disagrees with dateline 2024-10-03" in shown
    assert f"repeats {body} (counted once)" in shown
    stats = run("stats").split("\n")
    assert [line.split() for line in stats[1:3]] == [["statements", "2"], ["repeats", "1"]]


def test_text_facets_count_each_statement_once(tmp_path):
    # Facets of a text query read its matches' keys with repeats already left out (the
    # sampled path reads the about index with no repeat filter of its own): every count must
    # equal a plain count over the matching statements that are not repeats.
    store = open_store(str(tmp_path / "r.db"))
    try:
        _fill(store)
        for word in ("corridor", "spring", "sanctions"):
            got = query.facets(store, query.StatementFilter(q=word), limit=50)
            rows = store.rows(
                "SELECT pk, speaker_id, kind FROM statements WHERE repeats IS NULL AND pk IN "
                "(SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?)", (word,))
            assert rows, word
            pks = [r["pk"] for r in rows]
            about: dict[str, int] = {}
            for (aid,) in store.tuples(
                    f"SELECT actor_id FROM statement_about WHERE statement_pk IN "
                    f"({','.join('?' * len(pks))})", pks):
                about[aid] = about.get(aid, 0) + 1
            assert {e["value"]: e["count"] for e in got["about"]} == about
            kinds: dict[str, int] = {}
            for r in rows:
                kinds[r["kind"]] = kinds.get(r["kind"], 0) + 1
            assert {e["value"]: e["count"] for e in got["kind"]} == kinds
        repeated = store.rows("SELECT pk FROM statements WHERE repeats IS NOT NULL")
        assert store.tuples(  # the repeats do have actors: leaving them out matters
            f"SELECT count(*) FROM statement_about WHERE statement_pk IN "
            f"({','.join('?' * len(repeated))})", [r["pk"] for r in repeated])[0][0] > 0
    finally:
        store.close()
