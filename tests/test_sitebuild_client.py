"""The build step's API client against a real HTTP server on 127.0.0.1: it waits out
transient failures (timeouts, cut connections, 5xx) with growing pauses, and fails at once
with an error naming the URL when retrying cannot help (404, broken JSON). ``hub pull``
turns such an error into a non-zero exit with the URL on stderr."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections import defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from sitebuild.pull.client import ApiClient, ApiError

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 0.3
BACKOFF = 0.02
OK = {"ok": True}


class Script:
    """What the server answers, per path: a list of steps, one per request (the last one
    repeats). A step is ``(status, body)``, ``("sleep", seconds, status, body)`` (answer
    late), ``("cut", body)`` (promise more bytes than sent, then hang up)."""

    def __init__(self):
        self.steps: dict[str, list[tuple]] = {}
        self.seen: dict[str, list[float]] = defaultdict(list)
        self.lock = threading.Lock()

    def on(self, path: str, *steps: tuple) -> None:
        self.steps[path] = list(steps)

    def next_step(self, path: str) -> tuple:
        with self.lock:
            self.seen[path].append(time.monotonic())
            steps = self.steps.get(path) or [(404, {"message": "not found"})]
            return steps.pop(0) if len(steps) > 1 else steps[0]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):  # noqa: N802 - the name http.server calls
        step = self.server.script.next_step(self.path.split("?", 1)[0])
        if step[0] == "sleep":
            time.sleep(step[1])
            step = step[2:]
        if step[0] == "cut":
            body = _bytes(step[1])
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body) * 2))
            self.end_headers()
            self.wfile.write(body)
            self.wfile.flush()
            self.close_connection = True
            return
        status, body = step
        data = _bytes(body)
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        try:
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting (a timeout test)

    def log_message(self, *args):
        pass


def _bytes(body) -> bytes:
    return body if isinstance(body, bytes) else json.dumps(body).encode()


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a late answer to a client that timed out is expected here


@pytest.fixture
def server():
    """A scripted HTTP server on an ephemeral port: ``(script, base URL)``."""
    httpd = _Server(("127.0.0.1", 0), _Handler)
    httpd.script = Script()
    thread = threading.Thread(target=httpd.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield httpd.script, f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def client(server):
    _, url = server
    with ApiClient(url, timeout=TIMEOUT, retries=3, backoff=BACKOFF) as api:
        yield api


def free_port() -> int:
    """A port nothing listens on (bound once, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def pauses(times: list[float]) -> list[float]:
    return [b - a for a, b in zip(times, times[1:], strict=False)]


# Transient failures are retried --------------------------------------------------------------


def test_a_late_answer_is_retried_and_then_succeeds(server, client):
    script, _ = server
    script.on("/api/v2/manifest/", ("sleep", TIMEOUT * 3, 200, {"late": True}), (200, OK))

    assert client.get("manifest/") == OK
    assert len(script.seen["/api/v2/manifest/"]) == 2


def test_server_errors_are_retried_with_growing_pauses(server, client):
    script, _ = server
    script.on("/api/v2/stats/", (500, "Internal"), (502, "Bad gateway"), (503, "x"), (200, OK))

    assert client.get("stats/") == OK
    seen = script.seen["/api/v2/stats/"]
    assert len(seen) == 4
    for attempt, pause in enumerate(pauses(seen)):
        assert pause >= BACKOFF * 2**attempt * 0.9, (attempt, pauses(seen))


def test_a_connection_cut_mid_answer_is_retried(server, client):
    script, _ = server
    script.on("/api/v2/taxonomies/", ("cut", b'{"topics": [{"na'), (200, OK))

    assert client.get("taxonomies/") == OK
    assert len(script.seen["/api/v2/taxonomies/"]) == 2


def test_paging_follows_the_total_count(server, client):
    script, _ = server
    script.on(
        "/api/v2/cases/",
        (200, {"count": 3, "results": [{"n": 1}, {"n": 2}]}),
        (200, {"count": 3, "results": [{"n": 3}]}),
    )

    assert [i["n"] for i in client.paginate("cases/", page_size=2)] == [1, 2, 3]


# Failures that retrying cannot mend name the URL ----------------------------------------------


def test_a_server_that_keeps_failing_gives_up_after_the_retries(server, client):
    script, url = server
    script.on("/api/v2/stats/", (500, {"message": "trasig"}))

    with pytest.raises(ApiError) as error:
        client.get("stats/")

    assert f"{url}/api/v2/stats/" in str(error.value)
    assert "500" in str(error.value)
    assert len(script.seen["/api/v2/stats/"]) == client.retries + 1


def test_a_server_that_never_answers_in_time_gives_up_after_the_retries(server):
    script, url = server
    script.on("/api/v2/manifest/", ("sleep", TIMEOUT * 2, 200, OK))

    with (
        ApiClient(url, timeout=TIMEOUT / 3, retries=1, backoff=BACKOFF) as api,
        pytest.raises(ApiError) as error,
    ):
        api.get("manifest/")

    assert f"{url}/api/v2/manifest/" in str(error.value)
    assert "Timeout" in str(error.value)
    assert len(script.seen["/api/v2/manifest/"]) == 2


def test_not_found_fails_at_once_naming_the_url(server, client):
    script, url = server
    script.on("/api/v2/pages/99/", (404, {"message": "Sidan finns inte"}))

    with pytest.raises(ApiError) as error:
        client.get("pages/99/")

    assert f"{url}/api/v2/pages/99/" in str(error.value)
    assert "404" in str(error.value)
    assert "Sidan finns inte" in str(error.value)
    assert len(script.seen["/api/v2/pages/99/"]) == 1


@pytest.mark.parametrize("body", [b'{"items": [{"id": 1}, {"id"', b"<html>Proxyfel</html>", b""])
def test_a_body_that_is_not_json_fails_at_once_naming_the_url(server, client, body):
    script, url = server
    script.on("/api/v2/manifest/", (200, body))

    with pytest.raises(ApiError) as error:
        client.get("manifest/")

    assert f"{url}/api/v2/manifest/" in str(error.value)
    assert "JSON" in str(error.value)
    assert len(script.seen["/api/v2/manifest/"]) == 1


def test_an_unreachable_host_fails_naming_the_url():
    url = f"http://127.0.0.1:{free_port()}"
    started = time.monotonic()

    with ApiClient(url, timeout=TIMEOUT, retries=2, backoff=BACKOFF) as api:
        with pytest.raises(ApiError) as error:
            api.get("manifest/")
        assert api.requests == 3

    assert f"{url}/api/v2/manifest/" in str(error.value)
    assert time.monotonic() - started >= BACKOFF * (1 + 2)


# hub pull ------------------------------------------------------------------------------------


def hub(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "site")])}
    return subprocess.run(
        [sys.executable, "-m", "sitebuild", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=timeout,
    )


@pytest.mark.parametrize(
    "step", [(404, {"message": "not found"}), (200, b'{"items": [')], ids=["404", "broken-json"]
)
def test_hub_pull_fails_with_the_url_on_stderr(server, tmp_path, step):
    script, url = server
    script.on("/api/v2/manifest/", step)

    done = hub("pull", "--api", url, "--content", str(tmp_path / "content"), "--quiet")

    assert done.returncode != 0
    assert f"{url}/api/v2/manifest/" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "content" / ".data" / "state.json").exists()


@pytest.mark.slow
def test_hub_pull_from_an_unreachable_host_fails_with_the_url_on_stderr(tmp_path):
    url = f"http://127.0.0.1:{free_port()}"

    done = hub("pull", "--api", url, "--content", str(tmp_path / "content"), "--quiet")

    assert done.returncode != 0
    assert f"{url}/api/v2/manifest/" in done.stderr
    assert "Traceback" not in done.stderr


# The transport comes from the caller ---------------------------------------------------------


def test_without_a_url_the_client_uses_the_transport_it_is_given():
    seen = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(200, json=OK)

    with ApiClient(transport=httpx.MockTransport(answer)) as client:
        assert client.get("stats/") == OK

    assert seen == ["http://localhost/api/v2/stats/"]


def test_without_a_url_or_a_transport_the_client_refuses():
    with pytest.raises(TypeError, match="transport"):
        ApiClient()
