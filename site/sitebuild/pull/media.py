"""Images and documents from the CMS, downloaded once into content/ and referenced by path.

Each file is kept while a page in content/ uses it: the store notes which files each item
uses (``take_used``), the pull keeps that list in its state, and ``remove_unused`` removes
the others, so an image or document of a page that was unpublished leaves the site with
it.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from ..files import write_if_changed
from .client import ApiClient

_DOC_LINK = re.compile(r'href="(/documents/\d+/[^"?#]+)"')
#: The folders of content/ the store writes into (site paths /media/…, /documents/…).
FOLDERS = ("media", "documents")

#: Which renditions make up an image, by where it is shown: (src, [srcset candidates]).
RENDITIONS = {
    "card": ("card", ["card", "card_2x"]),
    "body": ("medium", ["medium", "large"]),
}


def image_shape(api_image: dict | None, purpose: str, locate=lambda url: url) -> dict | None:
    """The theme's image shape (``{src, width, height, alt, srcset}``) for an API image;
    ``locate`` turns a rendition URL into the URL the page uses."""
    if not api_image or not api_image.get("renditions"):
        return None
    main, candidates = RENDITIONS[purpose]
    renditions = api_image["renditions"]
    chosen = renditions.get(main) or next(iter(renditions.values()))
    srcset = ", ".join(
        f"{locate(renditions[name]['url'])} {renditions[name]['width']}w"
        for name in candidates
        if name in renditions
    )
    return {
        "src": locate(chosen["url"]),
        "width": chosen["width"],
        "height": chosen["height"],
        "alt": api_image.get("alt") or "",
        "srcset": srcset,
    }


class MediaStore:
    def __init__(self, client: ApiClient, content_dir):
        self.client = client
        self.dir = content_dir
        self.downloaded = 0
        self._seen: dict[str, str] = {}
        self._used: set[str] = set()

    def take_used(self) -> list[str]:
        """The site paths of the files used since the last call (by one item)."""
        used, self._used = sorted(self._used), set()
        return used

    def _fetch(self, url: str, rel: PurePosixPath) -> str:
        site_path = self._seen.get(url) or "/" + rel.as_posix()
        self._used.add(site_path)
        if url in self._seen:
            return site_path
        target = self.dir / rel
        if not target.exists():
            write_if_changed(target, self.client.get_bytes(self.client.origin_url(url)))
            self.downloaded += 1
        self._seen[url] = site_path
        return site_path

    def rendition(self, url: str) -> str:
        """A rendition file, named by a digest of its URL (renditions never change in place)."""
        suffix = PurePosixPath(urlsplit(url).path).suffix.lower() or ".bin"
        name = hashlib.sha1(url.encode()).hexdigest()[:20] + suffix
        return self._fetch(url, PurePosixPath("media", name))

    def image(self, api_image: dict | None, purpose: str) -> dict | None:
        """The theme's image shape for an API image, with its files downloaded."""
        return image_shape(api_image, purpose, self.rendition)

    def documents_in(self, html: str) -> None:
        """Download every document the HTML links to, at the same path on the site."""
        for href in set(_DOC_LINK.findall(html or "")):
            parts = [unquote(p) for p in href.strip("/").split("/")]
            if any(p in ("", ".", "..") for p in parts):
                continue
            self._fetch(href, PurePosixPath(*parts))


def remove_unused(content: Path, used: set[str]) -> list[str]:
    """Remove the files under content/'s media folders whose site path is not in ``used``
    (and the folders that leaves empty); their paths in content/, removed."""
    removed = []
    for name in FOLDERS:
        root = Path(content) / name
        for folder, _dirs, files in os.walk(root, topdown=False):
            for file in files:
                path = Path(folder, file)
                rel = path.relative_to(content).as_posix()
                if "/" + rel not in used:
                    path.unlink()
                    removed.append(rel)
            if folder != os.fspath(root) and not os.listdir(folder):
                os.rmdir(folder)
    return sorted(removed)
