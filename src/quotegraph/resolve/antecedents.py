"""A learned second opinion on whom a pronoun or role speaker refers to ("he", "the minister").

The rules in ``quotegraph.resolve.speakers`` pick one person (the nearest of agreeing gender,
the nearest whose title fits, the current speaker when the nearer name is no subject). Here the
people they could have picked become candidates: each distinct person named in the few
paragraphs before the mention, plus the current speaker. Each candidate gets cheap features
(how near, whether a subject, gender and title agreement, whether they spoke already, whether
the rule chose them) that a logistic scorer weighs (weights in ``quotegraph/data/speaker.json``,
written by ``benchmarks/train_speaker.py`` from the invented and tuned real gold sets). The
rule's choice stands unless another candidate outscores it by more than the weights'
threshold, so the scorer overrides only where it is sure; the record then says so, with the
margin. ``QUOTEGRAPH_SPEAKER_SCORER=off`` (or :func:`set_enabled`) gives the rules alone.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from quotegraph.attribute import lexicon as lx
from quotegraph.attribute import scorer
from quotegraph.attribute.mentions import SpeakerNP
from quotegraph.resolve.people import gender_from

WEIGHTS = Path(__file__).resolve().parents[1] / "data" / "speaker.json"
MAX_PEOPLE = 6  # distinct people looked at, nearest first
HIDDEN_GENDER = 7  # every seventh pretend pronoun's person has no known gender (see ``masked``)
MAX_BACK = 3000
# Kinds the scorer may override. Roles are collected and scored too, but only pronouns have
# the pretend-pronoun training data (``masked``); the 75 gold role decisions are too few to
# overrule the title rules with (in cross-validation they only broke one).
OVERRIDDEN = ("pronoun",)  # characters before the mention (about three wire paragraphs)

NEVER = 99.0  # a threshold no candidate reaches: the rules alone

_loaded: dict[str, dict] = {}
_enabled: list[bool] = []


@dataclass(frozen=True)
class Choice:
    """One candidate person for a pronoun or role speaker, and the features the scorer reads."""

    person: object  # a quotegraph.resolve.people.Person
    at: int  # the nearest place before the mention where they are named (-1: never before)
    features: dict[str, float]


@dataclass(frozen=True)
class Decision:
    """The candidates of one speaker mention, as collected for training."""

    np: SpeakerNP
    statement: tuple[int, int]
    choices: tuple[Choice, ...]
    rule: int  # index of the rule's choice in ``choices``
    speakers: tuple = ()  # the Speaker each choice would give (canonical names, for labels)
    masked: bool = False  # a name speaker posing as a pronoun (``masked``): ``speakers`` are labels


def model() -> dict:
    """The shipped weights (the statement scorer's format), loaded on first use."""
    if "model" not in _loaded:
        _loaded["model"] = scorer.load(WEIGHTS)
    return _loaded["model"]


def use(weights: dict | None) -> None:
    """Score with ``weights`` (a dict in the weights file's format) in this process; ``None``
    goes back to the shipped file."""
    _loaded.clear()
    if weights is not None:
        _loaded["model"] = weights


def enabled() -> bool:
    if _enabled:
        return _enabled[-1]
    return os.environ.get("QUOTEGRAPH_SPEAKER_SCORER", "on").lower() not in ("off", "0", "no", "false")


def set_enabled(value: bool | None) -> None:
    """Force the speaker scorer on or off in this process; ``None`` goes back to the environment."""
    _enabled.clear()
    if value is not None:
        _enabled.append(value)


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return f"<={edge}"
    return f">{edges[-1]}"


def pronoun_gender(np: SpeakerNP) -> str | None:
    return lx.PRONOUNS.get(np.text) or lx.OBJECT_PRONOUNS.get(np.text) or lx.POSSESSIVE_PRONOUNS.get(np.text)


def _in_quote(pos: int, quote_spans) -> bool:
    return any(a <= pos < b for a, b in quote_spans)


def candidates(text: str, np: SpeakerNP, reg, rule_person, current_person, spoken: dict[int, int],
               quote_spans, *, subject_at: Callable[[str, int], bool],
               fits_role: Callable[[SpeakerNP, object], bool], hidden=None) -> tuple[list[Choice], int]:
    """The candidate people for ``np`` with their features, and the index of the rule's choice
    among them (-1 when the rule chose someone they do not hold, e.g. a knowledge-base holder).

    ``reg`` is the article's person registry; ``spoken`` counts the statements given so far to
    each person (keyed by ``id(person)``); ``subject_at`` and ``fits_role`` are the rules' tests;
    ``hidden`` is a person whose gender the features do not know (see ``masked``).
    """
    people: list[tuple[object, int]] = []
    index: dict[int, int] = {}
    for pos, p in reg.before(np.start):
        if np.start - pos > MAX_BACK or len(people) >= MAX_PEOPLE:
            break
        if p.institution or p.name in lx.COUNTRY_WORDS or id(p) in index:
            continue
        index[id(p)] = len(people)
        people.append((p, pos))
    for extra in (current_person, rule_person):
        if extra is not None and id(extra) not in index and not extra.institution:
            index[id(extra)] = len(people)
            before = [q for q in extra.positions if q < np.start]
            people.append((extra, max(before) if before else -1))
    if len(people) < 2:
        return [], -1  # nothing to choose between
    gender = pronoun_gender(np) if np.kind == "pronoun" else None
    para_start = text.rfind("\n", 0, np.start)
    sentence_start = max(text.rfind(". ", 0, np.start), para_start)
    out: list[Choice] = []
    kind = np.kind
    for rank, (p, pos) in enumerate(people):
        f: dict[str, float] = {"bias": 1.0}
        named = pos >= 0
        is_rule = p is rule_person
        is_current = p is current_person
        tags = [
            "rank" + (_bucket(rank, (0, 1, 2)) if named else "=none"),
            "rule" if is_rule else "",
            "current" if is_current else "",
            "spoke" + _bucket(spoken.get(id(p), 0), (0, 1, 3)),
            "title" if p.title else "untitled",
            "multiword" if " " in p.name else "",
        ]
        if named:
            paragraphs = text.count("\n", pos, np.start)
            tags += [
                "paras" + _bucket(paragraphs, (0, 1, 2)),
                "chars" + _bucket(np.start - pos, (60, 200, 600)),
                "subject" if subject_at(text, pos) else "object",
                "same_sentence" if pos > sentence_start else "",
                "in_quote" if _in_quote(pos, quote_spans) else "",
                "mentions" + _bucket(sum(1 for q in p.positions if q < np.start), (1, 3)),
            ]
        if kind == "pronoun":
            # What the name or title says, apart from what earlier pronouns made the rules
            # guess ("she said" after an unknown "Kaarel Tamm" makes Tamm a woman from then on).
            said = None if p is hidden else gender_from(p.title, p.name)
            learned = None if p is hidden else p.gender
            if said is not None:
                g = "agree" if said == gender else "clash"
            elif learned is not None:
                g = "guessed_agree" if learned == gender else "guessed_clash"
            else:
                g = "unknown"
            tags.append("gender=" + g)
        else:
            tags.append("fits" if fits_role(np, p) else "no_fit")
        for t in tags:
            if t:
                f[t] = 1.0
                f[kind + "&" + t] = 1.0  # pronouns and roles weigh the same clue differently
        if is_rule and is_current:
            f["rule&current"] = 1.0
        out.append(Choice(p, pos, f))
    return out, index.get(id(rule_person), -1) if rule_person is not None else -1


def override(choices: list[Choice], rule: int, weights: dict | None = None) -> tuple[int, float] | None:
    """The candidate that beats the rule's choice by more than the threshold, and by how much
    beyond it (the margin); ``None`` when the rule's choice stands."""
    if rule < 0 or not choices:
        return None
    m = weights if weights is not None else model()
    w = m["weights"]
    scores = [sum(w.get(k, 0.0) * v for k, v in c.features.items()) for c in choices]
    best = max(range(len(choices)), key=lambda i: (scores[i], -i))
    lead = scores[best] - scores[rule] - m.get("threshold", 0.0)
    if best == rule or lead <= 0:
        return None
    return best, lead


def rechoose(text: str, f, speaker, current, reg, resolved, quote_spans, *, subject_at, fits_role,
             make: Callable[[object, str], object]):
    """``speaker`` (the rules' choice for the pronoun or role of statement ``f``), or the
    candidate the scorer prefers by more than its threshold, made by ``make(person, how)``.

    ``current`` is the last statement's person speaking, ``(Found, Speaker)`` or ``None``;
    ``resolved`` the ``(Found, Speaker | None)`` of the statements before.
    """
    bag = collector()
    if bag is None and (not enabled() or model().get("threshold", 0.0) >= NEVER):
        return speaker  # the shipped weights let the rules stand: spend nothing on candidates
    rule_person = reg.find(speaker.name) or next(
        (p for p in reg.people if speaker.name == p.name or speaker.name in p.forms), None)
    current_person = None
    if current is not None:
        current_person = reg.find(current[1].name) or reg.find(current[1].mention)
    said: dict[str, int] = {}
    for _, sp in resolved:
        if sp is not None:
            said[sp.name] = said.get(sp.name, 0) + 1
    spoken: dict[int, int] = {}
    for p in reg.people:
        n = sum(said.get(x, 0) for x in {p.name, *p.forms})
        if n:
            spoken[id(p)] = n
    choices, rule = candidates(text, f.np, reg, rule_person, current_person, spoken, quote_spans,
                               subject_at=subject_at, fits_role=fits_role)
    if bag is not None:
        if choices and rule >= 0:
            bag.append(Decision(f.np, (f.start, f.end), tuple(choices), rule,
                                tuple(make(c.person, "") for c in choices)))
        return speaker
    won = override(choices, rule) if f.np.kind in OVERRIDDEN else None
    if won is None:
        return speaker
    best, lead = won
    p = choices[best].person
    where = f"named at {choices[best].at}" if choices[best].at >= 0 else "named later"
    how = (f"speaker scorer: {f.np.kind} '{f.np.text}' -> '{p.name}' ({where}) over the rule's "
           f"'{speaker.name}', margin {lead:+.2f}")
    return make(p, how)


def masked(text: str, f, current, reg, resolved, quote_spans, *, subject_at, fits_role, pronoun, salient) -> None:
    """Training only: a decision as if the name speaker of ``f`` were "he" or "she".

    The gold sets hold few pronouns the rules get wrong; a named speaker whose person is named
    earlier is a decision whose answer is known (that person). ``pronoun`` and ``salient`` are
    the rules' own choosers, run on the pretend pronoun; the genders they learn are put back.
    """
    bag = collector()
    target = reg.find(f.np.name or f.np.text, before=f.np.start)
    if bag is None or target is None or target.institution or target.gender not in ("m", "f") \
            or not any(q < f.np.start for q in target.positions):
        return
    np = SpeakerNP("pronoun", f.np.start, f.np.end, "he" if target.gender == "m" else "she")
    genders = [(p, p.gender) for p in reg.people]
    hidden = target if len(bag) % HIDDEN_GENDER == 0 else None
    if hidden is not None:
        # A name says its person's gender far more often than a pronoun's antecedent is known
        # to have one (in the gold sets about one right antecedent in seven has no known
        # gender): so as often, the target's gender is hidden, or "unknown gender" would
        # learn to mean "never the one".
        target.gender = None
    g = replace(f, np=np)
    person, _ = pronoun(np, reg, text)
    if person is not None and current is not None:
        from quotegraph.model import Speaker
        sp = Speaker(name=person.name, mention=np.text, start=np.start, end=np.end, id=None)
        chosen = salient(text, g, sp, current, reg)
        if chosen is not None:
            person = reg.find(chosen.name) or person
    if person is None:
        for p, gender in genders:
            p.gender = gender
        return
    current_person = (reg.find(current[1].name) or reg.find(current[1].mention)) if current else None
    said: dict[str, int] = {}
    for _, sp in resolved:
        if sp is not None:
            said[sp.name] = said.get(sp.name, 0) + 1
    spoken = {id(p): sum(said.get(x, 0) for x in {p.name, *p.forms}) for p in reg.people}
    choices, rule = candidates(text, np, reg, person, current_person, spoken, quote_spans,
                               subject_at=subject_at, fits_role=fits_role, hidden=hidden)
    for p, gender in genders:  # features as the rule left the genders; then as they were
        p.gender = gender
    if choices and rule >= 0:
        bag.append(Decision(np, (f.start, f.end), tuple(choices), rule,
                            tuple(c.person is target for c in choices), masked=True))


_collected: list[list[Decision]] = []


@contextmanager
def collecting():
    """Within this block every decision is recorded (for training) and the rules' choices stand."""
    bag: list[Decision] = []
    _collected.append(bag)
    try:
        yield bag
    finally:
        _collected.pop()


def collector() -> list[Decision] | None:
    return _collected[-1] if _collected else None
