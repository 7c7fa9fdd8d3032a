"""The other half of a sentence that its attribution interrupts: "A, she said, B".

When an attribution is set off by commas inside the reported sentence, what stands on both
sides of it was said: "“Only you,” she said, would use the occasion to ...", "Of the new pier,
the mayor said, “It is a fine example.”". The rules that read the cue often find one side only
(the quotation, the clause before the cue, the clause after it). This module gives the side
they left, as a statement of its own with the same speaker and cue, since a statement's span
must not hold the attribution words.

It is careful where the other side is not reported: an introduction of time or occasion
("In the three years since", "Asked about the pier"), a participle about the speaker
(", wiping his face"), an appositive or relative clause about the speaker (", a historian at
the college", ", who grew up there"), anything with a cue of its own.
"""

from __future__ import annotations

import re

from quotegraph.attribute import cues
from quotegraph.attribute.found import Found
from quotegraph.segment.quotes import Quote, word_count

# Between the half that was found and the attribution: a comma, perhaps closing marks.
_GAP_BEFORE = re.compile(r"[\"”’']?\s*,\s*[\"”’']?\s*")
# After the attribution: circumstances of the saying up to a comma ("in a letter to the
# board", "on Saturday", "by a wide margin"); no clause, no quotation, no second comma.
_CIRCUMSTANCE = re.compile(r"(?:\s+[^,;:.!?\"“”«»()]{1,70}?)?,\s+")
# Words that open what is said about the speaker or the scene, not what the speaker said:
# a relative clause or appositive (", who ...", ", a historian"), a participle (", wiping his
# face"), a circumstance (", before leaving", ", hours after the vote"), an absolute phrase
# (", her voice breaking").
_NOT_CONTENT = re.compile(r"(?:who|whom|whose|which|where|when|while|a|an|the|as|including|like|according|"
                          r"citing|than|then|before|after|during|until|upon|in|on|at|from|with|without|"
                          r"amid|following|ahead|his|her|their|its|my|our|said|says|[a-z]+ing|another|hours|"
                          r"days|weeks|months|years|minutes|moments|shortly|soon|just|once|\d+)\b", re.I)
# What a clause after the attribution may open with when it has no finite verb.
_OPENS_CLAUSE = re.compile(r"(?:and|but|because|so|yet|or|that)\s|to\s+(?!(?:the|a|an|his|her|their|its|our|"
                           r"my|reporters|journalists|applause|cheers|laughter)\b)[a-z]+\s", re.I)
# A predicate that needs a subject before the attribution: "..., Ms. Ford said, is a fine example".
_PREDICATE = re.compile(r"(?:is|are|was|were|will|would|has|have|had|can|could|should|must|may|might|"
                        r"remains?|seems?|does|did|cannot|[a-z]{3,}ed)\b")
_FINITE = re.compile(r"\b(?:that|is|are|was|were|will|would|has|have|had|can|could|should|must|"
                     r"may|might|did|does|do|not|[a-z]{3,}(?:ed|es))\b|[“\"«]")
# A verb in an introduction makes it a clause of what was said ("After being told that he
# would be charged, police said, ..."); without one it says when or where.
_CLAUSE_VERB = re.compile(r"\b(?:that|is|are|was|were|will|would|has|have|had|can|could|should|must|"
                          r"may|might|did|does|[a-z]{3,}ed)\b")
# An introduction that says how something came to be said, not what.
_OCCASION = re.compile(r"(?:(?:But|And|Yet|So)\s+)?(?:When\s+)?(?:Asked|Speaking|Commenting|Responding|"
                       r"Answering|Referring|Talking|Writing|Addressing|Pressed|Questioned|Interviewed|"
                       r"Testifying|Appearing|Turning|Touching|Reached|Contacted)\b")
# Cues whose attribution can interrupt a sentence of what was said (not "claims" read as a
# noun, not an outlet's "reported" credit line before the narrator's own sentence).
_SPEECH = frozenset("said says say told tells added adds argued argues noted notes wrote writes explained "
                    "explains insisted insists recalled recalls warned warns stressed stresses "
                    "acknowledged conceded contended suggested predicted states stated according".split())
# A condition or concession before the attribution is part of what was said, also before a
# whole quotation ("If the levy stays, Lind said, “the mill will close.”"); a time clause
# there ("While he was speaking in Miami, he said, “...”") tells when.
_CONDITION = re.compile(r"(?:(?:But|And)\s+)?(?:If|Whether|Unless|Although|Though|Even\s+if|"
                        r"Even\s+though|Because)\s")
# What a quotation after the attribution opens with when it finishes the sentence before it.
_DIRECT_GOES_ON = re.compile(r"(?:is|are|was|were|will|would|has|have|had|can|could|should|must|may|"
                             r"might|cannot|does|did|that|to)\s|[a-z]{3,}s\s")
_LEAD = re.compile(r"(?:But|And|Yet|Still|So|Now)\s+")
_AUXILIARY = re.compile(r"\b(?:that|is|are|was|were|will|would|has|have|had|can|could|should|must|"
                        r"might|may)\b")


def other_halves(text: str, s: int, e: int, local: list[Found], quotes: list[Quote]) -> list[Found]:
    """For each statement of the sentence ``text[s:e]`` whose attribution is set off by commas
    mid-sentence, the side of the sentence no statement covers yet (at most one per cue)."""
    out: list[Found] = []
    taken = [(f.start, f.end) for f in local]
    for f in local:
        if f.cue is None or f.np is None or f.inherit is not None \
                or not text[f.cue[0]].islower() or _head(text[f.cue[0]:f.cue[1]]) not in _SPEECH:
            continue
        a0, a1 = min(f.cue[0], f.np.start), max(f.cue[1], f.np.end)
        if f.start < a1 and a0 < f.end:
            continue  # the statement holds its own attribution: not this shape
        half = _after(text, f, a0, a1, e, quotes) if f.end <= a0 else _before(text, f, a0, a1, s, quotes)
        if half is None:
            continue
        cs, ce = half
        if any(a < ce and cs < b for a, b in taken) or cues.cue_index(text).between(cs, ce):
            continue
        out.append(Found(_kind(text, cs, ce, quotes), cs, ce, f.cue, f.np, "indirect:interrupted",
                         f.paragraph, clause=f.clause, source_span=f.source_span))
        taken.append((cs, ce))
    return out


def _after(text: str, f: Found, a0: int, a1: int, e: int, quotes) -> tuple[int, int] | None:
    """B in "A, X said, B" when A is the statement found."""
    if not _GAP_BEFORE.fullmatch(text, f.end, a0) or "," not in text[f.end:a0]:
        return None
    gap = _CIRCUMSTANCE.match(text, a1, e)
    if gap is None or _inside_quote(gap.end(), quotes) or _FINITE.search(text, a1, gap.end()):
        return None
    cs, ce = _trimmed(text, gap.end(), e)
    if word_count(text, cs, ce) < 3 or _NOT_CONTENT.match(text, cs):
        return None
    if f.cue[0] < f.np.start:
        # "..., said Howard, B": after an inverted speaker comes an appositive unless a
        # conjunction or a predicate shows the sentence going on
        return (cs, ce) if _OPENS_CLAUSE.match(text, cs) or _PREDICATE.match(text, cs) else None
    if f.kind == "direct":
        # '"Only you," she said, would use ...': the quotation's sentence goes on right after
        # the cue; not '"We will win," he said, and the crowd cheered' (the scene), not after a
        # circumstance (', he told supporters in Troy, N.Y., while ...') unless "that" follows
        if gap.end() - a1 > 2:
            return (cs, ce) if text.startswith("that ", cs) else None
        return (cs, ce) if _DIRECT_GOES_ON.match(text, cs) else None
    if not (_FINITE.search(text, cs, ce) or _OPENS_CLAUSE.match(text, cs)):
        return None
    return cs, ce


def _before(text: str, f: Found, a0: int, a1: int, s: int, quotes) -> tuple[int, int] | None:
    """A in "A, X said, B" when B is the statement found."""
    if not text.startswith(", ", a0 - 2) or _inside_quote(a0 - 2, quotes):
        return None
    gap = _CIRCUMSTANCE.match(text, a1, f.start + 1)
    if gap is None or text[gap.end():f.start].strip(" \"“«‘'") not in ("", "that") \
            or _FINITE.search(text, a1, gap.end()):
        return None
    if _head(text[f.cue[0]:f.cue[1]]) == "according":
        return None  # "While most were minor, according to X, two were ...": X's part is the clause
    semicolon = text.rfind(";", s, a0 - 2)
    cs, ce = _trimmed(text, semicolon + 1 if semicolon >= 0 else s, a0 - 2)
    a = text[cs:ce]
    if word_count(text, cs, ce) < 3 or _OCCASION.match(a) or a.startswith(("\"", "“", "«", "‘", "'")):
        return None
    if not _PREDICATE.match(text, f.start) and (
            f.kind == "direct" and not _CONDITION.match(a)
            or not (_CLAUSE_VERB.search(a) or _CONDITION.match(a)) or re.match(r"[A-Z][a-z]+ing\b", a)):
        # Unless what follows the cue needs A as its subject ("..., Ms. Ford said, “is a fine
        # example”"), A must be a clause of its own, and not before a whole quotation ("While he
        # was speaking in Miami, he said, “...”") or as a participle ("Dashing into the hall, X
        # called, ..."): those say when or how, not what
        return None
    bare = a[_LEAD.match(a).end():] if _LEAD.match(a) else a
    if cues.INTRO.match(bare) and "," not in bare and not _AUXILIARY.search(bare):
        return None  # "In the three years since, Lind says, ...": when, not what
    return cs, ce


def _head(cue: str) -> str:
    words = cue.lower().split()
    return words[-1] if words and words[-1] != "to" else (words[0] if words else "")


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\n":
        start += 1
    while end > start and text[end - 1] in " \t\n.":
        end -= 1
    return start, end


def _inside_quote(pos: int, quotes) -> bool:
    return any(q.open <= pos < q.outer_end for q in quotes)


def _kind(text: str, start: int, end: int, quotes) -> str:
    from quotegraph.attribute.reported import kind_for  # reported imports the attribution rules

    return kind_for(text, start, end, quotes)
