"""Relations: whom a statement accuses, criticises, makes demands of, threatens or supports.

``find_relations(text, statement, mentions)`` reads the statement span (and the words between its
cue and the span, where "accused Washington of ..." names the target) and returns one
:class:`~quotegraph.model.Relation` per trigger word that has an actor to aim at. Actors are the knowledge-base
mentions of the article plus collective actors that PLOVER-style coders drop ("the West",
"Western capitals", "unfriendly states"), which are first-class targets here.

Relation types and the PLOVER event type each maps to (PLOVER files criticism under ACCUSE,
praise under SUPPORT and demands under REQUEST):

==========  ========  ===================================================================
type        PLOVER    triggers
==========  ========  ===================================================================
accuse      ACCUSE    accuse, blame, "is seeking/trying to force/pressure/impose ...",
                      "responsibility ... lies with / will be borne by X", "provocations by X",
                      "countries threatened by X"
criticise   ACCUSE    criticise, condemn, denounce, slam, lambast, blast, complain about;
                      "expressed opposition to / disagreement with / rejection of";
                      evaluative words aimed at an actor ("the unjust X siege", "X's bellicose
                      rhetoric", "we regard X's remarks as irresponsible")
demand      REQUEST   demand, urge, call on, call for, ask/request X to, "X must/should ..."
threaten    THREATEN  threaten, warn X (not "warn of/about/that"), "made threats against X"
support     SUPPORT   support, back, welcome, stand with, "expressed/his country's support for"
praise      SUPPORT   praise, commend, hail, thank, congratulate, "expressed appreciation"
==========  ========  ===================================================================

A statement with none of these has no relations: it stays a plain STATEMENT. The target is the
nearest actor after the trigger in the same clause ("condemned Freeland"; "called on Moscow and
Kyiv" gives one relation each), except for the "X is seeking to force Y" pattern, where X (before
the trigger) is the target and Y is ``affected``, and for "X must", where X is. Trigger words that
state no stance of the speaker are skipped: negated, hypothetical ("able to threaten"), nouns and
adjectives ("a direct support for", "threatening remarks from X", "the condemned attack"), gerund
subjects ("that accusing Iran will not help"); topics ("relations with X") are no targets. The
speaker is the statement's; it is not repeated here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from quotegraph.model import Mention, Relation, Span, Statement
from quotegraph.spans import trie_alternation

PLOVER = {"accuse": "ACCUSE", "criticise": "ACCUSE", "demand": "REQUEST",
          "threaten": "THREATEN", "support": "SUPPORT", "praise": "SUPPORT"}

TRIGGERS = {
    "accuse": r"accus(?:e|es|ed|ing)|blam(?:e|es|ed|ing)",
    "criticise": r"critici[sz](?:e|es|ed|ing)|condemn(?:s|ed|ing)?|denounc(?:e|es|ed|ing)"
                 r"|slam(?:s|med|ming)?|lambast(?:s|ed|ing)?|blast(?:s|ed|ing)?"
                 r"|complain(?:s|ed|ing)?\s+(?:about|of)",
    "demand": r"demand(?:s|ed|ing)?|urg(?:e|es|ed|ing)|call(?:s|ed|ing)?\s+(?:on|for)"
              r"|ask(?:s|ed|ing)?|request(?:s|ed|ing)?",
    "threaten": r"threat(?:en|ens|ened|ening)|warn(?:s|ed|ing)?",
    "support": r"support(?:s|ed|ing)?|back(?:s|ed|ing)?|welcom(?:e|es|ed|ing)|stands?\s+with",
    "praise": r"prais(?:e|es|ed|ing)|commend(?:s|ed|ing)?|hail(?:s|ed|ing)?"
              r"|thank(?:s|ed|ing)?(?!\s+to\b)|congratulat(?:e|es|ed|ing)",
}
_TRIGGER_RE = re.compile(
    "|".join(rf"(?P<{t}>\b(?:{p})\b)" for t, p in TRIGGERS.items()), re.IGNORECASE)
# "the West is seeking to force Russia's allies ...": the subject is accused of the pressure.
_PRESSURE_RE = re.compile(
    r"\b(?:is|are|was|were|keeps?)\s+(?:seeking|trying|attempting|working|continuing)\s+to\s+"
    r"(?:force|pressure|pressurise|pressurize|coerce|impose|undermine|destabili[sz]e|drag)\b",
    re.IGNORECASE)
COLLECTIVE_RE = re.compile(
    r"\b(?:the\s+)?(?:collective\s+West|West(?:ern)?\s+(?:countries|capitals|states|nations"
    r"|partners|governments|allies|sponsors)|West\b|unfriendly\s+(?:states|countries|nations)"
    r"|(?:some|certain)\s+(?:countries|states|forces|capitals|nations)|international\s+community"
    r"|(?:the\s+|all\s+(?:the\s+)?)(?:member\s+states|parties(?:\s+concerned)?|sides"
    r"|relevant\s+(?:countries|parties|sides))|the\s+countries\s+(?:involved|concerned)"
    r"|NATO\s+(?:countries|members|allies)|[A-Z][a-z]+(?:'s|’s)\s+(?:allies|partners|neighbours"
    r"|neighbors))\b")
# A clause ends at a stop, at a contrast ("but", "while", "even as") and where a new report
# starts ("... even as reports said President X ..."): an actor after that is no target.
_CLAUSE_END = re.compile(r"[.;!?]|,\s+(?:but|while|whereas)\b|\beven\s+as\b"
                         r"|\b(?:said|says|told|added|reported)\b")
# "this was not about support for ...", "did not condemn": a negated trigger states no relation.
_NEGATED = re.compile(r"\b(?:not|never|no|nobody|no\s+one|none)(?:\s+\w+){0,2}\s+$|n[’']t\s+(?:\w+\s+)?$",
                      re.IGNORECASE)
# "the anti-Russian policy of the US": Russia is the policy's object, not a party to the statement.
_AFFIX_BEFORE = re.compile(r"(?:anti|pro|non)[-‑]$", re.IGNORECASE)


# "Armenia must sign ...", "the international community should act": the subject is pressed.
_MUST_RE = re.compile(r"\b(?:must|should)\b(?!\s+(?:not|never|be|have\s+been)\b)"
                      r"(?=\s+(?:also\s+|now\s+|still\s+|first\s+)?[a-z])")
# "the military aid to Ukraine should be ...": an actor after a preposition is not the subject.
_PREPOSITION_BEFORE = re.compile(r"\b(?:to|for|of|with|in|on|from|against|about|by|at)\s+(?:the\s+)?$",
                                 re.IGNORECASE)
# Between an actor and "must": nothing, or an aside ("Armenia, in turn, must").
# A subject may be joined with its own people: "Armenia and its political elite must".
_MUST_GAP = re.compile(r"(?:\s+and\s+(?:its|their|his|her)\s+(?:\w+\s+){0,2}?\w+)?"
                       r"\s*(?:,[^,.;]{1,20},\s*)?(?:also\s+|now\s+|still\s+|itself\s+)?")
# Stance nouns a speaker voices: "expressed firm opposition to", "voiced categorical
# disagreement with", "expressed further support for", "his country's support for".
_STANCE_NOUN_RE = re.compile(r"\b(?:opposition|disagreement|rejection|dissatisfaction|indignation"
                             r"|support|appreciation)\b", re.IGNORECASE)
# The words before a stance noun that make it voiced (matched backwards from the noun: scanning
# every word of every statement for a possessive lead is slow).
_STANCE_LEAD = re.compile(
    r"\b(?P<lead>express(?:es|ed|ing)?|voic(?:e|es|ed|ing)|reiterat(?:e|es|ed|ing)"
    r"|reaffirm(?:s|ed|ing)?|confirm(?:s|ed|ing)?|pledg(?:e|es|ed|ing)|\w+(?:'s|’s)|our|its|their"
    r"|his|her)\s+(?:[\w“”\"]+\s+){0,2}?$", re.IGNORECASE)
_STANCE_KIND = {"opposition": "criticise", "disagreement": "criticise", "rejection": "criticise",
                "dissatisfaction": "criticise", "indignation": "criticise", "support": "support",
                "appreciation": "praise"}
# "all responsibility for ... will be borne by X", "provocations by X": blame without a verb.
_BLAME_RE = re.compile(
    r"\bresponsibility\s+(?:for\s+[^.;]{0,140}?)?(?:lies|rests|will\s+(?:lie|rest|be\s+borne)"
    r"|is\s+borne|must\s+be\s+borne)\s+(?:with|on|by)\b|\bprovocations?\s+(?:by|from)\b",
    re.IGNORECASE)
# Criticism by an evaluative word aimed at an actor: "we regard remarks from any Ukrainian
# official as irresponsible", "the unjust Israeli siege", "Kiev's bellicose rhetoric",
# "provocative actions by Norland".
EVALUATIVE = (r"irresponsible|unacceptable|ridiculous|absurd|groundless|baseless|unfounded"
              r"|regrettable|illegal|unlawful|illegitimate|hostile|reckless|provocative"
              r"|unconstructive|destructive|aggressive|bellicose|unjust|inhumane|barbaric"
              r"|incorrect|inappropriate")
_EVAL_RE = re.compile(rf"\b(?:{EVALUATIVE})\b", re.IGNORECASE)
_EVALUATIVE_WORDS = tuple(EVALUATIVE.split("|"))
_FRAMING_VERB = re.compile(r"\b(?:regard|consider|call|term|describ|brand|label|deem)\w*\b",
                           re.IGNORECASE)
_EVAL_NOUN_AGENT = re.compile(r"\s+[a-z]+\s+(?:coming\s+)?(?:by|from)\s+(?:the\s+)?")
# "made threats against Armenia": a threat issued, unlike "the threat of sanctions".
_MADE_THREAT_RE = re.compile(r"\b(?:made|issued|voiced|makes|issues|making|issuing)\s+"
                             r"(?:new\s+|fresh\s+|open\s+|direct\s+)?(?P<noun>threats?)\s+"
                             r"(?:against|to)\b", re.IGNORECASE)
# Verbs whose target is their object, right after them: "asked the United States to", not
# "asked about Norland"; "warned Norland", not "warned about the situation in Norland".
_OBJECT_ONLY = re.compile(r"ask|request|warn", re.IGNORECASE)
_OBJECT_GAP = re.compile(r"\s+(?:that\s+)?(?:[\w’'-]+\s+){0,2}")
_NOT_OBJECT = re.compile(r"\b(?:about|if|whether|why|how|what|of|for|against)\b", re.IGNORECASE)
# "that accusing Iran ... will not help": a gerund subject is a topic, not the speaker's act.
_GERUND_SUBJECT = re.compile(r"\bthat\s+$", re.IGNORECASE)
# "threatening remarks from X", "supporting staff", "a support service for X": the trigger word
# modifies a noun and names nobody's stance; "the condemned aggression" is an adjective too.
_MODIFIED_NOUN = re.compile(
    r"\s+(?:remarks|statements|words|rhetoric|actions|acts|behaviou?r|messages|letters|gestures"
    r"|staff|services?|organi[sz]ations?|groups?|roles?|base|documents|measures|forces|troops)\b",
    re.IGNORECASE)
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|this|that|these|those)\s+$", re.IGNORECASE)
# "partner countries threatened by Russia": the agent after "by" is no target of the speaker's
# threat; it is accused of threatening. Other passives ("backed by X") state no relation.
_BY_BEFORE = re.compile(r"\bby\s+$", re.IGNORECASE)
# "relations with the United States", "talks between Norland and Freeland": a topic, no target.
_TOPIC_BEFORE = re.compile(r"\b(?:relations|ties|talks|dialogue|cooperation|negotiations|coordination"
                           r"|consultations|contacts|partnership|trade|exchanges|engagement)\s+"
                           r"(?:with|between)\s+(?:the\s+)?$|\bbetween\s+(?:the\s+)?$", re.IGNORECASE)
# Bare "support", "request", "demand", "back" after a determiner, an adjective or a preposition
# are nouns ("a direct support aimed at ...", "the request by some nations", "way back from");
# only a voiced stance noun counts (_STANCE_NOUN_RE).
_BARE_NOUN_FORMS = ("support", "request", "demand", "back")
_NOUN_BEFORE = re.compile(
    r"\b(?:a|an|the|its|his|her|their|our|your|my|this|that|any|no|direct|full|strong|firm|broad"
    r"|political|military|financial|public|international|economic|moral|popular|mutual|with"
    r"|without|for|of|in|from|on|way|came|come|comes|coming|went|go|goes|going|fly|flew|get|got"
    r"|cut|step|stepped|pushed|push|bring|brought|years|months|weeks|days)\s+$"
    r"|[’'](?:s\s+)?$", re.IGNORECASE)
# "British Defence Minister Liam Fox's statements": the office holder, not the country, is aimed at.
_TITLE_NAME = re.compile(
    r"\s+(?:[A-Z][a-z]+\s+){0,3}?(?:Minister|Secretary|President|Ambassador|Spokes(?:man|woman|person)"
    r"|Chancellor|Envoy|Premier|Senator|Governor)\s+(?P<name>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){1,2})")
# "missiles able to threaten not only Russia", "this could threaten Norland": a capacity or a
# purpose is no threat (nor accusation) made by the speaker.
_HYPOTHETICAL_BEFORE = re.compile(
    r"\b(?:(?:used|designed|meant|intended|aimed|able|capable|enough|attempts?|plans?|ways?|means"
    r"|tools?|power)\s+to|could|might|may|would)\s+$", re.IGNORECASE)
_HYPOTHETICAL_KINDS = ("threaten", "accuse", "criticise")
_SENTENCE_STOP = re.compile(r"[.!?\n]")
# "X condemned Y, saying ...": the act before the participle cue belongs to the statement.
_PARTICIPLE_CUE = re.compile(r"(?:saying|adding|stressing|noting|insisting|arguing|calling)\b",
                             re.IGNORECASE)


@dataclass(frozen=True)
class _Actor:
    start: int
    end: int
    id: str | None
    collective: bool


def _actors(text: str, lo: int, hi: int, mentions: Sequence[Mention]) -> list[_Actor]:
    """Mentions and collective actors in ``text[lo:hi]``. A collective phrase longer than a
    mention inside it wins ("Russia's allies" is not Russia); a mention that is itself a
    collective actor ("the West" in the knowledge base) keeps its id and is marked collective."""
    groups = [(m.start(), m.end()) for m in COLLECTIVE_RE.finditer(text, lo, hi)]
    found = []
    for m in mentions:
        if not (lo <= m.start and m.end <= hi):
            continue
        if _AFFIX_BEFORE.search(text, max(0, m.start - 5), m.start):
            continue
        if any(s <= m.start and m.end <= e and e - s > m.end - m.start for s, e in groups):
            continue
        collective = m.type == "grouping" or any(s < m.end and m.start < e for s, e in groups)
        found.append(_Actor(m.start, m.end, m.id, collective))
    for s, e in groups:
        if not any(a.start < e and s < a.end for a in found):
            found.append(_Actor(s, e, None, True))
    return sorted(found, key=lambda a: a.start)


def _clause_end(text: str, pos: int, hi: int) -> int:
    m = _CLAUSE_END.search(text, pos, hi)
    return m.start() if m else hi


def _span(text: str, a: _Actor) -> Span:
    return Span(start=a.start, end=a.end, text=text[a.start:a.end])


# Stems of every trigger: most statements have none, and substring tests are far cheaper
# than the trigger patterns (this stage runs on every statement of every article).
_STEMS = ("accus", "blam", "critic", "condemn", "denounc", "slam", "demand", "urg", "call",
          "threat", "warn", "support", "back", "welcom", "stand", "prais", "commend", "hail",
          "force", "pressur", "coerce", "impose", "undermin", "destabili", "drag", "ask",
          "request", "lambast", "blast", "complain", "thank", "congratulat", "must", "should",
          "opposition", "disagreement", "rejection", "dissatisfaction", "indignation",
          "appreciation", "responsibility", "provocation", "threat",
          *_EVALUATIVE_WORDS)


# "Is any stem in the statement": one trie search instead of 66 substring tests, half the time
# (stems hold no space, which the trie would read as any run of whitespace).
if any(" " in stem for stem in _STEMS):
    raise ValueError("relations: a trigger stem holds a space; _STEMS_RE would misread it")
_STEMS_RE = re.compile(trie_alternation(_STEMS))


# The words each trigger and pressure phrase opens with (lower case; checked below).
_TRIGGER_STEMS = ("accus", "blam", "critici", "condemn", "denounc", "slam", "lambast", "blast",
                  "complain", "demand", "urg", "call", "ask", "request", "threat", "warn",
                  "support", "back", "welcom", "stand", "prais", "commend", "hail", "thank",
                  "congratulat")
_TRIGGER_STEMS_RE = re.compile(trie_alternation(_TRIGGER_STEMS))
_PRESSURE_VERBS = ("seeking", "trying", "attempting", "working", "continuing")  # one is in each


def _top_level(pattern: str) -> list[str]:
    """The alternatives of ``pattern`` outside any group."""
    parts, depth, cur = [], 0, ""
    for ch in pattern:
        depth += (ch == "(") - (ch == ")")
        if ch == "|" and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    return [*parts, cur]


for _p in (p for pattern in TRIGGERS.values() for p in _top_level(pattern)):
    if not _p.startswith(_TRIGGER_STEMS):
        raise ValueError(f"relations: trigger {_p!r} opens with no stem of _TRIGGER_STEMS")


def scan_starts(low: str, lo: int, hi: int) -> tuple[int, int]:
    """Where the trigger and the pressure scans of ``text[lo:hi]`` may start (``low`` is that
    span lower-cased) and find all that a scan from ``lo`` finds; ``hi`` when they find nothing.

    Every trigger opens with one of _TRIGGER_STEMS, so its scan starts at the first stem in
    ``low`` (a trie search of plain letters instead of the case-blind trigger pattern tried at
    every character); a pressure phrase holds one of _PRESSURE_VERBS. Only where lower-casing
    keeps every offset and means what the case-blind match means: not so for "İ", "ı" and "ſ",
    which match "i" and "s" there."""
    if len(low) != hi - lo or "ı" in low or "ſ" in low:
        return lo, lo
    first = _TRIGGER_STEMS_RE.search(low)
    pressure = lo if any(map(low.__contains__, _PRESSURE_VERBS)) else hi
    return (hi if first is None else lo + first.start()), pressure


def statement_start(text: str, statement: Statement) -> int:
    """Where the statement's words start for relations: at the cue when it precedes the span
    ("accused Washington of ..."), and at the sentence start when the cue is a participle after a
    comma ("London has blamed Moscow, saying ...": the blame is part of the statement)."""
    lo = statement.start
    cue = statement.cue
    if cue is not None and cue.start < statement.start:
        lo = cue.start
        if _PARTICIPLE_CUE.match(cue.text) and text[max(0, cue.start - 2):cue.start].strip() == ",":
            stop = max(text.rfind(c, 0, cue.start) for c in ".!?\n")
            lo = stop + 1
    return lo


def _is_target(text: str, a: _Actor) -> bool:
    return not _TOPIC_BEFORE.search(text, max(0, a.start - 40), a.start)


def _targets(text: str, actors: list[_Actor], start: int, end: int) -> list[_Actor]:
    """Actors starting in ``[start, end)`` that can be targets: not topics ("coordination with
    Seoul"), nor joined to a topic ("... with Seoul and Canberra")."""
    out, topic_end = [], -1
    for a in actors:
        if not start <= a.start < end:
            continue
        if not _is_target(text, a) or (
                topic_end >= 0 and re.fullmatch(r"\s*(?:,|,?\s+and|,?\s+or)\s+(?:the\s+)?",
                                                text[topic_end:a.start])):
            topic_end = a.end
            continue
        topic_end = -1
        out.append(a)
    return out


def _office_holder(text: str, t: _Actor, actors: list[_Actor]) -> _Actor:
    """``t`` or, when ``t`` is the nationality of an office holder named after it ("British
    Defence Minister Liam Fox"), that person: the known mention if there is one."""
    m = _TITLE_NAME.match(text, t.end)
    if m is None or not text[t.start:t.start + 1].isupper():
        return t
    s, e = m.span("name")
    known = [a for a in actors if a.start < e and s < a.end]
    return known[0] if known else _Actor(s, e, None, False)


def _conjoined(text: str, actors: list[_Actor], first: _Actor, end: int) -> list[_Actor]:
    """``first`` and the actors joined to it by "and" ("called on Moscow and Kyiv to ...")."""
    out = [first]
    for a in actors:
        if a.start <= out[-1].end or a.start >= end:
            continue
        if re.fullmatch(r"\s*(?:,\s*|,?\s+and\s+|,?\s+or\s+)(?:the\s+)?", text[out[-1].end:a.start]):
            out.append(a)
        else:
            break
    return out


def _in_question(text: str, pos: int) -> bool:
    """Whether ``pos`` is in a sentence that ends with a question mark: "What action does China
    call for from Japan?" asks; it states no demand."""
    stop = _SENTENCE_STOP.search(text, pos)
    return stop is not None and stop.group(0) == "?"


def _skip_trigger(text: str, m: re.Match[str], lo: int) -> bool:
    """Trigger words that state no relation of the speaker (see the patterns above)."""
    word = m.group(0).lower()
    before = text[max(lo, m.start() - 30):m.start()]
    if _in_question(text, m.end()):
        return True
    if _NEGATED.search(before):
        return True
    if word.endswith("ing") and (_GERUND_SUBJECT.search(before) or _MODIFIED_NOUN.match(text, m.end())):
        return True
    if word.endswith("ed") and _DETERMINER_BEFORE.search(before) and not _BY_BEFORE.search(before):
        return True
    if word.startswith("support") and _MODIFIED_NOUN.match(text, m.end()):
        return True
    if word in _BARE_NOUN_FORMS and _NOUN_BEFORE.search(before):
        return True
    if m.lastgroup in _HYPOTHETICAL_KINDS and _HYPOTHETICAL_BEFORE.search(before):
        return True
    return False


def _evaluated(text: str, m: re.Match[str], actors: list[_Actor], lo: int, hi: int) -> _Actor | None:
    """The actor an evaluative word ``m`` is aimed at, or None (see _EVAL_RE)."""
    start = max(lo, max(text.rfind(c, lo, m.start()) for c in ".;!?\n") + 1)
    end = _clause_end(text, m.end(), hi)
    for a in actors:  # "the unjust Israeli siege", "unlawful US demands"
        if m.end() < a.start <= m.end() + 3 and text[m.end():a.start].isspace() and _is_target(text, a):
            return a
    for a in actors:  # "Kiev's bellicose rhetoric", "US' unlawful sanctions"
        if start <= a.start and m.start() - 4 <= a.end <= m.start() and \
                re.fullmatch(r"(?:’s|'s|’|')\s+", text[a.end:m.start()]):
            return a
    for a in actors:  # "bellicose rhetoric coming from Ukraine", "provocative acts by Norland"
        if m.end() < a.start < min(end, m.end() + 40) and _EVAL_NOUN_AGENT.fullmatch(text, m.end(), a.start):
            return a
    frame = _FRAMING_VERB.search(text, start, m.start())
    if frame:  # "we regard remarks from X as irresponsible", "called the X sanctions hostile"
        inside = [a for a in actors if frame.end() <= a.start and a.end <= m.start()
                  and _is_target(text, a)]
        if inside:
            return inside[0]
    return None


def _relation(text: str, kind: str, trig: tuple[int, int], t: _Actor) -> Relation:
    return Relation(type=kind, plover=PLOVER[kind], trigger=Span(trig[0], trig[1], text[trig[0]:trig[1]]),
                    target=_span(text, t), target_id=t.id, collective=t.collective)


def find_relations(text: str, statement: Statement,
                   mentions: Sequence[Mention] = ()) -> tuple[Relation, ...]:
    """The relations of ``statement`` in ``text`` (offsets into ``text``), in text order."""
    lo = statement_start(text, statement)
    hi = statement.end
    low = text[lo:hi].lower()
    if _STEMS_RE.search(low) is None:  # no stem of any trigger
        return ()
    actors = _actors(text, lo, hi, mentions)
    out: list[Relation] = []
    trigger_from, pressure_from = scan_starts(low, lo, hi)
    for m in _PRESSURE_RE.finditer(text, pressure_from, hi):
        before = [a for a in actors if a.end <= m.start()
                  and _clause_end(text, a.end, m.start()) == m.start()]
        after = [a for a in actors if a.start >= m.end()
                 and a.start < _clause_end(text, m.end(), hi)]
        if before:
            t = before[-1]
            out.append(Relation(type="accuse", plover="ACCUSE",
                                trigger=Span(m.start(), m.end(), m.group(0)),
                                target=_span(text, t), target_id=t.id, collective=t.collective,
                                affected=_span(text, after[0]) if after else None))
    taken: list[tuple[int, int]] = []
    for m in _TRIGGER_RE.finditer(text, trigger_from, hi):
        kind = m.lastgroup
        if kind is None or _skip_trigger(text, m, lo):
            continue
        end = _clause_end(text, m.end(), hi)
        targets = _targets(text, actors, m.end(), end)
        if not targets:
            continue
        t = targets[0]
        gap = text[m.end():t.start]
        if _OBJECT_ONLY.match(m.group(0)) and (not _OBJECT_GAP.fullmatch(gap) or _NOT_OBJECT.search(gap)
                                               or (kind == "threaten" and "that" in gap.split())):
            continue  # "warned that Freeland would ..." threatens nobody named
        if _BY_BEFORE.search(gap) and m.group(0).lower().endswith("ed"):
            if kind != "threaten" or not re.fullmatch(r"\s+by\s+", gap):
                continue
            kind = "accuse"  # "countries threatened by Russia": Russia is accused of the threat
        taken.append(m.span())
        t = _office_holder(text, t, actors)
        for a in _conjoined(text, targets, t, end):
            out.append(_relation(text, kind, m.span(), a))
    # Each pattern below runs only when one of its words is there (substring tests are cheap).
    stance = any(map(low.__contains__, _STANCE_KIND))
    for m in (_STANCE_NOUN_RE.finditer(text, lo, hi) if stance else ()):
        span = m.span()
        lead = _STANCE_LEAD.search(text, max(lo, m.start() - 60), m.start())
        if lead is None or any(s < span[1] and span[0] < e for s, e in taken) or \
                _NEGATED.search(text, max(lo, lead.start() - 30), lead.start()):
            continue
        end = _clause_end(text, span[1], hi)
        targets = _targets(text, actors, span[1], end)
        if targets:
            kind = _STANCE_KIND[m.group(0).lower()]
            out.extend(_relation(text, kind, span, a) for a in _conjoined(text, targets, targets[0], end))
    blame = "responsib" in low or "provocation" in low
    for m in (_BLAME_RE.finditer(text, lo, hi) if blame else ()):
        end = _clause_end(text, m.end(), hi)
        targets = [a for a in actors if m.end() <= a.start < end]
        if targets:
            word = re.match(r"\w+", m.group(0)).span()
            out.append(_relation(text, "accuse", (m.start() + word[0], m.start() + word[1]), targets[0]))
    evaluated: set[int] = set()
    evaluative = any(map(low.__contains__, _EVALUATIVE_WORDS))
    for m in (_EVAL_RE.finditer(text, lo, hi) if evaluative else ()):
        if any(s < m.end() and m.start() < e for s, e in taken) or \
                _NEGATED.search(text, max(lo, m.start() - 30), m.start()):
            continue
        t = _evaluated(text, m, actors, lo, hi)
        if t is not None and t.start not in evaluated:  # one criticism of an actor per clause
            evaluated.add(t.start)
            out.append(_relation(text, "criticise", m.span(), t))
    for m in (_MADE_THREAT_RE.finditer(text, lo, hi) if "threat" in low else ()):
        end = _clause_end(text, m.end(), hi)
        targets = [a for a in actors if m.end() <= a.start < end]
        if targets:
            out.append(_relation(text, "threaten", m.span("noun"), targets[0]))
    for m in (_MUST_RE.finditer(text, lo, hi) if "must" in low or "should" in low else ()):
        subject = [a for a in actors if m.start() - 60 <= a.end <= m.start()
                   and _MUST_GAP.fullmatch(text, a.end, m.start())
                   and not _PREPOSITION_BEFORE.search(text, max(0, a.start - 20), a.start)]
        if subject and not _in_question(text, m.end()):
            out.append(_relation(text, "demand", m.span(), subject[-1]))
    return tuple(sorted(out, key=lambda r: r.trigger.start))
