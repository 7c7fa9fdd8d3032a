"""Extraction never crashes, and every offset it reports is in range and exact, on any text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotegraph import Article, extract

# Text built from the pieces that stress the engine: quotation marks of every kind, cue words,
# titles and names, punctuation, newlines, and arbitrary unicode.
PIECES = st.sampled_from([
    "“", "”", "«", "»", '"', "'", "‘", "’", "''", ",", ".", ":", ";", " — ", "\n", "\n\n",
    " said", " says", " told reporters", " according to", " Lavrov", " he", " she", " the minister",
    " Russian Foreign Minister Sergey Lavrov", " the Foreign Ministry", " a source", " that",
    " adding that", " were stressed by", " MOSCOW, May 3. /TASS/.", "date 2023-01-02 ", " Updated at:",
    " All news", " The talks", " will continue", " who said", " On Tuesday,", " Accodring to",
])
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=60).map("".join)


def check(text: str) -> None:
    article = extract(text)
    assert isinstance(article, Article)
    n = len(text)
    for s in article.statements:
        assert 0 <= s.start <= s.end <= n
        assert text[s.start:s.end] == s.text
        assert s.kind in ("direct", "indirect", "mixed")
        for span in (s.cue, s.source_mention):
            if span is not None:
                assert text[span.start:span.end] == span.text
        if s.speaker is not None:
            assert text[s.speaker.start:s.speaker.end] == s.speaker.mention
            assert s.speaker.name
    if article.dateline is not None:
        assert text[article.dateline.start:article.dateline.end] == article.dateline.text
    round_trip = Article.from_dict(article.to_dict(include_text=True))
    assert round_trip == article


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_never_crashes_and_offsets_are_exact(text):
    check(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_unicode(text):
    check(text)
