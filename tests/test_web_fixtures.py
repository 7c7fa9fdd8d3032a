"""A small hand-written corpus for the API and web tests, plus checks that it is well-formed.

Every text here was written for these tests (no agency copy). Offsets are computed from the
text, so the records are exactly what an extractor would hand the store.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from quotegraph.model import Article, Mention, Span, Speaker, Statement
from quotegraph.relate.groups import find_groups, statement_groups
from quotegraph.relate.occasions import find_occasion
from quotegraph.store import article_id, open_store

# (surface, id, name, type) for every actor the corpus mentions.
ACTORS = (
    ("Kazakhstan", "KZ", "Kazakhstan", "country"),
    ("Uzbekistan", "UZ", "Uzbekistan", "country"),
    ("Brussels", "EU", "European Union", "organization"),
    ("the Eurasian Economic Union", "EAEU", "Eurasian Economic Union", "organization"),
    ("the West", "WEST", "the West", "grouping"),
    ("Central Asia", "CENTRAL_ASIA", "Central Asia", "grouping"),
    ("Norland", "NORLAND", "Norland", "country"),
)

SPEAKERS = {
    "Irina Valko": ("irina-valko", "foreign ministry spokeswoman"),
    "Tomas Berg": ("tomas-berg", "EU trade commissioner"),
    "Aslan Nurov": ("aslan-nurov", "deputy foreign minister"),
}


def _find(text: str, needle: str, after: int = 0) -> int:
    i = text.find(needle, after)
    if i < 0:
        raise ValueError(f"{needle!r} not in text")
    return i


def make_article(
    text: str,
    *,
    title: str,
    published: str | None,
    outlet: str | None,
    statements: list[tuple[str, str, str | None, str | None, str | None]],
    source: str = "test",
    url: str | None = None,
    actors: tuple[tuple[str, str, str, str], ...] = ACTORS,
    speakers: dict[str, tuple[str, str]] | None = None,
) -> Article:
    """Build an Article; each statement is (kind, quoted text, speaker name, mention, cue).

    The speaker mention and the cue are looked up after the statement when the statement
    comes first in its sentence, else before it.
    """
    speakers = SPEAKERS if speakers is None else speakers
    sts = []
    for kind, words, name, mention, cue in statements:
        s = _find(text, words)
        e = s + len(words)
        spk = None
        if name is not None and mention is not None:
            ms = text.find(mention, e)
            if ms < 0 or ms - e > 40:
                ms = text.rfind(mention, 0, s)
            sid, role = speakers.get(name, (None, None))
            spk = Speaker(name=name, mention=mention, start=ms, end=ms + len(mention), id=sid, role=role)
        cue_span = None
        if cue is not None:
            cs = text.find(cue, e)
            if cs < 0 or cs - e > 40:
                cs = text.rfind(cue, 0, s)
            cue_span = Span(cs, cs + len(cue), cue)
        sts.append(Statement(kind=kind, start=s, end=e, text=words, speaker=spk, cue=cue_span, rule="test"))
    mentions = []
    for surface, aid, name, typ in actors:
        pos = text.find(surface)
        while pos >= 0:
            mentions.append(Mention(pos, pos + len(surface), surface, aid, name, typ))
            pos = text.find(surface, pos + len(surface))
    # Lists of actors and occasions as the relate stage finds them ("Uzbekistan and
    # Kazakhstan", "told reporters"), so the pages show both.
    mentions.sort(key=lambda m: m.start)
    groups = find_groups(text, mentions)
    sts = [replace(st, groups=statement_groups(st, groups), occasion=find_occasion(text, st, sts))
           for st in sts]
    return Article(text=text, source=source, title=title, published=published, outlet=outlet,
                   url=url, statements=tuple(sts), mentions=tuple(mentions))


A1 = (
    "Valko: partners in Central Asia choose their own path\n\n"
    "ARDEN, March 3. /Northwire/. Foreign ministry spokeswoman Irina Valko on Friday rejected "
    "claims that Kazakhstan was being pushed to pick a side.\n\n"
    "\"Our neighbours in Central Asia do not need lectures from the West about whom to trade "
    "with,\" Valko told reporters. She said that the Eurasian Economic Union would keep settling "
    "payments in national currencies.\n\n"
    "\"Pressure of this kind only makes Uzbekistan and Kazakhstan value dependable partners "
    "more,\" she added."
)
A2 = (
    "Berg says Brussels wants predictable rules for grain shipments\n\n"
    "LEMBERG, April 11. /Daily Ledger/. EU trade commissioner Tomas Berg said on Tuesday that "
    "Brussels wanted predictable rules for grain shipments through the Black Sea.\n\n"
    "\"We are ready to talk to Kazakhstan about rail corridors that bypass the bottlenecks,\" "
    "Berg said at a press conference. According to Berg, the talks with Uzbekistan would resume "
    "in May."
)
A3 = (
    "Nurov: the Eurasian Economic Union will widen settlements in national currencies\n\n"
    "ARDEN, May 20. /Northwire/. Deputy foreign minister Aslan Nurov said the Eurasian Economic "
    "Union would widen settlements in national currencies next year.\n\n"
    "\"Sanctions from the West have taught Central Asia to rely on its own banks,\" Nurov said. "
    "A diplomatic source said the next summit could take place in Norland."
)


def corpus() -> list[Article]:
    """Three hand-made articles plus 27 generated ones spread over 2023, for paging."""
    arts = [
        make_article(A1, title="Valko: partners in Central Asia choose their own path",
                     published="2023-03-03", outlet="Northwire", url="https://example.org/a1",
                     statements=[
                         ("direct", "Our neighbours in Central Asia do not need lectures from the West "
                          "about whom to trade with,", "Irina Valko", "Valko", "told"),
                         ("indirect", "the Eurasian Economic Union would keep settling payments in "
                          "national currencies", "Irina Valko", "She", "said"),
                         ("direct", "Pressure of this kind only makes Uzbekistan and Kazakhstan value "
                          "dependable partners more,", "Irina Valko", "she", "added"),
                     ]),
        make_article(A2, title="Berg says Brussels wants predictable rules for grain shipments",
                     published="2023-04-11", outlet="Daily Ledger",
                     statements=[
                         ("indirect", "Brussels wanted predictable rules for grain shipments through "
                          "the Black Sea", "Tomas Berg", "Tomas Berg", "said"),
                         ("direct", "We are ready to talk to Kazakhstan about rail corridors that "
                          "bypass the bottlenecks,", "Tomas Berg", "Berg", "said"),
                         ("indirect", "the talks with Uzbekistan would resume in May", "Tomas Berg",
                          "Berg", "According to"),
                     ]),
        make_article(A3, title="Nurov: the Eurasian Economic Union will widen settlements in national currencies",
                     published="2023-05-20", outlet="Northwire",
                     statements=[
                         ("indirect", "the Eurasian Economic Union would widen settlements in national "
                          "currencies next year", "Aslan Nurov", "Aslan Nurov", "said"),
                         ("direct", "Sanctions from the West have taught Central Asia to rely on its "
                          "own banks,", "Aslan Nurov", "Nurov", "said"),
                         ("indirect", "the next summit could take place in Norland", None, None, "said"),
                     ]),
    ]
    for i in range(27):
        month = 1 + i % 12
        text = (
            f"Bulletin {i}: Valko on ferry route number {i}\n\n"
            f"ARDEN, {month:02d}/{10 + i % 15}. /Harbor Post/. Spokeswoman Irina Valko said the "
            f"ferry route number {i} to Kazakhstan would reopen after repairs.\n"
        )
        arts.append(make_article(
            text, title=f"Bulletin {i}: Valko on ferry route number {i}",
            published=f"2023-{month:02d}-{10 + i % 15:02d}", outlet="Harbor Post",
            statements=[("indirect", f"the ferry route number {i} to Kazakhstan would reopen after repairs",
                         "Irina Valko", "Irina Valko", "said")],
        ))
    return arts


XSS_TEXT = (
    "Test <b>bold</b> & <script>window.__pwned = 1; document.title = 'pwned';</script> report\n\n"
    "\"<img src=x onerror=\"window.__pwned = 2\"> is not a quote & neither is "
    "<svg onload=\"document.title='pwned'\"></svg>,\" said Mallory Quill. "
    "She added that </mark><mark>fake marks</mark> and {{ 7*7 }} must show as typed."
)
XSS_STATEMENT = (
    "<img src=x onerror=\"window.__pwned = 2\"> is not a quote & neither is "
    "<svg onload=\"document.title='pwned'\"></svg>,"
)


def xss_article() -> Article:
    """An article full of markup that must be shown as text, never run."""
    spk = {"Mallory Quill": ("mallory-quill", "<i onmouseover=\"window.__pwned=3\">role</i>")}
    return make_article(
        XSS_TEXT,
        title="<script>window.__pwned = 4</script>Payload title",
        published="2023-06-01",
        outlet="<b>Evil</b> Outlet",
        url="javascript:window.__pwned=5",
        statements=[
            ("direct", XSS_STATEMENT, "Mallory Quill", "Mallory Quill", "said"),
            ("indirect", "</mark><mark>fake marks</mark> and {{ 7*7 }} must show as typed",
             "Mallory Quill", "She", "added"),
        ],
        actors=(("<svg onload=\"document.title='pwned'\"></svg>", "SVG<x>", "<svg onload=x>", "grouping"),),
        speakers=spk,
    )


def build_db(path: Path, *, with_xss: bool = True) -> Path:
    """Create a SQLite store at ``path`` holding :func:`corpus` (and the XSS article)."""
    arts = corpus() + ([xss_article()] if with_xss else [])
    with open_store(path) as store:
        report = store.ingest(arts)
    assert report.added == len(arts), report
    return path


A1_ID = article_id(A1)
XSS_ID = article_id(XSS_TEXT)


# ---- the corpus itself ----------------------------------------------------------------------


def test_corpus_offsets_point_at_their_text():
    for art in corpus() + [xss_article()]:
        for st in art.statements:
            assert art.text[st.start:st.end] == st.text
            if st.speaker:
                assert art.text[st.speaker.start:st.speaker.end] == st.speaker.mention
            if st.cue:
                assert art.text[st.cue.start:st.cue.end] == st.cue.text
        for m in art.mentions:
            assert art.text[m.start:m.end] == m.text


def test_corpus_has_the_shapes_the_tests_rely_on():
    arts = corpus()
    assert len(arts) == 30
    assert sum(len(a.statements) for a in arts) == 36
    assert {a.outlet for a in arts} == {"Northwire", "Daily Ledger", "Harbor Post"}
    assert any(st.speaker is None for a in arts for st in a.statements)
