"""Run MkDocs on content/ into a directory, strictly, and report what it rendered."""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException

from ..contract import MKDOCS_YML, data_file
from ..parallel import run_beside, workers
from ..paths import clean_url

#: Below this many pages a full build renders in one process (a fork costs more).
PARALLEL_MIN_PAGES = 500


class BuildFailed(RuntimeError):
    """MkDocs could not build the site; the message names the page or file."""


@dataclass
class RenderResult:
    rendered: list[str]  # source paths of the pages rendered
    warnings: list[str]
    removed: list[str]  # output paths removed (gone since the last build)
    pages: list[str]  # source paths of every page of the site
    outputs: str = ""  # a digest of every output path the site has (``prune_stale``'s list)


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def load(content: Path, out: Path, *, site_url: str | None = None, config_file: Path = MKDOCS_YML):
    overrides = {
        "docs_dir": str(content.absolute()),
        "site_dir": str(out.absolute()),
        "strict": True,
    }
    if site_url:
        overrides["site_url"] = site_url
    return load_config(config_file=str(config_file), **overrides)


def render(
    content: Path,
    out: Path,
    *,
    dirty: bool,
    site_url: str | None = None,
    on_rendered: Callable[[str], None] | None = None,
    outputs: str = "",
) -> RenderResult:
    """Build ``content`` into ``out``. With ``dirty``, pages whose output is newer than their
    source are neither read nor rendered (MkDocs' dirty build), and ``outputs`` is the
    digest of the output paths of the build ``out`` started as a copy of.

    A full build of many pages is shared between processes (``workers()``): each runs
    MkDocs over the whole site but renders only its share of the pages (see the plugin's
    ``share``). MkDocs renders one page at a time, and at 10 000 pages the render is most
    of a full build."""
    if not site_url:
        _require_site_address(content)
    n = 1 if dirty or not _has_pages(content, PARALLEL_MIN_PAGES) else workers()
    helpers = [(_share_report, (content, out, (k, n), dirty, site_url)) for k in range(1, n)]

    def first_share():
        share = (0, n) if n > 1 else None
        return _render_share(content, out, share, dirty, site_url, on_rendered)

    try:
        (config, result), shares = run_beside(first_share, helpers)
    except BuildFailed:
        raise
    except Exception as exc:  # a helper failed otherwise, or died
        raise BuildFailed(str(exc) or type(exc).__name__) from exc
    for share in shares:
        result.rendered += share["rendered"]
        result.warnings += share["warnings"]
        if on_rendered:
            for rel in share["rendered"]:
                on_rendered(rel)  # the progress display catches up
    plugin = config.plugins["hub"]
    templates = {clean_url(t) for t in config.theme.static_templates}
    keep = set(plugin.known_urls) | templates | {f"{t}.gz" for t in templates}
    # A dirty build removes what is gone since the build it started from; when the site has
    # the same outputs as that one (``outputs``, its digest), nothing is, and the walk of
    # every folder of the output (most of a second at 10 000 pages) is saved.
    result.outputs = hashlib.sha1("\n".join(sorted(keep)).encode()).hexdigest()
    result.removed = prune_stale(out, keep) if dirty and result.outputs != outputs else []
    return result


def _require_site_address(content: Path) -> None:
    """A build needs the site's address (the data file ``site`` the pull writes): without
    it there would be no canonical links and an empty sitemap."""
    path = content / data_file("site")
    try:
        address = json.loads(path.read_text(encoding="utf-8"))["site_url"]
    except (OSError, ValueError, KeyError, TypeError):
        address = None
    if not address:
        raise BuildFailed(f"{path}: webbplatsens adress saknas (kör 'hub pull').")


def _has_pages(content: Path, at_least: int) -> bool:
    """Whether ``content`` holds ``at_least`` pages (stops counting there)."""
    count = 0
    for _folder, dirs, files in os.walk(content):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        count += sum(1 for f in files if f.endswith(".md"))
        if count >= at_least:
            return True
    return False


def _render_share(content, out, share, dirty, site_url, on_rendered):
    """Run MkDocs; with ``share``, over that share of the pages only."""
    config = load(content, out, site_url=site_url)
    plugin = config.plugins["hub"]
    plugin.on_rendered = on_rendered
    plugin.share = share
    plugin.dirty = dirty
    collector = _Collect()
    mkdocs_logger = logging.getLogger("mkdocs")
    mkdocs_logger.addHandler(collector)
    try:
        mkdocs_build(config, dirty=dirty)
    except (Abort, MkDocsException) as exc:
        details = "; ".join(collector.messages[:10])
        raise BuildFailed(f"{exc}{': ' + details if details else ''}") from exc
    finally:
        mkdocs_logger.removeHandler(collector)
    return config, RenderResult(
        rendered=list(plugin.rendered),
        warnings=collector.messages,
        removed=[],
        pages=list(plugin.pages),
    )


def _share_report(content, out, share, dirty, site_url) -> dict:
    """Render one share in a helper process (``parallel.run_beside``): what it rendered."""
    _config, result = _render_share(content, out, share, dirty, site_url, None)
    return {"rendered": result.rendered, "warnings": result.warnings}


def prune_stale(out: Path, keep: set[str]) -> list[str]:
    """Remove what a dirty build left behind: outputs of pages and files that are gone, and
    the folders that leaves empty."""
    removed = []
    root = os.fspath(out)
    for folder, _dirs, files in os.walk(root, topdown=False):
        rel_folder = os.path.relpath(folder, root).replace(os.sep, "/")
        prefix = "" if rel_folder == "." else rel_folder + "/"
        left = len(files)
        for name in files:
            rel = prefix + name
            if clean_url(rel) not in keep:
                os.unlink(os.path.join(folder, name))
                removed.append(rel)
                left -= 1
        if not left and prefix and not os.listdir(folder):
            os.rmdir(folder)
    return sorted(removed, reverse=True)
