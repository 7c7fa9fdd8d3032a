"""Loading the gold set: offsets from annotated words, and loud errors when they drift."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotegraph.evaluate import EvaluationError, load_gold, load_gold_article
from quotegraph.model import KINDS

REPO_GOLD = Path(__file__).resolve().parent / "gold"

TEXT = (
    "Minister: 'We are ready'\n"
    "ASTANA, May 2 (Kazinform) - Foreign Minister Anna Kim said on Tuesday that talks would go on.\n"
    '"We are ready," she said. "We are ready for May."\n'
)

RECORD = """\
id: a1
outlet: Kazinform
published: 2023-05-02
notes: test article
statements:
  - kind: direct
    content: "We are ready"
    speaker: Anna Kim
    mention: Minister
  - kind: indirect
    content: talks would go on
    speaker: Anna Kim
    mention: Foreign Minister Anna Kim
    cue: said
  - kind: direct
    content: "We are ready"
    occurrence: 2
    speaker: Anna Kim
    mention: she
  - kind: direct
    content: "We are ready for May."
    speaker: null
    mention: she
"""


def write(directory: Path, stem: str, text: str | bytes, record: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    (directory / f"{stem}.txt").write_bytes(data)
    (directory / f"{stem}.yaml").write_text(record, encoding="utf-8")
    return directory / f"{stem}.yaml"


def test_offsets_occurrences_and_fields(tmp_path):
    write(tmp_path / "articles", "a1", TEXT, RECORD)
    [article] = load_gold(tmp_path)  # the gold root or its articles/ folder
    assert article.id == "a1" and article.outlet == "Kazinform"
    assert article.published == "2023-05-02"  # YAML's date turned back into ISO
    assert article.text == TEXT
    for s in article.statements:
        assert TEXT[s.start:s.end] == s.text
    starts = [s.start for s in article.statements]
    assert starts == sorted(starts)
    first, talks, second, third = article.statements
    assert first.start == TEXT.index("We are ready")
    assert second.start == TEXT.index("We are ready", first.start + 1)
    assert talks.kind == "indirect" and talks.cue == "said" and talks.speaker == "Anna Kim"
    assert third.speaker is None and third.mention == "she"


def test_bom_dropped_and_line_endings_kept(tmp_path):
    crlf = TEXT.replace("\n", "\r\n")
    write(tmp_path, "a1", b"\xef\xbb\xbf" + crlf.encode("utf-8"), RECORD)
    [article] = load_gold(tmp_path)
    assert article.text == crlf
    assert all(crlf[s.start:s.end] == s.text for s in article.statements)


def bad(tmp_path: Path, record: str, text: str = TEXT) -> str:
    path = write(tmp_path, "a1", text, record)
    with pytest.raises(EvaluationError) as e:
        load_gold_article(path)
    return str(e.value)


def test_missing_content_names_file_and_statement(tmp_path):
    message = bad(tmp_path, RECORD.replace("talks would go on", "talks would resume"))
    assert "a1.yaml: statement 2" in message and "talks would resume" in message


def test_occurrence_past_the_last_one_is_an_error(tmp_path):
    message = bad(tmp_path, RECORD.replace("occurrence: 2", "occurrence: 4"))
    assert "statement 3" in message and "occurrence 4 asked, 3 there" in message


@pytest.mark.parametrize(
    "change, words",
    [
        (("kind: indirect", "kind: reported"), "kind 'reported'"),
        (("id: a1", "id: a2"), "differs from the file name"),
        (("published: 2023-05-02", "published: May 2"), "not an ISO date"),
        (("    speaker: null\n", ""), "'speaker' is missing"),
        (('    content: "We are ready for May."\n', '    content: ""\n'), "non-empty string"),
        (("occurrence: 2", "occurrence: 0"), "'occurrence'"),
        (("statements:", "statements: {}\nx:"), "must be a list"),
        (("notes: test article", "notes: [unclosed"), "not valid YAML"),
    ],
)
def test_malformed_records(tmp_path, change, words):
    assert words in bad(tmp_path, RECORD.replace(*change))


def test_text_that_is_not_utf8(tmp_path):
    path = write(tmp_path, "a1", b"caf\xe9", RECORD)
    with pytest.raises(EvaluationError, match="not UTF-8"):
        load_gold_article(path)


def test_record_without_text_and_text_without_record(tmp_path, caplog):
    (tmp_path / "lonely.yaml").write_text("id: lonely\nstatements: []\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match="lonely.txt"):
        load_gold(tmp_path)
    (tmp_path / "lonely.yaml").unlink()
    write(tmp_path, "a1", TEXT, RECORD)
    (tmp_path / "draft.txt").write_text("An article not annotated yet.", encoding="utf-8")
    assert [a.id for a in load_gold(tmp_path)] == ["a1"]
    assert "draft.txt has no draft.yaml" in caplog.text


def test_article_without_statements(tmp_path):
    write(tmp_path, "a1", TEXT, "id: a1\noutlet: TASS\n")
    [article] = load_gold(tmp_path)
    assert article.statements == () and article.published is None


def test_missing_directory(tmp_path):
    with pytest.raises(EvaluationError, match="no gold-set directory"):
        load_gold(tmp_path / "nowhere")


# Every annotated set in the repository: the invented articles and both real-news sets.
REPO_SETS = ("articles", "real", "real_holdout")


@pytest.mark.skipif(not REPO_GOLD.is_dir(), reason="the gold set is not in this checkout")
@pytest.mark.parametrize("folder", REPO_SETS)
def test_the_repository_gold_sets_load(folder):
    directory = REPO_GOLD / folder
    articles = load_gold(directory)
    assert articles, f"tests/gold/{folder} holds no annotated article"
    # every text is annotated: no .txt left out of the scores for want of its .yaml
    assert {a.id for a in articles} == {p.stem for p in directory.glob("*.txt")}
    for a in articles:
        assert a.text.endswith("\n"), a.id
        for s in a.statements:
            assert a.text[s.start:s.end] == s.text
            assert s.kind in KINDS
            assert s.kind == "direct" or not s.text.lower().startswith("that "), (a.id, s.text)
        if folder != "articles":
            assert (a.url or "").startswith("http"), f"{a.id}: a real excerpt names its page"


@pytest.mark.skipif(not REPO_GOLD.is_dir(), reason="the gold set is not in this checkout")
def test_the_held_out_set_shares_no_page_with_the_tuned_real_set():
    tuned = {a.url for a in load_gold(REPO_GOLD / "real")}
    held = {a.url for a in load_gold(REPO_GOLD / "real_holdout")}
    assert held and not held & tuned
