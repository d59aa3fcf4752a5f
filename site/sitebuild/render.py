"""Run MkDocs on content/ into a directory, strictly, and report what it rendered."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException

from .paths import clean_url

SITE_DIR = Path(__file__).resolve().parent.parent
MKDOCS_YML = SITE_DIR / "mkdocs.yml"


class BuildFailed(RuntimeError):
    """MkDocs could not build the site; the message names the page or file."""


@dataclass
class RenderResult:
    rendered: list[str]
    warnings: list[str]
    removed: list[str]


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
) -> RenderResult:
    """Build ``content`` into ``out``. With ``dirty``, pages whose output is newer than their
    source are neither read nor rendered (MkDocs' dirty build)."""
    config = load(content, out, site_url=site_url)
    plugin = config.plugins["hub"]
    plugin.on_rendered = on_rendered
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
    templates = {clean_url(t) for t in config.theme.static_templates}
    keep = set(plugin.known_urls) | templates | {f"{t}.gz" for t in templates}
    removed = prune_stale(out, keep) if dirty else []
    return RenderResult(
        rendered=list(plugin.rendered), warnings=collector.messages, removed=removed
    )


def prune_stale(out: Path, keep: set[str]) -> list[str]:
    """Remove what a dirty build left behind: outputs of pages and files that are gone."""
    removed = []
    for path in sorted(out.rglob("*"), reverse=True):
        if path.is_dir():
            if not any(path.iterdir()):
                path.rmdir()
            continue
        rel = path.relative_to(out).as_posix()
        if clean_url(rel) not in keep:
            path.unlink()
            removed.append(rel)
    return removed
