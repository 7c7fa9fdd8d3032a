"""Quantities in running English text: a number, its scale and its unit, with offsets.

"$15.6 bln", "1.5 trillion rubles", "40%", "more than 10,000 companies", "Seventy-six direct
agreements", "2.5 times". A bare number with no unit ("in 2023", "Article 5", "the 26th") is
not a quantity: a claim needs something counted or measured. Word lists are named constants
so another language can bring its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quotegraph.spans import trie_alternation

# ISO 4217 code for each way wire copy writes a currency.
CURRENCY_SYMBOLS = {
    "$": "USD", "us$": "USD", "us $": "USD", "usd": "USD", "€": "EUR", "eur": "EUR",
    "£": "GBP", "¥": "CNY", "₽": "RUB", "rub": "RUB", "cny": "CNY", "rmb": "CNY", "kzt": "KZT",
    "₸": "KZT", "₼": "AZN", "azn": "AZN", "uzs": "UZS", "kgs": "KGS", "tjs": "TJS",
    "byn": "BYN", "₹": "INR", "inr": "INR", "₺": "TRY", "gbp": "GBP", "jpy": "JPY",
}
CURRENCY_WORDS = {
    "us dollars": "USD", "u.s. dollars": "USD", "dollars": "USD", "dollar": "USD",
    "euros": "EUR", "euro": "EUR", "rubles": "RUB", "roubles": "RUB", "ruble": "RUB",
    "rouble": "RUB", "russian rubles": "RUB", "belarusian rubles": "BYN", "yuan": "CNY",
    "renminbi": "CNY", "tenge": "KZT", "soms": "KGS", "som": "KGS", "manats": "AZN",
    "manat": "AZN", "sums": "UZS", "soums": "UZS", "somoni": "TJS", "hryvnias": "UAH",
    "hryvnia": "UAH", "rupees": "INR", "yen": "JPY", "lira": "TRY", "liras": "TRY",
    "lari": "GEL", "drams": "AMD", "dram": "AMD", "pounds sterling": "GBP",
}
SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6,
    "billion": 1e9, "bln": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "trln": 1e12,
    "tn": 1e12, "trn": 1e12, "lakh": 1e5, "crore": 1e7,
}
# Scales that only count after a currency ("$5m"); after a bare number "5 m" is metres.
CURRENCY_ONLY_SCALES = {"m", "b", "k"}
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100, "dozen": 12,
    "a dozen": 12, "hundreds": 100, "thousands": 1000, "dozens": 12, "a half": 0.5,
}
# The counted nouns a bare number may measure, singular -> unit name.
COUNT_NOUNS = {
    "person": "people", "people": "people", "persons": "people", "citizen": "people",
    "company": "companies", "firm": "companies", "enterprise": "companies",
    "business": "companies", "job": "jobs", "workplace": "jobs", "project": "projects",
    "agreement": "agreements", "document": "documents", "contract": "contracts",
    "deal": "agreements", "memorandum": "documents", "memoranda": "documents",
    "student": "students", "tourist": "tourists", "visitor": "visitors", "migrant": "migrants",
    "worker": "workers", "refugee": "refugees", "soldier": "soldiers", "troop": "troops",
    "servicemen": "soldiers", "serviceman": "soldiers", "tonne": "tonnes", "ton": "tonnes",
    "barrel": "barrels", "cubic meter": "cubic metres", "cubic metre": "cubic metres",
    "bcm": "cubic metres", "kilometer": "kilometres", "kilometre": "kilometres",
    "km": "kilometres", "mile": "miles", "flight": "flights", "train": "trains",
    "truck": "vehicles", "vehicle": "vehicles", "car": "vehicles", "container": "containers",
    "teu": "containers", "country": "countries", "state": "countries", "nation": "countries",
    "region": "regions", "hectare": "hectares", "megawatt": "megawatts", "mw": "megawatts",
    "gigawatt": "gigawatts", "gw": "gigawatts", "kwh": "kilowatt-hours",
    "kilowatt-hour": "kilowatt-hours", "venture": "companies", "school": "schools",
    "hospital": "hospitals", "sanction": "sanctions", "package": "packages",
    "delegation": "delegations", "participant": "participants", "member": "members",
    "bank": "banks", "entity": "entities", "individual": "people", "victim": "people",
    "casualty": "people", "subject": "regions", "investor": "investors", "family": "families",
    "household": "households", "unit": "units", "aircraft": "aircraft", "plane": "aircraft",
    "ship": "vessels", "vessel": "vessels", "wagon": "wagons", "ton-kilometer": "tonne-km",
    "guest": "guests", "meeting": "meetings",
}
# Counted nouns that carry a scale of their own: "13 BCM" is 13 billion cubic metres.
NOUN_SCALES = {"bcm": 1e9}
# Words that may stand between a number and its noun ("2,000 Russian companies"): anything
# but these, which end the noun phrase.
NOT_MODIFIERS = frozenset("""
of the a an and or in to by for with from on at is are was were be been has have had will would
as than that this these those which who per its their his her our your it they we he she said
says told year years month months day days week weeks time times percent per cent
""".split())
PERCENT = r"%|\s?(?:per\s?cent|percent|pct)\b"
POINTS = r"\s?(?:percentage\s+points?|pp)\b"
TIMES = r"(?:\s|-)?(?:times|fold)\b"

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?"
_WORD_NUM = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three"
             r"|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine"
             r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen"
             r"|nineteen|a\s+(?:hundred|dozen|half)|hundreds|thousands|dozens)")
_SCALE = r"(?:thousand|million|mln|mn|billion|bln|bn|trillion|trln|trn|tn|lakh|crore|m|b|k)"
_CUR_SYM = r"(?:US\s?\$|\$|€|£|¥|₽|₸|₼|₹|₺|USD|EUR|RUB|CNY|RMB|KZT|AZN|UZS|KGS|TJS|BYN|INR|GBP|JPY)"
_NUMBER = rf"(?:{_DIGITS}|{_WORD_NUM})"
QUANTITY_RE = re.compile(
    rf"(?<![\w.,$€£¥₽-])(?P<cur>{_CUR_SYM})?\s?(?P<num>{_NUMBER})"
    rf"(?:\s?(?:-|–|to)\s?(?P<num2>{_DIGITS}))?"
    rf"(?P<plus>\s?\+|\s+plus\b)?"  # "150 plus billion cubic meters", "500+ companies"
    # "bln." keeps its dot only inside a sentence ("$5 bln. in loans"), not at its end.
    rf"(?:\s?(?P<scale>{_SCALE})\b(?:\.(?=\s+[a-z]))?)?"
    rf"(?:\s?(?P<scale2>thousand|million|billion|trillion)\b)?",
    re.IGNORECASE,
)
_PERCENT_RE = re.compile(rf"(?:{PERCENT})", re.IGNORECASE)
_POINTS_RE = re.compile(POINTS, re.IGNORECASE)
_TIMES_RE = re.compile(TIMES, re.IGNORECASE)
_CUR_WORD_RE = re.compile(
    r"\s?(?:of\s+)?(" + "|".join(sorted((re.escape(w) for w in CURRENCY_WORDS), key=len,
                                        reverse=True)) + r")\b", re.IGNORECASE)
_CUR_CODE_AFTER = re.compile(r"\s?(USD|EUR|RUB|CNY|KZT|AZN|UZS|KGS|TJS|BYN|INR|GBP|JPY)\b")
_WORD = re.compile(r"\s+([A-Za-z][A-Za-z'-]*)")


@dataclass(frozen=True)
class Quantity:
    """One number with its unit, as :func:`find_quantities` reads it."""

    start: int
    end: int
    value: float
    unit: str
    currency: str | None = None
    value_max: float | None = None
    approx: str | None = None  # "more than" for "150 plus", "500+"


def parse_number(s: str) -> float | None:
    """``"10,000"`` -> 10000, ``"26.1"`` -> 26.1, ``"seventy-six"`` -> 76, else ``None``."""
    t = s.strip().lower()
    t = re.sub(r"\s+", " ", t)
    if t in NUMBER_WORDS:
        return float(NUMBER_WORDS[t])
    if "-" in t and all(p in NUMBER_WORDS for p in t.split("-")):
        return float(sum(NUMBER_WORDS[p] for p in t.split("-")))
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", t):
        return float(t.replace(",", ""))
    if re.fullmatch(r"\d+,\d{1,2}", t):  # a decimal comma ("2,5 percent")
        return float(t.replace(",", "."))
    try:
        return float(t)
    except ValueError:
        return None


def _scale(m: re.Match[str], currency: bool) -> float:
    factor = 1.0
    for g in ("scale", "scale2"):
        word = m.group(g)
        if not word:
            continue
        key = word.lower().rstrip(".")
        if key in CURRENCY_ONLY_SCALES and not currency:
            continue
        factor *= SCALES[key]
    return factor


def _count_noun(text: str, pos: int, limit: int) -> tuple[str, int] | None:
    """The counted noun after ``pos`` (up to three modifier words in between)."""
    for _ in range(4):
        m = _WORD.match(text, pos, limit)
        if not m:
            return None
        word = m.group(1).lower()
        two = _WORD.match(text, m.end(), limit)
        if two:
            pair = f"{word} {two.group(1).lower()}"
            for form in (pair, pair[:-1] if pair.endswith("s") else pair):
                if form in COUNT_NOUNS:
                    return COUNT_NOUNS[form], two.end()
        for form in _singulars(word):
            if form in COUNT_NOUNS:
                return COUNT_NOUNS[form], m.end()
        if word in NOT_MODIFIERS:
            return None
        pos = m.end()
    return None


def _singulars(word: str) -> tuple[str, ...]:
    forms = [word]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s"):
        forms.append(word[:-1])
    return tuple(forms)


def _unit_after(text: str, m: re.Match[str], limit: int,
                currency: str | None) -> tuple[str, str | None, int] | None:
    """``(unit, currency, end)`` for the words after the number, or ``None``."""
    end = m.end()
    if currency:
        return "currency", currency, end
    for pattern, unit in ((_POINTS_RE, "percentage points"), (_PERCENT_RE, "percent"),
                          (_TIMES_RE, "times")):
        u = pattern.match(text, end, limit)
        if u:
            return unit, None, u.end()
    u = _CUR_WORD_RE.match(text, end, limit)
    if u:
        return "currency", CURRENCY_WORDS[u.group(1).lower()], u.end()
    u = _CUR_CODE_AFTER.match(text, end, limit)
    if u:
        return "currency", u.group(1), u.end()
    noun = _count_noun(text, end, limit)
    if noun:
        return noun[0], None, noun[1]
    return None


# A cheap first look: most statements hold no number at all, and a digit search plus substring
# tests are much faster than QUANTITY_RE (the relate stage runs on every statement).
_DIGIT_RE = re.compile(r"\d")
_NUMBER_STEMS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                 "eleven", "twelve", "teen", "twenty", "thirty", "forty", "fifty", "sixty",
                 "seventy", "eighty", "ninety", "hundred", "dozen", "half", "thousand")
# One scan instead of 25 substring tests, as a trie: the engine branches on each character
# instead of trying 25 words at every position (the stems hold no space, which it would read
# as any run of whitespace).
_NUMBER_STEM_RE = re.compile(trie_alternation(_NUMBER_STEMS))


def _may_hold_a_number(text: str, start: int, limit: int) -> bool:
    if _DIGIT_RE.search(text, start, limit):
        return True
    return _NUMBER_STEM_RE.search(text[start:limit].lower()) is not None


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Every quantity with a unit in ``text[start:end]``, in text order, offsets into ``text``."""
    limit = len(text) if end is None else end
    found: list[Quantity] = []
    if not _may_hold_a_number(text, start, limit):
        return found
    pos = start
    while (m := QUANTITY_RE.search(text, pos, limit)) is not None:
        pos = m.end()
        if m.group("num2"):
            lo, hi = parse_number(m.group("num")), parse_number(m.group("num2"))
            if lo is None or hi is None or hi < lo:
                pos = m.start("num2")  # "in 2013 to 674.15 billion": two numbers, no range
                continue
        raw = m.group("num")
        after = text[m.end("num"):m.end("num") + 2]
        # Ordinals, "5G", "F-16", times of day: a number glued to letters is no quantity.
        if re.match(r"(?:st|nd|rd|th)\b", after) or re.match(r"[:/]\d", after):
            continue
        value = parse_number(raw)
        if value is None:
            continue
        sym = m.group("cur")
        currency = CURRENCY_SYMBOLS.get(re.sub(r"\s+", " ", sym.lower())) if sym else None
        unit = _unit_after(text, m, limit, currency)
        if unit is None:
            continue
        name, code, q_end = unit
        factor = _scale(m, currency=name == "currency")
        hi = parse_number(m.group("num2")) if m.group("num2") else None
        word = text[m.end():q_end].strip().lower()
        factor *= NOUN_SCALES.get(word, 1.0)
        if (name != "currency" and not m.group("scale") and hi is None
                and re.fullmatch(r"(?:19|20)\d\d", raw)):
            continue  # "2023 companies" is almost always a year before a noun phrase
        q_start = m.start("cur") if sym else m.start("num")
        found.append(Quantity(start=q_start, end=q_end, value=value * factor, unit=name,
                              currency=code, value_max=hi * factor if hi is not None else None,
                              approx="more than" if m.group("plus") else None))
    return found
