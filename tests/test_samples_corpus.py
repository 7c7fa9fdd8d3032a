"""The bundled sample corpus and gold-set part B (g1xx): shape, size, and originality.

The samples are what `quotegraph demo` loads on a fresh install, so they must read as real
wire copy (rich in attributed statements), keep the JSONL fields the reader maps, and never
reuse sentences of the seed articles in ../shared/seeds.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from quotegraph.evaluate import load_gold
from quotegraph.model import Document
from quotegraph.read.sources import iter_documents

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "src" / "quotegraph" / "samples"
GOLD = REPO / "tests" / "gold" / "articles"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

REPORTING = re.compile(
    r"\b(?:said|says|told|stressed|noted|added|pointed out|announced|according to|urged"
    r"|called on|stated|emphasi[sz]ed|warned|explained)\b",
    re.IGNORECASE,
)
OPENING_MARKS = re.compile(r"[\"“«]")


def _words(text: str) -> int:
    return len(text.split())


def _sample_texts() -> dict[str, str]:
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))}
    with (SAMPLES / "digest.jsonl").open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            texts[f"digest.jsonl:{n}"] = json.loads(line)["text"]
    return texts


def _gold_b() -> list:
    return [a for a in load_gold(GOLD) if a.id.startswith("g1")]


def test_eight_full_articles_rich_in_statements():
    files = sorted(SAMPLES.glob("*.txt"))
    assert len(files) == 8
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert 150 <= _words(text) <= 450, path.name
        assert len(REPORTING.findall(text)) >= 6, f"{path.name}: too few reporting cues"
        assert len(OPENING_MARKS.findall(text)) >= 2, f"{path.name}: no direct quotes"


def test_digest_rows_have_the_reader_fields():
    rows = [json.loads(line) for line in (SAMPLES / "digest.jsonl").read_text("utf-8").splitlines()]
    assert len(rows) == 4
    for row in rows:
        assert set(row) == {"text", "title", "date", "url", "outlet"}
        date.fromisoformat(row["date"])
        assert row["url"].startswith("https://example.org/")
        assert 60 <= _words(row["text"]) <= 250
        assert len(REPORTING.findall(row["text"])) >= 3


def test_digest_reads_as_dated_documents():
    docs = list(iter_documents([str(SAMPLES / "digest.jsonl")]))
    assert all(isinstance(d, Document) for d in docs)
    assert [d.published for d in docs] == ["2023-09-21", "2025-06-12", "2025-03-13", "2024-12-04"]
    assert all(d.title and d.outlet and d.url for d in docs)


def test_gold_part_b_size_and_kinds():
    articles = _gold_b()
    assert len(articles) >= 17
    kinds = [s.kind for a in articles for s in a.statements]
    assert len(kinds) >= 130
    assert {"direct", "indirect", "mixed"} <= set(kinds)
    for a in articles:
        assert 150 <= _words(a.text) <= 450, a.id
        assert a.published and a.outlet, a.id
        # the cue and the speaker mention are words of this text, as the format promises
        for s in a.statements:
            for words in (s.cue, s.mention):
                assert words is None or words in a.text, (a.id, words)


def test_gold_part_b_unnamed_sources_have_no_speaker():
    unnamed = [s for a in _gold_b() for s in a.statements if s.speaker is None]
    assert len(unnamed) >= 10
    assert all(s.mention for s in unnamed)  # "a diplomatic source", "officials" ...


def _shingles(text: str, n: int = 7) -> set[tuple[str, ...]]:
    w = re.findall(r"\w+", text.lower())
    return {tuple(w[i:i + n]) for i in range(len(w) - n + 1)}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside the repository")
def test_no_seed_sentences_reused():
    seed = set().union(*(_shingles(p.read_text("utf-8")) for p in SEEDS.glob("*.txt")))
    assert seed, "the seed articles are empty"
    texts = _sample_texts() | {a.id: a.text for a in _gold_b()}
    for name, text in texts.items():
        shared = _shingles(text) & seed
        assert not shared, f"{name} repeats seed wording: {' '.join(next(iter(shared)))!r}"
