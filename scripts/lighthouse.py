#!/usr/bin/env python3
"""Lighthouse on the demo site: the four category scores and the page weights of the home
page, the case portal and a case page, as a table (mobile emulation, Lighthouse's default).

    .venv/bin/python scripts/lighthouse.py              # build the demo, then measure
    .venv/bin/python scripts/lighthouse.py --site DIR   # measure a site built already
    make lighthouse

The demo is built like the tests build it: a throwaway database (HUB_VAR_DIR in a temporary
folder), ``migrate``, ``load_demo`` and ``python -m sitebuild build`` in child processes, with
--site-url set to the local address so canonical links point where the site is served. The
site is served on 127.0.0.1 by the same handler as ``hub serve``.

Lighthouse (npm lighthouse@12.2.3, Node 20) is installed into .tools/ (git-ignored) on first
use and runs against Debian's Chromium (CHROME_PATH=/usr/bin/chromium); no browser is
downloaded. Page weights are the bytes transferred per resource type, from Lighthouse's
network-requests audit. For a category under 95 the audits that cost points are listed.
The JSON reports are kept in --reports (default: a temporary folder, printed at the end).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / ".tools"
LIGHTHOUSE_VERSION = "12.2.3"
LIGHTHOUSE = TOOLS / "node_modules" / ".bin" / "lighthouse"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --no-first-run"
)
CATEGORIES = [
    ("performance", "Prestanda"),
    ("accessibility", "Tillgänglighet"),
    ("best-practices", "Bästa praxis"),
    ("seo", "SEO"),
]
WEIGHTS = [("Document", "HTML"), ("Stylesheet", "CSS"), ("Script", "JS"), ("Image", "Bilder")]
CASE_PAGE = "/case/tidigare-upptackt-av-demenssjukdom/"
PAGES = [("Startsidan", "/"), ("Case-portalen", "/case/"), ("Ett case", CASE_PAGE)]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(cmd: list[str], env: dict | None = None, label: str = "") -> None:
    proc = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True)
    if proc.returncode:
        sys.exit(f"{label or cmd[0]} misslyckades ({proc.returncode}):\n{proc.stderr[-4000:]}")


def build_demo(folder: Path, site_url: str) -> Path:
    """The demo site in folder/build, from a throwaway SQLite database in folder/var."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(HUB_VAR_DIR=str(folder / "var"), DJANGO_SETTINGS_MODULE="cms.settings.dev")
    (folder / "var").mkdir(parents=True, exist_ok=True)
    py = sys.executable
    print("Bygger demowebbplatsen …", file=sys.stderr, flush=True)
    run([py, "-m", "cms", "migrate", "--no-input", "-v", "0"], env, "migrate")
    run([py, "-m", "cms", "load_demo", "--quiet"], env, "load_demo")
    out = folder / "build"
    run(
        [py, "-m", "sitebuild", "build", "-q", "--content", str(folder / "content")]
        + ["--out", str(out), "--site-url", site_url],
        env,
        "sitebuild build",
    )
    return out


def serve(root: Path, port: int) -> http.server.ThreadingHTTPServer:
    sys.path.insert(0, str(ROOT / "site"))
    from sitebuild.serve import _Handler

    class Quiet(_Handler):
        def log_message(self, format, *args):
            pass

    handler = functools.partial(Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def ensure_lighthouse() -> Path:
    """lighthouse@12.2.3 in .tools/ (installed with npm the first time)."""
    installed = TOOLS / "node_modules" / "lighthouse" / "package.json"
    if installed.is_file() and json.loads(installed.read_text())["version"] == LIGHTHOUSE_VERSION:
        return LIGHTHOUSE
    npm = shutil.which("npm")
    if not npm:
        sys.exit("npm saknas: installera Node.js 20 och npm.")
    print(f"Installerar lighthouse@{LIGHTHOUSE_VERSION} i .tools/ …", file=sys.stderr, flush=True)
    TOOLS.mkdir(exist_ok=True)
    run(
        [npm, "install", "--prefix", str(TOOLS), "--save-exact", "--no-audit", "--no-fund"]
        + ["--loglevel=error", f"lighthouse@{LIGHTHOUSE_VERSION}"],
        label="npm install lighthouse",
    )
    return LIGHTHOUSE


def lighthouse(binary: Path, url: str, report: Path) -> dict:
    env = {**os.environ, "CHROME_PATH": CHROME}
    proc = subprocess.run(
        [str(binary), url, "--output=json", f"--output-path={report}", "--quiet"]
        + [f"--chrome-flags={CHROME_FLAGS}"]
        + ["--only-categories=" + ",".join(c for c, _ in CATEGORIES)],
        env=env,
        capture_output=True,
        text=True,
    )
    if proc.returncode or not report.is_file():
        sys.exit(f"lighthouse {url} misslyckades ({proc.returncode}):\n{proc.stderr[-4000:]}")
    return json.loads(report.read_text())


def weights_kb(result: dict) -> dict[str, float]:
    items = result["audits"]["network-requests"]["details"]["items"]
    kb = {label: 0.0 for _, label in WEIGHTS}
    total = 0.0
    for item in items:
        size = (item.get("transferSize") or 0) / 1024
        total += size
        for kind, label in WEIGHTS:
            if item.get("resourceType") == kind:
                kb[label] += size
    kb["Totalt"] = total
    return kb


def lost_points(result: dict, category: str) -> list[str]:
    """The audits that cost a category points, heaviest first."""
    lines = []
    refs = result["categories"][category]["auditRefs"]
    for ref in sorted(refs, key=lambda r: -r.get("weight", 0)):
        audit = result["audits"][ref["id"]]
        score = audit.get("score")
        if ref.get("weight", 0) and score is not None and score < 1:
            value = audit.get("displayValue") or ""
            lines.append(f"    {ref['id']} (vikt {ref['weight']}): {score:.2f} {value}".rstrip())
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--site", type=Path, help="en redan byggd webbplats (annars demon)")
    parser.add_argument("--reports", type=Path, help="mapp för Lighthouse JSON-rapporterna")
    args = parser.parse_args()

    if not Path(CHROME).is_file():
        sys.exit(f"Chromium saknas ({CHROME}): apt-get install chromium")
    binary = ensure_lighthouse()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    work = Path(tempfile.mkdtemp(prefix="hub-lighthouse-"))
    reports = args.reports or work / "reports"
    reports.mkdir(parents=True, exist_ok=True)
    try:
        root = args.site.resolve() if args.site else build_demo(work, base + "/")
        server = serve(root, port)
        rows = []
        for name, path in PAGES:
            print(f"Lighthouse: {path} …", file=sys.stderr, flush=True)
            slug = path.strip("/").replace("/", "_") or "start"
            rows.append((name, path, lighthouse(binary, base + path, reports / f"{slug}.json")))
        server.shutdown()
    finally:
        shutil.rmtree(work / "var", ignore_errors=True)

    head = [label for _, label in CATEGORIES] + [f"{label} KB" for _, label in WEIGHTS]
    head.append("Totalt KB")
    widths = [max(len(h), 6) + 2 for h in head]
    print(f"\nLighthouse {LIGHTHOUSE_VERSION}, mobil emulering, {CHROME}\n")
    print(f"{'Sida':<14}" + "".join(f"{h:>{w}}" for h, w in zip(head, widths, strict=True)))
    for name, _path, result in rows:
        scores = [round(100 * (result["categories"][c]["score"] or 0)) for c, _ in CATEGORIES]
        kb = weights_kb(result)
        cells = [str(s) for s in scores] + [f"{kb[label]:.1f}" for _, label in WEIGHTS]
        cells.append(f"{kb['Totalt']:.1f}")
        print(f"{name:<14}" + "".join(f"{c:>{w}}" for c, w in zip(cells, widths, strict=True)))
    for name, path, result in rows:
        for category, label in CATEGORIES:
            score = round(100 * (result["categories"][category]["score"] or 0))
            if score < 95:
                print(f"\n{name} ({path}), {label} {score}:")
                print("\n".join(lost_points(result, category)) or "    (inga viktade granskningar)")
    print(f"\nRapporter: {reports}")


if __name__ == "__main__":
    main()
