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
