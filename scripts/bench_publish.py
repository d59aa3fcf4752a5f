#!/usr/bin/env python3
"""Benchmark publish → live: the time from a publish's commit until ``hub serve`` serves
the changed page, rebuilt by ``hub worker``, for several publishes in a row. Prints a table.

    .venv/bin/python scripts/bench_publish.py                  # the demo, and 10 000 cases
    .venv/bin/python scripts/bench_publish.py --cases 0 --publishes 5

Each size gets a throwaway database and folders under a temporary directory: the demo
content plus N generated case records and N/10 generated pages (as ``bench_build.py``),
built once by ``hub build``. Then a real worker (``hub worker``) and a real site server
(``hub serve``) run as their own processes, and this process publishes: each time it edits
an inspiration article's title, publishes it (as an editor's request would, in a
transaction), notes the time of the commit and asks the site server for the page every 20 ms
until the new title is there. The next publish comes a second after that build is over (a
burst of publishes is what the debounce gathers into one build; see test_site_live.py). The
worker's first publish is timed but not counted (a worker runs for days; its first build
pays its start once).
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
POLL = 0.02
#: Seconds between the end of one build and the next publish: more than the worker's
#: debounce (HUB_BUILD_DEBOUNCE, 0.5 s), so each publish is built as a lone change is.
QUIET = 1.0
TIMEOUT = 120.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def step(cmd: list[str], env: dict, label: str) -> None:
    done = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        sys.exit(
            f"{label} failed ({done.returncode}):\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}"
        )


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode()
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def bench(n: int, publishes: int) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix=f"hub-publish-{n}-"))
    port = free_port()
    env = {
        **os.environ,
        "HUB_VAR_DIR": str(tmp / "var"),
        "HUB_CONTENT_DIR": str(tmp / "content"),
        "HUB_BUILD_DIR": str(tmp / "out" / "build"),
        "HUB_SITE_URL": f"http://127.0.0.1:{port}/",
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("DATABASE_URL", None)
    (tmp / "var").mkdir()
    cms, hub = [PY, "-m", "cms"], [PY, "-m", "sitebuild"]
    processes = []
    try:
        step([*cms, "migrate", "-v0"], env, "migrate")
        step([*cms, "load_demo", "--quiet"], env, "load_demo")
        if n:
            step(
                [*cms, "generate_bench_content", "--cases", str(n), "--pages", str(n // 10)],
                env,
                "generate",
            )
        out = ["--content", env["HUB_CONTENT_DIR"], "--out", env["HUB_BUILD_DIR"]]
        out += ["--site-url", env["HUB_SITE_URL"]]
        step([*hub, "build", "-q", *out], env, "first build")
        logs = open(tmp / "worker.log", "w")  # noqa: SIM115 - closed with the processes
        processes.append(
            subprocess.Popen([*cms, "hub_worker"], env=env, cwd=ROOT, stdout=logs, stderr=logs)
        )
        processes.append(
            subprocess.Popen(
                [*hub, "serve", "--out", env["HUB_BUILD_DIR"], "--port", str(port)],
                env=env,
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        os.environ.update(env)
        import django

        django.setup()
        from cms.articles.models import InspirationArticlePage
        from cms.core.models import HomePage
        from cms.core.paths import page_path
        from cms.publishing.models import SiteBuild

        article = InspirationArticlePage.objects.live().order_by("pk").first()
        path = page_path(article.url_path, HomePage.objects.get().url_path)
        url = f"http://127.0.0.1:{port}{path}"
        latencies, builds = [], []
        while not fetch(url):
            time.sleep(POLL)
        # One publish first, not counted: the worker's first build pays what a worker pays
        # once (imports, the CMS's first requests, the pull state read into memory).
        for i in range(-1, publishes):
            while SiteBuild.objects.exclude(status__in=["done", "failed"]).exists():
                time.sleep(POLL)
            time.sleep(QUIET)  # an editor's next publish, not a script's burst
            title = f"{article.title.split(' · ')[0]} · mätning {i + 1}"
            article.title = title
            article.save_revision().publish()  # commits: the editor's request is over
            committed = time.monotonic()
            while title not in fetch(url):
                if time.monotonic() - committed > TIMEOUT:
                    sys.exit(f"the page never showed the change; see {tmp / 'worker.log'}")
                time.sleep(POLL)
            if i < 0:
                warmup = time.monotonic() - committed
                continue
            latencies.append(time.monotonic() - committed)
            last = SiteBuild.objects.filter(status="done").first()
            builds.append(last.seconds if last else float("nan"))
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(30)
        shutil.rmtree(tmp, ignore_errors=True)
    return {"n": n, "latencies": latencies, "builds": builds, "warmup": warmup}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, nargs="+", default=[0, 10000])
    parser.add_argument("--publishes", type=int, default=10)
    args = parser.parse_args()
    rows = []
    for n in args.cases:
        # Each size in its own process: Django is set up once per process.
        if len(args.cases) > 1:
            done = subprocess.run(
                [PY, __file__, "--cases", str(n), "--publishes", str(args.publishes)],
                cwd=ROOT,
            )
            if done.returncode:
                sys.exit(done.returncode)
            continue
        rows.append(bench(n, args.publishes))
    for r in rows:
        lat = r["latencies"]
        print(
            f"{'N cases':>8} {'publishes':>9} {'median s':>9} {'max s':>6} {'build median s':>15}"
        )
        print(
            f"{r['n']:>8} {len(lat):>9} {statistics.median(lat):>9.2f} {max(lat):>6.2f} "
            f"{statistics.median(r['builds']):>15.2f}"
        )
        print("  each, s: " + ", ".join(f"{s:.2f}" for s in lat))
        print(f"  the worker's first publish (not counted): {r['warmup']:.2f} s")


if __name__ == "__main__":
    main()
