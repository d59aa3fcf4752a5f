"""The demo site, built once per test session and served on localhost.

The site checks (tests/test_site_validation.py, tests/test_browser_axe.py …) run on what a
visitor gets: the demo content loaded into a throwaway database, pulled over the API and
built by the real command line (``python -m sitebuild build``), each step in a child
process with its own HUB_VAR_DIR, so neither var/ nor the test database is touched. When
DATABASE_URL is set (CI's PostgreSQL run) the build uses a throwaway database on that
server, so the PostgreSQL run checks a site built from PostgreSQL.

The output is served by the same request handler as ``hub serve`` (missing paths answer
404 with the site's 404.html, as a static host is configured to), on an ephemeral port.

For quick local iterations, HUB_TEST_SITE=<folder> reuses (or, if empty, fills) a folder
with ``content/`` and ``build/`` instead of building into a temporary one.

The search tests have a demo of their own, also built once per session (``search_site``):
built in this process inside the test database's transaction, then changed and built
again, so its search index is the one a visitor finds after a few publishes.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit

import pytest
import yaml
from django.core.management import call_command
from django.db import transaction
from sitebuild_helpers import cms_in_this_transaction, decompressed, index_state

from sitebuild.build import Reporter, build
from sitebuild.render import search_index as search

ROOT = Path(__file__).resolve().parents[1]
#: The public address the demo site is built for (HUB_SITE_URL of the CMS that builds it).
SITE_URL = "http://127.0.0.1:8001/"
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: much faster


def tool_missing(what: str) -> None:
    """Fail when CI is set (CI must install every tool), skip on a developer's machine."""
    if os.environ.get("CI"):
        pytest.fail(f"{what} (CI must install it: see .ci/run)", pytrace=False)
    pytest.skip(what)


#: Debian's Chromium (never a downloaded browser); HUB_CHROMIUM names another binary.
CHROMIUM = os.environ.get("HUB_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def chromium() -> Iterator:
    """Launch headless Chromium with Playwright; yields the browser (a generator for a
    fixture to ``yield from``)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        tool_missing("playwright is missing: install the [test] extra")
    if not Path(CHROMIUM).is_file():
        tool_missing(f"Chromium is missing at {CHROMIUM}: apt-get install chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium driven by Playwright, one per test module."""
    yield from chromium()


@pytest.fixture
def page(browser):
    """A page of its own (a new browser context) in Swedish."""
    context = browser.new_context(locale="sv-SE")
    page = context.new_page()
    yield page
    context.close()


# A filter page: /case/<dimension>/<value>/ (e.g. /case/fas/testas/); /case/sida/N/ is paging.
FILTER_PAGE = re.compile(r"^/case/(?!sida/)[^/]+/[^/]+/$")


@dataclass
class BuiltSite:
    """A built demo site: its Markdown source, its output folder and where it is served."""

    content: Path
    root: Path
    url: str = ""
    _meta: dict[str, dict] | None = field(default=None, repr=False)

    def html_files(self) -> list[Path]:
        return sorted(self.root.rglob("*.html"))

    def url_path(self, file: Path) -> str:
        """The site path of an output file: build/case/x/index.html → /case/x/."""
        rel = file.relative_to(self.root).as_posix()
        if rel == "index.html":
            return "/"
        if rel.endswith("/index.html"):
            return "/" + rel[: -len("index.html")]
        return "/" + rel

    def file_for(self, path: str) -> Path | None:
        """The output file a static host serves for a site path (path/ → path/index.html)."""
        target = self.root / path.lstrip("/")
        if path.endswith("/") or target.is_dir():
            target = target / "index.html"
        try:
            target.resolve().relative_to(self.root.resolve())
        except ValueError:
            return None
        return target if target.is_file() else None

    def pages(self) -> dict[str, dict]:
        """Front matter of every content page, by site path (read from content/)."""
        if self._meta is None:
            meta = {}
            for md in sorted(self.content.rglob("index.md")):
                text = md.read_text(encoding="utf-8")
                match = re.match(r"---\n(.*?)\n---\n", text, re.S)
                if not match:
                    continue
                data = yaml.load(match.group(1), Loader=YAML_LOADER) or {}
                rel = md.parent.relative_to(self.content).as_posix()
                meta[data.get("path") or ("/" if rel == "." else f"/{rel}/")] = data
            self._meta = meta
        return self._meta

    def cases(self) -> dict[str, dict]:
        """Front matter of every public case record, by site path."""
        return {p: m for p, m in self.pages().items() if m.get("type") == "caserecord"}

    def first_of_type(self, page_type: str) -> str:
        """The first site path (in path order) of a page type, e.g. ``casestorypage``."""
        paths = sorted(p for p, m in self.pages().items() if m.get("type") == page_type)
        if not paths:
            pytest.fail(f"The demo site has no page of type {page_type!r}", pytrace=False)
        return paths[0]

    def site_path(self, href: str, base: str = "/") -> str | None:
        """The path an href points to on this site, or None for another site or scheme."""
        parts = urlsplit(urljoin(base, href))
        if parts.scheme or parts.netloc:
            own = urlsplit(self.url)
            if (parts.scheme, parts.netloc) != (own.scheme, own.netloc):
                return None
        return urlunsplit(("", "", parts.path, parts.query, parts.fragment))


def _run(cmd: list[str], env: dict[str, str], what: str) -> None:
    proc = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True)
    if proc.returncode:
        tail = (proc.stdout + proc.stderr)[-4000:]
        pytest.fail(f"{what} failed (exit {proc.returncode}):\n{tail}", pytrace=False)


@functools.cache
def _postgres_scratch() -> tuple[str, str] | None:
    """(maintenance URL, scratch URL) when DATABASE_URL points at PostgreSQL."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return None
    parts = urlsplit(url)
    name = f"hub_site_{uuid.uuid4().hex[:10]}"
    maintenance = urlunsplit(parts._replace(path="/postgres"))
    return maintenance, urlunsplit(parts._replace(path=f"/{name}"))


def _postgres(maintenance: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(maintenance, autocommit=True) as conn:
        conn.execute(sql)


def build_demo(folder: Path) -> BuiltSite:
    """migrate, load_demo and ``sitebuild build`` in child processes, into ``folder``."""
    site = BuiltSite(content=folder / "content", root=folder / "build")
    if site.root.joinpath("index.html").is_file():
        return site
    var = folder / "var"
    var.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(
        HUB_VAR_DIR=str(var), DJANGO_SETTINGS_MODULE="cms.settings.dev", HUB_SITE_URL=SITE_URL
    )
    scratch = _postgres_scratch()
    if scratch:
        maintenance, env["DATABASE_URL"] = scratch
        _postgres(maintenance, f'CREATE DATABASE "{urlsplit(env["DATABASE_URL"]).path[1:]}"')
    try:
        py = sys.executable
        _run([py, "-m", "cms", "migrate", "--no-input", "-v", "0"], env, "migrate")
        _run([py, "-m", "cms", "load_demo", "--quiet"], env, "load_demo")
        _run(
            [py, "-m", "sitebuild", "build", "-q", "--content", str(site.content)]
            + ["--out", str(site.root)],
            env,
            "python -m sitebuild build",
        )
    finally:
        if scratch:
            name = urlsplit(env["DATABASE_URL"]).path[1:]
            _postgres(scratch[0], f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    if not site.root.joinpath("index.html").is_file():
        pytest.fail(f"The build wrote no {site.root}/index.html", pytrace=False)
    return site


def serve(site: BuiltSite) -> Iterator[BuiltSite]:
    """Serve the output on 127.0.0.1 (ephemeral port) while the generator is open."""
    from sitebuild.serve import _Handler

    class Quiet(_Handler):
        def log_message(self, format, *args):
            pass

    handler = functools.partial(Quiet, directory=str(site.root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    site.url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Iterator[BuiltSite]:
    """The demo site, built once per session, served on localhost."""
    reuse = os.environ.get("HUB_TEST_SITE")
    folder = Path(reuse) if reuse else tmp_path_factory.mktemp("demo-site")
    site = build_demo(folder)
    yield from serve(site)
    if not reuse:
        shutil.rmtree(folder / "var", ignore_errors=True)


# ---- The demo, searched (tests/test_site_search.py, tests/test_browser_search.py) -------
# The demo is loaded into the test database (rolled back afterwards) and built with the real
# build step: once whole, then incrementally after a word was edited out of one page and
# after another page was edited to add words, so the browser searches the main index merged
# with the small index of changed pages, exactly as a visitor would after a publish.

CASE = "/case/tidigare-upptackt-av-demenssjukdom/"
EDITED = "/kontakta-oss/"
OLD_WORD = "hjortronsylten"  # in the edited page's title from the first build on
NEW_TITLE = "Kontakta oss om hjortronsylten och blåbärssoppan"  # the last build adds a word
RETRACTED = "/behandling-av-personuppgifter/"
RETRACTED_WORD = "rabarberkrämen"  # in that page's title at the first build only
#: The first build makes its main index in two parts, as a big site's is, so the browser
#: tests search an index merged from parts and a delta.
PARTS = ["main", "main-2"]


@dataclass
class SearchSite:
    """The searched demo: its output and content, and what its builds left in the index."""

    out: Path
    content: Path
    first_state: dict  # pagefind/search.json after the full build
    first_index: dict  # the index state (the build record's) after the full build
    retracted_word_was_indexed: bool  # RETRACTED_WORD was in the full build's index files
    last_index: dict  # … after the last build

    def file(self, path: str) -> Path:
        return self.out.joinpath(*[p for p in path.split("/") if p], "index.html")

    def html(self, path: str) -> str:
        return self.file(path).read_text(encoding="utf-8")

    def pages(self) -> dict[str, str]:
        """Every page for visitors by path (not the 404 page, not data files: a page with
        a <main>)."""
        found = {}
        for file in sorted(self.out.rglob("index.html")):
            if search.BUNDLE in file.relative_to(self.out).parts:
                continue
            text = file.read_text(encoding="utf-8")
            if text.lstrip()[:15].lower() == "<!doctype html>" and "<main" in text:
                rel = file.parent.relative_to(self.out).as_posix()
                found["/" if rel == "." else f"/{rel}/"] = text
        return found

    def pulled_paths(self) -> set[str]:
        """Every page and case the pull wrote from the CMS."""
        state = json.loads((self.content / ".data" / "state.json").read_text("utf-8"))
        return {info["path"] for info in state["items"].values()}

    def bundle_json(self, name: str) -> dict:
        return json.loads((self.out / search.BUNDLE / name).read_text(encoding="utf-8"))


def _retitle(path: str, title: str) -> None:
    from wagtail.models import Page

    page = Page.objects.get(slug=path.strip("/").split("/")[-1]).specific
    page.title = title
    page.save_revision().publish()


@pytest.fixture(scope="session")
def search_site(tmp_path_factory, django_db_setup, django_db_blocker) -> Iterator[SearchSite]:
    """The demo for the search tests, built once per session. Nothing of it stays in the
    database: the transaction is rolled back before the tests get the site."""
    root = tmp_path_factory.mktemp("search")
    out, content = root / "out" / "build", root / "content"
    with django_db_blocker.unblock(), transaction.atomic(), cms_in_this_transaction():
        call_command("load_demo", quiet=True)
        _retitle(EDITED, f"Kontakta oss om {OLD_WORD}")
        _retitle(RETRACTED, f"Behandling av personuppgifter och {RETRACTED_WORD}")
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(search, "PARTS_MIN_PAGES", 0)
            patch.setenv("HUB_RENDER_WORKERS", str(len(PARTS)))
            build(out=out, content=content, reporter=Reporter(quiet=True))
        first_state = json.loads((out / search.BUNDLE / search.PUBLIC_STATE).read_text())
        first_index = index_state(out)
        indexed = any(RETRACTED_WORD.encode() in data for data in decompressed(out).values())
        # An ordinary build after a word was edited out: its part of the index is made anew.
        _retitle(RETRACTED, "Behandling av personuppgifter")
        build(out=out, content=content, reporter=Reporter(quiet=True))
        # Then one after an edit that only adds a word: the old entry stays behind the delta.
        _retitle(EDITED, NEW_TITLE)
        build(out=out, content=content, reporter=Reporter(quiet=True))
        transaction.set_rollback(True)
    yield SearchSite(out, content, first_state, first_index, indexed, index_state(out))
    shutil.rmtree(root, ignore_errors=True)
