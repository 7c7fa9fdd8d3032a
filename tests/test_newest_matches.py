"""One read of a text query's newest matches serves its search page and its facets
(quotegraph.store.newest): the answers are those of separate reads, with fewer index reads.

The store is test_facet_sample's (written texts, real ingest path) plus articles whose
headline repeats a body statement, so repeats (left out of pages and totals) are there too.
"""

from __future__ import annotations

import pytest
from test_facet_sample import article
from test_repeats import BODY_TWICE, HEADLINE

from quotegraph import query as Q
from quotegraph.model import Document
from quotegraph.query import StatementFilter as F
from quotegraph.store import open_store
from quotegraph.store.newest import NewestMatches
from quotegraph.store.pipeline import ingest_documents


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("newest") / "newest.db"
    s = open_store(str(path))
    docs = [article(i) for i in range(36)]
    docs += [Document(text=t, source=f"repeat:{i}", published="2022-06-0" + str(1 + i))
             for i, t in enumerate((HEADLINE, BODY_TWICE))]
    assert ingest_documents(s, docs).failed == 0
    assert s.one("SELECT count(*) AS n FROM statements WHERE repeats IS NOT NULL")["n"] >= 2
    yield s
    s.close()


class Counting:
    """The store, counting its full-text reads: fts_page (count and page) and fts_newest."""

    def __init__(self, store):
        self._store = store
        self.pages: list[int] = []  # the limit of each fts_page call
        self.newest = 0

    def __getattr__(self, name):
        return getattr(self._store, name)

    def fts_page(self, q, *, lo, hi, limit, offset):
        self.pages.append(limit)
        return self._store.fts_page(q, lo=lo, hi=hi, limit=limit, offset=offset)

    def fts_newest(self, q, *, lo, hi, limit):
        self.newest += 1
        return self._store.fts_newest(q, lo=lo, hi=hi, limit=limit)


def both(store, flt, *, limit, offset, sample, newest):
    page = Q.search_statements(store, flt, limit=limit, offset=offset, newest=newest)
    fac = Q.facets(store, flt, limit=10, total=page["total"], sample=sample, newest=newest)
    return page, fac


FILTERS = [F(q="pipeline"), F(q="harbour"), F(q="corridor"), F(q="spring"),
           F(q="pipeline", since="2022-03-01", until="2022-08-31"), F(q="nothingmatches")]


@pytest.mark.parametrize("flt", FILTERS)
@pytest.mark.parametrize("sample", [4, 1000])
@pytest.mark.parametrize(("limit", "offset"), [(20, 0), (2, 0), (2, 3), (3, 40), (1, 200)])
def test_shared_matches_give_the_answers_of_separate_reads(store, flt, sample, limit, offset):
    alone = both(store, flt, limit=limit, offset=offset, sample=sample, newest=None)
    shared = both(store, flt, limit=limit, offset=offset, sample=sample,
                  newest=NewestMatches(sample))
    assert shared == alone


def test_when_the_matches_fit_the_sample_neither_count_nor_page_is_asked(store):
    spy = Counting(store)
    page, fac = both(spy, F(q="harbour"), limit=2, offset=1, sample=1000,
                     newest=NewestMatches(1000))
    assert page["total"] >= 3 and len(page["items"]) == 2 and "sampled" not in fac
    assert (spy.pages, spy.newest) == ([], 1)


def test_more_matches_than_the_sample_ask_only_the_count(store):
    spy = Counting(store)
    page, fac = both(spy, F(q="pipeline"), limit=2, offset=0, sample=4,
                     newest=NewestMatches(4))
    assert fac["sampled"] == 4 and fac["of"] == page["total"] > 4
    assert (spy.pages, spy.newest) == ([0], 1)  # the count (limit 0), no page query


def test_a_page_beyond_the_kept_matches_is_read_from_the_index(store):
    spy = Counting(store)
    page, _ = both(spy, F(q="pipeline"), limit=2, offset=10, sample=4, newest=NewestMatches(4))
    assert len(page["items"]) == 2
    assert spy.pages == [2] and spy.newest == 1


def test_another_query_reads_its_own_matches(store):
    newest = NewestMatches(1000)
    first = Q.search_statements(store, F(q="harbour"), newest=newest)
    other = Q.search_statements(store, F(q="pipeline"), newest=newest)
    assert first == Q.search_statements(store, F(q="harbour"))
    assert other == Q.search_statements(store, F(q="pipeline"))
