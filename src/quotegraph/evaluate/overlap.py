r"""The overlap rules that decide which predicted statements match which gold spans.

Tokens are the ``\w+`` matches of the document text. A token belongs to a span when its
characters overlap the span, so a gold span that starts mid-word (some PolNeAR spans do) still
owns that word. A span may be discontinuous: a tuple of ``(start, end)`` fragments.

- A prediction is *correct* when at least half of its tokens fall inside ONE gold span.
- A gold span is *found* when at least half of its tokens are covered by the predictions taken
  together.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_WORD = re.compile(r"\w+")

Fragments = tuple[tuple[int, int], ...]


class TokenIndex:
    """The word tokens of one text, for turning character spans into sets of token numbers."""

    __slots__ = ("_starts", "_ends")

    def __init__(self, text: str) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for m in _WORD.finditer(text):
            self._starts.append(m.start())
            self._ends.append(m.end())

    def __len__(self) -> int:
        return len(self._starts)

    def tokens(self, fragments: Iterable[tuple[int, int]]) -> frozenset[int]:
        """Numbers of the tokens that overlap any of the ``(start, end)`` fragments."""
        found: set[int] = set()
        for start, end in fragments:
            # first token ending after `start` .. last token starting before `end`
            found.update(range(bisect_right(self._ends, start), bisect_left(self._starts, end)))
        return frozenset(found)


@dataclass(frozen=True)
class Matching:
    """How the predictions and gold spans of one text line up (indices into the inputs).

    ``prediction_gold[i]`` is the gold span prediction ``i`` is correct for (the one holding
    most of its tokens) or None; ``gold_found[j]`` says whether gold span ``j`` is found;
    ``gold_prediction[j]`` is the prediction overlapping gold span ``j`` most, or None.
    """

    prediction_gold: tuple[int | None, ...]
    gold_found: tuple[bool, ...]
    gold_prediction: tuple[int | None, ...]


def match_spans(predicted: Sequence[frozenset[int]], gold: Sequence[frozenset[int]]) -> Matching:
    """Line up predicted and gold token sets by the half-overlap rules of this module.

    Ties go to the earlier gold span or prediction (for ``gold_prediction``, to the smaller
    prediction first). Empty sets never match.
    """
    overlap = [[len(p & g) for g in gold] for p in predicted]
    prediction_gold: list[int | None] = []
    for p, row in zip(predicted, overlap):
        best = max(range(len(gold)), key=lambda j: (row[j], -j), default=None)
        ok = best is not None and bool(p) and 2 * row[best] >= len(p)
        prediction_gold.append(best if ok else None)
    covered = frozenset().union(*predicted)
    gold_found = tuple(bool(g) and 2 * len(g & covered) >= len(g) for g in gold)
    gold_prediction: list[int | None] = []
    for j in range(len(gold)):
        # On equal overlap the tightest prediction is the one that speaks for this span (a
        # statement inside a transcript turn, not the turn around it).
        best = max(range(len(predicted)), key=lambda i: (overlap[i][j], -len(predicted[i]), -i),
                   default=None)
        gold_prediction.append(best if best is not None and overlap[best][j] else None)
    return Matching(tuple(prediction_gold), gold_found, tuple(gold_prediction))
