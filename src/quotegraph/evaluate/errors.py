"""The one exception the evaluation code raises on purpose."""

from quotegraph.errors import QuotegraphError


class EvaluationError(QuotegraphError):
    """Gold data or PolNeAR is missing or malformed, or the engine could not be run.

    The message names the file (and the statement or annotation line) so the data can be fixed.
    """
