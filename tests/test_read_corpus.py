"""JSONL and CSV corpora: one Document or ReadFailure per row, with the row's line."""

from __future__ import annotations

import codecs
import io
import json
import logging

import pytest

from quotegraph.model import Document
from quotegraph.read import ReadFailure, iter_documents
from quotegraph.read.corpus import iter_jsonl


def read(path, **kw):
    return list(iter_documents([str(path)], **kw))


def test_jsonl_rows_fields_and_line_numbers(tmp_path):
    path = tmp_path / "rows.jsonl"
    rows = [
        {"text": "First article.", "title": " Talks resume ", "date": "2023-08-19T10:00:00Z",
         "url": "https://example.org/1", "outlet": "TASS"},
        None,  # a blank line
        {"body": "Second article.", "headline": "Second", "published": "19 August 2023",
         "link": "https://example.org/2", "source": "BelTA"},
        {"content": "Third article.", "publication_date": "Aug 19, 2023", "publisher": "Reuters"},
    ]  # fmt: skip
    path.write_text("".join((json.dumps(r) if r else "   ") + "\n" for r in rows), encoding="utf-8")
    got = read(path)
    assert got == [
        Document(text="First article.", source=f"{path}:1", title="Talks resume", published="2023-08-19",
                 outlet="TASS", url="https://example.org/1"),
        Document(text="Second article.", source=f"{path}:3", title="Second", published="2023-08-19",
                 outlet="BelTA", url="https://example.org/2"),
        Document(text="Third article.", source=f"{path}:4", published="2023-08-19", outlet="Reuters"),
    ]  # fmt: skip


def test_text_is_kept_exactly_as_in_the_row(tmp_path):
    text = "  Line one\r\nline two\u2028still the same row \u201cquoted\u201d\n"
    path = tmp_path / "exact.ndjson"
    path.write_text(json.dumps({"text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    (doc,) = read(path)
    assert doc.text == text


def test_bad_rows_fail_alone_and_the_file_goes_on(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        '{"text": "good one"}\n'
        '{"text": "unterminated\n'
        "[1, 2]\n"
        '{"title": "no text here"}\n'
        '{"text": 42}\n'
        '{"text": "   "}\n'
        '{"text": "good two"}\n',
        encoding="utf-8",
    )
    got = read(path)
    assert [(type(i).__name__, i.source) for i in got] == [
        ("Document", f"{path}:1"),
        ("ReadFailure", f"{path}:2"),
        ("ReadFailure", f"{path}:3"),
        ("ReadFailure", f"{path}:4"),
        ("ReadFailure", f"{path}:5"),
        ("ReadFailure", f"{path}:6"),
        ("Document", f"{path}:7"),
    ]
    assert got[1].message.startswith("not valid JSON (") and "column" in got[1].message
    assert got[2].message == "row is a JSON array, not an object"
    assert got[3].message == "no 'text' field (nor 'body' or 'content')"
    assert got[4].message == "field 'text' is int, not text"
    assert got[5].message == "field 'text' is empty"


def test_json_that_python_refuses_is_a_row_failure(tmp_path):
    path = tmp_path / "extreme.jsonl"
    path.write_text('{"text": "a", "n": ' + "1" * 5000 + '}\n' + "[" * 100_000 + '\n{"text": "b"}\n')
    got = read(path)
    assert [type(i).__name__ for i in got] == ["ReadFailure", "ReadFailure", "Document"]
    assert got[0].message.startswith("not readable JSON (Exceeds the limit")
    assert got[1].message == "not valid JSON (nested too deeply)"


def test_custom_text_field_has_no_fallbacks(tmp_path):
    path = tmp_path / "custom.jsonl"
    path.write_text('{"article": "From article."}\n{"text": "Only text."}\n', encoding="utf-8")
    got = read(path, text_field="article")
    assert got[0].text == "From article."
    assert got[1] == ReadFailure(f"{path}:2", "no 'article' field")


def test_unparseable_date_is_dropped_with_a_warning(tmp_path, caplog):
    path = tmp_path / "dates.jsonl"
    path.write_text('{"text": "x", "date": "sometime last spring"}\n', encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="quotegraph.read"):
        (doc,) = read(path)
    assert doc.published is None
    assert any(f"{path}:1" in r.getMessage() and "sometime" in r.getMessage() for r in caplog.records)


def test_jsonl_encodings(tmp_path, caplog):
    bom = tmp_path / "bom.jsonl"
    bom.write_bytes(codecs.BOM_UTF8 + b'{"text": "with bom"}\n')
    u16 = tmp_path / "u16.jsonl"
    u16.write_bytes(codecs.BOM_UTF16_LE + '{"text": "caf\u00e9"}\r\n{"text": "two"}\r\n'.encode("utf-16-le"))
    legacy = tmp_path / "legacy.jsonl"
    legacy.write_bytes('{"text": "ok"}\n{"text": "caf\u00e9 \u2014 cp1252"}\n'.encode("cp1252"))
    with caplog.at_level(logging.WARNING, logger="quotegraph.read"):
        got = read(bom) + read(u16) + read(legacy)
    assert [d.text for d in got] == ["with bom", "caf\u00e9", "two", "ok", "caf\u00e9 \u2014 cp1252"]
    assert [d.source for d in got][1:3] == [f"{u16}:1", f"{u16}:2"]
    assert any(f"{legacy}:2" in r.getMessage() for r in caplog.records)


def test_broken_utf16_corpus_keeps_its_good_rows(tmp_path, caplog):
    path = tmp_path / "broken16.jsonl"
    body = '{"text": "one"}\n{"text": "t\ud800wo"}\n{"text": "three"}\n'
    path.write_bytes(codecs.BOM_UTF16_LE + body.encode("utf-16-le", errors="surrogatepass"))
    with caplog.at_level(logging.WARNING, logger="quotegraph.read"):
        got = read(path)
    assert [d.text for d in got] == ["one", "t\ufffdwo", "three"]
    assert any(f"{path}:2" in r.getMessage() for r in caplog.records)


def test_jsonl_is_streamed_not_slurped():
    class CountingBytes(io.BytesIO):
        consumed = 0

        def read(self, n=-1):
            data = super().read(n)
            CountingBytes.consumed += len(data)
            return data

        def readinto(self, b):
            n = super().readinto(b)
            CountingBytes.consumed += n
            return n

    row = json.dumps({"text": "An article body. " * 50}) + "\n"
    raw = CountingBytes((row * 20_000).encode())  # about 17 MB
    first = next(iter_jsonl(raw, path="big.jsonl"))
    assert first.source == "big.jsonl:1"
    assert CountingBytes.consumed < 200_000


def test_csv_rows_with_multiline_texts_report_the_record_start(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_bytes(
        b"title,text,date,url\r\n"
        b'One,"Single line.",2023-08-19,https://example.org/1\r\n'
        b'Two,"First line,\r\nsecond line\r\nthird line.",19 August 2023,\r\n'
        b"\r\n"
        b'Three,"After a blank line.",,\r\n'
    )
    got = read(path)
    assert [(d.source, d.title, d.text, d.published, d.url) for d in got] == [
        (f"{path}:2", "One", "Single line.", "2023-08-19", "https://example.org/1"),
        (f"{path}:3", "Two", "First line,\r\nsecond line\r\nthird line.", "2023-08-19", None),
        (f"{path}:7", "Three", "After a blank line.", None, None),
    ]


def test_csv_without_the_text_column_fails_once(tmp_path):
    path = tmp_path / "nocol.csv"
    path.write_text("title,date\nA,2023-01-01\nB,2023-01-02\n", encoding="utf-8")
    assert read(path) == [
        ReadFailure(f"{path}:1", "no 'text' or 'body' or 'content' column in the header (columns: title, date)")
    ]


def test_csv_short_row_and_utf8_bom_header_and_body_column(tmp_path):
    path = tmp_path / "short.csv"
    path.write_bytes(codecs.BOM_UTF8 + b"title,body\nOnly a title\nT,Real body.\n")
    got = read(path)
    assert got[0] == ReadFailure(f"{path}:2", "no 'text' field (nor 'body' or 'content')")
    assert got[1].text == "Real body." and got[1].source == f"{path}:3"


def test_csv_long_field_beyond_the_default_limit(tmp_path):
    body = "The delegation discussed transit. " * 10_000  # 340 KB, above csv's 128 KB default
    path = tmp_path / "long.csv"
    path.write_text(f'text\n"{body}"\n', encoding="utf-8")
    (doc,) = read(path)
    assert doc.text == body


def test_tsv(tmp_path):
    path = tmp_path / "rows.tsv"
    path.write_text("text\toutlet\nA tab-separated row.\tKazinform\n", encoding="utf-8")
    (doc,) = read(path)
    assert (doc.text, doc.outlet, doc.source) == ("A tab-separated row.", "Kazinform", f"{path}:2")


@pytest.mark.parametrize(("suffix", "data"), [(".csv", b""), (".csv", b"\n\n"), (".jsonl", b"")])
def test_empty_corpora(tmp_path, suffix, data):
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(data)
    got = read(path)
    if suffix == ".csv":
        assert got == [ReadFailure(str(path), "empty file")]
    else:
        assert got == []  # no rows, nothing to report


def test_csv_with_a_nul_byte_fails_that_row_only(tmp_path):
    path = tmp_path / "nul.csv"
    path.write_bytes(b'text\n"good one"\nbad\x00row\n"good two"\n')
    got = read(path)
    assert [type(i).__name__ for i in got] in (
        ["Document", "ReadFailure", "Document"],
        ["Document", "Document", "Document"],  # newer csv modules accept NUL
    )
    assert got[0].text == "good one" and got[-1].text == "good two"
