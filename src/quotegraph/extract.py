"""The one pure function at the centre: a document's text in, an Article with its statements out.

Everything around it (files, processes, the database) only moves data, so the same code runs in
one process, on every core, or on a cluster.
"""

from __future__ import annotations

import logging

from quotegraph.attribute.statements import find_statements
from quotegraph.model import Article, Document
from quotegraph.resolve.speakers import ExternalResolver, resolve
from quotegraph.segment.dates import find_day_reference, resolve_relative_day
from quotegraph.segment.metadata import read_metadata

log = logging.getLogger(__name__)

EXTRACTOR_VERSION = "0.1.0"


def extract(text: str, *, source: str | None = None, title: str | None = None,
            published: str | None = None, outlet: str | None = None, url: str | None = None,
            resolver: ExternalResolver | None = None) -> Article:
    """Every attributed statement in ``text``, with speakers, cues and offsets.

    ``published`` (ISO date), ``title`` and ``outlet`` are what the caller knows already; the text's
    own date lines, datelines and footers fill the gaps. ``resolver`` optionally settles speakers
    the article alone cannot (the knowledge base's dated roles).
    """
    meta = read_metadata(text, title=title, published=published, outlet=outlet)
    found, quote_spans = find_statements(text, meta)
    pub = meta.published

    def said_on(f) -> str | None:
        if not pub or f.clause is None:
            return None
        ref = find_day_reference(text, f.clause[0], max(f.clause[1], f.end if f.start > f.clause[0] else f.clause[1]))
        if ref is None:
            return None
        return resolve_relative_day(ref[2], pub)

    statements = resolve(text, found, quote_spans=quote_spans, body_start=meta.body_start,
                         external=resolver, said_on=said_on)
    return Article(
        text=text, source=source, title=meta.title, published=pub, outlet=meta.outlet, url=url,
        dateline=meta.dateline, body_start=meta.body_start, statements=tuple(statements),
    )


def extract_document(doc: Document, *, resolver: ExternalResolver | None = None) -> Article:
    """``extract`` for a ``Document`` read by ``quotegraph.read``."""
    return extract(doc.text, source=doc.source, title=doc.title, published=doc.published,
                   outlet=doc.outlet, url=doc.url, resolver=resolver)
