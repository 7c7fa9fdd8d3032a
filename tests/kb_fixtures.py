"""Fixtures shared by the knowledge-base tests: the shipped KB, with a private pickle cache.

Import them into a test module (``from kb_fixtures import kb, private_kb_cache``); pytest finds
fixtures by name in the module namespace.
"""

from __future__ import annotations

import pytest

from quotegraph.kb import ENV_VAR, load_kb, loader


@pytest.fixture(scope="module", autouse=True)
def private_kb_cache(tmp_path_factory):
    """The module's own pickle cache, and no user KB files from the environment."""
    mp = pytest.MonkeyPatch()
    mp.setenv(loader.CACHE_ENV_VAR, str(tmp_path_factory.mktemp("kbcache")))
    mp.delenv(ENV_VAR, raising=False)
    yield
    mp.undo()


@pytest.fixture(scope="module")
def kb():
    return load_kb()
