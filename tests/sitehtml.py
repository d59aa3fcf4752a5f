"""Reading the built site's HTML in tests: start tags with their attributes, visible text, and
what the case portal's listings show."""

from __future__ import annotations

import json
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

from sitebuild.pull import facets


class Element(dict):
    """A start tag's attributes; ``tag`` is its name."""

    tag: str


class Document(HTMLParser):
    """Every start tag of an HTML document, in order, with its attributes."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        element = Element((k, v if v is not None else "") for k, v in attrs)
        element.tag = tag
        self.elements.append(element)

    def all(self, tag: str, **attrs: str) -> list[Element]:
        """Elements named ``tag`` whose attributes have these values (``class_`` → class)."""
        return [
            e
            for e in self.elements
            if e.tag == tag and all(e.get(k.rstrip("_")) == v for k, v in attrs.items())
        ]

    def meta(self, prop: str) -> str | None:
        """The content of ``<meta property=prop>``; it may appear at most once."""
        found = [e.get("content") for e in self.all("meta") if e.get("property") == prop]
        assert len(found) <= 1, f"{prop} appears {len(found)} times"
        return found[0] if found else None


def head(html: str) -> Document:
    return Document(html[: html.index("</head>")])


def text(html: str) -> str:
    """The text, tags dropped and whitespace collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def html_pages(root: Path) -> dict[str, Path]:
    """Every ``index.html`` that is a web page for everyone, by its site path: HTML, and not
    marked ``noindex`` (a generated data document may be an index.html too)."""
    found = {}
    for file in sorted(root.rglob("index.html")):
        html = file.read_text(encoding="utf-8")
        if not html.lstrip().lower().startswith("<!doctype html>"):
            continue
        if any(
            e.get("name") == "robots" and "noindex" in e.get("content", "")
            for e in head(html).all("meta")
        ):
            continue
        rel = file.parent.relative_to(root).as_posix()
        found["/" if rel == "." else f"/{rel}/"] = file
    return found


# ---- The case portal (/case/ and its filter pages); ``site`` has ``html(path)`` -----------

CARD_LINK = re.compile(r'<h\d class="card__title"><a href="([^"]+)">')
NEXT_LINK = re.compile(r'<a href="([^"]+)" rel="next">')
FILTER_LINK = re.compile(
    r'<a href="(/case/[^"]+)"[^>]*>([^<]+) <span class="facet__count">\(([\d\u202f]+)\)</span>'
)


def listing_pages(site, path: str) -> list[str]:
    """The HTML of a listing's pages, following its "next" links."""
    pages, seen = [], set()
    while path and path not in seen:
        seen.add(path)
        pages.append(site.html(path))
        following = NEXT_LINK.findall(pages[-1])
        path = following[0] if following else None
    return pages


def listing(site, path: str) -> list[str]:
    """The case paths a listing shows, in order, across its pages."""
    return [
        link
        for html in listing_pages(site, path)
        for link in CARD_LINK.findall(html.split('class="case-results"', 1)[1])
    ]


def filter_links(html: str) -> dict[str, tuple[str, int]]:
    """The plain filter links of a page: path → (label, count shown)."""
    block = html.split("data-filter-links", 1)[1].split("</div>", 1)[0]
    return {
        path: (unescape(label), int(count.replace("\u202f", "")))
        for path, label, count in FILTER_LINK.findall(block)
    }


def case_data(site) -> dict:
    html = site.html(facets.DATA_PATH)
    script = re.search(r'<script type="application/json" id="case-data">(.*?)</script>', html, re.S)
    return json.loads(script.group(1))
