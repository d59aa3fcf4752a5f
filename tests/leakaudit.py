"""Reading everything that leaves the CMS, for the personal-data audit
(test_site_personal_data): API responses recorded or crawled, the files of content/ and of
the built site, all as normalised text to search for what must not be there."""

from __future__ import annotations

import gzip
import html
import json
import re
import unicodedata
from collections import deque
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

import httpx
from django.test import Client
from sitebuild_helpers import Site

API = "/api/v2/"
GZIP = b"\x1f\x8b"
#: Where the crawl starts: every listing and document the API has (Wagtail's listings
#: with every field).
SEEDS = [
    "pages/?fields=*",
    "images/?fields=*",
    "documents/?fields=*",
    "cases/",
    "taxonomies/",
    "stats/",
    "site/",
    "manifest/",
]

#: Wagtail's listings, whose items have their detail at <listing><id>/.
WAGTAIL_LISTINGS = {API + "pages/", API + "images/", API + "documents/"}


def normalise(text: str) -> str:
    """Text as the audit compares it: NFC, case-folded, whitespace runs as one space."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def readable(where: str, data: bytes) -> str:
    """A response or a file as text to search: gzip decompressed (Pagefind's files are
    gzip, holding "pagefind_dcd" and then their data), JSON's \\u escapes and HTML's
    entities decoded, normalised; HTML once more without its tags."""
    if ".pf_" in where.rsplit("/", 1)[-1]:
        assert data[:2] == GZIP, f"{where}: Pagefind's file is not gzip-compressed"
        data = gzip.decompress(data)
        assert data.startswith(b"pagefind_dcd"), f"{where}: no pagefind_dcd signature"
    elif data[:2] == GZIP:
        data = gzip.decompress(data)
    text = data.decode("utf-8", errors="ignore")
    text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)
    if "<" not in text:
        return normalise(html.unescape(text))
    # Also without its tags: "<b>Nils</b> Hemligsson" is a name too.
    without_tags = re.sub(r"<[^>]*>", " ", text)
    return normalise(html.unescape(text)) + "\0" + normalise(html.unescape(without_tags))


def readable_all(sources: dict[str, bytes]) -> dict[str, str]:
    return {where: readable(where, data) for where, data in sources.items()}


def leaks(texts: dict[str, str], secrets: dict[str, str]) -> list[str]:
    """``what: 'text' i where`` for every secret found in a text (of ``readable_all``)."""
    wanted = {normalise(text): (text, what) for text, what in secrets.items()}
    return [
        f"{what}: {secret!r} i {where}"
        for where, text in texts.items()
        for needle, (secret, what) in wanted.items()
        if needle in text
    ]


# The site and the API, read --------------------------------------------------------------


class Recording(httpx.BaseTransport):
    """A transport that keeps the body of every response, by URL."""

    def __init__(self, inner: httpx.BaseTransport):
        self.inner = inner
        self.bodies: dict[str, bytes] = {}

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        body = response.read()
        self.bodies[str(request.url)] = body
        return httpx.Response(response.status_code, headers=response.headers, content=body)


def api_links(data, found: set[str]) -> None:
    """Every path below /api/v2/ named in a JSON document (absolute URLs included)."""
    if isinstance(data, dict):
        for value in data.values():
            api_links(value, found)
    elif isinstance(data, list):
        for value in data:
            api_links(value, found)
    elif isinstance(data, str) and API in data:
        parts = urlsplit(data)
        if parts.path.startswith(API) and parts.scheme in ("", "http", "https"):
            found.add(parts.path + (f"?{parts.query}" if parts.query else ""))


def crawl() -> dict[str, bytes]:
    """Every URL below /api/v2/ reachable from ``SEEDS``, with its body: links and
    ``next`` followed, Wagtail's listings paged by ``offset``, every item's detail URL."""
    client = Client()
    queue = deque(API + seed for seed in SEEDS)
    seen = set(queue)
    bodies = {}
    while queue:
        url = queue.popleft()
        response = client.get(url, follow=True)
        assert response.status_code == 200, f"{url}: HTTP {response.status_code}"
        bodies[url] = response.content
        data = json.loads(response.content)
        found: set[str] = set()
        api_links(data, found)
        if isinstance(data, dict):
            items = data.get("items") or data.get("results") or []
            total = (data.get("meta") or {}).get("total_count")
            path, query = url.split("?")[0], dict(parse_qsl(urlsplit(url).query))
            if total is not None and int(query.get("offset", 0)) + len(items) < total:
                query["offset"] = int(query.get("offset", 0)) + len(items)
                found.add(f"{path}?{urlencode(query)}")
            for item in items:
                if path == API + "cases/":
                    found.add(f"{API}cases/{item['case_id']}/")
                elif path in WAGTAIL_LISTINGS:
                    found.add(f"{path}{item['id']}/")
        for link in sorted(found - seen):
            seen.add(link)
            queue.append(link)
    return bodies


def files(root: Path, label: str) -> dict[str, bytes]:
    """Every file under ``root`` (a symlink to the live build followed), by ``label/path``."""
    root = Path(root).resolve()
    return {
        f"{label}/{p.relative_to(root).as_posix()}": p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def site_files(site: Site) -> dict[str, str]:
    """Every file of ``content/`` and of the live build, readable."""
    return readable_all(files(site.content, "content") | files(site.out, "webbplatsen"))
