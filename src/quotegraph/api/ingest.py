"""``POST /api/ingest``: posted articles -> Documents -> the store's ingest pipeline."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import HTTPException

from quotegraph.api.models import IngestItem
from quotegraph.errors import QuotegraphError
from quotegraph.model import Document

log = logging.getLogger(__name__)


def to_document(item: IngestItem, index: int) -> Document:
    return Document(
        text=item.text,
        source=item.source or f"api[{index}]",
        title=item.title,
        published=item.published.isoformat() if item.published else None,
        outlet=item.outlet,
        url=item.url,
    )


def ingest_items(store: Any, items: list[IngestItem]) -> dict[str, Any]:
    """Extract and store ``items`` in this process; the counts, ids and per-item errors.

    Runs the same pipeline as ``quotegraph ingest`` (so re-posting a stored text changes
    nothing), with one worker: a web request must not fork a process pool. An item whose
    extraction fails is counted in ``failed`` and listed in ``errors``; the rest are stored.
    """
    from quotegraph.store import article_id
    from quotegraph.store.pipeline import default_extractor, ingest_documents

    try:
        extract = default_extractor()
    except QuotegraphError as e:
        log.error("extraction engine unavailable: %s", e)
        raise HTTPException(503, str(e)) from e
    errors: list[dict[str, str]] = []
    docs = [to_document(item, i) for i, item in enumerate(items)]
    report = ingest_documents(
        store, docs, workers=1, batch_size=max(len(docs), 1), extract=extract,
        on_failure=lambda source, message: errors.append({"source": source, "message": message}),
    )
    out: dict[str, Any] = report.to_dict()
    out["ids"] = [article_id(d.text) for d in docs]
    out["errors"] = errors
    return out
