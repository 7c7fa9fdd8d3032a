"""A subject with a relative clause or a participle before a plain speech verb.

``Officials who spoke with the paper said X``, ``Democrats trying to regain the Senate say X``,
``A woman who has accused him said X``: the speaker phrase rules stop at the verb inside the
modifier, so these subjects were read as no source at all. The phrase from the clause start to
the cue is kept as the words of an unnamed source (its head is a group or a person, never a
name to resolve), and the clause after the cue is what they said.
"""

from __future__ import annotations

import re

from quotegraph.attribute import lexicon as lx
from quotegraph.attribute.mentions import SpeakerNP

MAX_WORDS = 22
MAX_HEAD_WORDS = 6

_WORD = re.compile(r"[\w’'\-.]+|[^\w\s]")
_LEADS = frozenset("but and yet even though still now so".split())
_TAIL_AUX = frozenset("have has had also would will now all still".split())
_DETERMINERS = frozenset("the some many most several other those a an another one few all these "
                         "both numerous dozens hundreds".split())
_PARTICIPLES = frozenset("interviewed surveyed polled quoted based elected named".split())
# Words that show the head is no subject of its own ("It is known that ...", "If those who ...").
_NOT_IN_HEAD = frozenset("""is was are were be been has have had do does did will would can could
should may might must that which who whom whose what when where while if because although though
not no never it this there he she they we i you said says say told to""".split())
_PERSON_HEADS = frozenset(lx.UNNAMED_SOURCE_HEADS) | frozenset(
    "man woman person republican democrat voter resident friend executive".split())
_PREPOSITIONS = frozenset("of from in at for with on across".split())
_QUANTIFIERS = frozenset("many some most several few all none one two three each both half".split())


def modified_subject(text: str, lo: int, cue_start: int) -> SpeakerNP | None:
    """The subject ``text[lo:cue_start]`` when it is a noun phrase whose head (a plural, or a
    person noun) is followed by "who"/"that" or a participle, or None. After an introduction
    set off by a comma ("While the industry cannot block it all, people who have fought other
    threats say ..."), the subject is the part after its last comma."""
    np = _modified_subject(text, lo, cue_start)
    if np is not None:
        return np
    comma = text.rfind(", ", lo, cue_start)
    if comma < 0:
        return None
    intro = [m.group().lower() for m in _WORD.finditer(text, lo, comma)]
    while intro and intro[0] in _LEADS | {","}:
        intro = intro[1:]
    if not intro or intro[0] not in _INTRO_OPENERS:
        return None  # (not "Brant, the mayor, and officials who ... said": a list, not an introduction)
    return _modified_subject(text, comma + 2, cue_start, opens_sentence=False)


# Subordinators that open an introduction whose end is a comma; not prepositions, whose object
# may run on past a comma ("In Kessa, Holt and Brant, officials who ...").
_INTRO_OPENERS = frozenset("while although though because since when whereas if unless after before".split())


def _modified_subject(text: str, lo: int, cue_start: int, *, opens_sentence: bool = True) -> SpeakerNP | None:
    toks = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, lo, cue_start)]
    while toks and toks[0][2].lower() in _LEADS:
        toks = toks[1:]
    while len(toks) > 1 and toks[-1][2].lower() in _TAIL_AUX:
        toks = toks[:-1]
    if len(toks) < 3 or len(toks) > MAX_WORDS:
        return None
    if any(not (t[2][:1].isalnum()) for t in toks):
        return None  # punctuation: an aside, a list or an introduction; other rules read those
    if toks[-1][2].lower() in ("and", "but", "or") or toks[-2][2].lower() in ("and", "but", "or"):
        return None
    r = next((k for k, t in enumerate(toks) if k > 0 and _opens_modifier(t[2])), None)
    if r is None or r > MAX_HEAD_WORDS or r == len(toks) - 1:
        return None
    head = toks[:r]
    first = head[0][2]
    if not (first[:1].isupper() or first.lower() in _DETERMINERS or not opens_sentence):
        return None
    words = [t[2].lower() for t in head]
    if any(w in _NOT_IN_HEAD for w in words):
        return None
    if len(words) > 2 and words[0] in _QUANTIFIERS and words[1] == "of":
        words = words[2:]  # "Many of the local party leaders who ...": the leaders are the head
    noun = next((words[k - 1] for k in range(1, len(words)) if words[k] in _PREPOSITIONS), words[-1])
    noun = noun.rstrip("’'s") if noun.endswith(("’s", "'s")) else noun
    if not (noun in _PERSON_HEADS or (noun.endswith("s") and not noun.endswith("ss") and len(noun) > 3)):
        return None
    start, end = toks[0][0], toks[-1][1]
    return SpeakerNP("unnamed", start, end, text[start:end], head=noun)


def _opens_modifier(word: str) -> bool:
    w = word.lower()
    return w in ("who", "that") or w in _PARTICIPLES or (
        word.islower() and w.endswith("ing") and len(w) > 5 and w not in ("during", "nothing", "something"))


# Words that open an introduction or a clause, not a subject: "In Iowa, ...", "When X, ...".
_NOT_SUBJECT_OPENERS = frozenset("""in at on to for with from by after before during when while if as
although though because since once until unless despite asked speaking about under over like
unlike among amid following according whether where what how why it there this""".split())
MAX_ASIDE_WORDS = 30


def subject_before_aside(text: str, lo: int, cue_start: int) -> SpeakerNP | None:
    """``Several candidates, including Trump, said X``, ``Powell's office, when contacted,
    said X``: the phrase before the first comma of ``text[lo:cue_start]`` when an aside set off
    by commas runs from there to the cue. The speaker rules read the phrase first (a name or a
    role); otherwise it is kept as the words of an unnamed source."""
    from quotegraph.attribute.mentions import speaker_before
    from quotegraph.attribute.relative_subject import relative_clause_subject

    if (np := relative_clause_subject(text, lo, cue_start)) is not None:
        return np  # "The Minister who ... on the attack, today says X"
    toks = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, lo, cue_start)]
    while toks and toks[0][2].lower() in _LEADS:
        toks = toks[1:]
    while toks and toks[-1][2].lower() in _TAIL_AUX:
        toks = toks[:-1]
    if len(toks) < 4 or toks[-1][2] != ",":
        return None
    first = next((k for k, t in enumerate(toks) if t[2] == ","), None)
    if first is None or first == len(toks) - 1 or not 1 <= first <= 8:
        return None
    head, aside = toks[:first], toks[first + 1:-1]
    if not aside or len(aside) > MAX_ASIDE_WORDS or any(t[2] in ".;:!?" for t in aside):
        return None
    words = [t[2].lower() for t in head]
    if words[0] in _NOT_SUBJECT_OPENERS or any(w in _NOT_IN_HEAD for w in words):
        return None
    if not (head[0][2][:1].isupper() or words[0] in _DETERMINERS or words[0] in ("his", "her", "their", "its")):
        return None
    if any(not t[2][:1].isalnum() for t in head):
        return None
    start, end = head[0][0], head[-1][1]
    np = speaker_before(text, start, toks[first][0] + 1)
    if np is not None and np.start == start and np.kind in ("name", "role", "institution", "pronoun"):
        return np
    return SpeakerNP("unnamed", start, end, text[start:end], head=words[-1])


# A poll's share as the subject: "67 percent of voters say", "a majority of Americans say",
# "as many as 40 percent of Clinton voters said", "two-thirds of Republicans said".
_SHARE = (r"(?:(?:about|nearly|almost|only|just|roughly|some|fully|as\s+many\s+as|more\s+than|less\s+than|"
          r"fewer\s+than|over|under|As\s+many\s+as)\s+)?"
          r"(?:\d+(?:\.\d+)?\s*(?:%|percent)|a\s+(?:majority|minority|third|quarter|fifth|plurality)|"
          r"(?:one|two|three|four)[- ](?:thirds?|quarters?|fifths?)|half|majorities|"
          r"(?:one|two|three|four|five|six|seven|eight|nine|\d)\s+(?:in|out\s+of)\s+(?:10|ten|five|\d+))")
_POLL_SUBJECT = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=[,(—–;:])\s*|(?<=\s)(?:which|that|whom|while|after|as|with|and|but|though|although|when|where|"
    r"because|since|if|whereas)\s+)(?P<np>" + _SHARE +
    r"(?:\s+of\s+(?:the\s+|those\s+|all\s+)?[^,;:()\"“”]{1,70}?)?)\s+(?:(?:have|has|had|also|now|still)\s+)*$")


def poll_share(text: str, lo: int, cue_start: int) -> SpeakerNP | None:
    """A poll's share before a plain speech cue, after a clause boundary, or None."""
    m = _POLL_SUBJECT.search(text, max(lo, cue_start - 120), cue_start)
    if m is None:
        return None
    start, end = m.span("np")
    if any(w in ("is", "are", "was", "were", "said", "say", "says") for w in text[start:end].lower().split()):
        return None
    return SpeakerNP("unnamed", start, end, text[start:end], head=text[start:end].split()[-1].lower())
