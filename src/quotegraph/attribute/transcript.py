"""Transcripts and briefings: a paragraph that opens with a speaker label is that speaker's turn.

``MR MILLER: We have said so before.``, ``QUESTION: Can you confirm ...?``, ``Mao Ning: China
firmly opposes ...``. Each turn paragraph is a direct statement by its labelled speaker, and so
is each unlabelled paragraph that continues the turn. Journalists' turns have no speaker (the
label is kept as the mention). A label alone proves little ("Note:", "Photo:", a headline
``Lavrov: ...``), so an article counts as a transcript only when labels open several paragraphs.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_right

from quotegraph.attribute import lexicon as lx
from quotegraph.attribute.found import Found
from quotegraph.attribute.names import fuller_name
from quotegraph.attribute.mentions import SpeakerNP
from quotegraph.read.outlets import KNOWN_OUTLETS
from quotegraph.segment.quotes import word_count

_LABEL = re.compile(
    r"(?P<label>[A-Z][A-Za-z’'\.\-]*(?:\s+[A-Z][A-Za-z’'\.\-]*){0,4})"
    # "Official Spokesperson (Shri Syed Akbaruddin):" names the holder once, in brackets
    r"(?:[ \t]*\((?P<holder>[A-Z][\w’'\.\-]*(?:[ \t]+[A-Z][\w’'\.\-]*){1,4})\))?"
    r"\s*:[ \t]+(?=\S)"
)
QUESTION_LABELS = frozenset({"question", "q", "journalist", "reporter", "questioner",
                             "participant", "audience member", "correspondent", "moderator"})
# At a foreign ministry briefing journalists are labelled by their outlet ("CCTV:", "AFP:").
_MEDIA_WORDS = frozenset("tv daily news times post press agency radio media group service journal "
                         "television broadcasting herald tribune gazette".split())
_MEDIA_NAMES = frozenset("cctv cgtn nhk phoenix bloomberg kyodo yonhap efe dpa ansa nikkei "
                         "politico axios".split()) | frozenset(KNOWN_OUTLETS)
_HEADER_PERSON = re.compile(
    r"(?P<title>\b(?:Spokesperson|Spokesman|Spokeswoman|Minister|President|Secretary|Ambassador|"
    r"Director|Chairman|Chairwoman|Head|Representative|Envoy))\s+(?P<name>[A-Z][\w\-’']+(?:[ \t]+[A-Z][\w\-’']+){0,2})")
_MIN_WORDS = 3  # a label before fewer words is a list or a heading ("Sanders: Win.")
# Labels that open a paragraph of page furniture, not a turn.
NOT_SPEAKERS = frozenset("""
note photo photos source sources read more also related tags tag date updated editor editing
reporting video watch see topics topic category categories share follow published posted
by from subject keywords location time place venue transcript attachment image caption credit
disclaimer contact email tel phone fax address update correction summary background agenda
""".split())
_HONORIFICS = frozenset({"mr", "mr.", "ms", "ms.", "mrs", "mrs.", "dr", "dr.", "the", "shri", "smt",
                         "smt.", "sri", "shrimati", "h.e.", "he"})
_MIN_TURNS = 3
_MAX_CONTINUATION = 6


def _label(text: str, ps: int, pe: int) -> re.Match | None:
    m = _LABEL.match(text, ps, pe)
    if m is None:
        return None
    words = m.group("label").split()
    if words[0].lower().rstrip(".") in NOT_SPEAKERS or " ".join(words).lower() in NOT_SPEAKERS:
        return None
    return m


def is_question(label: str) -> bool:
    """A journalist's turn: "QUESTION", "Q", or the outlet a journalist is labelled by."""
    low = label.lower()
    return low in QUESTION_LABELS or low in _MEDIA_NAMES \
        or any(w in _MEDIA_WORDS for w in low.split())


def _asks(text: str, m: re.Match, pe: int) -> bool:
    """A turn labelled by an outlet rather than a person ("The Paper:", "Civilnet:") that ends in
    a question: a journalist asking, not someone to attribute the words to."""
    label = m.group("label")
    if label.lower().rstrip(".") in ("a", "answer"):
        return False
    return text[m.end():pe].rstrip().endswith("?") and (len(label.split()) == 1 or label.startswith("The "))


def _holder(text: str, m: re.Match) -> SpeakerNP | None:
    """The person a role label names in brackets, honorifics dropped ("Shri Syed Akbaruddin")."""
    words = m.group("holder").split()
    while len(words) > 1 and words[0].lower() in _HONORIFICS:
        words.pop(0)
    if len(words) < 2 and not words[0][:1].isupper():
        return None
    start, end = m.start("label"), m.end("holder") + 1
    return SpeakerNP("name", start, end, text[start:end], name=" ".join(words), title=m.group("label"))


_headers = threading.local()


def _last_header_person(text: str, end: int) -> re.Match | None:
    """The last match of ``_HEADER_PERSON.finditer(text, 0, end)``. Each "Answer:" label
    asked for it anew, scanning from the top: quadratic in a long transcript. The matches in
    the whole text are found once per text; those ending by ``end`` are the same matches, and
    only a match running past ``end`` needs the text read again, from where it starts."""
    if getattr(_headers, "text", None) is not text:
        found = list(_HEADER_PERSON.finditer(text))
        _headers.text, _headers.found, _headers.ends = text, found, [m.end() for m in found]
    found = _headers.found
    k = bisect_right(_headers.ends, end)
    who = found[k - 1] if k else None
    if k < len(found) and found[k].start() < end:
        for who in _HEADER_PERSON.finditer(text, found[k].start(), end):
            pass
    return who


def _speaker(text: str, m: re.Match) -> SpeakerNP:
    start, end = m.span("label")
    label = m.group("label")
    if m.group("holder") and not is_question(label):
        named = _holder(text, m)
        if named is not None:
            return named
    if is_question(label):
        return SpeakerNP("unnamed", start, end, label, head="question")
    if label.lower().rstrip(".") in ("a", "answer"):
        # "Answer:" is the person the page is about: the one its header names, if it does.
        who = _last_header_person(text, start)
        if who is None:
            return SpeakerNP("unnamed", start, end, label, head="answer")
        return SpeakerNP("name", start, end, label, name=who.group("name"), title=who.group("title"))
    words = label.split()
    titles = []
    while len(words) > 1 and (words[0].lower() in _HONORIFICS or words[0].lower() in lx.TITLE_WORDS):
        titles.append(words.pop(0))
    if not words or (len(words) == 1 and words[0].lower() in lx.ROLE_HEADS):
        head = (words or titles)[-1].lower()
        return SpeakerNP("role", start, end, label, head=head, title=label)
    name = " ".join(w if not w.isupper() or len(w) <= 1 else _capitalised(w) for w in words)
    if len(words) == 1:
        name = fuller_name(text, name)
    title = " ".join(t for t in titles if t.lower() not in _HONORIFICS) or None
    return SpeakerNP("name", start, end, label, name=name, title=title)


def _capitalised(word: str) -> str:
    return "-".join(part.capitalize() for part in word.split("-"))




def transcript_turns(text: str, paragraphs: list[tuple[int, int, bool]]) -> list[Found]:
    """Direct statements for the turns of a transcript; empty when the text is not one.

    ``paragraphs`` are (start, end, is_headline) in document order. The first paragraph (the
    title) is never a turn; a labelled paragraph the layout took for a sub-headline can be.
    """
    labels = [(i, _label(text, ps, pe)) for i, (ps, pe, _) in enumerate(paragraphs) if i > 0]
    labelled = [(i, m) for i, m in labels
                 if m is not None and word_count(text, m.end(), paragraphs[i][1]) >= _MIN_WORDS]
    questions = sum(is_question(m.group("label")) or _asks(text, m, paragraphs[i][1])
                    for i, m in labelled)
    if len(labelled) < _MIN_TURNS and not (len(labelled) >= 2 and questions):
        return []
    # Only a real exchange (someone asks) has long answers that run over several paragraphs;
    # in a list of "Name: summary" items the next paragraph is the article's own text.
    continuation = _MAX_CONTINUATION if questions else 0
    by_index = dict(labelled)
    out: list[Found] = []
    np: SpeakerNP | None = None
    holders: dict[str, SpeakerNP] = {}  # role label -> the person it named in brackets
    since = 0
    for i, (ps, pe, headline) in enumerate(paragraphs):
        m = by_index.get(i)
        if headline and m is None:
            continue
        if m is not None:
            np, since = _speaker(text, m), 0
            key = m.group("label").lower()
            if np.kind == "name" and m.group("holder"):
                holders[key] = np
            elif key in holders and np.kind != "name" or np.kind == "role" and key in holders:
                # later turns give the role alone: "Official Spokesperson:" is the same person
                named = holders[key]
                np = SpeakerNP("name", np.start, np.end, np.text, name=named.name, title=named.title)
            if np.kind == "name" and _asks(text, m, pe):
                np = SpeakerNP("unnamed", np.start, np.end, np.text, head="question")
            start, rule = m.end(), "direct:transcript-turn"
        elif np is not None and since < continuation and word_count(text, ps, pe) >= 4:
            since += 1
            start, rule = ps, "direct:transcript-continued"
        else:
            if word_count(text, ps, pe) < 4:
                np = None  # a short line (a heading, a sign-off) ends the turn
            continue
        end = pe
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append(Found("direct", start, end, None, np, rule, i,
                             clause=(np.start, np.end),
                             how=f"turn of '{np.text}' in a transcript"))
    return out
