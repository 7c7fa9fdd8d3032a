"""The one pure function at the centre: a document's text in, an Article with its statements out.

Everything around it (files, processes, the database) only moves data, so the same code runs in
one process, on every core, or on a cluster.
"""

from __future__ import annotations

import logging

from quotegraph.attribute.statements import find_statements
from quotegraph.model import Article, Document
from quotegraph.errors import KnowledgeBaseError
from quotegraph.kb import KnowledgeBase, load_kb
from quotegraph.relate import relate
from quotegraph.resolve.actors import find_mentions
from quotegraph.resolve.kb_speakers import KBSpeakers
from quotegraph.resolve.speakers import resolve
from quotegraph.segment.dates import find_day_reference, resolve_relative_day
from quotegraph.segment.metadata import read_metadata

log = logging.getLogger(__name__)

EXTRACTOR_VERSION = "0.2.0"  # 0.2: numeric claims (and what follows from relate)


def extract(text: str, *, source: str | None = None, title: str | None = None,
            published: str | None = None, outlet: str | None = None, url: str | None = None,
            kb: KnowledgeBase | None = None, use_kb: bool = True) -> Article:
    """Every attributed statement in ``text``, with speakers, cues, actor mentions and offsets.

    ``published`` (ISO date), ``title`` and ``outlet`` are what the caller knows already; the text's
    own date lines, datelines and footers fill the gaps. Speakers and actor mentions resolve
    against ``kb``, by default the shipped knowledge base (loaded once per process); pass
    ``use_kb=False`` for the article-only resolution.
    """
    meta = read_metadata(text, title=title, published=published, outlet=outlet)
    found, quote_spans = find_statements(text, meta)
    pub = meta.published
    if kb is None and use_kb:
        kb = default_kb()
    resolver = KBSpeakers(kb, pub) if kb is not None else None

    def said_on(f) -> str | None:
        if not pub or f.clause is None:
            return None
        ref = find_day_reference(text, f.clause[0], max(f.clause[1], f.end if f.start > f.clause[0] else f.clause[1]))
        if ref is None:
            return None
        return resolve_relative_day(ref[2], pub)

    statements = resolve(text, found, quote_spans=quote_spans, body_start=meta.body_start,
                         external=resolver, said_on=said_on)
    mentions = find_mentions(text, published=pub, kb=kb) if kb is not None else ()
    statements = relate(text, statements, mentions)
    return Article(
        text=text, source=source, title=meta.title, published=pub, outlet=meta.outlet, url=url,
        dateline=meta.dateline, body_start=meta.body_start, statements=tuple(statements),
        mentions=mentions,
    )


def extract_document(doc: Document, *, kb: KnowledgeBase | None = None, use_kb: bool = True) -> Article:
    """``extract`` for a ``Document`` read by ``quotegraph.read``."""
    return extract(doc.text, source=doc.source, title=doc.title, published=doc.published,
                   outlet=doc.outlet, url=doc.url, kb=kb, use_kb=use_kb)


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
