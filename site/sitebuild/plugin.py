"""The hub's MkDocs plugin: Swedish filters, build data, strict internal link checking.

Registered as the ``hub`` plugin (entry point in pyproject.toml). Listings, feeds and facet
pages read the data files the pull step writes (``content/.data/*.json``), never the other
pages' metadata: in a dirty build MkDocs does not read unmodified pages.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from swedish import swedish_date, swedish_month, swedish_number, swedish_sort_key

from .frontmatter import loads
from .paths import clean_url

# One pattern per attribute: a pattern that starts with a literal is searched ten times
# faster than one that starts with an alternation (this runs over every page's HTML).
_LINK_RES = (re.compile(r'href="(/[^"#?]*)'), re.compile(r'src="(/[^"#?]*)'))
_DIRTY_NOTICE = "A 'dirty' build is being performed"


class _DropDirtyNotice(logging.Filter):
    """MkDocs warns on every dirty build; in strict mode that warning would fail the build."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(_DIRTY_NOTICE)


logging.getLogger("mkdocs.commands.build").addFilter(_DropDirtyNotice())


class HubPage(Page):
    """A page of content/: front matter read by ``frontmatter.loads`` (JSON, read in C,
    rather than MkDocs' YAML parser), and no Markdown pass for a page without a body (a
    case record is all front matter). Otherwise exactly MkDocs' ``Page``."""

    def read_source(self, config) -> None:
        source = config.plugins.on_page_read_source(page=self, config=config)
        if source is None:
            source = self.file.content_string  # MkDocs' own errors for a missing file
        self.meta, self.markdown = loads(source)

    def render(self, config, files) -> None:
        if self.markdown and self.markdown.strip():
            super().render(config, files)
            return
        self.content = ""
        self.toc = get_toc([])
        self.present_anchor_ids = set()
        self.links_to_anchors = {}


class HubPluginConfig(Config):
    data_dir = c.Type(str, default=".data")
    check_links = c.Type(bool, default=True)


class HubPlugin(BasePlugin[HubPluginConfig]):
    #: Called with the page's src path after each page is rendered (progress display).
    on_rendered: Callable[[str], None] | None = None
    #: ``(k, n)``: render only every n-th page from the k-th (one of n processes building
    #: one site together, see render.py); the first process also writes everything else.
    share: tuple[int, int] | None = None
    #: Set for MkDocs' dirty build (render.py): pages whose output is up to date are left
    #: out of the build altogether (MkDocs would still make a Page of each, and check it).
    dirty: bool = False

    def on_config(self, config):
        self._good_links: set[str] = set()  # links found good in this build
        self.rendered: list[str] = []
        self.pages: list[str] = []  # every page of the site, rendered in this run or not
        self.known_urls: set[str] = set()
        self.extra_outputs: set[str] = set()
        self._data: dict[str, object] = {}
        self.data_path = Path(config["docs_dir"]) / self.config.data_dir
        return config

    def data(self, name: str, default=None):
        """The data file ``content/.data/<name>.json`` (read once per build)."""
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
                HubPage(None, file, config)  # sets file.page
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
        # so remove each output MkDocs is about to write.
        # (A full build starts from an empty folder.)
        if self.dirty:
            site_dir = Path(config["site_dir"])
            for template in config.theme.static_templates:
                _unlink(site_dir / template)
                _unlink(site_dir / f"{template}.gz")  # MkDocs gzips the sitemap
            for file in files:
                if not file.is_documentation_page() and file.is_modified():
                    _unlink(Path(file.abs_dest_path))
        env.filters.update(
            swedish_date=swedish_date,
            swedish_month=swedish_month,
            swedish_number=swedish_number,
            swedish_sort=lambda items, attr=None: sorted(
                items, key=lambda i: swedish_sort_key(i[attr] if attr else i)
            ),
        )
        env.globals["hub_data"] = self.data
        env.getattr = _dict_keys_first(env)
        return env

    def register_output(self, url: str) -> None:
        """A file some other step writes into the site (a feed, the search index)."""
        self.extra_outputs.add(url)
        self.known_urls.add(clean_url(url))

    @event_priority(-100)
    def on_post_page(self, output, page, config):
        _unlink(Path(page.file.abs_dest_path))  # MkDocs writes it next (see on_env)
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


_DICT_ATTRIBUTES = frozenset(dir(dict))


def _dict_keys_first(env):
    """Jinja's ``a.b`` for the theme: the same result, found faster for plain dicts.

    Jinja first tries ``getattr(a, "b")`` and only then ``a["b"]``; the templates read
    nearly everything from dicts (front matter and the cards in it), so almost every
    lookup first raised an AttributeError, about a tenth of the render. A dict has no
    attribute by any name that is not one of its methods, so for every other name looking
    up the key first gives what Jinja would give.
    """
    default = env.getattr

    def getattr_(obj, attribute):
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                return env.undefined(obj=obj, name=attribute)
        return default(obj, attribute)

    return getattr_


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except (FileNotFoundError, NotADirectoryError):
        pass
