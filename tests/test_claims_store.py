"""Stored numeric claims as users reach them: the store on SQLite and PostgreSQL (migration
0003), ``quotegraph search --claims`` and ``export --table claims`` as subprocesses, ``/api/claims``
and the web pages through the FastAPI test client.

The articles are written for these tests (invented ministers, countries and outlets) and go
through the real extractor, so what is stored is what a user's ingest stores.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest
from test_ingest_cli import run
from test_store_support import any_store  # noqa: F401 - fixture

from quotegraph import query as Q
from quotegraph.export import read_rows
from quotegraph.extract import extract
from quotegraph.store import open_store
from quotegraph.store.claims import ClaimFilter, search_claims

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette: "use httpx2"; irrelevant to these tests
    from fastapi.testclient import TestClient

from quotegraph.api import create_app

ARTICLES = {
    "harbour.txt": (
        "Harbour trade grows\n\n"
        'NORDHAVEN, March 3, 2023. "Trade turnover between our countries rose by about 12% in '
        'January-October 2022 and reached $4.5 billion," Trade Minister Anna Berg said on Friday. '
        "She added that more than 1,200 companies with Freeland capital now operate in the "
        "country and that the new port would create around 9,000 jobs.\n\n"
        "Freeland accounts for 40% of foreign trade, Deputy Minister Pavel Orlin told reporters.\n"),
    "grain.txt": (
        "Grain corridor\n\n"
        "SOUTHPORT, May 9, 2023. Exports of grain through the corridor reached 8 million tonnes "
        "in the first quarter of 2023, Transport Minister Mira Santos said on Tuesday. "
        '"We expect investment of 1.5 trillion rubles by 2030," she said.\n'),
    "quiet.txt": (
        "No figures today\n\n"
        'NORDHAVEN, June 1, 2023. "We will keep talking to our neighbours," Foreign Minister '
        "Anna Berg said on Monday.\n"),
}


def write_texts(directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (directory / name).write_text(text, encoding="utf-8")
    return directory


def extracted() -> list:
    return [extract(t, source=n) for n, t in ARTICLES.items()]


def expected_claims() -> list[tuple[str, str]]:
    """(article text, claim text) of every claim the extractor puts in a statement."""
    return [(a.text, c.text) for a in extracted() for st in a.statements for c in st.claims]


def test_the_invented_articles_carry_claims():
    found = expected_claims()
    assert len(found) >= 6
    assert {c for _, c in found} >= {"about 12%", "$4.5 billion", "40%", "8 million tonnes",
                                      "1.5 trillion rubles"}


def test_store_round_trip(any_store):  # noqa: F811
    arts = extracted()
    any_store.ingest(arts, extractor_version="test")
    assert any_store.one("SELECT count(*) AS n FROM claims")["n"] == len(expected_claims())
    page = search_claims(any_store, limit=100)
    assert page["total"] == len(expected_claims())
    by_text = {a.text: a for a in arts}
    for hit in page["items"]:
        art = Q.get_article(any_store, hit["article_id"])
        assert art["text"][hit["start"]:hit["end"]] == hit["text"]
        for key in ("measure", "period"):
            if hit[key]:
                assert art["text"][hit[key]["start"]:hit[key]["end"]] == hit[key]["text"]
        assert art["text"] in by_text
    stored = {(h["text"], h["value"], h["unit"], h["currency"]) for h in page["items"]}
    made = {(c.text, c.value, c.unit, c.currency) for a in arts for st in a.statements
            for c in st.claims}
    assert stored == made
    # The statement view nests the same claims.
    art = Q.get_article(any_store, page["items"][0]["article_id"])
    nested = [c["text"] for st in art["statements"] for c in st["claims"]]
    assert page["items"][0]["text"] in nested


def test_filters_and_reingest(any_store):  # noqa: F811
    any_store.ingest(extracted(), extractor_version="test")
    pct = search_claims(any_store, cf=ClaimFilter(unit="percent"), limit=50)
    assert pct["total"] >= 2 and all(h["unit"] == "percent" for h in pct["items"])
    usd = search_claims(any_store, cf=ClaimFilter(currency="usd"), limit=50)
    assert [h["text"] for h in usd["items"]] == ["$4.5 billion"]
    big = search_claims(any_store, cf=ClaimFilter(min_value=1e9), limit=50)
    assert {h["text"] for h in big["items"]} == {"$4.5 billion", "1.5 trillion rubles"}
    trade = search_claims(any_store, cf=ClaimFilter(measure="trade"), limit=50)
    assert trade["total"] >= 2 and all("trade" in h["measure"]["text"].lower()
                                       for h in trade["items"])
    by_speaker = search_claims(any_store, Q.StatementFilter(speaker="Mira Santos"), limit=50)
    assert {h["text"] for h in by_speaker["items"]} >= {"8 million tonnes"}
    # Re-ingesting a changed extraction replaces the claims rather than adding to them.
    total = search_claims(any_store)["total"]
    any_store.ingest(extracted(), extractor_version="test-2")
    assert search_claims(any_store)["total"] == total


def test_claims_table_comes_from_migration_0003(any_store):  # noqa: F811
    names = [r["name"] for r in any_store.rows("SELECT name FROM migrations")]
    assert "0003_relate" in names
    assert any_store.rows("SELECT * FROM claims") == []


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    d = tmp_path_factory.mktemp("claims")
    r = run("ingest", write_texts(d / "texts"), "--db", d / "c.db")
    assert r.returncode == 0, r.stderr
    return d / "c.db"


def test_search_claims_cli_table_and_jsonl(db):
    r = run("search", "--claims", "--db", db)
    assert r.returncode == 0, r.stderr
    n = len(expected_claims())
    assert f"of {n:,} claims" in r.stdout
    assert "$4.5 billion" in r.stdout and "Anna Berg" in r.stdout
    r = run("search", "--claims", "--unit", "percent", "--format", "jsonl", "--db", db)
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert rows and all(x["unit"] == "percent" for x in rows)
    assert {x["text"] for x in rows} >= {"about 12%", "40%"}
    r = run("search", "grain", "--claims", "--format", "jsonl", "--db", db)
    assert {json.loads(x)["text"] for x in r.stdout.splitlines()} >= {"8 million tonnes"}


def test_search_claims_cli_errors(db):
    r = run("search", "--claims", "--min", "10", "--max", "1", "--db", db)
    assert r.returncode != 0
    assert "min value" in r.stderr and "Traceback" not in r.stderr
    r = run("search", "--unit", "percent", "--db", db)
    assert r.returncode != 0 and "--claims" in r.stderr


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_claims_in_every_format(db, tmp_path, fmt):
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    out = tmp_path / f"claims.{fmt}"
    r = run("export", "--table", "claims", "--format", fmt, "-o", out, "--db", db)
    assert r.returncode == 0, r.stderr
    with open_store(db) as s:
        stored = s.one("SELECT count(*) AS n FROM claims")["n"]
    rows = read_rows(out, format=fmt, table="claims")
    assert len(rows) == stored == len(expected_claims())
    assert f"exported {stored:,} claims" in r.stderr
    usd = [x for x in rows if x["currency"] == "USD"]
    assert usd and usd[0]["value"] == pytest.approx(4.5e9) and usd[0]["speaker_name"] == "Anna Berg"


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db)) as c:
        yield c


def test_api_claims(client):
    r = client.get("/api/claims", params={"limit": 100})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["total"] == len(expected_claims()) == len(body["items"])
    r = client.get("/api/claims", params={"unit": "currency", "currency": "RUB"})
    (item,) = r.json()["items"]
    assert item["value"] == pytest.approx(1.5e12) and item["period"]["text"] == "by 2030"
    assert item["speaker"]["name"] == "Mira Santos"
    r = client.get("/api/claims", params={"measure": "foreign trade"})
    assert [i["text"] for i in r.json()["items"]] == ["40%"]
    r = client.get("/api/claims", params={"min_value": 5, "max_value": 1})
    assert r.status_code == 400 and "min value" in r.text


def test_api_statements_carry_their_claims(client):
    items = client.get("/api/statements", params={"q": "turnover"}).json()["items"]
    assert items and any(c["text"] == "$4.5 billion" for c in items[0]["claims"])


def test_pages_show_the_claims(client):
    html = client.get("/", params={"q": "turnover"}).text
    assert 'class="claims"' in html and "$4.5 billion" in html
    assert "January-October 2022" in html
    aid = client.get("/api/claims", params={"unit": "tonnes"}).json()["items"][0]["article_id"]
    page = client.get(f"/articles/{aid}").text
    assert 'class="claims"' in page and "8 million tonnes" in page and "grain" in page


def test_extract_table_lists_each_statements_claims(tmp_path):
    write_texts(tmp_path)
    r = run("extract", tmp_path / "harbour.txt", tmp_path / "grain.txt")
    assert r.returncode == 0, r.stderr
    assert ("# about 12% = 12 percent (about, increase) | measure: Trade turnover | "
            "period: in January-October 2022") in r.stdout
    assert "# 1.5 trillion rubles = 1,500,000,000,000 RUB | measure: investment | period: by 2030" \
        in r.stdout
    assert "# around 9,000 jobs = 9,000 jobs (about)" in r.stdout
    r = run("extract", "--format", "jsonl", tmp_path / "harbour.txt")
    claims = [c for st in json.loads(r.stdout)["statements"] for c in st.get("claims", [])]
    assert len(claims) == 5
