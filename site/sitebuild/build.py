"""``hub build``: pull, then render with MkDocs into a staging directory, then publish.

With nothing changed since the last build nothing is fetched or rendered; with one page
changed only it and what shows it are re-rendered (see ``pull`` and ``derived``). A change
to the theme or to mkdocs.yml, or to the site settings every page shows (``pull/site.py``),
makes the next build render every page.

Safe to run unattended: one build at a time (``lock``), within time and size limits
(``limits``), and nothing pulled is ever lost. The record beside the output
(``.build.json``) says which pull (``PullResult.content_id``) the live site shows, and is
written only after the publish: a build killed after its pull leaves a record that does not
match content/, and the next build renders and publishes what that pull brought.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from . import limits, lock
from .contract import MKDOCS_YML, data_file
from .files import replace_file
from .pull import ApiClient, PullResult, pull
from .render import RenderResult, publish, render, search_index

ROOT = Path(__file__).resolve().parent.parent.parent
#: Where the pull writes and where the build publishes, unless a command says otherwise.
#: HUB_CONTENT_DIR and HUB_BUILD_DIR move them for every process at once: ``hub build``,
#: ``hub serve`` and the worker's rebuilds (``hub demo`` passes its environment to all).
CONTENT = Path(os.environ.get("HUB_CONTENT_DIR") or ROOT / "content")
OUT = Path(os.environ.get("HUB_BUILD_DIR") or ROOT / "site" / "build")
THEME = ROOT / "themes" / "hub"


@dataclass
class BuildSummary:
    pulled: PullResult
    rendered: int
    removed: int
    seconds: float
    skipped: bool

    def line(self) -> str:
        if self.skipped:
            what = "inget ändrat, inget renderat"
        else:
            what = f"{self.rendered} sidor renderade"
        return (
            f"Klart: {self.pulled.fetched} objekt hämtade, {what}, "
            f"{len(self.pulled.written)} filer skrivna, {self.seconds:.1f} s"
        )


def signature() -> str:
    """A digest of everything besides content that shapes the output."""
    digest = hashlib.sha1()
    here = Path(__file__).parent / "render"
    # What renders content (a change in the pull or mapping shows up as changed content).
    renderers = sorted(here.glob("*.py"))
    for path in sorted([MKDOCS_YML, *THEME.rglob("*"), *renderers]):
        if path.is_file():
            digest.update(path.as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def site_digest(content: Path) -> str | None:
    """A digest of the site data file (``pull/site.py``): the address and the contact
    details every page shows. When it changes, every page is rendered again."""
    try:
        return hashlib.sha1((content / data_file("site")).read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


def _record_path(out: Path) -> Path:
    return out.absolute().parent / f".{out.name}.json"


def _write_record(path: Path, record: dict) -> None:
    replace_file(path, json.dumps(record))


def build(
    api: str | None = None,
    *,
    out: Path = OUT,
    content: Path = CONTENT,
    wait: float = 0,
    **options,
) -> BuildSummary:
    """Pull and publish; ``wait``: seconds to wait for a build that is running already
    (``lock.BuildBusy`` after that). ``options`` are ``build_locked``'s."""
    with lock.holding(content, out, wait=wait):
        return build_locked(api, out=out, content=content, **options)


def build_locked(
    api: str | None = None,
    *,
    out: Path = OUT,
    content: Path = CONTENT,
    full: bool = False,
    site_url: str | None = None,
    reporter=None,
    client: ApiClient | None = None,
    allow_mass_delete: bool = False,
) -> BuildSummary:
    """``build`` for a caller that holds the lock of ``content`` and ``out`` already
    (``lock.holding``): the worker takes it before it marks a build as running."""
    reporter = reporter or Reporter(stream=sys.stderr)
    seconds = limits.build_time_limit()
    with limits.time_limit(
        seconds, f"Bygget tog längre än {seconds:g} sekunder (HUB_BUILD_TIME_LIMIT)."
    ):
        return _build(api, out, content, full, site_url, reporter, client, allow_mass_delete)


def _build(api, out, content, full, site_url, reporter, client, allow_mass_delete):
    started = time.monotonic()
    own_client = client is None
    if client is None:
        from .local_cms import api_client  # the CMS in this process, unless ``api``

        client = api_client(api)
    try:
        reporter.phase("Hämtar från CMS:et")
        pulled = pull(
            client,
            content,
            full=full,
            progress=reporter.tick,
            site_url=site_url,
            allow_mass_delete=allow_mass_delete,
        )
    finally:
        if own_client:
            client.close()

    sig = signature()
    site = site_digest(content)
    record_file = _record_path(out)
    try:
        record = json.loads(record_file.read_text())
    except (FileNotFoundError, ValueError):
        record = {}
    live = publish.live_dir(out)
    # The same code, theme and site settings: only what changed needs rendering.
    same_shape = record.get("signature") == sig and record.get("site") == site
    same_shape = same_shape and live is not None
    published = pulled.content_id is not None and record.get("content_id") == pulled.content_id
    if same_shape and published and not full:
        return BuildSummary(pulled, 0, 0, time.monotonic() - started, skipped=True)

    incremental = same_shape and not full
    reporter.phase("Bygger webbplatsen")
    result: RenderResult
    with (
        publish.staged(out, incremental=incremental) as stage,
        search_index.indexing(
            stage, record.get("search"), full=not incremental, reporter=reporter
        ) as index,
    ):
        result = render(
            content,
            stage,
            dirty=incremental,
            site_url=site_url,
            on_rendered=reporter.tick,
            # Trusted only if the record is the live build's: a build killed between its
            # swap and its record leaves the record of the build before.
            outputs=record.get("outputs", "") if live and record.get("live") == live.name else "",
        )
        index.update(result.rendered, result.removed, result.pages)  # before the swap
    _write_record(
        record_file,
        {
            "signature": sig,
            "site": site,
            "content_id": pulled.content_id,
            "search": index.state,
            "outputs": result.outputs,
            "live": publish.live_dir(out).name,
        },
    )
    return BuildSummary(
        pulled, len(result.rendered), len(result.removed), time.monotonic() - started, skipped=False
    )


class Reporter:
    """A progress display on a terminal; plain log lines otherwise."""

    def __init__(self, stream=sys.stderr, quiet: bool = False):
        self.stream = stream
        self.quiet = quiet
        self.tty = hasattr(stream, "isatty") and stream.isatty()
        self.count = 0
        self.name = ""
        self._progress = None
        self._task = None

    def phase(self, name: str) -> None:
        self._stop()
        self.name, self.count = name, 0
        if self.quiet:
            return
        if self.tty:
            from rich.console import Console
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self._progress = Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                TextColumn("{task.completed} st"),
                TimeElapsedColumn(),
                console=Console(file=self.stream),
                transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task(name, total=None)
        else:
            print(f"{name} …", file=self.stream, flush=True)

    def tick(self, what: str = "") -> None:
        self.count += 1
        if self.quiet:
            return
        if self._progress is not None:
            self._progress.update(self._task, advance=1)
        elif self.count % 500 == 0:
            print(f"  {self.name}: {self.count} st", file=self.stream, flush=True)

    def _stop(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    def done(self, line: str) -> None:
        self._stop()
        if not self.quiet:
            print(line, file=self.stream, flush=True)
