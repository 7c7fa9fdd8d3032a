"""Pure conversion of an extracted ``Article`` into the rows the store writes.

Nothing here touches a database, so ids, "about" sets and denormalised columns can be tested
on their own and are computed the same way for every backend.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from quotegraph.model import Article, Statement

ARTICLE_COLUMNS = (
    "id", "source", "title", "outlet", "published", "url", "text", "body_start",
    "dateline_start", "dateline_end", "extractor_version", "ingested_at",
    "published_how", "date_conflict",  # migration 0002
    "author", "canonical_url", "language",  # migration 0004
)
STATEMENT_COLUMNS = (
    "id", "article_id", "kind", "start", "end", "text",
    "speaker_id", "speaker_name", "speaker_role", "speaker_mention", "speaker_start",
    "speaker_end", "speaker_how", "cue", "cue_start", "cue_end", "rule", "said_on",
    "source_mention", "source_start", "source_end", "published", "outlet", "outlet_key",
    "repeats",
)
MENTION_COLUMNS = ("article_id", "start", "end", "text", "actor_id")
ABOUT_COLUMNS = ("statement_pk", "actor_id")

# A statement's integer key is its article's publication day shifted left by DAY_SHIFT bits,
# plus a sequence number within the day. "Newest first" is then plain descending key order:
# FTS5 walks its index by rowid without sorting, date ranges are key ranges, and every index
# (which ends in the key) already lists its rows newest first. Day 0 holds undated articles.
DAY_SHIFT = 40
DAY_SPAN = 1 << DAY_SHIFT
EPOCH = date(1899, 12, 31)  # day 1 is 1900-01-01
MAX_DAY = (1 << 22) - 1


def day_number(published: str | date | None) -> int:
    """The day part of statement keys: days since 1899-12-31, 0 when undated or malformed."""
    if published is None:
        return 0
    try:
        d = published if isinstance(published, date) else date.fromisoformat(published[:10])
    except (TypeError, ValueError):
        return 0
    return min(max((d - EPOCH).days, 0), MAX_DAY)


def day_date(day: int) -> str | None:
    """Inverse of :func:`day_number` as an ISO date (``None`` for day 0)."""
    return (EPOCH + timedelta(days=int(day))).isoformat() if day > 0 else None


def fold(name: str) -> str:
    """The key names are matched by, the same on every backend (SQL ``lower()`` is not)."""
    return " ".join(name.split()).casefold()


def article_id(text: str) -> str:
    """The stable id of an article: the first 16 hex digits of the SHA-256 of its text.

    Only the text counts, so the same wire story read from a file, a JSONL corpus or the REST
    API is one article, and a rerun can skip it before extracting anything.
    """
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def slugify(name: str) -> str:
    """``"Sergey Lavrov"`` -> ``"sergey-lavrov"``: the speaker id when the record carries none."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    if slug:
        return slug
    # Names in scripts that fold to nothing in ASCII (Cyrillic, Chinese) still need an id.
    return "name-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:10]


def statement_id(art_id: str, st: Statement) -> str:
    return f"{art_id}:{st.start}-{st.end}"


def speaker_id(st: Statement) -> str | None:
    if st.speaker is None:
        return None
    return st.speaker.id or slugify(st.speaker.name)


@dataclass(frozen=True)
class ArticleRows:
    """Everything one article contributes to the store, as plain column tuples."""

    article: tuple[Any, ...]
    statements: tuple[tuple[Any, ...], ...]
    mentions: tuple[tuple[Any, ...], ...]
    # (index into ``statements``, actor id): keys are assigned only when writing.
    about: tuple[tuple[int, str], ...]
    # id -> (name, role, published) for each statement; aggregated by the writer.
    speakers: tuple[tuple[str, str, str | None, str | None], ...]
    # id -> (name, type) for each mention.
    actors: tuple[tuple[str, str, str], ...]
    # Rows of the relate stage (store/relate_schema.py), keyed by statement span.
    claims: tuple[tuple[Any, ...], ...] = ()
    relations: tuple[tuple[Any, ...], ...] = ()
    groups: tuple[tuple[Any, ...], ...] = ()
    occasions: tuple[tuple[Any, ...], ...] = ()

    @property
    def id(self) -> str:
        return self.article[0]

    @property
    def day(self) -> int:
        return day_number(self.article[4])


def article_rows(article: Article, *, extractor_version: str, ingested_at: str,
                 art_id: str | None = None) -> ArticleRows:
    """Split ``article`` into rows; ``art_id`` saves rehashing when the caller already has it.

    A statement is "about" every mentioned actor whose mention lies inside the statement span,
    except the speaker themself. Duplicate statements (same span) keep the first. A statement
    that repeats another (``Statement.repeats``) gets that statement's id in ``repeats``.
    """
    aid = art_id or article_id(article.text)
    published = article.published
    dl = article.dateline
    art = (
        aid, article.source, article.title, article.outlet, published, article.url,
        article.text, article.body_start, dl.start if dl else None, dl.end if dl else None,
        extractor_version, ingested_at, article.published_how, article.date_conflict,
        article.author, article.canonical_url, article.language,
    )
    mentions = []
    seen_m: set[tuple[int, int, str]] = set()
    actors: dict[str, tuple[str, str, str]] = {}
    ordered = sorted(article.mentions, key=lambda m: (m.start, m.end, m.id))
    starts = [m.start for m in ordered]
    for m in ordered:
        key = (m.start, m.end, m.id)
        if key in seen_m:
            continue
        seen_m.add(key)
        mentions.append((aid, m.start, m.end, m.text, m.id))
        actors.setdefault(m.id, (m.id, m.name, m.type))
    statements = []
    about = []
    speakers = []
    claims: list[tuple[Any, ...]] = []
    relations: list[tuple[Any, ...]] = []
    groups: list[tuple[Any, ...]] = []
    occasions: list[tuple[Any, ...]] = []
    seen_s: set[str] = set()
    for st in sorted(article.statements, key=lambda s: (s.start, s.end)):
        sid = statement_id(aid, st)
        if sid in seen_s:
            continue
        seen_s.add(sid)
        sp = st.speaker
        spk_id = speaker_id(st)
        statements.append((
            sid, aid, st.kind, st.start, st.end, st.text,
            spk_id, sp.name if sp else None, sp.role if sp else None,
            sp.mention if sp else None, sp.start if sp else None, sp.end if sp else None,
            json.dumps(list(sp.how), ensure_ascii=False) if sp and sp.how else None,
            st.cue.text if st.cue else None, st.cue.start if st.cue else None,
            st.cue.end if st.cue else None, st.rule, st.said_on,
            st.source_mention.text if st.source_mention else None,
            st.source_mention.start if st.source_mention else None,
            st.source_mention.end if st.source_mention else None,
            published, article.outlet, fold(article.outlet) if article.outlet else None,
            f"{aid}:{st.repeats[0]}-{st.repeats[1]}" if st.repeats else None,
        ))
        claims.extend(claim_rows(aid, st))
        relations.extend(relation_rows(aid, st))
        groups.extend(group_rows(aid, st))
        occasions.extend(occasion_rows(aid, st))
        if sp is not None and spk_id is not None:
            speakers.append((spk_id, sp.name, sp.role, published))
        speaker_name = sp.name.casefold() if sp else None
        about_ids: list[str] = []
        for i in range(bisect_left(starts, st.start), len(ordered)):
            m = ordered[i]
            if m.start >= st.end:
                break
            if m.end > st.end:
                continue
            if m.id == spk_id or (speaker_name is not None and m.name.casefold() == speaker_name):
                continue
            if m.id not in about_ids:
                about_ids.append(m.id)
        about.extend((len(statements) - 1, a) for a in about_ids)
    return ArticleRows(
        article=art,
        statements=tuple(statements),
        mentions=tuple(mentions),
        about=tuple(about),
        speakers=tuple(speakers),
        actors=tuple(actors.values()),
        claims=tuple(claims),
        relations=tuple(relations),
        groups=tuple(groups),
        occasions=tuple(occasions),
    )


def claim_rows(aid: str, st: Statement) -> list[tuple[Any, ...]]:
    """The ``claims`` rows of one statement, in the order of ``CLAIM_COLUMNS``."""
    out = []
    for seq, c in enumerate(st.claims):
        m, p = c.measure, c.period
        out.append((
            aid, st.start, st.end, seq, c.start, c.end, c.text, c.value, c.value_max, c.unit,
            c.currency, c.approx, c.change, m.text if m else None, m.start if m else None,
            m.end if m else None, p.text if p else None, p.start if p else None,
            p.end if p else None,
        ))
    return out


def relation_rows(aid: str, st: Statement) -> list[tuple[Any, ...]]:
    """The ``relations`` rows of one statement, in the order of ``RELATION_COLUMNS``."""
    out = []
    for seq, r in enumerate(st.relations):
        t, g, a = r.trigger, r.target, r.affected
        out.append((
            aid, st.start, st.end, seq, r.type, r.plover, t.text, t.start, t.end, g.text,
            g.start, g.end, r.target_id, int(r.collective), a.text if a else None,
            a.start if a else None, a.end if a else None,
        ))
    return out


def group_rows(aid: str, st: Statement) -> list[tuple[Any, ...]]:
    """The ``actor_groups`` rows of one statement, in the order of ``GROUP_COLUMNS``."""
    return [(aid, st.start, st.end, seq, g.start, g.end, g.text,
             json.dumps(list(g.ids), ensure_ascii=False),
             json.dumps([m.to_dict() for m in g.members], ensure_ascii=False))
            for seq, g in enumerate(st.groups)]


def occasion_rows(aid: str, st: Statement) -> list[tuple[Any, ...]]:
    """The ``occasions`` row of one statement (none when it has no occasion)."""
    o = st.occasion
    if o is None:
        return []
    v = o.venue
    return [(aid, st.start, st.end, o.start, o.end, o.text, o.kind, v.text if v else None,
             v.start if v else None, v.end if v else None)]
