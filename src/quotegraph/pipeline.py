"""Wiring: an extraction function configured once per process (knowledge base loaded once)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from quotegraph.extract import extract_document
from quotegraph.model import Article, Document

log = logging.getLogger(__name__)


def make_extractor(*, use_kb: bool = True, kb_paths: Sequence[str] = ()) -> Callable[[Document], Article]:
    """``Document -> Article`` with the knowledge base (when available) loaded once."""
    return extract_document
