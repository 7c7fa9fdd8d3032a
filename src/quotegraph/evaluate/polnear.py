"""PolNeAR (Newell, Margolin and Ruths, LREC 2018): US political news with attribution relations.

Layout: ``data/<split>/text/<id>.txt`` and ``data/<split>/attributions/<id>_<annotator>.ann`` in
BRAT standoff::

    T3<TAB>Content 115 290<TAB>that Hillary Clinton's team ...
    T9<TAB>Content 315 448;463 553<TAB>...        (a discontinuous span)
    E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1

Only the offsets are used; the copied text after the second tab may run over several lines
and is ignored. Where several annotators marked one text, the first ``.ann`` in sorted order
is used. Only the train and dev splits may be loaded: the test split is held out.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from quotegraph.evaluate.errors import EvaluationError
from quotegraph.evaluate.overlap import Fragments

log = logging.getLogger(__name__)

SPLITS = ("train", "dev")

_T_LINE = re.compile(r"(T\d+)\t([^\t ]+) (\d+ \d+(?:;\d+ \d+)*)\t")
_E_LINE = re.compile(r"(E\d+)\t(.*)")
_ROLE = re.compile(r"([A-Za-z-]+?)(\d*):(T\d+)")


@dataclass(frozen=True)
class PolnearAttribution:
    """One attributed content span with the Source and Cue spans of its relation.

    ``id`` is the relation id (``E3``), suffixed with the role for a relation's second content
    (``E5:Content2``). ``sources`` is empty for PolNeAR's Attribution-no-source relations.
    """

    id: str
    content: Fragments
    sources: Fragments = ()
    cues: Fragments = ()


@dataclass(frozen=True)
class PolnearArticle:
    """One PolNeAR article: its text and one annotator's attributions."""

    id: str
    split: str
    text: str
    path: str
    annotation: str
    attributions: tuple[PolnearAttribution, ...] = ()


def polnear_data_dir(root: str | Path) -> Path:
    """The directory holding the split folders, given PolNeAR's root or its ``data/`` folder."""
    root = Path(root)
    for candidate in (root / "data", root, root / "polnear" / "data"):
        if (candidate / "train").is_dir() or (candidate / "dev").is_dir():
            return candidate
    raise EvaluationError(f"{root}: no PolNeAR data here (expected data/train and data/dev)")


def load_polnear(root: str | Path, split: str, *, limit: int | None = None) -> list[PolnearArticle]:
    """Load the annotated articles of one split (``train`` or ``dev``), sorted by id.

    ``limit`` keeps the first N. Texts without any ``.ann`` file are skipped with a warning.
    Raises EvaluationError for the test split, a missing split, or a malformed annotation.
    """
    return list(iter_polnear(root, split, limit=limit))


def iter_polnear(
    root: str | Path, split: str, *, limit: int | None = None
) -> Iterator[PolnearArticle]:
    """Like ``load_polnear`` but one article at a time; a bad split or root fails at the call."""
    if split not in SPLITS:
        raise EvaluationError(
            f"PolNeAR split {split!r} is not available: use one of {', '.join(SPLITS)}"
            " (the test split is held out and must not be used)"
        )
    base = polnear_data_dir(root) / split
    text_dir, ann_dir = base / "text", base / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise EvaluationError(f"{base}: expected text/ and attributions/ folders")
    return _articles(split, text_dir, ann_dir, limit)


def _articles(
    split: str, text_dir: Path, ann_dir: Path, limit: int | None
) -> Iterator[PolnearArticle]:
    annotations: dict[str, Path] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        annotations.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    count = 0
    for text_path in sorted(text_dir.glob("*.txt")):
        if limit is not None and count >= limit:
            return
        ann = annotations.get(text_path.stem)
        if ann is None:
            log.warning("%s: no annotation file, skipped", text_path)
            continue
        text = _read(text_path)
        attributions = parse_ann(_read(ann), source=str(ann), text_length=len(text))
        count += 1
        yield PolnearArticle(text_path.stem, split, text, str(text_path), str(ann), attributions)


def parse_ann(
    ann: str, *, source: str = "<ann>", text_length: int | None = None
) -> tuple[PolnearAttribution, ...]:
    """Parse BRAT standoff into attributions, one per content span, in file order.

    Lines other than ``T``/``E`` lines (notes, continuation lines of a multi-line span text)
    are ignored; relations without a content are dropped. Raises EvaluationError naming
    ``source`` and the line for a reference to an unknown span or an offset past the text.
    """
    spans: dict[str, Fragments] = {}
    relations: list[tuple[int, str, str]] = []
    for number, line in enumerate(ann.splitlines(), 1):
        if t := _T_LINE.match(line):
            fragments = []
            for part in t.group(3).split(";"):
                start, end = (int(x) for x in part.split())
                if end < start or (text_length is not None and end > text_length):
                    raise EvaluationError(
                        f"{source}:{number}: span {start}-{end} of {t.group(1)} does not fit"
                        f" the text ({text_length} characters)"
                    )
                fragments.append((start, end))
            spans[t.group(1)] = tuple(fragments)
        elif e := _E_LINE.match(line):
            relations.append((number, e.group(1), e.group(2)))

    out: list[PolnearAttribution] = []
    for number, rid, body in relations:
        contents: list[tuple[str, Fragments]] = []
        sources: list[tuple[int, int]] = []
        cues: list[tuple[int, int]] = []
        for role, suffix, ref in _ROLE.findall(body):
            if ref not in spans:
                raise EvaluationError(f"{source}:{number}: {rid} refers to {ref}, not defined")
            if role == "Content":
                contents.append((role + suffix, spans[ref]))
            elif role == "Source":
                sources.extend(spans[ref])
            elif role == "Cue":
                cues.extend(spans[ref])
        for role, content in contents:
            rid_role = rid if role == "Content" else f"{rid}:{role}"
            out.append(PolnearAttribution(rid_role, content, tuple(sources), tuple(cues)))
    return tuple(out)


def _read(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except OSError as e:
        raise EvaluationError(f"{path}: cannot read ({e.strerror})") from e
    except UnicodeDecodeError as e:
        raise EvaluationError(f"{path}: not UTF-8 ({e.reason} at byte {e.start})") from e
