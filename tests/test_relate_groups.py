"""Actor groups as users meet them: lists of actors named together on each extracted statement
(``extract --format jsonl`` as a subprocess), stored on SQLite and PostgreSQL (migration 0006),
in every export format, on API statements and in the pages, and on real excerpts.

The sentences are written for these tests (real actor names so the knowledge base resolves
them; the events are invented).
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest
from test_ingest_cli import ingest_texts, run
from test_store_support import any_store  # noqa: F401 - fixture

from quotegraph.export import read_rows
from quotegraph.extract import extract
from quotegraph.query import search_statements
from quotegraph.store.filters import StatementFilter

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from quotegraph.api import create_app

REAL = Path(__file__).resolve().parent / "gold" / "real"

TEXTS = {
    "blocs.txt": (
        "Ministers meet on grain routes\n\nVESTRAND, June 4, 2024. Foreign Minister Lena Holt "
        "said her country would coordinate the corridor through the SCO, the EAEU, the CSTO and "
        "ASEAN before the winter.\n"),
    "three.txt": (
        "Holt on tariffs\n\nVESTRAND, June 5, 2024. \"Russia, China and India will not sign "
        "this draft,\" Lena Holt told reporters. She added that the United States and its "
        "allies had ignored the warning from Astana, Kazakhstan.\n"),
}


def groups_of(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(g.text, g.ids) for st in extract(text).statements for g in st.groups]


def test_lists_of_actors_are_one_group_each():
    assert groups_of(TEXTS["blocs.txt"]) == [
        ("the SCO, the EAEU, the CSTO and ASEAN", ("SCO", "EAEU", "CSTO", "ASEAN"))]
    assert groups_of(TEXTS["three.txt"]) == [
        ("Russia, China and India", ("RUS", "CHN", "IND")),
        ("the United States and its allies", ("USA",)),
    ]


def test_members_and_offsets_point_into_the_text():
    text = TEXTS["three.txt"]
    for st in extract(text).statements:
        for g in st.groups:
            assert text[g.start:g.end] == g.text
            assert st.start <= g.start and g.end <= st.end
            for m in g.members:
                assert text[m.start:m.end] == m.text
    allies = [g for st in extract(text).statements for g in st.groups if "allies" in g.text][0]
    assert [(m.text, m.id) for m in allies.members] == [("United States", "USA"),
                                                        ("its allies", None)]


@pytest.mark.parametrize("text, why", [
    ("Lena Holt said the delegation flew from Astana, Kazakhstan to Moscow on Monday.",
     "a bare comma is a place and its country, not a list"),
    ("Lena Holt said Russia and Russia alone would decide.", "one actor twice is no group"),
    ("Lena Holt said Russia would talk to China. India was silent.", "no list words between"),
])
def test_no_group_where_there_is_no_list(text, why):
    assert groups_of(text) == [], why


def test_extract_jsonl_carries_groups(tmp_path):
    f = tmp_path / "three.txt"
    f.write_text(TEXTS["three.txt"], encoding="utf-8")
    r = run("extract", "--format", "jsonl", f)
    assert r.returncode == 0, r.stderr
    rec = json.loads(r.stdout)
    got = [(g["text"], g["ids"]) for s in rec["statements"] for g in s.get("groups", [])]
    assert ("Russia, China and India", ["RUS", "CHN", "IND"]) in got
    table = run("extract", f)
    assert "& Russia, China and India = RUS + CHN + IND" in table.stdout


def articles():
    return [extract(t, source=n) for n, t in TEXTS.items()]


def test_store_round_trip(any_store):  # noqa: F811
    any_store.ingest(articles(), extractor_version="test")
    items = search_statements(any_store, StatementFilter(), limit=50)["items"]
    got = sorted((g["text"], tuple(g["ids"])) for i in items for g in i["groups"])
    assert got == sorted(x for t in TEXTS.values() for x in groups_of(t))
    texts = {a.source: a.text for a in articles()}
    for i in items:
        text = texts[i["article"]["source"]]
        for g in i["groups"]:
            assert text[g["start"]:g["end"]] == g["text"]
            assert [m["id"] for m in g["members"] if m["id"]] == g["ids"]
    n = any_store.one("SELECT count(*) AS n FROM actor_groups")["n"]
    any_store.ingest(articles(), extractor_version="test-2")  # re-ingest replaces, never adds
    assert any_store.one("SELECT count(*) AS n FROM actor_groups")["n"] == n


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return ingest_texts(tmp_path_factory.mktemp("groups"), TEXTS, "g.db")


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_has_groups_in_every_format(db, tmp_path, fmt):
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    out = tmp_path / f"statements.{fmt}"
    r = run("export", "--format", fmt, "-o", out, "--db", db)
    assert r.returncode == 0, r.stderr
    rows = read_rows(out, format=fmt)
    by_text = {x["text"][:20]: x for x in rows}
    three = by_text["Russia, China and In"]
    assert three["groups"] == [["RUS", "CHN", "IND"]]
    assert three["group_texts"] == ["Russia, China and India"]
    blocs = next(x for x in rows if "SCO" in x["text"])
    assert blocs["groups"] == [["SCO", "EAEU", "CSTO", "ASEAN"]]
    assert all(x["groups"] == [] for x in rows if "SCO" not in x["text"]
               and "India" not in x["text"] and "allies" not in x["text"])


def test_api_statements_and_pages_show_groups(db):
    with TestClient(create_app(db)) as client:
        items = client.get("/api/statements", params={"q": "India"}).json()["items"]
        (g,) = items[0]["groups"]
        assert g["ids"] == ["RUS", "CHN", "IND"] and g["text"] == "Russia, China and India"
        assert [m["text"] for m in g["members"]] == ["Russia", "China", "India"]
        html = client.get("/", params={"q": "allies"}).text
        assert 'class="groups"' in html and "its allies" in html
        art = client.get(f"/articles/{items[0]['article_id']}").text
        assert 'class="groups"' in art and "/actors/IND" in art


@pytest.mark.parametrize("name, expected", [
    ("r612_mehrnews_araghchi_trump_letter", ("Iran, China, and Russia", ("IRN", "CHN", "RUS"))),
    ("r227_24kg_kulubaev_solovyov", ("the CSTO and the SCO", ("CSTO", "SCO"))),
    ("r615_anadolu_kalin_russia_ukraine", ("Moscow and Kyiv", ("RUS", "UKR"))),
])
def test_real_excerpts(name, expected):
    (path,) = REAL.glob(name + "*.txt")
    assert expected in groups_of(path.read_text(encoding="utf-8"))
