"""quotegraph's exceptions: one root, one subclass per kind of thing that can go wrong.

Messages say what was wrong and where (file, line) so a user can act on them.
"""


class QuotegraphError(Exception):
    """Root of every error quotegraph raises on purpose."""


class ReadError(QuotegraphError):
    """An input could not be read or decoded; the message names the file (and line)."""


class KnowledgeBaseError(QuotegraphError):
    """A knowledge-base file is missing, malformed or fails its schema."""


class StoreError(QuotegraphError):
    """The database could not be opened, migrated or written."""


class QueryError(QuotegraphError):
    """A search or filter was malformed (bad date, unknown field, page too large)."""


class MissingExtraError(QuotegraphError):
    """An optional dependency group is not installed; the message names the pip command."""


class FetchError(ReadError):
    """A URL could not be fetched (timeout, HTTP error, redirect loop, too large, robots.txt);
    ``url`` is the URL as given and ``reason`` says why without it."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
