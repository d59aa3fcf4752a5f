"""``hub build`` run unattended: a build killed after its pull loses nothing, and two builds
at once end with one site (tests/test_sitebuild_hostile.py: a CMS that answers wrongly).

Builds run as the real command line in child processes, against the CMS served by
pytest-django's ``live_server``.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time

import pytest
from sitebuild_helpers import ROOT, Folders, add_fixed_pages, hub_env, snapshot

from cms.core.models import HomePage, StandardPage

EXIT_BUSY = 75
BUSY = "Ett bygge pågår redan sedan"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),  # live_server's rows
]


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
