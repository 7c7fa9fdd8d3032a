"""What ``quotegraph extract`` loads: only what extracting needs.

numpy (clustering) and the network stack (fetching URLs) once came in with every start-up and
added a third to the peak memory of a plain extraction. The CLI runs here as a user runs it, in
a fresh interpreter, and reports the modules it ended with.
"""

from __future__ import annotations

import json
import subprocess
import sys

ARTICLE = ("ASTANA, 4 May - Kazakhstan will open two new rail crossings to China next year, "
           "Transport Minister Nurlan Sauranbayev said on Thursday.\n\n"
           "“The corridor is already full,” Sauranbayev told reporters.\n")

# Runs ``quotegraph extract`` in-process, then writes which heavy modules were imported to the
# file named first on its command line.
PROBE = """
import json, sys
from quotegraph.cli import main
report, args = sys.argv[1], sys.argv[2:]
try:
    code = main(args)
finally:
    heavy = ["numpy", "urllib.request", "http.client", "socket", "ssl", "email.message"]
    with open(report, "w") as f:
        json.dump([m for m in heavy if m in sys.modules], f)
sys.exit(code)
"""


def probe(tmp_path, *args: str) -> tuple[int, int, list[str]]:
    """(exit code, output lines, heavy modules loaded) of ``quotegraph ARGS``."""
    report = tmp_path / "modules.json"
    proc = subprocess.run([sys.executable, "-c", PROBE, str(report), *args],
                          capture_output=True, timeout=120)
    return proc.returncode, len(proc.stdout.splitlines()), json.loads(report.read_text())


def test_extracting_a_file_loads_neither_numpy_nor_the_network_stack(tmp_path):
    path = tmp_path / "kaz.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert probe(tmp_path, "extract", "--format", "jsonl", str(path)) == (0, 1, [])


def test_extracting_a_jsonl_corpus_loads_neither(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(json.dumps({"text": ARTICLE, "url": f"https://example.org/{i}"})
                              for i in range(3)) + "\n", encoding="utf-8")
    assert probe(tmp_path, "extract", "--format", "jsonl", str(path)) == (0, 3, [])


def test_fetching_still_imports_what_it_needs(tmp_path):
    # An unreachable URL: the fetcher must load urllib itself and report the failure per URL.
    code, lines, loaded = probe(tmp_path, "extract", "--format", "jsonl", "--retries", "0",
                                "--timeout", "2", "--no-fetch-cache", "http://127.0.0.1:9/x")
    assert (code, lines) == (1, 0)
    assert "urllib.request" in loaded
