"""``hub pull``: the CMS's API → content/ (Markdown + front matter, media, data files).

Incremental by design. The manifest lists every published item with its path and last
change; the state of the previous pull (``content/.data/state.json``) says what is on disk.
Only new or changed items are fetched; deleted, unpublished and moved items lose their old
file; pages that linked to a path that disappeared are fetched again (their links change).
Derived data — listings, previous/next, "stories about this case", the case portal — is
computed from the cards kept in the state, and a file is written only when its bytes
change, so MkDocs' dirty build re-renders exactly the pages that depend on a change.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from swedish import swedish_sort_key

from .. import parallel
from ..contract import DATA_DIR, NEWSLETTER_ISSUE_PAGE, data_file
from ..files import replace_file, write_if_changed
from ..frontmatter import dumps, loads
from ..paths import content_file
from . import accessibility, derived, feeds
from .client import ApiClient
from .digest import digest
from .fetch import Fetcher, check_plausible, manifest
from .mapping import Entry
from .media import MediaStore, remove_unused
from .site import site_data

STATE_VERSION = 5  # 4: the media each item uses; 5: cards name goals, no-break spaces
#: From this many files on, two processes write them (see ``_write_entries``).
PARALLEL_WRITES = 1000
#: The pull's own bookkeeping in content/.data/: private, never read by the theme.
STATE_FILE = "state.json"
_INTERNAL_LINK = re.compile(r'href="(/[^"#?]*)')
#: What content/ holds besides the pull's own files: a README for people, never removed.
README = "README.md"


@dataclass
class PullResult:
    fetched: int = 0
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    media: int = 0
    requests: int = 0
    full: bool = False
    #: Names what content/ holds after this pull: a new one whenever the pull changed its
    #: state. The build publishes it and records it (build.py), so a build that was killed
    #: after its pull is followed by one that publishes what it pulled.
    content_id: str | None = None

    @property
    def changed(self) -> bool:
        return bool(self.written or self.removed)


class Puller:
    def __init__(
        self,
        client: ApiClient,
        content: Path,
        progress=None,
        site_url=None,
        allow_mass_delete: bool = False,
    ):
        self.client = client
        self.allow_mass_delete = allow_mass_delete
        self.site_url = site_url  # --site-url: instead of the address the CMS gives
        self.content = Path(content)
        self.data_dir = self.content / DATA_DIR
        self.media = MediaStore(client, self.content)
        self.progress = progress or (lambda *a, **k: None)
        self.result = PullResult()

    # State ---------------------------------------------------------------------------------

    def _load_state(self) -> dict:
        path = self.data_dir / STATE_FILE
        try:
            state = json.loads(path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return {}
        return state if state.get("version") == STATE_VERSION else {}

    def _write_data(self, name: str, data) -> bool:
        text = json.dumps(
            data, ensure_ascii=False, sort_keys=True, indent=None, separators=(",", ":")
        )
        written = write_if_changed(self.content / data_file(name), text)
        if written:
            self.result.written.append(data_file(name))
        return written

    # Main ----------------------------------------------------------------------------------

    def run(self, *, full: bool = False) -> PullResult:
        state = {} if full else self._load_state()
        old: dict[str, dict] = state.get("items", {})
        self.result.full = not old

        self.result.content_id = state.get("content_id")
        current = manifest(self.client)
        removed = [k for k in old if k not in current]
        if not self.allow_mass_delete:
            check_plausible(self.client, current, old, removed)
        moved = [k for k in current if k in old and old[k]["path"] != current[k]["path"]]
        changed = {
            k
            for k, item in current.items()
            if k not in old
            or old[k]["last_changed"] != item["last_changed"]
            or old[k]["path"] != item["path"]
        }
        gone_paths = {old[k]["path"] for k in removed + moved}
        for key, entry in old.items():
            if key in current and gone_paths & set(entry.get("links", [])):
                changed.add(key)  # links to a page that moved or went away

        # Case records embed organisation, topic and goal names; renaming one does not
        # change the records' own change time, so a taxonomy change refetches every case.
        taxonomies = self.client.get("taxonomies/")
        taxonomy_digest = digest(taxonomies)
        if old and state.get("taxonomies") != taxonomy_digest:
            changed |= {k for k, item in current.items() if item["kind"] != "page"}

        stats = self.client.get("stats/")
        # Nuläget over time ("Nuläget över tid"), and a digest of its figures but today's
        # date, with the register's version: a newsletter issue's Nuläget is computed for
        # its date when it is fetched, so when a figure of any date may have changed (a
        # phase history corrected, a case added) every issue is fetched again, and the
        # issues and the statistics page agree.
        stats_years = self.client.get("stats/years/")
        figures_digest = digest(_figures(stats_years))
        if old and state.get("figures") != figures_digest:
            changed |= {k for k, item in current.items() if item["type"] == NEWSLETTER_ISSUE_PAGE}
        stats_digest = digest([stats, stats_years])
        # The site settings and address every page shows (a change re-renders every page).
        site = site_data(self.client.get("site/"), self.client.url("site/"), self.site_url)
        site_digest = digest(site)
        unchanged = state.get("stats") == stats_digest and state.get("site") == site_digest
        if old and not changed and not removed and not moved and unchanged:
            # Nothing that any page shows has changed: nothing to fetch, derive or write.
            self.result.requests = self.client.requests
            return self.result
        self.result.content_id = uuid.uuid4().hex

        fetcher = Fetcher(self.client, self.media, self.progress)
        fetched = fetcher.fetch(changed, current)
        self.result.fetched = len(fetched)

        items: dict[str, dict] = {k: v for k, v in old.items() if k in current}
        for key in removed + moved:
            self._remove_file(old[key]["file"])
        for entry in fetched.values():
            items[entry.key] = {
                "type": entry.type,
                "path": entry.path,
                "file": content_file(entry.path).as_posix(),
                "last_changed": current[entry.key]["last_changed"],
                "card": entry.card,
                "links": _links(entry),
                "media": fetcher.media_of.get(entry.key, []),
                "derived": None,
            }

        self._write_data("stats", stats)
        self._write_data("stats_years", stats_years)
        self._write_data("taxonomies", taxonomies)
        self._write_data("site", site)

        generated = derived.compute(items, stats, stats_years)
        accessibility.add(generated.extra, items, self.content)
        feeds.update(self.content, items, self.result, site)
        self._write_entries(fetched, items, generated)
        self._write_generated(generated.pages, state.get("generated", []))
        for name, data in generated.data.items():
            self._write_data(name, data)
        used = {path for info in items.values() for path in info["media"]}
        self.result.removed += remove_unused(self.content, used)
        self._write_data("sitemap", self._sitemap(items, current, generated))

        self._save_state(
            {
                "version": STATE_VERSION,
                "content_id": self.result.content_id,
                "items": items,
                "generated": sorted(generated.pages),
                "taxonomies": taxonomy_digest,
                "stats": stats_digest,
                "figures": figures_digest,
                "site": site_digest,
            }
        )
        self.result.media = self.media.downloaded
        self.result.requests = self.client.requests
        return self.result

    # Writing -------------------------------------------------------------------------------

    def _write_file(self, rel: str, meta: dict, body: str) -> None:
        if write_if_changed(self.content / rel, dumps(meta, body)):
            self.result.written.append(rel)

    def _write_entries(self, fetched: dict[str, Entry], items: dict, generated) -> None:
        """Write each fetched item, and each other item whose derived data changed.

        Many files are written by two processes (``parallel.run_beside``, each every other
        file): turning a page into text is Python's work, making the file the kernel's,
        and at 10 000 pages both take seconds."""
        jobs: list[tuple[str, dict | None, dict, str | None]] = []
        for key, info in items.items():
            extra = generated.extra.get(key, {})
            derived_digest = digest(extra)
            entry = fetched.get(key)
            if entry is not None:
                jobs.append((info["file"], entry.meta, extra, entry.body))
            elif derived_digest != info.get("derived"):
                jobs.append((info["file"], None, extra, None))  # the file has the rest
            info["derived"] = derived_digest
        if len(jobs) < PARALLEL_WRITES or not parallel.available():
            self.result.written += _write_jobs(self.content, jobs)
            return
        mine, [theirs] = parallel.run_beside(
            lambda: _write_jobs(self.content, jobs[0::2]),
            [(_write_jobs, (self.content, jobs[1::2]))],
        )
        self.result.written += mine + theirs

    def _write_generated(self, pages: dict[str, tuple[dict, str]], before: list[str]) -> None:
        for rel, (meta, body) in pages.items():
            self._write_file(rel, meta, body)
        for rel in set(before) - set(pages):
            self._remove_file(rel)

    def _remove_file(self, rel: str) -> None:
        path = self.content / rel
        if path.exists():
            path.unlink()
            self.result.removed.append(rel)
        # Remove folders left empty (never content/ itself).
        parent = path.parent
        while parent != self.content and parent.exists() and not any(parent.iterdir()):
            parent.rmdir()
            parent = parent.parent

    def _sitemap(self, items, current, generated) -> list[dict]:
        rows = [
            {"path": info["path"], "lastmod": current[key]["last_changed"]}
            for key, info in items.items()
        ]
        rows += [
            {"path": meta["path"], "lastmod": meta.get("last_published") or self._mtime(rel)}
            for rel, (meta, _) in generated.pages.items()
            if meta.get("sitemap", True)  # False: not a page for search engines (noindex)
        ]
        return sorted(rows, key=lambda r: swedish_sort_key(r["path"]))

    def _mtime(self, rel: str) -> str:
        """When a generated page's file last changed (it is written only when it changes)."""
        stamp = (self.content / rel).stat().st_mtime
        return dt.datetime.fromtimestamp(stamp, dt.UTC).isoformat(timespec="seconds")

    def _save_state(self, state: dict) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        replace_file(
            self.data_dir / STATE_FILE, json.dumps(state, ensure_ascii=False, sort_keys=True)
        )


def _write_jobs(content: Path, jobs) -> list[str]:
    """Write each ``(rel, meta, extra, body)``: the page ``meta`` + ``extra`` with ``body``,
    or where ``meta`` is None the file's own front matter and body with ``extra``. The files
    written (the others already held those bytes)."""
    written = []
    for rel, meta, extra, body in jobs:
        path = content / rel
        if meta is None:
            meta, body = loads(path.read_text(encoding="utf-8"))
        if write_if_changed(path, dumps({**meta, **extra}, body)):
            written.append(rel)
    return written


def _figures(stats_years: dict) -> dict:
    """``/stats/years/`` without today's date (which changes every day): its figures and
    the register's version."""
    if not isinstance(stats_years, dict):
        return {}
    points = stats_years.get("points") or []
    return {
        "points": [{k: v for k, v in point.items() if k != "as_of"} for point in points],
        "version": stats_years.get("version"),
    }


def _links(entry: Entry) -> list[str]:
    """The site paths a page refers to of its own accord: links in its body and in the HTML
    of its front matter (the home page's contact text, a case record's texts), and the
    ``path`` of each item it shows (an article's related cases). Derived data is not here:
    it is computed again on every pull."""
    paths: set[str] = set()

    def walk(value, nested):
        if isinstance(value, str):
            paths.update(_INTERNAL_LINK.findall(value))
        elif isinstance(value, dict):
            for key, item in value.items():
                if key == "path" and nested and isinstance(item, str):
                    paths.add(item)
                else:
                    walk(item, True)
        elif isinstance(value, list):
            for item in value:
                walk(item, True)

    walk(entry.body, False)
    walk(entry.meta, False)
    return sorted(paths)


def _empty(content: Path) -> None:
    """Remove everything in content/ but its README (a tracked file for people)."""
    if not content.is_dir():
        return
    for path in content.iterdir():
        if path.name == README:
            continue
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()


def pull(
    client: ApiClient,
    content: Path,
    *,
    full: bool = False,
    progress=None,
    site_url=None,
    allow_mass_delete: bool = False,
) -> PullResult:
    """Pull into ``content``. A failure leaves content/ possibly half-updated, but the next
    pull repairs it (state is saved last) and the live site is untouched."""
    if full:
        _empty(Path(content))
    puller = Puller(client, content, progress, site_url, allow_mass_delete)
    return puller.run(full=full)
