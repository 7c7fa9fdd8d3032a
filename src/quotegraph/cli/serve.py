"""Web commands: ``serve`` (the REST API and web UI over a database) and ``demo``.

``demo`` fills a database from the bundled sample articles (``quotegraph/samples/``) and
serves it, so a new user sees the UI with data in one command.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from quotegraph.errors import QuotegraphError

DEMO_DB = "quotegraph-demo.db"
SAMPLES_DIR = Path(__file__).resolve().parent.parent / "samples"
_ARTICLE_SUFFIXES = {".txt", ".jsonl", ".ndjson", ".csv", ".html", ".htm"}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "serve", help="serve the web UI and REST API over a database",
        description="Serve the web UI at / , the REST API under /api and its docs at /docs. "
        "Read-only unless --write-token-env names an environment variable holding a token; "
        "POST /api/ingest then needs 'Authorization: Bearer <token>'.")
    p.add_argument("--db", default=os.environ.get("QUOTEGRAPH_DB") or "quotegraph.db",
                   help="SQLite file or postgresql:// URL (default: $QUOTEGRAPH_DB or quotegraph.db)")
    _add_server_options(p)
    p.add_argument("--write-token-env", metavar="VAR",
                   help="allow POST /api/ingest with the token in environment variable VAR")
    p.add_argument("--cors-origin", action="append", default=[], metavar="ORIGIN",
                   help="allow cross-origin requests from ORIGIN (repeatable; default: none)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser(
        "demo", help="load the bundled sample articles into a database and serve it",
        description=f"Ingest the sample corpus into a database (default ./{DEMO_DB}) and serve "
        "it read-only. Running it again reuses what is already stored.")
    p.add_argument("--db", default=DEMO_DB, help=f"database to fill (default: ./{DEMO_DB})")
    _add_server_options(p)
    p.add_argument("--no-serve", action="store_true", help="only ingest and print a summary")
    p.add_argument("--samples", type=Path, default=SAMPLES_DIR, metavar="DIR",
                   help="the articles to load (default: the bundled samples)")
    p.set_defaults(func=cmd_demo)


def _add_server_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--host", default="127.0.0.1",
                   help="interface to listen on (default: 127.0.0.1, this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="server processes (serve's default: the number of cores, at most 4; "
                   "demo's: 1); "
                   "each answers requests on its own threads")


def _write_token(var: str | None) -> str | None:
    if not var:
        return None
    token = os.environ.get(var, "")
    if not token.strip():
        raise QuotegraphError(f"--write-token-env {var}: the environment variable {var} is unset "
                              "or empty; set it to a long random token")
    if len(token) < 16:
        raise QuotegraphError(f"the write token in {var} is too short; use at least 16 characters")
    return token


def _url(host: str, port: int) -> str:
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else host
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"


def default_workers() -> int:
    """One process per core, up to 4: Python runs one request's code at a time per process,
    so a single process leaves the other cores idle however many threads it has."""
    return max(1, min(4, os.cpu_count() or 1))


def _serve(app: Any, host: str, port: int, *, workers: int = 1,
           env: dict[str, str] | None = None) -> int:
    """Serve ``app`` in this process, or with ``workers`` > 1 in that many processes, each
    building the app from ``env`` (see :func:`quotegraph.api.app.app_from_env`)."""
    try:
        import uvicorn
    except ImportError as e:
        raise QuotegraphError("serving needs the web extra: pip install 'quotegraph[web]'") from e
    if workers < 1:
        raise QuotegraphError(f"--workers {workers}: must be at least 1")
    print(f"quotegraph: serving on {_url(host, port)}  (API docs: {_url(host, port)}docs; "
          f"{workers} worker{'s' if workers > 1 else ''}; Ctrl-C to stop)", flush=True)
    if workers == 1 or env is None:
        uvicorn.run(app, host=host, port=port, log_level="warning")
        return 0
    import shutil
    import tempfile

    from quotegraph.api.app import ENV_CACHE

    # One response cache for all workers, in a private folder that lives as long as the run.
    folder = tempfile.mkdtemp(prefix="quotegraph-cache-")
    os.environ.update({**env, ENV_CACHE: os.path.join(folder, "responses.sqlite")})
    try:
        uvicorn.run("quotegraph.api.app:app_from_env", factory=True, host=host, port=port,
                    workers=workers, log_level="warning")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from quotegraph.api import create_app

    token = _write_token(args.write_token_env)
    app = create_app(args.db, write_token=token, cors_origins=tuple(args.cors_origin))
    if token:
        print(f"quotegraph: POST /api/ingest enabled (token from ${args.write_token_env})",
              file=sys.stderr)
    # Built here even with several workers: a wrong --db fails now, with one message.
    from quotegraph.api.app import ENV_CORS, ENV_DB, ENV_TOKEN_VAR

    env = {ENV_DB: str(args.db), ENV_CORS: "\n".join(args.cors_origin),
           ENV_TOKEN_VAR: args.write_token_env or ""}
    workers = args.workers if args.workers is not None else default_workers()
    return _serve(app, args.host, args.port, workers=workers, env=env)


def cmd_demo(args: argparse.Namespace) -> int:
    from quotegraph import query
    from quotegraph.store import open_store
    from quotegraph.store.pipeline import ingest_paths

    samples: Path = args.samples
    # Articles only: the folder's README.md describes the samples and is not one of them.
    paths = sorted(str(p) for p in samples.rglob("*") if p.is_file() and p.suffix in _ARTICLE_SUFFIXES)
    if not samples.is_dir() or not paths:
        raise QuotegraphError(f"no sample articles in {samples}; pass --samples DIR")
    failures: list[str] = []
    with open_store(args.db) as store:
        report = ingest_paths(
            store, paths, workers=1,
            on_failure=lambda source, message: failures.append(f"{source}: {message}"),
        )
        st = query.stats(store)
    for line in failures:
        print(f"quotegraph: {line}", file=sys.stderr)
    print(f"quotegraph: {args.db}: {report.added} added, {report.updated} updated, "
          f"{report.unchanged} unchanged, {report.failed} failed; now {st['articles']} articles, "
          f"{st['statements']} statements, {st['speakers']} speakers, {st['actors']} actors",
          flush=True)
    if args.no_serve:
        return 1 if report.failed else 0
    from quotegraph.api import create_app

    from quotegraph.api.app import ENV_DB

    workers = args.workers if args.workers is not None else 1
    return _serve(create_app(args.db), args.host, args.port, workers=workers,
                  env={ENV_DB: str(args.db)})
