"""Reading inputs: plain-text files, directories, stdin and JSONL/CSV corpora, as Documents.

``iter_documents(paths)`` yields a ``quotegraph.model.Document`` or a ``ReadFailure`` per
input, in input order, and never raises for a bad input, so one bad file or row never costs
the rest of a batch.
"""

from quotegraph.read.failure import ReadFailure
from quotegraph.read.sources import iter_documents

__all__ = ["ReadFailure", "iter_documents"]
