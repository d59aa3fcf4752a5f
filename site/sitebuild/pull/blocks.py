"""StreamField blocks from the API → accessible HTML for the Markdown body.

The API has already resolved every reference (rich text links are public paths, images
are renditions, pages are ``{title, path}``). Images are handed to ``media`` so their files
are downloaded once and referenced by a site path. Every HTML value and URL from the API
goes through ``sanitize``; text is escaped.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from urllib.parse import urlsplit

from . import sanitize

ImageFn = Callable[[dict | None, str], dict | None]


def image_html(
    image: dict | None, *, sizes: str = "(min-width: 50rem) 46rem, 100vw", css: str = ""
) -> str:
    """An ``<img>`` from the theme's image shape (``{src, width, height, alt, srcset}``)."""
    if not image:
        return ""
    srcset = (
        f' srcset="{escape(image["srcset"])}" sizes="{escape(sizes)}"'
        if image.get("srcset")
        else ""
    )
    cls = f' class="{css}"' if css else ""
    return (
        f'<img src="{escape(image["src"])}"{srcset} width="{image["width"]}" '
        f'height="{image["height"]}" alt="{escape(image.get("alt") or "")}"{cls} '
        'loading="lazy" decoding="async">'
    )


def _figure(image: dict | None, caption: str) -> str:
    if not image:
        return ""
    cap = f"<figcaption>{escape(caption)}</figcaption>" if caption else ""
    return f'<figure class="block-image">{image_html(image)}{cap}</figure>'


def _paragraphs(text: str) -> str:
    parts = [p.strip() for p in (text or "").split("\n\n") if p.strip()]
    return "".join(f"<p>{escape(p).replace(chr(10), '<br>')}</p>" for p in parts)


def _links(items: list[dict], heading: str) -> str:
    items = [(sanitize.url(i.get("path")), i.get("title", "")) for i in items or [] if i]
    items = [(href, title) for href, title in items if href]
    if not items:
        return ""
    lis = "".join(f'<li><a href="{escape(href)}">{escape(title)}</a></li>' for href, title in items)
    return f'<p class="links-heading">{escape(heading)}</p><ul class="links">{lis}</ul>'


def render_blocks(stream: list[dict] | None, image: ImageFn) -> str:
    """HTML for a StreamField value; unknown block types fail loudly (a new block needs a
    renderer here before it can be published)."""
    html = []
    for block in stream or []:
        kind, value = block.get("type"), block.get("value")
        renderer = RENDERERS.get(kind)
        if renderer is None:
            raise ValueError(f"okänd blocktyp {kind!r}")
        html.append(renderer(value, image))
    return "\n\n".join(h for h in html if h)


def _rich_text(value, image):
    return f'<div class="rich-text">{sanitize.html(value)}</div>'


def _image(value, image):
    value = value or {}
    return _figure(image(value, "body"), value.get("caption") or "")


def _quote(value, image):
    who = value.get("attribution") or ""
    cite = f"<figcaption>{escape(who)}</figcaption>" if who else ""
    return (
        f'<figure class="quote"><blockquote>{_paragraphs(value.get("quote", ""))}'
        f"</blockquote>{cite}</figure>"
    )


def _call_to_action(value, image):
    href = sanitize.url(
        value.get("href") or (value.get("page") or {}).get("path") or value.get("url")
    )
    link = (
        (
            f'<p><a class="button" href="{escape(href)}">{escape(value.get("link_label", ""))}'
            "</a></p>"
        )
        if href
        else ""
    )
    return (
        f'<aside class="call-to-action"><h2>{escape(value.get("heading", ""))}</h2>'
        f"{_paragraphs(value.get('text', ''))}{link}</aside>"
    )


def _fact_box(value, image):
    return (
        f'<aside class="fact-box"><h2>{escape(value.get("heading", ""))}</h2>'
        f"{sanitize.html(value.get('text'))}</aside>"
    )


def _embed(value, image):
    # No third-party content is loaded on the site: an embed becomes a plain link.
    url = sanitize.url(value.get("url") if isinstance(value, dict) else value)
    if not url:
        return ""
    host = urlsplit(url).hostname or url
    return f'<p class="embed-link"><a href="{escape(url)}">Se innehållet hos {escape(host)}</a></p>'


def _section(value, image):
    parts = [
        f"<h2>{escape(value.get('heading', ''))}</h2>",
        sanitize.html(value.get("text")),
        _figure(image(value.get("image"), "body"), (value.get("image") or {}).get("caption") or ""),
        _links(value.get("cases"), "Case som nämns"),
        _links(value.get("pages"), "Läs mer"),
    ]
    return f'<section class="newsletter-section">{"".join(parts)}</section>'


RENDERERS = {
    "rich_text": _rich_text,
    "image": _image,
    "quote": _quote,
    "call_to_action": _call_to_action,
    "fact_box": _fact_box,
    "embed": _embed,
    "section": _section,
}
