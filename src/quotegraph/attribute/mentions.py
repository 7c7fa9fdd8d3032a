"""Speaker noun phrases next to a cue: names with titles, pronouns, role nouns, institutions, unnamed sources.

No parser: the phrase is read token by token outward from the cue ("Russian Foreign Ministry
Spokeswoman Maria Zakharova | told"), and classified by the word lists in ``lexicon``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from quotegraph.attribute import lexicon as lx
from quotegraph.attribute.documents import document_subject
from quotegraph.attribute.name_openings import GIVEN_MONTHS, age_prefix, is_age, month_is_given_name

_TOKEN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-žА-яЁё0-9][\w’'\-\.]*|[,:;()—–]|--|(?<=\s)-(?=\s)")
_KEEP_DOT = frozenset("mr mrs ms dr st jr sr gen col lt sen rep gov prof sgt capt adm".split())
_CONNECTORS = frozenset({"of", "the", "for", "and", "on", "to", "de", "von", "der", "van", "bin",
                         "al", "la", "le", "du", "da", "di", "del", "ibn"})
_NAME_PARTICLES = frozenset({"von", "der", "van", "de", "bin", "al", "la", "le", "du", "da",
                             "di", "del", "ibn", "ben"})
_ROLE_ADJ = frozenset("""
top chief senior junior deputy foreign first acting former current new outgoing incoming
russian kazakh kazakhstani kyrgyz uzbek tajik turkmen belarusian armenian azerbaijani georgian
ukrainian chinese american us u.s. british french german turkish indian iranian japanese
european eu official presidential press vice prime defence defense interior finance economy
trade justice security national special permanent high state main leading veteran
local regional independent opposition political prominent retired
""".split())
_ROLE_NOUNS = frozenset(h.split()[-1] for h in lx.ROLE_HEADS) | {
    "ministry", "kremlin", "department", "government", "office", "administration", "commission",
    "embassy", "mission", "spokesperson", "secretary", "leader", "president", "diplomat",
}
_HONORIFIC_TITLES = frozenset("mr mr. mrs mrs. ms ms. dr dr. sir".split())
_PERSON_NOUNS = frozenset(h.split()[-1] for h in lx.ROLE_HEADS)
_UNNAMED = frozenset(lx.UNNAMED_SOURCE_HEADS)
_INDEFINITE = frozenset({"a", "an", "one", "two", "three", "several", "some", "many", "other",
                         "another", "unnamed", "anonymous", "various", "multiple", "numerous"})
_POSSESSIVE = re.compile(r"^(?P<owner>[A-Z][\w\-’']*?)[’']s?$")
_POSSESSIVE_SUFFIX = re.compile(r"[’']s?$")
_INITIAL = re.compile(r"[A-Z]\.")
_LEADING_ADVERBS = frozenset({"Even", "Only", "Now", "Also", "Just", "Then", "Still", "Yet"})
_PARTY_MEMBERS = frozenset({"democrat", "democrats", "republican", "republicans", "conservative",
                            "conservatives", "liberal", "liberals"})  # "another Ohio Republican"
_VERB_WORDS = frozenset(v for v in lx.REPORTING_VERBS if " " not in v)
_ORG_NOUNS = frozenset("""
party campaign group committee organization organisation company firm union bloc alliance
coalition network newspaper paper agency office team council board court government
administration ministry department embassy statement report letter survey poll study document
communique communiqué declaration resolution memo website spokesperson spokesman spokeswoman
""".split())
_SPOKESMAN_ABBREVIATIONS = frozenset({"pms", "pmos", "pmoss"})
_DIPLOMACY = re.compile(r"\b(?:diplomacy|diplomatic service|foreign ministry|foreign affairs)\b", re.I)
_ASIDES = frozenset("however meanwhile though too also instead nevertheless furthermore moreover".split())
_ASIDE_PHRASES = frozenset({"for its part", "for his part", "for her part", "for their part", "in turn",
                            "in his turn", "in her turn", "in its turn", "in response", "in return",
                            "in particular", "for example", "in addition", "at the same time"})
_DOCUMENTS = frozenset("statement communique communiqué declaration letter note readout".split())
_WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
_TIME_NOUNS = frozenset("week month year morning evening night day weekend".split())
_TIME_OPENERS = frozenset("last this next on that".split())
_SUBORDINATORS = frozenset("""while as when although though because since if so after before once
until whereas and but that where why""".split())
_SUBJECT_OPENERS = frozenset({"the", "a", "an", "some", "many", "most", "several", "two", "three",
                              "four", "current", "former", "other", "senior", "top", "his", "her",
                              "their", "its"})
_OPENING_ADVERBS = frozenset("""Then Later Earlier Meanwhile However Also Previously Afterwards
Separately Additionally Subsequently Finally First Second Third Now Today Yesterday Instead
Likewise Similarly Moreover Furthermore Nevertheless Still Recently""".split())
_PREPOSITIONS = frozenset({"of", "for", "at", "in", "on", "from", "with", "to", "close", "familiar"})
_CLAUSE_WORDS = frozenset("""
is was are were be been being has have had do does did will would can could should may might must
that which who whom whose what when where while if because although though not no never also
""".split())
_INTRO_START = re.compile(r"(?:In|At|On|During|Speaking|Addressing|Commenting|Answering|Writing|Earlier|Later)\b")
_TITLE = lx.TITLE_WORDS | {a.lower() for a in lx.NATIONALITY_ADJECTIVES}


@dataclass(frozen=True)
class SpeakerNP:
    """A speaker mention found next to a cue.

    ``kind``: ``name`` | ``pronoun`` | ``role`` | ``institution`` | ``unnamed``.
    ``name`` is the personal-name part of a ``name`` mention ("Maria Zakharova"); ``title`` is
    the role words the text gives ("Russian Foreign Ministry Spokeswoman"); ``head`` is the role
    noun for ``role`` mentions ("top diplomat").
    """

    kind: str
    start: int
    end: int
    text: str
    name: str | None = None
    title: str | None = None
    head: str | None = None


def tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Word tokens with offsets; a sentence-final period is not part of a name ("Lavrov."),
    but abbreviations and initials keep theirs ("Mr.", "U.S.", "J.").

    The rules ask for the same window before a cue several times (the quote rule, the
    reported rule, the scorer's candidates): the windows of the text being read are kept, and
    a new list of the same tokens is given each time."""
    windows = _memo(text)
    known = windows.get((start, end))
    if known is not None:
        return list(known)
    out = _tokens(text, start, end)
    windows[start, end] = tuple(out)
    return out


# The text being read and what was worked out on it: token windows under (start, end) and
# speaker phrases before a cue under ("before", lo, cue_start). One text at a time; holding
# the text keeps its identity from being reused by another string.
_seen: list[tuple[str, dict]] = []


def _memo(text: str) -> dict:
    entry = _seen[0] if _seen else None  # read once: another thread may switch texts
    if entry is not None and entry[0] is text:
        return entry[1]
    memo: dict = {}
    _seen[:] = [(text, memo)]
    return memo


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    out = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]
    for k, (s, e, w) in enumerate(out):
        if w[-1] == "." and len(w) > 2 and w.count(".") == 1 and w[:-1].lower() not in _KEEP_DOT:
            out[k] = (s, e - 1, w[:-1])
        elif w in ("--", "-"):
            out[k] = (s, e, "—")  # the typewriter dash of US copy is a dash
    return out


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper()


_ABBREVIATION = re.compile(r"[A-Z][A-Z0-9\-]+|[RDI]-[A-Z][\w\.]*")


def _without_abbreviations(toks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop a bracketed abbreviation inside a speaker phrase: "Rep. Jason Chaffetz (R-Utah)",
    "the State Committee for National Security (SCNS) of Tajikistan"."""
    out: list[tuple[int, int, str]] = []
    k = 0
    while k < len(toks):
        if toks[k][2] == "(" and k + 2 < len(toks) and toks[k + 2][2] == ")" \
                and _ABBREVIATION.fullmatch(toks[k + 1][2]):
            k += 3
            if k == len(toks) - 1 and toks[k][2] == ",":
                k += 1  # "Sen. Jack Reed (D-R.I.), said": the comma closes the bracket
            continue
        out.append(toks[k])
        k += 1
    return out


def speaker_before(text: str, lo: int, cue_start: int) -> SpeakerNP | None:
    """The speaker phrase that ends right before a cue in ``text[lo:cue_start]``, if any.

    A pure function of its arguments, asked again for the same cue by several rules (a
    quarter of the calls): the answers for the text being read are kept."""
    memo = _memo(text)
    key = ("before", lo, cue_start)
    if key in memo:
        return memo[key]
    np = memo[key] = _speaker_before(text, lo, cue_start)
    return np


def _speaker_before(text: str, lo: int, cue_start: int) -> SpeakerNP | None:
    doc = document_subject(text, lo, cue_start)
    np = _document_np(text, *doc) if doc is not None else None
    if np is not None:
        return np  # (an issuer it cannot read, "The statement by the two", is read as before)
    toks = tokens(text, max(lo, cue_start - 160), cue_start)
    if toks and toks[0][0] < lo:
        toks = [t for t in toks if t[0] >= lo]
    if ")" in text[max(lo, cue_start - 160):cue_start]:
        toks = _without_abbreviations(toks)
    toks = _after_dateline(toks)
    i = len(toks) - 1
    while i >= 0:
        w = toks[i][2]
        if w.lower() in lx.CUE_MODIFIERS or w in _WEEKDAYS:
            i -= 1
        elif w.lower() in _TIME_NOUNS and i >= 1 and toks[i - 1][2].lower() in _TIME_OPENERS:
            i -= 2  # "on Tuesday said", "last week said", "earlier this month said"
            if i >= 0 and toks[i][2].lower() in ("earlier", "later") :
                i -= 1
        elif w in _WEEKDAYS or (w.lower() in ("on",) and i + 1 < len(toks) and toks[i + 1][2] in _WEEKDAYS):
            i -= 1
        else:
            break
    if i >= 0 and toks[i][2].lower() == "on":
        i -= 1
    if i >= 0 and toks[i][2].lower() == "to":
        return None  # "wanted to warn that": an infinitive, nothing was said
    if i >= 2 and toks[i][2] == "," and toks[i - 1][2].lower() in _ASIDES and toks[i - 2][2] == ",":
        i -= 3  # "Protesters, however, claim": the aside is not part of the speaker
    elif i >= 4 and toks[i][2] == ",":
        for n in (3, 2):  # "The border service, for its part, blames": a longer aside
            if i - n - 1 >= 0 and toks[i - n - 1][2] == "," and \
                    " ".join(t[2].lower() for t in toks[i - n:i]) in _ASIDE_PHRASES:
                i -= n + 2
                break
    if i < 0:
        return None
    np = _phrase_ending_at(text, toks, i)
    if np is None:
        np = _name_of_place(text, toks, i) or _before_circumstance(text, toks, i)
    if np is None and toks[i][2] == ",":
        np = _long_appositive(text, lo, toks, i)
    if np is None and _is_cap(toks[i][2]):
        np = _loose_before(text, lo, toks, i)
    return np


def _after_dateline(toks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop an agency word in capitals glued before the subject: "ASTANA. KAZINFORM The Ministry
    of Foreign Affairs said" (the dateline's city ends a "sentence" of its own)."""
    k = 0
    while k < len(toks) - 1 and len(toks[k][2]) > 2 and toks[k][2].isupper() and toks[k][2].isalpha():
        k += 1
    return toks[k:] if 0 < k < len(toks) and toks[k][2] == "The" else toks


def _document_np(text: str, doc: tuple[int, int], who: tuple[int, int] | None) -> SpeakerNP | None:
    """The issuer a document phrase names ("the statement of the Ministry": the Ministry), else
    the document itself, whose issuer resolution finds earlier ("a statement issued on Monday")."""
    if who is None:
        return SpeakerNP("unnamed", doc[0], doc[1], text[doc[0]:doc[1]], head="statement")
    toks = tokens(text, *who)
    np = _classify(text, toks) if toks else None
    return np if np is not None and np.kind in ("institution", "name", "role") else None


document_np = _document_np  # for the quotation rules ('“...,” reads the statement of X')


_CLAUSE_OPENERS = frozenset("and but while as when although though because since after before if "
                            "that so yet".split())


def _loose_before(text: str, lo: int, toks: list[tuple[int, int, str]], i: int) -> SpeakerNP | None:
    """``Sanders campaign manager Ed Pike replied``, ``super PAC spokeswoman Ann Roe said``: a
    name after a title with lowercase words the lexicon does not list. The title must open the
    clause (sentence start, punctuation or a conjunction before it)."""
    k = i
    while k > 0 and i - k < 3 and _is_cap(toks[k - 1][2]) and toks[k - 1][2] not in ",;:()—–" \
            and not _POSSESSIVE.match(toks[k - 1][2]):
        k -= 1
    named = None
    while named is None and i - k >= 1:
        named = _bare_name(text, toks[k:i + 1])
        if named is None:
            k += 1
    if named is None:
        return None
    m = k
    lowercase = False
    while m > 0 and k - m < 6:
        w = toks[m - 1][2]
        lw = w.lower()
        if w in ",;:()—–" or not (w.replace("’", "'").replace("'", "").replace("-", "").isalpha()
                                   or w.lower() in _TITLE):
            break
        if not _is_cap(w) and lw in _NOT_TITLE_WORDS:
            break
        lowercase = lowercase or not _is_cap(w)
        m -= 1
    if not lowercase or m == k:
        return None
    if m > 0 and toks[m - 1][2].lower() in ("the", "a", "an"):
        m -= 1
    if m > 0 and toks[m - 1][2] not in ",;:()—–" and toks[m - 1][2].lower() not in _CLAUSE_OPENERS:
        return None
    if m == 0 and text[lo:toks[0][0]].strip(" \t\n\"“”‘’'"):
        return None
    start = toks[m][0]
    if toks[m][2].lower() in _CLAUSE_OPENERS or toks[m][2] in _OPENING_ADVERBS:
        return None
    return SpeakerNP("name", start, named.end, text[start:named.end], name=named.name,
                     title=text[start:toks[k - 1][1]])


_RELATIVE_OPENERS = frozenset({"who", "whose", "whom", "which"})


def _long_appositive(text: str, lo: int, toks: list[tuple[int, int, str]], i: int) -> SpeakerNP | None:
    """``Dana Reyes, a nurse from Tolland, Connecticut, said``, ``Ira Holm, 40, of Salem, who
    runs a bakery, said``: a name opening the sentence, then a description with commas of its
    own. Each comma piece must be a description (no verb), or a relative clause."""
    k = 0
    if toks and toks[0][2] in ("But", "And", "Yet", "Still"):
        k = 1
    if k >= i or text[lo:toks[0][0]].strip(" \t\n\"“”‘’'") or toks[k][2] == ",":
        return None
    c = k
    while c < i and toks[c][2] != ",":
        c += 1
    if c >= i or c == k or i - c > 45:
        return None
    pieces: list[list[str]] = [[]]
    for t in toks[c + 1:i]:
        if t[2] in ";:()—–":
            return None
        if t[2] == ",":
            pieces.append([])
        else:
            pieces[-1].append(t[2].lower())
    if len(pieces) < 2 or any(not p for p in pieces):
        return None
    relative = False
    for p in pieces:
        if p[0] in _RELATIVE_OPENERS:
            relative = True
            if any(w in _VERB_WORDS for w in p):
                return None
        elif p[0] in ("and", "or", "but") or any(w in _CLAUSE_WORDS or w in _VERB_WORDS for w in p):
            return None
    sub = toks[k:c]
    head = _phrase_ending_at(text, sub, len(sub) - 1) or _name_of_place(text, sub, len(sub) - 1)
    if head is None or head.start != toks[k][0]:
        return None
    if head.kind == "name":
        return SpeakerNP("name", head.start, head.end, head.text, name=head.name,
                         title=head.title or text[toks[c + 1][0]:toks[i - 1][1]])
    return head if relative and head.kind in ("role", "unnamed") else None


def _name_of_place(text: str, toks: list[tuple[int, int, str]], i: int) -> SpeakerNP | None:
    """``Foreign Minister Lena Holt of Norland said``, ``Representative Raul Grijalva of Arizona
    said``: a titled name, then "of" and the place it is of."""
    for k in range(i - 1, max(0, i - 4), -1):
        if toks[k][2] == "of":
            if not all(_is_cap(t[2]) for t in toks[k + 1:i + 1]) or k == 0:
                return None
            np = _phrase_ending_at(text, toks, k - 1)
            if np is None or np.kind != "name" or (" " not in np.name and not np.title):
                return None  # (not "Half of Vermont Democrats")
            end = toks[i][1]
            return SpeakerNP("name", np.start, end, text[np.start:end], name=np.name,
                             title=np.title or None)
        if not _is_cap(toks[k][2]):
            return None
    return None


def embedded_speaker(text: str, lo: int, cue_start: int) -> SpeakerNP | None:
    """``an accusation Nykyforov said was better directed at Moscow``: a name between a noun and
    the cue of a reduced relative clause. Only a name or an institution; the caller checks that
    a verb follows the cue."""
    toks = [t for t in tokens(text, max(lo, cue_start - 80), cue_start) if t[0] >= lo]
    j = len(toks)
    while j > 0 and _is_cap(toks[j - 1][2]) and len(toks) - j < 4:
        j -= 1
    if j == len(toks) or j == 0:
        return None
    before = toks[j - 1][2]
    if not before.isalpha() or not before.islower() or before in _PREPOSITIONS or before in _CONNECTORS \
            or before in _INDEFINITE or before in ("a", "an", "the", "and", "or", "but", "that"):
        return None
    np = _classify(text, toks[j:])
    return np if np is not None and np.kind in ("name", "institution") else None


_CIRCUMSTANCE_PREPS = frozenset("during at in on after following before upon".split())
_CIRCUMSTANCE_DETS = frozenset("his her its their the a an".split())


def _before_circumstance(text: str, toks: list[tuple[int, int, str]], i: int) -> SpeakerNP | None:
    """``Prime Minister Nikol Pashinyan during his visit to Artsakh said``: a circumstance
    between the speaker and the cue; the speaker is the named phrase before it."""
    k = i
    while k > 0 and i - k < 10 and toks[k][2] not in ",;:()—–":
        if toks[k][2] in _CIRCUMSTANCE_PREPS and k < i and toks[k + 1][2].lower() in _CIRCUMSTANCE_DETS \
                and _is_cap(toks[k - 1][2]):
            np = _phrase_ending_at(text, toks, k - 1)
            if np is not None and np.kind in ("name", "institution"):
                return np
            return None
        k -= 1
    return None


_GENERIC_STOP = frozenset(",;:()—–\"“”«»")
_NOT_SUBJECT_START = frozenset("""it there this these those what how why where when which who he she
they we i you his her their its our my your as if so to and but or""".split())


_GENERIC_AUX = frozenset("have has had also would will later since previously repeatedly".split())
_GENERIC_OPENERS = frozenset("while though although because whereas since when as and but yet even".split())
# A poll's share or its respondents: "22 percent", "36 percent of Democrats", "49%", "majorities
# in all five", "those surveyed", "those who back her opponents".
_POLLED = re.compile(r"(?:\d[\d.,%\-]*|half|most|majorities|a majority|a number)\b|those (?:surveyed|polled|"
                     r"asked|questioned|interviewed|who \w+(?: \w+){0,4}$)")


def generic_subject(text: str, lo: int, cue_start: int) -> SpeakerNP | None:
    """The subject of a plain speech cue when no speaker phrase is recognised: "Six in ten
    voters said", "Most analysts in the region say". An unnamed source: the words are kept,
    no speaker is named. Only a short phrase that opens its clause and holds no verb of its own."""
    toks = tokens(text, max(lo, cue_start - 100), cue_start)
    toks = [t for t in toks if t[0] >= lo]
    while len(toks) > 1 and toks[-1][2].lower() in _GENERIC_AUX:
        toks = toks[:-1]  # "Many prominent Republicans have (also) said"
    j = len(toks)
    while j > 0 and toks[j - 1][2] not in _GENERIC_STOP and len(toks) - j < 10:
        j -= 1
    phrase = toks[j:]
    while len(phrase) > 1 and (phrase[0][2] in ("But", "And", "Yet", "Still")
                               or phrase[0][2].lower() in _GENERIC_OPENERS) and (
            j == 0 or toks[j - 1][2] in ",;:—–(" or toks[j - 1][2].lower() in _GENERIC_OPENERS):
        phrase = phrase[1:]  # "But many Democrats say", "while 22 percent said": the
        j += 1               # conjunction opens the clause
    if len(phrase) >= 2 and phrase[0][2].lower() in ("many", "much") and phrase[1][2].lower() == "as" \
            and j > 0 and toks[j - 1][2].lower() == "as":  # (the loop above took the first "as")
        return None  # "as many as 40 percent of voters said": a share, read by subjects.poll_share
    if not phrase or len(phrase) > 9 or (j > 0 and toks[j - 1][2] not in ",;:—–(" and
                                         toks[j - 1][2] not in ("But", "And", "Yet", "Still")
                                         and toks[j - 1][2].lower() not in _GENERIC_OPENERS):
        return None
    words = [t[2].lower() for t in phrase]
    polled = _POLLED.match(" ".join(words)) is not None
    if j > 0 and toks[j - 1][2] == "," and not _INTRO_START.match(text[lo:toks[j - 1][0]].lstrip()) \
            and not polled:
        return None  # after a comma only when an introduction ("In Iowa, ...") ends there,
        # or for a poll's share ("For Trump voters, 74 percent said")
    if polled and words[0] == "those":
        start, end = phrase[0][0], phrase[-1][1]
        return SpeakerNP("unnamed", start, end, text[start:end], head=words[-1])
    if words[0] in _NOT_SUBJECT_START or any(w in _CLAUSE_WORDS for w in words) \
            or any(w in lx.PRONOUNS or w in ("he", "she", "they", "we", "i") for w in words):
        return None
    if words[-1] in lx.CUE_MODIFIERS or words[-1] in _PREPOSITIONS or words[-1] in _CONNECTORS \
            or _POSSESSIVE_SUFFIX.search(words[-1]) or words[-1] in ("the", "a", "an"):
        return None  # not "Russia's claim that ...": a noun, not a verb
    start, end = phrase[0][0], phrase[-1][1]
    return SpeakerNP("unnamed", start, end, text[start:end], head=words[-1])


def speaker_after(text: str, cue_end: int, hi: int) -> SpeakerNP | None:
    """The speaker phrase that starts right after a cue ("..., said Lavrov") in ``text[cue_end:hi]``."""
    toks = tokens(text, cue_end, min(hi, cue_end + 200))
    if not toks:
        return None
    first = toks[0][2]
    if first in lx.PRONOUNS or first.lower() in ("he", "she") or first in lx.OBJECT_PRONOUNS:
        return SpeakerNP("pronoun", toks[0][0], toks[0][1], first)
    # Extend to the end of the phrase: stop at punctuation or a lowercase non-connector word
    # (the start of a relative clause or a prepositional phrase: "said Lavrov in an interview").
    j = 0
    while j < len(toks):
        w = toks[j][2]
        if w in ",:;()—–":
            break
        if not _is_cap(w) and w.lower() not in _CONNECTORS and w.lower() not in _ROLE_ADJ \
                and w.lower() not in _ROLE_NOUNS and w.lower() not in _UNNAMED \
                and w.lower() not in _INDEFINITE:
            break
        if w.lower() in ("in", "at", "on", "during") and j > 0:
            break
        j += 1
    while j > 0 and toks[j - 1][2].lower() in _CONNECTORS:
        j -= 1
    lone = toks[0][2].lower() in _INDEFINITE and toks[0][2].lower() != "another"  # (not "said a")
    np = _classify(text, toks[:j]) if j > lone else None
    if j >= 3 and (np is None or (np.kind == "name" and np.title and " of " in f" {np.title} ")):
        # "said Gov. Ada Quist of Vermont": the titled name, then "of" and its place (not the
        # name "Trust" with the title "Ben Carson of the Harbour")
        k = max((n for n in range(1, j - 1) if toks[n][2] == "of"), default=0)
        head = _classify(text, toks[:k]) if k and _is_cap(toks[j - 1][2]) and all(
            _is_cap(t[2]) or t[2].lower() in _CONNECTORS for t in toks[k + 1:j]) else None
        # (also "said Ada Quist of the Harbour Trust": a determiner inside the place or body)
        if head is not None and head.kind == "name":
            end = toks[j - 1][1]
            np = SpeakerNP("name", head.start, end, text[head.start:end], name=head.name, title=head.title)
    if np is None or (np.kind == "name" and j < len(toks) and toks[j][2].isalpha() and toks[j][2].islower()
                      and toks[j][2] not in _NOT_TITLE_WORDS):
        # (a name cut short by a lowercase title word: "Ohio State University professor Ann Lee")
        loose, k = _loose_after(text, toks)
        if loose is not None and (np is None or k > j):
            np, j = loose, k
        if np is None:
            return None
    if np is not None and np.kind in ("role", "unnamed") and j < len(toks) and toks[j][2] == ",":
        # "..., said the President's spokesperson, Vincent Magwenya."
        k = j + 1
        while k < len(toks) and toks[k][2] not in ",:;()—–" and _is_cap(toks[k][2]):
            k += 1
        named = _bare_name(text, toks[j + 1:k]) if k - j - 1 <= 4 and (
            k == len(toks) or toks[k][2] in ",;") else None
        if named is not None and (k == len(toks) or text[toks[k - 1][1]:toks[k - 1][1] + 1] in ",."):
            return SpeakerNP("name", np.start, named.end, text[np.start:named.end],
                             name=named.name, title=np.text)
    return np


# Heads that make "said the same" or "said the other day" no speaker.
_NOT_DESCRIPTION_HEADS = frozenset("same other day week month year time following next last most least "
                                   "rest latter former first second third way case end".split())
_DESCRIPTION_PREPOSITIONS = frozenset({"of", "for", "to", "at", "with", "from", "in", "on", "close"})
_LOOSE_FOLLOWERS = frozenset({",", ";", ":", "—", "–", "(", "who", "familiar", "close"})
_NOT_TITLE_WORDS = _CLAUSE_WORDS | _VERB_WORDS | _PREPOSITIONS | _CONNECTORS | frozenset(
    lx.CUE_MODIFIERS) | frozenset("a an tonight afterward afterwards there here".split())


def _loose_after(text: str, toks: list[tuple[int, int, str]]) -> tuple[SpeakerNP | None, int]:
    """After the cue, the speaker forms the lexicon does not list: a lowercase title before a
    name ("said pollster Ada Quist", "campaign manager Ed Pike said") and an indefinite
    description ("said one Ohio Democrat", "said a veteran strategist"). The phrase must end
    the sentence or meet a comma, a dash or a relative clause, so "said a new law would"
    is no speaker. Returns the phrase and how many tokens it took."""
    def ends_at(j: int) -> bool:
        return j == len(toks) or toks[j][2].lower() in _LOOSE_FOLLOWERS
    if toks[0][2].lower() in _INDEFINITE:
        j = 1
        while j < len(toks) and j <= 6:
            w = toks[j][2]
            if not (w.isalpha() or "-" in w) or (w.lower() in _NOT_TITLE_WORDS and not _is_cap(w)):
                break
            j += 1
            if text.startswith(".", toks[j - 1][1]):
                break  # the sentence ends here
        if j >= 2 and ends_at(j) and toks[j - 1][2].isalpha():
            start, end = toks[0][0], toks[j - 1][1]
            return SpeakerNP("unnamed", start, end, text[start:end], head=toks[j - 1][2].lower()), j
        if j < len(toks) and toks[j][2] in _DESCRIPTION_PREPOSITIONS and toks[j - 1][2].isalpha() \
                and not text.startswith(".", toks[j - 1][1]):
            # "said one of those advisers, who ...", "said a strategist for one of the campaigns,
            # speaking ...", "said one owner of a shop that sells ...": the description goes on
            # in a short prepositional phrase; its head is the word before the preposition
            head = toks[j - 1][2].lower() if j >= 2 else None
            k = j + 1
            while k < len(toks) and k - j <= 7:
                w = toks[k][2]
                if not (w.isalpha() or "-" in w or w.endswith(("'s", "’s"))) or (
                        w.islower() and w in _CLAUSE_WORDS | _VERB_WORDS):
                    break
                k += 1
                if text.startswith(".", toks[k - 1][1]) and len(toks[k - 1][2]) > 1:
                    break
            if head is None and k > j + 1:
                head = toks[k - 1][2].lower()  # "one of those advisers"
            if k > j + 1 and head and (ends_at(k) or toks[k][2] in ("that", "speaking")) \
                    and toks[k - 1][2].isalpha():
                start, end = toks[0][0], toks[k - 1][1]
                return SpeakerNP("unnamed", start, end, text[start:end], head=head), k
        return None, 0
    if toks[0][2].lower() == "the" and len(toks) >= 2:
        # "“...,” said the second official." / "said the 46-year-old, who ...": a definite
        # description that ends the sentence or meets a comma; the lexicon's roles are taken
        # as roles, any other lowercase head is kept as the words of an unnamed source.
        j = 1
        while j < len(toks) and j <= 5:
            w = toks[j][2]
            if not (w.isalpha() or "-" in w) or (w.lower() in _NOT_TITLE_WORDS and not _is_cap(w)):
                break
            j += 1
            if text.startswith(".", toks[j - 1][1]):
                break
        head = toks[j - 1][2]
        if j >= 2 and ends_at(j) and (head.islower() or "-" in head) and head not in _NOT_DESCRIPTION_HEADS:
            np = _classify(text, toks[:j])
            if np is not None and np.kind in ("role", "unnamed", "name"):
                return np, j
            start, end = toks[0][0], toks[j - 1][1]
            return SpeakerNP("unnamed", start, end, text[start:end], head=head.lower()), j
        return None, 0
    # The title: up to five words, at least one of them lowercase ("Concord resident", "Ohio
    # State University professor"); the name is the capitalised run after its last lowercase word.
    j, last_lower = 0, -1
    while j < len(toks) and j < 8 and toks[j][2].replace("’", "").replace("'", "").isalpha() \
            and not (toks[j][2].islower() and toks[j][2] in _NOT_TITLE_WORDS):
        if toks[j][2].islower():
            last_lower = j
        j += 1
    j = last_lower + 1
    if j == 0 or j > 5:
        return None, 0
    k = j
    while k < len(toks) and k - j < 4 and _is_cap(toks[k][2]) and toks[k][2] not in ",;:()—–":
        k += 1
        if text.startswith(".", toks[k - 1][1]) and len(toks[k - 1][2]) > 1:
            break  # "Luntz." ends the sentence; "J." is an initial
    if k - j < 2 or not (k == len(toks) or toks[k][2].lower() in _LOOSE_FOLLOWERS
                         or (toks[k][2].isalpha() and toks[k][2].islower())):
        return None, 0
    named = _bare_name(text, toks[j:k])
    if named is None:
        titled = _titled_name(toks[j:k], text[toks[j][0]:toks[k - 1][1]], toks[j][0], toks[k - 1][1])
        if titled is None or titled.kind != "name" or " " not in titled.name:
            return None, 0
        named = titled  # "hopeful Sen. Ted Cruz": a title word opens the name's run
    start = toks[0][0]
    return SpeakerNP("name", start, named.end, text[start:named.end], name=named.name,
                     title=text[start:toks[j - 1][1]]), k


def _bare_name(text: str, toks: list[tuple[int, int, str]]) -> SpeakerNP | None:
    """``toks`` as a personal name without a title (two to four capitalised words), or None."""
    if not 2 <= len(toks) <= 4 or toks[0][2] in lx.NON_NAME_WORDS:
        return None
    np = _titled_name(toks, text[toks[0][0]:toks[-1][1]], toks[0][0], toks[-1][1])
    if np is None or np.kind != "name" or (np.title and np.title.lower() not in _HONORIFIC_TITLES):
        return None
    return np


# Words after which "he"/"she" opens a clause: "and he said", "Though she said ...".
_PRONOUN_OPENERS = frozenset("and but that though although while because since after before once as where "
                             "when if yet".split())


_TIME_INTRO = frozenset("On In At Last This Earlier Later Then Now Yesterday Today Afterward Afterwards "
                        "Meanwhile Still Previously".split())
_TIME_WORDS = _WEEKDAYS | _TIME_NOUNS | frozenset("""January February March April May June July August
September October November December night morning afternoon evening the a last this that day
week weeks month months year years ago earlier later""".split())


def _time_before(toks: list[tuple[int, int, str]], i: int) -> bool:
    """``On Monday he said``, ``Later that day she said``: a time introduction with no comma
    opens the clause before the pronoun."""
    j = i
    while j > 0 and toks[j - 1][2] not in ",;:—–(" and i - j < 4:
        j -= 1
    if j > 0 and toks[j - 1][2] not in ",;:—–(" or j == i or toks[j][2] not in _TIME_INTRO:
        return False
    return all(t[2] in _TIME_WORDS or t[2].isdigit() for t in toks[j + 1:i])


def _phrase_ending_at(text: str, toks: list[tuple[int, int, str]], i: int) -> SpeakerNP | None:
    last = toks[i][2]
    if last in lx.PRONOUNS:
        if i == 0 or toks[i - 1][2] in ",;:—–(" or toks[i - 1][2].lower() in _PRONOUN_OPENERS \
                or _time_before(toks, i):
            return SpeakerNP("pronoun", toks[i][0], toks[i][1], last)
        return None
    if last in ("it", "It"):
        # "“...,” it adds", "It said the talks would resume": an institution or its statement
        # speaking, resolved to whoever issued it (quotegraph.resolve.speakers._issuer)
        if i == 0 or toks[i - 1][2] in ",;:—–" or toks[i - 1][2].lower() in ("and", "but"):
            return SpeakerNP("pronoun", toks[i][0], toks[i][1], last)
        return None
    if last in ",)":
        return _appositive(text, toks, i)
    if last in "—–" and i >= 2:
        return _dash_aside(text, toks, i)
    if last.lower() == "who" and i >= 2 and toks[i - 1][2] == ",":
        return _relative(text, toks, i - 2) or _unnamed_antecedent(text, toks, i - 2)
    j = i
    while j >= 0:
        w = toks[j][2]
        lw = _POSSESSIVE_SUFFIX.sub("", w.lower())
        if w in ",:;()—–":
            break
        if _is_cap(w) or lw in _ROLE_ADJ or lw in _ROLE_NOUNS or lw in _UNNAMED \
                or (lw in lx.TITLE_WORDS and lw not in _CONNECTORS and j < i) or lw in _INDEFINITE or lw in ("the",) or _POSSESSIVE.match(w) \
                or (j == i and lw in _ORG_NOUNS) or (j < i and is_age(w) and _is_cap(toks[j + 1][2])) \
                or (lw in _ORG_NOUNS and j < i and toks[j + 1][2].lower() in _TITLE):
            # "Trump campaign spokesman Jason Miller": an organisation noun inside the title
            j -= 1
            continue
        if lw in _CONNECTORS and j - 1 >= 0 and j < i and (
                _is_cap(toks[j - 1][2]) or toks[j - 1][2].lower() in _NAME_PARTICLES):
            j -= 1
            continue
        break
    if j >= 0 and last.lower() in (_UNNAMED | _ROLE_NOUNS):
        # "a diplomatic source", "the newly appointed minister": lowercase modifiers back to a determiner.
        k = j
        while k >= 0 and k > j - 4 and toks[k][2].isalpha() and toks[k][2].islower() \
                and toks[k][2] not in ("a", "an", "the") and toks[k][2] not in _INDEFINITE:
            k -= 1
        if k >= 0 and (toks[k][2].lower() in ("a", "an", "the") or toks[k][2].lower() in _INDEFINITE):
            j = k - 1
    start_idx = j + 1
    while start_idx <= i and (toks[start_idx][2].lower() in _SUBORDINATORS
                              or toks[start_idx][2] in _OPENING_ADVERBS) and _is_cap(toks[start_idx][2]):
        start_idx += 1  # "While Ramos said ...": the subordinator opens the clause
        j = start_idx - 1
    if start_idx > i:
        return _long_subject(text, toks, i)
    # The phrase must start a clause: sentence start, after punctuation, or after a conjunction.
    if j >= 0 and toks[j][2] not in ",:;()—–" and toks[j][2].lower() not in _SUBORDINATORS \
            and toks[j][2] not in _OPENING_ADVERBS:
        # Wire copy often drops the comma after an introduction ("In an interview with TASS
        # Russian Foreign Minister Sergey Lavrov said"): accept a titled name after an intro.
        if not (_INTRO_START.match(text, toks[0][0]) and _is_cap(toks[j + 1][2])):
            return _long_subject(text, toks, i)
        np = _classify(text, toks[j + 1:i + 1])
        if np is None or np.kind != "name":
            return None
        # "In a Bloomberg interview Trump declared": an untitled name only right after a noun
        # of the introduction, not after a preposition whose object it could be.
        return np if np.title or toks[j][2].lower() not in _PREPOSITIONS | {"the", "a", "an", "and"} \
            else None
    while start_idx <= i and toks[start_idx][2].lower() in _CONNECTORS - {"the"}:
        start_idx += 1
    if start_idx > i:
        return None
    first = toks[start_idx][2].lower()
    if start_idx + 2 <= i and first in _UNNAMED and first.endswith("s") \
            and toks[start_idx + 1][2].lower() in ("to", "for", "of", "close"):
        # "Aides to Lavrov said", "Lawyers for Smith say": the aides speak, not Lavrov
        start, end = toks[start_idx][0], toks[i][1]
        return SpeakerNP("unnamed", start, end, text[start:end], head=first)
    return _classify(text, toks[start_idx:i + 1])


def _dash_aside(text: str, toks: list[tuple[int, int, str]], i: int) -> SpeakerNP | None:
    """``The justice -- who has been in a scuffle with him -- said``: an aside between dashes
    after the subject says nothing about who speaks; the phrase before it does."""
    j = i - 1
    while j >= 0 and toks[j][2] not in "—–" and i - j <= 25:
        if toks[j][2] in ",;:()" and toks[j][2] != ",":
            return None
        j -= 1
    if j <= 0 or toks[j][2] not in "—–" or j == i - 1:
        return None
    head = _phrase_ending_at(text, toks, j - 1) or _long_subject(text, toks, j - 1)
    if head is None or head.kind == "pronoun":
        return None
    return head


def _appositive(text: str, toks: list[tuple[int, int, str]], i: int) -> SpeakerNP | None:
    """``Sergei Aleinik, Belarus's foreign minister, said`` -> the name, titled by the appositive."""
    j = i - 1
    while j >= 0 and toks[j][2] not in ",(":
        j -= 1
    if j <= 0 or i - j > 25:
        return None
    appos = text[toks[j + 1][0]:toks[i - 1][1]] if i - 1 > j else ""
    head = _phrase_ending_at(text, toks, j - 1) or _name_of_place(text, toks, j - 1)
    if head is None and j >= 3 and toks[j - 1][2].isdigit() and toks[j - 2][2] == ",":
        # "Marley Anderson, 21, a junior from Las Vegas, said": an age between the name and
        # its description
        head = _phrase_ending_at(text, toks, j - 3)
        if head is not None and head.kind != "name":
            head = None
    if head is None and appos:
        named = _named_in_apposition(text, toks, j, i)
        if named is not None:
            return named
        # "Democratic front-runner Ann Lee, also campaigning in Ohio, said": a titled name
        # with a lowercase title word, the forms speaker_before knows
        head = speaker_before(text, toks[0][0], toks[j][0]) if _ASIDE_OPENER.match(appos) else None
        if head is None or head.kind != "name" or (head.start > toks[0][0] and text[
                toks[0][0]:head.start].rstrip()[-1:] not in (",", ";", ":", "—", "–", "(")):
            return None
    if head is None or not appos:
        return None
    if head.kind in ("role", "unnamed", "institution") and not appos.startswith(("who ", "which ")):
        # "The President's spokesperson, Vincent Magwenya, said": the name, titled by the role.
        named = _appositive_name(text, toks[j + 1:i])
        if named is not None:
            return SpeakerNP("name", head.start, named.end, text[head.start:named.end],
                             name=named.name, title=head.text)
    if head.kind != "name":
        # "Uzbekistan's foreign minister, who was visiting Minsk, said": a relative clause
        # set off by commas says nothing about who the speaker is; the head phrase does.
        return head if appos.startswith(("who ", "which ")) else None
    return SpeakerNP("name", head.start, head.end, head.text, name=head.name,
                     title=head.title or appos)


_ASIDE_OPENER = re.compile(r"(?:also|still|now|then|once|\w+ing)\s")


def _appositive_name(text: str, toks: list[tuple[int, int, str]]) -> SpeakerNP | None:
    """A name set off by commas: bare ("Tom Vilsack") or titled ("Agriculture Secretary Tom Vilsack")."""
    named = _bare_name(text, toks)
    if named is None and 3 <= len(toks) <= 6 and all(_is_cap(t[2]) for t in toks):
        titled = _titled_name(toks, text[toks[0][0]:toks[-1][1]], toks[0][0], toks[-1][1])
        if titled is not None and titled.kind == "name" and titled.title and " " in titled.name:
            named = SpeakerNP("name", toks[0][0], toks[-1][1], titled.text, name=titled.name)
    return named


def _named_in_apposition(text: str, toks: list[tuple[int, int, str]], j: int, i: int) -> SpeakerNP | None:
    """``Apple’s chief executive, Tim Cook, said``: a name set off by commas after a short
    description that opens the clause (no verb in it) is the speaker, titled by the description."""
    named = _appositive_name(text, toks[j + 1:i])
    if named is None:
        return None
    k = j - 1
    while k >= 0 and toks[k][2] not in ",;:()—–" and j - k <= 9:
        k -= 1
    desc = toks[k + 1:j]
    if not desc or j - k > 9 or (k >= 0 and toks[k][2] not in ";:—–(" and k > 0):
        return None
    words = [t[2].lower() for t in desc]
    if words[0] in _NOT_SUBJECT_START or any(w in _CLAUSE_WORDS or w in _VERB_WORDS for w in words):
        return None
    start = desc[0][0]
    return SpeakerNP("name", start, named.end, text[start:named.end], name=named.name,
                     title=text[start:desc[-1][1]])


def _unnamed_antecedent(text: str, toks: list[tuple[int, int, str]], i: int) -> SpeakerNP | None:
    """``... scorned by Russian analysts, who dismissed them``: a plural unnamed source before
    ", who", with its modifiers (it need not open the clause)."""
    head = _POSSESSIVE_SUFFIX.sub("", toks[i][2].lower())
    if head not in _UNNAMED or not head.endswith("s"):
        return None
    k = i
    while k > 0 and i - k < 4 and toks[k - 1][2].isalpha() and (
            _is_cap(toks[k - 1][2]) or toks[k - 1][2].lower() in _ROLE_ADJ
            or toks[k - 1][2].lower() in _INDEFINITE or toks[k - 1][2].lower() in ("the", "some", "many")):
        k -= 1
    start, end = toks[k][0], toks[i][1]
    return SpeakerNP("unnamed", start, end, text[start:end], head=head)


def _relative(text: str, toks: list[tuple[int, int, str]], i: int) -> SpeakerNP | None:
    """``..., Kazakh President Kassym-Jomart Tokayev, who said`` -> the name before ", who"."""
    j = i
    while j >= 0 and (_is_cap(toks[j][2]) or toks[j][2].lower() in _CONNECTORS and j < i):
        j -= 1
    if j == i:
        return None
    np = _titled_name(toks[j + 1:i + 1], text[toks[j + 1][0]:toks[i][1]], toks[j + 1][0], toks[i][1])
    if np is not None and np.kind == "name":
        return np
    # "... by the Head of State, who proposed", "... by the minister, who noted": the phrase
    # before ", who" from its determiner.
    k = i
    while k >= 0 and toks[k][2] not in ",;:()" and toks[k][2].lower() not in ("the", "a", "an") and i - k < 8:
        k -= 1
    if k >= 0 and toks[k][2].lower() == "the":
        np = _definite(text, toks[k:i + 1], text[toks[k][0]:toks[i][1]])
        return np if np is not None and np.kind in ("role", "institution") else None
    return None


def _long_subject(text: str, toks: list[tuple[int, int, str]], i: int) -> SpeakerNP | None:
    """A longer subject phrase from the clause start: ``The deputy head of China's delegation said``.

    Only when it opens with a determiner and holds no verb-like function word, so a clause
    such as "The talks that ended today said ..." is not taken for a speaker.
    """
    j = i
    while j >= 0 and toks[j][2] not in ",:;()—–" and i - j < 12:
        j -= 1
    if j >= 0 and toks[j][2] not in ",:;()—–":
        return None
    phrase = toks[j + 1:i + 1]
    if len(phrase) < 2:
        return None
    first = phrase[0][2].lower()
    last = _POSSESSIVE_SUFFIX.sub("", phrase[-1][2].lower())
    national = phrase[0][2] in lx.NATIONALITY_ADJECTIVES and last in lx.INSTITUTION_HEADS \
        and len(phrase) <= 4  # "Kyrgyz border service blames ...": no article in wire style
    if first not in _SUBJECT_OPENERS and first not in _UNNAMED and first not in _INDEFINITE \
            and not national and not (
            last in _UNNAMED and last.endswith("s") and len(phrase) <= 4):
        return None  # a bare plural head is fine: "Democratic party officials said"
    if any(t[2].lower() in _CLAUSE_WORDS for t in phrase):
        return None
    start, end = phrase[0][0], phrase[-1][1]
    if first == "the" and (k := _name_after_role([t[2] for t in phrase[1:]])) is not None:
        # "the head of state Sadyr Japarov said": a role phrase, then the person's full name
        return SpeakerNP("name", start, end, text[start:end], name=text[phrase[1 + k][0]:end],
                         title=text[phrase[1][0]:phrase[k][1]])
    head = _POSSESSIVE_SUFFIX.sub("", _head_noun(phrase).lower())
    if head == "head" and _DIPLOMACY.search(text, start, end):
        head = "foreign minister"  # "the head of the Belarusian diplomatic service"
    kind = "unnamed" if first in _INDEFINITE or first in ("some", "many", "most") or head in _UNNAMED else "role"
    if national:
        kind = "role"
    if kind == "role" and head.lower() in lx.INSTITUTION_HEADS and (first == "the" or national):
        # "The Russian Embassy in Bishkek said": an institution, named in full by the phrase
        return SpeakerNP("institution", start, end, text[start:end], head=head.lower())
    if kind == "role" and head not in lx.ROLE_HEADS:
        kind = "unnamed"
    return SpeakerNP(kind, start, end, text[start:end], head=head, title=text[phrase[1][0]:end])


def _head_noun(phrase) -> str:
    """The noun before the first preposition ("head" in "the deputy head of China's delegation")."""
    for k, t in enumerate(phrase):
        if t[2].lower() in _PREPOSITIONS and k > 0:
            return phrase[k - 1][2]
    return phrase[-1][2]


def _classify(text: str, toks: list[tuple[int, int, str]]) -> SpeakerNP | None:
    start, end = toks[0][0], toks[-1][1]
    words = [t[2] for t in toks]
    lower = [w.lower() for w in words]
    phrase = text[start:end]
    if len(toks) >= 2 and words[0] in _LEADING_ADVERBS:
        return _classify(text, toks[1:])  # "Even Rendell, a Clinton supporter, said"
    age = age_prefix(words)
    if age:
        # "81-year-old Parker Eaton said": the name after the age; the mention keeps the age,
        # so that it still opens where the subject does
        np = _classify(text, toks[age:])
        return replace(np, start=start, text=phrase) if np is not None and np.kind == "name" else np
    if lower == ["another"]:
        # '"...," said another.', 'Another tweeted, “...”': one more of the people just quoted
        return SpeakerNP("unnamed", start, end, phrase, head="another")
    if lower[0] in _INDEFINITE:
        if lower[-1] in _UNNAMED or lower[-1] in _ROLE_NOUNS or lower[-1] in _PARTY_MEMBERS or (
                len(words) <= 5 and words[-1].isalpha() and words[-1].islower()):
            return SpeakerNP("unnamed", start, end, phrase, head=lower[-1])
        return None
    if len(words) >= 2 and lower[0] in ("his", "her") and lower[1] in _STYLES:
        return _styled(text, toks, phrase)
    if lower[0] in ("his", "her", "their", "its") and len(words) >= 2:
        # "Her administration said": whose it is lies elsewhere; keep the words, no speaker
        return SpeakerNP("unnamed", start, end, phrase, head=lower[-1])
    if len(words) == 1 and lower[0] in _UNNAMED and lower[0] not in lx.ROLE_HEADS:
        return SpeakerNP("unnamed", start, end, phrase, head=lower[0])  # "Eyewitnesses said"
    if lower[0] == "the" or _POSSESSIVE.match(words[0]):
        return _definite(text, toks, phrase)
    titled = _titled_name(toks, phrase, start, end)
    if titled is not None:
        return titled
    if lower[-1] in _UNNAMED:
        return SpeakerNP("unnamed", start, end, phrase, head=lower[-1])
    return None


# "His Excellency", "Her Highness": the style of Gulf and African official copy, never the
# start of an owner's possession ("His administration").
_STYLES = frozenset({"excellency", "highness", "majesty"})


def _styled(text: str, toks, phrase: str) -> SpeakerNP | None:
    """"His Excellency Mohammed Al Amiri, Minister of State" is the name after the style;
    "His Excellency" alone stands for the person named before, as "he" does."""
    start, end = toks[0][0], toks[-1][1]
    if len(toks) == 2:
        return SpeakerNP("pronoun", start, end, phrase)
    np = _classify(text, toks[2:])
    return replace(np, start=start, text=phrase) if np is not None and np.kind == "name" else np


def _definite(text: str, toks, phrase: str) -> SpeakerNP | None:
    start, end = toks[0][0], toks[-1][1]
    words = [t[2] for t in toks]
    body = words[1:] if words[0].lower() == "the" else words[1:]
    if not body:
        return None
    if words[0].lower() != "the":  # "Russia's foreign minister"
        body = words[1:]
        named = _bare_name(text, toks[1:]) if 2 <= len(body) <= 3 else None
        if named is not None and named.name == text[toks[1][0]:end]:
            # "Fox's Chris Wallace": a name after its employer's possessive
            return SpeakerNP("name", start, end, phrase, name=named.name, title=words[0])
    last = body[-1].lower()
    k = _name_after_role(body) if words[0].lower() == "the" else None
    if k is not None:
        # "the head of state Sadyr Japarov": a role phrase, then the person's full name
        a = toks[1 + k][0]
        return SpeakerNP("name", start, end, phrase, name=text[a:end], title=" ".join(body[:k]))
    role = _role_before_preposition(body)
    if role == "head" and _DIPLOMACY.search(" ".join(body)):
        role = "foreign minister"  # "the head of Kyrgyz diplomacy", "... diplomatic service"
    if role is not None:
        # "the Minister of Foreign Affairs of the Russian Federation", "The President of
        # Belarus", "the official representative of the Foreign Ministry": a person by role.
        return SpeakerNP("role", start, end, phrase, head=role, title=" ".join(body))
    if _is_cap(body[-1]) and (words[0].lower() == "the" or len(body) >= 2) and len(body) >= 3 - (
            words[0].lower() != "the") and any(
            _POSSESSIVE_SUFFIX.sub("", w.lower()) in _PERSON_NOUNS for w in body[:-2]):
        # "the top Norwegian diplomat Ingrid Solberg": a titled name after the determiner
        titled = _titled_name(toks[1:], text[toks[1][0]:end], toks[1][0], end)
        if titled is not None and titled.kind == "name" and titled.title and " " in titled.name:
            if words[0].lower() != "the":  # "Kenya's President William Ruto"
                return SpeakerNP("name", start, end, phrase, name=titled.name,
                                 title=f"{words[0]} {titled.title}")
            return SpeakerNP("name", start, end, phrase, name=titled.name, title=titled.title)
    if len(body) == 1 and last in lx.ROLE_HEADS:
        return SpeakerNP("role", start, end, phrase, head=last, title=body[0])  # "the FM"
    if len(body) == 1 and last in _SPOKESMAN_ABBREVIATIONS:
        # Downing Street lobby notes: "the PMS" is the Prime Minister's (unnamed) spokesman
        return SpeakerNP("unnamed", start, end, phrase, head="spokesman")
    if _is_cap(body[-1]) and last not in lx.INSTITUTION_HEADS and last not in _ROLE_NOUNS:
        # "the Kremlin", "The Times", "the Associated Press": an organisation speaking.
        if all(_is_cap(w) or w.lower() in _CONNECTORS for w in body) and words[0].lower() == "the":
            return SpeakerNP("institution", start, end, phrase)
        return None
    if last in _DOCUMENTS and len(toks) >= 3 and _is_cap(toks[-2][2]):
        # "The AU statement said": the organisation whose statement it is speaks
        k = len(toks) - 2
        while k > 1 and _is_cap(toks[k - 1][2]):
            k -= 1
        a, b = toks[k][0], toks[-2][1]
        return SpeakerNP("institution", a, b, text[a:b], head=toks[-2][2].lower())
    if last in lx.INSTITUTION_HEADS:
        return SpeakerNP("institution", start, end, phrase, head=last)
    if last in _UNNAMED and last not in _ROLE_NOUNS and last not in ("spokesperson", "spokesman",
                                                                    "spokeswoman", "representative"):
        return SpeakerNP("unnamed", start, end, phrase, head=last)
    for n in (3, 2, 1):
        head = " ".join(w.lower() for w in body[-n:])
        if head in lx.ROLE_HEADS:
            return SpeakerNP("role", start, end, phrase, head=head, title=" ".join(body))
    if _POSSESSIVE_SUFFIX.sub("", last) in _ORG_NOUNS:
        return SpeakerNP("unnamed", start, end, phrase, head=last)  # "the party", "the campaign"
    return None


def _name_after_role(body: list[str]) -> int | None:
    """Where a full name starts after a role phrase ("head of state Sadyr Japarov"), or None."""
    k = len(body)
    while k > 0 and _is_cap(body[k - 1]) and body[k - 1].lower() not in _TITLE \
            and body[k - 1] not in lx.NATIONALITY_ADJECTIVES:
        k -= 1
    if k == 0 or len(body) - k < 2:
        return None
    prefix = [w.lower() for w in body[:k]]
    if " ".join(prefix) in lx.ROLE_HEADS or (prefix[-1] in _PERSON_NOUNS and prefix[-1] != "state"
                                             and not _PREPOSITIONS.intersection(_last_conjunct(prefix))):
        # not "the spokesperson for President Volodymyr Zelensky": that name is the object
        return k
    return None


def _last_conjunct(prefix: list[str]) -> list[str]:
    """The title words after the last "and" when the phrase opens with a role noun: in "The
    chairman of the African Union and South African President Cyril Ramaphosa" both titles are
    his, and "of" belongs to the first; otherwise the whole prefix."""
    if "and" not in prefix or prefix[0] not in _PERSON_NOUNS:
        return prefix
    return prefix[len(prefix) - prefix[::-1].index("and"):]


def _role_before_preposition(body: list[str]) -> str | None:
    """The role noun a phrase opens with when a preposition follows it ("minister" in
    "Minister of Foreign Affairs of Armenia"), or None."""
    k = next((j for j, w in enumerate(body) if w.lower() in _PREPOSITIONS), None)
    if not k or " ".join(body[-3:]).lower() in lx.ROLE_HEADS:
        return None  # no preposition, or a role that has one ("head of state")
    for n in (3, 2, 1):
        if n <= k:
            head = " ".join(w.lower() for w in body[k - n:k])
            if head in lx.ROLE_HEADS:
                return head
    return None


_GIVEN_NAMES: frozenset[str] | None = None
# Common first names of either sex (the gendered lists in resolve.people hold only sure ones).
_MORE_GIVEN_NAMES = frozenset("""Ben Charlie Larry Tom Paul Robert Richard Michael William George
Steve Steven Bill Chris Daniel Dan Ed Jim Tim Kevin Brian Scott Jeff Ryan Matt Sam Nick Jack Henry
Adam Rachel Emily Jane Ann Anne Karen Lisa Amy Kate Pat Terry Jerry Gary Tony Greg Eric Carl Joan
Betty Ruth Carol Helen Alan Neil Ray Roy Fred Frank Harry Andrew Simon Jon Josh Ted Rick Ron Al""".split())


def _given_names() -> frozenset[str]:
    """The first names quotegraph.resolve.people knows (imported late: it imports this module)."""
    global _GIVEN_NAMES
    if _GIVEN_NAMES is None:
        from quotegraph.resolve.people import FEMALE_FIRST_NAMES, MALE_FIRST_NAMES
        _GIVEN_NAMES = FEMALE_FIRST_NAMES | MALE_FIRST_NAMES | _MORE_GIVEN_NAMES
    return _GIVEN_NAMES


def _place_after_name(toks, lower: list[str], phrase: str, start: int) -> SpeakerNP | None:
    """``Representative Peter T. King of New York``, ``Rep. Lee Zeldin of Ohio``: a titled name,
    then "of" and the place it is of (at most three capitalised words to the end); the name
    before "of". Not "Foreign Minister of Belarus Maxim Ryzhenkov", whose name follows."""
    j = len(lower) - 2
    while j >= 1 and lower[j] != "of" and len(lower) - j <= 4:
        j -= 1
    if j < 1 or lower[j] != "of" or len(lower) - j > 4 \
            or not all(_is_cap(t[2]) for t in toks[j + 1:]) \
            or any(t[2] in _given_names() for t in toks[j + 1:]):
        return None  # (not "Supervisor of Elections Susan Bucher": a person's name after "of")
    before = _titled_name(toks[:j], phrase[:toks[j - 1][1] - start], start, toks[j - 1][1])
    if before is None or before.kind != "name" or (" " not in before.name and not before.title):
        return None  # (not "Half of Vermont Democrats")
    return before


def _titled_name(toks, phrase: str, start: int, end: int) -> SpeakerNP | None:
    """``Russian Foreign Ministry Spokeswoman Maria Zakharova``, ``Kremlin spokesman Dmitry Peskov``, ``Lavrov``."""
    while len(toks) >= 2 and toks[-1][2] in lx.NON_NAME_WORDS:
        # a title-case headline runs the name into what follows: "Ada Quist Just Said", "Brant May Not"
        toks = toks[:-1]
        end = toks[-1][1]
        phrase = phrase[:end - start]
    words = [t[2] for t in toks]
    lower = [w.lower().rstrip(".") if w.lower() not in _TITLE else w.lower() for w in words]
    for w, lw in zip(words, lower):
        if not (_is_cap(w) or lw in _TITLE or lw in _ROLE_ADJ or lw in _ROLE_NOUNS or lw in _CONNECTORS
                or lw in _ORG_NOUNS):
            return None
    if words[0] in lx.NON_NAME_WORDS and len(words) == 1:
        return None
    if lower[-1] in lx.INSTITUTION_HEADS:
        return SpeakerNP("institution", start, end, phrase, head=lower[-1])
    of = _place_after_name(toks, lower, phrase, start)
    if of is not None:
        return SpeakerNP("name", start, end, phrase, name=of.name, title=of.title)
    # The personal name is the trailing run of capitalised words that are not title words.
    k = len(words)
    while k > 0:
        w, lw = words[k - 1], lower[k - 1]
        if k >= 2 and (lower[k - 2] in ("of", "for", "the") or (
                lower[k - 2] == "to" and len(words) - k >= 2)):
            # "Foreign Minister of Belarus Maxim Ryzhenkov", "Ambassador to China Nicholas
            # Burns": the place belongs to the title (but "adviser to Ivo Brant" is a name)
            break
        if _is_cap(w) and lw not in _TITLE and lw not in _STYLES and w not in lx.NATIONALITY_ADJECTIVES \
                and not (k < len(words) and _POSSESSIVE_SUFFIX.search(w)):
            k -= 1  # (not "Harbour Radio's" in "Harbour Radio's Ivo Brant": the employer)
        elif lw in _NAME_PARTICLES and 1 < k < len(words):
            k -= 1  # "Ursula von der Leyen"
        elif k == len(words) and k >= 2 and _is_cap(w) and (
                lower[k - 2] in _HONORIFIC_TITLES or words[k - 2] in _given_names()
                or _INITIAL.fullmatch(words[k - 2])):
            k -= 1  # "Ms. White", "Mr. Prince", "Matthew King", "Peter T. King": a surname that is also a title word
        else:
            break
    while k < len(words) and lower[k] in _NAME_PARTICLES and not (
            words[k][0].isupper() and k + 1 < len(words) and words[k] in _given_names()) \
            and not (0 < k < len(words) - 1 and lower[k - 1] in _HONORIFIC_TITLES):
        k += 1  # (but "Ben Carson": a first name, not the particle of "bin Salman";
        # and "Mr. van Holt": after a courtesy title the particle opens the surname)
    if len(words) - k >= 3 and any(w in ("of", "for") for w in lower[:k]) \
            and not any(w in _NAME_PARTICLES for w in lower[k:]) and lower[k] in lx.PORTFOLIO_WORDS:
        # "Commissioner for Climate Action Wopke Hoekstra": the object of "for" runs on in
        # capitals; a personal name is its last two words (but "Minister for Interior Ijaz
        # Ahmed Shah" is a three-word name after a one-word portfolio).
        k = len(words) - 2
    name_toks = toks[k:]
    if len(name_toks) == 1 and k >= 2 and (lower[k - 1] == "of" or (
            lower[k - 2] == "of" and lower[k - 1] in _TITLE)):
        # "the governor of New Jersey": the last word finishes the place, it is nobody's name
        name_toks = []
    if not name_toks:
        head = " ".join(lower[-2:])
        if head not in lx.ROLE_HEADS:
            head = lower[-1]
        if head in lx.ROLE_HEADS:
            return SpeakerNP("role", start, end, phrase, head=head, title=phrase)
        return None
    if (name_toks[0][2] in lx.NON_NAME_WORDS and not (
            name_toks[0][2] in GIVEN_MONTHS and len(name_toks) >= 2 and k > 0)
            and not (k == 0 and month_is_given_name([t[2] for t in name_toks]))) \
            or any(t[2].lower() in _VERB_WORDS for t in name_toks):
        return None  # (but "Senator June Holm", "April Holm": a month that is a given name)
    name = phrase[name_toks[0][0] - start:name_toks[-1][1] - start]
    title = phrase[:toks[k - 1][1] - start].strip() if k > 0 else None
    return SpeakerNP("name", start, end, phrase, name=name, title=title or None)
