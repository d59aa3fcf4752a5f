"""``hub demo`` as a newcomer runs it, in a child process: a port in use is one Swedish
line and nothing starts; otherwise the CMS, the worker and the site server run on the
ports chosen, every absolute URL of the site and of the API follows those ports, and a
SIGTERM to ``hub demo`` stops all of them and whatever they started.

Every process the demo starts inherits a marker in its environment, so the tests find
them all in /proc, however deep, and see that none is left.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

MARK = "HUB_TEST_DEMO_MARK"


def marked(mark: str) -> list[int]:
    """The processes (not zombies) whose environment carries ``MARK=mark``."""
    wanted = f"{MARK}={mark}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes()
        except OSError:
            continue
        if wanted in environ.split(b"\0"):
            found.append(int(entry.name))
    return found


def command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def listening():
    """A port another program listens on."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        yield taken.getsockname()[1]


def demo_env(root: Path, mark: str) -> dict[str, str]:
    """The demo's environment: its database, content and site under ``root``."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        HUB_VAR_DIR=str(root / "var"),
        HUB_CONTENT_DIR=str(root / "content"),
        HUB_BUILD_DIR=str(root / "build"),
        **{MARK: mark},
    )
    return env


def demo(port: int, site_port: int) -> list[str]:
    return [sys.executable, "-m", "sitebuild", "demo", "--port", str(port)] + [
        "--site-port",
        str(site_port),
    ]


@pytest.mark.parametrize(
    ("taken", "option"),
    [("cms", "--port (make demo PORT=…)"), ("site", "--site-port (make demo SITE_PORT=…)")],
)
def test_a_port_in_use_is_one_swedish_line_and_nothing_starts(tmp_path, taken, option):
    mark = uuid.uuid4().hex
    with listening() as busy:
        ports = (busy, free_port()) if taken == "cms" else (free_port(), busy)
        done = subprocess.run(
            demo(*ports), env=demo_env(tmp_path, mark), capture_output=True, text=True, timeout=60
        )
    assert done.returncode == 1
    assert (done.stdout + done.stderr).strip().splitlines() == [
        f"hub demo: porten {busy} används redan. Välj en annan med {option}."
    ]
    assert marked(mark) == []
    assert not (tmp_path / "var").exists()  # not even the database was prepared


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def wait_for(url: str, proc: subprocess.Popen, log: Path, seconds: float) -> str:
    """The body of ``url`` once it answers 200; fails if ``hub demo`` ends first."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"hub demo ended ({proc.returncode}):\n{log.read_text()[-4000:]}")
        with contextlib.suppress(OSError):
            status, body = get(url)
            if status == 200:
                return body
        time.sleep(0.5)
    pytest.fail(f"{url} did not answer in {seconds} s:\n{log.read_text()[-4000:]}")


@pytest.mark.slow
def test_the_demo_serves_everything_on_its_ports_and_a_sigterm_stops_it_all(built_site, tmp_path):
    """On a copy of the session's demo site (built for port 8001), so the demo's own build
    has to render every page again for its site port."""
    root = tmp_path / "demo"
    shutil.copytree(built_site.content.parent, root, symlinks=True)
    mark = uuid.uuid4().hex
    port, site_port = free_port(), free_port()
    cms, site = f"http://127.0.0.1:{port}", f"http://127.0.0.1:{site_port}/"
    log = tmp_path / "demo.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            demo(port, site_port),
            env=demo_env(root, mark),
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # the test's own signals stay away from it
        )
    try:
        home = wait_for(site, proc, log, 600)
        wait_for(f"{cms}/api/v2/site/", proc, log, 60)
        running = [command_line(pid) for pid in marked(mark)]
        for child in ("runserver", "hub_worker", "sitebuild serve"):
            assert any(child in line for line in running), (child, running)

        # The site: every absolute URL it was built with is on the site port.
        assert f'<link rel="canonical" href="{site}">' in home
        assert f'<meta property="og:url" content="{site}">' in home
        assert f"Sitemap: {site}sitemap.xml" in get(site + "robots.txt")[1]
        assert f"<loc>{site}case/</loc>" in get(site + "sitemap.xml")[1]
        assert f"<link>{site}nyhetsbrev/</link>" in get(site + "nyhetsbrev/rss.xml")[1]
        live = (root / "build").resolve()
        stale = [
            p.relative_to(live).as_posix()
            for p in live.rglob("*")
            if p.suffix in (".html", ".xml", ".txt") and b"127.0.0.1:8001" in p.read_bytes()
        ]
        assert stale == []
        # The CMS: the API's own links on the CMS port, the site's address on the site port.
        assert json.loads(get(f"{cms}/api/v2/site/")[1])["site_url"] == site
        items = json.loads(get(f"{cms}/api/v2/manifest/")[1])["items"]
        assert items and all(i["detail_url"].startswith(f"{cms}/api/v2/") for i in items)

        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0
        deadline = time.monotonic() + 15
        while marked(mark) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert [command_line(pid) for pid in marked(mark)] == []
    finally:
        if proc.poll() is None:
            proc.kill()
        for pid in marked(mark):  # never leave a demo running behind a failed test
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
