"""The reader's guards in process: which messages, which line numbers, which limits."""

from __future__ import annotations

import io

import pytest

from quotegraph.cli import main
from quotegraph.cli.inputs import _size
from quotegraph.model import Document
from quotegraph.read import ReadFailure, iter_documents
from quotegraph.read.corpus import iter_csv
from quotegraph.read.guard import check_document, lone_surrogate


def test_lone_surrogate_finds_high_and_low_halves_but_not_real_pairs():
    assert lone_surrogate("plain text, even emoji \U0001F600") is None
    assert lone_surrogate("ab\ud83dc") == "U+D83D at character 2"
    assert lone_surrogate("\udfff") == "U+DFFF at character 0"


def test_check_document_ignores_surrogate_escapes_in_the_path():
    # os.fsdecode turns an undecodable byte of a file name into a surrogate; that is fine.
    doc = Document(text="Trade grew, he said.", source="caf\udce9.txt")
    assert check_document(doc, max_bytes=None) is doc
    bad = Document(text="Trade grew, he said.", source="a.txt", outlet="x\udce9")
    assert isinstance(check_document(bad, max_bytes=None), ReadFailure)


def test_the_limit_counts_utf8_bytes_not_characters():
    doc = Document(text="é" * 600, source="a.txt")  # 600 characters, 1,200 bytes
    assert check_document(doc, max_bytes=1200) is doc
    failure = check_document(doc, max_bytes=1199)
    assert isinstance(failure, ReadFailure) and "1,200 bytes" in failure.message


def csv_items(data: bytes) -> list:
    return list(iter_csv(io.BytesIO(data), path="f.csv"))


def test_unterminated_quote_line_counts_with_crlf_and_without_a_last_newline():
    items = csv_items(b'id,text\r\n1,ok\r\n2,"a\r\nb"\r\n3,"never\r\nx\r\n')
    assert [i.source for i in items] == ["f.csv:2", "f.csv:3", "f.csv:5"]
    assert "line 5" in items[-1].message and "to line 6" in items[-1].message
    assert "2 row(s)" in items[-1].message
    (first, last) = csv_items(b'text\nok\n"open')
    assert isinstance(first, Document) and last.source == "f.csv:3"


def test_a_quote_closed_on_the_last_line_is_not_unterminated():
    items = csv_items(b'text\n"one\ntwo"')
    assert [type(i) for i in items] == [Document] and items[0].text == "one\ntwo"


def test_big_html_and_feed_files_are_refused_before_they_are_opened(tmp_path):
    page = tmp_path / "p.html"
    page.write_text("<html><body>" + "<p>Words, he said.</p>" * 100 + "</body></html>")
    feed = tmp_path / "f.rss"
    feed.write_text("<rss>" + " " * 3000 + "</rss>")
    items = list(iter_documents([page, feed], max_bytes=1000))
    assert [i.source for i in items] == [str(page), str(feed)]
    assert all(isinstance(i, ReadFailure) and "limit of 1,000" in i.message for i in items)


@pytest.mark.parametrize(("text", "size"), [("5000", 5000), ("512K", 512 * 1024),
                                            ("5M", 5 * 2**20), ("1.5mb", int(1.5 * 2**20)),
                                            ("0", 0)])
def test_sizes(text, size):
    assert _size(text) == size


def test_an_extraction_error_costs_one_document(tmp_path, monkeypatch, capsys):
    import quotegraph.pipeline as pipeline

    real = pipeline.make_extractor

    def fragile(**kw):
        extract = real(**kw)

        def run(doc):
            if "explode" in doc.text:
                raise ValueError("boom")
            return extract(doc)
        return run

    monkeypatch.setattr(pipeline, "make_extractor", fragile)
    a = tmp_path / "a.txt"
    a.write_text("This will explode, Lavrov said.")
    b = tmp_path / "b.txt"
    b.write_text("The border will reopen, Kulubaev said.")
    assert main(["extract", "--no-kb", "--format", "jsonl", str(a), str(b)]) == 1
    out, err = capsys.readouterr()
    assert f"{a}: cannot extract or print (ValueError: boom)" in err
    assert str(b) in out and str(a) not in out


def test_a_jsonl_line_over_the_limit_is_skipped_and_the_line_count_stays_right():
    from quotegraph.read.corpus import iter_jsonl

    long_row = b'{"text": "' + b"x" * (3 * 2**20) + b'"}\n'
    data = b'{"text": "First, he said."}\n' + long_row + long_row.rstrip(b"\n") + b"\n\n" \
        + b'{"text": "Last, he said."}'
    items = list(iter_jsonl(io.BytesIO(data), path="f.jsonl", max_bytes=2**20))
    assert [i.source for i in items] == ["f.jsonl:1", "f.jsonl:2", "f.jsonl:3", "f.jsonl:5"]
    assert [type(i) for i in items] == [Document, ReadFailure, ReadFailure, Document]
    assert f"{len(long_row):,} bytes" in items[1].message
    assert items[3].text == "Last, he said."
