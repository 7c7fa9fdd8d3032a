"""Optional dependencies: import them on first use, or say which pip command brings them.

HTML, feeds and WARC archives need the ``html`` extra (trafilatura, htmldate, feedparser,
warcio). Plain text, JSONL and CSV work without it, so the import happens only when such an
input turns up, and a missing package becomes one clear sentence instead of a traceback.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from quotegraph.errors import MissingExtraError

__all__ = ["HTML_EXTRA", "require"]

HTML_EXTRA = "html"


def require(module: str, *, extra: str = HTML_EXTRA, purpose: str) -> ModuleType:
    """``module``, imported; ``MissingExtraError`` naming the extra when it is not installed."""
    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise MissingExtraError(
            f"{purpose} needs the optional '{extra}' dependencies: "
            f"pip install 'quotegraph[{extra}]' ({e})") from e
