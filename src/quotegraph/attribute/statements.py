"""Find every attributed statement in an article: paragraphs -> sentences -> quotes and cues.

The result is a list of ``Found`` (content span, cue span, speaker phrase) in document order;
``quotegraph.resolve.speakers`` then turns speaker phrases into canonical speakers.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import Protocol

from quotegraph.attribute import candidates, cues, scorer
from quotegraph.attribute.after_saying import after_saying
from quotegraph.attribute.direct import attribute_quote, continue_quotes, headline_colon, is_title_like
from quotegraph.attribute.back_reference import back_references
from quotegraph.attribute.found import Found
from quotegraph.attribute.fragment_after import fragment_after
from quotegraph.attribute.in_words import in_words
from quotegraph.attribute.it_was_said import it_was_said
from quotegraph.attribute.interrupted import other_halves
from quotegraph.attribute.mentions import speaker_after, speaker_before
from quotegraph.attribute.transcript import transcript_turns
from quotegraph.attribute.reported import adding, kind_for, participle, reported_in_sentence, trim
from quotegraph.attribute.said_this import points_back
from quotegraph.segment.quotes import find_quotes, word_count
from quotegraph.segment.text import paragraphs, sentences
from quotegraph.spans import matches_between

_BULLET = re.compile(r"\s*[•·▪●*\-–—]\s*")  # a list item: "  • 'We are ready';"
# A quotation after only a connective ('But “...”', 'Now, “...”') still opens its sentence.
_LEAD_IN = re.compile(r"\s*(?:But|And|Yet|Still|Now|So|Then|Also|Again|Indeed)[,:]?\s*")
_ANY_MARK = re.compile(r"[\"“”«»„‘’']")
_ACCORDING_HINTS = ("ccord", "ccodr", "cordng", "cordig", "ccoring", "as per", "As per", "words of")
_PARTICIPLE_HINT = re.compile(r"(?:,[\u201d\u2019\"]?|[–—])\s+(?:while\s+)?(?:saying|adding|warning|arguing|insisting|claiming|stressing|"
                              r"noting|declaring|telling|calling|describing|branding|accusing|urging|"
                              r"stating|promising|pledging|vowing|explaining|asserting|pointing|recalling|emphasi[sz]ing|"
                              r"underlining|writing|tweeting|posting|announcing)\b|\sexpressing\s+(?:concern|hope|regret|confidence|support)\b"
                              r"|\sstatement\s+(?:saying|calling|urging|warning)\b"
                              r"|\sby\s+(?:saying|telling|warning|arguing|insisting|claiming|noting|"
                              r"declaring|calling|accusing|urging)\b"
                              r"|\sas\s+(?:saying|stating)\b"
                              r"|\s(?:and|but)\s+(?:saying|adding|warning|telling|arguing|insisting|claiming|noting)\b"
                              r"|(?:\d\s*(?:percent|%)|\b(?:share|proportion|percentage)\s+of)(?:\s+[\w’'\-]+){0,4}?\s+saying\b"
                              r"|,\s+with\s+[^,;.]{2,100}?\s+(?:saying|warning|arguing|adding)\b"
                              r"|\b(?:[Aa]fter|[Uu]pon|[Ww]hile|[Bb]efore|[Ss]ince)\s+(?:[a-z]+\s+)?"
                              r"(?:saying|arguing|claiming|insisting|announcing|declaring|telling)\b")
_HINT_WORDS = ("saying", "adding", "warning", "arguing", "insisting", "claiming", "stressing",
               "noting", "declaring", "telling", "calling", "describing", "branding", "accusing",
               "urging", "stating", "promising", "pledging", "vowing", "explaining", "asserting", "pointing", "recalling",
               "emphasising", "emphasizing", "underlining", "expressing", "writing", "tweeting",
               "posting", "announcing")


def _participle_hints(text: str) -> list[re.Match]:
    """``_PARTICIPLE_HINT.finditer(text)``, found faster: every hint holds one of the verbs,
    so the pattern is tried only in a window before each place ``str.find`` finds one (the
    scan of every space by the pattern itself cost more than the rest of the sentence pass)."""
    found: dict[tuple[int, int], re.Match] = {}
    for at, n in _hint_words_at(text):
        lo = max(0, at - 130)
        for m in _PARTICIPLE_HINT.finditer(text, lo, min(len(text), at + n + 40)):
            if m.end() > at:
                found[m.span()] = m
    return [found[k] for k in sorted(found)]


# Every hint word ends in "ing": one str.find scan for "ing" (a few dozen an article) and a
# set lookup of the letters before each finds every occurrence of every word, where a
# str.find scan of the whole text per word (31 scans) cost 1.5% of the extraction.
assert all(w.endswith("ing") for w in _HINT_WORDS)
_HINT_LENGTHS = tuple((n, frozenset(w for w in _HINT_WORDS if len(w) == n))
                      for n in sorted({len(w) for w in _HINT_WORDS}))


def _hint_words_at(text: str) -> list[tuple[int, int]]:
    """``(start, length)`` of every occurrence of every word of ``_HINT_WORDS`` in ``text``
    (overlapping ones too: "recalling" holds "calling"), in text order."""
    out: list[tuple[int, int]] = []
    at = text.find("ing")
    while at >= 0:  # ("ing" cannot overlap itself: every occurrence is found)
        end = at + 3
        for n, words in _HINT_LENGTHS:
            if n <= end and text[end - n:end] in words:
                out.append((end - n, n))
        at = text.find("ing", end)
    out.sort()
    return out


_PARTICIPLE_INTRO = re.compile(r",\s+(?:and\s+)?(?P<cue>adding|saying|noting|stating|stressing|"
                               r"explaining|declaring|insisting)\s*[:,]?\s*$")
# "X — MFA", and "X: Foreign Office" / "X: spokesperson" (a colon after the claim, a short tag
# with no colon or quotation of its own after it; "Lavrov: 'We ...'" is a direct quote instead).
_HEADLINE_DASH = re.compile(r"\s[—–-]{1,2}\s*(?=\S[^—–]{0,60}$)"
                            r"|(?<=[\w’')\]])(?<!Photo)(?<!Photos)(?<!Source)(?<!Credit)(?<!Image)(?<!Video)"
                            r":\s+(?=[A-Za-z][^—–:“”\"«»‘’'()]{0,40}$)")  # not "(Photo: Name)"


# The scorer switch as read at the start of the article being read: asking the environment
# again for every sentence with a cue (a failed os.environ lookup raises and catches KeyError)
# cost 1% of the extraction. Held with the text, whose identity is checked before use.
_scoring: list[tuple[str, bool]] = []


class _Meta(Protocol):
    body_start: int
    headlines: tuple[tuple[int, int], ...]
    skip: tuple[tuple[int, int], ...]


def article_paragraphs(text: str, meta: _Meta) -> list[tuple[int, int, bool]]:
    """(start, end, is_headline) for every paragraph that can carry statements."""
    out: list[tuple[int, int, bool]] = []
    for ps, pe in paragraphs(text):
        if any(a <= ps and pe <= b for a, b in meta.skip):
            continue
        # A line that opens with furniture ("date 2024-10-02 Headline ...") starts after it.
        for a, b in meta.skip:
            if a <= ps < b < pe:
                ps = b
                while ps < pe and text[ps].isspace():
                    ps += 1
        headline = ps < meta.body_start and any(a < pe and ps < b for a, b in meta.headlines)
        if headline:
            out.append((ps, pe, True))
            continue
        if pe <= meta.body_start:
            continue
        if ps < meta.body_start:
            ps = meta.body_start
            while ps < pe and text[ps].isspace():
                ps += 1
        if ps < pe:
            out.append((ps, pe, False))
    return out


def find_statements(text: str, meta: _Meta) -> tuple[list[Found], list[tuple[int, int]]]:
    """Every statement in ``text`` in document order, with overlaps removed, and the spans of
    all top-level quotations (marks included), which speaker resolution must look past."""
    found: list[Found] = []
    quote_spans: list[tuple[int, int]] = []
    pending: list[tuple[int, int, int, object]] = []
    attributions: dict[int, tuple[object, int, bool]] = {}
    _scoring[:] = [(text, scorer.enabled())]
    index = cues.cue_index(text)
    all_cues, cue_starts = index.matches, index.starts
    maybe = any(k in text for k in _ACCORDING_HINTS)  # a plain scan is far cheaper than the regex
    all_according = list(cues.ACCORDING.finditer(text)) if maybe else []
    according_starts = [m.start() for m in all_according]
    all_participles = _participle_hints(text)
    participle_starts = [m.start() for m in all_participles]
    sidx = 0
    marks = [m.start() for m in _ANY_MARK.finditer(text)]  # one scan instead of one per paragraph
    paras = article_paragraphs(text, meta)
    turns = transcript_turns(text, paras) if ":" in text else []
    last_np = None
    prev_direct: tuple[int, Found] | None = None  # (sentence index, its direct statement)
    for pi, (ps, pe, headline) in enumerate(paras):
        k = bisect.bisect_left(marks, ps)
        quotes = find_quotes(text, ps, pe, pi) if k < len(marks) and marks[k] < pe else []
        if not quotes and not headline and not matches_between(all_cues, cue_starts, ps, pe) \
                and not matches_between(all_according, according_starts, ps, pe) \
                and not matches_between(all_participles, participle_starts, ps, pe) \
                and text.find(" words, ", ps, pe) < 0:
            sidx += 1  # nothing in this paragraph can attribute anything: skip its sentences
            continue
        quote_spans.extend((q.open, q.outer_end) for q in quotes)
        opens = [q.open for q in quotes]
        spans = [(ps, pe)] if headline else sentences(text, ps, pe, quotes)
        for s, e in spans:
            # Only the quotes that touch this sentence (top-level quotes never overlap).
            lo = bisect.bisect_left(opens, s)
            if lo > 0 and quotes[lo - 1].outer_end > s:
                lo -= 1
            sq = quotes[lo:bisect.bisect_left(opens, e)]
            sentence_cues = matches_between(all_cues, cue_starts, s, e)
            sentence_according = matches_between(all_according, according_starts, s, e)
            participles = bool(matches_between(all_participles, participle_starts, s, e))
            if not (sq or sentence_cues or sentence_according or headline or participles
                    or text.find(" words, ", s, e) >= 0):  # (or "In his words, X")
                sidx += 1
                continue  # nothing here can attribute anything
            if text[s] == "(" and text[s:e].rstrip().rstrip(".").endswith(")") \
                    and text.find(")", s, e) == text.rfind(")", s, e):
                # "(On Monday he said he would ...)": a sentence in brackets is read inside them
                s = s + 1
                e = text.rfind(")", s, e)
            waiting = len(pending)
            local = _sentence(text, s, e, sq, pi, headline, sidx, pending, sentence_cues,
                              sentence_according, participles, first=s == ps, last=last_np)
            # (a quotation left for the continuation rule, 'But “...”', is not a fragment)
            if not local and sq and len(pending) == waiting and not headline and not sentence_cues and not sentence_according \
                    and not participles and prev_direct is not None and prev_direct[0] == sidx - 1:
                f = fragment_after(text, s, e, sq, prev_direct[1], pi)
                if f is not None:
                    local.append(f)
            prev_direct = None
            for f in local:
                if f.kind == "direct" and f.np is not None:
                    prev_direct = (sidx, f)
            colon = text[s:e].rstrip().endswith(":")
            np = next((f.np for f in reversed(local) if f.np is not None), None)
            if np is None and colon:
                np = _colon_speaker(text, s, e)
            if np is not None:
                attributions[sidx] = (np, pi, colon)
                last_np = np
            found.extend(local)
            sidx += 1

    def sentence_np(i: int):
        return attributions.get(i)

    found.extend(continue_quotes(text, pending, found, sentence_np))
    if not turns:  # "He stated this today": the sentence before is what he stated
        found.extend(back_references(text, paras, found, lambda i: find_quotes(text, *paras[i][:2], i)))
    return _with_turns(_without_overlaps(found), turns), quote_spans


def _sentence(text, s, e, quotes, pi, headline, sidx, pending, cue_matches, according_matches,
              participles=True, first=False, last=None) -> list[Found]:
    local: list[Found] = []
    used: set[int] = set()
    seg_start = s
    for q in (q for q in quotes if s <= q.open < e):
        if headline:
            f = headline_colon(text, q, s)
            if f is not None:
                local.append(f)
                seg_start = q.outer_end
                continue
        r = attribute_quote(text, q, s, e, seg_start)
        if r is None:
            r = _participle_intro(text, q, s, pi)
        if r is None and local and (f := _split_after(text, local[-1], q)) is not None:
            local.append(f)  # '"A," said Ed Lamb, an economist, "B."': B is Lamb's too
            seg_start = q.outer_end
            continue
        if r is not None:
            f, cue_at = r
            local.append(f)
            used.add(cue_at)
            extra = adding(text, f, e, quotes, pi)
            if extra is not None:
                local.append(extra)
        elif (not text[seg_start:q.open].strip() or _BULLET.fullmatch(text, seg_start, q.open)
              or seg_start == s and _LEAD_IN.fullmatch(text, s, q.open)) \
                and not is_title_like(text, q, s):
            pending.append((sidx, pi, s, q))
        seg_start = q.outer_end
    direct_spans = [(f.start, f.end) for f in local]
    for f in reported_in_sentence(text, s, e, quotes, used, pi, cue_matches=cue_matches,
                                  according_matches=according_matches):
        if any(a < f.end and f.start < b for a, b in direct_spans) and f.kind != "mixed":
            continue
        if f.kind == "indirect" and points_back(text, f.start, f.end):
            continue  # "He said this during an interview with ...": what was said came before
        local.append(f)
    if not local and not headline and (f := in_words(text, s, e, quotes, pi, kind_for, trim)
                                       or it_was_said(text, s, e, quotes, pi, kind_for, trim)) is not None:
        local.append(f)  # "In his words, X", "It was noted that X"
    if (headline or _BULLET.match(text, s)) and not local:
        f = _headline_dash(text, s, e, quotes, pi) if headline else None
        if f is None:
            f = _label_colon(text, s, e, quotes, pi)
        if f is not None:
            local.append(f)
    elif not local and participles:
        f = participle(text, s, e, quotes, pi)
        if f is not None:
            local.append(f)
    if not local and not headline and (f := after_saying(text, s, e, quotes, pi, kind_for, trim)):
        local.append(f)  # "After saying he was nervous, the man ..."
    if cue_matches and not headline:
        local.extend(_scored(text, s, e, quotes, cue_matches, local, used, pi, first, last))
    if local and not headline:
        local.extend(other_halves(text, s, e, local, quotes))
    return local


def _scored(text, s, e, quotes, cue_matches, local, used, pi, first, last) -> list[Found]:
    """The borderline candidates of this sentence (see ``candidates``) that the learned
    scorer accepts, each explaining itself with the scorer's margin."""
    bag = candidates.collector()
    if bag is None:
        scoring = _scoring[0] if _scoring else None  # (read once: another thread may switch)
        if not (scoring[1] if scoring is not None and scoring[0] is text else scorer.enabled()):
            return []
    taken = [(min(f.start, f.cue[0] if f.cue else f.start), max(f.end, f.cue[1] if f.cue else f.end))
             for f in local]
    cands = candidates.borderline(text, s, e, quotes, cue_matches, taken, used, pi, first, last)
    if bag is not None:
        bag.extend(cands)
        return []
    out: list[Found] = []
    for c in cands:
        m = scorer.margin(c.features)
        if m > 0 and not any(a < c.found.end and c.found.start < b for a, b in taken):
            out.append(replace(c.found, how=f"scorer margin {m:+.2f} (cue '{text[c.found.cue[0]:c.found.cue[1]]}',"
                                            f" {len(c.features)} features)"))
            taken.append((c.found.cue[0], c.found.end))
    return out


def _headline_dash(text: str, s: int, e: int, quotes, pi: int) -> Found | None:
    """``Kazakhstan will not join sanctions — MFA``: the source after a dash ends the headline."""
    m = None
    for m in _HEADLINE_DASH.finditer(text, s, e):
        pass
    if m is None:
        return None
    np = speaker_after(text, m.end(), e)
    if np is None or np.end < e - 1 or np.kind not in ("name", "institution", "role"):
        return None
    cs, ce = trim(text, s, m.start())
    if word_count(text, cs, ce) < 3:
        return None
    cue = (m.start(), m.start() + 1) if text[m.start()] == ":" else (m.start() + 1, m.end())
    return Found(kind_for(text, cs, ce, quotes), cs, ce, cue, np,
                 "indirect:headline-dash", pi, clause=(m.start(), e))


_SPLIT_GAP = re.compile(r"(?:,\s+[^\"“”«».;:()]{1,160}?)?,\s*")
_SPLIT_TAIL = re.compile(r"(?:\s+[^\"“”«».;:()]{1,160}?)?,\s*")


def _split_after(text: str, prev: Found, q) -> Found | None:
    """The second half of a quotation split by an inverted attribution: '"A," said Ed Lamb,
    "B."', also with an appositive or aside after the name ('said Ed Lamb, an economist who
    ..., "B."'). Only right after a direct statement attributed after its quote."""
    if prev.kind != "direct" or prev.rule != "direct:after-quote" or prev.np is None \
            or prev.cue is None or q.end <= q.start:
        return None
    if prev.np.start < prev.cue[1]:
        # '"A," he said of the men whose rights were restored, "but B."': whatever follows the
        # cue up to the comma before the second half is where or of whom it was said
        gap = _SPLIT_TAIL.fullmatch(text, prev.cue[1], q.open)
    else:
        gap = _SPLIT_GAP.fullmatch(text, prev.np.end, q.open)
    if gap is None or word_count(text, q.start, q.end) < 2:
        return None
    return Found("direct", q.start, q.end, prev.cue, prev.np, "direct:split-after", q.paragraph,
                 clause=prev.clause)


def _participle_intro(text: str, q, s: int, pi: int):
    """``..., said Karin, adding: “We will talk to everyone.”``: the quote is the speaker's of
    the attribution the participle continues."""
    intro = _PARTICIPLE_INTRO.search(text, max(s, q.open - 40), q.open)
    if intro is None:
        return None
    prior = cues.cue_index(text).between(s, intro.start())
    if not prior:
        return None
    m = prior[-1]
    np = speaker_after(text, m.end(), intro.start())
    if np is None or np.end < intro.start() - 1:
        np = speaker_before(text, s, m.start())
    if np is None:
        return None
    f = Found("direct", q.start, q.end, intro.span("cue"), np, "direct:participle-intro", pi,
              clause=(intro.start(), intro.end()))
    return f, intro.start("cue")  # the attribution's own cue stays free for its own statement


# Names of wire columns and page sections that stand before a colon like a speaker label.
_COLUMN_LABELS = frozenset({"The Latest", "Latest", "Analysis", "Update", "Breaking", "Explainer",
                            "Factbox", "Fact check", "Fact Check", "Exclusive", "Live", "Timeline",
                            "Correction", "Editorial", "Opinion", "Watch", "Poll", "Q&A"})


def _label_colon(text: str, s: int, e: int, quotes, pi: int) -> Found | None:
    """``Saudi foreign minister: Iran must change course`` as a headline or a list item: the
    words after a speaker label and a colon, with no quotation marks, are reported speech."""
    b = _BULLET.match(text, s)
    start = b.end() if b else s
    colon = text.find(": ", start, min(e, start + 80))
    if colon < 0 or any(start <= q.open < colon for q in quotes):
        return None
    if text[start:colon] in _COLUMN_LABELS:
        return None  # "The Latest: Cruz to give away a shotgun" is a column's name, not a source
    np = speaker_before(text, start, colon)
    if np is None or np.start != start or np.kind not in ("name", "institution", "role"):
        return None
    cs, ce = trim(text, colon + 1, e)
    if word_count(text, cs, ce) < 3 or text[cs:cs + 1] in "\"“«‘'":
        return None
    return Found(kind_for(text, cs, ce, quotes), cs, ce, (colon, colon + 1), np,
                 "indirect:label-colon", pi, clause=(start, colon + 1))


def _colon_speaker(text: str, s: int, e: int):
    """``He explained:`` closing a paragraph: the speaker of the quote that follows."""
    last = None
    for last in cues.cue_index(text).between(s, e):
        pass
    if last is None:
        return None
    return speaker_before(text, s, last.start())


def _with_turns(found: list[Found], turns: list[Found]) -> list[Found]:
    """Transcript turns hold the statements inside them: "MR X: ... the minister made clear that
    Y" is X's turn and the minister's statement Y, both on the record. A statement that is
    nearly the whole turn is the turn itself and gives way to it."""
    if not turns:
        return found
    # Only turns starting between f.end - len(f) / 0.9 and f.start can hold f and be at most
    # a ninth longer: bisect finds them (testing every turn made a long transcript quadratic).
    by_start = sorted(turns, key=lambda t: t.start)
    starts = [t.start for t in by_start]

    def same_as_turn(f: Found) -> bool:
        lo = bisect.bisect_left(starts, f.end - (f.end - f.start) / 0.9 - 1)
        hi = bisect.bisect_right(starts, f.start)
        return any(t.start <= f.start and f.end <= t.end and (f.end - f.start) >= 0.9 * (t.end - t.start)
                   for t in by_start[lo:hi])
    kept = [f for f in found if not same_as_turn(f)]
    return sorted(kept + turns, key=lambda f: (f.start, -(f.end - f.start)))


def _without_overlaps(found: list[Found]) -> list[Found]:
    ordered = sorted(found, key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Found] = []
    for f in ordered:
        clash = False
        for k in kept[-6:]:
            overlap = min(k.end, f.end) - max(k.start, f.start)
            if overlap > 0 and overlap >= 0.5 * min(k.end - k.start, f.end - f.start):
                clash = True
                break
        if not clash and f.end > f.start:
            kept.append(f)
    return kept
