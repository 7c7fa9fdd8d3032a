"""A logistic-regression scorer for borderline statements: a dot product over a sparse dict.

The weights come from ``benchmarks/train_scorer.py`` (PolNeAR train plus the invented gold
set; never PolNeAR dev or the real-news set, which measure it) and live in
``quotegraph/data/scorer.json``; they are read once per process. The threshold (log-odds 1.5,
about p > 0.82) was chosen for precision: on 2026-12-07 it left real-news F1 unchanged (0.936,
precision 0.985) and raised PolNeAR dev speech recall 0.838 -> 0.841 and the invented set's F1
0.987 -> 0.989, where a threshold of 0 cost real-news precision (0.985 -> 0.974). It is ON by
default; ``QUOTEGRAPH_SCORER=off`` (or :func:`set_enabled`) gives the rules' output alone.
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path

from quotegraph.errors import QuotegraphError

WEIGHTS = Path(__file__).resolve().parents[1] / "data" / "scorer.json"

_loaded: dict[str, object] = {}
_enabled: list[bool] = []


class ScorerError(QuotegraphError):
    """The weights file is missing or malformed."""


def load(path: str | Path = WEIGHTS) -> dict:
    """Read and check a weights file: {"weights": {feature: w}, "threshold": t, ...}."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise ScorerError(f"{path}: cannot read the scorer weights ({e.strerror})") from e
    except json.JSONDecodeError as e:
        raise ScorerError(f"{path}: not JSON ({e.msg} at line {e.lineno})") from e
    weights = data.get("weights") if isinstance(data, dict) else None
    if not isinstance(weights, dict) or not all(isinstance(v, (int, float)) for v in weights.values()):
        raise ScorerError(f"{path}: expected an object with 'weights' mapping feature -> number")
    if not isinstance(data.get("threshold", 0.0), (int, float)):
        raise ScorerError(f"{path}: 'threshold' must be a number")
    return data


def model() -> dict:
    """The shipped weights, loaded on first use."""
    if "model" not in _loaded:
        _loaded["model"] = load()
    return _loaded["model"]  # type: ignore[return-value]


def enabled() -> bool:
    if _enabled:
        return _enabled[-1]
    return os.environ.get("QUOTEGRAPH_SCORER", "on").lower() not in ("off", "0", "no", "false")


def set_enabled(value: bool | None) -> None:
    """Force the scorer on or off in this process; ``None`` goes back to the environment."""
    _enabled.clear()
    if value is not None:
        _enabled.append(value)


def margin(features: dict[str, float], weights: dict | None = None) -> float:
    """The log-odds of a candidate minus the threshold: accept when positive."""
    m = weights if weights is not None else model()
    w = m["weights"]
    return sum(w.get(k, 0.0) * v for k, v in features.items()) - m.get("threshold", 0.0)


def probability(features: dict[str, float], weights: dict | None = None) -> float:
    m = weights if weights is not None else model()
    z = sum(m["weights"].get(k, 0.0) * v for k, v in features.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
