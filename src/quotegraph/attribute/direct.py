"""Direct quotes: the attribution next to the quotation marks, or the context that supports one.

In-sentence forms: ``"...," he said``, ``"...," said Lavrov``, ``Lavrov said: "..."``,
``"A," he said, "B."`` (two statements), headline ``Lavrov: 'They are ...'``.
Context forms (``continue_quotes``): a quote after ``He explained:`` in the previous sentence, a
quote right after a sentence that attributes something to someone, a quote that runs on into an
attributed paragraph, and a quoted paragraph continuing the previous speaker's turn.
"""

from __future__ import annotations

import re

from quotegraph.attribute import cues
from quotegraph.attribute import lexicon as lx
from quotegraph.attribute.found import Found
from quotegraph.attribute.document_read import document_read
from quotegraph.attribute.documents import document_after, document_subject
from quotegraph.attribute.mentions import document_np, speaker_after, speaker_before
from quotegraph.attribute.surnames import surname_before
from quotegraph.attribute.quote_source import PLAIN_QUOTE_CUES, source_after, source_before
from quotegraph.segment.quotes import Quote, word_count

_GLUE = re.compile(r"^[\s,—–\-]*$")
_INTRO_GAP = re.compile(r"^\s*[:,—–]?\s*$")
_TITLE_CONTEXT = re.compile(
    r"\b(?:so-called|dubbed|titled|entitled|named|called|slogan|motto|format|formats|programme|"
    r"program|project|show|newspaper|magazine|channel|daily|book|film|operation|initiative|"
    r"campaign|doctrine|concept|strategy|plan|party|movement|group|term|word|phrase|label|"
    r"headline|article|column|report|series|mechanism|platform|forum|award|prize|"
    r"the|a|an|as|of|its|their|his|her|our)\s*$",
    re.I,
)
_MIN_CONTEXT_WORDS = 3
_WORD_BEFORE = re.compile(r"[a-z][ \t]+$")  # the quotation goes on a phrase ("chants of "Marco!"")
# "... Sanders said private contractors can be ...": a subject and a finite verb soon after
_CLAUSE_SOON_AFTER = re.compile(rf"\s+(?:that\s+)?(?:[\w’'\-]+\s+){{1,4}}?(?:{lx.AUX})\b")
_CLAUSE_AFTER = re.compile(r"\s+(?:that|he|she|they|we|his|her|their|its)\s+\w+")
# Between a cue and its quote, whom or where it was said: "told reporters:", "told CBS,",
# "said in a statement:", "wrote on Telegram:". A few words, no clause of their own.
_ADDRESSEE_GAP = re.compile(
    r"\s+(?!that\b)(?:[\w.’'\-]+\s+){0,5}?[\w.’'\-]+\s*[:,]\s*$")
_FINITE_NEXT = re.compile(rf"\s+(?:{lx.AUX}|{lx.NEGATED_AUX})(?![\w’'])")
_PRONOUN_CLAUSE = re.compile(r"\s+(?!(?:in|on|at|to|during|after|before|while|when|as|from|with|of|about|"
                             r"last|this|earlier|later|today|yesterday|recently|again|once|and|but|then)\b)[a-z]")
# A subject set off by commas before the quotation it goes on with: "The party, held every four
# years, “allows us to ...,” he said" (the quoted words are the rest of the reported clause).
_SUBJECT_LEAD = re.compile(r"(?:The|A|An|His|Her|Its|Their|Mrs?\.|Ms\.|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b"
                           r"[^,;:“”\"]{0,60},\s+[^;:“”\"]{3,160}?,\s*$")
_CLAUSE_IN_GAP = re.compile(r"\b(?:that|is|are|was|were|has|have|had|will|would|who|which|if|whether)\b", re.I)


def attribute_quote(text: str, q: Quote, s: int, e: int, seg_start: int) -> tuple[Found, int] | None:
    """A direct statement for ``q`` from an attribution next to it in the sentence ``text[s:e]``.

    Returns the statement and the cue offset it used, or None.
    """
    if q.end <= q.start:
        return None
    after = _after(text, q, e)
    if after:
        f, cue_at = after
        lead = text[s:q.open]
        if word_count(lead, 0, len(lead)) >= 2 and not lead.rstrip().endswith((":", ",", "—", "–")) \
                or _SUBJECT_LEAD.match(lead) and not cues.cue_index(text).between(s, q.open):
            # "... words like “maybe” and “perhaps”, he told reporters": the quoted words end a
            # reported clause that starts before them; the whole clause is the statement.
            start = s
            while start < q.open and text[start].isspace():
                start += 1
            f = Found("mixed", start, q.outer_end, f.cue, f.np, "mixed:content-first", f.paragraph,
                      clause=f.clause)
        return f, cue_at
    before = _before(text, q, seg_start)
    if before is not None and before[0].rule == "direct:before-quote":
        end = _clause_after_fragment(text, q, e)
        if end is not None:
            # 'X said “it hurts” every time he thinks of it': the quoted words open a reported
            # clause that goes on after them; the whole clause is the statement
            f = before[0]
            return Found("mixed", q.open, end, f.cue, f.np, "mixed:fragment-first", f.paragraph,
                         clause=f.clause), before[1]
    return before


# After a quoted fragment, the reported clause goes on: a lowercase word that is not where or
# how it was said ("in a statement", "on Monday"), or another quoted fragment after "and".
_GOES_ON = re.compile(r"\s+(?:(?!(?:in|on|at|during|via|through|to|from|for|with|told|said|says|he|she|they|"
                      r"according|adding|saying|and|or|but|then|before|after|while)\b)[a-z]|(?:and|but)\s+[“\"‘']|"
                      # "says 'ready' to resume talks": an infinitive, not whom it was said to
                      r"to\s+(?!(?:the|a|an|his|her|their|its|our|this|that|these|those|reporters|journalists|"
                      r"me|him|them|us|you|parliament|lawmakers|[A-Z]\w*)\b)[a-z]{3,}\b)")
_END_MARKS = " \t\n.!?,;:"


def _clause_after_fragment(text: str, q: Quote, e: int) -> int | None:
    if q.close is None or word_count(text, q.start, q.end) >= 10 or text[q.start:q.end].rstrip()[-1:] in ".!?,":
        return None  # a full quoted sentence is a direct quote of its own
    if not _GOES_ON.match(text, q.outer_end, e):
        return None
    end = e
    while end > q.outer_end and text[end - 1] in _END_MARKS:
        end -= 1
    return end if word_count(text, q.outer_end, end) >= 2 else None


def _after(text: str, q: Quote, e: int) -> tuple[Found, int] | None:
    if q.close is None:
        return None
    pos = q.close + 1
    if (f := document_read(text, q, e)) is not None:
        return f, f.cue[0]  # '“...,” the statement read.'
    m = cues.cue_index(text).first(pos, min(e, pos + 160))
    if not m:
        return None
    between = text[pos:m.start()]
    plain = m.group().lower() in PLAIN_QUOTE_CUES
    if _GLUE.match(between):
        np = speaker_after(text, m.end(), e)
        if np is None and plain:
            np = source_after(text, m.end(), e)  # '"...," said a 2008 campaign veteran.'
        if (np is None or np.kind == "unnamed" and np.head == "statement") \
                and (doc := document_after(text, m.end(), e)) is not None and doc[1] is not None:
            # '“...,” reads the statement of the Ministry.', also after "said", where the
            # phrase reader stops at "the statement" and the issuer named after it was lost
            np = document_np(text, *doc) or np
        elif np is None and (doc := document_after(text, m.end(), e)) is not None:
            np = document_np(text, *doc)
        if np is not None and (_FINITE_NEXT.match(text, np.end, e) or np.kind == "pronoun"
                               and _PRONOUN_CLAUSE.match(text, np.end, e)):
            # 'Lee, citing “the magic of it,” said the plan could work': the phrase after the
            # cue is the subject of a reported clause, not the quotation's speaker
            return None
        if np is not None:
            return _direct(q, m, np, "direct:after-quote", clause=(pos, np.end)), m.start()
        return None
    np = speaker_before(text, pos, m.start())
    if np is None and plain:
        np = surname_before(text, pos, m.start())  # '"...," Cuban said.' after "Mark Cuban"
    if np is None and plain:
        glue = _GLUE.match(between[:len(between) - len(between.lstrip(" ,—–-"))] or " ")
        np = source_before(text, pos, m.start(), e, m.end()) if glue else None  # '"...," one aide said.'
    doc = document_subject(text, pos, m.start()) if np is not None else None
    if np is not None and _GLUE.match(text[pos:np.start if doc is None else doc[0][0]]):
        # ('“...,” the statement of the Ministry reads': the issuer stands after the document)
        if _WORD_BEFORE.search(text, max(0, q.open - 3), q.open) \
                and (_CLAUSE_AFTER.match(text, m.end(), e) or _CLAUSE_SOON_AFTER.match(text, m.end(), e)
                     or _names_show(text, q, m.end(), e)):
            # 'Walking in to chants of "Marco!," the senator said his campaign was ...': the cue
            # reports the clause after it; the quotation is part of an introduction
            return None
        return _direct(q, m, np, "direct:after-quote", clause=(np.start, m.end())), m.start()
    return None


_REPORT_AFTER = re.compile(r"\s+(?:that\s+)?(?!(?:in|on|at|during|to|from|for|with|of|about|last|this|earlier|later|"
                           r"today|yesterday|recently|again|once)\b)(?:[\w’'\-]+\s+){2}[\w’'\-]+")


def _names_show(text: str, q: Quote, cue_end: int, e: int) -> bool:
    """'Sunday on Fox's “Morning Hour,” Rep. Ada Quist said the plan ...': a quoted title in the
    sentence's introduction, and a clause of at least three words reported after the cue."""
    words = text[q.start:q.end].rstrip(".,!?").split()
    if not words or len(words) > 5 or not all(w[:1].isupper() for w in words if len(w) > 3):
        return False  # not a title: 'The ''animosity is like ...,'' he told X' stays a quotation
    return _REPORT_AFTER.match(text, cue_end, e) is not None


def _before(text: str, q: Quote, seg_start: int) -> tuple[Found, int] | None:
    region_end = q.open
    last = None
    for m in cues.cue_index(text).between(max(seg_start, region_end - 200), region_end):
        last = m
    if last is not None and (_INTRO_GAP.match(text[last.end():region_end])
                             or _ADDRESSEE_GAP.match(text, last.end(), region_end)):
        np = speaker_before(text, seg_start, last.start())
        if np is None and text[last.start()].isupper() and not text[seg_start:last.start()].strip():
            # 'Said Ada Quist, “No.”' / 'Says the mayor: “No.”': an inverted attribution opening
            # the sentence, the speaker right after the cue
            np = speaker_after(text, last.end(), region_end)
            if np is not None and not _INTRO_GAP.match(text[np.end:region_end]):
                np = None
        if np is None:
            # 'Ada Quist shook her head and said, “No.”': the subject of the sentence's first verb
            from quotegraph.attribute.reported import subject_of_first_verb
            np = subject_of_first_verb(text, seg_start, last.start(), [q])
        if np is not None and _CLAUSE_IN_GAP.search(text, last.end(), region_end) is None:
            gap = text[last.end():region_end]
            rule = "direct:colon-intro" if ":" in gap else "direct:before-quote"
            return _direct(q, last, np, rule, clause=(np.start, last.end())), last.start()
    return None


def headline_colon(text: str, q: Quote, line_start: int) -> Found | None:
    """``Lavrov: 'They are trying ...'`` in a headline."""
    gap = text[line_start:q.open].rstrip()
    if not gap.endswith(":"):
        return None
    np = speaker_before(text, line_start, line_start + len(gap) - 1)
    if np is None or np.start != line_start or np.kind not in ("name", "institution", "role"):
        return None
    cue = (line_start + len(gap) - 1, line_start + len(gap))
    return Found("direct", q.start, q.end, cue, np, "direct:headline", q.paragraph,
                 clause=(line_start, cue[1]))


def is_title_like(text: str, q: Quote, s: int) -> bool:
    """A short quotation that names something (a format, a show, a scare-quoted word)."""
    n = word_count(text, q.start, q.end)
    if n >= 8:
        return False
    before = text[max(s, q.open - 40):q.open]
    if _TITLE_CONTEXT.search(before):
        return True
    inner = text[q.start:q.end].rstrip(".,!?")
    words = inner.split()
    return n <= 4 and all(w[:1].isupper() for w in words if len(w) > 3)


def continue_quotes(text: str, quotes_by_sentence, statements: list[Found], sentence_np) -> list[Found]:
    """Context attribution for quotes no attribution in their own sentence covers.

    ``quotes_by_sentence``: list of (sentence index, paragraph, sentence start, Quote) for
    unattributed quotes that start their sentence; ``sentence_np(i)`` gives the speaker phrase
    of an attribution found in sentence ``i`` (or None); ``statements`` are those found so far.
    """
    out: list[Found] = []
    for idx, paragraph, s, q in quotes_by_sentence:
        if word_count(text, q.start, q.end) < _MIN_CONTEXT_WORDS:
            continue
        prev = sentence_np(idx - 1)
        if prev is not None and (prev[1] == paragraph or prev[2] and prev[1] == paragraph - 1):
            # the same paragraph, or "He said:" closing the paragraph before
            np, _, colon = prev
            rule = "direct:colon-intro" if colon else "direct:after-attribution"
            out.append(Found("direct", q.start, q.end, None, np, rule, paragraph, inherit=None,
                             how="the previous sentence attributes to this speaker"))
            continue
        out.append(Found("direct", q.start, q.end, None, None, "direct:continuation", paragraph,
                         inherit="context"))
    return out


def _direct(q: Quote, m: re.Match, np, rule: str, *, clause) -> Found:
    return Found("direct", q.start, q.end, (m.start(), m.end()), np, rule, q.paragraph, clause=clause)
