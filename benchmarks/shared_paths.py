"""Where the shared data folder (``shared/``, holding PolNeAR and the seeds) is, for benchmarks.

``$QUOTEGRAPH_SHARED`` when set; else a ``shared`` folder beside the repository (CI's layout), or
beside the repository's parent (a git worktree kept in a folder of worktrees). A benchmark that
silently measured another corpus because it looked in one place only would print wrong figures.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    """The shared folder; the first candidate when none exists (so messages name it)."""
    candidates = [Path(os.environ["QUOTEGRAPH_SHARED"])] if os.environ.get("QUOTEGRAPH_SHARED") else []
    candidates += [REPO.parent / "shared", REPO.parent.parent / "shared"]
    return next((c for c in candidates if (c / "polnear").is_dir()), candidates[0])


def polnear_dir() -> Path:
    """The PolNeAR root (its ``data/train`` and ``data/dev`` hold the texts)."""
    return shared_dir() / "polnear"
