"""Resolve each statement's speaker phrase to a canonical speaker, and explain how.

Names map to the fullest form of that name in the article; pronouns to the nearest earlier
person of matching gender; role nouns ("the minister", "the top Russian diplomat") to the nearest
person whose title fits; institutions to the fullest form of the institution's name; unnamed
sources to no speaker. A quote with no attribution of its own continues a neighbour's turn only
where the text supports it; otherwise it is dropped (no speaker beats a wrong speaker).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from quotegraph.attribute import lexicon as lx
from quotegraph.attribute.found import Found
from quotegraph.attribute.names import fuller_name, nearest_fuller_name, opens_with_particle
from quotegraph.attribute.mentions import SpeakerNP, speaker_before
from functools import lru_cache

from quotegraph.kb.names import name_key as _name_key
from quotegraph.model import Span, Speaker, Statement
from quotegraph.read.outlets import KNOWN_OUTLETS
from quotegraph.resolve import antecedents
from quotegraph.resolve.people import Person, Registry, build_registry
from quotegraph.resolve.statement_issuer import statement_author
from quotegraph.resolve.turns import TURN_PARAGRAPHS, headline_role, turn_runs_on

_POSSESSIVE = re.compile(r"[’']s\b")
_NON_WORD = re.compile(r"[^\w]+")
_WORD = re.compile(r"[\w\.]+")
_DETERMINER = re.compile(r"^(?:the|The)\s+")

# A resolver for role phrases and names the article itself cannot settle, e.g. the knowledge
# base's dated roles: (phrase, np) -> (canonical name, id, role) or None.
ExternalResolver = Callable[[SpeakerNP], "tuple[str, str | None, str | None] | None"]


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    return _name_key(name)


@lru_cache(maxsize=65536)  # a pure function of the name, asked for the same few names per article
def slug(name: str) -> str:
    s = _POSSESSIVE.sub("", name.lower())
    s = _NON_WORD.sub("-", s).strip("-")
    return s or "unknown"


def resolve(text: str, found: list[Found], *, quote_spans: list[tuple[int, int]], body_start: int,
            external: ExternalResolver | None = None, said_on=None) -> list[Statement]:
    """Statements with canonical speakers for ``found`` (document order)."""
    found = _run_ons(text, found)
    reg = build_registry(text, [f.np for f in found if f.np is not None], quote_spans)
    institutions = _LazyForms(text)
    out: list[Statement] = []
    resolved: list[tuple[Found, Speaker | None]] = []
    retry: list[tuple[int, SpeakerNP]] = []
    current: tuple[Found, Speaker] | None = None  # the last statement's person speaking
    unnamed: list[tuple[int, str | None]] = []  # unnamed sources so far: (offset, head noun)
    out_found: list[Found] = []  # the Found of each statement in ``out``
    for i, f in enumerate(found):
        speaker: Speaker | None = None
        source: Span | None = None
        if f.inherit is not None:
            speaker = _inherited(text, f, i, found, resolved, reg, quote_spans, external)
            if speaker is None:
                resolved.append((f, None))
                continue
        elif f.np is not None and (
                f.np.kind == "role" and _introduced_unnamed(f.np, unnamed, reg)
                or f.np.kind == "pronoun" and _continues_unnamed(f, resolved)):
            # "A spokeswoman for the embassy said ... the spokeswoman added": still unnamed
            source = Span(f.np.start, f.np.end, f.np.text)
            current = None
        elif f.np is not None and _is_issued(f.np):
            # "it adds", "the communiqué said": the institution that issued the statement
            speaker = _issuer(f, resolved) or statement_author(text, f, resolved)
            issuing = _issued_by(text, f.np.start) if speaker is None else None
            if issuing is not None:
                speaker, _ = _speaker(text, issuing, reg, institutions, external)
                if speaker is not None:
                    speaker = replace(speaker, mention=f.np.text, start=f.np.start, end=f.np.end,
                                      how=speaker.how + (f"'{f.np.text}' is the statement '{issuing.text}' issued (at {issuing.start})",))
            if speaker is None:
                source = Span(f.np.start, f.np.end, f.np.text)
        elif f.np is not None:
            speaker, source = _speaker(text, f.np, reg, institutions, external)
            if f.np.kind in ("pronoun", "role") and speaker is not None and current is not None:
                speaker = _salient(text, f, speaker, current, reg) or speaker
            if f.np.kind in ("pronoun", "role") and speaker is not None:
                speaker = antecedents.rechoose(  # the learned second opinion (antecedents.py)
                    text, f, speaker, current, reg, resolved, quote_spans, subject_at=_subject_at,
                    fits_role=_fits_role, make=lambda p, how: _make(f.np, p.name, p.title, [how], external))
            elif f.np.kind == "name" and speaker is not None and antecedents.collector() is not None:
                antecedents.masked(text, f, current, reg, resolved, quote_spans, subject_at=_subject_at,
                                   fits_role=_fits_role, pronoun=_pronoun, salient=_salient)
            if speaker is None and (f.np.kind == "role" or headline_role(f, body_start)):
                retry.append((len(out), f.np))
            if speaker is None and f.np.kind == "unnamed":
                p, at = _named_next(text, f, reg, first=not any(
                    g.np is not None and g.start < f.start for g in found[:i]))
                if p is not None:
                    speaker = _make(f.np, p.name, p.title, [
                        f"unnamed '{f.np.text}' -> '{p.name}' (named right after it, at {at})"], external)
                    source = None
        elif f.source_span is not None:
            a, b = f.source_span
            source = Span(a, b, text[a:b])
        resolved.append((f, speaker))
        if speaker is not None and f.np is not None and f.np.kind != "institution" \
                and speaker.name not in lx.COUNTRY_WORDS:
            current = (f, speaker)  # a country speaking ("Russia referred to") is nobody's "he"
        elif f.np is not None and f.np.kind == "unnamed":
            unnamed.append((f.np.start, f.np.head))
            current = None  # "she" after an unnamed source is that source, not someone before
        if speaker is not None and f.how and f.how.startswith("scorer"):
            speaker = replace(speaker, how=speaker.how + (f.how,))  # why the statement was kept
        cue = Span(f.cue[0], f.cue[1], text[f.cue[0]:f.cue[1]]) if f.cue else None
        out_found.append(f)
        out.append(Statement(
            kind=f.kind, start=f.start, end=f.end, text=text[f.start:f.end], speaker=speaker,
            cue=cue, rule=f.rule, source_mention=source,
            said_on=said_on(f) if said_on else None,
        ))
    # A headline's "minister says" may name someone the knowledge base found further down.
    for k, np in retry:
        s = out[k]
        p, at = _role(np, reg)
        if p is not None:
            how = (f"role '{np.text}' -> '{p.name}' (title '{p.title}', mentioned at {at}, after the article was read)",)
            out[k] = replace(s, source_mention=None, speaker=_make(np, p.name, p.title, list(how), external))
    _subheads_to_next(text, out, out_found)
    return _fullest_names(text, out)


def _subheads_to_next(text: str, out: list[Statement], out_found: list[Found]) -> None:
    """A quoted subhead standing as its own paragraph ("'Talks with the rebels are welcome'")
    belongs to the speaker of the paragraph right after it, not to the turn before it."""
    for k, f in enumerate(out_found):
        if f.rule != "direct:continuation" or k + 1 >= len(out):
            continue
        g, nxt = out_found[k + 1], out[k + 1]
        if g.paragraph != f.paragraph + 1 or nxt.speaker is None or g.inherit is not None:
            continue
        line_start = text.rfind("\n", 0, f.start) + 1
        line_end = text.find("\n", f.end)
        line_end = len(text) if line_end < 0 else line_end
        if text[line_start:f.start].strip(" \t\"“‘'«") or text[f.end:line_end].strip(" \t\"”’'».") \
                or len(text[f.start:f.end].split()) > 15 or text[f.start:f.end].rstrip().endswith((".", "?", "!")):
            continue
        sp = nxt.speaker
        out[k] = replace(out[k], speaker=replace(sp, how=sp.how + (
            f"a quoted subhead: the speaker of the paragraph after it (at {g.start})",)))


def _fullest_names(text: str, out: list[Statement]) -> list[Statement]:
    """People the knowledge base does not know get the fullest form the article gives anywhere
    ("Faisal bin Farhan" -> "Faisal bin Farhan Al-Saud" from a caption; "He" -> "Razmadze" ->
    "Tornike Razmadze" named in a later paragraph)."""
    fuller: dict[str, str] = {}
    dashes = "-" in text  # once: asked per statement, it read a long text again each time
    for k, s in enumerate(out):
        sp = s.speaker
        if sp is None or (" " in sp.name and not dashes and not opens_with_particle(sp.name)) or sp.id and sp.id.isupper() \
                or any("knowledge base" in h or "institution" in h for h in sp.how):
            continue
        if sp.name not in fuller:
            fuller[sp.name] = fuller_name(text, sp.name)
        full = fuller[sp.name]
        if full != sp.name:
            out[k] = replace(s, speaker=replace(sp, name=full, id=slug(name_key(full)),
                                                how=sp.how + (f"'{sp.name}' -> '{full}' (fullest form in the article)",)))
    return out


def _speaker(text: str, np: SpeakerNP, reg: Registry, institutions: list[str],
             external: ExternalResolver | None) -> tuple[Speaker | None, Span | None]:
    mention = Span(np.start, np.end, np.text)
    if np.kind == "unnamed":
        return None, mention
    if np.kind == "name" and np.name:
        p = reg.find(np.name, before=np.start)
        near = nearest_fuller_name(text, np.name, np.start) if p is not None and " " not in np.name else None
        if near is not None and near != p.name:
            # Two people share the family name: "Kim" is the one named last before it.
            return _make(np, near, np.title, [f"name '{np.name}' -> '{near}' (the last full form "
                                              f"named before it)"], external), None
        if p is not None and (" " not in p.name or "-" in text or opens_with_particle(p.name)):
            full = fuller_name(text, p.name)
            if full != p.name:
                p.name = full  # the article gives the full name elsewhere, outside a title
        if p is not None:
            how = [f"name '{np.name}'" + (f" -> '{p.name}' (fullest form in the article)" if p.name != np.name else "")]
            return _make(np, p.name, p.title or np.title, how, external), None
        return _make(np, np.name, np.title, [f"name '{np.name}'"], external), None
    if np.kind == "pronoun":
        p, at = _pronoun(np, reg, text)
        if p is None:
            return None, mention
        how = [f"pronoun '{np.text}' -> '{p.name}' (nearest earlier person, mentioned at {at})"]
        return _make(np, p.name, p.title, how, external), None
    if np.kind == "role":
        p, at = _role(np, reg)
        if p is not None:
            how = [f"role '{np.text}' -> '{p.name}' (title '{p.title}', mentioned at {at})"]
            return _make(np, p.name, p.title, how, external), None
        if external is not None:
            ext = external(np)
            if ext is not None:
                name, id_, role = ext
                # Later "the minister" or "he" in this article can now point back at them.
                reg.learn(name, np.title or role, np.start)
                return Speaker(name=name, mention=np.text, start=np.start, end=np.end, id=id_,
                               role=role, title=np.title,
                               how=(f"role '{np.text}' -> '{name}' ({id_}, holder on the article's date, knowledge base)",)), None
        p, at = _untitled(np, reg)
        if p is not None:
            how = [f"role '{np.text}' -> '{p.name}' (no title fits; the nearest person named without one, at {at})"]
            return _make(np, p.name, p.title, how, external), None
        return None, mention
    if np.kind == "institution":
        name = _institution(np.text, institutions, np.start)
        how = [f"institution '{np.text}'" + (f" -> '{name}' (fullest form in the article)" if name != np.text else "")]
        return _make(np, name, None, how, external), None
    return None, mention


def _make(np: SpeakerNP, name: str, title: str | None, how: list[str],
          external: ExternalResolver | None) -> Speaker:
    # People the knowledge base does not know get an id that is the same for the usual
    # romanisations of their name ("Alexei"/"Aleksei"/"Alexey"), so articles merge on it.
    outlet = KNOWN_OUTLETS.get(name.lower())
    if outlet is not None:
        name = outlet  # a news outlet speaks as itself ("Bloomberg wrote"), not as a person
    id_ = slug(name) if np.kind == "institution" or outlet else slug(name_key(name))
    role = title
    if external is not None:
        kind = "institution" if np.kind == "institution" else "name"
        ext = external(SpeakerNP(kind, np.start, np.end, np.text, name=name, title=title))
        if ext is not None:
            kb_name, kb_id, kb_role = ext
            how.append(f"knowledge base: '{name}' is {kb_id}" if kb_name == name
                       else f"knowledge base: '{name}' -> '{kb_name}' ({kb_id})")
            name, id_, role = kb_name, kb_id or id_, kb_role or title
    return Speaker(name=name, mention=np.text, start=np.start, end=np.end, id=id_, role=role,
                   title=title, how=tuple(how))


_TITLE_RUN = re.compile(r"(?:(?:[A-Z][\w\-’'\.]*|of|the|for|and)\s+)*$")
_LOWER_TITLE = re.compile(r"(?:\b(?:a|an|the)\s+)?(?:[a-z][\w\-]*\s+){1,3}$")
_CLAUSE_OPEN = re.compile(r"(?:^|[.!?…][\"”’»]?\s+|\n\s*|[,;:—–]\s+|\b(?:and|but|while|as)\s+)$")


def _subject_at(text: str, pos: int) -> bool:
    """Whether the person named at ``pos`` opens a clause (a subject) rather than standing
    after a verb or preposition ("told Nurtleu", "met with Nurtleu", "Nurtleu's remarks")."""
    end = pos
    while end < len(text) and (text[end].isalnum() or text[end] in "-’'."):
        end += 1
    if text.startswith(("’s", "'s"), end) or text.startswith(("’s", "'s"), end - 2):
        return False
    before = text[max(0, pos - 120):pos]
    run = _TITLE_RUN.search(before)
    head = before[:run.start()] if run else before
    words = before[run.start():].split() if run else []
    if words and words[0].lower() in ("of", "the", "for", "and"):
        return False
    # "After this, a deputy Ishak Masaliev asked ...": a lower-case title and its article
    # belong to the subject phrase
    m = _LOWER_TITLE.search(head)
    if m and any(w in lx.TITLE_WORDS for w in m.group().lower().split()):
        head = head[:m.start()]
    return bool(_CLAUSE_OPEN.search(head)) or not head.strip()


def _salient(text: str, f: Found, speaker: Speaker, current: tuple[Found, Speaker],
             reg: Registry) -> Speaker | None:
    """"He" is the person speaking, not a name that merely came up since: when the nearest
    earlier person stands in object position after the current speaker's statement, the
    pronoun goes to the current speaker (if gender allows)."""
    prev_f, prev = current
    if prev.name == speaker.name or f.paragraph - prev_f.paragraph > TURN_PARAGRAPHS:
        return None
    mine = reg.find(prev.name) or reg.find(prev.mention)
    if mine is None or mine.institution:
        return None
    if f.np.kind == "role":
        if not _fits_role(f.np, mine):
            return None  # "the president" is the current speaker only if the title fits
    else:
        gender = lx.PRONOUNS.get(f.np.text) or lx.OBJECT_PRONOUNS.get(f.np.text) \
            or lx.POSSESSIVE_PRONOUNS.get(f.np.text)
        if mine.gender is not None and mine.gender != gender:
            return None
    other = reg.find(speaker.name)
    if not turn_runs_on(f.paragraph - prev_f.paragraph, lo=prev_f.end, hi=f.np.start, mine=mine,
                        reg=reg):
        return None
    spots = [pos for pos, p in reg.between(prev.end, f.np.start) if p is other]
    if any(_subject_at(text, pos) for pos in spots):
        return None
    why = (f"'{speaker.name}' at {spots[-1]} is not a subject" if spots
           else f"'{speaker.name}' was named before the current speaker spoke")
    how = (f"{f.np.kind} '{f.np.text}' -> '{prev.name}' (the current speaker; {why})",)
    return Speaker(name=prev.name, mention=f.np.text, start=f.np.start, end=f.np.end, id=prev.id,
                   role=prev.role, title=prev.title, how=how)


_DOCUMENT_HEADS = frozenset("statement statements communique communiqué declaration readout release".split())


def _is_issued(np: SpeakerNP) -> bool:
    """"it" or a definite document ("the statement", "The communiqué"): words an institution issued."""
    if np.kind == "pronoun":
        return np.text in ("it", "It")
    if np.kind != "unnamed" or (np.head or "") not in _DOCUMENT_HEADS:
        return False
    words = np.text.split()
    if np.head == "release" and len(words) > 2 and words[-2].lower() != "press":
        return False  # "according to the press release", not "the hostage release"
    # "the statement", or a document phrase that names no issuer ("a statement issued on Monday")
    # (not "a Pentagon readout": a capitalised word before the document names its issuer)
    return words[0].lower() in ("the", "this") and len(words) == 2 or 2 <= len(words) <= 4 and (
        words[-1].lower() in _DOCUMENT_HEADS or words[-1].lower() == "release") \
        and words[0].lower() in ("a", "an", "the", "this", "its") \
        and not any(w[:1].isupper() for w in words[1:])


def _issuer(f: Found, resolved) -> Speaker | None:
    """The institution whose statement "it" or "the statement" is: the speaker of the nearest
    earlier statement, within two paragraphs, if that speaker was an institution."""
    for prev_f, prev in reversed(resolved[-4:]):
        if f.paragraph - prev_f.paragraph > 2:
            break
        if prev is None:
            continue
        if prev_f.np is not None and (prev_f.np.kind == "institution" or _is_issued(prev_f.np)
                                      or prev.id and prev.id.isupper()) \
                or prev_f.np is None and any("institution" in h for h in prev.how):
            how = (f"'{f.np.text}' -> '{prev.name}' (the institution whose statement it is, "
                   f"speaking at {prev_f.start})",)
            return Speaker(name=prev.name, mention=f.np.text, start=f.np.start, end=f.np.end,
                           id=prev.id, role=prev.role, title=prev.title, how=how)
        return None
    return None


_ISSUED = re.compile(r"\b(?:issued|released|published|put\s+out|circulated|adopted|posted|"
                     r"distributed)\s+(?:a|an|its|the)\s+(?:[\w\-]+\s+)?(?:statement|communiqu[eé]|"
                     r"declaration|readout)\b")


def _issued_by(text: str, at: int) -> SpeakerNP | None:
    """Who "issued a statement" in the 800 characters before ``at``: "The Uzbekistan Foreign
    Ministry issued a statement ... “...,” the statement said"."""
    last = None
    for m in _ISSUED.finditer(text, max(0, at - 800), at):
        last = m
    if last is None:
        return None
    stop, line = text.rfind(". ", 0, last.start()), text.rfind("\n", 0, last.start())
    lo = max(stop + 2 if stop >= 0 else 0, line + 1)
    np = speaker_before(text, lo, last.start())
    if np is None or np.kind not in ("name", "institution", "role"):
        return None
    return np


def _pronoun(np: SpeakerNP, reg: Registry, text: str = "") -> tuple[Person | None, int]:
    gender = lx.PRONOUNS.get(np.text) or lx.OBJECT_PRONOUNS.get(np.text) or lx.POSSESSIVE_PRONOUNS.get(
        np.text.split()[0].lower())  # (also "His Excellency", a style standing for "he")
    if gender == "p":
        return None, -1
    # Nearest earlier person whose known gender agrees; a person of unknown gender is taken only
    # when no agreeing one is among the last few people named, or when they are the nearest
    # person and the subject of their sentence, in this paragraph or the one before ("Araghchi
    # addressed the request ... he said" after a paragraph that named Trump).
    unknown: tuple[Person, int] | None = None
    for n, (pos, p) in enumerate(reg.before(np.start)):
        if p.institution or p.name in lx.COUNTRY_WORDS:
            continue  # "she" is never "Tajikistan"
        if p.gender == gender:
            return p, pos
        if p.gender is None and unknown is None:
            if n == 0 and text and _subject_at(text, pos) and text.count("\n\n", pos, np.start) <= 1:
                p.gender = gender
                return p, pos
            unknown = (p, pos)
        if n >= 4:
            break
    if unknown is not None:
        unknown[0].gender = gender  # the text has now told us
        return unknown
    return None, -1


def _fits_role(np: SpeakerNP, p: Person) -> bool:
    """Whether ``p``'s title in the article fits the role noun ``np`` ("the minister")."""
    if p.institution or not p.title:
        return False
    keys = lx.ROLE_HEADS.get(np.head or "", ())
    t = _ABBREVIATED_TITLE.sub(lambda m: _TITLE_ABBREVIATIONS[m.group().lower()], p.title).lower()
    if not any(k in t for k in keys):
        return False
    if np.head in ("spokeswoman", "chairwoman") and p.gender == "m":
        return False
    wanted, have = _countries(np.text), _countries(p.title)
    return not (wanted and have and not wanted & have)


def _role(np: SpeakerNP, reg: Registry) -> tuple[Person | None, int]:
    def fits(p: Person) -> bool:
        return _fits_role(np, p)

    wanted = _countries(np.text)
    if wanted:
        # "the Serbian leader": someone whose title names Serbia, before anyone whose title
        # names no country
        for pos, p in (*reg.before(np.start), *reg.after(np.start)):
            if fits(p) and _countries(p.title) & wanted:
                return p, pos
    for pos, p in reg.before(np.start):
        if fits(p):
            return p, pos
    for pos, p in reg.after(np.start):
        if fits(p):
            return p, pos
    people = {id(p): p for p in reg.people if not p.institution}
    if len(people) == 1:
        # "According to the President, ... Kassym-Jomart Tokayev stressed": the only person the
        # article names, given with no title that could contradict the role.
        (p,) = people.values()
        if not p.title:
            return p, (p.positions[0] if p.positions else -1)
    return None, -1


_ONE = frozenset({"a", "an", "another", "one"})
_SENTENCE_END = re.compile(r"[.!?][\"”’]?\s+")
_VERBISH = re.compile(r"\b(?:is|was|are|were|has|have|had|said|says|told|made|will|would)\b")


def _named_next(text: str, f: Found, reg: Registry, *, first: bool) -> tuple[Person | None, int]:
    """The person an unnamed source turns out to be when the next sentence names them:
    "A spokesman for the ministry said X. The spokesman, Ivo Brant, added ...", or, in an
    article's first attribution, "Another former minister criticised the plan. The former
    minister of state, Ivo Brant, said ...". One person only ("a", "another", "one" + a
    singular noun), and the name must open the next sentence."""
    np = f.np
    words = np.text.split()
    head = (np.head or "").lower()
    if not words or words[0].lower() not in _ONE or not head or head.endswith("s"):
        return None, 0
    end = _SENTENCE_END.search(text, max(f.end, np.end))
    if end is None or end.end() - max(f.end, np.end) > 200:
        return None, 0
    at = end.end()
    # The people named there at build time (not the deferred surname scan: too dear here).
    near = reg.named_between(at, at + 90)
    for pos, person in near[:1]:
        lead = text[at:pos]
        if _VERBISH.search(lead) or len(lead.split()) > 8 or person.institution or " " not in person.name:
            return None, 0
        if head in lead.lower() or (first and "," in lead):
            return person, pos
        return None, 0
    return None, 0


def _continues_unnamed(f: Found, resolved) -> bool:
    """"She said" right after an unnamed spokeswoman's statement is that spokeswoman."""
    if not resolved or f.np.text.lower() not in ("he", "she"):
        return False
    prev_f, prev = resolved[-1]
    if prev is not None or prev_f.np is None or f.paragraph - prev_f.paragraph > 1:
        return False
    head = prev_f.np.head or ""
    return prev_f.np.kind in ("unnamed", "role") and not head.endswith("s") and head != ""


def _introduced_unnamed(np: SpeakerNP, unnamed: list[tuple[int, str | None]], reg: Registry) -> bool:
    """Whether the role noun ``np`` ("the spokeswoman") takes up an unnamed source introduced
    earlier ("a spokeswoman for the embassy"), with no fitting named person since."""
    head = (np.head or "").split()[-1] if np.head else None
    at = next((pos for pos, h in reversed(unnamed) if h and head and h.split()[-1] == head), None)
    if at is None:
        return False
    return not any(at < pos < np.start and _fits_role(np, p) for pos, p in reg.before(np.start))


def _untitled(np: SpeakerNP, reg: Registry) -> tuple[Person | None, int]:
    """The role's holder when no title fits and the knowledge base does not know: the nearest
    person named without a title, if among the last few people named."""
    seen: set[int] = set()
    for pos, p in reg.before(np.start):
        # "Araghchi made the comment ... the top diplomat said": nobody's title fits, so the
        # role is the nearest person named without a title (who could hold it), if one of
        # the last few people named.
        if p.institution or id(p) in seen or p.name in lx.COUNTRY_WORDS:
            continue
        seen.add(id(p))
        if len(seen) > 3:
            break
        if not p.title:
            return p, pos
    if len(seen) < 4:
        # "the top Iranian diplomat stated ... Araghchi addressed": a role that no one named
        # before can hold is the first person named after it without a title, if that is
        # within the next few paragraphs.
        for pos, p in reg.after(np.start):
            if pos - np.start > 800:
                break
            if p.institution or p.name in lx.COUNTRY_WORDS or p.title:
                continue
            return p, pos
    return None, -1


_TITLE_ABBREVIATIONS = {"fm": "foreign minister", "pm": "prime minister", "mfa": "foreign ministry"}
_ABBREVIATED_TITLE = re.compile(r"\b(?:FM|PM|MFA)\b", re.I)


def _countries(phrase: str) -> set[str]:
    """Countries a title names ("Uzbekistan's foreign minister" -> {"UZB"})."""
    return {lx.COUNTRY_WORDS[w] for w in phrase.split() if w in lx.COUNTRY_WORDS}


class _LazyForms:
    """Institution names in the article with their offsets, found only if a statement needs them."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._forms: list[tuple[int, str]] | None = None
        # The forms that fit a phrase depend on the phrase alone (not on where it stands), so
        # _institution asks each phrase once per article: {bare phrase: candidates}.
        self.candidates: dict[str, list[tuple[int, str]]] = {}

    def __iter__(self):
        if self._forms is None:
            self._forms = _institution_forms(self._text)
        return iter(self._forms)


_HEADS = "|".join(sorted({h.capitalize() for h in lx.INSTITUTION_HEADS} | {"MFA", "White House",
                                                                            "Foreign Office"}))
_NON_SPACE = re.compile(r"\S+")
# A country's possessive opens a ministry's name: "Malaysia’s Foreign Ministry", "Azerbaijan's
# Ministry of Foreign Affairs" (not "Trump's White House"). The capitals before the head stay on
# its line (not "Crimea" closing the headline above "Ministry of Foreign Affairs of Kazakhstan").
_INSTITUTION_RUN = re.compile(
    r"\b(?:[A-Z][a-z]+[’']s\s+(?=(?:Foreign|Ministry|Defen[cs]e|Interior|Finance|Trade|Economy)\s))?"
    r"(?:[A-Z][\w\-]*[ \t]+){0,4}(?:" + _HEADS + r")\b(?:\s+of\s+(?:the\s+)?(?:[A-Z][\w\-]*)(?:[ \t]+[A-Z][\w\-]*){0,3}){0,3}"  # (not into the next line)
)
# "\b" before a head is written after its first letter, as "(?<!\w.)": the same alternatives in
# the same order, but opening with capitals, which the regex engine skips to (4x faster).
_INSTITUTION_HEAD = re.compile(
    r"(?:" + "|".join(h[0] + r"(?<!\w.)" + h[1:] for h in _HEADS.split("|")) + r")\b")
_LOWER_HEAD = re.compile(r"\b(?:" + "|".join(sorted(h for h in lx.INSTITUTION_HEADS
                                                    if h not in ("kremlin", "mfa"))) + r")\b")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w\-]*)\s+$")
_PORTFOLIOS = frozenset("""defense defence foreign unification interior finance health justice economy
trade energy education culture emergencies agriculture transport""".split())
# ("ministry of foreign affair" also fits the misspelt singular of real copy)
_FOREIGN = ("foreign ministry", "ministry of foreign affair", "mfa", "foreign office", "foreign affairs ministry")


def _institution_forms(text: str) -> list[tuple[int, str]]:
    """Capitalised institution names ("Chinese Commerce Ministry", "Ministry of Foreign Affairs of
    Kazakhstan") with their offsets, leading words that are not part of a name dropped."""
    forms = []
    for h in _INSTITUTION_HEAD.finditer(text):
        # Find the head word first (cheap), then take up to four capitalised words before it.
        m = _INSTITUTION_RUN.search(text, max(0, h.start() - 60), h.end() + 60)
        while m is not None and m.end() < h.end():
            m = _INSTITUTION_RUN.search(text, m.end(), h.end() + 60)
        if m is None or m.start() > h.start():
            continue
        words = m.group().split()
        skip = 0
        while skip < len(words) - 1 and (words[skip] in lx.NON_NAME_WORDS or words[skip].lower() in lx.CUE_MODIFIERS):
            skip += 1
        m_start = m.start()
        for k in range(len(words) - 2, skip, -1):
            if words[k] == "The":
                # "ASTANA. KAZINFORM The Ministry of ...", "Photo © Marat Abilov\nThe Ministry
                # of ...": a dateline, agency word or credit before "The" is no part of the name
                skip = k + 1
                m_start += [w.start() for w in _NON_SPACE.finditer(m.group())][skip]
                break
        form = " ".join(words[skip:])
        forms.append((m_start, form))
    # "the Nigerian government", "the Chinese embassy": a nationality makes a common noun a name;
    # "the defense ministry": so does a portfolio.
    for m in _LOWER_HEAD.finditer(text):
        before = _WORD_BEFORE.search(text, max(0, m.start() - 24), m.start())
        if before is None:
            continue
        word = before.group(1)
        if word in lx.NATIONALITY_ADJECTIVES:
            forms.append((before.start(1), f"{word} {m.group()}"))
        elif m.group() == "ministry" and word.lower() in _PORTFOLIOS:
            forms.append((before.start(1), f"{word.capitalize()} Ministry"))
    forms.sort()
    return forms


def _institution(phrase: str, forms, at: int = 0) -> str:
    """The fullest name the article gives the institution ``phrase`` ("the ministry" -> "Chinese
    Commerce Ministry"), preferring the nearest earlier mention, then the nearest later one."""
    bare = _DETERMINER.sub("", phrase)
    cache = getattr(forms, "candidates", None)
    candidates = cache.get(bare) if cache is not None else None
    if candidates is None:
        candidates = _fitting_forms(bare, forms)
        if cache is not None:
            cache[bare] = candidates
    before = [c for c in candidates if c[0] <= at]
    pick = max(before, key=lambda c: c[0], default=None)
    if pick is None:
        pick = min((c for c in candidates if c[0] > at), key=lambda c: c[0], default=None)
    return pick[1] if pick else bare


def _fitting_forms(bare: str, forms) -> list[tuple[int, str]]:
    """The article's (offset, form) that can name the institution ``bare`` refers to."""
    low = bare.lower()
    if any(k in low for k in _FOREIGN):
        fits = lambda f: any(k in f for k in _FOREIGN)  # noqa: E731
    else:
        qualifiers = [w.lower() for w in bare.split()[:-1]]  # "the defense ministry": defense
        head = low.split()[-1]
        def fits(f: str) -> bool:
            core = f.split(" of ")[0]  # "Ministry of Foreign Affairs of Moldova" is a ministry
            return (core.split()[-1] == head or core.endswith(head)) and all(q in f for q in qualifiers)
    candidates = [(pos, form) for pos, form in forms if fits(form.lower()) and len(form) >= len(bare)]
    # A form that says more than the phrase itself ("Armenian Foreign Ministry" for "the Foreign
    # Ministry") beats a nearer repetition of the same words.
    fuller = [c for c in candidates if len(c[1].split()) > len(bare.split())]
    return fuller or candidates


def _inherited(text: str, f: Found, i: int, found: list[Found], resolved, reg: Registry,
               quote_spans, external: ExternalResolver | None = None) -> Speaker | None:
    """A quote with no attribution of its own: the neighbour's speaker, where the text supports it."""
    if not resolved:
        return _interview_subject(text, f, reg, external)
    prev_f, prev_speaker = resolved[-1]
    gap = f.paragraph - prev_f.paragraph
    if prev_speaker is None or gap > 2:
        return None
    # People named after the previous statement's paragraph, outside quotes, before this quote.
    line_end = text.find("\n", prev_f.end)
    line_end = len(text) if line_end < 0 else line_end
    mine = reg.find(prev_speaker.name) or reg.find(prev_speaker.mention)
    others = [(pos, p) for pos, p in reg.between(line_end + 1, f.start)
              if not p.institution and p is not mine and p.name != prev_speaker.name]
    if others:
        if len({id(p) for _, p in others}) != 1:
            return None
        # "Kulubaev, who also attended, was more cautious.\n\n“We need more time ...”": the
        # quote belongs to the one person the paragraph before it introduces.
        pos, p = others[0]
        form = max((fm for fm in p.forms if text.startswith(fm, pos)), key=len, default=p.name)
        np = SpeakerNP("name", pos, pos + len(form), text[pos:pos + len(form)], name=p.name, title=p.title)
        how = [f"quote after the paragraph that introduces '{p.name}' (at {pos})"]
        return _make(np, p.name, p.title, how, external)
    if gap > 1 and not (gap == 2 and mine is not None and any(
            p is mine for _, p in reg.between(line_end + 1, f.start))):
        # A paragraph between without anyone in it: no turn to continue. One that speaks of
        # the same speaker ("Magwenya was speaking at a briefing ...") keeps the turn.
        return None
    return Speaker(name=prev_speaker.name, mention=prev_speaker.mention, start=prev_speaker.start,
                   end=prev_speaker.end, id=prev_speaker.id, role=prev_speaker.role,
                   title=prev_speaker.title, how=(f"continues the turn of '{prev_speaker.name}' from the statement at {prev_f.start}",))


_INTERVIEW = re.compile(r"\b(?:Q ?& ?A|[Ii]nterview|INTERVIEW)\s+with\s+(?P<who>[A-Z][^\n,.:;!?]{2,80})")
_CAPITALISED = re.compile(r"[A-Z][\w’'\-]+")


def _interview_subject(text: str, f: Found, reg: Registry,
                       external: ExternalResolver | None) -> Speaker | None:
    """Quotes listed before any attribution of a "Q&A with the Foreign Minister" page are the
    words of the person interviewed, when the header names someone the article knows."""
    m = _INTERVIEW.search(text, 0, min(len(text), 400))
    if m is None or m.start() > f.start:
        return None
    for w in reversed(_CAPITALISED.findall(m.group("who"))):
        p = reg.find(w)
        if p is not None and not p.institution:
            at = m.start("who") + m.group("who").rfind(w)
            np = SpeakerNP("name", at, at + len(w), w, name=p.name, title=p.title)
            return _make(np, p.name, p.title, [f"quote listed under the header '{m.group().strip()}'"], external)
    return None


def _run_ons(text: str, found: list[Found]) -> list[Found]:
    """A quote that runs on into the next paragraph takes the speaker of the quote it runs into."""
    out = list(found)
    for i in range(len(out) - 2, -1, -1):
        f, nxt = out[i], out[i + 1]
        if f.inherit is not None and f.kind == "direct" and _runs_on(text, f) \
                and nxt.kind == "direct" and nxt.paragraph == f.paragraph + 1 and nxt.np is not None:
            out[i] = Found(f.kind, f.start, f.end, None, nxt.np, "direct:run-on", f.paragraph,
                           how=f"runs on into the quote at {nxt.start}")
    return out


def _runs_on(text: str, f: Found) -> bool:
    tail = text[f.end:f.end + 3]
    return not any(c in tail for c in "\"”»")
