"""The response cache shared by a server's workers: a repeat hits on any worker, and no worker
serves an answer the store has moved past.

Two apps over one store and one cache file stand for two worker processes (each app has its
own connection to the store and to the cache file, as a process would); the store changes
through a separate store handle, as ``quotegraph ingest`` beside the server does.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from quotegraph.api import create_app
from quotegraph.api.shared_cache import SharedEntries
from quotegraph.model import Document
from quotegraph.store import open_store
from quotegraph.store.pipeline import ingest_documents


def story(i: int, word: str) -> Document:
    text = (f"Canal tolls to rise\n\nPORT VELL, March {i + 1}, 2024. Harbour master Edda Rask "
            f"said on Monday that tolls on the {word} canal would rise in June.\n\n"
            f"\"The {word} locks need new gates,\" Rask told reporters in round {i}.\n")
    return Document(text=text, source=f"canal:{i}:{word}", published=f"2024-03-{i + 1:02d}",
                    outlet="Harbour Daily")


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "q.db"
    with open_store(str(path)) as s:
        ingest_documents(s, [story(i, "northern") for i in range(3)], workers=1)
    return path


def workers(db: Path, cache: Path, n: int = 2) -> list[TestClient]:
    return [TestClient(create_app(db, shared_cache=str(cache))) for _ in range(n)]


def ask(client: TestClient, url: str) -> tuple[str | None, dict]:
    r = client.get(url)
    assert r.status_code == 200
    return r.headers.get("x-cache"), r.json()


def test_a_repeat_hits_on_the_other_worker_with_the_same_answer(db, tmp_path):
    a, b = workers(db, tmp_path / "cache.sqlite")
    url = "/api/statements?q=locks"
    seen_a, body_a = ask(a, url)
    seen_b, body_b = ask(b, url)
    assert (seen_a, seen_b) == ("miss", "hit")
    assert body_a == body_b and body_a["total"] == 3
    plain = TestClient(create_app(db, cache=False)).get(url)
    assert plain.json() == body_b
    assert b.get(url).content == plain.content
    assert ask(a, "/api/speakers")[0] == "miss"  # another request is not that one


def test_an_ingest_by_another_process_reaches_every_worker(db, tmp_path):
    a, b = workers(db, tmp_path / "cache.sqlite")
    url = "/api/statements?q=locks"
    assert [ask(c, url)[1]["total"] for c in (a, b, a, b)] == [3, 3, 3, 3]
    with open_store(str(db)) as s:
        ingest_documents(s, [story(5, "southern")], workers=1)
    answers = [ask(c, url) for c in (b, a, b, a)]
    assert [x["total"] for _, x in answers] == [4, 4, 4, 4]
    # Each worker starts a new generation when it first sees the commit (it cannot tell
    # whether another worker's new generation came after the commit), then they share again.
    assert [seen for seen, _ in answers] == ["miss", "miss", "hit", "hit"]
    other = "/api/statements?q=gates"
    assert [ask(c, other)[0] for c in (a, b)] == ["miss", "hit"]


def test_a_worker_started_after_a_change_does_not_serve_older_answers(db, tmp_path):
    cache = tmp_path / "cache.sqlite"
    (a,) = workers(db, cache, 1)
    url = "/api/statements?q=locks"
    ask(a, url)
    with open_store(str(db)) as s:
        ingest_documents(s, [story(6, "western")], workers=1)
    # A new worker has no earlier version to compare with; its first request starts a new
    # generation, so the entry stored before the ingest is not served.
    (fresh,) = workers(db, cache, 1)
    seen, body = ask(fresh, url)
    assert (seen, body["total"]) == ("miss", 4)


class Version:
    """A store version that changes when a test says so."""

    def __init__(self) -> None:
        self.n = 0

    def current(self) -> int:
        return self.n


def test_an_answer_computed_under_a_past_generation_is_not_kept(tmp_path):
    version = Version()
    entries = SharedEntries(str(tmp_path / "c.sqlite"), version, max_entries=10)
    other = SharedEntries(str(tmp_path / "c.sqlite"), version, max_entries=10)
    json_type = [(b"content-type", b"application/json")]
    try:
        old, _ = entries.lookup(b"/api/x?", 0)
        other.lookup(b"/api/x?", 1)  # the other worker saw a commit meanwhile
        entries.store(b"/api/x?", old, 200, json_type, b"{}")
        now, found = entries.lookup(b"/api/x?", 0)
        assert now == old + 1 and found is None
        entries.store(b"/api/x?", now, 200, json_type, b"{}")
        assert other.lookup(b"/api/x?", 1) == (now, (200, json_type, b"{}"))
        # this worker now sees the commit too: a new generation, the entry is gone
        assert entries.lookup(b"/api/x?", 1) == (now + 1, None)
    finally:
        entries.close()
        other.close()


def test_the_file_keeps_at_most_max_entries(tmp_path):
    entries = SharedEntries(str(tmp_path / "c.sqlite"), Version(), max_entries=10)
    try:
        gen, _ = entries.lookup(b"k", 0)
        for i in range(200):
            entries.store(f"/api/{i}?".encode(), gen, 200, [], b"x")
        kept = entries._conn.execute("SELECT count(*) FROM entries").fetchone()[0]
        assert kept <= 10 + 64
        assert entries.lookup(b"/api/199?", 0)[1] is not None  # the newest stay
        assert entries.lookup(b"/api/0?", 0)[1] is None
    finally:
        entries.close()
