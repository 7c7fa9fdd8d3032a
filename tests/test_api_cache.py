"""The API's response cache never serves an answer the database has moved past.

The server runs as a real subprocess with two workers (each with its own cache), and the
database is changed by a separate ``quotegraph ingest`` process, as in production.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from test_api_cli import Server, _free_port

FIRST = (
    "Harbour dredging to start in spring\n\n"
    "KELMOR, April 2, 2024. /Coastwire/. Port director Ansel Murrow said on Tuesday that the "
    "dredgers would arrive in May.\n\n"
    "\"The quay reopens by August,\" Murrow told reporters.\n"
)
SECOND = (
    "Ferry fares to fall\n\n"
    "KELMOR, April 9, 2024. /Coastwire/. Port director Ansel Murrow said on Tuesday that ferry "
    "fares would fall by a tenth.\n\n"
    "\"The quay stays open all winter,\" Murrow told reporters.\n"
)


def ingest(db: Path, text: Path) -> None:
    r = subprocess.run([sys.executable, "-m", "quotegraph", "ingest", str(text), "--db", str(db)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr


def test_cached_search_sees_an_ingest_by_another_process(tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    (tmp_path / "a.txt").write_text(FIRST, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SECOND, encoding="utf-8")
    ingest(db, tmp_path / "a.txt")
    server = Server("serve", "--db", str(db), "--port", str(_free_port()), "--workers", "2")
    try:
        base = server.wait_for_url()
        url = base + "api/statements?q=quay"
        before = [json.loads(server.get(url)) for _ in range(6)]  # both workers, cached
        assert {b["total"] for b in before} == {1}
        profile = base + "api/speakers?q=murrow"
        assert {json.loads(server.get(profile))["items"][0]["statements"] for _ in range(4)} == {2}
        ingest(db, tmp_path / "b.txt")
        after = [json.loads(server.get(url)) for _ in range(6)]
        assert {a["total"] for a in after} == {2}
        assert any("winter" in h["text"] for h in after[0]["items"])
        assert {json.loads(server.get(profile))["items"][0]["statements"] for _ in range(4)} == {4}
    finally:
        server.stop()


def test_errors_are_not_cached_and_repeats_match(tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    (tmp_path / "a.txt").write_text(FIRST, encoding="utf-8")
    ingest(db, tmp_path / "a.txt")
    server = Server("serve", "--db", str(db), "--port", str(_free_port()), "--workers", "1")
    try:
        base = server.wait_for_url()
        url = base + "api/statements?q=quay&facets=true"
        first = server.get(url)
        assert all(server.get(url) == first for _ in range(3))
        import urllib.error
        import urllib.request
        for _ in range(2):
            try:
                urllib.request.urlopen(base + "api/statements?since=2024-05-01&until=2024-01-01",
                                       timeout=5)
                raise AssertionError("a bad date range was answered")
            except urllib.error.HTTPError as e:
                assert e.code == 400
                assert "security" not in e.headers.get("content-security-policy", "x")
                assert e.headers.get("x-content-type-options") == "nosniff"
    finally:
        server.stop()


def test_answers_say_whether_they_came_from_the_cache(tmp_path: Path) -> None:
    import urllib.error
    import urllib.request

    def cache_header(url: str) -> tuple[int, str | None]:
        try:
            with urllib.request.urlopen(url, timeout=10) as r:
                return r.status, r.headers.get("x-cache")
        except urllib.error.HTTPError as e:
            return e.code, e.headers.get("x-cache")

    db = tmp_path / "q.db"
    (tmp_path / "a.txt").write_text(FIRST, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SECOND, encoding="utf-8")
    ingest(db, tmp_path / "a.txt")
    server = Server("serve", "--db", str(db), "--port", str(_free_port()), "--workers", "1")
    try:
        base = server.wait_for_url()
        server.get(base + "api/stats")  # listening now
        url = base + "api/statements?q=quay"
        assert [cache_header(url) for _ in range(3)] == [(200, "miss"), (200, "hit"), (200, "hit")]
        ingest(db, tmp_path / "b.txt")  # another process commits: the entry is stale
        assert [cache_header(url) for _ in range(2)] == [(200, "miss"), (200, "hit")]
        bad = base + "api/statements?since=2024-05-01&until=2024-01-01"
        assert [cache_header(bad)[1] for _ in range(2)] == ["miss", "miss"]  # never kept
    finally:
        server.stop()


def test_the_version_follows_a_store_whose_name_has_uri_characters(tmp_path: Path) -> None:
    from quotegraph.api.cache import DataVersion
    from quotegraph.store import open_store

    odd = tmp_path / "q?x#y%z.db"
    open_store(str(tmp_path / "q")).close()  # what the unquoted URI would have opened
    open_store(str(odd)).close()
    version = DataVersion(odd)
    try:
        before = version.current()
        assert before is not None
        (tmp_path / "a.txt").write_text(FIRST, encoding="utf-8")
        ingest(odd, tmp_path / "a.txt")
        assert version.current() != before
    finally:
        version.close()
