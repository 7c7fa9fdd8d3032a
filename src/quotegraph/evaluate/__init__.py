"""Measuring quotegraph: the gold set, PolNeAR, and token-overlap scoring of statements.

Typical use::

    from quotegraph.evaluate import evaluate_gold
    score = evaluate_gold("tests/gold")
    print(score.f1, score.speaker_accuracy)

``benchmarks/accuracy.py`` prints these figures as a table; ``tests/test_accuracy_gate.py``
holds them above pinned floors.
"""

from quotegraph.evaluate.errors import EvaluationError
from quotegraph.evaluate.gold import GoldArticle, GoldStatement, load_gold, load_gold_article
from quotegraph.evaluate.polnear import (
    SPLITS,
    PolnearArticle,
    PolnearAttribution,
    iter_polnear,
    load_polnear,
    parse_ann,
    polnear_data_dir,
)
from quotegraph.evaluate.overlap import Matching, TokenIndex, match_spans
from quotegraph.evaluate.run import engine_available, evaluate_gold, evaluate_polnear, load_engine
from quotegraph.evaluate.score import (
    ArticleScore,
    Counts,
    GoldScore,
    Issue,
    PolnearScore,
    Ratio,
    normalise_name,
    score_gold,
    score_gold_article,
    score_polnear,
    score_polnear_article,
)

__all__ = [
    "SPLITS",
    "ArticleScore",
    "Counts",
    "EvaluationError",
    "GoldArticle",
    "GoldScore",
    "GoldStatement",
    "Issue",
    "Matching",
    "PolnearArticle",
    "PolnearAttribution",
    "PolnearScore",
    "Ratio",
    "TokenIndex",
    "engine_available",
    "evaluate_gold",
    "evaluate_polnear",
    "iter_polnear",
    "load_engine",
    "load_gold",
    "load_gold_article",
    "load_polnear",
    "match_spans",
    "normalise_name",
    "parse_ann",
    "polnear_data_dir",
    "score_gold",
    "score_gold_article",
    "score_polnear",
    "score_polnear_article",
]
