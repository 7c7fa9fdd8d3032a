"""Run an extraction engine over the gold set or PolNeAR and score it.

The engine is any callable shaped like ``quotegraph.extract(text, *, source=...) -> Article``;
by default the real one. Gold texts are given to it without their annotated date and outlet,
because finding those from the text (and a real excerpt's URL, given as ``url=``) is part of
what is scored.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from quotegraph.evaluate.errors import EvaluationError
from quotegraph.evaluate.gold import GoldArticle, load_gold
from quotegraph.evaluate.polnear import PolnearArticle, iter_polnear
from quotegraph.evaluate.score import GoldScore, PolnearScore, score_gold, score_polnear
from quotegraph.model import Article

Extract = Callable[..., Article]
G = TypeVar("G", GoldArticle, PolnearArticle)


def engine_available() -> bool:
    """Whether ``quotegraph.extract`` exists yet (the module is there; it may still fail)."""
    return importlib.util.find_spec("quotegraph.extract") is not None


def load_engine() -> Extract:
    """The ``quotegraph.extract`` function; EvaluationError when there is no engine yet."""
    if not engine_available():
        raise EvaluationError("quotegraph.extract is not available yet: there is no engine to run")
    module = importlib.import_module("quotegraph.extract")
    func = getattr(module, "extract", None)
    if not callable(func):
        raise EvaluationError("quotegraph.extract has no extract() function")
    return func


def _predict(items: Iterable[G], extract: Extract) -> Iterator[tuple[G, Article]]:
    for item in items:
        try:
            # A real excerpt's page address is what a user has with the text (its host and
            # path date count as evidence); invented texts and PolNeAR have none.
            url = getattr(item, "url", None)
            article = (extract(item.text, source=item.path, url=url) if url
                       else extract(item.text, source=item.path))
        except Exception as e:
            # A crash on one text is an engine bug; name the text so it can be reproduced.
            raise EvaluationError(f"{item.path}: the engine failed ({type(e).__name__}: {e})") from e
        yield item, article


def evaluate_gold(
    directory: str | Path, *, extract: Extract | None = None, limit: int | None = None
) -> GoldScore:
    """Run ``extract`` (default: the engine) over the gold set and score it."""
    articles = load_gold(directory)[:limit]
    return score_gold(_predict(articles, extract or load_engine()))


def evaluate_polnear(
    root: str | Path, split: str, *, extract: Extract | None = None, limit: int | None = None
) -> PolnearScore:
    """Run ``extract`` (default: the engine) over one PolNeAR split and score it."""
    return score_polnear(_predict(iter_polnear(root, split, limit=limit), extract or load_engine()))
