"""The README shows real output: its commands on bundled files are run and their output compared.

A fenced block of the README is a run of ``$ command`` lines, each followed by the output it
prints. A command is run here when it is a plain ``quotegraph ...`` invocation (no pipe,
redirection or placeholder) whose input files exist in a scratch directory holding the
repository's ``src`` and ``examples`` (commands of one block run in order, in one directory, so
``ingest ... --db news.db`` feeds the ``search --db news.db`` after it). Every line the README
shows must appear in the real output, in the same order; ``...`` marks lines left out, and a
duration ("in 0.3 s (39 articles/s)") may differ. So when the extractor's output changes, this
test names the README block to update.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"

# Commands that never run here: servers, network, PostgreSQL, and placeholders.
_NEVER = ("serve", "--urls", "postgresql", "ARTICLE_ID", "...", "kb import-wikidata")
_SHELL = re.compile(r"[|<>;&]")
_TIMING = re.compile(r"\b\d+(?:\.\d+)? ?s\b|\(\d[\d,]* articles/s\)")


@dataclass
class Example:
    line: int                      # 1-based line of the command in README.md
    argv: list[str]
    expected: list[str] = field(default_factory=list)
    compare: bool = True           # False when the README shows only some fields ("picked out")


def _blocks(text: str) -> list[list[Example]]:
    """The ``$ quotegraph`` examples of each fenced block, with the lines shown after each."""
    blocks: list[list[Example]] = []
    inside = False
    current: list[Example] = []
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("```"):
            if inside:
                blocks.append(current)
            inside, current = not inside, []
            continue
        if not inside:
            continue
        if line.startswith("$ "):
            command, _, comment = line[2:].partition("  #")
            command = command.strip()
            runnable = (command.startswith("quotegraph ") and not _SHELL.search(command)
                        and not any(word in command for word in _NEVER))
            current.append(Example(number, shlex.split(command) if runnable else [],
                                   compare=not re.search(r"picked out|\bcut\b", comment)))
        elif current:
            current[-1].expected.append(line.rstrip())
    return [b for b in blocks if b]


def _inputs_exist(argv: list[str], exists) -> bool:
    """Every argument that names a file (has a suffix or a slash, or follows ``--db``) exists,
    except what the command writes (``-o``, and the store ``ingest`` fills)."""
    written = ("-o", "--out", "--db") if argv[1:2] == ["ingest"] else ("-o", "--out")
    for prev, arg in zip(["", *argv], argv):
        if arg.startswith("-") or prev in written:
            continue
        if prev == "--db" or "/" in arg or re.search(r"\.[a-z]{2,5}(\.gz)?$", arg):
            if not exists(arg):
                return False
    return True


def _checkable(block: list[Example]) -> list[Example]:
    """The examples of a block that can run here: inputs in the repository's ``src`` or
    ``examples``, or written by an earlier example of the block (``--db``, ``-o``)."""
    made: set[str] = set()
    out = []
    for example in block:
        argv = example.argv
        if argv and _inputs_exist(argv, lambda a: a in made or (
                a.split("/")[0] in ("src", "examples") and (ROOT / a).exists())):
            out.append(example)
            made.update(b for a, b in zip(argv, argv[1:]) if a in ("--db", "-o"))
    return out


def _normal(line: str) -> str:
    return _TIMING.sub("<time>", line.rstrip())


def _missing(expected: list[str], actual: list[str]) -> str | None:
    """The first shown line not found in ``actual`` after the lines matched before it."""
    at = 0
    got = [_normal(a) for a in actual]
    for line in expected:
        want = _normal(line)
        if not want.strip() or want.strip() in ("...", "…"):
            continue
        try:
            at = got.index(want, at) + 1
        except ValueError:
            return line
    return None


def _scratch(tmp_path: Path) -> Path:
    for name in ("src", "examples"):
        (tmp_path / name).symlink_to(ROOT / name)
    return tmp_path


def _run(argv: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env["PYTHONPATH"] = str(ROOT / "src")
    return subprocess.run([sys.executable, "-m", "quotegraph", *argv[1:]], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


BLOCKS = _blocks(README.read_text(encoding="utf-8"))
CHECKED = [b for b in BLOCKS
           if any(e.compare and any(line.strip() for line in e.expected) for e in _checkable(b))]


def test_the_readme_has_examples_to_check():
    # A parser that found nothing would make the test below pass on any README.
    assert len(CHECKED) >= 5, [b[0].line for b in BLOCKS]


@pytest.mark.parametrize("block", CHECKED, ids=[f"README.md:{b[0].line}" for b in CHECKED])
def test_readme_block_shows_real_output(block, tmp_path):
    cwd = _scratch(tmp_path)
    for example in _checkable(block):
        done = _run(example.argv, cwd)
        if not example.compare or not any(line.strip() for line in example.expected):
            continue
        actual = done.stdout.splitlines() + done.stderr.splitlines()
        missing = _missing(example.expected, actual)
        assert missing is None, (
            f"README.md:{example.line}: `{' '.join(example.argv)}` no longer prints\n  {missing}\n"
            f"it prints:\n" + "\n".join(actual[:60]))


def test_the_demo_summary_in_the_readme_is_what_demo_prints(tmp_path):
    done = _run(["quotegraph", "demo", "--no-serve"], _scratch(tmp_path))
    assert done.returncode == 0, done.stderr
    line = done.stdout.strip().splitlines()[-1]
    assert line.startswith("quotegraph: quotegraph-demo.db:")
    assert line in README.read_text(encoding="utf-8"), f"the README should show:\n{line}"
