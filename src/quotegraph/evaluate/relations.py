"""Measuring relations against the hand-annotated set in ``tests/gold/relations``.

Each ``.yaml`` there lists the relations of one real news excerpt (``text`` names the excerpt
under ``tests/gold``; format in ``tests/gold/relations/README.md``). :func:`evaluate_relations`
runs the whole extraction (statements, mentions, relations) over each excerpt and pairs
predicted with gold relations one to one, in text order, when their triggers overlap:

- ``type``: a pair counts when the types are equal;
- ``type_target``: ... and the target is the same actor: the spans overlap, or the predicted
  ``target_id`` equals the gold one.

Predicted relations are taken from every statement of the excerpt; the same relation found by
two statements (a headline and its body restatement share no offsets, so this is rare) counts
once. Recall is over gold relations, precision over predicted ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from quotegraph.evaluate.errors import EvaluationError
from quotegraph.evaluate.score import Counts
from quotegraph.extract import extract_document
from quotegraph.model import Document, Relation


@dataclass(frozen=True)
class GoldRelation:
    type: str
    trigger: tuple[int, int]
    target: tuple[int, int]
    target_id: str | None
    collective: str | None
    statement: str


@dataclass(frozen=True)
class RelationExcerpt:
    id: str
    path: Path
    text: str
    relations: tuple[GoldRelation, ...]


def _span(d: dict[str, Any], text: str, where: str) -> tuple[int, int]:
    s, e = int(d["start"]), int(d["end"])
    if text[s:e] != d["text"]:
        raise EvaluationError(f"{where}: offsets {s}-{e} give {text[s:e]!r}, not {d['text']!r}")
    return s, e


def load_relations_gold(directory: Path, pattern: str = "*.yaml") -> list[RelationExcerpt]:
    """Every excerpt of ``directory`` matching ``pattern``; offsets are checked against the text
    so an edited excerpt cannot silently shift the gold."""
    out = []
    for path in sorted(Path(directory).glob(pattern)):
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        src = Path(directory).parent / raw["text"]
        if not src.is_file():
            raise EvaluationError(f"{path}: text file {src} not found")
        text = src.read_text(encoding="utf-8")
        rels = []
        for i, r in enumerate(raw.get("relations") or ()):
            where = f"{path.name} relation {i + 1}"
            if r["statement"] not in text:
                raise EvaluationError(f"{where}: statement words not in the excerpt")
            rels.append(GoldRelation(r["type"], _span(r["trigger"], text, where),
                                     _span(r["target"], text, where), r.get("target_id"),
                                     r.get("collective"), r["statement"]))
        out.append(RelationExcerpt(raw["id"], path, text, tuple(rels)))
    return out


def predict(text: str) -> list[Relation]:
    """Relations of every statement the engine finds in ``text``, deduplicated, in text order."""
    art = extract_document(Document(text=text, source="gold"))
    seen, out = set(), []
    for st in art.statements:
        for r in st.relations:
            key = (r.type, r.trigger.start, r.target.start)
            if key not in seen:
                seen.add(key)
                out.append(r)
    return sorted(out, key=lambda r: r.trigger.start)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def same_target(g: GoldRelation, p: Relation) -> bool:
    return _overlap(g.target, (p.target.start, p.target.end)) or \
        (g.target_id is not None and p.target_id == g.target_id)


def pair(ex: RelationExcerpt, pred: list[Relation]) -> list[tuple[GoldRelation | None, Relation | None]]:
    """One-to-one pairs by overlapping trigger, preferring a predicted relation of the same type
    and target; unpaired gold and predicted relations come back with ``None``."""
    left = list(pred)
    pairs: list[tuple[GoldRelation | None, Relation | None]] = []
    for g in ex.relations:
        cands = [p for p in left if _overlap(g.trigger, (p.trigger.start, p.trigger.end))]
        cands.sort(key=lambda p: (p.type != g.type, not same_target(g, p)))
        hit = cands[0] if cands else None
        if hit is not None:
            left.remove(hit)
        pairs.append((g, hit))
    pairs.extend((None, p) for p in left)
    return pairs


@dataclass
class RelationScore:
    excerpts: int
    type: Counts
    type_target: Counts

    def to_dict(self) -> dict[str, Any]:
        def c(x: Counts) -> dict[str, Any]:
            return {"precision": round(x.precision, 3), "recall": round(x.recall, 3),
                    "f1": round(x.f1, 3), "correct": x.correct, "predicted": x.predicted,
                    "gold": x.gold}
        return {"excerpts": self.excerpts, "type": c(self.type),
                "type_target": c(self.type_target)}


def evaluate_relations(directory: Path, pattern: str = "*.yaml") -> RelationScore:
    excerpts = load_relations_gold(directory, pattern)
    t = Counts()
    tt = Counts()
    for ex in excerpts:
        pairs = pair(ex, predict(ex.text))
        n_pred = sum(1 for _, p in pairs if p is not None)
        ok_t = sum(1 for g, p in pairs if g and p and p.type == g.type)
        ok_tt = sum(1 for g, p in pairs if g and p and p.type == g.type and same_target(g, p))
        t = t + Counts(n_pred, ok_t, len(ex.relations), ok_t)
        tt = tt + Counts(n_pred, ok_tt, len(ex.relations), ok_tt)
    return RelationScore(len(excerpts), t, tt)
