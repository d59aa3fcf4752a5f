"""The CMS's preview: a draft's API representation rendered with the site's theme.

Wagtail's preview (in the CMS process, ``cms.publishing.preview``) hands a draft's API
representation to ``render_item``. The item is mapped as the pull maps it and rendered as
the render renders a page, so the HTML is what the build would publish for that page,
except:

- what the page shows of other pages (listings, Nuläget, previous/next, the stories and
  related cases of a case: ``contract.LISTING_FIELDS``) is what the last pull wrote into
  the published page in ``content``, so listings show the items published now; a page
  that was never pulled shows none. The data files are that pull's too
  (``content/.data``);
- the draft's images are the CMS's own renditions and its documents the CMS's own files
  (root-relative URLs from the API, which the preview on the CMS host loads as they are);
  the images of listed items are the pull's files, and the theme's assets the theme's,
  both loaded from ``files_url``, where the CMS serves them;
- every other link leads to the site itself (``site_url``);
- the page is marked as a preview (``preview`` in its front matter: the theme shows a
  banner and asks search engines not to index it).
"""

from __future__ import annotations

import re
from pathlib import Path

from .contract import ACCESSIBILITY_STATEMENT, DATA_DIR, LISTING_FIELDS, MKDOCS_YML, is_case_item
from .frontmatter import loads
from .paths import content_file
from .pull.mapping import case_entry, page_entry
from .pull.media import image_shape
from .render.preview import render_page

#: Paths the site serves from the theme (``assets/``, the icon at the theme's root).
THEME_FILES = ("/assets/", "/favicon.ico")
#: Paths the site serves from content/'s media folder (the pull's image files).
CONTENT_MEDIA = "/media/"
#: Root-relative URLs of files in the API's own items: the CMS serves these itself.
CMS_FILES = ("/media/", "/documents/")
_URL_ATTRIBUTE = re.compile(r'\b(href|src)="(/(?!/)[^"]*)"')


def remote_image(api_image: dict | None, purpose: str) -> dict | None:
    """The theme's image shape using the CMS's rendition URLs as they are."""
    return image_shape(api_image, purpose)


def render_item(
    item: dict,
    *,
    content: Path | None = None,
    files_url: str | None = None,
    site_url: str | None = None,
    extra_meta: dict | None = None,
    config_file: Path = MKDOCS_YML,
) -> str:
    """HTML for one API item: a page (Wagtail API shape) or a case record (``/cases/``).

    ``content``: the last pull's content/ (listings and data files; none without it).
    ``files_url``: where the theme's assets and content/'s media are served (``/…/``);
    ``site_url``: the site's address. Without them URLs stay as the build writes them."""
    entry = case_entry(item) if is_case_item(item) else page_entry(item, remote_image)
    listed = published_listings(content, entry.path, entry.type)
    if files_url:
        listed = _locate_images(listed, lambda url: _content_file_url(url, files_url))
    meta = {**entry.meta, **listed, "preview": True, **(extra_meta or {})}
    data_dir = content / DATA_DIR if content and (content / DATA_DIR).is_dir() else None
    html = render_page(
        entry.path,
        meta,
        entry.body,
        data_dir=data_dir,
        site_url=site_url,
        config_file=config_file,
    )
    return _place_links(html, files_url, site_url)


def published_listings(content: Path | None, path: str, item_type: str) -> dict:
    """What the last pull wrote into the published page at ``path`` about other pages
    (``contract.LISTING_FIELDS`` of its type); nothing to show where ``content`` does not
    have the page (never published, or not pulled yet)."""
    fields = LISTING_FIELDS.get(item_type, {})
    if path == ACCESSIBILITY_STATEMENT:  # the documents the build found (pull/accessibility.py)
        fields = {**fields, "accessibility": None}
    published = {}
    if fields and content is not None:
        try:
            published, _body = loads((content / content_file(path)).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass
    return {key: published.get(key, empty) for key, empty in fields.items()}


def _content_file_url(url: str, files_url: str) -> str:
    return files_url + url[1:] if url.startswith(CONTENT_MEDIA) else url


def _locate_images(value, locate):
    """``value`` with every image shape's ``src`` and ``srcset`` passed through ``locate``."""
    if isinstance(value, list):
        return [_locate_images(v, locate) for v in value]
    if not isinstance(value, dict):
        return value
    if "src" in value and "srcset" in value:  # an image (themes/hub/README.md, "Shapes")
        candidates = [c.strip().split(" ", 1) for c in (value["srcset"] or "").split(",")]
        srcset = ", ".join(" ".join([locate(c[0]), *c[1:]]) for c in candidates if c[0])
        return {**value, "src": locate(value["src"] or ""), "srcset": srcset}
    return {key: _locate_images(v, locate) for key, v in value.items()}


def _place_links(html: str, files_url: str | None, site_url: str | None) -> str:
    """Point the page's root-relative links where the preview finds them: the theme's
    assets at ``files_url``, the CMS's own files as they are, the site's pages on the site."""

    def place(match: re.Match) -> str:
        attribute, url = match.groups()
        if files_url and url.startswith(files_url):
            return match.group()
        if files_url and url.startswith(THEME_FILES):
            return f'{attribute}="{files_url}{url[1:]}"'
        if url.startswith(CMS_FILES) or not site_url:
            return match.group()
        return f'{attribute}="{site_url.rstrip("/")}{url}"'

    return _URL_ATTRIBUTE.sub(place, html)
