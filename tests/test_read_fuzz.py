"""iter_documents on arbitrary bytes: never raises, every item is a Document or a ReadFailure."""

from __future__ import annotations

import codecs
import io
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotegraph.model import Document
from quotegraph.read import ReadFailure, iter_documents

SUFFIXES = (".txt", ".jsonl", ".ndjson", ".csv", ".tsv", "")

# Raw bytes, plus bytes built to reach deeper: BOMs, near-JSON rows, near-CSV records.
_json_rows = st.lists(
    st.one_of(
        st.dictionaries(st.sampled_from(["text", "body", "title", "date", "url", "source"]),
                        st.one_of(st.text(), st.integers(), st.none(), st.lists(st.integers())), max_size=4)
        .map(json.dumps),
        st.text(max_size=30),
    ),
    max_size=6,
).map(lambda rows: "\n".join(rows).encode("utf-8"))
_csv_like = st.lists(st.text(alphabet='ab,"\n\r\t text\x00é', max_size=40), max_size=6).map(
    lambda rows: ("text,title,date\n" + "\n".join(rows)).encode("utf-8", errors="surrogatepass")
)
_payload = st.one_of(
    st.binary(max_size=600),
    st.tuples(st.sampled_from([b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE,
                               codecs.BOM_UTF32_LE]), st.binary(max_size=300)).map(b"".join),
    _json_rows,
    _csv_like,
)  # fmt: skip


def _check(items):
    for item in items:
        assert isinstance(item, (Document, ReadFailure))
        if isinstance(item, Document):
            assert isinstance(item.text, str) and item.text.strip()
        else:
            assert item.message and str(item).startswith(item.source)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=_payload, suffix=st.sampled_from(SUFFIXES))
def test_any_bytes_in_any_kind_of_file(data, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(data)
        _check(list(iter_documents([str(path), tmp])))


@settings(max_examples=150, deadline=None)
@given(data=_payload)
def test_any_bytes_on_stdin(data):
    _check(list(iter_documents(["-"], stdin=io.BytesIO(data))))
