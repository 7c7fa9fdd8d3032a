"""Per-speaker, per-actor and speaker->actor counts, kept up to date by every write.

Listing speakers, the unfiltered facets, speaker and actor profiles and the network would
otherwise group hundreds of thousands of statements per page view. Each batch turns the rows it
removes and adds into signed deltas and applies them in the same transaction, so the counts are
exact at every commit. A statement that repeats another of its article (``repeats``) is
counted once, as the statement it repeats: it adds nothing here. Dates and the latest role are
read back from the speaker index (a few index probes per speaker), never recomputed by scanning.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from quotegraph.store.base_sql import Executor, chunks, placeholders
from quotegraph.store.rows import DAY_SHIFT, DAY_SPAN, STATEMENT_COLUMNS, ArticleRows, day_date

# Positions in the keyed statement rows: (pk, *rows.STATEMENT_COLUMNS).
KEY = 0
KIND, SPEAKER_ID, SPEAKER_ROLE, OUTLET_KEY, REPEATS = (
    1 + STATEMENT_COLUMNS.index(c)
    for c in ("kind", "speaker_id", "speaker_role", "outlet_key", "repeats"))


@dataclass
class Delta:
    speakers: Counter[str] = field(default_factory=Counter)
    mentions: Counter[str] = field(default_factory=Counter)
    about: Counter[str] = field(default_factory=Counter)
    pairs: Counter[tuple[str, str]] = field(default_factory=Counter)
    facets: Counter[tuple[str, str]] = field(default_factory=Counter)
    # (speaker or actor id, day = statement key >> DAY_SHIFT; 0 is undated)
    speaker_days: Counter[tuple[str, int]] = field(default_factory=Counter)
    actor_days: Counter[tuple[str, int]] = field(default_factory=Counter)
    # statements about an actor by kind, outlet and the actors they are about (itself too):
    # (actor id, facet, value); and their speaker -> actor edges: (actor id, speaker, target)
    about_facets: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    about_edges: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    # speaker -> actor edges per day: (day, speaker id, actor id)
    pair_days: Counter[tuple[int, str, str]] = field(default_factory=Counter)
    speaker_names: dict[str, str] = field(default_factory=dict)
    actor_info: dict[str, tuple[str, str]] = field(default_factory=dict)
    # speaker -> (key, role) of their newest added statement that names a role
    roles: dict[str, tuple[int, str]] = field(default_factory=dict)
    # speakers who lost statements: their role is looked up again
    shrunk: set[str] = field(default_factory=set)


def _facets(d: Delta, kind: str, outlet: str | None, n: int) -> None:
    d.facets[("all", "")] += n
    d.facets[("kind", kind)] += n
    if outlet is not None:
        d.facets[("outlet", outlet)] += n


def removed(cur: Executor, article_ids: Sequence[str]) -> Delta:
    """Negative counts for everything stored under ``article_ids`` (read before deleting)."""
    d = Delta()
    for part in chunks(list(article_ids)):
        ph = placeholders(len(part))
        for sid, n in cur.fetchall(
            f"SELECT speaker_id, count(*) FROM statements WHERE article_id IN ({ph}) "
            "AND speaker_id IS NOT NULL AND repeats IS NULL GROUP BY speaker_id", part):
            d.speakers[sid] -= n
            d.shrunk.add(sid)
        for sid, day, n in cur.fetchall(
            f"SELECT speaker_id, pk >> {DAY_SHIFT}, count(*) FROM statements "
            f"WHERE article_id IN ({ph}) AND speaker_id IS NOT NULL AND repeats IS NULL "
            "GROUP BY 1, 2", part):
            d.speaker_days[(sid, day)] -= n
        for aid, day, n in cur.fetchall(
            f"SELECT sa.actor_id, sa.statement_pk >> {DAY_SHIFT}, count(*) FROM statement_about sa "
            "JOIN statements s ON s.pk = sa.statement_pk "
            f"WHERE s.article_id IN ({ph}) AND s.repeats IS NULL GROUP BY 1, 2", part):
            d.actor_days[(aid, day)] -= n
        for aid, kind, outlet, n in cur.fetchall(
            "SELECT sa.actor_id, s.kind, s.outlet_key, count(*) FROM statement_about sa "
            "JOIN statements s ON s.pk = sa.statement_pk "
            f"WHERE s.article_id IN ({ph}) AND s.repeats IS NULL GROUP BY 1, 2, 3", part):
            d.about_facets[(aid, "kind", kind)] -= n
            if outlet is not None:
                d.about_facets[(aid, "outlet", outlet)] -= n
        for aid, sid, other, n in cur.fetchall(
            "SELECT sa.actor_id, s.speaker_id, sb.actor_id, count(*) FROM statement_about sa "
            "JOIN statements s ON s.pk = sa.statement_pk "
            "JOIN statement_about sb ON sb.statement_pk = s.pk "
            f"WHERE s.article_id IN ({ph}) AND s.repeats IS NULL GROUP BY 1, 2, 3", part):
            d.about_facets[(aid, "about", other)] -= n
            if sid is not None:
                d.about_edges[(aid, sid, other)] -= n
        for kind, outlet, n in cur.fetchall(
            f"SELECT kind, outlet_key, count(*) FROM statements WHERE article_id IN ({ph}) "
            "AND repeats IS NULL GROUP BY kind, outlet_key", part):
            _facets(d, kind, outlet, -n)
        for aid, n in cur.fetchall(
            f"SELECT actor_id, count(*) FROM mentions WHERE article_id IN ({ph}) "
            "GROUP BY actor_id", part):
            d.mentions[aid] -= n
        for aid, sid, n in cur.fetchall(
            "SELECT sa.actor_id, s.speaker_id, count(*) FROM statement_about sa "
            "JOIN statements s ON s.pk = sa.statement_pk "
            f"WHERE s.article_id IN ({ph}) AND s.repeats IS NULL "
            "GROUP BY sa.actor_id, s.speaker_id", part):
            d.about[aid] -= n
            if sid is not None:
                d.pairs[(sid, aid)] -= n
        for day, sid, aid, n in cur.fetchall(
            f"SELECT sa.statement_pk >> {DAY_SHIFT}, s.speaker_id, sa.actor_id, count(*) "
            "FROM statement_about sa JOIN statements s ON s.pk = sa.statement_pk "
            f"WHERE s.article_id IN ({ph}) AND s.repeats IS NULL "
            "AND s.speaker_id IS NOT NULL GROUP BY 1, 2, 3", part):
            d.pair_days[(day, sid, aid)] -= n
    return d


def added(d: Delta, written: Sequence[ArticleRows], statements: Sequence[tuple[Any, ...]],
          about: Sequence[tuple[int, str]]) -> Delta:
    """Add the counts of ``written`` articles, given their keyed statement rows and their
    (statement key, actor id) links."""
    for r in written:
        for sid, name, _role, _pub in r.speakers:
            d.speaker_names.setdefault(sid, name)
        for aid, name, typ in r.actors:
            d.actor_info[aid] = (name, typ)
        for m in r.mentions:
            d.mentions[m[4]] += 1
    speaker_of: dict[int, str] = {}
    repeats: set[int] = set()
    kept: dict[int, tuple[Any, ...]] = {}
    for row in statements:
        if row[REPEATS] is not None:
            repeats.add(row[KEY])
            continue
        kept[row[KEY]] = row
        _facets(d, row[KIND], row[OUTLET_KEY], 1)
        sid = row[SPEAKER_ID]
        if sid is None:
            continue
        speaker_of[row[KEY]] = sid
        d.speakers[sid] += 1
        d.speaker_days[(sid, row[KEY] >> DAY_SHIFT)] += 1
        role = row[SPEAKER_ROLE]
        if role and row[KEY] > d.roles.get(sid, (-1, ""))[0]:
            d.roles[sid] = (row[KEY], role)
    actors_of: dict[int, list[str]] = {}
    for key, aid in about:
        if key in repeats:
            continue
        actors_of.setdefault(key, []).append(aid)
        d.about[aid] += 1
        d.actor_days[(aid, key >> DAY_SHIFT)] += 1
        if key in speaker_of:
            d.pairs[(speaker_of[key], aid)] += 1
            d.pair_days[(key >> DAY_SHIFT, speaker_of[key], aid)] += 1
    for key, aids in actors_of.items():
        row, sid = kept.get(key), speaker_of.get(key)
        for aid in aids:
            if row is not None:
                d.about_facets[(aid, "kind", row[KIND])] += 1
                if row[OUTLET_KEY] is not None:
                    d.about_facets[(aid, "outlet", row[OUTLET_KEY])] += 1
            for other in aids:
                d.about_facets[(aid, "about", other)] += 1
                if sid is not None:
                    d.about_edges[(aid, sid, other)] += 1
    return d


def apply(cur: Executor, d: Delta) -> None:
    """Apply ``d`` after the statements themselves were written (pairs first: they refer to
    the speaker and actor rows that may be deleted when their counts reach zero)."""
    pairs = [(s, a, n) for (s, a), n in sorted(d.pairs.items()) if n]
    if pairs:
        cur.executemany(
            "INSERT INTO speaker_about (speaker_id, actor_id, statements) VALUES (?, ?, ?) "
            "ON CONFLICT (speaker_id, actor_id) DO UPDATE "
            "SET statements = speaker_about.statements + excluded.statements", pairs)
        cur.executemany("DELETE FROM speaker_about WHERE speaker_id = ? AND actor_id = ? "
                        "AND statements <= 0", [(s, a) for s, a, _ in pairs])
    facets = [(f, v, n) for (f, v), n in sorted(d.facets.items()) if n]
    if facets:
        cur.executemany(
            "INSERT INTO facet_counts (facet, value, statements) VALUES (?, ?, ?) "
            "ON CONFLICT (facet, value) DO UPDATE "
            "SET statements = facet_counts.statements + excluded.statements", facets)
        cur.executemany("DELETE FROM facet_counts WHERE facet = ? AND value = ? "
                        "AND statements <= 0", [(f, v) for f, v, _ in facets])
    for table, col, counts in (("speaker_days", "speaker_id", d.speaker_days),
                               ("actor_days", "actor_id", d.actor_days)):
        rows = [(k, day, n) for (k, day), n in sorted(counts.items()) if n]
        if rows:
            cur.executemany(
                f"INSERT INTO {table} ({col}, day, statements) VALUES (?, ?, ?) "
                f"ON CONFLICT ({col}, day) DO UPDATE "
                f"SET statements = {table}.statements + excluded.statements", rows)
            cur.executemany(f"DELETE FROM {table} WHERE {col} = ? AND day = ? "
                            "AND statements <= 0", [(k, day) for k, day, _ in rows])
    for table, cols, counts in (("about_facets", ("actor_id", "facet", "value"), d.about_facets),
                                ("about_edges", ("actor_id", "speaker_id", "target_id"),
                                 d.about_edges),
                                ("pair_days", ("day", "speaker_id", "actor_id"), d.pair_days)):
        rows3 = [(*k, n) for k, n in sorted(counts.items()) if n]
        if rows3:
            names = ", ".join(cols)
            cur.executemany(
                f"INSERT INTO {table} ({names}, statements) VALUES (?, ?, ?, ?) "
                f"ON CONFLICT ({names}) DO UPDATE "
                f"SET statements = {table}.statements + excluded.statements", rows3)
            cur.executemany(f"DELETE FROM {table} WHERE {cols[0]} = ? AND {cols[1]} = ? "
                            f"AND {cols[2]} = ? AND statements <= 0", [r[:3] for r in rows3])
    _speakers(cur, d)
    _actors(cur, d)


def _speakers(cur: Executor, d: Delta) -> None:
    ids = sorted(set(d.speakers) | set(d.speaker_names))
    if not ids:
        return
    prior: dict[str, tuple[str | None, str | None]] = {}
    for part in chunks(ids):
        for sid, last, role in cur.fetchall(
            f"SELECT id, last, role FROM speakers WHERE id IN ({placeholders(len(part))})", part):
            prior[sid] = (last, role)
    new = [(sid, d.speaker_names[sid], d.speakers[sid]) for sid in ids if sid in d.speaker_names]
    if new:
        cur.executemany(
            "INSERT INTO speakers (id, name, statements) VALUES (?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET statements = speakers.statements + excluded.statements",
            new)
    gone = [(d.speakers[sid], sid) for sid in ids if sid not in d.speaker_names and d.speakers[sid]]
    if gone:
        cur.executemany("UPDATE speakers SET statements = statements + ? WHERE id = ?", gone)
    # A speaker whose only statements are repeats counts none but keeps its row: the
    # repeats refer to it.
    cur.executemany("DELETE FROM speakers WHERE id = ? AND statements <= 0 AND NOT EXISTS "
                    "(SELECT 1 FROM statements WHERE speaker_id = speakers.id)",
                    [(i,) for i in ids])
    # First and last dates come from the index on speaker_id, whose entries end in the
    # statement key (day << DAY_SHIFT | sequence): two index probes per speaker.
    out = []
    for part in chunks(ids):
        ph = placeholders(len(part))
        spans = {sid: (lo, hi) for sid, lo, hi in cur.fetchall(
            f"SELECT speaker_id, min(pk), max(pk) FROM statements WHERE speaker_id IN ({ph}) "
            "AND pk >= ? GROUP BY speaker_id", (*part, DAY_SPAN))}
        for sid in part:
            lo, hi = spans.get(sid, (None, None))
            out.append((day_date(lo >> DAY_SHIFT) if lo is not None else None,
                        day_date(hi >> DAY_SHIFT) if hi is not None else None, sid))
    cur.executemany("UPDATE speakers SET first = ?, last = ? WHERE id = ?", out)
    _roles(cur, d, prior)


def _roles(cur: Executor, d: Delta, prior: dict[str, tuple[str | None, str | None]]) -> None:
    """A speaker's role is the role of their newest statement that names one."""
    updates = []
    for sid, (key, role) in sorted(d.roles.items()):
        if sid in d.shrunk:
            continue
        old_last, old_role = prior.get(sid, (None, None))
        day = day_date(key >> DAY_SHIFT) or ""
        if old_role is None or day >= (old_last or ""):
            updates.append((role, sid))
    for sid in sorted(d.shrunk):
        # Rare (re-extraction): the statement that gave the role may be gone.
        found = cur.fetchall("SELECT speaker_role FROM statements WHERE speaker_id = ? AND "
                             "speaker_role IS NOT NULL ORDER BY pk DESC LIMIT 1", (sid,))
        updates.append((found[0][0] if found else None, sid))
    cur.executemany("UPDATE speakers SET role = ? WHERE id = ?", updates)


def _actors(cur: Executor, d: Delta) -> None:
    ids = sorted(set(d.mentions) | set(d.about) | set(d.actor_info))
    if not ids:
        return
    new = [(aid, *d.actor_info[aid], d.mentions[aid], d.about[aid])
           for aid in ids if aid in d.actor_info]
    if new:
        cur.executemany(
            "INSERT INTO actors (id, name, type, mentions, statements_about) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
            "type = excluded.type, mentions = actors.mentions + excluded.mentions, "
            "statements_about = actors.statements_about + excluded.statements_about", new)
    gone = [(d.mentions[aid], d.about[aid], aid) for aid in ids if aid not in d.actor_info]
    if gone:
        cur.executemany("UPDATE actors SET mentions = mentions + ?, "
                        "statements_about = statements_about + ? WHERE id = ?", gone)
    cur.executemany("DELETE FROM actors WHERE id = ? AND mentions <= 0 "
                    "AND statements_about <= 0", [(i,) for i in ids])

