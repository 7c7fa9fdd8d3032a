"""The same statement across outlets: near-duplicate statements of one speaker, clustered.

Wire copy is reprinted with small edits (a trimmed quote, another paragraph order, a new
headline), so exact text matching misses most reprints. Each statement's content becomes a set
of 4-word shingles (lower-cased, punctuation dropped); MinHash signatures estimate the Jaccard
similarity of those sets, and LSH banding finds candidate pairs without comparing all pairs.
A pair joins one cluster when

* the speaker is the same (equal speaker id, or both unresolved with the same mention text),
* the statements come from different articles, and
* the estimated Jaccard similarity is at least :data:`THRESHOLD` (0.4: reworded reprints of
  one quote measure 0.5-0.9 on the gold set, different statements of one speaker under 0.15).

Clusters are the connected components of those pairs (union-find), stored as
``statement_cluster (statement_pk, cluster)`` for statements in clusters of two or more; the
cluster id is its smallest statement key. Each cluster's summary (member count, earliest
member, outlets in first-appearance order) is kept in ``cluster_summary``, recomputed from its
members in the same transaction whenever a write adds or removes members (:func:`resummarise`),
so "also reported by" reads one row per cluster instead of all its members.

Incremental update: because a cluster never spans two speakers, ingest recomputes the clusters
of just the speakers whose statements it wrote (:func:`refresh`), once per ingest run, not per
batch; no LSH index is persisted. ``quotegraph cluster --db DB`` rebuilds everything.
The MinHash is this module's own numpy code (no extra dependency), seeded, so the same
statements always give the same clusters.
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from quotegraph.errors import QuotegraphError
from quotegraph.store.base_sql import chunks, placeholders

if TYPE_CHECKING:  # annotations only; the code imports numpy when it clusters
    import numpy as np


SHINGLE = 4
NUM_PERM = 64
BANDS = 32            # 32 bands of 2 rows: a pair at J=0.4 becomes a candidate 99.6% of times
ROWS = NUM_PERM // BANDS
THRESHOLD = 0.4
BIG_BUCKET = 64       # past this, bucket members are compared with its first member only

SEED = 20261207
_WORD = re.compile(r"\w+")

SCHEMA = [
    """CREATE TABLE statement_cluster (
        statement_pk BIGINT PRIMARY KEY,
        cluster BIGINT NOT NULL)""",
    "CREATE INDEX statement_cluster_cluster ON statement_cluster (cluster)",
]


def _fill_summaries(cur: Any) -> None:
    resummarise(cur, None)


# 0011: the kept summaries. A page of 20 hits in clusters of 120 reprints read 2,400 member
# rows (0.44 ms a cluster on 100,000 articles), once per cluster per server process and again
# after every commit; now one row per cluster.
SUMMARY_SCHEMA = (
    "CREATE TABLE cluster_summary (cluster BIGINT PRIMARY KEY, statements INTEGER NOT NULL, "
    "first_pk BIGINT NOT NULL, outlets TEXT NOT NULL)",
    _fill_summaries,
)


def shingles(text: str) -> set[int]:
    """32-bit hashes of the text's 4-word shingles (a shorter text is one shingle)."""
    words = _WORD.findall(text.lower())
    if not words:
        return set()
    if len(words) < SHINGLE:
        return {zlib.crc32(" ".join(words).encode())}
    return {zlib.crc32(" ".join(words[i:i + SHINGLE]).encode())
            for i in range(len(words) - SHINGLE + 1)}


def _numpy():
    """numpy, imported on first use: this module is imported by every CLI start-up and every
    store query (through ``quotegraph.query``), and numpy alone added 14 MB of resident memory
    and 0.1 s to ``quotegraph extract``, which never clusters."""
    try:
        import numpy  # noqa: PLC0415
    except ImportError:  # the schema below is still importable; clustering says what is missing
        raise QuotegraphError("clustering statements across outlets needs numpy: "
                              "pip install numpy (or make install)") from None
    return numpy


def signatures(sets: Sequence[Iterable[int]], *, chunk: int = 1 << 20) -> np.ndarray:
    """MinHash signatures (len(sets) x NUM_PERM uint32), computed over all shingles at once
    in chunks of ``chunk`` shingles so a million statements fit in memory."""
    np = _numpy()
    rng = np.random.RandomState(SEED)
    a = rng.randint(1, 1 << 32, size=NUM_PERM, dtype=np.uint64)
    b = rng.randint(0, 1 << 32, size=NUM_PERM, dtype=np.uint64)
    mersenne, max32 = np.uint64((1 << 61) - 1), np.uint64(0xFFFFFFFF)
    lists = [np.fromiter(s, dtype=np.uint64) for s in sets]
    sig = np.full((len(lists), NUM_PERM), 0xFFFFFFFF, dtype=np.uint64)
    lens = np.array([len(x) for x in lists], dtype=np.int64)
    if not lens.sum():
        return sig.astype(np.uint32)
    flat = np.concatenate([x for x in lists if len(x)])
    owner = np.repeat(np.arange(len(lists)), lens)
    for lo in range(0, len(flat), chunk):
        hv = flat[lo:lo + chunk]
        who = owner[lo:lo + chunk]
        # uint64 arithmetic wraps, as in datasketch's MinHash; the result is a fine hash.
        perm = ((hv[:, None] * a[None, :] + b[None, :]) % mersenne) & max32
        # who is sorted: reduce each run of one statement's shingles to its minimum.
        starts = np.flatnonzero(np.r_[True, who[1:] != who[:-1]])
        mins = np.minimum.reduceat(perm, starts, axis=0)
        rows = who[starts]
        sig[rows] = np.minimum(sig[rows], mins)
    return sig.astype(np.uint32)


class UnionFind:
    """Union-find over 0..n-1 with path halving."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def cluster_rows(rows: Sequence[tuple[int, str, str, str]],
                 threshold: float = THRESHOLD) -> dict[int, int]:
    """``(pk, article_id, speaker_key, text)`` rows -> ``{pk: cluster id}`` for statements in
    clusters of two or more (cluster id = smallest pk of the cluster)."""
    if len(rows) < 2:
        return {}
    np = _numpy()
    sig = signatures([shingles(r[3]) for r in rows])
    speakers: dict[str, int] = {}
    spk = np.array([speakers.setdefault(r[2], len(speakers)) for r in rows], dtype=np.int64)
    uf = UnionFind(len(rows))
    need = int(np.ceil(threshold * NUM_PERM))
    for band in range(BANDS):
        cols = sig[:, band * ROWS:(band + 1) * ROWS].astype(np.uint64)
        key = cols[:, 0]
        for c in range(1, ROWS):
            key = key * np.uint64(0x9E3779B1) ^ cols[:, c]
        # Bucket on (speaker, band value): the same-speaker rule prunes before comparing.
        order = np.lexsort((key, spk))
        ks, ss = key[order], spk[order]
        edges = np.flatnonzero(np.r_[True, (ks[1:] != ks[:-1]) | (ss[1:] != ss[:-1]), True])
        many = np.flatnonzero(np.diff(edges) > 1)  # only buckets with two or more members
        for lo, hi in zip(edges[many].tolist(), edges[many + 1].tolist()):
            _join(uf, rows, sig, order[lo:hi], need)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(rows)):
        groups[uf.find(i)].append(i)
    out: dict[int, int] = {}
    for members in groups.values():
        if len(members) > 1:
            cid = min(rows[i][0] for i in members)
            for i in members:
                out[rows[i][0]] = cid
    return out


def _join(uf: UnionFind, rows: Sequence[tuple[Any, ...]], sig: np.ndarray,
          members: np.ndarray, need: int) -> None:
    firsts = members if len(members) <= BIG_BUCKET else members[:1]
    for n, i in enumerate(firsts):
        for j in members[n + 1:]:
            if rows[i][1] == rows[j][1] or uf.find(int(i)) == uf.find(int(j)):
                continue
            if int((sig[i] == sig[j]).sum()) >= need:
                uf.union(int(i), int(j))


_SPEAKER_KEY = ("CASE WHEN speaker_id IS NOT NULL THEN 'id:' || speaker_id "
                "WHEN speaker_mention IS NOT NULL THEN 'm:' || lower(speaker_mention) END")


def _statements(store: Any, keys: Sequence[str] | None) -> list[tuple[int, str, str, str]]:
    sql = f"SELECT pk, article_id, {_SPEAKER_KEY} AS k, text FROM statements"
    if keys is None:
        return [r for r in store.tuples(sql) if r[2] is not None]
    out: list[tuple[int, str, str, str]] = []
    for part in chunks(list(keys)):
        out += store.tuples(f"{sql} WHERE {_SPEAKER_KEY} IN ({placeholders(len(part))})", part)
    return out


def _write(store: Any, rows: Sequence[tuple[int, ...]], found: dict[int, int], *,
           everything: bool) -> None:
    with store._write() as cur:  # noqa: SLF001 - the store's one-writer transaction
        if everything:
            cur.execute("DELETE FROM statement_cluster")
        else:
            touched = set(found.values())
            for part in chunks([r[0] for r in rows]):
                ph = placeholders(len(part))
                touched.update(c for (c,) in cur.fetchall(
                    f"SELECT DISTINCT cluster FROM statement_cluster WHERE statement_pk IN ({ph})",
                    part))
                cur.execute(f"DELETE FROM statement_cluster WHERE statement_pk IN ({ph})", part)
        cur.executemany("INSERT INTO statement_cluster (statement_pk, cluster) VALUES (?, ?)",
                        sorted(found.items()))
        resummarise(cur, None if everything else sorted(touched))


def rebuild(store: Any, threshold: float = THRESHOLD) -> dict[str, int]:
    """Recompute every cluster from scratch; returns counts for the CLI."""
    rows = _statements(store, None)
    found = cluster_rows(rows, threshold)
    _write(store, rows, found, everything=True)
    return {"statements": len(rows), "clustered": len(found),
            "clusters": len(set(found.values()))}


def refresh(store: Any, article_ids: Iterable[str]) -> int:
    """Recompute the clusters of the speakers of ``article_ids``' statements (after an
    ingest); returns the number of statements now clustered among them."""
    ids = sorted(set(article_ids))
    keys: set[str] = set()
    for part in chunks(ids):
        keys.update(r[0] for r in store.tuples(
            f"SELECT DISTINCT {_SPEAKER_KEY} FROM statements "
            f"WHERE article_id IN ({placeholders(len(part))})", part) if r[0] is not None)
    if not keys:
        return 0
    rows = _statements(store, sorted(keys))
    found = cluster_rows(rows)
    _write(store, rows, found, everything=False)
    return len(found)


_MEMBERS = ("SELECT c.cluster, s.pk, s.id, s.outlet, s.published FROM statement_cluster c "
            "JOIN statements s ON s.pk = c.statement_pk")
_MEMBER_ORDER = "ORDER BY c.cluster, s.published IS NULL, s.published, s.pk"


def summaries_of(rows: Iterable[tuple[Any, ...]]) -> dict[int, tuple[int, int, list[str]]]:
    """``{cluster: (members, first member's key, outlets in first-appearance order)}`` from
    member rows ``(cluster, pk, id, outlet, published)`` in :data:`_MEMBER_ORDER`: members
    ordered by article date (undated last), then key, as :func:`cluster_statements`."""
    out: dict[int, tuple[int, int, list[str]]] = {}
    cid = first = None
    n = 0
    outlets: dict[str, None] = {}
    for c, pk, _id, outlet, _published in rows:
        if c != cid:
            if cid is not None:
                out[cid] = (n, first, list(outlets))
            cid, first, n, outlets = c, pk, 0, {}
        n += 1
        if outlet:
            outlets.setdefault(outlet, None)
    if cid is not None:
        out[cid] = (n, first, list(outlets))
    return out


def resummarise(cur: Any, cids: Sequence[int] | None) -> None:
    """Recompute the kept summaries of clusters ``cids`` (all when None) from their members,
    inside the caller's write transaction; a cluster left without members loses its row."""
    import json

    if cids is None:
        cur.execute("DELETE FROM cluster_summary")
        parts: Iterable[Sequence[int] | None] = [None]
    else:
        parts = chunks(list(cids))
    for part in parts:
        if part is None:
            rows = cur.fetchall(f"{_MEMBERS} {_MEMBER_ORDER}")
        else:
            ph = placeholders(len(part))
            cur.execute(f"DELETE FROM cluster_summary WHERE cluster IN ({ph})", part)
            rows = cur.fetchall(f"{_MEMBERS} WHERE c.cluster IN ({ph}) {_MEMBER_ORDER}", part)
        cur.executemany(
            "INSERT INTO cluster_summary (cluster, statements, first_pk, outlets) "
            "VALUES (?, ?, ?, ?)",
            [(c, n, first, json.dumps(outlets, ensure_ascii=False))
             for c, (n, first, outlets) in sorted(summaries_of(rows).items())])


def _summaries(store: Any, cids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
    """``{cluster: (members, (first id, outlet, published), outlets in order)}`` from the
    kept summaries (one row per cluster and its first member's)."""
    import json

    out: dict[int, tuple[Any, ...]] = {}
    for part in chunks(list(cids)):
        for cid, n, outlets, first_id, outlet, published in store.tuples(
                "SELECT k.cluster, k.statements, k.outlets, s.id, s.outlet, s.published "
                "FROM cluster_summary k JOIN statements s ON s.pk = k.first_pk "
                f"WHERE k.cluster IN ({placeholders(len(part))})", part):
            out[cid] = (n, (first_id, outlet, published), tuple(json.loads(outlets)))
    return out


def also_reported_by(store: Any, pks: Sequence[int]) -> dict[int, dict[str, Any]]:
    """``{pk: {"cluster", "outlets", "first_seen": {"outlet", "published", "statement_id"},
    "statements"}}`` for the statements of ``pks`` that are in a cluster. ``outlets`` are the
    other outlets of the cluster (not the statement's own), in first-appearance order."""
    if not pks:
        return {}
    mine: dict[int, tuple[int, str | None]] = {}
    for part in chunks(list(pks)):
        for pk, cid, outlet in store.tuples(
                "SELECT c.statement_pk, c.cluster, s.outlet FROM statement_cluster c "
                "JOIN statements s ON s.pk = c.statement_pk "
                f"WHERE c.statement_pk IN ({placeholders(len(part))})", part):
            mine[pk] = (cid, outlet)
    if not mine:
        return {}
    summaries = _summaries(store, sorted({cid for cid, _ in mine.values()}))
    out: dict[int, dict[str, Any]] = {}
    for pk, (cid, own) in mine.items():
        summary = summaries.get(cid)
        if summary is None:
            continue
        n, (first_id, first_outlet, first_published), outlets = summary
        out[pk] = {"cluster": cid, "outlets": [o for o in outlets if o != own], "statements": n,
                   "first_seen": {"statement_id": first_id, "outlet": first_outlet,
                                  "published": first_published}}
    return out


def cluster_statements(store: Any, cluster: int) -> list[int]:
    """The statement keys of one cluster, earliest article first."""
    return [r[0] for r in store.tuples(
        "SELECT s.pk FROM statement_cluster c JOIN statements s ON s.pk = c.statement_pk "
        "JOIN articles a ON a.id = s.article_id WHERE c.cluster = ? "
        "ORDER BY a.published IS NULL, a.published, s.pk", (cluster,))]
