"""Metadata of the five real seed articles in ../shared/seeds (skipped when absent).

Nothing from the seeds is copied here: expected titles are computed from the file's own
lines, and only the furniture (datelines, dates, outlets) is spelled out.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quotegraph.read import iter_documents
from quotegraph.segment.metadata import read_metadata

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not present")


def seed(prefix: str):
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    (doc,) = iter_documents([str(path)])
    lines = [line.strip() for line in doc.text.splitlines() if line.strip()]
    return doc.text, lines, read_metadata(doc.text)


def test_000_date_token_then_dateline():
    text, _, m = seed("000")
    assert m.title is None and m.headlines == ()
    assert m.dateline.text == "MOSCOW, August 19. /TASS/."
    assert (m.published, m.published_source) == ("2023-08-19", "dateline+date-line")
    # the date token is a day behind the dateline: the record keeps the disagreement
    assert m.date_conflict == "date-line 2023-08-18 disagrees with dateline 2023-08-19"
    assert m.outlet == "TASS"
    assert m.body_start == m.dateline.end + 1
    assert [text[a:b] for a, b in m.skip] == ["date 2023-08-18"]


def test_001_date_token_then_body_without_dateline():
    text, _, m = seed("001")
    assert m.title is None and m.dateline is None
    assert (m.published, m.published_source) == ("2023-05-17", "date-line")
    assert m.body_start == text.index("date 2023-05-17") + len("date 2023-05-17 ")


@pytest.mark.parametrize(("prefix", "furniture", "dateline", "published", "how"), [
    # "on Saturday" in the lede and the years the text names (2021, 2022): only 2022 puts
    # December 10 on a Saturday
    ("002", ["All news", "Updated at:"], "MOSCOW, December 10. /TASS/.", "2022-12-10",
     "dateline+weekday+text-years"),
    # "Wednesday" in the lede, but the text names no year: not guessed
    ("003", ["All news"], "MOSCOW, May 17. /TASS/.", None, None),
])  # fmt: skip
def test_scraped_tass_pages(prefix, furniture, dateline, published, how):
    text, lines, m = seed(prefix)
    assert [text[a:b] for a, b in m.skip] == furniture
    content = [line for line in lines if line not in furniture]
    assert m.title == content[0]
    assert [text[a:b] for a, b in m.headlines] == content[:2]
    assert m.dateline.text == dateline
    assert m.dateline_place == "MOSCOW" and m.outlet == "TASS"
    assert (m.published, m.published_source, m.date_conflict) == (published, how, None)
    assert m.body_start == m.dateline.end + 1


def test_004_belta_headline_and_source_footer():
    text, lines, m = seed("004")
    assert m.title == lines[0]
    assert m.dateline is None
    assert m.outlet == "BelTA"
    assert [text[a:b] for a, b in m.skip] == ["Source : Belta"]
    assert m.body_start == text.index(lines[1])
