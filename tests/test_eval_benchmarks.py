"""The benchmark scripts run end to end: accuracy with a stand-in engine, speed on tiny corpora."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "benchmarks"
POLNEAR = REPO.parent / "shared" / "polnear"

# Finds straight-quoted words only, with no speaker: a deliberately weak engine, so the
# figures below are known without depending on the real one.
QUOTES_ONLY = '''
import re
from quotegraph.model import Article, Statement

def extract(text, *, source=None, **_):
    found = tuple(
        Statement(kind="direct", start=m.start(1), end=m.end(1), text=m.group(1),
                  speaker=None, cue=None, rule="quotes-only")
        for m in re.finditer(r'"([^"\\n]+?),?"', text))
    return Article(text=text, source=source, statements=found)
'''

ARTICLE = (
    'Ministers meet in Baku\n\nBAKU, June 3 (Trend) - The talks on the new road were "useful and long," '
    'Foreign Minister Ilham Aliyev said on Monday. "We agreed on the route," he added.\n'
    'He said the border would open in autumn.\n'
)
RECORD = """\
id: a1
outlet: Trend
published: 2024-06-03
statements:
  - kind: mixed
    content: The talks on the new road were "useful and long,"
    speaker: Ilham Aliyev
    mention: Foreign Minister Ilham Aliyev
  - kind: direct
    content: We agreed on the route,
    speaker: Ilham Aliyev
    mention: he
  - kind: indirect
    content: the border would open in autumn
    speaker: Ilham Aliyev
    mention: He
"""


def run(script: str, *args: str, engine_dir: Path | None = None) -> subprocess.CompletedProcess:
    env = None
    if engine_dir is not None:
        import os

        env = {**os.environ, "PYTHONPATH": str(engine_dir)}
    return subprocess.run([sys.executable, str(BENCH / script), *args], capture_output=True,
                          text=True, timeout=120, env=env, check=False)


@pytest.fixture
def gold_and_engine(tmp_path: Path) -> tuple[Path, Path]:
    gold = tmp_path / "gold" / "articles"
    gold.mkdir(parents=True)
    (gold / "a1.txt").write_text(ARTICLE, encoding="utf-8")
    (gold / "a1.yaml").write_text(RECORD, encoding="utf-8")
    (tmp_path / "quotes_only.py").write_text(QUOTES_ONLY, encoding="utf-8")
    return tmp_path / "gold", tmp_path


def test_accuracy_json(gold_and_engine):
    gold, engine_dir = gold_and_engine
    out = run("accuracy.py", "--gold", str(gold), "--split", "none", "--json", "--errors", "2",
              "--engine", "quotes_only:extract", engine_dir=engine_dir)
    assert out.returncode == 0, out.stderr
    d = json.loads(out.stdout)
    g = d["gold"]
    # predictions: "useful and long" (inside the mixed span, but under half of it) and
    # "We agreed on the route"
    assert (g["predicted"], g["correct"], g["gold"], g["found"]) == (2, 2, 3, 1)
    assert g["by_kind"]["direct"]["recall"] == 1.0 and g["by_kind"]["mixed"]["recall"] == 0.0
    assert g["speaker_accuracy"] == 0.0 and g["published_accuracy"] == 0.0
    issues = {(i["what"], i["kind"]) for i in g["worst"][0]["issues"]}
    assert issues == {("miss", "mixed"), ("miss", "indirect"), ("speaker", "direct")}
    assert "polnear_dev" not in d


def test_accuracy_table_and_errors(gold_and_engine):
    gold, engine_dir = gold_and_engine
    out = run("accuracy.py", "--gold", str(gold), "--split", "dev", "--limit", "3",
              "--polnear", str(gold / "absent"), "--errors", "1",
              "--engine", "quotes_only:extract", engine_dir=engine_dir)
    assert out.returncode == 0, out.stderr
    assert "invented set                1         2      3  1.000  0.333  0.500" in out.stdout
    assert "real-news set skipped" in out.stdout
    assert "PolNeAR skipped" in out.stdout
    assert "== gold: the 1 worst articles ==" in out.stdout
    assert "'the border would open in autumn'" in out.stdout


def test_accuracy_reports_each_real_news_set_in_order(gold_and_engine):
    gold, engine_dir = gold_and_engine
    for folder in ("real", "real_holdout"):
        (gold / folder).mkdir()
        for name in ("a1.txt", "a1.yaml"):
            (gold / folder / name).write_bytes((gold / "articles" / name).read_bytes())
    # the held-out copy keeps only the first two statements, so its figures differ
    (gold / "real_holdout" / "a1.yaml").write_text(RECORD.split("  - kind: indirect")[0],
                                                   encoding="utf-8")
    args = ("--gold", str(gold), "--split", "none", "--engine", "quotes_only:extract")
    d = json.loads(run("accuracy.py", *args, "--json", engine_dir=engine_dir).stdout)
    assert list(d) == ["real", "real_holdout", "gold", "skipped"]
    assert (d["real"]["gold"], d["real_holdout"]["gold"]) == (3, 2)  # each set scored on its own
    out = run("accuracy.py", *args, engine_dir=engine_dir).stdout
    rows = [line.split("  ")[0] for line in out.splitlines()[1:4]]
    assert rows == ["real news", "real news, held out", "invented set"]
    assert "real news, held out by kind" in out and "real-news set skipped" not in out


def test_accuracy_reports_a_broken_gold_record(gold_and_engine):
    gold, engine_dir = gold_and_engine
    (gold / "articles" / "a1.yaml").write_text(RECORD.replace("autumn", "spring"))
    out = run("accuracy.py", "--gold", str(gold), "--split", "none",
              "--engine", "quotes_only:extract", engine_dir=engine_dir)
    assert out.returncode == 1
    assert "a1.yaml: statement 3" in out.stderr and "Traceback" not in out.stderr


@pytest.mark.skipif(not POLNEAR.is_dir(), reason="../shared/polnear is not beside the repository")
def test_accuracy_on_polnear_dev(gold_and_engine):
    gold, engine_dir = gold_and_engine
    out = run("accuracy.py", "--gold", str(gold), "--split", "dev", "--limit", "5", "--json",
              "--engine", "quotes_only:extract", engine_dir=engine_dir)
    assert out.returncode == 0, out.stderr
    dev = json.loads(out.stdout)["polnear_dev"]
    assert dev["articles"] == 5 and dev["gold"] > 20
    assert 0.5 < dev["precision"] <= 1.0 and 0.0 < dev["recall"] < 0.6
    assert dev["speaker_overlap"] == 0.0  # the stand-in names no speaker


def load_speed():
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))  # as when run as a script: its sibling shared_paths
    spec = importlib.util.spec_from_file_location("speed_bench", BENCH / "speed.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_speed_corpus_repeats_texts(tmp_path):
    speed = load_speed()
    path = tmp_path / "c.jsonl"
    size = speed.write_corpus(path, ["first «text»", "second"], 5)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [r["text"] for r in rows] == ["first «text»", "second"] * 2 + ["first «text»"]
    assert size == path.stat().st_size
    cmd = speed.cli_command(path, pin=True)
    assert cmd[-4:] == ["extract", str(path), "--format", "jsonl"]


@pytest.mark.skipif(importlib.util.find_spec("quotegraph.cli.extract") is None,
                    reason="the quotegraph extract command is not written yet")
def test_speed_runs_the_cli_and_reads_peak_memory():
    out = run("speed.py", "--sizes", "4,8", "--in-process", "4", "--json")
    report = json.loads(out.stdout)
    assert report["corpus"]["distinct_texts"] > 0
    assert [r["articles"] for r in report["runs"]] == [4, 8]
    for r in report["runs"]:
        assert "error" not in r, r["error"]
        assert r["articles_per_s"] > 0 and r["mb"] > 0
        assert 5 < r["peak_rss_mb"] < 2000  # a real Python process, in MB, not KB or bytes
    assert report["in_process"]["articles"] == 4
    assert out.returncode == 0


def test_benchmarks_find_the_shared_folder_from_the_environment(tmp_path, monkeypatch):
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    import shared_paths

    (tmp_path / "polnear").mkdir()
    monkeypatch.setenv("QUOTEGRAPH_SHARED", str(tmp_path))
    assert shared_paths.polnear_dir() == tmp_path / "polnear"
    monkeypatch.setenv("QUOTEGRAPH_SHARED", str(tmp_path / "absent"))
    beside = shared_paths.REPO.parent / "shared"
    if (beside / "polnear").is_dir():  # (as in CI): a folder without PolNeAR is passed over
        assert shared_paths.shared_dir() == beside


def test_instruction_counts_are_read_from_cachegrinds_summary():
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    import instructions

    stderr = ("==41== Cachegrind, a cache and branch-prediction profiler\n==41== \n"
              "==41== I   refs:      15,452,098,215\n")
    assert instructions.instruction_refs(stderr) == 15_452_098_215
    with pytest.raises(ValueError, match="I refs"):
        instructions.instruction_refs("==41== valgrind: failed to start tool 'cachegrind'\n")
