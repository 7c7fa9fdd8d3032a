"""Small SQL helpers shared by the store modules: the executor protocol and ``IN`` lists."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Protocol

# Lists bound into ``IN (...)`` are split so no statement nears SQLite's variable limit.
IN_CHUNK = 500


class Executor(Protocol):
    """The minimal cursor API the shared code needs, with ``?`` placeholders."""

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None: ...
    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None: ...
    def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]: ...


def placeholders(n: int) -> str:
    return ",".join("?" * n)


def chunks(seq: Sequence[Any], size: int = IN_CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(seq), size):
        yield seq[i:i + size]


def insert_sql(table: str, cols: Sequence[str]) -> str:
    quoted = ", ".join(f'"{c}"' for c in cols)
    return f"INSERT INTO {table} ({quoted}) VALUES ({placeholders(len(cols))})"
