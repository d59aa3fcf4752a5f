"""Building blocks for the build-step tests (not a test module): run ``hub build`` against
the CMS in this process, make small sites, and look at what a build left on disk."""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from cms.core.models import HomePage, StandardPage
from sitebuild.build import Reporter, build
from sitebuild.frontmatter import loads

ROOT = Path(__file__).resolve().parents[1]

#: Pages the theme links to from every page (main menu, footer); without them the strict
#: link check fails. The sections and /case/ come with the site tree and the pull.
FIXED_PAGES = {
    "sa-arbetar-ideslussen": "Så arbetar Idéslussen",
    "tillganglighetsredogorelse": "Tillgänglighetsredogörelse",
    "behandling-av-personuppgifter": "Behandling av personuppgifter",
}


@contextlib.contextmanager
def cms_in_this_transaction():
    """Let the in-process CMS answer inside the test's transaction.

    A request through the WSGI app runs ``close_old_connections``, which drops a database
    connection that is inside a transaction (on PostgreSQL the test's data would be gone).
    Django's own test client disconnects it the same way.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


class Recorder(Reporter):
    """A silent progress display that remembers what each phase reported: the paths the
    pull fetched and the pages MkDocs rendered."""

    def __init__(self):
        super().__init__(quiet=True)
        self.seen: dict[str, list[str]] = {}

    def phase(self, name: str) -> None:
        super().phase(name)
        self.seen.setdefault(name, [])

    def tick(self, what: str = "") -> None:
        super().tick(what)
        self.seen[self.name].append(what)


class Site:
    """One site's folders: ``content/`` and the live output ``out/build`` (a symlink).

    ``build`` runs the real build step against the CMS in this process; afterwards
    ``fetched`` holds the public paths the pull fetched, ``rendered`` the content files
    MkDocs rendered (``inspiration/index.md``)."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.content = self.root / "content"
        self.out = self.root / "out" / "build"
        self.fetched: list[str] = []
        self.rendered: list[str] = []

    def build(self, **kwargs):
        recorder = Recorder()
        try:
            with cms_in_this_transaction():
                return build(out=self.out, content=self.content, reporter=recorder, **kwargs)
        finally:
            # Two phases, in this order: the pull ("Hämtar …"), then MkDocs ("Bygger …").
            phases = [*recorder.seen.values(), [], []]
            self.fetched, self.rendered = phases[0], phases[1]

    def copy_to(self, root: Path) -> Site:
        """An identical site elsewhere (file times kept, so a dirty build sees no change)."""
        shutil.copytree(self.root, root, symlinks=True, copy_function=shutil.copy2)
        return Site(root)

    def html(self, path: str) -> str:
        """The built page at a public path, e.g. ``/inspiration/``."""
        return (self.out / path.strip("/") / "index.html").read_text(encoding="utf-8")

    def md(self, path: str) -> str:
        return (self.content / path.strip("/") / "index.md").read_text(encoding="utf-8")

    def page_paths(self) -> set[str]:
        """Public paths of the pages in the live output."""
        return _index_paths(self.out.resolve(), "index.html")

    def content_paths(self) -> set[str]:
        """Public paths of the pages in content/."""
        return _index_paths(self.content, "index.md")


def _index_paths(root: Path, name: str) -> set[str]:
    paths = set()
    for file in root.rglob(name):
        rel = file.parent.relative_to(root).as_posix()
        paths.add("/" if rel == "." else f"/{rel}/")
    return paths


def snapshot(directory: Path) -> dict[str, bytes]:
    """Every file under ``directory`` (the symlink followed) by relative path, with its bytes."""
    root = Path(directory).resolve()
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def files_containing(directory: Path, needle: str) -> list[str]:
    """Files under ``directory`` (the symlink followed) whose bytes contain ``needle``."""
    wanted = needle.encode()
    root = Path(directory).resolve()
    return [
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if p.is_file() and wanted in p.read_bytes()
    ]


def add_fixed_pages(home: HomePage | None = None) -> None:
    """Publish the pages the theme links to from every page, unless they exist (the demo
    has them): the smallest site that builds."""
    home = home or HomePage.objects.get()
    for slug, title in FIXED_PAGES.items():
        if not home.get_children().filter(slug=slug).exists():
            page = StandardPage(
                title=title, slug=slug, body=[("rich_text", f"<p>{title}.</p>")], live=False
            )
            home.add_child(instance=page)
            page.save_revision().publish()


def pages_naming(content: Path, path: str) -> tuple[set[str], set[str]]:
    """Content files (``inspiration/index.md``) that name the public ``path`` — in their
    front matter (a listed item's ``path``, a link in an HTML field) and in their body (a
    link) — besides its own."""
    link = f'href="{path}"'

    def names(value) -> bool:
        if isinstance(value, str):
            return link in value
        if isinstance(value, dict):
            return value.get("path") == path or any(names(v) for v in value.values())
        if isinstance(value, list):
            return any(names(v) for v in value)
        return False

    in_meta, in_body = set(), set()
    for file in Path(content).rglob("index.md"):
        meta, body = loads(file.read_text(encoding="utf-8"))
        if meta.get("path") == path:
            continue
        rel = file.relative_to(content).as_posix()
        if names(meta):
            in_meta.add(rel)
        if link in body:
            in_body.add(rel)
    return in_meta, in_body


# ---- The build step as a command line, in a child process ---------------------------------


def hub_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "sitebuild", *args]


def hub_env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "site")])}
    env.update(extra)
    return env


class Folders:
    """One site's content/ and live output, built by ``hub build`` in a child process
    from ``api``."""

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


# ---- The search index a build made ---------------------------------------------------


def index_state(out: Path) -> dict:
    """The index state the build record beside the site keeps."""
    return json.loads((out.parent / f".{out.name}.json").read_text())["search"]


def main_pages(index: dict) -> dict[str, str]:
    """URL → Pagefind id of every page in the main index, whichever part holds it."""
    return {url: pid for part in index["parts"].values() for url, pid in part["pages"].items()}


def decompressed(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by relative path, gzip-compressed ones (the index's
    chunks and fragments) decompressed."""
    files = {}
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            files[path.relative_to(folder).as_posix()] = (
                gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data
            )
    return files
