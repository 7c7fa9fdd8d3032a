"""Reported speech in one sentence: "X said (that) ...", "..., X said", "..., said X", passives,
"according to X", phrasal cues ("expressed concern about ...") and ", adding that ...".
"""

from __future__ import annotations

import re

from quotegraph.attribute import cues
from quotegraph.attribute import lexicon as lx
from quotegraph.attribute.direct import is_title_like
from quotegraph.attribute.clause_soon import clause_soon
from quotegraph.attribute.credit_line import own_credit
from quotegraph.attribute.found import Found
from quotegraph.attribute.quoter import person_quoting
from quotegraph.attribute.mentions import (SpeakerNP, embedded_speaker, generic_subject, speaker_after,
                                          speaker_before)
from quotegraph.attribute.quote_source import source_after, source_before
from quotegraph.attribute.relative_said import relative_said
from quotegraph.attribute.said_when import clause_after_when
from quotegraph.attribute.share_saying import share_saying
from quotegraph.attribute.speech_acts import is_request, object_is_content, skip_when
from quotegraph.attribute.surnames import surname_before
from quotegraph.attribute.subjects import modified_subject, poll_share, subject_before_aside
from quotegraph.attribute.who_said import SET_OFF_WHO as _SET_OFF_WHO, who_said
from quotegraph.segment.quotes import Quote, word_count

_CIRCUMSTANCE = re.compile(
    r"(?:\s+(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:night|morning|afternoon|evening))?|"
    r"today|yesterday|(?:last|this)\s+(?:week|month|year)|"
    r"in\s+recent\s+(?:days|weeks|months|years)|repeatedly|privately|publicly|"
    r"(?<=statement )(?:released|issued|posted|published|sent)\s+(?:by|on|through|to)\s+(?:the\s+)?"
    r"(?:[A-Z][\w’'\-.]*\s+){1,4}?(?:campaign|office|party|ministry|embassy|website)|"
    r"earlier|later|in\s+a\s+statement|in\s+an\s+interview|at\s+a\s+(?:news\s+|press\s+)?briefing|"
    r"on\s+Twitter|on\s+X|on\s+Telegram|in\s+a\s+(?:speech|post|letter|comment)|here|"
    r"(?:on|in)\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"(?:\s+\d{1,2})?))+\s"
)
_PREPOSITION = re.compile(
    r"\s*(?:here|in|at|on|during|after|while|with|to|before|ahead|for|from|by|via|under|amid|"
    r"following|when|as|earlier|later|late|today|yesterday|on\s+\w+day|"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"(?:last|this)\s+(?:week|month|year|weekend|morning|afternoon|evening|spring|summer|autumn|"
    r"fall|winter|time))\b"
)  # "said this week he ..." is a circumstance; "said this was ..." opens the clause
_LEADING = re.compile(r"[\s,:;—–-]*(?:that(?:,(?!\s+(?:and|or|not|but)\b))?\s+)?")  # "that, X"
_CLOSE_CHARS = frozenset(" \t\n\r\"”’»'")
_END_PUNCT = frozenset(".!?…")
_SEP_CHARS = frozenset(" \t\n\r,;:—–-")
_CLAUSE_STOP = re.compile(r"[,;:]\s|\s[—–]\s")
# After "..., said X" only circumstances may follow; a plain word means X began a new clause
# ("..., said Tashkent wanted to ...").
_VERB_AFTER = re.compile(r"\s+(?!(?:in|at|on|during|after|before|while|when|as|to|from|with|by|"
                         r"for|of|about|last|this|earlier|later|today|yesterday|here|there|"
                         r"and|but|adding|noting|who|which)\b)[a-z]")
# A reported clause that starts right after the cue, with no "that": a pronoun, a determiner or
# a capitalised subject ("said Moscow would ...", "says Clinton ran ...").
_OPENS_CLAUSE = re.compile(r"\s+(?:(?:it|they|he|she|we|I|you|there|this|these|those|the|a|an|his|her|its|their|our)\b|"
                           r"[A-Z][\w’'\-.]*(?:\s+[A-Z][\w’'\-.]*)*\s+(?!that\b)[a-z])")  # "Mr. Obama would"
_SOURCE_STOP = re.compile(r"[.;:!?]\s|[.;:!?]$")
_CLAUSE_START = re.compile(r"\s+(?:it|the|a|an|they|he|she|we|this|these|there|[A-Z])\b")
_AND_CUE = re.compile(r",?\s+(?:and|but)\s+(?:also\s+|then\s+|later\s+)?(?=\w)")
# Whom something was told, at length, before "that": "a town hall in Salem, N.H., on Monday".
_TOLD_LONG_OBJECT = re.compile(r"\s+(?:a|an|the|his|her|their|its|[A-Z][\w’'\-.]*)\b(?:(?!\b(?:is|are|was|were|will|"
                               r"would|has|have|had|who|which|said|says)\b)[^;:“”\"()]){0,110}?\s+that\s+")
_TALE = re.compile(r"\b(?:story|stories|tale|tales|joke|jokes|anecdote)\b")
_PRONOUN_MODAL = re.compile(rf"(?:he|she|they|it|we|I)\s+(?:{lx.AUX}|{lx.NEGATED_AUX})")
_LATE_CLAUSE = re.compile(rf"\s(?:he|she|they|it|we|I)\s+(?:{lx.AUX}|never|not)\b")
_QUOTED_AS = re.compile(r"\b(?P<cue>quoted)(?:\s+(?P<who>[^,;:.]{1,100}?))?\s+as\s+(?:saying|stating)"
                        r"(?:\s+that)?[\s:,]+")
_PASSIVE_AUX_BEFORE = re.compile(r"\s(?:was|were|is|are|has been|have been)(?:\s+also)?\s+$")
_WORD_AT = re.compile(r"[a-z]+")
_PARTICIPLE_SAYING = re.compile(
    r"(?:,[\u201d\u2019\"]?\s+(?:while\s+)?|\s[–—]\s+|\s+by\s+|\s+(?:and|but)\s+(?=(?:saying|adding|warning|telling|arguing|insisting|claiming|noting)\b)|\s+statement\s+(?=saying|expressing|calling|urging|warning))(?:saying|adding|warning|arguing|insisting|claiming|stressing|noting|declaring|"
    r"calling(?:\s+(?:for|on))?|describing|branding|accusing|urging|stating|promising|pledging|vowing|explaining|"
    r"asserting|pointing\s+out|recalling|emphasi[sz]ing|underlining|expressing\s+(?:concern|hope|"
    r"regret|confidence|support)\s+(?:about|over|for|that|in)|"
    r"telling\s+(?:him|her|them|reporters|journalists|the\s+\w+|[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3})|"
    r"telling(?:\s+[\w’'.\-]+,?){1,7}?(?=\s+that\s)|"
    # "..., writing on Twitter that X", ", tweeting: “...”": only with "that", a colon or a
    # quotation after them (not "writing a book", "tweeting a link")
    r"(?:writing|tweeting|posting|announcing)(?:\s+(?:on|in)\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})?"
    r"(?=\s+that\s|\s*:|,?\s+[“\"]))"
    r"(?:\s+that)?[,:]?\s+"
)
# After a subject, a verb (optionally with an auxiliary or adverb) must follow.
# Cues whose object may be only a topic; they report something only with a clause after them.
TOPIC_CUES = frozenset({"spoke about", "spoke of", "talked about", "commented on", "referred to",
                         "focused on", "touched upon", "touched on", "dwelt on", "pointed to"})
# "argued over the quota", "argue with each other": a dispute between parties, not a claim.
QUARREL_CUES = frozenset({"argued", "argue", "argues"})
QUARREL_OBJECT = re.compile(r"(?:over|about|with|among|between)\b", re.IGNORECASE)
FINITE = re.compile(rf"\b(?:that|{lx.AUX}|not)\b|[“\"«]")
# Speech verbs plain enough that any short subject before them is a source.
_PLAIN_SPEECH = frozenset({"said", "say", "says", "told", "tell", "tells", "added", "argued",
                           "argue", "claimed", "claim", "warned", "warn", "insisted", "insist",
                           "wrote", "noted", "stressed", "explained", "reported", "note",
                           "acknowledge", "admit", "emphasize", "emphasise", "stress", "explain",
                           "concede", "assert"})
_JUDGEMENT_CUES = frozenset({
    "called", "calls", "termed", "terms", "dubbed", "dubs", "labelled", "labeled", "labels",
    "branded", "brands", "described", "describes", "characterised", "characterized"})
_VERB_NEXT = re.compile(r"\s+(?:(?:has|had|have|is|was|were|are|also|again|then|later|on\s+\w+day)\s+)*[a-z]+(?:ed|s)?\b")
_SUBORDINATE = re.compile(r"(?:While|As|When|Although|Though|Because|Since|If|Whereas)$")
_DESPITE = re.compile(r"^(?:Despite|Although|Though|Unlike|Given|Regardless|Citing|Noting|As|If)\b")


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading "that"/punctuation and a trailing period from a content span."""
    m = _LEADING.match(text, start, end)
    if m:
        start = m.end()
    seg = text[start:end]
    t = _trailing(seg)
    if t:
        # Keep closing quotation marks that belong to a quoted fragment inside the content.
        tail = seg[t.start():]
        closing = sum(tail.count(c) for c in "\"”»’'")
        if closing and any(seg[:t.start()].count(o) > seg[:t.start()].count(c)
                           for o, c in (("“", "”"), ("«", "»"), ("‘", "’"))) or (
                tail.count('"') and seg[:t.start()].count('"') % 2 == 1):
            end = start + t.start() + len(tail.rstrip(" .!?…").rstrip())
        else:
            end = start + t.start()
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and text[end - 1] == ")" and "(" not in text[start:end]:
        # "(She says the photo ... in tears.)": the bracket closes around the sentence
        end -= 1
        while end > start and text[end - 1] in " .!?…":
            end -= 1
    return start, end


class _Tail:
    """Where the trailing punctuation of a segment starts (a regex ``$`` search is quadratic)."""

    __slots__ = ("_start",)

    def __init__(self, start: int) -> None:
        self._start = start

    def start(self) -> int:
        return self._start


def _trailing(seg: str) -> _Tail | None:
    i = len(seg)
    while i > 0 and seg[i - 1] in _CLOSE_CHARS:
        i -= 1
    while i > 0 and seg[i - 1] in _END_PUNCT:
        i -= 1
    while i > 0 and seg[i - 1] in _SEP_CHARS:
        i -= 1
    return _Tail(i) if i < len(seg) else None


def in_quote(pos: int, quotes: list[Quote]) -> bool:
    return any(q.open <= pos < q.outer_end for q in quotes)


def kind_for(text: str, start: int, end: int, quotes: list[Quote]) -> str:
    """``mixed`` when the reported clause carries a quoted fragment of three words or more."""
    for q in quotes:
        if start <= q.open and q.outer_end <= end + 1 and word_count(text, q.start, q.end) >= 3 \
                and not is_title_like(text, q, start):
            return "mixed"
    return "indirect"


def reported_in_sentence(text: str, s: int, e: int, quotes: list[Quote], used: set[int],
                         paragraph: int, *, cue_matches=None, according_matches=None) -> list[Found]:
    """Every reported-speech statement in the sentence ``text[s:e]``.

    ``cue_matches``/``according_matches`` are the sentence's matches when the caller has
    matched the whole article at once (faster than matching sentence by sentence).
    """
    found: list[Found] = []
    if according_matches is None:
        according_matches = list(cues.ACCORDING.finditer(text, s, e))
    if according_matches:
        found.extend(_according(text, s, e, quotes, paragraph, according_matches))
    if "as saying" in text[s:e]:
        found.extend(_quoted_as_saying(text, s, e, quotes, paragraph))
    if " with " in text[s:e]:
        found.extend(_with_saying(text, s, e, quotes, paragraph))
    if "saying" in text[s:e]:
        found.extend(f for f in share_saying(text, s, e, quotes, paragraph)
                     if not any(x.cue == f.cue for x in found))
    taken = [(f.start, f.end) for f in found]
    if cue_matches is None:
        cue_matches = cues.cue_index(text).between(s, e)
    if len(cue_matches) > 1:
        last = len(cue_matches) - 1
        while last > 0 and cue_matches[last].group().lower().endswith("ing"):
            last -= 1  # (", said Karin, adding that ...": the attribution is "said Karin")
        outer = _outer_attribution(text, s, e, cue_matches[last], quotes, paragraph, taken) if last else None
        if outer is not None:
            # "X has called on Y to Z, the minister said": the minister's statement holds X's
            found.append(outer)
            taken.append((outer.start, outer.cue[1]))
            extra = adding(text, outer, e, quotes, paragraph)
            if extra is not None:
                found.append(extra)
                taken.append((extra.cue[0], extra.end))
    for m in cue_matches:
        if m.start() in used or in_quote(m.start(), quotes):
            continue
        if any(a <= m.start() < b for a, b in taken):
            continue
        f = _from_cue(text, s, e, m, quotes, paragraph) or relative_said(text, s, e, m, quotes, paragraph)
        if f is None:
            continue
        if isinstance(f, list):  # an attribution set off by commas inside its reported clause
            found.extend(f)
            taken.extend((x.start, x.end) for x in f)
            taken.append((f[0].cue[0], f[0].cue[1]))
            continue
        f = _before_embedded(text, s, f, cue_matches, quotes)
        second = _coordinated(text, f, e, quotes, paragraph)
        if second is not None:
            f, f2 = second
            if not (" ".join(text[f.cue[0]:f.cue[1]].lower().split()) in TOPIC_CUES
                    and not FINITE.search(text, f.start, f.end)):
                found.append(f)  # not "commented on the border" before "and said X"
            found.append(f2)
            taken.append((f2.cue[0], f2.end))
        else:
            found.append(f)
        taken.append((min(f.start, f.cue[0]), max(f.end, f.cue[1])))
        extra = adding(text, f, e, quotes, paragraph)
        if extra:
            found.append(extra)
            taken.append((extra.start, extra.end))
    p = _passive(text, s, e, quotes, paragraph) if text.find(" by ", s, e) >= 0 else None
    if p and not any(a < p.end and p.start < b for a, b in taken):
        found.append(p)
    return found


def _before_embedded(text: str, s: int, f: Found, cue_matches, quotes) -> Found:
    """Cut a statement before a later attribution of its own inside it: "Russia called it an
    act of terrorism, an accusation Nykyforov said was better directed at Moscow" ends at the
    comma before Nykyforov's statement."""
    for m in cue_matches:
        if not f.start < m.start() < f.end or in_quote(m.start(), quotes):
            continue
        if _PREDICATE.match(text, m.end() + 1) and (np := embedded_speaker(text, s, m.start())):
            comma = text.rfind(", ", f.start, np.start)
            if comma > f.start:
                cs, ce = trim(text, f.start, comma)
                if ce > cs:
                    return Found(_judged_kind(text, cs, ce, text[f.cue[0]:f.cue[1]], quotes), cs, ce,
                                 f.cue, f.np, f.rule, f.paragraph, clause=f.clause)
    return f


def _outer_attribution(text: str, s: int, e: int, m: re.Match, quotes, paragraph: int,
                       taken) -> Found | None:
    """A post-posed attribution closing the sentence (``..., the minister said.``) whose
    content, from the sentence start, holds other cues: the outer statement, content whole."""
    if in_quote(m.start(), quotes) or any(a <= m.start() < b for a, b in taken):
        return None
    f = _from_cue(text, s, e, m, quotes, paragraph)
    if not isinstance(f, Found) or f.rule not in ("indirect:content-first", "indirect:inverted") or f.np is None:
        return None
    if f.np.kind not in ("name", "role", "institution", "pronoun") or text[s:f.start].strip():
        return None
    return f


def adding(text: str, f: Found, e: int, quotes: list[Quote], paragraph: int) -> Found | None:
    """``..., the minister said, adding that X`` -> X, same speaker as ``f``."""
    after = max(f.cue[1], f.np.end if f.np else 0, f.end if f.kind == "direct" else 0)
    m = cues.PARTICIPLE_CUE.search(text, after, e)
    if not m or in_quote(m.start(), quotes):
        return None
    if f.start >= after and f.end > m.start():
        return None
    cs, ce = trim(text, m.end(), e)
    if text[cs:cs + 1] in "\"“«" and text[m.start():m.end()].rstrip().endswith(":"):
        return None  # ", adding: “...”" is a direct quote, attributed with the quotes
    if word_count(text, cs, ce) < 3:
        return None
    raw = m.group()
    cue = (m.start() + len(raw) - len(raw.lstrip(", \n")), m.start() + len(raw.rstrip()))
    return Found(kind_for(text, cs, ce, quotes), cs, ce, cue, f.np, "indirect:adding",
                 paragraph, inherit="previous" if f.np is None else None, clause=(after, m.end()))


def _quoted_as_saying(text: str, s: int, e: int, quotes: list[Quote], paragraph: int) -> list[Found]:
    """``TASS quoted Lavrov as saying that X``: the person quoted is the speaker, not the outlet."""
    out: list[Found] = []
    for m in _QUOTED_AS.finditer(text, s, e):
        if in_quote(m.start(), quotes):
            continue
        who = m.group("who") or ""
        if not who or who.startswith("by ") or _PASSIVE_AUX_BEFORE.search(text, max(s, m.start() - 20), m.start()):
            # "Al-Ansari was quoted by Reuters as saying X": the subject is the speaker
            aux = _PASSIVE_AUX_BEFORE.search(text, max(s, m.start() - 20), m.start())
            np = speaker_before(text, s, aux.start()) if aux else None
            if np is None or np.kind not in ("name", "role", "institution", "pronoun"):
                continue
        else:
            np = speaker_after(text, m.start("who"), m.end("who"))
            if np is None or np.end != m.end("who"):
                continue
            np = person_quoting(text, s, m.start()) or np  # "the minister quoted the president"
        pos = m.end()
        q = next((q for q in quotes if q.open >= pos and not text[pos:q.open].strip()), None)
        if q is not None and q.end > q.start:
            out.append(Found("direct", q.start, q.end, m.span("cue"), np, "direct:quoted-as-saying",
                             paragraph, clause=(m.start(), pos)))
            continue
        cs, ce = trim(text, pos, e)
        if word_count(text, cs, ce) >= 3:
            out.append(Found(kind_for(text, cs, ce, quotes), cs, ce, m.span("cue"), np,
                             "indirect:quoted-as-saying", paragraph, clause=(m.start(), pos)))
    return out


_WITH_SAYING = re.compile(r",\s+with\s+(?P<who>[^,;:()\u201c\"]{2,100}?)\s+"
                          r"(?P<cue>saying|warning|arguing|insisting|claiming|stressing|noting|adding)\b(?:\s+that\b)?")


def _with_saying(text: str, s: int, e: int, quotes: list[Quote], paragraph: int) -> list[Found]:
    """``The plan angered the unions, with their chairman Jon Berg saying X``: the person
    named after "with" says X (the sentence's subject does not)."""
    out: list[Found] = []
    for m in _WITH_SAYING.finditer(text, s, e):
        if m.group("who") is None or in_quote(m.start(), quotes):
            continue
        np = speaker_after(text, m.start("who"), m.end("who"))
        if np is None or np.end != m.end("who") or np.kind not in ("name", "role", "institution"):
            # "with 50 percent saying she is ready", "with the campaign of the former mayor
            # saying ...": a poll share or a description, kept as the source's words
            np = speaker_before(text, m.start("who"), m.end("who")) or \
                generic_subject(text, m.start("who"), m.end("who"))
            if np is None or np.start != m.start("who") or np.kind not in ("unnamed", "role", "institution"):
                continue
        pos = m.end()
        q = next((q for q in quotes if q.open >= pos and not text[pos:q.open].strip(" ,:")), None)
        if q is not None and q.end > q.start and q.outer_end >= e - 2:
            out.append(Found("direct", q.start, q.end, m.span("cue"), np, "direct:with-saying",
                             paragraph, clause=(m.start("who"), pos)))
            continue
        cs, ce = trim(text, pos, e)
        if word_count(text, cs, ce) >= 3:
            out.append(Found(kind_for(text, cs, ce, quotes), cs, ce, m.span("cue"), np,
                             "indirect:with-saying", paragraph, clause=(m.start("who"), pos)))
    return out


_SUBORDINATORS = frozenset("Although Though While When After Before Because Since If As Once Unless Until "
                           "Whether Whereas But And Yet".split())
# A short aside between a subject and its verb: "Clinton, clearly frustrated, ...".
_SUBJECT_ASIDE = re.compile(r",\s+[^,;:()\"“”]{2,100}?,(?=\s)")


def participle(text: str, s: int, e: int, quotes: list[Quote], paragraph: int) -> Found | None:
    """``Erdogan lashed out at Israel, saying X``: the subject of a sentence that reports no
    speech of its own says X. Only for a subject that reads as a speaker (a name, a role, an
    institution, a pronoun) at the sentence start, after an introduction if there is one."""
    m = _PARTICIPLE_SAYING.search(text, s, e)
    if m is None:
        return None
    if text[m.start():m.start() + 5].strip() in ("and", "but") and not _EARLIER_PARTICIPLE.search(text, s, m.start()):
        return None  # "and saying" only after a first participle: ", pointing to X and saying Y"
    word = _WORD_AT.search(text, m.start())
    if word.group() in ("while", "by"):
        word = _WORD_AT.search(text, word.end())  # ", while saying", "by saying": the verb is the cue
    if in_quote(word.start(), quotes):
        return None  # (the comma may close a quotation: 'of “New York values,” saying')
    starts = [s]
    intro = cues.INTRO.match(text[s:m.start()])
    if intro:
        comma = text.find(", ", s, m.start())
        if comma < 0:
            return None
        starts = [comma + 2]
    # An introduction with commas of its own ("At a rally in Dover, N.H., on Tuesday, Ann Lee
    # endorsed Mr. Holm, saying ...", "Here in Columbia, ..."): the subject after a later comma.
    comma = text.find(", ", starts[0], m.start())
    while comma >= 0 and len(starts) < 5:
        starts.append(comma + 2)
        comma = text.find(", ", comma + 2, m.start())
    np = None
    for k, start in enumerate(starts):
        if text.startswith(("It ", "it "), start):
            np = SpeakerNP("pronoun", start, start + 2, text[start:start + 2])  # "It attacked X, saying"
        else:
            np = speaker_after(text, start, m.start())
        if np is None or np.kind not in ("name", "role", "institution", "pronoun", "unnamed") \
                or np.text in _SUBORDINATORS:
            np = None  # (not "Although" in "Although he thanked them, he sounded ..., saying")
        elif not _VERB_NEXT.match(text, np.end, m.start()):
            aside = _SUBJECT_ASIDE.match(text, np.end, m.start())
            if k > 0 and np.kind in ("name", "role") and text.startswith(", ", np.end) \
                    and _VERB_NEXT.match(text, np.end + 1, m.start()):
                pass  # "The other candidate, former Secretary Ada Quist, drew a contrast, saying"
            elif aside is None or not _VERB_NEXT.match(text, aside.end(), m.start()):
                np = None  # (not "Clinton, clearly frustrated, responded ..., saying X")
        if np is not None and (k == 0 or np.kind in ("name", "role", "institution")):
            break
        np = None
    if np is None:
        np = _subject_before_verb(text, starts[0], m.start())
    if np is None:
        return None
    cs, ce = trim(text, m.end(), e)
    if (lead := _CIRCUMSTANCE_THAT.match(text, cs, ce)) is not None and not in_quote(lead.start(), quotes):
        cs = lead.end()  # "saying at a church in Cleveland that X": X is what was said
    if word_count(text, cs, ce) < 3:
        return None
    q = next((q for q in quotes if q.open == cs and q.outer_end >= ce - 1), None)
    if q is not None and q.end > q.start:
        # "..., saying, “She is unstable.”": the quotation is the statement, word for word
        return Found("direct", q.start, q.end, word.span(), np, "direct:participle", paragraph,
                     clause=(np.start, m.end()))
    return Found(kind_for(text, cs, ce, quotes), cs, ce, word.span(), np, "indirect:participle", paragraph,
                 clause=(np.start, m.end()))


_EARLIER_PARTICIPLE = re.compile(r",\s+(?:while\s+)?[a-z]{3,}ing\b")
_CIRCUMSTANCE_THAT = re.compile(r"(?:in|at|on|during|after|before)\s[^,;:\"“”]{2,60}?\sthat\s+")
# The main verb of a sentence whose subject speaks in a ", saying" participle: a past form,
# perhaps after an adverb ("sternly reprimanded", "also declined", "tried to", "later sued").
_MAIN_VERB = re.compile(r"\s(?:(?:also|later|then|again|quickly|[a-z]{3,}ly)\s+)?"
                        r"(?:[a-z]{2,}ed|took|gave|made|drew|went|sought|struck|began|held|spent|"
                        r"threw|stood|hit|led|fought|won|came|broke|sent|kept|met|rose|joined|"
                        r"has\s+[a-z]+|have\s+[a-z]+|had\s+[a-z]+|did\s+[a-z]+)\b")


def _subject_before_verb(text: str, start: int, cue_start: int) -> SpeakerNP | None:
    """``Several growers echoed the remarks, saying X`` / ``In May, a district judge sided with
    them, saying X``: the phrase before the sentence's first past-tense verb, when it opens the
    sentence and reads as a speaker (the lexicon's subjects or a generic one such as "Other
    Republicans"). Only when the forms ``speaker_after`` knows did not match."""
    while start < cue_start and text[start].isspace():
        start += 1
    v = _MAIN_VERB.search(text, start, min(cue_start, start + 120))
    if v is None or v.start() <= start:
        return None
    head = text[start:v.start()]
    if any(c in head for c in ";:\"“”()") or cues.cue_index(text).between(start, v.start()):
        return None
    end = v.start()
    if head.endswith(","):
        end -= 1  # "Republicans, who hold a majority in the Senate, have blocked"
    np = speaker_before(text, start, end) or generic_subject(text, start, end)
    if np is None or np.start != start or np.kind not in ("name", "role", "institution", "unnamed") \
            or text[np.end:end].strip(" ,") and "," not in text[np.end:end]:
        return None
    if np.kind == "unnamed" and (np.head or "") in _ACTING_FORCES:
        return None  # "The riot police fired water cannon, saying ...": a force acting, no source
    return np


_ACTING_FORCES = frozenset("police troops soldiers forces army militants rebels gunmen crowd crowds "
                           "protesters protestors demonstrators mob guards".split())


_RELATIVE_SPEAKER = re.compile(r"(?<![\w’'])(?:which|who|whom|that)\s+(?=[^,;:()\"“”]{1,50}$)")
_NOT_AFTER_RELATIVE = re.compile(r"\s+(?:that|to|in|on|at|the|a|an|about|of|for|with|during|after|before|"
                                 r"this|last|yesterday|today|so|it|as|when|and|or|but|he|she|they|we|I|you)\b|[\s,.;:]*$")


def _relative_report(text: str, s: int, e: int, m: re.Match, quotes, paragraph: int) -> Found | None:
    """``a vacuum which they say let the militants grow``, ``hackers who officials say are tied
    to Moscow``: a relative pronoun, the speaker, the cue, then the rest of the relative clause
    (its verb first) is what they say."""
    rel = _RELATIVE_SPEAKER.search(text, max(s, m.start() - 50), m.start())
    if rel is None or _NOT_AFTER_RELATIVE.match(text, m.end(), e):
        return None
    np = speaker_before(text, rel.end(), m.start())
    if np is None or np.start != rel.end():
        np = generic_subject(text, rel.end() - 1, m.start())
    if np is None or np.start != rel.end() or np.kind == "institution" and np.text.lower() in ("it",):
        return None
    cs, ce = trim(text, m.end(), _clause_end(text, m.end(), e))
    if word_count(text, cs, ce) < 2:
        return None
    return _found(text, cs, ce, m, np, "indirect:relative", quotes, paragraph, clause=(rel.start(), m.end()))


_AFTER_PREPOSITION = re.compile(r"\b(?:in|from|of|at|near|outside)\s+$")
_PROPOSAL = re.compile(r"(?:to\s|\w+ing\b)")  # "who proposed creating a group", "urged to"


def _from_cue(text: str, s: int, e: int, m: re.Match, quotes: list[Quote], paragraph: int) -> Found | None:
    cue_text = " ".join(m.group().lower().split())
    if cue_text in ("said", "says", "say") and (rel := _relative_report(text, s, e, m, quotes, paragraph)):
        return rel
    if cue_text in _WHO_CUES and (rel := who_said(text, s, e, m, quotes,
                                                  set_off=cue_text in ("said", "says", "say"))) is not None:
        cs, ce, np, clause_start = rel
        return _found(text, cs, ce, m, np, "indirect:who-said", quotes, paragraph, clause=(clause_start, m.end()))
    if (prog := _PROGRESSIVE.match(cue_text)) is not None:
        cue_text = lx.PROGRESSIVE_AS.get(cue_text[prog.end():], cue_text)  # "is calling for"
    np = speaker_before(text, s, m.start())
    if cue_text in _PLAIN_SPEECH and (both := _CONJOINED.search(text, max(s, m.start() - 120), m.start())) \
            and both.start(1) >= s and (np is None or np.start > both.start(1) or " and " in np.text) \
            and not text[s:both.start(1)].strip(" ,").endswith((" and", " or")) \
            and (both.start(1) == s or text[s:both.start(1)].rstrip().endswith(",") or not text[s:both.start(1)].strip()):
        # "..., he and Mr. Allen said", "Ada Quist, Bo Lind and other donors said": a
        # coordinated subject, kept as the words of the source (no single speaker)
        a, b = both.span(1)
        np = SpeakerNP("unnamed", a, b, text[a:b], head=text[a:b].split()[-1].lower())
    if (np is None or np.kind == "unnamed") and cue_text in ("said", "says") \
            and _PREDICATE.match(text, m.end() + 1):
        inner = embedded_speaker(text, s, m.start())
        if inner is not None:
            # "an accusation Nykyforov said was better directed at Moscow": the clause after the cue
            cs, ce = trim(text, m.end(), e)
            return _found(text, cs, ce, m, inner, "indirect:embedded", quotes, paragraph,
                          clause=(inner.start, m.end())) if word_count(text, cs, ce) >= 2 else None
    if np is not None and np.text.lower() in ("a", "an", "the", "this", "that"):
        return None  # "a claim Lund said ...": a determiner before a noun is no speaker
    if np is None or np.text.endswith((" and", " but")):
        np = _subject_of_first_verb(text, s, m.start(), quotes)
    if np is None and cue_text in _PLAIN_SPEECH:
        np = generic_subject(text, s, m.start())
    if np is None and cue_text in _PLAIN_SPEECH and (
            cues.THAT.match(text, m.end() + 1) or _OPENS_CLAUSE.match(text, m.end())):
        np = modified_subject(text, s, m.start())  # "Officials who spoke with us said they ..."
        if np is None and (aside := _ASIDE_BEFORE.search(text, max(s, m.start() - 40), m.start())):
            # "Cement makers, for instance, argue that ...": the subject before the aside
            np = generic_subject(text, s, aside.start()) or modified_subject(text, s, aside.start())
        if np is None:
            np = subject_before_aside(text, s, m.start())  # "Several candidates, including X, said"
        if np is None:
            np = poll_share(text, s, m.start())  # "an electorate in which 67 percent of voters say"
    if np is None and cue_text in _PLAIN_SPEECH and (comma := text.find(", ", s, m.start())) > s \
            and _INTRO_PHRASE.fullmatch(text, s, comma) and not cues.INTRO.match(text, s):
        # "A few weeks ahead of the primary, Clinton's campaign says ...": an introduction the
        # list does not hold; the subject after it
        np = speaker_before(text, comma + 2, m.start()) or generic_subject(text, comma + 2, m.start())
        if np is not None and np.start != comma + 2:
            np = None
    if np is None and cue_text in _PLAIN_SPEECH:
        np = surname_before(text, s, m.start())  # "Mark Cuban ... Cuban said"
    if np is None and cue_text in _PLAIN_SPEECH and (comma := text.rfind(", ", s, m.start())) > s:
        # "The pier is unsafe, donors said.": a short phrase between the comma and the cue
        np = source_before(text, comma + 1, m.start(), e, m.end())
    if np is not None and np.kind == "pronoun" and np.text in ("they", "They") and cue_text in ("say", "says") \
            and re.search(r"\b(?:as|what|so|[Ww]hat)\s+$", text[max(s, np.start - 8):np.start]):
        return None  # "as they say": an idiom, not an attribution
    if np is not None and cue_text in ("reports", "reported") and (c := _CITING.match(text, m.end(), e)):
        # "..., AFP reports citing the Financial Times": the outlet cited is the source
        cited = speaker_after(text, c.end(), e)
        if cited is not None and cited.text.lower() in ("a", "an", "the"):
            # "citing a diplomatic source": an unnamed source, the whole phrase kept
            stop = _CITED_STOP.search(text, cited.start, e)
            end = len(text[:stop.start() if stop else e].rstrip())
            cited = SpeakerNP("unnamed", cited.start, end, text[cited.start:end],
                              head=text[cited.start:end].split()[-1].lower())
        before = _content_before(text, s, np.start, text[s:np.start])
        if cited is not None and before is not None:
            return _found(text, *before, m, cited, "indirect:citing", quotes, paragraph,
                          clause=(np.start, cited.end))
    if np is not None and cue_text in ("reports", "reported") and (
            any(w in np.text.lower() for w in ("correspondent", "reporter")) or own_credit(text, np.start, np.text, m.end())
            or cues.cue_index(text).between(s, np.start) and not cues.THAT.match(text, m.end() + 1)):
        # "..., Bayramov said in Baku, Trend reports": the wire's own credit line (not "Although
        # he described it as X, the Post reported that ...": a clause of its own follows)
        return None
    if np is not None and np.kind in ("name", "institution", "role", "unnamed") \
            and _AS_BEFORE.search(text, max(s, np.start - 4), np.start):
        return _as_reported(text, s, e, m, np, quotes, paragraph)
    if np is not None:
        prefix = text[s:np.start]
        relative = "who" in text[np.end:m.start()]
        after = _content_after(text, m, e, cue_text, quotes)
        if after is not None and _DEMONSTRATIVE_THAT.match(text, m.end()) \
                and not FINITE.search(text, *after) and not _PAST_VERB.search(text, *after) \
                and not _PRESENT_VERB.search(text, *after):
            after = None  # "reiterated that approach in an interview": an object, no clause
        aside = _parenthetical(text, m, np, e, quotes)
        if aside is not None:
            # "In the three years since, Barden says, far too many lives were lost": the cue
            # sits inside the reported clause; what follows it is reported too.
            before = None if _is_intro(prefix) and not _CLAUSE_INTRO.match(prefix.strip()) \
                else _content_before(text, s, np.start, prefix)
            second = Found(kind_for(text, *aside, quotes), aside[0], aside[1], (m.start(), m.end()),
                           np, "indirect:parenthetical", paragraph, clause=(np.start, m.end()))
            if before is None:
                return second
            first = _found(text, *before, m, np, "indirect:content-first", quotes, paragraph,
                           clause=(np.start, m.end()))
            return [first, second] if first is not None else second
        if after is None and not relative:
            # Nothing reported after the cue: "X, Lavrov said in an interview."
            before = _content_before(text, s, np.start, prefix)
            if before is None:
                return None
            return _found(text, *before, m, np, "indirect:content-first", quotes, paragraph,
                          clause=(np.start, _clause_end(text, m.end(), e)))
        if after is None:
            return None
        if _SET_OFF_WHO.search(text, np.end, m.start()):
            # "Senator Quist, who said the wall would rise, arrived": the clause ends at its comma
            comma = next((c for c in range(after[0], after[1]) if text.startswith(", ", c)
                          and not in_quote(c, quotes)), -1)
            if comma > 0:
                after = trim(text, after[0], comma)
            if (cue_text not in _PLAIN_SPEECH and not FINITE.search(text, *after)
                    and not _PROPOSAL.match(text, after[0]) and " as " not in text[after[0]:after[1]]) \
                    or (" " not in np.text and _AFTER_PREPOSITION.search(text, max(s, np.start - 8), np.start)):
                # "Quist, who proposed the referendum, said": an object, nothing reported; "an
                # activist in Falster, who asked ...": the name is a place, not the speaker
                return None
        if _SUBORDINATE.match(prefix.strip()[-12:].split(" ")[-1] if prefix.strip() else ""):
            # "While Ramos said that X, he ...": the reported clause ends at the comma.
            comma = text.find(", ", after[0], after[1])
            if comma > 0:
                after = trim(text, after[0], comma)
        if cue_text in QUARREL_CUES and QUARREL_OBJECT.match(text, after[0]):
            return None  # "the two governments have argued over the fishing grounds": a dispute
        if cue_text in TOPIC_CUES and not FINITE.search(text, *after):
            return None  # "spoke about relations with Kabul": a topic, nothing reported
        rule = "indirect:phrasal" if cue_text in cues.PHRASAL else "indirect:speaker-first"
        return _found(text, *after, m, np, rule, quotes, paragraph, clause=(np.start, m.end()))
    # Inverted: "..., said Lavrov" / "..., says the ministry".
    before = text[s:m.start()].rstrip()
    if before.endswith(",") and cue_text in ("said", "says", "told", "added", "stressed", "noted",
                                             "explained", "stated", "warned", "wrote", "insisted",
                                             "concluded", "continued", "argued", "recalled",
                                             "emphasized", "emphasised", "underscored", "asked"):
        np2 = speaker_after(text, m.end(), e)
        if np2 is None and cue_text in _PLAIN_SPEECH:
            np2 = source_after(text, m.end(), e)  # "..., said the plant's chief executive, Ed Pike."
        if np2 is not None and not _VERB_AFTER.match(text, np2.end, e):
            cs, ce = trim(text, s, s + len(before) - 1)
            if word_count(text, cs, ce) >= 3:
                first = _found(text, cs, ce, m, np2, "indirect:inverted", quotes, paragraph,
                               clause=(m.start(), np2.end))
                rest = text.find(",", np2.end, e)
                if first is not None and rest == np2.end and not in_quote(rest, quotes) \
                        and (app := _INVERTED_APPOSITIVE.match(text, rest)) is not None \
                        and _PREDICATE.match(text, app.end()):
                    # "The paradox, says Bo Lind, a historian at the college, is that ...": the
                    # clause goes on after the speaker's appositive
                    rest = text.rfind(",", rest + 1, app.end())
                elif rest != np2.end or in_quote(rest, quotes) or cues.PARTICIPLE_CUE.match(text, rest):
                    rest = -1
                if first is not None and rest > 0:
                    # "The blockade, concluded Al-Ansari, is a catastrophe": the clause goes on
                    rs, re_ = trim(text, rest + 1, e)
                    if word_count(text, rs, re_) >= 2 and _PREDICATE.match(text, rs):
                        second = Found(kind_for(text, rs, re_, quotes), rs, re_, (m.start(), m.end()),
                                       np2, "indirect:parenthetical", paragraph,
                                       clause=(m.start(), np2.end))
                        return [first, second]
                return first
    return None


_PROGRESSIVE = re.compile(r"(?:is|was|are|were|has been|have been|had been) ")
# Cues reported inside a relative clause: "voters who said ...", "an aide, who added that ..."
_WHO_CUES = frozenset("said says say added adds argued argue argues warned warn warns insisted insist "
                      "insists noted note notes claimed claim claims stressed acknowledged acknowledge "
                      "admitted admit explained predicted".split())
_ASIDE_BEFORE = re.compile(r",\s+(?:for\s+(?:example|instance)|on\s+the\s+other\s+hand|in\s+fact|of\s+course|"
                           r"by\s+contrast|in\s+contrast|however|meanwhile|too|though|in\s+turn|"
                           r"for\s+(?:its|his|her|their)\s+part),\s+(?:(?:have|has|had|also|would|will)\s+)?$")
# ", a historian at the college, ": an appositive after an inverted speaker (no clause in it).
_INVERTED_APPOSITIVE = re.compile(r",\s+(?:a|an|the|one|who\s+is)\s+(?:(?!(?:is|are|was|were|has|have|had|"
                                  r"will|would|said|says|that|which|who)\b)[^,;:()\"“”])+,\s+")
_CONJUNCT = r"(?:(?:Mr\.|Mrs\.|Ms\.|Dr\.)\s+)?[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-.]*){0,3}|he|she|they|we|I"
_CONJOINED = re.compile(
    r"(?:(?<=^)|(?<=[,;.!?]\s)|(?<=\n)|(?<=[.!?]”\s))((?:" + _CONJUNCT + r")(?:,\s+(?:" + _CONJUNCT + r"))*,?\s+and\s+"
    r"(?:" + _CONJUNCT + r"|(?:other|another|several|many|some|fellow|the|his|her|their)\s+[a-z][\w\-]*"
    r"(?:\s+[a-z][\w\-]*)?))\s+(?:have\s+|had\s+|also\s+)?$")
_CITING = re.compile(r",?\s+citing\s+")
_RELATIVE_THAT = re.compile(rf"(?:{lx.AUX})\b")
# The rest of a clause interrupted by ", said X,": its verb comes first ("..., is a catastrophe").
_PREDICATE = re.compile(rf"(?:{lx.AUX}|remains?|seems?|appears?|{lx.NEGATED_AUX})\b")
_CITED_STOP = re.compile(r"[,;:!?]|\.(?:\s|$)")
_AND_BEFORE_CUE = re.compile(r"(?:,?\s+(?:and|but)|,\s+then)\s+(?:(?:also|then|later|has|have|had|had\s+also|has\s+also)\s+)?$")


# An appositive after the subject's name: ", a former state party chairman," (no clause of its own).
_SUBJECT_APPOSITIVE = re.compile(r",\s+(?:a|an|the|who|whose)\s+[^,;:\"“”()]{2,70}?,(?=\s)")


def _subject_of_first_verb(text: str, s: int, cue_start: int, quotes) -> SpeakerNP | None:
    """``Lavrov arrived in Minsk and said X``: the sentence's subject is the speaker of the
    second verb. Only when the subject opens the sentence (after an introduction, if any) and
    reads as a speaker, and nothing between it and the cue reports speech of its own."""
    m = _AND_BEFORE_CUE.search(text, s, cue_start)
    if m is None or in_quote(m.start(), quotes):
        return None
    start = s
    if (lead := _LEAD_WORD.match(text, s, m.start())) is not None:
        start = lead.end()  # "But the court overruled and said ...", "There, the chairman ..."
    intro = cues.INTRO.match(text[start:m.start()])
    if intro:
        comma = text.find(", ", start, m.start())
        if comma < 0:
            return None
        start = comma + 2
    np = _first_verb_subject(text, start, m.start())
    if np is None and (comma := text.find(", ", start, m.start())) >= 0 \
            and _SHORT_INTRO.fullmatch(text, start, comma):
        # "A few minutes later, they ...", "By the end of the day, Mr. Lee was forced ... and
        # said": an introduction the list does not hold, short and without a verb
        start = comma + 2
        np = _first_verb_subject(text, start, m.start())
    if np is None:
        return None
    if any(start <= q.open < np.end for q in quotes):
        return None  # (a quotation inside the first verb's object is fine: 'declared “...” and said')
    for c in cues.cue_index(text).between(np.end, m.start()):
        # "She declared victory and said ...", "Fields posted a photograph and said ...": a
        # first cue with only an object reports nothing, so the second one is the statement
        if _content_after(text, c, m.start(), " ".join(c.group().lower().split()), quotes) is not None:
            return None
    return np


subject_of_first_verb = _subject_of_first_verb  # for the quotation rules ('... and said, “X”')

_LEAD_WORD = re.compile(r"(?:But|And|Yet|So|Still|There|Here|Then),?\s+")
# A short introduction before a comma: a few words, none of them a finite verb or a clause word.
_SHORT_INTRO = re.compile(r"(?:(?!(?:is|was|are|were|has|have|had|said|says|that|who|which|he|she|they|it|we)\b)"
                          r"[\w’'\-.]+\s+){0,6}(?!(?:is|was|are|were|has|have|had|said|says)\b)[\w’'\-.]+")


_INTRO_PHRASE = re.compile(r"(?:(?!(?:is|was|are|were|has|have|had|said|says|say|told|that|who|which|he|she|they|"
                           r"it|we|I|will|would|can|could)\b)[\w’'\-.]+\s+){0,9}"
                           r"(?!(?:is|was|are|were|has|have|had|said|says)\b)[\w’'\-.]+")


def _first_verb_subject(text: str, start: int, and_at: int) -> SpeakerNP | None:
    """The subject opening ``text[start:and_at]`` when a verb follows it: a speaker phrase, or
    the phrase before the first past-tense verb ("The appeals court overruled ...")."""
    np = speaker_after(text, start, and_at)
    verb_at = np.end if np is not None else start
    if np is not None and np.kind == "name" and (app := _SUBJECT_APPOSITIVE.match(text, np.end, and_at)):
        verb_at = app.end()  # "Ada Quist, a former party chair, became a delegate and said ..."
    if np is None or np.kind not in ("name", "role", "institution", "pronoun", "unnamed") \
            or text[start:np.start].strip() or not _VERB_NEXT.match(text, verb_at, and_at):
        np = None  # ("Other former officers chafed at it and said ...": unnamed, words kept)
    if np is None and (np := _subject_before_verb(text, start, and_at)) is not None \
            and text[start:np.start].strip():
        np = None
    return np


def _coordinated(text: str, f: Found, e: int, quotes, paragraph: int) -> tuple[Found, Found] | None:
    """``He criticised X and highlighted Y``: split into two statements by the same speaker."""
    if f.np is None or f.start < f.cue[1]:
        return None
    for a in _AND_CUE.finditer(text, f.start, f.end):
        m = cues.cue_index(text).at(a.end())
        if m is None or in_quote(a.start(), quotes):
            continue
        cue_text = " ".join(m.group().lower().split())
        after = _content_after(text, m, e, cue_text, quotes)
        if after is None:
            continue
        cs, ce = trim(text, f.start, a.start())
        if word_count(text, cs, ce) < 2:
            return None
        first = Found(_judged_kind(text, cs, ce, text[f.cue[0]:f.cue[1]], quotes), cs, ce, f.cue, f.np,
                      f.rule, paragraph, clause=f.clause)
        second = Found(kind_for(text, *after, quotes), after[0], after[1], (m.start(), m.end()), f.np,
                       "indirect:coordinated", paragraph, clause=(a.start(), m.end()))
        return first, second
    return None


_AS_BEFORE = re.compile(r"(?:^|(?<=[\s,(]))[Aa]s\s+$")
_AS_GAP = re.compile(r"[^,;:()\"“”]{0,60}?,\s+")


def _as_reported(text: str, s: int, e: int, m: re.Match, np, quotes, paragraph: int) -> Found | None:
    """``As The Times reported on Saturday, X``, ``X, as the minister put it``: an attribution
    set off with "as"; the clause after its comma, or the clause before it, is what was said."""
    as_at = text.rfind("s", s, np.start) - 1
    gap = _AS_GAP.match(text, m.end(), e)
    if gap is not None and not in_quote(gap.end(), quotes) and not FINITE.search(text, m.end(), gap.start() + 1):
        cs, ce = trim(text, gap.end(), e)
    else:
        if text[m.end():e].strip(" .!?\"”’") and not _CIRCUMSTANCE.match(text, m.end(), e):
            return None
        cs, ce = trim(text, s, as_at)
        while ce > cs and text[ce - 1] in ",;—– ":
            ce -= 1
        if cues.INTRO.match(text, cs) and text.count(",", cs, ce) == 0:
            return None
    if word_count(text, cs, ce) < 3:
        return None
    return _found(text, cs, ce, m, np, "indirect:as-reported", quotes, paragraph, clause=(as_at, m.end()))


def _parenthetical(text: str, m: re.Match, np, e: int, quotes) -> tuple[int, int] | None:
    """The clause after ``, NP said,`` when the attribution is set off by commas mid-sentence."""
    if not text[np.start - 2:np.start].strip() == ",":
        return None
    pos = m.end()
    skip = _CIRCUMSTANCE.match(text, pos, e)
    if skip:
        pos = skip.end() - 1
    if not text.startswith(",", pos) or in_quote(pos, quotes) or cues.PARTICIPLE_CUE.match(text, pos):
        return None
    cs, ce = trim(text, pos + 1, e)
    if word_count(text, cs, ce) < 3 or text[cs:cs + 1] in "\"“«":
        return None
    return cs, ce


_LEAD_CONJUNCTION = re.compile(r"^(?:But|And|Yet|Still|So|Now)\s+")


# A subordinate clause before ", X said, MAIN": part of what is reported ("If the law conflicts
# with the charter, Lind said, the council must ignore it"), unlike a time or place introduction.
_CLAUSE_INTRO = re.compile(r"(?:If|When|While|Although|Though|Because|Since|Unless|Once|Whether|Even if|"
                           r"Even though)\s+(?:[\w’'\-$%.]+\s+){2,}[^,]*,$")


def _is_intro(prefix: str) -> bool:
    p = _LEAD_CONJUNCTION.sub("", prefix.strip())
    return not p or bool(cues.INTRO.match(p)) or bool(_DESPITE.match(p)) or p.endswith(" and") \
        or p.endswith(" but") or word_count(p, 0, len(p)) <= 3 and p.endswith(",")


def _content_before(text: str, s: int, np_start: int, prefix: str) -> tuple[int, int] | None:
    """Content of a post-posed attribution: the clause before ``, SPEAKER said``."""
    p = prefix.rstrip()
    if not p.endswith(","):
        return None
    cs, ce = trim(text, s, s + len(p) - 1)
    n = word_count(text, cs, ce)
    if n < 2 or (cues.INTRO.match(p) or _DESPITE.match(p)) and n < 6:
        return None
    if cues.INTRO.match(text[cs:ce]) and text[cs:ce].count(",") == 0:
        return None
    return cs, ce


_TELL_VERBS = frozenset({"told", "tells", "informed", "briefed", "assured", "reminded", "reminds",
                         "warned", "warns", "assures", "informs"})


def _content_after(text: str, m: re.Match, e: int, cue_text: str, quotes: list[Quote]) -> tuple[int, int] | None:
    """Content after a speaker-first cue: past the told-object and circumstances, from "that"."""
    pos = m.end()
    cut = cues.PARTICIPLE_CUE.search(text, pos, e)
    if cut is not None and text[cut.start()] == "," and not in_quote(cut.start(), quotes):
        e = cut.start()  # "called for calm, saying that X": X is a second statement
    for c in _CONTRAST.finditer(text, pos, e):
        # "74 percent said they were set, while 22 percent said ...": a second attribution
        nxt = cues.cue_index(text).first(c.end(), min(e, c.end() + 80))
        if nxt is not None and not in_quote(c.start(), quotes) and (
                speaker_before(text, c.end(), nxt.start()) or generic_subject(text, c.end(), nxt.start())):
            e = c.start()
            break
    if cue_text in ("welcomed", "welcomes") and GUEST.match(text, pos, e):
        return None  # "welcomed Qatari Emir Hamad Al Thani in Belgrade": a host, not a judgement
    if cue_text in cues.PHRASAL or cue_text in cues.OBJECT_VERBS:
        if not object_is_content(text, m.start(), pos, e, cue_text):
            return None  # "the results encouraged the investors": no request passed on
        cs, ce = trim(text, skip_when(text, pos, e, cue_text), e)
        return (cs, ce) if word_count(text, cs, ce) >= 2 else None
    if cue_text in ("told", "tells", "informed", "briefed", "assured", "reminded", "reminds", "warned"):
        # The person told is no content; for "urged X to" / "called on X to" it is.
        o = cues.TOLD_OBJECT.match(text, pos, e)
        long_object = None if o else _TOLD_LONG_OBJECT.match(text, pos, e)
        if long_object is not None and not in_quote(long_object.end() - 1, quotes) \
                and not _RELATIVE_THAT.match(text, long_object.end()) \
                and not _TALE.search(text, pos, long_object.end()):
            # "told a town hall in Salem, New Hampshire on Monday that ...": whom and where,
            # then the clause after "that"
            cs, ce = trim(text, long_object.end(), e)
            return (cs, ce) if word_count(text, cs, ce) >= 2 else None
        if o:
            pos = o.end()
        elif word_count(text, pos, e) <= 7 and not FINITE.search(text, pos, e) \
                and not _PAST_VERB.search(text, pos, e):
            return None  # "..., Ash Carter told a Senate panel Wednesday.": whom, not what
    rest = text[pos:e]
    if rest.lstrip().startswith(":"):
        cs, ce = trim(text, pos + rest.index(":") + 1, e)
        if any(q.start <= cs + 1 and q.end >= ce - 1 for q in quotes):
            return None  # "X said: "..."" is a direct quote, handled with the quotes
        return (cs, ce) if word_count(text, cs, ce) >= 3 else None
    aside = _ASIDE_THAT.match(text, pos, e)
    if aside is not None and not in_quote(aside.start(), quotes):
        # "Clinton testified, for example, that ...": an aside between the cue and "that"
        cs, ce = trim(text, aside.end(), e)
        return (cs, ce) if word_count(text, cs, ce) >= 2 else None
    if rest.lstrip().startswith((",", ".", ";", "—", "–")):
        return None  # "X, Lavrov said, adding that ...": the content is before the cue
    if (late := clause_after_when(text, pos, e)) is not None and not in_quote(late - 1, quotes):
        cs, ce = trim(text, late, e)  # "said late Friday Moscow was ready", "said on Monday, commenting ..., that"
        return (cs, ce) if word_count(text, cs, ce) >= 3 else None
    skip = _CIRCUMSTANCE.match(text, pos, e)
    if skip and _CLAUSE_START.match(text, skip.end() - 1) and not cues.THAT.match(text, skip.end()):
        # "said on Tuesday it would ...", "said in a statement the talks ..."
        if not cues.THAT.search(text, skip.end(), min(e, skip.end() + 40)):
            cs, ce = trim(text, skip.end(), e)
            return (cs, ce) if word_count(text, cs, ce) >= 3 else None
    t = cues.THAT.search(text, pos, e)
    if t and t.start() > pos + 1 and _OPENS_CLAUSE.match(text, pos) and word_count(text, pos, t.start()) > 1 \
            and not (cue_text in _TELL_VERBS and word_count(text, pos, t.start()) <= 5
                     and not any(c in text[pos:t.start()] for c in ",;:\"“«")):
        # "Sanders says Clinton ran a campaign that led to ...": the clause starts at once;
        # but "reminded the visiting president that X": the person told, then the clause
        t = None
    if t and t.start() > pos + 1 and _RELATIVE_THAT.match(text, t.end()):
        t = None  # "said at the meeting with the group that had come": a relative clause
    if t and not in_quote(t.start(), quotes) and not cues.cue_index(text).first(pos, t.start()) \
            and word_count(text, pos, t.start()) <= 14:
        cs, ce = trim(text, t.end(), e)
        return (cs, ce) if word_count(text, cs, ce) >= 2 else None
    if _PREPOSITION.match(text, pos, e):
        # "said after the convention he would not ...": a circumstance, then the clause
        late = _LATE_CLAUSE.search(text, pos, min(e, pos + 80))
        if late is None or any(c in text[pos:late.start()] for c in ",;:\"“«"):
            # "said at a joint press availability with X of Saudi Arabia that ...": a long
            # circumstance, then "that" opens the clause
            t = cues.THAT.search(text, pos, min(e, pos + 240))
            if t is None or in_quote(t.start(), quotes) or word_count(text, pos, t.start()) > 30 \
                    or any(c in text[pos:t.start()] for c in ",;:\"“«()") \
                    or cues.cue_index(text).first(pos, t.start()) or _RELATIVE_THAT.match(text, t.end()):
                return None  # not "the group that had come from Minsk": a relative clause
            cs, ce = trim(text, t.end(), e)
            return (cs, ce) if word_count(text, cs, ce) >= 2 else None
        cs, ce = trim(text, late.start() + 1, e)
        return (cs, ce) if word_count(text, cs, ce) >= 3 else None
    if rest.lstrip().startswith((",", ".", "\"", "“", "«")):
        return None
    if cue_text in ("say", "says", "said", "told", "stressed", "noted", "added", "warned",
                    "insisted", "argued", "stated", "explained", "believes", "claimed",
                    "claims", "announced", "confirmed", "reiterated", "recalled", "suggested",
                    "pointed out", "points out", "emphasized", "emphasised", "underscored",
                    "underlined", "acknowledged", "admitted", "predicted", "concluded",
                    "made it clear", "made clear", "asserted", "maintained", "denied",
                    "indicated", "signalled", "signaled", "revealed", "disclosed", "estimated",
                    "agreed", "assured", "urged", "called for", "calls for", "called on",
                    "proposed", "proposes", "suggests", "asserts", "warns", "notes", "stresses",
                    "urges", "denies", "declares", "reiterates", "confirms", "admits",
                    "insists", "argues", "explains", "announces", "adds", "recalls", "emphasizes",
                    "emphasises", "underlines", "underscores", "predicts", "promises", "vows"):
        cs, ce = trim(text, pos, e)
        n = word_count(text, cs, ce)
        # "Quist said she would.": a pronoun and a modal are a whole (elided) clause
        return (cs, ce) if n >= 3 or n == 2 and _PRONOUN_MODAL.fullmatch(text, cs, ce) else None
    if cue_text in _CLAUSE_CUES or (cue_text in _OBJECT_OR_CLAUSE_CUES and clause_soon(text, pos, e, cue_text)):
        # "Sanders and his allies argue the system is rigged", "wrote the deal was dead"; not
        # "wrote a check", "maintain their innocence", "responded to the attack": an object
        cs, ce = trim(text, pos, e)
        return (cs, ce) if word_count(text, cs, ce) >= 3 else None
    if cue_text in ("asked", "asks") and is_request(text, pos, e):
        # "asked the partners to act": a request; "asked why ..." reports no content
        cs, ce = trim(text, pos, e)
        return (cs, ce) if word_count(text, cs, ce) >= 3 else None
    return None


# Cues read as speech with no "that" whatever follows them; and cues whose object may be a
# thing, read as speech only when a finite verb comes within a few words.
# Any word that could be a present-tense verb ("that growth in Kessa remains weak" is a clause).
_PRESENT_VERB = re.compile(r"\b(?!(?:his|its|this|us|yes|thus|plus|less|news)\b)[a-z]{2,}s\b")
_DEMONSTRATIVE_THAT = re.compile(r"\s+that\s+[a-z]+\s+(?:in|on|at|of|for|with|during|to|from)\s")
_PAST_VERB = re.compile(r"\b[a-z]{3,}ed\b|\b(?:said|made|took|gave|went|came|got|saw|knew|thought|lost|won|left|"
                        r"kept|held|met|ran|sent|spent|stood|told|wrote|broke|fell|grew|rose|began)\b")
_CLAUSE_CUES = frozenset({"argue", "insist", "contend", "contends", "contended", "allege", "alleges",
                          "alleged", "testified", "testifies", "testify", "countered", "conceded"})
_OBJECT_OR_CLAUSE_CUES = frozenset({
    "claim", "deny", "maintain", "maintains", "warn", "wrote", "writes", "write", "tweeted",
    "tweets", "reported", "reports", "replied", "replies", "responded", "responds", "respond",
    "complained", "complains", "remarked", "observed", "charged", "continued", "tells", "tell",
    # plural present cues that also take a plain object ("They acknowledge the problem")
    "note", "acknowledge", "admit", "emphasize", "emphasise", "stress", "explain", "concede",
    "assert", "confirm", "declare"})

_CONTRAST = re.compile(r",\s+(?:while|whereas|but|although|though|and)\s+")
# (or between dashes: "said — on Twitter, as it happens — that ...")
_ASIDE_THAT = re.compile(r"\s*(?:,\s+[^,;:\"“”]{2,30}?,|\s(?:—|–|--)\s*[^—–;:\"“”]{2,40}?\s*(?:—|–|--))\s+that\s+")

GUEST = re.compile(r"\s+(?:the\s+)?(?:[A-Z][\w’'\-\.]*\s+){1,7}?(?:[A-Z][\w’'\-\.]*)(?:\s+(?:in|to|at|on|as|during)\b|\s*[.,;]|\s*$)")


def _clause_end(text: str, pos: int, e: int) -> int:
    m = _CLAUSE_STOP.search(text, pos, e)
    return m.start() if m else e


def _found(text, cs, ce, m, np: SpeakerNP, rule, quotes, paragraph, *, clause) -> Found | None:
    if ce <= cs:
        return None
    return Found(_judged_kind(text, cs, ce, m.group(), quotes), cs, ce, (m.start(), m.end()), np,
                 rule, paragraph, clause=clause)


def _judged_kind(text: str, cs: int, ce: int, cue: str, quotes) -> str:
    kind = kind_for(text, cs, ce, quotes)
    if kind == "indirect" and " ".join(cue.lower().split()) in _JUDGEMENT_CUES and any(
            cs <= q.open and q.outer_end <= ce + 1 and q.end > q.start for q in quotes):
        kind = "mixed"  # "termed the strike a “violation”": the quoted words are the judgement
    return kind


def _according(text: str, s: int, e: int, quotes: list[Quote], paragraph: int, matches) -> list[Found]:
    out: list[Found] = []
    for m in matches:
        if in_quote(m.start(), quotes):
            continue
        before = text[s:m.start()]
        comma = text.find(",", m.end(), e)
        lead = before.strip()
        if lead.endswith((',"', ",”", ",’", ",''")):
            lead = lead.rstrip("\"”’'")  # 'threatening "a major lawsuit," according to X'
        front = None
        if not lead or not _LEAD_CONJUNCTION.sub("", lead + " ") or lead.endswith(":") \
                or _is_intro(before) and lead.endswith(","):
            # "According to X, CONTENT.", "But according to X, ...", "...: According to X, ..."
            front = _according_first(text, m, e, comma)
            if front is None and not (lead.endswith(",") and word_count(text, s, m.start()) >= 6):
                continue  # (else "Meanwhile, CONTENT, according to X": the content is before)
        if front is not None:
            np, src, (cs, ce) = front
            if _speaks_itself(text, cs, ce, quotes):
                continue  # "According to a correspondent, Lavrov added that X": Lavrov speaks
        elif lead.endswith(",") or lead.endswith(("—", "–", " --")) or (
                word_count(text, s, m.start()) >= 6 and lead[-1:].isalnum()):
            # "CONTENT, according to X.", "CONTENT — according to X", "CONTENT according to X"
            stop = comma if comma >= 0 else e
            np = speaker_after(text, m.end(), stop)
            src = _source_span(text, m.end(), stop)
            if src is None:
                continue
            if not lead.endswith(",") and not (np is not None and np.kind in ("name", "role", "institution")
                                               or _SOURCE_NOUNS.search(text, *src)):
                continue  # "drawn up according to the rules": a manner, not a source
            stop_at = s + len(before.rstrip()) - 1  # the comma (or a quotation mark after it)
            if not lead.endswith(","):
                stop_at += 1
                while stop_at > s and text[stop_at - 1] in "—–- ":
                    stop_at -= 1  # the dash before "according to"
            cs, ce = trim(text, s, stop_at)
        else:
            continue
        if word_count(text, cs, ce) < 3:
            continue
        if np is not None and np.end < src[1] - 1 and np.kind != "name":
            np = None
        found = Found(kind_for(text, cs, ce, quotes), cs, ce, (m.start(), m.end()), np,
                      "indirect:according-to", paragraph, clause=(m.start(), src[1]),
                      source_span=src if np is None else None)
        out.append(found)
        # (a titled name is the source even where the source span stops at its title's dot)
        named = src if np is None else (src[0], max(src[1], np.end))
        rest = _according_rest(text, s, e, m, named, cs, quotes)
        if rest is not None:
            # "In Iowa, Trump is first, according to the poll average, although Carson keeps it
            # close": the source is set inside one reported sentence; both halves are its
            out.append(Found(kind_for(text, *rest, quotes), *rest, (m.start(), m.end()), np,
                             "indirect:according-to", paragraph, clause=(m.start(), src[1]),
                             source_span=src if np is None else None))
    return out


# What "according to" names as a source when no comma sets it off: a count, a poll, a person.
_SOURCE_NOUNS = re.compile(r"\b(?:polls?|counts?|tall(?:y|ies)|data|figures|survey|surveys|study|studies|report|"
                           r"reports|records|documents|estimates?|analysis|officials?|sources?|"
                           r"statistics|census|aides?|spokes(?:man|woman|person))\b", re.I)
_REST_OPENS = re.compile(r"(?:although|though|while|but|and|as|because|with|without|becoming|"
                         r"including|making|leaving|giving|down|up|compared|which|who|where|a|an|the)\b")


_REST_VERB = re.compile(rf"(?:still\s+|also\s+)?(?:{lx.AUX})\b")


def _according_rest(text: str, s: int, e: int, m: re.Match, src, cs: int, quotes):
    """The other half of a sentence with "according to X" set off by commas in its middle."""
    if cs >= m.end():
        # the content is after the source: the half before, unless it is only an introduction
        lead = text[s:m.start()].rstrip()
        if not lead.endswith(","):
            return None
        a, b = trim(text, s, s + len(lead) - 1)
        if cues.INTRO.match(text[a:b]) and text.count(",", a, b) == 0 or _DESPITE.match(text[a:b]):
            return None  # only an introduction ("In May, according to X, ...")
        return (a, b) if word_count(text, a, b) >= 3 and not cues.cue_index(text).between(a, b) else None
    after = src[1]
    if not text.startswith(",", after) or in_quote(after, quotes):
        return None
    a, b = trim(text, after + 1, e)
    # The half after is reported too when it opens like a continuation, when it holds the verb
    # of a subject before the source ("Missing from the plan, according to X, was any ...") or
    # when the half before has no verb of its own ("One night in 2004, according to X, Y left").
    if not (_REST_OPENS.match(text, a) or _REST_VERB.match(text, a)
            or not FINITE.search(text, cs, m.start())) \
            or word_count(text, a, b) < 3 or cues.cue_index(text).between(a, b) \
            or cues.ACCORDING.search(text, a, b):
        return None
    return a, b


def _according_first(text: str, m: re.Match, e: int, comma: int):
    """(speaker phrase, source span, content span) of "According to X, CONTENT", or None."""
    np = speaker_after(text, m.end(), comma if comma >= 0 else e)
    if np is not None and np.kind in ("name", "role") and (comma < 0 or np.end < comma) \
            and _CLAUSE_START.match(text, np.end):
        # "According to the minister it is time ..." (no comma after the source)
        return np, (np.start, np.end), trim(text, np.end, e)
    if comma < 0:
        return None
    src = _source_span(text, m.end(), comma)
    if src is None:
        return None
    return np, src, trim(text, comma + 1, e)


def _speaks_itself(text: str, cs: int, ce: int, quotes: list[Quote]) -> bool:
    """Whether the clause ``text[cs:ce]`` opens with its own attribution ("Lavrov added that ...")."""
    for m in cues.cue_index(text).between(cs, ce):
        if in_quote(m.start(), quotes):
            continue
        np = speaker_before(text, cs, m.start())
        return np is not None and np.start <= cs + 1 and np.kind in ("name", "role", "pronoun", "institution")
    return False


def _source_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The words after "according to", up to the clause end; None when it is not a short phrase."""
    seg = text[start:end]
    stop = _SOURCE_STOP.search(seg)
    if stop:
        end = start + stop.start()
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " .,;":
        end -= 1
    dash = _SOURCE_DASH.search(text, start, end)
    if dash is not None:
        end = dash.start()  # "according to a poll last week - virtually the same as ..."
    n = word_count(text, start, end)
    # (up to 20 words: "a campaign official who was not authorized to speak publicly before ...")
    return (start, end) if 1 <= n <= 20 else None


_SOURCE_DASH = re.compile(r"\s[-–—]\s")


def _passive(text: str, s: int, e: int, quotes: list[Quote], paragraph: int) -> Found | None:
    m = cues.PASSIVE.search(text, s, e)
    if not m or in_quote(m.start(), quotes):
        return None
    np = speaker_after(text, m.end(), e)
    if np is None or np.kind not in ("name", "role", "institution", "pronoun"):
        return None
    cs, ce = trim(text, s, m.start())
    if word_count(text, cs, ce) < 2:
        return None
    return Found(kind_for(text, cs, ce, quotes), cs, ce, (m.start() + 1, m.end() - 1), np,
                 "indirect:passive", paragraph, clause=(m.start(), np.end))
