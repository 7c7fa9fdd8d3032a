"""``quotegraph serve`` and ``quotegraph demo`` as real subprocesses."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from test_web_fixtures import build_db

from quotegraph.cli.serve import SAMPLES_DIR

SAMPLE = (
    "Minister expects the border crossing to reopen\n\n"
    "ARDEN, March 3, 2023. /Northwire/. Foreign minister Irina Valko said on Friday that the "
    "border crossing with Kazakhstan would reopen next week.\n\n"
    "\"We expect trucks to move again by Monday,\" Valko told reporters.\n"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(*args: str, cwd: Path | None = None, env: dict | None = None, timeout: int = 120):
    return subprocess.run([sys.executable, "-m", "quotegraph", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout)


class Server:
    """A ``quotegraph`` server subprocess; waits for its URL line, stopped by its own pid."""

    def __init__(self, *args: str, cwd: Path | None = None, env: dict | None = None):
        self.proc = subprocess.Popen([sys.executable, "-m", "quotegraph", *args], cwd=cwd, env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.lines: list[str] = []

    def wait_for_url(self, timeout: float = 60) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            line = self.proc.stdout.readline()
            if not line:
                if self.proc.poll() is not None:
                    raise AssertionError(f"server exited: {self.proc.stderr.read()}")
                continue
            self.lines.append(line)
            m = re.search(r"serving on (http://\S+/)", line)
            if m:
                return m.group(1)
        raise AssertionError(f"no URL printed: {self.lines}")

    def get(self, url: str, tries: int = 100) -> bytes:
        for _ in range(tries):
            try:
                with urllib.request.urlopen(url, timeout=5) as r:
                    return r.read()
            except urllib.error.URLError:
                time.sleep(0.1)
        raise AssertionError(f"{url} never answered")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc.stdout.close()
        self.proc.stderr.close()


def test_serve_prints_its_url_and_serves_the_database(tmp_path):
    db = build_db(tmp_path / "t.db", with_xss=False)
    port = _free_port()
    server = Server("serve", "--db", str(db), "--port", str(port))
    try:
        url = server.wait_for_url()
        assert url == f"http://127.0.0.1:{port}/"
        stats = json.loads(server.get(url + "api/stats"))
        assert stats["articles"] == 30
        assert b"quotegraph" in server.get(url)
        req = urllib.request.Request(url + "api/ingest", data=b"[]", method="POST",
                                     headers={"Content-Type": "application/json"})
        with pytest.raises(urllib.error.HTTPError) as e:
            urllib.request.urlopen(req, timeout=5)
        assert e.value.code == 403  # read-only without --write-token-env
    finally:
        server.stop()


def test_serve_with_write_token_from_the_environment(tmp_path):
    db = build_db(tmp_path / "t.db", with_xss=False)
    port = _free_port()
    token = "cli-test-token-0123456789abcdef"
    env = {**os.environ, "QG_TEST_TOKEN": token}
    server = Server("serve", "--db", str(db), "--port", str(port), "--write-token-env", "QG_TEST_TOKEN", env=env)
    try:
        url = server.wait_for_url()
        server.get(url + "api/stats")
        body = json.dumps([{"text": SAMPLE}]).encode()
        req = urllib.request.Request(url + "api/ingest", data=body, method="POST", headers={
            "Content-Type": "application/json", "Authorization": f"Bearer {token}"})
        with urllib.request.urlopen(req, timeout=60) as r:
            assert json.loads(r.read())["added"] == 1
    finally:
        server.stop()


def test_serve_refuses_a_missing_token_variable_or_database(tmp_path):
    db = build_db(tmp_path / "t.db", with_xss=False)
    env = {k: v for k, v in os.environ.items() if k != "QG_UNSET_TOKEN"}
    r = run("serve", "--db", str(db), "--write-token-env", "QG_UNSET_TOKEN", env=env)
    assert r.returncode == 1 and "QG_UNSET_TOKEN" in r.stderr
    r = run("serve", "--db", str(tmp_path / "absent.db"))
    assert r.returncode == 1 and "no database" in r.stderr
    assert not (tmp_path / "absent.db").exists()


def test_demo_no_serve_ingests_into_the_current_directory(tmp_path):
    samples = tmp_path / "samples"
    samples.mkdir()
    (samples / "one.txt").write_text(SAMPLE, encoding="utf-8")
    r = run("demo", "--samples", str(samples), "--no-serve", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "1 added" in r.stdout and "now 1 articles" in r.stdout
    assert (tmp_path / "quotegraph-demo.db").exists()
    again = run("demo", "--samples", str(samples), "--no-serve", cwd=tmp_path)
    assert "0 added" in again.stdout and "1 unchanged" in again.stdout


def test_demo_serves_after_ingesting(tmp_path):
    samples = tmp_path / "samples"
    samples.mkdir()
    (samples / "one.txt").write_text(SAMPLE, encoding="utf-8")
    port = _free_port()
    server = Server("demo", "--samples", str(samples), "--db", str(tmp_path / "d.db"),
                    "--port", str(port), cwd=tmp_path)
    try:
        url = server.wait_for_url()
        assert any("1 added" in line for line in server.lines)
        assert json.loads(server.get(url + "api/stats"))["articles"] == 1
    finally:
        server.stop()


def test_demo_without_samples_is_a_clear_error(tmp_path):
    r = run("demo", "--samples", str(tmp_path / "none"), "--no-serve", cwd=tmp_path)
    assert r.returncode == 1 and "no sample articles" in r.stderr


@pytest.mark.skipif(not SAMPLES_DIR.is_dir(), reason="the bundled sample corpus is not there yet")
def test_demo_loads_the_bundled_samples(tmp_path):
    r = run("demo", "--no-serve", "--db", str(tmp_path / "d.db"), timeout=300)
    assert r.returncode == 0, r.stderr
    m = re.search(r"now (\d+) articles, (\d+) statements", r.stdout)
    assert m and int(m.group(1)) > 0 and int(m.group(2)) > 0, r.stdout
