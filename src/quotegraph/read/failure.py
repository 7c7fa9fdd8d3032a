"""What ``iter_documents`` yields instead of a Document when an input cannot be read."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ReadFailure"]


@dataclass(frozen=True)
class ReadFailure:
    """One input (a file, or a corpus row) that could not become a Document.

    ``source`` is the path as given, plus ``:LINE`` for a corpus row; ``message`` says what was
    wrong for a human ("not valid JSON (Expecting ',' delimiter at column 12)").
    """

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"
