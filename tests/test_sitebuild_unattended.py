"""``hub build`` run unattended: a build killed after its pull loses nothing, two builds at
once end with one site, and a CMS that answers wrongly (nothing at all, one byte at a time,
a gigabyte) makes the build fail within its limits with the live site as it was.

Builds run as the real command line in child processes: against the CMS served by
pytest-django's ``live_server``, or against a hostile server started here that answers the
manifest request badly (the build asks for the manifest first).
"""

from __future__ import annotations

import http.server
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sitebuild_helpers import add_fixed_pages, snapshot

from cms.core.models import HomePage, StandardPage

ROOT = Path(__file__).resolve().parents[1]
EXIT_BUSY = 75
BUSY = "Ett bygge pågår redan sedan"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def hub_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "sitebuild", *args]


def hub_env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "site")])}
    env.update(extra)
    return env


class Folders:
    """One site's content/ and live output, built from ``api``."""

    def __init__(self, root: Path, api: str):
        self.content = root / "content"
        self.out = root / "out" / "build"
        self.api = api

    def args(self, *extra: str, api: str | None = None) -> list[str]:
        return hub_command(
            "build", "--api", api or self.api, "--content", str(self.content),
            "--out", str(self.out), *extra,
        )  # fmt: skip

    def build(self, *extra: str, api: str | None = None, **env: str):
        return subprocess.run(
            self.args(*extra, api=api),
            capture_output=True,
            text=True,
            env=hub_env(**env),
            cwd=ROOT,
            timeout=300,
        )

    def page(self, path: str) -> Path:
        return self.out.joinpath(*[p for p in path.split("/") if p], "index.html")

    def beside(self, prefix: str) -> list[Path]:
        """What lies beside the live output with a name that starts with ``prefix``."""
        return sorted(self.out.parent.glob(f"{prefix}*"))


def publish_page(title: str, slug: str) -> StandardPage:
    home = HomePage.objects.get()
    page = StandardPage(title=title, slug=slug, body=[("rich_text", f"<p>{title}.</p>")])
    page.live = False
    home.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def folders(live_server, tmp_path) -> Folders:
    """A small site built once from the CMS."""
    add_fixed_pages()
    folders = Folders(tmp_path, live_server.url)
    done = folders.build("-q")
    assert done.returncode == 0, done.stderr
    return folders


# ---- A killed build loses nothing ---------------------------------------------------------


def test_a_build_killed_after_its_pull_is_published_by_the_next_ordinary_build(folders):
    publish_page("Efter avbrottet", "efter-avbrottet")
    live = folders.out.resolve()
    before = snapshot(folders.out)
    build = subprocess.Popen(
        folders.args(), stderr=subprocess.PIPE, text=True, env=hub_env(), cwd=ROOT
    )
    try:
        for line in build.stderr:  # the progress lines, one per phase
            if line.startswith("Bygger webbplatsen"):
                break  # the pull is done and saved; the render is starting
        deadline = time.monotonic() + 30
        while not folders.beside(".build.partial-") and time.monotonic() < deadline:
            time.sleep(0.01)
        assert folders.beside(".build.partial-"), "the render never started"
        os.kill(build.pid, signal.SIGKILL)
    finally:
        build.wait(30)
    assert build.returncode == -signal.SIGKILL
    assert folders.out.resolve() == live and snapshot(folders.out) == before

    done = folders.build()

    assert done.returncode == 0, done.stderr
    assert "inget ändrat" not in done.stderr
    assert "Efter avbrottet" in folders.page("/efter-avbrottet/").read_text(encoding="utf-8")
    assert folders.beside(".build.partial-") == []  # the killed build's folder is gone …
    kept = [p for p in folders.beside(".build-") if p != folders.out.resolve()]
    assert kept == [live]  # … and the rollback copy is the build that was live before


# ---- Two builds at once ---------------------------------------------------------------------


def test_two_builds_started_together_end_with_one_site(folders):
    """Ten times over: two builds at once (two full ones, a full and an ordinary one, two
    ordinary ones). One publishes; the other waits for nothing and says plainly that a
    build is running; the site and content/ stay whole."""
    variants = [("--full", "--full"), ("--full", ""), ("", "")]
    page = publish_page("Ändras tio gånger", "andras")
    for run in range(10):
        page.title = f"Ändras tio gånger, nummer {run}"
        page.save_revision().publish()
        first, second = variants[run % len(variants)]
        procs = [
            subprocess.Popen(
                folders.args(*[a for a in ("-q", flag) if a]),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=hub_env(),
                cwd=ROOT,
            )
            for flag in (first, second)
        ]
        results = [(p.wait(300), p.stderr.read()) for p in procs]
        for p in procs:
            p.stdout.close()
            p.stderr.close()
        codes = sorted(code for code, _ in results)
        assert codes in ([0, 0], [0, EXIT_BUSY]), results
        for code, err in results:
            if code == EXIT_BUSY:
                assert BUSY in err and "Försök igen" in err, err
        html = folders.page("/andras/").read_text(encoding="utf-8")
        assert f"nummer {run}<" in html, f"run {run}: {results}"
        assert folders.beside(".build.partial-") == []

    state = json.loads((folders.content / ".data" / "state.json").read_text(encoding="utf-8"))
    assert state["items"]
    again = folders.build()
    assert again.returncode == 0, again.stderr
    assert "inget ändrat" in again.stderr


def test_a_build_told_to_wait_publishes_after_the_one_running(folders):
    publish_page("Väntar på sin tur", "vantar")
    procs = [
        subprocess.Popen(
            folders.args("-q", "--full", "--wait", "120"),
            stderr=subprocess.PIPE,
            text=True,
            env=hub_env(),
            cwd=ROOT,
        )
        for _ in range(2)
    ]
    results = [(p.wait(300), p.stderr.read()) for p in procs]
    assert [code for code, _ in results] == [0, 0], results
    assert folders.page("/vantar/").is_file()


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
    folders, hostile, how, limits, message, seconds
):
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
