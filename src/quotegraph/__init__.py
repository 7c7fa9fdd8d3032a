"""quotegraph: who said what, about whom, when and where — from international-affairs news.

The public API: ``extract`` turns a text into an ``Article`` with its ``Statement`` records;
``iter_documents`` reads files, directories and corpora; the value types serialise with
``to_dict``/``from_dict``.
"""

from quotegraph.errors import KnowledgeBaseError, QueryError, QuotegraphError, ReadError, StoreError
from quotegraph.extract import EXTRACTOR_VERSION, extract, extract_document
from quotegraph.model import Article, Document, Mention, Span, Speaker, Statement
from quotegraph.read import ReadFailure, iter_documents

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Document",
    "EXTRACTOR_VERSION",
    "KnowledgeBaseError",
    "Mention",
    "QueryError",
    "QuotegraphError",
    "ReadError",
    "ReadFailure",
    "Span",
    "Speaker",
    "Statement",
    "StoreError",
    "__version__",
    "extract",
    "extract_document",
    "iter_documents",
]
