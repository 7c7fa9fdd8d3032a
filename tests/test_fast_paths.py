"""The speed work's shortcuts (issue 7) against the plain definitions they replace.

Each shortcut must find exactly what its plain version finds; these texts are written to hit
the cases where a shortcut could slip: boundaries at the very start, runs of line breaks,
closing quotes after a sentence mark, names inside longer words or next to underscores.
"""

from __future__ import annotations

import re

from quotegraph.relate.occasions import sentence_spans
from quotegraph.resolve.people import _FIND_RUNS, _word_starts


def _plain_sentence_spans(text: str) -> list[tuple[int, int]]:
    # The definition: a sentence mark (and a closing quote) and spaces before a capital,
    # or a run of line breaks.
    end = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘']?[A-Z0-9])|\n+")
    spans, start = [], 0
    for m in end.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


SENTENCE_TEXTS = [
    "The minister spoke. Then he left.",
    "It ended.\n\nThe next day came.\n\n\nA third line",
    "\n\nOpening blank lines. 2 more follow.",
    "He asked: “Why?” “Because,” she said! “Fine.”\nDone.",
    "Prices rose 1.5 percent. in lower case. Not here? yes. Yes.",
    "Ends with a mark.",
    ".\n.\n\n!",
    "Quote closes.’ ‘Another one.' \"A third.\"   \n  Z",
    "",
]


def test_occasion_sentences_are_the_plain_ones():
    for text in SENTENCE_TEXTS:
        assert sentence_spans(text) == _plain_sentence_spans(text), text


def _plain_word_starts(text: str, start: int, surnames) -> dict[str, list[int]]:
    # The definition: every place from start where the surname begins a whole letter/digit run.
    out = {}
    for s in surnames:
        run = re.match(r"[^\W_]+", s).group()
        rx = re.compile(r"(?<![^\W_])" + re.escape(run) + r"(?![^\W_])")
        out[s] = [m.start() for m in rx.finditer(text, start) if text.startswith(s, m.start())]
    return out


def test_surname_places_with_few_and_many_surnames():
    text = ("Obama met O'Brien. Obamas, xObama, Obama_ and Obama2 are other words; Obama. "
            "Éric Éricx _Éric Éric. Smith-Jones and Smith and Jones. O'Brienx O'Brien")
    few = ["Obama", "O'Brien", "Éric", "Smith-Jones", "Smith", "Jones"]
    many = few + [f"Name{k}" for k in range(_FIND_RUNS + 2)]  # past the str.find path
    for surnames in (few, many):
        for start in (0, 1, 5, 10, 19, 80):
            got = _word_starts(text, start, surnames)
            assert got == _plain_word_starts(text, start, surnames), (start, len(surnames))
    # "_" is no letter: "Obama_" counts, "Obamas", "xObama" and "Obama2" do not.
    assert _word_starts(text, 0, few)["Obama"] == [0, text.index("Obama_"), text.index("Obama.")]


def test_role_then_name_finds_what_the_full_scan_finds():
    from quotegraph.resolve.people import _ROLE_THEN_NAME, _role_then_name

    text = ("The President's spokesperson, Vincent Magwenya, said it. The UN secretary-general, "
            "Amina Rahal. said more. An ex-minister, Tom Bell said no. Ministers’, Ann Lee, "
            "told them. The chairmanship, Bob Fay, was vacant. Her adviser, Jan Koval, "
            "a minister, Petr Novak, added nothing. spokesman, Li Wei, said so")
    for start in (0, 1, 30, 31, 90):
        want = [m.span() for m in _ROLE_THEN_NAME.finditer(text, start)]
        assert [m.span() for m in _role_then_name(text, start)] == want, start
    assert any(m.group("name") == "Vincent Magwenya" for m in _role_then_name(text, 0))


def test_occasion_key_trie_holds_every_platform_and_outlet():
    from quotegraph.relate import occasions as oc
    from quotegraph.spans import trie_alternation

    words = sorted({f for w in oc._KEY_WORDS for f in (w, w.lower(), w.capitalize(), w.upper())})
    plain = re.compile("(?:" + trie_alternation(words) + ")" + rf"|{oc._PLATFORM}|{oc._OUTLETS}")
    sentences = ["He told Al\tJazeera so.", "She wrote on Truth  Social.", "He told Khabar-24 it.",
                 "Posted on VKontakte", "He told RIA Novosti", "nothing to see here", "He told FT.",
                 "said on X", "a PRESS event", "Telegrams", "told the Financial\nTimes"]
    for s in sentences:
        assert (oc._KEYS.search(s) is None) == (plain.search(s) is None), s
    assert oc._plain_names("(?:Khabar(?:-24)?|Al\\s+Jazeera)") == ["Khabar", "Al Jazeera"]


def test_stem_tries_agree_with_substring_tests():
    from quotegraph.relate import quantities, relations

    texts = ["nothing here at all", "they were critical of it", "we must act", "backing down",
             "the indignation grew", "often written", "someone said", "a dozen", "fourteen",
             "no numbers", "ninety-nine", "a half-measure"]
    for stems, rx in ((relations._STEMS, relations._STEMS_RE),
                      (quantities._NUMBER_STEMS, quantities._NUMBER_STEM_RE)):
        for t in texts + list(stems):
            assert (rx.search(t) is not None) == any(s in t for s in stems), t


def test_relate_leaves_a_plain_statement_equal_and_fills_the_others():
    from quotegraph import extract

    text = ("The minister said the weather was fine. "
            "The minister said exports rose 12 percent to $5 billion in 2023.")
    art = extract(text, use_kb=False)
    by_text = {s.text: s for s in art.statements}
    plain = next(s for t, s in by_text.items() if "weather" in t)
    figures = next(s for t, s in by_text.items() if "exports" in t)
    assert plain.claims == () and plain.relations == () and plain.occasion is None
    assert [c.unit for c in figures.claims] == ["percent", "currency"]


def test_token_windows_are_per_text_and_safe_to_change():
    from quotegraph.attribute.mentions import tokens

    a = "Foreign Minister Lena Holt said."
    b = "The spokesman for the ministry said."
    first = tokens(a, 0, 26)
    first.append((0, 0, "changed"))  # a caller changing its list changes nobody else's
    assert tokens(a, 0, 26) == [(0, 7, "Foreign"), (8, 16, "Minister"), (17, 21, "Lena"),
                                (22, 26, "Holt")]
    assert [w for _, _, w in tokens(b, 0, 26)] == ["The", "spokesman", "for", "the", "mini"]
    assert [w for _, _, w in tokens(a, 0, 26)][-1] == "Holt"  # back to the first text


def test_speaker_phrases_are_kept_per_text_and_window():
    from quotegraph.attribute.mentions import speaker_before

    a = "Yesterday Foreign Minister Lena Holt said the talks would go on."
    b = "Yesterday the embassy's spokesman Tom Reed said the talks would go on."
    cue_a, cue_b = a.index(" said") + 1, b.index(" said") + 1
    whole = speaker_before(a, 0, cue_a)
    assert whole.name == "Lena Holt"
    assert speaker_before(a, 0, cue_a) == whole  # asked again: the same answer
    late = speaker_before(a, a.index("Holt"), cue_a)  # another window of the same cue
    assert late is not None and late.text == "Holt"
    other = speaker_before(b, 0, cue_b)
    assert other is not None and "Tom Reed" in other.text
    assert speaker_before(a, 0, cue_a) == whole  # back to the first text


def test_platform_occasions_need_the_platform_as_written():
    from quotegraph.model import Span, Statement
    from quotegraph.relate.occasions import find_occasions

    def occasion(text: str, said: str):
        cue = text.index(said)
        st = Statement(kind="indirect", start=len(text) - 10, end=len(text) - 1,
                       text=text[-10:-1], speaker=None, cue=Span(cue, cue + len(said), said),
                       rule="test")
        return find_occasions(text, [st])[0]

    posted = occasion("The minister wrote on Telegram that talks were over.", "wrote")
    assert posted is not None and posted.kind == "social media post" and posted.venue.text == "Telegram"
    truth = occasion("The candidate posted on Truth Social that he had won.", "posted")
    assert truth is not None and truth.venue.text == "Truth Social"
    assert occasion("The minister wrote on telegram paper that talks were over.", "wrote") is None


def test_span_set_overlaps_and_covers_equal_the_plain_definitions():
    """SpanSet answers in O(log n) what the occasions and groups stages asked of every span."""
    import random

    from quotegraph.spans import SpanSet

    rng = random.Random(7)
    for _ in range(200):
        spans = [(a, a + rng.randint(0, 30)) for a in (rng.randint(0, 200) for _ in range(rng.randint(0, 12)))]
        index = SpanSet(spans)
        for _ in range(30):
            s = rng.randint(0, 230)
            e = s + rng.randint(0, 40)
            assert index.overlaps(s, e) == any(a < e and s < b for a, b in spans), (spans, s, e)
            assert index.covers(s, e) == any(a <= s and e <= b for a, b in spans), (spans, s, e)


def test_statement_groups_are_those_inside_the_statement():
    from quotegraph.relate import find_groups, statement_groups
    from quotegraph.extract import extract

    text = ("Russia, China and India said on Monday that Japan and Korea would join. "
            "Later Germany and France agreed, and Spain, Italy and Portugal did not.")
    art = extract(text)
    groups = find_groups(text, art.mentions)
    assert len(groups) >= 3
    for st in art.statements:
        assert statement_groups(st, groups) == tuple(
            g for g in groups if st.start <= g.start and g.end <= st.end)


def test_named_between_equals_a_walk_over_every_persons_positions():
    """The speaker rule that looks for a person just after a sentence asks the registry's
    sorted mentions instead of every position of every person (quadratic in a long text)."""
    from quotegraph.resolve.people import build_registry

    text = ("Foreign Minister Ada Quist met Trade Minister Bo Lind in Bergholm. Quist said the "
            "talks went well. Lind said little. President Ivo Brant, who hosted them, said "
            "Quist and Lind would meet again in May. Brant added that Lind agreed.")
    reg = build_registry(text, [], [])
    for lo in range(0, len(text), 7):
        hi = lo + 90
        plain = sorted(((q, p) for p in reg.people for q in p.positions if lo <= q < hi),
                       key=lambda t: t[0])
        assert reg.named_between(lo, hi) == plain, lo
    assert any(reg.named_between(0, len(text)))


def test_institution_forms_asked_once_per_phrase_give_the_same_names():
    """_institution keeps the forms that fit a phrase for the article; the pick by position
    must stay what a fresh look at every form gives, wherever the phrase stands."""
    from quotegraph.resolve.speakers import _institution, _institution_forms, _LazyForms

    text = ("The Norland Foreign Ministry said talks would resume. The ministry added that the "
            "Vesteria Trade Ministry had agreed. Later the Trade Ministry of Vesteria said the "
            "ministry would publish the text, and the foreign ministry confirmed it.")
    lazy = _LazyForms(text)
    plain = _institution_forms(text)
    for phrase in ("the ministry", "The ministry", "the foreign ministry", "the Trade Ministry"):
        for at in range(0, len(text), 11):
            assert _institution(phrase, lazy, at) == _institution(phrase, plain, at), (phrase, at)
    assert lazy.candidates  # the answers came through the per-article cache


def _plain_by_stopwords(counts, candidates):
    # The definition: each language's score is the occurrences of its stopwords in the text.
    from quotegraph.read.language import _MARGIN, _MIN_SHARE, STOPWORDS

    scores = sorted(((sum(n for w, n in counts.items() if w in STOPWORDS[lang]), lang)
                     for lang in candidates), reverse=True)
    (best, lang), (second, _) = scores[0], scores[1]
    if best < _MIN_SHARE * counts.total() or best < _MARGIN * second:
        return None
    return lang


LANGUAGE_TEXTS = [
    "the minister said that the talks were over and that he would not return to the city " * 3,
    "le ministre a dit que les pourparlers sont finis et qu'il ne reviendra pas dans la ville " * 3,
    "de minister zei dat de gesprekken voorbij zijn en dat hij niet naar de stad terugkeert " * 3,
    "a de in a de in el la en le de la a in the of",  # words shared by several lists: ties
    "o ministro disse que as conversas acabaram e que ele não voltará para a cidade " * 3,
    "министр сказал что переговоры окончены и он не вернется в город и это все " * 3,
    "zzz qqq xxx " * 20,
]


def test_stopword_scores_are_the_plain_ones():
    from collections import Counter

    from quotegraph.read.language import _WORD, _by_stopwords

    latin = ("en", "fr", "de", "es", "it", "pt", "nl", "tr", "pl", "az", "uz")
    cyrillic = ("ru", "uk", "bg", "sr", "kk", "ky")
    for text in LANGUAGE_TEXTS:
        counts = Counter(w.lower() for w in _WORD.findall(text))
        for candidates in (latin, cyrillic, ("nl", "de"), ("fr", "en")):
            assert _by_stopwords(counts, candidates) == _plain_by_stopwords(counts, candidates), \
                (text[:30], candidates)


def test_stopword_scores_from_the_stopwords_alone_are_the_plain_ones():
    # The ASCII path counts only the stopwords and passes the number of words apart.
    from collections import Counter

    from quotegraph.read.language import _ALL_STOPWORDS, _WORD, _by_stopwords

    latin = ("en", "fr", "de", "es", "it", "pt", "nl", "tr", "pl", "az", "uz")
    texts = LANGUAGE_TEXTS + ["the " * 3 + "zzz " * 40, "the of and " * 2 + "qqq " * 20]
    for text in texts:
        words = [w.lower() for w in _WORD.findall(text)]
        stops = Counter(w for w in words if w in _ALL_STOPWORDS)
        for candidates in (latin, ("nl", "de"), ("fr", "en")):
            assert _by_stopwords(stops, candidates, total=len(words)) \
                == _plain_by_stopwords(Counter(words), candidates), (text[:30], candidates)


def test_ascii_texts_read_as_the_general_path_reads_them():
    from quotegraph.read.language import _any_script, detect_language

    for text in LANGUAGE_TEXTS + ["Short text.", "The minister said, “we will go” — and left. " * 8]:
        assert detect_language(text) == _any_script(text[:40_000]), text[:30]


RELATION_TEXTS = [
    "The minister accused Kyiv of stalling and urged Brussels to act.",
    "Nothing here names a trigger at all, only plain words.",
    "THE WEST IS SEEKING TO FORCE the allies; Ministers CONDEMNED it and Called On others.",
    "İstanbul said it would ſupport Ankara and thank Baku",  # lower-casing moves offsets
    "A speech: the ambassador thanked nobody, but he warned Tbilisi.",
    "the Kelvin sign \u212a is no letter k; they bacKed and blamed Paris",
    "They were trying to undermine Minsk, said one; the others were working to drag Baku in.",
    "ſlammed and ask",  # "ſ" matches "s" in a case-blind pattern, not after lower()
    "dotless ı: crıticised Moscow, then criticised Riga",
]


def test_relation_scans_start_where_the_plain_scans_find_their_first_match():
    from quotegraph.relate.relations import _PRESSURE_RE, _TRIGGER_RE, scan_starts

    for text in RELATION_TEXTS:
        for lo, hi in ((0, len(text)), (5, len(text)), (3, len(text) - 4)):
            trigger_from, pressure_from = scan_starts(text[lo:hi].lower(), lo, hi)
            for rx, start in ((_TRIGGER_RE, trigger_from), (_PRESSURE_RE, pressure_from)):
                plain = [(m.span(), m.lastgroup) for m in rx.finditer(text, lo, hi)]
                fast = [(m.span(), m.lastgroup) for m in rx.finditer(text, start, hi)]
                assert fast == plain, (text, lo, hi, rx.pattern[:20])


# One phrase for each alternative of PERIOD_RE, in its order, and measures with and without
# modifiers; the sentences around them hold no other period or measure word.
PERIOD_PHRASES = [
    "from January to March of 2023", "in the first six months of this year",
    "in the second half of the year", "in Q3 2021", "H1", "over the past few years",
    "over the next five days", "in the coming weeks",
    "by the end of this year", "during this period", "in the near future", "so far this year",
    "currently", "until next year", "before the decade", "since May 2014", "from 1998-2004",
    "in Sept 2019", "in Oct", "last week", "the previous quarter", "in annual terms", "per year",
    "annually", "a month", "to date", "2015–2016",
]
MEASURE_PHRASES = ["bilateral trade turnover", "GDP", "total foreign investments", "costs",
                   "Russian-Chinese trade", "the market share", "losses"]


def _plain_claim_scans(text, lo, hi):
    from quotegraph.relate.claims import _MEASURE_RE, PERIOD_RE

    return ([m.span() for m in PERIOD_RE.finditer(text, lo, hi)],
            [m.span() for m in _MEASURE_RE.finditer(text, lo, hi)])


def _gated_claim_scans(text, lo, hi):
    from quotegraph.relate.claims import _MEASURE_RE, PERIOD_RE, _words_for

    period, measure = _words_for(text, lo, hi)
    return ([m.span() for m in PERIOD_RE.finditer(text, lo, hi)] if period else [],
            [m.span() for m in _MEASURE_RE.finditer(text, lo, hi)] if measure else [])


def test_claim_sentences_skip_the_scans_only_when_the_plain_scans_find_nothing():
    texts = [f"The envoy said the figure rose by 12 percent {p}, he noted." for p in PERIOD_PHRASES]
    texts += [f"He put the {p} at 40 billion, she noted." for p in MEASURE_PHRASES]
    texts += ["Nothing of the kind: 12 people came.", "THE FIGURE WAS 5 PERCENT IN JUNE",
              "İt ſtood at 40 percent of ſales",  # lower-casing moves offsets; "ſ" is an "s"
              "the coſts were 3 percent", "Kelvin \u212a: 4 percent of trade"]
    found = 0
    for text in texts:
        for lo, hi in ((0, len(text)), (4, len(text) - 3)):
            plain = _plain_claim_scans(text, lo, hi)
            assert _gated_claim_scans(text, lo, hi) == plain, text
            found += bool(plain[0]) + bool(plain[1])
    assert found > len(PERIOD_PHRASES) + len(MEASURE_PHRASES)  # the phrases are matched


def test_occasion_keys_in_a_sentence_are_the_plain_substrings():
    from quotegraph.relate.occasions import _ALL_KEYS, keys_in

    texts = ["at a briefing after the talks she told reporters", "briefed", "tweeted a video",
             "the press-conference", "mps and senators", "interviewinterview", "",
             "a statement released on his blog page", "no key here", "correspondentstell"]
    for text in texts + [" ".join(_ALL_KEYS), "".join(_ALL_KEYS)]:
        assert keys_in(text) == {k for k in _ALL_KEYS if k in text}, text


def _plain_repeats(statements, *, body_start):
    # The definition: every pair by the exact test, the best score first, then the earliest.
    from quotegraph.attribute.repeats import (BODY_SHARE, HEADLINE_SHARE, MIN_WORDS,
                                              _same_speaker, _stems)

    found = {}
    for i, st in enumerate(statements):
        headline = st.start < body_start
        a = _stems(st.text)
        if len(a) < MIN_WORDS:
            continue
        best = None
        for j, other in enumerate(statements):
            if j == i or j in found or other.start < body_start:
                continue
            if not headline and other.start >= st.start:
                continue
            if not _same_speaker(st, other, headline=headline):
                continue
            b = _stems(other.text)
            shared = len(a & b)
            score = shared / len(a) if headline else shared / max(len(a), len(b))
            if score >= (HEADLINE_SHARE if headline else BODY_SHARE) and (best is None or score > best[0]):
                best = (score, j)
        if best is not None:
            found[i] = best[1]
    for i, j in found.items():
        while j in found:
            j = found[j]
        found[i] = j
    return found


def test_repeats_of_speakers_with_few_and_many_statements_are_the_plain_ones():
    from quotegraph.attribute.repeats import FEW_TO_INDEX, find_repeats
    from quotegraph.model import Speaker, Statement

    sayings = ["the harbour levy will rise next spring for every ship",
               "the harbour levy will rise next spring for every single ship",
               "every ship pays the harbour levy when it rises next spring",
               "the mill will close unless the levy is cut",
               "unless the levy is cut the mill will close",
               "talks with the port authority resume on Monday morning",
               "the harbour levy will rise next spring for every big ship"]
    order = [5, 3, 0, 2, 1, 4, 6, 1, 0, 5, 2, 6]  # near repeats after unrelated sayings
    for speakers, n in ((("Ada Quist", "Bo Lind"), 9), (("Ada Quist",), 9),
                        (("Ada Quist",), FEW_TO_INDEX * 2 + 3)):
        statements, at = [], 0
        for k in range(n):
            name = speakers[k % len(speakers)] if k % 5 else None
            text = sayings[order[k % len(order)]]
            sp = Speaker(name=name, mention=name, start=at, end=at + 3, id=None) if name else None
            statements.append(Statement(kind="indirect", start=at, end=at + len(text), text=text,
                                        speaker=sp, cue=None, rule="test"))
            at += len(text) + 10
        for body_start in (0, statements[2].start):
            plain = _plain_repeats(statements, body_start=body_start)
            assert find_repeats(statements, body_start=body_start) == plain, (speakers, n, body_start)
            assert plain  # the sayings do repeat


def test_kept_surnames_and_genders_are_the_plain_ones():
    from quotegraph.resolve import people

    def plain_surname(name):
        return re.sub(r"[’']s?$", "", name.split()[-1]) if name.split() else name

    names = ["Ada Quist", "Quist", "Quist's", "Bo Lind’s", "Lind’", "", "Maria Zakharova",
             "Mr. Lamb", "Wang Yi", "van der Berg", "Ada Quist"]
    titles = [None, "", "spokeswoman", "Foreign Ministry Spokesman", "Mr.", "Queen", "minister"]
    for _ in range(2):  # the second round is answered from what was kept
        for name in names:
            assert people.surname_of(name) == plain_surname(name), name
            for title in titles:
                t = (title or "").lower()
                first = name.split()[0] if name.split() else ""
                plain = ("f" if any(w in t for w in people.lx.FEMALE_TITLE_WORDS) else
                         "m" if any(w in t for w in people.lx.MALE_TITLE_WORDS) else
                         "f" if first in people.FEMALE_FIRST_NAMES else
                         "m" if first in people.MALE_FIRST_NAMES else None)
                assert people.gender_from(title, name) == plain, (title, name)


def test_cached_name_forms_are_the_plain_ones_and_stay_unshared():
    # slug and the institution forms are kept per name; a caller changing the list it was
    # given must not change what the next caller gets.
    from quotegraph.resolve.kb_speakers import _forms_of, institution_forms
    from quotegraph.resolve.speakers import slug

    names = ["the Foreign Ministry", "China's foreign ministry", "the government of Kyrgyzstan",
             "Kyrgyzstan's government", "the  Kyrgyz   authorities", "Maria Zakharova's", "—"]
    for name in names:
        plain = _forms_of.__wrapped__(name)
        first = institution_forms(name)
        assert first == list(plain)
        first.append("changed")
        assert institution_forms(name) == list(plain)
        assert slug(name) == slug.__wrapped__(name) == slug(name)


def test_non_ascii_letters_are_found_among_the_non_ascii_characters():
    # detect_language takes the ASCII path when no letter beyond ASCII is in the text; it looks
    # only at what is left once the ASCII runs are cut out.
    from quotegraph.read import language as lang

    texts = ["plain ascii", "curly “quotes” and dashes — only", "café at the start",
             "ends with é", "é", "“”—", "digits ٣ beyond ascii", "x\u00a0y nbsp", "_ underscore ‿",
             "Ελλάδα and “quotes”", ""]
    for text in texts:
        plain = lang._NON_ASCII_WORD_CHAR.search(text) is not None
        assert (lang._NON_ASCII_WORD_CHAR.search(lang._ASCII_RUN.sub("", text)) is not None) == plain, text
        assert lang.detect_language(text * 30) == lang._any_script((text * 30)[:40_000]) \
            or plain, text


_PLAIN_BACK_REFERENCE = re.compile(  # the definition the trie in back_reference replaces
    r"\b(?:(?:has|had)\s+)?(?:also\s+)?(?:stated|said|confirmed|announced|reported|noted|stressed|"
    r"made|voiced|expressed)\s+(?:this(?:\s+information)?|so|the\s+statement|this\s+statement|"
    r"the\s+remarks?|these\s+remarks|the\s+comments?|these\s+comments)(?=[\s.,])")

BACK_REFERENCE_TEXTS = [
    "said so. He had  also said this, then had\nalso\tvoiced the remarks.",
    "xhad said so, Shad stated this. _said this. 1has made the statement.",
    "She said so also said these comments and has noted so",
    "He reported this information, éhas said so. Made this clear.",
    "They had made these remarks.They has also expressed this statement ",
]


def test_back_reference_scan_is_the_plain_pattern():
    from quotegraph.attribute.back_reference import BACK_REFERENCE
    for text in BACK_REFERENCE_TEXTS:
        assert [m.span() for m in BACK_REFERENCE.finditer(text)] == \
            [m.span() for m in _PLAIN_BACK_REFERENCE.finditer(text)], text
    assert len(list(BACK_REFERENCE.finditer(" ".join(BACK_REFERENCE_TEXTS)))) >= 8


def test_collective_phrases_hold_a_listed_word():
    # _members skips the collective-phrase scan of a text holding none of _COLLECTIVE_WORDS:
    # every phrase the pattern can match must hold one of them as written.
    from quotegraph.relate.groups import _COLLECTIVE, _COLLECTIVE_WORDS, _members
    owners = re.search(r"\(\?:\(\?:([^)]*)\)", _COLLECTIVE.pattern).group(1).split("|")
    heads = re.search(r"\(\?:(allies[^)]*)\)", _COLLECTIVE.pattern).group(1).split("|")
    phrases = [f"{o} {h}" for o in owners for h in heads] + [f"{o} Gulf {h}" for o in owners for h in heads]
    phrases += ["the West", "the collective West", "the international community"]
    for phrase in phrases:
        assert _COLLECTIVE.search(f"Ties with {phrase} grew."), phrase
        assert any(w in phrase for w in _COLLECTIVE_WORDS), phrase
    assert [(m.start, m.end) for m in _members("Russia and its allies met.", [])] == [(11, 21)]
    assert _members("Russia and its friends met the Western press.", []) == []


def test_back_reference_scan_is_left_out_only_without_a_match():
    from quotegraph.attribute.back_reference import BACK_REFERENCE, _may_hold_one
    for text in BACK_REFERENCE_TEXTS + ["He said\n\nso.", "It was reportedly said  these remarks,"]:
        if BACK_REFERENCE.search(text):
            assert _may_hold_one(text), text
    assert not _may_hold_one("He said that this was so. So it was stated: the statement stood.")
