"""The same statement across outlets: reprints of one speaker's statement in different
articles are clustered; search, the CLI and the API say "also reported by".

Texts are written for these tests; names and places are invented.
"""

from __future__ import annotations

import json
import re
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_store_support import any_store  # noqa: F401 - fixture

from quotegraph import extract, query
from quotegraph.store import open_store
from quotegraph.store.clusters import THRESHOLD, cluster_rows, rebuild, shingles

WIRE = ("Foreign Minister Halvard Brenn said on Monday that \"we will never accept a truce that "
        "rewards the invasion of our northern provinces and the people living there.\" "
        "He spoke in Oslo.")
TRIMMED = ("\"We will never accept a truce that rewards the invasion of our northern "
           "provinces,\" Foreign Minister Halvard Brenn said.")
OTHER_TOPIC = ("Foreign Minister Halvard Brenn said that the harvest this year was the best the "
               "country has seen in a decade.")
OTHER_SPEAKER = ("\"We will never accept a truce that rewards the invasion of our northern "
                 "provinces,\" Defence Minister Ingrid Solvik said.")

DOCS = [
    {"title": "Minister rejects truce", "text": WIRE, "outlet": "Nordwire",
     "published": "2026-03-02"},
    {"title": "No truce, says Brenn", "text": TRIMMED, "outlet": "Daily Ledger",
     "published": "2026-03-03"},
    {"title": "Harvest", "text": OTHER_TOPIC, "outlet": "Farm Times", "published": "2026-03-04"},
    {"title": "Solvik on truce", "text": OTHER_SPEAKER, "outlet": "Coast Post",
     "published": "2026-03-05"},
]


SRC = Path(__file__).resolve().parents[1] / "src"


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The CLI of this checkout, run from another folder as a user would."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC),
                                                        os.environ.get("PYTHONPATH", "")])}
    return subprocess.run([sys.executable, "-m", "quotegraph", *args], cwd=cwd,
                          capture_output=True, text=True, env=env, timeout=120)


def _jsonl(path: Path, docs: list[dict]) -> Path:
    path.write_text("".join(json.dumps(d) + "\n" for d in docs))
    return path


def test_shingles_ignore_case_and_punctuation():
    assert shingles("We will, never ACCEPT it!") == shingles("we will never accept it")
    assert len(shingles("one two three four five")) == 2
    assert len(shingles("too short")) == 1
    assert shingles("...") == set()


def test_cluster_rows_needs_same_speaker_other_article_and_similar_words():
    text = "we will never accept a truce that rewards the invasion of our northern provinces"
    rows = [
        (10, "a1", "id:brenn", text + " and the people living there"),
        (11, "a2", "id:brenn", text),
        (12, "a3", "id:solvik", text),                   # another speaker
        (13, "a4", "id:brenn", "the harvest this year was the best in a decade"),
        (14, "a1", "id:brenn", text),                    # same article as 10
        (15, "a5", "m:the spokesman", text),             # unresolved speaker, by mention
        (16, "a6", "m:the spokesman", text + " at all"),
    ]
    found = cluster_rows(rows)
    assert found[10] == found[11] == found[14] == 10
    assert 12 not in found and 13 not in found
    assert found[15] == found[16] == 15
    assert 0 < THRESHOLD < 1


def test_ingest_clusters_across_runs_and_rebuild_agrees(any_store):  # noqa: F811
    store = any_store
    arts = [extract(d["text"], title=d["title"], outlet=d["outlet"], published=d["published"])
            for d in DOCS]
    store.ingest(arts[:1], extractor_version="1")
    assert store.rows("SELECT * FROM statement_cluster") == []
    store.ingest(arts[1:], extractor_version="1")  # a later run finds the earlier reprint
    incremental = sorted(store.tuples("SELECT statement_pk, cluster FROM statement_cluster"))
    assert len(incremental) == 2
    counts = rebuild(store)
    assert counts["clusters"] == 1 and counts["clustered"] == 2
    assert sorted(store.tuples("SELECT statement_pk, cluster FROM statement_cluster")) == \
        incremental
    page = query.search_statements(store, query.StatementFilter(q="truce"))
    by_outlet = {h["article"]["outlet"]: h for h in page["items"]}
    assert by_outlet["Coast Post"]["also_reported_by"] is None
    ledger = by_outlet["Daily Ledger"]["also_reported_by"]
    assert ledger["outlets"] == ["Nordwire"]
    assert ledger["first_seen"]["outlet"] == "Nordwire"
    assert ledger["first_seen"]["published"] == "2026-03-02"
    assert by_outlet["Nordwire"]["also_reported_by"]["outlets"] == ["Daily Ledger"]
    # re-extracting an article replaces its statements; no stale cluster rows stay behind
    store.ingest(arts[1:2], extractor_version="2")
    pks = {r[0] for r in store.tuples("SELECT pk FROM statements")}
    assert {r[0] for r in store.tuples("SELECT statement_pk FROM statement_cluster")} <= pks
    assert len(store.tuples("SELECT statement_pk FROM statement_cluster")) == 2


def test_cli_search_says_also_reported_by_and_cluster_rebuilds(tmp_path):
    db = tmp_path / "q.db"
    first = _cli("ingest", str(_jsonl(tmp_path / "a.jsonl", DOCS[:2])), "--db", str(db),
                 "--workers", "1", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    out = _cli("search", "truce", "--db", str(db), cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "also reported by: Nordwire (first: Nordwire, 2026-03-02)" in out.stdout
    assert "also reported by: Daily Ledger (first: Nordwire, 2026-03-02)" in out.stdout
    with open_store(db) as store:
        with store._write() as cur:
            cur.execute("DELETE FROM statement_cluster")
    assert "also reported by" not in _cli("search", "truce", "--db", str(db),
                                          cwd=tmp_path).stdout
    done = _cli("cluster", "--db", str(db), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("1 clusters of 2 statements (of 2)")
    again = _cli("search", "truce", "--db", str(db), "--format", "jsonl", cwd=tmp_path)
    hits = [json.loads(line) for line in again.stdout.splitlines()]
    assert sorted(h["also_reported_by"]["first_seen"]["outlet"] for h in hits) == \
        ["Nordwire", "Nordwire"]
    missing = _cli("cluster", "--db", str(tmp_path / "none.db"), cwd=tmp_path)
    assert missing.returncode != 0 and "none.db" in missing.stderr


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from quotegraph.api import create_app

    db = tmp_path_factory.mktemp("clusters") / "q.db"
    with open_store(db) as store:
        store.ingest([extract(d["text"], title=d["title"], outlet=d["outlet"],
                              published=d["published"]) for d in DOCS])
    with TestClient(create_app(db)) as c:
        yield c


def test_api_statements_carry_also_reported_by_and_list_a_cluster(client):
    items = client.get("/api/statements", params={"q": "truce"}).json()["items"]
    by_outlet = {h["article"]["outlet"]: h for h in items}
    assert by_outlet["Coast Post"]["also_reported_by"] is None
    also = by_outlet["Daily Ledger"]["also_reported_by"]
    assert also["outlets"] == ["Nordwire"] and also["statements"] == 2
    assert also["first_seen"]["outlet"] == "Nordwire"
    one = client.get(f"/api/statements/{by_outlet['Nordwire']['id']}").json()
    assert one["also_reported_by"]["cluster"] == also["cluster"]
    page = client.get(f"/api/clusters/{also['cluster']}").json()
    assert [h["article"]["outlet"] for h in page["items"]] == ["Nordwire", "Daily Ledger"]
    assert client.get("/api/clusters/12345").status_code == 404


def test_ui_shows_also_reported_by_and_the_cluster_page(client):
    html = client.get("/", params={"q": "truce"}).text
    assert html.count('class="also"') == 2
    assert re.search(r'also reported by\s*<span class="outlet">Nordwire</span>', html)
    cid = re.search(r'href="/clusters/(\d+)"', html).group(1)
    page = client.get(f"/clusters/{cid}")
    assert page.status_code == 200
    assert page.text.count('<article class="card"') == 2
    assert "Coast Post" not in page.text
    # the strict CSP allows no inline script: every script tag loads a file
    assert all("src=" in tag for tag in re.findall(r"<script[^>]*>", page.text))
    assert client.get("/clusters/12345").status_code == 404
