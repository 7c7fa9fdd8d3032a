"""The hand-annotated gold set: ``<id>.txt`` articles with ``<id>.yaml`` statement records.

Each YAML statement gives its span as the exact words (``content``, plus ``occurrence`` when the
words occur more than once); the loader turns that into offsets and fails loudly, naming the
file and the statement, when the words are not in the text, so annotations cannot drift from it.
The format and span rules are in ``tests/gold/README.md``.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from quotegraph.evaluate.errors import EvaluationError
from quotegraph.model import KINDS

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class GoldStatement:
    """One annotated statement; ``start``/``end`` are offsets into the article text.

    ``speaker`` is the canonical name or None for an unnamed source; ``mention`` the words that
    stand for the speaker at this statement ("he", "a diplomatic source").
    """

    kind: str
    start: int
    end: int
    text: str
    speaker: str | None
    mention: str | None = None
    cue: str | None = None


@dataclass(frozen=True)
class GoldArticle:
    """One gold article: its text exactly as decoded from the file, and its statements."""

    id: str
    text: str
    path: str
    published: str | None = None
    outlet: str | None = None
    notes: str | None = None
    statements: tuple[GoldStatement, ...] = ()
    url: str | None = None  # where a real excerpt was found (the real-news set)


def load_gold(directory: str | Path) -> list[GoldArticle]:
    """Load every gold article in ``directory`` (or its ``articles/`` folder), sorted by id.

    A ``.txt`` without its ``.yaml`` is left out with a warning (not annotated yet). Raises
    EvaluationError naming the file (and statement number) for a record without its text,
    malformed YAML, an unknown kind, or a ``content`` not found in the text.
    """
    root = Path(directory)
    if (root / "articles").is_dir():
        root = root / "articles"
    if not root.is_dir():
        raise EvaluationError(f"{root}: no gold-set directory here")
    records = sorted(root.glob("*.yaml"))
    texts = {p.stem for p in root.glob("*.txt")}
    for orphan in sorted(texts - {p.stem for p in records}):
        # A text still waiting for its annotation is left out, not scored as all misses.
        log.warning("%s: %s.txt has no %s.yaml record yet, left out", root, orphan, orphan)
    return [load_gold_article(p) for p in records]


def load_gold_article(record: str | Path) -> GoldArticle:
    """Load one gold article from its ``<id>.yaml`` record and the ``<id>.txt`` beside it."""
    record = Path(record)
    text_path = record.with_suffix(".txt")
    try:
        # utf-8-sig drops a BOM as the readers do; bytes are decoded without newline translation
        # so offsets match what a user's file gives the engine.
        text = text_path.read_bytes().decode("utf-8-sig")
    except OSError as e:
        raise EvaluationError(f"{text_path}: cannot read the article text ({e.strerror})") from e
    except UnicodeDecodeError as e:
        raise EvaluationError(f"{text_path}: not UTF-8 ({e.reason} at byte {e.start})") from e
    try:
        data = yaml.safe_load(record.read_text(encoding="utf-8"))
    except OSError as e:
        raise EvaluationError(f"{record}: cannot read ({e.strerror})") from e
    except yaml.YAMLError as e:
        raise EvaluationError(f"{record}: not valid YAML ({e})") from e
    if not isinstance(data, dict):
        raise EvaluationError(f"{record}: expected a mapping with id, outlet, published, statements")
    if data.get("id", record.stem) != record.stem:
        raise EvaluationError(f"{record}: id {data['id']!r} differs from the file name")
    items = data.get("statements")
    if items is None:
        items = []
    if not isinstance(items, list):
        raise EvaluationError(f"{record}: 'statements' must be a list")
    statements = [_statement(record, n, item, text) for n, item in enumerate(items, 1)]
    statements.sort(key=lambda s: (s.start, s.end))
    return GoldArticle(
        id=record.stem,
        text=text,
        path=str(text_path),
        published=_date(record, data.get("published")),
        outlet=_optional_str(data.get("outlet")),
        notes=_optional_str(data.get("notes")),
        statements=tuple(statements),
        url=_optional_str(data.get("url")),
    )


def _statement(record: Path, n: int, item: Any, text: str) -> GoldStatement:
    where = f"{record}: statement {n}"
    if not isinstance(item, dict):
        raise EvaluationError(f"{where}: expected a mapping with kind, content, speaker, mention")
    kind = item.get("kind")
    if kind not in KINDS:
        raise EvaluationError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
    content = item.get("content")
    if not isinstance(content, str) or not content:
        raise EvaluationError(f"{where}: 'content' must be a non-empty string")
    occurrence = item.get("occurrence", 1)
    if not isinstance(occurrence, int) or isinstance(occurrence, bool) or occurrence < 1:
        raise EvaluationError(f"{where}: 'occurrence' must be a whole number from 1")
    if "speaker" not in item:
        raise EvaluationError(f"{where}: 'speaker' is missing (write null for an unnamed source)")
    start = _nth(text, content, occurrence)
    if start < 0:
        count = text.count(content)
        raise EvaluationError(
            f"{where} ({kind}): content {_clip(content)!r} not found in {record.stem}.txt"
            + (f" (occurrence {occurrence} asked, {count} there)" if count else "")
        )
    return GoldStatement(
        kind=kind,
        start=start,
        end=start + len(content),
        text=content,
        speaker=_optional_str(item.get("speaker")),
        mention=_optional_str(item.get("mention")),
        cue=_optional_str(item.get("cue")),
    )


def _nth(text: str, needle: str, n: int) -> int:
    at = -1
    for _ in range(n):
        at = text.find(needle, at + 1)
        if at < 0:
            return -1
    return at


def _date(record: Path, value: Any) -> str | None:
    # YAML reads an unquoted 2023-04-12 as a date; quoted it stays a string.
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError as e:
        raise EvaluationError(f"{record}: published {value!r} is not an ISO date") from e


def _optional_str(value: Any) -> str | None:
    return None if value is None else str(value)


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
