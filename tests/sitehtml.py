"""Reading the built site's HTML in tests: start tags with their attributes, visible text."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path


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
