"""A CMS that answers wrongly (no items, nothing but a home page, one byte at a time, a
gigabyte) makes ``hub build`` fail within its limits, with a Swedish message naming the
URL, and the live site and content/ exactly as they were.

The build runs as the real command line in a child process, on a copy of a small site built
once for the module from the CMS in this process, against a hostile server started here
that answers the manifest request badly (the build asks for the manifest first).
"""

from __future__ import annotations

import http.server
import json
import os
import subprocess
import threading
import time

import pytest
from django.db import transaction
from sitebuild_helpers import ROOT, Folders, Site, add_fixed_pages, hub_env, snapshot

pytestmark = pytest.mark.slow


# ---- A CMS that answers wrongly -------------------------------------------------------------


class Hostile(http.server.BaseHTTPRequestHandler):
    """Answers every request as ``self.server.how`` says."""

    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        pass

    def do_GET(self):
        how = self.server.how
        try:
            if how in ("empty", "no items", "one page"):
                items = []
                if how == "one page":
                    items = [{"kind": "page", "id": "3", "type": "core.HomePage", "path": "/"}]
                body = json.dumps({"items": items} if how != "no items" else {}).encode()
                self._headers(len(body))
                self.wfile.write(body)
            elif how == "drip":
                self._headers(10**6)
                self.wfile.write(b'{"items": [')
                while True:
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.2)
            elif how == "drip headers":
                self.wfile.write(b"HTTP/1.1 200 OK\r\n")
                while True:
                    self.wfile.write(b"X")
                    self.wfile.flush()
                    time.sleep(0.2)
            elif how == "huge":  # a gigabyte, said up front
                self._headers(2**30)
                chunk = b" " * 2**20
                for _ in range(2**10):
                    self.wfile.write(chunk)
            elif how == "huge unannounced":  # the same without Content-Length
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Connection", "close")
                self.end_headers()
                chunk = b" " * 2**20
                for _ in range(2**10):
                    self.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the build hung up: as it should

    def _headers(self, length: int) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(length))
        self.end_headers()


@pytest.fixture(scope="module")
def small_site(django_db_setup, django_db_blocker, tmp_path_factory) -> Site:
    """The smallest site, built once for the module by the CMS in this process (its rows
    rolled back afterwards)."""
    with django_db_blocker.unblock(), transaction.atomic():
        add_fixed_pages()
        site = Site(tmp_path_factory.mktemp("small"))
        site.build()
        transaction.set_rollback(True)
    return site


@pytest.fixture
def built(small_site, tmp_path) -> Folders:
    """A copy of the small site (file times kept) for a build from elsewhere."""
    copy = small_site.copy_to(tmp_path / "site")
    folders = Folders(tmp_path / "site", api="")
    assert (folders.content, folders.out) == (copy.content, copy.out)
    return folders


@pytest.fixture
def hostile():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.url = f"http://127.0.0.1:{server.server_address[1]}"
    yield server
    server.shutdown()
    server.server_close()


def run_measured(args: list[str], env: dict) -> tuple[int, str, float, int]:
    """Exit code, stderr, seconds and peak memory (MB) of one child process."""
    started = time.monotonic()
    proc = subprocess.Popen(args, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    _pid, status, usage = os.wait4(proc.pid, 0)
    err = proc.stderr.read().decode()
    proc.stderr.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, err, time.monotonic() - started, usage.ru_maxrss // 1024


# A database test (its rows are the module's small site), so that pytest-django runs it
# before the transactional tests empty the tables the migrations filled.
@pytest.mark.django_db
@pytest.mark.parametrize(
    ("how", "limits", "message", "seconds"),
    [
        ("empty", {}, "listar inga sidor alls", 20),
        ("no items", {}, "saknar listan 'items'", 20),
        ("one page", {}, "skulle ta bort", 20),
        ("drip", {"HUB_REQUEST_TIME_LIMIT": "2"}, "inget fullständigt svar inom 2 sekunder", 20),
        ("drip headers", {"HUB_REQUEST_TIME_LIMIT": "2"}, "inom 2 sekunder", 20),
        ("drip", {"HUB_BUILD_TIME_LIMIT": "3"}, "Bygget tog längre än 3 sekunder", 20),
        ("huge", {}, "svaret är för stort (1024.0 MB; gränsen är 100 MB", 20),
        ("huge unannounced", {"HUB_RESPONSE_SIZE_LIMIT_MB": "20"}, "gränsen är 20 MB", 60),
    ],
)
def test_a_cms_that_answers_wrongly_fails_the_build_within_its_limits(
    built, hostile, how, limits, message, seconds
):
    folders = built
    hostile.how = how
    before, content_before = snapshot(folders.out), snapshot(folders.content)

    code, err, took, peak_mb = run_measured(folders.args("-q", api=hostile.url), hub_env(**limits))

    assert code == 1, err
    assert message in err, err
    assert f"{hostile.url}/api/v2/manifest/" in err or "Bygget tog" in err, err
    assert "Den publicerade webbplatsen är oförändrad." in err
    assert took < seconds, f"{took:.1f} s"
    assert peak_mb < 400, f"{peak_mb} MB"  # never the gigabyte in memory
    assert snapshot(folders.out) == before
    assert snapshot(folders.content) == content_before
    if how == "one page":
        assert "--allow-mass-delete" in err
