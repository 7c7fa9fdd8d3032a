"""Which language an article is in, offline and in microseconds: script first, then stopwords.

quotegraph's extractor reads English; an article in another language must be stored as it is
and left without statements rather than mangled into wrong ones. The detector only has to be
sure about that one question, so it answers ``None`` rather than guess on short or mixed text
(the extractor then treats the article as English, which is what it was before detection).

Scripts that belong to one language (Hangul, kana, Georgian, Armenian, ...) decide at once.
Latin and Cyrillic texts are told apart by the share of each language's commonest words: in
running prose these small words make up a third or more of the tokens, and lists of fifty or
so are nearly disjoint between languages.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

__all__ = ["ENGLISH", "STOPWORDS", "detect_language", "is_english"]

ENGLISH = "en"

# The commonest function words of each language, lower case. Words shared by two lists
# (``a``, ``de``, ``in``) count for both, which is why a clear margin is required.
STOPWORDS: dict[str, frozenset[str]] = {lang: frozenset(words.split()) for lang, words in {
    "en": "the of and to in a is that for on it with as was by he said at from his be are "
          "have an not this which but has were they their its been who will or had would "
          "also after than more about she we there when what can into other could",
    "fr": "le la les de des du et est un une que qui dans pour pas sur au aux avec il elle "
          "ce se ne plus par son sa ses ont été nous vous leur mais comme a été cette sont "
          "être fait dont lors entre",
    "de": "der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch "
          "es als an nach wie aus bei sie wird er sind hat noch einer eines oder wurde über "
          "werden war dass",
    "es": "el la los las de del y que en un una es por con para se no al lo su sus como "
          "más pero fue ha este esta entre sobre también han ser muy sin desde está son",
    "it": "il la le di che e è un una per non del della dei in con si da al alla sono gli "
          "ha anche come più questo nel delle degli ma essere stato sul nella",
    "pt": "o a os as de do da dos das e que em um uma é para com não no na por se mais ao "
          "foi como mas também pelo pela seu sua são está entre nos já",
    "nl": "de het een van en in is dat op te zijn met voor niet aan er ook als bij door "
          "maar om dan nog wordt werd heeft hij zij wij naar",
    "tr": "ve bir bu da de için ile olarak çok daha gibi ancak sonra olan kadar en ne "
          "değil ise her ama veya şu onun",
    "pl": "i w nie na się z że do to jest o jak po co ale za od jego tak przez był może "
          "oraz są już który która",
    "az": "və bir bu ilə üçün da də olan ki isə sonra daha çox kimi onun edib edilib bildirib",
    "uz": "va bu bir bilan uchun ham deb esa bo'yicha qilib yil o'z edi emas kerak",
    "ru": "и в не на что с по как это он к из о но за от то для же она так его бы все было "
          "также при у был уже а ее их или только был были может сказал",
    "uk": "і в не на що з та до як це він у за від для про але його же вона так також при "
          "є й її їх або тільки було були може сказав",
    "bg": "и в на не да се за от че с е по са как то той това но го ще които във при",
    "sr": "и у на је да се за од са не што као из су то али по о који која ће",
    "kk": "және мен бұл бір үшін да де деп еді ол жылы осы бойынша болып туралы",
    "ky": "жана менен бул бир үчүн да деп эле ал жылы ошол боюнча болуп тууралуу",
}.items()}

# Each stopword and the languages whose list holds it: _by_stopwords visits only the words of
# a text found here instead of looking up every list's fifty words in the text's counts.
_LISTED_IN: dict[str, tuple[str, ...]] = {}
for _lang, _words in STOPWORDS.items():
    for _w in _words:
        _LISTED_IN[_w] = (*_LISTED_IN.get(_w, ()), _lang)
_ALL_STOPWORDS = frozenset(_LISTED_IN)

# Scripts that name one language (or one this detector need not split further).
_SCRIPT_LANGUAGE = {
    "HANGUL": "ko", "HIRAGANA": "ja", "KATAKANA": "ja", "CJK": "zh", "GEORGIAN": "ka",
    "ARMENIAN": "hy", "GREEK": "el", "HEBREW": "he", "DEVANAGARI": "hi", "THAI": "th",
    "ARABIC": "ar",
}
# Letters that mark one Cyrillic language whatever the stopwords say.
_CYRILLIC_MARKS = (("uk", "їєґ"), ("be", "ў"), ("kk", "әғқұһі"), ("ky", "ңөү"))
_PERSIAN_LETTERS = frozenset("پچژگ")

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
MIN_WORDS = 20      # fewer words than this: no answer
_SAMPLE_WORDS = 2000
_MIN_SHARE = 0.12   # share of stopwords the winning language must reach
_MARGIN = 1.5       # and how far ahead of the runner-up it must be


def _script_of(ch: str) -> str | None:
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return None
    first = name.split(" ", 1)[0]
    if first in ("LATIN", "CYRILLIC") or first in _SCRIPT_LANGUAGE:
        return first
    return None


# A word's first letter decides its script; a few hundred distinct letters cover all text, so
# each is named once per process instead of once per word (the unicodedata name was most of
# the detector's cost, itself a fifth of ``quotegraph extract`` on a JSONL corpus).
_SCRIPTS: dict[str, str | None] = {}


def _script(ch: str) -> str | None:
    try:
        return _SCRIPTS[ch]
    except KeyError:
        script = _SCRIPTS[ch] = _script_of(ch)
        return script


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of ``text``'s language, or ``None`` when it is too short or unclear.

    Looks at the first ~2,000 words only, so the cost does not grow with the article.
    """
    sample = text[:40_000]
    # isascii costs nothing (CPython keeps the answer with the string): a plain ASCII text
    # skips the scan for a letter beyond ASCII.
    # A letter beyond ASCII is looked for among the non-ASCII characters only (curly quotes
    # and dashes, mostly): cutting the ASCII runs out first is a third of the regex's scan.
    if sample.isascii() or _NON_ASCII_WORD_CHAR.search(_ASCII_RUN.sub("", sample)) is None:
        return _ascii_letters(sample)
    return _any_script(sample)


def _any_script(sample: str) -> str | None:
    words = _WORD.findall(sample)[:_SAMPLE_WORDS]
    if len(words) < MIN_WORDS:
        return None
    # Every step below works on the distinct words with their counts (a few hundred instead
    # of two thousand); counts in first-seen order keep most_common's tie-break unchanged.
    distinct = Counter(words)
    scripts: Counter[str] = Counter()
    for w, n in distinct.items():
        s = _script(w[0])
        if s:
            scripts[s] += n
    if not scripts:
        return None
    script, count = scripts.most_common(1)[0]
    if count * 2 < sum(scripts.values()):
        return None  # no script holds a majority: a mixed text
    if script in ("HIRAGANA", "KATAKANA") or (script == "CJK" and scripts["HIRAGANA"]):
        return "ja"
    if script == "ARABIC":
        return "fa" if any(ch in _PERSIAN_LETTERS for w in distinct for ch in w) else "ar"
    if script in _SCRIPT_LANGUAGE:
        return _SCRIPT_LANGUAGE[script]
    lowered: Counter[str] = Counter()
    for w, n in distinct.items():
        if _script(w[0]) == script:
            lowered[w.lower()] += n
    if script == "CYRILLIC":
        letters = set("".join(lowered))
        for lang, marks in _CYRILLIC_MARKS:
            if len(letters & set(marks)) >= (1 if lang in ("uk", "be") else 2):
                return lang
        candidates = ("ru", "uk", "bg", "sr", "kk", "ky")
    else:
        candidates = ("en", "fr", "de", "es", "it", "pt", "nl", "tr", "pl", "az", "uz")
    return _by_stopwords(lowered, candidates)


# Most English copy has no letter outside ASCII (curly quotes and dashes are not letters). Its
# words are then runs of a-z, every one of them Latin, and lower-casing the sample first gives
# the lowered words at once: the same answer as the general path below, in a third of the time.
_NON_ASCII_WORD_CHAR = re.compile(r"(?![\x00-\x7f])\w")
_ASCII_RUN = re.compile(r"[\x00-\x7f]+")
_ASCII_WORD = re.compile(r"[a-z]+(?:['\u2019][a-z]+)?")


def _ascii_letters(sample: str) -> str | None:
    words = _ASCII_WORD.findall(sample.lower())[:_SAMPLE_WORDS]
    if len(words) < MIN_WORDS:
        return None
    # Only the stopwords' counts and the number of words decide: counting just the stopwords
    # skips hashing the article's other few hundred distinct words into a Counter.
    return _by_stopwords(Counter(filter(_ALL_STOPWORDS.__contains__, words)),
                         ("en", "fr", "de", "es", "it", "pt", "nl", "tr", "pl", "az", "uz"),
                         total=len(words))


def _by_stopwords(counts: Counter[str], candidates: tuple[str, ...], *,
                  total: int | None = None) -> str | None:
    """The language whose stopwords make up a clear share of the words (``counts``: lowered
    word -> occurrences; ``total``: the number of words, ``counts.total()`` when not given,
    so ``counts`` may hold the stopwords only); each language's ~50 stopwords are looked up in
    the counts, the same sums as testing every word against every list at a fraction of the
    lookups."""
    score = dict.fromkeys(candidates, 0)
    for w in counts.keys() & _ALL_STOPWORDS:  # the few stopwords the text holds, once each
        n = counts[w]
        for lang in _LISTED_IN[w]:
            if lang in score:
                score[lang] += n
    scores = sorted(((score[lang], lang) for lang in candidates), reverse=True)
    (best, lang), (second, _) = scores[0], scores[1]
    if total is None:
        total = counts.total()
    if best < _MIN_SHARE * total or best < _MARGIN * second:
        return None
    return lang


def is_english(language: str | None) -> bool:
    """True for English and for an unknown language (which the extractor reads as English)."""
    return language is None or language.lower().split("-")[0] == ENGLISH
