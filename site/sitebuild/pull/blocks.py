"""StreamField blocks from the API → accessible HTML for the Markdown body.

The markup is the theme's (``themes/hub/partials/blocks/<block type>.html``), rendered
here with Jinja when the pull writes a page; this module only prepares each block's
values. The API has already resolved every reference (rich text links are public paths,
images are renditions, pages are ``{title, path}``). Images are handed to ``media`` so
their files are downloaded once and referenced by a site path. Every HTML value and URL
from the API goes through ``sanitize``; text is escaped by the templates (``h``).
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from urllib.parse import urlsplit

import jinja2

from swedish import no_break_html

from ..contract import BLOCK_TEMPLATES
from . import sanitize

ImageFn = Callable[[dict | None, str], dict | None]

#: Not autoescaped: values that are HTML are sanitised here, text is escaped with ``h``
#: (``html.escape``, which writes quotes as ``&quot;`` and ``&#x27;``, as pages always had).
_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(BLOCK_TEMPLATES),
    autoescape=False,
    undefined=jinja2.StrictUndefined,
)
_env.filters["h"] = escape


def render_blocks(stream: list[dict] | None, image: ImageFn) -> str:
    """HTML for a StreamField value, its text with Swedish no-break spaces ("70 %",
    "4 000", "20 oktober 2020"); unknown block types fail loudly (a new block needs a
    template and a function here before it can be published)."""
    html = []
    for block in stream or []:
        kind, value = block.get("type"), block.get("value")
        values = BLOCKS.get(kind)
        if values is None:
            raise ValueError(f"okänd blocktyp {kind!r}")
        html.append(_env.get_template(f"{kind}.html").render(values(value, image)))
    return no_break_html("\n\n".join(h for h in html if h))


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in (text or "").split("\n\n") if p.strip()]


def _links(items: list[dict]) -> list[tuple[str, str]]:
    items = [(sanitize.url(i.get("path")), i.get("title", "")) for i in items or [] if i]
    return [(href, title) for href, title in items if href]


def _rich_text(value, image):
    return {"html": sanitize.html(value)}


def _image(value, image):
    value = value or {}
    return {"image": image(value, "body"), "caption": value.get("caption") or ""}


def _quote(value, image):
    return {
        "paragraphs": _paragraphs(value.get("quote", "")),
        "attribution": value.get("attribution") or "",
    }


def _call_to_action(value, image):
    href = sanitize.url(
        value.get("href") or (value.get("page") or {}).get("path") or value.get("url")
    )
    return {
        "heading": value.get("heading", ""),
        "paragraphs": _paragraphs(value.get("text", "")),
        "href": href,
        "label": value.get("link_label", ""),
    }


def _fact_box(value, image):
    return {"heading": value.get("heading", ""), "html": sanitize.html(value.get("text"))}


def _embed(value, image):
    url = sanitize.url(value.get("url") if isinstance(value, dict) else value)
    return {"url": url, "host": (urlsplit(url).hostname or url) if url else ""}


def _section(value, image):
    return {
        "heading": value.get("heading", ""),
        "html": sanitize.html(value.get("text")),
        "image": image(value.get("image"), "body"),
        "caption": (value.get("image") or {}).get("caption") or "",
        "cases": _links(value.get("cases")),
        "pages": _links(value.get("pages")),
    }


#: Block type → the values its template (``<block type>.html``) is rendered with.
BLOCKS = {
    "rich_text": _rich_text,
    "image": _image,
    "quote": _quote,
    "call_to_action": _call_to_action,
    "fact_box": _fact_box,
    "embed": _embed,
    "section": _section,
}
