"""The ingest pipeline in-process: read -> hash -> extract (pool) -> store, with failures."""

from __future__ import annotations

import dataclasses
import json

import pytest
from test_store_support import story, toy_extract, write_corpus

from quotegraph import query as Q
from quotegraph.errors import QuotegraphError
from quotegraph.model import Document
from quotegraph.read import ReadFailure
from quotegraph.store import IngestReport, open_store
from quotegraph.store.pipeline import ingest_documents, ingest_paths, load_extractor

CALLS: list[str] = []


def counting_extract(doc: Document):
    CALLS.append(doc.source)
    return toy_extract(doc)


def flaky_extract(doc: Document):
    if "BOOM" in doc.text:
        raise RuntimeError("the engine tripped")
    return toy_extract(doc)


def text_changing_extract(doc: Document):
    return dataclasses.replace(toy_extract(doc), text=doc.text.strip() + "!")


def docs(n, start=0):
    for i in range(start, start + n):
        a = story(i)
        yield Document(text=a.text, source=a.source, title=a.title, published=a.published,
                       outlet=a.outlet)


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "p.db") as s:
        yield s


def test_extracts_and_stores_in_input_order(store):
    r = ingest_documents(store, docs(30), workers=1, batch_size=8, extract=toy_extract)
    assert r == IngestReport(added=30)
    rows = store.rows("SELECT source FROM articles ORDER BY pk")
    assert [x["source"] for x in rows] == [f"story-{i}.txt" for i in range(30)]
    assert Q.stats(store)["statements"] == 30  # the toy extractor finds the direct quote


def test_worker_pool_gives_the_same_result(store, tmp_path):
    r = ingest_documents(store, docs(40), workers=2, batch_size=7, extract=toy_extract)
    assert r == IngestReport(added=40)
    with open_store(tmp_path / "serial.db") as serial:
        ingest_documents(serial, docs(40), workers=1, extract=toy_extract)
        cols = "id, source, title, published, outlet"
        assert store.rows(f"SELECT {cols} FROM articles ORDER BY pk") == \
            serial.rows(f"SELECT {cols} FROM articles ORDER BY pk")
        assert store.rows("SELECT id, text, speaker_id FROM statements ORDER BY pk") == \
            serial.rows("SELECT id, text, speaker_id FROM statements ORDER BY pk")


def test_rerun_skips_known_articles_before_extracting(store):
    CALLS.clear()
    ingest_documents(store, docs(10), workers=1, extract=counting_extract)
    assert len(CALLS) == 10
    CALLS.clear()
    progress = []
    r = ingest_documents(store, docs(15), workers=1, batch_size=4, extract=counting_extract,
                         on_progress=progress.append)
    assert r == IngestReport(added=5, unchanged=10)
    assert CALLS == [f"story-{i}.txt" for i in range(10, 15)]  # only the new ones
    assert progress == [4, 8, 12, 15]
    # a duplicate inside one input is extracted once
    CALLS.clear()
    dup = list(docs(1, start=99))
    r = ingest_documents(store, dup + dup, workers=1, extract=counting_extract)
    assert r == IngestReport(added=1, unchanged=1) and len(CALLS) == 1


def test_new_extractor_version_re_extracts(store):
    ingest_documents(store, docs(5), workers=1, extract=toy_extract, extractor_version="a")
    CALLS.clear()
    r = ingest_documents(store, docs(5), workers=1, extract=counting_extract,
                         extractor_version="b")
    assert r == IngestReport(updated=5) and len(CALLS) == 5


@pytest.mark.parametrize("workers", [1, 2])
def test_failures_are_reported_counted_and_do_not_stop_the_batch(store, workers):
    items = list(docs(6))
    items.insert(2, ReadFailure("broken.jsonl:3", "not valid JSON"))
    items.insert(4, Document(text="BOOM goes the text", source="boom.txt"))
    failures = []
    r = ingest_documents(store, items, workers=workers, batch_size=3, extract=flaky_extract,
                         on_failure=lambda src, msg: failures.append((src, msg)))
    assert r == IngestReport(added=6, failed=2)
    assert failures[0] == ("broken.jsonl:3", "not valid JSON")
    assert failures[1][0] == "boom.txt" and "the engine tripped" in failures[1][1]
    assert Q.stats(store)["articles"] == 6


def test_an_extractor_that_changes_the_text_is_refused(store):
    failures = []
    r = ingest_documents(store, docs(2), workers=1, extract=text_changing_extract,
                         on_failure=lambda s, m: failures.append(m))
    assert r == IngestReport(failed=2) and "different text" in failures[0]


def test_ingest_paths_reads_files(store, tmp_path):
    corpus = write_corpus(tmp_path / "c.jsonl", 12)
    with corpus.open("a", encoding="utf-8") as f:
        f.write("{not json\n")
        f.write(json.dumps({"title": "no text field"}) + "\n")
    (tmp_path / "one.txt").write_text('"We are ready," Ola Nord said.\n', encoding="utf-8")
    failures = []
    r = ingest_paths(store, [str(corpus), str(tmp_path / "one.txt"), str(tmp_path / "nope.txt")],
                     workers=2, extract=toy_extract,
                     on_failure=lambda s, m: failures.append(s))
    assert r == IngestReport(added=13, failed=3)
    assert failures[:2] == [f"{corpus}:13", f"{corpus}:14"]
    assert failures[2].endswith("nope.txt")
    hit = Q.search_statements(store, Q.StatementFilter(speaker="Ola Nord"))["items"][0]
    assert hit["text"] == "We are ready" and hit["article"]["source"].endswith("one.txt")
    # metadata from the corpus rows made it through
    assert Q.stats(store)["outlets"] == 3


def test_bad_options_and_extractor_specs(store):
    with pytest.raises(QuotegraphError):
        ingest_documents(store, [], batch_size=0, extract=toy_extract)
    with pytest.raises(QuotegraphError):
        load_extractor("no_colon")
    with pytest.raises(QuotegraphError):
        load_extractor("quotegraph.model:nothing_here")
    assert load_extractor("test_store_support:toy_extract") is toy_extract


def crashing_extract(doc: Document):
    import os

    if "DIE" in doc.text:
        os._exit(3)  # a worker killed mid-task (OOM killer, segfault)
    return toy_extract(doc)


def test_a_dead_worker_stops_the_ingest_instead_of_hanging(store):
    items = list(docs(20)) + [Document(text="DIE here", source="die.txt")] + list(docs(5, 30))
    with pytest.raises(QuotegraphError, match="worker died"):
        ingest_documents(store, items, workers=2, batch_size=10, extract=crashing_extract)
    # The first batch was committed before the fatal one was even read; the second may or
    # may not have been (its results race the crash), but nothing is half-written.
    assert Q.stats(store)["articles"] in (10, 20)
    done = Q.stats(store)["articles"]
    r = ingest_documents(store, items[:20] + items[21:], workers=2, extract=toy_extract)
    assert r == IngestReport(added=25 - done, unchanged=done)
    assert Q.stats(store)["statements"] == 25
