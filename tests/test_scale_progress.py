"""quotegraph run shows partitions done on a terminal (or with --progress), keeps Dask's INFO
logs off unless -v, and prints the dashboard link once."""

import json
import os
import pty
import select
import subprocess
import sys

import pytest

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

from test_scale_tables import cli, story  # noqa: E402


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "ships.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for i in range(90):
            f.write(json.dumps(story(i)) + "\n")
    return path


def test_progress_flag_on_a_pipe(corpus, tmp_path):
    r = cli("run", "--dask", "local", str(corpus), "--out", str(tmp_path / "o"),
            "--partition-size", "30", "--progress")
    assert r.returncode == 0, r.stderr
    lines = r.stderr.replace("\r", "\n").split("\n")
    counts = [x for x in lines if x.endswith("partitions done")]
    assert counts[-1] == "quotegraph: 3/3 partitions done"
    assert [x.split()[1] for x in counts] == ["1/3", "2/3", "3/3"]
    assert "INFO" not in r.stderr
    assert r.stdout.count("dashboard") == 1


def test_progress_on_a_terminal_without_the_flag(corpus, tmp_path):
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "quotegraph", "run", "--dask", "local",
                             str(corpus), "--out", str(tmp_path / "o"), "--partition-size", "45"],
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    seen = b""
    while True:
        ready, _, _ = select.select([master], [], [], 120)
        if not ready:
            break
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    out, _ = proc.communicate(timeout=60)
    os.close(master)
    text = seen.decode()
    assert proc.returncode == 0, text
    assert "\rquotegraph: 2/2 partitions done" in text
    assert "INFO" not in text
    assert out.decode().count("dashboard") == 1


def test_verbose_lets_dask_logs_through(corpus, tmp_path):
    r = cli("-v", "run", "--dask", "local", str(corpus), "--out", str(tmp_path / "o"),
            "--partition-size", "90")
    assert r.returncode == 0, r.stderr
    assert "distributed.worker - INFO" in r.stderr
    assert "partitions done" not in r.stderr
    assert r.stdout.count("dashboard") == 1
