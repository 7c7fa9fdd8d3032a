"""The one pure function at the centre: a document's text in, an Article with its statements out.

Everything around it (files, processes, the database) only moves data, so the same code runs in
one process, on every core, or on a cluster.
"""

from __future__ import annotations

import logging

from quotegraph.attribute.repeats import link_repeats
from quotegraph.attribute.said_on import said_on
from quotegraph.attribute.statements import find_statements
from quotegraph.model import Article, Document, unextracted, with_document_metadata
from quotegraph.errors import KnowledgeBaseError
from quotegraph.kb import KnowledgeBase, load_kb
from quotegraph.read.language import is_english
from quotegraph.relate import relate
from quotegraph.resolve.actors import find_mentions
from quotegraph.resolve.kb_speakers import KBSpeakers
from quotegraph.resolve.speakers import resolve
from quotegraph.kb.types import Person
from quotegraph.segment.metadata import read_metadata
from quotegraph.segment.year import infer_year_from_offices

log = logging.getLogger(__name__)

# 0.2: inferred years, date conflicts, said_on, repeats, numeric claims; 0.3: actor groups and
# occasions; 0.3.1: outlet and date from the article's URL (a store re-extracts articles of an
# older version on the next ingest)
EXTRACTOR_VERSION = "0.3.1"
EARLIEST_YEAR = 1990  # the oldest year an undated article's speakers may date it to


def extract(text: str, *, source: str | None = None, title: str | None = None,
            published: str | None = None, outlet: str | None = None, url: str | None = None,
            kb: KnowledgeBase | None = None, use_kb: bool = True) -> Article:
    """Every attributed statement in ``text``, with speakers, cues, actor mentions and offsets.

    ``published`` (ISO date), ``title`` and ``outlet`` are what the caller knows already; the text's
    own date lines, datelines and footers fill the gaps, and last the ``url``'s path date and host. Speakers and actor mentions resolve
    against ``kb``, by default the shipped knowledge base (loaded once per process); pass
    ``use_kb=False`` for the article-only resolution.
    """
    meta = read_metadata(text, title=title, published=published, outlet=outlet, url=url)
    found, quote_spans = find_statements(text, meta)
    pub = meta.published
    if kb is None and use_kb:
        kb = default_kb()
    resolver = KBSpeakers(kb, pub) if kb is not None else None

    def day_of(f) -> str | None:
        return said_on(text, f, pub)

    statements = resolve(text, found, quote_spans=quote_spans, body_start=meta.body_start,
                         external=resolver, said_on=day_of)
    how = meta.published_source
    if pub is None and meta.dateline_day and kb is not None:
        dated = _year_from_offices(text, meta, statements, kb)
        if dated is not None:
            # The day is known now: roles by date and said_on are resolved again against it.
            pub, how = dated.date.isoformat(), dated.how
            resolver = KBSpeakers(kb, pub)
            statements = resolve(text, found, quote_spans=quote_spans, body_start=meta.body_start,
                                 external=resolver, said_on=day_of)
    statements = link_repeats(statements, body_start=meta.body_start)
    mentions = find_mentions(text, published=pub, kb=kb) if kb is not None else ()
    statements = relate(text, statements, mentions)
    return Article(
        text=text, source=source, title=meta.title, published=pub, outlet=meta.outlet, url=url,
        dateline=meta.dateline, body_start=meta.body_start, statements=tuple(statements),
        mentions=mentions, published_how=how, date_conflict=meta.date_conflict,
    )


def _year_from_offices(text: str, meta, statements, kb: KnowledgeBase):
    """The dateline's year from the offices of the article's known speakers (see
    :func:`quotegraph.segment.year.infer_year_from_offices`), or ``None``."""
    people = []
    for st in statements:
        actor = kb.get(st.speaker.id) if st.speaker and st.speaker.id else None
        if isinstance(actor, Person) and actor.roles and actor not in people:
            people.append(actor)
    if not people:
        return None
    month, day = meta.dateline_day
    return infer_year_from_offices(
        text, body_start=meta.body_start, month=month, day=day,
        holds_office=lambda d: all(p.roles_on(d, horizon=kb.horizon) for p in people),
        years=range(EARLIEST_YEAR, kb.horizon.year + 1))


def extract_document(doc: Document, *, kb: KnowledgeBase | None = None, use_kb: bool = True) -> Article:
    """``extract`` for a ``Document`` read by ``quotegraph.read``.

    A document in another language than English (``doc.language``) is not read: the English
    patterns would find wrong statements in it. It comes back as :func:`unextracted`.
    """
    if not is_english(doc.language):
        return unextracted(doc)
    art = extract(doc.text, source=doc.source, title=doc.title, published=doc.published,
                  outlet=doc.outlet, url=doc.url, kb=kb, use_kb=use_kb)
    return with_document_metadata(art, doc)


_default_kb: list[KnowledgeBase | None] = []


def default_kb() -> KnowledgeBase | None:
    """The shipped knowledge base plus the files named in ``QUOTEGRAPH_KB``, loaded once per
    process (checking the files' dates on every article would cost more than extracting it)."""
    if not _default_kb:
        try:
            _default_kb.append(load_kb())
        except KnowledgeBaseError:
            log.exception("the knowledge base could not be loaded; resolving within articles only")
            _default_kb.append(None)
    return _default_kb[0]
