"""More speed shortcuts (issue 7, sp12) against the plain definitions they replace.

As in ``test_fast_paths.py``: each shortcut must find exactly what its plain version finds,
on texts written to hit the edges (word boundaries at the very start and end, underscores and
digits next to a name, overlapping occurrences, letters beyond ASCII).
"""

from __future__ import annotations

import re

from quotegraph.attribute import names, scorer
from quotegraph.attribute.statements import find_statements

FAMILY_TEXTS = [
    "Xu Xueyuan said. Xu Ping Li spoke. Xu  Bo",
    "Xu Xu Xu Xu Wen",  # overlapping occurrences: finditer takes "Xu Xu", then "Xu Xu"
    "_Xu Wen, 9Xu Wen, aXu Wen, Xuan Wen, éXu Wen, -Xu Wen",
    "Xu\tWen\nXu\nWen Xu Wen_ Xu Wenb Xu Wen2 Xu Wen Li",
    "Kim Eun-hye and Kim Young-ho; Kim said. Kim",
    "",
]


def test_family_first_matches_are_the_compiled_patterns():
    for text in FAMILY_TEXTS:
        for surname in ("Xu", "Kim", "Wen", "Li"):
            plain = re.compile(r"\b" + re.escape(surname) + r"[ \t]+([A-Z][a-z]+)\b(?![ \t]+[A-Z])")
            found = [(at, m.group(1), m.end(1)) for at, m in names._family_first(text, surname)]
            assert found == [(m.start(), m.group(1), m.end(1)) for m in plain.finditer(text)], (text, surname)
            every = [(at, m.group(1)) for at, m in names._family_first(text, surname, every=True)]
            tried = [plain.match(text, at) for at in range(len(text)) if text.startswith(surname, at)]
            assert every == [(m.start(), m.group(1)) for m in tried if m is not None], (text, surname)


class _Meta:
    body_start = 0
    headlines = ()
    skip = ()


def test_scorer_switch_is_read_again_for_each_article(monkeypatch):
    # The switch is read once per article: switching it between two readings of the very same
    # text object must still take effect ("argued" with no "that" is left to the scorer).
    text = "Ada Berg argued for months the old bridge should stay in city hands."
    monkeypatch.delenv("QUOTEGRAPH_SCORER", raising=False)
    on = find_statements(text, _Meta())[0]
    monkeypatch.setenv("QUOTEGRAPH_SCORER", "off")
    off = find_statements(text, _Meta())[0]
    monkeypatch.delenv("QUOTEGRAPH_SCORER")
    assert find_statements(text, _Meta())[0] == on
    scorer.set_enabled(False)
    try:
        assert find_statements(text, _Meta())[0] == off
    finally:
        scorer.set_enabled(None)
    assert [f.rule for f in on] == ["indirect:scored-cue"] and off == []


HINT_TEXTS = [
    "saying at the start, recalling and calling, emphasisingemphasizing, sayings, unsaying",
    "He left, adding nothing. She spoke — warning them — and then, while insisting, went on",
    "ing ing inging singing; the statement saying so; by telling; as stating; posting",
    "",
    "announcing",
]


def test_hint_words_are_found_where_str_find_finds_them():
    from quotegraph.attribute.statements import _HINT_WORDS, _hint_words_at
    for text in HINT_TEXTS:
        plain = []
        for w in _HINT_WORDS:
            at = text.find(w)
            while at >= 0:
                plain.append((at, len(w)))
                at = text.find(w, at + len(w))
        assert _hint_words_at(text) == sorted(plain), text
