"""Polite HTTP fetching for ``quotegraph ingest URL``: robots.txt, a pause per host, limits,
retries with backoff and an on-disk cache, with one clear error per URL that fails.

Standard library only (urllib), so fetching needs no extra. Redirects are followed here, not
by urllib, so that each hop is checked against robots.txt and a loop is named as a loop.
robots.txt follows RFC 9309: a 4xx answer allows everything, a 5xx or no answer forbids
everything on that host for this run. Successful answers are cached by URL, so a rerun of
the same command reads the cache and sends nothing for a page. A feed is the exception: it
changes while its URL stays, so a cached feed is asked for again, conditionally (the stored
ETag and Last-Modified), and a 304 answer reads the cached copy.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from quotegraph.errors import FetchError
from quotegraph.read.feed import looks_like_feed

# The network stack (urllib.request, http.client, socket, email, ssl) is imported on the first
# request, not here: every ``quotegraph extract`` builds a Fetcher and most never fetch, and
# these modules were 6 MB of its resident memory and 30 ms of its start-up.
if TYPE_CHECKING:
    import urllib.robotparser
    from email.message import Message

log = logging.getLogger(__name__)

__all__ = ["ACCEPTED_TYPES", "USER_AGENT", "FetchOptions", "Fetcher", "Response",
           "default_cache_dir", "is_url"]

USER_AGENT = "quotegraph/0.1 (attributed-statement extraction from news; robots.txt respected)"
ACCEPTED_TYPES = (
    "text/html", "application/xhtml+xml", "application/rss+xml", "application/atom+xml",
    "application/rdf+xml", "application/xml", "text/xml", "text/plain",
)
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
_MAX_CRAWL_DELAY = 60.0
_CHUNK = 1 << 16


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def default_cache_dir() -> str:
    """``$QUOTEGRAPH_FETCH_CACHE``, else ``$XDG_CACHE_HOME/quotegraph/fetch`` (``~/.cache``)."""
    explicit = os.environ.get("QUOTEGRAPH_FETCH_CACHE")
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "quotegraph", "fetch")


@dataclass(frozen=True)
class FetchOptions:
    """How to fetch. ``delay`` is the pause between two requests to one host (a longer
    robots.txt Crawl-delay wins); ``timeout`` bounds each request, connect and read;
    ``retries`` more attempts follow a timeout, a dropped connection, 429 or 5xx, after
    ``backoff``, 2 x ``backoff``, ... seconds. ``cache_dir=None`` turns the cache off."""

    timeout: float = 20.0
    max_bytes: int = 5 * 1024 * 1024
    delay: float = 1.0
    retries: int = 2
    backoff: float = 1.0
    max_redirects: int = 5
    user_agent: str = USER_AGENT
    cache_dir: str | None = None
    robots: bool = True


@dataclass(frozen=True)
class Response:
    """A successful fetch: ``url`` as asked, ``final_url`` after redirects; ``headers`` of
    the final answer as (name, value) pairs, kept in the cache with the body."""

    url: str
    final_url: str
    content_type: str
    body: bytes
    from_cache: bool = False
    headers: tuple[tuple[str, str], ...] = ()


def _build_opener():  # noqa: ANN202 - urllib's OpenerDirector, imported here
    import urllib.request  # noqa: PLC0415 - see the imports above

    class _NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):  # noqa: ANN002, ANN003 - urllib's signature
            return None  # the 3xx surfaces as an HTTPError, and Fetcher follows it itself

    return urllib.request.build_opener(_NoRedirect())


class Fetcher:
    """Fetches URLs one at a time, politely (see the module docstring). Not thread-safe."""

    def __init__(self, options: FetchOptions | None = None, *,
                 sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.options = options or FetchOptions()
        self._sleep = sleep
        self._clock = clock
        self._last: dict[str, float] = {}
        self._host_delay: dict[str, float] = {}  # robots.txt Crawl-delay per site
        self._robots: dict[str, urllib.robotparser.RobotFileParser | str] = {}
        self._opener = None  # built on the first request
        self.requests = 0  # sent over the network (not from the cache), robots.txt included

    # -- public ----------------------------------------------------------------------

    def fetch(self, url: str) -> Response:
        """The body of ``url`` after redirects; ``FetchError(url, reason)`` when it fails."""
        cached = self._cache_get(url)
        if cached is not None and not _is_feed(cached):
            return cached
        conditional = _conditional_headers(cached) if cached is not None else {}
        seen = [url]
        current = url
        while True:
            try:
                wire_url(current)
            except ValueError as e:
                where = "" if current == url else f" (redirected to {current!r})"
                raise FetchError(url, f"not a valid URL{where}: {e}") from None
            self._check_robots(url, current)
            status, headers, body = self._get_with_retries(url, current, limit=self.options.max_bytes,
                                                           extra=conditional)
            if status == 304 and cached is not None:
                log.debug("%s: feed unchanged since it was cached", url)
                return cached
            if 300 <= status < 400 and headers.get("Location"):
                target = urljoin(current, _header_text(headers["Location"]).strip())
                if not is_url(target):
                    raise FetchError(url, f"redirect to a non-HTTP address {target!r}")
                if target in seen:
                    raise FetchError(url, "redirect loop (" + " -> ".join(seen + [target]) + ")")
                if len(seen) > self.options.max_redirects:
                    raise FetchError(url, f"more than {self.options.max_redirects} redirects")
                seen.append(target)
                current = target
                continue
            if status != 200:
                raise FetchError(url, _status_text(status, current, url))
            kind = _content_type(headers)
            response = Response(url=url, final_url=current, content_type=kind, body=body,
                                headers=tuple(headers.items()))
            self._cache_put(response)
            return response

    # -- robots.txt --------------------------------------------------------------------

    def _check_robots(self, url: str, current: str) -> None:
        if not self.options.robots:
            return
        parts = urlsplit(current)
        site = f"{parts.scheme}://{parts.netloc}"
        rules = self._robots.get(site)
        if rules is None:
            rules = self._load_robots(url, site)
            self._robots[site] = rules
        if isinstance(rules, str):
            raise FetchError(url, rules)
        if not rules.can_fetch(self.options.user_agent, current):
            raise FetchError(url, f"robots.txt of {site} disallows {current}")

    def _load_robots(self, url: str, site: str) -> urllib.robotparser.RobotFileParser | str:
        import urllib.robotparser  # noqa: PLC0415 - see the imports above

        rules = urllib.robotparser.RobotFileParser(site + "/robots.txt")
        try:
            status, _, body = self._get_with_retries(url, site + "/robots.txt", limit=512 * 1024)
        except FetchError as e:
            return f"robots.txt of {site} could not be read ({e.reason}); not fetching from it"
        if 200 <= status < 300:
            rules.parse(body.decode("utf-8", "replace").splitlines())
            delay = rules.crawl_delay(self.options.user_agent)
            if delay:
                self._host_delay[site] = min(float(delay), _MAX_CRAWL_DELAY)
        elif 400 <= status < 500 or 300 <= status < 400:
            rules.parse([])  # no robots.txt: everything allowed (RFC 9309, 2.3.1.3)
        else:
            return f"robots.txt of {site} answered HTTP {status}; not fetching from it"
        return rules

    # -- one request -------------------------------------------------------------------

    def _get_with_retries(self, url: str, target: str, *, limit: int,
                          extra: dict[str, str] | None = None) -> tuple[int, Message, bytes]:
        attempts = 1 + max(self.options.retries, 0)
        for attempt in range(attempts):
            last = attempt == attempts - 1
            try:
                status, headers, body = self._get(url, target, limit=limit, extra=extra)
            except _Transient as e:
                if last:
                    raise FetchError(url, f"{e}" + _tries(attempts)) from e
                self._sleep(self.options.backoff * 2**attempt)
                continue
            if status in _RETRY_STATUS and not last:
                wait = self.options.backoff * 2**attempt
                retry_after = headers.get("Retry-After", "")
                if retry_after.strip().isdigit():
                    wait = max(wait, min(float(retry_after), _MAX_CRAWL_DELAY))
                self._sleep(wait)
                continue
            if status in _RETRY_STATUS and attempts > 1:
                raise FetchError(url, _status_text(status, target, url) + _tries(attempts))
            return status, headers, body
        raise AssertionError("unreachable")  # pragma: no cover

    def _wait_for_host(self, target: str) -> None:
        parts = urlsplit(target)
        site = f"{parts.scheme}://{parts.netloc}"
        delay = max(self.options.delay, self._host_delay.get(site, 0.0))
        last = self._last.get(site)
        if last is not None:
            pause = last + delay - self._clock()
            if pause > 0:
                self._sleep(pause)
        self._last[site] = self._clock()

    def _get(self, url: str, target: str, *, limit: int,
             extra: dict[str, str] | None = None) -> tuple[int, Message, bytes]:
        import http.client  # noqa: PLC0415 - see the imports above
        import socket  # noqa: PLC0415
        import urllib.error  # noqa: PLC0415
        import urllib.request  # noqa: PLC0415

        if self._opener is None:
            self._opener = _build_opener()
        self._wait_for_host(target)
        self.requests += 1
        request = urllib.request.Request(wire_url(target), headers={
            "User-Agent": self.options.user_agent,
            "Accept": "text/html,application/xhtml+xml,application/rss+xml,"
                      "application/atom+xml,application/xml;q=0.9,*/*;q=0.1",
            **(extra or {}),
        })
        started = self._clock()
        try:
            response = self._opener.open(request, timeout=self.options.timeout)
        except urllib.error.HTTPError as e:
            with e:
                return e.code, e.headers, b""
        except (TimeoutError, socket.timeout) as e:
            raise _Transient(f"timed out after {self.options.timeout:g} s") from e
        except urllib.error.URLError as e:
            reason = e.reason
            if isinstance(reason, (TimeoutError, socket.timeout)):
                raise _Transient(f"timed out after {self.options.timeout:g} s") from e
            raise _Transient(f"cannot connect ({reason})") from e
        except (OSError, ValueError, http.client.HTTPException) as e:  # a garbled answer
            raise _Transient(f"request failed ({type(e).__name__}: {e})") from e
        with response:
            headers = response.headers
            if target.endswith("/robots.txt") or response.status != 200:
                return response.status, headers, self._read(response, url, limit, started)
            kind = _content_type(headers)
            if kind and kind not in ACCEPTED_TYPES:
                raise FetchError(url, f"not a web page or feed (Content-Type: {kind})")
            length = headers.get("Content-Length", "")
            if length.strip().isdigit() and int(length) > limit:
                raise FetchError(url, f"{_mb(int(length))} is over the {_mb(limit)} size limit")
            return response.status, headers, self._read(response, url, limit, started)

    def _read(self, response, url: str, limit: int, started: float) -> bytes:  # noqa: ANN001
        """The body, at most ``limit`` bytes, within 3 x the timeout in all (a server that
        drips a byte at a time never trips the per-read timeout). ``read1`` returns what has
        arrived, so the clock is looked at between arrivals, not after 64 KiB."""
        import http.client  # noqa: PLC0415 - see the imports above
        import socket  # noqa: PLC0415

        body = bytearray()
        budget = 3 * self.options.timeout
        try:
            while chunk := response.read1(_CHUNK):
                body += chunk
                if len(body) > limit:
                    raise FetchError(url, f"more than the {_mb(limit)} size limit")
                if self._clock() - started > budget:
                    raise _Transient(f"timed out: the body took over {budget:g} s")
        except (TimeoutError, socket.timeout) as e:
            raise _Transient(f"timed out after {self.options.timeout:g} s") from e
        except (OSError, http.client.HTTPException) as e:
            raise _Transient(f"connection dropped ({type(e).__name__}: {e})") from e
        length = response.headers.get("Content-Length", "").strip()
        if length.isdigit() and len(body) < int(length) and not response.headers.get(
                "Content-Encoding"):
            raise _Transient(f"connection closed after {len(body):,} of {int(length):,} bytes")
        return bytes(body)

    # -- cache -------------------------------------------------------------------------

    def _cache_paths(self, url: str) -> tuple[Path, Path] | None:
        if not self.options.cache_dir:
            return None
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()
        folder = Path(self.options.cache_dir) / key[:2]
        return folder / f"{key}.json", folder / f"{key}.body"

    def _cache_get(self, url: str) -> Response | None:
        paths = self._cache_paths(url)
        if paths is None or not paths[0].exists():
            return None
        try:
            meta = json.loads(paths[0].read_text(encoding="utf-8"))
            response = Response(url=url, final_url=meta["final_url"],
                                content_type=meta["content_type"], body=paths[1].read_bytes(),
                                from_cache=True,
                                headers=tuple((str(k), str(v)) for k, v in meta.get("headers", ())))
        except (OSError, ValueError, KeyError, TypeError) as e:
            log.warning("%s: unreadable fetch cache entry %s (%s); fetching again", url,
                        paths[0], e)
            return None
        log.debug("%s: from the fetch cache", url)
        return response

    def _cache_put(self, response: Response) -> None:
        paths = self._cache_paths(response.url)
        if paths is None:
            return
        meta_path, body_path = paths
        try:
            meta_path.parent.mkdir(parents=True, exist_ok=True)
            for path, data in ((body_path, response.body), (meta_path, json.dumps({
                "url": response.url, "final_url": response.final_url,
                "content_type": response.content_type, "headers": response.headers,
                "fetched_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            }).encode("utf-8"))):
                tmp = path.with_suffix(path.suffix + ".tmp")
                tmp.write_bytes(data)
                os.replace(tmp, path)  # the .json last: an entry is there only when whole
        except OSError as e:
            log.warning("%s: cannot write the fetch cache (%s)", response.url, e)


_PATH_SAFE = "/%:@!$&'()*+,;=-._~"
_QUERY_SAFE = _PATH_SAFE + "?"


def wire_url(url: str) -> str:
    """``url`` as it goes on the wire: what a browser's address bar shows (``/nyheter/malmö``,
    a space, an IDN host) percent- or IDNA-encoded, escapes already there kept as they are.
    ``ValueError`` says why a text is not a URL that can be fetched."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https"):
        raise ValueError("not http(s)")
    host = parts.hostname
    if not host:
        raise ValueError("no host name")
    if any(c.isspace() or c in '<>"{}|\\^`' for c in host):
        raise ValueError(f"bad host name {host!r}")
    try:
        host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError as e:
        raise ValueError(f"bad host name {host!r} ({e})") from None
    netloc = f"[{host}]" if ":" in host else host
    if parts.port is not None:  # ValueError for a port that is not a number in range
        netloc += f":{parts.port}"
    userinfo = parts.netloc.rpartition("@")[0]
    if userinfo:
        netloc = quote(userinfo, safe=":%") + "@" + netloc
    return urlunsplit((parts.scheme.lower(), netloc, quote(parts.path, safe=_PATH_SAFE) or "/",
                       quote(parts.query, safe=_QUERY_SAFE), ""))


class _Transient(Exception):
    """A failure worth retrying (timeout, connection); its text is the reason."""


_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")


def _is_feed(response: Response) -> bool:
    if response.content_type in _FEED_TYPES:
        return True
    return response.content_type not in ("text/html", "application/xhtml+xml") \
        and looks_like_feed(response.body[:2048])


def _conditional_headers(cached: Response) -> dict[str, str]:
    """If-None-Match / If-Modified-Since from the cached answer's ETag / Last-Modified."""
    stored = {name.lower(): value for name, value in cached.headers}
    asked = {}
    if stored.get("etag"):
        asked["If-None-Match"] = stored["etag"]
    if stored.get("last-modified"):
        asked["If-Modified-Since"] = stored["last-modified"]
    return asked


def _header_text(value: str) -> str:
    """http.client reads header bytes as Latin-1; a Location with UTF-8 in it (servers send
    ``/nyheter/malmö`` raw) is read back as the UTF-8 it was."""
    try:
        return value.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return value


def _content_type(headers: Message) -> str:
    """The media type, with the old ``x-`` forms servers still send read as the registered ones
    (``application/x-rss+xml`` is ``application/rss+xml``)."""
    kind = (headers.get("Content-Type") or "").split(";", 1)[0].strip().lower()
    return kind.replace("/x-", "/", 1) if kind.endswith("+xml") else kind


def _status_text(status: int, current: str, url: str) -> str:
    from http import HTTPStatus  # noqa: PLC0415

    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = ""
    where = "" if current == url else f" at {current}"
    return f"HTTP {status} {phrase}".rstrip() + where


def _tries(attempts: int) -> str:
    return f" (after {attempts} attempts)" if attempts > 1 else ""


def _mb(n: int) -> str:
    return f"{n / 2**20:.0f} MB" if n >= 2**20 else f"{n:,} bytes"
