"""The hub's MkDocs plugin: Swedish filters, build data, strict internal link checking.

Registered as the ``hub`` plugin (entry point in pyproject.toml). Listings, feeds and facet
pages read the data files the pull step writes (``content/.data/*.json``, the ones
``contract.DATA_FILES`` names), never the other pages' metadata: in a dirty build MkDocs
does not read unmodified pages. Uses plugin events and documented objects; what goes
beyond them is in ``internals``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files, InclusionLevel

from swedish import (
    no_break_html,
    swedish_date,
    swedish_month,
    swedish_number,
    swedish_percent,
    swedish_sort_key,
)

from ..contract import DATA_FILES
from ..frontmatter import loads
from ..paths import clean_url
from .chart import bar_chart
from .internals import BodylessPage, dict_keys_first, drop_dirty_notice
from .pagefind import search_title, weigh_function_words
from .publish import detach

# One pattern per attribute: a pattern that starts with a literal is searched ten times
# faster than one that starts with an alternation (this runs over every page's HTML).
_LINK_RES = (re.compile(r'href="(/[^"#?]*)'), re.compile(r'src="(/[^"#?]*)'))
#: What ``on_page_read_source`` hands MkDocs before a page's body: empty front matter, so
#: MkDocs reads no metadata of its own from the body (``on_page_markdown`` sets it).
_NO_FRONT_MATTER = "---\n{}\n---\n"

drop_dirty_notice()


def _typeset(value):
    """Jinja's ``finalize``: text gets Swedish no-break spaces (``swedish.no_break_html``,
    which leaves tags and attributes alone); numbers and other values are printed as they
    are."""
    return no_break_html(value) if isinstance(value, str) else value


class HubPluginConfig(Config):
    data_dir = c.Type(str, default=".data")
    check_links = c.Type(bool, default=True)


class HubPlugin(BasePlugin[HubPluginConfig]):
    #: Called with the page's src path after each page is rendered (progress display).
    on_rendered: Callable[[str], None] | None = None
    #: ``(k, n)``: render only every n-th page from the k-th (one of n processes building
    #: one site together, see run.py); the first process also writes everything else.
    share: tuple[int, int] | None = None
    #: Set for MkDocs' dirty build (run.py): pages whose output is up to date are left
    #: out of the build altogether (MkDocs would still make a Page of each, and check it).
    dirty: bool = False

    def on_config(self, config):
        self._good_links: set[str] = set()  # links found good in this build
        self.rendered: list[str] = []
        self.pages: list[str] = []  # every page of the site, rendered in this run or not
        self.known_urls: set[str] = set()
        self._data: dict[str, object] = {}
        self._front_matter: dict[str, dict] = {}  # src_uri → meta, until on_page_markdown
        self.data_path = Path(config["docs_dir"]) / self.config.data_dir
        # The site's address is the CMS's (the data file "site", pull/site.py), so canonical
        # links, Open Graph, the sitemap and robots.txt follow it, unless the config names one.
        if not config.get("site_url"):
            config["site_url"] = self.data("site", {}).get("site_url")
        return config

    def data(self, name: str, default=None):
        """The data file ``content/.data/<name>.json`` (read once per build); only the
        data files of the contract (``contract.DATA_FILES``), never the pull's own."""
        if name not in DATA_FILES:
            raise PluginError(f"{name!r} är ingen datafil för teman (se sitebuild/contract.py).")
        if name not in self._data:
            path = self.data_path / f"{name}.json"
            if not path.exists():
                if default is not None:
                    return default
                raise PluginError(f"Datafilen {path} saknas (kör 'hub pull').")
            self._data[name] = json.loads(path.read_text(encoding="utf-8"))
        return self._data[name]

    def on_files(self, files, config):
        self.known_urls = {clean_url(f.url) for f in files}
        self.pages = [f.src_uri for f in files.documentation_pages()]
        if self.dirty:
            files = Files([f for f in files if not f.is_documentation_page() or f.is_modified()])
        pages = files.documentation_pages()
        if self.share is not None:
            self._keep_share(files, pages, config)
        for file in pages:
            if file.page is None and not file.inclusion.is_excluded():
                BodylessPage(None, file, config)  # sets file.page
        return files

    def _keep_share(self, files, pages, config) -> None:
        """Leave the pages of the other processes out of this one (excluded pages are
        neither read nor rendered, and links to them are still known)."""
        k, n = self.share
        for i, file in enumerate(sorted(pages, key=lambda f: f.src_uri)):
            if i % n != k:
                file.inclusion = InclusionLevel.EXCLUDED
        if k:
            for file in files:
                if not file.is_documentation_page():
                    file.inclusion = InclusionLevel.EXCLUDED
            config.theme.static_templates.clear()

    def on_env(self, env, config, files):
        # Next MkDocs copies static files and renders the static templates, writing into
        # existing files: in a stage those are hard links to the live site (publish.py),
        # so detach each output MkDocs is about to write.
        # (A full build starts from an empty folder.)
        if self.dirty:
            site_dir = Path(config["site_dir"])
            for template in config.theme.static_templates:
                detach(site_dir / template)
                detach(site_dir / f"{template}.gz")  # MkDocs gzips the sitemap
            for file in files:
                if not file.is_documentation_page() and file.is_modified():
                    detach(Path(file.abs_dest_path))
        env.filters.update(
            search_title=search_title,
            swedish_date=swedish_date,
            swedish_month=swedish_month,
            swedish_number=swedish_number,
            swedish_percent=swedish_percent,
            swedish_sort=lambda items, attr=None: sorted(
                items, key=lambda i: swedish_sort_key(i[attr] if attr else i)
            ),
        )
        env.globals["hub_data"] = self.data
        env.globals["bar_chart"] = bar_chart  # statistics.html: a chart's geometry
        # Every value a template prints, whatever its filters: "70 %", "4 000" and
        # "20 oktober 2020" get no-break spaces (a date from swedish_date, a summary from
        # the CMS, the page's body alike). Set before any template is compiled.
        env.finalize = _typeset
        env.getattr = dict_keys_first(env)
        return env

    def on_page_read_source(self, page, config):
        """The front matter is JSON (``frontmatter.loads``, read in C), not left to MkDocs'
        YAML parser (Python constructors over libyaml, most of a full render at 10 000
        pages): kept for ``on_page_markdown``, and MkDocs gets the body alone."""
        meta, body = loads(page.file.content_string)
        self._front_matter[page.file.src_uri] = meta
        return _NO_FRONT_MATTER + body

    def on_page_markdown(self, markdown, page, config, files):
        page.meta = self._front_matter.pop(page.file.src_uri)
        return markdown

    @event_priority(-100)
    def on_post_page(self, output, page, config):
        detach(Path(page.file.abs_dest_path))  # MkDocs writes it next (see on_env)
        output = weigh_function_words(output)
        if self.config.check_links:
            links = {link for pattern in _LINK_RES for link in pattern.findall(output)}
            links -= self._good_links  # most links (header, footer, listings) repeat
            broken = sorted(
                link
                for link in links
                if not link.startswith("//") and clean_url(link) not in self.known_urls
            )
            self._good_links.update(links.difference(broken))
            if broken:
                raise PluginError(
                    f"Trasiga interna länkar på sidan {page.file.src_uri} "
                    f"({page.url or '/'}): {', '.join(broken)}"
                )
        self.rendered.append(page.file.src_uri)
        if self.on_rendered:
            self.on_rendered(page.file.src_uri)
        return output
