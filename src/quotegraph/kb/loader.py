"""Find, parse and merge knowledge-base files; cache the result per process.

The shipped files live in ``quotegraph/data/kb/``. Users add files of the same shape with
``load_kb(extra=...)``, the ``QUOTEGRAPH_KB`` environment variable (paths separated by
``os.pathsep``) or ``--kb`` on the command line; a user record with the id of an earlier record
replaces it whole. A user file that is a mapping (not a list) overrides ``meta.yaml`` keys
(``as_of``, ``roles``).
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import re
import sys
import tempfile
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import yaml

from quotegraph.errors import KnowledgeBaseError
from quotegraph.kb.base import KnowledgeBase
from quotegraph.kb.schema import Where, guess_type, parse_date, parse_record, parse_roles
from quotegraph.kb.types import Actor

logger = logging.getLogger(__name__)

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "data" / "kb"
ENV_VAR = "QUOTEGRAPH_KB"
CACHE_ENV_VAR = "QUOTEGRAPH_CACHE_DIR"
# file-name stems (or a parent directory name) that say what the records in a file are
_TYPE_HINTS = (("countr", "country"), ("organi", "organization"), ("orgs", "organization"),
               ("grouping", "grouping"), ("institution", "institution"), ("people", "person"),
               ("person", "person"))
_SHIPPED_ORDER = ("countries.yaml", "organizations.yaml", "groupings.yaml", "institutions.yaml",
                  "people.yaml")

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_cache: dict[tuple, KnowledgeBase] = {}
_layers: dict[tuple, tuple[dict[str, Any], dict[str, Actor]]] = {}
_lock = threading.Lock()


def load_kb(*, extra: Sequence[str | os.PathLike] = (), use_default: bool = True) -> KnowledgeBase:
    """The knowledge base: the shipped files, then ``$QUOTEGRAPH_KB``, then ``extra``.

    Later files override earlier records with the same id. The result is cached per process
    and reloaded only when a file changes (its mtime). Raises ``KnowledgeBaseError`` naming the
    file, record and field when a file is missing, malformed or fails the schema.
    """
    user = [Path(p) for p in _env_paths()] + [Path(p) for p in extra]
    shipped = default_files() if use_default else []
    files = shipped + _expand(user)
    key = (use_default, tuple((str(p), _mtime(p)) for p in files))
    with _lock:
        kb = _cache.get(key)
        if kb is None:
            kb = _build(shipped, _expand(user))
            if len(_cache) > 16:  # many distinct user files in one process: do not grow forever
                _cache.clear()
            _cache[key] = kb
    return kb


def default_files() -> list[Path]:
    """The shipped KB files, in load order (``people/*.yaml`` after ``people.yaml``)."""
    files = [DEFAULT_DIR / "meta.yaml"]
    files += [DEFAULT_DIR / n for n in _SHIPPED_ORDER if (DEFAULT_DIR / n).exists()]
    people_dir = DEFAULT_DIR / "people"
    if people_dir.is_dir():
        files += sorted(p for p in people_dir.iterdir() if p.suffix in (".yaml", ".yml"))
    return files


def read_records(path: Path, *, label: str | None = None) -> list[tuple[Where, str, Any]]:
    """Parse one user or shipped file into ``(where, type, raw record)`` triples.

    A file holding a mapping yields one ``("meta", ...)`` triple instead.
    """
    label = label or str(path)
    data = _read_yaml(path, label)
    if data is None:
        return []
    if isinstance(data, dict):
        return [(Where(label, 0), "meta", data)]
    if not isinstance(data, list):
        raise KnowledgeBaseError(f"{label}: expected a list of records, got {type(data).__name__}")
    hint = _type_hint(path)
    out = []
    for i, raw in enumerate(data, 1):
        where = Where(label, i, raw.get("id") if isinstance(raw, dict) else None)
        kind = guess_type(raw, hint=hint, where=where) if isinstance(raw, dict) else hint or "?"
        out.append((where, kind, raw))
    return out


def _build(shipped: list[Path], user: list[Path]) -> KnowledgeBase:
    meta, shipped_actors = _shipped_layer(shipped)
    actors = dict(shipped_actors)
    for path in user:
        label = str(path)
        seen: set[str] = set()
        for where, kind, raw in read_records(path, label=label):
            if kind == "meta":
                meta = _merge_meta(meta, raw, label)
                continue
            actor = parse_record(raw, kind=kind, where=where)
            if actor.id in seen:
                raise KnowledgeBaseError(f"{where}: duplicate id {actor.id!r} in the same file")
            seen.add(actor.id)
            old = actors.get(actor.id)
            if old is not None and old.type != actor.type:
                raise KnowledgeBaseError(f"{where}: id {actor.id!r} is a {old.type} at "
                                         f"{old.origin}; an override must be a {old.type} too")
            if old is not None:
                logger.debug("%s overrides %s", where, old.origin)
            actors[actor.id] = actor
    return KnowledgeBase(actors.values(), as_of=meta["as_of"], roles=meta["roles"],
                         leader=meta.get("leader", {}), not_actors=meta.get("not_actors", ()),
                         bare_names=meta.get("bare_names", {}))


def _shipped_layer(shipped: list[Path]) -> tuple[dict[str, Any], dict[str, Actor]]:
    """The parsed shipped files (meta and records), cached in the process and on disk.

    Parsing YAML is most of the load time (PyYAML builds Python objects slowly even with
    libyaml), so the validated records are pickled, keyed on every file's path and mtime.
    """
    # the shipped meta.yaml always counts: a user-only KB still takes its role vocabulary
    meta_file = DEFAULT_DIR / "meta.yaml"
    key = (*((str(p), _mtime(p)) for p in shipped), (str(meta_file), _mtime(meta_file)))
    layer = _layers.get(key)
    if layer is None:
        layer = _from_disk_cache(key)
    if layer is None:
        layer = _parse_shipped(shipped)
        _to_disk_cache(key, layer)
    _layers[key] = layer
    return layer


def _parse_shipped(shipped: list[Path]) -> tuple[dict[str, Any], dict[str, Actor]]:
    meta: dict[str, Any] = {}
    actors: dict[str, Actor] = {}
    for path in shipped:
        label = _label(path)
        for where, kind, raw in read_records(path, label=label):
            if kind == "meta":
                meta = _merge_meta(meta, raw, label)
                continue
            actor = parse_record(raw, kind=kind, where=where)
            if actor.id in actors:
                raise KnowledgeBaseError(f"{where}: duplicate id {actor.id!r} "
                                         f"(first defined at {actors[actor.id].origin})")
            actors[actor.id] = actor
    if not meta and shipped:
        raise KnowledgeBaseError(f"{shipped[0]}: the knowledge base has no meta.yaml")
    if not shipped:  # a user-only KB still needs the role vocabulary and an as_of date
        meta = _merge_meta({}, _read_yaml(DEFAULT_DIR / "meta.yaml", "meta.yaml"), "meta.yaml")
    return meta, actors


def _disk_cache_path(key: tuple) -> Path | None:
    """Where the pickled shipped layer for ``key`` lives; ``None`` when caching is off.

    The key covers every file's path and mtime and the code that defines the records.
    ``QUOTEGRAPH_CACHE_DIR=off`` turns the cache off.
    """
    setting = os.environ.get(CACHE_ENV_VAR)
    if setting == "off":
        return None
    base = Path(setting) if setting else (
        Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "quotegraph")
    code = tuple(_mtime(Path(__file__).with_name(n)) for n in ("types.py", "schema.py",
                                                              "base.py", "loader.py"))
    digest = hashlib.sha256(repr((key, code, sys.version_info[:2])).encode()).hexdigest()[:20]
    return base / f"kb-layer-{digest}.pickle"


def _from_disk_cache(key: tuple) -> tuple[dict[str, Any], dict[str, Actor]] | None:
    path = _disk_cache_path(key)
    if path is None or not path.exists():
        return None
    try:
        with path.open("rb") as f:
            layer = pickle.load(f)  # noqa: S301 - our own cache file, keyed on our own inputs
    except Exception as e:  # a stale or truncated cache is never fatal: rebuild
        logger.debug("ignoring KB cache %s (%s)", path, e)
        return None
    return layer if isinstance(layer, tuple) and len(layer) == 2 else None


def _to_disk_cache(key: tuple, layer: tuple[dict[str, Any], dict[str, Actor]]) -> None:
    path = _disk_cache_path(key)
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".kb-", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(layer, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError as e:  # read-only home, full disk: the cache is an optimisation only
        logger.debug("cannot write KB cache %s (%s)", path, e)


def _merge_meta(meta: dict[str, Any], raw: Any, label: str) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise KnowledgeBaseError(f"{label}: meta must be a mapping")
    out = dict(meta)
    if "as_of" in raw or "as_of" not in out:
        as_of = parse_date(raw.get("as_of"), where=label, field="as_of")
        if as_of is None:
            raise KnowledgeBaseError(f"{label}: field 'as_of': missing")
        out["as_of"] = as_of
    roles = parse_roles(raw.get("roles"), file=label)
    out["roles"] = {**out.get("roles", {}), **roles}
    if "leader" in raw:
        leader = raw["leader"] or {}
        if not isinstance(leader, dict):
            raise KnowledgeBaseError(f"{label}: field 'leader': expected a mapping")
        out["leader"] = {k: tuple(v or ()) for k, v in leader.items()}
    if "not_actors" in raw:
        extra = raw["not_actors"] or []
        if not isinstance(extra, list) or not all(isinstance(x, str) and x for x in extra):
            raise KnowledgeBaseError(f"{label}: field 'not_actors': expected a list of names")
        out["not_actors"] = (*out.get("not_actors", ()), *extra)
    if "bare_names" in raw:
        bare = raw["bare_names"] or {}
        if not isinstance(bare, dict) or not all(isinstance(k, str) and isinstance(v, str)
                                                 for k, v in bare.items()):
            raise KnowledgeBaseError(f"{label}: field 'bare_names': expected a mapping of "
                                     "name to actor id")
        out["bare_names"] = {**out.get("bare_names", {}), **bare}
    return out


def _read_yaml(path: Path, label: str) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as e:
        raise KnowledgeBaseError(f"{label}: no such knowledge-base file") from e
    except (OSError, UnicodeDecodeError) as e:
        raise KnowledgeBaseError(f"{label}: cannot read ({e})") from e
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        at = f" line {mark.line + 1}" if mark else ""
        problem = getattr(e, "problem", None) or str(e)
        raise KnowledgeBaseError(f"{label}:{at}: not valid YAML ({problem})") from e


def _type_hint(path: Path) -> str | None:
    for name in (path.stem.lower(), path.parent.name.lower()):
        for token in re.split(r"[^a-z]+", name):
            for prefix, kind in _TYPE_HINTS:
                if token.startswith(prefix):
                    return kind
    return None


def _expand(paths: Iterable[Path]) -> list[Path]:
    """Directories become their ``*.yaml``/``*.yml`` files, sorted; files stay as given."""
    out = []
    for p in paths:
        if p.is_dir():
            out += sorted(q for q in p.rglob("*") if q.suffix in (".yaml", ".yml") and q.is_file())
        else:
            out.append(p)
    return out


def _env_paths() -> list[str]:
    return [p for p in os.environ.get(ENV_VAR, "").split(os.pathsep) if p.strip()]


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return -1.0


def _label(path: Path) -> str:
    try:
        return str(path.relative_to(DEFAULT_DIR.parents[2]))
    except ValueError:
        return str(path)
