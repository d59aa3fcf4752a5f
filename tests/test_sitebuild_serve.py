"""``hub serve`` answers from the build that is live now: after every swap of the
``site/build`` link, and after the build it served before has been removed."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

import pytest

from sitebuild.render import publish
from sitebuild.serve import server

NOT_FOUND = "<h1>Sidan finns inte</h1>"


def publish_version(out, n: int) -> None:
    """A complete little build, published as ``hub build`` publishes one (a new directory,
    the link swapped, older builds pruned)."""
    with publish.staged(out, incremental=True) as stage:
        for name, text in {"index.html": f"version {n}", "404.html": NOT_FOUND}.items():
            (stage / name).unlink(missing_ok=True)  # never write into a linked file
            (stage / name).write_text(text, encoding="utf-8")
        (stage / "nytt").mkdir(exist_ok=True)
        (stage / "nytt" / "index.html").unlink(missing_ok=True)
        (stage / "nytt" / "index.html").write_text(f"sida {n}", encoding="utf-8")


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


@pytest.fixture
def served(tmp_path):
    """``hub serve``'s server on the live output ``tmp_path/build``, in a thread."""
    out = tmp_path / "build"
    publish_version(out, 1)
    httpd = server(out, "127.0.0.1", 0)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield out, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_every_swap_shows_at_the_next_request_and_nothing_is_ever_missing(served):
    out, url = served
    statuses: list[int] = []
    stop = threading.Event()

    def keep_asking():
        while not stop.is_set():
            statuses.append(get(url + "/")[0])

    asker = threading.Thread(target=keep_asking)
    asker.start()
    try:
        assert get(url + "/") == (200, "version 1")
        for n in (2, 3, 4):
            first = publish.live_dir(out)
            publish_version(out, n)
            assert publish.live_dir(out) != first
            assert get(url + "/") == (200, f"version {n}")
            assert get(url + "/nytt/") == (200, f"sida {n}")
        # Version 1 and 2 are gone (one previous build is kept): wait until their folders
        # really are, then ask again.
        deadline = time.monotonic() + 30
        while len(list(out.parent.glob(".build*"))) > 1 + publish.KEEP_PREVIOUS:
            assert time.monotonic() < deadline, list(out.parent.iterdir())
            time.sleep(0.05)
        assert get(url + "/") == (200, "version 4")
    finally:
        stop.set()
        asker.join()
    assert statuses and set(statuses) == {200}


def test_a_missing_page_gets_the_sites_own_404_page(served):
    out, url = served
    publish_version(out, 2)
    status, body = get(url + "/finns-inte/")
    assert (status, body) == (404, NOT_FOUND)


def test_a_taken_port_is_named_in_swedish(tmp_path):
    out = tmp_path / "build"
    publish_version(out, 1)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        proc = subprocess.run(
            [sys.executable, "-m", "sitebuild", "serve", "--out", str(out), "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert proc.returncode == 1
    assert proc.stderr.strip() == (
        f"hub serve: porten {port} används redan. Välj en annan med --port."
    )
