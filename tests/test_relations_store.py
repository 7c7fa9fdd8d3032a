"""Stored relations as users reach them: the store on SQLite and PostgreSQL (migration 0003),
``search --relations`` and ``export --table relations`` as subprocesses, ``/api/relations``,
relations nested on API statements, and the pages.

Articles are written for these tests and go through the real extractor (real country names so
that the knowledge base resolves them; the events are invented).
"""

from __future__ import annotations

import json
import warnings

import pytest
from test_ingest_cli import run
from test_store_support import any_store  # noqa: F401 - fixture

from quotegraph.export import read_rows
from quotegraph.extract import extract
from quotegraph.store.relations import RelationFilter, search_relations

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette: "use httpx2"; irrelevant to these tests
    from fastapi.testclient import TestClient

from quotegraph.api import create_app

TEXTS = {
    "pressure.txt": (
        "Talks on the river treaty\n\nNORDHAVEN, March 3, 2023. Foreign Minister Anna Berg said "
        "the West is seeking to force Kazakhstan to give up its neutrality. She also accused "
        "Western capitals of freezing the talks. She criticised unfriendly states for freezing "
        "the assets.\n"),
    "praise.txt": (
        "Mediation praised\n\nSOUTHPORT, May 9, 2023. Deputy Minister Pavel Orlin said his "
        "government strongly supports Armenia in the talks and praised Qatar for its "
        "mediation.\n"),
}


def articles():
    return [extract(t, source=n) for n, t in TEXTS.items()]


def made():
    return sorted((r.type, r.target.text) for a in articles() for st in a.statements
                  for r in st.relations)


def test_the_articles_carry_relations():
    assert ("accuse", "the West") in made() and ("praise", "Qatar") in made()


def test_store_round_trip_and_filters(any_store):  # noqa: F811
    any_store.ingest(articles(), extractor_version="test")
    page = search_relations(any_store, limit=100)
    assert sorted((i["type"], i["target"]["text"]) for i in page["items"]) == made()
    texts = {a.source: a.text for a in articles()}
    for i in page["items"]:
        text = next(t for t in texts.values() if i["statement"] in t)
        for key in ("trigger", "target", "affected"):
            if i[key]:
                assert text[i[key]["start"]:i[key]["end"]] == i[key]["text"]
    west = search_relations(any_store, rf=RelationFilter(target="the west"))["items"]
    assert west and all("west" in i["target"]["text"].lower() for i in west)
    assert west[0]["source"]["name"] == "Anna Berg"
    sup = search_relations(any_store, rf=RelationFilter(plover="support"))["items"]
    assert {i["type"] for i in sup} == {"support", "praise"}
    coll = search_relations(any_store, rf=RelationFilter(collective=True))["items"]
    assert coll and all(i["collective"] for i in coll)
    total = page["total"]
    any_store.ingest(articles(), extractor_version="test-2")  # re-ingest replaces, never adds
    assert search_relations(any_store)["total"] == total


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    d = tmp_path_factory.mktemp("relations")
    (d / "texts").mkdir()
    for name, text in TEXTS.items():
        (d / "texts" / name).write_text(text, encoding="utf-8")
    r = run("ingest", d / "texts", "--db", d / "r.db")
    assert r.returncode == 0, r.stderr
    return d / "r.db"


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db)) as c:
        yield c


def test_api_relations(client):
    body = client.get("/api/relations", params={"limit": 100}).json()
    assert body["total"] == len(made())
    (item,) = client.get("/api/relations", params={"type": "praise"}).json()["items"]
    assert item["target"]["text"] == "Qatar" and item["plover"] == "SUPPORT"
    assert item["source"]["name"] == "Pavel Orlin"
    r = client.get("/api/relations", params={"limit": 0})
    assert r.status_code in (400, 422)


def test_api_statements_and_pages_show_relations(client):
    items = client.get("/api/statements", params={"q": "neutrality"}).json()["items"]
    assert items[0]["relations"][0]["affected"]["text"] == "Kazakhstan"
    html = client.get("/", params={"q": "neutrality"}).text
    assert 'class="relations"' in html and "the West" in html and "→ Kazakhstan" in html


def test_search_relations_cli(db):
    r = run("search", "--relations", "--db", db)
    assert r.returncode == 0, r.stderr
    assert f"of {len(made())} relations" in r.stdout
    assert "the West [collective]" in r.stdout and "accuse (ACCUSE)" in r.stdout
    r = run("search", "--relations", "--type", "praise", "--format", "jsonl", "--db", db)
    (line,) = r.stdout.splitlines()
    assert json.loads(line)["target"]["text"] == "Qatar"
    for bad, msg in ((["--type", "accuse"], "add --relations"),
                     (["--claims", "--type", "accuse"], "add --relations"),
                     (["--relations", "--unit", "percent"], "add --claims"),
                     (["--claims", "--relations"], "choose one")):
        r = run("search", *bad, "--db", db)
        assert r.returncode != 0 and msg in r.stderr and "Traceback" not in r.stderr


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_relations_in_every_format(db, tmp_path, fmt):
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    out = tmp_path / f"relations.{fmt}"
    r = run("export", "--table", "relations", "--format", fmt, "-o", out, "--db", db)
    assert r.returncode == 0, r.stderr
    rows = read_rows(out, format=fmt, table="relations")
    assert len(rows) == len(made())
    west = [x for x in rows if x["target"] == "the West"]
    assert west and west[0]["collective"] is True and west[0]["affected"] == "Kazakhstan"
    assert west[0]["speaker_name"] == "Anna Berg"


def test_network_filtered_by_relation(client):
    net = client.get("/api/network", params={"relation": "ACCUSE"}).json()
    targets = {n["label"]: n for n in net["nodes"] if n["actor"]}
    # "Western capitals" resolves to the West in the knowledge base: one node, two relations.
    assert targets["the West"]["weight"] == 2 and targets["the West"]["type"] == "grouping"
    # A collective target the knowledge base does not know is a node of its own.
    assert targets["unfriendly states"]["type"] == "collective"
    assert targets["unfriendly states"]["id"] == "collective:unfriendly states"
    assert {e["source"] for e in net["edges"]} == {
        n["id"] for n in net["nodes"] if n["speaker"] and n["label"] == "Anna Berg"}
    praise = client.get("/api/network", params={"relation": "praise"}).json()
    assert [n["label"] for n in praise["nodes"] if n["actor"]] == ["Qatar"]
    plain = client.get("/api/network").json()  # without relation: who talks about whom
    assert plain["edges"]


def test_network_relation_errors_and_page(client):
    r = client.get("/api/network", params={"relation": "insult"})
    assert r.status_code == 400 and "unknown relation" in r.text
    page = client.get("/network", params={"relation": "ACCUSE"})
    assert page.status_code == 200
    assert 'data-api="/api/network?relation=ACCUSE"' in page.text
    assert '<option value="ACCUSE" selected>' in page.text
    bad = client.get("/network", params={"relation": "insult"})
    assert bad.status_code == 400 and "unknown relation" in bad.text
