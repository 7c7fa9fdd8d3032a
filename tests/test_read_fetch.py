"""``quotegraph ingest URL`` against a web site this test runs on 127.0.0.1 (no other network).

The site counts what it is asked, so the tests can say what the fetcher sent: how many
attempts, with which user agent, and nothing at all on a rerun that the cache answers.
"""

from __future__ import annotations

import http.server
import os
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from quotegraph.read.html import read_html

Handler = Callable[[http.server.BaseHTTPRequestHandler], None]

HARBOUR = b"""<!doctype html><html lang="en"><head><title>Harbour wall to be rebuilt</title>
<meta property="og:site_name" content="Coast Herald"></head><body>
<nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
<article><h1>Harbour wall to be rebuilt</h1>
<p>The town council of Tidewick voted on Tuesday to rebuild the old harbour wall before the
winter storms arrive.</p>
<p>"We cannot wait another year for this work," said Marta Olsen, the mayor of Tidewick,
after the vote.</p>
<p>The new wall will be two metres higher than the present one and will take eight months to
build, according to the council's own estimate.</p>
</article></body></html>"""

FERRY = b"""<!doctype html><html lang="en"><head><title>Ferry timetable changes</title>
</head><body><article><h1>Ferry timetable changes</h1>
<p>The island ferry will sail twice a day instead of three times from next month, its operator
announced on Friday.</p>
<p>"Fewer sailings are the only way to keep the service running at all," said Henrik Dahl,
the operator's chief executive, in a statement to passengers.</p>
<p>Islanders have started a petition against the cut, which has gathered several hundred
names in two days.</p>
</article></body></html>"""

# A page with a title, a headline and navigation but no article: nothing to store.
GALLERY = b"""<!doctype html><html lang="en"><head><title>Storm pictures</title></head><body>
<nav><a href="/">Home</a></nav><article><h1>Storm pictures</h1><img src="a.jpg">
<img src="b.jpg"></article><footer>Coast Herald</footer></body></html>"""


def page(body: bytes, content_type: str = "text/html; charset=utf-8") -> Handler:
    def handle(h):
        h.send_response(200)
        h.send_header("Content-Type", content_type)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)
    return handle


def status(code: int) -> Handler:
    def handle(h):
        h.send_response(code)
        h.send_header("Content-Length", "0")
        h.end_headers()
    return handle


def redirect(location: str, code: int = 302) -> Handler:
    def handle(h):
        h.send_response(code)
        h.send_header("Location", location)
        h.send_header("Content-Length", "0")
        h.end_headers()
    return handle


def slow(seconds: float, then: Handler) -> Handler:
    def handle(h):
        time.sleep(seconds)
        then(h)
    return handle


def streamed(size: int, content_type: str) -> Handler:
    """A body of ``size`` bytes with no Content-Length: only counting what arrives stops it."""
    def handle(h):
        h.send_response(200)
        h.send_header("Content-Type", content_type)
        h.end_headers()
        chunk = b"<p>" + b"x" * 65530 + b"</p>\n"
        sent = 0
        while sent < size:
            h.wfile.write(chunk)
            sent += len(chunk)
    return handle


def flaky(failures: int, then: Handler) -> Handler:
    """503 for the first ``failures`` requests, then ``then``."""
    count = [0]

    def handle(h):
        count[0] += 1
        (status(503) if count[0] <= failures else then)(h)
    return handle


class Site:
    """A local web site: ``routes`` maps a path to a handler; ``log`` is every request as
    (path, user agent, monotonic time), robots.txt included."""

    def __init__(self) -> None:
        self.routes: dict[str, Handler] = {}
        self.log: list[tuple[str, str, float]] = []
        site = self

        class H(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def do_GET(self):  # noqa: N802 - http.server's name
                site.log.append((self.path, self.headers.get("User-Agent", ""), time.monotonic()))
                site.routes.get(self.path, status(404))(self)

            def log_message(self, *args):  # noqa: ANN002 - quiet
                pass

        class Server(http.server.ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request, client_address):  # noqa: ANN001
                pass  # the fetcher hanging up on a 10 MB body is what the test wants

        self.server = Server(("127.0.0.1", 0), H)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> int:
        return sum(1 for p, _, _ in self.log if p == path)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site():
    s = Site()
    yield s
    s.close()


FAST = ("--delay", "0", "--timeout", "0.5", "--retries", "1", "--backoff", "0.2",
        "--workers", "1")


def ingest(tmp_path: Path, *args, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg"),
           # absolute, so that the code under test is the one imported from tmp_path too
           "PYTHONPATH": os.pathsep.join(os.path.abspath(p) for p in
                                         os.environ.get("PYTHONPATH", "").split(os.pathsep) if p)}
    env.pop("QUOTEGRAPH_DB", None)
    env.pop("QUOTEGRAPH_FETCH_CACHE", None)
    return subprocess.run([sys.executable, "-m", "quotegraph", "ingest", *map(str, args)],
                          capture_output=True, text=True, timeout=timeout, env=env,
                          cwd=tmp_path)


def articles(db: Path) -> dict[str, dict]:
    with sqlite3.connect(db) as c:
        c.row_factory = sqlite3.Row
        rows = {r["source"]: dict(r) for r in c.execute("SELECT * FROM articles")}
        for row in rows.values():
            row["statements"] = [s["text"] for s in c.execute(
                "SELECT text FROM statements WHERE article_id = ? ORDER BY start",
                (row["id"],))]
    return rows


def failures(stderr: str) -> dict[str, str]:
    """The ``cannot ingest URL: reason`` lines, by URL; a URL named twice fails the test."""
    found: dict[str, str] = {}
    for line in stderr.splitlines():
        if line.startswith("quotegraph: cannot ingest "):
            url, _, reason = line.removeprefix("quotegraph: cannot ingest ").partition(": ")
            assert url not in found, f"{url} reported twice:\n{stderr}"
            found[url] = reason
    return found


def test_a_page_url_is_ingested_with_its_statement_and_address(site, tmp_path):
    site.routes["/news/harbour"] = page(HARBOUR)
    site.routes["/old/ferry"] = redirect("/news/ferry", 301)
    site.routes["/news/ferry"] = page(FERRY)
    db = tmp_path / "q.db"
    r = ingest(tmp_path, site.url("/news/harbour"), site.url("/old/ferry"), "--db", db,
               "--fetch-cache", tmp_path / "cache", *FAST)
    assert r.returncode == 0, r.stderr
    assert "2 added, 0 updated, 0 unchanged, 0 failed" in r.stderr
    stored = articles(db)
    harbour = stored[site.url("/news/harbour")]
    assert harbour["url"] == site.url("/news/harbour")
    assert harbour["title"] == "Harbour wall to be rebuilt"
    assert "The town council of Tidewick voted on Tuesday" in harbour["text"]
    assert "Home" not in harbour["text"]
    assert any("We cannot wait another year for this work" in s for s in harbour["statements"])
    ferry = stored[site.url("/old/ferry")]  # the URL as given; the address it ended at:
    assert ferry["url"] == site.url("/news/ferry")
    assert any("Fewer sailings" in s for s in ferry["statements"])
    # Every request, robots.txt first, said which tool sent it.
    assert [p for p, _, _ in site.log][0] == "/robots.txt"
    assert {ua.split("/")[0] for _, ua, _ in site.log} == {"quotegraph"}
    assert all("robots.txt" in ua for _, ua, _ in site.log)


def test_each_bad_url_is_one_error_naming_it_and_the_rest_of_the_batch_is_stored(site, tmp_path):
    site.routes.update({
        "/robots.txt": page(b"User-agent: *\nDisallow: /members/\n", "text/plain"),
        "/a": page(HARBOUR),
        "/gone": status(404),
        "/broken": status(500),
        "/slow": slow(3, page(FERRY)),
        "/loop/1": redirect("/loop/2"),
        "/loop/2": redirect("/loop/1"),
        "/download": page(b"\x00\x01" * (5 * 2**20), "application/octet-stream"),
        "/huge": streamed(10 * 2**20, "text/html"),
        "/gallery": page(GALLERY),
        "/members/letter": page(FERRY),
        "/z": page(FERRY),
    })
    bad = {
        "/gone": "HTTP 404 Not Found",
        "/broken": "HTTP 500 Internal Server Error (after 2 attempts)",
        "/slow": "timed out after 0.5 s (after 2 attempts)",
        "/loop/1": "redirect loop (" + " -> ".join(site.url(p) for p in
                                                   ("/loop/1", "/loop/2", "/loop/1")) + ")",
        "/download": "not a web page or feed (Content-Type: application/octet-stream)",
        "/huge": "more than the 5 MB size limit",
        "/gallery": "no text:",
        "/members/letter": f"robots.txt of {site.base} disallows {site.url('/members/letter')}",
    }
    listing = tmp_path / "urls.txt"
    listing.write_text("# morning run\n" + "\n".join(
        site.url(p) for p in ["/a", *bad, "/z"]) + "\n", encoding="utf-8")
    db = tmp_path / "q.db"
    started = time.monotonic()
    r = ingest(tmp_path, "--urls", listing, "--db", db, "--no-fetch-cache", *FAST)
    elapsed = time.monotonic() - started
    assert r.returncode == 1
    assert "2 added, 0 updated, 0 unchanged, 8 failed" in r.stderr, r.stderr
    reported = failures(r.stderr)
    assert set(reported) == {site.url(p) for p in bad}, r.stderr
    for path, reason in bad.items():
        assert reported[site.url(path)].startswith(reason), (path, reported[site.url(path)])
    assert "Traceback" not in r.stderr
    assert set(articles(db)) == {site.url("/a"), site.url("/z")}
    # A 5xx and a timeout are tried again after the backoff; a 404 is not; a disallowed
    # path is never asked for.
    assert site.hits("/gone") == 1 and site.hits("/members/letter") == 0
    assert site.hits("/broken") == 2 and site.hits("/slow") == 2
    first, second = (t for p, _, t in site.log if p == "/broken")
    assert second - first >= 0.2
    assert elapsed < 60  # the short options were used, not the 20 s timeout and 1 s backoff


def test_a_server_that_recovers_within_the_retries_gives_the_page(site, tmp_path):
    site.routes["/busy"] = flaky(2, page(FERRY))
    db = tmp_path / "q.db"
    r = ingest(tmp_path, site.url("/busy"), "--db", db, "--no-fetch-cache",
               *FAST, "--retries", "2", "--backoff", "0.05")
    assert r.returncode == 0, r.stderr
    assert site.hits("/busy") == 3
    assert site.url("/busy") in articles(db)


def test_robots_rules_for_quotegraph_by_name_are_obeyed(site, tmp_path):
    site.routes.update({
        "/robots.txt": page(b"User-agent: quotegraph\nDisallow: /\n\nUser-agent: *\nAllow: /\n",
                            "text/plain"),
        "/a": page(HARBOUR),
    })
    r = ingest(tmp_path, site.url("/a"), "--db", tmp_path / "q.db", "--no-fetch-cache", *FAST)
    assert r.returncode == 1
    assert failures(r.stderr) == {
        site.url("/a"): f"robots.txt of {site.base} disallows {site.url('/a')}"}
    assert [p for p, _, _ in site.log] == ["/robots.txt"]


def test_robots_txt_that_fails_keeps_the_site_closed_for_the_run(site, tmp_path):
    site.routes.update({"/robots.txt": status(503), "/a": page(HARBOUR), "/b": page(FERRY)})
    r = ingest(tmp_path, site.url("/a"), site.url("/b"), "--db", tmp_path / "q.db",
               "--no-fetch-cache", *FAST, "--retries", "0")
    assert r.returncode == 1
    reported = failures(r.stderr)
    assert set(reported) == {site.url("/a"), site.url("/b")}
    assert all("robots.txt" in why and "503" in why for why in reported.values())
    assert site.hits("/robots.txt") == 1 and site.hits("/a") == 0


def test_a_rerun_reads_the_fetch_cache_and_sends_nothing(site, tmp_path):
    site.routes.update({"/a": page(HARBOUR), "/old": redirect("/b"), "/b": page(FERRY)})
    urls = [site.url("/a"), site.url("/old")]
    cache = tmp_path / "fetched"
    r = ingest(tmp_path, *urls, "--db", tmp_path / "one.db", "--fetch-cache", cache, *FAST)
    assert r.returncode == 0, r.stderr
    sent = len(site.log)
    assert sent == 4  # robots.txt, /a, /old, /b

    r = ingest(tmp_path, *urls, "--db", tmp_path / "two.db", "--fetch-cache", cache, *FAST)
    assert r.returncode == 0, r.stderr
    assert len(site.log) == sent  # not one request, robots.txt included
    assert "2 added" in r.stderr
    again = articles(tmp_path / "two.db")
    assert again[site.url("/old")]["url"] == site.url("/b")  # the final URL came from the cache
    assert again[site.url("/a")]["statements"] == articles(tmp_path / "one.db")[site.url("/a")]["statements"]

    r = ingest(tmp_path, *urls, "--db", tmp_path / "three.db", "--no-fetch-cache", *FAST)
    assert r.returncode == 0, r.stderr
    assert len(site.log) == 2 * sent  # --no-fetch-cache asks again


def test_the_fetch_cache_defaults_to_the_user_cache_directory_and_keeps_headers(site, tmp_path):
    site.routes["/a"] = page(HARBOUR)
    r = ingest(tmp_path, site.url("/a"), "--db", tmp_path / "q.db", *FAST)
    assert r.returncode == 0, r.stderr
    entries = list((tmp_path / "xdg" / "quotegraph" / "fetch").rglob("*.json"))
    assert len(entries) == 1
    import json  # noqa: PLC0415
    meta = json.loads(entries[0].read_text(encoding="utf-8"))
    assert meta["url"] == meta["final_url"] == site.url("/a")
    assert dict(meta["headers"])["Content-Type"] == "text/html; charset=utf-8"
    assert entries[0].with_suffix(".body").read_bytes() == HARBOUR


def test_a_broken_cache_entry_is_fetched_again_not_fatal(site, tmp_path):
    site.routes["/a"] = page(HARBOUR)
    cache = tmp_path / "cache"
    assert ingest(tmp_path, site.url("/a"), "--db", tmp_path / "one.db", "--fetch-cache", cache,
                  *FAST).returncode == 0
    (entry,) = cache.rglob("*.json")
    entry.write_text('{"url": "only half', encoding="utf-8")
    r = ingest(tmp_path, site.url("/a"), "--db", tmp_path / "two.db", "--fetch-cache", cache, *FAST)
    assert r.returncode == 0, r.stderr
    assert "unreadable fetch cache entry" in r.stderr and site.url("/a") in r.stderr
    assert site.hits("/a") == 2
    assert site.url("/a") in articles(tmp_path / "two.db")


@pytest.mark.parametrize("html", [
    b"<html><head><title>Storm pictures</title></head><body><h1>Storm pictures</h1></body></html>",
    b"<html><head><title>Sign in</title></head><body><nav><a href='/'>Home</a></nav></body></html>",
    b"<html><head><title>Live</title></head><body><header><h1>Weather desk</h1></header>"
    b"<footer>Copyright 2026 Coast Herald</footer></body></html>",
    b"<html><head><title>Empty</title></head><body></body></html>",
])
def test_a_page_without_article_text_is_no_text_not_its_title(html):
    got = read_html(html, source="http://news.test/p", url="http://news.test/p")
    assert getattr(got, "message", "").startswith("no text"), got


@pytest.mark.parametrize("html, text", [
    (b"<html><head><title>Bridge</title></head><body><p>The bridge is closed.</p></body></html>",
     "The bridge is closed."),
    ("<html><head><title>\u6865</title></head><body><article><p>\u5927\u6865\u5468\u4e00"
     "\u91cd\u65b0\u5f00\u653e\u3002</p></article></body></html>".encode(),
     "\u5927\u6865\u5468\u4e00\u91cd\u65b0\u5f00\u653e\u3002"),
])
def test_a_short_article_is_still_an_article(html, text):
    got = read_html(html, source="http://news.test/p", url="http://news.test/p")
    assert getattr(got, "text", None) == text, got


HARBOUR_NO = b"""<!doctype html><html lang="nb"><head><title>Ny molo i Tidevik</title></head><body>
<article><h1>Ny molo i Tidevik</h1>
<p>Kommunestyret i Tidevik vedtok tirsdag at den gamle moloen skal bygges opp igjen.</p>
<p>"Vi kan ikke vente enda et \xc3\xa5r," sa ordf\xc3\xb8rer Marta Olsen etter m\xc3\xb8tet.</p>
</article></body></html>"""


def raw(response: bytes) -> Handler:
    """Bytes written as they are: a header http.server would not send, or no HTTP at all."""
    def handle(h):
        h.wfile.write(response)
    return handle


def drip(seconds: float) -> Handler:
    """A page that arrives a few bytes every 0.2 s, so no single read ever times out."""
    def handle(h):
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.end_headers()
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            h.wfile.write(b"<p>more</p>\n")
            h.wfile.flush()
            time.sleep(0.2)
    return handle


def test_addresses_as_a_browser_shows_them_are_fetched(site, tmp_path):
    site.routes.update({
        "/nyheter/malm%C3%B6": page(HARBOUR),
        "/two%20words": page(FERRY),
        # a Location header with the UTF-8 of the path in it, unescaped, as servers send it
        "/flyttet": raw("HTTP/1.0 301 Moved\r\nLocation: /nyheter/bod\u00f8\r\n"
                        "Content-Length: 0\r\n\r\n".encode("utf-8")),
        "/nyheter/bod%C3%B8": page(HARBOUR_NO),
    })
    db = tmp_path / "q.db"
    given = [site.url("/nyheter/malm\u00f6"), site.url("/two words"), site.url("/flyttet")]
    r = ingest(tmp_path, *given, "--db", db, "--no-fetch-cache", *FAST)
    assert r.returncode == 0, r.stderr
    stored = articles(db)
    assert set(stored) == set(given)
    assert stored[site.url("/flyttet")]["url"] == site.url("/nyheter/bod\u00f8")
    assert "Kommunestyret i Tidevik" in stored[site.url("/flyttet")]["text"]


def test_bad_addresses_and_broken_answers_are_one_error_each(site, tmp_path):
    site.routes.update({
        "/robots.txt": page(b"User-agent: *\nDisallow: /members/\n", "text/plain"),
        "/a": page(HARBOUR),
        "/cut": raw(b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5000\r\n\r\n"
                    b"<html><body><p>The first few words"),
        "/drip": drip(4),
        "/nonsense": raw(b"NOT HTTP AT ALL\r\n\r\n"),
        "/to-members": redirect("/members/list"),
        "/members/list": page(FERRY),
    })
    bad = {
        "http://bad host/a": "not a valid URL: bad host name 'bad host'",
        "http://[::1/a": "not a valid URL:",
        site.url("/cut"): "connection closed after 34 of 5,000 bytes (after 2 attempts)",
        site.url("/drip"): "timed out: the body took over 1.5 s (after 2 attempts)",
        site.url("/nonsense"): "request failed (BadStatusLine",
        site.url("/to-members"): f"robots.txt of {site.base} disallows {site.url('/members/list')}",
    }
    db = tmp_path / "q.db"
    r = ingest(tmp_path, *bad, site.url("/a"), "--db", db, "--no-fetch-cache", *FAST)
    assert r.returncode == 1
    reported = failures(r.stderr)
    assert set(reported) == set(bad), r.stderr
    for url, reason in bad.items():
        assert reported[url].startswith(reason), (url, reported[url])
    assert "Traceback" not in r.stderr
    assert set(articles(db)) == {site.url("/a")}
    assert site.hits("/cut") == 2 and site.hits("/members/list") == 0


def feed(*items: tuple[str, str]) -> bytes:
    """An RSS feed of teaser-only items (title, link): each article is on its page."""
    body = "".join(f"<item><title>{t}</title><link>{link}</link>"
                   f"<description>{t}, more inside.</description>"
                   f"<pubDate>Tue, 01 Dec 2026 09:00:00 GMT</pubDate></item>" for t, link in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Coast Herald</title>{body}</channel></rss>").encode("utf-8")


@pytest.mark.parametrize("feed_type", ["application/rss+xml", "application/x-rss+xml"])
def test_a_feed_url_brings_the_pages_its_items_link_to(site, tmp_path, feed_type):
    # application/x-rss+xml is what Python's own http.server and many older servers send
    site.routes.update({
        "/feed.xml": lambda h: page(feed(("Harbour", site.url("/harbour")),
                                         ("Gone", site.url("/gone")),
                                         ("Ferry", site.url("/ferry"))),
                                    feed_type)(h),
        "/harbour": page(HARBOUR),
        "/ferry": page(FERRY),
    })
    db = tmp_path / "q.db"
    r = ingest(tmp_path, site.url("/feed.xml"), "--db", db, "--fetch-cache", tmp_path / "c",
               *FAST)
    assert r.returncode == 1
    assert failures(r.stderr) == {site.url("/gone"): "HTTP 404 Not Found"}
    stored = {a["url"]: a for a in articles(db).values()}
    assert set(stored) == {site.url("/harbour"), site.url("/ferry")}
    assert stored[site.url("/ferry")]["published"] == "2026-12-01"  # from the feed item
    assert any("Fewer sailings" in s for s in stored[site.url("/ferry")]["statements"])


def test_a_rerun_asks_for_a_cached_feed_again_and_fetches_only_its_new_pages(site, tmp_path):
    """Pages do not change under their URL; a feed does. A rerun asks for the feed again
    with its ETag (a 304 reads the cached copy) and fetches only the pages not seen yet."""
    items = [("Harbour", site.url("/harbour"))]
    asked: list[str | None] = []

    def live_feed(h):
        body = feed(*items)
        tag = f'"{len(items)}"'
        asked.append(h.headers.get("If-None-Match"))
        if h.headers.get("If-None-Match") == tag:
            h.send_response(304)
            h.send_header("ETag", tag)
            h.end_headers()
            return
        h.send_response(200)
        h.send_header("Content-Type", "application/rss+xml")
        h.send_header("ETag", tag)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    site.routes.update({"/feed.xml": live_feed, "/harbour": page(HARBOUR), "/ferry": page(FERRY)})
    db, cache = tmp_path / "q.db", tmp_path / "cache"

    def run():
        r = ingest(tmp_path, site.url("/feed.xml"), "--db", db, "--fetch-cache", cache, *FAST)
        assert r.returncode == 0, r.stderr
        return r

    assert "1 added" in run().stderr
    assert "0 added, 0 updated, 1 unchanged" in run().stderr  # unchanged feed: a 304
    assert asked == [None, '"1"'] and site.hits("/harbour") == 1

    items.append(("Ferry", site.url("/ferry")))
    assert "1 added, 0 updated, 1 unchanged" in run().stderr
    assert asked[-1] == '"1"' and site.hits("/harbour") == 1 and site.hits("/ferry") == 1
    assert {a["url"] for a in articles(db).values()} == {site.url("/harbour"), site.url("/ferry")}


def test_a_feed_item_whose_page_is_gone_is_read_from_its_own_content(site, tmp_path):
    item = ("<item><title>Ferry</title><link>{link}</link><content:encoded><![CDATA[<p>"
            "Fewer sailings will run this winter, the harbour master Ines Vidal said on Monday."
            "</p>]]></content:encoded></item>").format(link=site.url("/gone"))
    body = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            f"<title>Coast Herald</title>{item}</channel></rss>").encode("utf-8")
    site.routes["/feed.xml"] = page(body, "application/rss+xml")
    db = tmp_path / "q.db"
    r = ingest(tmp_path, site.url("/feed.xml"), "--db", db, "--fetch-cache", tmp_path / "c", *FAST)
    assert r.returncode == 0, r.stderr
    (stored,) = articles(db).values()
    assert any("Fewer sailings" in s for s in stored["statements"])
