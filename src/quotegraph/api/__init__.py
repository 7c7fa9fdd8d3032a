"""quotegraph's REST API and web UI, served by one FastAPI app.

>>> app = create_app("quotegraph.db")                      # doctest: +SKIP
>>> uvicorn.run(app, host="127.0.0.1", port=8000)          # doctest: +SKIP

Read-only unless a write token is given; see :func:`create_app`.
"""

from quotegraph.api.app import create_app

__all__ = ["create_app"]
