"""Site search: the search page ``/sok/`` with its A–Ö lists, and a Pagefind index.

One half for each step of a build:

* **Pull** (``add_pages``, called at the end of ``derived.compute``): the search page and
  its A–Ö lists, from the cards in the pull state (never from reading other pages). Without
  JavaScript the page lists every page by section, so nothing depends on the script; a
  section with more than ``INLINE_MAX`` pages gets one page per initial letter
  (``/sok/case/a/``) so the search page itself stays small.
* **Build** (``indexing``, around the render in ``build.build``): Pagefind indexes the
  staged site before it is published. Pagefind is not incremental and needs seconds per
  thousand pages, so an incremental build indexes only the pages it re-rendered, into a
  small second index (``pagefind/delta/``) beside the main one (``pagefind/main/``).
  ``pagefind/search.json`` tells the search script (themes/hub/assets/search.js) to merge
  both and which main-index hits to drop (pages the delta replaces, pages that are gone).
  A full build, or a delta of more than ``DELTA_MAX`` pages, indexes everything again.
  A big site's main index is made in parts (``pagefind/main/``, ``pagefind/main-2/`` …),
  one Pagefind process per CPU, each over its share of the pages; the script merges them
  like the delta. One Pagefind process uses little more than one core, and its memory
  grows with the pages it holds. The shares are globs on the first or last character of
  each page's folder name (``share_globs``), so every process reads the stage itself and
  nothing is copied or linked for it. A listing's further pages (``/case/sida/2/``) are
  left out of every glob (``pages_glob``): they only list other pages.

Only the search page loads the search script, and the script loads Pagefind (its code,
and the index chunks a query needs) only once the visitor uses the search box.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from swedish import swedish_sort_key

from .facets import PAGE_SEGMENT
from .render import workers

# ---- The search page and its A–Ö lists (pull step) ---------------------------------------

SEARCH_PATH = "/sok/"
#: A section with more pages than this is listed one initial letter per page.
INLINE_MAX = 100
OTHER_TITLE = "Andra sidor"
LETTERS = "abcdefghijklmnopqrstuvwxyzåäö"
#: Letter → URL segment; å ä ö get two letters so that no two letter pages share a path.
LETTER_SLUGS = {"å": "aa", "ä": "ae", "ö": "oe", "#": "0-9"}
OTHER_LETTER = "#"
OTHER_LETTER_LABEL = "0–9"


def add_pages(out, items: dict[str, dict]) -> None:
    """Add the search page and its letter pages to ``out.pages`` (a ``derived.Derived``).

    Lists every pulled item (page or case) and the generated section pages (the case
    portal ``/case/``); generated views of those items (filter pages, later pages of a
    listing, data pages) are reached from their section page.
    """
    links = [{"title": info["card"]["title"], "path": info["path"]} for info in items.values()]
    links += [
        {"title": meta["title"], "path": meta["path"]}
        for meta, _ in out.pages.values()
        if meta["path"].count("/") == 2 and meta["path"] != SEARCH_PATH
    ]
    out.pages.update(az_pages(links))


def initial(title: str) -> str:
    """The letter a title is listed under: ``"Ängen"`` → ``"Ä"``, ``"4 frågor"`` → ``"#"``."""
    for kind, rank in swedish_sort_key(title)[0]:
        if kind == 0:  # leading space
            continue
        if kind == 2 and rank < len(LETTERS):
            return LETTERS[rank].upper()
        return OTHER_LETTER
    return OTHER_LETTER


def _sorted(links: list[dict]) -> list[dict]:
    return sorted(links, key=lambda link: (swedish_sort_key(link["title"]), link["path"]))


def _meta(template: str, type_: str, path: str, title: str, description: str) -> dict:
    return {
        "template": template,
        "title": title,
        "type": type_,
        "path": path,
        "summary": "",
        "image": None,
        "last_published": "",
        "seo_title": "",
        "description": description,
    }


def az_pages(links: list[dict]) -> dict[str, tuple[dict, str]]:
    """The search page and letter pages listing ``links`` ({title, path}) A–Ö by section.

    A section is a top-level page with pages below it; top-level pages without any, and
    the start page, are listed under "Andra sidor".
    """
    heads: dict[str, dict] = {}
    below: dict[str, list[dict]] = defaultdict(list)
    others: list[dict] = []
    for link in links:
        parts = [p for p in link["path"].strip("/").split("/") if p]
        if not parts:
            others.append(link)
        elif len(parts) == 1:
            heads[parts[0]] = link
        else:
            below[parts[0]].append(link)
    groups = []
    for segment in set(heads) | set(below):
        if segment in heads and below.get(segment):
            groups.append((segment, heads[segment]["title"], heads[segment]["path"]))
        else:
            others += [heads[segment]] if segment in heads else below[segment]
    groups.sort(key=lambda g: swedish_sort_key(g[1]))
    if others:
        groups.append(("andra-sidor", OTHER_TITLE, None))
        below["andra-sidor"] = others

    pages: dict[str, tuple[dict, str]] = {}
    sections = []
    for segment, title, path in groups:
        listed = _sorted(below[segment])
        section = {"title": title, "path": path, "count": len(listed), "items": [], "letters": []}
        if len(listed) <= INLINE_MAX:
            section["items"] = listed
        else:
            by_letter: dict[str, list[dict]] = defaultdict(list)
            for link in listed:
                by_letter[initial(link["title"])].append(link)
            order = sorted(by_letter, key=lambda c: LETTERS.find(c.lower()))  # "#" first
            letters = [
                {
                    "letter": c,
                    "label": OTHER_LETTER_LABEL if c == OTHER_LETTER else c,
                    "path": f"{SEARCH_PATH}{segment}/{LETTER_SLUGS.get(c.lower(), c.lower())}/",
                }
                for c in order
            ]
            section["letters"] = [
                {**letter, "count": len(by_letter[letter["letter"]])} for letter in letters
            ]
            for letter in letters:
                meta = _meta(
                    "search_az.html",
                    "searchletter",
                    letter["path"],
                    f"{title}: {letter['label']}",
                    f"Sidor under {title} från A till Ö, på {letter['label']}.",
                )
                meta.update(
                    section={"title": title, "path": path},
                    letter=letter["label"],
                    letters=letters,
                    items=by_letter[letter["letter"]],
                )
                pages[_rel(letter["path"])] = (meta, "")
        sections.append(section)

    meta = _meta(
        "search.html",
        "search",
        SEARCH_PATH,
        "Sök",
        "Sök bland alla sidor och case på webbplatsen, eller hitta dem i listan från A till Ö.",
    )
    meta["count"] = sum(s["count"] for s in sections) + sum(1 for s in sections if s["path"])
    meta["sections"] = sections
    pages[_rel(SEARCH_PATH)] = (meta, "")
    return pages


def _rel(path: str) -> str:
    return f"{path.strip('/')}/index.md"


# ---- The Pagefind index (build step) -----------------------------------------------------

BUNDLE = "pagefind"
MAIN = "main"
DELTA = "delta"
#: Read by the search script: where the indexes are and which main-index hits to drop.
PUBLIC_STATE = "search.json"
#: Of the index state (``Indexer``), kept in the build record beside the site.
STATE_VERSION = 3  # 3: kept outside the site; words of main entries behind the delta
#: From this many pages on, a full index is made in parts, by processes side by side.
PARTS_MIN_PAGES = 2000
#: What a page costs Pagefind besides its bytes, in bytes (for sharing out the pages).
PAGE_WEIGHT = 4000
#: Above this many pages in the delta index, the next build indexes everything again.
DELTA_MAX = 250
LANGUAGE = "sv"
#: A listing's further pages (``/case/sida/2/``) only list other pages: not indexed, and
#: not even read (they are a fifth of a big site's bytes).
SKIPPED_FOLDER = PAGE_SEGMENT
#: Lists of other pages inside <main>: indexed where those pages are, not here.
EXCLUDE = (
    ".cards",
    ".listing",
    ".headline-list",
    ".issue-list",
    ".pager",
    ".pagination",
    ".case-filters",
    ".year-nav",
    ".feed-links",
    ".updated",
)
#: Files Pagefind writes for its own ready-made interfaces; the site has its own.
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)


class SearchIndexFailed(RuntimeError):
    """Pagefind could not index the site; the message has its output."""


@dataclass
class IndexResult:
    mode: str  # "full", "delta" or "unchanged"
    indexed: int  # pages Pagefind read in this build
    seconds: float


def pagefind_binary() -> Path:
    """The Pagefind executable shipped in the ``pagefind-bin`` wheel."""
    from pagefind_bin import get_executable

    return get_executable()


def _not_named(name: str) -> str:
    """A glob for one folder name other than ``name`` (letters and digits only)."""
    other_lengths = ["?" * k for k in range(1, len(name))] + ["?" * (len(name) + 1) + "*"]
    same_length = [name[:i] + f"[!{c}]" + "?" * (len(name) - i - 1) for i, c in enumerate(name)]
    return "{" + ",".join(other_lengths + same_length) + "}"


def pages_glob(name: str = "*", *, home: bool = True) -> str:
    """A Pagefind glob for the pages (``…/index.html``, not 404.html) whose folder name
    matches ``name``, except those in a ``SKIPPED_FOLDER``; with ``home``, the home page."""
    choices = ["index.html"] if home else []
    choices += [f"{name}/index.html", f"**/{_not_named(SKIPPED_FOLDER)}/{name}/index.html"]
    return "{" + ",".join(choices) + "}"


GLOB = pages_glob()


def run_pagefind(site: Path, output: Path, glob: str = GLOB) -> None:
    """Index the pages under ``site`` into the bundle folder ``output`` (made anew)."""
    run_pagefinds([(site, output, glob)])


def run_pagefinds(jobs: list[tuple[Path, Path, str]]) -> None:
    """Index each ``(site, output, glob)``, all at the same time."""
    running = []
    try:
        for site, output, glob in jobs:
            running.append((site, output, _start_pagefind(site, output, glob)))
        for site, output, process in running:
            stdout, stderr = process.communicate()
            if process.returncode != 0 or not (output / "pagefind.js").exists():
                details = (stderr or stdout).strip()[-2000:]
                raise SearchIndexFailed(f"Pagefind kunde inte indexera {site}: {details}")
            for name in UNUSED:
                (output / name).unlink(missing_ok=True)
    finally:
        for _site, _output, process in running:
            if process.poll() is None:
                process.kill()
                process.wait()


def _start_pagefind(site: Path, output: Path, glob: str) -> subprocess.Popen:
    if output.exists():
        shutil.rmtree(output)
    command = [
        str(pagefind_binary()),
        "--site",
        str(site.absolute()),
        "--output-path",
        str(output.absolute()),
        "--force-language",
        LANGUAGE,
        "--glob",
        glob,
        "--silent",
    ]
    for selector in EXCLUDE:
        command += ["--exclude-selectors", selector]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def page_ids(bundle: Path) -> dict[str, str]:
    """URL → Pagefind result id of every page in a bundle (its fragment files)."""
    ids = {}
    for fragment in (bundle / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes())
        data = data[data.index(b"{") :]  # after Pagefind's "pagefind_dcd" signature
        ids[json.loads(data)["url"]] = fragment.name.removesuffix(".pf_fragment")
    return ids


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


def share_globs(sizes: dict[str, int], n: int) -> list[str]:
    """Pagefind globs that split the pages ``sizes`` (URL → bytes) in up to ``n`` shares of
    about the same weight, by the first or the last character of each page's folder name
    (whichever splits these pages more evenly: generated names may share a prefix).

    Each share but the last lists its characters (``[ace]*`` in ``pages_glob``); the last takes
    every other character and the home page, so the shares cover every page exactly once,
    whatever the names. Only letters and digits are listed: anything else would need
    escaping inside a glob, and goes to the last share.
    """
    best: tuple[int, str, list[list[str]]] | None = None
    for pattern, pick in (("{}*", lambda name: name[:1]), ("*{}", lambda name: name[-1:])):
        weight: dict[str, int] = defaultdict(int)
        loads = [0] * n
        for url, size in sizes.items():
            folders = url.strip("/").split("/")
            if folders[-2:-1] == [SKIPPED_FOLDER]:
                continue  # not read at all
            char = pick(folders[-1])
            if char.isalnum():
                weight[char] += size + PAGE_WEIGHT
            else:
                loads[-1] += size + PAGE_WEIGHT
        chars: list[list[str]] = [[] for _ in range(n)]
        for char in sorted(weight, key=lambda c: (-weight[c], c)):  # heaviest first
            k = min(range(n), key=lambda i: (loads[i], i))  # onto the lightest share
            loads[k] += weight[char]
            chars[k].append(char)
        if best is None or max(loads) < best[0]:
            best = (max(loads), pattern, chars)
    _, pattern, chars = best
    listed = [sorted(share) for share in chars[:-1] if share]
    if not listed:
        return [GLOB]
    every = "".join(sorted(c for share in listed for c in share))
    globs = [pages_glob(pattern.format(f"[{''.join(share)}]"), home=False) for share in listed]
    return [*globs, pages_glob(pattern.format(f"[!{every}]"))]


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


def _write_json(path: Path, data) -> None:
    # A new file renamed over the old one: in a stage the old one may be a hard link to the
    # live site's (publish.py).
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    tmp.replace(path)


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
        new_words = {url: _words(self.bundle / DELTA, delta_ids[url]) for url in delta_ids}
        words: dict[str, list[str]] = {}  # main entries kept behind their delta version
        redo: set[str] = set()  # parts to make anew
        for name, part in parts.items():
            for url, page_id in part["pages"].items():
                if url in delta_ids:
                    if url in state["words"]:  # its fragment was deleted then
                        old = state["words"][url]
                    else:
                        old = _words(self.bundle / name, page_id)
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
        _write_json(
            self.bundle / PUBLIC_STATE,
            {
                "main": [f"/{BUNDLE}/{name}/" for name in parts],
                "delta": f"/{BUNDLE}/{DELTA}/" if delta else None,
                "superseded": sorted(superseded),
            },
        )


#: Stripped from both ends of a word: Pagefind ends each block of text with a full stop.
_PUNCTUATION = ".,;:!?()[]{}\"'«»“”‘’…"


def _words(bundle: Path, page_id: str) -> list[str]:
    """Digests of the words a page's entry in ``bundle`` holds: each whitespace-separated
    word of its text, title and headings, lower-cased and without the punctuation around
    it (Pagefind makes every word it indexes out of one of these). Digests, so the build
    record beside the site holds no text."""
    data = gzip.decompress((bundle / "fragment" / f"{page_id}.pf_fragment").read_bytes())
    fragment = json.loads(data[data.index(b"{") :])
    texts = [fragment.get("content", ""), *_strings(fragment.get("meta"))]
    texts += [*_strings(fragment.get("filters")), *_strings(fragment.get("anchors"))]
    words = {word.strip(_PUNCTUATION) for text in texts for word in text.lower().split()}
    return sorted(hashlib.blake2b(w.encode(), digest_size=8).hexdigest() for w in words)


def _strings(value) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


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
