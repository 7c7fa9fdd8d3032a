"""Person names: transliteration-insensitive keys and surnames.

Russian and Central Asian names reach English copy in several romanisations (Sergey/Sergei,
Tokayev/Tokaev, Mirziyoyev/Mirziyoev, Zelensky/Zelenskyy/Zelenskiy, Japarov/Zhaparov,
Rahmon/Rakhmon). ``name_key`` maps all of them to one key, so a name the KB does not list as
an alias still finds its person. The key is only ever compared with other keys.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Applied in order to a lower-cased, accent-free name. Each step merges spellings that English
# copy uses interchangeably for the same Cyrillic (or Turkic) letters.
_TRANSLIT_STEPS: tuple[tuple[str, str], ...] = (
    (r"dzh|zh|dj", "j"),        # Dzhaparov / Zhaparov / Japarov
    (r"kh", "h"),               # Rakhmon / Rahmon
    (r"x", "ks"),               # Alexander / Aleksandr
    (r"ph", "f"),
    (r"w", "v"),                # Wladimir / Vladimir
    (r"ck", "k"),
    (r"y", "i"),                # Sergey / Sergei, Zelensky / Zelenskiy
    (r"(?<=[aeiou])i(?=[aeiou])", ""),  # Tokaiev / Tokaev, Mirzioiev / Mirzioev
    (r"^i(?=[aeiou])", ""),     # Yuri / Iurii, Yevgeny / Evgeny
    (r"(?<=\s)i(?=[aeiou])", ""),
    (r"([a-z])\1+", r"\1"),     # Zelenskii / Zelenski, Mariia / Maria
    (r"ei\b", "i"),             # Sergei / Sergiy, Andrei / Andrii
    (r"der\b", "dr"),           # Alexander / Aleksandr
)
_COMPILED = tuple((re.compile(p), r) for p, r in _TRANSLIT_STEPS)

# Name particles that belong to the surname ("von der Leyen", "al-Sudani").
_PARTICLES = frozenset({"von", "van", "der", "den", "de", "da", "di", "del", "la", "le", "du",
                        "al", "el", "bin", "ibn", "ben"})
# Countries whose people are named family name first in English copy ("Xi Jinping").
FAMILY_FIRST = frozenset({"CHN", "TWN", "PRK", "KOR", "SGP", "VNM", "HKG", "MAC"})

_WORD = re.compile(r"[^\W\d_](?:[\w'’.-]*\w)?")


def fold(text: str) -> str:
    """Lower case without accents: ``"Élysée" -> "elysee"``."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=65536)  # a pure function of the name, asked for the same names in every article
def name_key(name: str) -> str:
    """A key equal for the usual romanisations of one name (see the module docstring)."""
    s = fold(name)
    s = re.sub(r"[-‐‑’'`.]", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    for pattern, repl in _COMPILED:
        s = pattern.sub(repl, s)
    return s


def words(name: str) -> list[str]:
    """The words of a name, keeping inner hyphens and apostrophes ("Kassym-Jomart")."""
    return _WORD.findall(name)


def split_name(name: str, *, family_first: bool = False) -> tuple[str, str]:
    """``(given names, surname)`` of a full name; particles stay with the surname."""
    parts = words(name)
    if len(parts) <= 1:
        return "", name.strip()
    if family_first:
        return " ".join(parts[1:]), parts[0]
    i = len(parts) - 1
    while i > 1 and parts[i - 1].lower() in _PARTICLES:
        i -= 1
    return " ".join(parts[:i]), " ".join(parts[i:])



# The vowel swaps of transliteration: Arabic fatha as a or e ("Zaid"/"Zeid", "Ahmad"/"Ahmed",
# "Jeyhun"/"Jaykhun"), kasra as i or e ("Tariq"/"Tareq"), Central Asian o/u ("Yusuf"/"Yosuf").
# Russian unstressed o heard as a ("Zakharova"/"Zakharava") in long surnames. Other swaps make
# other names ("Dana"/"Dina"); i/e, o/u and o/a only in longer words, where a second person
# with the swapped name is rare ("Lena"/"Lina", "Dona"/"Dana" stay apart).
_SWAPS = {("a", "e"): 4, ("e", "a"): 4, ("e", "i"): 5, ("i", "e"): 5, ("o", "u"): 5, ("u", "o"): 5,
          ("o", "a"): 6, ("a", "o"): 6}


def _word_at(key: str, i: int) -> str:
    start = key.rfind(" ", 0, i) + 1
    end = key.find(" ", i)
    return key[start:end if end >= 0 else len(key)]


def one_vowel_apart(a: str, b: str) -> bool:
    """Whether two name keys differ only by one transliteration vowel swap (``_SWAPS``) inside
    a word ("jeihun"/"jaihun" for Jeyhun/Jaykhun, "zaid"/"zeid"): how one Arabic or Turkic
    name is spelt two ways in one English article. The first and last letters of the word must
    agree, so "maria"/"mario" (two people) stay apart."""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    if len(diff) != 1:
        return False
    i = diff[0]
    least = _SWAPS.get((a[i], b[i]))
    word = _word_at(a, i)
    inside = 0 < i < len(a) - 1 and a[i - 1] != " " and a[i + 1] != " "
    return least is not None and inside and len(word) >= least


def vowel_swaps(key: str):
    """Every key :func:`one_vowel_apart` from ``key`` (to look a variant up in an index)."""
    for i in range(1, len(key) - 1):
        for (x, y), _ in _SWAPS.items():
            if key[i] == x:
                other = key[:i] + y + key[i + 1:]
                if one_vowel_apart(key, other):
                    yield other
