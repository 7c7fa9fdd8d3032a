"""The token-overlap scorer, on hand-made gold spans and predictions."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotegraph.evaluate import (
    Counts,
    GoldArticle,
    GoldStatement,
    PolnearArticle,
    PolnearAttribution,
    TokenIndex,
    match_spans,
    normalise_name,
    score_gold,
    score_gold_article,
    score_polnear,
)
from quotegraph.model import Article, Span, Speaker, Statement

TEXT = (
    'The minister said the talks in Tashkent were useful. "We will meet again in May," '
    'she added. Officials fear a long delay.'
)


def at(text: str, words: str, occurrence: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence):
        start = text.index(words, start + 1)
    return start, start + len(words)


def pred(text: str, words: str, *, kind: str = "indirect", speaker: str | None = None,
         mention: str | None = None) -> Statement:
    start, end = at(text, words)
    who = None
    if speaker is not None:
        ms, me = at(text, mention or "she")
        who = Speaker(name=speaker, mention=text[ms:me], start=ms, end=me)
    return Statement(kind=kind, start=start, end=end, text=words, speaker=who, cue=None,
                     rule="test")


def gold_stmt(text: str, words: str, *, kind: str = "indirect", speaker: str | None = "Anna Kim",
              mention: str | None = "she") -> GoldStatement:
    start, end = at(text, words)
    return GoldStatement(kind=kind, start=start, end=end, text=words, speaker=speaker,
                         mention=mention)


def gold_article(text: str, *statements: GoldStatement, published: str | None = None,
                 outlet: str | None = None) -> GoldArticle:
    return GoldArticle(id="t1", text=text, path="t1.txt", published=published, outlet=outlet,
                       statements=statements)


def predicted(text: str, *statements: Statement, published: str | None = None,
              outlet: str | None = None) -> Article:
    return Article(text=text, statements=statements, published=published, outlet=outlet)


# -- tokens -------------------------------------------------------------------------------------

def test_tokens_are_words_that_overlap_the_span():
    index = TokenIndex("Hello, big world!")
    assert len(index) == 3
    assert index.tokens([(0, 5)]) == {0}
    assert index.tokens([(2, 9)]) == {0, 1}  # a span starting mid-word owns that word
    assert index.tokens([(5, 7)]) == set()  # ", " holds no word
    assert index.tokens([(7, 7)]) == set()
    assert index.tokens([(0, 3), (11, 16)]) == {0, 2}  # discontinuous


# -- matching rules on token sets ---------------------------------------------------------------

def S(*numbers: int) -> frozenset[int]:
    return frozenset(numbers)


@pytest.mark.parametrize(
    "prediction, correct",
    [
        (S(0, 1, 2, 3), True),          # exact
        (S(2, 3, 4, 5), True),          # exactly half inside
        (S(3, 4, 5), False),            # one of three inside
        (S(0, 1, 10, 11, 12), False),   # two of five inside
        (S(1), True),                   # a short prediction wholly inside
        (S(), False),                   # no tokens: never correct
    ],
)
def test_prediction_correct_when_half_its_tokens_are_in_one_gold_span(prediction, correct):
    m = match_spans([prediction], [S(0, 1, 2, 3)])
    assert (m.prediction_gold[0] == 0) is correct


@pytest.mark.parametrize(
    "predictions, found",
    [
        ([S(0, 1)], True),              # half of four covered
        ([S(0)], False),                # a quarter
        ([S(0), S(3)], True),           # two predictions together cover half
        ([S(5, 6, 7)], False),          # elsewhere
        ([], False),
    ],
)
def test_gold_found_when_half_its_tokens_are_covered(predictions, found):
    m = match_spans(predictions, [S(0, 1, 2, 3)])
    assert m.gold_found == (found,)


def test_prediction_straddling_two_gold_spans():
    gold = [S(0, 1, 2, 3), S(4, 5, 6, 7)]
    # two tokens in each of two spans: half of it lies in ONE span, so it counts, for the first
    m = match_spans([S(2, 3, 4, 5)], gold)
    assert m.prediction_gold == (0,)
    assert m.gold_found == (True, True)
    # two in each and one outside: no single span holds half of five tokens
    m = match_spans([S(2, 3, 4, 5, 9)], gold)
    assert m.prediction_gold == (None,)
    assert m.gold_found == (True, True)
    # the larger share wins over the earlier span
    m = match_spans([S(3, 4, 5, 6)], gold)
    assert m.prediction_gold == (1,)


def test_gold_prediction_is_the_one_overlapping_most():
    m = match_spans([S(0), S(1, 2, 3), S(9)], [S(0, 1, 2, 3), S(20, 21)])
    assert m.gold_prediction == (1, None)


# -- gold-set scoring ---------------------------------------------------------------------------

def test_exact_match_scores_one():
    g = gold_article(TEXT, gold_stmt(TEXT, "the talks in Tashkent were useful", speaker=None,
                                     mention="The minister"),
                     gold_stmt(TEXT, "We will meet again in May", kind="direct"))
    p = predicted(TEXT, pred(TEXT, "the talks in Tashkent were useful"),
                  pred(TEXT, "We will meet again in May", kind="direct", speaker="Anna Kim",
                       mention="she"))
    score = score_gold([(g, p)])
    assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0)
    assert score.speaker_accuracy == 1.0  # includes null gold == null predicted
    assert score.speaker.total == 2
    assert score.articles[0].issues == ()


def test_extra_words_within_half_still_match_and_misses_and_false_positives_are_listed():
    g = gold_article(TEXT, gold_stmt(TEXT, "the talks in Tashkent were useful"),
                     gold_stmt(TEXT, "We will meet again in May", kind="direct"))
    p = predicted(TEXT, pred(TEXT, "said the talks in Tashkent were useful", speaker="Anna Kim"),
                  pred(TEXT, "Officials fear a long delay"))
    score = score_gold([(g, p)])
    c = score.statements
    assert (c.predicted, c.correct, c.gold, c.found) == (2, 1, 2, 1)
    assert score.precision == 0.5 and score.recall == 0.5 and score.f1 == 0.5
    issues = {(i.what, i.text) for i in score.articles[0].issues}
    assert issues == {("miss", "We will meet again in May"),
                      ("false positive", "Officials fear a long delay")}


def test_empty_inputs():
    assert score_gold([]).f1 == 0.0
    assert score_gold([]).to_dict()["articles"] == 0
    nothing = score_gold([(gold_article(TEXT), predicted(TEXT))])
    assert (nothing.precision, nothing.recall, nothing.f1, nothing.speaker_accuracy) == (0, 0, 0, 0)
    assert nothing.articles[0].errors == 0
    no_gold = score_gold([(gold_article(TEXT), predicted(TEXT, pred(TEXT, "Officials fear")))])
    assert no_gold.statements == Counts(predicted=1, correct=0, gold=0, found=0)
    no_pred = score_gold([(gold_article(TEXT, gold_stmt(TEXT, "Officials fear")), predicted(TEXT))])
    assert no_pred.statements == Counts(predicted=0, correct=0, gold=1, found=0)
    # a prediction without a single word is wrong, not a crash
    empty = Statement(kind="direct", start=3, end=3, text="", speaker=None, cue=None, rule="x")
    s = score_gold([(gold_article(TEXT, gold_stmt(TEXT, "Officials fear")), predicted(TEXT, empty))])
    assert s.statements == Counts(predicted=1, correct=0, gold=1, found=0)


def test_gold_span_without_words_is_left_out():
    text = 'He said: "—" and left.'
    g = gold_article(text, gold_stmt(text, "—", kind="direct"))
    assert score_gold([(g, predicted(text))]).statements.gold == 0


@pytest.mark.parametrize(
    "gold_speaker, predicted_speaker, ok",
    [
        (None, None, True),
        ("Anna Kim", "Anna Kim", True),
        ("Anna Kim", "  anna\n KIM ", True),
        (None, "Anna Kim", False),
        ("Anna Kim", None, False),
        ("Anna Kim", "Anna Kimova", False),
    ],
)
def test_speaker_accuracy_compares_normalised_names(gold_speaker, predicted_speaker, ok):
    g = gold_article(TEXT, gold_stmt(TEXT, "We will meet again in May", kind="direct",
                                     speaker=gold_speaker))
    p = predicted(TEXT, pred(TEXT, "We will meet again in May", kind="direct",
                             speaker=predicted_speaker, mention="she"))
    score = score_gold([(g, p)])
    assert score.f1 == 1.0
    assert score.speaker_accuracy == (1.0 if ok else 0.0)
    assert [i.what for i in score.articles[0].issues] == ([] if ok else ["speaker"])


def test_speaker_is_taken_from_the_prediction_overlapping_most():
    g = gold_article(TEXT, gold_stmt(TEXT, "We will meet again in May", kind="direct"))
    p = predicted(TEXT, pred(TEXT, "We will", speaker="Someone Else"),
                  pred(TEXT, "meet again in May", speaker="Anna Kim", mention="she"))
    assert score_gold([(g, p)]).speaker_accuracy == 1.0


def test_speaker_accuracy_counts_found_statements_only():
    g = gold_article(TEXT, gold_stmt(TEXT, "We will meet again in May", kind="direct"),
                     gold_stmt(TEXT, "the talks in Tashkent were useful"))
    p = predicted(TEXT, pred(TEXT, "We will meet again in May", speaker="Anna Kim", mention="she"))
    assert score_gold([(g, p)]).speaker.to_dict() == {"value": 1.0, "hits": 1, "total": 1}


def test_per_kind_recall_and_precision():
    g = gold_article(TEXT, gold_stmt(TEXT, "the talks in Tashkent were useful"),
                     gold_stmt(TEXT, "We will meet again in May", kind="direct"))
    p = predicted(TEXT, pred(TEXT, "We will meet again in May", kind="direct"),
                  pred(TEXT, "Officials fear a long delay", kind="mixed"))
    score = score_gold([(g, p), (g, p)])
    assert score.kind("direct") == Counts(predicted=2, correct=2, gold=2, found=2)
    assert score.kind("indirect").recall == 0.0 and score.kind("indirect").gold == 2
    assert score.kind("mixed") == Counts(predicted=2, correct=0, gold=0, found=0)
    d = score.to_dict()
    assert d["by_kind"]["direct"]["recall"] == 1.0
    assert d["by_kind"]["indirect"]["recall"] == 0.0


def test_published_and_outlet_accuracy():
    g = gold_article(TEXT, published="2023-05-02", outlet="Kazinform")
    right = score_gold_article(g, predicted(TEXT, published="2023-05-02", outlet="kazinform"))
    wrong = score_gold_article(g, predicted(TEXT, published="2023-05-01", outlet=None))
    assert (right.published.value, right.outlet.value) == (1.0, 1.0)
    assert (wrong.published.value, wrong.outlet.value) == (0.0, 0.0)
    unknown = score_gold_article(gold_article(TEXT), predicted(TEXT, published="2023-05-01"))
    assert unknown.published.total == 0


def test_scores_are_frozen_and_serialise():
    g = gold_article(TEXT, gold_stmt(TEXT, "We will meet again in May", kind="direct"))
    score = score_gold([(g, predicted(TEXT))])
    with pytest.raises(dataclasses.FrozenInstanceError):
        score.statements = Counts()  # type: ignore[misc]
    d = score.to_dict(articles=True)
    assert {"precision", "recall", "f1", "speaker_accuracy", "by_kind"} <= d.keys()
    assert d["article_scores"][0]["issues"][0]["what"] == "miss"
    assert worst_ids(score) == ["t1"]


def worst_ids(score) -> list[str]:
    return [a.id for a in score.worst(3)]


def test_worst_articles_rank_by_issue_count_and_skip_clean_ones():
    clean = dataclasses.replace(gold_article(TEXT), id="clean")
    one = dataclasses.replace(gold_article(TEXT, gold_stmt(TEXT, "Officials fear")), id="one")
    two = dataclasses.replace(
        gold_article(TEXT, gold_stmt(TEXT, "Officials fear"), gold_stmt(TEXT, "We will")), id="two")
    score = score_gold([(clean, predicted(TEXT)), (one, predicted(TEXT)), (two, predicted(TEXT))])
    assert worst_ids(score) == ["two", "one"]
    assert [a.id for a in score.worst(1)] == ["two"]


def test_normalise_name():
    assert normalise_name(" Maria\t Zakharova ") == "maria zakharova"
    assert normalise_name(None) is None


# -- PolNeAR scoring ----------------------------------------------------------------------------

POL = ('"We will win this state," the senator said, "and we will win it big." '
       'A campaign source said the bus tour would end early.')


def polnear_article(*attributions: PolnearAttribution) -> PolnearArticle:
    return PolnearArticle(id="p1", split="dev", text=POL, path="p1.txt", annotation="p1_x.ann",
                          attributions=attributions)


def test_polnear_discontinuous_content_and_source_overlap():
    content = (at(POL, "We will win this state,"), at(POL, "and we will win it big."))
    quote = PolnearAttribution("E1", content, sources=(at(POL, "the senator"),),
                               cues=(at(POL, "said"),))
    bus = PolnearAttribution("E2", (at(POL, "the bus tour would end early"),),
                             sources=(at(POL, "A campaign source"),))
    first = pred(POL, "We will win this state", kind="direct", speaker="Ann Lee",
                 mention="senator")
    second = pred(POL, "and we will win it big.", kind="direct", speaker="Ann Lee",
                  mention="the senator")
    s, e = at(POL, "campaign source")
    unnamed = dataclasses.replace(pred(POL, "the bus tour would end early"),
                                  source_mention=Span(s, e, POL[s:e]))
    score = score_polnear([(polnear_article(quote, bus),
                            predicted(POL, first, second, unnamed))])
    assert (score.precision, score.recall) == (1.0, 1.0)
    assert score.speaker_overlap == 1.0 and score.speaker.total == 3
    assert score.to_dict()["speaker_overlap"] == 1.0


def test_polnear_speaker_misses_and_no_source_attributions():
    bus = PolnearAttribution("E2", (at(POL, "the bus tour would end early"),),
                             sources=(at(POL, "A campaign source"),))
    wrong = pred(POL, "the bus tour would end early", speaker="Ann Lee", mention="the senator")
    score = score_polnear([(polnear_article(bus), predicted(POL, wrong))])
    assert score.f1 == 1.0 and score.speaker_overlap == 0.0
    assert score.articles[0].issues[0].what == "speaker"
    nobody = pred(POL, "the bus tour would end early")
    assert score_polnear([(polnear_article(bus), predicted(POL, nobody))]).speaker_overlap == 0.0
    # no Source span in the gold relation: nothing to overlap, so it is not counted
    sourceless = PolnearAttribution("E3", (at(POL, "the bus tour would end early"),))
    s = score_polnear([(polnear_article(sourceless), predicted(POL, wrong))])
    assert s.speaker.total == 0 and s.f1 == 1.0


# -- properties ---------------------------------------------------------------------------------

WORDS = "Lavrov said the talks in Astana were useful and would go on , . « » — he".split()


@st.composite
def text_and_spans(draw):
    text = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=40)))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=12)))
    spans = [(a, b) for a, b in zip(cuts[::2], cuts[1::2])]  # disjoint, in order
    preds = draw(st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, len(text))),
                          max_size=8))
    return text, spans, [(min(a, b), max(a, b)) for a, b in preds]


def _article_pair(text, spans, preds):
    g = gold_article(text, *(GoldStatement("direct", a, b, text[a:b], None) for a, b in spans))
    p = predicted(text, *(Statement("direct", a, b, text[a:b], None, None, "h") for a, b in preds))
    return g, p


@settings(max_examples=150, deadline=None)
@given(text_and_spans())
def test_figures_stay_in_range_and_gold_scores_itself_perfectly(case):
    text, spans, preds = case
    score = score_gold([_article_pair(text, spans, preds)])
    c = score.statements
    assert 0 <= c.correct <= c.predicted and 0 <= c.found <= c.gold
    assert all(0.0 <= x <= 1.0 for x in (score.precision, score.recall, score.f1))
    assert len(score.articles[0].issues) >= (c.predicted - c.correct) + (c.gold - c.found)
    perfect = score_gold([_article_pair(text, spans, spans)])
    assert perfect.statements.found == perfect.statements.gold
    assert perfect.statements.correct == perfect.statements.gold
    assert perfect.speaker.hits == perfect.speaker.total


@pytest.mark.parametrize("cue, expected", [
    ("said", "speech"), ("has also said", "speech"), ("according to", "speech"),
    ("told", "speech"), ("wrote", "speech"), ("believes", "other"), ("shows", "other"),
    ("", "other"), (None, "other"), ("―", "other"),
])
def test_cue_classes_by_head_word(cue, expected):
    from quotegraph.evaluate.cues import cue_class

    assert cue_class(cue) == expected


def test_counts_table_prints_one_aligned_line_per_measure():
    from types import SimpleNamespace

    from quotegraph.evaluate.score import Counts, counts_table

    score = SimpleNamespace(kind=Counts(predicted=4, correct=3, gold=6, found=3))
    header, line = counts_table(score, ("kind",), width=6)
    assert header == " " * 12 + "P      R     F1  counts (correct/predicted/gold)"
    assert line == "kind    0.750  0.500  0.600  3/4/6"
