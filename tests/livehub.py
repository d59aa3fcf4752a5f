"""A whole hub running as in production, for end-to-end tests (not a test module): a
throwaway database (a scratch database when DATABASE_URL points at PostgreSQL) and folders,
the worker(s) (``hub worker``), the site server (``hub serve``) and, if asked, the CMS
(``runserver``), each a process of its own. ``start_hub`` is a generator for a fixture to
``yield from``; it stops everything it started."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sitefixture import ROOT, _postgres, _postgres_scratch, _run

TIMEOUT = 90


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveHub:
    def __init__(self, folder: Path, env: dict[str, str], port: int, cms_port: int | None):
        self.folder, self.env, self.port, self.cms_port = folder, env, port, cms_port
        self.out = Path(env["HUB_BUILD_DIR"])
        self.site_url = f"http://127.0.0.1:{port}"
        self.cms_url = f"http://127.0.0.1:{cms_port}" if cms_port else ""

    def cms(self, code: str) -> str:
        """Run Python in the CMS (a child process, each statement its own transaction);
        what it prints."""
        done = subprocess.run(
            [sys.executable, "-m", "cms", "shell", "--no-imports", "-c", code],
            env=self.env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return done.stdout

    def get(self, path: str, base: str = "") -> tuple[int, str]:
        try:
            with urllib.request.urlopen((base or self.site_url) + path, timeout=5) as r:
                return r.status, r.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()
        except (urllib.error.URLError, ConnectionError):
            return 0, ""  # not listening (yet)

    def wait_for(self, what: str, check, timeout: float = TIMEOUT) -> None:
        give_up = time.monotonic() + timeout
        while not check():
            if time.monotonic() > give_up:
                logs = "".join(p.read_text()[-2000:] for p in self.folder.glob("*.log"))
                pytest.fail(f"{what}: not within {timeout} s.\n{self.builds()}\n{logs}")
            time.sleep(0.1)

    def builds(self) -> list[dict]:
        """The build history, oldest first."""
        return json.loads(
            self.cms(
                "import json; from cms.publishing.models import SiteBuild as B; "
                "print(json.dumps([{'status': b.status, 'error': b.error, "
                "'started': b.started_at.timestamp() if b.started_at else None, "
                "'finished': b.finished_at.timestamp() if b.finished_at else None, "
                "'triggers': [t.what for t in b.triggers.all()]} "
                "for b in B.objects.order_by('pk')]))"
            )
        )

    def settled(self) -> bool:
        return all(b["status"] in ("done", "failed") for b in self.builds())


def start_hub(folder: Path, *, demo: bool, workers: int = 1, cms: bool = False) -> Iterator:
    """Prepare the database (the demo content, or the migrations' page tree and the pages
    every page links to), build the site once, start everything; yield a ``LiveHub``."""
    port, cms_port = free_port(), (free_port() if cms else None)
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(
        HUB_VAR_DIR=str(folder / "var"),
        HUB_CONTENT_DIR=str(folder / "content"),
        HUB_BUILD_DIR=str(folder / "out" / "build"),
        HUB_SITE_URL=f"http://127.0.0.1:{port}/",
        HUB_BUILD_DEBOUNCE="0.5",
        HUB_SCHEDULE_INTERVAL="1",
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        PYTHONUNBUFFERED="1",
        PYTHONPATH=str(ROOT / "tests"),
    )
    if cms_port:
        env["WAGTAILADMIN_BASE_URL"] = f"http://127.0.0.1:{cms_port}"
    scratch = _postgres_scratch()
    if scratch:
        env["DATABASE_URL"] = scratch[1].replace("hub_site_", "hub_live_")
        _postgres(scratch[0], f'CREATE DATABASE "{urlsplit(env["DATABASE_URL"]).path[1:]}"')
    processes: list[subprocess.Popen] = []
    py = sys.executable

    def start(name: str, *cmd: str) -> None:
        log = open(folder / f"{name}.log", "w")  # noqa: SIM115 - lives with the process
        processes.append(
            subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        )

    try:
        _run([py, "-m", "cms", "migrate", "--no-input", "-v", "0"], env, "migrate")
        live = LiveHub(folder, env, port, cms_port)
        if demo:
            _run([py, "-m", "cms", "load_demo", "--quiet"], env, "load_demo")
        else:
            live.cms("from sitebuild_helpers import add_fixed_pages; add_fixed_pages()")
        _run(
            [py, "-m", "sitebuild", "build", "-q"]
            + ["--content", env["HUB_CONTENT_DIR"], "--out", env["HUB_BUILD_DIR"]],
            env,
            "the first build",
        )
        for n in range(1, workers + 1):
            start(f"worker-{n}", py, "-m", "cms", "hub_worker", *(["--no-schedule"] * (n > 1)))
        start(
            "serve",
            py,
            "-m",
            "sitebuild",
            "serve",
            "--out",
            env["HUB_BUILD_DIR"],
            "--port",
            str(port),
        )
        if cms_port:
            start("cms", py, "-m", "cms", "runserver", "--noreload", f"127.0.0.1:{cms_port}")
            live.wait_for(
                "the CMS answers", lambda: live.get("/admin/login/", live.cms_url)[0] == 200
            )
        live.wait_for("the site server answers", lambda: live.get("/")[0] == 200)
        yield live
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(30)
        if scratch:
            name = urlsplit(env["DATABASE_URL"]).path[1:]
            _postgres(scratch[0], f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
