"""The record is complete: exports hold every stored statement, dated or not, and timelines
and profile pages account for every statement (periods plus ``undated``).

Articles are written for these tests; half carry no date at all.
"""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from test_store_support import any_store, story  # noqa: F401 - fixture

from quotegraph import query
from quotegraph.export import FORMATS, export_statements, read_rows

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from quotegraph.api import create_app

DATED = [story(i) for i in range(6)]
UNDATED = [dataclasses.replace(story(i), published=None) for i in range(6, 12)]


def _fill(store):
    store.ingest([*DATED, *UNDATED], batch_size=5, extractor_version="1")
    total = store.one("SELECT count(*) AS n FROM statements")["n"]
    undated = store.one("SELECT count(*) AS n FROM statements WHERE published IS NULL")["n"]
    assert total == 24 and undated == 12, (total, undated)
    return total


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_export_format_holds_every_statement(any_store, tmp_path, fmt):  # noqa: F811
    total = _fill(any_store)
    out = tmp_path / f"all.{fmt}"
    assert export_statements(any_store, format=fmt, output=out) == total
    rows = read_rows(out, format=fmt)
    assert len(rows) == total
    assert len({r["id"] for r in rows}) == total
    assert sum(r["published"] is None for r in rows) == 12


def test_timelines_count_every_statement(any_store):  # noqa: F811
    _fill(any_store)
    for by in ("speaker", "actor", "outlet"):
        tl = query.timeline(any_store, by=by)
        assert tl["series"], by
        for series in tl["series"]:
            flt = {"speaker": {"speaker": series["key"]}, "actor": {"about": series["key"]},
                   "outlet": {"outlet": series["key"]}}[by]
            stored = query.search_statements(any_store, query.StatementFilter(**flt), limit=1)["total"]
            dated = sum(p["count"] for p in series["points"])
            assert dated + series["undated"] == stored, (by, series)
        assert tl["undated"] == sum(s["undated"] for s in tl["series"])
        assert len(tl["undated_statements"]) == len(set(tl["undated_statements"])) > 0


def test_profiles_list_their_undated_statements(any_store):  # noqa: F811
    _fill(any_store)
    sp = query.get_speaker(any_store, "anna-berg")
    assert sum(p["count"] for p in sp["timeline"]) + sp["undated"] == sp["statements"]
    assert sp["undated"] > 0 and len(sp["undated_statements"]) == sp["undated"]
    assert all(h["article"]["published"] is None for h in sp["undated_statements"])
    act = query.get_actor(any_store, "norland")
    assert sum(p["count"] for p in act["timeline"]) + act["undated"] == act["statements_about"]
    assert act["undated"] > 0


def test_api_and_pages_show_the_undated(tmp_path):
    from quotegraph.store import open_store

    db = tmp_path / "t.db"
    with open_store(db) as store:
        _fill(store)
    with TestClient(create_app(db)) as client:
        tl = client.get("/api/timeline", params={"by": "actor", "key": "norland"}).json()
        assert tl["undated"] == tl["series"][0]["undated"] > 0
        assert tl["undated_statements"]
        page = client.get("/actors/norland").text
        assert "undated statement" in page and 'id="undated"' in page
        assert "undated statement" in client.get("/speakers/anna-berg").text


def test_cli_export_counts_an_undated_article(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "undated.txt").write_text(
        "Kenyan President William Ruto said the corridor would open in March. “The corridor "
        "will change the region,” the president said. Ruto added that Uganda would join.\n",
        encoding="utf-8")
    (tmp_path / "in" / "dated.txt").write_text(
        "2023-05-04\n\nNAIROBI, May 4. Foreign Minister Dana Okafor told reporters that talks "
        "with Uganda were going well.\n", encoding="utf-8")
    db = tmp_path / "s.db"
    run = [sys.executable, "-m", "quotegraph"]
    subprocess.run([*run, "ingest", str(tmp_path / "in"), "--db", str(db)], check=True,
                   capture_output=True)
    done = subprocess.run([*run, "export", "--db", str(db), "--format", "jsonl", "-o",
                           str(tmp_path / "o.jsonl")], check=True, capture_output=True, text=True)
    rows = read_rows(tmp_path / "o.jsonl", format="jsonl")
    assert len(rows) == 4 and sum(r["published"] is None for r in rows) == 3
    assert "exported 4 statements" in done.stderr
