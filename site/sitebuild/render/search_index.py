"""The site's search index, made by Pagefind over the staged build before it is published.

Pagefind is not incremental and needs seconds per thousand pages, so an incremental build
indexes only the pages it re-rendered, into a small second index (``pagefind/delta/``)
beside the main one (``pagefind/main/``). ``pagefind/search.json`` tells the search script
(themes/hub/assets/search.js) to merge both and which main-index hits to drop (pages the
delta replaces, pages that are gone). A full build, or a delta of more than ``DELTA_MAX``
pages, indexes everything again. A big site's main index is made in parts
(``pagefind/main/``, ``pagefind/main-2/`` …), one Pagefind process per CPU, each over its
share of the pages; the script merges them like the delta. The shares are globs on the
first or last character of each page's folder name (``pagefind.share_globs``), so every
process reads the stage itself and nothing is copied or linked for it. A listing's further
pages (``/case/sida/2/``) are left out of every glob: they only list other pages.

Only the search page loads the search script, and the script loads Pagefind (its code,
and the index chunks a query needs) only once the visitor uses the search box. The search
page itself and its A–Ö lists are written by the pull (``sitebuild.pull.search_pages``).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..parallel import workers
from .pagefind import (
    BUNDLE,
    GLOB,
    SearchIndexFailed,
    page_ids,
    run_pagefind,
    run_pagefinds,
    share_globs,
)
from .pagefind import (
    words as entry_words,
)
from .publish import replace_file

MAIN = "main"
DELTA = "delta"
#: Read by the search script: where the indexes are and which main-index hits to drop.
PUBLIC_STATE = "search.json"
#: Of the index state (``Indexer``), kept in the build record beside the site.
STATE_VERSION = 3  # 3: kept outside the site; words of main entries behind the delta
#: From this many pages on, a full index is made in parts, by processes side by side.
PARTS_MIN_PAGES = 2000
#: Above this many pages in the delta index, the next build indexes everything again.
DELTA_MAX = 250


@dataclass
class IndexResult:
    mode: str  # "full", "delta" or "unchanged"
    indexed: int  # pages Pagefind read in this build
    seconds: float


def _url(rel: str) -> str:
    """``case/x/index.md`` or ``case/x/index.html`` → ``/case/x/``."""
    parent = PurePosixPath(rel).parent.as_posix()
    return "/" if parent == "." else f"/{parent}/"


def _file(site: Path, url: str) -> Path:
    return site.joinpath(*[p for p in url.split("/") if p], "index.html")


def _page_urls(site: Path) -> list[str]:
    """Every page of a built site (``…/index.html``), in path order; not the search bundle."""
    urls = []
    for folder, dirs, files in os.walk(site):
        rel = Path(folder).relative_to(site).as_posix()
        if rel == ".":
            dirs[:] = [d for d in dirs if d != BUNDLE]
        if "index.html" in files:
            urls.append("/" if rel == "." else f"/{rel}/")
    return sorted(urls)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


def _indexable(site: Path, url: str) -> bool:
    """A page Pagefind would index: it exists and marks its main content for the index."""
    try:
        return "data-pagefind-body" in _file(site, url).read_text(encoding="utf-8")
    except FileNotFoundError:
        return False


class Indexer:
    """Indexes one staged build; ``update`` is called once, after the render.

    ``previous`` is the index state of the live build (``state`` of the build before,
    kept in the build record beside the output, never in the site); ``state`` is this
    build's, for the record once it is published. The state holds, per part of the main
    index, its glob and its pages with their Pagefind ids; the pages whose current
    version is in the delta; and, for each of those with an older entry in the main
    index, digests of the words that entry holds (``words``).

    **Retraction is complete.** An entry of the main index may stay behind a newer
    version in the delta only while every word it holds is also in that newer version:
    then nothing in it has been withdrawn, and the search script drops it (its fragment
    file, the only place with its URL and text, is deleted). A page that left the site,
    or whose new version lacks a word its main entry has (a sentence edited out, a name
    whose consent was withdrawn), makes its part of the main index be made anew. So the
    index holds what a full build's would, and an edit that only adds, the common case,
    costs a delta of a few pages.
    """

    def __init__(self, stage: Path, bundle_aside: Path | None, previous: dict | None, reporter):
        self.stage = stage
        self.bundle = stage / BUNDLE
        self.previous_bundle = bundle_aside  # the live build's bundle, set aside
        self.previous = previous
        self.reporter = reporter
        self.result: IndexResult | None = None
        self.state: dict | None = None

    def _usable_previous(self) -> dict | None:
        state, bundle = self.previous, self.previous_bundle
        if not state or state.get("version") != STATE_VERSION or bundle is None:
            return None
        if not all((bundle / part).is_dir() for part in state["parts"]):
            return None
        return state

    def update(
        self, rendered: list[str], removed: list[str], pages: list[str] | None = None
    ) -> IndexResult:
        """Index after a render that re-rendered ``rendered`` (source paths such as
        ``case/x/index.md``) and removed ``removed`` (output paths); ``pages``, when known,
        are the source paths of every page of the site (else the stage is walked)."""
        started = time.monotonic()
        if self.reporter is not None:
            self.reporter.phase("Indexerar för sökningen")
        state = self._usable_previous()
        if state is None:
            return self._done("full", self._full(pages), started)
        changed = {_url(rel) for rel in rendered}
        gone = {_url(rel) for rel in removed if PurePosixPath(rel).name == "index.html"}
        delta = {u for u in set(state["delta"]) - gone - changed if _indexable(self.stage, u)}
        delta |= {u for u in changed if _indexable(self.stage, u)}
        if len(delta) > DELTA_MAX:
            return self._done("full", self._full(pages), started)
        # Keep the main index as it was (its parts are made anew below where need be).
        self.previous_bundle.rename(self.bundle)
        parts: dict[str, dict] = state["parts"]
        if not changed and not gone:
            self.state = state
            return self._done("unchanged", 0, started)

        shutil.rmtree(self.bundle / DELTA, ignore_errors=True)
        delta_ids = self._index_delta(delta)
        new_words = {url: entry_words(self.bundle / DELTA, delta_ids[url]) for url in delta_ids}
        words: dict[str, list[str]] = {}  # main entries kept behind their delta version
        redo: set[str] = set()  # parts to make anew
        for name, part in parts.items():
            for url, page_id in part["pages"].items():
                if url in delta_ids:
                    if url in state["words"]:  # its fragment was deleted then
                        old = state["words"][url]
                    else:
                        old = entry_words(self.bundle / name, page_id)
                    if set(old) <= set(new_words[url]):
                        words[url] = old
                        _unlink(self.bundle / name / "fragment" / f"{page_id}.pf_fragment")
                    else:
                        redo.add(name)
                elif url in changed or url in gone or url in state["delta"]:
                    redo.add(name)  # no longer in the site, or no longer indexed
        if redo:
            run_pagefinds([(self.stage, self.bundle / n, parts[n]["glob"]) for n in sorted(redo)])
            for name in redo:
                parts[name]["pages"] = page_ids(self.bundle / name)
            fresh = {url for name in redo for url in parts[name]["pages"]}
            words = {url: w for url, w in words.items() if url not in fresh}
            if delta & fresh:  # now in a part of the main index: out of the delta
                delta -= fresh
                shutil.rmtree(self.bundle / DELTA, ignore_errors=True)
                self._index_delta(delta)
        self.state = {
            "version": STATE_VERSION,
            "parts": parts,
            "delta": sorted(delta),
            "words": words,
        }
        self._write_public(parts, delta, words)
        indexed = len(delta_ids) + sum(len(parts[name]["pages"]) for name in redo)
        return self._done("delta" if not redo else "parts", indexed, started)

    def _done(self, mode: str, indexed: int, started: float) -> IndexResult:
        self.result = IndexResult(mode, indexed, time.monotonic() - started)
        return self.result

    def _full(self, pages: list[str] | None) -> int:
        shutil.rmtree(self.bundle, ignore_errors=True)
        self.bundle.mkdir()
        urls = [_url(rel) for rel in pages] if pages is not None else _page_urls(self.stage)
        globs = [GLOB]
        if len(urls) >= PARTS_MIN_PAGES and workers() > 1:
            sizes = {url: _size(_file(self.stage, url)) for url in urls}
            globs = share_globs(sizes, workers())
        names = [MAIN, *(f"{MAIN}-{k}" for k in range(2, len(globs) + 1))]
        jobs = list(zip(names, globs, strict=True))
        run_pagefinds([(self.stage, self.bundle / name, glob) for name, glob in jobs])
        parts = {name: {"glob": glob, "pages": page_ids(self.bundle / name)} for name, glob in jobs}
        seen: set[str] = set()
        for part in parts.values():
            twice = seen & part["pages"].keys()
            if twice:
                raise SearchIndexFailed(f"Sidor i mer än en del av sökindexet: {sorted(twice)[:5]}")
            seen |= part["pages"].keys()
        self.state = {"version": STATE_VERSION, "parts": parts, "delta": [], "words": {}}
        self._write_public(parts, set(), {})
        return len(seen)

    def _index_delta(self, urls: set[str]) -> dict[str, str]:
        """Index ``urls`` (a few pages of the stage) into the delta bundle."""
        if not urls:
            return {}
        with self._linked(sorted(urls)) as site:
            run_pagefind(site, self.bundle / DELTA)
        return page_ids(self.bundle / DELTA)

    @contextmanager
    def _linked(self, urls: list[str]) -> Iterator[Path]:
        """A folder beside the stage holding just the pages ``urls`` (hard links: Pagefind
        only reads them); removed afterwards."""
        site = Path(tempfile.mkdtemp(prefix=f"{self.stage.name}-pages-", dir=self.stage.parent))
        try:
            for url in urls:
                source, target = _file(self.stage, url), _file(site, url)
                target.parent.mkdir(parents=True, exist_ok=True)
                try:
                    os.link(source, target)  # read only, never written through
                except OSError:
                    shutil.copyfile(source, target)
            yield site
        finally:
            shutil.rmtree(site, ignore_errors=True)

    def _write_public(self, parts: dict, delta: set, words: dict) -> None:
        """``search.json``, for the search script: the bundles to merge and the main-index
        entries to drop (those kept behind a newer version in the delta), by Pagefind id."""
        superseded = {
            part["pages"][url] for part in parts.values() for url in words if url in part["pages"]
        }
        replace_file(
            self.bundle / PUBLIC_STATE,
            _json(
                {
                    "main": [f"/{BUNDLE}/{name}/" for name in parts],
                    "delta": f"/{BUNDLE}/{DELTA}/" if delta else None,
                    "superseded": sorted(superseded),
                }
            ),
        )


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass


@contextmanager
def indexing(
    stage: Path, previous: dict | None = None, *, full: bool, reporter=None
) -> Iterator[Indexer]:
    """Around the render of a staged build: yields the ``Indexer`` to call after it.
    ``previous``: the index state of the build the stage was copied from (``Indexer``).

    The stage of an incremental build starts as a copy of the live site, search bundle
    included; the render would prune the bundle as a stale output, so it is set aside
    until ``update`` decides to keep it. Without an ``update`` call (or on ``full``) the
    site is indexed whole on leaving the block.
    """
    stage = Path(stage)
    bundle = stage / BUNDLE
    aside = None
    if bundle.is_dir() and not full:
        aside = Path(tempfile.mkdtemp(prefix=f"{stage.name}-search-", dir=stage.parent))
        bundle.rename(aside / BUNDLE)
    else:
        shutil.rmtree(bundle, ignore_errors=True)
    indexer = Indexer(
        stage, aside / BUNDLE if aside else None, None if full else previous, reporter
    )
    try:
        yield indexer
        if indexer.result is None:
            indexer.previous = None
            indexer.update([], [])
    finally:
        if aside is not None:
            shutil.rmtree(aside, ignore_errors=True)
