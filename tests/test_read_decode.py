"""Decoding files as they arrive: every encoding written as bytes to a temporary file."""

from __future__ import annotations

import codecs
import logging

import pytest

from quotegraph.model import Document
from quotegraph.read import ReadFailure, iter_documents
from quotegraph.read.decode import DecodeError, decode_bytes, looks_binary

TEXT = "MINSK, 3 March (BelTA) - The minister said \u201ctrade grew\u201d in Gomel\u2019s region.\r\nCaf\u00e9 \u2014 \u00fcber."


def read_one(path) -> Document | ReadFailure:
    (item,) = list(iter_documents([str(path)]))
    return item


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("utf8", TEXT.encode("utf-8")),
        ("utf8-bom", codecs.BOM_UTF8 + TEXT.encode("utf-8")),
        ("utf16-le-bom", codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le")),
        ("utf16-be-bom", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be")),
        ("utf16-native", TEXT.encode("utf-16")),
        ("utf32-le-bom", codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le")),
    ],
)
def test_unicode_encodings_decode_to_the_same_text(tmp_path, name, data):
    path = tmp_path / f"{name}.txt"
    path.write_bytes(data)
    doc = read_one(path)
    assert isinstance(doc, Document)
    assert doc.text == TEXT  # BOM dropped, \r\n kept: offsets are into exactly this
    assert doc.source == str(path)


def test_cp1252_falls_back_with_a_warning_naming_the_file(tmp_path, caplog):
    text = "The minister\u2019s \u201cfinal\u201d offer \u2014 caf\u00e9"
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode("cp1252"))
    with caplog.at_level(logging.WARNING, logger="quotegraph.read"):
        doc = read_one(path)
    assert isinstance(doc, Document) and doc.text == text
    assert any(str(path) in r.getMessage() and "cp1252" in r.getMessage() for r in caplog.records)


def test_bytes_undefined_in_cp1252_fall_back_to_latin1(tmp_path, caplog):
    path = tmp_path / "latin.txt"
    path.write_bytes(b"Text with \x81 and \xe9 in it")
    with caplog.at_level(logging.WARNING, logger="quotegraph.read"):
        doc = read_one(path)
    assert isinstance(doc, Document)
    assert doc.text == "Text with \x81 and \u00e9 in it"
    assert any("latin-1" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 4,  # NUL bytes
        b"%PDF-1.4\n\x00\x01\x02 binary stream",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        bytes([1, 2, 3, 4, 5, 6, 14, 15, 16]) * 50 + b" some text",  # control bytes, no NUL
        "utf-16 without a BOM".encode("utf-16-le"),  # NUL bytes and no BOM: not text we know
    ],
)
def test_binary_files_are_refused(tmp_path, data):
    path = tmp_path / "blob.txt"
    path.write_bytes(data)
    assert read_one(path) == ReadFailure(str(path), "looks like a binary file")


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", codecs.BOM_UTF8, codecs.BOM_UTF16_LE + " \n".encode("utf-16-le")])
def test_empty_files(tmp_path, data):
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    assert read_one(path) == ReadFailure(str(path), "empty file")


def test_broken_utf16_keeps_the_text_with_a_replacement_and_a_warning(tmp_path, caplog):
    path = tmp_path / "odd.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + "ab".encode("utf-16-le") + b"\x00\xd8" + "cd".encode("utf-16-le"))
    with caplog.at_level(logging.WARNING, logger="quotegraph.read"):
        item = read_one(path)
    assert isinstance(item, Document) and item.text == "ab\ufffdcd"
    assert any(str(path) in r.getMessage() and "U+FFFD" in r.getMessage() for r in caplog.records)


def test_decode_error_is_a_read_error_with_the_source():
    from quotegraph.errors import ReadError

    with pytest.raises(ReadError, match=r"^a\.txt: empty file$") as info:
        decode_bytes(b"  ", source="a.txt")
    assert isinstance(info.value, DecodeError) and info.value.reason == "empty file"


@pytest.mark.parametrize(
    ("sample", "binary"),
    [(b"", False), (b"plain text\n", False), (b"tab\tand\x0cform feed\r\n", False),
     (b"\x1b[1mbold\x1b[0m terminal text", False), (b"a\x00b", True), (bytes(range(1, 32)) * 3, True)],
)  # fmt: skip
def test_looks_binary(sample, binary):
    assert looks_binary(sample) is binary


def test_ten_megabyte_single_line_file(tmp_path):
    text = "The envoy said the talks would continue next week. " * 200_000
    path = tmp_path / "big.txt"
    path.write_bytes(text.encode("utf-8"))
    doc = read_one(path)
    assert isinstance(doc, Document) and len(doc.text) == len(text) and doc.text == text
