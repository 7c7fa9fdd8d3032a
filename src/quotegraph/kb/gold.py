"""The actor-mention gold set (``tests/gold/mentions/``) and its scorer.

Each gold article is ``<id>.txt`` (or a ``text_file`` path relative to the YAML) and
``<id>.yaml`` with ``published`` and ``mentions``:
``{text, occurrence, id, type}``, where ``occurrence`` counts whole-word occurrences of
``text`` (1-based). Loading fails loudly when a mention is not in the text, so annotations
cannot drift. Scores compare exact spans with ids: a mention is right only when its start, end
and id all match.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from quotegraph.errors import KnowledgeBaseError
from quotegraph.model import Mention


@dataclass(frozen=True)
class GoldArticle:
    id: str
    text: str
    published: str | None
    mentions: tuple[Mention, ...]


def load_gold(directory: str | Path) -> list[GoldArticle]:
    """Every ``<id>.yaml`` + ``<id>.txt`` pair in ``directory``, in id order."""
    out = []
    for meta in sorted(Path(directory).glob("*.yaml")):
        data = yaml.safe_load(meta.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or "mentions" not in data:
            continue
        # held-out articles point at a text another gold set already holds
        source = meta.parent / data["text_file"] if data.get("text_file") else meta.with_suffix(".txt")
        text = source.read_text(encoding="utf-8")
        mentions = []
        for i, m in enumerate(data["mentions"]):
            start = _nth(text, m["text"], int(m.get("occurrence", 1)))
            if start < 0:
                raise KnowledgeBaseError(f"{meta}: mention #{i + 1} {m['text']!r} occurrence "
                                         f"{m.get('occurrence', 1)} is not in the text")
            mentions.append(Mention(start=start, end=start + len(m["text"]), text=m["text"],
                                    id=m["id"], name=m.get("name", ""), type=m["type"]))
        published = data.get("published")
        out.append(GoldArticle(id=meta.stem, text=text,
                               published=str(published) if published else None,
                               mentions=tuple(mentions)))
    return out


@dataclass
class Scores:
    """Counts and the derived precision/recall/F1, overall and per mention type."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    span_tp: int = 0  # right span, any id
    by_type: dict[str, Counter] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def span_recall(self) -> float:
        total = self.tp + self.fn
        return self.span_tp / total if total else 1.0

    def to_dict(self) -> dict[str, Any]:
        types = {}
        for t, c in sorted(self.by_type.items()):
            p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
            r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
            types[t] = {"precision": round(p, 4), "recall": round(r, 4), "gold": c["tp"] + c["fn"]}
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "span_recall": round(self.span_recall, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn, "by_type": types}


def score(articles: Iterable[GoldArticle],
          predict: Callable[[GoldArticle], Iterable[Mention]]) -> Scores:
    """Compare ``predict(article)`` with the gold mentions of every article."""
    s = Scores()
    for art in articles:
        gold = {(m.start, m.end): m for m in art.mentions}
        pred = {(m.start, m.end): m for m in predict(art)}
        for span, g in gold.items():
            c = s.by_type.setdefault(g.type, Counter())
            p = pred.get(span)
            if p is not None:
                s.span_tp += 1
            if p is not None and p.id == g.id:
                s.tp += 1
                c["tp"] += 1
            else:
                s.fn += 1
                c["fn"] += 1
                got = f"got {p.id}" if p else "missed"
                s.errors.append(f"{art.id}: {g.text!r}@{g.start} -> {g.id}: {got}")
        for span, p in pred.items():
            g = gold.get(span)
            if g is None or g.id != p.id:
                s.fp += 1
                s.by_type.setdefault(p.type, Counter())["fp"] += 1
                if g is None:
                    s.errors.append(f"{art.id}: {p.text!r}@{p.start} -> {p.id}: not in gold")
    return s


def _nth(text: str, sub: str, n: int) -> int:
    for i, m in enumerate(re.finditer(r"(?<!\w)" + re.escape(sub) + r"(?!\w)", text), 1):
        if i == n:
            return m.start()
    return -1
