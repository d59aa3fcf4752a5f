"""Publish → live, end to end: real worker processes (``hub worker``) rebuild the site that
a real ``hub serve`` serves, after changes committed by another process, as an editor's
request would. One throwaway database (a scratch database on PostgreSQL when DATABASE_URL
points there) and folders for the module; the site starts from the migrations' page tree.

Two workers run side by side, so "one build at a time across processes" is tested as it
happens in production when someone starts a second worker."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sitefixture import ROOT, _postgres, _postgres_scratch, _run

pytestmark = [pytest.mark.slow, pytest.mark.postgres]
TIMEOUT = 90


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveHub:
    def __init__(self, folder: Path, env: dict[str, str], port: int):
        self.folder, self.env, self.port = folder, env, port
        self.out = Path(env["HUB_BUILD_DIR"])

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

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}", timeout=5) as r:
                return r.status, r.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()
        except (urllib.error.URLError, ConnectionError):
            return 0, ""  # not listening (yet)

    def wait_for(self, what: str, check) -> None:
        give_up = time.monotonic() + TIMEOUT
        while not check():
            if time.monotonic() > give_up:
                logs = "".join(p.read_text()[-2000:] for p in self.folder.glob("worker-*.log"))
                pytest.fail(f"{what}: not within {TIMEOUT} s.\n{self.builds()}\n{logs}")
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


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    folder = tmp_path_factory.mktemp("live")
    port = _free_port()
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
    )
    scratch = _postgres_scratch()
    if scratch:
        env["DATABASE_URL"] = scratch[1].replace("hub_site_", "hub_live_")
        _postgres(scratch[0], f'CREATE DATABASE "{urlsplit(env["DATABASE_URL"]).path[1:]}"')
    processes = []
    try:
        py = sys.executable
        _run([py, "-m", "cms", "migrate", "--no-input", "-v", "0"], env, "migrate")
        live = LiveHub(folder, {**env, "PYTHONPATH": str(ROOT / "tests")}, port)
        live.cms("from sitebuild_helpers import add_fixed_pages; add_fixed_pages()")
        _run(
            [py, "-m", "sitebuild", "build", "-q"]
            + ["--content", env["HUB_CONTENT_DIR"], "--out", env["HUB_BUILD_DIR"]],
            env,
            "the first build",
        )
        for n in (1, 2):
            log = open(folder / f"worker-{n}.log", "w")  # noqa: SIM115 - lives with the worker
            processes.append(
                subprocess.Popen(
                    [py, "-m", "cms", "hub_worker", *(["--no-schedule"] if n == 2 else [])],
                    env=env,
                    cwd=ROOT,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
            )
        processes.append(
            subprocess.Popen(
                [py, "-m", "sitebuild", "serve", "--out", env["HUB_BUILD_DIR"]]
                + ["--port", str(port)],
                env=env,
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
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


def _publish(titles: list[str], parent: str = "core.HomePage", pause: float = 0.0) -> str:
    """Code that creates and publishes one standard page per title below ``parent``."""
    return (
        "import time; from django.apps import apps; from cms.core.models import StandardPage\n"
        f"parent = apps.get_model('{parent}').objects.first()\n"
        f"for title in {titles!r}:\n"
        "    page = parent.add_child(instance=StandardPage(title=title, live=False))\n"
        "    page.save_revision().publish()\n"
        f"    time.sleep({pause})\n"
    )


def _slug(title: str) -> str:
    return title.lower().replace(" ", "-")


def test_twenty_quick_publishes_make_at_most_two_builds_and_a_site_with_all_twenty(hub):
    titles = [f"Snabb sida {i}" for i in range(20)]
    before = len(hub.builds())
    hub.cms(_publish(titles, pause=0.05))
    hub.wait_for(
        "all twenty pages served",
        lambda: all(hub.get(f"/{_slug(t)}/")[0] == 200 for t in titles),
    )
    hub.wait_for("the builds are over", hub.settled)
    builds = hub.builds()[before:]
    assert 1 <= len(builds) <= 2, builds
    assert all(b["status"] == "done" for b in builds), builds
    assert sorted(t for b in builds for t in b["triggers"]) == sorted(
        f"Sidan ”{t}” publicerades" for t in titles
    )
    _assert_one_at_a_time(hub.builds())


def _assert_one_at_a_time(builds: list[dict]) -> None:
    spans = sorted((b["started"], b["finished"]) for b in builds if b["started"])
    for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
        assert end is not None and end <= start, spans


def test_unpublish_move_delete_and_a_scheduled_go_live_reach_the_site(hub):
    hub.cms(_publish(["Avpubliceras", "Flyttas", "Raderas", "Mål för flytt"]))
    hub.wait_for("four pages served", lambda: hub.get("/mal-for-flytt/")[0] == 200)
    hub.cms(
        "import datetime as dt; from django.utils import timezone\n"
        "from wagtail.actions.delete_page import DeletePageAction\n"
        "from wagtail.actions.move_page import MovePageAction\n"
        "from cms.core.models import HomePage, StandardPage as S\n"
        "S.objects.get(slug='avpubliceras').unpublish()\n"
        "MovePageAction(S.objects.get(slug='flyttas'), S.objects.get(slug='mal-for-flytt'),"
        " pos='last-child').execute()\n"
        "DeletePageAction(S.objects.get(slug='raderas')).execute()\n"
        "soon = timezone.now() + dt.timedelta(seconds=2)\n"
        "page = HomePage.objects.get().add_child(instance=S(title='Schemalagd', live=False))\n"
        "page.go_live_at = soon\n"
        "page.save_revision(approved_go_live_at=soon)\n"
    )
    hub.wait_for("the unpublished page gone", lambda: hub.get("/avpubliceras/")[0] == 404)
    hub.wait_for("the page moved", lambda: hub.get("/mal-for-flytt/flyttas/")[0] == 200)
    hub.wait_for("the scheduled page live", lambda: hub.get("/schemalagd/")[0] == 200)
    assert hub.get("/flyttas/")[0] == 404
    assert hub.get("/raderas/")[0] == 404
    assert any(
        "Sidan ”Schemalagd” publicerades enligt schema" in b["triggers"] for b in hub.builds()
    )


def test_a_failed_build_is_recorded_leaves_the_site_as_it_was_and_the_next_change_retries(
    hub,
):
    hub.wait_for("the builds are over", hub.settled)
    live = hub.out.resolve()
    before = {p: p.read_bytes() for p in live.rglob("*") if p.is_file()}
    content = Path(hub.env["HUB_CONTENT_DIR"])
    aside = content.with_name("content-aside")
    content.rename(aside)
    content.write_text("not a folder")  # the pull cannot write here: the build fails
    try:
        count = len(hub.builds())
        hub.cms(_publish(["Missad sida"]))
        hub.wait_for("the failed build", lambda: len(hub.builds()) > count and hub.settled())
        failed = hub.builds()[-1]
        assert failed["status"] == "failed" and failed["error"], failed
        assert hub.out.resolve() == live
        assert {p: p.read_bytes() for p in live.rglob("*") if p.is_file()} == before
    finally:
        content.unlink()
        aside.rename(content)
    hub.cms(_publish(["Nästa sida"]))
    hub.wait_for("the next change's page", lambda: hub.get("/nasta-sida/")[0] == 200)
    assert hub.get("/missad-sida/")[0] == 200  # what the failed build missed is there too


def test_the_worker_runs_wagtails_own_tasks_so_admin_search_finds_a_new_page(hub):
    hub.cms(_publish(["Sökbar nyhet om cykelparkering"]))
    hub.wait_for(
        "the search index has the page",
        lambda: hub.cms(
            "from wagtail.models import Page; "
            "print(Page.objects.search('cykelparkering').count())"
        ).strip()
        == "1",
    )
