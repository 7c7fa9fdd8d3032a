"""Statement rows -> StatementHits: article metadata, "about" actors and an HTML snippet.

The snippet is built by escaping the text and only then turning the backend's highlight
sentinels into ``<mark>`` tags, so no article text ever reaches a page unescaped.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from typing import Any

from quotegraph.store.claims import statement_claims
from quotegraph.store.clusters import also_reported_by
from quotegraph.store.groups import statement_groups, statement_occasions
from quotegraph.store.relations import statement_relations
from quotegraph.store.base import MARK_CLOSE, MARK_OPEN, Store, chunks, placeholders

SNIPPET_CHARS = 320

HIT_COLUMNS = (
    's.pk, s.id, s.article_id, s.kind, s.text, s.start, s."end", s.speaker_id, '
    "s.speaker_name, s.speaker_role, s.speaker_mention, s.cue, s.said_on, s.repeats"
)
SPAN_COLUMNS = (
    ", s.speaker_start, s.speaker_end, s.speaker_how, s.cue_start, s.cue_end, s.rule, "
    "s.source_mention, s.source_start, s.source_end"
)


def _balance(cut: str) -> str:
    """Drop a close sentinel with no open before it and close one left open by a cut."""
    out, open_ = [], False
    for ch in cut:
        if ch == MARK_OPEN:
            open_ = True
        elif ch == MARK_CLOSE:
            if not open_:
                continue
            open_ = False
        out.append(ch)
    return "".join(out) + (MARK_CLOSE if open_ else "")


def snippet(marked: str) -> str:
    """HTML: ``marked`` escaped, sentinels turned into <mark>, long text cut around a match."""
    if len(marked) > SNIPPET_CHARS:
        first = marked.find(MARK_OPEN)
        start = 0 if first < SNIPPET_CHARS // 2 else first - SNIPPET_CHARS // 3
        if start:
            space = marked.find(" ", start)
            start = space + 1 if 0 <= space < first else start
        end = start + SNIPPET_CHARS
        if end < len(marked):
            space = marked.rfind(" ", start, end)
            end = space if space > start + SNIPPET_CHARS // 2 else end
        cut = _balance(marked[start:end])
        marked = ("\u2026" if start else "") + cut + ("\u2026" if end < len(marked) else "")
    return (html.escape(marked, quote=False)
            .replace(MARK_OPEN, "<mark>").replace(MARK_CLOSE, "</mark>"))


def to_hits(store: Store, rows: Sequence[dict[str, Any]], q: str | None = None, *,
          spans: bool = False) -> list[dict[str, Any]]:
    """Turn statement rows into StatementHits (article, about actors, highlighted snippet)."""
    if not rows:
        return []
    art_ids = sorted({r["article_id"] for r in rows})
    arts: dict[str, dict[str, Any]] = {}
    for part in chunks(art_ids):
        for a in store.rows("SELECT id, title, outlet, published, source, url FROM articles "
                            f"WHERE id IN ({placeholders(len(part))})", part):
            arts[a["id"]] = a
    about: dict[str, list[dict[str, Any]]] = {}
    pks = [r["pk"] for r in rows]
    for part in chunks(pks):
        for a in store.rows(
            "SELECT sa.statement_pk, a.id, a.name, a.type FROM statement_about sa "
            "JOIN actors a ON a.id = sa.actor_id "
            f"WHERE sa.statement_pk IN ({placeholders(len(part))}) ORDER BY a.name", part,
        ):
            about.setdefault(a.pop("statement_pk"), []).append(a)
    marked = store.highlight([r["pk"] for r in rows], q) if q and q.strip() else {}
    nested = statement_claims(store, rows)
    related = statement_relations(store, rows)
    grouped = statement_groups(store, rows)
    occasions = statement_occasions(store, rows)
    reprints = also_reported_by(store, pks)
    out = []
    for r in rows:
        speaker = None
        if r["speaker_name"] is not None:
            speaker = {"id": r["speaker_id"], "name": r["speaker_name"],
                       "role": r["speaker_role"], "mention": r["speaker_mention"]}
        hit: dict[str, Any] = {
            "id": r["id"], "article_id": r["article_id"], "kind": r["kind"], "text": r["text"],
            "snippet": snippet(marked.get(r["pk"], r["text"])),
            "start": r["start"], "end": r["end"], "speaker": speaker, "cue": r["cue"],
            "about": about.get(r["pk"], []), "said_on": r["said_on"], "repeats": r["repeats"],
            "article": arts.get(r["article_id"]),
            "claims": nested.get((r["article_id"], r["start"], r["end"]), []),
            "relations": related.get((r["article_id"], r["start"], r["end"]), []),
            "groups": grouped.get((r["article_id"], r["start"], r["end"]), []),
            "occasion": occasions.get((r["article_id"], r["start"], r["end"])),
            # The same statement in other articles (store/clusters.py), or None.
            "also_reported_by": reprints.get(r["pk"]),
        }
        if spans:
            hit["rule"] = r["rule"]
            hit["cue_span"] = (None if r["cue_start"] is None else
                               {"start": r["cue_start"], "end": r["cue_end"], "text": r["cue"]})
            hit["speaker_span"] = (
                None if r["speaker_start"] is None else
                {"start": r["speaker_start"], "end": r["speaker_end"],
                 "text": r["speaker_mention"]})
            hit["source_span"] = (
                None if r["source_start"] is None else
                {"start": r["source_start"], "end": r["source_end"],
                 "text": r["source_mention"]})
            if speaker is not None:
                speaker["how"] = json.loads(r["speaker_how"]) if r["speaker_how"] else []
        out.append(hit)
    return out
