"""Reading PolNeAR's BRAT standoff annotations, on hand-made files and on the real corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotegraph.evaluate import (
    EvaluationError,
    PolnearAttribution,
    evaluate_polnear,
    load_polnear,
    parse_ann,
)
from quotegraph.model import Article, Span, Speaker, Statement

SHARED = Path(__file__).resolve().parents[2] / "shared"
POLNEAR = SHARED / "polnear"

TEXT = (
    '"The plant will stay open," the governor said, "at least until spring."\n\n'
    "Aides said the vote was close. Turnout rose, according to county data.\n"
)


SAID = TEXT.index("Aides said") + 6  # the second "said"


def off(words: str) -> str:
    start = TEXT.index(words)
    return f"{start} {start + len(words)}"


ANN = "\n".join([
    f"T1\tContent {off('The plant will stay open,')};{off('at least until spring.')}\t"
    "The plant will stay open, at least",
    "until spring.",  # the copied text of a span may run on to a further line
    f"T2\tSource {off('the governor')}\tthe governor",
    f"T3\tCue {off('said')}\tsaid",
    f"T4\tAttribution {off('said')}\tsaid",
    "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2",
    f"T5\tSource {off('Aides')}\tAides",
    f"T6\tCue {SAID} {SAID + 4}\tsaid",
    f"T7\tContent {off('the vote was close')}\tthe vote was close",
    f"T8\tContent {off('Turnout rose')}\tTurnout rose",
    f"T9\tAttribution {off('according to')}\taccording to",
    f"T10\tAttribution {SAID} {SAID + 4}\tsaid",
    "E2\tAttribution:T10 Cue:T6 Source:T5 Content:T7 Content2:T8",
    "E3\tAttribution-no-source:T9 Content:T8",
    "E4\tAttribution-no-source:T9 ",  # a relation without content is dropped
    "#1\tAnnotatorNotes T1\tsplit quote",
    f"T11\tDiscard {off('county data')}\tcounty data",
])


def spans(*words: str) -> tuple[tuple[int, int], ...]:
    return tuple((TEXT.index(w), TEXT.index(w) + len(w)) for w in words)


def test_parse_ann_relations_discontinuous_spans_and_second_contents():
    got = parse_ann(ANN, text_length=len(TEXT))
    assert got == (
        PolnearAttribution("E1", spans("The plant will stay open,", "at least until spring."),
                           sources=spans("the governor"), cues=spans("said")),
        PolnearAttribution("E2", spans("the vote was close"), sources=spans("Aides"),
                           cues=((SAID, SAID + 4),)),
        PolnearAttribution("E2:Content2", spans("Turnout rose"), sources=spans("Aides"),
                           cues=((SAID, SAID + 4),)),
        PolnearAttribution("E3", spans("Turnout rose")),
    )


def test_parse_ann_errors_name_file_and_line():
    with pytest.raises(EvaluationError, match=r"x\.ann:2: E1 refers to T9"):
        parse_ann("T1\tContent 0 4\tThe \nE1\tAttribution:T9 Content:T1", source="x.ann")
    with pytest.raises(EvaluationError, match=r"x\.ann:1: span 0-400"):
        parse_ann("T1\tContent 0 400\tThe", source="x.ann", text_length=20)


def make_corpus(root: Path) -> Path:
    for split in ("dev", "test"):
        (root / "data" / split / "text").mkdir(parents=True)
        (root / "data" / split / "attributions").mkdir(parents=True)
    dev = root / "data" / "dev"
    (dev / "text" / "wire_2016-05-01_plant.txt").write_bytes(TEXT.encode("utf-8"))
    (dev / "text" / "wire_2016-05-02_unannotated.txt").write_text("Nobody.", encoding="utf-8")
    (dev / "attributions" / "wire_2016-05-01_plant_4e07.ann").write_text(ANN, encoding="utf-8")
    # a second annotator: sorted after 4e07, so ignored
    (dev / "attributions" / "wire_2016-05-01_plant_ef2d.ann").write_text("", encoding="utf-8")
    return root


def test_load_polnear_picks_first_annotator_and_skips_unannotated(tmp_path, caplog):
    root = make_corpus(tmp_path / "polnear")
    for where in (root, root / "data"):
        [article] = load_polnear(where, "dev")
        assert article.id == "wire_2016-05-01_plant"
        assert article.annotation.endswith("_4e07.ann")
        assert article.text == TEXT and len(article.attributions) == 4
    assert "unannotated.txt: no annotation file" in caplog.text
    assert load_polnear(root, "dev", limit=0) == []


def test_test_split_is_refused_and_missing_data_is_an_error(tmp_path):
    root = make_corpus(tmp_path / "polnear")
    with pytest.raises(EvaluationError, match="test split is held out"):
        load_polnear(root, "test")
    with pytest.raises(EvaluationError, match="no PolNeAR data"):
        load_polnear(tmp_path / "empty", "dev")
    with pytest.raises(EvaluationError, match="expected text/ and attributions/"):
        load_polnear(root, "train")


def test_evaluate_polnear_with_an_oracle_engine(tmp_path):
    root = make_corpus(tmp_path / "polnear")

    def oracle(text: str, *, source: str | None = None) -> Article:
        quote = [("The plant will stay open", "the governor"), ("at least until spring.", "governor"),
                 ("the vote was close", "Aides")]
        statements = []
        for words, who in quote:
            s, w = TEXT.index(words), TEXT.index(who)
            statements.append(Statement(
                kind="direct", start=s, end=s + len(words), text=words, rule="oracle", cue=None,
                speaker=Speaker(name=who, mention=who, start=w, end=w + len(who))))
        s = TEXT.index("county data")
        statements.append(Statement(kind="indirect", start=TEXT.index("Turnout rose"),
                                    end=TEXT.index("Turnout rose") + 12, text="Turnout rose",
                                    speaker=None, cue=None, rule="oracle",
                                    source_mention=Span(s, s + 11, "county data")))
        return Article(text=text, source=source, statements=tuple(statements))

    score = evaluate_polnear(root, "dev", extract=oracle)
    assert (score.precision, score.recall) == (1.0, 1.0)
    # "Turnout rose" matches E2:Content2 (listed first), whose source is "Aides": a miss
    assert score.speaker.to_dict() == {"value": 0.75, "hits": 3, "total": 4}


@pytest.mark.skipif(not POLNEAR.is_dir(), reason="../shared/polnear is not beside the repository")
def test_real_polnear_dev_split_reads_whole_and_scores_itself_perfectly():
    articles = load_polnear(POLNEAR, "dev")
    assert len(articles) == 84
    assert sum(len(a.attributions) for a in articles) > 2000
    by_id = {a.path: a for a in articles}

    def oracle(text: str, *, source: str | None = None) -> Article:
        # every gold content as a prediction, its first Source span as the speaker mention
        statements = []
        for a in by_id[source].attributions:
            for s, e in a.content:
                speaker = None
                if a.sources:
                    ms, me = a.sources[0]
                    speaker = Speaker(name=text[ms:me], mention=text[ms:me], start=ms, end=me)
                statements.append(Statement(kind="indirect", start=s, end=e, text=text[s:e],
                                            speaker=speaker, cue=None, rule="oracle"))
        return Article(text=text, source=source, statements=tuple(statements))

    score = evaluate_polnear(POLNEAR, "dev", extract=oracle, limit=30)
    assert len(score.articles) == 30
    assert score.recall == 1.0
    assert score.precision > 0.99  # a fragment of a few words can be outweighed; almost never
    assert score.speaker_overlap > 0.99
