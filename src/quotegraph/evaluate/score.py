r"""Token-overlap scoring of predicted statements against gold statement spans.

Which prediction matches which gold span is decided by ``quotegraph.evaluate.overlap`` (half of
a prediction's words inside one gold span; half of a gold span's words covered). On top of it:

- precision = correct / predicted, recall = found / gold, F1 their harmonic mean. Figures are
  micro-averaged over every statement of every article; an empty denominator gives 0.0.
- Spans without a single token (a lone dash) are left out on both sides: nothing can overlap them.

Speaker accuracy (gold set): over found gold statements, the share where the prediction that
overlaps the statement most names the gold speaker (casefolded, whitespace normalised; a null
gold speaker wants a null predicted speaker). Speaker overlap (PolNeAR): over correct
predictions whose attribution has a Source span, the share whose speaker mention overlaps it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from quotegraph.evaluate.cues import CLASSES as CUE_CLASSES, cue_class
from quotegraph.evaluate.overlap import Fragments, Matching, TokenIndex, match_spans
from quotegraph.model import KINDS, Article, Statement

if TYPE_CHECKING:
    from quotegraph.evaluate.gold import GoldArticle
    from quotegraph.evaluate.polnear import PolnearArticle

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Counts:
    """Statement counts with precision, recall and F1; counts add up across articles."""

    predicted: int = 0
    correct: int = 0
    gold: int = 0
    found: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.predicted + other.predicted,
            self.correct + other.correct,
            self.gold + other.gold,
            self.found + other.found,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "predicted": self.predicted,
            "correct": self.correct,
            "gold": self.gold,
            "found": self.found,
        }


def counts_table(score: Any, names: tuple[str, ...], width: int = 12) -> list[str]:
    """The P/R/F1 lines the gold benchmarks print for the :class:`Counts` attributes ``names``
    of ``score``: a header, then one line per measure."""
    lines = [f"{'':{width}} {'P':>6} {'R':>6} {'F1':>6}  counts (correct/predicted/gold)"]
    for name in names:
        c = getattr(score, name)
        lines.append(f"{name:{width}} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f}  "
                     f"{c.correct}/{c.predicted}/{c.gold}")
    return lines


@dataclass(frozen=True)
class Ratio:
    """``hits`` out of ``total``; ``value`` is 0.0 when nothing was counted."""

    hits: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.hits / self.total if self.total else 0.0

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.hits + other.hits, self.total + other.total)

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "hits": self.hits, "total": self.total}


@dataclass(frozen=True)
class Issue:
    """One thing an engine got wrong, for a person tuning it.

    ``what`` is ``miss`` (gold statement not found), ``false positive`` (prediction matching no
    gold statement) or ``speaker`` (statement found, speaker wrong). ``start``/``end`` locate
    the statement in the article text; ``detail`` says what was expected and what came out.
    """

    what: str
    start: int
    end: int
    text: str
    kind: str | None
    detail: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "what": self.what,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "detail": self.detail,
        }


@dataclass(frozen=True)
class ArticleScore:
    """The score of one article, with the issues behind it.

    ``by_kind`` splits the counts: by statement kind on the gold sets, by cue class on PolNeAR.
    """

    id: str
    counts: Counts
    speaker: Ratio
    issues: tuple[Issue, ...] = ()
    by_kind: tuple[tuple[str, Counts], ...] = ()
    published: Ratio = Ratio()
    outlet: Ratio = Ratio()

    @property
    def errors(self) -> int:
        return len(self.issues)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            **self.counts.to_dict(),
            "speaker": self.speaker.to_dict(),
            "issues": [i.to_dict() for i in self.issues],
        }


@dataclass(frozen=True)
class _Score:
    statements: Counts
    speaker: Ratio
    articles: tuple[ArticleScore, ...]

    @property
    def precision(self) -> float:
        return self.statements.precision

    @property
    def recall(self) -> float:
        return self.statements.recall

    @property
    def f1(self) -> float:
        return self.statements.f1

    def worst(self, n: int) -> list[ArticleScore]:
        """The ``n`` articles with the most issues (ties: lower F1 first), skipping clean ones."""
        ranked = sorted(self.articles, key=lambda a: (-a.errors, a.counts.f1, a.id))
        return [a for a in ranked[:n] if a.errors]

    def _summary(self) -> dict[str, Any]:
        return {"articles": len(self.articles), **self.statements.to_dict()}


@dataclass(frozen=True)
class GoldScore(_Score):
    """Scores on the hand-annotated gold set; ``to_dict`` keys match the accuracy floors."""

    by_kind: tuple[tuple[str, Counts], ...] = ()
    published: Ratio = Ratio()
    outlet: Ratio = Ratio()

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker.value

    def kind(self, name: str) -> Counts:
        """Counts for one statement kind: gold/found by gold kind, predicted/correct by predicted."""
        return dict(self.by_kind).get(name, Counts())

    def to_dict(self, *, articles: bool = False) -> dict[str, Any]:
        d = self._summary()
        d["speaker_accuracy"] = self.speaker_accuracy
        d["speaker_checked"] = self.speaker.total
        d["by_kind"] = {k: c.to_dict() for k, c in self.by_kind}
        d["published_accuracy"] = self.published.value
        d["outlet_accuracy"] = self.outlet.value
        if articles:
            d["article_scores"] = [a.to_dict() for a in self.articles]
        return d


@dataclass(frozen=True)
class PolnearScore(_Score):
    """Scores on PolNeAR; ``to_dict`` keys match the accuracy floors.

    ``by_cue`` splits the counts by cue class (``quotegraph.evaluate.cues``): gold attributions
    by their annotated cue, predictions by their own cue. ``speech_*`` are the speech-cue figures.
    """

    by_cue: tuple[tuple[str, Counts], ...] = ()

    @property
    def speaker_overlap(self) -> float:
        return self.speaker.value

    def cue(self, name: str) -> Counts:
        return dict(self.by_cue).get(name, Counts())

    def to_dict(self, *, articles: bool = False) -> dict[str, Any]:
        d = self._summary()
        d["speaker_overlap"] = self.speaker_overlap
        d["speaker_checked"] = self.speaker.total
        speech = self.cue("speech")
        d["speech_precision"], d["speech_recall"], d["speech_f1"] = (
            speech.precision, speech.recall, speech.f1)
        d["by_cue"] = {k: c.to_dict() for k, c in self.by_cue}
        if articles:
            d["article_scores"] = [a.to_dict() for a in self.articles]
        return d


def normalise_name(name: str | None) -> str | None:
    """A speaker name as compared: casefolded, runs of whitespace made one space."""
    return None if name is None else _SPACE.sub(" ", name).strip().casefold()


def same_speaker(gold: str | None, predicted) -> bool:
    """Canonical identity, not string overlap: when the gold name is a knowledge-base actor, the
    predicted speaker must carry that actor's id ("Sergei Lavrov" in the gold and "Sergey Lavrov",
    id ``sergey-lavrov``, predicted agree); otherwise the names must agree."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    if normalise_name(gold) == normalise_name(predicted.name):
        return True
    actor_id = _kb_id(gold)
    return actor_id is not None and predicted.id == actor_id


def _kb_id(name: str) -> str | None:
    from quotegraph.kb import load_kb

    from quotegraph.resolve.kb_speakers import institution_forms

    kb = load_kb()
    person = kb.person_by_name(name)
    if person is not None:
        return person.id
    for form in institution_forms(name):
        hits = [a for a in kb.lookup(form) if a.type in ("institution", "organization", "country")]
        if len(hits) == 1:
            return hits[0].id
    return None


def _speaker_name(s: Statement) -> str | None:
    return s.speaker.name if s.speaker else None


def _mention_span(s: Statement) -> tuple[int, int] | None:
    # An unnamed source ("a source said") has no Speaker but keeps its words in source_mention.
    if s.speaker is not None:
        return (s.speaker.start, s.speaker.end)
    if s.source_mention is not None:
        return (s.source_mention.start, s.source_mention.end)
    return None


def _clip(text: str, limit: int = 160) -> str:
    text = _SPACE.sub(" ", text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _false_positives(predicted: Sequence[Statement], m: Matching) -> list[Issue]:
    return [
        Issue(
            "false positive",
            s.start,
            s.end,
            _clip(s.text),
            s.kind,
            f"speaker {_speaker_name(s)!r}, rule {s.rule or '?'}",
        )
        for s, g in zip(predicted, m.prediction_gold)
        if g is None
    ]


def score_gold_article(gold: GoldArticle, predicted: Article) -> ArticleScore:
    """Score one article's predicted statements (and date and outlet) against its gold record."""
    index = TokenIndex(gold.text)
    tokens = [(s, index.tokens([(s.start, s.end)])) for s in gold.statements]
    statements = [s for s, t in tokens if t]
    pred = list(predicted.statements)
    m = match_spans([index.tokens([(s.start, s.end)]) for s in pred], [t for _, t in tokens if t])

    issues: list[Issue] = []
    speaker = Ratio()
    kinds = {k: Counts() for k in KINDS}
    for g, found, best in zip(statements, m.gold_found, m.gold_prediction):
        kinds[g.kind] = kinds.get(g.kind, Counts()) + Counts(gold=1, found=int(found))
        if not found:
            issues.append(Issue("miss", g.start, g.end, _clip(g.text), g.kind,
                                f"speaker {g.speaker!r} ({g.mention!r})"))
            continue
        said = _speaker_name(pred[best])  # found implies some prediction overlaps
        ok = same_speaker(g.speaker, pred[best].speaker)
        speaker += Ratio(int(ok), 1)
        if not ok:
            issues.append(Issue("speaker", g.start, g.end, _clip(g.text), g.kind,
                                f"gold {g.speaker!r} ({g.mention!r}), predicted {said!r}"))
    for s, g in zip(pred, m.prediction_gold):
        kinds[s.kind] = kinds.get(s.kind, Counts()) + Counts(predicted=1, correct=int(g is not None))
    issues.extend(_false_positives(pred, m))

    counts = Counts(len(pred), sum(g is not None for g in m.prediction_gold),
                    len(statements), sum(m.gold_found))
    published = Ratio()
    if gold.published is not None:
        published = Ratio(int(predicted.published == gold.published), 1)
    outlet = Ratio()
    if gold.outlet is not None:
        outlet = Ratio(int(normalise_name(predicted.outlet) == normalise_name(gold.outlet)), 1)
    issues.sort(key=lambda i: (i.start, i.what))
    return ArticleScore(gold.id, counts, speaker, tuple(issues), tuple(kinds.items()),
                        published, outlet)


def score_gold(pairs: Iterable[tuple[GoldArticle, Article]]) -> GoldScore:
    """Score an engine on the gold set from ``(gold article, predicted article)`` pairs."""
    articles = tuple(score_gold_article(g, p) for g, p in pairs)
    kinds: dict[str, Counts] = {k: Counts() for k in KINDS}
    for a in articles:
        for k, c in a.by_kind:
            kinds[k] = kinds.get(k, Counts()) + c
    return GoldScore(
        statements=sum((a.counts for a in articles), Counts()),
        speaker=sum((a.speaker for a in articles), Ratio()),
        articles=articles,
        by_kind=tuple(kinds.items()),
        published=sum((a.published for a in articles), Ratio()),
        outlet=sum((a.outlet for a in articles), Ratio()),
    )


def _overlaps(span: tuple[int, int], fragments: Fragments) -> bool:
    return any(span[0] < end and start < span[1] for start, end in fragments)


def _fragment_text(text: str, fragments: Fragments) -> str:
    return " … ".join(text[s:e] for s, e in fragments)


def score_polnear_article(gold: PolnearArticle, predicted: Article) -> ArticleScore:
    """Score one article's predicted statements against its PolNeAR attributions."""
    index = TokenIndex(gold.text)
    tokens = [(a, index.tokens(a.content)) for a in gold.attributions]
    attributions = [a for a, t in tokens if t]
    pred = list(predicted.statements)
    m = match_spans([index.tokens([(s.start, s.end)]) for s in pred], [t for _, t in tokens if t])

    issues: list[Issue] = []
    for a, found in zip(attributions, m.gold_found):
        if not found:
            issues.append(Issue("miss", a.content[0][0], a.content[-1][1],
                                _clip(_fragment_text(gold.text, a.content)), None,
                                f"source {_fragment_text(gold.text, a.sources)!r} ({a.id})"))
    speaker = Ratio()
    for s, j in zip(pred, m.prediction_gold):
        if j is None or not attributions[j].sources:
            continue  # no Source span to overlap (PolNeAR's Attribution-no-source)
        a = attributions[j]
        span = _mention_span(s)
        ok = span is not None and _overlaps(span, a.sources)
        speaker += Ratio(int(ok), 1)
        if not ok:
            got = None if span is None else gold.text[span[0]:span[1]]
            issues.append(Issue("speaker", s.start, s.end, _clip(s.text), s.kind,
                                f"gold source {_fragment_text(gold.text, a.sources)!r}, "
                                f"predicted mention {got!r}"))
    issues.extend(_false_positives(pred, m))
    issues.sort(key=lambda i: (i.start, i.what))
    counts = Counts(len(pred), sum(j is not None for j in m.prediction_gold),
                    len(attributions), sum(m.gold_found))
    by_cue = {k: Counts() for k in CUE_CLASSES}
    for a, found in zip(attributions, m.gold_found):
        k = cue_class(_fragment_text(gold.text, a.cues))
        by_cue[k] += Counts(gold=1, found=int(found))
    for s, j in zip(pred, m.prediction_gold):
        k = cue_class(s.cue.text if s.cue else None)
        by_cue[k] += Counts(predicted=1, correct=int(j is not None))
    return ArticleScore(gold.id, counts, speaker, tuple(issues), tuple(by_cue.items()))


def score_polnear(pairs: Iterable[tuple[PolnearArticle, Article]]) -> PolnearScore:
    """Score an engine on PolNeAR from ``(PolNeAR article, predicted article)`` pairs."""
    articles = tuple(score_polnear_article(g, p) for g, p in pairs)
    by_cue: dict[str, Counts] = {k: Counts() for k in CUE_CLASSES}
    for a in articles:
        for k, c in a.by_kind:  # an article's split by cue class
            by_cue[k] += c
    return PolnearScore(
        statements=sum((a.counts for a in articles), Counts()),
        speaker=sum((a.speaker for a in articles), Ratio()),
        articles=articles,
        by_cue=tuple(by_cue.items()),
    )
