"""Numeric claims: the figures a statement cites, with hedge, change, measure and period.

``find_claims(text, start, end)`` reads the statement span ``text[start:end]`` and returns one
:class:`~quotegraph.model.Claim` per quantity that has a unit, all offsets into ``text``. What a
figure measures and the period it covers are read from the same sentence, nearest first; when
the sentence does not say, they stay ``None`` rather than borrowing another sentence's words.
"""

from __future__ import annotations

import re

from quotegraph.model import Claim, Span
from quotegraph.relate.quantities import Quantity, find_quantities

# Hedge words right before a figure, longest first, and the form each is normalised to.
APPROX = {
    "about": "about", "around": "about", "approximately": "about", "roughly": "about",
    "some": "about", "an estimated": "about", "estimated at": "about", "circa": "about",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly",
    "more than": "more than", "over": "more than", "above": "more than",
    "in excess of": "more than", "exceeding": "more than", "exceeded": "more than",
    "exceeds": "more than", "exceed": "more than", "surpassed": "more than",
    "topped": "more than", "upwards of": "more than", "just over": "more than",
    "over than": "more than", "more then": "more than",
    "at least": "at least", "no less than": "at least", "not less than": "at least",
    "less than": "less than", "fewer than": "less than", "under": "less than",
    "below": "less than", "up to": "up to", "as much as": "up to", "as many as": "up to",
}
_APPROX_RE = re.compile(
    r"\b(" + "|".join(sorted((re.escape(w) for w in APPROX), key=len, reverse=True))
    + r")\s+$", re.IGNORECASE)
# Change verbs and nouns before a figure ("rose by", "a decline of") -> direction.
_CHANGE_RE = re.compile(
    r"\b(?P<w>rose|risen|rise|rises|rising|increased|increase|increases|increasing|grew|grown"
    r"|grow|grows|growing|growth|jumped|climbed|surged|soared|added|gained|up|fell|fallen|fall"
    r"|falls|falling|decreased|decrease|decreases|declined|decline|declines|dropped|drop|drops"
    r"|shrank|shrunk|contracted|slid|slumped|plunged|reduced|reduction|down|lost|cut)"
    r"(?:\s+(?:by|of))?\s+(?:(?:[a-z]+\s+){0,2})$", re.IGNORECASE)
_DOWN = frozenset("fell fallen fall falls falling decreased decrease decreases declined decline "
                  "declines dropped drop drops shrank shrunk contracted slid slumped plunged "
                  "reduced reduction down lost cut".split())

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November"
          r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?")
_YEAR = r"(?:19|20)\d\d"
_COUNTWORD = (r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen"
              r"|twenty|thirty|few|several)")
PERIOD_RE = re.compile(
    "|".join([
        rf"(?:(?:from|in|during|for|over)\s+)?{_MONTH}\s*(?:-|–|to|through|and)\s*{_MONTH}(?:,?\s+(?:of\s+)?{_YEAR})?",
        rf"(?:in|during|over|for)\s+the\s+(?:first|last|past)\s+{_COUNTWORD}\s+months"
        rf"(?:\s+of\s+(?:{_YEAR}|this\s+year|last\s+year|the\s+(?:current\s+)?year))?",
        rf"(?:in|during|for|over)\s+the\s+(?:first|second|third|fourth|last)\s+(?:half|quarter)"
        rf"(?:\s+of\s+(?:{_YEAR}|this\s+year|last\s+year|the\s+(?:current\s+)?year))?",
        rf"(?:in\s+)?(?:Q[1-4]|H[12])(?:\s+{_YEAR})?\b",
        rf"(?:over|in|during|for)\s+the\s+(?:past|last|next|coming)\s+(?:{_COUNTWORD}\s+)?"
        rf"(?:years|decades|months|weeks|days|year|decade|month)\b",
        rf"(?:at|by)\s+the\s+end\s+of\s+(?:{_YEAR}|this\s+year|last\s+year|the\s+year)",
        r"(?:during|in|for|over)\s+(?:this|the\s+same)\s+period|in\s+the\s+near\s+future"
        r"|so\s+far(?:\s+this\s+year)?|currently",
        rf"(?:by|until|till|before)\s+(?:the\s+end\s+of\s+)?(?:{_YEAR}|this\s+year|next\s+year"
        rf"|the\s+(?:current\s+)?year|the\s+decade)",
        rf"(?:since|from)\s+(?:{_MONTH}\s+)?{_YEAR}(?:\s*(?:-|–|to)\s*{_YEAR})?",
        rf"(?:in|during|for)\s+(?:{_MONTH}\s+)?{_YEAR}(?:\s*(?:-|–)\s*{_YEAR})?",
        rf"(?:in|during|for)\s+{_MONTH}(?!\s+\d)",
        r"(?:last|this|next|the\s+previous|the\s+past|the\s+current)\s+(?:year|month|quarter"
        r"|week)",
        r"(?:in\s+)?(?:annual|yearly|monthly)\s+terms|(?:a|per)\s+year|annually|a\s+month"
        r"|per\s+month|so\s+far\s+this\s+year|to\s+date",
        rf"{_YEAR}\s*(?:-|–)\s*{_YEAR}",
    ]),
    re.IGNORECASE,
)

# Head words of what a figure measures, longest first so "trade turnover" beats "trade".
MEASURE_HEADS = (
    "trade turnover", "trade volume", "volume of trade", "trade", "turnover", "exports",
    "export", "imports", "import", "investments", "investment", "invested", "invests",
    "invest", "gross domestic product",
    "GDP", "economic growth", "growth", "inflation", "industrial output", "output",
    "production", "budget", "revenues", "revenue", "debt", "reserves", "deficit", "surplus",
    "transit", "cargo", "freight", "gas supply", "supplies", "supply", "deliveries", "settlements", "payments", "sales",
    "tourist flow", "unemployment", "prices", "price", "tariffs", "tariff", "duties",
    "capacity", "spending", "expenditure", "funding", "aid", "assistance", "loans", "loan",
    "credit", "remittances", "shipments", "traffic", "jobs", "earnings", "profits", "profit",
    "income", "wages", "salaries", "population", "harvest", "consumption", "demand", "stake",
    "market share", "share", "portfolio", "capital", "value", "cost", "costs", "damage",
    "losses", "emissions", "deposits", "purchases",
)
_MEASURE_RE = re.compile(
    r"\b(?:(?:[A-Z][a-z]+-[A-Z][a-z]+|bilateral|mutual|foreign|total|overall|annual|direct"
    r"|external|domestic|national|Russian|Chinese|Kazakh|trade|economic|oil|gas|grain|energy"
    r"|goods|cross-border|border|agricultural|industrial|defense|defence|military|wheat|coal"
    r"|non-oil|net|gross|average)\s+){0,3}"
    r"(?:" + "|".join(re.escape(h) for h in MEASURE_HEADS) + r")\b", re.IGNORECASE)
# "40% of foreign trade": the words after "of" are the measure, up to one of these.
_OF_TAIL_RE = re.compile(r"\s+of\s+((?:(?!(?:is|are|was|were|falls?|comes?|goes?|accounts?"
                         r"|which|that|while|and|with|in|by|from|to)\b)[\w'-]+\s*){1,6})")
# A word one of which every period (PERIOD_RE) holds, and the measure heads one of which every
# measure holds, lower case: substring tests rule most sentences out, and the two case-blind
# patterns cost about a microsecond a character (read from PERIOD_RE's alternatives in order:
# two months, "months", half/quarter, Q1-Q4/H1-H2, years ... months, the end of a year, this
# period / the near future / so far / currently, by a year or the decade, since/in a year, in
# a month, last year ..., annual terms ... to date, a range of years).
_PERIOD_WORDS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                 "dec", "month", "half", "quarter", "q1", "q2", "q3", "q4", "h1", "h2", "year",
                 "decade", "week", "day", "period", "future", "far", "currently", "19", "20",
                 "annual", "date")
_MEASURE_WORDS = tuple(h.lower() for h in MEASURE_HEADS)


def _words_for(text: str, lo: int, hi: int) -> tuple[bool, bool]:
    """Whether ``text[lo:hi]`` holds a word of _PERIOD_WORDS and one of _MEASURE_WORDS, as a
    case-blind pattern reads it: always true where lower-casing moves offsets or differs from
    the case-blind match ("İ", "ı" and "ſ" match "i" and "s" there), so the patterns run."""
    low = text[lo:hi].lower()
    if len(low) != hi - lo or "ı" in low or "ſ" in low:
        return True, True
    return any(map(low.__contains__, _PERIOD_WORDS)), any(map(low.__contains__, _MEASURE_WORDS))


_SENTENCE_END = re.compile(r"[.!?;](?=\s+[^a-z\s]|\s*$)|\n")


def _sentence_bounds(text: str, start: int, end: int, pos: int) -> tuple[int, int]:
    """The sentence (or clause between ``;``) of ``text[start:end]`` holding ``pos``."""
    lo = start
    for m in _SENTENCE_END.finditer(text, start, pos):
        lo = m.end()
    m = _SENTENCE_END.search(text, pos, end)
    return lo, m.start() if m else end


def _approx(text: str, lo: int, q: Quantity) -> tuple[str | None, int]:
    """The hedge before ``q`` (normalised) and where the claim then starts."""
    m = _APPROX_RE.search(text, max(lo, q.start - 30), q.start)
    if m:
        return APPROX[m.group(1).lower()], m.start()
    return q.approx, q.start


_LEVEL_RE = re.compile(r"\b(?:to|reaching|from|at)\s+$", re.IGNORECASE)


def _change(text: str, lo: int, at: int) -> str | None:
    """``increase``/``decrease`` for a figure that is the change ("rose by 10%"); a figure after
    "to", "from", "at" is the level before or after it ("rose to $5 billion"), not a change."""
    if _LEVEL_RE.search(text, max(lo, at - 12), at):
        return None
    m = _CHANGE_RE.search(text, max(lo, at - 40), at)
    if not m:
        return None
    return "decrease" if m.group("w").lower() in _DOWN else "increase"


def _span(text: str, start: int, end: int) -> Span:
    return Span(start=start, end=end, text=text[start:end])


# Units whose figure measures something the sentence names ("8 million tonnes of grain",
# "40% of foreign trade", "exports of $3 billion"); a count of companies or jobs measures itself.
_MEASURED_UNITS = frozenset({
    "percent", "percentage points", "currency", "times", "tonnes", "barrels", "cubic metres",
    "kilometres", "miles", "hectares", "megawatts", "gigawatts", "kilowatt-hours", "tonne-km",
    "containers",
})


# "<noun phrase> worth|totaling <figure>": the phrase is what the figure measures; leading
# words in _NOT_HEADS ("a", "more", "imported") are not part of it.
_WORTH_RE = re.compile(
    r"\b(?P<np>(?:[A-Za-z][\w'-]*\s+(?:of\s+)?){0,2}[A-Za-z][\w'-]*)\s+"
    r"(?:worth|totaling|totalling|valued\s+at|with\s+a\s+value\s+of)\s+$")
_NOT_HEADS = frozenset("the a an more new such these those its their our his her other "
                       "imported exported signed and or".split())


def _measure(text: str, lo: int, hi: int, q: Quantity, claim_start: int,
             taken: list[tuple[int, int]], heads: list[tuple[int, int]]) -> Span | None:
    if q.unit not in _MEASURED_UNITS:
        return None  # "22,000 new jobs": the counted noun is what the figure measures
    w = _WORTH_RE.search(text, max(lo, claim_start - 60), claim_start)
    if w:  # "a package of agreements worth $4 billion" measures the package
        words = w.group("np").split()
        while len(words) > 1 and words[0].lower() in _NOT_HEADS:
            words.pop(0)
        start = w.end("np") - len(" ".join(words))
        if text[start:w.end("np")] == " ".join(words):
            return _span(text, start, w.end("np"))
    m = _OF_TAIL_RE.match(text, q.end, hi)
    if m:
        words = m.group(1).rstrip()
        start = m.start(1)
        return _span(text, start, start + len(words))
    best: tuple[int, int, int] | None = None
    for h0, h1 in heads:
        if any(h0 < e and s < h1 for s, e in taken):
            continue  # inside another figure ("2,000 Russian companies")
        if h1 <= claim_start:
            distance = claim_start - h1
        elif h0 >= q.end:
            distance = (h0 - q.end) * 2  # the subject usually comes first
        else:
            continue
        if text[h0:h1].lower().endswith("share") and h1 <= claim_start:
            distance -= 1000  # "the share of X in Y reached 90%" measures the share
        if best is None or distance < best[0]:
            best = (distance, h0, h1)
    if best is None:
        return None
    start, end = best[1], best[2]
    # "share of national currencies in settlements": keep the whole "share of" phrase.
    if text[start:end].lower().endswith("share"):
        tail = _OF_TAIL_RE.match(text, end, hi)
        if tail and tail.end(1) <= claim_start:
            end = tail.start(1) + len(tail.group(1).rstrip())
    return _span(text, start, end)


def _period(text: str, q: Quantity, claim_start: int, taken: list[tuple[int, int]],
            periods: list[tuple[int, int]]) -> Span | None:
    best: tuple[int, int, int] | None = None
    for p0, p1 in periods:
        if any(p0 < e and s < p1 for s, e in taken):
            continue
        if p1 <= claim_start:
            distance = claim_start - p1
        elif p0 >= q.end:
            distance = p0 - q.end
        else:
            continue
        if best is None or distance < best[0]:
            best = (distance, p0, p1)
    return _span(text, best[1], best[2]) if best else None


# A count after one of these refers back ("the two countries") rather than claiming a figure.
_REFERRING_RE = re.compile(r"\b(?:the|these|those|our|their|its|his|her|both|all|each|every)\s+$",
                           re.IGNORECASE)
_NOT_COUNTS = frozenset({"currency", "percent", "percentage points", "times"})


def find_claims(text: str, start: int, end: int) -> tuple[Claim, ...]:
    """The numeric claims in the statement ``text[start:end]``, in text order."""
    quantities = [q for q in find_quantities(text, start, end)
                  if q.unit in _NOT_COUNTS
                  or not _REFERRING_RE.search(text, max(start, q.start - 8), q.start)]
    taken = [(q.start, q.end) for q in quantities]
    claims = []
    # Period and measure candidates once per sentence: several figures often share one.
    per_sentence: dict[tuple[int, int], tuple[list[tuple[int, int]], list[tuple[int, int]]]] = {}
    for q in quantities:
        lo, hi = _sentence_bounds(text, start, end, q.start)
        if (lo, hi) not in per_sentence:
            period_words, measure_words = _words_for(text, lo, hi)
            per_sentence[lo, hi] = (
                [m.span() for m in PERIOD_RE.finditer(text, lo, hi)] if period_words else [],
                [m.span() for m in _MEASURE_RE.finditer(text, lo, hi)] if measure_words else [])
        periods, heads = per_sentence[lo, hi]
        approx, c_start = _approx(text, lo, q)
        claims.append(Claim(
            start=c_start, end=q.end, text=text[c_start:q.end], value=q.value, unit=q.unit,
            currency=q.currency, value_max=q.value_max, approx=approx,
            change=_change(text, lo, c_start),
            measure=_measure(text, lo, hi, q, c_start, taken, heads),
            period=_period(text, q, c_start, taken, periods),
        ))
    return tuple(claims)
