"""The occasion of a statement, where the text gives it: "in an interview with Khabar-24",
"told a briefing", "at the SCO summit", "speaking to reporters in Astana", "in a statement on
Telegram", "at a press conference".

Who said something matters less without where: a line at a summit is diplomacy, the same line
in an interview is messaging. The occasion is looked for only in the attribution sentence (the
sentence holding the cue, else the statement's own first sentence) and, when that
has none, in the sentence before it ("Lavrov held a press conference in Astana. 'We ...,' he
said."), unless that sentence attributes a statement to someone else. Words inside any
statement of the article are never an occasion: "Russia will raise it at the summit" is what
was said, not where.

``kind`` is normalised to one of :data:`quotegraph.model.OCCASION_KINDS`: ``meeting`` covers
summits, forums, sessions and talks; remarks to reporters count as a ``press conference``;
``statement`` is a written statement, communiqué or press release (also one posted on
Telegram); ``social media post`` is a post, tweet or channel message. ``venue`` is the outlet,
platform, event name or, failing those, the place ("in Astana") the words name. Of several
occasions in one sentence the first one wins.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from quotegraph.model import Occasion, Span, Statement
from quotegraph.spans import SpanSet, trie_alternation

_NAME = r"[A-Z0-9][\w’'&.-]*(?:\s+(?:(?:of|for|de|the)\s+)?[A-Z0-9][\w’'&.-]*)*"
_ART = r"(?i:an?|the|his|her|its|their|this|that|\w+['’]s)\s+"  # "today's briefing"
_WORDS = r"(?:[\w’'&-]+\s+){0,4}?"  # "regular press", "Foreign Ministry's weekly"
_PLACE = rf"(?:\s+(?:in|at)\s+(?:the\s+)?(?P<place>{_NAME}))?"
_PLATFORM = (r"(?:Telegram|X|Twitter|Facebook|Instagram|VKontakte|VK|Weibo|WeChat|"
             r"Truth\s+Social|LinkedIn|YouTube|Threads)")
# Outlets that are named without a word saying they are one ("told TASS").
_OUTLETS = (r"(?:TASS|RIA\s+Novosti|RIA|Interfax|Sputnik|Reuters|AFP|AP|Xinhua|CNN|BBC|"
            r"Izvestia|Kommersant|RBC|Kazinform|Khabar(?:-24)?|Trend|APA|Anadolu|Al\s+Jazeera|"
            r"Bloomberg|CGTN|NHK|Yonhap|Fox\s+News|NBC|CBS|ABC|Politico|Axios|FT|"
            r"Financial\s+Times)")
_MEDIA_NOUN = (r"(?:newspaper|daily|news\s+agency|agency|TV\s+channel|channel|television|"
               r"radio|broadcaster|magazine|news\s+outlet|outlet|website|portal|publication)")
# What opens a press conference or briefing: "at a", "told a", "held a" ...
_AT = r"(?i:at|during|in|told|to|addressing|held|gave|holding|giving)"
_REPORTERS = (r"(?i:reporters|journalists|the\s+press|the\s+media|media|newsmen|correspondents)"
              r"(?!\s+(?i:representatives?|correspondents?|outlets?|workers))")

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(p)) for kind, p in (
        ("interview", rf"(?i:in|during|to|gave)\s+{_ART}{_WORDS}(?i:interviews?)"
                      rf"(?:\s+(?i:with|to|for|on)\s+(?:the\s+)?(?P<venue>{_NAME}))?"),
        ("interview", rf"(?i:told|telling|tell)\s+(?:the\s+)?(?P<venue>{_NAME})\s+"
                      rf"(?:{_MEDIA_NOUN}\s+)?(?i:in\s+an?\s+(?:\w+\s+)?interview)"),
        ("interview", rf"(?i:told|telling|tell)\s+(?:the\s+)?(?P<venue>{_NAME})\s+{_MEDIA_NOUN}"),
        ("interview", rf"(?i:told|telling|tell|in\s+(?:comments|remarks)\s+to)\s+"
                      rf"(?:the\s+)?(?P<venue>{_OUTLETS})\b"),
        ("interview", rf"(?i:told|telling|tell)\s+(?i:the|a|an)\s+(?:[\w-]+\s+){{0,2}}?"
                      rf"(?i:{_MEDIA_NOUN})\b"),
        ("press conference", rf"{_AT}\s+{_ART}"
                             rf"{_WORDS}(?i:press|news|media)\s+(?i:conferences?)"
                             rf"(?:\s+(?i:with)\s+[^.,;:!?]{{1,60}}?(?=\s+in\s+[A-Z]|[.,;:!?]|$))?"
                             rf"{_PLACE}"),
        ("press conference", rf"(?i:told|telling|tell|speaking\s+to|talking\s+to|spoke\s+to|"
                             rf"said\s+to|in\s+(?:\w+\s+)?(?:remarks|comments)\s+to)\s+"
                             rf"(?:the\s+)?{_REPORTERS}\b{_PLACE}"),
        ("briefing", rf"(?i:{_AT}|at\s+the\s+end\s+of)\s+{_ART}"
                     rf"{_WORDS}(?i:briefings?)\b{_PLACE}"),
        ("briefing", rf"(?i:briefed|briefing)\s+{_REPORTERS}\b{_PLACE}"),
        ("meeting", rf"(?i:at|during|on\s+the\s+sidelines\s+of|addressing|told)\s+{_ART}"
                    rf"(?P<pre>{_WORDS})(?P<head>(?i:summit|forum|meeting|session|talks|"
                    rf"(?<!press )(?<!news )conference|congress|assembly|ministerial|plenary|"
                    rf"council))\b(?:\s+(?i:of)\s+(?:the\s+)?(?P<of>{_NAME}))?"
                    rf"(?:\s+on\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){{0,3}}?(?=\s+in\s+[A-Z]))?{_PLACE}"),
        ("meeting", rf"(?i:in|during)\s+(?:(?i:the|their|his|her)\s+)?(?i:talks)\b{_PLACE}"),
        ("speech", rf"(?i:in|during)\s+{_ART}{_WORDS}(?i:speech|address|keynote|lecture)\b"
                   rf"(?:\s+(?i:at|to|before)\s+(?:the\s+)?(?P<venue>{_NAME}))?"),
        ("speech", rf"(?i:addressing|speaking\s+(?:at|before)|told)\s+(?:the\s+)?"
                   rf"(?i:parliament|lawmakers|legislators|deputies|MPs|senators|students|"
                   rf"State\s+Duma|Duma|Senate|Congress|Mazhilis|Jogorku\s+Kenesh)\b"),
        ("social media post", rf"(?i:wrote|posted|tweeted|said|stated|commented|noted)\s+"
                              rf"(?i:on)\s+(?:(?i:his|her|its|their|the)\s+)?"
                              rf"(?:(?i:official|personal)\s+)?(?P<venue>{_PLATFORM})\b"
                              rf"(?:\s+(?i:channel|account|page|feed))?"),
        ("social media post", rf"(?i:in|via)\s+{_ART}{_WORDS}(?i:post|tweet|message|video)\s+"
                              rf"(?i:on)\s+(?:(?i:his|her|its|their|the)\s+)?"
                              rf"(?P<venue>{_PLATFORM})\b(?:\s+(?i:channel|account|page))?"),
        ("social media post", rf"(?i:on|in)\s+(?i:his|her|its|their)\s+(?:(?i:official)\s+)?"
                              rf"(?P<venue>{_PLATFORM})\s+(?i:channel|account|page|blog)"),
        ("social media post", r"(?i:\btweeted)\b"),
        ("statement", rf"(?i:in|via|through|according\s+to|issued)\s+{_ART}{_WORDS}"
                      rf"(?i:statement|communiqu[eé]|press\s+release|declaration)\b"
                      rf"(?:\s+(?i:on|posted\s+on|published\s+on|released\s+on)\s+"
                      rf"(?:(?i:its|his|her|their|the)\s+)?(?:(?i:official)\s+)?"
                      rf"(?P<venue>{_NAME}))?"),
    ))
# One word every pattern needs: sentences without any are skipped at the cost of one search.
# A trie of the words in their lower, capitalised and upper forms is about four times faster
# than one case-insensitive alternation (measured on PolNeAR text, 2026-12-07).
_KEY_WORDS = ("interview newspaper daily agency TV channel television radio broadcaster magazine "
              "outlet website portal publication conference reporters journalists press media "
              "newsmen correspondents briefing briefed summit forum meeting session talks congress "
              "assembly ministerial plenary council speech address keynote lecture parliament "
              "lawmakers legislators deputies MPs senators students duma senate mazhilis kenesh "
              "tweet statement communiqu release declaration").split()


def _plain_names(alternation: str) -> list[str]:
    """The names of an alternation of plain names such as ``_PLATFORM``: "(?:Telegram|X|
    Truth\\s+Social)" gives "Telegram", "X", "Truth Social"; an optional tail ("Khabar(?:-24)?")
    is dropped, as the name without it is there wherever the name with it is. Raises at import
    on any other regex syntax, so the key trie never silently misses a name."""
    body = alternation.removeprefix("(?:").removesuffix(")")
    names = [re.sub(r"\(\?:[^()]*\)\?$", "", n).replace(r"\s+", " ") for n in body.split("|")]
    bad = [n for n in names if not re.fullmatch(r"[\w -]+", n)]
    if bad:
        raise ValueError(f"occasions: not a plain name in the key trie: {bad}")
    return names


# Only whether a sentence holds a key matters, so the platforms and outlets join the key words
# in one trie: searched as one alternation of plain strings, two and a half times faster than
# the trie followed by the two name alternations tried one name at a time at every position.
_KEYS = re.compile(trie_alternation(sorted(
    {f for w in _KEY_WORDS for f in (w, w.lower(), w.capitalize(), w.upper())}
    | set(_plain_names(_PLATFORM)) | set(_plain_names(_OUTLETS)))))
# A boundary is a sentence mark's trailing quote and spaces before a capital, or a run of line
# breaks. The match opens with the mark itself (or the first line break), a character class,
# so the regex engine jumps between candidate characters instead of trying a lookbehind at
# every position (three times faster); sentence_spans starts the boundary after the mark.
_SENTENCE_END = re.compile(r"[.!?\n](?:(?<=\n)\n*|(?<=[.!?])[\"”’']?\s+(?=[\"“‘']?[A-Z0-9]))")
_TRAILING = ".,;:’'\""


def find_occasion(text: str, st: Statement,
                  statements: Sequence[Statement] = ()) -> Occasion | None:
    """The occasion of ``st`` (rules in the module docstring), or ``None``. ``statements`` are
    all statements of the article: their words are never an occasion."""
    others = [o for o in statements if o is not st]
    return find_occasions(text, [*others, st])[-1]


def find_occasions(text: str, statements: Sequence[Statement]) -> list[Occasion | None]:
    """The occasion of each of an article's ``statements``, in their order. Sentences are
    split once and each sentence searched once, however many statements share it."""
    spans = sentence_spans(text)
    taken = SpanSet((s.start, s.end) for s in statements)
    anchors = sorted(((o.cue.start if o.cue else o.start), k) for k, o in enumerate(statements))
    memo: dict[int, Occasion | None] = {}

    def search(k: int) -> Occasion | None:
        if k not in memo:
            lo, hi = spans[k]
            memo[k] = _first(text, lo, hi, taken) if _KEYS.search(text, lo, hi) else None
        return memo[k]

    out: list[Occasion | None] = []
    for st in statements:
        if not spans:
            out.append(None)
            continue
        # Without a cue the speaker's mention may be paragraphs away: the statement's own
        # sentence is then the one that attributes it.
        anchor = st.cue.start if st.cue else st.start
        i = max(0, bisect_right(spans, (anchor, len(text) + 1)) - 1)
        found = search(i)
        if found is None and i > 0 and search(i - 1) is not None and \
                not _someone_else(st, statements, anchors, *spans[i - 1]):
            found = memo[i - 1]
        out.append(found)
    return out


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every sentence (or line) of ``text``, in order; a boundary is a
    sentence mark (and a closing quote) before a capital, or a line break."""
    spans = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        at = m.start() if text[m.start()] == "\n" else m.start() + 1  # after the mark
        if at > start:
            spans.append((start, at))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _someone_else(st: Statement, statements: Sequence[Statement],
                  anchors: list[tuple[int, int]], lo: int, hi: int) -> bool:
    """Whether ``text[lo:hi]`` attributes a statement to another speaker: its occasion is
    theirs ("In an interview, Trump said ... . Mazari said ..."). ``anchors`` are the sorted
    (cue or start offset, index) of ``statements``, so only the sentence's own are looked at."""
    me = st.speaker.name if st.speaker else None
    for _, k in anchors[bisect_left(anchors, (lo, -1)):bisect_left(anchors, (hi, -1))]:
        other = statements[k]
        if (other.speaker.name if other.speaker else None) != me:
            return True
    return False


# For each pattern in _PATTERNS, words of which one must be in the (lower-cased) sentence for
# the pattern to match at all, or None: a substring test is far cheaper than a regex search.
_MEDIA_WORDS = ("newspaper", "daily", "agency", "channel", "television", "radio", "broadcaster",
                "magazine", "outlet", "website", "portal", "publication")
_PATTERN_KEYS: tuple[tuple[str, ...] | None, ...] = (
    ("interview",), ("interview",), _MEDIA_WORDS, ("tell", "told", "comments", "remarks"),
    _MEDIA_WORDS, ("conference",), ("reporters", "journalists", "press", "media", "newsmen",
                                    "correspondents"),
    ("briefing",), ("brief",),
    ("summit", "forum", "meeting", "session", "talks", "conference", "congress", "assembly",
     "ministerial", "plenary", "council"),
    ("talks",), ("speech", "address", "keynote", "lecture"),
    ("parliament", "lawmakers", "legislators", "deputies", "mps", "senators", "students", "duma",
     "senate", "congress", "mazhilis", "kenesh"),
    None, ("post", "tweet", "message", "video"), ("channel", "account", "page", "blog"),
    ("tweeted",), ("statement", "communiq", "release", "declaration"),
)
# And words one of which must be in the sentence as written (the platform names are matched in
# their own case): "posted on Telegram" needs "Telegram", whatever the verb (that pattern has
# no lower-case key, and ran on every sentence searched).
_PLATFORM_WORDS = tuple(sorted({n.split()[0] for n in _plain_names(_PLATFORM)}))
_PATTERN_CASED_KEYS: tuple[tuple[str, ...] | None, ...] = (
    None, None, None, None, None, None, None, None, None, None, None, None, None,
    _PLATFORM_WORDS, _PLATFORM_WORDS, _PLATFORM_WORDS, None, None,
)
if not len(_PATTERNS) == len(_PATTERN_KEYS) == len(_PATTERN_CASED_KEYS):
    raise ValueError("occasions: one key entry per pattern in _PATTERNS")

# Which keys a sentence holds, in one scan: at each place a key starts, the longest key there
# (a lookahead over their trie sees every place), and with it every key inside it ("brief" in
# "briefing"), since a key starting there is a prefix of the longest. Keys hold no space, which
# the trie would read as any run of whitespace.
_ALL_KEYS = sorted({k for keys in _PATTERN_KEYS if keys for k in keys})
if any(" " in k for k in _ALL_KEYS):
    raise ValueError("occasions: a pattern key holds a space; _KEY_AT would misread it")
_KEY_AT = re.compile("(?=(" + trie_alternation(_ALL_KEYS) + "))")
_INSIDE = {k: frozenset(j for j in _ALL_KEYS if j in k) for k in _ALL_KEYS}


def keys_in(low: str) -> set[str]:
    """The keys of _PATTERN_KEYS that are substrings of ``low``."""
    found: set[str] = set()
    for m in _KEY_AT.finditer(low):
        found |= _INSIDE[m.group(1)]
    return found


def _first(text: str, lo: int, hi: int, taken: SpanSet) -> Occasion | None:
    best: tuple[int, int, str, re.Match[str]] | None = None
    sentence = text[lo:hi]
    present = keys_in(sentence.lower())
    for (kind, rx), keys, cased in zip(_PATTERNS, _PATTERN_KEYS, _PATTERN_CASED_KEYS):
        if keys is not None and present.isdisjoint(keys):
            continue
        if cased is not None and not any(map(sentence.__contains__, cased)):
            continue
        for m in rx.finditer(text, lo, hi):
            s, e = m.start(), m.end()
            if s > 0 and (text[s - 1].isalnum()):
                continue  # inside a word
            if taken.overlaps(s, e):
                continue
            if best is None or (s, -e) < (best[0], -best[1]):
                best = (s, e, kind, m)
            break
    if best is None:
        return None
    s, e, kind, m = best
    while e > s and text[e - 1] in _TRAILING:
        e -= 1
    venue = _venue(text, m, kind, e)
    if venue is None and m.groupdict().get("venue"):
        e = s + len(_PREP_TAIL.sub("", text[s:m.start("venue")]))  # "on Friday" is no venue
    if venue is not None and m.groupdict().get("venue") and m.end("venue") >= e:
        e = venue.end  # the name was cut short ("Civil.ge Georgia's ..."): so is the occasion
    return Occasion(start=s, end=e, text=text[s:e], kind=kind, venue=venue)


def _venue(text: str, m: re.Match[str], kind: str, end: int) -> Span | None:
    groups = m.groupdict()
    span: tuple[int, int] | None = None
    if groups.get("venue"):
        span = m.span("venue")
    elif kind == "meeting":
        span = _meeting_name(text, m)
    if span is None and groups.get("place"):
        span = m.span("place")
    if span is None:
        return None
    s, e = span
    if _FIRST_WORD.match(text, s).group() in _NOT_NAMES or text[s:e].endswith("-based"):
        return None  # "in a statement on Friday", "the British-based publication": no name
    e = min(e, end)
    owner = _POSSESSIVE.search(text, s, e)
    if owner is not None and owner.start() > s:
        e = owner.start()  # "Civil.ge Georgia's Foreign Minister": the outlet ends before
    while True:
        while e > s and text[e - 1] in _TRAILING:
            e -= 1
        last = _LAST_WORD.search(text, s, e)
        if last is None or last.group(1) not in _NOT_NAMES or last.start() <= s:
            break
        e = last.start()  # "RBC Monday": the day is no part of the outlet's name
    return Span(s, e, text[s:e]) if e > s else None


_CAPS_RUN = re.compile(rf"{_NAME}")
_FIRST_WORD = re.compile(r"[\w&]*")
_PREP_TAIL = re.compile(r"(?:\s+(?:on|the|its|his|her|their|official|posted|published|released|"
                        r"with|to|for))*\s*$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"\s+[\w.-]+['’]s\b")
_LAST_WORD = re.compile(r"\s+([\w’'-]+)$")
_NOT_NAMES = frozenset({
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "The", "On", "In", "At", "Last", "This", "Earlier", "Later",
    "Q&A"})


def _meeting_name(text: str, m: re.Match[str]) -> tuple[int, int] | None:
    """The event's name: the capitalised words before the head noun ("the SCO summit",
    "the St Petersburg International Economic Forum", with the head when it is part of the
    name), else the name after "of" ("a meeting of the CSTO Council")."""
    if "pre" not in m.re.groupindex:
        return None  # "during the talks in Geneva": no name before the head (the place may do)
    ps, pe = m.span("pre")
    hs, he = m.span("head")
    runs = [r for r in _CAPS_RUN.finditer(text, ps, pe) if text[r.end():pe].strip() == ""
            and r.group() not in _NOT_NAMES]
    if text[hs].isupper():  # the head is part of the name: "Council of Foreign Ministers"
        start = runs[-1].start() if runs else hs
        return (start, m.end("of") if m.group("of") else he)
    if runs:
        return (runs[-1].start(), runs[-1].end())
    if m.group("of"):
        return m.span("of")
    return None
