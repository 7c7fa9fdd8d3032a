"""Paths to Documents: plain files, directories, stdin, and every way a path can be bad."""

from __future__ import annotations

import io
import os

import pytest

from quotegraph.model import Document
from quotegraph.read import ReadFailure, iter_documents
from quotegraph.read import sources


def texts(items):
    return [(i.source, i.text) if isinstance(i, Document) else (i.source, i.message) for i in items]


def test_plain_files_in_input_order_with_any_extension(tmp_path):
    (tmp_path / "b.txt").write_text("Second file.", encoding="utf-8")
    (tmp_path / "a.html").write_text("First file.", encoding="utf-8")
    (tmp_path / "c").write_text("No extension.", encoding="utf-8")
    paths = [str(tmp_path / "b.txt"), str(tmp_path / "a.html"), str(tmp_path / "c")]
    assert texts(iter_documents(paths)) == [
        (paths[0], "Second file."),
        (paths[1], "First file."),
        (paths[2], "No extension."),
    ]


def test_directories_are_walked_sorted_and_recursively_without_hidden_entries(tmp_path):
    root = tmp_path / "corpus"
    (root / "2023" / "08").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main")
    (root / ".notes.txt").write_text("hidden")
    (root / "b.txt").write_text("B")
    (root / "a.txt").write_text("A")
    (root / "2023" / "08" / "z.txt").write_text("Z")
    (root / "2023" / "rows.jsonl").write_text('{"text": "row one"}\n{"text": "row two"}\n')
    got = texts(iter_documents([str(root)]))
    j = os.path.join
    assert got == [
        (j(str(root), "2023", "08", "z.txt"), "Z"),
        (j(str(root), "2023", "rows.jsonl") + ":1", "row one"),
        (j(str(root), "2023", "rows.jsonl") + ":2", "row two"),
        (j(str(root), "a.txt"), "A"),
        (j(str(root), "b.txt"), "B"),
    ]


def test_a_hidden_file_named_explicitly_is_read(tmp_path):
    path = tmp_path / ".draft.txt"
    path.write_text("Draft text.")
    assert texts(iter_documents([str(path)])) == [(str(path), "Draft text.")]


def test_directory_walk_is_lazy(tmp_path, monkeypatch):
    for name in "abc":
        (tmp_path / f"{name}.txt").write_text(name.upper())
    opened = []
    real_read_path = sources._read_path

    def spy(path, st, **kw):
        opened.append(path)
        yield from real_read_path(path, st, **kw)

    monkeypatch.setattr(sources, "_read_path", spy)
    it = iter_documents([str(tmp_path)])
    assert next(it).text == "A"
    assert opened == [str(tmp_path / "a.txt")]


def test_symlink_loop_is_read_once(tmp_path):
    (tmp_path / "a.txt").write_text("A")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert texts(iter_documents([str(tmp_path)])) == [(str(tmp_path / "a.txt"), "A")]


def test_stdin_reads_bytes_and_decodes():
    stdin = io.BytesIO("\ufeffMOSCOW, May 5. /TASS/. Text from a pipe.".encode("utf-8"))
    assert texts(iter_documents(["-"], stdin=stdin)) == [("-", "MOSCOW, May 5. /TASS/. Text from a pipe.")]


def test_stdin_defaults_to_sys_stdin_buffer(monkeypatch):
    class FakeStdin:
        buffer = io.BytesIO(b"From the real stdin.")

    monkeypatch.setattr(sources.sys, "stdin", FakeStdin)
    assert texts(iter_documents(["-"])) == [("-", "From the real stdin.")]


@pytest.mark.parametrize(("data", "expected"), [(b"", "empty file"), (b"\x00\x01\x02\x03", "looks like a binary file")])
def test_bad_stdin_is_a_failure(data, expected):
    assert list(iter_documents(["-"], stdin=io.BytesIO(data))) == [ReadFailure("-", expected)]


def test_missing_file_and_the_rest_of_the_batch_still_read(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Still read.")
    missing = str(tmp_path / "missing.txt")
    got = list(iter_documents([missing, str(good)]))
    assert got[0] == ReadFailure(missing, "No such file or directory")
    assert str(got[0]) == f"{missing}: No such file or directory"
    assert isinstance(got[1], Document) and got[1].text == "Still read."


def test_permission_denied_is_a_failure_with_the_os_reason(tmp_path, monkeypatch):
    # Tests may run as root, where chmod 000 does not stop a read: make open() refuse instead.
    path = tmp_path / "secret.txt"
    path.write_text("x")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(sources, "open", refuse, raising=False)
    assert list(iter_documents([str(path)])) == [ReadFailure(str(path), "Permission denied")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any directory")
def test_unreadable_directory(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        assert list(iter_documents([str(locked)])) == [ReadFailure(str(locked), "Permission denied")]
    finally:
        locked.chmod(0o755)


def test_devices_are_not_read():
    assert list(iter_documents(["/dev/null"])) == [
        ReadFailure("/dev/null", "a device, not a regular file: skipped")]


def test_pathlike_paths_are_accepted(tmp_path):
    path = tmp_path / "p.txt"
    path.write_text("Path object.")
    assert texts(iter_documents([path])) == [(str(path), "Path object.")]


def test_a_single_path_string_is_one_path(tmp_path):
    path = tmp_path / "one.txt"
    path.write_text("Just one.")
    assert texts(iter_documents(str(path))) == [(str(path), "Just one.")]
