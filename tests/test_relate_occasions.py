"""Occasions as users meet them: where or how each statement was made, on extracted statements
(``extract --format jsonl`` as a subprocess), stored on SQLite and PostgreSQL (migration 0006),
in every export format, on API statements and in the pages.

The sentences are written for these tests; names and events are invented.
"""

from __future__ import annotations

import json
import warnings

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


def occasions(text: str) -> list[tuple[str, str, str | None] | None]:
    out = []
    for st in extract(text).statements:
        o = st.occasion
        if o is not None:
            assert text[o.start:o.end] == o.text
            if o.venue is not None:
                assert text[o.venue.start:o.venue.end] == o.venue.text
        out.append(None if o is None else (o.kind, o.text, o.venue.text if o.venue else None))
    return out


@pytest.mark.parametrize("text, expected", [
    ("Foreign Minister Lena Holt said in an interview with Khabar-24 on Monday that the "
     "corridor would open in June.",
     ("interview", "in an interview with Khabar-24", "Khabar-24")),
    ('"We are ready to talk," Lena Holt told a briefing.',
     ("briefing", "told a briefing", None)),
    ("Deputy Minister Pavel Orlin said at the SCO summit that the talks would go on.",
     ("meeting", "at the SCO summit", "SCO")),
    ('"The tariffs are unfair," Pavel Orlin said, speaking to reporters in Astana.',
     ("press conference", "speaking to reporters in Astana", "Astana")),
    ("The Norland Foreign Ministry said in a statement on Telegram that the border was open.",
     ("statement", "in a statement on Telegram", "Telegram")),
    ('"Nothing has changed," Lena Holt said at a press conference.',
     ("press conference", "at a press conference", None)),
    ("Pavel Orlin wrote on X that the deal was done.",
     ("social media post", "wrote on X", "X")),
    ("Lena Holt said in a speech to the UN General Assembly that peace was near.",
     ("speech", "in a speech to the UN General Assembly", "UN General Assembly")),
    ("Pavel Orlin said at a meeting of the Council of Foreign Ministers that trade grew.",
     ("meeting", "at a meeting of the Council of Foreign Ministers",
      "Council of Foreign Ministers")),
])
def test_occasion_kinds_and_venues(text, expected):
    assert occasions(text) == [expected]


def test_the_sentence_before_gives_it_but_not_two_before():
    text = ("Lena Holt held a news conference in Almaty on Tuesday. \"We will not give up,\" "
            "she said.")
    assert occasions(text) == [("press conference", "held a news conference in Almaty",
                                "Almaty")]
    text = ("Lena Holt held a news conference in Almaty on Tuesday. The weather was cold. "
            "\"We will not give up,\" she said.")
    assert occasions(text) == [None]


def test_what_was_said_is_no_occasion():
    # "at the summit" is the content of the statement, not where it was said
    assert occasions("Pavel Orlin said Norland would raise the matter at the summit.") == [None]
    assert occasions('"We will speak at the press conference," Lena Holt said.') == [None]


def test_extract_jsonl_and_table_carry_the_occasion(tmp_path):
    f = tmp_path / "o.txt"
    f.write_text("Lena Holt said in an interview with Khabar-24 that the corridor would open.\n",
                 encoding="utf-8")
    r = run("extract", "--format", "jsonl", f)
    assert r.returncode == 0, r.stderr
    (st,) = json.loads(r.stdout)["statements"]
    assert st["occasion"]["kind"] == "interview"
    assert st["occasion"]["venue"]["text"] == "Khabar-24"
    assert "@ interview: in an interview with Khabar-24 (Khabar-24)" in run("extract", f).stdout


TEXTS = {
    "summit.txt": ("Holt at the summit\n\nVESTRAND, June 4, 2024. Foreign Minister Lena Holt "
                   "said at the SCO summit in Astana that the corridor would open in June.\n"),
    "post.txt": ("Orlin online\n\nVESTRAND, June 5, 2024. Deputy Minister Pavel Orlin wrote on "
                 "Telegram that the tariffs were unfair. \"We will answer,\" he said.\n"),
}


def articles():
    return [extract(t, source=n) for n, t in TEXTS.items()]


def test_store_round_trip(any_store):  # noqa: F811
    any_store.ingest(articles(), extractor_version="test")
    items = search_statements(any_store, StatementFilter(), limit=50)["items"]
    made = sorted(st.occasion.to_dict()["text"] for a in articles() for st in a.statements
                  if st.occasion)
    assert sorted(i["occasion"]["text"] for i in items if i["occasion"]) == made
    summit = next(i for i in items if "corridor" in i["text"])
    assert summit["occasion"]["kind"] == "meeting" and summit["occasion"]["venue"]["text"] == "SCO"
    any_store.ingest(articles(), extractor_version="test-2")  # re-ingest replaces, never adds
    assert any_store.one("SELECT count(*) AS n FROM occasions")["n"] == len(made)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return ingest_texts(tmp_path_factory.mktemp("occasions"), TEXTS, "o.db")


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_has_the_occasion_in_every_format(db, tmp_path, fmt):
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    out = tmp_path / f"statements.{fmt}"
    r = run("export", "--format", fmt, "-o", out, "--db", db)
    assert r.returncode == 0, r.stderr
    rows = {x["text"][:12]: x for x in read_rows(out, format=fmt)}
    summit = rows["the corridor"]
    assert (summit["occasion"], summit["occasion_kind"], summit["occasion_venue"]) == (
        "at the SCO summit in Astana", "meeting", "SCO")
    post = rows["the tariffs "]
    assert (post["occasion_kind"], post["occasion_venue"]) == ("social media post", "Telegram")
    # "he said" names no occasion; the sentence before does
    assert rows["We will answ"]["occasion"] == "wrote on Telegram"


def test_api_statements_and_pages_show_the_occasion(db):
    with TestClient(create_app(db)) as client:
        (item,) = client.get("/api/statements", params={"q": "corridor"}).json()["items"]
        assert item["occasion"] == {"text": "at the SCO summit in Astana", "start": item["occasion"]["start"],
                                    "end": item["occasion"]["end"], "kind": "meeting",
                                    "venue": item["occasion"]["venue"]}
        assert item["occasion"]["venue"]["text"] == "SCO"
        html = client.get("/", params={"q": "corridor"}).text
        assert 'class="occasion"' in html and ">meeting<" in html and ">SCO<" in html
        art = client.get(f"/articles/{item['article_id']}").text
        assert 'class="occasion"' in art


def test_talks_with_no_name_before_them_are_an_occasion_without_a_venue():
    """"locked in talks about ..." once raised IndexError (the pattern has no name group)."""
    text = ("Odd Lien, whose party has been locked in talks about the budget for days, "
            "said the deal was close.")
    (s,) = extract(text, use_kb=False).statements
    assert s.occasion is None or s.occasion.venue is None
