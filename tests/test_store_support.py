"""Shared helpers for the store, query and ingest tests: invented articles, a toy extractor and
the backend fixture (SQLite always; PostgreSQL when ``QUOTEGRAPH_PG_DSN`` is set).

Every text is written for these tests; names, places and outlets are invented.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from quotegraph.model import Article, Document, Mention, Span, Speaker, Statement
from quotegraph.store import Store, open_store

ACTORS = {
    "Norland": ("norland", "Norland", "country"),
    "Freeland": ("freeland", "Freeland", "country"),
    "the Coastal Union": ("coastal-union", "Coastal Union", "organization"),
    "the West": ("the-west", "the West", "grouping"),
    "Anna Berg": ("anna-berg", "Anna Berg", "person"),
}
PEOPLE = [
    # name, id or None (then the store slugs the name), role
    ("Anna Berg", "anna-berg", "foreign minister"),
    ("Pavel Orlin", None, "ministry spokesman"),
    ("Mira Santos", "mira-santos", "trade commissioner"),
]
OUTLETS = ["Northern Wire", "Harbour Post", "Daily Ledger"]
TOPICS = [
    "grain exports", "the river treaty", "fishing quotas", "border crossings",
    "energy prices", "rail freight", "customs duties", "port fees",
]


def sp(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    i = text.index(needle, start)
    return i, i + len(needle)


def story(i: int, *, published: str | None = None, outlet: str | None = None,
          extra: str = "") -> Article:
    """Article ``i`` of a deterministic invented corpus: one direct quote, one reported
    statement, actor mentions inside them. Different ``i`` give different texts (and ids)."""
    name, pid, role = PEOPLE[i % len(PEOPLE)]
    other = PEOPLE[(i + 1) % len(PEOPLE)][0]
    topic = TOPICS[i % len(TOPICS)]
    target = ["Norland", "Freeland", "the Coastal Union", "the West"][i % 4]
    month = 1 + i % 12
    published = published if published is not None else f"2023-{month:02d}-{1 + i % 28:02d}"
    outlet = outlet or OUTLETS[i % len(OUTLETS)]
    quote = f"We expect {target} to keep its word on {topic}, and we will check it. Item {i}"
    text = (f"Talks on {topic} continue\n\n"
            f'"{quote}," {name} said on Tuesday. '
            f"{other} told reporters that {target} had delayed the talks on {topic}.{extra}\n")
    q0, q1 = sp(text, quote)
    n0, n1 = sp(text, name, q1)
    c0, c1 = sp(text, "said", n1)
    o0, o1 = sp(text, other, c1)
    t0, t1 = sp(text, "told reporters", o1)
    r0 = t1 + len(" that ")
    r1 = text.index(".", r0)
    oname, oid, orole = PEOPLE[(i + 1) % len(PEOPLE)]
    statements = (
        Statement(kind="direct", start=q0, end=q1, text=text[q0:q1],
                  speaker=Speaker(name=name, mention=name, start=n0, end=n1, id=pid, role=role,
                                  how=("named after the quote",)),
                  cue=Span(c0, c1, "said"), rule="quote-said-name"),
        Statement(kind="indirect", start=r0, end=r1, text=text[r0:r1],
                  speaker=Speaker(name=oname, mention=oname, start=o0, end=o1, id=oid,
                                  role=orole),
                  cue=Span(t0, t1, "told reporters"), rule="name-told-that"),
    )
    mentions = []
    for surface, (aid, aname, atype) in ACTORS.items():
        for m in re.finditer(re.escape(surface), text):
            mentions.append(Mention(m.start(), m.end(), surface, aid, aname, atype))
    return Article(text=text, source=f"story-{i}.txt", title=f"Talks on {topic} continue",
                   published=published, outlet=outlet, url=f"https://example.org/{i}",
                   statements=statements, mentions=tuple(mentions))


def toy_extract(doc: Document) -> Article:
    """A tiny stand-in for the extraction engine: ``"quote," Name Surname said``."""
    statements = []
    for m in re.finditer(r'"([^"]+?),?" ([A-Z]\w+ [A-Z]\w+) said', doc.text):
        statements.append(Statement(
            kind="direct", start=m.start(1), end=m.end(1), text=m.group(1),
            speaker=Speaker(name=m.group(2), mention=m.group(2), start=m.start(2),
                            end=m.end(2)),
            cue=Span(m.end(2) + 1, m.end(2) + 5, "said"), rule="toy"))
    mentions = []
    for surface, (aid, aname, atype) in ACTORS.items():
        for m in re.finditer(re.escape(surface), doc.text):
            mentions.append(Mention(m.start(), m.end(), surface, aid, aname, atype))
    return Article(text=doc.text, source=doc.source, title=doc.title, published=doc.published,
                   outlet=doc.outlet, url=doc.url, statements=tuple(statements),
                   mentions=tuple(mentions))


def write_corpus(path: Path, n: int, *, start: int = 0) -> Path:
    """A JSONL corpus of ``n`` stories (text, title, published, outlet) for CLI ingests."""
    import json

    with path.open("w", encoding="utf-8") as f:
        for i in range(start, start + n):
            a = story(i)
            f.write(json.dumps({"text": a.text, "title": a.title, "published": a.published,
                                "outlet": a.outlet}) + "\n")
    return path


PG_DSN = os.environ.get("QUOTEGRAPH_PG_DSN")
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@contextmanager
def pg_schema() -> Iterator[str]:
    """The DSN of a fresh PostgreSQL schema, dropped afterwards (skips without a server)."""
    if not PG_DSN:
        pytest.skip("QUOTEGRAPH_PG_DSN is not set (see .ci/postgres.sh)")
    psycopg = pytest.importorskip("psycopg")
    # A schema per test keeps tests independent on one shared database.
    schema = f"qg_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_DSN, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in PG_DSN else "?"
    try:
        yield f"{PG_DSN}{sep}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(PG_DSN, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


def _pg_store() -> Iterator[Store]:
    with pg_schema() as dsn:
        store = open_store(dsn)
        try:
            yield store
        finally:
            store.close()


def backend_store(backend: str, directory: Path) -> Iterator[Store]:
    """An empty store on ``backend`` ("sqlite" in ``directory``, or "postgres")."""
    if backend == "sqlite":
        with open_store(directory / "t.db") as store:
            yield store
    else:
        yield from _pg_store()


@pytest.fixture(params=BACKENDS)
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """An empty store on each backend."""
    yield from backend_store(request.param, tmp_path)


def slow_toy_extract(doc: Document) -> Article:
    """The toy extractor at a few milliseconds per text, so a test can interrupt an ingest."""
    import time

    time.sleep(0.004)
    return toy_extract(doc)
