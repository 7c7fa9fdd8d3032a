"""Wiring: an extraction function configured once per process (knowledge base loaded once)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from quotegraph.extract import extract_document
from quotegraph.kb import load_kb
from quotegraph.model import Article, Document


def make_extractor(*, use_kb: bool = True, kb_paths: Sequence[str] = ()) -> Callable[[Document], Article]:
    """``Document -> Article``, resolving against the shipped knowledge base plus ``kb_paths``
    (loaded once, here), or within each article only when ``use_kb`` is false."""
    if not use_kb:
        return partial(extract_document, use_kb=False)
    if kb_paths:
        return partial(extract_document, kb=load_kb(extra=kb_paths))
    return extract_document
