"""``POST /api/ingest``: posted articles -> Documents -> extracted Articles -> the store."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import HTTPException

from quotegraph.api.models import IngestItem
from quotegraph.model import Document

log = logging.getLogger(__name__)


def _extractor() -> Any:
    try:
        from quotegraph.extract import extract_document
    except ImportError as e:
        log.error("extraction engine unavailable: %s", e)
        raise HTTPException(503, "the extraction engine (quotegraph.extract) is not available") from e
    return extract_document


def to_document(item: IngestItem) -> Document:
    return Document(
        text=item.text,
        source=item.source or "api",
        title=item.title,
        published=item.published.isoformat() if item.published else None,
        outlet=item.outlet,
        url=item.url,
    )


def ingest_items(store: Any, items: list[IngestItem]) -> dict[str, Any]:
    """Extract and store ``items`` in one batch; the counts, and each item's article id.

    An item whose extraction fails is counted in ``failed`` (and logged) and the rest are
    still stored. Ids are computed as the store does, from the text alone.
    """
    from quotegraph.store import article_id

    extract = _extractor()
    articles = []
    failed = 0
    for i, item in enumerate(items):
        try:
            articles.append(extract(to_document(item)))
        except Exception:  # one bad article must not sink the batch; the log has the cause
            log.exception("extraction failed for posted item %d (%s)", i, item.source or "api")
            failed += 1
    report = store.ingest(articles, batch_size=max(len(articles), 1))
    out = dict(report.to_dict())
    out["failed"] = out.get("failed", 0) + failed
    out["ids"] = [article_id(item.text) for item in items]
    return out
